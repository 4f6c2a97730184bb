"""Closed-form equilibria of symbolic games: solve the indifference equations on a support, then state
where the solution is an equilibrium (probabilities positive, no profitable deviation off the support)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import comb
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..numeric import from_sympy, tex_text
from .conditions import Atom, simplify_conjunction

if TYPE_CHECKING:  # pragma: no cover
    from .game import SymbolicGame

__all__ = ["MAX_SUPPORTS", "SymbolicEquilibrium", "all_supports", "support_equilibria"]

MAX_SUPPORTS = 200
"""Most support profiles :meth:`SymbolicGame.equilibria` will try before refusing."""

MAX_SYMBOLIC_WORK = 2000
"""Largest ``support profiles x (1 + parameters)**2`` :meth:`SymbolicGame.equilibria` will attempt.

The cost of solving and simplifying one support grows with the number of parameters (each condition is
decided by linear programs over them): a 3x3 game with 6 parameters (931) takes a few seconds, a 4x4
game with 16 parameters (19,941) several minutes."""


@dataclass(frozen=True, eq=False)
class SymbolicEquilibrium:
    """A candidate equilibrium in closed form, with the parameter region where it is one.

    Attributes
    ----------
    profile : tuple of tuple of sympy.Expr
        One probability vector per player, as expressions in the parameters.
    payoffs : tuple of sympy.Expr
        Each player's expected payoff.
    supports : tuple of tuple of int
        The actions each player uses with positive probability.
    condition : sympy.Boolean
        Where this profile is a Nash equilibrium, simplified under the game's assumptions
        (``true``: everywhere the assumptions hold).
    labels : tuple of tuple of str
        The game's action labels.
    parameters : tuple of sympy.Symbol
        The game's parameters.

    Examples
    --------
    >>> import sympy as sp
    >>> from games.symbolic import SymbolicGame
    >>> V, C = sp.symbols("V C", positive=True)
    >>> hd = SymbolicGame.from_bimatrix([[(V - C) / 2, V], [0, V / 2]], [[(V - C) / 2, 0], [V, V / 2]],
    ...                                 actions=[["H", "D"], ["H", "D"]])
    >>> eq = hd.support_equilibria([[0, 1], [0, 1]])[0]
    >>> eq.profile[0], eq.condition
    ((V/C, 1 - V/C), C > V)
    >>> eq.holds({V: 2, C: 3}), [str(p) for p in eq.evaluate({V: 2, C: 3})[0]]
    (True, ['2/3', '1/3'])
    """

    profile: tuple[tuple[sp.Expr, ...], ...]
    payoffs: tuple[sp.Expr, ...]
    supports: tuple[tuple[int, ...], ...]
    condition: sp.Basic
    labels: tuple[tuple[str, ...], ...]
    parameters: tuple[sp.Symbol, ...]
    index: int = 0
    assumptions: Any = None

    @property
    def is_pure(self) -> bool:
        """True when every player uses one action."""
        return all(len(s) == 1 for s in self.supports)

    # the same record as a numeric Equilibrium: where ``condition`` holds, no deviation gains (checked in sympy)
    method = "symbolic"
    exact = True
    tol = 0

    @property
    def regret(self) -> sp.Expr:
        """0: wherever :attr:`condition` holds, no player gains by deviating (that is what the condition says)."""
        return sp.Integer(0)

    def pure_actions(self) -> tuple[str, ...] | None:
        """Action labels of a pure profile, else ``None``.

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> [eq.pure_actions() for eq in hawk_dove(V, C, symbolic=True, actions=("H", "D")).equilibria()][:2]
        [('H', 'H'), ('H', 'D')]
        """
        if not self.is_pure:
            return None
        return tuple(self.labels[i][s[0]] for i, s in enumerate(self.supports))

    @property
    def name(self) -> str:
        """A short name: ``(H, D)`` for a pure profile, ``(mix(H,D), D)`` for a mixed one."""
        parts = []
        for i, s in enumerate(self.supports):
            acts = [self.labels[i][a] for a in s]
            parts.append(acts[0] if len(acts) == 1 else "mix(" + ",".join(acts) + ")")
        suffix = f" #{self.index + 1}" if self.index else ""
        return "(" + ", ".join(parts) + ")" + suffix

    def _values(self, values: Mapping[Any, Any]) -> dict[sp.Symbol, Any]:
        from .game import parse_values

        return parse_values(values, self.parameters)

    def holds(self, values: Mapping[Any, Any]) -> bool:
        """Whether the condition holds at a parameter point (exact for exact values).

        Parameters
        ----------
        values : mapping
            A value for every parameter (keys are symbols or their names).
        """
        vals = self._values(values)
        if self.assumptions is not None and not self.assumptions.holds_at(vals):
            shown = {str(k): v for k, v in vals.items()}
            raise ValueError(f"values {shown} violate the game's assumptions "
                             f"{', '.join(str(r) for r in self.assumptions.relations)}; "
                             "the condition is only valid under them")
        out = self.condition.subs(vals)
        if out not in (sp.true, sp.false):
            raise ValueError(f"the condition {self.condition} could not be evaluated at {values}")
        return bool(out)

    def evaluate(self, values: Mapping[Any, Any]) -> tuple[list[Fraction | float], ...]:
        """The profile at a parameter point: Fractions for exact values, floats otherwise."""
        vals = self._values(values)
        return tuple([from_sympy(p.subs(vals), "profile") for p in strat] for strat in self.profile)

    def lambdify(self) -> Callable[..., tuple[np.ndarray, list[np.ndarray]]]:
        """A numpy function of the parameters (arrays broadcast) returning ``(valid, profile)``.

        Parameters are given positionally in :attr:`parameters` order or by name.
        ``valid`` is a boolean array (the condition), ``profile`` one array of shape
        ``broadcast + (n_i,)`` per player.

        Examples
        --------
        >>> import sympy as sp, numpy as np
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> eq = hawk_dove(V, C, symbolic=True).support_equilibria([[0, 1], [0, 1]])[0]
        >>> valid, prof = eq.lambdify()(V=2.0, C=np.array([1.0, 4.0]))
        >>> valid.tolist(), prof[0][:, 0].tolist()
        ([False, True], [2.0, 0.5])
        """
        params = list(self.parameters)
        cond = sp.lambdify(params, self.condition, "numpy")
        probs = sp.lambdify(params, [p for s in self.profile for p in s], "numpy")
        sizes = [len(s) for s in self.profile]

        def evaluate(*args: Any, **kwargs: Any) -> tuple[np.ndarray, list[np.ndarray]]:
            args, shape = broadcast_parameters(params, args, kwargs)
            valid = np.broadcast_to(np.asarray(cond(*args), dtype=bool), shape)
            flat = [np.broadcast_to(np.asarray(v, dtype=float), shape) for v in probs(*args)]
            out, k = [], 0
            for n in sizes:
                out.append(np.stack(flat[k:k + n], axis=-1))
                k += n
            return valid, out

        return evaluate

    def latex(self) -> str:
        """The profile, the payoffs and the condition as LaTeX.

        Examples
        --------
        >>> import sympy as sp
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> print(hawk_dove(V, C, symbolic=True, actions=("H", "D")).pure_equilibria()[0].latex())
        \\left(\\text{H}, \\text{H}\\right):\\ u =
        \\left(\\frac{- C + V}{2}, \\frac{- C + V}{2}\\right)\\ \\text{when}\\ V \\geq C
        """
        if self.is_pure:
            pure = (tex_text(self.labels[i][s[0]]) for i, s in enumerate(self.supports))
            body = r"\left(" + ", ".join(pure) + r"\right)"
        else:
            strategies = []
            for i, strat in enumerate(self.profile):
                terms = [sp.latex(p) + r"\," + tex_text(self.labels[i][a]) for a, p in enumerate(strat) if p != 0]
                strategies.append(r"\left(" + " + ".join(terms) + r"\right)" if len(terms) > 1 else terms[0])
            body = r"\left(" + ", ".join(strategies) + r"\right)"
        pay = r"\left(" + ", ".join(sp.latex(p) for p in self.payoffs) + r"\right)"
        cond = sp.latex(self.condition) if self.condition is not sp.true else r"\text{always}"
        return body + r":\ u = " + pay + r"\ \text{when}\ " + cond

    def _repr_latex_(self) -> str:
        return "$" + self.latex() + "$"

    def __repr__(self) -> str:
        prof = "; ".join("(" + ", ".join(str(p) for p in s) + ")" for s in self.profile)
        pay = ", ".join(map(str, self.payoffs))
        return f"SymbolicEquilibrium({self.name}: [{prof}], payoffs=({pay}), when {self.condition})"


def broadcast_parameters(params: Sequence[sp.Symbol], args: tuple,
                         kwargs: dict) -> tuple[list[np.ndarray], tuple[int, ...]]:
    """Parameter arrays given positionally or by name, as float arrays, and their broadcast shape."""
    names = [p.name for p in params]
    if args and kwargs:
        raise TypeError("give the parameters either positionally or by name, not both")
    if kwargs:
        unknown = sorted(set(kwargs) - set(names))
        missing = [n for n in names if n not in kwargs]
        if unknown or missing:
            raise TypeError(f"expected the parameters {names}; unknown {unknown}, missing {missing}")
        args = tuple(kwargs[n] for n in names)
    if len(args) != len(params):
        raise TypeError(f"expected {len(params)} parameter arrays {names}; got {len(args)}")
    arrays = [np.asarray(a, dtype=float) for a in args]
    return arrays, (np.broadcast(*arrays).shape if arrays else ())


def _tidy(e: sp.Expr) -> sp.Expr:
    """The shortest of a few equivalent forms (fewest operations, then fewest minus signs)."""
    e = sp.cancel(sp.together(e))
    forms = [e, sp.together(e), sp.factor(e), sp.expand(e), sp.expand(sp.numer(e)) / sp.factor(sp.denom(e))]
    return min(forms, key=lambda f: (sp.count_ops(f), str(f).count("/"), str(f).count("-"), len(str(f))))


def all_supports(game: SymbolicGame) -> list[tuple[tuple[int, ...], ...]]:
    """The support profiles to try: equal sizes for two players (generic games), all for more.

    Refuses (ValueError) beyond :data:`MAX_SUPPORTS`.

    Parameters
    ----------
    game : SymbolicGame
        The game whose action sets are combined.

    Returns
    -------
    list of tuple of tuple of int
        One tuple of action indices per player, for every support profile to solve.

    Examples
    --------
    A 2x2 game has four pure profiles and one fully mixed one (a nondegenerate two-player game has
    equal support sizes, so 1-vs-2 supports are skipped).

    >>> from games.catalog import hawk_dove
    >>> all_supports(hawk_dove(symbolic=True))
    [((0,), (0,)), ((0,), (1,)), ((1,), (0,)), ((1,), (1,)), ((0, 1), (0, 1))]
    """
    shape = game.shape
    if game.num_players == 2:
        m, n = shape
        count = sum(comb(m, s) * comb(n, s) for s in range(1, min(m, n) + 1))
    else:
        count = int(np.prod([2 ** k - 1 for k in shape]))
    work = count * (1 + len(game.parameters)) ** 2
    if count > MAX_SUPPORTS or work > MAX_SYMBOLIC_WORK:
        raise ValueError(
            f"a {'x'.join(map(str, shape))} game with {len(game.parameters)} parameters has {count} support "
            f"profiles to solve symbolically (estimated work {work}; limits {MAX_SUPPORTS} supports and "
            f"{MAX_SYMBOLIC_WORK} work); substitute numbers with game.subs(...) and use games.equilibria, "
            "or ask for given supports with game.support_equilibria(...)"
        )
    subsets = [[c for s in range(1, k + 1) for c in itertools.combinations(range(k), s)] for k in shape]
    if game.num_players == 2:
        return [(a, b) for a in subsets[0] for b in subsets[1] if len(a) == len(b)]
    return list(itertools.product(*subsets))


def _check_supports(game: SymbolicGame, supports: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    if len(supports) != game.num_players:
        raise ValueError(f"supports must give one list of actions per player ({game.num_players}); got {len(supports)}")
    out = []
    for i, s in enumerate(supports):
        idx = tuple(sorted({game._action_index(i, a) for a in s}))
        if not idx:
            raise ValueError(f"supports[{i}] must name at least one action of player {i + 1}")
        out.append(idx)
    return tuple(out)


def action_payoff(game: SymbolicGame, player: int, action: int, sigma: list[dict[int, sp.Expr]]) -> sp.Expr:
    """Player's payoff from ``action`` against the others' (support-restricted) strategies."""
    others = [list(sigma[j].items()) if j != player else [(action, sp.Integer(1))] for j in range(game.num_players)]
    total = sp.Integer(0)
    for combo in itertools.product(*others):
        prob = sp.Mul(*[p for _, p in combo])
        total += prob * game.payoffs[tuple(a for a, _ in combo) + (player,)]
    return total


def support_equilibria(game: SymbolicGame, supports: Sequence[Sequence[int | str]]) -> list[SymbolicEquilibrium]:
    """Equilibria with exactly the given supports, in closed form (see :meth:`SymbolicGame.support_equilibria`).

    Parameters
    ----------
    game : SymbolicGame
        The game.
    supports : sequence of sequence of int or str
        For each player, the actions (indices or labels) used with positive probability.

    Returns
    -------
    list of SymbolicEquilibrium
        Each solution of the indifference equations on these supports, with the condition (possibly
        ``False``) under which it is an equilibrium; empty if there is none or only a continuum.

    Examples
    --------
    In hawk-dove, (H, D) is an equilibrium exactly when the dove would not rather fight:
    ``0 >= (V - C) / 2``, i.e. ``C >= V``; (D, D) never is, since a hawk against a dove gets
    ``V > V / 2``.

    >>> import sympy as sp
    >>> from games.catalog import hawk_dove
    >>> V, C = sp.symbols("V C", positive=True)
    >>> hd = hawk_dove(V, C, symbolic=True, actions=("H", "D"))
    >>> eq, = support_equilibria(hd, [["H"], ["D"]])
    >>> eq.profile, eq.payoffs, eq.condition
    (((1, 0), (0, 1)), (V, 0), C >= V)
    >>> support_equilibria(hd, [["D"], ["D"]])[0].condition
    False
    """
    sup = _check_supports(game, supports)
    n = game.num_players
    unknowns: list[sp.Symbol] = []
    sigma: list[dict[int, sp.Expr]] = []
    for i, s in enumerate(sup):
        if len(s) == 1:
            sigma.append({s[0]: sp.Integer(1)})
            continue
        xs = [sp.Dummy(f"p{i}_{a}") for a in s]
        unknowns += xs
        sigma.append(dict(zip(s, xs)))
    if unknowns:
        values = [sp.Dummy(f"v{i}") for i in range(n)]
        eqs = []
        for i, s in enumerate(sup):
            if len(s) > 1:
                eqs += [action_payoff(game, i, a, sigma) - values[i] for a in s]
                eqs.append(sp.Add(*sigma[i].values()) - 1)
        used = [values[i] for i, s in enumerate(sup) if len(s) > 1]
        if n == 2:
            sols = [dict(zip(unknowns + used, t)) for t in sp.linsolve(eqs, unknowns + used)]
        else:
            sols = sp.solve(eqs, unknowns + used, dict=True)
        solutions = []
        for sol in sols:
            resolved = {k: _tidy(v) for k, v in sol.items()}
            if any(k not in resolved or resolved[k].free_symbols & set(unknowns + used) for k in unknowns):
                continue  # a continuum (the family is degenerate on this support): not an isolated equilibrium
            solutions.append(resolved)
    else:
        solutions = [{}]
    out = []
    for k, sol in enumerate(solutions):
        strat = [{a: _tidy(sp.sympify(p).subs(sol)) for a, p in sg.items()} for sg in sigma]
        atoms: list[Atom] = []
        for i, s in enumerate(sup):
            if len(s) > 1:
                atoms += [(strat[i][a], True) for a in s]
            v_i = action_payoff(game, i, s[0], strat)
            atoms += [(v_i - action_payoff(game, i, a, strat), False) for a in range(game.shape[i]) if a not in s]
        if any(p.is_number and not p.is_real for st in strat for p in st.values()):
            continue
        condition = simplify_conjunction(atoms, game.assumptions)
        profile = tuple(tuple(strat[i].get(a, sp.Integer(0)) for a in range(game.shape[i])) for i in range(n))
        payoffs = tuple(_tidy(action_payoff(game, i, sup[i][0], strat)) for i in range(n))
        out.append(SymbolicEquilibrium(profile, payoffs, sup, condition, game.actions, game.parameters, index=k,
                                       assumptions=game.assumptions))
    return out
