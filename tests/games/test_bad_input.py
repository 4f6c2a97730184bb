"""Bad input raises ValueError/TypeError whose message names the argument and what was expected."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

import games
from games import NormalFormGame

GOOD = [[1, 0], [0, 1]]


@pytest.mark.parametrize(
    "build, error, message",
    [
        (lambda: NormalFormGame.from_bimatrix([[1, 2], [3]], GOOD), ValueError, "A must be a rectangular array"),
        (lambda: NormalFormGame.from_bimatrix(GOOD, [[1], [3, 4]]), ValueError, "B must be a rectangular array"),
        (lambda: NormalFormGame([[[1, 2], [3, 4]], [[1, 2]]]), ValueError, "payoffs must be a rectangular array"),
        (lambda: NormalFormGame.from_bimatrix([[1, np.nan], [0, 1]], GOOD), ValueError,
         r"A must contain finite numbers; found nan at index \(0, 1\)"),
        (lambda: NormalFormGame.from_bimatrix(GOOD, [[1, 0], [-np.inf, 1]]), ValueError,
         r"B must contain finite numbers; found -inf at index \(1, 0\)"),
        (lambda: NormalFormGame(np.full((2, 2, 2), np.inf)), ValueError, "payoffs must contain finite numbers"),
        (lambda: NormalFormGame.from_bimatrix([["a", 1], [0, 1]], GOOD), TypeError,
         "A must contain real numbers only; found str 'a'"),
        (lambda: NormalFormGame.from_bimatrix(GOOD, [[None, 1], [0, 1]]), TypeError,
         "B must contain real numbers only; found NoneType"),
        (lambda: NormalFormGame.from_bimatrix([[1j, 0], [0, 1]], GOOD), TypeError, "A must contain real numbers"),
        (lambda: NormalFormGame.from_bimatrix([[True, 0], [0, 1]], GOOD), TypeError, "found bool"),
        (lambda: NormalFormGame.from_bimatrix("payoffs", GOOD), TypeError, "A must be an array of numbers"),
        (lambda: NormalFormGame.from_bimatrix([[1, 2]], GOOD), ValueError,
         r"A and B must have the same shape; got A \(1, 2\) and B \(2, 2\)"),
        (lambda: NormalFormGame.from_bimatrix(np.zeros((0, 2)), np.zeros((0, 2))), ValueError,
         "payoffs: player 1 has no action"),
        (lambda: NormalFormGame(np.zeros((2, 0, 2))), ValueError, "payoffs: player 2 has no action"),
        (lambda: NormalFormGame(np.zeros((2, 2, 3))), ValueError,
         "payoffs has 2 action axes, so its last axis must hold 2 payoffs"),
        (lambda: NormalFormGame(np.zeros((2, 3, 2, 2))), ValueError, "its last axis must hold 3 payoffs"),
        (lambda: NormalFormGame([1, 2]), ValueError, r"payoffs must have shape \(n_1, ..., n_N, N\)"),
        (lambda: NormalFormGame.from_bimatrix([1, 2], [1, 2]), ValueError, "A must be 2-dimensional"),
        (lambda: NormalFormGame.from_bimatrix(GOOD, players=["only one"]), ValueError, "players must name 2 players"),
        (lambda: NormalFormGame.from_bimatrix(GOOD, actions=[["x"], ["l", "r"]]), ValueError,
         r"actions\[0\] must have 2 labels"),
        (lambda: NormalFormGame.from_bimatrix(GOOD, title=3), TypeError, "title must be a str"),
        (lambda: NormalFormGame.from_payoff_function(3, [2, 2]), TypeError, "func must be callable"),
        (lambda: NormalFormGame.from_payoff_function(lambda a, b: (a, b), [2, 0]), ValueError,
         r"actions\[1\] must be a positive number of actions"),
        (lambda: NormalFormGame.from_payoff_function(lambda a, b: (a,), [2, 2]), ValueError,
         "func must return 2 payoffs"),
    ],
)
def test_bad_games(build, error, message):
    with pytest.raises(error, match=message):
        build()


GAME = NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])


@pytest.mark.parametrize(
    "profile, message",
    [
        ([[0.5, 0.6], [1, 0]], r"profile\[0\] must sum to 1 \(a probability distribution\); it sums to 1.1"),
        ([[1, 0], [Fraction(1, 2), Fraction(1, 3)]], r"profile\[1\] must sum to 1 .* 5/6"),
        ([[-0.5, 1.5], [1, 0]], r"profile\[0\] must be non-negative"),
        ([[1, 0, 0], [1, 0]], r"profile\[0\] must have 2 entries \(one per action\); got 3"),
        ([[1, 0]], r"profile must give one strategy per player \(2\); got 1"),
        ([[np.nan, 1], [1, 0]], r"profile\[0\] must contain finite numbers"),
        ([["x", 1], [1, 0]], r"profile\[0\] must contain real numbers"),
        ([[[1, 0]], [1, 0]], r"profile\[0\] must be a 1-D vector"),
        ([5, 0], r"action index for player 1 must be in 0..1; got 5"),
        (["Z", 0], r"player 1 has no action 'Z'"),
    ],
)
def test_profiles_that_are_not_distributions(profile, message):
    for call in (GAME.regret, GAME.is_nash, GAME.expected_payoffs):
        with pytest.raises((ValueError, TypeError), match=message):
            call(profile)


def test_profile_not_a_sequence():
    with pytest.raises(TypeError, match="profile must be a sequence"):
        GAME.regret(3)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"method": "simplex"}, ValueError, "method must be one of 'auto', 'vertex'.*; got 'simplex'"),
        ({"method": "support", "exact": True}, ValueError, "method='support' has no exact mode"),
        ({"tol": -1e-9}, ValueError, r"tol must be a number in \[0, 1\)"),
        ({"tol": "small"}, TypeError, "tol must be a number"),
        ({"exact": "yes"}, TypeError, "exact must be True or False"),
    ],
)
def test_bad_solver_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        games.equilibria(GAME, **kwargs)


def test_not_a_game():
    with pytest.raises(TypeError, match="game must be a game of the engine .*; got list"):
        games.equilibria([[1, 0], [0, 1]])


def test_player_and_action_arguments():
    with pytest.raises(ValueError, match="player must be an index in 0..1; got 2"):
        GAME.action_values(2, [[1, 0], [1, 0]])
    with pytest.raises(ValueError, match=r"kept\[1\] must be non-empty indices in 0..1"):
        GAME.restrict([[0], []])


BIG = NormalFormGame.from_bimatrix(np.random.default_rng(0).random((40, 40)),
                                   np.random.default_rng(1).random((40, 40)))


@pytest.mark.parametrize("method", ["vertex", "auto", "support"])
def test_too_large_enumeration_is_refused_naming_lemke_howson(method):
    with pytest.raises(ValueError, match=r"40x40 game .* use method='lemke-howson'"):
        games.equilibria(BIG, method=method)


def test_too_large_degeneracy_test_is_refused():
    with pytest.raises(ValueError, match=r"the degeneracy test of a 40x40 game .* method='lemke-howson'"):
        BIG.is_degenerate()


def test_lemke_howson_solves_the_large_game():
    eqs = games.equilibria(BIG, method="lemke-howson")
    assert len(eqs) == 1 and eqs.rejected == 0
    eq = eqs[0]
    assert BIG.regret(eq.profile) <= 1e-9 * BIG.payoff_scale
    assert all(abs(v.sum() - 1) < 1e-12 and v.min() >= 0 for v in eq.as_float())


# ---------------------------------------------------------------- ambiguous input is refused

def test_threshold_duplicate_indices_refused_masks_and_indices_agree():
    from games.threshold import ThresholdGame

    g = ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 0.5], requirement=6)
    with pytest.raises(ValueError, match="player 1 twice"):
        g.payoffs([1, 0, 1])
    # the same coalition {0, 2} as indices and as a mask: contributions 5 + 2 >= 6, both pay cost 1
    assert g.payoffs([0, 2]).tolist() == g.payoffs([True, False, True]).tolist() == [3.0, 4.0, -0.5]


@pytest.mark.parametrize("limit", [0, -1, 1.5, True])
def test_minimal_coalitions_refuses_non_positive_limit(limit):
    from games.threshold import ThresholdGame

    g = ThresholdGame([3, 2, 2, 1], [1, 1, 1, 1], [2, 2, 2, 2], requirement=4)
    with pytest.raises(ValueError, match="limit must be a positive integer or None"):
        list(g.minimal_coalitions(limit=limit))
    assert len(list(g.minimal_coalitions(limit=1))) == 1


def test_duplicate_labels_refused():
    from games import NormalFormGame

    with pytest.raises(ValueError, match="'C' appears more than once in player 2"):
        NormalFormGame.from_bimatrix([[1, 0], [0, 1]], actions=[["C", "D"], ["C", "C"]])
    with pytest.raises(ValueError, match="'Ann' appears more than once"):
        NormalFormGame.from_bimatrix([[1, 0], [0, 1]], players=["Ann", "Ann"])


@pytest.mark.parametrize("source", ["", "   "])
def test_read_nfg_empty_path_says_empty(source):
    from games.io import read_nfg

    with pytest.raises(ValueError, match="path_or_text is empty"):
        read_nfg(source)


def test_a_repeated_call_is_checked_like_the_first():
    """equilibria() remembers calls whose checks passed; a later call that differs in what the checks read (player
    count, tol, exact's type, method spelling or options) must still be refused with the same messages."""
    two = games.NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    three = games.NormalFormGame(np.zeros((2, 2, 2, 3)))
    for _ in range(2):                                         # the second call takes the remembered path
        assert games.equilibria(two, method="lemke-howson", label=1)[0].pure_actions() == ("a2", "b2")
    with pytest.raises(ValueError, match="needs a game of 2 players"):
        games.equilibria(three, method="lemke-howson", label=1)
    with pytest.raises(TypeError, match="takes the options label, max_pivots; got max_bases"):
        games.equilibria(two, method="lemke-howson", max_bases=3)
    with pytest.raises(ValueError, match="tol must be a number in"):
        games.equilibria(two, method="lemke-howson", label=1, tol=1.5)
    with pytest.raises(TypeError, match="exact must be True or False"):
        games.equilibria(two, method="lemke-howson", label=1, exact="yes")
    with pytest.raises(TypeError, match="method must be a string"):
        games.equilibria(two, method=["lemke-howson"], label=1)
    exact = games.equilibria(two, method="lemke-howson", label=1, exact=np.True_)   # numpy bool: the full path
    assert exact[0].exact and exact[0].profile[0].tolist() == [0, 1]
