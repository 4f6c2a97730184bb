"""Critical discount factors against closed forms derived by hand or published."""

import math
from fractions import Fraction
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from games.catalog import donation_game, prisoners_dilemma
from games.repeated import (
    ALLC,
    ALLD,
    GRIM,
    STFT,
    TFT,
    WSLS,
    critical_discount,
    equilibrium_intervals,
    is_equilibrium,
)


@st.composite
def pd_payoffs(draw):
    """Integer prisoner's dilemmas T > R > P > S."""
    s = draw(st.integers(-5, 5))
    p = s + draw(st.integers(1, 5))
    r = p + draw(st.integers(1, 5))
    t = r + draw(st.integers(1, 5))
    return t, r, p, s


@given(pd_payoffs())
@settings(max_examples=25, deadline=None)
def test_grim_threshold(pay):
    """Grim trigger sustains mutual cooperation iff delta >= (T-R)/(T-P) (Friedman 1971; Mailath &
    Samuelson 2006, Sec. 2.4.1): cooperate gives R, deviating gives (1-d) T + d P."""
    t, r, p, s = pay
    pd = prisoners_dilemma(t, r, p, s, iterated=False)
    expected = F(t - r, t - p)
    assert critical_discount(pd, GRIM, GRIM) == expected
    assert critical_discount(pd, GRIM, GRIM, refinement="nash") == expected
    assert equilibrium_intervals(pd, GRIM, GRIM) == [(expected, 1)]


@given(pd_payoffs())
@settings(max_examples=25, deadline=None)
def test_tft_collective_stability(pay):
    """Axelrod (1984, Proposition 2; Axelrod & Hamilton 1981): TFT is collectively stable iff
    w >= max((T-R)/(T-P), (T-R)/(R-S)), i.e. (TFT, TFT) is a Nash equilibrium of the repeated game."""
    t, r, p, s = pay
    expected = max(F(t - r, t - p), F(t - r, r - s))
    got = critical_discount(prisoners_dilemma(t, r, p, s, iterated=False), TFT, TFT, refinement="nash")
    assert got == (expected if expected < 1 else math.inf)


def test_tft_subgame_perfection_by_hand():
    """One-shot deviations from TFT (derived by hand, as in Mailath & Samuelson 2006, Sec. 2.4.3):
    at CC need d >= (T-R)/(R-S), at DC need d <= (T-R)/(R-S), at CD need d >= (P-S)/(T-P), at DD need
    d <= (P-S)/(T-P). With R, T, S, P = 2, 3, -1, 0 both equal 1/3: SPE at exactly d = 1/3; with 5, 3, 1, 0
    (2/3 vs 1/4) never."""
    mas = prisoners_dilemma(T=3, R=2, P=0, S=-1)
    assert equilibrium_intervals(mas, TFT, TFT) == [(F(1, 3), F(1, 3))]
    assert critical_discount(mas, TFT, TFT) == F(1, 3)
    assert critical_discount(prisoners_dilemma(), TFT, TFT) == math.inf
    assert is_equilibrium(mas, TFT, TFT, F(1, 3)) and not is_equilibrium(mas, TFT, TFT, F(1, 2))


@given(pd_payoffs())
@settings(max_examples=25, deadline=None)
def test_wsls_threshold(pay):
    """WSLS is subgame perfect iff delta >= (T-R)/(R-P) (derived by hand: a deviation at CC or DD earns
    (1-d) T + d (1-d) P + d^2 R against R; at CD/DC states punishment is self-enforcing since P > S)."""
    t, r, p, s = pay
    expected = F(t - r, r - p)
    got = critical_discount(prisoners_dilemma(t, r, p, s, iterated=False), WSLS, WSLS)
    assert got == (expected if expected < 1 else math.inf)


def test_alld_always_and_allc_never():
    pd = prisoners_dilemma()
    assert critical_discount(pd, ALLD, ALLD) == 0
    assert critical_discount(pd, ALLC, ALLC, refinement="nash") == math.inf


def test_stft_pair_is_nash_only_for_short_horizons():
    """Two STFT players defect forever (P). Deviating to C, D, C, D, ... earns (S + d T)/(1 + d), better
    than P iff d > (P-S)/(T-P) = 1/4; cooperating forever earns (1-d) S + d R > P iff d > 1/3 (by hand).
    So the profile is Nash exactly for d in [0, 1/4]."""
    assert equilibrium_intervals(prisoners_dilemma(), STFT, STFT, refinement="nash") == [(0, F(1, 4))]


