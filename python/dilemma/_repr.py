"""Rich display in Jupyter: ``_repr_html_`` for games.

Tables are cut at ``MAX_ROWS`` rows and say so, with the number left out and
where the full data is, so nothing is silently truncated.
"""
import itertools
import math
from fractions import Fraction
from html import escape

import numpy as np

MAX_ROWS = 64


def _number(value):
    return f"{float(value):.6g}"


def _caption(title, details):
    name = escape(title) if title else "untitled"
    return f"<caption style='text-align:left'><b>{name}</b> &mdash; {escape(details)}</caption>"


def _omitted(count, where, columns):
    return (f"<tr><td colspan='{columns}' style='text-align:left'><i>&hellip; {count} more rows "
            f"not shown (all of them: {escape(where)})</i></td></tr>")


def normal_form_html(game, max_rows=MAX_ROWS):
    """A bimatrix table for two players; otherwise one row per pure profile."""
    nums = list(game.nums_actions)
    players, actions = game.player_labels, game.action_labels
    details = f"{game.num_players} players, actions {' x '.join(map(str, nums))}"
    rows = []
    if len(nums) == 2 and nums[0] <= max_rows and nums[1] <= 16:
        payoffs = [np.asarray(game.payoffs(i)) for i in range(game.num_players)]
        head = "".join(f"<th>{escape(b)}</th>" for b in actions[1])
        rows.append(f"<tr><th>{escape(players[0])} \\ {escape(players[1])}</th>{head}</tr>")
        for a, label in enumerate(actions[0]):
            cells = "".join(f"<td>{_number(payoffs[0][a, b])}, {_number(payoffs[1][a, b])}</td>"
                            for b in range(nums[1]))
            rows.append(f"<tr><th>{escape(label)}</th>{cells}</tr>")
    else:
        head = "".join(f"<th>{escape(p)}</th>" for p in players)
        head += "".join(f"<th>u({escape(p)})</th>" for p in players)
        rows.append(f"<tr>{head}</tr>")
        for k, profile in enumerate(itertools.product(*map(range, nums))):  # C order; np.ndindex stops at 32 players
            if k == max_rows:
                rows.append(_omitted(game.num_profiles - max_rows, "game.payoffs(i)", 2 * len(nums)))
                break
            cells = "".join(f"<td>{escape(actions[i][a])}</td>" for i, a in enumerate(profile))
            cells += "".join(f"<td>{_number(u)}</td>" for u in game[profile])  # no view: any number of players
            rows.append(f"<tr>{cells}</tr>")
    return f"<table>{_caption(game.title, details)}{''.join(rows)}</table>"


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


def symmetric_html(game, max_rows=MAX_ROWS):
    """One row per count class of the others, one column per own action."""
    labels = game.action_labels
    n, s = game.num_players, game.num_actions
    details = (f"symmetric, {n} players, {s} actions; payoff of each own action against the "
               f"others' counts ({game.num_count_vectors} count classes)")
    head = "".join(f"<th>others: {escape(a)}</th>" for a in labels)
    head += "".join(f"<th>u({escape(a)})</th>" for a in labels)
    rows = [f"<tr>{head}</tr>"]
    for k, counts in enumerate(_count_vectors(n - 1, s)):
        if k == max_rows:
            rows.append(_omitted(game.num_count_vectors - max_rows, "game.payoff(action, counts)", 2 * s))
            break
        cells = "".join(f"<td>{int(c)}</td>" for c in counts)
        cells += "".join(f"<td>{_number(game.payoff(a, counts))}</td>" for a in range(s))
        rows.append(f"<tr>{cells}</tr>")
    return f"<table>{_caption(game.title, details)}{''.join(rows)}</table>"


def _strategy_text(x):
    """Probabilities to 6 digits; exact fractions as p/q."""
    return ", ".join(str(p) if isinstance(p, Fraction) else f"{float(p):.6g}" for p in np.asarray(x, dtype=object))


def _profile_text(profile):
    return " | ".join(_strategy_text(x) for x in profile)


def _support_text(support):
    return " ; ".join("{" + ", ".join(map(str, actions)) + "}" for actions in support)


def enumeration_html(result, max_rows=MAX_ROWS):
    """The equilibria with their supports, then the singular supports."""
    summary = (f"{len(result.equilibria)} isolated equilibria, {len(result.singular_supports)} singular "
               f"supports, {'exhaustive' if result.exhaustive else 'NOT exhaustive (undecided boxes left)'}; "
               f"{result.supports_solved} supports solved, {result.boxes} boxes")
    rows = ["<tr><th>#</th><th>support</th><th>profile (player by player)</th></tr>"]
    for k, (profile, support) in enumerate(zip(result.equilibria, result.supports)):
        if k == max_rows:
            rows.append(_omitted(len(result.equilibria) - max_rows, "result.equilibria", 3))
            break
        rows.append(f"<tr><td>{k}</td><td>{escape(_support_text(support))}</td>"
                    f"<td>{escape(_profile_text(profile))}</td></tr>")
    html = f"<table>{_caption('Equilibria', summary)}{''.join(rows)}</table>"
    if result.singular_supports:
        rows = ["<tr><th>support</th><th>kind</th><th>an equilibrium in it</th></tr>"]
        for k, singular in enumerate(result.singular_supports):
            if k == max_rows:
                rows.append(_omitted(len(result.singular_supports) - max_rows, "result.singular_supports", 3))
                break
            kind = ("whole face" if singular.whole_face else
                    f"{singular.unresolved_boxes} undecided boxes" if singular.unresolved_boxes else "continuum")
            example = _profile_text(singular.example) if singular.example is not None else "none found"
            rows.append(f"<tr><td>{escape(_support_text(singular.support))}</td><td>{kind}</td>"
                        f"<td>{escape(example)}</td></tr>")
        html += f"<table>{_caption('Singular supports', 'equilibria not isolated')}{''.join(rows)}</table>"
    return html


