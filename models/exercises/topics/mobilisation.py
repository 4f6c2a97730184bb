"""Mobilisation under uncertainty: a defender that cannot see whether the challenger has mobilised.

The essay: "An agreement on reasonable and transparent criteria of imminent threat could create a legal basis
for collective action". The answer is derived from the indifference conditions and checked against the
sequence-form equilibrium of :meth:`models.mobilisation.MobilisationModel.game`.

Examples
--------
>>> from models.exercises import generate
>>> 0 <= generate("mobilisation", 0).answer["revisionist_mobilises"] <= 1
True
"""

from __future__ import annotations

from fractions import Fraction

from models.mobilisation import MobilisationModel

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import tex_number as tex

__all__: list[str] = []


@exercise_topic("mobilisation", title="Mobilisation when the defender cannot see",
                summary="how often a revisionist mobilises and an unsure defender counter-mobilises")
def mobilisation(draw: Draw) -> Exercise | None:
    """Revisionist share pi, transparency t; the revisionist and the unsure defender mix."""
    pi = draw.choice([Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)])
    t = draw.choice([Fraction(0), Fraction(1, 5), Fraction(1, 4), Fraction(1, 3)])
    g, m, s = draw.choice([2, 3]), 1, Fraction(1, 2)
    L, c = draw.choice([4, 6]), 1
    if t >= Fraction(g, g + m) or pi <= Fraction(c, L):
        return None
    x = Fraction(c) / (pi * L)
    q = (g - m * t / (1 - t)) / (g + m - s)
    model = MobilisationModel(revisionist_share=pi, transparency=t, attack_gain=g, mobilisation_cost=m,
                              spiral_cost=s, attack_loss=L, defence_cost=c)
    b = model.equilibrium().behaviour
    if (b["revisionist"]["mobilise"], b["sees nothing"]["mobilise"]) != (x, q):
        raise RuntimeError(  # pragma: no cover
            f"mobilisation {pi}, {t}: the tree's equilibrium differs from the hand derivation")
    steps = [
        rf"A verified mobilisation is met ($-c = -{c} > -L = -{L}$) and a verified quiet challenger is left alone.",
        rf"Unverified, the defender mobilises (cost $c$ whatever happened) or waits (loses $L$ if the challenger "
        rf"mobilised): it is indifferent when $\pi x L = c$, so $x = c / (\pi L) = {tex(x)}$.",
        rf"The revisionist is indifferent when mobilising, $-t m + (1-t)(-q m + (1-q) g)$, equals staying, "
        rf"$-(1-t) q s$: $q = (g - m t/(1-t)) / (g + m - s) = {tex(q)}$.",
    ]
    return draw.exercise(
        question=(rf"A challenger is revisionist with probability $\pi = {tex(pi)}$. A revisionist mobilises "
                  rf"(probability $x$) or stays; with probability $t = {tex(t)}$ the defender sees what it did, "
                  r"otherwise it sees nothing, and mobilises (probability $q$ when it sees nothing) or waits. "
                  rf"Mobilisation met: challenger $-m = -{m}$, defender $-c = -{c}$. Mobilisation not met: "
                  rf"challenger $g = {g}$, defender $-L = -{L}$. A quiet challenger met by mobilisation: "
                  rf"challenger $-s = -{tex(s)}$, defender $-c$; otherwise $0, 0$. In the equilibrium, (a) what is "
                  r"$x$ and (b) what is $q$?"),
        answer={"revisionist_mobilises": x, "defender_mobilises_unverified": q},
        labels={"revisionist_mobilises": "Revisionist mobilises $x$",
                "defender_mobilises_unverified": "Unsure defender mobilises $q$"},
        answer_format="{'revisionist_mobilises': fraction, 'defender_mobilises_unverified': fraction}",
        solution=steps)
