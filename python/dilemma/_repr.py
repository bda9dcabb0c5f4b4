"""What a person sees: the text (``str``) and Jupyter (``_repr_html_``) views
of games and results.

Every result is shown as a *summary*: a title, a short headline table (the
verdicts as yes/no with the number that decides them) and, where a result
lists things (equilibria, rest points, outcomes), one table of them. The
same summary renders as text for ``str()`` and as HTML for Jupyter, so both
say the same. Tables are cut at ``MAX_ROWS`` rows (``TEXT_ROWS`` in text)
and say how many rows are left out and where all of them are.

Actions and players are named with the game's labels. A result does not
hold its game, so the solvers remember which game they solved
(:func:`remember_game`); a result made otherwise (unpickled, say) is shown
with action indices.
"""
import itertools
import math
import weakref
from collections import namedtuple
from fractions import Fraction
from html import escape

import numpy as np

from . import _core

MAX_ROWS = 64  # rows of an HTML table
TEXT_ROWS = 20  # rows of a text table

# -- labels -----------------------------------------------------------------------

Labels = namedtuple("Labels", "players actions symmetric title")
Labels.__doc__ = """Names of a game's players and actions (``actions[i]`` are
player i's; for a symmetric game ``actions[0]`` is every player's), and its title."""

_GAMES = {}  # id(result) -> (a weak reference to the result, its game), while the result lives


def game_labels(game):
    """The :class:`Labels` of a game."""
    if isinstance(game, _core.SymmetricGame):
        return Labels(("every player",), (tuple(game.action_labels),), True, game.title)
    return Labels(tuple(game.player_labels), tuple(map(tuple, game.action_labels)), False, game.title)


def remember_game(result, game):
    """Remember that ``result`` was found in ``game``, to name its players and
    actions when it is shown; returns ``result``. The game is kept while the
    result lives (a reference, not a copy). Results that cannot be weakly
    referenced (plain tuples) are shown with indices. About a microsecond:
    the labels are read only when the result is shown."""
    key = id(result)
    try:
        alive = weakref.ref(result, lambda _, key=key: _GAMES.pop(key, None))
    except TypeError:
        return result
    _GAMES[key] = (alive, game)
    return result


def _labels(result):
    """The labels of the game ``result`` was found in, or None when not known."""
    entry = _GAMES.get(id(result))
    return game_labels(entry[1]) if entry is not None and entry[0]() is result else None


def _action_names(labels, player, count):
    """Player ``player``'s ``count`` action names, or None when unknown."""
    if labels is not None:
        names = labels.actions[0 if labels.symmetric else player]
        if len(names) == count:
            return names
    return None


def _action_name(labels, player, index):
    """The name of player ``player``'s action ``index``, or the index when unknown."""
    if labels is not None:
        names = labels.actions[0 if labels.symmetric else player]
        if index < len(names):
            return names[index]
    return str(index)


def _symmetric_names(labels):
    """The actions of a symmetric game's result, or None when unknown."""
    return labels.actions[0] if labels is not None else None


def _player_names(labels, count):
    if labels is not None and not labels.symmetric and len(labels.players) == count:
        return labels.players
    return tuple(f"Player {i + 1}" for i in range(count))


# -- cells: text, exact fractions and powers of ten ----------------------------------

class Power(namedtuple("Power", "exponent")):
    """10 to a (fractional) exponent: a count too large to write out."""


class Symbol(namedtuple("Symbol", "text html")):
    """A sign written one way in text and another in HTML."""


TIMES = Symbol(" x ", " &times; ")


def as_text(cell):
    """A cell as plain text; a cell is a string, a Fraction, a Power or a list of them."""
    if isinstance(cell, list):
        return "".join(map(as_text, cell))
    if isinstance(cell, Power):
        return f"10^{cell.exponent:.1f}"
    if isinstance(cell, Symbol):
        return cell.text
    return str(cell)


def as_html(cell):
    if isinstance(cell, list):
        return "".join(map(as_html, cell))
    if isinstance(cell, Power):
        return f"10<sup>{cell.exponent:.1f}</sup>"
    if isinstance(cell, Symbol):
        return cell.html
    if isinstance(cell, Fraction) and cell.denominator != 1:
        sign = "&minus;" if cell < 0 else ""
        return f"{sign}<sup>{abs(cell.numerator)}</sup>&frasl;<sub>{cell.denominator}</sub>"
    return escape(str(cell))


