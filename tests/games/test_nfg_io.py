"""Gambit .nfg input/output: round trips, the two body variants, and pygambit as the reference reader/writer.

Format facts are from the Gambit documentation ("Game representation formats": the strategic game
file, payoff and outcome versions): profiles are listed with player 1's strategy varying fastest;
outcome 0 is the null outcome (every payoff 0); a quote inside a label is written ``\\"``.
"""

from __future__ import annotations

import io
from fractions import Fraction

import numpy as np
import pytest

from games import NormalFormGame
from games.io import read_nfg, write_nfg

# The sample file in the Gambit documentation (payoff version): a 3x2 game whose payoffs, listed with
# player 1 fastest, are (1,1) (0,2) (0,2) for column 1 and (1,1) (0,3) (2,0) for column 2.
SELTEN_PAYOFF = '''NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
{ "Player 1" "Player 2" } { 3 2 }

1 1 0 2 0 2 1 1 0 3 2 0
'''
SELTEN_OUTCOME = '''NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" }

{
{ "1" "2" "3" }
{ "1" "2" }
}

{
{ "" 1, 1 }
{ "" 0, 2 }
{ "" 0, 2 }
{ "" 1, 1 }
{ "" 0, 3 }
{ "" 2, 0 }
}
1 2 3 4 5 6
'''
SELTEN_A = [[1, 1], [0, 0], [0, 2]]
SELTEN_B = [[1, 1], [2, 3], [2, 0]]


@pytest.mark.parametrize("text", [SELTEN_PAYOFF, SELTEN_OUTCOME])
def test_read_documented_sample(text):
    g = read_nfg(text)
    assert g.title == "Selten (IJGT, 75), Figure 2, normal form"
    assert g.players == ("Player 1", "Player 2")
    assert g.actions == (("1", "2", "3"), ("1", "2"))
    assert g.has_exact_payoffs
    assert g.exact_payoffs[..., 0].tolist() == SELTEN_A
    assert g.exact_payoffs[..., 1].tolist() == SELTEN_B


def test_read_from_path_and_pathlike(tmp_path):
    path = tmp_path / "selten.nfg"
    path.write_text(SELTEN_PAYOFF)
    assert read_nfg(path) == read_nfg(str(path)) == read_nfg(SELTEN_PAYOFF)


