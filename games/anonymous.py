"""Anonymous (symmetric many-player) games: payoffs depend on one's own action and on how many others chose each action.

A game with ``n`` identical players and ``k`` actions is stored as a table of ``k x M`` payoffs, one per own
action and per composition of the ``n - 1`` others into ``k`` counts (``M = C(n + k - 2, k - 1)``), instead of
the ``k**n`` profiles of the normal form. That makes 1,000-player games cheap.

Equilibria:

- pure equilibria as *counts* (how many players use each action; which player does what is immaterial);
- symmetric mixed equilibria as roots of the indifference conditions. With two actions the condition is a
  polynomial of degree ``n - 1`` whose Bernstein coefficients are the payoff differences
  ``d_j = u(1, j) - u(0, j)`` (``j`` others play action 1). Every root in (0, 1) is found by Bernstein
  subdivision (Descartes' rule of signs for the Bernstein basis bounds the roots in an interval by the sign
  variations of its coefficients; de Casteljau's algorithm splits an interval and is numerically stable)
  and polished by Brent's method on the expected payoffs computed with binomial probabilities, so it works
  for ``n = 1000`` where the power basis is hopeless.

Every equilibrium is verified: its regret is computed against the game before it is handed out.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from math import comb
from typing import Any

import numpy as np
from scipy import optimize, stats
from scipy.special import gammaln, xlogy

from .equilibrium import Equilibrium, EquilibriumSet, rejection_note
from .protocol import GameMixin
from .solvers.registry import register_solver
from .validation import as_real_array, check_positive_int, check_tolerance, noted

__all__ = [
    "AnonymousEquilibrium",
    "AnonymousEquilibriumSet",
    "AnonymousGame",
    "anonymous_equilibria",
    "anonymous_pure_equilibria",
    "bernstein_roots",
    "compositions",
]

MAX_COMPOSITIONS = 2_000_000
MAX_NORMAL_FORM_ENTRIES = 4_000_000


# ---------------------------------------------------------------------------------------------- combinatorics
#: Payoff evaluations a Newton run of :meth:`AnonymousGame.symmetric_equilibria` takes, for work estimates.
NEWTON_EVALUATIONS = 50

#: Refuse symmetric-equilibrium searches estimated to read more payoff-table entries than this (~30 s).
MAX_NEWTON_WORK = 5e8


def compositions(m: int, k: int) -> np.ndarray:
    """All ways of splitting ``m`` players among ``k`` actions, as rows of counts.

    Rows are ordered by the count of the last action, then the one before, and so on (for ``k = 2``:
    row ``j`` has ``j`` players on action 1). This is the column order of :attr:`AnonymousGame.table`.

    Examples
    --------
    >>> compositions(2, 2).tolist()
    [[2, 0], [1, 1], [0, 2]]
    >>> compositions(2, 3).tolist()
    [[2, 0, 0], [1, 1, 0], [0, 2, 0], [1, 0, 1], [0, 1, 1], [0, 0, 2]]
    """
    m = check_positive_int(m, "m", minimum=0)
    k = check_positive_int(k, "k", minimum=1)
    size = comb(m + k - 1, k - 1)
    if size > MAX_COMPOSITIONS:
        raise ValueError(f"{size} compositions of {m} into {k} parts exceed the limit {MAX_COMPOSITIONS}; "
                         "use fewer players or actions")
    return _compositions(m, k)


def _compositions(m: int, k: int) -> np.ndarray:
    if k == 1:
        return np.array([[m]], dtype=np.int64)
    if k == 2:
        j = np.arange(m + 1, dtype=np.int64)
        return np.column_stack([m - j, j])
    blocks = []
    for last in range(m + 1):
        sub = _compositions(m - last, k - 1)
        blocks.append(np.column_stack([sub, np.full(len(sub), last, dtype=np.int64)]))
    return np.vstack(blocks)


# ---------------------------------------------------------------------------------------------- Bernstein roots
def _de_casteljau_split(c: np.ndarray, t: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Bernstein coefficients of a polynomial on [0, t] and [t, 1] of its own interval."""
    d = len(c) - 1
    left = np.empty(d + 1)
    right = np.empty(d + 1)
    b = c.astype(float).copy()
    left[0], right[d] = b[0], b[d]
    for r in range(1, d + 1):
        b = (1 - t) * b[:-1] + t * b[1:]
        left[r], right[d - r] = b[0], b[-1]
    return left, right


def _sign_variations(c: np.ndarray, zero: float) -> int:
    s = np.sign(c[np.abs(c) > zero])
    return int(np.count_nonzero(s[1:] != s[:-1]))


def bernstein_eval(coeffs: Any, x: Any) -> np.ndarray:
    """Evaluate ``sum_j coeffs[j] * C(d, j) x^j (1-x)^(d-j)`` stably (binomial probabilities as weights).

    Examples
    --------
    >>> float(bernstein_eval([1.0, 1.0, 1.0], 0.3))   # the Bernstein basis sums to one
    1.0
    """
    c = np.asarray(coeffs, dtype=float)
    d = len(c) - 1
    x = np.asarray(x, dtype=float)
    w = stats.binom.pmf(np.arange(d + 1), d, x[..., None])
    return w @ c


