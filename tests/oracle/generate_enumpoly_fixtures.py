"""Generate tests/fixtures/oracle_enumpoly.json with pygambit's enumpoly_solve (run by hand; needs pygambit).

    python tests/oracle/generate_enumpoly_fixtures.py

Seeded random games of 3 players (2x2x2, 3x2x2, 3x3x2) and 4 players (2x2x2x2) with integer payoffs in
-99..99 (ties are rare, so the games are generic), and the equilibria pygambit 16.7 ``nash.enumpoly_solve``
finds for them (floats, as it computes them; strings with 12 significant digits).

Fixture format (JSON): ``{"source": ..., "games": [{"id", "shape", "payoffs", "equilibria"}]}`` where
``payoffs`` is the payoff array of shape ``shape + [N]`` flattened in C order and each equilibrium is one
list of probabilities per player.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHAPES = ((2, 2, 2), (3, 2, 2), (3, 3, 2), (2, 2, 2, 2))


def random_game(rng: np.random.Generator, shape: tuple[int, ...]) -> list[int]:
    """A flat C-order list of integer payoffs in -99..99 for a game of ``shape``."""
    return [int(v) for v in rng.integers(-99, 100, size=int(np.prod(shape)) * len(shape))]


def gambit_enumpoly(payoffs: list[int], shape: tuple[int, ...]) -> list[list[list[str]]]:
    """The equilibria pygambit's enumpoly_solve reports, as 12-digit strings."""
    import pygambit as gbt

    arr = np.array(payoffs).reshape(tuple(shape) + (len(shape),))
    game = gbt.Game.from_arrays(*[arr[..., i] for i in range(len(shape))])
    result = gbt.nash.enumpoly_solve(game)
    return [[[f"{float(eq[s]):.12g}" for s in p.strategies] for p in game.players] for eq in result.equilibria]


def main() -> None:
    import pygambit as gbt

    rng = np.random.default_rng(20240611)
    games = []
    for k in range(32):
        shape = SHAPES[k % len(SHAPES)]
        payoffs = random_game(rng, shape)
        games.append({"id": f"enumpoly-{k}", "shape": list(shape), "payoffs": payoffs,
                      "equilibria": gambit_enumpoly(payoffs, shape)})
    path = FIXTURES / "oracle_enumpoly.json"
    path.write_text(json.dumps({"source": f"pygambit {gbt.__version__}: nash.enumpoly_solve", "games": games},
                               separators=(",", ":")) + "\n")
    print(f"{path}: {len(games)} games, {path.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
