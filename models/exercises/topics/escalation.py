"""Escalation under an automatic reaction to every violation of peace.

The essay: "Automatic reaction to an aggression within a collective security system could even provoke
escalation of a conflict". The plan comes from backward induction on
:meth:`models.escalation.EscalationModel.solve` and is checked against the closed form.

Examples
--------
>>> from models.exercises import generate
>>> generate("escalation", 0).answer["aggressor"] in ("violate", "comply")
True
"""

from __future__ import annotations

from fractions import Fraction

from models.escalation import EscalationModel

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import tex_number as tex

__all__: list[str] = []

_ESCALATION_P = [Fraction(1, 6), Fraction(1, 5), Fraction(1, 4), Fraction(1, 3), Fraction(2, 5), Fraction(1, 2),
                 Fraction(3, 5), Fraction(2, 3), Fraction(3, 4)]
_HOSTILE = [Fraction(1, 4), Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)]


@exercise_topic("escalation", title="Automatic reaction and escalation",
                summary="deterrence, escalation and the chance of war under an automatic reaction")
def escalation(draw: Draw) -> Exercise | None:
    """The accused escalates iff p W < b_i; the aggressor violates iff max(-b, (1-p) g - p W) > 0."""
    g, b = int(draw.rng.integers(1, 7)), int(draw.rng.integers(1, 6))
    w = int(draw.rng.integers(2, 11))
    bi = int(draw.rng.integers(1, w))
    p, h = draw.choice(_ESCALATION_P), draw.choice(_HOSTILE)
    threshold = Fraction(bi, w)
    if p in (Fraction(g + b, g + w), Fraction(g, g + w), threshold):   # indifferent: no clean answer
        return None

    def plan(prob: Fraction):
        return EscalationModel(regime="automatic", escalation_probability=prob, hostile_share=h,
                               aggression_gain=g, backdown_cost=b, innocent_backdown_cost=bi,
                               war_cost_challenger=w).solve()

    spe = plan(p)
    aggressor, accused = spe.plan["challenger: violate?"], spe.plan["challenger: incident confronted"]
    escalates = (1 - p) * g - p * w > -b
    closed = ("violate" if escalates and (1 - p) * g - p * w > 0 else "comply",
              "escalate" if p < threshold else "back down")
    eps = Fraction(1, 1000)
    edges = (plan(threshold - eps).plan["challenger: incident confronted"],
             plan(min(threshold + eps, Fraction(1))).plan["challenger: incident confronted"])
    if (aggressor, accused) != closed or edges != ("escalate", "back down") or not spe.unique:
        raise RuntimeError(f"escalation g={g}, b={b}, b_i={bi}, W={w}, p={p}: the model's plan "  # pragma: no cover
                           f"{aggressor, accused, edges} differs from the closed form {closed}")
    war_h = p if aggressor == "violate" else Fraction(0)
    war_i = p if accused == "escalate" else Fraction(0)
    war = h * war_h + (1 - h) * war_i
    steps = [
        rf"After an incident the automatic system reacts. The accused party loses $b_i = {bi}$ by accepting blame, "
        rf"and $p W = {tex(p)} \cdot {w} = {tex(p * w)}$ in expectation by escalating (a stand-off costs it nothing).",
        rf"It escalates when $p W < b_i$, i.e. $p < b_i / W = {tex(threshold)}$; here $p = {tex(p)}$, so it "
        f"{'escalates' if accused == 'escalate' else 'backs down'}.",
        rf"A confronted aggressor gets $-b = -{b}$ by backing down and $(1-p) g - p W = {tex((1 - p) * g - p * w)}$ "
        f"by escalating, so it would {'escalate' if escalates else 'back down'}.",
        ("Violating therefore pays more than complying (0): the aggressor violates."
         if aggressor == "violate" else
         "Either way violating pays less than complying (0): the aggressor complies, deterred."),
        rf"War probability: $h \cdot {tex(war_h)} + (1 - h) \cdot {tex(war_i)} = {tex(h)} \cdot {tex(war_h)} + "
        rf"{tex(1 - h)} \cdot {tex(war_i)} = {tex(war)}$.",
    ]
    return draw.exercise(
        question=("A collective security system is committed to react automatically to every violation of "
                  rf"peace. A violation is a deliberate aggression with probability $h = {tex(h)}$ and otherwise "
                  "an incident that nobody chose, for which a party is accused. A reaction confronts the "
                  "aggressor (or the accused party), who backs down or escalates; an escalation becomes a war "
                  rf"with probability $p = {tex(p)}$, costing it $W = {w}$, and otherwise ends in a stand-off in "
                  rf"which it keeps what it had. The aggressor gains $g = {g}$ from a violation that stands and "
                  rf"loses $b = {b}$ by backing down; an accused party loses $b_i = {bi}$ by accepting blame for "
                  "an incident. Complying is worth 0. (a) Does a would-be aggressor violate or comply? "
                  "(b) Below what escalation probability does an accused party escalate? (c) Does it escalate "
                  "here or back down? (d) What is the probability of war?"),
        answer={"aggressor": aggressor, "threshold": threshold, "accused": accused, "war": war},
        labels={"aggressor": "The would-be aggressor", "threshold": "Escalation threshold $b_i / W$",
                "accused": "The accused party", "war": "Probability of war"},
        answer_format=("{'aggressor': 'violate' | 'comply', 'threshold': fraction, "
                       "'accused': 'escalate' | 'back down', 'war': fraction}"),
        solution=steps)
