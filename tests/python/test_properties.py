"""Property-based tests (issue 8), with hypothesis, on small random games:
every equilibrium a solver returns has small regret; the solvers agree (pure
equilibria and Lemke-Howson's are extreme ones; dense and symmetric forms
agree); and the equilibria and dominance relations are invariant under the
transformations that must leave them unchanged: adding to each player's
payoff a term that depends only on the others' actions, positive scaling,
and permuting actions (which permutes the equilibria).

Payoffs are small integers, so degenerate games (ties, continua) are
frequent and the exact (rational) solvers can be compared exactly.
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_adversarial import TIME_LIMIT, as_float_profile, assert_equilibria, finite

import dilemma

MAX_BOXES = 2000
FEW = settings(max_examples=30, deadline=None, derandomize=True)
SOME = settings(max_examples=60, deadline=None, derandomize=True)


# ---------------------------------------------------------------- strategies


@st.composite
def payoff_tensors(draw, num_players=st.integers(2, 3), num_actions=st.integers(2, 4), low=-6, high=6):
    """payoffs[i]: player i's integer payoff array; 2 x 2 x 2 with three players
    (larger ones make the property runs slow)."""
    n = draw(num_players)
    nums = tuple(draw(num_actions) for _ in range(n)) if n == 2 else (2,) * n
    size = int(np.prod(nums))
    return [np.array(draw(st.lists(st.integers(low, high), min_size=size, max_size=size)),
                     dtype=float).reshape(nums) for _ in range(n)]


def bimatrices(**kwargs):
    return payoff_tensors(num_players=st.just(2), **kwargs)


def game_of(payoffs):
    return dilemma.NormalFormGame.from_arrays(*payoffs)


@st.composite
def symmetric_tables(draw, num_players=st.integers(2, 3), num_actions=st.integers(2, 3)):
    n, m = draw(num_players), draw(num_actions)
    columns = len(dilemma.count_vectors(m, n - 1))
    values = draw(st.lists(st.integers(-6, 6), min_size=m * columns, max_size=m * columns))
    return dilemma.SymmetricGame(n, m, np.array(values, dtype=float).reshape(m, columns))


def others_term(draw, payoffs):
    """For each player i, a random integer array depending on a_{-i} only
    (constant along axis i), broadcast to the game's shape."""
    terms = []
    for i, u in enumerate(payoffs):
        shape = list(u.shape)
        shape[i] = 1
        size = int(np.prod(shape))
        h = np.array(draw(st.lists(st.integers(-20, 20), min_size=size, max_size=size)), dtype=float)
        terms.append(np.broadcast_to(h.reshape(shape), u.shape))
    return terms


# ---------------------------------------------------------------- helpers


def solve(solver, game, *args, **kwargs):
    with dilemma.monitor(time_limit=TIME_LIMIT):
        return solver(game, *args, **kwargs)


def enumerated(game):
    """enumerate_equilibria with few boxes per support: degenerate games of 4 x 4
    otherwise take 40 s (see test_adversarial.py); what it returns is still checked."""
    return solve(dilemma.enumerate_equilibria, game, max_boxes=MAX_BOXES)


def assert_same_enumeration(game, other, transform=lambda profile: profile):
    """The isolated equilibria of `other` are those of `game`, transformed, when both
    searches are complete (a capped search may leave different boxes unresolved)."""
    first, second = enumerated(game), enumerated(other)
    assert_equilibria(game, first.equilibria)
    assert_equilibria(other, second.equilibria)
    if first.exhaustive and second.exhaustive:
        assert rounded_set(second.equilibria) == {transform(p) for p in rounded_set(first.equilibria)}


def exact_set(profiles):
    """A set of profiles with Fraction entries (from rational=True), hashable."""
    return {tuple(tuple(Fraction(p) for p in strategy) for strategy in profile) for profile in profiles}


def pure_as_exact(game, profiles):
    return {tuple(tuple(Fraction(int(a == k)) for k in range(m)) for a, m in zip(profile, game.nums_actions))
            for profile in profiles}


