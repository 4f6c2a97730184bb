"""AnonymousGame: closed forms, Bernstein root finding, agreement with the full normal form and pygambit.

Regenerate the committed pygambit fixture (needs pygambit) with

    python tests/games/test_anonymous.py
"""

from __future__ import annotations

import json
from fractions import Fraction
from math import comb
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, stats

import games
from games.anonymous import AnonymousGame, bernstein_roots, compositions

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "anonymous_enumpoly.json"


def volunteer(n: int, b: float, c: float) -> AnonymousGame:
    return AnonymousGame.from_function(n, ["wait", "volunteer"], lambda a, k: b * (a + k[1] >= 1) - c * a)


def power_to_bernstein(power: list[Fraction]) -> list[Fraction]:
    """Exact change of basis: b_j = sum_{i<=j} C(j, i) / C(d, i) a_i (Farouki & Rajan 1988)."""
    d = len(power) - 1
    return [sum(Fraction(comb(j, i), comb(d, i)) * power[i] for i in range(j + 1)) for j in range(d + 1)]


def poly_from_roots(roots: list[Fraction]) -> list[Fraction]:
    """Power-basis coefficients (constant first) of prod (x - r)."""
    coeffs = [Fraction(1)]
    for r in roots:
        coeffs = [(coeffs[i - 1] if i > 0 else 0) - r * (coeffs[i] if i < len(coeffs) else 0)
                  for i in range(len(coeffs) + 1)]
    return coeffs


# ------------------------------------------------------------------------------------------ closed forms
@pytest.mark.parametrize("n", [2, 3, 5, 10, 32, 193, 1000])
@pytest.mark.parametrize("ratio", [0.1, 0.5, 0.9])
def test_volunteers_dilemma_matches_diekmann(n, ratio):
    """Diekmann (1985, J. Conflict Resolution 29:605), the symmetric mixed equilibrium: each volunteers with
    p = 1 - (c/b)^(1/(n-1)). The only pure equilibria have exactly one volunteer."""
    g = volunteer(n, 1.0, ratio)
    eqs = g.equilibria()
    mixed = [e for e in eqs if not e.is_pure]
    assert len(mixed) == 1
    assert abs(mixed[0].strategy[1] - (1 - ratio ** (1 / (n - 1)))) < 1e-9
    assert [e.counts for e in eqs if e.is_pure] == [(n - 1, 1)]
    assert eqs.complete


def test_three_player_threshold_closed_form():
    """Two of three needed, benefit b, cost c: b * 2p(1-p) = c, so p = (1 +- sqrt(1 - 2c/b)) / 2 (by hand)."""
    b, c = 3.0, 1.0
    g = AnonymousGame.from_function(3, 2, lambda a, k: b * (a + k[1] >= 2) - c * a)
    got = sorted(float(e.strategy[1]) for e in g.symmetric_equilibria() if not e.is_pure)
    root = np.sqrt(1 - 2 * c / b)
    assert np.allclose(got, [(1 - root) / 2, (1 + root) / 2], atol=1e-12)
    assert sorted(e.counts for e in g.pure_equilibria()) == [(1, 2), (3, 0)]


def test_expected_payoff_by_hand():
    """n = 3, payoff c[1] - 2a: with the others at (1/2, 1/2), E[c1] = 1, so the values are 1 and -1."""
    g = AnonymousGame.from_function(3, 2, lambda a, k: k[1] - 2 * a)
    assert np.allclose(g.action_values([0.5, 0.5]), [1.0, -1.0], atol=1e-14)
    assert abs(g.expected_payoff([0.5, 0.5])) < 1e-14
    assert g.regret([0.0, 1.0]) == 2.0


# ------------------------------------------------------------------------------------------ root finding
@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(2, 98), min_size=1, max_size=7, unique=True).filter(
    lambda r: min(np.diff(sorted(r)), default=10) >= 2), st.integers(0, 20))
