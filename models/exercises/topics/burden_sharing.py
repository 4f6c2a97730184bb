"""Burden sharing: a peace operation that needs forces from two of three members.

The essay: setting up collective security systems "may tempt many states to take advantage of their
membership without shouldering appropriate costs thereof". The threshold public good of
:class:`models.burden_sharing.ThresholdPublicGood` makes that a game; the exercise solves it by
pivotality.

Examples
--------
>>> from models.exercises import generate
>>> generate("burden-sharing", 0).answer["contributors"]
2
"""

from __future__ import annotations

from fractions import Fraction

from models.burden_sharing import ThresholdPublicGood

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import tex_number as tex

__all__: list[str] = []

_SMALL_ROOTS = [Fraction(1, 3), Fraction(1, 4), Fraction(1, 5), Fraction(1, 6), Fraction(2, 5)]


@exercise_topic("burden-sharing", title="Burden sharing: a force requirement", variants=len(_SMALL_ROOTS),
                summary="who contributes to an operation that needs two of three members (threshold public good)")
def burden_sharing(draw: Draw) -> Exercise | None:
    """Three members, success if two contribute; the symmetric mixed equilibria solve 2p(1-p) b = c."""
    p = draw.choice(_SMALL_ROOTS)
    ratio = 2 * p * (1 - p)                      # c / b: a contributor is pivotal with prob 2p(1-p)
    b, c = ratio.denominator, ratio.numerator
    game = ThresholdPublicGood(n=3, threshold=2, benefit=float(b), cost=float(c)).game()
    for root in (p, 1 - p):
        if game.regret([float(1 - root), float(root)]) > 1e-9:
            raise RuntimeError(f"threshold public good b={b}, c={c}: p = {root} is not an equilibrium")
    if game.count_regret((1, 2)) > 1e-9 or game.count_regret((0, 3)) <= 0:
        raise RuntimeError(f"threshold public good b={b}, c={c}: two contributors are not the pure equilibrium")
    steps = [
        "In a pure equilibrium where the operation succeeds exactly 2 contribute: a third would waste its cost, "
        "and each of the two is pivotal (without it the operation fails, and $b > c$).",
        r"In a symmetric mixed equilibrium a member is indifferent when it is pivotal often enough: "
        r"$b \cdot P(\text{exactly one of the other two contributes}) = c$, i.e. $2p(1-p)\,b = c$.",
        rf"With $c/b = {tex(ratio)}$: $p(1-p) = {tex(ratio / 2)}$, so $p = {tex(p)}$ or $p = {tex(1 - p)}$.",
    ]
    return draw.exercise(
        question=("Three member states can send forces to a peace operation that succeeds only if at least two "
                  f"of them do. Success is worth $b = {b}$ to each member; sending forces costs $c = {c}$. "
                  "(a) How many states contribute in a pure equilibrium in which the operation succeeds? "
                  "(b) Find the two symmetric mixed equilibria: the probabilities $p$ with which each state "
                  "contributes (give the smaller as p_low)."),
        answer={"contributors": 2, "p_low": p, "p_high": 1 - p},
        labels={"contributors": "Contributors in a pure equilibrium", "p_low": "Smaller $p$",
                "p_high": "Larger $p$"},
        answer_format="{'contributors': int, 'p_low': fraction, 'p_high': fraction}", solution=steps)
