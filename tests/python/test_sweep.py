"""dilemma.sweep: a grid of games analysed in parallel, locally and on a Dask cluster."""
import sys
import threading
import time

import numpy as np
import pytest

import dilemma


def confession_sweep():
    """build and analyse of the sweep docstring's example (local functions, so
    that cloudpickle sends them to cluster workers by value).

    Naming carries a sentence of 4 offset by leniency l; deniers and confessors
    are tortured (T) until they name; confessing alone adds 1. So deny is the
    only equilibrium when T + l < 4, name when T + l > 4, and on T + l = 4
    every mix of deniers and namers (n + 1 count classes) is one."""

    def build(leniency, torture):
        return dilemma.confession_game(5, "yezhov_method", leniency=leniency, torture=(torture, torture, 0),
                                       sentence=(0, 1, 4))

    def outcome(game):
        classes = dilemma.pure_nash(game)
        if len(classes) > 1:
            return {"outcome": f"{len(classes)} classes", "classes": len(classes)}
        return {"outcome": "all " + game.action_labels[classes[0].counts.index(game.num_players)], "classes": 1}

    return build, outcome


def expected_outcome(leniency, torture):
    gain = leniency + torture - 4
    return "all deny" if gain < 0 else "all name" if gain > 0 else "6 classes"


GRID = {"leniency": [0.0, 1.0, 2.5, 4.0], "torture": [0.0, 1.5, 3.0]}


def test_sweep_rows_in_grid_order_with_parameter_then_result_columns():
    build, outcome = confession_sweep()
    table = dilemma.sweep(build, GRID, outcome)
    assert list(table.columns) == ["leniency", "torture", "outcome", "classes"]
    points = [(l, t) for l in GRID["leniency"] for t in GRID["torture"]]  # the last name varies fastest
    assert list(zip(table["leniency"], table["torture"])) == points
    assert list(table["outcome"]) == [expected_outcome(l, t) for l, t in points]
    assert "6 classes" in set(table["outcome"]) and "all deny" in set(table["outcome"])
    assert list(table["classes"]) == [6 if expected_outcome(l, t) == "6 classes" else 1 for l, t in points]


def test_sweep_without_pandas_returns_a_structured_array(monkeypatch):
    build, outcome = confession_sweep()
    with_pandas = dilemma.sweep(build, GRID, outcome)
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    table = dilemma.sweep(build, GRID, outcome)
    assert isinstance(table, np.ndarray) and table.dtype.names == ("leniency", "torture", "outcome", "classes")
    assert table.dtype["leniency"] == np.float64 and table.dtype["outcome"].kind == "U"
    assert table.dtype["classes"].kind == "i"
    for name in table.dtype.names:
        assert list(table[name]) == list(with_pandas[name])
    # values that are not numbers or strings become object columns
    counts = dilemma.sweep(build, {"leniency": [0.0, 5.0], "torture": [1.0]},
                           lambda game: {"first": dilemma.pure_nash(game)[0].counts})
    assert counts.dtype["first"] == object and list(counts["first"]) == [(5, 0, 0), (0, 0, 5)]


def test_sweep_explicit_points_and_scalar_results():
    points = [{"num_players": 3, "preset": "leniency_for_naming"}, {"num_players": 4, "preset": "invariant_purge"}]
    table = dilemma.sweep(dilemma.confession_game, points, lambda game: len(dilemma.pure_nash(game)))
    assert list(table["num_players"]) == [3, 4] and list(table["preset"]) == ["leniency_for_naming", "invariant_purge"]
    assert list(table["value"]) == [1, 15]  # all-name; every count class of 4 players and 3 actions


def test_sweep_runs_points_in_parallel_threads():
    barrier = threading.Barrier(2, timeout=10)  # broken unless two points run at the same time

    def analyse(game):
        barrier.wait()
        return threading.get_ident()

    table = dilemma.sweep(lambda x: dilemma.prisoners_dilemma(), {"x": [1, 2]}, analyse, max_workers=2)
    assert len(set(table["value"])) == 2


