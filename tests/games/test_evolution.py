"""Evolutionary dynamics over strategy sets: replicator, Moran/Fermi fixation, small-mutation limit."""

import math
import warnings
from fractions import Fraction as F

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from games.evolution import (
    fixation_matrix,
    fixation_probability,
    replicator_dynamics,
    replicator_field,
    replicator_rest_points,
    small_mutation_distribution,
    stationary_distribution,
)


@given(st.fractions(min_value=F(1, 5), max_value=5, max_denominator=20).filter(lambda r: r != 1),
       st.integers(2, 30))
@settings(max_examples=30, deadline=None)
def test_moran_constant_fitness_closed_form(r, z):
    """Constant fitness r against 1: rho = (1 - 1/r) / (1 - 1/r^Z) (Moran 1962; Nowak 2006, Evolutionary
    Dynamics, eq. 6.13). A payoff matrix with rows (1, 1) and (r, r) has exactly these fitnesses."""
    rho = fixation_matrix([[1, 1], [r, r]], z)
    assert rho[0, 1] == (1 - 1 / r) / (1 - 1 / r ** z)
    assert rho[1, 0] == (1 - r) / (1 - r ** z)


def test_neutral_drift_and_float_path_agree():
    assert fixation_matrix([[2, 2], [2, 2]], 7)[0, 1] == F(1, 7)
    exact = fixation_matrix([[3, 0], [5, 1]], 10, intensity=F(1, 10))
    approx = fixation_matrix([[3.0, 0], [5, 1]], 10, intensity=0.1)
    assert np.allclose(exact.astype(float), approx, rtol=1e-12)


@pytest.mark.parametrize("a, b, c, d", [(5, 0, 3, 2), (4, 1, 2, 3), (3, 3, 5, 0)])
def test_weak_selection_one_third_law_finite_n(a, b, c, d):
    """Nowak, Sasaki, Taylor & Fudenberg (2004, Nature 428: 646), eq. for weak selection: a single A
    fixes with probability > 1/N in a B population iff a(N-2) + b(2N-1) > c(N+1) + d(2N-4)."""
    n = 20
    rho = fixation_matrix([[d, c], [b, a]], n, intensity=F(1, 1000))[0, 1]   # type 1 = A mutant in B
    left, right = a * (n - 2) + b * (2 * n - 1), c * (n + 1) + d * (2 * n - 4)
    assert (rho > F(1, n)) == (left > right)


def test_fermi_matches_fixation_probability():
    payoff = np.array([[3.0, 0.0], [5.0, 1.0]])
    rho = fixation_matrix(payoff, 8, rule="fermi", intensity=0.5)
    k = np.arange(1, 8)
    fm = ((k - 1) * 1.0 + (8 - k) * 5.0) / 7      # defector mutants among cooperators
    fr = (k * 0.0 + (8 - k - 1) * 3.0) / 7
    assert rho[0, 1] == pytest.approx(fixation_probability(fm, fr, beta=0.5))


def test_small_mutation_distribution_uses_stationary_distribution():
    pay = [[3, 0], [5, 1]]
    rho = fixation_matrix(pay, 10, rule="fermi", intensity=1.0)
    pi = small_mutation_distribution(pay, 10, rule="fermi", intensity=1.0)
    assert np.allclose(pi, stationary_distribution(rho))
    # two-type closed form: pi_D / pi_C = rho_CD / rho_DC
    assert pi[1] / pi[0] == pytest.approx(rho[0, 1] / rho[1, 0])


def test_replicator_prisoners_dilemma_and_coordination():
    _, x = replicator_dynamics([[3, 0], [5, 1]], [0.99, 0.01], t_max=40)
    assert x[-1, 1] > 0.999
    # coordination: the basin boundary of [[2, 0], [0, 1]] is x = 1/3
    _, up = replicator_dynamics([[2, 0], [0, 1]], [0.4, 0.6], t_max=60)
    _, down = replicator_dynamics([[2, 0], [0, 1]], [0.3, 0.7], t_max=60)
    assert up[-1, 0] > 0.99 and down[-1, 1] > 0.99
    assert np.allclose(up.sum(axis=1), 1)


