"""The sequence form and its solvers: Kuhn poker's value (Kuhn 1950), hand-derived equilibria, Lemke's
algorithm on small LCPs, and pygambit 16.7 (fixtures from tests/oracle/generate_tree_fixtures.py; live where
installed)."""

from __future__ import annotations

import io
import json
from fractions import Fraction as F
from pathlib import Path

import numpy as np
import pytest

import games
from games.catalog_trees import TREE_CATALOG, crisis_bargaining, entry_deterrence, kuhn_poker, random_tree
from games.efg import write_efg
from games.imperfect import BehaviourEquilibrium, ExtensiveGame
from games.lemke import RayTermination, lemke
from games.sequence_form import SequenceForm

FIXTURE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "oracle_trees.json").read_text())["trees"]
BUILDERS = {**TREE_CATALOG, "random_tree": random_tree}


def test_kuhn_poker_value_is_minus_one_eighteenth_exactly():
    # Kuhn (1950), "A simplified two-person poker": the first player's value is -1/18
    eqs = games.equilibria(kuhn_poker(), method="sequence-form", exact=True)
    assert eqs.value == F(-1, 18)
    eq = eqs[0]
    assert isinstance(eq, BehaviourEquilibrium) and eq.regret == 0
    assert tuple(eq.payoffs) == (F(-1, 18), F(1, 18))
    # Kuhn's characterisation: player 2 calls a bet with Q at 1/3 and bluffs with J after a check at 1/3
    assert eq.behaviour["2Q:b"]["call"] == F(1, 3) and eq.behaviour["2J:c"]["bet"] == F(1, 3)


def test_kuhn_poker_float_lp_and_the_normal_form_route_agree():
    lp = games.equilibria(kuhn_poker())
    assert abs(lp.value - (-1 / 18)) < 1e-9
    nf = games.equilibria(kuhn_poker(), method="zero-sum")       # the 27 x 64 reduced normal form
    assert abs(nf.value - (-1 / 18)) < 1e-9


def test_crisis_game_unique_equilibrium_by_hand():
    # see tests/games/test_imperfect.py: the unresolved type bluffs at 1/4, the defender concedes at 1/2
    for exact in (True, False):
        eq = games.equilibria(crisis_bargaining(), exact=exact)[0]
        assert np.allclose(np.asarray(eq.payoffs, dtype=float), [0.25, -0.5])
        assert abs(float(eq.behaviour["challenger unresolved"]["challenge"]) - 0.25) < 1e-9
        assert abs(float(eq.behaviour["defender"]["concede"]) - 0.5) < 1e-9
    # resolve >= 2/3: the defender concedes and both types challenge (belief 2/3 makes it indifferent only at 2/3)
    eq = games.equilibria(crisis_bargaining(resolve=F(3, 4)), exact=True)[0]
    assert eq.behaviour["defender"]["concede"] == 1 and eq.behaviour["challenger unresolved"]["challenge"] == 1


def test_entry_deterrence_equilibrium_is_one_of_the_two_by_hand():
    eq = games.equilibria(entry_deterrence(), exact=True)[0]
    assert tuple(eq.payoffs) in {(1, 1), (0, 2)}      # (in, accommodate) or (out, fight-enough)


def test_sequence_form_matrices_by_hand():
    g = ExtensiveGame(2)
    coin = g.root.chance({"h": F(1, 4), "t": F(3, 4)})
    for side, node in coin.items():
        for a, child in node.decision(0, ["x", "y"], infoset="P1").items():
            for b, leaf in child.decision(1, ["u", "v"], infoset="P2").items():
                leaf.terminal([4 if (side, a, b) == ("h", "x", "u") else 0, 8 if b == "v" else 0])
    sf = SequenceForm.of(g)
    assert sf.E.tolist() == [[1, 0, 0], [-1, 1, 1]] and sf.F.tolist() == [[1, 0, 0], [-1, 1, 1]]
    assert sf.A.tolist() == [[0, 0, 0], [0, 1, 0], [0, 0, 0]]             # 1/4 * 4 at (x, u)
    assert sf.B.tolist() == [[0, 0, 0], [0, 0, 8], [0, 0, 8]]             # (1/4 + 3/4) * 8 at v


def test_lemke_on_small_lcps():
    # w = q + M z: with M = [[2, 1], [1, 2]], q = (-5, -6) the solution has w = 0: z = M^-1 (5, 6) = (4/3, 7/3)
    assert lemke([[2, 1], [1, 2]], [-5, -6], exact=True) == [F(4, 3), F(7, 3)]
    assert lemke([[2, 1], [1, 2]], [-5, 1], exact=True) == [F(5, 2), 0]     # z2 = 0, w2 = 1 + 5/2
    with pytest.raises(RayTermination):
        lemke([[0, -1], [-1, 0]], [-1, -1])
    with pytest.raises(ValueError, match="covering vector"):
        lemke([[1]], [-1], d=[0])


