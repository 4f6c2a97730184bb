"""Report section: Jervis's four worlds of the security dilemma as games."""

from __future__ import annotations

from typing import Any

import numpy as np

from games import plot

from ..report_base import ReportSection

__all__ = ["sections"]

CLAIM = ("The advantages of collective security systems stem not only from the fact that they are more efficient "
         "in fighting aggression, but also from the fact that they strengthen international cooperation and "
         "trust, thus making aggression less likely.")

COLOURS = {
    "prisoner's dilemma": "#d95f02",
    "stag hunt": "#7570b3",
    "chicken": "#e6ab02",
    "harmony": "#1b9e77",
    "assurance": "#a6761d",
    "deadlock": "#e7298a",
    "non-strict": "#bbbbbb",
}


def _worlds_section(quick: bool, executor: Any) -> ReportSection:
    import matplotlib.pyplot as plt

    from ..security_dilemma import JERVIS_TABLE, jervis_worlds, security_dilemma_sweep

    # even grid sizes keep the boundaries (no advantage, half distinguishable) off the grid
    off = np.linspace(-0.975, 0.975, 10 if quick else 40)
    dist = np.linspace(0.0125, 0.9875, 10 if quick else 40)
    df = security_dilemma_sweep(offence_advantage=off, distinguishability=dist, executor=executor)
    worlds = jervis_worlds()
    fig, ax = plt.subplots(figsize=(8.5, 4.5))
    plot.regime_map(df, "offence_advantage", "distinguishability", "game_type", colours=COLOURS,
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
                         claim=CLAIM, text=text, figure=fig, table=df,
                         summary="; ".join(f"world {w}: {t}" for w, t in rows["game_type"].items()),
                         extra={"worlds": worlds})


def sections(quick: bool = False, executor: Any = None) -> list[ReportSection]:
    """Jervis's four worlds as a map of game types.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> [s.slug for s in sections(quick=True)]
    ['security-dilemma-four-worlds']
    """
    return [_worlds_section(quick, executor)]
