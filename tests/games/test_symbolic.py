"""Symbolic games: closed forms from the literature, and agreement with the numeric solvers."""

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from games.catalog import battle_of_the_sexes, hawk_dove, matching_pennies, prisoners_dilemma
from games.symbolic import Assumptions, SymbolicGame, ordering

V, C = sp.symbols("V C", positive=True)


def test_hawk_dove_mixed_equilibrium_is_v_over_c():
    """Maynard Smith (1982), *Evolution and the Theory of Games*, ch. 2: with C > V the ESS plays
    Hawk with probability V/C; with V >= C pure Hawk is the equilibrium."""
    hd = hawk_dove(V, C, symbolic=True, actions=("H", "D"))
    mixed, = hd.mixed_equilibria()
    assert sp.simplify(mixed.profile[0][0] - V / C) == 0
    assert sp.simplify(mixed.profile[1][0] - V / C) == 0
    assert mixed.condition == (C > V)
    assert hd.equilibrium_condition(["H", "H"]) == (V >= C)
    assert hd.equilibrium_condition(["D", "D"]) is sp.false
    # the mixed payoff is V/2 (1 - V/C): by hand, the value of Dove against the mix
    assert sp.simplify(mixed.payoffs[0] - V / 2 * (1 - V / C)) == 0


def test_matching_pennies_half_half_for_any_stake():
    """Matching pennies: the unique equilibrium mixes 1/2-1/2 (von Neumann & Morgenstern 1944)."""
    eqs = matching_pennies(symbolic=True, actions=("H", "T")).equilibria()
    assert len(eqs) == 1
    assert eqs[0].profile == ((sp.Rational(1, 2),) * 2,) * 2
    assert eqs[0].condition is sp.true


def test_battle_of_the_sexes_closed_form():
    """Battle of the sexes with payoffs a > b > 0 (by hand): two pure equilibria and the mixed one in
    which the row player plays X with probability a/(a+b) (making the column player indifferent)."""
    bos = battle_of_the_sexes(symbolic=True, actions=("X", "Y"))
    a, b = sp.symbols("a b")
    names = [eq.name for eq in bos.equilibria()]
    assert names == ["(X, X)", "(Y, Y)", "(mix(X,Y), mix(X,Y))"]
    mixed = bos.equilibria()[2]
    assert sp.simplify(mixed.profile[0][0] - a / (a + b)) == 0
    assert sp.simplify(mixed.profile[1][0] - b / (a + b)) == 0
    assert all(eq.condition is sp.true for eq in bos.equilibria())


def test_prisoners_dilemma_conditions():
    """With T > R > P > S mutual defection is the only equilibrium; without the ordering, mutual
    cooperation is one exactly when R >= T (by hand: the only deviation from (C, C) pays T)."""
    pd = prisoners_dilemma(iterated=False, symbolic=True)
    conds = pd.pure_conditions()
    assert conds == {("C", "C"): sp.false, ("C", "D"): sp.false, ("D", "C"): sp.false, ("D", "D"): sp.true}
    T, R, P, S = sp.symbols("T R P S")
    free = SymbolicGame.symmetric([[R, S], [T, P]], actions=[["C", "D"], ["C", "D"]])   # no ordering assumed
    assert free.equilibrium_condition(["C", "C"]) == (R >= T)
    assert free.equilibrium_condition(["D", "D"]) == (P >= S)
    mixed = [eq for eq in free.equilibria() if not eq.is_pure][0]
    # both probabilities positive: the two incentives have the same sign (P - S and R - T)
    expected = sp.Or(sp.And(P > S, R > T), sp.And(S > P, T > R))
    assert sp.simplify_logic(sp.Equivalent(mixed.condition, expected)) is sp.true


def test_grim_trigger_threshold_on_symbolic_stage_game():
    """Friedman (1971): grim trigger sustains cooperation iff delta >= (T - R)/(T - P)."""
    from games.repeated import GRIM, critical_discount

    T, R, P, S = sp.symbols("T R P S")
    pd = prisoners_dilemma(iterated=False, symbolic=True)
    delta = critical_discount(pd.payoffs, GRIM, GRIM, at={T: 5, R: 3, P: 1, S: 0})
    assert sp.simplify(delta - (T - R) / (T - P)) == 0


