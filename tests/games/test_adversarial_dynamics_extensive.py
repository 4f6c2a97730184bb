"""Adversarial inputs for games.extensive: very deep trees, chance nodes that do not add up, bad
tolerances, repeated labels, ties, and normal forms too large to build."""

from fractions import Fraction

import pytest

from games.extensive import Chance, Decision, GameTree, Terminal


def _centipede(stages):
    """Rosenthal's (1981) centipede: at stage k the mover (k mod 2) takes (k + 2, k) for itself and the
    other, or passes; after the last stage both get ``stages``. Taking beats passing when the other
    takes next (k + 2 > k + 1) and at the last stage (stages + 1 > stages), so backward induction takes
    at once, uniquely: payoffs (2, 0)."""
    node = Terminal((stages, stages))
    for k in reversed(range(stages)):
        mover = k % 2
        take = (k + 2, k) if mover == 0 else (k, k + 2)
        node = Decision(mover, {"take": Terminal(take), "pass": node}, name=f"stage {k}")
    return GameTree(node, players=2)


def test_deep_centipede_solves_without_recursion_limit():
    tree = _centipede(3000)            # recursion used to fail from about 500 stages
    spe = tree.backward_induction()
    assert spe.payoffs == (2, 0)
    assert set(spe.plan.values()) == {"take"} and spe.unique
    assert tree.payoffs_under({name: "pass" for name in spe.plan}) == (3000, 3000)


def test_deep_tree_with_chance_outcome_probabilities():
    """A chain of 2000 fair coins; 'stop' on heads: the tails-all-the-way terminal has probability 2^-2000."""
    node = Terminal((0,), name="end")
    for k in range(2000):
        node = Chance({"heads": (Fraction(1, 2), Terminal((1,), name="stop")), "tails": (Fraction(1, 2), node)})
    probs = GameTree(node, players=1).outcome_probabilities({})
    assert probs["end"] == Fraction(1, 2 ** 2000)
    assert probs["stop"] == 1 - Fraction(1, 2 ** 2000)


@pytest.mark.parametrize("tol", [float("nan"), -1.0, 2.0, "0.1"])
def test_chance_tolerance_is_checked(tol):
    """With tol = nan the sum check compared false and accepted probabilities summing to 0.9."""
    with pytest.raises(ValueError, match="tol"):
        Chance({"a": (0.5, Terminal((1,))), "b": (0.4, Terminal((0,)))}, tol=tol)


def test_chance_probabilities_must_sum_to_one():
    with pytest.raises(ValueError, match="sum to 1"):
        Chance({"a": (Fraction(1, 3), Terminal((1,))), "b": (Fraction(1, 3), Terminal((0,)))})
    with pytest.raises(ValueError, match="sum to 0.99"):
        Chance({"a": (0.49, Terminal((1,))), "b": (0.5, Terminal((0,)))})


def test_chance_labels_must_be_distinct():
    with pytest.raises(ValueError, match="distinct"):
        Chance([("a", 0.5, Terminal((1,))), ("a", 0.5, Terminal((0,)))])


def test_empty_action_sets_are_refused():
    with pytest.raises(ValueError, match="at least one action"):
        Decision(0, {})
    with pytest.raises(ValueError, match="at least one outcome"):
        Chance({})


def test_exact_ties_through_chance_nodes_are_recorded():
    """A fair lottery over 2 and 0 is worth exactly 1, as much as the sure 1: an exact tie."""
    lottery = Chance({"x": (Fraction(1, 2), Terminal((2, 0))), "y": (Fraction(1, 2), Terminal((0, 0)))})
    spe = GameTree(Decision(0, {"gamble": lottery, "safe": Terminal((1, 1))}, name="n"), players=2).backward_induction()
    assert spe.ties == ("n",) and spe.payoffs == (1, 0)


def test_huge_normal_form_is_refused_with_a_short_message():
    with pytest.raises(ValueError, match=r"about 10\^\d+ pure profiles") as info:
        _centipede(400).normal_form()
    assert len(str(info.value)) < 400
