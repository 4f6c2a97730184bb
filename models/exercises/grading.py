"""Grading a student's answer against an exercise's typed answer.

Numbers may be given as ints, Fractions, strings such as ``"2/3"`` or floats (within a tolerance); labels
are compared ignoring case; sets in any order. The exercises teach the essay's game theory of regimes,
built for "an atmosphere of confidence and predictability in international relations".

Examples
--------
>>> from models.exercises import generate
>>> ex = generate("mixed-2x2", seed=1)
>>> check(ex, ex.answer).correct
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from numbers import Integral, Real
from typing import Any

import numpy as np

from games.numeric import to_fraction

from .record import Exercise, Grade

__all__ = ["check"]


def _as_number(v: Any) -> Fraction | float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, str):
        try:
            return Fraction(v.strip().replace(" ", ""))
        except (ValueError, ZeroDivisionError):
            return None
    if isinstance(v, (Real, np.floating)) and not isinstance(v, (Integral, Fraction, np.integer)):
        return float(v)
    try:
        return to_fraction(v)
    except (TypeError, ValueError):
        return None


def _norm(v: Any) -> Any:
    if isinstance(v, str):
        return v.strip().casefold()
    if isinstance(v, (tuple, list)):
        return tuple(_norm(x) for x in v)
    return v


def _part_ok(expected: Any, given: Any, tol: float) -> bool:
    if isinstance(expected, frozenset):
        if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
            return False
        return {_norm(e) for e in expected} == {_norm(g) for g in given}
    if isinstance(expected, str):
        return isinstance(given, str) and _norm(given) == _norm(expected)
    if isinstance(expected, (Fraction, Integral)):
        g = _as_number(given)
        if g is None:
            return False
        return g == expected if isinstance(g, Fraction) else abs(g - float(expected)) <= tol
    return given == expected  # pragma: no cover - every topic uses the kinds above


def check(exercise: Exercise, answer: Mapping[str, Any], *, tol: float = 1e-6) -> Grade:
    """Grade a student's answer.

    Parameters
    ----------
    exercise : Exercise
        The exercise.
    answer : mapping
        The parts named in ``exercise.answer_format``. Numbers may be ints, Fractions, strings such
        as ``"2/3"`` or floats (within ``tol``); labels are compared ignoring case; sets in any order.
    tol : float
        Absolute tolerance for answers given as floats.

    Returns
    -------
    Grade

    Examples
    --------
    >>> from models.exercises import generate
    >>> ex = generate("volunteers-dilemma", seed=0)
    >>> check(ex, {k: str(v) for k, v in ex.answer.items()}).correct
    True
    >>> g = check(ex, {"p": 0})
    >>> g.correct, g.parts["p"]
    (False, False)
    """
    if not isinstance(exercise, Exercise):
        raise TypeError(f"exercise must be an Exercise; got {type(exercise).__name__}")
    if not isinstance(answer, Mapping):
        raise TypeError(f"answer must be a dict like {exercise.answer_format}; got {type(answer).__name__} {answer!r}")
    unknown = sorted(set(answer) - set(exercise.answer))
    if unknown:
        raise ValueError(f"answer has parts {unknown} this exercise does not ask for; "
                         f"expected {exercise.answer_format}")
    parts = {k: (k in answer and _part_ok(v, answer[k], tol)) for k, v in exercise.answer.items()}
    missing = [k for k in exercise.answer if k not in answer]
    wrong = [k for k, ok in parts.items() if not ok and k not in missing]
    if all(parts.values()):
        feedback = "Correct."
    else:
        bits = []
        if wrong:
            bits.append("check " + ", ".join(wrong))
        if missing:
            bits.append("missing " + ", ".join(missing))
        feedback = "Not yet: " + "; ".join(bits) + "."
    return Grade(all(parts.values()), parts, feedback)
