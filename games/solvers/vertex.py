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

import numpy as np

from ..equilibrium import Equilibrium, EquilibriumSet, rejection_note, verify, verify_bimatrix_batch
from ..normal_form import NormalFormGame
from ..numeric import solve_exact
from .bimatrix import positive_bimatrix

__all__ = [
    "AMBIGUOUS_SLACK",
    "DEFAULT_MAX_BASES",
    "GEOMETRY_TOL",
    "RESOLUTION",
    "ambiguous_labels",
    "count_bases",
    "equilibrium_set_from_pairs",
    "equilibrium_set_from_regrets",
    "float_equilibrium_set",
    "float_resolution_problem",
    "vertex_set",
    "geometry_tol",
    "lemke_howson_hint",
    "polytope_degenerate",
    "vertex_enumeration",
]

DEFAULT_MAX_BASES = 12_000_000
_CHUNK = 100_000

#: Largest tightness/feasibility tolerance of the polytope geometry (payoffs are rescaled to [1, 2]).
GEOMETRY_TOL = 1e-9


def geometry_tol(tol: float) -> float:
    """The tolerance the polytope geometry uses when equilibria are verified with ``tol``.

    ``tol`` says how much regret a reported equilibrium may have; it must not make the tests of which
    constraints are tight loose as well (a loose tightness test invents labels, hence spurious vertices
    and a false degeneracy flag). The geometry uses ``tol`` clipped to ``[1e-12, GEOMETRY_TOL]``.

    Examples
    --------
    >>> geometry_tol(0.1), geometry_tol(1e-11), geometry_tol(0.0)
    (1e-09, 1e-11, 1e-12)
    """
    tol = float(tol)
    return GEOMETRY_TOL if tol > GEOMETRY_TOL else (tol if tol > 1e-12 else 1e-12)


#: Payoff differences below this fraction of a player's payoff range are beyond the float geometry's
#: resolution (its tightness tolerance is 1e-9 of the rescaled payoffs, and vertex coordinates compound it).
RESOLUTION = 1e-6

#: Payoff differences below this fraction of the range are round-off: ties for the float solvers.
ROUND_OFF_TIE = 1e-12


def float_resolution_problem(game: NormalFormGame) -> str:
    """Why float vertex enumeration cannot be trusted on ``game`` (``""`` when it can).

    Each player's payoffs are rescaled to ``[1, 2]`` for the polytope geometry; two payoffs that differ
    by less than :data:`RESOLUTION` of their player's range are within a few round-offs of a tie there,
    and a vertex can gain or lose a label (an equilibrium can be missed or invented). Differences below
    :data:`ROUND_OFF_TIE` of the range are round-off (``0.1 + 0.2`` against ``0.3``) and count as ties, as
    the float solvers document; ``exact=True`` reads each float as its shortest decimal instead.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> float_resolution_problem(NormalFormGame.from_bimatrix([[0, -1], [1e-9, -1.5]], [[0, -6], [-4, -5]]))
    "player 1's payoffs differ by as little as 6.67e-10 of their range (below 1e-06)"
    >>> float_resolution_problem(NormalFormGame.from_bimatrix([[3, 0], [5, 1]]))
    ''
    """
    table = np.sort(game.payoffs.reshape(-1, game.num_players), axis=0)  # each player's payoffs, sorted
    if np.abs(table[[0, -1]]).max() > 1e307:  # the range may overflow floats
        with np.errstate(over="ignore", invalid="ignore"):
            span = table[-1] - table[0]
            gaps = (table[1:] - table[:-1]) / np.where(span > 0, span, 1.0)
    else:
        span = table[-1] - table[0]
        gaps = (table[1:] - table[:-1]) / np.where(span > 0, span, 1.0)
    gaps[gaps < ROUND_OFF_TIE] = np.inf  # round-off (0.1 + 0.2 against 0.3) is a tie, as documented
    smallest = gaps.min(axis=0) if len(gaps) else np.full(game.num_players, np.inf)
    for i in range(game.num_players):
        if span[i] == 0:
            continue
        if not np.isfinite(span[i]):
            return f"player {i + 1}'s payoff range overflows floats"
        gap = float(smallest[i]) if np.isfinite(smallest[i]) else 1.0
        if gap < RESOLUTION:
            return (f"player {i + 1}'s payoffs differ by as little as {gap:.3g} of their range "
                    f"(below {RESOLUTION:g})")
    return ""