def fraction_latex(value):
    """``\\frac{p}{q}`` for a Fraction (``p`` alone when q = 1), else the float."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        sign = "-" if value < 0 else ""
        return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    number = float(value)
    return "0" if number == 0 else f"{number:.6g}" if math.isfinite(number) else str(number)


def _equilibrium_text(equilibrium):
    """A pure profile (action indices), a count class, a symmetric strategy or a mixed profile."""
    if hasattr(equilibrium, "counts"):
        return f"counts {tuple(equilibrium.counts)} (x{equilibrium.multiplicity})"
    if isinstance(equilibrium, tuple) and all(np.ndim(x) == 0 for x in equilibrium):
        return "(" + ", ".join(str(int(a)) for a in equilibrium) + ")"
    if isinstance(equilibrium, tuple):
        return _profile_text(equilibrium)
    return _strategy_text(equilibrium)


def _has_fractions(found):
    return any(isinstance(p, Fraction) for equilibrium in found if isinstance(equilibrium, tuple)
               for x in equilibrium for p in np.asarray(x, dtype=object).ravel())


def equilibrium_list_html(found, max_rows=MAX_ROWS):
    """One row per equilibrium, under a caption with the method's report;
    None for exact (Fraction) profiles, which Jupyter then shows as LaTeX."""
    if _has_fractions(found):
        return None
    report = (f"{len(found)} found by {found.method}; "
              f"{'exhaustive' if found.exhaustive else 'NOT exhaustive'}, "
              f"{'converged' if found.converged else 'NOT converged'}"
              + (f", num_iter {found.num_iter}" if found.num_iter is not None else "")
              + (f"; {', '.join(f'{k}={v}' for k, v in found.params.items())}" if found.params else ""))
    rows = ["<tr><th>#</th><th>equilibrium</th></tr>"]
    for k, equilibrium in enumerate(found):
        if k == max_rows:
            rows.append(_omitted(len(found) - max_rows, "the list itself", 2))
            break
        rows.append(f"<tr><td>{k}</td><td>{escape(_equilibrium_text(equilibrium))}</td></tr>")
    return f"<table>{_caption('Equilibria', report)}{''.join(rows)}</table>"


def equilibrium_list_latex(found, max_rows=MAX_ROWS):
    """Mixed profiles with exact fractions as ``\\frac``, one per line; None
    (no LaTeX form) for pure profiles and count classes."""
    lines = []
    for k, equilibrium in enumerate(found):
        if hasattr(equilibrium, "counts") or not isinstance(equilibrium, tuple) and np.ndim(equilibrium) != 1:
            return None
        if isinstance(equilibrium, tuple) and all(np.ndim(x) == 0 for x in equilibrium):
            return None
        if k == max_rows:
            lines.append(f"\\text{{\\dots {len(found) - max_rows} more}}")
            break
        strategies = equilibrium if isinstance(equilibrium, tuple) else (equilibrium,)
        vectors = ", ".join("\\left(" + ", ".join(fraction_latex(p) for p in np.asarray(x, dtype=object)) +
                            "\\right)" for x in strategies)
        lines.append(f"\\sigma_{{{k}}} = \\left({vectors}\\right)" if len(strategies) > 1
                     else f"x_{{{k}}} = {vectors}")
    if not lines:
        return None
    return "$$\\begin{aligned}" + " \\\\ ".join(lines) + "\\end{aligned}$$"


def _field_text(value, limit=12):
    """A field's value, sequences cut to `limit` items (with the count left out)."""
    if isinstance(value, (str, bool, int, float, Fraction)) or value is None:
        return f"{value:.6g}" if isinstance(value, float) else str(value)
    if isinstance(value, np.ndarray) and value.ndim == 1:
        value = value.tolist()
    if isinstance(value, (list, tuple)) and len(value) > limit:
        return ", ".join(_field_text(v) for v in value[:limit]) + f", … ({len(value) - limit} more)"
    if isinstance(value, (list, tuple)):
        return ", ".join(_field_text(v) for v in value)
    return repr(value)


def record_html(result):
    """A result or report: its text form when it has one, then one row per field."""
    fields = sorted(name for name, attribute in vars(type(result)).items()
                    if isinstance(attribute, property) and not name.startswith("_"))
    rows = [f"<tr><th style='text-align:left'>{escape(name)}</th>"
            f"<td style='text-align:left'>{escape(_field_text(getattr(result, name)))}</td></tr>" for name in fields]
    text = str(result)
    preface = f"<pre>{escape(text)}</pre>" if "\n" in text else ""
    return f"{preface}<table>{_caption(type(result).__name__, f'{len(fields)} fields')}{''.join(rows)}</table>"