def test_bernstein_roots_finds_every_known_root(percent_roots, extra_degree):
    """Polynomials built from known roots (exact change of basis, then degree elevation) give those roots."""
    roots = [Fraction(r, 100) for r in percent_roots]
    b = [float(v) for v in power_to_bernstein(poly_from_roots(roots))]
    for _ in range(extra_degree):         # degree elevation keeps the polynomial (Farin, eq. 6.6)
        d = len(b) - 1
        b = [b[0]] + [j / (d + 1) * b[j - 1] + (1 - j / (d + 1)) * b[j] for j in range(1, d + 1)] + [b[-1]]
    got, flat = bernstein_roots(b)
    assert flat == []
    assert np.allclose(got, sorted(float(r) for r in roots), atol=1e-7)


def test_bernstein_double_root():
    """(x - 3/10)^2 (x - 7/10): the touching root and the simple one are both found."""
    b = [float(v) for v in power_to_bernstein(poly_from_roots([Fraction(3, 10)] * 2 + [Fraction(7, 10)]))]
    got, _ = bernstein_roots(b)
    assert len(got) == 2
    assert abs(got[0] - 0.3) < 1e-5 and abs(got[1] - 0.7) < 1e-12


def test_bernstein_identically_zero_is_reported():
    assert bernstein_roots([0.0, 0.0, 0.0])[1] == [(0.0, 1.0)]


def test_numerically_flat_stretch_is_not_reported_as_roots():
    """Degree 199 with d_j = e_j / C(199, j) for j < 3 and 0 beyond, e = coefficients of (t - .01)(t - .03):
    P(x) = (1 - x)^199 (t - .01)(t - .03) with t = x / (1 - x) (by hand), so the roots are
    x = t / (1 + t) for t = .01, .03, and P is below 1e-12 * max|d| for x > 0.3: flat, not roots."""
    n = 200
    d = np.zeros(n)
    d[:3] = [0.0003 / comb(n - 1, 0), -0.04 / comb(n - 1, 1), 1.0 / comb(n - 1, 2)]
    roots, flat = bernstein_roots(d)
    assert np.allclose(roots, [0.01 / 1.01, 0.03 / 1.03], atol=1e-10)
    assert flat and flat[-1][1] == 1.0 and flat[0][0] > 0.03


def test_thousand_players_three_roots_against_grid_search():
    """n = 1000: the gain d_j = g(j/999), g(t) = (t - .2)(t - .5)(t - .8). An independent dense grid of
    the expected gain (binomial sums) with Brent's method must find the same roots as the subdivision."""
    n = 1000
    t = np.arange(n) / (n - 1)
    d = (t - 0.2) * (t - 0.5) * (t - 0.8)
    g = AnonymousGame.from_table(np.vstack([np.zeros(n), d]))
    ours = sorted(float(e.strategy[1]) for e in g.symmetric_equilibria() if not e.is_pure)

    def gain(p):
        return float(stats.binom.pmf(np.arange(n), n - 1, p) @ d)

    grid = np.linspace(1e-6, 1 - 1e-6, 2001)
    vals = np.array([gain(p) for p in grid])
    idx = np.flatnonzero(np.sign(vals[:-1]) != np.sign(vals[1:]))
    reference = [optimize.brentq(gain, grid[i], grid[i + 1], xtol=1e-14) for i in idx]
    assert len(ours) == len(reference) == 3
    assert np.allclose(ours, reference, atol=1e-10)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 6), st.integers(0, 10_000))
