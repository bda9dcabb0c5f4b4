import itertools
import math
from collections import Counter

import numpy as np
import pytest

import dilemma


def random_symmetric(n, s, seed, low=0, high=3):
    rng = np.random.default_rng(seed)
    table = rng.integers(low, high + 1, size=(s, len(dilemma.count_vectors(s, n - 1)))).astype(float)
    return dilemma.SymmetricGame(n, s, table)


def counts_of(profile, s):
    return tuple(Counter(profile).get(a, 0) for a in range(s))


@pytest.mark.parametrize("n, s", [(1, 2), (2, 3), (3, 2), (4, 3), (5, 3)])
def test_compact_results_equal_dense_results(n, s):
    for seed in range(5):
        game = random_symmetric(n, s, seed + 10 * n + s)
        dense = game.to_normal_form()
        dense_equilibria = dilemma.pure_nash(dense)
        classes = dilemma.pure_nash(game)
        assert {c.counts for c in classes} == {counts_of(p, s) for p in dense_equilibria}
        assert sum(c.multiplicity for c in classes) == len(dense_equilibria)
        np.testing.assert_array_equal(dilemma.pure_nash_counts(game), [c.counts for c in classes]
                                      if classes else np.zeros((0, s)))
        x = np.random.default_rng(seed).dirichlet(np.ones(s))
        dense_values = dilemma.action_payoffs(dense, tuple([x] * n))
        for values in dense_values:
            np.testing.assert_allclose(values, dilemma.action_payoffs(game, x), rtol=1e-12, atol=1e-12)
        assert dilemma.dominated_actions(game) == dilemma.dominated_actions(dense, 0)
        np.testing.assert_array_equal(dilemma.security_levels(game), dilemma.security_levels(dense, 0))
        assert dilemma.strategic_share(game) == pytest.approx(dilemma.strategic_share(dense))
        for profile in itertools.islice(itertools.product(range(s), repeat=n), 20):
            assert dilemma.welfare(game, counts_of(profile, s)) == dilemma.welfare(dense, profile)


def test_table_and_callable_backings():
    def u(a, m):
        return a * 10.0 + m[0] - 0.5 * m[-1]

    lazy = dilemma.SymmetricGame.from_function(4, 3, u, vectorized=False, tabulate=False)
    lazy_vectorized = dilemma.SymmetricGame.from_function(
        4, 3, lambda a, m: a * 10.0 + m[:, 0] - 0.5 * m[:, -1], tabulate=False)
    assert lazy_vectorized.payoff(2, (1, 1, 1)) == u(2, (1, 1, 1))
    scalar = dilemma.SymmetricGame.from_function(4, 3, u, vectorized=False)
    vectorized = dilemma.SymmetricGame.from_function(4, 3, lambda a, m: a * 10.0 + m[:, 0] - 0.5 * m[:, -1])
    assert not lazy.has_table and scalar.has_table
    np.testing.assert_array_equal(scalar.table, vectorized.table)
    assert not vectorized.table.flags.writeable
    for r, m in enumerate(lazy.count_vectors()):
        for a in range(3):
            assert lazy.payoff(a, m) == vectorized.table[a, r] == u(a, m)
    assert [c.counts for c in dilemma.pure_nash(lazy)] == [c.counts for c in dilemma.pure_nash(vectorized)]


def test_large_population_multiplicity_is_exact():
    game = dilemma.SymmetricGame.from_function(300, 2, lambda a, m: np.zeros(len(m)))
    classes = dilemma.pure_nash(game)
    assert len(classes) == 301
    assert sum(c.multiplicity for c in classes) == 2**300  # Python ints, exact
    assert classes[150].multiplicity == __import__("math").comb(300, 150)


def test_bad_symmetric_input():
    with pytest.raises(ValueError, match=r"SymmetricGame: table must have shape \(2, 3\)"):
        dilemma.SymmetricGame(3, 2, np.zeros(5))
    with pytest.raises(ValueError, match="num_players must be >= 0, got -2"):
        dilemma.SymmetricGame(-2, 2, np.zeros(5))
    with pytest.raises(ValueError, match="is nan"):
        dilemma.SymmetricGame(2, 2, np.array([[0, np.nan], [0, 0]]))
    game = dilemma.SymmetricGame(3, 2, np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"others' counts \(2, 1\) must have 2 entries summing to 2"):
        game.payoff(0, (2, 1))
    with pytest.raises(ValueError, match="probabilities sum to 1.5"):
        dilemma.regret(game, [0.5, 1.0])
    with pytest.raises(ValueError, match="to_normal_form: .* needs"):
        dilemma.SymmetricGame.from_function(30, 3, lambda a, m: 0.0, tabulate=False).to_normal_form()
    with pytest.raises(ValueError, match=r"table must have shape \(3, 6\)"):
        dilemma.SymmetricGame(3, 3, np.zeros((6, 3)))
    with pytest.raises(ValueError, match="cannot index count vectors"):
        dilemma.count_vectors(1, 2**62)
    with pytest.raises(ValueError, match="one payoff per count vector"):
        dilemma.SymmetricGame.from_function(3, 2, lambda a, m: np.zeros(2))


