"""Benchmark: all equilibria of many random 2x2 games, batch_equilibria against per-game loops.

Run by hand: ``python tests/benchmarks/bench_batch.py [n_games] [baseline_sample]``.

Same seeded games for everyone. ``games.batch_equilibria`` solves the whole stack (median of 5 runs);
nashpy's ``support_enumeration`` and pygambit's ``enummixed_solve`` run in a Python loop over a
subsample of the games (their rate is extrapolated from the subsample, in blocks, median block).
Answers are compared game by game on the subsample: pygambit's (extreme equilibria, also of degenerate
games) should equal ours; nashpy's support enumeration is expected to differ on degenerate games.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings

import numpy as np


def random_games(n_games: int, kind: str, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Seeded stacks of 2x2 games: uniform floats, or integers 0..3 (many ties, many degenerate games)."""
    rng = np.random.default_rng(seed)
    if kind == "float":
        return rng.random((n_games, 2, 2)), rng.random((n_games, 2, 2))
    return rng.integers(0, 4, (n_games, 2, 2)), rng.integers(0, 4, (n_games, 2, 2))


def _key(profile) -> tuple[float, ...]:
    return tuple(np.round(np.asarray(profile, dtype=float), 6) + 0.0)


def _block_rate(func, items, blocks: int = 5) -> float:
    """Games per second of ``func`` over ``items``, the median over ``blocks`` blocks."""
    rates = []
    for chunk in np.array_split(np.arange(len(items)), blocks):
        if not len(chunk):
            continue
        start = time.perf_counter()
        for i in chunk:
            func(items[i])
        rates.append(len(chunk) / (time.perf_counter() - start))
    return statistics.median(rates)


def main(n_games: int = 100_000, baseline_sample: int = 2_000, repeats: int = 5, seed: int = 0) -> dict:
    """Run the benchmark, print a markdown table and return the figures."""
    import nashpy
    import pygambit as gbt

    from games import batch_equilibria

    results = {}
    for kind in ("float", "int"):
        A, B = random_games(n_games, kind, seed)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            ours = batch_equilibria(A, B)
            times.append(time.perf_counter() - start)
        ours_rate = n_games / statistics.median(times)
        sample = np.arange(min(baseline_sample, n_games))

        def nashpy_solve(i, A=A, B=B):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return [_key(np.concatenate(p)) for p in nashpy.Game(A[i], B[i]).support_enumeration()]

        def gambit_solve(i, A=A, B=B, kind=kind):
            a, b = (A[i].astype(int), B[i].astype(int)) if kind == "int" else (A[i], B[i])
            g = gbt.Game.from_arrays(a, b)
            eqs = gbt.nash.enummixed_solve(g, rational=False).equilibria
            return [_key([float(eq[s]) for pl in g.players for s in pl.strategies]) for eq in eqs]

        nashpy_rate = _block_rate(nashpy_solve, sample)
        gambit_rate = _block_rate(gambit_solve, sample)
        ours_sets = [set(_key(np.concatenate([ours.x[e], ours.y[e]]))
                         for e in range(ours.offsets[i], ours.offsets[i + 1])) for i in sample]
        gambit_diff = sum(set(gambit_solve(i)) != ours_sets[k] for k, i in enumerate(sample))
        gambit_diff_degenerate = sum(set(gambit_solve(i)) != ours_sets[k] and ours.degenerate[i]
                                     for k, i in enumerate(sample))
        nashpy_diff = sum(set(nashpy_solve(i)) != ours_sets[k] for k, i in enumerate(sample))
        results[kind] = {
            "games": n_games, "sample": len(sample), "degenerate": int(ours.degenerate.sum()),
            "ours_rate": ours_rate, "nashpy_rate": nashpy_rate, "gambit_rate": gambit_rate,
            "vs_nashpy": ours_rate / nashpy_rate, "vs_gambit": ours_rate / gambit_rate,
            "gambit_disagree": gambit_diff, "gambit_disagree_degenerate": gambit_diff_degenerate,
            "nashpy_disagree": nashpy_diff, "sample_degenerate": int(ours.degenerate[sample].sum()),
        }
    print(f"All equilibria of {n_games} random 2x2 games (baselines on {min(baseline_sample, n_games)}-game "
          "subsamples, rates extrapolated)\n")
    print("| payoffs | degenerate games | batch_equilibria (games/s) | nashpy support loop (games/s) | "
          "pygambit enummixed loop (games/s) | x nashpy | x pygambit | differ from pygambit "
          "(of them degenerate) | nashpy differs from ours |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind, r in results.items():
        label = "uniform floats" if kind == "float" else "integers 0..3 (ties)"
        print(f"| {label} | {r['degenerate']} of {r['games']} | {r['ours_rate']:,.0f} | {r['nashpy_rate']:,.0f} | "
              f"{r['gambit_rate']:,.0f} | {r['vs_nashpy']:,.0f} | {r['vs_gambit']:,.0f} | "
              f"{r['gambit_disagree']} of {r['sample']} ({r['gambit_disagree_degenerate']}) | "
              f"{r['nashpy_disagree']} of {r['sample']} ({r['sample_degenerate']} degenerate in sample) |")
    return results


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*args)
