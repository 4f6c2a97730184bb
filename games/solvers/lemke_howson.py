"""The Lemke–Howson algorithm with lexicographic pivoting (terminates on degenerate games too).

Complementary pivoting on the tableaux of the best-response polytopes P (``B^T x + s = 1``) and Q
(``A y + r = 1``) with payoffs made positive, starting from the artificial equilibrium ``(0, 0)`` and
dropping one label (Lemke & Howson 1964; von Stengel 2002, Sec. 3.4 and 6.2). Ties in the minimum-ratio
test are broken lexicographically, which prevents cycling in degenerate games. The exact path pivots in
rational arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from functools import cache

import numpy as np

from ..equilibrium import PROBABILITY_FLOOR, Equilibrium, EquilibriumSet, rejection_note, verify, verify_bimatrix
from ..normal_form import NormalFormGame
from .bimatrix import positive_bimatrix
from .registry import register_solver
from .vertex import geometry_tol

__all__ = ["lemke_howson", "lemke_howson_path"]


class _Tableau:
    """``M z + I s = 1`` in rationals, basis stored explicitly; variable k < d is z_k, k >= d is slack k - d.

    The exact twin of the compiled float path in :mod:`games.solvers.pivoting` (same lexicographic rule).
    """

    def __init__(self, M: np.ndarray) -> None:
        rows, d = M.shape
        self.d = d
        eye = np.vectorize(Fraction, otypes=[object])(np.eye(rows, dtype=int))
        rhs = np.array([Fraction(1)] * rows, dtype=object)
        self.T = np.hstack([M.astype(object), eye, rhs[:, None]])
        self.basis = [d + r for r in range(rows)]

    def pivot(self, col: int) -> int:
        """Bring variable ``col`` into the basis; return the variable that leaves."""
        T = self.T
        column = T[:, col]
        cand = np.flatnonzero(column > 0)
        if not len(cand):
            raise RuntimeError("Lemke-Howson: unbounded ray (payoffs must be positive); this is a bug")
        # lexicographic minimum ratio over (rhs, columns of the initial basis inverse): keep the rows
        # tied at the minimum of one key column, then break the tie on the next
        keys = [T.shape[1] - 1] + list(range(self.d, self.d + T.shape[0]))
        for c in keys:
            if len(cand) == 1:
                break
            ratios = T[cand, c] / column[cand]
            cand = cand[ratios == min(ratios)]
        best_r = int(cand[0])
        T[best_r] = T[best_r] / T[best_r, col]
        factors = T[:, col].copy()
        factors[best_r] = 0
        rows = np.flatnonzero(factors != 0)
        T[rows] = T[rows] - factors[rows, None] * T[best_r][None, :]
        leaving = self.basis[best_r]
        self.basis[best_r] = col
        return leaving

    def values(self) -> np.ndarray:
        z = np.array([Fraction(0)] * self.d, dtype=object)
        for r, var in enumerate(self.basis):
            if var < self.d:
                z[var] = self.T[r, -1]
        return z


def pivot_limit(m: int, n: int) -> int:
    """The most pivots a Lemke–Howson path of an ``m x n`` game may take by default before it is stopped.

    ``50 (m + n)^2 + 1000``: paths on random games are usually far shorter, but their lengths have a long
    tail (random 400x400 games have paths of 3, 6, 11 million pivots and more); the solver's ``max_pivots``
    raises it.

    Examples
    --------
    >>> pivot_limit(2, 2)
    1800
    """
    return 50 * (m + n) ** 2 + 1000


@cache
def _compiled_kernel():
    """:func:`games.solvers.pivoting.lemke_howson_into` and ``check_status``, imported (numba loads) on the
    first float path."""
    from .pivoting import check_status, lemke_howson_into

    return lemke_howson_into, check_status


def _limit(max_pivots: object, m: int, n: int) -> int:
    if max_pivots is None:
        return pivot_limit(m, n)
    if isinstance(max_pivots, (bool, np.bool_)) or not isinstance(max_pivots, (int, np.integer)) or max_pivots < 1:
        raise ValueError(f"max_pivots must be a positive integer or None (default {pivot_limit(m, n):,} for a "
                         f"{m}x{n} game); got {max_pivots!r}")
    return int(max_pivots)


def _check_label(label: object, m: int, n: int) -> None:
    if isinstance(label, (bool, np.bool_)) or not isinstance(label, (int, np.integer)):
        raise TypeError(f"label must be an integer in 0..{m + n - 1} (rows first, then columns); "
                        f"got {type(label).__name__} {label!r}")
    if not 0 <= label < m + n:
        raise ValueError(f"label must be an integer in 0..{m + n - 1} (rows first, then columns); got {label!r}")


def lemke_howson_path(game: NormalFormGame, label: int, *, exact: bool = False, tol: float = 1e-9,
                      max_pivots: int | None = None):
    """Follow the Lemke–Howson path that drops ``label`` (0..m-1 rows, m..m+n-1 columns).

    Returns the (unverified) mixed profile at the end of the path and the number of pivots; raises
    ``RuntimeError`` after ``max_pivots`` pivots (default :func:`pivot_limit`).

    Examples
    --------
    >>> from games import NormalFormGame
    >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> prof, steps = lemke_howson_path(g, 0, exact=True)
    >>> [[str(v) for v in p] for p in prof]
    [['1/2', '1/2'], ['1/2', '1/2']]
    """
    m, n = game.shape
    _check_label(label, m, n)
    a, b = positive_bimatrix(game, exact)
    limit = _limit(max_pivots, m, n)
    if not exact:  # the float path runs compiled (numba), pivot for pivot the same as the tableaux below
        from .pivoting import lemke_howson_float_path

        return lemke_howson_float_path(a, b, label, tol, limit)
    tab_p = _Tableau(b.T)  # variables x_0..x_{m-1} (labels 0..m-1), slacks s_j (labels m+j)
    tab_q = _Tableau(a)    # variables y_0..y_{n-1} (labels m+j), slacks r_i (labels i)

    def p_var(lab: int) -> int:  # the P variable that carries label lab
        return lab if lab < m else m + (lab - m)

    def q_var(lab: int) -> int:
        return n + lab if lab < m else lab - m

    def p_label(var: int) -> int:
        return var if var < m else var  # x_i -> i ; s_j (index m+j) -> m+j

    def q_label(var: int) -> int:
        return m + var if var < n else var - n

    # dropping a row label moves in P (x enters); a column label moves in Q (y enters)
    in_p = label < m
    entering = p_var(label) if in_p else q_var(label)
    steps = 0
    while True:
        steps += 1
        if steps > limit:
            from .pivoting import TOO_MANY_PIVOTS, check_status

            check_status(TOO_MANY_PIVOTS, limit, label)
        if in_p:
            leaving_label = p_label(tab_p.pivot(entering))
        else:
            leaving_label = q_label(tab_q.pivot(entering))
        if leaving_label == label:
            break
        in_p = not in_p
        entering = p_var(leaving_label) if in_p else q_var(leaving_label)
    x, y = tab_p.values(), tab_q.values()
    return [x / x.sum(), y / y.sum()], steps


#: The note of every Lemke-Howson result.
ONE_PER_LABEL = "Lemke-Howson finds one equilibrium per starting label, not all of them"


@register_solver("lemke-howson", game_type=NormalFormGame, rank=10, finds="one", players=(2, 2), exact=True,
                 summary="complementary pivoting from one label (``label=None``: from every label), "
                         "lexicographic so degenerate games cannot make it cycle")
def lemke_howson(
    game: NormalFormGame, *, label: int | None = 0, tol: float = 1e-9, exact: bool = False,
    max_pivots: int | None = None,
) -> EquilibriumSet:
    """One equilibrium from ``label``, or (``label=None``) the distinct equilibria reached from every label.

    A path longer than ``max_pivots`` pivots (default :func:`pivot_limit`, ``50 (m + n)^2 + 1000``) stops with
    a ``RuntimeError`` naming the label and the limit, never an unfinished answer.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> bos = NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> [eq.pure_actions() for eq in lemke_howson(bos, label=0)]
    [('a1', 'b1')]
    >>> len(lemke_howson(bos, label=None))
    2
    """
    shape = game.payoffs.shape   # (m, n, 2) for a two-player game
    if len(shape) != 3:
        raise ValueError(f"Lemke-Howson needs a 2-player game; this game has {game.num_players}")
    m, n = shape[0], shape[1]
    labels: Sequence[int]
    if type(label) is int and 0 <= label < m + n:  # the common case, checked without the slower abstract types
        labels = (label,)
    elif label is None:
        labels = range(m + n)
    else:
        if isinstance(label, (bool, np.bool_)) or not isinstance(label, (int, np.integer)):
            raise TypeError(f"label must be an integer (a Lemke-Howson starting label) or None; "
                            f"got {type(label).__name__} {label!r}")
        _check_label(label, m, n)
        labels = (int(label),)
    items: list[Equilibrium] = []
    rejected = 0
    scale = game.payoff_scale
    if not exact and math.isfinite(scale):  # path and regret (from the game's payoffs) in one compiled call
        kernel, check_status = _compiled_kernel()
        payoffs = game.payoffs   # C-contiguous floats (NormalFormGame makes them so)
        limit, abs_tol, geometry, mn = _limit(max_pivots, m, n), tol * scale, geometry_tol(tol), m + n
        for lab in labels:
            out = np.empty(mn + 4)   # [x | y | payoffs | regret | pivots]
            check_status(kernel(payoffs, lab, geometry, limit, PROBABILITY_FLOOR, out), limit, lab)
            regret = float(out[mn + 2])
            if not regret <= abs_tol:
                rejected += 1
                continue
            eq = Equilibrium.from_checked_floats((out[:m], out[m:mn]), out[mn:mn + 2], regret, "lemke-howson",
                                                 abs_tol, game.actions)
            if not items or not any(eq.approx_equal(other) for other in items):
                items.append(eq)
    else:
        if not exact:  # a payoff range that overflows floats: the float-safe path
            from .pivoting import lemke_howson_float_path

            a, b = positive_bimatrix(game, False)
        limit = _limit(max_pivots, m, n)
        for lab in labels:
            if exact:
                prof, _ = lemke_howson_path(game, lab, exact=True, max_pivots=limit)
                eq = verify(game, prof, "lemke-howson", tol, exact=True)
            else:
                (x, y), _ = lemke_howson_float_path(a, b, lab, geometry_tol(tol), limit)
                eq = verify_bimatrix(game, x, y, "lemke-howson", tol)
            if eq is None:
                rejected += 1
            elif not any(eq.approx_equal(other) for other in items):
                items.append(eq)
    note = ONE_PER_LABEL
    if rejected:
        note += "; " + rejection_note(rejected, tol)
    return EquilibriumSet(items, method="lemke-howson", complete=False, rejected=rejected, note=note)
