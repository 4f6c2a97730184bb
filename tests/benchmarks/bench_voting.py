"""Benchmark: exact Shapley-Shubik and Banzhaf indices of weighted voting games with 20, 50 and 200 members,
against plain enumeration (20 members: all 2^20 coalitions, vectorised with numpy) and against Monte Carlo
sampling of voting orders (50 and 200 members, where enumeration is out of reach).

    python tests/benchmarks/bench_voting.py [--samples N] [--repeats R]

Our side: WeightedVotingGame.shapley_shubik() and .banzhaf() (packed generating functions, exact Fractions).
Baselines: for n <= 22, every coalition's weight from its bit mask (numpy), the swings of each player
counted and weighted by k!(n-1-k)!/n! (floats); for larger n, the share of ``--samples`` random voting
orders in which each player is pivotal. Printed: times, their ratio, and the largest difference from the
exact indices.
"""

from __future__ import annotations

import argparse
import math
import time
from functools import partial

import numpy as np


def weighted_game(n: int, seed: int = 0, wmax: int = 10):
    from games.cooperative import WeightedVotingGame

    rng = np.random.default_rng(seed)
    w = rng.integers(1, wmax + 1, size=n).tolist()
    return WeightedVotingGame(w, sum(w) // 2 + 1)


def _fresh(n: int, index: str):
    return getattr(weighted_game(n), index)()


def best_time(fn, repeats: int):
    best, out = float("inf"), None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def enumerate_indices(weights: list[int], quota: int) -> tuple[np.ndarray, np.ndarray]:
    """Shapley-Shubik (float) and raw swing counts by listing all 2^n coalitions (n <= 22)."""
    n = len(weights)
    masks = np.arange(1 << n, dtype=np.int64)
    bits = (masks[:, None] >> np.arange(n)) & 1
    sums = bits @ np.asarray(weights, dtype=np.int64)
    sizes = bits.sum(axis=1)
    coef = np.array([math.factorial(k) * math.factorial(n - 1 - k) / math.factorial(n) for k in range(n)])
    ss, swings = np.zeros(n), np.zeros(n, dtype=np.int64)
    for i in range(n):
        out = bits[:, i] == 0
        piv = out & (sums < quota) & (sums + weights[i] >= quota)
        swings[i] = int(piv.sum())
        ss[i] = float(coef[sizes[piv]].sum())
    return ss, swings


def sample_orders(weights: list[int], quota: int, samples: int, seed: int = 1) -> np.ndarray:
    """Monte Carlo Shapley-Shubik: the pivotal player's share over ``samples`` random orders."""
    rng = np.random.default_rng(seed)
    n = len(weights)
    w = np.asarray(weights)
    counts = np.zeros(n)
    for _ in range(samples):
        order = rng.permutation(n)
        pivot = order[int(np.searchsorted(np.cumsum(w[order]), quota))]
        counts[pivot] += 1
    return counts / samples


def main(sizes: tuple[int, ...] = (20, 50, 200), samples: int = 20_000, repeats: int = 3) -> dict[int, dict]:
    results: dict[int, dict] = {}
    for n in sizes:
        g = weighted_game(n)
        t_ss, ss = best_time(partial(_fresh, n, "shapley_shubik"), repeats)
        t_bz, _ = best_time(partial(_fresh, n, "banzhaf"), repeats)       # a fresh game: no cached counts
        exact = np.array([float(x) for x in ss])
        row = {"ours_ss_s": t_ss, "ours_banzhaf_s": t_bz, "sum_is_one": sum(ss) == 1}
        if n <= 22:
            t_en, (ss_en, sw_en) = best_time(partial(enumerate_indices, list(g.weights), g.quota), 1)
            row.update(enum_s=t_en, enum_max_diff=float(np.max(np.abs(ss_en - exact))),
                       swings_agree=bool(list(sw_en) == list(g.swings())), ratio=t_en / t_ss)
            print(f"n={n:4d}: ours SS {1e3 * t_ss:8.2f} ms, Banzhaf {1e3 * t_bz:7.2f} ms | enumeration of 2^{n} "
                  f"coalitions {1e3 * t_en:8.1f} ms (x{t_en / t_ss:.0f} slower); max |SS diff| "
                  f"{row['enum_max_diff']:.1e}, swings identical: {row['swings_agree']}")
        else:
            t_mc, est = best_time(partial(sample_orders, list(g.weights), g.quota, samples), 1)
            row.update(mc_s=t_mc, mc_samples=samples, mc_max_diff=float(np.max(np.abs(est - exact))),
                       ratio=t_mc / t_ss)
            print(f"n={n:4d}: ours SS {1e3 * t_ss:8.2f} ms, Banzhaf {1e3 * t_bz:7.2f} ms | Monte Carlo {samples} "
                  f"orders {1e3 * t_mc:8.1f} ms (x{t_mc / t_ss:.1f}); max |SS error| of the sample "
                  f"{row['mc_max_diff']:.1e} (largest index {exact.max():.4f})")
        results[n] = row
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=20_000, help="voting orders sampled for n > 22")
    parser.add_argument("--repeats", type=int, default=3, help="runs of our code; the best is reported")
    args = parser.parse_args()
    main(samples=args.samples, repeats=args.repeats)
