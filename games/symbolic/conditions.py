"""Conditions on parameters: conjunctions of inequalities, simplified under assumptions and shown readably."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import reduce
from math import gcd, lcm

import sympy as sp

from .assumptions import Assumptions

__all__ = ["Atom", "readable", "simplify_conjunction"]

Atom = tuple[sp.Expr, bool]
"""``(g, strict)``: the inequality ``g > 0`` (strict) or ``g >= 0``."""


def _clear_denominator(expr: sp.Expr, assumptions: Assumptions) -> sp.Expr:
    """``expr``'s numerator, times the sign of its denominator when the assumptions fix that sign."""
    num, den = sp.fraction(sp.together(expr))
    if den.is_number:
        return sp.expand(num) * (1 if den > 0 else -1)
    s = assumptions.sign(den)
    if s in (-1, 1):
        return sp.expand(num * s)
    return sp.expand(num) / den


def _rel(lhs: sp.Expr, rhs: sp.Expr, strict: bool, less: bool = False) -> sp.Basic:
    if less:
        cls = sp.StrictLessThan if strict else sp.LessThan
    else:
        cls = sp.StrictGreaterThan if strict else sp.GreaterThan
    return cls(lhs, rhs, evaluate=False)


def readable(expr: sp.Expr, strict: bool) -> sp.Basic:
    """``expr > 0`` (or ``>=``) as a relation with integer coefficients and no minus signs where possible.

    Examples
    --------
    >>> V, C = sp.symbols("V C")
    >>> readable(V / 2 - C / 2, True), readable(2 - V, False), readable(-V, True)
    (V > C, V <= 2, V < 0)
    """
    expr = sp.expand(expr)
    if expr.is_polynomial() and expr.free_symbols:
        terms = sp.Add.make_args(expr)
        coeffs = [t.as_coeff_Mul()[0] for t in terms]
        if all(c.is_Rational for c in coeffs):
            den = reduce(lcm, (int(c.q) for c in coeffs), 1)
            num = reduce(gcd, (abs(int(c * den)) for c in coeffs), 0) or 1
            expr = sp.expand(expr * den / num)
            terms = sp.Add.make_args(expr)
        pos = sp.Add(*[t for t in terms if t.as_coeff_Mul()[0] > 0])
        neg = sp.Add(*[-t for t in terms if t.as_coeff_Mul()[0] < 0])
        if pos == 0:
            return _rel(neg, 0, strict, less=True)
        if pos.is_number:
            return _rel(neg, pos, strict, less=True)
        return _rel(pos, neg, strict)
    return _rel(expr, 0, strict)


def _decided_conjunction(atoms: Sequence[Atom], assumptions: Assumptions) -> list[Atom] | None:
    """The atoms not implied by the assumptions (None when one is contradicted)."""
    kept: list[Atom] = []
    for g, strict in atoms:
        g = _clear_denominator(g, assumptions)
        verdict = assumptions.decide(g, strict)
        if verdict is False:
            return None
        if verdict is None and all(not (sp.expand(g - h) == 0 and strict == s) for h, s in kept):
            kept.append((g, strict))
    return kept


def _open_denominators(atoms: Sequence[Atom], assumptions: Assumptions) -> list[sp.Expr]:
    """Polynomial factors of the atoms' denominators whose sign the assumptions leave open."""
    found: list[sp.Expr] = []
    for g, _ in atoms:
        den = sp.fraction(sp.together(g))[1]
        for f in sp.Mul.make_args(sp.factor(den)):
            base = f.base if isinstance(f, sp.Pow) and f.exp.is_Integer else f
            if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp % 2 == 0:
                continue  # an even power has a known sign where it is non-zero
            if base.is_number or any(sp.expand(base - h) == 0 or sp.expand(base + h) == 0 for h in found):
                continue
            if assumptions.sign(base) is None:
                found.append(sp.expand(base))
    return found


MAX_CASES = 3
"""Most denominators of unknown sign :func:`simplify_conjunction` splits into cases."""


def simplify_conjunction(atoms: Sequence[Atom], assumptions: Assumptions) -> sp.Basic:
    """The conjunction of ``atoms`` simplified under ``assumptions``.

    Atoms implied by the assumptions are dropped, so are atoms implied by the assumptions and the
    other atoms; a contradicted atom or a contradictory conjunction gives ``false``. A denominator
    whose sign the assumptions leave open is split into two cases (positive, negative), each
    simplified with the denominators cleared; the result is their disjunction.

    Examples
    --------
    >>> V, C = sp.symbols("V C")
    >>> a = Assumptions([V > 0, C > 0], [V, C])
    >>> simplify_conjunction([(V - C, False), (V, True), (2 * V - 2 * C, False)], a)
    V >= C
    >>> simplify_conjunction([(V - C, True), (C - V, True)], a)
    False
    >>> simplify_conjunction([(-V, False)], a)
    False
    >>> x, y = sp.symbols("x y")
    >>> both = simplify_conjunction([(x / (x + y), True), (y / (x + y), True)], Assumptions([], [x, y]))
    >>> sorted(str(case) for case in both.args)
    ['(x < 0) & (y < 0)', '(x > 0) & (y > 0)']
    """
    open_dens = _open_denominators(atoms, assumptions)
    if open_dens and len(open_dens) <= MAX_CASES:
        cases = []
        for signs in itertools.product((1, -1), repeat=len(open_dens)):
            case_atoms = [(sgn * d, True) for sgn, d in zip(signs, open_dens)]
            try:
                case = assumptions.extended(case_atoms)
            except ValueError:
                continue
            cleared = _decided_conjunction(atoms, case)
            if cleared is None:
                continue
            cases.append(_conjunction(case_atoms + cleared, assumptions))
        return sp.Or(*cases) if cases else sp.false
    return _conjunction(atoms, assumptions)


def _conjunction(atoms: Sequence[Atom], assumptions: Assumptions) -> sp.Basic:
    kept = _decided_conjunction(atoms, assumptions)
    if kept is None:
        return sp.false
    if not kept:
        return sp.true
    relations = [readable(g, s) for g, s in kept]
    try:  # the joint assumptions check that the conjunction is satisfiable
        assumptions.extended(kept)
    except ValueError:
        return sp.false
    # drop atoms implied by the others (one at a time, so that equivalent atoms keep one copy)
    k = 0
    while k < len(kept) and len(kept) > 1:
        try:
            reduced = assumptions.extended([a for j, a in enumerate(kept) if j != k])
        except ValueError:  # pragma: no cover - a subset of a satisfiable conjunction is satisfiable
            return sp.false
        if reduced.decide(*kept[k]) is True:
            del kept[k], relations[k]
        else:
            k += 1
    return sp.And(*relations) if len(relations) > 1 else relations[0]
