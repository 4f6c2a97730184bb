"""The solver registry: each equilibrium method registers itself with what it can do.

A method is a function ``solve(game, *, tol, exact, **options) -> EquilibriumSet`` registered with
:func:`register_solver` next to its implementation. :func:`games.equilibria` validates the common
arguments once (``tol``, ``exact``, the options a method accepts), looks the method up by the game's type
and hands over; the list of methods, the README's method table and the error for an unknown method all come
from here.

Examples
--------
>>> import games
>>> from games.solvers.registry import methods_for
>>> [spec.name for spec in methods_for(games.NormalFormGame)][:4]
['vertex', 'lemke-howson', 'zero-sum', 'support']
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["SolverSpec", "register_solver", "SOLVERS", "methods_for", "find_method", "method_table", "load_solvers",
           "FINDS"]

#: What a method returns, in words (the ``finds`` of a :class:`SolverSpec`).
FINDS = {
    "all": "every equilibrium",
    "all extreme": "every extreme equilibrium (all of them in non-degenerate games), grouped into components",
    "all pure": "every pure equilibrium",
    "all if non-degenerate": "every equilibrium of a non-degenerate game (some of a degenerate one)",
    "one": "one equilibrium",
    "optimal": "the value and a pair of optimal strategies",
    "pure and symmetric": "every pure equilibrium and every symmetric mixed equilibrium",
    "closed form": "every equilibrium in closed form, with the parameter region where it holds",
    "subgame perfect": "a subgame-perfect equilibrium (pure), with the ties that make others",
    "symmetric equilibria": "every symmetric equilibrium",
}


@dataclass(frozen=True)
class SolverSpec:
    """A registered equilibrium method and what it can do.

    Attributes
    ----------
    name : str
        The method's name as :func:`games.equilibria` takes it (``"vertex"``).
    game_type : type
        The game class it solves (subclasses too).
    solve : callable
        ``solve(game, *, tol, exact, **options) -> EquilibriumSet``.
    finds : str
        A key of :data:`FINDS`: what the result holds.
    players : tuple of (int, int or None)
        The least and most players it handles (``None``: no upper limit).
    exact : bool
        Whether it has an exact (rational) mode.
    tol_zero : bool
        Whether float arithmetic can certify ``tol=0`` (only where no mixed strategy is computed).
    auto : callable or None
        ``auto(game) -> bool``: whether ``method="auto"`` picks it for this game (the first registered
        method for which it is true is taken).
    summary : str
        One line for the method table: how it works.
    options : dict
        The extra keyword options it accepts, with their defaults (read from ``solve``'s signature).
    rank : int
        Where it is listed among its game type's methods (lower first).

    Examples
    --------
    >>> import games
    >>> spec = find_method(games.NormalFormGame, "lemke-howson")
    >>> spec.finds, spec.players_text, spec.exact, spec.options
    ('one', '2', True, {'label': 0, 'max_pivots': None})
    """

    name: str
    game_type: type
    solve: Callable[..., Any]
    finds: str
    players: tuple[int, int | None] = (1, None)
    exact: bool = False
    tol_zero: bool = False
    auto: Callable[[Any], bool] | None = None
    summary: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    rank: int = 100

    def handles(self, num_players: int) -> bool:
        """Whether this method handles games of ``num_players`` players.

        Examples
        --------
        >>> import games
        >>> from games.solvers.registry import find_method
        >>> find_method(games.NormalFormGame, "vertex").handles(3)
        False
        """
        lo, hi = self.players
        return num_players >= lo and (hi is None or num_players <= hi)

    @property
    def players_text(self) -> str:
        """The player counts it handles, in words (``"2"``, ``"any"``, ``"2 or more"``)."""
        lo, hi = self.players
        if hi is None:
            return "any" if lo <= 1 else f"{lo} or more"
        if lo == hi:
            return str(lo)
        return f"{lo} or {hi}" if hi == lo + 1 else f"{lo} to {hi}"


#: Every registered method, in registration order: ``SOLVERS[(game_type, name)]``.
SOLVERS: dict[tuple[type, str], SolverSpec] = {}


def register_solver(name: str, *, game_type: type, finds: str, players: tuple[int, int | None] = (1, None),
                    exact: bool = False, tol_zero: bool = False, auto: Callable[[Any], bool] | None = None,
                    summary: str = "", rank: int = 100) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: register ``solve(game, *, tol, exact, **options)`` as method ``name`` for ``game_type``.

    The options the method accepts are read from the keyword-only parameters of ``solve`` other than
    ``tol`` and ``exact``.

    Examples
    --------
    >>> from games.solvers.registry import SOLVERS, register_solver
    >>> class Toy:
    ...     num_players = 2
    >>> @register_solver("toy", game_type=Toy, finds="one", summary="a doctest")
    ... def toy(game, *, tol, exact, start=0):
    ...     return start
    >>> SOLVERS[(Toy, "toy")].options
    {'start': 0}
    >>> del SOLVERS[(Toy, "toy")]
    """
    if finds not in FINDS:
        raise ValueError(f"finds must be one of {', '.join(map(repr, FINDS))}; got {finds!r}")

    def wrap(solve: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(solve)
        for needed in ("tol", "exact"):
            if needed not in sig.parameters:
                raise TypeError(f"solver {name!r} must accept the keyword {needed!r}")
        options = {p.name: p.default for p in sig.parameters.values()
                   if p.kind is p.KEYWORD_ONLY and p.name not in ("tol", "exact")}
        key = (game_type, name)
        if key in SOLVERS and SOLVERS[key].solve is not solve:
            raise ValueError(f"a method {name!r} is already registered for {game_type.__name__}")
        SOLVERS[key] = SolverSpec(name=name, game_type=game_type, solve=solve, finds=finds, players=players,
                                  exact=exact, tol_zero=tol_zero, auto=auto, summary=summary, options=options,
                                  rank=rank)
        return solve

    return wrap


def load_solvers(every: bool = False) -> None:
    """Import the modules that register normal-form methods, and (``every``) those of every game type.

    A game type's own methods register when its module is imported, which has happened once a game of
    that type exists; ``every`` is for listings of all methods.

    Examples
    --------
    >>> load_solvers(every=True)
    >>> len(SOLVERS) >= 8
    True
    """
    if _LOADED[every]:  # an import statement costs about a microsecond even when the module is loaded
        return
    from .. import qre  # noqa: F401
    from . import enumeration, lemke_howson, polynomial, pure, support, zero_sum  # noqa: F401

    if every:
        from .. import anonymous, bayesian, extensive, imperfect, symbolic, threshold  # noqa: F401
    _LOADED[every] = True
    if every:
        _LOADED[False] = True


#: Whether load_solvers has imported the normal-form (False) and every game type's (True) modules.
_LOADED = {False: False, True: False}


def methods_for(game_type: type) -> list[SolverSpec]:
    """The methods that solve games of ``game_type`` (its own, then those of its base classes).

    Examples
    --------
    >>> import games
    >>> [s.name for s in methods_for(games.AnonymousGame)]
    ['anonymous', 'pure']
    """
    load_solvers()
    key = (game_type, len(SOLVERS))  # a registration after the first lookup changes the key
    cached = _METHODS_FOR.get(key)
    if cached is not None:
        return list(cached)
    out: list[SolverSpec] = []
    seen: set[str] = set()
    for cls in game_type.__mro__:
        for (t, name), spec in sorted(SOLVERS.items(), key=lambda item: item[1].rank):
            if t is cls and name not in seen:
                out.append(spec)
                seen.add(name)
    _METHODS_FOR[key] = tuple(out)
    return out


#: methods_for's answers by (game type, number of registered methods).
_METHODS_FOR: dict[tuple[type, int], tuple[SolverSpec, ...]] = {}


def find_method(game_type: type, name: str) -> SolverSpec | None:
    """The method ``name`` for ``game_type``, or ``None`` when it has none by that name.

    Examples
    --------
    >>> import games
    >>> find_method(games.NormalFormGame, "zero-sum").finds
    'optimal'
    >>> find_method(games.NormalFormGame, "simplex") is None
    True
    """
    key = (game_type, name, len(SOLVERS))
    if key not in _FIND_METHOD:
        _FIND_METHOD[key] = next((s for s in methods_for(game_type) if s.name == name), None)
    return _FIND_METHOD[key]


#: find_method's answers by (game type, name, number of registered methods).
_FIND_METHOD: dict[tuple[type, str, int], SolverSpec | None] = {}


def method_table() -> str:
    """The Markdown table of every registered method (the README shows it verbatim).

    Examples
    --------
    >>> print(method_table().splitlines()[0])
    | game type | method | players | exact | what it returns | how |
    """
    load_solvers(every=True)
    lines = ["| game type | method | players | exact | what it returns | how |", "|---|---|---|---|---|---|"]
    for spec in sorted(SOLVERS.values(), key=lambda spec: (spec.game_type.__name__ != "NormalFormGame",
                                                            spec.game_type.__name__, spec.rank)):
        if spec.game_type.__module__.startswith("games."):
            lines.append(f"| `{spec.game_type.__name__}` | `\"{spec.name}\"` | {spec.players_text} | "
                         f"{'yes' if spec.exact else 'no'} | {FINDS[spec.finds]} | {spec.summary} |")
    return "\n".join(lines)
