"""Nowak (2006), "Five rules for the evolution of cooperation", Science 314: 1560-1563.

Direct reciprocity: the game TFT vs ALLD with continuation probability w has the payoff matrix (Fig. 2)
[[(b-c)/(1-w), -c], [b, 0]]; cooperation is ESS if b/c > 1/w, risk-dominant if b/c > (2-w)/w and
advantageous (fixation > 1/N for weak selection, large N) if b/c > (3-2w)/w. Indirect reciprocity with
probability q of knowing a reputation: [[b-c, -c(1-q)], [b(1-q), 0]] and the same rules with q for w.
"""

from fractions import Fraction as F

import numpy as np
import pytest

import games
from games.catalog import donation_game
from games.evolution import fixation_matrix, replicator_dynamics
from games.repeated import ALLD, TFT, average_payoffs, critical_discount

B, C = 3, 1


def nowak_direct(w):
    return [[F(B - C) / (1 - w), F(-C)], [F(B), F(0)]]


@pytest.mark.parametrize("w", [F(1, 5), F(1, 3), F(1, 2), F(9, 10)])
def test_direct_reciprocity_matrix_from_the_repeated_game(w):
    """Our exact repeated-game payoffs, scaled by the expected length 1/(1-w), are Nowak's matrix."""
    g = donation_game(B, C)
    for i, s1 in enumerate((TFT, ALLD)):
        for j, s2 in enumerate((TFT, ALLD)):
            assert average_payoffs(g, s1, s2, delta=w)[0] / (1 - w) == nowak_direct(w)[i][j]


def test_direct_reciprocity_ess_threshold():
    """w > c/b: TFT resists ALLD exactly from w = c/b = 1/3 (our critical discount factor, Nash)."""
    assert critical_discount(donation_game(B, C), TFT, TFT, refinement="nash") == F(C, B)


@pytest.mark.parametrize("w", [F(k, 20) for k in range(1, 20)])
def test_direct_reciprocity_rd_and_ad_conditions(w):
    """Risk dominance (a + b > c + d) and the one-third law (a + 2b > c + 2d) on the engine's matrix."""
    g = donation_game(B, C)
    (a, b), (c, d) = [[average_payoffs(g, s1, s2, delta=w)[0] for s2 in (TFT, ALLD)] for s1 in (TFT, ALLD)]
    assert (a + b > c + d) == (F(B, C) > (2 - w) / w)
    assert (a + 2 * b > c + 2 * d) == (F(B, C) > (3 - 2 * w) / w)


def test_direct_reciprocity_advantageous_by_moran_fixation():
    """Weak selection, N = 200: TFT's fixation probability in an ALLD population exceeds 1/N when
    b/c = 3 > (3-2w)/w, i.e. w > 3/5, and falls below it when w < 3/5."""
    n = 200
    for w, expect in ((F(1, 2), False), (F(7, 10), True)):
        g = donation_game(B, C)
        m = [[float(average_payoffs(g, s1, s2, delta=w)[0] / (1 - w)) for s2 in (ALLD, TFT)] for s1 in (ALLD, TFT)]
        rho = fixation_matrix(m, n, intensity=1e-4)[0, 1]
        assert (rho > 1 / n) == expect


def nowak_indirect(q):
    return [[F(B - C), -C * (1 - q)], [B * (1 - q), F(0)]]


@pytest.mark.parametrize("q", [F(k, 12) for k in range(1, 12)])
def test_indirect_reciprocity_q_above_c_over_b(q):
    """Discriminators (DISC, DISC) is a Nash equilibrium of Nowak's indirect-reciprocity game iff
    q >= c/b (the games solver finds it), and a strict one (ESS) iff q > c/b."""
    a = nowak_indirect(q)
    g = games.NormalFormGame.from_bimatrix(a, [list(r) for r in zip(*a)])
    pure = [eq.pure_actions() for eq in games.equilibria(g, method="pure")]
    assert (("a1", "b1") in pure) == (q >= F(C, B))


@pytest.mark.parametrize("q, expect", [(F(1, 4), 1), (F(1, 2), 0)])
def test_indirect_reciprocity_replicator(q, expect):
    """Replicator dynamics from 95% discriminators: defectors invade when q < c/b, not when q > c/b."""
    _, x = replicator_dynamics(np.array(nowak_indirect(q), dtype=float), [0.95, 0.05], t_max=200)
    assert x[-1, expect] > 0.99