def rounded_set(profiles, digits=6):
    return {tuple(tuple(np.round(strategy, digits).tolist()) for strategy in as_float_profile(profile))
            for profile in profiles}


def permute(payoffs, permutations):
    """The game whose player-i action k is the old action permutations[i][k]."""
    return [u[np.ix_(*permutations)] for u in payoffs]


def permute_profile(profile, permutations):
    return tuple(tuple(strategy[j] for j in perm) for strategy, perm in zip(profile, permutations))


def dominance(game):
    return [(dilemma.dominated_actions(game, i), dilemma.dominated_actions(game, i, weak=True),
             [dilemma.mixed_dominance(game, i, a).dominated for a in range(game.nums_actions[i])])
            for i in range(game.num_players)]


# ---------------------------------------------------------------- regret of every answer


@FEW
@given(bimatrices())
def test_two_player_solvers_return_equilibria(payoffs):
    game = game_of(payoffs)
    assert_equilibria(game, [dilemma.to_mixed(game, p) for p in solve(dilemma.pure_nash, game)])
    assert_equilibria(game, solve(dilemma.vertex_enumeration, game))
    assert_equilibria(game, solve(dilemma.vertex_enumeration, game, rational=True), tol=1e-12)
    assert_equilibria(game, solve(dilemma.support_enumeration, game))
    assert_equilibria(game, solve(dilemma.lemke_howson_all, game))
    assert_equilibria(game, [p for c in solve(dilemma.nash_components, game) for p in c.equilibria])
    assert_equilibria(game, enumerated(game).equilibria)
    assert_equilibria(game, [solve(dilemma.simplicial_subdivision, game).equilibrium])
    qre = solve(dilemma.logit_qre, game)
    finite(qre.regret, list(qre.equilibrium))
    if qre.converged:
        assert_equilibria(game, [qre.equilibrium])


@FEW
@given(payoff_tensors(num_players=st.just(3)))
def test_n_player_solvers_return_equilibria(payoffs):
    game = game_of(payoffs)
    assert_equilibria(game, [dilemma.to_mixed(game, p) for p in solve(dilemma.pure_nash, game)])
    assert_equilibria(game, enumerated(game).equilibria)
    assert_equilibria(game, [solve(dilemma.simplicial_subdivision, game).equilibrium])
    qre = solve(dilemma.logit_qre, game)
    if qre.converged:
        assert_equilibria(game, [qre.equilibrium])
    ce = solve(dilemma.correlated_equilibrium, game)
    assert ce.max_violation <= 1e-7 * (1 + np.ptp(payoffs))


@FEW
@given(bimatrices())
def test_zero_sum_solution_is_an_equilibrium_with_the_value(payoffs):
    A = payoffs[0]
    game = game_of([A, 5.0 - A])  # constant-sum
    solution = solve(dilemma.solve_zero_sum, game, rational=True)
    assert_equilibria(game, [solution.profile], tol=1e-12)
    x, y = as_float_profile(solution.profile)
    assert float(solution.value) == pytest.approx(x @ A @ y, abs=1e-9)
    floating = solve(dilemma.solve_zero_sum, game)
    assert float(floating.value) == pytest.approx(float(solution.value), abs=1e-7)
    levels = [security.level for security in dilemma.security_strategies(game)]
    assert levels[0] == pytest.approx(float(solution.value), abs=1e-7)


# ---------------------------------------------------------------- the solvers agree


@SOME
@given(bimatrices())
def test_pure_and_lemke_howson_equilibria_are_extreme(payoffs):
    game = game_of(payoffs)
    extreme = exact_set(solve(dilemma.vertex_enumeration, game, rational=True))
    pure = solve(dilemma.pure_nash, game)
    assert sorted(pure) == sorted(solve(dilemma.pure_nash_brute, game))
    assert pure_as_exact(game, pure) <= extreme
    assert exact_set(solve(dilemma.lemke_howson_all, game, rational=True)) <= extreme
    for k in range(sum(game.nums_actions)):
        assert exact_set([solve(dilemma.lemke_howson, game, init_pivot=k, rational=True).equilibrium]) <= extreme
    floating = rounded_set(solve(dilemma.vertex_enumeration, game))
    assert floating == rounded_set(extreme)


