"""Closed-form equilibria, derived by hand in each test's comments, against every solver path."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

import games
from games import NormalFormGame
from games.equilibrium import EquilibriumSet
from games.solvers.enumeration import hull_equilibria
from games.solvers.lemke_howson import lemke_howson_path
from games.solvers.vertex import equilibrium_set_from_pairs


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
        eqs = games.equilibria(g, method="pure", exact=exact)
        assert sorted(tuple(s[0] for s in eq.supports) for eq in eqs) == [(0, 0, 0), (1, 1, 1)]
    # mixed too (method="auto" is "polynomial" for small games): a player mixing needs y0 z0 = y1 z1, and with
    # x0/x1 = y0/y1 = z1/z0 = r and x0 y0 = x1 y1, r**2 = 1: the only mixed equilibrium is everyone at 1/2
    eqs = games.equilibria(g, exact=True)
    assert eqs.complete and len(eqs) == 3
    assert any(all(list(v) == [F(1, 2)] * 2 for v in eq.profile) for eq in eqs)


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


# -------------------- edge cases
# Matching pennies in floats: the unique equilibrium is (1/2, 1/2) for both (each makes the other indifferent).
PENNIES = NormalFormGame.from_bimatrix([[1.0, -1.0], [-1.0, 1.0]])
# Rock-paper-scissors scaled by 0.1: unique equilibrium, uniform play (1/3 each) for both players.
RPS = NormalFormGame.from_bimatrix(0.1 * np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]))
# Battle of the sexes: (T, L), (B, R) and the mix T w.p. 2/3, L w.p. 1/3 (1 * p = 2 (1 - p), 2 q = 1 - q).
BOS = NormalFormGame.from_bimatrix([[2.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 2.0]])
BOS_EQUILIBRIA = sorted([[1, 0, 1, 0], [0, 1, 0, 1], [2 / 3, 1 / 3, 1 / 3, 2 / 3]])


def flat(eqs) -> list[list[float]]:
    return sorted(np.concatenate(e.as_float()).round(9).tolist() for e in eqs)


@pytest.mark.parametrize("method", ["auto", "vertex", "support", "lemke-howson", "zero-sum"])
def test_tol_zero_in_floats_is_refused_not_answered_with_nothing(method):
    # A float mixed equilibrium carries round-off, so "regret exactly 0" cannot be certified in floats:
    # before the fix, tol=0 returned an empty, "complete" set for matching pennies.
    with pytest.raises(ValueError, match=r"tol=0.*exact=True"):
        games.equilibria(PENNIES, method, tol=0)


def test_tol_zero_with_exact_and_for_pure_equilibria():
    # Exact arithmetic certifies regret 0; pure equilibria have exact float regrets.
    eqs = games.equilibria(PENNIES, tol=0, exact=True)
    assert [tuple(v.tolist()) for v in eqs[0].profile] == [(F(1, 2), F(1, 2))] * 2
    assert [e.pure_actions() for e in games.equilibria(BOS, "pure", tol=0)] == [("a1", "b1"), ("a2", "b2")]


@pytest.mark.parametrize("tol", [1e-3, 0.1, 0.5])
def test_a_loose_verification_tolerance_does_not_change_the_geometry(tol):
    # tol loosens the regret check only: the extreme equilibria are the same, and the games stay
    # non-degenerate. Before the fix tol=0.5 gave no equilibrium of matching pennies and tol=0.1 listed
    # dozens of "equilibria" of random games, flagged degenerate.
    assert flat(games.equilibria(PENNIES, tol=tol)) == [[0.5, 0.5, 0.5, 0.5]]
    eqs = games.equilibria(BOS, tol=tol)
    assert flat(eqs) == [list(np.round(v, 9)) for v in BOS_EQUILIBRIA] and eqs.degenerate is False
    rps = games.equilibria(RPS, tol=tol)
    assert len(rps) == 1 and np.allclose(np.concatenate(rps[0].as_float()), 1 / 3) and rps.degenerate is False
    lh = games.equilibria(BOS, "lemke-howson", label=None, tol=tol)
    assert lh.rejected == 0 and set(map(tuple, flat(lh))) <= set(map(tuple, np.round(BOS_EQUILIBRIA, 9).tolist()))


def test_hull_enumeration_with_a_loose_tolerance_matches_the_true_equilibria():
    # An 8x8 coordination game (identity payoffs for both): the equilibria are the uniform mixtures on
    # every non-empty common support S, 2**8 - 1 of them, however loose the verification tolerance.
    g = NormalFormGame.from_bimatrix(np.eye(8), np.eye(8))
    assert len(hull_equilibria(g, tol=0.1)) == 255 == len(hull_equilibria(g))


def test_rejected_candidates_make_a_set_incomplete():
    # (T, R) in matching pennies is no equilibrium: a set that had to drop it cannot claim completeness.
    x = [np.array([1.0, 0.0])]
    y = [np.array([0.0, 1.0])]
    eqs = equilibrium_set_from_pairs(PENNIES, x, y, [(0, 0)], degenerate=False, tol=1e-9, exact=False)
    assert isinstance(eqs, EquilibriumSet)
    assert len(eqs) == 0 and eqs.rejected == 1 and eqs.complete is False and "failed verification" in eqs.note


@pytest.mark.parametrize("name, canonical", [("Vertex", "vertex"), ("LEMKE_HOWSON", "lemke-howson"),
                                             ("zero_sum", "zero-sum"), (" Support ", "support"), ("PURE", "pure")])
def test_method_names_ignore_case_spaces_and_underscores(name, canonical):
    assert flat(games.equilibria(PENNIES, name)) == flat(games.equilibria(PENNIES, canonical))
    assert games.equilibria(PENNIES, name).method == games.equilibria(PENNIES, canonical).method


@pytest.mark.parametrize("kwargs, error, message", [
    ({"method": None}, TypeError, "method must be a str"),
    ({"method": "lemke-howson", "label": True}, TypeError, "label must be an integer"),
    ({"method": "lemke-howson", "label": 1.0}, TypeError, "label must be an integer"),
    ({"max_bases": "many"}, TypeError, "max_bases must be an integer"),
    ({"max_vertices": 0}, ValueError, "max_vertices must be an integer >= 1"),
    ({"tol": float("nan")}, ValueError, "tol must be a number in"),
])
def test_bad_solver_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        games.equilibria(PENNIES, **kwargs)


def test_constant_sum_games_are_solved_as_zero_sum():
    # A + B = 1 everywhere: strategically zero-sum. Row wins 1 on the diagonal (a matching game): both mix
    # 1/2-1/2 and the row's value is 1/2 (= 1/2 * 1 + 1/2 * 0 against the column's mix).
    g = NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[0, 1], [1, 0]])
    eqs = games.equilibria(g, "zero-sum")
    assert flat(eqs) == [[0.5, 0.5, 0.5, 0.5]] and abs(eqs.value - 0.5) < 1e-12
    exact = games.equilibria(g, "zero-sum", exact=True)
    assert exact.value == F(1, 2) and [tuple(v) for v in exact[0].profile] == [(F(1, 2), F(1, 2))] * 2


def test_exact_zero_sum_needs_an_exactly_zero_sum_game():
    # B = -A except one entry off by 1 in 10**10: fine for floats (within tol), not for exact arithmetic,
    # where a "value" would be attributed to a game that is not zero-sum.
    g = NormalFormGame.from_bimatrix([[10**10, 0], [0, 10**10]], [[-10**10, 0], [0, -10**10 + 1]])
    with pytest.raises(ValueError, match="exactly"):
        games.equilibria(g, "zero-sum", exact=True)


def test_payoffs_too_large_for_floats_are_refused_by_name():
    with pytest.raises(ValueError, match=r"A must contain .*float"):
        NormalFormGame.from_bimatrix([[10**400, 0], [0, 1]])


def test_huge_and_tiny_magnitudes_give_the_same_equilibria():
    # Scaling every payoff by a positive constant leaves the equilibria unchanged.
    for scale in (1e12, 1e-12, 1e-300):
        g = NormalFormGame.from_bimatrix(np.array(BOS.bimatrix[0]) * scale, np.array(BOS.bimatrix[1]) * scale)
        for method in ("vertex", "support", "lemke-howson"):
            eqs = games.equilibria(g, method, label=None) if method == "lemke-howson" else games.equilibria(g, method)
            assert set(map(tuple, flat(eqs))) <= set(map(tuple, np.round(BOS_EQUILIBRIA, 9).tolist())), (scale, method)
        assert flat(games.equilibria(g)) == [list(np.round(v, 9)) for v in BOS_EQUILIBRIA]


@pytest.mark.parametrize("shape", [(1, 1), (1, 4), (4, 1)])
def test_single_action_players(shape):
    # The player with one action plays it; the other picks its best replies: the maximal entries of its
    # payoff vector (2 at indices 1 and 3 here, for 1xN and Nx1 alike).
    m, n = shape
    own = np.array([1.0, 2.0, 0.0, 2.0])[: max(m, n)]
    A = own.reshape(m, n) if m > 1 else np.zeros((m, n))
    B = own.reshape(m, n) if n > 1 else np.zeros((m, n))
    g = NormalFormGame.from_bimatrix(A, B)
    best = [1, 3] if max(m, n) > 1 else [0]
    for method in ("vertex", "support", "pure"):
        eqs = games.equilibria(g, method)
        mover = 0 if m > 1 else 1
        assert sorted(e.supports[mover][0] for e in eqs) == best, method
        assert all(e.is_pure for e in eqs)
    assert games.equilibria(g, "lemke-howson", label=None).rejected == 0


def test_all_zero_game_is_one_degenerate_component():
    # Every profile of an all-zero game is an equilibrium: the extreme ones are the 2 x 3 pure profiles,
    # all in one component.
    g = NormalFormGame.from_bimatrix(np.zeros((2, 3)), np.zeros((2, 3)))
    eqs = games.equilibria(g)
    assert len(eqs) == 6 and eqs.degenerate is True and eqs.components == [list(range(6))]
    exact = games.equilibria(NormalFormGame.from_bimatrix([[0, 0], [0, 0]]), exact=True)
    assert len(exact) == 4 and exact.degenerate is True and exact.components == [[0, 1, 2, 3]]


def test_exact_on_float_games_with_many_decimals_reads_the_decimals():
    # 0.1 + 0.2 is 0.30000000000000004 in floats; exact=True reads each float as its shortest decimal, so
    # the row player's two payoffs against L are 3/10 and 30000000000000004/10**17: row 1 is strictly better
    # against L, and against R (0 vs 1) row 2 is: the pure equilibria are exactly as in the decimals.
    g = NormalFormGame.from_bimatrix([[0.1 + 0.2, 0.0], [0.3, 1.0]], [[1.0, 0.0], [0.0, 1.0]])
    eqs = games.equilibria(g, exact=True)
    assert g.exact_payoffs[0, 0, 0] == F(30000000000000004, 10**17)
    assert all(e.regret == 0 for e in eqs)
    assert {e.pure_actions() for e in eqs if e.is_pure} == {("a1", "b1"), ("a2", "b2")}


@pytest.mark.parametrize("seed", range(4))
def test_loose_tolerance_on_random_games_keeps_the_same_extreme_equilibria(seed):
    # A metamorphic check: a random 4x4 game is non-degenerate with probability one, so its extreme
    # equilibria do not depend on how loosely their regret is checked. Before the fix, tol=0.1 turned the
    # polytopes' tightness test loose too and reported dozens of spurious "equilibria", flagged degenerate.
    rng = np.random.default_rng(seed)
    g = NormalFormGame.from_bimatrix(rng.random((4, 4)), rng.random((4, 4)))
    strict = games.equilibria(g)
    loose = games.equilibria(g, tol=0.1)
    assert flat(loose) == flat(strict) and loose.degenerate is strict.degenerate is False
    lh = games.equilibria(g, "lemke-howson", label=None, tol=0.1)
    assert lh.rejected == 0 and set(map(tuple, flat(lh))) <= set(map(tuple, flat(strict)))


def test_lemke_howson_from_every_label_on_degenerate_games():
    # Small games with payoffs in {0, 1, 2} are full of ties (degenerate). From every starting label,
    # in floats and exactly, Lemke-Howson must stop, pass verification, and land on an extreme
    # equilibrium: one of those found by exact vertex enumeration (a different algorithm).
    rng = np.random.default_rng(11)
    degenerate_seen = 0
    for _ in range(40):
        m, n = (int(v) for v in rng.integers(1, 5, size=2))
        g = NormalFormGame.from_bimatrix(rng.integers(0, 3, (m, n)).tolist(), rng.integers(0, 3, (m, n)).tolist())
        extreme = games.equilibria(g, exact=True)
        degenerate_seen += bool(extreme.degenerate)
        want = {tuple(np.concatenate(e.profile)) for e in extreme}
        for exact in (False, True):
            for label in range(m + n):
                eqs = games.equilibria(g, "lemke-howson", label=label, exact=exact)
                assert len(eqs) == 1 and eqs.rejected == 0
                got = np.concatenate(eqs[0].profile)
                if exact:
                    assert tuple(got) in want
                else:
                    assert any(np.allclose(got.astype(float), np.array(w, dtype=float), atol=1e-9) for w in want)
    assert degenerate_seen >= 10


def test_batch_solver_tolerances():
    # The same guarantees on the sweep fast path: tol=0 is refused, a loose tol changes nothing for
    # (almost surely non-degenerate) random games, method names ignore case.
    from games.solvers.batch import batch_equilibria

    rng = np.random.default_rng(3)
    for shape in ((2, 2), (3, 3)):
        A, B = rng.random((30, *shape)), rng.random((30, *shape))
        strict = batch_equilibria(A, B)
        with pytest.raises(ValueError, match=r"tol=0.*exact=True"):
            batch_equilibria(A, B, tol=0)
        for tol in (1e-3, 0.1, 0.5):
            loose = batch_equilibria(A, B, tol=tol, method="AUTO")
            assert loose.counts.tolist() == strict.counts.tolist() and not loose.degenerate.any()
            assert np.allclose(loose.x, strict.x) and np.allclose(loose.y, strict.y)
        # each game's set agrees with games.equilibria game by game
        for i in range(3):
            alone = games.equilibria(NormalFormGame.from_bimatrix(A[i], B[i]))
            assert flat(strict[i]) == flat(alone) and strict[i].complete


def test_single_action_opponents_of_any_size():
    # Against an opponent with one action, the extreme equilibria are the mover's pure best replies, in
    # one component. A 1x200 game used to be refused ("at most 64 actions"); small ones must agree with
    # the polytope enumeration.
    rng = np.random.default_rng(5)
    payoff = rng.integers(0, 4, 200).astype(float)
    g = NormalFormGame.from_bimatrix(np.zeros((1, 200)), payoff[None, :])
    eqs = games.equilibria(g)
    best = np.flatnonzero(payoff == payoff.max()).tolist()
    assert [e.supports[1][0] for e in eqs] == best[::-1]     # sorted by profile: later actions first
    assert eqs.components == [list(range(len(best)))] and eqs.degenerate is (len(best) > 1)
    gt = NormalFormGame.from_bimatrix(payoff[:, None], np.zeros((200, 1)))
    assert [e.supports[0][0] for e in games.equilibria(gt, exact=True)] == best[::-1]
