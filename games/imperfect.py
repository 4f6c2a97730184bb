"""Extensive-form games with imperfect information: chance moves, information sets, behaviour strategies.

:class:`ExtensiveGame` is built node by node, which reads well in a notebook: ``node.decision(player,
actions, infoset=...)`` and ``node.chance({...})`` return the new children (a dict keyed by action), and
``node.terminal(payoffs)`` ends a branch. Nodes given the same ``infoset`` label cannot be told apart by
the player who moves there (same player, same actions). The game checks perfect recall (no player forgets
what it knew or did) and refuses a tree without it, naming the information set.

A *behaviour profile* gives, for every information set, a probability for each of its actions: a mapping
``infoset -> {action: probability}`` (or a sequence of probabilities in action order, or one action
label for a pure choice). :meth:`ExtensiveGame.regret` computes each player's best response against the
others' behaviour strategies by dynamic programming over its information sets (the sequence form), without
the normal form. The game's ``actions`` are the players' *reduced* pure strategies (plans that choose
only at the information sets the plan itself does not rule out; ``*`` marks the sets it skips), the rows
and columns of :meth:`ExtensiveGame.to_normal_form`.

Integers and :class:`fractions.Fraction` s stay exact (payoffs, chance probabilities and profiles).

Examples
--------
A card game: chance deals a high or low card to Ann, who bets or folds; Bob, who does not see the card,
calls or passes.

>>> from fractions import Fraction
>>> from games.imperfect import ExtensiveGame
>>> g = ExtensiveGame(["Ann", "Bob"])
>>> deal = g.root.chance({"high": Fraction(1, 2), "low": Fraction(1, 2)})
>>> for card, sign in (("high", 1), ("low", -1)):
...     ann = deal[card].decision("Ann", ["bet", "fold"], infoset=card)
...     ann["fold"].terminal([-1, 1])
...     bob = ann["bet"].decision("Bob", ["call", "pass"], infoset="Bob")
...     bob["call"].terminal([2 * sign, -2 * sign])
...     bob["pass"].terminal([1, -1])
>>> g.infosets(1)
[('Bob', ('call', 'pass'))]
>>> bluff = {"high": "bet", "low": {"bet": Fraction(1, 3), "fold": Fraction(2, 3)},
...          "Bob": {"call": Fraction(2, 3), "pass": Fraction(1, 3)}}
>>> g.expected_payoffs(bluff), g.regret(bluff)
((Fraction(1, 3), Fraction(-1, 3)), Fraction(0, 1))
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from numbers import Integral
from typing import Any

import numpy as np

from .equilibrium import Equilibrium
from .numeric import is_exact_value, to_number
from .protocol import GameMixin

__all__ = ["DEFAULT_MAX_PROFILES", "BehaviourEquilibrium", "ExtensiveGame", "Node"]

#: Largest reduced normal form :meth:`ExtensiveGame.to_normal_form` builds without being asked for more.
DEFAULT_MAX_PROFILES = 200_000


def _number(v: Any, name: str) -> Any:
    """An int/Fraction (exact) or a float, checked."""
    if isinstance(v, str):
        raise TypeError(f"{name} must be a number; got str {v!r}")
    x = to_number(v, name)
    if not isinstance(x, (Fraction, float)):
        raise TypeError(f"{name} must be a number; got {type(v).__name__} {v!r}")
    if isinstance(x, Fraction) and x.denominator == 1:
        return int(x)
    return x


def _tidy(v: Any) -> Any:
    return int(v) if isinstance(v, Fraction) and v.denominator == 1 else v


class Node:
    """A position of an :class:`ExtensiveGame`, created by the game or by a parent's move.

    A fresh node is open; make it a decision, a chance move or a terminal with one of the methods below.

    Attributes
    ----------
    path : tuple of str
        The move labels from the root to this node.
    kind : str
        ``"open"``, ``"decision"``, ``"chance"`` or ``"terminal"``.

    Examples
    --------
    >>> g = ExtensiveGame(2)
    >>> kids = g.root.decision(0, ["left", "right"])
    >>> kids["left"].path, kids["left"].kind
    (('left',), 'open')
    """

    def __init__(self, game: ExtensiveGame, path: tuple[str, ...]) -> None:
        self._game = game
        self.path = path
        self.kind = "open"
        self.player: int | None = None
        self.infoset: str | None = None
        self.actions: tuple[str, ...] = ()
        self.probabilities: tuple = ()
        self.children: dict[str, Node] = {}
        self.payoffs: tuple = ()
        self.name = ""

    def _check_open(self) -> None:
        if self.kind != "open":
            raise ValueError(f"node {self.where} is already a {self.kind} node")

    @property
    def where(self) -> str:
        """The node's path as text (``"(root)"`` for the root)."""
        return "/".join(self.path) or "(root)"

    def _grow(self, labels: Sequence[str]) -> dict[str, Node]:
        labels = [str(a) for a in labels]
        if not labels:
            raise ValueError(f"the node at {self.where} must offer at least one action")
        if len(set(labels)) != len(labels):
            raise ValueError(f"action labels at {self.where} must be distinct; got {labels}")
        self.actions = tuple(labels)
        self.children = {a: Node(self._game, self.path + (a,)) for a in labels}
        self._game._touch()
        return dict(self.children)

    def decision(self, player: int | str, actions: Sequence[str], infoset: str | None = None,
                 name: str = "") -> dict[str, Node]:
        """Make this node a move of ``player`` (an index or a label) choosing one of ``actions``.

        Parameters
        ----------
        player : int or str
            Who moves.
        actions : sequence of str
            The action labels (the same, in the same order, at every node of the information set).
        infoset : str, optional
            The information set's label: nodes with the same label are indistinguishable to the player.
            Default: a set of its own, labelled by the node's path.
        name : str
            An optional label of the node.

        Returns
        -------
        dict of str to Node
            The child reached by each action.

        Examples
        --------
        >>> g = ExtensiveGame(["A", "B"])
        >>> sorted(g.root.decision("A", ["x", "y"], infoset="start"))
        ['x', 'y']
        """
        self._check_open()
        index = self._game._player_index(player)
        if isinstance(actions, (str, bytes)):
            raise TypeError(f"actions at {self.where} must be a sequence of labels; got the string {actions!r}")
        kids = self._grow(actions)
        self.kind, self.player, self.name = "decision", index, str(name)
        self.infoset = str(infoset) if infoset is not None else (self.where if self.path else "root")
        return kids

    def chance(self, probabilities: Mapping[str, Any], name: str = "") -> dict[str, Node]:
        """Make this node a move of nature: each outcome label with its probability.

        Parameters
        ----------
        probabilities : mapping of str to number
            Non-negative, summing to 1 (exactly when all are ints or Fractions, to 1e-9 otherwise).
        name : str
            An optional label of the node.

        Returns
        -------
        dict of str to Node

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.chance({"rain": Fraction(1, 4), "sun": Fraction(3, 4)})
        >>> g.root.probabilities
        (Fraction(1, 4), Fraction(3, 4))
        >>> ExtensiveGame(1).root.chance({"a": 0.5, "b": 0.6})
        Traceback (most recent call last):
        ...
        ValueError: probabilities at (root) must sum to 1; they sum to 1.1
        """
        self._check_open()
        if not isinstance(probabilities, Mapping):
            raise TypeError(f"probabilities at {self.where} must be a mapping of outcome label to probability")
        probs = tuple(_number(p, f"probability of {a!r} at {self.where}") for a, p in probabilities.items())
        for a, p in zip(probabilities, probs):
            if not 0 <= p <= 1:
                raise ValueError(f"probability of {a!r} at {self.where} must be in [0, 1]; got {p}")
        total = sum(probs)
        exact = all(is_exact_value(p) for p in probs)
        if (exact and total != 1) or (not exact and abs(float(total) - 1) > 1e-9):
            raise ValueError(f"probabilities at {self.where} must sum to 1; they sum to {float(total):.6g}")
        kids = self._grow(list(probabilities))
        self.kind, self.probabilities, self.name = "chance", probs, str(name)
        return kids

    def terminal(self, payoffs: Sequence[Any], name: str = "") -> None:
        """End the game here with one payoff per player.

        Examples
        --------
        >>> g = ExtensiveGame(2)
        >>> g.root.terminal([1, Fraction(1, 2)])
        >>> g.root.payoffs
        (1, Fraction(1, 2))
        """
        self._check_open()
        if isinstance(payoffs, (str, bytes)) or not hasattr(payoffs, "__len__"):
            raise TypeError(f"payoffs at {self.where} must be a sequence of numbers; got {payoffs!r}")
        if len(payoffs) != self._game.num_players:
            raise ValueError(f"payoffs at {self.where} must give {self._game.num_players} numbers (one per player); "
                             f"got {len(payoffs)}")
        self.payoffs = tuple(_number(v, f"payoffs[{k}] at {self.where}") for k, v in enumerate(payoffs))
        self.kind, self.name = "terminal", str(name)
        self._game._touch()

    def __repr__(self) -> str:
        return f"Node({self.where!r}, {self.kind})"


