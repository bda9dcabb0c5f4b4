"""Two-player solvers: vertex and support enumeration, Nash components,
Lemke-Howson, zero-sum games; checked against lrsnash, against each other
and by the regret of every equilibrium returned."""

import os
import shutil
import subprocess
from fractions import Fraction

import numpy as np
import pytest

import dilemma
from lrs_oracle import LRSNASH, lrsnash

needs_lrsnash = pytest.mark.skipif(LRSNASH is None, reason="lrsnash (Debian package lrslib) is not installed")

TOL = 1e-9


def game_of(A, B):
    return dilemma.NormalFormGame.from_arrays(np.array(A, dtype=float), np.array(B, dtype=float))


def as_fractions(profiles):
    return {(tuple(x), tuple(y)) for x, y in profiles}


def assert_equilibria(game, profiles, tol=1e-8):
    for x, y in profiles:
        assert dilemma.regret(game, (np.asarray(x, dtype=float), np.asarray(y, dtype=float))) <= tol


def assert_exact_equilibria(A, B, profiles):
    """Exact regret 0: every played strategy is a best response, in Fractions."""
    A = [[Fraction(v) for v in row] for row in A]
    B = [[Fraction(v) for v in row] for row in B]
    for x, y in profiles:
        row_payoffs = [sum(a * q for a, q in zip(row, y)) for row in A]
        column_payoffs = [sum(B[i][j] * x[i] for i in range(len(x))) for j in range(len(y))]
        assert all(p == 0 or row_payoffs[i] == max(row_payoffs) for i, p in enumerate(x))
        assert all(q == 0 or column_payoffs[j] == max(column_payoffs) for j, q in enumerate(y))
        assert sum(x) == 1 and sum(y) == 1 and min(x) >= 0 and min(y) >= 0


def matches(floating, exact, tol=1e-7):
    """The float profiles are the exact ones, within tol, one to one."""
    remaining = [np.concatenate([np.array(x, dtype=float), np.array(y, dtype=float)]) for x, y in exact]
    if len(floating) != len(remaining):
        return False
    for x, y in floating:
        point = np.concatenate([x, y])
        hits = [k for k, other in enumerate(remaining) if np.max(np.abs(point - other)) <= tol]
        if not hits:
            return False
        remaining.pop(hits[0])
    return True


def random_games(rng, count, sizes, high):
    for _ in range(count):
        m, n = rng.choice(sizes), rng.choice(sizes)
        yield rng.integers(0, high + 1, (m, n)).tolist(), rng.integers(0, high + 1, (m, n)).tolist()


def degenerate_games(rng, count):
    """Payoffs 0..3, constant rows, duplicated strategies, one player
    indifferent everywhere, all payoffs equal."""
    for k in range(count):
        m, n = int(rng.integers(2, 6)), int(rng.integers(2, 6))
        A, B = rng.integers(0, 4, (m, n)), rng.integers(0, 4, (m, n))
        kind = k % 6
        if kind == 1:
            A[rng.integers(m)] = 2
            B[rng.integers(m)] = 1
        elif kind == 2:
            A[1], B[1] = A[0], B[0]
            A[:, -1], B[:, -1] = A[:, 0], B[:, 0]
        elif kind == 3:
            A[:] = 0
        elif kind == 4:
            B[:] = 5
        elif kind == 5:
            A[:], B[:] = 3, 3
        yield A.tolist(), B.tolist()


