"""Two-player zero-sum games: the value and optimal (maximin) strategies by linear programming."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

from ..equilibrium import EquilibriumSet, verify
from ..normal_form import NormalFormGame
from .registry import register_solver

__all__ = ["maximin", "zero_sum"]


def maximin(A: np.ndarray) -> tuple[np.ndarray, float]:
    """The row player's maximin strategy and the value of the zero-sum game with row payoffs ``A``.

    Solves ``max v`` subject to ``A^T x >= v``, ``x`` in the simplex (scipy HiGHS).

    Examples
    --------
    >>> x, v = maximin(np.array([[1.0, -1.0], [-1.0, 1.0]]))
    >>> x.round(6).tolist(), round(v, 9)
    ([0.5, 0.5], 0.0)
    """
    m, n = A.shape
    cost = np.zeros(m + 1)
    cost[-1] = -1.0
    a_ub = np.hstack([-A.T, np.ones((n, 1))])
    a_eq = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    res = linprog(cost, A_ub=a_ub, b_ub=np.zeros(n), A_eq=a_eq, b_eq=[1.0],
                  bounds=[(0, None)] * m + [(None, None)], method="highs")
    if res.status != 0:  # pragma: no cover - a finite zero-sum game always has a value
        raise RuntimeError(f"linear program failed: {res.message}")
    x = np.clip(res.x[:m], 0, None)
    return x / x.sum(), float(res.x[-1])


@register_solver("zero-sum", game_type=NormalFormGame, rank=20, finds="optimal", players=(2, 2), exact=True,
                 summary="linear programming on a rescaled game (constant-sum games too)")
def zero_sum(game: NormalFormGame, *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """The value and a pair of optimal strategies of a two-player zero-sum game.

    A constant-sum game (``A + B = c`` at every profile) is strategically zero-sum and solved alike; its
    value is the row player's payoff. With ``exact=True`` the game must be exactly constant-sum and the
    optimal strategies are the extreme equilibria from exact vertex enumeration (every one of them
    attains the value).

    Examples
    --------
    >>> from games import NormalFormGame
    >>> rps = NormalFormGame.from_bimatrix([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    >>> res = zero_sum(rps, exact=True)
    >>> res.value, [str(p) for p in res[0].profile[0]]
    (Fraction(0, 1), ['1/3', '1/3', '1/3'])
    """
    if game.num_players != 2:
        raise ValueError(f"method='zero-sum' needs a 2-player game; this game has {game.num_players}")
    if exact and not _exactly_constant_sum(game):
        raise ValueError("method='zero-sum' with exact=True needs an exactly zero-sum (or constant-sum) game: "
                         "A + B must take one value at every profile; use method='vertex' with exact=True")
    safe = game.float_safe()
    if not (game.is_zero_sum(tol) or _spread_of_sums(safe) <= tol * safe.payoff_scale):
        raise ValueError("method='zero-sum' needs a zero-sum game (A + B == 0 at every profile) or a constant-sum "
                         "one; use method='vertex' or method='lemke-howson' for general games")
    if exact:
        from .vertex import vertex_enumeration

        eqs = vertex_enumeration(game, tol=tol, exact=True)
        return EquilibriumSet(list(eqs), method="zero-sum", complete=True, degenerate=eqs.degenerate,
                              components=eqs.components, value=eqs[0].payoffs[0],
                              note="exact: the extreme optimal strategy pairs")
    # the LP solver's tolerances are absolute: solve on the row payoffs rescaled to [0, 1] (same optimal
    # strategies), so a game multiplied by 1e-300 or 1e300 has the same answer
    A = safe.bimatrix[0]
    span = float(np.ptp(A)) or 1.0
    A = (A - A.min()) / span
    x, _ = maximin(A)
    y, _ = maximin(-A.T)
    eq = verify(game, [x, y], "zero-sum", tol)
    if eq is None:
        raise RuntimeError("the LP solution failed verification; retry with exact=True")
    return EquilibriumSet([eq], method="zero-sum", complete=False, value=float(eq.payoffs[0]),
                          note="one pair of optimal strategies (the value is unique)")


def _spread_of_sums(game: NormalFormGame) -> float:
    """The range of ``A + B`` over the profiles (0 for a constant-sum game)."""
    return float(np.ptp(game.payoffs.sum(axis=-1)))


def _exactly_constant_sum(game: NormalFormGame) -> bool:
    totals = game.exact_payoffs.sum(axis=-1).ravel()
    return all(t == totals[0] for t in totals)
