"""Plots for dilemma's games (matplotlib is imported only when a plot is drawn)."""
import numpy as np

from . import _core


def _axes(ax, figsize=(6.4, 4.2)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    # constrained layout keeps legends and colour bars placed beside the axes inside the figure
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _schelling_slice(game, varying, rest):
    """Payoffs of each own action against k = 0 .. n-1 others taking ``varying``
    and the rest ``rest``: an (s, n) array."""
    s, n = game.num_actions, game.num_players
    payoffs = np.empty((s, n))
    for others in range(n):
        m = [0] * s
        m[varying] += others
        m[rest] += n - 1 - others
        for a in range(s):
            payoffs[a, others] = game.payoff(a, m)
    return payoffs


def _slice_equilibria(game, varying, rest, payoffs):
    """The pure equilibria whose players all take ``varying`` or ``rest``, by
    the number m taking ``varying``: m = 0 .. n where nobody gains by switching
    to any action (checked against every action of the game)."""
    n = game.num_players
    best = payoffs.max(axis=0)  # the best payoff of any action against each k others varying
    found = []
    for m in range(n + 1):
        stable_varying = m == 0 or payoffs[varying, m - 1] >= best[m - 1]
        stable_rest = m == n or payoffs[rest, m] >= best[m]
        if stable_varying and stable_rest:
            found.append(m)
    return found


def _coinciding(curves, labels):
    """Groups (of two or more labels) of curves that are the same to rounding:
    all but the last drawn of each group are hidden."""
    curves = np.asarray(curves, dtype=float)
    tol = 1e-9 * max(float(np.nanmax(np.abs(curves))) if curves.size else 0.0, 1.0)
    groups, seen = [], set()
    for a in range(len(curves)):
        if a in seen:
            continue
        same = [b for b in range(a, len(curves)) if np.allclose(curves[a], curves[b], rtol=0.0, atol=tol)]
        seen.update(same)
        if len(same) > 1:
            groups.append([labels[b] for b in same])
    return groups


def _note(text):
    """A legend entry with no line: a note."""
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="none", label=text)


