"""Sweep tables hold the grid values users asked for, not the rounding dust of linspace/arange."""

import numpy as np
import pytest

import games
from games.sweep import GRID_ULPS, grid_value


def test_linspace_and_arange_grids_write_their_decimals_to_csv():
    seen = []
    table = games.sweep(lambda share: seen.append(share) or {"twice": 2 * share},
                        {"share": np.linspace(0, 1, 21)}, progress=False)
    csv = table.to_csv(index=False)
    assert "0.35000000000000003" not in csv
    # the decimals 0, 0.05, ..., 1 written by hand
    assert table["share"].tolist() == [k / 20 if k % 2 else k // 2 / 10 for k in range(21)]
    assert "\n0.35,0.7\n" in csv
    assert seen[7] == 0.35      # the model is evaluated at the value the table shows
    arange = games.sweep(lambda x: {"y": x}, {"x": np.arange(0, 1, 0.05)}, progress=False)
    assert arange.to_csv(index=False).splitlines()[8] == "0.35,0.35"


@pytest.mark.parametrize("value, expected", [(0.1 + 0.2, 0.3), (0.35000000000000003, 0.35), (1 / 3, 1 / 3),
                                             (2.0 / 3.0, 2.0 / 3.0), (1e-20 + 1e-36, 1e-20), (np.pi, np.pi),
                                             (-0.7000000000000001, -0.7), (5, 5), ("x", "x"), (True, True)])
def test_grid_value_moves_only_by_a_few_ulps(value, expected):
    got = grid_value(value)
    assert got == expected and type(got) is type(expected)
    if isinstance(value, float):
        assert abs(got - value) <= GRID_ULPS * np.spacing(abs(value))


def test_a_decimal_further_than_a_few_ulps_is_kept():
    v = 0.35 + 40 * np.spacing(0.35)
    assert grid_value(v) == v


def test_model_tables_built_from_linspace_hold_the_decimals():
    """The report's tables built by model functions (not only games.sweep) write the grid's decimals."""
    from models.escalation import regime_comparison
    from models.reciprocity import norm_evolution_table, regime_map_table

    ps = np.linspace(0, 1, 21)
    assert repr(float(ps[3])) == "0.15000000000000002"
    assert regime_comparison(probabilities=ps[3:4])["escalation_probability"].tolist() == [0.15]
    deltas = np.linspace(0.05, 0.95, 19)
    assert repr(float(deltas[8])) == "0.44999999999999996"
    assert regime_map_table(deltas[8:9], [0.0])["discount"].tolist() == [0.45]
    # strength 1/4: noise 0.10 - 0.09 / 4 = 0.0775 (0.07750000000000001 in floats)
    assert set(norm_evolution_table([0.25])["noise"]) == {0.0775}
