"""Exact repeated-game payoffs against values derived by hand, and against the seeded simulator."""

import math
from fractions import Fraction
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from games import NormalFormGame
from games.catalog import prisoners_dilemma, stag_hunt
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
    critical_discount,
    equilibrium_intervals,
    memory_one,
    outcome_distribution,
    round_robin,
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
    from games.repeated import stage_payoffs

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


# ----------------------------------------------------------------------------- edge cases (by hand)
CHICKEN = [[(3, 3), (1, 4)], [(4, 1), (0, 0)]]
FLAT = [[(1, 1), (1, 1)], [(1, 1), (1, 1)]]
def _random_automaton(n, seed):
    rng = np.random.default_rng(seed)
    return Automaton(f"B{n}_{seed}", tuple(int(x) for x in rng.integers(0, 2, n)),
                     tuple(tuple(int(x) for x in rng.integers(0, n, 4)) for _ in range(n)))


# ----------------------------------------------------------------------------- discount factors
@pytest.mark.parametrize("delta", [0, 0.0, Fraction(0), sympy.Integer(0)])
def test_delta_zero_is_the_stage_game(delta):
    """Only round 0 counts: GRIM vs GRIM earns (R, R); ALLD vs GRIM earns (T, S)."""
    assert average_payoffs(PD, GRIM, GRIM, delta=delta) == (3, 3)
    assert average_payoffs(PD, ALLD, GRIM, delta=delta) == (5, 0)


@pytest.mark.parametrize("delta", [Fraction(1, 2), sympy.Rational(1, 2), 0.5, Fraction(999999, 10 ** 6), 0.999999])
def test_tft_against_alld_for_every_kind_of_delta(delta):
    """TFT vs ALLD: (S, T) once, then (P, P): ((1-d) S + d P, (1-d) T + d P) = (d, 5 - 4 d)."""
    d = Fraction(delta.p, delta.q) if isinstance(delta, sympy.Rational) else delta
    got = average_payoffs(PD, TFT, ALLD, delta=delta)
    assert got[0] == pytest.approx(d, rel=1e-12) and got[1] == pytest.approx(5 - 4 * d, rel=1e-12)
    assert isinstance(got[0], float) == isinstance(delta, float)


def test_delta_one_and_non_numbers_are_refused():
    with pytest.raises(ValueError, match="delta=None"):
        average_payoffs(PD, TFT, ALLD, delta=1)
    with pytest.raises(TypeError, match="delta"):
        average_payoffs(PD, TFT, ALLD, delta="0.5")


# ----------------------------------------------------------------------------- noise
def test_noise_one_flips_every_intention():
    """With noise 1 two TFTs play DD, CC, DD, ... : discounted (P + d R)/(1 + d) = 37/19 at d = 9/10,
    long-run (P + R)/2 = 2."""
    assert average_payoffs(PD, TFT, TFT, delta=Fraction(9, 10), noise=1) == (Fraction(37, 19), Fraction(37, 19))
    assert average_payoffs(PD, TFT, TFT, noise=1) == (2, 2)


@pytest.mark.parametrize("pair", [(TFT, TFT), (GRIM, ALLD), (WSLS, STFT)])
def test_noise_one_half_makes_every_profile_equally_likely(pair):
    """Each realized action is a fair coin whatever is intended: (R + S + T + P)/4 = 9/4."""
    assert average_payoffs(PD, *pair, delta=Fraction(2, 3), noise=Fraction(1, 2)) == (Fraction(9, 4),) * 2


def test_grim_with_noise_closed_form():
    """GRIM vs GRIM with noise e: both start in C and fall into mutual punishment (D, D) at the first
    non-CC profile. Writing u_CC, u_dev, u_DD for the expected stage payoffs when both intend C, when
    one intends D against C, and when both intend D, and p = (1-e)^2, q = e(1-e) for staying in C,
    V_C = ((1-d) u_CC + d (1-p) u_DD)/(1 - d p) and the deviation is worth
    (1-d) u_dev + d (q V_C + (1-q) u_DD). In punishment deviating only costs, so the threshold is the
    root in (0, 1) of V_C = V_dev (computed here with sympy)."""
    e, d = sympy.Rational(1, 100), sympy.Symbol("d")
    T, R, P, S = 5, 3, 1, 0
    u_cc = (1 - e) ** 2 * R + (1 - e) * e * (S + T) + e ** 2 * P
    u_dd = (1 - e) ** 2 * P + (1 - e) * e * (T + S) + e ** 2 * R
    u_dev = (1 - e) ** 2 * T + (1 - e) * e * (P + R) + e ** 2 * S
    p, q = (1 - e) ** 2, e * (1 - e)
    v_c = ((1 - d) * u_cc + d * (1 - p) * u_dd) / (1 - d * p)
    v_dev = (1 - d) * u_dev + d * (q * v_c + (1 - q) * u_dd)
    roots = [r for r in sympy.solve(sympy.numer(sympy.together(v_c - v_dev)), d) if 0 < r < 1]
    expected = Fraction(int(roots[0].p), int(roots[0].q))
    assert critical_discount(PD, GRIM, GRIM, noise=Fraction(1, 100)) == expected
    assert critical_discount(PD, GRIM, GRIM, noise=0.01) == pytest.approx(float(expected), rel=1e-12)