def number(value, digits=4):
    """A number to ``digits`` significant digits; integers in full; NaN and None as "-"."""
    if value is None:
        return "-"
    if isinstance(value, Fraction):
        return value if value.denominator != 1 else str(value.numerator)
    value = float(value)
    if math.isnan(value):
        return "-"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == round(value) and abs(value) < 1e6:
        return str(int(round(value)))
    return f"{value:.{digits}g}"


def count(value, log10=None):
    """A count of profiles or a multiplicity: in full (thousands separated)
    below 10^12, otherwise as a power of ten (from ``log10`` when the value
    itself overflowed)."""
    if value is not None and not (isinstance(value, float) and not math.isfinite(value)) and value < 10**12:
        value = int(value)
        return f"{value:,}" if value >= 10**4 else str(value)
    if log10 is None:
        log10 = math.log10(value)
    return Power(log10)


def yes(flag):
    return "yes" if flag else "no"


def _joined(cells, separator=", "):
    out = []
    for k, cell in enumerate(cells):
        if k:
            out.append(separator)
        out.append(cell)
    return out


def strategy(x, names, *, omit_zero=True):
    """A mixed strategy as "label: p, label: q", without the actions of
    probability 0 (an action played for sure is just its label); as the
    vector "(p, q)" when the action names are not known (``names`` None).
    Exact fractions stay fractions."""
    probabilities = list(np.asarray(x, dtype=object).ravel())
    if names is None:
        return ["("] + _joined([number(p) for p in probabilities]) + [")"]
    shown = [(name, p) for name, p in zip(names, probabilities) if not (omit_zero and p == 0)]
    if len(shown) == 1 and shown[0][1] == 1:
        return shown[0][0]
    if not shown:
        return "-"
    return _joined([[f"{name}: ", number(p)] for name, p in shown])


def counts_text(counts, names):
    """A count class as "(2 deny, 3 name)"; as the tuple "(2, 0, 3)" when the
    action names are not known (``names`` None)."""
    if names is None:
        return "(" + ", ".join(str(c) for c in counts) + ")"
    return "(" + ", ".join(f"{c} {name}" for c, name in zip(counts, names) if c) + ")"


def payoffs_text(values, names):
    """One payoff per action, "-" for NaN (an action nobody takes)."""
    if names is None:
        return "(" + ", ".join(number(v) for v in values) + ")"
    return ", ".join(f"{name}: {number(v)}" for name, v in zip(names, values))


def class_cell(count_class, names):
    """A count class with its multiplicity: "(2 deny, 3 name) x 10"."""
    return [counts_text(count_class.counts, names), TIMES,
            count(count_class.multiplicity, count_class.log_multiplicity / math.log(10))]


# -- summaries ------------------------------------------------------------------------

Table = namedtuple("Table", "caption header rows total where")
Table.__doc__ = """A detail table: ``rows`` (lists of cells, at most the rows
shown) of ``total`` rows in all, which ``where`` says how to get."""

Summary = namedtuple("Summary", "title details rows tables")
Summary.__doc__ = """A title, details, headline ``rows`` (label, cell) and detail ``tables``."""


def _table(caption, header, items, row, where, limit=MAX_ROWS):
    """A Table of the first ``limit`` of ``items`` (a sequence), each made a row by ``row``."""
    return Table(caption, header, [row(k, item) for k, item in enumerate(itertools.islice(items, limit))],
                 len(items), where)


def _report_rows(result):
    """How the solver ended, in two rows: converged (with its message) and exhaustive."""
    rows = [("converged", [yes(result.converged), f" ({result.message})" if result.message else ""])]
    rows.append(("exhaustive", yes(result.exhaustive) + ("" if result.exhaustive else " (there may be more)")))
    return rows


def _profile_cells(profile, labels, max_columns):
    """One cell per player of a mixed or pure profile (a tuple), or one cell
    for a symmetric strategy (an array); one cell for all players when they
    are more than ``max_columns``."""
    if not isinstance(profile, tuple):
        return [strategy(profile, _action_names(labels, 0, len(profile)))]
    cells = []
    for i, x in enumerate(profile):
        if np.ndim(x) == 0:  # a pure profile: action indices
            cells.append(_action_name(labels, i, int(x)))
        else:
            cells.append(strategy(x, _action_names(labels, i, len(x))))
    if len(cells) > max_columns:
        return [_joined(cells, " | ")]
    return cells


PLAYER_COLUMNS = 4  # players shown in columns of their own; more share one column


