"""Compiled kernel of :func:`games.batch_equilibria` for stacks of small bimatrix games (numba, cached on disk).

For every game of a stack, in one compiled call, the kernel does what the per-game float vertex
enumeration does (:mod:`games.solvers.vertex`), on the same rescaled best-response polytopes

    P = {x in R^m : x >= 0, B^T x <= 1},    Q = {y in R^n : A y <= 1, y >= 0}

(payoffs rescaled to ``[1, 2]``), but it visits only *feasible* bases instead of all ``C(m + n, m)``: a
breadth-first search from the origin's basis over single-row exchanges (pivots) that keep the basic
solution feasible, with the entering row chosen by the lexicographic minimum-ratio rule. That rule is
the simplex method on the perturbed polytope ``{z : G z <= h + (eps, eps**2, ...)}``, which is simple:
each of its vertices has one basis and exactly ``d`` neighbours, its vertex graph is connected, and
every vertex of the unperturbed polytope is the limit of one of its vertices (Chvátal, *Linear
Programming*, 1983, ch. 3). So the search meets every vertex, degenerate ones included, at the
cost of the perturbed vertices rather than of all bases, or of all bases of each degenerate vertex.
``lexicographic=False`` searches every feasible basis instead (the bases of one vertex are the bases of
the matroid of its tight rows, connected by basis exchange; an edge leaves from a basis holding its
``d - 1`` tight rows): slower on degenerate games, and a test that both meet the same vertices. A basis
is accepted as in the per-game enumeration: ``|det| > 1e-11`` (tracked through the pivots) and every
slack ``>= -tol``; a lexicographic pivot that fails the determinant test hands the game back.

Small games (``C(m + n, m) <= DIRECT_MAX_BASES``: 3x3, 4x4, 3x7, 2x14, ...) skip the walk: every basis, a set
of ``s`` coordinates left free and ``s`` constraints held tight, is solved directly (Cramer's rule up to
``s = 3``), and the feasible ones give the vertices (a vertex is the point of any of its feasible bases, so
the vertex set, labels and degeneracy flags are the walk's), cheaper than pivoting when the bases are few.
Every number it decides on must be clearly on one side of its threshold: a determinant below 1e-11
(singular) or above 1e-6, a slack or coordinate below 1e-13 (tight) or above 1e-6 (ten times the doubtful
band's top); otherwise the walk decides that polytope, exactly as for larger games.

Each vertex's labels are recomputed from its coordinates and all constraints (``|slack| <= tol``); the
extreme equilibria are the completely labelled pairs of non-zero vertices (von Stengel, *Computing
equilibria for two-person games*, 2002, Thm. 2.4), each verified by its regret against the original
payoffs, per player. A game is handed back (a non-zero status) whenever the per-game solver would not
trust its own float answer either: a vertex slack in the ambiguous band, a numerically singular pivot, a
candidate that fails verification, no equilibrium at all, or more equilibria than the output has room
for. The caller solves those games one by one. Payoff differences below the float resolution (which
send the per-game solver to exact arithmetic) hand the game back only when the walk meets a vertex with
more tight labels than its dimension (a non-basic slack at round-off level, where an exact tie and a
tiny exact gap look alike) or a slack in doubt; otherwise every label is a basic row, tight by
construction, every other slack is clearly positive, and the float labels are the exact ones.

This module imports numba; :mod:`games.solvers.batch` imports it only when a stack of games larger than
2x2 is solved, so ``import games`` does not pay for it.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .vertex_walk import rows_before

__all__ = ["DIRECT_MAX_BASES", "STATUS", "solve_stack"]

#: Games whose polytopes have at most this many bases, ``C(m + n, m)`` (3x3: 20, 4x4: 70, 3x7: 120, 5x5: 252),
#: have their vertices found from every basis directly; larger ones by the walk (faster from 4x5 and 5x5 on).
DIRECT_MAX_BASES = 120

#: What a non-zero per-game status means (the game is then solved by the per-game solver).
STATUS = {
    1: "payoff differences below the float resolution, with a degenerate vertex or a slack in doubt",
    2: "a vertex slack too close to the tightness tolerance, or a numerically singular pivot",
    3: "a candidate failed verification",
    4: "no equilibrium found",
    5: "more extreme equilibria than the batch output holds",
    6: "a payoff range that overflows floats",
}


@njit(cache=True)
def _binomials(n):  # pragma: no cover - compiled
    table = np.zeros((n + 1, n + 1), np.int64)
    for a in range(n + 1):
        table[a, 0] = 1
        for b in range(1, a + 1):
            table[a, b] = table[a - 1, b - 1] + table[a - 1, b]
    return table


@njit(cache=True)
def _rank(mask, binom):  # pragma: no cover - compiled
    """Colexicographic rank of the row set ``mask`` among the sets of its size."""
    rank = 0
    k = 0
    row = 0
    while mask:
        if mask & 1:
            k += 1
            rank += binom[row, k]
        mask >>= 1
        row += 1
    return rank


@njit(cache=True)
def _coarse(M, res, round_off, v):  # pragma: no cover - compiled
    """1 when two distinct payoffs of ``M`` differ by less than ``res`` (but more than ``round_off``) of its range,
    2 when the range is not finite, else 0 (``v`` is scratch space of ``M.size``).

    The gaps checked are those between neighbours in sorted order: each distinct value and the next larger one
    (found by a branch-free scan, faster than sorting for the few payoffs of a small game)."""
    rows, cols = M.shape
    t = 0
    whole = True
    for i in range(rows):
        for j in range(cols):
            v[t] = M[i, j]
            whole &= M[i, j] == np.floor(M[i, j])
            t += 1
    lo = v[0]
    hi = v[0]
    for t in range(v.size):
        lo = min(lo, v[t])
        hi = max(hi, v[t])
    span = hi - lo
    if not np.isfinite(span):
        return 2
    if span == 0.0 or (whole and span * res <= 0.5):   # whole numbers: distinct ones differ by 1 or more
        return 0
    for a in range(v.size):
        u = v[a]
        nxt = np.inf
        for b in range(v.size):
            w = v[b]
            nxt = w if (w > u) & (w < nxt) else nxt
        if nxt < np.inf:
            gap = (nxt - u) / span
            if gap >= round_off and gap < res:
                return 1
    return 0


@njit(cache=True)
def _coarse_game(A, B, res, round_off, v):  # pragma: no cover - compiled
    """Whether two distinct payoffs of a player differ by less than ``res`` (but more than ``round_off``) of its
    range (computed only when it matters: the game has a degenerate vertex or a slack in doubt)."""
    return _coarse(A, res, round_off, v) == 1 or _coarse(B, res, round_off, v) == 1


@njit(cache=True, inline="always")
def _pivot(qD, qs, qnon, qbasis, qmask, qdet, head, tail, t, p, i, j, nmask, det, c):  # pragma: no cover
    """Queue entry ``tail``: basis ``head`` with its basic row ``i`` (position ``p``) exchanged for the
    non-basic row ``j`` (index ``t``), ``c = D[t, p]`` the pivot element."""
    nn, d = qD.shape[1], qD.shape[2]
    inv = 1.0 / c
    for w in range(nn):
        if w == t:
            for q in range(d):
                qD[tail, w, q] = -qD[head, t, q] * inv
            qD[tail, w, p] = inv
            qs[tail, w] = -qs[head, t] * inv
        else:
            f = qD[head, w, p] * inv
            for q in range(d):
                qD[tail, w, q] = qD[head, w, q] - f * qD[head, t, q]
            qD[tail, w, p] = f
            qs[tail, w] = qs[head, w] - f * qs[head, t]
        qnon[tail, w] = qnon[head, w]
    qnon[tail, t] = i
    for q in range(d):
        qbasis[tail, q] = qbasis[head, q]
    qbasis[tail, p] = j
    qmask[tail] = nmask
    qdet[tail] = abs(det * c)


@njit(cache=True)
def _vertices(G, h, coord0, tol, det_tol, amb_lo, amb_hi, binom, visited, seen, where, stamp,
              qD, qs, qbasis, qnon, qmask, qdet, bz, bm, lex, cand, pos):  # pragma: no cover - compiled
    """Breadth-first search over the feasible bases of ``{z : G z <= h}`` from the basis of rows
    ``coord0 .. coord0 + d - 1`` (``-z_q <= 0``, tight at the origin).

    A basis is stored as its dictionary: for the ``r - d`` non-basic rows, their slacks ``qs`` and the
    coefficients ``qD`` expressing each row in the basic rows (``g_k = sum_q qD[head, k, q] g_basis[q]``).
    Breadth-first order keeps every basis within a few pivots of the origin's (little round-off builds up).
    Writes one point and label mask per feasible basis to ``bz``, ``bm`` and returns their number, or -1
    when a slack lies in the ambiguous band or is infeasible (the game goes to the per-game solver). When
    ``seen`` can be indexed by a label set (``2**r`` entries) only the first basis of each vertex is
    written, so the points written are the distinct vertices, and ``where[labels]`` is the vertex's index.
    """
    r, d = G.shape
    nn = r - d
    # the origin's basis: G_B = -I, so every non-basic row's coefficients are -g_k and its slack h_k
    u = 0
    m0 = np.int64(0)
    for k in range(r):
        if coord0 <= k < coord0 + d:
            qbasis[0, k - coord0] = k
            m0 |= np.int64(1) << k
        else:
            qnon[0, u] = k
            qs[0, u] = h[k]
            for q in range(d):
                qD[0, u, q] = -G[k, q]
            u += 1
    qmask[0] = m0
    qdet[0] = 1.0
    direct = visited.size >= (np.int64(1) << r)   # a table indexed by the row set itself, else by its rank
    dedupe = seen.size >= (np.int64(1) << r)
    nv = 0
    visited[m0 if direct else _rank(m0, binom)] = stamp
    tail = 1
    head = 0
    while head < tail:
        bmask = qmask[head]
        det = qdet[head]
        # the vertex: coordinates are the slacks of the rows -z_q <= 0 (zero when basic)
        for q in range(d):
            bz[nv, q] = 0.0
        lab = bmask
        for t in range(nn):   # labels from the slacks (the search stays within a few pivots of the origin)
            k = qnon[head, t]
            sk = qs[head, t]
            if coord0 <= k < coord0 + d:
                bz[nv, k - coord0] = sk
            a = abs(sk)
            if sk < -tol or (a > amb_lo and a < amb_hi):
                return -1
            lab |= np.int64(a <= tol) << k
        if not dedupe:
            bm[nv] = lab
            nv += 1
        elif seen[lab] != stamp:
            seen[lab] = stamp
            where[lab] = nv
            bm[nv] = lab
            nv += 1
        # every feasible exchange of the basic row at position p for a non-basic row
        if lex:
            for q in range(d):
                pos[qbasis[head, q]] = q
        for p in range(d):
            i = qbasis[head, p]
            # lambda = s_t / D[t, p] is feasible when lo <= lambda <= hi, lo = max over D[k, p] < 0 of
            # (s_k + tol) / D[k, p] (the minimum-ratio test) and hi = min(tol, min over D[k, p] > 0 of the same),
            # D = qD[head] the coefficients, s = qs[head] the slacks of the non-basic rows
            if lex:
                # the perturbed polytope (h_l + eps**(l + 1)) is simple: one entering row per leaving row, the
                # lexicographically smallest ratio of the perturbed slacks s_t + eps_t - sum_q D[t, q] eps_basis[q].
                # The smallest ratio (s_t + tol) / -D[t, p] over D[t, p] < 0 is kept as the fraction bn / bd.
                bn = 1.0
                bd = 0.0
                for t in range(nn):   # branch-free
                    c = qD[head, t, p]
                    num = qs[head, t] + tol
                    better = (c < -1e-14) & (num * bd < -c * bn)
                    bn = num if better else bn
                    bd = -c if better else bd
                if bd == 0.0:         # an unbounded edge: impossible in a polytope, so round-off
                    return -1
                nc = 0
                for t in range(nn):   # branch-free append of the rows within tol of the smallest ratio
                    c = qD[head, t, p]
                    cand[nc] = t
                    nc += (c < -1e-14) & (qs[head, t] * bd <= -c * bn)
                for row in range(r):
                    if nc <= 1:
                        break
                    if (bmask >> row) & 1:
                        q = pos[row]
                        best = np.inf
                        for u in range(nc):
                            v = qD[head, cand[u], q] / qD[head, cand[u], p]
                            if v < best:
                                best = v
                        cut = best + 1e-9 * max(1.0, abs(best))
                        kept = 0
                        for u in range(nc):
                            if qD[head, cand[u], q] / qD[head, cand[u], p] <= cut:
                                cand[kept] = cand[u]
                                kept += 1
                        nc = kept
                    else:
                        for u in range(nc):
                            if qnon[head, cand[u]] == row:    # its own perturbation makes its ratio larger
                                cand[u] = cand[nc - 1]
                                nc -= 1
                                break
                t = cand[0]
                c = qD[head, t, p]
                if abs(det * c) <= det_tol:   # the one pivot of this edge is numerically singular: not sure
                    return -1
                j = qnon[head, t]
                nmask = (bmask & ~(np.int64(1) << i)) | (np.int64(1) << j)
                idx = nmask if direct else _rank(nmask, binom)
                if visited[idx] != stamp:
                    visited[idx] = stamp
                    _pivot(qD, qs, qnon, qbasis, qmask, qdet, head, tail, t, p, i, j, nmask, det, c)
                    tail += 1
                continue
            lo = -np.inf
            degenerate_cand = False
            for t in range(nn):   # branch-free, so the compiler can vectorise it
                c = qD[head, t, p]
                v = (qs[head, t] + tol) / c if c < -1e-14 else -np.inf
                lo = max(lo, v)
                degenerate_cand |= (c > 1e-14) & (qs[head, t] <= tol * c)
            hi = tol
            if degenerate_cand:
                for t in range(nn):
                    c = qD[head, t, p]
                    if c > 1e-14:
                        v = (qs[head, t] + tol) / c
                        if v < hi:
                            hi = v
            for t in range(nn):
                c = qD[head, t, p]
                if c < -1e-14:
                    if qs[head, t] > lo * c:        # s_t / c < lo
                        continue
                    if qs[head, t] < hi * c:
                        continue
                elif c > 1e-14:
                    if not degenerate_cand or qs[head, t] > hi * c or qs[head, t] < lo * c:
                        continue
                else:
                    continue
                if abs(det * c) <= det_tol:
                    continue
                j = qnon[head, t]
                nmask = (bmask & ~(np.int64(1) << i)) | (np.int64(1) << j)
                idx = nmask if direct else _rank(nmask, binom)
                if visited[idx] == stamp:
                    continue
                visited[idx] = stamp
                _pivot(qD, qs, qnon, qbasis, qmask, qdet, head, tail, t, p, i, j, nmask, det, c)
                tail += 1
        head += 1
    return nv


@njit(cache=True)
def _basis_table(d, e, coord0, con0):  # pragma: no cover - compiled
    """Every basis of ``{z in R^d : z >= 0, C z <= 1}`` with ``e`` constraints that leaves ``s >= 1`` coordinates
    free: ``s`` coordinates and ``s`` tight constraints, by increasing ``s``. Returns the sizes ``(N,)``, the free
    coordinates ``(N, min(d, e))``, the constraints ``(N, e)`` (the ``s`` tight ones first, then the others) and
    the labels the basis makes tight by construction ``(N,)`` (the other coordinates, numbered from ``coord0``,
    and the tight constraints, numbered from ``con0``)."""
    top = min(d, e)
    total = 0
    for s in range(1, top + 1):
        total += _n_choose(d, s) * _n_choose(e, s)
    size = np.empty(total, np.int64)
    var = np.zeros((total, top), np.int64)
    con = np.zeros((total, e), np.int64)
    lab0 = np.zeros(total, np.int64)
    t = 0
    for s in range(1, top + 1):
        for vm in range(1 << d):
            if _popcount(vm) != s:
                continue
            for cm in range(1 << e):
                if _popcount(cm) != s:
                    continue
                size[t] = s
                u = 0
                for i in range(d):
                    if (vm >> i) & 1:
                        var[t, u] = i
                        u += 1
                    else:
                        lab0[t] |= np.int64(1) << (coord0 + i)
                u = 0
                for j in range(e):
                    if (cm >> j) & 1:
                        con[t, u] = j
                        u += 1
                        lab0[t] |= np.int64(1) << (con0 + j)
                for j in range(e):
                    if not (cm >> j) & 1:
                        con[t, u] = j
                        u += 1
                t += 1
    return size, var, con, lab0


@njit(cache=True)
def _n_choose(a, b):  # pragma: no cover - compiled
    out = 1
    for t in range(b):
        out = out * (a - t) // (t + 1)
    return out


@njit(cache=True, inline="always")
def _vertices_by_bases(C, coord0, con0, clear_lo, clear_hi, det_lo, det_hi, bsize, bvar, bcon, blab,
                       seen, where, stamp, bz, bm, M, sol, top):  # pragma: no cover - compiled
    """Every vertex of ``{z in R^d : z >= 0, C z <= 1}`` (``C`` is ``e x d``; coordinate ``q`` has label
    ``coord0 + q``, constraint ``j`` label ``con0 + j``) from every basis of :func:`_basis_table` (``bsize``,
    ``bvar``, ``bcon``, ``blab``), each solved directly: Cramer's rule up to three free coordinates, Gaussian
    elimination with partial pivoting beyond. One point and label mask per distinct label set, written as
    :func:`_vertices` writes them (``M``, ``sol`` and ``top`` are scratch).

    Returns the number of vertices, or -1 when some number is not clearly on one side of a threshold: a basis
    determinant between ``det_lo`` (below: singular, no vertex) and ``det_hi``, or a slack or coordinate of a
    basis not clearly infeasible (``<= -clear_hi``) whose absolute value lies between ``clear_lo`` (below: tight)
    and ``clear_hi`` (above: slack). The walk then decides (it meets the same vertices when every number is
    clear: a vertex is the point of any of its feasible bases, and its labels are the same from each).
    """
    e, d = C.shape
    # the origin: every coordinate tight, no constraint (right-hand sides 1)
    m0 = np.int64(0)
    for q in range(d):
        bz[0, q] = 0.0
        m0 |= np.int64(1) << (coord0 + q)
    seen[m0] = stamp
    where[m0] = 0
    bm[0] = m0
    nv = 1
    for q in range(d):   # each coordinate's largest coefficient: one free coordinate violates its constraint unless
        best = 0.0       # its own coefficient is (nearly) the largest
        for j in range(e):
            best = max(best, C[j, q])
        top[q] = best
    for t in range(bsize.size):
        s = bsize[t]
        if s == 1:
            v0 = bvar[t, 0]
            det = C[bcon[t, 0], v0]     # at least 1: never singular
            if top[v0] > det * (1.0 + 2.0 * clear_hi):   # clearly violated (the test below, without dividing)
                continue
            sol[0] = 1.0 / det
            if 1.0 - top[v0] * sol[0] <= -clear_hi:
                continue
        elif s == 2:
            j0, j1 = bcon[t, 0], bcon[t, 1]
            v0, v1 = bvar[t, 0], bvar[t, 1]
            a00, a01, a10, a11 = C[j0, v0], C[j0, v1], C[j1, v0], C[j1, v1]
            det = a00 * a11 - a01 * a10
            a = abs(det)
            if a <= det_lo:
                continue
            if a < det_hi:
                return -1
            inv = 1.0 / det
            sol[0] = (a11 - a01) * inv
            sol[1] = (a00 - a10) * inv
        elif s == 3:
            j0, j1, j2 = bcon[t, 0], bcon[t, 1], bcon[t, 2]
            v0, v1, v2 = bvar[t, 0], bvar[t, 1], bvar[t, 2]
            a00, a01, a02 = C[j0, v0], C[j0, v1], C[j0, v2]
            a10, a11, a12 = C[j1, v0], C[j1, v1], C[j1, v2]
            a20, a21, a22 = C[j2, v0], C[j2, v1], C[j2, v2]
            c0 = a11 * a22 - a12 * a21
            c1 = a12 * a20 - a10 * a22
            c2 = a10 * a21 - a11 * a20
            det = a00 * c0 + a01 * c1 + a02 * c2
            a = abs(det)
            if a <= det_lo:
                continue
            if a < det_hi:
                return -1
            # z = M^-1 1: the rows of the adjugate summed
            inv = 1.0 / det
            sol[0] = (c0 + (a02 * a21 - a01 * a22) + (a01 * a12 - a02 * a11)) * inv
            sol[1] = (c1 + (a00 * a22 - a02 * a20) + (a02 * a10 - a00 * a12)) * inv
            sol[2] = (c2 + (a01 * a20 - a00 * a21) + (a00 * a11 - a01 * a10)) * inv
        else:
            # M (s x s+1): row u is the tight constraint bcon[t, u], columns the free coordinates, right-hand side 1
            for u in range(s):
                for w in range(s):
                    M[u, w] = C[bcon[t, u], bvar[t, w]]
                M[u, s] = 1.0
            det = 1.0
            for c in range(s):
                p = c
                for u in range(c + 1, s):
                    if abs(M[u, c]) > abs(M[p, c]):
                        p = u
                if p != c:
                    det = -det
                    for w in range(c, s + 1):
                        M[c, w], M[p, w] = M[p, w], M[c, w]
                det *= M[c, c]
                if M[c, c] == 0.0:
                    break
                for u in range(c + 1, s):
                    f = M[u, c] / M[c, c]
                    for w in range(c + 1, s + 1):
                        M[u, w] -= f * M[c, w]
            a = abs(det)
            if a <= det_lo:
                continue
            if a < det_hi:
                return -1
            for c in range(s - 1, -1, -1):   # back substitution
                v = M[c, s]
                for w in range(c + 1, s):
                    v -= M[c, w] * sol[w]
                sol[c] = v / M[c, c]
        # branch-free from here to the verdict: labels, and whether a number is infeasible or unclear
        infeasible = False
        lab = blab[t]
        unclear = False
        for c in range(s):
            infeasible |= sol[c] <= -clear_hi
            v = abs(sol[c])
            lab |= np.int64(v <= clear_lo) << (coord0 + bvar[t, c])
            unclear |= (v > clear_lo) & (v < clear_hi)
        for u in range(s, e):   # the constraints not held tight by the basis
            j = bcon[t, u]
            v = 1.0
            for c in range(s):
                v -= C[j, bvar[t, c]] * sol[c]
            a = abs(v)
            infeasible |= v <= -clear_hi
            lab |= np.int64(a <= clear_lo) << (con0 + j)
            unclear |= (a > clear_lo) & (a < clear_hi)
        if infeasible:
            continue
        if unclear:
            return -1
        if seen[lab] != stamp:
            seen[lab] = stamp
            where[lab] = nv
            bm[nv] = lab
            for q in range(d):
                bz[nv, q] = 0.0
            for c in range(s):
                bz[nv, bvar[t, c]] = sol[c] if sol[c] > 0.0 else 0.0
            nv += 1
    return nv


@njit(cache=True)
def _distinct(bz, bm, nb, vz, vm):  # pragma: no cover - compiled
    """One point per distinct label mask (a label set of full rank determines its vertex), sorted by mask."""
    order = np.argsort(bm[:nb])
    nv = 0
    last = np.int64(-1)
    for t in range(nb):
        b = order[t]
        if nv == 0 or bm[b] != last:
            last = bm[b]
            vm[nv] = last
            for q in range(bz.shape[1]):
                vz[nv, q] = bz[b, q]
            nv += 1
    return nv


@njit(cache=True)
def _popcount(v):  # pragma: no cover - compiled
    """Number of set bits of a non-negative int64 (SWAR: a few shifts and masks, no loop)."""
    v = v - ((v >> 1) & 0x5555555555555555)
    v = (v & 0x3333333333333333) + ((v >> 2) & 0x3333333333333333)
    v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0F
    return (v * 0x0101010101010101) >> 56


@njit(cache=True)
def _sort_rows(out_x, out_y, out_xv, out_yv, out_pay, out_reg, lo, hi):  # pragma: no cover - compiled
    """Sort rows ``lo:hi`` lexicographically by ``(x, y)`` (insertion sort: a game has few equilibria)."""
    for a in range(lo + 1, hi):
        b = a
        while b > lo and rows_before(out_x, out_y, b, b - 1):
            for i in range(out_x.shape[1]):
                out_x[b, i], out_x[b - 1, i] = out_x[b - 1, i], out_x[b, i]
            for j in range(out_y.shape[1]):
                out_y[b, j], out_y[b - 1, j] = out_y[b - 1, j], out_y[b, j]
            out_xv[b], out_xv[b - 1] = out_xv[b - 1], out_xv[b]
            out_yv[b], out_yv[b - 1] = out_yv[b - 1], out_yv[b]
            for c in range(2):
                out_pay[b, c], out_pay[b - 1, c] = out_pay[b - 1, c], out_pay[b, c]
            out_reg[b], out_reg[b - 1] = out_reg[b - 1], out_reg[b]
            b -= 1


@njit(cache=True)
def _solve_block(A, B, first, tol, geo, det_tol, amb_lo, amb_hi, res, round_off, floor, cap, lex,
                 out_game, out_x, out_y, out_xv, out_yv, status, degenerate, direct_bases, out_pay, out_reg,
                 span):  # pragma: no cover - compiled
    """Solve games ``first, first + 1, ...`` while the flat outputs have room for ``cap`` more equilibria.

    Returns ``(next_game, written)``: the first game not solved and the number of equilibria written.
    """
    k, m, n = A.shape
    r = m + n
    binom = _binomials(r)
    nbases = max(binom[r, m], binom[r, n])
    size = (1 << r) if r <= 20 else nbases + 1
    visited_p = np.zeros(size, np.int32)
    visited_q = np.zeros(size, np.int32)
    seen_p = np.zeros(size, np.int32)
    seen_q = np.zeros(size, np.int32)
    where_p = np.zeros(size, np.int32)
    where_q = np.zeros(size, np.int32)
    deg_y = np.empty(nbases, np.int64)
    # breadth-first queues of the two polytopes (contiguous, so the compiler can vectorise the pivots)
    qDx, qsx, qbx, qnx = np.empty((nbases, n, m)), np.empty((nbases, n)), np.empty((nbases, m), np.int64), \
        np.empty((nbases, n), np.int64)
    qDy, qsy, qby, qny = np.empty((nbases, m, n)), np.empty((nbases, m)), np.empty((nbases, n), np.int64), \
        np.empty((nbases, m), np.int64)
    qmask = np.empty(nbases, np.int64)
    qdet = np.empty(nbases)
    bzx = np.empty((nbases, m))
    bmx = np.empty(nbases, np.int64)
    bzy = np.empty((nbases, n))
    bmy = np.empty(nbases, np.int64)
    vzx = np.empty((nbases, m))
    vmx = np.empty(nbases, np.int64)
    vzy = np.empty((nbases, n))
    vmy = np.empty(nbases, np.int64)
    scratch = np.empty(m * n)
    cand = np.empty(r, np.int64)
    pos = np.empty(r, np.int64)
    Gp = np.zeros((r, m))
    Gq = np.zeros((r, n))
    for i in range(m):
        Gp[i, i] = -1.0
    for j in range(n):
        Gq[m + j, j] = -1.0
    hp = np.zeros(r)
    hq = np.zeros(r)
    hp[m:] = 1.0
    hq[:m] = 1.0
    full = (np.int64(1) << r) - 1
    x = np.empty(m)
    y = np.empty(n)
    # every basis solved directly (small games): the tables of bases and the numbers' clear sides
    by_bases = binom[r, m] <= direct_bases and r <= 20   # label sets index the tables directly
    psize, pvar, pcon, plab = _basis_table(m, n, 0, m)
    qsize, qvar, qcon, qlab = _basis_table(n, m, m, 0)
    Cp = np.empty((n, m))   # P's constraints: Cp[j, i] = b[i, j]
    Cq = np.empty((m, n))   # Q's constraints: Cq[i, j] = a[i, j]
    M = np.empty((min(m, n), min(m, n) + 1))
    sol = np.empty(min(m, n))
    top = np.empty(max(m, n))
    clear_lo = min(amb_lo, geo) / 10.0
    clear_hi = max(amb_hi, geo) * 10.0
    written = 0
    g = first
    while g < k:
        if written + cap > out_game.size:
            break
        Ag = A[g]
        Bg = B[g]
        amin, amax, bmin, bmax = Ag[0, 0], Ag[0, 0], Bg[0, 0], Bg[0, 0]
        for i in range(m):
            for j in range(n):
                amin = min(amin, Ag[i, j])
                amax = max(amax, Ag[i, j])
                bmin = min(bmin, Bg[i, j])
                bmax = max(bmax, Bg[i, j])
        span[g] = max(amax - amin, bmax - bmin)
        if not (np.isfinite(amax - amin) and np.isfinite(bmax - bmin)):
            status[g] = 6
            g += 1
            continue
        aspan = amax - amin if amax > amin else 1.0
        bspan = bmax - bmin if bmax > bmin else 1.0
        # P = {x >= 0, Cp x <= 1}, Cp = b^T; Q = {y >= 0, Cq y <= 1}, Cq = a (payoffs rescaled to [1, 2])
        for i in range(m):
            for j in range(n):
                Cp[j, i] = 1.0 + (Bg[i, j] - bmin) / bspan
                Cq[i, j] = 1.0 + (Ag[i, j] - amin) / aspan
        nvx = -1
        nvy = -1
        stamp_p = 2 * g + 1       # a walk after an unclear direct pass must not see that pass's marks
        stamp_q = 2 * g + 1
        if by_bases:
            nvx = _vertices_by_bases(Cp, 0, m, clear_lo, clear_hi, det_tol, 1e-6, psize, pvar, pcon, plab,
                                     seen_p, where_p, stamp_p, bzx, bmx, M, sol, top)
            if nvx >= 0:
                nvy = _vertices_by_bases(Cq, m, 0, clear_lo, clear_hi, det_tol, 1e-6, qsize, qvar, qcon, qlab,
                                         seen_q, where_q, stamp_q, bzy, bmy, M, sol, top)
        if nvx < 0:
            stamp_p = 2 * g + 2
            for i in range(m):   # the walk's rows: 0..m-1 are -x_i <= 0, m+j are (b^T x)_j <= 1
                for j in range(n):
                    Gp[m + j, i] = Cp[j, i]
            nvx = _vertices(Gp, hp, 0, geo, det_tol, amb_lo, amb_hi, binom, visited_p, seen_p, where_p, stamp_p,
                            qDx, qsx, qbx, qnx, qmask, qdet, bzx, bmx, lex, cand, pos)
            if nvx < 0:
                status[g] = 1 if _coarse_game(Ag, Bg, res, round_off, scratch) else 2
                g += 1
                continue
        if nvy < 0:
            stamp_q = 2 * g + 2
            for i in range(m):   # rows i are (a y)_i <= 1, m+j are -y_j <= 0
                for j in range(n):
                    Gq[i, j] = Cq[i, j]
            nvy = _vertices(Gq, hq, m, geo, det_tol, amb_lo, amb_hi, binom, visited_q, seen_q, where_q, stamp_q,
                            qDy, qsy, qby, qny, qmask, qdet, bzy, bmy, lex, cand, pos)
            if nvy < 0:
                status[g] = 1 if _coarse_game(Ag, Bg, res, round_off, scratch) else 2
                g += 1
                continue
        lookup = seen_p.size >= (np.int64(1) << r)
        if not lookup:   # no label-set table: one point per label set by sorting
            nvx = _distinct(bzx, bmx, nvx, vzx, vmx)
            nvy = _distinct(bzy, bmy, nvy, vzy, vmy)
            zx, mx, zy, my = vzx, vmx, vzy, vmy
        else:
            zx, mx, zy, my = bzx, bmx, bzy, bmy
        deg = False
        for a in range(nvx):
            if _popcount(mx[a]) > m:
                deg = True
        ndeg_y = 0
        for b in range(nvy):
            if _popcount(my[b]) > n:
                deg = True
                deg_y[ndeg_y] = b
                ndeg_y += 1
        if deg and (_coarse_game(Ag, Bg, res, round_off, scratch)):
            # a vertex with more tight labels than its dimension: with payoffs this close, a non-basic slack at or
            # below the tightness tolerance may be an exact tie or a tiny exact gap, which only exact arithmetic
            # tells apart. Without one (and without a slack in the doubtful band) every label is a basic row, tight
            # by construction, and every other slack is clearly positive: the labels are the exact ones.
            status[g] = 1
            g += 1
            continue
        degenerate[g] = deg
        found = 0
        bad = 0
        for a in range(nvx):
            sx = 0.0
            for i in range(m):
                v = zx[a, i] if zx[a, i] > 0.0 and not (mx[a] >> i) & 1 else 0.0
                x[i] = v
                sx += v
            if not sx > geo:
                continue
            # partners: for an x-vertex with m labels, the y-vertex with exactly the other labels (looked up)
            # and the y-vertices with more than n labels; for a degenerate x-vertex, every y-vertex
            need = full ^ mx[a]
            brute = not lookup or _popcount(mx[a]) > m
            count = nvy if brute else ndeg_y + 1
            for w in range(count):
                if brute:
                    b = w
                elif w < ndeg_y:
                    b = deg_y[w]
                else:
                    if seen_q[need] != stamp_q:
                        continue
                    b = where_q[need]
                    if _popcount(my[b]) > n:   # met above among the degenerate ones
                        continue
                if (mx[a] | my[b]) != full:
                    continue
                sy = 0.0
                for j in range(n):
                    v = zy[b, j] if zy[b, j] > 0.0 and not (my[b] >> (m + j)) & 1 else 0.0
                    y[j] = v
                    sy += v
                if not sy > geo:
                    continue
                if found >= cap:
                    bad = 5
                    break
                e = written + found
                # normalise; round-off below the probability floor is not play
                sx2 = 0.0
                for i in range(m):
                    v = x[i] / sx
                    if v <= floor:
                        v = 0.0
                    out_x[e, i] = v
                    sx2 += v
                for i in range(m):
                    out_x[e, i] /= sx2
                sy2 = 0.0
                for j in range(n):
                    v = y[j] / sy
                    if v <= floor:
                        v = 0.0
                    out_y[e, j] = v
                    sy2 += v
                for j in range(n):
                    out_y[e, j] /= sy2
                # regret of each player against the original payoffs, each within tol of its own range
                best1 = -np.inf
                u1 = 0.0
                for i in range(m):
                    ay = 0.0
                    for j in range(n):
                        ay += Ag[i, j] * out_y[e, j]
                    u1 += out_x[e, i] * ay
                    if ay > best1:
                        best1 = ay
                best2 = -np.inf
                u2 = 0.0
                for j in range(n):
                    xb = 0.0
                    for i in range(m):
                        xb += out_x[e, i] * Bg[i, j]
                    u2 += xb * out_y[e, j]
                    if xb > best2:
                        best2 = xb
                if not (best1 - u1 <= tol * aspan and best2 - u2 <= tol * bspan):
                    bad = 3
                    break
                out_game[e] = g
                out_pay[e, 0] = u1
                out_pay[e, 1] = u2
                out_reg[e] = max(best1 - u1, best2 - u2, 0.0)
                out_xv[e] = a
                out_yv[e] = b
                found += 1
            if bad:
                break
        if bad == 0 and found == 0:
            bad = 4
        if bad:
            status[g] = bad
        else:
            if found > 1:
                _sort_rows(out_x, out_y, out_xv, out_yv, out_pay, out_reg, written, written + found)
            written += found
        g += 1
    return g, written


def solve_stack(A: np.ndarray, B: np.ndarray, tol: float, geo: float, cap: int, capacity: int,
                *, amb: tuple[float, float] = (1e-12, 1e-7), res: float = 1e-6, round_off: float = 1e-12,
                floor: float = 1e-12, det_tol: float = 1e-11, lexicographic: bool = True,
                direct_bases: int = DIRECT_MAX_BASES):
    """Extreme equilibria of every game of the float stacks ``A``, ``B`` (shape ``(k, m, n)``, ``m, n >= 2``).

    Returns ``(game, x, y, xv, yv, status, degenerate, payoffs, regret, span)``: one row per equilibrium found
    (by game, and within a game sorted lexicographically by ``(x, y)``) with the local indices of its x- and
    y-vertices (for components), both players' payoffs and its regret; per game, the status (0 solved;
    otherwise a key of :data:`STATUS`: the game has no rows and must be solved one by one), the degeneracy
    flag and the larger of the two players' payoff ranges. At most ``capacity`` rows are buffered per compiled
    call (``cap`` per game); the stack is worked through in as many calls as needed. Games with at most
    ``direct_bases`` bases per polytope (``C(m + n, m)``) take the direct pass over every basis, the others the
    walk (``lexicographic=False``: over every feasible basis). (One thread: a parallel loop over blocks of
    games gained nothing measurable on a shared two-core machine.)

    Examples
    --------
    Rock-paper-scissors (uniform play) and a game whose payoffs differ by 1e-9 of their range (handed back):

    >>> import numpy as np
    >>> rps = np.array([[0.0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    >>> fine = np.array([[1.0, 1 + 1e-9, 0], [0, 0, 0], [0, 0, 0]])
    >>> out = solve_stack(np.stack([rps, fine]), np.stack([-rps, fine]), 1e-9, 1e-9, cap=8, capacity=100)
    >>> game, x, status, payoffs = out[0], out[1], out[5], out[7]
    >>> game.tolist(), np.round(x, 4).tolist(), status.tolist(), np.round(payoffs, 4).tolist()
    ([0], [[0.3333, 0.3333, 0.3333]], [0, 1], [[0.0, 0.0]])
    """
    A = np.ascontiguousarray(A, dtype=float)
    B = np.ascontiguousarray(B, dtype=float)
    k, m, n = A.shape
    capacity = max(int(capacity), cap)
    buf_game = np.empty(capacity, np.int64)
    buf_x, buf_y = np.empty((capacity, m)), np.empty((capacity, n))
    buf_xv, buf_yv = np.empty(capacity, np.int64), np.empty(capacity, np.int64)
    buf_pay, buf_reg = np.empty((capacity, 2)), np.empty(capacity)
    status = np.zeros(k, np.int64)
    span = np.empty(k)
    degenerate = np.zeros(k, np.bool_)
    parts: list[tuple[np.ndarray, ...]] = []
    g = 0
    while g < k:
        g, written = _solve_block(A, B, g, tol, geo, det_tol, amb[0], amb[1], res, round_off, floor, cap,
                                  bool(lexicographic), buf_game, buf_x, buf_y, buf_xv, buf_yv, status, degenerate,
                                  int(direct_bases), buf_pay, buf_reg, span)
        parts.append([arr[:written].copy() for arr in (buf_game, buf_x, buf_y, buf_xv, buf_yv, buf_pay, buf_reg)])
    del buf_game, buf_x, buf_y, buf_xv, buf_yv, buf_pay, buf_reg
    columns = []
    for c in range(7):   # one column at a time, dropping its pieces: the peak stays near one copy of the output
        columns.append(np.concatenate([part[c] for part in parts]))
        for part in parts:
            part[c] = None
    game, x, y, xv, yv, payoffs, regret = columns
    return game, x.reshape(-1, m), y.reshape(-1, n), xv, yv, status, degenerate, payoffs.reshape(-1, 2), regret, span
