"""All extreme equilibria of bimatrix games: a compiled walk over the polytopes' bases, and polar convex hulls.

Float games go through :func:`walk_equilibria`: one compiled call (:mod:`games.solvers.vertex_walk`) walks
the bases of both best-response polytopes lexicographically (complete for degenerate polytopes too), joins
the completely labelled vertex pairs and computes every pair's regret from the game. When it cannot decide
(payoff differences below the float resolution, a numerically singular basis) the paths below take over.

The best-response polytopes (payoffs made positive, as in :mod:`games.solvers.vertex`)

    P = {x in R^m : x >= 0, B^T x <= 1},    Q = {y in R^n : A y <= 1, y >= 0}

have few vertices compared with the ``C(m + n, m)`` bases that basis-by-basis enumeration examines
(about 4,000 against 2.7 million for a random 12x12 game). A polytope ``{z : G z <= h}`` with an
interior point ``z0`` is, after translating ``z0`` to the origin, ``{u : (G_k / s_k) u <= 1}`` with
``s = h - G z0 > 0``; its vertices are in one-to-one correspondence with the facets of the convex
hull of the points ``G_k / s_k`` (polar duality; Ziegler, *Lectures on Polytopes*, 1995, Sec. 2.3),
and the points on a facet are the constraints tight at its vertex. Qhull (through
:class:`scipy.spatial.ConvexHull`) finds the facets in output-sensitive time; each facet's simplex is
a basis that is re-solved from the original constraints, and every vertex's labels are recomputed from
all constraints, so degenerate vertices (more tight constraints than the dimension, split by Qhull into
several simplices) keep every label.

The extreme equilibria are the completely labelled pairs of non-zero vertices (von Stengel, *Computing
equilibria for two-person games*, 2002, Thm. 2.4). Pairs are found by joining each x-vertex with the
y-vertex carrying exactly the complementary labels, plus a direct search for the few degenerate vertices.
Each equilibrium is verified against the game (``games.equilibrium.verify``).
"""

from __future__ import annotations

from math import comb

import numpy as np

from ..equilibrium import Equilibrium, EquilibriumSet
from ..normal_form import NormalFormGame
from ..validation import check_positive_int, check_tolerance
from .pure import pure_equilibria
from .registry import register_solver
from .vertex import (
    DEFAULT_MAX_BASES,
    RESOLUTION,
    ROUND_OFF_TIE,
    ambiguity_note,
    ambiguous_labels,
    best_response_polytopes,
    check_size,
    count_bases,
    equilibrium_set_from_pairs,
    exact_vertices,
    float_resolution_problem,
    float_vertices,
    geometry_tol,
    lemke_howson_hint,
    vertex_enumeration,
    vertex_set,
)

__all__ = ["DEFAULT_MAX_VERTICES", "EXACT_FALLBACK_VERTICES", "EXHAUSTIVE_EXACT_BASES", "HULL_FROM_BASES",
           "RESOLUTION", "canonical_form", "complementary_pairs", "estimate_vertices", "float_from_exact",
           "float_resolution_problem", "hull_equilibria", "labels_certified", "vertex", "walk_equilibria"]

#: Refuse games whose estimated vertex count per polytope exceeds this (15x15 passes, 16x16 does not).
DEFAULT_MAX_VERTICES = 100_000

#: Exact enumeration of a game beyond the float resolution solves every basis exactly up to this many bases
#: (a 7x7 game, about 8 s); above it the float-screened result is marked incomplete.
EXHAUSTIVE_EXACT_BASES = 10_000

#: A float answer in doubt is re-solved in exact arithmetic only up to this estimated vertex count (12x12);
#: above it the float answer is returned marked incomplete (exact=True forces the exact path).
EXACT_FALLBACK_VERTICES = 10_000

#: From about 7x7 on, finding the polytopes' vertices through a convex hull beats trying every basis.
HULL_FROM_BASES = 2_000


