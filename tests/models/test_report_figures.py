"""The numbers the report's figures draw are right, and they are what the tables and captions say.

The generic checks of every section (built in quick mode: its slug and claim, a titled, labelled and keyed
figure, a non-empty table, a text naming the model, every legend line a pair of the table's columns,
probability axes within [0, 1]) live in ``tests/test_report_sections_conformance.py``, parametrised over the
registered sections. Here: every PNG the report writes is at least 1600 px wide, and each figure's marks are
checked against its own CSV, its caption and closed forms.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest

from models.registry import load_sections
from models.report import build_report, collect_sections
from models.sections.figure import MIN_PNG_WIDTH

SLUGS = list(load_sections())


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    """The quick report, written once as ``regimes report --quick`` writes it."""
    out = tmp_path_factory.mktemp("report")
    build_report(out, quick=True, show_progress=False)
    return out


def csv(report_dir, slug):
    return pd.read_csv(report_dir / "tables" / f"{slug}.csv")


def _section(slug):
    import matplotlib.pyplot as plt

    (sec,) = collect_sections(quick=True, names=[slug])
    return sec, plt


@pytest.mark.parametrize("slug", SLUGS)
def test_every_report_png_is_at_least_1600_px_wide(report_dir, slug):
    from PIL import Image

    with Image.open(report_dir / "figures" / f"{slug}.png") as img:
        width = img.size[0]
    assert width >= MIN_PNG_WIDTH, f"{slug}.png is {width} px wide"


# ------------------------------------------------------------------------------------------- escalation
@pytest.fixture(scope="module")
def escalation(report_dir):
    sec, plt = _section("escalation-automatic-vs-discretionary")
    yield sec, csv(report_dir, sec.slug)
    plt.close("all")


def _line(ax, gid):
    (line,) = [ln for ln in ax.lines if ln.get_gid() == gid]
    return line


def test_escalation_figure_draws_the_collective_payoff_that_decides(escalation):
    """The top panel is the quantity 'better' is decided by: each regime's collective payoff, from the CSV."""
    sec, table = escalation
    top, bottom = sec.figure.axes
    for ax, quantity in ((top, "collective_payoff"), (bottom, "war_probability")):
        for regime in ("automatic", "discretionary"):
            line = _line(ax, f"{quantity}_{regime}")
            assert np.allclose(line.get_xdata(), table["escalation_probability"])
            assert np.allclose(line.get_ydata(), table[f"{quantity}_{regime}"])
    assert "payoff" in top.get_ylabel() and "probability of war" in bottom.get_ylabel()
    assert bottom.get_ylim() == (0.0, 1.0)


def test_escalation_band_is_where_the_automatic_payoff_is_higher(escalation):
    """The shaded band covers exactly the grid points where the CSV's automatic payoff beats the
    discretionary one, in both panels, and the caption quotes its ends."""
    sec, table = escalation
    x = table["escalation_probability"].to_numpy()
    wins = (table["collective_payoff_automatic"] > table["collective_payoff_discretionary"] + 1e-12).to_numpy()
    assert wins.any() and not wins.all()
    assert (table["better_regime"] == "automatic").to_numpy().tolist() == wins.tolist()
    for ax in sec.figure.axes:
        spans = [p for p in ax.patches if p.get_gid() == "automatic-better"]
        covered = np.zeros(len(x), dtype=bool)
        for span in spans:
            lo, hi = sorted((span.get_x(), span.get_x() + span.get_width()))
            covered |= (x >= lo - 1e-12) & (x <= hi + 1e-12)
        assert covered.tolist() == wins.tolist()
    lo, hi = x[wins].min(), x[wins].max()
    assert f"escalation probability {lo:.2f}-{hi:.2f}" in sec.text
    equal = x[(table["better_regime"] == "equal").to_numpy()]
    assert f"from {equal.min():.2f} on" in sec.text


