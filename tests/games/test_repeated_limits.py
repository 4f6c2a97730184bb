"""Discounted payoffs as delta -> 1: they converge to the limit of means and never leave the stage game's range.

The reference values are computed here independently of games.repeated: a closed form for two noisy
tit-for-tat players, and for memory-one strategies the stationary distribution of the 4-state
last-profile chain (ergodic whenever the noise is in (0, 1)), solved with numpy.
"""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest

from games.catalog import prisoners_dilemma, stag_hunt
from games.repeated import ALLC, ALLD, GRIM, GTFT, STFT, TFT, WSLS, average_payoffs, outcome_distribution

T, R, P, S = 5, 3, 1, 0
PD = prisoners_dilemma()

# memory-one strategies by hand: probability of cooperating after own-view profile CC, CD, DC, DD
MEMORY_ONE = {
    "ALLC": (ALLC, (1, 1, 1, 1)),
    "ALLD": (ALLD, (0, 0, 0, 0)),
    "TFT": (TFT, (1, 0, 1, 0)),
    "WSLS": (WSLS, (1, 0, 0, 1)),
    "GTFT": (GTFT(F(1, 3)), (1, F(1, 3), 1, F(1, 3))),
}
PAIRS = list(itertools.combinations_with_replacement(sorted(MEMORY_ONE), 2))
NOISES = [0.01, 0.1, 0.3]
NEAR_ONE = [1 - 10.0 ** -k for k in range(4, 16)] + [0.9999999999999999]


def limit_of_means(p, q, eps, payoffs):
    """Long-run payoffs of memory-one p (row) against q (column) with noise eps, by the stationary
    distribution of the last-profile chain (profiles CC, CD, DC, DD from the row player's view)."""
    M = np.zeros((4, 4))
    for k, (a1, a2) in enumerate(itertools.product((0, 1), repeat=2)):
        c1 = float(p[k]) * (1 - eps) + (1 - float(p[k])) * eps
        c2 = float(q[2 * a2 + a1]) * (1 - eps) + (1 - float(q[2 * a2 + a1])) * eps   # column's own view
        for b1, b2 in itertools.product((0, 1), repeat=2):
            M[k, 2 * b1 + b2] = (c1 if b1 == 0 else 1 - c1) * (c2 if b2 == 0 else 1 - c2)
    A = np.vstack([M.T - np.eye(4), np.ones(4)])
    pi = np.linalg.lstsq(A, np.r_[np.zeros(4), 1.0], rcond=None)[0]
    u = np.asarray(payoffs, dtype=float).reshape(4, 2)
    return pi @ u


def tft_pair_discounted(eps, delta):
    """Two TFT players with noise eps (derived by hand): each realised action is an independent copy of
    the other's last one flipped with probability eps, so x_t = P(C at t) = 1/2 + (1-2 eps)^(t+1)/2 for
    both, and u(x) = R x^2 + (S + T) x (1 - x) + P (1 - x)^2 = u(1/2) + (k1 + k2) d + k2 d^2 with
    d = x - 1/2, k2 = R - S - T + P, k1 = S + T - 2P. Summing the geometric series (in exact rationals):
    (1-delta) sum_t delta^t u(x_t) = u(1/2) + (1-delta)(k1+k2) a / (1 - delta r) + (1-delta) k2 a^2 / (1 - delta r^2),
    with a = (1 - 2 eps)/2 and r = 1 - 2 eps."""
    e, d = F(eps), F(delta)
    a, r = (1 - 2 * e) / 2, 1 - 2 * e
    k2, k1 = R - S - T + P, S + T - 2 * P
    u0 = F(R + S + T + P, 4)
    return u0 + (1 - d) * (k1 + k2) * a / (1 - d * r) + (1 - d) * k2 * a * a / (1 - d * r * r)


def test_the_reported_case():
    """TFT against TFT with 10% noise at delta = 1 - 2^-53 returned 3.6, above anything the game pays."""
    v = average_payoffs(PD, TFT, TFT, delta=0.9999999999999999, noise=0.1)
    assert v == pytest.approx((2.25, 2.25), abs=1e-12)