def estimate_vertices(m: int, n: int) -> int:
    """A rough estimate of the vertex count of the larger best-response polytope of a random m x n game.

    Fitted to random games (about 300 vertices at 8x8, growing by a factor 1.5 per extra action), and
    never above the number of bases ``C(m + n, m)``.

    Examples
    --------
    >>> estimate_vertices(2, 40), estimate_vertices(12, 12) < 10_000
    (861, True)
    """
    return int(min(comb(m + n, m), 300 * 1.5 ** max(m + n - 16, 0)))


#: The compiled walk gives up (and the convex-hull path takes over) beyond this many bases of one polytope.
WALK_MAX_BASES = 4_000_000

#: Vertex slacks in this band leave a label in doubt (as :data:`games.solvers.vertex.AMBIGUOUS_SLACK`).
_AMBIGUOUS = (1e-12, 1e-7)


def walk_equilibria(game: NormalFormGame, tol: float = 1e-9) -> EquilibriumSet | None:
    """All extreme equilibria of a two-player float game by compiled vertex enumeration, or ``None`` when the
    walk cannot decide: some payoff differences are below the float resolution (:func:`float_resolution_problem`),
    or a basis is numerically singular or a rate of doubtful sign; the caller then uses the exact, convex-hull or
    basis-by-basis path.

    The vertices of both best-response polytopes come from :func:`games.solvers.vertex_walk.walk_vertices`
    (a lexicographic walk over the bases: complete for degenerate polytopes too); labels are the constraints
    tight within the geometry tolerance, as in :func:`hull_equilibria`, and each completely labelled pair is
    verified against the game. The answer is the one :func:`hull_equilibria` gives, without its refusals:
    callers check the size first.

    Examples
    --------
    >>> import numpy as np, games
    >>> rng = np.random.default_rng(0)
    >>> g = games.NormalFormGame.from_bimatrix(rng.random((9, 9)), rng.random((9, 9)))
    >>> canonical_form(walk_equilibria(g)) == canonical_form(hull_equilibria(g))
    True
    """
    from ..equilibrium import PROBABILITY_FLOOR
    from .vertex_walk import OK, TOO_MANY, solve_float_bimatrix

    m, n = game.shape
    geo = geometry_tol(tol)
    lo, hi = _AMBIGUOUS
    payoffs = np.ascontiguousarray(game.payoffs, dtype=float)
    cap = int(min(comb(m + n, m) + 1, max(1024, 2 * estimate_vertices(m, n))))
    abs_tol = tol * game.payoff_scale
    while True:
        status, X, Y, xi, yi, pay, regret, order, degenerate, ambiguous, doubt_x, doubt_y = solve_float_bimatrix(
            payoffs, geo, lo, hi, cap, RESOLUTION, ROUND_OFF_TIE, PROBABILITY_FLOOR, abs_tol, tol)
        if status == TOO_MANY and cap < WALK_MAX_BASES:
            cap = min(cap * 8, WALK_MAX_BASES)
            continue
        break
    if status != OK:
        return None
    labels = game.actions
    items = [Equilibrium(profile=(X[k], Y[k]), payoffs=pay[k], regret=float(regret[k]), method="vertex", exact=False,
                         tol=abs_tol, labels=labels) for k in order.tolist()]
    result = vertex_set(items, list(zip(xi[order].tolist(), yi[order].tolist())), degenerate=bool(degenerate),
                        rejected=len(X) - len(order), tol=tol)
    if ambiguous and len(doubt_x) + len(doubt_y) <= MAX_CERTIFIED and labels_certified(game, doubt_x, doubt_y):
        ambiguous = 0
    if ambiguous:
        result.complete = False
        result.note = "; ".join(filter(None, [result.note, ambiguity_note(int(ambiguous))]))
    return result


#: Vertices with doubtful slacks whose labels the float path certifies in exact arithmetic (more: incomplete).
MAX_CERTIFIED = 64


