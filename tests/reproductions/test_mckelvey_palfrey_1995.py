"""McKelvey, R. D. and Palfrey, T. R. (1995). Quantal Response Equilibria for Normal Form Games.
Games and Economic Behavior 10, 6-38.

The game: Ochs's (1995, Games and Economic Behavior 10, 174-189) asymmetric matching pennies with X = 4 (row
[[4, 0], [0, 1]], column [[0, 1], [1, 0]]), with payoffs as McKelvey and Palfrey transformed them into 1982 US
cents, each player at his own exchange rate: row x 0.2785, column x 1.1141 (Turocy's "Doing statistical game
theory" notebooks, EC'16 and GW4 2016, which build the matrices exactly so). Gambit's tutorial, and the tests
below, write the row player's 4 x 0.2785 = 1.1140 as 1.1141: row [[1.1141, 0], [0, 0.2785]], column
[[0, 1.1141], [1.1141, 0]].

The data: one block of 128 observations in which the row player chose her first action 52.7% and the column
player his first 36.6% of the time, as given in the Gambit documentation's quantal response tutorial
(doc/tutorials/.../quantal_response.ipynb). The counts are 128 x those percentages, so not whole numbers
(67.456 and 46.848): no whole number of the 128 plays gives 52.7% or 36.6% to three places, so the three
figures are not all exact; the tests use them as Gambit does.

What is pinned, and why not the paper's own number. Gambit's tutorial states that pygambit's
``logit_estimate`` on these data "replicate[s] those reported in McKPal95, including the estimated value of
lambda, the QRE profile probabilities, and the log-likelihood", and that "the log-likelihoods quoted in McKPal95
are exactly a factor of 10 larger than those obtained by replicating the calculation". The paper's table itself
(the printed lambda and log-likelihood) could not be read here: the stored copies reachable (citeseerx, zbMATH and
study.space abstracts, the nbviewer and Nemotron copies of Turocy's notebooks) show only their opening text, and a
lecture deck with "QRE Estimates" slides for these data shows only its slide titles, not the tables. So the
number pinned below (lam = 1.8456, log-likelihood -174.7645) is pygambit 16.7's, the replication Gambit vouches
for; with pygambit installed the live test recomputes it. A printed value that is ten times the replicated
log-likelihood with the same lambda is what a likelihood summed over ten times the counts gives (log L =
sum n log p is linear in the counts and its maximiser depends only on their proportions); that property is
tested below, not the paper's figure.

Checked independently of the engine:
- the payoff transformation: the matrices are Ochs's X = 4 game at the two exchange rates (to the tutorial's
  four decimals), and the 1.1140/1.1141 rounding moves lam only in the fourth decimal;
- the Nash equilibrium the principal branch tends to (by hand: the row player mixes 1/2 so that the
  column player is indifferent; the column player mixes q with 1.1141 q = 0.2785 (1 - q), which is Ochs's
  q = 1 / (1 + X) = 1/5 when the row payoff is exactly 4 x 0.2785);
- the QRE property of the fitted profile, re-evaluated here with the 2x2 logit formula;
- ten times the counts: the same lam, exactly ten times the log-likelihood, the standard error / sqrt(10);
- McKelvey and Palfrey's qualitative finding for this game: at finite lam the row player plays her first
  action more often than in the Nash equilibrium (her "own payoff effect").
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import games

#: McKelvey and Palfrey's exchange rates into 1982 US cents (row, column) and Ochs's X = 4 game in points.
ROW_RATE, COL_RATE = 0.2785, 1.1141
OCHS_ROW, OCHS_COL = [[4, 0], [0, 1]], [[0, 1], [1, 0]]
A = [[1.1141, 0], [0, 0.2785]]
B = [[0, 1.1141], [1.1141, 0]]
OCHS = games.NormalFormGame.from_bimatrix(A, B)
#: the row payoffs exactly 0.2785 x Ochs's (1.1140 where the tutorial writes 1.1141)
A_EXACT = (ROW_RATE * np.array(OCHS_ROW)).tolist()
COUNTS = [[128 * 0.527, 128 * (1 - 0.527)], [128 * 0.366, 128 * (1 - 0.366)]]
#: pygambit 16.7 ``qre.logit_estimate`` on these data (the replication of McKelvey and Palfrey's fit).
GAMBIT_LAM, GAMBIT_LOGLIKE = 1.8456097536855864, -174.76453191087444


def _logit_2x2(lam: float, p: float, q: float) -> tuple[float, float]:
    """The logit response of both players to (p, q) in the Ochs game, from the payoffs by hand."""
    row_gap = A[0][0] * q - A[1][1] * (1 - q)               # u(top) - u(bottom)
    col_gap = B[0][0] * p + B[1][0] * (1 - p) - (B[0][1] * p + B[1][1] * (1 - p))   # u(left) - u(right)
    return 1 / (1 + math.exp(-lam * row_gap)), 1 / (1 + math.exp(-lam * col_gap))


def test_branch_tends_to_the_hand_derived_nash_equilibrium():
    q_star = 0.2785 / (1.1141 + 0.2785)
    eq = games.equilibria(OCHS, method="logit")[0]
    assert np.allclose(eq.profile[0], [0.5, 0.5], atol=1e-12)
    assert np.allclose(eq.profile[1], [q_star, 1 - q_star], atol=1e-12)


def test_fit_reproduces_the_published_replication():
    fit = games.fit_logit_qre(OCHS, COUNTS)
    assert fit.converged
    assert fit.lam == pytest.approx(GAMBIT_LAM, rel=1e-6)
    assert fit.log_likelihood == pytest.approx(GAMBIT_LOGLIKE, rel=1e-9)
    p, q = fit.profile[0][0], fit.profile[1][0]
    assert _logit_2x2(fit.lam, p, q) == pytest.approx((p, q), abs=1e-9)   # a QRE, checked by hand's formula
    # the own-payoff effect: the row player's first action above its Nash 1/2, as in the data (0.527)
    assert p > 0.5
    assert np.isfinite(fit.se) and 0 < fit.se < fit.lam


def test_payoffs_are_ochs_x4_game_at_the_two_exchange_rates():
    assert np.allclose(A, ROW_RATE * np.array(OCHS_ROW), rtol=0, atol=1e-4)   # the tutorial's 4-decimal rounding
    assert np.array_equal(B, COL_RATE * np.array(OCHS_COL))
    # rescaling each player's payoffs leaves the Nash equilibrium of Ochs's game: column mixes 1 / (1 + X) = 1/5
    eq = games.equilibria(games.NormalFormGame.from_bimatrix(A_EXACT, B), method="logit")[0]
    assert np.allclose(eq.profile[0], [0.5, 0.5], atol=1e-12)
    assert np.allclose(eq.profile[1], [0.2, 0.8], atol=1e-12)


def test_payoff_rounding_moves_lambda_only_in_the_fourth_decimal():
    # 1.1141 against 1.1140 is a relative change of 1e-4 in one payoff; the estimate moves by about as much
    exact = games.fit_logit_qre(games.NormalFormGame.from_bimatrix(A_EXACT, B), COUNTS)
    rounded = games.fit_logit_qre(OCHS, COUNTS)
    assert exact.converged and rounded.converged
    assert exact.lam != rounded.lam and abs(exact.lam - rounded.lam) < 1e-3
    assert round(exact.lam, 3) == round(rounded.lam, 3) == round(GAMBIT_LAM, 3)


def test_ten_times_the_counts_same_lambda_ten_times_the_log_likelihood():
    # log L(lam) = sum n_ij log p_ij(lam) is linear in the counts, so its maximiser depends only on their
    # proportions and its maximum scales with them; the observed information scales too, so se / sqrt(10).
    # (The combination Gambit reports against the paper: lambda replicated, log-likelihood a factor 10 apart.)
    one = games.fit_logit_qre(OCHS, COUNTS)
    ten = games.fit_logit_qre(OCHS, [[10 * n for n in row] for row in COUNTS])
    assert ten.lam == pytest.approx(one.lam, rel=1e-9)
    assert ten.log_likelihood == pytest.approx(10 * one.log_likelihood, rel=1e-12)
    assert ten.log_likelihood == pytest.approx(10 * GAMBIT_LOGLIKE, rel=1e-9)
    assert ten.se == pytest.approx(one.se / math.sqrt(10), rel=1e-6)
    for p_one, p_ten in zip(one.profile, ten.profile):
        assert np.allclose(p_one, p_ten, atol=1e-9)


def test_qre_at_published_lambda_by_fixed_point_iteration():
    # an independent computation: damped iteration of the 2x2 logit map from the centroid (a contraction
    # for this small lam) reaches the same QRE as the branch
    p, q = 0.5, 0.5
    for _ in range(2000):
        p2, q2 = _logit_2x2(GAMBIT_LAM, p, q)
        p, q = 0.5 * p + 0.5 * p2, 0.5 * q + 0.5 * q2
    qre = games.logit_qre(OCHS, GAMBIT_LAM)
    assert qre.profile[0][0] == pytest.approx(p, abs=1e-12) and qre.profile[1][0] == pytest.approx(q, abs=1e-12)


@pytest.mark.oracle
@pytest.mark.parametrize("row", [A, A_EXACT], ids=["tutorial-1.1141", "exact-1.1140"])
def test_live_pygambit_logit_estimate(row):
    gbt = pytest.importorskip("pygambit")
    g = gbt.Game.from_arrays(row, B)
    fit = gbt.qre.logit_estimate(g.mixed_strategy_profile(COUNTS))
    ours = games.fit_logit_qre(games.NormalFormGame.from_bimatrix(row, B), COUNTS)
    assert ours.lam == pytest.approx(fit.lam, rel=1e-6)
    assert ours.log_likelihood == pytest.approx(fit.log_like, rel=1e-9)