def _profile_header(num_players, labels):
    names = _player_names(labels, num_players)
    return list(names) if num_players <= PLAYER_COLUMNS else ["profile (player by player)"]


def _support(actions, labels, player=0):
    """A support as "{opera, football}"."""
    return "{" + ", ".join(_action_name(labels, player, a) for a in actions) + "}"


def _part(norm, scale=1.0):
    """The rms of a part of a decomposition; rounding noise (at most 1e-9 of
    the scale) as 0."""
    return number(0 if abs(norm) <= 1e-9 * max(scale, 1.0) else norm)


def nonstrategic_verdict(potential, harmonic, scale=1.0):
    """The verdict "purely nonstrategic" with the rms of the two parts that decide it."""
    parts = _part(potential, scale), _part(harmonic, scale)
    return f"{yes(parts == ('0', '0'))} (rms potential part {parts[0]}, harmonic part {parts[1]})"


def _invariance(report):
    stake = number(report.epsilon)
    profiles = count(report.num_profiles, report.log10_num_profiles)
    equilibria = count(report.num_pure_equilibria, report.log10_num_pure_equilibria)
    pure = [equilibria, " of ", profiles, " profiles"]
    if report.num_classes:
        pure += [f" ({count(report.num_equilibrium_classes)} of {count(report.num_classes)} count classes)"]
    pure += [", strict: ", count(report.num_strict_equilibria)]
    if not report.qre_computed:
        qre = f"not followed ({report.qre_note})"
    elif report.qre_uniform:
        qre = (f"yes (followed to lambda = {number(report.qre_lambda)}, largest distance from uniform "
               f"{number(report.qre_max_deviation_from_uniform)})")
    else:
        qre = (f"no (at lambda = {number(report.qre_lambda)} the QRE is "
               f"{number(report.qre_max_deviation_from_uniform)} from uniform)")
    if report.decomposition_computed:
        nonstrategic = nonstrategic_verdict(report.potential_norm, report.harmonic_norm)
    else:
        nonstrategic = "not computed (the game is too large for its least-squares problem)"
    levels = sorted({number(v) for levels in report.security_levels for v in levels})
    if report.efficiency_defined:
        prices = (f"{number(report.efficiency.price_of_anarchy)} and {number(report.efficiency.price_of_stability)}"
                  f" ({report.efficiency.convention} convention)")
    else:
        prices = f"undefined ({report.efficiency_note})"
    rows = [
        ("payoff-invariant", f"{yes(report.payoff_invariant)} (one's own choice changes one's payoff by at most "
                             f"{stake}; strategic share {number(report.strategic_share)})"),
        ("pure equilibria", pure),
        ("every profile an equilibrium", f"{yes(report.every_profile_is_equilibrium)} (each is an "
                                         f"epsilon-equilibrium for epsilon = {stake})"),
        ("dominated actions", f"{report.num_dominated_strict} strictly, {report.num_dominated_weak} weakly"),
        ("every distribution a (coarse) correlated equilibrium",
         f"{yes(report.every_distribution_correlated)} (largest incentive-constraint coefficient "
         f"{number(report.max_incentive_gain)})"),
        ("logit QRE uniform for every lambda", qre),
        ("equal security levels", f"{yes(report.equal_security_levels)} ({', '.join(levels)})"),
        ("purely nonstrategic (Candogan et al.)", nonstrategic),
        ("exact potential game", yes(report.exact_potential)),
        ("prices of anarchy and stability", prices),
    ]
    return Summary("Payoff invariance", "what docs/model.md's theorem predicts, checked on the game", rows, [])


def _efficiency(e):
    rows = [("price of anarchy", f"{number(e.price_of_anarchy)} ({e.convention} convention)"),
            ("price of stability", number(e.price_of_stability)),
            ("welfare of the pure equilibria", f"{number(e.worst_equilibrium_welfare)} to "
                                               f"{number(e.best_equilibrium_welfare)} ({e.num_equilibria} of them)"),
            ("welfare of all profiles", f"{number(e.worst_welfare)} to {number(e.best_welfare)}")]
    return Summary("Efficiency", "welfare of the pure equilibria against all profiles", rows, [])