def components_of(equilibria):
    """The connected components (as sets of extreme equilibria) and the
    maximal Nash subsets (maximal bicliques, as (row set, column set)) of a
    set of extreme equilibria. The column sets of the maximal bicliques are
    the nonempty intersections of rows' partner sets, closed one row at a time."""
    rows = sorted({x for x, _ in equilibria})
    partners = {x: frozenset(y for x2, y in equilibria if x2 == x) for x in rows}
    column_sets = set()
    for x in rows:
        column_sets |= {partners[x]} | {c & partners[x] for c in column_sets if c & partners[x]}
    subsets = {(frozenset(x for x in rows if c <= partners[x]), c) for c in column_sets}
    components = []
    for x, y in equilibria:
        touching = [c for c in components if any(x == x2 or y == y2 for x2, y2 in c)]
        merged = {(x, y)}.union(*touching)
        components = [c for c in components if c not in touching] + [merged]
    return sorted(map(frozenset, components), key=sorted), subsets


def assert_components_equal_lrsnash(game, expected):
    """nash_components(rational=True) has the components and maximal Nash
    subsets of lrsnash's extreme equilibria, every one an equilibrium."""
    found = dilemma.nash_components(game, rational=True)
    components, subsets = components_of(expected)
    assert sorted((frozenset(as_fractions(c.equilibria)) for c in found), key=sorted) == components
    assert {
        (frozenset(map(tuple, s.row_strategies)), frozenset(map(tuple, s.column_strategies)))
        for c in found
        for s in c.nash_subsets
    } == subsets
    return found


# ---- against lrsnash ----------------------------------------------------------


@needs_lrsnash
@pytest.mark.parametrize("kind", ["random", "degenerate"])
def test_vertex_enumeration_equals_lrsnash(tmp_path, kind):
    rng = np.random.default_rng(2024 if kind == "random" else 7)
    games = random_games(rng, 30, range(1, 9), 99) if kind == "random" else degenerate_games(rng, 60)
    for A, B in games:
        expected = lrsnash(A, B, tmp_path)
        game = game_of(A, B)
        exact = dilemma.vertex_enumeration(game, rational=True)
        assert as_fractions(exact) == expected, (A, B)
        assert len(exact) == len(expected)  # each equilibrium once
        assert_exact_equilibria(A, B, exact)
        floating = dilemma.vertex_enumeration(game)
        assert matches(floating, expected), (A, B)
        assert_equilibria(game, floating)


@needs_lrsnash
def test_support_enumeration_and_components_equal_lrsnash(tmp_path):
    rng = np.random.default_rng(11)
    for A, B in list(degenerate_games(rng, 24)) + list(random_games(rng, 12, range(1, 7), 99)):
        expected = lrsnash(A, B, tmp_path)
        game = game_of(A, B)
        exact = dilemma.support_enumeration(game, rational=True)
        assert as_fractions(exact) == expected
        assert_exact_equilibria(A, B, exact)
        assert as_fractions(dilemma.support_enumeration_gen(game, rational=True)) == expected
        floating = dilemma.support_enumeration(game)
        assert matches(floating, expected)
        assert_equilibria(game, floating)
        components = assert_components_equal_lrsnash(game, expected)
        in_components = [p for c in components for p in c.equilibria]
        assert len(in_components) == len(expected)
        assert_exact_equilibria(A, B, in_components)


@needs_lrsnash
def test_issue_game_with_an_indifferent_player(tmp_path):
    # Player 1's payoff is 0 everywhere: 12 extreme equilibria (lrsnash
    # agrees); Nashpy's vertex enumeration crashed and both Nashpy and
    # QuantEcon reported 3 on such a game.
    A, B = [[0] * 3] * 3, [[1, 2, 3], [3, 1, 2], [2, 3, 1]]
    game = game_of(A, B)
    expected = lrsnash(A, B, tmp_path)
    assert len(expected) == 12
    exact = dilemma.vertex_enumeration(game, rational=True)
    assert as_fractions(exact) == expected and len(exact) == 12
    assert_exact_equilibria(A, B, exact)
    assert matches(dilemma.vertex_enumeration(game), expected)
    (component,) = assert_components_equal_lrsnash(game, expected)
    assert not component.is_singleton and len(component.equilibria) == 12
    (component,) = dilemma.nash_components(game)
    assert not component.is_singleton and len(component.equilibria) == 12


