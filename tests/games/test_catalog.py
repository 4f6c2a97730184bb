"""The catalogue of classic games: every builder, numeric and symbolic, against hand-derived facts."""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import pytest
import sympy as sp

from games import NormalFormGame
from games.catalog import (
    CATALOG,
    battle_of_the_sexes,
    chicken,
    hawk_dove,
    prisoners_dilemma,
    rock_paper_scissors,
    stag_hunt,
)
from games.symbolic import SymbolicGame

# Default parameters and payoffs written out by hand from each docstring's definition (row player's
# matrix A; every default game is symmetric or listed with the column player's B).
HAND = {
    "prisoners_dilemma": ({"T": 5, "R": 3, "P": 1, "S": 0}, [[3, 0], [5, 1]], None),
    "donation_game": ({"b": 3, "c": 1}, [[2, -1], [3, 0]], None),
    "chicken": ({"T": 4, "R": 3, "S": 1, "P": 0}, [[3, 1], [4, 0]], None),
    "stag_hunt": ({"R": 4, "T": 3, "P": 2, "S": 0}, [[4, 0], [3, 2]], None),
    "deadlock": ({"T": 3, "P": 2, "R": 1, "S": 0}, [[1, 0], [3, 2]], None),
    "harmony": ({"R": 3, "T": 2, "S": 1, "P": 0}, [[3, 1], [2, 0]], None),
    "hawk_dove": ({"V": 2, "C": 4}, [[-1, 2], [0, 1]], None),
    "matching_pennies": ({"a": 1}, [[1, -1], [-1, 1]], [[-1, 1], [1, -1]]),
    "battle_of_the_sexes": ({"a": 2, "b": 1}, [[2, 0], [0, 1]], [[1, 0], [0, 2]]),
    "coordination": ({"a": 2, "b": 1}, [[2, 0], [0, 1]], [[2, 0], [0, 1]]),
    "rock_paper_scissors": ({"a": 1, "b": 1}, [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], None),
}

# Pure equilibria derived by hand from the matrices above (best responses cell by cell).
PURE = {
    "prisoners_dilemma": {(1, 1)},
    "donation_game": {(1, 1)},
    "chicken": {(0, 1), (1, 0)},
    "stag_hunt": {(0, 0), (1, 1)},
    "deadlock": {(1, 1)},
    "harmony": {(0, 0)},
    "hawk_dove": {(0, 1), (1, 0)},
    "matching_pennies": set(),
    "battle_of_the_sexes": {(0, 0), (1, 1)},
    "coordination": {(0, 0), (1, 1)},
    "rock_paper_scissors": set(),
}

# One violation of each game's ordering, and the argument the error must name.
VIOLATIONS = {
    "prisoners_dilemma": ({"T": 3, "R": 4}, "T > R"),
    "donation_game": ({"b": 1, "c": 2}, "b > c"),
    "chicken": ({"S": 0, "P": 1}, "S > P"),
    "stag_hunt": ({"T": 1, "P": 2}, "T >= P"),
    "deadlock": ({"R": 3}, "P > R"),
    "harmony": ({"R": 1}, "R > T"),
    "hawk_dove": ({"C": -1}, "C > 0"),
    "matching_pennies": ({"a": 0}, "a > 0"),
    "battle_of_the_sexes": ({"b": 0}, "b > 0"),
    "coordination": ({"a": -2}, "a > 0"),
    "rock_paper_scissors": ({"a": 0}, "a > 0"),
}

SECURITY_WORDS = ("state", "restrain", "arm", "attack", "war")


def test_the_catalogue_lists_every_builder_once():
    assert set(CATALOG) == set(HAND) == set(PURE) == set(VIOLATIONS)
    assert all(CATALOG[name].__name__ == name for name in CATALOG)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_default_game_is_the_hand_written_one(name):
    params, A, B = HAND[name]
    g = CATALOG[name]()
    assert isinstance(g, NormalFormGame) and g.num_players == 2
    assert g.players == ("Row", "Column")
    labels = " ".join(a for acts in g.actions for a in acts).lower()
    assert not any(w in labels.split() for w in SECURITY_WORDS)
    B = B if B is not None else [list(col) for col in zip(*A)]
    assert g.has_exact_payoffs
    assert g.exact_payoffs[..., 0].tolist() == [[F(v) for v in row] for row in A]
    assert g.exact_payoffs[..., 1].tolist() == [[F(v) for v in row] for row in B]
    # the same game from explicit parameters
    assert CATALOG[name](**params) == g


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_pure_equilibria_are_the_hand_derived_ones(name):
    g = CATALOG[name]()
    n1, n2 = g.shape
    found = {(i, j) for i in range(n1) for j in range(n2)
             if g.is_nash([[int(k == i) for k in range(n1)], [int(k == j) for k in range(n2)]])}
    assert found == PURE[name]


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_symbolic_game_substitutes_back_to_the_numeric_one(name):
    params, _, _ = HAND[name]
    sym = CATALOG[name](symbolic=True)
    assert isinstance(sym, SymbolicGame)
    assert sorted(p.name for p in sym.parameters) == sorted(params)
    num = CATALOG[name]()
    assert sym.actions == num.actions and sym.players == num.players and sym.shape == num.shape
    back = sym.subs({p: params[p.name] for p in sym.parameters})
    assert back.exact_payoffs.tolist() == num.exact_payoffs.tolist()


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_ordering_violations_name_the_argument(name):
    bad, condition = VIOLATIONS[name]
    with pytest.raises(ValueError, match=f"{name} needs {condition}; got") as info:
        CATALOG[name](**bad)
    for arg in bad:
        assert f"{arg}={bad[arg]}" in str(info.value)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_labels_can_be_the_callers_own(name):
    n = CATALOG[name]().shape[0]
    own = tuple(f"x{k}" for k in range(n))
    g = CATALOG[name](players=("Us", "Them"), actions=own)
    assert g.players == ("Us", "Them") and g.actions == (own, own)
    with pytest.raises(ValueError, match="labels"):
        CATALOG[name](actions=own[:-1])


