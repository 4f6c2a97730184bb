"""The numbers the report's figures draw are right.

The generic checks of every section (built in quick mode: its slug and claim, a titled, labelled and keyed
figure, a non-empty table, a text naming the model) live in ``tests/test_report_sections_conformance.py``,
parametrised over the registered sections. Here the reciprocity figures' numbers are checked against
closed forms.
"""

from __future__ import annotations

import math

import pytest

from models.report import collect_sections


@pytest.fixture(scope="module")
def critical_discount_section():
    import matplotlib.pyplot as plt

    (sec,) = collect_sections(quick=True, names=["reciprocity-critical-discount"])
    yield sec
    plt.close("all")


def test_critical_discount_figure_explains_the_missing_tit_for_tat(critical_discount_section):
    sec = critical_discount_section
    tft = sec.table.query("norm == 'TFT'")["critical_discount"]
    assert all(math.isinf(v) for v in tft)
    texts = " ".join(t.get_text() for t in sec.figure.axes[0].texts)
    assert "Tit-for-tat" in texts and "0.50 vs 0.20" in texts
    assert "tit-for-tat" in sec.text.lower()


def test_tft_conditions_by_hand():
    """TFT against itself resists one-shot deviations iff delta = (T-R)/(R-S) = (P-S)/(T-P) (derived by the
    one-shot deviation principle over TFT's four joint states); with T, R, P, S = 6, 4, 1, 0 that is 1/2 vs 1/5."""
    from models.reciprocity import ReciprocityRegime, tft_conditions

    assert tft_conditions(ReciprocityRegime()) == pytest.approx((0.5, 0.2), abs=1e-12)


def test_tft_is_subgame_perfect_where_the_two_ratios_meet():
    """T, R, P, S = 5, 4, 1, 0: (T-R)/(R-S) = 1/4 = (P-S)/(T-P), so TFT is subgame perfect at delta = 1/4."""
    from fractions import Fraction

    from games import NormalFormGame
    from games.repeated import TFT, critical_discount, is_equilibrium

    F = Fraction
    g = NormalFormGame([[[F(4), F(4)], [F(0), F(5)]], [[F(5), F(0)], [F(1), F(1)]]])
    assert critical_discount(g, TFT, TFT) == F(1, 4)
    assert is_equilibrium(g, TFT, TFT, F(1, 4))
    assert not is_equilibrium(g, TFT, TFT, F(1, 2))


def test_sanction_threshold_matches_the_grim_trigger_closed_form():
    """Without noise grim trigger needs delta >= (T' - R) / (T' - P) with T' = T - fine * P(quorum reached)
    (Friedman 1971); P(3 of 5 at 0.8) = 0.94208 and P(5 of 5) = 0.8^5 = 0.32768 by hand."""
    from models.reciprocity import ReciprocityRegime, sanction_threshold_table

    table = sanction_threshold_table([0.0, 1.5], ReciprocityRegime(noise=0.0))
    for quorum, consensus in ((5, 0.32768), (3, 0.94208)):
        rows = table[table.quorum == quorum].set_index("fine")
        assert rows.loc[1.5, "consensus_probability"] == pytest.approx(consensus, abs=1e-12)
        t = 6.0 - 1.5 * consensus
        assert rows.loc[1.5, "critical_discount"] == pytest.approx((t - 4.0) / (t - 1.0), abs=1e-9)
        assert rows.loc[0.0, "critical_discount"] == pytest.approx(0.4, abs=1e-9)