def labels_certified(game: NormalFormGame, doubt_x: np.ndarray, doubt_y: np.ndarray) -> bool:
    """Whether every vertex listed (rows ``[basis, tight labels]``, label bit masks of P's vertices in
    ``doubt_x``, of Q's in ``doubt_y``) has, solved exactly from ``game.as_exact()``, exactly those tight labels
    and no violated constraint: the float labels a doubtful slack decided are then the exact ones.

    Examples
    --------
    >>> import numpy as np, games
    >>> g = games.NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> origin = np.array([[0b0011, 0b0011]], np.uint64)   # x = 0: labels 0 and 1 tight, nothing else
    >>> labels_certified(g, origin, origin[:0]), labels_certified(g, np.array([[0b0011, 0b0111]], np.uint64),
    ...                                                           origin[:0])
    (True, False)
    """
    from ..numeric import solve_exact

    if not len(doubt_x) and not len(doubt_y):
        return True
    exact = game if game.has_exact_payoffs else game.as_exact()
    for (g, h), rows in zip(best_response_polytopes(exact, exact=True), (doubt_x, doubt_y)):
        for key, mask in rows.tolist():
            basis = [k for k in range(g.shape[0]) if key >> k & 1]
            z = solve_exact(g[basis].tolist(), h[basis].tolist())
            if z is None:
                return False
            slack = h - g.dot(np.array(z, dtype=object))
            if any(s < 0 for s in slack) or sum(1 << k for k, s in enumerate(slack) if s == 0) != mask:
                return False
    return True


def _check_vertices(m: int, n: int, max_vertices: int) -> None:
    estimate = estimate_vertices(m, n)
    if estimate > max_vertices:
        raise ValueError(
            f"all-equilibria enumeration of a {m}x{n} game would visit about {estimate:.3g} polytope vertices, more "
            f"than max_vertices={max_vertices:.3g}; use {lemke_howson_hint(m, n)}, method='pure' for the pure ones, "
            "or method='zero-sum' if the game is zero-sum")


def _hull_vertices(g: np.ndarray, h: np.ndarray, tol: float,
                   need_bases: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Non-zero vertices of ``{z : g z <= h}`` (bounded, ``h >= 0``): points, label masks and one basis each.

    The basis is non-singular when ``need_bases`` (Qhull's triangulation of a degenerate facet can hold
    flat simplices).
    """
    from scipy.spatial import ConvexHull, QhullError

    rows, d = g.shape
    positive = g[h > 0]
    z0 = np.full(d, 0.5 / max(float(positive.sum(axis=1).max()), 1e-300))
    slack0 = h - g @ z0
    z = None
    if d >= 2 and np.all(slack0 > 0):
        try:
            hull = ConvexHull(g / slack0[:, None])
        except QhullError:  # pragma: no cover - numerically hopeless input; fall back to all bases
            hull = None
        if hull is not None:
            # facet {p : normal . p + offset = 0} of the polar hull <-> vertex z0 - normal / offset
            eq = hull.equations
            z = z0 - eq[:, :d] / eq[:, d:]
            bases = np.sort(hull.simplices, axis=1)
    if z is None:
        z, bases = float_vertices(g, h, tol)
    slack = h - z @ g.T
    keep = np.all(slack >= -tol, axis=1) & (np.abs(z).max(axis=1) > tol)
    if need_bases:
        keep &= np.abs(np.linalg.det(g[bases])) > 1e-11
    z, slack, bases = z[keep], slack[keep], bases[keep]
    weights = np.left_shift(np.uint64(1), np.arange(rows, dtype=np.uint64))
    masks = ((np.abs(slack) <= tol) @ weights).astype(np.uint64)
    _, first = np.unique(masks, return_index=True)
    return z[first], masks[first], bases[first]


def popcount(v: np.ndarray) -> np.ndarray:
    """Number of set bits of each entry of an array of ``uint64`` label masks."""
    return np.bitwise_count(np.asarray(v, dtype=np.uint64))


def complementary_pairs(mx: np.ndarray, my: np.ndarray, m: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs ``(i, j)`` with ``mx[i] | my[j]`` covering all ``m + n`` labels, without an all-pairs scan.

    A pair is either an exact complement (found by sorting), or involves a vertex with more labels than
    its dimension (a degenerate vertex), searched directly.

    Examples
    --------
    >>> import numpy as np
    >>> i, j = complementary_pairs(np.array([0b0011, 0b0101], np.uint64), np.array([0b1100, 0b1001], np.uint64), 2, 2)
    >>> i.tolist(), j.tolist()
    ([0], [0])
    """
    full = np.uint64((1 << (m + n)) - 1)
    mx, my = mx.astype(np.uint64), my.astype(np.uint64)
    need = full & ~mx
    order = np.argsort(my, kind="stable")
    sorted_my = my[order]
    lo = np.searchsorted(sorted_my, need, side="left")
    hi = np.searchsorted(sorted_my, need, side="right")
    reps = hi - lo
    xi = np.repeat(np.arange(len(mx)), reps)
    yi = order[np.repeat(lo, reps) + (np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps))]
    parts_x, parts_y = [xi], [yi]
    deg_x = np.flatnonzero(popcount(mx) > m)
    deg_y = np.flatnonzero(popcount(my) > n)
    if len(deg_x):      # degenerate x: any y covering its complement strictly
        nd = need[deg_x][:, None]
        hit = ((my[None, :] & nd) == nd) & (my[None, :] != nd)
        a, b = np.nonzero(hit)
        parts_x.append(deg_x[a])
        parts_y.append(b)
    if len(deg_y):      # degenerate y with a non-degenerate x
        nondeg_x = np.flatnonzero(popcount(mx) == m)
        nd = need[nondeg_x][:, None]
        myd = my[deg_y][None, :]
        hit = ((myd & nd) == nd) & (myd != nd)
        a, b = np.nonzero(hit)
        parts_x.append(nondeg_x[a])
        parts_y.append(deg_y[b])
    return np.concatenate(parts_x), np.concatenate(parts_y)


