"""The public solvers, one function each, made from the compiled solver's options table.

Every solver is ``name(game, *inputs, **options)``: the options are keyword
only, with the names and defaults of the C++ ``<Method>Options`` struct
(``_core._solvers`` carries its field table), plus ``rational=`` where the
method computes exactly, ``visit=`` where it streams, and ``progress=`` /
``time_limit=`` (see :func:`dilemma.monitor`). Enumerators return an
:class:`EquilibriumList`; the others their compiled result, whose ``report``
says how the run ended.
"""
import inspect
import re
import sys

from . import _core
from ._core import SolveReport
from ._keywords import checked
from ._repr import remember_game
from .results import EquilibriumList, _monitored

_MONITOR = (("progress", "callable, optional", "Called with the fraction done (see dilemma.monitor)."),
            ("time_limit", "float, optional", "Seconds before TimeoutError (see dilemma.monitor)."))
_RATIONAL = ("rational", "bool, default False",
             "Exact arithmetic (Boost rationals; probabilities as fractions.Fraction); tol is then ignored.")
_VISIT = ("visit", "callable, optional",
          "Called with each equilibrium as soon as it is found; the result then holds only the report. "
          "An exception it raises stops the search and propagates. Without visit, a stop (TimeoutError, "
          "Cancelled, KeyboardInterrupt) carries the equilibria found before it as its attribute equilibria.")
# The stops that leave the equilibria a streaming solver found on the
# exception, as `equilibria`: a time limit, a cancel token, Ctrl-C.
_STOPS = (TimeoutError, _core.Cancelled, KeyboardInterrupt)
_SECTION = re.compile(r"^(Parameters|Returns|Yields|Raises|See Also|Notes|References|Examples)\n-+\n", re.M)


def _type_name(value):
    return "int" if isinstance(value, int) and not isinstance(value, bool) else type(value).__name__


def _parameter_lines(options, spec):
    rows = [(name, f"{_type_name(default)}, default {default!r}", doc) for name, default, doc in options]
    if spec["rational"]:
        rows.append(_RATIONAL)
    if spec["streams"]:
        rows.append(_VISIT)
    rows.extend(_MONITOR)
    return "".join(f"{name} : {kind}\n    {doc}\n" for name, kind, doc in rows)


def _docstring(text, options, spec):
    """The solver's own text with its option rows added to (or as) the
    Parameters section: the defaults come from the table, never by hand."""
    text = inspect.cleandoc(text or "") + "\n"
    lines = _parameter_lines(options, spec)
    sections = list(_SECTION.finditer(text))
    params = next((s for s in sections if s.group(1) == "Parameters"), None)
    if params is not None:
        after = next((s.start() for s in sections if s.start() > params.start()), len(text))
        return text[:after].rstrip("\n") + "\n" + lines + "\n" + text[after:]
    at = sections[0].start() if sections else len(text)
    game = f"game : {spec['game']}\n" if "game" in spec else ""
    return text[:at].rstrip("\n") + "\n\nParameters\n----------\n" + game + lines + "\n" + text[at:]


def _collector(name, found):
    """found.append, checked against the memory limit as the list grows (the
    list the compiled solver would have built is checked there)."""
    def collect(item):
        found.append(item)
        if len(found) & 0xFFFF == 0:
            needed = len(found) * (sys.getsizeof(item) + 8)  # the object and its slot in the list
            if needed > _core.memory_limit():
                raise ValueError(f"{name}: the list of equilibria found needs about {needed} bytes, more than the "
                                 f"memory limit of {_core.memory_limit()} bytes (set_memory_limit changes it; "
                                 f"visit= streams them without a list)")
    return collect


def _solver(name, inputs=()):
    """The public function `name` around the compiled `_core._<name>`."""
    core = getattr(_core, "_" + name)
    spec = _core._solvers[name]
    options = [tuple(row) for row in spec["options"]]
    accepted = [row[0] for row in options] + (["rational"] if spec["rational"] else []) + \
        (["visit"] if spec["streams"] else []) + ["progress", "time_limit"]

    def solve(game, *args, **kwargs):
        if len(args) > len(inputs):
            raise TypeError(f"{name}() takes {1 + len(inputs)} positional argument(s) ({', '.join(('game',) + inputs)}),"
                            f" got {1 + len(args)}; options are keyword-only: {', '.join(accepted)}")
        progress, time_limit = kwargs.pop("progress", None), kwargs.pop("time_limit", None)
        so_far = None
        if spec["streams"] and kwargs.get("visit") is None:  # kept as found, for a stop to hand over
            so_far = []
            kwargs["visit"] = _collector(name, so_far)
        try:
            with _monitored(progress, time_limit):
                found = core(game, *args, **kwargs)
        except _STOPS as stop:
            if so_far is not None:
                stop.equilibria = so_far
            raise
        if isinstance(found, tuple) and len(found) >= 3 and isinstance(found[1], SolveReport):
            # an enumerator: (equilibria, report, params[, extras]); a profile is a tuple too
            found = EquilibriumList(found[0] if so_far is None else so_far, report=found[1], params=found[2],
                                    **(found[3] if len(found) > 3 else {}))
            if name == "nash_components":  # each component shows its own equilibria
                for component in found:
                    remember_game(component, game)
        return remember_game(found, game)  # its views name the game's actions

    kw = inspect.Parameter.KEYWORD_ONLY
    parameters = [inspect.Parameter("game", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    parameters += [inspect.Parameter(i, inspect.Parameter.POSITIONAL_OR_KEYWORD) for i in inputs]
    parameters += [inspect.Parameter(option, kw, default=default) for option, default, _ in options]
    if spec["rational"]:
        parameters.append(inspect.Parameter("rational", kw, default=False))
    if spec["streams"]:
        parameters.append(inspect.Parameter("visit", kw, default=None))
    parameters += [inspect.Parameter("progress", kw, default=None), inspect.Parameter("time_limit", kw, default=None)]
    solve.__signature__ = inspect.Signature(parameters)
    solve.__name__ = solve.__qualname__ = name
    solve.__module__ = "dilemma"
    solve.__doc__ = _docstring(spec.get("doc", ""), options, spec)
    return checked(solve, name, accepted + ["game", *inputs])  # the options first: they are what one misspells


def solver_names():
    """The public solvers, in the order they were bound."""
    return list(_core._solvers)


# Pure equilibria; two-player games; n-player games; symmetric games at scale.
pure_nash, pure_nash_brute = map(_solver, ("pure_nash", "pure_nash_brute"))
vertex_enumeration, support_enumeration, nash_components, lemke_howson, lemke_howson_all, solve_zero_sum = map(
    _solver, ("vertex_enumeration", "support_enumeration", "nash_components", "lemke_howson", "lemke_howson_all",
              "solve_zero_sum"))
correlated_equilibrium, enumerate_equilibria, simplicial_subdivision, logit_qre = map(
    _solver, ("correlated_equilibrium", "enumerate_equilibria", "simplicial_subdivision", "logit_qre"))
logit_qre_at = _solver("logit_qre_at", inputs=("lam",))
symmetric_equilibria, replicator_rest_points, evolutionarily_stable_strategies = map(
    _solver, ("symmetric_equilibria", "replicator_rest_points", "evolutionarily_stable_strategies"))
