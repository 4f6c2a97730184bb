"""Leadership in collective response: a lead power that carries more of the cost (privileged and k-groups).

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*):

    "A leading power and/or coalition of powers should always take a lead in a crisis management
    effort, in terms of political responsibility, as well as financing, logistics, etc."

    "Effective conflict resolution would not be possible without establishing of viable international
    coalitions of those willing and able to join them"

The model: a pledge game with a lead power
------------------------------------------
``members`` states (player 0 is the lead power, the others are followers) each ``contribute`` or
``abstain``. A collective response is mounted when the contributors' forces reach ``required_force``
(the lead power brings ``leader_capacity``, each follower ``follower_capacity``). If it is mounted every
member enjoys its benefit (``leader_benefit``, ``follower_benefit``: a public good, free riders included)
and the contributors pay the ``operation_cost``: the lead power carries ``lead_share`` of it and the
contributing followers split the rest equally (a lead power acting alone pays everything; followers
acting without it split everything). Every contributor also pays ``pledge_cost`` (preparing forces),
whether or not the response is mounted.

The N-player game is solved for all pure equilibria by :func:`games.equilibria`. In the tradition of
Olson (1965) the group is *privileged* when the lead power alone can and will act; Snidal's (1985)
*k-group* is the smallest coalition whose members gain from acting even while the others free-ride —
here the smallest coalition that mounts the response in an equilibrium (a coalition of the willing).

Closed form (a led coalition needs ``m = ceil((required_force - leader_capacity) / follower_capacity)``
followers): a led response is an equilibrium iff ``m`` followers alone cannot mount it and
``1 - m (follower_benefit - pledge_cost) / operation_cost <= lead_share <= (leader_benefit -
pledge_cost) / operation_cost``.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from games import NormalFormGame, equilibria

from .base import check_int, max_regret, param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["LeadershipModel", "MAX_MEMBERS", "REGIME_COLOURS"]

#: One colour per equilibrium regime of :meth:`LeadershipModel.outcome` (``regime``), for maps.
REGIME_COLOURS = {
    "led coalition of the willing": "#1b9e77",
    "privileged: the lead power acts alone": "#66a61e",
    "followers act without the lead power": "#7570b3",
    "no response: followers' share too high": "#d95f02",
    "no response: lead power's share too high": "#e6ab02",
    "no response: not enough force": "#999999",
}

#: Largest membership for which the full 2^N normal form is built.
MAX_MEMBERS = 14


@register_model(
    claim=("A leading power and/or coalition of powers should always take a lead in a crisis management effort, "
           "in terms of political responsibility, as well as financing, logistics, etc."),
    headlines=("leadership-threshold",),
)
@dataclass(frozen=True)
class LeadershipModel:
    """A lead power and followers deciding whether to join a collective response.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): "A leading power and/or
    coalition of powers should always take a lead in a crisis management effort, in terms of political
    responsibility, as well as financing, logistics, etc."

    Examples
    --------
    >>> out = LeadershipModel().outcome()
    >>> out["response_possible"], out["k_group"], out["free_riders"]
    (True, 5, 1)
    >>> LeadershipModel(lead_share=0.2).outcome()["response_possible"]   # equal shares: followers balk
    False
    >>> LeadershipModel(members=0)
    Traceback (most recent call last):
    ...
    ValueError: members must be an integer >= 2 (a lead power and at least one follower); got 0
    """

    members: int = param(6, "states", "members of the group, the lead power included",
                         low=2, high=MAX_MEMBERS, integer=True)
    required_force: float = param(10.0, "force units", "force needed to mount the collective response",
                                  low=0, low_open=True)
    leader_capacity: float = param(6.0, "force units", "force the lead power can contribute", low=0)
    follower_capacity: float = param(1.0, "force units", "force each follower can contribute",
                                     low=0, low_open=True)
    operation_cost: float = param(10.0, "utils", "total cost of the operation, paid by the contributors", low=0)
    lead_share: float = param(0.5, "share", "share of the cost the lead power carries when followers join",
                              low=0, high=1)
    leader_benefit: float = param(6.0, "utils", "lead power's benefit from the response", low=0)
    follower_benefit: float = param(1.5, "utils", "each follower's benefit from the response", low=0)
    pledge_cost: float = param(0.1, "utils", "cost of preparing forces, paid by every contributor", low=0)

    def __post_init__(self) -> None:
        n = check_int("members", self.members, low=2, why="a lead power and at least one follower")
        if n > MAX_MEMBERS:
            raise ValueError(f"members must be <= {MAX_MEMBERS} to build the 2^N normal form; got {n} "
                             "(use LeadershipModel.closed_form() for larger groups)")
        validate(self)

    # ------------------------------------------------------------------ the game
    def payoffs(self, *contribute: int) -> tuple[float, ...]:
        """Each member's payoff when member ``i`` contributes iff ``contribute[i]`` (1) — leader first.

        Examples
        --------
        >>> [round(v, 6) for v in LeadershipModel(members=3, required_force=2, leader_capacity=1).payoffs(1, 1, 0)]
        [0.9, -3.6, 1.5]
        """
        if len(contribute) != self.members:
            raise ValueError(f"payoffs needs one choice per member ({self.members}); got {len(contribute)}")
        lead = bool(contribute[0])
        followers = sum(1 for c in contribute[1:] if c)
        force = self.leader_capacity * lead + self.follower_capacity * followers
        mounted = force >= self.required_force
        C = self.operation_cost
        if lead and followers:
            shares = (self.lead_share * C, (1 - self.lead_share) * C / followers)
        elif lead:
            shares = (C, 0.0)
        else:
            shares = (0.0, C / followers if followers else 0.0)
        out = []
        for i, c in enumerate(contribute):
            benefit = (self.leader_benefit if i == 0 else self.follower_benefit) if mounted else 0.0
            cost = (shares[0] if i == 0 else shares[1]) * mounted + self.pledge_cost if c else 0.0
            out.append(benefit - cost)
        return tuple(out)

    def game(self) -> NormalFormGame:
        """The N-player pledge game (actions ``abstain``, ``contribute``; player 0 leads).

        Examples
        --------
        >>> LeadershipModel(members=3).game().shape
        (2, 2, 2)
        """
        g = NormalFormGame.from_payoff_function(
            self.payoffs, [2] * self.members,
            players=["Lead power"] + [f"Follower {k}" for k in range(1, self.members)],
            title="Leadership in a collective response")
        return NormalFormGame(g.payoffs, players=g.players,
                              actions=[["abstain", "contribute"]] * self.members, title=g.title)

    def closed_form(self) -> dict[str, Any]:
        """The thresholds of the led and leaderless responses in closed form (see the module notes).

        ``min_lead_share`` and ``max_lead_share`` bound the lead shares of a led response; a free operation
        (``operation_cost=0``) makes the share irrelevant, and they are their limits as the cost falls to 0:
        ``-inf``/``+inf`` when the benefit covers the pledge (every share qualifies), ``+inf``/``-inf`` when it
        does not (none does). A tiny ``follower_capacity`` gives an exact (huge) ``followers_needed``.

        Examples
        --------
        >>> cf = LeadershipModel().closed_form()
        >>> cf["followers_needed"], round(cf["min_lead_share"], 2), round(cf["max_lead_share"], 2)
        (4, 0.44, 0.59)
        """
        F, cL, cf = self.required_force, self.leader_capacity, self.follower_capacity
        C, e = self.operation_cost, self.pledge_cost
        followers = self.members - 1
        m = _followers_needed(F - cL, cf)
        m0 = _followers_needed(F, cf)
        privileged = m == 0 and self.leader_benefit - C - e >= 0
        led = (1 <= m <= followers and m * cf < F) and (
            self.follower_benefit - (1 - self.lead_share) * C / m - e >= 0
            and self.leader_benefit - self.lead_share * C - e >= 0)
        leaderless = m0 <= followers and self.follower_benefit - C / m0 - e >= 0
        return {
            "followers_needed": m,
            "followers_needed_without_leader": m0,
            "min_lead_share": _min_lead_share(m, self.follower_benefit - e, C) if m else 0.0,
            "max_lead_share": (self.leader_benefit - e) / C if C else _at_zero_cost(self.leader_benefit - e),
            "privileged": privileged,
            "led_response": bool(led),
            "leaderless_response": leaderless,
        }

    def outcome(self, tol: float = 1e-9) -> dict[str, Any]:
        """Which responses are equilibria, the k-group and the coalition of the willing.

        Returns
        -------
        dict
            ``response_possible`` (some pure equilibrium mounts the response), ``response_led`` (one
            with the lead power contributing), ``privileged`` (the lead power alone), ``k_group``
            (smallest contributing coalition that mounts the response in equilibrium; 0 if none),
            ``free_riders`` (members outside it), ``leader_payoff`` and ``follower_payoff`` (a
            contributing follower's, 0 if none) in that equilibrium, ``n_equilibria``, ``max_regret``
            (the largest regret among the solver's equilibria, ``nan`` if none), ``regime``
            (a label for maps) and the closed-form thresholds.

        Examples
        --------
        >>> LeadershipModel(leader_capacity=10, leader_benefit=12).outcome()["privileged"]
        True
        """
        game = self.game()
        eqs = equilibria(game, method="pure", tol=tol)
        best: tuple | None = None
        for eq in eqs:
            prof = [s[0] for s in eq.supports]
            force = self.leader_capacity * prof[0] + self.follower_capacity * sum(prof[1:])
            if force >= self.required_force:
                key = (sum(prof), -prof[0])
                if best is None or key < best[0]:
                    best = (key, prof, eq)
        cf = self.closed_form()
        out: dict[str, Any] = {}
        out["response_possible"] = best is not None
        out["response_led"] = any(
            eq.supports[0] == (1,) and self.leader_capacity + self.follower_capacity * sum(
                s[0] for s in eq.supports[1:]) >= self.required_force for eq in eqs)
        if best is not None:
            _, prof, eq = best
            out["k_group"] = int(sum(prof))
            out["free_riders"] = self.members - int(sum(prof))
            out["privileged"] = prof[0] == 1 and sum(prof) == 1
            out["leader_payoff"] = float(eq.payoffs[0])
            contributing = [float(eq.payoffs[i]) for i in range(1, self.members) if prof[i]]
            out["follower_payoff"] = contributing[0] if contributing else 0.0
        else:
            out.update(k_group=0, free_riders=self.members, privileged=False, leader_payoff=0.0,
                       follower_payoff=0.0)
        out["regime"] = _regime(out, cf, self)
        out["n_equilibria"] = len(eqs)
        out["max_regret"] = max_regret(eqs)
        out.update({f"cf_{k}": v for k, v in cf.items()})
        return out


def _followers_needed(force: float, capacity: float) -> int:
    """``ceil(force / capacity)`` followers, 0 when ``force <= 0``, at least 1 otherwise (computed exactly when the
    ratio is beyond the floats)."""
    if force <= 0:
        return 0
    ratio = force / capacity
    if math.isfinite(ratio):   # a relative allowance: 0.3 / 0.1 = 3.0000000000000004 needs 3, 1e-300 needs 1
        return max(1, math.ceil(ratio * (1 - 1e-12)))
    return math.ceil(Fraction(force) / Fraction(capacity))


def _min_lead_share(m: int, margin: float, cost: float) -> float:
    """``1 - m margin / cost``, the least lead share followers accept (its limit at ``cost = 0``)."""
    if not cost:
        return _at_zero_cost(-margin)
    try:
        return 1 - m * margin / cost
    except OverflowError:  # m beyond the floats: the threshold is as far out as the sign of the margin says
        return 1.0 if margin == 0 else -math.copysign(math.inf, margin)


def _at_zero_cost(margin: float) -> float:
    """A lead-share threshold ``1 - m (b - e) / C`` or ``(b - e) / C`` at ``C = 0``: its limit as ``C -> 0+``.

    With a free operation the share does not matter: every share qualifies (``-inf``/``+inf`` on the side that
    admits all of [0, 1]) when the benefit covers the pledge, none otherwise.
    """
    return math.copysign(math.inf, margin) if margin else 0.0


def _regime(out: dict[str, Any], cf: dict[str, Any], m: LeadershipModel) -> str:
    if out["privileged"]:
        return "privileged: the lead power acts alone"
    if out["response_led"]:
        return "led coalition of the willing"
    if out["response_possible"]:
        return "followers act without the lead power"
    if cf["followers_needed"] > m.members - 1:
        return "no response: not enough force"
    if m.lead_share < cf["min_lead_share"]:
        return "no response: followers' share too high"
    return "no response: lead power's share too high"


def leadership_sweep(base: LeadershipModel | None = None, lead_share: Sequence[float] = (),
                     leader_benefit: Sequence[float] = (), executor: Any = None) -> pd.DataFrame:
    """Deprecated: use ``games.sweep(LeadershipModel(), {"lead_share": ..., "leader_benefit": ...})``.

    Kept for one release; warns :class:`DeprecationWarning` and returns :func:`games.sweep`'s table.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     df = leadership_sweep(lead_share=[0.2, 0.5, 0.8], leader_benefit=[6.0])
    >>> caught[0].category.__name__, df["response_possible"].tolist()
    ('DeprecationWarning', [False, True, False])
    """
    from games import sweep

    warnings.warn("leadership_sweep is deprecated; use games.sweep(LeadershipModel(), grid)", DeprecationWarning,
                  stacklevel=2)
    return sweep(base if base is not None else LeadershipModel(),
                 {"lead_share": list(lead_share), "leader_benefit": list(leader_benefit)}, executor=executor,
                 progress=False)