@dataclass
class _Infoset:
    label: str
    player: int
    actions: tuple[str, ...]
    parent: int  # index of the player's sequence leading to it
    nodes: list[Node] = field(default_factory=list)
    seqs: list[int] = field(default_factory=list)  # sequence index of each action


@dataclass
class _Leaf:
    chance: Any
    seqs: tuple[int, ...]
    payoffs: tuple
    node: Node


class ExtensiveGame(GameMixin):
    """A finite extensive-form game with chance moves and information sets, for any number of players.

    Parameters
    ----------
    players : int or sequence of str
        The number of players or their labels.
    title : str
        A title (shown on the normal form and written to ``.efg`` files).

    Examples
    --------
    Matching pennies as a tree: Bob does not see Ann's coin.

    >>> g = ExtensiveGame(["Ann", "Bob"], title="matching pennies")
    >>> for a, node in g.root.decision("Ann", ["H", "T"]).items():
    ...     for b, leaf in node.decision("Bob", ["H", "T"], infoset="Bob").items():
    ...         leaf.terminal([1, -1] if a == b else [-1, 1])
    >>> g.actions
    (('H', 'T'), ('H', 'T'))
    >>> g.regret({"root": [Fraction(1, 2), Fraction(1, 2)], "Bob": "H"})
    Fraction(1, 1)
    """

    def __init__(self, players: int | Sequence[str], title: str = "") -> None:
        if isinstance(players, (Integral, np.integer)) and not isinstance(players, bool):
            if players < 1:
                raise ValueError(f"players must be >= 1; got {players}")
            labels = tuple(f"Player {i + 1}" for i in range(int(players)))
        elif isinstance(players, (str, bytes)) or not isinstance(players, Sequence):
            raise TypeError(f"players must be a number or a sequence of labels; got {players!r}")
        else:
            labels = tuple(str(p) for p in players)
            if not labels or len(set(labels)) != len(labels):
                raise ValueError(f"players must be distinct labels, at least one; got {list(labels)}")
        self.players = labels
        self.title = str(title)
        self.root = Node(self, ())
        self._version = 0
        self._built = -1

    @classmethod
    def from_tree(cls, tree: Any) -> ExtensiveGame:
        """The perfect-information :class:`games.extensive.GameTree` ``tree`` as an extensive game (each decision
        node its own information set, labelled by the node's name).

        Examples
        --------
        >>> from games.extensive import Decision, GameTree, Terminal
        >>> t = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((3, 5))}, name="n"), players=2)
        >>> ExtensiveGame.from_tree(t).infosets(0)
        [('n', ('a', 'b'))]
        """
        from .extensive import Chance, Decision, GameTree

        if not isinstance(tree, GameTree):
            raise TypeError(f"tree must be a games.extensive.GameTree; got {type(tree).__name__}")
        game = cls(tree.players, title=tree.title)
        stack = [(tree.root, game.root, ())]
        while stack:
            src, dst, path = stack.pop()
            if isinstance(src, Decision):
                label = src.name or "/".join(path) or "root"   # GameTree's own naming of its nodes
                kids = dst.decision(src.player, [a for a, _ in src.moves], infoset=label, name=src.name)
                stack.extend((child, kids[a], path + (a,)) for a, child in reversed(src.moves))
            elif isinstance(src, Chance):
                kids = dst.chance({label: p for label, p, _ in src.moves}, name=src.name)
                stack.extend((child, kids[label], path + (label,)) for label, _, child in reversed(src.moves))
            else:
                dst.terminal(list(src.payoffs), name=src.name)
        return game

    # ------------------------------------------------------------------ structure
    def _touch(self) -> None:
        self._version += 1

    def _player_index(self, player: int | str) -> int:
        if isinstance(player, str):
            if player not in self.players:
                raise ValueError(f"player must be one of {list(self.players)} or an index; got {player!r}")
            return self.players.index(player)
        if isinstance(player, bool) or not isinstance(player, (Integral, np.integer)) \
                or not 0 <= player < len(self.players):
            raise ValueError(f"player must be an index in 0..{len(self.players) - 1} or a label; got {player!r}")
        return int(player)

    @property
    def num_players(self) -> int:
        """Number of players."""
        return len(self.players)

    def _build(self) -> None:
        """Walk the tree once after a change: information sets, sequences, leaves, perfect recall."""
        if self._built == self._version:
            return
        n = self.num_players
        infosets: dict[str, _Infoset] = {}
        seq_labels: list[list[tuple[str, str] | None]] = [[None] for _ in range(n)]
        leaves: list[_Leaf] = []
        stack: list[tuple[Node, Any, tuple[int, ...]]] = [(self.root, 1, (0,) * n)]
        while stack:
            node, prob, seqs = stack.pop()
            if node.kind == "open":
                raise ValueError(f"the node at {node.where} is open: make it a decision, a chance move or a terminal")
            if node.kind == "terminal":
                leaves.append(_Leaf(prob, seqs, node.payoffs, node))
                continue
            if node.kind == "chance":
                for child, p in reversed(list(zip(node.children.values(), node.probabilities))):
                    stack.append((child, prob * p, seqs))
                continue
            i = node.player
            info = infosets.get(node.infoset)
            if info is None:
                info = _Infoset(node.infoset, i, node.actions, seqs[i])
                for a in node.actions:
                    info.seqs.append(len(seq_labels[i]))
                    seq_labels[i].append((node.infoset, a))
                infosets[node.infoset] = info
            else:
                if info.player != i:
                    raise ValueError(f"information set {node.infoset!r} mixes players {self.players[info.player]!r} "
                                     f"and {self.players[i]!r} (at {node.where})")
                if info.actions != node.actions:
                    raise ValueError(f"information set {node.infoset!r} must offer the same actions at every node; "
                                     f"{info.nodes[0].where} has {list(info.actions)}, {node.where} has "
                                     f"{list(node.actions)}")
                if info.parent != seqs[i]:
                    raise ValueError(
                        f"the game lacks perfect recall at information set {node.infoset!r} of player "
                        f"{self.players[i]!r}: its nodes {info.nodes[0].where} and {node.where} follow different "
                        f"earlier moves of that player ({self._seq_text(seq_labels[i], info.parent)} vs "
                        f"{self._seq_text(seq_labels[i], seqs[i])}), so the player would forget what it did or knew")
            info.nodes.append(node)
            for a, s in reversed(list(zip(node.actions, info.seqs))):
                stack.append((node.children[a], prob, seqs[:i] + (s,) + seqs[i + 1:]))
        self._infosets = infosets
        self._seq_labels = seq_labels
        self._leaves = leaves
        self._by_player = [[info for info in infosets.values() if info.player == i] for i in range(n)]
        self._seq_parent = [[-1] * len(seq_labels[i]) for i in range(n)]
        for info in infosets.values():
            for s in info.seqs:
                self._seq_parent[info.player][s] = info.parent
        self._built = self._version

    @staticmethod
    def _seq_text(labels: list, s: int) -> str:
        return "the empty history" if s == 0 else f"{labels[s][0]}:{labels[s][1]}"

    def infosets(self, player: int | str) -> list[tuple[str, tuple[str, ...]]]:
        """The information sets of ``player`` in the order of a depth-first walk: (label, actions).

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> g.root.decision(0, ["a", "b"], infoset="only")["a"].terminal([1])
        >>> g.root.children["b"].terminal([0])
        >>> g.infosets(0)
        [('only', ('a', 'b'))]
        """
        self._build()
        return [(info.label, info.actions) for info in self._by_player[self._player_index(player)]]

    def sequences(self, player: int | str) -> list[str]:
        """The labels of ``player``'s sequences (``""`` for the empty one, else ``"infoset:action"``).

        A sequence is the list of the player's own moves on the way to a node; with perfect recall, the last
        move names it. These index the rows of the sequence form (:mod:`games.sequence_form`).

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.sequences(0)
        ['', 'I:a', 'I:b']
        """
        self._build()
        return ["" if s is None else f"{s[0]}:{s[1]}" for s in self._seq_labels[self._player_index(player)]]

    def leaves(self) -> list[tuple[Any, tuple[int, ...], tuple]]:
        """Every terminal node as (chance probability of reaching it, each player's sequence index, payoffs).

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.chance({"x": Fraction(1, 3), "y": Fraction(2, 3)})
        >>> kids["x"].terminal([3]); kids["y"].terminal([0])
        >>> g.leaves()
        [(Fraction(1, 3), (0,), (3,)), (Fraction(2, 3), (0,), (0,))]
        """
        self._build()
        return [(leaf.chance, leaf.seqs, leaf.payoffs) for leaf in self._leaves]

    def sequence_parents(self, player: int | str) -> list[int]:
        """For each of ``player``'s sequences, the sequence it extends (-1 for the empty sequence).

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.sequence_parents(0)
        [-1, 0, 0]
        """
        self._build()
        return list(self._seq_parent[self._player_index(player)])

    def infoset_sequences(self, player: int | str) -> list[tuple[int, list[int]]]:
        """For each of ``player``'s information sets (in :meth:`infosets` order): the sequence leading to it
        and the sequences its actions extend it to.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.infoset_sequences(0)
        [(0, [1, 2])]
        """
        self._build()
        return [(info.parent, list(info.seqs)) for info in self._by_player[self._player_index(player)]]

    @property
    def is_exact(self) -> bool:
        """Whether every payoff and chance probability is an int or a Fraction."""
        self._build()
        return all(is_exact_value(v) for leaf in self._leaves for v in (leaf.chance, *leaf.payoffs))

    @property
    def has_perfect_information(self) -> bool:
        """Whether every information set is a single node.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> g.root.terminal([0])
        >>> g.has_perfect_information
        True
        """
        self._build()
        return all(len(info.nodes) == 1 for info in self._infosets.values())

    @property
    def payoff_scale(self) -> float:
        """The range of the terminal payoffs (1.0 when they are all equal); tolerances are relative to it.

        Examples
        --------
        >>> g = ExtensiveGame(2)
        >>> g.root.terminal([3, -1])
        >>> g.payoff_scale
        4.0
        """
        self._build()
        values = [float(v) for leaf in self._leaves for v in leaf.payoffs]
        span = max(values) - min(values)
        return span if span > 0 else 1.0

    # ------------------------------------------------------------------ behaviour strategies
    def behaviour(self, profile: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        """``profile`` checked and spelled out: every information set -> {action: probability}.

        Each entry may be a mapping action -> probability, a sequence of probabilities (in action order) or a
        single action label (a pure choice). Exact numbers stay exact.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.behaviour({"I": "b"})
        {'I': {'a': 0, 'b': 1}}
        >>> g.behaviour({})
        Traceback (most recent call last):
        ...
        ValueError: profile must give a behaviour strategy at information set 'I' (player 'Player 1'); missing
        """
        self._build()
        if not isinstance(profile, Mapping):
            raise TypeError("profile must be a mapping of information set label to a choice (an action label, "
                            f"probabilities or {{action: probability}}); got {type(profile).__name__}")
        unknown = sorted(set(map(str, profile)) - set(self._infosets))
        if unknown:
            raise ValueError(f"profile names unknown information sets {unknown}; they are {list(self._infosets)}")
        out: dict[str, dict[str, Any]] = {}
        for label, info in self._infosets.items():
            if label not in profile:
                raise ValueError(f"profile must give a behaviour strategy at information set {label!r} "
                                 f"(player {self.players[info.player]!r}); missing")
            out[label] = self._choice(label, info.actions, profile[label])
        return out

    @staticmethod
    def _choice(label: str, actions: tuple[str, ...], value: Any) -> dict[str, Any]:
        if isinstance(value, str):
            if value not in actions:
                raise ValueError(f"profile[{label!r}] must be one of {list(actions)}; got {value!r}")
            return {a: int(a == value) for a in actions}
        if isinstance(value, Mapping):
            extra = sorted(set(value) - set(actions))
            if extra:
                raise ValueError(f"profile[{label!r}] names unknown actions {extra}; they are {list(actions)}")
            probs = [value.get(a, 0) for a in actions]
        else:
            probs = list(value)
            if len(probs) != len(actions):
                raise ValueError(f"profile[{label!r}] must give {len(actions)} probabilities ({list(actions)}); "
                                 f"got {len(probs)}")
        probs = [_number(p, f"profile[{label!r}]") for p in probs]
        total = sum(probs)
        exact = all(is_exact_value(p) for p in probs)
        if any(p < 0 for p in probs) or (exact and total != 1) or (not exact and abs(float(total) - 1) > 1e-6):
            raise ValueError(f"profile[{label!r}] must be probabilities summing to 1; got {probs}")
        return dict(zip(actions, probs))

    def realization_plan(self, player: int | str, profile: Mapping[str, Any]) -> list[Any]:
        """The probability ``player``'s own moves give each of its sequences under the behaviour ``profile``.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.realization_plan(0, {"I": [Fraction(1, 4), Fraction(3, 4)]})
        [1, Fraction(1, 4), Fraction(3, 4)]
        """
        i = self._player_index(player)
        return self._plans(self.behaviour(profile))[i]

    def _plans(self, beh: dict[str, dict[str, Any]]) -> list[list[Any]]:
        plans = []
        for i in range(self.num_players):
            r: list[Any] = [1] * len(self._seq_labels[i])
            for info in self._by_player[i]:  # depth-first order: a parent sequence is set before its extensions
                for a, s in zip(info.actions, info.seqs):
                    r[s] = r[info.parent] * beh[info.label][a]
            plans.append(r)
        return plans

    def expected_payoffs(self, profile: Mapping[str, Any]) -> tuple:
        """Each player's expected payoff under the behaviour ``profile``.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.expected_payoffs({"I": [Fraction(1, 4), Fraction(3, 4)]})
        (Fraction(1, 4),)
        """
        plans = self._plans(self.behaviour(profile))
        out = [0] * self.num_players
        for leaf in self._leaves:
            w = leaf.chance
            for i, s in enumerate(leaf.seqs):
                w = w * plans[i][s]
            if w:
                for i in range(self.num_players):
                    out[i] += w * leaf.payoffs[i]
        return tuple(out)

    def best_response(self, player: int | str, profile: Mapping[str, Any]) -> tuple[Any, dict[str, str]]:
        """The most ``player`` can get against the others' behaviour strategies in ``profile``, and a pure
        plan (information set -> action) that gets it.

        Dynamic programming over the player's sequences (bottom up): the value of a sequence is what the
        leaves it ends at pay (weighted by chance and the others' moves) plus, at each information set it
        leads to, the best action's value. With perfect recall this is the best response (no normal form).

        Examples
        --------
        >>> g = ExtensiveGame(2)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> for k, leaf in kids["a"].decision(1, ["c", "d"], infoset="J").items():
        ...     leaf.terminal([1, 0] if k == "c" else [0, 1])
        >>> kids["b"].terminal([Fraction(1, 2), 0])
        >>> g.best_response(0, {"I": "a", "J": [Fraction(1, 3), Fraction(2, 3)]})
        (Fraction(1, 2), {'I': 'b'})
        """
        i = self._player_index(player)
        beh = self.behaviour(profile)
        plans = self._plans(beh)
        value: list[Any] = [0] * len(self._seq_labels[i])
        for leaf in self._leaves:
            w = leaf.chance
            for j, s in enumerate(leaf.seqs):
                if j != i:
                    w = w * plans[j][s]
            if w:
                value[leaf.seqs[i]] += w * leaf.payoffs[i]
        choice: dict[str, str] = {}
        for info in reversed(self._by_player[i]):
            best = max(range(len(info.actions)), key=lambda k: value[info.seqs[k]])
            choice[info.label] = info.actions[best]
            value[info.parent] += value[info.seqs[best]]
        return value[0], {info.label: choice[info.label] for info in self._by_player[i]}

    def regret(self, profile: Mapping[str, Any]) -> Any:
        """The largest gain any player gets by changing its own behaviour strategy alone (0 at a Nash
        equilibrium), computed on the tree.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.regret({"I": "b"}), g.regret({"I": "a"})
        (1, 0)
        """
        own = self.expected_payoffs(profile)
        gains = [self.best_response(i, profile)[0] - own[i] for i in range(self.num_players)]
        return max(max(gains), 0)

    def behaviour_from_plans(self, plans: Sequence[Sequence[Any]], floor: float = 1e-12) -> dict[str, dict[str, Any]]:
        """The behaviour profile that plays the realization plans ``plans`` (one per player, indexed by
        :meth:`sequences`); an information set its player's plan never reaches gets the uniform choice.

        Float probabilities at or below ``floor`` are round-off and count as 0.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].terminal([1]); kids["b"].terminal([0])
        >>> g.behaviour_from_plans([[1, Fraction(1, 3), Fraction(2, 3)]])
        {'I': {'a': Fraction(1, 3), 'b': Fraction(2, 3)}}
        """
        self._build()
        if len(plans) != self.num_players:
            raise ValueError(f"plans must give one realization plan per player ({self.num_players}); got {len(plans)}")
        out: dict[str, dict[str, Any]] = {}
        for i, info in ((info.player, info) for info in self._infosets.values()):
            r = plans[i]
            if len(r) != len(self._seq_labels[i]):
                raise ValueError(f"plans[{i}] must have {len(self._seq_labels[i])} entries (one per sequence); "
                                 f"got {len(r)}")
            vals = [r[s] if is_exact_value(r[s]) or float(r[s]) > floor else 0.0 for s in info.seqs]
            if all(is_exact_value(v) for v in vals):
                vals = [Fraction(v) for v in vals]
            total = sum(vals)
            if total > 0:
                out[info.label] = {a: _tidy(v / total) for a, v in zip(info.actions, vals)}
            else:
                k = len(info.actions)
                out[info.label] = {a: Fraction(1, k) if is_exact_value(r[0]) else 1.0 / k for a in info.actions}
        return out

    # ------------------------------------------------------------------ reduced normal form
    def _count_plans(self, i: int) -> int:
        children: dict[int, list[_Infoset]] = {}
        for info in self._by_player[i]:
            children.setdefault(info.parent, []).append(info)
        count: dict[int, int] = {}
        for s in reversed(range(len(self._seq_labels[i]))):
            c = 1
            for info in children.get(s, []):
                c *= sum(count[t] for t in info.seqs)
            count[s] = c
        return count[0]

    def num_strategies(self, player: int | str) -> int:
        """Number of reduced pure strategies of ``player``.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].decision(0, ["c", "d"], infoset="J")["c"].terminal([1])
        >>> kids["a"].children["d"].terminal([0]); kids["b"].terminal([2])
        >>> g.num_strategies(0)      # a/c, a/d, b/* (after b, the plan need not choose at J)
        3
        """
        self._build()
        return self._count_plans(self._player_index(player))

    def _reduced_plans(self, i: int) -> list[frozenset[int]]:
        """Each reduced pure strategy as the set of sequences it plays (the empty one included)."""
        children: dict[int, list[_Infoset]] = {}
        for info in self._by_player[i]:
            children.setdefault(info.parent, []).append(info)

        def plans(s: int) -> list[frozenset[int]]:
            parts = []
            for info in children.get(s, []):
                parts.append([p | {t} for t in info.seqs for p in plans(t)])
            return [frozenset({s}).union(*combo) for combo in itertools.product(*parts)]

        return plans(0)

    def _plan_label(self, i: int, plan: frozenset[int]) -> str:
        if not self._by_player[i]:
            return "-"
        return "/".join(next((a for a, s in zip(info.actions, info.seqs) if s in plan), "*")
                        for info in self._by_player[i])

    def _check_size(self, max_profiles: int) -> None:
        if isinstance(max_profiles, bool) or not isinstance(max_profiles, (Integral, np.integer)) or max_profiles < 1:
            raise ValueError(f"max_profiles must be a positive integer; got {max_profiles!r}")
        shape = [self._count_plans(i) for i in range(self.num_players)]
        total = int(np.prod(shape, dtype=object))
        if total > max_profiles:
            raise ValueError(f"the reduced normal form of this tree has {total:,} pure profiles (strategies per "
                             f"player {', '.join(f'{k:,}' for k in shape)}), more than max_profiles={max_profiles:,}; "
                             "solve the tree in sequence form (games.equilibria(game, method='sequence-form')) "
                             "or raise max_profiles")

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Each player's reduced pure strategies: its action at each of its information sets, in the order of
        :meth:`infosets`, joined by ``/`` (``*`` where the plan's own earlier moves skip the set; ``-`` for a
        player without a move).

        Refused, naming the sequence form, when a player has more than :data:`DEFAULT_MAX_PROFILES`.

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].decision(0, ["c", "d"], infoset="J")["c"].terminal([1])
        >>> kids["a"].children["d"].terminal([0]); kids["b"].terminal([2])
        >>> g.actions
        (('a/c', 'a/d', 'b/*'),)
        """
        self._build()
        for i in range(self.num_players):
            if self._count_plans(i) > DEFAULT_MAX_PROFILES:
                raise ValueError(f"player {self.players[i]!r} has {self._count_plans(i):,} reduced pure strategies, "
                                 "too many to list; use infosets(player) and the sequence form")
        return tuple(tuple(self._plan_label(i, p) for p in self._reduced_plans(i)) for i in range(self.num_players))

    def to_normal_form(self, max_profiles: int = DEFAULT_MAX_PROFILES) -> Any:
        """The reduced normal form: every reduced pure strategy of every player, expected payoffs.

        Parameters
        ----------
        max_profiles : int
            Refuse, at once, a table with more pure profiles than this (it grows exponentially with the
            information sets; the sequence form does not).

        Returns
        -------
        games.NormalFormGame
            Exact when every payoff and probability is an int or a Fraction.

        Examples
        --------
        >>> g = ExtensiveGame(2)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> for k, leaf in kids["a"].decision(1, ["c", "d"], infoset="J").items():
        ...     leaf.terminal([1, 0] if k == "c" else [0, 1])
        >>> kids["b"].terminal([Fraction(1, 2), 0])
        >>> nf = g.to_normal_form()
        >>> nf.actions, nf.exact_payoffs[1, 0, 0]
        ((('a', 'b'), ('c', 'd')), Fraction(1, 2))
        """
        from .normal_form import NormalFormGame

        self._build()
        self._check_size(max_profiles)
        plans = [self._reduced_plans(i) for i in range(self.num_players)]
        shape = tuple(len(p) for p in plans)
        out = np.empty(shape + (self.num_players,), dtype=object)
        for idx in np.ndindex(*out.shape):
            out[idx] = 0
        holders = [[[k for k, p in enumerate(plans[i]) if s in p] for s in range(len(self._seq_labels[i]))]
                   for i in range(self.num_players)]
        for leaf in self._leaves:
            idx = np.ix_(*(holders[i][s] for i, s in enumerate(leaf.seqs)))
            for j, v in enumerate(leaf.payoffs):
                sub = out[..., j]
                sub[idx] = sub[idx] + leaf.chance * v
        labels = [[self._plan_label(i, p) for p in plans[i]] for i in range(self.num_players)]
        if not self.is_exact:
            out = out.astype(float)
        return NormalFormGame(out, players=self.players, actions=labels, title=self.title)

    def mixed_profile(self, profile: Mapping[str, Any]) -> tuple[np.ndarray, ...]:
        """The mixed strategies over reduced pure strategies (the rows and columns of :meth:`to_normal_form`)
        that play the behaviour ``profile`` (realization-equivalent, by Kuhn's theorem).

        Examples
        --------
        >>> g = ExtensiveGame(1)
        >>> kids = g.root.decision(0, ["a", "b"], infoset="I")
        >>> kids["a"].decision(0, ["c", "d"], infoset="J")["c"].terminal([1])
        >>> kids["a"].children["d"].terminal([0]); kids["b"].terminal([2])
        >>> [str(p) for p in g.mixed_profile({"I": [Fraction(1, 2)] * 2, "J": "c"})[0]]
        ['1/2', '0', '1/2']
        """
        beh = self.behaviour(profile)
        self._check_size(DEFAULT_MAX_PROFILES)
        out = []
        for i in range(self.num_players):
            probs = []
            for plan in self._reduced_plans(i):
                p: Any = 1
                for s in plan:
                    if s:
                        info, a = self._seq_labels[i][s]
                        p = p * beh[info][a]
                probs.append(p)
            exact = all(is_exact_value(p) for p in probs)
            out.append(np.array(probs, dtype=object if exact else float))
        return tuple(out)


@dataclass(frozen=True, eq=False)
class BehaviourEquilibrium(Equilibrium):
    """An equilibrium of an :class:`ExtensiveGame` found on the tree: an :class:`~games.equilibrium.Equilibrium`
    whose ``profile`` is the realization-equivalent mixed profile over reduced pure strategies (empty when the
    reduced normal form is larger than :data:`DEFAULT_MAX_PROFILES`), with the behaviour strategies.

    Attributes
    ----------
    behaviour : dict
        Information set -> {action: probability} (the regret is computed from these, on the tree).

    Examples
    --------
    >>> import games
    >>> from games.catalog_trees import kuhn_poker
    >>> eq = games.equilibria(kuhn_poker(), exact=True)[0]
    >>> eq.payoffs[0], eq.regret
    (Fraction(-1, 18), Fraction(0, 1))
    """

    behaviour: dict[str, dict[str, Any]] = field(default_factory=dict)


from . import sequence_form as _sequence_form  # noqa: E402,F401  (registers the tree's solvers)
from . import subgames as _subgames  # noqa: E402,F401
