"""The security dilemma: Jervis's four worlds as 2x2 games, an ordinal classifier and Stein's split.

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*) builds on the insight that security is interdependent:

    "The advantages of collective security systems stem not only from the fact that they are more
    efficient in fighting aggression, but also from the fact that they strengthen international
    cooperation and trust, thus making aggression less likely."

Jervis (1978, "Cooperation under the security dilemma", *World Politics* 30(2), 167-214) explains when
cooperation is hard with two variables: whether the offence or the defence has the advantage, and
whether offensive and defensive postures can be distinguished. This module makes each of his four
worlds a symmetric 2x2 game between two states choosing a ``defensive`` or an ``offensive`` posture,
with the usual payoffs ``R`` (both defensive), ``T`` (offensive against defensive), ``S`` (defensive
against offensive) and ``P`` (both offensive):

- the offence-defence balance sets the temptation: ``T = R + offence_advantage * exploitation_gain``,
  so the offence has the advantage exactly when exploiting a defensive state beats mutual restraint;
- distinguishability sets the danger of staying defensive: with warning of the other's offensive
  build-up a defensive state can respond in time, ``S = P + (2 * distinguishability - 1) * warning_value``,
  so a defensive posture is safer than an arms race (``S > P``) exactly when postures are more
  distinguishable than not.

The four corners are then the prisoner's dilemma (offence, indistinguishable: Jervis's "doubly
dangerous"), the stag hunt (defence, indistinguishable: "security dilemma, but security requirements
may be compatible"), chicken (offence, distinguishable: "no security dilemma, but aggression
possible") and harmony (defence, distinguishable: "doubly stable").
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from games import NormalFormGame, equilibria

from .base import check_range, max_regret, param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["SecurityDilemmaModel", "classify_symmetric", "assurance_threshold", "classify_game", "stein_problem",
           "jervis_worlds", "JERVIS_TABLE", "POSTURES", "GAME_TYPE_COLOURS", "restraint_discount"]

#: Actions of each state: index 0 cooperates (defensive), index 1 defects (offensive).
POSTURES = ("defensive", "offensive")

#: Jervis (1978), p. 211: the four worlds as he labels them (offence advantage?, distinguishable?).
JERVIS_TABLE = {
    (True, False): "1. Doubly dangerous",
    (False, False): "2. Security dilemma, but security requirements may be compatible",
    (True, True): "3. No security dilemma, but aggression possible. Status-quo states can follow "
                  "different policy than aggressors. Warning given",
    (False, True): "4. Doubly stable",
}


#: One colour per game type of :func:`classify_symmetric`, for maps of a sweep.
GAME_TYPE_COLOURS = {
    "prisoner's dilemma": "#d95f02",
    "stag hunt": "#7570b3",
    "chicken": "#e6ab02",
    "harmony": "#1b9e77",
    "assurance": "#a6761d",
    "deadlock": "#e7298a",
    "non-strict": "#bbbbbb",
}


def _check_payoffs(T: float, R: float, P: float, S: float) -> tuple[float, float, float, float]:
    return tuple(check_range(name, v) for name, v in zip("TRPS", (T, R, P, S)))  # type: ignore[return-value]


def classify_symmetric(T: float, R: float, P: float, S: float) -> str:
    """Name a symmetric 2x2 game from the ordinal ranking of its payoffs.

    ``R``: both cooperate; ``T``: defect against a cooperator; ``S``: cooperate against a defector;
    ``P``: both defect. The names follow the textbook orderings (Rapoport & Guyer 1966; Snyder 1971):
    prisoner's dilemma ``T > R > P > S``, stag hunt ``R > T > P > S``, chicken ``T > R > S > P``,
    deadlock (defection dominant and ``P > R``), harmony (cooperation dominant), leader
    ``T > S > R > P``, hero ``S > T > R > P``, assurance ``R > P > T > S`` (a coordination game in which
    defecting against a cooperator pays less than mutual defection). A tie in a comparison that decides
    the type gives ``"non-strict"``; ties that do not matter (e.g. ``T == S`` in harmony) are ignored.

    Examples
    --------
    >>> classify_symmetric(T=5, R=3, P=1, S=0)
    "prisoner's dilemma"
    >>> classify_symmetric(T=3, R=4, P=1, S=0), classify_symmetric(T=3, R=2, P=0, S=1)
    ('stag hunt', 'chicken')
    >>> classify_symmetric(T=3, R=1, P=2, S=0), classify_symmetric(T=2, R=3, P=0, S=1)
    ('deadlock', 'harmony')
    """
    T, R, P, S = _check_payoffs(T, R, P, S)
    if T == R or P == S:
        return "non-strict"
    if T > R and P > S:
        return "non-strict" if R == P else ("prisoner's dilemma" if R > P else "deadlock")
    if R > T and S > P:
        return "harmony"
    if R > T and P > S:
        return "non-strict" if T == P else ("stag hunt" if T > P else "assurance")
    # T > R and S > P: anti-coordination
    if R == S or (S > R and T == S):
        return "non-strict"
    if R > S:
        return "chicken"
    return "leader" if T > S else "hero"


def assurance_threshold(T: float, R: float, P: float, S: float) -> float:
    """The least probability that the other cooperates for cooperating to be a best response.

    Cooperation is a best response when ``q R + (1 - q) S >= q T + (1 - q) P``; the threshold is 0 when
    cooperating is always a best response and 1 when it never is (for a stag hunt it is
    ``(P - S) / ((R - T) + (P - S))``).

    Examples
    --------
    >>> assurance_threshold(T=2, R=3, P=1, S=0.5)
    0.3333333333333333
    >>> assurance_threshold(T=5, R=3, P=1, S=0), assurance_threshold(T=2, R=3, P=0, S=1)
    (1.0, 0.0)
    """
    T, R, P, S = _check_payoffs(T, R, P, S)
    a, b = (R - T) - (S - P), S - P          # cooperating is a best response iff a q + b >= 0
    if b >= 0:
        return 0.0
    if a + b >= 0:
        return float(-b / a)
    return 1.0


def restraint_discount(T: float, R: float, P: float, S: float) -> float:
    """The least discount factor at which mutual restraint is a subgame-perfect outcome of the repeated game.

    Restraint (both cooperate, ``R`` each) is sustained when no state gains by defecting once (``T``) and then
    facing the harshest punishment an equilibrium allows. The harshest is the minmax payoff ``max(P, S)``
    (the other defects; the deviator does the better of defecting, ``P``, and cooperating, ``S``), and a stage
    Nash equilibrium attains it: mutual defection when ``P >= S`` (prisoner's dilemma), the asymmetric
    equilibrium in which the deviator cooperates when ``S > P`` (chicken). So (Friedman 1971; Abreu 1988)
    restraint is sustainable iff ``R / (1 - d) >= T + d max(P, S) / (1 - d)``, i.e.
    ``d >= (T - R) / (T - max(P, S))``: 0 when ``T <= R`` (restraint is a stage equilibrium), ``inf`` when
    ``max(P, S) >= R`` (no discount factor below 1 suffices).

    Examples
    --------
    Prisoner's dilemma 5, 3, 1, 0: ``(5 - 3) / (5 - 1)``; chicken 4, 3, 1, 2: ``(4 - 3) / (4 - 2)``.

    >>> restraint_discount(T=5, R=3, P=1, S=0), restraint_discount(T=4, R=3, P=1, S=2)
    (0.5, 0.5)
    >>> restraint_discount(T=2, R=3, P=1, S=0), restraint_discount(T=3, R=1, P=2, S=0)
    (0.0, inf)
    """
    T, R, P, S = _check_payoffs(T, R, P, S)
    if T <= R:
        return 0.0
    worst = max(P, S)
    return float("inf") if worst >= R else float((T - R) / (T - worst))


def _symmetric_payoffs(game: NormalFormGame, tol: float) -> tuple[float, float, float, float]:
    if not isinstance(game, NormalFormGame):
        raise TypeError(f"game must be a NormalFormGame; got {type(game).__name__}")
    if game.num_players != 2 or game.shape != (2, 2):
        raise ValueError(f"game must be a 2x2 two-player game; got {game.num_players} players with shape {game.shape}")
    A, B = game.bimatrix
    if not np.allclose(A, B.T, atol=tol * game.payoff_scale):
        raise ValueError("game must be symmetric (B equal to A transposed) with action 0 = cooperate; "
                         f"got A={A.tolist()} and B={B.tolist()}")
    return float(A[1, 0]), float(A[0, 0]), float(A[1, 1]), float(A[0, 1])


def classify_game(game: NormalFormGame, tol: float = 1e-12) -> str:
    """:func:`classify_symmetric` of a symmetric 2x2 :class:`~games.NormalFormGame` (action 0 = cooperate).

    Examples
    --------
    >>> pd = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> classify_game(pd)
    "prisoner's dilemma"
    """
    return classify_symmetric(*_symmetric_payoffs(game, tol))


def stein_problem(game: NormalFormGame, tol: float = 1e-9, *, exact: bool = False) -> str:
    """Stein's (1982) kind of regime problem a two-player game poses, from its pure equilibria.

    Stein ("Coordination and collaboration: regimes in an anarchic world", *International
    Organization* 36(2)) separates *dilemmas of common interests*, whose equilibrium is Pareto-deficient
    and which need a regime of ``"collaboration"`` (enforced agreement, as in the prisoner's dilemma),
    from *dilemmas of common aversions*, with several equilibria, which need only ``"coordination"``
    (chicken, stag hunt, leader, hero). A game with a single, Pareto-optimal pure equilibrium needs no
    regime: ``"none"`` (harmony, deadlock). The equilibria come from :func:`games.equilibria` (in exact
    arithmetic with ``exact=True``, for payoffs of very different magnitudes).

    Examples
    --------
    >>> stein_problem(NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]]))
    'collaboration'
    >>> stein_problem(NormalFormGame.from_bimatrix([[4, 0], [3, 1]], [[4, 3], [0, 1]]))
    'coordination'
    """
    if not isinstance(game, NormalFormGame):
        raise TypeError(f"game must be a NormalFormGame; got {type(game).__name__}")
    eqs = equilibria(game, method="pure", tol=tol, exact=exact)
    if len(eqs) != 1:
        return "coordination" if len(eqs) > 1 else "no pure equilibrium"
    if exact:
        u = [Fraction(v) for v in eqs[0].payoffs]
        cells = [[Fraction(float(v)) for v in row] for row in game.payoffs.reshape(-1, game.num_players)]
        dominated = any(all(c >= e for c, e in zip(row, u)) and any(c > e for c, e in zip(row, u))
                        for row in cells)
        return "collaboration" if dominated else "none"
    u = np.asarray(eqs[0].payoffs, dtype=float)
    cells = game.payoffs.reshape(-1, game.num_players)
    dominated = np.any(np.all(cells >= u - tol, axis=1) & np.any(cells > u + tol, axis=1))
    return "collaboration" if dominated else "none"


@register_model(
    claim=("The advantages of collective security systems stem not only from the fact that they are more efficient "
           "in fighting aggression, but also from the fact that they strengthen international cooperation and "
           "trust, thus making aggression less likely."),
    headlines=("security-dilemma-four-worlds",),
)
@dataclass(frozen=True)
class SecurityDilemmaModel:
    """Two states choosing defensive or offensive postures in one of Jervis's four worlds.

    Formalises (Petrovsky, *International Security Regimes ... in the CIS*): collective security
    systems "strengthen international cooperation and trust, thus making aggression less likely" — the
    cooperation that Jervis (1978) shows depends on the offence-defence balance and on whether
    postures can be told apart.

    Examples
    --------
    >>> SecurityDilemmaModel(offence_advantage=0.5, distinguishability=0.2).outcome()["game_type"]
    "prisoner's dilemma"
    >>> SecurityDilemmaModel(offence_advantage=-0.5, distinguishability=0.8).outcome()["jervis"]
    '4. Doubly stable'
    >>> SecurityDilemmaModel(distinguishability=1.5)
    Traceback (most recent call last):
    ...
    ValueError: distinguishability must be <= 1; got 1.5
    """

    offence_advantage: float = param(0.5, "-1..1", "advantage of the offence (>0) or of the defence (<0)",
                                     low=-1, high=1)
    distinguishability: float = param(0.25, "probability", "chance an offensive build-up is recognised in time",
                                      low=0, high=1)
    mutual_restraint: float = param(3.0, "utils", "R: payoff when both states keep defensive postures",
                                    unbounded=True)
    arms_race: float = param(1.0, "utils", "P: payoff when both states adopt offensive postures",
                             unbounded=True)
    exploitation_gain: float = param(2.0, "utils", "gain from attacking a defensive state at full offence advantage",
                                     low=0, low_open=True)
    warning_value: float = param(1.0, "utils", "value of warning to a defensive state facing an offensive one",
                                 low=0, low_open=True)

    def __post_init__(self) -> None:
        validate(self)
        if not self.mutual_restraint > self.arms_race:
            raise ValueError(f"mutual_restraint must exceed arms_race (security at lower cost); got "
                             f"{self.mutual_restraint} <= {self.arms_race}")

    @property
    def TRPS(self) -> tuple[float, float, float, float]:
        """The payoffs ``(T, R, P, S)`` of the row state."""
        R, P = self.mutual_restraint, self.arms_race
        return (R + self.offence_advantage * self.exploitation_gain, R, P,
                P + (2 * self.distinguishability - 1) * self.warning_value)

    def game(self) -> NormalFormGame:
        """The symmetric 2x2 posture game (action 0 defensive, 1 offensive).

        Examples
        --------
        >>> SecurityDilemmaModel().game().payoffs[1, 0].tolist()
        [4.0, 0.5]
        """
        T, R, P, S = self.TRPS
        A = [[R, S], [T, P]]
        return NormalFormGame.from_bimatrix(A, np.transpose(A), players=["State 1", "State 2"],
                                            actions=[POSTURES, POSTURES], title="Security dilemma")

    def world(self) -> int | None:
        """Jervis's world number 1-4, or ``None`` on a boundary (no advantage, half distinguishable)."""
        if self.offence_advantage == 0 or self.distinguishability == 0.5:
            return None
        key = (self.offence_advantage > 0, self.distinguishability > 0.5)
        return int(JERVIS_TABLE[key][0])

    def outcome(self, tol: float = 1e-9) -> dict[str, Any]:
        """The game's type, equilibria and cooperation prospects.

        Returns
        -------
        dict
            ``world`` and ``jervis`` (his label), ``game_type`` (:func:`classify_symmetric`),
            ``stein`` (:func:`stein_problem`), ``n_equilibria`` (all, from :func:`games.equilibria`),
            ``max_regret`` (the largest regret among them),
            ``pure_equilibria`` (as ``"defensive/offensive"`` strings), ``cooperation_equilibrium``
            (mutual defensive postures are an equilibrium), ``mutual_arming_equilibrium``,
            ``cooperation_unique``, ``aggression_pays`` (``T > R``), ``security_dilemma`` (``P > S``:
            staying defensive against an offensive state is worse than arming), ``mixed_defensive``
            (probability of a defensive posture in the symmetric mixed equilibrium, if any),
            ``critical_discount`` (the least discount factor at which mutual restraint is subgame perfect in
            the repeated game, :func:`restraint_discount`: ``(T - R) / (T - max(P, S))``, 0 when ``T <= R``, inf
            when no discount factor suffices; in a prisoner's dilemma this is grim trigger's ``(T - R) / (T - P)``) and
            ``assurance_threshold`` (how likely the other must be to stay defensive for a defensive
            posture to be a best response; 1 when it never is).

        Examples
        --------
        >>> out = SecurityDilemmaModel(offence_advantage=-0.5, distinguishability=0.25).outcome()
        >>> out["game_type"], out["cooperation_equilibrium"], round(out["assurance_threshold"], 4)
        ('stag hunt', True, 0.3333)
        """
        T, R, P, S = self.TRPS
        game = self.game()
        # exact arithmetic: payoffs of very different magnitudes (a huge warning value) keep their order
        eqs = equilibria(game, tol=tol, exact=True)
        pure = [a for a in (_pure_actions(eq, tol) for eq in eqs) if a is not None]
        mixed = [eq for eq in eqs if _pure_actions(eq, tol) is None and np.allclose(*eq.as_float(), atol=1e-9)]
        world = self.world()
        key = (self.offence_advantage > 0, self.distinguishability > 0.5)
        return {
            "T": T, "R": R, "P": P, "S": S,
            "world": world,
            "jervis": JERVIS_TABLE[key] if world is not None else "boundary",
            "game_type": classify_symmetric(T, R, P, S),
            "stein": stein_problem(game, tol=tol, exact=True),
            "n_equilibria": len(eqs),
            "max_regret": max_regret(eqs),
            "pure_equilibria": ", ".join("/".join(p) for p in pure),
            "cooperation_equilibrium": ("defensive", "defensive") in pure,
            "mutual_arming_equilibrium": ("offensive", "offensive") in pure,
            "cooperation_unique": pure == [("defensive", "defensive")] and len(eqs) == 1,
            "aggression_pays": T > R,
            "security_dilemma": P > S,
            "mixed_defensive": float(mixed[0].as_float()[0][0]) if mixed else float("nan"),
            "critical_discount": restraint_discount(T, R, P, S),
            "assurance_threshold": assurance_threshold(T, R, P, S),
        }