def test_three_player_order_player_one_fastest():
    # 2x2x2: profile k (0-based) has player 1's action k % 2, player 2's (k // 2) % 2, player 3's k // 4
    text = 'NFG 1 R "" { "A" "B" "C" } { 2 2 2 }\n' + " ".join(f"{k} {10 * k} {100 * k}" for k in range(8))
    g = read_nfg(text)
    for k in range(8):
        a = (k % 2, (k // 2) % 2, k // 4)
        assert g.exact_payoffs[a].tolist() == [k, 10 * k, 100 * k]


def test_outcome_zero_is_null_and_commas_optional():
    text = '''NFG 1 R "t" { "A" "B" } { { "x" "y" } { "l" "r" } } "a comment"
    { { "win" 3 -1 } { "half" 1/2, 1/2 } } 1 0 2 1'''
    g = read_nfg(text)
    assert g.description == "a comment"
    assert g.exact_payoffs[0, 0].tolist() == [3, -1]
    assert g.exact_payoffs[1, 0].tolist() == [0, 0]
    assert g.exact_payoffs[0, 1].tolist() == [Fraction(1, 2), Fraction(1, 2)]


def test_numbers_exact_and_decimal():
    g = read_nfg('NFG 1 R "" { "A" } { 4 } 1/3 -2 0.25 1e-3')
    assert not g.has_exact_payoffs  # a decimal makes a float game
    assert g.payoffs[..., 0].tolist() == [1 / 3, -2.0, 0.25, 0.001]
    g = read_nfg('NFG 1 R "" { "A" } { 3 } 1/3 -2 +4')
    assert g.has_exact_payoffs and g.exact_payoffs[..., 0].tolist() == [Fraction(1, 3), -2, 4]


@pytest.mark.parametrize("fmt", ["payoff", "outcome"])
def test_round_trip_labels_fractions_floats(fmt, tmp_path):
    rng = np.random.default_rng(5)
    exact = np.array([Fraction(int(n), int(d)) for n, d in zip(rng.integers(-9, 9, 36), rng.integers(1, 4, 36))],
                     dtype=object).reshape(2, 3, 2, 3)
    g = NormalFormGame(exact, players=["Red", 'Blue "B"', "Green"], title="Three {players}",
                       actions=[["up", "down"], ["l", "c", "r"], ["x", "y"]], description="note")
    text = write_nfg(g, tmp_path / "g.nfg", format=fmt)
    assert (tmp_path / "g.nfg").read_text() == text
    back = read_nfg(tmp_path / "g.nfg")
    assert back == g and back.title == g.title and back.description == "note"
    assert np.array_equal(back.exact_payoffs, g.exact_payoffs)
    floats = NormalFormGame(rng.normal(size=(3, 2, 2)))
    back = read_nfg(write_nfg(floats, format=fmt))
    assert np.array_equal(back.payoffs, floats.payoffs)  # repr of a float reads back bit for bit


def test_writes_fractions_and_integers_as_gambit_does():
    g = NormalFormGame.from_bimatrix([[Fraction(1, 3), 2]], [[-1, Fraction(-5, 2)]])
    assert write_nfg(g).split("\n")[3:5] == ["1/3 -1", "2 -5/2"]
    assert write_nfg(NormalFormGame.from_bimatrix([[0.5, 3.0]], [[1e-20, -2.0]])).split("\n")[3:5] \
        == ["0.5 1e-20", "3 -2"]


def test_outcome_version_shares_outcomes():
    g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    text = write_nfg(g, format="outcome")
    assert text.count('{ ""') == 2 and text.strip().endswith("1 2 2 1")


@pytest.mark.parametrize(
    "text, fragment",
    [
        ('EFG 2 R "x" { }', "line 1: expected the file type 'NFG'; found 'EFG'"),
        ('NFG 2 R "" { "A" } { 1 } 0', "expected the format version 1"),
        ('NFG 1 R "" { "A" "B" } { 2 2 } 1 2 3', "expected player 2's payoff at profile 2 (of 4)"),
        ('NFG 1 R "" { "A" } { 2 }\n\n1 x', "line 3: expected player 1's payoff at profile 2"),
        ('NFG 1 R "" { "A" } { 2 } 1 2 3', "expected end of file after the 2 profiles"),
        ('NFG 1 R "" { } { }', "expected at least one player"),
        ('NFG 1 R "" { "A" "B" } { 2 0 }', "expected at least one strategy for player 2"),
        ('NFG 1 R "" { "A" } { 1 } 1/0', "zero denominator"),
        ('NFG 1 R "" { "A" } { 2 } 1.5.2 0', "expected a number"),
        ('NFG 1 R "" { "A } { 2 } 1 2', "never closed"),
        ('NFG 1 R "" { "A" } { 2 } { { "" 1 } } 1 3', "an outcome index in 0..1 for profile 2"),
        ('NFG 1 R "" { "A" "B" } { 1 1 } { { "" 1 } } 1', "expected player 2's payoff in outcome 1"),
        ('NFG 1 R "" { "A" } { 1 } { { 1 } } 1', "expected the (quoted) name of outcome 1"),
    ],
)
def test_malformed_input_names_line_and_expectation(text, fragment):
    with pytest.raises(ValueError, match="<nfg text>, line") as info:
        read_nfg(text)
    assert fragment in str(info.value)


def test_missing_file_and_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="path_or_text: no such file"):
        read_nfg(tmp_path / "missing.nfg")
    bad = tmp_path / "bad.nfg"
    bad.write_text('NFG 1 R "" { "A" } { 2 } 1')
    with pytest.raises(ValueError, match=f"{bad}, line 1: expected player 1's payoff"):
        read_nfg(bad)
    with pytest.raises(TypeError, match="path_or_text"):
        read_nfg(3)
    g = NormalFormGame.from_bimatrix([[1]])
    with pytest.raises(ValueError, match="format must be one of 'payoff', 'outcome'; got 'table'"):
        write_nfg(g, format="table")
    with pytest.raises(TypeError, match="game must be a NormalFormGame"):
        write_nfg([[1]])


# ---------------------------------------------------------------- pygambit as the reference
def _random_game(seed: int, shape: tuple[int, ...]) -> NormalFormGame:
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape)) * len(shape)
    arr = np.array([Fraction(int(n), int(d)) for n, d in zip(rng.integers(-20, 20, size), rng.integers(1, 5, size))],
                   dtype=object).reshape(shape + (len(shape),))
    actions = [[f"s{i}{k}" for k in range(n)] for i, n in enumerate(shape)]
    return NormalFormGame(arr, players=[f"P{i}" for i in range(len(shape))], actions=actions, title="random")


@pytest.mark.oracle
@pytest.mark.parametrize("fmt", ["payoff", "outcome"])
@pytest.mark.parametrize("shape", [(2, 3), (3, 2, 2), (2, 2, 2, 2)])
def test_pygambit_reads_what_we_write(fmt, shape):
    gbt = pytest.importorskip("pygambit")
    g = _random_game(sum(shape), shape)
    theirs = gbt.read_nfg(io.StringIO(write_nfg(g, format=fmt)))
    assert theirs.title == "random"
    assert [p.label for p in theirs.players] == list(g.players)
    assert [[s.label for s in p.strategies] for p in theirs.players] == [list(a) for a in g.actions]
    arrays = theirs.to_arrays()
    for i in range(len(shape)):
        assert np.array_equal(np.asarray(arrays[i], dtype=object), g.exact_payoffs[..., i])


