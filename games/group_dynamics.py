"""Evolution in two-action anonymous games played in groups.

A population plays an :class:`~games.anonymous.AnonymousGame` of ``N = game.num_players`` players in groups drawn at
random; action 1 is called the *cooperator* type (frequency ``x`` or count ``k``), action 0 the *defector*.

- Infinite, well-mixed populations: groups are binomial samples, the fitness of each type is
  ``f_a(x) = action_values([1 - x, x])[a]``, and the replicator gradient of selection is
  ``g(x) = x (1 - x) (f_1(x) - f_0(x))``. Its interior roots are exactly the symmetric mixed equilibria of
  the group game; each is stable when the gain ``f_1 - f_0`` falls through zero there.
- Finite populations of ``Z``: groups are hypergeometric samples; a cooperator among ``k`` sees
  ``j`` cooperators among its ``N - 1`` co-players with probability ``H(j; Z - 1, k - 1, N - 1)``, a defector
  with ``H(j; Z - 1, k, N - 1)`` (Pacheco et al. 2009; Santos & Pacheco 2011). With the pairwise-comparison
  (Fermi) rule at intensity ``beta`` and exploration rate ``mu``,

      T+(k) = (1 - mu) k/Z (Z - k)/(Z - 1) / (1 + exp(-beta (f_C - f_D))) + mu (Z - k)/Z,
      T-(k) = (1 - mu) k/Z (Z - k)/(Z - 1) / (1 + exp(+beta (f_C - f_D))) + mu k/Z;

  the gradient of selection is ``G(k) = T+(k) - T-(k)`` and the chain's stationary distribution over
  ``k = 0..Z`` follows from detailed balance ``p(k + 1) / p(k) = T+(k) / T-(k + 1)``. In the limit of rare
  exploration, fixation probabilities and the distribution over the two monomorphic states come from
  :mod:`games.evolution`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats
from scipy.special import expit, log_expit, logsumexp

from .anonymous import AnonymousGame, bernstein_eval, bernstein_roots
from .validation import as_real_array, check_positive_int, check_tolerance

__all__ = [
    "finite_fitness",
    "finite_gradient",
    "fixation_probabilities",
    "gradient_of_selection",
    "group_success",
    "interior_fixed_points",
    "pairwise_game",
    "rest_points",
    "rare_mutation_distribution",
    "stationary_distribution_mutation",
]


def _two_action(game: Any) -> AnonymousGame:
    if not isinstance(game, AnonymousGame):
        raise TypeError(f"game must be an AnonymousGame; got {type(game).__name__}")
    if game.k != 2:
        raise ValueError(f"game must have two actions (defect = 0, cooperate = 1); it has {game.k}")
    return game


#: Largest ``Z * N**2`` (population size times squared group size) of the finite-population functions.
MAX_FINITE_WORK = 5 * 10 ** 8


def _population(game: AnonymousGame, Z: Any) -> int:
    z = check_positive_int(Z, "Z", minimum=2)
    if z < game.num_players:
        raise ValueError(f"Z (population size) must be at least the group size N = {game.num_players}; got {z}")
    if z * game.num_players ** 2 > MAX_FINITE_WORK:
        raise ValueError(
            f"Z = {z} with groups of N = {game.num_players} is too large for the finite-population chain "
            f"(Z * N^2 = {z * game.num_players ** 2} > {MAX_FINITE_WORK}); use the infinite-population "
            "gradient_of_selection / interior_fixed_points, which it approaches as Z grows"
        )
    return z


def _hypergeom_pmf(z: int, successes: np.ndarray, draws: int) -> np.ndarray:
    """``P[k, j]``: probability of ``j`` successes in ``draws`` draws without replacement from ``z - 1``
    items of which ``successes[k]`` are successes.

    Products of ratios of falling factorials, ``C(d, j) [K]_j [z-1-K]_{d-j} / [z-1]_d``, each factor at
    most one in size, so this is accurate to a few ulps per factor and fast for any population
    (scipy's pmf is slow for large arrays of population sizes).
    """
    from scipy.special import comb

    K = np.asarray(successes, dtype=float)[:, None]
    m = float(z - 1)
    out = np.empty((K.shape[0], draws + 1))
    for j in range(draws + 1):
        p = np.full(K.shape, float(comb(draws, j)))
        for i in range(j):
            p = p * (K - i) / (m - i)
        for i in range(draws - j):
            p = p * (m - K - i) / (m - j - i)
        out[:, j] = p[:, 0]
    return np.clip(out, 0.0, 1.0)


def gradient_of_selection(game: AnonymousGame, x: Any) -> np.ndarray:
    """Replicator gradient ``x (1 - x) (f_1(x) - f_0(x))`` in an infinite population.

    Examples
    --------
    A 3-player volunteer's dilemma (benefit 2, cost 1):

    >>> vd = AnonymousGame.from_function(3, 2, lambda a, c: 2.0 * (a + c[1] >= 1) - a)
    >>> gradient_of_selection(vd, [0.0, 0.5, 1.0]).round(6).tolist()
    [0.0, -0.125, 0.0]
    """
    g = _two_action(game)
    xs = as_real_array(x, "x")
    if np.any((xs < 0) | (xs > 1)):
        raise ValueError(f"x must hold frequencies in [0, 1]; got {xs.tolist()}")
    gain = bernstein_eval(g.gain_coefficients(1, 0), xs)
    return xs * (1 - xs) * gain


def interior_fixed_points(game: AnonymousGame) -> list[tuple[float, str]]:
    """Every interior root of the replicator gradient, with its stability.

    The roots are found by :func:`games.anonymous.bernstein_roots` (all of them, for groups of any size);
    a root is ``"stable"`` when the gain changes from positive to negative there, ``"unstable"`` when it
    changes the other way, and ``"semi-stable"`` at a touching root. Stretches where the gain is below
    the tolerance throughout (numerically neutral) are not reported.

    Examples
    --------
    >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 3.0 * (a + c[1] >= 2) - a)
    >>> [(round(x, 6), s) for x, s in interior_fixed_points(g)]
    [(0.211325, 'unstable'), (0.788675, 'stable')]
    """
    g = _two_action(game)
    d = g.gain_coefficients(1, 0)
    roots, flat = bernstein_roots(d, zero_tol=1e-12 * g.payoff_scale)
    if flat == [(0.0, 1.0)]:
        raise ValueError("the gain from cooperating is identically zero: every frequency is a fixed point")
    out = []
    for x in roots:
        h = 1e-6 * min(x, 1 - x)
        lo, hi = bernstein_eval(d, [x - h, x + h])
        if lo > 0 > hi:
            kind = "stable"
        elif lo < 0 < hi:
            kind = "unstable"
        else:
            kind = "semi-stable"
        out.append((float(x), kind))
    return out


def rest_points(game: AnonymousGame, tol: float = 1e-9) -> list[tuple[float, str]]:
    """Every rest point of the replicator dynamics on ``[0, 1]`` (both ends included), with its stability.

    ``x`` is the share of action 1. The interior rest points are :func:`interior_fixed_points`; the ends
    ``x = 0`` and ``x = 1`` are always at rest. An end is ``"stable"`` when the flow next to it runs
    towards it, ``"unstable"`` when it runs away, and ``"semi-stable"`` when the gain ``f_1 - f_0`` is zero
    (within ``tol`` times the payoff range) on the whole stretch next to it. The flow on a stretch between
    two neighbouring rest points has the sign of the gain at its midpoint.

    Examples
    --------
    Hawk (action 0) and dove (action 1) with V = 2, C = 4, played in pairs: the share of doves settles at
    1 - V/C = 1/2, and both monomorphic states are unstable.

    >>> hd = pairwise_game([[-1, 2], [0, 1]], actions=["hawk", "dove"])
    >>> rest_points(hd)
    [(0.0, 'unstable'), (0.5, 'stable'), (1.0, 'unstable')]
    """
    g = _two_action(game)
    zero = check_tolerance(tol) * max(g.payoff_scale, 1.0)
    interior = interior_fixed_points(g)
    cuts = np.array([0.0, *(x for x, _ in interior), 1.0])
    mids = (cuts[1:] + cuts[:-1]) / 2
    gain = bernstein_eval(g.gain_coefficients(1, 0), mids)
    flow = np.where(np.abs(gain) <= zero, 0, np.sign(gain))
    first = "stable" if flow[0] < 0 else "unstable" if flow[0] > 0 else "semi-stable"
    last = "stable" if flow[-1] > 0 else "unstable" if flow[-1] < 0 else "semi-stable"
    return [(0.0, first), *interior, (1.0, last)]


def pairwise_game(payoffs: Any, actions: Any = None) -> AnonymousGame:
    """The two-action game of pairwise encounters, as an :class:`~games.anonymous.AnonymousGame` of two players.

    Parameters
    ----------
    payoffs : array_like, shape (2, 2)
        ``payoffs[i, j]``: payoff of action i against action j.
    actions : sequence of 2 str, optional
        Names of the actions (default ``s1``, ``s2``).

    Examples
    --------
    >>> g = pairwise_game([[3, 0], [5, 1]], actions=["C", "D"])
    >>> g.num_players, g.action_names, g.table.tolist()
    (2, ('C', 'D'), [[3.0, 0.0], [5.0, 1.0]])
    """
    a = as_real_array(payoffs, "payoffs", ndim=2)
    if a.shape != (2, 2):
        raise ValueError(f"payoffs must be a (2, 2) payoff matrix; got shape {a.shape}")
    names = ["s1", "s2"] if actions is None else [str(n) for n in actions]
    if len(names) != 2:
        raise ValueError(f"actions must name the 2 actions; got {actions!r}")
    return AnonymousGame.from_function(2, names, lambda own, others: float(a[own, others[1]]))


def finite_fitness(game: AnonymousGame, Z: int) -> tuple[np.ndarray, np.ndarray]:
    """Fitness of cooperators and defectors for ``k = 0..Z`` cooperators, groups drawn hypergeometrically.

    Returns
    -------
    f_c, f_d : numpy.ndarray, shape ``(Z + 1,)``
        ``f_c[k]`` is a cooperator's average payoff when there are ``k`` cooperators (NaN at ``k = 0``);
        ``f_d[k]`` a defector's (NaN at ``k = Z``).

    Examples
    --------
    When ``Z = N`` every group is the whole population:

    >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 2.0 * (a + c[1] >= 1) - a)
    >>> f_c, f_d = finite_fitness(g, 3)
    >>> f_c.tolist()[1:], f_d.tolist()[:3]
    ([1.0, 1.0, 1.0], [0.0, 2.0, 2.0])
    """
    g = _two_action(game)
    z = _population(g, Z)
    n = g.num_players
    k = np.arange(z + 1)
    w_c = _hypergeom_pmf(z, np.clip(k - 1, 0, None), n - 1)
    w_d = _hypergeom_pmf(z, np.clip(k, None, z - 1), n - 1)
    f_c = w_c @ g.table[1]
    f_d = w_d @ g.table[0]
    f_c[0] = np.nan
    f_d[z] = np.nan
    return f_c, f_d


def _transitions(game: AnonymousGame, Z: int, beta: float, mu: float) -> tuple[np.ndarray, np.ndarray]:
    f_c, f_d = finite_fitness(game, Z)
    k = np.arange(Z + 1)
    diff = np.nan_to_num(f_c - f_d)
    imitate = k / Z * (Z - k) / (Z - 1)
    with np.errstate(over="ignore"):  # beta * diff beyond the floats is +-inf, whose expit is exactly 0 or 1
        push = beta * diff
    t_plus = (1 - mu) * imitate * expit(push) + mu * (Z - k) / Z
    t_minus = (1 - mu) * imitate * expit(-push) + mu * k / Z
    return t_plus, t_minus


def _log_transitions(game: AnonymousGame, Z: int, beta: float, mu: float) -> tuple[np.ndarray, np.ndarray]:
    """``log T+`` and ``log T-``, each a log-sum of its imitation and exploration terms: a tiny ``mu``
    (5e-324) makes the rates underflow to 0 while their logarithms stay finite."""
    f_c, f_d = finite_fitness(game, Z)
    k = np.arange(Z + 1)
    diff = np.nan_to_num(f_c - f_d)
    with np.errstate(over="ignore", divide="ignore"):
        push = beta * diff
        log_imitate = np.log1p(-mu) + np.log(k / Z) + np.log((Z - k) / (Z - 1))
        log_plus = np.logaddexp(log_imitate + log_expit(push), np.log(mu) + np.log((Z - k) / Z))
        log_minus = np.logaddexp(log_imitate + log_expit(-push), np.log(mu) + np.log(k / Z))
    return log_plus, log_minus


def _check_rates(beta: Any, mu: Any) -> tuple[float, float]:
    b = float(as_real_array([beta], "beta")[0])
    m = float(as_real_array([mu], "mu")[0])
    if b < 0:
        raise ValueError(f"beta (intensity of selection) must be >= 0; got {beta}")
    if not 0 <= m <= 1:
        raise ValueError(f"mu (exploration rate) must be in [0, 1]; got {mu}")
    return b, m


def finite_gradient(game: AnonymousGame, Z: int, *, beta: float = 1.0, mu: float = 0.0) -> np.ndarray:
    """Gradient of selection ``G(k) = T+(k) - T-(k)`` for ``k = 0..Z`` cooperators (Fermi rule).

    Examples
    --------
    >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 2.0 * (a + c[1] >= 1) - a)
    >>> finite_gradient(g, 3, beta=0.0).tolist()     # neutral: no direction
    [0.0, 0.0, 0.0, 0.0]
    """
    g = _two_action(game)
    z = _population(g, Z)
    b, m = _check_rates(beta, mu)
    t_plus, t_minus = _transitions(g, z, b, m)
    return t_plus - t_minus


def stationary_distribution_mutation(game: AnonymousGame, Z: int, *, beta: float = 1.0,
                                     mu: float = 0.01) -> np.ndarray:
    """Stationary distribution over ``k = 0..Z`` cooperators with exploration rate ``mu > 0``.

    The birth–death chain satisfies detailed balance; the products are taken in log space.

    Examples
    --------
    Neutral selection with exploration spreads the population symmetrically:

    >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 0.0)
    >>> p = stationary_distribution_mutation(g, 10, beta=0.0, mu=0.1)
    >>> bool(np.allclose(p, p[::-1])), round(float(p.sum()), 12)
    (True, 1.0)
    """
    g = _two_action(game)
    z = _population(g, Z)
    b, m = _check_rates(beta, mu)
    if m <= 0:
        raise ValueError("mu must be > 0 for a stationary distribution over all states "
                         "(for mu -> 0 use rare_mutation_distribution)")
    log_plus, log_minus = _log_transitions(g, z, b, m)
    log_ratio = log_plus[:-1] - log_minus[1:]
    logp = np.concatenate([[0.0], np.cumsum(log_ratio)])
    return np.exp(logp - logsumexp(logp))


def fixation_probabilities(game: AnonymousGame, Z: int, *, beta: float = 1.0) -> dict[str, float]:
    """Fixation probabilities of one cooperator among defectors and one defector among cooperators.

    Computed by :func:`games.evolution.fixation_probability` (Fermi rule) from the hypergeometric fitness.

    Examples
    --------
    >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 0.0)
    >>> fixation_probabilities(g, 10)
    {'cooperator': 0.1, 'defector': 0.1}
    """
    log_c, log_d = _log_fixations(game, Z, beta)
    return {"cooperator": float(np.exp(log_c)), "defector": float(np.exp(log_d))}


def _log_fixations(game: AnonymousGame, Z: int, beta: float) -> tuple[float, float]:
    """Logarithms of the two fixation probabilities (finite even when the probabilities underflow)."""
    from .evolution import log_fixation_probability

    g = _two_action(game)
    z = _population(g, Z)
    b, _ = _check_rates(beta, 0.0)
    f_c, f_d = finite_fitness(g, z)
    k = np.arange(1, z)
    return (log_fixation_probability(f_c[k], f_d[k], rule="fermi", beta=b),
            log_fixation_probability(f_d[z - k], f_c[z - k], rule="fermi", beta=b))


def rare_mutation_distribution(game: AnonymousGame, Z: int, *, beta: float = 1.0) -> dict[str, float]:
    """Share of time in all-defect and all-cooperate when mutations are rare.

    The stationary distribution of the two-state embedded chain, ``pi_C / pi_D = rho_C / rho_D``
    (computed from the logarithms of the fixation probabilities, so strong selection does not underflow).

    Examples
    --------
    >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 0.0)
    >>> rare_mutation_distribution(g, 10)
    {'defectors': 0.5, 'cooperators': 0.5}
    """
    log_c, log_d = _log_fixations(game, Z, beta)
    # two states: pi_C / pi_D = rho_C / rho_D, taken in log space so that strong selection, where both
    # probabilities underflow, still gives the right split
    if np.isneginf(log_c) and np.isneginf(log_d):
        raise ValueError(f"beta={beta} is so large that both fixation probabilities underflow even in log space; "
                         "lower beta")
    share = float(expit(log_c - log_d))
    return {"defectors": 1.0 - share, "cooperators": share}


def group_success(distribution: Any, Z: int, N: int, M: int) -> float:
    """Probability that a random group of ``N`` drawn from the population holds at least ``M`` cooperators.

    Averaged over a distribution of the number of cooperators ``k = 0..Z`` (Santos & Pacheco's group
    achievement ``eta_G``).

    Examples
    --------
    >>> group_success([0, 0, 1], Z=2, N=2, M=2)      # everybody cooperates
    1.0
    """
    p = as_real_array(distribution, "distribution", ndim=1)
    if np.any(p < 0) or abs(p.sum() - 1.0) > 1e-9:
        raise ValueError(f"distribution must be a probability vector over k = 0..Z (non-negative, summing to 1); "
                         f"got sum {p.sum():.6g}, minimum {p.min():.6g}")
    z = check_positive_int(Z, "Z", minimum=1)
    n = check_positive_int(N, "N", minimum=1)
    m = check_positive_int(M, "M", minimum=0)
    if p.shape != (z + 1,):
        raise ValueError(f"distribution must have Z + 1 = {z + 1} entries; got {p.size}")
    if n > z or m > n:
        raise ValueError(f"need M <= N <= Z; got M={m}, N={n}, Z={z}")
    k = np.arange(z + 1)
    reach = stats.hypergeom.sf(m - 1, z, k, n)
    return float(p @ reach)
