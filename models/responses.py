"""Unilateral, alliance and collective response to aggression: power against speed and flexibility.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*) compares three ways of answering an aggression:

    "Collective retaliation of an aggression could diminish unilateral retaliation, which could be less
    powerful but more rapid. Multilateral response is less flexible but more powerful. Comparing to these
    two, effectiveness of military alliances lies somewhere in-between."

    "Obviously, response to aggression within a collective security system is inevitably delayed."

The model
---------
An aggressor decides to ``attack`` or ``refrain``. After an attack the defenders choose a response mode
(``unilateral``, ``alliance``, ``collective``) or ``acquiesce``. A mode ``m`` has

- a nominal ``power`` (the force of all its members together) and ``members``; only a share
  ``cohesion`` of the members other than the victim actually contribute, so its effective power is
  ``power * (1 + cohesion * (members - 1)) / members``;
- a ``delay`` before it acts: while it is organised the aggressor takes ``urgency * delay``
  (damage to the defender, gain to the aggressor);
- a ``flexibility`` in [0, 1]: with probability ``surprise`` the crisis falls outside the contingencies
  the mode was prepared for, and then the mode works only with probability ``flexibility``;
- a total ``cost``, shared equally among the members that contribute.

The mode repels the aggression with probability (a Tullock contest)

    p_m = P_eff / (P_eff + aggressor_strength) * (1 - surprise * (1 - flexibility)).

The defender's value of answering with ``m`` is ``-(1 - p_m) * stake - urgency * delay - cost share``;
acquiescing costs ``stake``. The aggressor gets ``(1 - p_m) * aggressor_gain - p_m * aggressor_loss +
urgency * delay`` when answered with ``m`` (``aggressor_gain`` when the defender acquiesces) and 0 if it
refrains. The game is a two-move tree (:mod:`games.extensive`): backward induction gives the
subgame-perfect outcome, the normal form is solved by :func:`games.equilibria` and the subgame-perfect
profile is checked to be one of its Nash equilibria.

Deterrence holds when the aggressor refrains in the subgame-perfect equilibrium: for the defender's
chosen mode ``m``, ``p_m > (aggressor_gain + urgency * delay_m) / (aggressor_gain + aggressor_loss)``.

"Unilateral if necessary, but multilateral if possible" is the rule
:meth:`ResponseModel.rule_mode`: answer collectively when the collective response arrives before the
damage exceeds ``tolerable_damage`` (multilateral is possible), else unilaterally (it is necessary).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from games import NormalFormGame
from games.extensive import Decision, GameTree, SubgamePerfect, Terminal

from .base import check_range, param, solve_tree, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ResponseModel", "Mode", "MODES", "MODE_COLOURS", "evaluate_rule"]

#: The response modes, from the most rapid to the most powerful.
MODES = ("unilateral", "alliance", "collective")
ACQUIESCE = "acquiesce"

#: One colour per response mode, shared by the report's regime map and the notebooks.
MODE_COLOURS = {"unilateral": "#d95f02", "alliance": "#7570b3", "collective": "#1b9e77"}


@dataclass(frozen=True)
class Mode:
    """One response mode with its derived quantities (see :meth:`ResponseModel.modes`).

    Attributes
    ----------
    name : str
        ``"unilateral"``, ``"alliance"`` or ``"collective"``.
    power, delay, flexibility, cost : float
        The mode's parameters (force if all members contribute, response time, chance it fits an
        unforeseen crisis, total cost).
    members : int
        States in the coalition, the victim included (1 when unilateral).
    effective_power : float
        ``power * contributors / members``: the force the contributors actually bring.
    contributors : float
        ``1 + cohesion * (members - 1)``: the victim plus the members that contribute.
    success : float
        Probability of repelling the aggression:
        ``effective_power / (effective_power + aggressor_strength) * (1 - surprise * (1 - flexibility))``.
    defender_value : float
        ``-(1 - success) * stake - urgency * delay - cost / contributors``.
    aggressor_value : float
        ``(1 - success) * aggressor_gain - success * aggressor_loss + urgency * delay``.

    Examples
    --------
    With the defaults, a unilateral response brings the victim's own force 1 against the aggressor's 1
    and always fits the crisis, so it succeeds half the time; the defender loses half the stake of 10,
    the damage 1.0 * 0.5 while it is mounted and the cost 2.

    >>> u = ResponseModel().modes()["unilateral"]
    >>> u.effective_power, u.success, u.defender_value
    (1.0, 0.5, -7.5)
    >>> a = ResponseModel().modes()["alliance"]         # 1 + 0.9 * 2 of the 3 members contribute
    >>> round(a.contributors, 9), round(a.effective_power, 9)
    (2.8, 2.8)
    """

    name: str
    power: float
    delay: float
    flexibility: float
    cost: float
    members: int
    effective_power: float
    contributors: float
    success: float
    defender_value: float
    aggressor_value: float


#: Largest payoff-like parameter (utils, utils per unit time, time units): the damage is urgency x delay and
#: the payoffs add it to stakes and costs; the backward induction compares them within a tolerance scaled by
#: the largest payoff, so they must stay well inside double precision.
PAYOFF_BOUND = 1e100
PAYOFF_WHY = ("the payoffs multiply urgency by delay and add stakes and costs, which overflows double precision "
              "beyond this; rescale the units")


@register_model(
    claim=("Collective retaliation of an aggression could diminish unilateral retaliation, which could be less "
           "powerful but more rapid. Multilateral response is less flexible but more powerful. Comparing to "
           "these two, effectiveness of military alliances lies somewhere in-between."),
    headlines=("responses-regime-map",),
)
@dataclass(frozen=True)
class ResponseModel:
    """Aggression and the choice of response mode: unilateral, alliance or collective.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): "Collective retaliation of
    an aggression could diminish unilateral retaliation, which could be less powerful but more rapid.
    Multilateral response is less flexible but more powerful. Comparing to these two, effectiveness of
    military alliances lies somewhere in-between." The defaults order the modes that way: power
    unilateral < alliance < collective, delay and flexibility the reverse.

    Examples
    --------
    >>> m = ResponseModel()
    >>> out = m.outcome()
    >>> out["best_mode"], out["deterred"]
    ('alliance', False)
    >>> ResponseModel(urgency=0.1).outcome()["best_mode"]
    'collective'
    >>> ResponseModel(urgency=4.0).outcome()["best_mode"]
    'unilateral'
    >>> ResponseModel(collective_delay=-1)
    Traceback (most recent call last):
    ...
    ValueError: collective_delay must be >= 0; got -1
    """

    stake: float = param(10.0, "utils", "defender's loss if the aggression succeeds", low=0,
                         high=PAYOFF_BOUND, why=PAYOFF_WHY)
    aggressor_gain: float = param(6.0, "utils", "aggressor's gain if the aggression succeeds", low=0,
                                  high=PAYOFF_BOUND, why=PAYOFF_WHY)
    aggressor_loss: float = param(4.0, "utils", "aggressor's loss if the aggression is repelled", low=0,
                                  high=PAYOFF_BOUND, why=PAYOFF_WHY)
    aggressor_strength: float = param(1.0, "force units", "aggressor's military strength", low=0, low_open=True)
    urgency: float = param(1.0, "utils per unit time", "damage done (and gained) per unit of response delay",
                           low=0, high=PAYOFF_BOUND, why=PAYOFF_WHY)
    surprise: float = param(0.3, "probability", "chance that the crisis falls outside planned contingencies",
                            low=0, high=1)
    cohesion: float = param(1.0, "share", "share of the collective's other members that actually contribute",
                            low=0, high=1)
    alliance_cohesion: float = param(0.9, "share", "share of the allies that actually contribute",
                                     low=0, high=1)
    tolerable_damage: float = param(2.0, "utils", "damage accepted while waiting for a multilateral response",
                                    low=0, high=PAYOFF_BOUND, why=PAYOFF_WHY)
    unilateral_power: float = param(1.0, "force units", "force of the victim acting alone", low=0)
    alliance_power: float = param(3.0, "force units", "force of the alliance if every ally contributes", low=0)
    collective_power: float = param(10.0, "force units", "force of the collective system if every member contributes",
                                    low=0)
    unilateral_delay: float = param(0.5, "time units", "time to mount a unilateral response", low=0,
                                    high=PAYOFF_BOUND, why=PAYOFF_WHY)
    alliance_delay: float = param(1.5, "time units", "time for the alliance to respond (plans worked out)",
                                  low=0, high=PAYOFF_BOUND, why=PAYOFF_WHY)
    collective_delay: float = param(3.0, "time units", "time for the collective system to coordinate a response",
                                    low=0, high=PAYOFF_BOUND, why=PAYOFF_WHY)
    unilateral_flexibility: float = param(1.0, "probability", "chance a unilateral response fits an unforeseen crisis",
                                          low=0, high=1)
    alliance_flexibility: float = param(0.7, "probability", "chance an alliance response fits an unforeseen crisis",
                                        low=0, high=1)
    collective_flexibility: float = param(0.4, "probability", "chance a collective response fits an unforeseen crisis",
                                          low=0, high=1)
    unilateral_cost: float = param(2.0, "utils", "total cost of a unilateral response", low=0,
                                   high=PAYOFF_BOUND, why=PAYOFF_WHY)
    alliance_cost: float = param(3.0, "utils", "total cost of an alliance response, shared among contributors",
                                 low=0, high=PAYOFF_BOUND, why=PAYOFF_WHY)
    collective_cost: float = param(4.0, "utils", "total cost of a collective response, shared among contributors",
                                   low=0, high=PAYOFF_BOUND, why=PAYOFF_WHY)
    alliance_members: int = param(3, "states", "members of the alliance (victim included)", low=1, integer=True)
    collective_members: int = param(10, "states", "members of the collective security system (victim included)",
                                    low=1, integer=True)

    def __post_init__(self) -> None:
        validate(self)

    # ------------------------------------------------------------------ the modes
    def _mode(self, name: str) -> Mode:
        power = getattr(self, f"{name}_power")
        delay = getattr(self, f"{name}_delay")
        flex = getattr(self, f"{name}_flexibility")
        cost = getattr(self, f"{name}_cost")
        members = 1 if name == "unilateral" else getattr(self, f"{name}_members")
        cohesion = {"unilateral": 1.0, "alliance": self.alliance_cohesion, "collective": self.cohesion}[name]
        contributors = 1.0 + cohesion * (members - 1)
        eff = power * contributors / members
        success = eff / (eff + self.aggressor_strength) * (1.0 - self.surprise * (1.0 - flex))
        damage = self.urgency * delay
        return Mode(name=name, power=power, delay=delay, flexibility=flex, cost=cost, members=members,
                    effective_power=eff, contributors=contributors, success=success,
                    defender_value=-(1.0 - success) * self.stake - damage - cost / contributors,
                    aggressor_value=(1.0 - success) * self.aggressor_gain - success * self.aggressor_loss + damage)

    def modes(self) -> dict[str, Mode]:
        """The three modes with their effective power, success probability and values.

        Examples
        --------
        >>> round(ResponseModel().modes()["unilateral"].success, 3)
        0.5
        """
        return {name: self._mode(name) for name in MODES}

    # ------------------------------------------------------------------ the game
    def tree(self) -> GameTree:
        """The game tree: the aggressor moves, then the defenders choose a response (or acquiesce).

        Examples
        --------
        >>> ResponseModel().tree().decision_nodes(1)
        [('response', ('unilateral', 'alliance', 'collective', 'acquiesce'))]
        """
        modes = self.modes()
        moves = {name: Terminal((m.aggressor_value, m.defender_value), name=name) for name, m in modes.items()}
        moves[ACQUIESCE] = Terminal((self.aggressor_gain, -self.stake), name=ACQUIESCE)
        root = Decision(0, {"refrain": Terminal((0.0, 0.0), name="peace"),
                            "attack": Decision(1, moves, name="response")}, name="aggressor")
        return GameTree(root, players=["Aggressor", "Defenders"], title="Aggression and response mode")

    def game(self) -> NormalFormGame:
        """The normal form of :meth:`tree`: aggressor (refrain, attack) x defenders' response plan.

        Examples
        --------
        >>> ResponseModel().game().shape
        (2, 4)
        """
        return self.tree().normal_form()

    def solve(self) -> SubgamePerfect:
        """The subgame-perfect equilibrium (backward induction)."""
        return self.tree().backward_induction()

    def rule_mode(self) -> str:
        """The mode chosen by "unilateral if necessary, but multilateral if possible".

        Multilateral is *possible* when the collective response arrives before the damage exceeds
        ``tolerable_damage`` (``urgency * collective_delay <= tolerable_damage``); otherwise a
        response is *necessary* at once and the rule acts unilaterally.

        Examples
        --------
        >>> ResponseModel(urgency=0.5).rule_mode(), ResponseModel(urgency=1.0).rule_mode()
        ('collective', 'unilateral')
        """
        return "collective" if self.urgency * self.collective_delay <= self.tolerable_damage else "unilateral"

    def deterrence_threshold(self, mode: str) -> float:
        """Success probability mode ``mode`` needs to deter: (gain + urgency*delay) / (gain + loss).

        Examples
        --------
        >>> ResponseModel().deterrence_threshold("collective")
        0.9
        """
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(repr(m) for m in MODES)}; got {mode!r}")
        return (self.aggressor_gain + self.urgency * getattr(self, f"{mode}_delay")) / (
            self.aggressor_gain + self.aggressor_loss)

    def outcome(self, tol: float = 1e-9) -> dict[str, Any]:
        """The equilibrium outcome and each mode's value.

        Parameters
        ----------
        tol : float
            Tolerance of the equilibrium check (relative to the game's payoff range).

        Returns
        -------
        dict
            ``best_mode`` (the defenders' best of the three modes after an attack), ``response``
            (their subgame-perfect choice, possibly ``"acquiesce"``), ``deterred`` (the aggressor
            refrains), ``aggressor_action``, ``value_<mode>`` and ``success_<mode>`` for each mode,
            ``value_acquiesce``, ``rule_mode`` and ``rule_regret`` (the rule's shortfall against the best
            mode), ``spe_is_nash`` (the subgame-perfect profile is among the normal form's pure
            equilibria found by :func:`games.equilibria`; :func:`models.base.solve_tree` refuses
            otherwise), ``regret`` (that equilibrium's regret in the normal form, computed by the
            solver), ``n_pure_equilibria`` and the equilibrium payoffs.

        Examples
        --------
        >>> out = ResponseModel(urgency=0.1, aggressor_gain=2.0).outcome()
        >>> out["deterred"], out["response"], out["spe_is_nash"]
        (True, 'collective', True)
        """
        spe, _, eq, eqs = solve_tree(self.tree(), tol=tol)
        modes = self.modes()
        values = {name: m.defender_value for name, m in modes.items()}
        best = max(MODES, key=lambda name: values[name])
        rule = self.rule_mode()
        out: dict[str, Any] = {
            "best_mode": best,
            "response": spe.plan["response"],
            "aggressor_action": spe.plan["aggressor"],
            "deterred": spe.plan["aggressor"] == "refrain",
        }
        for name, m in modes.items():
            out[f"value_{name}"] = m.defender_value
            out[f"success_{name}"] = m.success
            out[f"aggressor_value_{name}"] = m.aggressor_value
        out["value_acquiesce"] = -self.stake
        out["rule_mode"] = rule
        out["rule_regret"] = values[best] - values[rule]
        out["aggressor_payoff"] = float(spe.payoffs[0])
        out["defender_payoff"] = float(spe.payoffs[1])
        out["spe_is_nash"] = True   # solve_tree refuses otherwise
        out["regret"] = float(eq.regret)
        out["n_pure_equilibria"] = len(eqs)
        return out


def response_sweep(base: ResponseModel | None = None, urgency: Sequence[float] = (),
                   cohesion: Sequence[float] = (), executor: Any = None) -> pd.DataFrame:
    """Deprecated: use ``games.sweep(ResponseModel(), {"urgency": ..., "cohesion": ...})``.

    Kept for one release; warns :class:`DeprecationWarning` and returns the same table as
    :func:`games.sweep` (one row per grid point: ``urgency``, ``cohesion`` and the outcome's columns).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     df = response_sweep(urgency=[0.1, 4.0], cohesion=[1.0])
    >>> caught[0].category.__name__, df["best_mode"].tolist()
    ('DeprecationWarning', ['collective', 'unilateral'])
    """
    from games import sweep

    warnings.warn("response_sweep is deprecated; use games.sweep(ResponseModel(), grid)", DeprecationWarning,
                  stacklevel=2)
    base = base if base is not None else ResponseModel()
    return sweep(base, {"urgency": list(urgency), "cohesion": list(cohesion)}, executor=executor, progress=False)


def evaluate_rule(base: ResponseModel | None = None, urgency: Sequence[float] = (), tol: float = 1e-12) -> Any:
    """The rule "unilateral if necessary, multilateral if possible" against each pure mode.

    Each strategy is used at every urgency in ``urgency`` (a sample of crises); the table reports its
    mean value to the defender, its mean regret against the best mode crisis by crisis, and
    ``share_best``, the share of crises in which its regret is at most ``tol`` (utils).

    Parameters
    ----------
    base : ResponseModel, optional
        The model whose other parameters are kept (default: the defaults).
    urgency : sequence of float
        The urgencies of the sampled crises (at least one, each >= 0).
    tol : float
        Regret (utils) under which a strategy counts as the best in a crisis.

    Returns
    -------
    pandas.DataFrame
        One row per strategy (``unilateral``, ``alliance``, ``collective``, ``rule``): ``strategy``,
        ``mean_value``, ``mean_regret``, ``share_best``.

    Examples
    --------
    >>> df = evaluate_rule(urgency=[0.1, 0.5, 1.0, 2.0, 4.0])
    >>> regret = df.set_index("strategy")["mean_regret"]
    >>> bool(regret["rule"] < regret["collective"])
    True
    """
    import dataclasses

    import pandas as pd

    base = base if base is not None else ResponseModel()
    check_range("tol", tol, 0)
    us = [check_range("urgency", u, 0) for u in urgency]
    if not us:
        raise ValueError("urgency must give at least one value")
    rows = {name: [] for name in (*MODES, "rule")}
    for u in us:
        m = dataclasses.replace(base, urgency=u)
        vals = {name: mode.defender_value for name, mode in m.modes().items()}
        best = max(vals.values())
        for name in MODES:
            rows[name].append((vals[name], best - vals[name]))
        rule = m.rule_mode()
        rows["rule"].append((vals[rule], best - vals[rule]))
    return pd.DataFrame([{"strategy": name, "mean_value": float(np.mean([v for v, _ in r])),
                          "mean_regret": float(np.mean([g for _, g in r])),
                          "share_best": float(np.mean([g <= tol for _, g in r]))}
                         for name, r in rows.items()])
