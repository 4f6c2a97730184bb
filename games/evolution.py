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

from fractions import Fraction
from typing import Any

import numpy as np
from scipy.special import logsumexp

from .validation import (
    as_real_array,
    check_choice,
    check_nonnegative,
    check_positive_int,
    check_tolerance,
)

#: Largest population for the exact (Fraction) Moran path of :func:`fixation_matrix`: the fractions grow
#: with ``Z`` (``Z = 2000`` takes about 0.4 s per pair, ``Z = 10000`` half a minute).
MAX_EXACT_POPULATION = 2000

__all__ = [
    "fixation_matrix",
    "fixation_probability",
    "log_fixation_probability",
    "replicator_dynamics",
    "replicator_rest_points",
    "small_mutation_distribution",
    "stationary_distribution",
]


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
    return float(np.exp(log_fixation_probability(fitness_mutant, fitness_resident, rule=rule, beta=beta)))


def log_fixation_probability(
    fitness_mutant: Any,
    fitness_resident: Any,
    *,
    rule: str = "fermi",
    beta: float = 1.0,
) -> float:
    """Natural logarithm of :func:`fixation_probability`, finite even where the probability underflows.

    The partial sums of ``log(T-/T+)`` are formed before scaling by ``beta``, so a huge ``beta`` overflows
    to ``+-inf`` (probability 0, or a vanishing term), never to ``inf - inf = nan``.

    Parameters
    ----------
    fitness_mutant, fitness_resident : array_like, shape ``(Z - 1,)``
        Entry ``k - 1`` is the fitness of a mutant (resident) when there are ``k`` mutants,
        ``k = 1, ..., Z - 1``.
    rule : {"fermi", "moran"}
        Pairwise comparison with intensity ``beta``, or the frequency-dependent Moran process (fitness
        must then be positive).
    beta : float
        Intensity of selection for the Fermi rule (``0`` is neutral drift: ``log(1/Z)``).

    Returns
    -------
    float
        ``log rho`` (``-inf`` when the mutant never fixes).

    Examples
    --------
    >>> bool(np.isclose(log_fixation_probability(np.ones(9), np.ones(9)), np.log(0.1)))
    True

    A strongly disadvantaged mutant: the probability underflows to 0, its logarithm does not.

    >>> fixation_probability(np.zeros(9), np.ones(9), beta=1000)
    0.0
    >>> round(log_fixation_probability(np.zeros(9), np.ones(9), beta=1000))
    -9000
    """
    fm = as_real_array(fitness_mutant, "fitness_mutant", ndim=1)
    fr = as_real_array(fitness_resident, "fitness_resident", ndim=1)
    if fm.shape != fr.shape or fm.size < 1:
        raise ValueError("fitness_mutant and fitness_resident must have the same length Z - 1 >= 1; "
                         f"got {fm.shape} and {fr.shape}")
    check_choice(rule, "rule", ("fermi", "moran"))
    return _log_fixation(fm, fr, rule, _check_beta(beta))


def _check_beta(beta: Any, name: str = "beta") -> float:
    b = check_nonnegative(beta, name)
    if not np.isfinite(b):
        raise ValueError(f"{name} (intensity of selection) must be finite; got {beta}")
    return b


def _log_fixation(fm: np.ndarray, fr: np.ndarray, rule: str, beta: float) -> float:
    """``log rho``: the partial sums of log(T-/T+) are formed before scaling by ``beta``, so a huge
    ``beta`` overflows to +-inf (probability 0 or a vanishing term), never to ``inf - inf = nan``."""
    if rule == "fermi":
        with np.errstate(over="ignore", invalid="ignore"):
            partial = -beta * np.cumsum(fm - fr) if beta > 0 else np.zeros(fm.size)
        partial = np.where(np.isnan(partial), 0.0, partial)  # beta * 0 with an overflowed sum
    else:
        if np.any(fm <= 0) or np.any(fr <= 0):
            raise ValueError("rule='moran' needs positive fitness; use rule='fermi' or shift the payoffs")
        partial = np.cumsum(np.log(fr) - np.log(fm))
    return float(-logsumexp(np.concatenate([[0.0], partial])))


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
    rates = rho / (s - 1)
    np.fill_diagonal(rates, 0.0)
    closed = _closed_classes(rates > 0)
    if len(closed) > 1:
        shown = "; ".join("{" + ", ".join(map(str, c)) + "}" for c in closed)
        raise ValueError(
            f"fixation describes a chain with {len(closed)} closed classes of types ({shown}): no mutant ever "
            "fixes against them, so the stationary distribution is not unique (with strong selection the "
            "probabilities may have underflowed to 0; lower the intensity of selection)"
        )
    pi = np.zeros(s)
    pi[closed[0]] = _gth(rates[np.ix_(closed[0], closed[0])])
    return pi


