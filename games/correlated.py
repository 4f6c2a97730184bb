"""Correlated equilibria: what a mediator who recommends actions can make the players do.

A *correlated equilibrium* (Aumann 1974) of a finite game is a probability distribution ``x`` over pure
profiles such that, when a mediator draws a profile from ``x`` and tells each player only its own action,
no player gains by disobeying: for every player ``i`` and actions ``a != b``,

``sum over a_-i of x(a, a_-i) * (u_i(b, a_-i) - u_i(a, a_-i)) <= 0``.

A *coarse* correlated equilibrium (Moulin & Vial 1978; Hannan sets) only asks that no player gains by
committing to one action ``b`` before hearing the recommendation: ``sum over a of x(a) * (u_i(b, a_-i) -
u_i(a)) <= 0``. Every Nash equilibrium (as the product of its mixed strategies) is a correlated
equilibrium, and every correlated equilibrium is a coarse one.

The set is a polytope, so the best point for any linear objective is a linear programme
(:func:`correlated_equilibrium`, scipy's HiGHS dual simplex) and its vertices can be listed for small
games (:func:`correlated_equilibrium_vertices`). ``exact=True`` solves the LP in floats, reads off the
optimal vertex's support and tight constraints, re-solves that linear system in Fractions
(:func:`games.numeric.solve_exact`) and checks the result exactly: incentive constraints, and optimality
by an exact dual certificate built the same way from the LP's duals (``optimality="certified"``).

A correlated equilibrium is not a product profile, so it is not an :class:`~games.Equilibrium` and is not
returned by :func:`games.equilibria`; it is a :class:`CorrelatedEquilibrium` record whose
``max_violation`` is computed from the game, independently of the LP.

References
----------
Aumann, R. J. (1974). Subjectivity and correlation in randomized strategies. *Journal of Mathematical
Economics* 1(1): 67-96.
Moulin, H. & Vial, J.-P. (1978). Strategically zero-sum games. *International Journal of Game Theory* 7: 201-221.

Examples
--------
Aumann's chicken: a mediator who recommends (C, C) half the time and each asymmetric profile a quarter
of the time gives each driver 21/4, more than the 14/3 of the mixed Nash equilibrium.

>>> import games
>>> g = games.NormalFormGame.from_bimatrix([[6, 2], [7, 0]], [[6, 7], [2, 0]], actions=[["C", "D"], ["C", "D"]])
>>> ce = games.correlated_equilibrium(g, "welfare", exact=True)
>>> ce.payoffs.tolist(), ce.max_violation, ce.optimality
([Fraction(21, 4), Fraction(21, 4)], Fraction(0, 1), 'certified')
>>> print(ce)  # doctest: +NORMALIZE_WHITESPACE
Correlated equilibrium maximising total welfare (exact, optimality certified)
Player 1  Player 2  probability
C         C         1/2
C         D         1/4
D         C         1/4
payoffs: Player 1 21/4, Player 2 21/4; largest gain from disobeying: 0
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .normal_form import NormalFormGame
from .numeric import as_exact_array, format_number, is_exact_value, solve_exact
from .validation import as_real_array, check_nonnegative

__all__ = [
    "CorrelatedEquilibrium",
    "MAX_EXACT_ENTRIES",
    "MAX_LP_PROFILES",
    "MAX_VERTEX_BASES",
    "correlated_equilibrium",
    "correlated_equilibrium_vertices",
    "correlated_regret",
    "incentive_constraints",
    "is_correlated_equilibrium",
]

#: Largest number of pure profiles (LP variables) :func:`correlated_equilibrium` takes.
MAX_LP_PROFILES = 200_000
#: Largest exact constraint table (constraints x profiles) ``exact=True`` builds in Fractions.
MAX_EXACT_ENTRIES = 400_000
#: Largest number of candidate bases :func:`correlated_equilibrium_vertices` tries.
MAX_VERTEX_BASES = 500_000

OBJECTIVES = ("welfare", "feasible")


# ------------------------------------------------------------------------------------------- the record
@dataclass(frozen=True, eq=False)
class CorrelatedEquilibrium:
    """A (coarse) correlated equilibrium: a distribution over pure profiles that a mediator draws from.

    Attributes
    ----------
    distribution : numpy.ndarray
        Probabilities shaped like the profile space ``(n_1, ..., n_N)``, summing to 1 (Fractions when
        ``exact``).
    payoffs : numpy.ndarray
        Each player's expected payoff.
    max_violation : float or Fraction
        The largest expected gain any player gets by disobeying a recommendation (for a coarse equilibrium:
        by committing to one action), computed from the game by :func:`correlated_regret`; 0 when exact.
    objective : str
        What was optimised (``"welfare"``, ``"feasible"``, ``"player Row"``, ``"weights (1, 2)"``, ``"vertex"``).
    objective_value : float, Fraction or None
        The objective at the distribution (None for a vertex of :func:`correlated_equilibrium_vertices`).
    coarse : bool
        Whether only the coarse (commit-before-hearing) constraints were imposed.
    exact : bool
        Whether the numbers are Fractions.
    optimality : str
        ``"certified"`` (an exact dual solution proves the objective optimal), ``"float"`` (optimal to the
        LP's tolerance) or ``"vertex"`` (a vertex of the polytope, nothing optimised).
    players, actions : tuple
        The game's labels.

    Examples
    --------
    >>> import games
    >>> g = games.catalog.chicken()
    >>> ce = games.correlated_equilibrium(g, "welfare", exact=True)
    >>> ce.welfare, [(p, str(q)) for p, q in ce.support()][:1]
    (Fraction(16, 3), [(('Swerve', 'Swerve'), '1/3')])
    """

    distribution: np.ndarray
    payoffs: np.ndarray
    max_violation: float | Fraction
    objective: str
    objective_value: float | Fraction | None
    coarse: bool
    exact: bool
    optimality: str
    players: tuple[str, ...]
    actions: tuple[tuple[str, ...], ...]

    @property
    def welfare(self) -> float | Fraction:
        """The sum of the players' expected payoffs."""
        return sum(self.payoffs[1:], self.payoffs[0])

    def support(self) -> list[tuple[tuple[str, ...], float | Fraction]]:
        """The recommended profiles (action labels) with their probabilities, in table order.

        Examples
        --------
        >>> import games
        >>> ce = games.correlated_equilibrium(games.catalog.prisoners_dilemma(), exact=True)
        >>> ce.support()
        [(('D', 'D'), Fraction(1, 1))]
        """
        out = []
        for idx in itertools.product(*(range(n) for n in self.distribution.shape)):
            p = self.distribution[idx]
            if p > 0:
                out.append((tuple(self.actions[i][a] for i, a in enumerate(idx)), p))
        return out

    def marginals(self) -> tuple[np.ndarray, ...]:
        """Each player's marginal distribution over its own actions (how often it is told each one).

        Examples
        --------
        >>> import games
        >>> g = games.catalog.chicken()
        >>> [m.tolist() for m in games.correlated_equilibrium(g, "welfare", exact=True).marginals()]
        [[Fraction(2, 3), Fraction(1, 3)], [Fraction(2, 3), Fraction(1, 3)]]
        """
        n = self.distribution.ndim
        return tuple(self.distribution.sum(axis=tuple(j for j in range(n) if j != i)) for i in range(n))

    def __repr__(self) -> str:
        pay = ", ".join(format_number(v) for v in self.payoffs)
        kind = "CoarseCorrelatedEquilibrium" if self.coarse else "CorrelatedEquilibrium"
        return (f"<{kind} ({self.objective}): {len(self.support())} recommended profiles, payoffs ({pay}), "
                f"max_violation {format_number(self.max_violation)}>")

    def __str__(self) -> str:
        kind = "Coarse correlated equilibrium" if self.coarse else "Correlated equilibrium"
        head = {"welfare": "maximising total welfare", "feasible": "(a feasible point)", "vertex": "(a vertex)"}
        what = head.get(self.objective, f"maximising {self.objective}")
        arith = "exact" if self.exact else "float"
        opt = {"certified": ", optimality certified", "float": "", "vertex": ""}[self.optimality]
        rows = [list(self.players) + ["probability"]]
        rows += [list(p) + [format_number(q)] for p, q in self.support()]
        widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
        lines = [f"{kind} {what} ({arith}{opt})"]
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
        pay = ", ".join(f"{p} {format_number(v)}" for p, v in zip(self.players, self.payoffs))
        lines.append(f"payoffs: {pay}; largest gain from disobeying: {format_number(self.max_violation)}")
        return "\n".join(lines)


# ------------------------------------------------------------------------------------------- constraints
def _as_game(game: Any) -> NormalFormGame:
    if isinstance(game, NormalFormGame):
        return game
    to_nf = getattr(game, "to_normal_form", None)
    if callable(to_nf):
        return to_nf()
    raise TypeError(f"game must be a NormalFormGame (or a game with to_normal_form()); got {type(game).__name__}")


def _player_blocks(table: np.ndarray, shape: tuple[int, ...], i: int) -> tuple[np.ndarray, np.ndarray]:
    """Player ``i``'s payoffs and the flat profile indices, each as ``(n_i, others)`` with own action first."""
    flat = np.arange(math.prod(shape)).reshape(shape)
    return (np.moveaxis(table[..., i], i, 0).reshape(shape[i], -1), np.moveaxis(flat, i, 0).reshape(shape[i], -1))


def _constraint_triplets(table: np.ndarray, shape: tuple[int, ...], coarse: bool
                         ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, int, int]]]:
    """(rows, cols, values, labels) of the incentive constraints ``A x <= 0`` (values keep the table's dtype).

    A CE row ``(i, a, b)`` holds ``u_i(b, .) - u_i(a, .)`` on the profiles where ``i`` is told ``a``; a coarse
    row ``(i, -1, b)`` holds ``u_i(b, a_-i) - u_i(a)`` on every profile.
    """
    rows, cols, vals, labels = [], [], [], []
    k = 0
    for i, n in enumerate(shape):
        U, idx = _player_blocks(table, shape, i)
        if coarse:
            for b in range(n):
                rows.append(np.full(idx.size, k))
                cols.append(idx.ravel())
                vals.append((U[b][None, :] - U).ravel())
                labels.append((i, -1, b))
                k += 1
            continue
        a, b = np.nonzero(~np.eye(n, dtype=bool))  # every ordered pair a != b
        diff = U[b] - U[a]                          # (pairs, others)
        rows.append(np.repeat(np.arange(k, k + len(a)), idx.shape[1]))
        cols.append(idx[a].ravel())
        vals.append(diff.ravel())
        labels.extend((i, int(x), int(y)) for x, y in zip(a, b))
        k += len(a)
    if not rows:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0, table.dtype), []
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals), labels


