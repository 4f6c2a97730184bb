"""Criteria of imminent threat: national thresholds on private intelligence against criteria agreed in advance.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*):

    "An agreement on reasonable and transparent criteria of imminent threat could create a legal basis for
    collective action under the aegis of the UN and ad hoc international coalitions."

    "The agreed criteria of imminent threat should correspond to a selective application of various
    instruments of interference and pressure, ranging from preventive diplomacy actions and sanctions to
    pre-emptive strikes."

The model: two states, one possible aggressor, noisy intelligence
------------------------------------------------------------------
A potential aggressor is *dangerous* with probability ``threat_prior`` (else harmless). Two states, an
*exposed* one (damage ``damage_exposed`` if a dangerous aggressor is not stopped) and a *distant* one
(``damage_distant``), each receive a private binary intelligence signal, an alarm or not, right with
probability ``signal_quality`` whatever the truth (independently given the truth). Each chooses an
instrument: ``wait``, ``diplomacy`` and ``sanctions`` (prevention) or a pre-emptive ``strike``:

- instrument ``k`` costs its user ``cost_k`` (``(1 - joint_saving)`` of it when both states act, any
  instrument: shared logistics and burden sharing);
- against a dangerous aggressor each instrument independently stops the threat with probability
  ``effect_k``; the threat is stopped with probability ``1 - (1 - effect_a)(1 - effect_b)``;
- a strike on a harmless state costs the striker ``illegitimacy`` (``(1 - coalition_cover)`` of it when
  both strike: a coalition's strike is more legitimate); prevention against a harmless state only wastes
  its cost. Pre-emption is purely military and costly when wrong; prevention is cheap and reversible.

Two regimes are compared:

*National thresholds* — the Bayesian game of the private signals (:class:`games.BayesianGame`, built by
:class:`games.signals.InformationStructure`); each state's instrument on an alarm and without one is a
pure Bayesian Nash equilibrium, found by :func:`games.equilibria`; of several, the one with the highest
joint ex-ante payoff (the best the states reach without an agreement) is reported.

*Agreed criteria* — the states agree in advance to pool their intelligence and apply one common instrument
chosen by the number of alarms (0, 1 or 2), the rule maximising their joint payoff. Pooling takes time:
every instrument's effect is multiplied by ``1 - consultation_delay``. The rule is *self-enforcing* when it
is a Bayesian equilibrium of the game with the shared, pooled signal; otherwise ``agreed_temptation``
(the largest interim gain of a state deviating alone) is what tempts a state to act unilaterally.

The regime map (:func:`regime_table`) classifies each (signal quality, threat prior): nobody acts; the
agreement is too slow (the national regime gives the two states more jointly); "unilateral if necessary"
re-enters (the agreement does better jointly, but the exposed state does better on its own national
threshold, or the agreed rule tempts a state to act more forcefully alone); the agreed criteria make
collective action possible (there is none nationally); or they improve existing collective action. Who
gains is reported separately (``gain_exposed``, ``gain_distant``): the distant state often pays for action
that mostly protects the exposed one, and is then tempted to shirk (``shirking_temptation``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from games import NormalFormGame, equilibria
from games.bayesian import BayesianGame
from games.signals import InformationStructure, binary_signal

from .base import max_regret, param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ImminentThreatModel", "INSTRUMENTS", "REGIME_COLOURS", "regime_table", "alarm_posterior"]

#: The instruments, from the mildest to pre-emption.
INSTRUMENTS = ("wait", "diplomacy", "sanctions", "strike")

#: One colour per regime of :meth:`ImminentThreatModel.outcome` (``regime``), for maps.
REGIME_COLOURS = {
    "nobody acts": "#bbbbbb",
    "agreed criteria make collective action possible": "#1b9e77",
    "agreed criteria improve collective action": "#66a61e",
    "agreed criteria too slow": "#d95f02",
    "unilateral if necessary": "#7570b3",
}

STATES = ("harmless", "dangerous")
PLAYERS = ("exposed state", "distant state")


def alarm_posterior(prior: float, quality: float, alarms: int = 1, signals: int = 1) -> float:
    """P(dangerous | ``alarms`` alarms among ``signals`` independent signals of accuracy ``quality``).

    Examples
    --------
    >>> round(alarm_posterior(0.2, 0.9), 4)    # .18 / (.18 + .08)
    0.6923
    """
    a, b = quality ** alarms * (1 - quality) ** (signals - alarms), (1 - quality) ** alarms * quality ** (
        signals - alarms)
    return prior * a / (prior * a + (1 - prior) * b)


@register_model(
    claim=("An agreement on reasonable and transparent criteria of imminent threat could create a legal basis for "
           "collective action under the aegis of the UN and ad hoc international coalitions."),
    headlines=("imminent-threat-criteria",),
)
@dataclass(frozen=True)
class ImminentThreatModel:
    """Two states choosing graduated instruments on noisy intelligence, alone or under agreed criteria.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): "An agreement on reasonable and
    transparent criteria of imminent threat could create a legal basis for collective action under the
    aegis of the UN and ad hoc international coalitions."

    Examples
    --------
    >>> out = ImminentThreatModel().outcome()
    >>> out["national_exposed_alarm"], out["agreed_1_alarm"], out["agreed_2_alarms"]
    ('sanctions', 'sanctions', 'strike')
    >>> ImminentThreatModel(signal_quality=0.3)
    Traceback (most recent call last):
    ...
    ValueError: signal_quality must be >= 0.5; got 0.3
    """

    threat_prior: float = param(0.2, "probability", "prior probability that the potential aggressor is dangerous",
                                low=0, high=1, low_open=True, high_open=True)
    signal_quality: float = param(0.8, "probability", "probability that a state's intelligence signal is right",
                                  low=0.5, high=1, high_open=True)
    damage_exposed: float = param(10.0, "utils", "exposed state's loss if a dangerous aggressor is not stopped",
                                  low=0)
    damage_distant: float = param(5.0, "utils", "distant state's loss if a dangerous aggressor is not stopped",
                                  low=0)
    cost_diplomacy: float = param(0.2, "utils", "cost of preventive diplomacy to the state using it", low=0)
    cost_sanctions: float = param(0.8, "utils", "cost of sanctions to the state imposing them", low=0)
    cost_strike: float = param(2.5, "utils", "cost of a pre-emptive strike to the state striking", low=0)
    effect_diplomacy: float = param(0.15, "probability", "chance diplomacy stops a dangerous aggressor",
                                    low=0, high=1)
    effect_sanctions: float = param(0.4, "probability", "chance sanctions stop a dangerous aggressor", low=0, high=1)
    effect_strike: float = param(0.9, "probability", "chance a strike stops a dangerous aggressor", low=0, high=1)
    illegitimacy: float = param(6.0, "utils", "cost to a state of striking a harmless state", low=0)
    joint_saving: float = param(0.4, "share", "share of an instrument's cost saved when both states act",
                                low=0, high=1)
    coalition_cover: float = param(0.5, "share", "share of the illegitimacy cost removed when both states strike",
                                   low=0, high=1)
    consultation_delay: float = param(0.1, "share", "loss of every instrument's effect while evidence is pooled",
                                      low=0, high=1)

    def __post_init__(self) -> None:
        validate(self)

    # ------------------------------------------------------------------ payoffs
    def state_payoffs(self, delay: float = 0.0) -> np.ndarray:
        """``(2, 4, 4, 2)``: payoffs by true state (harmless, dangerous), both instruments and player.

        ``delay`` scales every instrument's effect by ``1 - delay`` (pooled evidence takes time).

        Examples
        --------
        >>> v = ImminentThreatModel().state_payoffs()
        >>> v[1, 0, 0].tolist()     # nobody acts against a dangerous aggressor: the full damage
        [-10.0, -5.0]
        >>> round(float(v[0, 3, 0, 0]), 6)   # the exposed state strikes a harmless state alone: 2.5 + 6
        -8.5
        """
        cost = np.array([0.0, self.cost_diplomacy, self.cost_sanctions, self.cost_strike])
        effect = np.array([0.0, self.effect_diplomacy, self.effect_sanctions, self.effect_strike]) * (1 - delay)
        damage = np.array([self.damage_exposed, self.damage_distant])
        v = np.zeros((2, 4, 4, 2))
        for a in range(4):
            for b in range(4):
                together = a > 0 and b > 0
                own = ((a, b), (b, a))
                for i, (mine, other) in enumerate(own):
                    paid = cost[mine] * ((1 - self.joint_saving) if together else 1.0)
                    illegit = 0.0
                    if mine == 3:
                        illegit = self.illegitimacy * ((1 - self.coalition_cover) if other == 3 else 1.0)
                    stopped = 1 - (1 - effect[a]) * (1 - effect[b])
                    v[0, a, b, i] = -paid - illegit
                    v[1, a, b, i] = -paid - (1 - stopped) * damage[i]
        return v

    def information(self) -> InformationStructure:
        """Two private, conditionally independent binary signals of accuracy ``signal_quality``."""
        q = binary_signal(self.signal_quality)
        return InformationStructure([1 - self.threat_prior, self.threat_prior], [q, q], states=STATES)

    def pooled_information(self) -> InformationStructure:
        """The pooled evidence, the number of alarms (0, 1, 2), seen by both states."""
        q = self.signal_quality
        count = np.array([[q * q, 2 * q * (1 - q), (1 - q) ** 2], [(1 - q) ** 2, 2 * q * (1 - q), q * q]])
        return InformationStructure([1 - self.threat_prior, self.threat_prior], [count], shared=True,
                                    num_players=2, states=STATES)

    def bayesian_game(self) -> BayesianGame:
        """The national regime: each state acts on its own signal (types ``0`` no alarm, ``1`` alarm).

        Examples
        --------
        >>> ImminentThreatModel().bayesian_game().num_types
        (2, 2)
        """
        return self.information().bayesian_game(self.state_payoffs(), players=PLAYERS,
                                                actions=[INSTRUMENTS, INSTRUMENTS], title="National thresholds")

    def pooled_game(self) -> BayesianGame:
        """The agreed regime's game: both see the number of alarms; every effect delayed by consultation."""
        return self.pooled_information().bayesian_game(self.state_payoffs(self.consultation_delay), players=PLAYERS,
                                                       actions=[INSTRUMENTS, INSTRUMENTS],
                                                       title="Pooled evidence")

    def game(self) -> NormalFormGame:
        """The national regime's induced normal form (strategies: instrument without | with an alarm).

        Examples
        --------
        >>> ImminentThreatModel().game().shape
        (16, 16)
        """
        return self.bayesian_game().to_normal_form()

    # ------------------------------------------------------------------ the two regimes
    def national_equilibria(self, tol: float = 1e-9) -> list:
        """Every pure Bayesian equilibrium of the national regime (one mixed one, found by Lemke-Howson on the
        induced normal form, when there is no pure one).

        Examples
        --------
        >>> [eq.plan() for eq in ImminentThreatModel().national_equilibria()]
        [(('wait', 'sanctions'), ('wait', 'diplomacy'))]
        """
        g = self.bayesian_game()
        eqs = equilibria(g, method="pure", tol=tol)
        if len(eqs):
            return list(eqs)
        # no pure equilibrium: one mixed one by Lemke-Howson on the induced normal form, read back per type
        found = equilibria(g.to_normal_form(), method="lemke-howson", tol=tol)
        return [eq for eq in (g.equilibrium(list(e.profile), "lemke-howson", tol * g.payoff_scale) for e in found)
                if eq is not None]

    def national(self, tol: float = 1e-9) -> Any:
        """The national equilibrium reported: the highest joint ex-ante payoff, then the fewest strikes."""
        eqs = self.national_equilibria(tol)
        return max(eqs, key=lambda eq: (round(float(eq.payoffs.sum()), 9),
                                        -float(sum(b[:, 3].sum() for b in eq.behaviour))))

    def agreed_rule(self) -> tuple[int, int, int]:
        """The common instrument for 0, 1 and 2 alarms that maximises the joint payoff (ties: the milder).

        Examples
        --------
        >>> [INSTRUMENTS[k] for k in ImminentThreatModel().agreed_rule()]
        ['wait', 'sanctions', 'strike']
        """
        g = self.pooled_game()
        pay = g.payoffs
        rule = []
        for t in range(g.num_types[0]):
            joint = [pay[t, t, a, a].sum() for a in range(4)]
            best = max(joint)
            rule.append(next(a for a in range(4) if joint[a] >= best - 1e-12))
        return tuple(rule)

    def _agreed_profile(self) -> list[np.ndarray]:
        g = self.pooled_game()
        rule = self.agreed_rule()
        kept = [int(t) for t in g.types[0]]   # signal counts with positive probability
        beh = np.eye(4)[[rule[k] for k in kept]]
        return [beh, beh]

    # ------------------------------------------------------------------ statistics
    @staticmethod
    def _rates(joint: np.ndarray, beh: Sequence[np.ndarray], likelihood: np.ndarray) -> dict[str, float]:
        """False alarm, missed threat and collective action of a behaviour, from P(state, s_A, s_B) and
        the signals' law given the state (passed apart: under a prior of 5e-324 the joint's dangerous row
        underflows to 0, while the conditional law stays exact)."""
        cond = likelihood / likelihood.sum(axis=(1, 2), keepdims=True)
        a, b = beh
        strike = 1 - (1 - a[:, 3])[:, None] * (1 - b[:, 3])[None, :]
        idle = a[:, 0][:, None] * b[:, 0][None, :]
        both = (1 - a[:, 0])[:, None] * (1 - b[:, 0])[None, :]
        return {"false_alarm": float((cond[0] * strike).sum()), "missed": float((cond[1] * idle).sum()),
                "collective": float((joint.sum(axis=0) * both).sum()),
                "any_action": float((joint.sum(axis=0) * (1 - idle)).sum())}

    def outcome(self, tol: float = 1e-9) -> dict[str, Any]:
        """National thresholds against agreed criteria: instruments, error rates, payoffs and the regime.

        Returns
        -------
        dict
            ``posterior_alarm`` and ``posterior_two_alarms`` (P(dangerous | one alarm of one signal, two
            alarms of two)); ``national_exposed_quiet`` / ``_alarm`` and ``national_distant_quiet`` /
            ``_alarm`` (each state's instrument without and with an alarm; ``"mixed"`` if it randomises);
            ``agreed_0_alarms``, ``agreed_1_alarm``, ``agreed_2_alarms`` (the common instrument);
            for ``national_`` and ``agreed_``: ``false_alarm`` (P(a strike | harmless)), ``missed``
            (P(nobody acts | dangerous)), ``collective`` (P(both act)), ``any_action``, ``payoff_exposed``
            and ``payoff_distant`` (ex ante); ``gain_exposed``, ``gain_distant`` (agreed minus national);
            ``agreed_temptation`` (the most a state gains by deviating alone from the agreed rule, 0 when
            self-enforcing) and ``agreed_self_enforcing``; ``n_national_equilibria``, ``national_regret``
            (largest regret of the national equilibria); ``regime``.

        Examples
        --------
        A rare threat: one alarm (P(dangerous) = .016 / .212 = 0.075) moves no state, two pooled alarms
        (0.246) justify joint sanctions:

        >>> out = ImminentThreatModel(threat_prior=0.02).outcome()
        >>> out["regime"], out["national_any_action"], round(out["agreed_collective"], 4)
        ('agreed criteria make collective action possible', 0.0, 0.052)
        """
        g = self.bayesian_game()
        eqs = self.national_equilibria(tol)
        nat = self.national(tol)
        pooled = self.pooled_game()
        agreed = self._agreed_profile()
        even = dataclasses.replace(self, threat_prior=0.5)  # same signals, a prior that cannot underflow
        nat_rates = self._rates(self.information().joint(), nat.behaviour, even.information().joint())
        joint_pooled = self.pooled_information().joint()
        kept = [int(t) for t in pooled.types[0]]
        sub = joint_pooled[np.ix_([0, 1], kept, kept)]
        agr_rates = self._rates(sub, agreed, even.pooled_information().joint()[np.ix_([0, 1], kept, kept)])
        agr_pay = pooled.ex_ante_payoffs(agreed)
        temptation = float(pooled.regret(agreed))
        escalate = shirk = 0.0
        for i in range(2):
            values = pooled.action_values(i, agreed)
            for t in range(values.shape[0]):
                k = int(np.argmax(agreed[i][t]))
                gain = values[t] - values[t, k]
                escalate = max(escalate, float(gain[k + 1:].max(initial=0.0)))
                shirk = max(shirk, float(gain[:k].max(initial=0.0)))
        rule = self.agreed_rule()

        def label(b: np.ndarray, t: int) -> str:
            row = b[t]
            return INSTRUMENTS[int(np.argmax(row))] if row.max() > 1 - 1e-9 else "mixed"

        out: dict[str, Any] = {
            "posterior_alarm": alarm_posterior(self.threat_prior, self.signal_quality),
            "posterior_two_alarms": alarm_posterior(self.threat_prior, self.signal_quality, 2, 2),
            "national_exposed_quiet": label(nat.behaviour[0], 0),
            "national_exposed_alarm": label(nat.behaviour[0], 1),
            "national_distant_quiet": label(nat.behaviour[1], 0),
            "national_distant_alarm": label(nat.behaviour[1], 1),
            "agreed_0_alarms": INSTRUMENTS[rule[0]],
            "agreed_1_alarm": INSTRUMENTS[rule[1]],
            "agreed_2_alarms": INSTRUMENTS[rule[2]],
        }
        for name, rates, pay in (("national", nat_rates, nat.payoffs), ("agreed", agr_rates, agr_pay)):
            out.update({f"{name}_{k}": v for k, v in rates.items()})
            out[f"{name}_payoff_exposed"] = float(pay[0])
            out[f"{name}_payoff_distant"] = float(pay[1])
        out["gain_exposed"] = out["agreed_payoff_exposed"] - out["national_payoff_exposed"]
        out["gain_distant"] = out["agreed_payoff_distant"] - out["national_payoff_distant"]
        out["agreed_temptation"] = temptation
        out["agreed_self_enforcing"] = temptation <= 1e-9 * pooled.payoff_scale
        out["escalation_temptation"] = escalate
        out["shirking_temptation"] = shirk
        out["n_national_equilibria"] = len(eqs)
        out["national_regret"] = max_regret(eqs)
        out["national_payoff_scale"] = g.payoff_scale
        out["regime"] = _regime(out)
        return out


