"""Imminent threat: Bayes' rule on intelligence signals and a two-type entry (deterrence) game.

The essay asks for "reasonable and transparent criteria of imminent threat"; a criterion is a cut-off on
the evidence, and what evidence is worth is Bayes' rule. The answers are exact fractions, cross-checked
against :mod:`games.signals` and :class:`games.BayesianGame`.

Examples
--------
>>> from models.exercises import generate
>>> generate("threat-signal-bayes", 0).answer["strike_on_one_alarm"] in ("yes", "no")
True
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from games import NormalFormGame
from games.bayesian import BayesianGame
from games.signals import InformationStructure, binary_signal

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import tex_number as tex

__all__: list[str] = []

_PRIORS = [Fraction(1, 10), Fraction(1, 5), Fraction(1, 4), Fraction(1, 3), Fraction(2, 5)]
_ACCURACIES = [Fraction(3, 5), Fraction(2, 3), Fraction(3, 4), Fraction(4, 5), Fraction(5, 6), Fraction(9, 10)]
_CUTOFFS = [Fraction(1, 2), Fraction(3, 5), Fraction(2, 3), Fraction(3, 4), Fraction(4, 5)]


@exercise_topic("threat-signal-bayes", title="Bayes' rule on a threat signal",
                summary="the posterior of a threat after one and two independent alarms, against a criterion")
def threat_signal_bayes(draw: Draw) -> Exercise | None:
    """A prior, a signal accuracy and a criterion (strike iff P(threat) reaches a cut-off)."""
    p, q, c = draw.choice(_PRIORS), draw.choice(_ACCURACIES), draw.choice(_CUTOFFS)
    one = p * q / (p * q + (1 - p) * (1 - q))
    two = p * q * q / (p * q * q + (1 - p) * (1 - q) ** 2)
    if c in (one, two):
        return None
    info = InformationStructure([float(1 - p), float(p)], [binary_signal(float(q))] * 2)
    if not np.isclose(info.state_posterior(0, 1)[1], float(one)):  # pragma: no cover - Bayes' rule twice
        raise RuntimeError(f"threat-signal-bayes: {one} differs from games.signals")
    yes = lambda b: "yes" if b else "no"  # noqa: E731
    steps = [
        rf"One alarm: $P(T \mid a) = \frac{{p q}}{{p q + (1-p)(1-q)}} = \frac{{{tex(p * q)}}}"
        rf"{{{tex(p * q)} + {tex((1 - p) * (1 - q))}}} = {tex(one)}$.",
        rf"Two independent alarms: $\frac{{p q^2}}{{p q^2 + (1-p)(1-q)^2}} = \frac{{{tex(p * q * q)}}}"
        rf"{{{tex(p * q * q)} + {tex((1 - p) * (1 - q) ** 2)}}} = {tex(two)}$.",
        rf"Against the criterion ${tex(c)}$: one alarm {'meets' if one >= c else 'does not meet'} it, two "
        f"{'meet' if two >= c else 'do not meet'} it.",
    ]
    return draw.exercise(
        question=(rf"A potential aggressor is dangerous with prior probability $p = {tex(p)}$. A state's intelligence "
                  rf"service raises an alarm with probability $q = {tex(q)}$ when it is dangerous and "
                  rf"$1 - q = {tex(1 - q)}$ when it is not; a second, independent service is just as good. The "
                  rf"agreed criterion allows a pre-emptive strike when the probability of a threat is at least "
                  rf"${tex(c)}$. (a) What is the probability of a threat after one alarm, and (b) after alarms from "
                  "both services? (c) Does one alarm meet the criterion, and (d) do two ('yes' or 'no')?"),
        answer={"posterior_one": one, "posterior_two": two, "strike_on_one_alarm": yes(one >= c),
                "strike_on_two_alarms": yes(two >= c)},
        labels={"posterior_one": "P(threat | one alarm)", "posterior_two": "P(threat | two alarms)",
                "strike_on_one_alarm": "Criterion met on one alarm", "strike_on_two_alarms": "Criterion met on two"},
        answer_format=("{'posterior_one': fraction, 'posterior_two': fraction, 'strike_on_one_alarm': 'yes' | 'no', "
                       "'strike_on_two_alarms': 'yes' | 'no'}"),
        solution=steps)


_STRONG_PROBS = [Fraction(1, 5), Fraction(1, 4), Fraction(1, 3), Fraction(2, 5), Fraction(1, 2), Fraction(3, 5),
                 Fraction(2, 3), Fraction(3, 4)]


@exercise_topic("entry-deterrence-types", title="A two-type entry/deterrence game",
                summary="an entrant facing a strong or weak incumbent: entry threshold and Bayesian equilibrium")
def entry_deterrence_types(draw: Draw) -> Exercise | None:
    """Entrant: out (0) or enter (+g against accommodation, -f against a fight); the incumbent is strong
    (fighting strictly dominant) with probability p, weak (accommodating strictly dominant) otherwise."""
    g, f = int(draw.rng.integers(1, 5)), int(draw.rng.integers(1, 5))
    p = draw.choice(_STRONG_PROBS)
    m = int(draw.rng.integers(3, 6))
    threshold = Fraction(g, f + g)
    if p == threshold:
        return None
    #                  (out, fight) (out, acc)  (enter, fight) (enter, acc)
    strong = {(0, 0): (0, m), (0, 1): (0, m - 1), (1, 0): (-f, 1), (1, 1): (g, 0)}
    weak = {(0, 0): (0, m - 2), (0, 1): (0, m), (1, 0): (-f, -2), (1, 1): (g, 1)}
    plans = [(0, 0), (0, 1), (1, 0), (1, 1)]       # (strong's, weak's) action: fight 0, accommodate 1
    names = ["fight/fight", "fight/accommodate", "accommodate/fight", "accommodate/accommodate"]
    pay = [[tuple(p * strong[(e, s)][i] + (1 - p) * weak[(e, w)][i] for i in range(2)) for s, w in plans]
           for e in (0, 1)]
    game = NormalFormGame([[list(cell) for cell in row] for row in pay], players=["Entrant", "Incumbent"],
                          actions=[["out", "enter"], names])
    u = np.zeros((1, 2, 2, 2, 2))
    for t, table in enumerate((strong, weak)):
        for (e, a), v in table.items():
            u[0, t, e, a] = v
    bayes = BayesianGame(u, [[float(p), float(1 - p)]], types=[["-"], ["strong", "weak"]])
    if not np.allclose(bayes.to_normal_form().payoffs, np.array(game.exact_payoffs, dtype=float)):
        raise RuntimeError("entry-deterrence-types: the induced normal form differs")  # pragma: no cover
    enter = p < threshold
    entrant = (1 - p) * g - p * f if enter else Fraction(0)
    incumbent = pay[int(enter)][1][1]
    profile = [[0, 1] if enter else [1, 0], [0, 1, 0, 0]]
    steps = [
        f"The strong incumbent fights whatever the entrant does ({1} > 0 if it enters, {m} > {m - 1} if not); the "
        f"weak one accommodates (1 > -2, {m} > {m - 2}): each type has a strictly dominant action.",
        rf"Entering then pays $(1-p) g - p f = {tex((1 - p) * g)} - {tex(p * f)} = {tex((1 - p) * g - p * f)}$ against "
        rf"0 for staying out, so the entrant enters iff $p < g/(f+g) = {tex(threshold)}$.",
        rf"Here $p = {tex(p)} {'<' if enter else '>'} {tex(threshold)}$: the entrant "
        f"{'enters' if enter else 'stays out'}. The Bayesian equilibrium is ({'enter' if enter else 'out'}; "
        f"strong fights, weak accommodates), with expected payoffs {tex(entrant)} for the entrant and "
        f"{tex(incumbent)} for the incumbent (before its type is known).",
    ]
    return draw.exercise(
        question=(rf"An entrant decides whether to enter a contested area ('enter') or not ('out', payoff 0) while the "
                  rf"incumbent, without seeing its choice, decides to 'fight' or 'accommodate'. The incumbent is "
                  rf"strong with probability $p = {tex(p)}$ and weak otherwise; only it knows which. Entering earns "
                  rf"$g = {g}$ against accommodation and $-f = {-f}$ against a fight. The table shows the induced "
                  "normal form (the incumbent's strategy names the strong type's action, then the weak type's), "
                  "with ex-ante expected payoffs. (a) Up to which probability of a strong incumbent does entering "
                  "pay? (b) What does the entrant do ('enter' or 'out')? (c) The entrant's and (d) the incumbent's "
                  "expected payoff in the Bayesian equilibrium?"),
        answer={"threshold": threshold, "entrant_action": "enter" if enter else "out", "entrant_payoff": entrant,
                "incumbent_payoff": incumbent},
        labels={"threshold": "Largest p at which entry pays", "entrant_action": "Entrant's action",
                "entrant_payoff": "Entrant's payoff", "incumbent_payoff": "Incumbent's ex-ante payoff"},
        answer_format=("{'threshold': fraction, 'entrant_action': 'enter' | 'out', 'entrant_payoff': fraction, "
                       "'incumbent_payoff': fraction}"),
        solution=steps, game=game, equilibria=[profile])
