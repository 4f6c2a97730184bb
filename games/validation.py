"""Argument checking shared by the engine: every message names the argument and what was expected."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from numbers import Integral, Real
from typing import Any

import numpy as np

from .numeric import as_exact_array

__all__ = [
    "as_real_array",
    "canonical_choice",
    "check_choice",
    "check_nonnegative",
    "check_positive_int",
    "check_probability_vector",
    "check_tolerance",
    "noted",
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
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
        # numeric arrays (np.matrix and float32 included) need no entry-by-entry check
        return _finite(np.array(value, dtype=float), name, ndim)
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
    try:
        arr = raw.astype(float)
    except OverflowError:
        for idx, v in np.ndenumerate(raw):
            try:
                float(v)
            except OverflowError:
                raise ValueError(f"{name} must contain numbers that fit in a float (magnitude below 1.8e308); "
                                 f"found a {type(v).__name__} too large for a float at index {idx}") from None
        raise  # pragma: no cover - astype overflowed, so some entry does
    return _finite(arr, name, ndim)


def _finite(arr: np.ndarray, name: str, ndim: int | None) -> np.ndarray:
    """Check the dimension and finiteness of a float array."""
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional; got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        raise ValueError(
            f"{name} must contain finite numbers; found {arr[tuple(bad)]} at index {tuple(int(i) for i in bad)}"
        )
    return arr


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
        raise ValueError(f"{name} must sum to 1 (a probability distribution); it sums to {total:.12g}")
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


def check_nonnegative(value: Any, name: str) -> float:
    """Return ``value`` as a float >= 0 (``inf`` allowed) or raise naming ``name``.

    Examples
    --------
    >>> check_nonnegative(0.5, "tol")
    0.5
    >>> check_nonnegative(-1, "tol")
    Traceback (most recent call last):
    ...
    ValueError: tol must be a number >= 0; got -1
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (Real, np.floating, np.integer)):
        raise TypeError(f"{name} must be a number >= 0; got {type(value).__name__} {value!r}")
    if not value >= 0:  # also catches nan
        raise ValueError(f"{name} must be a number >= 0; got {value}")
    return float(value)


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


def canonical_choice(value: Any, name: str, choices: Sequence[str]) -> str:
    """The choice ``value`` names, ignoring case, surrounding spaces and ``_`` for ``-``; else raise naming ``name``.

    Examples
    --------
    >>> canonical_choice(" Lemke_Howson", "method", ["vertex", "lemke-howson"])
    'lemke-howson'
    >>> canonical_choice(None, "method", ["vertex"])
    Traceback (most recent call last):
    ...
    TypeError: method must be a str, one of 'vertex'; got NoneType None
    """
    if not isinstance(value, str):
        options = ", ".join(repr(c) for c in choices)
        raise TypeError(f"{name} must be a str, one of {options}; got {type(value).__name__} {value!r}")
    key = re.sub(r"[\s_]+", "-", value.strip().lower())
    return check_choice(key if key in choices else value, name, choices)


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
    if type(value) is float and 0 <= value < 1:  # the common case, without the slower abstract-type checks
        return value
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise TypeError(f"{name} must be a number in [0, 1); got {type(value).__name__} {value!r}")
    if not (0 <= value < 1):
        raise ValueError(f"{name} must be a number in [0, 1); got {value}")
    return float(value)


@contextlib.contextmanager
def noted(note: str, unless: str | None = None) -> Iterator[None]:
    """Add ``note`` (where the failure happened) to any exception raised inside the block.

    No note is added when one already mentions ``unless`` (an inner block said where, more precisely).

    Examples
    --------
    >>> try:
    ...     with noted("while reading row 3"):
    ...         int("x")
    ... except ValueError as exc:
    ...     exc.__notes__
    ['while reading row 3']
    """
    try:
        yield
    except Exception as exc:
        if unless is None or not any(unless in n for n in getattr(exc, "__notes__", ())):
            exc.add_note(note)
        raise
