from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from .results import EquilibriumList as EquilibriumList
from .solvers import (  # the solvers on the one contract, with their defaults
    SolveReport as SolveReport,
    correlated_equilibrium as correlated_equilibrium,
    enumerate_equilibria as enumerate_equilibria,
    evolutionarily_stable_strategies as evolutionarily_stable_strategies,
    lemke_howson as lemke_howson,
    lemke_howson_all as lemke_howson_all,
    logit_qre as logit_qre,
    logit_qre_at as logit_qre_at,
    nash_components as nash_components,
    pure_nash as pure_nash,
    pure_nash_brute as pure_nash_brute,
    replicator_rest_points as replicator_rest_points,
    simplicial_subdivision as simplicial_subdivision,
    solve_zero_sum as solve_zero_sum,
    solver_names as solver_names,
    support_enumeration as support_enumeration,
    symmetric_equilibria as symmetric_equilibria,
    vertex_enumeration as vertex_enumeration,
)
from ._core import *  # noqa: F401,F403
from ._core import (
    ConfessionParameters, CountClass, EquilibriumEnumeration, LogitQreResult, NormalFormGame,
    SimplicialSubdivisionResult, SymmetricGame,
)
from . import plotting as plotting, reproduction as reproduction

__version__: str

def read_nfg(path_or_text: str | PathLike[str]) -> NormalFormGame: ...
def write_nfg(game: NormalFormGame, path: str | PathLike[str] | None = ...) -> str | None: ...
def confession_parameters(
    preset: str = ..., *, real: bool = ..., believed: Mapping[str, object] | None = ...,
    reality: Mapping[str, object] | None = ..., base: float = ..., sentence: Sequence[float] = ...,
    torture: Sequence[float] = ..., leniency: float = ..., leniency_tiers: Sequence[float] | None = ...,
    named_cost: float = ..., confession_cost: float = ..., sucker_cost: float = ...
) -> ConfessionParameters: ...
def confession_game(
    num_players: int, preset: str = ..., *, real: bool = ..., believed: Mapping[str, object] | None = ...,
    reality: Mapping[str, object] | None = ..., base: float = ..., sentence: Sequence[float] = ...,
    torture: Sequence[float] = ..., leniency: float = ..., leniency_tiers: Sequence[float] | None = ...,
    named_cost: float = ..., confession_cost: float = ..., sucker_cost: float = ...
) -> SymmetricGame: ...
def best_response(
    game: NormalFormGame, profile: object, player: int, *, tie_breaking: str | bool = ..., tol: float = ...,
    random_state: int | np.random.Generator | None = ...
) -> int | list[int]: ...
def enumerate_equilibria_gen(
    game: NormalFormGame | SymmetricGame, *, tol: float = 1e-09, min_width: float = 1e-09, max_boxes: int = 1000000,
    max_supports: float = 100000000.0, progress: Callable[[float], object] | None = ..., time_limit: float | None = ...
) -> Iterator[tuple[npt.NDArray[np.float64], ...]]: ...
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
