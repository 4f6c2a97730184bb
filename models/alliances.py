"""Continuous burden sharing: allies with unequal incomes buying a public good (defence).

The essay (V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support
Operations in the CIS*) names the failure this module formalises:

    "For instance, the so-called problem of collective action, i.e. setting up collective security
    systems, especially in peace, may tempt many states to take advantage of their membership without
    shouldering appropriate costs thereof (both literally and figuratively)."

The model is Olson and Zeckhauser's (1966) economic theory of alliances in the form Bergstrom, Blume and
Varian (1986, "On the private provision of public goods", J. Public Econ. 29) solved exactly. Ally ``i``
has income ``w_i`` and splits it between private consumption ``x_i = w_i - g_i`` and a contribution
``g_i >= 0`` to defence; defence is ``G = sum_j g_j``. With a joint product (Sandler) a share ``theta``
(``private_share``) of each ally's own defence benefits only itself, so ally ``i`` enjoys

    D_i = g_i + s * G_{-i},     s = 1 - theta,     G_{-i} = G - g_i.

Utility is homothetic: Cobb-Douglas ``u = x^(1-alpha) D^alpha`` or CES
``u = ((1-alpha) x^rho + alpha D^rho)^(1/rho)``. Both spend a fixed share ``m`` of *full income*
``w_i + s G_{-i}`` on ``D_i`` (``m = alpha`` for Cobb-Douglas; ``m = r / (1 + r)`` with
``r = (alpha / (1 - alpha))^(1 / (1 - rho))`` for CES), so the best response is

    g_i = max(0, m w_i - (1 - m) s G_{-i}).

**Equilibrium (derivation).** For a contributor, ``g_i (1 - (1-m)s) = m w_i - (1-m) s G``. Summing over
the set ``C`` of ``k`` contributors with income ``W_C``:

    G = m W_C / (1 + (k - 1)(1 - m) s),

and for Cobb-Douglas with a pure public good (``s = 1``) ``G = alpha W_C / (1 + (k - 1)(1 - alpha))``.
Ally ``j`` pays nothing exactly when ``w_j <= tau = (1 - m) s G / m`` (its best response to ``G`` is the
corner). Because contributors are the allies richer than a threshold, the algorithm sorts incomes and
tries ``k = 1, 2, ...`` until the ``k`` richest satisfy ``w_(k) > tau_k >= w_(k+1)``; BBV prove the
equilibrium is unique, and the code refuses (``RuntimeError``) rather than guess if it ever is not.

**Samuelson optimum.** With a pure public good, efficiency needs ``sum_j MRS_j = 1``. Holding private
consumption in proportion to income (``x_j = (W - G) w_j / W``) this gives ``G* = W / (1 + q)`` with
``q = ((1 - alpha) / (alpha S))^(1 / (1 - rho))`` and ``S = sum_j (w_j / W)^(1 - rho)``; for
Cobb-Douglas ``S = 1`` and ``G* = alpha W`` whatever the distribution.

Every equilibrium is verified: each ally's best response to the others is found numerically
(``scipy.optimize.minimize_scalar``) and the largest utility gain is reported as ``max_regret``;
:meth:`PublicGoodAlliance.game` builds a finite ``NormalFormGame`` on a contribution grid containing the
equilibrium so ``games.equilibria(..., method="pure")`` can confirm it.

Examples
--------
>>> from models.alliances import PublicGoodAlliance
>>> a = PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5)
>>> out = a.outcome()
>>> out["total"], out["optimal_total"], out["n_free_riders"]
(1.5, 2.0, 1)
>>> a.details()["contributions"], a.details()["free_riders"]
((1.5, 0.0), ('ally 2',))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .base import check_range, param, validate
from .registry import register_model

if TYPE_CHECKING:  # pragma: no cover
    from games import NormalFormGame

__all__ = ["PublicGoodAlliance", "exploitation", "UTILITIES", "CLAIM"]

UTILITIES = ("cobb-douglas", "ces")

#: The essay's sentence :class:`PublicGoodAlliance` formalises (quoted verbatim); its ``claim`` attribute.
CLAIM = ("For instance, the so-called problem of collective action, i.e. setting up collective security "
         "systems, especially in peace, may tempt many states to take advantage of their membership without "
         "shouldering appropriate costs thereof (both literally and figuratively).")


def exploitation(sizes: Sequence[float], burdens: Sequence[float]) -> dict[str, float]:
    """Rank correlation of burden with size: the "exploitation of the great by the small".

    Olson and Zeckhauser (1966) predict larger allies bear a larger *share* of their income; they test it
    with a Spearman rank correlation between GNP and defence as % of GNP. One-sided p-values test the
    alternative of a positive association (scipy.stats, ``alternative="greater"``).

    Parameters
    ----------
    sizes : sequence of float
        Size of each ally (GDP, income).
    burdens : sequence of float
        Burden of each ally (defence / GDP).

    Returns
    -------
    dict
        ``n``, ``spearman_rho``, ``spearman_p_two_sided``, ``spearman_p_greater``, ``kendall_tau``,
        ``kendall_p_two_sided``, ``kendall_p_greater``.

    Examples
    --------
    >>> s = exploitation([1, 2, 3, 4], [0.1, 0.3, 0.2, 0.4])
    >>> s["spearman_rho"], round(s["kendall_tau"], 6)
    (0.8, 0.666667)
    >>> exploitation([1, 2], [1, 2])
    Traceback (most recent call last):
    ...
    ValueError: sizes and burdens need at least 3 allies for a rank correlation; got 2
    """
    from scipy import stats

    x = np.asarray(sizes, dtype=float)
    y = np.asarray(burdens, dtype=float)
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape:
        raise ValueError(f"sizes and burdens must be 1-D of the same length; got shapes {x.shape} and {y.shape}")
    if x.size < 3:
        raise ValueError(f"sizes and burdens need at least 3 allies for a rank correlation; got {x.size}")
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise ValueError("sizes and burdens must be finite numbers")
    for name, v in (("sizes", x), ("burdens", y)):
        if np.all(v == v[0]):
            raise ValueError(f"{name} are all equal ({v[0]}): the rank correlation is undefined")
    rho, p2 = stats.spearmanr(x, y)
    _, p1 = stats.spearmanr(x, y, alternative="greater")
    tau, q2 = stats.kendalltau(x, y)
    _, q1 = stats.kendalltau(x, y, alternative="greater")
    return {"n": int(x.size), "spearman_rho": float(rho), "spearman_p_two_sided": float(p2),
            "spearman_p_greater": float(p1), "kendall_tau": float(tau),
            "kendall_p_two_sided": float(q2), "kendall_p_greater": float(q1)}


@register_model(claim=CLAIM, headlines=("alliances-burden-vs-size", "alliances-total-vs-optimum"))
@dataclass(frozen=True)
class PublicGoodAlliance:
    """Allies with unequal incomes buying defence, a (partly) public good: Olson-Zeckhauser / BBV.

    Quoted claim (the essay): "the so-called problem of collective action ... may tempt many states to
    take advantage of their membership without shouldering appropriate costs thereof" (the full sentence
    is :attr:`claim`).

    Examples
    --------
    Three allies, Cobb-Douglas with alpha = 1/2: the two rich ones pay, the poor one free-rides
    (G = alpha W_C / (1 + (k-1)(1-alpha)) = 5 / 1.5; each contributor pays its income minus G).

    >>> a = PublicGoodAlliance(incomes=(6.0, 4.0, 1.0), alpha=0.5)
    >>> d = a.details()
    >>> [round(g, 6) for g in d["contributions"]], d["free_riders"]
    ([2.666667, 0.666667, 0.0], ('ally 3',))
    >>> out = a.outcome()
    >>> round(out["total"], 6), out["n_contributors"], out["max_regret"] < 1e-9
    (3.333333, 2, True)
    >>> PublicGoodAlliance(incomes=(1.0, -2.0))
    Traceback (most recent call last):
    ...
    ValueError: incomes must all be positive; got -2.0 for ally 2
    """

    incomes: tuple[float, ...] = param((3.0, 2.0, 1.0), "income (any currency unit)",
                                       "each ally's income (e.g. GDP)")
    alpha: float = param(0.5, "1", "weight of defence in utility, in (0, 1)",
                         low=0, high=1, low_open=True, high_open=True)
    utility: str = param("cobb-douglas", "-", "'cobb-douglas' or 'ces'", choices=UTILITIES)
    rho: float = param(0.5, "1", "CES exponent (rho < 1, rho != 0; elasticity 1/(1-rho)); CES only",
                       high=1, high_open=True)
    private_share: float = param(0.0, "1", "joint product: share of an ally's own defence that is private",
                                 low=0, high=1)
    names: tuple[str, ...] | None = param(None, "-", "ally names (default 'ally 1', 'ally 2', ...)")
    tol: float = param(1e-9, "utility", "tolerance for the best-response check (incomes normalised to sum 1)",
                       low=0, low_open=True)

    def __post_init__(self) -> None:
        inc = self.incomes
        if isinstance(inc, (str, bytes)) or not hasattr(inc, "__len__"):
            raise TypeError(f"incomes must be a sequence of positive numbers; got {type(inc).__name__}")
        if len(inc) < 1:
            raise ValueError("incomes must hold at least one ally; got an empty sequence")
        vals = []
        for k, w in enumerate(inc):
            v = check_range(name=f"incomes[{k}]", value=w)
            if not math.isfinite(v) or v <= 0:
                raise ValueError(f"incomes must all be positive; got {w} for ally {k + 1}")
            vals.append(v)
        object.__setattr__(self, "incomes", tuple(vals))
        validate(self)
        if self.utility == "ces" and self.rho == 0:
            raise ValueError("rho must be != 0 for CES (rho = 0 is Cobb-Douglas: use utility='cobb-douglas')")
        if self.names is not None:
            names = tuple(str(n) for n in self.names)
            if len(names) != len(vals):
                raise ValueError(f"names must name {len(vals)} allies; got {len(names)}")
            object.__setattr__(self, "names", names)

    # ------------------------------------------------------------------ basic quantities
    @property
    def labels(self) -> tuple[str, ...]:
        """Ally names."""
        return self.names if self.names is not None else tuple(f"ally {k + 1}" for k in range(len(self.incomes)))

    @property
    def spend_share(self) -> float:
        """``m``: the share of full income spent on defence (``alpha`` for Cobb-Douglas).

        >>> PublicGoodAlliance(alpha=0.3).spend_share
        0.3
        >>> round(PublicGoodAlliance(alpha=0.5, utility="ces", rho=0.5).spend_share, 12)
        0.5
        """
        if self.utility == "cobb-douglas":
            return float(self.alpha)
        return math.exp(self._log_spend_share())

    def _log_spend_share(self) -> float:
        """``log m``: for CES ``m = r / (1 + r)``, ``r = (alpha / (1 - alpha))^(1 / (1 - rho))``, in logs (``r``
        overflows and ``m`` underflows as ``rho -> 1``)."""
        from scipy.special import log_expit

        if self.utility == "cobb-douglas":
            return math.log(self.alpha)
        return float(log_expit((math.log(self.alpha) - math.log1p(-self.alpha)) / (1.0 - self.rho)))

    def _log_optimal_share(self) -> float:
        """``log(optimal_total / sum(incomes))`` (pure public good), in logs."""
        from scipy.special import log_expit, logsumexp

        w = np.asarray(self.incomes, dtype=float)
        rho = 0.0 if self.utility == "cobb-douglas" else self.rho
        with np.errstate(divide="ignore"):   # an income below the floats' resolution of the total: log 0
            log_s = float(logsumexp((1.0 - rho) * np.log(w / w.sum())))
        # optimal = total / (1 + q), q = ((1 - alpha) / (alpha S))^(1 / (1 - rho))
        log_q = (math.log1p(-self.alpha) - math.log(self.alpha) - log_s) / (1.0 - rho)
        return float(log_expit(-log_q))

    def utility_of(self, x: Any, d: Any) -> np.ndarray:
        """Utility of private consumption ``x`` and enjoyed defence ``d`` (arrays broadcast).

        >>> float(PublicGoodAlliance(alpha=0.5).utility_of(4.0, 1.0))
        2.0
        """
        x = np.maximum(np.asarray(x, dtype=float), 0.0)
        d = np.maximum(np.asarray(d, dtype=float), 0.0)
        a = self.alpha
        if self.utility == "cobb-douglas":
            return x ** (1 - a) * d ** a
        from scipy.special import logsumexp

        r = self.rho
        # ((1 - a) x^r + a d^r)^(1/r) in logs: no overflow for any rho (a zero good gives 0 when rho < 0)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            lx, ld = np.broadcast_arrays(np.log(x), np.log(d))
            terms = np.stack([math.log1p(-a) + r * lx, math.log(a) + r * ld])
            log_u = logsumexp(terms, axis=0) / r
            # near the Cobb-Douglas limit (r ln x small) the log-sum is 0 + O(r) and dividing it by r loses every
            # digit; log1p((1 - a) expm1(r ln x) + a expm1(r ln d)) / r keeps them
            small = np.maximum(np.abs(r * lx), np.abs(r * ld)) < 1
            if np.any(small):
                near = np.log1p((1 - a) * np.expm1(r * lx) + a * np.expm1(r * ld)) / r
                log_u = np.where(small, near, log_u)
            return np.exp(log_u)

    # ------------------------------------------------------------------ equilibrium
    def _normalised(self) -> np.ndarray:
        w = np.asarray(self.incomes, dtype=float)
        return w / w.sum()

    def _equilibrium_normalised(self) -> tuple[np.ndarray, int, float]:
        """Contributions (incomes normalised to sum 1), number of contributors, income threshold."""
        w = self._normalised()
        m, s = self.spend_share, 1.0 - self.private_share
        order = np.argsort(-w, kind="stable")
        ws = w[order]
        cum = np.cumsum(ws)
        eps = 1e-12   # an ally whose income equals the threshold pays 0 either way (a tie, not two equilibria)
        found = []
        for k in range(1, len(ws) + 1):
            share = cum[k - 1] / (1.0 + (k - 1) * (1.0 - m) * s)   # total / m (m may underflow to 0)
            total = m * share
            tau = (1.0 - m) * s * share
            if ws[k - 1] >= tau * (1 - eps) and (k == len(ws) or ws[k] <= tau * (1 + eps)):
                found.append((k, total, tau))
        if not found or any(abs(t - found[0][2]) > 1e-9 * found[0][2] for _, _, t in found):
            raise RuntimeError(f"expected one consistent contributor set (BBV uniqueness); found "
                               f"{[(k, t) for k, t, _ in found]} for incomes {self.incomes}")
        k, total, tau = found[0]
        g = np.zeros_like(w)
        top = order[:k]
        # (m w - (1 - m) s total) / (1 - (1 - m) s) with total = m share: a factor m taken out, and
        # w - tau = (w - s share) + m s share, exact for a lone contributor however small m is
        share = tau / ((1.0 - m) * s) if tau else cum[k - 1] / (1.0 + (k - 1) * (1.0 - m) * s)
        factor = 1.0 if s == 1 else m / (1.0 - s + m * s)
        above = (w[top] - s * share) + m * s * share
        g[top] = np.maximum(factor * above, 0.0)
        # counted before the factor m; an m below the floats still adds m s share > 0 to w - s share >= 0
        k = int(np.count_nonzero((above > 0) | (w[top] >= s * share)))
        return g, k, tau

    def best_response(self, ally: int, contributions: Sequence[float]) -> float:
        """Ally ``ally``'s best contribution to the others' ``contributions`` (closed form, same units).

        >>> PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5).best_response(1, [1.5, 0.0])
        0.0
        """
        g = np.asarray(contributions, dtype=float)
        n = len(self.incomes)
        if g.shape != (n,):
            raise ValueError(f"contributions must hold {n} numbers; got shape {g.shape}")
        if not 0 <= ally < n:
            raise ValueError(f"ally must be an index in 0..{n - 1}; got {ally}")
        m, s = self.spend_share, 1.0 - self.private_share
        others = g.sum() - g[ally]
        return float(max(0.0, m * self.incomes[ally] - (1.0 - m) * s * others))

    def _numeric_regrets(self, g: np.ndarray) -> np.ndarray:
        """Each ally's utility gain from its numerically optimal deviation (normalised incomes)."""
        from scipy.optimize import minimize_scalar

        w = self._normalised()
        s = 1.0 - self.private_share
        out = np.empty(len(w))
        for i, wi in enumerate(w):
            others = g.sum() - g[i]

            def neg_u(c: float, i: int = i, wi: float = wi, others: float = others) -> float:
                return -float(self.utility_of(wi - c, c + s * others))

            res = minimize_scalar(neg_u, bounds=(0.0, wi), method="bounded",
                                  options={"xatol": 1e-13})
            best = max(-res.fun, -neg_u(0.0), -neg_u(wi))
            out[i] = max(0.0, best + neg_u(g[i]))
        return out

    def optimal_total(self) -> float:
        """Samuelson-optimal defence (pure public good; ``nan`` with a private share), income units.

        >>> PublicGoodAlliance(incomes=(3.0, 2.0, 1.0), alpha=0.25).optimal_total()
        1.5
        """
        if self.private_share > 0:
            return float("nan")
        w = np.asarray(self.incomes, dtype=float)
        total = w.sum()
        return float(total * math.exp(self._log_optimal_share()))

    # ------------------------------------------------------------------ the finite game
    def game(self, levels: int = 5, max_profiles: int = 200_000) -> NormalFormGame:
        """A finite ``NormalFormGame`` on a contribution grid that contains the equilibrium.

        Each ally chooses among ``levels`` evenly spaced contributions in ``[0, income)`` plus its
        equilibrium contribution; payoffs are utilities (incomes normalised to sum 1). The equilibrium
        of the continuous game is a pure equilibrium of this one, which ``games.equilibria`` can check.

        Examples
        --------
        >>> import games
        >>> a = PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5)
        >>> eqs = games.equilibria(a.game(levels=4), method="pure")
        >>> [eq.pure_actions() for eq in eqs]
        [('0.375', '0')]
        """
        from games import NormalFormGame

        if isinstance(levels, bool) or not isinstance(levels, (int, np.integer)) or levels < 2:
            raise ValueError(f"levels must be an int >= 2; got {levels!r}")
        g_star, _, _ = self._equilibrium_normalised()
        w = self._normalised()
        grids = []
        for wi, gi in zip(w, g_star):
            pts = set(np.round(np.linspace(0.0, wi, levels, endpoint=False), 12).tolist())
            pts.add(round(float(gi), 12))
            grids.append(sorted(pts))
        size = int(np.prod([len(p) for p in grids], dtype=float))
        if size > max_profiles:
            raise ValueError(f"the grid game would have {size} profiles (> max_profiles={max_profiles}); "
                             "use fewer levels or allies, or rely on outcome()'s exact equilibrium")
        s = 1.0 - self.private_share
        mesh = np.meshgrid(*[np.asarray(p) for p in grids], indexing="ij")
        total = sum(mesh)
        pay = np.stack([self.utility_of(w[i] - mesh[i], mesh[i] + s * (total - mesh[i]))
                        for i in range(len(w))], axis=-1)
        actions = [[f"{v:.6g}" for v in p] for p in grids]
        return NormalFormGame(pay, players=self.labels, actions=actions,
                              title="alliance contributions on a grid (incomes normalised to sum 1)")

    # ------------------------------------------------------------------ outcome
    def details(self) -> dict[str, tuple]:
        """Per ally, in the order of ``incomes``: ``contributions`` (income units), ``burden`` (contribution
        / income), ``private_consumption``, and the names of the ``contributors`` and ``free_riders``.

        Examples
        --------
        Incomes (3, 1), alpha = 1/2: the rich ally alone buys G = alpha w_1 = 1.5 (BBV).

        >>> d = PublicGoodAlliance(incomes=(3.0, 1.0), alpha=0.5).details()
        >>> d["contributions"], d["burden"], d["private_consumption"], d["contributors"]
        ((1.5, 0.0), (0.5, 0.0), (1.5, 1.0), ('ally 1',))
        """
        g_n, _, _ = self._equilibrium_normalised()
        w = np.asarray(self.incomes, dtype=float)
        g = g_n * float(w.sum())
        labels = self.labels
        return {
            "contributions": tuple(float(v) for v in g),
            "burden": tuple(float(v) for v in g / w),
            "private_consumption": tuple(float(v) for v in w - g),
            "contributors": tuple(lab for lab, v in zip(labels, g_n) if v > 0),
            "free_riders": tuple(lab for lab, v in zip(labels, g_n) if v <= 0),
        }

    def _total_to_optimal(self, total: float, opt: float, k: int) -> float:
        """``total / opt``; in logs when either underflows (spend share ``m`` below the floats)."""
        if opt != opt:
            return float("nan")
        if total > 0 and opt > 0:
            return total / opt
        w = np.sort(self._normalised())[::-1]
        m = self.spend_share
        log_share = math.log(w[:k].sum()) - math.log1p((k - 1) * (1.0 - m))
        return math.exp(self._log_spend_share() + log_share - self._log_optimal_share())

    def outcome(self) -> dict[str, Any]:
        """Equilibrium totals, free riding and the verification, as scalars.

        Keys: ``total`` (defence bought), ``optimal_total`` (Samuelson), ``total_to_optimal``,
        ``n_contributors``, ``n_free_riders``, ``income_threshold`` (no ally with this income or less pays),
        ``largest_burden`` (the highest contribution / income), ``max_regret`` (utility, incomes normalised
        to sum 1), ``verified``, and the rank statistics of burden against income (``spearman_rho``, ...,
        ``nan`` when undefined). Each ally's contribution and burden: :meth:`details`.
        """
        g_n, k, tau = self._equilibrium_normalised()
        scale = float(sum(self.incomes))
        g = g_n * scale
        w = np.asarray(self.incomes, dtype=float)
        regrets = self._numeric_regrets(g_n)
        burden = g / w
        total = float(g.sum())
        opt = self.optimal_total()
        out: dict[str, Any] = {
            "total": total,
            "optimal_total": opt,
            "total_to_optimal": self._total_to_optimal(total, opt, k),
            "n_contributors": k,
            "n_free_riders": len(w) - k,
            "income_threshold": float(tau * scale),
            "largest_burden": float(burden.max()),
            "max_regret": float(regrets.max()),
            "verified": bool(regrets.max() <= self.tol),
        }
        try:
            stats = exploitation(w, burden)
        except ValueError:
            stats = dict.fromkeys(("spearman_rho", "spearman_p_two_sided", "spearman_p_greater",
                                   "kendall_tau", "kendall_p_two_sided", "kendall_p_greater"), float("nan"))
        stats.pop("n", None)
        out.update(stats)
        return out
