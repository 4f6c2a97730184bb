"""Logit quantal response equilibria (McKelvey and Palfrey 1995) of finite normal-form games.

A logit QRE at precision ``lam`` is a mixed profile ``p`` with, for every player ``i`` and action ``j``,

    p_ij = exp(lam * u_ij(p)) / sum_k exp(lam * u_ik(p)),

where ``u_ij(p)`` is player ``i``'s expected payoff from action ``j`` against the others' mixtures. At
``lam = 0`` the only QRE is the centroid (every action equally likely); as ``lam`` grows, the *principal
branch* of QREs that starts there converges to a Nash equilibrium (McKelvey and Palfrey 1995, Theorem 3),
which is how :func:`games.equilibria` finds one with ``method="logit"``.

Convention for ``lam``: it multiplies the payoffs as given (McKelvey and Palfrey's and Gambit's
convention), so doubling every payoff halves the ``lam`` at which a profile is reached. With
``normalized=True`` the payoffs are first divided by ``game.payoff_scale`` (the largest payoff range of a
player), so ``lam`` is then unit-free.

The branch is traced by predictor-corrector path following in the coordinates ``x = (log p, lam)``,
where it is the zero set of ``H(x) = log p_ij - lam u_ij(p) + log sum_k exp(lam u_ik(p))`` (one equation
per action, a curve in one more unknown): the tangent is the null vector of the Jacobian of ``H``
(oriented by its inner product with the previous tangent, so turning points, where ``lam`` decreases for
a while, are followed, not jumped), the corrector is Newton's method with the Jacobian's pseudo-inverse,
and the arc-length step grows after easy corrections and is halved after hard ones or sharp bends.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .equilibrium import EquilibriumSet, verify
from .normal_form import NormalFormGame
from .solvers.registry import register_solver
from .validation import as_real_array, check_nonnegative, check_positive_int

__all__ = ["LogitBranch", "LogitFit", "LogitQRE", "fit_logit_qre", "logit_branch", "logit_qre", "logit_residual",
           "logit_equilibrium"]

#: Most points one branch trace computes before it stops (and says so).
MAX_STEPS = 20_000


def _check_game(game: Any) -> NormalFormGame:
    if not isinstance(game, NormalFormGame):
        if hasattr(game, "to_normal_form"):
            return game.to_normal_form()
        raise TypeError(f"game must be a games.NormalFormGame (or have to_normal_form()); got {type(game).__name__}")
    return game


def _check_lam(lam: Any, name: str = "lam") -> float:
    lam = check_nonnegative(lam, name)
    if not math.isfinite(lam):
        raise ValueError(f"{name} must be a finite number >= 0; got {lam}")
    return lam


class _Logit:
    """The logit QRE equations of one game: values, residual and Jacobian in ``(log p, lam)``."""

    def __init__(self, game: NormalFormGame, normalized: bool) -> None:
        if normalized:
            safe = game.float_safe()  # an overflowing range is divided by 4 first; the ratio is the same
            self.payoffs = np.asarray(safe.payoffs, dtype=float) / safe.payoff_scale
        else:
            self.payoffs = np.asarray(game.payoffs, dtype=float)
        self.magnitude = float(np.max(np.abs(self.payoffs))) if self.payoffs.size else 0.0
        self.shape = game.shape
        self.n = len(self.shape)
        self.offsets = np.concatenate([[0], np.cumsum(self.shape)])
        self.size = int(self.offsets[-1])

    def split(self, v: np.ndarray) -> list[np.ndarray]:
        return [v[self.offsets[i]:self.offsets[i + 1]] for i in range(self.n)]

    def values(self, probs: Sequence[np.ndarray]) -> tuple[list[np.ndarray], dict[tuple[int, int], np.ndarray]]:
        """Each player's action values ``u_i`` and the matrices ``D[i, k][j, l] = d u_ij / d p_kl``."""
        n = self.n
        u: list[np.ndarray] = []
        deriv: dict[tuple[int, int], np.ndarray] = {}
        for i in range(n):
            table = self.payoffs[..., i]
            if n == 1:
                u.append(table.copy())
                continue
            for k in range(n):
                if k == i:
                    continue
                t = table
                for j in reversed(range(n)):
                    if j not in (i, k):
                        t = np.tensordot(t, probs[j], axes=([j], [0]))
                deriv[i, k] = t if i < k else t.T  # rows: i's actions, columns: k's actions
            k0 = 1 if i == 0 else 0
            u.append(deriv[i, k0] @ probs[k0])
        return u, deriv

    def residual(self, y: np.ndarray, lam: float) -> tuple[np.ndarray, list, dict, list]:
        probs = [np.exp(v) for v in self.split(y)]
        u, deriv = self.values(probs)
        out = np.empty(self.size)
        sigma = []
        for i in range(self.n):
            z = lam * u[i]
            top = z.max()
            lse = top + math.log(np.exp(z - top).sum())
            sigma.append(np.exp(z - lse))
            out[self.offsets[i]:self.offsets[i + 1]] = y[self.offsets[i]:self.offsets[i + 1]] - z + lse
        return out, probs, (u, deriv), sigma

    def jacobian(self, lam: float, probs: list, values: tuple, sigma: list) -> np.ndarray:
        u, deriv = values
        jac = np.zeros((self.size, self.size + 1))
        jac[:, :self.size] = np.eye(self.size)
        for i in range(self.n):
            rows = slice(self.offsets[i], self.offsets[i + 1])
            jac[rows, -1] = -(u[i] - sigma[i] @ u[i])
            for k in range(self.n):
                if k == i:
                    continue
                d = deriv[i, k]
                block = -lam * (d - sigma[i] @ d) * probs[k][None, :]
                jac[rows, self.offsets[k]:self.offsets[k + 1]] = block
        return jac

    def start(self) -> np.ndarray:
        return np.concatenate([np.full(m, -math.log(m)) for m in self.shape] + [np.zeros(1)])

    def profile(self, y: np.ndarray) -> tuple[np.ndarray, ...]:
        out = []
        for v in self.split(y):
            p = np.exp(v - v.max())
            out.append(p / p.sum())
        return tuple(out)