@needs_lrsnash
@pytest.mark.parametrize("preset", ["invariant_purge", "invariant_purge_externality"])
def test_invariant_confession_game_is_one_component_covering_everything(tmp_path, preset):
    # docs/model.md (Presets, theorem): in the invariant presets nobody's choice
    # changes their own payoff, so every profile of the dense two-player
    # form is an equilibrium: one component, one Nash subset, the product of
    # both simplices (its extreme points the pure strategies).
    game = dilemma.confession_game(2, preset).to_normal_form()
    A, B = game.payoffs(0).tolist(), game.payoffs(1).tolist()
    expected = lrsnash(A, B, tmp_path)
    (component,) = assert_components_equal_lrsnash(game, expected)
    (subset,) = component.nash_subsets
    pure = {tuple(row) for row in np.eye(3, dtype=int).tolist()}
    assert set(map(tuple, subset.row_strategies)) == pure == set(map(tuple, subset.column_strategies))
    assert_exact_equilibria(A, B, component.equilibria)
    (floating,) = dilemma.nash_components(game)
    assert len(floating.equilibria) == 9 and len(floating.nash_subsets) == 1


# ---- vertex enumeration and components ------------------------------------------


def test_known_answers():
    bos = dilemma.vertex_enumeration(dilemma.battle_of_the_sexes(), rational=True)
    assert [(list(x), list(y)) for x, y in bos] == [
        ([0, 1], [0, 1]),
        ([Fraction(2, 3), Fraction(1, 3)], [Fraction(1, 3), Fraction(2, 3)]),
        ([1, 0], [1, 0]),
    ]
    assert_exact_equilibria([[2, 0], [0, 1]], [[1, 0], [0, 2]], bos)
    x, y = bos[1]
    assert x.dtype == object and isinstance(x[0], Fraction)
    floating = dilemma.vertex_enumeration(dilemma.battle_of_the_sexes())
    assert all(isinstance(s, np.ndarray) and s.dtype == np.float64 and s.ndim == 1 for p in floating for s in p)
    np.testing.assert_allclose(floating[1][0], [2 / 3, 1 / 3])


def test_invariant_game_is_one_component_covering_everything():
    # docs/model.md (theorem): the punishment is the same whatever one chooses.
    game = dilemma.NormalFormGame.from_function((3, 4), lambda profile: (-10.0, -10.0))
    (component,) = dilemma.nash_components(game)
    assert not component.is_singleton
    (subset,) = component.nash_subsets
    assert len(subset.row_strategies) == 3 and len(subset.column_strategies) == 4
    assert len(component.equilibria) == 12 == len(dilemma.vertex_enumeration(game))
    # Every mixture of the subset's strategies is an equilibrium.
    rng = np.random.default_rng(0)
    for _ in range(10):
        x = rng.dirichlet(np.ones(3)) @ np.array(subset.row_strategies)
        y = rng.dirichlet(np.ones(4)) @ np.array(subset.column_strategies)
        assert dilemma.is_nash(game, (x, y))


def test_components_of_a_continuum_and_an_isolated_equilibrium():
    game = game_of([[1, 1], [0, 2]], [[1, 1], [0, 3]])
    components = dilemma.nash_components(game, rational=True)
    assert_exact_equilibria([[1, 1], [0, 2]], [[1, 1], [0, 3]], [p for c in components for p in c.equilibria])
    assert sorted(c.is_singleton for c in components) == [False, True]
    continuum = next(c for c in components if not c.is_singleton)
    assert [list(x) for x in continuum.row_strategies] == [[1, 0]]
    assert sorted(tuple(y) for y in continuum.column_strategies) == [(Fraction(1, 2), Fraction(1, 2)), (1, 0)]
    assert "NashComponent" in repr(continuum)


