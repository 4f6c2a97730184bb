"""Invariants of the equilibrium solvers, checked on random games with hypothesis.

- every returned profile has regret <= tol (recomputed here from the payoffs, not taken from the solver);
- the set of extreme equilibria does not change under a positive affine rescaling of one player's
  payoffs, and moves with a permutation of actions;
- vertex enumeration, support enumeration and Lemke-Howson (every label) agree on non-degenerate
  games (continuous random payoffs are non-degenerate with probability one);
- the exact and float paths agree.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import games
from games import NormalFormGame

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def integer_games(draw, max_actions: int = 4, low: int = 0, high: int = 3):
    """Small bimatrix games with few distinct payoffs: ties and degeneracy are common."""
    m = draw(st.integers(1, max_actions))
    n = draw(st.integers(1, max_actions))
    cells = st.lists(st.integers(low, high), min_size=m * n, max_size=m * n)
    A = np.array(draw(cells), dtype=object).reshape(m, n)
    B = np.array(draw(cells), dtype=object).reshape(m, n)
    return NormalFormGame.from_bimatrix(A.tolist(), B.tolist())


@st.composite
def continuous_games(draw, max_actions: int = 4):
    m = draw(st.integers(2, max_actions))
    n = draw(st.integers(2, max_actions))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return NormalFormGame.from_bimatrix(rng.normal(size=(m, n)), rng.normal(size=(m, n)))


def exact_set(eqs) -> set[tuple]:
    return {tuple(tuple(Fraction(p) for p in v) for v in eq.profile) for eq in eqs}


def float_keys(eqs, decimals: int = 6) -> list[tuple]:
    return sorted(tuple(np.concatenate(eq.as_float()).round(decimals) + 0.0) for eq in eqs)


def regret(game: NormalFormGame, profile) -> float:
    """Largest gain from a pure deviation, computed directly from the payoff matrices."""
    A, B = game.bimatrix
    x, y = (np.asarray(v, dtype=float) for v in profile)
    return max(float((A @ y).max() - x @ A @ y), float((x @ B).max() - x @ B @ y))


@SETTINGS
@given(integer_games())
def test_every_profile_has_small_regret(game):
    tol = 1e-9
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for method in ("vertex", "support", "pure"):
            for eq in games.equilibria(game, method=method, tol=tol):
                assert regret(game, eq.profile) <= tol * game.payoff_scale + 1e-12
        for eq in games.equilibria(game, method="lemke-howson", label=None, tol=tol):
            assert regret(game, eq.profile) <= tol * game.payoff_scale + 1e-12
    for eq in games.equilibria(game, exact=True):
        assert game.regret(eq.profile) == 0


@SETTINGS
@given(integer_games(), st.integers(1, 5), st.integers(-7, 7), st.booleans())
def test_positive_affine_rescaling_of_one_player(game, scale, shift, second):
    A, B = (game.exact_payoffs[..., i] for i in range(2))
    factor = Fraction(scale, 3)
    if second:
        B = B * factor + shift
    else:
        A = A * factor + shift
    rescaled = NormalFormGame.from_bimatrix(A.tolist(), B.tolist())
    before = games.equilibria(game, exact=True)
    after = games.equilibria(rescaled, exact=True)
    assert exact_set(before) == exact_set(after)
    assert len(before.components) == len(after.components)
    assert float_keys(games.equilibria(game)) == float_keys(games.equilibria(rescaled))


@SETTINGS
@given(integer_games(), st.randoms(use_true_random=False))
def test_permuting_actions_permutes_equilibria(game, random):
    m, n = game.shape
    rows, cols = list(range(m)), list(range(n))
    random.shuffle(rows)
    random.shuffle(cols)
    permuted = NormalFormGame(game.exact_payoffs[np.ix_(rows, cols, [0, 1])])
    permuted_set = exact_set(games.equilibria(permuted, exact=True))
    back = {(tuple(x[np.argsort(rows)]), tuple(y[np.argsort(cols)]))
            for x, y in (tuple(np.array(v, dtype=object) for v in p) for p in permuted_set)}
    assert back == exact_set(games.equilibria(game, exact=True))


@SETTINGS
@given(continuous_games())
def test_methods_agree_on_non_degenerate_games(game):
    vertex = games.equilibria(game)
    assert vertex.degenerate is False and len(vertex) % 2 == 1  # odd, as for every non-degenerate game
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        support = games.equilibria(game, method="support")
    assert float_keys(support) == float_keys(vertex)
    lemke = games.equilibria(game, method="lemke-howson", label=None)
    assert 1 <= len(lemke) and set(float_keys(lemke)) <= set(float_keys(vertex))
    for label in range(sum(game.shape)):
        one = games.equilibria(game, method="lemke-howson", label=label)
        assert set(float_keys(one)) <= set(float_keys(vertex))


@SETTINGS
@given(integer_games(max_actions=5, low=-3, high=3))
def test_exact_and_float_paths_agree(game):
    exact = games.equilibria(game, exact=True)
    floats = games.equilibria(game)
    assert float_keys(exact) == float_keys(floats)
    assert exact.degenerate == floats.degenerate == game.is_degenerate()
    assert sorted(map(len, exact.components)) == sorted(map(len, floats.components))
    for label in range(sum(game.shape)):
        a = games.equilibria(game, method="lemke-howson", label=label, exact=True)
        b = games.equilibria(game, method="lemke-howson", label=label)
        assert float_keys(a) == float_keys(b)