def schelling_diagram(game, *, varying_action=None, rest_action=0, ax=None, title=None, ylabel="my payoff"):
    """Schelling's diagram of a symmetric game.

    For k = 0 .. n-1 other players taking ``varying_action`` (by default the
    last action, "name" in the confession game) and the rest taking
    ``rest_action`` (default the first, "deny"), plots the payoff of each
    own action. Where the curves coincide, one's own choice does not matter;
    the legend says which curves coincide (one hides the other).

    Marked on it: the pure equilibria in which everybody takes one of the
    two actions (a player of ``varying_action`` at k = m - 1 and one of
    ``rest_action`` at k = m, for m players varying), unless every point is
    one; and, when everybody taking ``varying_action`` is an equilibrium in
    which switching to ``rest_action`` strictly loses (a dilemma to
    escape), Schelling's k*: the smallest number of players of
    ``rest_action`` who fare better than everybody does there (for the
    separable confession presets, :func:`dilemma.schelling_minimum_coalition`),
    with a dotted line at that payoff.

    Parameters
    ----------
    game : SymmetricGame
    varying_action, rest_action : int, optional
        The action counted on the horizontal axis, and the one the other
        players take.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when omitted.
    title : str, optional
        By default the game's title, with n.
    ylabel : str, default "my payoff"
        What the payoffs are (the main job writes "my payoff (minus my
        sentence)" for the confession game).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import dilemma
    >>> ax = dilemma.plotting.schelling_diagram(dilemma.confession_game(12, "leniency_for_naming"))
    >>> ax.get_title()
    'Confession dilemma: leniency_for_naming, n = 12'
    >>> for entry in ax.get_legend().get_texts():
    ...     print(entry.get_text())
    I deny
    I confess
    I name
    deny and confess coincide
    pure equilibrium: all name
    payoff when all name
    k* = 4: a group of 4 who deny fares better than when all name
    """
    if not isinstance(game, _core.SymmetricGame):
        raise ValueError(f"schelling_diagram: needs a SymmetricGame, got {type(game).__name__}")
    s, n = game.num_actions, game.num_players
    varying = s - 1 if varying_action is None else varying_action
    for action, label in ((varying, "varying_action"), (rest_action, "rest_action")):
        if not 0 <= action < s:
            raise ValueError(f"schelling_diagram: {label} {action} is out of range; the game has {s} actions")
    if varying == rest_action:
        raise ValueError(f"schelling_diagram: varying_action and rest_action are both {varying}; they must differ")
    ax = _axes(ax, figsize=(6.4, 5.2))
    k = np.arange(n)
    labels = game.action_labels
    payoffs = _schelling_slice(game, varying, rest_action)
    styles = ["-", "--", ":", "-."]
    for a in range(s):
        ax.plot(k, payoffs[a], styles[a % len(styles)], marker="o" if n <= 30 else None,
                markersize=4, linewidth=2, label=f"I {labels[a]}")
    notes = []  # legend entries without a line: which curves hide which
    groups = _coinciding(payoffs, labels)
    if groups and len(groups[0]) == s:
        notes.append("all curves coincide: one's own\nchoice does not change one's payoff")
    else:
        notes += [" and ".join(group) + " coincide" for group in groups]
    handles = [_note(note) for note in notes]

    vary, stay = labels[varying], labels[rest_action]
    equilibria = _slice_equilibria(game, varying, rest_action, payoffs)
    if len(equilibria) == n + 1:
        handles.append(_note("every point is a pure equilibrium"))
    elif equilibria:
        points = [(m - 1, payoffs[varying, m - 1]) for m in equilibria if m > 0]
        points += [(m, payoffs[rest_action, m]) for m in equilibria if m < n]
        names = ["all " + (vary if m == n else stay) if m in (0, n) else f"{m} {vary}, {n - m} {stay}"
                 for m in equilibria]
        label = "pure equilibri" + ("um: " if len(names) == 1 else "a: ") + "; ".join(names[:3]) + \
            (f"; ... ({len(names) - 3} more)" if len(names) > 3 else "")
        x, y = np.array(points).T
        ax.scatter(x, y, s=160, marker="*", color="black", zorder=5, label=label)

    everyone = payoffs[varying, n - 1]  # everybody takes the varying action
    better = [j for j in range(1, n + 1) if payoffs[rest_action, n - j] > everyone]
    if better and n in equilibria and everyone > payoffs[rest_action, n - 1]:  # a dilemma to escape
        k_star = better[0]  # k_star players of rest_action: each sees n - k_star others varying
        ax.axhline(everyone, color="0.5", linestyle=":", linewidth=1, zorder=1, label=f"payoff when all {vary}")
        ax.scatter([n - k_star], [payoffs[rest_action, n - k_star]], s=110, facecolors="none", edgecolors="tab:red",
                   linewidths=2, zorder=6,
                   label=f"k* = {k_star}: a group of {k_star} who {stay} fares better than when all {vary}")
    ax.set_xlabel(f"number of other players who {vary} (the rest {stay})")
    ax.set_ylabel(ylabel)
    title = title or game.title or "Schelling diagram"
    ax.set_title(title if f"n = {n}" in title else f"{title} (n = {n})")
    ax.grid(True, alpha=0.3)
    lines, names = ax.get_legend_handles_labels()  # the curves, then the marks; the notes go in between
    ax.legend(lines[:s] + handles + lines[s:], names[:s] + [h.get_label() for h in handles] + names[s:],
              fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, frameon=False)
    return ax


