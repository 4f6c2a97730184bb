"""Who should be labelled aggressor? Sanctions on a noisy signal: deterrence, wrongful sanctions, escalation.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*):

    "There is also a status quo problem. Strict adherence to status quo ante within a collective
    security system could complicate conflict resolution, because both participants and mediators to a
    conflict often argue on who should be labeled as aggressor."

The model: an inspection game
-----------------------------
A potential aggressor ``attack`` s or ``refrain`` s; a collective mechanism decides whether to
``sanction labelled`` (sanction whichever party its signal labels as aggressor) or ``abstain``. After an
attack the signal names the true aggressor with probability ``accuracy`` and the victim otherwise.
Without an attack, incidents still happen (probability ``incident_rate``) and the signal then labels
one of the two parties at random: every sanction after an incident is wrongful.

Payoffs (aggressor, mechanism), with ``K = sanction_cost + wrongful_cost + escalation_risk * war_cost``
the expected cost to the mechanism of a wrongful sanction (a wrongly sanctioned party resists and the
conflict escalates with probability ``escalation_risk``):

=========  ======================  ==================================================================
           abstain                 sanction labelled
=========  ======================  ==================================================================
refrain    (0, 0)                  (-r s / 2, -r K)
attack     (g, -l)                 (g - a s, -l + a v - c - (1 - a)(w + e W))
=========  ======================  ==================================================================

with ``a = accuracy``, ``r = incident_rate``, ``s = sanction``, ``g = aggression_gain``,
``l = aggression_damage``, ``v = restoration_value``. Equilibria come from :func:`games.equilibria`.
Closed forms (interior equilibrium): the mechanism sanctions with probability ``g / (s (a - r/2))`` and
the aggressor attacks with probability ``r K / (D + r K)`` where ``D = a v - c - (1 - a)(w + e W)`` is the
mechanism's gain from sanctioning after an attack; with ``D <= 0`` (too inaccurate a signal to act on)
the mechanism never sanctions and aggression is unchecked.

A *strict status-quo* mechanism commits to sanction whoever is labelled; then the aggressor attacks iff
``a < g / s + r / 2``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from games import NormalFormGame, equilibria

from .base import param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["LabellingModel"]


@register_model(
    claim=("Strict adherence to status quo ante within a collective security system could complicate conflict "
           "resolution, because both participants and mediators to a conflict often argue on who should be "
           "labeled as aggressor."),
    headlines=("labelling-accuracy",),
)
@dataclass(frozen=True)
class LabellingModel:
    """A collective mechanism sanctioning the party its noisy signal labels as aggressor.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): "Strict adherence to status
    quo ante within a collective security system could complicate conflict resolution, because both
    participants and mediators to a conflict often argue on who should be labeled as aggressor."

    Examples
    --------
    >>> out = LabellingModel(accuracy=1.0).outcome()
    >>> round(out["attack_probability"], 4), round(out["sanction_probability"], 4)
    (0.3182, 0.5556)
    >>> LabellingModel(accuracy=0.6).outcome()["attack_probability"]
    1.0
    >>> LabellingModel(accuracy=1.2)
    Traceback (most recent call last):
    ...
    ValueError: accuracy must be <= 1; got 1.2
    """

    accuracy: float = param(0.8, "probability", "chance the signal labels the true aggressor after an attack",
                            low=0, high=1)
    incident_rate: float = param(0.2, "probability", "chance of an incident (and a random label) when nobody attacks",
                                 low=0, high=1)
    aggression_gain: float = param(3.0, "utils", "aggressor's gain from attacking", low=0)
    aggression_damage: float = param(4.0, "utils", "mechanism's loss from an attack", low=0)
    sanction: float = param(6.0, "utils", "cost of a sanction to the sanctioned party", low=0)
    restoration_value: float = param(4.0, "utils", "mechanism's gain from sanctioning the true aggressor",
                                     low=0)
    sanction_cost: float = param(1.0, "utils", "mechanism's cost of imposing a sanction", low=0)
    wrongful_cost: float = param(2.0, "utils", "mechanism's loss of legitimacy from sanctioning an innocent party",
                                 low=0)
    escalation_risk: float = param(0.5, "probability", "chance a wrongly sanctioned party resists, escalating",
                                   low=0, high=1)
    war_cost: float = param(8.0, "utils", "mechanism's cost of an escalated conflict", low=0)

    def __post_init__(self) -> None:
        validate(self)

    @property
    def wrongful_sanction_cost(self) -> float:
        """``K``: the mechanism's expected cost of a wrongful sanction (cost, legitimacy, escalation)."""
        return self.sanction_cost + self.wrongful_cost + self.escalation_risk * self.war_cost

    @property
    def sanction_gain(self) -> float:
        """``D``: the mechanism's expected gain from sanctioning the labelled party after an attack."""
        a = self.accuracy
        return (a * self.restoration_value - self.sanction_cost
                - (1 - a) * (self.wrongful_cost + self.escalation_risk * self.war_cost))

    @property
    def sanctioning_accuracy(self) -> float:
        """The signal accuracy at which sanctioning after an attack starts to pay (``D = 0``).

        ``D = a v - c - (1 - a)(w + e W)`` is linear in ``a``; it is zero at
        ``a0 = (c + w + e W) / (v + w + e W)``. Below ``a0`` the mechanism never sanctions (a value above
        1 means it never does at any accuracy).

        Examples
        --------
        With the defaults ``(1 + 2 + 0.5 * 8) / (4 + 2 + 0.5 * 8) = 7 / 10``:

        >>> LabellingModel().sanctioning_accuracy
        0.7
        """
        k = self.wrongful_cost + self.escalation_risk * self.war_cost
        return (self.sanction_cost + k) / (self.restoration_value + k) if self.restoration_value + k > 0 \
            else float("inf")

    def game(self) -> NormalFormGame:
        """The 2x2 inspection game (aggressor: refrain/attack; mechanism: abstain/sanction labelled).

        Examples
        --------
        >>> LabellingModel().game().payoffs[1, 1].tolist()
        [-1.8, -3.0]
        """
        a, r, s, g = self.accuracy, self.incident_rate, self.sanction, self.aggression_gain
        loss, K = self.aggression_damage, self.wrongful_sanction_cost
        A = [[0.0, -r * s / 2], [g, g - a * s]]
        B = [[0.0, -r * K], [-loss, -loss + self.sanction_gain]]
        return NormalFormGame.from_bimatrix(A, B, players=["Potential aggressor", "Collective mechanism"],
                                            actions=[["refrain", "attack"], ["abstain", "sanction labelled"]],
                                            title="Sanctioning the labelled aggressor")

    def _metrics(self, attack: float, sanction: float) -> dict[str, float]:
        a, r = self.accuracy, self.incident_rate
        wrongful = sanction * (attack * (1 - a) + (1 - attack) * r)
        return {
            "attack_probability": attack,
            "deterrence": 1.0 - attack,
            "sanction_probability": sanction,
            "wrongful_sanction_probability": wrongful,
            "escalation_probability": wrongful * self.escalation_risk,
            "aggressor_punished_probability": attack * sanction * a,
        }

    def outcome(self, tol: float = 1e-9) -> dict[str, Any]:
        """The equilibrium of the inspection game and of the strict status-quo rule.

        When the game has several equilibria (only on boundaries), the one best for the mechanism is
        reported and ``n_equilibria`` says how many there are.

        Returns
        -------
        dict
            ``attack_probability``, ``deterrence``, ``sanction_probability``,
            ``wrongful_sanction_probability``, ``escalation_probability`` (per period),
            ``aggressor_punished_probability``, ``mechanism_payoff``, ``aggressor_payoff``,
            ``n_equilibria``, ``regret``; and under the strict rule (always sanction the labelled party):
            ``strict_attack``, ``strict_wrongful_sanction_probability``, ``strict_escalation_probability``,
            ``strict_mechanism_payoff``.

        Examples
        --------
        >>> LabellingModel(accuracy=0.5).outcome()["strict_attack"]
        True
        """
        game = self.game()
        eqs = equilibria(game, tol=tol)
        best = max(eqs, key=lambda eq: float(eq.payoffs[1]))
        x, y = best.as_float()
        out: dict[str, Any] = self._metrics(float(x[1]), float(y[1]))
        out["mechanism_payoff"] = float(best.payoffs[1])
        out["aggressor_payoff"] = float(best.payoffs[0])
        out["n_equilibria"] = len(eqs)
        out["regret"] = float(best.regret)
        # Strict status quo: the mechanism is committed to sanction; the aggressor best-responds.
        strict = equilibria(game.restrict([[0, 1], [1]]), method="pure", tol=tol)
        choice = max(strict, key=lambda eq: float(eq.payoffs[1]))
        attack = float(choice.as_float()[0][1])
        m = self._metrics(attack, 1.0)
        out["strict_attack"] = attack == 1.0
        out["strict_wrongful_sanction_probability"] = m["wrongful_sanction_probability"]
        out["strict_escalation_probability"] = m["escalation_probability"]
        out["strict_mechanism_payoff"] = float(choice.payoffs[1])
        return out


def labelling_sweep(base: LabellingModel | None = None, accuracy: Sequence[float] = (),
                    executor: Any = None) -> pd.DataFrame:
    """Deprecated: use ``games.sweep(LabellingModel(), {"accuracy": ...})``.

    Kept for one release; warns :class:`DeprecationWarning` and returns :func:`games.sweep`'s table.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     df = labelling_sweep(accuracy=[0.6, 0.9])
    >>> caught[0].category.__name__, df["attack_probability"].round(3).tolist()
    ('DeprecationWarning', [1.0, 0.412])
    """
    from games import sweep

    warnings.warn("labelling_sweep is deprecated; use games.sweep(LabellingModel(), grid)", DeprecationWarning,
                  stacklevel=2)
    return sweep(base if base is not None else LabellingModel(), {"accuracy": list(accuracy)}, executor=executor,
                 progress=False)
