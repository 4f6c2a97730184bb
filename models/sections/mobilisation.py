"""Report section: how transparency about mobilisation changes attacks, false alarms and mobilisation."""

from __future__ import annotations

from typing import Any

from ..mobilisation import MobilisationModel, transparency_table
from ..registry import report_section
from ..report_base import ReportSection
from .figure import probability_axis, report_figure

__all__ = ["transparency_section"]


@report_section("mobilisation-transparency", model=MobilisationModel)
def transparency_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Equilibrium attack and false-alarm probabilities over transparency, for three revisionist shares.

    Parameters
    ----------
    quick : bool
        A coarse grid instead of the full one.
    executor : concurrent.futures.Executor, optional
        Unused (the table is small); accepted for the report's interface.

    Returns
    -------
    ReportSection

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = transparency_section(quick=True)
    >>> sec.slug, sec.claim == MobilisationModel.claim, len(sec.table)
    ('mobilisation-transparency', True, 18)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    ts = [k / 10 for k in range(0, 10, 2 if quick else 1)] + [0.95]
    df = transparency_table(ts, [0.2, 0.5, 0.8])
    m = MobilisationModel()
    fig, axes = report_figure(1, 2, figsize=(9, 3.8), sharex=True)
    for share, rows in df.groupby("revisionist_share"):
        axes[0].plot(rows["transparency"], rows["attack_probability"], marker="o", ms=3,
                     label=f"revisionist share {share:g}")
        axes[1].plot(rows["transparency"], rows["false_alarm_probability"], marker="o", ms=3,
                     label=f"revisionist share {share:g}")
    deter = m.attack_gain / (m.attack_gain + m.mobilisation_cost)
    for ax, what, title in zip(axes, ("attack (mobilisation not met)", "false alarm (quiet challenger met)"),
                               ("Attacks", "False alarms")):
        ax.axvline(deter, color="k", lw=0.8, ls="--", label="revisionist deterred to the right")
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7)
        ax.set_xlabel("transparency (chance the defender sees)")
        ax.set_ylabel(f"probability of {what}")
        probability_axis(ax, "x")
        probability_axis(ax, "y", full=False)
    fig.suptitle("Mobilisation under uncertainty: equilibria of the sequence form", fontsize=11)
    fig.tight_layout()
    text = ("Model: MobilisationModel, one equilibrium in behaviour strategies of a tree with chance moves and "
            "an information set (the defender that sees nothing cannot tell a mobilised revisionist from a quiet "
            "challenger), computed by the sequence form (games.equilibria(tree, method='sequence-form')). "
            "Without transparency the revisionist mobilises just often enough to make the unsure defender "
            "indifferent, and the defender answers with a mobilisation that is often a false alarm. "
            "Transparency lowers the false alarms; the unsure defender then mobilises less, so an unseen "
            "mobilisation is met less often and the attack risk rises, until from transparency "
            f"{deter:.2f} (dashed) a mobilisation is seen often enough that the revisionist no longer mobilises.")
    zero = df[df.transparency >= deter]
    return ReportSection(slug="mobilisation-transparency", title="Transparent criteria of imminent threat",
                         claim=MobilisationModel.claim, text=text, figure=fig, table=df,
                         summary=(f"no mobilisation at transparency >= {deter:.2f} "
                                  f"({int((zero.revisionist_mobilises == 0).sum())} of {len(zero)} points there)"))
