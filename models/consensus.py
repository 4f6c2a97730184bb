"""Sanctions by consensus: how the decision rule sets the chance that a violation is punished.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*): regimes are "decentralized institutions, which means not an absence of sanctions
for violating norms and rules of a regime, but a necessity of consensus on sanctions implementation".

The model
---------
A council of ``members`` states decides whether to sanction a violator of the regime's norm. The rule is

* ``"unanimity"``: every member must vote for the sanction (consensus; each member holds a veto);
* ``"qualified-majority"``: ``quota`` of the ``members`` votes;
* ``"great-power-veto"``: ``quota`` votes including all ``great_powers`` (the Security Council's rule).

Each rule is a weighted voting game (:class:`games.cooperative.WeightedVotingGame`). Given a violation,
an impartial member votes for the sanction with probability ``agree`` (``1 - agree`` is the vote noise: a
member that misreads the evidence or has other priorities); ``allies`` ordinary members and ``patrons`` of
the great powers side with the violator and vote for the sanction only with probability ``ally_agree``. The
probability ``p`` that the sanction passes is computed exactly by
:meth:`~games.cooperative.WeightedVotingGame.pass_probability`.

Restraint and the shadow of the future
--------------------------------------
Two states play the security dilemma of :mod:`models.reciprocity` (restrain or arm; ``T > R > P > S``)
repeatedly. A state that arms against a restrained partner is sanctioned with probability ``p`` and pays
``fine``, so the temptation falls to ``T - fine * p``. Under grim-trigger reciprocity restraint is
sustainable when ``discount >= (T - fine p - R) / (T - fine p - P)`` (0 once the sanction alone deters:
``fine * p >= T - R``); the engine's :func:`games.repeated.critical_discount` computes it from the game. Read
the other way, restraint at ``discount`` needs ``p >= (T - R - discount (T - P)) / (fine (1 - discount))``.

The council's own votes also carry *power*: the Shapley-Shubik and Banzhaf indices of each member under
the rule (:func:`voting_power_table` compares the UN Security Council's five vetoes with the consensus of
the six states of the Collective Security Treaty Organization at its founding in 2002 — Armenia, Belarus,
Kazakhstan, Kyrgyzstan, Russia, Tajikistan; the essay names the Council, not its members).

Examples
--------
>>> from models.consensus import ConsensusSanctions
>>> out = ConsensusSanctions(agree=0.9).outcome()            # unanimity of 6: 0.9^6
>>> round(out["sanction_probability"], 6)
0.531441
>>> round(ConsensusSanctions(rule="qualified-majority", quota=4, agree=0.9).outcome()["sanction_probability"], 6)
0.98415
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from games import NormalFormGame, equilibria
from games.cooperative import WeightedVotingGame
from games.repeated import GRIM, critical_discount

from .base import max_regret, param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ConsensusSanctions", "RULES", "CLAIM", "COMPARED_RULES", "sanction_curve_table",
           "interest_table", "voting_power_table", "required_sanction_probability"]

#: The essay's sentence :class:`ConsensusSanctions` formalises (quoted verbatim).
CLAIM = ("International regimes could also be defined as decentralized institutions, which means not an "
         "absence of sanctions for violating norms and rules of a regime, but a necessity of consensus on "
         "sanctions implementation, which could be less strict, comparing to a collective security system.")

#: The decision rules.
RULES = ("unanimity", "qualified-majority", "great-power-veto")

#: The rules the tables compare, as parameter changes of the default council (six members).
COMPARED_RULES = {
    "consensus (6 of 6)": {"rule": "unanimity"},
    "great-power veto (1 veto, 4 of 6)": {"rule": "great-power-veto", "great_powers": 1, "quota": 4},
    "qualified majority (4 of 6)": {"rule": "qualified-majority", "quota": 4},
}


def required_sanction_probability(temptation: float, reward: float, punishment: float, fine: float,
                                  discount: float) -> float:
    """Smallest sanction probability at which grim-trigger restraint holds at ``discount`` (``inf`` if none).

    From ``discount >= (T - f p - R) / (T - f p - P)``: ``p >= (T - R - discount (T - P)) / (f (1 - discount))``,
    and 0 when the shadow of the future alone suffices.

    Examples
    --------
    >>> required_sanction_probability(6, 4, 1, 3, 0.2)       # (2 - 0.2 * 5) / (3 * 0.8)
    0.4166666666666667
    >>> required_sanction_probability(6, 4, 1, 3, 0.5)       # 0.5 >= 2/5 already
    0.0
    """
    need = temptation - reward - discount * (temptation - punishment)
    if need <= 0:
        return 0.0
    if fine <= 0:
        return math.inf
    return need / fine / (1 - discount)  # fine * (1 - discount) may underflow to 0 (fine = 5e-324)


@register_model(claim=CLAIM, headlines=("consensus-sanctions", "consensus-voting-power"))
@dataclass(frozen=True)
class ConsensusSanctions:
    """A council deciding on sanctions against a violator, and what its decision rule does to restraint.

    Examples
    --------
    >>> m = ConsensusSanctions(rule="great-power-veto", great_powers=1, quota=4, agree=1.0, patrons=1)
    >>> m.outcome()["sanction_probability"], m.outcome()["aligned_can_block"]   # the patron vetoes
    (0.0, True)
    >>> ConsensusSanctions(rule="qualified-majority", quota=7)
    Traceback (most recent call last):
    ...
    ValueError: quota must be between 1 and members (6); got 7
    """

    rule: str = param("unanimity", "-", "decision rule: unanimity, qualified-majority or great-power-veto",
                      choices=RULES)
    members: int = param(6, "states", "members of the council deciding on a sanction (the violator excluded)",
                         low=2, high=60, integer=True)
    quota: int = param(4, "states", "votes needed under qualified-majority and great-power-veto",
                       low=1, high=60, integer=True)
    great_powers: int = param(1, "states", "members holding a veto under great-power-veto (listed first)",
                              low=0, high=60, integer=True)
    agree: float = param(0.9, "probability", "chance an impartial member votes for the sanction (1 - vote noise)",
                         low=0, high=1)
    allies: int = param(0, "states", "ordinary members siding with the violator", low=0, high=60, integer=True)
    patrons: int = param(0, "states", "great powers siding with the violator", low=0, high=60, integer=True)
    ally_agree: float = param(0.0, "probability", "chance a member siding with the violator votes for the sanction",
                              low=0, high=1)
    temptation: float = param(6.0, "utils", "T: payoff of arming against a restrained partner", unbounded=True)
    reward: float = param(4.0, "utils", "R: payoff of mutual restraint", unbounded=True)
    punishment: float = param(1.0, "utils", "P: payoff of mutual arming", unbounded=True)
    sucker: float = param(0.0, "utils", "S: payoff of restraint against an arming partner", unbounded=True)
    fine: float = param(3.0, "utils", "cost of the sanction to the violator", low=0)
    discount: float = param(0.3, "probability", "shadow of the future: chance the relationship continues",
                            low=0, high=1, high_open=True)

    def __post_init__(self) -> None:
        validate(self)
        if self.quota > self.members:
            raise ValueError(f"quota must be between 1 and members ({self.members}); got {self.quota}")
        if self.great_powers > self.members:
            raise ValueError(f"great_powers must be at most members ({self.members}); got {self.great_powers}")
        if self.rule == "great-power-veto" and not 1 <= self.great_powers <= self.quota:
            raise ValueError(f"great_powers must be between 1 and quota ({self.quota}) under great-power-veto; "
                             f"got {self.great_powers}")
        if self.patrons > self.great_powers:
            raise ValueError(f"patrons must be at most great_powers ({self.great_powers}); got {self.patrons}")
        if self.allies > self.members - self.great_powers:
            raise ValueError(f"allies must be at most the ordinary members ({self.members - self.great_powers}); "
                             f"got {self.allies}")
        if not self.temptation > self.reward > self.punishment > self.sucker:
            raise ValueError("temptation, reward, punishment and sucker must make the stage game a prisoner's "
                             "dilemma: temptation > reward > punishment > sucker; got "
                             f"{self.temptation}, {self.reward}, {self.punishment}, {self.sucker}")

    # ------------------------------------------------------------------ the council
    def member_labels(self) -> list[str]:
        """Labels in voting-game order: great powers (patrons first), then ordinary members (allies first)."""
        g, o = self.great_powers, self.members - self.great_powers
        return ([f"patron {i + 1}" for i in range(self.patrons)]
                + [f"great power {i + 1}" for i in range(g - self.patrons)]
                + [f"ally {i + 1}" for i in range(self.allies)]
                + [f"member {i + 1}" for i in range(o - self.allies)])

    def voting_game(self) -> WeightedVotingGame:
        """The council's rule as a weighted voting game.

        Examples
        --------
        >>> ConsensusSanctions(rule="great-power-veto", great_powers=2, quota=4).voting_game()
        WeightedVotingGame(weights=[3, 3, 1, 1, 1, 1], quota=8)
        """
        labels = self.member_labels()
        if self.rule == "unanimity":
            return WeightedVotingGame.unanimity(self.members, labels)
        if self.rule == "qualified-majority":
            return WeightedVotingGame.qualified_majority(self.members, self.quota, labels)
        return WeightedVotingGame.with_vetoes(self.great_powers, self.members - self.great_powers, self.quota, labels)

    def vote_probabilities(self) -> list[float]:
        """Each member's probability of voting for the sanction, in :meth:`voting_game` order."""
        return [float(self.ally_agree) if lab.startswith(("patron", "ally")) else float(self.agree)
                for lab in self.member_labels()]

    def sanction_probability(self) -> float:
        """Probability that the council passes the sanction after a violation."""
        return float(self.voting_game().pass_probability(self.vote_probabilities()))

    def aligned_can_block(self) -> bool:
        """Whether the members siding with the violator can block any sanction on their own."""
        labels = self.member_labels()
        rest = [i for i, lab in enumerate(labels) if not lab.startswith(("patron", "ally"))]
        return not self.voting_game().is_winning(rest)

    # ------------------------------------------------------------------ the security dilemma
    def effective_temptation(self) -> float:
        """``T - fine * p``: what arming against a restrained partner is worth once sanctions are expected."""
        return float(self.temptation) - float(self.fine) * self.sanction_probability()

    def game(self) -> NormalFormGame:
        """The stage security dilemma with the expected sanction priced in (action 0 = restrain).

        Examples
        --------
        >>> ConsensusSanctions(agree=1.0).game().payoffs[1, 0].tolist()         # T - 3 * 1 = 3
        [3.0, 0.0]
        """
        t = round(self.effective_temptation(), 12)
        r, p, s = float(self.reward), float(self.punishment), float(self.sucker)
        return NormalFormGame([[[r, r], [s, t]], [[t, s], [p, p]]], players=["State 1", "State 2"],
                              actions=[["restrain", "arm"]] * 2, title="Security dilemma under consensus sanctions")

    def outcome(self) -> dict[str, Any]:
        """The sanction probability, restraint's critical discount factor, and the members' voting power.

        Returns
        -------
        dict
            ``rule``; ``sanction_probability``, ``expected_sanction``, ``effective_temptation``;
            ``stage_equilibria`` (pure, from the solver), ``restraint_is_stage_equilibrium``,
            ``stage_max_regret``; ``critical_discount`` (grim trigger, from
            :func:`games.repeated.critical_discount`), ``sustainable`` (at ``discount``),
            ``required_sanction_probability`` (at ``discount``); ``veto_players``; Shapley-Shubik and
            normalised Banzhaf indices of the first and the last member (``first_member_power``,
            ``last_member_power``, ``first_member_banzhaf``, ``last_member_banzhaf``); ``aligned_can_block``.
        """
        g = self.game()
        stage = equilibria(g, method="pure")
        pure = [eq.pure_actions() for eq in stage]
        p = self.sanction_probability()
        d_star = float(critical_discount(g, GRIM, GRIM))
        vg = self.voting_game()
        ss, bz = vg.shapley_shubik(), vg.banzhaf()
        return {
            "rule": self.rule,
            "sanction_probability": p,
            "expected_sanction": float(self.fine) * p,
            "effective_temptation": self.effective_temptation(),
            "stage_equilibria": len(pure),
            "restraint_is_stage_equilibrium": ("restrain", "restrain") in pure,
            "stage_max_regret": max_regret(stage),
            "critical_discount": d_star,
            "sustainable": bool(float(self.discount) >= d_star),
            "required_sanction_probability": required_sanction_probability(
                float(self.temptation), float(self.reward), float(self.punishment), float(self.fine),
                float(self.discount)),
            "veto_players": len(vg.veto_players()),
            "first_member_power": float(ss[0]),
            "last_member_power": float(ss[-1]),
            "first_member_banzhaf": float(bz[0]),
            "last_member_banzhaf": float(bz[-1]),
            "aligned_can_block": self.aligned_can_block(),
        }


