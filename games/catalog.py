"""The catalogue of classic games: one builder per textbook game, numeric or symbolic.

Every builder returns a :class:`~games.NormalFormGame` (numeric parameters; ints and Fractions stay exact)
or, with ``symbolic=True`` or any parameter a sympy expression, a :class:`~games.symbolic.SymbolicGame`
whose missing parameters are sympy symbols and whose assumptions are the game's defining ordering.
Parameters are checked against that ordering; a violation raises :class:`ValueError` naming the
arguments. Labels are generic (players ``"Row"`` and ``"Column"``); a caller with its own vocabulary
passes ``players=`` and ``actions=`` (one pair of labels for both players, or one per player).

The symmetric 2x2 games are written in the usual letters: ``R`` (reward, mutual cooperation), ``T``
(temptation, defecting on a cooperator), ``S`` (sucker's payoff) and ``P`` (punishment, mutual
defection), with action 0 the cooperative one (as :mod:`games.repeated` expects). Their arguments come
in the order of the defining ordering (``prisoners_dilemma(T, R, P, S)``, ``stag_hunt(R, T, P, S)``).

:data:`CATALOG` maps each name to its builder (for discovery and for tests over every game).

Examples
--------
>>> from games.catalog import CATALOG, prisoners_dilemma
>>> pd = prisoners_dilemma()
>>> pd.payoffs[1, 0].tolist()                       # D against C: (T, S)
[5.0, 0.0]
>>> prisoners_dilemma(actions=("cooperate", "defect")).actions[0]
('cooperate', 'defect')
>>> prisoners_dilemma(symbolic=True).assumptions
Assumptions(T > R, R > P, P > S, 2*R > S + T)
>>> sorted(CATALOG)[:3]
['battle_of_the_sexes', 'chicken', 'coordination']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Union

from .normal_form import NormalFormGame
from .numeric import is_sympy, to_number

if TYPE_CHECKING:  # pragma: no cover
    from .symbolic.game import SymbolicGame

__all__ = [
    "CATALOG",
    "battle_of_the_sexes",
    "chicken",
    "coordination",
    "deadlock",
    "donation_game",
    "harmony",
    "hawk_dove",
    "matching_pennies",
    "prisoners_dilemma",
    "rock_paper_scissors",
    "stag_hunt",
]

Game = Union[NormalFormGame, "SymbolicGame"]
Labels = Sequence[str] | Sequence[Sequence[str]] | None

PLAYERS = ("Row", "Column")
"""The default player labels of every catalogue game."""


# ------------------------------------------------------------------------------------------- machinery
def _has_symbols(v: Any) -> bool:
    return is_sympy(v) and not getattr(v, "is_number", True)


def _labels(fname: str, actions: Labels, default: tuple[str, ...], n: int) -> list[tuple[str, ...]]:
    """Per-player action labels from ``actions``: None (the default), one sequence for both, or one each."""
    if actions is None:
        return [default, default]
    if isinstance(actions, str):
        raise TypeError(f"{fname}: actions must be a sequence of {n} labels (or one per player); got str {actions!r}")
    actions = list(actions)
    if actions and all(isinstance(a, str) for a in actions):
        if len(actions) != n:
            raise ValueError(f"{fname}: actions must hold {n} labels; got {len(actions)}: {actions}")
        return [tuple(actions), tuple(actions)]
    if len(actions) != 2:
        raise ValueError(f"{fname}: actions must be {n} labels, or two sequences of {n} labels (one per player); "
                         f"got {actions!r}")
    return [tuple(str(a) for a in labels) for labels in actions]


def _build(fname: str, title: str, given: dict[str, Any], defaults: dict[str, Any],
           payoffs: Callable[[dict[str, Any]], tuple[list, list]],
           conditions: Sequence[tuple[str, Callable[[dict[str, Any]], tuple[Any, Any]], bool]],
           symbolic: bool | None, players: Sequence[str] | None, actions: Labels,
           default_actions: tuple[str, ...], positive: Sequence[str] = ()) -> Game:
    """Build one catalogue game.

    ``given`` holds the caller's parameters (None = not given); ``conditions`` are
    ``(text, f(params) -> (lhs, rhs), strict)`` meaning ``lhs > rhs`` (``>=`` when not strict).
    """
    if symbolic is not None and not isinstance(symbolic, bool):
        raise TypeError(f"{fname}: symbolic must be True, False or None; got {type(symbolic).__name__} {symbolic!r}")
    if symbolic is None:
        symbolic = any(_has_symbols(v) for v in given.values())
    elif not symbolic:
        bad = [k for k, v in given.items() if _has_symbols(v)]
        if bad:
            raise TypeError(f"{fname}: symbolic=False but {bad[0]}={given[bad[0]]} is a sympy expression with symbols")
    labels = _labels(fname, actions, default_actions, len(default_actions))
    players = PLAYERS if players is None else tuple(players)
    if symbolic:
        import sympy as sp

        from .numeric import to_sympy

        p = {k: (sp.Symbol(k, positive=True) if k in positive else sp.Symbol(k)) if v is None
             else (sp.sympify(v) if is_sympy(v) else to_sympy(to_number(v, k))) for k, v in given.items()}
    else:
        p = {k: to_number(defaults[k] if v is None else v, k) for k, v in given.items()}
    assumptions = []
    for text, sides, strict in conditions:
        lhs, rhs = sides(p)
        names = [k for k in p if k in text.replace("*", " ").replace("+", " ").split()]
        got = ", ".join(f"{k}={p[k]}" for k in names)
        if symbolic:
            import sympy as sp

            rel = sp.StrictGreaterThan(lhs, rhs) if strict else sp.GreaterThan(lhs, rhs)
            if rel is sp.false:
                raise ValueError(f"{fname} needs {text}; got {got}")
            if rel is not sp.true:
                assumptions.append(rel)
        elif not (lhs > rhs if strict else lhs >= rhs):
            raise ValueError(f"{fname} needs {text}; got {got}")
    A, B = payoffs(p)
    if symbolic:
        from .symbolic.game import SymbolicGame

        params = [v for v in p.values() if getattr(v, "is_Symbol", False)]
        return SymbolicGame.from_bimatrix(A, B, assumptions=assumptions, parameters=params, players=players,
                                          actions=labels, title=title)
    return NormalFormGame.from_bimatrix(A, B, players=players, actions=labels, title=title)


def _gt(a: str, b: str) -> Callable[[dict[str, Any]], tuple[Any, Any]]:
    return lambda p: (p[a], 0 if b == "0" else p[b])


def _chain(*names: str, weak: Sequence[int] = ()) -> list[tuple[str, Callable, bool]]:
    """Conditions ``names[0] > names[1] > ...`` (the k-th link weak when k in ``weak``)."""
    return [(f"{a} {'>=' if k in weak else '>'} {b}", _gt(a, b), k not in weak)
            for k, (a, b) in enumerate(zip(names, names[1:]))]


def _symmetric_trps(p: dict[str, Any]) -> tuple[list, list]:
    A = [[p["R"], p["S"]], [p["T"], p["P"]]]
    return A, [[A[0][0], A[1][0]], [A[0][1], A[1][1]]]


def _half(x: Any) -> Any:
    return x / 2 if is_sympy(x) or isinstance(x, float) else Fraction(x) / 2


# ------------------------------------------------------------------------------------------- the games
def prisoners_dilemma(T: Any = None, R: Any = None, P: Any = None, S: Any = None, *, iterated: bool = True,
                      symbolic: bool | None = None, players: Sequence[str] | None = None,
                      actions: Labels = None) -> Game:
    """The prisoner's dilemma: defecting (D) is dominant, yet mutual cooperation (C) pays both more.

    Parameters
    ----------
    T, R, P, S : number or sympy expression, optional
        Temptation, reward, punishment and sucker's payoff; default Axelrod's (1984) 5, 3, 1, 0 (with
        ``symbolic=True``, the symbols ``T, R, P, S``). They must satisfy ``T > R > P > S`` (the
        dilemma) and, unless ``iterated=False``, ``2R > T + S``.
    iterated : bool
        Require ``2R > T + S``: mutual cooperation beats taking turns at exploiting each other, the
        condition of the iterated game (Axelrod 1984). ``False`` allows any one-shot dilemma.
    symbolic : bool, optional
        Return a :class:`~games.symbolic.SymbolicGame` (default: when a parameter has symbols).
    players, actions : optional
        Labels; default ``("Row", "Column")`` and ``("C", "D")`` for both.

    Returns
    -------
    NormalFormGame or SymbolicGame
        Row payoffs ``[[R, S], [T, P]]``, the column player's the transpose.

    References
    ----------
    Axelrod (1984), *The Evolution of Cooperation*, ch. 1; Rapoport & Chammah (1965), *Prisoner's Dilemma*.

    Examples
    --------
    >>> pd = prisoners_dilemma()
    >>> pd.payoffs[0, 1].tolist(), pd.is_nash([[0, 1], [0, 1]])        # C against D: (S, T); (D, D) is Nash
    ([0.0, 5.0], True)
    >>> prisoners_dilemma(T=3, R=4)
    Traceback (most recent call last):
    ...
    ValueError: prisoners_dilemma needs T > R; got T=3, R=4
    >>> prisoners_dilemma(T=7, R=3, P=1, S=0)
    Traceback (most recent call last):
    ...
    ValueError: prisoners_dilemma needs 2*R > T + S; got T=7, R=3, S=0
    >>> prisoners_dilemma(T=7, R=3, P=1, S=0, iterated=False).payoffs[1, 0].tolist()
    [7.0, 0.0]
    """
    if not isinstance(iterated, bool):
        raise TypeError(f"prisoners_dilemma: iterated must be True or False; got {type(iterated).__name__} "
                        f"{iterated!r}")
    conds = _chain("T", "R", "P", "S")
    if iterated:
        conds.append(("2*R > T + S", lambda p: (2 * p["R"], p["T"] + p["S"]), True))
    return _build("prisoners_dilemma", "Prisoner's dilemma", {"T": T, "R": R, "P": P, "S": S},
                  {"T": 5, "R": 3, "P": 1, "S": 0}, _symmetric_trps, conds, symbolic, players, actions, ("C", "D"))


def donation_game(b: Any = None, c: Any = None, *, symbolic: bool | None = None,
                  players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """The donation game: cooperating costs the giver ``c`` and gives the other ``b``.

    A prisoner's dilemma with ``T = b``, ``R = b - c``, ``P = 0``, ``S = -c``; requires ``b > c > 0``.
    Default ``b, c = 3, 1`` (symbols ``b, c`` with ``symbolic=True``).

    References
    ----------
    Nowak (2006), "Five rules for the evolution of cooperation", *Science* 314: 1560-1563.

    Examples
    --------
    >>> donation_game(3, 1).payoffs[0, 1].tolist()
    [-1.0, 3.0]
    >>> donation_game(symbolic=True).payoffs[0, 0, 0]
    b - c
    >>> donation_game(1, 2)
    Traceback (most recent call last):
    ...
    ValueError: donation_game needs b > c; got b=1, c=2
    """
    def pay(p: dict[str, Any]) -> tuple[list, list]:
        b_, c_ = p["b"], p["c"]
        return _symmetric_trps({"T": b_, "R": b_ - c_, "P": 0 * b_, "S": -c_})

    return _build("donation_game", "Donation game", {"b": b, "c": c}, {"b": 3, "c": 1}, pay,
                  _chain("b", "c", "0"), symbolic, players, actions, ("C", "D"))


def chicken(T: Any = None, R: Any = None, S: Any = None, P: Any = None, *, symbolic: bool | None = None,
            players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """Chicken (snowdrift): the worst outcome is mutual escalation, so each wants to do the opposite of the other.

    Requires ``T > R > S > P``; default ``4, 3, 1, 0`` (symbols with ``symbolic=True``). Action 0
    ("Swerve") is the cooperative one. The pure equilibria are the two asymmetric profiles; the mixed
    one swerves with probability ``(S - P) / (S - P + T - R)``.

    References
    ----------
    Rapoport & Guyer (1966), "A taxonomy of 2 x 2 games", *General Systems* 11: 203-214 (game 66).

    Examples
    --------
    >>> g = chicken()
    >>> g.is_nash([[1, 0], [0, 1]]), g.is_nash([[0, 1], [0, 1]])
    (True, False)
    >>> chicken(T=4, R=3, S=0, P=1)
    Traceback (most recent call last):
    ...
    ValueError: chicken needs S > P; got S=0, P=1
    """
    return _build("chicken", "Chicken", {"T": T, "R": R, "S": S, "P": P}, {"T": 4, "R": 3, "S": 1, "P": 0},
                  _symmetric_trps, _chain("T", "R", "S", "P"), symbolic, players, actions, ("Swerve", "Straight"))


def stag_hunt(R: Any = None, T: Any = None, P: Any = None, S: Any = None, *, symbolic: bool | None = None,
              players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """The stag hunt (assurance game): mutual cooperation is best, but defecting (hunting hare) is safe.

    Requires ``R > T >= P > S``; default ``4, 3, 2, 0`` (symbols with ``symbolic=True``). Both
    symmetric pure profiles are equilibria.

    References
    ----------
    Skyrms (2004), *The Stag Hunt and the Evolution of Social Structure*; Jervis (1978), "Cooperation
    under the security dilemma", *World Politics* 30: 167-214.

    Examples
    --------
    >>> g = stag_hunt()
    >>> g.payoffs[0, 0].tolist(), g.is_nash([[1, 0], [1, 0]]), g.is_nash([[0, 1], [0, 1]])
    ([4.0, 4.0], True, True)
    >>> stag_hunt(R=3, T=4)
    Traceback (most recent call last):
    ...
    ValueError: stag_hunt needs R > T; got R=3, T=4
    """
    return _build("stag_hunt", "Stag hunt", {"R": R, "T": T, "P": P, "S": S}, {"R": 4, "T": 3, "P": 2, "S": 0},
                  _symmetric_trps, _chain("R", "T", "P", "S", weak=(1,)), symbolic, players, actions,
                  ("Stag", "Hare"))


def deadlock(T: Any = None, P: Any = None, R: Any = None, S: Any = None, *, symbolic: bool | None = None,
             players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """Deadlock: defection is dominant and mutual defection is preferred to mutual cooperation.

    Requires ``T > P > R > S``; default ``3, 2, 1, 0`` (symbols with ``symbolic=True``). The unique
    equilibrium (D, D) is Pareto efficient: there is no dilemma.

    References
    ----------
    Rapoport & Guyer (1966), "A taxonomy of 2 x 2 games", *General Systems* 11: 203-214; Snyder &
    Diesing (1977), *Conflict Among Nations*.

    Examples
    --------
    >>> deadlock().is_nash([[0, 1], [0, 1]]), deadlock().is_nash([[1, 0], [1, 0]])
    (True, False)
    >>> deadlock(T=3, P=1, R=2, S=0)
    Traceback (most recent call last):
    ...
    ValueError: deadlock needs P > R; got P=1, R=2
    """
    return _build("deadlock", "Deadlock", {"T": T, "P": P, "R": R, "S": S}, {"T": 3, "P": 2, "R": 1, "S": 0},
                  _symmetric_trps, _chain("T", "P", "R", "S"), symbolic, players, actions, ("C", "D"))


def harmony(R: Any = None, T: Any = None, S: Any = None, P: Any = None, *, symbolic: bool | None = None,
            players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """The harmony game: cooperation is strictly dominant (``R > T`` and ``S > P``).

    Default ``R, T, S, P = 3, 2, 1, 0`` (symbols with ``symbolic=True``); (C, C) is the unique equilibrium.

    References
    ----------
    Hauert (2002), "Effects of space in 2 x 2 games", *Int. J. Bifurcation and Chaos* 12: 1531-1548.

    Examples
    --------
    >>> harmony().is_nash([[1, 0], [1, 0]]), harmony().is_nash([[0, 1], [0, 1]])
    (True, False)
    >>> harmony(S=0, P=1)
    Traceback (most recent call last):
    ...
    ValueError: harmony needs S > P; got S=0, P=1
    """
    conds = [("R > T", _gt("R", "T"), True), ("S > P", _gt("S", "P"), True)]
    return _build("harmony", "Harmony", {"R": R, "T": T, "S": S, "P": P}, {"R": 3, "T": 2, "S": 1, "P": 0},
                  _symmetric_trps, conds, symbolic, players, actions, ("C", "D"))


def hawk_dove(V: Any = None, C: Any = None, *, symbolic: bool | None = None,
              players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """Hawk-dove: a prize ``V`` and a cost of fighting ``C`` (requires ``V > 0`` and ``C > 0``).

    Two hawks get ``(V - C)/2`` each, a hawk takes ``V`` from a dove, two doves share ``V/2``; action 0
    is Hawk. With ``C > V`` the evolutionarily stable strategy plays Hawk with probability ``V/C``.
    Default ``V, C = 2, 4`` (positive symbols with ``symbolic=True``).

    References
    ----------
    Maynard Smith & Price (1973), "The logic of animal conflict", *Nature* 246: 15-18.

    Examples
    --------
    >>> hawk_dove().payoffs[0, 0].tolist()                  # (V - C)/2 = -1
    [-1.0, -1.0]
    >>> hawk_dove(symbolic=True).support_equilibria([[0, 1], [0, 1]])[0].profile[0]
    (V/C, 1 - V/C)
    >>> hawk_dove(V=0)
    Traceback (most recent call last):
    ...
    ValueError: hawk_dove needs V > 0; got V=0
    """
    def pay(p: dict[str, Any]) -> tuple[list, list]:
        v, c = p["V"], p["C"]
        A = [[_half(v - c), v], [0 * v, _half(v)]]
        return A, [[A[0][0], A[1][0]], [A[0][1], A[1][1]]]

    conds = [("V > 0", _gt("V", "0"), True), ("C > 0", _gt("C", "0"), True)]
    return _build("hawk_dove", "Hawk-dove", {"V": V, "C": C}, {"V": 2, "C": 4}, pay, conds, symbolic, players,
                  actions, ("Hawk", "Dove"), positive=("V", "C"))


def matching_pennies(a: Any = None, *, symbolic: bool | None = None, players: Sequence[str] | None = None,
                     actions: Labels = None) -> Game:
    """Matching pennies with stake ``a > 0``: the row player wins ``a`` on a match, the column player otherwise.

    Zero-sum; the unique equilibrium mixes half and half. Default ``a = 1`` (a positive symbol with
    ``symbolic=True``).

    References
    ----------
    von Neumann & Morgenstern (1944), *Theory of Games and Economic Behavior*, Sec. 17.1.

    Examples
    --------
    >>> g = matching_pennies()
    >>> g.is_nash([[0.5, 0.5], [0.5, 0.5]]), g.payoffs[0, 1].tolist()
    (True, [-1.0, 1.0])
    >>> matching_pennies(-1)
    Traceback (most recent call last):
    ...
    ValueError: matching_pennies needs a > 0; got a=-1
    """
    def pay(p: dict[str, Any]) -> tuple[list, list]:
        a_ = p["a"]
        return [[a_, -a_], [-a_, a_]], [[-a_, a_], [a_, -a_]]

    return _build("matching_pennies", "Matching pennies", {"a": a}, {"a": 1}, pay, [("a > 0", _gt("a", "0"), True)],
                  symbolic, players, actions, ("Heads", "Tails"), positive=("a",))


def battle_of_the_sexes(a: Any = None, b: Any = None, *, symbolic: bool | None = None,
                        players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """Coordination with conflicting preferences: both want to meet, the row player at the first place.

    Meeting at the row player's favourite pays ``(a, b)``, at the column player's ``(b, a)``; missing each
    other pays 0. Requires ``a > b > 0``; default ``2, 1`` (symbols with ``symbolic=True``). Two pure
    equilibria and a mixed one in which each goes to its favourite with probability ``a / (a + b)``.

    References
    ----------
    Luce & Raiffa (1957), *Games and Decisions*, Sec. 5.3; labels after Osborne & Rubinstein (1994).

    Examples
    --------
    >>> g = battle_of_the_sexes()
    >>> g.actions[0], g.is_nash([[1, 0], [1, 0]]), g.is_nash([[0, 1], [0, 1]])
    (('Bach', 'Stravinsky'), True, True)
    >>> battle_of_the_sexes(1, 2)
    Traceback (most recent call last):
    ...
    ValueError: battle_of_the_sexes needs a > b; got a=1, b=2
    """
    def pay(p: dict[str, Any]) -> tuple[list, list]:
        a_, b_ = p["a"], p["b"]
        zero = 0 * a_
        return [[a_, zero], [zero, b_]], [[b_, zero], [zero, a_]]

    return _build("battle_of_the_sexes", "Battle of the sexes", {"a": a, "b": b}, {"a": 2, "b": 1}, pay,
                  _chain("a", "b", "0"), symbolic, players, actions, ("Bach", "Stravinsky"))


def coordination(a: Any = None, b: Any = None, *, symbolic: bool | None = None,
                 players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """A coordination game: both get ``a`` when both choose the first action, ``b`` on the second, else 0.

    Requires ``a > 0`` and ``b > 0``; default ``2, 1`` (a Pareto-ranked coordination game; symbols with
    ``symbolic=True``). Both matching profiles are equilibria.

    References
    ----------
    Schelling (1960), *The Strategy of Conflict*, ch. 3.

    Examples
    --------
    >>> g = coordination()
    >>> g.is_nash([[1, 0], [1, 0]]), g.is_nash([[0, 1], [0, 1]]), g.is_nash([[1, 0], [0, 1]])
    (True, True, False)
    >>> coordination(b=-1)
    Traceback (most recent call last):
    ...
    ValueError: coordination needs b > 0; got b=-1
    """
    def pay(p: dict[str, Any]) -> tuple[list, list]:
        a_, b_ = p["a"], p["b"]
        A = [[a_, 0 * a_], [0 * a_, b_]]
        return A, A

    conds = [("a > 0", _gt("a", "0"), True), ("b > 0", _gt("b", "0"), True)]
    return _build("coordination", "Coordination", {"a": a, "b": b}, {"a": 2, "b": 1}, pay, conds, symbolic,
                  players, actions, ("A", "B"), positive=("a", "b"))


def rock_paper_scissors(a: Any = None, b: Any = None, *, symbolic: bool | None = None,
                        players: Sequence[str] | None = None, actions: Labels = None) -> Game:
    """Rock-paper-scissors: a win pays ``a``, a loss costs ``b``, a tie pays 0 (requires ``a, b > 0``).

    Default ``a = b = 1`` (the zero-sum game; positive symbols with ``symbolic=True``). The unique
    equilibrium plays each action with probability 1/3; under the replicator dynamics it is stable when
    ``a > b``.

    References
    ----------
    Hofbauer & Sigmund (1998), *Evolutionary Games and Population Dynamics*, Sec. 7.7.

    Examples
    --------
    >>> g = rock_paper_scissors()
    >>> g.payoffs[0, 2].tolist(), g.is_nash([[1/3, 1/3, 1/3]] * 2)      # rock beats scissors
    ([1.0, -1.0], True)
    >>> rock_paper_scissors(b=0)
    Traceback (most recent call last):
    ...
    ValueError: rock_paper_scissors needs b > 0; got b=0
    """
    def pay(p: dict[str, Any]) -> tuple[list, list]:
        w, loss = p["a"], -p["b"]
        zero = 0 * w
        A = [[zero, loss, w], [w, zero, loss], [loss, w, zero]]
        return A, [list(col) for col in zip(*A)]

    conds = [("a > 0", _gt("a", "0"), True), ("b > 0", _gt("b", "0"), True)]
    return _build("rock_paper_scissors", "Rock-paper-scissors", {"a": a, "b": b}, {"a": 1, "b": 1}, pay, conds,
                  symbolic, players, actions, ("Rock", "Paper", "Scissors"), positive=("a", "b"))


CATALOG: dict[str, Callable[..., Game]] = {
    f.__name__: f
    for f in (prisoners_dilemma, donation_game, chicken, stag_hunt, deadlock, harmony, hawk_dove, matching_pennies,
              battle_of_the_sexes, coordination, rock_paper_scissors)
}
"""Every catalogue builder by name; each takes keyword ``symbolic``, ``players`` and ``actions``."""
