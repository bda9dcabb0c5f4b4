"""The lrsnash program (Debian package lrslib) as an oracle for two-player games.

lrsnash enumerates all extreme equilibria of a bimatrix game in exact
arithmetic (Avis, Rosenberg, Savani & von Stengel, "Enumeration of Nash
equilibria for two-player games", Economic Theory 42, 2010). Its input is
"m n", then A and B row by row; each equilibrium block of its output is one or
more lines "2 y_1 ... y_n payoff_1" (column strategies) followed by one line
"1 x_1 ... x_m payoff_2" (the row strategy they pair with).
"""
import shutil
import subprocess
from fractions import Fraction

LRSNASH = shutil.which("lrsnash")


def _number(value):
    return str(Fraction(value).limit_denominator(10**12) if isinstance(value, float) else Fraction(value))


def lrsnash_input(A, B):
    """The text of lrsnash's input file for payoff matrices A and B (integers or Fractions)."""
    m, n = len(A), len(A[0])
    lines = [f"{m} {n}", ""]
    for matrix in (A, B):
        lines += [" ".join(_number(v) for v in row) for row in matrix]
        lines.append("")
    return "\n".join(lines) + "\n"


def parse_lrsnash(text):
    """The set of equilibria ((x...), (y...)) of lrsnash's output, as Fractions."""
    equilibria = set()
    pending = []
    for line in text.splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("*"):
            continue
        values = tuple(Fraction(f) for f in fields[1:-1])  # the last field is a payoff
        if fields[0] == "2":
            pending.append(values)
        elif fields[0] == "1":
            equilibria.update((values, y) for y in pending)
            pending = []
    return equilibria


def lrsnash(A, B, tmp_path):
    """All extreme equilibria of (A, B) according to lrsnash."""
    path = tmp_path / "game.lrs"
    path.write_text(lrsnash_input(A, B))
    result = subprocess.run([LRSNASH, str(path)], capture_output=True, text=True, timeout=600, check=True)
    return parse_lrsnash(result.stdout)
