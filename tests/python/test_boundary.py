"""The Python boundary (issue 8): wrong dtypes, non-contiguous, Fortran-ordered
and read-only arrays, NaN and inf, wrong shapes, callables that raise or
return nonsense. Each is either handled correctly or raises a Python
exception (never a crash) whose message names the function and the argument.

Every case here was first run in a subprocess to rule out a crash of the
interpreter; the one that crashes (a generator left running at exit) still
runs in one.
"""

import os
import subprocess
import sys

import numpy as np
import pytest

import dilemma

TIME_LIMIT = 20.0

# complex input is refused; numpy may still warn while the refusal is prepared
pytestmark = pytest.mark.filterwarnings("ignore::numpy.ComplexWarning")


class Boom(Exception):
    """Raised by the user callables below; must reach the caller unchanged."""


def boom(*args):
    raise Boom("boom from the user's callable")


def bimatrix():
    return dilemma.NormalFormGame.from_arrays([[3.0, 0.0, 1.0], [5.0, 1.0, 0.0]], [[3.0, 5.0, 0.0], [0.0, 1.0, 2.0]])


def three_players():
    return dilemma.random_game((2, 2, 2), random_state=1)


def symmetric():
    return dilemma.SymmetricGame(3, 2, np.arange(6.0).reshape(2, 3))


def half_third():
    return (np.array([0.5, 0.5]), np.ones(3) / 3)


def name_only(value):
    """Test ids: the case names, not the messages or callables."""
    return value if isinstance(value, str) and " " not in value else ""


def read_only(array):
    array = np.array(array)
    array.setflags(write=False)
    return array


# ---------------------------------------------------------------- layouts that must simply work

