"""Equilibrium records: every one is checked against its game before it is handed out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from .normal_form import NormalFormGame

__all__ = ["Equilibrium", "EquilibriumSet", "rejection_note", "verify", "verify_bimatrix", "verify_bimatrix_batch"]

#: Float probabilities at or below this are round-off and are set to 0 by :func:`verify`.
PROBABILITY_FLOOR = 1e-12


@dataclass(frozen=True, eq=False)
class Equilibrium:
    """A verified Nash equilibrium of a finite game.

    Attributes
    ----------
    profile : tuple of numpy.ndarray
        One probability vector per player (Fractions when ``exact``).
    payoffs : numpy.ndarray
        Each player's expected payoff.
    regret : float or Fraction
        The largest gain from a unilateral deviation, computed from the game (0 when exact).
    method : str
        The algorithm that found it.
    exact : bool
        Whether the profile is in exact rational arithmetic.
    tol : float
        The absolute tolerance the regret was checked against (0 for exact equilibria).

    Examples
    --------
    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> eq = games.equilibria(g, exact=True)[0]
    >>> [v.tolist() for v in eq.profile]
    [[Fraction(1, 2), Fraction(1, 2)], [Fraction(1, 2), Fraction(1, 2)]]
    >>> eq.regret
    Fraction(0, 1)
    """

    profile: tuple[np.ndarray, ...]
    payoffs: np.ndarray
    regret: float | Fraction
    method: str
    exact: bool
    tol: float
    labels: tuple[tuple[str, ...], ...] = field(default=(), repr=False)

    @property
    def supports(self) -> tuple[tuple[int, ...], ...]:
        """Indices of the actions each player uses with positive probability."""
        return tuple(tuple(int(k) for k in np.flatnonzero([p > 0 for p in v])) for v in self.profile)

    @property
    def is_pure(self) -> bool:
        """True when every player uses a single action."""
        return all(len(s) == 1 for s in self.supports)

    def as_float(self) -> tuple[np.ndarray, ...]:
        """The profile as float arrays."""
        return tuple(np.asarray(v, dtype=float) for v in self.profile)

    def pure_actions(self) -> tuple[str, ...] | None:
        """Action labels of a pure equilibrium, else ``None``."""
        if not self.is_pure or not self.labels:
            return None
        return tuple(self.labels[i][s[0]] for i, s in enumerate(self.supports))

    def approx_equal(self, other: Equilibrium, atol: float = 1e-7) -> bool:
        """Whether two equilibria have the same profile up to ``atol``."""
        return all(np.allclose(a, b, atol=atol) for a, b in zip(self.as_float(), other.as_float()))

    @classmethod
    def from_checked_floats(cls, profile: tuple[np.ndarray, ...], payoffs: np.ndarray, regret: float, method: str,
                            tol: float, labels: tuple[tuple[str, ...], ...] = ()) -> Equilibrium:
        """The record of a float equilibrium whose regret the caller has computed from the game and checked.

        The same record as the constructor makes, built without the frozen-field machinery (about a third of
        the time): for compiled solvers that verify their result themselves, where building the record costs
        as much as solving a small game. It does not verify anything; :func:`verify` does.

        Examples
        --------
        >>> import numpy as np
        >>> eq = Equilibrium.from_checked_floats((np.array([1.0, 0.0]), np.array([0.0, 1.0])), np.array([1.0, 2.0]),
        ...                                      0.0, "lemke-howson", 1e-9, (("a1", "a2"), ("b1", "b2")))
        >>> eq.pure_actions(), eq.exact
        (('a1', 'b2'), False)
        """
        eq = object.__new__(cls)
        object.__setattr__(eq, "__dict__", {"profile": profile, "payoffs": payoffs, "regret": regret,
                                            "method": method, "exact": False, "tol": tol, "labels": labels})
        return eq

    def __repr__(self) -> str:
        prof = "; ".join("(" + ", ".join(_fmt(p) for p in v) + ")" for v in self.profile)
        pay = ", ".join(_fmt(p) for p in self.payoffs)
        return f"Equilibrium([{prof}], payoffs=({pay}), regret={_fmt(self.regret)}, method={self.method!r})"


def _fmt(v: Any) -> str:
    if isinstance(v, Fraction):
        return str(v)
    return f"{float(v):.6g}"


def verify(
    game: NormalFormGame,
    profile: Sequence[np.ndarray],
    method: str,
    tol: float,
    exact: bool = False,
) -> Equilibrium | None:
    """Return an :class:`Equilibrium` if ``profile`` is one in ``game``, else ``None``.

    ``tol`` is relative to ``game.payoff_scale``. Exact profiles must have regret exactly 0. Float
    probabilities at or below :data:`PROBABILITY_FLOOR` are treated as round-off and set to 0.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> verify(g, [[1, 0], [1, 0]], "guess", 1e-9) is None
    True
    >>> verify(g, [[0.5, 0.5], [0.5, 0.5]], "guess", 1e-9).supports
    ((0, 1), (0, 1))
    >>> pd = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> verify(pd, [[1e-17, 1.0], [0.0, 1.0]], "guess", 1e-9).is_pure   # 1e-17 is round-off
    True
    """
    if not exact:
        original, game = game, game.float_safe()  # an overflowing payoff range must not disable the check
        if game is not original:
            eq = verify(game, profile, method, tol)
            if eq is None:
                return None
            return Equilibrium(profile=eq.profile, payoffs=original.expected_payoffs(list(eq.profile)),
                               regret=float(eq.regret) * 4.0, method=method, exact=False, tol=eq.tol * 4.0,
                               labels=original.actions)
    abs_tol = 0.0 if exact else tol * game.payoff_scale
    try:
        prof = game.as_profile(profile, tol=max(tol, 1e-9))
    except ValueError:
        return None
    if exact:
        if not game._use_exact(prof):
            raise ValueError("an exact equilibrium needs exact payoffs and an exact profile")
    else:
        # round-off below PROBABILITY_FLOOR is not play: clear it, so supports and is_pure are right
        # (the regret below is computed on the cleaned profile, so the check stays honest)
        prof = [np.asarray(v, dtype=float) for v in prof]
        prof = [np.where(v > PROBABILITY_FLOOR, v, 0.0) for v in prof]
        prof = [v / v.sum() for v in prof]
    r = game.regret(prof)
    if (exact and r != 0) or (not exact and not r <= abs_tol):
        return None
    payoffs = game.expected_payoffs(prof)
    return Equilibrium(
        profile=tuple(prof),
        payoffs=payoffs,
        regret=r if exact else float(max(r, 0.0)),
        method=method,
        exact=exact,
        tol=abs_tol,
        labels=game.actions,
    )


def verify_bimatrix(game: NormalFormGame, x: np.ndarray, y: np.ndarray, method: str,
                    tol: float) -> Equilibrium | None:
    """:func:`verify` for a float profile ``(x, y)`` that a two-player solver computed itself.

    The same check as ``verify(game, [x, y], method, tol)`` (round-off below :data:`PROBABILITY_FLOOR`
    cleared, regret computed from the game's payoffs and compared with ``tol * game.payoff_scale``), done
    with two matrix-vector products instead of the general N-player path, and without re-validating a
    profile the solver built as probability vectors. Games whose payoff range overflows go through
    :func:`verify`.

    Examples
    --------
    >>> import numpy as np
    >>> from games import NormalFormGame
    >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> verify_bimatrix(g, np.array([0.5, 0.5]), np.array([0.5, 0.5]), "guess", 1e-9).regret
    0.0
    >>> verify_bimatrix(g, np.array([1.0, 0.0]), np.array([1.0, 0.0]), "guess", 1e-9) is None
    True
    """
    scale = game.payoff_scale
    if not np.isfinite(scale):
        return verify(game, [x, y], method, tol)
    x = np.where(x > PROBABILITY_FLOOR, x, 0.0)
    y = np.where(y > PROBABILITY_FLOOR, y, 0.0)
    x, y = x / x.sum(), y / y.sum()
    A, B = game.bimatrix
    Ay, xB = A @ y, x @ B
    payoffs = np.array([x @ Ay, xB @ y])
    r = max(float(Ay.max() - payoffs[0]), float(xB.max() - payoffs[1]), 0.0)
    abs_tol = tol * scale
    if not r <= abs_tol:
        return None
    return Equilibrium(profile=(x, y), payoffs=payoffs, regret=r, method=method, exact=False, tol=abs_tol,
                       labels=game.actions)


def verify_bimatrix_batch(game: NormalFormGame, X: np.ndarray, Y: np.ndarray, method: str, tol: float,
                          player_tol: np.ndarray | None = None) -> list[Equilibrium | None]:
    """:func:`verify_bimatrix` for many float profiles at once: row ``k`` of ``X`` and of ``Y`` is one profile.

    The same check for each row (round-off below :data:`PROBABILITY_FLOOR` cleared, each strategy
    normalised, regret computed from the game's payoffs and compared with ``tol * game.payoff_scale``), as
    two matrix products for all rows. With ``player_tol`` (one absolute tolerance per player), each
    player's own regret must also be within it. Returns an :class:`Equilibrium` or ``None`` per row. Games
    whose payoff range overflows go through :func:`verify` one profile at a time.

    Examples
    --------
    >>> import numpy as np
    >>> from games import NormalFormGame
    >>> g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> eqs = verify_bimatrix_batch(g, np.array([[0.5, 0.5], [1.0, 0.0]]), np.array([[0.5, 0.5], [1.0, 0.0]]),
    ...                             "guess", 1e-9)
    >>> eqs[0].regret, eqs[1]
    (0.0, None)
    """
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if len(X) == 0:
        return []
    scale = game.payoff_scale
    if not np.isfinite(scale):
        out = [verify(game, [x, y], method, tol) for x, y in zip(X, Y)]
        if player_tol is not None:
            out = [None if e is None or np.any(np.asarray(game.regrets(list(e.profile)), dtype=float) > player_tol)
                   else e for e in out]
        return out
    X = np.where(X > PROBABILITY_FLOOR, X, 0.0)
    Y = np.where(Y > PROBABILITY_FLOOR, Y, 0.0)
    X /= X.sum(axis=1)[:, None]
    Y /= Y.sum(axis=1)[:, None]
    payoffs = game.payoffs
    AY = Y @ payoffs[..., 0].T
    XB = X @ payoffs[..., 1]
    p1 = (X * AY).sum(axis=1)
    p2 = (XB * Y).sum(axis=1)
    r1 = AY.max(axis=1) - p1
    r2 = XB.max(axis=1) - p2
    regret = np.maximum(r1, r2).clip(0.0)
    abs_tol = tol * scale
    ok = regret <= abs_tol
    if player_tol is not None:
        ok &= (r1 <= player_tol[0]) & (r2 <= player_tol[1])
    labels = game.actions
    return [Equilibrium(profile=(X[k], Y[k]), payoffs=np.array([p1[k], p2[k]]), regret=float(regret[k]),
                        method=method, exact=False, tol=abs_tol, labels=labels) if ok[k] else None
            for k in range(len(X))]


def rejection_note(rejected: int, tol: float, remedy: str = "retry with exact=True or a larger tol") -> str:
    """What a caller should know when ``rejected`` candidates failed verification at ``tol``.

    Examples
    --------
    >>> print(rejection_note(2, 1e-9))  # doctest: +NORMALIZE_WHITESPACE
    2 candidate(s) failed verification at tol=1e-09, so equilibria may be missing:
    retry with exact=True or a larger tol
    """
    return f"{rejected} candidate(s) failed verification at tol={tol:g}, so equilibria may be missing: {remedy}"


class EquilibriumSet(Sequence[Equilibrium]):
    """The equilibria a solver found, with what is known about their completeness.

    Attributes
    ----------
    method : str
        The algorithm used.
    complete : bool
        True when the list is provably every equilibrium (non-degenerate two-player games), every
        extreme equilibrium (degenerate two-player games), or every pure equilibrium (``method="pure"``).
    degenerate : bool or None
        Whether the (two-player) game is degenerate; ``None`` when not determined.
    components : list of list of int
        Indices (into this set) of extreme equilibria that lie in the same connected component of
        the equilibrium set (two-player enumeration only; else each equilibrium on its own).
    rejected : int
        Candidates the algorithm produced that failed verification and were dropped.
    value : float or Fraction or None
        The value of a zero-sum game (``method="zero-sum"``).
    note : str
        What the caller should know (e.g. "pure equilibria only").

    Examples
    --------
    >>> import games
    >>> g = games.NormalFormGame.from_bimatrix([[1, 1], [0, 0]], [[1, 1], [0, 0]])   # degenerate
    >>> eqs = games.equilibria(g)
    >>> len(eqs), eqs.degenerate, eqs.components
    (2, True, [[0, 1]])
    """

    def __init__(
        self,
        items: Sequence[Equilibrium],
        *,
        method: str,
        complete: bool,
        degenerate: bool | None = None,
        components: list[list[int]] | None = None,
        rejected: int = 0,
        value: float | Fraction | None = None,
        note: str = "",
    ) -> None:
        self._items = list(items)
        self.method = method
        self.complete = complete
        self.degenerate = degenerate
        self._components = components  # None: each equilibrium on its own, made when first read
        self.rejected = rejected
        self.value = value
        self.note = note

    @property
    def components(self) -> list[list[int]]:
        """Indices of equilibria in the same connected component (each on its own unless a solver said more)."""
        if self._components is None:
            self._components = [[k] for k in range(len(self._items))]
        return self._components

    @components.setter
    def components(self, value: list[list[int]]) -> None:
        self._components = value

    def __getitem__(self, k):  # type: ignore[override]
        return self._items[k]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Equilibrium]:
        return iter(self._items)

    def __repr__(self) -> str:
        lines = [f"EquilibriumSet(method={self.method!r}, {len(self)} equilibria, complete={self.complete}"
                 + (f", degenerate={self.degenerate}" if self.degenerate is not None else "") + ")"]
        lines += [f"  {eq!r}" for eq in self._items]
        if self.note:
            lines.append(f"  note: {self.note}")
        return "\n".join(lines)

    def to_frame(self):
        """A :class:`pandas.DataFrame` with one row per equilibrium.

        Examples
        --------
        >>> import games
        >>> games.equilibria(games.NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])).to_frame().columns.tolist()[:3]
        ['component', 'regret', 'payoff 1']
        """
        import pandas as pd

        rows = []
        comp_of = {k: c for c, members in enumerate(self.components) for k in members}
        for k, eq in enumerate(self._items):
            row: dict[str, Any] = {"component": comp_of.get(k, k), "regret": float(eq.regret)}
            for i, p in enumerate(eq.payoffs):
                row[f"payoff {i + 1}"] = float(p)
            for i, v in enumerate(eq.profile):
                for a, p in enumerate(v):
                    label = eq.labels[i][a] if eq.labels else f"{i}:{a}"
                    row[f"p{i + 1}[{label}]"] = float(p)
            rows.append(row)
        return pd.DataFrame(rows)
