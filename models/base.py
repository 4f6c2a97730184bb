"""What every model shares: documented, validated parameters and a uniform description.

A model is a frozen dataclass whose fields are declared with :func:`param`: a default, a unit, a
one-line meaning and, for a number, the range it must lie in (or ``unbounded=True`` when any finite
number makes sense). :func:`validate` checks every declared range in one place, with an error that
names the parameter, so a model's ``__post_init__`` holds only the checks that tie parameters
together. :func:`describe` lists the parameters with their units, meanings and ranges, and
:func:`solve_tree` is the one place where a model's game tree is solved and checked against the
normal form's equilibria from :func:`games.equilibria`. A categorical parameter is checked by
:func:`games.validation.check_choice` (the one implementation); :data:`ESSAY`, the citation of the essay, is
:data:`models.registry.ESSAY`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from games.validation import check_choice

from .registry import ESSAY

if TYPE_CHECKING:  # pragma: no cover
    from games import Equilibrium, EquilibriumSet, NormalFormGame
    from games.extensive import GameTree, SubgamePerfect

__all__ = ["param", "describe", "validate", "check_range", "check_int", "solve_tree", "max_regret", "ESSAY"]


def param(default: Any, unit: str, doc: str, *, low: float | None = None, high: float | None = None,
          low_open: bool = False, high_open: bool = False, integer: bool = False,
          choices: Sequence[Any] | None = None, unbounded: bool = False, why: str | None = None,
          why_low: str | None = None) -> Any:
    """A dataclass field with a default, a unit, a one-line meaning and the values it may take.

    Parameters
    ----------
    default : immutable value
        The default (a tuple, not a list, for sequences).
    unit : str
        The unit (``"utils"``, ``"probability"``, ``"states"``; ``"-"`` for labels).
    doc : str
        One line saying what the parameter means.
    low, high : float, optional
        Bounds of a numeric parameter (inclusive unless ``low_open``/``high_open``).
    integer : bool
        The parameter is an integer (bools refused).
    choices : sequence, optional
        The values a categorical parameter may take.
    unbounded : bool
        Declares that any finite number is meaningful (e.g. a payoff), so the missing range is a decision
        and not an oversight.
    why : str, optional
        Why the range stops where it does when the mathematics (not the meaning) sets a bound, e.g.
        ``"larger payoffs overflow the expected-payoff products; rescale the units"``; the refusal of a
        value above the range quotes it.
    why_low : str, optional
        The same for a lower bound set by the mathematics (a lower bound is usually the meaning's own, such as 0
        for a cost, and then needs no reason).

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Toy:
    ...     cost: float = param(1.0, "utils", "cost of contributing", low=0)
    ...     def __post_init__(self) -> None:
    ...         validate(self)
    >>> describe(Toy())
    [{'name': 'cost', 'value': 1.0, 'unit': 'utils', 'meaning': 'cost of contributing', 'range': '>= 0'}]
    >>> Toy(cost=-1)
    Traceback (most recent call last):
    ...
    ValueError: cost must be >= 0; got -1
    >>> @dataclass(frozen=True)
    ... class Scaled:
    ...     stake: float = param(1.0, "utils", "stake", low=0, high=1e150, why="larger stakes overflow; rescale")
    >>> validate(Scaled(stake=1e200))
    Traceback (most recent call last):
    ...
    ValueError: stake must be <= 1e+150 (larger stakes overflow; rescale); got 1e+200
    """
    if isinstance(default, (list, dict, set)):
        raise TypeError("param defaults must be immutable (use a tuple)")
    if choices is not None and (low is not None or high is not None or integer):
        raise TypeError("param: choices exclude low, high and integer")
    meta: dict[str, Any] = {"unit": unit, "doc": doc}
    spec = {"low": low, "high": high, "low_open": low_open, "high_open": high_open, "integer": integer,
            "choices": tuple(choices) if choices is not None else None, "unbounded": unbounded, "why": why,
            "why_low": why_low}
    meta.update({k: v for k, v in spec.items() if v is not None and v is not False})
    return dataclasses.field(default=default, metadata=meta)


def _range_text(meta: Any) -> str:
    """The declared range of a field in words: ``"[0, 1]"``, ``"> 0"``, ``"integer >= 2"``, ...."""
    if meta.get("choices") is not None:
        return "one of " + ", ".join(repr(c) for c in meta["choices"])
    low, high = meta.get("low"), meta.get("high")
    prefix = "integer " if meta.get("integer") else ""
    if low is not None and high is not None:
        left = "(" if meta.get("low_open") else "["
        right = ")" if meta.get("high_open") else "]"
        return f"{prefix}in {left}{low:g}, {high:g}{right}" if prefix else f"{left}{low:g}, {high:g}{right}"
    if low is not None:
        return f"{prefix}{'>' if meta.get('low_open') else '>='} {low:g}"
    if high is not None:
        return f"{prefix}{'<' if meta.get('high_open') else '<='} {high:g}"
    if meta.get("unbounded"):
        return "any integer" if prefix else "any finite number"
    return prefix.strip()


def describe(model: Any) -> list[dict[str, Any]]:
    """The parameters of a model instance: name, value, unit, meaning and range, in declaration order.

    Parameters
    ----------
    model : dataclass instance
        A model whose fields were declared with :func:`param` (other fields get empty unit, meaning
        and range).

    Returns
    -------
    list of dict
        One ``{"name", "value", "unit", "meaning", "range"}`` record per field.

    Examples
    --------
    >>> from dataclasses import dataclass, replace
    >>> @dataclass(frozen=True)
    ... class Alliance:
    ...     members: int = param(3, "states", "members of the alliance", low=1, integer=True)
    ...     cost: float = param(2.0, "utils", "total cost of a response", low=0)
    >>> [(row["name"], row["value"], row["unit"], row["range"]) for row in describe(replace(Alliance(), cost=4.5))]
    [('members', 3, 'states', 'integer >= 1'), ('cost', 4.5, 'utils', '>= 0')]
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
         "meaning": f.metadata.get("doc", ""), "range": _range_text(f.metadata)}
        for f in dataclasses.fields(model)
    ]