def incentive_constraints(game: NormalFormGame, *, coarse: bool = False) -> tuple[Any, list[tuple[int, int, int]]]:
    """The incentive constraints ``A x <= 0`` of the (coarse) correlated equilibria, as a sparse matrix.

    Columns are the pure profiles in C order (``distribution.ravel()``); with ``x >= 0`` and ``sum(x) = 1``
    they define the polytope.

    Parameters
    ----------
    game : NormalFormGame
    coarse : bool
        The coarse constraints (one per player and action) instead of one per player and ordered pair of
        actions.

    Returns
    -------
    A : scipy.sparse.csr_matrix
        One row per constraint, one column per profile.
    labels : list of tuple
        Per row ``(player, told, deviation)`` (``told = -1`` for a coarse row).

    Examples
    --------
    >>> import games
    >>> A, labels = incentive_constraints(games.catalog.chicken())
    >>> A.shape, labels[0]
    ((4, 4), (0, 0, 1))
    >>> A.toarray()[0].tolist()   # told Swerve, Row's gain from going Straight: T - R = 1 and P - S = -1
    [1.0, -1.0, 0.0, 0.0]
    """
    from scipy import sparse

    g = _as_game(game)
    _check_size(g, exact=False)
    r, c, v, labels = _constraint_triplets(g.payoffs, g.shape, bool(coarse))
    return sparse.csr_matrix((v.astype(float), (r, c)), shape=(len(labels), g.num_profiles)), labels