def qre_branch(result, ax=None, *, title=None, game=None):
    """Plot the branch of a logit QRE: every action's probability against lambda.

    Parameters
    ----------
    result : LogitQreResult
        The result of :func:`dilemma.logit_qre` (with ``record_branch=True``).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when omitted.
    title : str, optional
        By default "logit QRE branch: <game title>" and the last lambda.
    game : NormalFormGame or SymmetricGame, optional
        The game, for its title and labels; by default the game ``logit_qre``
        solved (a result made otherwise, say unpickled, shows action numbers).

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    The horizontal axis is ``lambda / (1 + lambda)`` so that the whole branch,
    from 0 to its limit, fits; one line per action of each player (dense
    games: a colour per player, a line style per action) or per action of
    the common strategy (symmetric games), labelled with the game's names.

    Examples
    --------
    >>> import dilemma
    >>> ax = dilemma.plotting.qre_branch(dilemma.logit_qre(dilemma.battle_of_the_sexes()))
    >>> ax.get_legend_handles_labels()[1]
    ['Player 1: opera', 'Player 1: football', 'Player 2: opera', 'Player 2: football']
    """
    from ._repr import _labels, game_labels

    lambdas = np.asarray(result.branch.lambdas, dtype=float)
    if lambdas.size == 0:
        raise ValueError("qre_branch: the result has no branch; call logit_qre with record_branch=True")
    profiles = result.branch.profiles
    blocks = list(profiles) if isinstance(profiles, tuple) else [profiles]
    labels = game_labels(game) if game is not None else _labels(result)
    ax = _axes(ax)
    position = lambdas / (1.0 + lambdas)
    styles = ["-", "--", ":", "-."]
    curves, names = [], []
    for i, block in enumerate(blocks):
        for a in range(block.shape[1]):
            action = str(a + 1)
            if labels is not None and len(labels.actions[0 if labels.symmetric else i]) == block.shape[1]:
                action = labels.actions[0 if labels.symmetric else i][a]
            action = f"action {action}" if action.isdigit() else action  # unnamed actions are numbered
            player = labels.players[i] if labels is not None and not labels.symmetric else f"player {i + 1}"
            label = f"{player}: {action}" if len(blocks) > 1 else action
            # Dense games: a colour per player, a line style per action; one strategy: a colour per action.
            color = f"C{i % 10}" if len(blocks) > 1 else f"C{a % 10}"
            ax.plot(position, block[:, a], styles[a % len(styles)], color=color, linewidth=1.8, label=label)
            curves.append(block[:, a])
            names.append(label)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("lambda / (1 + lambda)")
    ax.set_ylabel("probability")
    if title is None:
        name = labels.title if labels is not None and labels.title else ""
        title = f"logit QRE branch{': ' + name if name else ''}\nfollowed to lambda = {result.lam:.4g}"
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    if len(curves) <= 12:
        lines, entries = ax.get_legend_handles_labels()
        notes = [_note(" and ".join(group) + " coincide") for group in _coinciding(curves, names)]
        ax.legend(lines + notes, entries + [note.get_label() for note in notes], fontsize=8)
    return ax


def _table_column(table, name, function):
    """Column ``name`` of a pandas DataFrame or numpy structured array as a 1-D array."""
    names = list(table.columns) if hasattr(table, "columns") else list(getattr(table.dtype, "names", None) or ())
    if name not in names:
        raise ValueError(f"{function}: the table has no column {name!r}; its columns are {names}")
    return np.asarray(table[name])


def _is_numeric(values):
    if values.dtype.kind in "iuf":
        return True
    return values.dtype.kind == "O" and all(
        isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_)) for v in values)


def _levels(values):
    """The distinct values (sorted when numeric, in order of appearance otherwise)
    and each row's index among them."""
    keys = values.astype(float).tolist() if _is_numeric(values) else values.tolist()
    levels = sorted(set(keys)) if _is_numeric(values) else list(dict.fromkeys(keys))
    index = {level: i for i, level in enumerate(levels)}
    return levels, [index[key] for key in keys]


def _level_label(value):
    return f"{value:g}" if isinstance(value, (float, np.floating)) else str(value)


def _category_colors(count):
    from matplotlib import colormaps

    if count <= 20:
        return list(colormaps["tab10" if count <= 10 else "tab20"].colors[:count])
    return [tuple(c) for c in colormaps["turbo"](np.linspace(0.0, 1.0, count))]


