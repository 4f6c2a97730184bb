"""games.batch_equilibria: every game of a stack solved at once, the same answers as game by game.

Oracles: hand-solved textbook games, ``games.equilibria`` (vertex enumeration) game by game, the
committed pygambit ``enummixed_solve`` fixtures (tests/fixtures/oracle_two_player.json) and, when
installed, live pygambit on random integer games with ties.
"""

from __future__ import annotations

import json
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import games
from games.solvers import batch as batch_module
from games.solvers.batch import MAX_BATCH_BASES, batch_equilibria
from games.solvers.enumeration import canonical_form

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "oracle_two_player.json"


def profiles(eqset):
    return canonical_form(eqset)[0]


def partition(eqset):
    return canonical_form(eqset)[1]


def test_textbook_games_by_hand():
    A = np.array([[[2, 0], [0, 1]],        # battle of the sexes: (1,0;1,0), (0,1;0,1), (2/3,1/3; 1/3,2/3)
                  [[3, 0], [5, 1]],        # prisoner's dilemma: mutual defection only
                  [[1, -1], [-1, 1]]])     # matching pennies (B = -A): (1/2, 1/2) each
    B = np.array([[[1, 0], [0, 2]], [[3, 5], [0, 1]], [[-1, 1], [1, -1]]])
    eqs = batch_equilibria(A, B)
    assert eqs.counts.tolist() == [3, 1, 1]
    bos = eqs[0]
    assert [e.as_float()[0].tolist() for e in bos] == [[0, 1], [pytest.approx(2 / 3), pytest.approx(1 / 3)], [1, 0]]
    assert bos[1].as_float()[1].tolist() == [pytest.approx(1 / 3), pytest.approx(2 / 3)]
    assert bos[1].payoffs.tolist() == [pytest.approx(2 / 3), pytest.approx(2 / 3)]
    assert eqs[1][0].pure_actions() == ("a2", "b2")
    assert eqs.x[eqs.game == 2].tolist() == [[0.5, 0.5]] and eqs.payoffs[eqs.game == 2].tolist() == [[0.0, 0.0]]
    assert not eqs.degenerate.any() and eqs.pure.tolist() == [True, False, True, True, False]
    assert np.all(eqs.regret <= 1e-12)


def test_degenerate_game_gives_the_extreme_equilibria_pygambit_gives():
    """Row 1 dominates; the column player is indifferent against it: pygambit's enummixed_solve lists
    ((1,0),(1,0)) and ((1,0),(0,1)), one component (checked live in this module too)."""
    A = np.array([[[1, 1], [0, 0]]])
    eqs = batch_equilibria(A, A)
    assert eqs.x.tolist() == [[1, 0], [1, 0]] and eqs.y.tolist() == [[0, 1], [1, 0]]
    assert eqs.degenerate.tolist() == [True] and eqs[0].components == [[0, 1]]
    # a game where every payoff is equal: every profile is an equilibrium, the 4 pure ones are extreme
    eqs = batch_equilibria(np.zeros((1, 2, 2)), np.zeros((1, 2, 2)))
    assert eqs.counts.tolist() == [4] and eqs[0].components == [[0, 1, 2, 3]]


@pytest.mark.parametrize("shape,low,high,k", [((2, 2), -2, 3, 400), ((2, 2), 0, 2, 200), ((2, 3), -2, 3, 120),
                                              ((3, 3), 0, 3, 100), ((3, 4), 0, 50, 40), ((4, 4), -3, 4, 40),
                                              ((1, 3), 0, 2, 20)])
def test_same_answers_as_equilibria_game_by_game(shape, low, high, k):
    rng = np.random.default_rng(hash(shape) % 2**32 + low)
    A = rng.integers(low, high, (k, *shape))
    B = rng.integers(low, high, (k, *shape))
    eqs = batch_equilibria(A, B)
    for i in range(k):
        ref = games.equilibria(games.NormalFormGame.from_bimatrix(A[i], B[i]))
        got = eqs[i]
        assert profiles(got) == profiles(ref), (A[i].tolist(), B[i].tolist())
        assert partition(got) == partition(ref)
        assert got.degenerate == ref.degenerate


def assert_same_as_loop(A, B, eqs, tol=1e-9):
    """Game by game: the batch's set equals games.equilibria's (profiles, components, flags)."""
    for i in range(len(A)):
        ref = games.equilibria(games.NormalFormGame.from_bimatrix(A[i], B[i]), tol=tol)
        got = eqs[i]
        assert profiles(got) == profiles(ref), (i, A[i].tolist(), B[i].tolist())
        assert partition(got) == partition(ref), i
        assert got.degenerate == ref.degenerate, i
        assert got.complete == ref.complete, i