def hull_equilibria(
    game: NormalFormGame,
    *,
    tol: float = 1e-9,
    exact: bool = False,
    max_vertices: int = DEFAULT_MAX_VERTICES,
) -> EquilibriumSet:
    """All extreme equilibria of a two-player game, fast for 8x8 to 16x16 games.

    The same answer as ``games.equilibria(game, method="vertex")`` (every equilibrium of a non-degenerate
    game, every extreme equilibrium of a degenerate one, with their components), found through the
    vertices of the best-response polytopes rather than all their bases.

    Parameters
    ----------
    game : NormalFormGame
        A two-player game.
    tol : float
        Tolerance for ties and for verification, relative to the game's payoff range.
    exact : bool
        Re-solve every vertex in rational arithmetic (needs exact payoffs); profiles are Fractions.
    max_vertices : int
        Refuse (at once) games whose estimated vertex count (:func:`estimate_vertices`) exceeds this.

    Returns
    -------
    EquilibriumSet

    Examples
    --------
    >>> import numpy as np, games
    >>> rng = np.random.default_rng(0)
    >>> g = games.NormalFormGame.from_bimatrix(rng.random((9, 9)), rng.random((9, 9)))
    >>> len(hull_equilibria(g)) == len(games.equilibria(g))
    True
    >>> hull_equilibria(games.NormalFormGame.from_bimatrix(np.zeros((40, 40))))
    Traceback (most recent call last):
    ...
    ValueError: all-equilibria enumeration of a 40x40 game would visit about 5.58e+13 polytope vertices, ...
    """
    from ..normal_form import NormalFormGame

    if not isinstance(game, NormalFormGame):
        raise TypeError(f"game must be a NormalFormGame; got {type(game).__name__}")
    if game.num_players != 2:
        raise ValueError(f"hull_equilibria needs a 2-player game; this game has {game.num_players} players")
    tol = check_tolerance(tol)
    if not isinstance(exact, (bool, np.bool_)):
        raise TypeError(f"exact must be True or False; got {exact!r}")
    m, n = game.shape
    _check_vertices(m, n, max_vertices)
    if m + n > 64:
        raise ValueError(f"hull_equilibria handles games with at most 64 actions in all; got {m}x{n}")
    if exact and not game.has_exact_payoffs:
        raise ValueError("exact=True needs exact payoffs (ints or Fractions); build the game from exact values")
    coarse = float_resolution_problem(game) if exact else ""
    if coarse and count_bases(m, n) <= EXHAUSTIVE_EXACT_BASES:  # the float hull cannot screen: try every basis
        return vertex_enumeration(game, tol=tol, exact=True, max_bases=EXHAUSTIVE_EXACT_BASES)
    (g_p, h_p), (g_q, h_q) = best_response_polytopes(game, exact=False)
    geo = geometry_tol(tol)
    px, mx, bx = _hull_vertices(g_p, h_p, geo, need_bases=exact)
    qy, my, by = _hull_vertices(g_q, h_q, geo, need_bases=exact)
    ambiguous = 0 if exact else ambiguous_labels(g_p, h_p, px) + ambiguous_labels(g_q, h_q, qy)
    if exact:
        (eg_p, eh_p), (eg_q, eh_q) = best_response_polytopes(game, exact=True)
        xs, mxs, _ = exact_vertices(eg_p, eh_p, bx, px)
        ys, mys, _ = exact_vertices(eg_q, eh_q, by, qy)
        px, qy = xs, ys
        mx, my = np.array(mxs, dtype=np.uint64), np.array(mys, dtype=np.uint64)
        nonzero_x = [k for k, v in enumerate(px) if any(c != 0 for c in v)]
        nonzero_y = [k for k, v in enumerate(qy) if any(c != 0 for c in v)]
        px, mx = [px[k] for k in nonzero_x], mx[nonzero_x]
        qy, my = [qy[k] for k in nonzero_y], my[nonzero_y]
    else:
        # an unplayed action (a tight non-negativity label) has probability exactly zero
        px = np.where(label_bits(mx, 0, m), 0.0, px.clip(0))
        qy = np.where(label_bits(my, m, n), 0.0, qy.clip(0))
    degenerate = bool(np.any(popcount(mx) > m) or np.any(popcount(my) > n)) if len(mx) and len(my) else False
    xi, yi = complementary_pairs(mx, my, m, n)
    result = equilibrium_set_from_pairs(game, list(px), list(qy), list(zip(xi.tolist(), yi.tolist())),
                                        degenerate=degenerate, tol=tol, exact=exact)
    result.note = "; ".join(filter(None, ["vertices found as facets of the polar convex hull", result.note]))
    if ambiguous:
        result.complete = False
        result.note += "; " + ambiguity_note(ambiguous)
    if coarse:
        result.complete = False
        result.note += (f"; may be incomplete: {coarse}, so the float convex hull may miss vertices, and the "
                        f"{count_bases(m, n):.3g} bases are too many to solve each exactly "
                        f"(more than {EXHAUSTIVE_EXACT_BASES:,})")
    return result


