"""Issue 16's property-based sweep over every public solver: tolerances from 0
to beyond any use, payoff magnitudes from 1e-300 to 1e308, and monitors
entered and left in any order. Whatever the input, a solver either refuses it
with a ValueError naming itself, or returns a result that passes its own
verification: finite numbers, no NaN reported as converged, and every
equilibrium with regret within the stated tolerance (tol x payoff range).

Results are verified on the unscaled game (a positive scaling keeps every
equilibrium), so that the check itself never overflows."""
import gc
import math
import os
import threading

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dilemma

TIME_LIMIT = 20.0
# CI runs a short sweep; DILEMMA_SWEEP_EXAMPLES=2000 is the long one recorded in benchmarks/RESULTS.md.
EXAMPLES = int(os.environ.get("DILEMMA_SWEEP_EXAMPLES", "40"))
SWEEP = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Tolerances a user could type: 0, the smallest double, ordinary ones, and ones no method can use.
TOLERANCES = [0.0, 5e-324, 1e-15, 1e-9, 1e-6, 0.1, 0.5, 1.0, 2.0, 1e300, math.inf, math.nan, -1e-9]
# The floor of the regret check: what rounding leaves at tol = 0 (relative to the payoff range).
ROUNDING = 1e-7


# ---------------------------------------------------------------- games


@st.composite
def base_payoffs(draw, num_players, num_actions):
    """Integer payoffs in [-9, 9] for every player, as one array per player."""
    shape = (num_actions,) * num_players
    size = int(np.prod(shape))
    return [np.array(draw(st.lists(st.integers(-9, 9), min_size=size, max_size=size)), dtype=float).reshape(shape)
            for _ in range(num_players)]


def scaled(payoffs, exponent):
    """The payoffs times 10^exponent (at most 9e307: finite, though a range of them overflows)."""
    return [u * 10.0 ** exponent for u in payoffs]


def dense(payoffs):
    return dilemma.NormalFormGame.from_arrays(*payoffs)


def symmetric(values, num_players, num_actions):
    columns = len(dilemma.count_vectors(num_actions, num_players - 1))
    return dilemma.SymmetricGame(num_players, num_actions, np.asarray(values, dtype=float).reshape(num_actions, columns))


# ---------------------------------------------------------------- verification


def regret_bound(game, tol):
    return max(tol, ROUNDING) * dilemma.payoff_range(game)


def check_profile(name, game, profile, tol):
    profile = [np.asarray(p, dtype=float) for p in (profile if isinstance(profile, (tuple, list)) else [profile])]
    for p in profile:
        assert np.all(np.isfinite(p)), f"{name}: a non-finite profile {profile}"
        assert np.all(p >= -1e-9) and abs(p.sum() - 1) < 1e-6, f"{name}: not a distribution: {profile}"
    if len(profile) == 1:  # a symmetric strategy
        profile = profile[0]
    regret = dilemma.regret(game, profile)
    assert regret <= regret_bound(game, tol), f"{name}: regret {regret} > bound {regret_bound(game, tol)}"


def check_count_class(name, game, counts, tol):
    """A pure equilibrium in count form: no player of a used action gains by switching."""
    for a, count in enumerate(counts):
        if count:
            others = [c - (b == a) for b, c in enumerate(counts)]
            own = game.payoff(a, others)
            best = max(game.payoff(b, others) for b in range(game.num_actions))
            assert best - own <= regret_bound(game, tol), f"{name}: class {counts} gains {best - own} by leaving {a}"


def check_report(name, result):
    report = result.report
    assert report.method == name
    assert isinstance(report.converged, bool) and isinstance(report.exhaustive, bool)


def equilibria(name, result):
    """The profiles a solver's result claims to be Nash equilibria (the unconverged claim none)."""
    if name in ("lemke_howson",):
        return [] if result.equilibrium is None or not result.report.converged else [result.equilibrium]
    if name == "solve_zero_sum":
        return [(result.row_strategy, result.column_strategy)]
    if name == "simplicial_subdivision":
        return [result.equilibrium] if result.report.converged else []
    if name == "enumerate_equilibria":
        return list(result.equilibria)
    if name == "nash_components":
        return [p for component in result for p in component.equilibria]
    if name == "replicator_rest_points":
        return []  # rest points need not be equilibria
    if name == "evolutionarily_stable_strategies":
        return list(result.strategies)
    if name in ("logit_qre", "logit_qre_at", "correlated_equilibrium"):
        return []  # checked by their own measures below
    return list(result)


