"""Adversarial inputs to the two-player solvers: tolerances at their limits, odd method names, zero-sum edge cases.

Every expected equilibrium is derived by hand in the test's comment.
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

import games
from games import NormalFormGame
from games.equilibrium import EquilibriumSet
from games.solvers.enumeration import hull_equilibria
from games.solvers.vertex import equilibrium_set_from_pairs

# Matching pennies in floats: the unique equilibrium is (1/2, 1/2) for both (each makes the other indifferent).
PENNIES = NormalFormGame.from_bimatrix([[1.0, -1.0], [-1.0, 1.0]])
# Rock-paper-scissors scaled by 0.1: unique equilibrium, uniform play (1/3 each) for both players.
RPS = NormalFormGame.from_bimatrix(0.1 * np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]))
# Battle of the sexes: (T, L), (B, R) and the mix T w.p. 2/3, L w.p. 1/3 (1 * p = 2 (1 - p), 2 q = 1 - q).
BOS = NormalFormGame.from_bimatrix([[2.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 2.0]])
BOS_EQUILIBRIA = sorted([[1, 0, 1, 0], [0, 1, 0, 1], [2 / 3, 1 / 3, 1 / 3, 2 / 3]])


def flat(eqs) -> list[list[float]]:
    return sorted(np.concatenate(e.as_float()).round(9).tolist() for e in eqs)


@pytest.mark.parametrize("method", ["auto", "vertex", "support", "lemke-howson", "zero-sum"])
def test_tol_zero_in_floats_is_refused_not_answered_with_nothing(method):
    # A float mixed equilibrium carries round-off, so "regret exactly 0" cannot be certified in floats:
    # before the fix, tol=0 returned an empty, "complete" set for matching pennies.
    with pytest.raises(ValueError, match=r"tol=0.*exact=True"):
        games.equilibria(PENNIES, method, tol=0)


def test_tol_zero_with_exact_and_for_pure_equilibria():
    # Exact arithmetic certifies regret 0; pure equilibria have exact float regrets.
    eqs = games.equilibria(PENNIES, tol=0, exact=True)
    assert [tuple(v.tolist()) for v in eqs[0].profile] == [(F(1, 2), F(1, 2))] * 2
    assert [e.pure_actions() for e in games.equilibria(BOS, "pure", tol=0)] == [("a1", "b1"), ("a2", "b2")]


@pytest.mark.parametrize("tol", [1e-3, 0.1, 0.5])
def test_a_loose_verification_tolerance_does_not_change_the_geometry(tol):
    # tol loosens the regret check only: the extreme equilibria are the same, and the games stay
    # non-degenerate. Before the fix tol=0.5 gave no equilibrium of matching pennies and tol=0.1 listed
    # dozens of "equilibria" of random games, flagged degenerate.
    assert flat(games.equilibria(PENNIES, tol=tol)) == [[0.5, 0.5, 0.5, 0.5]]
    eqs = games.equilibria(BOS, tol=tol)
    assert flat(eqs) == [list(np.round(v, 9)) for v in BOS_EQUILIBRIA] and eqs.degenerate is False
    rps = games.equilibria(RPS, tol=tol)
    assert len(rps) == 1 and np.allclose(np.concatenate(rps[0].as_float()), 1 / 3) and rps.degenerate is False
    lh = games.equilibria(BOS, "lemke-howson", label=None, tol=tol)
    assert lh.rejected == 0 and set(map(tuple, flat(lh))) <= set(map(tuple, np.round(BOS_EQUILIBRIA, 9).tolist()))


def test_hull_enumeration_with_a_loose_tolerance_matches_the_true_equilibria():
    # An 8x8 coordination game (identity payoffs for both): the equilibria are the uniform mixtures on
    # every non-empty common support S, 2**8 - 1 of them, however loose the verification tolerance.
    g = NormalFormGame.from_bimatrix(np.eye(8), np.eye(8))
    assert len(hull_equilibria(g, tol=0.1)) == 255 == len(hull_equilibria(g))


def test_rejected_candidates_make_a_set_incomplete():
    # (T, R) in matching pennies is no equilibrium: a set that had to drop it cannot claim completeness.
    x = [np.array([1.0, 0.0])]
    y = [np.array([0.0, 1.0])]
    eqs = equilibrium_set_from_pairs(PENNIES, x, y, [(0, 0)], degenerate=False, tol=1e-9, exact=False)
    assert isinstance(eqs, EquilibriumSet)
    assert len(eqs) == 0 and eqs.rejected == 1 and eqs.complete is False and "failed verification" in eqs.note


@pytest.mark.parametrize("name, canonical", [("Vertex", "vertex"), ("LEMKE_HOWSON", "lemke-howson"),
                                             ("zero_sum", "zero-sum"), (" Support ", "support"), ("PURE", "pure")])
def test_method_names_ignore_case_spaces_and_underscores(name, canonical):
    assert flat(games.equilibria(PENNIES, name)) == flat(games.equilibria(PENNIES, canonical))
    assert games.equilibria(PENNIES, name).method == games.equilibria(PENNIES, canonical).method


@pytest.mark.parametrize("kwargs, error, message", [
    ({"method": None}, TypeError, "method must be a str"),
    ({"method": "lemke-howson", "label": True}, TypeError, "label must be an integer"),
    ({"method": "lemke-howson", "label": 1.0}, TypeError, "label must be an integer"),
    ({"max_bases": "many"}, TypeError, "max_bases must be an integer"),
    ({"max_vertices": 0}, ValueError, "max_vertices must be an integer >= 1"),
    ({"tol": float("nan")}, ValueError, "tol must be a number in"),
])
def test_bad_solver_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        games.equilibria(PENNIES, **kwargs)


def test_constant_sum_games_are_solved_as_zero_sum():
    # A + B = 1 everywhere: strategically zero-sum. Row wins 1 on the diagonal (a matching game): both mix
    # 1/2-1/2 and the row's value is 1/2 (= 1/2 * 1 + 1/2 * 0 against the column's mix).
    g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[0, 1], [1, 0]])
    eqs = games.equilibria(g, "zero-sum")
    assert flat(eqs) == [[0.5, 0.5, 0.5, 0.5]] and abs(eqs.value - 0.5) < 1e-12
    exact = games.equilibria(g, "zero-sum", exact=True)
    assert exact.value == F(1, 2) and [tuple(v) for v in exact[0].profile] == [(F(1, 2), F(1, 2))] * 2


def test_exact_zero_sum_needs_an_exactly_zero_sum_game():
    # B = -A except one entry off by 1 in 10**10: fine for floats (within tol), not for exact arithmetic,
    # where a "value" would be attributed to a game that is not zero-sum.
    g = NormalFormGame.from_bimatrix([[10**10, 0], [0, 10**10]], [[-10**10, 0], [0, -10**10 + 1]])
    with pytest.raises(ValueError, match="exactly"):
        games.equilibria(g, "zero-sum", exact=True)


def test_payoffs_too_large_for_floats_are_refused_by_name():
    with pytest.raises(ValueError, match=r"A must contain .*float"):
        NormalFormGame.from_bimatrix([[10**400, 0], [0, 1]])


def test_huge_and_tiny_magnitudes_give_the_same_equilibria():
    # Scaling every payoff by a positive constant leaves the equilibria unchanged.
    for scale in (1e12, 1e-12, 1e-300):
        g = NormalFormGame.from_bimatrix(np.array(BOS.bimatrix[0]) * scale, np.array(BOS.bimatrix[1]) * scale)
        for method in ("vertex", "support", "lemke-howson"):
            eqs = games.equilibria(g, method, label=None) if method == "lemke-howson" else games.equilibria(g, method)
            assert set(map(tuple, flat(eqs))) <= set(map(tuple, np.round(BOS_EQUILIBRIA, 9).tolist())), (scale, method)
        assert flat(games.equilibria(g)) == [list(np.round(v, 9)) for v in BOS_EQUILIBRIA]


@pytest.mark.parametrize("shape", [(1, 1), (1, 4), (4, 1)])
def test_single_action_players(shape):
    # The player with one action plays it; the other picks its best replies: the maximal entries of its
    # payoff vector (2 at indices 1 and 3 here, for 1xN and Nx1 alike).
    m, n = shape
    own = np.array([1.0, 2.0, 0.0, 2.0])[: max(m, n)]
    A = own.reshape(m, n) if m > 1 else np.zeros((m, n))
    B = own.reshape(m, n) if n > 1 else np.zeros((m, n))
    g = NormalFormGame.from_bimatrix(A, B)
    best = [1, 3] if max(m, n) > 1 else [0]
    for method in ("vertex", "support", "pure"):
        eqs = games.equilibria(g, method)
        mover = 0 if m > 1 else 1
        assert sorted(e.supports[mover][0] for e in eqs) == best, method
        assert all(e.is_pure for e in eqs)
    assert games.equilibria(g, "lemke-howson", label=None).rejected == 0


def test_all_zero_game_is_one_degenerate_component():
    # Every profile of an all-zero game is an equilibrium: the extreme ones are the 2 x 3 pure profiles,
    # all in one component.
    g = NormalFormGame.from_bimatrix(np.zeros((2, 3)), np.zeros((2, 3)))
    eqs = games.equilibria(g)
    assert len(eqs) == 6 and eqs.degenerate is True and eqs.components == [list(range(6))]
    exact = games.equilibria(NormalFormGame.from_bimatrix([[0, 0], [0, 0]]), exact=True)
    assert len(exact) == 4 and exact.degenerate is True and exact.components == [[0, 1, 2, 3]]


def test_exact_on_float_games_with_many_decimals_reads_the_decimals():
    # 0.1 + 0.2 is 0.30000000000000004 in floats; exact=True reads each float as its shortest decimal, so
    # the row player's two payoffs against L are 3/10 and 30000000000000004/10**17: row 1 is strictly better
    # against L, and against R (0 vs 1) row 2 is: the pure equilibria are exactly as in the decimals.
    g = NormalFormGame.from_bimatrix([[0.1 + 0.2, 0.0], [0.3, 1.0]], [[1.0, 0.0], [0.0, 1.0]])
    eqs = games.equilibria(g, exact=True)
    assert g.exact_payoffs[0, 0, 0] == F(30000000000000004, 10**17)
    assert all(e.regret == 0 for e in eqs) and {e.pure_actions() for e in eqs if e.is_pure} == {("a1", "b1"), ("a2", "b2")}


@pytest.mark.parametrize("seed", range(4))
def test_loose_tolerance_on_random_games_keeps_the_same_extreme_equilibria(seed):
    # A metamorphic check: a random 4x4 game is non-degenerate with probability one, so its extreme
    # equilibria do not depend on how loosely their regret is checked. Before the fix, tol=0.1 turned the
    # polytopes' tightness test loose too and reported dozens of spurious "equilibria", flagged degenerate.
    rng = np.random.default_rng(seed)
    g = NormalFormGame.from_bimatrix(rng.random((4, 4)), rng.random((4, 4)))
    strict = games.equilibria(g)
    loose = games.equilibria(g, tol=0.1)
    assert flat(loose) == flat(strict) and loose.degenerate is strict.degenerate is False
    lh = games.equilibria(g, "lemke-howson", label=None, tol=0.1)
    assert lh.rejected == 0 and set(map(tuple, flat(lh))) <= set(map(tuple, flat(strict)))


def test_lemke_howson_from_every_label_on_degenerate_games():
    # Small games with payoffs in {0, 1, 2} are full of ties (degenerate). From every starting label,
    # in floats and exactly, Lemke-Howson must stop, pass verification, and land on an extreme
    # equilibrium: one of those found by exact vertex enumeration (a different algorithm).
    rng = np.random.default_rng(11)
    degenerate_seen = 0
    for _ in range(40):
        m, n = (int(v) for v in rng.integers(1, 5, size=2))
        g = NormalFormGame.from_bimatrix(rng.integers(0, 3, (m, n)).tolist(), rng.integers(0, 3, (m, n)).tolist())
        extreme = games.equilibria(g, exact=True)
        degenerate_seen += bool(extreme.degenerate)
        want = {tuple(np.concatenate(e.profile)) for e in extreme}
        for exact in (False, True):
            for label in range(m + n):
                eqs = games.equilibria(g, "lemke-howson", label=label, exact=exact)
                assert len(eqs) == 1 and eqs.rejected == 0
                got = np.concatenate(eqs[0].profile)
                if exact:
                    assert tuple(got) in want
                else:
                    assert any(np.allclose(got.astype(float), np.array(w, dtype=float), atol=1e-9) for w in want)
    assert degenerate_seen >= 10


def test_batch_solver_tolerances():
    # The same guarantees on the sweep fast path: tol=0 is refused, a loose tol changes nothing for
    # (almost surely non-degenerate) random games, method names ignore case.
    from games.solvers.batch import batch_equilibria

    rng = np.random.default_rng(3)
    for shape in ((2, 2), (3, 3)):
        A, B = rng.random((30, *shape)), rng.random((30, *shape))
        strict = batch_equilibria(A, B)
        with pytest.raises(ValueError, match=r"tol=0.*exact=True"):
            batch_equilibria(A, B, tol=0)
        for tol in (1e-3, 0.1, 0.5):
            loose = batch_equilibria(A, B, tol=tol, method="AUTO")
            assert loose.counts.tolist() == strict.counts.tolist() and not loose.degenerate.any()
            assert np.allclose(loose.x, strict.x) and np.allclose(loose.y, strict.y)
        # each game's set agrees with games.equilibria game by game
        for i in range(3):
            alone = games.equilibria(NormalFormGame.from_bimatrix(A[i], B[i]))
            assert flat(strict[i]) == flat(alone) and strict[i].complete


def test_single_action_opponents_of_any_size():
    # Against an opponent with one action, the extreme equilibria are the mover's pure best replies, in
    # one component. A 1x200 game used to be refused ("at most 64 actions"); small ones must agree with
    # the polytope enumeration.
    rng = np.random.default_rng(5)
    payoff = rng.integers(0, 4, 200).astype(float)
    g = NormalFormGame.from_bimatrix(np.zeros((1, 200)), payoff[None, :])
    eqs = games.equilibria(g)
    best = np.flatnonzero(payoff == payoff.max()).tolist()
    assert [e.supports[1][0] for e in eqs] == best[::-1]     # sorted by profile: later actions first
    assert eqs.components == [list(range(len(best)))] and eqs.degenerate is (len(best) > 1)
    gt = NormalFormGame.from_bimatrix(payoff[:, None], np.zeros((200, 1)))
    assert [e.supports[0][0] for e in games.equilibria(gt, exact=True)] == best[::-1]