@SOME
@given(bimatrices())
def test_components_hold_the_extreme_equilibria(payoffs):
    game = game_of(payoffs)
    extreme = exact_set(solve(dilemma.vertex_enumeration, game, rational=True))
    components = solve(dilemma.nash_components, game, rational=True)
    in_components = set().union(*(exact_set(c.equilibria) for c in components))
    assert in_components == extreme


@SOME
@given(bimatrices())
def test_two_player_enumeration_agrees_with_the_components(payoffs):
    """enumerate_equilibria solves two-player supports by linear algebra: its
    isolated equilibria are the singleton components (exact, from rational
    vertex enumeration), each singular support's example lies in a component
    that is not a singleton, and the search is always complete."""
    game = game_of(payoffs)
    found = solve(dilemma.enumerate_equilibria, game)
    assert found.exhaustive and found.boxes == 0
    components = solve(dilemma.nash_components, game, rational=True)
    singletons = rounded_set(c.equilibria[0] for c in components if c.is_singleton)
    assert singletons <= rounded_set(found.equilibria)
    for singular in found.singular_supports:
        assert_equilibria(game, [singular.example])
        assert rounded_set([singular.example]).isdisjoint(singletons)


@FEW
@given(symmetric_tables())
def test_dense_and_symmetric_forms_agree(game):
    dense = game.to_normal_form()
    assert ({c.counts for c in solve(dilemma.pure_nash, game)}
            == {tuple(np.bincount(p, minlength=game.num_actions)) for p in solve(dilemma.pure_nash, dense)})
    for i in range(game.num_players):
        assert dilemma.dominated_actions(dense, i) == dilemma.dominated_actions(game)
        assert dilemma.dominated_actions(dense, i, weak=True) == dilemma.dominated_actions(game, weak=True)
    found = solve(dilemma.symmetric_equilibria, game)
    for x in found:
        assert dilemma.regret(dense, (x,) * game.num_players) == pytest.approx(dilemma.regret(game, x), abs=1e-9)
    assert_equilibria(game, list(found))
    assert solve(dilemma.correlated_equilibrium, game).welfare == pytest.approx(
        solve(dilemma.correlated_equilibrium, dense).welfare, rel=1e-7, abs=1e-7)
    enumeration = enumerated(dense)
    if found.exhaustive and not found.singular_supports and enumeration.exhaustive:
        # every symmetric equilibrium of the dense form is one of them
        dense_symmetric = [p[0] for p in enumeration.equilibria if all(np.allclose(s, p[0], atol=1e-7) for s in p)]
        for x in dense_symmetric:
            assert any(np.allclose(x, y, atol=1e-6) for y in found), f"{x} missing from {list(found)}"


# ---------------------------------------------------------------- invariances


@SOME
@given(st.data())
def test_adding_a_term_of_the_others_actions_changes_nothing(data):
    payoffs = data.draw(bimatrices())
    moved = [u + h for u, h in zip(payoffs, others_term(data.draw, payoffs))]
    game, other = game_of(payoffs), game_of(moved)
    assert solve(dilemma.pure_nash, game) == solve(dilemma.pure_nash, other)
    assert exact_set(solve(dilemma.vertex_enumeration, game, rational=True)) == exact_set(
        solve(dilemma.vertex_enumeration, other, rational=True))
    assert dominance(game) == dominance(other)
    assert (solve(dilemma.iterated_elimination, game).original_actions
            == solve(dilemma.iterated_elimination, other).original_actions)
    assert_same_enumeration(game, other)


