"""One entry point for equilibrium computation: :func:`equilibria`.

Every equilibrium any method returns has been verified against the game (its regret computed); a
candidate that fails is dropped and counted in ``EquilibriumSet.rejected``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..equilibrium import EquilibriumSet, verify
from ..validation import canonical_choice, check_positive_int, check_tolerance
from .enumeration import DEFAULT_MAX_VERTICES, hull_equilibria
from .lemke_howson import lemke_howson
from .pure import pure_equilibria
from .support import support_enumeration
from .vertex import DEFAULT_MAX_BASES, check_size, count_bases, vertex_enumeration
from .zero_sum import zero_sum

if TYPE_CHECKING:  # pragma: no cover
    from ..normal_form import NormalFormGame

__all__ = ["METHODS", "equilibria"]

METHODS = ("auto", "vertex", "support", "lemke-howson", "zero-sum", "pure")

# From about 7x7 on, finding the polytopes' vertices through a convex hull beats trying every basis.
HULL_FROM_BASES = 2_000


def _exact_twin(game: NormalFormGame) -> NormalFormGame:
    """The game with its float payoffs read as their shortest decimals (0.1 -> 1/10), kept exactly."""
    from ..normal_form import NormalFormGame

    return NormalFormGame(game.exact_payoffs, players=game.players, actions=game.actions,
                          title=game.title, description=game.description)


def _one_player(game: NormalFormGame, tol: float, exact: bool) -> EquilibriumSet:
    eqs = pure_equilibria(game, tol=tol, exact=exact)
    eqs.note = "one player: the pure maximisers (the extreme points of the optimal mixed strategies)"
    return eqs


def equilibria(
    game: NormalFormGame,
    method: str = "auto",
    *,
    tol: float = 1e-9,
    exact: bool = False,
    label: int | None = 0,
    max_bases: int = DEFAULT_MAX_BASES,
    max_vertices: int = DEFAULT_MAX_VERTICES,
) -> EquilibriumSet:
    """Nash equilibria of a finite game, each verified against the game.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    method : {"auto", "vertex", "support", "lemke-howson", "zero-sum", "pure"}
        Case, surrounding spaces and ``_`` for ``-`` are ignored (``"Lemke_Howson"`` works).
        - ``"auto"``: ``"vertex"`` for two players, ``"pure"`` for one or for three and more players.
        - ``"vertex"``: every extreme equilibrium by vertex enumeration of the best-response polytopes
          (all equilibria of a non-degenerate game; the components are in ``.components``).
        - ``"support"``: support enumeration on equal-size supports (every equilibrium of a
          non-degenerate game, incomplete on degenerate games; for comparison).
        - ``"lemke-howson"``: one equilibrium from ``label``; ``label=None`` tries every label.
        - ``"zero-sum"``: value and optimal strategies by linear programming (constant-sum games too).
        - ``"pure"``: every pure equilibrium, any number of players.
    tol : float
        Verification tolerance, relative to the game's payoff range (``game.payoff_scale``): the largest
        regret an equilibrium may have. It does not loosen the solvers' own geometry, so a loose ``tol``
        admits no spurious equilibria. ``tol=0`` needs ``exact=True`` (floats cannot certify a regret of
        exactly zero for mixed equilibria), except with ``method="pure"``. Payoff differences below about
        ``1e-9`` of a player's payoff range are ties in floats: for payoffs spanning many orders of
        magnitude use ``exact=True``.
    exact : bool
        Rational arithmetic; profiles and payoffs are :class:`~fractions.Fraction` s and regret is 0.
        Float payoffs are read as their shortest decimal (``0.1`` as ``1/10``) and solved exactly.
    label : int or None
        Starting label for Lemke–Howson (rows ``0..m-1``, then columns).
    max_bases : int
        Work limit of basis-by-basis enumeration (small games, and ``method="support"``); larger games
        are refused at once with a suggestion.
    max_vertices : int
        Work limit of the convex-hull vertex enumeration that ``method="vertex"`` uses from about 7x7 on
        (:func:`games.solvers.enumeration.hull_equilibria`); larger games are refused at once.

    Returns
    -------
    EquilibriumSet
        A sequence of :class:`~games.equilibrium.Equilibrium`, with ``complete``, ``degenerate``,
        ``components``, ``rejected`` and ``value`` attributes.

    Examples
    --------
    >>> import games
    >>> hawk_dove = games.NormalFormGame.from_bimatrix([[-1, 4], [0, 2]], [[-1, 0], [4, 2]])
    >>> eqs = games.equilibria(hawk_dove, exact=True)
    >>> [[str(p) for p in eq.profile[0]] for eq in eqs]
    [['0', '1'], ['2/3', '1/3'], ['1', '0']]
    >>> games.equilibria(hawk_dove, method="simplex")
    Traceback (most recent call last):
    ...
    ValueError: method must be one of 'auto', 'vertex', 'support', 'lemke-howson', 'zero-sum', 'pure'; got 'simplex'
    """
    from ..normal_form import NormalFormGame

    if not isinstance(game, NormalFormGame):
        raise TypeError(f"game must be a NormalFormGame; got {type(game).__name__}")
    method = canonical_choice(method, "method", METHODS)
    tol = check_tolerance(tol)
    if not isinstance(exact, (bool, np.bool_)):
        raise TypeError(f"exact must be True or False; got {exact!r}")
    if label is not None and (isinstance(label, (bool, np.bool_)) or not isinstance(label, (int, np.integer))):
        raise TypeError(f"label must be an integer (a Lemke-Howson starting label) or None; "
                        f"got {type(label).__name__} {label!r}")
    max_bases = check_positive_int(max_bases, "max_bases")
    max_vertices = check_positive_int(max_vertices, "max_vertices")
    if exact and not game.has_exact_payoffs:
        game = _exact_twin(game)
    n = game.num_players
    if method == "auto":
        method = "vertex" if n == 2 else "pure"
    if method == "pure":
        return _one_player(game, tol, exact) if n == 1 else pure_equilibria(game, tol=tol, exact=exact)
    if n == 1:
        return _one_player(game, tol, exact)
    if n != 2:
        raise ValueError(f"method={method!r} needs a 2-player game; this game has {n} players "
                         "(use method='pure' for N-player games)")
    if tol == 0 and not exact:
        raise ValueError(f"tol=0 asks for a regret of exactly 0, which floating-point arithmetic cannot certify for "
                         f"mixed equilibria (method={method!r}); use exact=True for rational arithmetic, or a small "
                         "positive tol such as 1e-12 (method='pure' accepts tol=0)")
    if method == "vertex":
        if count_bases(*game.shape) > HULL_FROM_BASES and min(game.shape) >= 2:
            return hull_equilibria(game, tol=tol, exact=exact, max_vertices=max_vertices)
        return vertex_enumeration(game, tol=tol, exact=exact, max_bases=max_bases)
    if method == "support":
        if exact:
            raise ValueError("method='support' has no exact mode; use method='vertex' with exact=True")
        check_size(*game.shape, max_bases)
        return support_enumeration(game, tol=tol)
    if method == "lemke-howson":
        return lemke_howson(game, label=label, tol=tol, exact=exact)
    return zero_sum(game, tol=tol, exact=exact)
