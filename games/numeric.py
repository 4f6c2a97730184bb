"""The number core: every conversion between floats, :class:`~fractions.Fraction` s and sympy, exact linear
solves, and the spelling of numbers in text, LaTeX and files.

The rest of the engine (and :mod:`models`) converts and formats numbers through this module only, so a
float read as ``0.1`` is ``1/10`` everywhere, and a number prints the same way in a repr, a table and an
exercise sheet.

Examples
--------
>>> to_fraction(0.1), to_fraction(3), to_number(0.25, "x")
(Fraction(1, 10), Fraction(3, 1), 0.25)
>>> format_number(Fraction(2, 3)), format_number(2.0), format_number(1 / 3)
('2/3', '2', '0.333333')
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from numbers import Integral, Rational, Real
from typing import Any

import numpy as np

__all__ = [
    "as_exact_array",
    "format_number",
    "from_sympy",
    "is_exact_value",
    "is_sympy",
    "number_kind",
    "solve_exact",
    "tex_text",
    "to_fraction",
    "to_number",
    "to_sympy",
]


def is_exact_value(v: Any) -> bool:
    """Whether ``v`` is an integer or a rational number (not a bool, not a float).

    Examples
    --------
    >>> is_exact_value(3), is_exact_value(Fraction(1, 3)), is_exact_value(0.5), is_exact_value(True)
    (True, True, False, False)
    """
    return isinstance(v, (Rational, np.integer)) and not isinstance(v, (bool, np.bool_))


def is_sympy(v: Any) -> bool:
    """Whether ``v`` is a sympy object (checked without importing sympy).

    Examples
    --------
    >>> is_sympy(1.0)
    False
    """
    return type(v).__module__.startswith("sympy")


def to_fraction(v: Any, name: str = "value") -> Fraction:
    """``v`` as a :class:`~fractions.Fraction`; a float is read as its shortest decimal (``0.1`` -> ``1/10``).

    Accepts ints, Fractions, other rationals (sympy ``Rational`` too) and finite floats.

    Examples
    --------
    >>> to_fraction(0.1), to_fraction(Fraction(2, 4)), to_fraction(7)
    (Fraction(1, 10), Fraction(1, 2), Fraction(7, 1))
    >>> to_fraction(float("nan"), "payoff")
    Traceback (most recent call last):
    ...
    ValueError: payoff must be a finite number; got nan
    """
    if isinstance(v, Fraction):
        return v
    if isinstance(v, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number; got bool {v!r}")
    if isinstance(v, (Integral, np.integer)):
        return Fraction(int(v))
    if isinstance(v, Rational):
        return Fraction(int(v.numerator), int(v.denominator))
    if is_sympy(v) and getattr(v, "is_Rational", False):
        return Fraction(int(v.p), int(v.q))
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number; got {type(v).__name__} {v!r}") from None
    if not np.isfinite(f):
        raise ValueError(f"{name} must be a finite number; got {v}")
    return Fraction(repr(f))


def to_number(v: Any, name: str = "value") -> Fraction | float | Any:
    """``v`` as a Fraction (ints, Fractions, sympy Rationals), a float (floats, irrational sympy numbers) or
    a sympy expression (anything with free symbols).

    Examples
    --------
    >>> to_number(3, "x"), to_number(0.5, "x")
    (Fraction(3, 1), 0.5)
    >>> import sympy
    >>> to_number(sympy.Rational(1, 3), "x"), to_number(sympy.Symbol("c"), "x")
    (Fraction(1, 3), c)
    >>> to_number("3", "cost")
    Traceback (most recent call last):
    ...
    TypeError: cost must be a number or a sympy expression; got str '3'
    """
    if isinstance(v, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number; got bool {v!r}")
    if isinstance(v, Fraction):
        return v
    if isinstance(v, (Integral, np.integer)):
        return Fraction(int(v))
    if is_sympy(v):
        import sympy

        v = sympy.sympify(v)
        if v.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan):
            raise ValueError(f"{name} must be finite; got {v}")
        if v.is_number:
            return from_sympy(v, name)
        return v
    if isinstance(v, Rational):
        return Fraction(v.numerator, v.denominator)
    if isinstance(v, (Real, np.floating)):
        f = float(v)
        if not np.isfinite(f):
            raise ValueError(f"{name} must be finite; got {v}")
        return f
    raise TypeError(f"{name} must be a number or a sympy expression; got {type(v).__name__} {v!r}")


def to_sympy(v: Any) -> Any:
    """``v`` as a sympy number: exact where ``v`` is (floats read as their shortest decimal).

    Examples
    --------
    >>> to_sympy(0.1), to_sympy(Fraction(2, 3)), to_sympy(4)
    (1/10, 2/3, 4)
    """
    import sympy

    if isinstance(v, sympy.Basic):
        return v
    fr = to_fraction(v)
    return sympy.Rational(fr.numerator, fr.denominator)


def from_sympy(v: Any, what: str = "value") -> Fraction | float:
    """A sympy number as a Fraction (rationals) or a float (other reals); refuses expressions with symbols.

    Examples
    --------
    >>> import sympy
    >>> from_sympy(sympy.Rational(3, 4)), round(from_sympy(sympy.sqrt(2)), 6)
    (Fraction(3, 4), 1.414214)
    >>> from_sympy(sympy.Symbol("b") / 2, "threshold")
    Traceback (most recent call last):
    ...
    ValueError: threshold: b/2 still depends on ['b']; give every parameter
    """
    if not v.is_number:
        raise ValueError(f"{what}: {v} still depends on {sorted(map(str, v.free_symbols))}; give every parameter")
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    if not v.is_real:
        raise ValueError(f"{what}: {v} is not a real number")
    return float(v)


def as_exact_array(value: Any) -> np.ndarray:
    """An object array of :class:`~fractions.Fraction` with the shape of ``value``.

    Examples
    --------
    >>> as_exact_array([0.5, 2, 0.1]).tolist()
    [Fraction(1, 2), Fraction(2, 1), Fraction(1, 10)]
    """
    raw = np.asarray(value, dtype=object)
    out = np.empty(raw.shape, dtype=object)
    for idx, v in np.ndenumerate(raw):
        out[idx] = to_fraction(v)
    return out


def number_kind(values: Any) -> str:
    """``"symbolic"`` if any value is a sympy expression with symbols, ``"exact"`` if all are Fractions or
    ints, else ``"float"``.

    Examples
    --------
    >>> number_kind([Fraction(1), 2]), number_kind([0.5, 1]), number_kind([__import__("sympy").Symbol("x")])
    ('exact', 'float', 'symbolic')
    """
    vals = list(np.asarray(values, dtype=object).ravel())
    if any(is_sympy(v) and not v.is_number for v in vals):
        return "symbolic"
    if all(is_exact_value(v) for v in vals):
        return "exact"
    return "float"


def solve_exact(M: Sequence[Sequence[Any]], b: Sequence[Any]) -> list[Fraction] | None:
    """Solve ``M x = b`` exactly (Gauss–Jordan on Fractions); ``None`` when ``M`` does not have full column
    rank or the system is inconsistent. ``M`` may have more rows than columns.

    Examples
    --------
    >>> F = Fraction
    >>> solve_exact([[F(2), F(1)], [F(1), F(3)]], [F(1), F(2)])
    [Fraction(1, 5), Fraction(3, 5)]
    >>> solve_exact([[F(1), F(1)], [F(2), F(2)]], [F(1), F(2)]) is None
    True
    """
    rows = [[Fraction(v) for v in r] + [Fraction(bi)] for r, bi in zip(M, b)]
    n_rows = len(rows)
    n_cols = len(rows[0]) - 1 if rows else 0
    pivot_row = 0
    for col in range(n_cols):
        pr = next((r for r in range(pivot_row, n_rows) if rows[r][col] != 0), None)
        if pr is None:
            return None  # rank deficient in this column
        rows[pivot_row], rows[pr] = rows[pr], rows[pivot_row]
        piv = rows[pivot_row][col]
        rows[pivot_row] = [v / piv for v in rows[pivot_row]]
        for r in range(n_rows):
            if r != pivot_row and rows[r][col] != 0:
                f = rows[r][col]
                rows[r] = [a - f * c for a, c in zip(rows[r], rows[pivot_row])]
        pivot_row += 1
    if any(rows[r][-1] != 0 for r in range(pivot_row, n_rows)):  # leftover rows must read 0 = 0
        return None
    return [rows[k][-1] for k in range(n_cols)]


def format_number(v: Any, digits: int | None = 6) -> str:
    """A number as people write it: ``2/3`` for a Fraction, ``2`` for a whole float, else ``digits``
    significant digits (``digits=None``: the shortest decimal that reads back as the same float, as files
    need).

    Examples
    --------
    >>> format_number(Fraction(-1, 3)), format_number(3.0), format_number(0.123456789)
    ('-1/3', '3', '0.123457')
    >>> format_number(0.1 + 0.2, digits=None), format_number(np.int64(4))
    ('0.30000000000000004', '4')
    """
    if isinstance(v, Fraction):
        return str(v)
    if isinstance(v, (Integral, np.integer)) and not isinstance(v, bool):
        return str(int(v))
    if is_sympy(v) and not getattr(v, "is_number", False):
        return str(v)
    f = float(v)
    if f.is_integer() and abs(f) < 2**53:
        return str(int(f))
    return repr(f) if digits is None else f"{f:.{digits}g}"


def tex_text(label: str) -> str:
    r"""A label as LaTeX text, with ``_``, ``&`` and ``#`` escaped.

    Examples
    --------
    >>> tex_text("arm_now & wait")
    '\\text{arm\\_now \\& wait}'
    """
    return r"\text{" + str(label).replace("_", r"\_").replace("&", r"\&").replace("#", r"\#") + "}"
