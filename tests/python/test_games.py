import copy
import pickle

import numpy as np
import pytest

import dilemma


def test_profile_array_layout_matches_quantecon():
    data = np.arange(2 * 3 * 2, dtype=float).reshape(2, 3, 2)
    game = dilemma.NormalFormGame(data)
    assert game.nums_actions == (2, 3)
    assert game.num_players == 2 and game.num_profiles == 6
    np.testing.assert_array_equal(game.payoff_profile_array, data)
    np.testing.assert_array_equal(game.payoffs(0), data[..., 0])
    np.testing.assert_array_equal(game[1, 2], data[1, 2])


def test_views_are_read_only_and_zero_copy():
    game = dilemma.random_game((3, 4), random_state=0)
    view = game.payoffs(1)
    assert not view.flags.writeable
    with pytest.raises(ValueError):
        view[0, 0] = 1.0
    game[0, 0] = (5.0, 7.0)
    assert view[0, 0] == 7.0  # the view sees the game's memory
    assert game.payoff_profile_array[0, 0, 1] == 7.0
    del game
    assert view[0, 0] == 7.0  # the view keeps the game alive


def test_from_arrays_and_square_matrix():
    A = np.array([[3.0, 0.0], [5.0, 1.0]])
    game = dilemma.NormalFormGame.from_arrays(A, A.T)
    assert game == dilemma.prisoners_dilemma()
    assert dilemma.NormalFormGame(A) == game  # a square matrix is a symmetric game
    three = dilemma.NormalFormGame.from_arrays(*[np.full((2, 2, 2), i) for i in range(3)])
    assert three.nums_actions == (2, 2, 2)
    np.testing.assert_array_equal(three[1, 0, 1], [0, 1, 2])


def test_from_function_and_counts():
    game = dilemma.NormalFormGame.from_function((2, 3), lambda p: (p[0] * 10 + p[1], -p[1]))
    np.testing.assert_array_equal(game[1, 2], [12, -2])
    zeros = dilemma.NormalFormGame((2, 2, 2))
    assert not zeros.payoff_profile_array.any()
    assert dilemma.NormalFormGame(np.array([2, 3])).nums_actions == (2, 3)


def test_labels():
    game = dilemma.NormalFormGame(
        (2, 2), title="t", player_labels=["row", "column"], action_labels=[["u", "d"], ["l", "r"]]
    )
    assert game.title == "t"
    assert game.player_labels == ["row", "column"]
    assert game.action_labels == [["u", "d"], ["l", "r"]]
    with pytest.raises(ValueError, match="set_action_labels: got 1 labels for player 0"):
        game.action_labels = [["only"], ["l", "r"]]


@pytest.mark.parametrize(
    "data, message",
    [
        (np.zeros((2, 2, 3)), r"must have shape \(m_0, ..., m_\{n-1\}, n\), got \(2, 2, 3\)"),
        (np.zeros(3), r"got \(3\)"),
        (np.array([[[0, np.inf], [0, 0]], [[0, 0], [0, 0]]]), r"player 1 at profile \(0, 0\) is inf"),
        ((2, 0), "every player needs at least one action, got 0"),
        ((), "at least one player"),
        ("not a game", "payoffs must be real numbers"),
    ],
)
def test_bad_input_raises_value_error(data, message):
    with pytest.raises(ValueError, match=message):
        dilemma.NormalFormGame(data)


def test_bad_from_arrays_and_from_function():
    with pytest.raises(ValueError, match=r"player 1's array has shape \(3, 2\)"):
        dilemma.NormalFormGame.from_arrays(np.zeros((2, 2)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="from_function: got 1 payoffs"):
        dilemma.NormalFormGame.from_function((2, 2), lambda p: (1.0,))
    with pytest.raises(ValueError, match="is nan"):
        dilemma.NormalFormGame.from_function((2,), lambda p: (float("nan"),))


def test_too_large_for_memory():
    with pytest.raises(ValueError, match=r"action counts \(100000, 100000, 100000\) needs .* bytes \(24 PB\), more than the memory limit"):
        dilemma.NormalFormGame((100000, 100000, 100000))
    with pytest.raises(ValueError, match="random_game: .* needs"):
        dilemma.random_game((10**5,) * 3)


def test_copy_pickle_and_equality():
    game = dilemma.random_game((2, 3, 2), random_state=3)
    game.title = "kept"
    clone = pickle.loads(pickle.dumps(game))
    assert clone == game and clone.title == "kept"
    other = copy.deepcopy(game)
    other[0, 0, 0] = (9, 9, 9)
    assert other != game
    assert not other.approx_equal(game, 1e-3)


def test_random_game_is_reproducible():
    a = dilemma.random_game((3, 3), random_state=5)
    assert a == dilemma.random_game((3, 3), random_state=5)
    assert a != dilemma.random_game((3, 3), random_state=6)
    b = dilemma.random_game((4, 4), random_state=np.random.default_rng(0), low=0, high=99, integer=True)
    values = b.payoff_profile_array
    assert np.all(values == np.round(values)) and values.min() >= 0 and values.max() <= 99
    with pytest.raises(ValueError, match="random_state must be"):
        dilemma.random_game((2,), random_state="seed")


def test_subgame():
    game = dilemma.NormalFormGame.from_function((3, 2), lambda p: (p[0] * 10 + p[1], 1))
    sub = dilemma.subgame(game, [[2, 0], [1]])
    assert sub.nums_actions == (2, 1)
    np.testing.assert_array_equal(sub.payoffs(0), [[21], [1]])