LAYOUTS = {
    "fortran": np.asfortranarray,
    "strided": lambda a: np.repeat(a, 2, axis=-1)[..., ::2],
    "reversed": lambda a: np.flip(np.flip(a, axis=0).copy(), axis=0),
    "read_only": read_only,
    "int64": lambda a: a.astype(np.int64),
    "float32": lambda a: a.astype(np.float32),
    "object_of_ints": lambda a: a.astype(np.int64).astype(object),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_game_arrays_in_any_layout(layout):
    payoffs = np.arange(12.0).reshape(2, 3, 2)
    expected = dilemma.NormalFormGame(payoffs)
    arranged = LAYOUTS[layout](payoffs)
    assert dilemma.NormalFormGame(arranged) == expected
    first, second = LAYOUTS[layout](payoffs[..., 0]), LAYOUTS[layout](payoffs[..., 1])
    assert dilemma.NormalFormGame.from_arrays(first, second) == expected
    table = np.arange(6.0).reshape(2, 3)
    assert np.array_equal(dilemma.SymmetricGame(3, 2, LAYOUTS[layout](table)).table, table)


@pytest.mark.parametrize("layout", ["fortran", "strided", "read_only", "object_of_floats"])
def test_profiles_in_any_layout(layout):
    arrange = {**LAYOUTS, "object_of_floats": lambda a: a.astype(object)}[layout]
    game, (x, y) = bimatrix(), half_third()
    expected = dilemma.regret(game, (x, y))
    profile = (arrange(x), arrange(y))
    assert dilemma.regret(game, profile) == expected
    assert dilemma.is_nash(game, profile) == (expected <= 1e-8)
    assert np.array_equal(dilemma.expected_payoffs(game, profile), dilemma.expected_payoffs(game, (x, y)))
    assert dilemma.simplicial_subdivision(game, start=profile).regret <= 1e-9
    state = np.array([0.25, 0.75])
    assert dilemma.regret(symmetric(), arrange(state)) == dilemma.regret(symmetric(), state)
    assert np.array_equal(dilemma.replicator_field(symmetric(), arrange(state)),
                          dilemma.replicator_field(symmetric(), state))


def test_read_only_inputs_are_not_written():
    payoffs = read_only(np.arange(8.0).reshape(2, 2, 2))
    game = dilemma.NormalFormGame(payoffs)
    game[0, 0] = [-1.0, -1.0]  # the game owns its payoffs
    assert payoffs[0, 0, 0] == 0.0 and game[0, 0].tolist() == [-1.0, -1.0]


# ---------------------------------------------------------------- bad games


BAD_GAMES = [
    ("strings", lambda: dilemma.NormalFormGame(np.array([[["a", "b"], ["c", "d"]]] * 2)),
     ValueError, "NormalFormGame: payoffs must be real numbers, got an array of dtype <U1"),
    ("ragged", lambda: dilemma.NormalFormGame([[[1, 2], [3, 4]], [[5, 6], [7]]]),
     ValueError, "NormalFormGame: payoffs must be real numbers: .*inhomogeneous"),
    ("none", lambda: dilemma.NormalFormGame(np.array([[[None, 1], [1, 1]], [[1, 1], [1, 1]]], dtype=object)),
     ValueError, r"NormalFormGame: payoff of player 0 at profile \(0, 0\) is nan"),
    ("nan", lambda: dilemma.NormalFormGame(np.full((2, 2, 2), np.nan)),
     ValueError, r"NormalFormGame: payoff of player 0 at profile \(0, 0\) is nan; payoffs must be finite"),
    ("inf", lambda: dilemma.NormalFormGame(np.full((2, 2, 2), -np.inf)),
     ValueError, r"NormalFormGame: payoff of player 0 at profile \(0, 0\) is -inf"),
    ("last_axis", lambda: dilemma.NormalFormGame(np.zeros((2, 2, 3))),
     ValueError, r"NormalFormGame: a payoff array must have shape \(m_0, ..., m_\{n-1\}, n\), got \(2, 2, 3\)"),
    ("scalar", lambda: dilemma.NormalFormGame(np.float64(3.0)),
     ValueError, r"NormalFormGame: a payoff array must have shape .*, got \(\)"),
    ("no_players", lambda: dilemma.NormalFormGame(np.zeros((0, 2, 2))),
     ValueError, "NormalFormGame: a game needs at least one player"),
    ("fractional_count", lambda: dilemma.NormalFormGame([2, 2.5]),
     ValueError, "NormalFormGame: nums_actions entries must be integers, got 2.5"),
    ("negative_count", lambda: dilemma.NormalFormGame([2, -1]),
     ValueError, "NormalFormGame: every player needs at least one action, got -1"),
    ("too_many_profiles", lambda: dilemma.NormalFormGame((2**40, 2**40)),
     ValueError, "NormalFormGame: the number of joint profiles .* overflows 64 bits"),
    ("complex", lambda: dilemma.NormalFormGame(1j * np.ones((2, 2, 2))),
     ValueError, r"NormalFormGame: payoffs must be real numbers, got complex values \(dtype complex128\)"),
    ("datetime", lambda: dilemma.NormalFormGame(np.datetime64("2020-01-01") + np.zeros((2, 2, 2), int)),
     ValueError, r"NormalFormGame: payoffs must be real numbers, got an array of dtype datetime64\[D\]"),
    # from_arrays
    ("from_arrays_strings", lambda: dilemma.NormalFormGame.from_arrays(np.array([["a", "b"], ["c", "d"]]), np.eye(2)),
     ValueError, "NormalFormGame.from_arrays: payoffs must be real numbers, got an array of dtype <U1"),
    ("from_arrays_nan", lambda: dilemma.NormalFormGame.from_arrays(np.eye(2), np.full((2, 2), np.nan)),
     ValueError, r"NormalFormGame.*: payoff of player 1 at profile \(0, 0\) is nan"),
    ("from_arrays_shapes", lambda: dilemma.NormalFormGame.from_arrays(np.zeros((2, 2)), np.zeros((2, 3))),
     ValueError, r"NormalFormGame.from_arrays: player 1's array has shape \(2, 3\)"),
    ("from_arrays_one_axis_short", lambda: dilemma.NormalFormGame.from_arrays(np.zeros((2, 2))),
     ValueError, r"NormalFormGame.from_arrays: player 0's array has shape \(2, 2\); each of the 1 arrays"),
    ("from_arrays_none", lambda: dilemma.NormalFormGame.from_arrays(),
     ValueError, "NormalFormGame.from_arrays: needs one array per player, got none"),
    ("from_arrays_complex",
     lambda: dilemma.NormalFormGame.from_arrays(1j * np.ones((2, 2)), np.ones((2, 2))),
     ValueError, "NormalFormGame.from_arrays: payoffs must be real numbers, got complex"),
    # from_function
    ("from_function_raises", lambda: dilemma.NormalFormGame.from_function((2, 2), boom),
     Boom, "boom from the user's callable"),
    ("from_function_nan", lambda: dilemma.NormalFormGame.from_function((2, 2), lambda p: (np.nan, 1.0)),
     ValueError, r"NormalFormGame.from_function: payoff of player 0 at profile \(0, 0\) is nan"),
    ("from_function_count", lambda: dilemma.NormalFormGame.from_function((2, 2), lambda p: (1.0,)),
     ValueError, "from_function: got 1 payoffs"),
    ("from_function_string", lambda: dilemma.NormalFormGame.from_function((2, 2), lambda p: "ab"),
     ValueError, "NormalFormGame.from_function: the function's payoffs must be real numbers, got an array of dtype <U2"),
    # SymmetricGame tables
    ("table_strings", lambda: dilemma.SymmetricGame(3, 2, np.array([["a"] * 3] * 2)),
     ValueError, "SymmetricGame: table must be real numbers, got an array of dtype <U1"),
    ("table_ragged", lambda: dilemma.SymmetricGame(3, 2, [[1, 2, 3], [4, 5]]),
     ValueError, "SymmetricGame: table must be real numbers: .*inhomogeneous"),
    ("table_nan", lambda: dilemma.SymmetricGame(3, 2, np.full((2, 3), np.nan)),
     ValueError, r"SymmetricGame: payoff of action 0 against others' counts \(0, 2\) is nan"),
    ("table_transposed", lambda: dilemma.SymmetricGame(3, 2, np.zeros((3, 2))),
     ValueError, r"SymmetricGame: table must have shape \(2, 3\) .* got \(3, 2\)"),
    ("table_flat", lambda: dilemma.SymmetricGame(3, 2, np.zeros(6)),
     ValueError, r"SymmetricGame: table must have shape \(2, 3\)"),
    ("no_symmetric_players", lambda: dilemma.SymmetricGame(0, 2, np.zeros((2, 1))),
     ValueError, "SymmetricGame: a game needs at least one player"),
    ("negative_symmetric_players", lambda: dilemma.SymmetricGame(-1, 2, np.zeros((2, 3))),
     ValueError, "SymmetricGame: num_players must be >= 0, got -1"),
    ("no_actions", lambda: dilemma.SymmetricGame(3, 0, np.zeros((0, 0))),
     ValueError, "SymmetricGame: a game needs at least one player and one action, got num_players = 3 and num_actions = 0"),
    ("table_complex", lambda: dilemma.SymmetricGame(3, 2, 1j * np.ones((2, 3))),
     ValueError, "SymmetricGame: table must be real numbers, got complex"),
    # SymmetricGame.from_function
    ("sym_function_raises", lambda: dilemma.SymmetricGame.from_function(3, 2, boom),
     Boom, "boom from the user's callable"),
    ("sym_function_raises_per_call", lambda: dilemma.SymmetricGame.from_function(3, 2, boom, vectorized=False),
     Boom, "boom from the user's callable"),
    ("sym_function_raises_untabulated",
     lambda: dilemma.pure_nash(dilemma.SymmetricGame.from_function(3, 2, boom, tabulate=False)),
     Boom, "boom from the user's callable"),
    ("sym_function_length", lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.zeros(7)),
     ValueError, r"SymmetricGame.from_function: a vectorized payoff function must return one payoff per count "
                 r"vector \(3\) for action 0"),
    ("sym_function_column", lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.zeros((3, 1))),
     ValueError, "SymmetricGame.from_function: a vectorized payoff function must return one payoff per count"),
    ("sym_function_strings", lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.array(["a"] * 3)),
     ValueError, "SymmetricGame.from_function: the payoff function's values must be real numbers, got an array of "
                 "dtype <U1"),
    ("sym_function_nan", lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.full(len(m), np.nan)),
     ValueError, r"SymmetricGame: payoff of action 0 against others' counts \(0, 2\) is nan"),
    ("sym_function_nan_per_call",
     lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: float("nan"), vectorized=False),
     ValueError, r"SymmetricGame: the payoff function returned nan for action 0 against others' counts \(0, 2\)"),
    ("sym_function_nan_untabulated",
     lambda: dilemma.pure_nash(dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.inf, tabulate=False)),
     ValueError, r"SymmetricGame: the payoff function returned inf for action 0"),
    ("sym_function_arity", lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a: 1.0),
     TypeError, "takes 1 positional argument but 2 were given"),
    ("sym_function_none", lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: None, vectorized=False),
     ValueError, "SymmetricGame.from_function: the payoff function's value must be real numbers, got None"),
    ("sym_function_complex",
     lambda: dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.ones(len(m), dtype=complex)),
     ValueError, "SymmetricGame.from_function: the payoff function's values must be real numbers, got complex"),
    ("sym_function_too_large",
     lambda: dilemma.SymmetricGame.from_function(10**6, 3, lambda a, m: m[:, 0] * 1.0),
     ValueError, "SymmetricGame.from_function: the count vectors and payoff table of 1000000 players and 3 actions "
                 "needs .* bytes"),
]


