"""Cooperative games (games.cooperative): power indices, Shapley value, core and nucleolus.

Expected values are derived by hand (worked in the comments), taken from published examples, or computed by
the independent oracles in this file (enumeration of voting orders and coalitions, written here, not the
engine's code).
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from itertools import combinations, permutations

import numpy as np
import pytest

import games
from games.cooperative import MAX_PLAYERS, TUGame, WeightedVotingGame

F = Fraction


# ---------------------------------------------------------------------------------------------- oracles
def pivot_shares(weights, quota):
    """Shapley-Shubik by walking every voting order (n <= 7)."""
    n = len(weights)
    counts = [0] * n
    for order in permutations(range(n)):
        total = 0
        for i in order:
            total += weights[i]
            if total >= quota:
                counts[i] += 1
                break
    return tuple(F(c, math.factorial(n)) for c in counts)


def swing_counts(weights, quota):
    """Banzhaf swings by listing every coalition of the others."""
    n = len(weights)
    out = []
    for i in range(n):
        others = [j for j in range(n) if j != i]
        out.append(sum(1 for k in range(n) for S in combinations(others, k)
                       if sum(weights[j] for j in S) < quota <= sum(weights[j] for j in S) + weights[i]))
    return tuple(out)


def shapley_by_orders(game: TUGame):
    n = game.num_players
    phi = [F(0)] * n
    for order in permutations(range(n)):
        before: list[int] = []
        for i in order:
            phi[i] += game.value(before + [i]) - game.value(before)
            before.append(i)
    return tuple(p / math.factorial(n) for p in phi)


def random_weighted(rng, n, wmax=6):
    w = [rng.randint(0, wmax) for _ in range(n)]
    if sum(w) == 0:
        w[0] = 1
    return w, rng.randint(1, sum(w))


# ---------------------------------------------------------------------------------------------- voting games
def test_three_player_weighted_game_by_hand():
    # [3; 2, 1, 1]: A is pivotal in 4 of the 6 orders (second or third), B only in A B C, C only in A C B.
    # Swings: A turns {B}, {C} and {B, C} into winners (3 swings); B turns {A}; C turns {A}.
    g = WeightedVotingGame([2, 1, 1], 3)
    assert g.shapley_shubik() == (F(2, 3), F(1, 6), F(1, 6))
    assert g.swings() == (3, 1, 1)
    assert g.banzhaf() == (F(3, 5), F(1, 5), F(1, 5))
    assert g.banzhaf(normalized=False) == (F(3, 4), F(1, 4), F(1, 4))
    assert g.veto_players() == (0,)
    assert g.minimal_winning_coalitions() == [(0, 1), (0, 2)]


def test_stach_2011_example():
    # Stach (2011), "Shapley-Shubik index", Encyclopedia of Power, SAGE, pp. 603-606: [50; 10, 10, 20, 30] has
    # index (1/12, 1/12, 1/4, 7/12). By hand (n = 4, a swing of size k weighs k!(3-k)!/24): D swings {C} (k=1),
    # {A,B}, {A,C}, {B,C} (k=2) and {A,B,C} (k=3): 2/24 + 3*2/24 + 6/24 = 7/12; C swings {D} and {A,D}, {B,D}:
    # 2/24 + 2*2/24 = 1/4; A swings only {B, D}: 2/24 = 1/12.
    g = WeightedVotingGame([10, 10, 20, 30], 50)
    assert g.shapley_shubik() == (F(1, 12), F(1, 12), F(1, 4), F(7, 12))
    assert g.veto_players() == (3,)


def test_eec_1958_banzhaf():
    # The EEC Council of Ministers 1958: France, Germany, Italy 4, Belgium, Netherlands 2, Luxembourg 1, quota 12.
    # By hand: every other sum is even, so Luxembourg never swings (a dummy). A large member swings the
    # subsets of {4, 4, 2, 2} weighing 8 or 10 (3 + 2 = 5), doubled by Luxembourg in or out: 10; a middle
    # member swings those of {4, 4, 4, 2} weighing 10 (3), doubled: 6. Total 3*10 + 2*6 = 42.
    g = WeightedVotingGame([4, 4, 4, 2, 2, 1], 12)
    assert g.swings() == (10, 10, 10, 6, 6, 0)
    assert g.banzhaf() == (F(5, 21),) * 3 + (F(3, 21),) * 2 + (F(0),)
    assert g.dummies() == (5,)
    # Shapley-Shubik: also by hand, the 6! orders; checked against the order walk here
    assert g.shapley_shubik() == pivot_shares([4, 4, 4, 2, 2, 1], 12)


def test_unsc_weighted_representation_matches_the_charter_rule():
    # Charter rule since 1965: nine of fifteen votes including all five permanent members. Every one of the
    # 2^15 coalitions is checked against the rule.
    g = WeightedVotingGame.with_vetoes(5, 10, 9)
    assert g.weights == (7,) * 5 + (1,) * 10 and g.quota == 39
    for m in range(1 << 15):
        members = [i for i in range(15) if m >> i & 1]
        rule = all(p in members for p in range(5)) and len(members) >= 9
        assert g.is_winning(members) == rule
    # 1954 rule: seven of eleven including the five permanent members
    old = WeightedVotingGame.with_vetoes(5, 6, 7)
    for m in range(1 << 11):
        members = [i for i in range(11) if m >> i & 1]
        assert old.is_winning(members) == (all(p in members for p in range(5)) and len(members) >= 7)


def test_unanimity_and_qualified_majority():
    g = WeightedVotingGame.unanimity(6)
    assert g.shapley_shubik() == (F(1, 6),) * 6
    assert g.veto_players() == tuple(range(6))
    assert g.count_minimal_winning() == 1
    # unanimity: each member swings only the coalition of all the others
    assert g.banzhaf(normalized=False) == (F(1, 32),) * 6
    m = WeightedVotingGame.qualified_majority(7, 5)
    assert m.count_minimal_winning() == math.comb(7, 5)
    assert m.swings() == (math.comb(6, 4),) * 7      # a swing: exactly 4 of the other 6 vote yes


def test_rational_weights_are_scaled():
    g = WeightedVotingGame([F(1, 2), F(1, 4), F(1, 4)], F(3, 4))
    assert g.weights == (2, 1, 1) and g.quota == 3
    assert g.shapley_shubik() == (F(2, 3), F(1, 6), F(1, 6))
    assert WeightedVotingGame([2.0, 1.0, 1.0], 3).weights == (2, 1, 1)


@pytest.mark.parametrize("seed", range(40))
def test_indices_match_enumeration_on_random_games(seed):
    rng = random.Random(seed)
    w, q = random_weighted(rng, rng.randint(1, 7))
    g = WeightedVotingGame(w, q)
    assert g.shapley_shubik() == pivot_shares(w, q)
    assert g.swings() == swing_counts(w, q)
    assert sum(g.shapley_shubik()) == 1


@pytest.mark.parametrize("seed", range(10))
def test_minimal_winning_coalitions_match_enumeration(seed):
    rng = random.Random(100 + seed)
    w, q = random_weighted(rng, rng.randint(1, 8))
    n = len(w)
    brute = []
    for k in range(1, n + 1):
        for S in combinations(range(n), k):
            ws = sum(w[i] for i in S)
            if ws >= q and all(ws - w[i] < q for i in S):
                brute.append(S)
    g = WeightedVotingGame(w, q)
    assert g.minimal_winning_coalitions() == sorted(brute)
    assert g.count_minimal_winning() == len(brute)


def test_large_games_keep_the_axioms():
    rng = random.Random(7)
    w = [rng.randint(1, 9) for _ in range(120)] + [3, 3]
    g = WeightedVotingGame(w, sum(w) * 2 // 3)
    ss = g.shapley_shubik()
    assert sum(ss) == 1
    assert ss[-1] == ss[-2]                           # equal weights, equal power
    order = sorted(range(len(w)), key=lambda i: w[i])
    assert all(ss[a] <= ss[b] for a, b in zip(order, order[1:]))   # power is monotone in weight
    b = g.banzhaf()
    assert sum(b) == 1 and all(b[a] <= b[c] for a, c in zip(order, order[1:]))


def test_player_heavier_than_quota_is_a_dictator():
    g = WeightedVotingGame([5, 1, 1], 5)
    assert g.shapley_shubik() == (1, 0, 0)
    assert g.dummies() == (1, 2)


def test_to_tu_game_shapley_equals_index():
    g = WeightedVotingGame([3, 2, 2, 1], 5)
    assert g.to_tu_game().shapley_value() == g.shapley_shubik() == pivot_shares([3, 2, 2, 1], 5)


@pytest.mark.parametrize("weights,quota,error,match", [
    ([1, 2], 0, ValueError, r"quota must lie in \(0, total weight = 3\]"),
    ([1, 2], 4, ValueError, "quota must lie in"),
    ([1, -2, 3], 2, ValueError, r"weights\[1\] must be >= 0"),
    ([1, 2.5], 2, ValueError, r"weights\[1\] must be an integer or a Fraction"),
    ([1, "a"], 1, TypeError, r"weights\[1\] must be a number"),
    ([], 1, ValueError, "at least one player"),
    ([1, 1], "2", TypeError, "quota must be a number"),
])
def test_bad_weights_and_quota(weights, quota, error, match):
    with pytest.raises(error, match=match):
        WeightedVotingGame(weights, quota)


def test_bad_coalitions_and_limits():
    g = WeightedVotingGame([1, 1, 1], 2, players=["A", "B", "C"])
    with pytest.raises(ValueError, match="out of range: indices run from 0 to 2"):
        g.is_winning([0, 3])
    with pytest.raises(ValueError, match="neither a player index"):
        g.is_winning(["D"])
    with pytest.raises(TypeError, match="iterable of player indices"):
        g.is_winning("AB")
    with pytest.raises(ValueError, match="players must have one label per weight"):
        WeightedVotingGame([1, 1], 1, players=["A"])
    with pytest.raises(ValueError, match="more than limit=10; count them with count_minimal_winning"):
        WeightedVotingGame([1] * 10, 5).minimal_winning_coalitions(limit=10)
    with pytest.raises(ValueError, match="use banzhaf"):
        WeightedVotingGame([10**6] * 300, 10**8).shapley_shubik()
    with pytest.raises(ValueError, match="votes must be between vetoes"):
        WeightedVotingGame.with_vetoes(5, 10, 3)


def test_lazy_exports():
    assert games.WeightedVotingGame is WeightedVotingGame
    assert games.TUGame is TUGame
    assert games.cooperative.TUGame is TUGame


# ---------------------------------------------------------------------------------------------- TU games
GLOVES = TUGame({(0,): 0, (1,): 0, (2,): 0, (0, 1): 1, (0, 2): 1, (1, 2): 0, (0, 1, 2): 1}, num_players=3)


def test_glove_game_by_hand():
    # One left glove (player 1), two right gloves; a pair is worth 1. The left glove is pivotal in the 4 orders
    # where it does not come first: Shapley 2/3, the right gloves 1/6 each. The core needs x1 + x2 >= 1 and
    # x1 + x3 >= 1 with x1 + x2 + x3 = 1, hence x3 <= 0 and x2 <= 0: the single point (1, 0, 0), which is
    # then also the nucleolus. The Shapley value is not in the core.
    assert GLOVES.shapley_value() == (F(2, 3), F(1, 6), F(1, 6))
    assert GLOVES.core_contains([1, 0, 0])
    assert not GLOVES.core_contains(GLOVES.shapley_value())
    assert GLOVES.core_point() == (1, 0, 0)
    assert GLOVES.nucleolus() == (1, 0, 0)
    assert GLOVES.blocking_coalition(GLOVES.shapley_value()) == (0, 1)   # x1 + x2 = 5/6 < 1


def test_three_player_nucleolus_by_hand():
    # v(i) = 0, v(12) = 4, v(13) = 2, v(23) = 0, v(N) = 6. Excesses: x1, x2, x3, 2 - x3, 4 - x2, 6 - x1.
    # Stage 1: min(x3, 2 - x3) <= 1, attained with x3 = 1; stage 2: min(x2, 4 - x2) <= 2 at x2 = 2, so the
    # nucleolus is (3, 2, 1). The Shapley value, averaging marginal worths over the six orders: player 1
    # (0 + 0 + 4 + 6 + 2 + 6) / 6 = 3, player 2 (4 + 4 + 0 + 0 + 4 + 0) / 6 = 2, player 3 1.
    g = TUGame({(0,): 0, (1,): 0, (2,): 0, (0, 1): 4, (0, 2): 2, (1, 2): 0, (0, 1, 2): 6}, num_players=3)
    assert g.nucleolus() == (3, 2, 1)
    assert g.shapley_value() == (3, 2, 1)
    assert g.core_contains([6, 0, 0])              # every pair gets at least its worth
    assert not g.core_contains([1, 2, 3])          # x1 + x2 = 3 < v(12) = 4


def test_majority_game():
    # Three-player majority: any two win. Core empty (each pair needs 1: summing, 2 x(N) >= 3 > 2 v(N)).
    g = TUGame([0, 0, 0, 1, 0, 1, 1, 1])
    assert g.core_is_empty()
    assert g.core_point() is None
    assert g.nucleolus() == (F(1, 3),) * 3
    assert g.shapley_value() == (F(1, 3),) * 3
    assert g.is_superadditive() and not g.is_convex()


def test_two_player_bargaining():
    # v(1) = 1, v(2) = 2, v(12) = 6: Shapley and nucleolus split the surplus 3 equally: (2.5, 3.5)
    g = TUGame([0, 1, 2, 6])
    assert g.shapley_value() == (F(5, 2), F(7, 2))
    assert g.nucleolus() == (F(5, 2), F(7, 2))


def random_tu(rng, n):
    """Stand-alone worths a_i, and every larger coalition a random surplus over its members' sum."""
    a = [rng.randint(0, 3) for _ in range(n)]
    vals = [0] * (1 << n)
    for m in range(1, 1 << n):
        members = [i for i in range(n) if m >> i & 1]
        vals[m] = sum(a[i] for i in members) + (rng.randint(0, 4 * len(members)) if len(members) > 1 else 0)
    return TUGame(vals)


