import numpy as np
import pytest

import dilemma


def logistic(v):
    return 1.0 / (1.0 + np.exp(-v))


def stag_hunt():
    # (A, A) = 4 payoff dominant, (B, B) = 3 risk dominant (Harsanyi & Selten 1988).
    A = np.array([[4, 0], [3, 3]])
    return dilemma.NormalFormGame.from_arrays(A, A.T)


def test_matching_pennies_is_uniform_for_every_lambda():
    # McKelvey & Palfrey (1995): the logit QRE of matching pennies is (1/2, 1/2).
    game = dilemma.matching_pennies()
    for lam in (0.0, 0.7, 5.0, 60.0):
        for x in dilemma.logit_qre_at(game, lam).qre:
            np.testing.assert_allclose(x, [0.5, 0.5], atol=1e-12)
    result = dilemma.logit_qre(game)
    assert result.converged
    assert isinstance(result.equilibrium, tuple) and len(result.equilibrium) == 2


def test_closed_form_2x2():
    # Row's payoff does not depend on column: P(T) = logistic(lam); column then
    # gets 1 on (T, L) and 2 on (B, R): P(L) = logistic(lam (3 P(T) - 2)).
    game = dilemma.NormalFormGame.from_arrays([[1, 1], [0, 0]], [[1, 0], [0, 2]])
    for lam in (0.5, 2.0, 6.0):
        x, y = dilemma.logit_qre_at(game, lam).qre
        p = logistic(lam)
        assert x[0] == pytest.approx(p, rel=1e-10)
        assert y[0] == pytest.approx(logistic(lam * (3 * p - 2)), rel=1e-10)


def test_limit_selects_risk_dominant_equilibrium():
    # McKelvey & Palfrey (1995), Turocy (2005): the logit limit of a 2x2 game
    # with two strict equilibria is the risk-dominant one.
    result = dilemma.logit_qre(stag_hunt())
    assert [x.tolist() for x in result.equilibrium] == [[0.0, 1.0], [0.0, 1.0]]
    assert result.converged and result.regret == 0
    assert dilemma.is_nash(stag_hunt(), result.equilibrium)


@pytest.mark.parametrize("n", [2, 3, 40])
def test_invariant_confession_preset_is_uniform(n):
    game = dilemma.confession_game(n, "invariant_purge")
    for lam in (0.0, 2.0, 30.0):
        np.testing.assert_allclose(dilemma.logit_qre_at(game, lam).qre, np.full(3, 1 / 3), atol=1e-12)
    result = dilemma.logit_qre(game)
    assert result.converged
    np.testing.assert_allclose(result.equilibrium, np.full(3, 1 / 3), atol=1e-12)
    if n <= 3:
        dense = game.to_normal_form()
        for x in dilemma.logit_qre_at(dense, 4.0).qre:
            np.testing.assert_allclose(x, np.full(3, 1 / 3), atol=1e-12)


def test_dense_and_symmetric_agree():
    rng = np.random.default_rng(3)
    n, s = 3, 3
    table = rng.integers(0, 10, size=(s, len(dilemma.count_vectors(s, n - 1)))).astype(float)
    game = dilemma.SymmetricGame(n, s, table)
    dense = game.to_normal_form()
    for lam in (0.4, 1.2):
        x = dilemma.logit_qre_at(game, lam).qre
        for y in dilemma.logit_qre_at(dense, lam).qre:
            np.testing.assert_allclose(y, x, atol=1e-8)
    sym = dilemma.logit_qre(game)
    full = dilemma.logit_qre(dense)
    assert sym.converged and full.converged
    assert dilemma.regret(game, sym.equilibrium) <= 1e-7
    assert dilemma.regret(dense, full.equilibrium) <= 1e-7
    assert sym.branch.profiles.shape == (len(sym.branch.lambdas), s)


