"""Pure-strategy equilibria of N-player games by vectorised best-response checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..equilibrium import EquilibriumSet, verify

if TYPE_CHECKING:  # pragma: no cover
    from ..normal_form import NormalFormGame

__all__ = ["pure_equilibria", "pure_nash_mask"]


def pure_nash_mask(payoffs: np.ndarray, abs_tol: float = 0.0) -> np.ndarray:
    """Boolean array over pure profiles: True where no player gains more than ``abs_tol`` by deviating.

    Works on one payoff array ``(n_1, ..., n_N, N)``; one ``max`` per player, no loop over profiles.

    Examples
    --------
    >>> pd = np.array([[[3, 3], [0, 5]], [[5, 0], [1, 1]]])
    >>> np.argwhere(pure_nash_mask(pd)).tolist()
    [[1, 1]]
    """
    n = payoffs.ndim - 1
    ok = np.ones(payoffs.shape[:-1], dtype=bool)
    for i in range(n):
        u = payoffs[..., i]
        ok &= u >= u.max(axis=i, keepdims=True) - abs_tol
    return ok


def pure_equilibria(game: "NormalFormGame", *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """All pure Nash equilibria of ``game`` (any number of players).

    Examples
    --------
    >>> from games import NormalFormGame
    >>> stag = NormalFormGame.from_bimatrix([[4, 0], [3, 3]], [[4, 3], [0, 3]])
    >>> [eq.pure_actions() for eq in pure_equilibria(stag)]
    [('a1', 'b1'), ('a2', 'b2')]
    """
    if exact:
        table = game.exact_payoffs
        mask = pure_nash_mask(table, 0)
    else:
        mask = pure_nash_mask(game.payoffs, tol * game.payoff_scale)
    items, rejected = [], 0
    for idx in np.argwhere(mask):
        prof = game.pure_profile([int(a) for a in idx])
        if not exact:
            prof = [v.astype(float) for v in prof]
        eq = verify(game, prof, "pure", tol, exact=exact)
        if eq is None:
            rejected += 1
        else:
            items.append(eq)
    return EquilibriumSet(items, method="pure", complete=True, rejected=rejected,
                          note="pure equilibria only; mixed equilibria are not searched")