def test_small_games_match_power_basis_roots(n, seed):
    """For small n the power basis is fine: numpy's companion-matrix roots of the expanded gain polynomial
    give the same symmetric mixed equilibria."""
    rng = np.random.default_rng(seed)
    table = rng.integers(-5, 6, size=(2, n)).astype(float)
    g = AnonymousGame.from_table(table)
    d = table[1] - table[0]
    if np.all(d == 0):
        return
    poly = np.polynomial.Polynomial([0.0])
    x = np.polynomial.Polynomial([0, 1])
    for j in range(n):
        poly = poly + d[j] * comb(n - 1, j) * x ** j * (1 - x) ** (n - 1 - j)
    ref = sorted(r.real for r in poly.roots() if abs(r.imag) < 1e-7 and 1e-7 < r.real < 1 - 1e-7)
    ours = sorted(float(e.strategy[1]) for e in g.symmetric_equilibria() if not e.is_pure)
    ref_unique = [r for i, r in enumerate(ref) if i == 0 or r - ref[i - 1] > 1e-5]
    # a double root may be reported once (touching) or missed by the power basis within noise
    assert len(ours) >= len([r for r in ref_unique]) - sum(np.diff(ref) < 1e-5) if ref else True
    for r in ref_unique:
        assert min((abs(r - o) for o in ours), default=1) < 1e-5


# ------------------------------------------------------------------------------------------ vs normal form
def _random_game(n: int, k: int, seed: int) -> AnonymousGame:
    rng = np.random.default_rng(seed)
    return AnonymousGame(n, rng.integers(-4, 5, size=(k, comb(n + k - 2, k - 1))))


@pytest.mark.parametrize("n,k,seed", [(2, 2, 0), (3, 2, 1), (4, 2, 2), (5, 2, 3), (3, 3, 4), (4, 3, 5), (2, 4, 6)])
def test_agrees_with_normal_form(n, k, seed):
    """The anonymous representation and the full k**n table give the same expected payoffs under random
    per-player mixed profiles, the same pure equilibria (as counts), and our symmetric equilibria have
    zero regret in the normal form."""
    g = _random_game(n, k, seed)
    nf = g.to_normal_form()
    rng = np.random.default_rng(seed + 100)
    for _ in range(3):
        prof = rng.dirichlet(np.ones(k), size=n)
        assert np.allclose(g.expected_payoffs(prof), nf.expected_payoffs(list(prof)), atol=1e-12)
    ours = sorted(e.counts for e in g.pure_equilibria())
    theirs = sorted({tuple(int(sum(s == (a,) for s in e.supports)) for a in range(k))
                     for e in games.equilibria(nf, method="pure")})
    assert ours == theirs
    for e in g.symmetric_equilibria():
        assert nf.regret(e.to_profile()) <= 1e-9
    for e in g.pure_equilibria():
        assert nf.is_nash(e.to_profile())


def test_to_normal_form_by_hand_and_refusal():
    g = volunteer(3, 4.0, 1.0)
    nf = g.to_normal_form()
    assert nf.payoffs[1, 0, 0].tolist() == [3.0, 4.0, 4.0]
    assert nf.payoffs[0, 0, 0].tolist() == [0.0, 0.0, 0.0]
    with pytest.raises(ValueError, match="counts instead of profiles"):
        volunteer(40, 4.0, 1.0).to_normal_form()


# ------------------------------------------------------------------------------------------ pygambit
def _fixture_games() -> list[tuple[str, AnonymousGame]]:
    return [
        ("threshold-3-of-2", AnonymousGame.from_function(3, 2, lambda a, k: 3 * int(a + k[1] >= 2) - a)),
        ("volunteer-4", AnonymousGame.from_function(4, 2, lambda a, k: 4 * int(a + k[1] >= 1) - a)),
        ("random-4x2", _random_game(4, 2, 11)),
        ("random-3x3", _random_game(3, 3, 12)),
    ]


def _gambit_equilibria(g: AnonymousGame) -> list[list[list[float]]]:
    import pygambit as gbt

    arr = g.to_normal_form().payoffs.astype(int)
    game = gbt.Game.from_arrays(*[arr[..., i] for i in range(g.num_players)])
    result = gbt.nash.enumpoly_solve(game)
    return [[[float(eq[s]) for s in p.strategies] for p in game.players] for eq in result.equilibria]


