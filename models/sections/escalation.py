"""Report sections: automatic versus discretionary reaction (escalation), and labelling the aggressor."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import sweep

from ..escalation import EscalationModel, regime_comparison
from ..labelling import LabellingModel
from ..registry import report_section
from ..report_base import ReportSection
from .figure import probability_axis, report_figure

__all__ = ["escalation_section", "labelling_section"]


@report_section("escalation-automatic-vs-discretionary", model=EscalationModel)
def escalation_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """The collective payoff and the war probability of automatic and discretionary reaction, against escalation.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = escalation_section(quick=True)
    >>> sec.slug, sec.claim == EscalationModel.claim, len(sec.table)
    ('escalation-automatic-vs-discretionary', True, 21)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    ps = np.linspace(0, 1, 21 if quick else 101)
    df = regime_comparison(ps, executor=executor)
    x = df.escalation_probability.to_numpy()
    better = df.better_regime.to_numpy()
    runs = _runs(x, better == "automatic")
    fig, (top, bottom) = report_figure(2, 1, figsize=(8.5, 7.2))
    top.plot(x, df.collective_payoff_automatic, "o-", ms=3, color="#d95f02", lw=2, gid="collective_payoff_automatic",
             label="automatic reaction")
    top.plot(x, df.collective_payoff_discretionary, "s--", ms=3, color="#1b9e77", lw=2,
             gid="collective_payoff_discretionary", label="discretionary reaction")
    bottom.plot(x, df.war_probability_automatic, "o-", ms=3, color="#d95f02", lw=2, gid="war_probability_automatic",
                label="automatic reaction", clip_on=False)
    bottom.plot(x, df.war_probability_discretionary, "s--", ms=3, color="#1b9e77", lw=2,
                gid="war_probability_discretionary", label="discretionary reaction", clip_on=False)
    for ax in (top, bottom):
        for k, (lo, hi) in enumerate(runs):
            ax.axvspan(lo, hi, color="#d95f02", alpha=0.15, gid="automatic-better",
                       label="automatic reaction better\n(higher collective payoff)" if k == 0 else None)
    top.set_ylabel("collective system's expected\npayoff per violation (utils)")
    top.set_title("Which reaction is better for the collective system: its expected payoff", fontsize=11)
    top.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    for ax in (top, bottom):
        ax.set_xlabel("probability that a contested reaction escalates into war")
        probability_axis(ax, "x")
    bottom.set_ylabel("probability of war\nper violation of peace")
    bottom.set_title("What it costs: the probability of war", fontsize=11)
    probability_axis(bottom)
    bottom.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    det = x[df.deterred_automatic.to_numpy() & ~df.deterred_discretionary.to_numpy()]
    equal = x[better == "equal"]
    band = " and ".join(f"{lo:.2f}-{hi:.2f}" for lo, hi in runs)
    text = ("Model: EscalationModel, an escalation ladder solved by backward induction and checked against its "
            "normal form's pure equilibria (games.equilibria). "
            "A challenger violates the peace or not; half of all violations are incidents nobody chose. An "
            "automatic collective system reacts to every violation; a discretionary one assesses each (at a "
            "cost) and may accommodate or ignore it; a confronted party backs down or escalates, risking war. "
            "The top panel is what decides which regime is better: the collective system's expected payoff per "
            "violation under each regime, against the chance that a contested reaction escalates; the band "
            "marks where the automatic regime's payoff is the higher "
            + (f"(escalation probability {band}). " if runs else "(nowhere on this grid). ")
            + "The bottom panel shows the probability of war that comes with each regime. "
            "Automaticity deters aggressions a discretionary system would accommodate "
            + (f"(escalation probability {det.min():.2f}-{det.max():.2f}), " if len(det) else "")
            + "and there deterrence is worth the wars it risks; at lower escalation probabilities it deters "
            "nobody and turns every violation into a confrontation, at higher ones the discretionary system "
            "deters too, while the automatic one still confronts parties accused of incidents, who escalate"
            + (f"; from {equal.min():.2f} on, nobody escalates and the two regimes are worth the same"
               if len(equal) else "") + ".")
    return ReportSection(slug="escalation-automatic-vs-discretionary", title="Automatic reaction and escalation",
                         claim=EscalationModel.claim, text=text, figure=fig, table=df,
                         summary=(f"automatic reaction better only for escalation probability in {band}"
                                  if runs else "automatic reaction never better"),
                         extra={"automatic_better": runs})


def _runs(x: np.ndarray, mask: np.ndarray) -> list[tuple[float, float]]:
    """The (first, last) ``x`` of each run of consecutive grid points where ``mask`` holds."""
    out: list[tuple[float, float]] = []
    start = None
    for k, m in enumerate(mask):
        if m and start is None:
            start = k
        if start is not None and (not m or k == len(mask) - 1):
            out.append((float(x[start]), float(x[k if m else k - 1])))
            start = None
    return out


@report_section("labelling-accuracy", model=LabellingModel)
def labelling_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Deterrence, wrongful sanctions and escalation against the accuracy of the label "aggressor".

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = labelling_section(quick=True)
    >>> sec.slug, sec.claim == LabellingModel.claim, len(sec.table)
    ('labelling-accuracy', True, 11)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    acc = np.linspace(0.5, 1.0, 11 if quick else 51)
    model = LabellingModel()
    df = sweep(model, {"accuracy": acc}, executor=executor, progress=False)
    a0 = model.sanctioning_accuracy
    fig, ax = report_figure(figsize=(8, 4.2))
    ax.plot(df.accuracy, df.deterrence, color="#1b9e77", lw=2, label="deterrence (aggressor refrains)")
    ax.plot(df.accuracy, df.wrongful_sanction_probability, color="#d95f02", lw=2,
            label="wrongful sanction (victim or innocent sanctioned)")
    ax.plot(df.accuracy, df.escalation_probability, color="#7570b3", lw=2, label="escalation")
    ax.plot(df.accuracy, df.strict_wrongful_sanction_probability, color="#d95f02", lw=1.5, ls=":",
            label="wrongful sanction under a strict status-quo rule")
    ax.axvline(a0, color="k", lw=0.8, ls="--")
    ax.text(a0 + 0.005, 0.92, "mechanism starts\nto sanction", fontsize=8)
    ax.set_xlabel("accuracy of the signal labelling the aggressor")
    ax.set_ylabel("probability (per period, in equilibrium)")
    probability_axis(ax)
    ax.set_title("Sanctioning the party labelled as aggressor", fontsize=11)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.tight_layout()
    text = ("Model: LabellingModel, a 2x2 inspection game solved by games.equilibria; the lines are equilibrium "
            "probabilities against the signal's accuracy. A potential aggressor attacks or refrains; "
            "a collective mechanism sanctions "
            "whichever party a noisy signal labels as aggressor, or abstains; incidents happen even in peace. "
            f"Below accuracy {a0:.2f} sanctioning does the mechanism more harm than good (wrongful sanctions "
            "are resisted and escalate), so aggression goes unchecked; above it, better labelling raises "
            "deterrence and cuts wrongful sanctions. A strict rule that always sanctions the labelled party "
            "deters from lower accuracy but sanctions wrongly in every incident, and most of all where the "
            "labelling is contested.")
    return ReportSection(slug="labelling-accuracy", title="Who should be labelled aggressor",
                         claim=LabellingModel.claim, text=text, figure=fig, table=df,
                         summary=(f"deterrence {df.deterrence.iloc[0]:.2f} at accuracy {acc[0]:.2f} -> "
                                  f"{df.deterrence.iloc[-1]:.2f} at {acc[-1]:.2f}"))
