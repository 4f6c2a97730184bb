"""Aumann (1974), "Subjectivity and correlation in randomized strategies", Journal of Mathematical Economics
1(1): 67-96: the chicken-like game with payoffs (6, 6), (2, 7), (7, 2), (0, 0).

Published numbers pinned here:

- the game has two pure equilibria, with payoffs (7, 2) and (2, 7), and a mixed one in which each player
  plays its first action with probability 2/3, with payoffs (14/3, 14/3);
- a referee who picks (T, L), (T, R) and (B, L) with probability 1/3 each and tells each player only its
  own action gives a correlated equilibrium with payoffs (5, 5), outside the convex hull of the Nash
  payoffs (whose largest symmetric point is 14/3 each);
- the best symmetric correlated equilibrium puts 1/2 on (T, L) and 1/4 on each of (T, R) and (B, L),
  with payoffs (21/4, 21/4) — the standard textbook completion of the example (derived by hand in
  tests/games/test_correlated.py: the incentive constraints are 2b >= a, 2c >= a, c >= 2d, b >= 2d).
"""

from fractions import Fraction as F

import games
from games.correlated import correlated_equilibrium, correlated_regret, is_correlated_equilibrium

GAME = games.NormalFormGame.from_bimatrix([[6, 2], [7, 0]], [[6, 7], [2, 0]], players=["Row", "Column"],
                                          actions=[["T", "B"], ["L", "R"]])


def test_nash_equilibria_and_their_payoffs():
    eqs = games.equilibria(GAME, exact=True)
    payoffs = sorted(tuple(eq.payoffs.tolist()) for eq in eqs)
    assert payoffs == [(2, 7), (F(14, 3), F(14, 3)), (7, 2)]
    mixed = next(eq for eq in eqs if not eq.is_pure)
    assert [v.tolist() for v in mixed.profile] == [[F(2, 3), F(1, 3)]] * 2


def test_the_referees_distribution_is_a_correlated_equilibrium_paying_5():
    referee = {("T", "L"): F(1, 3), ("T", "R"): F(1, 3), ("B", "L"): F(1, 3)}
    assert correlated_regret(GAME, referee) == 0 and is_correlated_equilibrium(GAME, referee)
    # expected payoffs: (6 + 2 + 7) / 3 = 5 each
    ce_value = sum(p * GAME.exact_payoffs[idx] for idx, p in [((0, 0), F(1, 3)), ((0, 1), F(1, 3)),
                                                              ((1, 0), F(1, 3))])
    assert ce_value.tolist() == [5, 5]
    # outside the convex hull of the Nash payoffs: their largest total is 28/3 < 10
    assert 10 > max(sum(eq.payoffs) for eq in games.equilibria(GAME, exact=True))


def test_best_correlated_equilibrium_pays_21_4():
    ce = correlated_equilibrium(GAME, "welfare", exact=True)
    assert ce.distribution.tolist() == [[F(1, 2), F(1, 4)], [F(1, 4), 0]]
    assert ce.payoffs.tolist() == [F(21, 4), F(21, 4)]
    assert ce.optimality == "certified"
    assert F(21, 4) > 5 > F(14, 3)
