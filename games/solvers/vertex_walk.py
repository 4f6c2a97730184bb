"""Compiled vertex enumeration of the best-response polytopes by a lexicographic walk over their bases (numba).

A polytope ``{z in R^d : z >= 0, P z <= 1}`` (each constraint named by a label) is walked from the basis of
``z = 0``. The walk visits every basis that is feasible for the lexicographically perturbed system (the
right-hand sides raised by ``eps, eps^2, ...`` in label order): that polytope is simple, its vertices are
these bases and its edges are the pivots chosen by the lexicographic minimum-ratio test, so a search over
the pivots reaches all of them (the graph of a polytope is connected, Balinski 1961), and every vertex of
the unperturbed polytope is the limit of one of them; degenerate polytopes need no special case (the rule
lrs uses: Avis, *lrs: a revised implementation of the reverse search vertex enumeration algorithm*, 2000).
The search is depth-first: a step is one rank-one update of the rates, undone on the way back, and the
current basis is solved afresh every :data:`REFRESH` updates and whenever a rate's sign is in doubt, so
round-off does not accumulate. A vertex is identified by the set of constraints tight at it, as in
:mod:`games.solvers.vertex`.

:func:`solve_float_bimatrix` does a whole float game in one call: the resolution check, both walks, the
join of the completely labelled pairs and each pair's regret computed from the game's payoffs.

This module imports numba; :mod:`games.solvers.enumeration` imports it only when an enumeration runs.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["AMBIGUOUS", "OK", "SINGULAR", "TOO_MANY", "UNBOUNDED", "bimatrix_regrets", "complementary_pairs_compiled",
           "completely_labelled_pairs", "RESOLUTION_PROBLEM", "rows_before", "solve_float_bimatrix", "walk_vertices"]

#: Status codes of :func:`walk_vertices`.
OK, SINGULAR, UNBOUNDED, TOO_MANY, AMBIGUOUS = 0, 1, 2, 3, 4

#: A pivot element (rate at which a constraint's slack shrinks) must exceed this; rates between
#: ``_RATE_DOUBT`` and it are neither clearly zero nor clearly positive, and stop the walk.
_RATE_MIN = 1e-9
_RATE_DOUBT = 1e-12

#: A basis whose Gauss-Jordan pivots fall below this is numerically singular.
_PIVOT_MIN = 1e-11


@njit(cache=True)
def _inverse(M, inv, work):  # pragma: no cover - compiled
    """Invert ``M`` (d x d) into ``inv`` by Gauss-Jordan with partial pivoting; return the smallest pivot."""
    d = M.shape[0]
    for i in range(d):
        for j in range(d):
            work[i, j] = M[i, j]
            inv[i, j] = 0.0
        inv[i, i] = 1.0
    smallest = np.inf
    for c in range(d):
        p = c
        best = abs(work[c, c])
        for i in range(c + 1, d):
            v = abs(work[i, c])
            if v > best:
                best = v
                p = i
        if best < smallest:
            smallest = best
        if best < _PIVOT_MIN:
            return best
        if p != c:
            for j in range(d):
                t = work[c, j]
                work[c, j] = work[p, j]
                work[p, j] = t
                t = inv[c, j]
                inv[c, j] = inv[p, j]
                inv[p, j] = t
        piv = work[c, c]
        for j in range(d):
            work[c, j] /= piv
            inv[c, j] /= piv
        for i in range(d):
            if i != c:
                f = work[i, c]
                if f != 0.0:
                    for j in range(d):
                        work[i, j] -= f * work[c, j]
                        inv[i, j] -= f * inv[c, j]
    return smallest


@njit(cache=True, inline="always")
def _lookup(table, key):  # pragma: no cover - compiled
    """Open addressing: the slot of ``key`` in ``table`` (0 = empty), or the empty slot where it goes."""
    cap = table.shape[0]
    h = (key * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(20)
    i = np.int64(h & np.uint64(cap - 1))
    while table[i] != 0 and table[i] != key:
        i = (i + 1) & (cap - 1)
    return i


@njit(cache=True)
def _fresh(P, coord_label, row_label, key, R, slack, dirof, blabels, S, I0, J, C, Cinv, work):  # pragma: no cover
    """Solve the basis ``key`` afresh: slacks and rates ``R[label, t]`` (how fast each non-basic label's slack
    falls when basis label ``blabels[t]`` is left). Returns the smallest Gauss-Jordan pivot."""
    p, d = P.shape
    L = p + d
    one = np.uint64(1)
    ns = 0
    n0 = 0
    for i in range(d):
        if (key >> np.uint64(coord_label[i])) & one:
            I0[n0] = i
            n0 += 1
        else:
            S[ns] = i
            ns += 1
    nj = 0
    for j in range(p):
        if (key >> np.uint64(row_label[j])) & one:
            J[nj] = j
            nj += 1
    if nj != ns:
        return 0.0
    k = ns
    nb = 0
    for lab in range(L):
        dirof[lab] = -1
        slack[lab] = 0.0
        if (key >> np.uint64(lab)) & one:
            dirof[lab] = nb
            blabels[nb] = lab
            nb += 1
    smallest = np.inf
    if k > 0:
        for a in range(k):
            for b in range(k):
                C[a, b] = P[J[a], S[b]]
        smallest = _inverse(C[:k, :k], Cinv[:k, :k], work[:k, :k])
        if smallest < _PIVOT_MIN:
            return smallest
    for a in range(k):  # coordinate S[a] is off its bound: slack z_S[a] = (C^-1 1)[a]
        lab = coord_label[S[a]]
        acc = 0.0
        for b in range(k):
            acc += Cinv[a, b]
            R[lab, dirof[row_label[J[b]]]] = Cinv[a, b]  # leaving row J[b]: u_S = -C^-1 e_b
        slack[lab] = acc
        for c in range(n0):  # leaving coordinate bound I0[c]: u = e_I0[c] - C^-1 P[J, I0[c]]
            col = I0[c]
            acc = 0.0
            for b in range(k):
                acc += Cinv[a, b] * P[J[b], col]
            R[lab, dirof[coord_label[col]]] = acc
    for j in range(p):
        lab = row_label[j]
        if dirof[lab] >= 0:
            continue
        s = 1.0
        for a in range(k):
            s -= P[j, S[a]] * slack[coord_label[S[a]]]
        slack[lab] = s
        for b in range(k):
            acc = 0.0
            for a in range(k):
                acc += P[j, S[a]] * Cinv[a, b]
            work[0, b] = acc
            R[lab, dirof[row_label[J[b]]]] = -acc
        for c in range(n0):
            col = I0[c]
            acc = P[j, col]
            for b in range(k):
                acc -= work[0, b] * P[J[b], col]
            R[lab, dirof[coord_label[col]]] = acc
    return smallest


@njit(cache=True, inline="always")
def _pivot(R, slack, dirof, blabels, r, t):  # pragma: no cover - compiled
    """Exchange basis label ``blabels[t]`` for the non-basic label ``r`` (rank-one update of rates and slacks)."""
    L, d = R.shape
    q = blabels[t]
    piv = R[r, t]
    inv = 1.0 / piv
    theta = slack[r] * inv
    for lab in range(L):
        if dirof[lab] >= 0 or lab == r:
            continue
        f = R[lab, t] * inv
        if f != 0.0:
            for s in range(d):
                R[lab, s] -= f * R[r, s]
        R[lab, t] = -f
        slack[lab] -= f * slack[r]
    for s in range(d):
        R[q, s] = R[r, s] * inv
    R[q, t] = inv
    slack[q] = theta
    slack[r] = 0.0
    dirof[q] = -1
    dirof[r] = t
    blabels[t] = r


@njit(cache=True, inline="always")
def _entering(R, slack, dirof, t, tol, cand):  # pragma: no cover - compiled
    """The label entering the basis when basis label ``t`` leaves: the lexicographic minimum ratio.

    Returns the label, ``-UNBOUNDED`` when no slack falls, or ``-AMBIGUOUS`` when a rate is too close to 0
    to tell its sign."""
    L, d = R.shape
    nc = 0
    best_s = 1.0
    best_r = 0.0  # best ratio best_s / best_r, kept as a fraction (no division)
    for lab in range(L):
        if dirof[lab] >= 0:
            continue
        rate = R[lab, t]
        if rate > _RATE_MIN:
            s = slack[lab]
            if s < 0.0:
                s = 0.0
            cand[nc] = lab
            nc += 1
            if nc == 1 or s * best_r < best_s * rate:
                best_s = s
                best_r = rate
        elif rate > _RATE_DOUBT:
            return -AMBIGUOUS
    if nc == 0:
        return -UNBOUNDED
    if nc == 1:
        return cand[0]
    best = best_s / best_r
    kept = 0  # candidates tying at the minimum ratio (within tol), then the lexicographic rule
    for c in range(nc):
        lab = cand[c]
        s = slack[lab]
        if s < 0.0:
            s = 0.0
        if s <= (best + tol) * R[lab, t]:
            cand[kept] = lab
            kept += 1
    nc = kept
    pos = 0
    while nc > 1 and pos < L:
        # coefficient of eps_pos in a label's perturbed slack: 1 for the label itself,
        # R[label, dirof[pos]] for a basis label pos, else 0
        jb = dirof[pos]
        lo = np.inf
        for c in range(nc):
            lab = cand[c]
            v = 1.0 if lab == pos else (R[lab, jb] if jb >= 0 else 0.0)
            v /= R[lab, t]
            if v < lo:
                lo = v
        kept = 0
        for c in range(nc):
            lab = cand[c]
            v = 1.0 if lab == pos else (R[lab, jb] if jb >= 0 else 0.0)
            if v / R[lab, t] <= lo + tol * (1.0 + abs(lo)):
                cand[kept] = lab
                kept += 1
        nc = kept
        pos += 1
    return cand[0]


@njit(cache=True, inline="always")
def _entering_all(R, slack, dirof, tol, out, bs, br, ties):  # pragma: no cover - compiled
    """The minimum-ratio label for every direction at once (two passes over the rates, no division or
    branch in the inner loops). ``out[t]`` is the label, or -1 where the minimum is unclear (a near-tie, no
    falling slack, or a rate too close to 0 to tell its sign): :func:`_entering` decides those one by one."""
    L, d = R.shape
    for t in range(d):
        bs[t] = 1.0  # the best ratio so far is bs / br (1 / 0: none yet)
        br[t] = 0.0
        out[t] = -1
        ties[t] = 0
    doubt = 0
    for lab in range(L):
        if dirof[lab] >= 0:
            continue
        s = max(slack[lab], 0.0)
        for t in range(d):
            rate = R[lab, t]
            better = (rate > _RATE_MIN) & (s * br[t] < bs[t] * rate)
            bs[t] = s if better else bs[t]
            br[t] = rate if better else br[t]
            out[t] = lab if better else out[t]
            doubt += (rate > _RATE_DOUBT) & (rate <= _RATE_MIN)
    for t in range(d):
        bs[t] = bs[t] / br[t] + tol if br[t] > 0.0 else -1.0  # ratios up to this tie with the best
    for lab in range(L):
        if dirof[lab] >= 0:
            continue
        s = max(slack[lab], 0.0)
        for t in range(d):
            rate = R[lab, t]
            ties[t] += (rate > _RATE_MIN) & (s <= bs[t] * rate)
    for t in range(d):
        if doubt > 0 or ties[t] != 1:
            out[t] = -1


#: Rank-one updates between two fresh solves of the current basis (bounds the round-off of the walk).
REFRESH = 32


@njit(cache=True)
def walk_vertices(P, coord_label, row_label, tol, amb_lo, amb_hi, cap):  # pragma: no cover - compiled
    """Every vertex of the bounded polytope ``{z in R^d : z >= 0, P z <= 1}``, walking from ``z = 0``.

    ``coord_label[i]`` names the constraint ``z_i >= 0`` and ``row_label[j]`` the constraint ``P_j z <= 1``
    (distinct labels below 64; the lexicographic perturbation orders constraints by label). Returns
    ``(points, masks, status, ambiguous, bases, doubtful)``: one point and one tight-label bit mask per vertex
    (labels of constraints with ``|slack| <= tol``), a status code (``OK``, or why the walk stopped), the
    number of vertex slacks strictly between ``amb_lo`` and ``amb_hi`` (tight or slack is in doubt there),
    the number of bases visited and, for each vertex holding such slacks, its basis and its tight labels (two
    label bit masks per row); the walk stops (``TOO_MANY``) when it reaches ``cap`` bases (all storage is
    allocated up front, so the caller retries with a larger ``cap``).

    Examples
    --------
    The unit square ``{z >= 0, z_1 <= 1, z_2 <= 1}``: four vertices, each with its two tight labels.

    >>> pts, masks, status, ambiguous, bases, doubtful = walk_vertices(np.eye(2), np.array([0, 1]),
    ...                                                                np.array([2, 3]), 1e-9, 1e-12, 1e-7, 100)
    >>> sorted(map(tuple, pts.tolist())), sorted(int(v) for v in masks), status
    ([(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)], [3, 6, 9, 12], 0)

    The walk is a depth-first search: a step to a new basis is one rank-one update of the rates, undone on
    the way back, and every :data:`REFRESH` updates the current basis is solved afresh (a basis holds the
    labels of ``d - k`` zero coordinates and ``k`` tight rows ``J``; with ``S`` the other ``k`` coordinates,
    the vertex is ``z_S = C^{-1} 1`` for ``C = P[J, S]``).
    """
    p, d = P.shape
    L = p + d
    one = np.uint64(1)
    S = np.empty(d, np.int64)
    I0 = np.empty(d, np.int64)
    J = np.empty(p, np.int64)
    C = np.empty((d, d))
    Cinv = np.empty((d, d))
    work = np.empty((max(d, 1), max(d, 1)))
    R = np.zeros((L, d))
    slack = np.zeros(L)
    dirof = np.empty(L, np.int64)
    blabels = np.empty(d, np.int64)
    cand = np.empty(L, np.int64)
    size = 1
    while size < 2 * cap:
        size *= 2
    seen = np.zeros(size, np.uint64)
    vseen = np.zeros(size, np.uint64)
    pts = np.empty((cap, d))
    vmasks = np.empty(cap, np.uint64)
    doubt = np.empty((cap, 2), np.uint64)  # basis and tight labels of each vertex with a doubtful slack
    ndoubt = 0
    # depth-first stack: the basis, the next label to try leaving, and the labels exchanged to get here
    st_key = np.empty(cap, np.uint64)
    st_next = np.empty(cap, np.int64)
    st_in = np.empty(cap, np.int64)
    st_out = np.empty(cap, np.int64)
    st_enter = np.empty((cap, L), np.int8)  # the entering label for each leaving label, found on arrival
    enter_t = np.empty(d, np.int64)
    bs = np.empty(d)
    br = np.empty(d)
    ties = np.empty(d, np.int64)
    key = np.uint64(0)
    for i in range(d):
        key |= one << np.uint64(coord_label[i])
    seen[_lookup(seen, key)] = key
    nseen = 1
    nv = 0
    ambiguous = 0
    status = OK
    if _fresh(P, coord_label, row_label, key, R, slack, dirof, blabels, S, I0, J, C, Cinv, work) < _PIVOT_MIN:
        return pts[:0], vmasks[:0], SINGULAR, 0, 1, doubt[:0]
    updates = 0
    depth = 0
    st_key[0] = key
    st_next[0] = 0
    st_in[0] = -1
    st_out[0] = -1
    new_vertex = True
    while True:
        key = st_key[depth]
        if new_vertex:
            new_vertex = False
            mask = key
            for lab in range(L):
                if dirof[lab] < 0 and abs(slack[lab]) <= tol:
                    mask |= one << np.uint64(lab)
            slot = _lookup(vseen, mask)
            if vseen[slot] == 0:  # a new vertex (a further basis of a known one adds nothing)
                vseen[slot] = mask
                for i in range(d):
                    lab = coord_label[i]
                    pts[nv, i] = 0.0 if dirof[lab] >= 0 else slack[lab]
                vmasks[nv] = mask
                nv += 1
                here = 0
                for lab in range(L):
                    if dirof[lab] < 0:
                        a = abs(slack[lab])
                        if a > amb_lo and a < amb_hi:
                            here += 1
                if here:
                    ambiguous += here
                    doubt[ndoubt, 0] = key
                    doubt[ndoubt, 1] = mask
                    ndoubt += 1
            _entering_all(R, slack, dirof, tol, enter_t, bs, br, ties)
            for t in range(d):
                st_enter[depth, blabels[t]] = enter_t[t]
        lab = st_next[depth]
        while lab < L and not ((key >> np.uint64(lab)) & one):
            lab += 1
        if lab == L:  # every neighbour tried: step back to the parent basis
            if depth == 0:
                break
            r = st_in[depth]
            q = st_out[depth]
            depth -= 1
            _pivot(R, slack, dirof, blabels, q, dirof[r])
            updates += 1
            if updates % REFRESH == 0:
                if _fresh(P, coord_label, row_label, st_key[depth], R, slack, dirof, blabels, S, I0, J, C, Cinv,
                          work) < _PIVOT_MIN:
                    status = SINGULAR
                    break
            continue
        st_next[depth] = lab + 1
        t = dirof[lab]
        enter = np.int64(st_enter[depth, lab])
        if enter < 0:
            enter = _entering(R, slack, dirof, t, tol, cand)
            if enter == -AMBIGUOUS and updates % REFRESH != 0:  # round-off of the updates? solve afresh, look again
                if _fresh(P, coord_label, row_label, key, R, slack, dirof, blabels, S, I0, J, C, Cinv,
                          work) < _PIVOT_MIN:
                    status = SINGULAR
                    break
                updates = 0
                t = dirof[lab]
                enter = _entering(R, slack, dirof, t, tol, cand)
        if enter < 0:
            status = -enter
            break
        nkey = (key ^ (one << np.uint64(lab))) | (one << np.uint64(enter))
        slot = _lookup(seen, nkey)
        if seen[slot] != 0:
            continue
        if nseen >= cap:
            status = TOO_MANY
            break
        seen[slot] = nkey
        nseen += 1
        _pivot(R, slack, dirof, blabels, enter, t)
        updates += 1
        if updates % REFRESH == 0:
            if _fresh(P, coord_label, row_label, nkey, R, slack, dirof, blabels, S, I0, J, C, Cinv,
                      work) < _PIVOT_MIN:
                status = SINGULAR
                break
        depth += 1
        st_key[depth] = nkey
        st_next[depth] = 0
        st_in[depth] = enter
        st_out[depth] = lab
        new_vertex = True
    return pts[:nv], vmasks[:nv], status, ambiguous, nseen, doubt[:ndoubt]


@njit(cache=True)
def _popcount(v):  # pragma: no cover - compiled
    c = 0
    while v:
        v &= v - np.uint64(1)
        c += 1
    return c


@njit(cache=True)
def complementary_pairs_compiled(mx, my, m, n):  # pragma: no cover - compiled
    """Index pairs ``(i, j)`` with ``mx[i] | my[j]`` covering all ``m + n`` labels (bit masks of distinct vertices).

    The compiled twin of :func:`games.solvers.enumeration.complementary_pairs`: an exact complement is looked
    up in a hash table of the ``my``; a vertex with more labels than its dimension (degenerate) is matched
    against every vertex of the other polytope that covers its complement strictly.

    Examples
    --------
    >>> mx, my = np.array([0b0011, 0b0101], np.uint64), np.array([0b1100, 0b1001], np.uint64)
    >>> i, j = complementary_pairs_compiled(mx, my, 2, 2)
    >>> i.tolist(), j.tolist()
    ([0], [0])
    """
    full = (np.uint64(1) << np.uint64(m + n)) - np.uint64(1)
    ny = my.shape[0]
    size = 16
    while size < 2 * ny + 2:
        size *= 2
    table = np.zeros(size, np.uint64)
    where = np.empty(size, np.int64)
    deg_x = np.zeros(mx.shape[0], np.bool_)
    deg_y = np.zeros(ny, np.bool_)
    for j in range(ny):
        key = my[j]
        deg_y[j] = _popcount(key) > n
        if key == 0:
            continue
        slot = _lookup(table, key)
        table[slot] = key
        where[slot] = j
    xs = []
    ys = []
    for i in range(mx.shape[0]):
        need = full & ~mx[i]
        deg_x[i] = _popcount(mx[i]) > m
        if need != 0:
            slot = _lookup(table, need)
            if table[slot] == need:
                xs.append(i)
                ys.append(where[slot])
    degenerate_y = np.flatnonzero(deg_y)
    for i in range(mx.shape[0]):
        need = full & ~mx[i]
        if deg_x[i]:  # any y covering the complement strictly
            for j in range(ny):
                if (my[j] & need) == need and my[j] != need:
                    xs.append(i)
                    ys.append(j)
        elif len(degenerate_y) and _popcount(mx[i]) == m:  # a degenerate y with a non-degenerate x
            for j in degenerate_y:
                if (my[j] & need) == need and my[j] != need:
                    xs.append(i)
                    ys.append(j)
    out_x = np.empty(len(xs), np.int64)
    out_y = np.empty(len(ys), np.int64)
    for k in range(len(xs)):
        out_x[k] = xs[k]
        out_y[k] = ys[k]
    return out_x, out_y


@njit(cache=True)
def _nonzero(pts, masks, tol):  # pragma: no cover - compiled
    keep = np.zeros(pts.shape[0], np.bool_)
    for k in range(pts.shape[0]):
        for i in range(pts.shape[1]):
            if pts[k, i] > tol:
                keep[k] = True
                break
    return pts[keep], masks[keep]


@njit(cache=True)
def _strategies(pts, masks, idx, first):  # pragma: no cover - compiled
    """The vertices ``pts[idx]`` with unplayed actions (a tight non-negativity label) exactly 0."""
    d = pts.shape[1]
    out = np.zeros((idx.shape[0], d))
    for r in range(idx.shape[0]):
        k = idx[r]
        for i in range(d):
            if not (masks[k] >> np.uint64(first + i)) & np.uint64(1):
                out[r, i] = max(pts[k, i], 0.0)
    return out


@njit(cache=True)
def completely_labelled_pairs(a, b, tol, amb_lo, amb_hi, cap):  # pragma: no cover - compiled
    """The completely labelled pairs of non-zero vertices of the best-response polytopes of ``(a, b)``.

    ``a`` and ``b`` are the two players' payoff matrices, every entry positive (``m + n <= 64``). Returns
    ``(xs, ys, xi, yi, degenerate, ambiguous, status, doubtful_x, doubtful_y)``: row ``k`` of ``xs`` and ``ys``
    is the (unnormalised) pair joining x-vertex ``xi[k]`` with y-vertex ``yi[k]``; ``degenerate`` says whether
    a vertex carries more labels than its dimension, ``ambiguous`` counts doubtful slacks, ``status`` is
    :data:`OK` or why a walk stopped (then the other outputs are empty), and the last two are the bases of
    the vertices with doubtful slacks in each polytope (:func:`walk_vertices`).

    Examples
    --------
    Matching pennies, rescaled to payoffs 1 and 2: one pair, both players mixing equally.

    >>> a = np.array([[2.0, 1.0], [1.0, 2.0]])
    >>> xs, ys, xi, yi, degenerate, ambiguous, status, _, _ = completely_labelled_pairs(a, 3.0 - a, 1e-9, 1e-12,
    ...                                                                                1e-7, 100)
    >>> (xs / xs.sum()).tolist(), (ys / ys.sum()).tolist(), degenerate, status
    ([[0.5, 0.5]], [[0.5, 0.5]], False, 0)
    """
    m, n = a.shape
    rows = np.arange(m)
    cols = np.arange(m, m + n)
    px, mx, sx, ax, _, dx = walk_vertices(np.ascontiguousarray(b.T), rows, cols, tol, amb_lo, amb_hi, cap)
    if sx != OK:
        return (np.zeros((0, m)), np.zeros((0, n)), np.zeros(0, np.int64), np.zeros(0, np.int64), False, 0, sx,
                dx, dx)
    qy, my, sy, ay, _, dy = walk_vertices(np.ascontiguousarray(a), cols, rows, tol, amb_lo, amb_hi, cap)
    if sy != OK:
        return (np.zeros((0, m)), np.zeros((0, n)), np.zeros(0, np.int64), np.zeros(0, np.int64), False, 0, sy,
                dx, dy)
    px, mx = _nonzero(px, mx, tol)
    qy, my = _nonzero(qy, my, tol)
    degenerate = False
    if mx.shape[0] and my.shape[0]:
        for k in range(mx.shape[0]):
            if _popcount(mx[k]) > m:
                degenerate = True
        for k in range(my.shape[0]):
            if _popcount(my[k]) > n:
                degenerate = True
    xi, yi = complementary_pairs_compiled(mx, my, m, n)
    return _strategies(px, mx, xi, 0), _strategies(qy, my, yi, m), xi, yi, degenerate, ax + ay, OK, dx, dy


@njit(cache=True)
def bimatrix_regrets(payoffs, X, Y, floor):  # pragma: no cover - compiled
    """Each player's payoff and regret at the profiles ``(X[k], Y[k])`` of the game with ``payoffs (m, n, 2)``.

    Entries at or below ``floor`` are cleared (round-off, as :func:`games.equilibrium.verify` does) and each
    strategy is normalised. Returns the cleaned ``X`` and ``Y``, the payoffs ``(k, 2)`` and the regrets
    ``(k, 2)``: the best deviation payoff minus the payoff, computed from the game's payoff table.

    Examples
    --------
    >>> pennies = np.array([[[1.0, -1.0], [-1.0, 1.0]], [[-1.0, 1.0], [1.0, -1.0]]])
    >>> X, Y, pay, reg = bimatrix_regrets(pennies, np.array([[1.0, 1.0], [1.0, 0.0]]),
    ...                                   np.array([[1.0, 1.0], [1.0, 0.0]]), 1e-12)
    >>> X.tolist(), reg.tolist()
    ([[0.5, 0.5], [1.0, 0.0]], [[0.0, 0.0], [0.0, 2.0]])
    """
    k, m = X.shape
    n = Y.shape[1]
    Xc = np.empty((k, m))
    Yc = np.empty((k, n))
    pay = np.empty((k, 2))
    reg = np.empty((k, 2))
    ay = np.empty(m)
    xb = np.empty(n)
    for r in range(k):
        sx = 0.0
        for i in range(m):
            v = X[r, i] if X[r, i] > floor else 0.0
            Xc[r, i] = v
            sx += v
        sy = 0.0
        for j in range(n):
            v = Y[r, j] if Y[r, j] > floor else 0.0
            Yc[r, j] = v
            sy += v
        for i in range(m):
            Xc[r, i] /= sx
        for j in range(n):
            Yc[r, j] /= sy
        for i in range(m):
            acc = 0.0
            for j in range(n):
                acc += payoffs[i, j, 0] * Yc[r, j]
            ay[i] = acc
        for j in range(n):
            acc = 0.0
            for i in range(m):
                acc += Xc[r, i] * payoffs[i, j, 1]
            xb[j] = acc
        p1 = 0.0
        best1 = -np.inf
        for i in range(m):
            p1 += Xc[r, i] * ay[i]
            best1 = max(best1, ay[i])
        p2 = 0.0
        best2 = -np.inf
        for j in range(n):
            p2 += xb[j] * Yc[r, j]
            best2 = max(best2, xb[j])
        pay[r, 0] = p1
        pay[r, 1] = p2
        reg[r, 0] = best1 - p1
        reg[r, 1] = best2 - p2
    return Xc, Yc, pay, reg


#: Status of :func:`solve_float_bimatrix` when some payoff differences are below the float resolution.
RESOLUTION_PROBLEM = 5


@njit(cache=True)
def _resolution_ok(values, resolution, round_off):  # pragma: no cover - compiled
    """Whether no two payoffs of one player differ by less than ``resolution`` of their range (differences below
    ``round_off`` of the range are ties); the twin of :func:`games.solvers.vertex.float_resolution_problem`."""
    v = np.sort(values)
    span = v[-1] - v[0]
    if span == 0.0:
        return True
    if not np.isfinite(span):
        return False
    for k in range(v.shape[0] - 1):
        gap = (v[k + 1] - v[k]) / span
        if gap >= round_off and gap < resolution:
            return False
    return True


@njit(cache=True)
def solve_float_bimatrix(payoffs, tol, amb_lo, amb_hi, cap, resolution, round_off, floor, verify_tol,
                         tol_rel):  # pragma: no cover - compiled
    """Candidate extreme equilibria of the float bimatrix game ``payoffs (m, n, 2)``, with their regrets.

    Checks the float resolution (status :data:`RESOLUTION_PROBLEM` when payoff differences are too small to
    trust the float geometry), rescales each player's payoffs to ``[1, 2]``, finds the completely labelled
    vertex pairs (:func:`completely_labelled_pairs`, geometry tolerance ``tol``) and computes each pair's
    payoffs and regrets from ``payoffs`` (:func:`bimatrix_regrets`). A pair passes when its regret is at most
    ``verify_tol`` and each player's regret at most ``tol_rel`` times that player's payoff range. Returns
    ``(status, X, Y, xi, yi, pay, regret, order, degenerate, ambiguous, doubtful_x, doubtful_y)``: ``order``
    lists the passing pairs in lexicographic order of their profiles (the others failed verification), and
    the last two are as in :func:`completely_labelled_pairs`.

    Examples
    --------
    >>> pd = np.array([[[3.0, 3.0], [0.0, 5.0]], [[5.0, 0.0], [1.0, 1.0]]])   # prisoner's dilemma
    >>> status, X, Y, xi, yi, pay, regret, order, degenerate, ambiguous, _, _ = solve_float_bimatrix(
    ...     pd, 1e-9, 1e-12, 1e-7, 100, 1e-6, 1e-12, 1e-12, 5e-9, 1e-9)
    >>> X.tolist(), Y.tolist(), pay.tolist(), regret.tolist(), order.tolist(), status
    ([[0.0, 1.0]], [[0.0, 1.0]], [[1.0, 1.0]], [0.0], [0], 0)
    """
    m, n, _ = payoffs.shape
    a = np.empty((m, n))
    b = np.empty((m, n))
    spans = np.empty(2)
    for p in range(2):
        flat = payoffs[:, :, p].copy().ravel()
        if not _resolution_ok(flat, resolution, round_off):
            none = np.zeros((0, 2), np.uint64)
            return (RESOLUTION_PROBLEM, np.zeros((0, m)), np.zeros((0, n)), np.zeros(0, np.int64),
                    np.zeros(0, np.int64), np.zeros((0, 2)), np.zeros(0), np.zeros(0, np.int64), False, 0, none, none)
        span = flat.max() - flat.min()
        spans[p] = span if span > 0 else 1.0
    low0 = payoffs[:, :, 0].min()
    low1 = payoffs[:, :, 1].min()
    for i in range(m):
        for j in range(n):
            a[i, j] = (payoffs[i, j, 0] - low0) / spans[0] + 1.0
            b[i, j] = (payoffs[i, j, 1] - low1) / spans[1] + 1.0
    xs, ys, xi, yi, degenerate, ambiguous, status, dx, dy = completely_labelled_pairs(a, b, tol, amb_lo, amb_hi, cap)
    X, Y, pay, reg = bimatrix_regrets(payoffs, xs, ys, floor)
    k = X.shape[0]
    regret = np.empty(k)
    order = np.empty(k, np.int64)
    kept = 0
    for r in range(k):
        rg = max(max(reg[r, 0], reg[r, 1]), 0.0)
        regret[r] = rg
        if rg <= verify_tol and reg[r, 0] <= tol_rel * spans[0] and reg[r, 1] <= tol_rel * spans[1]:
            # insertion in lexicographic order of the profile (x, y); equal profiles keep their order
            pos = kept
            while pos > 0 and rows_before(X, Y, r, order[pos - 1]):
                order[pos] = order[pos - 1]
                pos -= 1
            order[pos] = r
            kept += 1
    return status, X, Y, xi, yi, pay, regret, order[:kept], degenerate, ambiguous, dx, dy


@njit(cache=True)
def rows_before(X, Y, r, s):  # pragma: no cover - compiled
    """Whether profile ``r`` (row ``r`` of ``X`` and of ``Y``) precedes profile ``s`` in the lexicographic order of
    ``(x, y)``, the order in which :func:`games.equilibria` lists equilibria.

    Examples
    --------
    >>> X = np.array([[0.5, 0.5], [0.5, 0.5]]); Y = np.array([[0.0, 1.0], [1.0, 0.0]])
    >>> rows_before(X, Y, 0, 1), rows_before(X, Y, 1, 0), rows_before(X, Y, 0, 0)
    (True, False, False)
    """
    for i in range(X.shape[1]):
        if X[r, i] != X[s, i]:
            return X[r, i] < X[s, i]
    for j in range(Y.shape[1]):
        if Y[r, j] != Y[s, j]:
            return Y[r, j] < Y[s, j]
    return False
