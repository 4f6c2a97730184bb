"""Every Nash equilibrium of a small N-player game: support enumeration with exact polynomial solving.

For every support profile ``S = (S_1, ..., S_N)`` (a non-empty set of actions per player) the equilibria
whose supports are ``S`` solve the *indifference system*: each player's actions in ``S_i`` earn the same
payoff against the others' mixtures on ``S_{-i}``, a system of ``sum_i (|S_i| - 1)`` polynomial equations
(multilinear in the other players' probabilities) in as many unknowns (the probabilities, each player's
first support action taking the rest of the mass). A support profile is skipped at once when one of its
actions is strictly dominated by another action against every pure profile of the others' supports (it
cannot be a best reply to any mixture on them: the balance condition of Porter, Nudelman and Shoham 2008).

Each remaining system is solved exactly over the rationals: a Groebner basis (:func:`sympy.groebner`,
graded reverse lexicographic order) decides whether it has no solution, finitely many or a continuum (a
positive-dimensional solution set, reported through ``complete=False`` unless the continuum is cut
out by linear equations and a linear program shows that no point of it is an equilibrium with exactly
that support); a zero-dimensional basis is
converted to lexicographic order (FGLM), which is triangular, and the unknowns are solved from the last
one: exactly (rational roots, or algebraic numbers as sympy ``CRootOf``) while the values are rational,
then to 50 digits with :func:`mpmath.polyroots` after an irrational root. Solutions that are probability
vectors are verified against the game (no profitable deviation, in particular none outside the support).
Rational equilibria stay exact with ``exact=True``; irrational ones (roots of higher-degree polynomials)
are evaluated to 30 digits and verified in floats.

This is the method of Gambit's ``enumpoly`` (McKelvey and McLennan 1996, Sec. 6), with an exact
algebraic solver in place of polynomial homotopy or subdivision.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import numpy as np

from ..equilibrium import Equilibrium, EquilibriumSet, verify
from ..normal_form import NormalFormGame
from ..validation import check_positive_int
from .registry import register_solver

__all__ = ["AUTO_MAX_SUPPORTS", "DEFAULT_MAX_SUPPORTS", "polynomial_equilibria", "support_count"]

#: ``method="polynomial"`` refuses games with more support profiles than this (unless told otherwise).
DEFAULT_MAX_SUPPORTS = 5_000
#: ``method="auto"`` picks ``"polynomial"`` for games of three or more players with at most this many
#: support profiles (a 3x3x2 game has 147, a 2x2x2x2 game 81, a 3x3x3 game 343: some seconds); larger ones
#: get ``"pure"``.
AUTO_MAX_SUPPORTS = 150


def support_count(shape: tuple[int, ...]) -> int:
    """The number of support profiles of a game with ``shape`` actions: ``prod(2**n_i - 1)``.

    Examples
    --------
    >>> support_count((2, 2, 2)), support_count((3, 3, 3))
    (27, 343)
    """
    return math.prod(2 ** int(n) - 1 for n in shape)


def _subsets(n: int) -> list[tuple[int, ...]]:
    return [c for k in range(1, n + 1) for c in itertools.combinations(range(n), k)]


def _dominated_within(table: np.ndarray, supports: tuple[tuple[int, ...], ...]) -> bool:
    """Whether some support action is strictly dominated by another action against the others' supports."""
    n = len(supports)
    for i in range(n):
        if len(supports[i]) == 0:
            continue
        index = np.ix_(*[np.arange(table.shape[j]) if j == i else np.array(supports[j]) for j in range(n)])
        sub = table[..., i][index]
        sub = np.moveaxis(sub, i, 0).reshape(table.shape[i], -1)  # rows: i's actions, columns: others' profiles
        for a in supports[i]:
            if np.any(np.all(sub > sub[a], axis=1)):
                return True
    return False


