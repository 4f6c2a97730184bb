"""Report section: what a consultation body that recommends actions adds in a crisis between two members."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..consultation import ConsultationModel, consultation_gain, crisis_comparison
from ..registry import report_section
from ..report_base import ReportSection
from .figure import report_figure

__all__ = ["gain_section"]


@report_section("consultation-gain", model=ConsultationModel)
def gain_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Each member's payoff with and without consultation, and the welfare gain, over the cost of a clash.

    Parameters
    ----------
    quick : bool
        A coarse grid instead of the full one.
    executor : concurrent.futures.Executor, optional
        Runs the sweep's points.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = gain_section(quick=True)
    >>> sec.slug, sec.claim == ConsultationModel.claim, len(sec.table)
    ('consultation-gain', True, 17)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    m = ConsultationModel()
    clashes = np.linspace(-12, 4, 17 if quick else 65)
    df = consultation_gain(clashes, "clash", base=m, executor=executor)
    fig, ax = report_figure(figsize=(8.5, 4.3))
    x = df["clash"]
    ax.plot(x, df["ce_payoff"], color="#1b9e77", lw=2, label="with consultation: best correlated equilibrium")
    ax.plot(x, df["nash_symmetric_payoff"], color="#d95f02", lw=1.5,
            label="without: best symmetric Nash equilibrium")
    df = df.assign(nash_best_mean_payoff=df["nash_best_welfare"] / 2)
    ax.plot(x, df["nash_best_mean_payoff"], color="#7570b3", lw=1, ls="--", zorder=3,
            label="without: best Nash equilibrium (mean of the two members)")
    ax.plot(x, df["gain"], color="k", lw=1.2, ls=":", label="welfare gain of consultation (total)")
    ax.axvline(m.sucker, color="grey", lw=0.8)
    ax.annotate("chicken to the left,\nprisoner's dilemma\nto the right", (m.sucker, 1.5), xytext=(-95, 0),
                textcoords="offset points", fontsize=8)
    ax.set_xlabel("payoff of a clash, both members standing firm (utils)")
    ax.set_ylabel("payoff (utils)")
    ax.set_title(f"A consultation body in a crisis (hold back together {m.reward:g}, stand firm alone "
                 f"{m.temptation:g}, hold back alone {m.sucker:g})", fontsize=10)
    ax.legend(fontsize=8, loc="center left")
    fig.tight_layout()
    comparison = crisis_comparison().set_index("game")
    at_aumann = df.loc[np.isclose(df["clash"], 0.0)]
    gain0 = float(at_aumann["gain"].iloc[0]) if len(at_aumann) else float("nan")
    text = ("Model: ConsultationModel. Two members in a crisis each hold back or stand firm; without "
            "consultation they play a Nash equilibrium (games.equilibria), with it a council recommends to each, "
            "in private, what to do, and the recommendation is followed only if obeying pays (a correlated "
            "equilibrium, games.correlated_equilibrium). The figure plots, against the payoff of a clash, each "
            "member's payoff in the best recommendation (green), in the best symmetric Nash equilibrium (orange) "
            "and on average in the best Nash equilibrium (dashed), and the total welfare the council adds over "
            "the best Nash equilibrium (dotted). In chicken (left of the grey line) the council adds welfare by "
            "never recommending a clash; at Aumann's payoffs (clash 0) it adds "
            f"{gain0:.3g} in total (21/2 against 28/3). Once a clash pays more than holding back alone the "
            "crisis is a prisoner's dilemma and the council adds nothing; in the catalogue's stag hunt it adds "
            f"{float(comparison.loc['stag hunt (catalogue)', 'gain']):g} (mutual restraint is already an "
            "equilibrium).")
    chicken = df[df.game_type == "chicken"]
    return ReportSection(slug="consultation-gain", title="A consultation body as a correlation device",
                         claim=ConsultationModel.claim, text=text, figure=fig, table=df,
                         summary=(f"largest gain {chicken['gain'].max():.3g} (total welfare) at clash payoff "
                                  f"{float(chicken.loc[chicken['gain'].idxmax(), 'clash']):g}; "
                                  "0 in the prisoner's dilemma and the stag hunt"),
                         extra={"comparison": comparison})
