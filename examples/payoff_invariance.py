"""The main job: reproduce the payoff-invariance argument of MODEL.md.

    .venv/bin/python examples/payoff_invariance.py [--output-dir output] [--large-n 1000]

For n = 5 and a large n (in compact form) and every preset, prints the
equilibria (count classes with multiplicity), dominance, the invariance
measures, welfare and PoA, the n-person PD verdict and Schelling's k*, and
the believed-versus-real comparison; writes Schelling diagrams as PNG.
"""
import argparse
import os
from pathlib import Path

import dilemma
from dilemma.reproduction import format_summary, preset_summary

PLOTTED = ("invariant_purge", "invariant_purge_externality", "leniency_for_naming", "ordered_leniency")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", default="output", help="where the PNG files go (default: output)")
    parser.add_argument("--large-n", type=int, default=1000, help="the large population (default: 1000)")
    args = parser.parse_args()

    print("The confession dilemma: deny, confess, or confess and name accomplices.")
    print('Source: "the prisoner most often was still punished the same whatever they chose".\n')
    for n in (5, args.large_n):
        for preset in dilemma.confession_preset_names():
            print(format_summary(preset_summary(n, preset)), end="\n\n")

    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib.pyplot as plt
    from dilemma.plotting import schelling_diagram

    output = Path(args.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    for preset in PLOTTED:
        ax = schelling_diagram(dilemma.confession_game(12, preset), title=f"Schelling diagram: {preset}, n = 12")
        path = output / f"schelling_{preset}.png"
        ax.figure.tight_layout()
        ax.figure.savefig(path, dpi=110)
        plt.close(ax.figure)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
