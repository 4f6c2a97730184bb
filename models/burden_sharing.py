"""Burden sharing: members who take the benefits of a collective force without its costs.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*) names the failure these models formalise:

    "For instance, the so-called problem of collective action, i.e. setting up collective security
    systems, especially in peace, may tempt many states to take advantage of their membership without
    shouldering appropriate costs thereof (both literally and figuratively)."

and its case: "The total strength of the troops made up 7,000 men instead of 16,000 provided for in the
resolution of the Council of the Heads of State of the CIS." The models:

- :class:`ThresholdPublicGood` — ``n`` identical members, a force requirement of ``threshold``
  contributors; pure equilibria (nobody, or exactly ``threshold``) and the symmetric mixed ones.
- :class:`VolunteersDilemma` — one volunteer suffices (Diekmann 1985): the chance that nobody acts
  grows with ``n``.
- :class:`Aggregation` — summation, best-shot and weakest-link technologies of public supply
  (Hirshleifer 1983).
- :class:`UnequalCapacities` — members with unequal forces, costs and stakes: which coalitions can carry
  the operation (by structure, for tens of members).
- :class:`CollectiveRisk` — a shortfall risks losing everything (Santos & Pacheco 2011): evolution in
  finite and infinite populations.
- :class:`CostSharing` — equal shares, shares by GDP or a lead state paying more, and withdrawal over
  time when a member's share exceeds its benefit.

Every equilibrium comes from :mod:`games` (:class:`games.AnonymousGame`, :class:`games.threshold.ThresholdGame`,
:func:`games.equilibria`) and is verified there.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from games.anonymous import AnonymousGame
from games.group_dynamics import (
    finite_gradient,
    fixation_probabilities,
    group_success,
    interior_fixed_points,
    rare_mutation_distribution,
    stationary_distribution_mutation,
)
from games.normal_form import NormalFormGame
from games.threshold import ThresholdGame

from .base import check_int, max_regret, param, validate
from .registry import register_model

__all__ = ["ThresholdPublicGood", "VolunteersDilemma", "Aggregation", "UnequalCapacities",
           "CollectiveRisk", "CostSharing", "TECHNOLOGIES", "COST_RULES", "CLAIM", "WITHDRAWAL_CLAIM",
           "FORCE_CLAIM"]

#: The essay's sentence these models formalise (quoted verbatim); each model's ``claim`` attribute.
CLAIM = ("For instance, the so-called problem of collective action, i.e. setting up collective security systems, "
         "especially in peace, may tempt many states to take advantage of their membership without shouldering "
         "appropriate costs thereof (both literally and figuratively).")
#: The essay's case of members leaving an operation whose cost outgrew them (:class:`CostSharing`).
WITHDRAWAL_CLAIM = ("In 1995–1996 Kyrgyzstan unilaterally withdrew its peace-keeping battalion from Tajikistan "
                    "attributing the decision to lack of funds to support it. Uzbekistan came next in 1998.")
#: The essay's case of a force requirement not met (:class:`UnequalCapacities`).
FORCE_CLAIM = ("The total strength of the troops made up 7,000 men instead of 16,000 provided for in the resolution "
               "of the Council of the Heads of State of the CIS.")

TECHNOLOGIES = ("summation", "best-shot", "weakest-link")
COST_RULES = ("equal", "gdp", "lead")
ACTIONS = ("free-ride", "contribute")


def _symmetric_summary(game: AnonymousGame, threshold: int) -> dict[str, Any]:
    """Mixed equilibria of a contribution game and each one's chance of reaching ``threshold``."""
    eqs = game.symmetric_equilibria()
    mixed = sorted(float(e.strategy[1]) for e in eqs if not e.is_pure)
    success = [float(stats.binom.sf(threshold - 1, game.num_players, p)) for p in mixed]
    return {"mixed_p": tuple(mixed), "mixed_success": tuple(success), "symmetric_equilibria": eqs}


