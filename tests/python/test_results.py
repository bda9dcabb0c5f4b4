"""Result objects, progress / time limits / cancellation / Ctrl-C and pickling (their display: test_repr.py)."""
import math
import os
import pickle
import signal
import threading
import time

import numpy as np
import pytest

import dilemma


def slow_game():
    """A game whose full enumeration takes seconds (31^3 support profiles)."""
    return dilemma.random_game((5, 5, 5), random_state=7)


# -- EquilibriumList ---------------------------------------------------------

def test_enumerators_return_lists_with_a_report():
    pd = dilemma.prisoners_dilemma()
    found = dilemma.pure_nash(pd)
    assert found == [(1, 1)] and isinstance(found, list)
    assert (found.method, found.converged, found.exhaustive, found.num_iter) == ("pure_nash", True, True, 4)
    assert found.params == {"tol": 0.0}
    assert dilemma.pure_nash(pd, tol=0.5).params == {"tol": 0.5}
    assert dilemma.pure_nash_brute(pd) == found

    game = dilemma.battle_of_the_sexes()
    extreme = dilemma.vertex_enumeration(game, rational=True)
    assert extreme.params == {"rational": True, "tol": 1e-9} and extreme.exhaustive
    assert len(extreme) == 3 and all(dilemma.is_nash(game, [np.asarray(x, float) for x in p]) for p in extreme)
    assert dilemma.vertex_enumeration(game, rational=True).params["rational"] is True
    lh = dilemma.lemke_howson_all(game)
    assert not lh.exhaustive and lh.num_iter > 0 and lh.method == "lemke_howson_all" and lh.converged
    assert all(dilemma.is_nash(game, p) for p in lh)
    assert len(dilemma.support_enumeration(game)) == 3

    symmetric = dilemma.confession_game(20, "leniency_for_naming")
    classes = dilemma.pure_nash(symmetric)
    assert classes.num_iter == 231 and [c.counts for c in classes] == [(0, 0, 20)]  # C(22, 2) classes checked
    mixed = dilemma.symmetric_equilibria(symmetric)
    assert isinstance(mixed, dilemma.EquilibriumList) and mixed.num_iter == 7


def test_enumerators_reject_unknown_options_naming_them():
    with pytest.raises(TypeError, match=r"vertex_enumeration\(\) got an unexpected keyword argument 'tolerance'; its keywords are tol, "):
        dilemma.vertex_enumeration(dilemma.matching_pennies(), tolerance=1e-6)
    with pytest.raises(TypeError, match="pure_nash"):
        dilemma.pure_nash(dilemma.matching_pennies(), 0.1)


