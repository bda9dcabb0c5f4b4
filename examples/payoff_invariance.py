"""The main job: reproduce the payoff-invariance argument of the confession model (docs/model.md).

    .venv/bin/python examples/payoff_invariance.py [--output-dir output] [--large-n 1000]

For every preset of the model, at n = 5 and at a large n (in compact form),
prints one block: payoff invariance, the pure equilibria (count classes with
their multiplicities), dominance, the other consequences of the invariance
theorem, the prices of anarchy and stability, the n-person prisoner's
dilemma verdict with Schelling's k*, and for hoped_leniency the cost of the
false hope. What holds at both n is said once. A closing table compares the
presets. Writes Schelling diagrams as PNG files.
"""
import argparse
import os
import textwrap
from pathlib import Path

import dilemma
from dilemma.reproduction import format_comparison, format_preset, preset_summary

PLOTTED = ("invariant_purge", "invariant_purge_externality", "leniency_for_naming", "ordered_leniency")
PLOTTED_N = 12


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="The model, its presets and the theorem the report checks: docs/model.md in the dilemma project.")
    parser.add_argument("--output-dir", default="output", help="where the PNG files go (default: output)")
    parser.add_argument("--large-n", type=int, default=1000, help="the large population (default: 1000)")
    args = parser.parse_args()

    print("The confession dilemma (docs/model.md): deny, confess, or confess and name accomplices.")
    print('Source: "the prisoner most often was still punished the same whatever they chose".\n')
    summaries = []
    for preset in dilemma.confession_preset_names():
        block = [preset_summary(n, preset) for n in (5, args.large_n)]
        summaries += block
        print(format_preset(block), end="\n\n", flush=True)
    print(format_comparison(summaries), end="\n\n")

    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib.pyplot as plt
    from dilemma.plotting import schelling_diagram

    output = Path(args.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    for preset in PLOTTED:
        ax = schelling_diagram(dilemma.confession_game(PLOTTED_N, preset),  # titled with the preset and n
                               ylabel="my payoff (minus my sentence)")
        path = output / f"schelling_{preset}.png"
        ax.figure.savefig(path, dpi=110)
        plt.close(ax.figure)
    files = ", ".join(f"schelling_{preset}.png" for preset in PLOTTED)
    print(textwrap.fill(f"Schelling diagrams (n = {PLOTTED_N}) in {output}/: {files}", 100))


if __name__ == "__main__":
    main()