def _closed_classes(adjacency: np.ndarray) -> list[list[int]]:
    """Strongly connected components with no edge leaving them, each as a sorted list of states."""
    from scipy.sparse.csgraph import connected_components

    _, labels = connected_components(adjacency, directed=True, connection="strong")
    out = []
    for lab in np.unique(labels):
        members = np.flatnonzero(labels == lab)
        outside = np.flatnonzero(labels != lab)
        if not adjacency[np.ix_(members, outside)].any():
            out.append(members.tolist())
    return out


def _gth(rates: np.ndarray) -> np.ndarray:
    """Stationary distribution of an irreducible chain from its off-diagonal rates (Grassmann, Taksar &
    Heyman 1985, Oper. Res. 33: 1107-1116): state reduction without subtractions, so rates spanning
    hundreds of orders of magnitude (strong selection) keep full relative accuracy."""
    a = np.array(rates, dtype=float)
    n = a.shape[0]
    np.fill_diagonal(a, 0.0)
    for k in range(n - 1, 0, -1):
        out = a[k, :k].sum()
        a[:k, :k] += np.outer(a[:k, k], a[k, :k]) / out
        a[:k, k] /= out
    pi = np.zeros(n)
    pi[0] = 1.0
    for k in range(1, n):
        pi[k] = pi[:k] @ a[:k, k]
    return pi / pi.sum()


def _payoff_matrix(payoffs: Any, name: str = "payoffs") -> tuple[np.ndarray, np.ndarray | None]:
    """A square payoff matrix as floats, plus an exact Fraction copy when every entry is an int/Fraction."""
    a = as_real_array(payoffs, name, ndim=2)
    if a.shape[0] != a.shape[1] or a.shape[0] < 1:
        raise ValueError(f"{name} must be a square (S, S) matrix with S >= 1; got shape {a.shape}")
    raw = np.asarray(payoffs, dtype=object)
    exact = None
    if all(isinstance(v, (int, np.integer, Fraction)) and not isinstance(v, bool) for v in raw.flat):
        exact = np.vectorize(Fraction, otypes=[object])(raw)
    return a, exact


def replicator_field(payoffs: Any, shares: Any) -> np.ndarray:
    """The replicator velocity ``x_i ((A x)_i - x . A x)`` at one or many population states.

    Parameters
    ----------
    payoffs : array_like, shape (S, S)
        ``payoffs[i, j]``: payoff of strategy i against strategy j.
    shares : array_like, shape (S,) or (k, S)
        Population states (rows are not checked to be on the simplex, so the field can be drawn anywhere).

    Examples
    --------
    Hawk-dove with V = 2, C = 4 at 50% hawks is at rest (V/C = 1/2):

    >>> replicator_field([[-1, 2], [0, 1]], [0.5, 0.5]).tolist()
    [0.0, 0.0]
    """
    a, _ = _payoff_matrix(payoffs)
    x = as_real_array(shares, "shares")
    if x.shape[-1] != a.shape[0] or x.ndim > 2:
        raise ValueError(f"shares must have shape (S,) or (k, S) with S = {a.shape[0]}; got {x.shape}")
    fit = x @ a.T
    return x * (fit - np.sum(x * fit, axis=-1, keepdims=True))