def _believed_versus_real(result):
    names = _symmetric_names(_labels(result))
    outcomes = list(result.outcomes)
    n = sum(result.real_best.counts)

    def per_person(welfare):
        return number(welfare / n)

    worst, best = result.real_worst_equilibrium, result.real_best_equilibrium
    rows = [("real equilibria", f"{count(len(result.real_equilibria))} count classes, from "
                                f"{counts_text(worst.counts, names)} "
                                f"({per_person(result.real_worst_equilibrium_welfare)} per person) to "
                                f"{counts_text(best.counts, names)} "
                                f"({per_person(result.real_best_equilibrium_welfare)})"),
            ("real optimum", f"{counts_text(result.real_best.counts, names)} "
                             f"({per_person(result.real_best_welfare)} per person)")]
    table = _table("Each equilibrium of the believed game, in the real one (per person; the cost of the belief is "
                   "against the worst to the best real equilibrium; \"-\": nobody takes that action)",
                   ["behaviour", "believed payoffs", "real payoffs", "real welfare", "inefficiency",
                    "cost of the belief"],
                   outcomes,
                   lambda k, o: [class_cell(o.behaviour, names), payoffs_text(o.believed_payoffs, names),
                                 payoffs_text(o.real_payoffs, names), per_person(o.real_welfare),
                                 number(o.inefficiency),
                                 f"{number(o.cost_of_belief_range[0])} to {number(o.cost_of_belief_range[1])}"],
                   "result.outcomes")
    return Summary("Believed versus real", f"behaviour from the believed game, outcomes from the real one "
                                           f"({n} players)", rows, [table])


def _believed_outcome(outcome):
    names = _symmetric_names(_labels(outcome))
    rows = [("behaviour", class_cell(outcome.behaviour, names)),
            ("real payoffs", payoffs_text(outcome.real_payoffs, names)),
            ("inefficiency", f"{number(outcome.inefficiency)} per person"),
            ("cost of the belief", f"{number(outcome.cost_of_belief_range[0])} to "
                                   f"{number(outcome.cost_of_belief_range[1])} per person")]
    return Summary("Believed outcome", "an equilibrium of the believed game, judged in the real one", rows, [])


def _logit(result):
    labels = _labels(result)
    rows = [("converged", f"{yes(result.converged)} ({result.message})"),
            ("lambda reached", number(result.lam)),
            ("regret of the limit", number(result.regret)),
            ("branch", f"{len(result.branch.lambdas)} points recorded" if len(result.branch.lambdas) else
             "not recorded (record_branch=False)"),
            ("steps", str(result.num_iter))]
    return Summary("Logit QRE", "the principal branch and its limit", rows,
                   [_strategy_table(labels, [("QRE at the last lambda", result.qre),
                                             ("limit (Nash equilibrium)", result.equilibrium)])])


def _logit_point(result):
    rows = [("converged", f"{yes(result.converged)} ({result.message})"), ("lambda", number(result.lam))]
    return Summary("Logit QRE", f"at lambda = {number(result.lam)}", rows,
                   [_strategy_table(_labels(result), [("QRE", result.qre)])])


def _strategy_table(labels, columns):
    """One row per player and action, one column per profile (all actions
    shown, also those with probability 0)."""
    columns = [(name, profile) for name, profile in columns if profile is not None]
    first = columns[0][1] if columns else ()
    blocks = list(first) if isinstance(first, tuple) else [first]
    rows = []
    for i, block in enumerate(blocks):
        names = _action_names(labels, i, len(block)) or [str(a) for a in range(len(block))]
        player = _player_names(labels, len(blocks))[i] if isinstance(first, tuple) else "every player"
        for a, name in enumerate(names):
            values = [(p[i] if isinstance(p, tuple) else p)[a] for _, p in columns]
            rows.append([player if a == 0 else "", name, *[number(v) for v in values]])
    return Table("", ["player", "action", *[name for name, _ in columns]], rows[:MAX_ROWS], len(rows),
                 "the profiles themselves")


def _one_equilibrium(title, details):
    def summary(result):
        labels = _labels(result)
        rows = [("converged", f"{yes(result.converged)} ({result.message})")]
        for name in ("regret", "num_refinements", "denominator"):
            if hasattr(result, name):
                rows.append((name.replace("_", " "), number(getattr(result, name))))
        rows.append(("steps", str(result.num_iter)))
        found = result.equilibrium is not None
        tables = [_strategy_table(labels, [("equilibrium", result.equilibrium)])] if found else []
        return Summary(title, details, rows, tables)
    return summary


def _zero_sum(result):
    labels = _labels(result)
    rows = [("value", number(result.value)),
            ("row player's strategy", strategy(result.row_strategy,
                                               _action_names(labels, 0, len(result.row_strategy)))),
            ("column player's strategy", strategy(result.column_strategy,
                                                  _action_names(labels, 1, len(result.column_strategy)))),
            ("converged", f"{yes(result.converged)} ({result.message})")]
    return Summary("Zero-sum game", "its value and a pair of optimal strategies", rows, [])


