"""best_response: QuantEcon's name and tie-breaking on top of best_responses."""
import pytest

import dilemma


def test_docstring_examples_run(run_doctests):
    run_doctests(dilemma.best_response, dilemma.pure_nash_brute)


def test_tie_breaking():
    # Player 0 is indifferent between its two actions against everything.
    game = dilemma.NormalFormGame.from_arrays([[1, 1], [1, 1]], [[1, 0], [0, 1]])
    assert dilemma.best_response(game, (0, 0), 0) == 0
    assert dilemma.best_response(game, (0, 0), 0, tie_breaking=False) == [0, 1]
    draws = {dilemma.best_response(game, (0, 0), 0, tie_breaking="random", random_state=seed) for seed in range(20)}
    assert draws == {0, 1}
    assert dilemma.best_response(game, ([0.3, 0.7], [0.2, 0.8]), 1) == 1  # mixed profile: column 1 pays 0.7
    with pytest.raises(ValueError, match="best_response: tie_breaking"):
        dilemma.best_response(game, (0, 0), 0, tie_breaking="largest")


@pytest.mark.parametrize("shape", [(3, 3), (2, 3, 4), (2, 2, 2, 2, 2)])
def test_pure_nash_brute_is_the_same_list_as_pure_nash(shape):
    # Small integer payoffs make ties, where the two methods could differ.
    for seed in range(5):
        game = dilemma.random_game(shape, random_state=seed, low=0, high=2, integer=True)
        assert dilemma.pure_nash_brute(game) == dilemma.pure_nash(game)
        assert dilemma.pure_nash_brute(game, tol=1.0) == dilemma.pure_nash(game, tol=1.0)