def _tangent(jac: np.ndarray) -> np.ndarray:
    q, _ = np.linalg.qr(jac.T, mode="complete")
    return q[:, -1]


def _correct(model: _Logit, x: np.ndarray, max_iter: int = 8) -> tuple[np.ndarray, bool, int]:
    """Newton's method with the pseudo-inverse (the nearest point of the curve); returns (x, converged, iterations).

    The residual is judged relative to the size of its terms (``lam`` times the payoffs), which grow with
    ``lam``: rounding alone makes an absolute residual of ``1e-16 * lam * |u|``.
    """
    for it in range(1, max_iter + 1):
        res, probs, values, sigma = model.residual(x[:-1], x[-1])
        jac = model.jacobian(x[-1], probs, values, sigma)
        dx = np.linalg.lstsq(jac, -res, rcond=None)[0]
        x = x + dx
        if not np.all(np.isfinite(x)):
            return x, False, it
        if np.linalg.norm(dx) <= 1e-11 * (1.0 + np.linalg.norm(x)):
            break
    else:
        it = max_iter + 1
    res = model.residual(x[:-1], x[-1])[0]
    bound = 1e-9 * (1.0 + abs(x[-1]) * model.magnitude)
    return x, bool(np.max(np.abs(res)) < bound), it


def _newton_at(model: _Logit, y: np.ndarray, lam: float, max_iter: int = 50) -> tuple[np.ndarray, float]:
    """Newton's method at fixed ``lam`` (a square system); returns (log p, max |residual|)."""
    for _ in range(max_iter):
        res, probs, values, sigma = model.residual(y, lam)
        jac = model.jacobian(lam, probs, values, sigma)[:, :-1]
        try:
            dy = np.linalg.solve(jac, -res)
        except np.linalg.LinAlgError:
            dy = np.linalg.lstsq(jac, -res, rcond=None)[0]
        y = y + dy
        if np.max(np.abs(dy)) < 1e-14 * (1 + np.max(np.abs(y))):
            break
    return y, float(np.max(np.abs(model.residual(y, lam)[0])))


