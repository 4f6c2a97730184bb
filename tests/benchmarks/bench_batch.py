"""Benchmark: all equilibria of stacks of random small games, batch_equilibria against per-game loops.

Run by hand: ``python tests/benchmarks/bench_batch.py [n_games] [baseline_sample]`` (2x2 stacks, :func:`main`)
and ``python tests/benchmarks/bench_batch.py sizes [scale]`` (3x3 to 7x7 stacks, :func:`main_sizes`).

Same seeded games for everyone. ``games.batch_equilibria`` solves the whole stack (median of 5 runs);
nashpy's ``support_enumeration`` and pygambit's ``enummixed_solve`` run in a Python loop over a
subsample of the games (their rate is extrapolated from the subsample, in blocks, median block).
Answers are compared game by game on the subsample: pygambit's (extreme equilibria, also of degenerate
games) should equal ours; nashpy's support enumeration is expected to differ on degenerate games.

:func:`main_sizes` does the same for 3x3 to 7x7 stacks, with a Python loop over ``games.equilibria`` on every
game of the stack (the per-game solver, whose sets are the reference: same sets game by game, components and
degeneracy flags included) as the main baseline, and reports the peak resident memory of one large batch
call measured in a fresh process.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

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


def sized_games(n_games: int, size: int, kind: str, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Seeded stacks of ``size x size`` games: uniform floats, or integers 0..3 (ties; nearly all degenerate)."""
    rng = np.random.default_rng(seed + 1000 * size)
    shape = (n_games, size, size)
    if kind == "float":
        return rng.random(shape), rng.random(shape)
    return rng.integers(0, 4, shape), rng.integers(0, 4, shape)


def _canonical(eqset) -> tuple:
    from games.solvers.enumeration import canonical_form

    profiles, components = canonical_form(eqset)
    return tuple(profiles), tuple(map(tuple, components)), bool(eqset.degenerate), bool(eqset.complete)


def _mean_time(func, items) -> float:
    start = time.perf_counter()
    for i in items:
        func(i)
    return (time.perf_counter() - start) / max(len(items), 1)


_PEAK_SCRIPT = """
import json, resource, sys
import numpy as np
sys.path.insert(0, {root!r})
from games import batch_equilibria
sys.path.insert(0, {bench!r})
from bench_batch import sized_games
A, B = sized_games({n}, {size}, {kind!r})
batch_equilibria(A[:8], B[:8])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
batch_equilibria(A, B)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"before_kib": before, "after_kib": after}}))
"""


def peak_memory(n_games: int, size: int, kind: str = "float") -> float:
    """Growth of the peak resident memory (MiB) of one ``batch_equilibria`` call on ``n_games`` games, measured
    in a fresh process (the stack itself is built before the baseline is taken)."""
    root = str(Path(__file__).resolve().parents[2])
    script = _PEAK_SCRIPT.format(root=root, bench=str(Path(__file__).resolve().parent), n=n_games, size=size,
                                 kind=kind)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": root})
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return (data["after_kib"] - data["before_kib"]) / 1024


#: Games per size in the timed stacks (scaled by ``scale``) and in the nashpy/pygambit loop samples.
STACK = {3: 20_000, 4: 10_000, 5: 5_000, 6: 2_000, 7: 1_000}
PEER_SAMPLE = {3: 40, 4: 30, 5: 20, 6: 10, 7: 6}


def _exact_in_loop(eqset) -> bool:
    """Whether ``games.equilibria`` fell back to exact arithmetic for this game (its note says so)."""
    return "solved in exact arithmetic" in (eqset.note or "")


