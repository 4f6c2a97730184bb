"""NormalFormGame: construction, payoffs of mixed profiles, regret, best replies, labels and display.

Expected values are computed by hand in the comments.
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pandas as pd
import pytest

import games
from games import NormalFormGame
from games.normal_form import MAX_PAYOFF_ENTRIES

PD = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=["Row", "Col"],
                                  actions=[["C", "D"], ["C", "D"]], title="Prisoner's dilemma")


def test_shape_players_labels():
    assert PD.shape == (2, 2) and PD.num_players == 2 and PD.num_profiles == 4
    assert PD.players == ("Row", "Col") and PD.actions == (("C", "D"), ("C", "D"))
    g = NormalFormGame(np.zeros((2, 3, 4, 3)))
    assert g.players == ("Player 1", "Player 2", "Player 3")
    assert g.actions[2] == ("c1", "c2", "c3", "c4")


def test_expected_payoffs_and_regret_by_hand():
    # Row mixes (1/2, 1/2), Col plays C: Row gets 3/2 * ... = (3 + 5)/2 = 4, Col (3 + 0)/2 = 3/2.
    assert PD.expected_payoffs([[F(1, 2), F(1, 2)], [1, 0]]).tolist() == [4, F(3, 2)]
    # Row would get 5 from D against C (gain 1); Col would get (5 + 1)/2 = 3 from D (gain 3/2).
    assert PD.regrets([[F(1, 2), F(1, 2)], [1, 0]]).tolist() == [1, F(3, 2)]
    assert PD.regret([[0.5, 0.5], [1.0, 0.0]]) == pytest.approx(1.5)
    assert PD.is_nash(["D", "D"]) and not PD.is_nash(["C", "D"])


def test_three_player_expected_payoffs():
    # Payoff of player i is the number of players choosing the same action as i, minus 1.
    g = NormalFormGame.from_payoff_function(lambda *a: [sum(b == ai for b in a) - 1 for ai in a], [2, 2, 2])
    # all mix 1/2: each of the two others matches with probability 1/2: expected 1
    half = [F(1, 2), F(1, 2)]
    assert g.expected_payoffs([half, half, half]).tolist() == [1, 1, 1]
    assert g.action_values(0, [half, [1, 0], [1, 0]]).tolist() == [2, 0]
    assert g.best_responses(0, [half, [1, 0], [0, 1]]).tolist() == [0, 1]


def test_exactness_is_fixed_at_construction():
    floats = NormalFormGame.from_bimatrix([[0.1, 0.2]], [[0.3, 0.4]])
    assert not floats.has_exact_payoffs
    assert floats.exact_payoffs[0, 1, 0] == F(1, 5)
    assert not floats.has_exact_payoffs  # reading exact_payoffs does not change it
    assert isinstance(floats.regret([[1], [1, 0]]), float)
    ints = NormalFormGame.from_bimatrix([[1, 2]], [[3, 4]])
    assert ints.has_exact_payoffs and isinstance(ints.regret([[1], [1, 0]]), F)


def test_payoffs_are_read_only():
    with pytest.raises(ValueError):
        PD.payoffs[0, 0, 0] = 7


def test_restrict_keeps_labels_and_exactness():
    sub = PD.restrict([[1], [0, 1]])
    assert sub.actions == (("D",), ("C", "D")) and sub.has_exact_payoffs
    assert sub.exact_payoffs[0, 0].tolist() == [5, 0]


def test_zero_sum_and_bimatrix():
    g = NormalFormGame.from_bimatrix([[1, -2]])
    assert g.is_zero_sum() and g.bimatrix[1].tolist() == [[-1.0, 2.0]]
    assert not PD.is_zero_sum()


def test_nashpy_round_trip():
    nashpy = pytest.importorskip("nashpy")
    game = PD.to_nashpy()
    assert isinstance(game, nashpy.Game)
    assert NormalFormGame.from_nashpy(game).payoffs.tolist() == PD.payoffs.tolist()


def test_display():
    html = PD._repr_html_()
    assert "Prisoner&#x27;s dilemma" in html and "<th>D</th>" in html and "<td>5, 0</td>" in html
    latex = PD._repr_latex_()
    assert latex.startswith("$$") and r"\text{C}" in latex and "5, 0" in latex
    three = NormalFormGame(np.zeros((2, 2, 2, 3)))
    assert three._repr_html_().count("<table>") == 2  # one table per action of player 3
    assert "Prisoner's dilemma" in repr(PD)


def test_equality_and_hash():
    same = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=["Row", "Col"],
                                        actions=[["C", "D"], ["C", "D"]])
    assert same == PD and hash(same) == hash(PD)
    assert NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]]) != PD


def test_description():
    g = NormalFormGame.from_bimatrix([[1]], description="from a file")
    assert g.description == "from a file"
    assert g.restrict([[0], [0]]).description == "from a file"


# -------------------- edge cases
# Prisoner's dilemma of arming: (D, D) is the only equilibrium; at (C, C) each gains 5 - 3 = 2 by arming.
PD_PLAIN = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])


# ----------------------------------------------------------------------------------------- huge games
def test_a_25_player_payoff_function_is_refused_before_it_is_called():
    # 2**25 profiles x 25 payoffs = 8.4e8 numbers (6.7 GB): refuse, pointing to the count-based models.
    calls = []

    def payoff(*actions):
        calls.append(actions)
        return [sum(actions)] * len(actions)

    with pytest.raises(ValueError, match=r"AnonymousGame.*ThresholdGame"):
        NormalFormGame.from_payoff_function(payoff, [2] * 25)
    assert calls == []


def test_a_payoff_array_needing_gigabytes_is_refused_before_it_is_copied():
    # A broadcast view costs no memory, but its 25-player table would: refused on its shape alone.
    view = np.broadcast_to(0.0, (2,) * 25 + (25,))
    with pytest.raises(ValueError, match=r"GB as floats.*games.AnonymousGame"):
        NormalFormGame(view)
    assert MAX_PAYOFF_ENTRIES >= 2**16 * 16  # a 16-player binary game still fits


def test_pure_equilibria_of_a_many_player_all_zero_game():
    # Every one of the 2**12 pure profiles of an all-zero 12-player game is an equilibrium (regret 0).
    g = NormalFormGame(np.zeros((2,) * 12 + (12,)))
    eqs = games.equilibria(g)
    assert len(eqs) == 4096 and eqs.complete and all(e.regret == 0 for e in eqs)
    with pytest.raises(ValueError, match="pure_nash_mask"):
        games.solvers.pure.pure_equilibria(g, max_equilibria=100)


def test_pure_profiles_of_a_large_exact_game_are_evaluated_without_the_whole_exact_table():
    # A 16-player integer game: player i's payoff is the number of players choosing action 1. At the
    # all-0 profile a deviation to 1 gains exactly 1 (a Fraction, since the game is exact).
    g = NormalFormGame.from_payoff_function(lambda *a: [sum(a)] * len(a), [2] * 16)
    assert g.has_exact_payoffs
    assert g.regret([0] * 16) == F(1) and g.is_nash([1] * 16)
    assert g._exact is None  # the million Fractions were never needed
    assert g.expected_payoffs([1] + [0] * 15).tolist() == [F(1)] * 16


def test_a_failing_payoff_function_names_the_profile():
    def payoff(a, b):
        return (1 / (a - b), 0)

    with pytest.raises(ZeroDivisionError) as info:
        NormalFormGame.from_payoff_function(payoff, [[0, 1], [0, 1]])
    assert "profile (0, 0)" in "".join(info.value.__notes__)


# ----------------------------------------------------------------------------------------- payoff types
@pytest.mark.parametrize("A, exact", [
    (np.matrix([[3, 0], [5, 1]]), True),
    (pd.DataFrame([[3, 0], [5, 1]]), True),
    (pd.DataFrame([[3.0, 0.0], [5.0, 1.0]]), False),
    (np.array([[3, 0], [5, 1]], dtype=np.int8), True),
    (np.array([[3, 0], [5, 1]], dtype=np.float32), False),
    ([[3, 0.0], [5, 1]], False),                       # one float makes a float game
])
def test_payoff_containers(A, exact):
    # Row player's matrix of the PD_PLAIN against itself transposed: (D, D) is the unique pure equilibrium.
    g = NormalFormGame.from_bimatrix(A, np.asarray(A).T)
    assert g.has_exact_payoffs is exact
    assert g.payoffs.shape == (2, 2, 2) and type(g.payoffs) is np.ndarray
    assert [e.pure_actions() for e in games.equilibria(g, "pure")] == [("a2", "b2")]


def test_sympy_rationals_are_exact():
    sympy = pytest.importorskip("sympy")
    g = NormalFormGame.from_bimatrix([[sympy.Rational(1, 3), 0], [0, sympy.Integer(1)]])
    assert g.has_exact_payoffs and g.exact_payoffs[0, 0, 0] == F(1, 3)


def test_int64_beyond_float_precision_stays_exact():
    # 2**62 + 1 is not a float; the exact table keeps it, so the exact regret at (row 2, col 1) is 1.
    big = 2**62
    g = NormalFormGame.from_bimatrix(np.array([[big, 0], [big + 1, 0]], dtype=np.int64), np.zeros((2, 2), dtype=int))
    assert g.exact_payoffs[1, 0, 0] == big + 1
    assert g.regret([[1, 0], [1, 0]]) == F(1)


# ----------------------------------------------------------------------------------------- profiles
@pytest.mark.parametrize("profile", [
    [[0, 1], [0, 1]], ((0, 1), (0, 1)), np.array([[0, 1], [0, 1]]), [np.array([0, 1]), (0, 1)],
    ["D", "D"], [1, "D"], [[-0.0, 1.0], [-0.0, 1.0]], [[1e-16, 1 - 1e-16], [0.0, 1.0 + 1e-15]],
])
def test_equivalent_spellings_of_the_defection_profile(profile):
    # (D, D) in every spelling: regret 0 (up to round-off of the perturbed sums), payoffs (1, 1).
    assert PD_PLAIN.regret(profile) <= 1e-14 and PD_PLAIN.is_nash(profile)
    assert np.allclose(np.asarray(PD_PLAIN.expected_payoffs(profile), dtype=float), [1, 1])


@pytest.mark.parametrize("profile, error, message", [
    ({0: [1, 0], 1: [1, 0]}, TypeError, "profile must be a sequence"),   # a dict's keys are not strategies
    ("DD", TypeError, "profile must be a sequence"),
    (np.array(1), TypeError, "profile must be a sequence"),
    ([True, 1], TypeError, r"profile\[0\] must be a probability vector"),
    ([1.0, 1], TypeError, r"profile\[0\] must be a probability vector"),
    ([None, 1], TypeError, r"profile\[0\] must be a probability vector"),
])
def test_profiles_that_would_be_misread(profile, error, message):
    with pytest.raises(error, match=message):
        PD_PLAIN.regret(profile)


@pytest.mark.parametrize("call, error, message", [
    (lambda: PD_PLAIN.action_values(True, [[1, 0], [1, 0]]), TypeError, "player must be an index"),
    (lambda: PD_PLAIN.best_responses(np.bool_(False), [[1, 0], [1, 0]]), TypeError, "player must be an index"),
    (lambda: PD_PLAIN.is_nash([[1, 0], [1, 0]], tol="a"), TypeError, "tol must be a number >= 0"),
    (lambda: PD_PLAIN.is_nash([[0.5, 0.5], [1, 0]], tol=-1), ValueError, "tol must be a number >= 0"),
    (lambda: PD_PLAIN.best_responses(0, [[1, 0], [1, 0]], tol=float("nan")), ValueError, "tol must be a number >= 0"),
    (lambda: PD_PLAIN.restrict([[0.7], [0]]), TypeError, r"kept\[0\] must be integer action indices"),
    (lambda: PD_PLAIN.restrict([[True], [0]]), TypeError, r"kept\[0\] must be integer action indices"),
    (lambda: PD_PLAIN.restrict([[0, 0], [0]]), ValueError, r"kept\[0\] must not repeat"),
])
def test_arguments_that_were_silently_misread(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_indexing_by_labels():
    # (D, C): the row defects on a restraining column and gets 5, the column 0.
    assert PD_PLAIN["D", "C"].tolist() == [5.0, 0.0] == PD_PLAIN[1, 0].tolist()
    assert PD_PLAIN["D"].tolist() == [[5.0, 0.0], [1.0, 1.0]]


def test_one_player_game_equilibria_are_the_maximisers():
    # A single player with payoffs 1, 3, 3: the pure maximisers are actions 2 and 3.
    eqs = games.equilibria(NormalFormGame([[1], [3], [3]]))
    assert [e.supports[0] for e in eqs] == [(1,), (2,)] and eqs.complete


# ----------------------------------------------------------------------------------------- dominance
def test_round_off_does_not_eliminate_an_action():
    # 0.1 + 0.2 and 0.4 + 0.2 exceed 0.3 and 0.6 by one ulp: the two rows are equal payoffs written two
    # ways, so neither is strictly dominated (before the fix the row holding 0.3, 0.6 was eliminated).
    g = NormalFormGame.from_bimatrix([[0.1 + 0.2, 0.4 + 0.2], [0.3, 0.6]], [[1.0, 0.0], [0.0, 1.0]])
    assert [k.tolist() for k in g.eliminate_dominated(mixed=True)[1]] == [[0, 1], [0, 1]]
    # The row player is indifferent everywhere; the column matches the row's likelier action. Extreme
    # equilibria: (T, L), (B, R), and the half-half row with L or with R: four, in one component.
    eqs = games.equilibria(g)
    assert len(eqs) == 4 and eqs.degenerate and eqs.components == [[0, 1, 2, 3]]


@pytest.mark.parametrize("scale", [1e-12, 1.0, 1e12])
def test_mixed_dominance_is_scale_free(scale):
    # Row 3 pays 1 against both columns, the half-half mix of rows 1 and 2 pays 1.5: dominated at any
    # scale (before the fix, not detected at 1e-12 because the margin was measured in absolute units).
    A = scale * np.array([[3.0, 0.0], [0.0, 3.0], [1.0, 1.0]])
    g = NormalFormGame.from_bimatrix(A, np.zeros((3, 2)))
    assert [k.tolist() for k in g.eliminate_dominated(mixed=True)[1]] == [[0, 1], [0, 1]]


def test_exact_games_are_reduced_exactly():
    # Row 3 pays 1/6 - 10**-15 against both columns; the half-half mix of rows 1 and 2 pays 1/6: dominated,
    # by a margin far below float resolution relative to the payoffs, found by the exact check.
    tiny = F(1, 10**15)
    A = [[F(1, 3), 0], [0, F(1, 3)], [F(1, 6) - tiny, F(1, 6) - tiny]]
    g = NormalFormGame.from_bimatrix(A, [[0, 0]] * 3)
    assert [k.tolist() for k in g.eliminate_dominated(mixed=True)[1]] == [[0, 1], [0, 1]]
    # at exactly 1/6 the mix only ties: nothing is dominated
    A[2] = [F(1, 6), F(1, 6)]
    g = NormalFormGame.from_bimatrix(A, [[0, 0]] * 3)
    assert [k.tolist() for k in g.eliminate_dominated(mixed=True)[1]] == [[0, 1, 2], [0, 1]]
    with pytest.raises(TypeError, match="mixed must be True or False"):
        g.eliminate_dominated(mixed="yes")


def test_an_ambiguous_action_label_is_refused():
    # Two row actions share the label "x": a profile naming "x" could mean either (before: silently the first).
    # Now refused when the game is built, naming the duplicate (before: refused only when the label was used).
    with pytest.raises(ValueError, match="'x' appears more than once in player 1's actions"):
        NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]], actions=[["x", "x"], ["a", "b"]])
    g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]], actions=[["x", "y"], ["a", "b"]])
    assert g.regret([1, "b"]) == 0   # mixed index/label profiles still work: (row 2, b) is an equilibrium
