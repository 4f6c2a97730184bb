"""Iterated elimination of strictly dominated strategies (pure and mixed dominators)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from scipy.optimize import linprog

if TYPE_CHECKING:  # pragma: no cover
    from .normal_form import NormalFormGame

__all__ = ["iterated_elimination", "dominated_actions"]


def _player_matrix(game: "NormalFormGame", player: int) -> np.ndarray:
    """Player's payoffs as a matrix: one row per own action, one column per opponents' profile."""
    u = np.moveaxis(game.payoffs[..., player], player, 0)
    return u.reshape(game.shape[player], -1)


def _dominated_by_mixed(u: np.ndarray, a: int, alive: np.ndarray) -> bool:
    """LP: is row ``a`` strictly dominated by a mix of the other rows in ``alive``?

    maximise eps subject to sum_k s_k u[k, c] - u[a, c] >= eps for all columns c, s in the simplex.
    """
    others = [k for k in np.flatnonzero(alive) if k != a]
    if not others:
        return False
    k, c = len(others), u.shape[1]
    # variables: s_1..s_k, eps ; minimise -eps
    cost = np.zeros(k + 1)
    cost[-1] = -1.0
    a_ub = np.hstack([-u[others].T, np.ones((c, 1))])
    b_ub = -u[a]
    a_eq = np.hstack([np.ones((1, k)), np.zeros((1, 1))])
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=[1.0],
                  bounds=[(0, None)] * k + [(None, None)], method="highs")
    scale = max(1.0, float(np.ptp(u)))
    return bool(res.status == 0 and -res.fun > 1e-9 * scale)


def dominated_actions(game: "NormalFormGame", player: int, mixed: bool = False) -> np.ndarray:
    """Indices of ``player``'s actions that are strictly dominated in ``game`` (one round).

    Examples
    --------
    >>> from games import NormalFormGame
    >>> g = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> dominated_actions(g, 0).tolist()
    [0]
    """
    u = _player_matrix(game, player)
    out = []
    alive = np.ones(u.shape[0], dtype=bool)
    for a in range(u.shape[0]):
        # pure dominators: every other row strictly above row a in every column
        if np.any(np.all(u > u[a], axis=1)):
            out.append(a)
        elif mixed and _dominated_by_mixed(u, a, alive):
            out.append(a)
    return np.array(out, dtype=int)


def iterated_elimination(game: "NormalFormGame", mixed: bool = False):
    """Remove strictly dominated actions until none is left; see ``NormalFormGame.eliminate_dominated``.

    The result does not depend on the order of elimination for strict dominance.

    Examples
    --------
    Row 3 is dominated only by the half-half mix of rows 1 and 2:

    >>> from games import NormalFormGame

    >>> g = NormalFormGame.from_bimatrix([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]])
    >>> [k.tolist() for k in iterated_elimination(g)[1]]
    [[0, 1, 2], [0, 1]]
    >>> [k.tolist() for k in iterated_elimination(g, mixed=True)[1]]
    [[0, 1], [0, 1]]
    """
    kept = [np.arange(n) for n in game.shape]
    current = game
    while True:
        changed = False
        for i in range(current.num_players):
            dom = dominated_actions(current, i, mixed=mixed)
            if dom.size and dom.size < current.shape[i]:
                keep_local = np.setdiff1d(np.arange(current.shape[i]), dom)
                kept[i] = kept[i][keep_local]
                current = game.restrict(kept)
                changed = True
        if not changed:
            return current, tuple(kept)