def _trace(model: _Logit, lam_max: float, *, first_step: float = 0.03, max_accel: float = 1.5,
           max_steps: int = MAX_STEPS) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Points ``x = (log p, lam)`` of the principal branch and their tangents, from lam = 0 until lam >= lam_max."""
    x = model.start()
    res, probs, values, sigma = model.residual(x[:-1], 0.0)
    t = _tangent(model.jacobian(0.0, probs, values, sigma))
    if t[-1] < 0:
        t = -t
    yield x, t
    h = first_step
    for _ in range(max_steps):
        if x[-1] >= lam_max:
            return
        pred = x + h * t
        new, ok, its = _correct(model, pred)
        if ok:
            res, probs, values, sigma = model.residual(new[:-1], new[-1])
            t_new = _tangent(model.jacobian(new[-1], probs, values, sigma))
            if t_new @ t < 0:
                t_new = -t_new
            bend = float(np.arccos(np.clip(t_new @ t, -1.0, 1.0)))
            ok = np.linalg.norm(new - pred) <= 0.5 * h + 1e-12 and bend <= 0.35 and new[-1] >= 0
        if not ok:
            h /= 2.0
            if h < 1e-12:
                raise RuntimeError(f"the logit branch could not be followed beyond lam={x[-1]:.6g} "
                                   "(step size underflow)")
            continue
        x, t = new, t_new
        yield x, t
        if its <= 3 and bend < 0.1:
            h *= max_accel
    raise RuntimeError(f"the logit branch needed more than max_steps={max_steps} points to reach lam={lam_max:g} "
                       f"(it got to lam={x[-1]:.6g}); give a smaller lam_max or a larger max_steps")


@dataclass(frozen=True)
class LogitQRE:
    """A logit quantal response equilibrium.

    Attributes
    ----------
    lam : float
        The precision (see the module docstring for its convention).
    profile : tuple of numpy.ndarray
        One probability vector per player.
    residual : float
        ``max |p_ij - exp(lam u_ij) / sum_k exp(lam u_ik)|`` at the profile.
    normalized : bool
        Whether ``lam`` multiplies payoffs divided by the game's payoff scale.

    Examples
    --------
    >>> import games
    >>> q = games.logit_qre(games.NormalFormGame.from_bimatrix([[1, -1], [-1, 1]]), 2.0)
    >>> q.lam, [v.tolist() for v in q.profile]
    (2.0, [[0.5, 0.5], [0.5, 0.5]])
    """

    lam: float
    profile: tuple[np.ndarray, ...]
    residual: float
    normalized: bool = False


def logit_residual(game: NormalFormGame, profile: Sequence[Sequence[float]], lam: float, *,
                   normalized: bool = False) -> float:
    """The largest violation of the logit fixed-point equations by ``profile`` at precision ``lam``.

    Examples
    --------
    >>> import games
    >>> pennies = games.NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> logit_residual(pennies, [[0.5, 0.5], [0.5, 0.5]], 3.0)
    0.0
    """
    game = _check_game(game)
    lam = _check_lam(lam)
    prof = [np.asarray(v, dtype=float) for v in game.as_profile(profile)]
    scale = game.payoff_scale if normalized else 1.0
    worst = 0.0
    for i in range(game.num_players):
        z = lam * game.action_values(i, prof) / scale
        q = np.exp(z - z.max())
        worst = max(worst, float(np.max(np.abs(prof[i] - q / q.sum()))))
    return worst


def logit_qre(game: NormalFormGame, lam: float, *, normalized: bool = False) -> LogitQRE:
    """The logit QRE at precision ``lam`` on the principal branch (its first point at that ``lam``).

    The branch is followed from the centroid (``lam = 0``) until it first reaches ``lam``, and the point
    there is refined by Newton's method at fixed ``lam`` until the fixed-point equations hold to about
    ``1e-12``. Where the branch has turning points, several QREs may share a ``lam``; this is the first
    one met along the branch.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players.
    lam : float
        The precision, ``>= 0``. It multiplies the raw payoffs (McKelvey and Palfrey's and Gambit's
        convention) unless ``normalized``.
    normalized : bool
        Divide the payoffs by ``game.payoff_scale`` first (``lam`` is then unit-free).

    Returns
    -------
    LogitQRE

    Examples
    --------
    Asymmetric matching pennies: the row player gets 9 for (top, left); at ``lam = 1`` she plays top
    far more often than in the Nash equilibrium (1/2), and the column player leans right.

    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    >>> q = games.logit_qre(g, 1.0)
    >>> [v.round(4).tolist() for v in q.profile], q.residual < 1e-12
    ([[0.8936, 0.1064], [0.3128, 0.6872]], True)
    """
    game = _check_game(game)
    lam = _check_lam(lam)
    model = _Logit(game, bool(normalized))
    prev = None
    for x, _ in _trace(model, lam):
        if x[-1] >= lam:
            if prev is None or x[-1] == lam:
                y = x[:-1]
            else:
                w = (lam - prev[-1]) / (x[-1] - prev[-1])
                y = (1 - w) * prev[:-1] + w * x[:-1]
            y, _ = _newton_at(model, y, lam)
            prof = model.profile(y)
            return LogitQRE(lam=lam, profile=prof, residual=logit_residual(game, prof, lam, normalized=normalized),
                            normalized=bool(normalized))
        prev = x
    raise AssertionError("unreachable")  # pragma: no cover - the trace stops only at lam


@dataclass(frozen=True)
class LogitBranch:
    """Points of the principal logit QRE branch, in the order the path visits them.

    Attributes
    ----------
    lam : numpy.ndarray, shape (m,)
        The precision at each point (it decreases for a while after a turning point).
    points : numpy.ndarray, shape (m, n_1 + ... + n_N)
        Each point's probabilities, players' vectors concatenated.
    shape : tuple of int
        The number of actions of each player.
    labels : tuple of str
        Column labels ``"p1[a1]"``, ... of :attr:`points`.
    normalized : bool
        Whether ``lam`` multiplies payoffs divided by the game's payoff scale.

    Examples
    --------
    >>> import games
    >>> b = games.logit_branch(games.NormalFormGame.from_bimatrix([[1, -1], [-1, 1]]), lam_max=2.0)
    >>> float(b.lam[0]), bool(b.lam[-1] >= 2.0), b.profiles[-1][0].tolist()
    (0.0, True, [0.5, 0.5])
    """

    lam: np.ndarray
    points: np.ndarray
    shape: tuple[int, ...]
    labels: tuple[str, ...] = field(default=())
    normalized: bool = False

    def __len__(self) -> int:
        return len(self.lam)

    @property
    def profiles(self) -> list[tuple[np.ndarray, ...]]:
        """Each point as a profile (one probability vector per player)."""
        cuts = np.cumsum(self.shape)[:-1]
        return [tuple(np.split(row, cuts)) for row in self.points]

    @property
    def turning_points(self) -> np.ndarray:
        """Indices of the points where ``lam`` stops increasing or stops decreasing along the path."""
        d = np.sign(np.diff(self.lam))
        return np.flatnonzero(d[1:] * d[:-1] < 0) + 1

    def to_frame(self):
        """A :class:`pandas.DataFrame`: one row per point, columns ``lam`` and one per action.

        Examples
        --------
        >>> import games
        >>> g = games.NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
        >>> games.logit_branch(g, lam_max=1.0).to_frame().columns.tolist()
        ['lam', 'p1[a1]', 'p1[a2]', 'p2[b1]', 'p2[b2]']
        """
        import pandas as pd

        frame = pd.DataFrame(self.points, columns=list(self.labels))
        frame.insert(0, "lam", self.lam)
        return frame


def logit_branch(game: NormalFormGame, lam_max: float = 100.0, *, normalized: bool = False,
                 first_step: float = 0.03, max_accel: float = 1.5, max_steps: int = MAX_STEPS) -> LogitBranch:
    """The principal branch of logit QREs from the centroid (``lam = 0``) to ``lam_max``.

    Parameters
    ----------
    game : NormalFormGame
        Any number of players.
    lam_max : float
        Stop at the first point with ``lam >= lam_max``.
    normalized : bool
        ``lam`` multiplies payoffs divided by ``game.payoff_scale`` (default: the raw payoffs).
    first_step : float
        The first arc-length step in ``(log p, lam)``.
    max_accel : float
        The factor by which the step grows after an easy correction.
    max_steps : int
        Refuse to compute more points than this (a RuntimeError says how far the trace got).

    Returns
    -------
    LogitBranch

    Examples
    --------
    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    >>> branch = games.logit_branch(g, lam_max=50)
    >>> float(branch.lam[0]), branch.points[0].tolist()
    (0.0, [0.5, 0.5, 0.5, 0.5])
    >>> branch.points[-1].round(2).tolist()     # close to the Nash equilibrium (1/2, 1/2), (1/10, 9/10)
    [0.5, 0.5, 0.1, 0.9]
    """
    game = _check_game(game)
    lam_max = _check_lam(lam_max, "lam_max")
    first_step = check_nonnegative(first_step, "first_step")
    max_accel = check_nonnegative(max_accel, "max_accel")
    if first_step == 0 or max_accel < 1:
        raise ValueError(f"first_step must be > 0 and max_accel >= 1; got {first_step} and {max_accel}")
    max_steps = check_positive_int(max_steps, "max_steps")
    model = _Logit(game, bool(normalized))
    lams, rows = [], []
    for x, _ in _trace(model, lam_max, first_step=first_step, max_accel=max_accel, max_steps=max_steps):
        lams.append(float(x[-1]))
        rows.append(np.concatenate(model.profile(x[:-1])))
    labels = tuple(f"p{i + 1}[{a}]" for i, acts in enumerate(game.actions) for a in acts)
    return LogitBranch(lam=np.array(lams), points=np.array(rows), shape=tuple(game.shape), labels=labels,
                       normalized=bool(normalized))


# ---------------------------------------------------------------------------------------------------------
# The branch's limit: one Nash equilibrium


def _indifference(model: _Logit, probs: list[np.ndarray], supports: list[np.ndarray],
                  max_iter: int = 40) -> list[np.ndarray] | None:
    """Solve the indifference equations on ``supports`` by Newton's method from ``probs``; None if it fails."""
    n = model.n
    sizes = [len(s) for s in supports]
    offs = np.concatenate([[0], np.cumsum(sizes)])
    z = np.concatenate([probs[i][supports[i]] / probs[i][supports[i]].sum() for i in range(n)] + [np.zeros(n)])
    full = [np.zeros(m) for m in model.shape]

    def unpack(z: np.ndarray) -> list[np.ndarray]:
        out = [f.copy() for f in full]
        for i in range(n):
            out[i][supports[i]] = z[offs[i]:offs[i + 1]]
        return out

    u, _ = model.values(unpack(z))
    for i in range(n):
        z[offs[-1] + i] = float(np.mean(u[i][supports[i]]))
    for _ in range(max_iter):
        p = unpack(z)
        u, deriv = model.values(p)
        rows = offs[-1] + n
        res = np.zeros(rows)
        jac = np.zeros((rows, offs[-1] + n))
        r = 0
        for i in range(n):
            for j in supports[i]:
                res[r] = u[i][j] - z[offs[-1] + i]
                jac[r, offs[-1] + i] = -1.0
                for k in range(n):
                    if k != i:
                        jac[r, offs[k]:offs[k + 1]] = deriv[i, k][j, supports[k]]
                r += 1
        for i in range(n):
            res[r] = z[offs[i]:offs[i + 1]].sum() - 1.0
            jac[r, offs[i]:offs[i + 1]] = 1.0
            r += 1
        dz = np.linalg.lstsq(jac, -res, rcond=None)[0]
        z = z + dz
        if not np.all(np.isfinite(z)):
            return None
        if np.max(np.abs(dz)) < 1e-15:
            break
    p = unpack(z)
    if any(np.any(v < -1e-12) for v in p):
        return None
    return [np.clip(v, 0.0, None) / np.clip(v, 0.0, None).sum() for v in p]


