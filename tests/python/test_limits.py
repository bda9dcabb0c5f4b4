"""Issue 16: limits that are applied. Every allocation that grows with the
input is checked against the memory limit before it is made; every loop that
can run long is a checkpoint (time limits, cancel tokens, Ctrl-C); input read
from a device or a pipe is bounded. Each test stops within a generous bound:
they are not benchmarks."""
import os
import shutil
import signal
import subprocess
import threading
import time

import pytest

import dilemma

CLI = os.environ.get("DILEMMA_CLI") or shutil.which("dilemma")


@pytest.fixture
def memory_limit_16_mb():
    dilemma.set_memory_limit(16 * 10**6)
    yield
    dilemma.set_memory_limit(None)


def timed(seconds):
    """Asserts that the block took less than `seconds`."""
    class Timer:
        def __enter__(self):
            self.start = time.monotonic()

        def __exit__(self, *exc):
            assert time.monotonic() - self.start < seconds
    return Timer()


# -- memory ------------------------------------------------------------------

@pytest.mark.parametrize("name", ["vertex_enumeration", "lemke_howson", "lemke_howson_all",
                                  "support_enumeration", "nash_components", "logit_qre"])
def test_a_2_x_3000_game_is_refused_under_a_16_mb_limit_naming_the_solver(name, memory_limit_16_mb):
    """The tableaux (about 72 and 144 MB), the search's stack of them and the
    logit Jacobians (360 MB) are checked before they are allocated."""
    game = dilemma.random_game((2, 3000), random_state=0)
    with timed(5), pytest.raises(ValueError, match=f"^{name}: .*more than the memory limit of 16000000 bytes"):
        getattr(dilemma, name)(game)


def test_the_search_stack_of_vertex_enumeration_is_checked_as_it_grows():
    """Each tableau fits, the copies down the search's stack do not."""
    game = dilemma.random_game((12, 200), random_state=1)  # 201 x 215 tableau: 345 kB
    dilemma.set_memory_limit(2 * 10**6)
    try:
        with pytest.raises(ValueError, match=r"^vertex_enumeration: the search's stack of tableaux at depth \d+ needs"):
            dilemma.vertex_enumeration(game)
    finally:
        dilemma.set_memory_limit(None)


def test_exact_payoffs_over_a_huge_common_denominator_are_refused_before_allocating():
    """Floats as exact rationals: 60 x 60 payoffs over a common denominator of
    about 10^5 bits would take about 100 MB of digits."""
    game = dilemma.random_game((60, 60), random_state=2)
    dilemma.set_memory_limit(16 * 10**6)
    try:
        with timed(10), pytest.raises(ValueError, match=r"^lemke_howson: the integer payoffs of \d+ bits"):
            dilemma.lemke_howson(game, rational=True)
    finally:
        dilemma.set_memory_limit(None)


def test_pure_nash_counts_and_pure_nash_keep_to_the_memory_limit():
    """Every one of the 2 million classes is an equilibrium: their list
    outgrows 16 MB."""
    game = dilemma.SymmetricGame.from_function(2000, 3, lambda a, m: 0.0 * m[:, 0], vectorized=True)
    dilemma.set_memory_limit(16 * 10**6)
    try:
        with timed(20), pytest.raises(ValueError, match="^pure_nash_counts: the equilibrium count classes needs"):
            dilemma.pure_nash_counts(game)
        with timed(20), pytest.raises(ValueError, match="^pure_nash: the list of equilibri(um count classes|a found) needs"):
            dilemma.pure_nash(game)
    finally:
        dilemma.set_memory_limit(None)


def test_simplicial_subdivision_keeps_to_the_memory_limit():
    game = dilemma.random_game((2, 3000), random_state=3)
    dilemma.set_memory_limit(10**6)
    try:
        with timed(20), pytest.raises(ValueError, match="^simplicial_subdivision: .*memory limit"):
            dilemma.simplicial_subdivision(game)
    finally:
        dilemma.set_memory_limit(None)


# -- time limits and cancellation ---------------------------------------------

