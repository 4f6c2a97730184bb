"""Exact repeated-game payoffs against values derived by hand, and against the seeded simulator."""

from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from games import NormalFormGame
from games.catalog import prisoners_dilemma
from games.repeated import (
    ALLC,
    ALLD,
    ALT,
    GRIM,
    GTFT,
    STFT,
    TF2T,
    TFT,
    WSLS,
    Automaton,
    automaton,
    average_payoffs,
    cooperation_rate,
    memory_one,
    outcome_distribution,
    simulate,
    simulated_payoffs,
)

T, R, P, S = 5, 3, 1, 0
PD = prisoners_dilemma()
probs = st.fractions(min_value=0, max_value=1, max_denominator=50)
deltas = st.fractions(min_value=0, max_value=F(49, 50), max_denominator=50)


def test_tft_vs_alld_discounted_by_hand():
    """TFT meets ALLD: S once, then P forever, so (1-d) S + d P and (1-d) T + d P."""
    d = F(9, 10)
    assert average_payoffs(PD, TFT, ALLD, delta=d) == ((1 - d) * S + d * P, (1 - d) * T + d * P)


def test_symbolic_delta_and_payoffs():
    Ts, Rs, Ps, Ss, d = sympy.symbols("T R P S delta")
    v1, v2 = average_payoffs(prisoners_dilemma(Ts, Rs, Ps, Ss), TFT, ALLD, delta=d)
    assert sympy.simplify(v1 - ((1 - d) * Ss + d * Ps)) == 0
    assert sympy.simplify(v2 - ((1 - d) * Ts + d * Ps)) == 0


@given(probs.filter(lambda e: 0 < e < 1))
@settings(max_examples=15, deadline=None)
def test_tft_pair_with_noise_limit_is_uniform(eps):
    """With any noise in (0, 1) the TFT pair's last-profile chain is doubly stochastic: (R+S+T+P)/4."""
    assert average_payoffs(PD, TFT, TFT, noise=eps) == (F(R + S + T + P, 4),) * 2


@given(probs.filter(lambda e: 0 < e < 1))
@settings(max_examples=15, deadline=None)
def test_wsls_pair_with_noise_by_hand(eps):
    """WSLS pairs are in a both-C state after equal realized actions, prob a = (1-e)^2 + e^2 every round."""
    a = (1 - eps) ** 2 + eps ** 2
    mixed = eps * (1 - eps) * (S + T)
    in_c = R * (1 - eps) ** 2 + mixed + P * eps ** 2
    in_d = P * (1 - eps) ** 2 + mixed + R * eps ** 2
    assert average_payoffs(PD, WSLS, WSLS, noise=eps) == (a * in_c + (1 - a) * in_d,) * 2
    assert cooperation_rate(WSLS, WSLS, noise=eps) == a * (1 - eps) + (1 - a) * eps


@given(probs, deltas)
@settings(max_examples=20, deadline=None)
def test_grim_pair_with_noise_by_hand(eps, d):
    """GRIM pairs stay cooperative w.p. (1-e)^2 per round; any other profile starts mutual defection forever."""
    stay = (1 - eps) ** 2
    r_c = R * stay + (S + T) * eps * (1 - eps) + P * eps ** 2
    r_d = P * stay + (S + T) * eps * (1 - eps) + R * eps ** 2
    v_c = ((1 - d) * r_c + d * (1 - stay) * r_d) / (1 - d * stay)
    assert average_payoffs(PD, GRIM, GRIM, delta=d, noise=eps) == (v_c, v_c)


def test_non_ergodic_and_periodic_limits():
    """Limit of means from the initial state when the chain is reducible or periodic (no noise)."""
    assert average_payoffs(PD, GRIM, GRIM) == (R, R)                      # absorbing cooperation
    assert average_payoffs(PD, TFT, STFT) == (F(S + T, 2), F(S + T, 2))  # period-2 echo
    assert average_payoffs(PD, GRIM, ALT) == (F(T + P, 2), F(S + P, 2))  # transient, then period 2
    assert average_payoffs(PD, TF2T, ALT) == (R * F(1, 2) + S * F(1, 2), R * F(1, 2) + T * F(1, 2))


def test_finite_horizon_and_distribution():
    assert average_payoffs(PD, TFT, ALLD, rounds=200) == (F(S + 199 * P, 200), F(T + 199 * P, 200))
    occ = outcome_distribution(ALLC, ALLD, delta=F(1, 2))
    assert occ.tolist() == [[0, 1], [0, 0]]


def test_float_inputs_give_floats_matching_exact():
    exact = average_payoffs(PD, GTFT(), WSLS, delta=F(9, 10), noise=F(1, 20))
    approx = average_payoffs(PD, GTFT(), WSLS, delta=0.9, noise=0.05)
    assert isinstance(approx[0], float)
    assert np.allclose([float(x) for x in exact], approx, rtol=1e-12)


