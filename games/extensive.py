"""Finite games in extensive form with perfect information: trees, backward induction, normal form.

A tree is made of :class:`Decision` nodes (one player moves and sees everything that happened
before), :class:`Chance` nodes (nature moves with known probabilities) and :class:`Terminal` nodes
(one payoff per player). :class:`GameTree` solves it by backward induction (a subgame-perfect
equilibrium in pure strategies) and builds its (unreduced) normal form, so that the subgame-perfect
plan can be checked as a Nash equilibrium with :func:`games.equilibria`.

Integers and :class:`fractions.Fraction` s stay exact throughout (payoffs and chance probabilities),
so the normal form of an exact tree is an exact game.

Examples
--------
An entry game: the entrant enters or stays out; the incumbent fights or accommodates.

>>> from games.extensive import Decision, Terminal, GameTree
>>> tree = GameTree(Decision(0, {"out": Terminal((0, 2)),
...                              "in": Decision(1, {"fight": Terminal((-1, -1)),
...                                                 "accommodate": Terminal((1, 1))}, name="incumbent")},
...                          name="entrant"), players=["Entrant", "Incumbent"])
>>> spe = tree.backward_induction()
>>> spe.plan, spe.payoffs
({'entrant': 'in', 'incumbent': 'accommodate'}, (1, 1))
>>> game = tree.normal_form()
>>> game.is_nash(tree.profile(spe.plan))
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from numbers import Integral, Real
from typing import Any

import numpy as np

from .equilibrium import Equilibrium, EquilibriumSet
from .protocol import GameMixin
from .solvers.registry import register_solver

__all__ = ["DEFAULT_MAX_PROFILES", "Chance", "Decision", "GameTree", "SubgamePerfect", "Terminal", "TreeEquilibrium",
           "subgame_perfect"]

#: Largest normal form :meth:`GameTree.normal_form` builds without being asked for more.
DEFAULT_MAX_PROFILES = 200_000


def _check_number(value: Any, name: str) -> Any:
    if isinstance(value, bool) or not isinstance(value, (Real, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number; got {type(value).__name__} {value!r}")
    if isinstance(value, (Integral, np.integer)):
        return int(value)
    if isinstance(value, Fraction):
        return value
    v = float(value)
    if not np.isfinite(v):
        raise ValueError(f"{name} must be finite; got {value!r}")
    return v


@dataclass(frozen=True, eq=False)
class Terminal:
    """An end of the game with one payoff per player.

    Parameters
    ----------
    payoffs : sequence of numbers
        Player ``i``'s payoff is ``payoffs[i]`` (ints and Fractions stay exact).
    name : str
        An optional outcome label (several terminals may share it, e.g. ``"war"``), used by
        :meth:`GameTree.outcome_probabilities`.

    Examples
    --------
    >>> Terminal((1, -1), name="win").payoffs
    (1, -1)
    """

    payoffs: tuple
    name: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.payoffs, (str, bytes)) or not hasattr(self.payoffs, "__len__"):
            raise TypeError(f"payoffs must be a sequence of numbers; got {self.payoffs!r}")
        vals = tuple(_check_number(v, f"payoffs[{k}]") for k, v in enumerate(self.payoffs))
        if not vals:
            raise ValueError("payoffs must give at least one payoff")
        object.__setattr__(self, "payoffs", vals)


@dataclass(frozen=True, eq=False)
class Decision:
    """A node where ``player`` (an index) chooses one of ``moves``, knowing the history.

    Parameters
    ----------
    player : int
        Index of the player who moves (0-based).
    moves : mapping of str to node
        Each action label and the node it leads to (order kept: ties in backward induction go to
        the first listed move).
    name : str
        Label of the node; it names the choice in strategies. Default: the path from the root.

    Examples
    --------
    >>> d = Decision(0, {"left": Terminal((1,)), "right": Terminal((2,))})
    >>> [a for a, _ in d.moves]
    ['left', 'right']
    """

    player: int
    moves: Any
    name: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.player, bool) or not isinstance(self.player, (Integral, np.integer)) or self.player < 0:
            raise ValueError(f"player must be a non-negative player index; got {self.player!r}")
        items = tuple(self.moves.items()) if isinstance(self.moves, Mapping) else tuple(self.moves)
        if not items:
            raise ValueError(f"moves of decision node {self.name or '(root)'!r} must offer at least one action")
        out = []
        for item in items:
            if len(item) != 2:
                raise ValueError(f"each move must be (action, node); got {item!r}")
            action, node = item
            _check_node(node, f"move {action!r}")
            out.append((str(action), node))
        labels = [a for a, _ in out]
        if len(set(labels)) != len(labels):
            raise ValueError(f"action labels at node {self.name!r} must be distinct; got {labels}")
        object.__setattr__(self, "moves", tuple(out))
        object.__setattr__(self, "player", int(self.player))


@dataclass(frozen=True, eq=False)
class Chance:
    """A move of nature: each outcome with its probability.

    Parameters
    ----------
    moves : mapping of str to (probability, node)
        Probabilities must be non-negative and sum to 1 (exactly, when all are ints/Fractions).
    name : str
        Label of the node.
    tol : float
        Tolerance on the sum of float probabilities.

    Examples
    --------
    >>> c = Chance({"heads": (Fraction(1, 2), Terminal((1,))), "tails": (Fraction(1, 2), Terminal((0,)))})
    >>> [p for _, p, _ in c.moves]
    [Fraction(1, 2), Fraction(1, 2)]
    >>> Chance({"a": (0.7, Terminal((1,))), "b": (0.7, Terminal((0,)))})
    Traceback (most recent call last):
    ...
    ValueError: probabilities of chance node '' must sum to 1; they sum to 1.4
    """

    moves: Any
    name: str = ""
    tol: float = field(default=1e-9, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.tol, bool) or not isinstance(self.tol, Real) or not 0 <= self.tol < 1:
            raise ValueError(f"tol of chance node {self.name!r} must be a number in [0, 1); got {self.tol!r}")
        items = tuple(self.moves.items()) if isinstance(self.moves, Mapping) else tuple(self.moves)
        if not items:
            raise ValueError(f"chance node {self.name!r} must have at least one outcome")
        out = []
        for item in items:
            if isinstance(self.moves, Mapping):
                label, rest = item
                if not isinstance(rest, (tuple, list)) or len(rest) != 2:
                    raise ValueError(f"chance outcome {label!r} must map to (probability, node); got {rest!r}")
                prob, node = rest
            else:
                if len(item) != 3:
                    raise ValueError(f"each chance outcome must be (label, probability, node); got {item!r}")
                label, prob, node = item
            p = _check_number(prob, f"probability of {label!r}")
            if p < 0 or p > 1:
                raise ValueError(f"probability of chance outcome {label!r} must be in [0, 1]; got {prob!r}")
            _check_node(node, f"chance outcome {label!r}")
            out.append((str(label), p, node))
        labels = [label for label, _, _ in out]
        if len(set(labels)) != len(labels):
            raise ValueError(f"outcome labels of chance node {self.name!r} must be distinct; got {labels}")
        total = sum(p for _, p, _ in out)
        exact = all(isinstance(p, (int, Fraction)) for _, p, _ in out)
        if (exact and total != 1) or (not exact and abs(float(total) - 1.0) > self.tol):
            raise ValueError(f"probabilities of chance node {self.name!r} must sum to 1; "
                             f"they sum to {float(total):.6g}")
        object.__setattr__(self, "moves", tuple(out))


Node = Terminal | Decision | Chance


def _children(node: Node) -> list[tuple[str, Node]]:
    """The (label, child) pairs below a node, in order (none for a terminal)."""
    if isinstance(node, Decision):
        return list(node.moves)
    if isinstance(node, Chance):
        return [(label, child) for label, _, child in node.moves]
    return []


def _check_node(node: Any, where: str) -> None:
    if not isinstance(node, (Terminal, Decision, Chance)):
        raise TypeError(f"{where} must lead to a Terminal, Decision or Chance node; got {type(node).__name__}")


@dataclass(frozen=True)
class SubgamePerfect:
    """The result of backward induction.

    Attributes
    ----------
    plan : dict
        The chosen action at every decision node (node name -> action), on and off the path.
    payoffs : tuple
        Each player's expected payoff at the root.
    ties : tuple of str
        Names of the nodes where several actions were optimal (within the tolerance); the first
        listed was taken, so the subgame-perfect equilibrium is not unique when this is non-empty.
    values : dict
        Expected payoff vector of the subgame at every decision node (node name -> tuple).

    Examples
    --------
    An ultimatum over 2 units: the responder accepts any positive offer and is indifferent about a
    zero offer. Backward induction takes the first listed action at that tie (accept), so the proposer
    offers nothing; the tie is recorded because rejecting a zero offer gives a second subgame-perfect
    equilibrium, in which the proposer offers 1.

    >>> def respond(offer):
    ...     return Decision(1, {"accept": Terminal((2 - offer, offer)), "reject": Terminal((0, 0))},
    ...                     name=f"after {offer}")
    >>> tree = GameTree(Decision(0, {str(k): respond(k) for k in (0, 1, 2)}, name="proposer"), players=2)
    >>> spe = tree.backward_induction()
    >>> spe.plan["proposer"], spe.payoffs
    ('0', (2, 0))
    >>> spe.ties, spe.unique            # at a zero offer, accepting and rejecting both give the responder 0
    (('after 0',), False)
    >>> spe.values["after 1"]
    (1, 1)
    """

    plan: dict[str, str]
    payoffs: tuple
    ties: tuple[str, ...]
    values: dict[str, tuple]

    @property
    def unique(self) -> bool:
        """Whether no decision node had a tie (then the pure subgame-perfect equilibrium is unique)."""
        return not self.ties


class GameTree(GameMixin):
    """A finite perfect-information game tree with chance moves.

    Parameters
    ----------
    root : Decision, Chance or Terminal
        The root node.
    players : int or sequence of str
        The number of players or their labels.
    title : str
        Shown on the normal form.

    Examples
    --------
    >>> tree = GameTree(Chance({"good": (0.5, Decision(0, {"a": Terminal((1,)), "b": Terminal((0,))}, name="g")),
    ...                         "bad": (0.5, Decision(0, {"a": Terminal((0,)), "b": Terminal((3,))}, name="h"))}),
    ...                 players=1)
    >>> tree.backward_induction().payoffs
    (2.0,)
    """

    def __init__(self, root: Node, players: int | Sequence[str], title: str = "") -> None:
        _check_node(root, "root")
        if isinstance(players, (Integral, np.integer)) and not isinstance(players, bool):
            if players < 1:
                raise ValueError(f"players must be >= 1; got {players}")
            labels = tuple(f"Player {i + 1}" for i in range(int(players)))
        elif isinstance(players, (str, bytes)):
            raise TypeError(f"players must be a number or a sequence of labels; got {players!r}")
        else:
            labels = tuple(str(p) for p in players)
            if not labels:
                raise ValueError("players must name at least one player")
        self.players = labels
        self.root = root
        self.title = str(title)
        self._nodes: list[list[tuple[str, Decision]]] = [[] for _ in labels]
        self._names: dict[int, str] = {}
        self._order: list[str] = []
        seen: set[str] = set()
        for path, node in self._walk(root, ()):
            if isinstance(node, Terminal):
                if len(node.payoffs) != len(labels):
                    raise ValueError(f"terminal at {'/'.join(path) or '(root)'} has {len(node.payoffs)} payoffs; "
                                     f"expected {len(labels)} (one per player)")
            elif isinstance(node, Decision):
                if node.player >= len(labels):
                    raise ValueError(f"decision node at {'/'.join(path) or '(root)'} names player {node.player}; "
                                     f"players are 0..{len(labels) - 1}")
                name = node.name or "/".join(path) or "root"
                if name in seen:
                    raise ValueError(f"decision node names must be unique; {name!r} is used twice")
                if id(node) in self._names:
                    raise ValueError(f"node {name!r} appears twice in the tree; build a fresh node per position")
                seen.add(name)
                self._order.append(name)
                self._names[id(node)] = name
                self._nodes[node.player].append((name, node))

    @staticmethod
    def _walk(node: Node, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Node]]:
        """Depth-first pre-order, with an explicit stack (trees thousands of moves deep are fine)."""
        stack = [(path, node)]
        while stack:
            path, node = stack.pop()
            yield path, node
            stack.extend((path + (label,), child) for label, child in reversed(_children(node)))

    @property
    def num_players(self) -> int:
        """Number of players."""
        return len(self.players)

    def decision_nodes(self, player: int) -> list[tuple[str, tuple[str, ...]]]:
        """The decision nodes of ``player`` in depth-first order: (name, action labels).

        This order is the order of the choices in the player's normal-form strategy labels.

        Examples
        --------
        >>> t = GameTree(Decision(0, {"x": Terminal((0,))}, name="only"), players=1)
        >>> t.decision_nodes(0)
        [('only', ('x',))]
        """
        self._check_player(player)
        return [(name, tuple(a for a, _ in node.moves)) for name, node in self._nodes[player]]

    def _check_player(self, player: int) -> None:
        ok = isinstance(player, (Integral, np.integer)) and not isinstance(player, bool)
        if not ok or not 0 <= player < self.num_players:
            raise ValueError(f"player must be an index in 0..{self.num_players - 1}; got {player!r}")

    def num_strategies(self, player: int) -> int:
        """Number of pure strategies of ``player`` (product of its nodes' action counts)."""
        return int(np.prod([len(a) for _, a in self.decision_nodes(player)], dtype=object)) or 1

    # ------------------------------------------------------------------ the game protocol
    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Each player's pure strategies (its normal-form actions), labelled as in :meth:`strategy_labels`.

        Refused, naming :meth:`decision_nodes`, when a player has more than :data:`DEFAULT_MAX_PROFILES`.
        """
        for i in range(self.num_players):
            if self.num_strategies(i) > DEFAULT_MAX_PROFILES:
                raise ValueError(f"player {i} has {self.num_strategies(i):,} pure strategies, too many to list; "
                                 "use decision_nodes(player) for its moves")
        return tuple(tuple(self.strategy_labels(i)) for i in range(self.num_players))

    @property
    def payoff_scale(self) -> float:
        """The range of the terminal payoffs (1.0 when they are all equal); tolerances are relative to it.

        Examples
        --------
        >>> GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((3, 5))}, name="n"), players=2).payoff_scale
        5.0
        """
        values = [float(v) for _, node in self._walk(self.root, ()) if isinstance(node, Terminal) for v in node.payoffs]
        span = max(values) - min(values)
        return span if span > 0 else 1.0

    def best_response_value(self, player: int, plan: Mapping[str, str]) -> Any:
        """The most ``player`` can get by changing its own moves while the others follow ``plan``.

        One bottom-up pass: the player maximises at its own nodes, the others follow ``plan``, chance averages.

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((3, 5))}, name="n"), players=2)
        >>> t.best_response_value(0, {"n": "a"})
        3
        """
        self._check_player(player)
        self._check_plan(plan)

        def best(node: Decision, sub: list[tuple[str, tuple]]) -> tuple:
            return max(sub, key=lambda move: move[1][player])[1]

        return self._fold(self.root, best, plan, free=player)[player]

    def regret(self, profile: Mapping[str, str]) -> Any:
        """The largest gain any player gets by changing its own moves alone from the plan ``profile``
        (node name -> action), computed on the tree without its normal form.

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((3, 5))}, name="n"), players=2)
        >>> t.regret({"n": "a"}), t.regret({"n": "b"})
        (2, 0)
        """
        own = self.payoffs_under(profile)
        gains = [self.best_response_value(i, profile) - own[i] for i in range(self.num_players)]
        return max(max(gains), 0)

    def to_normal_form(self, max_profiles: int = DEFAULT_MAX_PROFILES) -> Any:
        """The normal form (see :meth:`normal_form`).

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((3, 5))}, name="n"), players=2)
        >>> t.to_normal_form().shape
        (2, 1)
        """
        return self.normal_form(max_profiles=max_profiles)

    # ------------------------------------------------------------------ solving
    def backward_induction(self, tol: float = 1e-12) -> SubgamePerfect:
        """A pure subgame-perfect equilibrium by backward induction.

        Parameters
        ----------
        tol : float
            Absolute tolerance for ties: actions within ``tol`` of the best are tied and the first
            listed is chosen (the tie is recorded in ``ties``). Exact payoffs compare exactly.

        Returns
        -------
        SubgamePerfect

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((1, 5))}, name="n"), players=2)
        >>> spe = t.backward_induction()
        >>> spe.plan, spe.ties
        ({'n': 'a'}, ('n',))
        """
        if isinstance(tol, bool) or not isinstance(tol, Real) or not 0 <= tol < 1:
            raise ValueError(f"tol must be a number in [0, 1); got {tol!r}")
        plan: dict[str, str] = {}
        ties: list[str] = []
        values: dict[str, tuple] = {}

        def solve(node: Node, sub: list[tuple[str, tuple]]) -> tuple:
            name = self._names[id(node)]
            best = max(v[node.player] for _, v in sub)
            exact = isinstance(best, (int, Fraction))
            optimal = [(a, v) for a, v in sub
                       if (v[node.player] == best if exact and isinstance(v[node.player], (int, Fraction))
                           else v[node.player] >= best - tol)]
            if len(optimal) > 1:
                ties.append(name)
            plan[name] = optimal[0][0]
            values[name] = optimal[0][1]
            return optimal[0][1]

        payoffs = self._fold(self.root, solve)
        plan = {name: plan[name] for name in self._order}
        return SubgamePerfect(plan=plan, payoffs=tuple(payoffs), ties=tuple(ties), values=values)

    def _check_plan(self, plan: Mapping[str, str]) -> None:
        for i in range(self.num_players):
            for name, actions in self.decision_nodes(i):
                if name not in plan:
                    raise ValueError(f"plan must choose an action at every decision node; missing {name!r}")
                if plan[name] not in actions:
                    raise ValueError(f"plan[{name!r}] must be one of {actions}; got {plan[name]!r}")

    def outcome_probabilities(self, plan: Mapping[str, str]) -> dict[str, Any]:
        """Probability of reaching each named terminal outcome when every player follows ``plan``.

        Terminals without a name are collected under ``""``.

        Examples
        --------
        >>> t = GameTree(Chance({"a": (0.25, Terminal((1,), name="win")),
        ...                      "b": (0.75, Terminal((0,), name="loss"))}), players=1)
        >>> t.outcome_probabilities({})
        {'win': 0.25, 'loss': 0.75}
        """
        self._check_plan(plan)
        out: dict[str, Any] = {}
        stack: list[tuple[Node, Any]] = [(self.root, 1)]
        while stack:
            node, prob = stack.pop()
            if isinstance(node, Terminal):
                out[node.name] = out.get(node.name, 0) + prob
            elif isinstance(node, Chance):
                stack.extend((child, prob * p) for _, p, child in reversed(node.moves))
            else:
                stack.append((dict(node.moves)[plan[self._names[id(node)]]], prob))
        return out

    def payoffs_under(self, plan: Mapping[str, str]) -> tuple:
        """Expected payoffs when every player follows ``plan`` (node name -> action).

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Terminal((1,)), "b": Terminal((2,))}, name="n"), players=1)
        >>> t.payoffs_under({"n": "a"})
        (1,)
        """
        self._check_plan(plan)
        return self._value(self.root, plan)

    def _value(self, node: Node, plan: Mapping[str, str]) -> tuple:
        def follow(decision: Decision, sub: list[tuple[str, tuple]]) -> tuple:
            return sub[0][1]

        return self._fold(node, follow, plan)

    def _fold(self, root: Node, decide: Any, plan: Mapping[str, str] | None = None, free: int | None = None) -> tuple:
        """Payoff vector of ``root``, bottom-up with an explicit stack: terminals give their payoffs, chance
        nodes the expectation, a decision node ``decide(node, [(action, value), ...])``; with ``plan``
        only the planned move of each decision node is evaluated, except at the nodes of player ``free``."""
        done: dict[int, tuple] = {}
        stack: list[tuple[Node, bool]] = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if isinstance(node, Terminal):
                done[id(node)] = node.payoffs
                continue
            if isinstance(node, Decision) and plan is not None and node.player != free:
                action = plan[self._names[id(node)]]
                moves = [(action, dict(node.moves)[action])]
            else:
                moves = _children(node)
            if not expanded:
                stack.append((node, True))
                stack.extend((child, False) for _, child in reversed(moves))
                continue
            if isinstance(node, Chance):
                vals = [(p, done[id(child)]) for _, p, child in node.moves]
                done[id(node)] = tuple(sum(p * v[i] for p, v in vals) for i in range(self.num_players))
            else:
                done[id(node)] = decide(node, [(a, done[id(child)]) for a, child in moves])
        return done[id(root)]

    # ------------------------------------------------------------------ normal form
    def strategy_labels(self, player: int) -> list[str]:
        """Labels of ``player``'s pure strategies: its actions at its nodes, joined by ``/``.

        Nodes are in the order of :meth:`decision_nodes`; a player without a node has one strategy ``"-"``.

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Decision(0, {"c": Terminal((0,)), "d": Terminal((1,))}, name="m"),
        ...                           "b": Terminal((2,))}, name="n"), players=1)
        >>> t.strategy_labels(0)
        ['a/c', 'a/d', 'b/c', 'b/d']
        """
        nodes = self.decision_nodes(player)
        if not nodes:
            return ["-"]
        return ["/".join(choice) for choice in itertools.product(*(acts for _, acts in nodes))]

    def profile(self, plan: Mapping[str, str]) -> list[int]:
        """The pure normal-form profile (one strategy index per player) that plays ``plan``.

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Terminal((1,)), "b": Terminal((2,))}, name="n"), players=1)
        >>> t.profile({"n": "b"})
        [1]
        """
        self._check_plan(plan)
        out = []
        for i in range(self.num_players):
            idx = 0
            for name, acts in self.decision_nodes(i):
                idx = idx * len(acts) + acts.index(plan[name])
            out.append(idx)
        return out

    def normal_form(self, max_profiles: int = DEFAULT_MAX_PROFILES) -> Any:
        """The (unreduced) normal form: every pure strategy of every player, expected payoffs.

        Parameters
        ----------
        max_profiles : int
            Refuse, at once, trees whose normal form has more pure profiles than this (the normal
            form grows exponentially in the number of decision nodes; use :meth:`backward_induction`
            on such trees).

        Returns
        -------
        games.NormalFormGame
            Exact when every payoff and probability is an int or a Fraction.

        Examples
        --------
        >>> t = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((0, 1))}, name="n"), players=2)
        >>> g = t.normal_form()
        >>> g.shape, g.actions
        ((2, 1), (('a', 'b'), ('-',)))
        """
        from .normal_form import NormalFormGame

        if isinstance(max_profiles, bool) or not isinstance(max_profiles, (Integral, np.integer)) or max_profiles < 1:
            raise ValueError(f"max_profiles must be a positive integer; got {max_profiles!r}")
        shape = tuple(self.num_strategies(i) for i in range(self.num_players))
        total = int(np.prod(shape, dtype=object))
        if total > max_profiles:
            def show(k: int) -> str:
                return str(k) if k < 10 ** 15 else f"about 10^{len(str(k)) - 1}"

            raise ValueError(f"the normal form of this tree has {show(total)} pure profiles (strategies per player "
                             f"{', '.join(show(k) for k in shape)}), more than max_profiles={max_profiles}; solve the "
                             "tree with backward_induction() or raise max_profiles")
        choices = [list(itertools.product(*(acts for _, acts in self.decision_nodes(i)))) or [()]
                   for i in range(self.num_players)]
        names = [[name for name, _ in self.decision_nodes(i)] for i in range(self.num_players)]
        out = np.empty(shape + (self.num_players,), dtype=object)
        for idx in itertools.product(*(range(n) for n in shape)):
            plan = {}
            for i, k in enumerate(idx):
                plan.update(zip(names[i], choices[i][k]))
            out[idx] = list(self._value(self.root, plan))
        return NormalFormGame(out, players=self.players,
                              actions=[self.strategy_labels(i) for i in range(self.num_players)], title=self.title)


@dataclass(frozen=True, eq=False)
class TreeEquilibrium(Equilibrium):
    """An equilibrium of a :class:`GameTree` found on the tree: an :class:`~games.equilibrium.Equilibrium` whose
    ``profile`` is one pure strategy per player (one-hot over :meth:`GameTree.strategy_labels`; empty when a
    player has more than :data:`DEFAULT_MAX_PROFILES` strategies) with the plan it plays.

    Attributes
    ----------
    plan : dict
        The action at every decision node (node name -> action).
    ties : tuple of str
        Nodes where several actions were optimal (other subgame-perfect equilibria exist when non-empty).

    Examples
    --------
    >>> import games
    >>> t = GameTree(Decision(0, {"out": Terminal((0, 2)),
    ...                           "in": Decision(1, {"fight": Terminal((-1, -1)), "share": Terminal((1, 1))},
    ...                                          name="incumbent")}, name="entrant"), players=2)
    >>> eq = games.equilibria(t)[0]
    >>> eq.plan, eq.pure_actions(), eq.regret
    ({'entrant': 'in', 'incumbent': 'share'}, ('in', 'share'), 0.0)
    """

    plan: dict[str, str] = field(default_factory=dict)
    ties: tuple[str, ...] = ()


@register_solver("backward-induction", game_type=GameTree, rank=0, finds="subgame perfect", exact=True,
                 tol_zero=True, auto=lambda game: True,
                 summary="backward induction on the tree (no normal form), the plan's regret checked on the tree")
def subgame_perfect(game: GameTree, *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """A pure subgame-perfect equilibrium by backward induction, verified on the tree (``method="backward-induction"``).

    Ties are broken towards the first listed action and recorded; ``tol`` (relative to the payoff scale)
    decides ties and bounds the verified regret.

    Examples
    --------
    >>> t = GameTree(Decision(0, {"a": Terminal((1, 0)), "b": Terminal((3, 5))}, name="n"), players=2)
    >>> eqs = subgame_perfect(t)
    >>> eqs[0].plan, eqs.complete
    ({'n': 'b'}, False)
    """
    scale = game.payoff_scale
    spe = game.backward_induction(tol=min(tol * scale, 0.5) if not exact else 0)
    regret = game.regret(spe.plan)
    abs_tol = 0 if exact else tol * scale
    if regret > abs_tol:  # pragma: no cover - backward induction is optimal at every node
        return EquilibriumSet([], method="backward-induction", complete=False, rejected=1,
                              note=f"the backward-induction plan failed verification (regret {regret})")
    small = all(game.num_strategies(i) <= DEFAULT_MAX_PROFILES for i in range(game.num_players))
    if small:
        index = game.profile(spe.plan)
        profile = tuple(np.eye(game.num_strategies(i))[k] for i, k in enumerate(index))
        labels = game.actions
    else:
        profile, labels = (), ()
    eq = TreeEquilibrium(profile=profile, payoffs=np.array(spe.payoffs, dtype=object if exact else float),
                         regret=regret if exact else float(regret), method="backward-induction", exact=exact,
                         tol=abs_tol, labels=labels, plan=dict(spe.plan), ties=spe.ties)
    note = ("a subgame-perfect equilibrium; ties at " + ", ".join(spe.ties) + " give others") if spe.ties else \
        "the unique pure subgame-perfect equilibrium (other Nash equilibria may exist: solve the normal form)"
    return EquilibriumSet([eq], method="backward-induction", complete=False, note=note)
