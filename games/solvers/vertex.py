"""All extreme equilibria of a bimatrix game by vertex enumeration of the best-response polytopes.

With payoffs made positive (a positive affine change that leaves equilibria unchanged), let

    P = {x in R^m : x >= 0, B^T x <= 1},    Q = {y in R^n : A y <= 1, y >= 0}.

Label ``i`` (a row) marks ``x_i = 0`` in P and ``(A y)_i = 1`` in Q; label ``m + j`` (a column) marks
``(B^T x)_j = 1`` in P and ``y_j = 0`` in Q. The extreme Nash equilibria are exactly the completely
labelled pairs of non-zero vertices ``(x, y)``, normalised (von Stengel, *Computing equilibria for
two-person games*, 2002, Thm. 2.4 and Sec. 3.5). This holds for degenerate games too, where support
enumeration can miss equilibria; the equilibrium components are unions of products of faces spanned by
extreme equilibria, and two extreme equilibria sharing a vertex lie in the same component.

Vertices are enumerated over all bases (choices of ``d`` tight constraints), in numpy batches. The
exact path re-solves each vertex's basis in rational arithmetic and re-checks feasibility and labels
exactly.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from math import comb
from typing import TYPE_CHECKING

import numpy as np

from ..equilibrium import Equilibrium, EquilibriumSet, verify
from ._exact import solve_exact

if TYPE_CHECKING:  # pragma: no cover
    from ..normal_form import NormalFormGame

__all__ = ["vertex_enumeration", "polytope_degenerate", "count_bases", "DEFAULT_MAX_BASES"]

DEFAULT_MAX_BASES = 12_000_000
_CHUNK = 100_000


def count_bases(m: int, n: int) -> int:
    """Number of bases (candidate vertices) examined for an ``m x n`` game: ``2 * C(m + n, m)``.

    Examples
    --------
    >>> count_bases(2, 2), count_bases(12, 12)
    (12, 5408312)
    """
    return 2 * comb(m + n, m)


def check_size(m: int, n: int, max_bases: int) -> None:
    """Refuse (at once) a game whose enumeration would examine more than ``max_bases`` bases."""
    work = count_bases(m, n)
    if work > max_bases:
        raise ValueError(
            f"all-equilibria enumeration of a {m}x{n} game would examine {work:.3g} vertex bases, more "
            f"than max_bases={max_bases:.3g} (about {work / 2e6:.3g} s or far more); use "
            f"method='lemke-howson' for one equilibrium (or label=None for one per starting label), "
            f"method='pure' for the pure equilibria, or method='zero-sum' if the game is zero-sum"
        )


def _polytopes(game: "NormalFormGame", exact: bool):
    """Constraint systems ``G z <= h`` of P (in x) and Q (in y), rows indexed by label."""
    A, B = (game.exact_payoffs[..., 0], game.exact_payoffs[..., 1]) if exact else game.bimatrix
    m, n = A.shape
    if exact:
        a = A - A.min() + 1
        b = B - B.min() + 1
        one, zero = Fraction(1), Fraction(0)
        eye_m = np.array([[-one if i == j else zero for j in range(m)] for i in range(m)], dtype=object)
        eye_n = np.array([[-one if i == j else zero for j in range(n)] for i in range(n)], dtype=object)
    else:
        a = 1.0 + (A - A.min()) / (np.ptp(A) or 1.0)
        b = 1.0 + (B - B.min()) / (np.ptp(B) or 1.0)
        eye_m, eye_n = -np.eye(m), -np.eye(n)
    g_p = np.vstack([eye_m, b.T])
    h_p = np.array([0] * m + [1] * n, dtype=object if exact else float)
    g_q = np.vstack([a, eye_n])
    h_q = np.array([1] * m + [0] * n, dtype=object if exact else float)
    if exact:
        h_p = np.array([Fraction(v) for v in h_p], dtype=object)
        h_q = np.array([Fraction(v) for v in h_q], dtype=object)
    return (g_p, h_p), (g_q, h_q)


def _float_vertices(g: np.ndarray, h: np.ndarray, tol: float):
    """Feasible basic solutions of ``g z <= h``: unique points, their label masks and one basis each."""
    rows, d = g.shape
    pts, bases_out = [], []
    combos = itertools.combinations(range(rows), d)
    while True:
        chunk = np.array(list(itertools.islice(combos, _CHUNK)), dtype=np.intp)
        if chunk.size == 0:
            break
        gs = g[chunk]
        hs = h[chunk]
        det = np.linalg.det(gs)
        ok = np.abs(det) > 1e-11
        if not np.any(ok):
            continue
        z = np.linalg.solve(gs[ok], hs[ok][..., None])[..., 0]
        feasible = np.all(z @ g.T <= h + tol, axis=1)
        pts.append(z[feasible])
        bases_out.append(chunk[ok][feasible])
    if not pts:
        return np.zeros((0, d)), np.zeros((0, d), dtype=np.intp)
    z = np.concatenate(pts)
    bases = np.concatenate(bases_out)
    _, first = np.unique(np.round(z, 8), axis=0, return_index=True)
    first.sort()
    return z[first], bases[first]


def _masks(z: np.ndarray, g: np.ndarray, h: np.ndarray, tol: float) -> np.ndarray:
    tight = np.abs(z @ g.T - h) <= tol
    weights = np.left_shift(np.uint64(1), np.arange(g.shape[0], dtype=np.uint64))
    return (tight * weights).sum(axis=1).astype(np.uint64), tight.sum(axis=1)


def _exact_vertices(g, h, bases):
    """Re-solve each basis exactly; keep exactly feasible, distinct vertices with exact label masks."""
    seen: dict[tuple, int] = {}
    pts, masks, counts = [], [], []
    for basis in bases:
        z = solve_exact(g[basis].tolist(), h[basis].tolist())
        if z is None:
            continue
        slack = h - g.dot(np.array(z, dtype=object))
        if any(s < 0 for s in slack):
            continue
        key = tuple(z)
        if key in seen:
            continue
        seen[key] = len(pts)
        mask = 0
        for k, s in enumerate(slack):
            if s == 0:
                mask |= 1 << k
        pts.append(np.array(z, dtype=object))
        masks.append(mask)
        counts.append(sum(1 for s in slack if s == 0))
    return pts, masks, counts


def _all_vertices(game: "NormalFormGame", exact: bool, tol: float):
    (g_p, h_p), (g_q, h_q) = _polytopes(game, exact)
    out = []
    for g, h in ((g_p, h_p), (g_q, h_q)):
        if exact:
            gf, hf = g.astype(float), h.astype(float)
            # screen in floats with a loose tolerance, then decide exactly
            _, bases = _float_vertices(gf / np.abs(gf).max(axis=1, keepdims=True).clip(1e-300),
                                       hf / np.abs(gf).max(axis=1).clip(1e-300), 1e-7)
            out.append(_exact_vertices(g, h, bases))
        else:
            z, _ = _float_vertices(g, h, tol)
            masks, counts = _masks(z, g, h, tol)
            out.append((list(z), [int(v) for v in masks], list(counts)))
    return out


def polytope_degenerate(game: "NormalFormGame", tol: float = 1e-9) -> bool:
    """Whether some vertex of P has more than ``m`` labels or of Q more than ``n`` labels.

    Exact when the game's payoffs are exact.
    """
    exact = game.has_exact_payoffs
    m, n = game.shape
    (_, _, cp), (_, _, cq) = _all_vertices(game, exact, tol)
    return any(c > m for c in cp) or any(c > n for c in cq)


def vertex_enumeration(
    game: "NormalFormGame",
    *,
    tol: float = 1e-9,
    exact: bool = False,
    max_bases: int = DEFAULT_MAX_BASES,
) -> EquilibriumSet:
    """All extreme equilibria of a two-player game (every equilibrium when it is non-degenerate).

    Use through :func:`games.equilibria` with ``method="vertex"`` (the default for two players).

    Examples
    --------
    >>> from games import NormalFormGame
    >>> bos = NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> eqs = vertex_enumeration(bos, exact=True)
    >>> [tuple(str(p) for p in eq.profile[0]) for eq in eqs]
    [('0', '1'), ('2/3', '1/3'), ('1', '0')]
    """
    if game.num_players != 2:
        raise ValueError(f"vertex enumeration needs a 2-player game; this game has {game.num_players}")
    m, n = game.shape
    check_size(m, n, max_bases)
    full = (1 << (m + n)) - 1
    (px, mx, cx), (qy, my, cy) = _all_vertices(game, exact, tol)
    degenerate = any(c > m for c in cx) or any(c > n for c in cy)

    def nonzero(v) -> bool:
        return any(val != 0 for val in v) if exact else bool(np.any(np.abs(v) > tol))

    xs = [k for k, v in enumerate(px) if nonzero(v)]
    ys = [k for k, v in enumerate(qy) if nonzero(v)]
    pairs = []
    if xs and ys:
        bx = np.array([mx[k] for k in xs], dtype=np.uint64)
        by = np.array([my[k] for k in ys], dtype=np.uint64)
        hit = (bx[:, None] | by[None, :]) == np.uint64(full)
        pairs = [(xs[i], ys[j]) for i, j in zip(*np.nonzero(hit))]

    items: list[Equilibrium] = []
    edges: list[tuple[int, int]] = []
    rejected = 0
    for kx, ky in pairs:
        x, y = px[kx], qy[ky]
        prof = [x / x.sum(), y / y.sum()]
        if exact:
            prof = [np.array([Fraction(v) for v in p], dtype=object) for p in prof]
        eq = verify(game, prof, "vertex", tol, exact=exact)
        if eq is None:
            rejected += 1
            continue
        items.append(eq)
        edges.append((kx, ky))
    order = sorted(range(len(items)), key=lambda k: tuple(float(v) for v in np.concatenate(items[k].as_float())))
    items = [items[k] for k in order]
    edges = [edges[k] for k in order]
    components = _components(edges)
    return EquilibriumSet(items, method="vertex", complete=True, degenerate=degenerate,
                          components=components, rejected=rejected,
                          note="" if not degenerate else "degenerate game: these are the extreme equilibria; "
                          "every equilibrium is a convex combination within a component")


def _components(edges: list[tuple[int, int]]) -> list[list[int]]:
    """Group equilibria (edges between an x-vertex and a y-vertex) into connected components."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(a):
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for kx, ky in edges:
        ra, rb = find(("x", kx)), find(("y", ky))
        if ra != rb:
            parent[ra] = rb
    groups: dict[tuple[str, int], list[int]] = {}
    for k, (kx, _) in enumerate(edges):
        groups.setdefault(find(("x", kx)), []).append(k)
    return sorted(groups.values())