def count_bases(m: int, n: int) -> int:
    """Number of bases (candidate vertices) examined for an ``m x n`` game: ``2 * C(m + n, m)``.

    Examples
    --------
    >>> count_bases(2, 2), count_bases(12, 12)
    (12, 5408312)
    """
    return 2 * comb(m + n, m)


def check_size(m: int, n: int, max_bases: int, what: str = "all-equilibria enumeration") -> None:
    """Refuse (at once) a game whose enumeration would examine more than ``max_bases`` bases.

    Examples
    --------
    >>> check_size(40, 40, DEFAULT_MAX_BASES)
    Traceback (most recent call last):
    ...
    ValueError: all-equilibria enumeration of a 40x40 game would examine 2.15e+23 vertex bases, ...
    """
    work = count_bases(m, n)
    if work > max_bases:
        raise ValueError(
            f"{what} of a {m}x{n} game would examine {work:.3g} vertex bases, more "
            f"than max_bases={max_bases:.3g} (about {work / 2e6:.3g} s or far more); use "
            f"{lemke_howson_hint(m, n)}, method='pure' for the pure equilibria, or method='zero-sum' if the game is "
            "zero-sum"
        )


def lemke_howson_hint(m: int, n: int) -> str:
    """What to suggest instead of enumeration: Lemke-Howson from one label, and from every label when affordable.

    A path costs about ``(m + n)`` pivots of ``m * n`` work (measured: about 4 s per label at 200x200), so
    all ``m + n`` labels cost ``(m + n)**2 * m * n`` units; ``label=None`` is suggested below about a minute.

    Examples
    --------
    >>> lemke_howson_hint(20, 20)
    "method='lemke-howson' for one equilibrium (label=None for one per starting label, 40 paths)"
    >>> lemke_howson_hint(200, 200)
    "method='lemke-howson' for one equilibrium (one label, e.g. label=0; every label would take about 7e+02 s)"
    """
    seconds = (m + n) ** 2 * m * n * 1.1e-7
    if seconds <= 60:
        return f"method='lemke-howson' for one equilibrium (label=None for one per starting label, {m + n} paths)"
    return (f"method='lemke-howson' for one equilibrium (one label, e.g. label=0; every label would take about "
            f"{seconds:.1g} s)")


def best_response_polytopes(game: NormalFormGame, exact: bool):
    """Constraint systems ``G z <= h`` of P (in x) and Q (in y), rows indexed by label."""
    a, b = positive_bimatrix(game, exact)
    m, n = a.shape
    if exact:
        one, zero = Fraction(1), Fraction(0)
        eye_m = np.array([[-one if i == j else zero for j in range(m)] for i in range(m)], dtype=object)
        eye_n = np.array([[-one if i == j else zero for j in range(n)] for i in range(n)], dtype=object)
        h_p = np.array([zero] * m + [one] * n, dtype=object)
        h_q = np.array([one] * m + [zero] * n, dtype=object)
    else:
        eye_m, eye_n = -np.eye(m), -np.eye(n)
        h_p = np.array([0.0] * m + [1.0] * n)
        h_q = np.array([1.0] * m + [0.0] * n)
    return (np.vstack([eye_m, b.T]), h_p), (np.vstack([a, eye_n]), h_q)


def _feasible_bases(g: np.ndarray, h: np.ndarray, tol: float, det_tol: float):
    """Every basis (``d`` rows of ``g z <= h``) whose basic solution is feasible within ``tol``.

    Returns the basic solutions and the bases, in numpy batches of ``_CHUNK`` bases. Bases with
    ``|det| <= det_tol`` are skipped as singular.
    """
    rows, d = g.shape
    pts, bases_out = [], []
    combos = itertools.combinations(range(rows), d)
    while True:
        chunk = np.array(list(itertools.islice(combos, _CHUNK)), dtype=np.intp).reshape(-1, d)
        if chunk.size == 0:
            break
        gs = g[chunk]
        ok = np.abs(np.linalg.det(gs)) > det_tol
        if not np.any(ok):
            continue
        chunk, gs = chunk[ok], gs[ok]
        try:
            z = np.linalg.solve(gs, h[chunk][..., None])[..., 0]
        except np.linalg.LinAlgError:  # a numerically singular basis slipped through: solve one by one
            z = np.array([np.linalg.lstsq(m_, h[c], rcond=None)[0] for m_, c in zip(gs, chunk)])
        feasible = np.all(z @ g.T <= h + tol, axis=1) & np.all(np.isfinite(z), axis=1)
        pts.append(z[feasible])
        bases_out.append(chunk[feasible])
    if not pts:
        return np.zeros((0, d)), np.zeros((0, d), dtype=np.intp)
    return np.concatenate(pts), np.concatenate(bases_out)


