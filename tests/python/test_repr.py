"""What a person sees: str() and Jupyter's _repr_html_ of games and results
(short headline tables named with the game's labels; what is left out stated)."""
import pickle
import re
from fractions import Fraction
from html import escape as html_escape

import numpy as np
import pytest

import dilemma
from dilemma import _repr


# -- games ----------------------------------------------------------------------------

def test_bimatrix_table_shows_labels_and_both_payoffs():
    html = dilemma.battle_of_the_sexes()._repr_html_()
    assert "<b>Battle of the sexes</b>" in html
    assert "<th>opera</th>" in html and "<th>football</th>" in html
    assert "<td>2, 1</td>" in html and "<td>1, 2</td>" in html
    assert "more rows" not in html


def test_print_game_shows_its_payoff_table():
    text = str(dilemma.battle_of_the_sexes())
    assert text.splitlines()[:2] == ["Battle of the sexes",
                                     "  2 players, actions 2 x 2 (payoffs: row player, column player)"]
    assert re.search(r"^  opera +2, 1 +0, 0$", text, flags=re.M)
    assert re.search(r"^  football +0, 0 +1, 2$", text, flags=re.M)
    assert repr(dilemma.battle_of_the_sexes()).startswith("<NormalFormGame")  # repr stays one line
    big = str(dilemma.random_game((3, 3, 3, 3), random_state=1))
    assert f"... {81 - _repr.TEXT_ROWS} more rows (all of them: game.payoffs(i))" in big


def test_n_player_table_lists_profiles_and_says_what_it_leaves_out():
    game = dilemma.random_game((3, 3, 3, 3), random_state=1)
    html = game._repr_html_()
    assert html.count("<tr>") == 1 + _repr.MAX_ROWS + 1  # header, rows, the notice
    assert f"{game.num_profiles - _repr.MAX_ROWS} more rows not shown" in html
    first = tuple(float(np.asarray(game.payoffs(i))[0, 0, 0, 0]) for i in range(4))
    assert all(f"<td>{value:.6g}</td>" in html for value in first)


def test_labels_are_escaped():
    game = dilemma.NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    game.title = "<script>x</script>"
    assert "<script>" not in game._repr_html_()


def test_symmetric_table_is_by_count_vector_of_the_others_and_lazy_at_large_n():
    game = dilemma.confession_game(4, "classic_pd")
    html = game._repr_html_()
    # the others' count vectors (10 for 3 others), not the count classes of all 4 players (15)
    assert "what the 3 others do (10 count vectors)" in html and "more rows" not in html
    for counts in game.count_vectors():
        row = "".join(f"<td>{int(c)}</td>" for c in counts)
        row += "".join(f"<td>{game.payoff(a, counts):.6g}</td>" for a in range(3))
        assert row in html
    assert "(10 count vectors)" in str(game) and "others: deny" in str(game)
    assert "(15 of 15 count classes)" not in str(dilemma.invariance_report(game))  # the report counts classes
    assert "of 15 count classes" in str(dilemma.invariance_report(game))
    big = dilemma.confession_game(100_000, "classic_pd")  # 5 billion count classes: never built
    html = big._repr_html_()
    assert f"{big.num_count_vectors - _repr.MAX_ROWS} more rows not shown" in html


def test_confession_games_are_titled_with_the_preset_and_n():
    assert dilemma.confession_game(12, "leniency_for_naming").title == "Confession dilemma: leniency_for_naming, n = 12"
    assert dilemma.confession_game(5, "hoped_leniency").title == \
        "Confession dilemma: hoped_leniency (believed game), n = 5"
    assert dilemma.confession_game(5, "hoped_leniency", real=True).title == \
        "Confession dilemma: hoped_leniency (real game), n = 5"
    assert dilemma.confession_game(5, "yezhov_method", leniency=1).title == \
        "Confession dilemma: yezhov_method, modified, n = 5"


# -- results --------------------------------------------------------------------------

