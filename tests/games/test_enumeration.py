"""games.solvers.enumeration.hull_equilibria: all extreme equilibria of larger games via polar hulls.

Oracles: ``games.equilibria`` (basis-by-basis vertex enumeration) on 6x6 to 8x8 games, the committed
pygambit ``enummixed_solve`` fixtures (exact rationals) and live pygambit when installed.
"""

from __future__ import annotations

import json
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

import games
from games.solvers.enumeration import canonical_form, complementary_pairs, estimate_vertices, hull_equilibria

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "oracle_two_player.json"


def profiles(eqset):
    return canonical_form(eqset)[0]


def partition(eqset):
    return canonical_form(eqset)[1]


def game_from(rng, m, n, kind):
    if kind == "float":
        return games.NormalFormGame.from_bimatrix(rng.random((m, n)), rng.random((m, n)))
    return games.NormalFormGame.from_bimatrix(rng.integers(0, 4, (m, n)).tolist(), rng.integers(0, 4, (m, n)).tolist())


@pytest.mark.parametrize("m,n,kind,count", [(6, 6, "float", 4), (6, 6, "ties", 4), (7, 7, "float", 2),
                                            (7, 7, "ties", 2), (8, 8, "float", 1), (8, 8, "ties", 1),
                                            (4, 7, "ties", 3), (1, 5, "ties", 3), (5, 1, "float", 2)])
def test_same_answers_as_basis_enumeration(m, n, kind, count):
    rng = np.random.default_rng(m * 100 + n + len(kind))
    for _ in range(count):
        g = game_from(rng, m, n, kind)
        ref, got = games.equilibria(g, method="vertex"), hull_equilibria(g)
        assert profiles(got) == profiles(ref)
        assert partition(got) == partition(ref)
        assert got.degenerate == ref.degenerate and got.complete and got.rejected == 0
        assert all(e.regret <= e.tol for e in got)


@pytest.mark.skipif(not FIXTURES.exists(), reason="pygambit fixtures not generated")
def test_against_committed_pygambit_fixtures_exactly():
    """Every fixture game: float answers match; on integer games the exact path gives pygambit's rationals."""
    data = json.loads(FIXTURES.read_text())
    for g in data["games"]:
        shape = tuple(g["shape"])
        values = [Fraction(v) for v in g["payoffs"]]
        table = np.array(values, dtype=object).reshape(*shape, 2)
        expected = sorted(tuple(Fraction(p) for player in eq for p in player) for eq in g["equilibria"])
        if g["kind"] == "decimal":
            game = games.NormalFormGame.from_bimatrix(table[..., 0].astype(float), table[..., 1].astype(float))
            got = profiles(hull_equilibria(game))
            assert got == sorted(tuple(round(float(p), 7) + 0.0 for p in eq) for eq in expected), g["id"]
        else:
            game = games.NormalFormGame.from_bimatrix(table[..., 0].tolist(), table[..., 1].tolist())
            exact = hull_equilibria(game, exact=True)
            assert sorted(tuple(np.concatenate(e.profile)) for e in exact) == expected, g["id"]
            assert all(e.regret == 0 for e in exact)


def test_against_live_pygambit_on_8x8_games_with_ties():
    """pygambit lists some equilibria of degenerate games more than once: compare the sets."""
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(8)
    A, B = rng.integers(0, 3, (8, 8)), rng.integers(0, 3, (8, 8))
    g = gbt.Game.from_arrays(A, B)
    ref = {tuple(Fraction(str(eq[s])) for pl in g.players for s in pl.strategies)
           for eq in gbt.nash.enummixed_solve(g).equilibria}
    got = hull_equilibria(games.NormalFormGame.from_bimatrix(A.tolist(), B.tolist()), exact=True)
    profiles_got = [tuple(Fraction(p) for p in np.concatenate(e.profile)) for e in got]
    assert len(set(profiles_got)) == len(profiles_got) and set(profiles_got) == ref


def test_complementary_pairs_matches_an_all_pairs_scan():
    rng = np.random.default_rng(3)
    m, n = 3, 3
    mx = rng.integers(0, 64, 200).astype(np.uint64)
    my = rng.integers(0, 64, 200).astype(np.uint64)
    mx = mx[[bin(int(v)).count("1") >= m for v in mx]]
    my = my[[bin(int(v)).count("1") >= n for v in my]]
    i, j = complementary_pairs(mx, my, m, n)
    got = sorted(zip(i.tolist(), j.tolist()))
    brute = sorted((a, b) for a in range(len(mx)) for b in range(len(my)) if int(mx[a] | my[b]) == 63)
    assert got == brute and len(brute) > 0


def test_refuses_too_large_games_quickly():
    g = games.NormalFormGame.from_bimatrix(np.zeros((40, 40)))
    start = time.perf_counter()
    with pytest.raises(ValueError, match="method='lemke-howson'"):
        hull_equilibria(g)
    assert time.perf_counter() - start < 5  # generous: the refusal does no enumeration at all
    assert estimate_vertices(2, 40) == 861       # C(42, 2) bases bound a 2x40 game
    with pytest.raises(ValueError, match="max_vertices"):
        hull_equilibria(games.NormalFormGame.from_bimatrix(np.eye(6)), max_vertices=10)


def test_bad_input():
    with pytest.raises(TypeError, match="game must be a NormalFormGame"):
        hull_equilibria([[1, 0], [0, 1]])
    three = games.NormalFormGame(np.zeros((2, 2, 2, 3)))
    with pytest.raises(ValueError, match="needs a 2-player game; this game has 3 players"):
        hull_equilibria(three)
    with pytest.raises(ValueError, match="exact=True needs exact payoffs"):
        hull_equilibria(games.NormalFormGame.from_bimatrix(np.eye(2) * 0.5), exact=True)
    with pytest.raises(ValueError, match="tol must be a number in"):
        hull_equilibria(games.NormalFormGame.from_bimatrix(np.eye(2)), tol=2)
