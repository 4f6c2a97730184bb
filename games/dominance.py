"""Iterated elimination of strictly dominated strategies (pure and mixed dominators).

An action is eliminated only when its dominance is certain: in a float game the dominator must beat it
by more than ``tol`` times the player's payoff range in every column (so round-off such as
``0.1 + 0.2 > 0.3`` never removes an action), and in an exact game (ints, Fractions) the dominance is
checked in rational arithmetic, the mixed dominator found by linear programming included.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
from scipy.optimize import linprog

from .validation import check_tolerance

if TYPE_CHECKING:  # pragma: no cover
    from .normal_form import NormalFormGame

__all__ = ["dominated_actions", "iterated_elimination"]


def _player_matrix(game: NormalFormGame, player: int, exact: bool) -> np.ndarray:
    """Player's payoffs as a matrix: one row per own action, one column per opponents' profile."""
    table = game.exact_payoffs if exact else game.payoffs
    u = np.moveaxis(table[..., player], player, 0)
    return u.reshape(game.shape[player], -1)


def _mixed_dominator(u: np.ndarray, a: int, others: list[int]) -> tuple[np.ndarray, float] | None:
    """LP on the payoffs scaled to [0, 1]: the mix of ``others`` that beats row ``a`` by the largest margin.

    maximise eps subject to sum_k s_k u[k, c] - u[a, c] >= eps for all columns c, s in the simplex.
    Returns the mix and the margin (in units of the payoff range), or None when the LP fails.
    """
    low, span = float(u.min()), float(np.ptp(u))
    v = (u - low) / (span if span > 0 else 1.0)
    k, c = len(others), v.shape[1]
    cost = np.zeros(k + 1)
    cost[-1] = -1.0
    a_ub = np.hstack([-v[others].T, np.ones((c, 1))])
    a_eq = np.hstack([np.ones((1, k)), np.zeros((1, 1))])
    res = linprog(cost, A_ub=a_ub, b_ub=-v[a], A_eq=a_eq, b_eq=[1.0],
                  bounds=[(0, None)] * k + [(None, None)], method="highs")
    if res.status != 0:  # pragma: no cover - the LP is always feasible and bounded
        return None
    return np.clip(res.x[:k], 0.0, None), -float(res.fun)


def _dominated_by_mixed(u: np.ndarray, exact_u: np.ndarray | None, a: int, tol: float) -> bool:
    """Is row ``a`` strictly dominated by a mix of the other rows (certainly, see the module docstring)?"""
    others = [k for k in range(u.shape[0]) if k != a]
    if not others:
        return False
    found = _mixed_dominator(u, a, others)
    if found is None:  # pragma: no cover
        return False
    mix, margin = found
    if exact_u is None:
        return margin > tol
    if margin < -1e-9 or mix.sum() <= 0:
        return False
    # confirm exactly with the LP's mix read as a rational vector
    weights = [Fraction(float(w)) for w in mix]
    total = sum(weights)
    weights = [w / total for w in weights]
    combo = sum(w * exact_u[k] for w, k in zip(weights, others))
    return all(x > y for x, y in zip(combo, exact_u[a]))


def dominated_actions(game: NormalFormGame, player: int, mixed: bool = False, tol: float = 1e-9) -> np.ndarray:
    """Indices of ``player``'s actions that are strictly dominated in ``game`` (one round).

    Parameters
    ----------
    mixed : bool
        Also look for mixed dominators (linear programming).
    tol : float
        In a float game a dominator must win by more than ``tol`` times the player's payoff range in every
        column; exact games are decided exactly.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> g = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> dominated_actions(g, 0).tolist()
    [0]
    >>> tie = NormalFormGame.from_bimatrix([[0.1 + 0.2, 0.4 + 0.2], [0.3, 0.6]])   # equal up to round-off
    >>> dominated_actions(tie, 0).tolist()
    []
    """
    if not isinstance(mixed, (bool, np.bool_)):
        raise TypeError(f"mixed must be True or False; got {mixed!r}")
    tol = check_tolerance(tol)
    exact = game.has_exact_payoffs
    u = _player_matrix(game, player, exact=False)
    exact_u = _player_matrix(game, player, exact=True) if exact else None
    span = float(np.ptp(u))
    margin = 0 if exact else tol * (span if span > 0 else 1.0)
    table = exact_u if exact else u
    out = []
    for a in range(u.shape[0]):
        # pure dominators: another row above row a by more than the margin in every column
        if (any(np.all(table[b] - table[a] > margin) for b in range(u.shape[0]) if b != a)
                or mixed and _dominated_by_mixed(u, exact_u, a, tol)):
            out.append(a)
    return np.array(out, dtype=int)


def iterated_elimination(game: NormalFormGame, mixed: bool = False, tol: float = 1e-9):
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
            dom = dominated_actions(current, i, mixed=mixed, tol=tol)
            if dom.size and dom.size < current.shape[i]:
                keep_local = np.setdiff1d(np.arange(current.shape[i]), dom)
                kept[i] = kept[i][keep_local]
                current = game.restrict(kept)
                changed = True
        if not changed:
            return current, tuple(kept)
