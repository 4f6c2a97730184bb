"""The security dilemma as an assurance problem (a stag hunt).

The essay: collective security systems "strengthen international cooperation and trust, thus making
aggression less likely". The exercise classifies the game with
:func:`models.security_dilemma.classify_symmetric` and asks for the assurance threshold.

Examples
--------
>>> from models.exercises import generate
>>> generate("security-dilemma", 0).answer["game"]
'stag hunt'
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from games import NormalFormGame
from models.security_dilemma import assurance_threshold, classify_symmetric

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import nice
from ..text import tex_number as tex

__all__: list[str] = []


@exercise_topic("security-dilemma", title="The security dilemma as an assurance problem",
                summary="classify a 2x2 security game and find the assurance threshold of restraint")
def security_dilemma(draw: Draw) -> Exercise | None:
    """A stag hunt R > T > P > S; restraint is a best response iff q >= (P - S)/((R - T) + (P - S))."""
    S, P, T, R = sorted(int(v) for v in draw.rng.choice(np.arange(0, 10), size=4, replace=False))
    q = Fraction(P - S, (R - T) + (P - S))
    kind = classify_symmetric(T=T, R=R, P=P, S=S)
    if not nice(q) or kind != "stag hunt" or abs(assurance_threshold(T=T, R=R, P=P, S=S) - float(q)) > 1e-12:
        return None
    g = NormalFormGame.from_bimatrix([[R, S], [T, P]], [[R, T], [S, P]], players=["Row", "Column"],
                                     actions=[["restrain", "arm"], ["restrain", "arm"]])
    steps = [
        rf"Ordering: $R = {R} > T = {T} > P = {P} > S = {S}$. Mutual restraint is best, but restraining "
        "alone is worst: the security dilemma as a stag hunt (an assurance problem).",
        r"If the other restrains with probability $q$, restraint pays $qR + (1-q)S$ and arming $qT + (1-q)P$.",
        rf"Restraint is a best response when ${R}q + {S}(1-q) \ge {T}q + {P}(1-q)$, i.e. "
        rf"$q \ge \frac{{P - S}}{{(R - T) + (P - S)}} = {tex(q)}$.",
    ]
    return draw.exercise(
        question=("Two states choose to restrain or to arm; the table gives their payoffs. (a) Which classic "
                  "game is this (prisoner's dilemma, stag hunt or chicken)? (b) What is the least probability "
                  "$q$ that the other state restrains for restraint to be a best response?"),
        answer={"game": kind, "q": q}, labels={"game": "Game", "q": "Least $q$"},
        answer_format="{'game': name, 'q': fraction}", solution=steps, game=g,
        # at q both actions pay the same: the mixed equilibrium, and the two pure ones
        equilibria=[[[q, 1 - q], [q, 1 - q]], [[1, 0], [1, 0]], [[0, 1], [0, 1]]])
