"""The two payoff matrices of a bimatrix game as the positive matrices the best-response polytopes need."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..normal_form import NormalFormGame

__all__ = ["positive_bimatrix"]


def positive_bimatrix(game: NormalFormGame, exact: bool) -> tuple[np.ndarray, np.ndarray]:
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
    if not exact:
        per_player = np.moveaxis(game.payoffs, -1, 0)          # (2, m, n)
        lo, hi = per_player.min(axis=(1, 2)), per_player.max(axis=(1, 2))
        with np.errstate(over="ignore"):
            span = hi - lo
        if np.all(np.isfinite(span)):                           # the usual case, in four array operations
            span[span == 0] = 1.0
            out = (per_player - lo[:, None, None]) / span[:, None, None] + 1.0
            return out[0], out[1]
    table = game.exact_payoffs if exact else game.payoffs
    out = []
    for M in (table[..., 0], table[..., 1]):
        with np.errstate(over="ignore"):
            overflows = not exact and not np.isfinite(M.max() - M.min())
        if overflows:
            M = M / 4.0  # a range that overflows floats (payoffs near +-1e308): same equilibria, finite range
        span = M.max() - M.min()
        if span == 0:
            span = Fraction(1) if exact else 1.0
        out.append((M - M.min()) / span + (Fraction(1) if exact else 1.0))
    return out[0], out[1]
