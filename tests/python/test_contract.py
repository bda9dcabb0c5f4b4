"""The one solver contract (include/dilemma/solvers/solver.hpp), checked on
every public solver that the stub python/dilemma/solvers.pyi declares: the
keyword tol, keyword-only options whose defaults in the stub are the C++
options table's, a report computed by the solver, and a result that pickles."""
import ast
import inspect
import pickle
from pathlib import Path

import numpy as np
import pytest

import dilemma
from dilemma import _core

STUB = Path(dilemma.__file__).parent / "solvers.pyi"


def stub_functions():
    """{name: ast.FunctionDef} of the public solvers in the stub (the first
    overload of each)."""
    found = {}
    for node in ast.parse(STUB.read_text()).body:
        if isinstance(node, ast.FunctionDef) and node.name != "solver_names":
            found.setdefault(node.name, node)
    return found


def bos():
    return dilemma.battle_of_the_sexes()


# One call per solver on a small game; a solver missing here fails the test below.
CALLS = {
    "pure_nash": lambda **kw: dilemma.pure_nash(dilemma.prisoners_dilemma(), **kw),
    "pure_nash_brute": lambda **kw: dilemma.pure_nash_brute(dilemma.prisoners_dilemma(), **kw),
    "vertex_enumeration": lambda **kw: dilemma.vertex_enumeration(bos(), **kw),
    "support_enumeration": lambda **kw: dilemma.support_enumeration(bos(), **kw),
    "nash_components": lambda **kw: dilemma.nash_components(bos(), **kw),
    "lemke_howson": lambda **kw: dilemma.lemke_howson(bos(), **kw),
    "lemke_howson_all": lambda **kw: dilemma.lemke_howson_all(bos(), **kw),
    "solve_zero_sum": lambda **kw: dilemma.solve_zero_sum(dilemma.matching_pennies(), **kw),
    "correlated_equilibrium": lambda **kw: dilemma.correlated_equilibrium(bos(), **kw),
    "enumerate_equilibria": lambda **kw: dilemma.enumerate_equilibria(
        dilemma.random_game((2, 2, 2), random_state=3), **kw),
    "simplicial_subdivision": lambda **kw: dilemma.simplicial_subdivision(
        dilemma.random_game((2, 2, 2), random_state=3), **kw),
    "logit_qre": lambda **kw: dilemma.logit_qre(bos(), **kw),
    "logit_qre_at": lambda **kw: dilemma.logit_qre_at(bos(), 1.0, **kw),
    "symmetric_equilibria": lambda **kw: dilemma.symmetric_equilibria(
        dilemma.confession_game(5, "leniency_for_naming"), **kw),
    "replicator_rest_points": lambda **kw: dilemma.replicator_rest_points(
        dilemma.confession_game(5, "leniency_for_naming"), **kw),
    "evolutionarily_stable_strategies": lambda **kw: dilemma.evolutionarily_stable_strategies(
        dilemma.confession_game(5, "leniency_for_naming"), **kw),
}


def test_every_registered_solver_is_public_and_in_the_stub():
    names = dilemma.solver_names()
    assert sorted(stub_functions()) == sorted(names)
    for name in names:
        assert getattr(dilemma, name).__module__ == "dilemma", name
        assert name in CALLS, f"{name}: add a call to CALLS"


@pytest.mark.parametrize("name", sorted(stub_functions()))
def test_stub_defaults_are_the_options_table(name):
    table = {option: default for option, default, _ in _core._solvers[name]["options"]}
    node = stub_functions()[name]
    stub = {arg.arg: ast.literal_eval(default) for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults)
            if arg.arg in table}
    assert stub == table
    signature = inspect.signature(getattr(dilemma, name))
    assert {p.name: p.default for p in signature.parameters.values() if p.name in table} == table
    assert "tol" in table, f"{name} has no tol"
    assert signature.parameters["tol"].kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.parametrize("name", sorted(CALLS))
