"""Parameter sweeps: build a game at every point of a grid, analyse it, tabulate the results."""
import itertools
import math
import numbers
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

import numpy as np


def _grid_points(grid):
    """The points of ``grid`` as a list of dicts, and the parameter names in order."""
    if isinstance(grid, Mapping):
        if not grid:
            raise ValueError("sweep: grid is empty; give at least one parameter and its values")
        names, axes = [], []
        for name, values in grid.items():
            if not isinstance(name, str):
                raise ValueError(f"sweep: grid parameter names must be strings, got {name!r}")
            if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
                raise ValueError(f"sweep: grid[{name!r}] must be a sequence of values, got {values!r}")
            values = list(values)
            if not values:
                raise ValueError(f"sweep: grid[{name!r}] has no values, so the grid is empty")
            names.append(name)
            axes.append(values)
        return names, [dict(zip(names, combination)) for combination in itertools.product(*axes)]
    if isinstance(grid, (str, bytes)) or not hasattr(grid, "__iter__"):
        raise ValueError("sweep: grid must be a mapping name -> values or a sequence of dicts, "
                         f"got {type(grid).__name__}")
    points = list(grid)
    if not points:
        raise ValueError("sweep: grid is empty; give at least one point")
    for index, point in enumerate(points):
        if not isinstance(point, Mapping):
            raise ValueError(f"sweep: grid[{index}] must be a dict of parameters, got {point!r}")
    names = list(points[0])
    for index, point in enumerate(points):
        if list(point) != names:
            raise ValueError(f"sweep: grid[{index}] has the parameters {list(point)}, "
                             f"but grid[0] has {names}")
    if not all(isinstance(name, str) for name in names):
        raise ValueError(f"sweep: grid parameter names must be strings, got {names}")
    return names, [dict(point) for point in points]


def _run_point(build, analyse, point):
    """``analyse(build(**point))`` as a dict; an error names the stage and the point."""
    stage = "build"
    try:
        game = build(**point)
        stage = "analyse"
        result = analyse(game)
    except Exception as error:
        # Bad parameters (a ValueError or TypeError) keep their kind; anything else becomes a RuntimeError.
        kind = next((k for k in (ValueError, TypeError) if isinstance(error, k)), RuntimeError)
        raise kind(f"sweep: {stage} failed at point {point}: {type(error).__name__}: {error}") from error
    if isinstance(result, Mapping):
        return dict(result)
    return {"value": result}


def _run_chunk(build, analyse, points):
    """The results of a run of points, one after another (one task of a cluster)."""
    return [_run_point(build, analyse, point) for point in points]


def _run_local(build, analyse, points, max_workers):
    with ThreadPoolExecutor(max_workers) as pool:
        futures = [pool.submit(_run_point, build, analyse, point) for point in points]
        try:
            return [future.result() for future in futures]
        except BaseException:
            for future in futures:  # the first failure in grid order stops the points not yet started
                future.cancel()
            raise


def _run_cluster(build, analyse, points, client):
    threads = max(1, sum(client.nthreads().values()))
    size = max(1, math.ceil(len(points) / (4 * threads)))  # about four tasks per worker thread
    chunks = [points[start:start + size] for start in range(0, len(points), size)]
    futures = client.map(_run_chunk, [build] * len(chunks), [analyse] * len(chunks), chunks, pure=False)
    return [row for chunk in client.gather(futures) for row in chunk]


def _column(values):
    """A 1-D numpy column: numbers and strings as themselves, anything else as objects."""
    column = np.asarray(values) if values else np.empty(0)
    if column.ndim != 1 or column.dtype.kind not in "biufcUS":
        column = np.empty(len(values), dtype=object)
        for index, value in enumerate(values):
            column[index] = value
    return column


def _table(names, points, rows):
    result_names = list(rows[0])
    for name in result_names:
        if name in names:
            raise ValueError(f"sweep: analyse returned a result named {name!r}, which is also a parameter")
    for point, row in zip(points, rows):
        if list(row) != result_names:
            raise ValueError(f"sweep: analyse returned {list(row)} at point {point}, "
                             f"but {result_names} at point {points[0]}")
    columns = {name: [point[name] for point in points] for name in names}
    columns.update({name: [row[name] for row in rows] for name in result_names})
    try:
        import pandas
    except ImportError:
        pandas = None
    if pandas is not None:
        return pandas.DataFrame(columns, columns=names + result_names)
    arrays = {name: _column(values) for name, values in columns.items()}
    table = np.empty(len(points), dtype=[(name, array.dtype) for name, array in arrays.items()])
    for name, array in arrays.items():
        table[name] = array
    return table


