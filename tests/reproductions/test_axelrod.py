"""Axelrod's tournaments and collective stability, reproduced with the exact repeated-game engine.

Sources: R. Axelrod (1980), "More effective choice in the prisoner's dilemma", J. Conflict Resolution
24(3): 379-403 (second tournament); R. Axelrod & W. D. Hamilton (1981), "The evolution of cooperation",
Science 211: 1390-1396; R. Axelrod (1984), *The Evolution of Cooperation*, ch. 3 and appendix B.
"""

from fractions import Fraction as F

import pytest

from games.catalog import prisoners_dilemma
from games.repeated import (
    ALLC,
    ALLD,
    GRIM,
    STFT,
    TF2T,
    TFT,
    WSLS,
    axelrod_continuation,
    critical_discount,
    round_robin,
)
from games.repeated.tournament import AXELROD_W

PD = prisoners_dilemma()   # the tournaments' payoffs T, R, P, S = 5, 3, 1, 0


def test_second_tournament_continuation_probability():
    """Axelrod (1980): the game ended after each move with probability .00346 (w = .99654), which makes
    the median game 200 moves long; the expected length is then 1/(1-w) = 289 moves."""
    info = axelrod_continuation()
    assert info["w"] == F(99654, 100000)
    assert info["median_length"] == 200
    assert round(info["expected_length"]) == 289
    t = round_robin(PD, [TFT, ALLD], delta=AXELROD_W)
    assert round(t.expected_length) == 289
    # expected game totals = per-round payoff x expected length: TFT pair earns R/(1-w)
    assert float(t.payoffs[0, 0]) * t.expected_length == pytest.approx(3 / (1 - 0.99654))


def test_tft_collectively_stable_threshold():
    """Axelrod & Hamilton (1981) / Axelrod (1984, Proposition 2): TIT FOR TAT is collectively stable iff
    w >= max((T-R)/(T-P), (T-R)/(R-S)); with 5, 3, 1, 0 that is max(1/2, 2/3) = 2/3 < .99654."""
    w_star = critical_discount(PD, TFT, TFT, refinement="nash")
    assert w_star == F(2, 3)
    assert w_star < AXELROD_W


def test_alld_always_collectively_stable():
    """Axelrod (1984, Proposition 3): ALL D is always collectively stable."""
    assert critical_discount(PD, ALLD, ALLD, refinement="nash") == 0


def test_no_best_strategy_independent_of_the_other():
    """Axelrod (1984, Proposition 1): if w is large enough there is no best strategy independent of the
    other's: against ALL D, defecting is best; against GRIM (a permanent retaliator), cooperating is."""
    names = ["ALLC", "ALLD", "TFT", "GRIM"]
    t = round_robin(PD, [ALLC, ALLD, TFT, GRIM], delta=AXELROD_W)
    best_vs_alld = names[max(range(4), key=lambda i: t.payoffs[i, 1])]
    best_vs_grim = max(t.payoffs[i, 3] for i in range(4))
    assert best_vs_alld == "ALLD"
    assert t.payoffs[1, 3] < best_vs_grim == t.payoffs[2, 3]


def test_nice_retaliatory_strategies_top_a_small_tournament():
    """Axelrod (1984, ch. 2): nice strategies did best and TIT FOR TAT won both tournaments. In a small
    field with the tournaments' w, the nice strategies (TFT, GRIM, WSLS, TF2T, ALLC) outscore the
    not-nice ALL D and suspicious TFT, and TFT beats ALL D head to head over the whole field."""
    field = [TFT, ALLD, ALLC, GRIM, WSLS, STFT, TF2T]
    t = round_robin(PD, field, delta=AXELROD_W)
    scores = dict(zip(t.names, t.scores))
    nice = ["TFT", "GRIM", "WSLS", "TF2T", "ALLC"]
    assert min(scores[n] for n in nice) > max(scores["ALLD"], scores["STFT"])
    assert scores["TFT"] > scores["ALLD"]
