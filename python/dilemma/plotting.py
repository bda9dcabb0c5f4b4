"""Plots for dilemma's games (matplotlib is imported only when a plot is drawn)."""
import numpy as np

from . import _core


def _axes(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(6.4, 4.2))
    return ax


def schelling_diagram(game, *, varying_action=None, rest_action=0, ax=None, title=None):
    """Schelling's diagram of a symmetric game.

    For k = 0 .. n-1 other players taking ``varying_action`` (by default the
    last action, "name" in the confession game) and the rest taking
    ``rest_action`` (default the first, "deny"), plots the payoff of each
    own action. Where the curves coincide, one's own choice does not matter.

    Returns the matplotlib Axes.
    """
    if not isinstance(game, _core.SymmetricGame):
        raise ValueError(f"schelling_diagram: needs a SymmetricGame, got {type(game).__name__}")
    s, n = game.num_actions, game.num_players
    varying = s - 1 if varying_action is None else varying_action
    for action, label in ((varying, "varying_action"), (rest_action, "rest_action")):
        if not 0 <= action < s:
            raise ValueError(f"schelling_diagram: {label} {action} is out of range; the game has {s} actions")
    ax = _axes(ax)
    k = np.arange(n)
    labels = game.action_labels
    styles = ["-", "--", ":", "-."]
    for a in range(s):
        payoffs = []
        for others in k:
            m = [0] * s
            m[varying] += int(others)
            m[rest_action] += n - 1 - int(others)
            payoffs.append(game.payoff(a, m))
        ax.plot(k, payoffs, styles[a % len(styles)], marker="o" if n <= 30 else None,
                markersize=4, linewidth=2, label=f"I {labels[a]}")
    if _core.max_stake(game) == 0:
        ax.text(0.5, 0.06, "all curves coincide: one's own choice does not change one's payoff",
                transform=ax.transAxes, ha="center", fontsize=9,
                bbox=dict(boxstyle="round", facecolor="white", alpha=0.8))
    ax.set_xlabel(f"number of other players who {labels[varying]} (the rest {labels[rest_action]})")
    ax.set_ylabel("my payoff (minus sentence)")
    ax.set_title(title or game.title)
    ax.grid(True, alpha=0.3)
    ax.legend()
    return ax


def qre_branch(result, ax=None, *, title=None):
    """Plot the branch of a logit QRE: every action's probability against lambda.

    Parameters
    ----------
    result : LogitQreResult
        The result of :func:`dilemma.logit_qre` (with ``record_branch=True``).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when omitted.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    The horizontal axis is ``lambda / (1 + lambda)`` so that the whole branch,
    from 0 to its limit, fits; one line per action of each player (dense
    games) or per action of the common strategy (symmetric games).

    Examples
    --------
    >>> import dilemma
    >>> ax = dilemma.plotting.qre_branch(dilemma.logit_qre(dilemma.battle_of_the_sexes()))
    """
    lambdas = np.asarray(result.branch.lambdas, dtype=float)
    if lambdas.size == 0:
        raise ValueError("qre_branch: the result has no branch; call logit_qre with record_branch=True")
    profiles = result.branch.profiles
    blocks = list(profiles) if isinstance(profiles, tuple) else [profiles]
    ax = _axes(ax)
    position = lambdas / (1.0 + lambdas)
    styles = ["-", "--", ":", "-."]
    for i, block in enumerate(blocks):
        for a in range(block.shape[1]):
            label = f"player {i + 1}: action {a + 1}" if len(blocks) > 1 else f"action {a + 1}"
            # Dense games: a colour per player, a line style per action; one strategy: a colour per action.
            color = f"C{i % 10}" if len(blocks) > 1 else f"C{a % 10}"
            ax.plot(position, block[:, a], styles[a % len(styles)], color=color, linewidth=1.8, label=label)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("lambda / (1 + lambda)")
    ax.set_ylabel("probability")
    ax.set_title(title or f"logit QRE branch (traced to lambda = {result.lam:.4g})")
    ax.grid(True, alpha=0.3)
    if sum(block.shape[1] for block in blocks) <= 12:
        ax.legend(fontsize=8)
    return ax
