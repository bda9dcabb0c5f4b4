"""Tests of the `dilemma` command-line tool, run as a subprocess.

The binary is $DILEMMA_CLI if set, else `dilemma` on PATH; without either the
tests are skipped. Games are written here by hand in Gambit's .nfg format.
"""

import itertools
import os
import random
import shutil
import subprocess
from fractions import Fraction

import numpy as np
import pytest

import dilemma

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


def run(*args, stdin=None, terminal=False):
    """Runs the CLI with `stdin` as its standard input (empty when None), or a
    terminal with terminal=True."""
    if not terminal:
        return subprocess.run(
            [CLI, *map(str, args)], input=stdin or "", capture_output=True, text=True, timeout=60
        )
    controller, tty = os.openpty()
    try:
        return subprocess.run(
            [CLI, *map(str, args)], stdin=tty, capture_output=True, text=True, timeout=60
        )
    finally:
        os.close(controller)
        os.close(tty)


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


def test_game_from_standard_input_without_a_game_argument():
    # As Gambit's tools: no GAME means the game comes on standard input.
    assert lines(run("solve", stdin=CHICKEN)) == ["NE,0,1,1,0", "NE,1,0,0,1"]
    assert lines(run("solve", "-m", "lcp", "-d", "2", stdin=CHICKEN)) == lines(
        run("solve", "-m", "lcp", "-d", "2", "-", stdin=CHICKEN)
    )
    assert lines(run("info", stdin=CHICKEN))[0] == 'title: "Chicken"'
    check_error(run("solve"), 1, "<stdin>", 'expected "NFG"')


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
    check_error(run("solve", terminal=True), 2, "needs a GAME", "terminal")
    check_error(run("info", terminal=True), 2, "needs a GAME")
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


# ---- the methods beyond Gambit's tools, and --eliminate ----------------------

# Row r3 is strictly dominated by r1; once it is gone, column c3 by c2. What
# is left has the pure equilibria (r1, c1) and (r2, c2) and one mixed one.
DOMINATED = """NFG 1 R "Dominated" { "Row" "Column" } { 3 3 }
3 3  2 0  1 1
0 2  2 2  -1 0
2 0  3 1  1 4
"""


def parse_profile(line, game):
    """(label, profile) of an output line; probabilities as Fractions."""
    label, *numbers = line.split(",")
    flat = [Fraction(p) for p in numbers]
    assert len(flat) == sum(game.nums_actions), line
    bounds = np.cumsum((0,) + tuple(game.nums_actions))
    return label, [flat[bounds[i] : bounds[i + 1]] for i in range(game.num_players)]


def equilibria_printed(result, game, tol=1e-5):
    """The profiles of the NE lines, each checked to be a Nash equilibrium
    (regret and error of the sums at most `tol`: rounded probabilities have some)."""
    found = []
    for line in lines(result):
        label, profile = parse_profile(line, game)
        assert label == "NE", line
        assert all(abs(float(sum(strategy)) - 1) <= tol for strategy in profile), line
        floating = [np.array(strategy, dtype=float) for strategy in profile]
        assert dilemma.regret(game, floating) <= tol, line
        found.append(profile)
    return found


def as_lists(profile):
    """A profile of the Python API (arrays of Fractions) as printed profiles are."""
    return [[Fraction(p) for p in strategy] for strategy in profile]


def exact(profiles):
    return {tuple(tuple(map(Fraction, strategy)) for strategy in profile) for profile in profiles}


def random_bimatrix_text(rng, m, n):
    payoffs = [f"{rng.randint(-9, 9)} {rng.randint(-9, 9)}" for _ in range(m * n)]
    return f'NFG 1 R "random" {{ "1" "2" }} {{ {m} {n} }}\n' + "\n".join(payoffs) + "\n"


@pytest.mark.parametrize("seed", range(4))
def test_support_prints_the_python_apis_equilibria(tmp_path, seed):
    text = random_bimatrix_text(random.Random(seed), 3, 4) if seed else CHICKEN
    game = dilemma.parse_nfg(text)
    path = write(tmp_path, text)
    printed = equilibria_printed(run("solve", "-m", "support", path), game)
    expected = dilemma.support_enumeration(game, rational=True)
    assert printed == [as_lists(profile) for profile in expected]
    # The same set as enummixed (vertex enumeration), each once.
    assert len(exact(printed)) == len(printed)
    assert exact(printed) == exact(equilibria_printed(run("solve", "-m", "enummixed", path), game))
    decimals = equilibria_printed(run("solve", "-m", "support", "-d", "4", path), game, tol=0.01)
    assert len(decimals) == len(printed)


def flatten(profile):
    return np.concatenate(profile).astype(float)