def _check_size(g: NormalFormGame, exact: bool) -> None:
    P = g.num_profiles
    if P > MAX_LP_PROFILES:
        raise ValueError(f"game: {P:,} pure profiles is more than MAX_LP_PROFILES = {MAX_LP_PROFILES:,} LP variables; "
                         "restrict the game (game.restrict or eliminate_dominated) or use games.equilibria for "
                         "Nash equilibria")
    if exact:
        K = sum(n * (n - 1) for n in g.shape)
        if K * P > MAX_EXACT_ENTRIES:
            raise ValueError(f"exact=True: the exact constraint table would hold {K * P:,} Fractions, more than "
                             f"MAX_EXACT_ENTRIES = {MAX_EXACT_ENTRIES:,}; use exact=False (floats, HiGHS) for "
                             "this game")


# ------------------------------------------------------------------------------------------- checking
def _as_distribution(game: NormalFormGame, distribution: Any, name: str = "distribution") -> np.ndarray:
    """``distribution`` (an array shaped like the profiles, or a mapping profile -> probability) validated."""
    shape = game.shape
    if isinstance(distribution, Mapping):
        arr = np.zeros(shape, dtype=object)
        arr[...] = 0
        for key, p in distribution.items():
            key = tuple(key) if isinstance(key, (tuple, list)) else (key,)
            if len(key) != game.num_players:
                raise ValueError(f"{name}: the key {key!r} must give one action per player ({game.num_players})")
            idx = tuple(int(np.flatnonzero(v)[0]) for v in game.pure_profile(list(key)))
            arr[idx] = p
        distribution = arr
    if isinstance(distribution, (str, bytes)) or np.ndim(distribution) == 0:
        raise TypeError(f"{name} must be an array shaped like the profiles {shape} or a mapping "
                        f"profile -> probability; got {type(distribution).__name__}")
    raw = np.asarray(distribution, dtype=object) if not isinstance(distribution, np.ndarray) else distribution
    if raw.shape != shape:
        raise ValueError(f"{name} must have the shape of the profile space {shape}; got {raw.shape}")
    exact = raw.dtype == object and all(is_exact_value(v) for v in raw.flat)
    if exact:
        arr = as_exact_array(raw)
        if any(v < 0 for v in arr.flat):
            raise ValueError(f"{name} must be non-negative")
        if sum(arr.flat) != 1:
            raise ValueError(f"{name} must sum to 1 (a probability distribution); it sums to {sum(arr.flat)}")
        return arr
    arr = as_real_array(raw, name)
    if np.any(arr < -1e-9):
        raise ValueError(f"{name} must be non-negative; its smallest entry is {arr.min():.3g}")
    if abs(arr.sum() - 1) > 1e-9 * max(1, arr.size):
        raise ValueError(f"{name} must sum to 1 (a probability distribution); it sums to {arr.sum():.12g}")
    return arr


