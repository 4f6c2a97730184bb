"""A seeded simulator of repeated games between automata: the cross-check of the exact solver."""

from __future__ import annotations

from typing import Any

import numpy as np

from .automata import Automaton, check_automaton
from .payoffs import check_delta, check_noise
from .stage import stage_payoffs

__all__ = ["MAX_PARALLEL_ROUNDS", "MAX_ROUNDS", "MAX_SIMULATED_STEPS", "simulate", "simulated_payoffs"]

#: Most rounds :func:`simulate` plays (one Python step per round; the history is kept).
MAX_ROUNDS = 10 ** 6
#: Most ``rounds x repetitions`` of :func:`simulated_payoffs` (vectorised over repetitions).
MAX_SIMULATED_STEPS = 5 * 10 ** 7
#: Most rounds of the longest game of :func:`simulated_payoffs` (one vectorised step per round).
MAX_PARALLEL_ROUNDS = 2 * 10 ** 5


def _arrays(s: Automaton) -> tuple[np.ndarray, np.ndarray]:
    return np.array([float(p) for p in s.cooperate]), np.array(s.transitions, dtype=np.int64)


def _float_stage(stage: Any) -> np.ndarray:
    u = stage_payoffs(stage)
    try:
        return u.astype(float)
    except TypeError as exc:
        raise TypeError("simulation needs numeric stage payoffs; substitute the symbols first") from exc


