"""Labelling the aggressor: sanctions on a noisy signal (an inspection game).

The essay: in a conflict "both participants and mediators to a conflict often argue on who should be
labeled as aggressor". The game is :meth:`models.labelling.LabellingModel.game`, solved by the engine
and checked against the closed form.

Examples
--------
>>> from models.exercises import generate
>>> sorted(generate("labelling", 0).answer)
['attack', 'min_accuracy', 'sanction']
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

import games
from games import NormalFormGame
from models.labelling import LabellingModel

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import exact, nice
from ..text import tex_number as tex

__all__: list[str] = []

_ACCURACY = [Fraction(2, 3), Fraction(3, 4), Fraction(4, 5), Fraction(5, 6), Fraction(1)]
_INCIDENTS = [Fraction(1, 5), Fraction(1, 4), Fraction(1, 3), Fraction(1, 2)]


def _exact_game(game: NormalFormGame) -> NormalFormGame:
    table = np.vectorize(lambda v: exact(v, "payoff"), otypes=[object])(game.payoffs)
    return NormalFormGame(table, players=game.players, actions=game.actions, title=game.title)


@exercise_topic("labelling", title="Who should be labelled aggressor? Sanctions on a noisy signal",
                summary="the least accuracy at which sanctions pay, and the mixed equilibrium of attack and sanction")
def labelling(draw: Draw) -> Exercise | None:
    """Attack x = r K/(D + r K), sanction y = g/(s (a - r/2)), least accuracy (c + z)/(v + z)."""
    a, r = draw.choice(_ACCURACY), draw.choice(_INCIDENTS)
    g, s, v = int(draw.rng.integers(1, 5)), int(draw.rng.integers(2, 9)), int(draw.rng.integers(2, 9))
    c, w = int(draw.rng.integers(0, 3)), int(draw.rng.integers(0, 4))
    war, loss = 2 * int(draw.rng.integers(1, 5)), int(draw.rng.integers(1, 6))
    e = Fraction(1, 2)
    z = w + e * war
    gain, cost = a * v - c - (1 - a) * z, c + z                    # D and K of the model's notes
    a_star = (c + z) / (v + z)
    if gain <= 0 or a_star >= 1 or not nice(a_star, 12):
        return None
    x, y = r * cost / (gain + r * cost), Fraction(g) / (s * (a - r / 2))
    if y >= 1 or not (nice(x, 12) and nice(y, 12)):
        return None
    params = {"incident_rate": r, "aggression_gain": g, "aggression_damage": loss, "sanction": s,
              "restoration_value": v, "sanction_cost": c, "wrongful_cost": w, "escalation_risk": e,
              "war_cost": war}
    game = _exact_game(LabellingModel(accuracy=a, **params).game())
    eqs = games.equilibria(game, exact=True)
    if len(eqs) != 1 or (eqs[0].profile[0][1], eqs[0].profile[1][1]) != (x, y) \
            or abs(LabellingModel(accuracy=a_star, **params).sanction_gain) > 1e-9:
        raise RuntimeError(f"labelling {params}, accuracy {a}: solver {eqs} differs from the "  # pragma: no cover
                           f"closed form x={x}, y={y}, a*={a_star}")
    A, B = game.exact_payoffs[..., 0], game.exact_payoffs[..., 1]
    steps = [
        rf"$K = c + w + eW = {c} + {w} + {tex(e)} \cdot {war} = {tex(cost)}$ and "
        rf"$D = av - c - (1-a)(w + eW) = {tex(a)} \cdot {v} - {c} - {tex(1 - a)} \cdot {tex(z)} = {tex(gain)}$.",
        rf"Sanctioning after an attack pays ($D \ge 0$) when $a \ge \frac{{c + w + eW}}{{v + w + eW}} = "
        rf"\frac{{{tex(cost)}}}{{{v} + {tex(z)}}} = {tex(a_star)}$.",
        "The table (aggressor, mechanism): refrain/abstain $(0, 0)$; refrain/sanction "
        rf"$({tex(A[0, 1])}, {tex(B[0, 1])})$; attack/abstain $({tex(A[1, 0])}, {tex(B[1, 0])})$; attack/sanction "
        rf"$({tex(A[1, 1])}, {tex(B[1, 1])})$. No pure profile is stable (an inspection game), so both mix.",
        rf"The aggressor is indifferent when $g - y a s = -y r s / 2$: $y = \frac{{g}}{{s (a - r/2)}} = {tex(y)}$.",
        rf"The mechanism is indifferent when $x D = (1 - x) r K$: $x = \frac{{r K}}{{D + r K}} = {tex(x)}$.",
    ]
    return draw.exercise(
        question=("A potential aggressor attacks or refrains; a collective mechanism sanctions the party its "
                  "signal labels as aggressor, or abstains. After an attack the signal names the aggressor with "
                  rf"probability (accuracy) $a = {tex(a)}$, otherwise the victim. Without an attack an incident "
                  rf"happens with probability $r = {tex(r)}$ and the signal labels either party at random. "
                  rf"Attacking gains $g = {g}$; a sanction costs the sanctioned party $s = {s}$. The mechanism "
                  rf"loses $l = {loss}$ from an attack, gains $v = {v}$ by sanctioning the true aggressor, pays "
                  rf"$c = {c}$ per sanction and, for a wrongful sanction, loses legitimacy $w = {w}$ and risks "
                  rf"escalation (probability $e = {tex(e)}$, cost $W = {war}$). Payoffs (aggressor, mechanism): "
                  r"refrain/abstain $(0, 0)$; refrain/sanction $(-rs/2, -rK)$; attack/abstain $(g, -l)$; "
                  r"attack/sanction $(g - as, -l + D)$, with $K = c + w + eW$ and $D = av - c - (1-a)(w + eW)$. "
                  "(a) What is the least accuracy at which sanctioning after an attack pays ($D \\ge 0$)? "
                  "(b) In the mixed equilibrium, with what probability $x$ does the aggressor attack and "
                  "(c) with what probability $y$ does the mechanism sanction?"),
        answer={"min_accuracy": a_star, "attack": x, "sanction": y},
        labels={"min_accuracy": "Least accuracy $a$", "attack": "$x$ (attack)", "sanction": "$y$ (sanction)"},
        answer_format="{'min_accuracy': fraction, 'attack': fraction, 'sanction': fraction}", solution=steps)
