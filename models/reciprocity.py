"""Regimes as institutionalised reciprocity: the repeated security dilemma under a regime's norms.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*) argues that "international regimes are not completely synonymous with
reciprocity; rather, they strengthen and institutionalize it. Norms and regulations existing within a
regime fix a common understanding of reciprocity agreed upon in this or that area of international
relations, and thus forbid diversion from these norms."

Two states repeatedly choose restraint (C) or arming (D) in a prisoner's dilemma (or, once sanctions
bite, a stag hunt). The regime's parameters are the essay's:

* the shadow of the future, ``discount``: "These coalitions could only be effective if those actors who
  are long-term allies and who are willing and able to work together join them";
* transparency and information exchange, ``noise`` (the probability that an intended action is carried
  out or read as the other): regimes "help the states assess mutual intentions and reputation, and
  contribute to parity information exchanges, thus increasing the predictability of international
  behavior";
* sanctions that need consensus, ``fine`` x P(at least ``quorum`` of ``members`` agree): regimes are
  "decentralized institutions, which means not an absence of sanctions for violating norms and rules of
  a regime, but a necessity of consensus on sanctions implementation";
* reputation, ``reputation`` x ``partners``: "International regimes set up standards of behavior, which
  could help to estimate intentions and reputation of a partner".

The sanction and the reputational loss fall on a state that arms against a restrained partner (the
"diversion" the norm forbids), lowering the temptation T to an effective ``T - s - r``. The regime's
reciprocity norm is an automaton (grim trigger, tit-for-tat, win-stay lose-shift, generous TFT, ...);
the engine (:mod:`games.repeated`) finds the exact critical discount factor of the norm under noise,
the cooperation it yields, and (:mod:`games.evolution`) which norm a population of states settles on.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from games import NormalFormGame, equilibria
from games.evolution import small_mutation_distribution
from games.numeric import format_number
from games.repeated import (
    ALLC,
    ALLD,
    GRIM,
    GTFT,
    TF2T,
    TFT,
    WSLS,
    Automaton,
    cooperation_rate,
    critical_discount,
    is_equilibrium,
    round_robin,
)

from .base import max_regret, param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ReciprocityRegime", "NORMS", "MAP_NORMS", "SANCTIONED", "CLAIM", "SANCTION_CLAIM", "INFO_CLAIM",
           "consensus_probability", "sanctioned_label", "critical_discount_table", "regime_map_table",
           "sanction_map_table", "sanction_threshold_table", "norm_evolution_table", "tft_conditions"]

#: Smallest positive ``noise``: the exact critical discount's polynomial has coefficients that grow with
#: ``1/noise`` (at 1e-50 one outcome takes seconds; at 1e-100 it does not finish).
MIN_NOISE = 1e-12

#: The essay's sentence :class:`ReciprocityRegime` formalises (quoted verbatim); its ``claim`` attribute.
CLAIM = ("Meanwhile, international regimes are not completely synonymous with reciprocity; rather, they strengthen "
         "and institutionalize it. Norms and regulations existing within a regime fix a common understanding of "
         "reciprocity agreed upon in this or that area of international relations, and thus forbid diversion "
         "from these norms.")
#: The essay's sentence on sanctions that need consensus (the regime map draws it).
SANCTION_CLAIM = ("International regimes could also be defined as decentralized institutions, which means not an "
                  "absence of sanctions for violating norms and rules of a regime, but a necessity of consensus on "
                  "sanctions implementation, which could be less strict, comparing to a collective security system.")
#: The essay's sentence on transparency and reputation (the evolution of norms draws it).
INFO_CLAIM = ("International regimes set certain behavior standards which help the states assess mutual intentions "
              "and reputation, and contribute to parity information exchanges, thus increasing the predictability "
              "of international behavior.")

#: The norms the regime maps compare.
MAP_NORMS = ("GRIM", "WSLS", "TFT")
#: The sanctioned variant the critical-discount table compares with the regime: a fine of 1.5 that needs 3 votes.
SANCTIONED = {"fine": 1.5, "quorum": 3}


def _norms() -> dict[str, Automaton]:
    return {"GRIM": GRIM, "TFT": TFT, "WSLS": WSLS, "GTFT": GTFT(Fraction(1, 3)), "TF2T": TF2T}


NORMS = tuple(_norms())
"""Names of the reciprocity norms a regime can institutionalise."""

_POPULATION_STRATEGIES = ("ALLD", "ALLC", "GRIM", "TFT", "WSLS", "GTFT")


def consensus_probability(members: int, quorum: int, agree: float) -> float:
    """Probability that at least ``quorum`` of ``members`` back a sanction, each independently with ``agree``.

    Examples
    --------
    >>> round(consensus_probability(5, 5, 0.8), 5)     # unanimity among five: 0.8^5
    0.32768
    >>> round(consensus_probability(5, 3, 0.8), 5)     # a majority of five
    0.94208
    """
    return float(sum(math.comb(members, m) * agree ** m * (1 - agree) ** (members - m)
                     for m in range(quorum, members + 1)))


@register_model(claim=CLAIM, headlines=("reciprocity-critical-discount", "reciprocity-regime-map",
                                         "reciprocity-norm-evolution"))
@dataclass(frozen=True)
class ReciprocityRegime:
    """The repeated security dilemma between two states under a regime of reciprocity norms.

    The default stage game (T, R, P, S = 6, 4, 1, 0) is a prisoner's dilemma in which grim trigger needs
    delta >= (T-R)/(T-P) = 2/5 and win-stay lose-shift delta >= (T-R)/(R-P) = 2/3 without noise.

    Examples
    --------
    >>> r = ReciprocityRegime()
    >>> out = r.outcome()
    >>> out["norm"], out["sustainable"], round(out["critical_discount"], 4)
    ('GRIM', True, 0.4191)
    >>> ReciprocityRegime(noise=2).outcome()
    Traceback (most recent call last):
    ...
    ValueError: noise must be <= 1; got 2
    """

    temptation: float = param(6.0, "utils", "T: payoff of arming against a restrained partner", unbounded=True)
    reward: float = param(4.0, "utils", "R: payoff of mutual restraint", unbounded=True)
    punishment: float = param(1.0, "utils", "P: payoff of mutual arming", unbounded=True)
    sucker: float = param(0.0, "utils", "S: payoff of restraint against an arming partner", unbounded=True)
    discount: float = param(0.9, "probability", "shadow of the future: chance the relationship continues each round",
                            low=0, high=1, high_open=True)
    noise: float = param(0.02, "probability",
                         "misperception: chance an intended action is carried out or read as the other "
                         f"(0, or at least {MIN_NOISE:g})", low=0, high=1)
    fine: float = param(0.0, "utils", "sanction on a state that arms against a restrained partner", low=0)
    members: int = param(5, "states", "members who must decide on a sanction", low=1, integer=True)
    quorum: int = param(5, "states", "votes needed to sanction (members = consensus)", low=1, integer=True)
    agree: float = param(0.8, "probability", "chance that each member backs a sanction", low=0, high=1)
    reputation: float = param(0.0, "probability", "chance that a third party learns of a violation",
                              low=0, high=1)
    partners: int = param(1, "states", "third parties who withhold restraint from a known violator for one round",
                          low=0, integer=True)
    norm: str = param("GRIM", "-", "the reciprocity norm the regime fixes: GRIM, TFT, WSLS, GTFT or TF2T",
                      choices=NORMS)
    population: int = param(30, "states", "population size for the evolution of norms", low=2, integer=True)
    selection: float = param(1.0, "1/utils", "selection intensity of the pairwise-comparison rule", low=0)

    def __post_init__(self) -> None:
        validate(self)
        if 0 < self.noise < MIN_NOISE:
            raise ValueError(f"noise must be 0 or at least {MIN_NOISE:g}; got {self.noise!r} (the exact critical "
                             "discount is a root of a polynomial whose coefficients grow with 1/noise: below this "
                             "the computation does not finish; use noise=0 for no misperception)")
        if self.quorum > self.members:
            raise ValueError(f"quorum must be between 1 and members ({self.members}); got {self.quorum}")

    # ------------------------------------------------------------------ presets
    @classmethod
    def collective_security(cls, **changes: Any) -> ReciprocityRegime:
        """A collective security regime: stricter sanctions decided without unanimity.

        The essay contrasts regimes, whose sanctions need consensus, with the "less strict" alternative:
        consensus "could be less strict, comparing to a collective security system", and "collective
        security regimes proved to become really workable". Here: a sizeable fine, a majority quorum
        (3 of 5), moderate transparency and a moderately long shadow of the future.

        Examples
        --------
        >>> ReciprocityRegime.collective_security().quorum
        3
        """
        return dataclasses.replace(cls(fine=1.5, quorum=3, agree=0.8, discount=0.8, noise=0.05,
                                       reputation=0.2), **changes)

    @classmethod
    def cooperative_security(cls, **changes: Any) -> ReciprocityRegime:
        """A cooperative security regime: consensus sanctions, transparency and reputation.

        Regimes are "decentralized institutions, which means not an absence of sanctions for violating
        norms and rules of a regime, but a necessity of consensus on sanctions implementation"; they
        "set up standards of behavior, which could help to estimate intentions and reputation of a
        partner and to exchange information". Here: a fine that needs all five members, low noise
        (information exchange) and a high chance that violations become known.

        Examples
        --------
        >>> ReciprocityRegime.cooperative_security().quorum
        5
        """
        return dataclasses.replace(cls(fine=1.5, quorum=5, agree=0.8, discount=0.85, noise=0.01,
                                       reputation=0.6), **changes)

    @classmethod
    def common_security(cls, **changes: Any) -> ReciprocityRegime:
        """A common security regime: long-term partners, no sanctions, high predictability.

        "Common Security is an outside projection of the internal conflict resolution ethics, generated
        by democratic societies", and "Long-term alliances are no less important for the coalitions as a
        strictly defined mission." Here: a long shadow of the future, no fine, low noise and reputation.

        Examples
        --------
        >>> ReciprocityRegime.common_security().fine
        0.0
        """
        return dataclasses.replace(cls(fine=0.0, discount=0.95, noise=0.02, reputation=0.4), **changes)

    # ------------------------------------------------------------------ derived quantities
    def consensus(self) -> float:
        """Probability that the members reach the quorum for a sanction."""
        return consensus_probability(self.members, self.quorum, self.agree)

    def expected_sanction(self) -> float:
        """``fine`` times the probability of consensus."""
        return float(self.fine) * self.consensus()

    def reputation_cost(self) -> float:
        """Expected loss from third parties: each of ``partners`` learns of a violation with probability
        ``reputation`` and withholds restraint for one round next period, costing ``R - S`` (discounted)."""
        return float(self.discount) * float(self.reputation) * self.partners * (float(self.reward) - float(self.sucker))

    def effective_temptation(self) -> float:
        """``T - expected sanction - reputational cost``: what arming against a restrained partner is worth."""
        return float(self.temptation) - self.expected_sanction() - self.reputation_cost()

    def game(self) -> NormalFormGame:
        """The stage game with the regime's sanctions and reputation priced in (action 0 = restrain).

        Examples
        --------
        >>> ReciprocityRegime(fine=1.0, quorum=1, agree=1.0).game().payoffs[1, 0].tolist()
        [5.0, 0.0]
        """
        t = round(self.effective_temptation(), 12)
        r, p, s = float(self.reward), float(self.punishment), float(self.sucker)
        u = [[[r, r], [s, t]], [[t, s], [p, p]]]
        return NormalFormGame(u, players=["State 1", "State 2"], actions=[["restrain", "arm"]] * 2,
                              title="Security dilemma under a regime")

    def strategy(self) -> Automaton:
        """The automaton of the regime's norm."""
        return _norms()[self.norm]

    def population_strategies(self) -> list[Automaton]:
        """The strategies competing in the evolution of norms."""
        lib = {"ALLD": ALLD, "ALLC": ALLC, **_norms()}
        return [lib[n] for n in _POPULATION_STRATEGIES]

    def outcome(self) -> dict[str, Any]:
        """Whether the norm sustains restraint, at what discount factor, how much, and what evolves.

        Returns
        -------
        dict
            ``consensus_probability``, ``expected_sanction``, ``reputation_cost``,
            ``effective_temptation``; ``stage_equilibria`` (pure equilibria of the stage game, from the
            solver), ``restraint_is_stage_equilibrium`` and ``stage_max_regret`` (their largest
            regret); for the norm: ``critical_discount`` (smallest
            discount factor at which the norm is subgame perfect under the noise; ``inf`` if none),
            ``sustainable`` (subgame perfect at ``discount``), ``cooperation_rate`` (expected share of
            restraint over the relationship) and ``long_run_cooperation`` (limit of means); for the
            population: ``settled_norm`` (most frequent strategy when mutations are rare),
            ``settled_share`` and ``population_cooperation``.
        """
        g = self.game()
        stage = equilibria(g, method="pure")
        pure = [eq.pure_actions() for eq in stage]
        norm = self.strategy()
        noise, delta = float(self.noise), float(self.discount)
        d_star = critical_discount(g, norm, norm, noise=noise)
        sustainable = is_equilibrium(g, norm, norm, delta, noise=noise)
        coop = float(cooperation_rate(norm, norm, delta=delta, noise=noise))
        long_run = float(cooperation_rate(norm, norm, noise=noise))
        dist, names, rates = self.norm_distribution()
        best = int(np.argmax(dist))
        return {
            "norm": self.norm,
            "consensus_probability": self.consensus(),
            "expected_sanction": self.expected_sanction(),
            "reputation_cost": self.reputation_cost(),
            "effective_temptation": self.effective_temptation(),
            "stage_equilibria": len(pure),
            "restraint_is_stage_equilibrium": ("restrain", "restrain") in pure,
            "stage_max_regret": max_regret(stage),
            "critical_discount": float(d_star),
            "sustainable": bool(sustainable),
            "cooperation_rate": coop,
            "long_run_cooperation": long_run,
            "settled_norm": names[best],
            "settled_share": float(dist[best]),
            "population_cooperation": float(np.dot(dist, rates)),
        }

    def norm_distribution(self) -> tuple[np.ndarray, list[str], np.ndarray]:
        """Small-mutation stationary distribution over the population strategies, their names, and
        each strategy's cooperation rate against itself (discounted, under the noise)."""
        g = self.game()
        strategies = self.population_strategies()
        delta, noise = float(self.discount), float(self.noise)
        t = round_robin(g, strategies, delta=delta, noise=noise)
        payoffs = np.asarray(t.payoffs, dtype=float)
        try:
            dist = small_mutation_distribution(payoffs, self.population, rule="fermi",
                                               intensity=float(self.selection))
        except ValueError as err:
            if "closed classes" not in str(err):
                raise
            spread = float(payoffs.max() - payoffs.min())
            raise ValueError(f"selection {self.selection:g} times the round-robin payoffs' spread {spread:g} is too "
                             "strong: every mutant's fixation probability underflows to 0, so the distribution over "
                             "norms is not determined in double precision; lower selection or the payoff scale"
                             ) from err
        rates = np.array([float(cooperation_rate(s, s, delta=delta, noise=noise)) for s in strategies])
        return dist, list(t.names), rates