def float_vertices(g: np.ndarray, h: np.ndarray, tol: float):
    """Feasible basic solutions of ``g z <= h``: one point and one basis per vertex.

    A vertex is identified by the set of constraints tight at it (within ``tol``), not by rounded
    coordinates: two distinct vertices closer than a rounding grid (payoff differences of 1e-9 put
    vertices 1e-9 apart) have different tight sets and are both kept, and the bases of one degenerate
    vertex share its tight set and collapse to one.
    """
    z, bases = _feasible_bases(g, h, tol, det_tol=1e-11)
    tight = np.abs(z @ g.T - h) <= tol
    _, first = np.unique(tight, axis=0, return_index=True)
    first.sort()
    return z[first], bases[first]


#: Slacks of a float vertex's constraints fall either below 1e-15 (round-off of a tight constraint) or above
#: about 1e-5 (a slack one) for payoffs resolved in floats; one in this band could be either, so the label it
#: decides is in doubt (measured on random integer games with payoff ranges up to 1e4: none fall in it).
AMBIGUOUS_SLACK = (1e-12, 1e-7)


def ambiguous_labels(g: np.ndarray, h: np.ndarray, z: np.ndarray) -> int:
    """How many (vertex, constraint) slacks of the float vertices ``z`` of ``g z <= h`` lie in :data:`AMBIGUOUS_SLACK`.

    Examples
    --------
    >>> ambiguous_labels(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([1.0, 1.0]), np.array([[1.0, 1 - 1e-9]]))
    1
    """
    z = np.asarray(z, dtype=float).reshape(-1, g.shape[1])
    slack = np.abs(h - z @ g.T)
    lo, hi = AMBIGUOUS_SLACK
    return int(np.count_nonzero((slack > lo) & (slack < hi)))


def ambiguity_note(count: int) -> str:
    lo, hi = AMBIGUOUS_SLACK
    return (f"may be incomplete: {count} vertex constraint slack(s) lie between {lo:g} and {hi:g} (rescaled payoffs), "
            "too close to the tightness tolerance to tell tight from slack in floats; use exact=True")


def _masks(z: np.ndarray, g: np.ndarray, h: np.ndarray, tol: float) -> np.ndarray:
    tight = np.abs(z @ g.T - h) <= tol
    weights = np.left_shift(np.uint64(1), np.arange(g.shape[0], dtype=np.uint64))
    return (tight * weights).sum(axis=1).astype(np.uint64), tight.sum(axis=1)


def exact_vertices(g, h, bases, approx):
    """Re-solve the screened bases exactly; keep exactly feasible, distinct vertices with exact labels.

    Bases whose float solutions agree (``approx``, rounded) are tried against the exact vertex already
    found for that group first: a basis whose constraints that vertex satisfies needs no solve of its
    own (if it is non-singular, its solution is that vertex). Every other basis is solved exactly.
    """
    seen: set[tuple] = set()
    pts, masks, counts = [], [], []
    groups: dict[tuple, list] = {}
    for basis, key in zip(bases, map(tuple, np.round(approx, 6))):
        known = groups.setdefault(key, [])
        rows_g, rows_h = g[basis], h[basis]
        if any(all(r.dot(z) == hv for r, hv in zip(rows_g, rows_h)) for z in known):
            continue
        z = solve_exact(rows_g.tolist(), rows_h.tolist())
        if z is None:
            continue
        z = np.array(z, dtype=object)
        known.append(z)
        exact_key = tuple(z)
        if exact_key in seen:
            continue
        seen.add(exact_key)
        slack = h - g.dot(z)
        if any(s < 0 for s in slack):
            continue
        tight = [s == 0 for s in slack]
        pts.append(z)
        masks.append(sum(1 << k for k, t in enumerate(tight) if t))
        counts.append(sum(tight))
    return pts, masks, counts


