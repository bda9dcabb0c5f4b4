"""dilemma.plotting: the sweep heatmap, the replicator flow, Schelling diagrams and QRE branches, rendered to PNG."""
import pickle
import sys
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.image  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dilemma  # noqa: E402
from dilemma import plotting  # noqa: E402

CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, np.sqrt(3.0) / 2.0]])  # deny, confess, name


def render(ax, path):
    """Saves the figure of ``ax`` and checks that it is a PNG with a picture in it."""
    ax.figure.savefig(path, dpi=80, bbox_inches="tight")
    plt.close(ax.figure)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    pixels = matplotlib.image.imread(path)
    assert len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)) > 50  # not a blank canvas


def outcome(game):
    classes = dilemma.pure_nash(game)
    if len(classes) > 1:
        return f"{len(classes)} classes"
    return "all " + game.action_labels[classes[0].counts.index(game.num_players)]


def leniency_torture_table():
    def build(leniency, torture):
        return dilemma.confession_game(5, "yezhov_method", leniency=leniency, torture=(torture, torture, 0),
                                       sentence=(0, 1, 4))

    return dilemma.sweep(build, {"leniency": [0, 1, 2, 3, 4, 5], "torture": [0, 1, 2, 3, 4]}, outcome)


@pytest.mark.parametrize("with_pandas", [True, False])
def test_sweep_heatmap_colours_each_outcome_as_a_category(tmp_path, monkeypatch, with_pandas):
    if not with_pandas:
        monkeypatch.setitem(sys.modules, "pandas", None)
    table = leniency_torture_table()
    ax = plotting.sweep_heatmap(table, "leniency", "torture", "value")
    cells = np.asarray(ax.images[0].get_array())
    # rows are torture 0..4 (bottom to top), columns leniency 0..5; codes in order of first appearance
    categories = ["all deny", "6 classes", "all name"]
    expected = [[categories.index("all deny" if l + t < 4 else "all name" if l + t > 4 else "6 classes")
                 for l in range(6)] for t in range(5)]
    assert cells.tolist() == expected
    assert [t.get_text() for t in ax.get_legend().get_texts()] == categories
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2", "3", "4", "5"]
    assert ax.get_xlabel() == "leniency" and ax.get_ylabel() == "torture"
    render(ax, tmp_path / "heatmap.png")


def test_sweep_heatmap_numeric_values_get_a_colorbar(tmp_path):
    table = dilemma.sweep(
        lambda leniency, named_cost: dilemma.confession_game(5, "leniency_for_naming", leniency=leniency,
                                                             named_cost=named_cost),
        {"leniency": [0.5, 1.0, 2.0, 4.0], "named_cost": [0.0, 0.5, 1.0]},
        lambda game: {"poa": dilemma.efficiency(game).price_of_anarchy})
    ax = plotting.sweep_heatmap(table, "leniency", "named_cost", "poa", title="price of anarchy")
    cells = np.asarray(ax.images[0].get_array())
    # everyone names: PoA = (S + eta(n-1) - l) / S when that exceeds the all-deny cost S (docs/model.md)
    expected = [[max(10 + 4 * eta - l, 10) / 10 for l in (0.5, 1.0, 2.0, 4.0)] for eta in (0.0, 0.5, 1.0)]
    assert np.allclose(cells, expected)
    assert len(ax.figure.axes) == 2 and ax.figure.axes[1].get_ylabel() == "poa"  # the colour bar
    assert ax.get_title() == "price of anarchy"
    render(ax, tmp_path / "heatmap_numeric.png")


def test_sweep_heatmap_leaves_missing_cells_blank_and_rejects_ambiguous_tables():
    table = dilemma.sweep(lambda x, y: dilemma.prisoners_dilemma(), [{"x": 1, "y": 1}, {"x": 2, "y": 3}],
                          lambda game: 1.0)
    cells = plotting.sweep_heatmap(table, "x", "y", "value").images[0].get_array()
    assert cells.mask.tolist() == [[False, True], [True, False]] and cells[0, 0] == 1.0
    plt.close("all")
    with pytest.raises(ValueError, match=r"sweep_heatmap: the table has no column 'z'; its columns are "
                                         r"\['x', 'y', 'value'\]"):
        plotting.sweep_heatmap(table, "x", "z", "value")
    three = dilemma.sweep(lambda x, y, z: dilemma.prisoners_dilemma(), {"x": [1], "y": [1], "z": [1, 2]},
                          lambda game: 1.0)
    with pytest.raises(ValueError, match=r"sweep_heatmap: several rows have x = 1 and y = 1; select one value"):
        plotting.sweep_heatmap(three, "x", "y", "value")