# ---------------------------------------------------------------------------------------------- threshold
@register_model(claim=CLAIM, headlines=("threshold-regimes",))
@dataclass(frozen=True)
class ThresholdPublicGood:
    """A force requirement: the operation succeeds when at least ``threshold`` of ``n`` members contribute.

    Formalises, from V. Petrovsky's essay *International Security Regimes, Conflict Resolution and Peace
    Support Operations in the CIS*: "the so-called problem of collective action, i.e. setting up collective
    security systems, especially in peace, may tempt many states to take advantage of their membership
    without shouldering appropriate costs thereof (both literally and figuratively)."

    Every member gets ``benefit`` if the operation succeeds; a contributor pays ``cost``. Pure equilibria:
    nobody contributes (when ``threshold > 1`` or ``cost > benefit``) and exactly ``threshold`` contribute
    (when ``cost <= benefit``); the others free-ride. Symmetric mixed equilibria solve
    ``benefit * P(exactly threshold - 1 of the others contribute) = cost``.

    Examples
    --------
    >>> out = ThresholdPublicGood(n=10, threshold=3, benefit=1.0, cost=0.1).outcome()
    >>> out["provision_contributors"], out["no_provision_equilibrium"], out["n_mixed"]
    (3, True, 2)
    """

    n: int = param(10, "members", "number of member states", low=2, integer=True)
    threshold: int = param(5, "members", "contributors needed for the operation to succeed (force requirement)",
                           low=1, integer=True)
    benefit: float = param(1.0, "utils", "value of a successful operation to every member",
                           low=0, low_open=True)
    cost: float = param(0.2, "utils", "cost to a member of contributing forces", low=0)

    def __post_init__(self) -> None:
        n, m = check_int(name="n", value=self.n, low=2), check_int(name="threshold", value=self.threshold)
        if not 1 <= m <= n:
            raise ValueError(f"threshold must be between 1 and n = {n} (no more contributors than members); "
                             f"got {m}")
        validate(self)

    def game(self) -> AnonymousGame:
        """The anonymous game: actions ``free-ride`` (0) and ``contribute`` (1)."""
        m, b, c = self.threshold, float(self.benefit), float(self.cost)
        return AnonymousGame.from_function(
            self.n, ACTIONS, lambda a, k: b * (k[:, 1] + a >= m) - c * a, vectorized=True,
            title=f"threshold public good ({m} of {self.n})")

    def outcome(self) -> dict[str, Any]:
        """Pure and symmetric mixed equilibria and the chance of success at each.

        Keys: ``no_provision_equilibrium``, ``provision_contributors`` (contributors in the provision
        equilibrium, 0 if none), ``free_riders``, ``n_mixed``, ``p_low``/``p_high`` (mixed contribution
        probabilities, NaN when absent), ``success_low``/``success_high``, ``complete`` (the root finder
        certifies it found every symmetric equilibrium) and ``max_regret`` (largest regret among all of
        them, from the engine).
        """
        g = self.game()
        pure = g.pure_equilibria()
        contributing = [e.counts[1] for e in pure if e.counts[1] > 0]
        summary = _symmetric_summary(g, self.threshold)
        mixed, success = summary["mixed_p"], summary["mixed_success"]
        return {
            "no_provision_equilibrium": any(e.counts[1] == 0 for e in pure),
            "provision_contributors": max(contributing, default=0),
            "free_riders": self.n - max(contributing, default=self.n),
            "n_mixed": len(mixed),
            "p_low": mixed[0] if mixed else np.nan,
            "p_high": mixed[-1] if mixed else np.nan,
            "success_low": success[0] if success else np.nan,
            "success_high": success[-1] if success else np.nan,
            "complete": bool(summary["symmetric_equilibria"].complete),
            "max_regret": max_regret([*pure, *summary["symmetric_equilibria"]]),
        }


