"""Logit quantal response equilibria: fixed-point residuals, the branch, its limit, fitting, pygambit.

Independent checks: the fixed-point equations are re-evaluated here with numpy (``_residual``); the 2x2
closed forms are derived by hand; pygambit 16.7 (``pygambit.qre``) is the oracle where installed.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import games
from games import NormalFormGame

#: Asymmetric matching pennies: the unique Nash equilibrium is x = (1/2, 1/2), y = (1/10, 9/10)
#: (the column player mixes so that 9 y1 = y2; the row player so that the column player is indifferent).
PENNIES9 = NormalFormGame.from_bimatrix([[9, 0], [0, 1]], [[0, 1], [1, 0]])

#: A 4x4 game whose principal branch turns back twice (found by search; pygambit's branch turns too).
TURNING = NormalFormGame(np.array(
    [[[9, 4], [9, 0], [6, 6], [5, 6]], [[1, 0], [6, 8], [8, 7], [4, 9]],
     [[0, 6], [5, 6], [8, 1], [7, 0]], [[4, 0], [2, 9], [4, 6], [9, 9]]]))


def _residual(game: NormalFormGame, profile, lam: float) -> float:
    """max |p - softmax(lam * u)| computed from the payoff array directly."""
    pay = np.asarray(game.payoffs, dtype=float)
    n = game.num_players
    worst = 0.0
    for i in range(n):
        t = pay[..., i]
        for j in reversed(range(n)):
            if j != i:
                t = np.tensordot(t, np.asarray(profile[j], dtype=float), axes=([j], [0]))
        z = lam * t
        q = np.exp(z - z.max())
        worst = max(worst, float(np.abs(np.asarray(profile[i]) - q / q.sum()).max()))
    return worst


def test_centroid_at_zero_and_residuals():
    q0 = games.logit_qre(PENNIES9, 0.0)
    assert [v.tolist() for v in q0.profile] == [[0.5, 0.5], [0.5, 0.5]]
    for lam in (0.1, 1.0, 3.0, 25.0):
        q = games.logit_qre(PENNIES9, lam)
        assert _residual(PENNIES9, q.profile, lam) < 1e-9


def test_symmetric_coordination_closed_form():
    # u = [[2, 0], [0, 2]] for both: at a symmetric QRE p = 1 / (1 + exp(-lam (2p - 2(1-p)))) ; at lam = 0.5
    # the principal branch stays at 1/2 (the symmetric game's centroid solves it for every lam below the
    # bifurcation lam* = 1, where d/dp of the right-hand side, lam * 4 * 1/4, reaches 1)
    g = NormalFormGame.from_bimatrix([[2, 0], [0, 2]], [[2, 0], [0, 2]])
    q = games.logit_qre(g, 0.5)
    assert np.allclose(q.profile[0], [0.5, 0.5], atol=1e-12)
    # a strictly dominant action: p1 = 1 / (1 + exp(-lam * 1)) exactly, whatever the column player does
    d = NormalFormGame.from_bimatrix([[1, 1], [0, 0]], [[0, 0], [0, 0]])
    q = games.logit_qre(d, 2.0)
    assert q.profile[0][0] == pytest.approx(1 / (1 + math.exp(-2.0)), abs=1e-12)
    assert np.allclose(q.profile[1], [0.5, 0.5], atol=1e-12)


def test_normalized_lam_is_lam_over_the_payoff_scale():
    a = games.logit_qre(PENNIES9, 2.0)
    b = games.logit_qre(PENNIES9, 2.0 * PENNIES9.payoff_scale, normalized=True)
    assert all(np.allclose(u, v, atol=1e-10) for u, v in zip(a.profile, b.profile))


def test_branch_is_continuous_and_converges_to_the_mixed_equilibrium():
    branch = games.logit_branch(PENNIES9, lam_max=1e4)
    assert branch.lam[0] == 0 and np.allclose(branch.points[0], 0.5)
    assert np.max(np.linalg.norm(np.diff(branch.points, axis=0), axis=1)) < 0.1
    assert np.allclose(branch.points[-1], [0.5, 0.5, 0.1, 0.9], atol=1e-3)
    for k in range(0, len(branch), 7):
        assert _residual(PENNIES9, branch.profiles[k], branch.lam[k]) < 1e-9
    frame = branch.to_frame()
    assert list(frame.columns) == ["lam", "p1[a1]", "p1[a2]", "p2[b1]", "p2[b2]"] and len(frame) == len(branch)


def test_turning_points_are_followed_without_jumping():
    branch = games.logit_branch(TURNING, lam_max=60)
    turns = branch.turning_points
    assert len(turns) >= 2
    top, bottom = branch.lam[turns[0]], branch.lam[turns[1]]
    assert top > bottom  # lam rises to a fold, falls back, then rises again
    assert np.max(np.linalg.norm(np.diff(branch.points, axis=0), axis=1)) < 0.1
    for k in range(0, len(branch), 5):
        assert _residual(TURNING, branch.profiles[k], branch.lam[k]) < 1e-9
    # three distinct points of the branch at one lam between the folds: each is a QRE (checked here)
    lam = (top + bottom) / 2
    crossings = np.flatnonzero(np.diff(np.sign(branch.lam - lam)) != 0)
    assert len(crossings) >= 3
    # and logit_qre returns the first one met along the branch
    q = games.logit_qre(TURNING, lam)
    assert _residual(TURNING, q.profile, lam) < 1e-9
    first = branch.points[crossings[0]]
    assert np.linalg.norm(np.concatenate(q.profile) - first) < 0.05


def test_logit_method_finds_the_equilibrium_of_a_unique_mixed_game():
    eqs = games.equilibria(PENNIES9, method="logit")
    assert len(eqs) == 1 and not eqs.complete
    assert np.allclose(eqs[0].profile[0], [0.5, 0.5], atol=1e-12)
    assert np.allclose(eqs[0].profile[1], [0.1, 0.9], atol=1e-12)
    assert eqs[0].regret <= 1e-9 * PENNIES9.payoff_scale


def test_logit_method_on_three_players_and_scaled_games():
    # Jordan's three-player matching pennies: unique equilibrium, everyone 1/2
    g = NormalFormGame.from_payoff_function(
        lambda a, b, c: [1 if a == b else -1, 1 if b == c else -1, 1 if c != a else -1], [2, 2, 2])
    eq = games.equilibria(g, method="logit")[0]
    assert all(np.allclose(v, [0.5, 0.5], atol=1e-9) for v in eq.profile)
    big = NormalFormGame(np.asarray(PENNIES9.payoffs) * 1e6)
    assert np.allclose(games.equilibria(big, method="logit")[0].profile[1], [0.1, 0.9], atol=1e-9)


def test_fit_recovers_lam_and_its_standard_error():
    true = games.logit_qre(PENNIES9, 1.5)
    counts = [500 * v for v in true.profile]
    fit = games.fit_logit_qre(PENNIES9, counts)
    assert fit.converged and fit.lam == pytest.approx(1.5, abs=1e-9)
    assert fit.log_likelihood == pytest.approx(sum(float(c @ np.log(p)) for c, p in zip(counts, true.profile)))
    # the standard error from a numerical second derivative of the log-likelihood computed here
    def loglik(lam):
        q = games.logit_qre(PENNIES9, lam)
        return sum(float(c @ np.log(p)) for c, p in zip(counts, q.profile))
    h = 1e-3
    second = (loglik(1.5 + h) - 2 * loglik(1.5) + loglik(1.5 - h)) / h**2
    assert fit.se == pytest.approx(1 / math.sqrt(-second), rel=1e-3)


def test_fit_at_nash_data_is_flagged():
    fit = games.fit_logit_qre(PENNIES9, [[50, 50], [10, 90]], lam_max=200)
    assert not fit.converged and "still rising" in fit.note


def test_bad_input():
    with pytest.raises(ValueError, match="lam must be a number >= 0"):
        games.logit_qre(PENNIES9, -1)
    with pytest.raises(ValueError, match=r"counts\[1\] must have 2 entries"):
        games.fit_logit_qre(PENNIES9, [[1, 2], [1, 2, 3]])
    with pytest.raises(ValueError, match="counts must hold at least one observation"):
        games.fit_logit_qre(PENNIES9, [[0, 0], [0, 0]])
    with pytest.raises(TypeError, match="game must be a games.NormalFormGame"):
        games.logit_branch([[1, 2]])
    with pytest.raises(RuntimeError, match="max_steps=3"):
        games.logit_branch(PENNIES9, lam_max=1e6, max_steps=3)
    with pytest.raises(ValueError, match="has no exact mode"):
        games.equilibria(PENNIES9, method="logit", exact=True)


@pytest.mark.oracle
def test_against_pygambit_branch_and_lambda():
    gbt = pytest.importorskip("pygambit")
    from pygambit import qre

    for game in (PENNIES9, TURNING):
        arrays = [np.asarray(game.payoffs[..., i]) for i in range(game.num_players)]
        g = gbt.Game.from_arrays(*arrays)
        for lam in (0.5, 2.0):
            theirs = qre.logit_solve_lambda(g, [lam])[0]
            ours = games.logit_qre(game, lam)
            want = np.array([[float(theirs.profile[s]) for s in p.strategies] for p in g.players], dtype=object)
            for v, w in zip(ours.profile, want):
                assert np.allclose(v, np.asarray(w, dtype=float), atol=1e-6)
        # the branch's limit is pygambit's logit_solve limit
        limit = gbt.nash.logit_solve(g).equilibria[0]
        mine = games.equilibria(game, method="logit")[0]
        for p, v in zip(g.players, mine.profile):
            assert np.allclose(v, [float(limit[s]) for s in p.strategies], atol=1e-5)
    gb = qre.logit_solve_branch(gbt.Game.from_arrays(*[np.asarray(TURNING.payoffs[..., i]) for i in range(2)]))
    lam = np.array([p.lam for p in gb])
    assert np.any(np.diff(lam) < 0)  # pygambit's branch turns back too
    ours = games.logit_branch(TURNING, lam_max=60)
    assert ours.lam[ours.turning_points[0]] == pytest.approx(lam[np.argmax(np.diff(lam) < 0)], rel=0.05)


@pytest.mark.oracle
def test_fit_against_pygambit_logit_estimate():
    gbt = pytest.importorskip("pygambit")
    from pygambit import qre

    rng = np.random.default_rng(7)
    for _ in range(3):
        a, b = rng.integers(-5, 6, size=(2, 3, 3))
        game = NormalFormGame.from_bimatrix(a, b)
        counts = [rng.integers(5, 40, size=3).astype(float), rng.integers(5, 40, size=3).astype(float)]
        g = gbt.Game.from_arrays(a, b)
        fit = qre.logit_estimate(g.mixed_strategy_profile([c.tolist() for c in counts]))
        mine = games.fit_logit_qre(game, counts, lam_max=1e3)
        assert mine.lam == pytest.approx(fit.lam, rel=1e-5, abs=1e-6)
        assert mine.log_likelihood == pytest.approx(fit.log_like, rel=1e-7)


def test_logit_method_always_returns_a_verified_equilibrium():
    rng = np.random.default_rng(11)
    for k in range(24):
        shape = [(2, 2), (3, 3), (2, 2, 2), (3, 3, 2)][k % 4]
        pay = rng.integers(0, 3, size=shape + (len(shape),)) if k % 2 else rng.random(shape + (len(shape),))
        game = NormalFormGame(pay)
        eqs = games.equilibria(game, method="logit")
        assert len(eqs) == 1, eqs.note
        assert game.regret(list(eqs[0].as_float())) <= 1e-9 * game.payoff_scale


@pytest.mark.oracle
def test_logit_limit_is_pygambits_on_generic_games():
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(12)
    for k in range(16):
        shape = [(3, 3), (4, 4), (2, 2, 2), (3, 3, 3)][k % 4]
        pay = rng.random(shape + (len(shape),))
        g = gbt.Game.from_arrays(*[pay[..., i] for i in range(len(shape))])
        limit = gbt.nash.logit_solve(g).equilibria[0]
        theirs = np.array([float(limit[s]) for p in g.players for s in p.strategies])
        ours = games.equilibria(NormalFormGame(pay), method="logit")[0]
        assert np.allclose(np.concatenate(ours.as_float()), theirs, atol=1e-5), (k, shape)
