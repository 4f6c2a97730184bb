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


# ---------------------------------------------------------------- the compiled walk (games.solvers.vertex_walk)

def _masks_of_each(z, g, h):
    tight = np.abs(z @ g.T - h) <= 1e-9
    return [int(sum(1 << int(k) for k in np.flatnonzero(t))) for t in tight]


def _masks_of(z, g, h):
    return sorted(_masks_of_each(z, g, h))


@pytest.mark.parametrize("kind", ["float", "ties"])
def test_walk_finds_the_vertices_every_basis_finds(kind):
    """The lexicographic walk against trying every basis (games.solvers.vertex.float_vertices), both polytopes."""
    from games.solvers.bimatrix import positive_bimatrix
    from games.solvers.vertex import best_response_polytopes, float_vertices
    from games.solvers.vertex_walk import OK, walk_vertices

    rng = np.random.default_rng(41 if kind == "float" else 42)
    for _ in range(40):
        m, n = (int(v) for v in rng.integers(1, 6, size=2))
        g = game_from(rng, m, n, kind)
        a, b = positive_bimatrix(g, exact=False)
        (gp, hp), (gq, hq) = best_response_polytopes(g, exact=False)
        rows, cols = np.arange(m), np.arange(m, m + n)
        for P, cl, rl, (G, h) in ((b.T, rows, cols, (gp, hp)), (a, cols, rows, (gq, hq))):
            pts, masks, status, ambiguous, _, _ = walk_vertices(np.ascontiguousarray(P), cl, rl, 1e-9, 1e-12, 1e-7,
                                                                10_000)
            z, _ = float_vertices(G, h, 1e-9)
            assert status == OK and ambiguous == 0
            assert sorted(int(v) for v in masks) == _masks_of(z, G, h)
            by_mask = dict(zip(_masks_of_each(z, G, h), z))
            assert all(np.allclose(p, by_mask[int(k)], atol=1e-9) for p, k in zip(pts, masks))


@pytest.mark.parametrize("m,n,count", [(3, 3, 12), (4, 4, 10), (5, 5, 6), (4, 6, 4), (6, 6, 3)])
def test_float_default_matches_the_exact_path_on_degenerate_integer_games(m, n, count):
    """Integer payoffs 0..2 (many ties): the compiled float path gives the exact (rational) extreme equilibria and
    components; every float equilibrium is verified."""
    from games.solvers.enumeration import walk_equilibria

    rng = np.random.default_rng(100 * m + n)
    for _ in range(count):
        g = games.NormalFormGame.from_bimatrix(rng.integers(0, 3, (m, n)).tolist(), rng.integers(0, 3, (m, n)).tolist())
        walked = walk_equilibria(g)
        exact = games.equilibria(g, exact=True)
        assert walked is not None and walked.complete
        assert profiles(walked) == profiles(exact) and partition(walked) == partition(exact)
        assert walked.degenerate == exact.degenerate
        assert all(e.regret <= e.tol for e in walked)
        assert profiles(games.equilibria(g)) == profiles(exact)


def _lrsnash_profiles(A, B):
    """Extreme equilibria from lrsnash (lrslib): in each output block, every player-1 line with every player-2 line."""
    import subprocess

    m, n = A.shape
    rows = lambda M: "\n".join(" ".join(str(int(v)) for v in r) for r in M)  # noqa: E731
    out = subprocess.run(["lrsnash", "/dev/stdin"], input=f"{m} {n}\n\n{rows(A)}\n\n{rows(B)}\n", capture_output=True,
                         text=True, check=True).stdout
    keys = set()
    for block in out.split("\n\n"):
        xs, ys = [], []
        for line in block.splitlines():
            parts = line.split()
            if parts and parts[0] in ("1", "2"):
                (xs if parts[0] == "1" else ys).append([float(Fraction(v)) for v in parts[1:-1]])
        keys |= {tuple((np.round(np.array(x + y), 7) + 0.0).tolist()) for x in xs for y in ys}
    return sorted(keys)