def _security(result):
    rows = [("security level", number(result.level)),
            ("strategy", strategy(result.strategy, _action_names(_labels(result), 0, len(result.strategy))))]
    return Summary("Security strategy", "a mixed maxmin strategy and the payoff it guarantees", rows, [])


def _correlated(result):
    labels = _labels(result)
    rows = [("welfare", number(result.welfare)), ("largest violation", number(result.max_violation)),
            ("objective", f"{result.params.get('objective', '')}"
                          f"{' (coarse)' if result.params.get('coarse') else ''}"),
            ("converged", f"{yes(result.converged)} ({result.message})")]
    if hasattr(result, "classes"):
        names = _symmetric_names(labels)
        items = [(c, p) for c, p in zip(np.asarray(result.classes).tolist(), result.probabilities) if p > 0]
        table = _table("Count classes played", ["count class", "probability"], items,
                       lambda k, item: [counts_text(item[0], names), number(item[1])],
                       "result.classes, result.probabilities")
    else:
        distribution = np.asarray(result.distribution)
        items = [(index, distribution[index]) for index in zip(*np.nonzero(distribution > 0))]
        players = distribution.ndim
        table = _table("Profiles played", [*_profile_header(players, labels), "probability"], items,
                       lambda k, item: [*_profile_cells(tuple(int(a) for a in item[0]), labels, PLAYER_COLUMNS),
                                        number(item[1])],
                       "result.distribution")
    return Summary("Correlated equilibrium", "a distribution over profiles that no player wants to leave", rows,
                   [table])


def _mixed_dominance(result):
    rows = [("dominated", f"{yes(result.dominated)} (margin {number(result.margin)})")]
    if result.dominated:
        rows.append(("by", strategy(result.strategy, _action_names(_labels(result), 0, len(result.strategy)))))
    return Summary("Dominance by a mixed strategy", "", rows, [])


def _decomposition(result):
    verdict = nonstrategic_verdict(result.potential_norm, result.harmonic_norm, result.norm)
    rows = [("purely nonstrategic", verdict),
            ("rms of the game", f"{number(result.norm)}; nonstrategic part {number(result.nonstrategic_norm)}"),
            ("potentialness", number(result.potentialness)),
            ("parts", ".nonstrategic, .potential, .harmonic (games); .potential_function")]
    return Summary("Decomposition", "Candogan et al. (2011): nonstrategic + potential + harmonic", rows, [])


def _rest_points(result):
    labels = _labels(result)
    points = list(result.points)
    names = _action_names(labels, 0, len(points[0].state) if points else 0)
    singular = [_support(support, labels) for support in result.singular_supports]
    rows = [("rest points", f"{len(points)} isolated" + (f"; continua on the supports {', '.join(singular)}"
                                                         if singular else "")),
            *_report_rows(result)]
    table = _table("", ["state", "stability", "Nash equilibrium"], points,
                   lambda k, p: [strategy(p.state, names), p.stability, yes(p.is_equilibrium)], "result.points")
    return Summary("Rest points of the replicator dynamics", "", rows, [table])


def _ess(result):
    labels = _labels(result)
    strategies = list(result.strategies)
    rows = [("evolutionarily stable strategies", str(len(strategies))),
            ("test", "exact" if result.exact else "numerical (invasion by mutants)"),
            *_report_rows(result)]
    table = _table("", ["ESS"], strategies,
                   lambda k, x: [strategy(x, _action_names(labels, 0, len(x)))], "result.strategies")
    return Summary("Evolutionarily stable strategies", "", rows, [table])


def _elimination(result):
    labels = game_labels(result.game)  # the reduced game: its labels are those of the actions left
    kept = [", ".join(labels.actions[0 if labels.symmetric else i]) for i in range(len(result.original_actions))]
    rows = [("rounds", str(result.rounds)),
            ("actions left", "; ".join(f"{player}: {names}" for player, names in
                                       zip(_player_names(labels, len(kept)), kept))),
            ("reduced game", ".game (its actions are .original_actions of the game)")]
    return Summary("Iterated elimination of dominated actions", "", rows, [])


