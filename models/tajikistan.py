"""A calibrated burden-sharing game of the CIS peacekeeping operation in Tajikistan (1993-1998).

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*):

    "in 1993 the Council of the Heads of State of the CIS resolved to carry out the first peacekeeping
    operation by the CIS in Tajikistan and prescribed Kazakhstan, Kyrgyzstan, Russia and Uzbekistan to
    provide their military forces for the purpose. However, the Kazakhstan parliament did not ratify
    the resolution ... The total strength of the troops made up 7,000 men instead of 16,000 provided
    for in the resolution of the Council of the Heads of State of the CIS."

**The game.** The four prescribed states each *contribute* their assigned contingent ``k_i`` or
*withhold* it. The force is ``F = sum of contributed contingents``. The operation succeeds with
probability ``p(F) = min(1, F / R)`` (``technology="linear"``) or ``1[F >= R]`` (``"threshold"``),
where ``R`` is the requirement. Success is worth ``v_i = stake_i * GDP_i`` a year to state ``i``
(``neighbour_stake`` for the states bordering Tajikistan, Kyrgyzstan and Uzbekistan, ``other_stake``
for Kazakhstan and Russia); contributing costs ``c_i = k_i * unit_cost``. Payoffs are in US$ million
a year: ``u_i = v_i p(F) - a_i c_i``.

The contingents come from a *cost rule* that splits ``R``: ``"equal"`` (R/4 each), ``"gdp"`` (in
proportion to GDP) or ``"lead"`` (the lead state takes ``lead_share``, the others split the rest).

**Calibrated from data** (:mod:`models.cases`): the four states, the requirement ``R = 16,000`` men,
the observed force 7,000 (compared, not fitted), GDP in current US$ (WDI) for each year 1993-1998.
**Assumptions** (parameters, no data behind them): ``unit_cost`` (US$ per soldier-year), the stakes
(share of GDP a year that stability in Tajikistan is worth), the technology and the cost rule.

**Hand analysis (linear technology).** Contributing changes ``u_i`` by ``v_i k_i / R - k_i u``, so it
is a dominant strategy exactly when ``v_i >= u R``, *whatever the cost rule*: the rule changes the size
of the force, not who free-rides. With the defaults (``u = 10,000``, ``R = 16,000``: ``u R = $160m``)
and 1993 GDP: Russia ``0.5% x $435.1bn = $2,175m`` and Uzbekistan ``2% x $13.1bn = $262m`` contribute;
Kazakhstan ``0.5% x $23.4bn = $117m`` and Kyrgyzstan ``2% x $2.03bn = $40.6m`` free-ride. Under equal
shares the force is 8,000 men, a shortfall of 8,000 (observed: 7,000 deployed, 9,000 short).

**Where the model departs from the case.** (1) *Kyrgyzstan.* The essay has Kyrgyz troops in Tajikistan from
1993 until Kyrgyzstan "unilaterally withdrew its peace-keeping battalion" in 1995-1996; with the default
(linear) technology the model has Kyrgyzstan free-ride from 1993, because its assumed stake (2% of a $2.03bn
GDP, $40.6m a year) is a quarter of the $160m threshold, and the defaults are kept so that the stakes stay
round assumptions rather than numbers tuned to the story. Because the threshold ``u R`` does not depend on GDP
while Kyrgyzstan's GDP fell by 17% in 1994, a larger stake does produce an in-then-out path for lack of funds, only
earlier than the essay: with ``neighbour_stake`` between $160m / $2.03bn = 7.9% and $160m / $1.83bn (its 1996
GDP, the highest after 1993) = 8.75% of GDP, Kyrgyzstan contributes in 1993 and withholds in every year from
1994 (see ``tests/models/test_tajikistan.py``). No stake gives a withdrawal in 1995-96 that lasts, since its
GDP recovered in 1996; and a stake of 8-9% of GDP is an assumption with nothing behind it. The ``"threshold"``
technology makes every state pivotal (with equal quotas Kyrgyzstan's $40m quota is just covered by its $40.6m
stake in 1993, no longer from 1994), but there a force short of the full 16,000 is worth nothing, so a
three-state force without Kazakhstan is not an equilibrium either. (2) *The 8,000.* With equal quotas the
equilibrium force is Russia's and Uzbekistan's 4,000 men each; the 7,000 deployed were three states' troops,
the bulk the Russian 201st Motorized Infantry Division. The totals are close; who provides them is not, so
8,000 is not a fit to 7,000 (which is compared, not fitted). The model's point is the mechanism, that stakes
below ``u R`` make a state withhold whatever the cost rule, not a reconstruction of the deployment.

Equilibria come from ``games.equilibria(game, method="pure")`` on the 2^4-profile game.

Examples
--------
>>> from models.tajikistan import TajikistanOperation
>>> out = TajikistanOperation().outcome()
>>> out["contributors"], out["free_riders"]
('Russia, Uzbekistan', 'Kazakhstan, Kyrgyzstan')
>>> out["force"], out["shortfall"], out["actual_force"]
(8000.0, 8000.0, 7000)

Sweeping a parameter needs no wrapper (:func:`games.sweep`):

>>> import games
>>> table = games.sweep(TajikistanOperation(), {"cost_rule": ["equal", "gdp"]}, progress=False)
>>> table[["cost_rule", "force", "free_riders"]].round(1).values.tolist()
[['equal', 8000.0, 'Kazakhstan, Kyrgyzstan'], ['gdp', 15140.7, 'Kazakhstan, Kyrgyzstan']]
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from . import cases
from .base import check_int, param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from games import EquilibriumSet, NormalFormGame

__all__ = ["TajikistanOperation", "STATES", "NEIGHBOURS", "COST_RULES", "TECHNOLOGIES", "CLAIM",
           "withdrawal_path", "cost_rule_table", "cost_rule_sweep"]

#: The essay's sentence :class:`TajikistanOperation` formalises (quoted verbatim); its ``claim`` attribute.
CLAIM = ("The total strength of the troops made up 7,000 men instead of 16,000 provided for in the resolution "
         "of the Council of the Heads of State of the CIS.")

STATES: tuple[str, ...] = cases.TAJIKISTAN_1993.prescribed
NEIGHBOURS: tuple[str, ...] = ("Kyrgyzstan", "Uzbekistan")   # the prescribed states that border Tajikistan
COST_RULES = ("equal", "gdp", "lead")
TECHNOLOGIES = ("linear", "threshold")
ACTIONS = ("withhold", "contribute")
#: Largest stake (share of GDP), requirement (men) and unit cost (US$) accepted: the payoffs are
#: ``stake * GDP / 1e6 - share * requirement * unit_cost / 1e6`` (US$ million); above this the products
#: overflow double precision or swamp each other's differences.
BOUND = 1e12
BOUND_WHY = ("larger values make the payoffs, stake x GDP and requirement x unit_cost in US$ million, overflow "
             "or swamp each other in double precision; rescale the units")


@register_model(claim=CLAIM, headlines=("tajikistan-cost-rules",))
@dataclass(frozen=True)
class TajikistanOperation:
    """The 1993 CIS decision as a 4-state contribution game, calibrated with WDI GDP.

    Quoted claim (the essay): "The total strength of the troops made up 7,000 men instead of 16,000
    provided for in the resolution of the Council of the Heads of State of the CIS."

    Examples
    --------
    >>> op = TajikistanOperation(cost_rule="gdp")
    >>> {s: round(k) for s, k in op.contingents().items()}
    {'Kazakhstan': 791, 'Kyrgyzstan': 69, 'Russia': 14698, 'Uzbekistan': 443}
    >>> TajikistanOperation(cost_rule="fair")
    Traceback (most recent call last):
    ...
    ValueError: cost_rule must be one of 'equal', 'gdp', 'lead'; got 'fair'
    """

    year: int = param(1993, "year", "year whose GDP (WDI, current US$) calibrates stakes and GDP shares [data]",
                      low=min(cases.GDP_CURRENT_USD["Russia"]), high=max(cases.GDP_CURRENT_USD["Russia"]),
                      integer=True)
    requirement: float = param(16_000.0, "men", "force the 1993 decision provided for [data: essay]",
                               low=0, low_open=True, high=BOUND, why=BOUND_WHY)
    cost_rule: str = param("equal", "-", "how the requirement is split: 'equal', 'gdp' or 'lead' [assumption]",
                           choices=COST_RULES)
    lead_state: str = param("Russia", "-", "the state that takes lead_share under cost_rule='lead'",
                            choices=STATES)
    lead_share: float = param(0.5, "1", "lead state's share of the requirement under 'lead' [assumption]",
                              low=0, high=1)
    unit_cost: float = param(10_000.0, "US$ per soldier-year", "cost of keeping one soldier deployed [assumption]",
                             low=0, high=BOUND, why=BOUND_WHY)
    neighbour_stake: float = param(0.02, "share of GDP per year",
                                   "value of success to a state bordering Tajikistan [assumption]", low=0,
                                   high=BOUND, why=BOUND_WHY)
    other_stake: float = param(0.005, "share of GDP per year",
                               "value of success to a non-bordering state [assumption]", low=0,
                               high=BOUND, why=BOUND_WHY)
    technology: str = param("linear", "-", "'linear': p = min(1, F/R); 'threshold': p = 1[F >= R] [assumption]",
                            choices=TECHNOLOGIES)

    def __post_init__(self) -> None:
        years = sorted(cases.GDP_CURRENT_USD["Russia"])
        if check_int(name="year", value=self.year) not in years:
            raise ValueError(f"year must be an int in {years[0]}..{years[-1]} (WDI data held); got {self.year!r}")
        validate(self)

    # ------------------------------------------------------------------ calibration
    def gdp(self) -> dict[str, float]:
        """GDP of each state in :attr:`year`, current US$ (WDI)."""
        return {s: cases.gdp(s, int(self.year)) for s in STATES}

    def contingents(self) -> dict[str, float]:
        """Each state's assigned contingent (men) under the cost rule; they sum to the requirement."""
        r = float(self.requirement)
        if self.cost_rule == "equal":
            return {s: r / len(STATES) for s in STATES}
        if self.cost_rule == "gdp":
            g = self.gdp()
            total = sum(g.values())
            return {s: r * g[s] / total for s in STATES}
        rest = r * (1.0 - self.lead_share) / (len(STATES) - 1)
        return {s: r * self.lead_share if s == self.lead_state else rest for s in STATES}

    def values(self) -> dict[str, float]:
        """Value of a successful operation to each state, US$ million a year (stake x GDP)."""
        g = self.gdp()
        return {s: (self.neighbour_stake if s in NEIGHBOURS else self.other_stake) * g[s] / 1e6
                for s in STATES}

    def costs(self) -> dict[str, float]:
        """Cost of each state's contingent, US$ million a year."""
        return {s: k * self.unit_cost / 1e6 for s, k in self.contingents().items()}

    def success(self, force: float) -> float:
        """Probability of success for a force of ``force`` men.

        >>> op = TajikistanOperation()
        >>> op.success(8000), op.success(20000), TajikistanOperation(technology="threshold").success(15999)
        (0.5, 1.0, 0.0)
        """
        if self.technology == "threshold":
            return 1.0 if force >= self.requirement * (1 - 1e-12) else 0.0
        return min(1.0, force / self.requirement)

    # ------------------------------------------------------------------ the game
    def game(self) -> NormalFormGame:
        """The 2^4 normal-form game (payoffs in US$ million a year), players in :data:`STATES` order."""
        from games import NormalFormGame

        k, v, c = self.contingents(), self.values(), self.costs()

        def payoffs(*acts: str) -> list[float]:
            force = sum(k[s] for s, a in zip(STATES, acts) if a == "contribute")
            p = self.success(force)
            return [v[s] * p - (c[s] if a == "contribute" else 0.0) for s, a in zip(STATES, acts)]

        return NormalFormGame.from_payoff_function(payoffs, [list(ACTIONS)] * len(STATES), players=STATES,
                                                   title=f"CIS Tajikistan operation {self.year}")

    def equilibria(self) -> EquilibriumSet:
        """Every pure equilibrium (``games.equilibria(..., method="pure")``), verified."""
        import games

        return games.equilibria(self.game(), method="pure")

    def _equilibrium_sets(self) -> tuple[list[tuple[str, ...]], float]:
        """The distinct sets of contributing states over the pure equilibria, and their largest regret."""
        eqs = self.equilibria()
        k = self.contingents()
        sets: list[tuple[str, ...]] = []
        for eq in eqs:
            acts = eq.pure_actions()
            # a state with no quota sends nobody whatever it "chooses": count only real contingents
            st = tuple(s for s, a in zip(STATES, acts) if a == "contribute" and k[s] > 0)
            if st not in sets:
                sets.append(st)
        if not sets:
            raise RuntimeError("the pure-strategy solver found no equilibrium of the 2^4 game")
        return sets, float(max(eq.regret for eq in eqs))

    def _headline(self, sets: list[tuple[str, ...]]) -> tuple[tuple[str, ...], float]:
        k = self.contingents()
        forces = [sum(k[s] for s in st) for st in sets]
        best = int(np.argmax(forces))
        return sets[best], float(forces[best])

    def details(self) -> dict[str, Any]:
        """The headline equilibrium and the calibration, per state.

        Returns
        -------
        dict
            Tuples of state names: ``contributors`` and ``free_riders`` (in the headline equilibrium, the
            one with the largest force), ``actual_participants`` (the case) and ``equilibria`` (one tuple
            of contributing states per pure equilibrium; states with a zero quota never count as
            contributors). Dicts state -> number: ``contingents`` (men), ``values`` and ``costs`` (US$
            million a year) and ``cost_share_of_gdp``.

        Examples
        --------
        Threshold technology in 1993: everybody is pivotal, so all four or none (module docstring).

        >>> d = TajikistanOperation(technology="threshold").details()
        >>> sorted(d["equilibria"], key=len)
        [(), ('Kazakhstan', 'Kyrgyzstan', 'Russia', 'Uzbekistan')]
        >>> d["contingents"]["Russia"], d["actual_participants"]
        (4000.0, ('Kyrgyzstan', 'Russia', 'Uzbekistan'))
        """
        sets, _ = self._equilibrium_sets()
        contributors, _ = self._headline(sets)
        c, g = self.costs(), self.gdp()
        return {
            "contributors": contributors,
            "free_riders": tuple(s for s in STATES if s not in contributors),
            "actual_participants": cases.TAJIKISTAN_1993.participants,
            "equilibria": tuple(sets),
            "contingents": self.contingents(),
            "values": self.values(),
            "costs": c,
            "cost_share_of_gdp": {s: c[s] * 1e6 / g[s] for s in STATES},
        }

    def outcome(self) -> dict[str, Any]:
        """The headline equilibrium and the comparison with the case, as scalars.

        With several equilibria (threshold technology) the headline one is the equilibrium with the
        largest force (the most optimistic); every equilibrium and the per-state calibration are in
        :meth:`details`.

        Returns
        -------
        dict
            ``year``, ``force`` and ``requirement`` (men), ``shortfall``, ``fill_rate``,
            ``success_probability``, ``actual_force`` (the case's 7,000), ``n_contributors``,
            ``contributors`` and ``free_riders`` (the states' names joined by ", ", "" for none),
            ``n_equilibria`` and ``max_regret`` (largest regret among the solver's equilibria).
        """
        sets, regret = self._equilibrium_sets()
        contributors, force = self._headline(sets)
        return {
            "year": int(self.year),
            "contributors": ", ".join(contributors),
            "free_riders": ", ".join(s for s in STATES if s not in contributors),
            "n_contributors": len(contributors),
            "force": force,
            "requirement": float(self.requirement),
            "shortfall": float(self.requirement - force),
            "fill_rate": force / float(self.requirement),
            "success_probability": self.success(force),
            "actual_force": cases.TAJIKISTAN_1993.actual_force,
            "n_equilibria": len(sets),
            "max_regret": regret,
        }


