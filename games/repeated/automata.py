"""Strategies of the repeated 2x2 game as finite automata.

An automaton has a finite set of states; in each state it *intends* to cooperate with a given
probability (0 or 1 for the classic deterministic strategies), and after every round it moves to the
next state according to the profile it observed, written from its own point of view as
``(own action, other's action)`` with the four profiles ordered ``"CC", "CD", "DC", "DD"``. Action
index 0 is cooperation and index 1 is defection, matching the row/column order of the stage games
(:func:`games.repeated.stage_payoffs`; the first action of each player is the cooperative one).

References
----------
Rubinstein (1986), "Finite automata play the repeated prisoner's dilemma", J. Econ. Theory 39;
Mailath & Samuelson (2006), *Repeated Games and Reputations*, Sec. 2.3 (automaton representation).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Integral, Rational, Real
from typing import Any

import numpy as np

from ..numeric import to_fraction

__all__ = [
    "ALLC",
    "ALLD",
    "ALT",
    "GRIM",
    "GTFT",
    "PROFILES",
    "RANDOM",
    "STFT",
    "TF2T",
    "TFT",
    "WSLS",
    "Automaton",
    "automaton",
    "check_automaton",
    "library",
    "memory_one",
]

PROFILES = ("CC", "CD", "DC", "DD")
"""Observed profiles ``(own, other)`` in the order used by :attr:`Automaton.transitions`."""


def _as_probability(value: Any, name: str) -> Fraction | float:
    if isinstance(value, str):
        if value.upper() not in ("C", "D"):
            raise ValueError(f"{name} must be 'C', 'D' or a probability of cooperating in [0, 1]; got {value!r}")
        return Fraction(1) if value.upper() == "C" else Fraction(0)
    if isinstance(value, bool) or not isinstance(value, (Real, np.number)):
        raise TypeError(f"{name} must be 'C', 'D' or a probability in [0, 1]; got {type(value).__name__} {value!r}")
    if isinstance(value, (Integral, np.integer)):
        out: Fraction | float = Fraction(int(value))
    elif isinstance(value, Rational):
        out = Fraction(value.numerator, value.denominator)
    else:
        out = float(value)
        if out != out:
            raise ValueError(f"{name} must be a probability in [0, 1]; got NaN")
    if not 0 <= out <= 1:
        raise ValueError(f"{name} must be a probability of cooperating in [0, 1]; got {value}")
    return out


@dataclass(frozen=True)
class Automaton:
    """A (possibly stochastic) finite-automaton strategy of a repeated 2x2 game.

    Parameters
    ----------
    name : str
        Short label (used in tournament tables).
    cooperate : sequence of probabilities
        ``cooperate[s]`` is the probability of intending to cooperate in state ``s`` (``1`` = C, ``0`` = D).
        Ints and Fractions keep the exact path exact; floats make payoffs floats.
    transitions : sequence of 4-tuples of int
        ``transitions[s][k]`` is the next state after observing profile ``PROFILES[k]`` (own, other) in
        state ``s``.
    initial : int
        The state of round 0.
    states : sequence of str, optional
        State labels (default ``"s0", "s1", ...``).

    Examples
    --------
    Tit-for-tat: state 0 cooperates, state 1 defects; move to the state named by the other's last action.

    >>> tft = Automaton("TFT", (1, 0), ((0, 1, 0, 1), (0, 1, 0, 1)))
    >>> tft.num_states, tft.is_deterministic
    (2, True)
    >>> Automaton("bad", (1, 0), ((0, 1, 0), (0, 1, 0, 1)))
    Traceback (most recent call last):
    ...
    ValueError: automaton 'bad': transitions[0] must give a next state for each of the 4 observed profiles ...
    """

    name: str
    cooperate: tuple
    transitions: tuple
    initial: int = 0
    states: tuple = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise TypeError(f"name must be a non-empty str; got {self.name!r}")
        who = f"automaton {self.name!r}"
        try:
            coop = tuple(self.cooperate)
        except TypeError as exc:
            raise TypeError(f"{who}: cooperate must be a sequence of probabilities; got {self.cooperate!r}") from exc
        n = len(coop)
        if n < 1:
            raise ValueError(f"{who}: needs at least one state (cooperate is empty)")
        coop = tuple(_as_probability(p, f"{who}: cooperate[{s}]") for s, p in enumerate(coop))
        try:
            trans_in = list(self.transitions)
        except TypeError as exc:
            raise TypeError(f"{who}: transitions must be a sequence of 4-tuples; got {self.transitions!r}") from exc
        if len(trans_in) != n:
            raise ValueError(f"{who}: transitions must have one row per state ({n}); got {len(trans_in)}")
        trans = []
        for s, row in enumerate(trans_in):
            row = tuple(row)
            if len(row) != 4:
                raise ValueError(
                    f"{who}: transitions[{s}] must give a next state for each of the 4 observed profiles "
                    f"('CC', 'CD', 'DC', 'DD'); got {len(row)} entries"
                )
            for k, t in enumerate(row):
                if isinstance(t, bool) or not isinstance(t, (Integral, np.integer)) or not 0 <= t < n:
                    raise ValueError(
                        f"{who}: transitions[{s}][{k}] (after {PROFILES[k]}) must be a state index in "
                        f"0..{n - 1}; got {t!r}"
                    )
            trans.append(tuple(int(t) for t in row))
        init = self.initial
        if isinstance(init, bool) or not isinstance(init, (Integral, np.integer)) or not 0 <= init < n:
            raise ValueError(f"{who}: initial must be a state index in 0..{n - 1}; got {self.initial!r}")
        labels = tuple(str(x) for x in self.states) if self.states else tuple(f"s{s}" for s in range(n))
        if len(labels) != n:
            raise ValueError(f"{who}: states must label each of the {n} states; got {len(labels)}")
        object.__setattr__(self, "cooperate", coop)
        object.__setattr__(self, "transitions", tuple(trans))
        object.__setattr__(self, "initial", int(self.initial))
        object.__setattr__(self, "states", labels)

    @property
    def num_states(self) -> int:
        """Number of states."""
        return len(self.cooperate)

    @property
    def is_deterministic(self) -> bool:
        """True when every state plays a pure action."""
        return all(p in (0, 1) for p in self.cooperate)

    @property
    def is_exact(self) -> bool:
        """True when every cooperation probability is an int or Fraction (exact arithmetic applies)."""
        return all(isinstance(p, Fraction) for p in self.cooperate)

    def as_exact(self) -> Automaton:
        """This automaton with its probabilities as Fractions (a float read as its shortest decimal, 0.1 -> 1/10).

        Examples
        --------
        >>> RANDOM(0.25).as_exact().cooperate
        (Fraction(1, 4),)
        """
        if self.is_exact:
            return self
        return Automaton(self.name, tuple(to_fraction(p) for p in self.cooperate), self.transitions, self.initial,
                         self.states)

    def as_float(self) -> Automaton:
        """This automaton with its probabilities as floats (for a floating-point solve).

        Examples
        --------
        >>> GTFT().as_float().cooperate
        (1.0, 0.3333333333333333)
        """
        return Automaton(self.name, tuple(float(p) for p in self.cooperate), self.transitions, self.initial,
                         self.states)

    def next_state(self, state: int, own: int, other: int) -> int:
        """The state after observing ``(own, other)`` (0 = C, 1 = D) in ``state``.

        Examples
        --------
        >>> TFT.next_state(0, 0, 1)     # the other defected: move to the defecting state
        1
        """
        return self.transitions[state][2 * own + other]

    def __repr__(self) -> str:
        return f"Automaton({self.name!r}, states={self.num_states})"


def automaton(
    name: str,
    actions: Mapping[str, Any],
    transitions: Mapping[str, Any],
    initial: str | None = None,
) -> Automaton:
    """Build an :class:`Automaton` from labelled states.

    Parameters
    ----------
    name : str
        Strategy label.
    actions : mapping state -> "C" | "D" | probability
        What each state plays (in insertion order; the first state is the initial one unless ``initial``).
    transitions : mapping state -> (mapping profile -> state, or a state)
        For each state, the next state after each observed profile ``"CC", "CD", "DC", "DD"`` (own action
        first); a single state label means "go there whatever happens".
    initial : str, optional
        Label of the initial state.

    Examples
    --------
    Win-stay, lose-shift written out:

    >>> wsls = automaton("WSLS", {"c": "C", "d": "D"},
    ...                  {"c": {"CC": "c", "CD": "d", "DC": "d", "DD": "c"},
    ...                   "d": {"CC": "c", "CD": "d", "DC": "d", "DD": "c"}})
    >>> wsls.transitions
    ((0, 1, 1, 0), (0, 1, 1, 0))
    >>> automaton("X", {"c": "C"}, {"c": {"CC": "c"}})
    Traceback (most recent call last):
    ...
    ValueError: automaton 'X': state 'c' has no transition for the observed profile(s) 'CD', 'DC', 'DD'
    """
    if not isinstance(actions, Mapping) or not actions:
        raise TypeError(f"actions must be a non-empty mapping state -> 'C'/'D'/probability; got {actions!r}")
    if not isinstance(transitions, Mapping):
        raise TypeError(f"transitions must be a mapping state -> {{profile: state}}; got {transitions!r}")
    labels = [str(s) for s in actions]
    index = {s: i for i, s in enumerate(labels)}
    extra = [str(s) for s in transitions if str(s) not in index]
    if extra:
        raise ValueError(f"automaton {name!r}: transitions name unknown state(s) {extra}; states are {labels}")
    rows = []
    for s in labels:
        if s not in {str(k) for k in transitions}:
            raise ValueError(f"automaton {name!r}: state {s!r} has no transitions")
        spec = transitions[s]
        if isinstance(spec, str):
            spec = {p: spec for p in PROFILES}
        if not isinstance(spec, Mapping):
            raise TypeError(f"automaton {name!r}: transitions[{s!r}] must be a mapping profile -> state or a state")
        bad = [p for p in spec if p not in PROFILES]
        if bad:
            raise ValueError(f"automaton {name!r}: state {s!r} has unknown profile(s) {bad}; use {PROFILES}")
        missing = [p for p in PROFILES if p not in spec]
        if missing:
            raise ValueError(
                f"automaton {name!r}: state {s!r} has no transition for the observed profile(s) "
                + ", ".join(repr(p) for p in missing)
            )
        row = []
        for p in PROFILES:
            target = str(spec[p])
            if target not in index:
                raise ValueError(f"automaton {name!r}: state {s!r} after {p} goes to unknown state {target!r}; "
                                 f"states are {labels}")
            row.append(index[target])
        rows.append(tuple(row))
    if initial is None:
        init = 0
    elif str(initial) in index:
        init = index[str(initial)]
    else:
        raise ValueError(f"automaton {name!r}: initial state {initial!r} is not one of {labels}")
    return Automaton(name, tuple(actions[s] for s in actions), tuple(rows), init, tuple(labels))


def memory_one(p: Sequence[Any], p0: Any = 1, name: str | None = None) -> Automaton:
    """A memory-one strategy: cooperate with probability ``p[k]`` after observed profile ``PROFILES[k]``.

    Five states: the start state (cooperating with probability ``p0``) and one state per last profile.

    Parameters
    ----------
    p : sequence of 4 probabilities
        ``(p_CC, p_CD, p_DC, p_DD)``, own action first (Nowak & Sigmund 1993, Nature 364: 56-58).
    p0 : probability
        Probability of cooperating in the first round.

    Examples
    --------
    >>> m = memory_one((1, 0, 1, 0))     # tit-for-tat as a memory-one strategy
    >>> m.num_states, m.states[1], m.cooperate[1], m.states[2], m.cooperate[2]
    (5, 'CC', Fraction(1, 1), 'CD', Fraction(0, 1))
    """
    p = tuple(p)
    if len(p) != 4:
        raise ValueError(f"p must hold 4 probabilities (p_CC, p_CD, p_DC, p_DD); got {len(p)}")
    row = (1, 2, 3, 4)
    label = name or "M1" + str(tuple(str(x) for x in p)).replace("'", "")
    return Automaton(label, (p0, *p), (row,) * 5, 0, ("start", *PROFILES))


def _EVERY(s: int) -> tuple[int, int, int, int]:
    return (s, s, s, s)

ALLC = Automaton("ALLC", (1,), (_EVERY(0),), 0, ("C",))
"""Always cooperate."""
ALLD = Automaton("ALLD", (0,), (_EVERY(0),), 0, ("D",))
"""Always defect."""
GRIM = Automaton("GRIM", (1, 0), ((0, 1, 1, 1), _EVERY(1)), 0, ("C", "D"))
"""Grim trigger: cooperate until any profile other than mutual cooperation is observed, then defect forever."""
TFT = Automaton("TFT", (1, 0), ((0, 1, 0, 1), (0, 1, 0, 1)), 0, ("C", "D"))
"""Tit-for-tat: cooperate first, then copy the other's last action (Axelrod 1984)."""
STFT = Automaton("STFT", (1, 0), ((0, 1, 0, 1), (0, 1, 0, 1)), 1, ("C", "D"))
"""Suspicious tit-for-tat: defect first, then copy the other's last action."""
TF2T = Automaton("TF2T", (1, 1, 0), ((0, 1, 0, 1), (0, 2, 0, 2), (0, 2, 0, 2)), 0, ("C", "C1", "D"))
"""Tit-for-two-tats: defect only after two consecutive defections by the other."""
WSLS = Automaton("WSLS", (1, 0), ((0, 1, 1, 0), (0, 1, 1, 0)), 0, ("C", "D"))
"""Win-stay, lose-shift (Pavlov): cooperate iff both played the same action last round (Nowak & Sigmund 1993)."""
ALT = Automaton("ALT", (1, 0), (_EVERY(1), _EVERY(0)), 0, ("C", "D"))
"""Alternate C, D, C, D, ... regardless of the other."""


