"""Benchmark: all symmetric equilibria of a 193-player threshold public good, and how far pygambit gets on
the same game written out as a full table (2**n profiles).

    python tests/benchmarks/bench_anonymous.py [--cap SECONDS]

Our side: AnonymousGame.equilibria() (pure counts + Bernstein roots). Gambit side, for n = 4, 6, 8, ...:
the full table built by AnonymousGame.to_normal_form(), then pygambit's enumpure_solve (pure equilibria)
and enumpoly_solve (all equilibria) in a subprocess with a time cap; both sides run on the same n and the
ratio is printed.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time


def threshold_game(n: int, m: int, benefit: float = 4.0, cost: float = 1.0):
    from games.anonymous import AnonymousGame

    return AnonymousGame.from_function(n, ["free-ride", "contribute"],
                                       lambda a, k: benefit * (k[:, 1] + a >= m) - cost * a, vectorized=True)


def ours(n: int, m: int, repeat: int = 20) -> tuple[float, int]:
    g = threshold_game(n, m)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        eqs = g.equilibria()
        best = min(best, time.perf_counter() - t)
    return best, len(eqs)


def _gambit_worker(n: int, m: int, solver: str, queue) -> None:
    import pygambit as gbt

    t = time.perf_counter()
    g = threshold_game(n, m)
    arr = g.to_normal_form(max_entries=10**9).payoffs.astype(int)
    game = gbt.Game.from_arrays(*[arr[..., i] for i in range(n)])
    build = time.perf_counter() - t
    t = time.perf_counter()
    result = gbt.nash.enumpure_solve(game) if solver == "enumpure" else gbt.nash.enumpoly_solve(game)
    queue.put((build, time.perf_counter() - t, len(result.equilibria)))


def gambit(n: int, m: int, solver: str, cap: float):
    queue = mp.Queue()
    proc = mp.Process(target=_gambit_worker, args=(n, m, solver, queue))
    proc.start()
    proc.join(cap)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    return queue.get() if not queue.empty() else "failed"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cap", type=float, default=60.0, help="time cap per pygambit run (s)")
    args = parser.parse_args()

    for n, m in [(193, 97), (193, 20), (193, 5), (1000, 3)]:
        t, k = ours(n, m)
        print(f"ours  n={n:5d} M={m:3d}: {k} equilibria (pure counts + symmetric mixed) in {1e3 * t:.2f} ms")
    try:
        import pygambit  # noqa: F401
    except ImportError:
        print("pygambit not installed: skipping the full-table comparison")
        return
    for solver in ("enumpure", "enumpoly"):
        for n in range(4, 26, 2):
            m = n // 2
            t_ours, k_ours = ours(n, m)
            res = gambit(n, m, solver, args.cap)
            if res is None:
                print(f"gambit {solver:8s} n={n:2d}: > {args.cap:.0f} s cap (2**{n} = {2 ** n} profiles); stop")
                break
            if res == "failed":
                print(f"gambit {solver:8s} n={n:2d}: failed (out of memory?); stop")
                break
            build, solve, k = res
            print(f"gambit {solver:8s} n={n:2d}: table {build:.2f} s + solve {solve:.3f} s, {k} equilibria (profiles); "
                  f"ours {1e3 * t_ours:.2f} ms ({k_ours} as counts); ratio {(build + solve) / t_ours:.0f}x")


if __name__ == "__main__":
    main()