def test_replicator_ternary_marks_the_rest_points_where_they_are(tmp_path):
    game = dilemma.confession_game(5, "ordered_leniency")
    ax = plotting.replicator_ternary(game, trajectories=4)
    rest = dilemma.replicator_rest_points(game)
    drawn = {}
    for collection in ax.collections:
        if collection.get_label() in ("asymptotically stable", "unstable", "neutral"):
            drawn[collection.get_label()] = np.asarray(collection.get_offsets())
    for stability in ("unstable", "neutral"):
        expected = np.array([p.state for p in rest.points if p.stability == stability]) @ CORNERS
        assert np.allclose(drawn[stability], expected)
    # (0.354, 0, 0.646) and (0, 0.354, 0.646), on the edges of name with deny and confess, end a
    # segment of rest points (name = 0.646): attracting, but each point only neutral along it
    assert "asymptotically stable" not in drawn and [0, 1, 2] in rest.singular_supports
    assert any(np.allclose(point, 0.354 * CORNERS[0] + 0.646 * CORNERS[2], atol=1e-3) for point in drawn["neutral"])
    # the segment itself is drawn, from edge to edge, as orange dots
    (segment,) = [c for c in ax.collections if len(c.get_offsets()) and
                  matplotlib.colors.to_hex(c.get_facecolor()[0]) == matplotlib.colors.to_hex("tab:orange")]
    shares = np.linalg.solve(np.vstack([CORNERS.T, np.ones(3)]), np.vstack([np.asarray(segment.get_offsets()).T,
                                                                               np.ones(len(segment.get_offsets()))]))
    assert np.allclose(shares[2], 0.6459, atol=1e-3)
    assert shares[0].min() < 1e-3 and shares[1].min() < 1e-3 and len(shares[0]) > 20
    assert [t.get_text() for t in ax.texts[:3]] == ["all deny", "all confess", "all name"]
    assert len([line for line in ax.lines if line.get_color() == "0.15"]) == 2 * 4  # 4 paths and their starts
    render(ax, tmp_path / "ternary.png")


def test_replicator_ternary_arrows_follow_the_dominant_action(tmp_path):
    # naming strictly dominates: every arrow inside the simplex points up, towards "all name";
    # with no namers deny and confess earn the same, so that edge is a continuum of rest points
    ax = plotting.replicator_ternary(dilemma.confession_game(5, "leniency_for_naming"), resolution=10)
    [arrows] = [c for c in ax.collections if type(c).__name__ == "Quiver"]
    assert len(arrows.V) > 30 and np.all(arrows.V > 0) and np.allclose(np.hypot(arrows.U, arrows.V), 1.0)
    [edge] = [line for line in ax.lines if line.get_label() == "continuum"]
    assert np.allclose(np.column_stack(edge.get_data()), CORNERS[:2])
    render(ax, tmp_path / "ternary_dominant.png")


