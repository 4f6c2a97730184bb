"""Report sections for regimes as institutionalised reciprocity (:mod:`models.reciprocity`)."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from games import plot
from games.repeated import cooperation_rate, critical_discount, is_equilibrium

from ..reciprocity import ReciprocityRegime
from ..report_base import ReportSection

__all__ = ["critical_discount_table", "norm_evolution_table", "regime_map_table", "sections"]

CLAIM = ("Meanwhile, international regimes are not completely synonymous with reciprocity; rather, they strengthen and "
         "institutionalize it. Norms and regulations existing within a regime fix a common understanding of "
         "reciprocity agreed upon in this or that area of international relations, and thus forbid diversion "
         "from these norms.")
SANCTION_CLAIM = ("International regimes could also be defined as decentralized institutions, which means not an "
                  "absence of sanctions for violating norms and rules of a regime, but a necessity of consensus on "
                  "sanctions implementation, which could be less strict, comparing to a collective security system.")
INFO_CLAIM = ("International regimes set certain behavior standards which help the states assess mutual intentions "
              "and reputation, and contribute to parity information exchanges, thus increasing the predictability "
              "of international behavior.")
MAP_NORMS = ("GRIM", "WSLS", "TFT")


def critical_discount_table(noises: Any, base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Critical discount factor (subgame perfect) of each norm against noise, without and with sanctions.

    Examples
    --------
    >>> critical_discount_table([0.0]).query("norm == 'GRIM' and regime == 'no sanctions'")["critical_discount"].round(3).tolist()
    [0.4]
    """
    base = base or ReciprocityRegime()
    sanctioned = dataclasses.replace(base, fine=1.5, quorum=3)
    rows = []
    for label, model in (("no sanctions", base), ("sanctions (fine 1.5, 3 of 5)", sanctioned)):
        g = model.game()
        for name in MAP_NORMS:
            strat = dataclasses.replace(model, norm=name).strategy()
            for e in noises:
                d = float(critical_discount(g, strat, strat, noise=float(e)))
                rows.append({"regime": label, "norm": name, "noise": float(e), "critical_discount": d})
    return pd.DataFrame(rows)


