"""Report section: Jervis's four worlds of the security dilemma as games."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import plot, sweep

from ..registry import report_section
from ..report_base import ReportSection
from ..security_dilemma import JERVIS_TABLE, SecurityDilemmaModel, jervis_worlds, restraint_discount
from .figure import probability_axis, report_figure

__all__ = ["four_worlds_section"]


@report_section("security-dilemma-four-worlds", model=SecurityDilemmaModel)
def four_worlds_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Jervis's four worlds continuously: the discount factor and the assurance cooperation needs, over both axes.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> sec = four_worlds_section(quick=True)
    >>> sec.slug, sec.claim == SecurityDilemmaModel.claim, len(sec.table)
    ('security-dilemma-four-worlds', True, 100)
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """

    # even grid sizes keep the boundaries (no advantage, half distinguishable) off the grid
    off = np.linspace(-0.975, 0.975, 10 if quick else 40)
    dist = np.linspace(0.0125, 0.9875, 10 if quick else 40)
    df = sweep(SecurityDilemmaModel(), {"offence_advantage": off, "distinguishability": dist}, executor=executor,
               progress=False)
    df["restraint_discount"] = [restraint_discount(*row) for row in df[["T", "R", "P", "S"]].to_numpy()]
    worlds = jervis_worlds()
    ranges = df.groupby("world").agg(
        game_type=("game_type", "first"), n_game_types=("game_type", "nunique"),
        discount_min=("restraint_discount", "min"), discount_max=("restraint_discount", "max"),
        assurance_min=("assurance_threshold", "min"), assurance_max=("assurance_threshold", "max"),
        mixed_min=("mixed_defensive", "min"), mixed_max=("mixed_defensive", "max"),
        equilibria=("n_equilibria", "max"), restraint_equilibrium=("cooperation_equilibrium", "any"))
    fig, (left, right) = report_figure(1, 2, figsize=(13, 4.8))
    panels = ((left, "restraint_discount", "least discount factor $\\delta^*$", "magma_r",
               "Shadow of the future mutual restraint needs"),
              (right, "assurance_threshold", "probability the other must stay defensive", "viridis",
               "Assurance a defensive posture needs"))
    for ax, col, bar, cmap, title in panels:
        plot.heatmap(df, "offence_advantage", "distinguishability", col, cmap=cmap, vmin=0, vmax=1,
                     colorbar_label=bar, ax=ax)
        ax.axvline(0, color="w", lw=1.2)
        ax.axhline(0.5, color="w", lw=1.2)
        for (o, d), label in JERVIS_TABLE.items():
            world = int(label[0])
            ax.text(0.5 if o else -0.5, 0.75 if d else 0.25, f"{world}: {ranges.loc[world, 'game_type']}",
                    ha="center", va="center", fontsize=8, gid="world",
                    bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none"})
        ax.set_xlabel("offence advantage (negative: the defence has the advantage)")
        ax.set_ylabel("distinguishability of offensive and defensive\npostures (chance a build-up is seen in time)")
        ax.set_title(title, fontsize=11)
        probability_axis(ax, "y")
    fig.tight_layout()
    r = ranges

    def span(world: int, col: str) -> str:
        return f"{r.loc[world, col + '_min']:.2f}-{r.loc[world, col + '_max']:.2f}"

    text = ("Model: SecurityDilemmaModel; each cell's symmetric 2x2 game is classified by its ordinal payoffs "
            "and solved by games.equilibria. Two states choose defensive or offensive postures; the offence "
            "advantage sets the temptation to exploit a defensive neighbour, distinguishability the danger of "
            "staying defensive when the other arms. The four quadrants are Jervis's four worlds: "
            "1, the prisoner's dilemma (doubly dangerous: mutual arming the only equilibrium), "
            "2, the stag hunt (mutual restraint and mutual arming both equilibria, and a mixed one), "
            "3, chicken (three equilibria: the two in which one state arms and the other stays defensive, and a "
            f"mixed one in which each stays defensive with probability {span(3, 'mixed')}; mutual restraint is "
            "not an equilibrium, since arming against a defensive neighbour pays) and "
            "4, harmony (mutual restraint the only equilibrium). "
            "Left: the least discount factor at which repeated play sustains mutual restraint, "
            "(T - R) / (T - max(P, S)), the punishment being the harshest equilibrium of the stage game; it "
            f"ranges over {span(1, 'discount')} in world 1 (it grows with the offence advantage only) and "
            f"{span(3, 'discount')} in world 3, and is 0 where restraint is already an equilibrium. "
            "Right: how likely the other must be to stay defensive for a defensive posture to pay; in the stag "
            f"hunt it ranges over {span(2, 'assurance')}, falling as postures become distinguishable and as "
            "the defence gains; it is 1 in the prisoner's dilemma and 0 in chicken and harmony, where a "
            "defensive posture is the best answer to an offensive neighbour. "
            "A regime that makes postures legible moves states up the map, out of the dilemma.")
    return ReportSection(slug="security-dilemma-four-worlds", title="The security dilemma: Jervis's four worlds",
                         claim=SecurityDilemmaModel.claim, text=text, figure=fig, table=df,
                         summary="; ".join(f"world {w}: {t}" for w, t in r["game_type"].items()),
                         extra={"worlds": worlds, "ranges": r.reset_index()})
