"""Mobilisation under uncertainty: when a defender cannot see whether the other side has mobilised.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*):

    "An agreement on reasonable and transparent criteria of imminent threat could create a legal basis for
    collective action under the aegis of the UN and ad hoc international coalitions."

The model: a mobilisation game with imperfect information
---------------------------------------------------------
Nature makes the challenger *revisionist* (probability ``revisionist_share``) or a status-quo power. A
revisionist challenger ``mobilise`` s (at a cost ``mobilisation_cost`` if it comes to nothing) or stays put;
a status-quo challenger stays put. With probability ``transparency`` a verification regime (transparent
criteria of imminent threat, inspections) shows the defender what the challenger did; otherwise the
defender sees nothing and cannot tell a mobilised revisionist from a quiet challenger (one information set).
The defender then ``mobilise`` s (at ``defence_cost``) or ``wait`` s:

- mobilisation met by mobilisation: the revisionist is deterred (challenger ``-mobilisation_cost``, defender
  ``-defence_cost``);
- mobilisation met by waiting: a successful attack (challenger ``attack_gain``, defender ``-attack_loss``);
- a quiet challenger met by mobilisation: a false alarm that it reads as a threat (challenger
  ``-spiral_cost``, defender ``-defence_cost``); met by waiting, the status quo (0, 0).

The tree is solved in behaviour strategies by the sequence form (:mod:`games.sequence_form`, Lemke's
algorithm; exact with Fraction parameters) and each equilibrium's regret is checked on the tree.

Closed form (derived by hand, see the tests), with ``pi`` the revisionist share, ``t`` the transparency,
``g, m, s`` the attack gain, mobilisation and spiral costs, ``L, c`` the defender's loss and defence cost
(``c < L``): a verified mobilisation is always met, a verified quiet challenger never. Unverified, the
defender mobilises iff the chance of a mobilised revisionist exceeds ``c / L``. If ``t >= g / (g + m)``
the revisionist never mobilises (transparency deters). Otherwise, if ``pi <= c / L`` the defender never
mobilises unverified and the revisionist always mobilises; if ``pi > c / L`` the revisionist mobilises with
probability ``c / (pi L)`` and the unverified defender mobilises with probability
``q = (g - m t / (1 - t)) / (g + m - s)``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, fields, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from games import NormalFormGame, equilibria
from games.imperfect import ExtensiveGame

from .base import param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["MobilisationModel", "transparency_table"]


@register_model(
    claim=("An agreement on reasonable and transparent criteria of imminent threat could create a legal basis for "
           "collective action under the aegis of the UN and ad hoc international coalitions."),
    headlines=("mobilisation-transparency",),
)
@dataclass(frozen=True)
class MobilisationModel:
    """A defender deciding whether to mobilise without seeing whether the challenger has.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): "An agreement on reasonable and
    transparent criteria of imminent threat could create a legal basis for collective action under the aegis
    of the UN and ad hoc international coalitions."

    Examples
    --------
    >>> out = MobilisationModel(transparency=Fraction(1, 3)).outcome()
    >>> out["revisionist_mobilises"], out["defender_mobilises_unverified"]
    (0.5, 0.6)
    >>> MobilisationModel(transparency=0.8).outcome()["revisionist_mobilises"]   # transparency deters
    0.0
    >>> MobilisationModel(defence_cost=5)
    Traceback (most recent call last):
    ...
    ValueError: defence_cost must be below attack_loss (else the defender never mobilises); got 5 >= 4
    """

    revisionist_share: Any = param(Fraction(1, 2), "probability", "chance that the challenger is revisionist",
                                   low=0, high=1)
    transparency: Any = param(Fraction(0), "probability", "chance that the defender sees what the challenger did",
                              low=0, high=1, high_open=True)
    attack_gain: Any = param(2, "utils", "revisionist's gain from attacking an unprepared defender", low=0,
                             low_open=True)
    mobilisation_cost: Any = param(1, "utils", "revisionist's cost of a mobilisation that is met", low=0,
                                   low_open=True)
    spiral_cost: Any = param(Fraction(1, 2), "utils", "a quiet challenger's cost when the defender mobilises",
                             low=0)
    attack_loss: Any = param(4, "utils", "defender's loss from an attack it did not prepare for", low=0, low_open=True)
    defence_cost: Any = param(1, "utils", "defender's cost of mobilising", low=0, low_open=True)

    def __post_init__(self) -> None:
        validate(self)
        if self.defence_cost >= self.attack_loss:
            raise ValueError(f"defence_cost must be below attack_loss (else the defender never mobilises); got "
                             f"{self.defence_cost:g} >= {self.attack_loss:g}")
        if self.spiral_cost >= self.attack_gain + self.mobilisation_cost:
            raise ValueError("spiral_cost must be below attack_gain + mobilisation_cost (else the revisionist "
                             f"would rather mobilise into a defence); got {self.spiral_cost:g}")

    def game(self) -> NormalFormGame:
        """The reduced normal form of :meth:`tree` (2 x 8): small here, but the model is solved on the tree.

        Examples
        --------
        >>> MobilisationModel().game().shape
        (2, 8)
        """
        return self.tree().to_normal_form()

    def tree(self) -> ExtensiveGame:
        """The mobilisation tree (players: Challenger, Defender).

        Examples
        --------
        >>> g = MobilisationModel().tree()
        >>> [label for label, _ in g.infosets("Defender")]
        ['sees mobilisation', 'sees nothing', 'sees no mobilisation']
        """
        g = ExtensiveGame(["Challenger", "Defender"], title="mobilisation under uncertainty")
        t, pi = self.transparency, self.revisionist_share
        kinds = g.root.chance({"revisionist": pi, "status quo": 1 - pi}, name="nature")
        first = kinds["revisionist"].decision("Challenger", ["mobilise", "stay"], infoset="revisionist")
        branches = [("mobilise", first["mobilise"]), ("stay", first["stay"]), ("stay", kinds["status quo"])]
        for did, node in branches:
            seen = node.chance({"verified": t, "unverified": 1 - t})
            for how, child in seen.items():
                label = "sees nothing" if how == "unverified" else \
                    ("sees mobilisation" if did == "mobilise" else "sees no mobilisation")
                reply = child.decision("Defender", ["mobilise", "wait"], infoset=label)
                if did == "mobilise":
                    reply["mobilise"].terminal([-self.mobilisation_cost, -self.defence_cost], name="deterred")
                    reply["wait"].terminal([self.attack_gain, -self.attack_loss], name="attack")
                else:
                    reply["mobilise"].terminal([-self.spiral_cost, -self.defence_cost], name="false alarm")
                    reply["wait"].terminal([0, 0], name="status quo")
        return g

    def equilibrium(self) -> Any:
        """The sequence-form equilibrium (a :class:`games.imperfect.BehaviourEquilibrium`), exact when every
        parameter is an int or a Fraction.

        Examples
        --------
        >>> MobilisationModel(transparency=Fraction(1, 3)).equilibrium().behaviour["sees mobilisation"]
        {'mobilise': 1, 'wait': 0}
        """
        g = self.tree()
        if not g.is_exact:
            # Lemke's pivots in floats lose payoffs many orders of magnitude apart (1e16 next to 1, or 1e300
            # overflowing a ratio); the same parameters read as exact fractions give the exact equilibrium
            with warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)
                try:
                    eqs = equilibria(g, method="sequence-form", exact=False)
                except (RuntimeWarning, RuntimeError):
                    eqs = []
            if eqs:
                return eqs[0]
            exact = replace(self, **{f.name: Fraction(getattr(self, f.name)) for f in fields(self)})
            g = exact.tree()
        eqs = equilibria(g, method="sequence-form", exact=g.is_exact)
        if not eqs:  # pragma: no cover - the LCP has a solution and it is verified
            raise RuntimeError(f"no verified equilibrium: {eqs.note}")
        return eqs[0]

    def outcome(self) -> dict[str, Any]:
        """The equilibrium in numbers (a flat dict of floats).

        Keys: ``revisionist_mobilises`` (probability a revisionist mobilises), ``defender_mobilises_unverified``
        (probability the defender mobilises when it sees nothing), ``attack_probability`` (a mobilisation
        met by waiting), ``false_alarm_probability`` (a quiet challenger met by mobilisation),
        ``crisis_probability`` (mobilisation met by mobilisation), ``challenger_payoff``, ``defender_payoff``,
        ``regret``.

        Examples
        --------
        >>> out = MobilisationModel(transparency=Fraction(1, 3)).outcome()
        >>> out["attack_probability"], out["defender_payoff"]
        (0.06666666666666667, -0.75)
        """
        eq = self.equilibrium()
        b = eq.behaviour
        pi, t = self.revisionist_share, self.transparency
        x = b["revisionist"]["mobilise"]
        q = b["sees nothing"]["mobilise"]
        mobilised = pi * x
        attack = mobilised * (1 - t) * (1 - q)
        crisis = mobilised * (t * b["sees mobilisation"]["mobilise"] + (1 - t) * q)
        false_alarm = (1 - mobilised) * ((1 - t) * q + t * b["sees no mobilisation"]["mobilise"])
        return {"revisionist_mobilises": float(x), "defender_mobilises_unverified": float(q),
                "attack_probability": float(attack), "false_alarm_probability": float(false_alarm),
                "crisis_probability": float(crisis), "challenger_payoff": float(eq.payoffs[0]),
                "defender_payoff": float(eq.payoffs[1]), "regret": float(eq.regret)}


def transparency_table(transparencies: Any = None, shares: Any = None, **params: Any) -> pd.DataFrame:
    """Equilibrium mobilisation, attacks and false alarms over transparency x revisionist share.

    Parameters
    ----------
    transparencies, shares : sequences of numbers
        Default: transparency 0, 0.1, ..., 0.9 and revisionist shares 0.2, 0.5, 0.8.
    **params
        Other :class:`MobilisationModel` parameters.

    Returns
    -------
    pandas.DataFrame
        One row per point: the two parameters and :meth:`MobilisationModel.outcome`.

    Examples
    --------
    >>> df = transparency_table([0, 0.5], [0.5])
    >>> df[["transparency", "revisionist_mobilises", "attack_probability"]].round(3).values.tolist()
    [[0.0, 0.5, 0.05], [0.5, 0.5, 0.075]]
    """
    import pandas as pd

    transparencies = [i / 10 for i in range(10)] if transparencies is None else list(transparencies)
    shares = [0.2, 0.5, 0.8] if shares is None else list(shares)
    rows = []
    for share in shares:
        for t in transparencies:
            out = MobilisationModel(revisionist_share=share, transparency=t, **params).outcome()
            rows.append({"revisionist_share": float(share), "transparency": float(t), **out})
    return pd.DataFrame(rows)