def canonical_form(eqset: EquilibriumSet, decimals: int = 7) -> tuple[list[tuple[float, ...]], list[list[tuple]]]:
    """An order-free form of an equilibrium set, for comparing solvers: sorted profiles and components.

    Each equilibrium becomes its concatenated profile rounded to ``decimals``; the components become
    sorted groups of those profiles.

    Examples
    --------
    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[1, 1], [0, 0]], [[1, 1], [0, 0]])
    >>> canonical_form(games.equilibria(g))
    ([(1.0, 0.0, 0.0, 1.0), (1.0, 0.0, 1.0, 0.0)], [[(1.0, 0.0, 0.0, 1.0), (1.0, 0.0, 1.0, 0.0)]])
    """
    keys = [tuple((np.round(np.concatenate(e.as_float()), decimals) + 0.0).tolist()) for e in eqset]
    return sorted(keys), sorted(sorted(keys[k] for k in comp) for comp in eqset.components)


def label_bits(mask: np.ndarray, first: int, count: int) -> np.ndarray:
    return (mask[:, None] >> np.arange(first, first + count, dtype=np.uint64)) & np.uint64(1) == 1


@register_solver("vertex", game_type=NormalFormGame, rank=0, finds="all extreme", players=(1, 2), exact=True,
                 auto=lambda game: game.num_players == 2,
                 summary="vertex enumeration of the best-response polytopes: a compiled lexicographic walk over "
                         "their bases (exact mode: every basis for small games, a convex hull from about 7x7 to "
                         "16x16); the components are in ``.components``")
