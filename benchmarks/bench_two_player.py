"""Two-player solvers against lrsnash: all extreme equilibria of random games.

    .venv/bin/python benchmarks/bench_two_player.py [--lrs-timeout S] [--sizes 10:10 15:5 20:2]

For each size k and count c: c games k x k with integer payoffs 0..99
(numpy default_rng(seed k)), then degenerate ones (payoffs 0..3). Times
dilemma.vertex_enumeration from Python (floating point, and exact with
rational=True) as wall time, and lrsnash as process time (user + system
CPU of the child). Checks that the exact equilibrium sets equal lrsnash's and
that the floating ones match them. Prints a Markdown table.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import dilemma

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "python"))
from lrs_oracle import LRSNASH, lrsnash_input, parse_lrsnash  # noqa: E402


def lrsnash_time(A, B, workdir, timeout):
    """(process seconds, equilibria) of lrsnash, or (None, None) past the timeout."""
    from run import process_time  # the shared timing helper of benchmarks/run.py

    path = Path(workdir) / "game.lrs"
    path.write_text(lrsnash_input(A, B))
    try:
        seconds, output = process_time(["timeout", str(timeout), LRSNASH, str(path)])
    except RuntimeError:  # killed by timeout
        return None, None
    return seconds, parse_lrsnash(output)


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def matches(floating, exact, tol=1e-6):
    if len(floating) != len(exact):
        return False
    points = [np.array([float(v) for v in x + y]) for x, y in exact]
    return all(any(np.max(np.abs(np.concatenate(p) - q)) <= tol for q in points) for p in floating)


def run_size(size, count, high, lrs_timeout, workdir):
    rng = np.random.default_rng(size if high == 99 else 1000 + size)
    ours, exact_times, lrs, equal, found, timeouts = [], [], [], 0, [], 0
    for _ in range(count):
        A, B = rng.integers(0, high + 1, (size, size)), rng.integers(0, high + 1, (size, size))
        game = dilemma.NormalFormGame.from_arrays(A.astype(float), B.astype(float))
        seconds, floating = timed(lambda: dilemma.vertex_enumeration(game))
        ours.append(seconds)
        seconds, exact = timed(lambda: dilemma.vertex_enumeration(game, rational=True))
        exact_times.append(seconds)
        exact_set = {(tuple(x), tuple(y)) for x, y in exact}
        found.append(len(exact_set))
        lrs_seconds, reference = (None, None) if LRSNASH is None else lrsnash_time(A.tolist(), B.tolist(), workdir, lrs_timeout)
        if lrs_seconds is None:
            timeouts += 1
            continue
        lrs.append(lrs_seconds)
        equal += reference == exact_set and matches(floating, sorted(exact_set))
    return {"size": size, "high": high, "count": count, "ours": ours, "exact": exact_times, "lrs": lrs,
            "equal": equal, "found": found, "timeouts": timeouts}


def row(result, lrs_timeout):
    ours, lrs = result["ours"], result["lrs"]
    kind = "0..99" if result["high"] == 99 else f"0..{result['high']}"
    lrs_text = "not run" if LRSNASH is None else (
        f"{statistics.median(lrs):.3g} (max {max(lrs):.3g})" if lrs else f"> {lrs_timeout} s (timeout)")
    if result["timeouts"] and lrs:
        lrs_text += f"; {result['timeouts']} over {lrs_timeout} s"
    speedup = f"{statistics.median(lrs) / statistics.median(ours):.0f}x" if lrs else (
        f"> {lrs_timeout / statistics.median(ours):.0f}x" if LRSNASH else "")
    checked = len(lrs)
    return (f"| {result['size']}x{result['size']}, payoffs {kind} | {result['count']} | "
            f"{statistics.median(ours):.3g} (max {max(ours):.3g}) | {statistics.median(result['exact']):.3g} | "
            f"{lrs_text} | {speedup} | {min(result['found'])}-{max(result['found'])} | "
            f"{result['equal']}/{checked} |")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lrs-timeout", type=float, default=300, help="seconds per lrsnash run")
    parser.add_argument("--sizes", nargs="*", default=["10:10", "15:5", "20:2"],
                        help="SIZE:COUNT pairs of random games with payoffs 0..99")
    parser.add_argument("--degenerate", nargs="*", default=["10:10", "15:3"],
                        help="SIZE:COUNT pairs of games with payoffs 0..3")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print("| games | count | vertex_enumeration (s), median | rational=True (s) | lrsnash (s), median | "
          "speedup | extreme equilibria | same sets as lrsnash |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as workdir:
        for specs, high in ((args.sizes, 99), (args.degenerate, 3)):
            for spec in specs:
                size, count = map(int, spec.split(":"))
                print(row(run_size(size, count, high, args.lrs_timeout, workdir), args.lrs_timeout), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
