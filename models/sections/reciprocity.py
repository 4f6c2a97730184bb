"""Report sections for regimes as institutionalised reciprocity (:mod:`models.reciprocity`).

Each section calls the model module's tables (:func:`models.reciprocity.critical_discount_table`, ...) and
draws them; nothing is solved here. ``executor`` is accepted for the report contract and not used: every
point is a linear solve.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from games import plot
from games.numeric import format_number

from ..reciprocity import (
    INFO_CLAIM,
    MAP_NORMS,
    SANCTION_CLAIM,
    SANCTIONED,
    ReciprocityRegime,
    critical_discount_table,
    norm_evolution_table,
    regime_map_table,
    sanction_threshold_table,
    sanctioned_label,
    tft_conditions,
)
from ..registry import report_section
from ..report_base import ReportSection
from .figure import probability_axis, report_figure

__all__ = ["critical_discount_section", "regime_map_section", "norm_evolution_section"]

NORM_COLOURS = {"GRIM": "#1f77b4", "WSLS": "#2ca02c", "TFT": "#ff7f0e", "none": "#d9d9d9"}
NORM_NAMES = {"GRIM": "grim trigger", "WSLS": "win-stay lose-shift", "TFT": "tit-for-tat"}


def _noises(quick: bool) -> np.ndarray:
    return np.linspace(0.0, 0.12, 4 if quick else 10)


@report_section("reciprocity-critical-discount", model=ReciprocityRegime)
def critical_discount_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """The critical discount factor of each norm against noise, without and with sanctions.

    Parameters
    ----------
    quick : bool
        A coarse grid (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Not used: every point is a linear solve.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = critical_discount_section(quick=True)
    >>> sec.slug, sec.claim == ReciprocityRegime.claim, len(sec.table) > 0
    ('reciprocity-critical-discount', True, True)
    >>> sec.summary.split(",")[0]          # without noise grim trigger needs (T - R) / (T - P) = 2/5
    'grim trigger needs delta >= 0.400 without noise'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    return _critical_discount_section(ReciprocityRegime(), _noises(quick))


@report_section("reciprocity-regime-map", model=ReciprocityRegime)
def regime_map_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Which norm holds over (discount, noise), and grim trigger's threshold against the fine.

    Parameters
    ----------
    quick : bool
        A coarse grid (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Not used: every point is a linear solve.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = regime_map_section(quick=True)
    >>> sec.slug, sec.claim == ReciprocityRegime.claim, len(sec.table) > 0
    ('reciprocity-regime-map', True, True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    return _regime_map_section(ReciprocityRegime(), _noises(quick), quick)


@report_section("reciprocity-norm-evolution", model=ReciprocityRegime)
def norm_evolution_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Which norm a population of states settles on as the regime strengthens.

    Parameters
    ----------
    quick : bool
        A coarse grid (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Not used: every point is a linear solve.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = norm_evolution_section(quick=True)
    >>> sec.slug, sec.claim == ReciprocityRegime.claim, len(sec.table) > 0
    ('reciprocity-norm-evolution', True, True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    return _evolution_section(ReciprocityRegime(), quick)



def _stage_text(model: ReciprocityRegime) -> str:
    payoffs = (model.temptation, model.reward, model.punishment, model.sucker)
    return "T, R, P, S = " + ", ".join(format_number(v) for v in payoffs)


def _critical_discount_section(base: ReciprocityRegime, noises: np.ndarray) -> ReportSection:

    tab = critical_discount_table(noises, base)
    sanctioned = dataclasses.replace(base, **SANCTIONED)
    sanction_label = f"{sanctioned_label(base)[:-1]} must agree)"
    fig, ax = report_figure(figsize=(9.5, 4.6))
    for (regime, name), grp in tab.groupby(["regime", "norm"], sort=False):
        y = grp["critical_discount"].where(np.isfinite(grp["critical_discount"]))
        if y.notna().any():
            plain = regime == "no sanctions"
            ax.plot(grp["noise"], y, marker="o" if plain else "s", ls="-" if plain else "--",
                    color=NORM_COLOURS[name], label=f"{NORM_NAMES[name]}, {'no sanctions' if plain else 'sanctions'}")
    ax.set(xlabel="noise (probability an action is misread or misimplemented)",
           ylabel="critical discount factor $\\delta^*$\n(smallest at which the norm is subgame perfect)",
           ylim=(0, 1), title=f"The shadow of the future each reciprocity norm needs ({_stage_text(base)})")
    probability_axis(ax, "x", full=False)
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
        claim=ReciprocityRegime.claim,
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

    deltas = np.linspace(0.05, 0.95, 10 if quick else 19)
    rmap = regime_map_table(deltas, noises, base)
    fines = np.linspace(0.0, 3.0, 7 if quick else 13)
    smap = sanction_threshold_table(fines, base)
    fig, (top, bottom) = report_figure(2, 1, figsize=(10, 8.4))
    names = {**NORM_NAMES, "none": "none is subgame perfect"}
    plot.regime_map(rmap.assign(norm=rmap["best_norm"].map(names)), "discount", "noise", "norm",
                    colours={names[k]: c for k, c in NORM_COLOURS.items()},
                    order=[names[k] for k in (*MAP_NORMS, "none")], legend_title="norm sustaining\nmost restraint",
                    ax=top)
    top.set(xlabel="discount factor $\\delta$ (shadow of the future: chance the relationship continues)",
            ylabel="noise (probability an action\nis misread or misimplemented)",
            title="Which norm is subgame perfect and yields the most restraint (no sanctions)")
    probability_axis(top, "y", full=False)
    top.title.set_fontsize(10)
    for quorum, grp in smap.groupby("quorum", sort=False):
        y = grp["critical_discount"].where(np.isfinite(grp["critical_discount"]))
        rule = "unanimity" if quorum == base.members else "majority"
        bottom.plot(grp["fine"], y, marker="o",
                    label=(f"{rule}: {quorum} of {base.members} must agree\n(a sanction passes with "
                           f"probability {grp['consensus_probability'].iloc[0]:.2f})"))
    bottom.set(xlabel="fine on a state that arms against a restrained partner (utils)",
               ylabel="critical discount factor $\\delta^*$\nof grim trigger", ylim=(0, 1),
               title=(f"Sanctions that need consensus (noise {format_number(base.noise)}): grim trigger holds above "
                      "each line"))
    bottom.title.set_fontsize(10)
    bottom.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="who must agree on a sanction",
                  title_fontsize=8)
    fig.tight_layout()
    share = (rmap["best_norm"] != "none").mean()
    return ReportSection(
        slug="reciprocity-regime-map", title="Regime maps: where reciprocity holds",
        claim=ReciprocityRegime.claim,
        text=(f"On sanctions the essay adds: \"{SANCTION_CLAIM}\" "
              f"Model: ReciprocityRegime ({_stage_text(base)}). Top: for each discount factor and noise level, "
              "the norm among grim trigger, win-stay lose-shift and tit-for-tat that is subgame perfect "
              "(games.repeated.is_equilibrium) and yields the most restraint; grey where none is. Bottom: the exact "
              f"critical discount factor of grim trigger at noise {format_number(base.noise)} as the fine grows, "
              f"when each of {base.members} members backs a sanction with probability "
              f"{format_number(base.agree)} and a sanction needs all of "
              "them or a majority: a fine that needs unanimity is applied a third of the time and buys less."),
        figure=fig, table=pd.concat([rmap.assign(map="discount x noise"), smap.assign(map="fine (exact threshold)")],
                                    ignore_index=True),
        summary=f"some norm sustains restraint on {share:.0%} of the (discount, noise) grid",
    )


def _evolution_section(base: ReciprocityRegime, quick: bool) -> ReportSection:

    strengths = np.linspace(0, 1, 5 if quick else 11)
    evo = norm_evolution_table(strengths, base)
    wide = evo.pivot(index="strength", columns="strategy", values="share")
    fig, ax = report_figure(figsize=(9, 4.4))
    long = {"ALLC": "always restrain", "ALLD": "always arm", "GRIM": "grim trigger", "TFT": "tit-for-tat",
            "WSLS": "win-stay lose-shift", "GTFT": "generous tit-for-tat"}
    labels = [f"{c} ({long.get(c.split('(')[0], c)})" for c in wide.columns]
    ax.stackplot(wide.index, wide.T.values, labels=labels, alpha=0.9)
    coop = evo.assign(w=evo["share"] * evo["cooperation_rate"]).groupby("strength")["w"].sum()
    evo = evo.assign(population_restraint=evo["strength"].map(coop))     # the dashed line, kept with the table
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
        claim=ReciprocityRegime.claim,
        text=(f"On transparency and reputation the essay adds: \"{INFO_CLAIM}\" "
              f"Model: ReciprocityRegime.norm_distribution. States imitate more successful strategies (pairwise "
              f"comparison, population {base.population}) with rare mutations; payoffs are the exact expected "
              "payoffs of a round-robin under noise. As the regime strengthens (longer shadow of the future, "
              "less noise, sanctions, reputation: all four move together along the horizontal axis), the "
              "long-run distribution (coloured areas) moves from unconditional arming to reciprocal norms, and "
              "the share of restraint (dashed) rises."),
        figure=fig, table=evo,
        summary=f"restraint rises from {coop.iloc[0]:.0%} (weak regime) to {coop.iloc[-1]:.0%} (strong regime)",
    )
