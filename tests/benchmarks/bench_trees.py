"""Benchmark: equilibria of extensive games by the sequence form, against pygambit and the normal-form route.

Run by hand: ``python tests/benchmarks/bench_trees.py [max_depth] [repeats]``.

For Kuhn poker and seeded random two-player trees of growing depth (zero-sum and general-sum;
:func:`games.catalog_trees.random_tree`), it times:

- ours: ``games.equilibria(tree, method="sequence-form")`` (an LP for zero-sum trees, Lemke's algorithm on
  the sequence-form LCP otherwise; floats);
- pygambit 16.7 on the same tree read from our ``.efg`` text: ``lp_solve`` (zero-sum) or ``lcp_solve``
  (both in floats, ``rational=False``, the sequence form);
- the normal-form route: ``tree.to_normal_form()`` solved by ``method="zero-sum"`` or ``"lemke-howson"``,
  refused (``-``) when the reduced normal form exceeds 200,000 profiles.

It prints the median seconds per tree, the ratios to ours, and agreement: zero-sum values must agree
with pygambit's; for general-sum trees pygambit's equilibrium must have zero regret on our tree (equilibria
may differ). Timings are never asserted.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from fractions import Fraction

import games
from games.catalog_trees import kuhn_poker, random_tree
from games.efg import write_efg


def _ours(tree):
    start = time.perf_counter()
    eqs = games.equilibria(tree, method="sequence-form")
    return time.perf_counter() - start, eqs


def _gambit(tree, zero_sum: bool):
    import pygambit as gbt

    g = gbt.read_efg(io.StringIO(write_efg(tree)))
    start = time.perf_counter()
    res = (gbt.nash.lp_solve if zero_sum else gbt.nash.lcp_solve)(g, rational=False)
    seconds = time.perf_counter() - start
    eq = res.equilibria[0]
    behaviour = {}
    for p in g.players:
        for inf in p.infosets:
            probs = [Fraction(float(eq[a])).limit_denominator(10**9) for a in inf.actions]
            total = sum(probs)
            behaviour[inf.label] = [float(v / total) for v in probs] if total else [1 / len(probs)] * len(probs)
    return seconds, float(eq.payoff(list(g.players)[0])), behaviour


def _normal_form(tree, zero_sum: bool):
    start = time.perf_counter()
    try:
        nf = tree.to_normal_form()
    except ValueError:
        return None
    games.equilibria(nf, method="zero-sum" if zero_sum else "lemke-howson")
    return time.perf_counter() - start


def _trees(max_depth: int):
    yield "Kuhn poker", kuhn_poker(), True
    for depth in range(3, max_depth + 1):
        for zero_sum in (True, False):
            yield f"random depth {depth} {'zero-sum' if zero_sum else 'general'}", \
                random_tree(depth=depth, buckets=2, zero_sum=zero_sum, seed=depth), zero_sum


def main(max_depth: int = 7, repeats: int = 3) -> dict:
    """Run the benchmark; return per tree the median seconds, ratios and agreement."""
    try:
        import pygambit  # noqa: F401
        have_gambit = True
    except ImportError:  # pragma: no cover
        have_gambit = False
    out = {}
    print(f"{'tree':34s} {'seqs':>9s} {'ours s':>9s} {'gambit s':>9s} {'g/ours':>7s} {'NF s':>9s} {'NF/ours':>8s} "
          "agree")
    for name, tree, zero_sum in _trees(max_depth):
        runs = [_ours(tree) for _ in range(repeats)]
        ours = statistics.median(r[0] for r in runs)
        eqs = runs[0][1]
        row = {"ours": ours, "sequences": (len(tree.sequences(0)), len(tree.sequences(1)))}
        if have_gambit:
            g_runs = [_gambit(tree, zero_sum) for _ in range(repeats)]
            row["gambit"] = statistics.median(r[0] for r in g_runs)
            value, behaviour = g_runs[0][1], g_runs[0][2]
            if zero_sum:
                row["agree"] = abs(value - float(eqs.value)) <= 1e-6 * tree.payoff_scale
            else:
                row["agree"] = float(tree.regret(behaviour)) <= 1e-6 * tree.payoff_scale
        nf = _normal_form(tree, zero_sum)
        row["normal_form"] = nf
        out[name] = row
        g = row.get("gambit")
        seqs = "+".join(str(k) for k in row["sequences"])
        print(f"{name:34s} {seqs:>9s} {ours:9.4f} "
              f"{(f'{g:9.4f}' if g is not None else '-'):>9s} {(f'{g / ours:7.2f}' if g else '-'):>7s} "
              f"{(f'{nf:9.4f}' if nf is not None else '-'):>9s} {(f'{nf / ours:8.1f}' if nf else '-'):>8s} "
              f"{row.get('agree', '-')}")
    return out


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
