"""Critical discount factors: when is a profile of automata a (subgame-perfect) equilibrium?

Subgame perfection is checked with the one-shot deviation principle over every pair of automaton states
reachable from the initial pair under *any* sequence of profiles (Mailath & Samuelson 2006, Prop. 2.4.1):
in each such state pair no player gains by intending the other action for one round and then following
its automaton. Nash equilibrium is checked against the best response to the opponent's automaton, a
Markov decision problem over the opponent's states whose optimum is attained by a deterministic
stationary policy; all such policies are enumerated.

Every incentive constraint is linear in the stage payoffs with coefficients that are rational functions
of the discount factor ``delta`` whose denominators (determinants of ``I - delta M``) are positive on
[0, 1). Multiplied by them, the constraints become polynomials of known degree, recovered exactly by
interpolating exact rational solves (implementation noise as a rational); the set of ``delta`` in
[0, 1) satisfying all of them is then found from the real roots of these polynomials. Floats are read as the
decimals they print as (0.1 -> 1/10).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np

from ..numeric import to_fraction
from .automata import Automaton, check_automaton
from .chain import MAX_EXACT_STATES, joint_chain, reachable_states, realized
from .payoffs import check_delta, check_noise
from .stage import stage_payoffs

__all__ = ["REFINEMENTS", "critical_discount", "equilibrium_intervals", "is_equilibrium"]

REFINEMENTS = ("subgame_perfect", "nash")
MAX_POLICIES = 2 ** 10
#: Largest estimated exact work (rational operations: interpolation points x cube of the system size,
#: plus the deviation policies for ``refinement="nash"``) of :func:`critical_discount` and
#: :func:`equilibrium_intervals`; 64 joint states (about 1.8e7) took 14 s.
MAX_THRESHOLD_WORK = 6 * 10 ** 6


def _qq_solve_det(A: list, B: list) -> tuple[list, Fraction]:
    """Exact solution of ``A X = B`` over the rationals (Gaussian elimination), and ``det(A)``."""
    n, m = len(A), len(B[0])
    rows = [list(a) + list(b) for a, b in zip(A, B)]
    det = Fraction(1)
    for col in range(n):
        piv = next((r for r in range(col, n) if rows[r][col] != 0), None)
        if piv is None:  # pragma: no cover - I - delta M is nonsingular for delta < 1
            raise ZeroDivisionError("singular system")
        if piv != col:
            rows[col], rows[piv] = rows[piv], rows[col]
            det = -det
        pivot_row = rows[col]
        p = pivot_row[col]
        det *= p
        for r in range(col + 1, n):
            f = rows[r][col]
            if f != 0:
                f /= p
                row = rows[r]
                for k in range(col, n + m):
                    if pivot_row[k] != 0:
                        row[k] -= f * pivot_row[k]
    X = [[Fraction(0)] * m for _ in range(n)]
    for r in range(n - 1, -1, -1):
        row = rows[r]
        for k in range(m):
            acc = row[n + k]
            for c in range(r + 1, n):
                if row[c] != 0:
                    acc -= row[c] * X[c][k]
            X[r][k] = acc / row[r]
    return X, det


def _occupation_det(M: list, F: list, d: Fraction) -> tuple[list, Fraction]:
    """``W det(I - dM)`` with ``W = (1 - d)(I - dM)^{-1} F``, and the determinant."""
    n = len(M)
    A = [[(1 if a == b else 0) - d * M[a][b] for b in range(n)] for a in range(n)]
    B = [[(1 - d) * f for f in row] for row in F]
    W, det = _qq_solve_det(A, B)
    return [[w * det for w in row] for row in W], det


def _spe_rows_at(s1: Automaton, s2: Automaton, noise: Fraction, d: Fraction, ch: Any, states: list) -> list:
    """Player 1's one-shot deviation constraints at ``delta = d``, times ``det(I - dM) > 0``.

    ``ch`` is the joint chain restricted to ``states`` (closed under every profile), in that order.
    """
    W, det = _occupation_det(ch.M, ch.F, d)
    n2 = s2.num_states
    pos = {z: k for k, z in enumerate(states)}
    rows = []
    for z in states:
        i, j = divmod(z, n2)
        c2 = realized(s2.cooperate[j], noise)
        for intended in (0, 1):
            c1 = realized(Fraction(1 - intended), noise)
            q = [Fraction(0)] * 4
            for a1, p1 in ((0, c1), (1, 1 - c1)):
                for a2, p2 in ((0, c2), (1, 1 - c2)):
                    pr = p1 * p2
                    if pr == 0:
                        continue
                    k = 2 * a1 + a2
                    nz = pos[s1.transitions[i][k] * n2 + s2.transitions[j][2 * a2 + a1]]
                    q[k] += pr * (1 - d) * det
                    for kk in range(4):
                        q[kk] += pr * d * W[nz][kk]
            rows.append([W[pos[z]][kk] - q[kk] for kk in range(4)])
    return rows


def _opponent_states(s2: Automaton) -> list[int]:
    seen, stack = {s2.initial}, [s2.initial]
    while stack:
        j = stack.pop()
        for k in range(4):
            nj = s2.transitions[j][k]
            if nj not in seen:
                seen.add(nj)
                stack.append(nj)
    return sorted(seen)


def _policy_chains(s2: Automaton, noise: Fraction, states: list) -> list:
    pos = {j: k for k, j in enumerate(states)}
    m = len(states)
    out = []
    for policy in itertools.product((0, 1), repeat=m):
        M = [[Fraction(0)] * m for _ in range(m)]
        F = [[Fraction(0)] * 4 for _ in range(m)]
        for j in states:
            c1 = realized(Fraction(1 - policy[pos[j]]), noise)
            c2 = realized(s2.cooperate[j], noise)
            for a1, p1 in ((0, c1), (1, 1 - c1)):
                for a2, p2 in ((0, c2), (1, 1 - c2)):
                    pr = p1 * p2
                    if pr:
                        M[pos[j]][pos[s2.transitions[j][2 * a2 + a1]]] += pr
                        F[pos[j]][2 * a1 + a2] += pr
        out.append((M, F))
    return out


def _nash_rows_at(ch: Any, policies: list, start: int, d: Fraction) -> list:
    """Player 1's payoff minus each deviation policy's, at ``delta = d``, times both (positive) determinants."""
    W, det = _occupation_det(ch.M, ch.F, d)
    base = W[ch.initial]
    rows = []
    for M, F in policies:
        Wp, detp = _occupation_det(M, F, d)
        rows.append([base[k] * detp - Wp[start][k] * det for k in range(4)])
    return rows


def _interpolate(xs: list, ys: list) -> list:
    """Coefficients (ascending) of the polynomial through the points (Newton form, exact)."""
    n = len(xs)
    coef = list(ys)
    for j in range(1, n):
        for i in range(n - 1, j - 1, -1):
            coef[i] = (coef[i] - coef[i - 1]) / (xs[i] - xs[i - j])
    poly = [Fraction(0)] * n
    for k in range(n - 1, -1, -1):
        # poly = poly * (x - xs[k]) + coef[k]
        new = [Fraction(0)] * n
        for e, c in enumerate(poly):
            if c:
                if e + 1 < n:
                    new[e + 1] += c
                new[e] -= c * xs[k]
        new[0] += coef[k]
        poly = new
    while len(poly) > 1 and poly[-1] == 0:
        poly.pop()
    return poly


def _horner(poly: list, x: Any) -> Any:
    out = x * 0
    for c in reversed(poly):
        out = out * x + c
    return out


def _rows_function(s1: Automaton, s2: Automaton, noise: Fraction, refinement: str,
                   check: Callable[[int, int, int], None]) -> tuple[Any, int]:
    """``(at, npts)``: player 1's constraint rows at a rational ``delta`` (times positive determinants)
    and the number of points that pins their polynomials down.

    Only joint states that matter are solved: those reachable under any profile (subgame perfection)
    or under the profile itself (Nash). ``check(size, npts, work)`` runs before anything is built and
    raises when the problem is too large (``work`` estimates the exact operations of ``npts`` solves).
    """
    if refinement == "subgame_perfect":
        states = reachable_states(s1, s2, noise, any_profile=True)
        m = len(states)
        npts = m + 3
        check(m, npts, npts * m ** 3)
        sub = joint_chain(s1, s2, noise, states)

        def at(d: Fraction) -> list:
            return _spe_rows_at(s1, s2, noise, d, sub, states)
        return at, npts
    ostates = _opponent_states(s2)
    if 2 ** len(ostates) > MAX_POLICIES:
        raise ValueError(
            f"refinement='nash' enumerates 2^{len(ostates)} deviation policies against {s2.name!r} "
            f"(more than {MAX_POLICIES}); use refinement='subgame_perfect' or a smaller automaton"
        )
    states = reachable_states(s1, s2, noise)
    m = len(states)
    npts = m + len(ostates) + 2
    check(m, npts, npts * (m ** 3 + 2 ** len(ostates) * len(ostates) ** 3))
    sub = joint_chain(s1, s2, noise, states)
    policies = _policy_chains(s2, noise, ostates)
    start = ostates.index(s2.initial)

    def at(d: Fraction) -> list:
        return _nash_rows_at(sub, policies, start, d)
    return at, npts


def _player_polys(s1: Automaton, s2: Automaton, noise: Fraction, refinement: str) -> list:
    """Player 1's constraints as 4 coefficient polynomials each (over own-view profiles CC, CD, DC, DD).

    Each constraint function of ``delta`` is multiplied by determinants that are positive on [0, 1),
    so its sign, and hence the equilibrium set, is unchanged; the product is a polynomial of known
    degree, recovered exactly by interpolation (checked at one extra point).
    """
    def check(size: int, npts: int, work: int) -> None:
        if work > MAX_THRESHOLD_WORK:
            raise ValueError(
                f"the exact incentive constraints of {s1.name!r} against {s2.name!r} need {npts} rational solves "
                f"of {size} joint states (estimated work {work:.3g} > {MAX_THRESHOLD_WORK:.3g}); check single "
                "discount factors with is_equilibrium(stage, s1, s2, delta), one solve each, or use smaller automata"
            )

    at, npts = _rows_function(s1, s2, noise, refinement, check)
    xs = [Fraction(k, npts + 1) for k in range(npts)]
    samples = [at(x) for x in xs]
    check_x = Fraction(npts, npts + 1)
    check = at(check_x)
    out = []
    for r in range(len(samples[0])):
        polys = []
        for k in range(4):
            poly = _interpolate(xs, [samples[p][r][k] for p in range(npts)])
            if _horner(poly, check_x) != check[r][k]:  # pragma: no cover - guards the degree bound
                raise RuntimeError("internal error: incentive constraint is not a polynomial of the expected degree")
            polys.append(poly)
        if any(any(c != 0 for c in p) for p in polys):
            out.append(polys)
    return out


@functools.lru_cache(maxsize=512)
def _constraints(s1: Automaton, s2: Automaton, noise: Fraction, refinement: str) -> tuple:
    """Constraints as (player, 4 coefficient polynomials over that player's own-view profiles)."""
    out = [(0, p) for p in _player_polys(s1, s2, noise, refinement)]
    out += [(1, p) for p in _player_polys(s2, s1, noise, refinement)]
    return tuple(out)


def _prepare(stage: Any, s1: Any, s2: Any, noise: Any, refinement: str) -> tuple:
    check_automaton(s1, "s1")
    check_automaton(s2, "s2")
    if refinement not in REFINEMENTS:
        raise ValueError(f"refinement must be one of {', '.join(map(repr, REFINEMENTS))}; got {refinement!r}")
    u = stage_payoffs(stage)
    eps = check_noise(noise)
    floats = isinstance(eps, float) or not (s1.is_exact and s2.is_exact) or any(isinstance(v, float) for v in u.flat)
    cons = _constraints(s1.as_exact(), s2.as_exact(), to_fraction(eps, "noise"), refinement)
    return u, cons, floats


def _own_view(u: np.ndarray, player: int) -> list:
    """Player's payoffs over own-view profiles CC, CD, DC, DD (own action first)."""
    if player == 0:
        return [u[0, 0, 0], u[0, 1, 0], u[1, 0, 0], u[1, 1, 0]]
    return [u[0, 0, 1], u[1, 0, 1], u[0, 1, 1], u[1, 1, 1]]


def _combine(polys: list, pay: list) -> list:
    size = max(len(p) for p in polys)
    out = [0 * pay[0]] * size
    for p, v in zip(polys, pay):
        for e, c in enumerate(p):
            out[e] = out[e] + c * v
    return out


def _numeric_functions(u: np.ndarray, cons: tuple) -> list:
    out = []
    for player, polys in cons:
        pay = [to_fraction(v) for v in _own_view(u, player)]
        g = _combine(polys, pay)
        while len(g) > 1 and g[-1] == 0:
            g.pop()
        if any(c != 0 for c in g):
            out.append(g)
    return out


def _sign(x: Any) -> int:
    return (x > 0) - (x < 0)


def _sympy_poly(poly: list) -> Any:
    import sympy

    d = sympy.Symbol("delta")
    return sympy.Poly([sympy.Rational(c.numerator, c.denominator) for c in reversed(poly)], d, domain="QQ")


def _feasible_at(funcs: list, point: Fraction | None = None, algebraic: Any = None) -> bool:
    """All constraints >= 0 at a rational ``point``, or at the root of ``factor`` isolated in ``(a, b)``.

    At an irrational root the sign of a constraint that the factor does not divide is read, exactly,
    at a rational point of an isolating interval refined until the constraint has no root in it.
    """
    for g in funcs:
        if algebraic is None:
            s = _sign(_horner(g, point))
        else:
            factor, (a, b) = algebraic
            gp = _sympy_poly(g)
            if gp.rem(factor).is_zero:
                s = 0
            else:
                a, b = Fraction(a), Fraction(b)
                while gp.count_roots(_rat(a), _rat(b)) > 0:
                    a, b = _refine(factor, a, b)
                s = _sign(_horner(g, (a + b) / 2))
        if s < 0:
            return False
    return True


def _rat(x: Fraction) -> Any:
    import sympy

    return sympy.Rational(x.numerator, x.denominator)


def _refine(f: Any, a: Fraction, b: Fraction) -> tuple[Fraction, Fraction]:
    """Halve an isolating interval of the (simple) root of ``f`` in (a, b)."""
    mid = (a + b) / 2
    fa, fm = f.eval(_rat(a)), f.eval(_rat(mid))
    if fm == 0:
        return mid, mid
    return (a, mid) if (fa > 0) != (fm > 0) else (mid, b)


def _intervals(funcs: list) -> list[tuple[Any, Any]]:
    """Closed pieces [lo, hi] of {delta in [0, 1): all funcs >= 0}; hi = 1 means up to (not incl.) 1."""
    import sympy

    cands: dict[float, tuple] = {}   # sort key -> (exact value, rational point or None, algebraic spec)
    factors = {}
    for g in funcs:
        if len(g) < 2:
            continue
        for f, _mult in _sympy_poly(g).sqf_list()[1]:
            f = f.monic()
            factors[f.as_expr()] = f
    for f in factors.values():
        for (a, b), _mult in f.intervals(inf=0, sup=1):
            a, b = Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q))
            if a == b:
                if a < 1:
                    cands[float(a)] = (a, a, None)
                continue
            # an irreducible factor pins the root down exactly; refine to separate it from the others
            for irr, _m in f.factor_list()[1]:
                if irr.count_roots(_rat(a), _rat(b)) == 1 and irr.degree() >= 1:
                    break
            if irr.degree() == 1:
                c = irr.all_coeffs()
                r = Fraction(-int(c[1].p), int(c[1].q)) / Fraction(int(c[0].p), int(c[0].q))
                if r < 1:
                    cands[float(r)] = (r, r, None)
                continue
            lo, hi = a, b
            while hi - lo > Fraction(1, 10 ** 15):
                lo, hi = _refine(irr, lo, hi)
            if lo >= 1:
                continue
            index = irr.count_roots(None, _rat(lo))
            cands[float((lo + hi) / 2)] = (sympy.CRootOf(irr.as_expr(), index), None, (irr, (lo, hi)))
    if 0.0 not in cands:
        cands[0.0] = (Fraction(0), Fraction(0), None)
    keys = sorted(cands)
    out: list[list[Any]] = []
    current: list[Any] | None = None
    for idx, key in enumerate(keys):
        value, rational, alg = cands[key]
        right = cands[keys[idx + 1]][0] if idx + 1 < len(keys) else Fraction(1)
        hi = keys[idx + 1] if idx + 1 < len(keys) else 1.0
        # the point itself, then the open interval up to the next candidate (or 1)
        for ok, end in ((_feasible_at(funcs, rational, alg), value),
                        (_feasible_at(funcs, Fraction((key + hi) / 2)), right)):
            if ok:
                current = [value, end] if current is None else [current[0], end]
            elif current is not None:
                out.append(current)
                current = None
    if current is not None:
        out.append(current)
    return [(lo, hi) for lo, hi in out]


