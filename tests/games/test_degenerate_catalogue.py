"""A catalogue of degenerate bimatrix games, each with all of its extreme equilibria derived by hand.

For each game the comment derives every extreme equilibrium (the vertices of the equilibrium
components, what lrsnash and pygambit's ``enummixed_solve`` report) and the components. The tests
check the exact and the float solver against that list, the components against it, and that every
segment between two extreme equilibria that share a strategy consists of equilibria (so a component
really is connected). Games reported against nashpy, whose support enumeration missed equilibria,
are cited by issue.
"""

from __future__ import annotations

import itertools
import warnings
from fractions import Fraction as F

import numpy as np
import pytest

import games
from games import NormalFormGame

H, T3 = F(1, 2), F(1, 3)

CATALOGUE = {
    # Out/In against Fight/Accommodate. Out gives (0, 2) whatever the incumbent does: a row of equal
    # payoffs. (In, Acc) is strict: In gives 1 > 0, Acc gives 1 > -1. Out is a best reply to
    # q = P(Fight) iff 0 >= -q + (1 - q), i.e. q >= 1/2, and against Out the incumbent is indifferent:
    # the segment {Out} x {q in [1/2, 1]}. If the entrant plays In with p > 0, Acc (2 - p) beats
    # Fight (2 - 3p), so q = 0 and In is strict: no other equilibrium. Two components.
    "entry deterrence": (
        [[0, 0], [-1, 1]], [[2, 2], [-1, 1]],
        [[((1, 0), (1, 0)), ((1, 0), (H, H))], [((0, 1), (0, 1))]],
    ),
    # The column player is indifferent everywhere (B constant); the row matches: T iff q >= 1/2.
    # Equilibria: {T} x {q >= 1/2}, {B} x {q <= 1/2} and {any x} x {q = 1/2}: one component with the
    # four vertices (T, L), (T, half), (B, R), (B, half).
    "indifferent column player": (
        [[1, 0], [0, 1]], [[1, 1], [1, 1]],
        [[((1, 0), (1, 0)), ((1, 0), (H, H)), ((0, 1), (0, 1)), ((0, 1), (H, H))]],
    ),
    # Every payoff 0: every profile is an equilibrium; the set is the whole square, whose vertices
    # are the four pure profiles.
    "all ties": (
        [[0, 0], [0, 0]], [[0, 0], [0, 0]],
        [[((1, 0), (1, 0)), ((1, 0), (0, 1)), ((0, 1), (1, 0)), ((0, 1), (0, 1))]],
    ),
    # A = B = [[1, 0], [0, 0]]. If the row plays T with p > 0 the column's L (p) beats R (0), so
    # q = 1 and then T (1) beats B (0): (T, L). If p = 0 the column is indifferent, and B is a best
    # reply only if 0 >= q: (B, R). Two isolated equilibria, although B and R tie everywhere.
    "weak coordination": (
        [[1, 0], [0, 0]], [[1, 0], [0, 0]],
        [[((1, 0), (1, 0))], [((0, 1), (0, 1))]],
    ),
    # Nashpy issue #222: A = [[-3, 3], [-3, 5]], B = [[2, 7], [4, 2]]; support enumeration returned
    # only (B, L). Against L the row is indifferent (-3, -3); the column keeps L against p = P(T) iff
    # 4 - 2p >= 2 + 5p, p <= 2/7. If q = P(L) < 1, B beats T by 2 - 2q > 0, so p = 0, and then L (4)
    # beats R (2): q = 1, a contradiction. One component, {(p, 1 - p) : p in [0, 2/7]} x {L}.
    "nashpy #222": (
        [[-3, 3], [-3, 5]], [[2, 7], [4, 2]],
        [[((0, 1), (1, 0)), ((F(2, 7), F(5, 7)), (1, 0))]],
    ),
    # Nashpy issue #39 (support enumeration returned nothing): the zero-sum game with the skew-
    # symmetric M below has value 0, and x is optimal iff x^T M >= 0: columns 1 and 3 give
    # x4 >= x2 and x2 >= x4, so x2 = x4 = a; columns 2 and 4 give x1 >= x3 + a >= x1, so
    # x = (a + b, a, b, a) with 3a + 2b = 1: the segment from (1/3, 1/3, 0, 1/3) to (1/2, 0, 1/2, 0).
    # The column's optimal set is the same (M^T = -M). One component, the product: four vertices.
    "nashpy #39": (
        [[0, 1, 0, -1], [-1, 0, 1, 1], [0, -1, 0, 1], [1, -1, -1, 0]], None,
        [[(x, y) for x in ((T3, T3, 0, T3), (H, 0, H, 0)) for y in ((T3, T3, 0, T3), (H, 0, H, 0))]],
    ),
    # Nashpy issue #41: skew-symmetric zero-sum game, value 0; x^T A >= 0 column by column:
    # x2 >= x3 + x4 (col 1), x1 <= x3 + x4 (col 2), x1 >= x2 + x3 (col 4). Hence
    # 2 x3 + x4 <= x1 <= x3 + x4, so x3 = 0 and x1 = x2 = x4 = 1/3 (col 3 holds: 1/3 >= 0). The
    # unique equilibrium, in a degenerate game (row 1 has two best replies, columns 3 and 4).
    "nashpy #41": (
        [[0, -1, 1, 1], [1, 0, -1, -1], [-1, 1, 0, -1], [-1, 1, 1, 0]], None,
        [[((T3, T3, 0, T3), (T3, T3, 0, T3))]],
    ),
    # Nashpy issue #82 (players minimise A and B; we negate them). The reporter lists 8 equilibria,
    # computed independently by their own support enumeration and by R. Savani's online lrs solver;
    # support enumeration in nashpy found 5. Components: equilibria that share a strategy are joined
    # by a segment of equilibria: {y = (0, 1, 0)} with three column strategies, {x = (1, 0, 0)} with
    # two and, sharing z = e2, ((2/3, 1/3, 0), e2); the other two are isolated.
    "nashpy #82": (
        [[0, 0, -6, 0, 0], [0, 0, -3, -2, -1], [-4, -3, 0, 0, -1]],
        [[-3, 0, -2, -1, 0], [0, -2, 0, 0, -4], [-4, 0, -2, -4, -4]],
        [
            [((1, 0, 0), (0, 1, 0, 0, 0)), ((1, 0, 0), (0, 0, 0, 0, 1)), ((F(2, 3), T3, 0), (0, 1, 0, 0, 0))],
            [((0, 1, 0), (F(3, 7), 0, F(4, 7), 0, 0)), ((0, 1, 0), (1, 0, 0, 0, 0)),
             ((0, 1, 0), (F(3, 8), 0, F(1, 4), F(3, 8), 0))],
            [((T3, H, F(1, 6)), (0, F(4, 9), F(2, 9), T3, 0))],
            [((0, H, H), (0, H, H, 0, 0))],
        ],
    ),
}


