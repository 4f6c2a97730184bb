"""Finite games in normal (strategic) form with any number of players."""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from functools import cached_property
from typing import Any

import numpy as np

from .numeric import as_exact_array, format_number, is_exact_value, tex_text
from .validation import (
    as_real_array,
    check_nonnegative,
    check_probability_vector,
    noted,
)

__all__ = ["MAX_PAYOFF_ENTRIES", "NormalFormGame"]

Profile = Sequence[Any]

#: Largest payoff table (profiles x players) a :class:`NormalFormGame` holds: 2**24 numbers, 134 MB of floats.
MAX_PAYOFF_ENTRIES = 2**24


def check_table_size(shape: Sequence[int], what: str = "payoffs") -> None:
    """Refuse (at once, before any work) a game whose payoff table would exceed :data:`MAX_PAYOFF_ENTRIES`.

    Examples
    --------
    >>> check_table_size((2,) * 25)
    Traceback (most recent call last):
    ...
    ValueError: payoffs: a game of 25 players with 2 actions each has 3.36e+07 profiles and 8.39e+08 payoffs ...
    """
    n = len(shape)
    profiles = math.prod(int(k) for k in shape)
    entries = profiles * n
    if entries > MAX_PAYOFF_ENTRIES:
        dims = f"{shape[0]} actions each" if len(set(shape)) == 1 else "x".join(str(k) for k in shape) + " actions"
        raise ValueError(
            f"{what}: a game of {n} players with {dims} has {profiles:.3g} profiles and {entries:.3g} payoffs "
            f"({entries * 8 / 1e9:.3g} GB as floats), more than MAX_PAYOFF_ENTRIES = {MAX_PAYOFF_ENTRIES:,}; "
            "for many identical players whose payoffs depend on how many choose each action use "
            "games.AnonymousGame, for binary threshold public goods (contribute or not) "
            "games.threshold.ThresholdGame")



def _exact_source(value: Any) -> np.ndarray | None:
    """A private copy of ``value`` when every entry is an int or a Fraction (so exact arithmetic is free), else None.

    Integer numpy arrays are copied as they are; their Fractions are made only when needed.
    """
    if isinstance(value, np.ndarray) and value.dtype.kind in "iu":
        return np.array(value)
    if isinstance(value, np.ndarray) and value.dtype.kind != "O":
        return None
    arr = np.array(value, dtype=object)
    return arr if all(is_exact_value(v) for v in arr.flat) else None


def _pure_index(v: np.ndarray) -> int | None:
    """The action a 0/1 vector plays, or None for a genuinely mixed vector."""
    nonzero = [k for k, p in enumerate(v) if p != 0]
    return nonzero[0] if len(nonzero) == 1 and v[nonzero[0]] == 1 else None