def test_vertex_enumeration_on_larger_random_games_is_verified():
    for seed in range(3):
        game = dilemma.random_game((12, 12), random_state=seed, low=0, high=99, integer=True)
        found = dilemma.vertex_enumeration(game)
        assert found
        assert_equilibria(game, found)
        exact = dilemma.vertex_enumeration(game, rational=True)
        assert matches(found, exact)


# ---- support enumeration -------------------------------------------------------------


def test_support_enumeration_generator_and_order():
    generator = dilemma.support_enumeration_gen(dilemma.battle_of_the_sexes())
    first = next(generator)
    np.testing.assert_array_equal(first[0], [1, 0])
    rest = list(generator)
    assert len(rest) == 2
    assert_equilibria(dilemma.battle_of_the_sexes(), [first] + rest)
    with pytest.raises(StopIteration):
        next(generator)
    assert iter(generator) is generator


def test_support_enumeration_with_ties_misses_nothing():
    # Payoffs 0..2 make ties common; equal-size support enumeration misses
    # equilibria here, this one matches the vertex enumeration.
    rng = np.random.default_rng(5)
    for A, B in random_games(rng, 40, range(2, 6), 2):
        game = game_of(A, B)
        found = dilemma.support_enumeration(game, rational=True)
        assert as_fractions(found) == as_fractions(dilemma.vertex_enumeration(game, rational=True))
        assert_exact_equilibria(A, B, found)


# ---- Lemke-Howson --------------------------------------------------------------------


def test_lemke_howson_every_label_reaches_an_extreme_equilibrium():
    rng = np.random.default_rng(8)
    for A, B in random_games(rng, 15, range(2, 8), 99):
        game = game_of(A, B)
        extreme = as_fractions(dilemma.vertex_enumeration(game, rational=True))
        for label in range(len(A) + len(A[0])):
            profile = dilemma.lemke_howson(game, init_pivot=label, rational=True).equilibrium
            assert as_fractions([profile]) <= extreme
            x, y = dilemma.lemke_howson(game, init_pivot=label).equilibrium
            assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
            assert_equilibria(game, [(x, y)])


def test_lemke_howson_degenerate_games_terminate():
    rng = np.random.default_rng(9)
    for A, B in degenerate_games(rng, 20):
        game = game_of(A, B)
        for label in range(len(A) + len(A[0])):
            result = dilemma.lemke_howson(game, init_pivot=label)
            assert result.converged and result.num_iter >= 1 and result.params["init_pivot"] == label
            assert_equilibria(game, [result.equilibrium])


def test_lemke_howson_report_and_iteration_cap():
    game = dilemma.random_game((6, 6), random_state=1, low=0, high=99, integer=True)
    result = dilemma.lemke_howson(game, init_pivot=0)
    assert result.converged and result.equilibrium is not None and not result.exhaustive
    assert_equilibria(game, [result.equilibrium])
    assert result.params["max_iter"] == 10**6 and result.method == "lemke_howson"
    capped = dilemma.lemke_howson(game, init_pivot=0, max_iter=1)
    assert capped.equilibrium is None and not capped.converged and capped.num_iter == 1
    assert "no equilibrium within max_iter = 1 pivots" in capped.message


def test_lemke_howson_all_on_shapleys_inaccessible_equilibria():
    # Shapley (1974), "A note on the Lemke-Howson algorithm", Math.
    # Programming Study 1, Fig. 3: three equilibria, two inaccessible.
    game = game_of([[0, 3, 0], [2, 2, 0], [3, 0, 1]], [[0, 2, 3], [3, 2, 0], [0, 0, 1]])
    assert len(dilemma.vertex_enumeration(game)) == 3
    (reached,) = dilemma.lemke_howson_all(game, rational=True)
    assert [list(s) for s in reached] == [[0, 0, 1], [0, 0, 1]]
    assert_equilibria(game, dilemma.lemke_howson_all(game))


# ---- zero-sum and security -------------------------------------------------------------