def test_grim_with_noise_one_is_never_an_equilibrium():
    """Noise 1: punishing players intend D but play C forever; intending C (played as D) earns T once
    without changing the future, so the punishment state is never an equilibrium: inf."""
    assert critical_discount(PD, GRIM, GRIM, noise=1) == math.inf
    assert critical_discount(PD, GRIM, GRIM, noise=Fraction(1, 2)) == 0   # actions ignore intentions


# ----------------------------------------------------------------------------- other stage games
def test_stage_games_that_are_not_prisoners_dilemmas():
    """Stag hunt (R, T, P, S = 4, 3, 2, 0): CC and DD are stage equilibria, so GRIM is subgame perfect
    for every delta (0). Chicken: GRIM's punishment (D, D) pays 0 < 1 from swerving, never an
    equilibrium (inf); (ALLC, ALLD) repeats the stage equilibrium (C, D) (0). Constant payoffs:
    everything is an equilibrium at every delta."""
    assert critical_discount(stag_hunt(), GRIM, GRIM) == 0
    assert critical_discount(CHICKEN, GRIM, GRIM) == math.inf
    assert critical_discount(CHICKEN, ALLD, ALLD) == math.inf
    assert critical_discount(CHICKEN, ALLC, ALLD) == 0
    assert equilibrium_intervals(FLAT, TFT, WSLS) == [(0, 1)]
    assert critical_discount(PD, ALLD, ALLD) == 0 and critical_discount(PD, ALLC, ALLC) == math.inf


# ----------------------------------------------------------------------------- odd automata
GRIM_PLUS = Automaton("GRIM+", (1, 0, 1), ((0, 1, 1, 1), (1, 1, 1, 1), (2, 2, 2, 2)))
"""GRIM with a third, unreachable state that cooperates forever."""


@pytest.mark.parametrize("refinement", ["subgame_perfect", "nash"])
def test_unreachable_states_do_not_matter(refinement):
    """An unreachable state cannot bind: the threshold stays (T - R)/(T - P) = 1/2."""
    assert critical_discount(PD, GRIM_PLUS, GRIM_PLUS, refinement=refinement) == Fraction(1, 2)
    assert critical_discount(PD, GRIM_PLUS, GRIM, refinement=refinement) == Fraction(1, 2)


def test_absorbing_state_long_run():
    """GRIM vs TFT with noise 1/10 ends with GRIM defecting for good (its D state never transitions).
    GRIM plays C w.p. 0.1; TFT copies GRIM's last realized action, so it plays C w.p.
    0.1*0.9 + 0.9*0.1 = 0.18, independently of GRIM's current action. GRIM earns
    0.1*0.18*3 + 0.9*0.18*5 + 0.9*0.82*1 = 801/500, TFT 0.1*0.18*3 + 0.1*0.82*5 + 0.9*0.82*1 = 601/500."""
    assert average_payoffs(PD, GRIM, TFT, noise=Fraction(1, 10)) == (Fraction(801, 500), Fraction(601, 500))


def test_float_zero_one_probabilities_match_the_exact_strategy():
    """memory_one((1.0, 0.0, 1.0, 0.0)) is tit-for-tat; against ALLD at d = 1/2: (d, 5 - 4d) = (0.5, 3.0)."""
    m = memory_one((1.0, 0.0, 1.0, 0.0))
    assert average_payoffs(PD, m, ALLD, delta=0.5) == (0.5, 3.0)
    assert critical_discount(PD, m, m) == critical_discount(PD, TFT, TFT) == math.inf


