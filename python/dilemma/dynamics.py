"""Symmetric mixed equilibria of symmetric games (result type and wrapper)."""
import numpy as np

from . import _core
from .results import EquilibriumList, _monitored
import types as _types


class SymmetricEquilibriumList(EquilibriumList):
    """The symmetric equilibria found, each a 1-D probability array, plus
    the :class:`EquilibriumList` report and:

    ``singular_supports``: supports on which every profile solves the
    indifference conditions (a continuum; its barycenter is listed as the
    representative); ``supports_searched`` (also ``num_iter``).
    """

    def __init__(self, equilibria=(), *, singular_supports=(), supports_searched=0, method, num_iter, exhaustive,
                 params):
        report = _types.SimpleNamespace(method=method, converged=True, exhaustive=exhaustive, num_iter=num_iter,
                                        message="")
        super().__init__(equilibria, report=report, params=params)
        self.singular_supports = [tuple(s) for s in singular_supports]
        self.supports_searched = supports_searched

    def __repr__(self):
        return (f"SymmetricEquilibriumList({list.__repr__(self)}, exhaustive={self.exhaustive}, "
                f"singular_supports={self.singular_supports})")


def symmetric_equilibria(game, *, tol=1e-9, num_starts=24, max_iter=100, random_state=0, progress=None,
                         time_limit=None):
    """All symmetric equilibria found: everybody mixes with the same ``x``.

    Two actions: the interior roots of the gain polynomial (a Bernstein
    polynomial, MODEL.md section 4), isolated by subdivision or, for large n,
    by sampling near the sign changes of the gains, and polished with
    TOMS 748; plus the boundary equilibria. Three or more actions: every
    support, each indifference system solved by damped Newton steps from
    ``num_starts`` random starts and the barycenter. Each equilibrium's
    regret is at most ``tol`` times the payoff scale.

    Returns a :class:`SymmetricEquilibriumList`: a list of 1-D probability
    arrays with ``exhaustive``, ``singular_supports``, ``supports_searched``
    and the :class:`EquilibriumList` report. ``progress`` and
    ``time_limit`` as in :func:`dilemma.monitor`.

    Examples
    --------
    >>> import dilemma
    >>> found = dilemma.symmetric_equilibria(dilemma.confession_game(50, "leniency_for_naming"))
    >>> [x.tolist() for x in found], found.exhaustive
    ([[0.0, 0.0, 1.0]], True)
    """
    if not isinstance(game, _core.SymmetricGame):
        raise ValueError(f"symmetric_equilibria: needs a SymmetricGame, got {type(game).__name__}")
    for name, value in (("num_starts", num_starts), ("max_iter", max_iter), ("random_state", random_state)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"symmetric_equilibria: {name} must be an integer >= 0, got {value!r}")
    params = {"tol": tol, "num_starts": num_starts, "max_iter": max_iter, "random_state": random_state}
    with _monitored(progress, time_limit):
        result = _core._symmetric_equilibria(game, tol, num_starts, max_iter, random_state)
    return SymmetricEquilibriumList(result.equilibria, singular_supports=result.singular_supports,
                                    supports_searched=result.supports_searched, method="symmetric_equilibria",
                                    num_iter=result.supports_searched, exhaustive=result.exhaustive,
                                    params=params)