def profile_of(game, eq):
    """A pure profile or count class as something regret() takes."""
    if isinstance(eq, tuple) and all(isinstance(a, (int, np.integer)) for a in eq):  # a pure profile
        return [np.eye(n)[a] for n, a in zip(game.nums_actions, eq)]
    return eq


def correlated_violation(payoffs, distribution):
    """Largest gain of obeying-versus-deviating over all players and action pairs (independent of the library)."""
    worst = 0.0
    for i, u in enumerate(payoffs):
        u = np.moveaxis(u, i, 0)
        p = np.moveaxis(distribution, i, 0)
        for a in range(u.shape[0]):
            for b in range(u.shape[0]):
                worst = max(worst, float(np.sum(p[a] * (u[b] - u[a]))))
    return worst


def verify(name, scaled_game, base_game, base, result, tol):
    """The result's own checks, on the unscaled game (same equilibria, no overflow)."""
    check_report(name, result)
    for eq in equilibria(name, result):
        if hasattr(eq, "counts"):
            check_count_class(name, base_game, eq.counts, tol)
        else:
            check_profile(name, base_game, profile_of(base_game, eq), tol)
    if name in ("logit_qre", "logit_qre_at"):
        qre = result.qre
        if qre is not None:
            for p in (qre if isinstance(qre, tuple) else [qre]):
                assert np.all(np.isfinite(p)), f"{name}: non-finite QRE {qre}"
        assert math.isfinite(result.lam) or not result.report.converged
    if name == "correlated_equilibrium":
        distribution = np.asarray(result.distribution, dtype=float)
        assert np.all(np.isfinite(distribution)) and abs(distribution.sum() - 1) < 1e-6, name
        assert math.isfinite(result.max_violation), name
        violation = correlated_violation(base, distribution)
        assert violation <= regret_bound(base_game, tol) * distribution.size, (
            f"{name}: obedience violated by {violation} (reported max_violation {result.max_violation})")


# ---------------------------------------------------------------- the solvers


TWO_PLAYER = ["vertex_enumeration", "support_enumeration", "nash_components", "lemke_howson", "lemke_howson_all",
              "pure_nash", "pure_nash_brute", "correlated_equilibrium"]
N_PLAYER = ["enumerate_equilibria", "simplicial_subdivision", "logit_qre", "logit_qre_at", "pure_nash",
            "correlated_equilibrium"]
SYMMETRIC = ["symmetric_equilibria", "replicator_rest_points", "evolutionarily_stable_strategies", "pure_nash",
             "enumerate_equilibria", "logit_qre"]


def call(name, game, tol, **options):
    solver = getattr(dilemma, name)
    args = (1.0,) if name == "logit_qre_at" else ()
    if name in ("logit_qre", "logit_qre_at"):
        options.setdefault("max_lambda", 1e4)
    return solver(game, *args, tol=tol, time_limit=TIME_LIMIT, **options)


def run(name, scaled_game, base_game, base, tol, **options):
    try:
        result = call(name, scaled_game, tol, **options)
    except ValueError as error:
        assert name in str(error) or "tol" in str(error), f"{name}: a ValueError that names nothing: {error}"
        return
    except (MemoryError, TimeoutError):
        return  # an honest stop at the memory or time limit
    verify(name, scaled_game, base_game, base, result, tol)


def test_every_public_solver_is_swept():
    swept = set(TWO_PLAYER) | set(N_PLAYER) | set(SYMMETRIC) | {"solve_zero_sum"}
    assert swept == set(dilemma.solver_names())


@SWEEP
@given(data=st.data(), name=st.sampled_from(TWO_PLAYER + ["solve_zero_sum"]), tol=st.sampled_from(TOLERANCES),
       exponent=st.sampled_from([0, -300, -150, 150, 300, 307]), rational=st.booleans())