def _play(u: np.ndarray, s1: Automaton, s2: Automaton, lengths: np.ndarray, noise: float,
          rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Play ``len(lengths)`` games in parallel; return total payoffs (R, 2) and total C counts (R, 2)."""
    c1, t1 = _arrays(s1)
    c2, t2 = _arrays(s2)
    reps = lengths.size
    st1 = np.full(reps, s1.initial)
    st2 = np.full(reps, s2.initial)
    totals = np.zeros((reps, 2))
    coops = np.zeros((reps, 2))
    for t in range(int(lengths.max())):
        live = lengths > t
        p1 = c1[st1] * (1 - noise) + (1 - c1[st1]) * noise
        p2 = c2[st2] * (1 - noise) + (1 - c2[st2]) * noise
        a1 = (rng.random(reps) >= p1).astype(np.int64)    # 0 = C, 1 = D
        a2 = (rng.random(reps) >= p2).astype(np.int64)
        totals[live] += u[a1, a2][live]
        coops[live, 0] += 1 - a1[live]
        coops[live, 1] += 1 - a2[live]
        st1 = t1[st1, 2 * a1 + a2]
        st2 = t2[st2, 2 * a2 + a1]
    return totals, coops


def simulate(stage: Any, s1: Automaton, s2: Automaton, rounds: int, *, noise: float = 0.0,
             seed: int | None = None) -> dict[str, np.ndarray]:
    """Play one game of ``rounds`` rounds and return its history.

    Returns
    -------
    dict
        ``actions`` (rounds, 2) with 0 = C and 1 = D, and ``payoffs`` (rounds, 2).

    Examples
    --------
    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import TFT, STFT
    >>> simulate(prisoners_dilemma(), TFT, STFT, 4, seed=0)["actions"].tolist()   # echoing defections
    [[0, 1], [1, 0], [0, 1], [1, 0]]
    """
    check_automaton(s1, "s1")
    check_automaton(s2, "s2")
    if isinstance(rounds, bool) or not isinstance(rounds, (int, np.integer)) or rounds < 1:
        raise ValueError(f"rounds must be a positive integer; got {rounds!r}")
    if rounds > MAX_ROUNDS:
        raise ValueError(f"rounds={rounds} is more than {MAX_ROUNDS}; for long-run frequencies use "
                         "games.repeated.outcome_distribution (exact, no simulation)")
    eps = float(check_noise(noise))
    u = _float_stage(stage)
    rng = np.random.default_rng(seed)
    c1, t1 = _arrays(s1)
    c2, t2 = _arrays(s2)
    st1, st2 = s1.initial, s2.initial
    actions = np.zeros((rounds, 2), dtype=np.int64)
    for t in range(rounds):
        p1 = c1[st1] * (1 - eps) + (1 - c1[st1]) * eps
        p2 = c2[st2] * (1 - eps) + (1 - c2[st2]) * eps
        a1, a2 = int(rng.random() >= p1), int(rng.random() >= p2)
        actions[t] = a1, a2
        st1, st2 = t1[st1, 2 * a1 + a2], t2[st2, 2 * a2 + a1]
    payoffs = u[actions[:, 0], actions[:, 1]]
    return {"actions": actions, "payoffs": payoffs}


def simulated_payoffs(stage: Any, s1: Automaton, s2: Automaton, *, delta: float | None = None,
                      rounds: int | None = None, noise: float = 0.0, repetitions: int = 1000,
                      seed: int | None = None, confidence: float = 0.95) -> dict[str, Any]:
    """Monte Carlo estimate of the normalised payoffs, with a normal-approximation confidence interval.

    With ``delta`` each game lasts a geometric number of rounds (continuation probability ``delta``, as
    in Axelrod's second tournament) and scores ``(1 - delta) * total``, an unbiased estimate of the
    normalised discounted payoff; with ``rounds`` each game lasts exactly ``rounds`` rounds and scores
    its mean payoff.

    Returns
    -------
    dict
        ``mean`` (2,), ``stderr`` (2,), ``ci`` (2, 2) rows ``[low, high]`` per player, ``cooperation`` (2,).

    Examples
    --------
    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import ALLD
    >>> simulated_payoffs(prisoners_dilemma(), ALLD, ALLD, rounds=10, repetitions=5, seed=1)["mean"].tolist()
    [1.0, 1.0]
    """
    from scipy.stats import norm

    check_automaton(s1, "s1")
    check_automaton(s2, "s2")
    if (delta is None) == (rounds is None):
        raise ValueError(f"give exactly one of delta or rounds; got delta={delta!r}, rounds={rounds!r}")
    if isinstance(repetitions, bool) or not isinstance(repetitions, (int, np.integer)) or repetitions < 2:
        raise ValueError(f"repetitions must be an integer >= 2; got {repetitions!r}")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float, np.floating)) or not 0 < confidence < 1:
        raise ValueError(f"confidence must be a number in (0, 1); got {confidence!r}")
    eps = float(check_noise(noise))
    u = _float_stage(stage)
    rng = np.random.default_rng(seed)
    refuse = ("simulating {what} is too long (more than {limit} steps); use games.repeated.average_payoffs, "
              "which solves the same expectation exactly without simulation")
    if delta is not None:
        d = float(check_delta(delta))
        expected = repetitions / (1 - d)
        if expected > MAX_SIMULATED_STEPS:
            raise ValueError(refuse.format(what=f"{repetitions} games with continuation delta={delta} "
                                           f"(expected {expected:.3g} rounds in all)", limit=MAX_SIMULATED_STEPS))
        lengths = rng.geometric(1 - d, size=repetitions) if d > 0 else np.ones(repetitions, dtype=np.int64)
        if lengths.max() > MAX_PARALLEL_ROUNDS:
            raise ValueError(refuse.format(what=f"games with continuation delta={delta} (the longest of "
                                           f"{repetitions} lasts {int(lengths.max())} rounds)",
                                           limit=MAX_PARALLEL_ROUNDS))
        totals, coops = _play(u, s1, s2, lengths, eps, rng)
        scores = (1 - d) * totals
    else:
        if isinstance(rounds, bool) or not isinstance(rounds, (int, np.integer)) or rounds < 1:
            raise ValueError(f"rounds must be a positive integer; got {rounds!r}")
        if rounds * repetitions > MAX_SIMULATED_STEPS or rounds > MAX_PARALLEL_ROUNDS:
            raise ValueError(refuse.format(what=f"{repetitions} games of {rounds} rounds", limit=MAX_SIMULATED_STEPS))
        lengths = np.full(repetitions, int(rounds))
        totals, coops = _play(u, s1, s2, lengths, eps, rng)
        scores = totals / rounds
    mean = scores.mean(axis=0)
    stderr = scores.std(axis=0, ddof=1) / np.sqrt(repetitions)
    z = float(norm.ppf(0.5 + confidence / 2))
    ci = np.stack([mean - z * stderr, mean + z * stderr], axis=1)
    return {"mean": mean, "stderr": stderr, "ci": ci,
            "cooperation": coops.sum(axis=0) / lengths.sum()}