# ---------------------------------------------------------------------------------------------- volunteer
@register_model(claim=CLAIM, headlines=("volunteers-dilemma",))
@dataclass(frozen=True)
class VolunteersDilemma:
    """The volunteer's dilemma (Diekmann 1985): one member acting suffices, and each would rather another did.

    Formalises, from V. Petrovsky's essay *International Security Regimes, Conflict Resolution and Peace
    Support Operations in the CIS*: "may tempt many states to take advantage of their membership without
    shouldering appropriate costs thereof (both literally and figuratively)."

    Everyone gets ``benefit`` if at least one volunteers; a volunteer pays ``cost``. The ``n`` asymmetric
    pure equilibria have exactly one volunteer; in the symmetric mixed equilibrium each volunteers with
    probability ``1 - (cost/benefit)^(1/(n-1))`` and nobody does with probability
    ``(cost/benefit)^(n/(n-1))``, which grows with ``n`` (Diekmann 1985). Both are computed from these
    formulas in log space and their regret from the game (a float root finder cannot see a cost below
    the benefit's rounding error).

    Examples
    --------
    >>> out = VolunteersDilemma(n=2, benefit=2.0, cost=1.0).outcome()
    >>> round(out["p_volunteer"], 12), round(out["p_nobody"], 12)
    (0.5, 0.25)
    """

    n: int = param(5, "members", "number of members who could act", low=2, integer=True)
    benefit: float = param(1.0, "utils", "value to every member of someone acting", low=0, low_open=True)
    cost: float = param(0.5, "utils", "cost of acting to the volunteer", low=0)

    def __post_init__(self) -> None:
        validate(self)

    def game(self) -> AnonymousGame:
        """The anonymous game: actions ``wait`` (0) and ``volunteer`` (1)."""
        b, c = float(self.benefit), float(self.cost)
        return AnonymousGame.from_function(self.n, ("wait", "volunteer"),
                                           lambda a, k: b * (k[:, 1] + a >= 1) - c * a, vectorized=True,
                                           title=f"volunteer's dilemma (n={self.n})")

    def outcome(self) -> dict[str, Any]:
        """The symmetric mixed equilibrium and the pure equilibria, in closed form, verified in the game.

        Returns
        -------
        dict
            ``p_volunteer`` (``1 - (cost/benefit)^(1/(n-1))``; 1 when acting is free, 0 when it costs at
            least the benefit), ``p_nobody`` (``(cost/benefit)^(n/(n-1))``), ``p_someone``,
            ``expected_payoff`` (``benefit - cost`` in the mixed equilibrium, 0 when nobody acts),
            ``regret`` (of that strategy, computed from the game), ``pure_volunteers`` (the number of
            volunteers in every pure equilibrium, ``nan`` when it varies: with a free action any number from 1
            to ``n``, with ``cost == benefit`` 0 or 1), ``n_pure_profiles`` (how many pure profiles are
            equilibria: ``n`` one-volunteer profiles when ``0 < cost < benefit``) and ``pure_max_regret``.

        The probabilities are computed in log space, so a cost far below the benefit (where ``benefit -
        cost`` rounds to ``benefit`` and a float root finder sees a free action) keeps its equilibrium.

        Examples
        --------
        >>> out = VolunteersDilemma(n=5, benefit=1.0, cost=1e-9).outcome()
        >>> round(out["p_volunteer"], 6), out["n_pure_profiles"]
        (0.994377, 5)
        """
        g = self.game()
        n, b, c = self.n, float(self.benefit), float(self.cost)
        if c == 0:
            wait, p, nobody, counts = 0.0, 1.0, 0.0, range(1, n + 1)
        elif c >= b:
            wait, p, nobody, counts = 1.0, 0.0, 1.0, ((0, 1) if c == b else (0,))
        else:
            log_ratio = math.log(c) - math.log(b)   # < 0, exact where c / b would underflow
            wait, p = math.exp(log_ratio / (n - 1)), -math.expm1(log_ratio / (n - 1))
            nobody, counts = math.exp(log_ratio * n / (n - 1)), (1,)
        counts = tuple(counts)
        return {
            "p_volunteer": p,
            "p_nobody": nobody,
            "p_someone": -math.expm1(math.log(nobody)) if 0 < nobody < 1 else 1.0 - nobody,
            "expected_payoff": b - c if c < b else 0.0,
            "regret": g.regret([wait, p]),
            "pure_volunteers": counts[0] if len(counts) == 1 else np.nan,
            "n_pure_profiles": sum(math.comb(n, k) for k in counts),
            "pure_max_regret": max(g.count_regret((n - k, k)) for k in (counts if len(counts) < 3 else counts[:3])),
        }