def withdrawal_path(model: TajikistanOperation | None = None,
                    years: Sequence[int] = (1993, 1994, 1995, 1996, 1997, 1998)) -> pd.DataFrame:
    """Year by year (GDP of that year), each state's value, cost and equilibrium choice.

    A state that contributes in the first year and not in a later one "withdraws" that year: its cost
    now exceeds what its contingent adds to its expected benefit. Returns a tidy ``pandas.DataFrame``.

    Examples
    --------
    >>> df = withdrawal_path()
    >>> df[df.year == 1998].set_index("state")["contributes"].to_dict()
    {'Kazakhstan': False, 'Kyrgyzstan': False, 'Russia': True, 'Uzbekistan': True}
    """
    import pandas as pd

    model = model if model is not None else TajikistanOperation()
    rows = []
    for y in years:
        variant = dataclasses.replace(model, year=int(y))
        d, force = variant.details(), variant.outcome()["force"]
        for s in STATES:
            rows.append({"year": int(y), "state": s, "gdp_usd": cases.gdp(s, int(y)),
                         "value_musd": d["values"][s], "cost_musd": d["costs"][s],
                         "contributes": s in d["contributors"], "force": force})
    df = pd.DataFrame(rows)
    first = df[df.year == df.year.min()].set_index("state")["contributes"]
    df["withdrawn"] = [bool(first[s]) and not c for s, c in zip(df.state, df.contributes)]
    return df