def bernstein_roots(
    coeffs: Any,
    *,
    zero_tol: float | None = None,
    xtol: float = 1e-13,
    min_width: float = 1e-11,
    flat_width: float = 1e-2,
) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Every root in the open interval (0, 1) of a polynomial given by its Bernstein coefficients.

    The polynomial is ``P(x) = sum_{j=0}^{d} c_j C(d, j) x^j (1 - x)^(d - j)``. Intervals whose coefficients
    have no sign variation hold no root; one variation means exactly one simple root (found by Brent's
    method on ``P`` evaluated with binomial weights); more variations split the interval in two by
    de Casteljau's algorithm. Coefficients within ``zero_tol`` of zero may hide a touching root, so such
    intervals are split down to ``min_width``; touching candidates joined by values within ``zero_tol``
    form one root, polished where the derivative vanishes. Intervals where every coefficient is within
    ``zero_tol`` are numerically flat: they are returned as such, not as roots.

    Parameters
    ----------
    coeffs : array_like, shape ``(d + 1,)``
        Bernstein coefficients.
    zero_tol : float, optional
        Coefficients and values with ``|.| <= zero_tol`` count as zero; default ``1e-12 * max|c|``.
    xtol : float
        Absolute tolerance of the polished roots.
    min_width : float
        Narrowest interval subdivided.
    flat_width : float
        A stretch of values within ``zero_tol`` narrower than this, away from 0 and 1, is one multiple
        root; a wider one, or one reaching 0 or 1, is reported as flat.

    Returns
    -------
    roots : numpy.ndarray
        Sorted roots in (0, 1).
    flat : list of (float, float)
        Intervals on which the polynomial is within ``zero_tol`` of zero (``[(0.0, 1.0)]`` when every
        coefficient is); every point there is a root up to the tolerance.

    Examples
    --------
    ``(x - 1/4)(x - 3/4)`` has Bernstein coefficients ``3/16, -5/16, 3/16``:

    >>> roots, flat = bernstein_roots([3/16, -5/16, 3/16])
    >>> roots.round(12).tolist(), flat
    ([0.25, 0.75], [])
    >>> bernstein_roots([1, -1, 1, -1, 1])[0].tolist()       # (1 - 2x)^4: one root of multiplicity 4
    [0.5]
    """
    c = as_real_array(coeffs, "coeffs", ndim=1)
    if c.size < 1:
        raise ValueError("coeffs must hold at least one coefficient")
    scale = float(np.max(np.abs(c)))
    zero = 1e-12 * scale if zero_tol is None else float(zero_tol)
    if scale <= zero or scale == 0.0:
        return np.empty(0), [(0.0, 1.0)]
    roots: list[float] = []
    touching: list[float] = []
    flat: list[tuple[float, float]] = []

    def value(x: float) -> float:
        return float(bernstein_eval(c, x))

    stack = [(0.0, 1.0, c)]
    while stack:
        lo, hi, cc = stack.pop()
        inner = cc.copy()
        # a root exactly at an endpoint has been recorded by the parent split; do not count it again
        if abs(inner[0]) <= zero:
            inner = inner[1:]
        if inner.size and abs(inner[-1]) <= zero:
            inner = inner[:-1]
        v = _sign_variations(inner, zero) if inner.size else 0
        # coefficients within zero_tol may hide a touching (even-multiplicity) root: look closer
        small = np.abs(inner) <= zero
        if np.all(np.abs(cc) <= zero):
            flat.append((lo, hi))
            continue
        ambiguous = bool(small.any())
        if v == 0 and not ambiguous:
            continue
        if v == 1 and np.sign(cc[0]) * np.sign(cc[-1]) < 0 and abs(cc[0]) > zero and abs(cc[-1]) > zero:
            roots.append(optimize.brentq(value, lo, hi, xtol=xtol, rtol=4 * np.finfo(float).eps))
            continue
        mid = 0.5 * (lo + hi)
        if hi - lo < min_width:
            if abs(value(mid)) <= zero:
                touching.append(mid)
            continue
        left, right = _de_casteljau_split(cc)
        if abs(left[-1]) <= zero and abs(value(mid)) <= zero:
            touching.append(mid)          # a root at the split point (or a touching root close by)
        stack.append((mid, hi, right))
        stack.append((lo, mid, left))
    clusters = _clusters(c, flat + [(t, t) for t in touching], zero, min_width)
    flat_out = []
    for lo, hi in clusters:
        at_end = lo <= min_width or hi >= 1.0 - min_width
        if hi - lo > flat_width or (at_end and hi - lo > min_width):
            flat_out.append((lo, hi))
        else:
            roots.append(_polish_cluster(c, lo, hi, min_width, xtol))
    out = np.array(sorted(r for r in roots if 1e-9 < r < 1.0 - 1e-9))
    if out.size > 1:  # merge duplicates from neighbouring intervals
        keep = np.concatenate([[True], np.diff(out) > max(10 * xtol, 4 * min_width)])
        out = out[keep]
    return out, flat_out


def _clusters(c: np.ndarray, pieces: list[tuple[float, float]], zero: float,
              gap: float) -> list[tuple[float, float]]:
    """Merge intervals that touch, or between which the polynomial stays within ``zero``."""
    out: list[tuple[float, float]] = []
    for lo, hi in sorted(pieces):
        if out and (lo <= out[-1][1] + gap or abs(float(bernstein_eval(c, 0.5 * (lo + out[-1][1])))) <= zero):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _polish_cluster(c: np.ndarray, lo: float, hi: float, min_width: float, xtol: float) -> float:
    """One root for a cluster of near-zero values: where the derivative vanishes, if it changes sign there."""
    d = len(c) - 1
    lo, hi = max(lo - min_width, 0.0), min(hi + min_width, 1.0)
    if d > 0:
        deriv = d * np.diff(c)
        f_lo, f_hi = bernstein_eval(deriv, [lo, hi])
        if f_lo * f_hi < 0:
            return optimize.brentq(lambda x: float(bernstein_eval(deriv, x)), lo, hi, xtol=xtol)
    return 0.5 * (lo + hi)


# ---------------------------------------------------------------------------------------------- records
@dataclass(frozen=True, eq=False)
class AnonymousEquilibrium(Equilibrium):
    """A verified equilibrium of an :class:`AnonymousGame`: an :class:`~games.equilibrium.Equilibrium` (one
    probability vector per player in ``profile``, each player's payoff in ``payoffs``) that also keeps the
    anonymous description.

    Attributes
    ----------
    kind : {"pure", "symmetric mixed"}
        A pure profile given by its counts, or a symmetric mixed profile.
    counts : tuple of int or None
        For pure equilibria, how many players use each action (who does what is immaterial; in
        ``profile`` the players on action 0 come first).
    strategy : numpy.ndarray
        The common mixed strategy (symmetric equilibria) or the share of players on each action (pure).
    action_payoffs : numpy.ndarray
        The payoff of a player using each action (NaN for actions nobody uses).

    Examples
    --------
    >>> vd = AnonymousGame.from_function(3, ["wait", "volunteer"], lambda a, c: 2.0 * (a + c[1] >= 1) - a)
    >>> eq = vd.pure_equilibria()[0]
    >>> eq.counts, eq.payoffs.tolist(), eq.pure_actions()
    ((2, 1), [2.0, 2.0, 1.0], ('wait', 'wait', 'volunteer'))
    """

    kind: str = "pure"
    counts: tuple[int, ...] | None = None
    strategy: np.ndarray = field(default_factory=lambda: np.zeros(0))
    action_payoffs: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def num_players(self) -> int:
        """Number of players of the game."""
        return len(self.profile)

    @property
    def n_players(self) -> int:
        """Deprecated: use ``num_players``."""
        warnings.warn("AnonymousEquilibrium.n_players is deprecated; use num_players", DeprecationWarning,
                      stacklevel=2)
        return self.num_players

    @property
    def is_pure(self) -> bool:
        """True for a pure profile (possibly asymmetric: counts on several actions)."""
        return self.kind == "pure"

    @property
    def is_symmetric(self) -> bool:
        """True when every player uses the same (mixed or pure) strategy."""
        return self.kind != "pure" or sum(c > 0 for c in self.counts) == 1

    @property
    def mean_payoff(self) -> float:
        """Average payoff per player."""
        return float(np.mean(self.payoffs))

    def to_profile(self) -> list[np.ndarray]:
        """One probability vector per player (players on action 0 first, for pure profiles).

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: float(c[1] + a >= 1) - 0.5 * a)
        >>> [v.tolist() for v in g.pure_equilibria()[0].to_profile()]
        [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]
        """
        return [np.array(v, dtype=float) for v in self.profile]

    def __repr__(self) -> str:
        names = self.labels[0] if self.labels else tuple(str(a) for a in range(len(self.strategy)))
        if self.kind == "pure":
            what = "counts=" + str(dict(zip(names, self.counts)))
        else:
            what = "strategy=(" + ", ".join(f"{p:.6g}" for p in self.strategy) + ")"
        return f"AnonymousEquilibrium({self.kind}, {what}, regret={self.regret:.3g})"


class AnonymousEquilibriumSet(EquilibriumSet):
    """The equilibria of an anonymous game with what is known about completeness (see EquilibriumSet)."""

    def to_frame(self):
        """One row per equilibrium: kind, counts or strategy, mean payoff, regret.

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: float(c[1] + a >= 1) - 0.5 * a)
        >>> g.equilibria().to_frame().columns.tolist()[:3]
        ['kind', 'regret', 'mean payoff']
        """
        import pandas as pd

        rows = []
        for eq in self:
            row: dict[str, Any] = {"kind": eq.kind, "regret": eq.regret, "mean payoff": eq.mean_payoff}
            for a, lab in enumerate(eq.labels[0]):
                row[f"p[{lab}]"] = float(eq.strategy[a])
                row[f"count[{lab}]"] = eq.counts[a] if eq.counts is not None else np.nan
            rows.append(row)
        return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------- the game
class AnonymousGame(GameMixin):
    """A game of ``n`` identical players, each with ``k`` actions, whose payoff depends on its own action
    and on how many of the others chose each action.

    Parameters
    ----------
    n : int
        Number of players (>= 2).
    table : array_like, shape ``(k, M)``
        ``table[a, m]`` is the payoff of a player choosing action ``a`` when the others' counts are row ``m``
        of :func:`compositions` ``(n - 1, k)`` (for two actions: ``m`` others chose action 1).
    actions : sequence of str, optional
        Action labels (default ``"a1", "a2", ...``).
    title : str, optional

    Examples
    --------
    The volunteer's dilemma with 5 players: volunteering (action 1) costs 1 and everyone gets 4 if at
    least one volunteers.

    >>> vd = AnonymousGame.from_function(5, ["wait", "volunteer"],
    ...                                  lambda a, c: 4.0 * (a + c[1] >= 1) - 1.0 * a)
    >>> eqs = vd.equilibria()
    >>> [(e.kind, e.counts) for e in eqs if e.is_pure]
    [('pure', (4, 1))]
    >>> mixed = [e for e in eqs if not e.is_pure][0]
    >>> round(float(mixed.strategy[1]), 12) == round(1 - 0.25 ** (1 / 4), 12)   # Diekmann (1985)
    True
    """

    def __init__(self, n: int, table: Any, *, actions: Sequence[str] | None = None, title: str = "") -> None:
        self.num_players = check_positive_int(n, "n", minimum=2)
        arr = as_real_array(table, "table", ndim=2)
        k = arr.shape[0]
        if k < 1:
            raise ValueError("table must have one row per action (at least one)")
        m = comb(self.num_players - 1 + k - 1, k - 1)
        if arr.shape[1] != m:
            raise ValueError(f"table must have shape (k, M) = ({k}, {m}): one column per composition of the "
                             f"n - 1 = {self.num_players - 1} others into {k} actions; got {arr.shape}")
        arr.setflags(write=False)
        self._table = arr
        self.k = k
        if actions is None:
            actions = [f"a{i + 1}" for i in range(k)]
        actions = tuple(str(a) for a in actions)
        if len(actions) != k:
            raise ValueError(f"actions must have {k} labels; got {len(actions)}")
        self.action_names = actions
        if not isinstance(title, str):
            raise TypeError(f"title must be a str; got {type(title).__name__}")
        self.title = title
        self._others: np.ndarray | None = None

    # -------------------------------------------------------------------------------------- construction
    @classmethod
    def from_function(
        cls,
        n: int,
        actions: int | Sequence[str],
        func: Callable[[int, tuple[int, ...]], float],
        *,
        vectorized: bool = False,
        title: str = "",
    ) -> AnonymousGame:
        """Build from ``func(own_action, counts_of_others) -> payoff``.

        Parameters
        ----------
        n : int
            Number of players.
        actions : int or sequence of str
            Number of actions, or their labels.
        func : callable
            Called with an action index and a tuple of ``k`` counts summing to ``n - 1``. With
            ``vectorized=True`` it is called once per action with an int array of shape ``(M, k)`` and
            must return ``M`` payoffs.

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: c[1] - 2 * a)
        >>> g.table.tolist()
        [[0.0, 1.0, 2.0], [-2.0, -1.0, 0.0]]
        """
        n = check_positive_int(n, "n", minimum=2)
        if isinstance(actions, (int, np.integer)) and not isinstance(actions, bool):
            k = check_positive_int(actions, "actions", minimum=1)
            labels = None
        else:
            labels = [str(a) for a in actions]
            k = len(labels)
            if k < 1:
                raise ValueError("actions must name at least one action")
        if not callable(func):
            raise TypeError(f"func must be callable; got {type(func).__name__}")
        others = compositions(n - 1, k)
        if vectorized:
            rows = []
            for a in range(k):
                with noted(f"in AnonymousGame.from_function, calling func (vectorized) for action {a}"):
                    raw = np.asarray(func(a, others))
                if raw.dtype.kind not in "iufO":
                    raise TypeError(f"func (vectorized) must return numbers for action {a}; got an array of dtype "
                                    f"{raw.dtype}" + (" (for a 0/1 payoff write 1.0 * (...))" if raw.dtype.kind == "b"
                                                      else ""))
                out = as_real_array(raw, f"the payoffs func (vectorized) returned for action {a}").ravel()
                if out.shape != (len(others),):
                    raise ValueError(f"func (vectorized) must return {len(others)} payoffs for action {a}; "
                                     f"got shape {out.shape}")
                rows.append(out)
            table = np.vstack(rows)
        else:
            table = np.empty((k, len(others)), dtype=object)
            for a in range(k):
                for m, c in enumerate(others):
                    counts = tuple(int(v) for v in c)
                    with noted(f"in AnonymousGame.from_function, calling func for action {a} with the others' "
                               f"counts {counts}"):
                        table[a, m] = func(a, counts)
        return cls(n, table, actions=labels, title=title)

    @classmethod
    def from_table(cls, table: Any, *, n: int | None = None, actions: Sequence[str] | None = None,
                   title: str = "") -> AnonymousGame:
        """Build from a payoff table of shape ``(k, M)``; ``n`` is inferred when ``k == 2`` (``M = n``).

        Examples
        --------
        A 4-player stag hunt: hunting stag (action 1) pays 3 if all others hunt stag too, else 0; hare pays 1.

        >>> g = AnonymousGame.from_table([[1, 1, 1, 1], [0, 0, 0, 3]], actions=["hare", "stag"])
        >>> g.num_players, [e.counts for e in g.pure_equilibria()]
        (4, [(4, 0), (0, 4)])
        """
        arr = as_real_array(table, "table", ndim=2)
        k = arr.shape[0]
        if n is None:
            if k == 2:
                n = arr.shape[1]
            elif k == 1:
                raise ValueError("n must be given for a one-action table")
            else:
                n = 2
                while comb(n - 1 + k - 1, k - 1) < arr.shape[1]:
                    n += 1
        return cls(n, table, actions=actions, title=title)

    # -------------------------------------------------------------------------------------- properties
    @property
    def table(self) -> np.ndarray:
        """Read-only payoff table ``(k, M)``; columns follow :func:`compositions` ``(n - 1, k)``."""
        return self._table

    @property
    def others_counts(self) -> np.ndarray:
        """The compositions of the ``n - 1`` others, one row per column of :attr:`table`."""
        if self._others is None:
            self._others = compositions(self.num_players - 1, self.k)
        return self._others

    @property
    def payoff_scale(self) -> float:
        """Range of the payoffs (1.0 when constant); tolerances are relative to it."""
        rng = float(self._table.max() - self._table.min())
        return rng if rng > 0 else 1.0

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """The action labels of each player (the same for all; :attr:`action_names` holds them once)."""
        return (self.action_names,) * self.num_players

    @property
    def players(self) -> tuple[str, ...]:
        """Player labels ``"Player 1"``, ``"Player 2"``, ... (the players are interchangeable)."""
        return tuple(f"Player {i + 1}" for i in range(self.num_players))

    def __repr__(self) -> str:
        t = f" {self.title!r}" if self.title else ""
        return f"<AnonymousGame{t}: {self.num_players} players, {self.k} actions {self.action_names}>"

    def _column(self, counts: np.ndarray) -> np.ndarray:
        """Column indices of rows of others' counts (vectorised ranking in the compositions order)."""
        counts = np.asarray(counts, dtype=np.int64)
        if self.k == 2:
            return counts[..., 1]
        base = np.int64(self.num_players)
        weights = base ** np.arange(self.k, dtype=np.int64)
        keys = counts @ weights
        table_keys = self.others_counts @ weights
        return np.searchsorted(table_keys, keys)

    def payoff(self, action: int, others: Sequence[int]) -> float:
        """Payoff of a player choosing ``action`` when the others' counts are ``others``.

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: c[1] - 2 * a)
        >>> g.payoff(1, (0, 2))
        0.0
        """
        c = np.asarray(others, dtype=np.int64)
        if c.shape != (self.k,) or c.min() < 0 or c.sum() != self.num_players - 1:
            raise ValueError(f"others must be {self.k} non-negative counts summing to n - 1 = {self.num_players - 1}; "
                             f"got {list(others)}")
        if not 0 <= action < self.k:
            raise ValueError(f"action must be an index in 0..{self.k - 1}; got {action}")
        return float(self._table[action, self._column(c)])

    # -------------------------------------------------------------------------------------- payoffs
    def _strategy(self, strategy: Any, name: str = "strategy") -> np.ndarray:
        x = as_real_array(strategy, name, ndim=1)
        if x.shape != (self.k,):
            raise ValueError(f"{name} must have {self.k} probabilities (one per action); got {x.shape}")
        if np.any(x < -1e-12) or abs(x.sum() - 1) > 1e-9:
            raise ValueError(f"{name} must be a probability vector; got {x.tolist()}")
        x = np.clip(x, 0, None)
        return x / x.sum()

    def others_distribution(self, strategy: Any) -> np.ndarray:
        """Probability of each composition of the others when each of them plays ``strategy``.

        Multinomial probabilities, computed in log space (binomial for two actions).

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 0.0)
        >>> g.others_distribution([0.5, 0.5]).tolist()
        [0.25, 0.5, 0.25]
        """
        x = self._strategy(strategy)
        if self.k == 2:
            return stats.binom.pmf(np.arange(self.num_players), self.num_players - 1, x[1])
        c = self.others_counts
        logw = gammaln(self.num_players) - gammaln(c + 1).sum(axis=1) + xlogy(c, x).sum(axis=1)
        return np.exp(logw)

    def action_values(self, strategy: Any) -> np.ndarray:
        """Expected payoff of each action when all the others play the mixed ``strategy``.

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: c[1] - 2 * a)
        >>> g.action_values([0.5, 0.5]).round(12).tolist()
        [1.0, -1.0]
        """
        return self._table @ self.others_distribution(strategy)

    def expected_payoff(self, strategy: Any) -> float:
        """Each player's expected payoff when everyone plays ``strategy``."""
        x = self._strategy(strategy)
        return float(x @ self.action_values(x))

    def regret(self, profile: Any) -> float:
        """The largest gain of a unilateral deviation: from the symmetric profile where all play ``profile``
        (one mixed strategy, length ``k``), or from a full profile (one strategy per player, shape ``(n, k)``).

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: c[1] - 2 * a)
        >>> g.regret([0.0, 1.0])
        2.0
        >>> g.regret([[1, 0], [1, 0], [0, 1]])
        2.0
        """
        if np.ndim(profile) == 2:
            prof = as_real_array(profile, "profile", ndim=2)
            values = self.profile_action_values(prof)
            own = np.einsum("ik,ik->i", values, prof)
            return float(max((values.max(axis=1) - own).max(), 0.0))
        x = self._strategy(profile, "profile")
        v = self.action_values(x)
        return float(max(v.max() - x @ v, 0.0))

    def count_regret(self, counts: Sequence[int]) -> float:
        """Regret of a pure profile given by its counts (how many players use each action).

        Examples
        --------
        >>> vd = AnonymousGame.from_function(3, 2, lambda a, c: 4.0 * (a + c[1] >= 1) - a)
        >>> vd.count_regret((2, 1)), vd.count_regret((3, 0))
        (0.0, 3.0)
        """
        m = np.asarray(counts, dtype=np.int64)
        if m.shape != (self.k,) or m.min() < 0 or m.sum() != self.num_players:
            raise ValueError(f"counts must be {self.k} non-negative integers summing to n = {self.num_players}; "
                             f"got {list(counts)}")
        return float(self._pure_regrets(m[None, :])[0])

    def _pure_regrets(self, profiles: np.ndarray) -> np.ndarray:
        """Regret of each row of counts (rows sum to n), vectorised."""
        out = np.zeros(len(profiles))
        for a in range(self.k):
            rows = profiles[:, a] > 0
            if not rows.any():
                continue
            others = profiles[rows].copy()
            others[:, a] -= 1
            vals = self._table[:, self._column(others)]
            out[rows] = np.maximum(out[rows], vals.max(axis=0) - vals[a])
        return out

    def profile_action_values(self, profile: Any, max_work: float = 5e7) -> np.ndarray:
        """Expected payoff of each action for each player, under a per-player mixed profile.

        Parameters
        ----------
        profile : array_like, shape ``(n, k)``
            Player ``i``'s mixed strategy in row ``i``.
        max_work : float
            Refuse profiles whose distribution of counts would take more operations than this.

        Returns
        -------
        numpy.ndarray, shape ``(n, k)``

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: c[1] - 2 * a)
        >>> g.profile_action_values([[0, 1], [1, 0], [0.5, 0.5]]).tolist()
        [[0.5, -1.5], [1.5, -0.5], [1.0, -1.0]]
        """
        prof = as_real_array(profile, "profile", ndim=2)
        if prof.shape != (self.num_players, self.k):
            raise ValueError(f"profile must have shape (n, k) = ({self.num_players}, {self.k}); got {prof.shape}")
        for i, row in enumerate(prof):
            self._strategy(row, f"profile[{i}]")
        uniq, inverse = np.unique(prof, axis=0, return_inverse=True)
        work = len(uniq) * self.num_players * float(self.num_players) ** (self.k - 1) * self.k
        if work > max_work:
            raise ValueError(f"this profile needs about {work:.2g} operations (limit max_work={max_work:.2g}); "
                             "for symmetric profiles use action_values(strategy), for pure ones count_regret")
        cols = self.others_counts[:, 1:]
        out = np.empty((len(uniq), self.k))
        for u in range(len(uniq)):
            skip = int(np.flatnonzero(inverse.ravel() == u)[0])
            dist = np.zeros((self.num_players,) * (self.k - 1))
            dist[(0,) * (self.k - 1)] = 1.0
            for j in range(self.num_players):
                if j == skip:
                    continue
                x = prof[j]
                new = x[0] * dist
                for a in range(1, self.k):
                    shifted = np.roll(dist, 1, axis=a - 1)
                    idx = [slice(None)] * (self.k - 1)
                    idx[a - 1] = 0
                    shifted[tuple(idx)] = 0.0
                    new = new + x[a] * shifted
                dist = new
            w = dist[tuple(cols.T)]
            out[u] = self._table @ w
        return out[inverse.ravel()]

    def expected_payoffs(self, profile: Any) -> np.ndarray:
        """Each player's expected payoff under a per-player mixed profile ``(n, k)``.

        Examples
        --------
        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: c[1] - 2 * a)
        >>> g.expected_payoffs([[0, 1], [1, 0], [1, 0]]).tolist()
        [-2.0, 1.0, 1.0]
        """
        prof = as_real_array(profile, "profile", ndim=2)
        return np.einsum("ik,ik->i", self.profile_action_values(prof), prof)

    # -------------------------------------------------------------------------------------- equilibria
    def _record(self, kind: str, counts: tuple[int, ...] | None, strategy: np.ndarray, payoffs: np.ndarray,
                regret: float, method: str, abs_tol: float) -> AnonymousEquilibrium:
        k = self.k
        if kind == "pure":
            on = [a for a, c in enumerate(counts) for _ in range(c)]
            profile = tuple(np.eye(k)[a] for a in on)
            per_player = np.array([payoffs[a] for a in on], dtype=float)
        else:
            x = np.asarray(strategy, dtype=float)
            profile = tuple(x.copy() for _ in range(self.num_players))
            per_player = np.full(self.num_players, float(np.nansum(x * np.nan_to_num(payoffs))))
        return AnonymousEquilibrium(profile=profile, payoffs=per_player, regret=float(max(regret, 0.0)),
                                    method=method, exact=False, tol=abs_tol, labels=self.actions, kind=kind,
                                    counts=counts, strategy=strategy, action_payoffs=payoffs)

    def pure_equilibria(self, *, tol: float = 1e-9) -> AnonymousEquilibriumSet:
        """Every pure equilibrium, as counts of players per action (all ``C(n + k - 1, k - 1)`` checked at once).

        ``tol`` is relative to :attr:`payoff_scale`.

        Examples
        --------
        >>> vd = AnonymousGame.from_function(4, 2, lambda a, c: 4.0 * (a + c[1] >= 1) - a)
        >>> [e.counts for e in vd.pure_equilibria()]
        [(3, 1)]
        """
        tol = check_tolerance(tol)
        abs_tol = tol * self.payoff_scale
        profiles = compositions(self.num_players, self.k)
        regrets = self._pure_regrets(profiles)
        items = []
        for m, r in zip(profiles[regrets <= abs_tol], regrets[regrets <= abs_tol]):
            pay = np.full(self.k, np.nan)
            for a in np.flatnonzero(m):
                others = m.copy()
                others[a] -= 1
                pay[a] = self._table[a, self._column(others[None, :])[0]]
            items.append(self._record("pure", tuple(int(v) for v in m), m / self.num_players, pay, float(r),
                                      "pure counts", abs_tol))
        return AnonymousEquilibriumSet(items, method="pure counts", complete=True,
                                       note="every pure equilibrium, as counts of players per action")

    def gain_coefficients(self, action: int = 1, against: int = 0) -> np.ndarray:
        """Bernstein coefficients of the gain from ``action`` over ``against`` when the others mix over the two.

        Entry ``j`` is ``u(action, j others on action) - u(against, same)`` with the other ``n - 1 - j`` on
        ``against``; the expected gain at mixing probability ``p`` on ``action`` is the Bernstein polynomial
        with these coefficients.

        Examples
        --------
        >>> vd = AnonymousGame.from_function(3, 2, lambda a, c: 4.0 * (a + c[1] >= 1) - a)
        >>> vd.gain_coefficients().tolist()
        [3.0, -1.0, -1.0]
        """
        if action == against or not (0 <= action < self.k and 0 <= against < self.k):
            raise ValueError(f"action and against must be distinct indices in 0..{self.k - 1}; got {action}, {against}")
        j = np.arange(self.num_players, dtype=np.int64)
        others = np.zeros((self.num_players, self.k), dtype=np.int64)
        others[:, action] = j
        others[:, against] = self.num_players - 1 - j
        cols = self._column(others)
        return self._table[action, cols] - self._table[against, cols]

    def symmetric_equilibria(self, *, tol: float = 1e-9, xtol: float = 1e-13,
                             starts: int = 12, seed: int | None = 0) -> AnonymousEquilibriumSet:
        """Every symmetric equilibrium: the pure ones (all on one action) and the mixed ones.

        Mixed equilibria on two actions are the roots of the gain polynomial (:meth:`gain_coefficients`),
        found by :func:`bernstein_roots` (all of them). With three or more actions in the support the
        indifference system is solved by Newton's method from ``starts`` points per support drawn with
        ``seed``; those results are verified but may be incomplete (``complete=False``).

        Parameters
        ----------
        tol : float
            Regret tolerance, relative to :attr:`payoff_scale`.
        xtol : float
            Root-polishing tolerance in probability.

        Examples
        --------
        A 3-player threshold game (2 contributors needed, benefit 3, cost 1) has two mixed equilibria:

        >>> g = AnonymousGame.from_function(3, 2, lambda a, c: 3.0 * (a + c[1] >= 2) - a)
        >>> [round(float(e.strategy[1]), 6) for e in g.symmetric_equilibria() if not e.is_pure]
        [0.211325, 0.788675]
        """
        tol = check_tolerance(tol)
        self.check_newton_work(starts)
        abs_tol = tol * self.payoff_scale
        items: list[AnonymousEquilibrium] = []
        rejected = lost = 0    # lost: indifference points (equilibria up to round-off) that failed the tolerance
        degenerate = False
        complete = True
        notes = []
        for a in range(self.k):
            x = np.eye(self.k)[a]
            v = self.action_values(x)
            r = float(v.max() - v[a])
            if r <= abs_tol:
                counts = tuple(int(self.num_players * (b == a)) for b in range(self.k))
                pay = np.full(self.k, np.nan)
                pay[a] = v[a]
                items.append(self._record("pure", counts, x, pay, r, "pure counts", abs_tol))
        for size in range(2, self.k + 1):
            for support in itertools.combinations(range(self.k), size):
                if size == 2:
                    cands, flat = self._edge_candidates(support, xtol)
                    if flat:
                        degenerate = True
                        where = ", ".join(f"[{lo:.6g}, {hi:.6g}]" for lo, hi in flat)
                        notes.append(f"mixing {self.action_names[support[1]]} with probability p in {where} against "
                                     f"{self.action_names[support[0]]} leaves players indifferent up to the tolerance "
                                     "(a continuum of approximate equilibria, not listed)")
                else:
                    cands = self._newton_candidates(support, starts, seed)
                    complete = False
                for x in cands:
                    v = self.action_values(x)
                    r = float(v.max() - x @ v)
                    if r > abs_tol:
                        rejected += 1
                        # no better action outside the support: a root that only missed the tolerance
                        lost += bool(v[list(support)].max() >= v.max())
                        continue
                    if any(not e.is_pure and np.allclose(e.strategy, x, atol=1e-9) for e in items):
                        continue
                    pay = np.where(x > 0, v, np.nan)
                    items.append(self._record("symmetric mixed", None, x, pay, r,
                                              "Bernstein roots" if size == 2 else "Newton", abs_tol))
        if degenerate:
            complete = False
        if lost:
            complete = False
            notes.append(rejection_note(lost, tol, "retry with a larger tol"))
        if self.k >= 3:
            notes.append("supports of 3+ actions searched by Newton from several starts (may be incomplete)")
        return AnonymousEquilibriumSet(items, method="symmetric", complete=complete, degenerate=degenerate,
                                       rejected=rejected, note="; ".join(notes) or
                                       "every symmetric equilibrium (pure and mixed)")

    def newton_work(self, starts: int = 12) -> float:
        """Estimated payoff-table entries read by the Newton search of :meth:`symmetric_equilibria`.

        Every support of three or more actions gets ``starts`` Newton runs of about
        :data:`NEWTON_EVALUATIONS` evaluations each, and one evaluation reads the whole ``k x M`` table
        (``M`` the compositions of the ``n - 1`` others into ``k`` counts).

        Examples
        --------
        >>> AnonymousGame.from_function(3, 2, lambda a, c: float(a)).newton_work()
        0.0
        """
        supports = 2 ** self.k - 1 - self.k - comb(self.k, 2)
        return float(supports) * starts * NEWTON_EVALUATIONS * self.k * self._table.shape[1]

    def check_newton_work(self, starts: int = 12, max_work: float | None = None) -> None:
        """Refuse (at once) a Newton search estimated to read more than ``max_work`` table entries."""
        limit = MAX_NEWTON_WORK if max_work is None else max_work
        work = self.newton_work(starts)
        if work > limit:
            raise ValueError(
                f"the symmetric mixed equilibria of {self.num_players} players with {self.k} actions would need "
                f"about {work:.3g} payoff evaluations (Newton from {starts} starts on each of "
                f"{2 ** self.k - 1 - self.k - comb(self.k, 2)} supports of 3+ actions, over "
                f"{self._table.shape[1]:,} count profiles of the others), more than {limit:.3g} (minutes or more); "
                "use pure_equilibria() (or games.equilibria(game, method='pure')) for the pure equilibria, "
                "a game with fewer actions (2 actions: every symmetric equilibrium by exact root finding), or "
                "fewer players")

    def _edge_candidates(self, support: tuple[int, int], xtol: float) -> tuple[list[np.ndarray], bool]:
        a, b = support
        d = self.gain_coefficients(b, a)       # gain of b over a, others mixing with prob p on b
        roots, flat = bernstein_roots(d, zero_tol=1e-12 * self.payoff_scale, xtol=xtol)
        out = []
        for p in roots:
            x = np.zeros(self.k)
            x[a], x[b] = 1 - p, p
            out.append(x)
        return out, flat

    def _newton_candidates(self, support: tuple[int, ...], starts: int, seed: int | None) -> list[np.ndarray]:
        rng = np.random.default_rng(seed)
        s = list(support)
        out = []

        def full(z: np.ndarray) -> np.ndarray:
            x = np.zeros(self.k)
            x[s[1:]] = z
            x[s[0]] = 1 - z.sum()
            return x

        def equations(z: np.ndarray) -> np.ndarray:
            x = np.clip(full(z), 1e-300, 1)
            x = x / x.sum()
            v = self.action_values(x)
            return (v[s[1:]] - v[s[0]]) / self.payoff_scale

        for z0 in rng.dirichlet(np.ones(len(s)), size=starts):
            sol = optimize.root(equations, z0[1:], method="hybr", tol=1e-14)
            x = full(sol.x)
            if sol.success and np.all(x[s] > 1e-12) and abs(x.sum() - 1) < 1e-9:
                out.append(x)
        return out

    def equilibria(self, *, tol: float = 1e-9, xtol: float = 1e-13) -> AnonymousEquilibriumSet:
        """Every pure equilibrium (as counts) and every symmetric mixed equilibrium, each verified.

        Asymmetric mixed equilibria are not searched (the note says so).

        Examples
        --------
        >>> vd = AnonymousGame.from_function(10, ["wait", "volunteer"], lambda a, c: 2.0 * (a + c[1] >= 1) - a)
        >>> eqs = vd.equilibria()
        >>> [e.kind for e in eqs], eqs.complete
        (['pure', 'symmetric mixed'], True)
        """
        self.check_newton_work()  # before the pure search, so a refusal is immediate
        pure = self.pure_equilibria(tol=tol)
        sym = self.symmetric_equilibria(tol=tol, xtol=xtol)
        items = list(pure) + [e for e in sym if not e.is_pure]
        note = "every pure equilibrium (as counts) and " + (
            "every symmetric mixed equilibrium" if sym.complete else sym.note)
        return AnonymousEquilibriumSet(items, method="anonymous", complete=sym.complete,
                                       degenerate=sym.degenerate, rejected=sym.rejected,
                                       note=note + "; asymmetric mixed equilibria are not searched")

    # -------------------------------------------------------------------------------------- normal form
    def to_normal_form(self, *, max_entries: int = MAX_NORMAL_FORM_ENTRIES):
        """The full normal form (``k**n`` profiles) for small games.

        Refuses games whose table would hold more than ``max_entries`` numbers.

        Examples
        --------
        >>> vd = AnonymousGame.from_function(3, 2, lambda a, c: 4.0 * (a + c[1] >= 1) - a)
        >>> nf = vd.to_normal_form()
        >>> nf.shape, nf.payoffs[1, 0, 0].tolist()
        ((2, 2, 2), [3.0, 4.0, 4.0])
        """
        from .normal_form import NormalFormGame

        entries = float(self.k) ** self.num_players * self.num_players
        if entries > max_entries:
            raise ValueError(f"the normal form of {self.num_players} players with {self.k} actions has "
                             f"{entries:.3g} payoff entries (limit max_entries={max_entries}); work with the "
                             "AnonymousGame itself "
                             "(equilibria(), action_values()), which uses counts instead of profiles")
        profiles = np.indices((self.k,) * self.num_players).reshape(self.num_players, -1).T
        counts = np.stack([(profiles == a).sum(axis=1) for a in range(self.k)], axis=1)
        pay = np.empty((len(profiles), self.num_players))
        for i in range(self.num_players):
            own = profiles[:, i]
            others = counts.copy()
            others[np.arange(len(profiles)), own] -= 1
            pay[:, i] = self._table[own, self._column(others)]
        payoffs = pay.reshape((self.k,) * self.num_players + (self.num_players,))
        return NormalFormGame(payoffs, actions=self.actions, title=self.title)


