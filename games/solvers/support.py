"""Support enumeration for bimatrix games (equal-size supports; complete for non-degenerate games).

For every pair of supports ``I`` (rows) and ``J`` (columns) of the same size ``k``, solve the
indifference equations: ``y`` on ``J`` makes the row player indifferent among ``I``, and ``x`` on ``I``
the column player among ``J`` (Nisan et al. 2007, Algorithm 3.4; von Stengel 2002, Sec. 2.3). All the
``(I, J)`` pairs of one size are solved as one batch of linear systems. A candidate whose
probabilities are negative beyond ``tol`` is dropped, the others are verified against the game.

Degenerate games can have equilibria whose supports differ in size, or continua of them: this
method then misses equilibria (use vertex enumeration).
"""

from __future__ import annotations

import itertools

import numpy as np

from ..equilibrium import EquilibriumSet, verify
from ..normal_form import NormalFormGame
from ..validation import check_positive_int
from .bimatrix import positive_bimatrix
from .registry import register_solver
from .vertex import DEFAULT_MAX_BASES, check_size, geometry_tol

__all__ = ["support_enumeration", "support"]


def _indifferent(M: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each support pair, the mixture on ``cols`` that makes ``rows`` of ``M`` pay the same.

    Solves ``[M_IJ, -1; 1, 0] [z; v] = [0; 1]`` per pair; returns the solutions ``z`` (k entries per pair)
    and a mask of the pairs whose system is non-singular.
    """
    k = rows.shape[1]
    sub = M[rows[:, :, None], cols[:, None, :]]  # (pairs, k, k)
    system = np.zeros((len(rows), k + 1, k + 1))
    system[:, :k, :k] = sub
    system[:, :k, k] = -1.0
    system[:, k, :k] = 1.0
    rhs = np.zeros((len(rows), k + 1))
    rhs[:, k] = 1.0
    ok = np.abs(np.linalg.det(system)) > 1e-12
    z = np.full((len(rows), k), np.nan)
    if np.any(ok):
        z[ok] = np.linalg.solve(system[ok], rhs[ok][..., None])[:, :k, 0]
    return z, ok


def support_enumeration(game: NormalFormGame, *, tol: float = 1e-9) -> EquilibriumSet:
    """Equilibria on supports of equal size, each verified (every equilibrium of a non-degenerate game).

    Use through :func:`games.equilibria` with ``method="support"``.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> bos = NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> [eq.profile[0].round(4).tolist() for eq in support_enumeration(bos)]
    [[1.0, 0.0], [0.0, 1.0], [0.6667, 0.3333]]
    """
    a, b = positive_bimatrix(game, exact=False)
    m, n = a.shape
    geo = geometry_tol(tol)  # how negative a solved probability may be (tol itself only bounds the regret)
    items = []
    for k in range(1, min(m, n) + 1):
        pairs = [(r, c) for r in itertools.combinations(range(m), k) for c in itertools.combinations(range(n), k)]
        rows = np.array([p[0] for p in pairs], dtype=np.intp).reshape(-1, k)
        cols = np.array([p[1] for p in pairs], dtype=np.intp).reshape(-1, k)
        y, ok_y = _indifferent(a, rows, cols)
        x, ok_x = _indifferent(b.T, cols, rows)
        keep = ok_x & ok_y & np.all(x >= -geo, axis=1) & np.all(y >= -geo, axis=1)
        for p in np.flatnonzero(keep):
            xs, ys = np.zeros(m), np.zeros(n)
            xs[rows[p]] = np.clip(x[p], 0.0, None)
            ys[cols[p]] = np.clip(y[p], 0.0, None)
            # a candidate that is not an equilibrium (a better reply outside the support) is simply
            # not one of the answers: the best-reply check is part of the method
            eq = verify(game, [xs / xs.sum(), ys / ys.sum()], "support", tol)
            if eq is not None and not any(eq.approx_equal(o) for o in items):
                items.append(eq)
    return EquilibriumSet(items, method="support", complete=False,
                          note="support enumeration (equal-size supports): every equilibrium of a "
                               "non-degenerate game; misses equilibria of degenerate ones")


@register_solver("support", game_type=NormalFormGame, rank=30, finds="all if non-degenerate", players=(2, 2),
                 summary="batched support enumeration on equal-size supports (complete for non-degenerate games "
                         "only; for comparison)")
def support(game: NormalFormGame, *, tol: float = 1e-9, exact: bool = False,
            max_bases: int = DEFAULT_MAX_BASES) -> EquilibriumSet:
    """:func:`support_enumeration` behind the registry: refuses games with more than ``max_bases`` support pairs.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> len(support(NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])))
    3
    """
    if exact:
        raise ValueError("method='support' has no exact mode; use method='vertex' with exact=True")
    check_size(*game.shape, check_positive_int(max_bases, "max_bases"))
    return support_enumeration(game, tol=tol)