class NormalFormGame:
    """A finite game in normal form with ``N >= 1`` players.

    Parameters
    ----------
    payoffs : array_like, shape ``(n_1, ..., n_N, N)``
        Entry ``[a_1, ..., a_N, i]`` is player ``i``'s payoff when player ``j`` plays action ``a_j``.
        Integers and :class:`fractions.Fraction` s are kept exactly as well (see :attr:`exact_payoffs`).
    players : sequence of str, optional
        Player labels; default ``"Player 1"``, ``"Player 2"``, ...
    actions : sequence of sequences of str, optional
        Action labels per player; default ``"a1", "a2", ...`` for player 1, ``"b1", ...`` for player 2, ...
    title : str, optional
        A title shown in notebooks and written to Gambit files.
    description : str, optional
        A longer comment (Gambit files carry one after the strategy labels).

    Examples
    --------
    The prisoner's dilemma of arming (D) and restraint (C):

    >>> pd = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                                   actions=[["restrain", "arm"], ["restrain", "arm"]])
    >>> pd.shape
    (2, 2)
    >>> pd.payoffs[1, 0]          # row arms, column restrains
    array([5., 0.])
    >>> pd.is_nash([[0, 1], [0, 1]])
    True
    >>> pd.regret([[1, 0], [1, 0]])  # mutual restraint: each gains 2 by arming (exact inputs)
    Fraction(2, 1)
    >>> pd.regret([[0.5, 0.5], [1, 0]])  # float inputs give floats
    1.5
    """

    def __init__(
        self,
        payoffs: Any,
        *,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
        title: str = "",
        description: str = "",
    ) -> None:
        if isinstance(payoffs, np.ndarray) and payoffs.ndim >= 2:
            check_table_size(payoffs.shape[:-1])  # before any copy of a table that would not fit
        arr = np.ascontiguousarray(as_real_array(payoffs, "payoffs"))  # compiled solvers read it as it is
        if arr.ndim < 2:
            raise ValueError(
                "payoffs must have shape (n_1, ..., n_N, N): one axis per player and a last axis "
                f"holding the N payoffs; got shape {arr.shape}"
            )
        n_players = arr.ndim - 1
        if arr.shape[-1] != n_players:
            raise ValueError(
                f"payoffs has {n_players} action axes, so its last axis must hold {n_players} payoffs "
                f"(one per player); got shape {arr.shape} with last axis {arr.shape[-1]}"
            )
        for i, n in enumerate(arr.shape[:-1]):
            if n < 1:
                raise ValueError(f"payoffs: player {i + 1} has no action (axis {i} has length 0)")
        check_table_size(arr.shape[:-1])
        arr.setflags(write=False)
        self._payoffs = arr
        # the exact entries (ints, Fractions) as given; their Fraction table is made on first use
        self._exact_source = _exact_source(payoffs)
        if self._exact_source is not None:
            self._exact_source.setflags(write=False)
        self._exact_input = self._exact_source is not None
        self._exact: np.ndarray | None = None
        self.players = self._check_players(players, n_players)
        self.actions = self._check_actions(actions, arr.shape[:-1])
        if not isinstance(title, str):
            raise TypeError(f"title must be a str; got {type(title).__name__}")
        if not isinstance(description, str):
            raise TypeError(f"description must be a str; got {type(description).__name__}")
        self.title = title
        self.description = description

    # ------------------------------------------------------------------ construction
    @staticmethod
    def _check_players(players: Sequence[str] | None, n: int) -> tuple[str, ...]:
        if players is None:
            return tuple(f"Player {i + 1}" for i in range(n))
        players = tuple(str(p) for p in players)
        if len(players) != n:
            raise ValueError(f"players must name {n} players; got {len(players)}: {players}")
        dup = _first_duplicate(players)
        if dup is not None:
            raise ValueError(f"players must have distinct names (labels select players); {dup!r} appears more "
                             f"than once in {players}")
        return players

    @staticmethod
    def _check_actions(actions: Sequence[Sequence[str]] | None, shape: tuple[int, ...]):
        if actions is None:
            out = []
            for i, n in enumerate(shape):
                letter = chr(ord("a") + i) if i < 26 else f"p{i + 1}_"
                out.append(tuple(f"{letter}{k + 1}" for k in range(n)))
            return tuple(out)
        if len(actions) != len(shape):
            raise ValueError(f"actions must give one list of labels per player ({len(shape)}); got {len(actions)}")
        out = []
        for i, (labels, n) in enumerate(zip(actions, shape)):
            labels = tuple(str(a) for a in labels)
            if len(labels) != n:
                raise ValueError(f"actions[{i}] must have {n} labels (player {i + 1} has {n} actions); "
                                 f"got {len(labels)}")
            dup = _first_duplicate(labels)
            if dup is not None:
                raise ValueError(f"actions[{i}] must have distinct labels (labels select actions); {dup!r} appears "
                                 f"more than once in player {i + 1}'s actions {labels}")
            out.append(labels)
        return tuple(out)

    @classmethod
    def from_bimatrix(
        cls,
        A: Any,
        B: Any | None = None,
        *,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
        title: str = "",
        description: str = "",
    ) -> NormalFormGame:
        """Build a two-player game from the row player's matrix ``A`` and the column player's ``B``.

        ``B`` defaults to ``-A`` (a zero-sum game).

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])   # matching pennies
        >>> g.payoffs[0, 1].tolist()
        [-1.0, 1.0]
        """
        a = as_real_array(A, "A", ndim=2)
        exact_a = _exact_source(A)
        if B is None:
            payload: Any = np.stack([exact_a, -exact_a], axis=-1) if exact_a is not None else np.stack([a, -a], axis=-1)
        else:
            b = as_real_array(B, "B", ndim=2)
            if a.shape != b.shape:
                raise ValueError(f"A and B must have the same shape; got A {a.shape} and B {b.shape}")
            exact_b = _exact_source(B) if exact_a is not None else None
            if exact_b is not None:
                payload = np.stack([exact_a, exact_b], axis=-1)
            else:
                payload = np.stack([a, b], axis=-1)
        return cls(payload, players=players, actions=actions, title=title, description=description)

    @classmethod
    def from_payoff_function(
        cls,
        func: Callable[..., Sequence[float]],
        actions: Sequence[int | Sequence[Any]],
        *,
        players: Sequence[str] | None = None,
        title: str = "",
    ) -> NormalFormGame:
        """Build a game by calling ``func(a_1, ..., a_N)`` for every pure profile.

        Parameters
        ----------
        func : callable
            Called with one action per player (the action objects given in ``actions``, or indices when
            a player's entry is an int); returns the ``N`` payoffs.
        actions : sequence
            Per player, either a number of actions or a sequence of action values (used as labels too).

        Examples
        --------
        A two-player Cournot-like game with quantities 0, 1, 2:

        >>> g = NormalFormGame.from_payoff_function(
        ...     lambda q1, q2: (q1 * (4 - q1 - q2), q2 * (4 - q1 - q2)), [[0, 1, 2], [0, 1, 2]])
        >>> g.payoffs[1, 1].tolist()
        [2.0, 2.0]
        """
        if not callable(func):
            raise TypeError(f"func must be callable; got {type(func).__name__}")
        values = []
        for i, spec in enumerate(actions):
            if isinstance(spec, (int, np.integer)) and not isinstance(spec, bool):
                if spec < 1:
                    raise ValueError(f"actions[{i}] must be a positive number of actions; got {spec}")
                values.append(list(range(int(spec))))
            else:
                spec = list(spec)
                if not spec:
                    raise ValueError(f"actions[{i}]: player {i + 1} has no action")
                values.append(spec)
        shape = tuple(len(v) for v in values)
        n = len(shape)
        check_table_size(shape, "from_payoff_function")  # before the first of the prod(shape) calls
        out = np.empty(shape + (n,), dtype=object)
        for idx in itertools.product(*(range(k) for k in shape)):
            args = [values[i][a] for i, a in enumerate(idx)]
            with noted(f"in from_payoff_function, calling func at the profile {idx} (actions {args})"):
                result = func(*args)
            if not (isinstance(result, (list, tuple)) and len(result) == n):
                result = list(np.ravel(np.asarray(result, dtype=object)))
            if len(result) != n:
                raise ValueError(f"func must return {n} payoffs (one per player); returned {len(result)} at {idx}")
            out[idx] = result
        labels = [[str(v) for v in vals] for vals in values]
        return cls(out, players=players, actions=labels, title=title)

    @classmethod
    def from_nashpy(cls, game: Any, **kwargs: Any) -> NormalFormGame:
        """Build from a :class:`nashpy.Game` (its two payoff matrices).

        Examples
        --------
        >>> import nashpy
        >>> NormalFormGame.from_nashpy(nashpy.Game([[1, 0], [0, 1]])).payoffs[0, 0].tolist()
        [1.0, -1.0]
        """
        try:
            A, B = game.payoff_matrices
        except AttributeError as exc:
            raise TypeError(f"game must be a nashpy.Game; got {type(game).__name__}") from exc
        return cls.from_bimatrix(A, B, **kwargs)

    def to_nashpy(self) -> Any:
        """Return the equivalent :class:`nashpy.Game` (two-player games only).

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[0, 1], [1, 0]])
        >>> g.to_nashpy().payoff_matrices[1].tolist()
        [[0, 1], [1, 0]]
        """
        import nashpy

        A, B = self.bimatrix
        if self.has_exact_payoffs and all(v.denominator == 1 for v in self.exact_payoffs.flat):
            A, B = A.astype(np.int64), B.astype(np.int64)
        return nashpy.Game(A, B)

    # ------------------------------------------------------------------ basic properties
    @property
    def payoffs(self) -> np.ndarray:
        """The read-only, C-contiguous float payoff array of shape ``(n_1, ..., n_N, N)``."""
        return self._payoffs

    @property
    def exact_payoffs(self) -> np.ndarray:
        """The payoffs as :class:`~fractions.Fraction` s (floats become their shortest decimal).

        Examples
        --------
        >>> NormalFormGame.from_bimatrix([[0.5, 1]], [[1, 0.25]]).exact_payoffs[0, 1, 1]
        Fraction(1, 4)
        """
        if self._exact is None:
            source = self._exact_source if self._exact_source is not None else self._payoffs
            self._exact = as_exact_array(source)
            self._exact.setflags(write=False)
        return self._exact

    @property
    def has_exact_payoffs(self) -> bool:
        """True when the game was built from ints or Fractions.

        Fixed at construction: reading :attr:`exact_payoffs` of a float game does not change it.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[0.5, 1]], [[1, 0]])
        >>> _ = g.exact_payoffs
        >>> g.has_exact_payoffs, NormalFormGame.from_bimatrix([[1, 2]]).has_exact_payoffs
        (False, True)
        """
        return self._exact_input

    @property
    def num_players(self) -> int:
        """Number of players ``N``."""
        return self._payoffs.ndim - 1

    def to_normal_form(self) -> NormalFormGame:
        """The game itself (every game type of the engine has this method; see :mod:`games.protocol`).

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]])
        >>> g.to_normal_form() is g
        True
        """
        return self

    def as_exact(self) -> NormalFormGame:
        """The game with exact payoffs: itself when built from ints or Fractions, else a copy whose float
        payoffs are read as their shortest decimals (``0.1`` -> ``1/10``).

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[0.1, 0], [0, 1]])
        >>> g.as_exact().exact_payoffs[0, 0, 0], g.as_exact().has_exact_payoffs
        (Fraction(1, 10), True)
        """
        if self.has_exact_payoffs:
            return self
        return NormalFormGame(self.exact_payoffs, players=self.players, actions=self.actions, title=self.title,
                              description=self.description)

    @property
    def shape(self) -> tuple[int, ...]:
        """Number of actions of each player, ``(n_1, ..., n_N)``."""
        return self._payoffs.shape[:-1]

    @property
    def num_profiles(self) -> int:
        """Number of pure strategy profiles."""
        return int(np.prod(self.shape))

    @property
    def bimatrix(self) -> tuple[np.ndarray, np.ndarray]:
        """The two payoff matrices ``(A, B)`` of a two-player game."""
        self._require_players(2, "bimatrix")
        return self._payoffs[..., 0], self._payoffs[..., 1]

    @cached_property
    def payoff_scale(self) -> float:
        """The largest range of any player's payoffs (1.0 for a game where every payoff is equal).

        Tolerances are multiplied by this, so that rescaling a game does not change its answers. Computed
        once per game (a game's payoffs do not change).
        """
        p = self._payoffs.reshape(-1, self.num_players)
        with np.errstate(over="ignore"):
            rng = float(np.max(p.max(axis=0) - p.min(axis=0)))
        return rng if rng > 0 else 1.0

    def float_safe(self) -> NormalFormGame:
        """A game with the same equilibria whose float payoff ranges and regrets are finite.

        The game itself, unless a player's payoff range overflows floats (finite payoffs near ``1e308`` of
        both signs): then a copy with every payoff divided by 4 (a power of two, so exact but for values
        near the underflow limit). Float checks (:meth:`is_nash`, :meth:`best_responses`, verification of
        solvers' candidates) run on it, so an overflowing range can never make every regret look small.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1e308, -1e308], [-1e308, 1e308]])
        >>> g.payoff_scale, g.float_safe().payoff_scale
        (inf, 5e+307)
        >>> g.is_nash([[1, 0], [0, 1]], tol=1e-9)
        False
        """
        if np.isfinite(self.payoff_scale):
            return self
        return NormalFormGame(self._payoffs / 4.0, players=self.players, actions=self.actions, title=self.title,
                              description=self.description)

    def _require_players(self, n: int, what: str) -> None:
        if self.num_players != n:
            raise ValueError(f"{what} needs a {n}-player game; this game has {self.num_players} players")

    def __getitem__(self, profile: Any) -> np.ndarray:
        """Payoffs at a pure profile given as action indices or labels (a shorter tuple gives a sub-table).

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], actions=[["C", "D"], ["C", "D"]])
        >>> g["D", "C"].tolist(), g[1, 0].tolist()
        ([5.0, -5.0], [5.0, -5.0])
        """
        profile = tuple(profile) if isinstance(profile, (tuple, list)) else (profile,)
        if len(profile) > self.num_players:
            raise IndexError(f"a pure profile has one action per player ({self.num_players}); got {len(profile)}")
        return self._payoffs[tuple(self._action_index(i, a) if isinstance(a, str) else a
                                   for i, a in enumerate(profile))]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return (
            self.shape == other.shape
            and np.array_equal(self._payoffs, other._payoffs)
            and self.players == other.players
            and self.actions == other.actions
        )

    def __hash__(self) -> int:
        return hash((self.shape, self._payoffs.tobytes()))

    # ------------------------------------------------------------------ profiles
    def pure_profile(self, actions: Sequence[int | str]) -> list[np.ndarray]:
        """The mixed-profile form (one 0/1 vector per player) of a pure profile.

        Actions are indices or labels.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]], actions=[["L", "R"], ["l", "r"]])
        >>> [v.tolist() for v in g.pure_profile(["R", 0])]
        [[0, 1], [1, 0]]
        """
        if len(actions) != self.num_players:
            raise ValueError(f"actions must give one action per player ({self.num_players}); got {len(actions)}")
        out = []
        for i, a in enumerate(actions):
            idx = self._action_index(i, a)
            v = np.zeros(self.shape[i], dtype=object)
            v[:] = 0
            v[idx] = 1
            out.append(v)
        return out

    def _action_index(self, player: int, action: int | str) -> int:
        if isinstance(action, str):
            if action not in self.actions[player]:
                raise ValueError(f"player {player + 1} has no action {action!r}; actions are {self.actions[player]}")
            if self.actions[player].count(action) > 1:
                raise ValueError(f"player {player + 1} has several actions labelled {action!r}; give its index")
            return self.actions[player].index(action)
        if isinstance(action, (int, np.integer)) and not isinstance(action, bool):
            if not 0 <= action < self.shape[player]:
                raise ValueError(f"action index for player {player + 1} must be in 0..{self.shape[player] - 1}; "
                                 f"got {action}")
            return int(action)
        raise TypeError(f"an action must be an index or a label; got {type(action).__name__} {action!r}")

    def as_profile(self, profile: Profile, name: str = "profile", tol: float = 1e-9) -> list[np.ndarray]:
        """Validate a mixed profile: one probability vector per player (or a pure action index/label).

        Exact entries (ints, Fractions) stay exact; anything else becomes float.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]])
        >>> g.as_profile([[0.5, 0.5], 1])[1].tolist()
        [0, 1]
        >>> g.as_profile([[0.5, 0.5]])
        Traceback (most recent call last):
        ...
        ValueError: profile must give one strategy per player (2); got 1
        """
        if isinstance(profile, (str, bytes, Mapping)) or (isinstance(profile, np.ndarray) and profile.ndim == 0):
            raise TypeError(f"{name} must be a sequence with one strategy per player ({self.num_players}); "
                            f"got {type(profile).__name__} {profile!r}")
        if isinstance(profile, np.ndarray) and profile.ndim == 2 and len(set(self.shape)) == 1:
            profile = list(profile)
        try:
            n = len(profile)
        except TypeError as exc:
            raise TypeError(f"{name} must be a sequence with one strategy per player; "
                            f"got {type(profile).__name__}") from exc
        if n != self.num_players:
            raise ValueError(f"{name} must give one strategy per player ({self.num_players}); got {n}")
        out = []
        for i, s in enumerate(profile):
            if isinstance(s, (str, int, np.integer)) and not isinstance(s, (bool, np.bool_)):
                out.append(self.pure_profile([0] * i + [s] + [0] * (n - i - 1))[i])
            elif np.ndim(s) == 0 and not isinstance(s, (set, frozenset)):
                raise TypeError(f"{name}[{i}] must be a probability vector over the {self.shape[i]} actions, an "
                                f"action index or an action label; got {type(s).__name__} {s!r}")
            else:
                out.append(check_probability_vector(s, self.shape[i], f"{name}[{i}]", tol))
        return out

    def _use_exact(self, prof: list[np.ndarray]) -> bool:
        return self.has_exact_payoffs and all(v.dtype == object for v in prof)

    def _check_player(self, player: Any) -> int:
        if isinstance(player, (bool, np.bool_)) or not isinstance(player, (int, np.integer)):
            raise TypeError(f"player must be an index in 0..{self.num_players - 1}; got {type(player).__name__} "
                            f"{player!r}")
        if not 0 <= player < self.num_players:
            raise ValueError(f"player must be an index in 0..{self.num_players - 1}; got {player!r}")
        return int(player)

    def _slice(self, index: tuple, exact: bool) -> np.ndarray:
        """Payoffs at ``index`` (a few entries), as Fractions when ``exact`` without building the whole exact table."""
        if not exact:
            return np.array(self._payoffs[index])
        if self._exact is not None or self._exact_source is None:
            return np.array(self.exact_payoffs[index])
        return as_exact_array(self._exact_source[index])

    def _values(self, player: int | None, prof: list[np.ndarray]) -> np.ndarray:
        """Action values of ``player`` (or, for ``None``, every player's expected payoff) at a validated profile.

        When the players averaged over play pure actions, the answer is a slice of the table (cheap at any
        size); otherwise the table is contracted with their mixed strategies.
        """
        exact = self._use_exact(prof)
        others = [j for j in range(self.num_players) if j != player]
        pure = {j: _pure_index(prof[j]) for j in others}
        if all(a is not None for a in pure.values()):
            index = tuple(slice(None) if j == player else pure[j] for j in range(self.num_players))
            return self._slice(index + ((slice(None),) if player is None else (player,)), exact)
        table = self.exact_payoffs if exact else self._payoffs
        vectors = prof if exact else [np.asarray(v, dtype=float) for v in prof]
        t = table if player is None else table[..., player]
        for j in reversed(others):
            t = np.tensordot(t, vectors[j], axes=([j], [0]))
        return t

    def action_values(self, player: int, profile: Profile) -> np.ndarray:
        """Payoff to ``player`` of each of its pure actions against the others' mixed strategies.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
        >>> g.action_values(0, [[1, 0], [0.5, 0.5]]).tolist()
        [1.5, 3.0]
        """
        player = self._check_player(player)
        return self._values(player, self.as_profile(profile))

    def expected_payoffs(self, profile: Profile) -> np.ndarray:
        """Each player's expected payoff under a mixed profile.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
        >>> g.expected_payoffs([[0.5, 0.5], [0.5, 0.5]]).tolist()
        [0.0, 0.0]
        """
        return self._values(None, self.as_profile(profile))

    def regrets(self, profile: Profile) -> np.ndarray:
        """Each player's gain from its best unilateral deviation (0 at a Nash equilibrium).

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
        >>> g.regrets([[1, 0], [1, 0]]).tolist()   # ints in, exact Fractions out
        [Fraction(2, 1), Fraction(2, 1)]
        >>> g.regrets([[1.0, 0.0], [1.0, 0.0]]).tolist()
        [2.0, 2.0]
        """
        prof = self.as_profile(profile)
        exact = self._use_exact(prof)
        out = np.empty(self.num_players, dtype=object if exact else float)
        payoffs = self._values(None, prof)
        for i in range(self.num_players):
            best = max(self._values(i, prof))
            out[i] = best - payoffs[i]
        return out

    def regret(self, profile: Profile) -> float | Fraction:
        """The largest gain any player gets by deviating unilaterally from ``profile``.

        Exact (a Fraction) when the game and the profile are exact.

        Examples
        --------
        >>> from fractions import Fraction as F
        >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
        >>> g.regret([[F(1, 2), F(1, 2)], [F(1, 2), F(1, 2)]])
        Fraction(0, 1)
        """
        r = max(self.regrets(profile))
        return r if isinstance(r, Fraction) else float(r)

    def best_responses(self, player: int, profile: Profile, tol: float = 1e-9) -> np.ndarray:
        """Indices of ``player``'s pure best responses to the others' strategies in ``profile``.

        ``tol`` is relative to :attr:`payoff_scale`; exact profiles use exact comparison.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
        >>> g.best_responses(0, [[1, 0], [1/3, 2/3]]).tolist()   # indifferent
        [0, 1]
        """
        tol = check_nonnegative(tol, "tol")
        values = self.action_values(player, profile)
        best = max(values)
        if values.dtype == object:
            return np.array([k for k, v in enumerate(values) if v == best], dtype=int)
        safe = self.float_safe()
        if safe is not self:
            return safe.best_responses(player, profile, tol)
        return np.flatnonzero(values >= best - tol * self.payoff_scale)

    def is_nash(self, profile: Profile, tol: float = 1e-9) -> bool:
        """Whether ``profile`` is a Nash equilibrium: regret <= ``tol`` * :attr:`payoff_scale`.

        An exact profile (ints, Fractions) of a game with exact payoffs is judged exactly: regret must be 0.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
        >>> g.is_nash([[0.5, 0.5], [0.5, 0.5]]), g.is_nash([[1, 0], [1, 0]])
        (True, False)
        """
        tol = check_nonnegative(tol, "tol")
        prof = self.as_profile(profile)
        if self._use_exact(prof):
            return self.regret(prof) <= 0
        safe = self.float_safe()  # an overflowing range would make tol * payoff_scale infinite
        return bool(safe.regret(prof) <= tol * safe.payoff_scale)

    # ------------------------------------------------------------------ structure
    def eliminate_dominated(self, mixed: bool = False, *,
                            tol: float = 1e-9) -> tuple[NormalFormGame, tuple[np.ndarray, ...]]:
        """Iterated elimination of strictly dominated strategies.

        Parameters
        ----------
        mixed : bool
            Also remove actions strictly dominated by a mixed strategy (found by linear programming).
        tol : float
            In a float game a dominator must win by more than ``tol`` times the player's payoff range
            everywhere (round-off never removes an action); exact games are decided exactly.

        Returns
        -------
        reduced : NormalFormGame
            The game on the surviving actions (labels kept).
        kept : tuple of numpy.ndarray
            For each player, the original indices of the surviving actions.

        Examples
        --------
        >>> pd = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
        >>> reduced, kept = pd.eliminate_dominated()
        >>> reduced.actions, [k.tolist() for k in kept]
        ((('D',), ('D',)), [[1], [1]])
        """
        from .dominance import iterated_elimination

        return iterated_elimination(self, mixed=mixed, tol=tol)

    def restrict(self, kept: Sequence[Sequence[int]]) -> NormalFormGame:
        """The subgame in which each player keeps only the actions with the given indices.

        Examples
        --------
        >>> g = NormalFormGame.from_bimatrix([[1, 2, 3]], [[0, 0, 1]])
        >>> g.restrict([[0], [1, 2]]).shape
        (1, 2)
        """
        if len(kept) != self.num_players:
            raise ValueError(f"kept must give one index list per player ({self.num_players}); got {len(kept)}")
        idx = []
        for i, k in enumerate(kept):
            raw = np.asarray(k, dtype=object).ravel()
            if not all(isinstance(a, (int, np.integer)) and not isinstance(a, (bool, np.bool_)) for a in raw):
                raise TypeError(f"kept[{i}] must be integer action indices; got {raw.tolist()}")
            k = raw.astype(int)
            if k.size == 0 or k.min() < 0 or k.max() >= self.shape[i]:
                raise ValueError(f"kept[{i}] must be non-empty indices in 0..{self.shape[i] - 1}; got {k.tolist()}")
            if len(set(k.tolist())) != k.size:
                raise ValueError(f"kept[{i}] must not repeat an action; got {k.tolist()}")
            idx.append(k)
        source = self._exact_source if self.has_exact_payoffs else self._payoffs
        sub = source[np.ix_(*idx, np.arange(self.num_players))]
        return NormalFormGame(
            sub,
            players=self.players,
            actions=[[self.actions[i][a] for a in k] for i, k in enumerate(idx)],
            title=self.title,
            description=self.description,
        )

    def is_zero_sum(self, tol: float = 1e-12) -> bool:
        """Whether the payoffs sum to zero at every profile.

        Examples
        --------
        >>> NormalFormGame.from_bimatrix([[1, -1], [-1, 1]]).is_zero_sum()
        True
        """
        safe = self.float_safe()
        return bool(np.all(np.abs(safe.payoffs.sum(axis=-1)) <= tol * safe.payoff_scale))

    def is_degenerate(self, tol: float = 1e-9) -> bool:
        """Whether a two-player game is degenerate.

        A bimatrix game is non-degenerate when no mixed strategy with support of size ``k`` has more
        than ``k`` pure best responses. Tested on the vertices of the best-response polytopes
        (von Stengel 2002, Thm. 2.6 and Def. 2.7), exactly when the payoffs are exact.

        Examples
        --------
        >>> NormalFormGame.from_bimatrix([[1, -1], [-1, 1]]).is_degenerate()
        False
        >>> NormalFormGame.from_bimatrix([[1, 1], [0, 0]], [[1, 1], [0, 0]]).is_degenerate()
        True
        """
        self._require_players(2, "is_degenerate")
        from .solvers.vertex import polytope_degenerate

        return polytope_degenerate(self, tol=tol)

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        dims = "x".join(str(n) for n in self.shape)
        t = f" {self.title!r}" if self.title else ""
        return f"<NormalFormGame{t}: {self.num_players} players, {dims}>"

    def _cells(self) -> Iterable[tuple[tuple[int, ...], str]]:
        src = self.exact_payoffs if self.has_exact_payoffs else self._payoffs
        for idx in itertools.product(*(range(n) for n in self.shape)):
            yield idx, ", ".join(format_number(v) for v in src[idx])

    def _slices(self) -> list[tuple[str, dict[tuple[int, int], str]]]:
        """Two-player tables: one per profile of players 3..N (each a caption and cells)."""
        cells = dict(self._cells())
        if self.num_players == 1:
            return [("", {(0, a): cells[(a,)] for a in range(self.shape[0])})]
        out = []
        for rest in itertools.product(*(range(n) for n in self.shape[2:])):
            caption = ", ".join(f"{self.players[k + 2]}: {self.actions[k + 2][a]}" for k, a in enumerate(rest))
            out.append((caption, {(r, c): cells[(r, c) + rest]
                                  for r in range(self.shape[0]) for c in range(self.shape[1])}))
        return out

    def _repr_html_(self) -> str:
        parts = []
        if self.title:
            parts.append(f"<p><b>{html.escape(self.title)}</b></p>")
        cols = self.actions[1] if self.num_players > 1 else ("payoff",)
        for caption, cells in self._slices():
            rows = []
            head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
            corner = html.escape(self.players[0]) + (" \\ " + html.escape(self.players[1])
                                                     if self.num_players > 1 else "")
            rows.append(f"<tr><th>{corner}</th>{head}</tr>")
            for r, label in enumerate(self.actions[0]):
                tds = "".join(f"<td>{html.escape(cells[(r, c)])}</td>" for c in range(len(cols)))
                rows.append(f"<tr><th>{html.escape(label)}</th>{tds}</tr>")
            cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
            parts.append(f"<table>{cap}{''.join(rows)}</table>")
        return "\n".join(parts)

    def _repr_latex_(self) -> str:
        blocks = []
        cols = self.actions[1] if self.num_players > 1 else ("payoff",)
        for caption, cells in self._slices():
            spec = "r|" + "c" * len(cols)
            lines = [" & ".join([""] + [tex_text(c) for c in cols]) + r" \\ \hline"]
            for r, label in enumerate(self.actions[0]):
                lines.append(" & ".join([tex_text(label)] + [cells[(r, c)] for c in range(len(cols))]) + r" \\")
            body = "\n".join(lines)
            cap = rf"\text{{{tex_text(caption)}}}\\" if caption else ""
            blocks.append(rf"{cap}\begin{{array}}{{{spec}}}" + "\n" + body + "\n" + r"\end{array}")
        return "$$" + r"\quad ".join(blocks) + "$$"


def _first_duplicate(labels: Sequence[str]) -> str | None:
    """The first label that appears twice, else ``None``."""
    seen: set[str] = set()
    for label in labels:
        if label in seen:
            return label
        seen.add(label)
    return None
