import itertools

import numpy as np
import pytest

import dilemma


def reference_action_payoffs(game, profile):
    """Sum over all pure profiles, weighting by the others' probabilities."""
    values = [np.zeros(m) for m in game.nums_actions]
    for pure in itertools.product(*[range(m) for m in game.nums_actions]):
        payoffs = game[pure]
        for i in range(game.num_players):
            weight = np.prod([profile[j][pure[j]] for j in range(game.num_players) if j != i])
            values[i][pure[i]] += weight * payoffs[i]
    return values


def random_profile(rng, game):
    return tuple(rng.dirichlet(np.ones(m)) for m in game.nums_actions)


def test_action_payoffs_match_reference():
    rng = np.random.default_rng(0)
    for shape in [(2, 3), (3, 2, 2), (2, 2, 2, 2)]:
        game = dilemma.random_game(shape, random_state=rng)
        profile = random_profile(rng, game)
        values = dilemma.action_payoffs(game, profile)
        for got, expected in zip(values, reference_action_payoffs(game, profile)):
            np.testing.assert_allclose(got, expected, rtol=1e-12)
        expected_payoffs = [v @ x for v, x in zip(values, profile)]
        np.testing.assert_allclose(dilemma.expected_payoffs(game, profile), expected_payoffs)
        assert dilemma.regret(game, profile) == pytest.approx(
            max(v.max() - e for v, e in zip(values, expected_payoffs))
        )


def test_pure_and_mixed_forms_agree():
    game = dilemma.random_game((3, 2, 2), random_state=1)
    for pure in itertools.product(range(3), range(2), range(2)):
        mixed = dilemma.to_mixed(game, pure)
        assert isinstance(mixed, tuple) and mixed[0].shape == (3,)
        np.testing.assert_allclose(dilemma.expected_payoffs(game, pure), game[pure])
        np.testing.assert_allclose(dilemma.expected_payoffs(game, mixed), game[pure])
        assert dilemma.is_nash(game, pure) == dilemma.is_nash(game, mixed)


def test_matching_pennies_mixed_equilibrium():
    game = dilemma.matching_pennies()
    uniform = dilemma.uniform_profile(game)
    assert dilemma.is_nash(game, uniform)
    assert dilemma.best_responses(game, uniform, 0) == [0, 1]
    off = (np.array([0.6, 0.4]), np.array([0.5, 0.5]))
    assert dilemma.regret(game, off) == pytest.approx(0.2)
    assert not dilemma.is_nash(game, off)
    assert dilemma.is_nash(game, off, tol=0.2 + 1e-12)
    assert dilemma.best_responses(game, off, 1) == [1]
    np.testing.assert_allclose(dilemma.regrets(game, off), [0.0, 0.2])


def test_invariant_game_every_mixed_profile_is_nash(invariant_game):
    rng = np.random.default_rng(2)
    for _ in range(20):
        assert dilemma.is_nash(invariant_game, random_profile(rng, invariant_game), tol=1e-12)


def test_profile_forms():
    game = dilemma.prisoners_dilemma()
    assert dilemma.is_nash(game, np.array([1, 1]))
    assert dilemma.is_nash(game, [np.int64(1), 1])
    assert dilemma.is_nash(game, np.array([[0.0, 1.0], [0.0, 1.0]]))


@pytest.mark.parametrize(
    "profile, message",
    [
        ((0,), "is_nash: profile has 1 entries, the game has 2 players"),
        ((0, 2), "is_nash: action 2 of player 1 is out of range"),
        ((-1, 0), "is_nash: action -1 of player 0 is negative"),
        (([0.5, 0.6], [1, 0]), "probabilities of player 0 sum to 1.1"),
        (([np.nan, 1.0], [1, 0]), "probability of action 0 of player 0 is nan"),
        (([1.0], [1, 0]), "strategy of player 0 has 1 probabilities"),
        ((0.5, 0.5), "the entry of player 0 is 0.5: an action index must be an integer"),
        (3, "a profile must be a sequence"),
    ],
)
def test_bad_profiles(profile, message):
    with pytest.raises(ValueError, match=message):
        dilemma.is_nash(dilemma.prisoners_dilemma(), profile)
