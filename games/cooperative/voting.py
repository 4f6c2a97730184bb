"""Weighted voting games: exact Shapley-Shubik and Banzhaf power indices by generating functions.

A weighted voting game ``[q; w_1, ..., w_n]`` lets a coalition win when its members' weights reach the quota
``q``. Both power indices count *swings*: coalitions ``S`` of the other players with ``q - w_i <= w(S) < q``,
which player ``i`` turns from losing into winning. The counts come from the generating function
``prod_j (1 + x y^{w_j})`` (``x`` counts members, ``y`` adds weights), truncated at weight ``q - 1``. Its
coefficients are exact Python integers: the polynomial is packed into one big integer (one fixed-width slot
per coefficient), so multiplying by ``1 + x y^w`` is a shift and an addition done in C. Player ``i``'s own
factor is removed by the alternating series ``1 / (1 + x y^w) = sum_j (-x y^w)^j``, whose terms fall into
disjoint weight windows, so each player costs one pass over prefix sums. Players of equal weight share
their index. Nothing enumerates the ``2^n`` coalitions: 200 members with small weights take well under a
second.

Shapley and Shubik (1954): player ``i``'s index is the share of the ``n!`` voting orders in which ``i`` casts
the deciding vote, ``sum_k k! (n-1-k)! / n! * #{swings of size k}``. Banzhaf (1965): the number of swings,
divided by ``2^(n-1)`` (raw) or by the total number of swings (normalised).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from functools import cached_property
from itertools import combinations
from numbers import Integral, Rational, Real
from typing import TYPE_CHECKING, Any

import numpy as np

from ..numeric import to_fraction
from ..validation import check_positive_int
from .coalitions import coalition_indices

if TYPE_CHECKING:  # pragma: no cover
    from .tu import TUGame

__all__ = ["WeightedVotingGame", "MAX_PACKED_BITS", "MAX_MINIMAL_WINNING", "brute_force_power"]

#: Largest packed generating function (bits) :meth:`WeightedVotingGame.shapley_shubik` builds.
MAX_PACKED_BITS = 2_000_000_000
#: Default limit on the number of minimal winning coalitions listed.
MAX_MINIMAL_WINNING = 100_000


def _as_integer_weights(weights: Any, quota: Any) -> tuple[tuple[int, ...], int, int]:
    """Integer weights and quota (rationals scaled by the common denominator), and that denominator."""
    if isinstance(weights, (str, bytes)) or not isinstance(weights, (Sequence, np.ndarray)):
        raise TypeError(f"weights must be a sequence of non-negative numbers; got {type(weights).__name__}")
    if len(weights) == 0:
        raise ValueError("weights must name at least one player; got an empty sequence")
    exact = []
    for i, w in enumerate(weights):
        if isinstance(w, (bool, np.bool_)) or not isinstance(w, (Real, np.number)):
            raise TypeError(f"weights[{i}] must be a number; got {type(w).__name__} {w!r}")
        if isinstance(w, (Integral, np.integer, Rational)):
            f = to_fraction(w, f"weights[{i}]")
        else:
            f = float(w)
            if not math.isfinite(f) or not f.is_integer():
                raise ValueError(f"weights[{i}] must be an integer or a Fraction (the indices are exact); got {w!r}; "
                                 "pass Fraction weights for rational ones")
            f = Fraction(int(f))
        if f < 0:
            raise ValueError(f"weights[{i}] must be >= 0; got {w}")
        exact.append(f)
    if isinstance(quota, (bool, np.bool_)) or not isinstance(quota, (Real, np.number)):
        raise TypeError(f"quota must be a number; got {type(quota).__name__} {quota!r}")
    q = to_fraction(quota, "quota")
    total = sum(exact)
    if not 0 < q <= total:
        raise ValueError(f"quota must lie in (0, total weight = {total}]; got {quota}")
    scale = math.lcm(*(f.denominator for f in exact), q.denominator)
    ints = tuple(int(f * scale) for f in exact)
    return ints, math.ceil(q * scale), scale


class WeightedVotingGame:
    """A weighted voting game ``[quota; weights]``: a coalition wins when its weight reaches ``quota``.

    Parameters
    ----------
    weights : sequence of int or Fraction
        Each player's (non-negative) voting weight. Rational weights are scaled to integers; floats must be
        whole numbers.
    quota : int or Fraction
        Weight a coalition needs to win, in ``(0, sum(weights)]``.
    players : sequence of str, optional
        Player labels (default ``"P1"``, ``"P2"``, ...).

    Examples
    --------
    The UN Security Council since 1965: five permanent members of weight 7, ten elected members of weight 1,
    quota 39 (all five permanent members and at least four others).

    >>> unsc = WeightedVotingGame([7] * 5 + [1] * 10, 39)
    >>> ss = unsc.shapley_shubik()
    >>> ss[0], ss[5]                       # 4/2145 = C(9,3) 8! 6! / 15! for an elected member
    (Fraction(421, 2145), Fraction(4, 2145))
    >>> unsc.veto_players()
    (0, 1, 2, 3, 4)
    >>> WeightedVotingGame([1, 2], 4)
    Traceback (most recent call last):
    ...
    ValueError: quota must lie in (0, total weight = 3]; got 4
    """

    def __init__(self, weights: Sequence[Any], quota: Any, players: Sequence[str] | None = None) -> None:
        self._weights, self._quota, self._scale = _as_integer_weights(weights, quota)
        n = len(self._weights)
        if players is None:
            players = [f"P{i + 1}" for i in range(n)]
        players = [str(p) for p in players]
        if len(players) != n:
            raise ValueError(f"players must have one label per weight ({n}); got {len(players)}")
        if len(set(players)) != n:
            raise ValueError(f"players must be distinct labels; got {players}")
        self._players = tuple(players)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def unanimity(cls, n: int, players: Sequence[str] | None = None) -> WeightedVotingGame:
        """Every one of ``n`` members must agree (consensus: each member holds a veto).

        Examples
        --------
        >>> WeightedVotingGame.unanimity(4).shapley_shubik()[0]
        Fraction(1, 4)
        """
        n = check_positive_int(n, "n")
        return cls([1] * n, n, players)

    @classmethod
    def qualified_majority(cls, n: int, votes: int, players: Sequence[str] | None = None) -> WeightedVotingGame:
        """One vote each; ``votes`` of the ``n`` members must agree.

        Examples
        --------
        >>> WeightedVotingGame.qualified_majority(5, 3).is_winning([0, 2, 4])
        True
        """
        n = check_positive_int(n, "n")
        votes = check_positive_int(votes, "votes")
        if votes > n:
            raise ValueError(f"votes must be between 1 and n ({n}); got {votes}")
        return cls([1] * n, votes, players)

    @classmethod
    def with_vetoes(cls, vetoes: int, others: int, votes: int,
                    players: Sequence[str] | None = None) -> WeightedVotingGame:
        """``votes`` of ``vetoes + others`` members must agree, the ``vetoes`` members (listed first) all among them.

        Written as a weighted game: each veto member gets weight ``a = others - votes + vetoes + 1`` (so that
        all the others together cannot replace one of them), every other member weight 1, and the quota is
        ``vetoes * a + votes - vetoes``. The UN Security Council since 1965 (5 vetoes, 10 others, 9 votes) is
        ``[39; 7, 7, 7, 7, 7, 1, ..., 1]``; in 1954 (5, 6, 7 votes) it is ``[27; 5, 5, 5, 5, 5, 1, ..., 1]``.

        Examples
        --------
        >>> g = WeightedVotingGame.with_vetoes(5, 10, 9)
        >>> g.weights[:6], g.quota
        ((7, 7, 7, 7, 7, 1), 39)
        """
        vetoes = check_positive_int(vetoes, "vetoes")
        others = check_positive_int(others, "others", minimum=0)
        votes = check_positive_int(votes, "votes")
        if not vetoes <= votes <= vetoes + others:
            raise ValueError(f"votes must be between vetoes ({vetoes}) and vetoes + others ({vetoes + others}); "
                             f"got {votes}")
        a = others - votes + vetoes + 1
        return cls([a] * vetoes + [1] * others, vetoes * a + votes - vetoes, players)

    # ------------------------------------------------------------------ protocol
    @property
    def num_players(self) -> int:
        """Number of players."""
        return len(self._weights)

    @property
    def players(self) -> tuple[str, ...]:
        """Player labels."""
        return self._players

    @property
    def weights(self) -> tuple[int, ...]:
        """Integer weights (rational input scaled by the common denominator)."""
        return self._weights

    @property
    def quota(self) -> int:
        """Integer quota on the scale of :attr:`weights`."""
        return self._quota

    def coalition_indices(self, coalition: Iterable[Any]) -> frozenset[int]:
        """The player indices of ``coalition`` (indices or labels), checked.

        Examples
        --------
        >>> sorted(WeightedVotingGame([1, 1, 1], 2, players=["A", "B", "C"]).coalition_indices(["A", 2]))
        [0, 2]
        """
        return coalition_indices(coalition, self._players)

    def is_winning(self, coalition: Iterable[Any]) -> bool:
        """Whether the weight of ``coalition`` (indices or labels) reaches the quota.

        Examples
        --------
        >>> WeightedVotingGame([3, 2, 1], 4).is_winning([1, 2])
        False
        """
        return sum(self._weights[i] for i in self.coalition_indices(coalition)) >= self._quota

    def value(self, coalition: Iterable[Any]) -> int:
        """1 for a winning coalition, 0 for a losing one (the simple game's characteristic function).

        Examples
        --------
        >>> WeightedVotingGame([3, 2, 1], 4).value([0, 2])
        1
        """
        return int(self.is_winning(coalition))

    def to_tu_game(self) -> TUGame:
        """The simple TU game ``v(S) = 1`` if ``S`` wins, else 0 (refused beyond ``games.cooperative.MAX_PLAYERS``).

        Examples
        --------
        >>> WeightedVotingGame([2, 1, 1], 3).to_tu_game().shapley_value()
        (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
        """
        from .tu import TUGame

        w = np.asarray(self._weights, dtype=object)
        return TUGame.from_function(self.num_players, lambda S: int(sum(w[list(S)]) >= self._quota),
                                    players=self._players)

    def __repr__(self) -> str:
        return f"WeightedVotingGame(weights={list(self._weights)}, quota={self._quota})"

    def __and__(self, other: Any) -> Any:
        """The compound rule: a coalition wins when it wins both games (:class:`CompoundVotingGame`)."""
        from .compound import CompoundVotingGame

        if isinstance(other, CompoundVotingGame):
            return CompoundVotingGame([self, *other.rules], self._players)
        if not isinstance(other, WeightedVotingGame):
            return NotImplemented
        return CompoundVotingGame([self, other], self._players)

    # ------------------------------------------------------------------ structure
    def veto_players(self) -> tuple[int, ...]:
        """Players without whom no coalition wins (``total - w_i < quota``).

        Examples
        --------
        >>> WeightedVotingGame([3, 2, 1], 5).veto_players()      # without B only 4 < 5 remains
        (0, 1)
        """
        total = sum(self._weights)
        return tuple(i for i, w in enumerate(self._weights) if total - w < self._quota)

    def dummies(self) -> tuple[int, ...]:
        """Players who swing no coalition (zero power under both indices).

        Examples
        --------
        >>> WeightedVotingGame([2, 2, 1], 4).dummies()
        (2,)
        """
        return tuple(i for i, s in enumerate(self.swings()) if s == 0)

    def count_minimal_winning(self) -> int:
        """The number of minimal winning coalitions, counted without listing them.

        A winning coalition is minimal when its lightest member is pivotal: sort the players by weight
        (heaviest first) and count, for each player ``i`` as the lightest member, the subsets of the heavier
        players with weight in ``[q - w_i, q)``.

        Examples
        --------
        >>> WeightedVotingGame([1] * 5, 3).count_minimal_winning()     # C(5, 3)
        10
        """
        order = sorted(range(self.num_players), key=lambda i: -self._weights[i])
        q = self._quota
        counts = [0] * q
        counts[0] = 1
        total = 0
        for i in order:
            w = self._weights[i]
            if w == 0:
                continue
            total += sum(counts[max(0, q - w):q])
            for s in range(q - 1, w - 1, -1):
                counts[s] += counts[s - w]
        return total

    def minimal_winning_coalitions(self, limit: int = MAX_MINIMAL_WINNING) -> list[tuple[int, ...]]:
        """Every minimal winning coalition (each player index tuple sorted), refused beyond ``limit``.

        Examples
        --------
        >>> WeightedVotingGame([3, 2, 1, 1], 4).minimal_winning_coalitions()
        [(0, 1), (0, 2), (0, 3), (1, 2, 3)]
        >>> WeightedVotingGame([1] * 40, 20).minimal_winning_coalitions()
        Traceback (most recent call last):
        ...
        ValueError: the game has 137846528820 minimal winning coalitions, more than limit=100000; ...
        """
        limit = check_positive_int(limit, "limit")
        count = self.count_minimal_winning()
        if count > limit:
            raise ValueError(f"the game has {count} minimal winning coalitions, more than limit={limit}; count "
                             "them with count_minimal_winning() or raise limit")
        order = sorted(range(self.num_players), key=lambda i: (-self._weights[i], i))
        w = [self._weights[i] for i in order]
        suffix = [sum(w[k:]) for k in range(len(w) + 1)]
        q = self._quota
        out: list[tuple[int, ...]] = []

        def extend(start: int, chosen: list[int], weight: int) -> None:
            for k in range(start, len(w)):
                if w[k] == 0 or weight + suffix[k] < q:
                    return
                if weight + w[k] >= q:        # the lightest member so far is pivotal: minimal
                    out.append(tuple(sorted(order[j] for j in [*chosen, k])))
                else:
                    extend(k + 1, [*chosen, k], weight + w[k])

        extend(0, [], 0)
        return sorted(out)

    def pass_probability(self, probabilities: Sequence[Any]) -> Any:
        """Probability that a winning coalition votes yes when player ``i`` votes yes independently with
        ``probabilities[i]``.

        A dynamic programme over weight sums (capped at the quota): exact for Fractions, floats otherwise.

        Examples
        --------
        >>> WeightedVotingGame.unanimity(3).pass_probability([Fraction(1, 2)] * 3)      # (1/2)^3
        Fraction(1, 8)
        >>> round(WeightedVotingGame.qualified_majority(3, 2).pass_probability([0.9] * 3), 6)   # 3(.81)(.1) + .729
        0.972
        """
        if isinstance(probabilities, (str, bytes)) or len(probabilities) != self.num_players:
            raise ValueError(f"probabilities must give one probability per player ({self.num_players})")
        probs = []
        for i, p in enumerate(probabilities):
            if isinstance(p, (bool, np.bool_)) or not isinstance(p, (Real, np.number)):
                raise TypeError(f"probabilities[{i}] must be a number in [0, 1]; got {p!r}")
            if not 0 <= p <= 1:
                raise ValueError(f"probabilities[{i}] must be in [0, 1]; got {p}")
            probs.append(p if isinstance(p, (Fraction, Integral)) else float(p))
        q = self._quota
        dist: list[Any] = [1] + [0] * q            # dist[s]: P(yes weight = s), s = q means >= q
        for w, p in zip(self._weights, probs):
            new = [d * (1 - p) for d in dist]
            for s, d in enumerate(dist):
                if d:
                    t = min(q, s + w)
                    new[t] += d * p
            dist = new
        return dist[q]

    # ------------------------------------------------------------------ power indices
    @cached_property
    def _weight_prefix(self) -> list[int]:
        """Prefix sums over weight of #subsets of all players with weight s < q."""
        n, q = self.num_players, self._quota
        width = _slot_bits(n)
        # a player of weight >= q adds no subset lighter than q
        poly = _packed_product(sorted(w for w in self._weights if w < q), q, width, 0)
        counts = _unpack(poly, q, width)
        return list(np.cumsum(np.array(counts, dtype=object))) if counts else []

    def swings(self) -> tuple[int, ...]:
        """For each player, the number of coalitions of the others it turns from losing to winning.

        Examples
        --------
        >>> WeightedVotingGame([2, 1, 1], 3).swings()          # by hand: {B}, {C}, {B, C} for A; {A} for B
        (3, 1, 1)
        """
        cum = self._weight_prefix
        cache: dict[int, int] = {}
        out = []
        for w in self._weights:
            if w not in cache:
                cache[w] = _windowed(lambda t: cum[t] if t >= 0 else 0, self._quota, w)
            out.append(cache[w])
        return tuple(out)

    def banzhaf(self, normalized: bool = True) -> tuple[Fraction, ...]:
        """Banzhaf index: swings over the total of all swings (``normalized``) or over ``2^(n-1)`` (raw).

        Examples
        --------
        >>> WeightedVotingGame([2, 1, 1], 3).banzhaf()
        (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
        >>> WeightedVotingGame([2, 1, 1], 3).banzhaf(normalized=False)
        (Fraction(3, 4), Fraction(1, 4), Fraction(1, 4))
        """
        s = self.swings()
        denom = sum(s) if normalized else 2 ** (self.num_players - 1)
        return tuple(Fraction(x, denom) for x in s)

    def packed_bits(self) -> int:
        """Size in bits of the packed generating function :meth:`shapley_shubik` builds.

        Examples
        --------
        >>> WeightedVotingGame([1, 1, 1], 2).packed_bits()      # quota 2 x 4 sizes x 8-bit slots
        64
        """
        n = self.num_players
        return self._quota * (n + 1) * _slot_bits(n)

    def shapley_shubik(self) -> tuple[Fraction, ...]:
        """Shapley-Shubik index: the share of voting orders in which each player casts the deciding vote.

        Returns
        -------
        tuple of Fraction
            One index per player; they sum to 1.

        Examples
        --------
        >>> WeightedVotingGame([2, 1, 1], 3).shapley_shubik()   # by hand: A decides in 4 of the 6 orders
        (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
        """
        n, q = self.num_players, self._quota
        bits = self.packed_bits()
        if bits > MAX_PACKED_BITS:
            raise ValueError(f"the Shapley-Shubik generating function would need {bits} bits (more than "
                             f"{MAX_PACKED_BITS}); use banzhaf() (lighter), or smaller integer weights and quota")
        slot = _slot_bits(n)
        step = (n + 1) * slot                       # one weight level: n + 1 size slots
        poly = _packed_product(sorted(self._weights), q, step, slot)
        counts = _unpack(poly, q * (n + 1), slot)   # counts[s * (n + 1) + k]
        table = np.array(counts, dtype=object).reshape(q, n + 1)
        cum = np.cumsum(table, axis=0)              # cum[t, k] = #{S: |S| = k, w(S) <= t}
        coef = [math.factorial(k) * math.factorial(n - 1 - k) for k in range(n)]
        nfact = math.factorial(n)
        cache: dict[int, Fraction] = {}
        out = []
        for w in self._weights:
            if w not in cache:
                total = 0
                for k in range(n):
                    total += coef[k] * _windowed_sized(cum, q, w, k)
                cache[w] = Fraction(total, nfact)
            out.append(cache[w])
        return tuple(out)


def _packed_product(weights: Sequence[int], q: int, step: int, size_shift: int) -> int:
    """``prod (1 + x y^w)`` packed in one integer, coefficients of ``y^s`` for ``s < q`` exact.

    ``y`` advances ``step`` bits and ``x`` ``size_shift`` bits. Terms of weight ``>= q`` never move back down,
    so they are cut off (a costly full-width ``&``) only once they have grown by half the quota; lighter
    players first keep the early products short.
    """
    poly = 1
    mask = (1 << (q * step)) - 1
    total, grown = 0, 0
    for w in weights:
        poly += poly << (w * step + size_shift)
        total += w
        if total >= q:
            grown += w
            if grown * 2 >= q:
                poly &= mask
                grown = 0
    return poly & mask


def _slot_bits(n: int) -> int:
    return 8 * ((n + 1 + 7) // 8)   # whole bytes, room for counts up to 2^n


def _unpack(poly: int, count: int, width: int) -> list[int]:
    """The first ``count`` coefficients of width ``width`` bits (a multiple of 8) packed in ``poly``."""
    if width % 8:
        mask = (1 << width) - 1
        return [(poly >> (i * width)) & mask for i in range(count)]
    nbytes = width // 8
    data = poly.to_bytes(count * nbytes + 1, "little")
    return [int.from_bytes(data[i * nbytes:(i + 1) * nbytes], "little") for i in range(count)]


def _windowed(cum: Any, q: int, w: int) -> int:
    """#{S without i: q - w <= w(S) < q} from prefix counts of all subsets, removing i's factor 1 + y^w."""
    if w == 0:
        return 0
    total, j = 0, 0
    while q - 1 - j * w >= 0:
        hi, lo = q - 1 - j * w, q - 1 - (j + 1) * w
        total += (-1) ** j * (cum(hi) - cum(lo))
        j += 1
    return total


def _windowed_sized(cum: np.ndarray, q: int, w: int, k: int) -> int:
    """#{S without i: |S| = k, q - w <= w(S) < q}, removing i's factor 1 + x y^w by the alternating series."""
    if w == 0:
        return 0
    total, j = 0, 0
    while k - j >= 0 and q - 1 - j * w >= 0:
        hi, lo = q - 1 - j * w, q - 1 - (j + 1) * w
        window = cum[hi, k - j] - (cum[lo, k - j] if lo >= 0 else 0)
        total += window if j % 2 == 0 else -window
        j += 1
    return int(total)


def brute_force_power(weights: Sequence[int], quota: int) -> tuple[tuple[Fraction, ...], tuple[int, ...]]:
    """Shapley-Shubik indices and swing counts by enumerating coalitions (a check for small games, n <= 20).

    Examples
    --------
    >>> brute_force_power([2, 1, 1], 3)
    ((Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)), (3, 1, 1))
    """
    n = len(weights)
    if n > 20:
        raise ValueError(f"brute_force_power enumerates 2^n coalitions; n must be <= 20, got {n}; "
                         "use WeightedVotingGame.shapley_shubik()")
    nfact = math.factorial(n)
    ss, sw = [], []
    for i in range(n):
        others = [j for j in range(n) if j != i]
        total, swings = 0, 0
        for k in range(n):
            for S in combinations(others, k):
                ws = sum(weights[j] for j in S)
                if ws < quota <= ws + weights[i]:
                    swings += 1
                    total += math.factorial(k) * math.factorial(n - 1 - k)
        ss.append(Fraction(total, nfact))
        sw.append(swings)
    return tuple(ss), tuple(sw)