def _gains(game: NormalFormGame, x: np.ndarray, coarse: bool) -> list[Any]:
    """Every constraint's expected gain from disobeying, per player, by matrix products on the game's table."""
    exact = x.dtype == object
    table = game.exact_payoffs if exact else game.float_safe().payoffs
    out = []
    for i in range(game.num_players):
        U = np.moveaxis(table[..., i], i, 0).reshape(game.shape[i], -1)
        X = np.moveaxis(x, i, 0).reshape(game.shape[i], -1)
        if coarse:
            obey = (X * U).sum()
            out.extend(U @ X.sum(axis=0) - obey)
        else:
            M = X @ U.T                    # M[a, b]: told a, play b
            out.extend((M - np.diag(M)[:, None]).ravel())
    return out


def correlated_regret(game: Any, distribution: Any, *, coarse: bool = False) -> float | Fraction:
    """The largest expected gain any player gets by disobeying the mediator (0 at a correlated equilibrium).

    For each player ``i`` and pair of actions ``a, b``: the gain, summed over the profiles where ``i`` is
    told ``a``, of playing ``b`` instead (for ``coarse=True``: of playing ``b`` whatever it is told). Exact
    (a Fraction) when the distribution holds ints and Fractions.

    Parameters
    ----------
    game : NormalFormGame
    distribution : array_like or mapping
        Probabilities shaped like the profile space, or ``{profile: probability}`` with profiles as tuples
        of action labels or indices.
    coarse : bool
        Measure against the coarse correlated equilibrium's constraints.

    Returns
    -------
    float or Fraction
        ``max(0, largest gain)``.

    Examples
    --------
    >>> import games
    >>> from fractions import Fraction as F
    >>> g = games.NormalFormGame.from_bimatrix([[6, 2], [7, 0]], [[6, 7], [2, 0]], actions=[["C", "D"]] * 2)
    >>> correlated_regret(g, {("C", "C"): F(1, 3), ("C", "D"): F(1, 3), ("D", "C"): F(1, 3)})
    Fraction(0, 1)
    >>> correlated_regret(g, {("C", "C"): 1})     # told C, either gains 7 - 6 by going D
    Fraction(1, 1)
    """
    g = _as_game(game)
    x = _as_distribution(g, distribution)
    worst = max(_gains(g, x, bool(coarse)), default=0)
    if x.dtype == object:
        return max(Fraction(0), Fraction(worst))
    return max(0.0, float(worst))


