"""Binary threshold public goods with unequal players: pure equilibria by structure, not by enumeration.

Player ``i`` contributes (action 1) a capacity ``w_i > 0`` at cost ``c_i > 0``; the good is provided when the
contributors' capacities reach the requirement ``R``, and then every player, contributor or not, gets its
value ``v_i``. With positive costs the pure Nash equilibria are exactly

- *provision* equilibria: coalitions ``S`` that reach ``R`` in which every member is pivotal
  (``w(S) - w_i < R``: a minimal winning coalition of the weighted game) and values the good at least at
  its cost (``v_i >= c_i``); outsiders keep out, since joining only costs;
- the *no-provision* equilibrium ``S = {}``, when no single player both can provide the good alone
  (``w_j >= R``) and would gain by it (``v_j > c_j``); any other unsuccessful coalition has a member
  paying for nothing.

Minimal winning coalitions are listed by a depth-first search over players sorted by capacity (the last,
smallest member decides minimality), and counted without listing by dynamic programming over capacity
sums when capacities are integers. Neither touches the ``2**n`` profiles.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .equilibrium import Equilibrium, EquilibriumSet
from .protocol import GameMixin
from .solvers.registry import register_solver
from .validation import as_real_array, check_nonnegative, check_positive_int, check_tolerance

#: Largest dynamic program (players x capacity grid points) :meth:`ThresholdGame.count_provision_equilibria` runs.
MAX_DP_CELLS = 500_000_000
#: Default number of search steps before counting by enumeration is refused.
MAX_SEARCH_STEPS = 5_000_000

__all__ = ["ThresholdGame", "threshold_equilibria"]


class ThresholdGame(GameMixin):
    """A binary threshold (force-requirement) public good with heterogeneous players.

    Parameters
    ----------
    capacities : array_like of float, shape ``(n,)``
        What each player brings when it contributes (e.g. troops); positive.
    costs : array_like of float, shape ``(n,)``
        Each player's cost of contributing; positive.
    values : array_like of float, shape ``(n,)``
        Each player's value of the good being provided; non-negative.
    requirement : float
        Capacity needed for provision, in ``(0, sum(capacities)]``.
    players : sequence of str, optional
        Player labels.
    cap_tol : float
        Capacity comparisons are made with this absolute slack (``w(S) >= R - cap_tol`` provides).

    Examples
    --------
    Three states with 5, 3 and 2 battalions; 6 are required:

    >>> g = ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 0.5], requirement=6)
    >>> [eq.pure_actions() for eq in g.pure_equilibria()]
    [('out', 'out', 'out'), ('in', 'in', 'out')]

    The coalition {5, 2} would also reach 6, but the third state values the good below its cost.
    """

    def __init__(
        self,
        capacities: Any,
        costs: Any,
        values: Any,
        requirement: float,
        *,
        players: Sequence[str] | None = None,
        cap_tol: float = 1e-9,
    ) -> None:
        w = as_real_array(capacities, "capacities", ndim=1)
        n = check_positive_int(w.size, "number of players (len(capacities))", minimum=2)
        c = as_real_array(costs, "costs", ndim=1)
        v = as_real_array(values, "values", ndim=1)
        for name, arr in (("costs", c), ("values", v)):
            if arr.shape != (n,):
                raise ValueError(f"{name} must have one entry per player ({n}); got {arr.size}")
        if np.any(w <= 0):
            raise ValueError(f"capacities must be positive; got {w.tolist()}")
        if np.any(c <= 0):
            raise ValueError(f"costs must be positive (a cost of zero or less makes contributing free); "
                             f"got {c.tolist()}")
        if np.any(v < 0):
            raise ValueError(f"values must be non-negative; got {v.tolist()}")
        if np.ndim(requirement) != 0:
            raise TypeError(f"requirement must be a number; got {type(requirement).__name__} {requirement!r}")
        r = float(as_real_array([requirement], "requirement")[0])
        cap_tol = check_nonnegative(cap_tol, "cap_tol")
        if not 0 < r <= w.sum() + cap_tol:
            raise ValueError(f"requirement must be in (0, sum(capacities)] = (0, {w.sum():g}]; got {requirement}")
        if cap_tol >= r:
            raise ValueError(f"cap_tol must be smaller than the requirement ({r:g}), or nobody contributing would "
                             f"provide the good; got {cap_tol:g}")
        self.capacities, self.costs, self.values, self.requirement = w, c, v, r
        self.num_players = n
        self.cap_tol = float(cap_tol)
        self.players = tuple(str(p) for p in players) if players is not None else tuple(
            f"Player {i + 1}" for i in range(n))
        if len(self.players) != n:
            raise ValueError(f"players must name {n} players; got {len(self.players)}")
        self.actions = (("out", "in"),) * n

    def __repr__(self) -> str:
        return (f"<ThresholdGame: {self.num_players} players, requirement {self.requirement:g} "
                f"of {self.capacities.sum():g}>")

    # ------------------------------------------------------------------------------------------ payoffs
    def _mask(self, contributors: Any) -> np.ndarray:
        arr = np.asarray(contributors)
        if arr.dtype == bool:
            if arr.shape != (self.num_players,):
                raise ValueError(f"contributors must be player indices in 0..{self.num_players - 1} or a "
                                 f"boolean mask of length {self.num_players}; got a boolean array of shape {arr.shape}")
            return arr.copy()
        mask = np.zeros(self.num_players, dtype=bool)
        for i in np.ravel(arr).tolist():
            if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < self.num_players:
                raise ValueError(f"contributors must be player indices in 0..{self.num_players - 1} or a boolean "
                                 f"mask; got {i!r}")
            if mask[i]:
                raise ValueError(f"contributors lists player {i} twice: {np.ravel(arr).tolist()}; give distinct "
                                 "player indices (e.g. [0, 2]) or a boolean mask of length "
                                 f"{self.num_players} (e.g. [True, False, True]); a 0/1 int list is read as indices")
            mask[i] = True
        return mask

    def provided(self, contributors: Any) -> bool:
        """Whether the contributors' capacities reach the requirement."""
        return bool(self.capacities[self._mask(contributors)].sum() >= self.requirement - self.cap_tol)

    def payoffs(self, contributors: Any) -> np.ndarray:
        """Each player's payoff when the players in ``contributors`` contribute.

        ``contributors`` is either distinct player indices (ints: ``[0, 2]``) or a boolean mask of length
        ``num_players`` (``[True, False, True]``). A list of ints is always read as indices, so ``[1, 0, 1]``
        (a 0/1 list meant as a mask) is refused: it names player 1 twice.

        Examples
        --------
        >>> g = ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 0.5], requirement=6)
        >>> g.payoffs([0, 1]).tolist()
        [3.0, 3.0, 0.5]
        >>> g.payoffs([True, True, False]).tolist()
        [3.0, 3.0, 0.5]
        >>> g.payoffs([1, 0, 1])
        Traceback (most recent call last):
        ...
        ValueError: contributors lists player 1 twice: [1, 0, 1]; give distinct player indices (e.g. [0, 2]) or ...
        """
        s = self._mask(contributors)
        return self.values * self.provided(s) - self.costs * s

    def regrets(self, contributors: Any) -> np.ndarray:
        """Each player's gain from switching its own action (0 or less means no gain).

        Examples
        --------
        >>> g = ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 0.5], requirement=6)
        >>> g.regrets([0, 1, 2]).tolist()   # only the largest is pivotal
        [0.0, 1.0, 1.0]
        """
        s = self._mask(contributors)
        now = self.payoffs(s)
        out = np.empty(self.num_players)
        for i in range(self.num_players):
            alt = s.copy()
            alt[i] = not alt[i]
            out[i] = max(self.payoffs(alt)[i] - now[i], 0.0)
        return out

    @property
    def payoff_scale(self) -> float:
        """The payoff range tolerances are relative to: the largest ``value + cost`` (a player's payoffs span
        ``-cost`` to ``value``).

        Examples
        --------
        >>> ThresholdGame([5, 3], costs=[1, 2], values=[4, 4], requirement=6).payoff_scale
        6.0
        """
        return float((self.values + self.costs).max())

    def regret(self, profile: Any) -> float:
        """The largest gain any player gets by switching alone, from the profile where ``profile`` (player
        indices or a boolean mask) contribute.

        Examples
        --------
        >>> g = ThresholdGame([5, 3], costs=[1, 1], values=[4, 4], requirement=6)
        >>> g.regret([0, 1]), g.regret([0])   # alone, player 0 pays 1 for nothing; player 1 would gain 4 - 1 - 0
        (0.0, 3.0)
        """
        return float(max(self.regrets(profile).max(), 0.0))

    def is_equilibrium(self, contributors: Any, tol: float = 1e-9) -> bool:
        """Whether no player gains more than ``tol`` by switching."""
        tol = check_nonnegative(tol, "tol")
        return bool(self.regrets(contributors).max() <= tol)

    # ------------------------------------------------------------------------------------------ structure
    def willing(self) -> np.ndarray:
        """Indices of players whose value of the good covers their cost (the only possible contributors)."""
        return np.flatnonzero(self.values >= self.costs)

    def no_provision_is_equilibrium(self) -> bool:
        """True when nobody contributing is an equilibrium (no one can and would provide alone).

        Examples
        --------
        >>> ThresholdGame([5, 3], [1, 1], [4, 4], requirement=5).no_provision_is_equilibrium()
        False
        """
        alone = self.capacities >= self.requirement - self.cap_tol
        return not bool(np.any(alone & (self.values > self.costs)))

    def _sorted_willing(self) -> np.ndarray:
        idx = self.willing()
        return idx[np.argsort(-self.capacities[idx], kind="stable")]

    def minimal_coalitions(self, limit: int | None = None) -> Iterator[tuple[int, ...]]:
        """The provision equilibria: minimal winning coalitions of willing players, as sorted index tuples.

        A depth-first search over willing players sorted by capacity: a branch stops as soon as it reaches
        the requirement (any extension has a non-pivotal member) or when the remaining players cannot
        reach it. Stops after ``limit`` coalitions when given.

        Examples
        --------
        >>> g = ThresholdGame([3, 2, 2, 1], [1, 1, 1, 1], [2, 2, 2, 2], requirement=4)
        >>> sorted(g.minimal_coalitions())
        [(0, 1), (0, 2), (0, 3), (1, 2)]
        >>> next(g.minimal_coalitions(limit=0))
        Traceback (most recent call last):
        ...
        ValueError: limit must be a positive integer or None; got 0
        """
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 1:
                raise ValueError(f"limit must be a positive integer or None; got {limit!r}")
            limit = int(limit)
        return self._search(limit, None)

    def _search(self, limit: int | None, max_steps: int | None) -> Iterator[tuple[int, ...]]:
        """The search of :meth:`minimal_coalitions`; raises ValueError after ``max_steps`` candidates examined."""
        order = self._sorted_willing()
        w = self.capacities[order]
        r = self.requirement - self.cap_tol
        suffix = np.concatenate([np.cumsum(w[::-1])[::-1], [0.0]])
        found = steps = 0
        stack: list[tuple[int, float, tuple[int, ...]]] = [(0, 0.0, ())]
        while stack:
            start, total, chosen = stack.pop()
            steps += len(w) - start    # the candidates this branch examines
            if max_steps is not None and steps > max_steps:
                raise ValueError(f"listing the provision equilibria took more than max_work={max_steps} search steps")
            if total + suffix[start] < r:
                continue
            for j in range(len(w) - 1, start - 1, -1):   # reversed so that pops come in index order
                new = total + w[j]
                if new >= r:
                    if new - w[j] < r:      # w[j] is the smallest member: every member is pivotal
                        yield tuple(sorted(int(order[i]) for i in chosen + (j,)))
                        found += 1
                        if limit is not None and found >= limit:
                            return
                else:
                    stack.append((j + 1, new, chosen + (j,)))

    def count_provision_equilibria(self, *, max_work: int = MAX_SEARCH_STEPS) -> int:
        """How many provision equilibria there are, without listing them.

        When the capacities and the requirement are integers, or decimals that become integers on a common
        scale (``0.5`` and ``2.25`` on quarters), the count is a dynamic program over capacity sums
        (``O(n * R)`` on that scale, vectorised). Otherwise the search of :meth:`minimal_coalitions` is run
        to the end, and refused after ``max_work`` steps.

        Examples
        --------
        With 40 equal players and 20 needed, every 20-player coalition is one: ``C(40, 20)``.

        >>> g = ThresholdGame([1] * 40, [1] * 40, [2] * 40, requirement=20)
        >>> g.count_provision_equilibria() == 137846528820
        True
        """
        max_work = check_positive_int(max_work, "max_work")
        w = self.capacities[self._sorted_willing()]
        grid = self._integer_grid(w)
        if grid is not None:
            return _count_by_sums(*grid)
        try:
            return sum(1 for _ in self._search(None, max_work))
        except ValueError:
            raise ValueError(
                f"counting the provision equilibria of these {self.num_players} players needs more than "
                f"max_work={max_work} "
                "search steps: the fast count needs capacities and a requirement that are integers (or short "
                "decimals); use minimal_coalitions(), which yields them one at a time, or round the capacities"
            ) from None

    def _integer_grid(self, w: np.ndarray) -> tuple[list[int], int] | None:
        """Capacities and requirement as integers on a common scale, if the dynamic program is affordable."""
        values = [Fraction(repr(float(x))) for x in w] + [Fraction(repr(self.requirement))]
        scale = 1
        for v in values:
            scale = math.lcm(scale, v.denominator)
            if scale > 10**9:
                return None
        if self.cap_tol * scale >= 1:   # the slack would admit sums one grid step short: not the same game
            return None
        big_r = int(values[-1] * scale)
        if big_r * max(len(w), 1) > MAX_DP_CELLS:
            return None
        return [int(v * scale) for v in values[:-1]], big_r

    def pure_equilibria(self, *, limit: int = 100_000, tol: float = 1e-9) -> EquilibriumSet:
        """Every pure Nash equilibrium, found by structure and each verified by its regrets.

        Parameters
        ----------
        limit : int
            Refuse (with the count) when there are more provision equilibria than this.
        tol : float
            Absolute regret tolerance of the verification.

        Examples
        --------
        >>> g = ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 4], requirement=6)
        >>> [tuple(eq.supports[i][0] for i in range(3)) for eq in g.pure_equilibria()]
        [(0, 0, 0), (1, 1, 0), (1, 0, 1)]
        """
        limit = check_positive_int(limit, "limit")
        tol = check_nonnegative(tol, "tol")
        coalitions = sorted(self.minimal_coalitions(limit=limit + 1), key=lambda s: (len(s), s))
        if len(coalitions) > limit:
            try:
                total = f"{self.count_provision_equilibria(max_work=500_000)} in all"
            except ValueError:
                total = "too many to count quickly"
            raise ValueError(f"this game has more than limit={limit} provision equilibria ({total}); use "
                             "count_provision_equilibria() or minimal_coalitions(), which yields them one at a time")
        candidates = ([()] if self.no_provision_is_equilibrium() else []) + coalitions
        items, rejected = [], 0
        for s in candidates:
            mask = self._mask(list(s))
            regret = float(self.regrets(mask).max())
            if regret > tol:
                rejected += 1
                continue
            profile = tuple(np.array([0.0, 1.0]) if m else np.array([1.0, 0.0]) for m in mask)
            items.append(Equilibrium(profile=profile, payoffs=self.payoffs(mask), regret=regret,
                                     method="threshold structure", exact=False, tol=tol, labels=self.actions))
        return EquilibriumSet(items, method="threshold structure", complete=True, rejected=rejected,
                              note="every pure equilibrium (minimal willing coalitions and no provision)")

    def to_normal_form(self, max_players: int = 16):
        """The full ``2**n`` normal form, for checking on small games.

        Examples
        --------
        >>> ThresholdGame([1, 1], [1, 1], [2, 2], requirement=1).to_normal_form().payoffs[1, 0].tolist()
        [1.0, 2.0]
        """
        from .normal_form import NormalFormGame

        if self.num_players > max_players:
            raise ValueError(f"the normal form of {self.num_players} players has 2**{self.num_players} profiles (limit "
                             f"max_players={max_players}); use pure_equilibria(), which works by structure")
        profiles = np.indices((2,) * self.num_players).reshape(self.num_players, -1).T.astype(bool)
        provided = profiles @ self.capacities >= self.requirement - self.cap_tol
        pay = provided[:, None] * self.values[None, :] - profiles * self.costs[None, :]
        return NormalFormGame(pay.reshape((2,) * self.num_players + (self.num_players,)), players=self.players,
                              actions=self.actions)