def every_result():
    game, symmetric = dilemma.battle_of_the_sexes(), dilemma.confession_game(5, "ordered_leniency")
    three = dilemma.random_game([2, 2, 2], random_state=3)
    hope = dilemma.confession_game(5, "hoped_leniency")
    return {
        "pure_nash": dilemma.pure_nash(game), "vertex_enumeration": dilemma.vertex_enumeration(game, rational=True),
        "nash_components": dilemma.nash_components(game), "nash_component": dilemma.nash_components(game)[0],
        "symmetric_equilibria": dilemma.symmetric_equilibria(symmetric),
        "pure_nash (symmetric)": dilemma.pure_nash(symmetric),
        "enumerate_equilibria": dilemma.enumerate_equilibria(three), "logit_qre": dilemma.logit_qre(three),
        "logit_qre (symmetric)": dilemma.logit_qre(symmetric), "logit_qre_at": dilemma.logit_qre_at(game, 1.0),
        "simplicial_subdivision": dilemma.simplicial_subdivision(three),
        "invariance_report": dilemma.invariance_report(symmetric), "efficiency": dilemma.efficiency(symmetric),
        "solve_zero_sum": dilemma.solve_zero_sum(dilemma.matching_pennies()),
        "security_strategies": dilemma.security_strategies(game)[0], "lemke_howson": dilemma.lemke_howson(game),
        "correlated_equilibrium": dilemma.correlated_equilibrium(game),
        "correlated_equilibrium (symmetric)": dilemma.correlated_equilibrium(symmetric),
        "mixed_dominance": dilemma.mixed_dominance(dilemma.prisoners_dilemma(), 0, 0),
        "decompose": dilemma.decompose(game), "decompose (symmetric)": dilemma.decompose(symmetric),
        "replicator_rest_points": dilemma.replicator_rest_points(symmetric),
        "evolutionarily_stable_strategies": dilemma.evolutionarily_stable_strategies(symmetric),
        "iterated_elimination": dilemma.iterated_elimination(dilemma.prisoners_dilemma()),
        "believed_versus_real": dilemma.believed_versus_real(hope, dilemma.confession_game(5, "hoped_leniency",
                                                                                           real=True)),
        "believed outcome": dilemma.believed_versus_real(
            hope, dilemma.confession_game(5, "invariant_purge")).outcomes[0],
    }


RESULTS = every_result()
UNREADABLE = re.compile(r"object at 0x|array\(|dtype|Fraction\(|<pre>|\bnan\b|SolveReport\(|dilemma\._core")


@pytest.mark.parametrize("name", list(RESULTS))
def test_every_result_is_a_short_readable_summary(name):
    result = RESULTS[name]
    text, html = str(result), result._repr_html_()
    assert not UNREADABLE.search(text) and not UNREADABLE.search(html), (name, UNREADABLE.search(text + html))
    summary = _repr.summary(result)
    assert len(summary.rows) <= 10 and len(text.splitlines()) <= 1 + 10 + 2 * (1 + _repr.TEXT_ROWS), name
    assert text.splitlines()[0].startswith(summary.title) and f"<b>{summary.title}</b>" in html
    for label, cell in summary.rows:  # the same headline in both, every verdict a few words
        value = _repr.as_text(cell)
        assert f"  {label}: {value}" in text and f">{html_escape(label)}</th>" in html, (name, label)
        assert len(value) < 160 or label in ("converged", "exhaustive"), (name, label, value)  # the solver's message
    if not isinstance(result, list):
        assert "object at 0x" not in repr(result)


def test_verdicts_are_yes_or_no_with_the_number_that_decides_them():
    report = dilemma.invariance_report(dilemma.confession_game(5, "leniency_for_naming"))
    text = str(report)
    assert "payoff-invariant: no (one's own choice changes one's payoff by at most 2;" in text
    assert "every distribution a (coarse) correlated equilibrium: no (largest incentive-constraint coefficient 2)" \
        in text
    assert "prices of anarchy and stability: 1.2 and 1.2 (cost convention)" in text
    html = report._repr_html_()
    assert "<th style='text-align:left'>payoff-invariant</th><td style='text-align:left'>no (" in html
    for field in ("max_incentive_gain", "qre_note", "log10_num_profiles", "efficiency_defined"):  # no field dump
        assert field not in html and field not in text
    assert "1 of 243 profiles (1 of 21 count classes), strict: 1" in text


def test_huge_counts_and_multiplicities_are_powers_of_ten():
    report = dilemma.invariance_report(dilemma.confession_game(1000, "invariant_purge"))
    assert "10^477.1 of 10^477.1 profiles (501,501 of 501,501 count classes)" in str(report)
    assert "10<sup>477.1</sup> of 10<sup>477.1</sup> profiles" in report._repr_html_()
    classes = dilemma.pure_nash(dilemma.confession_game(1000, "ordered_leniency"))
    assert "(2 deny, 995 confess, 3 name) x 10^13.9" in str(classes)
    assert "(1 deny, 996 confess, 3 name) &times; 165,668,499,000" in classes._repr_html_()
    assert "(2 deny, 995 confess, 3 name) &times; 10<sup>13.9</sup>" in classes._repr_html_()
    assert f"... {len(classes) - _repr.TEXT_ROWS} more rows (all of them: the list itself)" in str(classes)


