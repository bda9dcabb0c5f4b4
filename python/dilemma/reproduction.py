"""The payoff-invariance reproduction of MODEL.md: one readable summary per preset."""
import math
import time

from . import _core
from .confession import confession_game, confession_parameters
from .solvers import pure_nash


def _classes_text(classes, labels, limit=4):
    shown = []
    for c in classes[:limit]:
        parts = ", ".join(f"{count} {label}" for count, label in zip(c.counts, labels) if count)
        shown.append(f"({parts}) x{_format_int(c.multiplicity)}")
    more = f" ... and {len(classes) - limit} more classes" if len(classes) > limit else ""
    return "; ".join(shown) + more


def _format_int(value):
    return str(value) if value < 10**12 else f"10^{math.log10(value):.1f}"


def preset_summary(num_players, preset):
    """Computes everything the reproduction reports for one preset; returns a dict."""
    start = time.perf_counter()
    game = confession_game(num_players, preset)
    parameters = confession_parameters(preset)
    labels = game.action_labels
    report = _core.invariance_report(game)
    equilibria = pure_nash(game)
    summary = {
        "preset": preset,
        "description": _core.confession_preset(preset).description,
        "num_players": num_players,
        "game": game,
        "report": report,
        "equilibria": equilibria,
        "dominated": [labels[a] for a in _core.dominated_actions(game)],
        "weakly_dominated": [labels[a] for a in _core.dominated_actions(game, weak=True)],
        "separable": parameters.is_separable(),
    }
    if parameters.is_separable():
        g = _core.naming_gain(parameters)
        summary["naming_gain"] = g
        summary["n_person_pd"] = _core.is_n_person_prisoners_dilemma(parameters, num_players)
        if g > 0 and parameters.named_cost + parameters.confession_cost > 0:
            summary["schelling_k"] = _core.schelling_minimum_coalition(parameters)
    if preset == "hoped_leniency":
        real = confession_game(num_players, preset, real=True)
        summary["believed_versus_real"] = _core.believed_versus_real(game, real)
    summary["seconds"] = time.perf_counter() - start
    return summary


def format_summary(summary):
    """The summary as readable text."""
    report, labels = summary["report"], summary["game"].action_labels
    lines = [f"== {summary['preset']}, n = {summary['num_players']}: {summary['description']}"]
    for line in str(report).strip().splitlines():
        lines.append("   " + line)
    lines.append("   equilibrium classes: " + _classes_text(summary["equilibria"], labels))
    dominated = ", ".join(summary["dominated"]) or "none"
    lines.append(f"   strictly dominated actions: {dominated}; weakly: {', '.join(summary['weakly_dominated']) or 'none'}")
    if "naming_gain" in summary:
        verdict = "yes" if summary["n_person_pd"] else "no"
        k = f", Schelling's k* = {summary['schelling_k']}" if "schelling_k" in summary else ""
        lines.append(f"   naming gain g = {summary['naming_gain']:g}; n-person prisoner's dilemma: {verdict}{k}")
    else:
        lines.append("   not separable (tiered leniency or sucker premium): closed forms do not apply")
    if "believed_versus_real" in summary:
        result = summary["believed_versus_real"]
        n = summary["num_players"]
        for outcome in result.outcomes:
            behaviour = _classes_text([outcome.behaviour], labels)
            against_worst, against_best = outcome.cost_of_belief_range
            lines.append(f"   believed game -> behaviour {behaviour}; real payoff per person "
                         f"{outcome.real_welfare / n:g} against the real optimum {result.real_best_welfare / n:g} "
                         f"(inefficiency {outcome.inefficiency:g})")
            lines.append(f"   cost of the false hope: {against_worst:g} to {against_best:g} per person "
                         f"(against the worst and the best real equilibrium)")
    lines.append(f"   ({summary['seconds'] * 1e3:.0f} ms)")
    return "\n".join(lines)
