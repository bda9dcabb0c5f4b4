"""Correlated equilibria, dominance by mixed strategies, mixed security strategies."""
import itertools

import numpy as np
import pytest

import dilemma


def chicken():
    # Aumann (1974), the game of chicken (Dare, Chicken): best CE welfare 10.5.
    return dilemma.NormalFormGame.from_arrays([[0, 7], [2, 6]], [[0, 2], [7, 6]])


def violation(game, p, coarse=False):
    """Largest incentive-constraint value, from payoffs of whole profiles."""
    worst = -np.inf
    shape = game.nums_actions
    for i, m in enumerate(shape):
        for a in range(1 if coarse else m):
            for b in range(m):
                gain = 0.0
                for profile in itertools.product(*map(range, shape)):
                    if not coarse and profile[i] != a:
                        continue
                    deviation = list(profile)
                    deviation[i] = b
                    gain += p[profile] * (game[deviation][i] - game[profile][i])
                worst = max(worst, gain)
    return worst


def test_chicken_best_correlated_equilibrium():
    ce = dilemma.correlated_equilibrium(chicken())
    assert ce.welfare == pytest.approx(10.5)
    np.testing.assert_allclose(ce.distribution, [[0, 0.25], [0.25, 0.5]], atol=1e-12)
    assert ce.distribution.shape == (2, 2)
    assert violation(chicken(), ce.distribution) <= 1e-12
    worst = dilemma.correlated_equilibrium(chicken(), objective="min_welfare")
    assert worst.welfare <= 9 + 1e-9
    assert violation(chicken(), worst.distribution) <= 1e-12


@pytest.mark.parametrize("coarse", [False, True])
@pytest.mark.parametrize("objective", ["welfare", "min_welfare", "feasible"])
def test_random_games_pass_independent_check(objective, coarse):
    for seed in range(3):
        game = dilemma.random_game([3, 2, 3], random_state=seed)
        ce = dilemma.correlated_equilibrium(game, objective=objective, coarse=coarse)
        assert ce.distribution.sum() == pytest.approx(1.0)
        assert ce.distribution.min() >= 0
        assert violation(game, ce.distribution, coarse) <= 1e-9
        assert ce.max_violation <= 1e-9


@pytest.mark.parametrize("coarse", [False, True])
def test_count_form_matches_dense(coarse):
    game = dilemma.confession_game(4, "ordered_leniency")
    dense = game.to_normal_form()
    for objective in ("welfare", "min_welfare"):
        compact = dilemma.correlated_equilibrium(game, objective=objective, coarse=coarse)
        full = dilemma.correlated_equilibrium(dense, objective=objective, coarse=coarse)
        assert compact.welfare == pytest.approx(full.welfare, rel=1e-9)
        assert compact.probabilities.sum() == pytest.approx(1.0)
        assert compact.classes.sum(axis=1).tolist() == [4] * len(compact.classes)


def test_invariant_game_every_distribution():
    game = dilemma.confession_game(4, "invariant_purge_externality")
    dense = game.to_normal_form()
    welfare = [dense[p].sum() for p in itertools.product(range(3), repeat=4)]
    assert dilemma.correlated_equilibrium(dense).welfare == pytest.approx(max(welfare))
    assert dilemma.correlated_equilibrium(dense, objective="min_welfare").welfare == pytest.approx(min(welfare))
    p = np.random.default_rng(0).random((3,) * 4)
    assert violation(dense, p / p.sum()) <= 1e-12
    for action in range(3):
        assert not dilemma.is_dominated(game, action)
        assert not dilemma.is_dominated(game, action, weak=True)
        assert not dilemma.is_dominated(dense, 0, action, weak=True)
    levels = [security.level for security in dilemma.security_strategies(dense)]
    assert levels == pytest.approx([levels[0]] * 4)
    assert dilemma.security_strategies(game).level == pytest.approx(levels[0])


def test_max_incentive_gain_is_the_largest_point_mass_violation():
    game = dilemma.confession_game(3, "ordered_leniency")
    dense = game.to_normal_form()
    largest = 0.0
    for profile in itertools.product(range(3), repeat=3):
        p = np.zeros((3,) * 3)
        p[profile] = 1.0
        largest = max(largest, violation(dense, p))
    assert largest > 0
    assert dilemma.max_incentive_gain(dense) == pytest.approx(largest)
    assert dilemma.max_incentive_gain(game) == pytest.approx(largest)
    assert dilemma.max_incentive_gain(chicken()) == 2.0
    assert dilemma.max_incentive_gain(dilemma.confession_game(50, "invariant_purge_externality")) == 0.0


def test_confession_at_200_players():
    ce = dilemma.correlated_equilibrium(dilemma.confession_game(200, "leniency_for_naming"))
    assert ce.classes.tolist() == [[0, 0, 200]]
    assert ce.probabilities.tolist() == pytest.approx([1.0])


def test_dominated_only_by_a_mixture():
    # Fudenberg & Tirole (1991), Figure 2.1.
    game = dilemma.NormalFormGame.from_arrays([[2, -1], [0, 0], [-1, 2]], [[0, 0]] * 3)
    assert dilemma.is_dominated(game, 0, 1)
    assert not dilemma.is_dominated(game, 0, 1, mixed=False)
    result = dilemma.mixed_dominance(game, 0, 1)
    np.testing.assert_allclose(result.strategy, [0.5, 0, 0.5])
    assert result.margin == pytest.approx(0.5)
    assert dilemma.mixed_dominance(game, 0, 0).strategy is None
    assert dilemma.iterated_elimination(game, mixed=True).original_actions[0] == [0, 2]
    assert dilemma.iterated_elimination(game).rounds == 0


def test_mixed_security_levels():
    pennies = dilemma.matching_pennies()
    for security in dilemma.security_strategies(pennies):
        strategy, level = security.strategy, security.level
        assert level == pytest.approx(0.0, abs=1e-12)
        np.testing.assert_allclose(strategy, [0.5, 0.5])
    for level in [s.level for s in dilemma.security_strategies(pennies, mixed=False)]:
        assert level == -1.0
    assert dilemma.security_strategies(pennies, rational=True)[0].level == 0


def test_bad_input_raises_value_error_naming_function():
    with pytest.raises(ValueError, match="correlated_equilibrium: objective"):
        dilemma.correlated_equilibrium(chicken(), objective="best")
    with pytest.raises(ValueError, match="correlated_equilibrium: tol"):
        dilemma.correlated_equilibrium(chicken(), tol=-1.0)
    with pytest.raises(ValueError, match="is_dominated: action 5"):
        dilemma.is_dominated(chicken(), 0, 5)
    with pytest.raises(ValueError, match="mixed_dominance: player must be >= 0"):
        dilemma.mixed_dominance(chicken(), -1, 0)


def test_docstring_examples(run_doctests):
    run_doctests(*(getattr(dilemma, name) for name in ("correlated_equilibrium", "max_incentive_gain",
                                                       "mixed_dominance", "is_dominated", "security_strategies")))