def replicator_dynamics(
    payoffs: Any,
    x0: Any,
    *,
    t_max: float = 50.0,
    num: int = 201,
    rtol: float = 1e-8,
    atol: float = 1e-10,
    method: str = "LSODA",
    max_evaluations: int = 200_000,
) -> tuple[np.ndarray, np.ndarray]:
    """Integrate the replicator equation ``x_i' = x_i ((A x)_i - x . A x)`` for a symmetric matrix game.

    Deterministic (no seed needed): scipy's ``LSODA`` (switches between Adams and BDF, so large payoffs,
    which make the equation stiff near a vertex, do not force tiny steps) with tolerances ``rtol`` and
    ``atol``, reported at ``num`` evenly spaced times in ``[0, t_max]``.

    Parameters
    ----------
    payoffs : array_like, shape (S, S)
        ``payoffs[i, j]``: payoff of strategy i against strategy j.
    x0 : array_like, shape (S,)
        Initial shares (a probability vector).
    t_max : float
        End time (positive, finite).
    num : int
        Number of output times (at most :data:`MAX_OUTPUT_TIMES`).
    rtol, atol : float
        Relative and absolute tolerances of the integrator, in (0, 1).
    method : str
        Any ``scipy.integrate.solve_ivp`` method (``"RK45"`` was the default before large payoffs were handled).
    max_evaluations : int
        Refuse (ValueError) rather than run on when the integration needs more evaluations of the field.

    Returns
    -------
    times : numpy.ndarray (num,)
    shares : numpy.ndarray (num, S)

    Examples
    --------
    The prisoner's dilemma: defectors take over.

    >>> t, x = replicator_dynamics([[3, 0], [5, 1]], [0.9, 0.1], t_max=30)
    >>> bool(x[-1, 1] > 0.999)
    True
    """
    from scipy.integrate import solve_ivp

    from .validation import check_probability_vector

    a, _ = _payoff_matrix(payoffs)
    s = a.shape[0]
    x = np.asarray(check_probability_vector(np.asarray(x0, dtype=float), s, "x0"), dtype=float)
    t_end = check_nonnegative(t_max, "t_max")
    if not (np.isfinite(t_end) and t_end > 0):
        raise ValueError(f"t_max must be a positive finite number; got {t_max}")
    num = check_positive_int(num, "num", minimum=2)
    if num > MAX_OUTPUT_TIMES:
        raise ValueError(f"num must be at most {MAX_OUTPUT_TIMES} output times; got {num}")
    rtol, atol = check_tolerance(rtol, "rtol"), check_tolerance(atol, "atol")
    if rtol <= 0 or atol <= 0:
        raise ValueError(f"rtol and atol must be positive; got rtol={rtol}, atol={atol}")
    budget = check_positive_int(max_evaluations, "max_evaluations")
    calls = [0]

    def rhs(_t: float, y: np.ndarray) -> np.ndarray:
        calls[0] += 1
        if calls[0] > budget:
            raise _BudgetExceeded
        return replicator_field(a, y)

    times = np.linspace(0.0, t_end, num)
    try:
        sol = solve_ivp(rhs, (0.0, t_end), x, t_eval=times, rtol=rtol, atol=atol, method=method)
    except _BudgetExceeded:
        raise ValueError(
            f"replicator integration to t_max={t_max} needed more than max_evaluations={budget} evaluations of "
            "the vector field; lower t_max (orbits have usually converged or repeat long before), or raise "
            "max_evaluations"
        ) from None
    if not sol.success:  # pragma: no cover - the solvers do not fail on a polynomial field
        raise RuntimeError(f"replicator integration failed: {sol.message}")
    shares = np.clip(sol.y.T, 0.0, None)
    return times, shares / shares.sum(axis=1, keepdims=True)


#: Most strategies :func:`replicator_rest_points` searches (it visits every face of the simplex: 2^S - 1).
MAX_REST_POINT_STRATEGIES = 8