def check_range(name: str, value: Any, low: float | None = None, high: float | None = None,
                *, low_open: bool = False, high_open: bool = False, why: str | None = None,
                why_low: str | None = None) -> float:
    """Check a numeric model parameter lies in a range; the error names the parameter.

    ``why`` (the reason an upper bound was narrowed below what the meaning allows) is added to the message for a
    value above ``high``, ``why_low`` to that for a value below ``low``.

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
        reason = f" ({why_low})" if why_low else ""
        raise ValueError(f"{name} must be {'>' if low_open else '>='} {low}{reason}; got {value}")
    reason = f" ({why})" if why else ""
    if high is not None and (v > high or (high_open and v == high)):
        raise ValueError(f"{name} must be {'<' if high_open else '<='} {high}{reason}; got {value}")
    return v


def check_int(name: str, value: Any, low: int | None = None, high: int | None = None, *, why: str = "") -> int:
    """Check an integer model parameter (bools refused) lies in ``low..high``; the error names it.

    Parameters
    ----------
    name : str
        The parameter's name, for the message.
    value : Any
        The value to check (Python or numpy integer).
    low, high : int, optional
        Inclusive bounds.
    why : str
        A short reason appended to the expectation, e.g. ``"a coalition of at least one state"``.

    Examples
    --------
    >>> check_int("members", 3, low=1)
    3
    >>> check_int("members", 0, low=2, why="a lead power and at least one follower")
    Traceback (most recent call last):
    ...
    ValueError: members must be an integer >= 2 (a lead power and at least one follower); got 0
    >>> check_int("members", 2.5, low=1)
    Traceback (most recent call last):
    ...
    TypeError: members must be an integer >= 1; got float 2.5
    """
    if low is not None and high is not None:
        expected = f"an integer between {low} and {high}"
    elif low is not None:
        expected = f"an integer >= {low}"
    elif high is not None:
        expected = f"an integer <= {high}"
    else:
        expected = "an integer"
    expected += f" ({why})" if why else ""
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{name} must be {expected}; got {type(value).__name__} {value!r}")
    v = int(value)
    if (low is not None and v < low) or (high is not None and v > high):
        raise ValueError(f"{name} must be {expected}; got {value!r}")
    return v


def validate(model: Any) -> None:
    """Check every field of ``model`` against the range, integrality or choices declared with :func:`param`.

    Numeric fields must also be finite. Fields declared without a range (tuples, labels) are left to
    the model's own ``__post_init__``, which calls this first and then checks what ties fields together.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Toy:
    ...     n: int = param(3, "members", "group size", low=2, integer=True)
    ...     p: float = param(0.5, "probability", "chance of success", low=0, high=1)
    ...     rule: str = param("equal", "-", "cost rule", choices=("equal", "gdp"))
    >>> validate(Toy())
    >>> validate(Toy(p=float("inf")))
    Traceback (most recent call last):
    ...
    ValueError: p must be <= 1; got inf
    >>> validate(Toy(rule="fair"))
    Traceback (most recent call last):
    ...
    ValueError: rule must be one of 'equal', 'gdp'; got 'fair'
    """
    for f in dataclasses.fields(model):
        meta, value = f.metadata, getattr(model, f.name)
        if meta.get("choices") is not None:
            check_choice(value, f.name, meta["choices"])
        elif meta.get("integer"):
            check_int(f.name, value, meta.get("low"), meta.get("high"))
        elif any(k in meta for k in ("low", "high", "unbounded")):
            v = check_range(f.name, value, meta.get("low"), meta.get("high"),
                            low_open=bool(meta.get("low_open")), high_open=bool(meta.get("high_open")),
                            why=meta.get("why"), why_low=meta.get("why_low"))
            if not math.isfinite(v):
                raise ValueError(f"{f.name} must be finite; got {value}")


def solve_tree(tree: GameTree, tol: float = 1e-9) -> tuple[SubgamePerfect, NormalFormGame, Equilibrium,
                                                           EquilibriumSet]:
    """Backward induction on ``tree``, checked against the pure equilibria of its normal form.

    The subgame-perfect plan comes from :meth:`games.extensive.GameTree.backward_induction` (ties within
    ``1e-12`` of the normal form's payoff scale); the normal
    form's pure equilibria from :func:`games.equilibria` (each verified, its regret computed). The
    subgame-perfect profile must be one of them (Kuhn's theorem), else ``RuntimeError``: a wrong answer
    is never returned silently.

    Returns
    -------
    spe : games.extensive.SubgamePerfect
    game : games.NormalFormGame
        The normal form.
    equilibrium : games.Equilibrium
        The normal form's equilibrium that the subgame-perfect plan plays (``.regret`` is its regret).
    equilibria : games.EquilibriumSet
        All pure equilibria of the normal form.

    Examples
    --------
    >>> from games.extensive import Decision, GameTree, Terminal
    >>> entry = Decision(0, {"out": Terminal((0, 2)),
    ...                      "in": Decision(1, {"fight": Terminal((-1, -1)), "share": Terminal((1, 1))},
    ...                                     name="incumbent")}, name="entrant")
    >>> spe, game, eq, eqs = solve_tree(GameTree(entry, players=["Entrant", "Incumbent"]))
    >>> spe.plan, float(eq.regret), len(eqs)
    ({'entrant': 'in', 'incumbent': 'share'}, 0.0, 2)
    """
    from games import equilibria

    game = tree.normal_form()
    # ties within the payoffs' own scale (an absolute 1e-12 would tie every action of a game in units of 1e-129)
    spe = tree.backward_induction(tol=min(1e-12 * float(game.payoff_scale), 0.5))
    target = tuple((k,) for k in tree.profile(spe.plan))
    eqs = equilibria(game, method="pure", tol=tol)
    match = [eq for eq in eqs if eq.supports == target]
    if not match:  # pragma: no cover - Kuhn's theorem; kept so a wrong answer is never silent
        raise RuntimeError("the subgame-perfect profile is not a Nash equilibrium of the normal form")
    return spe, game, match[0], eqs


def max_regret(equilibria: Any) -> float:
    """The largest regret among equilibria the engine returned (``nan`` when there are none).

    Models report it next to the equilibria they summarise, so a reader sees the verification.

    Examples
    --------
    >>> import games
    >>> pd = games.NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> max_regret(games.equilibria(pd, method="pure"))
    0.0
    >>> max_regret([])
    nan
    """
    regrets = [float(eq.regret) for eq in equilibria]
    return max(regrets) if regrets else float("nan")
