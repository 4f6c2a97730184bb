"""Transferable-utility (TU) games: the Shapley value, the core and the nucleolus, exact where it can be.

A TU game gives every coalition ``S`` of the players a worth ``v(S)`` (``v({}) = 0``) that its members can
share as they like. Values are held exactly (``Fraction``; a float is read as its shortest decimal) in an
array indexed by the coalition's bit mask (player ``i`` is bit ``i``), so the methods are exponential in the
number of players: the game is refused beyond :data:`MAX_PLAYERS` players and the linear programmes beyond
:data:`MAX_LP_PLAYERS`.

- :meth:`TUGame.shapley_value` is exact (integer arithmetic on the values scaled to a common denominator);
- :meth:`TUGame.core_contains` checks an allocation exactly;
- :meth:`TUGame.core_point` / :meth:`TUGame.core_is_empty` solve linear programmes (scipy's HiGHS) and then
  prove the answer exactly: a core point, or balancing weights (Bondareva-Shapley) showing the core empty,
  each rounded to nearby fractions and checked in exact arithmetic;
- :meth:`TUGame.nucleolus` solves Maschler's sequence of linear programmes (maximise the smallest excess,
  fix the coalitions whose constraints carry a positive dual, repeat until the fixed coalitions determine
  the allocation), then solves the fixed equations exactly and checks the result.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..numeric import solve_exact, to_fraction
from ..validation import check_positive_int
from .coalitions import coalition_indices as _indices

__all__ = ["TUGame", "CooperativeGame", "MAX_PLAYERS", "MAX_LP_PLAYERS", "MAX_PAIR_PLAYERS"]

#: Most players a :class:`TUGame` stores (2^n coalition values).
MAX_PLAYERS = 20
#: Most players for the linear programmes (core, nucleolus): 2^n constraints.
MAX_LP_PLAYERS = 14
#: Most players for :meth:`TUGame.is_superadditive` (3^n pairs of disjoint coalitions).
MAX_PAIR_PLAYERS = 13


@runtime_checkable
class CooperativeGame(Protocol):
    """What a cooperative game offers: its players and the worth of a coalition.

    Examples
    --------
    >>> from games.cooperative import WeightedVotingGame
    >>> isinstance(WeightedVotingGame([1, 1], 2), CooperativeGame)
    True
    """

    @property
    def num_players(self) -> int: ...

    @property
    def players(self) -> tuple[str, ...]: ...

    def value(self, coalition: Iterable[Any]) -> Any: ...


def _mask(indices: Iterable[int]) -> int:
    m = 0
    for i in indices:
        m |= 1 << i
    return m


class TUGame:
    """A transferable-utility game: a worth ``v(S)`` for every coalition ``S``.

    Parameters
    ----------
    values : mapping, callable or sequence
        A mapping from coalitions (iterables of player indices) to worths — every non-empty coalition must
        appear; or a sequence of ``2^n`` worths indexed by bit mask (entry 0, the empty coalition, must be 0).
        For a callable use :meth:`from_function`.
    num_players : int, optional
        Required with a mapping (inferred from a sequence's length).
    players : sequence of str, optional
        Player labels.

    Examples
    --------
    The glove game: player 1 holds a left glove, players 2 and 3 right gloves; a pair is worth 1.

    >>> g = TUGame({(0,): 0, (1,): 0, (2,): 0, (0, 1): 1, (0, 2): 1, (1, 2): 0, (0, 1, 2): 1}, num_players=3)
    >>> g.shapley_value()
    (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
    >>> g.core_contains([1, 0, 0]), g.core_contains([Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)])
    (True, False)
    >>> g.nucleolus()
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    """

    def __init__(self, values: Mapping[Any, Any] | Sequence[Any], num_players: int | None = None,
                 players: Sequence[str] | None = None) -> None:
        if callable(values) and not isinstance(values, Mapping):
            raise TypeError("values is a function: use TUGame.from_function(num_players, function)")
        if isinstance(values, Mapping):
            if num_players is None:
                raise ValueError("num_players is required when values is a mapping of coalitions to worths")
            n = check_positive_int(num_players, "num_players")
            self._check_size(n)
            v: list[Fraction | None] = [None] * (1 << n)
            v[0] = Fraction(0)
            labels = tuple(str(p) for p in players) if players is not None else tuple(f"P{i + 1}" for i in range(n))
            for key, val in values.items():
                m = _mask(_indices(key, labels))
                if m == 0:
                    if to_fraction(val, "values[()]") != 0:
                        raise ValueError(f"the empty coalition must be worth 0; got {val}")
                    continue
                v[m] = to_fraction(val, f"values[{key!r}]")
            missing = [m for m, x in enumerate(v) if x is None]
            if missing:
                example = tuple(i for i in range(n) if missing[0] >> i & 1)
                raise ValueError(f"values must give every non-empty coalition a worth; {len(missing)} missing, "
                                 f"e.g. {example}")
            self._v = [x for x in v if x is not None]
        else:
            if isinstance(values, (str, bytes)):
                raise TypeError(f"values must be a mapping or a sequence of 2^n numbers; got {values!r}")
            seq = list(np.asarray(values, dtype=object).ravel()) if isinstance(values, np.ndarray) else list(values)
            size = len(seq)
            n = size.bit_length() - 1
            if size < 2 or size != 1 << n:
                raise ValueError(f"values as a sequence must have 2^n entries (bit-mask order); got {size}")
            if num_players is not None and num_players != n:
                raise ValueError(f"num_players ({num_players}) does not match the 2^{n} values given")
            self._check_size(n)
            self._v = [to_fraction(x, f"values[{m}]") for m, x in enumerate(seq)]
            if self._v[0] != 0:
                raise ValueError(f"values[0] (the empty coalition) must be 0; got {seq[0]}")
        if players is None:
            players = [f"P{i + 1}" for i in range(n)]
        players = tuple(str(p) for p in players)
        if len(players) != n or len(set(players)) != n:
            raise ValueError(f"players must be {n} distinct labels; got {list(players)}")
        self._players = players

    @staticmethod
    def _check_size(n: int) -> None:
        if n > MAX_PLAYERS:
            raise ValueError(f"a TUGame stores 2^n coalition values; n must be <= {MAX_PLAYERS}, got {n}. For a "
                             "weighted voting game use WeightedVotingGame's power indices, which need no 2^n table")

    @classmethod
    def from_function(cls, num_players: int, function: Callable[[tuple[int, ...]], Any],
                      players: Sequence[str] | None = None) -> TUGame:
        """The game whose worth of coalition ``S`` is ``function(S)`` (``S`` a sorted tuple of indices).

        Examples
        --------
        >>> TUGame.from_function(3, lambda S: len(S) ** 2).value([0, 2])
        Fraction(4, 1)
        """
        n = check_positive_int(num_players, "num_players")
        cls._check_size(n)
        vals = [0] + [function(tuple(i for i in range(n) if m >> i & 1)) for m in range(1, 1 << n)]
        return cls(vals, players=players)

    # ------------------------------------------------------------------ protocol
    @property
    def num_players(self) -> int:
        """Number of players."""
        return len(self._players)

    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    def value(self, coalition: Iterable[Any]) -> Fraction:
        """The worth of ``coalition`` (player indices or labels).

        Examples
        --------
        >>> TUGame([0, 1, 2, 4]).value(["P1", "P2"])
        Fraction(4, 1)
        """
        return self._v[_mask(_indices(coalition, self._players))]

    @property
    def values(self) -> tuple[Fraction, ...]:
        """All worths in bit-mask order (entry ``m`` is the coalition of the players whose bits ``m`` sets)."""
        return tuple(self._v)

    def __repr__(self) -> str:
        return f"TUGame(num_players={self.num_players})"

    # ------------------------------------------------------------------ properties of v
    def _check_lp(self, what: str) -> None:
        if self.num_players > MAX_LP_PLAYERS:
            raise ValueError(f"{what} solves linear programmes with 2^n constraints; n must be <= {MAX_LP_PLAYERS}, "
                             f"got {self.num_players}; use shapley_value() (exact, no LP) instead")

    def is_superadditive(self) -> bool:
        """Whether ``v(S | T) >= v(S) + v(T)`` for all disjoint ``S``, ``T`` (3^n pairs; n <= 13).

        Examples
        --------
        >>> TUGame([0, 1, 1, 3]).is_superadditive(), TUGame([0, 2, 2, 3]).is_superadditive()
        (True, False)
        """
        n = self.num_players
        if n > MAX_PAIR_PLAYERS:
            raise ValueError(f"is_superadditive checks 3^n pairs of coalitions; n must be <= {MAX_PAIR_PLAYERS}, "
                             f"got {n}")
        v = self._v
        full = (1 << n) - 1
        for s in range(1, full + 1):
            rest = full & ~s
            t = rest
            while t:
                if t > s and v[s | t] < v[s] + v[t]:
                    return False
                t = (t - 1) & rest
        return True

    def is_convex(self) -> bool:
        """Whether the game is convex (supermodular): marginal worths grow with the coalition joined.

        Checked locally: ``v(S+i+j) - v(S+j) >= v(S+i) - v(S)`` for all ``S`` and ``i, j`` outside it.

        Examples
        --------
        >>> TUGame([0, 0, 0, 1]).is_convex(), TUGame([0, 1, 1, 1]).is_convex()
        (True, False)
        """
        n, v = self.num_players, self._v
        for s in range(1 << n):
            for i in range(n):
                if s >> i & 1:
                    continue
                for j in range(i + 1, n):
                    if s >> j & 1:
                        continue
                    a, b = 1 << i, 1 << j
                    if v[s | a | b] - v[s | b] < v[s | a] - v[s]:
                        return False
        return True

    # ------------------------------------------------------------------ Shapley value
    def shapley_value(self) -> tuple[Fraction, ...]:
        """The Shapley value: each player's average marginal worth over all orders of arrival (exact).

        ``phi_i = sum_{S not containing i} |S|! (n-|S|-1)! / n! * (v(S + i) - v(S))``.

        Examples
        --------
        >>> TUGame([0, 1, 2, 6]).shapley_value()          # by hand: (1 + 4) / 2 and (2 + 5) / 2
        (Fraction(5, 2), Fraction(7, 2))
        """
        n = self.num_players
        den = math.lcm(*(x.denominator for x in self._v))
        ints = [int(x * den) for x in self._v]
        big = max(abs(x) for x in ints) * 2 * (1 << n) >= 2 ** 62
        vals = np.array(ints, dtype=object if big else np.int64)
        masks = np.arange(1 << n)
        sizes = np.array([bin(m).count("1") for m in range(1 << n)])
        coef = [math.factorial(k) * math.factorial(n - 1 - k) for k in range(n)]
        nfact = math.factorial(n)
        out = []
        for i in range(n):
            bit = 1 << i
            without = masks[(masks & bit) == 0]
            diff = vals[without | bit] - vals[without]
            k_of = sizes[without]
            total = 0
            for k in range(n):
                total += coef[k] * int(diff[k_of == k].sum())
            out.append(Fraction(total, nfact * den))
        return tuple(out)

    # ------------------------------------------------------------------ the core
    def _allocation(self, allocation: Sequence[Any]) -> list[Fraction]:
        if isinstance(allocation, (str, bytes)) or not hasattr(allocation, "__len__"):
            raise TypeError(f"allocation must be a sequence of {self.num_players} numbers; got {allocation!r}")
        if len(allocation) != self.num_players:
            raise ValueError(f"allocation must have one entry per player ({self.num_players}); got {len(allocation)}")
        return [to_fraction(x, f"allocation[{i}]") for i, x in enumerate(allocation)]

    def coalition_sums(self, allocation: Sequence[Any]) -> list[Fraction]:
        """``x(S)`` for every coalition, in bit-mask order (exact).

        Examples
        --------
        >>> [str(s) for s in TUGame([0, 1, 1, 2]).coalition_sums([1, 2])]
        ['0', '1', '2', '3']
        """
        x = self._allocation(allocation)
        sums = [Fraction(0)] * (1 << self.num_players)
        for m in range(1, len(sums)):
            low = (m & -m).bit_length() - 1
            sums[m] = sums[m & (m - 1)] + x[low]
        return sums

    def excesses(self, allocation: Sequence[Any]) -> list[Fraction]:
        """Excess ``x(S) - v(S)`` of every coalition (bit-mask order): how much better off ``S`` is than alone.

        Examples
        --------
        >>> [str(e) for e in TUGame([0, 1, 1, 3]).excesses([2, 1])]
        ['0', '1', '0', '0']
        """
        return [s - v for s, v in zip(self.coalition_sums(allocation), self._v)]

    def blocking_coalition(self, allocation: Sequence[Any]) -> tuple[int, ...] | None:
        """A coalition that gets less than its worth under ``allocation`` (the most aggrieved), or ``None``.

        Examples
        --------
        >>> TUGame([0, 1, 1, 3]).blocking_coalition([3, 0])
        (1,)
        """
        e = self.excesses(allocation)
        worst = min(range(1, len(e)), key=lambda m: (e[m], m))
        return tuple(i for i in range(self.num_players) if worst >> i & 1) if e[worst] < 0 else None

    def core_contains(self, allocation: Sequence[Any]) -> bool:
        """Whether ``allocation`` is in the core: efficient (``x(N) = v(N)``) and no coalition gets less than
        its worth. Exact (floats are read as their shortest decimals).

        Examples
        --------
        >>> TUGame([0, 1, 1, 3]).core_contains([1.5, 1.5]), TUGame([0, 1, 1, 3]).core_contains([1, 1])
        (True, False)
        """
        e = self.excesses(allocation)
        return e[-1] == 0 and min(e) >= 0

    def _core_lp(self, objective: np.ndarray) -> Any:
        from scipy.optimize import linprog

        n = self.num_players
        full = (1 << n) - 1
        A = np.array([[m >> i & 1 for i in range(n)] for m in range(1, full)], dtype=float).reshape(-1, n)
        b = np.array([float(v) for v in self._v[1:full]])
        return linprog(objective, A_ub=-A, b_ub=-b, A_eq=np.ones((1, n)), b_eq=[float(self._v[full])],
                       bounds=[(None, None)] * n, method="highs")

    def core_point(self) -> tuple[Fraction, ...] | None:
        """A point of the core found by linear programming and checked exactly, or ``None`` if the core is empty.

        Raises
        ------
        RuntimeError
            If the programme finds a point that, rounded to nearby fractions, fails the exact check.

        Examples
        --------
        >>> TUGame([0, 0, 0, 1]).core_point() is not None, TUGame([0, 1, 1, 1]).core_point()
        (True, None)
        """
        self._check_lp("core_point")
        res = self._core_lp(np.zeros(self.num_players))
        if res.status == 2:
            return None
        if res.status != 0:
            raise RuntimeError(f"the core linear programme failed: {res.message}")
        point = self._rational_point(res.x)
        if point is None:
            raise RuntimeError(f"the linear programme's core point {res.x.tolist()} fails the exact check after "
                               "rounding to fractions; the core may be a single irrational-looking point")
        return point

    def _rational_point(self, x: np.ndarray) -> tuple[Fraction, ...] | None:
        total = self._v[-1]
        for limit in (12, 1_000, 1_000_000, 10**9):
            cand = [Fraction(float(xi)).limit_denominator(limit) for xi in x]
            cand[-1] = total - sum(cand[:-1])
            if self.core_contains(cand):
                return tuple(cand)
        return None

    def core_is_empty(self) -> bool:
        """Whether the core is empty, proved exactly either way.

        A non-empty core is shown by an exact core point (:meth:`core_point`); an empty one by a balanced
        collection (Bondareva 1963, Shapley 1967): weights ``lambda_S >= 0`` on the coalitions short of ``N``
        with ``sum_{S containing i} lambda_S = 1`` for every player and ``sum lambda_S v(S) > v(N)``
        (:meth:`balanced_certificate`).

        Examples
        --------
        >>> TUGame([0, 1, 1, 1]).core_is_empty()       # both players alone get 1 but together only 1
        True
        """
        if self.core_point() is not None:
            return False
        if self.balanced_certificate() is None:
            raise RuntimeError("the core linear programme found no core point but no balanced collection proves "
                               "the core empty; the game may be numerically delicate")
        return True

    def balanced_certificate(self) -> dict[tuple[int, ...], Fraction] | None:
        """Balancing weights that prove the core empty (``None`` when the core is not empty).

        Solves ``max sum lambda_S v(S)`` over balanced weights on the coalitions short of ``N`` by linear
        programming, rounds the weights to nearby fractions and checks exactly that they are balanced and that
        ``sum lambda_S v(S) > v(N)``.

        Returns
        -------
        dict or None
            Coalition (sorted player indices) -> its weight, for the coalitions with positive weight.

        Examples
        --------
        >>> TUGame([0, 0, 0, 1, 0, 1, 1, 1]).balanced_certificate()    # the three pairs, weight 1/2 each
        {(0, 1): Fraction(1, 2), (0, 2): Fraction(1, 2), (1, 2): Fraction(1, 2)}
        """
        from scipy.optimize import linprog

        self._check_lp("balanced_certificate")
        n = self.num_players
        full = (1 << n) - 1
        A = np.array([[m >> i & 1 for i in range(n)] for m in range(1, full)], dtype=float).reshape(-1, n)
        v = np.array([float(x) for x in self._v[1:full]])
        res = linprog(-v, A_eq=A.T, b_eq=np.ones(n), bounds=[(0, None)] * len(v), method="highs")
        if res.status != 0 or -res.fun <= float(self._v[full]):
            return None
        for limit in (12, 1_000, 1_000_000):
            lam = {m + 1: Fraction(float(x)).limit_denominator(limit) for m, x in enumerate(res.x) if x > 1e-12}
            balanced = all(sum(w for m, w in lam.items() if m >> i & 1) == 1 for i in range(n))
            if balanced and all(w >= 0 for w in lam.values()) \
                    and sum(w * self._v[m] for m, w in lam.items()) > self._v[full]:
                return {tuple(i for i in range(n) if m >> i & 1): w for m, w in sorted(lam.items()) if w > 0}
        return None

    # ------------------------------------------------------------------ nucleolus
    def nucleolus(self) -> tuple[Fraction, ...]:
        """The nucleolus: the imputation that lexicographically maximises the sorted vector of excesses.

        Sequential linear programmes (Maschler, Peleg and Shapley 1979; Maschler, Solan and Zamir 2013,
        ch. 20): maximise the smallest excess ``eps`` over coalitions not yet fixed, subject to
        individual rationality and the equations of the coalitions already fixed; fix every coalition whose
        constraint carries a positive dual (it is tight at every optimum) and every coalition whose incidence
        vector their span contains; stop when the fixed coalitions determine the allocation. The fixed
        equations, with each stage's ``eps`` rounded to a nearby fraction, are then solved exactly and the
        result checked: an imputation whose fixed coalitions have exactly their stage's excess and no
        coalition below the first stage's ``eps``. The stages' ``eps`` are unknowns of the exact solve (not
        rounded floats), so the result is exact whenever those equations determine it.

        Returns
        -------
        tuple of Fraction

        Raises
        ------
        ValueError
            If the imputation set is empty (``sum v({i}) > v(N)``) or there are too many players.

        Examples
        --------
        >>> TUGame([0, 0, 0, 1, 0, 1, 1, 1]).nucleolus()     # majority game: equal thirds
        (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3))
        """
        from scipy.optimize import linprog

        self._check_lp("nucleolus")
        n = self.num_players
        full = (1 << n) - 1
        singles = [self._v[1 << i] for i in range(n)]
        if sum(singles) > self._v[full]:
            raise ValueError(f"the imputation set is empty (the players' stand-alone worths sum to {sum(singles)} > "
                             f"v(N) = {self._v[full]}); the nucleolus is undefined")
        if n == 1:
            return (self._v[1],)
        A = np.array([[m >> i & 1 for i in range(n)] for m in range(1, full)], dtype=float)
        v = np.array([float(x) for x in self._v[1:full]])
        scale = max(1.0, float(np.max(np.abs(v))), abs(float(self._v[full])))
        fixed_rows: list[int] = []          # row indices into A (coalition mask - 1)
        fixed_eps: list[float] = []
        basis = np.ones((1, n)) / math.sqrt(n)
        active = np.ones(len(A), dtype=bool)
        eps_first = None
        for _stage in range(n + 1):
            residual = A - (A @ basis.T) @ basis
            active &= np.linalg.norm(residual, axis=1) > 1e-9
            if not active.any():
                break
            rows = np.flatnonzero(active)
            # variables (x_1..x_n, eps): maximise eps
            c = np.zeros(n + 1)
            c[-1] = -1.0
            A_ub = np.hstack([-A[rows], np.ones((len(rows), 1))])
            b_ub = -v[rows]
            A_eq = [np.append(np.ones(n), 0.0)] + [np.append(A[r], 0.0) for r in fixed_rows]
            b_eq = [float(self._v[full])] + [v[r] + e for r, e in zip(fixed_rows, fixed_eps)]
            bounds = [(float(s), None) for s in singles] + [(None, None)]
            res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=np.array(A_eq), b_eq=b_eq, bounds=bounds, method="highs")
            if res.status != 0:
                raise RuntimeError(f"a nucleolus linear programme failed: {res.message}")
            eps = float(res.x[-1])
            if eps_first is None:
                eps_first = eps
            duals = -np.asarray(res.ineqlin.marginals)
            new = rows[duals > 1e-9 * scale]
            if len(new) == 0:       # numerically degenerate duals: test each tight coalition directly
                slack = A[rows] @ res.x[:n] - v[rows] - eps
                tight = rows[slack <= 1e-9 * scale]
                # with eps held at its optimum, a coalition is fixed when its excess cannot rise above eps
                A_fix = np.hstack([-A[rows], np.zeros((len(rows), 1))])
                b_fix = -v[rows] - eps
                fixed_now = []
                for r in tight:
                    obj = np.append(-A[r], 0.0)
                    probe = linprog(obj, A_ub=A_fix, b_ub=b_fix, A_eq=np.array(A_eq), b_eq=b_eq, bounds=bounds,
                                    method="highs")
                    if probe.status == 0 and -probe.fun - v[r] <= eps + 1e-9 * scale:
                        fixed_now.append(int(r))
                new = np.array(fixed_now or [int(tight[0])] if len(tight) else [int(rows[np.argmin(slack)])])
            for r in new:
                fixed_rows.append(int(r))
                fixed_eps.append(eps)
            basis = _orthonormal_rows(np.vstack([np.ones((1, n)), A[fixed_rows]]))
            if basis.shape[0] >= n:
                break
        x_float = res.x[:n]
        exact = self._exact_nucleolus(A, fixed_rows, fixed_eps, eps_first, x_float)
        if exact is None:
            raise RuntimeError(f"the nucleolus found by linear programming ({x_float.tolist()}) fails the exact "
                               "check after rounding to fractions")
        return exact

    def _exact_nucleolus(self, A: np.ndarray, rows: list[int], eps: list[float], eps_first: float | None,
                         x_float: np.ndarray) -> tuple[Fraction, ...] | None:
        """Solve the fixed equations exactly, the stages' excesses as unknowns, and check the result."""
        n = self.num_players
        full = (1 << n) - 1
        levels = sorted(set(eps))
        stage_of = [levels.index(e) for e in eps]
        K = len(levels)
        scale = max(1.0, max(abs(float(v)) for v in self._v))
        # candidate equations over (x_1..x_n, eps_1..eps_K): efficiency, fixed coalitions, tight bounds
        cands: list[tuple[list[int], Fraction]] = [([1] * n + [0] * K, self._v[full])]
        for r, k in zip(rows, stage_of):
            cands.append(([int(a) for a in A[r]] + [-1 if j == k else 0 for j in range(K)], self._v[r + 1]))
        for i in range(n):
            if abs(x_float[i] - float(self._v[1 << i])) <= 1e-7 * scale:
                cands.append(([1 if j == i else 0 for j in range(n)] + [0] * K, self._v[1 << i]))
        chosen_rows: list[list[int]] = []
        rhs: list[Fraction] = []
        for row, b in cands:
            trial = np.array(chosen_rows + [row], dtype=float)
            if np.linalg.matrix_rank(trial) > len(chosen_rows):
                chosen_rows.append(row)
                rhs.append(b)
            if len(chosen_rows) == n + K:
                break
        if len(chosen_rows) < n + K:
            return None
        sol = solve_exact(chosen_rows, rhs)
        if sol is None:
            return None
        x, levels_exact = sol[:n], sol[n:]
        if max(abs(float(a) - b) for a, b in zip(x, x_float)) > 1e-6 * scale:
            return None
        e = self.excesses(x)
        if sum(x) != self._v[full] or any(x[i] < self._v[1 << i] for i in range(n)):
            return None
        if any(e[r + 1] != levels_exact[k] for r, k in zip(rows, stage_of)):
            return None
        if min(e[1:full]) < levels_exact[0]:
            return None
        return tuple(x)


def _orthonormal_rows(M: np.ndarray) -> np.ndarray:
    """An orthonormal basis (as rows) of the row space of ``M``."""
    u, s, vt = np.linalg.svd(M, full_matrices=False)
    rank = int(np.sum(s > 1e-9 * max(1.0, s[0])))
    return vt[:rank]
