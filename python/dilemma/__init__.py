"""dilemma: game theory for n-player and anonymous games.

Dense normal-form games (:class:`NormalFormGame`) and symmetric games in
compact count form (:class:`SymmetricGame`), their pure and mixed profiles,
pure Nash equilibria, dominance, welfare, the payoff-invariance analysis,
the confession dilemma of docs/model.md and Gambit ``.nfg`` files. A mixed
profile is a tuple of 1-D arrays, one per player; a pure profile is a tuple
of action indices.
"""
import os as _os

from . import _core
from ._core import (
    BelievedOutcome,
    BelievedVersusReal,
    ConfessionParameters,
    ConfessionPreset,
    CountClass,
    Dominance,
    Efficiency,
    Elimination,
    InvarianceReport,
    EssResult,
    RestPoint,
    RestPoints,
    SymmetricGame,
    all_naming_worse_than_all_denying,
    class_payoffs,
    confession_gain,
    confession_preset,
    confession_preset_names,
    count_vectors,
    efficiency,
    expected_payoff,
    invariance_report,
    is_n_person_prisoners_dilemma,
    is_payoff_invariant,
    max_stake,
    max_stakes,
    naming_gain,
    pareto_efficient_classes,
    pareto_efficient_profiles,
    per_capita_costs,
    price_of_anarchy_closed_form,
    schelling_minimum_coalition,
    security_levels,
    strategic_share,
    welfare,
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
    payoff_range,
    iterated_elimination,
    matching_pennies,
    parse_nfg,
    prisoners_dilemma,
    pure_nash_counts,
    random_game,
    regret,
    regrets,
    replicator_field,
    replicator_trajectory,
    subgame,
    to_mixed,
    to_nfg,
    to_symmetric,
    uniform_profile,
)
from ._core import (  # logit quantal response equilibrium
    LogitBranch,
    LogitQrePoint,
    LogitQreResult,
)
from ._core import (  # one equilibrium of n-player games by simplicial subdivision
    SimplicialSubdivisionResult,
)
from ._core import (  # two-player solvers
    LemkeHowsonResult,
    NashComponent,
    NashSubset,
    SecurityStrategy,
    ZeroSumSolution,
)
from ._core import (  # all equilibria of n-player games
    EquilibriumEnumeration,
    SingularSupport,
)
from ._core import (  # decomposition and potentials
    Decomposition,
    SymmetricDecomposition,
    decompose,
    is_potential_game,
    potential_function,
)

from ._core import (  # correlated equilibria, dominance by mixed strategies, mixed security
    CorrelatedEquilibrium,
    MixedDominance,
    SymmetricCorrelatedEquilibrium,
    is_dominated,
    max_incentive_gain,
    mixed_dominance,
    security_strategies,
)
from ._core import (  # progress, time limits and cancellation of every solver
    CancelToken,
    Cancelled,
    memory_limit,
    monitor,
    set_memory_limit,
)
from . import plotting, reproduction
from .confession import believed_versus_real, confession_game, confession_parameters
from .enumeration import _generator
from .solvers import (  # the solvers on the one contract (dilemma.solvers)
    SolveReport,
    correlated_equilibrium,
    enumerate_equilibria,
    evolutionarily_stable_strategies,
    lemke_howson,
    lemke_howson_all,
    logit_qre,
    logit_qre_at,
    nash_components,
    pure_nash,
    pure_nash_brute,
    replicator_rest_points,
    simplicial_subdivision,
    solve_zero_sum,
    solver_names,
    support_enumeration,
    symmetric_equilibria,
    vertex_enumeration,
)
from .responses import best_response
from .results import EquilibriumList
from .sweep import sweep

enumerate_equilibria_gen = _generator(enumerate_equilibria, """\
>>> import dilemma
>>> game = dilemma.NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]])
>>> first = next(dilemma.enumerate_equilibria_gen(game))
>>> [x.tolist() for x in first]
[[1.0, 0.0], [1.0, 0.0]]
""")
pure_nash_gen = _generator(pure_nash, """\
>>> import dilemma
>>> purge = dilemma.confession_game(10**5, "invariant_purge")
>>> classes = dilemma.pure_nash_gen(purge)
>>> [next(classes).counts for _ in range(3)]
[(0, 0, 100000), (0, 1, 99999), (0, 2, 99998)]
>>> classes.close()
""")
support_enumeration_gen = _generator(support_enumeration, """\
>>> import dilemma
>>> first = next(dilemma.support_enumeration_gen(dilemma.battle_of_the_sexes()))
>>> [x.tolist() for x in first]
[[1.0, 0.0], [1.0, 0.0]]
""")
vertex_enumeration_gen = _generator(vertex_enumeration, """\
>>> import dilemma
>>> found = dilemma.vertex_enumeration_gen(dilemma.battle_of_the_sexes(), rational=True)
>>> sorted(tuple(map(str, x)) for x, y in found)
[('0', '1'), ('1', '0'), ('2/3', '1/3')]
""")

__version__ = _core.__version__

from . import _keywords, _repr  # noqa: E402  keyword messages; str() and Jupyter's HTML of games and results

_repr.install()


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


for _module in (globals(), vars(plotting), vars(reproduction)):  # a misspelt keyword names the accepted ones
    _keywords.check_keywords(_module)
del _module

__all__ = [name for name in dir() if not name.startswith("_")]
