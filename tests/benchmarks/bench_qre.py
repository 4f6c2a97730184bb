"""Benchmark: logit QRE branch tracing and every-equilibrium enumeration of small N-player games, against pygambit.

Run by hand: ``python tests/benchmarks/bench_qre.py [games_per_shape] [timeout_s]``.

1. Logit: on random 3-player games (3x3x3 and 5x5x5, uniform float payoffs) ``games.equilibria(game,
   method="logit")`` (branch to its verified limit) and ``games.logit_branch(game, lam_max=...)`` against
   pygambit's ``nash.logit_solve`` (its branch to a limit with regret <= 1e-8) and ``qre.logit_solve_branch``.
   Agreement: the two limits equal to 1e-5 (both follow the principal branch, so they select the same
   equilibrium).
2. Every equilibrium: ``games.equilibria(game, method="polynomial")`` against pygambit's
   ``nash.enumpoly_solve`` on random 3-player games (2x2x2, 3x2x2, 3x3x2, 3x3x3; integer payoffs -99..99).
   Agreement: how many of pygambit's equilibria we find, and how many more we find (each verified).

pygambit runs in a forked child with a timeout (``>T s`` when exceeded). Cells are median seconds per game.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np
from child import timed_call


def _gambit_logit(arrays):
    import pygambit as gbt

    g = gbt.Game.from_arrays(*arrays)
    eq = gbt.nash.logit_solve(g).equilibria[0]
    return [float(eq[s]) for p in g.players for s in p.strategies]


def _gambit_branch(arrays):
    import pygambit as gbt

    return len(gbt.qre.logit_solve_branch(gbt.Game.from_arrays(*arrays)))


def _gambit_enumpoly(arrays):
    import pygambit as gbt

    g = gbt.Game.from_arrays(*arrays)
    return [[float(eq[s]) for p in g.players for s in p.strategies] for eq in gbt.nash.enumpoly_solve(g).equilibria]


def _fmt(v, timeout):
    return f">{timeout:g} s" if v is None else f"{v:.4g} s"


def main(games_per_shape: int = 2, timeout: float = 60.0, logit_shapes=((3, 3, 3), (5, 5, 5)),
         poly_shapes=((2, 2, 2), (3, 2, 2), (3, 3, 2), (3, 3, 3)), seed: int = 0) -> dict:
    """Run both benchmarks, print markdown tables and return the figures."""
    import pygambit  # noqa: F401 - imported before forking

    import games

    rng = np.random.default_rng(seed)
    out: dict = {"logit": {}, "polynomial": {}}
    print(f"## Logit: median seconds per game over {games_per_shape} random games (uniform floats)\n")
    print("| shape | ours: equilibria(method='logit') | ours: logit_branch(lam_max=100) | pygambit logit_solve | "
          "pygambit logit_solve_branch | pygambit / ours (limit) | limits agree |")
    print("|---|---|---|---|---|---|---|")
    for shape in logit_shapes:
        t_ours, t_branch, t_gb, t_gbb, agree = [], [], [], [], 0
        for _ in range(games_per_shape):
            pay = rng.random(shape + (len(shape),))
            game = games.NormalFormGame(pay)
            arrays = [pay[..., i] for i in range(len(shape))]
            start = time.perf_counter()
            eqs = games.equilibria(game, method="logit")
            t_ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            games.logit_branch(game, lam_max=100.0)
            t_branch.append(time.perf_counter() - start)
            t, theirs = timed_call(_gambit_logit, arrays, timeout=timeout)
            t_gb.append(t)
            t2, _ = timed_call(_gambit_branch, arrays, timeout=timeout)
            t_gbb.append(t2)
            if theirs is not None and len(eqs):
                agree += bool(np.allclose(np.concatenate(eqs[0].as_float()), theirs, atol=1e-5))
        gb = None if None in t_gb else statistics.median(t_gb)
        gbb = None if None in t_gbb else statistics.median(t_gbb)
        ours = statistics.median(t_ours)
        ratio = f"{gb / ours:.2g}x" if gb else "-"
        print(f"| {'x'.join(map(str, shape))} | {ours:.4g} s | {statistics.median(t_branch):.4g} s | "
              f"{_fmt(gb, timeout)} | {_fmt(gbb, timeout)} | {ratio} | {agree}/{games_per_shape} |")
        out["logit"][shape] = {"ours": ours, "gambit": gb, "agree": agree}
    print(f"\n## Every equilibrium: median seconds per game over {games_per_shape} random games (ints -99..99)\n")
    print("| shape | ours: equilibria(method='polynomial') | pygambit enumpoly_solve | pygambit / ours | "
          "pygambit's equilibria found by us | more found by us | complete |")
    print("|---|---|---|---|---|---|---|")
    for shape in poly_shapes:
        t_ours, t_gb, found, total, extra, complete = [], [], 0, 0, 0, 0
        for _ in range(games_per_shape):
            pay = rng.integers(-99, 100, size=shape + (len(shape),))
            game = games.NormalFormGame(pay)
            start = time.perf_counter()
            eqs = games.equilibria(game, method="polynomial")
            t_ours.append(time.perf_counter() - start)
            complete += eqs.complete
            t, theirs = timed_call(_gambit_enumpoly, [pay[..., i] for i in range(len(shape))], timeout=timeout)
            t_gb.append(t)
            ours = [np.concatenate(eq.as_float()) for eq in eqs]
            for w in theirs or []:
                total += 1
                found += any(np.allclose(w, o, atol=1e-6) for o in ours)
            extra += sum(not any(np.allclose(w, o, atol=1e-6) for w in theirs or []) for o in ours)
        gb = None if None in t_gb else statistics.median(t_gb)
        ours = statistics.median(t_ours)
        ratio = f"{gb / ours:.2g}x" if gb else "-"
        print(f"| {'x'.join(map(str, shape))} | {ours:.4g} s | {_fmt(gb, timeout)} | {ratio} | {found}/{total} | "
              f"{extra} | {complete}/{games_per_shape} |")
        out["polynomial"][shape] = {"ours": ours, "gambit": gb, "found": found, "total": total, "extra": extra}
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 2, float(args[1]) if len(args) > 1 else 60.0)
