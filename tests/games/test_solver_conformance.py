"""One conformance test for every registered equilibrium method (and every game type of the engine).

A method registered with :func:`games.solvers.registry.register_solver` is checked here the day it is added:
it runs through :func:`games.equilibria` on sample games of its type, returns an ``EquilibriumSet``, and every
equilibrium it reports is a Nash equilibrium of the game's normal form, checked by the normal form's own
regret (an independent computation, not the solver's verification). A new game type needs a sample below.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

import games
from games.anonymous import AnonymousGame
from games.bayesian import BayesianGame
from games.catalog_trees import crisis_bargaining
from games.equilibrium import Equilibrium, EquilibriumSet
from games.extensive import Decision, GameTree, Terminal
from games.imperfect import ExtensiveGame
from games.protocol import Game, is_game
from games.solvers.registry import FINDS, SOLVERS, SolverSpec, load_solvers
from games.symbolic import SymbolicGame
from games.threshold import ThresholdGame

load_solvers(every=True)

V, C = sp.symbols("V C", positive=True)


def _entry_deterrence() -> GameTree:
    fight = Decision(1, {"fight": Terminal((-1, -1)), "share": Terminal((1, 1))}, name="incumbent")
    return GameTree(Decision(0, {"out": Terminal((0, 2)), "in": fight}, name="entrant"), players=2)


#: Small games of each type: (game, parameter values for symbolic games).
SAMPLES = {
    games.NormalFormGame: [
        games.NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]]),          # prisoner's dilemma
        games.NormalFormGame.from_bimatrix([[-1, 4], [0, 2]], [[-1, 0], [4, 2]]),        # hawk-dove, 3 equilibria
        games.NormalFormGame.from_bimatrix([[1, -1], [-1, 1]]),                          # matching pennies
        games.NormalFormGame.from_bimatrix([[1, 1], [0, 0]], [[1, 1], [0, 0]]),          # degenerate
        games.NormalFormGame.from_bimatrix([[0, 1, -1], [-1, 0, 1], [1, -1, 0]]),        # rock-paper-scissors
        games.NormalFormGame.from_payoff_function(lambda *a: [float(a[0] == a[1] == a[2])] * 3, [2, 2, 2]),
    ],
    AnonymousGame: [
        AnonymousGame.from_function(4, ["wait", "volunteer"], lambda a, c: 2.0 * (a + c[1] >= 1) - a),
        AnonymousGame.from_function(3, 3, lambda a, c: float(c[a]) - 0.5 * a),
    ],
    ThresholdGame: [
        ThresholdGame([5, 3, 2], costs=[1, 1, 1], values=[4, 4, 0.5], requirement=6),
        ThresholdGame([2, 2, 2, 2], costs=[1, 1, 1, 1], values=[3, 3, 3, 3], requirement=4),
    ],
    GameTree: [_entry_deterrence()],
    BayesianGame: [
        BayesianGame(np.array([[[[[2, 1], [0, 0]], [[0, 0], [1, 2]]],                 # BoS, player 2 meets
                                [[[2, 0], [0, 2]], [[0, 1], [1, 0]]]]]), [[0.5, 0.5]]),  # or avoids
    ],
    ExtensiveGame: [crisis_bargaining()],
    SymbolicGame: [
        SymbolicGame.from_bimatrix([[(V - C) / 2, V], [0, V / 2]], [[(V - C) / 2, 0], [V, V / 2]]),
    ],
}

#: Parameter points at which symbolic equilibria are checked numerically.
POINTS = [{V: Fraction(2), C: Fraction(3)}, {V: Fraction(4), C: Fraction(1)}]

CASES = [(spec, k) for spec in SOLVERS.values() if spec.game_type.__module__.startswith("games.")
         for k in range(len(SAMPLES.get(spec.game_type, [None])))]


def _id(case: tuple[SolverSpec, int]) -> str:
    spec, k = case
    return f"{spec.game_type.__name__}-{spec.name}-{k}"


def test_every_game_type_with_methods_has_samples_and_follows_the_protocol():
    types = {t for t, _ in SOLVERS if t.__module__.startswith("games.")}
    missing = sorted(t.__name__ for t in types if t not in SAMPLES)
    assert not missing, f"add sample games for {missing} to SAMPLES"
    for samples in SAMPLES.values():
        for game in samples:
            assert is_game(game) and isinstance(game, Game)
            assert isinstance(game.num_players, int) and len(game.players) == game.num_players
            assert len(game.actions) == game.num_players
            assert all(len(a) >= 1 and len(set(a)) == len(a) for a in game.actions)


def test_registered_specs_are_well_formed():
    for spec in SOLVERS.values():
        assert spec.finds in FINDS and spec.summary, spec.name
        assert spec.name == spec.name.strip().lower() and "_" not in spec.name and " " not in spec.name
        assert spec.players[0] >= 1 and (spec.players[1] is None or spec.players[1] >= spec.players[0])
        assert spec.name in games.methods(spec.game_type)


def _normal_form(game, point):
    return game.subs(point) if isinstance(game, SymbolicGame) else game.to_normal_form()


def _float_profile(eq, point) -> list[np.ndarray]:
    if point is None:
        return [np.asarray(v, dtype=float) for v in eq.profile]
    return [np.array([float(sp.sympify(p).subs(point)) for p in v]) for v in eq.profile]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_method_conforms(case):
    spec, k = case
    game = SAMPLES[spec.game_type][k]
    if not spec.handles(game.num_players):
        with pytest.raises(ValueError, match=f"method={spec.name!r} needs a game of"):
            games.equilibria(game, method=spec.name)
        return
    if spec.name == "zero-sum" and not game.is_zero_sum() and not np.ptp(game.payoffs.sum(axis=-1)) == 0:
        with pytest.raises(ValueError, match="needs a zero-sum game"):
            games.equilibria(game, method=spec.name)
        return
    eqs = games.equilibria(game, method=spec.name)
    assert isinstance(eqs, EquilibriumSet)
    assert isinstance(eqs.complete, bool) and eqs.rejected >= 0
    if spec.finds not in ("one", "all pure"):  # a game may have no pure equilibrium, never none at all
        assert len(eqs) >= 1 or not eqs.complete, "a finite game has an equilibrium: an empty set cannot be complete"
    points = POINTS if isinstance(game, SymbolicGame) else [None]
    for eq in eqs:
        assert eq.method == spec.name or spec.game_type is not games.NormalFormGame or eq.method
        assert len(eq.profile) == game.num_players
        for point in points:
            if point is not None and not eq.holds(point):
                continue
            nf = _normal_form(game, point)
            prof = _float_profile(eq, point)
            # the normal form's own regret, not the solver's verification
            assert nf.regret(prof) <= 1e-7 * nf.payoff_scale, (spec.name, eq)
    if not isinstance(game, SymbolicGame):
        for eq in eqs:
            assert isinstance(eq, Equilibrium)
            assert float(eq.regret) <= 1e-9 * float(game.payoff_scale) + 1e-12


@pytest.mark.parametrize("spec", [s for s in SOLVERS.values() if s.game_type.__module__.startswith("games.")],
                         ids=lambda s: f"{s.game_type.__name__}-{s.name}")
def test_method_refuses_what_it_cannot_do(spec):
    game = next(g for g in SAMPLES[spec.game_type] if spec.handles(g.num_players))
    with pytest.raises(TypeError, match=f"method {spec.name!r} takes"):
        games.equilibria(game, method=spec.name, no_such_option=1)
    if not spec.exact:
        with pytest.raises(ValueError, match="has no exact mode"):
            games.equilibria(game, method=spec.name, exact=True)
    if not spec.tol_zero:
        with pytest.raises(ValueError, match="tol=0"):
            games.equilibria(game, method=spec.name, tol=0)


def test_exact_methods_agree_with_float_ones_on_two_player_samples():
    for game in SAMPLES[games.NormalFormGame]:
        if game.num_players != 2:
            continue
        exact = games.equilibria(game, method="vertex", exact=True)
        floats = games.equilibria(game, method="vertex")
        assert len(exact) == len(floats)
        for e in exact:
            assert any(np.allclose(np.concatenate(e.as_float()), np.concatenate(f.as_float())) for f in floats)


def test_unknown_method_lists_the_game_types_methods():
    with pytest.raises(ValueError, match="'anonymous', 'pure' for a AnonymousGame; got 'lemke'"):
        games.equilibria(SAMPLES[AnonymousGame][0], method="lemke")


def test_normal_form_methods_run_on_other_game_types_through_their_normal_form():
    tree = _entry_deterrence()
    eqs = games.equilibria(tree, method="vertex")
    # by hand: (in, share) is subgame perfect; (out, fight) is a Nash equilibrium with an incredible threat,
    # and the entrant staying out is also supported by any mix with fight >= 1/2
    pure = {eq.pure_actions() for eq in eqs if eq.is_pure}
    assert {("in", "share"), ("out", "fight")} <= pure
    assert "normal form" in eqs.note