def _path_value(s1, s2, d):
    """Discounted payoff of two deterministic automata without noise, from their eventually periodic
    path: prefix + cycle / (1 - d^L) (exact)."""
    u = {(0, 0): (3, 3), (0, 1): (0, 5), (1, 0): (5, 0), (1, 1): (1, 1)}
    seen, path, z = {}, [], (s1.initial, s2.initial)
    while z not in seen:
        seen[z] = len(path)
        a1, a2 = 1 - int(s1.cooperate[z[0]]), 1 - int(s2.cooperate[z[1]])
        path.append((a1, a2))
        z = (s1.transitions[z[0]][2 * a1 + a2], s2.transitions[z[1]][2 * a2 + a1])
    start = seen[z]
    pre = sum(d ** t * Fraction(u[a][0]) for t, a in enumerate(path[:start]))
    cyc = sum(d ** t * Fraction(u[a][0]) for t, a in enumerate(path[start:]))
    return (1 - d) * (pre + d ** start * cyc / (1 - d ** (len(path) - start)))


def test_fifty_state_automata_exact_without_noise():
    """2,500 joint states, but only the few on the path are solved (it used to hang on a dense exact solve)."""
    a, b = _random_automaton(50, 0), _random_automaton(50, 1)
    d = Fraction(9, 10)
    assert average_payoffs(PD, a, b, delta=d)[0] == _path_value(a, b, d)


def test_fifty_state_automata_are_refused_where_exact_work_explodes():
    a, b = _random_automaton(50, 0), _random_automaton(50, 1)
    with pytest.raises(ValueError, match="is_equilibrium"):
        critical_discount(PD, a, b)
    with pytest.raises(ValueError, match="float"):
        average_payoffs(PD, a, b, delta=Fraction(9, 10), noise=Fraction(1, 10))
    with pytest.raises(ValueError, match="more than 16"):
        average_payoffs(PD, a, b, delta=sympy.Symbol("d"), noise=Fraction(1, 10))
    float_pay = average_payoffs(PD, a, b, delta=0.9, noise=0.1)
    assert all(0 <= v <= 5 for v in float_pay)


# ----------------------------------------------------------------------------- finite horizons
def test_long_deterministic_horizon_is_exact_and_fast():
    """TFT vs ALLD over N rounds: S once, then P: TFT earns (N - 1)/N, ALLD (T + N - 1)/N."""
    n = 10 ** 6
    assert average_payoffs(PD, TFT, ALLD, rounds=n) == (Fraction(n - 1, n), Fraction(n + 4, n))
    # TFT vs STFT alternate CD, DC: over 7 rounds TFT gets S four times and T three times
    assert average_payoffs(PD, TFT, STFT, rounds=7)[0] == Fraction(15, 7)


def test_long_random_exact_horizon_is_refused_and_float_path_agrees():
    with pytest.raises(ValueError, match="float"):
        outcome_distribution(TFT, WSLS, rounds=10 ** 4, noise=Fraction(1, 10))
    exact = outcome_distribution(TFT, WSLS, rounds=40, noise=Fraction(1, 10))
    floats = outcome_distribution(TFT, WSLS, rounds=40, noise=0.1)
    np.testing.assert_allclose(floats, exact.astype(float), rtol=1e-12)


# ----------------------------------------------------------------------------- simulator, tournament
def test_simulator_edges_and_seeds():
    with pytest.raises(ValueError, match="rounds"):
        simulate(PD, TFT, ALLD, 0)
    assert simulate(PD, TFT, ALLD, 1)["actions"].tolist() == [[0, 1]]
    a = simulate(PD, WSLS, TFT, 200, noise=0.1, seed=7)["actions"]
    assert np.array_equal(a, simulate(PD, WSLS, TFT, 200, noise=0.1, seed=7)["actions"])
    with pytest.raises(ValueError, match="outcome_distribution"):
        simulate(PD, TFT, ALLD, 10 ** 10)


def test_simulated_payoffs_refuses_endless_games():
    with pytest.raises(ValueError, match="average_payoffs"):
        simulated_payoffs(PD, TFT, ALLD, delta=0.999999, repetitions=10, seed=1)
    with pytest.raises(ValueError, match="average_payoffs"):
        simulated_payoffs(PD, TFT, ALLD, rounds=10 ** 9, repetitions=10 ** 9, seed=1)
    with pytest.raises(ValueError, match="confidence"):
        simulated_payoffs(PD, TFT, ALLD, rounds=1, confidence="x")
    one = simulated_payoffs(PD, TFT, ALLD, rounds=1, repetitions=5, seed=1)["mean"]
    assert one.tolist() == [0.0, 5.0]
