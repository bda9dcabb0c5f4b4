"""Tests of dilemma.simplicial_subdivision and the CLI method simpdiv."""

import itertools
import os
import shutil
import subprocess
from fractions import Fraction

import numpy as np
import pytest

import dilemma


def payoff_range(game):
    values = np.concatenate([np.asarray(game.payoffs(i)).ravel() for i in range(game.num_players)])
    spread = float(values.max() - values.min())
    return spread if spread > 0 else 1.0


def check_verified(game, result, tol=1e-10):
    assert result.converged
    assert len(result.equilibrium) == game.num_players
    for x, m in zip(result.equilibrium, game.nums_actions):
        assert x.shape == (m,) and x.dtype == np.float64
        assert np.all(x >= 0) and abs(x.sum() - 1) < 1e-9
    regret = dilemma.regret(game, result.equilibrium)
    assert regret <= tol * payoff_range(game)
    assert result.regret == pytest.approx(regret, abs=1e-12)


def from_gambit_order(nums, cells):
    """A game from payoff vectors in .nfg order (player 1's action fastest)."""
    profiles = [tuple(reversed(p)) for p in itertools.product(*[range(m) for m in reversed(nums)])]
    table = dict(zip(profiles, cells))
    return dilemma.NormalFormGame.from_function(tuple(nums), lambda profile: table[tuple(profile)])


def test_matching_pennies_uniform():
    game = dilemma.matching_pennies()
    result = dilemma.simplicial_subdivision(game)
    check_verified(game, result)
    for x in result.equilibrium:
        np.testing.assert_allclose(x, [0.5, 0.5], atol=1e-9)
    assert result.num_iter > 0 and result.num_refinements >= 1
    assert result.params["tol"] == 1e-10 and result.params["grid"] == 2
    assert "SimplicialSubdivisionResult(converged=True" in repr(result)


def test_nau_gomez_canovas_hansen_irrational_equilibrium():
    # Nau, Gomez Canovas & Hansen (2004), IJGT 32, section 4: a 2x2x2 game with
    # a unique Nash equilibrium, in irrational strategies.
    game = from_gambit_order((2, 2, 2), [(3, 0, 2), (0, 1, 0), (0, 2, 0), (1, 0, 0),
                                         (1, 0, 0), (0, 3, 0), (0, 1, 0), (2, 0, 3)])
    result = dilemma.simplicial_subdivision(game)
    check_verified(game, result)
    np.testing.assert_allclose([x[0] for x in result.equilibrium], [0.619233, 0.479804, 0.378825], atol=1e-6)


def test_only_mixed_equilibrium():
    game = dilemma.NormalFormGame.from_arrays([[3, 0], [1, 2]], [[0, 2], [3, 1]])
    result = dilemma.simplicial_subdivision(game)
    check_verified(game, result)
    np.testing.assert_allclose(result.equilibrium[0], [0.5, 0.5], atol=1e-9)
    np.testing.assert_allclose(result.equilibrium[1], [0.5, 0.5], atol=1e-9)


@pytest.mark.parametrize("n,m", [(3, 2), (3, 3), (3, 4), (4, 2), (4, 3), (5, 2), (5, 3), (6, 2), (6, 3)])
def test_random_games_verified(n, m):
    for seed in range(3):
        game = dilemma.random_game((m,) * n, random_state=1000 * n + 10 * m + seed, low=0, high=99, integer=True)
        check_verified(game, dilemma.simplicial_subdivision(game))


def test_degenerate_games(invariant_game):
    result = dilemma.simplicial_subdivision(invariant_game)
    check_verified(invariant_game, result)
    assert result.num_iter == 0
    # Duplicated strategies: row 2 copies row 1 of a 3-player game.
    base = dilemma.random_game((2, 2, 2), random_state=3, low=0, high=9, integer=True)
    dup = dilemma.NormalFormGame.from_function(
        (3, 2, 2), lambda p: base.payoff_profile_array[min(p[0], 1), p[1], p[2]])
    check_verified(dup, dilemma.simplicial_subdivision(dup))
    for preset in ["invariant_purge", "invariant_purge_externality", "classic_pd", "ordered_leniency"]:
        for n in (2, 3, 4):
            game = dilemma.confession_game(n, preset).to_normal_form()
            check_verified(game, dilemma.simplicial_subdivision(game))


