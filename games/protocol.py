"""The one protocol every game type of the engine shares.

Normal-form, anonymous, threshold, symbolic and tree games answer the same small set of questions, so
:func:`games.equilibria`, sweeps, plots and tests can treat them alike:

- ``num_players``: how many players (one name everywhere);
- ``players``: a label per player; ``actions``: a tuple of action (or strategy) labels per player;
- ``payoff_scale``: the payoff range the tolerances are relative to;
- ``regret(profile)``: the largest gain any player gets by a unilateral deviation from ``profile``;
- ``is_nash(profile, tol)``: whether that regret is at most ``tol`` times the payoff scale;
- ``to_normal_form()``: the game as a :class:`~games.normal_form.NormalFormGame`, where one exists (large
  games refuse with a message that says what to use instead).

What a profile is depends on the game: one probability vector per player for a normal form, a count per
action or one common mixed strategy for an anonymous game, a set of contributors for a threshold game, a
plan (node name -> action) for a tree. Each class documents its own.

Examples
--------
>>> import games
>>> from games.protocol import Game
>>> pd = games.NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
>>> isinstance(pd, Game), pd.num_players, pd.is_nash([[0, 1], [0, 1]])
(True, 2, True)
"""

from __future__ import annotations

import warnings
from typing import Any, Protocol, runtime_checkable

__all__ = ["Game", "GameMixin", "is_game"]


@runtime_checkable
class Game(Protocol):
    """What every game type of the engine provides (a structural type: no base class is needed).

    Examples
    --------
    >>> from games import NormalFormGame
    >>> from games.protocol import Game
    >>> isinstance(NormalFormGame.from_bimatrix([[1, 0], [0, 1]]), Game)
    True
    >>> isinstance([[1, 0], [0, 1]], Game)
    False
    """

    @property
    def num_players(self) -> int: ...

    @property
    def players(self) -> tuple[str, ...]: ...

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]: ...

    @property
    def payoff_scale(self) -> Any: ...

    def regret(self, profile: Any) -> Any: ...

    def is_nash(self, profile: Any, tol: float = 1e-9) -> Any: ...

    def to_normal_form(self) -> Any: ...


def is_game(obj: Any) -> bool:
    """Whether ``obj`` is a game instance (not a class) that follows :class:`Game`.

    Examples
    --------
    >>> from games import NormalFormGame
    >>> is_game(NormalFormGame.from_bimatrix([[1]])), is_game(NormalFormGame), is_game(3)
    (True, False, False)
    """
    if isinstance(obj, type):
        return False
    cls = type(obj)
    known = _FOLLOWS_PROTOCOL.get(cls)
    if known is None:  # a structural check is slow; a class's answer does not change between its instances
        known = _FOLLOWS_PROTOCOL[cls] = isinstance(obj, Game)
    return known


#: is_game's answers by class.
_FOLLOWS_PROTOCOL: dict[type, bool] = {}


class GameMixin:
    """Shared behaviour of the game classes: ``is_nash`` from ``regret`` and the deprecated player-count names.

    A class using it defines ``num_players``, ``players``, ``actions``, ``payoff_scale``, ``regret`` and
    ``to_normal_form``.

    Examples
    --------
    >>> from games.threshold import ThresholdGame
    >>> g = ThresholdGame([5, 3], costs=[1, 1], values=[4, 4], requirement=6)
    >>> g.num_players, g.is_nash([0, 1])
    (2, True)
    """

    def is_nash(self, profile: Any, tol: float = 1e-9) -> bool:
        """Whether ``profile`` is a Nash equilibrium: regret at most ``tol`` times :attr:`payoff_scale`.

        Examples
        --------
        >>> from games.threshold import ThresholdGame
        >>> ThresholdGame([5, 3], costs=[1, 1], values=[4, 4], requirement=6).is_nash([0])
        False
        """
        from .validation import check_tolerance

        tol = check_tolerance(tol)
        return bool(self.regret(profile) <= tol * self.payoff_scale)  # type: ignore[attr-defined]

    @property
    def n(self) -> int:
        """Deprecated: use ``num_players``."""
        warnings.warn(f"{type(self).__name__}.n is deprecated; use num_players", DeprecationWarning, stacklevel=2)
        return self.num_players  # type: ignore[attr-defined]

    @property
    def n_players(self) -> int:
        """Deprecated: use ``num_players``."""
        warnings.warn(f"{type(self).__name__}.n_players is deprecated; use num_players", DeprecationWarning,
                      stacklevel=2)
        return self.num_players  # type: ignore[attr-defined]
