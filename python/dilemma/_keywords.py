"""One message for a keyword a function does not take, on every public callable.

pybind11 answers an unknown keyword with a dump of every overload's
signature, Python with the keyword alone. The package instead raises::

    TypeError: random_game() got an unexpected keyword argument 'seed'; its keywords are
    nums_actions, random_state, low, high, integer; did you mean 'random_state'?

The compiled module raises it for its own functions, methods and
constructors (python/src/keywords.cpp, when a call fails). For the
package's Python functions :func:`check_keywords` puts a check of the
keywords in front of each, once, at import (a function that takes
``**kwargs`` names what it accepts in ``_accepted_keywords``, or checks
them itself); a call then costs one test of whether any keyword was given.
"""
import difflib
import functools
import inspect
import sys

# Names other libraries use, suggested when the function takes the one on the right.
_SYNONYMS = {"seed": "random_state", "rng": "random_state", "tolerance": "tol", "maxiter": "max_iter",
             "max_iterations": "max_iter", "timeout": "time_limit", "n": "num_players", "lambda_": "lam"}


def unexpected_keyword(function, keyword, accepted, hints=None, within=None):
    """The TypeError for `keyword`, which `function` (its name as called)
    does not take; `accepted` lists the keywords it does, in order;
    `hints` maps other names one might write (a model's symbols) to them.
    With `within`, the keyword was a key of the dict given as that argument."""
    listed = ", ".join(accepted) if accepted else "none (it takes positional arguments only)"
    if within is None:
        text = f"{function}() got an unexpected keyword argument {keyword!r}; its keywords are {listed}"
    else:
        text = f"{function}() got an unknown parameter {keyword!r} in {within}=; the parameters are {listed}"
    hint = (hints or {}).get(keyword, _SYNONYMS.get(keyword))
    close = [hint] if hint in accepted else difflib.get_close_matches(str(keyword), accepted, n=1)
    return TypeError(text + (f"; did you mean {close[0]!r}?" if close else ""))


def _keywords(function):
    """The keywords a Python function takes, in order; None when it takes any."""
    if hasattr(function, "_accepted_keywords"):
        return list(function._accepted_keywords)
    parameters = inspect.signature(function).parameters.values()
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        return None
    return [p.name for p in parameters if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


def checked(function, name, accepted):
    """`function` behind the keyword check, as `name` in messages."""
    allowed, hints = frozenset(accepted), getattr(function, "_keyword_hints", None)

    @functools.wraps(function)
    def call(*args, **kwargs):
        if kwargs and not allowed.issuperset(kwargs):
            raise unexpected_keyword(name, next(k for k in kwargs if k not in allowed), accepted, hints)
        return function(*args, **kwargs)

    call._accepted_keywords, call._checks_keywords = tuple(accepted), True
    return call


def _check(function, name):
    accepted = None if getattr(function, "_checks_keywords", False) else _keywords(function)
    return function if accepted is None else checked(function, name, accepted)


def check_keywords(namespace):
    """Puts the keyword check in front of every public Python function of
    `namespace` (a module's ``vars()``) that the package defines, and of the
    public methods of its Python classes; in the module that defines each
    too, so that pickling by reference finds the checked one."""
    for key, value in list(namespace.items()):
        if key.startswith("_") or not getattr(value, "__module__", "").startswith("dilemma"):
            continue
        if inspect.isfunction(value):
            checked_function = _check(value, value.__name__)
            home = vars(sys.modules[value.__module__])
            if home.get(value.__name__) is value:
                home[value.__name__] = checked_function
            namespace[key] = checked_function
        elif isinstance(value, type) and value.__module__ != "dilemma._core":  # the compiled check themselves
            for attribute, member in list(vars(value).items()):
                if inspect.isfunction(member) and not attribute.startswith("_"):
                    setattr(value, attribute, _check(member, f"{value.__name__}.{attribute}"))
