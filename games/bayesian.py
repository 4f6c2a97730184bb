"""Finite Bayesian games: players with private types drawn from a common prior (Harsanyi's incomplete information).

Each player ``i`` has a finite set of types; a type profile is drawn from a common prior (not necessarily a
product of independent marginals), each player learns its own type and chooses an action. Payoffs depend on
the whole type profile and the action profile: ``payoffs[t_1, ..., t_N, a_1, ..., a_N, i]``.

A strategy gives a mixed action for each type: a *behaviour* array of shape ``(t_i, a_i)``. A profile is a
Bayesian Nash equilibrium when no type of any player (with positive probability) gains by switching its
action, given its posterior over the others' types. The game converts to

- its *induced normal form* (:meth:`BayesianGame.to_normal_form`): a strategy is a map type -> action,
  payoffs are ex-ante expectations; and
- its *agent normal form* (:meth:`BayesianGame.agent_form`): every (player, type) is a separate agent whose
  payoff is its interim expectation.

Both have ``prod_i a_i ** t_i`` profiles, so both are refused when that is too large. The pure Bayesian
equilibria are the pure equilibria of the agent form; the equilibria of the induced normal form, read as
per-type behaviour, are the Bayesian equilibria.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .equilibrium import PROBABILITY_FLOOR, Equilibrium, EquilibriumSet
from .protocol import GameMixin
from .solvers.enumeration import DEFAULT_MAX_VERTICES
from .solvers.registry import register_solver
from .validation import as_real_array, check_positive_int

__all__ = ["BayesianEquilibrium", "BayesianGame", "bayesian_pure_equilibria", "bayesian_vertex",
           "MAX_FORM_PROFILES", "MAX_STRATEGY_LABELS"]

#: Largest number of pure profiles (``prod_i a_i ** t_i``) of the induced or agent normal form that is built.
MAX_FORM_PROFILES = 2_000_000
#: A player with more type -> action maps than this gets no strategy vector in its equilibria (``profile=()``).
MAX_STRATEGY_LABELS = 100_000


def _labels(given: Sequence[Any] | None, count: int, default: Any, name: str) -> tuple[str, ...]:
    if given is None:
        return tuple(default(k) for k in range(count))
    if isinstance(given, str):
        raise TypeError(f"{name} must be a sequence of {count} labels; got the string {given!r}")
    out = tuple(str(x) for x in given)
    if len(out) != count:
        raise ValueError(f"{name} must have {count} labels; got {len(out)}")
    if len(set(out)) != count:
        raise ValueError(f"{name} must be distinct; got {list(out)}")
    return out


class BayesianGame(GameMixin):
    """A finite Bayesian game with a common prior over type profiles.

    Parameters
    ----------
    payoffs : array_like, shape ``(t_1, ..., t_N, a_1, ..., a_N, N)``
        ``payoffs[types..., actions..., i]`` is player ``i``'s payoff.
    prior : array_like, shape ``(t_1, ..., t_N)``
        The common prior over type profiles: non-negative, summing to 1, every type of every player with
        positive (marginal) probability.
    players : sequence of str, optional
        Player labels.
    types : sequence of sequence of str, optional
        Type labels per player.
    actions : sequence of sequence of str, optional
        Action labels per player.
    title : str
        A name for the game.

    Examples
    --------
    Player 2 is "tough" or "weak" with probability 1/2 each; player 1 has one type:

    >>> u = np.zeros((1, 2, 2, 2, 2))
    >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]   # tough: a coordination game
    >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]   # weak: player 2 wants to mismatch
    >>> g = BayesianGame(u, [[0.5, 0.5]], types=[["-"], ["tough", "weak"]])
    >>> g.posterior(0, 0).tolist()
    [0.5, 0.5]
    >>> g.is_nash([[[0, 1]], [[0, 1], [1, 0]]])   # 1 plays a2; tough 2 matches, weak 2 mismatches
    True
    """

    def __init__(self, payoffs: Any, prior: Any, players: Sequence[str] | None = None,
                 types: Sequence[Sequence[str]] | None = None, actions: Sequence[Sequence[str]] | None = None,
                 *, title: str = "") -> None:
        u = as_real_array(payoffs, "payoffs")
        if u.ndim < 3 or (u.ndim - 1) % 2:
            raise ValueError("payoffs must have shape (t_1, ..., t_N, a_1, ..., a_N, N): a type axis and an "
                             f"action axis per player and a last axis of N payoffs; got shape {u.shape}")
        n = (u.ndim - 1) // 2
        if u.shape[-1] != n:
            raise ValueError(f"payoffs has {n} type and {n} action axes, so its last axis must hold {n} payoffs; "
                             f"got shape {u.shape}")
        if min(u.shape) < 1:
            raise ValueError(f"payoffs: every player needs at least one type and one action; got shape {u.shape}")
        p = as_real_array(prior, "prior")
        if p.shape != u.shape[:n]:
            raise ValueError(f"prior must have shape {u.shape[:n]} (one entry per type profile, as the first {n} "
                             f"axes of payoffs); got shape {p.shape}")
        if np.any(p < 0):
            raise ValueError(f"prior must be non-negative; found {p.min():g}")
        if abs(p.sum() - 1.0) > 1e-9:
            raise ValueError(f"prior must sum to 1 (a probability distribution over type profiles); it sums to "
                             f"{p.sum():.12g}")
        self._payoffs, self._prior = u, p / p.sum()
        self.num_players = n
        self.num_types = tuple(int(k) for k in u.shape[:n])
        self.num_actions = tuple(int(k) for k in u.shape[n:2 * n])
        self.players = _labels(players, n, lambda k: f"Player {k + 1}", "players")
        if types is not None and (isinstance(types, str) or len(types) != n):
            raise ValueError(f"types must give a list of type labels for each of the {n} players")
        if actions is not None and (isinstance(actions, str) or len(actions) != n):
            raise ValueError(f"actions must give a list of action labels for each of the {n} players")
        self.types = tuple(_labels(None if types is None else types[i], self.num_types[i],
                                   lambda k, i=i: f"t{i + 1}.{k + 1}", f"types[{i}]") for i in range(n))
        self.actions = tuple(_labels(None if actions is None else actions[i], self.num_actions[i],
                                     lambda k, i=i: chr(ord("a") + i) + str(k + 1), f"actions[{i}]")
                             for i in range(n))
        for i in range(n):
            marg = self.marginal(i)
            if np.any(marg <= 0):
                bad = [self.types[i][k] for k in np.flatnonzero(marg <= 0)]
                raise ValueError(f"prior gives player {i + 1}'s type(s) {bad} probability 0 in every type profile; "
                                 "drop such types (a type without probability has no beliefs)")
        self.title = title

    def __repr__(self) -> str:
        return (f"<BayesianGame: {self.num_players} players, types {self.num_types}, actions {self.num_actions}"
                + (f", {self.title!r}" if self.title else "") + ">")

    # ------------------------------------------------------------------------------------------- beliefs
    @property
    def payoffs(self) -> np.ndarray:
        """The payoff array ``(t_1, ..., t_N, a_1, ..., a_N, N)`` (a copy)."""
        return self._payoffs.copy()

    @property
    def prior(self) -> np.ndarray:
        """The common prior over type profiles (a copy)."""
        return self._prior.copy()

    def _player(self, player: Any) -> int:
        if isinstance(player, str) and player in self.players:
            return self.players.index(player)
        if isinstance(player, (int, np.integer)) and not isinstance(player, bool) and 0 <= player < self.num_players:
            return int(player)
        raise ValueError(f"player must be an index in 0..{self.num_players - 1} or one of {list(self.players)}; "
                         f"got {player!r}")

    def _type(self, i: int, t: Any) -> int:
        if isinstance(t, str) and t in self.types[i]:
            return self.types[i].index(t)
        if isinstance(t, (int, np.integer)) and not isinstance(t, bool) and 0 <= t < self.num_types[i]:
            return int(t)
        raise ValueError(f"type must be an index in 0..{self.num_types[i] - 1} or one of {list(self.types[i])}; "
                         f"got {t!r}")

    def marginal(self, player: Any) -> np.ndarray:
        """The prior probability of each of ``player``'s types.

        Examples
        --------
        >>> BayesianGame(np.zeros((2, 1, 1, 1, 2)), [[0.25], [0.75]]).marginal(0).tolist()
        [0.25, 0.75]
        """
        i = self._player(player)
        return self._prior.sum(axis=tuple(j for j in range(self.num_players) if j != i))

    def posterior(self, player: Any, type: Any) -> np.ndarray:
        """``player``'s belief about the others' types when its own type is ``type`` (Bayes' rule).

        Returns an array over the other players' type profiles (their type axes in player order).

        Examples
        --------
        >>> prior = [[0.4, 0.1], [0.1, 0.4]]   # correlated types
        >>> BayesianGame(np.zeros((2, 2, 1, 1, 2)), prior).posterior(0, 0).tolist()
        [0.8, 0.2]
        """
        i = self._player(player)
        t = self._type(i, type)
        row = np.take(self._prior, t, axis=i)
        return row / row.sum()

    # ------------------------------------------------------------------------------------------ strategies
    def strategy_labels(self, player: Any) -> list[str]:
        """Labels of ``player``'s type -> action maps (the induced normal form's strategies): the actions of
        its types in order, joined by ``|``.

        Examples
        --------
        >>> BayesianGame(np.zeros((2, 1, 2, 1, 2)), [[0.5], [0.5]], actions=[["x", "y"], ["z"]]).strategy_labels(0)
        ['x|x', 'x|y', 'y|x', 'y|y']
        """
        i = self._player(player)
        labels = ["|".join(c) for c in itertools.product(self.actions[i], repeat=self.num_types[i])]
        if len(set(labels)) != len(labels):  # labels containing "|" could collide
            labels = ["|".join(map(str, c)) for c in itertools.product(range(self.num_actions[i]),
                                                                       repeat=self.num_types[i])]
        return labels

    def _num_strategies(self, i: int) -> int:
        return self.num_actions[i] ** self.num_types[i]

    def _one_hot(self, i: int) -> np.ndarray:
        """``(K_i, t_i, a_i)``: which action each type -> action map gives each type."""
        t, a = self.num_types[i], self.num_actions[i]
        maps = np.array(list(itertools.product(range(a), repeat=t)), dtype=int).reshape(-1, t)
        return np.eye(a)[maps]

    def behaviour(self, profile: Any, name: str = "profile") -> list[np.ndarray]:
        """Read a profile as one ``(t_i, a_i)`` array of mixed actions per player.

        Each player's entry may be a ``(t_i, a_i)`` array (a probability vector per type), a sequence of
        ``t_i`` actions (indices or labels: a pure strategy), or a mixed strategy of the induced normal form
        (a vector over the ``a_i ** t_i`` type -> action maps, read through its per-type marginals).

        Examples
        --------
        >>> g = BayesianGame(np.zeros((2, 1, 2, 1, 2)), [[0.5], [0.5]], actions=[["x", "y"], ["z"]])
        >>> [b.tolist() for b in g.behaviour([["x", "y"], ["z"]])]
        [[[1.0, 0.0], [0.0, 1.0]], [[1.0]]]
        >>> g.behaviour([[0, 0, 0.5, 0.5], [1]])[0].tolist()   # half 'y|x', half 'y|y'
        [[0.0, 1.0], [0.5, 0.5]]
        """
        if isinstance(profile, (str, bytes, dict)) or not hasattr(profile, "__len__"):
            raise TypeError(f"{name} must give one strategy per player ({self.num_players}); "
                            f"got {type(profile).__name__}")
        if len(profile) != self.num_players:
            raise ValueError(f"{name} must give one strategy per player ({self.num_players}); got {len(profile)}")
        out = []
        for i, s in enumerate(profile):
            t, a = self.num_types[i], self.num_actions[i]
            where = f"{name}[{i}]"
            raw = np.asarray(s, dtype=object)
            if raw.ndim == 1 and raw.size == t and all(
                    isinstance(x, str) or (isinstance(x, (int, np.integer)) and not isinstance(x, bool)
                                           and (raw.size != a ** t or 0 <= x < a)) for x in raw):
                idx = []
                for x in raw:
                    if isinstance(x, str):
                        if x not in self.actions[i]:
                            raise ValueError(f"{where}: {x!r} is not one of {list(self.actions[i])}")
                        idx.append(self.actions[i].index(x))
                    elif 0 <= int(x) < a:
                        idx.append(int(x))
                    else:
                        raise ValueError(f"{where}: action index {x} is not in 0..{a - 1}")
                out.append(np.eye(a)[idx])
                continue
            arr = as_real_array(s, where)
            if arr.ndim == 1 and arr.size == a ** t:
                if np.any(arr < -1e-9) or abs(arr.sum() - 1) > 1e-9:
                    raise ValueError(f"{where} must be a probability vector over the {a ** t} type -> action maps")
                arr = np.einsum("k,kta->ta", np.clip(arr, 0, None), self._one_hot(i))
            if arr.shape != (t, a):
                raise ValueError(f"{where} must be a ({t}, {a}) array (a mixed action per type), {t} actions, or a "
                                 f"vector over the {a ** t} type -> action maps; got shape {arr.shape}")
            if np.any(arr < -1e-9) or np.any(np.abs(arr.sum(axis=1) - 1) > 1e-9):
                raise ValueError(f"{where}: each type's row must be a probability vector (non-negative, summing "
                                 f"to 1); got {arr.tolist()}")
            out.append(np.clip(arr, 0, None) / np.clip(arr, 0, None).sum(axis=1, keepdims=True))
        return out

    # ------------------------------------------------------------------------------------------ payoffs
    def action_values(self, player: Any, profile: Any) -> np.ndarray:
        """``(t_i, a_i)``: the interim expected payoff of each action of each of ``player``'s types, against
        the others' strategies in ``profile``.

        Examples
        --------
        >>> u = np.zeros((1, 2, 2, 2, 2))
        >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
        >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
        >>> g = BayesianGame(u, [[0.5, 0.5]])
        >>> g.action_values(0, [[[1, 0]], [[1, 0], [0, 1]]]).tolist()   # half the time 2 plays b1, half b2
        [[0.5, 1.0]]
        """
        i = self._player(player)
        return self._action_values(i, self.behaviour(profile))

    def _action_values(self, i: int, beh: list[np.ndarray]) -> np.ndarray:
        n = self.num_players
        ops: list[Any] = [self._payoffs[..., i], list(range(2 * n)), self._prior, list(range(n))]
        for j in range(n):
            if j != i:
                ops += [beh[j], [j, n + j]]
        weighted = np.einsum(*ops, [i, n + i], optimize=True)
        return weighted / self.marginal(i)[:, None]

    def interim_payoffs(self, profile: Any) -> tuple[np.ndarray, ...]:
        """Each player's expected payoff for each of its types (given its posterior), one ``(t_i,)`` array each.

        Examples
        --------
        >>> g = BayesianGame(np.ones((2, 1, 1, 1, 2)), [[0.5], [0.5]])
        >>> [v.tolist() for v in g.interim_payoffs([[0, 0], [0]])]
        [[1.0, 1.0], [1.0]]
        """
        beh = self.behaviour(profile)
        return tuple((self._action_values(i, beh) * beh[i]).sum(axis=1) for i in range(self.num_players))

    def ex_ante_payoffs(self, profile: Any) -> np.ndarray:
        """Each player's expected payoff before types are drawn.

        Examples
        --------
        >>> u = np.zeros((2, 1, 1, 1, 2))
        >>> u[1, 0, 0, 0] = [4, 0]
        >>> BayesianGame(u, [[0.25], [0.75]]).ex_ante_payoffs([[0, 0], [0]]).tolist()
        [3.0, 0.0]
        """
        interim = self.interim_payoffs(profile)
        return np.array([float(self.marginal(i) @ interim[i]) for i in range(self.num_players)])

    def interim_regrets(self, profile: Any) -> tuple[np.ndarray, ...]:
        """Each type's gain from its best action over what ``profile`` gives it, one ``(t_i,)`` array per player.

        Examples
        --------
        >>> u = np.zeros((1, 2, 2, 2, 2))
        >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
        >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
        >>> g = BayesianGame(u, [[0.5, 0.5]])
        >>> [r.tolist() for r in g.interim_regrets([[[1, 0]], [[1, 0], [1, 0]]])]   # weak 2 should mismatch
        [[0.0], [0.0, 2.0]]
        """
        return self._interim_regrets(self.behaviour(profile))

    def _interim_regrets(self, beh: list[np.ndarray]) -> tuple[np.ndarray, ...]:
        out = []
        for i in range(self.num_players):
            values = self._action_values(i, beh)
            out.append(np.maximum(values.max(axis=1) - (values * beh[i]).sum(axis=1), 0.0))
        return tuple(out)

    @property
    def payoff_scale(self) -> float:
        """The largest range of any player's payoffs over all type and action profiles (1.0 if all are equal).

        Examples
        --------
        >>> BayesianGame(np.arange(8.0).reshape(1, 2, 1, 2, 2) * [1, 2], [[0.5, 0.5]]).payoff_scale
        12.0
        """
        p = self._payoffs.reshape(-1, self.num_players)
        rng = float(np.max(p.max(axis=0) - p.min(axis=0)))
        return rng if rng > 0 else 1.0

    def regret(self, profile: Any) -> float:
        """The largest interim regret: the most any type of any player gains by switching its action.

        Every type has positive probability, so this is zero exactly at Bayesian Nash equilibria. It is in
        payoff units, like :meth:`games.NormalFormGame.regret` (``is_nash`` compares it with ``tol`` times
        :attr:`payoff_scale`); it bounds the regret of the same profile in the induced normal form.

        Examples
        --------
        >>> u = np.zeros((1, 2, 2, 2, 2))
        >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
        >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
        >>> BayesianGame(u, [[0.5, 0.5]]).regret([[[1, 0]], [[1, 0], [1, 0]]])
        2.0
        """
        return float(max(r.max() for r in self.interim_regrets(profile)))

    # ------------------------------------------------------------------------------------------ forms
    def _check_form_size(self, what: str) -> None:
        total = math.prod(self._num_strategies(i) for i in range(self.num_players))
        if total > MAX_FORM_PROFILES:
            raise ValueError(f"the {what} of this Bayesian game has prod(a_i ** t_i) = {total:.3g} pure profiles, "
                             f"more than MAX_FORM_PROFILES = {MAX_FORM_PROFILES:,}; use the game's own methods "
                             "(regret, action_values, interim_regrets) on given strategies, e.g. threshold "
                             "strategies from games.signals")

    def _type_tables(self) -> list[np.ndarray]:
        """Per player, ``(K_1, ..., K_N, t_i)``: the ex-ante payoff of each pure profile earned in each own type."""
        n = self.num_players
        hots = [self._one_hot(j) for j in range(n)]
        out = []
        for i in range(n):
            # axes: types 0..n-1, actions n..2n-1, strategies 2n..3n-1
            ops: list[Any] = [self._payoffs[..., i], list(range(2 * n)), self._prior, list(range(n))]
            for j in range(n):
                ops += [hots[j], [2 * n + j, j, n + j]]
            out.append(np.einsum(*ops, [*range(2 * n, 3 * n), i], optimize=True))
        return out

    def to_normal_form(self) -> Any:
        """The induced normal form: strategies are type -> action maps, payoffs ex-ante expectations.

        Refused (naming what to use) when it would have more than :data:`MAX_FORM_PROFILES` pure profiles.

        Examples
        --------
        >>> u = np.zeros((1, 2, 2, 2, 2))
        >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
        >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
        >>> nf = BayesianGame(u, [[0.5, 0.5]]).to_normal_form()
        >>> nf.actions[1], nf.payoffs[1, 2].tolist()   # 1 plays a2; 2 plays b2 if tough, b1 if weak
        (('b1|b1', 'b1|b2', 'b2|b1', 'b2|b2'), [1.0, 1.5])
        """
        from .normal_form import NormalFormGame

        self._check_form_size("induced normal form")
        tables = self._type_tables()
        pay = np.stack([tab.sum(axis=-1) for tab in tables], axis=-1)
        return NormalFormGame(pay, players=self.players,
                              actions=[self.strategy_labels(i) for i in range(self.num_players)],
                              title=self.title)

    def agent_form(self) -> Any:
        """The agent normal form: each (player, type) is an agent whose payoff is that type's interim payoff.

        Agents are ordered player by player, types in order, and labelled ``"player:type"``. Its pure Nash
        equilibria are the pure Bayesian Nash equilibria.

        Examples
        --------
        >>> u = np.zeros((1, 2, 2, 2, 2))
        >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
        >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
        >>> af = BayesianGame(u, [[0.5, 0.5]], players=["1", "2"], types=[["-"], ["tough", "weak"]]).agent_form()
        >>> af.players, af.payoffs[1, 1, 0].tolist()
        (('1:-', '2:tough', '2:weak'), [1.0, 2.0, 1.0])
        """
        from .normal_form import NormalFormGame

        self._check_form_size("agent normal form")
        return NormalFormGame(self._agent_payoffs(), players=[f"{p}:{t}" for i, p in enumerate(self.players)
                                                              for t in self.types[i]],
                              actions=[self.actions[i] for i in range(self.num_players)
                                       for _ in range(self.num_types[i])], title=self.title)

    def _agent_payoffs(self) -> np.ndarray:
        tables = self._type_tables()
        shape = tuple(a for i in range(self.num_players) for a in (self.num_actions[i],) * self.num_types[i])
        cols = [tab / self.marginal(i) for i, tab in enumerate(tables)]
        return np.concatenate(cols, axis=-1).reshape(*shape, -1)

    # ------------------------------------------------------------------------------------------ equilibria
    def equilibrium(self, profile: Any, method: str, tol: float) -> BayesianEquilibrium | None:
        """A :class:`BayesianEquilibrium` for ``profile`` if its interim regret is at most ``tol`` (absolute).

        Examples
        --------
        >>> g = BayesianGame(np.ones((2, 1, 2, 1, 2)), [[0.5], [0.5]])
        >>> g.equilibrium([[0, 1], [0]], "guess", 1e-9).behaviour[0].tolist()
        [[1.0, 0.0], [0.0, 1.0]]
        """
        beh = self.behaviour(profile)
        beh = [np.where(b > PROBABILITY_FLOOR, b, 0.0) for b in beh]
        beh = [b / b.sum(axis=1, keepdims=True) for b in beh]
        regrets = self._interim_regrets(beh)
        r = float(max(x.max() for x in regrets))
        if not r <= tol:
            return None
        interim = tuple((self._action_values(i, beh) * beh[i]).sum(axis=1) for i in range(self.num_players))
        ex_ante = np.array([float(self.marginal(i) @ interim[i]) for i in range(self.num_players)])
        if all(self._num_strategies(i) <= MAX_STRATEGY_LABELS for i in range(self.num_players)):
            prof = tuple(np.prod(np.einsum("kta,ta->kt", self._one_hot(i), b), axis=1) for i, b in enumerate(beh))
            labels = tuple(tuple(self.strategy_labels(i)) for i in range(self.num_players))
        else:
            prof, labels = (), ()
        beliefs = tuple(tuple(self.posterior(i, t) for t in range(self.num_types[i])) for i in range(self.num_players))
        return BayesianEquilibrium(profile=prof, payoffs=ex_ante, regret=r, method=method, exact=False, tol=tol,
                                   labels=labels, behaviour=tuple(beh), interim_payoffs=interim,
                                   beliefs=beliefs, types=self.types, action_labels=self.actions)


@dataclass(frozen=True, eq=False)
class BayesianEquilibrium(Equilibrium):
    """A verified Bayesian Nash equilibrium: an :class:`~games.equilibrium.Equilibrium` whose ``profile`` is
    one mixed strategy per player over the type -> action maps of the induced normal form (the product of the
    per-type mixtures; empty when a player has more than :data:`MAX_STRATEGY_LABELS` maps) and whose
    ``payoffs`` are ex-ante expected payoffs; ``regret`` is the largest interim regret.

    Attributes
    ----------
    behaviour : tuple of numpy.ndarray
        Per player a ``(t_i, a_i)`` array: the mixed action of each type.
    interim_payoffs : tuple of numpy.ndarray
        Per player the expected payoff of each type.
    beliefs : tuple of tuple of numpy.ndarray
        ``beliefs[i][t]``: player ``i``'s posterior over the others' type profiles when its type is ``t``.

    Examples
    --------
    >>> import games
    >>> u = np.zeros((1, 2, 2, 2, 2))
    >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
    >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
    >>> eq = games.equilibria(BayesianGame(u, [[0.5, 0.5]]), method="pure")[0]
    >>> eq.plan(), eq.payoffs.tolist()
    ((('a2',), ('b2', 'b1')), [1.0, 1.5])
    """

    behaviour: tuple[np.ndarray, ...] = ()
    interim_payoffs: tuple[np.ndarray, ...] = ()
    beliefs: tuple[tuple[np.ndarray, ...], ...] = ()
    types: tuple[tuple[str, ...], ...] = field(default=(), repr=False)
    action_labels: tuple[tuple[str, ...], ...] = field(default=(), repr=False)

    @property
    def is_pure(self) -> bool:
        """True when every type of every player uses a single action."""
        return all(bool(np.all(np.count_nonzero(b > 0, axis=1) == 1)) for b in self.behaviour)

    def plan(self) -> tuple[tuple[str, ...], ...] | None:
        """The action of each type of each player (a pure equilibrium), else ``None``."""
        if not self.is_pure:
            return None
        return tuple(tuple(self.action_labels[i][int(k)] for k in np.argmax(b, axis=1))
                     for i, b in enumerate(self.behaviour))

    def approx_equal(self, other: Equilibrium, atol: float = 1e-7) -> bool:
        """Whether two Bayesian equilibria have the same behaviour up to ``atol``."""
        if isinstance(other, BayesianEquilibrium):
            return all(np.allclose(a, b, atol=atol) for a, b in zip(self.behaviour, other.behaviour))
        return super().approx_equal(other, atol)

    def __repr__(self) -> str:
        rows = "; ".join("[" + ", ".join("(" + ", ".join(f"{p:.6g}" for p in row) + ")" for row in b) + "]"
                         for b in self.behaviour)
        pay = ", ".join(f"{p:.6g}" for p in self.payoffs)
        return (f"BayesianEquilibrium([{rows}], ex-ante payoffs=({pay}), regret={self.regret:.3g}, "
                f"method={self.method!r})")


def _key(eq: BayesianEquilibrium, decimals: int = 7) -> tuple:
    return tuple(np.round(np.concatenate([b.ravel() for b in eq.behaviour]), decimals) + 0.0)


@register_solver("pure", game_type=BayesianGame, rank=10, finds="all pure", auto=lambda game: True,
                 summary="pure equilibria of the agent form (one agent per player and type), each checked by "
                         "interim regret")
def bayesian_pure_equilibria(game: BayesianGame, *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """Every pure Bayesian Nash equilibrium, by enumerating the agent form (``method="pure"``).

    Refused when the agent form has more than :data:`MAX_FORM_PROFILES` profiles. ``tol`` is relative to the
    game's payoff scale.

    Examples
    --------
    >>> u = np.zeros((1, 2, 2, 2, 2))
    >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
    >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
    >>> [eq.plan() for eq in bayesian_pure_equilibria(BayesianGame(u, [[0.5, 0.5]]))]
    [(('a2',), ('b2', 'b1'))]
    """
    from .solvers.pure import pure_nash_mask

    abs_tol = tol * game.payoff_scale
    game._check_form_size("agent normal form")
    agents = game._agent_payoffs()
    items, rejected = [], 0
    for idx in np.argwhere(pure_nash_mask(agents, abs_tol)):
        prof, start = [], 0
        for i in range(game.num_players):
            prof.append([int(k) for k in idx[start:start + game.num_types[i]]])
            start += game.num_types[i]
        eq = game.equilibrium(prof, "pure", abs_tol)
        if eq is None:  # pragma: no cover - the agent form's regret is the interim regret
            rejected += 1
        else:
            items.append(eq)
    return EquilibriumSet(items, method="pure", complete=rejected == 0, rejected=rejected,
                          note="every pure Bayesian Nash equilibrium (enumerated on the agent form)")


def _small_for_vertex(game: BayesianGame) -> bool:
    return game.num_players == 2 and all(game._num_strategies(i) <= 9 for i in range(2))


@register_solver("vertex", game_type=BayesianGame, rank=0, finds="all extreme", players=(2, 2),
                 auto=_small_for_vertex,
                 summary="vertex enumeration of the induced normal form (type -> action maps), read back as "
                         "behaviour per type, de-duplicated and checked by interim regret")
def bayesian_vertex(game: BayesianGame, *, tol: float = 1e-9, exact: bool = False,
                    max_strategies: int = 64, max_vertices: int = DEFAULT_MAX_VERTICES) -> EquilibriumSet:
    """Every extreme Bayesian equilibrium of a two-player game (``method="vertex"``).

    The induced normal form's extreme equilibria are found by :func:`games.equilibria` (``"vertex"``) and
    read as per-type behaviour (their marginals); distinct behaviours are kept, each verified by interim
    regret on the Bayesian game. Equilibria from one component of the normal form share a component.
    Refused when a player has more than ``max_strategies`` type -> action maps, or when the enumeration would
    visit more than ``max_vertices`` polytope vertices (``method="pure"`` then lists the pure equilibria).
    ``method="auto"`` takes this method when each player has at most 9 maps.

    Examples
    --------
    >>> u = np.zeros((1, 2, 2, 2, 2))
    >>> u[0, 0] = [[[1, 1], [0, 0]], [[0, 0], [2, 2]]]
    >>> u[0, 1] = [[[1, 0], [0, 2]], [[0, 1], [2, 0]]]
    >>> eqs = bayesian_vertex(BayesianGame(u, [[0.5, 0.5]]))
    >>> len(eqs), eqs[0].plan(), eqs.complete
    (1, (('a2',), ('b2', 'b1')), True)
    """
    from .solvers import equilibria

    max_strategies = check_positive_int(max_strategies, "max_strategies")
    sizes = [game._num_strategies(i) for i in range(game.num_players)]
    if max(sizes) > max_strategies:
        raise ValueError(f"the induced normal form has {sizes[0]} x {sizes[1]} strategies, more than "
                         f"max_strategies={max_strategies} per player; use method='pure', or raise max_strategies")
    nf = game.to_normal_form()
    try:
        found = equilibria(nf, method="vertex", tol=tol, max_vertices=max_vertices)
    except ValueError as exc:
        raise ValueError(f"vertex enumeration of the {sizes[0]} x {sizes[1]} induced normal form is refused ({exc}); "
                         "use method='pure' for the pure Bayesian equilibria, or one mixed equilibrium: "
                         "games.equilibria(game.to_normal_form(), method='lemke-howson') read back with "
                         "game.equilibrium(list(eq.profile), 'lemke-howson', tol)") from exc
    abs_tol = tol * game.payoff_scale
    items: list[BayesianEquilibrium] = []
    keys: dict[tuple, int] = {}
    parent: list[int] = []
    comp_of = {k: c for c, members in enumerate(found.components) for k in members}
    first_in_comp: dict[int, int] = {}
    rejected = found.rejected

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for k, nf_eq in enumerate(found):
        eq = game.equilibrium([np.asarray(v, dtype=float) for v in nf_eq.profile], "vertex", abs_tol)
        if eq is None:
            rejected += 1
            continue
        key = _key(eq)
        if key not in keys:
            keys[key] = len(items)
            items.append(eq)
            parent.append(len(parent))
        b = keys[key]
        c = comp_of.get(k, k)
        if c in first_in_comp:
            ra, rb = root(first_in_comp[c]), root(b)
            if ra != rb:
                parent[rb] = ra
        else:
            first_in_comp[c] = b
    groups: dict[int, list[int]] = {}
    for b in range(len(items)):
        groups.setdefault(root(b), []).append(b)
    return EquilibriumSet(items, method="vertex", complete=found.complete and rejected == 0,
                          components=list(groups.values()), rejected=rejected,
                          note="extreme equilibria of the induced normal form, as behaviour per type")
