# The public solvers (dilemma.solvers): every option keyword-only, with the
# default of its C++ options struct (tests/python/test_contract.py checks
# these values against _core._solvers).
from collections.abc import Callable
from typing import Any, Literal, overload

import numpy as np
import numpy.typing as npt

from ._core import BimatrixProfile, CountClass, LemkeHowsonResult, NashComponent, NormalFormGame, PureProfile
from ._core import SolveReport as SolveReport, SymmetricGame
from ._core import CorrelatedEquilibrium, EssResult, RestPoints, SymmetricCorrelatedEquilibrium
from ._core import EquilibriumEnumeration, LogitQrePoint, LogitQreResult, SimplicialSubdivisionResult, ZeroSumSolution
from .results import EquilibriumList

Progress = Callable[[float], object] | None
Visit = Callable[[Any], object] | None

@overload
def pure_nash(
    game: NormalFormGame, *, tol: float = 0.0, visit: Visit = None, progress: Progress = None,
    time_limit: float | None = None
) -> EquilibriumList[PureProfile]: ...
@overload
def pure_nash(
    game: SymmetricGame, *, tol: float = 0.0, visit: Visit = None, progress: Progress = None,
    time_limit: float | None = None
) -> EquilibriumList[CountClass]: ...
def pure_nash_brute(
    game: NormalFormGame, *, tol: float = 0.0, progress: Progress = None, time_limit: float | None = None
) -> EquilibriumList[PureProfile]: ...
def vertex_enumeration(
    game: NormalFormGame, *, tol: float = 1e-09, rational: bool = False, visit: Visit = None,
    progress: Progress = None, time_limit: float | None = None
) -> EquilibriumList[BimatrixProfile]: ...
def support_enumeration(
    game: NormalFormGame, *, tol: float = 1e-09, rational: bool = False, visit: Visit = None,
    progress: Progress = None, time_limit: float | None = None
) -> EquilibriumList[BimatrixProfile]: ...
def nash_components(
    game: NormalFormGame, *, tol: float = 1e-09, rational: bool = False, progress: Progress = None,
    time_limit: float | None = None
) -> EquilibriumList[NashComponent]: ...
def lemke_howson(
    game: NormalFormGame, *, init_pivot: int = 0, max_iter: int = 1000000, tol: float = 1e-09,
    rational: bool = False, progress: Progress = None, time_limit: float | None = None
) -> LemkeHowsonResult: ...
def lemke_howson_all(
    game: NormalFormGame, *, max_iter: int = 1000000, tol: float = 1e-09, rational: bool = False,
    progress: Progress = None, time_limit: float | None = None
) -> EquilibriumList[BimatrixProfile]: ...
def solve_zero_sum(
    game: NormalFormGame, *, tol: float = 1e-09, rational: bool = False, progress: Progress = None,
    time_limit: float | None = None
) -> ZeroSumSolution: ...
def enumerate_equilibria(
    game: NormalFormGame | SymmetricGame, *, tol: float = 1e-09, min_width: float = 1e-09, max_boxes: int = 1000000,
    max_supports: float = 100000000.0, visit: Visit = None,
    progress: Progress = None, time_limit: float | None = None
) -> EquilibriumEnumeration: ...
def simplicial_subdivision(
    game: NormalFormGame, *, start: object | None = None, tol: float = 1e-10, max_iter: int = 1000000, grid: int = 2,
    max_denominator: int = 1099511627776, progress: Progress = None, time_limit: float | None = None
) -> SimplicialSubdivisionResult: ...
def logit_qre(
    game: NormalFormGame | SymmetricGame, *, max_lambda: float = 1000000.0, tol: float = 1e-08,
    first_step: float = 0.03, max_accel: float = 1.1, corrector_tol: float = 0.0001, max_distance: float = 0.4,
    max_contraction: float = 0.6, min_step: float = 1e-10, max_iter: int = 100000, support_tol: float = 1e-06,
    record_branch: bool = True, progress: Progress = None, time_limit: float | None = None
) -> LogitQreResult: ...
def logit_qre_at(
    game: NormalFormGame | SymmetricGame, lam: float, *, max_lambda: float = 1000000.0, tol: float = 1e-08,
    first_step: float = 0.03, max_accel: float = 1.1, corrector_tol: float = 0.0001, max_distance: float = 0.4,
    max_contraction: float = 0.6, min_step: float = 1e-10, max_iter: int = 100000, support_tol: float = 1e-06,
    record_branch: bool = True, progress: Progress = None, time_limit: float | None = None
) -> LogitQrePoint: ...
CorrelatedObjective = Literal["welfare", "max_welfare", "min_welfare", "feasible"]

@overload
def correlated_equilibrium(
    game: NormalFormGame, *, objective: CorrelatedObjective = "welfare", coarse: bool = False, tol: float = 1e-09,
    progress: Progress = None, time_limit: float | None = None
) -> CorrelatedEquilibrium: ...
@overload
def correlated_equilibrium(
    game: SymmetricGame, *, objective: CorrelatedObjective = "welfare", coarse: bool = False, tol: float = 1e-09,
    progress: Progress = None, time_limit: float | None = None
) -> SymmetricCorrelatedEquilibrium: ...
def symmetric_equilibria(
    game: SymmetricGame, *, tol: float = 1e-09, num_starts: int = 24, max_iter: int = 100, random_state: int = 0,
    progress: Progress = None, time_limit: float | None = None
) -> EquilibriumList[npt.NDArray[np.float64]]: ...
def replicator_rest_points(
    game: SymmetricGame, *, tol: float = 1e-09, num_starts: int = 24, max_iter: int = 100, random_state: int = 0,
    progress: Progress = None, time_limit: float | None = None
) -> RestPoints: ...
def evolutionarily_stable_strategies(
    game: SymmetricGame, *, tol: float = 1e-09, num_starts: int = 24, max_iter: int = 100, random_state: int = 0,
    num_mutants: int = 64, progress: Progress = None, time_limit: float | None = None
) -> EssResult: ...
def solver_names() -> list[str]: ...