def test_result_carries_the_solvers_own_report_and_pickles(name):
    if name not in dilemma.solver_names():
        pytest.skip(f"{name} is not on the contract yet")
    result = CALLS[name]()
    report = result.report
    assert isinstance(report, dilemma.SolveReport)
    assert report.method == name
    for attribute in ("method", "converged", "exhaustive", "num_iter", "message"):
        assert getattr(result, attribute) == getattr(report, attribute), attribute
    assert isinstance(report.num_iter, int) and report.num_iter >= 0 and report.message
    assert isinstance(result.params, dict) and "tol" in result.params
    again = pickle.loads(pickle.dumps(result))
    assert (again.report.method, again.report.converged, again.report.exhaustive, again.report.num_iter,
            again.report.message) == (report.method, report.converged, report.exhaustive, report.num_iter,
                                      report.message)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_misspelt_keyword_names_the_function_and_the_accepted_ones(name):
    if name not in dilemma.solver_names():
        pytest.skip(f"{name} is not on the contract yet")
    with pytest.raises(TypeError, match=rf"{name}\(\) got an unexpected keyword argument 'tolerance'; "
                                        r"its keywords are .*\btol\b"):
        CALLS[name](tolerance=1e-6)


def test_options_are_keyword_only():
    with pytest.raises(TypeError, match=r"vertex_enumeration\(\) takes 1 positional argument\(s\) \(game\), got 2"):
        dilemma.vertex_enumeration(bos(), True)
    with pytest.raises(TypeError, match=r"logit_qre_at\(\) takes 2 positional argument\(s\) \(game, lam\)"):
        dilemma.logit_qre_at(bos(), 1.0, 1e-8)


def test_docstrings_list_every_option_with_its_default():
    for name in dilemma.solver_names():
        doc = getattr(dilemma, name).__doc__
        for option, default, _ in _core._solvers[name]["options"]:
            assert f"{option} : " in doc and f"default {default!r}" in doc, (name, option)


def test_tol_means_regret_relative_to_the_payoff_range():
    """Scaling every payoff by 1000 leaves what each tol accepts unchanged."""
    A, B = np.array([[1, 0], [0.999, 1]]), np.array([[1, 0], [1, 0.9995]])
    game, scaled = dilemma.NormalFormGame.from_arrays(A, B), dilemma.NormalFormGame.from_arrays(1000 * A, 1000 * B)
    assert dilemma.payoff_range(game) == 1
    expected = {0.0: [(0, 0)], 0.0006: [(0, 0), (1, 1)], 0.002: [(0, 0), (1, 0), (1, 1)]}
    for tol, equilibria in expected.items():  # gains 0.0005 at (1, 1) and 0.001 at (1, 0)
        assert dilemma.pure_nash(game, tol=tol) == dilemma.pure_nash(scaled, tol=tol) == equilibria
    profile = ([0.5, 0.5], [0.5, 0.5])  # regret 0.250125
    for tol, verdict in ((0.2, False), (0.4, True)):
        assert dilemma.is_nash(game, profile, tol=tol) == dilemma.is_nash(scaled, profile, tol=tol) == verdict
    assert dilemma.payoff_range(scaled) == 1000 * dilemma.payoff_range(game)


def test_profiles_printed_with_six_decimals_are_normalized():
    rps = dilemma.NormalFormGame.from_arrays([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [[0, 1, -1], [-1, 0, 1], [1, -1, 0]])
    printed = ([0.333333] * 3, [0.333333] * 3)  # as gambit-enummixed prints the equilibrium
    assert dilemma.regret(rps, printed) <= 1e-12 and dilemma.is_nash(rps, printed)
    with pytest.raises(ValueError, match="regret: probabilities of player 0 sum to 0.99, not 1"):
        dilemma.regret(rps, ([0.33] * 3, [1 / 3] * 3))
    purge = dilemma.confession_game(4, "invariant_purge")
    assert dilemma.regret(purge, [0.333333, 0.333333, 0.333333]) == 0
