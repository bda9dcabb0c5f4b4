"""Tests of the `dilemma` command-line tool, run as a subprocess.

The binary is $DILEMMA_CLI if set, else `dilemma` on PATH; without either the
tests are skipped. Games are written here by hand in Gambit's .nfg format.
"""

import itertools
import os
import random
import shutil
import subprocess

import pytest

CLI = os.environ.get("DILEMMA_CLI") or shutil.which("dilemma")

pytestmark = pytest.mark.skipif(
    CLI is None,
    reason="the dilemma CLI was not found: set DILEMMA_CLI to its path or put it on PATH",
)

# Chicken: Swerve (1) or Straight (2). Pure equilibria: one swerves, the other
# does not. Profiles listed with player 1's action fastest.
CHICKEN = """NFG 1 R "Chicken" { "Ann" "Bob" } { 2 2 }

0 0  1 -1  -1 1  -10 -10
"""

# Three players win 1 each when all choose the same side.
UNANIMITY = """NFG 1 R "Unanimity" { "A" "B" "C" }
{ { "left" "right" } { "left" "right" } { "left" "right" } }
""
{ { "all agree" 1, 1, 1 } }
1 0 0 0 0 0 0 1
"""

# Matching pennies with player 2's payoff at (1, 1) raised from -1 to 0.99:
# player 2 gains only 0.01 by deviating there, so --tol 0.02 makes it an
# equilibrium (player 1, the matcher, is already best responding).
NEAR_PENNIES = """NFG 1 R "" { "1" "2" } { 2 2 }
1 0.99  -1 1  -1 1  1 -1
"""


def run(*args, stdin=None):
    return subprocess.run(
        [CLI, *map(str, args)], input=stdin, capture_output=True, text=True, timeout=60
    )


def write(tmp_path, text, name="game.nfg"):
    path = tmp_path / name
    path.write_text(text)
    return path


def lines(result):
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.splitlines()


def test_enumpure_prints_gambit_lines_in_gambit_order(tmp_path):
    # (Straight, Swerve) comes first: player 1's action varies fastest.
    assert lines(run("solve", "--method", "enumpure", write(tmp_path, CHICKEN))) == [
        "NE,0,1,1,0",
        "NE,1,0,0,1",
    ]


def test_outcome_version_and_labels(tmp_path):
    assert lines(run("solve", "-m", "enumpure", write(tmp_path, UNANIMITY))) == [
        "NE,1,0,1,0,1,0",
        "NE,0,1,0,1,0,1",
    ]


def test_method_defaults_to_enumpure_and_option_spellings(tmp_path):
    path = write(tmp_path, CHICKEN)
    expected = lines(run("solve", "--method", "enumpure", path))
    assert lines(run("solve", path)) == expected
    assert lines(run("solve", "--method=enumpure", path)) == expected
    assert lines(run("solve", path, "-m", "enumpure", "-q", "-d", "3")) == expected
    assert lines(run("solve", "-d4", "--decimals=2", "--quiet", path)) == expected


def test_game_from_standard_input():
    assert lines(run("solve", "-", stdin=CHICKEN)) == ["NE,0,1,1,0", "NE,1,0,0,1"]


def test_no_equilibrium_prints_nothing_and_tol_admits_small_gains(tmp_path):
    path = write(tmp_path, NEAR_PENNIES)
    assert lines(run("solve", path)) == []
    assert lines(run("solve", "--tol", "0.02", path)) == ["NE,1,0,1,0"]
    assert lines(run("solve", "--tol=0.001", path)) == []


