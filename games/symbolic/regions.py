"""Partition a one- or two-parameter slice of a symbolic game into regions with the same equilibria.

Each candidate equilibrium's condition is evaluated on a grid (vectorised with ``lambdify``); the
boundaries are the exact curves where one of the conditions' inequalities is tight (for one
parameter: exact break points, with the structure between them decided exactly at rational
midpoints). Each region is checked against the numeric solvers at a representative point.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..numeric import to_sympy
from ..solvers import equilibria as numeric_equilibria
from .equilibria import SymbolicEquilibrium

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .game import SymbolicGame

__all__ = ["RegionMap", "region_map"]


@dataclass(eq=False)
class RegionMap:
    """Regions of a parameter slice with the same set of equilibria.

    Attributes
    ----------
    axes : tuple of sympy.Symbol
        The one or two parameters that vary.
    grids : tuple of numpy.ndarray
        The sample values along each axis.
    labels : numpy.ndarray
        Region index at each grid point (``labels[j, i]`` for ``y[j], x[i]`` in 2-D); -1 where the
        assumptions fail.
    structures : list of tuple of str
        For each region index, the names of the equilibria there.
    equilibria : list of SymbolicEquilibrium
        The candidate equilibria (conditions in the varying parameters, others fixed).
    boundaries : list of sympy.Expr
        Expressions whose zero sets separate regions (the tight inequalities of the conditions).
    intervals : list of (sympy number, sympy number, tuple of str)
        One parameter only: the exact intervals between break points and the equilibria on each.
    fixed : dict
        The values of the other parameters.
    checked : int
        How many regions were confirmed against the numeric solvers.

    Examples
    --------
    Hawk-dove with the prize V = 2 and the cost of a fight C from 1 to 4 on six grid points
    (1, 1.6, 2.2, 2.8, 3.4, 4): mutual hawk while fighting is cheaper than the prize (C < 2), the two
    anti-coordinated profiles and the mixed equilibrium above; a third of the grid lies in the first
    region.

    >>> import sympy as sp
    >>> from games.catalog import hawk_dove
    >>> V, C = sp.symbols("V C", positive=True)
    >>> rm = hawk_dove(V, C, symbolic=True, actions=("H", "D")).regions((C, 1, 4), fixed={V: 2}, resolution=6)
    >>> rm
    RegionMap(C; 2 regions)
      (1, 2): (H, H)
      (2, 4): (H, D); (D, H); (mix(H,D), mix(H,D))
    >>> rm.labels.tolist(), rm.checked
    ([0, 0, 1, 1, 1, 1], 2)
    >>> rm.summary()[["count", "share"]].round(3).values.tolist()
    [[1.0, 0.333], [3.0, 0.667]]
    >>> row = rm.to_frame().iloc[2]                   # C = 2.2
    >>> row["equilibria"], int(row["count"])
    ('(H, D); (D, H); (mix(H,D), mix(H,D))', 3)
    """

    axes: tuple[sp.Symbol, ...]
    grids: tuple[np.ndarray, ...]
    labels: np.ndarray
    structures: list[tuple[str, ...]]
    equilibria: list[SymbolicEquilibrium]
    boundaries: list[sp.Expr]
    fixed: dict[sp.Symbol, Any]
    intervals: list[tuple[Any, Any, tuple[str, ...]]] = field(default_factory=list)
    checked: int = 0

    def to_frame(self) -> pd.DataFrame:
        """A tidy :class:`pandas.DataFrame`: one row per grid point with its region and equilibria."""
        import pandas as pd

        if len(self.axes) == 1:
            cols = {self.axes[0].name: self.grids[0]}
        else:
            xx, yy = np.meshgrid(*self.grids)
            cols = {self.axes[0].name: xx.ravel(), self.axes[1].name: yy.ravel()}
        lab = self.labels.ravel()
        frame = pd.DataFrame(cols)
        frame["region"] = lab
        frame["equilibria"] = ["; ".join(self.structures[k]) if k >= 0 else "outside assumptions" for k in lab]
        frame["count"] = [len(self.structures[k]) if k >= 0 else 0 for k in lab]
        return frame

    def summary(self) -> pd.DataFrame:
        """One row per region: its equilibria and the share of the grid it covers."""
        import pandas as pd

        rows = []
        total = self.labels.size
        for k, names in enumerate(self.structures):
            rows.append({"region": k, "equilibria": "; ".join(names) or "none",
                         "count": len(names), "share": float(np.mean(self.labels == k)) if total else 0.0})
        return pd.DataFrame(rows)

    def plot(self, ax: Any = None, *, boundaries: bool = True, cmap: str = "tab10") -> Any:
        """Draw the regions (2-D: coloured map with the exact boundary curves; 1-D: coloured bands).

        Returns the matplotlib axes.
        """
        import matplotlib.pyplot as plt
        from matplotlib.patches import Patch

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4.5))
        colours = plt.get_cmap(cmap)
        handles = []
        if len(self.axes) == 2:
            xs, ys = self.grids
            masked = np.ma.masked_less(self.labels, 0)
            ax.pcolormesh(xs, ys, masked, cmap=cmap, vmin=0, vmax=max(colours.N - 1, 1), shading="nearest")
            if boundaries:
                xx, yy = np.meshgrid(xs, ys)
                for h in self.boundaries:
                    f = sp.lambdify(self.axes, h, "numpy")
                    z = np.broadcast_to(np.asarray(f(xx, yy), dtype=float), xx.shape)
                    if np.nanmin(z) < 0 < np.nanmax(z):
                        ax.contour(xx, yy, z, levels=[0], colors="k", linewidths=1)
            ax.set_ylabel(f"${sp.latex(self.axes[1])}$")
        else:
            xs = self.grids[0]
            for k in range(len(self.structures)):
                inside = self.labels == k
                ax.fill_between(xs, 0, 1, where=inside, color=colours(k % colours.N), step="mid", linewidth=0)
            if boundaries:
                for lo, _hi, _ in self.intervals[1:]:
                    ax.axvline(float(lo), color="k", linewidth=1)
            ax.set_yticks([])
        for k, names in enumerate(self.structures):
            handles.append(Patch(color=colours(k % colours.N), label="; ".join(names) or "no equilibrium"))
        ax.set_xlabel(f"${sp.latex(self.axes[0])}$")
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1), fontsize="small", frameon=False)
        return ax

    def __repr__(self) -> str:
        lines = [f"RegionMap({', '.join(a.name for a in self.axes)}; {len(self.structures)} regions)"]
        if self.intervals:
            for lo, hi, names in self.intervals:
                lines.append(f"  ({lo}, {hi}): {'; '.join(names) or 'none'}")
        else:
            for k, names in enumerate(self.structures):
                lines.append(f"  {k}: {'; '.join(names) or 'none'}")
        return "\n".join(lines)


def _axis(game: SymbolicGame, spec: Any, name: str) -> tuple[sp.Symbol, float, float]:
    try:
        sym, lo, hi = spec
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be (parameter, low, high); got {spec!r}") from exc
    by_name = {p.name: p for p in game.parameters}
    sym = by_name.get(sym, None) if isinstance(sym, str) else sym
    if sym not in game.parameters:
        raise ValueError(f"{name}: {spec[0]!r} is not a parameter of the game ({', '.join(by_name)})")
    try:
        flo, fhi = float(lo), float(hi)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be (parameter, low, high) with numeric bounds; got ({lo!r}, {hi!r})") from exc
    if not (np.isfinite(flo) and np.isfinite(fhi) and flo < fhi):
        raise ValueError(f"{name} must have finite low < high; got ({lo}, {hi})")
    return sym, lo, hi


def _atoms(condition: sp.Basic) -> list[sp.Expr]:
    rels = condition.atoms(sp.core.relational.Relational)
    return [sp.expand(r.lhs - r.rhs) for r in rels]


def region_map(game: SymbolicGame, x: Any, y: Any = None, *, fixed: Mapping[Any, Any] | None = None,
               resolution: int = 201, check: bool = True) -> RegionMap:
    """Regions of a one- or two-parameter slice with the same equilibrium structure.

    Parameters
    ----------
    game : SymbolicGame
        A small game (see :meth:`SymbolicGame.equilibria`).
    x, y : (parameter, low, high)
        The varying parameters (by symbol or name) and their ranges; ``y`` is optional.
    fixed : mapping
        Values of every other parameter.
    resolution : int
        Grid points per axis.
    check : bool
        Solve the numeric game (``games.equilibria``, exact) at one point of every region and raise
        ``RuntimeError`` if its equilibria differ from the symbolic ones.

    Examples
    --------
    Hawk-dove with the prize fixed at 2: pure hawk below C = 2, the anti-coordinated pair and the
    mixed equilibrium above.

    >>> import sympy as sp
    >>> from games.catalog import hawk_dove
    >>> V, C = sp.symbols("V C", positive=True)
    >>> rm = hawk_dove(V, C, symbolic=True, actions=("H", "D")).regions((C, 1, 4), fixed={V: 2}, resolution=31)
    >>> rm.intervals
    [(1, 2, ('(H, H)',)), (2, 4, ('(H, D)', '(D, H)', '(mix(H,D), mix(H,D))'))]
    """
    from .game import parse_values

    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution must be an integer >= 2; got {resolution!r}")
    if resolution > 2000:
        raise ValueError(f"resolution must be at most 2000 points per axis; got {resolution}")
    axes = [_axis(game, x, "x")] + ([_axis(game, y, "y")] if y is not None else [])
    syms = tuple(a[0] for a in axes)
    if len(set(syms)) != len(syms):
        raise ValueError("x and y must be different parameters")
    others = [p for p in game.parameters if p not in syms]
    fixed_vals = parse_values(fixed or {}, others, require_all=True)
    broken = [str(r) for r, (g, strict) in zip(game.assumptions.relations, game.assumptions.inequalities)
              if g.free_symbols <= set(fixed_vals)
              and not (g.subs(fixed_vals) > 0 if strict else g.subs(fixed_vals) >= 0)]
    if broken:
        shown = {str(k): v for k, v in fixed_vals.items()}
        raise ValueError(f"fixed values {shown} violate the assumptions {', '.join(broken)}")
    eqs = []
    for eq in game.equilibria():
        cond = eq.condition.subs(fixed_vals)
        if cond is sp.false:
            continue
        prof = tuple(tuple(sp.simplify(p.subs(fixed_vals)) for p in s) for s in eq.profile)
        pay = tuple(sp.simplify(p.subs(fixed_vals)) for p in eq.payoffs)
        eqs.append(SymbolicEquilibrium(prof, pay, eq.supports, cond, eq.labels, syms, eq.index))
    assumption_exprs = [(g.subs(fixed_vals), s) for g, s in game.assumptions.inequalities]
    grids = tuple(np.linspace(float(lo), float(hi), resolution) for _, lo, hi in axes)
    mesh = np.meshgrid(*grids) if len(grids) == 2 else [grids[0]]
    shape = mesh[0].shape
    inside = np.ones(shape, dtype=bool)
    for g, strict in assumption_exprs:
        if g.is_number:
            inside &= bool(g > 0) if strict else bool(g >= 0)
            continue
        val = np.broadcast_to(np.asarray(sp.lambdify(syms, g, "numpy")(*mesh), dtype=float), shape)
        inside &= (val > 0) if strict else (val >= 0)
    defined = _defined(game, fixed_vals, syms, mesh, shape)
    inside &= defined
    if not inside.any():
        raise ValueError(
            f"no grid point of the slice {', '.join(f'{a[0]} in [{a[1]}, {a[2]}]' for a in axes)} satisfies the "
            f"assumptions ({', '.join(str(r) for r in game.assumptions.relations) or 'none'}) with every payoff defined"
        )
    masks = []
    for eq in eqs:
        with np.errstate(all="ignore"):  # poles are outside the slice (see _defined)
            valid, _ = eq.lambdify()(*mesh)
        masks.append(valid & inside)
    codes = np.zeros(shape, dtype=object)
    for k, m in enumerate(masks):
        codes = codes + np.where(m, 1 << k, 0).astype(object)
    codes = np.where(inside, codes, -1)
    distinct = sorted({int(c) for c in codes.flat if c != -1}, key=lambda c: [-(c >> k & 1) for k in range(len(eqs))])
    index = {c: k for k, c in enumerate(distinct)}
    labels = np.vectorize(lambda c: index.get(int(c), -1), otypes=[int])(codes)
    structures = [tuple(eqs[k].name for k in range(len(eqs)) if c >> k & 1) for c in distinct]
    bounds: list[sp.Expr] = []
    denominators = {sp.fraction(sp.together(e.subs(fixed_vals)))[1] for e in game.payoffs.flat}
    for expr in ([h for eq in eqs for h in _atoms(eq.condition)] + [g for g, _ in assumption_exprs if not g.is_number]
                 + sorted((sp.expand(d) for d in denominators if not d.is_number), key=str)):
        if not any(sp.simplify(expr - b) == 0 or sp.simplify(expr + b) == 0 for b in bounds):
            bounds.append(expr)
    result = RegionMap(syms, grids, labels, structures, eqs, bounds, dict(fixed_vals))
    if len(syms) == 1:
        result.intervals = _intervals(syms[0], axes[0][1], axes[0][2], eqs, bounds, assumption_exprs)
    if check:
        result.checked = _check(game, result, fixed_vals, mesh)
    return result


def _defined(game: SymbolicGame, fixed_vals: dict, syms: tuple, mesh: list[np.ndarray],
             shape: tuple[int, ...]) -> np.ndarray:
    """Grid points where every payoff is a finite number (a parameter in a denominator can make it undefined)."""
    out = np.ones(shape, dtype=bool)
    for e in {sp.fraction(sp.together(e.subs(fixed_vals)))[1] for e in game.payoffs.flat}:
        if e.is_number:
            if e == 0:
                out[...] = False
            continue
        with np.errstate(all="ignore"):
            val = np.broadcast_to(np.asarray(sp.lambdify(syms, e, "numpy")(*mesh), dtype=float), shape)
        out &= np.isfinite(val) & (val != 0)
    return out


def _intervals(sym: sp.Symbol, lo: Any, hi: Any, eqs: list[SymbolicEquilibrium], bounds: list[sp.Expr],
               assumption_exprs: list[tuple[sp.Expr, bool]]) -> list[tuple[Any, Any, tuple[str, ...]]]:
    """Exact break points in ``[lo, hi]`` and the equilibria on each interval between them."""
    lo, hi = to_sympy(lo), to_sympy(hi)
    points = {lo, hi}
    for h in bounds:
        roots = sp.solveset(h, sym, sp.Interval(lo, hi))
        if isinstance(roots, sp.FiniteSet):
            points |= {r for r in roots if r.is_real}
    ordered = sorted(points, key=lambda v: float(v))
    out = []
    for a, b in zip(ordered, ordered[1:]):
        mid = (a + b) / 2
        if not all((g.subs(sym, mid) > 0) if s else (g.subs(sym, mid) >= 0) for g, s in assumption_exprs):
            continue
        names = tuple(eq.name for eq in eqs if bool(eq.condition.subs(sym, mid)))
        if out and out[-1][2] == names:
            out[-1] = (out[-1][0], b, names)
        else:
            out.append((a, b, names))
    return out


def _check(game: SymbolicGame, rm: RegionMap, fixed_vals: dict, mesh: list[np.ndarray]) -> int:
    """Compare symbolic and numeric equilibria at one grid point per region; return how many were checked."""
    checked = 0
    for k in range(len(rm.structures)):
        where = np.argwhere(rm.labels == k)
        point = where[len(where) // 2]
        values = dict(fixed_vals)
        for sym, grid in zip(rm.axes, mesh):
            values[sym] = to_sympy(grid[tuple(point)])
        numeric = game.subs(values, check=False)
        if game.num_players == 2 and numeric.is_degenerate():
            continue  # a boundary point: the equilibrium set may be a continuum there
        found = numeric_equilibria(numeric, exact=True)
        local = {s: values[s] for s in rm.axes}
        expected = [eq for eq in rm.equilibria if eq.holds(local)]
        if game.num_players != 2:
            expected = [eq for eq in expected if eq.is_pure]
        ok = len(found) == len(expected) and all(
            any(all(np.allclose(np.asarray(e, dtype=float), np.asarray(f, dtype=float), atol=1e-9)
                    for e, f in zip(eq.evaluate(local), num.profile)) for num in found)
            for eq in expected)
        if not ok:
            shown = {str(s): str(v) for s, v in values.items()}
            raise RuntimeError(
                f"symbolic and numeric equilibria differ at {shown}: symbolic {[eq.name for eq in expected]}, "
                f"numeric {[[[str(p) for p in v] for v in e.profile] for e in found]} (pass check=False to skip)"
            )
        checked += 1
    return checked