def is_correlated_equilibrium(game: Any, distribution: Any, *, coarse: bool = False, tol: float = 1e-9) -> bool:
    """Whether ``distribution`` is a (coarse) correlated equilibrium: :func:`correlated_regret` is at most
    ``tol`` times the game's payoff scale (exactly 0 for an exact distribution).

    Examples
    --------
    >>> import games
    >>> pd = games.catalog.prisoners_dilemma()
    >>> is_correlated_equilibrium(pd, [[0, 0], [0, 1]]), is_correlated_equilibrium(pd, [[1, 0], [0, 0]])
    (True, False)
    """
    tol = check_nonnegative(tol, "tol")
    g = _as_game(game)
    r = correlated_regret(g, distribution, coarse=coarse)
    if isinstance(r, Fraction):
        return r == 0
    return bool(r <= tol * g.float_safe().payoff_scale)


# ------------------------------------------------------------------------------------------- objectives
def _objective(game: NormalFormGame, objective: Any) -> tuple[str, np.ndarray]:
    """(name, weights per player) of an objective."""
    n = game.num_players
    if isinstance(objective, str):
        if objective in OBJECTIVES:
            return objective, (np.ones(n, dtype=object) if objective == "welfare" else np.zeros(n, dtype=object))
        if objective in game.players:
            w = np.zeros(n, dtype=object)
            w[game.players.index(objective)] = 1
            return f"player {objective}", w
        choices = ", ".join(repr(c) for c in (*OBJECTIVES, *game.players))
        raise ValueError(f"objective must be one of {choices}, ('player', index) or a weight per player; "
                         f"got {objective!r}")
    if isinstance(objective, tuple) and len(objective) == 2 and objective[0] == "player":
        i = objective[1]
        if isinstance(i, str):
            return _objective(game, i)
        if isinstance(i, (bool, np.bool_)) or not isinstance(i, (int, np.integer)) or not 0 <= i < n:
            raise ValueError(f"objective=('player', i) needs a player index in 0..{n - 1} or a player label; "
                             f"got {i!r}")
        w = np.zeros(n, dtype=object)
        w[int(i)] = 1
        return f"player {game.players[int(i)]}", w
    if isinstance(objective, (Sequence, np.ndarray)) and not isinstance(objective, (str, bytes)):
        if len(objective) != n:
            raise ValueError(f"objective weights must give one weight per player ({n}); got {len(objective)}")
        as_real_array(list(objective), "objective weights", ndim=1)
        w = np.asarray(as_exact_array(list(objective)), dtype=object)
        return "weights (" + ", ".join(format_number(v) for v in w) + ")", w
    raise TypeError(f"objective must be 'welfare', 'feasible', a player label, ('player', index) or a sequence of "
                    f"{n} weights; got {type(objective).__name__} {objective!r}")


