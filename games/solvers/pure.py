"""Pure-strategy equilibria of N-player games by vectorised best-response checks."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from ..equilibrium import Equilibrium, EquilibriumSet
from ..normal_form import NormalFormGame
from ..validation import check_positive_int
from .registry import register_solver

__all__ = ["MAX_PURE_EQUILIBRIA", "pure_equilibria", "pure_nash_mask", "pure_regrets"]

#: Refuse to list more pure equilibria than this (an all-zero game of 20 players has a million).
MAX_PURE_EQUILIBRIA = 100_000


def pure_regrets(payoffs: np.ndarray) -> np.ndarray:
    """The regret of every pure profile: the largest gain any player gets by deviating alone.

    Works on one payoff array ``(n_1, ..., n_N, N)`` (floats, or Fractions for exact regrets); one ``max``
    per player, no loop over profiles.

    Examples
    --------
    >>> pd = np.array([[[3, 3], [0, 5]], [[5, 0], [1, 1]]])
    >>> pure_regrets(pd).tolist()
    [[2, 1], [1, 0]]
    """
    out = None
    for i in range(payoffs.ndim - 1):
        u = payoffs[..., i]
        gain = u.max(axis=i, keepdims=True) - u
        out = gain if out is None else np.maximum(out, gain)
    return out


def pure_nash_mask(payoffs: np.ndarray, abs_tol: float = 0.0) -> np.ndarray:
    """Boolean array over pure profiles: True where no player gains more than ``abs_tol`` by deviating.

    Examples
    --------
    >>> pd = np.array([[[3, 3], [0, 5]], [[5, 0], [1, 1]]])
    >>> np.argwhere(pure_nash_mask(pd)).tolist()
    [[1, 1]]
    """
    return np.asarray(pure_regrets(payoffs) <= abs_tol, dtype=bool)


@register_solver("pure", game_type=NormalFormGame, rank=40, finds="all pure", exact=True, tol_zero=True,
                 auto=lambda game: game.num_players != 2,
                 summary="vectorised best-response checks over the payoff table")
def pure_equilibria(game: NormalFormGame, *, tol: float = 1e-9, exact: bool = False,
                    max_equilibria: int = MAX_PURE_EQUILIBRIA) -> EquilibriumSet:
    """All pure Nash equilibria of ``game`` (any number of players).

    Each one's regret is computed from the payoff table (the largest gain of a unilateral deviation) and
    checked against ``tol`` (relative to ``game.payoff_scale``; exactly 0 when ``exact``).

    Parameters
    ----------
    max_equilibria : int
        Refuse games with more pure equilibria than this (their boolean array is
        :func:`pure_nash_mask`).

    Examples
    --------
    >>> from games import NormalFormGame
    >>> stag = NormalFormGame.from_bimatrix([[4, 0], [3, 3]], [[4, 3], [0, 3]])
    >>> [eq.pure_actions() for eq in pure_equilibria(stag)]
    [('a1', 'b1'), ('a2', 'b2')]
    """
    max_equilibria = check_positive_int(max_equilibria, "max_equilibria")
    table = game.exact_payoffs if exact else game.payoffs
    checked = game if exact else game.float_safe()  # an overflowing range: compare on payoffs / 4
    abs_tol = 0.0 if exact else tol * checked.payoff_scale
    regrets = pure_regrets(table if exact else checked.payoffs)
    found = np.argwhere(regrets <= abs_tol)
    if len(found) > max_equilibria:
        raise ValueError(f"this game has {len(found)} pure equilibria, more than max_equilibria={max_equilibria}; "
                         "games.solvers.pure.pure_nash_mask(game.payoffs, tol * game.payoff_scale) gives them as one "
                         "boolean array over the profiles")
    items = []
    kind = object if exact else float
    for idx in map(tuple, found.tolist()):
        r = regrets[idx]
        profile = []
        for i, a in enumerate(idx):
            v = np.zeros(game.shape[i], dtype=kind)
            v[:] = 0
            v[a] = 1
            profile.append(v)
        items.append(Equilibrium(profile=tuple(profile), payoffs=np.array(table[idx]),
                                 regret=Fraction(r) if exact else float(max(r, 0.0)), method="pure",
                                 exact=exact, tol=abs_tol, labels=game.actions))
    note = ("one player: the pure maximisers (the extreme points of the optimal mixed strategies)"
            if game.num_players == 1 else "pure equilibria only; mixed equilibria are not searched")
    return EquilibriumSet(items, method="pure", complete=True, note=note)
