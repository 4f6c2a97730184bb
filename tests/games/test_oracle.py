"""Equilibria compared with pygambit, the reference implementation of Gambit's solvers.

The committed fixtures (tests/fixtures/oracle_*.json, made by tests/oracle/generate_fixtures.py) hold
seeded random games and the equilibria pygambit 16.7 computed for them: every extreme equilibrium of a
two-player game (``gbt.nash.enummixed_solve(game, rational=True)``, exact) and every pure equilibrium
of a 3- or 4-player game (``gbt.nash.enumpure_solve``). Our equilibria must match them as sets: every
extreme equilibrium pygambit reports is found and nothing else is. A live test compares against
pygambit on freshly drawn games where it is installed.
"""

from __future__ import annotations

import importlib.util
import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

import games
from games import NormalFormGame

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GENERATOR = Path(__file__).resolve().parents[1] / "oracle" / "generate_fixtures.py"


def _load(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text())["games"]


TWO_PLAYER = _load("oracle_two_player.json")
N_PLAYER = _load("oracle_n_player.json")


def build(entry: dict) -> NormalFormGame:
    """Integers stay exact; decimal strings become floats, as a user would type them."""
    values = [v if isinstance(v, int) else float(v) for v in entry["payoffs"]]
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    shape = tuple(entry["shape"])
    return NormalFormGame(arr.reshape(shape + (len(shape),)))


def exact_set(equilibria) -> set[tuple]:
    return {tuple(tuple(Fraction(p) for p in v) for v in prof) for prof in equilibria}


def float_keys(profiles, decimals: int = 6) -> list:
    return sorted(tuple(np.round(np.concatenate([np.asarray(v, dtype=float) for v in prof]), decimals))
                  for prof in profiles)


def ours_exact(eqs) -> set[tuple]:
    """Our equilibria as a set of exact profiles (float 0/1 of pure equilibria convert exactly)."""
    return {tuple(tuple(Fraction(p) for p in v) for v in eq.profile) for eq in eqs}


def test_fixtures_are_what_the_tests_expect():
    assert len(TWO_PLAYER) >= 300 and len(N_PLAYER) >= 100
    assert {tuple(g["shape"]) for g in TWO_PLAYER} >= {(2, 2), (6, 6), (3, 5)}
    assert sum(len(g["equilibria"]) > 1 for g in TWO_PLAYER) > 50
    assert {len(g["shape"]) for g in N_PLAYER} == {3, 4}
    assert sum((FIXTURES / n).stat().st_size for n in ("oracle_two_player.json", "oracle_n_player.json")) < 2e6


@pytest.mark.parametrize("chunk", range(4))
def test_two_player_exact_matches_enummixed(chunk):
    for entry in TWO_PLAYER[chunk::4]:
        eqs = games.equilibria(build(entry), exact=True)
        assert eqs.complete and all(eq.exact and eq.regret == 0 for eq in eqs)
        assert ours_exact(eqs) == exact_set(entry["equilibria"]), entry["id"]


@pytest.mark.parametrize("chunk", range(4))
def test_two_player_float_matches_enummixed(chunk):
    for entry in TWO_PLAYER[chunk::4]:
        game = build(entry)
        eqs = games.equilibria(game)
        want = exact_set(entry["equilibria"])
        assert float_keys(eq.profile for eq in eqs) == float_keys(want), entry["id"]
        assert all(eq.regret <= 1e-9 * game.payoff_scale for eq in eqs)
        # round-off is not play: the supports are exactly pygambit's
        assert sorted(eq.supports for eq in eqs) == sorted(
            tuple(tuple(k for k, p in enumerate(v) if p != 0) for v in prof) for prof in want), entry["id"]
        # every component lists extreme equilibria of this set, each exactly once
        assert sorted(k for comp in eqs.components for k in comp) == list(range(len(eqs)))


def test_degenerate_games_are_well_represented():
    results = [games.equilibria(build(e)) for e in TWO_PLAYER[::2]]
    degenerate = [eqs for eqs in results if eqs.degenerate]
    assert len(degenerate) > 50
    # some have equilibria on a continuum: two extreme equilibria in one component
    assert sum(any(len(c) > 1 for c in eqs.components) for eqs in degenerate) > 10


def test_n_player_pure_matches_enumpure():
    for entry in N_PLAYER:
        game = build(entry)
        for exact in (False, True):
            eqs = games.equilibria(game, method="pure", exact=exact)
            assert eqs.complete and all(eq.is_pure for eq in eqs)
            assert ours_exact(eqs) == exact_set(entry["equilibria"]), entry["id"]


@pytest.mark.oracle
def test_live_against_pygambit():
    pytest.importorskip("pygambit")
    spec = importlib.util.spec_from_file_location("generate_fixtures", GENERATOR)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    rng = np.random.default_rng()
    seed = int(rng.integers(2**31))
    for k in range(40):
        kind = gen.KINDS[k % 3]
        shape = (int(rng.integers(2, 6)), int(rng.integers(2, 6)))
        payoffs = gen.random_payoffs(rng, shape, kind)
        entry = {"payoffs": payoffs, "shape": list(shape)}
        want = exact_set(gen.gambit_mixed(payoffs, shape))
        game = build(entry)
        assert ours_exact(games.equilibria(game, exact=True)) == want, (seed, payoffs, shape)
        assert float_keys(eq.profile for eq in games.equilibria(game)) == float_keys(want), (seed, payoffs)
    for _ in range(20):
        shape = tuple(int(v) for v in rng.integers(2, 4, size=3))
        payoffs = gen.random_payoffs(rng, shape, "ties")
        want = exact_set(gen.gambit_pure(payoffs, shape))
        got = ours_exact(games.equilibria(build({"payoffs": payoffs, "shape": list(shape)}), method="pure"))
        assert got == want, (seed, payoffs, shape)
