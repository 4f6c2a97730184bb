"""Report section: when a lead power carrying more of the cost makes the collective response happen."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import plot, sweep

from ..leadership import REGIME_COLOURS, LeadershipModel
from ..registry import report_section
from ..report_base import ReportSection
from .figure import probability_axis, report_figure

__all__ = ["threshold_section"]


@report_section("leadership-threshold", model=LeadershipModel)
def threshold_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """The equilibrium regime over the lead power's cost share x its benefit, with the closed-form thresholds.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = threshold_section(quick=True)
    >>> sec.slug, sec.claim == LeadershipModel.claim, len(sec.table)
    ('leadership-threshold', True, 99)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    shares = np.linspace(0, 1, 11 if quick else 41)
    benefits = np.linspace(0, 12, 9 if quick else 25)
    m = LeadershipModel()
    df = sweep(m, {"lead_share": shares, "leader_benefit": benefits}, executor=executor, progress=False)
    cf = m.closed_form()
    fig, ax = report_figure(figsize=(8.5, 4.3))
    plot.regime_map(df, "lead_share", "leader_benefit", "regime", colours=REGIME_COLOURS,
                    legend_title="equilibrium outcome", ax=ax)
    ax.axvline(cf["min_lead_share"], color="k", lw=0.8, ls="--")
    ax.plot(shares, shares * m.operation_cost + m.pledge_cost, color="k", lw=0.8, ls="--")
    ax.annotate("followers join\nto the right", (cf["min_lead_share"], 0.3), xytext=(6, 0),
                textcoords="offset points", fontsize=8)
    ax.text(0.02, 0.3 * m.operation_cost, "lead power willing to pay\nits share above the\nsloped line",
            fontsize=8, va="bottom")
    ax.set_xlabel("share of the operation's cost carried by the lead power")
    probability_axis(ax, "x")
    ax.set_ylabel("lead power's benefit from the response (utils)")
    ax.set_title(f"Leadership and the collective response ({m.members} members, force {m.required_force:g} needed)",
                 fontsize=11)
    fig.tight_layout()
    equal = 1 / (cf["followers_needed"] + 1)
    text = (f"Model: LeadershipModel, all pure equilibria of the {m.members}-player pledge game (games.equilibria); "
            "the map shows which kind of equilibrium exists at each lead share and lead-power benefit. "
            f"A lead power and {m.members - 1} followers pledge forces to a response that needs "
            f"{m.required_force:g} force units; the lead power brings {m.leader_capacity:g}, each follower "
            f"{m.follower_capacity:g}, so {cf['followers_needed']} followers must join it (Snidal's k-group of "
            f"{cf['followers_needed'] + 1}; the rest free-ride). With the cost split equally ({equal:.2f} each) "
            "the followers balk; the response happens only when the lead power carries at least "
            f"{cf['min_lead_share']:.2f} of the cost and values the response enough to do so (dashed lines: "
            "the closed-form thresholds).")
    led = df[df.regime == "led coalition of the willing"]
    return ReportSection(slug="leadership-threshold", title="Leadership makes the collective response happen",
                         claim=LeadershipModel.claim, text=text, figure=fig, table=df,
                         summary=(f"led response at {len(led)} of {len(df)} grid points; lead share needed >= "
                                  f"{cf['min_lead_share']:.2f}"))
