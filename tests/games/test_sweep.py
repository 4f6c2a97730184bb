"""games.sweep: tidy tables over parameter grids, seeded, serial or on executors, chunked."""

from __future__ import annotations

import itertools
import math
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

import games
from games.sweep import point_seeds, sweep, sweep_iter


def net(cost, benefit):
    return {"net": benefit - cost, "worth_it": benefit > cost}


def noisy(sigma, seed):
    return {"draw": float(np.random.default_rng(seed).normal(0.0, sigma))}


@dataclass(frozen=True)
class Deterrence:
    """A toy model: a threat deters when its cost times credibility exceeds the gain."""

    gain: float = 1.0
    cost: float = 2.0
    credibility: float = 0.5

    def outcome(self) -> dict:
        return {"deterred": self.cost * self.credibility > self.gain,
                "margin": self.cost * self.credibility - self.gain}


def test_cartesian_product_first_parameter_slowest():
    df = sweep(net, {"cost": [1, 2], "benefit": [5, 1, 3]})
    assert list(df.columns) == ["cost", "benefit", "net", "worth_it"]
    assert list(zip(df.cost, df.benefit)) == list(itertools.product([1, 2], [5, 1, 3]))
    assert df.net.tolist() == [4, 0, 2, 3, -1, 1]          # benefit - cost, by hand
    assert df.worth_it.tolist() == [True, False, True, True, False, True]
    assert df.index.tolist() == list(range(6))


def test_number_result_becomes_value_column_and_point_lists():
    df = sweep(lambda x, y: x * y, [{"x": 2, "y": 3}, {"x": 4, "y": 0.5}])
    assert df.value.tolist() == [6, 2.0]
    frame = pd.DataFrame({"x": [1, 2], "y": [10, 20]})
    assert sweep(lambda x, y: x + y, frame).value.tolist() == [11, 22]


def test_model_instance_and_model_class():
    base = Deterrence(gain=1.0)
    df = sweep(base, {"cost": [1.0, 4.0], "credibility": [0.25, 1.0]})
    # cost * credibility > gain = 1: only (4, 1.0) -> 4 > 1 and (4, .25) -> 1 > 1 false, (1, 1) -> 1 > 1 false
    assert df.deterred.tolist() == [False, False, False, True]
    assert df.margin.tolist() == [-0.75, 0.0, 0.0, 3.0]
    by_class = sweep(Deterrence, {"cost": [1.0, 4.0], "credibility": [0.25, 1.0]})
    pd.testing.assert_frame_equal(df, by_class)


def test_seeds_are_spawned_children_and_independent_of_chunking_and_executor():
    grid = {"sigma": [0.5, 1.0, 2.0], "rep": range(4)}
    target = lambda sigma, rep, seed: noisy(sigma, seed)  # noqa: E731
    serial = sweep(target, grid, seed=2024, chunksize=1)
    children = np.random.SeedSequence(2024).spawn(12)
    expected = [int(c.generate_state(1, np.uint64)[0]) for c in children]
    assert [int(s) for s in serial.seed] == expected
    draws = [float(np.random.default_rng(s).normal(0.0, sig)) for s, sig in zip(expected, serial.sigma)]
    assert serial.draw.tolist() == draws
    pd.testing.assert_frame_equal(serial, sweep(target, grid, seed=2024, chunksize=5))
    with ThreadPoolExecutor(2) as pool:
        pd.testing.assert_frame_equal(serial, sweep(target, grid, seed=2024, executor=pool, chunksize=1))
    assert not serial.equals(sweep(target, grid, seed=2025))


def test_process_pool_gives_the_serial_table():
    grid = {"sigma": [0.5, 1.0], "rep": range(3)}
    serial = sweep(noisy, {"sigma": [0.5, 1.0, 3.0]}, seed=7)
    with ProcessPoolExecutor(2) as pool:
        parallel = sweep(noisy, {"sigma": [0.5, 1.0, 3.0]}, seed=7, executor=pool, chunksize=1)
        models = sweep(Deterrence(), {"cost": [1.0, 3.0], "gain": [0.5, 2.0]}, executor=pool, chunksize=1)
    pd.testing.assert_frame_equal(serial, parallel)
    pd.testing.assert_frame_equal(models, sweep(Deterrence(), {"cost": [1.0, 3.0], "gain": [0.5, 2.0]}))
    assert grid  # the grid dict is not consumed