def test_hawk_dove_mixed_equilibrium():
    # Maynard Smith: V = 2, C = 4, hawk with probability V / C = 1/2.
    table = np.array([[2.0, -1.0], [1.0, 0.0]])  # rows: hawk, dove; columns: other is dove, other is hawk
    game = dilemma.SymmetricGame(2, 2, table)
    assert [tuple(m) for m in game.count_vectors()] == [(0, 1), (1, 0)]
    game = dilemma.SymmetricGame(2, 2, table[:, ::-1])  # rank order: (0, 1) = other is dove
    assert dilemma.is_nash(game, [0.5, 0.5], tol=1e-12)
    assert not dilemma.is_nash(game, [0.2, 0.8])
    assert dilemma.expected_payoff(game, [0.5, 0.5]) == pytest.approx(0.5)


def test_huge_multiplicity_converts_exactly():
    game = dilemma.SymmetricGame.from_function(20000, 2, lambda a, m: np.zeros(len(m)))
    middle = dilemma.CountClass((10000, 10000))
    assert middle.multiplicity == __import__("math").comb(20000, 10000)  # over 4300 digits
    assert dilemma.CountClass((10**9,)).multiplicity == 1  # fast: the largest count is skipped
    assert len(dilemma.pure_nash_counts(game)) == 20001


def test_to_symmetric_inverts_to_normal_form(run_doctests):
    lazy = dilemma.confession_game(4, "leniency_for_naming")  # payoffs on demand, no table
    dense = lazy.to_normal_form()
    game = dilemma.to_symmetric(dense)
    assert (game.num_players, game.num_actions) == (4, 3)
    np.testing.assert_array_equal(game.table, lazy.tabulate().table)
    assert game.action_labels == lazy.action_labels
    again = game.to_normal_form()
    for i in range(4):
        np.testing.assert_array_equal(again.payoffs(i), dense.payoffs(i))
    table = random_symmetric(3, 2, seed=3).table
    np.testing.assert_array_equal(dilemma.to_symmetric(dilemma.SymmetricGame(3, 2, table).to_normal_form()).table, table)
    run_doctests(dilemma.to_symmetric)


def test_to_symmetric_refuses_a_game_that_is_not_symmetric():
    with pytest.raises(ValueError, match=r"^to_symmetric: the game is not symmetric: player 2's payoff at profile \(1, 1\)"):
        dilemma.to_symmetric(dilemma.battle_of_the_sexes())
    with pytest.raises(ValueError, match=r"^to_symmetric: .* same number of strategies for every player, got \(2, 3\)"):
        dilemma.to_symmetric(dilemma.random_game((2, 3), random_state=0))


def game_with_gain(n, roots, scale=1.0):
    """Two actions whose gain U(0) - U(1), against others playing action 0 with
    probability p, is scale * prod(p - r): action 0 pays the gain's Bernstein
    coefficients of degree n - 1, action 1 pays 0."""
    N = n - 1
    power = np.polynomial.polynomial.polyfromroots(roots) * scale if roots else np.array([scale])
    coefficients = [sum(math.comb(k, i) / math.comb(N, i) * power[i] for i in range(min(k, len(power) - 1) + 1))
                    for k in range(N + 1)]
    counts = dilemma.count_vectors(2, N)
    table = np.array([[coefficients[m[0]] for m in counts], [0.0] * len(counts)])
    return dilemma.SymmetricGame(n, 2, table)


@pytest.mark.parametrize("n", [3, 5, 11])
@pytest.mark.parametrize("roots, expected", [
    ([0.3, 0.3], [0.3]), ([0.5, 0.5], [0.5]), ([0.77, 0.77], [0.77]),
    ([0.3, 0.3, 0.7], [0.3, 0.7]), ([0.25, 0.25, 0.6, 0.6], [0.25, 0.6]),
])
def test_a_root_where_the_gain_touches_zero_is_found(n, roots, expected):
    # (p - a)^2 keeps its sign: it was missed, with exhaustive=True.
    if len(roots) > n - 1:
        pytest.skip("degree above n - 1")
    for scale in (1.0, -3.0):
        game = game_with_gain(n, roots, scale)
        found = dilemma.symmetric_equilibria(game)
        tol = 1e-9 * dilemma.payoff_range(game)
        interior = sorted(x[0] for x in found if 0 < x[0] < 1)
        np.testing.assert_allclose(interior, expected, atol=1e-6)
        assert all(dilemma.regret(game, x) <= tol for x in found)
        assert found.exhaustive


def test_a_gain_identically_zero_is_one_continuum():
    found = dilemma.symmetric_equilibria(game_with_gain(4, [], 0.0))
    assert found.singular_supports == [(0, 1)] and found.exhaustive
    assert sorted(x[0] for x in found) == [0.0, 0.5, 1.0]


@pytest.mark.parametrize("n, a, scale", [(4, 0.3809417905735111, -0.4823834899592303),
                                         (15, 0.07019921235273852, -0.051069100448013514), (1600, 0.3, 1.0)])
def test_a_triple_root_is_found_once(n, a, scale):
    # The old subdivision dropped the first two (exhaustive=True, no equilibrium at all).
    game = game_with_gain(n, [a, a, a], scale)
    found = dilemma.symmetric_equilibria(game)
    interior = [x[0] for x in found if 0 < x[0] < 1]
    assert len(interior) == 1 and abs(interior[0] - a) < 1e-4
    assert all(dilemma.regret(game, x) <= 1e-9 * dilemma.payoff_range(game) for x in found)
