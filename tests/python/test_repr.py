"""Rich display: _repr_html_ of games, with what is left out stated."""
import numpy as np

import dilemma
from dilemma import _repr


def test_bimatrix_table_shows_labels_and_both_payoffs():
    html = dilemma.battle_of_the_sexes()._repr_html_()
    assert "<b>Battle of the sexes</b>" in html
    assert "<th>opera</th>" in html and "<th>football</th>" in html
    assert "<td>2, 1</td>" in html and "<td>1, 2</td>" in html
    assert "more rows" not in html


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


def test_symmetric_table_is_by_count_class_and_lazy_at_large_n():
    game = dilemma.confession_game(4, "classic_pd")
    html = game._repr_html_()
    assert "10 count classes" in html and "more rows" not in html
    for counts in game.count_vectors():
        row = "".join(f"<td>{int(c)}</td>" for c in counts)
        row += "".join(f"<td>{game.payoff(a, counts):.6g}</td>" for a in range(3))
        assert row in html
    big = dilemma.confession_game(100_000, "classic_pd")  # 5 billion count classes: never built
    html = big._repr_html_()
    assert f"{big.num_count_vectors - _repr.MAX_ROWS} more rows not shown" in html


def test_enumeration_result_lists_equilibria_supports_and_singular_ones():
    def payoffs(profile):  # matching pennies between 0 and 1; player 2 indifferent
        win = 1.0 if profile[0] == profile[1] else -1.0
        return (win, -win, 0.0)

    result = dilemma.enumerate_equilibria(dilemma.NormalFormGame.from_function((2, 2, 2), payoffs))
    html = result._repr_html_()
    assert f"{len(result.equilibria)} isolated equilibria" in html and "NOT exhaustive" in html
    assert "{0, 1} ; {0, 1} ; {0}" in html and "0.5, 0.5 | 0.5, 0.5 | 1, 0" in html
    assert "Singular supports" in html and "undecided boxes" in html
    clean = dilemma.enumerate_equilibria(dilemma.battle_of_the_sexes())._repr_html_()
    assert "Singular supports" not in clean and "NOT exhaustive" not in clean and "3 isolated equilibria" in clean
