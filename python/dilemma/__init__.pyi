from os import PathLike

from ._core import *  # noqa: F401,F403
from ._core import NormalFormGame

__version__: str

def read_nfg(path_or_text: str | PathLike[str]) -> NormalFormGame: ...
def write_nfg(game: NormalFormGame, path: str | PathLike[str] | None = ...) -> str | None: ...
