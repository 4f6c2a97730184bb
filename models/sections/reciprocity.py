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

__all__ = ["critical_discount_table", "norm_evolution_table", "regime_map_table", "sanction_map_table",
           "sanction_threshold_table", "tft_conditions", "sections"]

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
NORM_COLOURS = {"GRIM": "#1f77b4", "WSLS": "#2ca02c", "TFT": "#ff7f0e", "none": "#d9d9d9"}
NORM_NAMES = {"GRIM": "grim trigger", "WSLS": "win-stay lose-shift", "TFT": "tit-for-tat"}
SANCTIONED = {"fine": 1.5, "quorum": 3}


def critical_discount_table(noises: Any, base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Critical discount factor (subgame perfect) of each norm against noise, without and with sanctions.

    Examples
    --------
    >>> critical_discount_table([0.0]).query("norm == 'GRIM' and regime == 'no sanctions'")["critical_discount"].round(3).tolist()
    [0.4]
    """
    base = base or ReciprocityRegime()
    sanctioned = dataclasses.replace(base, **SANCTIONED)
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


def _sanction_variants(fines: Any, base: ReciprocityRegime) -> Any:
    """The regime with each fine, when a sanction needs every member and when it needs a majority."""
    for quorum in (base.members, (base.members // 2) + 1):
        for f in fines:
            yield quorum, float(f), dataclasses.replace(base, fine=float(f), quorum=quorum)


def sanction_map_table(deltas: Any, fines: Any, base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Whether grim trigger is subgame perfect over (discount, fine) under consensus (5 of 5) and majority (3 of 5).

    Examples
    --------
    >>> sanction_map_table([0.3, 0.5], [0.0])["sustainable"].tolist()    # needs delta >= 0.419 at noise 0.02
    [False, True, False, True]
    """
    rows = []
    for quorum, fine, model in _sanction_variants(fines, base or ReciprocityRegime()):
        g, strat = model.game(), model.strategy()
        for d in deltas:
            rows.append({"quorum": quorum, "fine": fine, "expected_sanction": model.expected_sanction(),
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


def sanction_threshold_table(fines: Any, base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Exact critical discount factor of the regime's norm against the fine, under unanimity and a majority.

    Each point is :func:`games.repeated.critical_discount` of the norm in the stage game with the
    expected sanction priced in (``inf`` where no discount factor below 1 sustains it).

    Examples
    --------
    >>> t = sanction_threshold_table([0.0])
    >>> t["critical_discount"].round(3).tolist()     # no fine: (T - R) / (T - P) = 2/5 without noise, 0.419 at 0.02
    [0.419, 0.419]
    """
    rows = []
    for quorum, fine, model in _sanction_variants(fines, base or ReciprocityRegime()):
        g, strat = model.game(), model.strategy()
        rows.append({"quorum": quorum, "members": model.members, "fine": fine,
                     "consensus_probability": model.consensus(), "expected_sanction": model.expected_sanction(),
                     "critical_discount": float(critical_discount(g, strat, strat, noise=float(model.noise)))})
    return pd.DataFrame(rows)


def tft_conditions(model: ReciprocityRegime) -> tuple[float, float]:
    """The two ratios that must coincide for tit-for-tat to be subgame perfect without noise.

    Against itself, TFT resists a one-shot deviation from mutual restraint iff ``delta >= (T - R) / (R - S)``
    and from the punishment phase iff ``delta <= (T - R) / (R - S)``; from mutual arming iff
    ``delta <= (P - S) / (T - P)`` and from the phase after being exploited iff ``delta >= (P - S) / (T - P)``.
    So TFT is subgame perfect only at a single discount factor, and only when the ratios are equal.
    Returns ``((T - R) / (R - S), (P - S) / (T - P))`` with ``T`` the effective temptation.

    Examples
    --------
    >>> tft_conditions(ReciprocityRegime())
    (0.5, 0.2)
    """
    T, R = model.effective_temptation(), float(model.reward)
    P, S = float(model.punishment), float(model.sucker)
    return (T - R) / (R - S), (P - S) / (T - P)


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
    base = ReciprocityRegime()
    noises = np.linspace(0.0, 0.12, 4 if quick else 10)
    return [_critical_discount_section(base, noises), _regime_map_section(base, noises, quick),
            _evolution_section(base, quick)]


def _stage_text(model: ReciprocityRegime) -> str:
    return (f"T, R, P, S = {model.temptation:g}, {model.reward:g}, {model.punishment:g}, {model.sucker:g}")


def _critical_discount_section(base: ReciprocityRegime, noises: np.ndarray) -> ReportSection:
    import matplotlib.pyplot as plt

    tab = critical_discount_table(noises, base)
    sanctioned = dataclasses.replace(base, **SANCTIONED)
    sanction_label = (f"sanctions (fine {SANCTIONED['fine']:g}, {SANCTIONED['quorum']} of {base.members} "
                      "must agree)")
    fig, ax = plt.subplots(figsize=(9.5, 4.6))
    for (regime, name), grp in tab.groupby(["regime", "norm"], sort=False):
        y = grp["critical_discount"].where(np.isfinite(grp["critical_discount"]))
        if y.notna().any():
            plain = regime == "no sanctions"
            ax.plot(grp["noise"], y, marker="o" if plain else "s", ls="-" if plain else "--",
                    color=NORM_COLOURS[name], label=f"{NORM_NAMES[name]}, {'no sanctions' if plain else 'sanctions'}")
    ax.set(xlabel="noise (probability an action is misread or misimplemented)",
           ylabel="critical discount factor $\\delta^*$\n(smallest at which the norm is subgame perfect)",
           ylim=(0, 1.02), title=f"The shadow of the future each reciprocity norm needs ({_stage_text(base)})")
    ax.title.set_fontsize(10)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="norm, regime", title_fontsize=8)
    tr0, ps0 = tft_conditions(base)
    tr1, ps1 = tft_conditions(sanctioned)
    note = ("Tit-for-tat has no line: it is subgame\nperfect only where (T-R)/(R-S) equals\n(P-S)/(T-P), "
            f"here {tr0:.2f} vs {ps0:.2f}\n(with sanctions {tr1:.2f} vs {ps1:.2f}),\nso at no discount factor.\n"
            "A line that stops: no discount\nfactor below 1 sustains the norm.")
    ax.text(1.02, 0.02, note, transform=ax.transAxes, fontsize=7.5, va="bottom",
            bbox={"facecolor": "#f7f7f7", "edgecolor": "#bbbbbb"})
    fig.tight_layout()
    grim0 = tab.query("regime == 'no sanctions' and norm == 'GRIM'")["critical_discount"]
    return ReportSection(
        slug="reciprocity-critical-discount", title="Reciprocity norms: how long a shadow of the future they need",
        claim=CLAIM,
        text=(f"Model: ReciprocityRegime, the repeated security dilemma ({_stage_text(base)}) under a reciprocity "
              "norm, solved exactly (games.repeated.critical_discount: one-shot deviations over the automaton's "
              "states, noise in the Markov chain). The figure shows the smallest discount factor at which each norm "
              f"is subgame perfect as implementation noise grows, without sanctions (solid) and with {sanction_label} "
              "(dashed): sanctions lower the bar, noise raises it. Tit-for-tat never appears: it is subgame perfect "
              f"only where (T-R)/(R-S) = (P-S)/(T-P), here {tr0:.2f} against {ps0:.2f} ({tr1:.2f} against {ps1:.2f} "
              "with sanctions)."),
        figure=fig, table=tab,
        summary=(f"grim trigger needs delta >= {grim0.iloc[0]:.3f} without noise, {grim0.iloc[-1]:.3f} at noise "
                 f"{noises[-1]:.2f}"),
    )


def _regime_map_section(base: ReciprocityRegime, noises: np.ndarray, quick: bool) -> ReportSection:
    import matplotlib.pyplot as plt

    deltas = np.linspace(0.05, 0.95, 10 if quick else 19)
    rmap = regime_map_table(deltas, noises, base)
    fines = np.linspace(0.0, 3.0, 7 if quick else 13)
    smap = sanction_threshold_table(fines, base)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 8.4))
    names = {**NORM_NAMES, "none": "none is subgame perfect"}
    plot.regime_map(rmap.assign(norm=rmap["best_norm"].map(names)), "discount", "noise", "norm",
                    colours={names[k]: c for k, c in NORM_COLOURS.items()},
                    order=[names[k] for k in (*MAP_NORMS, "none")], legend_title="norm sustaining\nmost restraint",
                    ax=top)
    top.set(xlabel="discount factor $\\delta$ (shadow of the future: chance the relationship continues)",
            ylabel="noise (probability an action\nis misread or misimplemented)",
            title="Which norm is subgame perfect and yields the most restraint (no sanctions)")
    top.title.set_fontsize(10)
    for quorum, grp in smap.groupby("quorum", sort=False):
        y = grp["critical_discount"].where(np.isfinite(grp["critical_discount"]))
        rule = "unanimity" if quorum == base.members else "majority"
        bottom.plot(grp["fine"], y, marker="o",
                    label=(f"{rule}: {quorum} of {base.members} must agree\n(a sanction passes with "
                           f"probability {grp['consensus_probability'].iloc[0]:.2f})"))
    bottom.set(xlabel="fine on a state that arms against a restrained partner (utils)",
               ylabel="critical discount factor $\\delta^*$\nof grim trigger", ylim=(0, 1),
               title=f"Sanctions that need consensus (noise {base.noise:g}): grim trigger holds above each line")
    bottom.title.set_fontsize(10)
    bottom.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="who must agree on a sanction",
                  title_fontsize=8)
    fig.tight_layout()
    share = (rmap["best_norm"] != "none").mean()
    return ReportSection(
        slug="reciprocity-regime-map", title="Regime maps: where reciprocity holds",
        claim=SANCTION_CLAIM,
        text=(f"Model: ReciprocityRegime ({_stage_text(base)}). Top: for each discount factor and noise level, "
              "the norm among grim trigger, win-stay lose-shift and tit-for-tat that is subgame perfect "
              "(games.repeated.is_equilibrium) and yields the most restraint; grey where none is. Bottom: the exact "
              f"critical discount factor of grim trigger at noise {base.noise:g} as the fine grows, when each of "
              f"{base.members} members backs a sanction with probability {base.agree:g} and a sanction needs all of "
              "them or a majority: a fine that needs unanimity is applied a third of the time and buys less."),
        figure=fig, table=pd.concat([rmap.assign(map="discount x noise"), smap.assign(map="fine (exact threshold)")],
                                    ignore_index=True),
        summary=f"some norm sustains restraint on {share:.0%} of the (discount, noise) grid",
    )


def _evolution_section(base: ReciprocityRegime, quick: bool) -> ReportSection:
    import matplotlib.pyplot as plt

    strengths = np.linspace(0, 1, 5 if quick else 11)
    evo = norm_evolution_table(strengths, base)
    wide = evo.pivot(index="strength", columns="strategy", values="share")
    fig, ax = plt.subplots(figsize=(9, 4.4))
    long = {"ALLC": "always restrain", "ALLD": "always arm", "GRIM": "grim trigger", "TFT": "tit-for-tat",
            "WSLS": "win-stay lose-shift", "GTFT": "generous tit-for-tat"}
    labels = [f"{c} ({long.get(c.split('(')[0], c)})" for c in wide.columns]
    ax.stackplot(wide.index, wide.T.values, labels=labels, alpha=0.9)
    coop = evo.assign(w=evo["share"] * evo["cooperation_rate"]).groupby("strength")["w"].sum()
    ax.plot(coop.index, coop.values, "k--", lw=2, label="restraint in the\npopulation")
    ax.set(xlabel="regime strength s: discount 0.5 -> 0.95, noise 0.10 -> 0.01, fine 0 -> 2, reputation 0 -> 0.5",
           ylabel="long-run share of states\n(rare mutations)", ylim=(0, 1), xlim=(0, 1),
           title=f"Which norm a population of {base.population} states settles on as the regime strengthens")
    ax.title.set_fontsize(10)
    ax.xaxis.label.set_fontsize(9)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="strategy", title_fontsize=8)
    fig.tight_layout()
    return ReportSection(
        slug="reciprocity-norm-evolution", title="Which norm a population of states settles on",
        claim=INFO_CLAIM,
        text=(f"Model: ReciprocityRegime.norm_distribution. States imitate more successful strategies (pairwise "
              f"comparison, population {base.population}) with rare mutations; payoffs are the exact expected "
              "payoffs of a round-robin under noise. As the regime strengthens (longer shadow of the future, "
              "less noise, sanctions, reputation: all four move together along the horizontal axis), the "
              "long-run distribution (coloured areas) moves from unconditional arming to reciprocal norms, and "
              "the share of restraint (dashed) rises."),
        figure=fig, table=evo,
        summary=f"restraint rises from {coop.iloc[0]:.0%} (weak regime) to {coop.iloc[-1]:.0%} (strong regime)",
    )
