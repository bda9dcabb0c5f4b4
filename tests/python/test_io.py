import numpy as np
import pytest

import dilemma

# The prisoner's dilemma in the outcome version of the format, written for this test.
OUTCOME_TEXT = """NFG 1 R "PD" { "Row" "Column" }
{ { "C" "D" } { "C" "D" } }
""
{ { "both cooperate" 3, 3 } { "" 0, 5 } { "" 5, 0 } { "both defect" 1, 1 } }
1 3 2 4
"""


def test_read_text_path_and_pathlike(tmp_path):
    game = dilemma.read_nfg(OUTCOME_TEXT)
    assert game == dilemma.prisoners_dilemma()
    assert game.player_labels == ["Row", "Column"]
    path = tmp_path / "pd.nfg"
    path.write_text(OUTCOME_TEXT)
    assert dilemma.read_nfg(path) == game
    assert dilemma.read_nfg(str(path)) == game


def test_round_trip_keeps_payoffs_and_labels(tmp_path):
    game = dilemma.random_game((2, 3, 2), random_state=4, low=-1e6, high=1e6)
    game.title = 'with "quotes"'
    game.action_labels = [["a", "b"], ["x", "y", "z"], ["p", "q"]]
    path = tmp_path / "g.nfg"
    assert dilemma.write_nfg(game, path) is None
    again = dilemma.read_nfg(path)
    assert again == game  # doubles round-trip exactly
    assert again.title == game.title and again.action_labels == game.action_labels
    assert dilemma.read_nfg(dilemma.write_nfg(game)) == game


def test_malformed_file_names_line_and_column():
    text = OUTCOME_TEXT.replace("1 3 2 4", "1 3 x 4")
    with pytest.raises(dilemma.NfgParseError, match=r"line 5, column 5") as error:
        dilemma.read_nfg(text)
    assert isinstance(error.value, ValueError)
    with pytest.raises(ValueError, match="line"):
        dilemma.read_nfg(OUTCOME_TEXT.replace("1 3 2 4", "1 3 2"))


def test_missing_file():
    with pytest.raises(ValueError, match="no-such-file.nfg"):
        dilemma.read_nfg("no-such-file.nfg")


def test_rationals_and_decimals():
    game = dilemma.read_nfg('NFG 1 R "" { "1" "2" } { 2 1 }\n1/3 -2/4 0.25 1e-3\n')
    np.testing.assert_array_equal(game.payoffs(0), [[1 / 3], [0.25]])
    np.testing.assert_array_equal(game.payoffs(1), [[-0.5], [1e-3]])
