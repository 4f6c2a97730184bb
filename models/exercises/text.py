"""Numbers and words in exercise text: LaTeX fractions, "nice" numbers, plurals.

Numbers are converted with :mod:`games.numeric` (the project's number core); this module only spells
them for a student handout. The handouts serve seminars on the essay's claim that regimes are needed for
"an atmosphere of confidence and predictability in international relations".

Examples
--------
>>> from fractions import Fraction
>>> tex_number(Fraction(-1, 2)), nice(Fraction(2, 3)), plural(1, "unit"), plural(3, "equilibrium", "equilibria")
('-\\\\frac{1}{2}', True, '1 unit', '3 equilibria')
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from games.numeric import to_fraction

__all__ = ["MAX_DENOMINATOR", "nice", "tex_number", "exact", "plural", "combo"]

MAX_DENOMINATOR = 6
"""The largest denominator of a number a student works by hand."""


def nice(v: Any, max_denominator: int = MAX_DENOMINATOR) -> bool:
    """Whether a number is a fraction with a small denominator (what a student can work by hand).

    Parameters
    ----------
    v : int, Fraction or float
        The number (a float is read as its shortest decimal).
    max_denominator : int
        The largest denominator that counts as nice.

    Examples
    --------
    >>> nice(Fraction(2, 3)), nice(Fraction(5, 11)), nice(4)
    (True, False, True)
    """
    return to_fraction(v).denominator <= max_denominator


def tex_number(v: Any) -> str:
    r"""A number as LaTeX: ``3``, ``-\frac{1}{2}``.

    Parameters
    ----------
    v : int, Fraction or float
        The number.

    Examples
    --------
    >>> tex_number(Fraction(-1, 2)), tex_number(Fraction(4, 1))
    ('-\\frac{1}{2}', '4')
    """
    f = to_fraction(v)
    if f.denominator == 1:
        return str(f.numerator)
    sign = "-" if f < 0 else ""
    return rf"{sign}\frac{{{abs(f.numerator)}}}{{{f.denominator}}}"


def exact(value: Any, what: str, max_denominator: int = 10_000, tol: float = 1e-9) -> Fraction:
    """A model's float result as the simple fraction it stands for; refuses anything else.

    Parameters
    ----------
    value : float, int or Fraction
        The number.
    what : str
        Its name, for the error message.
    max_denominator : int
        The largest denominator tried.
    tol : float
        How far the float may be from the fraction.

    Examples
    --------
    >>> exact(1 / 3, "share")
    Fraction(1, 3)
    >>> exact(0.1234567, "share", max_denominator=10)
    Traceback (most recent call last):
    ...
    ValueError: share = 0.1234567 is not a fraction with denominator at most 10
    """
    f = Fraction(value).limit_denominator(max_denominator)
    if abs(float(f) - float(value)) > tol:
        raise ValueError(f"{what} = {value!r} is not a fraction with denominator at most {max_denominator}")
    return f


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """``n`` and the noun, singular for one: ``1 unit``, ``2 units``, ``0 equilibria``.

    Parameters
    ----------
    n : int
        The count.
    singular : str
        The noun for one.
    plural_form : str, optional
        The noun for other counts (default: ``singular + "s"``).

    Examples
    --------
    >>> plural(1, "follower"), plural(2, "follower"), plural(0, "equilibrium", "equilibria")
    ('1 follower', '2 followers', '0 equilibria')
    """
    return f"{n} {singular if n == 1 else (plural_form or singular + 's')}"


def combo(weights: list[Fraction], values: list[Fraction]) -> str:
    r"""``w_1 \cdot v_1 + ...`` in LaTeX, for the non-zero weights (negative values in brackets).

    Parameters
    ----------
    weights, values : list of Fraction
        The weights and the values they multiply.

    Examples
    --------
    >>> combo([Fraction(1, 2), Fraction(0), Fraction(1, 2)], [Fraction(3), Fraction(5), Fraction(-1)])
    '\\frac{1}{2} \\cdot 3 + \\frac{1}{2} \\cdot (-1)'
    """
    return " + ".join(rf"{tex_number(w)} \cdot " + (f"({tex_number(v)})" if v < 0 else tex_number(v))
                      for w, v in zip(weights, values, strict=True) if w != 0)
