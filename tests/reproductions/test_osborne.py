"""Osborne (2004), "An Introduction to Game Theory", Oxford University Press, chapter 9 (Bayesian games),
the example "Variant of BoS with imperfect information": player 1
is unsure whether player 2 wishes to meet her (BoS payoffs) or to avoid her, each with probability 1/2.
Osborne shows that the game has a unique pure Nash equilibrium, (B, (B, S)): player 1 goes to Bach, player 2
goes to Bach if she wishes to meet and to Stravinsky if she wishes to avoid player 1.

The two mixed equilibria are derived here by hand: player 1 is willing to mix only if player 2 attends Bach
with probability 1/3 (2 * q = 1 * (1 - q)). If p = P(1 plays B) = 2/3 the avoiding type strictly prefers S
(2p > 1 - p) and the meeting type, indifferent (1 * p = 2 * (1 - p)), plays B with probability 2/3; if
p = 1/3 the meeting type strictly prefers S and the avoiding type, indifferent, plays B with probability 2/3.
"""

from __future__ import annotations

import numpy as np
import pytest

import games
from games.bayesian import BayesianGame


def osborne_bos_variant(p_meet: float = 0.5) -> BayesianGame:
    """Osborne (2004), ch. 9, "Variant of BoS with imperfect information": BoS (2,1)/(1,2) when player 2
    wishes to meet; when she wishes to avoid, (B,B) = (2,0), (B,S) = (0,2), (S,B) = (0,1), (S,S) = (1,0)."""
    u = np.zeros((1, 2, 2, 2, 2))
    u[0, 0] = [[[2, 1], [0, 0]], [[0, 0], [1, 2]]]    # player 2 wishes to meet
    u[0, 1] = [[[2, 0], [0, 2]], [[0, 1], [1, 0]]]    # player 2 wishes to avoid
    return BayesianGame(u, [[p_meet, 1 - p_meet]], players=["1", "2"], types=[["-"], ["meet", "avoid"]],
                        actions=[["B", "S"], ["B", "S"]])


def test_unique_pure_equilibrium_is_B_B_S():
    """Osborne (2004), ch. 9 (variant of BoS with imperfect information): the unique pure equilibrium is (B, (B, S))."""
    eqs = games.equilibria(osborne_bos_variant(), method="pure")
    assert eqs.complete
    assert [eq.plan() for eq in eqs] == [(("B",), ("B", "S"))]
    # player 1's payoff: 1/2 * 2 (met at B) + 1/2 * 0 = 1; player 2: meeting type 1, avoiding type 2
    assert eqs[0].payoffs == pytest.approx([1.0, 1.5])
    assert [v.tolist() for v in eqs[0].interim_payoffs] == [[1.0], [1.0, 2.0]]


def test_every_equilibrium_pure_and_the_two_mixed_ones_derived_by_hand():
    eqs = games.equilibria(osborne_bos_variant(), method="vertex")
    assert eqs.complete and len(eqs) == 3
    want = [
        ([[1, 0]], [[1, 0], [0, 1]]),                   # (B, (B, S))
        ([[2 / 3, 1 / 3]], [[2 / 3, 1 / 3], [0, 1]]),   # p = 2/3: meet mixes 2/3 on B, avoid plays S
        ([[1 / 3, 2 / 3]], [[0, 1], [2 / 3, 1 / 3]]),   # p = 1/3: meet plays S, avoid mixes 2/3 on B
    ]
    for w1, w2 in want:
        assert sum(np.allclose(eq.behaviour[0], w1) and np.allclose(eq.behaviour[1], w2) for eq in eqs) == 1