@pytest.mark.parametrize("name, make, error, message", BAD_GAMES, ids=name_only)
def test_bad_games_raise_named_errors(name, make, error, message):
    with pytest.raises(error, match=message):
        make()


# ---------------------------------------------------------------- bad profiles

NAN_ENTRY = r"probability of action 0 of player 0 is nan; probabilities must be finite and nonnegative"

BAD_PROFILES = [
    ("nan", (np.array([np.nan, 0.5]), np.ones(3) / 3), ValueError, NAN_ENTRY),
    ("inf", (np.array([np.inf, 0.5]), np.ones(3) / 3), ValueError, "probability of action 0 of player 0 is inf"),
    ("negative", (np.array([1.5, -0.5]), np.ones(3) / 3), ValueError,
     "probability of action 1 of player 0 is -0.5"),
    ("sum", (np.array([0.7, 0.7]), np.ones(3) / 3), ValueError, "probabilities of player 0 sum to 1.4, not 1"),
    ("strided_sum", (np.array([0.5, 0.5, 0.0, 0.0])[::2], np.ones(3) / 3), ValueError,
     "probabilities of player 0 sum to 0.5, not 1"),
    ("length", (np.array([0.5, 0.5]), np.ones(2) / 2), ValueError,
     "strategy of player 1 has 2 probabilities, the player has 3 actions"),
    ("players", (np.array([0.5, 0.5]),), ValueError, "profile has 1 entries, the game has 2 players"),
    ("matrix", (np.array([[0.5, 0.5]]), np.ones(3) / 3), ValueError,
     "strategy of player 0 must be an action index or a 1-D probability vector, got an array with 2 dimensions"),
    ("action_range", (0, 5), ValueError, "action 5 of player 1 is out of range; the player has 3 actions"),
    ("action_negative", (0, -1), ValueError, "action -1 of player 1 is negative"),
    ("none", None, ValueError, "a profile must be a sequence, got NoneType"),
    ("generator", (a for a in (0, 1)), ValueError, "a profile must be a sequence, got generator"),
    ("float_action", (0, 1.5), ValueError, "the entry of player 1 is 1.5: an action index must be an integer"),
    ("strings", (np.array(["a", "b"]), np.ones(3) / 3), ValueError,
     "strategy of player 0 must be real numbers, got an array of dtype <U1"),
    ("complex", (np.array([0.5, 0.5], dtype=complex), np.ones(3) / 3), ValueError,
     "strategy of player 0 must be real numbers, got complex"),
]

