"""One entry point for equilibrium computation: :func:`equilibria`, for every game type of the engine.

Methods register themselves (:mod:`games.solvers.registry`) with what they can do; :func:`equilibria`
checks the common arguments once, looks the method up by the game's type and hands over. Every
equilibrium any method returns has been verified against the game (its regret computed); a candidate that
fails is dropped and counted in ``EquilibriumSet.rejected``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..equilibrium import EquilibriumSet
from ..protocol import is_game
from ..validation import check_tolerance
from .registry import SOLVERS, SolverSpec, find_method, method_table, methods_for

__all__ = ["equilibria", "METHODS", "methods", "method_table"]


def methods(game: Any = None) -> tuple[str, ...]:
    """The method names :func:`equilibria` accepts for ``game`` (a game or a game type; default: every one).

    Examples
    --------
    >>> import games
    >>> games.methods(games.AnonymousGame)
    ('auto', 'anonymous', 'pure')
    """
    from .registry import load_solvers

    load_solvers(every=game is None)
    if game is None:
        names = dict.fromkeys(name for _, name in SOLVERS)
        return ("auto", *names)
    game_type = game if isinstance(game, type) else type(game)
    return ("auto", *(s.name for s in methods_for(game_type)))


def __getattr__(name: str) -> Any:
    if name == "METHODS":  # every registered method name, computed when asked (modules register on import)
        return methods()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _canonical(method: Any) -> str:
    if not isinstance(method, str):
        raise TypeError(f"method must be a string such as 'auto' or 'vertex'; got {type(method).__name__} {method!r}")
    return method.strip().lower().replace("_", "-").replace(" ", "-")


def _game_types() -> str:
    from .registry import load_solvers

    load_solvers(every=True)
    return ", ".join(dict.fromkeys(t.__name__ for t, _ in SOLVERS))


def _pick(game: Any, method: str, original: Any) -> tuple[SolverSpec, Any, str]:
    """The method to run, the game to run it on (its normal form, where the method needs one) and a note."""
    specs = methods_for(type(game))
    n = game.num_players
    if method == "auto":
        spec = next((s for s in specs if s.auto is not None and s.auto(game)), None)
        spec = spec or next((s for s in specs if s.handles(n)), None)
        if spec is None:  # pragma: no cover - every game type registers a method for its games
            raise ValueError(f"no method solves a {type(game).__name__} of {n} players")
        return spec, game, ""
    spec = find_method(type(game), method)
    if spec is not None:
        return spec, game, ""
    from ..normal_form import NormalFormGame

    nf_spec = find_method(NormalFormGame, method)
    if nf_spec is not None and hasattr(game, "to_normal_form") and not isinstance(game, NormalFormGame):
        return nf_spec, game.to_normal_form(), f"solved on the normal form ({type(game).__name__}.to_normal_form())"
    names = methods(type(game))
    raise ValueError(f"method must be one of {', '.join(repr(m) for m in names)} for a {type(game).__name__}; "
                     f"got {original!r}")


#: Methods whose arguments passed every check above, by game type, then by (player count, method as given, exact,
#: number of registered methods, option names): a repeated call with a float ``tol`` in (0, 1) goes straight to the
#: solver. Only calls whose checks depend on nothing but these keys are recorded (the method found for the type
#: itself, no exact copy of the game, not ``"auto"``, whose choice depends on the game).
_CHECKED: dict[type, dict[tuple, SolverSpec]] = {}


def equilibria(game: Any, method: str = "auto", *, tol: float = 1e-9, exact: bool = False,
               **options: Any) -> EquilibriumSet:
    """Nash equilibria of any game of the engine, each verified against the game.

    Parameters
    ----------
    game : NormalFormGame, AnonymousGame, ThresholdGame, SymbolicGame or GameTree
        The game (anything that follows :class:`games.protocol.Game` and has registered methods).
    method : str
        A registered method for the game's type (:func:`games.methods` lists them; the README's table
        says what each returns). Case, spaces and ``_`` for ``-`` are ignored. ``"auto"`` picks the
        game type's default (``"vertex"`` for two-player normal forms; ``"polynomial"``, every equilibrium,
        for small games of three or more players, at most ``games.solvers.polynomial.AUTO_MAX_SUPPORTS``
        support profiles; ``"pure"`` for one player and larger games). A normal-form method asked of another
        game type runs on its normal form.
    tol : float
        Verification tolerance, relative to the game's payoff range (``game.payoff_scale``): the largest
        regret an equilibrium may have. It does not loosen the solvers' own geometry, so a loose ``tol``
        admits no spurious equilibria. ``tol=0`` needs ``exact=True`` (floats cannot certify a regret of
        exactly zero for mixed equilibria), except with methods that compute no mixed strategy (``"pure"``).
        Payoff differences below about ``1e-9`` of a player's payoff range are ties in floats: for payoffs
        spanning many orders of magnitude use ``exact=True``.
    exact : bool
        Rational arithmetic; profiles and payoffs are :class:`~fractions.Fraction` s and regret is 0.
        Float payoffs are read as their shortest decimal (``0.1`` as ``1/10``) and solved exactly.
    **options
        Options of the chosen method, e.g. ``label`` for ``"lemke-howson"``, ``max_bases`` and
        ``max_vertices`` (work limits) for ``"vertex"``; an option the method does not take is refused.

    Returns
    -------
    EquilibriumSet
        A sequence of :class:`~games.equilibrium.Equilibrium`, with ``complete``, ``degenerate``,
        ``components``, ``rejected``, ``value`` and ``note`` attributes.

    Examples
    --------
    >>> import games
    >>> hawk_dove = games.NormalFormGame.from_bimatrix([[-1, 4], [0, 2]], [[-1, 0], [4, 2]])
    >>> eqs = games.equilibria(hawk_dove, exact=True)
    >>> [[str(p) for p in eq.profile[0]] for eq in eqs]
    [['0', '1'], ['2/3', '1/3'], ['1', '0']]
    >>> games.equilibria(hawk_dove, method="lemke-howson", label=2)[0].pure_actions()
    ('a2', 'b1')
    >>> games.equilibria(hawk_dove, method="simplex")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: method must be one of 'auto', 'vertex', ... for a NormalFormGame; got 'simplex'
    >>> games.equilibria(hawk_dove, method="vertex", label=2)
    Traceback (most recent call last):
    ...
    TypeError: method 'vertex' takes the options max_bases, max_vertices; got label
    """
    if type(tol) is float and 0 < tol < 1 and type(exact) is bool and type(method) is str:  # checked before
        checked = _CHECKED.get(type(game))   # only game types are keys: num_players exists
        spec = None if checked is None else checked.get((game.num_players, method, exact, len(SOLVERS), *options))
        if spec is not None:
            return spec.solve(game, tol=tol, exact=exact, **options)
    if not is_game(game):
        raise TypeError(f"game must be a game of the engine ({_game_types()}); got {type(game).__name__}")
    name = _canonical(method)
    tol = check_tolerance(tol)
    if not isinstance(exact, (bool, np.bool_)):
        raise TypeError(f"exact must be True or False; got {exact!r}")
    exact = bool(exact)
    spec, target, note = _pick(game, name, method)
    n = target.num_players
    if not spec.handles(n):
        fits = [s.name for s in methods_for(type(target)) if s.handles(n)]
        raise ValueError(f"method={spec.name!r} needs a game of {spec.players_text} players; this game has {n} "
                         f"(use {' or '.join(repr(f) for f in fits)})")
    unknown = sorted(set(options) - set(spec.options))
    if unknown:
        takes = f"the options {', '.join(spec.options)}" if spec.options else "no options"
        raise TypeError(f"method {spec.name!r} takes {takes}; got {', '.join(unknown)}")
    if exact and not spec.exact:
        exact_ones = [s.name for s in methods_for(type(target)) if s.exact]
        hint = f"use {' or '.join(repr(s) for s in exact_ones)} with exact=True" if exact_ones else \
            "no method for this game type has one"
        raise ValueError(f"method={spec.name!r} has no exact mode; {hint}")
    if tol == 0 and not exact and not spec.tol_zero:
        raise ValueError(f"tol=0 asks for a regret of exactly 0, which floating-point arithmetic cannot certify for "
                         f"mixed equilibria (method={spec.name!r}); use exact=True for rational arithmetic, or a small "
                         "positive tol such as 1e-12 (method='pure' accepts tol=0)")
    if exact and hasattr(target, "as_exact"):
        target = target.as_exact()
    elif target is game and not note and name != "auto" and type(exact) is bool:
        _CHECKED.setdefault(type(game), {})[(n, method, exact, len(SOLVERS), *options)] = spec
    result = spec.solve(target, tol=tol, exact=exact, **options)
    if note:
        result.note = f"{result.note}; {note}" if result.note else note
    return result
