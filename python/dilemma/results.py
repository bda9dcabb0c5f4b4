"""Result objects of the equilibrium enumerators, and the solvers that return them.

The compiled enumerators return plain lists; the functions here return an
:class:`EquilibriumList` instead: still a list of equilibria (so code written
for QuantEcon's ``pure_nash_brute`` or ``vertex_enumeration`` keeps working),
with what a researcher needs to report the computation: ``method``,
``converged``, ``num_iter``, ``exhaustive`` and ``params``. Every solver here
also takes ``progress=`` and ``time_limit=`` (see :func:`dilemma.monitor`).
"""
import contextlib
import functools

from . import _core


class EquilibriumList(list):
    """The equilibria a solver found, in its order, plus its report.

    Attributes
    ----------
    method : str
        The function that computed them.
    converged : bool
        The method ran to its end (an enumerator that returns has).
    num_iter : int or None
        The method's unit of work: profiles or count classes checked,
        Lemke-Howson paths followed; None where the method does not count
        its work in steps (the vertex and support searches).
    exhaustive : bool
        Every equilibrium of the kind the method looks for is listed (pure
        ones, extreme ones, symmetric ones ...).
    params : dict
        The options the method ran with.

    It prints as a plain list (as QuantEcon's functions return); Jupyter
    shows the report above the equilibria.

    Examples
    --------
    >>> import dilemma
    >>> found = dilemma.pure_nash(dilemma.prisoners_dilemma())
    >>> found, found.exhaustive, found.num_iter
    ([(1, 1)], True, 4)
    >>> found.params
    {'tol': 0.0}
    """

    def __init__(self, equilibria=(), *, method, converged=True, num_iter=None, exhaustive=True, params=None):
        super().__init__(equilibria)
        self.method = method
        self.converged = bool(converged)
        self.num_iter = num_iter
        self.exhaustive = bool(exhaustive)
        self.params = dict(params or {})

    @property
    def equilibria(self):
        """The equilibria as a plain list."""
        return list(self)

    def _repr_html_(self):
        from ._repr import equilibrium_list_html

        return equilibrium_list_html(self)

    def _repr_latex_(self):
        from ._repr import equilibrium_list_latex

        return equilibrium_list_latex(self)


@contextlib.contextmanager
def _monitored(progress, time_limit):
    if progress is None and time_limit is None:
        yield
    else:
        with _core.monitor(progress=progress, time_limit=time_limit):
            yield


def _count(game, attribute_dense, attribute_symmetric):
    return getattr(game, attribute_symmetric if isinstance(game, _core.SymmetricGame) else attribute_dense)


def _enumerator(core, *, defaults, exhaustive=True, num_iter=None, positional=None):
    """A solver returning an EquilibriumList around the compiled `core`.

    `defaults` are the keyword options and `positional` the optional
    positional arguments after the game (QuantEcon's ``rational``), each
    with its default (all recorded in ``params``); `num_iter(game, found)`
    is the work done.
    """
    positional = positional or {}

    @functools.wraps(core)
    def solve(game, *args, progress=None, time_limit=None, **options):
        unknown = set(options) - set(defaults) - set(positional)
        if unknown:
            raise TypeError(f"{core.__name__}() got unexpected keyword argument(s) {sorted(unknown)}; "
                            f"its options are {sorted(defaults)}, progress and time_limit")
        if len(args) > len(positional):
            raise TypeError(f"{core.__name__}() takes {1 + len(positional)} positional argument(s), "
                            f"got {1 + len(args)}")
        params = {**positional, **dict(zip(positional, args)), **defaults, **options}
        with _monitored(progress, time_limit):
            found = core(game, *args, **{**defaults, **options})
        return EquilibriumList(found, method=core.__name__, exhaustive=exhaustive,
                               num_iter=num_iter(game, found) if num_iter else None, params=params)

    solve.__module__ = "dilemma"
    solve.__doc__ = (core.__doc__ or "") + (
        "\nReturns an EquilibriumList (a list with method, converged, num_iter, exhaustive, params). "
        "progress= and time_limit= as in dilemma.monitor.\n")
    return solve


pure_nash = _enumerator(_core.pure_nash, defaults={"tol": 0.0},
                        num_iter=lambda game, found: _count(game, "num_profiles", "num_count_vectors"))
pure_nash_brute = _enumerator(_core.pure_nash_brute, defaults={"tol": 0.0},
                              num_iter=lambda game, found: game.num_profiles)
vertex_enumeration = _enumerator(_core.vertex_enumeration, defaults={"tol": 1e-9}, positional={"rational": False})
support_enumeration = _enumerator(_core.support_enumeration, defaults={"tol": 1e-9}, positional={"rational": False})
nash_components = _enumerator(_core.nash_components, defaults={"tol": 1e-9}, positional={"rational": False})
lemke_howson_all = _enumerator(_core.lemke_howson_all, defaults={"max_iter": 1000000, "rational": False, "tol": 1e-9},
                               exhaustive=False, num_iter=lambda game, found: sum(game.nums_actions))


def _report_like_equilibrium_list():
    """The compiled results of the one-equilibrium and all-equilibria
    solvers answer the same questions as EquilibriumList: method,
    converged, num_iter, exhaustive, params."""
    _core.EquilibriumEnumeration.method = "enumerate_equilibria"
    _core.EquilibriumEnumeration.converged = property(lambda self: True, doc="The search ran to its end.")
    _core.EquilibriumEnumeration.num_iter = property(lambda self: self.boxes, doc="Boxes examined.")
    for result, method in ((_core.LogitQreResult, "logit_qre"),
                           (_core.SimplicialSubdivisionResult, "simplicial_subdivision")):
        result.method = method
        result.exhaustive = property(lambda self: False, doc="One equilibrium, not all of them.")
    for result in (_core.EquilibriumEnumeration, _core.LogitQreResult, _core.SimplicialSubdivisionResult):
        result.params = property(lambda self: dict(self.options), doc="The options the method ran with.")


_report_like_equilibrium_list()
