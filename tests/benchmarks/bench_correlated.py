"""Benchmark: the welfare-maximising correlated equilibrium, vectorised sparse LP against a plain one.

Run by hand: ``python tests/benchmarks/bench_correlated.py [repeats]``.

Ours (``games.correlated_equilibrium``: constraints built with numpy fancy indexing into a sparse matrix,
HiGHS dual simplex) against the plain approach of a textbook implementation: every incentive constraint
written entry by entry with Python loops over players, action pairs and profiles into a dense matrix, then
the same HiGHS solver with the same tolerances. Both solve the same LP on the same seeded games (10x10,
3-player 5x5x5, 20x20, 30x30 and 4-player 4x4x4x4 by default); the optimal welfare must agree to 1e-7.
Cells are median seconds (build and solve). No time is asserted anywhere.
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time

import numpy as np


def plain_correlated_welfare(payoffs: np.ndarray) -> float:
    """The best total welfare over correlated equilibria: constraints by Python loops, dense LP."""
    from scipy.optimize import linprog

    shape = payoffs.shape[:-1]
    n = len(shape)
    profiles = list(itertools.product(*(range(k) for k in shape)))
    column = {p: j for j, p in enumerate(profiles)}
    rows = []
    for i in range(n):
        for a in range(shape[i]):
            for b in range(shape[i]):
                if a == b:
                    continue
                row = [0.0] * len(profiles)
                for p in profiles:
                    if p[i] != a:
                        continue
                    q = p[:i] + (b,) + p[i + 1:]
                    row[column[p]] = float(payoffs[q][i] - payoffs[p][i])
                rows.append(row)
    c = [-float(sum(payoffs[p])) for p in profiles]
    res = linprog(c, A_ub=np.array(rows), b_ub=np.zeros(len(rows)), A_eq=np.ones((1, len(profiles))), b_eq=[1.0],
                  bounds=(0, None), method="highs-ds",
                  options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
    return -float(res.fun)


def main(sizes: tuple[tuple[int, ...], ...] = ((10, 10), (5, 5, 5), (20, 20), (30, 30), (4, 4, 4, 4)), repeats: int = 3,
         seed: int = 0) -> dict:
    """Run the benchmark, print a markdown table and return the figures."""
    import games

    rng = np.random.default_rng(seed)
    results: dict = {}
    for shape in sizes:
        payoffs = rng.random(tuple(shape) + (len(shape),))
        g = games.NormalFormGame(payoffs)
        ours_t, plain_t = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            ours = games.correlated_equilibrium(g, "welfare")
            ours_t.append(time.perf_counter() - start)
            start = time.perf_counter()
            plain = plain_correlated_welfare(payoffs)
            plain_t.append(time.perf_counter() - start)
        results["x".join(map(str, shape))] = {
            "ours": statistics.median(ours_t), "plain": statistics.median(plain_t),
            "welfare": ours.objective_value, "same_value": abs(ours.objective_value - plain) <= 1e-7,
            "max_violation": ours.max_violation}
    print(f"Welfare-maximising correlated equilibrium of random games (uniform payoffs), median seconds over "
          f"{repeats} runs\n")
    print("| game | games.correlated_equilibrium | plain loops + dense LP | plain / ours | same welfare | "
          "max violation |")
    print("|---|---|---|---|---|---|")
    for name, row in results.items():
        print(f"| {name} | {row['ours']:.4g} s | {row['plain']:.4g} s | {row['plain'] / row['ours']:.1f}x | "
              f"{row['same_value']} | {row['max_violation']:.2g} |")
    return results


if __name__ == "__main__":
    main(repeats=int(sys.argv[1]) if len(sys.argv) > 1 else 3)
