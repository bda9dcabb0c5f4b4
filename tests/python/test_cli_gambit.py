"""The `dilemma` CLI as a drop-in for Gambit 17's command-line tools.

Runs the commands a Gambit user's script runs (`gambit-enumpure -q game.nfg`,
through a link named like Gambit's tool, and `dilemma TOOL`, `dilemma solve -m
TOOL`) and compares the output line by line with what Gambit prints. The
expected lines are typed in from the examples of Gambit's documentation
(doc/tools.*.rst of Gambit 17), on the reduced strategic forms of the
documentation's games, typed here as .nfg files; the games are Selten's
(1975, "Reexamination of the perfectness concept for equilibrium points in
extensive games", IJGT 4) Figures 1 and 2.

The binary is $DILEMMA_CLI if set, else `dilemma` on PATH; without either the
tests are skipped.
"""

import os
import re
import shutil
import subprocess

import pytest

CLI = os.environ.get("DILEMMA_CLI") or shutil.which("dilemma")

pytestmark = pytest.mark.skipif(
    CLI is None,
    reason="the dilemma CLI was not found: set DILEMMA_CLI to its path or put it on PATH",
)

TOOLS = ("enumpure", "enummixed", "lcp", "lp", "simpdiv", "logit", "enumpoly")

# Selten (1975), Figure 2: player 1 ends the game with R (1, 1) or plays L;
# then player 2 plays R (0, 2) or L, then player 1 r (0, 3) or l (2, 0).
# Reduced strategic form, strategies in Gambit's order: player 1 R, Lr, Ll;
# player 2 R, L. Equilibria: R against any q(L) <= 1/2, a segment.
SELTEN_FIG2 = """NFG 1 R "Selten (1975) Figure 2, reduced strategic form" { "Player 1" "Player 2" }
{ { "R" "Lr" "Ll" } { "R" "L" } }
""
1 1  0 2  0 2  1 1  0 3  2 0
"""

# Selten (1975), Figure 1, "Selten's horse": three players, R or L each.
# Player 1 R and player 2 R end it at (1, 1, 1); player 3 does not know
# whether player 1 played L, (3, 2, 2) with R and (0, 0, 0) with L, or player
# 2 played L, (4, 4, 0) with R and (0, 0, 1) with L.
SELTEN_HORSE = """NFG 1 R "Selten (1975) Figure 1, reduced strategic form" { "1" "2" "3" }
{ { "R" "L" } { "R" "L" } { "R" "L" } }
""
1 1 1  3 2 2  4 4 0  3 2 2  1 1 1  0 0 0  0 0 1  0 0 0
"""

# A zero-sum game whose one equilibrium is the line of gambit-lp's example,
# NE,1/3,2/3,1/3,2/3 (our own payoffs: the documentation's file is not shown).
CONSTANT_SUM = """NFG 1 R "constant-sum" { "1" "2" } { 2 2 }
2 -2  -2 2  -2 2  0 0
"""

# Battle of the sexes: two pure equilibria and one mixed, (2/3, 1/3; 1/3, 2/3).
BATTLE = """NFG 1 R "Battle of the sexes" { "Wife" "Husband" } { 2 2 }
2 1  0 0  0 0  1 2
"""

# Matching pennies, not constant-sum once player 2's payoff at (2, 2) is -2.
NOT_CONSTANT_SUM = """NFG 1 R "" { "1" "2" } { 2 2 }
1 -1  -1 1  -1 1  1 -2
"""

