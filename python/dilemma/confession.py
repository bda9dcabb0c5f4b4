"""The confession dilemma of the Great Purge (MODEL.md): presets and overrides."""
import math
import numbers

from . import _core

PARAMETER_NAMES = (
    "base", "sentence", "torture", "leniency", "leniency_tiers",
    "named_cost", "confession_cost", "sucker_cost",
)
ACTIONS = ("deny", "confess", "name")


def _number(function, name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{function}: parameter {name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{function}: parameter {name} is {value}; it must be finite")
    return float(value)


def confession_parameters(preset="invariant_purge", *, real=False, **overrides):
    """The parameters of a preset of MODEL.md section 2, with ``overrides``.

    ``real=True`` gives the real parameters (they differ from the believed
    ones only for ``hoped_leniency``). Keyword names are those of MODEL.md:
    ``base`` (S), ``sentence`` and ``torture`` (three values: deny, confess,
    name), ``leniency`` (l), ``leniency_tiers`` (l_1 >= l_2 >= ...),
    ``named_cost`` (eta), ``confession_cost`` (kappa), ``sucker_cost`` (xi).
    """
    function = "confession_game"
    chosen = _core.confession_preset(preset)
    parameters = chosen.real if real else chosen.believed
    for name, value in overrides.items():
        if name not in PARAMETER_NAMES:
            raise ValueError(f"{function}: unknown parameter '{name}'; the parameters are "
                             + ", ".join(PARAMETER_NAMES))
        if name in ("sentence", "torture"):
            values = list(value) if not isinstance(value, (str, bytes)) else []
            if len(values) != 3:
                raise ValueError(f"{function}: parameter {name} needs three values (deny, confess, name), "
                                 f"got {value!r}")
            value = [_number(function, name, v) for v in values]
        elif name == "leniency_tiers":
            value = [] if value is None else [_number(function, name, v) for v in value]
        else:
            value = _number(function, name, value)
        setattr(parameters, name, value)
    parameters.validate()
    return parameters


def confession_game(num_players, preset="invariant_purge", *, real=False, **overrides):
    """The confession dilemma with ``num_players`` players as a :class:`SymmetricGame`.

    Actions are deny, confess, name; payoffs are minus the cost of MODEL.md
    section 1, evaluated on demand (no table), so ``num_players`` can be
    large. ``preset`` is one of :func:`confession_preset_names`; keyword
    ``overrides`` replace its values (see :func:`confession_parameters`).

    >>> game = confession_game(5, "leniency_for_naming")
    >>> [c.counts for c in pure_nash(game)]
    [(0, 0, 5)]
    """
    if isinstance(num_players, bool) or not isinstance(num_players, numbers.Integral) or num_players < 1:
        raise ValueError(f"confession_game: num_players must be a positive integer, got {num_players!r}")
    parameters = confession_parameters(preset, real=real, **overrides)
    return _core._confession_game(int(num_players), parameters)