def test_volunteers_dilemma_three_players():
    """Diekmann (1985), J. Conflict Resolution 29(4), eq. for the symmetric equilibrium:
    each of n volunteers with p = 1 - (c/b)^(1/(n-1)); here n = 3."""
    b, c = sp.symbols("b c", positive=True)
    arr = np.empty((2, 2, 2, 3), dtype=object)
    for idx in np.ndindex(2, 2, 2):
        arr[idx] = [b - c if idx[i] == 0 else (b if 0 in idx else 0) for i in range(3)]
    game = SymbolicGame(arr, assumptions=[b > c], actions=[["V", "N"]] * 3)
    eqs = game.support_equilibria([[0, 1]] * 3)
    eq, = [e for e in eqs if len({s[0] for s in e.profile}) == 1 and e.condition is not sp.false]
    assert sp.simplify(eq.profile[0][0] - (1 - sp.sqrt(c / b))) == 0
    assert eq.holds({b: 4, c: 1})
    assert eq.evaluate({b: 4, c: 1})[0] == [Fraction(1, 2), Fraction(1, 2)]


def test_regions_one_parameter_exact_break_point():
    """Hawk-dove with V = 3: pure Hawk for C < 3, the two asymmetric pure and the mixed equilibrium
    for C > 3 (by hand from the conditions above)."""
    rm = hawk_dove(V, C, symbolic=True, actions=("H", "D")).regions((C, 1, 6), fixed={V: 3}, resolution=51)
    assert [(lo, hi) for lo, hi, _ in rm.intervals] == [(1, 3), (3, 6)]
    assert rm.intervals[0][2] == ("(H, H)",)
    assert set(rm.intervals[1][2]) == {"(H, D)", "(D, H)", "(mix(H,D), mix(H,D))"}
    assert rm.checked >= 2


def test_regions_two_parameters_match_pointwise_conditions():
    """Stag hunt [[r, 0], [s, 1]]: (Stag, Stag) and the mixed equilibrium exist iff r > s (by hand);
    every grid point's region must say so."""
    r, s = sp.symbols("r s")
    sh = SymbolicGame.symmetric([[r, 0], [s, 1]], actions=[["Stag", "Hare"]] * 2)
    rm = sh.regions((s, -1, 2), (r, 0, 3), resolution=41)
    xx, yy = np.meshgrid(*rm.grids)
    three = np.array([len(rm.structures[k]) == 3 for k in rm.labels.ravel()]).reshape(rm.labels.shape)
    off = ~np.isclose(xx, yy)
    assert np.array_equal(three[off], (yy > xx)[off])
    frame = rm.to_frame()
    assert len(frame) == 41 * 41 and {"s", "r", "region", "equilibria"} <= set(frame.columns)


def test_regions_plot_runs():
    import matplotlib

    matplotlib.use("Agg")
    r, s = sp.symbols("r s")
    sh = SymbolicGame.symmetric([[r, 0], [s, 1]])
    ax = sh.regions((s, -1, 2), (r, 0, 3), resolution=21).plot()
    assert ax.get_xlabel() == "$s$"


# ---------------------------------------------------------------------------- symbolic vs numeric
a1, a2, a3 = sp.symbols("a1 a2 a3")
FAMILY = SymbolicGame.from_bimatrix([[a1, 2], [a2, a3]], [[1, a2], [a3 - 1, a1]])
FAMILY_EQS = FAMILY.equilibria()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.fractions(min_value=-5, max_value=5, max_denominator=4), min_size=3, max_size=3))
def test_symbolic_equilibria_agree_with_numeric_solver(values):
    """At random rational parameters, the symbolic candidates whose condition holds are exactly the
    equilibria found by exact vertex enumeration (non-degenerate points only)."""
    point = dict(zip((a1, a2, a3), values))
    game = FAMILY.subs(point)
    if game.is_degenerate():
        return
    numeric = games.equilibria(game, exact=True)
    symbolic = [eq for eq in FAMILY_EQS if eq.holds(point)]
    assert len(numeric) == len(symbolic)
    for eq in symbolic:
        prof = eq.evaluate(point)
        assert any(all(list(map(Fraction, p)) == list(q) for p, q in zip(prof, num.profile)) for num in numeric)


HD = hawk_dove(V, C, symbolic=True, actions=("H", "D"))
HD_PAYOFFS = HD.lambdify()
HD_MIXED = HD.mixed_equilibria()[0].lambdify()


@settings(max_examples=30, deadline=None)
@given(st.floats(0.1, 10), st.floats(0.1, 10))
def test_lambdify_agrees_with_subs(v, c):
    grid = HD_PAYOFFS(C=np.array([c, 2 * c]), V=v)
    assert grid.shape == (2, 2, 2, 2)
    assert np.allclose(grid[0], HD.subs({V: v, C: c}).payoffs)
    valid, prof = HD_MIXED(C=c, V=v)
    assert bool(valid) == (c > v)
    assert np.isclose(prof[0][0], v / c)


def test_subs_is_exact_for_rationals():
    g = hawk_dove(V, C, symbolic=True, actions=("H", "D")).subs(V=2, C=Fraction(9, 2))
    assert g.has_exact_payoffs
    assert g.exact_payoffs[0, 0, 0] == Fraction(-5, 4)


