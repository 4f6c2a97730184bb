"""Adversarial inputs for games.repeated: extreme discount factors and noise, stage games that are not
prisoner's dilemmas, odd automata, automata too large for exact arithmetic, long horizons, symbolic
payoffs, and the simulator and tournament at their edges. Expected values are derived by hand."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy

from games.catalog import prisoners_dilemma, stag_hunt
from games.repeated import (
    ALLC,
    ALLD,
    GRIM,
    STFT,
    TFT,
    WSLS,
    Automaton,
    average_payoffs,
    critical_discount,
    equilibrium_intervals,
    is_equilibrium,
    memory_one,
    outcome_distribution,
    round_robin,
    simulate,
    simulated_payoffs,
)

PD = prisoners_dilemma()          # T, R, P, S = 5, 3, 1, 0
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


def test_tournament_edges():
    with pytest.raises(ValueError, match="distinct names"):
        round_robin(PD, [TFT, TFT])
    with pytest.raises(TypeError, match="numeric delta"):
        round_robin(PD, [TFT, ALLD], delta=sympy.Symbol("d"))
    with pytest.raises(TypeError, match="self_play"):
        round_robin(PD, [TFT, ALLD], rounds=3, self_play="no")
    with pytest.raises(TypeError, match="average_payoffs"):
        round_robin(prisoners_dilemma(*sympy.symbols("T R P S")), [TFT, ALLD], rounds=3)
