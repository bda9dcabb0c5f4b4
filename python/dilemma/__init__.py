"""dilemma: game theory for n-player and anonymous games.

Dense normal-form games (:class:`NormalFormGame`), their pure and mixed
profiles, pure Nash equilibria, dominance and Gambit ``.nfg`` files. A mixed
profile is a tuple of 1-D arrays, one per player; a pure profile is a tuple
of action indices.
"""
import os as _os

from . import _core
from ._core import (
    Dominance,
    Elimination,
    NfgParseError,
    NormalFormGame,
    action_payoffs,
    battle_of_the_sexes,
    best_responses,
    coordination_game,
    dominated_actions,
    dominates,
    expected_payoffs,
    is_nash,
    iterated_elimination,
    matching_pennies,
    parse_nfg,
    prisoners_dilemma,
    pure_nash,
    random_game,
    regret,
    regrets,
    subgame,
    to_mixed,
    to_nfg,
    uniform_profile,
)

__version__ = _core.__version__


def read_nfg(path_or_text):
    """Read a game from a Gambit ``.nfg`` file.

    ``path_or_text`` is a path (``str`` or ``os.PathLike``) or the text of a
    file (a string starting with ``NFG``). A malformed file raises
    :class:`NfgParseError` (a ``ValueError``) naming the line and column.
    """
    return _core.read_nfg(_os.fspath(path_or_text))


def write_nfg(game, path=None):
    """Write ``game`` as a Gambit ``.nfg`` file to ``path``; without a path, return the text."""
    if path is None:
        return _core.to_nfg(game)
    _core.write_nfg(game, _os.fspath(path))
    return None


__all__ = [name for name in dir() if not name.startswith("_")]
