"""Security dilemma: the 2x2 ordinal classifier, Stein's split and the posture game, checked by hand."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from models.security_dilemma import (
    SecurityDilemmaModel,
    classify_game,
    classify_symmetric,
    stein_problem,
)


@pytest.mark.parametrize("T, R, P, S, name", [
    (5, 3, 1, 0, "prisoner's dilemma"),   # T > R > P > S
    (3, 4, 1, 0, "stag hunt"),            # R > T > P > S
    (3, 2, 0, 1, "chicken"),              # T > R > S > P
    (3, 1, 2, 0, "deadlock"),             # T > P > R > S
    (2, 3, 0, 1, "harmony"),              # R > T > S > P
    (1, 3, 0, 2, "harmony"),              # R > S > T > P
    (3, 1, 0, 2, "leader"),               # T > S > R > P
    (2, 1, 0, 3, "hero"),                 # S > T > R > P
    (1, 3, 2, 0, "assurance"),            # R > P > T > S
    (3, 3, 1, 0, "non-strict"),
    (2, 3, 0, 2, "harmony"),              # T == S does not matter: cooperation is dominant
    (1, 3, 1, 0, "non-strict"),           # T == P decides stag hunt against assurance
])
def test_textbook_orderings(T, R, P, S, name):
    assert classify_symmetric(T=T, R=R, P=P, S=S) == name


@settings(max_examples=50, deadline=None)
@given(vals=st.permutations([0.0, 1.0, 2.0, 3.0]), scale=st.floats(0.1, 10), shift=st.floats(-5, 5))
def test_classification_is_ordinal(vals, scale, shift):
    """Only the ranking matters: any increasing transformation keeps the name."""
    T, R, P, S = vals
    f = lambda x: scale * x ** 3 + shift  # noqa: E731 - strictly increasing on [0, 3]
    assert classify_symmetric(T, R, P, S) == classify_symmetric(f(T), f(R), f(P), f(S))


@pytest.mark.parametrize("T, R, P, S, kind", [
    (5, 3, 1, 0, "collaboration"), (3, 4, 1, 0, "coordination"), (3, 2, 0, 1, "coordination"),
    (2, 3, 0, 1, "none"), (3, 1, 2, 0, "none"), (3, 1, 0, 2, "coordination"),
])
def test_stein_split(T, R, P, S, kind):
    """Stein (1982): PD = common interests (collaboration); chicken, stag hunt, leader = common aversions
    (coordination); harmony and deadlock need no regime."""
    A = [[R, S], [T, P]]
    g = games.NormalFormGame.from_bimatrix(A, np.transpose(A))
    assert stein_problem(g) == kind


def test_classify_game_needs_a_symmetric_2x2():
    with pytest.raises(ValueError, match="symmetric"):
        classify_game(games.NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[0, 1], [1, 0]]))
    with pytest.raises(ValueError, match="2x2"):
        classify_game(games.NormalFormGame.from_bimatrix([[1, 0, 2]], [[0, 1, 2]]))


def test_posture_game_by_hand():
    """offence 0.5, distinguishability 0.25: T = 3 + 0.5*2 = 4, S = 1 + (0.5 - 1)*1 = 0.5."""
    m = SecurityDilemmaModel()
    assert m.TRPS == (4.0, 3.0, 1.0, 0.5)
    assert m.game().payoffs[0, 1].tolist() == [0.5, 4.0]
    out = m.outcome()
    assert out["game_type"] == "prisoner's dilemma" and out["world"] == 1
    assert out["pure_equilibria"] == "offensive/offensive" and out["n_equilibria"] == 1
    assert out["critical_discount"] == pytest.approx((4 - 3) / (4 - 1))
    assert out["assurance_threshold"] == 1.0


def test_stag_hunt_mixed_equilibrium_by_hand():
    """T = 2, R = 3, P = 1, S = 0.5: indifference 3q + 0.5(1-q) = 2q + (1-q) gives q = 1/3."""
    out = SecurityDilemmaModel(offence_advantage=-0.5).outcome()
    assert out["game_type"] == "stag hunt" and out["n_equilibria"] == 3
    assert out["mixed_defensive"] == pytest.approx(1 / 3)
    assert out["assurance_threshold"] == pytest.approx(1 / 3)


def test_boundaries_are_reported():
    out = SecurityDilemmaModel(offence_advantage=0.0).outcome()
    assert out["world"] is None and out["jervis"] == "boundary" and out["game_type"] == "non-strict"


def test_sweep_covers_the_four_games():
    df = games.sweep(SecurityDilemmaModel(), {"offence_advantage": [-0.6, 0.6], "distinguishability": [0.2, 0.8]})
    assert set(df["game_type"]) == {"prisoner's dilemma", "stag hunt", "chicken", "harmony"}


@pytest.mark.parametrize("kwargs, message", [
    ({"distinguishability": 1.5}, "distinguishability must be <= 1"),
    ({"offence_advantage": -2}, "offence_advantage must be >= -1"),
    ({"mutual_restraint": 1, "arms_race": 2}, "mutual_restraint must exceed arms_race"),
    ({"warning_value": 0}, "warning_value must be > 0"),
])
def test_bad_parameters_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        SecurityDilemmaModel(**kwargs)


def test_security_dilemma_sweep_is_a_deprecated_alias_of_games_sweep():
    from models.security_dilemma import security_dilemma_sweep

    grid = {"offence_advantage": [-0.5, 0.5], "distinguishability": [0.75]}
    with pytest.warns(DeprecationWarning, match=r"games\.sweep\(SecurityDilemmaModel\(\), grid\)"):
        old = security_dilemma_sweep(**grid)
    assert old.equals(games.sweep(SecurityDilemmaModel(), grid))
