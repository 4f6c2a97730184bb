"""Evolution in anonymous games: replicator gradient, hypergeometric fitness, Fermi-rule chains."""

from __future__ import annotations

import math
from fractions import Fraction
from math import comb

import mpmath
import numpy as np
import pytest
from scipy import optimize, stats

from games import group_dynamics as gd
from games.anonymous import AnonymousGame
from games.group_dynamics import finite_fitness, group_success, rare_mutation_distribution


def crd(N: int, M: int, r: float, c: float = 0.1, b: float = 1.0) -> AnonymousGame:
    """Santos & Pacheco (2011) collective-risk payoffs, Eq. 1."""
    return AnonymousGame.from_function(
        N, ["D", "C"], lambda a, k: b * ((k[1] + a >= M) + (1 - r) * (k[1] + a < M)) - c * b * a)


def test_replicator_roots_match_closed_form():
    """For the collective-risk game f_C - f_D = b r C(N-1, M-1) x^(M-1) (1-x)^(N-M) - c b (by hand from
    Santos & Pacheco's Eq. 1: only groups one short of M make a cooperator pivotal)."""
    N, M, r, c = 6, 3, 0.5, 0.1
    g = crd(N, M, r, c)

    def gain(x):
        return r * comb(N - 1, M - 1) * x ** (M - 1) * (1 - x) ** (N - M) - c

    x_star = (M - 1) / (N - 1)
    ref = [optimize.brentq(gain, 1e-9, x_star), optimize.brentq(gain, x_star, 1 - 1e-9)]
    got = gd.interior_fixed_points(g)
    assert [s for _, s in got] == ["unstable", "stable"]
    assert np.allclose([x for x, _ in got], ref, atol=1e-12)
    x = np.linspace(0, 1, 11)
    assert np.allclose(gd.gradient_of_selection(g, x), x * (1 - x) * gain(x), atol=1e-12)


def test_no_interior_roots_below_critical_risk():
    """Roots exist iff r C(N-1,M-1) x*^(M-1)(1-x*)^(N-M) > c at x* = (M-1)/(N-1)."""
    N, M, c = 6, 3, 0.1
    x_star = (M - 1) / (N - 1)
    r_crit = c / (comb(N - 1, M - 1) * x_star ** (M - 1) * (1 - x_star) ** (N - M))
    assert gd.interior_fixed_points(crd(N, M, 0.98 * r_crit, c)) == []
    assert len(gd.interior_fixed_points(crd(N, M, 1.02 * r_crit, c))) == 2


def test_hypergeometric_fitness_by_direct_sum():
    """f_C(k) = sum_j H(j; Z-1, k-1, N-1) P_C(j+1), computed term by term with math.comb."""
    N, M, Z, r = 4, 2, 9, 0.7
    g = crd(N, M, r)
    f_c, f_d = gd.finite_fitness(g, Z)

    def H(j, pop, succ, draws):
        return comb(succ, j) * comb(pop - succ, draws - j) / comb(pop, draws) if 0 <= j <= succ else 0.0

    def P_D(j):
        return 1.0 if j >= M else 1 - r

    for k in range(1, Z):
        fc = sum(H(j, Z - 1, k - 1, N - 1) * (P_D(j + 1) - 0.1) for j in range(N))
        fd = sum(H(j, Z - 1, k, N - 1) * P_D(j) for j in range(N))
        assert abs(f_c[k] - fc) < 1e-12 and abs(f_d[k] - fd) < 1e-12


def test_stationary_distribution_detailed_balance_and_neutral_drift():
    g = crd(5, 3, 0.6)
    Z, beta, mu = 30, 3.0, 0.02
    p = gd.stationary_distribution_mutation(g, Z, beta=beta, mu=mu)
    grad = gd.finite_gradient(g, Z, beta=beta, mu=mu)
    assert abs(p.sum() - 1) < 1e-12
    # build the tridiagonal chain independently and solve pi P = pi
    f_c, f_d = gd.finite_fitness(g, Z)
    k = np.arange(Z + 1)
    d = np.nan_to_num(f_c - f_d)
    imit = k / Z * (Z - k) / (Z - 1)
    tp = (1 - mu) * imit / (1 + np.exp(-beta * d)) + mu * (Z - k) / Z
    tm = (1 - mu) * imit / (1 + np.exp(beta * d)) + mu * k / Z
    P = np.diag(1 - tp - tm) + np.diag(tp[:-1], 1) + np.diag(tm[1:], -1)
    w, v = np.linalg.eig(P.T)
    pi = np.real(v[:, np.argmin(abs(w - 1))])
    assert np.allclose(p, pi / pi.sum(), atol=1e-10)
    assert np.allclose(grad, tp - tm, atol=1e-14)
    neutral = AnonymousGame.from_function(3, 2, lambda a, k: 1.0)
    rho = gd.fixation_probabilities(neutral, 20, beta=5.0)
    assert abs(rho["cooperator"] - 1 / 20) < 1e-12 and abs(rho["defector"] - 1 / 20) < 1e-12


