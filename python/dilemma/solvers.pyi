# The public solvers (dilemma.solvers): every option keyword-only, with the
# default of its C++ options struct (tests/python/test_contract.py checks
# these values against _core._solvers).
from collections.abc import Callable
from typing import Any

from ._core import BimatrixProfile, LemkeHowsonResult, NashComponent, NormalFormGame, SolveReport as SolveReport
from ._core import ZeroSumSolution
from .results import EquilibriumList

Progress = Callable[[float], object] | None
Visit = Callable[[Any], object] | None

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
def solver_names() -> list[str]: ...