def test_replicator_ternary_says_so_when_the_field_is_zero(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division by zero on the zero field
        ax = plotting.replicator_ternary(dilemma.confession_game(5, "invariant_purge"))
        assert not [c for c in ax.collections if type(c).__name__ == "Quiver"]
        assert any("identically zero" in t.get_text() for t in ax.texts)
        render(ax, tmp_path / "ternary_invariant.png")


def test_replicator_ternary_rejects_other_games():
    with pytest.raises(ValueError, match="replicator_ternary: needs a game with 3 actions, got 2"):
        plotting.replicator_ternary(dilemma.SymmetricGame.from_function(4, 2, lambda a, m: a + 0.0 * m[:, 0]))
    with pytest.raises(ValueError, match="replicator_ternary: needs a SymmetricGame, got NormalFormGame"):
        plotting.replicator_ternary(dilemma.prisoners_dilemma())
    game = dilemma.confession_game(3, "leniency_for_naming")
    with pytest.raises(ValueError, match="replicator_ternary: trajectories must be a count or an array of states"):
        plotting.replicator_ternary(game, trajectories=[[0.5, 0.5, 0.5]])
    with pytest.raises(ValueError, match="replicator_ternary: resolution must be an integer >= 2, got 1"):
        plotting.replicator_ternary(game, resolution=1)
    with pytest.raises(ValueError, match="replicator_ternary: t_end must be positive and finite, got -1"):
        plotting.replicator_ternary(game, t_end=-1)


def test_plot_examples_run(run_doctests):
    run_doctests(plotting.sweep_heatmap, plotting.replicator_ternary, plotting.schelling_diagram, plotting.qre_branch)
    plt.close("all")


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def marks(ax, label_start):
    """The offsets of the scatter whose label starts with label_start."""
    (points,) = [c for c in ax.collections if c.get_label().startswith(label_start)]
    return np.asarray(points.get_offsets())


@pytest.mark.parametrize("preset", ["leniency_for_naming", "yezhov_method", "hoped_leniency"])
def test_schelling_diagram_marks_the_equilibrium_and_schellings_k(tmp_path, preset):
    n = 12
    game = dilemma.confession_game(n, preset)
    ax = plotting.schelling_diagram(game)
    k_star = dilemma.schelling_minimum_coalition(dilemma.confession_parameters(preset))
    assert ax.get_title() == game.title and preset in ax.get_title() and f"n = {n}" in ax.get_title()
    assert ax.get_ylabel() == "my payoff"  # nothing about sentences on a game that may be the user's own
    assert ax.get_xlabel() == "number of other players who name (the rest deny)"
    everyone = game.payoff(2, (0, 0, n - 1))
    assert np.allclose(marks(ax, "pure equilibrium: all name"), [[n - 1, everyone]])  # the one equilibrium
    ring = marks(ax, f"k* = {k_star}: a group of {k_star} who deny")
    assert np.allclose(ring, [[n - k_star, game.payoff(0, (k_star - 1, 0, n - k_star))]])
    assert ring[0, 1] > everyone >= game.payoff(0, (k_star - 2, 0, n - k_star + 1))  # k* - 1 deniers do not
    assert "deny and confess coincide" in legend_texts(ax)  # the deny curve is hidden under confess
    render(ax, tmp_path / "schelling.png")


def test_schelling_diagram_of_an_invariant_game_says_every_point_is_an_equilibrium(tmp_path):
    ax = plotting.schelling_diagram(dilemma.confession_game(12, "invariant_purge_externality"), ylabel="minus sentence")
    texts = legend_texts(ax)
    assert "all curves coincide: one's own\nchoice does not change one's payoff" in texts
    assert "every point is a pure equilibrium" in texts
    assert not [c for c in ax.collections if c.get_label().startswith(("pure equilibri", "k*"))]  # nothing to escape
    assert ax.get_ylabel() == "minus sentence"
    render(ax, tmp_path / "schelling_invariant.png")


def test_schelling_diagram_marks_mixed_equilibria_of_the_two_actions(tmp_path):
    game = dilemma.confession_game(12, "ordered_leniency")
    ax = plotting.schelling_diagram(game)
    # (9 deny, 3 name): a namer sees 2 other namers, a denier 3
    assert np.allclose(marks(ax, "pure equilibrium: 3 name, 9 deny"),
                       [[2, game.payoff(2, (9, 0, 2))], [3, game.payoff(0, (8, 0, 3))]])
    assert (9, 0, 3) in [c.counts for c in dilemma.pure_nash(game)]
    assert not [c for c in ax.collections if c.get_label().startswith("k*")]  # all naming is no equilibrium
    own = dilemma.SymmetricGame.from_function(4, 2, lambda a, m: a - 0.5 * m[:, 1])
    ax = plotting.schelling_diagram(own)
    assert ax.get_title() == "Schelling diagram (n = 4)" and ax.get_ylabel() == "my payoff"
    assert ax.get_xlabel() == "number of other players who 2 (the rest 1)"
    render(ax, tmp_path / "schelling_own.png")


def test_qre_branch_names_the_actions_and_says_which_curves_coincide(tmp_path):
    ax = plotting.qre_branch(dilemma.logit_qre(dilemma.battle_of_the_sexes()))
    texts = legend_texts(ax)
    assert texts[:4] == ["Player 1: opera", "Player 1: football", "Player 2: opera", "Player 2: football"]
    assert "Player 1: opera and Player 2: football coincide" in texts  # the game is symmetric
    assert ax.get_title().startswith("logit QRE branch: Battle of the sexes\n")
    symmetric = dilemma.logit_qre(dilemma.confession_game(5, "ordered_leniency"))
    ax = plotting.qre_branch(symmetric)
    assert legend_texts(ax) == ["deny", "confess", "name", "deny and confess coincide"]
    unlabelled = pickle.loads(pickle.dumps(symmetric))  # the game is not known: actions are numbered
    ax = plotting.qre_branch(unlabelled)
    assert legend_texts(ax)[:3] == ["action 1", "action 2", "action 3"]
    ax = plotting.qre_branch(unlabelled, game=dilemma.confession_game(5, "ordered_leniency"))
    assert legend_texts(ax)[:3] == ["deny", "confess", "name"]
    render(ax, tmp_path / "qre.png")