def random_stack(kind, shape, k, seed):
    rng = np.random.default_rng(seed)
    if kind == "float":
        return rng.random((k, *shape)), rng.random((k, *shape))
    return rng.integers(0, 4, (k, *shape)), rng.integers(0, 4, (k, *shape))   # ties: mostly degenerate games


@pytest.mark.parametrize("kind", ["float", "int"])
@pytest.mark.parametrize("shape,k", [((3, 3), 80), ((4, 4), 50), ((5, 5), 30), ((6, 6), 20), ((7, 7), 12),
                                     ((3, 6), 30), ((6, 4), 20), ((2, 5), 30)])
def test_every_size_same_sets_as_the_loop(kind, shape, k):
    """The compiled pass against games.equilibria game by game: uniform floats (non-degenerate) and small
    integers with ties (nearly all degenerate), square 3x3 to 7x7 and rectangular."""
    A, B = random_stack(kind, shape, k, seed=sum(shape) * 7 + len(kind))
    eqs = batch_equilibria(A, B)
    if kind == "int" and shape[0] == shape[1]:
        assert eqs.degenerate.sum() > k // 2       # the degenerate path is really exercised
    assert_same_as_loop(A, B, eqs)


def test_rock_paper_scissors_and_a_3x3_coordination_game_by_hand():
    """Rock-paper-scissors: the unique equilibrium is uniform play, value 0. A 3x3 pure coordination game
    (identity payoffs) has 2^3 - 1 = 7 equilibria: uniform play on each non-empty common support."""
    rps = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    eye = np.eye(3)
    eqs = batch_equilibria(np.stack([rps, eye]), np.stack([-rps, eye]))
    assert eqs.counts.tolist() == [1, 7]
    np.testing.assert_allclose(eqs[0][0].as_float()[0], [1 / 3] * 3)
    np.testing.assert_allclose(eqs[0][0].payoffs, [0, 0], atol=1e-12)
    supports = sorted(tuple(np.flatnonzero(e.as_float()[0] > 0)) for e in eqs[1])
    assert supports == [(0,), (0, 1), (0, 1, 2), (0, 2), (1,), (1, 2), (2,)]
    for e in eqs[1]:
        x, y = e.as_float()
        np.testing.assert_allclose(x, y)
        np.testing.assert_allclose(x[x > 0], 1 / np.count_nonzero(x))


def test_against_live_pygambit_on_larger_integer_games_with_ties():
    """pygambit's enummixed_solve (exact) lists the extreme equilibria of 3x3 and 4x4 integer games with ties."""
    gbt = pytest.importorskip("pygambit")
    for shape in ((3, 3), (4, 4), (3, 4)):
        A, B = random_stack("int", shape, 25, seed=31 + shape[1])
        eqs = batch_equilibria(A, B)
        for i in range(len(A)):
            g = gbt.Game.from_arrays(A[i].astype(int), B[i].astype(int))
            ref = sorted({tuple(round(float(eq[s]), 7) + 0.0 for pl in g.players for s in pl.strategies)
                          for eq in gbt.nash.enummixed_solve(g).equilibria})
            assert profiles(eqs[i]) == ref, (A[i].tolist(), B[i].tolist())


def test_games_beyond_float_resolution_fall_back_to_the_per_game_solver():
    """Payoffs 1e-8 apart (below the float resolution): the compiled pass hands the game back, and its
    set is the per-game solver's (which then works in exact arithmetic)."""
    A, B = random_stack("int", (3, 3), 6, seed=2)
    A = A.astype(float)
    B = B.astype(float)
    A[2, 0, 0] = A[2, 0, 1] + 1e-8 * np.ptp(A[2])
    eqs = batch_equilibria(A, B)
    assert eqs.solved_one_by_one.tolist() == [2]
    assert "solved by games.equilibria because of payoff differences below the float resolution" in eqs[2].note
    assert_same_as_loop(A, B, eqs)


