"""The confession dilemma of the Great Purge: presets and overrides (believed, real, both)."""
import inspect
import math
import numbers
from collections.abc import Mapping

from . import _core
from ._keywords import unexpected_keyword
from ._repr import remember_game

PARAMETER_NAMES = (
    "base", "sentence", "torture", "leniency", "leniency_tiers",
    "named_cost", "confession_cost", "sucker_cost",
)
ACTIONS = ("deny", "confess", "name")
# MODEL.md's symbols, for the message when one is written as a keyword.
SYMBOLS = {"S": "base", "sigma": "sentence", "tau": "torture", "l": "leniency", "eta": "named_cost",
           "kappa": "confession_cost", "xi": "sucker_cost", "n": "num_players"}


def _number(function, name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{function}: parameter {name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{function}: parameter {name} is {value}; it must be finite")
    return float(value)


def _override(function, parameters, overrides):
    for name, value in overrides.items():
        if name in ("sentence", "torture"):
            try:
                values = [] if isinstance(value, (str, bytes)) else list(value)
            except TypeError:  # one number: which action would it be for?
                values = []
            if len(values) != 3:
                raise ValueError(f"{function}: parameter {name} needs three values, one per action (deny, confess, "
                                 f"name), such as {name}=(6, 6, 0); got {value!r}")
            value = [_number(function, name, v) for v in values]
        elif name == "leniency_tiers":
            value = [] if value is None else [_number(function, name, v) for v in value]
        else:
            value = _number(function, name, value)
        setattr(parameters, name, value)


def _one_game_overrides(function, keyword, overrides):
    if overrides is None:
        return {}
    if not isinstance(overrides, Mapping):
        raise TypeError(f"{function}: {keyword}= takes a dict of parameter overrides, such as "
                        f"{keyword}={{'leniency': 3}}; got {overrides!r}")
    return dict(overrides)


def _parameters(function, preset, real, believed, reality, overrides):
    chosen = _core.confession_preset(preset)
    believed = _one_game_overrides(function, "believed", believed)
    reality = _one_game_overrides(function, "reality", reality)
    for where, given in ((None, overrides), ("believed", believed), ("reality", reality)):
        for name in given:  # misspellings in the game not built are errors too
            if name not in PARAMETER_NAMES:
                raise (unexpected_keyword(function, name, PARAMETER_NAMES, SYMBOLS, within=where) if where
                       else unexpected_keyword(function, name, _KEYWORDS[function], SYMBOLS))
    for name in overrides:
        if name in believed or name in reality:
            where = "believed=" if name in believed else "reality="
            raise ValueError(f"{function}: parameter {name} is given for both games and in {where}; "
                             f"give it once")
        if getattr(chosen.believed, name) != getattr(chosen.real, name):
            raise ValueError(
                f"{function}: {name}={overrides[name]!r} is ambiguous for preset {preset}: its believed game has "
                f"{name}={getattr(chosen.believed, name)!r} and its real game {name}={getattr(chosen.real, name)!r}; "
                f"write believed={{'{name}': ...}} for the game players believe in, reality={{'{name}': ...}} "
                f"for the real one, or both")
    games = {False: (chosen.believed, believed), True: (chosen.real, reality)}
    for parameters, own in games.values():  # both games validated: a bad value in the one not built is an error too
        _override(function, parameters, {**overrides, **own})
        parameters.validate()
    return games[bool(real)][0]


def confession_parameters(preset="invariant_purge", *, real=False, believed=None, reality=None, **overrides):
    """The parameters of a preset of the confession model, with overrides.

    ``real=True`` gives the real parameters, otherwise the believed ones
    (they differ only for ``hoped_leniency``: leniency 2 believed, 0 real).
    Keyword names are those of the model: ``base`` (S), ``sentence`` and
    ``torture`` (three values: deny, confess, name), ``leniency`` (l),
    ``leniency_tiers`` (l_1 >= l_2 >= ...), ``named_cost`` (eta),
    ``confession_cost`` (kappa), ``sucker_cost`` (xi).

    Overrides come in three sets, so that the believed and the real game can
    be varied apart: keyword ``overrides`` change both games, the dict
    ``believed`` only the game players believe in, the dict ``reality`` only
    the real one. Passing the same keywords with ``real=False`` and
    ``real=True`` gives the two games of one scenario. A plain keyword for a
    parameter on which the preset's two games differ (``leniency`` of
    ``hoped_leniency``) would change the real game too, so it is refused:
    write it in ``believed=`` or ``reality=``.

    >>> hope = dict(believed={"leniency": 3}, named_cost=0.5)
    >>> b = confession_parameters("hoped_leniency", **hope)
    >>> r = confession_parameters("hoped_leniency", real=True, **hope)
    >>> (b.leniency, r.leniency, b.named_cost, r.named_cost)
    (3.0, 0.0, 0.5, 0.5)
    """
    return _parameters("confession_parameters", preset, real, believed, reality, overrides)


def confession_game(num_players, preset="invariant_purge", *, real=False, believed=None, reality=None, **overrides):
    """The confession dilemma with ``num_players`` players as a :class:`SymmetricGame`.

    Actions are deny, confess, name; payoffs are minus the cost of
    docs/model.md ("Players, actions and costs"), evaluated on demand (no
    table), so ``num_players`` can be large. ``preset`` is one of
    :func:`confession_preset_names`; ``real``, ``believed``, ``reality`` and
    keyword ``overrides`` choose and change its values as in
    :func:`confession_parameters`. The title names the preset and n (which
    game of ``hoped_leniency`` it is, and whether parameters were changed),
    so tables and plots of the game say which one they show.

    >>> game = confession_game(5, "leniency_for_naming")
    >>> [c.counts for c in pure_nash(game)]
    [(0, 0, 5)]
    """
    if isinstance(num_players, bool) or not isinstance(num_players, numbers.Integral) or num_players < 1:
        raise ValueError(f"confession_game: num_players must be a positive integer, got {num_players!r}")
    parameters = _parameters("confession_game", preset, real, believed, reality, overrides)
    game = _core._confession_game(int(num_players), parameters)
    game.title = _title(preset, real, believed or reality or overrides, num_players)
    return game


def _title(preset, real, modified, num_players):
    """The title: "Confession dilemma: <preset>[ (believed|real game)][, modified], n = <n>"."""
    chosen = _core.confession_preset(preset)
    two_games = any(getattr(chosen.believed, name) != getattr(chosen.real, name) for name in PARAMETER_NAMES)
    which = (" (real game)" if real else " (believed game)") if two_games else ""
    return f"Confession dilemma: {preset}{which}{', modified' if modified else ''}, n = {num_players}"


def believed_versus_real(believed, real, *, tol=0.0):
    """Behaviour from the ``believed`` game, outcomes from the ``real`` one: a
    :class:`BelievedVersusReal` (docs/model.md, "Believed versus real").

    Behaviour is the pure equilibria of the believed game; each is judged by
    its payoffs and welfare in the real game, per person, in two ways:
    ``inefficiency`` against the real social optimum (there whenever the
    real game is a dilemma, belief or not) and ``cost_of_belief_range``
    against the real game's own pure equilibria, (worst, best): what the
    false belief cost, (0, 0) when the behaviour is the real game's only
    equilibrium. For
    ``hoped_leniency`` every profile is a real equilibrium, so the range is
    (0, eta (n - 1)). ``tol`` is the payoff difference that counts as a tie.

    >>> import dilemma
    >>> believed = dilemma.confession_game(5, "hoped_leniency")
    >>> real = dilemma.confession_game(5, "hoped_leniency", real=True)
    >>> [outcome.cost_of_belief_range for outcome in dilemma.believed_versus_real(believed, real).outcomes]
    [(0.0, 4.0)]
    """
    return remember_game(_core.believed_versus_real(believed, real, tol=tol), believed)


_KEYWORDS = {}
for _function in (confession_parameters, confession_game):  # what dilemma's keyword check accepts
    _named = [p.name for p in inspect.signature(_function).parameters.values() if p.kind is not p.VAR_KEYWORD]
    _function._accepted_keywords = _KEYWORDS[_function.__name__] = (*_named, *PARAMETER_NAMES)
    _function._keyword_hints = SYMBOLS
del _function, _named