def _present(x: Any, floats: bool) -> Any:
    if floats:
        return float(x)
    if isinstance(x, Fraction):
        return x
    return x  # an algebraic number (sympy)


def equilibrium_intervals(stage: Any, s1: Automaton, s2: Automaton, *, noise: Any = 0,
                          refinement: str = "subgame_perfect") -> list[tuple[Any, Any]]:
    """The discount factors at which ``(s1, s2)`` is an equilibrium, as closed intervals ``[lo, hi]``.

    ``hi == 1`` means the interval extends to every ``delta < 1``. A degenerate interval ``[x, x]`` is
    an isolated point (tit-for-tat is subgame perfect only at one discount factor, if any).

    Examples
    --------
    Mailath & Samuelson's (2006, Sec. 2.4.3) prisoner's dilemma (R, T, S, P = 2, 3, -1, 0): the
    tit-for-tat profile is subgame perfect exactly at delta = 1/3.

    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import TFT
    >>> equilibrium_intervals(prisoners_dilemma(T=3, R=2, P=0, S=-1), TFT, TFT)
    [(Fraction(1, 3), Fraction(1, 3))]
    """
    u, cons, floats = _prepare(stage, s1, s2, noise, refinement)
    if any(not isinstance(v, (Fraction, float)) for v in u.flat):
        raise TypeError("equilibrium_intervals needs numeric stage payoffs; use critical_discount(..., at=...) "
                        "for symbols")
    funcs = _numeric_functions(u, cons)
    return [(_present(lo, floats), _present(hi, floats)) for lo, hi in _intervals(funcs)]