@pytest.mark.parametrize("eps", [0.01, 0.1, 0.25, 0.45])
@pytest.mark.parametrize("delta", [0.5, 0.9, 0.99, 0.999, 0.9990001, 0.9999] + NEAR_ONE)
def test_noisy_tft_pair_matches_the_closed_form(eps, delta):
    v1, v2 = average_payoffs(PD, TFT, TFT, delta=delta, noise=eps)
    expected = float(tft_pair_discounted(eps, delta))
    assert v1 == pytest.approx(expected, abs=1e-12) and v2 == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("delta", [0.5, 0.999, 0.9990001] + NEAR_ONE)
def test_deterministic_play_near_one_by_hand(delta):
    """TFT meets ALLD: S once, then P: (1-d) S + d P and (1-d) T + d P, however close d is to 1."""
    v1, v2 = average_payoffs(PD, TFT, ALLD, delta=delta)
    assert v1 == pytest.approx((1 - delta) * S + delta * P, abs=1e-13)
    assert v2 == pytest.approx((1 - delta) * T + delta * P, abs=1e-13)
    # TFT meets STFT: CD, DC, CD, ... -> (S + d T)/(1 + d) for the row player
    w1, _ = average_payoffs(PD, TFT, STFT, delta=delta)
    assert w1 == pytest.approx((S + delta * T) / (1 + delta), abs=1e-13)


@pytest.mark.parametrize(("first", "second"), PAIRS)
@pytest.mark.parametrize("eps", NOISES)
def test_discounted_payoffs_converge_to_the_limit_of_means(first, second, eps):
    (s1, p), (s2, q) = MEMORY_ONE[first], MEMORY_ONE[second]
    stage = PD.exact_payoffs
    limit = limit_of_means(p, q, eps, stage)
    lo, hi = float(stage.min()), float(stage.max())
    assert average_payoffs(PD, s1, s2, noise=eps) == pytest.approx(tuple(limit), abs=1e-9)
    for delta in [0.5, 0.9, 0.99, 0.999, 0.9990001] + NEAR_ONE:
        v = np.array(average_payoffs(PD, s1, s2, delta=delta, noise=eps), dtype=float)
        assert np.all(v >= lo - 1e-12) and np.all(v <= hi + 1e-12), (delta, v)
        err = float(np.max(np.abs(v - limit)))
        # the distance to the limit is O(1 - delta) (Laurent series of the resolvent)
        assert err <= 1e3 * (1 - delta) + 1e-9, (delta, err)
        if delta >= 1 - 1e-9:
            assert err <= 1e-6
    occ = outcome_distribution(s1, s2, delta=0.9999999999999999, noise=eps)
    assert occ.min() >= 0 and occ.sum() == pytest.approx(1, abs=1e-12)


@pytest.mark.parametrize("eps", [F(1, 10), F(1, 50)])
def test_float_near_one_agrees_with_the_exact_solution(eps):
    """Across the switch of formulation (1 - delta = 1e-3) the float solve agrees with the exact one."""
    for s1, s2 in [(WSLS, GRIM), (GRIM, TFT), (GTFT(F(1, 3)), WSLS)]:
        for delta in ("0.998", "0.999", "0.9990001", "0.99999", "0.9999999"):
            exact = average_payoffs(PD, s1, s2, delta=F(delta), noise=eps)
            approx = average_payoffs(PD, s1, s2, delta=float(delta), noise=float(eps))
            assert approx == pytest.approx(tuple(float(x) for x in exact), abs=1e-11)


def test_non_ergodic_limit_near_one():
    """GRIM against itself with noise e: one error sends both to their punishing states for good, where
    each intends D and plays C with probability e, so the limit is R e^2 + (S + T) e (1 - e) + P (1 - e)^2
    (derived by hand), and the same in the stag hunt's payoffs (R, T, P, S = 4, 3, 2, 0)."""
    e = 0.05
    for game, (r, t, p, s) in ((PD, (R, T, P, S)), (stag_hunt(), (4, 3, 2, 0))):
        limit = r * e * e + (s + t) * e * (1 - e) + p * (1 - e) ** 2
        for delta in NEAR_ONE[-4:]:
            assert average_payoffs(game, GRIM, GRIM, delta=delta, noise=e) == pytest.approx((limit, limit), abs=1e-6)