@pytest.mark.parametrize("seed", range(25))
def test_shapley_matches_orders_and_axioms(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 5)
    g = random_tu(rng, n)
    phi = g.shapley_value()
    assert phi == shapley_by_orders(g)
    assert sum(phi) == g.value(range(n))                          # efficiency
    # dummy: a player who adds exactly v({i}) everywhere gets v({i})
    extra = 2
    values = [g.values[m] if m < (1 << n) else g.values[m - (1 << n)] + extra for m in range(1 << (n + 1))]
    h = TUGame(values)
    assert h.shapley_value() == (*phi, extra)


def test_symmetry():
    rng = random.Random(5)
    n = 4
    base = {k: rng.randint(0, 10) for k in range(1, n + 1)}
    g = TUGame.from_function(n, lambda S: base[len(S)] * len(S) if S else 0)
    assert len(set(g.shapley_value())) == 1
    assert len(set(g.nucleolus())) == 1


@pytest.mark.parametrize("seed", range(20))
def test_nucleolus_lies_in_a_nonempty_core(seed):
    rng = random.Random(1000 + seed)
    n = rng.randint(2, 5)
    g = random_tu(rng, n)
    nu = g.nucleolus()
    assert sum(nu) == g.value(range(n))
    assert all(nu[i] >= g.value([i]) for i in range(n))
    point = g.core_point()
    if point is not None:
        assert g.core_contains(point)
        assert g.core_contains(nu)
    else:
        assert not g.core_contains(nu)