def test_latex_output():
    hd = hawk_dove(V, C, symbolic=True, actions=("H", "D"))
    assert r"\frac{V}{2}" in hd.latex() and hd._repr_latex_().startswith("$$")
    mixed = hd.mixed_equilibria()[0]
    assert r"\frac{V}{C}" in mixed.latex() and "C > V" in mixed.latex()
    assert Assumptions(ordering(*sp.symbols("T R P")), sp.symbols("T R P")).latex() == r"T > R,\ R > P"


# ---------------------------------------------------------------------------- bad input
def test_bad_assumptions_are_refused():
    x, y, z = sp.symbols("x y z")
    with pytest.raises(ValueError, match="contradictory"):
        SymbolicGame.from_bimatrix([[x, y]], assumptions=[x > y, y > x])
    with pytest.raises(ValueError, match="not a parameter"):
        SymbolicGame.from_bimatrix([[x, y]], assumptions=[z > 0])
    with pytest.raises(ValueError, match="only inequalities"):
        SymbolicGame.from_bimatrix([[x, y]], assumptions=[sp.Eq(x, y)])
    with pytest.raises(TypeError, match="sympy inequality"):
        SymbolicGame.from_bimatrix([[x, y]], assumptions=[x + y])
    with pytest.raises(ValueError, match="always true"):
        SymbolicGame.from_bimatrix([[x, y]], assumptions=[sp.Integer(2) > 1])
    with pytest.raises(TypeError, match="sympy.symbols"):
        SymbolicGame.from_bimatrix([["x", 1]])


def test_bad_values_and_sizes_are_refused():
    hd = hawk_dove(V, C, symbolic=True, actions=("H", "D"))
    with pytest.raises(ValueError, match="missing C"):
        hd.subs(V=1)
    with pytest.raises(ValueError, match="not a parameter"):
        hd.subs(V=1, C=2, W=3)
    pd = prisoners_dilemma(iterated=False, symbolic=True)
    with pytest.raises(ValueError, match="violate the assumptions"):
        pd.subs(T=1, R=2, P=0, S=-1)
    big = SymbolicGame.from_bimatrix(sp.Matrix(6, 6, lambda i, j: sp.Symbol(f"u{i}{j}")))
    with pytest.raises(ValueError, match="games.equilibria"):
        big.equilibria()
    with pytest.raises(ValueError, match="resolution"):
        hd.regions((C, 1, 2), fixed={V: 1}, resolution=1)
    with pytest.raises(ValueError, match="not a parameter"):
        hd.regions(("W", 1, 2), fixed={V: 1})


# ---------------------------------------------------------------------------- adversarial inputs
# infinities, complex payoffs, nonlinear assumptions, parameters in denominators, games too large to solve
# symbolically, and region maps over odd slices

a, b = sp.symbols("a b")


@pytest.mark.parametrize("bad", [a + sp.oo, sp.I * a, a * sp.zoo])
def test_non_finite_or_complex_payoff_expressions_are_refused(bad):
    with pytest.raises(ValueError, match="finite real expression"):
        SymbolicGame.from_bimatrix([[bad, 0], [0, 1]])


def test_assumption_with_infinity_is_refused_with_its_index():
    with pytest.raises(ValueError, match=r"assumptions\[0\].*finite"):
        SymbolicGame.from_bimatrix([[a, 0], [0, 1]], assumptions=[a < sp.oo])


def test_a_negated_square_factor_does_not_recurse_forever():
    """Deciding the sign of -(a + 1)**2 used to call sign() on the factors, which negated and
    re-factored the same product forever (RecursionError on a 2x2x2 game)."""
    x = Assumptions([], [a, b])
    assert x.decide(-(a + 1) ** 2 * (b - 1), True) is None
    assert Assumptions([a > 0], [a]).decide(-(a + 1) ** 2 * a, True) is False


def test_three_player_game_with_square_terms_solves():
    """A 2x2x2 coordination game (all players paid alike): the pure profiles (0,0,0) with payoff a and
    (1,1,1) with payoff b are equilibria exactly when a >= 0, resp. b >= 1 (deviating from (1,1,1)
    to 0 gives 1)."""
    pay = np.empty((2, 2, 2, 3), dtype=object)
    table = {(0, 0, 0): a, (0, 0, 1): 0, (0, 1, 0): 0, (0, 1, 1): 1,
             (1, 0, 0): 0, (1, 0, 1): 1, (1, 1, 0): 1, (1, 1, 1): b}
    for k, v in table.items():
        pay[k] = [v] * 3
    eqs = SymbolicGame(pay).pure_equilibria()
    conds = {tuple(int(np.argmax(p)) for p in eq.profile): eq.condition for eq in eqs}
    assert conds[(0, 0, 0)] == (a >= 0)
    assert conds[(1, 1, 1)] == (b >= 1)


