"""Consensus and cooperation: voting power in a small council, and whether a split of a joint burden is stable.

The essay: regimes need "consensus on sanctions implementation", and their members "will take joint
decisions and will bear equal responsibility". The power indices come from
:class:`games.cooperative.WeightedVotingGame`, the core from :class:`games.cooperative.TUGame`; each topic
also works the answer out by hand (voting orders, coalition by coalition) and checks the two agree.

Examples
--------
>>> from models.exercises import generate
>>> sum(generate("voting-power", 0).answer.values())
Fraction(1, 1)
>>> generate("core-check", 1).answer["in_core"] in ("yes", "no")
True
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import combinations, permutations

from games.cooperative import TUGame, WeightedVotingGame

from ..record import Exercise
from ..registry import Draw, exercise_topic
from ..text import tex_number as tex

__all__: list[str] = []

NAMES = ("A", "B", "C", "D")


@exercise_topic("voting-power", title="Shapley-Shubik power in a weighted council",
                summary="the Shapley-Shubik index of each member of a three- or four-member weighted vote")
def voting_power(draw: Draw) -> Exercise | None:
    """A council ``[q; w_A, ..., w_D]``; the answer is every member's Shapley-Shubik index."""
    n = int(draw.rng.integers(3, 5))
    weights = sorted((int(w) for w in draw.rng.integers(1, 6, size=n)), reverse=True)
    total = sum(weights)
    quota = int(draw.rng.integers(total // 2 + 1, total + 1))
    names = NAMES[:n]
    game = WeightedVotingGame(weights, quota, players=names)
    if len(game.dummies()) == n - 1 or len(set(game.shapley_shubik())) == 1:
        return None                                    # a dictator or full symmetry: nothing to work out
    pivots = dict.fromkeys(names, 0)
    for order in permutations(range(n)):
        acc = 0
        for i in order:
            acc += weights[i]
            if acc >= quota:
                pivots[names[i]] += 1
                break
    orders = math.factorial(n)
    by_hand = {k: Fraction(v, orders) for k, v in pivots.items()}
    engine = dict(zip(names, game.shapley_shubik()))
    if by_hand != engine:
        raise RuntimeError(  # pragma: no cover
            f"voting-power {weights}, {quota}: orders give {by_hand}, the engine {engine}")
    council = ", ".join(f"{a} has {w}" for a, w in zip(names, weights))
    steps = [f"There are {n}! = {orders} orders in which the members can declare their votes; in each, the member "
             f"whose vote first brings the total to {quota} is pivotal."]
    for a in names:
        steps.append(f"{a} is pivotal in {pivots[a]} of the {orders} orders: index ${tex(by_hand[a])}$.")
    if game.veto_players():
        steps.append("Veto members (no coalition wins without them): "
                     + ", ".join(names[i] for i in game.veto_players()) + ".")
    steps.append("The indices sum to 1: the whole power to pass a decision is shared out.")
    return draw.exercise(
        question=(f"A council votes by weights: {council} votes; a decision needs {quota} of the {total} votes. "
                  "Find each member's Shapley-Shubik power index."),
        answer=by_hand, labels={a: f"Index of {a}" for a in names},
        answer_format="{" + ", ".join(f"'{a}': fraction" for a in names) + "}", solution=steps)


@exercise_topic("core-check", title="Is a split of a joint burden in the core?",
                summary="whether an allocation of a three-state coalition's worth is in the core, and its worst excess")
def core_check(draw: Draw) -> Exercise | None:
    """Three states, the worth of each coalition, and a proposed split of the grand coalition's worth."""
    singles = [int(v) for v in draw.rng.integers(0, 4, size=3)]
    pairs = {S: singles[S[0]] + singles[S[1]] + int(draw.rng.integers(0, 7)) for S in combinations(range(3), 2)}
    grand = sum(singles) + int(draw.rng.integers(max(pairs[S] - singles[S[0]] - singles[S[1]] for S in pairs), 12))
    values = {(i,): singles[i] for i in range(3)} | pairs | {(0, 1, 2): grand}
    game = TUGame(values, num_players=3, players=NAMES[:3])
    if draw.rng.random() < 0.5:
        split = [Fraction(grand, 3)] * 3                         # equal responsibility
        how = "equally"
    else:
        cut = sorted(int(v) for v in draw.rng.integers(0, grand + 1, size=2))
        split = [Fraction(cut[0]), Fraction(cut[1] - cut[0]), Fraction(grand - cut[1])]
        how = "as follows"
    excess = {S: sum(split[i] for i in S) - v for S, v in values.items() if len(S) < 3}
    worst = min(excess.values())
    aggrieved = min(excess, key=lambda S: (excess[S], len(S), S))
    in_core = worst >= 0
    if in_core != game.core_contains(split):
        raise RuntimeError(f"core-check {values}, {split}: by hand {in_core}")  # pragma: no cover
    name = {S: "{" + ", ".join(NAMES[i] for i in S) + "}" for S in values}
    worth = "; ".join(f"$v({name[S][1:-1]}) = {v}$" for S, v in values.items() if len(S) < 3)
    proposal = ", ".join(f"{NAMES[i]} ${tex(split[i])}$" for i in range(3))
    steps = [f"The split is efficient: it shares out $v(A, B, C) = {grand}$."]
    steps += [f"{name[S]}: gets ${tex(sum(split[i] for i in S))}$, worth ${values[S]}$, excess ${tex(excess[S])}$."
              for S in excess]
    steps.append(f"The smallest excess is ${tex(worst)}$: " + (
        "no group gets less than it could secure alone, so the split is in the core." if in_core else
        f"{name[aggrieved]} would rather act alone, so the split is not in the core."))
    return draw.exercise(
        question=(f"Three states can act in any coalition; the worth of each: {worth}. The grand coalition's "
                  f"worth $v(A, B, C) = {grand}$ is split {how}: {proposal}. Is the split in the core? What is the "
                  "smallest excess $x(S) - v(S)$ over the coalitions $S$ short of all three?"),
        answer={"in_core": "yes" if in_core else "no", "smallest_excess": worst},
        labels={"in_core": "In the core", "smallest_excess": "Smallest excess"},
        answer_format="{'in_core': 'yes' | 'no', 'smallest_excess': fraction}", solution=steps)
