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

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["RayTermination", "lemke"]


class RayTermination(RuntimeError):
    """Lemke's algorithm ended on a secondary ray: it found no solution (the problem may have none).

    Examples
    --------
    >>> issubclass(RayTermination, RuntimeError)
    True
    """


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
    if exact:
        Mf = [[Fraction(v) for v in row] for row in M]
        qf, df = [Fraction(v) for v in q], [Fraction(v) for v in (d if d is not None else [1] * n)]
        if len(Mf) != n or any(len(row) != n for row in Mf):
            raise ValueError(f"M must be {n} x {n} (as long as q)")
        if any(v <= 0 for v in df):
            raise ValueError("d (the covering vector) must be positive")
        if all(v >= 0 for v in qf):
            return [Fraction(0)] * n
        # fraction-free integer pivoting on the LCP scaled by the common denominator (w' = scale w is complementary
        # to z just as w): the tableau holds integers T with the true tableau T / det
        scale = math.lcm(*(v.denominator for v in (*qf, *df, *(x for row in Mf for x in row))))
        T = np.zeros((n, 2 * n + 2), dtype=object)
        T[:] = 0
        for i in range(n):
            T[i, i] = 1
            T[i, n:2 * n] = [int(-x * scale) for x in Mf[i]]
            T[i, 2 * n] = int(-df[i] * scale)
            T[i, 2 * n + 1] = int(qf[i] * scale)
        det = 1
    else:
        T = np.zeros((n, 2 * n + 2))
        Ma = np.asarray(M, dtype=float)
        if Ma.shape != (n, n):
            raise ValueError(f"M must be {n} x {n} (as long as q)")
        dv = np.asarray(d if d is not None else np.ones(n), dtype=float)
        if np.any(dv <= 0):
            raise ValueError("d (the covering vector) must be positive")
        if np.all(np.asarray(q, dtype=float) >= 0):
            return [0.0] * n
        T[:, :n] = np.eye(n)
        T[:, n:2 * n] = -Ma
        T[:, 2 * n] = -dv
        T[:, 2 * n + 1] = np.asarray(q, dtype=float)
        det = 1.0
    basis = list(range(n))

    def positive(v: Any) -> bool:
        return (v > 0) == (det > 0) and v != 0 if exact else v > eps

    def lexmin(rows: list[int], c: int) -> int:
        for j in (2 * n + 1, *range(n)):
            ratios = [Fraction(T[r, j], T[r, c]) if exact else T[r, j] / T[r, c] for r in rows]
            best = min(ratios)
            tol = 0 if exact else eps * max(1.0, abs(float(best)))
            rows = [r for r, v in zip(rows, ratios) if v <= best + tol]
            if len(rows) == 1:
                break
        return rows[0]

    def pivot(r: int, c: int) -> None:
        nonlocal det
        if exact:
            piv = T[r, c]
            row = T[r, :].copy()
            T[:, :] = (piv * T - np.outer(T[:, c], row)) // det
            T[r, :] = row
            det = piv
        else:
            T[r, :] = T[r, :] / T[r, c]
            for k in np.flatnonzero(T[:, c]):
                if k != r:
                    T[k, :] = T[k, :] - T[k, c] * T[r, :]
        basis[r] = c

    # z0 enters: the row with the lexicographically smallest (q_r, B^-1 row) / d_r leaves (the tableau holds -d,
    # so the ratios against the z0 column are the negatives: take the largest)
    rows = list(range(n))
    for j in (2 * n + 1, *range(n)):
        ratios = [Fraction(T[r, j], -T[r, 2 * n]) if exact else T[r, j] / -T[r, 2 * n] for r in rows]
        best = min(ratios)
        tol = 0 if exact else eps * max(1.0, abs(float(best)))
        rows = [r for r, v in zip(rows, ratios) if v <= best + tol]
        if len(rows) == 1:
            break
    r = rows[0]
    leaving = basis[r]
    pivot(r, 2 * n)
    for count in range(1, max_pivots + 1):
        entering = leaving + n if leaving < n else leaving - n
        rows = [k for k in range(n) if positive(T[k, entering])]
        if not rows:
            raise RayTermination(f"Lemke's algorithm ended on a ray after {count} pivot(s): no solution was found")
        r = lexmin(rows, entering)
        leaving = basis[r]
        pivot(r, entering)
        if leaving == 2 * n:
            z: list[Any] = [Fraction(0) if exact else 0.0] * n
            for k, b in enumerate(basis):
                if n <= b < 2 * n:
                    z[b - n] = Fraction(T[k, 2 * n + 1], det) if exact else max(float(T[k, 2 * n + 1]), 0.0)
            return z
    raise RuntimeError(f"Lemke's algorithm did not finish within max_pivots={max_pivots} pivots")
