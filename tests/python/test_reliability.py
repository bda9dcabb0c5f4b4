"""Issue 16, a class per test: each failed before its fix (wrong answers nobody
was told about, internal signals escaping, computations that never return)."""
from fractions import Fraction

import numpy as np
import pytest

import dilemma


@pytest.mark.parametrize("num_players", [2, 3, 4])
def test_a_list_of_per_player_arrays_is_refused_naming_from_arrays(num_players):
    rng = np.random.default_rng(num_players)
    shape = (2,) * num_players
    arrays = [rng.integers(0, 9, shape).astype(float) for _ in range(num_players)]
    for data in (arrays, tuple(arrays), [a.tolist() for a in arrays]):
        with pytest.raises(ValueError, match=r"NormalFormGame: a list of %d arrays of shape .* "
                                             r"NormalFormGame\.from_arrays\(" % num_players):
            dilemma.NormalFormGame(data)
    per_player = dilemma.NormalFormGame.from_arrays(*arrays)
    profile = dilemma.NormalFormGame(np.stack(arrays, axis=-1))  # a genuine payoff profile ndarray
    assert profile == per_player
    for i in range(num_players):
        np.testing.assert_array_equal(per_player.payoffs(i), arrays[i])


def test_the_prisoners_dilemma_written_as_two_matrices():
    A = np.array([[3, 0], [5, 1]])
    with pytest.raises(ValueError, match="from_arrays"):
        dilemma.NormalFormGame([A, A.T])
    assert dilemma.pure_nash(dilemma.NormalFormGame.from_arrays(A, A.T)) == [(1, 1)]
    assert dilemma.pure_nash(dilemma.NormalFormGame(np.stack([A, A.T], axis=-1))) == [(1, 1)]


def test_exact_support_enumeration_keeps_its_overflow_signal_inside():
    # Floats with 17 significant digits: 64-bit integer pivoting overflows while
    # the polyhedra are built, before the search starts.
    for seed in range(6):
        game = dilemma.random_game((2, 2), random_state=seed)
        exact = dilemma.support_enumeration(game, rational=True)
        assert sorted(map(str, exact)) == sorted(map(str, dilemma.vertex_enumeration(game, rational=True)))
        assert list(dilemma.support_enumeration_gen(game, rational=True))


def test_an_exact_multiplicity_too_large_is_refused_at_once():
    huge = dilemma.CountClass((10**18, 10**18))
    with pytest.raises(ValueError, match=r"CountClass\.multiplicity: .* decimal digits, .* use log_multiplicity"):
        huge.multiplicity
    assert huge.log_multiplicity == pytest.approx(2e18 * np.log(2), rel=1e-6)
    assert dilemma.CountClass((3000, 3000)).multiplicity.bit_length() > 5990  # still exact below the limit


def test_a_profile_printed_with_six_decimals_is_an_equilibrium_at_that_precision():
    # dilemma's and Gambit's CLI print 6 decimals: the regret of a printed
    # equilibrium is of the order of the rounding, 1e-6 of the payoff range.
    game = dilemma.random_game((3, 3, 3), random_state=4, low=0, high=99, integer=True)
    for exact in dilemma.enumerate_equilibria(game).equilibria:
        printed = tuple(np.round(x, 6) for x in exact)
        assert dilemma.is_nash(game, printed, tol=1e-5)


def test_write_nfg_writes_no_exponent_and_reads_back_exactly():
    # Gambit 17's reader refuses 1.5e+20; a fixed-notation decimal reads the same double back.
    rng = np.random.default_rng(16)
    payoffs = [np.array([[1.5e20, 1e-7], [0.1, -3.0]]), 10.0 ** rng.uniform(-300, 308, (2, 2))]
    game = dilemma.NormalFormGame.from_arrays(*payoffs)
    text = dilemma.write_nfg(game)
    assert "e" not in text[text.rindex("}") + 1:]
    assert dilemma.read_nfg(text) == game


def test_an_exact_symmetric_equilibrium_of_a_huge_game_is_checked_at_once():
    # The payoff range of 10^5 players (5 * 10^9 count vectors) is only needed when
    # the regret is not 0, and then it can be stopped.
    purge = dilemma.confession_game(10**5, "invariant_purge")
    assert dilemma.is_nash(purge, [0.2, 0.3, 0.5])
    with pytest.raises(TimeoutError, match="payoff_range"), dilemma.monitor(time_limit=0.2):
        dilemma.payoff_range(purge)


# --- Tolerances the pivoting methods cannot use; payoffs near DBL_MAX; weak mixed dominance at tol=0 ---

PIVOTING = ["lemke_howson", "lemke_howson_all", "vertex_enumeration", "nash_components", "support_enumeration",
            "solve_zero_sum", "correlated_equilibrium"]