def test_sweep_failure_names_the_point_and_chains_the_cause():
    def analyse(game):
        if game.payoff(2, [0, 0, 4]) > -10:  # leniency 2: naming pays -8
            raise ZeroDivisionError("no")
        return 0

    build = lambda leniency: dilemma.confession_game(5, leniency=leniency)  # noqa: E731
    with pytest.raises(RuntimeError, match=r"sweep: analyse failed at point \{'leniency': 2.0\}: "
                                           r"ZeroDivisionError: no") as caught:
        dilemma.sweep(build, {"leniency": [0.0, 2.0, 3.0]}, analyse)
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
    # a bad parameter stays a ValueError, and the first failure in grid order is the one reported
    with pytest.raises(ValueError, match=r"sweep: build failed at point \{'leniency': nan\}: ValueError: "
                                         r"confession_game: parameter leniency is nan") as caught:
        dilemma.sweep(build, {"leniency": [0.0, float("nan"), float("inf")]}, lambda game: 0)
    assert isinstance(caught.value.__cause__, ValueError)
    with pytest.raises(TypeError, match=r"sweep: build failed at point \{'lenience': 1\}: TypeError: .*'lenience'"):
        dilemma.sweep(build, {"lenience": [1]}, lambda game: 0)


@pytest.mark.parametrize("arguments, message", [
    (dict(build=1), r"sweep: build must be callable, got int"),
    (dict(analyse="x"), r"sweep: analyse must be callable, got str"),
    (dict(grid={}), r"sweep: grid is empty"),
    (dict(grid=[]), r"sweep: grid is empty"),
    (dict(grid={"leniency": []}), r"sweep: grid\['leniency'\] has no values"),
    (dict(grid={"leniency": 2.0}), r"sweep: grid\['leniency'\] must be a sequence of values, got 2.0"),
    (dict(grid={"leniency": "abc"}), r"sweep: grid\['leniency'\] must be a sequence"),
    (dict(grid=5), r"sweep: grid must be a mapping name -> values or a sequence of dicts, got int"),
    (dict(grid=[{"leniency": 1}, 3]), r"sweep: grid\[1\] must be a dict of parameters, got 3"),
    (dict(grid=[{"leniency": 1}, {"torture": 1}]), r"sweep: grid\[1\] has the parameters \['torture'\]"),
    (dict(max_workers=0), r"sweep: max_workers must be a positive integer or None, got 0"),
    (dict(analyse=lambda game: {"leniency": 1}), r"sweep: analyse returned a result named 'leniency'"),
    (dict(analyse=lambda game: {"a": 1} if game.payoff(2, [4, 0, 0]) < -10 else {"b": 1}),
     r"sweep: analyse returned \['a'\] at point \{'leniency': 2\}, but \['b'\] at point \{'leniency': 0\}"),
])
def test_sweep_rejects_bad_input_naming_the_argument(arguments, message):
    call = dict(build=lambda leniency: dilemma.confession_game(5, "yezhov_method", leniency=leniency,
                                                                sentence=(0, 0, 2 * leniency)),
                grid={"leniency": [0, 2]}, analyse=lambda game: 0)
    call.update(arguments)
    with pytest.raises(ValueError, match=message):
        dilemma.sweep(call.pop("build"), call.pop("grid"), call.pop("analyse"), **call)


def test_sweep_example_runs(run_doctests):
    run_doctests(dilemma.sweep)


def test_sweep_on_a_local_cluster_equals_the_local_run():
    # .ci installs python3-distributed: no skip when it is missing
    import pandas
    from distributed import Client, LocalCluster

    build, outcome = confession_sweep()
    grid = {"leniency": [0.0, 1.0, 2.0, 3.0, 4.0, 5.0], "torture": [0.0, 2.0, 4.0]}
    local = dilemma.sweep(build, grid, outcome)
    start = time.perf_counter()
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        remote = dilemma.sweep(build, grid, outcome, client=client)
        pids = set(client.run(lambda: __import__("os").getpid()).values())
        with pytest.raises(ValueError, match=r"sweep: build failed at point \{'leniency': inf, 'torture': 0.0\}"):
            dilemma.sweep(build, {"leniency": [0.0, float("inf")], "torture": [0.0]}, outcome, client=client)
        with pytest.raises(ValueError, match=r"sweep: max_workers sets the local threads"):
            dilemma.sweep(build, grid, outcome, client=client, max_workers=2)
    pandas.testing.assert_frame_equal(remote, local)
    assert len(pids) == 2
    assert time.perf_counter() - start < 20
