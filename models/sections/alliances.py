"""Report sections for continuous burden sharing (Olson-Zeckhauser) and the Tajikistan case."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..report_base import ReportSection

__all__ = ["sections"]

CLAIM_FREE_RIDING = (
    "For instance, the so-called problem of collective action, i.e. setting up collective security "
    "systems, especially in peace, may tempt many states to take advantage of their membership without "
    "shouldering appropriate costs thereof (both literally and figuratively).")
CLAIM_TAJIKISTAN = (
    "The total strength of the troops made up 7,000 men instead of 16,000 provided for in the resolution "
    "of the Council of the Heads of State of the CIS.")


def _burden_section() -> ReportSection:
    import matplotlib.pyplot as plt
    import pandas as pd

    from .. import cases
    from ..alliances import PublicGoodAlliance, exploitation

    df = pd.DataFrame(cases.NATO_2014, columns=["ally", "gdp_usd", "burden_pct"])
    model = PublicGoodAlliance(incomes=tuple(df.gdp_usd), alpha=0.05, names=tuple(df.ally)).outcome()
    df["model_burden_pct"] = np.asarray(model["burden"]) * 100
    df["model_contributes"] = [a in model["contributors"] for a in df.ally]
    stats = exploitation(df.gdp_usd, df.burden_pct)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.scatter(df.gdp_usd / 1e9, df.burden_pct, color="tab:blue", label="NATO 2014 (data)")
    for a, x, y in zip(df.ally, df.gdp_usd / 1e9, df.burden_pct):
        if a in ("United States", "Luxembourg", "Greece", "Estonia", "Germany", "Poland"):
            ax.annotate(a, (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
    paid = df[df.model_contributes]
    free = df[~df.model_contributes]
    ax.scatter(paid.gdp_usd / 1e9, paid.model_burden_pct, marker="s", color="tab:red",
               label="model: contributor")
    ax.scatter(free.gdp_usd / 1e9, free.model_burden_pct, marker="x", color="tab:gray",
               label="model: free rider (burden 0)")
    ax.set_xscale("log")
    ax.set_xlabel("GDP 2014, US$ bn (log scale)")
    ax.set_ylabel("defence, % of GDP")
    ax.set_title(f"Burden vs size: Spearman rho = {stats['spearman_rho']:.3f} "
                 f"(one-sided p = {stats['spearman_p_greater']:.3f})", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    text = ("Model: PublicGoodAlliance. Olson-Zeckhauser / BBV equilibrium with Cobb-Douglas utility "
            "(defence weight 0.05) on the "
            "27 NATO allies' 2014 GDP: only the largest ally pays, so the model predicts burden rising "
            "with size (OZ's 'exploitation of the great by the small'). The data (NATO defence shares, "
            f"WDI GDP) show a weaker positive rank correlation, rho = {stats['spearman_rho']:.3f}, not "
            "significant at 5% (OZ reported .490 for 1964).")
    return ReportSection(slug="alliances-burden-vs-size", title="Who pays for a common defence",
                         claim=CLAIM_FREE_RIDING, text=text, figure=fig, table=df,
                         summary=f"NATO 2014 Spearman(GDP, burden) = {stats['spearman_rho']:.3f}")


def _optimum_section(quick: bool) -> ReportSection:
    import matplotlib.pyplot as plt
    import pandas as pd

    from ..alliances import PublicGoodAlliance

    ns = [1, 2, 4, 8, 16, 32, 64, 128, 193] if not quick else [1, 2, 4, 8, 32, 193]
    rows = []
    for alpha in (0.1, 0.3):
        for n in ns:
            out = PublicGoodAlliance(incomes=(1.0,) * n, alpha=alpha).outcome()
            rows.append({"alpha": alpha, "n_allies": n, "total": out["total"],
                         "optimal_total": out["optimal_total"], "ratio": out["total_to_optimal"],
                         "max_regret": out["max_regret"]})
    df = pd.DataFrame(rows)
    fig, ax = plt.subplots(figsize=(7, 4))
    for alpha, sub in df.groupby("alpha"):
        ax.plot(sub.n_allies, sub.ratio, marker="o", label=f"alpha = {alpha}")
    for n, lab in ((4, "CIS 4"), (32, "NATO 32"), (193, "UN 193")):
        ax.axvline(n, color="0.8", lw=0.8)
        ax.text(n, 1.02, lab, fontsize=7, ha="center")
    ax.set_xscale("log")
    ax.set_ylim(0, 1.08)
    ax.set_xlabel("number of equal allies (total income fixed; log scale)")
    ax.set_ylabel("equilibrium defence / Samuelson optimum")
    ax.set_title("Olson-Zeckhauser: equal allies under-provide more as the alliance grows", fontsize=10)
    ax.legend(fontsize=8, title="weight of defence in utility", title_fontsize=8)
    fig.tight_layout()
    r193 = df[(df.n_allies == 193) & (df.alpha == 0.3)].ratio.item()
    text = ("Model: PublicGoodAlliance (Cobb-Douglas, exact equilibrium, verified by each ally's numerical best "
            "response). Equal allies sharing a fixed total income: the Nash total is a/(1 + (n-1)(1-a)) of income "
            "against the Samuelson optimum a, so under-provision worsens as the alliance grows: with a "
            f"defence weight of 0.3 a 193-member organisation buys {r193:.1%} of the efficient amount.")
    return ReportSection(slug="alliances-total-vs-optimum", title="Under-provision grows with membership",
                         claim=CLAIM_FREE_RIDING, text=text, figure=fig, table=df,
                         summary=f"n=193, weight 0.3: equilibrium/optimum = {r193:.3f}")


def _tajikistan_section(quick: bool) -> ReportSection:
    import matplotlib.pyplot as plt

    from .. import cases
    from ..tajikistan import cost_rule_sweep

    shares = np.linspace(0.25, 1.0, 7 if quick else 16)
    df = cost_rule_sweep(lead_shares=tuple(shares))
    lead = df[df.rule == "lead"]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(lead.lead_share, lead.force, marker="o", label="lead state (Russia) takes a share")
    for rule, style in (("equal", "--"), ("gdp", ":")):
        ax.axhline(df[df.rule == rule].force.item(), ls=style, color="tab:green",
                   label=f"rule '{rule}'")
    ax.axhline(cases.TAJIKISTAN_1993.planned_force, color="k", lw=1, label="planned 16,000")
    ax.axhline(cases.TAJIKISTAN_1993.actual_force, color="tab:red", lw=1, label="deployed 7,000")
    ax.set_xlabel("lead state's share of the 16,000 requirement")
    ax.set_ylabel("equilibrium force (men)")
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
            "free-rides.")
    return ReportSection(slug="tajikistan-cost-rules", title="Tajikistan 1993: cost rules and the shortfall",
                         claim=CLAIM_TAJIKISTAN, text=text, figure=fig, table=df,
                         summary=f"equal quotas: force {eq.force:,.0f} of 16,000; free riders: {eq.free_riders}")


def sections(quick: bool = False, executor: Any = None) -> list[ReportSection]:
    """The alliance and Tajikistan sections (``executor`` unused: each sweep takes well under a second).

    Examples
    --------
    >>> secs = sections(quick=True)
    >>> [s.slug for s in secs]
    ['alliances-burden-vs-size', 'alliances-total-vs-optimum', 'tajikistan-cost-rules']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    return [_burden_section(), _optimum_section(quick), _tajikistan_section(quick)]