# ---------------------------------------------------------------------------------------------- analyses
def _variants(base: ConsensusSanctions | None) -> dict[str, ConsensusSanctions]:
    base = base or ConsensusSanctions()
    return {label: dataclasses.replace(base, **changes) for label, changes in COMPARED_RULES.items()}


def sanction_curve_table(agrees: Sequence[float], base: ConsensusSanctions | None = None) -> pd.DataFrame:
    """Sanction probability and restraint's critical discount factor against the members' agreement, per rule.

    Parameters
    ----------
    agrees : sequence of float
        Probabilities that an impartial member votes for the sanction (1 - vote noise).
    base : ConsensusSanctions, optional
        The council and stage game (default: six members, fine 3, T, R, P, S = 6, 4, 1, 0).

    Returns
    -------
    pandas.DataFrame
        One row per rule of :data:`COMPARED_RULES` and agreement: ``rule``, ``agree``, ``vote_noise``,
        ``sanction_probability``, ``critical_discount``, ``sustainable``.

    Examples
    --------
    >>> t = sanction_curve_table([1.0])
    >>> t[["rule", "sanction_probability", "critical_discount"]].values.tolist()[0]
    ['consensus (6 of 6)', 1.0, 0.0]
    """
    import pandas as pd

    rows = []
    for label, model in _variants(base).items():
        for a in agrees:
            out = dataclasses.replace(model, agree=float(a)).outcome()
            rows.append({"rule": label, "agree": float(a), "vote_noise": 1 - float(a),
                         "sanction_probability": out["sanction_probability"],
                         "critical_discount": out["critical_discount"], "sustainable": out["sustainable"]})
    return pd.DataFrame(rows)


