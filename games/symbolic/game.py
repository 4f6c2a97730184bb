"""``SymbolicGame``: a finite game whose payoffs are sympy expressions in named parameters."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..equilibrium import EquilibriumSet
from ..normal_form import NormalFormGame
from ..numeric import tex_text
from ..solvers.registry import register_solver
from .assumptions import Assumptions
from .equilibria import SymbolicEquilibrium, action_payoff, all_supports, broadcast_parameters, support_equilibria

if TYPE_CHECKING:  # pragma: no cover
    from .regions import RegionMap

__all__ = ["SymbolicGame", "parse_values", "symbolic_equilibria"]


def _to_expr(value: Any, where: str) -> sp.Expr:
    """A payoff entry as a sympy expression (ints, Fractions and floats become exact rationals)."""
    if isinstance(value, bool) or isinstance(value, (str, bytes)):
        raise TypeError(
            f"{where} must be a number or a sympy expression; got {type(value).__name__} {value!r} "
            "(make parameters with sympy.symbols('V C'))"
        )
    if isinstance(value, sp.Basic):
        if not isinstance(value, sp.Expr) or isinstance(value, (sp.core.relational.Relational,
                                                                sp.logic.boolalg.BooleanAtom)):
            raise TypeError(f"{where} must be a sympy expression, not {type(value).__name__} {value}")
        if value.is_number and not value.is_real:
            raise ValueError(f"{where} must be real; got {value}")
        if value.has(sp.oo, -sp.oo, sp.zoo, sp.nan, sp.I):
            raise ValueError(f"{where} must be a finite real expression; got {value}")
        unreal = sorted(str(s) for s in value.free_symbols if s.is_real is False or s.is_extended_real is False)
        if unreal:
            raise ValueError(f"{where} uses the non-real symbol(s) {', '.join(unreal)}; parameters must be real")
        return value
    if isinstance(value, (Integral, np.integer)):
        return sp.Integer(int(value))
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, (Real, np.floating)):
        f = float(value)
        if not np.isfinite(f):
            raise ValueError(f"{where} must be finite; got {f}")
        fr = Fraction(repr(f))
        return sp.Rational(fr.numerator, fr.denominator)
    raise TypeError(f"{where} must be a number or a sympy expression; got {type(value).__name__} {value!r}")


def parse_values(values: Mapping[Any, Any] | None, parameters: Sequence[sp.Symbol],
                 extra: Mapping[str, Any] | None = None, *, require_all: bool = True) -> dict[sp.Symbol, sp.Expr]:
    """Map parameter values given by symbol or by name to ``{symbol: sympy number}``.

    Examples
    --------
    >>> V, C = sp.symbols("V C")
    >>> parse_values({"V": 2}, [V, C], {"C": 0.5})
    {V: 2, C: 1/2}
    >>> parse_values({"X": 1}, [V, C])
    Traceback (most recent call last):
    ...
    ValueError: values: 'X' is not a parameter of the game (parameters: V, C)
    """
    by_name = {p.name: p for p in parameters}
    items = list((values or {}).items()) + list((extra or {}).items())
    out: dict[sp.Symbol, sp.Expr] = {}
    for key, val in items:
        sym = by_name.get(key) if isinstance(key, str) else (key if key in parameters else None)
        if sym is None:
            names = ", ".join(p.name for p in parameters) or "none"
            raise ValueError(f"values: {key!r} is not a parameter of the game (parameters: {names})")
        out[sym] = _to_expr(val, f"value of {sym}")
    missing = [p.name for p in parameters if p not in out]
    if require_all and missing:
        raise ValueError(f"values must give every parameter; missing {', '.join(missing)}")
    return out


class SymbolicGame:
    """A finite game whose payoffs are sympy expressions in named parameters.

    Parameters
    ----------
    payoffs : array_like, shape ``(n_1, ..., n_N, N)``
        Sympy expressions or numbers (ints, Fractions; floats become their shortest decimal fraction).
    assumptions : sequence of sympy inequalities, optional
        What is known about the parameters (``V > 0``, ``T > R``; see :func:`ordering` for chains).
        Symbols created with ``positive=True`` are assumed positive. Contradictory assumptions,
        equations and relations on unknown symbols are refused.
    parameters : sequence of sympy.Symbol, optional
        The parameters in order (default: the payoffs' free symbols sorted by name).
    players, actions, title
        Labels, as for :class:`~games.NormalFormGame`.
    tol : float
        Slack under which the linear programs that decide signs treat a strict inequality as infeasible.

    Examples
    --------
    The prisoner's dilemma with the usual ordering of temptation, reward, punishment and sucker's payoff:

    >>> import sympy as sp
    >>> from games.symbolic import SymbolicGame, ordering
    >>> T, R, P, S = sp.symbols("T R P S")
    >>> pd = SymbolicGame.from_bimatrix([[R, S], [T, P]], [[R, T], [S, P]],
    ...                                 assumptions=ordering(T, R, P, S), actions=[["C", "D"], ["C", "D"]])
    >>> pd.pure_conditions()
    {('C', 'C'): False, ('C', 'D'): False, ('D', 'C'): False, ('D', 'D'): True}
    >>> pd.subs(T=5, R=3, P=1, S=0).payoffs[1, 0].tolist()
    [5.0, 0.0]
    """

    def __init__(
        self,
        payoffs: Any,
        *,
        assumptions: Iterable[Any] = (),
        parameters: Sequence[sp.Symbol] | None = None,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
        title: str = "",
        tol: float = 1e-9,
    ) -> None:
        if isinstance(payoffs, sp.MatrixBase):
            payoffs = payoffs.tolist()
        try:
            raw = np.array(payoffs, dtype=object)
        except ValueError as exc:
            raise ValueError("payoffs must be a rectangular array; got a ragged nested sequence") from exc
        if raw.ndim < 2 or raw.shape[-1] != raw.ndim - 1:
            raise ValueError(
                "payoffs must have shape (n_1, ..., n_N, N): one axis per player and a last axis with "
                f"the N payoffs; got shape {raw.shape}"
            )
        if any(k < 1 for k in raw.shape):
            raise ValueError(f"payoffs: every player needs at least one action; got shape {raw.shape}")
        arr = np.empty(raw.shape, dtype=object)
        for idx, v in np.ndenumerate(raw):
            arr[idx] = _to_expr(v, f"payoffs[{', '.join(map(str, idx))}]")
        arr.setflags(write=False)
        self._payoffs = arr
        free = set().union(*(e.free_symbols for e in arr.flat))
        if parameters is None:
            params = tuple(sorted(free, key=lambda s: s.name))
        else:
            params = tuple(parameters)
            bad = [p for p in params if not isinstance(p, sp.Symbol)]
            if bad:
                raise TypeError(f"parameters must be sympy Symbols; got {bad}")
            missing = free - set(params)
            if missing:
                raise ValueError("parameters must include every symbol in the payoffs; "
                                 f"missing {sorted(map(str, missing))}")
        names = [p.name for p in params]
        if len(set(names)) != len(names):
            raise ValueError(f"parameters must have distinct names; got {names}")
        self.parameters: tuple[sp.Symbol, ...] = params
        self.assumptions = (assumptions if isinstance(assumptions, Assumptions)
                            else Assumptions(assumptions, params, tol=tol))
        n = arr.ndim - 1
        self.players = NormalFormGame._check_players(players, n)
        self.actions = NormalFormGame._check_actions(actions, arr.shape[:-1])
        if not isinstance(title, str):
            raise TypeError(f"title must be a str; got {type(title).__name__}")
        self.title = title
        self._cache: dict[str, Any] = {}

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_bimatrix(cls, A: Any, B: Any | None = None, **kwargs: Any) -> SymbolicGame:
        """A two-player game from the row player's matrix ``A`` and the column player's ``B`` (default ``-A``).

        Examples
        --------
        >>> a = sp.Symbol("a")
        >>> SymbolicGame.from_bimatrix([[a, -a], [-a, a]]).payoffs[0, 1, 1]
        a
        """
        a = np.array(A.tolist() if isinstance(A, sp.MatrixBase) else A, dtype=object)
        if a.ndim != 2:
            raise ValueError(f"A must be a matrix (2-dimensional); got shape {a.shape}")
        if B is None:
            b = np.vectorize(lambda v: -_to_expr(v, "A"), otypes=[object])(a)
        else:
            b = np.array(B.tolist() if isinstance(B, sp.MatrixBase) else B, dtype=object)
            if b.shape != a.shape:
                raise ValueError(f"A and B must have the same shape; got A {a.shape} and B {b.shape}")
        return cls(np.stack([a, b], axis=-1), **kwargs)

    @classmethod
    def symmetric(cls, A: Any, **kwargs: Any) -> SymbolicGame:
        """The symmetric two-player game in which the row player's matrix is ``A`` (the column player's is ``A``ᵀ).

        Examples
        --------
        >>> V, C = sp.symbols("V C")
        >>> SymbolicGame.symmetric([[(V - C) / 2, V], [0, V / 2]]).payoffs[0, 1, 1]
        0
        """
        a = np.array(A.tolist() if isinstance(A, sp.MatrixBase) else A, dtype=object)
        return cls.from_bimatrix(a, a.T, **kwargs)

    @classmethod
    def from_normal_form(cls, game: NormalFormGame, **kwargs: Any) -> SymbolicGame:
        """The exact symbolic form of a numeric game (no parameters).

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
        >>> SymbolicGame.from_normal_form(g).payoffs[0, 1, 0]
        -1
        """
        if not isinstance(game, NormalFormGame):
            raise TypeError(f"game must be a NormalFormGame; got {type(game).__name__}")
        kwargs.setdefault("players", game.players)
        kwargs.setdefault("actions", game.actions)
        kwargs.setdefault("title", game.title)
        return cls(game.exact_payoffs, **kwargs)

    # ------------------------------------------------------------------ properties
    @property
    def payoffs(self) -> np.ndarray:
        """The read-only object array of sympy payoffs, shape ``(n_1, ..., n_N, N)``."""
        return self._payoffs

    # the same shape properties and label/index rules as the numeric game (both read ``self._payoffs``)
    num_players = NormalFormGame.num_players

    @property
    def payoff_scale(self) -> sp.Expr:
        """The range of the payoffs, ``Max(...) - Min(...)`` of every entry (a number once no symbol is left).

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> hawk_dove(4, 2, symbolic=True).payoff_scale
        4
        """
        entries = list(self._payoffs.ravel())
        return sp.Max(*entries) - sp.Min(*entries)

    def regret(self, profile: Sequence[Sequence[Any]]) -> sp.Expr:
        """The largest gain of a unilateral deviation from ``profile`` (one probability vector per player,
        numbers or expressions), as an expression in the parameters.

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> sp.simplify(hawk_dove(V, C, symbolic=True).regret([[0, 1], [0, 1]]))
        V/2
        """
        return sp.Max(sp.Integer(0), *self._gains(profile))

    def _gains(self, profile: Sequence[Sequence[Any]]) -> list[sp.Expr]:
        """Every player's gain from every pure deviation (the regret is their maximum, or 0)."""
        n = self.num_players
        if len(profile) != n:
            raise ValueError(f"profile must give one strategy per player ({n}); got {len(profile)}")
        prof = [[sp.sympify(p) for p in v] for v in profile]
        for i, v in enumerate(prof):
            if len(v) != self.shape[i]:
                raise ValueError(f"profile[{i}] must have {self.shape[i]} probabilities; got {len(v)}")
        sigma = [{a: p for a, p in enumerate(v) if p != 0} for v in prof]
        gains = []
        for i in range(n):
            values = [action_payoff(self, i, a, sigma) for a in range(self.shape[i])]
            current = sum((p * values[a] for a, p in sigma[i].items()), sp.Integer(0))
            gains += [sp.simplify(v - current) for v in values]
        return gains

    def is_nash(self, profile: Sequence[Sequence[Any]], tol: float = 0) -> sp.Basic:
        """Where ``profile`` is a Nash equilibrium: ``True``/``False``, or the condition on the parameters.

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> hawk_dove(V, C, symbolic=True).is_nash([[1, 0], [1, 0]])
        C <= V
        """
        return sp.simplify(sp.And(*[sp.Le(g, tol) for g in self._gains(profile)]))

    def to_normal_form(self, values: Mapping[Any, Any] | None = None) -> NormalFormGame:
        """The numeric game at ``values`` (see :meth:`subs`); with no parameters left, no values are needed.

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> hawk_dove(4, 2, symbolic=True).to_normal_form().payoffs[0, 0].tolist()
        [1.0, 1.0]
        """
        return self.subs(values)
    shape = NormalFormGame.shape
    _action_index = NormalFormGame._action_index

    # ------------------------------------------------------------------ equilibria
    def equilibrium_condition(self, profile: Sequence[int | str]) -> sp.Basic:
        """The condition on the parameters under which a pure profile is a Nash equilibrium.

        Each player's payoff must be at least that of each of its deviations; conditions implied by the
        assumptions are dropped (``true`` means: whenever the assumptions hold; ``false``: never).

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> hawk_dove(V, C, symbolic=True, actions=("H", "D")).equilibrium_condition(["H", "H"])
        V >= C
        """
        if len(profile) != self.num_players:
            raise ValueError(f"profile must give one action per player ({self.num_players}); got {len(profile)}")
        return support_equilibria(self, [[a] for a in profile])[0].condition

    def pure_conditions(self) -> dict[tuple[str, ...], sp.Basic]:
        """For every pure profile (by action labels), the condition under which it is an equilibrium."""
        out = {}
        for idx in itertools.product(*(range(k) for k in self.shape)):
            labels = tuple(self.actions[i][a] for i, a in enumerate(idx))
            out[labels] = self.equilibrium_condition(list(idx))
        return out

    def pure_equilibria(self) -> list[SymbolicEquilibrium]:
        """The pure profiles that are equilibria for some admissible parameter values, with their conditions."""
        eqs = []
        for idx in itertools.product(*(range(k) for k in self.shape)):
            eq = support_equilibria(self, [[a] for a in idx])[0]
            if eq.condition is not sp.false:
                eqs.append(eq)
        return eqs

    def support_equilibria(self, supports: Sequence[Sequence[int | str]]) -> list[SymbolicEquilibrium]:
        """Equilibria in which each player uses exactly the given actions, in closed form.

        Solves the indifference equations (linear for two players, polynomial for more) and returns
        each isolated solution with the region where it is an equilibrium: every probability on the
        support positive and no action off the support paying more. Supports on which the solution
        is a continuum for generic parameters are skipped.

        Parameters
        ----------
        supports : sequence of sequences of int or str
            The actions (indices or labels) each player uses.

        Examples
        --------
        Matching pennies with stake ``a``: each player mixes half and half, whatever ``a > 0`` is.

        >>> a = sp.Symbol("a", positive=True)
        >>> eq, = SymbolicGame.from_bimatrix([[a, -a], [-a, a]]).support_equilibria([[0, 1], [0, 1]])
        >>> eq.profile, eq.condition
        (((1/2, 1/2), (1/2, 1/2)), True)
        """
        return support_equilibria(self, supports)

    def mixed_equilibria(self) -> list[SymbolicEquilibrium]:
        """The equilibria in which some player mixes (each with its condition), for small games."""
        return [eq for eq in self.equilibria() if not eq.is_pure]

    def equilibria(self) -> list[SymbolicEquilibrium]:
        """Every candidate equilibrium of a small game, pure and mixed, with the region where it is one.

        Two-player games: supports of equal size (the equilibria of non-degenerate games, i.e. of the
        family at generic parameter values). More players: every support profile. Candidates whose
        condition is ``false`` under the assumptions are left out. Games with more than
        :data:`~games.symbolic.equilibria.MAX_SUPPORTS` support profiles are refused.

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> [(eq.name, eq.condition) for eq in hawk_dove(V, C, symbolic=True, actions=("H", "D")).equilibria()]
        [('(H, H)', V >= C), ('(H, D)', C >= V), ('(D, H)', C >= V), ('(mix(H,D), mix(H,D))', C > V)]
        """
        if "equilibria" not in self._cache:
            eqs = []
            for sup in all_supports(self):
                eqs += [eq for eq in support_equilibria(self, sup) if eq.condition is not sp.false]
            self._cache["equilibria"] = eqs
        return list(self._cache["equilibria"])

    def regions(self, x: tuple[Any, Any, Any], y: tuple[Any, Any, Any] | None = None, *,
                fixed: Mapping[Any, Any] | None = None, resolution: int = 201, check: bool = True) -> RegionMap:
        """The partition of a one- or two-parameter slice into regions of equal equilibrium structure.

        See :func:`games.symbolic.regions.region_map`.
        """
        from .regions import region_map

        return region_map(self, x, y, fixed=fixed, resolution=resolution, check=check)

    # ------------------------------------------------------------------ numbers
    def subs(self, values: Mapping[Any, Any] | None = None, *, check: bool = True, **kwargs: Any) -> NormalFormGame:
        """The numeric :class:`~games.NormalFormGame` at given parameter values.

        Exact (Fractions) when the values are ints, Fractions or sympy rationals.

        Parameters
        ----------
        values : mapping, optional
            Parameter values by symbol or name; keyword arguments are added to it.
        check : bool
            Refuse values that violate the assumptions.

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> hawk_dove(V, C, symbolic=True).subs(V=2, C=4).exact_payoffs[0, 0].tolist()
        [Fraction(-1, 1), Fraction(-1, 1)]
        >>> hawk_dove(V, C, symbolic=True).subs(V=2)
        Traceback (most recent call last):
        ...
        ValueError: values must give every parameter; missing C
        """
        vals = parse_values(values, self.parameters, kwargs)
        if check and not self.assumptions.holds_at(vals):
            bad = [str(r) for r, (g, s) in zip(self.assumptions.relations, self.assumptions.inequalities)
                   if not (g.subs(vals) > 0 if s else g.subs(vals) >= 0)]
            shown = {str(k): v for k, v in vals.items()}
            raise ValueError(f"values {shown} violate the assumptions {', '.join(bad)} (pass check=False to allow)")
        cells = np.empty(self._payoffs.shape, dtype=object)
        exact = True
        for idx, e in np.ndenumerate(self._payoffs):
            v = e.subs(vals)
            if not v.is_number or not v.is_real:
                raise ValueError(f"payoff {idx} = {e} is not a real number at {vals}: {v}")
            if v.is_Rational:
                cells[idx] = int(v) if v.q == 1 else Fraction(int(v.p), int(v.q))
            else:
                cells[idx] = float(v)
                exact = False
        if not exact:
            cells = cells.astype(float)
        return NormalFormGame(cells, players=self.players, actions=self.actions, title=self.title)

    def lambdify(self) -> Callable[..., np.ndarray]:
        """A numpy function from parameter arrays to payoff arrays, for whole grids at once.

        The function takes one array per parameter (positionally in :attr:`parameters` order, or by
        name), broadcasts them, and returns an array of shape ``broadcast + (n_1, ..., n_N, N)``.

        Examples
        --------
        >>> from games.catalog import hawk_dove
        >>> V, C = sp.symbols("V C", positive=True)
        >>> f = hawk_dove(V, C, symbolic=True).lambdify()
        >>> out = f(V=np.array([2.0, 4.0]), C=6.0)
        >>> out.shape, out[:, 0, 0, 0].tolist()
        ((2, 2, 2, 2), [-2.0, -1.0])
        """
        params = list(self.parameters)
        flat = list(self._payoffs.flat)
        func = sp.lambdify(params, flat, "numpy")
        shape = self._payoffs.shape
        names = [p.name for p in params]

        def payoffs(*args: Any, **kwargs: Any) -> np.ndarray:
            arrays, grid = broadcast_parameters(params, args, kwargs)
            values = [np.broadcast_to(np.asarray(v, dtype=float), grid) for v in func(*arrays)]
            return np.stack(values, axis=-1).reshape(grid + shape)

        payoffs.__doc__ = f"Payoffs of the game as arrays; parameters {names}."
        return payoffs

    # ------------------------------------------------------------------ display
    def latex(self) -> str:
        """The payoff table (and the assumptions) as LaTeX, without surrounding ``$$``.

        Examples
        --------
        >>> a = sp.Symbol("a", positive=True)
        >>> print(SymbolicGame.from_bimatrix([[a, 0]], [[0, a]]).latex())
        \\begin{array}{r|cc}
         & \\text{b1} & \\text{b2} \\\\ \\hline
        \\text{a1} & a,\\ 0 & 0,\\ a \\\\
        \\end{array}\\qquad a > 0
        """
        blocks = []
        n = self.num_players
        cols = self.actions[1] if n > 1 else ("",)
        for rest in itertools.product(*(range(k) for k in self.shape[2:])):
            lines = [" & ".join([""] + [tex_text(c) for c in cols]) + r" \\ \hline"]
            for r, label in enumerate(self.actions[0]):
                cells = []
                for c in range(len(cols)):
                    idx = (r, c) + rest if n > 1 else (r,)
                    cells.append(r",\ ".join(sp.latex(v) for v in self._payoffs[idx]))
                lines.append(" & ".join([tex_text(label)] + cells) + r" \\")
            caption = ", ".join(f"{self.players[k + 2]}: {self.actions[k + 2][a]}" for k, a in enumerate(rest))
            head = (tex_text(caption) + r"\ ") if caption else ""
            blocks.append(head + r"\begin{array}{r|" + "c" * len(cols) + "}\n" + "\n".join(lines) + "\n"
                          + r"\end{array}")
        out = r"\quad ".join(blocks)
        if self.assumptions:
            out += r"\qquad " + self.assumptions.latex()
        return out

    def _repr_latex_(self) -> str:
        return "$$" + self.latex() + "$$"

    def __repr__(self) -> str:
        dims = "x".join(str(k) for k in self.shape)
        params = ", ".join(p.name for p in self.parameters) or "no parameters"
        t = f" {self.title!r}" if self.title else ""
        a = f"; assuming {', '.join(str(r) for r in self.assumptions.relations)}" if self.assumptions else ""
        return f"<SymbolicGame{t}: {self.num_players} players, {dims}, parameters {params}{a}>"


@register_solver("symbolic", game_type=SymbolicGame, rank=0, finds="closed form", exact=True, tol_zero=True,
                 auto=lambda game: True,
                 summary="support enumeration in sympy: each candidate's profile as expressions and the condition "
                         "on the parameters where it is an equilibrium")
def symbolic_equilibria(game: SymbolicGame, *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """:meth:`SymbolicGame.equilibria` behind :func:`games.equilibria`: a set of
    :class:`~games.symbolic.equilibria.SymbolicEquilibrium`, each with its ``condition``.

    Examples
    --------
    >>> import games
    >>> V, C = sp.symbols("V C", positive=True)
    >>> hd = games.catalog.hawk_dove(V, C, symbolic=True)
    >>> [(eq.pure_actions(), eq.condition) for eq in games.equilibria(hd)][:2]
    [(('Hawk', 'Hawk'), V >= C), (('Hawk', 'Dove'), C >= V)]
    """
    items = game.equilibria()
    two = game.num_players == 2
    note = ("equal-size supports: every equilibrium at generic parameter values (degenerate parameter points "
            "can have more)" if two else "every support profile") + "; each holds where its condition does"
    return EquilibriumSet(items, method="symbolic", complete=not two, note=note)
