"""Argument checking shared by the engine: every message names the argument and what was expected."""

from __future__ import annotations

from fractions import Fraction
from numbers import Integral, Rational, Real
from typing import Any, Sequence

import numpy as np

__all__ = [
    "as_real_array",
    "as_exact_array",
    "check_probability_vector",
    "check_positive_int",
    "check_choice",
    "check_tolerance",
]


def as_real_array(value: Any, name: str, *, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a finite float array or raise naming ``name``.

    Parameters
    ----------
    value : array_like
        Numbers (ints, floats, Fractions, numpy scalars).
    name : str
        The argument's name, used in error messages.
    ndim : int, optional
        Required number of dimensions.

    Returns
    -------
    numpy.ndarray
        A float64 array.

    Examples
    --------
    >>> as_real_array([[1, 2], [3, 4]], "A").dtype
    dtype('float64')
    >>> as_real_array([[1, 2], [3]], "A")
    Traceback (most recent call last):
    ...
    ValueError: A must be a rectangular array of numbers; got a ragged nested sequence
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of numbers; got {type(value).__name__} {value!r}")
    try:
        raw = np.asarray(value, dtype=object)
    except ValueError as exc:  # numpy >= 1.24 refuses ragged input
        raise ValueError(
            f"{name} must be a rectangular array of numbers; got a ragged nested sequence"
        ) from exc
    if raw.dtype == object and raw.size and any(
        isinstance(v, (list, tuple, np.ndarray)) for v in raw.flat
    ):
        raise ValueError(f"{name} must be a rectangular array of numbers; got a ragged nested sequence")
    for v in raw.flat:
        if isinstance(v, bool) or not isinstance(v, (Real, np.number)) or isinstance(v, complex):
            raise TypeError(
                f"{name} must contain real numbers only; found {type(v).__name__} {v!r}"
            )
    arr = raw.astype(float)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional; got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        raise ValueError(
            f"{name} must contain finite numbers; found {arr[tuple(bad)]} at index {tuple(int(i) for i in bad)}"
        )
    return arr


def _to_fraction(v: Any) -> Fraction:
    if isinstance(v, Fraction):
        return v
    if isinstance(v, (Integral, np.integer)):
        return Fraction(int(v))
    if isinstance(v, Rational):
        return Fraction(v.numerator, v.denominator)
    # a float: take the shortest decimal that round-trips (what the user typed, e.g. 0.1 -> 1/10)
    return Fraction(repr(float(v)))


def as_exact_array(value: Any) -> np.ndarray:
    """Return an object array of :class:`fractions.Fraction` with the same shape as ``value``.

    Floats become the shortest decimal that prints as the same float (``0.1`` -> ``1/10``).

    Examples
    --------
    >>> as_exact_array([0.5, 2, 0.1]).tolist()
    [Fraction(1, 2), Fraction(2, 1), Fraction(1, 10)]
    """
    raw = np.asarray(value, dtype=object)
    out = np.empty(raw.shape, dtype=object)
    for idx, v in np.ndenumerate(raw):
        out[idx] = _to_fraction(v)
    return out


def check_probability_vector(
    vec: Any, size: int, name: str, tol: float = 1e-9
) -> np.ndarray:
    """Check that ``vec`` is a probability distribution over ``size`` actions.

    Exact inputs (ints and Fractions) are kept exact and must sum to exactly one.

    Examples
    --------
    >>> check_probability_vector([0.25, 0.75], 2, "profile[0]")
    array([0.25, 0.75])
    >>> check_probability_vector([0.5, 0.6], 2, "profile[0]")
    Traceback (most recent call last):
    ...
    ValueError: profile[0] must sum to 1 (a probability distribution); it sums to 1.1
    """
    raw = np.asarray(vec, dtype=object).ravel() if not isinstance(vec, np.ndarray) else vec.ravel()
    if np.ndim(vec) != 1:
        raise ValueError(f"{name} must be a 1-D vector of {size} probabilities; got shape {np.shape(vec)}")
    if raw.size != size:
        raise ValueError(f"{name} must have {size} entries (one per action); got {raw.size}")
    exact = raw.dtype == object and all(
        isinstance(v, (Fraction, Integral, np.integer)) and not isinstance(v, bool) for v in raw
    )
    if exact:
        arr = as_exact_array(raw)
        if any(v < 0 for v in arr):
            raise ValueError(f"{name} must be non-negative; got {[str(v) for v in arr]}")
        if sum(arr) != 1:
            raise ValueError(f"{name} must sum to 1 (a probability distribution); it sums to {sum(arr)}")
        return arr
    arr = as_real_array(raw, name)
    if np.any(arr < -tol):
        raise ValueError(f"{name} must be non-negative; got {arr.tolist()}")
    total = float(arr.sum())
    if abs(total - 1.0) > max(tol, 1e-12) * max(1, size):
        raise ValueError(f"{name} must sum to 1 (a probability distribution); it sums to {total:.6g}")
    return arr


def check_positive_int(value: Any, name: str, minimum: int = 1) -> int:
    """Return ``value`` as an int >= ``minimum`` or raise naming ``name``.

    Examples
    --------
    >>> check_positive_int(3, "n")
    3
    >>> check_positive_int(0, "n")
    Traceback (most recent call last):
    ...
    ValueError: n must be an integer >= 1; got 0
    """
    if isinstance(value, bool) or not isinstance(value, (Integral, np.integer)):
        raise TypeError(f"{name} must be an integer >= {minimum}; got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}; got {value}")
    return int(value)


def check_choice(value: Any, name: str, choices: Sequence[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise naming ``name`` and the choices.

    Examples
    --------
    >>> check_choice("vertex", "method", ["vertex", "pure"])
    'vertex'
    >>> check_choice("simplex", "method", ["vertex", "pure"])
    Traceback (most recent call last):
    ...
    ValueError: method must be one of 'vertex', 'pure'; got 'simplex'
    """
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}; got {value!r}")
    return value


def check_tolerance(value: Any, name: str = "tol") -> float:
    """Return a tolerance as a float in [0, 1), or raise naming ``name``.

    Examples
    --------
    >>> check_tolerance(1e-9)
    1e-09
    >>> check_tolerance(-1)
    Traceback (most recent call last):
    ...
    ValueError: tol must be a number in [0, 1); got -1
    """
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise TypeError(f"{name} must be a number in [0, 1); got {type(value).__name__} {value!r}")
    if not (0 <= value < 1):
        raise ValueError(f"{name} must be a number in [0, 1); got {value}")
    return float(value)