def test_games_with_more_equilibria_than_the_output_holds_fall_back(monkeypatch):
    """With room for two equilibria per game, every game with more is solved one by one, same sets."""
    monkeypatch.setattr(batch_module, "MAX_KERNEL_EQUILIBRIA", 2)
    A, B = random_stack("int", (4, 4), 30, seed=8)
    eqs = batch_equilibria(A, B)
    many = [i for i in range(len(A)) if len(games.equilibria(games.NormalFormGame.from_bimatrix(A[i], B[i]))) > 2]
    assert many and eqs.solved_one_by_one.tolist() == many
    assert_same_as_loop(A, B, eqs)


def test_games_with_labels_in_doubt_fall_back(monkeypatch):
    """Widening the band of slacks the compiled pass treats as "tight or slack, in doubt" hands games back
    (status 2); their sets are then the per-game solver's."""
    import functools

    from games.solvers import batch_kernel

    monkeypatch.setattr(batch_kernel, "solve_stack", functools.partial(batch_kernel.solve_stack, amb=(1e-300, 0.3)))
    A, B = random_stack("float", (4, 4), 20, seed=12)
    eqs = batch_equilibria(A, B)
    assert len(eqs.solved_one_by_one) >= 10
    assert "a vertex slack too close to the tightness tolerance" in eqs[int(eqs.solved_one_by_one[0])].note
    assert_same_as_loop(A, B, eqs)


def test_chunks_are_bounded_and_give_the_same_answers(monkeypatch):
    """A small memory bound makes the compiled pass work through the stack in many calls, each writing into
    the same bounded buffer; the answers equal one unbounded call's."""
    A, B = random_stack("int", (5, 5), 40, seed=4)
    whole = batch_equilibria(A, B)
    from games.solvers import batch_kernel

    buffers = []
    real = batch_kernel._solve_block

    def recording(*args):
        buffers.append(sum(arr.nbytes for arr in args[13:18] + args[21:23]))
        return real(*args)

    monkeypatch.setattr(batch_kernel, "_solve_block", recording)
    monkeypatch.setattr(batch_module, "CHUNK_BYTES", 10_000)
    chunked = batch_equilibria(A, B)
    assert len(buffers) >= 4 and max(buffers) <= 10_000
    np.testing.assert_array_equal(chunked.game, whole.game)
    np.testing.assert_array_equal(chunked.x, whole.x)
    np.testing.assert_array_equal(chunked.y, whole.y)
    assert [partition(chunked[i]) for i in range(len(A))] == [partition(whole[i]) for i in range(len(A))]


@pytest.mark.parametrize("size", [3, 4, 5, 6, 7])
def test_lexicographic_search_meets_the_same_vertices_as_the_search_over_all_bases(size):
    """The compiled pass visits one basis per vertex of the perturbed (simple) polytope; the search over every
    feasible basis (connected through the matroid exchanges at each degenerate vertex) must meet the same
    vertices, so both give the same equilibria and degeneracy flags on games with many ties."""
    from games.solvers.batch_kernel import solve_stack

    rng = np.random.default_rng(size)
    A = rng.integers(0, 2 + size % 3, (60, size, size)).astype(float)
    B = rng.integers(0, 2 + size % 3, (60, size, size)).astype(float)
    lex = solve_stack(A, B, 1e-9, 1e-9, 64, 10_000, lexicographic=True, direct_bases=0)      # the walks, also
    every = solve_stack(A, B, 1e-9, 1e-9, 64, 10_000, lexicographic=False, direct_bases=0)   # for small games
    def rows(out):  # the equilibria of each game, in order (the searches meet vertices in different orders)
        game, x, y = out[0], np.round(out[1], 9), np.round(out[2], 9)
        order = np.lexsort(tuple(y.T[::-1]) + tuple(x.T[::-1]) + (game,))
        return game[order], x[order], y[order]

    for a, b in zip(rows(lex), rows(every)):
        np.testing.assert_allclose(a, b, atol=1e-12)
    np.testing.assert_array_equal(lex[5], every[5])      # status
    np.testing.assert_array_equal(lex[6], every[6])      # degeneracy


# --------------------------------------------------------------------------- vertices from every basis (small games)
def _kernel_rows(out):
    """The equilibria of each game in a canonical order (the passes meet vertices in different orders)."""
    game, x, y = out[0], np.round(out[1], 9) + 0.0, np.round(out[2], 9) + 0.0
    order = np.lexsort(tuple(y.T[::-1]) + tuple(x.T[::-1]) + (game,))
    return game[order], x[order], y[order]


