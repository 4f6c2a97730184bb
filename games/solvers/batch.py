"""All equilibria of many small bimatrix games at once, as numpy arrays (the sweep fast path).

:func:`batch_equilibria` takes stacks ``A``, ``B`` of shape ``(k, m, n)`` and returns every extreme
equilibrium of every game, the same set :func:`games.equilibria` (vertex enumeration) returns game by
game, degenerate games included, with no Python loop over games:

- 2x2 games in closed form. Each player's candidate strategies are its two pure strategies and, when
  the opponent's payoff difference changes sign strictly, the mixture that makes the opponent
  indifferent. These are the normalised non-zero vertices of the best-response polytope; a candidate's
  labels are its unplayed actions and the opponent's best responses to it, and the extreme equilibria
  are the completely labelled pairs (von Stengel, *Computing equilibria for two-person games*, 2002,
  Thm. 2.4). Ties (degenerate games) give a vertex more labels, never a missing one.
- Larger games (both players with at least two actions) in one compiled call over the whole stack
  (:mod:`games.solvers.batch_kernel`, numba): per game, the vertices of both best-response polytopes
  are met by lexicographic pivoting from the origin (one basis per vertex of the perturbed polytope, not
  all ``C(m + n, m)`` bases), with the same rescaled payoffs, tightness tolerance and singularity
  threshold as the per-game vertex enumeration, then the completely labelled pairs are verified (payoffs
  and regrets computed there too). Small games (``C(m + n, m) <= 120``: up to 4x4, 3x7, ...) solve every
  basis directly instead of walking, leaving to the walk any polytope with a number near a threshold. The
  equilibria go through one output buffer of at most :data:`CHUNK_BYTES`, emptied as often as needed.
- A game the compiled pass cannot be sure of (a vertex slack in the doubtful band between 1e-12 and 1e-7
  of the rescaled payoffs, a numerically singular pivot, a candidate failing verification, no equilibrium,
  more than :data:`MAX_KERNEL_EQUILIBRIA` of them, a payoff range beyond the floats) is solved by
  :func:`games.equilibria` instead, so every game's set is the one the per-game solver returns, never a
  silently incomplete one. Payoff differences
  below the float resolution (1e-6 of a player's range), which make the per-game solver work in exact
  arithmetic, are handed back only when they could matter: when a vertex has more tight labels than its
  dimension (a non-basic slack at round-off level: an exact tie or a tiny exact gap) or a slack is in doubt.
  Otherwise every label is a basic row (tight by construction) and every other slack exceeds 1e-7, so the
  float labels are the exact ones and so are the equilibria.
- Games where a player has one action by vertex enumeration over all bases, batched across games with
  numpy.

Every equilibrium returned has had its regret computed in batch and checked against ``tol`` times the
game's payoff range; candidates that fail are dropped and counted.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from math import comb
from typing import Any

import numpy as np

from ..equilibrium import Equilibrium, EquilibriumSet, rejection_note
from ..validation import as_real_array, canonical_choice, check_choice, check_tolerance
from .enumeration import label_bits, popcount
from .vertex import connected_components, geometry_tol

__all__ = ["CHUNK_BYTES", "MAX_BATCH_BASES", "MAX_KERNEL_EQUILIBRIA", "BatchEquilibria", "batch_equilibria"]

#: Largest number of bases per polytope, ``C(m + n, m)``, the batched vertex path accepts (7x7 has 3432).
MAX_BATCH_BASES = 3432
_CHUNK_ELEMENTS = 4_000_000   # floats per batched linear-algebra chunk

#: Bound on the output buffer of one compiled call (bytes); the stack is worked through in as many calls as needed.
CHUNK_BYTES = 16 * 2**20

#: Room for extreme equilibria per game in the compiled pass; a game with more is solved one by one.
MAX_KERNEL_EQUILIBRIA = 64
_BATCH_METHODS = ("auto", "closed-form", "vertex")


class BatchEquilibria:
    """The equilibria of a stack of ``k`` bimatrix games, as flat arrays and game by game.

    Flat arrays have one row per equilibrium, grouped by game (games in order; within a game the
    profiles sorted lexicographically, as :func:`games.equilibria` sorts them).

    Attributes
    ----------
    game : numpy.ndarray of int, shape (E,)
        Index of the game each equilibrium belongs to.
    x, y : numpy.ndarray, shapes (E, m) and (E, n)
        The row and column player's mixed strategies.
    payoffs : numpy.ndarray, shape (E, 2)
        Each player's expected payoff.
    regret : numpy.ndarray, shape (E,)
        The largest gain from a unilateral deviation (computed, each <= ``tol`` times the game's
        payoff range).
    counts : numpy.ndarray of int, shape (k,)
        Number of equilibria of each game; ``offsets[i]:offsets[i + 1]`` slices game ``i``'s rows.
    degenerate : numpy.ndarray of bool, shape (k,)
        Whether each game is degenerate (its equilibria are then the extreme ones).
    rejected : numpy.ndarray of int, shape (k,)
        Candidates per game that failed verification (0 in a healthy run).
    solved_one_by_one : numpy.ndarray of int
        Games the compiled pass handed to :func:`games.equilibria` (labels in doubt, payoff differences
        below the float resolution in a game with a degenerate vertex, more equilibria than its output
        holds); their sets are that solver's, and ``result[i].note`` says why.
    tol : float
        The relative tolerance used.

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[[2, 0], [0, 1]], [[3, 0], [5, 1]]])      # battle of the sexes, prisoner's dilemma
    >>> B = np.array([[[1, 0], [0, 2]], [[3, 5], [0, 1]]])
    >>> eqs = batch_equilibria(A, B)
    >>> eqs.counts.tolist(), eqs.x[eqs.game == 1].tolist()
    ([3, 1], [[0.0, 1.0]])
    >>> eq = eqs[0][1]                  # game 0's mixed equilibrium: x = (2/3, 1/3), y = (1/3, 2/3)
    >>> np.round(np.concatenate(eq.profile), 4).tolist(), eq.method
    ([0.6667, 0.3333, 0.3333, 0.6667], 'batch')
    """

    def __init__(self, A: np.ndarray, B: np.ndarray, game: np.ndarray, x: np.ndarray, y: np.ndarray,
                 x_vertex: np.ndarray, y_vertex: np.ndarray, degenerate: np.ndarray, rejected: np.ndarray,
                 tol: float, one_by_one: dict | None = None, payoffs: np.ndarray | None = None,
                 regret: np.ndarray | None = None, scale: np.ndarray | None = None) -> None:
        self._A, self._B = A, B
        self.game, self.x, self.y = game, x, y
        self._xv, self._yv = x_vertex, y_vertex
        k = A.shape[0]
        if payoffs is None or regret is None:
            payoffs, regret = _payoffs_and_regret(A, B, game, x, y)
        self.payoffs, self.regret = payoffs, regret
        self.counts = np.bincount(game, minlength=k)
        self.offsets = np.concatenate([[0], np.cumsum(self.counts)])
        self.degenerate = degenerate
        self.rejected = rejected
        self.tol = tol
        self.scale = _payoff_scale(A, B) if scale is None else scale
        self._one_by_one = one_by_one or {}

    @property
    def solved_one_by_one(self) -> np.ndarray:
        """Indices of the games the compiled pass handed to :func:`games.equilibria` (sorted)."""
        return np.array(sorted(self._one_by_one), dtype=np.intp)

    # ------------------------------------------------------------------ per game
    def __len__(self) -> int:
        return self._A.shape[0]

    def __iter__(self) -> Iterator[EquilibriumSet]:
        for i in range(len(self)):
            yield self[i]

    def __getitem__(self, i: int) -> EquilibriumSet:
        """Game ``i``'s equilibria as an :class:`~games.equilibrium.EquilibriumSet` (like ``games.equilibria``)."""
        if isinstance(i, bool) or not isinstance(i, (int, np.integer)):
            raise TypeError(f"index must be an int game index; got {type(i).__name__} {i!r}")
        k = len(self)
        if not -k <= i < k:
            raise IndexError(f"game index {i} out of range for {k} games")
        i = int(i) % k
        lo, hi = self.offsets[i], self.offsets[i + 1]
        m, n = self._A.shape[1:]
        labels = (tuple(f"a{r + 1}" for r in range(m)), tuple(f"b{c + 1}" for c in range(n)))
        abs_tol = self.tol * float(self.scale[i])
        items = [Equilibrium(profile=(self.x[e].copy(), self.y[e].copy()), payoffs=self.payoffs[e].copy(),
                             regret=float(self.regret[e]), method="batch", exact=False, tol=abs_tol, labels=labels)
                 for e in range(lo, hi)]
        edges = list(zip(self._xv[lo:hi].tolist(), self._yv[lo:hi].tolist()))
        degenerate = bool(self.degenerate[i])
        rejected = int(self.rejected[i])
        notes = [("degenerate game: these are the extreme equilibria; every equilibrium is a convex combination "
                  "within a component")] if degenerate else []
        complete = not rejected
        if i in self._one_by_one:
            why, ref_complete, ref_note = self._one_by_one[i]
            complete = complete and ref_complete
            notes.append(f"solved by games.equilibria because of {why}" + (f" ({ref_note})" if ref_note else ""))
        if rejected:
            notes.append(rejection_note(rejected, self.tol, "solve it with games.equilibria(game, exact=True)"))
        return EquilibriumSet(items, method="batch", complete=complete, degenerate=degenerate,
                              components=connected_components(edges), rejected=rejected, note="; ".join(notes))

    # ------------------------------------------------------------------ reductions for sweeps
    @property
    def pure(self) -> np.ndarray:
        """Boolean mask (E,): the equilibrium is pure."""
        return (self.x.max(axis=1) == 1.0) & (self.y.max(axis=1) == 1.0)

    def any_per_game(self, mask: Any) -> np.ndarray:
        """Per game, whether any of its equilibria satisfies ``mask`` (a boolean array of shape (E,)).

        Examples
        --------
        >>> import numpy as np
        >>> eqs = batch_equilibria(np.array([[[2, 0], [0, 1]]]), np.array([[[1, 0], [0, 2]]]))
        >>> eqs.any_per_game(eqs.pure).tolist()
        [True]
        """
        mask = np.asarray(mask, dtype=bool)
        if mask.shape != self.game.shape:
            raise ValueError(f"mask must have one entry per equilibrium, shape {self.game.shape}; got {mask.shape}")
        return np.bincount(self.game[mask], minlength=len(self)) > 0

    def per_game(self, values: Any, how: str = "max", fill: float = np.nan) -> np.ndarray:
        """Reduce one value per equilibrium to one per game (``how`` in max, min, sum, mean, first).

        Games without equilibria get ``fill`` (``sum`` gives 0).

        Examples
        --------
        >>> import numpy as np
        >>> eqs = batch_equilibria(np.array([[[2, 0], [0, 1]]]), np.array([[[1, 0], [0, 2]]]))
        >>> eqs.per_game(eqs.payoffs[:, 0], "max").tolist()
        [2.0]
        """
        check_choice(how, "how", ("max", "min", "sum", "mean", "first"))
        v = np.asarray(values, dtype=float)
        if v.shape != self.game.shape:
            raise ValueError(f"values must have one entry per equilibrium, shape {self.game.shape}; got {v.shape}")
        k = len(self)
        if how == "sum":
            return np.bincount(self.game, weights=v, minlength=k)
        out = np.full(k, fill, dtype=float)
        has = self.counts > 0
        starts = self.offsets[:-1][has]
        if not len(starts):
            return out
        if how == "first":
            out[has] = v[starts]
        elif how == "mean":
            out[has] = np.bincount(self.game, weights=v, minlength=k)[has] / self.counts[has]
        else:
            ufunc = np.maximum if how == "max" else np.minimum
            out[has] = ufunc.reduceat(v, starts)
        return out

    def to_frame(self):
        """A :class:`pandas.DataFrame` with one row per equilibrium: game, strategies, payoffs, regret.

        Examples
        --------
        >>> import numpy as np
        >>> batch_equilibria(np.array([[[1, 0], [0, 1]]])).to_frame().columns.tolist()
        ['game', 'x1', 'x2', 'y1', 'y2', 'payoff 1', 'payoff 2', 'regret']
        """
        import pandas as pd

        data: dict[str, Any] = {"game": self.game}
        data.update({f"x{r + 1}": self.x[:, r] for r in range(self.x.shape[1])})
        data.update({f"y{c + 1}": self.y[:, c] for c in range(self.y.shape[1])})
        data.update({"payoff 1": self.payoffs[:, 0], "payoff 2": self.payoffs[:, 1], "regret": self.regret})
        return pd.DataFrame(data)

    def __repr__(self) -> str:
        m, n = self._A.shape[1:]
        return (f"BatchEquilibria({len(self)} games of {m}x{n}, {len(self.game)} equilibria, "
                f"{int(self.degenerate.sum())} degenerate games)")