@pytest.mark.parametrize("seed", range(8))
def test_convex_games_have_shapley_in_core(seed):
    # Shapley (1971): in a convex game the Shapley value lies in the core.
    rng = random.Random(seed)
    n = rng.randint(2, 5)
    weights = [rng.randint(1, 5) for _ in range(n)]
    g = TUGame.from_function(n, lambda S: sum(weights[i] for i in S) ** 2)
    assert g.is_convex()
    assert g.core_contains(g.shapley_value())


def test_tu_bad_input():
    with pytest.raises(ValueError, match="2\\^n entries"):
        TUGame([0, 1, 2])
    with pytest.raises(ValueError, match="empty coalition"):
        TUGame([1, 1])
    with pytest.raises(ValueError, match="num_players is required"):
        TUGame({(0,): 1})
    with pytest.raises(ValueError, match="every non-empty coalition a worth; 1 missing"):
        TUGame({(0,): 1, (1,): 1}, num_players=2)
    with pytest.raises(TypeError, match="from_function"):
        TUGame(lambda S: 1)
    with pytest.raises(ValueError, match=f"n must be <= {MAX_PLAYERS}"):
        TUGame.from_function(MAX_PLAYERS + 1, len)
    g = TUGame([0, 1, 1, 3])
    with pytest.raises(ValueError, match="allocation must have one entry per player \\(2\\); got 3"):
        g.core_contains([1, 1, 1])
    with pytest.raises(ValueError, match="out of range"):
        g.value([2])
    with pytest.raises(ValueError, match="imputation set is empty"):
        TUGame([0, 2, 2, 3]).nucleolus()
    with pytest.raises(TypeError, match="allocation\\[0\\] must be a number"):
        g.core_contains(["a", 1])


