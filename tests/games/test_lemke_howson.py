"""The compiled float Lemke–Howson path against the exact rational path (the same lexicographic rule), and
against QuantEcon's ``lemke_howson`` where it is installed. Pivot for pivot, both of ours must follow the same
path: the exact path is the independent reference (rational arithmetic has no rounding to hide a wrong pivot)."""

from __future__ import annotations

import numpy as np
import pytest

import games
from games import NormalFormGame
from games.solvers.lemke_howson import lemke_howson, lemke_howson_path, pivot_limit
from games.solvers.pivoting import lemke_howson_float_path, lemke_howson_verified


def _games():
    rng = np.random.default_rng(20261130)
    for size in [(2, 2), (3, 3), (4, 6), (7, 5), (8, 8)]:
        for _ in range(4):
            yield NormalFormGame.from_bimatrix(rng.integers(-5, 6, size), rng.integers(-5, 6, size))  # degenerate often
    for _ in range(3):
        yield NormalFormGame.from_bimatrix(rng.integers(0, 2, (6, 6)), rng.integers(0, 2, (6, 6)))  # very degenerate


@pytest.mark.parametrize("game", list(_games()), ids=lambda g: "x".join(map(str, g.shape)))
def test_compiled_float_path_follows_the_exact_path_from_every_label(game):
    m, n = game.shape
    for label in range(m + n):
        exact_prof, exact_steps = lemke_howson_path(game, label, exact=True)
        float_prof, float_steps = lemke_howson_path(game, label)
        assert float_steps == exact_steps
        for p, q in zip(float_prof, exact_prof):
            assert np.allclose(p, np.array(q, dtype=float), atol=1e-9)


def test_the_end_of_every_path_is_a_verified_equilibrium_of_a_large_game():
    rng = np.random.default_rng(7)
    game = NormalFormGame.from_bimatrix(rng.random((60, 60)), rng.random((60, 60)))
    found = lemke_howson(game, label=None)
    assert len(found) >= 1 and all(eq.regret <= 1e-9 for eq in found)


def test_matching_pennies_by_hand():
    a, b = np.array([[3.0, 1.0], [1.0, 3.0]]), np.array([[1.0, 3.0], [3.0, 1.0]])   # matching pennies, made positive
    prof, steps = lemke_howson_float_path(a, b, 0, 1e-12, pivot_limit(2, 2))
    assert np.allclose(prof, 0.5)
    assert steps == 4  # x1 enters, y2 enters, x2 enters, y1 enters: label 0 leaves on the fourth pivot


def test_pivot_limit_and_unbounded_ray_are_errors_not_answers():
    a = np.array([[3.0, 1.0], [1.0, 3.0]])
    with pytest.raises(RuntimeError, match="did not reach an equilibrium within 1 pivots"):
        lemke_howson_float_path(a, a.T, 0, 1e-12, 1)
    with pytest.raises(RuntimeError, match="unbounded ray"):
        lemke_howson_float_path(-a, -a.T, 0, 1e-12, 100)


def test_max_pivots_bounds_every_path_and_names_the_label():
    # matching pennies from label 0 takes 4 pivots (by hand, above): 3 is too few, 4 enough, on every path
    pennies = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    for exact in (False, True):
        with pytest.raises(RuntimeError, match="within 3 pivots from label 0: .*max_pivots"):
            games.equilibria(pennies, method="lemke-howson", label=0, max_pivots=3, exact=exact)
        eq = games.equilibria(pennies, method="lemke-howson", label=0, max_pivots=4, exact=exact)[0]
        assert np.allclose(eq.as_float()[0], [0.5, 0.5], atol=1e-12) and eq.regret < 1e-12
    for bad in (0, -1, 2.5, True, "10"):
        with pytest.raises(ValueError, match="max_pivots must be a positive integer or None"):
            games.equilibria(pennies, method="lemke-howson", max_pivots=bad)


def test_same_equilibria_as_quantecon_on_nondegenerate_games():
    qe = pytest.importorskip("quantecon.game_theory")
    rng = np.random.default_rng(3)
    for n in (3, 10, 30):
        A, B = rng.random((n, n)), rng.random((n, n))
        game = NormalFormGame.from_bimatrix(A, B)
        g = qe.NormalFormGame((qe.Player(A), qe.Player(B.T)))
        for label in (0, n, 2 * n - 1):
            ours = lemke_howson(game, label=label)[0].profile
            theirs = qe.lemke_howson(g, init_pivot=label)
            for p, q in zip(ours, theirs):
                assert np.allclose(p, q, atol=1e-8)


def test_compiled_regret_is_the_game_s_regret():
    rng = np.random.default_rng(11)
    for size in [(3, 3), (5, 8), (12, 12)]:
        game = NormalFormGame.from_bimatrix(rng.normal(size=size) * 1e3, rng.integers(-9, 10, size))
        for eq in lemke_howson(game, label=None):
            assert eq.regret == pytest.approx(float(game.regret(list(eq.profile))), abs=1e-9)
            assert np.allclose(eq.payoffs, game.expected_payoffs(list(eq.profile)))


def test_a_candidate_that_fails_verification_is_rejected_not_returned(monkeypatch):
    import games.solvers.lemke_howson as lh
    from games.solvers.pivoting import check_status, lemke_howson_into

    def wrong(payoffs, label, tol, limit, floor, out):
        status = lemke_howson_into(payoffs, label, tol, limit, floor, out)
        out[-2] = 1.0                                     # as if the end of the path were not an equilibrium
        return status
    monkeypatch.setattr(lh, "_compiled_kernel", lambda: (wrong, check_status))
    game = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    found = lemke_howson(game, label=0)
    assert len(found) == 0 and found.rejected == 1 and "failed verification" in found.note


def test_a_long_path_follows_quantecon_s_pivot_for_pivot():
    """A 400x400 path of 142,994 pivots: a tie rule with an absolute tolerance of 1e-9 merged ratios that are not
    ties, left the path and ran past the 32-million-pivot cap; ties are now rounding-level and relative."""
    qe = pytest.importorskip("quantecon.game_theory")
    rng = np.random.default_rng(0)
    rng.random((3, 3)), rng.random((3, 3))
    for n in (10, 50, 100, 200):
        for _ in range(2):
            rng.random((n, n)), rng.random((n, n))
    A, B = rng.random((400, 400)), rng.random((400, 400))
    game = NormalFormGame.from_bimatrix(A, B)
    x, y, _, regret, steps = lemke_howson_verified(
        game.payoffs, 799, 1e-9, pivot_limit(400, 400), 1e-12)
    qx, qy = qe.lemke_howson(qe.NormalFormGame((qe.Player(A), qe.Player(B.T))), init_pivot=799, max_iter=10**6)
    assert steps == 142_994 and regret <= 1e-9 * game.payoff_scale
    assert np.allclose(x, qx, atol=1e-8) and np.allclose(y, qy, atol=1e-8)
