"""Report section: which response mode wins where (urgency x cohesion), and the Slocombe rule."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import plot, sweep

from ..registry import report_section
from ..report_base import ReportSection
from ..responses import MODE_COLOURS, ResponseModel, evaluate_rule
from .figure import probability_axis, report_figure

__all__ = ["regime_map_section"]


@report_section("responses-regime-map", model=ResponseModel)
def regime_map_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """The defenders' best response mode over urgency x cohesion, with the deterrence frontier.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = regime_map_section(quick=True)
    >>> sec.slug, sec.claim == ResponseModel.claim, len(sec.table)
    ('responses-regime-map', True, 66)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    urg = np.linspace(0, 4, 11 if quick else 41)
    coh = np.linspace(0, 1, 6 if quick else 21)
    df = sweep(ResponseModel(), {"urgency": urg, "cohesion": coh}, executor=executor, progress=False)
    rule = evaluate_rule(urgency=urg).set_index("strategy")
    fig, ax = report_figure(figsize=(8, 4.3))
    plot.regime_map(df, "urgency", "cohesion", "best_mode", colours=MODE_COLOURS,
                    legend_title="defenders' best mode", ax=ax)
    det = df.pivot(index="cohesion", columns="urgency", values="deterred").astype(float)
    if 0 < det.to_numpy().mean() < 1:
        from matplotlib.lines import Line2D

        ax.contour(det.columns, det.index, det.to_numpy(), levels=[0.5], colors="k", linestyles="--")
        modes_legend = ax.get_legend()
        ax.add_artist(modes_legend)
        ax.legend(handles=[Line2D([], [], color="k", ls="--", label="aggressor deterred\nleft of this line")],
                  fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 0.62))
    ax.set_xlabel("urgency of the threat (damage per unit of response delay)")
    ax.set_ylabel("cohesion of the collective system\n(share of members that contribute)")
    probability_axis(ax, "y")
    ax.set_title("Best response mode to an aggression", fontsize=11)
    fig.tight_layout()
    # cells where the defenders' own choice (made after the attack) forfeits deterrence: they prefer the
    # slower collective response, which the aggressor expects to profit from, to an alliance that would deter
    lost = df[(df.best_mode == "collective") & ~df.deterred & (df.aggressor_value_alliance < 0)]
    counts = df["best_mode"].value_counts().to_dict()
    modes = ResponseModel().modes()
    text = ("Model: ResponseModel, solved by backward induction and checked against the normal form's pure "
            "equilibria (games.equilibria). The map shows the defenders' best mode at each urgency and cohesion. "
            "An aggressor attacks or refrains; the defenders answer unilaterally, through an alliance or "
            "through the collective system, whose power rises (effective "
            f"{modes['unilateral'].effective_power:.0f}, {modes['alliance'].effective_power:.1f}, "
            f"{modes['collective'].effective_power:.0f} force units) "
            "while its delay and rigidity rise too; damage accrues while a response is organised. "
            "Unilateral action wins when the threat is urgent, collective action when there is time and "
            "the members actually contribute, the alliance in between. The rule 'unilateral if "
            "necessary, multilateral if possible' has a mean regret of "
            f"{rule.loc['rule', 'mean_regret']:.2f} across these urgencies, against "
            f"{rule.loc['unilateral', 'mean_regret']:.2f} for always unilateral and "
            f"{rule.loc['collective', 'mean_regret']:.2f} for always collective."
            + ((" The deterrence line bends back where the collective system first becomes the defenders' best "
                f"mode (cohesion {_span(lost.cohesion)}, urgency {_span(lost.urgency)}): the defenders choose "
                "their mode after the attack, for their own payoff (the collective system's cost is shared by "
                "more contributors), not for deterrence; the collective response is slower, so the aggressor "
                "expects to gain more while it is organised (urgency x delay) than the better chance of being "
                "repelled costs it, whereas the alliance it displaces would have deterred. Higher cohesion makes "
                "the collective response strong enough to deter again.") if len(lost) else ""))
    return ReportSection(slug="responses-regime-map", title="Unilateral, alliance or collective response",
                         claim=ResponseModel.claim, text=text, figure=fig, table=df,
                         summary=", ".join(f"{k} best at {v} points" for k, v in sorted(counts.items())),
                         extra={"rule": rule.reset_index(), "deterrence_lost_to_collective": lost})


def _span(values: Any) -> str:
    """``lo-hi`` of a column, or the single value when they are equal."""
    lo, hi = float(values.min()), float(values.max())
    return f"{lo:.2f}" if lo == hi else f"{lo:.2f}-{hi:.2f}"