PROFILE_FUNCTIONS = {
    "regret": dilemma.regret,
    "is_nash": dilemma.is_nash,
    "expected_payoffs": dilemma.expected_payoffs,
    "regrets": dilemma.regrets,
    "best_responses": lambda game, profile: dilemma.best_responses(game, profile, 0),
    "simplicial_subdivision": lambda game, profile: dilemma.simplicial_subdivision(game, start=profile),
}


@pytest.mark.parametrize("function", PROFILE_FUNCTIONS)
@pytest.mark.parametrize("name, profile, error, message", BAD_PROFILES, ids=name_only)
def test_bad_profiles_raise_named_errors(function, name, profile, error, message):
    if function == "simplicial_subdivision" and name in ("action_range", "action_negative", "float_action", "none"):
        pytest.skip("simplicial_subdivision's start takes probability vectors, None for the default")
    if name == "generator":
        profile = (a for a in (0, 1))  # a fresh one for each function
    with dilemma.monitor(time_limit=TIME_LIMIT), pytest.raises(error, match=f"{function}: .*{message}"):
        PROFILE_FUNCTIONS[function](bimatrix(), profile)


@pytest.mark.parametrize("function, state, message", [
    ("regret", np.array([np.nan, 0.5]), "regret: probability of action 0 is nan"),
    ("is_nash", np.array([np.inf, 0.5]), "is_nash: probability of action 0 is inf"),
    ("regret", np.array([0.5, 0.5, 0.0]), "regret: strategy has 3 probabilities, the game has 2 actions"),
    ("regret", np.array(["a", "b"]), "regret: the strategy must be real numbers, got an array of dtype <U1"),
    ("replicator_field", np.array([0.2, 0.5]), "replicator_field: probabilities sum to 0.7, not 1"),
    ("replicator_trajectory", np.array([np.nan, 0.5]), "replicator_trajectory: probability of action 0 is nan"),
    ("regret", np.array([0.5, 0.5], dtype=complex), "regret: the strategy must be real numbers, got complex"),
])
def test_bad_symmetric_strategies_raise_named_errors(function, state, message):
    run = {"regret": dilemma.regret, "is_nash": dilemma.is_nash, "replicator_field": dilemma.replicator_field,
           "replicator_trajectory": lambda game, x: dilemma.replicator_trajectory(game, x, 1.0)}[function]
    with pytest.raises(ValueError, match=message):
        run(symmetric(), state)


