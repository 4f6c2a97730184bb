"""Write tests/fixtures/oracle_trees.json: extensive games and what pygambit 16.7 computes for them.

For each tree (Kuhn poker, the crisis-bargaining game, entry deterrence and seeded random trees) the fixture
holds the ``.efg`` text pygambit itself writes (``Game.to_efg()`` after ``pygambit.read_efg`` of our file),
the equilibria of ``pygambit.nash.lcp_solve(game, rational=True)`` (sequence form, behaviour strategies)
and, for zero-sum trees, ``pygambit.nash.lp_solve(game, rational=True)``: payoffs and behaviour
probabilities as exact fractions. Run from the repository root:

    python tests/oracle/generate_tree_fixtures.py
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pygambit as gbt

from games.catalog_trees import crisis_bargaining, entry_deterrence, kuhn_poker, random_tree
from games.efg import write_efg

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "oracle_trees.json"

#: (name, builder, keyword arguments) of every fixture tree.
TREES = [
    ("kuhn_poker", kuhn_poker, {}),
    ("crisis_bargaining", crisis_bargaining, {}),
    ("entry_deterrence", entry_deterrence, {}),
    *[(f"random_general_{seed}", random_tree, {"depth": 4, "seed": seed}) for seed in range(4)],
    *[(f"random_zero_sum_{seed}", random_tree, {"depth": 4, "seed": seed, "zero_sum": True}) for seed in range(2)],
]


def _profiles(game: gbt.Game, result) -> list[dict]:
    out = []
    for eq in result.equilibria:
        behaviour = {inf.label: [str(eq[a]) for a in inf.actions] for p in game.players for inf in p.infosets}
        out.append({"payoffs": [str(eq.payoff(p)) for p in game.players], "behaviour": behaviour})
    return out


def main() -> None:
    entries = []
    for name, build, kwargs in TREES:
        ours = build(**kwargs)
        game = gbt.read_efg(io.StringIO(write_efg(ours)))
        zero_sum = all(sum(p) == 0 for _, _, p in ours.leaves())
        entry = {"name": name, "builder": build.__name__, "kwargs": kwargs, "efg": game.to_efg(),
                 "lcp": _profiles(game, gbt.nash.lcp_solve(game, rational=True))}
        if zero_sum:
            entry["lp"] = _profiles(game, gbt.nash.lp_solve(game, rational=True))
        entries.append(entry)
    OUT.write_text(json.dumps({"pygambit": gbt.__version__, "trees": entries}, indent=1) + "\n")
    print(f"wrote {len(entries)} trees to {OUT}")


if __name__ == "__main__":
    main()