def test_values_accept_arrays_and_floats():
    g = TUGame(np.array([0.0, 0.5, 0.25, 1.0]))
    assert g.value([0, 1]) == 1 and g.value([0]) == F(1, 2)
    assert g.shapley_value() == (F(5, 8), F(3, 8))


@pytest.mark.parametrize("seed", range(10))
def test_pass_probability_matches_enumeration(seed):
    rng = random.Random(500 + seed)
    w, q = random_weighted(rng, rng.randint(1, 7))
    probs = [F(rng.randint(0, 4), 4) for _ in w]
    expected = F(0)
    for m in range(1 << len(w)):
        if sum(w[i] for i in range(len(w)) if m >> i & 1) >= q:
            pr = F(1)
            for i, p in enumerate(probs):
                pr *= p if m >> i & 1 else 1 - p
            expected += pr
    assert WeightedVotingGame(w, q).pass_probability(probs) == expected


def test_pass_probability_bad_input():
    g = WeightedVotingGame([1, 1], 2)
    with pytest.raises(ValueError, match="one probability per player"):
        g.pass_probability([0.5])
    with pytest.raises(ValueError, match=r"probabilities\[1\] must be in \[0, 1\]"):
        g.pass_probability([0.5, 2])


def test_balanced_certificate_proves_empty_cores():
    # Majority game: the three pairs with weight 1/2 each are balanced (each player is in two of them) and
    # 3 * 1/2 * 1 = 3/2 > v(N) = 1: the core is empty (Bondareva-Shapley).
    g = TUGame([0, 0, 0, 1, 0, 1, 1, 1])
    assert g.balanced_certificate() == {(0, 1): F(1, 2), (0, 2): F(1, 2), (1, 2): F(1, 2)}
    assert GLOVES.balanced_certificate() is None
    rng = random.Random(77)
    for _ in range(15):
        h = random_tu(rng, rng.randint(2, 5))
        cert = h.balanced_certificate()
        assert (cert is None) == (h.core_point() is not None)
        if cert is not None:
            n = h.num_players
            assert all(sum(w for S, w in cert.items() if i in S) == 1 for i in range(n))
            assert sum(w * h.value(S) for S, w in cert.items()) > h.value(range(n))


