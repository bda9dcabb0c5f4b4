"""A misspelt keyword anywhere is a TypeError naming the function, the
keyword and the keywords it takes (python/dilemma/_keywords.py and, for the
compiled functions, python/src/keywords.cpp)."""
import inspect
import pickle
import re
import types

import numpy as np
import pytest

import dilemma

MISSPELT = "zz_not_a_keyword"

# Callables that take any keyword by design.
TAKE_ANY_KEYWORD = {
    "EquilibriumList",  # extra attributes of a solver's result (singular_supports, ...)
}


def public_callables():
    """{name as called: callable} of every public function, constructor,
    method and static method of dilemma and of its submodules plotting and
    reproduction."""
    found = {}
    for module in (dilemma, dilemma.plotting, dilemma.reproduction):
        for name in dir(module):
            value = getattr(module, name)
            if name.startswith("_") or inspect.ismodule(value) or not callable(value):
                continue
            if not isinstance(value, type):
                found[value.__name__] = value
                continue
            if issubclass(value, BaseException) or hasattr(value, "__members__"):
                continue  # exceptions and enums
            if not isinstance(vars(value).get("__init__", object.__init__), types.WrapperDescriptorType):
                found[value.__name__] = value  # a constructor of its own
            for attribute, member in vars(value).items():
                if not attribute.startswith("_") and not isinstance(member, property) \
                        and callable(getattr(value, attribute)):
                    found[f"{value.__name__}.{attribute}"] = getattr(value, attribute)
    return found


CALLABLES = public_callables()


def test_the_walk_sees_every_kind_of_callable():
    for name in ("random_game", "lemke_howson", "enumerate_equilibria_gen", "monitor", "confession_game",
                 "NormalFormGame", "NormalFormGame.from_arrays", "NormalFormGame.payoffs", "SymmetricGame.payoff",
                 "schelling_diagram", "preset_summary", "sweep", "best_response", "read_nfg"):
        assert name in CALLABLES, name
    assert len(CALLABLES) > 100


@pytest.mark.parametrize("name", sorted(set(CALLABLES) - TAKE_ANY_KEYWORD))
def test_a_misspelt_keyword_names_the_function_and_the_accepted_ones(name):
    with pytest.raises(TypeError) as error:
        CALLABLES[name](**{MISSPELT: 1})
    assert re.match(rf"{re.escape(name)}\(\) got an unexpected keyword argument '{MISSPELT}'; its keywords are ",
                    str(error.value)), str(error.value)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: dilemma.random_game([2, 2], seed=1),
         r"random_game\(\) got an unexpected keyword argument 'seed'; its keywords are nums_actions, random_state, "
         r"low, high, integer; did you mean 'random_state'\?$"),
        (lambda: dilemma.lemke_howson(dilemma.battle_of_the_sexes(), init_pivto=0), r"did you mean 'init_pivot'\?$"),
        (lambda: dilemma.enumerate_equilibria(dilemma.battle_of_the_sexes(), tolerance=1e-9),
         r"did you mean 'tol'\?$"),
        (lambda: dilemma.logit_qre(dilemma.battle_of_the_sexes(), max_lam=5), r"did you mean 'max_lambda'\?$"),
        (lambda: dilemma.monitor(time_limt=1), r"^monitor\(\) .*'time_limt'; its keywords are progress, time_limit, "
                                               r"cancel; did you mean 'time_limit'\?$"),
        (lambda: dilemma.vertex_enumeration(dilemma.battle_of_the_sexes(), rationl=True),
         r"did you mean 'rational'\?$"),
        (lambda: dilemma.NormalFormGame((2, 2), titel="x"),
         r"^NormalFormGame\(\) .* its keywords are data, title, player_labels, action_labels; did you mean 'title'"),
        (lambda: dilemma.prisoners_dilemma().payoffs(playr=0),
         r"^NormalFormGame.payoffs\(\) got an unexpected keyword argument 'playr'; its keywords are player;"),
        (lambda: dilemma.enumerate_equilibria_gen(dilemma.battle_of_the_sexes(), visit=print),
         r"^enumerate_equilibria_gen\(\) got an unexpected keyword argument 'visit'"),
        # overloads: the keywords of all of them
        (lambda: dilemma.dominates(dilemma.prisoners_dilemma(), 0, 1, 0, strict=True),
         r"^dominates\(\) .* its keywords are game, player, action, other, weak, tol$"),
    ],
)
def test_the_message_for_the_functions_named_in_the_issue(call, message):
    with pytest.raises(TypeError, match=message):
        call()


def test_a_generator_refuses_a_misspelt_keyword_when_called_not_at_the_first_next():
    with pytest.raises(TypeError, match=r"^pure_nash_gen\(\) got an unexpected keyword argument 'tool'"):
        dilemma.pure_nash_gen(dilemma.prisoners_dilemma(), tool=0)


def test_errors_that_are_not_about_a_keyword_stand():
    game = dilemma.prisoners_dilemma()
    with pytest.raises(TypeError, match="incompatible function arguments"):
        dilemma.is_nash(game, (0, 0), tol="tight")  # a known keyword of the wrong type: pybind11's message
    with pytest.raises(TypeError, match="^monitor: progress must be callable or None, got 3"):
        dilemma.monitor(progress=3)  # the function's own TypeError
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'profile'"):
        dilemma.best_response(game, player=0)
    assert dilemma.random_game([2, 2], random_state=1, low=-1, high=1).nums_actions == (2, 2)
    assert dilemma.is_nash(game, profile=(1, 1), tol=0.0)


def test_checked_python_functions_keep_their_signature_and_pickle_by_reference():
    assert list(inspect.signature(dilemma.best_response).parameters)[:3] == ["game", "profile", "player"]
    for function in (dilemma.confession_game, dilemma.best_response, dilemma.pure_nash,
                     dilemma.plotting.schelling_diagram, dilemma.confession.confession_game):
        assert pickle.loads(pickle.dumps(function)) is function
    assert dilemma.confession.confession_game is dilemma.confession_game


def test_the_keyword_lists_are_the_ones_the_function_takes():
    # Each keyword the message lists is taken: calling with it (and nothing
    # else that is wrong) does not raise the unknown-keyword error.
    game = dilemma.NormalFormGame(np.zeros((2, 2, 2)))
    for keyword in ("data", "title", "player_labels", "action_labels"):
        with pytest.raises(TypeError, match="unexpected keyword") as error:
            dilemma.NormalFormGame(**{keyword: None}, zz=1)
        assert keyword in str(error.value).split("its keywords are ")[1]
    assert dilemma.NormalFormGame(data=(2, 2), title="t", player_labels=["a", "b"]).title == "t"
    assert dilemma.SymmetricGame(num_players=2, num_actions=2, table=[[0, 0], [0, 0]]).num_players == 2
    assert game.payoffs(player=1).shape == (2, 2)
