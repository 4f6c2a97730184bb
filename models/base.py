"""What every model shares: documented parameters and a uniform description."""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["param", "describe", "check_range"]

ESSAY = ("V. Petrovsky, International Security Regimes, Conflict Resolution and Peace Support "
         "Operations in the CIS")


def param(default: Any, unit: str, doc: str) -> Any:
    """A dataclass field with a default, a unit and a one-line meaning.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Toy:
    ...     cost: float = param(1.0, "utils", "cost of contributing")
    >>> describe(Toy())
    [{'name': 'cost', 'value': 1.0, 'unit': 'utils', 'meaning': 'cost of contributing'}]
    """
    if isinstance(default, (list, dict, set)):
        raise TypeError("param defaults must be immutable (use a tuple)")
    return dataclasses.field(default=default, metadata={"unit": unit, "doc": doc})


def describe(model: Any) -> list[dict[str, Any]]:
    """The parameters of a model instance: name, value, unit and meaning, in declaration order.

    Parameters
    ----------
    model : dataclass instance
        A model whose fields were declared with :func:`param` (other fields get empty unit and meaning).

    Returns
    -------
    list of dict
        One ``{"name", "value", "unit", "meaning"}`` record per field.

    Examples
    --------
    >>> from dataclasses import dataclass, replace
    >>> @dataclass(frozen=True)
    ... class Alliance:
    ...     members: int = param(3, "states", "members of the alliance")
    ...     cost: float = param(2.0, "utils", "total cost of a response")
    >>> [(row["name"], row["value"], row["unit"]) for row in describe(replace(Alliance(), cost=4.5))]
    [('members', 3, 'states'), ('cost', 4.5, 'utils')]
    >>> describe({"cost": 2.0})
    Traceback (most recent call last):
    ...
    TypeError: model must be a dataclass instance; got dict
    """
    if not dataclasses.is_dataclass(model) or isinstance(model, type):
        what = f"the class {model.__name__} (instantiate it: {model.__name__}())" if isinstance(model, type) \
            else type(model).__name__
        raise TypeError(f"model must be a dataclass instance; got {what}")
    return [
        {"name": f.name, "value": getattr(model, f.name), "unit": f.metadata.get("unit", ""),
         "meaning": f.metadata.get("doc", "")}
        for f in dataclasses.fields(model)
    ]


def check_range(name: str, value: Any, low: float | None = None, high: float | None = None,
                *, low_open: bool = False, high_open: bool = False) -> float:
    """Check a numeric model parameter lies in a range; the error names the parameter.

    Examples
    --------
    >>> check_range("cost", 2.0, low=0)
    2.0
    >>> check_range("cost", -1, low=0)
    Traceback (most recent call last):
    ...
    ValueError: cost must be >= 0; got -1
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise TypeError(f"{name} must be a number; got {type(value).__name__} {value!r}")
    v = float(value)
    if v != v:
        raise ValueError(f"{name} must be a number; got NaN")
    if low is not None and (v < low or (low_open and v == low)):
        raise ValueError(f"{name} must be {'>' if low_open else '>='} {low}; got {value}")
    if high is not None and (v > high or (high_open and v == high)):
        raise ValueError(f"{name} must be {'<' if high_open else '<='} {high}; got {value}")
    return v
