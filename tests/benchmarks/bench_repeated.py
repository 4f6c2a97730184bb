"""Benchmark: exact payoff matrix of 20 strategies with noise vs a plain Monte Carlo simulation.

Run by hand: ``python tests/benchmarks/bench_repeated.py``. The exact matrix (Markov-chain linear
solves) is timed; the simulation is timed at the number of games per pair that brings its standard error
down to a target (0.01 payoff units, far coarser than the exact solution's ~1e-12), and the ratio printed.
"""

from __future__ import annotations

import time


def strategies() -> list:
    import numpy as np

    from games.repeated import library, memory_one

    out = list(library().values())
    rng = np.random.default_rng(2024)
    for k in range(20 - len(out)):
        p = [round(float(x), 2) for x in rng.random(4)]
        out.append(memory_one(p, p0=1.0, name=f"M1-{k}"))
    return out


def main() -> None:
    import numpy as np

    from games.catalog import prisoners_dilemma
    from games.repeated import round_robin, simulated_payoffs

    pd = prisoners_dilemma()
    strats = strategies()
    delta, noise, target = 0.95, 0.01, 0.01
    start = time.perf_counter()
    t = round_robin(pd, strats, delta=delta, noise=noise, progress=False)
    exact_time = time.perf_counter() - start
    print(f"exact {len(strats)}x{len(strats)} payoff matrix (delta={delta}, noise={noise}): {exact_time:.3f} s")

    # pilot: standard deviation per game, to size the simulation for the target standard error
    pilot, sds = 200, []
    start = time.perf_counter()
    for i, s1 in enumerate(strats):
        for s2 in strats[i:]:
            sim = simulated_payoffs(pd, s1, s2, delta=delta, noise=noise, repetitions=pilot, seed=i)
            sds.append(float(np.max(sim["stderr"])) * np.sqrt(pilot))
    pilot_time = time.perf_counter() - start
    needed = int(np.ceil((max(sds) / target) ** 2))
    sim_time = pilot_time * needed / pilot
    err = 0.0
    # check a few entries at the needed size (the full run is extrapolated from the pilot's cost)
    for i in range(3):
        sim = simulated_payoffs(pd, strats[i], strats[i + 5], delta=delta, noise=noise, repetitions=needed, seed=99)
        err = max(err, abs(sim["mean"][0] - float(t.payoffs[i, i + 5])))
    print(f"simulation: {needed} games per pair for standard error <= {target}: ~{sim_time:.1f} s "
          f"(pilot of {pilot} games/pair took {pilot_time:.2f} s); observed |error| on 3 entries {err:.4f}")
    print(f"ratio simulation / exact: {sim_time / exact_time:.0f}x")


if __name__ == "__main__":
    main()
