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

__all__ = ["check_status", "lemke_howson_float_path", "lemke_howson_into", "lemke_howson_verified"]

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
def _pivot(D, basis, row_of, col_of, entering, d, tol, cand, ratio, prow):  # pragma: no cover - compiled
    """Bring ``entering`` into the basis of the dictionary ``D``; return the variable that leaves (-1: ray).

    ``cand``, ``ratio`` and ``prow`` are work buffers of the path (rows, rows and width long)."""
    rows = D.shape[0]
    width = D.shape[1]
    rhs = width - 1
    c = col_of[entering]
    # candidate rows: positive entries of the entering column
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
            ratio[t] = num / D[r, c]
            if ratio[t] < best:
                best = ratio[t]
        kept = 0
        tie = RATIO_TIE * max(1.0, abs(best))  # a tie up to rounding: relative, far below tol (a loose tie
        for t in range(k):                      # rule sends long paths off the exact path)
            if ratio[t] <= best + tie:
                cand[kept] = cand[t]
                kept += 1
        k = kept
        step += 1
        if step >= rows:
            break
    r = cand[0]
    inv = 1.0 / D[r, c]
    # Only the non-basic columns are stored (basic ones are unit vectors): the leaving variable takes the
    # entering one's slot, with column (1/piv at r, -D[i, c]/piv elsewhere).
    for j in range(width):  # a separate copy of the pivot row lets the compiler vectorise the update
        D[r, j] *= inv
        prow[j] = D[r, j]
    for i in range(rows):
        if i == r:
            continue
        f = D[i, c]
        if f == 0.0:
            continue
        for j in range(width):
            D[i, j] -= prow[j] * f
        D[i, c] = -f * inv
    D[r, c] = inv
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
    work = np.empty(2 * size)
    ratio, prow = work[:size], work[size:]
    steps = 0
    while True:
        steps += 1
        if steps > limit:
            return steps, TOO_MANY_PIVOTS
        if in_p:
            var = _pivot(Dp, bp, rp, cp, entering, m, tol, cand, ratio, prow)
            if var < 0:
                return steps, UNBOUNDED
            leaving_label = var  # x_i -> label i, s_j (index m + j) -> label m + j
        else:
            var = _pivot(Dq, bq, rq, cq, entering, n, tol, cand, ratio, prow)
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
def _bookkeeping(rows, d):  # pragma: no cover - compiled
    """Basis and positions of a dictionary whose first ``d`` variables are non-basic (the slacks basic)."""
    basis = np.arange(d, d + rows)
    row_of = np.full(d + rows, -1)
    col_of = np.full(d + rows, -1)
    for j in range(d):
        col_of[j] = j
    for i in range(rows):
        row_of[d + i] = i
    return basis, row_of, col_of


@njit(cache=True, fastmath=True)
def _ranges(P):  # pragma: no cover - compiled
    """Lowest payoff of each player of the two-player table ``P`` and the reciprocal of their span (1 when all
    are equal), in one pass. ``fastmath`` lets the compiler vectorise the min/max: the payoffs are finite."""
    flat = P.ravel()
    lo0, hi0, lo1, hi1 = flat[0], flat[0], flat[1], flat[1]
    for t in range(0, flat.shape[0], 2):
        lo0 = min(lo0, flat[t])
        hi0 = max(hi0, flat[t])
        lo1 = min(lo1, flat[t + 1])
        hi1 = max(hi1, flat[t + 1])
    return lo0, (1.0 / (hi0 - lo0) if hi0 > lo0 else 1.0), lo1, (1.0 / (hi1 - lo1) if hi1 > lo1 else 1.0)


