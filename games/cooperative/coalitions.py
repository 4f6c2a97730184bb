"""Coalitions of a cooperative game: the checked conversion from member indices or labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Integral
from typing import Any

import numpy as np

__all__ = ["coalition_indices"]


def coalition_indices(coalition: Iterable[Any], players: Sequence[str]) -> frozenset[int]:
    """The indices of a coalition given as player indices or labels; out-of-range or unknown members refused.

    Parameters
    ----------
    coalition : iterable of int or str
        Player indices (``0`` to ``n - 1``) or labels.
    players : sequence of str
        The game's player labels.

    Returns
    -------
    frozenset of int

    Examples
    --------
    >>> sorted(coalition_indices([0, "C"], ["A", "B", "C"]))
    [0, 2]
    >>> coalition_indices([3], ["A", "B", "C"])
    Traceback (most recent call last):
    ...
    ValueError: coalition member 3 is out of range: indices run from 0 to 2
    """
    if isinstance(coalition, (str, bytes)):
        raise TypeError(f"coalition must be an iterable of player indices or labels; got the string {coalition!r}")
    try:
        members = list(coalition)
    except TypeError:
        raise TypeError(f"coalition must be an iterable of player indices or labels; got "
                        f"{type(coalition).__name__} {coalition!r}") from None
    n = len(players)
    out = set()
    for m in members:
        if isinstance(m, (bool, np.bool_)):
            raise TypeError(f"coalition members must be player indices or labels; got {m!r}")
        if isinstance(m, (Integral, np.integer)):
            if not 0 <= m < n:
                raise ValueError(f"coalition member {m} is out of range: indices run from 0 to {n - 1}")
            out.add(int(m))
        elif isinstance(m, str) and m in players:
            out.add(players.index(m))
        else:
            raise ValueError(f"coalition member {m!r} is neither a player index (0 to {n - 1}) nor a label "
                             f"({', '.join(players[:6])}{', ...' if n > 6 else ''})")
    return frozenset(out)
