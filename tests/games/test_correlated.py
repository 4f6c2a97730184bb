"""Correlated and coarse correlated equilibria (games.correlated).

Values are derived by hand in the comments (each LP is small enough to solve on paper), checked against
Nash equilibria from games.equilibria (every Nash equilibrium is a correlated equilibrium), against a
brute-force check of the constraints written with plain loops, and, for the vertices, against lrs
(lrslib's vertex enumeration) when it is installed.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from games.catalog import chicken, matching_pennies, prisoners_dilemma, rock_paper_scissors, stag_hunt
from games.correlated import (
    correlated_equilibrium,
    correlated_equilibrium_vertices,
    correlated_regret,
    incentive_constraints,
    is_correlated_equilibrium,
)


def aumann_chicken() -> games.NormalFormGame:
    return games.NormalFormGame.from_bimatrix([[6, 2], [7, 0]], [[6, 7], [2, 0]], actions=[["C", "D"]] * 2)


def brute_force_gain(game: games.NormalFormGame, dist: np.ndarray, coarse: bool = False):
    """The largest gain from disobeying, by plain loops over players, actions and profiles (exact for Fractions)."""
    exact = dist.dtype == object
    u = game.exact_payoffs if exact else game.payoffs
    worst = -np.inf
    profiles = list(itertools.product(*(range(n) for n in game.shape)))
    for i, n in enumerate(game.shape):
        for b in range(n):
            if coarse:
                gain = sum(dist[p] * (u[p[:i] + (b,) + p[i + 1:]][i] - u[p][i]) for p in profiles)
                worst = max(worst, gain)
                continue
            for a in range(n):
                if a == b:
                    continue
                gain = sum(dist[p] * (u[p[:i] + (b,) + p[i + 1:]][i] - u[p][i]) for p in profiles if p[i] == a)
                worst = max(worst, gain)
    return max(0, worst) if exact else max(0.0, float(worst))


def product(profile) -> np.ndarray:
    out = np.array(1, dtype=object)
    for v in profile:
        out = np.multiply.outer(out, np.asarray(v, dtype=object))
    return out


def random_game(rng, shape):
    return games.NormalFormGame(rng.integers(-5, 6, size=tuple(shape) + (len(shape),)))


# ------------------------------------------------------------------------------------------- hand values
def test_aumann_chicken_by_hand():
    # Told C, a player faces C w.p. a/(a+b) and D w.p. b/(a+b): obeying pays 6a + 2b, going D pays 7a, so
    # 2b >= a (and 2c >= a for the other); told D: 7c >= 6c + 2d, c >= 2d (and b >= 2d). Welfare 12a + 9b + 9c
    # is largest with d = 0 and a = 2b = 2c: (1/2, 1/4, 1/4, 0), 21/4 each.
    ce = correlated_equilibrium(aumann_chicken(), "welfare", exact=True)
    assert ce.distribution.tolist() == [[F(1, 2), F(1, 4)], [F(1, 4), F(0)]]
    assert ce.payoffs.tolist() == [F(21, 4), F(21, 4)]
    assert ce.objective_value == F(21, 2) and ce.welfare == F(21, 2)
    assert ce.max_violation == 0 and ce.optimality == "certified" and ce.exact and not ce.coarse
    flt = correlated_equilibrium(aumann_chicken())
    assert np.allclose(flt.distribution, [[0.5, 0.25], [0.25, 0]]) and np.allclose(flt.payoffs, 5.25)
    assert flt.max_violation <= 1e-9 and flt.optimality == "float"


def test_catalog_chicken_by_hand():
    # T, R, S, P = 4, 3, 1, 0: told Swerve, obeying pays 3a + 1b and Straight 4a, so b >= a (c >= a);
    # told Straight, 4c >= 3c + 1d, c >= d (b >= d). Welfare 6a + 5b + 5c: a = b = c = 1/3, 8/3 each.
    g = chicken()
    ce = correlated_equilibrium(g, exact=True)
    assert ce.payoffs.tolist() == [F(8, 3), F(8, 3)]
    assert [p for p, _ in ce.support()] == [("Swerve", "Swerve"), ("Swerve", "Straight"), ("Straight", "Swerve")]
    assert [m.tolist() for m in ce.marginals()] == [[F(2, 3), F(1, 3)]] * 2
    # the best for Row alone is its pure equilibrium (Straight, Swerve): 4 and 1
    best_row = correlated_equilibrium(g, ("player", 0), exact=True)
    assert best_row.payoffs.tolist() == [4, 1] and best_row.objective == "player Row"
    assert correlated_equilibrium(g, "Column", exact=True).payoffs.tolist() == [1, 4]
    # weights (1, 3): maximise a-weighted sum 3a + 1b + 4c + 3(3a + 4b + 1c) = 12a + 13b + 7c; with b >= a,
    # c >= a, c >= d, b >= d: (0, 1, 0, 0) gives 13 against 32/3 at a = b = c = 1/3
    assert correlated_equilibrium(g, [1, 3], exact=True).objective_value == 13


def test_prisoners_dilemma_has_one_correlated_equilibrium():
    # C is strictly dominated, so a player told C always gains by defecting: mutual defection only
    pd = prisoners_dilemma()
    for objective in ("welfare", "feasible", ("player", 1)):
        ce = correlated_equilibrium(pd, objective, exact=True)
        assert ce.support() == [(("D", "D"), 1)]
    vertices = correlated_equilibrium_vertices(pd)
    assert [v.support() for v in vertices] == [[(("D", "D"), 1)]]


def test_stag_hunt_best_is_the_payoff_dominant_equilibrium():
    # R = 4 is everyone's best payoff, reached at the pure equilibrium (Stag, Stag): nothing beats it
    ce = correlated_equilibrium(stag_hunt(), exact=True)
    assert ce.support() == [(("Stag", "Stag"), 1)] and ce.payoffs.tolist() == [4, 4]


def test_matching_pennies_only_the_uniform_distribution():
    # zero-sum with a unique mixed equilibrium: the only correlated equilibrium is its product (1/4 each)
    vs = correlated_equilibrium_vertices(matching_pennies())
    assert len(vs) == 1 and vs[0].distribution.tolist() == [[F(1, 4)] * 2] * 2


def test_three_player_coordination_by_hand():
    # everyone gets 1 when all three choose the same action, else 0: welfare 3 on the diagonal only
    u = np.zeros((2, 2, 2, 3), dtype=int)
    u[0, 0, 0] = u[1, 1, 1] = 1
    g = games.NormalFormGame(u)
    ce = correlated_equilibrium(g, exact=True)
    assert ce.objective_value == 3 and ce.payoffs.tolist() == [1, 1, 1]
    assert {prof for prof, _ in ce.support()} <= {("a1", "b1", "c1"), ("a2", "b2", "c2")}
    # a public coin between the two coordinated profiles is a correlated equilibrium; a private one is not
    coin = {("a1", "b1", "c1"): F(1, 2), ("a2", "b2", "c2"): F(1, 2)}
    assert is_correlated_equilibrium(g, coin)
    independent = product([[F(1, 2), F(1, 2)]] * 3)
    assert correlated_regret(g, independent) == 0  # the mixed Nash equilibrium: 1/4 each
    # the others both play their second action; player 0 is told a1 or a2 w.p. 1/2: told a1, switching to
    # a2 gains 1/2 x (1 - 0) = 1/2
    bad = {("a1", "b2", "c2"): F(1, 2), ("a2", "b2", "c2"): F(1, 2)}
    assert correlated_regret(g, bad) == F(1, 2)


def test_coarse_contains_correlated_rock_paper_scissors():
    # the three ties with probability 1/3 each: committing to one action meets a uniform opponent, gain 0
    # (a coarse equilibrium); told Rock (the other plays Rock), Paper wins 1: gain 1/3 (not a CE)
    g = rock_paper_scissors()
    ties = np.array([[F(int(i == j), 3) for j in range(3)] for i in range(3)], dtype=object)
    assert correlated_regret(g, ties, coarse=True) == 0
    assert correlated_regret(g, ties) == F(1, 3)
    assert is_correlated_equilibrium(g, ties, coarse=True) and not is_correlated_equilibrium(g, ties)


# ------------------------------------------------------------------------------------------- properties
@pytest.mark.parametrize("seed", range(8))
def test_every_nash_equilibrium_is_a_correlated_equilibrium(seed):
    rng = np.random.default_rng(seed)
    g = random_game(rng, [(2, 2), (3, 3), (3, 4), (4, 4)][seed % 4])
    for eq in games.equilibria(g, exact=True):
        dist = product(eq.profile)
        assert correlated_regret(g, dist) == 0 and correlated_regret(g, dist, coarse=True) == 0
        assert brute_force_gain(g, dist) == 0
    # and the best correlated equilibrium is at least as good as every Nash equilibrium
    best = correlated_equilibrium(g, exact=True)
    assert all(best.welfare >= sum(eq.payoffs) for eq in games.equilibria(g, exact=True))


def test_three_player_pure_equilibria_are_correlated_and_float_agrees_with_exact():
    rng = np.random.default_rng(5)
    g = random_game(rng, (3, 2, 3))
    for eq in games.equilibria(g, method="pure", exact=True):
        assert correlated_regret(g, product(eq.profile)) == 0
    for objective in ("welfare", ("player", 2), [1, 0, 2], "feasible"):
        ex = correlated_equilibrium(g, objective, exact=True)
        fl = correlated_equilibrium(g, objective)
        assert ex.optimality == "certified"
        assert abs(float(ex.objective_value) - fl.objective_value) <= 1e-9 * g.payoff_scale
        assert brute_force_gain(g, fl.distribution) <= 1e-9 * g.payoff_scale
        assert brute_force_gain(g, ex.distribution) == 0
        assert fl.distribution.shape == g.shape and abs(fl.distribution.sum() - 1) < 1e-12


@pytest.mark.parametrize("seed", range(6))
def test_coarse_set_contains_the_correlated_set(seed):
    rng = np.random.default_rng(100 + seed)
    g = random_game(rng, [(3, 3), (2, 2, 2), (4, 3)][seed % 3])
    for objective in ("welfare", ("player", 0), ("player", 1)):
        ce = correlated_equilibrium(g, objective, exact=True)
        cce = correlated_equilibrium(g, objective, exact=True, coarse=True)
        assert cce.objective_value >= ce.objective_value
        assert correlated_regret(g, ce.distribution, coarse=True) == 0  # a CE is a coarse CE
        assert brute_force_gain(g, cce.distribution, coarse=True) == 0


def test_constraint_matrix_matches_brute_force_gains():
    rng = np.random.default_rng(7)
    g = random_game(rng, (2, 3, 2))
    x = rng.dirichlet(np.ones(g.num_profiles))
    for coarse in (False, True):
        A, labels = incentive_constraints(g, coarse=coarse)
        assert A.shape == (len(labels), g.num_profiles)
        assert len(labels) == (sum(g.shape) if coarse else sum(n * (n - 1) for n in g.shape))
        assert np.isclose(max(0.0, (A @ x).max()), brute_force_gain(g, x.reshape(g.shape), coarse))
        assert np.isclose(correlated_regret(g, x.reshape(g.shape), coarse=coarse),
                          brute_force_gain(g, x.reshape(g.shape), coarse))


# ------------------------------------------------------------------------------------------- vertices
def test_aumann_chicken_vertices_by_hand():
    # The polytope {2b >= a, 2c >= a, c >= 2d, b >= 2d, x >= 0, sum 1} has five vertices: the two pure
    # equilibria, the mixed one (4/9, 2/9, 2/9, 1/9), the welfare optimum (1/2, 1/4, 1/4, 0) and
    # (0, 2/5, 2/5, 1/5) (a = 0, b = 2d, c = 2d).
    vs = correlated_equilibrium_vertices(aumann_chicken())
    got = {tuple(v.distribution.ravel()) for v in vs}
    assert got == {(0, 1, 0, 0), (0, 0, 1, 0), (F(4, 9), F(2, 9), F(2, 9), F(1, 9)), (F(1, 2), F(1, 4), F(1, 4), 0),
                   (0, F(2, 5), F(2, 5), F(1, 5))}
    assert vs[0].payoffs.tolist() == [F(21, 4)] * 2 and all(v.max_violation == 0 for v in vs)
    assert all(v.optimality == "vertex" and v.objective_value is None for v in vs)


def _lrs_vertices(g: games.NormalFormGame) -> set[tuple]:
    A, _ = incentive_constraints(g)
    P = A.shape[1]
    rows = [[0] + [-int(round(v)) for v in r] for r in A.toarray()]
    rows += [[0] + [int(j == k) for j in range(P)] for k in range(P)] + [[-1] + [1] * P]
    text = f"ce\nH-representation\nlinearity 1 {len(rows)}\nbegin\n{len(rows)} {P + 1} rational\n"
    text += "\n".join(" ".join(map(str, r)) for r in rows) + "\nend\n"
    out = subprocess.run(["lrs"], input=text, capture_output=True, text=True, timeout=120).stdout
    found, inside = set(), False
    for line in out.splitlines():
        words = line.split()
        if words[:1] == ["begin"]:
            inside = True
        elif words[:1] == ["end"]:
            inside = False
        elif inside and words[:1] == ["1"]:
            found.add(tuple(F(w) for w in words[1:]))
    return found


@pytest.mark.skipif(shutil.which("lrs") is None, reason="lrs (lrslib) is not installed")
@pytest.mark.parametrize("shape", [(2, 2), (2, 3), (3, 3)])
def test_vertices_agree_with_lrs(shape):
    rng = np.random.default_rng(sum(shape))
    for _ in range(3):
        g = random_game(rng, shape)
        ours = {tuple(v.distribution.ravel()) for v in correlated_equilibrium_vertices(g)}
        assert ours == _lrs_vertices(g)
    assert {tuple(v.distribution.ravel()) for v in correlated_equilibrium_vertices(aumann_chicken())} == \
        _lrs_vertices(aumann_chicken())


def test_the_optimum_is_a_vertex():
    rng = np.random.default_rng(3)
    g = random_game(rng, (3, 3))
    vs = correlated_equilibrium_vertices(g)
    assert max(v.welfare for v in vs) == correlated_equilibrium(g, exact=True).welfare


# ------------------------------------------------------------------------------------------- display
def test_repr_and_str():
    ce = correlated_equilibrium(aumann_chicken(), exact=True)
    assert repr(ce) == ("<CorrelatedEquilibrium (welfare): 3 recommended profiles, payoffs (21/4, 21/4), "
                        "max_violation 0>")
    text = str(ce)
    assert "maximising total welfare" in text and "1/2" in text and "21/4" in text
    coarse = correlated_equilibrium(aumann_chicken(), "feasible", coarse=True)
    assert repr(coarse).startswith("<CoarseCorrelatedEquilibrium (feasible)")


def test_games_namespace():
    assert games.correlated_equilibrium is correlated_equilibrium
    assert games.CorrelatedEquilibrium is games.correlated.CorrelatedEquilibrium


# ------------------------------------------------------------------------------------------- bad input
def test_bad_objectives_and_arguments():
    g = chicken()
    with pytest.raises(ValueError, match="objective must be one of 'welfare', 'feasible', 'Row', 'Column'"):
        correlated_equilibrium(g, "utilitarian")
    with pytest.raises(ValueError, match="one weight per player \\(2\\); got 3"):
        correlated_equilibrium(g, [1, 1, 1])
    with pytest.raises(ValueError, match="player index in 0..1"):
        correlated_equilibrium(g, ("player", 2))
    with pytest.raises(TypeError, match="objective must be"):
        correlated_equilibrium(g, 3)
    with pytest.raises(ValueError, match="finite"):
        correlated_equilibrium(g, [1, float("nan")])
    with pytest.raises(TypeError, match="exact must be True or False"):
        correlated_equilibrium(g, exact="yes")
    with pytest.raises(ValueError, match="tol must be a number in"):
        correlated_equilibrium(g, tol=-1)
    with pytest.raises(TypeError, match="game must be a NormalFormGame"):
        correlated_equilibrium([[1, 0], [0, 1]])


def test_bad_distributions():
    g = chicken()
    with pytest.raises(ValueError, match="shape of the profile space \\(2, 2\\)"):
        correlated_regret(g, [0.5, 0.5])
    with pytest.raises(ValueError, match="must sum to 1"):
        correlated_regret(g, [[0.5, 0.5], [0.5, 0]])
    with pytest.raises(ValueError, match="non-negative"):
        correlated_regret(g, [[F(3, 2), 0], [F(-1, 2), 0]])
    with pytest.raises(ValueError, match="no action 'Dare'"):
        correlated_regret(g, {("Dare", "Swerve"): 1})


def test_too_large_games_are_refused(monkeypatch):
    big = games.NormalFormGame(np.zeros((50, 50, 2)))
    with pytest.raises(ValueError, match="use exact=False"):
        correlated_equilibrium(big, exact=True)
    monkeypatch.setattr(games.correlated, "MAX_LP_PROFILES", 100)
    with pytest.raises(ValueError, match="MAX_LP_PROFILES = 100"):
        correlated_equilibrium(random_game(np.random.default_rng(0), (11, 11)))
    with pytest.raises(ValueError, match="lrs"):
        correlated_equilibrium_vertices(random_game(np.random.default_rng(0), (3, 4)))


def test_degenerate_shapes():
    # one player: the correlated equilibria are the distributions over its best actions (a2 and a3 pay 5)
    solo = games.NormalFormGame(np.array([[3], [5], [5]]))
    assert correlated_equilibrium(solo, exact=True).payoffs.tolist() == [5]
    assert sorted(v.support()[0][0] for v in correlated_equilibrium_vertices(solo)) == [("a2",), ("a3",)]
    # a single profile: no incentive constraint at all
    single = games.NormalFormGame(np.array([[[2, 1]]]))
    assert correlated_equilibrium(single, exact=True).distribution.tolist() == [[1]]
    assert len(correlated_equilibrium_vertices(single)) == 1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(-4, 4), min_size=8, max_size=8), st.sampled_from(["welfare", ("player", 1), "feasible"]))
def test_exact_and_float_agree_on_any_2x2(values, objective):
    g = games.NormalFormGame(np.array(values).reshape(2, 2, 2))
    ex = correlated_equilibrium(g, objective, exact=True)
    fl = correlated_equilibrium(g, objective)
    assert ex.optimality == "certified" and brute_force_gain(g, ex.distribution) == 0
    assert abs(float(ex.objective_value) - fl.objective_value) <= 1e-9 * g.payoff_scale
    nash_best = max(sum(eq.payoffs) for eq in games.equilibria(g, exact=True))
    if objective == "welfare":
        assert ex.objective_value >= nash_best