def test_bad_input():
    with pytest.raises(ValueError, match="square"):
        fixation_matrix([[1, 2, 3], [1, 2, 3]], 5)
    with pytest.raises(ValueError, match="population must be an integer >= 2"):
        fixation_matrix([[1, 2], [3, 4]], 1)
    with pytest.raises(ValueError, match="intensity must be a selection intensity"):
        fixation_matrix([[1, 2], [3, 4]], 5, intensity=2)
    with pytest.raises(ValueError, match="x0 must sum to 1"):
        replicator_dynamics([[1, 2], [3, 4]], [0.5, 0.6])


# ----------------------------------------------------------------------------- adversarial inputs
# extreme selection, tiny and zero fixation probabilities, reducible chains, stiff and endless integrations

# ----------------------------------------------------------------------------- stationary distribution
def test_stationary_distribution_keeps_tiny_rates_apart():
    """Two types: pi_0 / pi_1 = rho[1, 0] / rho[0, 1] exactly (balance of the two-state chain). With
    rho = 1e-46 and 1e-50 the answer is (1e-4, 1) / (1 + 1e-4); a least-squares solve returned (1/2, 1/2)."""
    pi = stationary_distribution([[0, 1e-46], [1e-50, 0]])
    np.testing.assert_allclose(pi, [1e-4 / (1 + 1e-4), 1 / (1 + 1e-4)], rtol=1e-12)


def test_stationary_distribution_three_types_against_balance_equations():
    """Rates across 30 orders of magnitude: the result must satisfy pi M = pi, checked in mpmath at
    50 digits (an independent solve of the balance equations by Cramer's rule)."""
    rho = [[0, 1e-20, 1e-30], [1e-25, 0, 1e-22], [1e-18, 1e-40, 0]]
    with mpmath.workdps(50):
        expected = _balance_solution(rho)
    np.testing.assert_allclose(stationary_distribution(rho), [float(v) for v in expected], rtol=1e-10)


def _balance_solution(rho):
    m = mpmath.matrix(3, 3)
    for i in range(3):
        for j in range(3):
            m[i, j] = mpmath.mpf(rho[i][j]) / 2 if i != j else 0
    for i in range(3):
        m[i, i] = 1 - sum(m[i, j] for j in range(3) if j != i)
    a = (m - mpmath.eye(3)).T
    a[2, :] = mpmath.matrix([[1, 1, 1]])
    return mpmath.lu_solve(a, mpmath.matrix([0, 0, 1]))


@pytest.mark.parametrize("rho", [
    [[0, 0, 0], [0, 0, 0], [0, 0, 0]],             # nobody can invade anybody
    [[0, 1, 0], [0, 0, 0], [0, 0, 0]],             # types 1 and 2 both absorbing
])
def test_stationary_distribution_refuses_reducible_chains(rho):
    with pytest.raises(ValueError, match="closed classes"):
        stationary_distribution(rho)


def test_stationary_distribution_with_transient_types():
    """0 -> 1 -> 2, and 2 is never left: all mass on type 2 (unique closed class)."""
    assert stationary_distribution([[0, 1, 0], [0, 0, 1], [0, 0, 0]]).tolist() == [0.0, 0.0, 1.0]


# ----------------------------------------------------------------------------- fixation
@pytest.mark.parametrize("beta", [np.nan, -1.0, np.inf, "1"])
def test_fixation_probability_rejects_bad_beta(beta):
    with pytest.raises((TypeError, ValueError), match="beta"):
        fixation_probability(np.full(9, 2.0), np.ones(9), beta=beta)