def test_escalation_band_by_hand():
    """Closed forms of models.escalation (defaults g = 4, b = 2, W_A = 6): automatic reaction deters iff
    p > g / (g + W_A) = 0.4, a discretionary system reacts (and deters) only once a resolved challenger backs
    down, p >= (g + b) / (g + W_A) = 0.6; between them automaticity is the better regime."""
    sec, plt = _section("escalation-automatic-vs-discretionary")
    (lo, hi), = sec.extra["automatic_better"]
    assert 0.4 <= lo <= 0.45 and 0.55 <= hi < 0.6
    plt.close("all")


# ---------------------------------------------------------------------------------------- Jervis worlds
@pytest.fixture(scope="module")
def jervis(report_dir):
    sec, plt = _section("security-dilemma-four-worlds")
    yield sec, csv(report_dir, sec.slug)
    plt.close("all")


def test_restraint_discount_by_hand():
    """Mutual restraint R forever against T once, then the deviator's minmax max(P, S) (a stage equilibrium
    attains it): d >= (T - R) / (T - max(P, S)). PD 5, 3, 1, 0 -> 1/2; chicken 4, 3, 1, 2 -> 1/2;
    chicken 5, 3, 0, 1 -> 1/2; stag hunt 2, 3, 1, 0 -> 0; deadlock 3, 1, 2, 0 -> never."""
    from models.security_dilemma import restraint_discount

    assert restraint_discount(T=5, R=3, P=1, S=0) == pytest.approx(0.5)
    assert restraint_discount(T=4, R=3, P=1, S=2) == pytest.approx(0.5)
    assert restraint_discount(T=5, R=3, P=0, S=1) == pytest.approx(0.5)
    assert restraint_discount(T=6, R=4, P=1, S=0) == pytest.approx(0.4)
    assert restraint_discount(T=2, R=3, P=1, S=0) == 0.0
    assert math.isinf(restraint_discount(T=3, R=1, P=2, S=0))


def test_restraint_discount_punishment_is_the_worst_stage_equilibrium():
    """Independently of the closed form: the harshest punishment is the deviator's lowest payoff over the
    stage game's Nash equilibria (all of them, from games.equilibria), for a spread of prisoner's dilemmas
    and chickens."""
    from games import NormalFormGame, equilibria
    from models.security_dilemma import restraint_discount

    for T, R, P, S in ((5, 3, 1, 0), (4, 3, 1, 2), (7, 3, 0, 2), (3.5, 3, 2, 2.5), (6, 4, 3, 1)):
        A = np.array([[R, S], [T, P]], dtype=float)
        eqs = equilibria(NormalFormGame.from_bimatrix(A, A.T))
        worst = min(float(x @ A @ y) for x, y in (eq.as_float() for eq in eqs))
        assert restraint_discount(T, R, P, S) == pytest.approx((T - R) / (T - worst), abs=1e-9)


def _pivot(table, value):
    return table.pivot(index="distinguishability", columns="offence_advantage", values=value).sort_index()


def test_jervis_maps_are_the_csv_columns_and_the_closed_forms(jervis):
    """Each panel's cells are the CSV's column; the discount factor is a/(1+a) in the prisoner's dilemma
    and 2a/(3 + 2a - 2d) in chicken (T = 3 + 2a, R = 3, P = 1, S = 2d), 0 where the defence has the
    advantage; the stag hunt's assurance threshold is (1 - 2d) / (2|a| + 1 - 2d)."""
    sec, table = jervis
    left, right = [ax for ax in sec.figure.axes if ax.get_label() != "<colorbar>"]
    for ax, col in ((left, "restraint_discount"), (right, "assurance_threshold")):
        cells = np.asarray(ax.collections[0].get_array()).reshape(_pivot(table, col).shape)
        assert np.allclose(cells, _pivot(table, col).to_numpy())
    a, d = table["offence_advantage"], table["distinguishability"]
    want = np.where(a < 0, 0.0, np.where(d < 0.5, a / (1 + a), 2 * a / (3 + 2 * a - 2 * d)))
    assert np.allclose(table["restraint_discount"], want)
    hunt = table["game_type"] == "stag hunt"
    assert np.allclose(table.loc[hunt, "assurance_threshold"],
                       (1 - 2 * d[hunt]) / (2 * abs(a[hunt]) + 1 - 2 * d[hunt]))


