"""Report sections for continuous burden sharing (Olson-Zeckhauser, :mod:`models.alliances`).

The Tajikistan case is drawn in :mod:`models.sections.tajikistan`. Sections call the model and draw; nothing
is solved here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import cases
from ..alliances import PublicGoodAlliance, exploitation
from ..registry import report_section
from ..report_base import ReportSection
from .figure import report_figure

#: Memberships marked on the under-provision figure: size and what it is.
MEMBERSHIPS = ((4, "4: CIS states tasked with the 1993\nTajikistan peacekeeping operation"),
               (32, "32: NATO members (2024)"), (193, "193: UN member states"))

__all__ = ["burden_section", "optimum_section"]


@report_section("alliances-burden-vs-size", model=PublicGoodAlliance)
def burden_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """NATO 2014: defence burden against GDP, the data and the model's equilibrium (one solve).

    Parameters
    ----------
    quick : bool
        A coarse grid (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Not used: one equilibrium (``quick`` is not used either).

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = burden_section(quick=True)
    >>> sec.slug, sec.claim == PublicGoodAlliance.claim, len(sec.table) > 0
    ('alliances-burden-vs-size', True, True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    import pandas as pd

    df = pd.DataFrame(cases.NATO_2014, columns=["ally", "gdp_usd", "burden_pct"])
    model = PublicGoodAlliance(incomes=tuple(df.gdp_usd), alpha=0.05, names=tuple(df.ally)).details()
    df["model_burden_pct"] = np.asarray(model["burden"]) * 100
    df["model_contributes"] = [a in model["contributors"] for a in df.ally]
    stats = exploitation(df.gdp_usd, df.burden_pct)
    fig, ax = report_figure(figsize=(7, 4.2))
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
                         claim=PublicGoodAlliance.claim, text=text, figure=fig, table=df,
                         summary=f"NATO 2014 Spearman(GDP, burden) = {stats['spearman_rho']:.3f}")


def _equal_allies(alpha: float, n_allies: int) -> dict[str, Any]:
    """The alliance of ``n_allies`` equal allies (total income ``n_allies``), as a flat record."""
    return PublicGoodAlliance(incomes=(1.0,) * int(n_allies), alpha=float(alpha)).outcome()


@report_section("alliances-total-vs-optimum", model=PublicGoodAlliance)
def optimum_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Equal allies: the equilibrium total against the Samuelson optimum as membership grows.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = optimum_section(quick=True)
    >>> sec.slug, sec.claim == PublicGoodAlliance.claim, len(sec.table) > 0
    ('alliances-total-vs-optimum', True, True)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    from games import sweep

    ns = [1, 2, 4, 8, 16, 32, 64, 128, 193] if not quick else [1, 2, 4, 8, 32, 193]
    df = sweep(_equal_allies, {"alpha": [0.1, 0.3], "n_allies": ns}, executor=executor, progress=False)
    df = df.rename(columns={"total_to_optimal": "ratio"})
    fig, ax = report_figure(figsize=(7, 4))
    for alpha, sub in df.groupby("alpha"):
        ax.plot(sub.n_allies, sub.ratio, marker="o", label=f"alpha = {alpha}")
    for n, lab in MEMBERSHIPS:
        ax.axvline(n, color="0.7", lw=0.8)
        ax.text(n * 1.06, 1.0, lab, fontsize=7, rotation=90, ha="left", va="top", gid="membership")
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
            f"defence weight of 0.3 a 193-member organisation buys {r193:.1%} of the efficient amount. The marked "
            "sizes: 4, the CIS states (Kazakhstan, Kyrgyzstan, Russia, Uzbekistan) the 1993 resolution tasked with "
            "the peacekeeping operation in Tajikistan; 32, NATO's members; 193, the UN's member states.")
    return ReportSection(slug="alliances-total-vs-optimum", title="Under-provision grows with membership",
                         claim=PublicGoodAlliance.claim, text=text, figure=fig, table=df,
                         summary=f"n=193, weight 0.3: equilibrium/optimum = {r193:.3f}")
