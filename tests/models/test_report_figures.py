"""The report's figures can be read without the code, and the numbers they draw are right.

Every section of ``models/sections/`` (quick mode) is built once; each figure must have a title, labelled
axes and a key (legend or colour bar) on every plotting axes, and its text must name the model it
shows. The reciprocity figures' numbers are checked against closed forms.
"""

from __future__ import annotations

import importlib
import math

import matplotlib
import pytest

matplotlib.use("Agg")

from models.sections import ORDER


@pytest.fixture(scope="module")
def sections():
    import matplotlib.pyplot as plt

    out = []
    for name in ORDER:
        out.extend(importlib.import_module(f"models.sections.{name}").sections(quick=True))
    yield out
    plt.close("all")


def _plot_axes(fig):
    """Axes that hold data (colour bars are axes too: they are recognised by their label-only role)."""
    return [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]


def test_every_figure_is_titled_labelled_and_keyed(sections):
    for sec in sections:
        axes = _plot_axes(sec.figure)
        assert axes, sec.slug
        has_colourbar = len(axes) < len(sec.figure.axes)
        for ax in axes:
            assert ax.get_title(), f"{sec.slug}: an axes has no title"
            assert ax.get_xlabel() and ax.get_ylabel(), f"{sec.slug}: an axis is unlabelled"
            assert ax.get_legend() is not None or has_colourbar, f"{sec.slug}: no legend or colour bar"


def test_every_text_names_its_model_and_claim(sections):
    for sec in sections:
        assert "Model" in sec.text or "model" in sec.text, sec.slug
        assert len(sec.claim.split()) >= 6, sec.slug
        assert len(sec.table) > 0, sec.slug


def test_slugs_are_unique(sections):
    slugs = [s.slug for s in sections]
    assert len(slugs) == len(set(slugs))


def test_critical_discount_figure_explains_the_missing_tit_for_tat(sections):
    sec = next(s for s in sections if s.slug == "reciprocity-critical-discount")
    tft = sec.table.query("norm == 'TFT'")["critical_discount"]
    assert all(math.isinf(v) for v in tft)
    texts = " ".join(t.get_text() for t in sec.figure.axes[0].texts)
    assert "Tit-for-tat" in texts and "0.50 vs 0.20" in texts
    assert "tit-for-tat" in sec.text.lower()


def test_tft_conditions_by_hand():
    """TFT against itself resists one-shot deviations iff delta = (T-R)/(R-S) = (P-S)/(T-P) (derived by the
    one-shot deviation principle over TFT's four joint states); with T, R, P, S = 6, 4, 1, 0 that is 1/2 vs 1/5."""
    from models.reciprocity import ReciprocityRegime
    from models.sections.reciprocity import tft_conditions

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
    from models.reciprocity import ReciprocityRegime
    from models.sections.reciprocity import sanction_threshold_table

    table = sanction_threshold_table([0.0, 1.5], ReciprocityRegime(noise=0.0))
    for quorum, consensus in ((5, 0.32768), (3, 0.94208)):
        rows = table[table.quorum == quorum].set_index("fine")
        assert rows.loc[1.5, "consensus_probability"] == pytest.approx(consensus, abs=1e-12)
        t = 6.0 - 1.5 * consensus
        assert rows.loc[1.5, "critical_discount"] == pytest.approx((t - 4.0) / (t - 1.0), abs=1e-9)
        assert rows.loc[0.0, "critical_discount"] == pytest.approx(0.4, abs=1e-9)
