"""Shapley, L. S. and Shubik, M. (1954). A Method for Evaluating the Distribution of Power in a Committee System.
American Political Science Review 48(3), 787-792.

The paper's application: the UN Security Council of the time, eleven members, a resolution needing seven votes
including the five permanent members. The paper gives the five permanent members together 76/77 of the power
and the six others together 1/77.

Hand derivation (done here, independently of the engine). An elected member decides only when it casts the
seventh vote after all five permanent members and exactly one of the five other elected members: 5 choices of
that member, 6! orders before, 4! after, out of 11! orders: 5 * 720 * 24 / 39,916,800 = 1/462 ~ 0.00216.
The six elected members together: 6/462 = 1/77 ~ 0.0130; each permanent member (1 - 1/77) / 5 = 76/385 ~ 0.1974.

Since 1965 (fifteen members, nine votes including the five permanent members) an elected member decides when
it casts the ninth vote after the five permanent members and three of the other nine elected members:
C(9, 3) 8! 6! / 15! = 4/2145 ~ 0.00186; each permanent member (1 - 40/2145) / 5 = 421/2145 ~ 0.1963.
"""

from __future__ import annotations

import math
from fractions import Fraction as F

from games.cooperative import WeightedVotingGame


def test_security_council_1954():
    g = WeightedVotingGame.with_vetoes(5, 6, 7)
    ss = g.shapley_shubik()
    small = F(5 * math.factorial(6) * math.factorial(4), math.factorial(11))
    assert small == F(1, 462)
    assert ss[5:] == (small,) * 6
    assert sum(ss[5:]) == F(1, 77)                  # published: the small nations together 1/77
    assert sum(ss[:5]) == F(76, 77)                 # published: the big five together 76/77
    assert ss[:5] == (F(76, 385),) * 5
    assert abs(float(ss[0]) - 0.1974) < 5e-5 and abs(float(ss[5]) - 0.0022) < 5e-5


def test_security_council_since_1965():
    g = WeightedVotingGame([7] * 5 + [1] * 10, 39)
    ss = g.shapley_shubik()
    elected = F(math.comb(9, 3) * math.factorial(8) * math.factorial(6), math.factorial(15))
    assert elected == F(4, 2145)
    assert ss[5:] == (elected,) * 10
    assert ss[:5] == ((1 - 10 * elected) / 5,) * 5
    assert abs(float(ss[0]) - 0.1963) < 5e-5 and abs(float(ss[5]) - 0.00186) < 5e-6


def test_veto_power_shows_in_the_banzhaf_index_too():
    # Banzhaf swings since 1965, by hand: an elected member swings coalitions of all five permanent members and
    # exactly 3 of the other 9 elected: C(9, 3) = 84. A permanent member swings coalitions of the other four
    # and 4 to 10 elected members: sum_{k=4}^{10} C(10, k) = 848.
    g = WeightedVotingGame([7] * 5 + [1] * 10, 39)
    assert g.swings() == (848,) * 5 + (84,) * 10
    assert sum(math.comb(10, k) for k in range(4, 11)) == 848
