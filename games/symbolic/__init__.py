"""Symbolic games: payoffs in named parameters, the conditions for each equilibrium, closed-form
mixed equilibria, regions of parameter space, and ``subs``/``lambdify`` to the numeric engine.

Examples
--------
>>> import sympy as sp
>>> from games.catalog import hawk_dove
>>> V, C = sp.symbols("V C", positive=True)
>>> hd = hawk_dove(V, C, symbolic=True)
>>> mixed, = hd.mixed_equilibria()
>>> mixed.profile[0][0], mixed.condition
(V/C, C > V)
"""

from .assumptions import Assumptions, ordering
from .classic import battle_of_the_sexes, hawk_dove, matching_pennies, prisoners_dilemma
from .equilibria import SymbolicEquilibrium
from .game import SymbolicGame
from .regions import RegionMap

__all__ = [
    "Assumptions",
    "RegionMap",
    "SymbolicEquilibrium",
    "SymbolicGame",
    "battle_of_the_sexes",
    "hawk_dove",
    "matching_pennies",
    "ordering",
    "prisoners_dilemma",
]
