"""Benchmark: all equilibria of random n x n games, hull enumeration against nashpy and pygambit.

Run by hand: ``python tests/benchmarks/bench_enumeration.py [games_per_size] [timeout_s]``.

Ours (``games.solvers.enumeration.hull_equilibria``) and the basis-by-basis ``games.equilibria`` run in
this process; each baseline call (nashpy ``support_enumeration`` and ``vertex_enumeration``, pygambit
``enummixed_solve``) runs in a forked child with a timeout, reported as ``>T s`` when exceeded (a
baseline that timed out is not run again at larger sizes). Cells are median seconds per game. The
equilibrium counts of pygambit (distinct profiles) and ours are compared where pygambit finished.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings

import numpy as np
from arguments import keyword_arguments
from child import timed_call


def _nashpy_support(A, B):
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return len(list(nashpy.Game(A, B).support_enumeration()))


def _nashpy_vertex(A, B):
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return len(list(nashpy.Game(A, B).vertex_enumeration()))


def _gambit(A, B):
    import pygambit as gbt

    g = gbt.Game.from_arrays(A, B)
    eqs = gbt.nash.enummixed_solve(g, rational=False).equilibria
    return len({tuple(round(float(eq[s]), 6) for pl in g.players for s in pl.strategies) for eq in eqs})


BASELINES = {"nashpy support": _nashpy_support, "nashpy vertex": _nashpy_vertex, "pygambit enummixed": _gambit}


def main(games_per_size: int = 2, timeout: float = 60.0, sizes: tuple[int, ...] = (4, 6, 8, 10, 12),
         seed: int = 0) -> dict:
    """Run the benchmark, print a markdown table and return the figures."""
    import nashpy  # noqa: F401 - imported before forking, so the children's timings exclude imports
    import pygambit  # noqa: F401

    import games
    from games.solvers.enumeration import hull_equilibria

    rng = np.random.default_rng(seed)
    results: dict = {}
    timed_out: set[str] = set()
    for n in sizes:
        pairs = [(rng.random((n, n)), rng.random((n, n))) for _ in range(games_per_size)]
        row: dict = {}
        ours_t, ours_counts = [], []
        for A, B in pairs:
            g = games.NormalFormGame.from_bimatrix(A, B)
            start = time.perf_counter()
            ours_counts.append(len(hull_equilibria(g)))
            ours_t.append(time.perf_counter() - start)
        row["ours"] = statistics.median(ours_t)
        row["ours_counts"] = ours_counts
        if games.solvers.vertex.count_bases(n, n) <= 200_000:
            basis_t = []
            for A, B in pairs:
                start = time.perf_counter()
                games.equilibria(games.NormalFormGame.from_bimatrix(A, B), method="vertex")
                basis_t.append(time.perf_counter() - start)
            row["games.equilibria (bases)"] = statistics.median(basis_t)
        for name, func in BASELINES.items():
            if name in timed_out:
                row[name] = None
                continue
            times, counts = [], []
            for A, B in pairs:
                t, c = timed_call(func, A, B, timeout=timeout)
                if t is None:
                    timed_out.add(name)
                    times = None
                    break
                times.append(t)
                counts.append(c)
            row[name] = statistics.median(times) if times else None
            if name == "pygambit enummixed" and times:
                row["gambit_counts"] = counts
        results[n] = row
    names = ["ours", "games.equilibria (bases)", *BASELINES]
    print(f"All equilibria of random n x n games (uniform floats), median seconds per game over "
          f"{games_per_size} games; '>{timeout:g} s' = stopped at the timeout\n")
    print("| n | hull_equilibria (ours) | " + " | ".join(names[1:]) + " | fastest baseline / ours | "
          "equilibria ours (pygambit) |")
    print("|---" * (len(names) + 3) + "|")
    for n, row in results.items():
        cells = []
        for name in names:
            v = row.get(name, "n/a")
            cells.append("not run" if v == "n/a" else (f">{timeout:g} s" if v is None else f"{v:.4g} s"))
        finished = [row[k] for k in BASELINES if row.get(k) is not None]
        ratio = f"{min(finished) / row['ours']:,.1f}x" if finished else f">{timeout / row['ours']:,.0f}x"
        counts = f"{row['ours_counts']} ({row.get('gambit_counts', '-')})"
        print(f"| {n} | " + " | ".join(cells) + f" | {ratio} | {counts} |")
    return results


if __name__ == "__main__":
    main(**keyword_arguments(sys.argv[1:], ("games_per_size", int), ("timeout", float)))