def test_solve_zero_sum_and_security_strategies():
    # 2 x 2 without a saddle point (Owen, Game Theory, 1995, II.4): value 1/7.
    solution = dilemma.solve_zero_sum(game_of([[3, -1], [-2, 1]], [[-3, 1], [2, -1]]), rational=True)
    assert_exact_equilibria([[3, -1], [-2, 1]], [[-3, 1], [2, -1]], [solution.profile])
    assert solution.value == Fraction(1, 7)
    assert list(solution.row_strategy) == [Fraction(3, 7), Fraction(4, 7)]
    assert list(solution.column_strategy) == [Fraction(2, 7), Fraction(5, 7)]
    floating = dilemma.solve_zero_sum(dilemma.matching_pennies())
    assert floating.value == pytest.approx(0)
    assert dilemma.is_nash(dilemma.matching_pennies(), floating.profile)
    security = dilemma.security_strategies(dilemma.battle_of_the_sexes(), rational=True)[1]
    assert security.level == Fraction(2, 3) and list(security.strategy) == [Fraction(2, 3), Fraction(1, 3)]
    floating = dilemma.security_strategies(dilemma.battle_of_the_sexes())[1]
    assert floating.level == pytest.approx(2 / 3) and np.allclose(floating.strategy, [2 / 3, 1 / 3])


def test_zero_sum_value_is_the_payoff_of_every_equilibrium():
    rng = np.random.default_rng(12)
    for _ in range(20):
        A = rng.integers(-3, 4, (int(rng.integers(1, 5)), int(rng.integers(1, 5))))
        game = game_of(A, -A)
        solution = dilemma.solve_zero_sum(game, rational=True)
        assert_exact_equilibria(A.tolist(), (-A).tolist(), [solution.profile])
        assert_equilibria(game, [dilemma.solve_zero_sum(game).profile])
        value = solution.value
        for x, y in dilemma.vertex_enumeration(game, rational=True):
            assert sum(x[i] * int(A[i, j]) * y[j] for i in range(len(x)) for j in range(len(y))) == value


# ---- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda g: dilemma.vertex_enumeration(g), "vertex_enumeration: needs a two-player game, got 3 players"),
        (lambda g: dilemma.nash_components(g), "nash_components: needs a two-player game, got 3 players"),
        (lambda g: dilemma.support_enumeration(g), "support_enumeration: needs a two-player game"),
        (lambda g: next(dilemma.support_enumeration_gen(g)), "support_enumeration: needs a two-player game"),
        (lambda g: dilemma.lemke_howson(g), "lemke_howson: needs a two-player game"),
        (lambda g: dilemma.solve_zero_sum(g), "solve_zero_sum: needs a two-player game"),
    ],
)
def test_two_player_solvers_reject_other_games(call, message):
    with pytest.raises(ValueError, match=message):
        call(dilemma.coordination_game(3, 2))


def test_bad_options_raise_value_error():
    pennies = dilemma.matching_pennies()
    with pytest.raises(ValueError, match=r"vertex_enumeration: tol must be in \[1e-13, 1e-05\] .*, got -1"):
        dilemma.vertex_enumeration(pennies, tol=-1)
    with pytest.raises(ValueError, match=r"vertex_enumeration: tol must be in \[1e-13, 1e-05\] .*, got nan"):
        dilemma.vertex_enumeration(pennies, tol=float("nan"))
    with pytest.raises(ValueError, match=r"lemke_howson: init_pivot must be in 0..3 \(the game has 4 strategies\), got 9"):
        dilemma.lemke_howson(pennies, init_pivot=9)
    with pytest.raises(ValueError, match="solve_zero_sum: the game is not constant-sum"):
        dilemma.solve_zero_sum(dilemma.battle_of_the_sexes())


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda g: dilemma.lemke_howson(g, init_pivot=-1), "lemke_howson: init_pivot must be >= 0, got -1"),
        (lambda g: dilemma.lemke_howson(g, max_iter=-5), "lemke_howson: max_iter must be >= 0, got -5"),
        (lambda g: dilemma.lemke_howson_all(g, max_iter=-1), "lemke_howson_all: max_iter must be >= 0, got -1"),
    ],
)
def test_negative_integers_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call(dilemma.matching_pennies())


