"""Exact repeated-game payoffs of two automata: discounted, limit-of-means, or over a finite horizon."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from ..numeric import to_fraction, to_number
from .automata import Automaton, check_automaton
from .chain import (
    MAX_EXACT_STATES,
    MAX_SYMBOLIC_STATES,
    cesaro_occupation,
    discounted_occupation,
    finite_occupation,
    joint_chain,
    reachable_states,
)
from .stage import stage_payoffs

__all__ = ["average_payoffs", "check_delta", "check_noise", "cooperation_rate", "outcome_distribution"]


def check_noise(noise: Any) -> Fraction | float:
    """Validate an implementation-noise probability in [0, 1] (kept exact when rational).

    Examples
    --------
    >>> check_noise(1.5)
    Traceback (most recent call last):
    ...
    ValueError: noise must be a probability in [0, 1]; got 1.5
    """
    v = to_number(noise, "noise")
    if not isinstance(v, (Fraction, float)):
        raise TypeError(f"noise must be a number in [0, 1]; got {type(noise).__name__} {noise!r}")
    if not 0 <= v <= 1:
        raise ValueError(f"noise must be a probability in [0, 1]; got {noise}")
    return v


def check_delta(delta: Any) -> Any:
    """Validate a discount factor in [0, 1) (a sympy Symbol is allowed and kept symbolic).

    Examples
    --------
    >>> check_delta(1)
    Traceback (most recent call last):
    ...
    ValueError: delta must be a discount factor in [0, 1) (use delta=None for the limit of means); got 1
    """
    v = to_number(delta, "delta")
    if isinstance(v, (Fraction, float)):
        if not 0 <= v < 1:
            raise ValueError("delta must be a discount factor in [0, 1) (use delta=None for the limit of means); "
                             f"got {delta}")
        return v
    if not getattr(v, "is_Symbol", False):
        raise TypeError(f"delta must be a number in [0, 1) or a sympy Symbol; got {delta!r}")
    return v


def outcome_distribution(
    s1: Automaton, s2: Automaton, *, delta: Any = None, noise: Any = 0, rounds: int | None = None
) -> np.ndarray:
    """Frequencies of the realized profiles when ``s1`` (row) meets ``s2`` (column).

    Parameters
    ----------
    s1, s2 : Automaton
        The two strategies.
    delta : number in [0, 1), sympy Symbol, or None
        Discount factor: the result is ``(1 - delta) sum_t delta^t P(profile at t)``. ``None`` gives the
        limit of means (the Cesàro limit from the initial state, correct for non-ergodic chains).
    noise : number in [0, 1]
        Probability that each intended action is flipped.
    rounds : int, optional
        Average over the first ``rounds`` rounds instead (``delta`` must then be None).

    Returns
    -------
    numpy.ndarray, shape (2, 2)
        ``out[a1, a2]``, action 0 = C. Fractions when all inputs are exact, floats otherwise, sympy
        expressions when ``delta`` is a Symbol.

    Examples
    --------
    >>> from games.repeated import TFT, ALLD
    >>> outcome_distribution(TFT, ALLD, delta=Fraction(9, 10)).tolist()
    [[Fraction(0, 1), Fraction(1, 10)], [Fraction(0, 1), Fraction(9, 10)]]
    """
    check_automaton(s1, "s1")
    check_automaton(s2, "s2")
    eps = check_noise(noise)
    if rounds is not None:
        if delta is not None:
            raise ValueError(f"give either delta or rounds, not both; got delta={delta!r}, rounds={rounds!r}")
        if isinstance(rounds, bool) or not isinstance(rounds, (int, np.integer)) or rounds < 1:
            raise ValueError(f"rounds must be a positive integer; got {rounds!r}")
    d = None if delta is None else check_delta(delta)
    symbolic = d is not None and not isinstance(d, (Fraction, float))
    exact = isinstance(eps, Fraction) and s1.is_exact and s2.is_exact and (d is None or not isinstance(d, float))
    if symbolic and not exact:
        eps = to_fraction(eps, "noise")
        s1, s2 = s1.as_exact(), s2.as_exact()
        exact = True
    if not exact:
        eps = float(eps)
        s1, s2 = s1.as_float(), s2.as_float()
        d = None if d is None else float(d)
    states = reachable_states(s1, s2, eps)
    if rounds is None and symbolic and len(states) > MAX_SYMBOLIC_STATES:
        raise ValueError(
            f"{s1.name!r} against {s2.name!r} visits {len(states)} joint states, more than {MAX_SYMBOLIC_STATES} "
            "for a symbolic discount factor; give delta as a number (exact with a Fraction)"
        )
    if rounds is None and exact and not symbolic and len(states) > MAX_EXACT_STATES:
        raise ValueError(
            f"{s1.name!r} against {s2.name!r} visits {len(states)} joint states, more than {MAX_EXACT_STATES} for "
            "exact rational arithmetic; give noise or delta as a float (e.g. noise=0.1) for a floating-point solve"
        )
    ch = joint_chain(s1, s2, eps, states)
    if rounds is not None:
        occ = finite_occupation(ch, int(rounds))
    elif d is None:
        occ = cesaro_occupation(ch)
    elif symbolic:
        from sympy.polys.domains import QQ

        field = QQ.frac_field(d)
        dd = field.gens[0]
        chf = type(ch)(ch.size, ch.initial, [[field.convert(_qq(v)) for v in row] for row in ch.M],
                       [[field.convert(_qq(v)) for v in row] for row in ch.F], ch.n2)
        row = discounted_occupation(chf, dd, field=field, kind="field")[ch.initial]
        import sympy

        occ = [sympy.factor(field.to_sympy(v)) for v in row]
    else:
        occ = discounted_occupation(ch, d)[ch.initial]
    out = np.empty((2, 2), dtype=object if exact or symbolic else float)
    for k, v in enumerate(occ):
        out[k // 2, k % 2] = v
    return out


def _qq(v: Fraction) -> Any:
    from sympy.polys.domains import QQ

    return QQ(v.numerator, v.denominator)


def average_payoffs(
    stage: Any, s1: Automaton, s2: Automaton, *, delta: Any = None, noise: Any = 0, rounds: int | None = None
) -> tuple[Any, Any]:
    """Normalised repeated-game payoffs of ``s1`` (row) and ``s2`` (column): exact Markov-chain solution.

    With a discount factor the payoff is ``(1 - delta) sum_t delta^t u_t`` (so it is on the scale of the
    stage payoffs); with ``delta=None`` it is the limit of means; with ``rounds=N`` the mean over N rounds.

    Parameters
    ----------
    stage : NormalFormGame or array_like (2, 2, 2)
        The 2x2 stage game; action 0 = cooperate. Entries may be ints/Fractions (exact result),
        floats, or sympy expressions (symbolic result).
    s1, s2 : Automaton
    delta, noise, rounds
        As in :func:`outcome_distribution`.

    Returns
    -------
    tuple
        ``(payoff of s1, payoff of s2)``.

    Examples
    --------
    Tit-for-tat against itself with 10% implementation errors: in the long run every profile is
    equally likely, so each earns (R + S + T + P)/4 = 9/4 in Axelrod's game.

    >>> from games.catalog import prisoners_dilemma
    >>> from games.repeated import TFT, GRIM
    >>> average_payoffs(prisoners_dilemma(), TFT, TFT, noise=Fraction(1, 10))
    (Fraction(9, 4), Fraction(9, 4))
    >>> import sympy
    >>> d = sympy.Symbol("delta")
    >>> from games.repeated import ALLD
    >>> average_payoffs(prisoners_dilemma(), ALLD, GRIM, delta=d)[0]     # T then P forever
    5 - 4*delta
    """
    u = stage_payoffs(stage)
    occ = outcome_distribution(s1, s2, delta=delta, noise=noise, rounds=rounds)
    vals = []
    for player in (0, 1):
        total = sum(occ[a1, a2] * u[a1, a2, player] for a1 in (0, 1) for a2 in (0, 1))
        vals.append(_tidy(total))
    return vals[0], vals[1]


def _tidy(v: Any) -> Any:
    if type(v).__module__.startswith("sympy"):
        import sympy

        return sympy.simplify(v)
    if isinstance(v, Fraction) or isinstance(v, float):
        return v
    return float(v) if isinstance(v, (np.floating, int)) else v


def cooperation_rate(s1: Automaton, s2: Automaton, *, delta: Any = None, noise: Any = 0,
                     rounds: int | None = None) -> Any:
    """Share of realized cooperative actions of both players (discounted, long-run or finite mean).

    Examples
    --------
    >>> from games.repeated import WSLS
    >>> cooperation_rate(WSLS, WSLS, noise=Fraction(1, 10))   # 0.82 * 0.9 + 0.18 * 0.1
    Fraction(189, 250)
    """
    occ = outcome_distribution(s1, s2, delta=delta, noise=noise, rounds=rounds)
    return (2 * occ[0, 0] + occ[0, 1] + occ[1, 0]) / 2
