"""Symmetric mixed equilibria of symmetric games (result type and wrapper)."""
from . import _core


class SymmetricEquilibriumList(list):
    """The symmetric equilibria found, each a 1-D probability array, plus:

    ``exhaustive``: whether the method proves there is no other isolated
    equilibrium; ``singular_supports``: supports on which every profile
    solves the indifference conditions (a continuum; its barycenter is
    listed as the representative); ``supports_searched``.
    """

    def __init__(self, result):
        super().__init__(result.equilibria)
        self.exhaustive = result.exhaustive
        self.singular_supports = [tuple(s) for s in result.singular_supports]
        self.supports_searched = result.supports_searched

    def __repr__(self):
        return (f"SymmetricEquilibriumList({list.__repr__(self)}, exhaustive={self.exhaustive}, "
                f"singular_supports={self.singular_supports})")


def symmetric_equilibria(game, *, tol=1e-9, num_starts=24, max_iter=100, random_state=0):
    """All symmetric equilibria found: everybody mixes with the same ``x``.

    Two actions: the interior roots of the gain polynomial (a Bernstein
    polynomial, MODEL.md section 4), isolated by subdivision or, for large n,
    by sampling near the sign changes of the gains, and polished with
    TOMS 748; plus the boundary equilibria. Three or more actions: every
    support, each indifference system solved by damped Newton steps from
    ``num_starts`` random starts and the barycenter. Each equilibrium's
    regret is at most ``tol`` times the payoff scale.

    Returns a list of 1-D probability arrays with the attributes
    ``exhaustive``, ``singular_supports`` and ``supports_searched``.
    """
    if not isinstance(game, _core.SymmetricGame):
        raise ValueError(f"symmetric_equilibria: needs a SymmetricGame, got {type(game).__name__}")
    return SymmetricEquilibriumList(_core._symmetric_equilibria(game, tol, num_starts, max_iter, random_state))
