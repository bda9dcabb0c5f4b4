"""Generators beside the enumerators: equilibria one by one, as found."""
import atexit
import inspect
import queue
import threading
import weakref

from . import _core


class _Stop(Exception):
    """Raised in the visitor to end the search once the generator is closed."""


_DONE = object()

# Items found ahead of the consumer: a bounded buffer, so a search with
# billions of equilibria (pure_nash_gen of a large invariant game) waits for
# its consumer instead of filling the memory.
_BUFFERED = 1024


# Searches still running in the background; cancelled at exit, since a
# thread left inside C++ while the interpreter shuts down aborts the process.
_running = weakref.WeakSet()


@atexit.register
def _cancel_running_searches():
    for search in list(_running):
        search.stop()


class _Search(threading.Thread):
    """A solver run in a background thread with its own cancel token."""

    def __init__(self, search, name, found):
        super().__init__(name=name, daemon=True)
        self.token = _core.CancelToken()
        self._search, self._found = search, found

    def run(self):
        try:
            with _core.monitor(cancel=self.token):
                self._search(self._visit)
            self._found.put(_DONE)
        except (_Stop, _core.Cancelled):
            self._found.put(_DONE)
        except BaseException as error:  # handed to the consumer's thread
            self._found.put(error)

    def _visit(self, item):
        if self.token.cancelled:
            raise _Stop
        self._found.put(item)

    def stop(self):
        """Cancels the search (it stops at its next checkpoint or visit) and
        waits for it, emptying the queue so that a blocked visit returns."""
        self.token.cancel()
        while self.is_alive() and self is not threading.current_thread():
            try:
                while True:
                    self._found.get_nowait()
            except queue.Empty:
                pass
            self.join(timeout=0.01)


def _generate(search, name):
    """Runs ``search(visit)`` in a background thread (the solvers release the
    GIL) and yields what it passes to ``visit`` as it does. Closing the
    generator (or dropping it) cancels the search, which stops within a
    checkpoint; an exception in the search is raised in the consumer's thread."""
    found = queue.Queue(maxsize=_BUFFERED)
    worker = _Search(search, name, found)
    _running.add(worker)
    worker.start()
    try:
        while True:
            item = found.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        worker.stop()
        _running.discard(worker)


def _generator(solve, example):
    """``<name>_gen``: the equilibria of the streaming solver `solve` one by
    one, as its search finds them (in search order), with its options;
    `example` is the doctest of its docstring."""
    name = solve.__name__

    def generate(game, *args, **options):
        if "visit" in options:
            raise TypeError(f"{name}_gen() got an unexpected keyword argument 'visit': it yields instead")
        return _generate(lambda visit: solve(game, *args, visit=visit, **options), name + "_gen")

    signature = inspect.signature(solve)
    generate.__signature__ = signature.replace(
        parameters=[p for p in signature.parameters.values() if p.name != "visit"])
    generate.__name__ = generate.__qualname__ = name + "_gen"
    generate.__module__ = "dilemma"
    generate.__doc__ = (f"Yield the equilibria of :func:`{name}` one by one, as its search finds them.\n\n"
                        "The search runs in a background thread (the solver releases the GIL); closing the\n"
                        "generator, or leaving a ``for`` loop early, cancels it at its next checkpoint.\n"
                        f"Takes the options of :func:`{name}`; an error in the input is raised by the first\n"
                        "``next()``.\n\nExamples\n--------\n" + example)
    return generate
