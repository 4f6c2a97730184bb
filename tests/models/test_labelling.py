"""Labelling the aggressor: the inspection game's equilibria against closed forms derived by hand."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from models.labelling import LabellingModel


def test_payoff_matrix_by_hand():
    """Defaults a=.8, r=.2, g=3, s=6, l=4, v=4, c=1, w=2, e=.5, W=8: K = 1+2+4 = 7, D = 3.2-1-0.2*6 = 1."""
    m = LabellingModel()
    assert m.wrongful_sanction_cost == pytest.approx(7.0)
    assert m.sanction_gain == pytest.approx(1.0)
    A, B = m.game().bimatrix
    assert A.ravel().tolist() == pytest.approx([0, -0.6, 3, -1.8])
    assert B.ravel().tolist() == pytest.approx([0, -1.4, -4, -3.0])


@settings(max_examples=40, deadline=None)
@given(a=st.floats(0.72, 1.0), r=st.floats(0.05, 0.5))
def test_interior_equilibrium_closed_form(a, r):
    """Mechanism indifference: pi = rK/(D + rK); aggressor indifference: sigma = g/(s(a - r/2))."""
    m = LabellingModel(accuracy=a, incident_rate=r)
    D, K = m.sanction_gain, m.wrongful_sanction_cost
    sigma = 3 / (6 * (a - r / 2))
    if D <= 1e-6 or sigma >= 1 - 1e-6:
        return
    out = m.outcome()
    assert out["n_equilibria"] == 1
    assert out["attack_probability"] == pytest.approx(r * K / (D + r * K), abs=1e-9)
    assert out["sanction_probability"] == pytest.approx(sigma, abs=1e-9)
    pi = r * K / (D + r * K)
    assert out["wrongful_sanction_probability"] == pytest.approx(sigma * (pi * (1 - a) + (1 - pi) * r), abs=1e-9)
    assert out["escalation_probability"] == pytest.approx(0.5 * out["wrongful_sanction_probability"])


def test_signal_too_noisy_to_act_on():
    """D = 4a - 1 - 6(1 - a) < 0 for a < 0.7: sanctioning never pays, aggression is unchecked."""
    out = LabellingModel(accuracy=0.65).outcome()
    assert out["attack_probability"] == 1.0 and out["sanction_probability"] == 0.0
    assert out["mechanism_payoff"] == pytest.approx(-4.0)


def test_accuracy_improves_deterrence_and_cuts_wrongful_sanctions():
    df = games.sweep(LabellingModel(), {"accuracy": np.linspace(0.75, 1.0, 6)})
    assert (np.diff(df["deterrence"]) > 0).all()
    assert (np.diff(df["wrongful_sanction_probability"]) < 0).all()
    assert (np.diff(df["mechanism_payoff"]) > 0).all()


def test_strict_status_quo_rule_closed_form():
    """Always sanctioning the labelled party deters iff a >= g/s + r/2 = 0.6."""
    assert LabellingModel(accuracy=0.55).outcome()["strict_attack"] is True
    out = LabellingModel(accuracy=0.65).outcome()
    assert out["strict_attack"] is False
    assert out["strict_wrongful_sanction_probability"] == pytest.approx(0.2)   # every incident
    low = LabellingModel(accuracy=0.5).outcome()
    assert low["strict_wrongful_sanction_probability"] == pytest.approx(0.5)   # every victim
    assert low["strict_mechanism_payoff"] == pytest.approx(-4 + 0.5 * 4 - 1 - 0.5 * 6)


def test_against_pygambit():
    gbt = pytest.importorskip("pygambit")
    m = LabellingModel(accuracy=0.85)
    A, B = m.game().bimatrix
    g = gbt.Game.from_arrays(A, B)
    theirs = gbt.nash.enummixed_solve(g, rational=False).equilibria
    assert len(theirs) == 1
    x = [float(theirs[0][s]) for s in list(g.players)[0].strategies]
    out = m.outcome()
    assert out["attack_probability"] == pytest.approx(x[1], abs=1e-9)
    ours = games.equilibria(m.game())
    assert len(ours) == 1


@pytest.mark.parametrize("kwargs, message", [
    ({"accuracy": 1.2}, "accuracy must be <= 1"),
    ({"incident_rate": -0.1}, "incident_rate must be >= 0"),
    ({"escalation_risk": 2}, "escalation_risk must be <= 1"),
    ({"sanction": -1}, "sanction must be >= 0"),
])
def test_bad_parameters_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        LabellingModel(**kwargs)


def test_sanctioning_accuracy_by_hand():
    """D = a v - c - (1 - a)(w + e W) = 0 at a0 = (c + w + e W) / (v + w + e W) = (1 + 2 + 4) / (4 + 2 + 4) = 0.7."""
    m = LabellingModel()
    assert m.sanctioning_accuracy == pytest.approx(0.7, abs=1e-12)
    assert LabellingModel(accuracy=0.7).sanction_gain == pytest.approx(0.0, abs=1e-12)
    assert LabellingModel(accuracy=0.69).outcome()["sanction_probability"] == 0.0
    assert LabellingModel(accuracy=0.71).outcome()["sanction_probability"] > 0.0


def test_labelling_sweep_is_a_deprecated_alias_of_games_sweep():
    from models.labelling import labelling_sweep

    with pytest.warns(DeprecationWarning, match=r"games\.sweep\(LabellingModel\(\), grid\)"):
        old = labelling_sweep(accuracy=[0.6, 0.9])
    assert old.equals(games.sweep(LabellingModel(), {"accuracy": [0.6, 0.9]}))