def test_options_and_start():
    game = dilemma.random_game((3, 3, 3), random_state=5, low=0, high=99, integer=True)
    start = ([1 / 3, 1 / 3, 1 / 3], [0, 0.5, 0.5], [0.25, 0.25, 0.5])
    check_verified(game, dilemma.simplicial_subdivision(game, start=start, grid=4))
    check_verified(game, dilemma.simplicial_subdivision(game, start=(2, 1, 0)))  # a pure start
    check_verified(game, dilemma.simplicial_subdivision(game, tol=1e-13), tol=1e-13)


def test_bad_input():
    game = dilemma.matching_pennies()
    with pytest.raises(ValueError, match="simplicial_subdivision: tol must be"):
        dilemma.simplicial_subdivision(game, tol=float("nan"))
    with pytest.raises(ValueError, match="simplicial_subdivision: grid must be >= 2, got 1"):
        dilemma.simplicial_subdivision(game, grid=1)
    with pytest.raises(ValueError, match="simplicial_subdivision"):
        dilemma.simplicial_subdivision(game, grid=-2)
    with pytest.raises(ValueError, match="simplicial_subdivision: profile has 1 entries"):
        dilemma.simplicial_subdivision(game, start=([0.5, 0.5],))
    with pytest.raises(ValueError, match="sum to 1.1"):
        dilemma.simplicial_subdivision(game, start=([0.5, 0.6], [1, 0]))
    capped = dilemma.simplicial_subdivision(dilemma.random_game((4, 4, 4), random_state=0), max_iter=2)
    assert not capped.converged and not capped.exhaustive and capped.num_iter == 2  # the pivot cap
    assert capped.message.startswith("max_iter = 2") and capped.method == "simplicial_subdivision"


def test_cli_simpdiv_prints_one_line(tmp_path):
    cli = os.environ.get("DILEMMA_CLI") or shutil.which("dilemma")
    if cli is None:
        pytest.skip("the dilemma CLI was not found: set DILEMMA_CLI")
    path = tmp_path / "nau.nfg"
    path.write_text('NFG 1 R "Nau 2004 section 4" { "1" "2" "3" } { 2 2 2 }\n\n'
                    "3 0 2 0 1 0 0 2 0 1 0 0 1 0 0 0 3 0 0 1 0 2 0 3\n")
    # In fractions by default, as gambit-simpdiv prints its grid points (each
    # player's sum exactly 1), in decimals with -d N > 0.
    (line,) = subprocess.run([cli, "solve", "-m", "simpdiv", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    label, *numbers = line.split(",")
    fractions = [Fraction(number) for number in numbers]
    assert label == "NE" and all("/" in number for number in numbers)
    assert [sum(fractions[k:k + 2]) for k in (0, 2, 4)] == [1, 1, 1]
    decimals = [0.619233, 0.380767, 0.479804, 0.520196, 0.378825, 0.621175]
    assert max(abs(float(p) - q) for p, q in zip(fractions, decimals)) < 1e-6
    lines = subprocess.run([cli, "solve", "-m", "simpdiv", "-d", "6", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert lines == ["NE,0.619233,0.380767,0.479804,0.520196,0.378825,0.621175"]
    lines = subprocess.run([cli, "solve", "-m", "simpdiv", "-d", "3", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert lines == ["NE,0.619,0.381,0.480,0.520,0.379,0.621"]
    help_text = subprocess.run([cli, "solve", "--help"], capture_output=True, text=True, check=True).stdout
    assert "simpdiv" in help_text


def test_docstring_example_and_stub():
    import doctest
    from pathlib import Path

    test = doctest.DocTestParser().get_doctest(dilemma.simplicial_subdivision.__doc__, {"dilemma": dilemma},
                                                "simplicial_subdivision", None, 0)
    assert len(test.examples) >= 2
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize().failed == 0
    stub = (Path(dilemma.__file__).parent / "_core.pyi")
    if stub.exists():
        text = stub.read_text()
        assert "class SimplicialSubdivisionResult" in text and "def _simplicial_subdivision(" in text
    assert dilemma.SimplicialSubdivisionResult is dilemma._core.SimplicialSubdivisionResult
