"""Burden sharing judged by the core and the Shapley value: is "equal responsibility" stable?

The essay quotes the Declaration of Rome (2002): the members of the NATO-Russia Council "will take joint
decisions and will bear equal responsibility, individually and jointly, for their implementation". The CIS
operation in Tajikistan shows what an equal split can do: the 1993 decision prescribed four states to
provide forces; Kazakhstan's parliament did not ratify it, Kyrgyzstan withdrew in 1995-1996 "attributing the
decision to lack of funds", Uzbekistan in 1998 (:data:`models.cases.TAJIKISTAN_1993`).

The cooperative game
--------------------
The four prescribed states, the operation's annual cost ``C = requirement x unit_cost`` and each state's
value of its success ``b_i = stake_i x GDP_i`` are those of :class:`models.tajikistan.TajikistanOperation`
(GDP from the World Bank data of :mod:`models.cases`; the stakes and the unit cost are its assumptions).
A coalition ``S`` that mounts the operation on its own pays all of it, so it can guarantee itself

    v(S) = max(0, sum_{i in S} b_i - C).

A burden-sharing rule assigns cost shares ``y_i`` (summing to ``C``); state ``i`` then keeps
``x_i = b_i - y_i``. The rule is *in the core* when no group of states would rather leave and act on its
own: ``x(S) >= v(S)`` for every ``S``. Since each share is non-negative, ``x(S) >= sum_S b_i - C`` always
holds; the binding conditions are ``x(S) >= 0``, so (by hand) **a rule is in the core exactly when every
state values the operation at least at its share: b_i >= y_i**. The equal split ``y_i = C / 4`` (the
"equal responsibility") is in the core iff the smallest ``b_i`` reaches ``C / 4``.

With the defaults (US$10,000 per soldier-year, 16,000 men: ``C = $160m``, ``C/4 = $40m``; stakes 2% of GDP
for the neighbours Kyrgyzstan and Uzbekistan, 0.5% for Kazakhstan and Russia) Kyrgyzstan's stake is
``2% x $2.03bn = $40.6m`` in 1993 — barely above its equal share — and falls below it from 1994
(``$33.6m``): the equal split leaves the core, and the state that blocks it is the one that withdrew. The
Shapley value of ``v`` splits the surplus ``sum b - C`` by marginal contributions; it and the nucleolus
(:mod:`games.cooperative`) are always in this game's core when the core is non-empty (the game is convex:
``max(0, .)`` of an additive function).

Examples
--------
>>> from models.burden_core import BurdenCore
>>> BurdenCore().outcome()["rule_in_core"], BurdenCore(year=1995).outcome()["blocking_coalition"]
(True, 'Kyrgyzstan')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from games import NormalFormGame, equilibria
from games.cooperative import TUGame
from games.numeric import to_fraction

from .base import max_regret, param, validate
from .registry import register_model
from .tajikistan import STATES, TajikistanOperation

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["BurdenCore", "CLAIM", "core_by_year_table", "allocation_table"]

#: The sentence of the essay (its quotation of the Declaration of Rome) that :class:`BurdenCore` tests.
#: Why the stakes (<= 1 of GDP), the requirement and the unit cost (1 to 1e6 men, US$) are bounded: the
#: coalition values (up to ~4e5 US$ million) and the cost (up to 1e6) are read to the thousand dollars
#: (1e-3 US$ million) as exact fractions, and the core and nucleolus linear programmes' points are rounded
#: back to such fractions: that holds while the values keep to about 9 significant digits.
EXACT_WHY = ("the core and nucleolus linear programmes' points are read back as exact fractions only while "
             "values and costs keep to about 9 significant digits; rescale the units")

CLAIM = ("The members of the NATO-Russia Council, acting in their national capacities and in a manner consistent "
         "with their respective collective commitments and obligations, will take joint decisions and will bear "
         "equal responsibility, individually and jointly, for their implementation.")


@register_model(claim=CLAIM, headlines=("burden-core",))
@dataclass(frozen=True)
class BurdenCore:
    """The Tajikistan operation as a cooperative game: which burden-sharing rules no group would leave.

    Examples
    --------
    >>> out = BurdenCore(year=1994).outcome()
    >>> out["rule_in_core"], round(out["smallest_surplus"], 1), out["weakest_state"]
    (False, -6.4, 'Kyrgyzstan')
    """

    year: int = param(1993, "year", "year whose GDP (WDI, current US$) calibrates the stakes", low=1993, high=1998,
                      integer=True)
    cost_rule: str = param("equal", "-", "burden-sharing rule: 'equal' (equal responsibility), 'gdp' or 'lead'",
                           choices=("equal", "gdp", "lead"))
    lead_share: float = param(0.5, "1", "lead state's (Russia's) share of the cost under 'lead'", low=0, high=1)
    requirement: float = param(16_000.0, "men", "force the 1993 decision provided for [data: essay]",
                               low=1, high=1e6, why=EXACT_WHY, why_low=EXACT_WHY)
    unit_cost: float = param(10_000.0, "US$ per soldier-year", "cost of keeping one soldier deployed [assumption]",
                             low=1, high=1e6, why=EXACT_WHY, why_low=EXACT_WHY)
    neighbour_stake: float = param(0.02, "share of GDP per year",
                                   "value of stability to Kyrgyzstan and Uzbekistan [assumption]", low=0,
                                   high=1, why=EXACT_WHY)
    other_stake: float = param(0.005, "share of GDP per year",
                               "value of stability to Kazakhstan and Russia [assumption]", low=0,
                               high=1, why=EXACT_WHY)

    def __post_init__(self) -> None:
        validate(self)

    def operation(self) -> TajikistanOperation:
        """The calibrated operation (:class:`models.tajikistan.TajikistanOperation`) with these parameters."""
        return TajikistanOperation(year=self.year, cost_rule=self.cost_rule, lead_share=self.lead_share,
                                   requirement=self.requirement, unit_cost=self.unit_cost,
                                   neighbour_stake=self.neighbour_stake, other_stake=self.other_stake)

    def total_cost(self) -> float:
        """``C``: the operation's cost, US$ million a year."""
        return float(self.requirement) * float(self.unit_cost) / 1e6

    def tu_game(self) -> TUGame:
        """``v(S) = max(0, sum_S b_i - C)`` over the four prescribed states (US$ million a year).

        Examples
        --------
        >>> g = BurdenCore().tu_game()
        >>> g.players, float(g.value([]))
        (('Kazakhstan', 'Kyrgyzstan', 'Russia', 'Uzbekistan'), 0.0)
        """
        benefits = self._exact_benefits()
        cost = to_fraction(round(self.total_cost(), 3))
        return TUGame.from_function(len(STATES), lambda S: max(Fraction(0), sum(benefits[i] for i in S) - cost),
                                    players=STATES)

    def _exact_benefits(self) -> list[Fraction]:
        b = self.operation().values()
        return [to_fraction(round(b[s], 3)) for s in STATES]

    def allocation(self) -> list[Fraction]:
        """What each state keeps, ``b_i - y_i``, exactly (values and shares read to the thousand dollars; the last
        share absorbs the rounding so that the shares sum to ``C``)."""
        y = self.shares()
        shares = [to_fraction(round(y[s], 3)) for s in STATES]
        shares[-1] = to_fraction(round(self.total_cost(), 3)) - sum(shares[:-1])
        return [b - c for b, c in zip(self._exact_benefits(), shares)]

    def shares(self) -> dict[str, float]:
        """Each state's cost share under :attr:`cost_rule`, US$ million a year."""
        return self.operation().costs()

    def surpluses(self) -> dict[str, float]:
        """``b_i - y_i``: what each state keeps under the rule (negative: it would rather leave)."""
        b, y = self.operation().values(), self.shares()
        return {s: b[s] - y[s] for s in STATES}

    def game(self) -> NormalFormGame:
        """The noncooperative side: the operation's contribute/withhold game (:meth:`TajikistanOperation.game`)."""
        return self.operation().game()

    def outcome(self) -> dict[str, Any]:
        """Whether the rule is in the core, who blocks it, and the Shapley and nucleolus cost shares.

        Returns
        -------
        dict
            ``year``, ``cost_rule``, ``total_cost``, ``total_value``; ``rule_in_core``, ``blocking_coalition``
            (the most aggrieved group, comma-separated, or ``""``), ``smallest_surplus`` and ``weakest_state``;
            ``core_nonempty``; ``shapley_share_<state>`` and ``nucleolus_share_<state>`` (cost shares
            ``b_i - phi_i``, US$ million a year); ``equilibria`` and ``max_regret`` of the noncooperative game.
        """
        g = self.tu_game()
        b = self.operation().values()
        x = self.allocation()
        block = g.blocking_coalition(x)
        surplus = self.surpluses()
        weakest = min(STATES, key=lambda s: surplus[s])
        phi = g.shapley_value()
        nu = g.nucleolus() if g.value(range(len(STATES))) > 0 else phi
        eqs = equilibria(self.game(), method="pure")
        out: dict[str, Any] = {
            "year": int(self.year), "cost_rule": self.cost_rule, "total_cost": self.total_cost(),
            "total_value": float(sum(b.values())),
            "rule_in_core": g.core_contains(x),
            "blocking_coalition": ", ".join(STATES[i] for i in block) if block else "",
            "smallest_surplus": float(surplus[weakest]), "weakest_state": weakest,
            "core_nonempty": g.core_point() is not None,
        }
        for i, s in enumerate(STATES):
            out[f"shapley_share_{s}"] = float(b[s] - float(phi[i]))
        for i, s in enumerate(STATES):
            out[f"nucleolus_share_{s}"] = float(b[s] - float(nu[i]))
        out["equilibria"] = len(eqs)
        out["max_regret"] = max_regret(eqs)
        return out