def GTFT(q: Any = Fraction(1, 3)) -> Automaton:
    """Generous tit-for-tat: cooperate after the other's C, and with probability ``q`` after its D.

    The default ``q = 1/3`` is Nowak & Sigmund's (1992, Nature 355: 250-253) generosity
    ``min(1 - (T-R)/(R-S), (R-P)/(T-P))`` for the payoffs T, R, P, S = 5, 3, 1, 0.

    Examples
    --------
    >>> GTFT().cooperate
    (Fraction(1, 1), Fraction(1, 3))
    """
    q = _as_probability(q, "q")
    return Automaton(f"GTFT({q})", (1, q), ((0, 1, 0, 1), (0, 1, 0, 1)), 0, ("C", "D"))


def RANDOM(p: Any = Fraction(1, 2)) -> Automaton:
    """Cooperate with probability ``p`` every round (Axelrod's RANDOM entry uses ``p = 1/2``).

    Examples
    --------
    >>> RANDOM().cooperate
    (Fraction(1, 2),)
    """
    p = _as_probability(p, "p")
    return Automaton(f"RANDOM({p})" if p != Fraction(1, 2) else "RANDOM", (p,), (_EVERY(0),), 0, ("R",))


def library() -> dict[str, Automaton]:
    """The named strategies of this module, by name.

    Examples
    --------
    >>> sorted(library())[:4]
    ['ALLC', 'ALLD', 'ALT', 'GRIM']
    """
    out = [ALLC, ALLD, GRIM, TFT, STFT, TF2T, WSLS, ALT, GTFT(), RANDOM()]
    return {a.name: a for a in out}


def check_automaton(s: Any, name: str) -> Automaton:
    """``s`` if it is an :class:`Automaton`; a TypeError naming the argument otherwise.

    Examples
    --------
    >>> check_automaton(TFT, "s1").name
    'TFT'
    >>> check_automaton("TFT", "s1")
    Traceback (most recent call last):
    ...
    TypeError: s1 must be a games.repeated.Automaton; got str 'TFT'
    """
    if not isinstance(s, Automaton):
        raise TypeError(f"{name} must be a games.repeated.Automaton; got {type(s).__name__} {s!r}")
    return s