def test_exact_equilibria_show_as_fractions_in_html():
    game = dilemma.NormalFormGame.from_arrays([[3, 0], [0, 1]], [[1, 0], [0, 3]])
    found = dilemma.vertex_enumeration(game, rational=True)
    assert Fraction(3, 4) in [p for profile in found for x in profile for p in x]
    html = found._repr_html_()
    assert "1: <sup>3</sup>&frasl;<sub>4</sub>, 2: <sup>1</sup>&frasl;<sub>4</sub>" in html
    assert "\\frac" not in html and not hasattr(found, "_repr_latex_")
    assert "1: 3/4, 2: 1/4" in str(found)
    assert repr(found).startswith("[(array(")  # repr stays that of the list (doctests, comparisons)


def test_supports_and_profiles_are_named_with_the_action_labels():
    def payoffs(profile):  # matching pennies between 0 and 1; player 2 indifferent
        win = 1.0 if profile[0] == profile[1] else -1.0
        return (win, -win, 0.0)

    game = dilemma.NormalFormGame.from_function((2, 2, 2), payoffs)
    game.action_labels = [["up", "down"], ["left", "right"], ["in", "out"]]
    result = dilemma.enumerate_equilibria(game)
    html, text = result._repr_html_(), str(result)
    assert f"isolated equilibria: {len(result.equilibria)}" in text and "exhaustive: no (" in text
    assert "{up, down} ; {left, right} ; {in, out}" in html and "Singular supports" in html
    assert "up: 0.5, down: 0.5" in html and "undecided boxes" in html
    clean = dilemma.enumerate_equilibria(dilemma.battle_of_the_sexes())
    assert "Singular supports" not in clean._repr_html_() and "exhaustive: yes" in str(clean)
    assert "opera: 0.6667, football: 0.3333" in str(clean)
    assert "cooperate" not in str(dilemma.pure_nash(dilemma.prisoners_dilemma())) and \
        "defect" in str(dilemma.pure_nash(dilemma.prisoners_dilemma()))
    # a result that lost its game (unpickled) shows indices, not wrong names
    again = pickle.loads(pickle.dumps(clean))
    assert "{0, 1} ; {0, 1}" not in str(again) and "(0.6667, 0.3333)" in str(again)


def test_believed_versus_real_shows_unused_actions_as_a_dash():
    believed = dilemma.confession_game(5, "hoped_leniency")
    result = dilemma.believed_versus_real(believed, dilemma.confession_game(5, "hoped_leniency", real=True))
    text = str(result)
    assert "deny: -, confess: -, name: -14" in text and "nan" not in text
    assert "(5 name) x 1" in text and "0 to 4" in text
    assert "real equilibria: 21 count classes" in text
    assert "<td style='text-align:left'>deny: -, confess: -, name: -14</td>" in result._repr_html_()


def test_logit_and_one_equilibrium_results_tabulate_each_action():
    text = str(dilemma.logit_qre(dilemma.battle_of_the_sexes()))
    assert "converged: yes (" in text and "lambda reached: 1.04e+06" in text
    assert re.search(r"^  Player 1 +opera +0\.6667 +0\.6667$", text, flags=re.M)
    assert re.search(r"^            football +0\.3333 +0\.3333$", text, flags=re.M)
    symmetric = str(dilemma.logit_qre(dilemma.confession_game(5, "leniency_for_naming")))
    assert re.search(r"^  every player +deny ", symmetric, flags=re.M)


def test_results_without_a_summary_of_their_own_get_the_generic_one():
    class NewResult:  # a result class added later, with a solver report
        report = property(lambda self: dilemma.pure_nash(dilemma.prisoners_dilemma()).report)
        converged = property(lambda self: True)
        message = property(lambda self: "done")
        welfare = property(lambda self: 2.5)
        stable = property(lambda self: False)
        profile = property(lambda self: np.zeros(3))

    text = _repr.result_text(NewResult())
    assert text.splitlines() == ["NewResult", "  converged: yes (done)", "  stable: no", "  welfare: 2.5"]
    assert "<b>NewResult</b>" in _repr.result_html(NewResult())
