import numpy as np
import pytest
from conftest import brute_force_pure_nash

import dilemma


def test_classic_games():
    assert dilemma.pure_nash(dilemma.prisoners_dilemma()) == [(1, 1)]
    assert dilemma.pure_nash(dilemma.battle_of_the_sexes()) == [(0, 0), (1, 1)]
    assert dilemma.pure_nash(dilemma.matching_pennies()) == []


def test_invariant_game_every_profile_is_an_equilibrium(invariant_game):
    equilibria = dilemma.pure_nash(invariant_game)
    assert len(equilibria) == 27
    assert all(dilemma.is_nash(invariant_game, profile, tol=0) for profile in equilibria)
    for player in range(3):
        assert dilemma.dominated_actions(invariant_game, player) == []
        assert dilemma.dominated_actions(invariant_game, player, weak=True) == []
    assert dilemma.iterated_elimination(invariant_game).rounds == 0


@pytest.mark.parametrize("shape", [(2, 2), (3, 4), (2, 3, 2), (3, 3, 3), (2, 2, 2, 2, 2), (5,)])
def test_pure_nash_matches_brute_force(shape):
    rng = np.random.default_rng(sum(shape))
    for _ in range(10):
        game = dilemma.random_game(shape, random_state=rng, low=0, high=2, integer=True)
        found = dilemma.pure_nash(game)
        assert found == brute_force_pure_nash(game)
        for profile in found:
            assert dilemma.regret(game, profile) == 0.0


def test_pure_nash_tolerance():
    game = dilemma.matching_pennies()
    game[0, 0] = (1.0, -1.0 + 1e-3)
    game[0, 1] = (-1.0, -1.0 + 2e-3)
    assert dilemma.pure_nash(game) == []
    assert dilemma.pure_nash(game, tol=1.5e-3) == [(0, 0)]
    assert dilemma.is_nash(game, (0, 0), tol=1.5e-3) and not dilemma.is_nash(game, (0, 0), tol=0.5e-3)
    with pytest.raises(ValueError, match="pure_nash: tol must be finite and >= 0, got -1"):
        dilemma.pure_nash(game, tol=-1)


def test_dominance_gibbons_figure_1_1_1():
    # Gibbons (1992), Game Theory for Applied Economists, Fig. 1.1.1.
    A = np.array([[1, 1, 0], [0, 0, 2]])
    B = np.array([[0, 2, 1], [3, 1, 0]])
    game = dilemma.NormalFormGame.from_arrays(A, B)
    assert dilemma.dominates(game, 1, 1, 2)
    assert dilemma.dominated_actions(game, 1) == [2]
    assert dilemma.dominated_actions(game, 0) == []
    result = dilemma.iterated_elimination(game)
    assert result.original_actions == [[0], [1]]
    assert result.rounds == 3
    np.testing.assert_array_equal(result.game[0, 0], [1, 2])


def test_weak_dominance():
    game = dilemma.NormalFormGame.from_arrays(np.array([[1, 1], [1, 0]]), np.zeros((2, 2)))
    assert not dilemma.dominates(game, 0, 0, 1)
    assert dilemma.dominates(game, 0, 0, 1, weak=True)
    assert dilemma.dominated_actions(game, 0, weak=True) == [1]
    with pytest.raises(ValueError, match="dominates: action 5 of player 0 is out of range"):
        dilemma.dominates(game, 0, 5, 1)
