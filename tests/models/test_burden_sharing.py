"""models.burden_sharing: outcomes checked by hand or by closed form, and bad input refused."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from models.base import describe
from models.burden_sharing import (
    Aggregation,
    CollectiveRisk,
    CostSharing,
    ThresholdPublicGood,
    UnequalCapacities,
    VolunteersDilemma,
)


def test_threshold_public_good_by_hand():
    """n = 3, two needed, b = 3, c = 1: b * 2p(1 - p) = c gives p = (1 +- sqrt(1/3)) / 2; success at p is
    P(Bin(3, p) >= 2) = 3p^2 - 2p^3."""
    out = ThresholdPublicGood(n=3, threshold=2, benefit=3.0, cost=1.0).outcome()
    lo, hi = (1 - np.sqrt(1 / 3)) / 2, (1 + np.sqrt(1 / 3)) / 2
    assert abs(out["p_low"] - lo) < 1e-12 and abs(out["p_high"] - hi) < 1e-12
    assert abs(out["success_high"] - (3 * hi ** 2 - 2 * hi ** 3)) < 1e-12
    assert out["provision_contributors"] == 2 and out["free_riders"] == 1 and out["no_provision_equilibrium"]


def test_threshold_too_costly_has_only_no_provision():
    out = ThresholdPublicGood(n=5, threshold=3, benefit=1.0, cost=1.5).outcome()
    assert out["provision_contributors"] == 0 and out["n_mixed"] == 0 and out["no_provision_equilibrium"]


@pytest.mark.parametrize("n", [2, 4, 32, 193])
def test_volunteers_dilemma_outcome(n):
    """Diekmann (1985): p = 1 - (c/b)^(1/(n-1)), P(nobody) = (c/b)^(n/(n-1)), increasing in n."""
    b, c = 1.0, 0.3
    out = VolunteersDilemma(n=n, benefit=b, cost=c).outcome()
    assert abs(out["p_volunteer"] - (1 - (c / b) ** (1 / (n - 1)))) < 1e-9
    assert abs(out["p_nobody"] - (c / b) ** (n / (n - 1))) < 1e-9
    assert out["n_pure_profiles"] == n and out["pure_volunteers"] == 1
    # payoff in the mixed equilibrium equals the sure payoff of volunteering, b - c (indifference)
    assert abs(out["expected_payoff"] - (b - c)) < 1e-9


def test_nobody_volunteers_more_often_in_larger_groups():
    p = [VolunteersDilemma(n=n, benefit=1.0, cost=0.5).outcome()["p_nobody"] for n in (2, 5, 20, 100)]
    assert all(a < b for a, b in zip(p, p[1:])) and p[-1] < 0.5


def test_aggregation_technologies_by_hand():
    """Summation with b/n < c: free-riding dominates; best-shot: exactly one contributes (a volunteer's
    dilemma); weakest-link: all or nothing, with a mixed equilibrium b p^(n-1) = c."""
    assert Aggregation(n=4, technology="summation", benefit=1.0, cost=0.3).outcome()["pure_contributors"] == (0,)
    assert Aggregation(n=4, technology="summation", benefit=2.0, cost=0.3).outcome()["pure_contributors"] == (4,)
    best = Aggregation(n=4, technology="best-shot", benefit=1.0, cost=0.3).outcome()
    assert best["pure_contributors"] == (1,) and abs(best["mixed_p"][0] - (1 - 0.3 ** (1 / 3))) < 1e-9
    weak = Aggregation(n=4, technology="weakest-link", benefit=1.0, cost=0.3).outcome()
    assert weak["pure_contributors"] == (0, 4) and abs(weak["mixed_p"][0] - 0.3 ** (1 / 3)) < 1e-9
    assert weak["optimum"] == 4 and weak["efficient"]


def test_unequal_capacities_by_hand():
    """Forces 10, 4, 3, 2 with 16 required: only {10, 4, 3} (the 2-force member is unwilling)."""
    out = UnequalCapacities(capacities=(10, 4, 3, 2), costs=(3, 1, 1, 1), values=(5, 2, 2, 0.5),
                            requirement=16).outcome()
    assert out["n_provision_equilibria"] == 1 and out["no_provision_equilibrium"]
    assert out["smallest_coalition"] == 3 and out["cheapest_coalition_cost"] == 5.0
    assert out["largest_free_riders"] == 1


def test_collective_risk_threshold_in_risk():
    """Interior roots appear when r exceeds c / max_x C(N-1, M-1) x^(M-1) (1-x)^(N-M) (by hand)."""
    r_crit = 0.1 / (10 * 0.4 ** 2 * 0.6 ** 3)
    assert CollectiveRisk(risk=0.95 * r_crit).outcome()["n_interior_roots"] == 0
    high = CollectiveRisk(risk=0.9).outcome()
    assert high["n_interior_roots"] == 2 and high["x_left"] < high["x_right"]
    low = CollectiveRisk(risk=0.1).outcome()
    assert high["group_achievement"] > low["group_achievement"]


def test_cost_sharing_rules_by_hand():
    m = CostSharing(gdp=(6.0, 3.0, 1.0), benefits=(10.0, 10.0, 10.0), total_cost=10.0)
    assert dataclasses.replace(m, rule="equal").outcome()["initial_shares"] == pytest.approx((10 / 3,) * 3)
    assert dataclasses.replace(m, rule="gdp").outcome()["initial_shares"] == pytest.approx((6, 3, 1))
    lead = dataclasses.replace(m, rule="lead", lead=0, lead_share=0.6).outcome()["initial_shares"]
    assert lead == pytest.approx((6, 2, 2))


def test_withdrawal_over_time_by_hand():
    """GDP shares 8:1:1, cost 5 growing 20% a period. Period 1 (cost 6): the third pays 0.6 > 0.55 and
    leaves; the second then pays 6/9 = 0.667 <= 0.75. Period 2 (7.2): the second pays 0.8 > 0.75 and leaves;
    the lead pays 7.2 <= 9 and stays."""
    out = CostSharing(gdp=(8.0, 1.0, 1.0), benefits=(9.0, 0.75, 0.55), total_cost=5.0, rule="gdp",
                      cost_growth=1.2, periods=4).outcome()
    assert out["left_in_period"] == (None, 2, 1)
    assert out["remaining"] == 1 and out["final_share_of_lead"] == 1.0 and out["final_is_equilibrium"]


def test_models_document_their_parameters_and_quote_the_essay():
    for cls in (ThresholdPublicGood, VolunteersDilemma, Aggregation, UnequalCapacities, CollectiveRisk,
                CostSharing):
        assert "Petrovsky" in cls.__doc__
        assert all(row["meaning"] for row in describe(cls()))


@pytest.mark.parametrize("make,match", [
    (lambda: VolunteersDilemma(n=5, benefit=1.0, cost=-0.1), "cost must be >= 0"),
    (lambda: VolunteersDilemma(n=1), "n must be an integer >= 2"),
    (lambda: ThresholdPublicGood(n=5, threshold=6), "threshold must be between 1 and n = 5"),
    (lambda: ThresholdPublicGood(n=5, threshold=0), "threshold must be between 1 and n"),
    (lambda: ThresholdPublicGood(cost=-1.0), "cost must be >= 0"),
    (lambda: Aggregation(technology="max"), "technology must be one of"),
    (lambda: UnequalCapacities(capacities=(1, 0, 2, 3)), "capacities must be positive"),
    (lambda: UnequalCapacities(requirement=100.0), "requirement must be in"),
    (lambda: CostSharing(gdp=(1.0, -2.0, 1.0, 1.0)), "gdp must be positive"),
    (lambda: CostSharing(rule="by size"), "rule must be one of"),
    (lambda: CollectiveRisk(threshold=7), "threshold must be an integer between 1 and group_size = 6"),
    (lambda: CollectiveRisk(risk=1.5), "risk must be <= 1"),
    (lambda: CollectiveRisk(population=4), "population must be an integer >= group_size"),
])
def test_bad_input_refused(make, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make()
