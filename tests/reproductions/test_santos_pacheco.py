"""Santos, F. C. & Pacheco, J. M. (2011). Risk of collective failure provides an escape from the tragedy of
the commons. PNAS 108(26), 10421-10425.

Published model (their Eq. 1): in a group of N with j cooperators, a defector gets
P_D(j) = b [H(j - M) + (1 - r)(1 - H(j - M))] and a cooperator P_C(j) = P_D(j) - c b. Published findings
(abstract): "decisions within small groups under high risk and stringent requirements to success
significantly raise the chances of coordinating actions and escaping the tragedy of the commons";
in infinite populations two interior fixed points (an unstable x_L and a stable x_R) appear when the
risk is high enough. The paper's figure values are not transcribed here; the quantitative checks use the
closed form that follows from Eq. 1 (derived by hand), the qualitative ones the abstract's statements.
"""

from __future__ import annotations

from math import comb

import numpy as np
import pytest
from scipy import optimize

from models.burden_sharing import CollectiveRisk


def test_interior_roots_follow_from_eq1():
    """From Eq. 1, f_C - f_D = b r C(N-1, M-1) x^(M-1) (1-x)^(N-M) - c b: its two roots are x_L < x_R."""
    for N, M, r in [(6, 3, 0.5), (6, 3, 0.9), (10, 5, 0.9), (4, 2, 0.3)]:
        out = CollectiveRisk(group_size=N, threshold=M, risk=r).outcome()

        def gain(x, N=N, M=M, r=r):
            return r * comb(N - 1, M - 1) * x ** (M - 1) * (1 - x) ** (N - M) - 0.1

        x_star = (M - 1) / (N - 1)
        ref = (optimize.brentq(gain, 1e-12, x_star), optimize.brentq(gain, x_star, 1 - 1e-12))
        assert np.allclose((out["x_left"], out["x_right"]), ref, atol=1e-10)


def test_critical_risk_from_eq1():
    """No interior root below r* = c / max_x C(N-1, M-1) x^(M-1) (1-x)^(N-M) (max at x = (M-1)/(N-1))."""
    N, M = 6, 3
    r_star = 0.1 / (comb(5, 2) * 0.4 ** 2 * 0.6 ** 3)
    assert CollectiveRisk(group_size=N, threshold=M, risk=0.99 * r_star).outcome()["n_interior_roots"] == 0
    assert CollectiveRisk(group_size=N, threshold=M, risk=1.01 * r_star).outcome()["n_interior_roots"] == 2


def test_higher_risk_raises_group_achievement():
    """Abstract: high risk raises the chances of coordinating (finite population, Z = 50)."""
    eta = [CollectiveRisk(risk=r).outcome()["group_achievement"] for r in (0.1, 0.3, 0.5, 0.75, 0.9)]
    assert eta == sorted(eta) and eta[-1] > 0.8 and eta[0] < 0.2


def test_small_groups_do_better_than_large_ones():
    """Abstract: small groups (same M/N) coordinate more often than large ones, at high risk."""
    eta = [CollectiveRisk(group_size=N, threshold=N // 2, risk=0.75).outcome()["group_achievement"]
           for N in (4, 6, 8, 12)]
    assert eta == sorted(eta, reverse=True)


def test_stationary_distribution_peaks_at_cooperation_under_high_risk():
    """With high risk the stationary distribution peaks near the stable root x_R; with low risk at k = 0."""
    high = CollectiveRisk(risk=0.9).outcome()
    assert abs(high["stationary_mode"] - high["x_right"]) < 0.1
    assert CollectiveRisk(risk=0.1).outcome()["stationary_mode"] == 0.0


def test_finite_population_results_use_the_models_own_beta():
    """The model's beta is the one source of truth. With no risk (r = 0) a cooperator always earns c b = 0.1
    less than a defector, so under the Fermi rule T-/T+ = exp(0.1 beta) at every state and a single mutant
    fixes with rho_C = 1 / sum_{k<Z} q^k, rho_D = 1 / sum_{k<Z} q^-k, q = exp(0.1 beta) (Nowak 2006, Eq. 6.13
    with a constant ratio). With beta = 0 both are 1/Z and the rare-mutation split is one half."""
    z = 20
    neutral = CollectiveRisk(risk=0.0, population=z, beta=0.0).outcome()
    assert neutral["fixation_cooperator"] == pytest.approx(1 / z)
    assert neutral["fixation_defector"] == pytest.approx(1 / z)
    assert neutral["rare_mutation_cooperation"] == pytest.approx(0.5)
    for beta in (0.5, 2.0):
        q = np.exp(0.1 * beta)
        rho_c = 1 / sum(q ** k for k in range(z))
        rho_d = 1 / sum(q ** -k for k in range(z))
        out = CollectiveRisk(risk=0.0, population=z, beta=beta).outcome()
        assert out["fixation_cooperator"] == pytest.approx(rho_c, rel=1e-9)
        assert out["fixation_defector"] == pytest.approx(rho_d, rel=1e-9)
        assert out["rare_mutation_cooperation"] == pytest.approx(rho_c / (rho_c + rho_d), rel=1e-9)
