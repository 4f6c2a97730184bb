"""The consultation model: a crisis between two members with and without a council that recommends actions.

Every expected value is derived by hand in the comments (the correlated-equilibrium LP of a 2x2 game has
four unknowns and four incentive constraints), or from the closed form derived in the module notes and
checked here against the exact engine.
"""

from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest

import games
from models.consultation import ConsultationModel, chicken_closed_form, consultation_gain, crisis_comparison


def test_aumann_defaults_by_hand():
    # R, T, S, P = 6, 7, 2, 0. Mixed Nash: hold back w.p. p with 6p + 2(1 - p) = 7p, p = 2/3, payoff 14/3;
    # pure equilibria (7, 2), (2, 7): total 9 < 28/3. Best CE (1/2, 1/4, 1/4, 0): 21/4 each, total 21/2.
    out = ConsultationModel().outcome()
    assert out["game_type"] == "chicken" and out["n_nash"] == 3
    assert math.isclose(out["nash_symmetric_payoff"], 14 / 3)
    assert math.isclose(out["nash_best_welfare"], 28 / 3)
    assert math.isclose(out["nash_clash_probability"], 1 / 9)       # (1/3)^2
    assert math.isclose(out["ce_payoff"], 21 / 4) and math.isclose(out["ce_welfare"], 21 / 2)
    assert out["ce_clash_probability"] == 0
    assert math.isclose(out["gain"], 21 / 2 - 28 / 3)                # 7/6
    assert math.isclose(out["gain_per_member"], 21 / 4 - 14 / 3)      # 7/12
    assert out["ce_max_violation"] <= 1e-12 and out["max_regret"] <= 1e-9
    assert out["cce_welfare"] >= out["ce_welfare"] - 1e-9


def test_recommendation_is_the_symmetric_optimum():
    rec = ConsultationModel().recommendation()
    assert np.allclose(rec.distribution, [[0.5, 0.25], [0.25, 0]])
    assert games.correlated.is_correlated_equilibrium(ConsultationModel().game(), rec.distribution)


def test_catalogue_chicken_by_hand():
    # R, T, S, P = 3, 4, 1, 0: told to hold back obeying needs b >= a (k = 1): best CE a = b = c = 1/3,
    # 8/3 each; mixed Nash p = 1/2, payoff 2; pure equilibria total 5 > 4, so the gain is 16/3 - 5 = 1/3
    out = ConsultationModel(reward=3, temptation=4, sucker=1, clash=0).outcome()
    assert math.isclose(out["ce_payoff"], 8 / 3) and math.isclose(out["nash_symmetric_payoff"], 2)
    assert math.isclose(out["nash_best_welfare"], 5) and math.isclose(out["gain"], 1 / 3)


def test_a_fair_coin_is_all_a_council_can_do_when_restraint_is_not_worth_it():
    # R, T, S, P = 4, 7, 2, 0: 2R = 8 < T + S = 9, so the best recommendation is a coin between the pure
    # equilibria (4.5 each), which no Nash equilibrium beats in total: gain 0. The mixed equilibrium holds
    # back w.p. k/(k + 1) = 2/5 (k = 2/3) and pays (kT + P)/(k + 1) = 14/5, so per member 4.5 - 2.8 = 1.7.
    out = ConsultationModel(reward=4, temptation=7, sucker=2, clash=0).outcome()
    assert out["gain"] == 0 and math.isclose(out["ce_payoff"], 4.5)
    assert math.isclose(out["nash_symmetric_payoff"], 2.8) and math.isclose(out["gain_per_member"], 1.7)


@pytest.mark.parametrize("payoffs, kind", [((3, 5, 0, 1), "prisoner's dilemma"), ((4, 3, 0, 2), "stag hunt")])
def test_consultation_adds_nothing(payoffs, kind):
    # PD: standing firm is dominant, the only CE is mutual firmness (P each). Stag hunt: (R, R) is a pure
    # equilibrium and R is each member's best payoff, so no distribution does better.
    R, T, S, P = payoffs
    out = ConsultationModel(reward=R, temptation=T, sucker=S, clash=P).outcome()
    assert out["game_type"] == kind and out["gain"] == 0
    best = 2 * P if kind == "prisoner's dilemma" else 2 * R
    assert math.isclose(out["ce_welfare"], best) and math.isclose(out["nash_best_welfare"], best)
    if kind == "prisoner's dilemma":
        assert out["ce_clash_probability"] == 1 and out["n_nash"] == 1


def test_closed_form_by_hand():
    cf = chicken_closed_form(6, 7, 2, 0)
    assert cf["k"] == 2 and cf["restraint"] == F(1, 2) and cf["each_asymmetric"] == F(1, 4)
    assert cf["ce_payoff"] == F(21, 4) and cf["nash_hold_back"] == F(2, 3) and cf["nash_mixed_payoff"] == F(14, 3)
    assert cf["gain"] == F(7, 6)
    with pytest.raises(ValueError, match="temptation > reward > sucker > clash"):
        chicken_closed_form(3, 5, 0, 1)


@pytest.mark.parametrize("seed", range(10))
def test_closed_form_matches_the_exact_engine(seed):
    rng = np.random.default_rng(seed)
    P, S, R, T = sorted(int(v) for v in rng.choice(np.arange(-8, 12), size=4, replace=False))
    m = ConsultationModel(reward=R, temptation=T, sucker=S, clash=P)
    g = games.NormalFormGame.from_bimatrix([[R, S], [T, P]], [[R, T], [S, P]])
    ce = games.correlated_equilibrium(g, "welfare", exact=True)
    cf = chicken_closed_form(R, T, S, P)
    assert ce.objective_value == cf["ce_welfare"]
    nash_best = max(sum(eq.payoffs) for eq in games.equilibria(g, exact=True))
    assert nash_best == cf["nash_best_welfare"]
    assert math.isclose(m.outcome()["gain"], float(cf["gain"]), abs_tol=1e-9)


def test_gain_table_agrees_with_the_closed_form_and_turns_to_zero():
    df = consultation_gain(np.linspace(-10, 4, 15))
    strict = df["clash"] != 2                                          # P = S: a tie, no closed form
    assert df.loc[~strict, "game_type"].tolist() == ["non-strict"]
    assert np.allclose(df.loc[strict, "gain"], df.loc[strict, "closed_form_gain"], atol=1e-9)
    assert (df.loc[df["clash"] > 2, "gain"] == 0).all()              # prisoner's dilemma beyond S = 2
    assert (df.loc[df["clash"] < 2, "gain"] > 0).all()
    assert (df["ce_payoff"] >= df["nash_symmetric_payoff"] - 1e-9).all()
    temptation = consultation_gain([6.5, 8, 10], "temptation")
    assert (temptation["game_type"] == "chicken").all() and np.allclose(temptation["gain"],
                                                                       temptation["closed_form_gain"])


def test_crisis_comparison_rows():
    df = crisis_comparison().set_index("game")
    assert list(df.index) == ["chicken (catalogue)", "stag hunt (catalogue)", "prisoner's dilemma (catalogue)",
                              "chicken (Aumann 1974)"]
    assert math.isclose(df.loc["chicken (Aumann 1974)", "ce_payoff"], 21 / 4)
    assert df.loc["stag hunt (catalogue)", "gain"] == 0 and df.loc["prisoner's dilemma (catalogue)", "gain"] == 0


def test_bad_parameters():
    with pytest.raises((TypeError, ValueError), match="reward"):
        ConsultationModel(reward="high")
    with pytest.raises(ValueError, match="clash"):
        ConsultationModel(clash=float("nan"))