@pytest.mark.parametrize("kind", ["float", "int", "near-tie"])
@pytest.mark.parametrize("shape,k", [((3, 3), 300), ((2, 4), 100), ((4, 4), 60), ((3, 5), 40), ((5, 5), 16)])
def test_vertices_from_every_basis_same_sets_as_the_walk_and_the_per_game_solver(kind, shape, k):
    """The direct pass over every basis (the default for games with C(m + n, m) <= DIRECT_MAX_BASES, forced here
    up to 5x5) against the lexicographic walk alone and against games.equilibria game by game: uniform floats,
    small integers (mostly degenerate) and planted near-ties below the float resolution (numbers near a
    threshold, which the direct pass leaves to the walk). Same equilibria, payoffs, statuses and degeneracy
    flags."""
    from games.solvers.batch_kernel import solve_stack

    if kind == "near-tie":   # the per-game solver solves these in exact arithmetic: fewer games
        k = max(k // 2, 8)
        A, B = _near_tie_stack(shape[0], k, 1e-8 if k % 3 else 3e-7, seed=k) if shape[0] == shape[1] else \
            random_stack("float", shape, k, seed=k)
        if shape[0] != shape[1]:   # rectangular: a near-tie in a column of A and in a row of B
            A[:, 1, 0] = A[:, 0, 0] + 2e-8
            B[:, 0, 1] = B[:, 0, 0] - 2e-8
    else:
        A, B = random_stack(kind, shape, k, seed=k + 1)
    A, B = A.astype(float), B.astype(float)
    direct = solve_stack(A, B, 1e-9, 1e-9, 64, 100_000, direct_bases=10**6)
    walk = solve_stack(A, B, 1e-9, 1e-9, 64, 100_000, direct_bases=0)
    for a, b in zip(_kernel_rows(direct), _kernel_rows(walk)):
        np.testing.assert_allclose(a, b, atol=1e-12)
    np.testing.assert_array_equal(direct[5], walk[5])      # status
    np.testing.assert_array_equal(direct[6], walk[6])      # degeneracy
    np.testing.assert_array_equal(direct[9], walk[9])      # payoff span
    assert np.all(direct[8] <= 1e-9 * direct[9][direct[0]])   # every row verified: regret within tol of the range
    assert_same_as_loop(A, B, batch_equilibria(A, B))   # the public call, game by game


def test_degenerate_3x3_coordination_with_a_null_action_by_hand():
    """A = B = diag(2, 1, 0). By hand: the pure profiles (1, 1), (2, 2) and (3, 3) (against column 3 every row
    earns 0, against row 3 every column does, and (3, 3) is isolated: column 3 is a best reply only to row 3),
    and both mixing on actions 1, 2 with weights (1/3, 2/3) (2 y1 = y2 makes rows 1 and 2 tie at 2/3 > 0).
    Row 3 has three best replies, so the game is degenerate; four singleton components."""
    A = np.diag([2.0, 1.0, 0.0])[None]
    for bases in (0, 20):
        from games.solvers import batch_kernel

        out = batch_kernel.solve_stack(A, A, 1e-9, 1e-9, 64, 100, direct_bases=bases)
        assert out[6].tolist() == [True] and out[5].tolist() == [0]
    eqs = batch_equilibria(A, A)
    expected = [(0, 0, 1, 0, 0, 1), (0, 1, 0, 0, 1, 0), (1 / 3, 2 / 3, 0, 1 / 3, 2 / 3, 0), (1, 0, 0, 1, 0, 0)]
    assert profiles(eqs[0]) == _rounded(expected)
    assert eqs.degenerate.tolist() == [True] and sorted(map(len, eqs[0].components)) == [1, 1, 1, 1]
    np.testing.assert_allclose(sorted(eqs.payoffs[:, 0]), [0, 2 / 3, 1, 2], atol=1e-12)
    assert np.all(eqs.regret <= 1e-12)


def test_shapley_game_and_a_dominance_solvable_3x3_game_by_hand():
    """Shapley's (1964) 3x3 game, A = I and B[i, (i + 1) % 3] = 1: best replies cycle, so there is no pure
    equilibrium; uniform play makes both players indifferent, and it is the only equilibrium (Shapley, "Some
    topics in two-person games", 1964). Every pure or two-action strategy has at most as many best replies as
    actions played, so the game is non-degenerate. A 3x3 game where the third row and column strictly
    dominate the others (A = B^T): iterated strict dominance leaves (3, 3), the unique equilibrium, payoffs (1, 1).
    Both through the direct pass and through the walk."""
    from games.solvers import batch_kernel

    A = np.stack([np.eye(3), np.array([[3.0, 0, -1], [4, 1, 0], [5, 2, 1]])])
    B = np.stack([np.roll(np.eye(3), 1, axis=1), A[1].T])
    for bases in (0, 20):
        out = batch_kernel.solve_stack(A, B, 1e-9, 1e-9, 64, 100, direct_bases=bases)
        assert out[0].tolist() == [0, 1] and out[5].tolist() == [0, 0]
        np.testing.assert_allclose(out[1], [[1 / 3] * 3, [0, 0, 1]], atol=1e-12)
        np.testing.assert_allclose(out[2], [[1 / 3] * 3, [0, 0, 1]], atol=1e-12)
        np.testing.assert_allclose(out[7], [[1 / 3, 1 / 3], [1, 1]], atol=1e-12)
        assert not out[6][0]
    eqs = batch_equilibria(A, B)
    assert eqs.counts.tolist() == [1, 1] and not eqs.degenerate[0]
    assert np.all(eqs.regret <= 1e-12)
    assert_same_as_loop(A, B, eqs)


def test_payoffs_and_regrets_from_the_compiled_pass_are_the_games():
    """The payoffs and regrets the compiled pass returns equal x'Ay, x'By and the largest deviation gain computed
    here from the payoff arrays, for the kept rows and for the rows of games handed back."""
    A, B = random_stack("float", (3, 3), 200, seed=21)
    A[0], B[0] = _bos_with_a_dominated_row_and_column(2e-8)     # handed back (a slack in doubt)
    eqs = batch_equilibria(A, B)
    assert 0 in eqs.solved_one_by_one.tolist()
    g, x, y = eqs.game, eqs.x, eqs.y
    ay, xb = np.einsum("emn,en->em", A[g], y), np.einsum("em,emn->en", x, B[g])
    u1, u2 = np.einsum("em,em->e", x, ay), np.einsum("en,en->e", xb, y)
    np.testing.assert_allclose(eqs.payoffs, np.stack([u1, u2], axis=1), atol=1e-12)
    np.testing.assert_allclose(eqs.regret, np.maximum(ay.max(1) - u1, xb.max(1) - u2).clip(0), atol=1e-12)
    np.testing.assert_allclose(eqs.scale, np.maximum(np.ptp(A, axis=(1, 2)), np.ptp(B, axis=(1, 2))))


def test_closed_form_and_batched_vertex_enumeration_agree_on_2x2():
    rng = np.random.default_rng(11)
    A = np.concatenate([rng.integers(0, 3, (3000, 2, 2)), rng.normal(size=(1000, 2, 2))])
    B = np.concatenate([rng.integers(0, 3, (3000, 2, 2)), rng.normal(size=(1000, 2, 2))])
    closed = batch_equilibria(A, B, method="closed-form")
    vertex = batch_equilibria(A, B, method="vertex")
    assert closed.counts.tolist() == vertex.counts.tolist()
    np.testing.assert_array_equal(closed.game, vertex.game)
    np.testing.assert_allclose(closed.x, vertex.x, atol=1e-9)
    np.testing.assert_allclose(closed.y, vertex.y, atol=1e-9)
    np.testing.assert_array_equal(closed.degenerate, vertex.degenerate)


def _fixture_games():
    data = json.loads(FIXTURES.read_text())
    by_shape = defaultdict(list)
    for g in data["games"]:
        by_shape[tuple(g["shape"])].append(g)
    return by_shape


@pytest.mark.skipif(not FIXTURES.exists(), reason="pygambit fixtures not generated")
def test_against_committed_pygambit_fixtures():
    """Every two-player fixture game (2x2 to 6x6, ints, ties and decimals), one batch per shape."""
    for shape, items in _fixture_games().items():
        table = np.array([[float(Fraction(v)) for v in g["payoffs"]] for g in items]).reshape(-1, *shape, 2)
        eqs = batch_equilibria(table[..., 0], table[..., 1])
        for i, g in enumerate(items):
            expected = sorted(tuple(round(float(Fraction(p)), 7) + 0.0 for player in eq for p in player)
                              for eq in g["equilibria"])
            assert profiles(eqs[i]) == expected, g["id"]


def test_against_live_pygambit_on_integer_games_with_ties():
    """Live pygambit enummixed_solve (exact lrs-style enumeration) on 2x2 integer games with many ties."""
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(5)
    A = rng.integers(0, 3, (150, 2, 2))
    B = rng.integers(0, 3, (150, 2, 2))
    A[:3], B[:3] = [[1, 1], [0, 0]], [[1, 1], [0, 0]]
    eqs = batch_equilibria(A, B)
    for i in range(len(A)):
        g = gbt.Game.from_arrays(A[i].astype(int), B[i].astype(int))
        ref = sorted({tuple(round(float(eq[s]), 7) + 0.0 for pl in g.players for s in pl.strategies)
                      for eq in gbt.nash.enummixed_solve(g).equilibria})   # pygambit may repeat one
        assert profiles(eqs[i]) == ref, (A[i].tolist(), B[i].tolist())


small_games = st.tuples(st.integers(1, 3), st.integers(1, 3)).flatmap(
    lambda s: st.tuples(arrays(np.int64, (4, *s), elements=st.integers(-3, 3)),
                        arrays(np.int64, (4, *s), elements=st.integers(-3, 3))))


@settings(max_examples=60, deadline=None)
@given(small_games, st.floats(0.1, 10), st.floats(-5, 5))
def test_invariants_regret_rescaling_and_permutation(games_ab, scale, shift):
    """Every equilibrium has regret <= tol x payoff range; the set is unchanged by a positive affine
    change of the row player's payoffs and follows a permutation of the row player's actions."""
    A, B = games_ab
    eqs = batch_equilibria(A, B)
    assert np.all(eqs.regret <= 1e-9 * eqs.scale[eqs.game])
    assert np.all(eqs.counts >= 1)                           # every finite game has an equilibrium
    rescaled = batch_equilibria(A * scale + shift, B)
    assert [profiles(rescaled[i]) for i in range(4)] == [profiles(eqs[i]) for i in range(4)]
    perm = np.arange(A.shape[1])[::-1]
    permuted = batch_equilibria(A[:, perm], B[:, perm])
    for i in range(4):
        back = sorted(tuple(np.round(np.concatenate([x[perm], y]), 7) + 0.0)
                      for x, y in zip(permuted.x[permuted.game == i], permuted.y[permuted.game == i]))
        assert back == profiles(eqs[i])


def test_reductions_and_frame():
    A = np.array([[[2, 0], [0, 1]], [[3, 0], [5, 1]]])
    B = np.array([[[1, 0], [0, 2]], [[3, 5], [0, 1]]])
    eqs = batch_equilibria(A, B)
    assert eqs.per_game(eqs.payoffs[:, 0], "max").tolist() == [2.0, 1.0]
    assert eqs.per_game(eqs.payoffs[:, 0], "min").tolist() == [pytest.approx(2 / 3), 1.0]
    assert eqs.per_game(eqs.payoffs[:, 0], "sum").tolist() == [pytest.approx(1 + 2 / 3 + 2), 1.0]
    assert eqs.per_game(eqs.pure, "mean").tolist() == [pytest.approx(2 / 3), 1.0]
    assert eqs.per_game(eqs.payoffs[:, 1], "first").tolist() == [2.0, 1.0]
    assert eqs.any_per_game(~eqs.pure).tolist() == [True, False]
    frame = eqs.to_frame()
    assert len(frame) == 4 and frame.game.tolist() == [0, 0, 0, 1]
    assert len(eqs) == 2 and len(list(eqs)) == 2 and "2 games of 2x2" in repr(eqs)
    empty = batch_equilibria(np.zeros((0, 2, 2)))
    assert len(empty) == 0 and empty.x.shape == (0, 2)


def test_bad_input():
    with pytest.raises(ValueError, match=r"A must be a stack of payoff matrices of shape \(k, m, n\)"):
        batch_equilibria(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="A and B must have the same shape"):
        batch_equilibria(np.zeros((3, 2, 2)), np.zeros((3, 2, 3)))
    with pytest.raises(ValueError, match="B must contain finite numbers; found nan"):
        batch_equilibria(np.zeros((1, 2, 2)), np.full((1, 2, 2), np.nan))
    with pytest.raises(TypeError, match="A must contain real numbers only"):
        batch_equilibria([[["a", 1], [0, 0]]])
    with pytest.raises(ValueError, match="more than 3432; solve larger games one by one with games.equilibria"):
        batch_equilibria(np.zeros((1, 8, 8)))
    with pytest.raises(ValueError, match="A must contain finite numbers; found inf"):
        batch_equilibria(np.full((2, 4, 4), np.inf))
    with pytest.raises(ValueError, match="tol=0 asks for a regret of exactly 0"):
        batch_equilibria(np.zeros((1, 3, 3)), tol=0)
    with pytest.raises(ValueError, match="method='closed-form' needs 2x2 games"):
        batch_equilibria(np.zeros((1, 3, 3)), method="closed-form")
    with pytest.raises(ValueError, match="method must be one of"):
        batch_equilibria(np.zeros((1, 2, 2)), method="lemke")
    eqs = batch_equilibria(np.zeros((1, 2, 2)))
    with pytest.raises(IndexError, match="game index 1 out of range for 1 games"):
        eqs[1]
    with pytest.raises(ValueError, match="mask must have one entry per equilibrium"):
        eqs.any_per_game([True])
    assert MAX_BATCH_BASES == 3432


def test_the_size_benchmark_runs_and_agrees_with_the_loop():
    """tests/benchmarks/bench_batch.py main_sizes end to end on tiny stacks (no timing is asserted)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_batch.py"
    spec = importlib.util.spec_from_file_location("bench_batch", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = bench.main_sizes(sizes=(3, 5), scale=0.002, repeats=1, peers=False)
    assert set(out) == {(3, "float"), (3, "int"), (5, "float"), (5, "int")}
    assert all(row["differ"] == 0 for row in out.values())


# --------------------------------------------------------------------------- payoffs closer than the float resolution
def _bos_with_a_dominated_row_and_column(delta, clone=False):
    """Battle of the sexes on rows 1, 3 and columns 1, 2, padded to 3x3: row 2 is row 1 lowered by ``delta``
    (strictly dominated for the row player) and column 3 is column 1 lowered by 1/2 (strictly dominated for the
    column player). Iterated removal of strictly dominated actions keeps every equilibrium (Fudenberg and
    Tirole, *Game Theory*, 1991, sec. 2.1), so the equilibria are the battle of the sexes' three, by hand: both
    on the first actions, both on the second (row 3, column 2), and x = (2/3, 0, 1/3), y = (1/3, 2/3, 0).

    ``clone=True`` makes row 2 an exact copy of row 1 for both players instead, and row 3's payoff against
    column 3 ``delta`` above row 1's (a near-tie against the dominated column): every equilibrium played with
    row 1 then has a twin played with row 2, in one component with it."""
    A = np.array([[2.0, 0, 0.5], [2 - delta, -delta, 0.5 - delta], [0, 1, 0.7]])
    B = np.array([[1.0, 0, 0.5], [5, 3, 4.5], [0, 2, -0.5]])
    if clone:
        A[1], B[1] = A[0], B[0]
        A[2, 2] = A[0, 2] + delta
    return A, B


BOS_BY_HAND = [(1, 0, 0, 1, 0, 0), (2 / 3, 0, 1 / 3, 1 / 3, 2 / 3, 0), (0, 0, 1, 0, 1, 0)]
CLONED_BY_HAND = BOS_BY_HAND + [(0, 1, 0, 1, 0, 0), (0, 2 / 3, 1 / 3, 1 / 3, 2 / 3, 0)]


def _rounded(rows):
    return sorted(tuple(round(v, 7) + 0.0 for v in row) for row in rows)


@pytest.mark.parametrize("delta", [6e-7, 2e-8, 2e-10, 4e-12, 0.0])
def test_near_ties_below_the_float_resolution_by_hand(delta):
    """Payoff gaps of 3e-7 .. 2e-12 of the range (beyond the float resolution of 1e-6) in a game with a strictly
    dominated row, and the same gaps in a game with a duplicated row: the equilibria derived by hand, and the
    per-game solver's (which solves these games in exact arithmetic)."""
    A, B = _bos_with_a_dominated_row_and_column(delta)
    C, D = _bos_with_a_dominated_row_and_column(delta, clone=True)
    eqs = batch_equilibria(np.stack([A, C]), np.stack([B, D]))
    if delta:   # with delta = 0 row 2 is only weakly dominated (it ties with row 1 against the row player)
        assert profiles(eqs[0]) == _rounded(BOS_BY_HAND) and not eqs.degenerate[0]
    assert profiles(eqs[1]) == _rounded(CLONED_BY_HAND)
    assert sorted(len(c) for c in eqs[1].components) == [1, 2, 2] and eqs.degenerate[1]
    assert_same_as_loop(np.stack([A, C]), np.stack([B, D]), eqs)
    handed_back = eqs.solved_one_by_one.tolist()
    if delta == 6e-7:   # row 2's slack is at least 1.5e-7 at every vertex: clear of the doubtful band
        assert 0 not in handed_back
    if delta in (2e-8, 2e-10):   # row 2's slack falls in the doubtful band: exact arithmetic decides
        assert 0 in handed_back and "payoff differences below the float resolution" in eqs[0].note
    if delta:   # degenerate and beyond the float resolution: handed back
        assert 1 in handed_back


def test_payoff_ranges_beyond_the_floats_fall_back():
    """A payoff range that overflows floats (1e308 against -1e308): handed back, the per-game solver's set."""
    A = np.array([[[1e308, 0, 3], [-1e308, 2, 1], [0, 1, 2]], [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]])
    B = np.array([[[1.0, 0, 2], [0, 2, 1], [2, 1, 0]], [[0, 1, -1], [-1, 0, 1], [1, -1, 0]]])
    eqs = batch_equilibria(A, B)
    assert eqs.solved_one_by_one.tolist() == [0] and "a payoff range that overflows floats" in eqs[0].note
    assert_same_as_loop(A, B, eqs)


def _near_tie_stack(size, k, gap, seed):
    """Random games with planted near-ties ``gap`` (relative to the range) the per-game solver solves exactly:
    two payoffs of a column of A (rows nearly tied against a pure column), of a row of B, anywhere, a whole
    row of A nearly duplicating another, a column of B nearly duplicating another, and small-integer games
    (degenerate) with one payoff nudged."""
    rng = np.random.default_rng(seed)
    A, B = rng.random((k, size, size)), rng.random((k, size, size))
    for g in range(k):
        i, i2 = rng.choice(size, 2, replace=False)
        j, j2 = rng.choice(size, 2, replace=False)
        sign = rng.choice([-1.0, 1.0])
        case = g % 6
        if case == 0:
            A[g, i2, j] = A[g, i, j] + sign * gap * np.ptp(A[g])
        elif case == 1:
            B[g, i, j2] = B[g, i, j] + sign * gap * np.ptp(B[g])
        elif case == 2:
            A[g, i2, j2] = A[g, i, j] + sign * gap * np.ptp(A[g])
            B[g, i, j2] = B[g, i2, j] + sign * gap * np.ptp(B[g])
        elif case == 3:
            A[g, i2] = A[g, i] + sign * gap * np.ptp(A[g])
        elif case == 4:
            B[g, :, j2] = B[g, :, j] - gap * np.ptp(B[g])
        else:
            A[g], B[g] = rng.integers(0, 4, (2, size, size))
            A[g, i, j] += sign * gap * 3
    return A, B


@pytest.mark.parametrize("gap", [3e-7, 1e-7, 1e-9, 1e-12, 3e-12])
@pytest.mark.parametrize("size,k", [(3, 36), (4, 24), (5, 6)])
def test_near_tie_stacks_same_sets_as_the_per_game_solver(size, k, gap):
    """Adversarial stacks: every game has payoffs closer than the float resolution, which the per-game solver
    then solves in exact arithmetic; the compiled pass keeps those whose float vertices show every label to be
    a basic one (no degenerate vertex, no slack in the doubtful band) and hands back the others. Game by game,
    the sets are the per-game solver's."""
    from games.solvers.vertex import float_resolution_problem

    A, B = _near_tie_stack(size, k, gap, seed=size * 100 + int(-np.log10(gap) * 10))
    coarse = [bool(float_resolution_problem(games.NormalFormGame.from_bimatrix(A[i], B[i]))) for i in range(k)]
    assert sum(coarse) >= k * 2 // 3   # the stack really is beyond the resolution
    eqs = batch_equilibria(A, B)
    assert_same_as_loop(A, B, eqs)
    kept = [i for i in range(k) if coarse[i] and i not in set(eqs.solved_one_by_one.tolist())]
    if gap >= 1e-7:
        assert len(kept) >= k // 4    # the loosened criterion is exercised
    assert all(eqs.degenerate[i] == 0 for i in kept)


def test_near_ties_in_larger_games_same_sets_as_the_per_game_solver():
    """6x6 games with planted near-ties (exact arithmetic over every basis takes about a second per game)."""
    A, B = _near_tie_stack(6, 4, 2e-7, seed=66)
    eqs = batch_equilibria(A, B)
    assert_same_as_loop(A, B, eqs)