def _nash_component(component):
    labels = _labels(component)
    rows = [("extreme equilibria", str(len(component.equilibria))),
            ("Nash subsets", str(len(component.nash_subsets))),
            ("a single equilibrium", yes(component.is_singleton))]
    table = _table("Extreme equilibria", ["#", *_profile_header(2, labels)], component.equilibria,
                   lambda k, profile: [str(k), *_profile_cells(profile, labels, PLAYER_COLUMNS)],
                   "component.equilibria")
    return Summary("Nash component", "a connected set of equilibria (convex hulls of its Nash subsets)", rows,
                   [table])


def _enumeration(result):
    labels = _labels(result)
    equilibria, singular_supports = result.equilibria, result.singular_supports
    players = len(equilibria[0]) if equilibria else len(singular_supports[0].support) if singular_supports else 0
    rows = [("isolated equilibria", str(len(equilibria))),
            ("exhaustive", yes(result.exhaustive) + ("" if result.exhaustive else f" ({result.message})")),
            ("singular supports", f"{len(singular_supports)} (supports whose equilibria are not isolated)"),
            ("work", f"{result.supports_solved} supports solved, {result.boxes} boxes subdivided")]
    tables = [_table("Equilibria", ["#", *_profile_header(players, labels)], equilibria,
                     lambda k, profile: [str(k), *_profile_cells(profile, labels, PLAYER_COLUMNS)],
                     "result.equilibria")]
    if singular_supports:
        def row(k, singular):
            kind = ("whole face" if singular.whole_face else
                    f"{singular.unresolved_boxes} undecided boxes" if singular.unresolved_boxes else "continuum")
            example = (_joined(_profile_cells(singular.example, labels, 0), " | ")
                       if singular.example is not None else "none found")
            return [" ; ".join(_support(actions, labels, i) for i, actions in enumerate(singular.support)),
                    kind, example]

        tables.append(_table("Singular supports", ["support", "kind", "an equilibrium in it"],
                             singular_supports, row, "result.singular_supports"))
    return Summary("Equilibria", "all equilibria of the game, by support", rows, tables)


def _equilibrium_list(found):
    labels = _labels(found)
    items = found
    first = found[0] if found else None
    rows = [("found", f"{count(len(items))} by {found.method}"), *_report_rows(found)]
    if found.params:
        rows.append(("options", ", ".join(f"{k}={v}" for k, v in found.params.items())))
    if isinstance(first, _core.NashComponent):
        table = _table("Components", ["#", "extreme equilibria", "Nash subsets", "an extreme equilibrium"], items,
                       lambda k, c: [str(k), str(len(c.equilibria)), str(len(c.nash_subsets)),
                                     _joined(_profile_cells(c.equilibria[0], labels, 0), " | ")],
                       "the list itself")
    elif isinstance(first, _core.CountClass):
        names = _symmetric_names(labels)
        table = _table("Count classes (with the number of profiles each stands for)", ["#", "count class"], items,
                       lambda k, c: [str(k), class_cell(c, names)], "the list itself")
    else:
        players = len(first) if isinstance(first, tuple) else 1
        header = _profile_header(players, labels) if isinstance(first, tuple) else ["strategy of every player"]
        table = _table("", ["#", *header], items,
                       lambda k, e: [str(k), *_profile_cells(e, labels, PLAYER_COLUMNS)], "the list itself")
    return Summary("Equilibria", "", rows, [table])


def _logit_branch(branch):
    lambdas = np.asarray(branch.lambdas, dtype=float)
    rows = [("points", str(len(lambdas)))]
    if len(lambdas):
        rows.append(("lambda", f"{number(lambdas[0])} to {number(lambdas[-1])}"))
    return Summary("Logit QRE branch", "", rows, [])


def _generic(result):
    """A result without a summary of its own: its report, then its numbers and
    verdicts (nothing longer than a line)."""
    rows = []
    if hasattr(result, "report"):
        rows += [("converged", f"{yes(result.converged)} ({result.message})")]
    for name in sorted(n for n, a in vars(type(result)).items() if isinstance(a, property) and not n.startswith("_")):
        if name in ("report", "params", "method", "converged", "exhaustive", "num_iter", "message"):
            continue
        value = getattr(result, name)
        if isinstance(value, bool):
            rows.append((name.replace("_", " "), yes(value)))
        elif isinstance(value, (int, float, np.integer, np.floating)):
            rows.append((name.replace("_", " "), number(value)))
        elif isinstance(value, str) and value and len(value) < 100:
            rows.append((name.replace("_", " "), value))
    return Summary(type(result).__name__, "", rows, [])


