"""Compiled complementary pivoting for the float Lemke–Howson path (numba, cached on disk).

The Python path in :mod:`games.solvers.lemke_howson` spends almost all of its time in the tableau pivot;
here the whole path (every pivot, the lexicographic minimum-ratio test and the label bookkeeping) runs in
one compiled call. The tableau is ``[M | I | 1]`` with the basis stored explicitly, exactly as in the
Python path, so both follow the same path and stop at the same vertex. numba is imported only when a
float Lemke–Howson path is first asked for, so ``import games`` does not pay for it; the compiled code is
cached (``cache=True``), so a new session loads it instead of compiling again.

This module imports numba; :mod:`games.solvers.lemke_howson` imports it only when a float path is asked for.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["lemke_howson_float_path"]

#: Status codes returned by the compiled path.
DONE, UNBOUNDED, TOO_MANY_PIVOTS = 0, 1, 2


@njit(cache=True)
def _pivot(T, basis, col, d, tol):  # pragma: no cover - compiled; its Python twin is the exact _Tableau
    rows = T.shape[0]
    width = T.shape[1]
    rhs = width - 1
    # candidate rows: positive entries of the entering column
    cand = np.empty(rows, np.int64)
    k = 0
    for i in range(rows):
        if T[i, col] > tol:
            cand[k] = i
            k += 1
    if k == 0:
        return -1
    # lexicographic minimum ratio: rhs first, then the columns of the initial basis inverse
    key = rhs
    step = -1
    while k > 1:
        best = np.inf
        for t in range(k):
            r = cand[t]
            ratio = T[r, key] / T[r, col]
            if ratio < best:
                best = ratio
        kept = 0
        for t in range(k):
            r = cand[t]
            if T[r, key] / T[r, col] <= best + tol:
                cand[kept] = r
                kept += 1
        k = kept
        step += 1
        if step >= rows:
            break
        key = d + step
    r = cand[0]
    piv = T[r, col]
    prow = np.empty(width)  # a separate copy of the pivot row lets the compiler vectorise the update
    for j in range(width):
        T[r, j] /= piv
        prow[j] = T[r, j]
    for i in range(rows):
        if i != r:
            f = T[i, col]
            if f != 0.0:
                row = T[i]
                for j in range(width):
                    row[j] -= f * prow[j]
    leaving = basis[r]
    basis[r] = col
    return leaving


@njit(cache=True)
def _path(Tp, bp, Tq, bq, m, n, label, tol, limit):  # pragma: no cover - compiled
    in_p = label < m
    if in_p:
        entering = label
    else:
        entering = label - m
    steps = 0
    while True:
        steps += 1
        if steps > limit:
            return steps, TOO_MANY_PIVOTS
        if in_p:
            var = _pivot(Tp, bp, entering, m, tol)
            if var < 0:
                return steps, UNBOUNDED
            leaving_label = var  # x_i -> label i, s_j (index m + j) -> label m + j
        else:
            var = _pivot(Tq, bq, entering, n, tol)
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


def _tableau(M: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows, d = M.shape
    T = np.zeros((rows, d + rows + 1))
    T[:, :d] = M
    T[np.arange(rows), d + np.arange(rows)] = 1.0
    T[:, -1] = 1.0
    return T, np.arange(d, d + rows, dtype=np.int64)


def _values(T: np.ndarray, basis: np.ndarray, d: int) -> np.ndarray:
    z = np.zeros(d)
    rows = basis < d
    z[basis[rows]] = T[rows, -1]
    return z


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
    m, n = a.shape
    tab_p, basis_p = _tableau(np.ascontiguousarray(b.T, dtype=float))
    tab_q, basis_q = _tableau(np.ascontiguousarray(a, dtype=float))
    steps, status = _path(tab_p, basis_p, tab_q, basis_q, m, n, int(label), float(tol), int(limit))
    if status == UNBOUNDED:
        raise RuntimeError("Lemke-Howson: unbounded ray (payoffs must be positive); this is a bug")
    if status == TOO_MANY_PIVOTS:
        raise RuntimeError(f"Lemke-Howson did not terminate within {limit} pivots")
    x, y = _values(tab_p, basis_p, m), _values(tab_q, basis_q, n)
    return [x / x.sum(), y / y.sum()], int(steps)
