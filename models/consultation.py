"""Consultation and consensus: a council that recommends actions as a correlation device.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*):

    "One of the most promising directions in the activities of the Collective Security Council is creating
    a consultation mechanism on the problems of peacekeeping activities and forming collective rapid
    deployment peacekeeping forces."

and, of regimes in general, that they are "decentralized institutions, which means not an absence of
sanctions ... but a necessity of consensus on sanctions implementation"; the NATO-Russia Council was "set
up as a body for consultations, consensus building, joint decision making and joint actions".

The model: a crisis between two members, with and without a consultation body
-------------------------------------------------------------------------------
Two members of a regime face a crisis; each can ``hold back`` or ``stand firm``. Both holding back pays
each ``reward`` (R); standing firm against one who holds back pays ``temptation`` (T) to the one who
stands firm and ``sucker`` (S) to the other; both standing firm (a clash) pays ``clash`` (P). With the
default payoffs (R, T, S, P = 6, 7, 2, 0: Aumann's 1974 example) the crisis is a game of chicken; with
other orderings it is a stag hunt (the security dilemma as an assurance problem), a prisoner's dilemma,
and so on (:func:`models.security_dilemma.classify_symmetric` names it).

*Without consultation* the members play a Nash equilibrium (:func:`games.equilibria`). *With
consultation* a council that hears the situation recommends to each member, in private, what to do,
drawing the recommendations from a distribution both accept; no member can be forced, so a
recommendation must be one the member wants to follow given what it implies about the other's: the
distribution is a correlated equilibrium (Aumann 1974; :func:`games.correlated_equilibrium`). The council
cannot enforce anything, only coordinate: the essay's decentralised institution that works by consensus.
The model reports how much welfare the best such recommendation adds over the best Nash equilibrium.

Closed form for chicken (T > R > S > P; derived by hand): with ``k = (S - P) / (T - R)`` a member told to
hold back obeys iff the chance that the other was told to hold back is at most ``k`` times the chance that
it was told to stand firm. When ``2R > T + S`` the best recommendation puts ``k / (k + 2)`` on mutual
restraint and ``1 / (k + 2)`` on each asymmetric profile, never recommends a clash, and pays each member
``(kR + T + S) / (k + 2)``; otherwise it is a fair coin between the two asymmetric equilibria. The mixed
Nash equilibrium holds back with probability ``k / (k + 1)`` and pays ``(kT + P) / (k + 1)``.

When consultation adds nothing: in a prisoner's dilemma standing firm is dominant, so the only correlated
equilibrium is the Nash one; in a stag hunt (and harmony) mutual restraint is an equilibrium that pays
each member its best payoff, so no recommendation does better.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

import games
from games import NormalFormGame, equilibria
from games.correlated import CorrelatedEquilibrium, correlated_regret

from .base import max_regret, param, validate
from .registry import register_model
from .security_dilemma import classify_symmetric

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["ACTIONS", "ConsultationModel", "chicken_closed_form", "consultation_gain", "crisis_comparison"]

#: The members' actions (action 0 is the cooperative one, as in :mod:`games.catalog`).
ACTIONS = ("hold back", "stand firm")
MEMBERS = ("Member A", "Member B")


@register_model(
    claim=("One of the most promising directions in the activities of the Collective Security Council is creating "
           "a consultation mechanism on the problems of peacekeeping activities and forming collective rapid "
           "deployment peacekeeping forces."),
    headlines=("consultation-gain",),
    citation=("V. Petrovsky, International Security Regimes, Conflict Resolution and Peace Support Operations in "
              "the CIS; correlated equilibrium: R. J. Aumann (1974), Subjectivity and correlation in randomized "
              "strategies, Journal of Mathematical Economics 1(1): 67-96"),
)
@dataclass(frozen=True)
class ConsultationModel:
    """A two-member crisis with and without a consultation body that recommends actions.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): "One of the most promising
    directions in the activities of the Collective Security Council is creating a consultation mechanism
    on the problems of peacekeeping activities and forming collective rapid deployment peacekeeping
    forces."

    Examples
    --------
    Aumann's chicken: consultation lifts the best symmetric payoff from 14/3 (mixed Nash) to 21/4.

    >>> out = ConsultationModel().outcome()
    >>> out["game_type"], round(out["ce_payoff"], 4), round(out["nash_symmetric_payoff"], 4)
    ('chicken', 5.25, 4.6667)
    >>> round(out["gain"], 4), out["ce_clash_probability"]     # 21/2 - 28/3 = 7/6, and never a clash
    (1.1667, 0.0)
    >>> ConsultationModel(clash=3).outcome()["game_type"], ConsultationModel(clash=3).outcome()["gain"]
    ("prisoner's dilemma", 0.0)
    """

    reward: float = param(6.0, "utils", "each member's payoff when both hold back (R)", unbounded=True)
    temptation: float = param(7.0, "utils", "payoff for standing firm while the other holds back (T)",
                              unbounded=True)
    sucker: float = param(2.0, "utils", "payoff for holding back while the other stands firm (S)", unbounded=True)
    clash: float = param(0.0, "utils", "each member's payoff when both stand firm (P)", unbounded=True)

    def __post_init__(self) -> None:
        validate(self)

    # ------------------------------------------------------------------ the game
    def game(self) -> NormalFormGame:
        """The symmetric crisis game (actions ``hold back``, ``stand firm``).

        Examples
        --------
        >>> ConsultationModel().game().payoffs[0, 1].tolist()      # A holds back, B stands firm: (S, T)
        [2.0, 7.0]
        """
        R, T, S, P = self.reward, self.temptation, self.sucker, self.clash
        return NormalFormGame.from_bimatrix([[R, S], [T, P]], [[R, T], [S, P]], players=MEMBERS,
                                            actions=[ACTIONS, ACTIONS], title="A crisis between two members")

    def _unit_game(self) -> tuple[NormalFormGame, float]:
        """The game in units of its largest payoff (a power of two, so the rescaling is exact), and that unit.

        The correlated equilibria and the welfare-maximising one do not change when every payoff is
        multiplied by the same positive number; the linear programme's solver (HiGHS) reads coefficients
        above 1e20 as infinite, so it is handed payoffs of order 1 and the welfare is scaled back.
        """
        top = max(abs(self.reward), abs(self.temptation), abs(self.sucker), abs(self.clash))
        unit = math.ldexp(1.0, math.frexp(top)[1]) if top > 0 else 1.0
        R, T, S, P = (v / unit for v in (self.reward, self.temptation, self.sucker, self.clash))
        g = NormalFormGame.from_bimatrix([[R, S], [T, P]], [[R, T], [S, P]], players=MEMBERS,
                                         actions=[ACTIONS, ACTIONS], title="A crisis between two members")
        return g, unit

    def game_type(self) -> str:
        """The classic game the crisis is (chicken, stag hunt, prisoner's dilemma, ...).

        Examples
        --------
        >>> ConsultationModel(reward=4, temptation=3, sucker=0, clash=2).game_type()
        'stag hunt'
        """
        return classify_symmetric(T=self.temptation, R=self.reward, P=self.clash, S=self.sucker)

    def recommendation(self, tol: float = 1e-9) -> CorrelatedEquilibrium:
        """The consultation body's best recommendation: the welfare-maximising correlated equilibrium,
        made symmetric (the average of it and its mirror image, also a correlated equilibrium with the
        same welfare).

        Examples
        --------
        >>> [[round(float(p), 4) for p in row] for row in ConsultationModel().recommendation().distribution]
        [[0.5, 0.25], [0.25, 0.0]]
        """
        g = self.game()
        unit_game, unit = self._unit_game()
        ce = games.correlated_equilibrium(unit_game, "welfare", tol=tol)
        x = (ce.distribution + ce.distribution.T) / 2
        welfare = float(ce.objective_value) * unit
        return CorrelatedEquilibrium(distribution=x, payoffs=np.full(2, welfare / 2),
                                     max_violation=correlated_regret(g, x), objective="welfare (symmetrised)",
                                     objective_value=welfare, coarse=False, exact=False,
                                     optimality=ce.optimality, players=ce.players, actions=ce.actions)

    def outcome(self, tol: float = 1e-9) -> dict[str, Any]:
        """Nash outcomes without consultation, the best correlated equilibrium with it, and the gain.

        Returns
        -------
        dict
            ``game_type``; ``n_nash`` (Nash equilibria found), ``nash_best_welfare`` (the largest total
            payoff of a Nash equilibrium), ``nash_symmetric_payoff`` (each member's payoff in the best
            symmetric Nash equilibrium), ``nash_clash_probability`` (of both standing firm in it);
            ``ce_welfare`` (the best total payoff a consultation body can recommend), ``ce_payoff`` (half of
            it: each member's payoff in the symmetrised recommendation), ``ce_clash_probability``,
            ``cce_welfare`` (the best coarse correlated equilibrium: members commit to consult before the
            crisis); ``gain`` (``ce_welfare - nash_best_welfare``), ``gain_per_member`` (``ce_payoff -
            nash_symmetric_payoff``); ``ce_max_violation`` (largest gain from disobeying the
            recommendation, computed from the game) and ``max_regret`` (of the Nash equilibria).

        Examples
        --------
        >>> out = ConsultationModel(reward=4, temptation=3, sucker=0, clash=2).outcome()   # a stag hunt
        >>> out["ce_welfare"], out["nash_best_welfare"], out["gain"]
        (8.0, 8.0, 0.0)
        """
        g = self.game()
        eqs = equilibria(g, tol=tol)
        totals = [float(sum(eq.payoffs)) for eq in eqs]
        symmetric = [eq for eq in eqs if np.allclose(eq.as_float()[0], eq.as_float()[1], atol=1e-9)]
        best_sym = max(symmetric, key=lambda eq: float(eq.payoffs[0])) if symmetric else None
        sym_payoff = float(best_sym.payoffs[0]) if best_sym is not None else float("nan")
        p_firm = float(best_sym.as_float()[0][1]) if best_sym is not None else float("nan")
        rec = self.recommendation(tol=tol)
        unit_game, unit = self._unit_game()
        cce = games.correlated_equilibrium(unit_game, "welfare", coarse=True, tol=tol)
        ce_welfare = float(rec.objective_value)
        nash_best = max(totals)
        gain = ce_welfare - nash_best
        scale = g.payoff_scale
        return {
            "game_type": self.game_type(),
            "n_nash": len(eqs),
            "nash_best_welfare": nash_best,
            "nash_symmetric_payoff": sym_payoff,
            "nash_clash_probability": p_firm ** 2,
            "ce_welfare": ce_welfare,
            "ce_payoff": ce_welfare / 2,
            "ce_clash_probability": float(rec.distribution[1, 1]),
            "cce_welfare": float(cce.objective_value) * unit,
            "gain": 0.0 if abs(gain) <= 1e-9 * scale else gain,
            "gain_per_member": ce_welfare / 2 - sym_payoff,
            "ce_max_violation": float(rec.max_violation),
            "max_regret": max_regret(eqs),
        }


def chicken_closed_form(reward: Any, temptation: Any, sucker: Any, clash: Any) -> dict[str, Any]:
    """The best correlated equilibrium and the mixed Nash equilibrium of a chicken game, in closed form.

    Exact (Fractions) for exact inputs. See the module notes for the derivation.

    Parameters
    ----------
    reward, temptation, sucker, clash : number
        R, T, S, P with ``T > R > S > P``.

    Returns
    -------
    dict
        ``k`` (``(S - P) / (T - R)``), ``restraint`` (probability the council recommends mutual restraint),
        ``each_asymmetric`` (probability of each asymmetric profile), ``ce_payoff`` (each member's),
        ``nash_hold_back`` (probability of holding back in the mixed equilibrium), ``nash_mixed_payoff``,
        ``ce_welfare``, ``nash_best_welfare`` (the larger of ``T + S`` and twice the mixed payoff) and ``gain``.

    Examples
    --------
    >>> cf = chicken_closed_form(6, 7, 2, 0)
    >>> cf["ce_payoff"], cf["nash_mixed_payoff"], cf["gain"]
    (Fraction(21, 4), Fraction(14, 3), Fraction(7, 6))
    >>> chicken_closed_form(4, 7, 2, 0)["restraint"]     # 2R <= T + S: a fair coin between the pure equilibria
    Fraction(0, 1)
    >>> chicken_closed_form(6, 5, 2, 0)
    Traceback (most recent call last):
    ...
    ValueError: chicken_closed_form needs temptation > reward > sucker > clash; got T=5, R=6, S=2, P=0
    """
    from games.numeric import to_number

    R, T, S, P = (to_number(v, name) for v, name in ((reward, "reward"), (temptation, "temptation"),
                                                     (sucker, "sucker"), (clash, "clash")))
    if not T > R > S > P:
        raise ValueError(f"chicken_closed_form needs temptation > reward > sucker > clash; got T={T}, R={R}, S={S}, "
                         f"P={P}")
    k = (S - P) / (T - R)
    one = Fraction(1) if isinstance(k, Fraction) else 1.0
    if 2 * R > T + S:
        restraint, each = k / (k + 2), one / (k + 2)
    else:
        restraint, each = 0 * one, one / 2
    ce_payoff = restraint * R + each * (T + S)
    hold = k / (k + 1)
    mixed = (k * T + P) / (k + 1)
    nash_best = max(T + S, 2 * mixed)
    return {"k": k, "restraint": restraint, "each_asymmetric": each, "ce_payoff": ce_payoff,
            "nash_hold_back": hold, "nash_mixed_payoff": mixed, "ce_welfare": 2 * ce_payoff,
            "nash_best_welfare": nash_best, "gain": 2 * ce_payoff - nash_best}


def consultation_gain(values: Sequence[float] | None = None, parameter: str = "clash",
                      base: ConsultationModel | None = None, executor: Any = None) -> pd.DataFrame:
    """The welfare consultation adds, over one payoff of the crisis game.

    Parameters
    ----------
    values : sequence of float, optional
        The parameter's values (default: the clash payoff from -12 to 4, so the crisis goes from a costly
        chicken to a prisoner's dilemma once a clash pays more than holding back alone).
    parameter : str
        A :class:`ConsultationModel` field.
    base : ConsultationModel, optional
        The other payoffs (default: Aumann's 6, 7, 2, 0).
    executor : concurrent.futures.Executor, optional
        Runs the sweep's points.

    Returns
    -------
    pandas.DataFrame
        One row per value: the parameter, every :meth:`ConsultationModel.outcome` column, and
        ``closed_form_gain`` (:func:`chicken_closed_form`'s gain where the game is chicken, else 0 for a
        prisoner's dilemma, stag hunt or harmony, NaN otherwise).

    Examples
    --------
    >>> df = consultation_gain([-4, 0, 3])
    >>> df["game_type"].tolist(), [round(v, 4) for v in df["gain"]]
    (['chicken', 'chicken', "prisoner's dilemma"], [0.3929, 1.1667, 0.0])
    >>> bool(np.allclose(df["gain"], df["closed_form_gain"]))
    True
    """
    from games import sweep

    base = base if base is not None else ConsultationModel()
    if values is None:
        values = np.linspace(-12, 4, 33)
    df = sweep(base, {parameter: list(values)}, executor=executor, progress=False)
    closed = []
    for v, kind in zip(df[parameter], df["game_type"]):
        m = replace(base, **{parameter: float(v)})
        if kind == "chicken":
            closed.append(float(chicken_closed_form(m.reward, m.temptation, m.sucker, m.clash)["gain"]))
        else:
            closed.append(0.0 if kind in ("prisoner's dilemma", "stag hunt", "harmony") else float("nan"))
    df["closed_form_gain"] = closed
    return df


def crisis_comparison() -> pd.DataFrame:
    """Consultation in the catalogue's crisis games: chicken, the stag hunt, the prisoner's dilemma, and
    Aumann's chicken.

    Returns
    -------
    pandas.DataFrame
        One row per game: its name, payoffs R, T, S, P, and the :meth:`ConsultationModel.outcome` columns.

    Examples
    --------
    >>> df = crisis_comparison().set_index("game")
    >>> float(df.loc["stag hunt (catalogue)", "gain"]), float(df.loc["prisoner's dilemma (catalogue)", "gain"])
    (0.0, 0.0)
    >>> round(float(df.loc["chicken (catalogue)", "ce_payoff"]), 4)   # 8/3: a third on each profile but the clash
    2.6667
    """
    import pandas as pd

    from games import catalog

    rows = []
    named = [("chicken (catalogue)", catalog.chicken()), ("stag hunt (catalogue)", catalog.stag_hunt()),
             ("prisoner's dilemma (catalogue)", catalog.prisoners_dilemma()),
             ("chicken (Aumann 1974)", NormalFormGame.from_bimatrix([[6, 2], [7, 0]], [[6, 7], [2, 0]]))]
    for name, g in named:
        u = g.payoffs[..., 0]
        m = ConsultationModel(reward=float(u[0, 0]), temptation=float(u[1, 0]), sucker=float(u[0, 1]),
                              clash=float(u[1, 1]))
        rows.append({"game": name, "reward": m.reward, "temptation": m.temptation, "sucker": m.sucker,
                     "clash": m.clash, **m.outcome()})
    return pd.DataFrame(rows)
