"""Stage games of the repeated game: 2x2, action 0 = cooperate (restrain), action 1 = defect (arm)."""

from __future__ import annotations

from fractions import Fraction
from numbers import Integral, Rational, Real
from typing import Any

import numpy as np

from ..normal_form import NormalFormGame

__all__ = ["as_stage", "donation_game", "number_kind", "prisoners_dilemma", "stag_hunt", "to_exact"]


def _is_sympy(v: Any) -> bool:
    return type(v).__module__.startswith("sympy")


def to_exact(v: Any, name: str) -> Fraction | float | Any:
    """Return ``v`` as a Fraction (ints, Fractions, sympy Rationals), a float (floats), or sympy (symbols).

    Examples
    --------
    >>> to_exact(3, "x"), to_exact(0.5, "x")
    (Fraction(3, 1), 0.5)
    """
    if isinstance(v, bool):
        raise TypeError(f"{name} must be a number; got bool {v!r}")
    if isinstance(v, Fraction):
        return v
    if isinstance(v, (Integral, np.integer)):
        return Fraction(int(v))
    if _is_sympy(v):
        import sympy

        v = sympy.sympify(v)
        if v.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan):
            raise ValueError(f"{name} must be finite; got {v}")
        if v.is_Rational:
            return Fraction(int(v.p), int(v.q))
        if v.is_number:
            if not v.is_real:
                raise ValueError(f"{name} must be a real number; got {v}")
            return float(v)
        return v
    if isinstance(v, Rational):
        return Fraction(v.numerator, v.denominator)
    if isinstance(v, (Real, np.floating)):
        f = float(v)
        if not np.isfinite(f):
            raise ValueError(f"{name} must be finite; got {v}")
        return f
    raise TypeError(f"{name} must be a number or a sympy expression; got {type(v).__name__} {v!r}")


def number_kind(values: Any) -> str:
    """``"exact"`` if all are Fractions, ``"symbolic"`` if any is sympy, else ``"float"``.

    Examples
    --------
    >>> number_kind([Fraction(1), 2.0])
    'float'
    """
    vals = list(values)
    if any(_is_sympy(v) for v in vals):
        return "symbolic"
    return "exact" if all(isinstance(v, Fraction) for v in vals) else "float"


def as_stage(stage: Any) -> np.ndarray:
    """Normalise a 2x2 stage game to an object array ``u[a1, a2, player]`` of shape ``(2, 2, 2)``.

    Accepts a two-player :class:`~games.NormalFormGame` with 2 actions each, or an array-like of shape
    ``(2, 2, 2)`` holding numbers or sympy expressions. Entries become Fractions (ints, Fractions),
    floats, or sympy expressions.

    Examples
    --------
    >>> u = as_stage(prisoners_dilemma())
    >>> u[1, 0].tolist()          # row defects against a cooperator: (T, S)
    [Fraction(5, 1), Fraction(0, 1)]
    >>> as_stage(np.zeros((3, 3, 2)))
    Traceback (most recent call last):
    ...
    ValueError: stage must be a 2x2 two-player game (payoff array of shape (2, 2, 2)); got shape (3, 3, 2)
    """
    if isinstance(stage, NormalFormGame):
        if stage.num_players != 2 or stage.shape != (2, 2):
            raise ValueError(
                f"stage must be a 2x2 two-player game; got a {stage.num_players}-player game of shape {stage.shape}"
            )
        raw = stage.exact_payoffs if stage.has_exact_payoffs else stage.payoffs
    else:
        try:
            raw = np.asarray(stage, dtype=object)
        except ValueError as exc:
            raise ValueError("stage must be a 2x2 two-player game or a (2, 2, 2) payoff array; got a ragged sequence") from exc
        if raw.shape != (2, 2, 2):
            raise ValueError(
                f"stage must be a 2x2 two-player game (payoff array of shape (2, 2, 2)); got shape {raw.shape}"
            )
    out = np.empty((2, 2, 2), dtype=object)
    for idx, v in np.ndenumerate(raw):
        out[idx] = to_exact(v, f"stage payoff {idx}")
    return out


def _symmetric(T: Any, R: Any, P: Any, S: Any, actions: tuple[str, str], title: str) -> Any:
    u = np.empty((2, 2, 2), dtype=object)
    u[0, 0] = (R, R)
    u[0, 1] = (S, T)
    u[1, 0] = (T, S)
    u[1, 1] = (P, P)
    if any(_is_sympy(v) for v in (T, R, P, S)):
        return u
    return NormalFormGame(u, actions=[actions, actions], players=["State 1", "State 2"], title=title)


def prisoners_dilemma(T: Any = 5, R: Any = 3, P: Any = 1, S: Any = 0) -> Any:
    """The symmetric prisoner's dilemma of restraint (C) and arming (D); Axelrod's (1984) 5, 3, 1, 0 by default.

    With sympy symbols the result is a ``(2, 2, 2)`` object array (the repeated-game functions accept it).

    Examples
    --------
    >>> prisoners_dilemma().payoffs[0, 1].tolist()      # restrain against an armer: (S, T)
    [0.0, 5.0]
    >>> import sympy
    >>> T, R, P, S = sympy.symbols("T R P S")
    >>> prisoners_dilemma(T, R, P, S)[1, 1].tolist()
    [P, P]
    """
    return _symmetric(T, R, P, S, ("restrain", "arm"), "Prisoner's dilemma")


def stag_hunt(R: Any = 4, T: Any = 3, P: Any = 2, S: Any = 0) -> Any:
    """The stag hunt (assurance game): mutual restraint is best (R > T >= P > S), arming is safe.

    Examples
    --------
    >>> stag_hunt().payoffs[0, 0].tolist()
    [4.0, 4.0]
    """
    return _symmetric(T, R, P, S, ("restrain", "arm"), "Stag hunt")


def donation_game(b: Any = 3, c: Any = 1) -> Any:
    """The donation game (Nowak 2006): cooperating costs ``c`` and gives the other ``b``.

    ``T = b, R = b - c, P = 0, S = -c``.

    Examples
    --------
    >>> donation_game(3, 1).payoffs[0, 1].tolist()
    [-1.0, 3.0]
    """
    return _symmetric(b, b - c, 0 * b, -c, ("cooperate", "defect"), "Donation game")
