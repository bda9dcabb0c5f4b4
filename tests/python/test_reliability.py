"""Issue 16, a class per test: each failed before its fix (wrong answers nobody
was told about, internal signals escaping, computations that never return)."""
import numpy as np
import pytest

import dilemma


@pytest.mark.parametrize("num_players", [2, 3, 4])
def test_a_list_of_per_player_arrays_is_refused_naming_from_arrays(num_players):
    rng = np.random.default_rng(num_players)
    shape = (2,) * num_players
    arrays = [rng.integers(0, 9, shape).astype(float) for _ in range(num_players)]
    for data in (arrays, tuple(arrays), [a.tolist() for a in arrays]):
        with pytest.raises(ValueError, match=r"NormalFormGame: a list of %d arrays of shape .* "
                                             r"NormalFormGame\.from_arrays\(" % num_players):
            dilemma.NormalFormGame(data)
    per_player = dilemma.NormalFormGame.from_arrays(*arrays)
    profile = dilemma.NormalFormGame(np.stack(arrays, axis=-1))  # a genuine payoff profile ndarray
    assert profile == per_player
    for i in range(num_players):
        np.testing.assert_array_equal(per_player.payoffs(i), arrays[i])


def test_the_prisoners_dilemma_written_as_two_matrices():
    A = np.array([[3, 0], [5, 1]])
    with pytest.raises(ValueError, match="from_arrays"):
        dilemma.NormalFormGame([A, A.T])
    assert dilemma.pure_nash(dilemma.NormalFormGame.from_arrays(A, A.T)) == [(1, 1)]
    assert dilemma.pure_nash(dilemma.NormalFormGame(np.stack([A, A.T], axis=-1))) == [(1, 1)]


def test_exact_support_enumeration_keeps_its_overflow_signal_inside():
    # Floats with 17 significant digits: 64-bit integer pivoting overflows while
    # the polyhedra are built, before the search starts.
    for seed in range(6):
        game = dilemma.random_game((2, 2), random_state=seed)
        exact = dilemma.support_enumeration(game, rational=True)
        assert sorted(map(str, exact)) == sorted(map(str, dilemma.vertex_enumeration(game, rational=True)))
        assert list(dilemma.support_enumeration_gen(game, rational=True))


def test_an_exact_multiplicity_too_large_is_refused_at_once():
    huge = dilemma.CountClass((10**18, 10**18))
    with pytest.raises(ValueError, match=r"CountClass\.multiplicity: .* decimal digits, .* use log_multiplicity"):
        huge.multiplicity
    assert huge.log_multiplicity == pytest.approx(2e18 * np.log(2), rel=1e-6)
    assert dilemma.CountClass((3000, 3000)).multiplicity.bit_length() > 5990  # still exact below the limit


def test_a_profile_printed_with_six_decimals_is_an_equilibrium_at_that_precision():
    # dilemma's and Gambit's CLI print 6 decimals: the regret of a printed
    # equilibrium is of the order of the rounding, 1e-6 of the payoff range.
    game = dilemma.random_game((3, 3, 3), random_state=4, low=0, high=99, integer=True)
    for exact in dilemma.enumerate_equilibria(game).equilibria:
        printed = tuple(np.round(x, 6) for x in exact)
        assert dilemma.is_nash(game, printed, tol=1e-5)


def test_write_nfg_writes_no_exponent_and_reads_back_exactly():
    # Gambit 17's reader refuses 1.5e+20; a fixed-notation decimal reads the same double back.
    rng = np.random.default_rng(16)
    payoffs = [np.array([[1.5e20, 1e-7], [0.1, -3.0]]), 10.0 ** rng.uniform(-300, 308, (2, 2))]
    game = dilemma.NormalFormGame.from_arrays(*payoffs)
    text = dilemma.write_nfg(game)
    assert "e" not in text[text.rindex("}") + 1:]
    assert dilemma.read_nfg(text) == game


def test_an_exact_symmetric_equilibrium_of_a_huge_game_is_checked_at_once():
    # The payoff range of 10^5 players (5 * 10^9 count vectors) is only needed when
    # the regret is not 0, and then it can be stopped.
    purge = dilemma.confession_game(10**5, "invariant_purge")
    assert dilemma.is_nash(purge, [0.2, 0.3, 0.5])
    with pytest.raises(TimeoutError, match="payoff_range"), dilemma.monitor(time_limit=0.2):
        dilemma.payoff_range(purge)