THREE_BY_THREE = dilemma.NormalFormGame.from_arrays([[2, 1, 0], [1, 1, 2], [3, 0, 2]],
                                                   [[3, 2, 2], [0, 3, 3], [3, 1, 2]])


def _profiles(name, found):
    if name == "lemke_howson":
        assert found.report.converged, found.report.message
        return [found.equilibrium]
    if name == "solve_zero_sum":
        return [(found.row_strategy, found.column_strategy)]
    if name == "nash_components":
        return [p for component in found for p in component.equilibria]
    return list(found)


@pytest.mark.parametrize("name", PIVOTING)
@pytest.mark.parametrize("tol", [0.0, 1e-16, 0.5, 2.0, -1.0, float("nan"), float("inf")])
def test_a_tolerance_a_pivoting_method_cannot_use_is_refused_with_its_range(name, tol):
    # tol = 0 let rounding noise pass for a sign (heap corruption in lemke_howson_all), tol >= 1 read
    # every payoff as zero (a segfault, a NaN profile reported as converged, a NaN value).
    game = dilemma.matching_pennies() if name == "solve_zero_sum" else THREE_BY_THREE
    with pytest.raises(ValueError, match=r"%s: tol must be in \[1e-13, 1e-05\]" % name):
        getattr(dilemma, name)(game, tol=tol)


@pytest.mark.parametrize("name", PIVOTING[:-1])
def test_exact_arithmetic_ignores_tol(name):
    game = dilemma.matching_pennies() if name == "solve_zero_sum" else THREE_BY_THREE
    found = getattr(dilemma, name)(game, tol=0.0, rational=True)
    assert all(dilemma.is_nash(game, [np.array(x, float) for x in p]) for p in _profiles(name, found))


@pytest.mark.parametrize("tol", [1e-13, 1e-11, 1e-9, 1e-7, 1e-5])
def test_every_tolerance_in_the_range_gives_equilibria(tol):
    rng = np.random.default_rng(16)
    games = [THREE_BY_THREE, dilemma.matching_pennies()]
    for k in range(60):  # ties (small integers), two decimals, continuous
        shape = tuple(rng.integers(2, 6, 2))
        draw = [lambda: rng.integers(0, 3, shape), lambda: np.round(rng.random(shape), 2),
                lambda: rng.random(shape)][k % 3]
        games.append(dilemma.NormalFormGame.from_arrays(draw(), draw()))
    for game in games:
        A = game.payoffs(0)
        zero_sum = dilemma.NormalFormGame.from_arrays(A, -A)
        for name in PIVOTING[:-1]:
            if name == "lemke_howson":
                runs = [dilemma.lemke_howson(game, tol=tol, init_pivot=k) for k in range(sum(A.shape))]
                profiles = [p for run in runs for p in _profiles(name, run)]
            else:
                target = zero_sum if name == "solve_zero_sum" else game
                profiles = _profiles(name, getattr(dilemma, name)(target, tol=tol))
            assert profiles, name
            for profile in profiles:
                target = zero_sum if name == "solve_zero_sum" else game
                assert all(np.isfinite(x).all() for x in profile), (name, tol)
                assert dilemma.is_nash(target, profile, tol=max(1e-8, 10 * tol)), (name, tol, game, profile)
        ce = dilemma.correlated_equilibrium(game, tol=tol)
        assert np.isfinite(ce.distribution).all() and ce.max_violation <= max(1e-8, 10 * tol) * 2 * np.ptp(A)


@pytest.mark.parametrize("exponent", [-1000, -40, 40, 1000, 1022])
def test_payoffs_scaled_by_a_power_of_two_up_to_dbl_max_give_the_same_answers(exponent):
    # Payoffs in (-2, 2) times 2^1022 reach 1.8e308: ranges and differences overflowed (segfaults in
    # mixed_dominance and iterated_elimination, a point mass as the correlated equilibrium of matching
    # pennies); scaling by a power of two is exact, so every answer must be the same.
    rng = np.random.default_rng(exponent + 2000)
    for k in range(12):
        shape = (3, 3) if k % 2 else (2, 3, 2)
        arrays = [np.round(rng.uniform(-1.9, 1.9, shape), 1) for _ in shape]
        small = dilemma.NormalFormGame.from_arrays(*arrays)
        large = dilemma.NormalFormGame.from_arrays(*[np.ldexp(a, exponent) for a in arrays])
        for i, m in enumerate(shape):
            for a in range(m):
                for weak in (False, True):
                    x = dilemma.mixed_dominance(small, i, a, weak=weak)
                    y = dilemma.mixed_dominance(large, i, a, weak=weak)
                    assert x.dominated == y.dominated, (k, i, a, weak)
                    if x.dominated:
                        np.testing.assert_allclose(x.strategy, y.strategy, atol=1e-9)
        assert dilemma.iterated_elimination(small, mixed=True).original_actions == \
            dilemma.iterated_elimination(large, mixed=True).original_actions
        for x, y in zip(dilemma.security_strategies(small), dilemma.security_strategies(large)):
            np.testing.assert_allclose(x.strategy, y.strategy, atol=1e-9)
        for coarse in (False, True):
            x = dilemma.correlated_equilibrium(small, coarse=coarse)
            y = dilemma.correlated_equilibrium(large, coarse=coarse)
            np.testing.assert_allclose(x.distribution, y.distribution, atol=1e-9)
            assert y.max_violation <= 1e-8 * np.ldexp(1.0, exponent)