def test_vectorized_path_matches_point_by_point():
    grid = {"cost": np.linspace(0, 3, 7), "benefit": [1.0, 2.5]}
    scalar = sweep(net, grid)
    vector = sweep(net, grid, vectorized=True, chunksize=4)
    pd.testing.assert_frame_equal(scalar, vector, check_dtype=False)


def arms_race(r, t):
    """Symmetric 2x2 arms game as stacked arrays: restraint pays r, arming against restraint t, mutual arming 1."""
    k = len(r)
    A = np.zeros((k, 2, 2))
    A[:, 0, 0], A[:, 1, 0], A[:, 1, 1] = r, t, 1.0
    eqs = games.batch_equilibria(A, A.transpose(0, 2, 1))
    restraint = (eqs.x[:, 0] == 1) & (eqs.y[:, 0] == 1)
    return {"n_equilibria": eqs.counts, "restraint_is_equilibrium": eqs.any_per_game(restraint),
            "best_row_payoff": eqs.per_game(eqs.payoffs[:, 0], "max")}


def test_vectorised_sweep_of_games_built_as_arrays():
    """One batched solve per chunk; every point checked against games.equilibria on its own game.

    By hand: with 0 < 1 < t the stag hunt (r > t) has 3 equilibria with mutual restraint among them,
    the prisoner's dilemma (t > r) only mutual arming.
    """
    df = sweep(arms_race, {"r": [3.0, 4.0], "t": [2.0, 3.5, 5.0]}, vectorized=True, chunksize=4)
    assert df.n_equilibria.tolist() == [3, 1, 1, 3, 3, 1]
    assert df.restraint_is_equilibrium.tolist() == [True, False, False, True, True, False]
    for row in df.itertuples():
        A = np.array([[row.r, 0.0], [row.t, 1.0]])
        eqs = games.equilibria(games.NormalFormGame.from_bimatrix(A, A.T))
        assert len(eqs) == row.n_equilibria
        assert row.best_row_payoff == pytest.approx(max(e.payoffs[0] for e in eqs))


def test_streaming_a_ten_million_point_grid_touches_only_the_chunks_read():
    grid = {"a": np.arange(10_000), "b": np.arange(1_000)}
    it = sweep_iter(lambda a, b: {"s": a + b}, grid, vectorized=True, chunksize=50_000, progress=False)
    first, second = next(it), next(it)
    it.close()
    assert len(first) == len(second) == 50_000
    assert second.index[0] == 50_000
    # point 50_000 is a = 50, b = 0 (b varies fastest)
    assert (second.a.iloc[0], second.b.iloc[0], second.s.iloc[-1]) == (50, 0, 99 + 999)


def test_progress_bar_when_asked(capsys):
    sweep(net, {"cost": [1], "benefit": [2]}, progress=True)
    assert "sweep" in capsys.readouterr().err


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match=r"grid has parameters \['colour'\]"):
        sweep(net, {"cost": [1], "benefit": [2], "colour": ["red"]})
    with pytest.raises(ValueError, match="needs parameters \\['benefit'\\]"):
        sweep(net, {"cost": [1]})
    with pytest.raises(ValueError, match="grid is empty"):
        sweep(net, {})
    with pytest.raises(ValueError, match=r"grid\['cost'\] is empty"):
        sweep(net, {"cost": [], "benefit": [1]})
    with pytest.raises(TypeError, match=r"grid\['cost'\] must be a sequence"):
        sweep(net, {"cost": 3, "benefit": [1]})
    with pytest.raises(TypeError, match="dict of named results or a number; it returned list"):
        sweep(lambda x: [x], {"x": [1]})
    with pytest.raises(TypeError, match="flat dict of scalars; result 'v' is dict"):
        sweep(lambda x: {"v": {"nested": x}}, {"x": [1]})
    with pytest.raises(ValueError, match="takes no 'seed' parameter"):
        sweep(net, {"cost": [1], "benefit": [2]}, seed=1)
    with pytest.raises(ValueError, match="one value per point; result 'v' has shape"):
        sweep(lambda x: {"v": np.zeros(3)}, {"x": [1, 2]}, vectorized=True)
    with pytest.raises(ValueError, match="chunksize must be a positive integer"):
        sweep(net, {"cost": [1], "benefit": [2]}, chunksize=0)
    with pytest.raises(TypeError, match="grid must be a dict"):
        sweep(net, "cost")
    with pytest.raises(TypeError, match="target must be a function"):
        sweep(42, {"x": [1]})
    with pytest.raises(TypeError, match="vectorized=True needs a function"):
        sweep(Deterrence(), {"cost": [1.0]}, vectorized=True)
    with pytest.raises(ValueError, match="same parameters as grid"):
        sweep(lambda x, y=0: x, [{"x": 1}, {"x": 2, "y": 3}])


