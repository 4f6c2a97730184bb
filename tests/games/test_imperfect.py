"""Extensive games with information sets and chance (games.imperfect): structure, perfect recall, behaviour
strategies, regret on the tree and the reduced normal form. Values are derived by hand or from Kuhn (1950)."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

from games.catalog_trees import crisis_bargaining, kuhn_poker
from games.imperfect import ExtensiveGame


def pennies() -> ExtensiveGame:
    g = ExtensiveGame(["Ann", "Bob"])
    for a, node in g.root.decision("Ann", ["H", "T"], infoset="Ann").items():
        for b, leaf in node.decision("Bob", ["H", "T"], infoset="Bob").items():
            leaf.terminal([1, -1] if a == b else [-1, 1])
    return g


def kuhn_equilibrium(alpha: F) -> dict:
    """Kuhn's (1950) family of optimal strategies: player 1 bluffs with J at rate alpha in [0, 1/3], bets K at
    3 alpha, calls with Q after check-bet at alpha + 1/3; player 2 calls a bet with Q at 1/3, bluffs J after a
    check at 1/3, always bets and calls with K, never calls with J, checks Q after a check."""
    return {
        "1J": {"bet": alpha, "check": 1 - alpha}, "1Q": "check", "1K": {"bet": 3 * alpha, "check": 1 - 3 * alpha},
        "1J:cb": "fold", "1Q:cb": {"call": alpha + F(1, 3), "fold": F(2, 3) - alpha}, "1K:cb": "call",
        "2J:b": "fold", "2Q:b": {"call": F(1, 3), "fold": F(2, 3)}, "2K:b": "call",
        "2J:c": {"bet": F(1, 3), "check": F(2, 3)}, "2Q:c": "check", "2K:c": "bet",
    }


def test_matching_pennies_tree_is_matching_pennies():
    g = pennies()
    nf = g.to_normal_form()
    assert nf.actions == (("H", "T"), ("H", "T"))
    assert nf.exact_payoffs[..., 0].tolist() == [[1, -1], [-1, 1]]
    assert g.regret({"Ann": [F(1, 2), F(1, 2)], "Bob": [F(1, 2), F(1, 2)]}) == 0
    assert g.regret({"Ann": "H", "Bob": "H"}) == 2       # Bob moves from -1 to 1
    assert g.is_nash({"Ann": [0.5, 0.5], "Bob": [0.5, 0.5]})


@pytest.mark.parametrize("alpha", [F(0), F(1, 6), F(1, 3)])
def test_kuhns_optimal_strategies_have_zero_regret_and_value_minus_one_eighteenth(alpha):
    g = kuhn_poker()
    profile = kuhn_equilibrium(alpha)
    assert g.expected_payoffs(profile) == (F(-1, 18), F(1, 18))   # Kuhn (1950)
    assert g.regret(profile) == 0


def test_a_deviation_from_kuhns_strategies_has_the_hand_computed_regret():
    g = kuhn_poker()
    profile = kuhn_equilibrium(F(0))
    profile["2Q:b"] = "call"
    # the reduced normal form (an independent computation) agrees with the tree on payoffs and regret
    nf = g.to_normal_form()
    mixed = g.mixed_profile(profile)
    assert tuple(nf.expected_payoffs(list(mixed))) == g.expected_payoffs(profile)
    assert nf.regret(list(mixed)) == g.regret(profile)


def test_kuhn_reduced_normal_form_is_27_by_64():
    # player 1: for each card, bet or check-then-(fold or call): 3^3; player 2: 2 choices at 2 sets per card: 4^3
    g = kuhn_poker()
    assert (g.num_strategies(0), g.num_strategies(1)) == (27, 64)
    assert g.to_normal_form().shape == (27, 64)
    assert g.actions[0][0].count("/") == 5 and "*" in g.actions[0][-1]


def test_crisis_game_equilibrium_derived_by_hand():
    # resolve 1/3: the defender is indifferent when P(resolved | challenge) = 2/3, i.e. the unresolved type
    # challenges with b = (1/3) / (2 * 2/3) = 1/4; the unresolved type is indifferent when the defender
    # concedes with c: c * 1 + (1 - c) * (-1) = 0, c = 1/2. Payoffs: challenger 1/3 * (1/2 + 1/2 * 1/2) = 1/4,
    # defender 1/3 * (1/2 * -1 + 1/2 * -2) = -1/2.
    g = crisis_bargaining()
    profile = {"challenger resolved": "challenge", "resolved resisted": "war",
               "challenger unresolved": {"challenge": F(1, 4), "status quo": F(3, 4)},
               "unresolved resisted": "back down", "defender": {"concede": F(1, 2), "resist": F(1, 2)}}
    assert g.expected_payoffs(profile) == (F(1, 4), F(-1, 2))
    assert g.regret(profile) == 0
    profile["defender"] = "resist"       # the unresolved type would then keep the status quo: gain 0;
    # the defender against this mix: resisting earns 1/3*(-2) + 2/3*1/4*1 = -1/2 as before, so no gain; the
    # resolved type still challenges; the unresolved type's challenge now earns -1 instead of 0: regret 1 * 2/3 * 1/4
    assert g.regret(profile) == F(1, 6)


def test_best_response_by_hand():
    g = pennies()
    value, plan = g.best_response("Bob", {"Ann": [F(1, 3), F(2, 3)], "Bob": "H"})
    # Bob wins on a mismatch: H earns 2/3 * 1 + 1/3 * (-1) = 1/3, T earns 1/3 - 2/3 = -1/3
    assert (value, plan) == (F(1, 3), {"Bob": "H"})


def test_three_players_and_chance():
    g = ExtensiveGame(3)
    coin = g.root.chance({"h": F(1, 2), "t": F(1, 2)})
    for side, node in coin.items():
        kids = node.decision(0, ["x", "y"], infoset="P1")
        for a, child in kids.items():
            child.decision(2, ["u", "v"], infoset=f"P3{side}")["u"].terminal([1, 0, 2] if a == "x" else [0, 1, 0])
            child.children["v"].terminal([0, 0, 1])
    assert g.num_players == 3 and g.actions[1] == ("-",)
    nf = g.to_normal_form()
    assert nf.shape == (2, 1, 4)
    # player 1 plays x, player 3 plays u on both sides: payoffs (1, 0, 2); u is player 3's best (2 > 1) and
    # x is player 1's (1 > 0); with y, player 1 loses 1 and player 3 (0 vs 1) would switch to v: regret 1
    assert g.expected_payoffs({"P1": "x", "P3h": "u", "P3t": "u"}) == (1, 0, 2)
    assert g.regret({"P1": "x", "P3h": "u", "P3t": "u"}) == 0
    assert g.regret({"P1": "y", "P3h": "u", "P3t": "u"}) == 1


def test_perfect_recall_is_checked_and_named():
    g = ExtensiveGame(1)
    kids = g.root.decision(0, ["a", "b"], infoset="first")
    for node in kids.values():  # the player forgets its first move
        for leaf in node.decision(0, ["c", "d"], infoset="forgot").values():
            leaf.terminal([0])
    with pytest.raises(ValueError, match="lacks perfect recall at information set 'forgot'"):
        g.leaves()


def test_bad_trees_are_refused_clearly():
    g = ExtensiveGame(2)
    kids = g.root.decision(0, ["a", "b"])
    kids["a"].decision(1, ["c", "d"], infoset="I")
    kids["b"].decision(1, ["c", "e"], infoset="I")
    with pytest.raises(ValueError, match="is open"):
        g.leaves()
    for node in (kids["a"], kids["b"]):
        for leaf in node.children.values():
            leaf.terminal([0, 0])
    with pytest.raises(ValueError, match="information set 'I' must offer the same actions"):
        g.to_normal_form()
    h = ExtensiveGame(2)
    kids = h.root.chance({"x": F(1, 2), "y": F(1, 2)})
    kids["x"].decision(0, ["a"], infoset="I")["a"].terminal([0, 0])
    kids["y"].decision(1, ["a"], infoset="I")["a"].terminal([0, 0])
    with pytest.raises(ValueError, match="mixes players"):
        h.leaves()
    with pytest.raises(ValueError, match="must sum to 1"):
        ExtensiveGame(1).root.chance({"x": F(1, 2), "y": F(1, 3)})
    with pytest.raises(ValueError, match="must give 2 numbers"):
        ExtensiveGame(2).root.terminal([1])
    with pytest.raises(ValueError, match="player must be one of"):
        ExtensiveGame(["A"]).root.decision("B", ["x"])
    with pytest.raises(ValueError, match="already a decision node"):
        node = ExtensiveGame(1).root
        node.decision(0, ["x"])
        node.terminal([0])


def test_profiles_are_checked():
    g = pennies()
    with pytest.raises(ValueError, match="missing"):
        g.regret({"Ann": "H"})
    with pytest.raises(ValueError, match="unknown information sets"):
        g.regret({"Ann": "H", "Bob": "H", "Carl": "H"})
    with pytest.raises(ValueError, match="summing to 1"):
        g.regret({"Ann": [0.5, 0.6], "Bob": "H"})
    with pytest.raises(ValueError, match="must be one of"):
        g.regret({"Ann": "X", "Bob": "H"})


def test_too_large_normal_form_is_refused_naming_the_sequence_form():
    with pytest.raises(ValueError, match="method='sequence-form'"):
        kuhn_poker().to_normal_form(max_profiles=1000)


def test_realization_plans_and_back():
    g = kuhn_poker()
    profile = kuhn_equilibrium(F(1, 3))
    plans = [g.realization_plan(i, profile) for i in (0, 1)]
    seqs = g.sequences(0)
    assert plans[0][seqs.index("1J:bet")] == F(1, 3) and plans[0][seqs.index("1K:bet")] == 1
    back = g.behaviour_from_plans(plans)
    assert back["1Q:cb"] == {"fold": F(1, 3), "call": F(2, 3)}
    # with 3 alpha = 1 player 1 always bets K, so its own plan never reaches "1K:cb": the uniform choice
    assert back["1K:cb"] == {"fold": F(1, 2), "call": F(1, 2)}
    assert g.expected_payoffs(back) == (F(-1, 18), F(1, 18))
    assert np.isclose(float(g.payoff_scale), 4.0)


def test_a_perfect_information_tree_converts_with_the_same_normal_form():
    from games.extensive import Chance, Decision, GameTree, Terminal

    inner = Decision(1, {"l": Terminal((0, 1)), "r": Terminal((2, 0))})
    tree = GameTree(Chance({"x": (F(1, 3), inner), "y": (F(2, 3), Terminal((3, 3)))}), players=2)
    g = ExtensiveGame.from_tree(tree)
    assert g.has_perfect_information and g.infosets(1) == [("x", ("l", "r"))]
    assert g.to_normal_form().exact_payoffs.tolist() == tree.normal_form().exact_payoffs.tolist()


def test_three_player_trees_are_solved_on_the_reduced_normal_form_by_default():
    import games

    g = ExtensiveGame(3)
    for side, node in g.root.chance({"h": F(1, 2), "t": F(1, 2)}).items():
        for a, child in node.decision(0, ["x", "y"], infoset="P1").items():
            child.decision(2, ["u", "v"], infoset=f"P3{side}")["u"].terminal([1, 0, 2] if a == "x" else [0, 1, 0])
            child.children["v"].terminal([0, 0, 1])
    eqs = games.equilibria(g)
    # by hand (see test_three_players_and_chance): x with u on both sides is the pure equilibrium where player 1
    # gets 1; y with v on both sides is another (player 1 gets 0 either way, player 3 gets 1 > 0)
    assert {eq.pure_actions() for eq in eqs if eq.is_pure} == {("x", "-", "u/u"), ("y", "-", "v/v")}
    assert all(eq.regret <= 1e-9 for eq in eqs)      # against v/v player 1 is indifferent: a continuum
    assert not eqs.complete and "continuum" in eqs.note
