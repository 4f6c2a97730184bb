"""Report section: when criteria of imminent threat agreed in advance make collective action possible."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import plot

from ..imminent_threat import REGIME_COLOURS, ImminentThreatModel, regime_table
from ..registry import report_section
from ..report_base import ReportSection
from .figure import probability_axis, report_figure

__all__ = ["criteria_section"]


@report_section("imminent-threat-criteria", model=ImminentThreatModel)
def criteria_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """The regime over signal quality x threat prior, and the error rates of both regimes at the default prior.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = criteria_section(quick=True)
    >>> sec.slug, sec.claim == ImminentThreatModel.claim, len(sec.table)
    ('imminent-threat-criteria', True, 42)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    m = ImminentThreatModel()
    qualities = np.round(np.linspace(0.55, 0.95, 6 if quick else 21), 3)
    priors = np.round([0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6] if quick else np.arange(0.02, 0.605, 0.02), 3)
    df = regime_table(m, signal_quality=qualities, threat_prior=priors, executor=executor)
    fig, (ax, ax2) = report_figure(1, 2, figsize=(13.5, 5.6), gridspec_kw={"width_ratios": [1.25, 1]})
    plot.regime_map(df, "signal_quality", "threat_prior", "regime", colours=REGIME_COLOURS,
                    legend_title="agreed criteria vs national thresholds", ax=ax)
    ax.set_xlabel("signal quality (probability a state's intelligence is right)")
    ax.set_ylabel("prior probability the aggressor is dangerous")
    probability_axis(ax, "x", full=False)
    probability_axis(ax, "y", full=False)
    ax.set_title("Which regime does better, and for whom", fontsize=11)
    row = df[np.isclose(df["threat_prior"], m.threat_prior)].sort_values("signal_quality")
    for col, colour, name in (("false_alarm", "#d95f02", "false alarm"), ("missed", "#7570b3", "missed threat")):
        ax2.plot(row["signal_quality"], row[f"national_{col}"], color=colour, ls="--", marker="o", ms=3,
                 label=f"national {name}")
        ax2.plot(row["signal_quality"], row[f"agreed_{col}"], color=colour, ls="-", marker="s", ms=3,
                 label=f"agreed {name}")
    ax2.plot(row["signal_quality"], row["agreed_collective"], color="#1b9e77", ls="-", label="agreed: both act")
    ax2.plot(row["signal_quality"], row["national_collective"], color="#1b9e77", ls="--",
             label="national: both act")
    ax2.set_xlabel("signal quality")
    ax2.set_ylabel("probability")
    probability_axis(ax2, "y")
    ax2.set_title(f"Errors and collective action at threat prior {m.threat_prior:g}", fontsize=11)
    ax2.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3)
    fig.tight_layout()
    counts = df["regime"].value_counts()
    possible = int(counts.get("agreed criteria make collective action possible", 0))
    slow = int(counts.get("agreed criteria too slow", 0))
    text = ("Model: ImminentThreatModel. Two states, an exposed and a distant one, each get a private intelligence "
            "signal (right with the given probability) about a potential aggressor and choose to wait, use "
            "preventive diplomacy, sanctions or a pre-emptive strike (a strike on a harmless state costs "
            f"{m.illegitimacy:g} in illegitimacy, halved when both strike). Left: at each signal quality and threat "
            "prior, how criteria agreed in advance (one common instrument chosen by the number of alarms in the "
            f"pooled evidence; consultation cuts every instrument's effect by {m.consultation_delay:.0%}) compare "
            "with national thresholds (the best pure Bayesian Nash equilibrium of the game of private signals, "
            "games.equilibria on games.BayesianGame): where the agreement makes collective action possible at "
            "all, where it improves it, where it is too slow (the states do better jointly on their own), and "
            "where 'unilateral if necessary' re-enters (the exposed state does better on its own threshold). "
            "Right: false alarms (P(a strike | harmless)), missed threats (P(nobody acts | dangerous)) and the "
            "probability that both act, along the default prior (dashed: national, solid: agreed).")
    return ReportSection(slug="imminent-threat-criteria", title="Agreed criteria of imminent threat",
                         claim=ImminentThreatModel.claim, text=text, figure=fig, table=df,
                         summary=(f"collective action made possible at {possible} of {len(df)} points; "
                                  f"agreement too slow at {slow}"))