def test_stage_from_array_equals_game():
    arr = np.array([[[3, 3], [0, 5]], [[5, 0], [1, 1]]])
    assert average_payoffs(arr, TFT, ALLD, delta=F(1, 2)) == average_payoffs(PD, TFT, ALLD, delta=F(1, 2))


@pytest.mark.parametrize("pair", [(WSLS, GTFT()), (TFT, GRIM), (memory_one((F(9, 10), 0, 1, F(1, 5))), TF2T)])
def test_exact_within_simulation_confidence_interval(pair):
    """The simulator's mean (geometric game lengths) brackets the exact discounted payoff."""
    s1, s2 = pair
    exact = average_payoffs(PD, s1, s2, delta=F(9, 10), noise=F(1, 20))
    sim = simulated_payoffs(PD, s1, s2, delta=0.9, noise=0.05, repetitions=4000, seed=7, confidence=0.999)
    for k in range(2):
        assert sim["ci"][k, 0] <= float(exact[k]) <= sim["ci"][k, 1]


def test_simulated_finite_horizon_converges():
    exact = average_payoffs(PD, WSLS, TFT, rounds=50, noise=F(1, 10))
    sim = simulated_payoffs(PD, WSLS, TFT, rounds=50, noise=0.1, repetitions=3000, seed=3, confidence=0.999)
    assert all(sim["ci"][k, 0] <= float(exact[k]) <= sim["ci"][k, 1] for k in range(2))


def test_simulate_is_seeded():
    a = simulate(PD, GTFT(), WSLS, 30, noise=0.1, seed=11)
    b = simulate(PD, GTFT(), WSLS, 30, noise=0.1, seed=11)
    assert np.array_equal(a["actions"], b["actions"])


@pytest.mark.parametrize("kwargs, match", [
    ({"noise": 1.5}, "noise must be a probability"),
    ({"noise": -0.1}, "noise must be a probability"),
    ({"delta": 1}, "delta must be a discount factor in \\[0, 1\\)"),
    ({"delta": -0.5}, "delta must be a discount factor"),
    ({"delta": 0.5, "rounds": 3}, "either delta or rounds"),
    ({"rounds": 0}, "rounds must be a positive integer"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        average_payoffs(PD, TFT, TFT, **kwargs)


def test_bad_stage_and_strategies():
    with pytest.raises(ValueError, match="2x2"):
        average_payoffs(NormalFormGame(np.zeros((3, 3, 2))), TFT, TFT)
    with pytest.raises(ValueError, match="shape \\(2, 2, 2\\)"):
        average_payoffs(np.zeros((2, 3, 2)), TFT, TFT)
    with pytest.raises(TypeError, match="s2 must be a games.repeated.Automaton"):
        average_payoffs(PD, TFT, "TFT")


def test_automaton_validation():
    with pytest.raises(ValueError, match="state 'c' has no transition for the observed profile\\(s\\) 'DD'"):
        automaton("X", {"c": "C"}, {"c": {"CC": "c", "CD": "c", "DC": "c"}})
    with pytest.raises(ValueError, match="must be a state index in 0..1"):
        Automaton("Y", (1, 0), ((0, 1, 0, 5), (0, 1, 0, 1)))
    with pytest.raises(ValueError, match="probability of cooperating in \\[0, 1\\]"):
        Automaton("Z", (2,), ((0, 0, 0, 0),))
    with pytest.raises(ValueError, match="initial state 'q'"):
        automaton("X", {"c": "C"}, {"c": "c"}, initial="q")


def test_every_function_takes_a_symbolic_game():
    """ALLD meets GRIM: T once, then P forever: (1-d) T + d P (by hand), from a SymbolicGame."""
    from games.catalog import stag_hunt
    from games.repeated import round_robin, stage_payoffs

    d = sympy.Symbol("delta")
    sym = prisoners_dilemma(symbolic=True)
    Ts, Ps = sympy.symbols("T P")
    v1, _ = average_payoffs(sym, ALLD, GRIM, delta=d)
    assert sympy.simplify(v1 - ((1 - d) * Ts + d * Ps)) == 0
    numeric = prisoners_dilemma(5, 3, 1, 0, symbolic=True)       # no parameters: exact numbers
    assert stage_payoffs(numeric).tolist() == stage_payoffs(PD).tolist()
    assert average_payoffs(numeric, TFT, ALLD, delta=F(9, 10)) == (F(9, 10) * P, F(1, 10) * T + F(9, 10) * P)
    t = round_robin(numeric, [TFT, ALLD], rounds=10)
    assert t.payoffs[0, 1] == F(S + 9 * P, 10)
    assert simulate(numeric, TFT, ALLD, 3, seed=0)["payoffs"].tolist() == [[S, T], [P, P], [P, P]]
    with pytest.raises(TypeError, match="substitute the symbols"):
        simulate(sym, TFT, ALLD, 3, seed=0)
    # the stag hunt's labels differ; action 0 is still the cooperative one (Stag): R = 4 for two TFTs
    assert average_payoffs(stag_hunt(), TFT, TFT, delta=F(1, 2)) == (4, 4)