def test_prisoners_dilemma_conditions():
    """Axelrod (1984): T > R > P > S and 2R > T + S; iterated=False drops the second."""
    with pytest.raises(ValueError, match=r"needs 2\*R > T \+ S; got T=7, R=3, S=0"):
        prisoners_dilemma(7, 3, 1, 0)
    assert prisoners_dilemma(7, 3, 1, 0, iterated=False).payoffs[1, 0].tolist() == [7.0, 0.0]
    with pytest.raises(ValueError, match="needs R > P; got R=3, P=3"):
        prisoners_dilemma(5, 3, 3, 0, iterated=False)
    with pytest.raises(TypeError, match="iterated must be True or False"):
        prisoners_dilemma(iterated="yes")


def test_symbolic_parameters_mix_with_numbers_and_keep_the_ordering_as_assumptions():
    T = sp.Symbol("T")
    pd = prisoners_dilemma(T, 3, 1, 0)       # a symbol makes the game symbolic
    assert isinstance(pd, SymbolicGame) and pd.parameters == (T,)
    # T > 3 (from T > R) and 6 > T (from 2R > T + S): (D, D) is the only pure equilibrium
    assert pd.pure_conditions() == {("C", "C"): sp.false, ("C", "D"): sp.false, ("D", "C"): sp.false,
                                    ("D", "D"): sp.true}
    with pytest.raises(ValueError, match="needs R > P; got R=3, P=4"):
        prisoners_dilemma(T, 3, 4, 0)
    with pytest.raises(TypeError, match="symbolic=False"):
        prisoners_dilemma(T, 3, 1, 0, symbolic=False)
    numeric_symbolic = prisoners_dilemma(5, 3, 1, 0, symbolic=True)
    assert isinstance(numeric_symbolic, SymbolicGame) and numeric_symbolic.parameters == ()


def test_mixed_equilibria_from_closed_forms():
    """Chicken mixes Swerve with (S - P)/(S - P + T - R); hawk-dove plays Hawk with V/C; the battle of
    the sexes sends each to its favourite with a/(a + b); rock-paper-scissors is uniform."""
    T, R, S, P = 6, 4, 1, 0
    p = F(S - P, S - P + T - R)
    assert chicken(T, R, S, P).is_nash([[p, 1 - p], [p, 1 - p]])
    assert not chicken(T, R, S, P).is_nash([[F(1, 2), F(1, 2)]] * 2)
    assert hawk_dove(3, 5).is_nash([[F(3, 5), F(2, 5)]] * 2)
    a, b = 3, 1
    assert battle_of_the_sexes(a, b).is_nash([[F(a, a + b), F(b, a + b)], [F(b, a + b), F(a, a + b)]])
    assert rock_paper_scissors(2, 1).is_nash([[F(1, 3)] * 3] * 2)
    V, C = sp.symbols("V C", positive=True)
    mixed = hawk_dove(V, C).support_equilibria([[0, 1], [0, 1]])[0]
    assert sp.simplify(mixed.profile[0][0] - V / C) == 0


def test_exact_and_float_parameters():
    assert hawk_dove(3, 5).exact_payoffs[0, 0].tolist() == [F(-1), F(-1)]
    assert hawk_dove(3, 6).exact_payoffs[1, 1].tolist() == [F(3, 2), F(3, 2)]
    g = stag_hunt(4.5, 3, 2, 0)
    assert g.payoffs[0, 0].tolist() == [4.5, 4.5]
    with pytest.raises(TypeError, match="R must be a number"):
        stag_hunt("4")


def test_deprecated_aliases_warn_and_build_the_catalogue_game():
    import games.repeated as rep
    import games.symbolic as sym

    with pytest.warns(DeprecationWarning, match="games.catalog.prisoners_dilemma"):
        old = rep.prisoners_dilemma()
    assert old == prisoners_dilemma()
    with pytest.warns(DeprecationWarning, match="games.catalog.stag_hunt"):
        assert rep.stag_hunt() == stag_hunt()
    with pytest.warns(DeprecationWarning, match="games.catalog.donation_game"):
        assert rep.donation_game(3, 1).exact_payoffs.tolist() == CATALOG["donation_game"]().exact_payoffs.tolist()
    with pytest.warns(DeprecationWarning, match="games.catalog.hawk_dove"):
        hd = sym.hawk_dove()
    assert hd.actions == (("H", "D"), ("H", "D"))
    with pytest.warns(DeprecationWarning):
        free = sym.prisoners_dilemma(assume_order=False)
    R, T = sp.symbols("R T")
    assert free.equilibrium_condition(["C", "C"]) == (R >= T)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        prisoners_dilemma(symbolic=True)   # the catalogue itself never warns
