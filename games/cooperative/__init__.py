"""Cooperative games: weighted voting (power indices) and transferable-utility games (Shapley value, core,
nucleolus).

These are not noncooperative games: there are no actions, payoffs or equilibria, so they do not follow
:class:`games.protocol.Game` and have no solvers in the registry. They share a smaller protocol,
:class:`CooperativeGame`: ``num_players``, ``players`` and ``value(coalition)`` (a coalition is an iterable
of player indices or labels).

- :class:`WeightedVotingGame` (:mod:`games.cooperative.voting`): ``[quota; weights]``, exact Shapley-Shubik
  and Banzhaf indices for hundreds of members, veto players, minimal winning coalitions, and the
  unanimity / qualified-majority / veto rules as constructors;
- :class:`CompoundVotingGame` (:mod:`games.cooperative.compound`): several weighted rules at once
  (``game_a & game_b``), e.g. "nine votes including the five permanent members" or a double majority;
- :class:`TUGame` (:mod:`games.cooperative.tu`): any characteristic function on up to 20 players, its exact
  Shapley value, the core (exact membership test, a point by linear programming) and the nucleolus.

Examples
--------
>>> from games.cooperative import WeightedVotingGame
>>> WeightedVotingGame.with_vetoes(5, 6, 7).shapley_shubik()[5]     # a small nation on the 1954 Council
Fraction(1, 462)
"""

from .coalitions import coalition_indices
from .compound import CompoundVotingGame
from .tu import MAX_LP_PLAYERS, MAX_PLAYERS, CooperativeGame, TUGame
from .voting import WeightedVotingGame, brute_force_power

__all__ = ["CooperativeGame", "TUGame", "WeightedVotingGame", "CompoundVotingGame", "brute_force_power",
           "coalition_indices", "MAX_PLAYERS", "MAX_LP_PLAYERS"]