SUMMARIES = {
    "InvarianceReport": _invariance,
    "Efficiency": _efficiency,
    "BelievedVersusReal": _believed_versus_real,
    "BelievedOutcome": _believed_outcome,
    "LogitQreResult": _logit,
    "LogitQrePoint": _logit_point,
    "SimplicialSubdivisionResult": _one_equilibrium("Simplicial subdivision", "one approximate equilibrium"),
    "LemkeHowsonResult": _one_equilibrium("Lemke-Howson", "one equilibrium, by complementary pivoting"),
    "ZeroSumSolution": _zero_sum,
    "SecurityStrategy": _security,
    "CorrelatedEquilibrium": _correlated,
    "SymmetricCorrelatedEquilibrium": _correlated,
    "MixedDominance": _mixed_dominance,
    "Decomposition": _decomposition,
    "SymmetricDecomposition": _decomposition,
    "RestPoints": _rest_points,
    "EssResult": _ess,
    "Elimination": _elimination,
    "NashComponent": _nash_component,
    "EquilibriumEnumeration": _enumeration,
    "EquilibriumList": _equilibrium_list,
    "LogitBranch": _logit_branch,
}


def summary(result):
    """The :class:`Summary` of a result."""
    return SUMMARIES.get(type(result).__name__, _generic)(result)


# -- rendering -------------------------------------------------------------------------

_LEFT = "text-align:left"


def _table_html(table, max_rows):
    caption = f"<caption style='{_LEFT}'>{escape(table.caption)}</caption>" if table.caption else ""
    head = "".join(f"<th style='{_LEFT}'>{escape(h)}</th>" for h in table.header)
    rows = [f"<tr>{head}</tr>"]
    rows += ["<tr>" + "".join(f"<td style='{_LEFT}'>{as_html(c)}</td>" for c in row) + "</tr>"
             for row in table.rows[:max_rows]]
    if table.total > min(len(table.rows), max_rows):
        rows.append(_omitted(table.total - min(len(table.rows), max_rows), table.where, len(table.header)))
    return f"<table>{caption}{''.join(rows)}</table>"


def summary_html(s, max_rows=MAX_ROWS):
    """A summary as HTML: the title, the headline table, then the detail tables."""
    details = f" &mdash; {escape(s.details)}" if s.details else ""
    rows = "".join(f"<tr><th style='{_LEFT}'>{escape(label)}</th><td style='{_LEFT}'>{as_html(cell)}</td></tr>"
                   for label, cell in s.rows)
    return (f"<div><div><b>{escape(s.title)}</b>{details}</div><table>{rows}</table>"
            + "".join(_table_html(t, max_rows) for t in s.tables if t.total) + "</div>")


