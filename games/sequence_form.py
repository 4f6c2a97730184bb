"""The sequence form of a two-player extensive game, and equilibria computed from it.

Koller, Megiddo and von Stengel (1996, *Games and Economic Behavior* 14) replace pure strategies by
*sequences* (a player's own moves on the way to a node) and mixed strategies by *realization plans*
``x >= 0`` with ``E x = e`` (the empty sequence has weight 1; at each information set the weights of the
extensions add up to the weight of the sequence leading to it). Expected payoffs are bilinear,
``x^T A y`` and ``x^T B y``, where ``A[s, t]`` sums chance probability times payoff over the leaves
reached by sequences ``s`` and ``t``. The size is linear in the tree, not exponential like the normal form.

- Zero-sum games: the value and optimal plans by one linear program per player (scipy HiGHS).
- General two-player games: an equilibrium by Lemke's algorithm on the sequence-form LCP (exact in
  Fractions, or floats), with lexicographic pivoting (:mod:`games.lemke`).

Every equilibrium is turned into behaviour strategies and verified by its regret on the tree.

Examples
--------
>>> import games
>>> from games.catalog_trees import kuhn_poker
>>> sf = SequenceForm.of(kuhn_poker())
>>> sf.E.shape, sf.F.shape          # 7 and 7 constraints (empty sequence + 6 information sets each)
((7, 13), (7, 13))
>>> games.equilibria(kuhn_poker(), method="sequence-form", exact=True).value
Fraction(-1, 18)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from scipy.optimize import linprog

from .equilibrium import EquilibriumSet
from .imperfect import DEFAULT_MAX_PROFILES, BehaviourEquilibrium, ExtensiveGame
from .lemke import RayTermination, lemke
from .numeric import to_fraction
from .solvers.registry import register_solver

__all__ = ["SequenceForm", "sequence_form_equilibrium", "verified_equilibrium"]


@dataclass(frozen=True)
class SequenceForm:
    """The sequence form of a two-player :class:`~games.imperfect.ExtensiveGame`.

    Attributes
    ----------
    sequences : tuple of list of str
        Each player's sequence labels (rows of ``E``'s columns, ``A``'s rows; columns of ``F``, ``A``).
    E, F : numpy.ndarray
        Constraint matrices: ``E x = e`` and ``F y = f`` (``e = f = (1, 0, ..., 0)``).
    A, B : numpy.ndarray
        Payoff matrices, chance probabilities folded in: player 1 gets ``x @ A @ y``, player 2 ``x @ B @ y``.
    exact : bool
        Whether the entries are Fractions (else floats).

    Examples
    --------
    >>> g = ExtensiveGame(2)
    >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
    >>> for k, leaf in kids["a"].decision(1, ["c", "d"], infoset="J").items():
    ...     leaf.terminal([1, -1] if k == "c" else [0, 0])
    >>> kids["b"].terminal([2, -2])
    >>> sf = SequenceForm.of(g)
    >>> sf.sequences
    (['', 'I:a', 'I:b'], ['', 'J:c', 'J:d'])
    >>> sf.A.tolist()
    [[0, 0, 0], [0, 1, 0], [2, 0, 0]]
    >>> sf.E.tolist()
    [[1, 0, 0], [-1, 1, 1]]
    """

    sequences: tuple[list[str], list[str]]
    E: np.ndarray
    F: np.ndarray
    A: np.ndarray
    B: np.ndarray
    exact: bool

    @classmethod
    def of(cls, game: ExtensiveGame, exact: bool | None = None, shift: Any = 0) -> SequenceForm:
        """Build the sequence form of ``game`` (two players).

        Parameters
        ----------
        game : ExtensiveGame
        exact : bool, optional
            Fractions (default when the game is exact) or floats.
        shift : number
            Added to every terminal payoff first (the LCP wants negative payoffs; equilibria do not change).

        Examples
        --------
        >>> g = ExtensiveGame(2)
        >>> g.root.terminal([1, 2])
        >>> SequenceForm.of(g, shift=-3).B.tolist()
        [[-1]]
        """
        if not isinstance(game, ExtensiveGame):
            raise TypeError(f"game must be an ExtensiveGame; got {type(game).__name__}")
        if game.num_players != 2:
            raise ValueError(f"the sequence form here is for 2-player games; this game has {game.num_players} "
                             "(use to_normal_form() for small games of more players)")
        exact = game.is_exact if exact is None else bool(exact)
        conv = to_fraction if exact else float
        seqs = (game.sequences(0), game.sequences(1))
        E, F = (cls._constraints(game, i, len(seqs[i]), exact) for i in (0, 1))
        zero = Fraction(0) if exact else 0.0
        A = np.full((len(seqs[0]), len(seqs[1])), zero, dtype=object if exact else float)
        B = A.copy()
        shift = conv(shift)
        for chance, (s, t), payoffs in game.leaves():
            w = conv(chance)
            A[s, t] += w * (conv(payoffs[0]) + shift)
            B[s, t] += w * (conv(payoffs[1]) + shift)
        if exact:
            A, B = (np.vectorize(_tidy, otypes=[object])(m) for m in (A, B))
        return cls(sequences=seqs, E=E, F=F, A=A, B=B, exact=exact)

    @staticmethod
    def _constraints(game: ExtensiveGame, i: int, n: int, exact: bool) -> np.ndarray:
        rows = game.infoset_sequences(i)
        E = np.zeros((1 + len(rows), n), dtype=int)
        E[0, 0] = 1
        for k, (parent, seqs) in enumerate(rows, start=1):
            E[k, parent] = -1
            E[k, seqs] = 1
        return E.astype(object) if exact else E.astype(float)


def _tidy(v: Any) -> Any:
    return int(v) if isinstance(v, Fraction) and v.denominator == 1 else v


def _zero_sum_lp(sf: SequenceForm) -> tuple[np.ndarray, np.ndarray]:
    """Optimal realization plans of a zero-sum sequence form: one LP per player (scipy HiGHS).

    Player 1: ``max q_0`` subject to ``F^T q <= A^T x``, ``E x = e``, ``x >= 0`` (the dual of player 2's
    best-response LP against ``x``); player 2 likewise with ``-A``.
    """
    A = np.asarray(sf.A, dtype=float)
    span = float(np.ptp(A)) or 1.0
    A = A / span  # HiGHS tolerances are absolute
    x = _maximin_plan(A, np.asarray(sf.E, dtype=float), np.asarray(sf.F, dtype=float))
    y = _maximin_plan(-A.T, np.asarray(sf.F, dtype=float), np.asarray(sf.E, dtype=float))
    return x, y


def _maximin_plan(A: np.ndarray, E: np.ndarray, F: np.ndarray) -> np.ndarray:
    n, m = A.shape
    kx, ky = E.shape[0], F.shape[0]
    cost = np.zeros(n + ky)
    cost[n] = -1.0  # maximise q_0
    a_ub = np.hstack([-A.T, F.T])
    a_eq = np.hstack([E, np.zeros((kx, ky))])
    b_eq = np.zeros(kx)
    b_eq[0] = 1.0
    res = linprog(cost, A_ub=a_ub, b_ub=np.zeros(m), A_eq=a_eq, b_eq=b_eq,
                  bounds=[(0, None)] * n + [(None, None)] * ky, method="highs")
    if res.status != 0:  # pragma: no cover - a finite zero-sum game always has a value
        raise RuntimeError(f"the sequence-form linear program failed: {res.message}")
    return np.clip(res.x[:n], 0, None)


def _lcp_plans(sf: SequenceForm, exact: bool) -> tuple[list, list]:
    """An equilibrium pair of realization plans from the sequence-form LCP (payoffs must be negative).

    ``x ⟂ E^T p - A y >= 0``, ``y ⟂ F^T q - B^T x >= 0``, ``E x = e``, ``F y = f`` with the free ``p, q``
    split into non-negative parts, each equality written as two complementary inequalities; with negative
    payoff matrices the coupling part of ``M`` is skew-symmetric and Lemke's method is run on it.
    """
    E, F, A, B = sf.E, sf.F, sf.A, sf.B
    n1, n2 = E.shape[1], F.shape[1]
    k1, k2 = E.shape[0], F.shape[0]
    size = n1 + n2 + 2 * k1 + 2 * k2
    M = np.zeros((size, size), dtype=object if exact else float)
    if exact:
        M[:] = 0
    x0, y0, p1, p2, q1, q2 = np.cumsum([0, n1, n2, k1, k1, k2])
    M[x0:y0, y0:p1] = -A
    M[x0:y0, p1:p2] = -E.T
    M[x0:y0, p2:q1] = E.T
    M[y0:p1, x0:y0] = -B.T
    M[y0:p1, q1:q2] = -F.T
    M[y0:p1, q2:] = F.T
    M[p1:p2, x0:y0] = E
    M[p2:q1, x0:y0] = -E
    M[q1:q2, y0:p1] = F
    M[q2:, y0:p1] = -F
    q = [0] * (n1 + n2) + [-1] + [0] * (k1 - 1) + [1] + [0] * (k1 - 1) + [-1] + [0] * (k2 - 1) + [1] + [0] * (k2 - 1)
    z = lemke(M, q, exact=exact)
    return z[:n1], z[n1:n1 + n2]


def verified_equilibrium(game: ExtensiveGame, plans: Any, method: str, tol: float,
                         exact: bool) -> BehaviourEquilibrium | None:
    """The behaviour equilibrium playing the realization ``plans``, if its regret on the tree is within
    ``tol`` (relative to the payoff scale; exactly 0 when ``exact``), else ``None``.

    Examples
    --------
    >>> from games.catalog_trees import entry_deterrence
    >>> g = entry_deterrence()
    >>> g.sequences(0), g.sequences(1)
    (['', 'entrant:out', 'entrant:in'], ['', 'incumbent:fight', 'incumbent:accommodate'])
    >>> eq = verified_equilibrium(g, [[1, 0, 1], [1, 0, 1]], "by hand", 1e-9, exact=True)
    >>> eq.behaviour["entrant"], eq.payoffs.tolist()
    ({'out': 0, 'in': 1}, [1, 1])
    >>> verified_equilibrium(g, [[1, 0, 1], [1, 1, 0]], "by hand", 1e-9, exact=True) is None
    True
    """
    beh = game.behaviour_from_plans(plans)
    regret = game.regret(beh)
    abs_tol = 0 if exact else tol * game.payoff_scale
    if (exact and regret != 0) or (not exact and not float(regret) <= abs_tol):
        return None
    payoffs = game.expected_payoffs(beh)
    sizes = [game.num_strategies(i) for i in range(game.num_players)]
    small = int(np.prod(sizes, dtype=object)) <= DEFAULT_MAX_PROFILES
    profile = game.mixed_profile(beh) if small else ()
    return BehaviourEquilibrium(profile=profile, payoffs=np.array(payoffs, dtype=object if exact else float),
                                regret=regret if exact else float(regret), method=method, exact=exact,
                                tol=abs_tol, labels=game.actions if small else (), behaviour=beh)


def _is_zero_sum(game: ExtensiveGame, tol: float) -> bool:
    totals = [p[0] + p[1] for _, _, p in game.leaves()]
    if game.is_exact:
        return all(t == totals[0] for t in totals)
    return float(np.ptp([float(t) for t in totals])) <= tol * game.payoff_scale


@register_solver("sequence-form", game_type=ExtensiveGame, rank=0, finds="one", players=(2, 2), exact=True,
                 auto=lambda game: game.num_players == 2,
                 summary="sequence form (Koller-Megiddo-von Stengel): an LP for zero-sum trees, else Lemke's "
                         "algorithm on the LCP; behaviour strategies verified on the tree")
def sequence_form_equilibrium(game: ExtensiveGame, *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """One equilibrium of a two-player extensive game in behaviour strategies, by the sequence form
    (``method="sequence-form"``).

    A zero-sum (or constant-sum) game is solved by linear programming (floats; the ``value`` is set), or,
    with ``exact=True``, by exact Lemke pivoting (an equilibrium of a zero-sum game is a pair of optimal
    strategies, so the value is exact too). A general game is solved by Lemke's algorithm on the
    sequence-form LCP. Either way the equilibrium's regret is computed on the tree.

    Examples
    --------
    >>> from games.catalog_trees import entry_deterrence
    >>> eqs = sequence_form_equilibrium(entry_deterrence(), exact=True)
    >>> eqs[0].payoffs.tolist(), eqs.value is None
    ([1, 1], True)
    """
    if game.num_players != 2:
        raise ValueError(f"method='sequence-form' needs a 2-player game; this game has {game.num_players}")
    zero_sum = _is_zero_sum(game, tol)
    if exact and not game.is_exact:
        raise ValueError("exact=True needs exact payoffs and chance probabilities (ints or Fractions); "
                         "build the tree with Fractions or use exact=False")
    if zero_sum and not exact:
        sf = SequenceForm.of(game, exact=False)
        plans = _zero_sum_lp(sf)
        how = "linear programming on the sequence form"
    else:
        leaves = game.leaves()
        top = max(max(p) for _, _, p in leaves)
        sf = SequenceForm.of(game, exact=exact, shift=-(top + 1) if exact else -(float(top) + 1.0))
        try:
            plans = _lcp_plans(sf, exact)
        except RayTermination as err:  # pragma: no cover - not observed on sequence forms with negative payoffs
            return EquilibriumSet([], method="sequence-form", complete=False, rejected=1,
                                  note=f"Lemke's algorithm failed ({err}); try the reduced normal form "
                                       "(method='lemke-howson' or 'vertex')")
        how = "Lemke's algorithm on the sequence-form LCP" + (" (exact)" if exact else "")
    eq = verified_equilibrium(game, plans, "sequence-form", tol, exact)
    if eq is None:
        note = (f"the {how} solution failed verification at tol={tol:g}; retry with exact=True"
                if not exact else f"the {how} solution failed verification")
        return EquilibriumSet([], method="sequence-form", complete=False, rejected=1, note=note)
    value = eq.payoffs[0] if zero_sum else None
    note = f"one equilibrium ({how})" + ("; the value of the zero-sum game is unique" if zero_sum else "")
    return EquilibriumSet([eq], method="sequence-form", complete=False, value=value, note=note)
