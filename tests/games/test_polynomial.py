"""Every equilibrium of small N-player games (method="polynomial"): hand-derived games and pygambit's enumpoly.

The fixture tests/fixtures/oracle_enumpoly.json (made by tests/oracle/generate_enumpoly_fixtures.py) holds
seeded generic 3- and 4-player games and the equilibria pygambit 16.7 ``nash.enumpoly_solve`` found: every
one of them must be among ours (ours may hold more: enumpoly can miss some, and each of ours is verified).
"""

from __future__ import annotations

import importlib.util
import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

import games
from games import NormalFormGame
from games.solvers.polynomial import AUTO_MAX_SUPPORTS, support_count

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GENERATOR = Path(__file__).resolve().parents[1] / "oracle" / "generate_enumpoly_fixtures.py"
ENUMPOLY = json.loads((FIXTURES / "oracle_enumpoly.json").read_text())["games"]


def _game(payoffs, shape) -> NormalFormGame:
    return NormalFormGame(np.array(payoffs).reshape(tuple(shape) + (len(shape),)))


def _contains(ours, want, atol=1e-6) -> bool:
    flat = [np.concatenate(eq.as_float()) for eq in ours]
    return all(any(np.allclose(np.concatenate([np.array(v, dtype=float) for v in w]), f, atol=atol) for f in flat)
               for w in want)


def jordan() -> NormalFormGame:
    """Three-player matching pennies: 1 matches 2, 2 matches 3, 3 mismatches 1."""
    return NormalFormGame.from_payoff_function(
        lambda a, b, c: [1 if a == b else -1, 1 if b == c else -1, 1 if c != a else -1], [2, 2, 2])


def test_three_player_matching_pennies_has_one_totally_mixed_equilibrium():
    # by hand: no pure equilibrium (the cycle of best replies), and a partially mixed profile leaves some
    # player with a strict best reply that breaks another's indifference; so only (1/2, 1/2, 1/2)
    eqs = games.equilibria(jordan(), method="polynomial", exact=True)
    assert eqs.complete and len(eqs) == 1
    assert [list(v) for v in eqs[0].profile] == [[Fraction(1, 2)] * 2] * 3 and eqs[0].regret == 0


def test_irrational_equilibrium():
    # player 1: a1 pays [b = b1], a2 pays [c = c1]    -> indifferent iff y = z
    # player 2: b1 pays [a = a1], b2 pays [c = c1]    -> indifferent iff x = z
    # player 3: c1 pays 2 [a = a1 and b = b1], c2 pays 1 -> indifferent iff 2 x y = 1
    # so the totally mixed equilibrium has x = y = z = 1/sqrt(2)
    g = NormalFormGame.from_payoff_function(
        lambda a, b, c: [float(b == 0) if a == 0 else float(c == 0), float(a == 0) if b == 0 else float(c == 0),
                         2.0 * (a == 0 and b == 0) if c == 0 else 1.0], [2, 2, 2])
    eqs = games.equilibria(g, method="polynomial", exact=True)
    mixed = [eq for eq in eqs if all(0 < v[0] < 1 for v in eq.as_float())]
    assert len(mixed) == 1 and not mixed[0].exact
    assert np.allclose([v[0] for v in mixed[0].as_float()], 1 / math.sqrt(2), atol=1e-14)
    assert "irrational" in eqs.note
    # the pure equilibria (a1, b1, c1) and (a2, b2, c2) by hand, exact
    assert {eq.supports for eq in eqs if eq.is_pure} >= {((0,), (0,), (0,)), ((1,), (1,), (1,))}


def test_a_continuum_is_reported_as_incomplete():
    # player 3's payoff is always 0: with 1 and 2 coordinating, player 3 may mix in any proportion
    g = NormalFormGame.from_payoff_function(lambda a, b, c: [2.0 * (a == b), 1.0 * (a == b), 0.0], [2, 2, 2])
    eqs = games.equilibria(g, method="polynomial")
    assert not eqs.complete and "continuum" in eqs.note
    for eq in eqs:
        assert g.regret(list(eq.as_float())) <= 1e-12


def test_two_player_games_agree_with_vertex_enumeration():
    hawk_dove = NormalFormGame.from_bimatrix([[-1, 4], [0, 2]], [[-1, 0], [4, 2]])
    ours = games.equilibria(hawk_dove, method="polynomial", exact=True)
    vertex = games.equilibria(hawk_dove, method="vertex", exact=True)
    assert ours.complete
    assert sorted(tuple(map(tuple, eq.profile)) for eq in ours) == sorted(tuple(map(tuple, eq.profile))
                                                                         for eq in vertex)


def test_auto_picks_the_complete_method_for_small_games_only():
    assert support_count((2, 2, 2)) == 27 and support_count((3, 3, 3)) == 343
    eqs = games.equilibria(jordan())
    assert eqs.method == "polynomial" and len(eqs) == 1
    big = NormalFormGame(np.zeros((4, 4, 4, 3)))
    assert support_count(big.shape) > AUTO_MAX_SUPPORTS
    assert games.equilibria(big).method == "pure"


def test_too_large_games_are_refused_naming_logit():
    g = NormalFormGame(np.zeros((4, 4, 4, 4, 4)))
    with pytest.raises(ValueError, match="method='logit'"):
        games.equilibria(g, method="polynomial")
    with pytest.raises(ValueError, match="max_supports must be an integer >= 1"):
        games.equilibria(jordan(), method="polynomial", max_supports=0)


def test_fixture_is_what_the_tests_expect():
    assert len(ENUMPOLY) >= 30
    assert {len(e["shape"]) for e in ENUMPOLY} == {3, 4}
    assert sum(len(e["equilibria"]) > 1 for e in ENUMPOLY) > 5


@pytest.mark.parametrize("chunk", range(2))
def test_every_enumpoly_equilibrium_is_found(chunk):
    complete = 0
    for entry in ENUMPOLY[chunk::2]:
        game = _game(entry["payoffs"], entry["shape"])
        eqs = games.equilibria(game, method="polynomial")
        complete += eqs.complete
        assert _contains(eqs, entry["equilibria"]), entry["id"]
        assert all(eq.regret <= 1e-9 * game.payoff_scale for eq in eqs)
        # a tie can make a continuum of equilibria (a linear program confirms one): then complete is False
        assert eqs.complete or "continuum of equilibria" in eqs.note, (entry["id"], eqs.note)
    assert complete >= 12  # ties are rare with payoffs in -99..99


@pytest.mark.oracle
def test_live_against_enumpoly():
    pytest.importorskip("pygambit")
    spec = importlib.util.spec_from_file_location("generate_enumpoly_fixtures", GENERATOR)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    rng = np.random.default_rng()
    seed = int(rng.integers(2**31))
    rng = np.random.default_rng(seed)
    for k in range(4):
        shape = gen.SHAPES[k % 2]  # 2x2x2 and 3x2x2: enumpoly can take minutes on some larger degenerate games
        payoffs = gen.random_game(rng, shape)
        eqs = games.equilibria(_game(payoffs, shape), method="polynomial")
        assert _contains(eqs, gen.gambit_enumpoly(payoffs, shape)), (seed, payoffs, shape)