def test_matching_pennies_times_1e308_has_the_uniform_correlated_equilibrium():
    A = np.array([[1.0, -1.0], [-1.0, 1.0]]) * 1e308
    ce = dilemma.correlated_equilibrium(dilemma.NormalFormGame.from_arrays(A, -A))
    np.testing.assert_allclose(ce.distribution, 0.25, atol=1e-12)
    assert ce.max_violation <= 1e-9 * 1e308


def _feasible(A, b):
    """Whether A x = b, x >= 0 has a solution: phase one of the simplex method in exact rationals,
    Bland's rule (independent of the library's programs: another formulation, no tolerance)."""
    rows, cols = len(A), len(A[0])
    T = []
    for i in range(rows):
        sign = -1 if b[i] < 0 else 1
        T.append([sign * Fraction(v) for v in A[i]] + [Fraction(int(i == k)) for k in range(rows)]
                 + [sign * Fraction(b[i])])
    basis = [cols + i for i in range(rows)]
    cost = [-sum(T[i][j] for i in range(rows)) if j < cols else Fraction(0) for j in range(cols + rows)]
    cost.append(-sum(T[i][-1] for i in range(rows)))  # minus the artificials' sum
    while True:
        enter = next((j for j in range(cols + rows) if cost[j] < 0), None)
        if enter is None:
            return cost[-1] == 0
        leave = min((T[i][-1] / T[i][enter], basis[i], i) for i in range(rows) if T[i][enter] > 0)[2]
        pivot = T[leave][enter]
        T[leave] = [v / pivot for v in T[leave]]
        for i in range(rows):
            if i != leave and T[i][enter] != 0:
                factor = T[i][enter]
                T[i] = [v - factor * w for v, w in zip(T[i], T[leave])]
        factor = cost[enter]
        cost = [v - factor * w for v, w in zip(cost, T[leave])]
        basis[leave] = enter


def _dominated_exactly(own, action, weak):
    """own: the player's payoffs (decimals), actions x the others' profiles. Strict: some w >= 0 with
    sum_b w_b D[b][r] >= 1 for every r. Weak: >= 0 for every r and >= 1 summed over r."""
    exact = [[Fraction(repr(float(u))) for u in row] for row in own]  # as written: 0.01 is 1/100, as rational=True
    D = [[exact[b][r] - exact[action][r] for r in range(own.shape[1])] for b in range(own.shape[0]) if b != action]
    if not D:
        return False
    columns = own.shape[1]
    A = [[D[b][r] for b in range(len(D))] + [-int(j == r) for j in range(columns)] + [0] * weak
         for r in range(columns)]
    rhs = [0 if weak else 1] * columns
    if weak:
        A.append([sum(row) for row in D] + [0] * columns + [-1])
        rhs.append(1)
    return _feasible(A, rhs)


def test_mixed_dominance_at_the_default_tol_agrees_with_an_exact_linear_program():
    # Two-decimal payoffs (ties, as users write them): at tol = 0 the weak program's optimum left
    # binding gains at -1e-17, read as "worse": 93 of 19,422 answers were wrong, among them actions
    # that a mixture strictly dominates.
    rng = np.random.default_rng(1616)
    checked = 0
    for _ in range(600):
        shape = tuple(rng.integers(2, 5, 2)) if rng.random() < 0.7 else tuple(rng.integers(2, 4, 3))
        arrays = [np.round(rng.random(shape), 2) if rng.random() < 0.8 else rng.integers(0, 4, shape) * 1.0
                  for _ in shape]
        game = dilemma.NormalFormGame.from_arrays(*arrays)
        for i, m in enumerate(shape):
            own = np.moveaxis(arrays[i], i, 0).reshape(m, -1)
            for a in range(m):
                for weak in (False, True):
                    assert dilemma.is_dominated(game, i, a, weak=weak) == _dominated_exactly(own, a, weak), \
                        ([x.tolist() for x in arrays], i, a, weak)
                    checked += 1
    assert checked > 7000