def _regret(model: _Logit, probs: list[np.ndarray]) -> float:
    u, _ = model.values(probs)
    return max(float(u[i].max() - probs[i] @ u[i]) for i in range(model.n))


@register_solver("logit", game_type=NormalFormGame, rank=60, finds="one",
                 summary="the limit of the principal logit QRE branch (path following from the centroid), "
                         "polished on its support")
def logit_equilibrium(game: NormalFormGame, *, tol: float = 1e-9, exact: bool = False,
                      lam_max: float = 1e8, max_steps: int = MAX_STEPS) -> EquilibriumSet:
    """One Nash equilibrium: the limit of the principal logit QRE branch, polished and verified.

    The branch is followed as ``lam`` grows; once the profile is nearly a best reply to itself (regret
    below ``1e-3`` of the payoff range), its support (the actions with probability above ``1e-6``, then
    ``1e-9``, of the player's largest) is fixed and the indifference equations on it are solved by
    Newton's method (exact in one step for two players, whose equations are linear); a solution within
    ``1e-3`` of the branch's current point is verified against the game. Use through
    :func:`games.equilibria` with ``method="logit"``.

    Parameters
    ----------
    lam_max : float
        Give up (an empty result saying so) when the branch reaches this precision without a verified
        limit (raw payoff units).
    max_steps : int
        The most branch points computed.

    Examples
    --------
    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    >>> eq = games.equilibria(g, method="logit")[0]
    >>> [v.round(9).tolist() for v in eq.profile]
    [[0.5, 0.5], [0.1, 0.9]]
    """
    if exact:
        raise ValueError("method='logit' has no exact mode; use method='polynomial' with exact=True")
    lam_max = _check_lam(lam_max, "lam_max")
    max_steps = check_positive_int(max_steps, "max_steps")
    model = _Logit(game, normalized=True)  # unit-free lam: the same schedule for every payoff scale
    lam_max = lam_max * game.payoff_scale if math.isfinite(game.payoff_scale) else lam_max
    tried: dict[tuple, float] = {}
    last = 0.0
    failure = ""
    points = _trace(model, lam_max, max_steps=max_steps)
    while True:
        try:
            x, _ = next(points)
        except StopIteration:
            break
        except RuntimeError as err:
            failure = f" ({err})"
            break
        last = float(x[-1])
        probs = list(model.profile(x[:-1]))
        regret = _regret(model, probs)
        if regret > 1e-3:
            continue
        for floor in (1e-6, 1e-9):
            supports = [np.flatnonzero(v > floor * v.max()) for v in probs]
            key = (floor, tuple(tuple(s.tolist()) for s in supports))
            if key in tried and regret > tried[key] / 10:
                continue  # this support failed from a start nearly as good: wait until the branch is closer
            tried[key] = regret
            polished = _indifference(model, probs, supports)
            if polished is None or max(float(np.max(np.abs(a - b))) for a, b in zip(polished, probs)) > 1e-3:
                continue  # no solution, or one the branch is not (yet) converging to
            eq = verify(game, polished, "logit", tol)
            if eq is not None:
                note = (f"one equilibrium: the limit of the principal logit QRE branch (reached at lam = "
                        f"{last / game.payoff_scale:.4g} in raw payoff units), polished on its support")
                return EquilibriumSet([eq], method="logit", complete=False, note=note)
    return EquilibriumSet([], method="logit", complete=False, rejected=len(tried),
                          note=f"the logit branch reached lam = {last / game.payoff_scale:.4g} without a verified "
                               f"limit{failure}; "
                               "use method='polynomial' (small games) or a larger lam_max")