def replicator_rest_points(payoffs: Any, *, tol: float = 1e-9) -> list[tuple[np.ndarray, bool]]:
    """The rest points of the replicator dynamics of a symmetric matrix game, each with whether it is Nash.

    A state ``x`` is at rest iff every strategy it uses earns the same, ``(A x)_i = x . A x`` for
    ``x_i > 0``: it is a symmetric equilibrium of the game restricted to its support, a face of the simplex
    (Hofbauer & Sigmund 1998, ch. 7). So the rest points are found face by face, as the symmetric
    equilibria with full support of each restricted game (from :func:`games.equilibria`, which verifies
    them). A rest point is a symmetric Nash equilibrium of the whole game when no strategy outside its
    support earns more. Where a face holds a continuum of rest points (a degenerate game) only the extreme
    equilibria the solver returns are listed.

    Parameters
    ----------
    payoffs : array_like, shape (S, S)
        ``payoffs[i, j]``: payoff of strategy i against strategy j (``S`` at most
        :data:`MAX_REST_POINT_STRATEGIES`).
    tol : float
        Equilibrium tolerance, relative to the payoff range.

    Returns
    -------
    list of (numpy.ndarray, bool)
        The rest points (probability vectors over the ``S`` strategies), by support size then support, and
        whether each is a symmetric Nash equilibrium.

    Examples
    --------
    Rock-paper-scissors: the corners are at rest but not equilibria; the centre is the equilibrium.

    >>> rest = replicator_rest_points([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    >>> [(x.round(4).tolist(), nash) for x, nash in rest]
    [([1.0, 0.0, 0.0], False), ([0.0, 1.0, 0.0], False), ([0.0, 0.0, 1.0], False), ([0.3333, 0.3333, 0.3333], True)]
    """
    from itertools import combinations

    from .normal_form import NormalFormGame
    from .solvers import equilibria

    a, _ = _payoff_matrix(payoffs)
    s = a.shape[0]
    if s > MAX_REST_POINT_STRATEGIES:
        raise ValueError(f"payoffs has {s} strategies; replicator_rest_points visits all 2^S - 1 faces of the "
                         f"simplex and takes at most {MAX_REST_POINT_STRATEGIES}; integrate the dynamics with "
                         "replicator_dynamics instead")
    tol = check_tolerance(tol)
    full = NormalFormGame.from_bimatrix(a, a.T)
    atol = tol * max(full.payoff_scale, 1.0)
    out: list[tuple[np.ndarray, bool]] = []
    for size in range(1, s + 1):
        for face in combinations(range(s), size):
            sub = full.restrict([list(face), list(face)])
            for eq in equilibria(sub, tol=tol):
                x, y = eq.as_float()
                if not np.allclose(x, y, atol=1e-9) or np.any(x <= 1e-12):
                    continue
                point = np.zeros(s)
                point[list(face)] = x
                if not any(np.allclose(point, p, atol=1e-9) for p, _ in out):
                    out.append((point, bool(full.is_nash([point, point], tol=atol))))
    return out


#: Most output times :func:`replicator_dynamics` returns.
MAX_OUTPUT_TIMES = 1_000_000


class _BudgetExceeded(Exception):
    """Raised inside the vector field when the evaluation budget is spent."""