@register_solver("anonymous", game_type=AnonymousGame, rank=0, finds="pure and symmetric", auto=lambda game: True,
                 summary="pure equilibria as counts; symmetric mixed ones as roots of a Bernstein polynomial "
                         "(two actions, complete) or by multi-start Newton (three or more, flagged incomplete)")
def anonymous_equilibria(game: AnonymousGame, *, tol: float = 1e-9, exact: bool = False,
                         xtol: float = 1e-13) -> AnonymousEquilibriumSet:
    """:meth:`AnonymousGame.equilibria` behind :func:`games.equilibria` (``method="anonymous"``, the default).

    Examples
    --------
    >>> import games
    >>> vd = AnonymousGame.from_function(4, ["wait", "volunteer"], lambda a, c: 2.0 * (a + c[1] >= 1) - a)
    >>> [e.kind for e in games.equilibria(vd)]
    ['pure', 'symmetric mixed']
    """
    return game.equilibria(tol=tol, xtol=xtol)


@register_solver("pure", game_type=AnonymousGame, rank=40, finds="all pure", tol_zero=True,
                 summary="every count profile checked at once (no 2^n table)")
def anonymous_pure_equilibria(game: AnonymousGame, *, tol: float = 1e-9,
                              exact: bool = False) -> AnonymousEquilibriumSet:
    """:meth:`AnonymousGame.pure_equilibria` behind :func:`games.equilibria` (``method="pure"``).

    Examples
    --------
    >>> import games
    >>> vd = AnonymousGame.from_function(4, ["wait", "volunteer"], lambda a, c: 2.0 * (a + c[1] >= 1) - a)
    >>> [e.counts for e in games.equilibria(vd, method="pure")]
    [(3, 1)]
    """
    return game.pure_equilibria(tol=tol)
