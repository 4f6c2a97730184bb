"""Integrity of the case data in models.cases (values checked against the sources named there)."""

from __future__ import annotations

import pytest

from models import cases


def test_tajikistan_facts_from_the_essay():
    op = cases.TAJIKISTAN_1993
    assert (op.decided, op.planned_force, op.actual_force, op.shortfall) == (1993, 16_000, 7_000, 9_000)
    assert op.chief_force == "201st Motorized Infantry Division" and op.lead_state == "Russia"
    assert op.withdrawals["Kyrgyzstan"] == (1995, 1996)
    assert op.withdrawals["Uzbekistan"] == (1998, 1998)
    assert "lack of funds" in op.withdrawal_reasons["Kyrgyzstan"]
    assert any("Krasnaya Zvezda" in s for s in op.sources)


def test_gdp_table_complete_and_plausible():
    assert set(cases.GDP_CURRENT_USD) == {"Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan"}
    for country, series in cases.GDP_CURRENT_USD.items():
        assert sorted(series) == list(range(1993, 1999)), country
        assert all(v > 5e8 for v in series.values())
    # Russia's 1998 crisis: GDP in dollars fell by about a third (WDI)
    assert cases.gdp("Russia", 1998) / cases.gdp("Russia", 1997) == pytest.approx(0.669, abs=1e-3)
    assert "NY.GDP.MKTP.CD" in cases.GDP_SOURCE


def test_gdp_refuses_unknown():
    with pytest.raises(ValueError, match="country must be one of"):
        cases.gdp("Belarus", 1995)
    with pytest.raises(ValueError, match="year must be an int in 1993..1998"):
        cases.gdp("Russia", 2000)


def test_membership_counts_and_nato_2014():
    assert cases.NATO_MEMBERS_2024 == 32 and cases.UN_MEMBERS == 193
    names = [row[0] for row in cases.NATO_2014]
    assert len(names) == len(set(names)) == 27    # 28 members in 2014, less Iceland
    assert "Iceland" not in names and "Montenegro" not in names
    assert all(g > 0 and 0 < b < 5 for _, g, b in cases.NATO_2014)


def test_olson_zeckhauser_record_says_what_is_missing():
    oz = cases.OLSON_ZECKHAUSER_1966
    assert oz["spearman_rho"] == 0.490 and oz["n"] == 14 and oz["year_of_data"] == 1964
    assert oz["table_1"] is None and "not" in oz["note"]
