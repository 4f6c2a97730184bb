"""Closed-form equilibria, derived by hand in each test's comments, against every solver path."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

import games
from games import NormalFormGame
from games.solvers.lemke_howson import lemke_howson_path


def exact_profiles(eqs) -> set[tuple]:
    return {tuple(tuple(F(p) for p in v) for v in eq.profile) for eq in eqs}


def float_close(eqs, expected, atol=1e-9) -> bool:
    got = sorted(np.concatenate(eq.as_float()).tolist() for eq in eqs)
    want = sorted(np.concatenate([np.asarray(v, dtype=float) for v in prof]).tolist() for prof in expected)
    return len(got) == len(want) and all(np.allclose(g, w, atol=atol) for g, w in zip(got, want))


HALF = (F(1, 2), F(1, 2))
THIRD = (F(1, 3), F(1, 3), F(1, 3))


def test_matching_pennies():
    # Zero-sum, no saddle point: each player mixes to make the other indifferent, 1/2 each; value 0.
    g = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    for method in ("vertex", "support", "lemke-howson", "zero-sum"):
        eqs = games.equilibria(g, method=method)
        assert float_close(eqs, [(HALF, HALF)]), method
    exact = games.equilibria(g, exact=True)
    assert exact_profiles(exact) == {(HALF, HALF)}
    assert all(isinstance(p, F) for v in exact[0].profile for p in v)
    assert exact[0].payoffs.tolist() == [0, 0] and exact.degenerate is False


def test_battle_of_the_sexes():
    # A = [[2, 0], [0, 1]], B = [[1, 0], [0, 2]]: pure (T, L) and (B, R); in the mixed equilibrium the
    # row plays T with p where 1 * p = 2 * (1 - p), p = 2/3, the column L with q where 2q = 1 - q,
    # q = 1/3; both then get 2/3.
    g = NormalFormGame.from_bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    want = {((1, 0), (1, 0)), ((0, 1), (0, 1)), ((F(2, 3), F(1, 3)), (F(1, 3), F(2, 3)))}
    eqs = games.equilibria(g, exact=True)
    assert exact_profiles(eqs) == want
    mixed = [eq for eq in eqs if not eq.is_pure][0]
    assert mixed.payoffs.tolist() == [F(2, 3), F(2, 3)]
    assert float_close(games.equilibria(g), want)
    assert float_close(games.equilibria(g, method="support"), want)
    assert {eq.pure_actions() for eq in games.equilibria(g, method="pure")} == {("a1", "b1"), ("a2", "b2")}


@pytest.mark.parametrize("V, C", [(2, 6), (1, 4), (3, 5), (F(1, 2), F(7, 3))])
def test_hawk_dove_mixes_hawk_with_probability_v_over_c(V, C):
    # Maynard Smith's hawk-dove with V < C: HH (V-C)/2 each, HD V to the hawk, DD V/2 each. A player
    # is indifferent when p (V-C)/2 + (1-p) V = (1-p) V/2, i.e. p = V/C. Pure: (H, D) and (D, H).
    V, C = F(V), F(C)
    A = [[(V - C) / 2, V], [0, V / 2]]
    g = NormalFormGame.from_bimatrix(A, np.array(A, dtype=object).T)
    p = V / C
    want = {((1, 0), (0, 1)), ((0, 1), (1, 0)), ((p, 1 - p), (p, 1 - p))}
    assert exact_profiles(games.equilibria(g, exact=True)) == want
    assert float_close(games.equilibria(g), want)


def test_rock_paper_scissors_value_zero():
    # Symmetric zero-sum game: the unique equilibrium is uniform play, value 0.
    rps = NormalFormGame.from_bimatrix([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    res = games.equilibria(rps, method="zero-sum")
    assert abs(res.value) < 1e-9 and float_close(res, [(THIRD, THIRD)])
    exact = games.equilibria(rps, method="zero-sum", exact=True)
    assert exact.value == 0 and exact_profiles(exact) == {(THIRD, THIRD)}
    assert exact_profiles(games.equilibria(rps, exact=True)) == {(THIRD, THIRD)}


def test_zero_sum_value_by_hand():
    # A = [[3, -1], [-2, 1]] has no saddle point (maximin -1 < minimax 1). Row mixes p:
    # 3p - 2(1-p) = -p + (1-p) gives p = 3/7 and value 5p - 2 = 1/7; the column mixes q:
    # 3q - (1-q) = -2q + (1-q) gives q = 2/7, and 4q - 1 = 1/7 again.
    g = NormalFormGame.from_bimatrix([[3, -1], [-2, 1]])
    res = games.equilibria(g, method="zero-sum")
    assert res.value == pytest.approx(1 / 7, abs=1e-9)
    assert float_close(res, [((F(3, 7), F(4, 7)), (F(2, 7), F(5, 7)))])
    exact = games.equilibria(g, method="zero-sum", exact=True)
    assert exact.value == F(1, 7)
    # a saddle point: A = [[4, 2], [1, 0]] has row 1 dominant and then column 2: value 2
    assert games.equilibria(NormalFormGame.from_bimatrix([[4, 2], [1, 0]]), method="zero-sum",
                            exact=True).value == 2


def test_zero_sum_refuses_general_sum():
    with pytest.raises(ValueError, match="method='zero-sum' needs a zero-sum game"):
        games.equilibria(NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]]), method="zero-sum")


COORDINATION = NormalFormGame.from_bimatrix([[1, 0, 0], [0, 2, 0], [0, 0, 3]], [[1, 0, 0], [0, 2, 0], [0, 0, 3]])


@pytest.mark.parametrize("label", range(6))
@pytest.mark.parametrize("exact", [False, True])
def test_lemke_howson_each_label_on_a_coordination_game(label, exact):
    # Dropping row label k, x_k enters first and the path stops at the column's best response to k
    # (column k, the unique one); then y_k enters and stops at the row best reply to k, which is row k,
    # the dropped label: the path ends at the pure equilibrium (k, k). A column label 3 + k likewise
    # ends at (k, k). (Lemke & Howson 1964; von Stengel 2002, Sec. 3.4.)
    k = label % 3
    eqs = games.equilibria(COORDINATION, method="lemke-howson", label=label, exact=exact)
    assert len(eqs) == 1 and eqs[0].supports == ((k,), (k,))
    prof, steps = lemke_howson_path(COORDINATION, label, exact=exact)
    assert steps == 2


@pytest.mark.parametrize("label", range(6))
def test_lemke_howson_each_label_reaches_the_unique_equilibrium(label):
    # Rock-paper-scissors (shifted to a general-sum bimatrix with B = 1 - A, the same best replies)
    # has the uniform profile as its only equilibrium, so every label must end there.
    A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    g = NormalFormGame.from_bimatrix(A, (1 - np.array(A)).tolist())
    eqs = games.equilibria(g, method="lemke-howson", label=label, exact=True)
    assert exact_profiles(eqs) == {(THIRD, THIRD)}
    assert float_close(games.equilibria(g, method="lemke-howson", label=label), [(THIRD, THIRD)])


def test_lemke_howson_all_labels():
    eqs = games.equilibria(COORDINATION, method="lemke-howson", label=None, exact=True)
    assert exact_profiles(eqs) == {tuple(tuple(int(i == k) for i in range(3)) for _ in range(2)) for k in range(3)}
    assert not eqs.complete  # the 4 mixed equilibria are not reached


def test_lemke_howson_bad_label():
    with pytest.raises(ValueError, match="label must be an integer in 0..5"):
        games.equilibria(COORDINATION, method="lemke-howson", label=6)


def test_coordination_game_has_seven_equilibria():
    # diag(1, 2, 3) for both players: one equilibrium per non-empty support S (both players mix on S
    # in proportion to 1/d_k, making the other indifferent): 2^3 - 1 = 7, none degenerate.
    eqs = games.equilibria(COORDINATION, exact=True)
    assert len(eqs) == 7 and eqs.degenerate is False
    full = [eq for eq in eqs if eq.supports == ((0, 1, 2), (0, 1, 2))][0]
    # weights proportional to 1/1, 1/2, 1/3: (6, 3, 2) / 11
    assert tuple(full.profile[0]) == (F(6, 11), F(3, 11), F(2, 11))


def test_is_degenerate():
    assert not NormalFormGame.from_bimatrix([[1, -1], [-1, 1]]).is_degenerate()
    assert not COORDINATION.is_degenerate()
    # a pure strategy with two best replies
    assert NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[1, 1], [0, 2]]).is_degenerate()
    # degeneracy only from a mixed strategy: the half-half mix of the rows gives all three columns
    # 3/2 (support 2, three best replies), while each pure row has a unique best reply
    g = NormalFormGame.from_bimatrix([[5, 1, 2], [0, 4, 3]], [[3, 0, F(3, 2)], [0, 3, F(3, 2)]])
    assert g.is_degenerate()
    assert g.is_degenerate() == NormalFormGame(g.payoffs.astype(float)).is_degenerate()
    with pytest.raises(ValueError, match="is_degenerate needs a 2-player game"):
        NormalFormGame(np.zeros((2, 2, 2, 3))).is_degenerate()


def test_eliminate_dominated_pure():
    # Prisoner's dilemma: defection strictly dominates for both.
    pd = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    reduced, kept = pd.eliminate_dominated()
    assert reduced.actions == (("D",), ("D",)) and [k.tolist() for k in kept] == [[1], [1]]


def test_eliminate_dominated_mixed_cascade():
    # Row 3 = (1, 1) is beaten by the half-half mix of rows 1 and 2 (3/2, 3/2) but by neither alone.
    # Once it is gone, column 2 (0, 0 against rows 1, 2) is strictly below column 1 (1, 1), and then
    # row 1 (3) beats row 2 (0) against column 1. Pure dominance alone removes nothing.
    g = NormalFormGame.from_bimatrix([[3, 0], [0, 3], [1, 1]], [[1, 0], [1, 0], [0, 5]])
    _, kept = g.eliminate_dominated()
    assert [k.tolist() for k in kept] == [[0, 1, 2], [0, 1]]
    reduced, kept = g.eliminate_dominated(mixed=True)
    assert [k.tolist() for k in kept] == [[0], [0]]
    assert reduced.payoffs.tolist() == [[[3.0, 1.0]]]


def test_one_player_game():
    # One player: the equilibria are the maximisers (pure extreme points of the optimal mixtures).
    g = NormalFormGame(np.array([[3], [5], [5]]))
    eqs = games.equilibria(g, exact=True)
    assert [eq.supports for eq in eqs] == [((1,),), ((2,),)]
    assert eqs[0].payoffs.tolist() == [5] and isinstance(eqs[0].payoffs[0], F)
    assert [eq.supports for eq in games.equilibria(g, method="vertex")] == [((1,),), ((2,),)]


def _three_player(func) -> NormalFormGame:
    return NormalFormGame.from_payoff_function(func, [2, 2, 2])


def test_three_player_coordination():
    # Everyone gets 1 if all three choose alike, else 0. Any mixed-up profile has one odd player out,
    # who gains 1 by joining the others: only (0, 0, 0) and (1, 1, 1) are equilibria.
    g = _three_player(lambda a, b, c: [int(a == b == c)] * 3)
    for exact in (False, True):
        eqs = games.equilibria(g, exact=exact)
        assert sorted(tuple(s[0] for s in eq.supports) for eq in eqs) == [(0, 0, 0), (1, 1, 1)]


def test_three_player_volunteers_dilemma():
    # Benefit 2 to all if anyone volunteers (action 1), cost 1 to each volunteer. A lone volunteer
    # gets 1 (0 if it stops) and the others 2 (1 if they also volunteer): equilibria are exactly the
    # three profiles with one volunteer; with none, anyone gains 1 by volunteering; with two or more,
    # a volunteer gains 1 by stopping.
    g = _three_player(lambda *a: [2 * (sum(a) > 0) - ai for ai in a])
    eqs = games.equilibria(g, method="pure")
    assert sorted(tuple(s[0] for s in eq.supports) for eq in eqs) == [(0, 0, 1), (0, 1, 0), (1, 0, 0)]
    assert all(eq.regret == 0 for eq in eqs)


def test_three_player_all_ties():
    # Constant payoffs: every pure profile is an equilibrium.
    g = NormalFormGame(np.zeros((2, 3, 2, 3)))
    assert len(games.equilibria(g)) == 12


def test_n_player_non_pure_methods_refused():
    g = NormalFormGame(np.zeros((2, 2, 2, 3)))
    with pytest.raises(ValueError, match="needs a game of 1 or 2 players"):
        games.equilibria(g, method="vertex")


def test_exact_on_float_game_reads_decimals():
    # 0.1 and 0.3 are read as 1/10 and 3/10: row mixes to make column indifferent: 0.3 p = 0.1 (1 - p)
    # gives p = 1/4; the column solves 0.2 q = 0.1 (1 - q), q = 1/3.
    g = NormalFormGame.from_bimatrix([[0.2, 0.0], [0.0, 0.1]], [[0.3, 0.0], [0.0, 0.1]])
    eqs = games.equilibria(g, exact=True)
    assert ((F(1, 4), F(3, 4)), (F(1, 3), F(2, 3))) in exact_profiles(eqs)
    assert not g.has_exact_payoffs


def test_every_profile_is_verified():
    rng = np.random.default_rng(0)
    for _ in range(10):
        g = NormalFormGame.from_bimatrix(rng.integers(0, 3, (4, 4)), rng.integers(0, 3, (4, 4)))
        for method in ("vertex", "support", "lemke-howson", "pure"):
            for eq in games.equilibria(g, method=method):
                assert g.regret(eq.profile) <= 1e-9 * g.payoff_scale
                assert eq.method == method


# ---------------------------------------------------------------- scale invariance and overflowing ranges

@pytest.mark.parametrize("factor", [1e-300, 1e-100, 1e-12, 1e-9, 1.0, 1e14, 3e15, 1e100, 1e300])
def test_zero_sum_answer_does_not_depend_on_scale(factor):
    import numpy as np

    base = np.array([[3.0, -1.0, 2.0], [-2.0, 4.0, 0.0], [1.0, 1.0, -3.0]])
    exact = games.equilibria(games.NormalFormGame.from_bimatrix(base.astype(int)), method="zero-sum", exact=True)
    res = games.equilibria(games.NormalFormGame.from_bimatrix(base * factor), method="zero-sum")
    assert res.value / factor == pytest.approx(float(exact.value), rel=1e-9)
    x, y = res[0].as_float()
    # optimality checked on the unscaled matrix: x guarantees the value, y holds the row player to it
    assert np.all(x @ base >= float(exact.value) - 1e-9)
    assert np.all(base @ y <= float(exact.value) + 1e-9)


def test_overflowing_payoff_range_does_not_switch_verification_off():
    import numpy as np

    big = 1e308
    g = games.NormalFormGame.from_bimatrix([[big, -big], [-big, big]], [[-big, big], [big, -big]])
    assert not g.is_nash([[1, 0], [1, 0]])       # a pure profile of matching pennies is no equilibrium
    assert g.is_nash([[0.5, 0.5], [0.5, 0.5]])
    from games.equilibrium import verify

    assert verify(g, [np.array([1.0, 0.0]), np.array([1.0, 0.0])], "guess", 1e-9) is None
    for method in ("vertex", "support", "lemke-howson"):
        eqs = games.equilibria(g, method=method)
        assert len(eqs) == 1 and np.allclose(eqs[0].as_float()[0], [0.5, 0.5]), method
    assert len(games.equilibria(g, method="pure")) == 0
    zs = games.equilibria(g, method="zero-sum")
    assert np.allclose(zs[0].as_float()[1], [0.5, 0.5])


def test_too_large_for_enumeration_suggests_every_label_only_when_affordable():
    import numpy as np

    rng = np.random.default_rng(0)
    big = games.NormalFormGame.from_bimatrix(rng.random((200, 200)), rng.random((200, 200)))
    with pytest.raises(ValueError, match="one label, e.g. label=0") as info:
        games.equilibria(big)
    assert "label=None" not in str(info.value)
    mid = games.NormalFormGame.from_bimatrix(rng.random((30, 30)), rng.random((30, 30)))
    with pytest.raises(ValueError, match="label=None for one per starting label"):
        games.equilibria(mid)
