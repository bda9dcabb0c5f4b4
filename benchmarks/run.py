"""Runs the dilemma benchmarks and prints a Markdown table for RESULTS.md.

    make bench            (or: .venv/bin/python benchmarks/run.py [--repeats N])

Measures, in one run so that the numbers compare as ratios:
  * pure_nash in memory (C++), against the brute-force reference pure_nash_brute;
  * the `dilemma` CLI on a 10-player 3-action .nfg file, as process time
    (user + system CPU of the child, from wait4), median of repeated runs;
  * dilemma.pure_nash from Python on the same game;
  * pure equilibria of symmetric 3-action games in count form at n = 2000
    (about 2 million count classes), and compact versus dense at n = 10.
  * all extreme equilibria of random two-player games against lrsnash
    (benchmarks/bench_two_player.py; --skip-two-player to leave it out).
  * one verified equilibrium by simplicial subdivision on random n-player
    games, against logit_qre on the same games (--skip-simpdiv to leave it out).
  * enumerate_equilibria on Gambit's example games against Gambit's own answers,
    where the oracle folder exists (benchmarks/bench_enumeration.py;
    --skip-enumeration to leave it out).
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dilemma

ROOT = Path(__file__).resolve().parent.parent
BUILD = Path(os.environ.get("DILEMMA_BUILD_DIR", ROOT / "build" / "release"))


def process_time(command, stdin_path=None):
    """CPU seconds (user + system) of one run of `command`, and its stdout."""
    with open(stdin_path or os.devnull, "rb") as stdin, tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"{command} failed: {process.stderr.read().decode()}")
        out.seek(0)
        return usage.ru_utime + usage.ru_stime, out.read().decode()


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--large", action="store_true", help="also n = 100,000 pure equilibria (about a minute)")
    parser.add_argument("--skip-two-player", action="store_true",
                        help="leave out the two-player benchmark against lrsnash (several minutes)")
    parser.add_argument("--skip-enumeration", action="store_true",
                        help="leave out enumerate_equilibria on Gambit's example games (about a minute)")
    parser.add_argument("--skip-simpdiv", action="store_true",
                        help="leave out simplicial subdivision against logit_qre (about a minute)")
    args = parser.parse_args()
    cli = shutil.which("dilemma") or str(BUILD / "dilemma")
    bench = BUILD / "benchmarks" / "bench_pure_nash"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        nfg = Path(tmp) / "random_10x3.nfg"
        memory = json.loads(subprocess.check_output([str(bench), "10", "3", str(args.repeats), str(nfg)]))
        rows.append(("pure_nash in memory, 10 players x 3 actions (C++)", memory["pure_nash_s"],
                     f"{memory['equilibria']} equilibria; brute force {memory['brute_force_s'] * 1e3:.1f} ms "
                     f"({memory['speedup']:.0f}x slower)"))
        times = []
        for _ in range(args.repeats):
            seconds, output = process_time([cli, "solve", "--method", "enumpure", str(nfg)])
            times.append(seconds)
        lines = [line for line in output.splitlines() if line.startswith("NE,")]
        assert len(lines) == memory["equilibria"], (len(lines), memory)
        size_mb = nfg.stat().st_size / 1e6
        rows.append(("`dilemma solve --method enumpure` on the .nfg file (process time)",
                     statistics.median(times), f"{size_mb:.1f} MB file, 590,490 payoffs; min "
                     f"{min(times) * 1e3:.1f} ms"))
        game = dilemma.read_nfg(nfg)
        read_times = []
        for _ in range(5):
            start = time.perf_counter()
            dilemma.read_nfg(nfg)
            read_times.append(time.perf_counter() - start)
        rows.append(("dilemma.read_nfg from Python", statistics.median(read_times), ""))
        solve_times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            found = dilemma.pure_nash(game)
            solve_times.append(time.perf_counter() - start)
        assert len(found) == memory["equilibria"]
        rows.append(("dilemma.pure_nash from Python", statistics.median(solve_times), ""))
    symmetric = subprocess.check_output([str(BUILD / "benchmarks" / "bench_symmetric"), "2000", "5"], text=True)
    for line in symmetric.splitlines():
        result = json.loads(line)
        if "classes" in result:
            rows.append((f"symmetric pure_nash, n = {result['n']}, {result['game']} (C++)", result["seconds"],
                         f"{result['classes']:,} count classes, {result['equilibrium_classes']:,} equilibrium classes"))
        else:
            rows.append(("symmetric vs dense pure_nash, n = 10, same random game (C++)", result["compact_seconds"],
                         f"dense form {result['dense_seconds'] * 1e3:.2f} ms ({result['ratio']:.0f}x slower); "
                         f"both find {result['equilibria_dense']:,} equilibrium profiles"))
    scale = subprocess.check_output([str(BUILD / "benchmarks" / "bench_scale")] + (["--large"] if args.large else []),
                                    text=True)
    for line in scale.splitlines():
        result = json.loads(line)
        if "ratio" in result:
            rows.append((f"{result['benchmark']}, n = {result['n']} (C++)", result["compact_seconds"],
                         f"dense form {result['dense_seconds'] * 1e3:.3g} ms ({result['ratio']:.0f}x slower)"))
            continue
        notes = ", ".join(f"{key} {value:,}" if isinstance(value, int) else f"{key} {value}"
                          for key, value in result.items() if key not in ("benchmark", "seconds", "n"))
        rows.append((f"{result['benchmark']}, n = {result['n']:,} (C++)", result["seconds"], notes))
    print(f"Machine: {machine()}  ")
    print(f"Date: {datetime.datetime.now().isoformat(timespec='minutes')}  ")
    print(f"dilemma {dilemma.__version__}, medians of {args.repeats} runs\n")
    print("| benchmark | time (ms) | notes |")
    print("|---|---:|---|")
    for name, seconds, notes in rows:
        print(f"| {name} | {seconds * 1e3:.3g} | {notes} |")
    if not args.skip_simpdiv:
        print("\nSimplicial subdivision against logit_qre, random games with payoffs 0..99, 5 seeds:\n", flush=True)
        print(subprocess.check_output([str(BUILD / "benchmarks" / "bench_simpdiv"), "5", "8"], text=True), flush=True)
    if not args.skip_enumeration:
        import bench_enumeration

        print("\nAll equilibria of Gambit's example games against Gambit's answers:\n", flush=True)
        bench_enumeration.main()
    if not args.skip_two_player:
        import bench_two_player  # imports process_time from this module

        print("\nTwo-player games, all extreme equilibria (times in seconds):\n", flush=True)
        bench_two_player.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
