"""Response modes: payoffs and equilibria derived by hand from the model's definitions."""

import dataclasses

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import games
from models.responses import MODES, ResponseModel, evaluate_rule


def test_defaults_order_the_modes_as_the_essay_does():
    """'less powerful but more rapid' / 'less flexible but more powerful' / alliances 'in-between'."""
    m = ResponseModel()
    assert m.unilateral_power < m.alliance_power < m.collective_power
    assert m.unilateral_delay < m.alliance_delay < m.collective_delay
    assert m.unilateral_flexibility > m.alliance_flexibility > m.collective_flexibility
    modes = m.modes()
    assert modes["unilateral"].effective_power < modes["alliance"].effective_power < modes["collective"].effective_power
    assert modes["unilateral"].success < modes["alliance"].success < modes["collective"].success


def test_mode_values_by_hand():
    """Success = P/(P+1) * (1 - 0.3 (1 - f)); value = -(1 - p) 10 - urgency * delay - cost / contributors."""
    modes = ResponseModel().modes()
    assert modes["unilateral"].success == pytest.approx(0.5)
    assert modes["unilateral"].defender_value == pytest.approx(-5 - 0.5 - 2)
    p_all = 2.8 / 3.8 * (1 - 0.3 * 0.3)             # 1 + 0.9*2 = 2.8 contributors of 3, power 3
    assert modes["alliance"].success == pytest.approx(p_all)
    assert modes["alliance"].defender_value == pytest.approx(-(1 - p_all) * 10 - 1.5 - 3 / 2.8)
    p_col = 10 / 11 * (1 - 0.3 * 0.6)
    assert modes["collective"].success == pytest.approx(p_col)
    assert modes["collective"].defender_value == pytest.approx(-(1 - p_col) * 10 - 3 - 0.4)
    assert modes["collective"].aggressor_value == pytest.approx((1 - p_col) * 6 - p_col * 4 + 3)


def test_cohesion_scales_effective_power_and_shares():
    """Half the other 9 members contribute: 5.5 contributors, effective power 10*5.5/10."""
    c = ResponseModel(cohesion=0.5).modes()["collective"]
    assert c.contributors == pytest.approx(5.5)
    assert c.effective_power == pytest.approx(5.5)


def test_normal_form_by_hand_and_equilibria_from_the_solvers():
    m = ResponseModel()
    g = m.game()
    modes = m.modes()
    assert g.shape == (2, 4)
    assert g.actions[1] == ("unilateral", "alliance", "collective", "acquiesce")
    assert np.allclose(g.payoffs[0], 0.0)                       # refrain: nothing happens
    for k, name in enumerate(MODES):
        assert g.payoffs[1, k].tolist() == pytest.approx([modes[name].aggressor_value, modes[name].defender_value])
    assert g.payoffs[1, 3].tolist() == [6.0, -10.0]
    # the defenders' best mode is alliance (-5.87 > -5.95 > -7.5 > -10); the aggressor then gets 0.79 > 0: attack
    out = m.outcome()
    assert out["best_mode"] == out["response"] == "alliance"
    assert not out["deterred"]
    eqs = games.equilibria(g)                                   # vertex enumeration, all extreme equilibria
    assert any(eq.pure_actions() == ("attack", "alliance") for eq in eqs if eq.is_pure)


def test_each_mode_wins_somewhere_on_the_regime_map():
    df = games.sweep(ResponseModel(), {"urgency": np.linspace(0, 4, 9), "cohesion": [0.0, 0.5, 1.0]})
    assert set(df["best_mode"]) == set(MODES)
    # unilateral where speed matters most, collective where power matters and there is time
    assert (df.loc[df.urgency == 4.0, "best_mode"] == "unilateral").all()
    assert df.loc[(df.urgency == 0.0) & (df.cohesion == 1.0), "best_mode"].item() == "collective"
    assert df.loc[(df.urgency == 0.0) & (df.cohesion == 0.0), "best_mode"].item() != "collective"


