"""Wide-range bimatrix games: one payoff many orders of magnitude larger than the rest.

Oracles: exact vertex enumeration (``exact=True``, rational arithmetic, every basis solved exactly when
the float screen is unreliable) and ``lrsnash`` (lrslib, GMP arithmetic, an independent program). The
float default must return the same extreme equilibria as the oracles, or say ``complete=False`` with a
reason; it never returns an empty set marked complete.
"""

from __future__ import annotations

import shutil
import subprocess
from fractions import Fraction

import numpy as np
import pytest

import games
from games import NormalFormGame


def wide_range_family(seed: int, count: int):
    """Seeded random 3x3..4x4 integer games with one entry of one player scaled by 1e5..1e9."""
    rng = np.random.default_rng(seed)
    for _ in range(count):
        m, n = (int(v) for v in rng.integers(3, 5, size=2))
        pay = [rng.integers(-10, 11, (m, n)).astype(float) for _ in range(2)]
        who, i, j = int(rng.integers(2)), int(rng.integers(m)), int(rng.integers(n))
        scale = 10.0 ** int(rng.integers(5, 10))
        pay[who][i, j] = (pay[who][i, j] or 1.0) * scale
        yield NormalFormGame.from_bimatrix(pay[0], pay[1])


def profile_keys(eqs, decimals: int = 7) -> list[tuple[float, ...]]:
    return sorted(tuple(np.round(np.concatenate([np.asarray(p, dtype=float) for p in e.profile]), decimals).tolist())
                  for e in eqs)


def test_tiny_payoff_difference_keeps_the_pure_equilibrium():
    # row 2 beats row 1 against column 1 by 1e-9; column 1 beats column 2 against row 2 (-4 > -5):
    # (row 2, column 1) is a strict pure equilibrium, found by hand.
    g = NormalFormGame.from_bimatrix([[0, -1], [1e-9, -1.5]], [[0, -6], [-4, -5]])
    eqs = games.equilibria(g)
    assert len(eqs) >= 1 and eqs.complete
    assert any(e.supports == ((1,), (0,)) for e in eqs)
    assert "exact arithmetic" in eqs.note


def test_ambiguous_float_labels_fall_back_to_exact():
    # payoffs resolved (gap 1/6e5 of the range) but a vertex slack of ~1e-10 decides a label: before the
    # fix the float path reported a spurious sixth "equilibrium" (0, 0.42, 0.58) as complete
    g = NormalFormGame.from_bimatrix([[-2, -8, -3], [-7, 7, -3], [-6e5, 10, 9]],
                                     [[7, -4, -1], [4, 4, -7], [-2, -4, 6]])
    fl, ex = games.equilibria(g), games.equilibria(g, exact=True)
    assert profile_keys(fl) == profile_keys(ex)
    assert all(not np.allclose(e.as_float()[0], [0, 8 / 19, 11 / 19], atol=1e-3) for e in fl)


def test_float_equals_exact_on_wide_range_family():
    disagree = []
    for k, g in enumerate(wide_range_family(seed=2024, count=200)):
        fl = games.equilibria(g)
        ex = games.equilibria(g, exact=True)
        assert len(ex) >= 1, f"game {k}: exact enumeration found nothing"
        assert len(fl) >= 1 or not fl.complete, f"game {k}: empty float set marked complete"
        if fl.complete and profile_keys(fl) != profile_keys(ex):
            disagree.append(k)
        if not fl.complete:
            assert fl.note, f"game {k}: incomplete without a reason"
    assert disagree == []


def test_resolution_detector_flags_the_family_and_not_ordinary_games():
    from games.solvers.vertex import float_resolution_problem

    flagged = NormalFormGame.from_bimatrix([[1e8, 0], [3, 1]], [[1, 2], [3, 4]])
    assert "player 1" in float_resolution_problem(flagged)
    assert "player 2" in float_resolution_problem(NormalFormGame.from_bimatrix([[1, 0], [3, 1]], [[1, 2], [3, 4e9]]))
    rng = np.random.default_rng(3)
    ordinary = NormalFormGame.from_bimatrix(rng.integers(-100, 100, (5, 5)), rng.integers(-100, 100, (5, 5)))
    assert float_resolution_problem(ordinary) == ""


def _lrsnash(game: NormalFormGame) -> list[tuple[float, ...]]:
    """Extreme equilibria from lrsnash: in each output block, every player-1 line with every player-2 line."""
    a, b = (game.exact_payoffs[..., k] for k in range(2))
    m, n = a.shape
    rows = lambda M: "\n".join(" ".join(str(v) for v in r) for r in M)  # noqa: E731
    text = f"{m} {n}\n\n{rows(a)}\n\n{rows(b)}\n"
    out = subprocess.run(["lrsnash", "/dev/stdin"], input=text, capture_output=True, text=True, check=True).stdout
    keys = []
    for block in out.split("\n\n"):
        xs, ys = [], []
        for line in block.splitlines():
            parts = line.split()
            if not parts or parts[0] not in ("1", "2"):
                continue
            vals = [float(Fraction(v)) for v in parts[1:-1]]
            (xs if parts[0] == "1" else ys).append(vals)
        keys += [tuple(np.round(x + y, 7).tolist()) for x in xs for y in ys]
    return sorted(set(keys))


@pytest.mark.skipif(shutil.which("lrsnash") is None, reason="lrsnash (Debian package lrslib) is not installed")
def test_float_and_exact_match_lrsnash_on_wide_range_family():
    for k, g in enumerate(wide_range_family(seed=99, count=60)):
        oracle = _lrsnash(g)
        assert oracle, f"game {k}: lrsnash output not parsed"
        ex = games.equilibria(g, exact=True)
        assert sorted(set(profile_keys(ex))) == oracle, f"game {k}: exact differs from lrsnash"
        fl = games.equilibria(g)
        if fl.complete:
            assert sorted(set(profile_keys(fl))) == oracle, f"game {k}: float differs from lrsnash"