def _system(exact: np.ndarray, supports: tuple[tuple[int, ...], ...]):
    """The indifference equations on ``supports`` and each player's probabilities as sympy expressions."""
    import sympy

    n = len(supports)
    unknowns = []
    probs = []
    for i, s in enumerate(supports):
        xs = [sympy.Symbol(f"p{i}_{a}") for a in s[1:]]
        unknowns += xs
        probs.append([1 - sum(xs, sympy.Integer(0))] + xs)
    equations = []
    gaps = []  # u_i(a) - u_i(first support action) for the actions a outside S_i: must be <= 0
    for i, s in enumerate(supports):
        others = [j for j in range(n) if j != i]
        values = {}
        for a in range(exact.shape[i]):
            total = sympy.Integer(0)
            for combo in itertools.product(*[range(len(supports[j])) for j in others]):
                index = [0] * n
                index[i] = a
                weight = sympy.Integer(1)
                for j, k in zip(others, combo):
                    index[j] = supports[j][k]
                    weight *= probs[j][k]
                payoff = exact[tuple(index) + (i,)]
                if payoff != 0:
                    total += sympy.Rational(payoff.numerator, payoff.denominator) * weight
            values[a] = sympy.expand(total)
        equations += [sympy.expand(values[a] - values[s[0]]) for a in s[1:]]
        gaps += [sympy.expand(values[a] - values[s[0]]) for a in range(exact.shape[i]) if a not in s]
    return equations, unknowns, probs, gaps


def _linear_continuum_has_equilibrium(equations: list, gaps: list, unknowns: list, probs: list) -> bool | None:
    """For a continuum cut out by linear equations (with linear best-reply conditions): whether an equilibrium
    with exactly this support exists (a linear program: maximise the smallest probability); None if not linear.
    """
    import sympy
    from scipy.optimize import linprog

    exprs = list(equations) + list(gaps) + [p for ps in probs for p in ps]
    if any(sympy.Poly(e, *unknowns).total_degree() > 1 for e in exprs if e.free_symbols):
        return None

    def row(e):
        poly = sympy.Poly(e, *unknowns)
        return [float(poly.coeff_monomial(x)) for x in unknowns], float(poly.coeff_monomial(1))

    m = len(unknowns)
    cost = np.zeros(m + 1)
    cost[-1] = -1.0  # maximise t
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for e in equations:
        c, k = row(e)
        a_eq.append(c + [0.0])
        b_eq.append(-k)
    for e in gaps:  # gap <= 0
        c, k = row(e)
        a_ub.append(c + [0.0])
        b_ub.append(-k)
    for ps in probs:  # p >= t
        for e in ps:
            c, k = row(e)
            a_ub.append([-v for v in c] + [1.0])
            b_ub.append(k)
    res = linprog(cost, A_ub=np.array(a_ub) if a_ub else None, b_ub=b_ub or None,
                  A_eq=np.array(a_eq) if a_eq else None, b_eq=b_eq or None,
                  bounds=[(None, None)] * m + [(None, 1.0)], method="highs")
    return bool(res.status == 0 and -res.fun > 1e-10)


def _real_roots(polys: list, var: Any) -> list:
    """The common real roots of univariate polynomials with rational coefficients: rationals or algebraic numbers."""
    import sympy

    common = None
    for p in polys:
        q = sympy.Poly(p, var, domain=sympy.QQ)
        if q.is_zero:
            continue
        common = q if common is None else sympy.gcd(common, q)
    if common is None:
        return None  # no restriction: a continuum
    if common.degree() <= 0:
        return []
    return list(dict.fromkeys(common.real_roots()))


def _numeric_roots(polys: list, var: Any, assigned: dict) -> list:
    """Common real roots (50-digit floats) of polynomials after substituting numeric values."""
    import mpmath
    import sympy

    with mpmath.workdps(60):
        specialised = []
        for p in polys:
            expr = p.subs(assigned)
            q = sympy.Poly(sympy.N(expr, 60), var)
            coeffs = [mpmath.mpf(str(sympy.re(c))) for c in q.all_coeffs()]
            while coeffs and abs(coeffs[0]) < mpmath.mpf("1e-40"):
                coeffs.pop(0)
            if coeffs:
                specialised.append(coeffs)
        if not specialised:
            return None
        specialised.sort(key=len)
        first = specialised[0]
        if len(first) == 1:
            return []
        roots = mpmath.polyroots(first, maxsteps=200, extraprec=200) if len(first) > 2 else [-first[1] / first[0]]
        out = []
        for r in roots:
            if abs(mpmath.im(r)) > mpmath.mpf("1e-30"):
                continue
            r = mpmath.re(r)
            if all(abs(mpmath.polyval(c, r)) < mpmath.mpf("1e-30") * max(1, *[abs(x) for x in c])
                   for c in specialised):
                out.append(sympy.Float(r, 50))
        return out


