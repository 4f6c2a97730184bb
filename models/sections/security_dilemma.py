"""Report section: Jervis's four worlds of the security dilemma as games."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import plot, sweep

from ..registry import report_section
from ..report_base import ReportSection
from .figure import report_figure
from ..security_dilemma import GAME_TYPE_COLOURS, JERVIS_TABLE, SecurityDilemmaModel, jervis_worlds

__all__ = ["four_worlds_section"]


@report_section("security-dilemma-four-worlds", model=SecurityDilemmaModel)
def four_worlds_section(quick: bool = False, executor: Any = None) -> ReportSection:
    """Jervis's four worlds as a map of game types over offence advantage x distinguishability.

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
    worlds = jervis_worlds()
    fig, ax = report_figure(figsize=(8.5, 4.5))
    plot.regime_map(df, "offence_advantage", "distinguishability", "game_type", colours=GAME_TYPE_COLOURS,
                    legend_title="game (ordinal type)", ax=ax)
    for (o, d), label in JERVIS_TABLE.items():
        short = label.split(".")[1].strip().split(",")[0]
        ax.text(0.5 if o else -0.5, 0.75 if d else 0.25, f"world {label[0]}\n{short}", ha="center",
                va="center", fontsize=8, bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none"})
    ax.axvline(0, color="k", lw=0.8)
    ax.axhline(0.5, color="k", lw=0.8)
    ax.set_xlabel("offence advantage (negative: the defence has the advantage)")
    ax.set_ylabel("distinguishability of offensive\nand defensive postures")
    ax.set_title("Jervis (1978): the four worlds of the security dilemma", fontsize=11)
    fig.tight_layout()
    rows = worlds.set_index("world")
    text = ("Model: SecurityDilemmaModel; each cell's symmetric 2x2 game is classified by its ordinal payoffs "
            "and solved by games.equilibria. Two states choose defensive or offensive postures. "
            "The offence advantage sets the temptation to "
            "exploit a defensive neighbour, distinguishability the danger of staying defensive when the other "
            "arms. The four worlds become the prisoner's dilemma (no cooperative equilibrium; reciprocity "
            f"needs a discount factor above {rows.loc[1, 'critical_discount']:.2f}), the stag hunt (cooperation "
            f"is an equilibrium if each believes the other cooperates with probability >= "
            f"{rows.loc[2, 'assurance_threshold']:.2f}), chicken and harmony (mutual restraint the only "
            "equilibrium) - Jervis's table, reproduced. A regime that makes postures legible moves states up "
            "the map, out of the dilemma.")
    return ReportSection(slug="security-dilemma-four-worlds", title="The security dilemma: Jervis's four worlds",
                         claim=SecurityDilemmaModel.claim, text=text, figure=fig, table=df,
                         summary="; ".join(f"world {w}: {t}" for w, t in rows["game_type"].items()),
                         extra={"worlds": worlds})
