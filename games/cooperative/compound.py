"""Compound voting rules: a coalition wins when it wins under every one of several weighted rules.

Many councils combine rules — "nine votes, including the five permanent members" (the UN Security Council),
a majority of states that also holds a majority of the population (double majorities). The intersection of
weighted voting games is a simple game that need not be weighted itself. Power indices are counted by
dynamic programming over the vector of each rule's weight sum (capped at its quota, where nothing changes)
and the coalition size; members with the same weights in every rule share their index, so each class costs
one programme over the other members.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .coalitions import coalition_indices
from .voting import WeightedVotingGame

if TYPE_CHECKING:  # pragma: no cover
    from .tu import TUGame

__all__ = ["CompoundVotingGame", "MAX_STATES"]

#: Largest number of (weight-sum vector, size) states the programme may visit, summed over member classes.
MAX_STATES = 20_000_000


class CompoundVotingGame:
    """A coalition wins when it wins every component weighted game (all on the same players).

    Parameters
    ----------
    rules : sequence of WeightedVotingGame
        The component rules, each over the same number of players.
    players : sequence of str, optional
        Player labels (default: those of the first rule).

    Examples
    --------
    The Security Council's rule written as two rules: the five permanent members all vote yes, and nine of the
    fifteen do.

    >>> permanent = WeightedVotingGame([1] * 5 + [0] * 10, 5)
    >>> nine = WeightedVotingGame.qualified_majority(15, 9)
    >>> council = permanent & nine
    >>> council.shapley_shubik()[5]                     # equals the weighted form [39; 7 x 5, 1 x 10]
    Fraction(4, 2145)
    """

    def __init__(self, rules: Sequence[WeightedVotingGame], players: Sequence[str] | None = None) -> None:
        rules = list(rules)
        if not rules or not all(isinstance(r, WeightedVotingGame) for r in rules):
            raise TypeError("rules must be a non-empty sequence of WeightedVotingGame")
        n = rules[0].num_players
        if any(r.num_players != n for r in rules):
            raise ValueError(f"rules must all have the same players; got sizes {[r.num_players for r in rules]}")
        self._rules = tuple(rules)
        labels = tuple(str(p) for p in players) if players is not None else rules[0].players
        if len(labels) != n or len(set(labels)) != n:
            raise ValueError(f"players must be {n} distinct labels; got {list(labels)}")
        self._players = labels

    @property
    def num_players(self) -> int:
        """Number of players."""
        return len(self._players)

    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    @property
    def rules(self) -> tuple[WeightedVotingGame, ...]:
        """The component weighted games."""
        return self._rules

    def __and__(self, other: WeightedVotingGame | CompoundVotingGame) -> CompoundVotingGame:
        more = other.rules if isinstance(other, CompoundVotingGame) else (other,)
        return CompoundVotingGame([*self._rules, *more], self._players)

    def __repr__(self) -> str:
        return f"CompoundVotingGame({list(self._rules)})"

    def is_winning(self, coalition: Iterable[Any]) -> bool:
        """Whether ``coalition`` (indices or labels) wins under every rule.

        Examples
        --------
        >>> g = WeightedVotingGame([1, 1, 0], 2) & WeightedVotingGame([1, 1, 1], 3)
        >>> g.is_winning([0, 1]), g.is_winning([0, 1, 2])
        (False, True)
        """
        members = coalition_indices(coalition, self._players)
        return all(r.is_winning(members) for r in self._rules)

    def value(self, coalition: Iterable[Any]) -> int:
        """1 for a winning coalition, 0 for a losing one.

        Examples
        --------
        >>> (WeightedVotingGame([1, 1], 1) & WeightedVotingGame([1, 1], 2)).value([0])
        0
        """
        return int(self.is_winning(coalition))

    def to_tu_game(self) -> TUGame:
        """The simple TU game ``v(S) = 1`` if ``S`` wins (refused beyond ``games.cooperative.MAX_PLAYERS``).

        Examples
        --------
        >>> (WeightedVotingGame([1, 1], 1) & WeightedVotingGame([2, 1], 2)).to_tu_game().shapley_value()
        (Fraction(1, 1), Fraction(0, 1))
        """
        from .tu import TUGame

        return TUGame.from_function(self.num_players, lambda S: self.value(S), players=self._players)

    def veto_players(self) -> tuple[int, ...]:
        """Players without whom no coalition wins (a veto player of any component rule).

        Examples
        --------
        >>> (WeightedVotingGame([1] * 5 + [0] * 10, 5) & WeightedVotingGame.qualified_majority(15, 9)).veto_players()
        (0, 1, 2, 3, 4)
        """
        return tuple(sorted({i for r in self._rules for i in r.veto_players()}))

    # ------------------------------------------------------------------ power indices
    def _classes(self) -> dict[tuple[int, ...], list[int]]:
        classes: dict[tuple[int, ...], list[int]] = defaultdict(list)
        for i in range(self.num_players):
            classes[tuple(r.weights[i] for r in self._rules)].append(i)
        return classes

    def _swing_table(self) -> dict[tuple[int, ...], list[int]]:
        """For each class of members: the number of swings by coalition size of the others."""
        quotas = tuple(r.quota for r in self._rules)
        n = self.num_players
        classes = self._classes()
        states = math.prod(q + 1 for q in quotas) * (n + 1) * len(classes)
        if states > MAX_STATES:
            raise ValueError(f"the compound rule's programme could visit {states} states (more than {MAX_STATES}); "
                             "use smaller integer weights and quotas, or the weighted form if the rule has one")
        weights = [tuple(r.weights[i] for r in self._rules) for i in range(n)]
        out = {}
        for key, members in classes.items():
            skip = members[0]
            dist: dict[tuple[tuple[int, ...], int], int] = {(tuple(0 for _ in quotas), 0): 1}
            for j in range(n):
                if j == skip:
                    continue
                w = weights[j]
                new = dict(dist)
                for (sums, k), c in dist.items():
                    t = (tuple(min(q, s + x) for s, x, q in zip(sums, w, quotas)), k + 1)
                    new[t] = new.get(t, 0) + c
                dist = new
            by_size = [0] * n
            for (sums, k), c in dist.items():
                wins_with = all(min(q, s + x) >= q for s, x, q in zip(sums, key, quotas))
                wins_without = all(s >= q for s, q in zip(sums, quotas))
                if wins_with and not wins_without:
                    by_size[k] += c
            out[key] = by_size
        return out

    def swings(self) -> tuple[int, ...]:
        """For each player, the number of coalitions of the others it turns from losing to winning.

        Examples
        --------
        >>> (WeightedVotingGame([1, 0, 0], 1) & WeightedVotingGame([1, 1, 1], 2)).swings()    # A: {B}, {C}, {B, C}
        (3, 1, 1)
        """
        table = self._swing_table()
        return tuple(sum(table[tuple(r.weights[i] for r in self._rules)]) for i in range(self.num_players))

    def banzhaf(self, normalized: bool = True) -> tuple[Fraction, ...]:
        """Banzhaf index: swings over the total of all swings (``normalized``) or over ``2^(n-1)``.

        Examples
        --------
        >>> (WeightedVotingGame([1, 0, 0], 1) & WeightedVotingGame([1, 1, 1], 2)).banzhaf()
        (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
        """
        s = self.swings()
        denom = sum(s) if normalized else 2 ** (self.num_players - 1)
        return tuple(Fraction(x, denom) for x in s)

    def shapley_shubik(self) -> tuple[Fraction, ...]:
        """Shapley-Shubik index: the share of voting orders in which each player casts the deciding vote.

        Examples
        --------
        >>> (WeightedVotingGame([1, 0, 0], 1) & WeightedVotingGame([1, 1, 1], 2)).shapley_shubik()
        (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
        """
        n = self.num_players
        coef = [math.factorial(k) * math.factorial(n - 1 - k) for k in range(n)]
        table = self._swing_table()
        nfact = math.factorial(n)
        return tuple(Fraction(sum(c * x for c, x in zip(coef, table[tuple(r.weights[i] for r in self._rules)])),
                              nfact) for i in range(n))
