"""Deprecated: the textbook games with symbolic payoffs now live in :mod:`games.catalog`.

Each builder here warns :class:`DeprecationWarning` and returns the catalogue's game with
``symbolic=True`` and the labels this module used to give; they will be removed in the next release.
Use ``games.catalog.prisoners_dilemma(symbolic=True)`` and so on instead.
"""

from __future__ import annotations

import warnings
from typing import Any

from .. import catalog
from .game import SymbolicGame

__all__ = ["battle_of_the_sexes", "hawk_dove", "matching_pennies", "prisoners_dilemma"]


def _deprecated(name: str) -> None:
    warnings.warn(f"games.symbolic.{name} is deprecated; use games.catalog.{name}(..., symbolic=True)",
                  DeprecationWarning, stacklevel=3)


def prisoners_dilemma(T: Any = None, R: Any = None, P: Any = None, S: Any = None, *,
                      assume_order: bool = True) -> SymbolicGame:
    """Deprecated alias of ``games.catalog.prisoners_dilemma(..., iterated=False, symbolic=True)``.

    Without ``assume_order`` the game has no assumptions (no ordering of ``T, R, P, S``).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     pd = prisoners_dilemma()
    >>> pd.equilibrium_condition(["D", "D"]), pd.equilibrium_condition(["C", "C"])
    (True, False)
    """
    _deprecated("prisoners_dilemma")
    if assume_order:
        return catalog.prisoners_dilemma(T, R, P, S, iterated=False, symbolic=True)
    import sympy as sp

    vals = [sp.Symbol(n) if v is None else sp.sympify(v) for n, v in zip("TRPS", (T, R, P, S))]
    T, R, P, S = vals
    return SymbolicGame.symmetric([[R, S], [T, P]], players=catalog.PLAYERS, actions=[["C", "D"], ["C", "D"]],
                                  title="Prisoner's dilemma")


def hawk_dove(V: Any = None, C: Any = None) -> SymbolicGame:
    """Deprecated alias of ``games.catalog.hawk_dove(..., symbolic=True, actions=("H", "D"))``.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     hawk_dove().support_equilibria([["H", "D"], ["H", "D"]])[0].profile[0]
    (V/C, 1 - V/C)
    """
    _deprecated("hawk_dove")
    return catalog.hawk_dove(V, C, symbolic=True, actions=("H", "D"))


def battle_of_the_sexes(a: Any = None, b: Any = None) -> SymbolicGame:
    """Deprecated alias of ``games.catalog.battle_of_the_sexes(..., symbolic=True, actions=("X", "Y"))``.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     [eq.name for eq in battle_of_the_sexes().equilibria()]
    ['(X, X)', '(Y, Y)', '(mix(X,Y), mix(X,Y))']
    """
    _deprecated("battle_of_the_sexes")
    return catalog.battle_of_the_sexes(a, b, symbolic=True, actions=("X", "Y"))


def matching_pennies(a: Any = None) -> SymbolicGame:
    """Deprecated alias of ``games.catalog.matching_pennies(..., symbolic=True, actions=("H", "T"))``.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     [eq.profile for eq in matching_pennies().equilibria()]
    [((1/2, 1/2), (1/2, 1/2))]
    """
    _deprecated("matching_pennies")
    return catalog.matching_pennies(a, symbolic=True, actions=("H", "T"))