def test_grim_with_noise_by_hand():
    """GRIM pair with implementation noise e at delta*: V_C = Q_D where (derived by hand)
    V_C = ((1-d) r_C + d (1-(1-e)^2) r_D) / (1 - d (1-e)^2) and a deviation (intend D) gives
    (1-d) r_dev + d (e(1-e) V_C + (1 - e(1-e)) r_D). The threshold is the root of V_C - Q_D."""
    T, R, P, S = 5, 3, 1, 0
    e = F(1, 10)
    stay = (1 - e) ** 2
    r_c = R * stay + (S + T) * e * (1 - e) + P * e ** 2
    r_d = P * stay + (S + T) * e * (1 - e) + R * e ** 2
    r_dev = R * e * (1 - e) + S * e * e + T * (1 - e) ** 2 + P * (1 - e) * e

    def gain(d):
        v_c = ((1 - d) * r_c + d * (1 - stay) * r_d) / (1 - d * stay)
        return v_c - ((1 - d) * r_dev + d * (e * (1 - e) * v_c + (1 - e * (1 - e)) * r_d))

    d_star = critical_discount(prisoners_dilemma(), GRIM, GRIM, noise=e)
    assert gain(d_star) == 0
    assert gain(d_star - F(1, 10 ** 6)) < 0 < gain(d_star + F(1, 10 ** 6))


def test_symbolic_thresholds():
    T, R, P, S = sympy.symbols("T R P S")
    pd = prisoners_dilemma(T, R, P, S)
    grim = critical_discount(pd, GRIM, GRIM, at={T: 5, R: 3, P: 1, S: 0})
    assert sympy.simplify(grim - (T - R) / (T - P)) == 0
    wsls = critical_discount(pd, WSLS, WSLS, at={T: 4, R: 3, P: 1, S: 0})
    assert sympy.simplify(wsls - (T - R) / (R - P)) == 0
    assert critical_discount(pd, WSLS, WSLS, at={T: 5, R: 3, P: 1, S: 0}) == sympy.oo


def test_donation_game_direct_reciprocity_symbolic():
    """Nowak (2006, Science 314: 1560, direct reciprocity): TFT resists ALLD iff w >= c/b."""
    b, c = sympy.symbols("b c", positive=True)
    got = critical_discount(donation_game(b, c), TFT, TFT, refinement="nash", at={b: 3, c: 1})
    assert sympy.simplify(got - c / b) == 0


def test_bad_input():
    pd = prisoners_dilemma()
    with pytest.raises(ValueError, match="refinement must be one of"):
        critical_discount(pd, TFT, TFT, refinement="perfect")
    T = sympy.Symbol("T")
    with pytest.raises(ValueError, match="symbolic stage payoffs need at="):
        critical_discount(prisoners_dilemma(T=T), GRIM, GRIM)
    with pytest.raises(ValueError, match="noise must be a probability"):
        critical_discount(pd, GRIM, GRIM, noise=2)
    with pytest.raises(ValueError, match="delta must be a discount factor"):
        is_equilibrium(pd, GRIM, GRIM, 1.0)


# ----------------------------------------------------------------------------- any 2x2 game of the package
def test_symbolic_game_from_the_catalogue():
    """Friedman (1971): grim trigger needs delta >= (T-R)/(T-P); WSLS (T-R)/(R-P) (by hand, see above);
    TFT is collectively stable in the donation game from w = c/b (Nowak 2006)."""
    from games.catalog import donation_game as donation
    from games.catalog import prisoners_dilemma as pd_game

    T, R, P, S = sympy.symbols("T R P S")
    pd = pd_game(symbolic=True)
    grim = critical_discount(pd, GRIM, GRIM, at={T: 5, R: 3, P: 1, S: 0})
    assert sympy.simplify(grim - (T - R) / (T - P)) == 0
    wsls = critical_discount(pd, WSLS, WSLS, at={T: 4, R: 3, P: 1, S: 0})
    assert sympy.simplify(wsls - (T - R) / (R - P)) == 0
    b, c = sympy.symbols("b c")
    tft = critical_discount(donation(symbolic=True), TFT, TFT, refinement="nash", at={b: 3, c: 1})
    assert sympy.simplify(tft - c / b) == 0
    # a SymbolicGame without parameters is numeric: exact answers
    assert critical_discount(pd_game(5, 3, 1, 0, symbolic=True), GRIM, GRIM) == F(1, 2)