def test_jervis_caption_states_chicken_s_equilibria_and_each_quadrant_s_range(jervis):
    sec, table = jervis
    chicken = table[table["game_type"] == "chicken"]
    assert len(chicken) and (chicken["n_equilibria"] == 3).all()
    assert not chicken["cooperation_equilibrium"].any()
    assert all(set(p.split(", ")) == {"defensive/offensive", "offensive/defensive"} for p in chicken["pure_equilibria"])
    assert "chicken (three equilibria" in sec.text and "mutual restraint is not an equilibrium" in sec.text
    assert not re.search(r"chicken and harmony \(mutual restraint the only", sec.text)
    for world, col, name in ((1, "restraint_discount", "world 1"), (3, "restraint_discount", "world 3"),
                             (2, "assurance_threshold", "stag hunt")):
        vals = table.loc[table["world"] == world, col]
        assert f"{vals.min():.2f}-{vals.max():.2f} in {name}" in sec.text or \
            f"ranges over {vals.min():.2f}-{vals.max():.2f}" in sec.text, (world, col)
        assert vals.max() - vals.min() > 0.3          # a quadrant is not one number


# ------------------------------------------------------------------------------------------- responses
@pytest.fixture(scope="module")
def responses(report_dir):
    sec, plt = _section("responses-regime-map")
    yield sec, csv(report_dir, sec.slug)
    plt.close("all")


def test_response_map_colours_are_the_csv_best_mode(responses):
    sec, table = responses
    ax = sec.figure.axes[0]
    mesh = ax.collections[0]
    from matplotlib.legend import Legend

    (key,) = [lg for lg in (ax.get_legend(), *ax.artists)
              if isinstance(lg, Legend) and lg.get_title().get_text() == "defenders' best mode"]
    names = [t.get_text() for t in key.get_texts()]
    piv = table.pivot(index="cohesion", columns="urgency", values="best_mode").sort_index()
    codes = np.asarray(mesh.get_array()).reshape(piv.shape).astype(int)
    assert (np.vectorize(names.__getitem__)(codes) == piv.to_numpy()).all()
    assert ax.get_ylim() == (0.0, 1.0)


def test_response_deterrence_line_bends_where_the_defenders_prefer_the_slower_collective_response(responses):
    """The bend is the model's, not a plotting artefact: at the cells the caption names, the defenders'
    best mode is the collective system, the aggressor expects to gain against it (so attacks), and it would
    have lost against the alliance; cohesion on either side deters at the same urgency."""
    sec, table = responses
    lost = table[(table.best_mode == "collective") & ~table.deterred & (table.aggressor_value_alliance < 0)]
    assert len(lost)
    assert (lost.aggressor_value_collective > 0).all() and (lost.value_collective > lost.value_alliance).all()
    for _, row in lost.iterrows():
        same = table[np.isclose(table.urgency, row.urgency)].set_index("cohesion")["deterred"]
        assert same[same.index < row.cohesion].any() and same[same.index > row.cohesion].any()
        assert f"cohesion {row.cohesion:.2f}" in sec.text
    assert "bends back" in sec.text and "not for deterrence" in sec.text


# ------------------------------------------------------------------------------------------- alliances
def test_membership_marks_say_what_they_are():
    sec, plt = _section("alliances-total-vs-optimum")
    marks = [t.get_text() for t in sec.figure.axes[0].texts if t.get_gid() == "membership"]
    assert len(marks) == 3 and not any(t == "CIS 4" for t in marks)
    assert "CIS" in marks[0] and "Tajikistan" in marks[0] and "NATO" in marks[1] and "UN" in marks[2]
    assert "Tajikistan" in sec.text
    plt.close("all")


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