def is_equilibrium(stage: Any, s1: Automaton, s2: Automaton, delta: Any, *, noise: Any = 0,
                   refinement: str = "subgame_perfect") -> bool:
    """Whether ``(s1, s2)`` is an equilibrium of the repeated game at discount factor ``delta``.

    Examples
    --------
    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import GRIM
    >>> is_equilibrium(prisoners_dilemma(), GRIM, GRIM, 0.5), is_equilibrium(prisoners_dilemma(), GRIM, GRIM, 0.49)
    (True, False)
    """
    check_automaton(s1, "s1")
    check_automaton(s2, "s2")
    if refinement not in REFINEMENTS:
        raise ValueError(f"refinement must be one of {', '.join(map(repr, REFINEMENTS))}; got {refinement!r}")
    u = stage_payoffs(stage)
    if any(not isinstance(v, (Fraction, float)) for v in u.flat):
        raise TypeError("is_equilibrium needs numeric stage payoffs; substitute the symbols first")
    dv = check_delta(delta)
    if not isinstance(dv, (Fraction, float)):
        raise TypeError(f"is_equilibrium needs a numeric discount factor; got {delta!r} "
                        "(for the set of discount factors use equilibrium_intervals)")
    d, eps = to_fraction(dv, "delta"), to_fraction(check_noise(noise), "noise")
    a1, a2 = s1.as_exact(), s2.as_exact()
    # one exact solve at this delta (no interpolation): the rows' signs are the constraints' signs
    for player, (x, y) in enumerate(((a1, a2), (a2, a1))):
        def check(size: int, npts: int, work: int, x: Automaton = x, y: Automaton = y) -> None:
            if size > MAX_EXACT_STATES:
                raise ValueError(
                    f"{x.name!r} against {y.name!r} has {size} joint states to check, more than {MAX_EXACT_STATES} "
                    "for exact arithmetic; use smaller automata, or games.repeated.simulate to explore them"
                )

        at, _ = _rows_function(x, y, eps, refinement, check)
        pay = [to_fraction(v) for v in _own_view(u, player)]
        for row in at(d):
            if sum(c * p for c, p in zip(row, pay)) < 0:
                return False
    return True