# ------------------------------------------------------------------------------------------- the LP
def _solve_lp(A: Any, c: np.ndarray) -> Any:
    """Maximise ``c x`` over ``A x <= 0, x >= 0, sum x = 1`` with HiGHS' dual simplex (a vertex)."""
    from scipy import sparse
    from scipy.optimize import linprog

    P = len(c)
    res = linprog(-c, A_ub=A if A.shape[0] else None, b_ub=np.zeros(A.shape[0]) if A.shape[0] else None,
                  A_eq=sparse.csr_matrix(np.ones((1, P))), b_eq=[1.0], bounds=(0, None), method="highs-ds",
                  options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
    if res.status != 0:  # the polytope is never empty (Nash equilibria exist) and is bounded
        raise RuntimeError(f"the correlated-equilibrium LP failed: {res.message}")
    return res


def _exact_vertex(Aex: np.ndarray, c: np.ndarray, x: np.ndarray, reduced: np.ndarray, y: np.ndarray,
                  scale: float) -> tuple[np.ndarray, str] | None:
    """Rebuild the LP's vertex and a dual certificate in Fractions from the float solution; None if it fails.

    ``reduced`` and ``y`` are the float LP's reduced costs and incentive-constraint duals.
    """
    P = len(x)
    for tol in (1e-9, 1e-7, 1e-11, 1e-5):
        S = np.flatnonzero(x > tol)
        slack = Aex.astype(float) @ x if Aex.shape[0] else np.zeros(0)
        active = np.flatnonzero(np.abs(slack) <= tol * scale)
        M = [list(Aex[k, S]) for k in active] + [[Fraction(1)] * len(S)]
        rhs = [Fraction(0)] * len(active) + [Fraction(1)]
        sol = solve_exact(M, rhs)
        if sol is None or any(v < 0 for v in sol):
            continue
        xe = np.array([Fraction(0)] * P, dtype=object)
        xe[S] = sol
        if Aex.shape[0] and any(v > 0 for v in Aex.dot(xe)):
            continue
        tight = np.union1d(S, np.flatnonzero(reduced <= tol))
        return xe, _certify(Aex, c, xe, tight, active, y, tol)
    return None


def _certify(Aex: np.ndarray, c: np.ndarray, xe: np.ndarray, tight: np.ndarray, active: np.ndarray,
             y: np.ndarray, tol: float) -> str:
    """"certified" when an exact dual solution ``y >= 0, t`` with ``A'y + t >= c`` and ``t = c x`` exists.

    The dual is rebuilt from the float one: its support among the tight incentive constraints and the
    profiles where its reduced cost is zero (``tight``), solved exactly by complementary slackness.
    """
    value = c.dot(xe)
    if all(v == 0 for v in c):
        return "certified"  # any feasible point is optimal
    for support in (active[y[active] > tol], active):
        cols = [[Aex[k, j] for k in support] + [Fraction(1)] for j in tight]
        sol = solve_exact(cols, [c[j] for j in tight])
        if sol is None:
            continue
        ye, t = np.array(sol[:-1], dtype=object), sol[-1]
        if any(v < 0 for v in ye) or t != value:
            continue
        red = (Aex[support].T.dot(ye) if len(support) else np.zeros(len(c), dtype=object)) + t - c
        if all(v >= 0 for v in red):
            return "certified"
    return "float"


def correlated_equilibrium(game: Any, objective: Any = "welfare", *, exact: bool = False, coarse: bool = False,
                           tol: float = 1e-9) -> CorrelatedEquilibrium:
    """The best (coarse) correlated equilibrium of a finite game for a linear objective, by linear programming.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players (other game types are converted with ``to_normal_form()``).
    objective : str, tuple or sequence
        ``"welfare"`` (the sum of payoffs), ``"feasible"`` (any point of the set), a player's label or
        ``("player", index)`` (that player's payoff), or one weight per player (the weighted sum).
    exact : bool
        Fractions: the float LP's optimal vertex is re-solved exactly from its support and tight
        constraints, checked exactly, and its optimality certified by an exact dual solution when one is
        found (``optimality="certified"``, else ``"float"``). Float payoffs are read as their shortest
        decimals.
    coarse : bool
        Impose only the coarse constraints (no gain from committing to an action before hearing one).
    tol : float
        Verification tolerance relative to the game's payoff scale: a float result whose
        :func:`correlated_regret` exceeds it raises.

    Returns
    -------
    CorrelatedEquilibrium

    Raises
    ------
    ValueError
        For an unknown objective, weights of the wrong length, a bad player index, or a game too large
        (more than :data:`MAX_LP_PROFILES` profiles; in exact mode more than :data:`MAX_EXACT_ENTRIES`
        constraint entries).

    Examples
    --------
    >>> import games
    >>> g = games.catalog.chicken()                       # T, R, S, P = 4, 3, 1, 0
    >>> ce = games.correlated_equilibrium(g, exact=True)
    >>> ce.payoffs.tolist(), ce.support()[0]
    ([Fraction(8, 3), Fraction(8, 3)], (('Swerve', 'Swerve'), Fraction(1, 3)))
    >>> games.correlated_equilibrium(g, ("player", 0), exact=True).payoffs.tolist()
    [Fraction(4, 1), Fraction(1, 1)]
    >>> games.correlated_equilibrium(g, "welfare", coarse=True).max_violation <= 1e-9
    True
    >>> games.correlated_equilibrium(g, [1, 2, 3])
    Traceback (most recent call last):
    ...
    ValueError: objective weights must give one weight per player (2); got 3
    """
    from .validation import check_tolerance

    g = _as_game(game)
    if not isinstance(exact, (bool, np.bool_)):
        raise TypeError(f"exact must be True or False; got {type(exact).__name__} {exact!r}")
    if not isinstance(coarse, (bool, np.bool_)):
        raise TypeError(f"coarse must be True or False; got {type(coarse).__name__} {coarse!r}")
    tol = check_tolerance(tol)
    name, w = _objective(g, objective)
    _check_size(g, bool(exact))
    safe = g.float_safe()
    scale = safe.payoff_scale
    A, _ = incentive_constraints(safe, coarse=coarse)
    wf = w.astype(float)
    c_float = (safe.payoffs.reshape(-1, g.num_players) @ wf) / scale
    res = _solve_lp(A / scale, c_float)
    x = np.clip(res.x, 0, None)
    x = x / x.sum()
    if exact:
        table = g.exact_payoffs
        r, cc, v, labels = _constraint_triplets(table, g.shape, bool(coarse))
        Aex = np.zeros((len(labels), g.num_profiles), dtype=object)
        Aex[...] = Fraction(0)
        if len(labels):
            Aex[r, cc] = v
        cex = table.reshape(-1, g.num_players).dot(w)
        y = -np.asarray(res.ineqlin.marginals) if A.shape[0] else np.zeros(0)
        t = -float(res.eqlin.marginals[0])
        reduced = (A.T @ y) / scale + t - c_float
        built = _exact_vertex(Aex, cex, x, reduced, y, max(1.0, float(np.abs(Aex.astype(float)).max(initial=0))))
        if built is None:
            raise RuntimeError("exact=True: the float LP's optimal vertex could not be rebuilt exactly (the game is "
                               "numerically hard: payoffs of very different magnitudes); use exact=False")
        xe, optimality = built
        dist = xe.reshape(g.shape)
        payoffs = np.array([sum(dist.ravel() * table.reshape(-1, g.num_players)[:, i]) for i in range(g.num_players)],
                           dtype=object)
        value = cex.dot(xe)
    else:
        dist = x.reshape(g.shape)
        payoffs = safe.payoffs.reshape(-1, g.num_players).T @ x
        if safe is not g:
            payoffs = payoffs * 4.0
        value = float(payoffs @ wf)
        optimality = "float"
    violation = correlated_regret(g, dist, coarse=coarse)
    if not exact and violation > tol * scale:
        raise RuntimeError(f"the LP's distribution violates an incentive constraint by {violation:.3g} (more than "
                           f"tol x payoff scale = {tol * scale:.3g}); try exact=True")
    if exact and violation != 0:  # pragma: no cover - the rebuilt vertex was checked exactly
        raise RuntimeError("exact=True: the rebuilt distribution is not a correlated equilibrium")
    return CorrelatedEquilibrium(distribution=dist, payoffs=payoffs, max_violation=violation, objective=name,
                                 objective_value=value, coarse=bool(coarse), exact=bool(exact),
                                 optimality=optimality, players=g.players, actions=g.actions)


# ------------------------------------------------------------------------------------------- vertices
def correlated_equilibrium_vertices(game: Any, *, coarse: bool = False,
                                    max_bases: int = MAX_VERTEX_BASES) -> list[CorrelatedEquilibrium]:
    """Every vertex of the (coarse) correlated-equilibrium polytope of a small game, in exact arithmetic.

    Exhaustive basis enumeration: every choice of ``P - 1`` constraints (``P`` profiles) among the incentive
    and non-negativity constraints, with ``sum x = 1``, is solved in floats in vectorised batches; feasible
    candidates are re-solved and checked in Fractions (:func:`games.numeric.solve_exact`) and duplicates
    merged. Bases whose float determinant is below ``1e-12`` (after scaling rows to unit length) are taken
    as singular.

    Parameters
    ----------
    game : NormalFormGame
        A small game: the number of candidate bases, ``C(m, P - 1)`` with ``m`` constraints, must not exceed
        ``max_bases`` (2x2: 20; 2x3: 2,002; 3x3: 203,490).
    coarse : bool
        The coarse polytope.
    max_bases : int
        The work limit.

    Returns
    -------
    list of CorrelatedEquilibrium
        Exact vertices, highest total welfare first (``objective="vertex"``).

    Examples
    --------
    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[6, 2], [7, 0]], [[6, 7], [2, 0]], actions=[["C", "D"]] * 2)
    >>> vs = correlated_equilibrium_vertices(g)
    >>> len(vs), [[str(v) for v in ce.payoffs] for ce in vs]
    (5, [['21/4', '21/4'], ['14/3', '14/3'], ['7', '2'], ['2', '7'], ['18/5', '18/5']])
    """
    from .validation import check_positive_int

    g = _as_game(game)
    max_bases = check_positive_int(max_bases, "max_bases")
    P = g.num_profiles
    table = g.exact_payoffs
    r, cc, v, labels = _constraint_triplets(table, g.shape, bool(coarse))
    K = len(labels)
    m = K + P
    count = math.comb(m, P - 1)
    if count > max_bases:
        raise ValueError(f"correlated_equilibrium_vertices: {count:,} candidate bases (C({m}, {P - 1})) is more than "
                         f"max_bases = {max_bases:,}; use games.correlated_equilibrium(game, objective) for optimal "
                         "points, or lrs (lrslib) on the inequalities of games.correlated.incentive_constraints")
    G = np.zeros((m, P), dtype=object)
    G[...] = Fraction(0)
    if K:
        G[r, cc] = v
    for j in range(P):
        G[K + j, j] = Fraction(-1)
    Gf = G.astype(float)
    norms = np.abs(Gf).max(axis=1)
    norms[norms == 0] = 1.0
    Gs = Gf / norms[:, None]
    found: dict[tuple, np.ndarray] = {}
    combos = itertools.combinations(range(m), P - 1)
    rhs = np.zeros(P)
    rhs[-1] = 1.0
    ones = np.ones((1, P)) / P
    if P == 1:  # one profile: the polytope is the point x = (1,)
        found[(1.0,)] = np.array([Fraction(1)], dtype=object)
        combos = iter(())
    while True:
        batch = list(itertools.islice(combos, 20_000))
        if not batch:
            break
        chunk = np.array(batch, dtype=int).reshape(len(batch), P - 1)
        mats = np.concatenate([Gs[chunk], np.broadcast_to(ones, (len(chunk), 1, P))], axis=1)
        ok = np.abs(np.linalg.det(mats)) > 1e-12
        if not ok.any():
            continue
        xs = np.linalg.solve(mats[ok], np.broadcast_to(rhs * P, (int(ok.sum()), P))[..., None])[..., 0]
        feas = np.all(xs @ Gs.T <= 1e-9, axis=1)
        for basis, xf in zip(chunk[ok][feas], xs[feas]):
            key = tuple(np.round(xf, 9))
            if key in found:
                continue
            sol = solve_exact([list(G[k]) for k in basis] + [[Fraction(1)] * P],
                              [Fraction(0)] * (P - 1) + [Fraction(1)])
            if sol is None:
                continue
            xe = np.array(sol, dtype=object)
            if any(val > 0 for val in G.dot(xe)):
                continue
            found[key] = xe
    unique: dict[tuple, np.ndarray] = {tuple(xe): xe for xe in found.values()}
    out = []
    flat = table.reshape(-1, g.num_players)
    for xe in unique.values():
        dist = xe.reshape(g.shape)
        payoffs = np.array([sum(xe * flat[:, i]) for i in range(g.num_players)], dtype=object)
        out.append(CorrelatedEquilibrium(distribution=dist, payoffs=payoffs,
                                         max_violation=correlated_regret(g, dist, coarse=coarse), objective="vertex",
                                         objective_value=None, coarse=bool(coarse), exact=True, optimality="vertex",
                                         players=g.players, actions=g.actions))
    out.sort(key=lambda ce: (-ce.welfare, tuple(-p for p in ce.payoffs), tuple(ce.distribution.ravel())))
    return out
