"""Jervis (1978), "Cooperation under the security dilemma", World Politics 30(2): 167-214.

The four worlds (p. 211): offence or defence advantage x postures distinguishable or not. Each test
pins one qualitative cell of Jervis's table (or a claim of his abstract) on the games
models.security_dilemma builds.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.security_dilemma import JERVIS_TABLE, SecurityDilemmaModel, assurance_threshold, jervis_worlds

#: The published table, Jervis (1978), p. 211 (rows: offence/defence advantage; columns: distinguishable?).
PUBLISHED = {
    1: "Doubly dangerous",
    2: "Security dilemma, but security requirements may be compatible",
    3: "No security dilemma, but aggression possible",
    4: "Doubly stable",
}


def test_table_labels_match_the_published_ones():
    """Jervis (1978), p. 211: world 1 offence/indistinguishable ... world 4 defence/distinguishable."""
    df = jervis_worlds().set_index("world")
    for world, label in PUBLISHED.items():
        assert label in df.loc[world, "jervis"]
    assert JERVIS_TABLE[(True, False)].startswith("1.") and JERVIS_TABLE[(False, True)].startswith("4.")


def _world(world, offence, dist):
    return SecurityDilemmaModel(offence_advantage=offence, distinguishability=dist).outcome()


@settings(max_examples=30, deadline=None)
@given(off=st.floats(0.05, 1), dist=st.floats(0, 0.45))
def test_world_1_doubly_dangerous(off, dist):
    """Jervis p. 211, world 1 'doubly dangerous': both the security dilemma and the temptation to
    aggress operate; mutual restraint is not an equilibrium (a prisoner's dilemma)."""
    out = _world(1, off, dist)
    assert out["security_dilemma"] and out["aggression_pays"]
    assert not out["cooperation_equilibrium"] and out["mutual_arming_equilibrium"]
    assert out["game_type"] == "prisoner's dilemma" and out["stein"] == "collaboration"


@settings(max_examples=30, deadline=None)
@given(off=st.floats(-0.95, -0.05), dist=st.floats(0, 0.45))
def test_world_2_security_requirements_may_be_compatible(off, dist):
    """Jervis p. 211, world 2: 'security dilemma, but security requirements may be compatible': the
    dilemma operates (mutual arming is an equilibrium) yet mutual restraint is one too (stag hunt)."""
    out = _world(2, off, dist)
    assert out["security_dilemma"] and not out["aggression_pays"]
    assert out["cooperation_equilibrium"] and out["mutual_arming_equilibrium"]
    assert out["game_type"] in ("stag hunt", "assurance")


@settings(max_examples=30, deadline=None)
@given(off=st.floats(0.05, 1), dist=st.floats(0.55, 1))
def test_world_3_no_security_dilemma_but_aggression_possible(off, dist):
    """Jervis p. 211, world 3: 'no security dilemma, but aggression possible; status-quo states can
    follow different policy than aggressors': no arms race equilibrium, but exploitation pays and the
    equilibria pair an offensive state with a defensive one."""
    out = _world(3, off, dist)
    assert not out["security_dilemma"] and out["aggression_pays"]
    assert not out["mutual_arming_equilibrium"] and not out["cooperation_equilibrium"]
    assert out["pure_equilibria"] == "offensive/defensive, defensive/offensive"


@settings(max_examples=30, deadline=None)
@given(off=st.floats(-0.95, -0.05), dist=st.floats(0.55, 1))
def test_world_4_doubly_stable(off, dist):
    """Jervis p. 211, world 4 'doubly stable': defensive postures are dominant; mutual restraint is the
    unique equilibrium."""
    out = _world(4, off, dist)
    assert not out["security_dilemma"] and not out["aggression_pays"]
    assert out["cooperation_unique"] and out["game_type"] == "harmony" and out["stein"] == "none"


def test_abstract_cooperation_more_likely_when():
    """Jervis (1978), abstract and pp. 171-186: cooperation is more likely 'when the costs of being
    exploited and the gains of exploiting others are low, when the gains from mutual cooperation and the
    costs of mutual noncooperation are high'. In the stag hunt the belief needed to stay defensive,
    q* = (P - S) / ((R - T) + (P - S)), falls in each of those directions."""
    base = dict(offence_advantage=-0.5, distinguishability=0.25)
    q = lambda **kw: SecurityDilemmaModel(**{**base, **kw}).outcome()["assurance_threshold"]  # noqa: E731
    q0 = q()
    assert q0 == pytest.approx((1 - 0.5) / ((3 - 2) + (1 - 0.5)))
    assert q(distinguishability=0.4) < q0                   # being exploited costs less (S up)
    assert q(offence_advantage=-0.8) < q0                   # exploiting gains less (T down)
    assert assurance_threshold(T=2, R=3.5, P=1, S=0.5) < q0  # mutual cooperation gains more (R up, T fixed)
    assert assurance_threshold(T=2, R=3, P=0.9, S=0.5) < q0  # mutual noncooperation costs more (P down, S fixed)
