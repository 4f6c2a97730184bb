"""The benchmark scripts run end to end on tiny sizes (so they cannot rot); no timings are asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name: str):
    if str(BENCH) not in sys.path:  # the scripts share tests/benchmarks/child.py, as they do when run by hand
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_batch_runs_and_agrees_with_pygambit():
    pytest.importorskip("pygambit")
    pytest.importorskip("nashpy")
    out = load("bench_batch").main(n_games=300, baseline_sample=30, repeats=1)
    assert set(out) == {"float", "int"}
    assert out["float"]["gambit_disagree"] == 0 and out["int"]["gambit_disagree"] == 0


def test_bench_enumeration_runs():
    pytest.importorskip("pygambit")
    out = load("bench_enumeration").main(games_per_size=1, timeout=20.0, sizes=(3,))
    assert out[3]["ours_counts"] == out[3]["gambit_counts"]


@pytest.mark.slow
def test_bench_sweep_runs():
    pytest.importorskip("dask.distributed")
    pytest.importorskip("models.security_dilemma")
    out = load("bench_sweep").main(n_points=400, model_sample=20, chunksize=100)
    assert out["mismatches"] == 0 and out["identical"]


def test_bench_lemke_howson_runs_and_agrees_with_quantecon():
    pytest.importorskip("quantecon")
    out = load("bench_lemke_howson").main(games_per_size=1, labels_per_game=2, sizes=(6,))
    agreed, total = out[6]["agree"]["QuantEcon"]
    assert total == 2 and agreed == total


def test_bench_vertex_quantecon_runs_and_agrees_with_the_oracle():
    pytest.importorskip("quantecon")
    pytest.importorskip("pygambit")
    pytest.importorskip("nashpy")
    out = load("bench_vertex_quantecon").main(games_per_size=1, repeats=1, generic=(3,), degenerate=(3,), timeout=20.0)
    assert len(out) == 2
    assert all(row["ours_agree"] == len(row["oracle_counts"]) == 1 for row in out.values())


def test_bench_qre_runs_and_agrees_with_pygambit():
    pytest.importorskip("pygambit")
    out = load("bench_qre").main(games_per_shape=1, timeout=30.0, logit_shapes=((2, 2, 2),), poly_shapes=((2, 2, 2),))
    assert out["logit"][(2, 2, 2)]["agree"] == 1
    poly = out["polynomial"][(2, 2, 2)]
    assert poly["found"] == poly["total"]


def test_bench_trees_runs_and_agrees_with_pygambit():
    pytest.importorskip("pygambit")
    out = load("bench_trees").main(max_depth=3, repeats=1)
    assert all(row["agree"] for row in out.values())


def test_bench_voting_runs_and_agrees():
    out = load("bench_voting").main(sizes=(10, 30), samples=200, repeats=1)
    assert out[10]["swings_agree"] and out[10]["enum_max_diff"] < 1e-12
    assert out[30]["sum_is_one"] and out[30]["mc_max_diff"] < 0.2


def test_bench_correlated_runs_and_agrees():
    out = load("bench_correlated").main(sizes=((4, 4), (3, 3, 3)), repeats=1)
    assert all(row["same_value"] for row in out.values())
