"""Escalation ladder: thresholds derived by hand from the tree (defaults g=4, b=2, b_i=5, W_A=6, W_C=8)."""

import numpy as np
import pytest

import games
from models.escalation import REGIMES, EscalationModel, regime_comparison

# By hand: a confronted aggressor escalates iff g - p (g + W_A) > -b  <=>  p < 6/10;
# violating pays against a sure reaction iff g - p (g + W_A) >= 0  <=>  p <= 4/10;
# an accused innocent escalates iff -p W_A > -b_i  <=>  p < 5/6.


@pytest.mark.parametrize("p, deterred, war", [
    (0.2, False, 0.2),          # both kinds of confrontation escalate
    (0.5, True, 0.25),          # aggression deterred; incidents (half) still escalate
    (0.7, True, 0.35),
    (0.9, True, 0.0),           # even the innocent backs down
])
def test_automatic_reaction_by_hand(p, deterred, war):
    out = EscalationModel(regime="automatic", escalation_probability=p).outcome()
    assert out["deterred"] is deterred
    assert out["war_probability"] == pytest.approx(war)
    assert out["spe_is_nash"]


@pytest.mark.parametrize("p, deterred", [(0.2, False), (0.5, False), (0.7, True), (0.9, True)])
def test_discretionary_reaction_by_hand(p, deterred):
    """The discretionary system accommodates a resolved aggressor and ignores incidents: no war ever."""
    out = EscalationModel(regime="discretionary", escalation_probability=p).outcome()
    assert out["deterred"] is deterred
    assert out["war_probability"] == 0.0
    assert out["plan: collective: incident"] == "ignore"
    assert out["accommodated"] is (not deterred)


def test_collective_payoffs_by_hand():
    """p = 0.5, automatic: aggression deterred (0); incident: -8*0.5 + 0.5*(-1 - 0.5) = -4.75; mean -2.375.
    Discretionary: aggression accommodated -4 - 0.5; incident ignored -0.5 - 0.5; mean -2.75."""
    assert EscalationModel(escalation_probability=0.5).outcome()["collective_payoff"] == pytest.approx(-2.375)
    assert EscalationModel(regime="discretionary", escalation_probability=0.5).outcome()[
        "collective_payoff"] == pytest.approx(-2.75)


def test_sweep_shows_automaticity_deterring_and_escalating():
    df = regime_comparison(np.linspace(0, 1, 21))
    auto_better = df[df.better_regime == "automatic"].escalation_probability
    assert len(auto_better) and auto_better.min() >= 0.4 - 1e-9 and auto_better.max() < 0.6
    assert (df.war_probability_discretionary == 0).all()
    inside = (df.escalation_probability > 0) & (df.escalation_probability < 0.8)
    assert (df.loc[inside, "war_probability_automatic"] > 0).all()


def test_normal_form_and_equilibria():
    for regime, shape in zip(REGIMES, [(8, 1), (8, 4)]):
        m = EscalationModel(regime=regime, escalation_probability=0.5)
        tree, g = m.tree(), m.game()
        assert g.shape == shape
        spe = tree.backward_induction()
        prof = tree.profile(spe.plan)
        assert g.is_nash(g.pure_profile(prof))
        eqs = games.equilibria(g, method="vertex" if shape[1] > 1 else "pure")
        assert any(eq.as_float()[0][prof[0]] > 1 - 1e-9 and eq.as_float()[1][prof[1]] > 1 - 1e-9 for eq in eqs)


@pytest.mark.parametrize("kwargs, message", [
    ({"regime": "pre-emptive"}, "regime must be one of"),
    ({"escalation_probability": 1.2}, "escalation_probability must be <= 1"),
    ({"hostile_share": -0.1}, "hostile_share must be >= 0"),
    ({"war_cost_collective": -1}, "war_cost_collective must be >= 0"),
])
def test_bad_parameters_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        EscalationModel(**kwargs)
    with pytest.raises(ValueError, match="escalation_probability"):
        regime_comparison([2.0])


def test_regime_comparison_matches_each_regime_swept_alone():
    """The side-by-side table holds the outcomes games.sweep gives each regime on its own."""
    ps = [0.1, 0.5, 0.7]
    table = regime_comparison(ps)
    for regime in REGIMES:
        alone = games.sweep(EscalationModel(regime=regime), {"escalation_probability": ps})
        assert table[f"war_probability_{regime}"].tolist() == alone["war_probability"].tolist()
        assert table[f"deterred_{regime}"].tolist() == alone["deterred"].tolist()
    with pytest.raises(TypeError, match="base must be an EscalationModel"):
        regime_comparison(ps, base=object())


def test_escalation_sweep_is_a_deprecated_alias():
    from models.escalation import escalation_sweep

    with pytest.warns(DeprecationWarning, match="regime_comparison"):
        old = escalation_sweep(probabilities=[0.1, 0.5])
    assert old.equals(regime_comparison([0.1, 0.5]))