def _compare_with_gambit(g: AnonymousGame, gambit: list[list[list[float]]]) -> None:
    gambit = [np.asarray(p) for p in gambit]
    pure = [p for p in gambit if np.all(np.isclose(p, 0) | np.isclose(p, 1))]
    pure_counts = sorted({tuple(int(v) for v in np.rint(p).sum(axis=0)) for p in pure})
    assert sorted(e.counts for e in g.pure_equilibria()) == pure_counts
    sym = [p[0] for p in gambit if np.allclose(p, p[0], atol=1e-7) and not any(
        np.allclose(p, q) for q in pure)]
    ours = [e.strategy for e in g.symmetric_equilibria() if not e.is_pure]
    assert len(ours) == len(sym)
    for s in sym:
        assert any(np.allclose(s, o, atol=1e-6) for o in ours)


@pytest.mark.parametrize("name", [name for name, _ in _fixture_games()])
def test_against_committed_gambit_fixture(name):
    """pygambit 16.7 enumpoly_solve on the full table (stored in tests/fixtures/anonymous_enumpoly.json)."""
    data = json.loads(FIXTURE.read_text())
    game = dict(_fixture_games())[name]
    assert np.array_equal(np.asarray(data["games"][name]["table"]), game.table)
    _compare_with_gambit(game, data["games"][name]["equilibria"])


@pytest.mark.parametrize("name", [name for name, _ in _fixture_games()])
def test_against_live_gambit(name):
    pytest.importorskip("pygambit")
    _compare_with_gambit(dict(_fixture_games())[name], _gambit_equilibria(dict(_fixture_games())[name]))


# ------------------------------------------------------------------------------------------ bad input
def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="n must be an integer >= 2"):
        AnonymousGame(1, [[0.0], [1.0]])
    with pytest.raises(ValueError, match="table must have shape"):
        AnonymousGame(3, np.zeros((2, 4)))
    with pytest.raises(ValueError, match="strategy must be a probability vector"):
        volunteer(3, 2.0, 1.0).action_values([0.7, 0.7])
    with pytest.raises(ValueError, match="counts must be 2 non-negative integers summing to n = 3"):
        volunteer(3, 2.0, 1.0).count_regret((1, 1))
    with pytest.raises(TypeError, match="func must be callable"):
        AnonymousGame.from_function(3, 2, 5)


def test_compositions_order_and_count():
    c = compositions(4, 3)
    assert len(c) == comb(6, 2) and np.all(c.sum(axis=1) == 4)
    keys = c @ (5 ** np.arange(3))
    assert np.all(np.diff(keys) > 0)


def test_three_action_symmetric_equilibrium_rock_paper_scissors():
    """A 2-player rock-paper-scissors as an anonymous game: (1/3, 1/3, 1/3) is the only equilibrium."""
    rps = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], dtype=float)   # row: own action, column: other's
    g = AnonymousGame(2, rps[:, [0, 1, 2]])
    eqs = g.symmetric_equilibria()
    assert [np.round(e.strategy, 9).tolist() for e in eqs] == [[1 / 3, 1 / 3, 1 / 3]] or \
        any(np.allclose(e.strategy, 1 / 3) for e in eqs)
    assert not g.pure_equilibria()


if __name__ == "__main__":
    out = {"source": "pygambit 16.7.0 nash.enumpoly_solve on AnonymousGame.to_normal_form()", "games": {}}
    for name, game in _fixture_games():
        out["games"][name] = {"table": game.table.tolist(), "equilibria": _gambit_equilibria(game)}
    FIXTURE.write_text(json.dumps(out, indent=1))
    print(f"wrote {FIXTURE}")


def test_expensive_symmetric_search_is_refused_at_once():
    import time

    import games
    from games.anonymous import AnonymousGame

    # 60 players, 5 actions: 16 supports of 3+ actions, C(63, 4) = 595,665 count profiles of the others
    g = AnonymousGame.from_table(np.zeros((5, 595_665)), n=60)
    t0 = time.perf_counter()
    with pytest.raises(ValueError, match=r"pure_equilibria\(\)"):
        games.equilibria(g)
    assert time.perf_counter() - t0 < 5
    with pytest.raises(ValueError, match="fewer actions"):
        g.symmetric_equilibria()
    assert g.newton_work() > 1e10


