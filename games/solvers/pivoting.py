"""Compiled complementary pivoting for the float Lemke–Howson path (numba, cached on disk).

The exact path in :mod:`games.solvers.lemke_howson` pivots the full tableau ``[M | I | 1]`` in rationals;
here the whole float path (every pivot, the lexicographic minimum-ratio test, the label bookkeeping and the
regret of its end) runs in one compiled call. Only the non-basic columns and the right-hand side are stored
(a dictionary): the basic columns of a tableau are unit vectors, so a pivot updates ``rows x (d + 1)``
numbers instead of ``rows x (d + rows + 1)`` -- half the work of the full tableau on a square game. The
lexicographic rule reads the same key columns (right-hand side, then the slacks in order), so the path is
the exact path's, pivot for pivot. The compiled code is cached on disk (``cache=True``), so a new session
loads it instead of compiling again.

This module imports numba; :mod:`games.solvers.lemke_howson` imports it only when a float path is asked for.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["lemke_howson_float_path", "lemke_howson_verified"]

#: Status codes returned by the compiled path.
DONE, UNBOUNDED, TOO_MANY_PIVOTS = 0, 1, 2

#: Ratios closer than this (relative) are ties of the lexicographic rule: rounding, not geometry.
RATIO_TIE = 1e-12


@njit(cache=True)
def _key_value(D, row_of, col_of, r, var):  # pragma: no cover - compiled
    """Entry of row ``r`` in the tableau column of ``var`` (a unit vector when ``var`` is basic)."""
    c = col_of[var]
    if c >= 0:
        return D[r, c]
    return 1.0 if row_of[var] == r else 0.0


@njit(cache=True)
def _pivot(D, basis, row_of, col_of, entering, d, tol, cand, prow):  # pragma: no cover - compiled
    """Bring ``entering`` into the basis of the dictionary ``D``; return the variable that leaves (-1: ray)."""
    rows = D.shape[0]
    width = D.shape[1]
    rhs = width - 1
    c = col_of[entering]
    # candidate rows: positive entries of the entering column (cand and prow are work buffers of the path)
    k = 0
    for i in range(rows):
        if D[i, c] > tol:
            cand[k] = i
            k += 1
    if k == 0:
        return -1
    # lexicographic minimum ratio: rhs first, then the columns of the initial basis inverse (the slacks)
    step = -1
    while k > 1:
        best = np.inf
        for t in range(k):
            r = cand[t]
            num = D[r, rhs] if step < 0 else _key_value(D, row_of, col_of, r, d + step)
            ratio = num / D[r, c]
            if ratio < best:
                best = ratio
        kept = 0
        tie = RATIO_TIE * max(1.0, abs(best))  # a tie up to rounding: relative, far below tol (a loose tie
        for t in range(k):                      # rule sends long paths off the exact path)
            r = cand[t]
            num = D[r, rhs] if step < 0 else _key_value(D, row_of, col_of, r, d + step)
            if num / D[r, c] <= best + tie:
                cand[kept] = r
                kept += 1
        k = kept
        step += 1
        if step >= rows:
            break
    r = cand[0]
    piv = D[r, c]
    # Only the non-basic columns are stored (basic ones are unit vectors): the leaving variable takes the
    # entering one's slot, with column (1/piv at r, -D[i, c]/piv elsewhere).
    for j in range(width):  # a separate copy of the pivot row lets the compiler vectorise the update
        D[r, j] /= piv
        prow[j] = D[r, j]
    for i in range(rows):
        if i == r:
            continue
        f = D[i, c]
        if f == 0.0:
            continue
        for j in range(width):
            D[i, j] -= prow[j] * f
        D[i, c] = -f / piv
    D[r, c] = 1.0 / piv
    leaving = basis[r]
    basis[r] = entering
    row_of[entering] = r
    col_of[entering] = -1
    row_of[leaving] = -1
    col_of[leaving] = c
    return leaving


@njit(cache=True)
def _path(Dp, bp, rp, cp, Dq, bq, rq, cq, m, n, label, tol, limit):  # pragma: no cover - compiled
    in_p = label < m
    if in_p:
        entering = label
    else:
        entering = label - m
    size = max(m, n) + 1
    cand = np.empty(size, np.int64)
    prow = np.empty(size)
    steps = 0
    while True:
        steps += 1
        if steps > limit:
            return steps, TOO_MANY_PIVOTS
        if in_p:
            var = _pivot(Dp, bp, rp, cp, entering, m, tol, cand, prow)
            if var < 0:
                return steps, UNBOUNDED
            leaving_label = var  # x_i -> label i, s_j (index m + j) -> label m + j
        else:
            var = _pivot(Dq, bq, rq, cq, entering, n, tol, cand, prow)
            if var < 0:
                return steps, UNBOUNDED
            leaving_label = m + var if var < n else var - n  # y_j -> m + j, r_i (index n + i) -> i
        if leaving_label == label:
            return steps, DONE
        in_p = not in_p
        if in_p:
            entering = leaving_label
        else:
            entering = n + leaving_label if leaving_label < m else leaving_label - m


@njit(cache=True)
def _dictionary(M, lo, span):  # pragma: no cover - compiled
    """``M' z + s = 1`` with z non-basic, ``M' = (M - lo) / span + 1`` (positive): the stored columns are M''s and
    the right-hand side."""
    rows, d = M.shape
    D = np.empty((rows, d + 1))
    for i in range(rows):
        for j in range(d):
            D[i, j] = (M[i, j] - lo) / span + 1.0
        D[i, d] = 1.0
    basis = np.arange(d, d + rows)
    row_of = np.full(d + rows, -1)
    col_of = np.full(d + rows, -1)
    for j in range(d):
        col_of[j] = j
    for i in range(rows):
        row_of[d + i] = i
    return D, basis, row_of, col_of


@njit(cache=True)
def _values(D, basis, d):  # pragma: no cover - compiled
    z = np.zeros(d)
    total = 0.0
    last = D.shape[1] - 1
    for r in range(basis.shape[0]):
        if basis[r] < d:
            z[basis[r]] = D[r, last]
            total += D[r, last]
    return z / total


@njit(cache=True)
def _run(Mq, lo_q, span_q, Mp, lo_p, span_p, label, tol, limit):  # pragma: no cover - compiled
    """The path on ``Q`` (rows ``Mq``, the row player's payoffs) and ``P`` (rows ``Mp``, the column player's
    payoffs transposed), each mapped to positive payoffs by ``(M - lo) / span + 1``."""
    m, n = Mq.shape
    Dp, bp, rp, cp = _dictionary(Mp, lo_p, span_p)
    Dq, bq, rq, cq = _dictionary(Mq, lo_q, span_q)
    steps, status = _path(Dp, bp, rp, cp, Dq, bq, rq, cq, m, n, label, tol, limit)
    if status != DONE:
        return np.zeros(m), np.zeros(n), steps, status
    return _values(Dp, bp, m), _values(Dq, bq, n), steps, status


@njit(cache=True)
def _solve(a, b, label, tol, limit):  # pragma: no cover - compiled
    return _run(a, 1.0, 1.0, b.T, 1.0, 1.0, label, tol, limit)   # already in [1, 2]: (a - 1) + 1 is a, exactly


def lemke_howson_float_path(a: np.ndarray, b: np.ndarray, label: int, tol: float,
                            limit: int) -> tuple[list[np.ndarray], int]:
    """Follow the float Lemke–Howson path of the positive bimatrix ``(a, b)`` that drops ``label``.

    ``a`` and ``b`` are the row and column player's payoffs, all entries positive. Returns the normalised
    mixed profile at the end of the path and the number of pivots; raises ``RuntimeError`` on an unbounded
    ray (payoffs not positive) or when ``limit`` pivots are exceeded. The caller verifies the profile.

    Examples
    --------
    >>> a = np.array([[2.0, 0.5], [0.5, 2.0]]); b = np.array([[0.5, 2.0], [2.0, 0.5]])
    >>> prof, steps = lemke_howson_float_path(a, b, 0, 1e-12, 100)
    >>> [p.round(3).tolist() for p in prof]
    [[0.5, 0.5], [0.5, 0.5]]
    """
    x, y, steps, status = _solve(np.asarray(a, dtype=float), np.asarray(b, dtype=float), int(label), float(tol),
                                 int(limit))
    if status == UNBOUNDED:
        raise RuntimeError("Lemke-Howson: unbounded ray (payoffs must be positive); this is a bug")
    if status == TOO_MANY_PIVOTS:
        raise RuntimeError(f"Lemke-Howson did not terminate within {limit} pivots")
    return [x, y], int(steps)


@njit(cache=True)
def _solve_verified(P, label, tol, limit, floor):  # pragma: no cover - compiled
    m, n = P.shape[0], P.shape[1]
    lo = np.empty(2)
    span = np.empty(2)
    for k in range(2):
        low, high = P[0, 0, k], P[0, 0, k]
        for i in range(m):
            for j in range(n):
                low = min(low, P[i, j, k])
                high = max(high, P[i, j, k])
        lo[k] = low
        span[k] = high - low if high > low else 1.0
    x, y, steps, status = _run(P[:, :, 0], lo[0], span[0], P[:, :, 1].T, lo[1], span[1], label, tol, limit)
    payoffs = np.zeros(2)
    if status != DONE:
        return x, y, payoffs, np.inf, steps, status
    for z in (x, y):  # round-off below the probability floor is not play
        total = 0.0
        for i in range(z.shape[0]):
            if z[i] <= floor:
                z[i] = 0.0
            total += z[i]
        for i in range(z.shape[0]):
            z[i] /= total
    best0, best1 = -np.inf, -np.inf
    for i in range(m):
        v = 0.0
        for j in range(n):
            v += P[i, j, 0] * y[j]
        payoffs[0] += x[i] * v
        best0 = max(best0, v)
    for j in range(n):
        v = 0.0
        for i in range(m):
            v += x[i] * P[i, j, 1]
        payoffs[1] += v * y[j]
        best1 = max(best1, v)
    regret = max(best0 - payoffs[0], best1 - payoffs[1], 0.0)
    return x, y, payoffs, regret, steps, status


def lemke_howson_verified(payoffs: np.ndarray, label: int, tol: float, limit: int,
                          floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, int]:
    """The Lemke–Howson path of a two-player game and the regret of its end, in one compiled call.

    ``payoffs`` is the game's ``(m, n, 2)`` float table with a finite range (the game's ``payoff_scale``);
    each player's payoffs are mapped to ``[1, 2]`` for the path (as :func:`games.solvers.bimatrix.positive_bimatrix`
    does), probabilities at or below ``floor`` are cleared as round-off, and the regret and expected payoffs are
    computed from ``payoffs`` themselves, as :meth:`games.NormalFormGame.regret` defines them. Returns
    ``(x, y, expected payoffs, regret, pivots)``.

    Examples
    --------
    >>> pennies = np.array([[[1.0, -1.0], [-1.0, 1.0]], [[-1.0, 1.0], [1.0, -1.0]]])
    >>> x, y, pay, regret, steps = lemke_howson_verified(pennies, 0, 1e-12, 100, 1e-12)
    >>> x.tolist(), y.tolist(), float(regret) < 1e-12, steps
    ([0.5, 0.5], [0.5, 0.5], True, 4)
    """
    x, y, pay, regret, steps, status = _solve_verified(np.ascontiguousarray(payoffs, dtype=float), int(label),
                                                       float(tol), int(limit), float(floor))
    if status == UNBOUNDED:
        raise RuntimeError("Lemke-Howson: unbounded ray (payoffs must be positive); this is a bug")
    if status == TOO_MANY_PIVOTS:
        raise RuntimeError(f"Lemke-Howson did not terminate within {limit} pivots")
    return x, y, pay, float(regret), int(steps)