def vertex(game: NormalFormGame, *, tol: float = 1e-9, exact: bool = False,
           max_bases: int = DEFAULT_MAX_BASES, max_vertices: int = DEFAULT_MAX_VERTICES) -> EquilibriumSet:
    """Every extreme equilibrium of a two-player game.

    Float games: the compiled walk (:func:`walk_equilibria`). Exact games, and float games the walk cannot
    decide: basis-by-basis enumeration (:func:`~games.solvers.vertex.vertex_enumeration`) for small games,
    the convex-hull path (:func:`hull_equilibria`) once the bases outnumber :data:`HULL_FROM_BASES`. The
    refusals (``max_bases``, ``max_vertices``) are those of the path the game's size selects.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> bos = NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> len(vertex(bos)), vertex(bos).complete
    (3, True)
    """
    max_bases = check_positive_int(max_bases, "max_bases")
    max_vertices = check_positive_int(max_vertices, "max_vertices")
    if game.num_players == 1:  # the extreme points of the optimal mixtures are the pure maximisers
        return pure_equilibria(game, tol=tol, exact=exact)

    m, n = game.shape
    hull = count_bases(m, n) > HULL_FROM_BASES and min(m, n) >= 2

    def solve(g: NormalFormGame, as_exact: bool) -> EquilibriumSet:
        if hull:
            return hull_equilibria(g, tol=tol, exact=as_exact, max_vertices=max_vertices)
        return vertex_enumeration(g, tol=tol, exact=as_exact, max_bases=max_bases)

    if exact:
        return solve(game, True)
    result = None
    if min(m, n) >= 2 and m + n <= 64:  # the compiled walk; None when it cannot decide
        if hull:  # the same refusals as the paths below
            _check_vertices(m, n, max_vertices)
        else:
            check_size(m, n, max_bases)
        result = walk_equilibria(game, tol)
    reason = ""
    if result is None:
        reason = float_resolution_problem(game)
        if not reason:
            result = solve(game, False)
    if result is not None:
        if len(result) == 0:
            reason = "the float enumeration found no equilibrium (every finite game has one)"
        elif result.rejected:
            reason = f"{result.rejected} float candidate(s) failed verification"
        elif not result.complete:
            reason = "float vertex labels were ambiguous"
        else:
            return result
        if estimate_vertices(m, n) > EXACT_FALLBACK_VERTICES:  # rational arithmetic would take minutes or hours
            result.complete = False
            result.note = "; ".join(filter(None, [result.note, (
                f"not re-solved in exact arithmetic although {reason}: a {m}x{n} game has about "
                f"{estimate_vertices(m, n):.3g} polytope vertices, too many (more than {EXACT_FALLBACK_VERTICES:,}); "
                "use exact=True to force it")]))
            return result
    return float_from_exact(game, solve(game.as_exact(), True), tol, reason)


def float_from_exact(game: NormalFormGame, exact_set: EquilibriumSet, tol: float, reason: str) -> EquilibriumSet:
    """The exact equilibria of ``game.as_exact()`` as float equilibria of ``game``, each re-verified in floats.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> from games.solvers.vertex import vertex_enumeration
    >>> g = NormalFormGame.from_bimatrix([[1.0, -1.0], [-1.0, 1.0]])
    >>> eqs = float_from_exact(g, vertex_enumeration(g.as_exact(), exact=True), 1e-9, "a doctest")
    >>> [v.tolist() for v in eqs[0].profile], eqs[0].exact
    ([[0.5, 0.5], [0.5, 0.5]], False)
    """
    from ..equilibrium import verify

    items, keep = [], {}
    for k, eq in enumerate(exact_set):
        checked = verify(game, list(eq.as_float()), eq.method, tol)
        if checked is not None:
            keep[k] = len(items)
            items.append(checked)
    rejected = len(exact_set) - len(items)
    components = [[keep[k] for k in comp if k in keep] for comp in exact_set.components]
    notes = [f"solved in exact arithmetic because {reason}", exact_set.note]
    if rejected:
        notes.append(f"{rejected} exact equilibrium(s) failed the float check at tol={tol:g}")
    return EquilibriumSet(items, method=exact_set.method, complete=exact_set.complete and not rejected,
                          degenerate=exact_set.degenerate, components=[c for c in components if c],
                          rejected=rejected, note="; ".join(filter(None, notes)))
