"""Tests of models.alliances against equilibria and optima worked by hand.

Hand formulas (derived in the module docstring, Bergstrom, Blume & Varian 1986): with Cobb-Douglas
u = x^(1-a) G^a and a pure public good, the k contributors supply G = a W_C / (1 + (k-1)(1-a)), ally i
pays g_i = (a w_i - (1-a) G) / a, and nobody with w_j <= (1-a) G / a pays. The Samuelson total is a W.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from models.alliances import PublicGoodAlliance, exploitation


def solve(model: PublicGoodAlliance) -> dict:
    """The flat outcome and the per-ally details of one model, in one record for the hand checks."""
    return {**model.outcome(), **model.details()}


def test_cobb_douglas_two_contributors_and_a_free_rider_by_hand():
    """Incomes (6, 4, 1), a = 1/2: k = 2, G = 5 / 1.5 = 10/3, g = (6 - 10/3, 4 - 10/3, 0)."""
    out = solve(PublicGoodAlliance(incomes=(6.0, 4.0, 1.0), alpha=0.5))
    assert out["total"] == pytest.approx(10 / 3, abs=1e-9)
    np.testing.assert_allclose(out["contributions"], [8 / 3, 2 / 3, 0.0], atol=1e-9)
    assert out["free_riders"] == ("ally 3",)
    assert out["contributors"] == ("ally 1", "ally 2")
    assert out["income_threshold"] == pytest.approx(10 / 3, abs=1e-9)
    np.testing.assert_allclose(out["burden"], [4 / 9, 1 / 6, 0.0], atol=1e-9)
    assert out["verified"] and out["max_regret"] < 1e-9


def test_corner_small_ally_pays_nothing_by_hand():
    """Incomes (3, 1), a = 1/2: the rich ally alone buys G = a w_1 = 1.5; the poor one's best
    response to G = 1.5 is a*1 - (1-a)*1.5 < 0, so it pays nothing."""
    a = PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5)
    out = solve(a)
    np.testing.assert_allclose(out["contributions"], [1.5, 0.0], atol=1e-9)
    assert out["optimal_total"] == pytest.approx(2.0, abs=1e-12)   # a W = 0.5 * 4
    assert out["total_to_optimal"] == pytest.approx(0.75, abs=1e-9)
    assert a.best_response(1, [1.5, 0.0]) == 0.0


def test_unequal_alpha_symmetric_pair_by_hand():
    """a = 1/3, incomes (4, 4): G = (1/3)(8) / (1 + 2/3) = 1.6, 0.8 each."""
    out = solve(PublicGoodAlliance(incomes=(4.0, 4.0), alpha=1 / 3))
    np.testing.assert_allclose(out["contributions"], [0.8, 0.8], atol=1e-9)
    assert out["optimal_total"] == pytest.approx(8 / 3, abs=1e-12)


def test_samuelson_optimum_by_hand():
    """Cobb-Douglas: G* = a W. CES (a = 1/2, rho = 1/2, incomes (1, 1)): the Samuelson condition
    sum_j (x_j / G)^(1/2) = 1 with x_j = (2 - G)/2 gives G* = 4/3."""
    assert PublicGoodAlliance(incomes=(3.0, 2.0, 1.0), alpha=0.25).optimal_total() == pytest.approx(1.5, abs=1e-12)
    ces = PublicGoodAlliance(incomes=(1.0, 1.0), alpha=0.5, utility="ces", rho=0.5)
    assert ces.optimal_total() == pytest.approx(4 / 3, abs=1e-12)
    assert np.isnan(PublicGoodAlliance(private_share=0.2).optimal_total())


def test_ces_equilibrium_by_hand():
    """CES a = 2/3, rho = 1/2: D/x = (a/(1-a))^2 = 4, so m = 4/5; incomes (1, 1):
    G = m W / (1 + (1 - m)) = 1.6 / 1.2 = 4/3, 2/3 each; the numerical best responses agree."""
    out = solve(PublicGoodAlliance(incomes=(1.0, 1.0), alpha=2 / 3, utility="ces", rho=0.5))
    np.testing.assert_allclose(out["contributions"], [2 / 3, 2 / 3], atol=1e-9)
    assert out["max_regret"] < 1e-9
    neg = solve(PublicGoodAlliance(incomes=(5.0, 2.0, 1.0), alpha=0.4, utility="ces", rho=-1.0))
    assert neg["verified"]


def test_joint_product_draws_in_the_small_ally_by_hand():
    """Private share 1/2 (s = 1/2), a = 1/2, incomes (3, 1): G = 2 / 1.25 = 1.6,
    g_i = (0.5 w_i - 0.4) / 0.75 = (22/15, 2/15). Fully private (share 1): g_i = a w_i."""
    out = solve(PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5, private_share=0.5))
    np.testing.assert_allclose(out["contributions"], [22 / 15, 2 / 15], atol=1e-9)
    assert out["free_riders"] == ()
    assert out["max_regret"] < 1e-9
    full = solve(PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5, private_share=1.0))
    np.testing.assert_allclose(full["contributions"], [1.5, 0.5], atol=1e-9)


def test_neutrality_under_transfer_among_contributors_by_hand():
    """Warr (1983) / BBV: moving 0.5 from ally 1 to ally 2 (both contributors) changes neither G
    nor anyone's private consumption; contributions move by exactly the transfer."""
    before = solve(PublicGoodAlliance(incomes=(6.0, 4.0, 1.0), alpha=0.5))
    after = solve(PublicGoodAlliance(incomes=(5.5, 4.5, 1.0), alpha=0.5))
    assert after["total"] == pytest.approx(before["total"], abs=1e-12)
    np.testing.assert_allclose(after["private_consumption"], before["private_consumption"], atol=1e-12)
    np.testing.assert_allclose(np.subtract(after["contributions"], before["contributions"]),
                               [-0.5, 0.5, 0.0], atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0.1, 100.0), min_size=2, max_size=8), st.floats(0.05, 0.95),
       st.floats(0.0, 1.0))