def _fitness_arrays(a: np.ndarray, i: int, j: int, z: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean payoffs of a ``j`` mutant and an ``i`` resident when there are k = 1..Z-1 mutants (no self-play)."""
    k = np.arange(1, z)
    fm = ((k - 1) * a[j, j] + (z - k) * a[j, i]) / (z - 1)
    fr = (k * a[i, j] + (z - k - 1) * a[i, i]) / (z - 1)
    return fm, fr


def _fixation_exact(a: np.ndarray, i: int, j: int, z: int, w: Fraction) -> Fraction:
    """Exact Moran fixation probability with fitness ``1 - w + w * payoff`` (Fractions)."""
    total, prod = Fraction(1), Fraction(1)
    for k in range(1, z):
        fm = 1 - w + w * ((k - 1) * a[j, j] + (z - k) * a[j, i]) / (z - 1)
        fr = 1 - w + w * (k * a[i, j] + (z - k - 1) * a[i, i]) / (z - 1)
        if fm <= 0 or fr <= 0:
            raise ValueError("rule='moran' needs positive fitness 1 - w + w * payoff; "
                             "lower the intensity or shift the payoffs")
        prod *= fr / fm
        total += prod
    return 1 / total


def fixation_matrix(
    payoffs: Any,
    population: int,
    *,
    rule: str = "moran",
    intensity: Any = 1,
) -> np.ndarray:
    """Fixation probabilities of single mutants between every pair of strategies in a population of size Z.

    ``rho[i, j]`` is the probability that one ``j`` mutant takes over a population of ``Z - 1`` ``i``
    residents; each individual meets every other once (self-interaction excluded), so with ``k``
    mutants a mutant earns ``((k-1) a_jj + (Z-k) a_ji) / (Z-1)`` and a resident
    ``(k a_ij + (Z-k-1) a_ii) / (Z-1)`` (Nowak, Sasaki, Taylor & Fudenberg 2004, Nature 428: 646-650).

    Parameters
    ----------
    payoffs : array_like, shape (S, S)
    population : int
        Population size ``Z >= 2``.
    rule : {"moran", "fermi"}
        Frequency-dependent Moran process with fitness ``1 - w + w * payoff`` (``intensity`` = w in
        [0, 1]); exact Fractions when the payoffs and ``w`` are ints/Fractions. Or the pairwise
        comparison (Fermi) rule with ``beta = intensity`` (floats).
    intensity : number
        Selection intensity.

    Returns
    -------
    numpy.ndarray, shape (S, S)
        Diagonal set to ``1/Z`` (neutral); Fraction entries on the exact path.

    Examples
    --------
    Constant fitness r = 2 for the mutant against 1 for the resident: (1 - 1/r) / (1 - 1/r^Z).

    >>> fixation_matrix([[1, 1], [2, 2]], 4)[0, 1]
    Fraction(8, 15)
    """
    check_choice(rule, "rule", ("moran", "fermi"))
    a, exact = _payoff_matrix(payoffs)
    z = check_positive_int(population, "population", minimum=2)
    s = a.shape[0]
    if rule == "moran":
        w = intensity
        if isinstance(w, bool) or not isinstance(w, (int, float, Fraction, np.number)) or not 0 <= w <= 1:
            raise ValueError(f"intensity must be a selection intensity w in [0, 1] for rule='moran'; got {intensity!r}")
    else:
        _check_beta(intensity, "intensity")
    exact_path = rule == "moran" and exact is not None and isinstance(intensity, (int, Fraction, np.integer))
    if exact_path and z > MAX_EXACT_POPULATION and s > 1:
        raise ValueError(
            f"population={z} is too large for exact fractions (limit {MAX_EXACT_POPULATION}: the numbers grow "
            f"with Z); pass intensity as a float (e.g. intensity={float(intensity)!r}) for the floating-point path"
        )
    out = np.empty((s, s), dtype=object if exact_path else float)
    for i in range(s):
        for j in range(s):
            if i == j:
                out[i, j] = Fraction(1, z) if exact_path else 1.0 / z
            elif exact_path:
                out[i, j] = _fixation_exact(exact, i, j, z, Fraction(intensity))
            else:
                fm, fr = _fitness_arrays(a, i, j, z)
                if rule == "moran":
                    w = float(intensity)
                    out[i, j] = fixation_probability(1 - w + w * fm, 1 - w + w * fr, rule="moran")
                else:
                    out[i, j] = fixation_probability(fm, fr, rule="fermi", beta=float(intensity))
    return out


def small_mutation_distribution(
    payoffs: Any,
    population: int,
    *,
    rule: str = "fermi",
    intensity: Any = 1.0,
) -> np.ndarray:
    """Long-run share of each strategy when mutations are rare (Fudenberg & Imhof 2006).

    The population is almost always monomorphic; it moves from ``i`` to ``j`` at a rate proportional
    to ``rho[i, j]`` (:func:`fixation_matrix`); the result is the stationary distribution of that
    embedded chain (:func:`stationary_distribution`).

    Examples
    --------
    Two strategies, one strictly better against everyone: it dominates the long run.

    >>> small_mutation_distribution([[1, 1], [2, 2]], 10, intensity=5.0).round(4).tolist()
    [0.0, 1.0]
    """
    rho = fixation_matrix(payoffs, population, rule=rule, intensity=intensity)
    return stationary_distribution(np.asarray(rho, dtype=float))
