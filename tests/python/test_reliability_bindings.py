"""Issue 16, the bindings: monitors left open, Ctrl-C in user code, errors
that name the function and the value, integers of .nfg files read exactly."""
import os
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import dilemma
from dilemma import _core

PYTHON_PATH = os.path.dirname(os.path.dirname(dilemma.__file__))


def run_python(code, timeout=120):
    """Runs `code` in a fresh interpreter (a crash must not kill pytest)."""
    env = dict(os.environ, PYTHONPATH=PYTHON_PATH + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True,
                          text=True, timeout=timeout)


# ---- a monitor left open -----------------------------------------------------

@pytest.mark.parametrize("code", [
    # Entered with a progress callable in a thread that then ends (was a segfault).
    """
    import gc, threading, dilemma
    def enter():
        dilemma.monitor(progress=lambda done: None, cancel=dilemma.CancelToken()).__enter__()
    for _ in range(20):
        thread = threading.Thread(target=enter)
        thread.start()
        thread.join()
    gc.collect()
    dilemma.enumerate_equilibria(dilemma.random_game((3, 3, 3), random_state=1))
    print("done")
    """,
    # Left open at interpreter exit, nested and never exited (was "Fatal Python error").
    """
    import dilemma
    dilemma.monitor(progress=lambda done: None).__enter__()
    dilemma.monitor(progress=print, time_limit=100.0, cancel=dilemma.CancelToken()).__enter__()
    dilemma.enumerate_equilibria(dilemma.random_game((3, 3), random_state=1))
    print("done")
    """,
    # Exited in another thread than the one that entered it, and exited twice.
    """
    import threading, dilemma
    m = dilemma.monitor(progress=lambda done: None)
    m.__enter__()
    thread = threading.Thread(target=lambda: m.__exit__(None, None, None))
    thread.start()
    thread.join()
    m.__exit__(None, None, None)
    m.__exit__(None, None, None)
    del m
    dilemma.enumerate_equilibria(dilemma.random_game((3, 3), random_state=1))
    print("done")
    """,
], ids=["entered_in_a_thread_that_ends", "open_at_exit", "exited_elsewhere_and_twice"])
def test_a_monitor_left_open_never_crashes_the_interpreter(code):
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("done")
    assert "Fatal Python error" not in result.stderr


def test_an_open_monitor_owns_its_cancel_token():
    # The token, unreferenced, must not be freed while its monitor is open:
    # before, the solver read the freed token, here most likely reused by one
    # of the cancelled tokens made after it, and raised Cancelled.
    result = run_python("""
    import gc, dilemma
    monitor = dilemma.monitor(cancel=dilemma.CancelToken())
    monitor.__enter__()
    del monitor
    gc.collect()
    tokens = [dilemma.CancelToken() for _ in range(1000)]
    for token in tokens:
        token.cancel()
    found = dilemma.enumerate_equilibria(dilemma.random_game((3, 3, 3), random_state=1))
    print("done", len(found) > 0)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["done", "True"]


def test_random_orders_of_enter_exit_and_garbage_collection_in_threads():
    # Before: a spurious Cancelled (a freed token read) and a segfault.
    result = run_python("""
    import gc, random, threading, dilemma
    game = dilemma.random_game((3, 3, 3), random_state=1)
    def worker(seed):
        r, entered = random.Random(seed), []
        for step in range(300):
            op = r.randrange(6)
            if op == 0:
                m = dilemma.monitor(progress=(lambda done: None) if r.random() < 0.5 else None,
                                    cancel=dilemma.CancelToken() if r.random() < 0.5 else None,
                                    time_limit=None if r.random() < 0.8 else 100.0)
                m.__enter__()
                entered.append(m)
            elif op == 1 and entered:
                entered.pop(r.randrange(len(entered))).__exit__(None, None, None)
            elif op == 2 and entered:
                del entered[r.randrange(len(entered))]  # dropped while open
            elif op == 3:
                gc.collect()
            elif op == 4:
                dilemma.pure_nash(game)  # no token is ever cancelled: must not raise Cancelled
                dilemma.lemke_howson(dilemma.random_game((3, 3), random_state=step))
            elif op == 5 and entered:
                m = entered[r.randrange(len(entered))]
                m.__exit__(None, None, None)
                m.__exit__(None, None, None)
    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    worker(99)  # the main thread too, some blocks left open at exit
    print("done")
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done" and result.stderr == ""


def test_monitors_exited_out_of_order_leave_the_right_one_in_force():
    game = dilemma.random_game((3, 3, 3), random_state=1)
    outer, inner = dilemma.monitor(time_limit=0.0), dilemma.monitor(progress=lambda done: None)
    outer.__enter__()
    inner.__enter__()
    outer.__exit__(None, None, None)  # before: removed the innermost block, `inner`
    try:
        assert len(dilemma.enumerate_equilibria(game)) > 0  # no time limit in force
    finally:
        inner.__exit__(None, None, None)
    with dilemma.monitor(time_limit=0.0):
        with pytest.raises(TimeoutError):
            dilemma.enumerate_equilibria(game)
    assert len(dilemma.enumerate_equilibria(game)) > 0


# ---- Ctrl-C in the user's function -------------------------------------------

class Payoff:
    """A payoff whose conversion to float runs `action` (Python code)."""

    def __init__(self, action):
        self.action = action

    def __float__(self):
        return self.action()


def raise_(error):
    def action():
        raise error
    return action


def sigint():
    import signal
    signal.raise_signal(signal.SIGINT)  # the default handler raises KeyboardInterrupt here
    return 1.0


BUILDERS = {
    "NormalFormGame.from_function":
        lambda value: dilemma.NormalFormGame.from_function((2, 2), lambda p: [value, value]),
    "SymmetricGame.from_function":
        lambda value: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: value, vectorized=False),
    "SymmetricGame.from_function vectorized":
        lambda value: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.array([value] * len(m), dtype=object)),
}


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("error", [KeyboardInterrupt, MemoryError, RuntimeError, SystemExit])
def test_an_exception_that_is_not_about_the_value_propagates_as_it_is(builder, error):
    with pytest.raises(error):  # before: ValueError "... must be real numbers ..."
        BUILDERS[builder](Payoff(raise_(error("from the user"))))