@pytest.mark.oracle
@pytest.mark.parametrize("shape", [(3, 4), (2, 3, 2)])
def test_we_read_what_pygambit_writes(shape, tmp_path):
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(7)
    arrays = [rng.integers(-5, 6, size=shape) for _ in shape]
    theirs = gbt.Game.from_arrays(*arrays, title="from pygambit")
    for p, name in zip(theirs.players, ["one", "two", "three"]):
        p.label = name
    ours = read_nfg(theirs.to_nfg())
    assert ours.title == "from pygambit" and ours.players == ("one", "two", "three")[: len(shape)]
    for i in range(len(shape)):
        assert ours.exact_payoffs[..., i].tolist() == arrays[i].tolist()
    dec = gbt.Game.from_arrays(np.array([[0.1, 0.25], [1.5, 0]]), np.array([[1, 2], [3, 4]]))
    g = read_nfg(dec.to_nfg())
    assert g.payoffs[..., 0].tolist() == [[0.1, 0.25], [1.5, 0.0]]


# -------------------- edge cases
GAMBIT_TEXT = ('NFG 1 R "ends \\\\ and \\"q\\" back\\\\" { "P\\\\1\\"" "2" }\n\n{ { "x\\\\\\"y" }\n'
               '{ "1" "2" }\n}\n""\n\n{\n{ "" 1, 3 }\n{ "" 2, 4 }\n}\n1 2 \n')

LABELLED = NormalFormGame.from_bimatrix(
    [[1, 2]], [[3, 4]], title='ends \\ and "q" back\\', players=['P\\1"', "Колонна ✓"],
    actions=[['x\\"y'], ["tab\there", "new\nline"]], description='a "comment" ending in \\')


def test_reads_gambits_escapes():
    g = read_nfg(GAMBIT_TEXT)
    assert g.title == 'ends \\ and "q" back\\'
    assert g.players == ('P\\1"', "2") and g.actions[0] == ('x\\"y',)
    assert g.payoffs[0, 1].tolist() == [2.0, 4.0]


@pytest.mark.parametrize("fmt", ["payoff", "outcome"])
def test_labels_with_quotes_backslashes_and_unicode_round_trip(fmt):
    # Before the fix a title ending in a backslash was written as "...\" and the file could not be read.
    back = read_nfg(write_nfg(LABELLED, format=fmt))
    assert back == LABELLED and back.title == LABELLED.title and back.description == LABELLED.description


def test_written_quotes_are_read_by_gambit():
    # Gambit 16.7 reads printable-ASCII labels only, and its reader does not undo its own escaping of
    # backslashes; quotes are the escape both sides agree on.
    gbt = pytest.importorskip("pygambit")
    game = NormalFormGame.from_bimatrix([[1, 2]], [[3, 4]], title='a "quoted" title', players=['say "hi"', "b"],
                                        actions=[['"x"'], ["y", "z"]])
    g = gbt.read_nfg(io.StringIO(write_nfg(game)))
    assert g.title == game.title
    assert [p.label for p in g.players] == list(game.players)
    assert [s.label for s in next(iter(g.players)).strategies] == list(game.actions[0])


def test_a_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.nfg"
    path.write_text('\ufeffNFG 1 R "x" { "1" "2" } { 1 1 }\n1 2', encoding="utf-8")
    assert read_nfg(path).payoffs.tolist() == [[[1.0, 2.0]]]
    assert read_nfg('\ufeffNFG 1 R "x" { "1" "2" } { 1 1 }\n1 2').payoffs.tolist() == [[[1.0, 2.0]]]


@pytest.mark.parametrize("counts", [[100_000_000] * 2, [2] * 30])
def test_huge_declared_strategy_sets_are_refused_before_reading_on(counts):
    # 10**16 profiles, or 2**30 profiles of 30 players: refused from the header alone.
    players = " ".join(f'"{k + 1}"' for k in range(len(counts)))
    text = f'NFG 1 R "x" {{ {players} }} {{ {" ".join(map(str, counts))} }}\n1 2'
    with pytest.raises(ValueError, match="AnonymousGame"):
        read_nfg(text)


def test_a_payoff_too_large_for_a_float_is_a_clear_error():
    with pytest.raises(ValueError, match="fit in a float"):
        read_nfg('NFG 1 R "x" { "1" "2" } { 1 1 }\n' + "9" * 400 + " 1")
