"""Repeated 2x2 games solved exactly: automaton strategies, payoffs, critical discount factors, tournaments.

Strategies are finite automata (:mod:`games.repeated.automata`); two of them with implementation noise
form a finite Markov chain of joint states whose (discounted or long-run) profile frequencies give the
payoffs by a linear solve (:mod:`games.repeated.payoffs`). :func:`critical_discount` finds the smallest
discount factor at which a profile is a subgame-perfect or Nash equilibrium; :func:`round_robin` scores
tournaments exactly; :func:`simulate` is a seeded simulator for cross-checks.

Examples
--------
>>> from fractions import Fraction
>>> from games.repeated import GRIM, prisoners_dilemma, critical_discount
>>> critical_discount(prisoners_dilemma(), GRIM, GRIM)            # (T - R)/(T - P) = 2/4
Fraction(1, 2)
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
    library,
    memory_one,
)
from .payoffs import average_payoffs, cooperation_rate, outcome_distribution
from .simulate import simulate, simulated_payoffs
from .stage import donation_game, prisoners_dilemma, stag_hunt
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
]
