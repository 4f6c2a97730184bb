"""Adversarial inputs for games.evolution and games.group_dynamics: extreme selection, tiny and zero
fixation probabilities, reducible chains, stiff and endless integrations, huge populations."""

import math
import warnings
from fractions import Fraction

import mpmath
import numpy as np
import pytest

from games.anonymous import AnonymousGame
from games.evolution import (
    fixation_matrix,
    fixation_probability,
    replicator_dynamics,
    small_mutation_distribution,
    stationary_distribution,
)
from games.group_dynamics import finite_fitness, group_success, rare_mutation_distribution


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
        fixation_matrix([[3, 0], [5, 1]], 10_000, intensity=Fraction(1, 10))
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


# ----------------------------------------------------------------------------- group dynamics
def _threshold_game(n, m, b=4.0, c=1.0):
    return AnonymousGame.from_function(n, 2, lambda a, cnt: b * (a + cnt[1] >= m) - c * a)


def test_finite_fitness_large_population_against_exact_hypergeometric():
    """Z = 100,000, groups of 5, threshold 3: a cooperator among k pays c = 1 and gets b = 4 when at
    least 2 of its 4 co-players cooperate; those co-players are a hypergeometric draw (exact binomials)."""
    z, n = 100_000, 5
    f_c, f_d = finite_fitness(_threshold_game(n, 3), z)
    for k in (1, 2, 37_000, 99_999):
        tot = math.comb(z - 1, n - 1)
        reach = sum(Fraction(math.comb(k - 1, j) * math.comb(z - k, n - 1 - j), tot) for j in range(2, n))
        assert f_c[k] == pytest.approx(float(4 * reach - 1), rel=1e-12, abs=1e-15)
        reach_d = sum(Fraction(math.comb(k, j) * math.comb(z - 1 - k, n - 1 - j), tot) for j in range(3, n))
        assert f_d[k] == pytest.approx(float(4 * reach_d), rel=1e-12, abs=1e-15)


def test_group_dynamics_refuses_huge_populations():
    with pytest.raises(ValueError, match="gradient_of_selection"):
        finite_fitness(_threshold_game(50, 3), 10 ** 7)


def test_group_success_needs_a_distribution():
    with pytest.raises(ValueError, match="probability vector"):
        group_success([0, 0, 2], Z=2, N=2, M=1)
    assert group_success([0, 0, 1], Z=2, N=2, M=0) == 1.0          # threshold 0 is always met


def test_rare_mutation_distribution_strong_selection_from_logs():
    """Threshold game N = 3, M = 2 in Z = 20 with beta = 500: both fixation probabilities underflow
    (exp(-thousands)), but their ratio is finite. Reference: the whole chain in mpmath (60 digits)
    with exact hypergeometric group compositions."""
    n, m, z, beta = 3, 2, 20, 500
    got = rare_mutation_distribution(_threshold_game(n, m), z, beta=beta)

    def fit(k, coop):   # payoff of a cooperator (coop) or defector among k cooperators
        others_c = k - 1 if coop else k
        tot = math.comb(z - 1, n - 1)
        reach = sum(mpmath.mpf(math.comb(others_c, j) * math.comb(z - 1 - others_c, n - 1 - j)) / tot
                    for j in range(n) if j + coop >= m)
        return 4 * reach - coop

    def log_rho(sign):   # sign +1: a cooperator invading defectors; -1: a defector invading cooperators
        terms, acc = [mpmath.mpf(0)], mpmath.mpf(0)
        for i in range(1, z):
            k = i if sign > 0 else z - i
            diff = fit(k, 1) - fit(k, 0)
            acc += -beta * diff * sign
            terms.append(acc)
        return -mpmath.log(mpmath.fsum(mpmath.exp(t) for t in terms))

    with mpmath.workdps(60):
        share = 1 / (1 + mpmath.exp(log_rho(-1) - log_rho(1)))
    assert got["cooperators"] == pytest.approx(float(share), rel=1e-9, abs=1e-300)
    assert got["defectors"] == pytest.approx(float(1 - share), rel=1e-9, abs=1e-300)