def _regime(out: dict[str, Any], eps: float = 1e-9) -> str:
    if out["national_any_action"] <= eps and out["agreed_any_action"] <= eps:
        return "nobody acts"
    if out["gain_exposed"] + out["gain_distant"] <= eps:
        return "agreed criteria too slow"
    if out["gain_exposed"] < -eps or out["escalation_temptation"] > eps:
        return "unilateral if necessary"
    if out["national_collective"] <= eps:
        return "agreed criteria make collective action possible"
    return "agreed criteria improve collective action"


def regime_table(base: ImminentThreatModel | None = None, signal_quality: Sequence[float] = (0.55, 0.7, 0.85, 0.95),
                 threat_prior: Sequence[float] = (0.05, 0.2, 0.4), executor: Any = None) -> pd.DataFrame:
    """The regime over signal quality x threat prior: one row per point, every outcome column.

    Examples
    --------
    >>> df = regime_table(signal_quality=[0.6, 0.9], threat_prior=[0.2])
    >>> df[["signal_quality", "regime"]].values.tolist()[1]
    [0.9, 'agreed criteria improve collective action']
    """
    from games import sweep

    return sweep(base if base is not None else ImminentThreatModel(),
                 {"signal_quality": list(signal_quality), "threat_prior": list(threat_prior)}, executor=executor,
                 progress=False)