def test_fixation_probability_extreme_beta_no_overflow():
    """beta * (payoff difference) overflowing must give the strong-selection limits: an advantaged
    mutant fixes surely, a disadvantaged one never (rho = 1 / (1 + sum of exp(+inf)) = 0)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fixation_probability(np.full(9, 0.0), np.ones(9), beta=1e308) == 0.0
        assert fixation_probability(np.full(9, 2.0), np.ones(9), beta=1e308) == 1.0
        assert fixation_probability(np.ones(9), np.ones(9), beta=1e308) == pytest.approx(0.1)


@pytest.mark.parametrize("r", [1.01, 0.99])
def test_moran_fixation_large_population_closed_form(r):
    """Constant fitness r: rho = (1 - 1/r) / (1 - 1/r^Z) (Nowak 2006, Evolutionary Dynamics, eq. 6.6)."""
    z = 10_000
    expected = float((1 - 1 / mpmath.mpf(r)) / (1 - mpmath.mpf(r) ** -z))
    got = fixation_probability(np.full(z - 1, r), np.ones(z - 1), rule="moran")
    assert got == pytest.approx(expected, rel=1e-9)


def test_moran_two_individuals():
    """Z = 2: one birth-death step decides; rho = f_M / (f_M + f_R) = 1.5 / 2.5."""
    assert fixation_probability([1.5], [1.0], rule="moran") == pytest.approx(0.6, rel=1e-14)


def test_fixation_matrix_refuses_slow_exact_path_and_float_path_agrees():
    """Prisoner's dilemma R, S, T, P = 3, 0, 5, 1 with w = 1/10: the exact path is refused for
    Z = 10,000 (fractions with thousands of digits); the float path must give the closed form."""
    with pytest.raises(ValueError, match="intensity=0.1"):
        fixation_matrix([[3, 0], [5, 1]], 10_000, intensity=F(1, 10))
    rho = fixation_matrix([[3, 0], [5, 1]], 10_000, intensity=0.1)
    z, w = 10_000, mpmath.mpf(1) / 10
    total, prod = mpmath.mpf(1), mpmath.mpf(1)
    for k in range(1, z):      # Nowak et al. (2004), Nature 428: 646, with self-interaction excluded
        fm = 1 - w + w * ((k - 1) * 1 + (z - k) * 5) / mpmath.mpf(z - 1)
        fr = 1 - w + w * (k * 0 + (z - k - 1) * 3) / mpmath.mpf(z - 1)
        prod *= fr / fm
        total += prod
    assert rho[0, 1] == pytest.approx(float(1 / total), rel=1e-9)


def test_fixation_matrix_fermi_intensity_must_be_nonnegative():
    with pytest.raises(ValueError, match="intensity"):
        fixation_matrix([[3, 0], [5, 1]], 10, rule="fermi", intensity=-1)
    with pytest.raises(TypeError, match="intensity"):
        fixation_matrix([[3, 0], [5, 1]], 10, rule="fermi", intensity="x")


def test_small_mutation_distribution_bistable_under_strong_selection_is_refused():
    """Pure coordination [[1, 0], [0, 1]] with beta = 1e6: neither monomorphic state can be invaded
    (both fixation probabilities are 0 in floating point), so no unique distribution exists."""
    with pytest.raises(ValueError, match="closed classes"):
        small_mutation_distribution([[1, 0], [0, 1]], 10, intensity=1e6)


# ----------------------------------------------------------------------------- replicator dynamics
def test_replicator_on_a_vertex_and_an_edge():
    """A vertex is a rest point; on the rock-paper edge (shares of R and P) the R share follows
    x' = -x (1 - x), so x(t) = x0 e^-t / (1 - x0 + x0 e^-t) and scissors stay extinct."""
    _, x = replicator_dynamics([[3, 0], [5, 1]], [1, 0], t_max=10)
    assert x[-1].tolist() == [1.0, 0.0]
    t, x = replicator_dynamics([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [0.5, 0.5, 0], t_max=5, num=11)
    expected = np.exp(-t) * 0.5 / (0.5 + 0.5 * np.exp(-t))
    np.testing.assert_allclose(x[:, 0], expected, atol=1e-7)
    assert np.all(x[:, 2] == 0)


def test_replicator_large_payoffs_are_not_stiff_trouble():
    """Payoffs scaled by 1e5 (prisoner's dilemma): defectors take over; the explicit RK45 needed
    millions of steps near the vertex, the default now finishes within a small evaluation budget."""
    _, x = replicator_dynamics([[3e5, 0], [5e5, 1e5]], [0.5, 0.5], t_max=50, max_evaluations=20_000)
    assert x[-1, 1] == pytest.approx(1.0, abs=1e-9)


def test_replicator_endless_integration_is_refused():
    """Rock-paper-scissors cycles forever: t_max = 1e9 would integrate for hours."""
    with pytest.raises(ValueError, match="max_evaluations"):
        replicator_dynamics([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [0.2, 0.3, 0.5], t_max=1e9,
                            max_evaluations=5_000)


@pytest.mark.parametrize("kwargs, error", [
    ({"t_max": "5"}, TypeError), ({"t_max": math.inf}, ValueError), ({"rtol": -1.0}, ValueError),
    ({"num": 10 ** 9}, ValueError),
])
def test_replicator_rejects_bad_settings(kwargs, error):
    with pytest.raises(error):
        replicator_dynamics([[3, 0], [5, 1]], [0.5, 0.5], **kwargs)


# ------------------------------------------------------------------------------- replicator rest points
def _as_set(rest):
    return sorted((tuple(np.round(x, 12)), nash) for x, nash in rest)


def test_rest_points_of_rock_paper_scissors_by_hand():
    """RPS: on an edge {i, j} the two strategies would need equal payoffs, but one beats the other outright
    (payoffs 0 vs +-1), so no edge point rests; the corners rest but each is invaded by the strategy that
    beats it; the centre (1/3, 1/3, 1/3) is the unique symmetric equilibrium."""
    got = replicator_rest_points([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    want = [((1.0, 0.0, 0.0), False), ((0.0, 1.0, 0.0), False), ((0.0, 0.0, 1.0), False),
            ((1 / 3, 1 / 3, 1 / 3), True)]
    assert _as_set(got) == _as_set([(np.array(x), n) for x, n in want])


def test_rest_points_of_pure_coordination_by_hand():
    """A = diag(1, 2, 3): on a face the rest point equalises a_i x_i, so x_i is proportional to 1/a_i:
    (2/3, 1/3, 0), (3/4, 0, 1/4), (0, 3/5, 2/5) and (6, 3, 2)/11; strategies off a face earn 0 < a_i x_i,
    so all seven (with the corners) are symmetric equilibria."""
    got = replicator_rest_points(np.diag([1, 2, 3]))
    want = [np.eye(3)[k] for k in range(3)] + [np.array(v) for v in (
        (2 / 3, 1 / 3, 0), (3 / 4, 0, 1 / 4), (0, 3 / 5, 2 / 5), (6 / 11, 3 / 11, 2 / 11))]
    assert _as_set(got) == _as_set([(x, True) for x in want])


def test_rest_points_separate_equilibria_from_other_rest_points():
    """Hawk-dove on strategies 1-2 ([[0, 3], [1, 2]]: rest at (1/2, 1/2), each earning 3/2) while strategy 3
    earns 3 against everything: every rest point but the corner of strategy 3 is invaded by it."""
    got = replicator_rest_points([[0, 3, 0], [1, 2, 0], [3, 3, 3]])
    want = [((1, 0, 0), False), ((0, 1, 0), False), ((0, 0, 1), True), ((0.5, 0.5, 0), False)]
    assert _as_set(got) == _as_set([(np.array(x, dtype=float), n) for x, n in want])
    for x, _ in got:                                   # each is at rest: the field vanishes there
        assert np.allclose(replicator_field([[0, 3, 0], [1, 2, 0], [3, 3, 3]], x), 0, atol=1e-12)


def test_rest_points_of_a_two_strategy_game_and_refusals():
    """Hawk-dove V = 2, C = 4 ([[-1, 2], [0, 1]]): rest at the ESS V/C = 1/2 hawks (Maynard Smith 1982)."""
    got = replicator_rest_points([[-1, 2], [0, 1]])
    assert _as_set(got) == _as_set([(np.array([1.0, 0.0]), False), (np.array([0.0, 1.0]), False),
                                    (np.array([0.5, 0.5]), True)])
    with pytest.raises(ValueError, match="at most 8"):
        replicator_rest_points(np.eye(9))
    with pytest.raises(ValueError, match="square"):
        replicator_rest_points([[1, 2, 3], [1, 2, 3]])