def _pure_actions(eq: Any, tol: float) -> tuple[str, ...] | None:
    """The action labels of an equilibrium that is pure up to ``tol`` (float solvers leave ~1e-17 dust); an
    exact equilibrium is pure only when each support is one action (a mixture 1 - 1e-12 is not pure)."""
    if getattr(eq, "exact", False):
        if any(len(support) != 1 for support in eq.supports):
            return None
        return tuple(eq.labels[i][support[0]] for i, support in enumerate(eq.supports))
    prof = eq.as_float()
    if any(v.max() < 1 - tol for v in prof):
        return None
    return tuple(eq.labels[i][int(np.argmax(v))] for i, v in enumerate(prof))


def jervis_worlds(base: SecurityDilemmaModel | None = None, advantage: float = 0.5,
                  distinguishability: tuple[float, float] = (0.25, 0.75)) -> pd.DataFrame:
    """Jervis's four worlds side by side: his label and the game each becomes here.

    Parameters
    ----------
    base : SecurityDilemmaModel, optional
        Payoff scale (``R``, ``P``, gains) kept in every world.
    advantage : float
        The size of the offence (``+advantage``) or defence (``-advantage``) advantage, in (0, 1].
    distinguishability : (float, float)
        The low (< 1/2) and high (> 1/2) distinguishability.

    Returns
    -------
    pandas.DataFrame
        One row per world (1-4, Jervis's numbering): ``world``, ``offence_has_advantage``,
        ``postures_distinguishable``, the two parameters and the columns of
        :meth:`SecurityDilemmaModel.outcome`.

    Examples
    --------
    >>> jervis_worlds()["game_type"].tolist()
    ["prisoner's dilemma", 'stag hunt', 'chicken', 'harmony']
    """
    import pandas as pd

    base = base if base is not None else SecurityDilemmaModel()
    check_range("advantage", advantage, 0, 1, low_open=True)
    lo, hi = distinguishability
    check_range("distinguishability[0]", lo, 0, 0.5, high_open=True)
    check_range("distinguishability[1]", hi, 0.5, 1, low_open=True)
    rows = []
    for off, dist in ((advantage, lo), (-advantage, lo), (advantage, hi), (-advantage, hi)):
        out = dataclasses.replace(base, offence_advantage=off, distinguishability=dist).outcome()
        rows.append({"world": out.pop("world"), "offence_has_advantage": off > 0,
                     "postures_distinguishable": dist > 0.5, "offence_advantage": off,
                     "distinguishability": dist, **out})
    return pd.DataFrame(rows)


def security_dilemma_sweep(base: SecurityDilemmaModel | None = None, offence_advantage: Sequence[float] = (),
                           distinguishability: Sequence[float] = (), executor: Any = None) -> pd.DataFrame:
    """Deprecated: use ``games.sweep(SecurityDilemmaModel(), {"offence_advantage": ..., "distinguishability": ...})``.

    Kept for one release; warns :class:`DeprecationWarning` and returns :func:`games.sweep`'s table.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     df = security_dilemma_sweep(offence_advantage=[-0.5, 0.5], distinguishability=[0.75])
    >>> caught[0].category.__name__, df["game_type"].tolist()
    ('DeprecationWarning', ['harmony', 'chicken'])
    """
    from games import sweep

    warnings.warn("security_dilemma_sweep is deprecated; use games.sweep(SecurityDilemmaModel(), grid)",
                  DeprecationWarning, stacklevel=2)
    return sweep(base if base is not None else SecurityDilemmaModel(),
                 {"offence_advantage": list(offence_advantage), "distinguishability": list(distinguishability)},
                 executor=executor, progress=False)
