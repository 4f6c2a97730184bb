"""The reciprocity model: regime parameters against hand-derived thresholds and rates."""

import dataclasses
import math
from pathlib import Path

import pytest

import games
from models.base import describe
from models.reciprocity import (
    ReciprocityRegime,
    consensus_probability,
    critical_discount_table,
    norm_evolution_table,
    regime_map_table,
    sanction_map_table,
    sanction_threshold_table,
    tft_conditions,
)

ESSAY = Path("/work/shared/seed/petrovsky-security-regimes-cis.txt")


def test_consensus_probability_by_hand():
    assert consensus_probability(5, 5, 0.8) == pytest.approx(0.8 ** 5)
    majority = sum(math.comb(5, m) * 0.8 ** m * 0.2 ** (5 - m) for m in (3, 4, 5))
    assert consensus_probability(5, 3, 0.8) == pytest.approx(majority)
    assert consensus_probability(4, 1, 0.5) == pytest.approx(1 - 0.5 ** 4)


@pytest.mark.parametrize("fine, quorum, reputation", [(0.0, 5, 0.0), (1.0, 3, 0.0), (0.5, 5, 0.2), (1.5, 1, 0.1)])
def test_grim_threshold_with_sanctions_and_reputation(fine, quorum, reputation):
    """Without noise, grim trigger needs delta >= (T' - R)/(T' - P) with T' = T - fine * P(quorum) -
    delta * q * partners * (R - S); the reputational cost depends on delta itself, so the model's
    outcome is checked at its own discount factor against the closed form there."""
    m = ReciprocityRegime(noise=0.0, fine=fine, quorum=quorum, reputation=reputation, discount=0.9)
    t_eff = 6 - fine * consensus_probability(5, quorum, 0.8) - 0.9 * reputation * 1 * 4
    out = m.outcome()
    assert out["effective_temptation"] == pytest.approx(t_eff)
    expected = max((t_eff - 4) / (t_eff - 1), 0.0)
    assert out["critical_discount"] == pytest.approx(expected, abs=1e-12)
    assert out["restraint_is_stage_equilibrium"] == (t_eff <= 4)


def test_noise_and_long_run_rates_by_hand():
    """Grim pairs end in mutual arming, where each restrains only by mistake: long-run rate = noise.
    WSLS pairs are in the restraining state with probability a = (1-e)^2 + e^2: a(1-e) + (1-a)e."""
    e = 0.05
    grim = ReciprocityRegime(noise=e).outcome()
    assert grim["long_run_cooperation"] == pytest.approx(e)
    wsls = ReciprocityRegime(noise=e, norm="WSLS").outcome()
    a = (1 - e) ** 2 + e ** 2
    assert wsls["long_run_cooperation"] == pytest.approx(a * (1 - e) + (1 - a) * e)
    assert grim["critical_discount"] > ReciprocityRegime(noise=0.0).outcome()["critical_discount"] == pytest.approx(0.4)


def test_short_shadow_is_not_sustainable():
    out = ReciprocityRegime(discount=0.3, noise=0.0).outcome()
    assert not out["sustainable"] and out["critical_discount"] == pytest.approx(0.4)


def test_strong_regime_shifts_the_population_towards_reciprocity():
    weak = ReciprocityRegime(discount=0.5, noise=0.1)
    strong = ReciprocityRegime(discount=0.95, noise=0.01, fine=2.0, reputation=0.5)
    dist_w, names, _ = weak.norm_distribution()
    dist_s, _, _ = strong.norm_distribution()
    assert sum(dist_w) == pytest.approx(1) and sum(dist_s) == pytest.approx(1)
    alld = names.index("ALLD")
    assert dist_w[alld] > 0.9 > 0.1 > dist_s[alld]
    assert strong.outcome()["population_cooperation"] > weak.outcome()["population_cooperation"]


def test_presets_follow_the_essay():
    coll, coop, common = (ReciprocityRegime.collective_security(), ReciprocityRegime.cooperative_security(),
                          ReciprocityRegime.common_security())
    assert coll.quorum < coll.members and coop.quorum == coop.members       # consensus in regimes
    assert coll.expected_sanction() > coop.expected_sanction()              # "less strict"
    assert coop.noise < coll.noise                                          # information exchange
    assert common.fine == 0 and common.discount > max(coll.discount, coop.discount)
    for preset in (coll, coop, common):
        assert preset.outcome()["sustainable"]
    assert {row["name"] for row in describe(coop)} >= {"discount", "noise", "fine", "quorum", "reputation"}