def test_keyword_only_tol_max_iter_random_state():
    """QuantEcon's option names are keyword-only everywhere (the first line of
    a compiled function's docstring is its signature)."""
    import inspect

    offenders = []
    for name in dilemma.__all__:
        function = getattr(dilemma, name)
        if not callable(function) or isinstance(function, type):
            continue
        try:
            parameters = inspect.signature(function).parameters.values()
            positional = [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        except (TypeError, ValueError):  # compiled: read the signatures pybind11 writes into the docstring
            positional = []
            for line in (function.__doc__ or "").splitlines():
                if line.startswith(f"{name}(") or line[:3].strip(". ").isdigit() and f"{name}(" in line:
                    arguments = line[line.index("(") + 1:line.rindex(")")]
                    before_star = arguments.split("*,")[0]
                    positional += [a.split(":")[0].strip() for a in before_star.split(",")]
        offenders += [f"{name}({p})" for p in positional if p in ("tol", "max_iter", "random_state")]
    assert offenders == []


# -- progress, time limits, cancellation, Ctrl-C ------------------------------

def test_progress_is_reported_in_order_and_can_stop_the_solver():
    seen = []
    with dilemma.monitor(progress=seen.append):
        result = dilemma.enumerate_equilibria(dilemma.random_game((4, 4, 3), random_state=4))
    assert result.exhaustive and len(seen) >= 1  # the first checkpoint reports; later ones every 50 ms
    assert seen == sorted(seen) and 0 <= seen[0] and seen[-1] <= 1

    class Stop(Exception):
        pass

    def stop(fraction):
        raise Stop(fraction)

    with pytest.raises(Stop):
        dilemma.vertex_enumeration(dilemma.random_game((12, 12), random_state=1), progress=stop)
    # the solver still works after being stopped
    assert dilemma.pure_nash(dilemma.prisoners_dilemma()) == [(1, 1)]


def test_time_limit_raises_timeout_error_naming_the_solver():
    with pytest.raises(TimeoutError, match="enumerate_equilibria: stopped at the time limit of 0.2 s"):
        with dilemma.monitor(time_limit=0.2):
            dilemma.enumerate_equilibria(slow_game())
    with pytest.raises(TimeoutError, match="pure_nash"):
        dilemma.pure_nash(dilemma.confession_game(3000, "invariant_purge"), time_limit=0)
    with pytest.raises(TimeoutError, match="pure_nash"):  # numpy numbers are numbers too
        dilemma.pure_nash(dilemma.confession_game(3000, "invariant_purge"), time_limit=np.int64(0))
    with pytest.raises(TimeoutError):
        dilemma.symmetric_equilibria(dilemma.confession_game(30, "leniency_for_naming"), time_limit=0)
    # pivoting solvers share a tableau; its checkpoints name the function called
    bimatrix = dilemma.random_game([6, 6], random_state=3)
    for solve, name in [(dilemma.vertex_enumeration, "vertex_enumeration"),
                        (dilemma.nash_components, "nash_components"),
                        (dilemma.lemke_howson_all, "lemke_howson_all")]:
        with pytest.raises(TimeoutError, match=f"^{name}: stopped at the time limit of 0 s"):
            solve(bimatrix, time_limit=0)


def test_a_stop_hands_over_the_equilibria_found_before_it():
    game = dilemma.confession_game(10**4, "invariant_purge")  # 50 million classes, every one an equilibrium
    with pytest.raises(TimeoutError) as stop:
        dilemma.pure_nash(game, time_limit=0.2)
    counts = [c.counts for c in stop.value.equilibria]  # the classes scanned before the stop, in scan order
    assert counts[:2] == [(0, 0, 10**4), (0, 1, 10**4 - 1)] and counts == sorted(set(counts))
    three = slow_game()
    with pytest.raises(TimeoutError) as stop, dilemma.monitor(time_limit=0.5):
        dilemma.enumerate_equilibria(three)
    assert all(dilemma.regret(three, x) <= 1e-9 * dilemma.payoff_range(three) for x in stop.value.equilibria)
    token = dilemma.CancelToken()
    token.cancel()
    with pytest.raises(dilemma.Cancelled) as stop, dilemma.monitor(cancel=token):
        dilemma.vertex_enumeration(dilemma.random_game((12, 12), random_state=1))
    assert stop.value.equilibria == []  # cancelled at the first checkpoint
    # a visitor of one's own has seen them already: nothing is attached
    seen = []
    with pytest.raises(TimeoutError) as stop:
        dilemma.pure_nash(game, time_limit=0.2, visit=seen.append)
    assert seen and not hasattr(stop.value, "equilibria")


def test_a_generator_yields_what_was_found_before_a_stop():
    found = []
    with pytest.raises(TimeoutError):
        for equilibrium in dilemma.pure_nash_gen(dilemma.confession_game(10**4, "invariant_purge"), time_limit=0.2):
            found.append(equilibrium.counts)
    assert found[:2] == [(0, 0, 10**4), (0, 1, 10**4 - 1)]


def test_cancel_token_from_another_thread():
    token = dilemma.CancelToken()
    timer = threading.Timer(0.2, token.cancel)
    start = time.monotonic()
    timer.start()
    with pytest.raises(dilemma.Cancelled, match="enumerate_equilibria: cancelled"):
        with dilemma.monitor(cancel=token):
            dilemma.enumerate_equilibria(slow_game())
    assert time.monotonic() - start < 3 and token.cancelled
    token.reset()
    assert not token.cancelled


@pytest.fixture
def python_sigint_handler():
    """Python's own SIGINT handler, whatever an earlier test in this process
    installed (Dask's cluster replaces it; under pytest-xdist that test may run
    first), restored afterwards."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_raises_keyboard_interrupt_promptly(python_sigint_handler):
    """SIGINT while a solver runs with the GIL released: KeyboardInterrupt at
    its next checkpoint, as Jupyter's interrupt button does. The time limit
    only bounds the test should the signal not arrive."""
    timer = threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT))

    def start_timer(fraction):  # once the search is known to run, however fast the machine
        if not timer.is_alive() and not timer.finished.is_set():
            timer.start()

    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt) as stop, dilemma.monitor(progress=start_timer, time_limit=60):
        dilemma.enumerate_equilibria(slow_game())
    assert time.monotonic() - start < 3
    assert isinstance(stop.value.equilibria, list)  # what was found before Ctrl-C
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        dilemma.simplicial_subdivision(dilemma.random_game((3,) * 8, random_state=3), max_iter=10**9, time_limit=60)
    assert dilemma.pure_nash(dilemma.prisoners_dilemma()) == [(1, 1)]


def test_monitor_rejects_bad_arguments_naming_them():
    with pytest.raises(TypeError, match="monitor: progress must be callable"):
        dilemma.monitor(progress=3)
    with pytest.raises(ValueError, match="monitor: time_limit must be >= 0"):
        dilemma.monitor(time_limit=-1)
    with pytest.raises(ValueError, match="monitor: time_limit"):
        dilemma.monitor(time_limit=math.nan)
    with pytest.raises(TypeError, match="monitor: cancel must be a CancelToken"):
        dilemma.monitor(cancel=True)


# -- pickling ------------------------------------------------------------------

def roundtrip(value):
    return pickle.loads(pickle.dumps(value))


def test_symmetric_games_pickle_by_table_or_parameters():
    table = dilemma.SymmetricGame(4, 2, np.arange(8.0).reshape(2, 4))
    table.title = "counts"
    clone = roundtrip(table)
    assert np.array_equal(clone.table, table.table) and clone.title == "counts"
    purge = dilemma.confession_game(2000, "hoped_leniency", believed={"leniency": 0.5})
    clone = roundtrip(purge)
    assert clone.num_players == 2000 and not clone.has_table and len(pickle.dumps(purge)) < 1000
    assert [c.counts for c in dilemma.pure_nash(clone)] == [c.counts for c in dilemma.pure_nash(purge)]
    assert clone.action_labels == purge.action_labels
    on_python = dilemma.SymmetricGame.from_function(10**4, 2, lambda a, m: a + 0.0 * m[:, 0], tabulate=False)
    with pytest.raises(ValueError, match=r"SymmetricGame.__getstate__: .*pickle game.tabulate\(\) instead"):
        pickle.dumps(on_python)


def test_results_pickle_with_every_field():
    game = dilemma.random_game((3, 3), random_state=2)
    three = dilemma.random_game((2, 2, 2), random_state=5)
    symmetric = dilemma.confession_game(6, "leniency_for_naming")
    results = [
        dilemma.pure_nash(game), dilemma.vertex_enumeration(game, rational=True), dilemma.nash_components(game),
        dilemma.symmetric_equilibria(symmetric), dilemma.enumerate_equilibria(three),
        dilemma.logit_qre(three), dilemma.simplicial_subdivision(three), dilemma.invariance_report(symmetric),
        dilemma.efficiency(symmetric), dilemma.solve_zero_sum(dilemma.matching_pennies()),
        dilemma.security_strategies(game)[0], dilemma.lemke_howson(game),
        dilemma.correlated_equilibrium(game), dilemma.correlated_equilibrium(symmetric),
        dilemma.mixed_dominance(game, 0, 0), dilemma.decompose(game), dilemma.decompose(symmetric),
        dilemma.replicator_rest_points(symmetric), dilemma.evolutionarily_stable_strategies(symmetric),
        dilemma.iterated_elimination(dilemma.prisoners_dilemma()), dilemma.pure_nash(symmetric)[0],
        dilemma.believed_versus_real(symmetric, dilemma.confession_game(6, "invariant_purge")),
    ]
    for result in results:
        clone = roundtrip(result)
        assert type(clone) is type(result)
        assert_same(clone, result, type(result).__name__)


def assert_same(a, b, path):
    """Equal values, field by field through nested results, arrays and sequences."""
    if isinstance(b, np.ndarray):
        assert np.array_equal(a, b, equal_nan=b.dtype.kind == "f"), path
    elif isinstance(b, (list, tuple)):
        assert len(a) == len(b), path
        for k, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, f"{path}[{k}]")
    elif isinstance(b, float) and math.isnan(b):
        assert math.isnan(a), path
    elif type(b).__module__ == "dilemma._core" and not isinstance(b, (dilemma.NormalFormGame, dilemma.CountClass)):
        fields = [n for n in dir(b) if not n.startswith("_") and not callable(getattr(b, n))]
        for name in fields:
            assert_same(getattr(a, name), getattr(b, name), f"{path}.{name}")
    else:
        assert a == b, path


# -- memory limit -------------------------------------------------------------------

def test_memory_limit_refuses_large_games_before_allocating(run_doctests):
    default = dilemma.memory_limit()
    assert 0 < default < 2**63
    try:
        dilemma.set_memory_limit(10**6)
        assert dilemma.memory_limit() == 10**6
        with pytest.raises(ValueError, match=r"NormalFormGame: a dense game with action counts \(400, 400\) "
                                             r"needs 2560000 bytes \(2.56 MB\), more than the memory limit of 1000000 bytes \(1 MB\)"):
            dilemma.NormalFormGame((400, 400))
        with pytest.raises(ValueError, match=r"needs .* bytes \(49.4 PB\), more than the memory limit"):
            dilemma.confession_game(30, "invariant_purge").to_normal_form()
        assert dilemma.NormalFormGame((100, 100)).num_profiles == 10**4  # 160 kB fits
    finally:
        dilemma.set_memory_limit(None)
    assert dilemma.memory_limit() == default
    with pytest.raises(ValueError, match="set_memory_limit: bytes must be a positive integer or None, got -5"):
        dilemma.set_memory_limit(-5)
    run_doctests(dilemma.set_memory_limit)


def test_generators_left_running_do_not_keep_or_crash_the_interpreter():
    """A generator dropped mid-search is cancelled by its token: the process
    exits at once and cleanly (before: abort at exit, or a wait for the
    whole search)."""
    import subprocess
    import sys

    script = ("import dilemma\n"
              "found = dilemma.enumerate_equilibria_gen(dilemma.random_game((5, 5, 5), random_state=7))\n"
              "next(found)\n"
              "classes = dilemma.pure_nash_gen(dilemma.confession_game(10**5, 'invariant_purge'))\n"
              "next(classes)\n")
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert run.returncode == 0, run.stderr
    assert time.monotonic() - start < 20


def test_vertex_enumeration_gen_yields_the_same_set_as_vertex_enumeration(run_doctests):
    for seed in range(4):
        game = dilemma.random_game((4, 4), random_state=seed, low=0, high=9, integer=True)
        for rational in (False, True):
            listed = sorted(tuple(map(tuple, (np.asarray(x, dtype=object), np.asarray(y, dtype=object))))
                            for x, y in dilemma.vertex_enumeration(game, rational=rational))
            streamed = sorted(tuple(map(tuple, (np.asarray(x, dtype=object), np.asarray(y, dtype=object))))
                              for x, y in dilemma.vertex_enumeration_gen(game, rational=rational))
            assert streamed == listed
    first = next(dilemma.vertex_enumeration_gen(dilemma.random_game((12, 12), random_state=1)))
    assert dilemma.is_nash(dilemma.random_game((12, 12), random_state=1), first)
    run_doctests(dilemma.vertex_enumeration_gen, dilemma.pure_nash_gen)
