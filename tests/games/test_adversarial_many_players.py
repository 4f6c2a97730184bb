"""Adversarial inputs to the many-player models: AnonymousGame and ThresholdGame.

Expected values come from closed forms stated in each test (Diekmann 1985 for the volunteer's dilemma;
binomial coefficients for threshold games of equal players).
"""

from __future__ import annotations

from math import comb

import numpy as np
import pytest

import games
from games.anonymous import AnonymousGame
from games.threshold import ThresholdGame


def volunteer(n: int, benefit: float = 4.0, cost: float = 1.0) -> AnonymousGame:
    return AnonymousGame.from_function(n, ["wait", "volunteer"], lambda a, c: benefit * (a + c[1] >= 1) - cost * a)


# ----------------------------------------------------------------------------------------- AnonymousGame
def test_tol_zero_cannot_silently_drop_the_mixed_equilibrium():
    # Diekmann (1985): the symmetric mixed equilibrium of the volunteer's dilemma volunteers with
    # probability 1 - (c / b) ** (1 / (n - 1)). A float root cannot have regret exactly 0, so with tol=0 it
    # is rejected: the set must then not claim to be complete (before the fix: complete=True, 1 equilibrium).
    eqs = volunteer(5).equilibria(tol=0)
    assert eqs.rejected >= 1 and eqs.complete is False and "failed verification" in eqs.note
    loose = volunteer(5).equilibria()
    mixed = [e for e in loose if not e.is_pure]
    assert loose.complete and len(mixed) == 1
    assert abs(mixed[0].strategy[1] - (1 - 0.25 ** 0.25)) < 1e-10


@pytest.mark.parametrize("n", [2, 5000])
def test_volunteers_dilemma_at_the_extremes(n):
    # n = 2: pure equilibria (1 volunteer) and the mix 1 - 1/4 = 3/4; n = 5000: the same closed form.
    g = AnonymousGame.from_function(n, 2, lambda a, c: 4.0 * (a + c[:, 1] >= 1) - a, vectorized=True)
    eqs = g.equilibria()
    assert [e.counts for e in eqs if e.is_pure] == [(n - 1, 1)]
    mixed = [e for e in eqs if not e.is_pure]
    assert len(mixed) == 1 and abs(mixed[0].strategy[1] - (1 - 0.25 ** (1 / (n - 1)))) < 1e-9


def test_all_payoffs_equal_is_reported_as_a_continuum():
    # Every profile is an equilibrium: all n + 1 count profiles, and every mix (flagged, not listed).
    eqs = AnonymousGame.from_function(6, 2, lambda a, c: 1.0).equilibria()
    assert [e.counts for e in eqs] == [(6 - j, j) for j in range(7)]
    assert eqs.degenerate is True and eqs.complete is False and "continuum" in eqs.note


def test_one_action():
    eqs = AnonymousGame.from_function(4, 1, lambda a, c: 2.0).equilibria()
    assert [e.counts for e in eqs] == [(4,)] and eqs.complete


@pytest.mark.parametrize("func, error, message", [
    (lambda a, c: np.array(["x"] * len(c)), TypeError, r"func \(vectorized\) must return numbers"),
    (lambda a, c: c[:, 1] > 0, TypeError, r"func \(vectorized\) must return numbers"),
])
def test_vectorized_payoffs_of_the_wrong_type(func, error, message):
    with pytest.raises(error, match=message):
        AnonymousGame.from_function(3, 2, func, vectorized=True)


def test_a_failing_payoff_function_names_the_point():
    with pytest.raises(ZeroDivisionError) as info:
        AnonymousGame.from_function(3, 2, lambda a, c: 1 / (c[1] - 1))
    assert any("action 0" in note and "(1, 1)" in note for note in info.value.__notes__)


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
