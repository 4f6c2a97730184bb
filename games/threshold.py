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

from typing import Any, Iterator, Sequence

import numpy as np

from ._validation import as_real_array, check_positive_int
from .equilibrium import Equilibrium, EquilibriumSet

__all__ = ["ThresholdGame"]


class ThresholdGame:
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
            raise ValueError(f"costs must be positive (a cost of zero or less makes contributing free); got {c.tolist()}")
        if np.any(v < 0):
            raise ValueError(f"values must be non-negative; got {v.tolist()}")
        r = float(as_real_array([requirement], "requirement")[0])
        if not 0 < r <= w.sum() + cap_tol:
            raise ValueError(f"requirement must be in (0, sum(capacities)] = (0, {w.sum():g}]; got {requirement}")
        self.capacities, self.costs, self.values, self.requirement = w, c, v, r
        self.n = n
        self.cap_tol = float(cap_tol)
        self.players = tuple(str(p) for p in players) if players is not None else tuple(
            f"Player {i + 1}" for i in range(n))
        if len(self.players) != n:
            raise ValueError(f"players must name {n} players; got {len(self.players)}")
        self.actions = (("out", "in"),) * n

    def __repr__(self) -> str:
        return f"<ThresholdGame: {self.n} players, requirement {self.requirement:g} of {self.capacities.sum():g}>"

    # ------------------------------------------------------------------------------------------ payoffs
    def _mask(self, contributors: Any) -> np.ndarray:
        arr = np.asarray(contributors)
        if arr.dtype == bool and arr.shape == (self.n,):
            return arr.copy()
        mask = np.zeros(self.n, dtype=bool)
        for i in np.ravel(arr).tolist():
            if not isinstance(i, int) or not 0 <= i < self.n:
                raise ValueError(f"contributors must be player indices in 0..{self.n - 1} or a boolean mask; got {i!r}")
            mask[i] = True
        return mask

    def provided(self, contributors: Any) -> bool:
        """Whether the contributors' capacities reach the requirement."""
        return bool(self.capacities[self._mask(contributors)].sum() >= self.requirement - self.cap_tol)

    def payoffs(self, contributors: Any) -> np.ndarray:
        """Each player's payoff when the players in ``contributors`` (indices or a mask) contribute.

        Examples
        --------
        >>> g = ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 0.5], requirement=6)
        >>> g.payoffs([0, 1]).tolist()
        [3.0, 3.0, 0.5]
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
        out = np.empty(self.n)
        for i in range(self.n):
            alt = s.copy()
            alt[i] = not alt[i]
            out[i] = max(self.payoffs(alt)[i] - now[i], 0.0)
        return out

    def is_equilibrium(self, contributors: Any, tol: float = 1e-9) -> bool:
        """Whether no player gains more than ``tol`` by switching."""
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
        """
        order = self._sorted_willing()
        w = self.capacities[order]
        r = self.requirement - self.cap_tol
        suffix = np.concatenate([np.cumsum(w[::-1])[::-1], [0.0]])
        found = 0
        stack: list[tuple[int, float, tuple[int, ...]]] = [(0, 0.0, ())]
        while stack:
            start, total, chosen = stack.pop()
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

    def count_provision_equilibria(self) -> int:
        """How many provision equilibria there are, without listing them.

        Dynamic programming over capacity sums for integer capacities and requirement
        (``O(n * R)``); otherwise the search of :meth:`minimal_coalitions` is run to the end.

        Examples
        --------
        With 40 equal players and 20 needed, every 20-player coalition is one: ``C(40, 20)``.

        >>> g = ThresholdGame([1] * 40, [1] * 40, [2] * 40, requirement=20)
        >>> g.count_provision_equilibria() == 137846528820
        True
        """
        w = self.capacities[self._sorted_willing()]
        r = self.requirement
        integral = np.all(w == np.round(w)) and float(r) == round(r) and self.cap_tol < 1
        if not integral or r > 10_000_000:
            return sum(1 for _ in self.minimal_coalitions())
        big_r = int(round(r))
        ways = [0] * big_r          # ways[s]: subsets of the heavier players with capacity sum s < R
        ways[0] = 1
        total = 0
        for wj in (int(round(x)) for x in w):
            total += sum(ways[max(big_r - wj, 0):big_r])   # this player is the smallest member
            for s in range(big_r - 1, wj - 1, -1):
                ways[s] += ways[s - wj]
        return total

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
        coalitions = sorted(self.minimal_coalitions(limit=limit + 1), key=lambda s: (len(s), s))
        if len(coalitions) > limit:
            raise ValueError(f"this game has more than limit={limit} provision equilibria "
                             f"({self.count_provision_equilibria()} in all); use count_provision_equilibria() "
                             "or minimal_coalitions(), which yields them one at a time")
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

        if self.n > max_players:
            raise ValueError(f"the normal form of {self.n} players has 2**{self.n} profiles (limit "
                             f"max_players={max_players}); use pure_equilibria(), which works by structure")
        profiles = np.indices((2,) * self.n).reshape(self.n, -1).T.astype(bool)
        provided = profiles @ self.capacities >= self.requirement - self.cap_tol
        pay = provided[:, None] * self.values[None, :] - profiles * self.costs[None, :]
        return NormalFormGame(pay.reshape((2,) * self.n + (self.n,)), players=self.players,
                              actions=self.actions)
