"""Candogan decomposition and exact potentials from Python."""
import numpy as np
import pytest

import dilemma


def test_docstring_examples_run(run_doctests):
    run_doctests(dilemma.decompose, dilemma.potential_function)


def test_parts_add_up_and_are_what_they_say():
    game = dilemma.random_game((3, 2, 2), random_state=4, low=-5, high=5, integer=True)
    d = dilemma.decompose(game)
    assert isinstance(d, dilemma.Decomposition)
    total = d.nonstrategic.payoff_profile_array + d.potential.payoff_profile_array + d.harmonic.payoff_profile_array
    np.testing.assert_allclose(total, game.payoff_profile_array, atol=1e-9)
    assert d.potential_function.shape == (3, 2, 2)
    assert dilemma.is_potential_game(d.potential)
    assert not dilemma.is_potential_game(d.harmonic)
    assert not dilemma.is_potential_game(game)
    assert 0 < d.potentialness < 1
    assert dilemma.decompose(d.harmonic).potential_norm < 1e-9


def test_invariant_presets_are_purely_nonstrategic():
    for preset in ("invariant_purge", "invariant_purge_externality"):
        game = dilemma.confession_game(6, preset)
        d = dilemma.decompose(game)
        assert isinstance(d, dilemma.SymmetricDecomposition)
        assert d.potential_norm < 1e-12 and d.harmonic_norm < 1e-12
        assert d.potentialness == 1.0
        assert d.potential_function.shape == (len(dilemma.count_vectors(3, 6)),)


def test_symmetric_and_dense_forms_agree():
    game = dilemma.confession_game(4, "classic_pd")
    compact, dense = dilemma.decompose(game), dilemma.decompose(game.to_normal_form())
    assert compact.harmonic_norm == pytest.approx(dense.harmonic_norm)
    assert compact.potential_norm == pytest.approx(dense.potential_norm)
    np.testing.assert_allclose(compact.harmonic.to_normal_form().payoff_profile_array, dense.harmonic.payoff_profile_array, atol=1e-9)
    # classic_pd's sucker premium breaks the exact potential, in both forms.
    assert dilemma.potential_function(game) is None
    assert dilemma.potential_function(game.to_normal_form()) is None


def test_two_action_symmetric_games_have_the_model_potential():
    # docs/model.md (Formulas): Phi(k) = sum_{j<k} [u(1, j) - u(2, j)], k players on action 1.
    n = 50
    game = dilemma.SymmetricGame.from_function(n, 2, lambda a, m: np.where(a == 0, 2.0 * m[:, 0] - 7, 0.5 * m[:, 1]))
    psi = dilemma.potential_function(game)
    classes = dilemma.count_vectors(2, n)
    d = [game.payoff(0, [j, n - 1 - j]) - game.payoff(1, [j, n - 1 - j]) for j in range(n)]
    for rank, (k, _) in enumerate(classes):
        assert psi[rank] - psi[0] == pytest.approx(sum(d[:k]))


def test_bad_options_raise_value_error():
    game = dilemma.matching_pennies()
    with pytest.raises(ValueError, match="decompose: tol must be in"):
        dilemma.decompose(game, tol=2.0)
    with pytest.raises(ValueError, match="max_iter must be >= 0, got -1"):
        dilemma.decompose(game, max_iter=-1)
    with pytest.raises(ValueError, match="too large for the count-form decomposition"):
        dilemma.decompose(dilemma.confession_game(2000, "leniency_for_naming"))
    with pytest.raises(ValueError, match="potential_function: tol"):
        dilemma.potential_function(game, tol=float("nan"))