def test_crossovers_in_closed_form():
    """Values are linear in urgency: the alliance/unilateral switch is at (V_a0 - V_u0) / (d_a - d_u)."""
    m0 = ResponseModel(urgency=0.0).modes()
    u_star = (m0["alliance"].defender_value - m0["unilateral"].defender_value) / (1.5 - 0.5)
    assert ResponseModel(urgency=u_star - 0.01).outcome()["best_mode"] == "alliance"
    assert ResponseModel(urgency=u_star + 0.01).outcome()["best_mode"] == "unilateral"


def test_deterrence_threshold_closed_form():
    m = ResponseModel(urgency=0.1, aggressor_gain=2.0)
    assert m.deterrence_threshold("collective") == pytest.approx((2 + 0.3) / 6)
    out = m.outcome()
    assert out["response"] == "collective"
    assert out["deterred"] is True and out["defender_payoff"] == 0.0


@settings(max_examples=60, deadline=None)
@given(urgency=st.floats(0, 5), gain=st.floats(0.5, 10), loss=st.floats(0, 10), cohesion=st.floats(0, 1))
def test_deterred_iff_chosen_mode_beats_its_threshold(urgency, gain, loss, cohesion):
    m = ResponseModel(urgency=urgency, aggressor_gain=gain, aggressor_loss=loss, cohesion=cohesion)
    out = m.outcome()
    if out["response"] == "acquiesce":
        assert not out["deterred"]
        return
    margin = out[f"success_{out['response']}"] - m.deterrence_threshold(out["response"])
    assume(abs(margin) > 1e-9)
    assert out["deterred"] == (margin > 0)
    assert out["spe_is_nash"]


def test_rule_unilateral_if_necessary_multilateral_if_possible():
    """Collective iff urgency * 3 <= 2 (tolerable damage); otherwise unilateral."""
    assert ResponseModel(urgency=0.6).rule_mode() == "collective"
    assert ResponseModel(urgency=0.7).rule_mode() == "unilateral"
    df = evaluate_rule(urgency=np.linspace(0, 4, 41)).set_index("strategy")
    assert set(df.index) == {*MODES, "rule"}
    # the rule beats always acting collectively or always unilaterally, though not the best fixed mode here
    assert df.loc["rule", "mean_regret"] < df.loc["collective", "mean_regret"]
    assert df.loc["rule", "mean_regret"] < df.loc["unilateral", "mean_regret"]
    assert (df["mean_regret"] >= 0).all()


@pytest.mark.parametrize("kwargs, message", [
    ({"collective_power": -1}, "collective_power must be >= 0"),
    ({"alliance_delay": -0.5}, "alliance_delay must be >= 0"),
    ({"surprise": 1.5}, "surprise must be <= 1"),
    ({"cohesion": -0.1}, "cohesion must be >= 0"),
    ({"collective_members": 0}, "collective_members must be an integer >= 1"),
    ({"aggressor_strength": 0}, "aggressor_strength must be > 0"),
    ({"urgency": "high"}, "urgency must be a number"),
])
def test_bad_parameters_refused(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        ResponseModel(**kwargs)


def test_unknown_mode_refused():
    with pytest.raises(ValueError, match="mode must be one of 'unilateral', 'alliance', 'collective'; got 'un'"):
        ResponseModel().deterrence_threshold("un")
    with pytest.raises(ValueError, match="cohesion must be <= 1; got 2"):
        games.sweep(ResponseModel(), {"cohesion": [2.0]})


def test_response_sweep_is_a_deprecated_alias_of_games_sweep():
    from models.responses import response_sweep

    grid = {"urgency": [0.1, 4.0], "cohesion": [1.0]}
    with pytest.warns(DeprecationWarning, match=r"games\.sweep\(ResponseModel\(\), grid\)"):
        old = response_sweep(urgency=grid["urgency"], cohesion=grid["cohesion"])
    assert old.equals(games.sweep(ResponseModel(), grid))
    import models.responses

    assert "response_sweep" not in models.responses.__all__


def test_replace_keeps_validation():
    with pytest.raises(ValueError, match="unilateral_delay"):
        dataclasses.replace(ResponseModel(), unilateral_delay=-1)