def critical_discount(stage: Any, s1: Automaton, s2: Automaton, *, noise: Any = 0,
                      refinement: str = "subgame_perfect", at: dict | None = None) -> Any:
    """The smallest discount factor at which ``(s1, s2)`` is an equilibrium of the repeated game.

    Parameters
    ----------
    stage : NormalFormGame or array_like (2, 2, 2)
        The 2x2 stage game (action 0 = cooperate); numbers or sympy expressions.
    s1, s2 : Automaton
        The profile.
    noise : number in [0, 1]
        Implementation noise (each intended action flips with this probability).
    refinement : {"subgame_perfect", "nash"}
        One-shot deviation principle over all reachable state pairs, or best response to the
        opponent's automaton from the initial state.
    at : dict, optional
        For symbolic payoffs: a numeric point (symbol -> value) that decides which incentive
        constraint binds. The expression returned is valid wherever the same constraint binds.

    Returns
    -------
    Fraction, float, sympy expression, or inf
        Fraction when payoffs and noise are rational (an algebraic sympy number if the threshold is
        irrational), float when any input is a float, a sympy expression for symbolic payoffs;
        ``math.inf`` (``sympy.oo`` when symbolic) when no discount factor in [0, 1) works.

    Examples
    --------
    >>> import sympy
    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import GRIM, TFT, WSLS
    >>> T, R, P, S = sympy.symbols("T R P S")
    >>> pd = prisoners_dilemma(T, R, P, S)
    >>> critical_discount(pd, GRIM, GRIM, at={T: 5, R: 3, P: 1, S: 0})
    (R - T)/(P - T)
    >>> critical_discount(pd, WSLS, WSLS, at={T: 4, R: 3, P: 1, S: 0})
    (R - T)/(P - R)
    >>> critical_discount(prisoners_dilemma(), TFT, TFT, refinement="nash")   # Axelrod: max(2/4, 2/3)
    Fraction(2, 3)
    """
    import math

    u, cons, floats = _prepare(stage, s1, s2, noise, refinement)
    symbolic = any(not isinstance(v, (Fraction, float)) for v in u.flat)
    if not symbolic:
        if at is not None:
            raise ValueError("at is only used with symbolic stage payoffs; the stage game here is numeric")
        pieces = _intervals(_numeric_functions(u, cons))
        return _present(pieces[0][0], floats) if pieces else math.inf
    return _symbolic_threshold(u, cons, at)