@pytest.mark.parametrize("builder", BUILDERS)
def test_ctrl_c_while_the_users_function_runs_is_a_keyboard_interrupt(builder):
    with pytest.raises(KeyboardInterrupt):
        BUILDERS[builder](Payoff(sigint))


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("error", [TypeError, ValueError])
def test_a_bad_value_is_still_a_value_error_naming_the_function(builder, error):
    name = builder.split()[0]
    with pytest.raises(ValueError, match=name.replace(".", r"\.") + ": the .*must be real numbers"):
        BUILDERS[builder](Payoff(raise_(error("not a number"))))


# ---- errors that name the function and the value -----------------------------

GAME = dilemma.random_game((2, 3), random_state=0)
SYMMETRIC = dilemma.SymmetricGame(3, 2, [[1, 2, 3], [3, 2, 1]])
HUGE = [2**63, 2**64, -2**63 - 1, 10**30]


def integer_calls(big):
    """(function name, call) pairs, each passing `big` as one integer argument."""
    return [
        ("random_game", lambda: dilemma.random_game((2, 2), random_state=big)),
        ("NormalFormGame", lambda: dilemma.NormalFormGame((big, 2))),
        ("NormalFormGame.from_function", lambda: dilemma.NormalFormGame.from_function((2, big), lambda p: (0, 0))),
        ("NormalFormGame.payoffs", lambda: GAME.payoffs(big)),
        ("NormalFormGame.__getitem__", lambda: GAME[big, 0]),
        ("is_nash", lambda: dilemma.is_nash(GAME, (0, big))),
        ("best_responses", lambda: dilemma.best_responses(GAME, (0, 0), big)),
        ("dominates", lambda: dilemma.dominates(GAME, 0, big, 1)),
        ("dominated_actions", lambda: dilemma.dominated_actions(GAME, big)),
        ("is_dominated", lambda: dilemma.is_dominated(GAME, big, 0)),
        ("mixed_dominance", lambda: dilemma.mixed_dominance(GAME, 0, big)),
        ("decompose", lambda: dilemma.decompose(GAME, max_iter=big)),
        ("SymmetricGame", lambda: dilemma.SymmetricGame(big, 2, [[1], [2]])),
        ("SymmetricGame.from_function", lambda: dilemma.SymmetricGame.from_function(3, big, lambda a, m: 0.0)),
        ("count_vectors", lambda: dilemma.count_vectors(2, big)),
        ("dominates", lambda: dilemma.dominates(SYMMETRIC, big, 0)),
        ("welfare", lambda: dilemma.welfare(dilemma.confession_game(3, "classic_pd"), (big, 0, 0))),
        ("replicator_trajectory", lambda: dilemma.replicator_trajectory(SYMMETRIC, [0.5, 0.5], 1.0, max_steps=big)),
        ("lemke_howson", lambda: dilemma.lemke_howson(GAME, max_iter=big)),
        ("logit_qre", lambda: dilemma.logit_qre(GAME, max_iter=big)),
        ("set_memory_limit", lambda: dilemma.set_memory_limit(big)),
        ("coordination_game", lambda: dilemma.coordination_game(big, 2)),
        ("subgame", lambda: dilemma.subgame(GAME, [[0], [big]])),
        ("security_levels", lambda: dilemma.security_levels(GAME, big)),
        ("confession_game", lambda: dilemma.confession_game(big)),
        ("leniency_share", lambda: dilemma.confession_parameters().leniency_share(big)),
        ("per_capita_costs", lambda: dilemma.per_capita_costs(dilemma.confession_parameters(), big)),
        ("CountClass", lambda: dilemma.CountClass((big, 1))),
    ]