# ---------------------------------------------------------------------------------------------- Hirshleifer
@register_model(claim=CLAIM, headlines=())
@dataclass(frozen=True)
class Aggregation:
    """How individual contributions add up to security: summation, best-shot or weakest-link (Hirshleifer 1983).

    Formalises, from V. Petrovsky's essay *International Security Regimes, Conflict Resolution and Peace
    Support Operations in the CIS*: "may tempt many states to take advantage of their membership without
    shouldering appropriate costs thereof (both literally and figuratively)."

    Each member contributes (1) or not (0) at ``cost``; the level of the public good is the share of
    contributors (``summation``), whether anyone contributes (``best-shot``) or whether everyone does
    (``weakest-link``), and every member gets ``benefit`` times that level.

    Examples
    --------
    Weakest link: nobody, or everybody (``benefit * p^(n-1) = cost`` gives the mixed equilibrium).

    >>> weak = Aggregation(n=4, technology="weakest-link", benefit=1.0, cost=0.3)
    >>> weak.details()["pure_contributors"]
    (0, 4)
    >>> out = weak.outcome()
    >>> out["pure_low"], out["pure_high"], out["n_pure"], out["efficient"]
    (0, 4, 2, True)
    >>> Aggregation(n=4, technology="summation", benefit=1.0, cost=0.3).details()["pure_contributors"]
    (0,)
    """

    n: int = param(6, "members", "number of members", low=2, integer=True)
    technology: str = param("summation", "-", "aggregation: 'summation', 'best-shot' or 'weakest-link'",
                            choices=TECHNOLOGIES)
    benefit: float = param(1.0, "utils", "value to every member of the full public good", low=0, low_open=True)
    cost: float = param(0.3, "utils", "cost of contributing", low=0)

    def __post_init__(self) -> None:
        validate(self)

    def level(self, contributors: Any) -> Any:
        """Level of the public good (0..1) for a number of contributors."""
        k = np.asarray(contributors)
        if self.technology == "summation":
            return k / self.n
        if self.technology == "best-shot":
            return (k >= 1).astype(float)
        return (k >= self.n).astype(float)

    def game(self) -> AnonymousGame:
        """The anonymous game: actions ``free-ride`` (0) and ``contribute`` (1)."""
        b, c = float(self.benefit), float(self.cost)
        return AnonymousGame.from_function(self.n, ACTIONS,
                                           lambda a, k: b * self.level(k[:, 1] + a) - c * a, vectorized=True,
                                           title=f"{self.technology} aggregation")

    def _solve(self) -> tuple[tuple[int, ...], tuple[float, ...], int, float]:
        g = self.game()
        pure_eqs, sym_eqs = g.pure_equilibria(), g.symmetric_equilibria()
        pure = tuple(sorted(e.counts[1] for e in pure_eqs))
        mixed = tuple(sorted(float(e.strategy[1]) for e in sym_eqs if not e.is_pure))
        k = np.arange(self.n + 1)
        welfare = self.n * float(self.benefit) * self.level(k) - float(self.cost) * k
        return pure, mixed, int(k[np.argmax(welfare)]), max_regret([*pure_eqs, *sym_eqs])

    def details(self) -> dict[str, tuple]:
        """The equilibria in full: ``pure_contributors`` (the contributor count of each pure equilibrium,
        ascending) and ``mixed_p`` (each symmetric mixed equilibrium's contribution probability, ascending).

        Examples
        --------
        >>> d = Aggregation(n=4, technology="best-shot", benefit=1.0, cost=0.3).details()
        >>> d["pure_contributors"], round(d["mixed_p"][0], 6)          # 1 - 0.3^(1/3)
        ((1,), 0.330567)
        """
        pure, mixed, _, _ = self._solve()
        return {"pure_contributors": pure, "mixed_p": mixed}

    def outcome(self) -> dict[str, Any]:
        """Scalars: ``n_pure`` (pure equilibria), ``pure_low``/``pure_high`` (fewest and most contributors in
        a pure equilibrium), ``n_mixed``, ``p_low``/``p_high`` (smallest and largest mixed contribution
        probability, NaN when there is none), ``optimum`` (contributors maximising total welfare),
        ``efficient`` (whether a pure equilibrium reaches it), ``n_equilibria`` and ``max_regret`` (largest
        regret among the engine's equilibria). Every equilibrium: :meth:`details`."""
        pure, mixed, optimum, regret = self._solve()
        return {"n_pure": len(pure), "pure_low": pure[0] if pure else None, "pure_high": pure[-1] if pure else None,
                "n_mixed": len(mixed), "p_low": mixed[0] if mixed else np.nan,
                "p_high": mixed[-1] if mixed else np.nan, "optimum": optimum,
                "efficient": optimum in pure, "n_equilibria": len(pure) + len(mixed), "max_regret": regret}


