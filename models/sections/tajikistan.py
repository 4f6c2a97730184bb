"""Report section for the CIS peacekeeping operation in Tajikistan (:mod:`models.tajikistan`).

The section calls :func:`models.tajikistan.cost_rule_table` (two :func:`games.sweep` runs of the model)
and draws it; nothing is solved here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import cases
from ..registry import report_section
from ..report_base import ReportSection
from ..tajikistan import TajikistanOperation, cost_rule_table
from .figure import probability_axis, report_figure

__all__ = ["cost_rules_section"]


@report_section("tajikistan-cost-rules", model=TajikistanOperation)
def cost_rules_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """The equilibrium force under each way of splitting the quotas.

    Parameters
    ----------
    quick : bool
        A coarse grid of lead shares (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Not used: each point is a 2^4-profile game.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = cost_rules_section(quick=True)
    >>> sec.slug, sec.claim == TajikistanOperation.claim, len(sec.table)     # equal, gdp and 7 lead shares
    ('tajikistan-cost-rules', True, 9)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    shares = np.linspace(0.25, 1.0, 7 if quick else 16)
    df = cost_rule_table(lead_shares=tuple(shares))
    lead = df[df.rule == "lead"]
    fig, ax = report_figure(figsize=(7, 4))
    ax.plot(lead.lead_share, lead.force, marker="o", label="lead state (Russia) takes a share")
    for rule, style in (("equal", "--"), ("gdp", ":")):
        ax.axhline(df[df.rule == rule].force.item(), ls=style, color="tab:green",
                   label=f"rule '{rule}'")
    ax.axhline(cases.TAJIKISTAN_1993.planned_force, color="k", lw=1,
               label=f"planned {cases.TAJIKISTAN_1993.planned_force:,}")
    ax.axhline(cases.TAJIKISTAN_1993.actual_force, color="tab:red", lw=1,
               label=f"deployed {cases.TAJIKISTAN_1993.actual_force:,}")
    ax.set_xlabel(f"lead state's share of the {cases.TAJIKISTAN_1993.planned_force:,} requirement")
    ax.set_ylabel("equilibrium force (men)")
    probability_axis(ax, "x", full=False)
    ax.set_title("Tajikistan 1993: the force in equilibrium under each way of splitting the quotas", fontsize=10)
    ax.legend(fontsize=8, loc="center right")
    fig.tight_layout()
    eq = df[df.rule == "equal"].iloc[0]
    text = ("Model: TajikistanOperation, the pure equilibria of the 2^4 game (games.equilibria). The figure shows "
            "the force the equilibrium deploys when Russia takes a growing share of the quotas (line), against "
            "equal and GDP-proportional quotas and the planned and deployed forces (horizontal lines). "
            "Four prescribed states contribute their quota or not; success probability rises with the "
            "force (WDI GDP 1993, assumed stakes and costs). Kazakhstan and Kyrgyzstan free-ride under "
            f"every rule; with equal quotas the force is {eq.force:,.0f} men against 16,000 (7,000 "
            "deployed). Shifting the burden to the lead state raises the force without changing who "
            "free-rides. Where this departs from the case: Kyrgyzstan kept a battalion in Tajikistan until "
            "1995-96, while the model has it free-ride from 1993 (its assumed stake, 2% of GDP, is a quarter "
            "of what contributing costs); and the model's force is Russia's and Uzbekistan's equal quotas, "
            "not the three states' 7,000 led by Russia's 201st division, so its total is close to the "
            "deployment but its composition is not. See the TajikistanOperation docstring.")
    return ReportSection(slug="tajikistan-cost-rules", title="Tajikistan 1993: cost rules and the shortfall",
                         claim=TajikistanOperation.claim, text=text, figure=fig, table=df,
                         summary=f"equal quotas: force {eq.force:,.0f} of 16,000; free riders: {eq.free_riders}")
