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
