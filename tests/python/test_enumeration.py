"""enumerate_equilibria: all isolated equilibria of n-player games."""
import numpy as np
import pytest

import dilemma


def test_docstring_examples_run(run_doctests):
    run_doctests(dilemma.enumerate_equilibria)


def payoff_range(game):
    values = np.concatenate([np.ravel(game.payoffs(i)) for i in range(game.num_players)])
    return max(values.max() - values.min(), 1.0)


@pytest.mark.parametrize("shape, seed", [((3, 3, 3), 1), ((2, 2, 2, 2), 2), ((4, 3, 2), 3), ((2, 2, 2, 2, 2), 4)])
def test_every_equilibrium_is_verified_and_pure_ones_are_found(shape, seed):
    game = dilemma.random_game(shape, random_state=seed)
    result = dilemma.enumerate_equilibria(game)
    assert result.exhaustive
    assert len(result) == len(result.equilibria) == len(result.supports)
    assert len(result) % 2 == 1  # generic games have an odd number of equilibria (Wilson 1971)
    tol = 1e-9 * payoff_range(game)
    for profile, support in zip(result.equilibria, result.supports):
        assert isinstance(profile, tuple) and len(profile) == len(shape)
        assert dilemma.regret(game, profile) <= tol
        for x, actions in zip(profile, support):
            assert x.sum() == pytest.approx(1.0)
            assert set(np.flatnonzero(x > 1e-12)) <= set(actions)
    found = {tuple(int(np.argmax(x)) for x in p) for p in result.equilibria if all(x.max() > 1 - 1e-12 for x in p)}
    assert found == set(dilemma.pure_nash(game))


def test_two_player_games_agree_with_vertex_enumeration():
    for seed in range(5):
        game = dilemma.random_game((4, 3), random_state=seed)
        ours = dilemma.enumerate_equilibria(game).equilibria
        theirs = dilemma.vertex_enumeration(game)
        assert len(ours) == len(theirs)
        for x, y in theirs:
            assert any(np.allclose(x, p[0], atol=1e-9) and np.allclose(y, p[1], atol=1e-9) for p in ours)


def test_a_continuum_is_a_singular_support_with_an_example():
    # Players 1 and 2 play matching pennies whatever player 3, who is indifferent, does.
    def payoffs(profile):
        win = 1.0 if profile[0] == profile[1] else -1.0
        return (win, -win, 0.0)

    game = dilemma.NormalFormGame.from_function((2, 2, 2), payoffs)
    result = dilemma.enumerate_equilibria(game)
    full = [s for s in result.singular_supports if s.support == ((0, 1), (0, 1), (0, 1))]
    assert len(full) == 1 and not full[0].whole_face and full[0].unresolved_boxes > 0
    example = full[0].example
    assert example is not None and dilemma.regret(game, example) <= 1e-9
    np.testing.assert_allclose(example[0], [0.5, 0.5], atol=1e-9)
    assert not result.exhaustive
    assert "SingularSupport(support=((0, 1), (0, 1), (0, 1))" in repr(full[0])


def test_the_invariant_confession_game_is_all_whole_faces():
    # docs/model.md (theorem): every profile is an equilibrium; no support has isolated mixed roots.
    result = dilemma.enumerate_equilibria(dilemma.confession_game(3, "invariant_purge"))
    assert result.exhaustive
    assert len(result.equilibria) == 27  # the pure profiles
    assert len(result.singular_supports) == 7**3 - 27
    assert all(s.whole_face and s.example is not None for s in result.singular_supports)


def test_bad_options_raise_value_errors_naming_them():
    game = dilemma.random_game((2, 2, 2), random_state=0)
    with pytest.raises(ValueError, match="enumerate_equilibria: tol"):
        dilemma.enumerate_equilibria(game, tol=float("nan"))
    with pytest.raises(ValueError, match="max_boxes"):
        dilemma.enumerate_equilibria(game, max_boxes=-1)
    with pytest.raises(ValueError, match="support profiles"):
        dilemma.enumerate_equilibria(dilemma.random_game((30, 30, 30), random_state=0))


def test_generator_yields_the_same_equilibria_in_order():
    game = dilemma.random_game((3, 3, 2), random_state=7)
    expected = dilemma.enumerate_equilibria(game).equilibria
    got = list(dilemma.enumerate_equilibria_gen(game))
    assert len(got) == len(expected)
    for x, y in zip(got, expected):
        assert all(np.array_equal(a, b) for a, b in zip(x, y))


def test_generator_closed_early_stops_and_errors_reach_the_consumer():
    game = dilemma.random_game((4, 4, 3), random_state=3)
    generator = dilemma.enumerate_equilibria_gen(game)
    first = next(generator)
    generator.close()
    assert dilemma.regret(game, first) <= 1e-9 * payoff_range(game)
    with pytest.raises(ValueError, match="tol"):
        next(dilemma.enumerate_equilibria_gen(game, tol=-1.0))


def test_visit_sees_each_equilibrium_and_its_exception_stops_the_search():
    game = dilemma.random_game((3, 3, 3), random_state=1)
    seen = []
    result = dilemma.enumerate_equilibria(game, visit=seen.append)
    assert len(seen) == len(result.equilibria)
    assert all(all(np.array_equal(a, b) for a, b in zip(x, y)) for x, y in zip(seen, result.equilibria))

    class Enough(Exception):
        pass

    def stop(profile):
        raise Enough

    with pytest.raises(Enough):
        dilemma.enumerate_equilibria(game, visit=stop)
    with pytest.raises(TypeError, match="visit must be callable"):
        dilemma.enumerate_equilibria(game, visit=3)


def test_a_box_cap_cuts_the_search_short_and_the_report_says_so():
    game = dilemma.random_game((3, 3, 3), random_state=1)
    capped = dilemma.enumerate_equilibria(game, max_boxes=1)
    assert not capped.converged and not capped.exhaustive
    assert "max_boxes = 1" in capped.message and capped.report.method == "enumerate_equilibria"
    full = dilemma.enumerate_equilibria(game)
    assert full.converged and full.exhaustive and full.num_iter == full.boxes
    assert full.params["tol"] == full.params["min_width"] == 1e-9
