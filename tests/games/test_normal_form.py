"""NormalFormGame: construction, payoffs of mixed profiles, regret, best replies, labels and display.

Expected values are computed by hand in the comments.
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

from games import NormalFormGame

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