# ---------------------------------------------------------------------------------------------- compound rules
def test_compound_security_council_equals_its_weighted_form():
    permanent = WeightedVotingGame([1] * 5 + [0] * 10, 5)
    council = permanent & WeightedVotingGame.qualified_majority(15, 9)
    weighted = WeightedVotingGame([7] * 5 + [1] * 10, 39)
    assert council.shapley_shubik() == weighted.shapley_shubik()
    assert council.swings() == weighted.swings() == (848,) * 5 + (84,) * 10
    assert council.veto_players() == (0, 1, 2, 3, 4)


@pytest.mark.parametrize("seed", range(12))
def test_compound_rules_match_enumeration(seed):
    rng = random.Random(900 + seed)
    n = rng.randint(2, 6)
    rules = []
    for _ in range(rng.randint(2, 3)):
        w = [rng.randint(0, 5) for _ in range(n)]
        if sum(w) == 0:
            w[0] = 1
        rules.append(WeightedVotingGame(w, rng.randint(1, sum(w))))
    g = rules[0]
    for r in rules[1:]:
        g = g & r

    def wins(S):
        return all(sum(r.weights[i] for i in S) >= r.quota for r in rules)

    counts, swings = [0] * n, [0] * n
    for order in permutations(range(n)):
        before = []
        for i in order:
            if not wins(before) and wins(before + [i]):
                counts[i] += 1
                break
            before.append(i)
    for i in range(n):
        others = [j for j in range(n) if j != i]
        swings[i] = sum(1 for k in range(n) for S in combinations(others, k) if not wins(S) and wins(S + (i,)))
    assert g.shapley_shubik() == tuple(F(c, math.factorial(n)) for c in counts)
    assert g.swings() == tuple(swings)
    assert g.to_tu_game().shapley_value() == g.shapley_shubik()


