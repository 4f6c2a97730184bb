"""Tests of models.tajikistan: data integrity and the equilibrium against a hand analysis.

Hand analysis (linear technology, module docstring): contributing is dominant iff
v_i = stake_i * GDP_i >= unit_cost * R. Defaults: unit_cost * R = 10,000 * 16,000 = $160m;
1993 WDI GDP: Russia 435.08bn * 0.5% = 2,175m, Uzbekistan 13.10bn * 2% = 262m (contribute);
Kazakhstan 23.41bn * 0.5% = 117m, Kyrgyzstan 2.03bn * 2% = 40.6m (free-ride).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import games
from models import cases
from models.tajikistan import STATES, TajikistanOperation, cost_rule_sweep, cost_rule_table, withdrawal_path


def test_case_data_integrity():
    op = cases.TAJIKISTAN_1993
    assert op.planned_force == 16_000 and op.actual_force == 7_000
    assert op.prescribed == ("Kazakhstan", "Kyrgyzstan", "Russia", "Uzbekistan")
    assert STATES == op.prescribed
    assert op.not_ratified == ("Kazakhstan",)
    assert set(op.participants) == set(op.prescribed) - {"Kazakhstan"}
    assert TajikistanOperation().requirement == op.planned_force


def test_linear_equal_shares_equilibrium_by_hand():
    op = TajikistanOperation()
    out, details = op.outcome(), op.details()
    assert details["contributors"] == ("Russia", "Uzbekistan")
    assert details["free_riders"] == ("Kazakhstan", "Kyrgyzstan")
    assert out["contributors"] == "Russia, Uzbekistan" and out["n_contributors"] == 2
    assert out["free_riders"] == "Kazakhstan, Kyrgyzstan"
    assert out["force"] == pytest.approx(8000.0)        # 2 x 16,000/4
    assert out["shortfall"] == pytest.approx(8000.0)
    assert out["n_equilibria"] == 1                      # dominant strategies: unique
    assert out["max_regret"] == 0.0
    assert details["values"]["Kyrgyzstan"] == pytest.approx(0.02 * 2028.295454545, rel=1e-9)


def test_dominance_threshold_moves_participation_by_hand():
    """unit_cost 14,000: u R = $224m < Uzbekistan's $262m, it still contributes; unit_cost 17,000:
    u R = $272m > $262m, Uzbekistan drops out and Russia ($2,175m) stands alone."""
    assert TajikistanOperation(unit_cost=14_000).details()["contributors"] == ("Russia", "Uzbekistan")
    assert TajikistanOperation(unit_cost=17_000).details()["contributors"] == ("Russia",)


def test_cost_rule_changes_force_not_participation():
    """Under the linear technology the rule only rescales contingents: GDP shares give
    16,000 * (435.08 + 13.10) / 473.62 = 15,140.7 men; a lead share of 1/2 gives 8,000 + 8,000/3."""
    df = cost_rule_table(lead_shares=(0.5, 1.0))
    by = {(r, s): f for r, s, f in zip(df.rule, df.lead_share.fillna(-1), df.force)}
    assert by[("gdp", -1)] == pytest.approx(16_000 * (435083713850.837 + 13099013835.5111) / (
        23409027475.6879 + 2028295454.54545 + 435083713850.837 + 13099013835.5111), rel=1e-12)
    assert by[("lead", 0.5)] == pytest.approx(8000 + 8000 / 3)
    assert set(df.free_riders[df.lead_share != 1.0]) == {"Kazakhstan, Kyrgyzstan"}
    assert df.free_riders[df.lead_share == 1.0].item() == "Kazakhstan, Kyrgyzstan, Uzbekistan"  # no quota


def test_threshold_technology_coordination_by_hand():
    """Threshold at R = 16,000 = the sum of quotas: everybody is pivotal. 1993, equal shares: each
    quota costs 4,000 * 10,000 = $40m <= every value (Kyrgyzstan's is $40.6m), so 'all contribute'
    and 'nobody contributes' are both equilibria. 1994: Kyrgyzstan's value falls to 2% of $1.68bn
    = $33.6m < $40m, the full coalition is no longer an equilibrium."""
    op = TajikistanOperation(technology="threshold")
    assert set(op.details()["equilibria"]) == {(), STATES}
    assert op.outcome()["force"] == 16_000 and op.outcome()["n_equilibria"] == 2
    later = TajikistanOperation(technology="threshold", year=1994)
    assert later.details()["equilibria"] == ((),)
    assert later.outcome()["n_contributors"] == 0 and later.outcome()["contributors"] == ""


def test_withdrawal_path_table():
    df = withdrawal_path(TajikistanOperation(technology="threshold"))
    assert sorted(df.year.unique()) == list(range(1993, 1999))
    w = df[(df.year == 1994) & df.withdrawn].state.tolist()
    assert w == list(STATES)


@pytest.mark.parametrize("kwargs, match", [
    ({"year": 1992}, "year must be an int in 1993..1998"),
    ({"cost_rule": "fair"}, "cost_rule must be one of"),
    ({"lead_state": "Belarus"}, "lead_state must be one of"),
    ({"lead_share": 1.2}, "lead_share must be <= 1"),
    ({"unit_cost": -1}, "unit_cost must be >= 0"),
    ({"requirement": 0}, "requirement must be > 0"),
    ({"technology": "weakest-link"}, "technology must be one of"),
])
def test_bad_input_is_refused(kwargs, match):
    with pytest.raises(ValueError, match=match):
        TajikistanOperation(**kwargs)


def test_outcome_is_flat_scalars():
    for key, value in TajikistanOperation().outcome().items():
        assert isinstance(value, (str, int, float, bool, type(None))), (key, type(value))


def test_games_sweep_takes_the_model_itself():
    """Dominance threshold v_i >= unit_cost * R (module docstring): at unit_cost 14,000 Russia and Uzbekistan
    contribute (8,000 men under equal quotas); at 17,000 Uzbekistan's $262m < $272m, Russia alone (4,000)."""
    table = games.sweep(TajikistanOperation(), {"unit_cost": [14_000.0, 17_000.0]}, progress=False)
    assert table["force"].tolist() == pytest.approx([8000.0, 4000.0])
    assert table["contributors"].tolist() == ["Russia, Uzbekistan", "Russia"]


def test_cost_rule_sweep_is_a_deprecated_alias():
    with pytest.warns(DeprecationWarning, match=r"use games.sweep\(TajikistanOperation\(\), grid\)"):
        old = cost_rule_sweep(lead_shares=(0.5, 1.0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        new = cost_rule_table(lead_shares=(0.5, 1.0))
    assert old.equals(new)


def test_model_registers_its_claim_and_headlines():
    essay = Path("/work/shared/seed/petrovsky-security-regimes-cis.txt")
    assert TajikistanOperation.headlines == ("tajikistan-cost-rules",)
    if essay.exists():
        assert TajikistanOperation.claim in " ".join(essay.read_text(encoding="utf-8").split())


def test_kyrgyz_stake_that_gives_in_then_out():
    """By hand: contributing is dominant iff stake x GDP >= u R = 10,000 x 16,000 = $160m. Kyrgyzstan's WDI GDP
    is $2.028bn in 1993 and at most $1.828bn (1996) afterwards, so a stake of 8% (160.3m in 1993, at most
    146.2m later) makes it contribute in 1993 only, and 7.8% (158.2m) never."""
    def kyrgyz_contributes(stake, year):
        out = TajikistanOperation(year=year, neighbour_stake=stake).outcome()
        return "Kyrgyzstan" in out["contributors"].split(", ")

    assert [kyrgyz_contributes(0.08, y) for y in range(1993, 1999)] == [True] + [False] * 5
    assert not any(kyrgyz_contributes(0.078, y) for y in range(1993, 1999))
    assert not kyrgyz_contributes(TajikistanOperation().neighbour_stake, 1993)    # the default, 2%
