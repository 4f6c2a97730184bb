"""Lemke's algorithm for the linear complementarity problem, with lexicographic pivoting.

Find ``z >= 0`` with ``w = q + M z >= 0`` and ``z . w = 0``. Lemke's method adds an artificial variable
``z0`` along a covering vector ``d > 0`` (``w = q + M z + d z0``), starts where ``z0`` is just large enough
and follows complementary pivots until ``z0`` leaves the basis. The minimum ratio test breaks ties
lexicographically (rows of the inverse basis), so degenerate problems do not cycle. Arithmetic is exact
(Fractions) or floating point.

Examples
--------
>>> from fractions import Fraction
>>> lemke([[2, 1], [1, 2]], [-5, -6], exact=True)
[Fraction(4, 3), Fraction(7, 3)]
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["RayTermination", "lemke"]


class RayTermination(RuntimeError):
    """Lemke's algorithm ended on a secondary ray: it found no solution (the problem may have none)."""


def lemke(M: Sequence[Sequence[Any]], q: Sequence[Any], d: Sequence[Any] | None = None, *, exact: bool = False,
          max_pivots: int = 100_000, eps: float = 1e-11) -> list[Any]:
    """A solution ``z`` of the LCP ``w = q + M z >= 0``, ``z >= 0``, ``z . w = 0`` by Lemke's algorithm.

    Parameters
    ----------
    M : square matrix
    q : vector
    d : vector, optional
        The covering vector (positive); default all ones.
    exact : bool
        Pivot in Fractions (the answer is exact) instead of floats.
    max_pivots : int
        Give up (``RuntimeError``) after this many pivots.
    eps : float
        Float pivots smaller than this count as zero (floats only).

    Returns
    -------
    list
        ``z`` (Fractions when ``exact``).

    Raises
    ------
    RayTermination
        When the path ends on a ray (no solution found).

    Examples
    --------
    >>> lemke([[1, 0], [0, 1]], [1, -2])
    [0.0, 2.0]
    >>> lemke([[0, -1], [-1, 0]], [-1, -1], exact=True)
    Traceback (most recent call last):
    ...
    games.lemke.RayTermination: Lemke's algorithm ended on a ray after 2 pivot(s): no solution was found
    """
    n = len(q)
    dtype = object if exact else float
    conv = Fraction if exact else float
    M = np.array([[conv(v) for v in row] for row in M], dtype=dtype).reshape(n, n)
    qv = np.array([conv(v) for v in q], dtype=dtype)
    dv = np.array([conv(v) for v in (d if d is not None else [1] * n)], dtype=dtype)
    if any(v <= 0 for v in dv):
        raise ValueError("d (the covering vector) must be positive")
    if all(v >= 0 for v in qv):
        return [conv(0)] * n
    # tableau of  w - M z - d z0 = q : columns w (0..n-1), z (n..2n-1), z0 (2n), right-hand side (2n+1)
    T = np.zeros((n, 2 * n + 2), dtype=dtype)
    if exact:
        T[:] = Fraction(0)
    T[:, :n] = np.eye(n, dtype=int).astype(dtype) if not exact else \
        np.array([[Fraction(int(i == j)) for j in range(n)] for i in range(n)], dtype=object)
    T[:, n:2 * n] = -M
    T[:, 2 * n] = -dv
    T[:, 2 * n + 1] = qv
    basis = list(range(n))

    def lexmin(rows: list[int], denom: np.ndarray) -> int:
        cols = [2 * n + 1, *range(n)]
        for c in cols:
            ratios = [T[r, c] / denom[r] for r in rows]
            best = min(ratios)
            tol = 0 if exact else eps * max(1.0, abs(float(best)))
            rows = [r for r, v in zip(rows, ratios) if v <= best + tol]
            if len(rows) == 1:
                break
        return rows[0]

    def pivot(r: int, c: int) -> None:
        T[r, :] = T[r, :] / T[r, c]
        for k in np.flatnonzero(T[:, c]):
            if k != r:
                T[k, :] = T[k, :] - T[k, c] * T[r, :]
        basis[r] = c

    # z0 enters: the row whose (q_r, B^-1 row) / d_r is lexicographically smallest leaves
    r = lexmin(list(range(n)), -T[:, 2 * n])  # denominators d_r (the tableau holds -d)
    leaving = basis[r]
    pivot(r, 2 * n)
    for count in range(1, max_pivots + 1):
        entering = leaving + n if leaving < n else leaving - n
        col = T[:, entering]
        rows = [k for k in range(n) if (col[k] > 0 if exact else col[k] > eps)]
        if not rows:
            raise RayTermination(f"Lemke's algorithm ended on a ray after {count} pivot(s): no solution was found")
        r = lexmin(rows, col)
        leaving = basis[r]
        pivot(r, entering)
        if leaving == 2 * n:
            z = [conv(0)] * n
            for k, b in enumerate(basis):
                if n <= b < 2 * n:
                    z[b - n] = T[k, 2 * n + 1] if exact else max(float(T[k, 2 * n + 1]), 0.0)
            return z
    raise RuntimeError(f"Lemke's algorithm did not finish within max_pivots={max_pivots} pivots")