def test_normal_form_game_with_the_callers_labels():
    """A model passes its own vocabulary; the threshold is the same as the catalogue game's."""
    from games import NormalFormGame

    g = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=["State 1", "State 2"],
                                     actions=[["restrain", "arm"], ["restrain", "arm"]])
    assert critical_discount(g, GRIM, GRIM) == F(5 - 3, 5 - 1)
    assert critical_discount(g.exact_payoffs, GRIM, GRIM) == F(1, 2)
    assert is_equilibrium(g, GRIM, GRIM, F(1, 2)) and not is_equilibrium(g, GRIM, GRIM, F(49, 100))


def test_games_that_are_not_2x2_are_refused():
    from games import NormalFormGame
    from games.catalog import rock_paper_scissors
    from games.symbolic import SymbolicGame

    with pytest.raises(ValueError, match=r"stage must be a 2x2 two-player game; got a 2-player game of shape \(3, 3\)"):
        critical_discount(rock_paper_scissors(), GRIM, GRIM)
    with pytest.raises(ValueError, match="shape"):
        critical_discount(rock_paper_scissors(symbolic=True), GRIM, GRIM)
    three = NormalFormGame(np.zeros((2, 2, 2, 3)))
    with pytest.raises(ValueError, match="3-player game"):
        critical_discount(three, GRIM, GRIM)
    a = sympy.Symbol("a")
    with pytest.raises(ValueError, match="shape"):
        critical_discount(SymbolicGame(np.full((2, 2, 2, 3), a, dtype=object)), GRIM, GRIM)


# ----------------------------------------------------------------------------- edge cases (by hand)
PD = prisoners_dilemma()


# ----------------------------------------------------------------------------- is_equilibrium
@pytest.mark.parametrize("refinement", ["subgame_perfect", "nash"])
@pytest.mark.parametrize("pair", [(GRIM, GRIM), (TFT, TFT), (WSLS, WSLS), (GRIM, TFT), (ALLD, ALLD)])
@pytest.mark.parametrize("noise", [0, Fraction(1, 20)])
def test_is_equilibrium_agrees_with_the_intervals(pair, noise, refinement):
    """A single discount factor is now checked with one exact solve; it must agree with the interval
    set from the interpolated constraints, inside, outside and at the end points."""
    pieces = equilibrium_intervals(PD, *pair, noise=noise, refinement=refinement)
    points = {Fraction(k, 20) for k in range(20)} | {lo for lo, _ in pieces if isinstance(lo, Fraction)}
    for d in points:
        inside = any(lo <= d <= hi if hi < 1 else lo <= d for lo, hi in pieces)
        assert is_equilibrium(PD, *pair, d, noise=noise, refinement=refinement) == inside, d


def test_is_equilibrium_needs_a_number():
    with pytest.raises(TypeError, match="numeric discount factor"):
        is_equilibrium(PD, GRIM, GRIM, sympy.Symbol("d"))


# ----------------------------------------------------------------------------- symbolic payoffs
def test_symbolic_threshold_refuses_an_isolated_point():
    """TFT is subgame perfect only where (T-R)/(R-S) = (P-S)/(T-P) (Mailath & Samuelson 2006,
    Sec. 2.4.3); at T, R, P, S = 3, 2, 0, -1 both are 1/3, but at any nearby point there is no
    equilibrium, so Max((T-R)/(R-S), (P-S)/(T-P)) (returned before) was wrong almost everywhere:
    at 5, 3, 1, 0 it gives 2/3 where the numeric answer is inf."""
    T, R, P, S = sympy.symbols("T R P S")
    with pytest.raises(ValueError, match="single discount factor"):
        critical_discount(prisoners_dilemma(T, R, P, S), TFT, TFT, at={T: 3, R: 2, P: 0, S: -1})
    assert critical_discount(PD, TFT, TFT) == math.inf


def test_symbolic_stage_needs_at_and_finite_payoffs():
    T, R, P, S = sympy.symbols("T R P S")
    with pytest.raises(ValueError, match="at="):
        critical_discount(prisoners_dilemma(T, R, P, S), GRIM, GRIM)
    with pytest.raises(ValueError, match=r"T must be finite"):
        prisoners_dilemma(sympy.oo, 3, 1, 0)
    u = np.array([[[3, 3], [0, sympy.oo]], [[sympy.oo, 0], [1, 1]]], dtype=object)
    with pytest.raises(ValueError, match=r"stage payoff .* must be finite"):
        critical_discount(u, GRIM, GRIM)