def core_by_year_table(rules: Sequence[str] = ("equal", "gdp"), base: BurdenCore | None = None) -> pd.DataFrame:
    """For each year 1993-1998 and rule: each state's surplus ``b_i - y_i``, and whether the rule is in the core.

    Examples
    --------
    >>> t = core_by_year_table(["equal"])
    >>> t[t.state == "Kyrgyzstan"].in_core.tolist()
    [True, False, False, False, False, False]
    """
    import pandas as pd

    base = base or BurdenCore()
    rows = []
    for rule in rules:
        for year in range(1993, 1999):
            m = dataclasses.replace(base, year=year, cost_rule=rule)
            out = m.outcome()
            b, y = m.operation().values(), m.shares()
            for s in STATES:
                rows.append({"rule": rule, "year": year, "state": s, "value": b[s], "share": y[s],
                             "surplus": b[s] - y[s], "shapley_share": out[f"shapley_share_{s}"],
                             "in_core": out["rule_in_core"], "blocking_coalition": out["blocking_coalition"]})
    return pd.DataFrame(rows)


def allocation_table(base: BurdenCore | None = None) -> pd.DataFrame:
    """Cost shares of each state in one year: equal split, GDP split, Shapley value and nucleolus.

    Examples
    --------
    >>> t = allocation_table()
    >>> t.equal.tolist()
    [40.0, 40.0, 40.0, 40.0]
    """
    import pandas as pd

    base = base or BurdenCore()
    out = base.outcome()
    equal = dataclasses.replace(base, cost_rule="equal").shares()
    gdp = dataclasses.replace(base, cost_rule="gdp").shares()
    b = base.operation().values()
    return pd.DataFrame([{"state": s, "value": b[s], "equal": equal[s], "gdp": gdp[s],
                          "shapley": out[f"shapley_share_{s}"], "nucleolus": out[f"nucleolus_share_{s}"]}
                         for s in STATES])