def test_neutrality_property(incomes, alpha, frac):
    """Any transfer between the two richest contributors that keeps the receiver's and giver's
    income above the threshold leaves G and all private consumption unchanged."""
    base = PublicGoodAlliance(incomes=tuple(incomes), alpha=alpha)
    out = solve(base)
    contributors = [i for i, g in enumerate(out["contributions"]) if g > 0]
    if len(contributors) < 2:
        return
    i, j = contributors[:2]
    slack = out["contributions"][i]
    t = 0.9 * frac * slack
    moved = list(incomes)
    moved[i] -= t
    moved[j] += t
    after = solve(PublicGoodAlliance(incomes=tuple(moved), alpha=alpha))
    assert after["total"] == pytest.approx(out["total"], rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(after["private_consumption"], out["private_consumption"], rtol=1e-9, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0.01, 1e6), min_size=1, max_size=12), st.floats(0.05, 0.95),
       st.floats(0.0, 1.0))
def test_every_equilibrium_is_a_best_response(incomes, alpha, theta):
    """The closed-form contributions are each ally's best response (numerical check by scipy)."""
    out = solve(PublicGoodAlliance(incomes=tuple(incomes), alpha=alpha, private_share=theta))
    assert out["verified"], out["max_regret"]
    assert out["total"] <= sum(incomes)
    if theta == 0:
        assert out["total"] <= out["optimal_total"] * (1 + 1e-12)


def test_grid_game_confirms_equilibrium_with_the_solver():
    """The pure equilibria of the finite grid game (games.equilibria) include the BBV profile."""
    a = PublicGoodAlliance(incomes=(6.0, 4.0, 1.0), alpha=0.5)
    eqs = games.equilibria(a.game(levels=4), method="pure")
    target = np.asarray(a.details()["contributions"]) / 11.0
    found = [np.array([float(lab) for lab in eq.pure_actions()]) for eq in eqs]
    assert any(np.allclose(f, target, atol=1e-6) for f in found)
    with pytest.raises(ValueError, match="max_profiles"):
        PublicGoodAlliance(incomes=tuple(range(1, 9)), alpha=0.5).game(levels=10)


def test_rank_statistics_by_hand():
    """Sizes 1..4, burdens (.1, .3, .2, .4): burden ranks (1, 3, 2, 4), sum d^2 = 2, so
    rho = 1 - 6*2/(4*15) = 0.8; 5 concordant and 1 discordant pairs: tau = 4/6. Kendall's exact
    null: P(at most 1 discordant pair of 4 items) = (1 + 3)/24 = 1/6 (one-sided), 1/3 two-sided.
    Spearman's p from the t approximation t = rho sqrt((n-2)/(1-rho^2)), df = 2."""
    from scipy.stats import t as student

    s = exploitation([1, 2, 3, 4], [0.1, 0.3, 0.2, 0.4])
    assert s["spearman_rho"] == pytest.approx(0.8, abs=1e-12)
    assert s["kendall_tau"] == pytest.approx(2 / 3, abs=1e-12)
    assert s["kendall_p_greater"] == pytest.approx(1 / 6, abs=1e-12)
    assert s["kendall_p_two_sided"] == pytest.approx(1 / 3, abs=1e-12)
    tval = 0.8 * np.sqrt(2 / (1 - 0.64))
    assert s["spearman_p_greater"] == pytest.approx(student.sf(tval, 2), rel=1e-9)
    assert s["spearman_p_two_sided"] == pytest.approx(2 * student.sf(tval, 2), rel=1e-9)