def _count_by_sums(weights: list[int], big_r: int) -> int:
    """Subsets of ``weights`` (sorted decreasingly) reaching ``big_r`` in which the smallest member is pivotal.

    ``ways[s]`` counts the subsets of the heavier players with sum ``s < big_r``; each player, taken as the
    smallest member, closes every such subset with ``s >= big_r - w``.
    """
    dtype = np.int64 if len(weights) <= 62 else object   # counts stay below 2**n
    ways = np.zeros(big_r, dtype=dtype)
    ways[0] = 1
    total = 0
    for wj in weights:
        total += int(ways[max(big_r - wj, 0):].sum())
        if wj < big_r:
            ways[wj:] = ways[wj:] + ways[:big_r - wj]
    return total


@register_solver("threshold", game_type=ThresholdGame, rank=0, finds="all pure", tol_zero=True,
                 auto=lambda game: True,
                 summary="minimal willing coalitions (and no provision), no 2^n table")
def threshold_equilibria(game: ThresholdGame, *, tol: float = 1e-9, exact: bool = False,
                         limit: int = 100_000) -> EquilibriumSet:
    """:meth:`ThresholdGame.pure_equilibria` behind :func:`games.equilibria` (``tol`` relative to the payoff scale).

    Examples
    --------
    >>> import games
    >>> g = ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 0.5], requirement=6)
    >>> [eq.pure_actions() for eq in games.equilibria(g)]
    [('out', 'out', 'out'), ('in', 'in', 'out')]
    """
    return game.pure_equilibria(limit=limit, tol=check_tolerance(tol) * game.payoff_scale)
