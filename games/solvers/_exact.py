"""Exact rational linear algebra (Gauss–Jordan on Fractions) for the exact solver paths."""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

__all__ = ["solve_exact"]


def solve_exact(M: Sequence[Sequence[Fraction]], b: Sequence[Fraction]) -> list[Fraction] | None:
    """Solve ``M x = b`` exactly; ``None`` when ``M`` does not have full column rank or the system is inconsistent.

    ``M`` may have more rows than columns (a consistent over-determined system).

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> solve_exact([[F(2), F(1)], [F(1), F(3)]], [F(1), F(2)])
    [Fraction(1, 5), Fraction(3, 5)]
    >>> solve_exact([[F(1), F(1)], [F(2), F(2)]], [F(1), F(2)]) is None
    True
    """
    rows = [[Fraction(v) for v in r] + [Fraction(bi)] for r, bi in zip(M, b)]
    n_rows = len(rows)
    n_cols = len(rows[0]) - 1 if rows else 0
    pivot_row = 0
    pivots = []
    for col in range(n_cols):
        pr = next((r for r in range(pivot_row, n_rows) if rows[r][col] != 0), None)
        if pr is None:
            return None  # rank deficient in this column
        rows[pivot_row], rows[pr] = rows[pr], rows[pivot_row]
        piv = rows[pivot_row][col]
        rows[pivot_row] = [v / piv for v in rows[pivot_row]]
        for r in range(n_rows):
            if r != pivot_row and rows[r][col] != 0:
                f = rows[r][col]
                rows[r] = [a - f * c for a, c in zip(rows[r], rows[pivot_row])]
        pivots.append(col)
        pivot_row += 1
    # remaining rows must read 0 = 0
    for r in range(pivot_row, n_rows):
        if rows[r][-1] != 0:
            return None
    return [rows[k][-1] for k in range(n_cols)]