def interest_table(base: ConsensusSanctions | None = None) -> pd.DataFrame:
    """Sanction probability as members side with the violator: allies among the ordinary members, or a patron.

    Examples
    --------
    >>> t = interest_table()
    >>> t[(t.rule == "consensus (6 of 6)") & (t.aligned == "1 ally")].sanction_probability.item()
    0.0
    """
    import pandas as pd

    rows = []
    for label, model in _variants(base).items():
        ordinary = model.members - model.great_powers
        cases = [("nobody", {}), *[(f"{k} all{'y' if k == 1 else 'ies'}", {"allies": k})
                                   for k in range(1, ordinary + 1)],
                 ("a great-power patron", {"patrons": 1})]
        for name, change in cases:
            m = dataclasses.replace(model, **change)
            rows.append({"rule": label, "aligned": name, "sanction_probability": m.sanction_probability(),
                         "aligned_can_block": m.aligned_can_block()})
    return pd.DataFrame(rows)


def voting_power_table() -> pd.DataFrame:
    """Shapley-Shubik and Banzhaf power of each class of member in the councils the essay discusses.

    The UN Security Council in 1945-1965 (eleven members, seven votes including the five permanent members)
    and since 1965 (fifteen, nine), the CSTO's Collective Security Council deciding by consensus (six
    members), and for comparison a qualified majority of four of those six.

    Examples
    --------
    >>> t = voting_power_table()
    >>> t[t.body == "UN Security Council (since 1965)"].shapley_shubik.round(4).tolist()
    [0.1963, 0.0019]
    """
    import pandas as pd

    bodies = [
        ("UN Security Council (1945-1965)", "7 of 11, 5 vetoes", WeightedVotingGame.with_vetoes(5, 6, 7),
         [("permanent member", 0, 5), ("elected member", 5, 6)]),
        ("UN Security Council (since 1965)", "9 of 15, 5 vetoes", WeightedVotingGame.with_vetoes(5, 10, 9),
         [("permanent member", 0, 5), ("elected member", 5, 10)]),
        ("CSTO Collective Security Council", "consensus of 6", WeightedVotingGame.unanimity(6),
         [("member", 0, 6)]),
        ("CSTO council, qualified majority", "4 of 6", WeightedVotingGame.qualified_majority(6, 4),
         [("member", 0, 6)]),
    ]
    rows = []
    for body, rule, game, classes in bodies:
        ss, bz, sw = game.shapley_shubik(), game.banzhaf(), game.swings()
        for name, first, count in classes:
            rows.append({"body": body, "rule": rule, "member": name, "count": count,
                         "shapley_shubik": float(ss[first]), "shapley_shubik_exact": str(Fraction(ss[first])),
                         "banzhaf": float(bz[first]), "swings": sw[first],
                         "class_share": float(ss[first] * count)})
    return pd.DataFrame(rows)