def _real_solutions(equations: list, unknowns: list) -> tuple[list[dict], str | None]:
    """Every real solution of a polynomial system, or the reason it cannot be listed (a continuum).

    A lexicographic Groebner basis is triangular: its polynomials in the last unknowns only have the
    partial solutions as their common roots. The unknowns are solved from the last, exactly while the
    values found are rational, then (after an irrational root) numerically to 50 digits.
    """
    import sympy

    equations = [e for e in equations if e != 0]
    if not unknowns:
        return [{}], None
    if not equations:
        return [], "a continuum of solutions (no equation restricts the probabilities)"
    basis = sympy.groebner(equations, *unknowns, order="grevlex", domain=sympy.QQ)
    if list(basis.exprs) == [1]:
        return [], None
    if not basis.is_zero_dimensional:
        return [], "a continuum of solutions (a positive-dimensional solution set)"
    basis = basis.fglm("lex")  # the lexicographic (triangular) basis, by change of order (faster than directly)
    partial: list[dict] = [{}]
    for k in reversed(range(len(unknowns))):
        var = unknowns[k]
        later = set(unknowns[k:])
        polys = [e for e in basis.exprs if var in e.free_symbols and e.free_symbols <= later]
        extended = []
        for assigned in partial:
            exact = all(v.is_Rational for v in assigned.values())
            if exact:
                roots = _real_roots([p.subs(assigned) for p in polys], var)
            else:
                roots = _numeric_roots(polys, var, assigned)
            if roots is None:  # pragma: no cover - a zero-dimensional ideal restricts every unknown
                return [], "the polynomial solver could not restrict an unknown"
            extended += [{**assigned, var: r if r.is_Rational else sympy.Float(sympy.N(r, 50), 50)} for r in roots]
        partial = extended
    return partial, None


def _number(v: Any) -> Fraction | float:
    import sympy

    if v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    return float(sympy.re(sympy.N(v, 30)))


@register_solver("polynomial", game_type=NormalFormGame, rank=35, finds="all", players=(2, None), exact=True,
                 auto=lambda game: game.num_players >= 3 and support_count(game.shape) <= AUTO_MAX_SUPPORTS,
                 summary="support enumeration; each support's polynomial indifference system solved exactly "
                         "(sympy Groebner basis); says complete=False on a continuum")
