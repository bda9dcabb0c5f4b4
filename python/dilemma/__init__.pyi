from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any, overload

import numpy as np
import numpy.typing as npt

# The enumerators of .results replace the compiled ones of the same name:
# imported first, the star import below does not rebind them.
from .results import (
    EquilibriumList as EquilibriumList,
    pure_nash as pure_nash,
    pure_nash_brute as pure_nash_brute,
)
from .solvers import (
    SolveReport as SolveReport,
    lemke_howson as lemke_howson,
    lemke_howson_all as lemke_howson_all,
    nash_components as nash_components,
    solve_zero_sum as solve_zero_sum,
    solver_names as solver_names,
    support_enumeration as support_enumeration,
    vertex_enumeration as vertex_enumeration,
)
from ._core import *  # noqa: F401,F403
from ._core import (
    ConfessionParameters, CountClass, EquilibriumEnumeration, LogitQreResult, NormalFormGame,
    SimplicialSubdivisionResult, SymmetricGame,
)
from .dynamics import SymmetricEquilibriumList as SymmetricEquilibriumList
from . import plotting as plotting, reproduction as reproduction

__version__: str

def read_nfg(path_or_text: str | PathLike[str]) -> NormalFormGame: ...
def write_nfg(game: NormalFormGame, path: str | PathLike[str] | None = ...) -> str | None: ...
def confession_parameters(preset: str = ..., *, real: bool = ..., **overrides: object) -> ConfessionParameters: ...
def confession_game(num_players: int, preset: str = ..., *, real: bool = ..., **overrides: object) -> SymmetricGame: ...
def best_response(
    game: NormalFormGame, profile: object, player: int, *, tie_breaking: str | bool = ..., tol: float = ...,
    random_state: int | np.random.Generator | None = ...
) -> int | list[int]: ...
def enumerate_equilibria(
    game: NormalFormGame | SymmetricGame, *, tol: float = 1e-09, min_width: float = 1e-09, max_boxes: int = 1000000,
    max_supports: float = 100000000.0, visit: Callable[[tuple[npt.NDArray[np.float64], ...]], object] | None = ...,
    progress: Callable[[float], object] | None = ..., time_limit: float | None = ...
) -> EquilibriumEnumeration: ...
def enumerate_equilibria_gen(
    game: NormalFormGame | SymmetricGame, *, tol: float = 1e-09, min_width: float = 1e-09, max_boxes: int = 1000000,
    max_supports: float = 100000000.0, progress: Callable[[float], object] | None = ..., time_limit: float | None = ...
) -> Iterator[tuple[npt.NDArray[np.float64], ...]]: ...
def simplicial_subdivision(
    game: NormalFormGame, *, start: object | None = None, tol: float = 1e-10, max_iter: int = 1000000, grid: int = 2,
    max_denominator: int = 1099511627776, progress: Callable[[float], object] | None = ..., time_limit: float | None = ...
) -> SimplicialSubdivisionResult: ...
def logit_qre(
    game: NormalFormGame | SymmetricGame, *, max_lambda: float = 1000000.0, tol: float = 1e-08,
    first_step: float = 0.03, max_accel: float = 1.1, corrector_tol: float = 0.0001, max_distance: float = 0.4,
    max_contraction: float = 0.6, min_step: float = 1e-10, max_iter: int = 100000, support_tol: float = 1e-06,
    record_branch: bool = True, progress: Callable[[float], object] | None = ..., time_limit: float | None = ...
) -> LogitQreResult: ...
def logit_qre_at(
    game: NormalFormGame | SymmetricGame, lam: float, *, max_lambda: float = 1000000.0, tol: float = 1e-08,
    first_step: float = 0.03, max_accel: float = 1.1, corrector_tol: float = 0.0001, max_distance: float = 0.4,
    max_contraction: float = 0.6, min_step: float = 1e-10, max_iter: int = 100000, support_tol: float = 1e-06,
    record_branch: bool = True, progress: Callable[[float], object] | None = ..., time_limit: float | None = ...
) -> tuple[npt.NDArray[np.float64], ...] | npt.NDArray[np.float64]: ...
def symmetric_equilibria(
    game: SymmetricGame, *, tol: float = ..., num_starts: int = ..., max_iter: int = ..., random_state: int = ...,
    progress: Callable[[float], object] | None = ..., time_limit: float | None = ...
) -> SymmetricEquilibriumList: ...
def sweep(
    build: Callable[..., NormalFormGame | SymmetricGame],
    grid: Mapping[str, Iterable[object]] | Sequence[Mapping[str, object]],
    analyse: Callable[[Any], object], *, client: object | None = ..., max_workers: int | None = ...
) -> Any: ...  # a pandas.DataFrame; a numpy structured array without pandas
@overload
def pure_nash_gen(game: NormalFormGame, *, tol: float = ...) -> Iterator[tuple[int, ...]]: ...
@overload
def pure_nash_gen(game: SymmetricGame, *, tol: float = ...) -> Iterator[CountClass]: ...
def support_enumeration_gen(
    game: NormalFormGame, *, tol: float = ..., rational: bool = ..., progress: Callable[[float], object] | None = ...,
    time_limit: float | None = ...
) -> Iterator[tuple[npt.NDArray[np.float64] | npt.NDArray[np.object_], npt.NDArray[np.float64] | npt.NDArray[np.object_]]]: ...
def vertex_enumeration_gen(
    game: NormalFormGame, *, tol: float = ..., rational: bool = ..., progress: Callable[[float], object] | None = ...,
    time_limit: float | None = ...
) -> Iterator[tuple[npt.NDArray[np.float64] | npt.NDArray[np.object_], npt.NDArray[np.float64] | npt.NDArray[np.object_]]]: ...