def test_games_sweep_is_callable_however_it_resolves():
    """``games.sweep`` is both a module and a function; both spellings sweep."""
    import games.sweep as module

    expected = sweep(lambda x: x + 1, {"x": [1, 2]})
    pd.testing.assert_frame_equal(module(lambda x: x + 1, {"x": [1, 2]}), expected)
    pd.testing.assert_frame_equal(games.sweep(lambda x: x + 1, {"x": [1, 2]}), expected)


def test_sweep_iter_checks_its_arguments_at_once():
    with pytest.raises(ValueError, match="grid is empty"):
        sweep_iter(net, {})


def test_a_failing_point_is_named():
    def fragile(x):
        return {"inv": 1 / x}

    with pytest.raises(ZeroDivisionError) as info:
        sweep(fragile, {"x": [1, 0]})
    assert any("sweep point 1: {'x': 0}" in note for note in info.value.__notes__)


def test_point_seeds_rejects_bad_seed():
    with pytest.raises(TypeError, match="seed must be a non-negative int"):
        point_seeds(-1, 0, 1)


def test_huge_grid_refused_with_its_count_before_any_work():
    calls = []
    grid = {name: range(1000) for name in "abcdef"}      # 10**18 points
    with pytest.raises(ValueError, match="1,000,000,000,000,000,000 points, more than max_points"):
        sweep(lambda **kw: calls.append(kw) or 0.0, grid)
    assert calls == []
    with pytest.raises(ValueError, match="3 points, more than max_points=2"):
        sweep(lambda a: a, {"a": [1, 2, 3]}, max_points=2)
    assert len(sweep(lambda a: a, {"a": [1, 2, 3]}, max_points=None)) == 3
    with pytest.raises(ValueError, match="max_points must be a positive integer"):
        sweep(lambda a: a, {"a": [1]}, max_points=0)


# -------------------- edge cases
# ----------------------------------------------------------------------------------------- sweeps
def net_cost(cost, benefit=1.0):
    return {"net": benefit - cost}


@pytest.mark.parametrize("values, message", [
    (np.array(3.0), r"grid\['cost'\] must be a sequence of values; got a 0-d array"),
    ((c for c in range(3)), r"write list\(\.\.\.\)"),
    ({1, 2}, r"write sorted\(\.\.\.\)"),
])
def test_grid_values_that_are_not_sequences(values, message):
    with pytest.raises(TypeError, match=message):
        sweep(net_cost, {"cost": values})


def test_nan_results_and_nan_parameters_are_kept():
    out = sweep(lambda x: {"y": x * math.nan}, {"x": [1.0, math.nan]})
    assert out["y"].isna().all() and math.isnan(out["x"][1])


def boom(x):
    if x == 2:
        raise ZeroDivisionError("bad point")
    return {"y": x}


def test_the_failing_point_is_named_serially_and_on_an_executor():
    for executor in (None, ThreadPoolExecutor(2)):
        with pytest.raises(ZeroDivisionError) as info:
            sweep(boom, {"x": [1, 2, 3]}, executor=executor, chunksize=1)
        assert "at sweep point 1: {'x': 2}" in info.value.__notes__
        if executor is not None:
            executor.shutdown()


class _DeadWorkers(Executor):
    """An executor whose tasks all fail as if the worker process had died."""

    def submit(self, fn, *args, **kwargs):
        fut = Future()
        fut.set_exception(OSError("worker died"))
        return fut


class _Closed(Executor):
    def submit(self, fn, *args, **kwargs):
        raise RuntimeError("cannot schedule new futures after shutdown")


@pytest.mark.parametrize("executor, error", [(_DeadWorkers(), OSError), (_Closed(), RuntimeError)])
def test_executor_failures_name_the_chunk(executor, error):
    with pytest.raises(error) as info:
        sweep(net_cost, {"cost": [1, 2, 3]}, executor=executor, chunksize=2)
    assert any("sweep chunk of points 0..1" in note for note in info.value.__notes__)


def test_an_executor_class_instead_of_an_instance_is_refused():
    with pytest.raises(TypeError, match=r"executor must be an Executor instance.*ThreadPoolExecutor\(\)"):
        sweep(net_cost, {"cost": [1, 2]}, executor=ThreadPoolExecutor)
