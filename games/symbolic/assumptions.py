"""Assumptions on the parameters of a symbolic game, and what they imply about the sign of an expression.

An assumption is a strict or weak inequality between expressions in the parameters (``V > 0``,
``T > R``, ``C >= V``). Linear assumptions and linear expressions are decided by linear programming
(is there a parameter point satisfying the assumptions where the expression has the other sign?);
ratios are split into numerator and denominator, products into factors; anything else is left to
sympy's own sign inference, and is kept undecided when that fails (never guessed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import sympy as sp
from scipy.optimize import linprog

__all__ = ["Assumptions", "ordering"]

_STRICT = (sp.StrictGreaterThan, sp.StrictLessThan)
_WEAK = (sp.GreaterThan, sp.LessThan)


def ordering(*exprs: Any) -> list[sp.Basic]:
    """The chain ``exprs[0] > exprs[1] > ...`` as a list of strict inequalities.

    Python evaluates ``T > R > P`` as ``(T > R) and (R > P)``, which sympy cannot do; use this instead.

    Examples
    --------
    >>> T, R, P, S = sp.symbols("T R P S")
    >>> ordering(T, R, P, S)
    [T > R, R > P, P > S]
    """
    if len(exprs) < 2:
        raise ValueError(f"ordering needs at least two expressions; got {len(exprs)}")
    items = [sp.sympify(e, strict=True) for e in exprs]
    return [sp.StrictGreaterThan(a, b) for a, b in zip(items, items[1:])]


def _relation(g: sp.Expr, strict: bool) -> sp.Basic:
    """``g > 0`` or ``g >= 0``, unevaluated (so a positive symbol still shows its assumption)."""
    return sp.StrictGreaterThan(g, 0, evaluate=False) if strict else sp.GreaterThan(g, 0, evaluate=False)


def _as_inequality(rel: Any, k: int) -> tuple[sp.Expr, bool]:
    """``rel`` as ``(g, strict)`` meaning ``g > 0`` (strict) or ``g >= 0``."""
    if rel is sp.true or rel is True:
        raise ValueError(f"assumptions[{k}] is always true (it has no parameter in it); remove it")
    if rel is sp.false or rel is False:
        raise ValueError(f"assumptions[{k}] is always false, so no parameter value satisfies the assumptions")
    if isinstance(rel, (sp.Eq, sp.Ne)):
        raise ValueError(
            f"assumptions[{k}] = {rel} is an equation or a '!='; only inequalities (<, <=, >, >=) are "
            "supported (substitute an equality into the payoffs instead)"
        )
    if not isinstance(rel, _STRICT + _WEAK):
        raise TypeError(
            f"assumptions[{k}] must be a sympy inequality such as V > 0 or T > R; got "
            f"{type(rel).__name__} {rel!r}"
        )
    g = rel.lhs - rel.rhs if isinstance(rel, (sp.StrictGreaterThan, sp.GreaterThan)) else rel.rhs - rel.lhs
    if g.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        raise ValueError(f"assumptions[{k}] = {rel} must compare finite expressions; got an infinity or NaN")
    return sp.expand(g), isinstance(rel, _STRICT)


class Assumptions:
    """A conjunction of inequalities on named parameters.

    Parameters
    ----------
    relations : iterable of sympy relationals
        Strict or weak inequalities (``And`` of inequalities is flattened). Symbols declared
        ``positive=True`` / ``nonnegative=True`` / ``negative=True`` add the matching assumption.
    parameters : sequence of sympy.Symbol
        The parameters the relations may mention.
    tol : float
        Slack below which a linear program counts a strict inequality as unsatisfiable.

    Examples
    --------
    >>> V, C = sp.symbols("V C")
    >>> a = Assumptions([V > 0, C > V], [V, C])
    >>> a.decide(C - V / 2, strict=True), a.decide(V - C, strict=False), a.decide(V - 1, strict=True)
    (True, False, None)
    >>> Assumptions([V > C, C > V], [V, C])
    Traceback (most recent call last):
    ...
    ValueError: assumptions are contradictory: no value of (V, C) satisfies V > C, C > V
    """

    def __init__(self, relations: Iterable[Any], parameters: Sequence[sp.Symbol], *, tol: float = 1e-9) -> None:
        if isinstance(relations, (sp.Basic, bool)):
            relations = [relations]
        try:
            rel_list = list(relations)
        except TypeError as exc:
            raise TypeError(
                f"assumptions must be a list of sympy inequalities; got {type(relations).__name__}"
            ) from exc
        flat: list[Any] = []
        for r in rel_list:
            flat.extend(r.args if isinstance(r, sp.And) else [r])
        self.parameters = tuple(parameters)
        known = set(self.parameters)
        items: list[tuple[sp.Expr, bool]] = []
        shown: list[sp.Basic] = []
        for k, rel in enumerate(flat):
            g, strict = _as_inequality(rel, k)
            extra = g.free_symbols - known
            if extra:
                names = ", ".join(sorted(str(s) for s in extra))
                raise ValueError(
                    f"assumptions[{k}] = {rel} mentions {names}, which is not a parameter of the game "
                    f"(parameters: {', '.join(str(p) for p in self.parameters) or 'none'})"
                )
            items.append((g, strict))
            shown.append(rel)
        for s in self.parameters:
            for flag, g, strict in (("positive", s, True), ("nonnegative", s, False),
                                    ("negative", -s, True), ("nonpositive", -s, False)):
                if s.assumptions0.get(flag) and (g, strict) not in items:
                    items.append((g, strict))
                    shown.append(_relation(g, strict))
                    break
        self._set(items, shown, tol)

    def _set(self, items: list[tuple[sp.Expr, bool]], shown: list[sp.Basic], tol: float) -> None:
        self.inequalities = tuple(items)
        self.relations = tuple(shown)
        self.tol = float(tol)
        if not self.satisfiable():
            what = ", ".join(str(r) for r in shown)
            names = ", ".join(str(p) for p in self.parameters)
            raise ValueError(f"assumptions are contradictory: no value of ({names}) satisfies {what}")

    def extended(self, atoms: Sequence[tuple[sp.Expr, bool]]) -> Assumptions:
        """These assumptions and ``g > 0`` / ``g >= 0`` for each ``(g, strict)`` in ``atoms``.

        Raises ValueError when the result is contradictory.

        Examples
        --------
        >>> x = sp.Symbol("x", positive=True)
        >>> Assumptions([], [x]).extended([(x - 1, True)])
        Assumptions(x > 0, x - 1 > 0)
        """
        new = object.__new__(Assumptions)
        new.parameters = self.parameters
        items = list(self.inequalities) + [(sp.expand(g), bool(s)) for g, s in atoms]
        new._set(items, list(self.relations) + [_relation(g, s) for g, s in atoms], self.tol)
        if not new.satisfiable():
            raise ValueError("assumptions are contradictory: no parameter value satisfies "
                             + ", ".join(str(r) for r in new.relations))
        return new

    # ------------------------------------------------------------------ linear programming
    def _linear_row(self, g: sp.Expr) -> np.ndarray | None:
        """Coefficients ``[a_1..a_k, b]`` of ``g = a.x + b``, or None when ``g`` is not linear."""
        g = sp.expand(g)
        if not g.free_symbols <= set(self.parameters):
            return None
        try:
            poly = sp.Poly(g, *self.parameters) if self.parameters else None
        except sp.PolynomialError:
            return None
        if poly is not None and poly.total_degree() > 1:
            return None
        row = [float(g.coeff(p)) if poly is not None else 0.0 for p in self.parameters]
        const = g.subs({p: 0 for p in self.parameters})
        if not const.is_number:
            return None
        return np.array(row + [float(const)])

    def _feasible(self, extra: list[tuple[np.ndarray, bool]]) -> bool | None:
        """Is there a point satisfying the linear assumptions and ``extra``? None if some assumption is nonlinear."""
        rows = []
        relaxed = False  # nonlinear assumptions are dropped: infeasible without them means infeasible with them
        for g, strict in self.inequalities:
            row = self._linear_row(g)
            if row is None:
                relaxed = True
                continue
            rows.append((row, strict))
        rows += extra
        k = len(self.parameters)
        if not rows:
            return None if relaxed else True
        # variables x_1..x_k, t ; maximise t s.t. a.x + b >= t (strict) or >= 0 (weak); t <= 1
        a_ub, b_ub = [], []
        for row, strict in rows:
            norm = float(np.linalg.norm(row[:k])) or 1.0
            a, b = row[:k] / norm, row[k] / norm
            a_ub.append(np.concatenate([-a, [1.0 if strict else 0.0]]))
            b_ub.append(b)
        cost = np.zeros(k + 1)
        cost[-1] = -1.0
        res = linprog(cost, A_ub=np.array(a_ub), b_ub=np.array(b_ub),
                      bounds=[(None, None)] * k + [(None, 1.0)], method="highs")
        if res.status == 2:
            return False
        if res.status != 0:  # pragma: no cover - bounded by t <= 1 and free x
            return None
        if -res.fun <= self.tol:
            return False
        return None if relaxed else True

    def satisfiable(self) -> bool:
        """Whether some parameter point satisfies every assumption (True when undecidable).

        Examples
        --------
        >>> x = sp.Symbol("x")
        >>> Assumptions([x > 0], [x]).satisfiable()
        True
        """
        out = self._feasible([])
        return True if out is None else out

    # ------------------------------------------------------------------ deciding signs
    def decide(self, expr: Any, strict: bool) -> bool | None:
        """Whether ``expr > 0`` (``strict``) or ``expr >= 0`` follows from the assumptions.

        Returns True when implied, False when its negation is implied, None when it depends on the
        parameters (or cannot be decided).

        Examples
        --------
        >>> T, R, P, S = sp.symbols("T R P S")
        >>> a = Assumptions(ordering(T, R, P, S), [T, R, P, S])
        >>> a.decide(T - P, True), a.decide(S - R, True), a.decide(T + S - 2 * R, True)
        (True, False, None)
        """
        expr = sp.sympify(expr)
        if expr.is_number:
            val = sp.nsimplify(expr) if expr.is_Float else expr
            if not val.is_real:
                return None
            return bool(val > 0) if strict else bool(val >= 0)
        num, den = sp.fraction(sp.together(expr))
        if not den.is_number:
            dsign = self.sign(den)
            if dsign is None or dsign == 0:
                return self._sympy_decide(expr, strict)
            return self.decide(sp.expand(num * dsign), strict)
        if den.is_number and den < 0:
            num = -num
        num = sp.expand(num)
        row = self._linear_row(num)
        if row is not None:
            return self._decide_linear(row, strict)
        factored = sp.factor(num)
        if isinstance(factored, sp.Mul):
            signs = [self._factor_sign(f) for f in factored.args]
            if all(s in (-1, 1) for s in signs):
                return int(np.prod(signs)) > 0
        return self._sympy_decide(num, strict)

    def _factor_sign(self, f: sp.Expr) -> int | None:
        """Sign of one factor of a factored product (a number, a power, or an irreducible polynomial).

        Never calls :meth:`decide` on a product again, so ``-(a + 1)**2`` cannot recurse forever.
        """
        if f.is_number:
            return int(sp.sign(f)) if f.is_real else None
        if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp > 0:
            s = self._factor_sign(f.base)
            return None if s is None else s ** int(f.exp)
        row = self._linear_row(f)
        if row is not None:
            if self._decide_linear(row, True) is True:
                return 1
            if self._decide_linear(-row, True) is True:
                return -1
            return None
        if self._sympy_decide(f, True) is True:
            return 1
        if self._sympy_decide(-f, True) is True:
            return -1
        return None

    def _decide_linear(self, row: np.ndarray, strict: bool) -> bool | None:
        # implied  <=> no point with the opposite (expr <= 0 when strict, expr < 0 when weak)
        opposite = self._feasible([(-row, not strict)])
        if opposite is False:
            return True
        possible = self._feasible([(row, strict)])
        if possible is False:
            return False
        return None

    def _sympy_decide(self, expr: sp.Expr, strict: bool) -> bool | None:
        positive = {p: sp.Dummy(p.name, positive=True) for p in self.parameters
                    if any(g == p and s for g, s in self.inequalities)}
        e = expr.subs(positive)
        test = e.is_positive if strict else e.is_nonnegative
        if test is True:
            return True
        neg = e.is_nonpositive if strict else e.is_negative
        if neg is True:
            return False
        return None

    def sign(self, expr: Any) -> int | None:
        """The sign (-1, 0 or 1) of ``expr`` everywhere the assumptions hold, or None when it varies.

        Examples
        --------
        >>> V, C = sp.symbols("V C")
        >>> a = Assumptions([V > 0, C > V], [V, C])
        >>> a.sign(V - C), a.sign(V * C), a.sign(V - 1)
        (-1, 1, None)
        """
        if self.decide(expr, True) is True:
            return 1
        if self.decide(-sp.sympify(expr), True) is True:
            return -1
        if self.decide(expr, False) is True and self.decide(-sp.sympify(expr), False) is True:
            return 0
        return None

    def holds_at(self, values: Mapping[sp.Symbol, Any]) -> bool:
        """Whether every assumption holds at a point (exact where the values are exact).

        Examples
        --------
        >>> V, C = sp.symbols("V C")
        >>> a = Assumptions([V > 0, C > V], [V, C])
        >>> a.holds_at({V: 1, C: 2}), a.holds_at({V: 2, C: 1})
        (True, False)
        """
        for g, strict in self.inequalities:
            v = g.subs(values)
            if not v.is_number:
                raise ValueError(f"values must give every parameter; {g} still has {sorted(map(str, v.free_symbols))}")
            if not (v > 0 if strict else v >= 0):
                return False
        return True

    def mask(self, values: Mapping[sp.Symbol, np.ndarray]) -> np.ndarray:
        """Boolean array: where on a grid of parameter values every assumption holds (floating point)."""
        shape = np.broadcast(*[np.asarray(v) for v in values.values()]).shape if values else ()
        out = np.ones(shape, dtype=bool)
        for g, strict in self.inequalities:
            args = sorted(g.free_symbols, key=str)
            f = sp.lambdify(args, g, "numpy")
            v = np.broadcast_to(np.asarray(f(*[values[a] for a in args]), dtype=float), shape)
            out &= (v > 0) if strict else (v >= 0)
        return out

    def __bool__(self) -> bool:
        return bool(self.inequalities)

    def __iter__(self):
        return iter(self.relations)

    def __len__(self) -> int:
        return len(self.relations)

    def latex(self) -> str:
        """The assumptions as LaTeX, joined by commas.

        Examples
        --------
        >>> V, C = sp.symbols("V C")
        >>> Assumptions([V > 0, C > V], [V, C]).latex()
        'V > 0,\\\\ C > V'
        """
        return r",\ ".join(sp.latex(r) for r in self.relations)

    def __repr__(self) -> str:
        return "Assumptions(" + ", ".join(str(r) for r in self.relations) + ")"