@pytest.mark.parametrize("change, match", [
    ({"noise": 2}, "noise must be <= 1"),
    ({"discount": 1.0}, "discount must be < 1"),
    ({"quorum": 6}, "quorum must be between 1 and members"),
    ({"norm": "NICE"}, "norm must be one of"),
    ({"fine": -1}, "fine must be >= 0"),
    ({"members": 2.5}, "members must be an integer"),
])
def test_bad_parameters(change, match):
    with pytest.raises((ValueError, TypeError), match=match):
        dataclasses.replace(ReciprocityRegime(), **change).outcome()


def test_sections_quick_and_claims_are_verbatim():
    import matplotlib.pyplot as plt

    from models.registry import load_sections

    specs = load_sections()
    assert ReciprocityRegime.headlines == ("reciprocity-critical-discount", "reciprocity-regime-map",
                                           "reciprocity-norm-evolution")
    secs = [specs[slug].build(quick=True) for slug in ReciprocityRegime.headlines]
    plt.close("all")
    assert [s.slug for s in secs] == ["reciprocity-critical-discount", "reciprocity-regime-map",
                                     "reciprocity-norm-evolution"]
    assert all(specs[s.slug].model is ReciprocityRegime for s in secs)
    assert secs[0].claim == ReciprocityRegime.claim
    if ESSAY.exists():
        text = " ".join(ESSAY.read_text(encoding="utf-8").split())
        for s in secs:
            assert s.claim in text
    for s in secs:
        assert len(s.table) > 0


def test_outcome_is_flat_scalars_and_sweeps():
    """Grim trigger without noise needs delta >= (T - R) / (T - P) = 2/5 whatever the discount it is at."""
    for key, value in ReciprocityRegime().outcome().items():
        assert isinstance(value, (str, int, float, bool, type(None))), (key, type(value))
    table = games.sweep(ReciprocityRegime(noise=0.0), {"discount": [0.3, 0.9]}, progress=False)
    assert table["sustainable"].tolist() == [False, True]
    assert table["critical_discount"].tolist() == pytest.approx([0.4, 0.4], abs=1e-12)


def test_analysis_tables_by_hand():
    """Without noise: grim needs 2/5, win-stay lose-shift (T - R) / (R - P) = 2/3, tit-for-tat never (its two
    conditions 1/2 and 1/5 differ). With fine 1.5 passing at P(3 of 5) = 0.94208: T' = 4.58688 and grim
    needs (T' - R) / (T' - P) = 0.58688 / 3.58688."""
    t = critical_discount_table([0.0]).set_index(["regime", "norm"])["critical_discount"]
    assert t[("no sanctions", "GRIM")] == pytest.approx(0.4, abs=1e-12)
    assert t[("no sanctions", "WSLS")] == pytest.approx(2 / 3, abs=1e-12)
    assert math.isinf(t[("no sanctions", "TFT")])
    assert t[("sanctions (fine 1.5, 3 of 5)", "GRIM")] == pytest.approx(0.58688 / 3.58688, abs=1e-9)
    assert tft_conditions(ReciprocityRegime()) == pytest.approx((0.5, 0.2), abs=1e-12)
    # discount 0.3: no norm holds (grim needs 0.4); 0.5: only grim holds (WSLS needs 2/3)
    best = regime_map_table([0.3, 0.5], [0.0])["best_norm"].tolist()
    assert best == ["none", "GRIM"]
    smap = sanction_map_table([0.3, 0.5], [0.0], ReciprocityRegime(noise=0.0))
    assert smap["sustainable"].tolist() == [False, True, False, True]
    thr = sanction_threshold_table([0.0], ReciprocityRegime(noise=0.0))
    assert thr["critical_discount"].tolist() == pytest.approx([0.4, 0.4], abs=1e-12)
    evo = norm_evolution_table([1.0])
    assert evo["share"].sum() == pytest.approx(1.0)
    assert evo["discount"].iloc[0] == pytest.approx(0.95) and evo["fine"].iloc[0] == pytest.approx(2.0)