# ---------------------------------------------------------------------------------------------- unequal
@register_model(claim=FORCE_CLAIM, headlines=())
@dataclass(frozen=True)
class UnequalCapacities:
    """Members with unequal forces, costs and stakes facing a force requirement.

    Formalises, from V. Petrovsky's essay *International Security Regimes, Conflict Resolution and Peace
    Support Operations in the CIS*: "The total strength of the troops made up 7,000 men instead of 16,000
    provided for in the resolution of the Council of the Heads of State of the CIS."

    A coalition carries the operation when its forces reach ``requirement``; in equilibrium every member of
    it is indispensable and values the operation above its cost, and everyone else free-rides. Solved by
    structure (:class:`games.threshold.ThresholdGame`), so tens of members are cheap.

    Examples
    --------
    >>> m = UnequalCapacities(capacities=(10, 4, 3, 2), costs=(3, 1, 1, 1), values=(5, 2, 2, 0.5), requirement=9)
    >>> out = m.outcome()
    >>> out["n_provision_equilibria"], out["no_provision_equilibrium"], out["largest_free_riders"]
    (1, False, 3)
    """

    capacities: tuple = param((10.0, 4.0, 3.0, 2.0), "troops (thousands)", "forces each member can provide")
    costs: tuple = param((3.0, 1.0, 1.0, 1.0), "utils", "each member's cost of providing its forces")
    values: tuple = param((5.0, 2.0, 2.0, 0.5), "utils", "each member's value of a successful operation")
    requirement: float = param(9.0, "troops (thousands)", "forces the operation requires", low=0, low_open=True)

    def __post_init__(self) -> None:
        validate(self)
        if isinstance(self.capacities, (str, bytes)) or not hasattr(self.capacities, "__len__") \
                or len(self.capacities) < 2:
            raise ValueError(f"capacities must list at least two members; got {self.capacities!r}")
        self.game()   # the engine checks the tuples and that the requirement can be met

    def game(self) -> ThresholdGame:
        """The heterogeneous threshold game (capacities compared with a slack of 1e-9, relative below 1).

        Examples
        --------
        >>> UnequalCapacities(requirement=1e-12).game().cap_tol
        1e-21
        """
        return ThresholdGame(self.capacities, self.costs, self.values, self.requirement,
                             cap_tol=1e-9 * min(1.0, float(self.requirement)))

    def outcome(self, limit: int = 10_000) -> dict[str, Any]:
        """``n_provision_equilibria``, ``no_provision_equilibrium``, ``smallest_coalition``,
        ``cheapest_coalition_cost``, ``largest_free_riders`` (members outside the smallest coalition)
        ``willing`` (members whose value covers their cost) and ``max_regret`` (largest regret among the
        provision equilibria, from the engine's check; NaN when they are not listed)."""
        g = self.game()
        count = g.count_provision_equilibria()
        out: dict[str, Any] = {"n_provision_equilibria": count,
                               "no_provision_equilibrium": g.no_provision_is_equilibrium(),
                               "willing": len(g.willing())}
        if 0 < count <= limit:
            eqs = [e for e in g.pure_equilibria(limit=limit) if any(s == (1,) for s in e.supports)]
            members = [[i for i, s in enumerate(e.supports) if s == (1,)] for e in eqs]
            sizes = [len(m) for m in members]
            out["smallest_coalition"] = min(sizes)
            out["cheapest_coalition_cost"] = min(float(np.sum(g.costs[m])) for m in members)
            out["largest_free_riders"] = g.num_players - min(sizes)
            out["max_regret"] = max_regret(eqs)
        else:
            out.update(smallest_coalition=np.nan, cheapest_coalition_cost=np.nan, largest_free_riders=np.nan,
                       max_regret=np.nan)
        return out