def test_sequence_form_refuses_other_player_counts():
    g = ExtensiveGame(3)
    g.root.terminal([0, 0, 0])
    with pytest.raises(ValueError, match="2-player"):
        SequenceForm.of(g)
    with pytest.raises(ValueError, match="needs a game of 2 players"):
        games.equilibria(g, method="sequence-form")


def _normalised(probs: list[F]) -> list[F]:
    """pygambit may leave the probabilities at an information set its own player never reaches unnormalised
    (they do not matter there): normalise them, or make them uniform when they are all zero."""
    total = sum(probs)
    return [p / total for p in probs] if total else [F(1, len(probs))] * len(probs)


def _pygambit_profile(game: ExtensiveGame, behaviour: dict) -> dict:
    return {label: _normalised([F(p) for p in probs]) for label, probs in behaviour.items()}


@pytest.mark.parametrize("entry", FIXTURE, ids=lambda e: e["name"])
def test_against_pygambit_fixture(entry):
    game = BUILDERS[entry["builder"]](**entry["kwargs"])
    theirs = entry["lcp"][0]
    # pygambit's equilibrium is an equilibrium by our regret on the tree, with the payoffs it reports
    profile = _pygambit_profile(game, theirs["behaviour"])
    assert game.regret(profile) == 0
    assert [str(v) for v in game.expected_payoffs(profile)] == theirs["payoffs"]
    for exact in (True, False):
        eqs = games.equilibria(game, method="sequence-form", exact=exact)
        assert len(eqs) == 1
        eq = eqs[0]
        nf = game.to_normal_form()     # our equilibrium checked on the reduced normal form's own regret
        assert float(nf.regret([np.asarray(v, dtype=float) for v in eq.profile])) <= 1e-9 * nf.payoff_scale
        if "lp" in entry or entry["name"] == "crisis_bargaining":   # the value / the unique equilibrium
            assert np.allclose([float(v) for v in eq.payoffs], [float(F(v)) for v in theirs["payoffs"]])
        if "lp" in entry:
            assert F(entry["lp"][0]["payoffs"][0]) == F(theirs["payoffs"][0])
            assert abs(float(eqs.value) - float(F(entry["lp"][0]["payoffs"][0]))) < 1e-9


@pytest.mark.parametrize("seed", [101, 102, 103])
def test_against_pygambit_live(seed):
    gbt = pytest.importorskip("pygambit")
    for zero_sum in (False, True):
        game = random_tree(depth=4, buckets=3, zero_sum=zero_sum, seed=seed)
        theirs = gbt.read_efg(io.StringIO(write_efg(game)))
        result = gbt.nash.lp_solve(theirs, rational=True) if zero_sum else gbt.nash.lcp_solve(theirs, rational=True)
        beh = {inf.label: _normalised([F(str(result.equilibria[0][a])) for a in inf.actions])
               for p in theirs.players for inf in p.infosets}
        assert game.regret(beh) == 0
        ours = games.equilibria(game, exact=True)
        assert ours[0].regret == 0
        if zero_sum:
            assert ours.value == F(str(result.equilibria[0].payoff(list(theirs.players)[0])))


def test_subgame_perfect_entry_deterrence_drops_the_incredible_threat():
    # by hand: facing entry the incumbent accommodates (1 > -1), so the entrant enters (1 > 0)
    for exact in (True, False):
        eq = games.equilibria(entry_deterrence(), method="subgame-perfect", exact=exact)[0]
        assert float(eq.behaviour["incumbent"]["accommodate"]) == 1.0
        assert [float(v) for v in eq.payoffs] == [1.0, 1.0]


def test_subgame_perfect_solves_an_imperfect_information_subgame():
    # the entrant stays out (1, 3) or enters matching pennies against the incumbent (value 0 to it); the
    # subgame's only equilibrium is 1/2-1/2, so the entrant stays out, and the unreached subgame is still
    # played at 1/2-1/2 (a Nash equilibrium of the whole tree need not do that)
    g = ExtensiveGame(["Entrant", "Incumbent"])
    first = g.root.decision(0, ["out", "in"], infoset="enter?")
    first["out"].terminal([1, 3])
    for a, node in first["in"].decision(0, ["H", "T"], infoset="entrant coin").items():
        for b, leaf in node.decision(1, ["H", "T"], infoset="incumbent coin").items():
            leaf.terminal([1, -1] if a == b else [-1, 1])
    from games.subgames import proper_subgames

    assert [n.where for n in proper_subgames(g)] == ["in"]
    eqs = games.equilibria(g, method="subgame-perfect", exact=True)
    eq = eqs[0]
    assert eq.behaviour["enter?"] == {"out": 1, "in": 0}
    assert eq.behaviour["entrant coin"] == {"H": F(1, 2), "T": F(1, 2)}
    assert eq.behaviour["incumbent coin"] == {"H": F(1, 2), "T": F(1, 2)}
    assert tuple(eq.payoffs) == (1, 3)