def _all_vertices(game: NormalFormGame, exact: bool, tol: float):
    """The vertices of P and of Q: ``[(points, label masks, label counts), ...]``.

    The exact path screens bases in floats with generous thresholds (a basis that is wrongly kept
    costs one exact solve; none that is exactly feasible and non-singular is dropped, since the
    payoffs are rescaled to [1, 2]), then decides feasibility, distinctness and labels exactly. When some
    payoff differences are below the float resolution (:func:`float_resolution_problem`) the screen is
    unreliable (near-singular bases, huge round-off) and every basis is solved exactly.
    """
    (g_p, h_p), (g_q, h_q) = polytopes = best_response_polytopes(game, exact)
    exhaustive = exact and bool(float_resolution_problem(game))
    out = []
    for g, h in ((g_p, h_p), (g_q, h_q)):
        if exhaustive:  # the float screen is unreliable: solve every basis exactly
            bases = np.array(list(itertools.combinations(range(g.shape[0]), g.shape[1])), dtype=np.intp)
            out.append(exact_vertices(g, h, bases, np.arange(len(bases))[:, None]))
        elif exact:
            approx, bases = _feasible_bases(g.astype(float), h.astype(float), tol=1e-6, det_tol=1e-13)
            out.append(exact_vertices(g, h, bases, approx))
        else:
            z, _ = float_vertices(g, h, tol)
            masks, counts = _masks(z, g, h, tol)
            out.append((list(z), [int(v) for v in masks], list(counts)))
    return out, (0 if exact else sum(ambiguous_labels(g, h, o[0]) for (g, h), o in zip(polytopes, out)))


def polytope_degenerate(game: NormalFormGame, tol: float = 1e-9, max_bases: int = DEFAULT_MAX_BASES) -> bool:
    """Whether some vertex of P has more than ``m`` labels or of Q more than ``n`` labels.

    Exact when the game's payoffs are exact. (A point of P with a label set L lies on the face of the
    points carrying L, and that face has a vertex carrying L too, so checking vertices suffices.)
    """
    exact = game.has_exact_payoffs
    m, n = game.shape
    check_size(m, n, max_bases, what="the degeneracy test")
    ((_, _, cp), (_, _, cq)), _ = _all_vertices(game, exact, tol)
    return any(c > m for c in cp) or any(c > n for c in cq)