def main_sizes(sizes=(3, 4, 5, 6, 7), scale: float = 1.0, repeats: int = 3, peers: bool = True,
               memory_games: int = 0, seed: int = 0) -> dict:
    """3x3 to 7x7 stacks: batch_equilibria against a loop over games.equilibria (and nashpy/pygambit loops).

    Per size and payoff kind: the batch's time on the whole stack (median of ``repeats``) and the loop's on
    the whole stack (once, every game), their ratio (``x loop``), and how many games' sets differ (profiles,
    components, degeneracy and completeness flags; every game is compared). Apart: the games the per-game
    solver solves in exact arithmetic (payoff differences below the float resolution, or labels it could not
    certify; up to seconds per 7x7 game) and the games the batch hands to the per-game solver, with their
    loop time, and the ratio on the other games (``x loop, float games``: both sides in floats, the batch timed
    on that sub-stack). ``memory_games`` > 0 also measures the growth of the peak memory in one call on that
    many integer games (a fresh process per size).
    """
    import games
    from games import batch_equilibria

    results = {}
    for size in sizes:
        for kind in ("float", "int"):
            k = max(int(STACK[size] * scale), 20)
            A, B = sized_games(k, size, kind, seed)
            batch_equilibria(A[:4], B[:4])            # loads the compiled kernel (cached on disk)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                ours = batch_equilibria(A, B)
                times.append(time.perf_counter() - start)
            batch_s = statistics.median(times)
            handed = set(ours.solved_one_by_one.tolist())

            def loop_solve(i, A=A, B=B):
                return games.equilibria(games.NormalFormGame.from_bimatrix(A[i], B[i]))

            loop_solve(0)                               # warm: the first call imports the solvers
            spent, differ, exact = np.zeros(k), 0, set()
            for i in range(k):
                start = time.perf_counter()
                ref = loop_solve(i)
                spent[i] = time.perf_counter() - start
                if _exact_in_loop(ref):
                    exact.add(i)
                differ += _canonical(ref) != _canonical(ours[i])
            loop_s, exact_s = spent.sum(), spent[sorted(exact)].sum()
            plain = np.array([i for i in range(k) if i not in handed and i not in exact], dtype=np.intp)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                batch_equilibria(A[plain], B[plain])
                times.append(time.perf_counter() - start)
            plain_batch_s = statistics.median(times)
            plain_loop_us = spent[plain].mean() * 1e6
            row = {"games": k, "degenerate": int(ours.degenerate.sum()), "batch_us": batch_s / k * 1e6,
                   "loop_us": loop_s / k * 1e6, "ratio": loop_s / batch_s, "differ": differ,
                   "exact_in_loop": len(exact), "exact_s": exact_s, "one_by_one": len(handed),
                   "exact_and_handed": len(handed & exact),
                   "plain": len(plain), "plain_batch_us": plain_batch_s / len(plain) * 1e6,
                   "plain_loop_us": plain_loop_us, "ratio_plain": plain_loop_us * len(plain) / 1e6 / plain_batch_s}
            if peers:
                import nashpy
                import pygambit as gbt

                peer = plain[:max(int(PEER_SAMPLE[size] * scale), 3)]

                def nashpy_solve(i, A=A, B=B):
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        return list(nashpy.Game(A[i], B[i]).support_enumeration())

                def gambit_solve(i, A=A, B=B, kind=kind):
                    a, b = (A[i].astype(int), B[i].astype(int)) if kind == "int" else (A[i], B[i])
                    return gbt.nash.enummixed_solve(gbt.Game.from_arrays(a, b), rational=False).equilibria

                row["nashpy_us"] = _mean_time(nashpy_solve, peer) * 1e6
                row["gambit_us"] = _mean_time(gambit_solve, peer) * 1e6
                row["peer_sample"] = len(peer)
            results[(size, kind)] = row
    if memory_games:   # integer games: nearly none is handed back, so the call is the compiled pass
        for size in sizes:
            results[(size, "int")]["peak_mib"] = peak_memory(memory_games, size, "int")
    print(f"All extreme equilibria of stacks of random n x n games: batch_equilibria on the whole stack (median of "
          f"{repeats}), a loop over games.equilibria on every game of the same stack\n")
    memory_cell = f" peak memory growth, {memory_games:,} integer games |" if memory_games else ""
    print("| size | payoffs | games (degenerate) | batch µs/game | games.equilibria loop µs/game | x loop | loop in "
          "exact arithmetic (its time, s) | handed back by the batch | x loop, float games | sets differing from "
          "the loop | nashpy loop µs/game | pygambit loop µs/game | x pygambit |" + memory_cell)
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|" + ("---|" if memory_games else ""))
    for (size, kind), r in results.items():
        label = "uniform floats" if kind == "float" else "integers 0..3"
        peer_cells = (f"{r['nashpy_us']:,.0f} | {r['gambit_us']:,.0f} | "
                      f"{r['gambit_us'] / r['plain_batch_us']:,.0f}" if "nashpy_us" in r else "- | - | -")
        mem = f" {r['peak_mib']:,.0f} MiB |" if "peak_mib" in r else (" |" if memory_games else "")
        print(f"| {size}x{size} | {label} | {r['games']:,} ({r['degenerate']:,}) | {r['batch_us']:,.1f} | "
              f"{r['loop_us']:,.0f} | {r['ratio']:,.0f} | {r['exact_in_loop']} ({r['exact_s']:.1f}) | "
              f"{r['one_by_one']} | {r['ratio_plain']:,.0f} | {r['differ']} of {r['games']:,} | {peer_cells} |{mem}")
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["sizes"]:
        main_sizes(scale=float(sys.argv[2]) if len(sys.argv) > 2 else 1.0,
                   memory_games=int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    else:
        args = [int(a) for a in sys.argv[1:]]
        main(*args)