def test_payoffs_near_the_largest_double():
    # The row player's payoffs span more than the largest double; rescaling
    # them once divided by an infinite range (wrong equilibria, regret 8.5e307).
    game = game_of([[1.7e308, -1.7e308], [0, 1]], [[1, 0], [0, 1]])
    exact = dilemma.vertex_enumeration(game, rational=True)
    floating = dilemma.vertex_enumeration(game)
    assert matches(floating, exact)
    assert_equilibria(game, floating, tol=1e-9 * 3.4e308)
    assert as_fractions([dilemma.lemke_howson(game, init_pivot=1, rational=True).equilibrium]) <= as_fractions(exact)
    assert matches([dilemma.lemke_howson(game, init_pivot=1).equilibrium],
                   [dilemma.lemke_howson(game, init_pivot=1, rational=True).equilibrium])


# ---- command line -----------------------------------------------------------------------------

CLI = os.environ.get("DILEMMA_CLI") or shutil.which("dilemma")
needs_cli = pytest.mark.skipif(CLI is None, reason="the dilemma CLI was not found: set DILEMMA_CLI")

# Battle of the sexes in Gambit's format (player 1's strategy fastest).
BOS = 'NFG 1 R "" { "1" "2" } { 2 2 }\n2 1  0 0  0 0  1 2\n'
# Row 1 pays (1, 1) whatever player 2 does: a continuum beside (2, 2).
CONTINUUM = 'NFG 1 R "" { "1" "2" } { 2 2 }\n1 1  0 0  1 1  2 3\n'


def cli(tmp_path, text, *args):
    path = tmp_path / "game.nfg"
    path.write_text(text)
    result = subprocess.run([CLI, "solve", *args, str(path)], capture_output=True, text=True, timeout=60)
    return result


@needs_cli
def test_cli_two_player_methods(tmp_path):
    result = cli(tmp_path, BOS, "-m", "enummixed")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["NE,0,1,0,1", "NE,2/3,1/3,1/3,2/3", "NE,1,0,1,0"]
    assert cli(tmp_path, BOS, "-m", "enummixed", "-d", "3").stdout.splitlines()[1] == "NE,0.667,0.333,0.333,0.667"
    assert sorted(cli(tmp_path, BOS, "-m", "lcp").stdout.splitlines()) == sorted(result.stdout.splitlines())
    pennies = 'NFG 1 R "" { "1" "2" } { 2 2 }\n1 -1  -1 1  -1 1  1 -1\n'
    assert cli(tmp_path, pennies, "-m", "lp").stdout == "NE,1/2,1/2,1/2,1/2\n"
    failed = cli(tmp_path, BOS, "-m", "lp")
    assert failed.returncode == 1  # in Gambit's words, strategies counted from 1
    assert failed.stderr == ("dilemma: Method only valid for constant-sum games: the payoffs sum to 3 at "
                             "profile (1, 1) and to 0 at (1, 2).\n")


@needs_cli
def test_cli_enummixed_connectedness(tmp_path):
    lines = cli(tmp_path, CONTINUUM, "-m", "enummixed", "-c").stdout.splitlines()
    assert lines[:3] == ["NE,0,1,0,1", "NE,1,0,1/2,1/2", "NE,1,0,1,0"]
    # Gambit's convex-N lines: every extreme equilibrium of each maximal Nash subset.
    assert sorted(lines[3:]) == ["convex-1,0,1,0,1", "convex-2,1,0,1,0", "convex-2,1,0,1/2,1/2"]
