"""Generate the oracle fixtures in tests/fixtures/ with pygambit (run by hand; needs pygambit).

    python tests/oracle/generate_fixtures.py

Two-player games (2x2 .. 6x6, seeded): pygambit's exact ``enummixed_solve(game, rational=True)``
gives every extreme equilibrium. Payoff kinds:

- ``ties``: integers 0..2 (many ties, so many degenerate games),
- ``ints``: integers -9..9,
- ``decimal``: two-decimal numbers in [-1, 1] (what a user types as floats).

N-player games (3 and 4 players, 2-3 actions, integers 0..2 and -9..9): ``enumpure_solve`` gives
every pure equilibrium.

Fixture format (JSON): ``{"source": ..., "games": [{"id", "kind", "shape", "payoffs", "equilibria"}]}``
where ``payoffs`` is the payoff array of shape ``shape + [N]`` flattened in C order (ints, or decimal
strings), and each equilibrium is one list of probabilities per player, as fraction strings ("1/3").
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KINDS = ("ties", "ints", "decimal")


def random_payoffs(rng: np.random.Generator, shape: tuple[int, ...], kind: str) -> list:
    """A flat C-order list of payoffs for a game of ``shape`` (ints, or decimal strings)."""
    size = int(np.prod(shape)) * len(shape)
    if kind == "ties":
        return [int(v) for v in rng.integers(0, 3, size=size)]
    if kind == "ints":
        return [int(v) for v in rng.integers(-9, 10, size=size)]
    if kind == "decimal":
        return [str(Decimal(int(v)) / 100) for v in rng.integers(-100, 101, size=size)]
    raise ValueError(f"kind must be one of {KINDS}; got {kind!r}")


def exact_array(payoffs: list, shape: tuple[int, ...]) -> np.ndarray:
    """The payoffs as an object array of Fractions, shape ``shape + (N,)``."""
    arr = np.empty(len(payoffs), dtype=object)
    arr[:] = [Fraction(v) for v in payoffs]
    return arr.reshape(tuple(shape) + (len(shape),))


def gambit_game(payoffs: list, shape: tuple[int, ...]):
    import pygambit as gbt

    arr = exact_array(payoffs, shape)
    return gbt.Game.from_arrays(*[arr[..., i] for i in range(len(shape))])


def _profiles(game, result) -> list[list[list[str]]]:
    out = set()
    for eq in result.equilibria:
        out.add(tuple(tuple(str(Fraction(eq[s])) for s in p.strategies) for p in game.players))
    return [[list(v) for v in prof] for prof in sorted(out)]


def gambit_mixed(payoffs: list, shape: tuple[int, ...]) -> list[list[list[str]]]:
    """Every extreme equilibrium of a two-player game (pygambit ``enummixed_solve``, exact)."""
    import pygambit as gbt

    game = gambit_game(payoffs, shape)
    return _profiles(game, gbt.nash.enummixed_solve(game, rational=True))


def gambit_pure(payoffs: list, shape: tuple[int, ...]) -> list[list[list[str]]]:
    """Every pure equilibrium of an N-player game (pygambit ``enumpure_solve``)."""
    import pygambit as gbt

    game = gambit_game(payoffs, shape)
    return _profiles(game, gbt.nash.enumpure_solve(game))


def two_player_games(seed: int, count: int) -> list[dict]:
    rng = np.random.default_rng(seed)
    games = []
    for k in range(count):
        kind = KINDS[k % len(KINDS)]
        shape = (int(rng.integers(2, 7)), int(rng.integers(2, 7)))
        payoffs = random_payoffs(rng, shape, kind)
        games.append({"id": f"2p-{seed}-{k}", "kind": kind, "shape": list(shape), "payoffs": payoffs,
                      "equilibria": gambit_mixed(payoffs, shape)})
    return games


def n_player_games(seed: int, count: int) -> list[dict]:
    rng = np.random.default_rng(seed)
    games = []
    for k in range(count):
        kind = ("ties", "ints")[k % 2]
        n = 3 if k % 4 < 2 else 4
        shape = tuple(int(v) for v in rng.integers(2, 4, size=n))
        payoffs = random_payoffs(rng, shape, kind)
        games.append({"id": f"np-{seed}-{k}", "kind": kind, "shape": list(shape), "payoffs": payoffs,
                      "equilibria": gambit_pure(payoffs, shape)})
    return games


def main() -> None:
    import pygambit as gbt

    FIXTURES.mkdir(exist_ok=True)
    source = f"pygambit {gbt.__version__}: nash.enummixed_solve(rational=True) / nash.enumpure_solve"
    for name, games in (("oracle_two_player.json", two_player_games(seed=20240601, count=360)),
                        ("oracle_n_player.json", n_player_games(seed=20240602, count=120))):
        path = FIXTURES / name
        path.write_text(json.dumps({"source": source, "games": games}, separators=(",", ":")) + "\n")
        print(f"{path}: {len(games)} games, {path.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
