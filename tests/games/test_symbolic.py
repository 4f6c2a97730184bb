"""Symbolic games: closed forms from the literature, and agreement with the numeric solvers."""

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import games
from games.symbolic import (
    Assumptions,
    SymbolicGame,
    battle_of_the_sexes,
    hawk_dove,
    matching_pennies,
    ordering,
    prisoners_dilemma,
)

V, C = sp.symbols("V C", positive=True)


def test_hawk_dove_mixed_equilibrium_is_v_over_c():
    """Maynard Smith (1982), *Evolution and the Theory of Games*, ch. 2: with C > V the ESS plays
    Hawk with probability V/C; with V >= C pure Hawk is the equilibrium."""
    hd = hawk_dove(V, C)
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
    eqs = matching_pennies().equilibria()
    assert len(eqs) == 1
    assert eqs[0].profile == ((sp.Rational(1, 2),) * 2,) * 2
    assert eqs[0].condition is sp.true


def test_battle_of_the_sexes_closed_form():
    """Battle of the sexes with payoffs a > b > 0 (by hand): two pure equilibria and the mixed one in
    which the row player plays X with probability a/(a+b) (making the column player indifferent)."""
    bos = battle_of_the_sexes()
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
    pd = prisoners_dilemma()
    conds = pd.pure_conditions()
    assert conds == {("C", "C"): sp.false, ("C", "D"): sp.false, ("D", "C"): sp.false, ("D", "D"): sp.true}
    free = prisoners_dilemma(assume_order=False)
    T, R, P, S = sp.symbols("T R P S")
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
    pd = prisoners_dilemma()
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
    rm = hawk_dove(V, C).regions((C, 1, 6), fixed={V: 3}, resolution=51)
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


HD = hawk_dove(V, C)
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
    g = hawk_dove(V, C).subs(V=2, C=Fraction(9, 2))
    assert g.has_exact_payoffs
    assert g.exact_payoffs[0, 0, 0] == Fraction(-5, 4)


def test_latex_output():
    hd = hawk_dove(V, C)
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
    hd = hawk_dove(V, C)
    with pytest.raises(ValueError, match="missing C"):
        hd.subs(V=1)
    with pytest.raises(ValueError, match="not a parameter"):
        hd.subs(V=1, C=2, W=3)
    pd = prisoners_dilemma()
    with pytest.raises(ValueError, match="violate the assumptions"):
        pd.subs(T=1, R=2, P=0, S=-1)
    big = SymbolicGame.from_bimatrix(sp.Matrix(6, 6, lambda i, j: sp.Symbol(f"u{i}{j}")))
    with pytest.raises(ValueError, match="games.equilibria"):
        big.equilibria()
    with pytest.raises(ValueError, match="resolution"):
        hd.regions((C, 1, 2), fixed={V: 1}, resolution=1)
    with pytest.raises(ValueError, match="not a parameter"):
        hd.regions(("W", 1, 2), fixed={V: 1})