# ---------------------------------------------------------------------------------------------- collective risk
@register_model(claim=CLAIM, headlines=("collective-risk",))
@dataclass(frozen=True)
class CollectiveRisk:
    """The collective-risk dilemma (Santos & Pacheco 2011, PNAS 108:10421): a shortfall risks losing everything.

    Formalises, from V. Petrovsky's essay *International Security Regimes, Conflict Resolution and Peace
    Support Operations in the CIS*: "may tempt many states to take advantage of their membership without
    shouldering appropriate costs thereof (both literally and figuratively)."

    Groups of ``group_size`` are drawn from a population of ``population``; each member has an
    ``endowment`` b and a cooperator gives ``contribution * b``. If fewer than ``threshold`` cooperate, with
    probability ``risk`` everybody loses what it kept. Payoffs (Santos & Pacheco, Eq. 1):
    ``P_D(j) = b (H(j - M) + (1 - r)(1 - H(j - M)))`` and ``P_C(j) = P_D(j) - c b`` with ``j`` cooperators in
    the group and ``H`` the Heaviside step (``H(0) = 1``).

    Examples
    --------
    >>> out = CollectiveRisk(risk=0.0).outcome()
    >>> out["n_interior_roots"], out["stationary_mode"]
    (0, 0.0)
    """

    group_size: int = param(6, "members", "N, the group size", low=2, integer=True)
    threshold: int = param(3, "members", "M, cooperators needed in a group", low=1, integer=True)
    risk: float = param(0.5, "probability", "r, the chance that a group below threshold loses everything",
                        low=0, high=1)
    endowment: float = param(1.0, "utils", "b, each member's endowment", low=0, low_open=True)
    contribution: float = param(0.1, "share of endowment", "c, the share of its endowment a cooperator gives",
                                low=0, high=1)
    population: int = param(50, "members", "Z, the population size", low=2, integer=True)
    beta: float = param(2.0, "1/utils", "intensity of selection of the Fermi imitation rule", low=0)
    mu: float = param(0.01, "probability", "exploration (mutation) rate", low=0, high=1, low_open=True)

    def __post_init__(self) -> None:
        validate(self)
        n = int(self.group_size)
        if self.threshold > n:
            raise ValueError(f"threshold must be an integer between 1 and group_size = {n}; got {self.threshold!r}")
        if self.population < n:
            raise ValueError(f"population must be an integer >= group_size = {n}; got {self.population!r}")

    def game(self) -> AnonymousGame:
        """The group game: actions ``defect`` (0) and ``cooperate`` (1)."""
        m, r, b, c = self.threshold, float(self.risk), float(self.endowment), float(self.contribution)

        def payoff(a: int, k: np.ndarray) -> np.ndarray:
            reached = (k[:, 1] + a) >= m
            return b * (reached + (1 - r) * ~reached) - c * b * a

        return AnonymousGame.from_function(self.group_size, ("defect", "cooperate"), payoff, vectorized=True,
                                           title="collective-risk dilemma")

    # The finite-population dynamics below all use the model's own ``beta``, ``mu`` and ``population``: they
    # are the one source of truth. For another intensity of selection, make a variant
    # (``dataclasses.replace(model, beta=...)``), never pass a second beta.
    def gradient(self) -> np.ndarray:
        """Gradient of selection ``G(k) = T+(k) - T-(k)`` for ``k = 0..population`` cooperators (Santos &
        Pacheco's Fig. 2), with the model's ``beta`` and ``mu``
        (:func:`games.group_dynamics.finite_gradient`).

        Examples
        --------
        Without selection (``beta = 0``) and without exploration, imitation is neutral: no direction.

        >>> m = CollectiveRisk(beta=0.0, population=10, mu=1e-12)
        >>> bool(np.allclose(m.gradient(), 0.0, atol=1e-10))
        True
        """
        return finite_gradient(self.game(), int(self.population), beta=float(self.beta), mu=float(self.mu))

    def stationary_distribution(self) -> np.ndarray:
        """Stationary distribution over ``k = 0..population`` cooperators, with the model's ``beta`` and
        ``mu`` (:func:`games.group_dynamics.stationary_distribution_mutation`).

        Examples
        --------
        Neutral selection with exploration spreads the population symmetrically around one half.

        >>> p = CollectiveRisk(beta=0.0, population=10, mu=0.1).stationary_distribution()
        >>> bool(np.allclose(p, p[::-1])), round(float(p.sum()), 12)
        (True, 1.0)
        """
        return stationary_distribution_mutation(self.game(), int(self.population), beta=float(self.beta),
                                                mu=float(self.mu))

    def fixation_probabilities(self) -> dict[str, float]:
        """Fixation probability of one cooperator among defectors and of one defector among cooperators,
        under the Fermi rule with the model's ``beta`` (:func:`games.group_dynamics.fixation_probabilities`).

        Examples
        --------
        Neutral selection: a single mutant fixes with probability ``1 / population``.

        >>> CollectiveRisk(beta=0.0, population=10).fixation_probabilities()
        {'cooperator': 0.1, 'defector': 0.1}
        """
        return fixation_probabilities(self.game(), int(self.population), beta=float(self.beta))

    def outcome(self) -> dict[str, Any]:
        """Infinite population: interior fixed points ``x_left`` (unstable) and ``x_right`` (stable);
        finite population: the ``stationary_mode`` (fraction of cooperators where the stationary
        distribution peaks), ``mean_cooperation``, ``group_achievement`` (eta_G, the average chance that a
        group reaches the threshold), ``rare_mutation_cooperation`` (time spent in full cooperation as
        mu -> 0) and ``fixation_cooperator``/``fixation_defector`` (fixation probability of a single
        mutant). All finite-population results use the model's ``beta`` and ``mu``. When the gain from
        cooperating is identically zero (no risk and a free contribution) every frequency is a fixed point:
        ``n_interior_roots``, ``x_left`` and ``x_right`` are ``nan``."""
        g = self.game()
        gain = g.gain_coefficients(1, 0)   # Bernstein coefficients of the gain from cooperating
        if not np.any(gain):
            points: list = []
        elif np.all(gain >= 0) or np.all(gain <= 0):
            points = []   # one sign throughout (not all zero): no interior root, however small the gain
        else:
            points = interior_fixed_points(g)
        unstable = [x for x, s in points if s == "unstable"]
        stable = [x for x, s in points if s == "stable"]
        z = int(self.population)
        dist = self.stationary_distribution()
        fix = self.fixation_probabilities()
        return {
            "n_interior_roots": len(points) if np.any(gain) else np.nan,
            "x_left": unstable[0] if unstable else np.nan,
            "x_right": stable[-1] if stable else np.nan,
            "stationary_mode": float(np.argmax(dist)) / z,
            "mean_cooperation": float(dist @ np.arange(z + 1)) / z,
            "group_achievement": group_success(dist, z, self.group_size, self.threshold),
            "rare_mutation_cooperation": rare_mutation_distribution(g, z, beta=float(self.beta))["cooperators"],
            "fixation_cooperator": fix["cooperator"],
            "fixation_defector": fix["defector"],
        }


