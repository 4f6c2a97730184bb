"""Adversarial inputs for games.symbolic: infinities, complex payoffs, nonlinear assumptions, parameters
in denominators, games too large to solve symbolically, and region maps over odd slices."""

import numpy as np
import pytest
import sympy as sp

from games.symbolic import SymbolicGame, hawk_dove
from games.symbolic.assumptions import Assumptions

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
    eq = hawk_dove().equilibria()[0]
    assert eq.holds({"V": 3, "C": 1}) is True
    with pytest.raises(ValueError, match="assumptions"):
        eq.holds({"V": -1, "C": -3})


def test_regions_refuse_fixed_values_that_violate_assumptions():
    with pytest.raises(ValueError, match="violate the assumptions V > 0"):
        hawk_dove().regions(("C", 1, 4), fixed={"V": -2})


def test_regions_refuse_a_slice_outside_the_assumptions():
    with pytest.raises(ValueError, match="no grid point"):
        hawk_dove().regions(("C", -4, -1), fixed={"V": 2})


def test_regions_bounds_must_be_numbers():
    with pytest.raises(TypeError, match="numeric bounds"):
        hawk_dove().regions(("C", "low", 1), fixed={"V": 2})


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