# ---------------------------------------------------------------------------------------------------------
# Maximum-likelihood estimation of lam


@dataclass(frozen=True)
class LogitFit:
    """A maximum-likelihood fit of the logit QRE precision to observed action counts.

    Attributes
    ----------
    lam : float
        The estimate (on the principal branch).
    se : float
        Its standard error, ``1 / sqrt(-d^2 logL / d lam^2)`` (observed Fisher information; ``nan`` when the
        curvature is not negative).
    log_likelihood : float
        ``sum_ij n_ij log p_ij(lam)``.
    profile : tuple of numpy.ndarray
        The fitted QRE (predicted choice frequencies).
    converged : bool
        True when an interior maximum along the traced branch was found and refined.
    note : str
        What happened (e.g. the likelihood still rising at ``lam_max``).

    Examples
    --------
    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    >>> fit = games.fit_logit_qre(g, [[60, 40], [30, 70]])
    >>> fit.converged, round(fit.lam, 3) > 0
    (True, True)
    """

    lam: float
    se: float
    log_likelihood: float
    profile: tuple[np.ndarray, ...]
    converged: bool
    note: str = ""


def _counts(game: NormalFormGame, counts: Any) -> list[np.ndarray]:
    if len(counts) != game.num_players:
        raise ValueError(f"counts must hold one vector of action counts per player ({game.num_players}); "
                         f"got {len(counts)}")
    out = []
    for i, (c, m) in enumerate(zip(counts, game.shape)):
        v = as_real_array(c, f"counts[{i}]", ndim=1)
        if v.shape != (m,):
            raise ValueError(f"counts[{i}] must have {m} entries (one per action of player {i + 1}); got {v.shape}")
        if np.any(v < 0):
            raise ValueError(f"counts[{i}] must be non-negative; got {v.tolist()}")
        out.append(v)
    if sum(float(v.sum()) for v in out) == 0:
        raise ValueError("counts must hold at least one observation")
    return out