def vertex_enumeration(
    game: NormalFormGame,
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
    if min(m, n) == 1:
        return _one_action_opponent(game, tol, exact)
    if m + n > 64:
        raise ValueError(f"vertex enumeration handles games with at most 64 actions in all; this game has "
                         f"{m}x{n}; use method='lemke-howson'")
    full = (1 << (m + n)) - 1
    geo = geometry_tol(tol)
    ((px, mx, cx), (qy, my, cy)), ambiguous = _all_vertices(game, exact, geo)
    degenerate = any(c > m for c in cx) or any(c > n for c in cy)

    def nonzero(points: list) -> list[int]:  # the vertices other than the origin, tested once per polytope
        if exact:
            return [k for k, v in enumerate(points) if any(val != 0 for val in v)]
        return np.flatnonzero(np.abs(np.asarray(points, dtype=float)).max(axis=1) > geo).tolist() if points else []

    xs, ys = nonzero(px), nonzero(qy)
    pairs = []
    if xs and ys:
        bx = np.array([mx[k] for k in xs], dtype=np.uint64)
        by = np.array([my[k] for k in ys], dtype=np.uint64)
        hit = (bx[:, None] | by[None, :]) == np.uint64(full)
        pairs = [(xs[i], ys[j]) for i, j in zip(*np.nonzero(hit))]

    result = equilibrium_set_from_pairs(game, px, qy, pairs, degenerate=degenerate, tol=tol, exact=exact)
    if ambiguous:
        result.complete = False
        result.note = "; ".join(filter(None, [result.note, ambiguity_note(ambiguous)]))
    return result


def _one_action_opponent(game: NormalFormGame, tol: float, exact: bool) -> EquilibriumSet:
    """A player facing an opponent with a single action: its extreme equilibrium strategies are its pure best
    replies, all in one component; the game is degenerate when there are several (a vertex of its polytope
    then carries more labels than its dimension)."""
    mover = 1 if game.shape[0] == 1 else 0
    u = (game.exact_payoffs if exact else game.payoffs)[..., mover].ravel()
    best = max(u)
    if exact:
        replies = [k for k, v in enumerate(u) if v == best]
    else:
        span = float(np.ptp(u)) or 1.0
        replies = np.flatnonzero(u >= best - geometry_tol(tol) * span).tolist()
    one = Fraction(1) if exact else 1.0
    zero = Fraction(0) if exact else 0.0
    dtype = object if exact else float
    sure = [np.array([one], dtype=dtype)]
    pure = [np.array([one if i == k else zero for i in range(len(u))], dtype=dtype) for k in replies]
    px, qy = (sure, pure) if mover == 1 else (pure, sure)
    pairs = [(0, j) for j in range(len(pure))] if mover == 1 else [(i, 0) for i in range(len(pure))]
    return equilibrium_set_from_pairs(game, px, qy, pairs, degenerate=len(replies) > 1, tol=tol, exact=exact)


def equilibrium_set_from_pairs(
    game: NormalFormGame,
    px: list,
    qy: list,
    pairs: list[tuple[int, int]],
    *,
    degenerate: bool,
    tol: float,
    exact: bool,
) -> EquilibriumSet:
    """Verify the completely labelled vertex pairs ``(px[kx], qy[ky])`` and group them into components.

    Shared by every vertex-pairing enumeration: each pair is normalised to a mixed profile, verified
    against the game (failures are counted in ``rejected``), sorted, and equilibria joined through a
    shared vertex are put in one component. A set that had to drop a candidate is not complete.
    """
    items: list[Equilibrium] = []
    edges: list[tuple[int, int]] = []
    rejected = 0
    for kx, ky in pairs:
        x, y = px[kx], qy[ky]
        prof = [x / x.sum(), y / y.sum()]
        if exact:
            prof = [np.array([Fraction(v) for v in p], dtype=object) for p in prof]
        eq = verify(game, prof, "vertex", tol, exact=exact)
        if eq is not None and not exact and not _within_player_scales(game, eq, tol):
            eq = None
        if eq is None:
            rejected += 1
            continue
        items.append(eq)
        edges.append((kx, ky))
    order = sorted(range(len(items)), key=lambda k: tuple(float(v) for v in np.concatenate(items[k].as_float())))
    return vertex_set([items[k] for k in order], [edges[k] for k in order], degenerate=degenerate,
                      rejected=rejected, tol=tol)


def float_equilibrium_set(
    game: NormalFormGame,
    xs: np.ndarray,
    ys: np.ndarray,
    xi: np.ndarray,
    yi: np.ndarray,
    *,
    degenerate: bool,
    tol: float,
    spans: np.ndarray | None = None,
) -> EquilibriumSet:
    """:func:`equilibrium_set_from_pairs` for float vertex arrays.

    The pairs ``(xs[k], ys[k])`` (x-vertex ``xi[k]`` with y-vertex ``yi[k]``) are verified all at once: their
    regrets computed from the game's payoffs in one compiled pass (through
    :func:`~games.equilibrium.verify_bimatrix_batch` when the payoff range overflows), each player's regret
    also held to its own payoff range (``spans``, computed from the game when not given). They are then
    sorted and grouped into components through shared vertices.

    Examples
    --------
    >>> import numpy as np
    >>> from games import NormalFormGame
    >>> pennies = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> eqs = float_equilibrium_set(pennies, np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([[2.0, 2.0], [1.0, 0.0]]),
    ...                             np.array([0, 0]), np.array([0, 1]), degenerate=False, tol=1e-9)
    >>> len(eqs), eqs.rejected, eqs.complete
    (1, 1, False)
    """
    if spans is None:
        spans = np.ptp(game.payoffs.reshape(-1, game.num_players), axis=0)
        spans = np.where(spans > 0, spans, 1.0)
    scale = game.payoff_scale
    if len(xs) and np.isfinite(scale):  # the regrets of every pair, computed from the game in one compiled pass
        from ..equilibrium import PROBABILITY_FLOOR
        from .vertex_walk import bimatrix_regrets

        X, Y, pay, reg = bimatrix_regrets(game.payoffs, np.ascontiguousarray(xs, dtype=float),
                                          np.ascontiguousarray(ys, dtype=float), PROBABILITY_FLOOR)
        return equilibrium_set_from_regrets(game, X, Y, pay, reg, xi, yi, degenerate=degenerate, tol=tol,
                                            spans=spans)
    checked = verify_bimatrix_batch(game, xs, ys, "vertex", tol, player_tol=tol * spans)
    keep = [k for k, eq in enumerate(checked) if eq is not None]
    rejected = len(checked) - len(keep)
    items = [checked[k] for k in keep]
    edges = [(int(xi[k]), int(yi[k])) for k in keep]
    if len(items) > 1:
        flat = np.array([np.concatenate(eq.profile) for eq in items])
        order = np.lexsort(flat.T[::-1])
        items = [items[k] for k in order]
        edges = [edges[k] for k in order]
    return vertex_set(items, edges, degenerate=degenerate, rejected=rejected, tol=tol)


def equilibrium_set_from_regrets(
    game: NormalFormGame,
    X: np.ndarray,
    Y: np.ndarray,
    pay: np.ndarray,
    reg: np.ndarray,
    xi: np.ndarray,
    yi: np.ndarray,
    *,
    degenerate: bool,
    tol: float,
    spans: np.ndarray | None = None,
) -> EquilibriumSet:
    """The equilibrium set of float profiles ``(X[k], Y[k])`` whose payoffs ``pay`` and per-player regrets ``reg``
    were computed from ``game`` (:func:`games.solvers.vertex_walk.bimatrix_regrets`).

    A pair is kept when its regret is within ``tol * game.payoff_scale`` and each player's regret within ``tol``
    of that player's payoff range (``spans``); the others are counted as rejected. Profiles are sorted and
    grouped into components through shared vertices (``xi``, ``yi``).

    Examples
    --------
    >>> import numpy as np
    >>> from games import NormalFormGame
    >>> pennies = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> half = np.array([[0.5, 0.5]])
    >>> eqs = equilibrium_set_from_regrets(pennies, half, half, np.zeros((1, 2)), np.zeros((1, 2)), np.array([0]),
    ...                                    np.array([0]), degenerate=False, tol=1e-9)
    >>> len(eqs), eqs.complete
    (1, True)
    """
    if spans is None:
        spans = np.ptp(game.payoffs.reshape(-1, game.num_players), axis=0)
        spans = np.where(spans > 0, spans, 1.0)
    scale = game.payoff_scale
    regret = reg.max(axis=1).clip(0.0) if len(reg) else np.zeros(0)
    abs_tol = tol * scale
    ok = (regret <= abs_tol) & (reg <= tol * spans).all(axis=1)
    keep = np.flatnonzero(ok)
    rejected = len(ok) - len(keep)
    if len(keep) > 1:
        keep = keep[np.lexsort(np.hstack([X[keep], Y[keep]]).T[::-1])]
    labels = game.actions
    items = [Equilibrium(profile=(X[k], Y[k]), payoffs=pay[k], regret=float(regret[k]), method="vertex",
                         exact=False, tol=abs_tol, labels=labels) for k in keep.tolist()]
    edges = list(zip(xi[keep].tolist(), yi[keep].tolist()))
    return vertex_set(items, edges, degenerate=degenerate, rejected=rejected, tol=tol)


def vertex_set(items: list[Equilibrium], edges: list[tuple[int, int]], *, degenerate: bool, rejected: int,
               tol: float) -> EquilibriumSet:
    """The ``method="vertex"`` set of verified, sorted equilibria ``items``, each joining the x-vertex and the
    y-vertex of its entry in ``edges``; components are the groups joined through shared vertices.

    Examples
    --------
    >>> vertex_set([], [], degenerate=False, rejected=1, tol=1e-9).complete
    False
    """
    components = connected_components(edges)
    notes = []
    if degenerate:
        notes.append("degenerate game: these are the extreme equilibria; every equilibrium (x, y) has x and y in "
                     "the convex hulls of the strategies of extreme equilibria of one component (a maximal Nash "
                     "subset)")
    if rejected:
        notes.append(rejection_note(rejected, tol))
    return EquilibriumSet(items, method="vertex", complete=not rejected, degenerate=degenerate,
                          components=components, rejected=rejected, note="; ".join(notes))


def _within_player_scales(game: NormalFormGame, eq: Equilibrium, tol: float) -> bool:
    """Whether each player's regret is within ``tol`` of that player's own payoff range.

    ``verify`` measures regret against the largest range of any player; when one player's payoffs span
    1e5 and the other's 10, a float vertex that lost a label can pass that test with a regret far above
    the small player's resolution. The polytope geometry works on each player's payoffs rescaled to
    [1, 2], so its candidates are held to each player's own range.
    """
    table = game.payoffs.reshape(-1, game.num_players)
    spans = np.ptp(table, axis=0)
    spans = np.where(spans > 0, spans, 1.0)
    return bool(np.all(np.asarray(game.regrets(list(eq.profile)), dtype=float) <= tol * spans))


def connected_components(edges: list[tuple[int, int]]) -> list[list[int]]:
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
