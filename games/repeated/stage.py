"""The stage game of a repeated game: any 2x2 two-player game the package can build, as one payoff array.

:func:`stage_payoffs` is the one converter every function of :mod:`games.repeated` applies to its
stage game. Action 0 of each player is the cooperative action (the first label), action 1 the
defection; the classic stage games themselves are built by :mod:`games.catalog`. The builders and
number helpers that used to live here are kept as deprecated aliases for one release.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from ..normal_form import NormalFormGame
from ..numeric import number_kind as _number_kind
from ..numeric import to_number

__all__ = ["as_stage", "donation_game", "number_kind", "prisoners_dilemma", "stag_hunt", "stage_payoffs", "to_exact"]


def stage_payoffs(game: Any, name: str = "stage") -> np.ndarray:
    """A 2x2 stage game as an object array ``u[a1, a2, player]`` of shape ``(2, 2, 2)``.

    Parameters
    ----------
    game : NormalFormGame, SymbolicGame or array_like (2, 2, 2)
        A two-player game with two actions each (action 0 = cooperate), or its payoff array holding
        numbers or sympy expressions.
    name : str
        The argument's name in error messages.

    Returns
    -------
    numpy.ndarray of object, shape (2, 2, 2)
        Entries as :func:`games.numeric.to_number` gives them: Fractions (ints, Fractions, sympy
        rationals), floats, or sympy expressions (with symbols).

    Examples
    --------
    >>> from games.catalog import prisoners_dilemma
    >>> u = stage_payoffs(prisoners_dilemma())
    >>> u[1, 0].tolist()          # row defects against a cooperator: (T, S)
    [Fraction(5, 1), Fraction(0, 1)]
    >>> stage_payoffs(prisoners_dilemma(symbolic=True))[1, 0].tolist()
    [T, S]
    >>> stage_payoffs(np.zeros((3, 3, 2)))
    Traceback (most recent call last):
    ...
    ValueError: stage must be a 2x2 two-player game (payoff array of shape (2, 2, 2)); got shape (3, 3, 2)
    """
    from ..symbolic.game import SymbolicGame

    if isinstance(game, (NormalFormGame, SymbolicGame)):
        if game.num_players != 2 or game.shape != (2, 2):
            raise ValueError(f"{name} must be a 2x2 two-player game; got a {game.num_players}-player game of "
                             f"shape {game.shape}")
        if isinstance(game, SymbolicGame):
            raw = game.payoffs
        else:
            raw = game.exact_payoffs if game.has_exact_payoffs else game.payoffs
    else:
        try:
            raw = np.asarray(game, dtype=object)
        except ValueError as exc:
            raise ValueError(f"{name} must be a 2x2 two-player game or a (2, 2, 2) payoff array; got a ragged "
                             "sequence") from exc
        if raw.shape != (2, 2, 2):
            raise ValueError(f"{name} must be a 2x2 two-player game (payoff array of shape (2, 2, 2)); got shape "
                             f"{raw.shape}")
    out = np.empty((2, 2, 2), dtype=object)
    for idx, v in np.ndenumerate(raw):
        out[idx] = to_number(v, f"{name} payoff {idx}")
    return out


# ------------------------------------------------------------------------------ deprecated aliases
def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"games.repeated.{old} is deprecated; use {new}", DeprecationWarning, stacklevel=3)


def as_stage(stage: Any) -> np.ndarray:
    """Deprecated alias of :func:`stage_payoffs`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     as_stage([[[3, 3], [0, 5]], [[5, 0], [1, 1]]])[0, 1].tolist()
    [Fraction(0, 1), Fraction(5, 1)]
    """
    _deprecated("stage.as_stage", "games.repeated.stage_payoffs")
    return stage_payoffs(stage)


def to_exact(v: Any, name: str) -> Any:
    """Deprecated alias of :func:`games.numeric.to_number`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     to_exact(3, "x"), to_exact(0.5, "x")
    (Fraction(3, 1), 0.5)
    """
    _deprecated("stage.to_exact", "games.numeric.to_number")
    return to_number(v, name)


def number_kind(values: Any) -> str:
    """Deprecated alias of :func:`games.numeric.number_kind`.

    Examples
    --------
    >>> import warnings
    >>> from fractions import Fraction
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     number_kind([Fraction(1), 2.0])
    'float'
    """
    _deprecated("stage.number_kind", "games.numeric.number_kind")
    return _number_kind(values)


def prisoners_dilemma(T: Any = 5, R: Any = 3, P: Any = 1, S: Any = 0) -> Any:
    """Deprecated alias of :func:`games.catalog.prisoners_dilemma` with ``iterated=False`` (labels ``C``, ``D``).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     prisoners_dilemma().payoffs[0, 1].tolist()
    [0.0, 5.0]
    """
    from .. import catalog

    _deprecated("prisoners_dilemma", "games.catalog.prisoners_dilemma")
    return catalog.prisoners_dilemma(T, R, P, S, iterated=False)


def stag_hunt(R: Any = 4, T: Any = 3, P: Any = 2, S: Any = 0) -> Any:
    """Deprecated alias of :func:`games.catalog.stag_hunt`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     stag_hunt().payoffs[0, 0].tolist()
    [4.0, 4.0]
    """
    from .. import catalog

    _deprecated("stag_hunt", "games.catalog.stag_hunt")
    return catalog.stag_hunt(R, T, P, S)


def donation_game(b: Any = 3, c: Any = 1) -> Any:
    """Deprecated alias of :func:`games.catalog.donation_game`.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     donation_game(3, 1).payoffs[0, 1].tolist()
    [-1.0, 3.0]
    """
    from .. import catalog

    _deprecated("donation_game", "games.catalog.donation_game")
    return catalog.donation_game(b, c)
