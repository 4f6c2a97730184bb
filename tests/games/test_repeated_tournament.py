"""Round-robin tournaments: exact scores against hand-computed entries."""


from fractions import Fraction as F

import pytest
import sympy

from games.catalog import prisoners_dilemma
from games.repeated import (
    ALLC,
    ALLD,
    GRIM,
    TFT,
    WSLS,
    average_payoffs,
    round_robin,
)

PD = prisoners_dilemma()


def test_first_tournament_style_fixed_length():
    """200-round games (Axelrod's first tournament): TFT vs ALLD = S once then P, i.e. (0 + 199)/200."""
    t = round_robin(PD, [ALLC, ALLD, TFT], rounds=200)
    assert t.payoffs[2, 1] == F(199, 200) and t.payoffs[1, 2] == F(5 + 199, 200)
    assert t.payoffs[0, 1] == 0 and t.payoffs[1, 0] == 5
    # scores include self-play: TFT = (3 + 199/200 + 3)/3
    assert t.scores[2] == (3 + F(199, 200) + 3) / 3
    # ALLD exploits ALLC: (5 + 1 + 204/200)/3 beats TFT's (3 + 199/200 + 3)/3 by (1/40)/3
    assert t.scores[1] - t.scores[2] == F(1, 120)
    assert t.ranking()[0][0] == "ALLD"


def test_matrix_matches_pairwise_payoffs_with_noise():
    strategies = [ALLD, TFT, GRIM, WSLS]
    t = round_robin(PD, strategies, delta=0.95, noise=0.02)
    for i, s1 in enumerate(strategies):
        for j, s2 in enumerate(strategies):
            assert t.payoffs[i, j] == pytest.approx(average_payoffs(PD, s1, s2, delta=0.95, noise=0.02)[0], rel=1e-12)
    assert t.expected_length == pytest.approx(20.0)
    assert list(t.table().columns)[-1] == "score"


def test_bad_input():
    with pytest.raises(ValueError, match="distinct names"):
        round_robin(PD, [TFT, TFT])
    with pytest.raises(TypeError, match="strategies\\[1\\] must be an Automaton"):
        round_robin(PD, [TFT, "ALLD"])
    with pytest.raises(ValueError, match="at least 2"):
        round_robin(PD, [TFT])


# ----------------------------------------------------------------------------- edge cases (by hand)


def test_tournament_edges():
    with pytest.raises(ValueError, match="distinct names"):
        round_robin(PD, [TFT, TFT])
    with pytest.raises(TypeError, match="numeric delta"):
        round_robin(PD, [TFT, ALLD], delta=sympy.Symbol("d"))
    with pytest.raises(TypeError, match="self_play"):
        round_robin(PD, [TFT, ALLD], rounds=3, self_play="no")
    with pytest.raises(TypeError, match="average_payoffs"):
        round_robin(prisoners_dilemma(*sympy.symbols("T R P S")), [TFT, ALLD], rounds=3)
