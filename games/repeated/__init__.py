"""Repeated 2x2 games solved exactly: automaton strategies, payoffs, critical discount factors, tournaments.

Strategies are finite automata (:mod:`games.repeated.automata`); two of them with implementation noise
form a finite Markov chain of joint states whose (discounted or long-run) profile frequencies give the
payoffs by a linear solve (:mod:`games.repeated.payoffs`). :func:`critical_discount` finds the smallest
discount factor at which a profile is a subgame-perfect or Nash equilibrium; :func:`round_robin` scores
tournaments exactly; :func:`simulate` is a seeded simulator for cross-checks.

Every function takes its stage game as a two-player 2x2 :class:`~games.NormalFormGame`, a 2x2
:class:`~games.symbolic.SymbolicGame` (symbolic results) or a ``(2, 2, 2)`` payoff array, converted by
:func:`stage_payoffs`; action 0 of each player is the cooperative one. The classic stage games come from
:mod:`games.catalog` (``prisoners_dilemma``, ``stag_hunt`` and ``donation_game`` here are deprecated
aliases of the catalogue's).

Examples
--------
>>> from fractions import Fraction
>>> from games.catalog import prisoners_dilemma
>>> from games.repeated import GRIM, critical_discount
>>> critical_discount(prisoners_dilemma(), GRIM, GRIM)            # (T - R)/(T - P) = 2/4
Fraction(1, 2)
>>> critical_discount(prisoners_dilemma(symbolic=True), GRIM, GRIM, at={"T": 5, "R": 3, "P": 1, "S": 0})
(R - T)/(P - T)
"""

from .automata import (
    ALLC,
    ALLD,
    ALT,
    GRIM,
    GTFT,
    PROFILES,
    RANDOM,
    STFT,
    TF2T,
    TFT,
    WSLS,
    Automaton,
    automaton,
    check_automaton,
    library,
    memory_one,
)
from .payoffs import average_payoffs, cooperation_rate, outcome_distribution
from .simulate import simulate, simulated_payoffs
from .stage import donation_game, prisoners_dilemma, stag_hunt, stage_payoffs
from .thresholds import critical_discount, equilibrium_intervals, is_equilibrium
from .tournament import Tournament, axelrod_continuation, round_robin

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
    "Tournament",
    "automaton",
    "average_payoffs",
    "check_automaton",
    "axelrod_continuation",
    "cooperation_rate",
    "critical_discount",
    "donation_game",
    "equilibrium_intervals",
    "is_equilibrium",
    "library",
    "memory_one",
    "outcome_distribution",
    "prisoners_dilemma",
    "round_robin",
    "simulate",
    "simulated_payoffs",
    "stag_hunt",
    "stage_payoffs",
]
