"""Leadership: pure equilibria of the pledge game against the closed-form thresholds."""

import math

import pytest

import games
from models.leadership import MAX_MEMBERS, LeadershipModel


def test_payoffs_by_hand():
    """Leader + 4 followers mount force 6 + 4 = 10: leader pays 5 + 0.1, each follower 5/4 + 0.1."""
    m = LeadershipModel()
    pay = m.payoffs(1, 1, 1, 1, 1, 0)
    assert pay == pytest.approx((6 - 5.1, 1.5 - 1.35, 1.5 - 1.35, 1.5 - 1.35, 1.5 - 1.35, 1.5))
    assert m.payoffs(1, 1, 1, 1, 0, 0) == pytest.approx((-0.1, -0.1, -0.1, -0.1, 0, 0))  # force 9 < 10


def test_equilibria_by_hand():
    """Equilibria: nobody contributes, or the leader with any 4 of the 5 followers: 1 + C(5, 4) = 6."""
    m = LeadershipModel()
    eqs = games.equilibria(m.game(), method="pure")
    assert len(eqs) == 1 + math.comb(5, 4)
    out = m.outcome()
    assert out["response_led"] and out["k_group"] == 5 and out["free_riders"] == 1
    assert out["leader_payoff"] == pytest.approx(0.9) and out["follower_payoff"] == pytest.approx(0.15)


@pytest.mark.parametrize("share", [0.0, 0.2, 0.4, 0.45, 0.5, 0.55, 0.6, 0.8, 1.0])
def test_leadership_band_closed_form(share):
    """Led response iff 1 - 4 (1.5 - 0.1)/10 = 0.44 <= share <= (6 - 0.1)/10 = 0.59."""
    out = LeadershipModel(lead_share=share).outcome()
    assert out["response_possible"] == (0.44 <= share <= 0.59)
    assert out["cf_led_response"] == out["response_possible"]


def test_privileged_group():
    """Olson: a member who can mount the response alone and values it above its whole cost acts alone."""
    out = LeadershipModel(leader_capacity=10, leader_benefit=12).outcome()
    assert out["privileged"] and out["k_group"] == 1 and out["free_riders"] == 5
    assert not LeadershipModel(leader_capacity=10, leader_benefit=9).outcome()["privileged"]


def test_followers_without_a_leader():
    """Followers of capacity 3 need 4 of them (12 >= 10); each pays 10/4 + 0.1 = 2.6 <= benefit 3."""
    out = LeadershipModel(follower_capacity=3, follower_benefit=3, leader_benefit=0).outcome()
    assert out["response_possible"] and not out["response_led"]
    assert out["regime"] == "followers act without the lead power"


def test_sweep_regimes():
    df = games.sweep(LeadershipModel(), {"lead_share": [0.1, 0.5, 0.9], "leader_benefit": [6.0]})
    assert df["regime"].tolist() == ["no response: followers' share too high", "led coalition of the willing",
                                     "no response: lead power's share too high"]


def test_against_pygambit_pure_equilibria():
    gbt = pytest.importorskip("pygambit")
    import numpy as np

    m = LeadershipModel(members=4, required_force=8, leader_capacity=6, follower_capacity=1)
    g = m.game()
    theirs = gbt.Game.from_arrays(*[np.asarray(g.payoffs[..., i]) for i in range(4)])
    res = gbt.nash.enumpure_solve(theirs).equilibria
    ours = games.equilibria(g, method="pure")
    assert len(res) == len(ours)


@pytest.mark.parametrize("kwargs, message", [
    ({"members": 0}, "members must be an integer >= 2"),
    ({"members": 1}, "members must be an integer >= 2"),
    ({"members": MAX_MEMBERS + 1}, "closed_form"),
    ({"lead_share": 1.5}, "lead_share must be <= 1"),
    ({"follower_capacity": 0}, "follower_capacity must be > 0"),
    ({"operation_cost": -1}, "operation_cost must be >= 0"),
])
def test_bad_parameters_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        LeadershipModel(**kwargs)


def test_leadership_sweep_is_a_deprecated_alias_of_games_sweep():
    from models.leadership import leadership_sweep

    grid = {"lead_share": [0.2, 0.5], "leader_benefit": [6.0]}
    with pytest.warns(DeprecationWarning, match=r"games\.sweep\(LeadershipModel\(\), grid\)"):
        old = leadership_sweep(**grid)
    assert old.equals(games.sweep(LeadershipModel(), grid))
