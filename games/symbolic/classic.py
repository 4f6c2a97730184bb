"""Textbook games with symbolic payoffs: the families exercises and notebooks start from."""

from __future__ import annotations

from typing import Any

import sympy as sp

from .assumptions import ordering
from .game import SymbolicGame

__all__ = ["battle_of_the_sexes", "hawk_dove", "matching_pennies", "prisoners_dilemma"]


def prisoners_dilemma(T: Any = None, R: Any = None, P: Any = None, S: Any = None, *,
                      assume_order: bool = True) -> SymbolicGame:
    """The prisoner's dilemma: temptation ``T``, reward ``R``, punishment ``P``, sucker's payoff ``S``.

    Actions ``C`` (cooperate: restrain) and ``D`` (defect: arm). With ``assume_order`` the
    assumptions are ``T > R > P > S``. Missing arguments become symbols of the same name.

    Examples
    --------
    >>> pd = prisoners_dilemma()
    >>> pd.equilibrium_condition(["D", "D"]), pd.equilibrium_condition(["C", "C"])
    (True, False)
    >>> prisoners_dilemma(assume_order=False).equilibrium_condition(["C", "C"])
    R >= T
    """
    T, R, P, S = (sp.Symbol(n) if v is None else sp.sympify(v) for n, v in zip("TRPS", (T, R, P, S)))
    syms = [v for v in (T, R, P, S) if not v.is_number]
    return SymbolicGame.symmetric(
        [[R, S], [T, P]],
        assumptions=ordering(T, R, P, S) if assume_order and len(syms) > 1 else (),
        actions=[["C", "D"], ["C", "D"]],
        title="Prisoner's dilemma",
    )


def hawk_dove(V: Any = None, C: Any = None) -> SymbolicGame:
    """Hawk-dove (Maynard Smith and Price 1973): a prize ``V`` and a cost of fighting ``C``.

    Two hawks get ``(V - C)/2`` each, a hawk takes ``V`` from a dove, two doves share ``V/2``.
    Missing arguments become positive symbols.

    Examples
    --------
    >>> hawk_dove().support_equilibria([["H", "D"], ["H", "D"]])[0].profile[0]
    (V/C, 1 - V/C)
    """
    V = sp.Symbol("V", positive=True) if V is None else sp.sympify(V)
    C = sp.Symbol("C", positive=True) if C is None else sp.sympify(C)
    return SymbolicGame.symmetric([[(V - C) / 2, V], [0, V / 2]], actions=[["H", "D"], ["H", "D"]],
                                  title="Hawk-dove")


def battle_of_the_sexes(a: Any = None, b: Any = None) -> SymbolicGame:
    """Coordination with conflicting preferences: the row player prefers ``X`` (worth ``a``, the
    other ``b``), the column player ``Y``; miscoordination pays 0. Missing arguments become symbols
    with ``a > b > 0``.

    Examples
    --------
    >>> [eq.name for eq in battle_of_the_sexes().equilibria()]
    ['(X, X)', '(Y, Y)', '(mix(X,Y), mix(X,Y))']
    """
    sa = sp.Symbol("a") if a is None else sp.sympify(a)
    sb = sp.Symbol("b") if b is None else sp.sympify(b)
    assumptions = [r for r in ordering(sa, sb, 0) if r is not sp.true]
    return SymbolicGame.from_bimatrix([[sa, 0], [0, sb]], [[sb, 0], [0, sa]], assumptions=assumptions,
                                      actions=[["X", "Y"], ["X", "Y"]], title="Battle of the sexes")


def matching_pennies(a: Any = None) -> SymbolicGame:
    """Matching pennies with stake ``a`` (the row player wins on a match). Default: positive symbol.

    Examples
    --------
    >>> [eq.profile for eq in matching_pennies().equilibria()]
    [((1/2, 1/2), (1/2, 1/2))]
    """
    a = sp.Symbol("a", positive=True) if a is None else sp.sympify(a)
    return SymbolicGame.from_bimatrix([[a, -a], [-a, a]], actions=[["H", "T"], ["H", "T"]],
                                      title="Matching pennies")
