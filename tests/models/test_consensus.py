"""Sanctions by consensus (models.consensus) and burden sharing judged by the core (models.burden_core).

Expected values are derived by hand: binomial sums for the sanction probabilities, the grim-trigger
threshold (T' - R) / (T' - P) for the critical discount factor, counts of voting orders for the power indices
and the World Bank GDP figures of models.cases for the burden shares.
"""

from __future__ import annotations

import math
from fractions import Fraction as F
from itertools import permutations

import pytest

from models import cases
from models.burden_core import BurdenCore, allocation_table, core_by_year_table
from models.consensus import (
    ConsensusSanctions,
    interest_table,
    required_sanction_probability,
    sanction_curve_table,
    voting_power_table,
)
from models.tajikistan import STATES


def at_least(k, n, p):
    return sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1))


@pytest.mark.parametrize("p", [0.5, 0.8, 0.95])
def test_sanction_probability_by_rule(p):
    assert ConsensusSanctions(agree=p).sanction_probability() == pytest.approx(p ** 6)
    qm = ConsensusSanctions(rule="qualified-majority", quota=4, agree=p)
    assert qm.sanction_probability() == pytest.approx(at_least(4, 6, p))
    # the great power must agree, and three of the five others
    veto = ConsensusSanctions(rule="great-power-veto", great_powers=1, quota=4, agree=p)
    assert veto.sanction_probability() == pytest.approx(p * at_least(3, 5, p))
    two = ConsensusSanctions(rule="great-power-veto", great_powers=2, quota=4, agree=p)
    assert two.sanction_probability() == pytest.approx(p * p * at_least(2, 4, p))


def test_interested_members():
    p = 0.9
    # one ally who never backs a sanction kills consensus, not a majority
    assert ConsensusSanctions(agree=p, allies=1).sanction_probability() == 0
    assert ConsensusSanctions(agree=p, allies=1).aligned_can_block()
    assert ConsensusSanctions(rule="qualified-majority", quota=4, agree=p, allies=2).sanction_probability() \
        == pytest.approx(p ** 4)
    three = ConsensusSanctions(rule="qualified-majority", quota=4, agree=p, allies=3)
    assert three.sanction_probability() == 0 and three.aligned_can_block()
    # an ally who backs sanctions with probability 1/2 under consensus: p^5 / 2
    assert ConsensusSanctions(agree=p, allies=1, ally_agree=0.5).sanction_probability() == pytest.approx(p ** 5 / 2)
    # a patron vetoes under the great-power rule; under a majority it is one "no" among six
    assert ConsensusSanctions(rule="great-power-veto", quota=4, agree=p, patrons=1).sanction_probability() == 0
    assert ConsensusSanctions(rule="qualified-majority", quota=4, agree=p, patrons=1).sanction_probability() \
        == pytest.approx(at_least(4, 5, p))


@pytest.mark.parametrize("p", [0.3, 0.6, 0.9])
def test_critical_discount_matches_grim_trigger_threshold(p):
    m = ConsensusSanctions(agree=p)          # T, R, P = 6, 4, 1, fine 3
    t = 6 - 3 * p ** 6
    expected = max(0.0, (t - 4) / (t - 1))
    out = m.outcome()
    assert out["critical_discount"] == pytest.approx(expected, abs=1e-9)
    assert out["sustainable"] == (0.3 >= expected)
    assert out["stage_max_regret"] <= 1e-9


def test_sanction_strong_enough_makes_restraint_a_stage_equilibrium():
    # fine 3 >= T - R = 2 with certainty: the temptation falls to 3 < R = 4
    out = ConsensusSanctions(agree=1.0).outcome()
    assert out["critical_discount"] == 0 and out["restraint_is_stage_equilibrium"]