@njit(cache=True)
def _dictionaries(P, lo0, inv0, lo1, inv1):  # pragma: no cover - compiled
    """The dictionaries ``M' z + s = 1`` of ``Q`` (rows: the row player's payoffs) and ``P`` (rows: the column
    player's payoffs, transposed), each mapped to positive payoffs ``(M - lo) * inv + 1`` in one pass over the
    table; only the non-basic columns and the right-hand side are stored."""
    m, n = P.shape[0], P.shape[1]
    Dq = np.empty((m, n + 1))
    Dp = np.empty((n, m + 1))
    for i in range(m):
        for j in range(n):
            Dq[i, j] = (P[i, j, 0] - lo0) * inv0 + 1.0
            Dp[j, i] = (P[i, j, 1] - lo1) * inv1 + 1.0
        Dq[i, n] = 1.0
    for j in range(n):
        Dp[j, m] = 1.0
    return Dq, Dp


@njit(cache=True)
def _values(D, basis, d, z):  # pragma: no cover - compiled
    """Write the normalised values of the first ``d`` variables of the dictionary into ``z``."""
    z[:] = 0.0
    total = 0.0
    last = D.shape[1] - 1
    for r in range(basis.shape[0]):
        if basis[r] < d:
            z[basis[r]] = D[r, last]
            total += D[r, last]
    for i in range(d):
        z[i] /= total


@njit(cache=True)
def _run(P, lo0, inv0, lo1, inv1, label, tol, limit, x, y):  # pragma: no cover - compiled
    """The path on the two-player table ``P``, each player's payoffs mapped to ``(M - lo) * inv + 1``; the end
    goes to ``x`` and ``y``. Returns the number of pivots and the status."""
    m, n = P.shape[0], P.shape[1]
    Dq, Dp = _dictionaries(P, lo0, inv0, lo1, inv1)
    bp, rp, cp = _bookkeeping(n, m)
    bq, rq, cq = _bookkeeping(m, n)
    steps, status = _path(Dp, bp, rp, cp, Dq, bq, rq, cq, m, n, label, tol, limit)
    if status == DONE:
        _values(Dp, bp, m, x)
        _values(Dq, bq, n, y)
    return steps, status


@njit(cache=True)
def _solve(a, b, label, tol, limit):  # pragma: no cover - compiled
    m, n = a.shape
    P = np.empty((m, n, 2))
    P[:, :, 0] = a
    P[:, :, 1] = b
    x, y = np.zeros(m), np.zeros(n)
    steps, status = _run(P, 1.0, 1.0, 1.0, 1.0, label, tol, limit, x, y)   # (a - 1) * 1 + 1 is a, exactly
    return x, y, steps, status


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
    check_status(status, limit)
    return [x, y], int(steps)


@njit(cache=True)
def lemke_howson_into(P, label, tol, limit, floor, out):  # pragma: no cover - compiled
    """The Lemke–Howson path of the ``(m, n, 2)`` float game ``P`` and its regret, written to ``out``.

    The compiled form of :func:`lemke_howson_verified` for callers that make many calls: ``P`` must be a
    C-contiguous float64 array, ``label`` and ``limit`` ints, ``out`` a float64 array of ``m + n + 4`` that
    receives ``[x | y | payoff 0, payoff 1 | regret | pivots]``. Returns the status (0: done; pass it to
    :func:`check_status`). One output array and no tuple of results: boxing results costs more than the
    whole path on small games.

    Examples
    --------
    >>> pennies = np.array([[[1.0, -1.0], [-1.0, 1.0]], [[-1.0, 1.0], [1.0, -1.0]]])
    >>> out = np.empty(2 + 2 + 4)
    >>> lemke_howson_into(pennies, 0, 1e-12, 100, 1e-12, out)
    0
    >>> out.tolist()
    [0.5, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0, 4.0]
    """
    m, n = P.shape[0], P.shape[1]
    x, y = out[:m], out[m:m + n]
    lo0, inv0, lo1, inv1 = _ranges(P)
    steps, status = _run(P, lo0, inv0, lo1, inv1, label, tol, limit, x, y)
    out[m + n + 3] = steps
    if status != DONE:
        out[m + n + 2] = np.inf
        return status
    for z in (x, y):  # round-off below the probability floor is not play
        total = 0.0
        for i in range(z.shape[0]):
            if z[i] <= floor:
                z[i] = 0.0
            total += z[i]
        for i in range(z.shape[0]):
            z[i] /= total
    out[m + n], out[m + n + 1], out[m + n + 2] = _payoffs_and_regret(P, x, y)
    return status