@pytest.mark.parametrize("seed", range(4))
def test_lh_follows_the_path_of_the_chosen_label(tmp_path, seed):
    text = random_bimatrix_text(random.Random(10 + seed), 4, 3) if seed else CHICKEN
    game = dilemma.parse_nfg(text)
    path = write(tmp_path, text)
    default = lines(run("solve", "-m", "lh", path))
    assert default == lines(run("solve", "-m", "lh", "--init-pivot=0", path))
    labels = sum(game.nums_actions)
    for label in range(labels):
        lh = ("solve", "-m", "lh", "--init-pivot", label, path)
        (printed,) = equilibria_printed(run(*lh), game)
        assert printed == as_lists(dilemma.lemke_howson(game, init_pivot=label, rational=True).equilibrium)
        (floating,) = equilibria_printed(run(*lh, "-d", "8"), game)
        assert np.allclose(flatten(floating), flatten(printed), atol=1e-8)
    beyond = run("solve", "-m", "lh", "--init-pivot", labels, path)
    check_error(beyond, 1, "init_pivot", str(labels))
    check_error(run("solve", "-m", "lh", "--init-pivot", "-1", path), 2, "--init-pivot")
    check_error(run("solve", "-m", "lh", write(tmp_path, UNANIMITY, "three.nfg")), 1, "two-player")


def correlated_printed(result, game, label="CE"):
    (line,) = lines(result)
    assert line.startswith(label + ",")
    # Gambit's order: player 1's strategy varies fastest, so Fortran order of the C-order tensor.
    flat = np.array([float(p) for p in line.split(",")[1:]])
    return flat.reshape(game.nums_actions, order="F")


def incentive_gains(game, distribution, coarse=False):
    """Largest gain of a player from disobeying the recommendation (or, coarse,
    from committing to an action in advance)."""
    largest = 0.0
    for i in range(game.num_players):
        u = np.moveaxis(np.asarray(game.payoffs(i)), i, 0)
        p = np.moveaxis(distribution, i, 0)
        for b in range(game.nums_actions[i]):
            if coarse:
                largest = max(largest, float((p * (u[b][None] - u)).sum()))
            else:
                for a in range(game.nums_actions[i]):
                    largest = max(largest, float((p[a] * (u[b] - u[a])).sum()))
    return largest


@pytest.mark.parametrize("text", [CHICKEN, UNANIMITY, DOMINATED])
def test_correlated_prints_the_distribution_in_gambits_order(tmp_path, text):
    game = dilemma.parse_nfg(text)
    path = write(tmp_path, text)
    correlated = ("solve", "-m", "correlated", "-d", "9", path)
    printed = correlated_printed(run(*correlated), game)
    expected = dilemma.correlated_equilibrium(game)
    assert np.allclose(printed, expected.distribution, atol=1e-8)
    assert abs(printed.sum() - 1) < 1e-8 and printed.min() >= 0
    assert incentive_gains(game, printed) <= 1e-7
    for objective in ("min_welfare", "feasible"):
        other = correlated_printed(run(*correlated, "--objective", objective), game)
        expected = dilemma.correlated_equilibrium(game, objective=objective)
        assert np.allclose(other, expected.distribution, atol=1e-8)
        assert incentive_gains(game, other) <= 1e-7
    coarse = correlated_printed(run(*correlated, "--coarse"), game, "CCE")
    expected = dilemma.correlated_equilibrium(game, coarse=True)
    assert np.allclose(coarse, expected.distribution, atol=1e-8)
    assert incentive_gains(game, coarse, coarse=True) <= 1e-7


def test_correlated_of_chicken_is_the_known_welfare_optimum(tmp_path):
    # Both swerve 9/11, one of them goes straight 1/11 each: the largest
    # welfare (0) over Chicken's correlated equilibria (the incentive rows bind).
    assert lines(run("solve", "-m", "correlated", "-d", "4", write(tmp_path, CHICKEN))) == [
        "CE,0.8182,0.0909,0.0909,0.0000"
    ]
    bad = run("solve", "-m", "correlated", "--objective", "best", "-")
    check_error(bad, 2, "--objective", "best")


@pytest.mark.parametrize("method", ["enumpure", "enummixed", "lcp", "support", "enumpoly"])
def test_eliminate_keeps_every_equilibrium(tmp_path, method):
    game = dilemma.parse_nfg(DOMINATED)
    path = write(tmp_path, DOMINATED)
    plain = equilibria_printed(run("solve", "-m", method, path), game)
    reduced = equilibria_printed(run("solve", "-m", method, "--eliminate", path), game)
    assert reduced and all(profile[0][2] == 0 and profile[1][2] == 0 for profile in reduced)
    if method == "enumpoly":  # floating point: compare rounded
        assert sorted(map(str, reduced)) == sorted(map(str, plain))
    else:
        assert exact(reduced) == exact(plain)