# ---------------------------------------------------------------- bad options

BAD_OPTIONS = [
    ("is_nash", lambda: dilemma.is_nash(bimatrix(), (0, 1), tol=np.nan),
     "is_nash: tol must be finite and >= 0, got nan"),
    ("pure_nash", lambda: dilemma.pure_nash(bimatrix(), tol=-1.0), "pure_nash: tol must be finite and >= 0, got -1"),
    ("vertex_enumeration", lambda: dilemma.vertex_enumeration(bimatrix(), tol=np.nan),
     r"vertex_enumeration: tol must be in \[1e-13, 1e-05\]"),
    ("lemke_howson", lambda: dilemma.lemke_howson(bimatrix(), init_pivot=99),
     r"lemke_howson: init_pivot must be in 0..4 \(the game has 5 strategies\), got 99"),
    ("lemke_howson", lambda: dilemma.lemke_howson(bimatrix(), max_iter=-1), "lemke_howson: max_iter must be >= 0"),
    ("lemke_howson", lambda: dilemma.lemke_howson(three_players()), "lemke_howson: needs a two-player game"),
    ("solve_zero_sum", lambda: dilemma.solve_zero_sum(bimatrix()), "solve_zero_sum: the game is not constant-sum"),
    ("enumerate_equilibria", lambda: dilemma.enumerate_equilibria(three_players(), tol=np.nan),
     "enumerate_equilibria: tol must be"),
    ("logit_qre", lambda: dilemma.logit_qre(bimatrix(), max_lambda=np.inf), "logit_qre: max_lambda must be finite"),
    ("simplicial_subdivision", lambda: dilemma.simplicial_subdivision(bimatrix(), grid=1),
     "simplicial_subdivision: grid must be >= 2, got 1"),
    ("correlated_equilibrium", lambda: dilemma.correlated_equilibrium(bimatrix(), tol=np.nan),
     r"correlated_equilibrium: tol must be in \[1e-13, 1e-05\]"),
    ("decompose", lambda: dilemma.decompose(bimatrix(), tol=np.nan), r"decompose: tol must be in \(0, 1\), got nan"),
    ("symmetric_equilibria", lambda: dilemma.symmetric_equilibria(symmetric(), tol=np.nan),
     "symmetric_equilibria: tol must be finite and > 0, got nan"),
    ("dominated_actions", lambda: dilemma.dominated_actions(bimatrix(), 5),
     "dominated_actions: player 5 is out of range; the game has 2 players"),
    ("mixed_dominance", lambda: dilemma.mixed_dominance(bimatrix(), 0, 7),
     "mixed_dominance: action 7 of player 0 is out of range"),
    ("invariance_report", lambda: dilemma.invariance_report(bimatrix(), tol=np.nan),
     "invariance_report: tol must be finite and >= 0, got nan"),
    ("monitor", lambda: dilemma.pure_nash(bimatrix(), time_limit=np.nan), "monitor: time_limit must be >= 0 seconds"),
    ("iterated_elimination", lambda: dilemma.iterated_elimination(bimatrix(), tol=np.nan),
     "iterated_elimination: tol must be finite"),
    ("monitor", lambda: dilemma.pure_nash(bimatrix(), time_limit="soon"),
     "monitor: time_limit must be >= 0 seconds or None, got 'soon'"),
    ("symmetric_equilibria", lambda: dilemma.symmetric_equilibria(symmetric(), num_starts=-1),
     "symmetric_equilibria: num_starts must be >= 0, got -1"),
]


