"""Noisy signals about a state of the world: the information structures that give a Bayesian game its types.

A finite state of the world is drawn from a prior; each player observes a signal drawn from its *channel*, a
confusion matrix ``P(signal | state)`` (rows: states, columns: signals). Signals are independent given the
state, or one *shared* signal is seen by everyone. The joint law of (state, signals) gives

- the type prior of a :class:`~games.bayesian.BayesianGame` (types are signals),
- each player's posterior over the state (Bayes' rule),
- a Bayesian game from state-dependent payoffs (:meth:`InformationStructure.bayesian_game`).

Threshold rules ("act iff the signal is at least ``k``", signals ordered from reassuring to alarming) express
criteria as cut-offs on evidence; :func:`error_rates` gives a rule's false alarms and missed threats.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .validation import as_real_array, check_positive_int

__all__ = ["InformationStructure", "binary_signal", "error_rates", "gaussian_signal", "pool", "threshold_strategy"]


def _check_channel(matrix: Any, name: str, num_states: int | None = None) -> np.ndarray:
    m = as_real_array(matrix, name, ndim=2)
    if num_states is not None and m.shape[0] != num_states:
        raise ValueError(f"{name} must have one row per state ({num_states}); got shape {m.shape}")
    if np.any(m < 0):
        raise ValueError(f"{name} must be non-negative (probabilities of signals given states); found {m.min():g}")
    if np.any(np.abs(m.sum(axis=1) - 1) > 1e-9):
        raise ValueError(f"{name}: each row (a state) must sum to 1 over the signals; "
                         f"row sums {m.sum(axis=1).tolist()}")
    return m


def binary_signal(accuracy: float) -> np.ndarray:
    """The symmetric binary channel of two states: the signal names the true state with probability ``accuracy``.

    Examples
    --------
    >>> binary_signal(0.8).tolist()
    [[0.8, 0.2], [0.2, 0.8]]
    """
    q = float(as_real_array([accuracy], "accuracy")[0])
    if not 0 <= q <= 1:
        raise ValueError(f"accuracy must be a probability in [0, 1]; got {accuracy}")
    return np.array([[q, 1 - q], [1 - q, q]])


def gaussian_signal(means: Sequence[float], sd: float, cutpoints: Sequence[float]) -> np.ndarray:
    """A Gaussian signal (mean depending on the state, common standard deviation) read in bins.

    ``cutpoints`` (increasing) split the real line into ``len(cutpoints) + 1`` signals; row ``s`` gives the
    probability of each bin when the signal is Normal(``means[s]``, ``sd``).

    Examples
    --------
    >>> gaussian_signal([0.0, 1.0], 1.0, [0.5]).round(4).tolist()   # Phi(0.5) = 0.6915
    [[0.6915, 0.3085], [0.3085, 0.6915]]
    """
    mu = as_real_array(means, "means", ndim=1)
    cuts = as_real_array(cutpoints, "cutpoints", ndim=1)
    if not sd > 0:
        raise ValueError(f"sd must be positive; got {sd}")
    if np.any(np.diff(cuts) <= 0):
        raise ValueError(f"cutpoints must be increasing; got {cuts.tolist()}")
    edges = np.concatenate([[-np.inf], cuts, [np.inf]])
    cdf = np.array([[0.5 * (1 + math.erf((e - m) / (sd * math.sqrt(2)))) if np.isfinite(e) else float(e > 0)
                     for e in edges] for m in mu])
    return np.diff(cdf, axis=1)


def pool(*channels: Any) -> np.ndarray:
    """The channel of several conditionally independent signals observed together (their product).

    Signals of the pooled channel are the tuples of signals, the first channel's slowest.

    Examples
    --------
    >>> pool(binary_signal(0.8), binary_signal(0.8))[1].round(2).tolist()   # P(pair | threat)
    [0.04, 0.16, 0.16, 0.64]
    """
    if not channels:
        raise ValueError("pool needs at least one channel")
    mats = [_check_channel(c, f"channels[{k}]") for k, c in enumerate(channels)]
    if len({m.shape[0] for m in mats}) != 1:
        raise ValueError(f"channels must share the states (rows); got row counts {[m.shape[0] for m in mats]}")
    out = mats[0]
    for m in mats[1:]:
        out = (out[:, :, None] * m[:, None, :]).reshape(out.shape[0], -1)
    return out


def threshold_strategy(num_signals: int, threshold: int, *, act: int = 1, rest: int = 0,
                       num_actions: int = 2) -> np.ndarray:
    """A ``(num_signals, num_actions)`` behaviour: action ``act`` iff the signal index is at least ``threshold``.

    ``threshold = 0`` always acts; ``threshold = num_signals`` never does.

    Examples
    --------
    >>> threshold_strategy(3, 2).tolist()
    [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]
    """
    s = check_positive_int(num_signals, "num_signals")
    a = check_positive_int(num_actions, "num_actions")
    if not (isinstance(threshold, (int, np.integer)) and 0 <= threshold <= s):
        raise ValueError(f"threshold must be an integer in 0..{s}; got {threshold!r}")
    for name, k in (("act", act), ("rest", rest)):
        if not 0 <= k < a:
            raise ValueError(f"{name} must be an action index in 0..{a - 1}; got {k}")
    out = np.zeros((s, a))
    out[np.arange(s) >= threshold, act] = 1.0
    out[np.arange(s) < threshold, rest] = 1.0
    return out


def error_rates(channel: Any, threshold: int, threat_states: Sequence[int] = (1,)) -> dict[str, float]:
    """False-alarm and missed-threat probabilities of acting iff the signal index is at least ``threshold``.

    Returns ``{"false_alarm": P(act | no threat), "missed": P(not act | threat)}``, each averaged over the
    (uniformly weighted) states of its kind.

    Examples
    --------
    >>> error_rates(binary_signal(0.8), 1)
    {'false_alarm': 0.2, 'missed': 0.2}
    """
    m = _check_channel(channel, "channel")
    if not (isinstance(threshold, (int, np.integer)) and 0 <= threshold <= m.shape[1]):
        raise ValueError(f"threshold must be an integer in 0..{m.shape[1]}; got {threshold!r}")
    threat = sorted(set(int(s) for s in threat_states))
    if not threat or threat[0] < 0 or threat[-1] >= m.shape[0] or len(threat) == m.shape[0]:
        raise ValueError(f"threat_states must be some but not all of the states 0..{m.shape[0] - 1}; "
                         f"got {list(threat_states)}")
    safe = [s for s in range(m.shape[0]) if s not in threat]
    act = m[:, threshold:].sum(axis=1)
    return {"false_alarm": float(act[safe].mean()), "missed": float(1 - act[threat].mean())}


class InformationStructure:
    """A state of the world with a prior and the players' signals about it.

    Parameters
    ----------
    state_prior : array_like, shape ``(S,)``
        Prior probability of each state.
    channels : sequence of array_like, each ``(S, K_i)``
        ``P(signal | state)`` for each player (independent given the state). With ``shared=True``, one
        channel whose single signal every player sees.
    shared : bool
        Whether all players see one common signal.
    num_players : int
        Number of players (needed when ``shared``; otherwise ``len(channels)``).
    states : sequence of str, optional
        State labels.

    Examples
    --------
    >>> info = InformationStructure([0.7, 0.3], [binary_signal(0.8), binary_signal(0.8)])
    >>> info.type_prior().round(3).tolist()
    [[0.46, 0.16], [0.16, 0.22]]
    >>> round(float(info.state_posterior(0, 1)[1]), 4)    # P(threat | alarm) = .24 / (.24 + .14)
    0.6316
    """

    def __init__(self, state_prior: Any, channels: Sequence[Any], *, shared: bool = False,
                 num_players: int | None = None, states: Sequence[str] | None = None) -> None:
        p = as_real_array(state_prior, "state_prior", ndim=1)
        if np.any(p < 0) or abs(p.sum() - 1) > 1e-9:
            raise ValueError(f"state_prior must be a probability vector (non-negative, summing to 1); got {p.tolist()}")
        if isinstance(channels, np.ndarray) and channels.ndim == 2:
            channels = [channels]
        mats = [_check_channel(c, f"channels[{k}]", p.size) for k, c in enumerate(channels)]
        if not mats:
            raise ValueError("channels must hold at least one channel")
        if shared:
            if len(mats) != 1:
                raise ValueError(f"a shared signal has one channel; got {len(mats)}")
            n = check_positive_int(num_players if num_players is not None else 2, "num_players")
        else:
            n = len(mats)
            if num_players is not None and num_players != n:
                raise ValueError(f"num_players ({num_players}) must equal the number of channels ({n})")
        self.state_prior, self.channels, self.shared, self.num_players = p / p.sum(), tuple(mats), bool(shared), n
        self.states = tuple(str(s) for s in states) if states is not None else tuple(f"s{k}" for k in range(p.size))
        if len(self.states) != p.size:
            raise ValueError(f"states must name the {p.size} states; got {len(self.states)}")

    @property
    def num_signals(self) -> tuple[int, ...]:
        """How many signals each player can receive."""
        if self.shared:
            return (self.channels[0].shape[1],) * self.num_players
        return tuple(m.shape[1] for m in self.channels)

    def joint(self) -> np.ndarray:
        """``P(state, signal_1, ..., signal_N)``, shape ``(S, K_1, ..., K_N)``.

        Examples
        --------
        >>> InformationStructure([0.5, 0.5], [binary_signal(1.0)], shared=True).joint()[1].tolist()
        [[0.0, 0.0], [0.0, 0.5]]
        """
        p = self.state_prior
        if self.shared:
            m = self.channels[0]
            k = m.shape[1]
            out = np.zeros((p.size,) + (k,) * self.num_players)
            diag = (slice(None),) + (np.arange(k),) * self.num_players
            out[diag] = p[:, None] * m
            return out
        out = p.copy()
        for m in self.channels:
            out = out[..., None] * m.reshape((m.shape[0],) + (1,) * (out.ndim - 1) + (m.shape[1],))
        return out

    def type_prior(self) -> np.ndarray:
        """The players' signals' joint law: the type prior of a Bayesian game."""
        return self.joint().sum(axis=0)

    def state_posterior(self, player: int, signal: int) -> np.ndarray:
        """``P(state | player's signal)`` by Bayes' rule.

        Examples
        --------
        >>> InformationStructure([0.5, 0.5], [binary_signal(0.9)]).state_posterior(0, 0).round(3).tolist()
        [0.9, 0.1]
        """
        if not 0 <= player < self.num_players:
            raise ValueError(f"player must be in 0..{self.num_players - 1}; got {player}")
        m = self.channels[0 if self.shared else player]
        if not 0 <= signal < m.shape[1]:
            raise ValueError(f"signal must be in 0..{m.shape[1] - 1}; got {signal}")
        w = self.state_prior * m[:, signal]
        if w.sum() <= 0:
            raise ValueError(f"signal {signal} has probability 0, so Bayes' rule gives no posterior")
        return w / w.sum()

    def bayesian_game(self, state_payoffs: Any, *, players: Sequence[str] | None = None,
                      actions: Sequence[Sequence[str]] | None = None, title: str = "") -> Any:
        """The Bayesian game whose types are the signals and whose payoffs are expected over the state.

        ``state_payoffs`` has shape ``(S, a_1, ..., a_N, N)``: payoffs when the state is known. Signals that
        never occur are dropped (a type must have positive probability); type labels are the signal indices.

        Examples
        --------
        >>> info = InformationStructure([0.5, 0.5], [binary_signal(0.9)], shared=True, num_players=2)
        >>> v = np.zeros((2, 1, 1, 2)); v[1] = 10
        >>> g = info.bayesian_game(v)
        >>> g.num_types, g.prior.tolist(), round(float(g.payoffs[1, 1, 0, 0, 0]), 6)
        ((2, 2), [[0.5, 0.0], [0.0, 0.5]], 9.0)
        """
        from .bayesian import BayesianGame

        v = as_real_array(state_payoffs, "state_payoffs")
        n = self.num_players
        if v.ndim != n + 2 or v.shape[0] != self.state_prior.size or v.shape[-1] != n:
            raise ValueError(f"state_payoffs must have shape (S={self.state_prior.size}, a_1, ..., a_{n}, {n}); "
                             f"got {v.shape}")
        joint = self.joint()
        keep = [np.flatnonzero(joint.sum(axis=tuple(k for k in range(n + 1) if k != i + 1)) > 0) for i in range(n)]
        joint = joint[np.ix_(np.arange(joint.shape[0]), *keep)]
        prior = joint.sum(axis=0)
        post = np.divide(joint, prior, out=np.zeros_like(joint), where=prior > 0)   # P(state | signals)
        pay = np.tensordot(np.moveaxis(post, 0, -1), v, axes=([n], [0]))
        return BayesianGame(pay, prior / prior.sum(), players=players,
                            types=[[str(int(s)) for s in kept] for kept in keep], actions=actions, title=title)
