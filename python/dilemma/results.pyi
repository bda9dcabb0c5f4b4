from collections.abc import Callable, Iterable
from typing import Any, TypeVar, overload

from ._core import BimatrixProfile, CountClass, NashComponent, NormalFormGame, PureProfile, SolveReport, SymmetricGame, _Reported

T = TypeVar("T")
Progress = Callable[[float], object] | None

class EquilibriumList(list[T], _Reported):
    def __init__(
        self, equilibria: Iterable[T] = ..., *, report: SolveReport, params: dict[str, Any] | None = ...,
        **extras: Any
    ) -> None: ...
    @property
    def equilibria(self) -> list[T]: ...
    def _repr_html_(self) -> str: ...
