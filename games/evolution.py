"""Evolutionary dynamics: fixation in finite populations and the small-mutation stationary distribution.

The birth–death processes here are defined by the fitness of a mutant and a resident type as functions
of the number ``k`` of mutants in a population of size ``Z``. With the pairwise-comparison (Fermi) rule
(Traulsen, Nowak & Pacheco 2006) the ratio of the probabilities of losing and gaining one mutant is
``exp(-beta * (f_M(k) - f_R(k)))``; with the frequency-dependent Moran process (Nowak et al. 2004) it is
``f_R(k) / f_M(k)``. In both cases the fixation probability of a single mutant is

    rho = 1 / (1 + sum_{i=1}^{Z-1} prod_{k=1}^{i} T^-(k) / T^+(k)),

computed here in log space so that strong selection does not overflow.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.special import logsumexp

from ._validation import as_real_array, check_choice, check_positive_int

__all__ = ["fixation_probability", "stationary_distribution"]


def fixation_probability(
    fitness_mutant: Any,
    fitness_resident: Any,
    *,
    rule: str = "fermi",
    beta: float = 1.0,
) -> float:
    """Probability that one mutant takes over a population of ``Z`` individuals.

    Parameters
    ----------
    fitness_mutant, fitness_resident : array_like, shape ``(Z - 1,)``
        Entry ``k - 1`` is the fitness of a mutant (resident) when there are ``k`` mutants,
        ``k = 1, ..., Z - 1``.
    rule : {"fermi", "moran"}
        Pairwise comparison with intensity ``beta``, or the frequency-dependent Moran process (fitness
        must then be positive).
    beta : float
        Intensity of selection for the Fermi rule (``0`` is neutral drift: ``1/Z``).

    Examples
    --------
    Neutral drift fixes with probability ``1/Z``:

    >>> fixation_probability(np.ones(9), np.ones(9))
    0.1
    >>> round(fixation_probability(np.full(9, 1.1), np.ones(9), rule="moran"), 6)   # (1-1/r)/(1-1/r^Z)
    0.14795
    """
    fm = as_real_array(fitness_mutant, "fitness_mutant", ndim=1)
    fr = as_real_array(fitness_resident, "fitness_resident", ndim=1)
    if fm.shape != fr.shape or fm.size < 1:
        raise ValueError(f"fitness_mutant and fitness_resident must have the same length Z - 1 >= 1; got {fm.shape} and {fr.shape}")
    check_choice(rule, "rule", ("fermi", "moran"))
    if rule == "fermi":
        log_ratio = -float(beta) * (fm - fr)
    else:
        if np.any(fm <= 0) or np.any(fr <= 0):
            raise ValueError("rule='moran' needs positive fitness; use rule='fermi' or shift the payoffs")
        log_ratio = np.log(fr) - np.log(fm)
    partial = np.cumsum(log_ratio)
    return float(np.exp(-logsumexp(np.concatenate([[0.0], partial]))))


def stationary_distribution(fixation: Any) -> np.ndarray:
    """Stationary distribution over monomorphic states in the limit of rare mutations.

    Parameters
    ----------
    fixation : array_like, shape ``(S, S)``
        ``fixation[i, j]`` is the probability that a single ``j`` mutant fixes in a population of
        ``i`` (the diagonal is ignored). A mutant type is drawn uniformly from the other ``S - 1``.

    Examples
    --------
    Two types, one fixing with probability 0.3 against the other's 0.1:

    >>> stationary_distribution([[0, 0.3], [0.1, 0]]).round(6).tolist()
    [0.25, 0.75]
    """
    rho = as_real_array(fixation, "fixation", ndim=2)
    s = rho.shape[0]
    if rho.shape != (s, s):
        raise ValueError(f"fixation must be square (S, S); got {rho.shape}")
    check_positive_int(s, "number of types", minimum=1)
    if np.any(rho < 0) or np.any(rho > 1):
        raise ValueError("fixation must hold probabilities in [0, 1]")
    if s == 1:
        return np.ones(1)
    m = rho / (s - 1)
    np.fill_diagonal(m, 0.0)
    np.fill_diagonal(m, 1.0 - m.sum(axis=1))
    # pi (M - I) = 0, sum pi = 1  (least squares on the stacked system; exact for an irreducible chain)
    a = np.vstack([(m - np.eye(s)).T, np.ones((1, s))])
    b = np.zeros(s + 1)
    b[-1] = 1.0
    pi, *_ = np.linalg.lstsq(a, b, rcond=None)
    pi = np.clip(pi, 0.0, None)
    return pi / pi.sum()