@njit(cache=True, fastmath=True)
def _payoffs_and_regret(P, x, y):  # pragma: no cover - compiled
    """Expected payoffs of ``(x, y)`` in the two-player table ``P`` and the largest gain from a deviation.

    ``fastmath`` lets the compiler reorder the sums (vectorised, not one chain of dependent additions): the
    payoffs and probabilities are finite, and the order changes the regret by rounding only.
    """
    m, n = P.shape[0], P.shape[1]
    pay0, pay1, best0, best1 = 0.0, 0.0, -np.inf, -np.inf
    for i in range(m):
        v = 0.0
        for j in range(n):
            v += P[i, j, 0] * y[j]
        pay0 += x[i] * v
        best0 = max(best0, v)
    for j in range(n):
        v = 0.0
        for i in range(m):
            v += x[i] * P[i, j, 1]
        pay1 += v * y[j]
        best1 = max(best1, v)
    return pay0, pay1, max(best0 - pay0, best1 - pay1, 0.0)


def lemke_howson_verified(payoffs: np.ndarray, label: int, tol: float, limit: int,
                          floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, int]:
    """The Lemke–Howson path of a two-player game and the regret of its end, in one compiled call.

    ``payoffs`` is the game's ``(m, n, 2)`` float table with a finite range (the game's ``payoff_scale``);
    each player's payoffs are mapped to ``[1, 2]`` for the path (as :func:`games.solvers.bimatrix.positive_bimatrix`
    does), probabilities at or below ``floor`` are cleared as round-off, and the regret and expected payoffs are
    computed from ``payoffs`` themselves, as :meth:`games.NormalFormGame.regret` defines them. Returns
    ``(x, y, expected payoffs, regret, pivots)``; ``x``, ``y`` and the payoffs are views of one array.

    Examples
    --------
    >>> pennies = np.array([[[1.0, -1.0], [-1.0, 1.0]], [[-1.0, 1.0], [1.0, -1.0]]])
    >>> x, y, pay, regret, steps = lemke_howson_verified(pennies, 0, 1e-12, 100, 1e-12)
    >>> x.tolist(), y.tolist(), float(regret) < 1e-12, steps
    ([0.5, 0.5], [0.5, 0.5], True, 4)
    """
    m, n = payoffs.shape[0], payoffs.shape[1]
    out = np.empty(m + n + 4)
    check_status(lemke_howson_into(np.ascontiguousarray(payoffs, dtype=float), int(label), float(tol), int(limit),
                                   float(floor), out), limit)
    return out[:m], out[m:m + n], out[m + n:m + n + 2], float(out[m + n + 2]), int(out[m + n + 3])


def check_status(status: int, limit: int, label: int | None = None) -> None:
    """Raise ``RuntimeError`` for a path that did not end in an equilibrium (``status`` of the compiled path).

    Examples
    --------
    >>> check_status(DONE, 100)
    >>> check_status(TOO_MANY_PIVOTS, 100, 3)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    RuntimeError: Lemke-Howson did not reach an equilibrium within 100 pivots from label 3: paths on large games
    can be this long; pass max_pivots=... to go further, or start from another label
    """
    if status == UNBOUNDED:
        raise RuntimeError("Lemke-Howson: unbounded ray (payoffs must be positive); this is a bug")
    if status == TOO_MANY_PIVOTS:
        start = "" if label is None else f" from label {label}"
        raise RuntimeError(f"Lemke-Howson did not reach an equilibrium within {limit:,} pivots{start}: paths on large "
                           "games can be this long; pass max_pivots=... to go further, or start from another label")
