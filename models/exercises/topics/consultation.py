"""Consultation as correlation: checking a council's recommendation, and the best one in a chicken crisis.

The essay hopes for "a consultation mechanism on the problems of peacekeeping activities" in the
Collective Security Council. A council that recommends actions privately is a correlation device
(:mod:`models.consultation`): its recommendations are followed only when obeying pays, i.e. when they form
a correlated equilibrium (:func:`games.correlated_equilibrium`).

Examples
--------
>>> from models.exercises import generate
>>> sorted(generate("correlated-check", 0).answer), sorted(generate("consultation-chicken", 0).answer)
(['gain', 'is_ce'], ['payoff', 'restraint'])
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from games import NormalFormGame
from games.correlated import correlated_equilibrium, correlated_regret
from models.consultation import ACTIONS, chicken_closed_form

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import nice
from ..text import tex_number as tex

__all__: list[str] = []

F = Fraction
#: Candidate recommendations over (both hold back, A holds back, B holds back, both stand firm).
_CANDIDATES = [(F(1, 3), F(1, 3), F(1, 3), F(0)), (F(1, 2), F(1, 4), F(1, 4), F(0)), (F(0), F(1, 2), F(1, 2), F(0)),
               (F(1, 4), F(1, 4), F(1, 4), F(1, 4)), (F(1, 2), F(0), F(0), F(1, 2)), (F(2, 3), F(1, 6), F(1, 6), F(0)),
               (F(1, 5), F(2, 5), F(2, 5), F(0))]


def _chicken(draw: Draw) -> tuple[int, int, int, int]:
    """Integers T > R > S > P (a chicken crisis)."""
    P, S, R, T = sorted(int(v) for v in draw.rng.choice(np.arange(0, 10), size=4, replace=False))
    return R, T, S, P


def _game(R: int, T: int, S: int, P: int) -> NormalFormGame:
    return NormalFormGame.from_bimatrix([[R, S], [T, P]], [[R, T], [S, P]], players=["A", "B"],
                                        actions=[ACTIONS, ACTIONS])


@exercise_topic("correlated-check", title="Is the council's recommendation followed?", kind="game theory",
                summary="check whether a distribution of recommendations in a 2x2 crisis is a correlated equilibrium")
def correlated_check(draw: Draw) -> Exercise | None:
    """A chicken crisis and a distribution over the four profiles; is it a correlated equilibrium?"""
    R, T, S, P = _chicken(draw)
    g = _game(R, T, S, P)
    want = draw.choice(["yes", "no"])  # half the exercises show a recommendation that is followed
    cf = chicken_closed_form(R, T, S, P)
    candidates = [*_CANDIDATES, (cf["restraint"], cf["each_asymmetric"], cf["each_asymmetric"], F(0))]
    fitting = [cand for cand in candidates if nice(cand[0]) and nice(cand[1])
               and (correlated_regret(g, np.array([cand[:2], cand[2:]], dtype=object)) == 0) == (want == "yes")]
    if not fitting:
        return None
    a, b, c, d = draw.choice(fitting)  # (hold, hold), (A holds, B firm), (A firm, B holds), (firm, firm)
    x = np.array([[a, b], [c, d]], dtype=object)
    gain = correlated_regret(g, x)
    # by hand, for A (B is symmetric with b and c swapped): told to hold back (a, b), told to stand firm (c, d)
    steps = [rf"The council recommends (hold, hold) w.p. ${tex(a)}$, (A holds, B firm) ${tex(b)}$, "
             rf"(A firm, B holds) ${tex(c)}$ and (firm, firm) ${tex(d)}$; each member hears only its own action."]
    gains = []
    for who, (h1, h2, f1, f2) in (("A", (a, b, c, d)), ("B", (a, c, b, d))):
        # told hold back: the other holds w.p. h1, stands firm w.p. h2 (unnormalised weights)
        obey, dev = h1 * R + h2 * S, h1 * T + h2 * P
        steps.append(rf"{who} told to hold back: obeying pays ${tex(h1)} \cdot {R} + {tex(h2)} \cdot {S} = "
                     rf"{tex(obey)}$, standing firm ${tex(h1)} \cdot {T} + {tex(h2)} \cdot {P} = {tex(dev)}$ "
                     "(weights, not yet divided by the chance of the message).")
        gains.append(dev - obey)
        obey, dev = f1 * T + f2 * P, f1 * R + f2 * S
        steps.append(rf"{who} told to stand firm: obeying pays ${tex(f1)} \cdot {T} + {tex(f2)} \cdot {P} = "
                     rf"{tex(obey)}$, holding back ${tex(f1)} \cdot {R} + {tex(f2)} \cdot {S} = {tex(dev)}$.")
        gains.append(dev - obey)
    worst = max(Fraction(0), *gains)
    if worst != gain:  # pragma: no cover - the hand working and the engine must agree
        raise AssertionError(f"correlated-check: hand gain {worst} differs from the engine's {gain}")
    is_ce = "yes" if gain == 0 else "no"
    steps.append("No member gains by disobeying: it is a correlated equilibrium." if gain == 0 else
                 rf"A member gains ${tex(gain)}$ (in expectation) by disobeying: not a correlated equilibrium.")
    return draw.exercise(
        question=(rf"Two members in a crisis hold back or stand firm (the table gives their payoffs). A council "
                  rf"draws (hold, hold) with probability ${tex(a)}$, (A holds, B firm) ${tex(b)}$, (A firm, B holds) "
                  rf"${tex(c)}$ and (firm, firm) ${tex(d)}$, and tells each member only its own part. (a) Is this a "
                  "correlated equilibrium (does each member want to follow its recommendation)? (b) What is the "
                  "largest expected gain a member gets by disobeying one kind of recommendation (0 if none)?"),
        answer={"is_ce": is_ce, "gain": gain}, labels={"is_ce": "Correlated equilibrium?", "gain": "Largest gain"},
        answer_format="{'is_ce': 'yes' | 'no', 'gain': fraction}", solution=steps, game=g)


@exercise_topic("consultation-chicken", title="The best recommendation in a chicken crisis",
                summary="the welfare-maximising symmetric correlated equilibrium of a chicken game")
def consultation_chicken(draw: Draw) -> Exercise | None:
    """T > R > S > P with 2R > T + S; the answer is the council's best symmetric recommendation."""
    R, T, S, P = _chicken(draw)
    if not 2 * R > T + S:
        return None
    cf = chicken_closed_form(R, T, S, P)
    k, restraint, each, payoff = cf["k"], cf["restraint"], cf["each_asymmetric"], cf["ce_payoff"]
    if not (nice(restraint) and nice(payoff)):
        return None
    g = _game(R, T, S, P)
    engine = correlated_equilibrium(g, "welfare", exact=True)
    if engine.objective_value != 2 * payoff:  # pragma: no cover - closed form and LP must agree
        raise AssertionError("consultation-chicken: the closed form and the LP disagree")
    steps = [
        r"Let the council recommend (hold, hold) w.p. $a$, each asymmetric profile w.p. $b$ and (firm, firm) w.p. "
        r"$d$, with $a + 2b + d = 1$.",
        rf"Told to hold back, a member obeys iff $aR + bS \ge aT + bP$, i.e. $a \le k b$ with "
        rf"$k = \frac{{S - P}}{{T - R}} = \frac{{{S} - {P}}}{{{T} - {R}}} = {tex(k)}$.",
        r"Told to stand firm, it obeys iff $bT + dP \ge bR + dS$: $d = 0$ always qualifies, and a clash only "
        "lowers welfare, so the council never recommends one.",
        rf"Welfare per member $aR + b(T + S)$ rises with $a$ because $2R = {2 * R} > T + S = {T + S}$, so "
        rf"$a = k b$ and $(k + 2) b = 1$: $b = {tex(each)}$, $a = {tex(restraint)}$.",
        rf"Each member gets ${tex(restraint)} \cdot {R} + {tex(each)} \cdot ({T} + {S}) = {tex(payoff)}$, "
        rf"against ${tex(cf['nash_mixed_payoff'])}$ in the mixed Nash equilibrium.",
    ]
    return draw.exercise(
        question=("Two members in a crisis hold back or stand firm (the table gives their payoffs). A consultation "
                  "body recommends actions in private, treating the members alike, and they follow a recommendation "
                  "only if obeying pays. What probability $a$ of mutual restraint maximises their total payoff, and "
                  "what does each member then get?"),
        answer={"restraint": restraint, "payoff": payoff},
        labels={"restraint": "Probability of mutual restraint", "payoff": "Payoff per member"},
        answer_format="{'restraint': fraction, 'payoff': fraction}", solution=steps, game=g)
