"""Benchmark: one equilibrium by Lemke–Howson, ours against QuantEcon, pygambit and nashpy.

Run by hand: ``python tests/benchmarks/bench_lemke_howson.py [games_per_size] [labels_per_game] [sizes]``
(``sizes`` comma-separated, e.g. ``10,20,50``; each size draws its games from its own seeded stream, so a size
run alone meets the same games as in a full run).

Every baseline runs in this process on the same seeded U[0,1) games and from the same dropped labels (label k
drops row k for k < m, column k - m otherwise; QuantEcon's ``init_pivot`` and nashpy's
``initial_dropped_label`` use the same numbering). Timings are the minimum of three calls (one from n = 200;
the machine is shared), medians over games and labels. Ours is timed twice: the registered solver
``games.solvers.lemke_howson.lemke_howson`` (path, verification and result record) and the whole public call
``games.equilibria(game, method="lemke-howson", label=k)`` (plus argument checks and dispatch). Agreement:
the equilibrium reached from a label is unique on a non-degenerate game, so every library must return the
same profile (to 1e-8); a baseline answer that is not an equilibrium is counted as a failure of that baseline.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings

import numpy as np
from arguments import keyword_arguments, sizes
from child import timed_call


def _best_of(func, *args, repeats: int = 3, **kwargs) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        out = func(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, out


def _nashpy_lh(A, B, label):
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nashpy.Game(A, B).lemke_howson(initial_dropped_label=label)


def _labels(n: int, count: int) -> list[int]:
    if count >= 2 * n:
        return list(range(2 * n))
    return sorted({int(k) for k in np.linspace(0, 2 * n - 1, count)})


def _regret(A, B, x, y) -> float:
    Ay, xB = A @ y, x @ B
    return max(float(Ay.max() - x @ Ay), float(xB.max() - xB @ y))


def main(games_per_size: int = 3, labels_per_game: int = 6, sizes: tuple[int, ...] = (10, 20, 50, 100, 200, 400),
         seed: int = 0, gambit_max: int = 50, nashpy_max: int = 10, nashpy_timeout: float = 10.0) -> dict:
    """Run the benchmark, print a markdown table and return the figures."""
    import games
    from games.solvers.lemke_howson import lemke_howson, pivot_limit

    try:
        import quantecon.game_theory as qe
    except ImportError:  # pragma: no cover - QuantEcon is a benchmark-only baseline
        qe = None
    try:
        import pygambit as gbt
    except ImportError:  # pragma: no cover
        gbt = None
    try:
        import nashpy  # noqa: F401 - imported before forking, so the children's timings exclude the import
    except ImportError:  # pragma: no cover
        nashpy_max = 0
    warm = games.NormalFormGame.from_bimatrix(np.eye(3), np.eye(3)[::-1])
    lemke_howson(warm)  # loads (or compiles) the cached kernel outside the timings
    if qe is not None:
        qe.lemke_howson(qe.NormalFormGame((qe.Player(np.eye(3)), qe.Player(np.eye(3)))))
    names = ["ours (solver)", "ours (games.equilibria)", "QuantEcon", "pygambit", "nashpy"]
    print("Lemke-Howson on random n x n games (U[0,1) payoffs), median over games and labels of the best of 3 "
          "calls (one call from n = 200)\n")
    print("| n | " + " | ".join(names) + " | QuantEcon / ours (solver) | QuantEcon / ours (equilibria) | "
          "agreement (same profile; pygambit: an equilibrium) |")
    print("|---" * (len(names) + 4) + "|", flush=True)
    results: dict = {}
    for n in sizes:
        rows: dict[str, list[float]] = {"ours (solver)": [], "ours (games.equilibria)": [], "QuantEcon": [],
                                        "pygambit": [], "nashpy": []}
        agree = {"QuantEcon": [0, 0], "pygambit": [0, 0], "nashpy": [0, 0]}
        too_long = 0
        rng = np.random.default_rng([seed, n])      # each size its own stream: a size run alone gets the same games
        for _ in range(games_per_size):
            A, B = rng.random((n, n)), rng.random((n, n))
            game = games.NormalFormGame.from_bimatrix(A, B)
            repeats = 3 if n < 200 else 1            # long paths: one timing each
            for label in _labels(n, labels_per_game):
                try:
                    t, ours = _best_of(lemke_howson, game, label=label, repeats=repeats)
                except RuntimeError:                 # a path past the pivot limit: no library is timed on it
                    too_long += 1
                    continue
                rows["ours (solver)"].append(t)
                t, _ = _best_of(games.equilibria, game, method="lemke-howson", label=label,
                                repeats=repeats)
                rows["ours (games.equilibria)"].append(t)
                x, y = ours[0].profile
                if qe is not None:
                    g = qe.NormalFormGame((qe.Player(A), qe.Player(B.T)))
                    # QuantEcon's default max_iter (10^6) stops some 400x400 paths (3.1 million pivots) before
                    # their end; the same limit as ours lets it finish, so both follow the whole path
                    t, ((qx, qy), res) = _best_of(qe.lemke_howson, g, init_pivot=label, repeats=repeats,
                                                  max_iter=pivot_limit(n, n), full_output=True)
                    rows["QuantEcon"].append(t)
                    agree["QuantEcon"][0] += bool(res.converged) and np.allclose(qx, x, atol=1e-8) and \
                        np.allclose(qy, y, atol=1e-8)
                    agree["QuantEcon"][1] += 1
                if gbt is not None and n <= gambit_max and label == 0:  # pygambit starts from its own label
                    gg = gbt.Game.from_arrays(A, B)
                    t, res = _best_of(gbt.nash.lcp_solve, gg, rational=False, stop_after=1, repeats=1)
                    rows["pygambit"].append(t)
                    eq = res.equilibria[0]
                    gx = np.array([float(eq[s]) for s in list(gg.players)[0].strategies])
                    gy = np.array([float(eq[s]) for s in list(gg.players)[1].strategies])
                    agree["pygambit"][0] += _regret(A, B, gx, gy) <= 1e-8
                    agree["pygambit"][1] += 1
                if n <= nashpy_max:                   # nashpy has no lexicographic rule: it can cycle
                    t, prof = timed_call(_nashpy_lh, A, B, label, timeout=nashpy_timeout)
                    if t is None:
                        agree["nashpy"][1] += 1             # did not finish: counted as a disagreement
                        continue
                    rows["nashpy"].append(t)
                    nx, ny = prof
                    agree["nashpy"][0] += np.allclose(nx, x, atol=1e-8) and np.allclose(ny, y, atol=1e-8)
                    agree["nashpy"][1] += 1
        results[n] = {"times": {k: statistics.median(v) if v else None for k, v in rows.items()},
                      "agree": agree, "past_limit": too_long}
        t = results[n]["times"]                      # one row per size as soon as it is measured
        cells = [("-" if t[k] is None else f"{t[k] * 1e3:.3g} ms") for k in names]
        r1 = f"{t['QuantEcon'] / t['ours (solver)']:.2f}x" if t["QuantEcon"] else "-"
        r2 = f"{t['QuantEcon'] / t['ours (games.equilibria)']:.2f}x" if t["QuantEcon"] else "-"
        agreed = ", ".join(f"{k} {a}/{b}" for k, (a, b) in agree.items() if b)
        if too_long:
            agreed += f"; {too_long} path(s) past the pivot limit {pivot_limit(n, n):,} (not timed)"
        print(f"| {n} | " + " | ".join(cells) + f" | {r1} | {r2} | {agreed} |", flush=True)
    return results


if __name__ == "__main__":
    main(**keyword_arguments(sys.argv[1:], ("games_per_size", int), ("labels_per_game", int), ("sizes", sizes)))