def sweep_heatmap(table, x, y, value, *, ax=None, title=None):
    """Heatmap of a two-parameter sweep.

    Parameters
    ----------
    table : pandas.DataFrame or numpy structured array
        The result of :func:`dilemma.sweep` (or any table with these columns).
    x, y : str
        The parameter columns on the horizontal and vertical axes; each
        (x, y) pair must occur at most once (select one value of any other
        parameter first). Their distinct values are equally spaced cells,
        sorted when numeric. Missing pairs are left blank.
    value : str
        The column that colours the cells. Numbers get a colour bar; other
        values (e.g. "all name", "all deny") are categories, each with its
        own colour and a legend entry, in order of first appearance.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when omitted.
    title : str, optional
        By default, "<value> over <x> and <y>".

    Returns
    -------
    matplotlib.axes.Axes
        The cells are ``ax.images[0]``: numeric values, or category codes
        0, 1, ... for categories.

    Examples
    --------
    >>> import dilemma
    >>> table = dilemma.sweep(lambda leniency, named_cost: dilemma.confession_game(
    ...     4, "leniency_for_naming", leniency=leniency, named_cost=named_cost),
    ...     {"leniency": [0.5, 1, 2], "named_cost": [0, 0.5, 1]}, dilemma.max_stake)
    >>> ax = dilemma.plotting.sweep_heatmap(table, "leniency", "named_cost", "value")
    >>> ax.images[0].get_array().shape
    (3, 3)
    """
    function = "sweep_heatmap"
    xs, ys, values = (_table_column(table, name, function) for name in (x, y, value))
    (x_levels, columns), (y_levels, rows) = _levels(xs), _levels(ys)
    numeric = _is_numeric(values)
    categories, codes = ([], values.astype(float).tolist()) if numeric else _levels(values)
    cells = np.full((len(y_levels), len(x_levels)), np.nan)
    seen = np.zeros(cells.shape, dtype=bool)
    for row, column, code in zip(rows, columns, codes):
        if seen[row, column]:
            raise ValueError(f"{function}: several rows have {x} = {_level_label(x_levels[column])} and "
                             f"{y} = {_level_label(y_levels[row])}; select one value of the other parameters first")
        seen[row, column] = True
        cells[row, column] = code
    ax = _axes(ax)
    masked = np.ma.masked_invalid(cells)
    if numeric:
        image = ax.imshow(masked, origin="lower", aspect="auto", cmap="viridis", interpolation="nearest")
        ax.figure.colorbar(image, ax=ax, label=value)
    else:
        from matplotlib.colors import ListedColormap
        from matplotlib.patches import Patch

        colors = _category_colors(len(categories))
        image = ax.imshow(masked, origin="lower", aspect="auto", cmap=ListedColormap(colors),
                          vmin=-0.5, vmax=len(categories) - 0.5, interpolation="nearest")
        handles = [Patch(facecolor=c, edgecolor="0.3", label=str(category)) for c, category in zip(colors, categories)]
        ax.legend(handles=handles, title=value, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0,
                  fontsize=9)
    for set_ticks, set_labels, levels in ((ax.set_xticks, ax.set_xticklabels, x_levels),
                                          (ax.set_yticks, ax.set_yticklabels, y_levels)):
        step = max(1, int(np.ceil(len(levels) / 12)))  # at most a dozen tick labels
        positions = list(range(0, len(levels), step))
        set_ticks(positions)
        set_labels([_level_label(levels[i]) for i in positions])
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    ax.set_title(title or f"{value} over {x} and {y}")
    return ax


_CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, np.sqrt(3.0) / 2.0]])  # actions 0, 1, 2 of the simplex


def _to_simplex(points):
    """Barycentric coordinates of points in the plane of the triangle ``_CORNERS``."""
    points = np.atleast_2d(points)
    last = points[:, 1] / _CORNERS[2, 1]
    middle = points[:, 0] - 0.5 * last
    return np.column_stack([1.0 - middle - last, middle, last])


def _ternary_frame(ax, labels):
    """The triangle, light lines at quarters of each share, the corners labelled."""
    for a in range(3):
        for share in (0.25, 0.5, 0.75):
            ends = []
            for b in (x for x in range(3) if x != a):  # the line x_a = share meets the edges a-b
                ends.append(share * _CORNERS[a] + (1.0 - share) * _CORNERS[b])
            ends = np.array(ends)
            ax.plot(ends[:, 0], ends[:, 1], color="0.85", linewidth=0.6, zorder=0)
    outline = np.vstack([_CORNERS, _CORNERS[:1]])
    ax.plot(outline[:, 0], outline[:, 1], color="black", linewidth=1.2, zorder=1)
    offsets = [((-0.02, -0.04), "center", "top"), ((0.02, -0.04), "center", "top"), ((0.0, 0.03), "center", "bottom")]
    for corner, label, ((dx, dy), ha, va) in zip(_CORNERS, labels, offsets):
        ax.text(corner[0] + dx, corner[1] + dy, f"all {label}", ha=ha, va=va, fontsize=10)
    ax.set_xlim(-0.15, 1.15)
    ax.set_ylim(-0.2, _CORNERS[2, 1] + 0.1)
    ax.set_aspect("equal")
    ax.axis("off")