@pytest.mark.parametrize("big", HUGE)
@pytest.mark.parametrize("index", range(len(integer_calls(0))))
def test_an_integer_out_of_range_is_refused_naming_the_function_and_the_value(big, index):
    name, call = integer_calls(big)[index]
    with pytest.raises(ValueError) as raised:  # before: TypeError / RuntimeError of pybind11's casts
        call()
    message = str(raised.value)
    assert message.startswith(name + ":"), message
    assert str(big) in message, message


def test_an_integer_beyond_the_doubles_for_a_real_option_is_refused_naming_the_solver():
    with pytest.raises(ValueError, match=r"^lemke_howson: tol must be a real number .*got 1000000000"):
        dilemma.lemke_howson(GAME, tol=10**400)


def test_no_compiled_function_takes_a_cxx_integer_argument():
    # pybind11 refuses a C++ integer argument out of its range with a generic
    # TypeError; the bindings take integers as objects, through to_integer.
    offenders = []

    def check(name, function):
        for line in (getattr(function, "__doc__", None) or "").splitlines():
            signature = re.match(r"^(?:\d+\. )?" + re.escape(name) + r"\((.*)\) -> ", line)
            if signature and re.search(r"\bint\b", signature.group(1)):
                offenders.append(line)

    for name, value in vars(_core).items():
        if not isinstance(value, type):
            check(name, value)
        elif not hasattr(value, "__members__"):  # pybind11's own enums aside
            for attribute, member in vars(value).items():
                if isinstance(member, property):
                    for accessor in (member.fget, member.fset):
                        check(attribute, accessor)
                else:
                    check(attribute, getattr(member, "__func__", member))
    assert offenders == []


@pytest.mark.parametrize("players", [31, 32, 33, 40])
def test_a_game_of_many_players_has_views_or_a_named_refusal(players):
    game = dilemma.NormalFormGame((1,) * players)
    for name, view, dimensions in [("NormalFormGame.payoffs", lambda: game.payoffs(0), players),
                                   ("NormalFormGame.payoff_profile_array", lambda: game.payoff_profile_array,
                                    players + 1)]:
        if dimensions <= 32:
            assert view().ndim == dimensions
        else:
            with pytest.raises(ValueError, match=rf"^{name}: needs a numpy array of {dimensions} dimensions"):
                view()
    assert dilemma.pure_nash(game) == [(0,) * players]
    assert game[(0,) * players].shape == (players,)
    assert "<table>" in game._repr_html_()
    if players <= 32:
        assert dilemma.correlated_equilibrium(game).distribution.ndim == players
    else:
        with pytest.raises(ValueError, match=rf"^correlated_equilibrium: needs a numpy array of {players} dimensions"):
            dilemma.correlated_equilibrium(game)


@pytest.mark.parametrize("name, call", [
    ("is_nash", lambda p: dilemma.is_nash(GAME, p)),
    ("expected_payoffs", lambda p: dilemma.expected_payoffs(GAME, p)),
    ("regrets", lambda p: dilemma.regrets(GAME, p)),
    ("best_responses", lambda p: dilemma.best_responses(GAME, p, 0)),
    ("NormalFormGame.__getitem__", lambda p: GAME[p]),
])
def test_a_0d_profile_is_refused_naming_the_function(name, call):
    with pytest.raises(ValueError, match=rf"^{name}: a profile must be a sequence.*array\(0\)"):
        call(np.array(0))


# ---- integers of .nfg files --------------------------------------------------

TIE = """NFG 1 R "tie" { "1" "2" } { 2 1 }
9007199254740993 0 9007199254740992 0
"""


def test_an_nfg_integer_without_exact_double_is_refused_not_tied():
    # Read as doubles, both payoffs were 2^53: a tie, and two pure equilibria
    # where Gambit and lrsnash find one.
    with pytest.raises(ValueError, match=r'line 2, column 1: the integer "9007199254740993" cannot be read exactly'):
        dilemma.read_nfg(TIE)
    game = dilemma.read_nfg(TIE.replace("9007199254740993", "9007199254740994"))
    assert dilemma.pure_nash(game) == [(0, 0)]
    rounded = dilemma.read_nfg(TIE.replace("9007199254740993", "9007199254740993.0"))  # rounding asked for
    assert rounded.payoffs(0)[0, 0] == 2.0**53


def test_the_cli_refuses_an_nfg_integer_without_exact_double(tmp_path):
    cli = os.environ.get("DILEMMA_CLI")
    if not cli:
        pytest.skip("DILEMMA_CLI is not set")
    path = tmp_path / "tie.nfg"
    path.write_text(TIE)
    result = subprocess.run([cli, "solve", "-m", "enummixed", str(path)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "NE," not in result.stdout
    assert "9007199254740993" in result.stderr and "cannot be read exactly" in result.stderr


def test_write_nfg_writes_large_payoffs_as_their_exact_integers():
    game = dilemma.NormalFormGame.from_arrays([[1.2345678901234568e23, -2.0**60]], [[3.0, 0.5]])
    text = dilemma.write_nfg(game)
    assert "123456789012345685803008" in text and "-1152921504606846976" in text
    assert dilemma.read_nfg(text) == game