def _columns_text(header, rows):
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    return ["  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]


def summary_text(s, max_rows=TEXT_ROWS):
    """A summary as text: the title, the headline rows, then the detail tables."""
    lines = [s.title + (f": {s.details}" if s.details else "")]
    lines += [f"  {label}: {as_text(cell)}" for label, cell in s.rows]
    for table in s.tables:
        if not table.total:
            continue
        if table.caption:
            lines.append(table.caption)
        shown = [[as_text(c) for c in row] for row in table.rows[:max_rows]]
        lines += _columns_text(list(table.header), shown)
        if table.total > len(shown):
            lines.append(f"  ... {table.total - len(shown)} more rows (all of them: {table.where})")
    return "\n".join(lines)


def result_html(result, max_rows=MAX_ROWS):
    """``_repr_html_`` of a result: its summary."""
    return summary_html(summary(result), max_rows)


def result_text(result):
    """``__str__`` of a result: its summary."""
    return summary_text(summary(result))


def result_repr(result):
    """A one-line ``repr`` for results without one: the type and its first headline rows."""
    s = summary(result)
    return f"<{type(result).__name__}: " + "; ".join(f"{label} {as_text(cell)}" for label, cell in s.rows[:2]) + ">"


# -- games ------------------------------------------------------------------------------

def _title(title, details):
    """The title line above a game's table, as above a result's."""
    name = escape(title) if title else "untitled"
    return f"<div><b>{name}</b> &mdash; {escape(details)}</div>"


def _omitted(missing, where, columns):
    return (f"<tr><td colspan='{columns}' style='{_LEFT}'><i>&hellip; {missing} more rows "
            f"not shown (all of them: {escape(where)})</i></td></tr>")


def _payoff(value):
    return f"{float(value):.6g}"


def _normal_form_table(game, max_rows):
    """A dense game's payoff table: a bimatrix for two players (rows: player
    1's actions, headed by them), else one row per pure profile in C order."""
    nums = list(game.nums_actions)
    players, actions = game.player_labels, game.action_labels
    details = f"{game.num_players} players, actions {' x '.join(map(str, nums))}"
    if len(nums) == 2 and nums[0] <= max_rows and nums[1] <= 16:
        payoffs = [np.asarray(game.payoffs(i)) for i in range(2)]
        header = [f"{players[0]} \\ {players[1]}", *actions[1]]
        rows = [[label, *(f"{_payoff(payoffs[0][a, b])}, {_payoff(payoffs[1][a, b])}" for b in range(nums[1]))]
                for a, label in enumerate(actions[0])]
        return details + " (payoffs: row player, column player)", header, rows, 0, "", True
    header = [*players, *(f"u({p})" for p in players)]
    rows = []
    for profile in itertools.islice(itertools.product(*map(range, nums)), max_rows):  # any number of players
        rows.append([*(actions[i][a] for i, a in enumerate(profile)), *(_payoff(u) for u in game[profile])])
    return details, header, rows, game.num_profiles - len(rows), "game.payoffs(i)", False


def _count_vectors(total, parts):
    """Count vectors of `parts` entries summing to `total`, in the order of
    SymmetricGame.count_vectors(), generated lazily (that one is an array of
    all of them: too big to build for a display at large n)."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _count_vectors(total - first, parts - 1):
            yield (first,) + rest


def _symmetric_table(game, max_rows):
    """A symmetric game's payoff table: one row per count vector of the
    others, one column per own action."""
    labels = game.action_labels
    n, s = game.num_players, game.num_actions
    details = (f"symmetric, {n} players; the payoff of each own action against what the {n - 1} others do "
               f"({count(game.num_count_vectors)} count vectors)")
    header = [*(f"others: {a}" for a in labels), *(f"u({a})" for a in labels)]
    rows = [[*(str(int(c)) for c in counts), *(_payoff(game.payoff(a, counts)) for a in range(s))]
            for counts in itertools.islice(_count_vectors(n - 1, s), max_rows)]
    return details, header, rows, game.num_count_vectors - len(rows), "game.payoff(action, counts)", False


def _game_table(game, max_rows):
    """Details, header, rows, the number of rows left out and where they are,
    and whether the first column heads the rows."""
    table = _symmetric_table if isinstance(game, _core.SymmetricGame) else _normal_form_table
    return table(game, max_rows)


def game_html(game, max_rows=MAX_ROWS):
    """``_repr_html_`` of a game: its title, then its payoff table."""
    details, header, rows, missing, where, headed = _game_table(game, max_rows)
    html = [f"<tr>{''.join(f'<th>{escape(h)}</th>' for h in header)}</tr>"]
    for row in rows:
        first = f"<th>{escape(row[0])}</th>" if headed else f"<td>{escape(row[0])}</td>"
        html.append(f"<tr>{first}{''.join(f'<td>{escape(c)}</td>' for c in row[1:])}</tr>")
    if missing:
        html.append(_omitted(missing, where, len(header)))
    return f"<div>{_title(game.title, details)}<table>{''.join(html)}</table></div>"


def game_text(game):
    """``str(game)``: its title, then its payoff table (``TEXT_ROWS`` rows at most)."""
    details, header, rows, missing, where, _ = _game_table(game, TEXT_ROWS)
    lines = [game.title or "untitled", f"  {details}", *_columns_text(header, rows)]
    if missing:
        lines.append(f"  ... {missing} more rows (all of them: {where})")
    return "\n".join(lines)


# -- installation -------------------------------------------------------------------------

def install():
    """Sets ``_repr_html_`` and ``__str__`` on the games and on every result
    class of ``_core`` (those without a summary of their own get the generic
    one), and ``__repr__`` where a class has none of its own."""
    for game in (_core.NormalFormGame, _core.SymmetricGame):
        game._repr_html_ = game_html
        game.__str__ = game_text
    for name in dir(_core):
        cls = getattr(_core, name)
        if not isinstance(cls, type) or cls in (_core.SolveReport, _core.CountClass):
            continue
        result = name in SUMMARIES or isinstance(getattr(cls, "report", None), property)
        if result:
            cls._repr_html_ = result_html
            cls.__str__ = result_text
        if cls.__repr__ is object.__repr__ and result:
            cls.__repr__ = result_repr