def sweep(build, grid, analyse, *, client=None, max_workers=None):
    """Analyse a family of games over a grid of parameters.

    For each point of ``grid``, ``build(**point)`` makes a game and
    ``analyse(game)`` computes its results; the points run in parallel (the
    solvers release the GIL) and come back as one table in grid order.

    Parameters
    ----------
    build : callable
        ``build(**point)`` returns a game, e.g. a wrapper of
        :func:`dilemma.confession_game`.
    grid : mapping or sequence of dicts
        ``{name: values, ...}``: every combination of the values (the
        Cartesian product, the last name varying fastest); or an explicit
        list of points ``[{name: value, ...}, ...]`` with the same names.
    analyse : callable
        ``analyse(game)`` returns a dict of results (one column each, the
        same keys at every point) or a single value (column ``"value"``).
    client : distributed.Client, optional
        Run on a Dask cluster instead: the grid is split into chunks of
        points, one task each (about four per worker thread), and gathered.
        ``build`` and ``analyse`` are sent to the workers with cloudpickle,
        so lambdas and local functions work. The table is the same as a
        local run's.
    max_workers : int, optional
        Threads of the local run (default: that of
        :class:`concurrent.futures.ThreadPoolExecutor`); not used with
        ``client``.

    Returns
    -------
    pandas.DataFrame or numpy.ndarray
        One row per point: the parameter columns, then the result columns.
        A DataFrame when pandas is installed, otherwise a numpy structured
        array with the same columns (strings as ``str``, other non-numbers
        as objects).

    Raises
    ------
    ValueError
        For an empty or malformed grid, a ``build`` or ``analyse`` that is
        not callable, results whose keys differ between points, or when
        ``build`` or ``analyse`` raises a ``ValueError``.
    TypeError
        When ``build`` or ``analyse`` raises one (e.g. ``build`` does not
        take a parameter of the grid).
    RuntimeError
        When ``build`` or ``analyse`` raises any other exception. All three
        name the failing point (the first in grid order) and the original
        exception, chained as ``__cause__`` (on a cluster, only its text).

    See Also
    --------
    dilemma.plotting.sweep_heatmap : draws a two-parameter sweep.

    Examples
    --------
    Which equilibrium obtains in the confession game when naming carries
    its own sentence (4), offset by leniency, and deniers are tortured until
    they name (the Yezhov method of docs/model.md)?

    >>> def build(leniency, torture):
    ...     return dilemma.confession_game(5, "yezhov_method", leniency=leniency,
    ...                                    torture=(torture, torture, 0), sentence=(0, 1, 4))
    >>> def outcome(game):
    ...     classes = dilemma.pure_nash(game)
    ...     if len(classes) > 1:
    ...         return f"{len(classes)} classes"
    ...     return "all " + game.action_labels[classes[0].counts.index(game.num_players)]
    >>> table = dilemma.sweep(build, {"leniency": [0, 2, 4], "torture": [0, 2, 4]}, outcome)
    >>> list(table["leniency"]), list(table["torture"])
    ([0, 0, 0, 2, 2, 2, 4, 4, 4], [0, 2, 4, 0, 2, 4, 0, 2, 4])
    >>> [str(value) for value in table["value"]]   # doctest: +NORMALIZE_WHITESPACE
    ['all deny', 'all deny', '6 classes', 'all deny', '6 classes', 'all name',
     '6 classes', 'all name', 'all name']

    On the anti-diagonal leniency + torture = 4 denying and naming pay the
    same, and every mix of deniers and namers (6 count classes) is an
    equilibrium. ``dilemma.plotting.sweep_heatmap(table, "leniency",
    "torture", "value")`` draws the table.
    """
    for name, function in (("build", build), ("analyse", analyse)):
        if not callable(function):
            raise ValueError(f"sweep: {name} must be callable, got {type(function).__name__}")
    if max_workers is not None and (isinstance(max_workers, bool) or not isinstance(max_workers, numbers.Integral)
                                    or max_workers < 1):
        raise ValueError(f"sweep: max_workers must be a positive integer or None, got {max_workers!r}")
    if client is not None and max_workers is not None:
        raise ValueError("sweep: max_workers sets the local threads; with client the cluster's workers run "
                         "the points, so give one or the other")
    names, points = _grid_points(grid)
    if client is None:
        rows = _run_local(build, analyse, points, max_workers)
    else:
        rows = _run_cluster(build, analyse, points, client)
    return _table(names, points, rows)