def test_group_success_full_and_empty():
    assert gd.group_success(np.eye(11)[10], 10, 4, 2) == 1.0
    assert gd.group_success(np.eye(11)[0], 10, 4, 2) == 0.0
    # k = 5 of 10, groups of 4, at least 2: 1 - H(0) - H(1)
    ref = 1 - stats.hypergeom.pmf(0, 10, 5, 4) - stats.hypergeom.pmf(1, 10, 5, 4)
    assert abs(gd.group_success(np.eye(11)[5], 10, 4, 2) - ref) < 1e-14


def test_bad_input():
    g = crd(6, 3, 0.5)
    with pytest.raises(ValueError, match="Z \\(population size\\) must be at least the group size"):
        gd.finite_fitness(g, 4)
    with pytest.raises(ValueError, match="mu must be > 0"):
        gd.stationary_distribution_mutation(g, 20, mu=0.0)
    with pytest.raises(ValueError, match="two actions"):
        gd.gradient_of_selection(AnonymousGame.from_function(3, 3, lambda a, k: 0.0), 0.5)
    with pytest.raises(ValueError, match="beta"):
        gd.finite_gradient(g, 20, beta=-1)


# ----------------------------------------------------------------------------- adversarial inputs
# huge populations, strong selection where both fixation probabilities underflow
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


def test_rest_points_with_the_ends_by_hand():
    """Pairwise games, x the share of action 1, gain f1 - f0 = (c - a)(1 - x) + (d - b) x for
    A = [[a, b], [c, d]] (Hofbauer & Sigmund 1998, ch. 7)."""
    # coordination [[2, 0], [0, 1]]: x* = 2/3 separates the basins of the two stable ends
    got = gd.rest_points(gd.pairwise_game([[2, 0], [0, 1]]))
    assert [k for _, k in got] == ["stable", "unstable", "stable"]
    assert [x for x, _ in got] == pytest.approx([0.0, 2 / 3, 1.0], abs=1e-12)
    # prisoner's dilemma, action 1 = defect: gain 2 (1 - x) + 1 x > 0, defection takes over
    assert gd.rest_points(gd.pairwise_game([[3, 0], [5, 1]])) == [(0.0, "unstable"), (1.0, "stable")]
    # neutral stretch: [[1, 1], [1, 1]] has zero gain everywhere -> refused as a continuum of rest points
    with pytest.raises(ValueError, match="identically zero"):
        gd.rest_points(gd.pairwise_game([[1, 1], [1, 1]]))


def test_rest_points_of_diekmanns_volunteers_dilemma():
    """N = 5, benefit 4, cost 1: the symmetric mixed equilibrium volunteers with probability
    1 - (c/b)^(1/(N-1)) (Diekmann 1985), stable in the replicator dynamics; both ends repel."""
    vd = AnonymousGame.from_function(5, ["wait", "volunteer"], lambda a, c: 4.0 * (a + c[1] >= 1) - a)
    (x0, k0), (x, k), (x1, k1) = gd.rest_points(vd)
    assert (x0, k0, k, x1, k1) == (0.0, "unstable", "stable", 1.0, "unstable")
    assert x == pytest.approx(1 - 0.25 ** 0.25, abs=1e-9)


def test_pairwise_game_refuses_bad_input():
    with pytest.raises(ValueError, match=r"\(2, 2\) payoff matrix"):
        gd.pairwise_game(np.eye(3))
    with pytest.raises(ValueError, match="actions must name the 2 actions"):
        gd.pairwise_game(np.eye(2), actions=["a"])