# ---------------------------------------------------------------------------------------------- analyses
# The tables behind the report's figures; sections draw them, notebooks and tests read them.
def sanctioned_label(base: ReciprocityRegime) -> str:
    """How the tables name the sanctioned variant of ``base`` (:data:`SANCTIONED`).

    Examples
    --------
    >>> sanctioned_label(ReciprocityRegime())
    'sanctions (fine 1.5, 3 of 5)'
    """
    return (f"sanctions (fine {format_number(SANCTIONED['fine'])}, {SANCTIONED['quorum']} of "
            f"{format_number(base.members)})")


def critical_discount_table(noises: Sequence[float], base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Critical discount factor (subgame perfect) of each norm of :data:`MAP_NORMS` against noise, without and
    with sanctions (:data:`SANCTIONED`).

    Parameters
    ----------
    noises : sequence of float
        Implementation noise levels, each in [0, 1].
    base : ReciprocityRegime, optional
        The regime without sanctions (default: the defaults); its sanctioned variant replaces ``fine`` and
        ``quorum`` by :data:`SANCTIONED`.

    Returns
    -------
    pandas.DataFrame
        Columns ``regime`` ("no sanctions" or :func:`sanctioned_label`), ``norm``, ``noise`` and
        ``critical_discount`` (:func:`games.repeated.critical_discount`; ``inf`` where no discount factor
        below 1 sustains the norm).

    Examples
    --------
    Without noise grim trigger needs (T - R) / (T - P) = 2/5; with the fine 1.5 that passes with
    probability P(3 of 5 agree at 0.8) = 0.94208, T' = 6 - 1.41312 = 4.58688 and
    (T' - 4) / (T' - 1) = 0.58688 / 3.58688 = 0.16362.

    >>> t = critical_discount_table([0.0]).query("norm == 'GRIM'")
    >>> t["critical_discount"].round(5).tolist()
    [0.4, 0.16362]
    """
    import pandas as pd

    base = base or ReciprocityRegime()
    sanctioned = dataclasses.replace(base, **SANCTIONED)
    rows = []
    for label, model in (("no sanctions", base), (sanctioned_label(base), sanctioned)):
        g = model.game()
        for name in MAP_NORMS:
            strat = dataclasses.replace(model, norm=name).strategy()
            for e in noises:
                d = float(critical_discount(g, strat, strat, noise=float(e)))
                rows.append({"regime": label, "norm": name, "noise": float(e), "critical_discount": d})
    return pd.DataFrame(rows)


def regime_map_table(deltas: Sequence[float], noises: Sequence[float],
                     base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """For each (discount, noise): the norm of :data:`MAP_NORMS` that is subgame perfect with the most restraint.

    Parameters
    ----------
    deltas : sequence of float
        Discount factors, each in [0, 1).
    noises : sequence of float
        Noise levels, each in [0, 1].
    base : ReciprocityRegime, optional
        The stage game and regime (default: the defaults).

    Returns
    -------
    pandas.DataFrame
        Columns ``discount``, ``noise``, ``best_norm`` ("none" where no norm is subgame perfect) and
        ``cooperation_rate`` (of the best norm against itself; 0 for "none").

    Examples
    --------
    Without noise grim trigger needs delta >= 2/5 and win-stay lose-shift delta >= (T-R)/(R-P) = 2/3.

    >>> regime_map_table([0.3, 0.9], [0.0])["best_norm"].tolist()
    ['none', 'GRIM']
    """
    import pandas as pd

    from games.sweep import grid_value

    base = base or ReciprocityRegime()
    g = base.game()
    rows = []
    for e in map(grid_value, noises):          # the decimals asked for (np.linspace leaves 0.44999999999999996)
        for d in map(grid_value, deltas):
            best, best_rate = "none", -1.0
            for name in MAP_NORMS:
                strat = dataclasses.replace(base, norm=name).strategy()
                if is_equilibrium(g, strat, strat, float(d), noise=float(e)):
                    rate = float(cooperation_rate(strat, strat, delta=float(d), noise=float(e)))
                    if rate > best_rate + 1e-12:
                        best, best_rate = name, rate
            rows.append({"discount": float(d), "noise": float(e), "best_norm": best,
                         "cooperation_rate": max(best_rate, 0.0)})
    return pd.DataFrame(rows)


def _sanction_variants(fines: Sequence[float], base: ReciprocityRegime) -> Iterator[tuple[int, float,
                                                                                          ReciprocityRegime]]:
    """The regime with each fine, when a sanction needs every member and when it needs a majority."""
    for quorum in (base.members, (base.members // 2) + 1):
        for f in fines:
            yield quorum, float(f), dataclasses.replace(base, fine=float(f), quorum=quorum)


def sanction_map_table(deltas: Sequence[float], fines: Sequence[float],
                       base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Whether the regime's norm is subgame perfect over (discount, fine), under unanimity and a majority.

    Parameters
    ----------
    deltas : sequence of float
        Discount factors, each in [0, 1).
    fines : sequence of float
        Fines on a state that arms against a restrained partner (>= 0).
    base : ReciprocityRegime, optional
        The regime (default: the defaults, grim trigger at noise 0.02, 5 members).

    Returns
    -------
    pandas.DataFrame
        Columns ``quorum`` (all members, then a majority), ``fine``, ``expected_sanction``, ``discount``
        and ``sustainable``.

    Examples
    --------
    >>> sanction_map_table([0.3, 0.5], [0.0])["sustainable"].tolist()    # needs delta >= 0.419 at noise 0.02
    [False, True, False, True]
    """
    import pandas as pd

    rows = []
    for quorum, fine, model in _sanction_variants(fines, base or ReciprocityRegime()):
        g, strat = model.game(), model.strategy()
        for d in deltas:
            rows.append({"quorum": quorum, "fine": fine, "expected_sanction": model.expected_sanction(),
                         "discount": float(d),
                         "sustainable": bool(is_equilibrium(g, strat, strat, float(d), noise=float(model.noise)))})
    return pd.DataFrame(rows)


def norm_evolution_table(strengths: Sequence[float], base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Small-mutation stationary distribution of strategies as the regime strengthens.

    Strength ``s`` in [0, 1] moves the discount factor from 0.5 to 0.95, the noise from 0.10 to 0.01, the
    fine from 0 to 2 and the reputation from 0 to 0.5, all together (the other parameters from ``base``).

    Parameters
    ----------
    strengths : sequence of float
        Regime strengths in [0, 1].
    base : ReciprocityRegime, optional
        The other parameters (default: the defaults).

    Returns
    -------
    pandas.DataFrame
        One row per (strength, strategy): ``share`` (long-run share of the population, from
        :meth:`ReciprocityRegime.norm_distribution`), ``cooperation_rate`` (against itself) and the regime's
        ``discount``, ``noise``, ``fine`` and ``reputation`` at that strength.

    Examples
    --------
    >>> t = norm_evolution_table([0.0])
    >>> round(float(t["share"].sum()), 6), float(t["discount"].iloc[0]), float(t["noise"].iloc[0])
    (1.0, 0.5, 0.1)
    """
    import pandas as pd

    from games.sweep import grid_value

    base = base or ReciprocityRegime()
    rows = []
    for s in strengths:
        s = float(s)
        model = dataclasses.replace(base, discount=grid_value(0.5 + 0.45 * s), noise=grid_value(0.10 - 0.09 * s),
                                    fine=grid_value(2.0 * s), reputation=grid_value(0.5 * s))
        dist, names, rates = model.norm_distribution()
        for name, share, rate in zip(names, dist, rates):
            rows.append({"strength": s, "strategy": name, "share": float(share), "cooperation_rate": float(rate),
                         "discount": model.discount, "noise": model.noise, "fine": model.fine,
                         "reputation": model.reputation})
    return pd.DataFrame(rows)


def sanction_threshold_table(fines: Sequence[float], base: ReciprocityRegime | None = None) -> pd.DataFrame:
    """Exact critical discount factor of the regime's norm against the fine, under unanimity and a majority.

    Each point is :func:`games.repeated.critical_discount` of the norm in the stage game with the
    expected sanction priced in (``inf`` where no discount factor below 1 sustains it).

    Parameters
    ----------
    fines : sequence of float
        Fines on a state that arms against a restrained partner (>= 0).
    base : ReciprocityRegime, optional
        The regime (default: the defaults).

    Returns
    -------
    pandas.DataFrame
        Columns ``quorum``, ``members``, ``fine``, ``consensus_probability``, ``expected_sanction`` and
        ``critical_discount``.

    Examples
    --------
    >>> t = sanction_threshold_table([0.0])
    >>> t["critical_discount"].round(3).tolist()     # no fine: (T - R) / (T - P) = 2/5 without noise, 0.419 at 0.02
    [0.419, 0.419]
    """
    import pandas as pd

    rows = []
    for quorum, fine, model in _sanction_variants(fines, base or ReciprocityRegime()):
        g, strat = model.game(), model.strategy()
        rows.append({"quorum": quorum, "members": model.members, "fine": fine,
                     "consensus_probability": model.consensus(), "expected_sanction": model.expected_sanction(),
                     "critical_discount": float(critical_discount(g, strat, strat, noise=float(model.noise)))})
    return pd.DataFrame(rows)


def tft_conditions(model: ReciprocityRegime) -> tuple[float, float]:
    """The two ratios that must coincide for tit-for-tat to be subgame perfect without noise.

    Against itself, TFT resists a one-shot deviation from mutual restraint iff ``delta >= (T - R) / (R - S)``
    and from the punishment phase iff ``delta <= (T - R) / (R - S)``; from mutual arming iff
    ``delta <= (P - S) / (T - P)`` and from the phase after being exploited iff ``delta >= (P - S) / (T - P)``.
    So TFT is subgame perfect only at a single discount factor, and only when the ratios are equal.

    Parameters
    ----------
    model : ReciprocityRegime
        The regime; ``T`` is its effective temptation (sanctions and reputation priced in).

    Returns
    -------
    tuple of float
        ``((T - R) / (R - S), (P - S) / (T - P))``.

    Examples
    --------
    >>> tft_conditions(ReciprocityRegime())
    (0.5, 0.2)
    """
    T, R = model.effective_temptation(), float(model.reward)
    P, S = float(model.punishment), float(model.sucker)
    return (T - R) / (R - S), (P - S) / (T - P)