def fit_logit_qre(game: NormalFormGame, counts: Sequence[Sequence[float]], *, lam_max: float = 1e4,
                  normalized: bool = False) -> LogitFit:
    """Maximum-likelihood estimate of the logit precision ``lam`` from observed action counts.

    The log-likelihood ``sum_ij n_ij log p_ij(lam)`` is evaluated along the principal branch (traced to
    ``lam_max``); its largest value there is refined by Brent's root finding on the likelihood's slope in
    ``lam`` (from the implicit function theorem on the QRE equations, with QREs by Newton's method at fixed
    ``lam``) between the neighbouring branch points, and the standard error is the inverse square root of
    minus the likelihood's second derivative in ``lam`` (the observed Fisher information; a central
    difference of the slope).

    Parameters
    ----------
    game : NormalFormGame
    counts : sequence of array_like
        For each player, how often each action was observed.
    lam_max : float
        How far the branch is searched (the estimate is flagged unconverged if the maximum is there).
    normalized : bool
        ``lam`` multiplies payoffs divided by ``game.payoff_scale`` (default: raw payoffs).

    Returns
    -------
    LogitFit

    Examples
    --------
    Data generated exactly by the QRE at ``lam = 2`` recover ``lam = 2``:

    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[9, 0], [0, 1]], [[0, 1], [1, 0]])
    >>> q = games.logit_qre(g, 2.0)
    >>> fit = games.fit_logit_qre(g, [1000 * v for v in q.profile])
    >>> round(fit.lam, 6), fit.converged
    (2.0, True)
    """
    from scipy.optimize import brentq

    game = _check_game(game)
    data = _counts(game, counts)
    lam_max = _check_lam(lam_max, "lam_max")
    model = _Logit(game, bool(normalized))
    n_all = np.concatenate(data)
    xs = [x.copy() for x, _ in _trace(model, lam_max)]

    def loglik_y(y: np.ndarray) -> float:
        logp = np.concatenate([v - (v.max() + math.log(np.exp(v - v.max()).sum())) for v in model.split(y)])
        mask = n_all > 0
        return float(n_all[mask] @ logp[mask])

    values = [loglik_y(x[:-1]) for x in xs]
    best = int(np.argmax(values))
    lams = np.array([x[-1] for x in xs])
    if best == len(xs) - 1:
        x = xs[best]
        prof = model.profile(x[:-1])
        return LogitFit(lam=float(x[-1]), se=float("nan"), log_likelihood=values[best], profile=prof,
                        converged=False, note=f"the likelihood is still rising at lam_max = {lam_max:g}: the data "
                                              "are as close to a Nash equilibrium as the branch goes")
    lo, hi = best - 1 if best > 0 else 0, best + 1
    monotone = np.all(np.diff(lams[lo:hi + 1]) > 0)
    start = xs[best][:-1]
    cache: dict[float, np.ndarray] = {}

    def at(lam: float) -> np.ndarray:
        if lam not in cache:
            cache[lam] = _newton_at(model, start, lam)[0]
        return cache[lam]

    def slope(lam: float) -> float:  # d logL / d lam = n . d(log p)/d lam, by the implicit function theorem
        y = at(lam)
        res, probs, values, sigma = model.residual(y, lam)
        jac = model.jacobian(lam, probs, values, sigma)
        return float(n_all @ np.linalg.solve(jac[:, :-1], -jac[:, -1]))

    ok = False
    lam_hat = float(lams[best])
    if monotone and hi > lo and slope(lams[lo]) > 0 > slope(lams[hi]):
        lam_hat, info = brentq(slope, lams[lo], lams[hi], xtol=1e-14, rtol=4 * np.finfo(float).eps,
                               full_output=True)
        ok = bool(info.converged)
    y_hat = at(lam_hat)
    h = 1e-5 * max(1.0, lam_hat)
    second = (slope(lam_hat + h) - slope(max(lam_hat - h, 0.0))) / (lam_hat + h - max(lam_hat - h, 0.0))
    se = 1.0 / math.sqrt(-second) if second < 0 else float("nan")
    note = "" if ok else "a turning point of the branch lies next to the maximum: the estimate is a branch point"
    return LogitFit(lam=lam_hat, se=se, log_likelihood=loglik_y(y_hat), profile=model.profile(y_hat),
                    converged=ok and second < 0, note=note)