def test_two_player_solvers_on_any_tolerance_and_magnitude(data, name, tol, exponent, rational):
    m = data.draw(st.integers(2, 4))
    base = data.draw(base_payoffs(2, m))
    if name == "solve_zero_sum":
        base[1] = -base[0]
    options = {"rational": True} if rational and name not in ("pure_nash", "pure_nash_brute",
                                                              "correlated_equilibrium") else {}
    run(name, dense(scaled(base, exponent)), dense(base), base, tol, **options)


@SWEEP
@given(data=st.data(), name=st.sampled_from(N_PLAYER), tol=st.sampled_from(TOLERANCES),
       exponent=st.sampled_from([0, -300, -150, 150, 300, 307]))
def test_n_player_solvers_on_any_tolerance_and_magnitude(data, name, tol, exponent):
    base = data.draw(base_payoffs(3, 2))
    run(name, dense(scaled(base, exponent)), dense(base), base, tol)


@SWEEP
@given(data=st.data(), name=st.sampled_from(SYMMETRIC), tol=st.sampled_from(TOLERANCES),
       exponent=st.sampled_from([0, -300, -150, 150, 300, 307]))
def test_symmetric_solvers_on_any_tolerance_and_magnitude(data, name, tol, exponent):
    n, m = data.draw(st.integers(2, 4)), data.draw(st.integers(2, 3))
    columns = len(dilemma.count_vectors(m, n - 1))
    values = np.array(data.draw(st.lists(st.integers(-9, 9), min_size=m * columns, max_size=m * columns)), dtype=float)
    base_game = symmetric(values, n, m)
    scaled_game = symmetric(values * 10.0 ** exponent, n, m)
    run(name, scaled_game, base_game, None, tol)


# ---------------------------------------------------------------- monitors

OPERATIONS = ["make", "enter", "exit", "drop", "collect", "solve", "thread_enter", "cancel"]


@SWEEP
@given(operations=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 3)), max_size=25))
def test_monitors_in_any_order_of_enter_exit_and_collection(operations):
    """Monitors entered, left, dropped and collected in any order, some entered in threads that end without
    leaving them: nothing crashes, and a solver outside every monitor is not stopped by a freed one."""
    monitors, tokens, entered = [], [], []
    game = dilemma.random_game((3, 3), random_state=1)
    for operation, k in operations:
        if operation == "make":
            token = dilemma.CancelToken()
            tokens.append(token)
            monitors.append(dilemma.monitor(progress=lambda fraction: None, time_limit=60.0, cancel=token))
        elif not monitors:
            continue
        elif operation == "enter":
            try:
                monitors[k % len(monitors)].__enter__()
                entered.append(monitors[k % len(monitors)])
            except (RuntimeError, ValueError):
                pass  # entering twice may be refused; it must not crash
        elif operation == "exit":
            try:
                monitors[k % len(monitors)].__exit__(None, None, None)
                if monitors[k % len(monitors)] in entered:
                    entered.remove(monitors[k % len(monitors)])
            except (RuntimeError, ValueError):
                pass  # leaving out of order may be refused; it must not crash
        elif operation == "drop":
            monitors.pop(k % len(monitors))
        elif operation == "collect":
            tokens.clear()
            gc.collect()
        elif operation == "cancel" and tokens:
            tokens[k % len(tokens)].cancel()
        elif operation == "thread_enter":
            chosen = monitors[k % len(monitors)]
            thread = threading.Thread(target=chosen.__enter__)
            thread.start()
            thread.join()
        elif operation == "solve":
            try:
                result = dilemma.vertex_enumeration(game)
            except dilemma.Cancelled:
                continue  # a monitor this thread entered and whose token is set: a legitimate stop
            assert len(result) >= 1
    for chosen in reversed(entered):  # leave this thread as the test found it
        try:
            chosen.__exit__(None, None, None)
        except (RuntimeError, ValueError):
            pass
    monitors.clear()
    tokens.clear()
    entered.clear()
    gc.collect()
    assert len(dilemma.vertex_enumeration(game)) >= 1  # no monitor of this test is left in force