# gambit-enumpure -S on Figure 2 (doc/tools.enumpure.rst).
DOC_ENUMPURE = ["NE,1,0,0,1,0"]
# gambit-enummixed and gambit-enummixed -c on Figure 2 (doc/tools.enummixed.rst).
DOC_ENUMMIXED = ["NE,1,0,0,1,0", "NE,1,0,0,1/2,1/2"]
DOC_ENUMMIXED_C = DOC_ENUMMIXED + ["convex-1,1,0,0,1/2,1/2", "convex-1,1,0,0,1,0"]
# gambit-simpdiv on Figure 2 (doc/tools.simpdiv.rst).
DOC_SIMPDIV = ["NE,1,0,0,1,0"]
# The first lines of gambit-logit -S on Figure 2 (doc/tools.logit.rst).
DOC_LOGIT_HEAD = [
    "0.000000,0.333333,0.333333,0.333333,0.5,0.5",
    "0.022853,0.335873,0.328284,0.335843,0.501962,0.498038",
    "0.047978,0.338668,0.322803,0.33853,0.504249,0.495751",
    "0.075600,0.341747,0.316863,0.34139,0.506915,0.493085",
    "0.105965,0.345145,0.310443,0.344413,0.510023,0.489977",
    "0.139346,0.348902,0.303519,0.347578,0.51364,0.48636",
]
# gambit-enumpoly -S on Figure 1 (doc/tools.enumpoly.rst).
DOC_ENUMPOLY = [
    "NE,1.000000,0.000000,1.000000,0.000000,0.000000,1.000000",
    "NE,0.000000,1.000000,1.000000,0.000000,1.000000,0.000000",
    "NE,0.000000,1.000000,0.333333,0.666667,1.000000,0.000000",
    "NE,1.000000,0.000000,1.000000,0.000000,0.250000,0.750000",
]
# gambit-lp on its 2x2 constant-sum example (doc/tools.lp.rst).
DOC_LP = ["NE,1/3,2/3,1/3,2/3"]


def run(*args, stdin=None, program=None):
    """Runs the CLI (or the link `program` to it) with `args`."""
    return subprocess.run(
        [str(program or CLI), *map(str, args)],
        input=stdin or "",
        capture_output=True,
        text=True,
        timeout=120,
    )


def write(tmp_path, text, name="game.nfg"):
    path = tmp_path / name
    path.write_text(text)
    return path