def cost_rule_table(lead_shares: Sequence[float] = tuple(np.linspace(0.25, 1.0, 16)),
                    model: TajikistanOperation | None = None) -> pd.DataFrame:
    """Force, shortfall and free riders under each cost rule and, for ``'lead'``, each lead share.

    Two :func:`games.sweep` runs of the model (the rules ``'equal'`` and ``'gdp'``, then ``'lead'`` at each
    share), stacked; ``lead_share`` is NaN for the rules that ignore it.

    Parameters
    ----------
    lead_shares : sequence of float
        Shares of the requirement the lead state takes under ``'lead'``.
    model : TajikistanOperation, optional
        The other parameters (default: the defaults).

    Returns
    -------
    pandas.DataFrame
        One row per variant: ``rule``, ``lead_share`` and the model's outcome (``force``, ``shortfall``,
        ``n_contributors``, ``free_riders``, ``n_equilibria``, ...).

    Examples
    --------
    GDP shares give 16,000 x (Russia + Uzbekistan) / all four = 15,140.7 men; a lead share of 1/2 gives
    8,000 + 8,000/3 (module docstring).

    >>> df = cost_rule_table(lead_shares=(0.5, 1.0))
    >>> df[["rule", "lead_share", "force"]].round(1).values.tolist()
    [['equal', nan, 8000.0], ['gdp', nan, 15140.7], ['lead', 0.5, 10666.7], ['lead', 1.0, 16000.0]]
    """
    import pandas as pd

    from games import sweep

    model = model if model is not None else TajikistanOperation()
    plain = sweep(model, {"cost_rule": ["equal", "gdp"]}, progress=False).assign(lead_share=float("nan"))
    lead = sweep(dataclasses.replace(model, cost_rule="lead"), {"lead_share": [float(x) for x in lead_shares]},
                 progress=False).assign(cost_rule="lead")
    df = pd.concat([plain, lead], ignore_index=True).rename(columns={"cost_rule": "rule"})
    first = ["rule", "lead_share", "force", "shortfall", "n_contributors", "free_riders", "n_equilibria"]
    return df[first + [c for c in df.columns if c not in first]]


def cost_rule_sweep(lead_shares: Sequence[float] = tuple(np.linspace(0.25, 1.0, 16)),
                    model: TajikistanOperation | None = None) -> pd.DataFrame:
    """Deprecated: use ``games.sweep(TajikistanOperation(), grid)``, or :func:`cost_rule_table` for this table.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     df = cost_rule_sweep(lead_shares=(1.0,))
    >>> caught[0].category.__name__, df["force"].round(1).tolist()
    ('DeprecationWarning', [8000.0, 15140.7, 16000.0])
    """
    warnings.warn("cost_rule_sweep is deprecated; use games.sweep(TajikistanOperation(), grid) "
                  "(or models.tajikistan.cost_rule_table for the table of every rule)",
                  DeprecationWarning, stacklevel=2)
    return cost_rule_table(lead_shares, model)
