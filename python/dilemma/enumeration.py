"""enumerate_equilibria_gen: the equilibria of n-player games one by one."""
import queue
import threading

from . import _core


class _Stop(Exception):
    """Raised in the visitor to end the search once the generator is closed."""


_DONE = object()


def enumerate_equilibria_gen(game, **options):
    """Yield each equilibrium of :func:`enumerate_equilibria` as soon as it is found.

    The search runs in a background thread (the solver releases the GIL) and
    hands each equilibrium over as the C++ visitor sees it, so the first ones
    arrive long before a large search ends. Closing the generator (or leaving
    a ``for`` loop early) stops the search at its next equilibrium. Singular
    supports are not yielded: call :func:`enumerate_equilibria` for them.

    Parameters
    ----------
    game : NormalFormGame or SymmetricGame
    **options
        ``regret_tol``, ``min_width``, ``max_boxes``, ``max_supports`` as in
        :func:`enumerate_equilibria`.

    Yields
    ------
    tuple of numpy.ndarray
        One probability vector per player.

    Examples
    --------
    >>> import dilemma
    >>> game = dilemma.NormalFormGame.from_arrays([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    >>> first = next(dilemma.enumerate_equilibria_gen(game))
    >>> [x.tolist() for x in first]
    [[1.0, 0.0], [1.0, 0.0]]
    """
    found = queue.Queue()
    stop = threading.Event()

    def visit(profile, support):
        if stop.is_set():
            raise _Stop
        found.put(profile)

    def search():
        try:
            _core.enumerate_equilibria(game, visit=visit, **options)
            found.put(_DONE)
        except _Stop:
            found.put(_DONE)
        except BaseException as error:  # handed to the consumer's thread
            found.put(error)

    threading.Thread(target=search, name="enumerate_equilibria_gen", daemon=True).start()
    try:
        while True:
            item = found.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