# ---------------------------------------------------------------------------------------------- cost rules
@register_model(claim=WITHDRAWAL_CLAIM, headlines=())
@dataclass(frozen=True)
class CostSharing:
    """Who pays for a joint operation, and who leaves when the bill grows.

    Formalises, from V. Petrovsky's essay *International Security Regimes, Conflict Resolution and Peace
    Support Operations in the CIS*: "In 1995–1996 Kyrgyzstan unilaterally withdrew its peace-keeping
    battalion from Tajikistan attributing the decision to lack of funds to support it. Uzbekistan came next
    in 1998."

    The operation costs ``total_cost`` in the first period and grows by ``cost_growth`` per period. The
    participants split it by ``rule``: ``equal`` shares, shares by ``gdp``, or ``lead`` (member ``lead``
    pays ``lead_share`` and the rest split equally). A member stays while its share does not exceed its
    ``benefits`` of taking part; each period those whose share exceeds it leave together and the rest
    re-split the bill. The participation game of each period (stay or leave; a leaver pays and gets
    nothing) is a normal-form game; the final set of participants is checked to be its pure equilibrium.

    Examples
    --------
    A dominant member and two small ones paying by GDP while the bill grows by 20% a period: the
    smallest leaves in period 1, the next in period 2, and the dominant member carries it alone.

    >>> m = CostSharing(gdp=(8.0, 1.0, 1.0), benefits=(9.0, 0.75, 0.55), total_cost=5.0, rule="gdp",
    ...                 cost_growth=1.2, periods=4)
    >>> m.details()["left_in_period"]
    (None, 2, 1)
    >>> out = m.outcome()
    >>> out["remaining"], out["n_left"], out["first_exit_period"], out["final_is_equilibrium"]
    (1, 2, 1, True)
    """

    gdp: tuple = param((8.0, 1.0, 1.0, 1.0), "bn US$", "each member's GDP (the base of the 'gdp' rule)")
    benefits: tuple = param((6.0, 1.2, 1.0, 0.9), "utils", "each member's benefit from taking part")
    total_cost: float = param(6.0, "utils", "cost of the operation in the first period", low=0)
    rule: str = param("equal", "-", "cost rule: 'equal', 'gdp' or 'lead'", choices=COST_RULES)
    lead: int = param(0, "index", "the lead state (for rule='lead')", low=0, integer=True)
    lead_share: float = param(0.5, "share", "share the lead state pays (for rule='lead')", low=0, high=1)
    cost_growth: float = param(1.0, "factor per period", "growth of the cost from one period to the next",
                               low=0, low_open=True)
    periods: int = param(5, "periods", "number of periods simulated", low=1, integer=True)

    def __post_init__(self) -> None:
        validate(self)
        g = np.asarray(self.gdp, dtype=float)
        b = np.asarray(self.benefits, dtype=float)
        if g.ndim != 1 or g.size < 2:
            raise ValueError(f"gdp must list at least two members; got {self.gdp!r}")
        if np.any(~np.isfinite(g)) or np.any(g <= 0):
            raise ValueError(f"gdp must be positive for every member; got {list(self.gdp)}")
        if b.shape != g.shape:
            raise ValueError(f"benefits must have one entry per member ({g.size}); got {len(b)}")
        if not np.all(np.isfinite(b)):
            raise ValueError(f"benefits must be finite numbers; got {list(self.benefits)}")
        check_int(name="lead", value=self.lead, low=0, high=g.size - 1, why="a member index")
        last = math.log(self.total_cost) + (int(self.periods) - 1) * math.log(self.cost_growth) \
            if self.total_cost > 0 else -math.inf
        if last > math.log(sys.float_info.max) - 1:
            raise ValueError(f"cost_growth {self.cost_growth:g} over {self.periods} periods makes the last bill "
                             f"total_cost * cost_growth^(periods - 1) = e^{last:.0f}, beyond double precision "
                             "(about e^709): use fewer periods or a smaller growth")

    def shares(self, participants: Any, cost: float | None = None) -> np.ndarray:
        """Each member's cost share when ``participants`` (a boolean mask) carry the operation.

        Examples
        --------
        >>> CostSharing(gdp=(3.0, 1.0), benefits=(1.0, 1.0), rule="gdp", total_cost=4.0).shares([True, True]).tolist()
        [3.0, 1.0]
        """
        s = np.asarray(participants, dtype=bool)
        cost = float(self.total_cost) if cost is None else cost
        out = np.zeros(s.size)
        if not s.any():
            return out
        if self.rule == "equal":
            out[s] = cost / s.sum()
        elif self.rule == "gdp":
            g = np.asarray(self.gdp, dtype=float)
            out[s] = cost * (g[s] / g[s].sum())  # shares first: cost * gdp may overflow
        else:
            others = s.copy()
            others[self.lead] = False
            if not s[self.lead]:
                out[s] = cost / s.sum()
            elif not others.any():
                out[self.lead] = cost
            else:
                out[self.lead] = cost * self.lead_share
                out[others] = cost * (1 - self.lead_share) / others.sum()
        return out

    def game(self, period: int = 0) -> NormalFormGame:
        """The participation game of ``period``: stay (pay the share, get the benefit) or leave (0)."""
        n = len(self.gdp)
        if n > 12:
            raise ValueError(f"the participation game of {n} members has 2**{n} profiles (limit 12 members); "
                             "use outcome(), which follows the withdrawal dynamics without the table")
        cost = self._cost(period)
        b = np.asarray(self.benefits, dtype=float)

        def payoff(*stay: int) -> list[float]:
            mask = np.array(stay, dtype=bool)
            return list((b - self.shares(mask, cost)) * mask)

        return NormalFormGame.from_payoff_function(payoff, [2] * n, title=f"participation, period {period}")

    def _cost(self, period: int) -> float:
        """The bill of ``period``: ``total_cost * cost_growth ** period`` (in logs: the power alone may overflow
        where the bill does not; ``__post_init__`` refuses a bill beyond the floats)."""
        if self.total_cost == 0 or period == 0:
            return float(self.total_cost)
        return math.exp(math.log(self.total_cost) + period * math.log(self.cost_growth))

    def _withdrawals(self) -> tuple[np.ndarray, list[int | None], int, float]:
        """Follow the withdrawals: who stays at the end, when each member left, the last period and its cost."""
        b = np.asarray(self.benefits, dtype=float)
        n = b.size
        stay = np.ones(n, dtype=bool)
        left: list[int | None] = [None] * n
        period = 0
        for period in range(int(self.periods)):
            cost = self._cost(period)
            while True:   # within a period, leaving raises the others' shares: settle before moving on
                share = self.shares(stay, cost)
                leaving = stay & (share > b + 1e-12)
                if not leaving.any():
                    break
                for i in np.flatnonzero(leaving):
                    left[i] = period
                stay &= ~leaving
        return stay, left, period, self._cost(period)

    def details(self) -> dict[str, tuple]:
        """Per member: ``initial_shares`` (cost shares when everybody takes part, first period),
        ``left_in_period`` (the period it left, ``None`` if it stays) and ``final_shares`` (its share of the
        last period's cost).

        Examples
        --------
        Equal shares of 6 among three; the member whose benefit is 1.5 leaves at once, the others then pay 3.

        >>> d = CostSharing(gdp=(1.0, 1.0, 1.0), benefits=(5.0, 4.0, 1.5), total_cost=6.0).details()
        >>> d["initial_shares"], d["left_in_period"], d["final_shares"]
        ((2.0, 2.0, 2.0), (None, None, 0), (3.0, 3.0, 0.0))
        """
        stay, left, _, cost = self._withdrawals()
        return {"initial_shares": tuple(float(v) for v in self.shares(np.ones(stay.size, bool))),
                "left_in_period": tuple(left),
                "final_shares": tuple(float(v) for v in self.shares(stay, cost))}

    def outcome(self) -> dict[str, Any]:
        """Scalars: ``remaining`` (participants at the end), ``n_left`` (members who left),
        ``first_exit_period`` (``None`` if nobody leaves), ``covered`` (participants remain),
        ``initial_share_of_lead`` and ``final_share_of_lead`` (the lead member's share of the first and the
        last period's cost), ``final_is_equilibrium`` and ``final_regret`` (the final participants checked on
        the last period's participation game by the engine, when there are at most 12 members; NaN
        otherwise). Per-member shares and exit periods: :meth:`details`."""
        stay, left, period, cost = self._withdrawals()
        n = stay.size
        final_share = self.shares(stay, cost)
        first_cost = float(self.total_cost)
        initial_share = self.shares(np.ones(n, dtype=bool), first_cost)
        is_eq: Any = np.nan
        regret = np.nan
        if n <= 12:
            final = self.game(period)
            profile = [[0, 1] if s else [1, 0] for s in stay]
            regret = float(final.regret(profile))
            is_eq = bool(final.is_nash(profile))
        exits = [p for p in left if p is not None]
        return {
            "remaining": int(stay.sum()),
            "n_left": len(exits),
            "first_exit_period": min(exits) if exits else None,
            "covered": bool(stay.any()),
            "initial_share_of_lead": float(initial_share[self.lead] / first_cost) if first_cost > 0 else np.nan,
            "final_share_of_lead": float(final_share[self.lead] / cost) if cost > 0 else np.nan,
            "final_is_equilibrium": is_eq,
            "final_regret": regret,
        }