def _symbolic_threshold(u: np.ndarray, cons: tuple, at: dict | None) -> Any:
    import sympy

    if not isinstance(at, dict) or not at:
        raise ValueError(
            "symbolic stage payoffs need at={symbol: value, ...}: a numeric point that decides which "
            "incentive constraint binds (e.g. at={T: 5, R: 3, P: 1, S: 0})"
        )
    num_u = np.empty_like(u)
    for idx, v in np.ndenumerate(u):
        val = sympy.sympify(v).subs(at)
        if not val.is_number:
            raise ValueError(f"at must give a value to every symbol; stage payoff {idx} = {v} becomes {val}")
        num_u[idx] = Fraction(str(sympy.nsimplify(val)))
    pieces = _intervals(_numeric_functions(num_u, cons))
    if not pieces:
        return sympy.oo
    target = pieces[0][0]
    if pieces[0][1] == target and target != 0:
        raise ValueError(
            f"at {at} the profile is an equilibrium only at the single discount factor {target}, where an upper "
            "and a lower bound meet; near this point there is none, so no threshold expression holds around it "
            "(use equilibrium_intervals at numeric payoffs)"
        )
    if target == 0:
        return sympy.Integer(0)
    d = sympy.Symbol("delta")
    tval = float(target) if isinstance(target, Fraction) else float(sympy.N(target, 30))
    roots = []
    for player, polys in cons:
        pay = [sympy.sympify(v) for v in _own_view(u, player)]
        expr = sum(sympy.Rational(c.numerator, c.denominator) * pv * d ** e
                   for p, pv in zip(polys, pay) for e, c in enumerate(p))
        expr = sympy.expand(expr)
        if expr == 0:
            continue
        for sol in sympy.solve(expr, d):
            try:
                val = complex(sympy.N(sol.subs(at), 30))
            except (TypeError, ValueError):
                continue
            if abs(val.imag) < 1e-12 and abs(val.real - tval) < 1e-12:
                roots.append(sympy.factor(sympy.simplify(sol)))
    roots = list(dict.fromkeys(roots))
    if not roots:  # pragma: no cover - the numeric threshold is always a root of some constraint
        raise RuntimeError("could not identify the binding constraint symbolically")
    return roots[0] if len(roots) == 1 else sympy.Max(*roots)
