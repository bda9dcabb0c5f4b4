"""EquilibriumList: what every enumerating solver returns.

A list of equilibria (so code written for QuantEcon's ``pure_nash_brute`` or
``vertex_enumeration`` keeps working) with the solver's own report: every
attribute below comes from the compiled solver (its SolveReport and its
options), none is filled in here.
"""
import contextlib

from . import _core, _repr


class EquilibriumList(list):
    """The equilibria a solver found, in its order, plus its report.

    Attributes
    ----------
    report : SolveReport
        ``method``, ``converged``, ``exhaustive``, ``num_iter``, ``message``
        (each also an attribute of the list itself).
    params : dict
        The options the method ran with.

    Methods with more to say add attributes (``singular_supports`` of
    :func:`symmetric_equilibria`, ...). Its ``repr`` is that of a plain
    list; ``str()`` and Jupyter show the report above a table of the
    equilibria, named with the game's action labels (exact fractions as
    fractions).

    Examples
    --------
    >>> import dilemma
    >>> found = dilemma.pure_nash(dilemma.prisoners_dilemma())
    >>> found, found.exhaustive, found.num_iter
    ([(1, 1)], True, 4)
    >>> found.params
    {'tol': 0.0}
    """

    def __init__(self, equilibria=(), *, report, params=None, **extras):
        super().__init__(equilibria)
        self.report = report
        self.params = dict(params or {})
        for name, value in extras.items():
            setattr(self, name, value)

    method = property(lambda self: self.report.method, doc="The solver that found them.")
    converged = property(lambda self: self.report.converged, doc="The solver reached its own stopping rule.")
    exhaustive = property(lambda self: self.report.exhaustive, doc="Every equilibrium looked for is listed.")
    num_iter = property(lambda self: self.report.num_iter, doc="The solver's unit of work.")
    message = property(lambda self: self.report.message, doc="Why the solver stopped.")

    @property
    def equilibria(self):
        """The equilibria as a plain list."""
        return list(self)

    _repr_html_ = _repr.result_html
    __str__ = _repr.result_text


@contextlib.contextmanager
def _monitored(progress, time_limit):
    if progress is None and time_limit is None:
        yield
    else:
        with _core.monitor(progress=progress, time_limit=time_limit):
            yield