def _interior_rest_curve(game, resolution=120):
    """Points of a continuum of rest points inside the simplex of a 3-action game,
    where every action pays the same: the zeros of one gain (U_0 - U_2, or U_1 - U_2
    if that one vanishes identically) on the edges of a fine triangular lattice,
    interpolated linearly and kept where the other gain changes sign or vanishes
    on the same edge. Shares as rows (m, 3)."""
    r = resolution
    index = {}
    for i in range(r + 1):
        for j in range(r + 1 - i):
            index[i, j] = len(index)
    states = np.array([(r - i - j, i, j) for i, j in index], dtype=float) / r
    payoffs = np.array([_core.action_payoffs(game, state) for state in states])
    gains = payoffs[:, :2] - payoffs[:, 2:]
    scale = float(np.ptp(payoffs)) or 1.0
    first, second = gains[:, 0], gains[:, 1]
    if np.all(np.abs(first) <= 1e-12 * scale):
        first, second = second, first
    points = []
    for (i, j), k in index.items():
        for di, dj in ((1, 0), (0, 1), (-1, 1)):
            neighbour = index.get((i + di, j + dj))
            if neighbour is None:
                continue
            if first[k] == 0:
                t = 0.0
            elif first[k] * first[neighbour] < 0:
                t = first[k] / (first[k] - first[neighbour])
            else:
                continue
            other = second[k] + t * (second[neighbour] - second[k])
            if abs(other) <= abs(second[neighbour] - second[k]) + 1e-9 * scale:
                points.append(states[k] + t * (states[neighbour] - states[k]))
    return np.array(points).reshape(-1, 3)


def _trajectory_starts(trajectories, function):
    if isinstance(trajectories, (int, np.integer)) and not isinstance(trajectories, bool):
        if trajectories < 0:
            raise ValueError(f"{function}: trajectories must be >= 0, got {trajectories}")
        # evenly spaced on a circle around the centre, inside the triangle (its inradius is 0.289)
        angles = np.pi / 2 + np.pi / max(trajectories, 1) + 2 * np.pi * np.arange(trajectories) / max(trajectories, 1)
        centre = _CORNERS.mean(axis=0)
        return _to_simplex(centre + 0.22 * np.column_stack([np.cos(angles), np.sin(angles)]))
    starts = np.asarray(trajectories, dtype=float)
    if starts.ndim != 2 or starts.shape[1] != 3 or np.any(starts < 0) or not np.allclose(starts.sum(axis=1), 1.0):
        raise ValueError(f"{function}: trajectories must be a count or an array of states (k x 3, "
                         f"nonnegative, each summing to 1), got {trajectories!r}")
    return starts