def out(result):
    """Standard output of a run that must succeed, as lines."""
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def gambit_bin(tmp_path):
    """A folder of links named as Gambit's tools, all to dilemma."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in TOOLS:
        (folder / f"gambit-{tool}").symlink_to(os.path.abspath(CLI))
    return folder


@pytest.fixture
def games(tmp_path):
    return {
        name: write(tmp_path, text, f"{name}.nfg")
        for name, text in {
            "fig2": SELTEN_FIG2,
            "horse": SELTEN_HORSE,
            "const": CONSTANT_SUM,
            "battle": BATTLE,
            "nonconst": NOT_CONSTANT_SUM,
        }.items()
    }


# ---- Gambit's documented output, line by line --------------------------------


def spellings(tool, *flags, game):
    """The arguments of `dilemma solve -m TOOL` and `dilemma TOOL` (the third
    way, a link named gambit-TOOL, is run by the caller)."""
    return [("solve", "-m", tool, *flags, game), (tool, *flags, game)]


@pytest.mark.parametrize(
    "tool, flags, game, expected, ordered",
    [
        ("enumpure", ("-S",), "fig2", DOC_ENUMPURE, True),
        ("enummixed", (), "fig2", DOC_ENUMMIXED, False),
        ("simpdiv", (), "fig2", DOC_SIMPDIV, True),
        ("enumpoly", ("-S",), "horse", DOC_ENUMPOLY, False),
        ("lp", (), "const", DOC_LP, True),
    ],
)
def test_the_documentation_examples(gambit_bin, games, tool, flags, game, expected, ordered):
    # The order of the lines is Gambit's where the method finds them in
    # Gambit's order; enummixed sorts them, enumpoly finds them in another
    # order of supports: compared as sets there.
    runs = [run(*args, program=None) for args in spellings(tool, "-q", *flags, game=games[game])]
    runs.append(run("-q", *flags, games[game], program=gambit_bin / f"gambit-{tool}"))
    for result in runs:
        lines = out(result)
        assert result.stderr == ""
        assert (lines if ordered else sorted(lines)) == (expected if ordered else sorted(expected))


def test_enummixed_c_prints_the_convex_sets_after_the_extreme_equilibria(gambit_bin, games):
    lines = out(run("-q", "-c", games["fig2"], program=gambit_bin / "gambit-enummixed"))
    assert sorted(lines) == sorted(DOC_ENUMMIXED_C)
    assert [line.split(",")[0] for line in lines] == ["NE", "NE", "convex-1", "convex-1"]
    assert lines[2:] == DOC_ENUMMIXED_C[2:]  # Gambit's order within the set


def test_logit_prints_gambits_branch_then_the_limit(gambit_bin, games):
    lines = out(run("-q", "-S", games["fig2"], program=gambit_bin / "gambit-logit"))
    assert lines[: len(DOC_LOGIT_HEAD)] == DOC_LOGIT_HEAD
    lambdas = []
    for line in lines[:-1]:
        # lambda with six decimals, then six significant digits (%g) per probability
        lam, *probabilities = line.split(",")
        assert re.fullmatch(r"\d+\.\d{6}", lam), line
        assert len(probabilities) == 5
        assert all(p == f"{float(p):.6g}" for p in probabilities), line
        lambdas.append(float(lam))
    assert lambdas == sorted(lambdas) and lambdas[-1] > 1000
    # The limit: player 1 plays R, player 2 is on the segment q(L) <= 1/2.
    last = lines[-1].split(",")
    assert last[0] == "NE" and last[1:4] == ["1", "0", "0"]
    assert float(last[5]) <= 0.5 and abs(float(last[4]) + float(last[5]) - 1) < 1e-5
    # The same lines from every spelling; -e prints the limit only.
    for args in spellings("logit", "-q", game=games["fig2"]):
        assert out(run(*args)) == lines
    assert out(run("logit", "-q", "-e", games["fig2"])) == lines[-1:]
    assert out(run("solve", "-m", "logit", "-e", games["fig2"])) == lines[-1:]


def test_a_gambit_users_script_runs_unchanged(gambit_bin, games, tmp_path):
    # A shell script as a Gambit user writes one, run with the links first on PATH.
    script = tmp_path / "solve-all.sh"
    script.write_text(
        "set -e\n"
        'game="$1"\n'
        'for tool in enumpure enummixed lcp; do gambit-$tool -q "$game"; done\n'
        'gambit-enummixed -q -d 4 "$game" | grep -c "^NE,"\n'
        'gambit-lcp -q -e 1 < "$game"\n'
        'gambit-logit -q -e -d 3 "$game"\n'
        'gambit-simpdiv -q "$game"\n'
        'gambit-enumpoly -q "$game" | wc -l\n'
    )
    env = dict(os.environ, PATH=f"{gambit_bin}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run(
        ["sh", str(script), str(games["battle"])], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    pure = ["NE,1,0,1,0", "NE,0,1,0,1"]
    mixed = "NE,2/3,1/3,1/3,2/3"
    assert lines[:2] == pure  # enumpure, in Gambit's order
    assert sorted(lines[2:5]) == sorted(pure + [mixed])  # enummixed
    assert sorted(lines[5:8]) == sorted(pure + [mixed])  # lcp reaches all three
    assert lines[8] == "3"
    assert lines[9] in pure  # one Lemke-Howson path
    assert lines[10] == "NE,0.667,0.333,0.333,0.667"  # logit's limit, the mixed one: %g, 3 digits
    assert lines[11] in pure + [mixed]  # simpdiv: exact fractions
    assert lines[12].strip() == "3"
    assert len(lines) == 13


# ---- the flags ---------------------------------------------------------------


def test_q_and_the_banner_v_and_h(games):
    for tool in TOOLS:
        loud = run(tool, games["const"])
        quiet = run(tool, "-q", games["const"])
        assert loud.returncode == quiet.returncode == 0, (tool, loud.stderr)
        assert loud.stdout == quiet.stdout and quiet.stderr == ""
        banner = loud.stderr.split("\n")
        assert len(banner) == 5 and banner[3:] == ["", ""], loud.stderr  # three lines and a blank one
        assert f"gambit-{tool}" in banner[1] and "dilemma" in banner[1]
        version = run(tool, "-v")
        assert version.returncode == 0 and version.stdout == "" and version.stderr == loud.stderr
        assert run(tool, "--version").stderr == loud.stderr
        usage = run(tool, "-h")
        assert usage.returncode == 0 and usage.stdout.startswith(f"Usage: dilemma {tool} [OPTIONS] [GAME]")
        assert run(tool, "--help").stdout == usage.stdout
    assert out(run("solve", "-v"))[0].startswith("dilemma ")
    assert "Gambit's flags" in run("solve", "-h").stdout


@pytest.mark.parametrize(
    "tool, text",
    [
        ("enumpure", "-D -S -A"),
        ("enummixed", "-d DECIMALS -c"),
        ("lcp", "-d DECIMALS -D -S -e EQA -r DEPTH"),
        ("lp", "-d DECIMALS -D -S"),
        ("enumpoly", "-d DECIMALS -S -m MAXREGRET -e EQA -r RECTANGLES -V"),
        ("logit", "-d DECIMALS -S -s STEP -a ACCEL -m MAXREGRET -l LAMBDA -L FILE -e"),
        ("simpdiv", "-d DECIMALS -g MULT -m MAXREGRET -V -r DENOM -n COUNT -R SEED -s FILE"),
    ],
)
def test_each_tool_documents_gambits_flags(tool, text):
    usage = run(tool, "-h").stdout
    for flag in text.split(" -"):
        assert "  " + ("" if flag.startswith("-") else "-") + flag in usage, flag
    assert "  -q " in usage and "  -h, --help" in usage and "  -v, --version" in usage


def test_d_decimals(games):
    # Exact methods compute in floating point with -d, as Gambit's.
    assert sorted(out(run("enummixed", "-q", "-d", "4", games["fig2"]))) == [
        "NE,1.0000,0.0000,0.0000,0.5000,0.5000",
        "NE,1.0000,0.0000,0.0000,1.0000,0.0000",
    ]
    assert out(run("lp", "-qd2", games["const"])) == ["NE,0.33,0.67,0.33,0.67"]
    assert out(run("solve", "-m", "lp", "-d", "2", games["const"])) == ["NE,0.33,0.67,0.33,0.67"]
    assert out(run("simpdiv", "-q", "-d", "3", games["fig2"])) == ["NE,1.000,0.000,0.000,1.000,0.000"]
    assert out(run("simpdiv", "-q", "-d", "0", games["fig2"])) == DOC_SIMPDIV  # 0: fractions
    assert out(run("enumpoly", "-q", "-d", "2", games["horse"]))[0] == "NE,1.00,0.00,1.00,0.00,0.00,1.00"
    # logit: -d digits of lambda after the point, significant digits of probabilities.
    assert out(run("logit", "-q", "-d", "3", games["fig2"]))[:2] == [
        "0.000,0.333,0.333,0.333,0.5,0.5",
        "0.023,0.336,0.328,0.336,0.502,0.498",
    ]


def test_D_prints_a_table_per_player(games):
    # The layout of Gambit's -D: label right-aligned in 8 columns, probability
    # in 10 and the strategy's expected payoff in 11; exact for exact methods.
    table = [
        "Strategy profile for player 1:",
        "Strategy   Prob          Value",
        "--------   -----------   -----------",
        "       R             1             1",
        "      Lr             0             0",
        "      Ll             0             0",
        "Strategy profile for player 2:",
        "Strategy   Prob          Value",
        "--------   -----------   -----------",
        "       R             1             1",
        "       L             0             1",
    ]
    assert out(run("enumpure", "-q", "-D", games["fig2"])) == table
    assert out(run("solve", "-D", games["fig2"])) == table
    lp = out(run("lp", "-q", "-D", games["const"]))
    assert lp[3:5] == ["       1           1/3          -2/3", "       2           2/3          -2/3"]
    assert lp[8:] == ["       1           1/3           2/3", "       2           2/3           2/3"]
    floating = out(run("lcp", "-q", "-D", "-d", "3", "-e", "1", games["fig2"]))
    assert len(floating) == 11 and re.fullmatch(r" +R +\d\.\d{3} +\d\.\d{3}", floating[3])


def test_e_stops_after_eqa_equilibria(games):
    every = out(run("lcp", "-q", games["battle"]))
    assert len(every) == 3
    assert out(run("lcp", "-q", "-e", "0", games["battle"])) == every  # 0: all, as Gambit
    two = out(run("lcp", "-q", "-e", "2", games["battle"]))
    assert len(two) == 2 and set(two) <= set(every)
    (one,) = out(run("lcp", "-q", "-e1", games["battle"]))
    assert one in every
    assert out(run("solve", "-m", "lcp", "-e", "1", games["battle"])) == [one]
    assert out(run("enumpoly", "-q", "-e", "1", games["horse"])) == DOC_ENUMPOLY[:1]
    assert len(out(run("enumpoly", "-q", "-e", "3", games["horse"]))) == 3


def test_r_maps_to_the_nearest_knob_and_says_so(games):
    every = sorted(out(run("lcp", "-q", games["battle"])))
    # -r 1: only the paths from the artificial equilibrium (they reach the two
    # pure equilibria here); other depths: every path, with a note.
    first = out(run("lcp", "-q", "-r", "1", games["battle"]))
    assert set(first) <= set(every) and len(first) >= 1
    deep = run("lcp", "-r", "5", games["battle"])
    assert sorted(out(deep)) == every
    assert "note: lcp -r 5" in deep.stderr and "no depth limit" in deep.stderr
    assert "note" not in run("lcp", "-q", "-r", "5", games["battle"]).stderr
    boxes = run("enumpoly", "-r", "500", games["horse"])
    assert sorted(out(boxes)) == sorted(DOC_ENUMPOLY)
    assert "note: enumpoly -r 500: at most 500 boxes per support" in boxes.stderr
    solve = run("solve", "-m", "enumpoly", "-r", "500", games["horse"])
    assert out(solve) == out(boxes) and "dilemma: note: enumpoly -r 500" in solve.stderr


def test_logit_s_a_m_and_l(games):
    default = out(run("logit", "-q", games["fig2"]))
    coarse = out(run("logit", "-q", "-s", "0.3", "-a", "2", games["fig2"]))
    assert len(coarse) < len(default)
    assert coarse[0] == default[0] and coarse[-1].startswith("NE,1,0,0,")
    loose = out(run("logit", "-q", "-m", "1e-3", games["fig2"]))
    assert len(loose) < len(default)
    assert out(run("solve", "-m", "logit", "-m", "1e-3", games["fig2"])) == loose
    assert out(run("solve", "-m", "1e-3", "-m", "logit", games["fig2"])) == loose
    # -l: the points at each LAMBDA, in the order given, after the branch up
    # to the largest (only the points with -e).
    points = out(run("logit", "-q", "-e", "-l", "1", "-l", "0.5", games["fig2"]))
    assert [line.split(",")[0] for line in points] == ["1.000000", "0.500000"]
    assert all(len(line.split(",")) == 6 for line in points)
    with_branch = out(run("logit", "-q", "-l", "1", "-l", "0.5", games["fig2"]))
    assert with_branch[-2:] == points
    assert with_branch[: len(DOC_LOGIT_HEAD)] == DOC_LOGIT_HEAD
    assert all(float(line.split(",")[0]) <= 1 for line in with_branch)
    estimate = run("logit", "-q", "-L", "data.csv", games["fig2"])
    assert estimate.returncode == 1 and "-L FILE" in estimate.stderr and "not supported" in estimate.stderr


def test_V_prints_singular_supports_and_the_start(games):
    # Figure 2 has a segment of equilibria: enumpoly prints its isolated
    # ones, and with -V the supports it could not isolate, one digit per
    # strategy as gambit-enumpoly -V.
    plain = out(run("enumpoly", "-q", games["fig2"]))
    assert all(line.startswith("NE,") for line in plain)
    verbose = out(run("enumpoly", "-q", "-V", games["fig2"]))
    assert verbose[: len(plain)] == plain
    assert all(re.fullmatch(r"singular,[01]{3},[01]{2}", line) for line in verbose[len(plain):])
    assert out(run("enumpoly", "-q", "--verbose", games["horse"]))[4:] == ["singular,10,10,11", "singular,01,11,10"]
    assert out(run("simpdiv", "-q", "-V", games["fig2"])) == ["start,1,0,0,1,0"] + DOC_SIMPDIV


def test_S_A_and_c_are_accepted(games):
    assert out(run("enumpure", "-q", "-S", "-A", games["fig2"])) == DOC_ENUMPURE
    assert out(run("enumpure", "-qSA", games["fig2"])) == DOC_ENUMPURE
    assert sorted(out(run("solve", "-m", "enummixed", "-c", games["fig2"]))) == sorted(DOC_ENUMMIXED_C)


def test_getopt_spellings_and_standard_input(games):
    # Options after GAME, clustered letters, attached values, -- and -.
    expected = out(run("enummixed", "-q", "-d", "3", games["battle"]))
    assert out(run("enummixed", games["battle"], "-q", "-d", "3")) == expected
    assert out(run("enummixed", "-qd3", games["battle"])) == expected
    assert out(run("enummixed", "-qd", "3", "--", games["battle"])) == expected
    text = games["battle"].read_text()
    assert out(run("enummixed", "-qd3", stdin=text)) == expected
    assert out(run("enummixed", "-qd3", "-", stdin=text)) == expected
    # In solve, -m may close a cluster too; the method decides what -e means.
    assert out(run("solve", "-qm", "enummixed", "-d3", games["battle"])) == expected
    assert out(run("solve", "-cqmenummixed", "-d3", games["battle"]))[:3] == expected
    assert len(out(run("solve", "-e", "1", "-m", "lcp", games["battle"]))) == 1


# ---- errors, in Gambit's words ---------------------------------------------


def check_error(result, *fragments, status=1):
    assert result.returncode == status, (result.returncode, result.stderr)
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


def test_errors_use_gambits_words(gambit_bin, games, tmp_path):
    # Unknown option: "PROGRAM: Unknown option `-x'." and status 1, as Gambit.
    check_error(run("lcp", "-x", games["battle"]), "dilemma lcp: Unknown option `-x'.")
    check_error(run("-x", games["battle"], program=gambit_bin / "gambit-lcp"), "gambit-lcp: Unknown option `-x'.")
    check_error(run("enummixed", "-e", "1", games["battle"]), "Unknown option `-e'.")  # not a flag of enummixed
    check_error(run("enumpure", "--eliminate", games["battle"]), "Unknown option `--eliminate'.")
    check_error(run("lcp", "-q", "-d"), "Option `-d' requires an argument.")
    # A file that cannot be opened: "PROGRAM: FILE: reason", as Gambit.
    missing = tmp_path / "missing.nfg"
    check_error(run("lcp", "-q", missing), f"dilemma lcp: {missing}: No such file or directory")
    # Solver errors: "Error: ...", Gambit's sentence first.
    check_error(run("lcp", "-q", games["horse"]), "Error: Method only valid for two-player games")
    check_error(run("enummixed", "-q", games["horse"]), "Error: Method only valid for two-player games")
    # Profiles counted from 1, as Gambit users count strategies.
    check_error(
        run("lp", "-q", games["nonconst"]),
        "Error: Method only valid for constant-sum games: the payoffs sum to 0 at profile (1, 1) "
        "and to -1 at (2, 2).",
    )
    check_error(run("simpdiv", "-q", "-r", "5", games["fig2"]), "-r DENOM", "not supported")
    check_error(run("logit", "-q", "-a", "1", games["fig2"]), "-a needs a finite number > 1")
    check_error(run("simpdiv", "-q", "-g", "1", games["fig2"]), "-g needs an integer >= 2")
    bad = write(tmp_path, 'NFG 1 R "" { "1" "2" } { 2 2 }\n1 2 3 abc\n', "bad.nfg")
    check_error(run("enumpure", "-q", bad), "Error: ", "line 2, column 7")
    check_error(run("liap", games["fig2"]), "no method of gambit-liap", status=2)


def test_solve_takes_only_the_flags_of_its_methods_tool(games):
    # solve keeps dilemma's conventions: "dilemma: " and status 2 for the command line.
    check_error(
        run("solve", "-m", "enummixed", "-e", "1", games["battle"]),
        "dilemma: Unknown option `-e' for method enummixed (the flags of gambit-enummixed are -c -d)",
        status=2,
    )
    check_error(run("solve", "-m", "support", "-D", games["battle"]), "not a Gambit tool", status=2)
    check_error(run("solve", "-m", "1e-4", games["battle"]), 'unknown method "1e-4"', "maximum regret", status=2)
    check_error(run("solve", "-m", "lcp", games["horse"]), "dilemma: Method only valid for two-player games")


@pytest.mark.parametrize(
    "tool, flags",
    [
        ("enumpure", ("-D",)),
        ("enummixed", ("-c", "-d", "5")),
        ("lcp", ("-e", "2", "-r", "1")),
        ("lp", ("-D", "-d", "3")),
        ("enumpoly", ("-e", "2", "-m", "1e-6", "-V")),
        ("logit", ("-e", "-s", "0.05", "-a", "1.2")),
        ("simpdiv", ("-g", "3", "-m", "1e-8", "-V")),
    ],
)
def test_solve_m_tool_is_dilemma_tool(games, tool, flags):
    game = games["const"]
    assert out(run("solve", "-m", tool, *flags, game)) == out(run(tool, "-q", *flags, game))
