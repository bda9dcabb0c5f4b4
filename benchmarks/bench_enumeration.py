"""enumerate_equilibria on Gambit's example games, against Gambit's own answers.

    .venv/bin/python benchmarks/bench_enumeration.py [ORACLE_DIR]

ORACLE_DIR (default ../shared/oracle/gambit-games, or $DILEMMA_GAMBIT_ORACLE)
holds Gambit's .nfg files with what gambit-enumpoly and gambit-gnm printed
(<game>.enumpoly.out, <game>.gnm.out). They are Gambit's data and stay out of
this repository: the script reads them where they are and skips when absent.

For every game: the time of enumerate_equilibria, its equilibria and singular
supports, and whether every profile Gambit printed is covered - within 1e-4
of an isolated equilibrium found, or with the support of a reported singular
support (a point of a continuum). Profiles Gambit printed that are not
equilibria (regret above 1e-4 times the payoff range, or probabilities not
summing to 1: gnm on degenerate games) are counted apart as "Gambit's wrong".
Every profile dilemma returns is checked by its regret first.
"""
import os
import sys
import time
from pathlib import Path

import numpy as np

import dilemma

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "oracle" / "gambit-games"


def gambit_profiles(path, nums):
    profiles = []
    if not path.exists():
        return profiles
    for line in path.read_text().splitlines():
        if not line.startswith("NE,"):
            continue
        values = np.array([float(v) for v in line[3:].split(",")])
        profiles.append(tuple(np.split(values, np.cumsum(nums)[:-1])))
    return profiles


def support_of(profile, tol=1e-6):
    return tuple(tuple(int(a) for a in np.flatnonzero(x > tol)) for x in profile)


def is_equilibrium(game, profile, range_):
    if any(abs(x.sum() - 1) > 1e-4 or x.min() < -1e-9 for x in profile):
        return False
    return dilemma.regret(game, tuple(x / x.sum() for x in profile)) <= 1e-4 * range_


def covered(profile, result):
    close = any(all(np.allclose(x, y, atol=1e-4) for x, y in zip(profile, found)) for found in result.equilibria)
    return close or any(s.support == support_of(profile) for s in result.singular_supports)


def main(argv=()):
    oracle = Path(argv[0] if argv else os.environ.get("DILEMMA_GAMBIT_ORACLE", DEFAULT))
    if not oracle.is_dir():
        print(f"skipped: no Gambit oracle at {oracle}")
        return 0
    print("| game | shape | dilemma isolated | singular supports | exhaustive | enumpoly | gnm | Gambit's covered | Gambit's wrong | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    failures = 0
    for path in sorted(oracle.glob("*.nfg")):
        game = dilemma.read_nfg(path)
        nums = list(game.nums_actions)
        start = time.perf_counter()
        result = dilemma.enumerate_equilibria(game)
        seconds = time.perf_counter() - start
        values = np.concatenate([np.ravel(game.payoffs(i)) for i in range(game.num_players)])
        range_ = max(values.max() - values.min(), 1.0)
        tol = 1e-9 * range_
        bad = [p for p in result.equilibria if dilemma.regret(game, p) > tol]
        bad += [s.example for s in result.singular_supports if s.example is not None and dilemma.regret(game, s.example) > tol]
        stem = path.name[: -len(".nfg")]
        enumpoly = gambit_profiles(oracle / f"{stem}.enumpoly.out", nums)
        gnm = gambit_profiles(oracle / f"{stem}.gnm.out", nums)
        wrong = [p for p in enumpoly + gnm if not is_equilibrium(game, p, range_)]
        theirs = [p for p in enumpoly + gnm if is_equilibrium(game, p, range_)]
        missed = [p for p in theirs if not covered(p, result)]
        failures += len(missed) + len(bad)
        print(f"| {stem} | {'x'.join(map(str, nums))} | {len(result.equilibria)} | {len(result.singular_supports)} | "
              f"{'yes' if result.exhaustive else 'no'} | {len(enumpoly)} | {len(gnm)} | "
              f"{len(theirs) - len(missed)}/{len(theirs)} | {len(wrong)} | {seconds:.3f} |" + (f" {len(bad)} NOT VERIFIED" if bad else ""))
    print(f"\n{failures} Gambit profiles missed or dilemma profiles unverified")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
