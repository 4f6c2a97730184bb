"""Reciprocity institutionalised: a sanction that needs consensus lengthens the shadow of the future.

The essay: international regimes "strengthen and institutionalize" reciprocity; sanctions need
consensus. The consensus probability and expected sanction come from
:class:`models.reciprocity.ReciprocityRegime`, the thresholds from :func:`games.repeated.critical_discount`.

Examples
--------
>>> from models.exercises import generate
>>> a = generate("reciprocity", 0).answer
>>> a["delta_with"] < a["delta_without"]
True
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from games import NormalFormGame
from games.repeated import GRIM, critical_discount
from models.reciprocity import ReciprocityRegime

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import exact, nice
from ..text import tex_number as tex

__all__: list[str] = []

_AGREE = [Fraction(1, 2), Fraction(1, 3), Fraction(2, 3)]


def _exact_game(game: NormalFormGame) -> NormalFormGame:
    """A model's float game with each payoff replaced by the simple fraction it stands for."""
    table = np.vectorize(lambda v: exact(v, "payoff"), otypes=[object])(game.payoffs)
    return NormalFormGame(table, players=game.players, actions=game.actions, title=game.title)


@exercise_topic("reciprocity", title="Reciprocity institutionalised: a sanction that needs consensus",
                summary="grim trigger's discount threshold with and without a sanction that needs consensus")
def reciprocity(draw: Draw) -> Exercise | None:
    """A prisoner's dilemma and a fine f agreed by k of n members; T' = T - f P(consensus)."""
    S, P, R, T = sorted(int(v) for v in draw.rng.choice(np.arange(0, 10), size=4, replace=False))
    n = int(draw.rng.integers(2, 4))
    k = int(draw.rng.integers(1, n + 1))
    a = draw.choice(_AGREE)
    fine = int(draw.rng.integers(1, 13))
    stage = {"temptation": T, "reward": R, "punishment": P, "sucker": S, "noise": 0, "reputation": 0,
             "norm": "GRIM"}
    regime = ReciprocityRegime(**stage, fine=fine, members=n, quorum=k, agree=a)
    consensus = exact(regime.consensus(), "consensus probability")
    sanction = exact(regime.expected_sanction(), "expected sanction")
    t_eff = T - sanction
    if not nice(sanction, 2) or t_eff <= R:
        return None
    closed = (Fraction(T - R, T - P), (t_eff - R) / (t_eff - P))
    if not nice(closed[1], 12):
        return None
    base_game = _exact_game(ReciprocityRegime(**stage).game())
    d0 = Fraction(critical_discount(base_game, GRIM, GRIM))
    d1 = Fraction(critical_discount(_exact_game(regime.game()), GRIM, GRIM))
    if (d0, d1) != closed:  # pragma: no cover - guarded by games.repeated's and the model's tests
        raise RuntimeError(f"reciprocity T={T}, R={R}, P={P}, fine={fine}: critical_discount {d0}, {d1} "
                           f"differs from (T-R)/(T-P) {closed}")
    terms = " + ".join(rf"\binom{{{n}}}{{{m}}}\left({tex(a)}\right)^{{{m}}}\left({tex(1 - a)}\right)^{{{n - m}}}"
                       for m in range(k, n + 1))
    steps = [
        rf"A sanction is agreed when at least {k} of the {n} members back it: $P = {terms} = {tex(consensus)}$.",
        rf"The expected sanction is $f P = {fine} \cdot {tex(consensus)} = {tex(sanction)}$, so arming against a "
        rf"restrained partner is worth $T' = T - fP = {T} - {tex(sanction)} = {tex(t_eff)}$.",
        rf"Without the regime grim trigger needs $\delta \ge \frac{{T-R}}{{T-P}} = "
        rf"\frac{{{T}-{R}}}{{{T}-{P}}} = {tex(d0)}$.",
        rf"With it: $\delta \ge \frac{{T'-R}}{{T'-P}} = \frac{{{tex(t_eff)}-{R}}}{{{tex(t_eff)}-{P}}} = {tex(d1)}$: "
        "the sanction, even one that needs consensus, lengthens the reach of reciprocity.",
    ]
    return draw.exercise(
        question=("Two states play the prisoner's dilemma below every period, discounting the future by "
                  r"$\delta$; their regime's norm is grim trigger (restrain until the other arms, then arm "
                  "forever). Regimes are decentralised: sanctions need consensus. A state that arms against "
                  rf"a restrained partner is fined $f = {fine}$ if at least $k = {k}$ of the regime's $n = {n}$ "
                  rf"members agree; each agrees independently with probability $a = {tex(a)}$. (a) What is "
                  r"the probability that a sanction is agreed? (b) What is the smallest $\delta$ at which grim "
                  r"trigger sustains restraint without the regime? (c) And with the regime's expected sanction?"),
        answer={"consensus": consensus, "delta_without": d0, "delta_with": d1},
        labels={"consensus": "Probability of consensus", "delta_without": r"Least $\delta$ without the regime",
                "delta_with": r"Least $\delta$ with the regime"},
        answer_format="{'consensus': fraction, 'delta_without': fraction, 'delta_with': fraction}",
        solution=steps, game=base_game)
