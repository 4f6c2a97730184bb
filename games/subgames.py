"""Subgame-perfect equilibria of two-player extensive games: solve each proper subgame, fold it back.

A *proper subgame* starts at a node that is an information set of its own and whose subtree cuts no
information set (every set with a node below it has all its nodes below it). Working from the deepest
subgames up, each is solved in behaviour strategies by the sequence form (:mod:`games.sequence_form`) on a
copy of its subtree in which the subgames already solved are replaced by terminals paying their
equilibrium values; the behaviour strategies found are put together. The result is a Nash equilibrium in
every subgame (each subgame's equilibrium is verified by its own regret) and its regret on the whole tree
is checked too.

Examples
--------
>>> import games
>>> from games.catalog_trees import entry_deterrence
>>> eq = games.equilibria(entry_deterrence(), method="subgame-perfect", exact=True)[0]
>>> eq.behaviour["incumbent"], eq.payoffs.tolist()
({'fight': 0, 'accommodate': 1}, [1, 1])
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from .equilibrium import EquilibriumSet
from .imperfect import BehaviourEquilibrium, ExtensiveGame, Node
from .sequence_form import sequence_form_equilibrium, verified_equilibrium
from .solvers.registry import register_solver

__all__ = ["proper_subgames", "reduced_normal_form_equilibria", "subgame_perfect_equilibrium"]


def _postorder(root: Node) -> list[Node]:
    out, stack = [], [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            out.append(node)
            continue
        stack.append((node, True))
        stack.extend((node.children[a], False) for a in reversed(node.actions))
    return out


def proper_subgames(game: ExtensiveGame) -> list[Node]:
    """The roots of the proper subgames other than the whole game, deepest first (a post-order).

    Examples
    --------
    >>> from games.catalog_trees import entry_deterrence, kuhn_poker
    >>> [node.where for node in proper_subgames(entry_deterrence())]
    ['in']
    >>> proper_subgames(kuhn_poker())       # every deal is hidden from one player: no proper subgame
    []
    """
    game.leaves()  # checks the tree
    sizes = Counter(node.infoset for node in _postorder(game.root) if node.kind == "decision")
    below: dict[int, Counter] = {}
    roots = []
    for node in _postorder(game.root):
        count: Counter = Counter()
        for child in node.children.values():
            count.update(below.pop(id(child)))
        if node.kind == "decision":
            count[node.infoset] += 1
        below[id(node)] = count
        own_set = node.kind != "decision" or sizes[node.infoset] == 1
        if node is not game.root and node.kind != "terminal" and own_set \
                and all(sizes[label] == k for label, k in count.items()):
            roots.append(node)
    return roots


def _copy(src: Node, dst: Node, solved: dict[int, tuple]) -> None:
    stack = [(src, dst, True)]
    while stack:
        s, d, top = stack.pop()
        if not top and id(s) in solved:
            d.terminal(list(solved[id(s)]))
        elif s.kind == "terminal":
            d.terminal(list(s.payoffs), name=s.name)
        else:
            kids = (d.chance(dict(zip(s.actions, s.probabilities)), name=s.name) if s.kind == "chance" else
                    d.decision(s.player, s.actions, infoset=s.infoset, name=s.name))
            stack.extend((s.children[a], kids[a], False) for a in reversed(s.actions))


@register_solver("subgame-perfect", game_type=ExtensiveGame, rank=10, finds="one", players=(2, 2), exact=True,
                 summary="a subgame-perfect equilibrium: each proper subgame solved in sequence form, deepest "
                         "first, and folded back; regret checked in every subgame and on the tree")
def subgame_perfect_equilibrium(game: ExtensiveGame, *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """A subgame-perfect equilibrium of a two-player extensive game (``method="subgame-perfect"``).

    Examples
    --------
    >>> from games.catalog_trees import crisis_bargaining
    >>> res = subgame_perfect_equilibrium(crisis_bargaining(), exact=True)
    >>> res[0].payoffs.tolist(), res.note.split(";")[0]
    ([Fraction(1, 4), Fraction(-1, 2)], '2 proper subgames solved and folded back')
    """
    if game.num_players != 2:
        raise ValueError(f"method='subgame-perfect' needs a 2-player game; this game has {game.num_players}")
    if exact and not game.is_exact:
        raise ValueError("exact=True needs exact payoffs and chance probabilities (ints or Fractions)")
    solved: dict[int, tuple] = {}
    behaviour: dict[str, dict[str, Any]] = {}
    roots = proper_subgames(game)
    for root in [*roots, game.root]:
        part = ExtensiveGame(game.players, title=f"subgame at {root.where}")
        _copy(root, part.root, solved)
        eqs = sequence_form_equilibrium(part, tol=tol, exact=exact)
        if not eqs:
            return EquilibriumSet([], method="subgame-perfect", complete=False, rejected=1,
                                  note=f"the subgame at {root.where} was not solved: {eqs.note}")
        solved[id(root)] = tuple(eqs[0].payoffs)
        behaviour.update(eqs[0].behaviour)
    plans = [game.realization_plan(i, behaviour) for i in range(game.num_players)]
    eq = verified_equilibrium(game, plans, "subgame-perfect", tol, exact)
    if eq is None:  # pragma: no cover - folding back equilibria of the subgames gives an equilibrium
        return EquilibriumSet([], method="subgame-perfect", complete=False, rejected=1,
                              note="the folded-back profile failed verification on the whole tree")
    # keep the behaviour found in every subgame (verified_equilibrium re-derives unreached sets as uniform)
    eq = BehaviourEquilibrium(profile=eq.profile, payoffs=eq.payoffs, regret=eq.regret, method=eq.method,
                              exact=eq.exact, tol=eq.tol, labels=eq.labels,
                              behaviour={label: behaviour[label] for label in eq.behaviour})
    value = np.asarray(eq.payoffs)
    note = (f"{len(roots)} proper subgame{'s' if len(roots) != 1 else ''} solved and folded back; "
            f"payoffs {', '.join(str(v) for v in value)}")
    return EquilibriumSet([eq], method="subgame-perfect", complete=False, note=note)


@register_solver("normal-form", game_type=ExtensiveGame, rank=50, finds="one", exact=True,
                 auto=lambda game: game.num_players != 2,
                 summary="the reduced normal form (refused when large) solved by its own default method "
                         "(pure equilibria for 1 or 3+ players); profiles over reduced strategies")
def reduced_normal_form_equilibria(game: ExtensiveGame, *, tol: float = 1e-9, exact: bool = False) -> EquilibriumSet:
    """Equilibria of the reduced normal form, for trees of any number of players (``method="normal-form"``).

    The default for trees of 1 or 3+ players (the sequence form here is for two). Each equilibrium is verified
    on the normal form (by Kuhn's theorem its mixed strategies have realization-equivalent behaviour strategies).

    Examples
    --------
    >>> g = ExtensiveGame(3)
    >>> kids = g.root.decision(0, ["a", "b"])
    >>> kids["a"].terminal([1, 0, 0]); kids["b"].terminal([0, 1, 0])
    >>> res = reduced_normal_form_equilibria(g)
    >>> res[0].pure_actions(), res.note.split(";")[0]
    (('a', '-', '-'), 'every equilibrium (3 support profiles searched)')
    """
    from .solvers import equilibria

    nf = game.to_normal_form()
    if exact:
        nf = nf.as_exact()
    result = equilibria(nf, tol=tol, exact=exact)
    result.note = f"{result.note}; the reduced normal form ({'x'.join(str(k) for k in nf.shape)})"
    return result