def test_random_games_limit_is_verified():
    for seed in range(4):
        game = dilemma.random_game([3, 2, 3], random_state=seed, low=0, high=99, integer=True)
        result = dilemma.logit_qre(game)
        assert result.converged
        assert dilemma.regret(game, result.equilibrium) <= 1e-8 * 99
        lambdas = result.branch.lambdas
        assert lambdas[0] == 0 and np.all(np.isfinite(lambdas))
        assert [p.shape for p in result.branch.profiles] == [(len(lambdas), m) for m in (3, 2, 3)]
        assert result.params["max_lambda"] == 1e6


def test_bad_input():
    game = dilemma.matching_pennies()
    with pytest.raises(ValueError, match="logit_qre_at: lam must be finite and >= 0, got -1"):
        dilemma.logit_qre_at(game, -1.0)
    with pytest.raises(ValueError, match="logit_qre: max_lambda must be finite and > 0, got inf"):
        dilemma.logit_qre(game, max_lambda=float("inf"))
    with pytest.raises(ValueError, match="tol"):
        dilemma.logit_qre(game, tol=float("nan"))
    capped = dilemma.logit_qre(stag_hunt(), max_iter=3)  # the step cap: unconverged, and the message says why
    assert not capped.converged and not capped.exhaustive and capped.num_iter == 3
    assert capped.message.startswith("max_iter = 3") and capped.method == "logit_qre"


def test_plot_branch_to_png(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    result = dilemma.logit_qre(dilemma.random_game([3, 3, 3], random_state=11, low=0, high=99, integer=True))
    ax = dilemma.plotting.qre_branch(result)
    path = tmp_path / "qre_branch.png"
    ax.figure.savefig(path, dpi=80)
    assert path.stat().st_size > 5000
    assert len(ax.lines) == 9
    sym = dilemma.logit_qre(dilemma.confession_game(5, "ordered_leniency"))
    ax = dilemma.plotting.qre_branch(sym)
    assert len(ax.lines) == 3


def test_cli_logit_prints_branch_then_limit(tmp_path):
    import os
    import shutil
    import subprocess

    cli = os.environ.get("DILEMMA_CLI") or shutil.which("dilemma")
    if cli is None:
        pytest.skip("the dilemma CLI was not found: set DILEMMA_CLI")
    path = tmp_path / "stag.nfg"  # the stag hunt above; player 1's action varies fastest
    path.write_text('NFG 1 R "Stag hunt" { "1" "2" } { 2 2 }\n\n4 4 3 0 0 3 3 3\n')
    lines = subprocess.run([cli, "solve", "-m", "logit", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    # As gambit-logit: lambda with 6 decimals, probabilities with 6 significant digits.
    assert lines[0] == "0.000000,0.5,0.5,0.5,0.5"
    assert lines[-1] == "NE,0,1,0,1"
    lambdas = [float(line.split(",")[0]) for line in lines[:-1]]
    assert lambdas == sorted(lambdas) and len(lambdas) > 10


@pytest.mark.parametrize("preset", ["classic_pd", "leniency_for_naming", "yezhov_method"])
def test_dominant_naming_presets_limit_is_all_name(preset):
    # docs/model.md (Presets): N strictly dominant, unique equilibrium everyone names.
    # At n = 200 the trace stops with a loose regret (the payoff range grows
    # with n); the refinement must still land on the pure equilibrium.
    result = dilemma.logit_qre(dilemma.confession_game(200, preset))
    assert result.converged
    assert result.equilibrium.tolist() == [0.0, 0.0, 1.0] and result.regret == 0


def test_progress_never_goes_back_where_the_branch_folds():
    import time

    game = dilemma.random_game([3, 3], random_state=188)
    lambdas = np.asarray(dilemma.logit_qre(game).branch.lambdas)
    fold = int(np.nonzero(np.diff(lambdas) < 0)[0][0])  # lambda turns back after this step
    seen = []

    def slow(fraction):  # a report that takes the reporting interval (50 ms): every step reports
        seen.append(fraction)
        time.sleep(0.051)

    dilemma.logit_qre(game, max_iter=fold + 8, progress=slow)
    assert len(seen) > fold + 2 and seen == sorted(seen) and 0 <= seen[0] and seen[-1] <= 1