def test_nonlinear_assumption_does_not_disable_linear_reasoning():
    """With a*b > 1 besides a < 0 and b > 0 (contradictory, but nonlinear), the linear part alone
    still decides a >= 0 to be false: (a1, b1) of the zero-sum game [[a, 0], [0, b]] needs a >= 0 and
    -a >= 0, so it must not be listed."""
    g = SymbolicGame.from_bimatrix([[a, 0], [0, b]], assumptions=[a * b > 1, a < 0, b > 0])
    names = [eq.name for eq in g.equilibria()]
    assert "(a1, b1)" not in names and "(a2, b1)" in names


def test_large_symbolic_game_is_refused_quickly():
    m = sp.Matrix(4, 4, lambda i, j: sp.Symbol(f"x{i}{j}"))
    with pytest.raises(ValueError, match="games.equilibria"):
        SymbolicGame.from_bimatrix(m).equilibria()


def test_condition_is_not_evaluated_outside_the_assumptions():
    """hawk_dove's symbols are positive; (H, H) needs V >= C. At V = -1, C = -3 the raw condition
    holds, but the point violates the assumptions, so holds() must refuse rather than answer."""
    eq = hawk_dove(symbolic=True, actions=("H", "D")).equilibria()[0]
    assert eq.holds({"V": 3, "C": 1}) is True
    with pytest.raises(ValueError, match="assumptions"):
        eq.holds({"V": -1, "C": -3})


def test_regions_refuse_fixed_values_that_violate_assumptions():
    with pytest.raises(ValueError, match="violate the assumptions V > 0"):
        hawk_dove(symbolic=True, actions=("H", "D")).regions(("C", 1, 4), fixed={"V": -2})


def test_regions_refuse_a_slice_outside_the_assumptions():
    with pytest.raises(ValueError, match="no grid point"):
        hawk_dove(symbolic=True, actions=("H", "D")).regions(("C", -4, -1), fixed={"V": 2})


def test_regions_bounds_must_be_numbers():
    with pytest.raises(TypeError, match="numeric bounds"):
        hawk_dove(symbolic=True, actions=("H", "D")).regions(("C", "low", 1), fixed={"V": 2})


def test_regions_with_a_parameter_in_a_denominator_skip_the_pole():
    """Row pays 1/a on (a1, b1), column pays 1/a on (a2, b2), else coordination payoffs 1 and 0.
    By hand: for a < 0 only (a2, b1) is an equilibrium (both would leave the 1/a cell); for a > 0
    (a1, b1), (a2, b2) and the mixed equilibrium with q = a/(a+1) are. At a = 0 the game is
    undefined: the grid point is outside every region and the check never solves it."""
    g = SymbolicGame.from_bimatrix([[1 / a, 0], [0, 1]], [[1, 0], [0, 1 / a]])
    rm = g.regions((a, -2, 2), resolution=5)          # grid -2, -1, 0, 1, 2 contains the pole
    assert rm.labels.tolist()[2] == -1
    assert [(lo, hi, names) for lo, hi, names in rm.intervals] == [
        (-2, 0, ("(a2, b1)",)), (0, 2, ("(a1, b1)", "(a2, b2)", "(mix(a1,a2), mix(b1,b2))"))]


def test_regions_over_a_declared_parameter_that_does_not_appear():
    """Matching-pennies-like zero-sum game [[a, 0], [0, 1]] at a = 2: the only equilibrium is mixed,
    and a parameter b that is not in the payoffs cannot change it."""
    g = SymbolicGame.from_bimatrix([[a, 0], [0, 1]], parameters=[a, b])
    rm = g.regions((b, 0, 1), fixed={a: 2}, resolution=5)
    assert rm.intervals == [(0, 1, ("(mix(a1,a2), mix(b1,b2))",))]
    assert rm.checked == 1


def test_regret_and_is_nash_as_expressions_by_hand():
    # Hawk-dove, row hawk and column dove: the row player gets V (dove would give V/2: no gain); the column
    # player gets 0 and would get (V - C)/2 as a hawk, so the regret is max(0, (V - C)/2).
    from games.catalog import hawk_dove

    g = hawk_dove(V, C, symbolic=True)
    r = g.regret([[1, 0], [0, 1]])
    assert r.subs({V: 4, C: 2}) == 1 and r.subs({V: 2, C: 4}) == 0
    assert g.is_nash([[1, 0], [0, 1]]) == (C >= V)
    # the mixed equilibrium (hawk with V/C) leaves everyone indifferent: regret identically 0
    assert sp.simplify(g.regret([[V / C, 1 - V / C], [V / C, 1 - V / C]])) == 0