def polynomial_equilibria(game: NormalFormGame, *, tol: float = 1e-9, exact: bool = False,
                          max_supports: int = DEFAULT_MAX_SUPPORTS) -> EquilibriumSet:
    """Every Nash equilibrium of a small game of any number of players, found support by support.

    Use through :func:`games.equilibria` with ``method="polynomial"`` (``method="auto"`` picks it for
    games of three or more players with at most :data:`AUTO_MAX_SUPPORTS` support profiles).

    Parameters
    ----------
    max_supports : int
        Refuse games with more support profiles (``prod(2**n_i - 1)``) than this: use ``method="logit"``
        (one equilibrium) or ``method="pure"`` for those.

    Returns
    -------
    EquilibriumSet
        ``complete`` is False when some support's system has a continuum of solutions (then the game has
        infinitely many equilibria or the continuum holds no equilibrium, and its points are not listed) or
        the solver failed on one; the note names the supports.

    Examples
    --------
    Three players each choose heads or tails; player 1 wants to match player 2, player 2 to match player 3
    and player 3 to mismatch player 1 (Jordan's three-player matching pennies): the only equilibrium has
    everyone mixing half-half.

    >>> import games
    >>> g = games.NormalFormGame.from_payoff_function(
    ...     lambda a, b, c: [1 if a == b else -1, 1 if b == c else -1, 1 if c != a else -1], [2, 2, 2])
    >>> eqs = games.equilibria(g, method="polynomial", exact=True)
    >>> [[str(p) for p in v] for v in eqs[0].profile], len(eqs), eqs.complete
    ([['1/2', '1/2'], ['1/2', '1/2'], ['1/2', '1/2']], 1, True)
    """
    max_supports = check_positive_int(max_supports, "max_supports")
    count = support_count(game.shape)
    if count > max_supports:
        raise ValueError(f"method='polynomial': this game has {count:,} support profiles, more than "
                         f"max_supports={max_supports:,}; use method='logit' for one equilibrium (or method='pure' "
                         "for every pure one), or raise max_supports")
    exact_game = game.as_exact() if not game.has_exact_payoffs else game
    table = exact_game.exact_payoffs
    float_table = np.asarray(table, dtype=float)
    items: list[Equilibrium] = []
    keys: list[np.ndarray] = []
    unsure: list[str] = []
    rejected = 0
    irrational = 0
    for supports in itertools.product(*[_subsets(m) for m in game.shape]):
        if _dominated_within(float_table, supports):
            continue
        equations, unknowns, probs, gaps = _system(table, supports)
        solutions, problem = _real_solutions(equations, unknowns)
        if problem is not None:
            linear = _linear_continuum_has_equilibrium(equations, gaps, unknowns, probs)
            if linear is False:
                continue  # a linear continuum with no equilibrium on it: nothing is missed
            if linear:
                problem = "a continuum of equilibria (linear equations; its extreme points are not listed)"
            unsure.append(f"{_label(game, supports)}: {problem}")
            continue
        for sol in solutions:
            profile = []
            for i, s in enumerate(supports):
                v = np.zeros(game.shape[i], dtype=object)
                v[:] = Fraction(0)
                for a, expr in zip(s, probs[i]):
                    v[a] = _number(expr.subs(sol))
                profile.append(v)
            if any(float(p) < -1e-12 for v in profile for p in v):
                continue
            rational = all(isinstance(p, Fraction) for v in profile for p in v)
            floats = [np.array([float(p) for p in v]) for v in profile]
            # a probability vector that is no equilibrium (a better reply outside the support) is simply not
            # an answer; "rejected" counts only equilibria that fail the float check
            if rational:
                if exact_game.regret(profile) != 0:
                    continue
                eq = verify(exact_game, profile, "polynomial", tol, exact=True) if exact else \
                    verify(game, floats, "polynomial", tol)
            else:
                if not game.float_safe().regret(floats) <= 1e-6 * game.float_safe().payoff_scale:
                    continue
                eq = verify(game, floats, "polynomial", tol)
                irrational += eq is not None
            key = np.concatenate([np.asarray(v, dtype=float) for v in eq.profile])
            if any(np.allclose(key, k, atol=1e-9) for k in keys):
                continue
            keys.append(key)
            items.append(eq)
    notes = []
    if unsure:
        notes.append("not complete: " + "; ".join(unsure[:5]) + (f"; and {len(unsure) - 5} more supports"
                                                                 if len(unsure) > 5 else ""))
    if irrational and exact:
        notes.append(f"{irrational} equilibri{'um is' if irrational == 1 else 'a are'} irrational: given as floats "
                     "(30-digit roots) verified to tol")
    if rejected:
        notes.append(f"{rejected} solution(s) failed verification at tol={tol:g}")
    return EquilibriumSet(items, method="polynomial", complete=not unsure and not rejected,
                          note="; ".join(notes) or f"every equilibrium ({count} support profiles searched)")


def _label(game: NormalFormGame, supports: tuple[tuple[int, ...], ...]) -> str:
    return "support (" + "; ".join(",".join(game.actions[i][a] for a in s) for i, s in enumerate(supports)) + ")"
