"""ThresholdGame: pure equilibria by structure against brute force on the full normal form."""

from __future__ import annotations

from math import comb

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from games.threshold import ThresholdGame


def brute_force(g: ThresholdGame) -> set[tuple[int, ...]]:
    """Contributor sets of the pure equilibria of the full 2**n table (games.equilibria, method='pure')."""
    eqs = games.equilibria(g.to_normal_form(), method="pure")
    return {tuple(i for i, s in enumerate(e.supports) if s == (1,)) for e in eqs}


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 8).flatmap(lambda n: st.tuples(
    st.lists(st.integers(1, 6), min_size=n, max_size=n),
    st.lists(st.integers(1, 4), min_size=n, max_size=n),
    st.lists(st.integers(0, 6), min_size=n, max_size=n),
    st.floats(0.05, 1.0))))
def test_structure_matches_brute_force(data):
    capacities, costs, values, frac = data
    requirement = max(1, round(frac * sum(capacities)))
    g = ThresholdGame(capacities, costs, values, requirement)
    structural = {tuple(i for i, s in enumerate(e.supports) if s == (1,)) for e in g.pure_equilibria()}
    assert structural == brute_force(g)
    assert g.count_provision_equilibria() == sum(1 for s in structural if s)


@pytest.mark.parametrize("seed", range(3))
def test_ten_players_real_capacities(seed):
    """n = 10 with non-integer capacities (search path, not the DP count)."""
    rng = np.random.default_rng(seed)
    w = rng.uniform(0.5, 5, 10)
    g = ThresholdGame(w, rng.uniform(0.2, 2, 10), rng.uniform(0, 3, 10), requirement=0.45 * w.sum())
    structural = {tuple(i for i, s in enumerate(e.supports) if s == (1,)) for e in g.pure_equilibria()}
    assert structural == brute_force(g)


def test_equal_players_count_is_binomial():
    """n equal members, M needed: the provision equilibria are the C(n, M) M-member coalitions (by hand)."""
    g = ThresholdGame([1] * 60, [1] * 60, [2] * 60, requirement=20)
    assert g.count_provision_equilibria() == comb(60, 20)
    g = ThresholdGame([2] * 12, [1] * 12, [2] * 12, requirement=7)   # ceil(7/2) = 4 needed
    assert sum(1 for _ in g.minimal_coalitions()) == comb(12, 4) == g.count_provision_equilibria()


def test_tajikistan_like_example_by_hand():
    """Forces 10 (lead), 4, 3, 2; 16 required; the 2-force member values it below its cost.
    Coalitions reaching 16 with every member pivotal: {10, 4, 3} (17; 17-3 = 14 < 16) and {10, 4, 2}
    (16) - the latter needs the unwilling member, so only {0, 1, 2}."""
    g = ThresholdGame([10, 4, 3, 2], [3, 1, 1, 1], [5, 2, 2, 0.5], requirement=16)
    eqs = g.pure_equilibria()
    got = [tuple(i for i, s in enumerate(e.supports) if s == (1,)) for e in eqs]
    assert got == [(), (0, 1, 2)]
    assert all(e.regret == 0 for e in eqs)


def test_no_provision_broken_by_a_single_capable_member():
    g = ThresholdGame([5, 1], [1, 1], [3, 3], requirement=5)
    assert not g.no_provision_is_equilibrium()
    assert [tuple(i for i, s in enumerate(e.supports) if s == (1,)) for e in g.pure_equilibria()] == [(0,)]


def test_limit_and_bad_input_are_refused():
    g = ThresholdGame([1] * 30, [1] * 30, [2] * 30, requirement=15)
    with pytest.raises(ValueError, match="155117520 in all"):
        g.pure_equilibria(limit=1000)
    with pytest.raises(ValueError, match="costs must be positive"):
        ThresholdGame([1, 1], [-1, 1], [1, 1], 1)
    with pytest.raises(ValueError, match="capacities must be positive"):
        ThresholdGame([0, 1], [1, 1], [1, 1], 1)
    with pytest.raises(ValueError, match="requirement must be in"):
        ThresholdGame([1, 1], [1, 1], [1, 1], 3)
    with pytest.raises(ValueError, match="number of players"):
        ThresholdGame([1], [1], [1], 1)
    with pytest.raises(ValueError, match="2\\*\\*40 profiles"):
        ThresholdGame([1] * 40, [1] * 40, [2] * 40, 20).to_normal_form()


