"""models.burden_sharing: outcomes checked by hand or by closed form, and bad input refused."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

import games
from models.base import describe
from models.burden_sharing import (
    Aggregation,
    CollectiveRisk,
    CostSharing,
    ThresholdPublicGood,
    UnequalCapacities,
    VolunteersDilemma,
)

ESSAY = Path("/work/shared/seed/petrovsky-security-regimes-cis.txt")


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
    assert Aggregation(n=4, technology="summation", benefit=1.0, cost=0.3).details()["pure_contributors"] == (0,)
    assert Aggregation(n=4, technology="summation", benefit=2.0, cost=0.3).details()["pure_contributors"] == (4,)
    best = Aggregation(n=4, technology="best-shot", benefit=1.0, cost=0.3).details()
    assert best["pure_contributors"] == (1,) and abs(best["mixed_p"][0] - (1 - 0.3 ** (1 / 3))) < 1e-9
    weak_model = Aggregation(n=4, technology="weakest-link", benefit=1.0, cost=0.3)
    weak = weak_model.details()
    assert weak["pure_contributors"] == (0, 4) and abs(weak["mixed_p"][0] - 0.3 ** (1 / 3)) < 1e-9
    out = weak_model.outcome()
    assert out["optimum"] == 4 and out["efficient"]
    # the flat record summarises the same equilibria: two pure (0 and 4), one mixed at 0.3^(1/3)
    assert (out["n_pure"], out["pure_low"], out["pure_high"], out["n_mixed"]) == (2, 0, 4, 1)
    assert out["p_low"] == pytest.approx(0.3 ** (1 / 3), abs=1e-9) and out["n_equilibria"] == 3


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
    assert dataclasses.replace(m, rule="equal").details()["initial_shares"] == pytest.approx((10 / 3,) * 3)
    assert dataclasses.replace(m, rule="gdp").details()["initial_shares"] == pytest.approx((6, 3, 1))
    lead = dataclasses.replace(m, rule="lead", lead=0, lead_share=0.6).details()["initial_shares"]
    assert lead == pytest.approx((6, 2, 2))
    # the lead's share of the first period's cost, as a scalar: 6 of 10 (GDP), 6 of 10 (lead share 0.6)
    assert dataclasses.replace(m, rule="gdp").outcome()["initial_share_of_lead"] == pytest.approx(0.6)
    assert dataclasses.replace(m, rule="equal").outcome()["initial_share_of_lead"] == pytest.approx(1 / 3)


def test_withdrawal_over_time_by_hand():
    """GDP shares 8:1:1, cost 5 growing 20% a period. Period 1 (cost 6): the third pays 0.6 > 0.55 and
    leaves; the second then pays 6/9 = 0.667 <= 0.75. Period 2 (7.2): the second pays 0.8 > 0.75 and leaves;
    the lead pays 7.2 <= 9 and stays."""
    m = CostSharing(gdp=(8.0, 1.0, 1.0), benefits=(9.0, 0.75, 0.55), total_cost=5.0, rule="gdp",
                    cost_growth=1.2, periods=4)
    assert m.details()["left_in_period"] == (None, 2, 1)
    out = m.outcome()
    assert out["remaining"] == 1 and out["final_share_of_lead"] == 1.0 and out["final_is_equilibrium"]
    assert out["n_left"] == 2 and out["first_exit_period"] == 1
    # the last period's cost is 5 * 1.2^3 = 8.64, all of it on the lead
    assert m.details()["final_shares"] == pytest.approx((5 * 1.2 ** 3, 0.0, 0.0))


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


BURDEN_MODELS = (ThresholdPublicGood, VolunteersDilemma, Aggregation, UnequalCapacities, CollectiveRisk, CostSharing)


@pytest.mark.parametrize("cls", BURDEN_MODELS, ids=lambda c: c.__name__)
def test_default_outcome_is_flat_scalars(cls):
    out = cls().outcome()
    assert out and all(isinstance(k, str) for k in out)
    for key, value in out.items():
        assert value is None or isinstance(value, (str, int, float, bool, np.bool_, np.integer, np.floating)), \
            f"{cls.__name__}.outcome()[{key!r}] is a {type(value).__name__}"


@pytest.mark.parametrize("cls, grid", [
    (ThresholdPublicGood, {"cost": [0.1, 0.2]}),
    (VolunteersDilemma, {"n": [2, 3]}),
    (Aggregation, {"technology": ["best-shot", "weakest-link"]}),
    (UnequalCapacities, {"requirement": [9.0, 16.0]}),
    (CollectiveRisk, {"risk": [0.0, 0.9]}),
    (CostSharing, {"rule": ["equal", "gdp"]}),
], ids=lambda v: v.__name__ if isinstance(v, type) else "")
def test_games_sweep_takes_the_model_itself(cls, grid):
    table = games.sweep(cls(), grid, progress=False)
    (name, values), = grid.items()
    assert table[name].tolist() == values and len(table) == 2


def test_sweeps_agree_with_hand_values():
    """Volunteer's dilemma with c/b = 1/2: n = 2 gives p = 1 - 1/2 = 1/2; n = 3 gives p = 1 - (1/2)^(1/2).
    Aggregation, n = 4, b = 1, c = 0.3: best-shot has one pure equilibrium (1 contributor), weakest-link two
    (0 and 4). Cost sharing, defaults: equal shares give the lead 1/4 of the cost, GDP shares 8/11."""
    vd = games.sweep(VolunteersDilemma(benefit=1.0, cost=0.5), {"n": [2, 3]}, progress=False)
    assert vd["p_volunteer"].tolist() == pytest.approx([0.5, 1 - 0.5 ** 0.5], abs=1e-9)
    ag = games.sweep(Aggregation(n=4, benefit=1.0, cost=0.3), {"technology": ["best-shot", "weakest-link"]},
                     progress=False)
    assert ag["n_pure"].tolist() == [1, 2] and ag["pure_high"].tolist() == [1, 4]
    cs = games.sweep(CostSharing(), {"rule": ["equal", "gdp"]}, progress=False)
    assert cs["initial_share_of_lead"].tolist() == pytest.approx([1 / 4, 8 / 11])


def test_collective_risk_dynamics_use_the_models_beta():
    """One source of truth for the intensity of selection: at beta = 0 imitation is neutral, so a single
    mutant fixes with probability 1/Z (Z = 10), whatever the payoffs. Without risk a cooperator always earns
    0.1 less than a defector, so at beta = 5 T-/T+ = e^0.5 at every state and rho_C = 1 / sum_{k<10} e^(0.5 k)."""
    neutral = CollectiveRisk(population=10, beta=0.0)
    assert neutral.fixation_probabilities() == pytest.approx({"cooperator": 0.1, "defector": 0.1})
    out = neutral.outcome()
    assert out["fixation_cooperator"] == pytest.approx(0.1) and out["fixation_defector"] == pytest.approx(0.1)
    strong = dataclasses.replace(neutral, beta=5.0, risk=0.0)
    rho_c = 1 / sum(np.exp(0.5 * k) for k in range(10))
    assert strong.fixation_probabilities()["cooperator"] == pytest.approx(rho_c, rel=1e-9)
    # neutral imitation with exploration mu: the stationary distribution is symmetric in k <-> Z - k
    p = dataclasses.replace(neutral, mu=0.1).stationary_distribution()
    assert np.allclose(p, p[::-1]) and p.sum() == pytest.approx(1.0)
    # and imitation cancels in the gradient (beta = 0), leaving the mutation drift mu (Z - k)/Z - mu k/Z
    k = np.arange(11)
    assert np.allclose(dataclasses.replace(neutral, mu=0.1).gradient(), 0.1 * (1 - 2 * k / 10), atol=1e-12)
    assert len(CollectiveRisk(population=20).gradient()) == 21


def test_models_register_their_claim_and_headlines():
    essay = " ".join(ESSAY.read_text(encoding="utf-8").split()) if ESSAY.exists() else None
    for cls in BURDEN_MODELS:
        assert cls.claim and isinstance(cls.headlines, tuple)
        if essay is not None:
            assert cls.claim in essay, cls.__name__
    assert VolunteersDilemma.headlines == ("volunteers-dilemma",)
    assert CollectiveRisk.headlines == ("collective-risk",)
    assert ThresholdPublicGood.headlines == ("threshold-regimes",)
