"""Classic extensive-form games with chance moves and information sets (:class:`~games.imperfect.ExtensiveGame`).

- :func:`kuhn_poker`: Kuhn's (1950) three-card poker; the first player's value is ``-1/18``.
- :func:`entry_deterrence`: the entry game (perfect information; Selten 1978's chain-store stage game).
- :func:`crisis_bargaining`: a crisis with one-sided incomplete information: nature picks whether the
  challenger is resolved, the defender does not see it (a textbook signalling game in the style of Morrow 1994,
  *Game Theory for Political Scientists*, ch. 8, and Fearon 1994's audience costs).

:data:`TREE_CATALOG` maps each name to its builder.

Examples
--------
>>> from games.catalog_trees import TREE_CATALOG
>>> sorted(TREE_CATALOG)
['crisis_bargaining', 'entry_deterrence', 'kuhn_poker']
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from .imperfect import ExtensiveGame

__all__ = ["TREE_CATALOG", "crisis_bargaining", "entry_deterrence", "kuhn_poker", "random_tree"]


def kuhn_poker() -> ExtensiveGame:
    """Kuhn poker (Kuhn 1950, "A simplified two-person poker", *Contributions to the Theory of Games* I).

    Three cards (J < Q < K), one dealt to each player (six deals, each with probability 1/6); both ante 1.
    Player 1 checks or bets 1; after a check player 2 checks (showdown for 1) or bets 1, and player 1 then
    folds or calls; after a bet player 2 folds or calls (showdown for 2). Player 1's information sets are
    labelled by its card (``"1J"``) and, after check-bet, ``"1J:cb"``; player 2's by its card and what it
    faces (``"2Q:b"``, ``"2Q:c"``). The game is zero-sum with value -1/18 to player 1 (Kuhn 1950).

    Examples
    --------
    >>> g = kuhn_poker()
    >>> len(g.infosets(0)), len(g.infosets(1)), [len(s) for s in (g.sequences(0), g.sequences(1))]
    (6, 6, [13, 13])
    """
    g = ExtensiveGame(["Player 1", "Player 2"], title="Kuhn poker")
    cards = "JQK"
    deals = g.root.chance({f"{a}{b}": Fraction(1, 6) for a in cards for b in cards if a != b}, name="deal")
    for deal, node in deals.items():
        c1, c2 = deal
        win = 1 if cards.index(c1) > cards.index(c2) else -1
        first = node.decision(0, ["check", "bet"], infoset=f"1{c1}")
        after_check = first["check"].decision(1, ["check", "bet"], infoset=f"2{c2}:c")
        after_check["check"].terminal([win, -win])
        last = after_check["bet"].decision(0, ["fold", "call"], infoset=f"1{c1}:cb")
        last["fold"].terminal([-1, 1])
        last["call"].terminal([2 * win, -2 * win])
        after_bet = first["bet"].decision(1, ["fold", "call"], infoset=f"2{c2}:b")
        after_bet["fold"].terminal([1, -1])
        after_bet["call"].terminal([2 * win, -2 * win])
    return g


def entry_deterrence(fight: Any = -1, accommodate: Any = 1, monopoly: Any = 2) -> ExtensiveGame:
    """The entry game: the entrant stays out (0, ``monopoly``) or enters; the incumbent fights (both get
    ``fight``) or accommodates (both get ``accommodate``). Perfect information (Selten 1978).

    With the defaults the subgame-perfect equilibrium is (in, accommodate) with payoffs (1, 1); (out, fight) is
    a Nash equilibrium resting on an incredible threat.

    Examples
    --------
    >>> g = entry_deterrence()
    >>> g.actions
    (('out', 'in'), ('fight', 'accommodate'))
    """
    g = ExtensiveGame(["Entrant", "Incumbent"], title="entry deterrence")
    kids = g.root.decision(0, ["out", "in"], infoset="entrant")
    kids["out"].terminal([0, monopoly])
    reply = kids["in"].decision(1, ["fight", "accommodate"], infoset="incumbent")
    reply["fight"].terminal([fight, fight])
    reply["accommodate"].terminal([accommodate, accommodate])
    return g


def crisis_bargaining(resolve: Any = Fraction(1, 3), war_resolved: Any = Fraction(1, 2), war_unresolved: Any = -2,
                      war_defender: Any = -2) -> ExtensiveGame:
    """A crisis with incomplete information about the challenger's resolve.

    Nature makes the challenger resolved (probability ``resolve``) or not; the challenger knows which. It keeps
    the status quo (0, 0) or challenges. The defender, who does not observe the type, concedes (1, -1) or
    resists. Resisted, the challenger backs down (-1, 1: it pays an audience cost) or goes to war (the
    challenger gets ``war_resolved`` or ``war_unresolved`` by type, the defender ``war_defender``). A one-sided
    incomplete-information deterrence/signalling game of the kind in Morrow (1994, ch. 8) and Fearon (1994).

    With the defaults the resolved challenger challenges and fights. Facing a challenge that comes from a
    resolved type with probability ``mu``, the defender resists iff ``mu war_defender + (1 - mu) > -1``, i.e.
    ``mu < 2 / (1 - war_defender)`` (2/3 here). So for ``resolve < 2/3`` the unresolved type bluffs with
    probability ``resolve / (2 (1 - resolve))`` (making ``mu = 2/3``) and the defender concedes with
    probability 1/2 (making the bluff worth 0, as the status quo); derived by hand, see the tests.

    Examples
    --------
    >>> g = crisis_bargaining()
    >>> [label for label, _ in g.infosets(1)]
    ['defender']
    """
    g = ExtensiveGame(["Challenger", "Defender"], title="crisis bargaining")
    types = g.root.chance({"resolved": resolve, "unresolved": 1 - resolve}, name="resolve")
    for kind, war in (("resolved", war_resolved), ("unresolved", war_unresolved)):
        first = types[kind].decision(0, ["status quo", "challenge"], infoset=f"challenger {kind}")
        first["status quo"].terminal([0, 0], name="status quo")
        reply = first["challenge"].decision(1, ["concede", "resist"], infoset="defender")
        reply["concede"].terminal([1, -1], name="concession")
        last = reply["resist"].decision(0, ["back down", "war"], infoset=f"{kind} resisted")
        last["back down"].terminal([-1, 1], name="climb-down")
        last["war"].terminal([war, war_defender], name="war")
    return g


#: Every tree builder by name.
TREE_CATALOG: dict[str, Callable[..., ExtensiveGame]] = {
    "crisis_bargaining": crisis_bargaining,
    "entry_deterrence": entry_deterrence,
    "kuhn_poker": kuhn_poker,
}


def random_tree(depth: int = 4, branching: int = 2, buckets: int = 2, zero_sum: bool = False,
                seed: int | None = None) -> ExtensiveGame:
    """A random two-player tree with a chance move at the root and information sets, with perfect recall.

    The players alternate by depth; a decision node joins the information set named by its player, the
    player's own earlier moves and one of ``buckets`` random labels, so nodes the player cannot tell apart
    share its past (perfect recall holds by construction). Payoffs are random integers in -5..5.

    Parameters
    ----------
    depth : int
        Decision levels below the chance move.
    branching : int
        Actions per decision (and outcomes of the chance move).
    buckets : int
        How many information sets at most share one own-history (1: the player sees nothing of the other).
    zero_sum : bool
        Make the second player's payoff the negative of the first's.
    seed : int, optional
        For :func:`numpy.random.default_rng`.

    Examples
    --------
    >>> g = random_tree(depth=3, seed=1)
    >>> g.num_players, g.has_perfect_information
    (2, False)
    """
    import numpy as np

    from .validation import check_positive_int

    depth, branching, buckets = (check_positive_int(v, name) for v, name in
                                 ((depth, "depth"), (branching, "branching"), (buckets, "buckets")))
    rng = np.random.default_rng(seed)
    g = ExtensiveGame(2, title=f"random tree (depth {depth}, seed {seed})")
    acts = [f"a{k}" for k in range(branching)]
    kids = g.root.chance({f"c{k}": Fraction(1, branching) for k in range(branching)})
    frontier = [(node, ((), ())) for node in kids.values()]
    for level in range(depth):
        player = level % 2
        nxt = []
        for node, own in frontier:
            label = f"P{player + 1}[{'.'.join(own[player])}]#{int(rng.integers(buckets))}"
            children = node.decision(player, acts, infoset=label)
            for a, child in children.items():
                mine = own[player] + (f"{label}:{a}",)
                nxt.append((child, (mine, own[1]) if player == 0 else (own[0], mine)))
        frontier = nxt
    for node, _ in frontier:
        u = int(rng.integers(-5, 6))
        node.terminal([u, -u] if zero_sum else [u, int(rng.integers(-5, 6))])
    return g
