"""Typical user code, type-checked by mypy --strict against dilemma's stubs
(tests/python/test_typing.py). A wrong stub makes this file fail to check."""
import numpy as np
import numpy.typing as npt

import dilemma


def equilibria_of_a_bimatrix_game() -> list[tuple[float, float]]:
    game = dilemma.NormalFormGame(np.array([[[2, 1], [0, 0]], [[0, 0], [1, 2]]]))
    found = dilemma.vertex_enumeration(game)
    assert found.exhaustive and found.method == "vertex_enumeration"
    first_probabilities = [(float(x[0]), float(y[0])) for x, y in found]
    pure: list[tuple[int, ...]] = dilemma.pure_nash(game)
    assert dilemma.is_nash(game, pure[0], tol=1e-9)
    return first_probabilities


def confession_classes(n: int) -> list[tuple[int, ...]]:
    game: dilemma.SymmetricGame = dilemma.confession_game(n, "leniency_for_naming", torture=(1.0, 1.0, 0.0),
                                                          named_cost=0.5, believed={"leniency": 2.0})
    report = dilemma.invariance_report(game)
    assert not report.payoff_invariant
    return [c.counts for c in dilemma.pure_nash(game, tol=0.0)]


def all_equilibria(seed: int) -> int:
    game = dilemma.random_game((2, 2, 2), random_state=seed)
    result = dilemma.enumerate_equilibria(game, tol=1e-9)
    strategies: list[npt.NDArray[np.float64]] = [x for profile in result.equilibria for x in profile]
    with dilemma.monitor(time_limit=10.0, progress=lambda fraction: None):
        qre = dilemma.logit_qre(game, max_iter=1000)
    return len(strategies) + qre.num_iter + (1 if result.exhaustive and result.converged else 0)


def stoppable(token: dilemma.CancelToken) -> float:
    with dilemma.monitor(cancel=token):
        found = dilemma.symmetric_equilibria(dilemma.confession_game(30, "invariant_purge"), random_state=1)
    return float(found[0][0]) if found else 0.0