def test_required_sanction_probability_by_hand():
    # p >= (T - R - d (T - P)) / (f (1 - d)) = (2 - 0.3 * 5) / (3 * 0.7) = 0.5 / 2.1
    assert required_sanction_probability(6, 4, 1, 3, 0.3) == pytest.approx(0.5 / 2.1)
    assert required_sanction_probability(6, 4, 1, 0, 0.3) == math.inf
    assert required_sanction_probability(6, 4, 1, 3, 0.4) == 0.0        # (T - R) / (T - P) = 2/5
    # at the required probability the critical discount equals the discount factor: t = 6 - 3 p
    p = 0.5 / 2.1
    t = 6 - 3 * p
    assert (t - 4) / (t - 1) == pytest.approx(0.3)


def test_consensus_is_most_fragile_to_noise():
    t = sanction_curve_table([0.7, 0.9])
    for agree in (0.7, 0.9):
        row = t[t.agree == agree].set_index("rule").sanction_probability
        assert row["consensus (6 of 6)"] < row["great-power veto (1 veto, 4 of 6)"] < row["qualified majority (4 of 6)"]
    row = t[t.agree == 0.7].set_index("rule")
    assert row.loc["consensus (6 of 6)", "sanction_probability"] == pytest.approx(0.7 ** 6)
    assert not row.loc["consensus (6 of 6)", "sustainable"] and row.loc["qualified majority (4 of 6)", "sustainable"]


def test_interest_table_blocks():
    t = interest_table()
    c = t[t.rule == "consensus (6 of 6)"].set_index("aligned")
    assert c.loc["nobody", "sanction_probability"] == pytest.approx(0.9 ** 6)
    assert (c.drop("nobody").sanction_probability == 0).all()
    m = t[t.rule == "qualified majority (4 of 6)"].set_index("aligned")
    assert m.loc["3 allies", "aligned_can_block"] and not m.loc["2 allies", "aligned_can_block"]


def test_voting_power_table_by_hand():
    t = voting_power_table().set_index(["body", "member"])
    # 1954: an elected member decides in 5 * 6! * 4! of the 11! orders; since 1965 in C(9,3) 8! 6! of 15!
    assert t.loc[("UN Security Council (1945-1965)", "elected member"), "shapley_shubik_exact"] == "1/462"
    assert t.loc[("UN Security Council (1945-1965)", "permanent member"), "shapley_shubik_exact"] == "76/385"
    assert t.loc[("UN Security Council (since 1965)", "elected member"), "shapley_shubik_exact"] == "4/2145"
    assert t.loc[("UN Security Council (since 1965)", "permanent member"), "swings"] == 848
    assert t.loc[("CSTO Collective Security Council", "member"), "shapley_shubik"] == pytest.approx(1 / 6)
    assert t.loc[("CSTO Collective Security Council", "member"), "swings"] == 1
    assert t.loc[("CSTO council, qualified majority", "member"), "swings"] == math.comb(5, 3)


def test_great_power_rule_as_a_weighted_game():
    m = ConsensusSanctions(rule="great-power-veto", great_powers=2, quota=4)
    g = m.voting_game()
    for mask in range(1 << 6):
        members = [i for i in range(6) if mask >> i & 1]
        assert g.is_winning(members) == (0 in members and 1 in members and len(members) >= 4)


def test_outcome_power_of_members():
    out = ConsensusSanctions(rule="great-power-veto", great_powers=1, quota=4).outcome()
    # [weight 3; 1 x 5], quota 6: the great power is pivotal when it arrives after >= 3 others: 3 of 6 positions
    assert out["first_member_power"] == pytest.approx(1 / 2)
    assert out["last_member_power"] == pytest.approx(1 / 10)
    assert out["veto_players"] == 1


