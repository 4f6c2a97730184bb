"""Distributed sweeps: a dask cluster's executor returns exactly the serial table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from games.sweep import sweep

distributed = pytest.importorskip(
    "dask.distributed", reason="dask.distributed is not installed (pip install 'security-regimes[distributed]')")


def noisy_threshold(cost, members, seed):
    """A seeded point: how many of ``members`` draws exceed ``cost``."""
    rng = np.random.default_rng(seed)
    return {"contributors": int((rng.random(members) > cost).sum()), "cost_share": cost / members}


def contributors_vectorised(cost, members, seed):
    return {"expected": (1 - cost) * members, "seed_parity": seed % 2}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_executor_returns_exactly_the_serial_table(client):
    grid = {"cost": [0.1, 0.5, 0.9], "members": [3, 10, 30]}
    serial = sweep(noisy_threshold, grid, seed=99)
    parallel = sweep(noisy_threshold, grid, seed=99, executor=client.get_executor(), chunksize=2)
    pd.testing.assert_frame_equal(serial, parallel)
    assert len(serial) == 9 and serial.seed.nunique() == 9


def test_dask_executor_runs_vectorised_chunks(client):
    grid = {"cost": np.linspace(0, 1, 50), "members": [3, 10]}
    serial = sweep(contributors_vectorised, grid, seed=5, vectorized=True, chunksize=17)
    parallel = sweep(contributors_vectorised, grid, seed=5, vectorized=True, chunksize=17,
                     executor=client.get_executor())
    pd.testing.assert_frame_equal(serial, parallel)