def test_cheap_symmetric_search_still_runs():
    from games.anonymous import AnonymousGame

    g = AnonymousGame.from_function(3, 2, lambda a, c: 3.0 * (a + c[1] >= 2) - a)
    assert g.newton_work() == 0.0
    # the two mixed roots of 3 * P(at least one of two others contributes) = 1 ... p = (3 +- sqrt 3) / 6
    roots = sorted(round(float(e.strategy[1]), 9) for e in g.symmetric_equilibria() if not e.is_pure)
    assert roots == [round((3 - 3 ** 0.5) / 6, 9), round((3 + 3 ** 0.5) / 6, 9)]


# -------------------- many players
def volunteer_game(n: int, benefit: float = 4.0, cost: float = 1.0) -> AnonymousGame:
    return AnonymousGame.from_function(n, ["wait", "volunteer"], lambda a, c: benefit * (a + c[1] >= 1) - cost * a)


# ----------------------------------------------------------------------------------------- AnonymousGame
def test_tol_zero_cannot_silently_drop_the_mixed_equilibrium():
    # Diekmann (1985): the symmetric mixed equilibrium of the volunteer's dilemma volunteers with
    # probability 1 - (c / b) ** (1 / (n - 1)). A float root cannot have regret exactly 0, so with tol=0 it
    # is rejected: the set must then not claim to be complete (before the fix: complete=True, 1 equilibrium).
    eqs = volunteer_game(5).equilibria(tol=0)
    assert eqs.rejected >= 1 and eqs.complete is False and "failed verification" in eqs.note
    loose = volunteer_game(5).equilibria()
    mixed = [e for e in loose if not e.is_pure]
    assert loose.complete and len(mixed) == 1
    assert abs(mixed[0].strategy[1] - (1 - 0.25 ** 0.25)) < 1e-10


@pytest.mark.parametrize("n", [2, 5000])
def test_volunteers_dilemma_at_the_extremes(n):
    # n = 2: pure equilibria (1 volunteer) and the mix 1 - 1/4 = 3/4; n = 5000: the same closed form.
    g = AnonymousGame.from_function(n, 2, lambda a, c: 4.0 * (a + c[:, 1] >= 1) - a, vectorized=True)
    eqs = g.equilibria()
    assert [e.counts for e in eqs if e.is_pure] == [(n - 1, 1)]
    mixed = [e for e in eqs if not e.is_pure]
    assert len(mixed) == 1 and abs(mixed[0].strategy[1] - (1 - 0.25 ** (1 / (n - 1)))) < 1e-9


def test_all_payoffs_equal_is_reported_as_a_continuum():
    # Every profile is an equilibrium: all n + 1 count profiles, and every mix (flagged, not listed).
    eqs = AnonymousGame.from_function(6, 2, lambda a, c: 1.0).equilibria()
    assert [e.counts for e in eqs] == [(6 - j, j) for j in range(7)]
    assert eqs.degenerate is True and eqs.complete is False and "continuum" in eqs.note


def test_one_action():
    eqs = AnonymousGame.from_function(4, 1, lambda a, c: 2.0).equilibria()
    assert [e.counts for e in eqs] == [(4,)] and eqs.complete


@pytest.mark.parametrize("func, error, message", [
    (lambda a, c: np.array(["x"] * len(c)), TypeError, r"func \(vectorized\) must return numbers"),
    (lambda a, c: c[:, 1] > 0, TypeError, r"func \(vectorized\) must return numbers"),
])
def test_vectorized_payoffs_of_the_wrong_type(func, error, message):
    with pytest.raises(error, match=message):
        AnonymousGame.from_function(3, 2, func, vectorized=True)


def test_a_failing_payoff_function_names_the_point():
    with pytest.raises(ZeroDivisionError) as info:
        AnonymousGame.from_function(3, 2, lambda a, c: 1 / (c[1] - 1))
    assert any("action 0" in note and "(1, 1)" in note for note in info.value.__notes__)