@pytest.mark.parametrize("kwargs,match", [
    ({"rule": "qualified-majority", "quota": 7}, "quota must be between 1 and members"),
    ({"patrons": 2}, "patrons must be at most great_powers"),
    ({"allies": 6}, "allies must be at most the ordinary members"),
    ({"rule": "great-power-veto", "great_powers": 0}, "great_powers must be between 1 and quota"),
    ({"rule": "majority"}, "rule must be one of"),
    ({"temptation": 3.0}, "prisoner's dilemma"),
])
def test_bad_parameters(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ConsensusSanctions(**kwargs)


# ---------------------------------------------------------------------------------------------- burden core
def stakes(year):
    """Value of the operation to each state, US$m a year, straight from the WDI data: 2% (neighbours), 0.5%."""
    rate = {"Kazakhstan": 0.005, "Kyrgyzstan": 0.02, "Russia": 0.005, "Uzbekistan": 0.02}
    return {s: rate[s] * cases.gdp(s, year) / 1e6 for s in STATES}


@pytest.mark.parametrize("year", range(1993, 1999))
def test_equal_split_in_core_iff_every_state_values_it_at_its_share(year):
    b = stakes(year)
    out = BurdenCore(year=year).outcome()
    assert out["total_cost"] == 160.0                     # 16,000 men x US$10,000
    assert out["rule_in_core"] == all(v >= 40.0 for v in b.values())
    weakest = min(b, key=b.get)
    assert out["weakest_state"] == weakest
    assert out["smallest_surplus"] == pytest.approx(b[weakest] - 40.0)
    if not out["rule_in_core"]:
        assert out["blocking_coalition"] == weakest
    assert out["max_regret"] <= 1e-9


def test_kyrgyzstan_leaves_the_core_after_1993():
    b93, b94 = stakes(1993), stakes(1994)
    assert b93["Kyrgyzstan"] > 40 > b94["Kyrgyzstan"]     # 40.57 and 33.62 (US$m a year)
    t = core_by_year_table(["equal"])
    kg = t[t.state == "Kyrgyzstan"]
    assert kg.in_core.tolist() == [True, False, False, False, False, False]
    assert set(kg.blocking_coalition.tolist()[1:]) == {"Kyrgyzstan"}


def test_gdp_split_is_in_the_core():
    # GDP shares y_i = C GDP_i / sum GDP are far below every stake (2% or 0.5% of GDP >= C / sum GDP here)
    for year in range(1993, 1999):
        assert BurdenCore(year=year, cost_rule="gdp").outcome()["rule_in_core"]


def shapley_by_orders(game):
    n = game.num_players
    phi = [F(0)] * n
    for order in permutations(range(n)):
        before = []
        for i in order:
            phi[i] += game.value(before + [i]) - game.value(before)
            before.append(i)
    return [p / math.factorial(n) for p in phi]


def test_shapley_and_nucleolus_shares():
    m = BurdenCore()
    out = m.outcome()
    b = stakes(1993)
    g = m.tu_game()
    phi = shapley_by_orders(g)
    for i, s in enumerate(STATES):
        assert out[f"shapley_share_{s}"] == pytest.approx(b[s] - float(phi[i]), abs=1e-5)
    assert sum(out[f"shapley_share_{s}"] for s in STATES) == pytest.approx(160.0)
    assert sum(out[f"nucleolus_share_{s}"] for s in STATES) == pytest.approx(160.0)
    # v is convex (max(0, .) of an additive worth), so the Shapley value is in the core: no state pays
    # more than its value
    assert all(out[f"shapley_share_{s}"] <= b[s] + 1e-9 for s in STATES)
    t = allocation_table()
    assert t.equal.tolist() == [40.0] * 4
    assert t.gdp.sum() == pytest.approx(160.0)


@pytest.mark.parametrize("rule,quorum", [("unanimity", 6), ("qualified-majority", 4)])
def test_agrees_with_the_reciprocity_model(rule, quorum):
    """With impartial members only, the rule is the reciprocity model's quorum of identical voters."""
    from models.reciprocity import ReciprocityRegime

    p = 0.8
    ours = ConsensusSanctions(rule=rule, quota=4, agree=p).outcome()
    theirs = ReciprocityRegime(fine=3.0, members=6, quorum=quorum, agree=p, noise=0.0, reputation=0.0,
                               discount=0.3).outcome()
    assert ours["sanction_probability"] == pytest.approx(theirs["consensus_probability"])
    assert ours["critical_discount"] == pytest.approx(theirs["critical_discount"])