def _game(A, B) -> NormalFormGame:
    return NormalFormGame.from_bimatrix(A, B)


def _key(profile) -> tuple:
    return tuple(tuple(F(p) for p in v) for v in profile)


def _components_as_sets(eqs) -> set[frozenset]:
    return {frozenset(_key(eqs[k].profile) for k in comp) for comp in eqs.components}


@pytest.mark.parametrize("name", CATALOGUE)
def test_exact_extreme_equilibria_and_components(name):
    A, B, components = CATALOGUE[name]
    g = _game(A, B)
    eqs = games.equilibria(g, exact=True)
    want = {_key(p) for comp in components for p in comp}
    assert {_key(eq.profile) for eq in eqs} == want
    assert eqs.degenerate is True and g.is_degenerate()
    assert _components_as_sets(eqs) == {frozenset(_key(p) for p in comp) for comp in components}


@pytest.mark.parametrize("name", CATALOGUE)
def test_float_path_agrees(name):
    A, B, components = CATALOGUE[name]
    g = NormalFormGame(_game(A, B).payoffs.astype(float) * 0.37 + 11.0)  # a float game, rescaled
    eqs = games.equilibria(g)
    want = sorted(np.concatenate([np.asarray(v, dtype=float) for v in p]).round(9).tolist()
                  for comp in components for p in comp)
    got = sorted((np.concatenate(eq.as_float()).round(9) + 0.0).tolist() for eq in eqs)
    assert len(got) == len(want) and np.allclose(got, want, atol=1e-9)
    assert len(eqs.components) == len(components) and eqs.degenerate is True


@pytest.mark.parametrize("name", CATALOGUE)
def test_segments_within_components_are_equilibria(name):
    A, B, _ = CATALOGUE[name]
    g = _game(A, B)
    eqs = games.equilibria(g, exact=True)
    for comp in eqs.components:
        for i, j in itertools.combinations(comp, 2):
            (x1, y1), (x2, y2) = eqs[i].profile, eqs[j].profile
            if list(x1) == list(x2) or list(y1) == list(y2):
                for t in (F(1, 3), H):
                    mid = [x1 * t + x2 * (1 - t), y1 * t + y2 * (1 - t)]
                    assert g.regret(mid) == 0
    # and extreme equilibria in different components never share a strategy
    for c1, c2 in itertools.combinations(eqs.components, 2):
        for i in c1:
            for j in c2:
                assert all(list(a) != list(b) for a, b in zip(eqs[i].profile, eqs[j].profile))


@pytest.mark.parametrize("name", ["nashpy #222", "nashpy #39", "nashpy #82"])
def test_nashpy_support_enumeration_misses_what_vertex_enumeration_finds(name):
    nashpy = pytest.importorskip("nashpy")
    A, B, components = CATALOGUE[name]
    g = _game(A, B)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = list(nashpy.Game(*g.bimatrix).support_enumeration())
    assert len(found) < sum(len(c) for c in components) == len(games.equilibria(g))
    ours = games.equilibria(g, method="support")
    assert not ours.complete and len(ours) <= len(games.equilibria(g))