# -------------------- many players
# ----------------------------------------------------------------------------------------- ThresholdGame
def test_decimal_capacities_are_counted_without_listing():
    # 40 equal players of capacity 0.5, requirement 10: the provision equilibria are the 20-member
    # coalitions, C(40, 20) of them (counted by dynamic programming on the capacities times 2).
    g = ThresholdGame([0.5] * 40, [1] * 40, [2] * 40, requirement=10)
    assert g.count_provision_equilibria() == comb(40, 20)


def test_sixty_players_with_irregular_capacities_are_refused_not_hung():
    # 60 players with 16-digit capacities: far too many provision equilibria to list, and no integer
    # grid to count them on: both calls refuse at once (before the fix both ran for hours).
    w = np.random.default_rng(0).random(60) + 0.5
    g = ThresholdGame(w, [1] * 60, [2] * 60, requirement=20)
    with pytest.raises(ValueError, match="more than limit=1000"):
        g.pure_equilibria(limit=1000)
    with pytest.raises(ValueError, match="integer"):
        g.count_provision_equilibria(max_work=100_000)


def test_sixty_equal_players():
    # Requirement 30 of 60 unit capacities: C(60, 30) minimal coalitions; requirement 60: only the grand
    # coalition, plus no provision (no single player can provide alone).
    assert ThresholdGame([1] * 60, [1] * 60, [2] * 60, requirement=30).count_provision_equilibria() == comb(60, 30)
    eqs = ThresholdGame([1] * 60, [1] * 60, [2] * 60, requirement=60).pure_equilibria()
    assert sorted(sum(s == (1,) for s in e.supports) for e in eqs) == [0, 60]


@pytest.mark.parametrize("kwargs, error, message", [
    ({"requirement": 0}, ValueError, r"requirement must be in \(0, sum\(capacities\)\]"),
    ({"requirement": 7}, ValueError, r"requirement must be in \(0, sum\(capacities\)\] = \(0, 6\]; got 7"),
    ({"requirement": [1, 2]}, TypeError, "requirement must be a number"),
    ({"capacities": [0, 3, 3]}, ValueError, "capacities must be positive"),
    ({"cap_tol": "x"}, TypeError, "cap_tol must be a number"),
    ({"cap_tol": -1}, ValueError, "cap_tol must be a number >= 0"),
    ({"cap_tol": 10}, ValueError, "cap_tol must be smaller than the requirement"),
])
def test_bad_threshold_games(kwargs, error, message):
    args = {"capacities": [1, 2, 3], "costs": [1, 1, 1], "values": [2, 2, 2], "requirement": 3} | kwargs
    with pytest.raises(error, match=message):
        ThresholdGame(**args)


def test_contributor_masks_and_limits_are_checked():
    g = ThresholdGame([1, 2], [1, 1], [2, 2], requirement=1)
    with pytest.raises(ValueError, match="boolean mask of length 2"):
        g.payoffs([True])                # a short mask, not the index 1
    with pytest.raises(TypeError, match="limit must be an integer"):
        g.pure_equilibria(limit="x")
    with pytest.raises(ValueError, match="tol must be a number >= 0"):
        g.is_equilibrium([0], tol=-1)
    # requirement exactly the total: the grand coalition and no provision
    eqs = ThresholdGame([1, 2], [1, 1], [2, 2], requirement=3).pure_equilibria()
    assert sorted(tuple(s[0] for s in e.supports) for e in eqs) == [(0, 0), (1, 1)]
    assert games.equilibria(ThresholdGame([1, 2], [1, 1], [2, 2], requirement=3).to_normal_form(), "pure")[1].supports \
        == ((1,), (1,))