def test_eliminate_with_lh_correlated_and_simpdiv(tmp_path):
    game = dilemma.parse_nfg(DOMINATED)
    path = write(tmp_path, DOMINATED)
    lh = ("solve", "-m", "lh", "--eliminate", path, "--init-pivot")
    for label in (0, 1, 3, 4):  # r1, r2, c1, c2 survive
        (profile,) = equilibria_printed(run(*lh, label), game)
        assert profile[0][2] == 0 and profile[1][2] == 0
    check_error(run(*lh, "2"), 1, "--init-pivot 2", "--eliminate", "player 1")
    check_error(run(*lh, "5"), 1, "--init-pivot 5", "--eliminate", "player 2")
    check_error(run(*lh, "6"), 1, "--init-pivot", "0..5")
    correlated = ("solve", "-m", "correlated", "--eliminate", "-d", "9", path)
    distribution = correlated_printed(run(*correlated), game)
    assert incentive_gains(game, distribution) <= 1e-7
    assert distribution[2, :].sum() == 0 and distribution[:, 2].sum() == 0
    welfare = sum(np.asarray(game.payoffs(i)) for i in range(2))
    best = dilemma.correlated_equilibrium(game).welfare
    assert abs(float((distribution * welfare).sum()) - best) < 1e-7
    equilibria_printed(run("solve", "-m", "simpdiv", "--eliminate", path), game)


def test_eliminate_down_to_one_profile():
    # The prisoner's dilemma: cooperation (each player's strategy 1) goes.
    pd = 'NFG 1 R "PD" { "1" "2" } { 2 2 }\n-1 -1  0 -10  -10 0  -5 -5\n'
    for method in ("enumpure", "enummixed", "lh", "support", "logit", "simpdiv"):
        last = lines(run("solve", "-m", method, "--eliminate", stdin=pd))[-1]
        assert last in ("NE,0,1,0,1", "NE,0.000000,1.000000,0.000000,1.000000"), method
    correlated = run("solve", "-m", "correlated", "--eliminate", "-d", "1", stdin=pd)
    assert lines(correlated) == ["CE,0.0,0.0,0.0,1.0"]
    lh = run("solve", "-m", "lh", "--eliminate", "--init-pivot", "3", stdin=pd)
    assert lines(lh) == ["NE,0,1,0,1"]


def test_help_lists_the_new_methods_and_options():
    text = "\n".join(lines(run("solve", "--help")))
    words = ("support", "lh", "correlated", "--init-pivot", "--objective", "--coarse")
    for word in words + ("--eliminate", "CE,", "standard input"):
        assert word in text, word


def symmetric_printed(result, game):
    """The common strategy of each NE line, checked to be a symmetric equilibrium."""
    found = []
    for profile in equilibria_printed(result, game):
        assert all(strategy == profile[0] for strategy in profile)
        found.append(np.array(profile[0], dtype=float))
    return found


def test_symmetric_of_two_and_three_players(tmp_path):
    # Chicken's only symmetric equilibrium swerves 9/10 of the time.
    assert lines(run("solve", "-m", "symmetric", write(tmp_path, CHICKEN))) == [
        "NE,0.900000,0.100000,0.900000,0.100000"
    ]
    unanimity = dilemma.parse_nfg(UNANIMITY)
    found = symmetric_printed(run("solve", "-m", "symmetric", stdin=UNANIMITY), unanimity)
    assert sorted(tuple(np.round(x, 9)) for x in found) == [(0, 1), (0.5, 0.5), (1, 0)]


def test_symmetric_agrees_with_the_python_api_on_three_strategies(tmp_path):
    # u(a, m): own strategy a, the others' counts m (3 players, 3 strategies).
    rng = random.Random(7)
    others = [m for m in itertools.product(range(3), repeat=3) if sum(m) == 2]
    table = {(a, m): rng.randint(-5, 5) for a in range(3) for m in others}

    def payoffs(profile):
        counts = [list(profile).count(b) for b in range(3)]
        return tuple(
            float(table[a, tuple(c - (b == a) for b, c in enumerate(counts))]) for a in profile
        )

    game = dilemma.NormalFormGame.from_function((3, 3, 3), payoffs)
    result = run("solve", "-m", "symmetric", "-d", "10", stdin=dilemma.to_nfg(game))
    found = symmetric_printed(result, game)
    ranks = dilemma.count_vectors(3, 2)  # the Python API's order of the others' counts
    compact = dilemma.SymmetricGame(3, 3, [[table[a, tuple(m)] for m in ranks] for a in range(3)])
    expected = dilemma.symmetric_equilibria(compact)
    assert len(found) == len(expected) > 0
    for x in expected:
        assert min(np.abs(x - y).max() for y in found) < 1e-8


def test_symmetric_continua_and_errors(tmp_path):
    invariant = 'NFG 1 R "" { "1" "2" "3" } { 2 2 2 }\n' + "0 " * 24 + "\n"
    out = lines(run("solve", "-m", "symmetric", stdin=invariant))
    assert out[-1] == "singular-support," + ",".join(["1.000000"] * 6)  # the whole simplex
    assert "NE," + ",".join(["0.500000"] * 6) in out
    check_error(run("solve", "-m", "symmetric", write(tmp_path, DOMINATED)), 1, "not symmetric")
    uneven = 'NFG 1 R "" { "1" "2" } { 2 3 }\n' + "0 " * 12 + "\n"
    check_error(run("solve", "-m", "symmetric", stdin=uneven), 1, "same number of strategies")
