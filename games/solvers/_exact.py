"""Exact rational linear algebra (Gauss–Jordan on Fractions) for the exact solver paths."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Sequence

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..normal_form import NormalFormGame

__all__ = ["solve_exact", "positive_bimatrix"]


def positive_bimatrix(game: "NormalFormGame", exact: bool) -> tuple[np.ndarray, np.ndarray]:
    """The two payoff matrices rescaled to ``[1, 2]`` (``1 + (M - min M) / range M``).

    A positive affine change of a player's payoffs leaves the equilibria unchanged, makes every payoff
    positive (as the best-response polytopes need) and keeps the float arithmetic well conditioned
    whatever the payoffs' magnitude. Exact (Fractions) when ``exact``.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> a, b = positive_bimatrix(NormalFormGame.from_bimatrix([[0, 10], [20, 40]]), exact=True)
    >>> [str(v) for v in a.ravel()], [str(v) for v in b.ravel()]
    (['1', '5/4', '3/2', '2'], ['2', '7/4', '3/2', '1'])
    """
    table = game.exact_payoffs if exact else game.payoffs
    out = []
    for M in (table[..., 0], table[..., 1]):
        span = M.max() - M.min()
        if span == 0:
            span = Fraction(1) if exact else 1.0
        out.append((M - M.min()) / span + (Fraction(1) if exact else 1.0))
    return out[0], out[1]


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