@pytest.mark.skipif(__import__("shutil").which("lrsnash") is None, reason="lrsnash (lrslib) is not installed")
def test_default_matches_lrsnash_on_degenerate_integer_games():
    """8x8 and 10x10 games with payoffs 0..3: the default float enumeration equals lrsnash's extreme equilibria."""
    rng = np.random.default_rng(2026)
    for m in (8, 8, 10):
        A, B = rng.integers(0, 4, (m, m)), rng.integers(0, 4, (m, m))
        got = games.equilibria(games.NormalFormGame.from_bimatrix(A.tolist(), B.tolist()))
        assert got.complete and profiles(got) == _lrsnash_profiles(A, B)


def test_compiled_pair_join_matches_the_numpy_one():
    from games.solvers.vertex_walk import complementary_pairs_compiled

    rng = np.random.default_rng(5)
    for m, n in ((3, 3), (2, 4), (4, 3)):
        full = (1 << (m + n)) - 1
        mx = np.unique(rng.integers(0, full + 1, 300)).astype(np.uint64)
        my = np.unique(rng.integers(0, full + 1, 300)).astype(np.uint64)
        mx = mx[[bin(int(v)).count("1") >= m for v in mx]]
        my = my[[bin(int(v)).count("1") >= n for v in my]]
        got = sorted(zip(*(v.tolist() for v in complementary_pairs_compiled(mx, my, m, n))))
        ref = sorted(zip(*(v.tolist() for v in complementary_pairs(mx, my, m, n))))
        assert got == ref and len(ref) > 0


def test_compiled_regrets_are_the_games_regrets():
    from games.solvers.vertex_walk import bimatrix_regrets

    rng = np.random.default_rng(6)
    g = games.NormalFormGame.from_bimatrix(rng.random((5, 3)), rng.random((5, 3)))
    X, Y = rng.random((7, 5)), rng.random((7, 3))
    Xc, Yc, pay, reg = bimatrix_regrets(g.payoffs, X, Y, 1e-12)
    for k in range(7):
        prof = [X[k] / X[k].sum(), Y[k] / Y[k].sum()]
        assert np.allclose(Xc[k], prof[0]) and np.allclose(Yc[k], prof[1])
        assert np.allclose(reg[k], np.asarray(g.regrets(prof), dtype=float))
        assert np.allclose(pay[k], g.expected_payoffs(prof))


def test_import_games_does_not_import_numba():
    import subprocess
    import sys

    code = "import sys, games; assert 'numba' not in sys.modules, 'numba imported by import games'"
    subprocess.run([sys.executable, "-c", code], check=True)


def _seed0_game(n_wanted, k_wanted):
    """Game ``k_wanted`` of size ``n_wanted`` in the sequence of the benchmark (three U[0,1) games per size from 4)."""
    rng = np.random.default_rng(0)
    for n in range(4, 17):
        for k in range(3):
            A, B = rng.random((n, n)), rng.random((n, n))
            if (n, k) == (n_wanted, k_wanted):
                return A, B
    raise AssertionError("not in the sequence")


def test_doubtful_slacks_are_certified_exactly():
    """A 15x15 game with one vertex slack of 8.5e-8 (inside the doubt band): the float labels are certified in exact
    arithmetic, so the answer is complete, and it equals QuantEcon's (non-degenerate game)."""
    qe = pytest.importorskip("quantecon.game_theory")
    from games.solvers.enumeration import walk_equilibria

    A, B = _seed0_game(15, 2)
    got = walk_equilibria(games.NormalFormGame.from_bimatrix(A, B))
    assert got.complete and not got.degenerate and got.rejected == 0
    ref = sorted(tuple((np.round(np.concatenate(p), 7) + 0.0).tolist())
                 for p in qe.vertex_enumeration(qe.NormalFormGame((qe.Player(A), qe.Player(B.T)))))
    assert profiles(got) == ref


def test_large_game_in_doubt_is_returned_incomplete_not_re_solved_for_hours():
    """A 16x16 game whose float labels cannot all be certified: the default answer says complete=False and why."""
    A, B = _seed0_game(16, 2)
    got = games.equilibria(games.NormalFormGame.from_bimatrix(A, B), max_vertices=10**6)
    assert not got.complete and "not re-solved in exact arithmetic" in got.note and "exact=True" in got.note
    assert len(got) > 0 and all(e.regret <= e.tol for e in got)