def brute_force_gambit_lines(nums, payoffs):
    """Pure equilibria in Gambit's order; payoffs[k][i] for the k-th profile of the file."""
    strides = [1]
    for m in nums[:-1]:
        strides.append(strides[-1] * m)
    result = []
    for k in range(len(payoffs)):
        profile = [k // strides[i] % nums[i] for i in range(len(nums))]
        stable = all(
            payoffs[k + (b - profile[i]) * strides[i]][i] <= payoffs[k][i]
            for i in range(len(nums))
            for b in range(nums[i])
        )
        if stable:
            strategies = (
                "1" if a == profile[i] else "0" for i in range(len(nums)) for a in range(nums[i])
            )
            result.append("NE," + ",".join(strategies))
    return result


@pytest.mark.parametrize("nums", [(3, 2), (2, 3, 2), (3, 3, 2, 2), (2, 2, 2, 2, 2)])
def test_agrees_with_a_brute_force_on_random_integer_games(tmp_path, nums):
    rng = random.Random(sum(nums))
    count = 1
    for m in nums:
        count *= m
    for trial in range(5):
        payoffs = [[rng.randint(0, 3) for _ in nums] for _ in range(count)]  # ties on purpose
        players = " ".join(f'"{i + 1}"' for i in range(len(nums)))
        text = f'NFG 1 R "random" {{ {players} }} {{ {" ".join(map(str, nums))} }}\n'
        text += "\n".join(" ".join(map(str, row)) for row in payoffs) + "\n"
        path = write(tmp_path, text, f"random{trial}.nfg")
        assert lines(run("solve", path)) == brute_force_gambit_lines(nums, payoffs)


def test_info(tmp_path):
    assert lines(run("info", write(tmp_path, UNANIMITY))) == [
        'title: "Unanimity"',
        "players: 3",
        "actions: 2 2 2",
        "profiles: 8",
        'player 1: "A" { "left" "right" }',
        'player 2: "B" { "left" "right" }',
        'player 3: "C" { "left" "right" }',
    ]
    assert lines(run("info", "-", stdin=CHICKEN))[:4] == [
        'title: "Chicken"',
        "players: 2",
        "actions: 2 2",
        "profiles: 4",
    ]


@pytest.mark.parametrize("args", [("--help",), ("-h",), ("solve", "--help"), ("solve", "-h")])
def test_help_documents_every_option_and_method(args):
    text = "\n".join(lines(run(*args)))
    options = ("--method", "-m,", "--tol", "-d", "--decimals", "-q", "--quiet", "--help", "-h")
    for word in options + ("enumpure",):
        assert word in text, word
    if args[0] != "solve":
        assert "--version" in text and "info" in text


def test_version():
    (line,) = lines(run("--version"))
    assert line.startswith("dilemma ") and line.split()[1][0].isdigit()


def check_error(result, status, *fragments):
    assert result.returncode == status, (result.returncode, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("dilemma: ")
    assert "Traceback" not in result.stderr and "terminate" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def test_usage_errors_exit_with_status_2(tmp_path):
    path = write(tmp_path, CHICKEN)
    check_error(run("solve", "--method", "nosuch", path), 2, 'unknown method "nosuch"', "enumpure")
    check_error(run("solve", "--method"), 2, "--method needs a value")
    check_error(run("solve", "--frobnicate", path), 2, 'unknown option "--frobnicate"')
    check_error(run("solve"), 2, "needs a GAME")
    check_error(run("solve", path, path), 2, "one GAME")
    check_error(run("solve", "--tol", "-1", path), 2, "--tol")
    check_error(run("solve", "--tol", "abc", path), 2, "--tol")
    check_error(run("solve", "-d", "x", path), 2, "-d")
    check_error(run("frobnicate"), 2, 'unknown command "frobnicate"')
    check_error(run(), 2, "no command")


def test_bad_input_exits_with_status_1(tmp_path):
    check_error(run("solve", tmp_path / "missing.nfg"), 1, "cannot open", "missing.nfg")
    check_error(run("solve", tmp_path), 1, "cannot read")
    bad = write(tmp_path, 'NFG 1 R "" { "1" "2" } { 2 2 }\n1 2\n3 abc 5 6 7 8\n', "bad.nfg")
    check_error(
        run("solve", bad), 1, 'bad.nfg: line 3, column 3: expected a payoff (a number), found "abc"'
    )
    check_error(run("info", bad), 1, "line 3, column 3")
    short = 'NFG 1 R "" { "1" } { 3 }\n1 2\n'
    check_error(
        run("solve", "-", stdin=short), 1, "<stdin>: line 3, column 1", "after 2 of 3 payoffs"
    )
    check_error(run("solve", "-", stdin=""), 1, 'expected "NFG"')
    huge = 'NFG 1 R "" { "1" "2" "3" } { 100000 100000 100000 }\n1 2 3\n'
    huge = write(tmp_path, huge, "huge.nfg")
    check_error(run("solve", huge), 1, "100000")


def test_many_equilibria_and_a_larger_game(tmp_path):
    # Everyone indifferent: every one of the 3^6 profiles is an equilibrium.
    text = 'NFG 1 R "" { "1" "2" "3" "4" "5" "6" } { 3 3 3 3 3 3 }\n' + "0 " * (6 * 3**6)
    out = lines(run("solve", write(tmp_path, text)))
    assert len(out) == 3**6
    assert out[0] == "NE," + ",".join(["1,0,0"] * 6)
    assert out[1] == "NE,0,1,0," + ",".join(["1,0,0"] * 5)  # player 1 fastest
    assert out[-1] == "NE," + ",".join(["0,0,1"] * 6)
    assert len(set(out)) == len(out)
    # Itertools cross-check of the order: player 1's strategy is the fastest digit.
    expected = [
        "NE," + ",".join(",".join("1" if a == s else "0" for a in range(3)) for s in profile[::-1])
        for profile in itertools.product(range(3), repeat=6)
    ]
    assert out == expected


def test_enumpoly_prints_every_isolated_equilibrium(tmp_path):
    # Unanimity: the two agreeing pure profiles and everyone mixing 1/2 (the
    # indifference conditions y_L z_L = y_R z_R, ... force equal odds).
    out = lines(run("solve", "-m", "enumpoly", write(tmp_path, UNANIMITY)))
    left, right = "1.000000,0.000000,", "0.000000,1.000000,"
    assert sorted(out[:2]) == ["NE," + (right * 3)[:-1], "NE," + (left * 3)[:-1]]
    assert out[2:] == ["NE,0.500000,0.500000,0.500000,0.500000,0.500000,0.500000"]