@pytest.mark.parametrize("name", ["vertex_enumeration", "lemke_howson", "support_enumeration"])
def test_exact_solvers_on_float_payoffs_stop_at_the_time_limit(name):
    """Before the first pivot they build tableaux of integers with thousands of
    digits (30 x 30 floats: ~13 s before the first checkpoint)."""
    game = dilemma.random_game((30, 30), random_state=4)
    with timed(3), pytest.raises(TimeoutError, match=f"^{name}: stopped at the time limit of 0.2 s"):
        getattr(dilemma, name)(game, rational=True, time_limit=0.2)


def test_a_cancel_token_stops_an_exact_solve_within_one_pivot():
    game = dilemma.random_game((40, 40), random_state=5)
    token = dilemma.CancelToken()
    timer = threading.Timer(0.3, token.cancel)
    timer.start()
    with timed(3), pytest.raises(dilemma.Cancelled, match="^lemke_howson: cancelled"):
        with dilemma.monitor(cancel=token):
            dilemma.lemke_howson(game, rational=True)


def test_ctrl_c_stops_an_exact_solve(python_sigint_handler):
    game = dilemma.random_game((40, 40), random_state=6)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    with timed(3), pytest.raises(KeyboardInterrupt):
        dilemma.vertex_enumeration(game, rational=True)


@pytest.fixture
def python_sigint_handler():
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def huge_symmetric_game():
    """10^5 players, 3 actions, payoffs from Python: 5 * 10^9 count vectors."""
    return dilemma.SymmetricGame.from_function(10**5, 3, lambda a, m: float(a == 0) + 1e-6 * m[0], vectorized=False, tabulate=False)


@pytest.mark.parametrize("call", [
    lambda g: dilemma.strategic_share(g),
    lambda g: dilemma.max_stake(g),
    lambda g: dilemma.invariance_report(g),
    lambda g: dilemma.logit_qre(g),
], ids=["strategic_share", "max_stake", "invariance_report", "logit_qre"])
def test_scans_over_the_count_vectors_of_a_huge_symmetric_game_stop_at_the_time_limit(call):
    game = huge_symmetric_game()
    with timed(3), pytest.raises(TimeoutError, match="stopped at the time limit of 0.2 s"):
        with dilemma.monitor(time_limit=0.2):
            call(game)


# -- bounded input -------------------------------------------------------------

def test_read_nfg_of_dev_zero_ends_at_once_with_a_clear_error():
    with timed(2), pytest.raises(ValueError, match='^read_nfg: line 1, column 1: expected "NFG" at the start'):
        dilemma.read_nfg("/dev/zero")


def test_an_endless_pipe_that_starts_like_a_nfg_file_is_bounded_by_the_memory_limit():
    writer = subprocess.Popen(["sh", "-c", "printf 'NFG 1 R \"endless\" '; exec yes ' '"], stdout=subprocess.PIPE)
    dilemma.set_memory_limit(10**6)
    try:
        with timed(5), pytest.raises(ValueError, match='^read_nfg: the text read from ".*" needs .* memory limit'):
            dilemma.read_nfg(f"/dev/fd/{writer.stdout.fileno()}")
    finally:
        dilemma.set_memory_limit(None)
        writer.stdout.close()
        writer.kill()
        writer.wait()


@pytest.mark.skipif(CLI is None, reason="the dilemma CLI was not found")
@pytest.mark.parametrize("path", ["/dev/zero", "-"])
def test_the_cli_ends_at_once_on_dev_zero(path):
    with open("/dev/zero", "rb") as zeros, timed(5):
        done = subprocess.run([CLI, "solve", path], stdin=zeros, capture_output=True, text=True, timeout=30)
    assert done.returncode != 0
    assert 'expected "NFG" at the start of the file' in done.stderr


def test_count_vectors_beyond_memory_is_refused_naming_the_function():
    # 3 actions, 10^5 players: 5 * 10^9 count vectors (112 GiB); was numpy's bare MemoryError.
    with pytest.raises(ValueError, match=r"count_vectors: the array of count vectors needs .* more than"):
        dilemma.count_vectors(3, 10**5)
    game = dilemma.confession_game(10**5 + 1, "invariant_purge")
    with pytest.raises(ValueError, match=r"SymmetricGame.count_vectors: the array of count vectors needs"):
        game.count_vectors()