@FEW
@given(st.data())
def test_adding_a_term_of_the_others_actions_n_players(data):
    payoffs = data.draw(payoff_tensors(num_players=st.just(3)))
    moved = [u + h for u, h in zip(payoffs, others_term(data.draw, payoffs))]
    game, other = game_of(payoffs), game_of(moved)
    assert solve(dilemma.pure_nash, game) == solve(dilemma.pure_nash, other)
    assert dominance(game) == dominance(other)
    assert_same_enumeration(game, other)
    # the decomposition's strategic parts ignore such terms
    d, e = dilemma.decompose(game), dilemma.decompose(other)
    assert e.potential_norm == pytest.approx(d.potential_norm, abs=1e-8)
    assert e.harmonic_norm == pytest.approx(d.harmonic_norm, abs=1e-8)


@SOME
@given(bimatrices(), st.lists(st.sampled_from([0.5, 2.0, 3.0, 1000.0]), min_size=2, max_size=2))
def test_positive_scaling_changes_no_equilibrium(payoffs, factors):
    game, scaled = game_of(payoffs), game_of([c * u for c, u in zip(factors, payoffs)])
    assert solve(dilemma.pure_nash, game) == solve(dilemma.pure_nash, scaled)
    assert exact_set(solve(dilemma.vertex_enumeration, game, rational=True)) == exact_set(
        solve(dilemma.vertex_enumeration, scaled, rational=True))
    assert rounded_set(solve(dilemma.vertex_enumeration, game)) == rounded_set(
        solve(dilemma.vertex_enumeration, scaled))
    assert rounded_set(solve(dilemma.lemke_howson_all, game)) == rounded_set(
        solve(dilemma.lemke_howson_all, scaled))
    assert dominance(game) == dominance(scaled)


@FEW
@given(payoff_tensors(num_players=st.just(3)), st.sampled_from([0.25, 10.0, 1e6]))
def test_positive_scaling_n_players(payoffs, factor):
    game, scaled = game_of(payoffs), game_of([factor * u for u in payoffs])
    assert solve(dilemma.pure_nash, game) == solve(dilemma.pure_nash, scaled)
    assert_same_enumeration(game, scaled)
    # one equilibrium each: the same one (test_simplicial_subdivision_is_scale_invariant)
    assert_equilibria(game, [solve(dilemma.simplicial_subdivision, scaled).equilibrium])


@pytest.mark.parametrize("factor", [2.0, 0.25, 1e6])
def test_simplicial_subdivision_is_scale_invariant(factor):
    payoffs = [np.zeros((2, 2, 2)), np.array([[[0, 0], [-2, 1]], [[0, 0], [0, 0]]], dtype=float),
               np.array([[[-1, 0], [0, 0]], [[0, 0], [0, 0]]], dtype=float)]
    game, scaled = game_of(payoffs), game_of([factor * u for u in payoffs])
    assert rounded_set([solve(dilemma.simplicial_subdivision, game).equilibrium]) == rounded_set(
        [solve(dilemma.simplicial_subdivision, scaled).equilibrium])


@SOME
@given(st.data())
def test_permuting_actions_permutes_the_equilibria(data):
    payoffs = data.draw(bimatrices())
    game = game_of(payoffs)
    permutations = [data.draw(st.permutations(range(m))) for m in game.nums_actions]
    permuted = game_of(permute(payoffs, permutations))
    assert exact_set(solve(dilemma.vertex_enumeration, permuted, rational=True)) == {
        permute_profile(p, permutations) for p in exact_set(solve(dilemma.vertex_enumeration, game, rational=True))}
    assert sorted(solve(dilemma.pure_nash, permuted)) == sorted(
        tuple(perm.index(a) for a, perm in zip(p, permutations)) for p in solve(dilemma.pure_nash, game))
    assert_same_enumeration(game, permuted, lambda profile: permute_profile(profile, permutations))
    for i, perm in enumerate(permutations):
        assert sorted(dilemma.dominated_actions(permuted, i)) == sorted(
            perm.index(a) for a in dilemma.dominated_actions(game, i))
