"""Benchmark: all equilibria of n x n games, ours against QuantEcon, lrsnash, pygambit and nashpy.

Run by hand: ``python tests/benchmarks/bench_vertex_quantecon.py [games_per_size] [repeats]``.

Two families of seeded games: generic (payoffs uniform on [0, 1), n = 4..16) and degenerate (integer payoffs
0..3, so with many ties, n = 4..10). On each game, in this one process:

- ours: ``games.equilibria(game)`` (the default for two players, ``method="vertex"``; ``max_vertices`` is
  raised at n = 16, which the default refuses);
- QuantEcon ``quantecon.game_theory.vertex_enumeration`` on the same float payoffs;
- lrsnash (lrslib, exact GMP arithmetic) on the exact payoffs (each float as its exact binary fraction),
  through a subprocess (its time includes starting the process);
- pygambit ``enummixed_solve`` and nashpy ``vertex_enumeration``, each in a forked child with a timeout; a
  baseline that timed out is not run at larger sizes of that family.

Ours and QuantEcon run interleaved, ``repeats`` times each (five times as often up to n = 8, half as
often from n = 14), and the minimum is kept (the machine may be shared); lrsnash likewise. Cells are
medians over the games of a size. The oracle is lrsnash's set of extreme equilibria (pygambit's where
lrsnash is not installed); "agree" counts the games whose set (profiles rounded to 7 decimals) equals it.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
import warnings
from fractions import Fraction

import numpy as np
from arguments import keyword_arguments
from child import timed_call

DECIMALS = 7


def _key(x, y) -> tuple[float, ...]:
    return tuple((np.round(np.concatenate([np.asarray(x, float), np.asarray(y, float)]), DECIMALS) + 0.0).tolist())


def lrsnash_set(A, B) -> tuple[float, list]:
    """(seconds, sorted extreme equilibria) from lrsnash; every player-1 line of a block with every player-2 line."""
    m, n = A.shape

    def rows(M):
        return "\n".join(" ".join(str(Fraction(v) if isinstance(v, float) else int(v)) for v in r) for r in M.tolist())

    text = f"{m} {n}\n\n{rows(A)}\n\n{rows(B)}\n"
    start = time.perf_counter()
    out = subprocess.run(["lrsnash", "/dev/stdin"], input=text, capture_output=True, text=True, check=True).stdout
    seconds = time.perf_counter() - start
    keys = set()
    for block in out.split("\n\n"):
        xs, ys = [], []
        for line in block.splitlines():
            parts = line.split()
            if parts and parts[0] in ("1", "2"):
                (xs if parts[0] == "1" else ys).append([float(Fraction(v)) for v in parts[1:-1]])
        keys |= {_key(x, y) for x in xs for y in ys}
    return seconds, sorted(keys)


def _gambit(A, B):
    import pygambit as gbt

    g = gbt.Game.from_arrays(A, B)
    rational = A.dtype.kind in "iu"
    eqs = gbt.nash.enummixed_solve(g, rational=rational).equilibria
    first, second = list(g.players)
    return sorted({_key([float(eq[s]) for s in first.strategies], [float(eq[s]) for s in second.strategies])
                   for eq in eqs})


def _nashpy(A, B):
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sorted({_key(x, y) for x, y in nashpy.Game(A, B).vertex_enumeration()})


def _families(generic, degenerate, games_per_size, seed):
    rng = np.random.default_rng(seed)
    for n in generic:
        yield "generic U[0,1)", n, [(rng.random((n, n)), rng.random((n, n))) for _ in range(games_per_size)]
    for n in degenerate:
        yield "integers 0..3", n, [(rng.integers(0, 4, (n, n)), rng.integers(0, 4, (n, n)))
                                   for _ in range(games_per_size)]


def main(games_per_size: int = 3, repeats: int = 5, generic: tuple[int, ...] = tuple(range(4, 17)),
         degenerate: tuple[int, ...] = tuple(range(4, 11)), timeout: float = 60.0, seed: int = 0) -> dict:
    """Run the benchmark, print a markdown table and return the figures."""
    import nashpy  # noqa: F401 - imported before forking, so the children's timings exclude imports
    import pygambit  # noqa: F401
    from quantecon.game_theory import NormalFormGame as QGame
    from quantecon.game_theory import Player, vertex_enumeration

    import games

    have_lrs = shutil.which("lrsnash") is not None
    results: dict = {}
    timed_out: set[tuple[str, str]] = set()
    for family, n, pairs in _families(generic, degenerate, games_per_size, seed):
        row: dict = {"ours": [], "quantecon": [], "lrsnash": [], "pygambit": [], "nashpy": [], "ours_agree": 0,
                     "qe_agree": 0, "counts": [], "oracle_counts": [], "qe_counts": [], "incomplete": 0}
        options = {"max_vertices": 1_000_000} if n >= 16 else {}
        for A, B in pairs:
            game = games.NormalFormGame.from_bimatrix(A.tolist(), B.tolist()) if A.dtype.kind in "iu" else \
                games.NormalFormGame.from_bimatrix(A, B)
            qgame = QGame((Player(A.astype(float)), Player(B.T.astype(float))))
            ours = games.equilibria(game, **options)  # warm-up (loads the compiled code)
            qe = vertex_enumeration(qgame)
            t_ours, t_qe = [], []
            for _ in range(repeats * 5 if n <= 8 else repeats if n < 14 else max(1, repeats // 2)):
                start = time.perf_counter()
                ours = games.equilibria(game, **options)
                t_ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                qe = vertex_enumeration(qgame)
                t_qe.append(time.perf_counter() - start)
            assert all(e.regret <= e.tol for e in ours)
            row["incomplete"] += not ours.complete
            row["ours"].append(min(t_ours))
            row["quantecon"].append(min(t_qe))
            ours_set = sorted({_key(*e.profile) for e in ours})
            qe_set = sorted({_key(x, y) for x, y in qe})
            row["counts"].append(len(ours_set))
            row["qe_counts"].append(len(qe_set))
            oracle = None
            if have_lrs:
                runs = [lrsnash_set(A, B) for _ in range(repeats if n <= 12 else 1)]
                row["lrsnash"].append(min(t for t, _ in runs))
                oracle = runs[0][1]
            for name, func in (("pygambit", _gambit), ("nashpy", _nashpy)):
                if (family, name) in timed_out:
                    continue
                t, out = timed_call(func, A, B, timeout=timeout, strict=True)
                if t is None:
                    timed_out.add((family, name))
                    row[name] = None
                    continue
                row[name].append(t)
                if oracle is None and name == "pygambit":
                    oracle = out
            if oracle is not None:
                row["oracle_counts"].append(len(oracle))
                row["ours_agree"] += ours_set == oracle
                row["qe_agree"] += qe_set == oracle
        results[(family, n)] = row
    _print(results, games_per_size, timeout)
    return results


def _cell(values, timeout):
    if values is None:
        return f">{timeout:g} s"
    if not values:
        return "-"
    ms = statistics.median(values) * 1e3
    return f"{ms:,.3g} ms" if ms < 1000 else f"{ms / 1e3:,.3g} s"


def _print(results, games_per_size, timeout):
    print(f"All equilibria of n x n games: median over {games_per_size} seeded games of the best of the repeats; "
          "ratio = peer time / our time; agree = games whose set equals the oracle's (lrsnash)\n")
    print("| family | n | ours | QuantEcon | lrsnash | pygambit | nashpy | QuantEcon / ours | lrsnash / ours | "
          "equilibria (oracle) | ours agree | QuantEcon agree | ours marked incomplete |")
    print("|---" * 13 + "|")
    for (family, n), row in results.items():
        ours = statistics.median(row["ours"])

        def ratio(name, ours=ours, row=row):
            return f"{statistics.median(row[name]) / ours:,.1f}x" if row[name] else "-"

        count = f"{row['counts']} ({row['oracle_counts'] or '-'})"
        total = len(row["oracle_counts"])
        print(f"| {family} | {n} | {_cell(row['ours'], timeout)} | {_cell(row['quantecon'], timeout)} | "
              f"{_cell(row['lrsnash'], timeout)} | {_cell(row['pygambit'], timeout)} | {_cell(row['nashpy'], timeout)} "
              f"| {ratio('quantecon')} | {ratio('lrsnash')} | {count} | {row['ours_agree']}/{total} | "
              f"{row['qe_agree']}/{total} | {row['incomplete']} |")


if __name__ == "__main__":
    main(**keyword_arguments(sys.argv[1:], ("games_per_size", int), ("repeats", int)))