def _payoffs_and_regret(A: np.ndarray, B: np.ndarray, game: np.ndarray, x: np.ndarray,
                        y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each equilibrium's payoffs (E, 2) and regret (E,), from the payoff arrays, in row blocks whose gathered
    payoff matrices stay below :data:`CHUNK_BYTES`."""
    rows = len(game)
    payoffs, regret = np.zeros((rows, 2)), np.zeros(rows)
    m, n = A.shape[1:]
    step = max(1, CHUNK_BYTES // (16 * m * n))
    for lo in range(0, rows, step):
        g, xs, ys = game[lo:lo + step], x[lo:lo + step], y[lo:lo + step]
        ay = np.einsum("emn,en->em", A[g], ys)
        xb = np.einsum("em,emn->en", xs, B[g])
        u1 = np.einsum("em,em->e", xs, ay)
        u2 = np.einsum("en,en->e", xb, ys)
        payoffs[lo:lo + step, 0], payoffs[lo:lo + step, 1] = u1, u2
        regret[lo:lo + step] = np.maximum(_rowmax(ay) - u1, _rowmax(xb) - u2).clip(0)
    return payoffs, regret


def _rowmax(M: np.ndarray) -> np.ndarray:
    """Maximum of each row of a 2-D array with few columns (a column loop: fast for small games)."""
    out = M[:, 0].copy()
    for c in range(1, M.shape[1]):
        np.maximum(out, M[:, c], out=out)
    return out


def _range(M: np.ndarray) -> np.ndarray:
    """Per game, the range of the payoffs in ``M`` (k, m, n) (a column loop: fast for small games)."""
    flat = M.reshape(M.shape[0], M.shape[1] * M.shape[2])
    hi, lo = flat[:, 0].copy(), flat[:, 0].copy()
    for c in range(1, flat.shape[1]):
        np.maximum(hi, flat[:, c], out=hi)
        np.minimum(lo, flat[:, c], out=lo)
    with np.errstate(over="ignore"):   # a range beyond the floats is inf (the compiled pass hands such games back)
        return hi - lo


def _ptp(M: np.ndarray) -> np.ndarray:
    """Per game, the payoff range, or 1 where every payoff is equal."""
    r = _range(M)
    return np.where(r > 0, r, 1.0)


def _payoff_scale(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Per game, the largest range of either player's payoffs (1 where all are equal)."""
    rng = np.maximum(_range(A), _range(B))
    return np.where(rng > 0, rng, 1.0)


# --------------------------------------------------------------------------- 2x2 closed form
def _closed_form_2x2(A: np.ndarray, B: np.ndarray, tol: float):
    k = A.shape[0]
    ea, eb = tol * _ptp(A), tol * _ptp(B)
    one = np.ones(k)
    # column player's payoff differences (col 1 - col 2) against each row, row player's against each column
    db0, db1 = B[:, 0, 0] - B[:, 0, 1], B[:, 1, 0] - B[:, 1, 1]
    da0, da1 = A[:, 0, 0] - A[:, 1, 0], A[:, 0, 1] - A[:, 1, 1]
    u8 = np.uint8
    # candidates in increasing weight on the first action: pure second action, the mixture, pure first
    # action, so that np.nonzero below lists each game's equilibria already sorted.
    # labels: bit 0/1 rows 1/2 (unplayed by x, or best response to y); bit 2/3 columns 1/2
    lx = np.empty((k, 3), dtype=u8)
    lx[:, 0] = 1 | ((db1 >= -eb) * u8(4)) | ((db1 <= eb) * u8(8))      # x = row 2
    lx[:, 1] = 12
    lx[:, 2] = 2 | ((db0 >= -eb) * u8(4)) | ((db0 <= eb) * u8(8))      # x = row 1
    ly = np.empty((k, 3), dtype=u8)
    ly[:, 0] = 4 | ((da1 >= -ea) * u8(1)) | ((da1 <= ea) * u8(2))      # y = column 2
    ly[:, 1] = 3
    ly[:, 2] = 8 | ((da0 >= -ea) * u8(1)) | ((da0 <= ea) * u8(2))      # y = column 1
    mixed_x = (np.abs(db0) > eb) & (np.abs(db1) > eb) & ((db0 > 0) != (db1 > 0))
    mixed_y = (np.abs(da0) > ea) & (np.abs(da1) > ea) & ((da0 > 0) != (da1 > 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(mixed_x, -db1 / (db0 - db1), 0.5)    # row 1's weight making the column player indifferent
        q = np.where(mixed_y, -da1 / (da0 - da1), 0.5)
    lx[:, 1] = np.where(mixed_x, lx[:, 1], 0)           # an invalid mixture completes no pair
    ly[:, 1] = np.where(mixed_y, ly[:, 1], 0)
    hit = (lx[:, :, None] | ly[:, None, :]) == 15
    hit[:, 1, 1] &= mixed_x & mixed_y
    gi, xi, yi = np.nonzero(hit)
    px = np.stack([0 * one, p, one], axis=1)[gi, xi]
    qy = np.stack([0 * one, q, one], axis=1)[gi, yi]
    x = np.stack([px, 1 - px], axis=1)
    y = np.stack([qy, 1 - qy], axis=1)
    pure_x, pure_y = lx[:, [0, 2]], ly[:, [0, 2]]
    popx = (pure_x & 1) + (pure_x >> 1 & 1) + (pure_x >> 2 & 1) + (pure_x >> 3 & 1)
    popy = (pure_y & 1) + (pure_y >> 1 & 1) + (pure_y >> 2 & 1) + (pure_y >> 3 & 1)
    degenerate = (popx > 2).any(axis=1) | (popy > 2).any(axis=1)
    return gi, x, y, xi, yi, degenerate


# --------------------------------------------------------------------------- batched vertex enumeration
def _batch_vertices(G: np.ndarray, h: np.ndarray, tol: float):
    """Non-zero vertices of ``{z : G[g] z <= h}`` for every game ``g``: game index, point, label mask.

    One vertex per distinct label set (a label set of full rank determines its vertex).
    """
    k, r, d = G.shape
    combos = np.array(list(itertools.combinations(range(r), d)), dtype=np.intp)
    hc = h[combos]
    weights = np.left_shift(np.uint64(1), np.arange(r, dtype=np.uint64))
    per_game = max(1, _CHUNK_ELEMENTS // (len(combos) * d * d))
    out_g, out_z, out_m = [], [], []
    for start in range(0, k, per_game):
        Gc = G[start:start + per_game]
        Gs = Gc[:, combos]                                   # (kc, C, d, d)
        ok = np.abs(np.linalg.det(Gs)) > 1e-11
        gi, ci = np.nonzero(ok)
        if not len(gi):
            continue
        z = np.linalg.solve(Gs[gi, ci], hc[ci][..., None])[..., 0]
        slack = h - np.einsum("vrd,vd->vr", Gc[gi], z)
        keep = np.all(slack >= -tol, axis=1) & (np.abs(z).max(axis=1) > tol)
        gi, z, slack = gi[keep] + start, z[keep], slack[keep]
        mask = (np.abs(slack) <= tol) @ weights
        out_g.append(gi)
        out_z.append(z)
        out_m.append(mask.astype(np.uint64))
    if not out_g:
        return np.zeros(0, np.intp), np.zeros((0, d)), np.zeros(0, np.uint64)
    g, z, mk = np.concatenate(out_g), np.concatenate(out_z), np.concatenate(out_m)
    key = g.astype(np.uint64) << np.uint64(r) | mk
    _, first = np.unique(key, return_index=True)      # sorted by game, then mask
    return g[first], z[first], mk[first]


def _vertex_batch(A: np.ndarray, B: np.ndarray, tol: float):
    k, m, n = A.shape
    a = 1.0 + (A - A.min(axis=(1, 2), keepdims=True)) / _ptp(A)[:, None, None]
    b = 1.0 + (B - B.min(axis=(1, 2), keepdims=True)) / _ptp(B)[:, None, None]
    g_p = np.concatenate([np.broadcast_to(-np.eye(m), (k, m, m)), b.transpose(0, 2, 1)], axis=1)
    g_q = np.concatenate([a, np.broadcast_to(-np.eye(n), (k, n, n))], axis=1)
    h_p = np.concatenate([np.zeros(m), np.ones(n)])
    h_q = np.concatenate([np.ones(m), np.zeros(n)])
    gx, zx, mx = _batch_vertices(g_p, h_p, tol)
    gy, zy, my = _batch_vertices(g_q, h_q, tol)
    # an unplayed action (a tight non-negativity label) has probability exactly zero
    zx = np.where(label_bits(mx, 0, m), 0.0, zx.clip(0))
    zy = np.where(label_bits(my, m, n), 0.0, zy.clip(0))
    degenerate = np.zeros(k, dtype=bool)
    degenerate[gx[popcount(mx) > m]] = True
    degenerate[gy[popcount(my) > n]] = True
    # every x-vertex against every y-vertex of the same game
    cy = np.bincount(gy, minlength=k)
    start_y = np.concatenate([[0], np.cumsum(cy)])[:-1]
    reps = cy[gx]
    xi = np.repeat(np.arange(len(gx)), reps)
    within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    yi = start_y[gx[xi]] + within
    full = np.uint64((1 << (m + n)) - 1)
    hit = (mx[xi] | my[yi]) == full
    xi, yi = xi[hit], yi[hit]
    game = gx[xi]
    x = zx[xi] / zx[xi].sum(axis=1, keepdims=True)
    y = zy[yi] / zy[yi].sum(axis=1, keepdims=True)
    # local vertex ids within the game, for components
    first_x = np.concatenate([[0], np.cumsum(np.bincount(gx, minlength=k))])[:-1]
    order = np.lexsort(tuple(y.T[::-1]) + tuple(x.T[::-1]) + (game,))
    return (game[order], x[order], y[order], (xi - first_x[gx[xi]])[order], (yi - start_y[gy[yi]])[order],
            degenerate)


# --------------------------------------------------------------------------- compiled pass, with per-game fallback
def _kernel_batch(A: np.ndarray, B: np.ndarray, tol: float, geo: float):
    """Every game through the compiled kernel; the games it hands back through games.equilibria.

    Returns the flat columns (game, x, y, x-vertex, y-vertex, payoffs, regret), the per-game degeneracy flags,
    rejection counts and payoff scales, and the hand-backs (game index -> reason, completeness, note).
    """
    from .batch_kernel import STATUS, solve_stack

    k, m, n = A.shape
    row_bytes = (m + n) * 8 + 48      # x, y, game, two vertex ids, two payoffs and the regret per buffered row
    out = solve_stack(A, B, tol, geo, MAX_KERNEL_EQUILIBRIA, CHUNK_BYTES // row_bytes)
    game, x, y, xv, yv, status, degenerate, payoffs, regret, span = out
    del out
    scale = np.where(span > 0, span, 1.0)
    rejected = np.zeros(k, dtype=np.int64)
    one_by_one: dict[int, tuple[str, bool, str]] = {}
    parts_g, parts_x, parts_y, parts_xv, parts_yv = [game], [x], [y], [xv], [yv]
    for i in np.flatnonzero(status).tolist():
        ref = _one_game(A[i], B[i], tol)
        one_by_one[i] = (STATUS[int(status[i])], ref.complete, ref.note)
        degenerate[i] = ref.degenerate
        rejected[i] = ref.rejected
        comp_of = {e: c for c, comp in enumerate(ref.components) for e in comp}
        if len(ref):
            parts_g.append(np.full(len(ref), i, dtype=np.int64))
            parts_x.append(np.array([e.as_float()[0] for e in ref], dtype=float))
            parts_y.append(np.array([e.as_float()[1] for e in ref], dtype=float))
            ids = np.array([comp_of.get(e, len(ref.components) + e) for e in range(len(ref))], dtype=np.int64)
            parts_xv.append(ids)
            parts_yv.append(ids)
    if len(parts_g) > 1:   # the handed-back games' rows (sorted as games.equilibria sorts) go to their place
        extra_g = np.concatenate(parts_g[1:])
        extra_pay, extra_reg = _payoffs_and_regret(A, B, extra_g, np.concatenate(parts_x[1:]),
                                                   np.concatenate(parts_y[1:]))
        at = np.searchsorted(game, extra_g)
        parts_pay, parts_reg = [payoffs, extra_pay], [regret, extra_reg]
        del game, x, y, xv, yv, payoffs, regret
        columns = []
        for parts in (parts_g, parts_x, parts_y, parts_xv, parts_yv, parts_pay, parts_reg):
            columns.append(np.insert(parts[0], at, np.concatenate(parts[1:]), axis=0))   # one column at a time
            parts.clear()
        game, x, y, xv, yv, payoffs, regret = columns
    return game.astype(np.intp, copy=False), x, y, xv, yv, payoffs, regret, degenerate, rejected, scale, one_by_one


def _one_game(A: np.ndarray, B: np.ndarray, tol: float) -> EquilibriumSet:
    from ..normal_form import NormalFormGame
    from . import equilibria

    return equilibria(NormalFormGame.from_bimatrix(A, B), tol=tol)


# --------------------------------------------------------------------------- public
def batch_equilibria(A: Any, B: Any = None, *, tol: float = 1e-9, method: str = "auto") -> BatchEquilibria:
    """All (extreme) equilibria of a stack of bimatrix games, computed together with numpy.

    Parameters
    ----------
    A : array_like, shape (k, m, n)
        The row player's payoffs, one ``m x n`` matrix per game.
    B : array_like, shape (k, m, n), optional
        The column player's payoffs; default ``-A`` (zero-sum games).
    tol : float
        Tolerance of the regret check, relative to each game's payoff range (ties and labels use at most
        1e-9, so a loose ``tol`` admits no spurious equilibria); must be positive.
    method : {"auto", "closed-form", "vertex"}
        ``"auto"`` uses the closed form for 2x2 games and vertex enumeration otherwise: the compiled pass
        over the whole stack when both players have at least two actions (games it cannot be sure of
        are solved by :func:`games.equilibria`, see ``solved_one_by_one``), numpy over all bases when one
        player has a single action. ``"vertex"`` skips the 2x2 closed form.

    Returns
    -------
    BatchEquilibria
        Flat arrays (``game``, ``x``, ``y``, ``payoffs``, ``regret``) and ``result[i]``, game ``i``'s
        equilibria as an :class:`~games.equilibrium.EquilibriumSet`.

    Raises
    ------
    ValueError
        Shapes that are not ``(k, m, n)`` or differ between ``A`` and ``B``, non-finite payoffs, or games
        too large for batching (``C(m + n, m)`` above :data:`MAX_BATCH_BASES`): solve those one by one
        with :func:`games.equilibria`.

    Examples
    --------
    A degenerate game (the column player is indifferent when the row player takes its dominant first
    action): pygambit's ``enummixed_solve`` lists the same two extreme equilibria, which span one
    component.

    >>> import numpy as np
    >>> A = np.array([[[1, 1], [0, 0]]])
    >>> eqs = batch_equilibria(A, A)
    >>> eqs.x.tolist(), eqs.y.tolist()
    ([[1.0, 0.0], [1.0, 0.0]], [[0.0, 1.0], [1.0, 0.0]])
    >>> eqs.degenerate.tolist(), eqs[0].components
    ([True], [[0, 1]])
    """
    tol = check_tolerance(tol)
    if tol == 0:
        raise ValueError("tol=0 asks for a regret of exactly 0, which floating-point arithmetic cannot certify for "
                         "mixed equilibria; use a small positive tol such as 1e-12, or games.equilibria(game, "
                         "exact=True) game by game")
    method = canonical_choice(method, "method", _BATCH_METHODS)
    a = _stack(A, "A")
    b = -a if B is None else _stack(B, "B")
    if a.shape != b.shape:
        raise ValueError(f"A and B must have the same shape (k, m, n); got A {a.shape} and B {b.shape}")
    k, m, n = a.shape
    if method == "closed-form" and (m, n) != (2, 2):
        raise ValueError(f"method='closed-form' needs 2x2 games; got {m}x{n} (use method='auto')")
    if comb(m + n, m) > MAX_BATCH_BASES:
        raise ValueError(f"batch_equilibria enumerates C(m+n, m) = {comb(m + n, m)} bases per game for {m}x{n} games, "
                         f"more than {MAX_BATCH_BASES}; solve larger games one by one with games.equilibria "
                         "(or games.solvers.enumeration.hull_equilibria, faster from 8x8)")
    if k == 0:
        empty = np.zeros(0, dtype=np.intp)
        return BatchEquilibria(a, b, empty, np.zeros((0, m)), np.zeros((0, n)), empty, empty,
                               np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64), tol)
    geo = geometry_tol(tol)   # ties and labels; tol itself only bounds the regret
    rejected = np.zeros(k, dtype=np.int64)
    one_by_one: dict[int, tuple[str, bool, str]] = {}
    payoffs = regret = scale = None
    if (m, n) == (2, 2) and method != "vertex":
        game, x, y, xv, yv, degenerate = _closed_form_2x2(a, b, geo)
    elif min(m, n) >= 2 and m + n <= 62:   # payoffs and regrets computed in the compiled pass
        game, x, y, xv, yv, payoffs, regret, degenerate, rejected, scale, one_by_one = _kernel_batch(a, b, tol, geo)
    else:
        game, x, y, xv, yv, degenerate = _vertex_batch(a, b, geo)
    result = BatchEquilibria(a, b, game, x, y, xv, yv, degenerate, rejected, tol, one_by_one, payoffs, regret, scale)
    bad = result.regret > tol * result.scale[game]
    if np.any(bad):
        rejected = rejected + np.bincount(game[bad], minlength=k)
        ok = ~bad
        result = BatchEquilibria(a, b, game[ok], x[ok], y[ok], xv[ok], yv[ok], degenerate, rejected, tol, one_by_one,
                                 result.payoffs[ok], result.regret[ok], result.scale)
    return result


def _stack(value: Any, name: str) -> np.ndarray:
    if isinstance(value, np.ndarray) and value.dtype.kind == "b":
        value = value.astype(float)   # 0/1 stacks (masks computed by a vectorised model) are payoffs here
    arr = as_real_array(value, name)
    if arr.ndim != 3:
        raise ValueError(f"{name} must be a stack of payoff matrices of shape (k, m, n); got shape {arr.shape} "
                         f"(for one game use {name}[None])")
    if arr.shape[1] < 1 or arr.shape[2] < 1:
        raise ValueError(f"{name}: every player needs at least one action; got shape {arr.shape}")
    return arr
