"""Responses to aggression: deterrence by a collective response that arrives late.

The essay's rule for the choice of response: "unilateral if necessary, but multilateral if possible".
The threshold and the rule come from :class:`models.responses.ResponseModel`.

Examples
--------
>>> from models.exercises import generate
>>> generate("responses", 0).answer["rule"] in ("unilateral", "collective")
True
"""

from __future__ import annotations

from fractions import Fraction

from models.responses import ResponseModel

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import nice
from ..text import tex_number as tex

__all__: list[str] = []


@exercise_topic("responses", title="Responding to aggression: deterrence by a collective response",
                summary="the deterrence threshold of a delayed collective response and the choice of response")
def responses(draw: Draw) -> Exercise | None:
    """Deterrence threshold s* = (g + u d)/(g + l); collective when the damage u d is tolerable (<= 2)."""
    gain, loss = int(draw.rng.integers(1, 7)), int(draw.rng.integers(1, 7))
    urgency = Fraction(int(draw.rng.integers(1, 3)), 2)
    delay = int(draw.rng.integers(1, 5))
    threshold = (Fraction(gain) + urgency * delay) / (gain + loss)
    if threshold >= 1 or not nice(threshold):
        return None
    m = ResponseModel(aggressor_gain=float(gain), aggressor_loss=float(loss), urgency=float(urgency),
                      collective_delay=float(delay), tolerable_damage=2.0)
    if abs(m.deterrence_threshold("collective") - float(threshold)) > 1e-12:
        return None
    rule = m.rule_mode()
    damage = urgency * delay
    steps = [
        r"Attacking is worth $u d + (1 - s) g - s l$ to the aggressor: it keeps what it seized during the "
        r"delay, gains $g$ if the response fails and loses $l$ if it succeeds (probability $s$).",
        r"It is deterred when this is at most 0: $u d + g \le s (g + l)$, i.e. $s \ge \frac{g + u d}{g + l}$.",
        rf"$s^* = \frac{{{gain} + {tex(urgency)} \cdot {delay}}}{{{gain} + {loss}}} = {tex(threshold)}$.",
        rf"Damage while waiting for the collective response: $u d = {tex(damage)}$; the tolerable damage is 2, so the "
        f"rule 'unilateral if necessary, multilateral if possible' chooses the {rule} response.",
    ]
    return draw.exercise(
        question=(f"An aggressor gains $g = {gain}$ if its aggression succeeds and loses $l = {loss}$ if it is "
                  rf"repelled. A collective response arrives after a delay $d = {delay}$, during which the "
                  rf"aggressor gains $u = {tex(urgency)}$ per unit of time. In this model the aggressor is "
                  r"deterred when the response succeeds with probability $s \ge (g + u d)/(g + l)$. "
                  "(a) Find this threshold. (b) The defender tolerates damage up to 2 while waiting; which "
                  "response (unilateral or collective) does the rule 'unilateral if necessary, "
                  "multilateral if possible' choose?"),
        answer={"threshold": threshold, "rule": rule},
        labels={"threshold": "Deterrence threshold $s^*$", "rule": "Response chosen"},
        answer_format="{'threshold': fraction, 'rule': 'unilateral' | 'collective'}", solution=steps)