def test_double_majority_is_not_weighted_but_is_counted():
    # A majority of states (3 of 5) that also holds 3/4 of a population split 6, 1, 1, 1, 1 (quota 8 of 10):
    # the big state is a veto player, and it is pivotal exactly when it arrives with >= 2 others before it.
    states = WeightedVotingGame.qualified_majority(5, 3)
    population = WeightedVotingGame([6, 1, 1, 1, 1], 8)
    g = states & population
    assert g.veto_players() == (0,)
    # orders: the big state at position 3, 4 or 5 decides (with 2+ small before, both rules met): 3/5
    assert g.shapley_shubik()[0] == F(3, 5)


def test_compound_bad_input():
    with pytest.raises(ValueError, match="same players"):
        WeightedVotingGame([1, 1], 1) & WeightedVotingGame([1, 1, 1], 1)
    with pytest.raises(TypeError, match="non-empty sequence of WeightedVotingGame"):
        games.cooperative.CompoundVotingGame([])


def test_nucleolus_without_dual_information(monkeypatch):
    """When the solver's duals are unusable, each tight coalition is tested by its own LP: same nucleoli."""
    import scipy.optimize

    real = scipy.optimize.linprog

    def no_duals(*args, **kwargs):
        res = real(*args, **kwargs)
        if getattr(res, "ineqlin", None) is not None:
            res.ineqlin.marginals = np.zeros_like(res.ineqlin.marginals)
        return res

    monkeypatch.setattr(scipy.optimize, "linprog", no_duals)
    assert TUGame([0, 0, 0, 1, 0, 1, 1, 1]).nucleolus() == (F(1, 3),) * 3
    assert GLOVES.nucleolus() == (1, 0, 0)
    g = TUGame({(0,): 0, (1,): 0, (2,): 0, (0, 1): 4, (0, 2): 2, (1, 2): 0, (0, 1, 2): 6}, num_players=3)
    assert g.nucleolus() == (3, 2, 1)