def replicator_ternary(game, *, ax=None, title=None, resolution=14, trajectories=6, t_end=None):
    """Replicator dynamics of a 3-action symmetric game on the simplex.

    Arrows show the direction of :func:`dilemma.replicator_field` on a
    triangular lattice (their colour its speed), lines a few solutions of
    :func:`dilemma.replicator_trajectory`, and markers the rest points of
    :func:`dilemma.replicator_rest_points` by linear stability; continua of
    rest points are drawn in orange (a whole edge, or the points inside
    where every action pays the same; none of its points is asymptotically
    stable, even where the continuum attracts: they are "neutral"). A corner
    is everyone playing that action (the corners are labelled with
    ``game.action_labels``). When the field is identically zero (a
    payoff-invariant game) the plot says so instead: every state is a rest
    point.

    Parameters
    ----------
    game : SymmetricGame
        A game with 3 actions.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when omitted.
    title : str, optional
        By default, "replicator dynamics: <game title>".
    resolution : int, default 14
        Subdivisions of each edge for the arrows.
    trajectories : int or array_like, default 6
        How many trajectories to draw (starting on a circle around the
        centre), or their starting states (k x 3).
    t_end : float, optional
        Time to follow each trajectory; by default 20 divided by the
        largest speed of the field on the lattice.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import dilemma
    >>> game = dilemma.confession_game(5, "ordered_leniency")
    >>> ax = dilemma.plotting.replicator_ternary(game, resolution=8, trajectories=3)
    >>> ax.get_legend_handles_labels()[1]   # the markers, and the deny-confess edge
    ['unstable', 'neutral', 'continuum']
    """
    function = "replicator_ternary"
    if not isinstance(game, _core.SymmetricGame):
        raise ValueError(f"{function}: needs a SymmetricGame, got {type(game).__name__}")
    if game.num_actions != 3:
        raise ValueError(f"{function}: needs a game with 3 actions, got {game.num_actions}")
    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"{function}: resolution must be an integer >= 2, got {resolution!r}")
    starts = _trajectory_starts(trajectories, function)
    if t_end is not None and not (np.isfinite(t_end) and t_end > 0):
        raise ValueError(f"{function}: t_end must be positive and finite, got {t_end!r}")
    ax = _axes(ax)
    _ternary_frame(ax, game.action_labels)
    r = int(resolution)
    states = np.array([(r - i - j, i, j) for i in range(r + 1) for j in range(r + 1 - i)], dtype=float) / r
    states = states[states.max(axis=1) < 1.0]  # the corners are always rest points
    velocity = np.array([_core.replicator_field(game, state) for state in states]) @ _CORNERS
    speed = np.linalg.norm(velocity, axis=1)
    if _core.max_stake(game) == 0 or not np.any(speed > 0):  # a payoff-invariant game
        ax.fill(_CORNERS[:, 0], _CORNERS[:, 1], color="0.93", zorder=0)
        ax.text(0.5, 0.3, "the replicator field is identically zero:\nevery state is a rest point",
                ha="center", va="center", fontsize=10, bbox=dict(boxstyle="round", facecolor="white", alpha=0.9))
        ax.set_title(title or f"replicator dynamics: {game.title}")
        return ax
    moving = speed > 1e-9 * speed.max()  # rounding noise where the field vanishes has no direction
    xy = states @ _CORNERS
    direction = velocity[moving] / speed[moving, None]
    arrows = ax.quiver(xy[moving, 0], xy[moving, 1], direction[:, 0], direction[:, 1], speed[moving],
                       cmap="viridis", angles="xy", scale_units="xy", scale=r / 0.6, pivot="mid",
                       width=0.005, zorder=2)
    ax.figure.colorbar(arrows, ax=ax, shrink=0.6, label="speed of the field")
    horizon = 20.0 / speed.max() if t_end is None else float(t_end)
    for start in starts:
        _, path = _core.replicator_trajectory(game, start, horizon)
        path = np.asarray(path) @ _CORNERS
        ax.plot(path[:, 0], path[:, 1], color="0.15", linewidth=1.3, zorder=3)
        ax.plot(path[0, 0], path[0, 1], "o", color="0.15", markersize=3, zorder=3)
        lengths = np.cumsum(np.linalg.norm(np.diff(path, axis=0), axis=1))
        if lengths.size and lengths[-1] > 1e-3:  # an arrowhead half way along
            k = int(np.searchsorted(lengths, lengths[-1] / 2))
            ax.annotate("", xy=path[k + 1], xytext=path[k], zorder=3,
                        arrowprops=dict(arrowstyle="-|>", color="0.15", lw=1.3, shrinkA=0, shrinkB=0))
    from .solvers import replicator_rest_points

    rest = replicator_rest_points(game)
    styles = {"asymptotically stable": dict(facecolor="black"), "unstable": dict(facecolor="white"),
              "neutral": dict(facecolor="0.6")}
    for stability, style in styles.items():
        points = np.array([p.state for p in rest.points if p.stability == stability]).reshape(-1, 3) @ _CORNERS
        if len(points):
            ax.scatter(points[:, 0], points[:, 1], s=60, edgecolors="black", linewidths=1.2, zorder=4,
                       clip_on=False, label=stability, **style)
    labels, notes, edge_label = game.action_labels, [], "continuum"
    for support in rest.singular_supports:
        if len(support) == 2:  # a continuum on an edge is the whole edge (a polynomial in one share vanishes)
            edge = _CORNERS[list(support)]
            ax.plot(edge[:, 0], edge[:, 1], color="tab:orange", linewidth=5, alpha=0.7, zorder=1.5,
                    solid_capstyle="butt", label=edge_label)
            edge_label = None
            continue
        curve = _interior_rest_curve(game) @ _CORNERS
        if len(curve):
            ax.scatter(curve[:, 0], curve[:, 1], s=6, color="tab:orange", zorder=1.5, label=edge_label)
            edge_label = None
        else:
            notes.append("a continuum of rest points inside the simplex (support "
                         + "+".join(labels[a] for a in support) + ")")
    if notes:
        ax.text(0.5, -0.12, "\n".join(notes), ha="center", va="top", fontsize=8)
    ax.legend(loc="upper left", fontsize=8, title="rest points", title_fontsize=8, frameon=False)
    ax.set_title(title or f"replicator dynamics: {game.title}")
    return ax
