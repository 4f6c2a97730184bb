"""Evolutionary dynamics over strategy sets: replicator, Moran/Fermi fixation, small-mutation limit."""

from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from games.evolution import (
    fixation_matrix,
    fixation_probability,
    replicator_dynamics,
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
