"""The main job's report: the payoff-invariance argument of docs/model.md, preset by preset.

:func:`preset_summary` computes what the report says about one preset at
one n; :func:`format_preset` writes one block per preset (what holds at
every n once, then what changes with n); :func:`format_comparison` is the
closing table, the whole argument on one screen.
"""
import textwrap

from . import _core
from ._repr import as_text, class_cell, count, counts_text, nonstrategic_verdict, number, yes
from .confession import believed_versus_real, confession_game, confession_parameters
from .solvers import pure_nash

SHOWN_CLASSES = 3  # equilibrium count classes listed in a block, at most
WIDTH = 100  # of a line of the report, where it can be kept to it


def preset_summary(num_players, preset):
    """Computes everything the reproduction reports for one preset; returns a dict."""
    game = confession_game(num_players, preset)
    parameters = confession_parameters(preset)
    labels = game.action_labels
    summary = {
        "preset": preset,
        "description": _core.confession_preset(preset).description,
        "num_players": num_players,
        "game": game,
        "report": _core.invariance_report(game),
        "equilibria": pure_nash(game),
        "dominated": [labels[a] for a in _core.dominated_actions(game)],
        "weakly_dominated": [labels[a] for a in _core.dominated_actions(game, weak=True)],
        "parameters": parameters,
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
        summary["believed_versus_real"] = believed_versus_real(game, real)
    return summary


def _classes(classes, labels, room):
    """The first equilibrium classes (as many as fit in ``room`` characters, at
    least one, at most SHOWN_CLASSES), then how many more there are."""
    shown = []
    for c in classes[:SHOWN_CLASSES]:
        more = f"; ... and {len(classes) - len(shown) - 1} more" if len(classes) > len(shown) + 1 else ""
        candidate = shown + [as_text(class_cell(c, labels))]
        if shown and len("; ".join(candidate) + more) > room:
            break
        shown = candidate
    more = f"; ... and {len(classes) - len(shown)} more" if len(classes) > len(shown) else ""
    return "; ".join(shown) + more


def _dominated(summary):
    strictly, weakly = summary["dominated"], summary["weakly_dominated"]
    only_weakly = [a for a in weakly if a not in strictly]
    parts = ([f"{', '.join(strictly)} (strictly)"] if strictly else []) + \
            ([f"{', '.join(only_weakly)} (weakly)"] if only_weakly else [])
    return "; ".join(parts) or "none"


def _dilemma(summary):
    if not summary["separable"]:
        parameters = summary["parameters"]
        why = " and ".join(reason for reason, present in (("tiered leniency", parameters.leniency_tiers),
                                                           ("a sucker premium", parameters.sucker_cost)) if present)
        return f"n-person prisoner's dilemma: the closed forms do not apply (not separable: {why})"
    k = f", Schelling's k* = {summary['schelling_k']}" if "schelling_k" in summary else ""
    return f"naming gain g = {number(summary['naming_gain'])}; n-person prisoner's dilemma: " \
           f"{yes(summary['n_person_pd'])}{k}"


def summary_lines(summary):
    """The verdicts and numbers for one preset at one n, one line each."""
    report, labels, n = summary["report"], summary["game"].action_labels, summary["num_players"]
    lines = [f"payoff-invariant: {yes(report.payoff_invariant)} (one's own choice changes one's payoff by at most "
             f"{number(report.epsilon)})"]
    pure = as_text([count(report.num_pure_equilibria, report.log10_num_pure_equilibria), " of ",
                  count(report.num_profiles, report.log10_num_profiles), " profiles"])
    lines.append(f"pure equilibria: {pure} ({count(report.num_equilibrium_classes)} of {count(report.num_classes)} "
                 f"count classes), strict: {count(report.num_strict_equilibria)}")
    if not report.every_profile_is_equilibrium:
        lines.append("equilibrium classes: " + _classes(summary["equilibria"], labels, WIDTH - 35))
    lines.append(f"dominated actions: {_dominated(summary)}")
    lines.append(f"every distribution a correlated equilibrium: {yes(report.every_distribution_correlated)}; "
                 f"logit QRE uniform for every lambda: {yes(report.qre_computed and report.qre_uniform)}")
    if report.decomposition_computed:  # not at large n: too large a least-squares problem
        lines.append("purely nonstrategic (Candogan et al.): "
                     + nonstrategic_verdict(report.potential_norm, report.harmonic_norm))
    if report.efficiency_defined:
        lines.append(f"price of anarchy {number(report.efficiency.price_of_anarchy)}, "
                     f"price of stability {number(report.efficiency.price_of_stability)}")
    lines.append(_dilemma(summary))
    if "believed_versus_real" in summary:
        result = summary["believed_versus_real"]
        for outcome in result.outcomes:
            against_worst, against_best = outcome.cost_of_belief_range
            lines.append(f"believed -> {counts_text(outcome.behaviour.counts, labels)}; real payoff per person "
                         f"{number(outcome.real_welfare / n)}, optimum {number(result.real_best_welfare / n)} "
                         f"(inefficiency {number(outcome.inefficiency)})")
            lines.append(f"cost of the false hope: {number(against_worst)} to {number(against_best)} per person "
                         f"(against the worst / best real equilibrium)")
    return lines


def format_preset(summaries):
    """One preset at several n (a list of :func:`preset_summary` dicts) as one
    block: the lines that hold at every n once, then those that change with n."""
    first = summaries[0]
    lines = textwrap.wrap(f"== {first['preset']}: {first['description']}", WIDTH, subsequent_indent="   ")
    by_n = [summary_lines(s) for s in summaries]
    common = [line for line in by_n[0] if all(line in other for other in by_n[1:])] if len(by_n) > 1 else []
    lines += ["   " + line for line in common]
    labels = [f"n = {s['num_players']}" for s in summaries]
    width = max(map(len, labels))
    for label, own in zip(labels, by_n):
        for k, line in enumerate(line for line in own if line not in common):
            lines.append(f"   {(label if k == 0 else '').ljust(width)}  {line}")
    return "\n".join(lines)


def _comparison_row(summary):
    report, labels = summary["report"], summary["game"].action_labels
    if report.every_profile_is_equilibrium:
        pure = "all " + as_text(count(report.num_profiles, report.log10_num_profiles))
    elif len(summary["equilibria"]) == 1:
        pure = as_text(count(report.num_pure_equilibria, report.log10_num_pure_equilibria)) + ": " + \
            counts_text(summary["equilibria"][0].counts, labels)
    else:
        pure = (as_text(count(report.num_pure_equilibria, report.log10_num_pure_equilibria)) +
                f" in {count(report.num_equilibrium_classes)} classes")
    if not summary["separable"]:
        dilemma = "-"
    else:
        dilemma = yes(summary["n_person_pd"]) + (f" (k* {summary['schelling_k']})"
                                                 if summary["n_person_pd"] and "schelling_k" in summary else "")
    return [summary["preset"], str(summary["num_players"]),
            f"{yes(report.payoff_invariant)} ({number(report.epsilon)})", pure,
            as_text(count(report.num_strict_equilibria)), ", ".join(summary["dominated"]) or "none",
            number(report.efficiency.price_of_anarchy) if report.efficiency_defined else "-", dilemma]


def format_comparison(summaries):
    """The closing table: one row per preset and n, its legend, then what it shows."""
    header = ["preset", "n", "invariant", "pure equilibria", "strict", "dominated", "PoA", "n-person PD"]
    rows = [header] + [_comparison_row(s) for s in summaries]
    widths = [max(len(row[k]) for row in rows) for k in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))

    def presets(test):
        return ", ".join(dict.fromkeys(s["preset"] for s in summaries if test(s))) or "none"

    hope = [(s["num_players"], s["believed_versus_real"].outcomes[0].cost_of_belief_range[1])
            for s in summaries if "believed_versus_real" in s and s["believed_versus_real"].outcomes]
    conclusion = [
        "invariant: one's own choice changes one's payoff by at most (stake); strict: strict pure equilibria; "
        "dominated: strictly; PoA: price of anarchy; k*: Schelling's smallest coalition of deniers.",
        "One's own choice cannot change one's payoff, every profile is an equilibrium and none is strict (nothing "
        "to predict): " + presets(lambda s: s["report"].payoff_invariant) + ".",
        "An n-person prisoner's dilemma (everyone names, although all would be better off denying): "
        + presets(lambda s: s.get("n_person_pd")) + ".",
    ]
    if hope:
        conclusion.append("Hope for leniency that is not granted (hoped_leniency) makes everyone name and costs up to "
                          + " and ".join(f"{number(cost)} per person at n = {n}" for n, cost in hope) + ".")
    return "\n".join(lines + [""] + [line for text in conclusion for line in textwrap.wrap(text, WIDTH)])