def test_model_predicts_burden_rising_with_income():
    """Olson-Zeckhauser: in equilibrium burden is non-decreasing in income (rho > 0)."""
    out = solve(PublicGoodAlliance(incomes=(10.0, 7.0, 5.0, 2.0, 1.0), alpha=0.3))
    assert out["spearman_rho"] > 0
    burden = out["burden"]
    assert all(b1 >= b2 for b1, b2 in zip(burden, burden[1:]))


@pytest.mark.parametrize("kwargs, match", [
    ({"incomes": (1.0, 0.0)}, "incomes must all be positive; got 0.0 for ally 2"),
    ({"incomes": (1.0, -3.0)}, "incomes must all be positive"),
    ({"incomes": ()}, "at least one ally"),
    ({"alpha": 0.0}, "alpha must be > 0"),
    ({"alpha": 1.0}, "alpha must be < 1"),
    ({"alpha": 1.5}, "alpha must be < 1"),
    ({"utility": "leontief"}, "utility must be one of"),
    ({"utility": "ces", "rho": 0.0}, "rho must be != 0"),
    ({"utility": "ces", "rho": 1.0}, "rho must be < 1"),
    ({"private_share": -0.1}, "private_share must be >= 0"),
    ({"names": ("a",)}, "names must name 3 allies"),
])
def test_bad_input_is_refused(kwargs, match):
    with pytest.raises(ValueError, match=match):
        PublicGoodAlliance(**kwargs)


def test_bad_types_are_refused():
    with pytest.raises(TypeError, match="incomes must be a sequence"):
        PublicGoodAlliance(incomes=5.0)
    with pytest.raises(TypeError, match="alpha must be a number"):
        PublicGoodAlliance(alpha="half")
    with pytest.raises(ValueError, match="at least 3 allies"):
        exploitation([1, 2], [3, 4])
    with pytest.raises(ValueError, match="burdens are all equal"):
        exploitation([1, 2, 3], [0.5, 0.5, 0.5])


def test_replace_makes_variants():
    a = PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5)
    b = dataclasses.replace(a, alpha=0.9)
    # a = 0.9: G = 0.9*4 / 1.1 = 36/11, threshold 0.1 G / 0.9 = 4/11 < 1: both pay
    assert b.details()["free_riders"] == ()


def test_outcome_is_flat_and_details_hold_the_per_ally_data():
    """Incomes (6, 4, 1), a = 1/2 (the first hand example): 2 contributors, 1 free rider, the largest
    burden is ally 1's (6 - 10/3) / 6 = 4/9."""
    a = PublicGoodAlliance(incomes=(6.0, 4.0, 1.0), alpha=0.5)
    out = a.outcome()
    for key, value in out.items():
        assert isinstance(value, (str, int, float, bool, type(None))), (key, type(value))
    assert out["n_contributors"] == 2 and out["n_free_riders"] == 1
    assert out["largest_burden"] == pytest.approx(4 / 9, abs=1e-9)
    assert set(a.details()) == {"contributions", "burden", "private_consumption", "contributors", "free_riders"}
    assert isinstance(PublicGoodAlliance().outcome()["total"], float)


def test_games_sweep_takes_the_model_itself():
    """Equal incomes (1, 1, 1), Cobb-Douglas: every ally pays, G = a W / (1 + 2(1 - a)): a = 0.5 gives
    1.5 / 2 = 3/4; a = 0.25 gives 0.75 / 2.5 = 3/10."""
    table = games.sweep(PublicGoodAlliance(incomes=(1.0, 1.0, 1.0)), {"alpha": [0.5, 0.25]}, progress=False)
    assert table["alpha"].tolist() == [0.5, 0.25]
    assert table["total"].tolist() == pytest.approx([0.75, 0.3], abs=1e-9)
    assert table["n_contributors"].tolist() == [3, 3] and table["verified"].all()


def test_model_registers_its_claim_and_headlines():
    from pathlib import Path

    essay = Path("/work/shared/seed/petrovsky-security-regimes-cis.txt")
    assert PublicGoodAlliance.headlines == ("alliances-burden-vs-size", "alliances-total-vs-optimum")
    if essay.exists():
        assert PublicGoodAlliance.claim in " ".join(essay.read_text(encoding="utf-8").split())
