"""McKelvey, R. D. and Palfrey, T. R. (1995). Quantal Response Equilibria for Normal Form Games.
Games and Economic Behavior 10, 6-38.

The game: Ochs's (1995, Games and Economic Behavior 10, 174-189) asymmetric matching pennies, with payoffs
as McKelvey and Palfrey transformed them (their money values): row [[1.1141, 0], [0, 0.2785]], column
[[0, 1.1141], [1.1141, 0]]. The data: one block of 128 observations in which the row player chose her
first action 52.7% and the column player his first 36.6% of the time. These are as given in the Gambit
documentation's quantal response tutorial (doc/tutorials/.../quantal_response.ipynb), which states that
pygambit's ``logit_estimate`` replicates McKelvey and Palfrey's estimate on them; the printed estimate of
the paper itself could not be checked here, so the number pinned below (lam = 1.8456) is pygambit 16.7's
(with pygambit installed, the live test recomputes it).

Checked independently of the engine:
- the Nash equilibrium the principal branch tends to (by hand: the row player mixes 1/2 so that the
  column player is indifferent; the column player mixes q with 1.1141 q = 0.2785 (1 - q));
- the QRE property of the fitted profile, re-evaluated here with the 2x2 logit formula;
- McKelvey and Palfrey's qualitative finding for this game: at finite lam the row player plays her first
  action more often than in the Nash equilibrium (her "own payoff effect").
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import games

A = [[1.1141, 0], [0, 0.2785]]
B = [[0, 1.1141], [1.1141, 0]]
OCHS = games.NormalFormGame.from_bimatrix(A, B)
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
def test_live_pygambit_logit_estimate():
    gbt = pytest.importorskip("pygambit")
    g = gbt.Game.from_arrays(A, B)
    fit = gbt.qre.logit_estimate(g.mixed_strategy_profile(COUNTS))
    ours = games.fit_logit_qre(OCHS, COUNTS)
    assert ours.lam == pytest.approx(fit.lam, rel=1e-6)
    assert ours.log_likelihood == pytest.approx(fit.log_like, rel=1e-9)