def regime_map_table(deltas: Any, noises: Any, base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """For each (discount, noise): which norm is subgame perfect with the most restraint ("none" if no norm is).

    Examples
    --------
    >>> regime_map_table([0.3, 0.9], [0.0])["best_norm"].tolist()
    ['none', 'GRIM']
    """
    base = base or ReciprocityRegime()
    g = base.game()
    rows = []
    for e in noises:
        for d in deltas:
            best, best_rate = "none", -1.0
            for name in MAP_NORMS:
                strat = dataclasses.replace(base, norm=name).strategy()
                if is_equilibrium(g, strat, strat, float(d), noise=float(e)):
                    rate = float(cooperation_rate(strat, strat, delta=float(d), noise=float(e)))
                    if rate > best_rate + 1e-12:
                        best, best_rate = name, rate
            rows.append({"discount": float(d), "noise": float(e), "best_norm": best,
                         "cooperation_rate": max(best_rate, 0.0)})
    return pd.DataFrame(rows)


def sanction_map_table(deltas: Any, fines: Any, base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Whether grim trigger is subgame perfect over (discount, fine) under consensus (5 of 5) and majority (3 of 5)."""
    base = base or ReciprocityRegime()
    rows = []
    for quorum in (base.members, (base.members // 2) + 1):
        for f in fines:
            model = dataclasses.replace(base, fine=float(f), quorum=quorum)
            g, strat = model.game(), model.strategy()
            for d in deltas:
                rows.append({"quorum": quorum, "fine": float(f), "expected_sanction": model.expected_sanction(),
                             "discount": float(d),
                             "sustainable": bool(is_equilibrium(g, strat, strat, float(d), noise=float(model.noise)))})
    return pd.DataFrame(rows)


def norm_evolution_table(strengths: Any, base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Small-mutation stationary distribution of strategies as the regime strengthens.

    Strength ``s`` in [0, 1] moves the discount factor from 0.5 to 0.95, the noise from 0.10 to 0.01, the
    fine from 0 to 2 (consensus of 5) and the reputation from 0 to 0.5.

    Examples
    --------
    >>> t = norm_evolution_table([0.0])
    >>> round(float(t["share"].sum()), 6)
    1.0
    """
    base = base or ReciprocityRegime()
    rows = []
    for s in strengths:
        s = float(s)
        model = dataclasses.replace(base, discount=0.5 + 0.45 * s, noise=0.10 - 0.09 * s, fine=2.0 * s,
                                    reputation=0.5 * s)
        dist, names, rates = model.norm_distribution()
        for name, share, rate in zip(names, dist, rates):
            rows.append({"strength": s, "strategy": name, "share": float(share), "cooperation_rate": float(rate),
                         "discount": model.discount, "noise": model.noise, "fine": model.fine,
                         "reputation": model.reputation})
    return pd.DataFrame(rows)


def sections(quick: bool = False, executor: Any = None) -> list[ReportSection]:
    """The reciprocity model's headline figures (``executor`` is not needed: every point is a linear solve).

    Parameters
    ----------
    quick : bool
        Coarse grids (a few seconds).
    executor : concurrent.futures.Executor, optional
        Accepted for the report contract and not used.

    Returns
    -------
    list of ReportSection
        The critical discount factor of each norm against noise, the regime maps, and the evolution of
        norms as the regime strengthens.

    Examples
    --------
    Without noise, grim trigger in the security dilemma (T, R, P, S = 6, 4, 1, 0) needs
    ``delta >= (T - R) / (T - P) = 2/5``.

    >>> secs = sections(quick=True)
    >>> [s.slug for s in secs]
    ['reciprocity-critical-discount', 'reciprocity-regime-map', 'reciprocity-norm-evolution']
    >>> secs[0].summary.split(",")[0]
    'grim trigger needs delta >= 0.400 without noise'
    >>> import matplotlib.pyplot as plt
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    noises = np.linspace(0.0, 0.12, 4 if quick else 10)
    out = []

    # 1. critical discount factor against noise
    tab = critical_discount_table(noises)
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for (regime, name), grp in tab.groupby(["regime", "norm"], sort=False):
        y = grp["critical_discount"].where(np.isfinite(grp["critical_discount"]))
        ax.plot(grp["noise"], y, marker="o", ls="-" if regime == "no sanctions" else "--", label=f"{name}, {regime}")
    ax.set(xlabel="noise (probability an action is misread or misimplemented)",
           ylabel="critical discount factor (subgame perfect)", ylim=(0, 1))
    ax.legend(fontsize=7)
    grim0 = tab.query("regime == 'no sanctions' and norm == 'GRIM'")["critical_discount"]
    out.append(ReportSection(
        slug="reciprocity-critical-discount", title="Reciprocity norms: how long a shadow of the future they need",
        claim=CLAIM,
        text=("The repeated security dilemma (T, R, P, S = 6, 4, 1, 0) under each reciprocity norm, solved exactly: "
              "the smallest discount factor at which the norm is subgame perfect, against implementation noise, "
              "without and with majority sanctions. Missing points: the norm is subgame perfect at no discount factor "
              "(tit-for-tat only at isolated values, if ever)."),
        figure=fig, table=tab,
        summary=f"grim trigger needs delta >= {grim0.iloc[0]:.3f} without noise, {grim0.iloc[-1]:.3f} at noise {noises[-1]:.2f}",
    ))

    # 2. regime maps: (discount x noise) best norm, (discount x fine) grim sustainability
    deltas = np.linspace(0.05, 0.95, 7 if quick else 19)
    rmap = regime_map_table(deltas, noises)
    fines = np.linspace(0.0, 3.0, 5 if quick else 13)
    smap = sanction_map_table(deltas, fines)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    keys = ("none", *MAP_NORMS)
    colours = dict(zip(keys, plt.cm.viridis(np.linspace(0, 1, len(keys)))))
    plot.regime_map(rmap, "discount", "noise", "best_norm", colours=colours, legend="colorbar", ax=axes[0])
    axes[0].set(xlabel="discount factor (shadow of the future)", ylabel="noise",
                title="norm sustaining most restraint")
    for quorum, grp in smap.groupby("quorum"):
        ok = grp[grp["sustainable"]]
        first = ok.groupby("fine")["discount"].min().reindex(fines)
        axes[1].plot(first.index, first.values, marker="o", label=f"{quorum} of 5 must agree")
    axes[1].set(xlabel="fine for arming against a restrained partner",
                ylabel="smallest discount factor sustaining grim trigger", ylim=(0, 1),
                title="sanctions that need consensus")
    axes[1].legend(fontsize=8)
    share = (rmap["best_norm"] != "none").mean()
    out.append(ReportSection(
        slug="reciprocity-regime-map", title="Regime maps: where reciprocity holds",
        claim=SANCTION_CLAIM,
        text=("Left: for each discount factor and noise level, the reciprocity norm that is subgame perfect and "
              "yields the most restraint. Right: the smallest discount factor at which grim trigger is subgame "
              "perfect (noise 0.02) as the fine grows, when sanctions need unanimity versus a majority."),
        figure=fig, table=pd.concat([rmap.assign(map="discount x noise"), smap.assign(map="discount x fine")],
                                    ignore_index=True),
        summary=f"some norm sustains restraint on {share:.0%} of the (discount, noise) grid",
    ))

    # 3. evolution of norms as the regime strengthens
    strengths = np.linspace(0, 1, 5 if quick else 11)
    evo = norm_evolution_table(strengths)
    wide = evo.pivot(index="strength", columns="strategy", values="share")
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    ax.stackplot(wide.index, wide.T.values, labels=wide.columns)
    coop = evo.assign(w=evo["share"] * evo["cooperation_rate"]).groupby("strength")["w"].sum()
    ax.plot(coop.index, coop.values, "k--", lw=2, label="restraint in the population")
    ax.set(xlabel="regime strength (longer shadow, less noise, sanctions, reputation)",
           ylabel="long-run share (rare mutations)", ylim=(0, 1))
    ax.legend(fontsize=7, loc="upper left")
    out.append(ReportSection(
        slug="reciprocity-norm-evolution", title="Which norm a population of states settles on",
        claim=INFO_CLAIM,
        text=("States imitate more successful strategies (pairwise comparison, population 30) with rare mutations. "
              "As the regime strengthens, the long-run distribution moves from unconditional arming to reciprocal "
              "norms, and the share of restraint rises."),
        figure=fig, table=evo,
        summary=f"restraint rises from {coop.iloc[0]:.0%} (weak regime) to {coop.iloc[-1]:.0%} (strong regime)",
    ))
    return out
