"""Benchmark: a 10^6-point sweep of the security-dilemma model, serial and on a 2-worker dask cluster.

Run by hand: ``python tests/benchmarks/bench_sweep.py [n_points] [model_sample]``.

The model (``models.security_dilemma.SecurityDilemmaModel``) is swept two ways over offence advantage
and distinguishability:

- point by point, ``sweep(SecurityDilemmaModel(), grid)`` (a ``games.equilibria`` call per point), on a
  sample of the grid, its rate extrapolated;
- vectorised: ``posture_games`` builds the same 2x2 games as stacked arrays (the model's ``T, R, P, S``)
  and solves each chunk with one ``games.batch_equilibria`` call. Its answers are checked against the
  model's own ``outcome()`` on the sample first.

The vectorised sweep runs serially and with ``executor=client.get_executor()`` on a
``LocalCluster(n_workers=2, threads_per_worker=1)``; peak memory is measured with tracemalloc in this
process (numpy buffers included), for the whole table (``sweep``) and for streaming (``sweep_iter``,
keeping one summary per chunk).
"""

from __future__ import annotations

import sys
import time
import tracemalloc

import numpy as np

DEFAULTS = {"mutual_restraint": 3.0, "arms_race": 1.0, "exploitation_gain": 2.0, "warning_value": 1.0}


def posture_games(offence_advantage, distinguishability):
    """The security-dilemma model's posture games for arrays of parameters, solved in one batch."""
    from games import batch_equilibria

    R, P = DEFAULTS["mutual_restraint"], DEFAULTS["arms_race"]
    T = R + np.asarray(offence_advantage) * DEFAULTS["exploitation_gain"]
    S = P + (2 * np.asarray(distinguishability) - 1) * DEFAULTS["warning_value"]
    A = np.empty((len(T), 2, 2))
    A[:, 0, 0], A[:, 0, 1], A[:, 1, 0], A[:, 1, 1] = R, S, T, P
    eqs = batch_equilibria(A, A.transpose(0, 2, 1))
    restraint = (eqs.x[:, 0] == 1) & (eqs.y[:, 0] == 1)
    arming = (eqs.x[:, 1] == 1) & (eqs.y[:, 1] == 1)
    return {"n_equilibria": eqs.counts, "cooperation_equilibrium": eqs.any_per_game(restraint),
            "mutual_arming_equilibrium": eqs.any_per_game(arming),
            "best_payoff": eqs.per_game(eqs.payoffs[:, 0], "max")}


def grid_for(n_points: int) -> dict:
    side = int(round(n_points ** 0.5))
    return {"offence_advantage": np.linspace(-1, 1, side), "distinguishability": np.linspace(0, 1, n_points // side)}


def _peak(func) -> tuple[float, float, object]:
    tracemalloc.start()
    start = time.perf_counter()
    out = func()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak / 2**20, out


def main(n_points: int = 1_000_000, model_sample: int = 2_000, chunksize: int = 100_000, workers: int = 2) -> dict:
    """Run the benchmark, print a markdown table and return the figures."""
    from dask.distributed import Client, LocalCluster

    from games.sweep import sweep, sweep_iter
    from models.security_dilemma import SecurityDilemmaModel

    grid = grid_for(n_points)
    n = len(grid["offence_advantage"]) * len(grid["distinguishability"])
    rng = np.random.default_rng(0)
    sample = {"offence_advantage": rng.uniform(-1, 1, model_sample).round(3),
              "distinguishability": rng.uniform(0, 1, model_sample).round(3)}
    points = [dict(zip(sample, v)) for v in zip(*sample.values())]
    start = time.perf_counter()
    by_model = sweep(SecurityDilemmaModel(), points, progress=False)
    model_rate = model_sample / (time.perf_counter() - start)
    by_batch = sweep(posture_games, points, vectorized=True)
    mismatches = int(sum((by_model[c] != by_batch[c]).sum()
                         for c in ("n_equilibria", "cooperation_equilibrium", "mutual_arming_equilibrium")))
    serial_t, serial_mem, serial = _peak(lambda: sweep(posture_games, grid, vectorized=True, chunksize=chunksize,
                                                       progress=False))
    stream_t, stream_mem, _ = _peak(lambda: [int(c.n_equilibria.sum()) for c in sweep_iter(
        posture_games, grid, vectorized=True, chunksize=chunksize, progress=False)])
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        ex = client.get_executor()
        sweep(posture_games, grid_for(4 * chunksize), vectorized=True, chunksize=chunksize, executor=ex,
              progress=False)  # warm the workers (imports)
        dask_t, dask_mem, parallel = _peak(lambda: sweep(posture_games, grid, vectorized=True, chunksize=chunksize,
                                                         executor=ex, progress=False))
    identical = bool(serial.equals(parallel))
    results = {"points": n, "model_rate": model_rate, "mismatches": mismatches, "sample": model_sample,
               "serial_rate": n / serial_t, "serial_mem": serial_mem, "stream_rate": n / stream_t,
               "stream_mem": stream_mem, "dask_rate": n / dask_t, "dask_mem": dask_mem, "identical": identical}
    print(f"Sweep of SecurityDilemmaModel over offence advantage x distinguishability, {n:,} points, "
          f"chunks of {chunksize:,}\n")
    print("| run | points/s | peak memory in this process (MiB) |")
    print("|---|---|---|")
    print(f"| point by point, model.outcome() (sample of {model_sample:,}, extrapolated) | {model_rate:,.0f} | - |")
    print(f"| vectorised, serial, sweep() -> full table | {n / serial_t:,.0f} | {serial_mem:,.0f} |")
    print(f"| vectorised, serial, sweep_iter() streaming | {n / stream_t:,.0f} | {stream_mem:,.0f} |")
    print(f"| vectorised, dask LocalCluster {workers} workers x 1 thread | {n / dask_t:,.0f} | {dask_mem:,.0f} |")
    print(f"\nvectorised / point by point: {n / serial_t / model_rate:,.0f}x; answers differing from the model's "
          f"outcome() on the sample: {mismatches}; dask table identical to serial: {identical}")
    return results


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*args)
