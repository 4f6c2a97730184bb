"""Gambit .efg files: round trips, files written by pygambit 16.7 (fixture), and clear errors."""

from __future__ import annotations

import io
import json
from fractions import Fraction as F
from pathlib import Path

import pytest

from games.catalog_trees import TREE_CATALOG, crisis_bargaining, kuhn_poker, random_tree
from games.efg import read_efg, write_efg

FIXTURE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "oracle_trees.json").read_text())["trees"]
BUILDERS = {**TREE_CATALOG, "random_tree": random_tree}


def same_tree(a, b) -> bool:
    return (a.players == b.players and a.leaves() == b.leaves()
            and all(a.infosets(i) == b.infosets(i) for i in range(a.num_players)))


@pytest.mark.parametrize("build", [kuhn_poker, crisis_bargaining, lambda: random_tree(depth=3, seed=4)])
def test_round_trip(build, tmp_path):
    g = build()
    path = tmp_path / "game.efg"
    text = write_efg(g, path)
    assert path.read_text() == text
    back = read_efg(path)
    assert same_tree(g, back) and back.title == g.title
    assert write_efg(back) == text


@pytest.mark.parametrize("entry", FIXTURE, ids=lambda e: e["name"])
def test_reads_files_written_by_pygambit(entry):
    ours = BUILDERS[entry["builder"]](**entry["kwargs"])
    assert same_tree(read_efg(entry["efg"]), ours)


def test_pygambit_reads_what_we_write():
    gbt = pytest.importorskip("pygambit")
    g = gbt.read_efg(io.StringIO(write_efg(kuhn_poker())))
    assert len(g.players) == 2 and len(list(g.players)[0].infosets) == 6
    assert str(gbt.nash.lp_solve(g, rational=True).equilibria[0].payoff(list(g.players)[0])) == "-1/18"


def test_outcomes_on_inner_nodes_add_up_and_outcomes_are_reused():
    text = '''EFG 2 R "t" { "A" "B" }
    ""
    p "" 1 1 "I" { "x" "y" } 1 "entry fee" { -1, 0 }
    t "" 2 "left" { 3, 1 }
    c "" 1 "" { "h" 0.5 "t" 1/2 } 0
    t "" 2
    t "" 0
    '''
    g = read_efg(text)
    assert g.leaves() == [(1, (1, 0), (2, 1)), (0.5, (2, 0), (2, 1)), (F(1, 2), (2, 0), (-1, 0))]


@pytest.mark.parametrize("text, message", [
    ('NFG 1 R "x" { "A" }', "no such file"),
    ('EFG 2 R "x" { "A" } "" p "" 1 1 "I" { "a" } 3', "the payoffs of outcome 3"),
    ('EFG 2 R "x" { "A" } "" p "" 2 1 "I" { "a" } 0', "a player number in 1..1"),
    ('EFG 2 R "x" { "A" } "" t "" 1 "o" { 1, 2 }', "1 payoffs"),
    ('EFG 2 R "x" { "A" } "" t "" 0 t "" 0', "the end of the file"),
    ('EFG 2 R "x" { "A" } "" p "" 1 1 "I" { "a" } 0', "a node type"),
])
def test_bad_files_are_refused_with_the_line(text, message):
    with pytest.raises(ValueError, match=message):
        read_efg(text)
