"""best_response: one best reply, with QuantEcon's tie-breaking options."""
import numpy as np

from . import _core


def best_response(game, profile, player, *, tie_breaking="smallest", tol=0.0, random_state=None):
    """A best response of ``player`` to the others' strategies in ``profile``.

    As QuantEcon's ``Player.best_response``, on a whole game: the actions
    within ``tol`` of the best payoff are the best responses
    (:func:`best_responses`); ``tie_breaking`` picks among them.

    Parameters
    ----------
    game : NormalFormGame
    profile : sequence
        Pure (one action per player) or mixed (one probability vector per
        player); ``player``'s own entry is ignored.
    player : int
    tie_breaking : {"smallest", "random", False}, default "smallest"
        The smallest index, one drawn uniformly (``random_state`` seeds it),
        or ``False`` for the list of all best responses.
    tol : float, default 0.0
    random_state : int or numpy.random.Generator, optional

    Returns
    -------
    int, or list of int when ``tie_breaking`` is False

    Examples
    --------
    >>> import dilemma
    >>> pd = dilemma.prisoners_dilemma()
    >>> dilemma.best_response(pd, (0, 0), 0)   # defect against a cooperator
    1
    """
    actions = _core.best_responses(game, profile, player, tol=tol)
    if tie_breaking is False:
        return actions
    if tie_breaking == "smallest":
        return actions[0]
    if tie_breaking == "random":
        return int(np.random.default_rng(random_state).choice(actions))
    raise ValueError(f"best_response: tie_breaking must be 'smallest', 'random' or False, got {tie_breaking!r}")
