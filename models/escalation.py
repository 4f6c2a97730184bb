"""Automatic collective reaction versus discretionary response: deterrence and escalation.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*):

    "Automatic reaction to an aggression within a collective security system could even provoke
    escalation of a conflict, due to common perception that each violation of peace means violation of
    stability and international security."

The model: an escalation ladder
-------------------------------
Nature first decides what kind of violation of peace occurs: with probability ``hostile_share`` a
challenger is considering a deliberate aggression, otherwise an *incident* happens that nobody chose
(a border clash, an act of an uncontrolled group) and a party is accused of it.

1. Aggression: the challenger ``violate`` s or ``comply`` s (0 to both).
2. The collective system ``react`` s or, if it has discretion, ``accommodate`` s (challenger gains
   ``aggression_gain``, the system loses ``aggression_damage``). After an incident it reacts or ``ignore``
   s it (it loses ``incident_damage``).
3. Faced with a reaction the challenger (or the accused party) ``back down`` s, at a cost
   (``backdown_cost``; ``innocent_backdown_cost`` for a party accused of an incident it did not choose),
   or ``escalate`` s: with probability ``escalation_probability`` the confrontation becomes a war
   (``war_cost_challenger``, ``war_cost_collective``), otherwise the system backs off and the challenger
   keeps its gains.

An ``automatic`` system has committed itself to react to every violation (its step 2 has a single
move); a ``discretionary`` system chooses, after assessing the violation at a cost ``deliberation_cost``.
The tree is solved by backward induction (:mod:`games.extensive`); its normal form is solved by
:func:`games.equilibria` and the subgame-perfect profile is checked to be one of its Nash equilibria.

Closed forms (defaults satisfy them; see the tests): a resolved challenger escalates iff
``p < (g + b) / (g + W_A)``; a deliberate violation pays against a sure reaction iff
``p <= g / (g + W_A)``; an accused innocent party escalates iff ``p < b_i / W_A``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from games import NormalFormGame
from games.extensive import Chance, Decision, GameTree, SubgamePerfect, Terminal

from .base import check_range, param, solve_tree, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["EscalationModel", "REGIMES", "regime_comparison"]

#: How the collective system reacts to a violation of peace.
REGIMES = ("automatic", "discretionary")


@register_model(
    claim=("Automatic reaction to an aggression within a collective security system could even provoke "
           "escalation of a conflict, due to common perception that each violation of peace means violation "
           "of stability and international security."),
    headlines=("escalation-automatic-vs-discretionary",),
)
@dataclass(frozen=True)
class EscalationModel:
    """An escalation ladder under an automatic or a discretionary collective reaction.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): "Automatic reaction to an
    aggression within a collective security system could even provoke escalation of a conflict, due
    to common perception that each violation of peace means violation of stability and international
    security."

    Examples
    --------
    >>> auto = EscalationModel(regime="automatic", escalation_probability=0.5).outcome()
    >>> auto["deterred"], round(auto["war_probability"], 3)
    (True, 0.25)
    >>> disc = EscalationModel(regime="discretionary", escalation_probability=0.5).outcome()
    >>> disc["deterred"], disc["war_probability"]
    (False, 0.0)
    >>> EscalationModel(regime="pre-emptive")
    Traceback (most recent call last):
    ...
    ValueError: regime must be one of 'automatic', 'discretionary'; got 'pre-emptive'
    """

    regime: str = param("automatic", "-", "'automatic' (committed to react to every violation) or 'discretionary'",
                        choices=REGIMES)
    escalation_probability: float = param(0.3, "probability", "chance that a contested reaction escalates into war",
                                          low=0, high=1)
    hostile_share: float = param(0.5, "probability", "chance a violation is a deliberate aggression",
                                 low=0, high=1)
    aggression_gain: float = param(4.0, "utils", "challenger's gain from an unopposed violation", low=0)
    aggression_damage: float = param(4.0, "utils", "collective system's loss from an unopposed violation",
                                     low=0)
    reaction_cost: float = param(1.0, "utils", "collective system's cost of reacting", low=0)
    backdown_cost: float = param(2.0, "utils", "cost to a challenger of backing down when confronted", low=0)
    innocent_backdown_cost: float = param(5.0, "utils", "cost of accepting blame for an incident one did not choose",
                                          low=0)
    war_cost_challenger: float = param(6.0, "utils", "challenger's (or accused party's) cost of a war", low=0)
    war_cost_collective: float = param(8.0, "utils", "collective system's cost of a war", low=0)
    incident_damage: float = param(0.5, "utils", "collective system's loss from an incident left alone", low=0)
    deliberation_cost: float = param(0.5, "utils", "cost to a discretionary system of assessing a violation (delay)",
                                     low=0)

    def __post_init__(self) -> None:
        validate(self)

    def tree(self) -> GameTree:
        """The escalation ladder as a game tree (players: Challenger, Collective system).

        Examples
        --------
        >>> [name for name, _ in EscalationModel(regime="discretionary").tree().decision_nodes(1)]
        ['collective: aggression', 'collective: incident']
        """
        p, g, loss = self.escalation_probability, self.aggression_gain, self.aggression_damage
        c, wa, wc = self.reaction_cost, self.war_cost_challenger, self.war_cost_collective
        d = self.deliberation_cost if self.regime == "discretionary" else 0.0

        def ladder(kind: str, backdown: float, standoff: tuple) -> Decision:
            return Decision(0, {
                "back down": Terminal((-backdown, -c - d), name="backed down"),
                "escalate": Chance({"war": (p, Terminal((-wa, -wc - d), name="war")),
                                    "stand-off": (1 - p, Terminal((standoff[0], standoff[1] - d),
                                                                  name="system backed off"))}),
            }, name=f"challenger: {kind} confronted")

        react_h = ladder("aggression", self.backdown_cost, (g, -loss - c))
        react_i = ladder("incident", self.innocent_backdown_cost, (0.0, -c - self.incident_damage))
        if self.regime == "automatic":
            sys_h = Decision(1, {"react": react_h}, name="collective: aggression")
            sys_i = Decision(1, {"react": react_i}, name="collective: incident")
        else:
            sys_h = Decision(1, {"react": react_h, "accommodate": Terminal((g, -loss - d), name="accommodated")},
                             name="collective: aggression")
            sys_i = Decision(1, {"react": react_i, "ignore": Terminal((0.0, -self.incident_damage - d),
                                                                       name="incident ignored")},
                             name="collective: incident")
        root = Chance({
            "aggression": (self.hostile_share, Decision(0, {"comply": Terminal((0.0, 0.0), name="peace"),
                                                             "violate": sys_h}, name="challenger: violate?")),
            "incident": (1 - self.hostile_share, sys_i),
        }, name="nature")
        return GameTree(root, players=["Challenger", "Collective system"],
                        title=f"Escalation ladder ({self.regime} reaction)")

    def game(self) -> NormalFormGame:
        """The normal form of :meth:`tree` (8 challenger plans x 1 or 4 system plans)."""
        return self.tree().normal_form()

    def solve(self) -> SubgamePerfect:
        """The subgame-perfect equilibrium by backward induction."""
        return self.tree().backward_induction()

    def outcome(self, tol: float = 1e-9) -> dict[str, Any]:
        """Deterrence, escalation and payoffs in the subgame-perfect equilibrium.

        Returns
        -------
        dict
            ``deterred`` (a would-be aggressor complies), ``war_probability`` (on the equilibrium
            path), ``war_after_aggression`` and ``war_after_incident`` (conditional on the kind of
            violation), ``accommodated`` (aggression goes unanswered), ``collective_payoff``,
            ``challenger_payoff``, the plan at each node (``plan: <node>``), ``spe_unique`` (no ties
            in backward induction), ``spe_is_nash`` (checked against the pure equilibria of the normal
            form from :func:`games.equilibria` by :func:`models.base.solve_tree`, which refuses
            otherwise), ``regret`` (the profile's regret in the normal form, from the solver) and
            ``n_pure_equilibria``.

        Examples
        --------
        >>> EscalationModel(escalation_probability=0.9).outcome()["war_after_incident"]
        0.0
        """
        spe, _, eq, eqs = solve_tree(self.tree(), tol=tol)
        plan = spe.plan
        p = self.escalation_probability
        deterred = plan["challenger: violate?"] == "comply"
        accommodated = not deterred and plan["collective: aggression"] == "accommodate"
        war_h = 0.0 if deterred or accommodated or plan["challenger: aggression confronted"] == "back down" else p
        war_i = p if (plan["collective: incident"] == "react"
                      and plan["challenger: incident confronted"] == "escalate") else 0.0
        h = self.hostile_share
        out: dict[str, Any] = {
            "deterred": deterred,
            "accommodated": accommodated,
            "war_after_aggression": war_h,
            "war_after_incident": war_i,
            "war_probability": h * war_h + (1 - h) * war_i,
            "challenger_payoff": float(spe.payoffs[0]),
            "collective_payoff": float(spe.payoffs[1]),
        }
        out.update({f"plan: {k}": v for k, v in plan.items()})
        out["spe_unique"] = spe.unique
        out["spe_is_nash"] = True   # solve_tree refuses otherwise
        out["regret"] = float(eq.regret)
        out["n_pure_equilibria"] = len(eqs)
        return out


def regime_comparison(probabilities: Sequence[float], base: EscalationModel | None = None,
                      executor: Any = None, tol: float = 1e-12) -> pd.DataFrame:
    """Both regimes over a grid of escalation probabilities, with the regime the system prefers.

    The outcomes come from ``games.sweep(base, {"escalation_probability": probabilities, "regime":
    REGIMES})``; this table puts the two regimes side by side, one row per probability.

    Parameters
    ----------
    probabilities : sequence of float
        Escalation probabilities in [0, 1] (at least one).
    base : EscalationModel, optional
        The model whose other parameters are kept (default: the defaults; its ``regime`` is swept).
    executor : concurrent.futures.Executor, optional
        Runs the grid points (e.g. a dask ``Client.get_executor()``).
    tol : float
        Payoff difference (utils) under which the regimes count as ``"equal"``.

    Returns
    -------
    pandas.DataFrame
        One row per probability: ``escalation_probability``, and for each regime ``r``:
        ``deterred_r``, ``war_probability_r``, ``collective_payoff_r``; plus ``better_regime`` (the
        regime with the higher collective payoff; ``"equal"`` within ``tol`` utils).

    Examples
    --------
    >>> df = regime_comparison([0.1, 0.5, 0.7])
    >>> df["better_regime"].tolist()
    ['discretionary', 'automatic', 'discretionary']
    >>> regime_comparison([2.0])
    Traceback (most recent call last):
    ...
    ValueError: escalation_probability must be <= 1; got 2.0
    """
    import pandas as pd

    from games import sweep
    from games.sweep import grid_value

    base = base if base is not None else EscalationModel()
    if not isinstance(base, EscalationModel):
        raise TypeError(f"base must be an EscalationModel; got {type(base).__name__}")
    check_range("tol", tol, 0)
    ps = [grid_value(check_range("escalation_probability", p, 0, 1)) for p in probabilities]
    if not ps:
        raise ValueError("probabilities must give at least one value")
    outs = sweep(base, {"escalation_probability": ps, "regime": list(REGIMES)}, executor=executor,
                 progress=False).to_dict("records")
    rows = []
    for k, p in enumerate(ps):
        row: dict[str, Any] = {"escalation_probability": p}
        for j, r in enumerate(REGIMES):
            o = outs[2 * k + j]
            row[f"deterred_{r}"] = o["deterred"]
            row[f"war_probability_{r}"] = o["war_probability"]
            row[f"collective_payoff_{r}"] = o["collective_payoff"]
        diff = row["collective_payoff_automatic"] - row["collective_payoff_discretionary"]
        row["better_regime"] = "equal" if abs(diff) <= tol else ("automatic" if diff > 0 else "discretionary")
        rows.append(row)
    return pd.DataFrame(rows)


def escalation_sweep(base: EscalationModel | None = None, probabilities: Sequence[float] = (),
                     executor: Any = None, tol: float = 1e-12) -> pd.DataFrame:
    """Deprecated: use :func:`regime_comparison` (or ``games.sweep(EscalationModel(), grid)`` for one regime).

    Kept for one release; warns :class:`DeprecationWarning` and returns :func:`regime_comparison`'s table.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     df = escalation_sweep(probabilities=[0.5])
    >>> caught[0].category.__name__, df["better_regime"].tolist()
    ('DeprecationWarning', ['automatic'])
    """
    warnings.warn("escalation_sweep is deprecated; use models.escalation.regime_comparison(probabilities) or "
                  "games.sweep(EscalationModel(), grid)", DeprecationWarning, stacklevel=2)
    return regime_comparison(probabilities, base=base, executor=executor, tol=tol)
