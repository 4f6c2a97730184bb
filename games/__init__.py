"""games: the engine of security-regimes.

Finite games (:class:`NormalFormGame`), verified equilibrium solvers (:func:`equilibria`), Gambit file
input/output (:mod:`games.io`) and parameter sweeps (:func:`sweep`). It knows nothing about security:
the essay's models live in :mod:`models` and build their games from here.

Examples
--------
>>> import games
>>> pd = games.NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
>>> [eq.pure_actions() for eq in games.equilibria(pd)]
[('a2', 'b2')]
"""

from importlib import import_module
from typing import Any

from .equilibrium import Equilibrium, EquilibriumSet, verify
from .normal_form import NormalFormGame
from .protocol import Game
from .solvers import equilibria, method_table, methods
from .sweep import (
    sweep,  # the function shadows the submodule's name on purpose: games.sweep(...) sweeps
)

# Names served lazily from their modules, so importing ``games`` stays fast and light.
_LAZY = {
    "batch_equilibria": "games.solvers.batch",
    "AnonymousGame": "games.anonymous",
    "ThresholdGame": "games.threshold",
    "GameTree": "games.extensive",
    "BayesianGame": "games.bayesian",
    "SymbolicGame": "games.symbolic",
    "read_nfg": "games.io",
    "write_nfg": "games.io",
    "CorrelatedEquilibrium": "games.correlated",
    "correlated_equilibrium": "games.correlated",
    "correlated_equilibrium_vertices": "games.correlated",
    "WeightedVotingGame": "games.cooperative",
    "TUGame": "games.cooperative",
    "CompoundVotingGame": "games.cooperative",
    "logit_qre": "games.qre",
    "logit_branch": "games.qre",
    "fit_logit_qre": "games.qre",
    "ExtensiveGame": "games.imperfect",
    "read_efg": "games.efg",
    "write_efg": "games.efg",
}

__all__ = ["Game", "NormalFormGame", "Equilibrium", "EquilibriumSet", "equilibria", "methods", "method_table", "verify",
           "sweep",
           *_LAZY]
__version__ = "0.1.0"


# Submodules reachable as attributes (``games.plot``, ``games.repeated`` ...) without importing each one.
_SUBMODULES = ("anonymous", "bayesian", "catalog", "catalog_trees", "cooperative", "correlated", "dominance", "efg",
               "evolution", "extensive", "group_dynamics", "imperfect", "io", "plot", "qre", "repeated",
               "sequence_form", "signals", "subgames", "symbolic", "threshold")


def __getattr__(name: str) -> Any:
    if name == "METHODS":
        import warnings

        warnings.warn("games.METHODS is deprecated; use games.methods() (per game type: games.methods(game))",
                      DeprecationWarning, stacklevel=2)
        return methods()
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return import_module(f"games.{name}")
    raise AttributeError(f"module 'games' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names and the submodules (``dir(games)`` lists ``plot``, ``repeated`` ... before they load)."""
    return sorted({*__all__, *_SUBMODULES, "__version__"})
