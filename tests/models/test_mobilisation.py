"""MobilisationModel: equilibria derived by hand (indifference conditions), see the module docstring."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from models.mobilisation import MobilisationModel, transparency_table


def hand(pi, t, g=2, m=1, s=F(1, 2), L=4, c=1):
    """The closed form: x = revisionist mobilises, q = unverified defender mobilises."""
    if t >= F(g, g + m):
        return 0, 0
    if pi <= F(c, L):
        return 1, 0
    return F(c) / (pi * L), (g - m * F(t) / (1 - t)) / (g + m - s)


@pytest.mark.parametrize("pi, t", [(F(1, 2), 0), (F(1, 2), F(1, 3)), (F(1, 2), F(1, 2)), (F(4, 5), F(1, 5)),
                                   (F(1, 5), F(1, 3)), (F(1, 2), F(3, 4))])
def test_equilibrium_matches_the_hand_derivation(pi, t):
    out = MobilisationModel(revisionist_share=pi, transparency=t).outcome()
    x, q = hand(pi, t)
    assert out["revisionist_mobilises"] == pytest.approx(float(x))
    if not (x == 0 and t > 0 and pi > 0):   # with no mobilisation at all, the unverified defender is indifferent
        assert out["defender_mobilises_unverified"] == pytest.approx(float(q))
    assert out["regret"] == 0


def test_payoffs_at_one_third_transparency_by_hand():
    # pi = 1/2, t = 1/3: x = 1/2, q = 3/5. The defender mobilises with probability t pi x + (1 - t) q = 1/12 + 2/5
    # and suffers an attack with probability pi x (1 - t)(1 - q) = 1/15: payoff -(29/60) - 4/15 = -3/4. The
    # revisionist is indifferent, and staying earns -(1 - t) q s = -1/5, as the status-quo type earns.
    m = MobilisationModel(transparency=F(1, 3))
    eq = m.equilibrium()
    assert tuple(eq.payoffs) == (F(-1, 5), F(-3, 4))
    out = m.outcome()
    assert out["attack_probability"] == pytest.approx(1 / 15)
    assert out["false_alarm_probability"] == pytest.approx(3 / 4 * 2 / 3 * 3 / 5)


def test_transparency_lowers_attacks_and_false_alarms():
    df = transparency_table([0, 0.3, 0.6, 0.7], [0.5])
    assert df["false_alarm_probability"].is_monotonic_decreasing
    assert df["revisionist_mobilises"].iloc[-1] == 0          # t = 0.7 >= g / (g + m) = 2/3: deterred


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError, match="defence_cost must be below attack_loss"):
        MobilisationModel(defence_cost=4)
    with pytest.raises(ValueError, match="transparency"):
        MobilisationModel(transparency=1)
    with pytest.raises(ValueError, match="spiral_cost"):
        MobilisationModel(spiral_cost=5)