@pytest.mark.parametrize("function, call, message", BAD_OPTIONS, ids=name_only)
def test_bad_options_raise_named_errors(function, call, message):
    with pytest.raises((ValueError, RuntimeError), match=message):
        call()


# ---------------------------------------------------------------- callables that raise


def test_visit_that_raises_stops_the_enumeration():
    calls = []

    def visit(profile):
        calls.append(profile)
        raise Boom("boom from the user's callable")

    with pytest.raises(Boom, match="boom from the user's callable"):
        dilemma.enumerate_equilibria(dilemma.coordination_game(3, 2), visit=visit)
    assert len(calls) == 1


def test_visit_with_the_wrong_signature_is_a_type_error():
    with pytest.raises(TypeError, match="positional argument"):
        dilemma.enumerate_equilibria(three_players(), visit=lambda profile, support: None)
    with pytest.raises(TypeError, match="enumerate_equilibria: visit must be callable or None, got 3"):
        dilemma.enumerate_equilibria(three_players(), visit=3)


def test_progress_that_raises_stops_the_solver():
    game = dilemma.random_game((4, 4, 3), random_state=1)  # runs long enough for a progress report
    with pytest.raises(Boom, match="boom from the user's callable"), dilemma.monitor(progress=boom):
        dilemma.enumerate_equilibria(game)
    with pytest.raises(Boom, match="boom from the user's callable"):
        dilemma.lemke_howson_all(bimatrix(), progress=boom)
    with pytest.raises(TypeError, match="monitor: progress must be callable or None, got 3"):
        dilemma.pure_nash(bimatrix(), progress=3)


GENERATOR_LEFT_AT_EXIT = """
import dilemma
equilibria = dilemma.enumerate_equilibria_gen(dilemma.coordination_game(3, 2))
try:
    for _ in equilibria:
        raise KeyError("the consumer fails")
except KeyError:
    pass
equilibria.close()
"""


# Was a crash (abort at exit, "terminate called without an active exception"):
# the background search is now cancelled by its token when the generator is
# closed or dropped, and at exit. In a subprocess: a regression would abort.
def test_generator_closed_after_a_raising_consumer_lets_python_exit():
    run = subprocess.run([sys.executable, "-c", GENERATOR_LEFT_AT_EXIT], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert run.returncode == 0, run.stderr
