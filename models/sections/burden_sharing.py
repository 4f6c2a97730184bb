"""Report sections for burden sharing: the volunteer's dilemma, collective risk, the threshold regime map.

Each section sweeps its model with :func:`games.sweep` (the model itself is the target: its ``outcome()`` is
flat) and draws the table; nothing is solved here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from games import sweep
from games.plot import heatmap

from ..burden_sharing import CollectiveRisk, ThresholdPublicGood, VolunteersDilemma
from ..registry import report_section
from ..report_base import ReportSection
from .figure import probability_axis, report_figure

__all__ = ["volunteer_section", "risk_section", "regime_section"]


@report_section("volunteers-dilemma", model=VolunteersDilemma)
def volunteer_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """The volunteer's dilemma against the number of members (cost / benefit 0.5), swept with games.sweep.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = volunteer_section(quick=True)
    >>> sec.slug, sec.claim == VolunteersDilemma.claim, len(sec.table) > 0
    ('volunteers-dilemma', True, True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    ns = [2, 3, 5, 10, 20, 50, 100] if quick else [2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 75, 100, 193, 500, 1000]
    table = sweep(VolunteersDilemma(benefit=1.0, cost=0.5), {"n": ns}, executor=executor, progress=False)
    fig, ax = report_figure(figsize=(6, 3.5))
    ax.semilogx(table["n"], table["p_volunteer"], "o-", label="each member acts (p)")
    ax.semilogx(table["n"], table["p_nobody"], "s-", label="nobody acts")
    ax.axhline(0.5, color="grey", lw=0.8, ls=":", label="cost / benefit")
    ax.set_xlabel("members n who could act (log scale)")
    ax.set_ylabel("probability (symmetric equilibrium)")
    probability_axis(ax)
    ax.set_title("The volunteer's dilemma (Diekmann 1985), cost / benefit = 0.5", fontsize=10)
    ax.legend()
    fig.tight_layout()
    last = table.iloc[-1]
    return ReportSection(
        slug="volunteers-dilemma",
        title="The volunteer's dilemma: more members, less action",
        claim=VolunteersDilemma.claim,
        text=("Model: VolunteersDilemma. One member's action suffices and every member would rather another paid "
              "(Diekmann 1985; cost/benefit 0.5). The figure shows, from the engine's symmetric mixed equilibrium of "
              "the n-player anonymous game, the probability that each member acts and that nobody does. In the "
              "symmetric equilibrium each member acts less the larger the membership, and the chance "
              "that nobody acts rises towards the cost/benefit ratio: size makes free-riding likelier, not rarer."),
        figure=fig, table=table,
        summary=f"volunteer's dilemma: P(nobody acts) = {table['p_nobody'].iloc[0]:.2f} at n=2, "
                f"{last['p_nobody']:.3f} at n={int(last['n'])}",
    )


@report_section("collective-risk", model=CollectiveRisk)
def risk_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Collective risk: group achievement and the stable share of contributors against the risk.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = risk_section(quick=True)
    >>> sec.slug, sec.claim == CollectiveRisk.claim, len(sec.table) > 0
    ('collective-risk', True, True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    m = CollectiveRisk()
    risks = np.linspace(0, 1, 6 if quick else 21)
    table = sweep(m, {"risk": [float(r) for r in risks]}, executor=executor, progress=False)
    fig, ax = report_figure(figsize=(7, 4))
    ax.plot(table["risk"], table["group_achievement"], "o-",
            label=f"groups reaching the threshold, eta_G\n(finite population of {m.population})")
    has_xr = table["x_right"].notna()
    first = f"; none at r <= {table['risk'][~has_xr].max():.2f}" if has_xr.any() and not has_xr.all() else ""
    ax.plot(table["risk"], table["x_right"], "s--",
            label=f"stable share of contributors x_R\n(infinite population{first})")
    ax.set_xlabel("risk r that a group below the threshold loses everything")
    ax.set_ylabel("share")
    probability_axis(ax)
    ax.set_title(f"Collective risk (Santos & Pacheco 2011): groups of {m.group_size}, {m.threshold} contributors "
                 "needed", fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return ReportSection(
        slug="collective-risk",
        title="Collective risk: a shortfall that costs everyone makes members contribute",
        claim=CollectiveRisk.claim,
        text=(f"Model: CollectiveRisk. Groups of {m.group_size} drawn from {m.population} members need "
              f"{m.threshold} contributors giving "
              f"{m.contribution:.0%} of their endowment; below that, with probability r all lose everything "
              "(Santos & Pacheco 2011). Above a critical risk a stable mix of contributors appears and the share "
              "of groups that reach the threshold climbs steeply. Solid: the share of groups that reach the threshold "
              "under the stationary distribution of imitation with mutation (finite population); dashed: the stable "
              "interior rest point of the replicator dynamics (infinite population)."),
        figure=fig, table=table,
        summary=f"collective risk: eta_G = {table['group_achievement'].iloc[0]:.2f} at r=0, "
                f"{table['group_achievement'].iloc[-1]:.2f} at r=1",
    )


@report_section("threshold-regimes", model=ThresholdPublicGood)
def regime_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Force requirements: the best symmetric mixed equilibrium over (cost, contributors required).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = regime_section(quick=True)
    >>> sec.slug, sec.claim == ThresholdPublicGood.claim, len(sec.table) > 0
    ('threshold-regimes', True, True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from matplotlib.patches import Patch

    costs = np.linspace(0.02, 0.5, 7 if quick else 25)
    thresholds = range(1, 11)
    table = sweep(ThresholdPublicGood(n=10, benefit=1.0), {"threshold": list(thresholds),
                                                           "cost": [float(c) for c in costs]},
                  executor=executor, progress=False)
    # the chance of success in the best symmetric mixed equilibrium (0 where there is none)
    table["best_mixed_success"] = table["success_high"].where(table["n_mixed"] > 0, 0.0).astype(float)
    table["provision_equilibrium"] = table["provision_contributors"] > 0

    fig, ax = report_figure(figsize=(7.5, 4.2))
    shown = table.assign(best_mixed_success=table["best_mixed_success"].where(table["n_mixed"] > 0))
    heatmap(shown, "cost", "threshold", "best_mixed_success", cmap="viridis", vmin=0, vmax=1,
            colorbar_label="chance the operation succeeds in the\nbest symmetric mixed equilibrium", ax=ax)
    ax.set_facecolor("#eeeeee")
    ax.patch.set_hatch("///")
    ax.patch.set_edgecolor("#999999")
    ax.legend(handles=[Patch(facecolor="#eeeeee", edgecolor="#999999", hatch="///",
                             label="no symmetric mixed\nequilibrium")], loc="center right", fontsize=8)
    ax.set_xlabel("cost of contributing (utils; benefit of success = 1)")
    ax.set_ylabel("contributors required (of 10 members)")
    ax.set_title("Force requirements: 10 members, an operation that needs enough contributors", fontsize=10)
    fig.tight_layout()
    none = int((table["n_mixed"] == 0).sum())
    return ReportSection(
        slug="threshold-regimes",
        title="Force requirements: where coordination on a joint operation can survive",
        claim=ThresholdPublicGood.claim,
        text=("Model: ThresholdPublicGood. Ten members, an operation that succeeds when enough of them contribute "
              "forces. Besides the pure equilibria (nobody, or exactly the required number), symmetric equilibria "
              "in which members contribute at random exist only where the cost is low relative to the requirement. "
              "Colour: the chance of success in the best such equilibrium (from the engine's root finder); hatched "
              "cells have none, and members can only hope someone else carries the burden."),
        figure=fig, table=table,
        summary=f"threshold regimes: {none} of {len(table)} (cost, requirement) cells have no mixed equilibrium",
    )
