import numpy as np
import pytest

import dilemma


def volunteers_dilemma(n, b=4.0, c=1.0):
    # Diekmann (1985): action 0 volunteers at cost c; everybody gets b if somebody volunteers.
    return dilemma.SymmetricGame.from_function(n, 2, lambda a, m: np.where(m[:, 0] > 0, b, 0.0) if a else
                                               np.full(len(m), b - c))


@pytest.mark.parametrize("n", [2, 5, 40, 3000])
def test_volunteers_dilemma_known_answer(n):
    game = volunteers_dilemma(n)
    found = dilemma.symmetric_equilibria(game)
    assert found.exhaustive and len(found) == 1
    assert found[0][0] == pytest.approx(1 - 0.25 ** (1 / (n - 1)), rel=1e-9)
    assert dilemma.regret(game, found[0]) <= 1e-8


@pytest.mark.parametrize("n", [3, 12])
def test_invariant_presets_every_consequence(n):
    game = dilemma.confession_game(n, "invariant_purge")
    found = dilemma.symmetric_equilibria(game)
    assert found.exhaustive and len(found.singular_supports) == 4
    rng = np.random.default_rng(n)
    for _ in range(5):
        x = rng.dirichlet(np.ones(3))
        assert dilemma.is_nash(game, x, tol=1e-12)                      # every mixed profile
        np.testing.assert_allclose(dilemma.replicator_field(game, x), 0, atol=1e-12)  # field is 0
        assert dilemma.is_nash(game, rng.dirichlet(np.ones(3), size=n), tol=1e-9)      # heterogeneous too
    assert dilemma.evolutionarily_stable_strategies(game).strategies == []           # no ESS
    rest = dilemma.replicator_rest_points(game)
    assert {p.stability for p in rest.points} == {"neutral"}


def test_leniency_replicator_and_ess():
    game = dilemma.confession_game(8, "leniency_for_naming")
    times, states = dilemma.replicator_trajectory(game, [0.5, 0.3, 0.2], 20.0)
    assert times[-1] == pytest.approx(20.0) and states.shape[1] == 3
    assert states[-1][2] > 0.99
    (ess,) = dilemma.evolutionarily_stable_strategies(game).strategies
    np.testing.assert_array_equal(ess, [0, 0, 1])


def test_heterogeneous_matches_dense():
    rng = np.random.default_rng(3)
    table = rng.integers(-3, 4, size=(3, len(dilemma.count_vectors(3, 3)))).astype(float)
    game = dilemma.SymmetricGame(4, 3, table)
    profile = rng.dirichlet(np.ones(3), size=4)
    values = dilemma.action_payoffs(game, profile)
    dense = dilemma.action_payoffs(game.to_normal_form(), tuple(profile))
    np.testing.assert_allclose(values, np.array(dense), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dilemma.regrets(game, profile),
                               [v.max() - v @ x for v, x in zip(values, profile)], atol=1e-12)


def test_bad_input():
    game = volunteers_dilemma(3)
    with pytest.raises(ValueError, match="symmetric_equilibria: tol must be finite and > 0"):
        dilemma.symmetric_equilibria(game, tol=0)
    with pytest.raises(ValueError, match="needs a SymmetricGame"):
        dilemma.symmetric_equilibria(dilemma.prisoners_dilemma())
    with pytest.raises(ValueError, match="profile has 2 strategies, the game has 3 players"):
        dilemma.regrets(game, np.full((2, 2), 0.5))
    with pytest.raises(ValueError, match="t_end must be finite and > 0"):
        dilemma.replicator_trajectory(game, [0.5, 0.5], float("nan"))


def weighted_rock_paper_scissors():
    # Rock beats scissors by 3: the interior equilibrium (1/3, 7/15, 1/5) is not the barycenter.
    payoff = np.array([[0, -1, 3], [1, 0, -1], [-1, 1, 0]], dtype=float)
    return dilemma.SymmetricGame.from_function(2, 3, lambda a, m: payoff[a][np.argmax(m, axis=1)])


@pytest.mark.parametrize("name", ["symmetric_equilibria", "replicator_rest_points",
                                  "evolutionarily_stable_strategies"])
def test_max_iter_zero_leaves_the_search_unconverged(name):
    game = weighted_rock_paper_scissors()
    solve = getattr(dilemma, name)
    capped = solve(game, max_iter=0)
    assert capped.method == name and not capped.converged and not capped.exhaustive
    assert "max_iter = 0 cut" in capped.message and capped.params["max_iter"] == 0
    full = solve(game)
    assert full.converged and full.report.converged and full.params["max_iter"] == 100
    tol = 1e-9 * 4  # the payoff range, 3 - (-1)
    found = {"symmetric_equilibria": lambda r: list(r), "evolutionarily_stable_strategies": lambda r: r.strategies,
             "replicator_rest_points": lambda r: [p.state for p in r.points if p.is_equilibrium]}[name]
    for x in found(capped) + found(full):
        assert dilemma.regret(game, x) <= tol
    if name == "symmetric_equilibria":
        assert len(full) == 1 and full[0] == pytest.approx([1 / 3, 7 / 15, 1 / 5])
        assert full.num_iter == 7 and full.singular_supports == []
