"""Report sections: automatic versus discretionary reaction (escalation), and labelling the aggressor."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import sweep

from ..escalation import EscalationModel, regime_comparison
from ..labelling import LabellingModel
from ..registry import report_section
from ..report_base import ReportSection

__all__ = ["escalation_section", "labelling_section"]


@report_section("escalation-automatic-vs-discretionary", model=EscalationModel)
def escalation_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """War probability under an automatic and a discretionary reaction, against the escalation probability.

    Parameters
    ----------
    quick : bool
        A coarse grid (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Runs the sweep's points.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = escalation_section(quick=True)
    >>> sec.slug, sec.claim == EscalationModel.claim, len(sec.table)
    ('escalation-automatic-vs-discretionary', True, 21)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    import matplotlib.pyplot as plt

    ps = np.linspace(0, 1, 21 if quick else 101)
    df = regime_comparison(ps, executor=executor)
    fig, ax = plt.subplots(figsize=(8, 4.2))
    ax.plot(df.escalation_probability, df.war_probability_automatic, color="#d95f02", lw=2,
            label="war probability, automatic reaction")
    ax.plot(df.escalation_probability, df.war_probability_discretionary, color="#1b9e77", lw=2, ls="--",
            label="war probability, discretionary reaction")
    auto = df.escalation_probability[df.better_regime == "automatic"]
    if len(auto):
        ax.axvspan(auto.min(), auto.max(), color="#d95f02", alpha=0.12,
                   label="automaticity better for the system (it deters)")
    det = df.escalation_probability[df.deterred_automatic & ~df.deterred_discretionary]
    ax.set_xlabel("probability that a contested reaction escalates into war")
    ax.set_ylabel("probability of war per violation of peace")
    ax.set_title("Automatic vs discretionary collective reaction", fontsize=11)
    ax.set_ylim(-0.02, max(0.5, df.war_probability_automatic.max() + 0.05))
    ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    text = ("Model: EscalationModel, an escalation ladder solved by backward induction and checked against its "
            "normal form's pure equilibria (games.equilibria). The lines show the probability of war per violation "
            "under each regime as the chance that a contested reaction escalates grows. "
            "A challenger violates the peace or not; half of all violations are incidents nobody chose. An "
            "automatic collective system reacts to every violation; a discretionary one assesses each (at a "
            "cost) and may accommodate or ignore it; a confronted party backs down or escalates, risking war. "
            "Automaticity deters aggressions a discretionary system would accommodate "
            + (f"(escalation probability {det.min():.2f}-{det.max():.2f}), " if len(det) else "")
            + "but it turns incidents into confrontations that escalate: outside the shaded band the "
            "discretionary system does better.")
    return ReportSection(slug="escalation-automatic-vs-discretionary", title="Automatic reaction and escalation",
                         claim=EscalationModel.claim, text=text, figure=fig, table=df,
                         summary=(f"automatic reaction better only for escalation probability in "
                                  f"[{auto.min():.2f}, {auto.max():.2f}]" if len(auto) else
                                  "automatic reaction never better"))


@report_section("labelling-accuracy", model=LabellingModel)
def labelling_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Deterrence, wrongful sanctions and escalation against the accuracy of the label "aggressor".

    Parameters
    ----------
    quick : bool
        A coarse grid (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Runs the sweep's points.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = labelling_section(quick=True)
    >>> sec.slug, sec.claim == LabellingModel.claim, len(sec.table)
    ('labelling-accuracy', True, 11)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    import matplotlib.pyplot as plt

    acc = np.linspace(0.5, 1.0, 11 if quick else 51)
    model = LabellingModel()
    df = sweep(model, {"accuracy": acc}, executor=executor, progress=False)
    a0 = model.sanctioning_accuracy
    fig, ax = plt.subplots(figsize=(8, 4.2))
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
    ax.set_ylim(-0.02, 1.02)
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
