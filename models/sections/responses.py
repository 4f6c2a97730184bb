"""Report section: which response mode wins where (urgency x cohesion), and the Slocombe rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from games import plot

from ..report_base import ReportSection

__all__ = ["regime_map", "sections"]

CLAIM = ("Collective retaliation of an aggression could diminish unilateral retaliation, which could be less "
         "powerful but more rapid. Multilateral response is less flexible but more powerful. Comparing to "
         "these two, effectiveness of military alliances lies somewhere in-between.")

MODE_COLOURS = {"unilateral": "#d95f02", "alliance": "#7570b3", "collective": "#1b9e77"}


def regime_map(ax: Any, df: Any, x: str, y: str, label: str, colours: dict[str, str],
               order: Sequence[str] | None = None, legend_title: str = "") -> Any:
    """Draw a categorical regime map of a sweep table on ``ax`` and return its legend.

    The call signature the notebooks use; the drawing is :func:`games.plot.regime_map` (one colour per
    label, labels not in ``colours`` grey, the legend in ``order`` or the order of ``colours``).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> df = pd.DataFrame({"a": [0, 0, 1, 1], "b": [0, 1, 0, 1], "w": ["p", "q", "q", "q"]})
    >>> fig, ax = plt.subplots()
    >>> [t.get_text() for t in regime_map(ax, df, "a", "b", "w", {"p": "red", "q": "blue"}).get_texts()]
    ['p', 'q']
    >>> plt.close(fig)
    """
    plot.regime_map(df, x, y, label, colours=colours, order=order, legend_title=legend_title or None, ax=ax)
    return ax.get_legend()


def _regime_section(quick: bool, executor: Any) -> ReportSection:
    import matplotlib.pyplot as plt

    from ..responses import ResponseModel, evaluate_rule, response_sweep

    urg = np.linspace(0, 4, 11 if quick else 41)
    coh = np.linspace(0, 1, 6 if quick else 21)
    df = response_sweep(urgency=urg, cohesion=coh, executor=executor)
    rule = evaluate_rule(urgency=urg).set_index("strategy")
    fig, ax = plt.subplots(figsize=(8, 4.3))
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
    ax.set_title("Best response mode to an aggression", fontsize=11)
    fig.tight_layout()
    counts = df["best_mode"].value_counts().to_dict()
    m = ResponseModel()
    text = (f"Model: ResponseModel, solved by backward induction and checked against the normal form's pure "
            "equilibria (games.equilibria). The map shows the defenders' best mode at each urgency and cohesion. "
            f"An aggressor attacks or refrains; the defenders answer unilaterally, through an alliance or "
            f"through the collective system, whose power rises (effective {m.modes()['unilateral'].effective_power:.0f}, "
            f"{m.modes()['alliance'].effective_power:.1f}, {m.modes()['collective'].effective_power:.0f} force units) "
            "while its delay and rigidity rise too; damage accrues while a response is organised. "
            "Unilateral action wins when the threat is urgent, collective action when there is time and "
            "the members actually contribute, the alliance in between. The rule 'unilateral if "
            "necessary, multilateral if possible' has a mean regret of "
            f"{rule.loc['rule', 'mean_regret']:.2f} across these urgencies, against "
            f"{rule.loc['unilateral', 'mean_regret']:.2f} for always unilateral and "
            f"{rule.loc['collective', 'mean_regret']:.2f} for always collective.")
    return ReportSection(slug="responses-regime-map", title="Unilateral, alliance or collective response",
                         claim=CLAIM, text=text, figure=fig, table=df,
                         summary=", ".join(f"{k} best at {v} points" for k, v in sorted(counts.items())),
                         extra={"rule": rule.reset_index()})


def sections(quick: bool = False, executor: Any = None) -> list[ReportSection]:
    """The response-mode regime map.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> [s.slug for s in sections(quick=True)]
    ['responses-regime-map']
    """
    return [_regime_section(quick, executor)]
