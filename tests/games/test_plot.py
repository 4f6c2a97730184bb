"""Figures of games.plot: each function returns a Figure whose marks sit where hand calculations put them."""

import subprocess
import sys
from itertools import pairwise

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from games import NormalFormGame, equilibria, plot
from games.anonymous import AnonymousGame
from games.evolution import replicator_rest_points
from games.group_dynamics import pairwise_game, rest_points

SQRT3 = np.sqrt(3.0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def lines(fig, gid, k=0):
    return [line for line in fig.axes[k].lines if line.get_gid() == gid]


def points(fig, gid, k=0):
    found = lines(fig, gid, k)
    return np.vstack([line.get_xydata() for line in found]) if found else np.empty((0, 2))


def simplex_xy(x):
    """Corner k of the simplex at (0, 0), (1, 0), (1/2, sqrt(3)/2) for k = 0, 1, 2 (the documented layout)."""
    return np.array([x[1] + x[2] / 2, x[2] * SQRT3 / 2])


def grid_table(nx, ny, labels):
    xs, ys = np.arange(nx, dtype=float), np.linspace(0, 1, ny)
    rows = [(x, y, labels[i * ny + j]) for i, x in enumerate(xs) for j, y in enumerate(ys)]
    return pd.DataFrame(rows, columns=["x", "y", "outcome"])


# ------------------------------------------------------------------------------------------ regime_map
@settings(max_examples=25, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_regime_map_one_legend_entry_per_outcome_and_each_cell_its_colour(nx, ny, data):
    labels = data.draw(st.lists(st.sampled_from(["war", "peace", "truce", "deterrence"]),
                                min_size=nx * ny, max_size=nx * ny))
    df = grid_table(nx, ny, labels)
    colours = {"war": "#ff0000", "peace": "#00ff00", "truce": "#0000ff", "deterrence": "#000000"}
    fig = plot.regime_map(df, "x", "y", "outcome", colours=colours)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(legend) == sorted(set(labels))
    assert legend == [k for k in colours if k in set(labels)]        # the order of ``colours``
    mesh = ax.collections[0]
    codes = np.asarray(mesh.get_array()).reshape(ny, nx)              # rows: y, columns: x
    for _, row in df.iterrows():
        i, j = int(row.x), int(np.argmin(np.abs(np.linspace(0, 1, ny) - row.y)))
        assert mesh.cmap(int(codes[j, i])) == to_rgba(colours[row.outcome])
    plt.close(fig)


def test_regime_map_cells_are_centred_on_the_grid_points():
    df = grid_table(3, 2, ["a", "b", "a", "b", "a", "b"])
    fig = plot.regime_map(df, "x", "y", "outcome")
    ax = fig.axes[0]
    # x = 0, 1, 2: edges halfway between, outer cells mirrored; y = 0, 1 likewise
    assert ax.get_xlim() == pytest.approx((-0.5, 2.5))
    assert ax.get_ylim() == pytest.approx((-0.5, 1.5))
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("x", "y")


def test_regime_map_order_unknown_labels_and_default_colours():
    df = grid_table(2, 2, ["b", "a", "c", "a"])
    fig = plot.regime_map(df, "x", "y", "outcome", colours={"c": "red"}, order=["c", "b"])
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["c", "b", "a"]     # unlisted labels last, sorted
    faces = [tuple(p.get_facecolor()) for p in legend.get_patches()]
    assert faces == [to_rgba("red"), to_rgba(plot.OTHER_COLOUR), to_rgba(plot.OTHER_COLOUR)]
    fig = plot.regime_map(df, "x", "y", "outcome")                            # no colours: distinct ones
    faces = [tuple(p.get_facecolor()) for p in fig.axes[0].get_legend().get_patches()]
    assert len(set(faces)) == 3


def test_regime_map_colorbar_and_no_key_and_given_axes():
    df = grid_table(2, 2, ["b", "a", "a", "a"])
    fig = plot.regime_map(df, "x", "y", "outcome", legend="colorbar", legend_title="winner")
    assert len(fig.axes) == 2
    assert [t.get_text() for t in fig.axes[1].get_yticklabels()] == ["a", "b"]
    assert fig.axes[1].get_ylabel() == "winner"
    own, ax = plt.subplots()
    assert plot.regime_map(df, "x", "y", "outcome", legend="none", ax=ax) is own
    assert ax.get_legend() is None and len(own.axes) == 1


def test_regime_map_refuses_bad_tables():
    df = grid_table(2, 2, ["a", "b", "a", "b"])
    with pytest.raises(ValueError, match="value='result' is not a column"):
        plot.regime_map(df, "x", "y", "result")
    with pytest.raises(ValueError, match="1 cells have no"):
        plot.regime_map(df.iloc[:3], "x", "y", "outcome")              # (1, 1) missing
    with pytest.raises(ValueError, match="rows repeat a point"):
        plot.regime_map(pd.concat([df, df]), "x", "y", "outcome")
    with pytest.raises(TypeError, match="x='outcome' must be a numeric column"):
        plot.regime_map(df, "outcome", "y", "x")
    with pytest.raises(TypeError, match="df must be a pandas DataFrame"):
        plot.regime_map(df.to_dict(), "x", "y", "outcome")
    with pytest.raises(ValueError, match="legend must be one of"):
        plot.regime_map(df, "x", "y", "outcome", legend="table")
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        plot.regime_map(df, "x", "y", "outcome", ax="left")


# --------------------------------------------------------------------------------------------- heatmap
def test_heatmap_places_values_masks_gaps_and_labels_the_colour_bar():
    df = pd.DataFrame({"a": [0.0, 0.0, 1.0, 1.0, 2.0], "b": [0.0, 1.0, 0.0, 1.0, 0.0],
                       "z": [1.0, 2.0, 3.0, np.nan, 5.0]})
    fig = plot.heatmap(df, "a", "b", "z", colorbar_label="payoff", vmin=0, vmax=10)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    z = fig.axes[0].collections[0].get_array().reshape(2, 3)     # rows b = 0, 1; columns a = 0, 1, 2
    assert z.mask.tolist() == [[False, False, False], [False, True, True]]   # NaN and the missing (2, 1)
    assert z[0].tolist() == [1.0, 3.0, 5.0] and z[1, 0] == 2.0
    assert fig.axes[1].get_ylabel() == "payoff"
    assert fig.axes[0].collections[0].get_clim() == (0, 10)


def test_heatmap_refuses_infinities_and_categories():
    df = pd.DataFrame({"a": [0, 1], "b": [0, 0], "z": [1.0, np.inf], "c": ["p", "q"]})
    with pytest.raises(ValueError, match="infinite"):
        plot.heatmap(df, "a", "b", "z")
    with pytest.raises(TypeError, match="use regime_map"):
        plot.heatmap(df, "a", "b", "c")


# ------------------------------------------------------------------------------ best-response diagram
def test_matching_pennies_has_exactly_one_equilibrium_at_one_half():
    """Matching pennies: each player is indifferent only when the other mixes 1/2 - 1/2 (by hand)."""
    pennies = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    fig = plot.best_response_diagram(pennies, equilibria=equilibria(pennies))
    assert isinstance(fig, Figure)
    assert points(fig, "equilibria").tolist() == [[0.5, 0.5]]
    # row (matcher) plays its first action when q > 1/2; the column player the reverse
    assert points(fig, "br0").tolist() == [[0, 0], [0, 0.5], [1, 0.5], [1, 1]]
    assert points(fig, "br1").tolist() == [[0, 1], [0.5, 1], [0.5, 0], [1, 0]]


def test_chicken_marks_both_pure_equilibria_and_the_mixed_one():
    """Chicken (hawk, dove) with payoffs -1, 4 / 0, 2: indifference at q = 2/3 since -q + 4(1-q) = 2(1-q)."""
    game = NormalFormGame.from_bimatrix([[-1, 4], [0, 2]], [[-1, 0], [4, 2]],
                                        players=["Russia", "Ukraine"],
                                        actions=[["hawk", "dove"], ["hawk", "dove"]])
    fig = plot.best_response_diagram(game, equilibria=equilibria(game))
    eq = sorted(map(tuple, points(fig, "equilibria").round(12)))
    assert eq == [(0.0, 1.0), (round(2 / 3, 12), round(2 / 3, 12)), (1.0, 0.0)]
    assert points(fig, "br0") == pytest.approx(np.array([[1, 0], [1, 2 / 3], [0, 2 / 3], [0, 1]]))
    ax = fig.axes[0]
    assert ax.get_xlabel() == "p = P(Russia plays hawk)"
    assert ax.get_ylabel() == "q = P(Ukraine plays hawk)"
    assert len(ax.get_legend().get_texts()) == 3


def test_a_player_indifferent_everywhere_shades_the_square():
    game = NormalFormGame.from_bimatrix([[1, 1], [0, 0]], [[0, 0], [0, 0]])
    fig = plot.best_response_diagram(game, equilibria=equilibria(game))
    shaded = [p for p in fig.axes[0].patches if p.get_gid() == "br1"]
    assert len(shaded) == 1 and not lines(fig, "br1")
    assert points(fig, "br0").tolist() == [[1, 0], [1, 1]]             # the first row strictly dominates
    assert sorted(map(tuple, points(fig, "equilibria"))) == [(1.0, 0.0), (1.0, 1.0)]


def _on_polyline(pt, poly, atol=1e-9):
    for a, b in pairwise(poly):
        d = b - a
        t = np.clip(np.dot(pt - a, d) / max(np.dot(d, d), 1e-300), 0, 1)
        if np.linalg.norm(a + t * d - pt) <= atol:
            return True
    return False


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=8, max_size=8))
def test_every_marked_equilibrium_lies_on_both_best_response_lines(v):
    game = NormalFormGame.from_bimatrix(np.reshape(v[:4], (2, 2)), np.reshape(v[4:], (2, 2)))
    fig = plot.best_response_diagram(game, equilibria=equilibria(game))
    eqs = points(fig, "equilibria")
    assert len(eqs) >= 1                                   # every finite game has an equilibrium
    for k in (0, 1):
        path = points(fig, f"br{k}")
        if len(path):
            assert all(_on_polyline(e, path) for e in eqs)
    plt.close(fig)


def test_best_response_diagram_draws_the_equilibria_it_is_given_and_never_solves(monkeypatch):
    """Plotting does not solve: with the solver disabled, the marks are exactly the given equilibria."""
    import games.solvers

    game = NormalFormGame.from_bimatrix([[-1, 4], [0, 2]], [[-1, 0], [4, 2]])
    eqs = equilibria(game, method="pure")                     # the two pure equilibria only
    monkeypatch.setattr(games.solvers, "equilibria", lambda *a, **k: pytest.fail("the plot ran a solver"))
    fig = plot.best_response_diagram(game, equilibria=eqs)
    assert sorted(map(tuple, points(fig, "equilibria"))) == [(0.0, 1.0), (1.0, 0.0)]


def test_best_response_diagram_without_equilibria_is_deprecated():
    pennies = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    with pytest.warns(DeprecationWarning, match="equilibria=games.equilibria"):
        fig = plot.best_response_diagram(pennies)
    assert points(fig, "equilibria").tolist() == [[0.5, 0.5]]


def test_best_response_diagram_refuses_other_games():
    with pytest.raises(ValueError, match="2x2 game"):
        plot.best_response_diagram(NormalFormGame.from_bimatrix(np.zeros((2, 3))))
    with pytest.raises(TypeError, match="game must be a NormalFormGame"):
        plot.best_response_diagram([[1, -1], [-1, 1]])


# ------------------------------------------------------------------------------------ simplex portrait
def test_rock_paper_scissors_centre_is_the_only_equilibrium():
    """Rock-paper-scissors: the unique Nash equilibrium is (1/3, 1/3, 1/3); the corners are rest points."""
    rps = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    fig = plot.simplex_portrait(rps, labels=["rock", "paper", "scissors"], starts=[[0.5, 0.3, 0.2]],
                                density=5, rest_points=replicator_rest_points(rps))
    assert isinstance(fig, Figure)
    assert points(fig, "nash") == pytest.approx(simplex_xy(np.ones(3) / 3)[None, :])
    corners = sorted(map(tuple, points(fig, "rest").round(12)))
    assert corners == sorted(tuple(simplex_xy(e).round(12)) for e in np.eye(3))
    assert [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "corner"] == ["rock", "paper", "scissors"]
    assert len(lines(fig, "trajectory")) == 1
    assert len([c for c in fig.axes[0].collections if c.get_gid() == "field"]) == 1


def test_pure_coordination_has_seven_rest_points_all_equilibria():
    """A = diag(1, 2, 3): on each face the equal-payoff point x_i proportional to 1/a_i is a symmetric
    equilibrium (the strategies off the face earn 0); the interior one is (6, 3, 2)/11."""
    a = np.diag([1.0, 2.0, 3.0])
    fig = plot.simplex_portrait(a, starts=[], density=0, rest_points=replicator_rest_points(a))
    nash = points(fig, "nash")
    assert len(nash) == 7 and not lines(fig, "rest")
    assert any(np.allclose(p, simplex_xy(np.array([6, 3, 2]) / 11)) for p in nash)
    assert not lines(fig, "trajectory") and not fig.axes[0].collections


def test_simplex_separates_rest_points_that_are_not_equilibria():
    """Hawk-dove on strategies 1-2 (rest point (1/2, 1/2, 0), payoff 3/2) while strategy 3 earns 3
    against everything: the only equilibrium is the corner of strategy 3 (worked by hand)."""
    a = [[0, 3, 0], [1, 2, 0], [3, 3, 3]]
    fig = plot.simplex_portrait(a, starts=[[0.45, 0.45, 0.1]], t_max=40, rest_points=replicator_rest_points(a))
    assert points(fig, "nash") == pytest.approx(simplex_xy([0, 0, 1])[None, :])
    rest = sorted(map(tuple, points(fig, "rest").round(12)))
    expected = [simplex_xy(x) for x in ([1, 0, 0], [0, 1, 0], [0.5, 0.5, 0])]
    assert rest == sorted(tuple(p.round(12)) for p in expected)
    end = lines(fig, "trajectory")[0].get_xydata()[-1]               # strategy 3 takes over
    assert end == pytest.approx(simplex_xy([0, 0, 1]), abs=1e-3)


def test_simplex_portrait_takes_a_symmetric_game_and_refuses_bad_input():
    game = NormalFormGame.from_bimatrix(np.diag([1, 2, 3]), np.diag([1, 2, 3]),
                                        actions=[["x", "y", "z"]] * 2)
    fig = plot.simplex_portrait(game, starts=[], density=0, rest_points=[])
    assert [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "corner"] == ["x", "y", "z"]
    with pytest.raises(ValueError, match=r"\(3, 3\) payoff matrix"):
        plot.simplex_portrait([[1, 0], [0, 1]], rest_points=[])
    with pytest.raises(ValueError, match="symmetric"):
        plot.simplex_portrait(NormalFormGame.from_bimatrix(np.eye(3), np.zeros((3, 3))), rest_points=[])
    with pytest.raises(ValueError, match="starts\\[0\\] must sum to 1"):
        plot.simplex_portrait(np.eye(3), starts=[[0.5, 0.5, 0.5]], rest_points=[])
    with pytest.raises(ValueError, match="labels must name the 3 strategies"):
        plot.simplex_portrait(np.eye(3), labels=["a", "b"], rest_points=[])
    with pytest.raises(ValueError, match=r"rest_points\[0\] must sum to 1"):
        plot.simplex_portrait(np.eye(3), rest_points=[((0.5, 0.6, 0.0), True)])
    with pytest.raises(TypeError, match=r"rest_points\[0\] must be a \(state, is_nash\) pair"):
        plot.simplex_portrait(np.eye(3), rest_points=[(1, 0, 0)])


def test_simplex_portrait_draws_the_rest_points_it_is_given_and_never_solves(monkeypatch):
    """Rock-paper-scissors with its rest points given (the centre is the equilibrium; the corners are not)."""
    import games.solvers

    monkeypatch.setattr(games.solvers, "equilibria", lambda *a, **k: pytest.fail("the plot ran a solver"))
    rest = [((1 / 3, 1 / 3, 1 / 3), True), ((1, 0, 0), False), ((0, 1, 0), False), ((0, 0, 1), False)]
    fig = plot.simplex_portrait([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], starts=[], density=0, rest_points=rest)
    assert points(fig, "nash") == pytest.approx(simplex_xy(np.ones(3) / 3)[None, :])
    assert sorted(map(tuple, points(fig, "rest").round(12))) == sorted(
        tuple(simplex_xy(e).round(12)) for e in np.eye(3))


def test_simplex_portrait_without_rest_points_is_deprecated_and_draws_the_engine_s():
    rps = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    with pytest.warns(DeprecationWarning, match=r"is deprecated; use rest_points=games\.evolution"):
        old = plot.simplex_portrait(rps, starts=[], density=0)
    new = plot.simplex_portrait(rps, starts=[], density=0, rest_points=replicator_rest_points(rps))
    for gid in ("nash", "rest"):
        assert points(old, gid) == pytest.approx(points(new, gid))


# ------------------------------------------------------------------------------------------ phase line
def rest(game):
    """The engine's rest points of a phase-line game (a 2x2 matrix, a symmetric game or an AnonymousGame)."""
    if isinstance(game, NormalFormGame):
        game = pairwise_game(game.bimatrix[0])
    elif not isinstance(game, AnonymousGame):
        game = pairwise_game(game)
    return rest_points(game)


def test_coordination_game_interior_rest_point_is_unstable_at_the_closed_form():
    """Pairwise game A = [[a, b], [c, d]] = [[2, 0], [0, 1]]: with x the share of strategy 2 the gain
    f2 - f1 = (c - a)(1 - x) + (d - b) x vanishes at x* = (a - c) / ((a - c) + (d - b)) = 2/3
    (Hofbauer & Sigmund 1998, ch. 7); the coordination game's interior point separates two basins."""
    fig = plot.phase_line([[2, 0], [0, 1]], labels=["A", "B"], rest_points=rest([[2, 0], [0, 1]]))
    assert isinstance(fig, Figure)
    assert points(fig, "unstable")[:, 0] == pytest.approx([2 / 3])
    assert points(fig, "stable")[:, 0].tolist() == [0.0, 1.0]
    assert fig.axes[0].get_xlabel() == "share of B"
    curve = fig.axes[0].lines[0]
    x = curve.get_xdata()
    assert curve.get_ydata() == pytest.approx(x * (1 - x) * (3 * x - 2), abs=1e-12)
    # the same dynamics in the share of A
    fig = plot.phase_line([[2, 0], [0, 1]], strategy=0, rest_points=rest([[2, 0], [0, 1]]))
    assert points(fig, "unstable")[:, 0] == pytest.approx([1 / 3])
    assert fig.axes[0].get_xlabel() == "share of s1"


def test_hawk_dove_mixed_state_is_stable_at_v_over_c():
    """Hawk-dove with V = 2, C = 4: the evolutionarily stable share of hawks is V / C = 1/2
    (Maynard Smith 1982)."""
    v, c = 2.0, 4.0
    hd = [[(v - c) / 2, v], [0.0, v / 2]]
    fig = plot.phase_line(hd, strategy=0, labels=["hawk", "dove"], rest_points=rest(hd))
    assert points(fig, "stable")[:, 0] == pytest.approx([v / c])
    assert sorted(points(fig, "unstable")[:, 0]) == [0.0, 1.0]


def test_prisoners_dilemma_defection_takes_over():
    game = NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"]] * 2)
    fig = plot.phase_line(game, rest_points=rest(game))
    assert points(fig, "stable")[:, 0].tolist() == [1.0]
    assert points(fig, "unstable")[:, 0].tolist() == [0.0]
    assert fig.axes[0].get_xlabel() == "share of D"


def test_volunteers_dilemma_in_groups_is_stable_at_diekmanns_mixture():
    """Volunteer's dilemma, N = 5, benefit 4, cost 1: the mixed equilibrium volunteers with probability
    1 - (c/b)^(1/(N-1)) (Diekmann 1985); in the replicator dynamics it is the stable interior state."""
    vd = AnonymousGame.from_function(5, ["wait", "volunteer"], lambda a, c: 4.0 * (a + c[1] >= 1) - a)
    fig = plot.phase_line(vd, rest_points=rest(vd))
    assert points(fig, "stable")[:, 0] == pytest.approx([1 - 0.25 ** 0.25], abs=1e-9)
    assert sorted(points(fig, "unstable")[:, 0]) == [0.0, 1.0]
    assert fig.axes[0].get_xlabel() == "share of volunteer"


def test_non_hyperbolic_boundary_and_touching_interior_root():
    """A = [[1, 1], [1, 2]]: x' = x^2 (1 - x) > 0 inside, so x = 0 repels although the gain vanishes there.
    A 3-player group game whose gain (1 - 2x)^2 has Bernstein coefficients (1, -1, 1) touches zero at
    x = 1/2 without changing sign: a semi-stable rest point (flow rightwards on both sides)."""
    fig = plot.phase_line([[1, 1], [1, 2]], rest_points=rest([[1, 1], [1, 2]]))
    assert points(fig, "unstable")[:, 0].tolist() == [0.0]
    assert points(fig, "stable")[:, 0].tolist() == [1.0]
    touching = AnonymousGame.from_function(3, 2, lambda a, c: a * (1.0, -1.0, 1.0)[c[1]])
    fig = plot.phase_line(touching, rest_points=rest(touching))
    assert points(fig, "semi-stable")[:, 0] == pytest.approx([0.5], abs=1e-6)
    assert points(fig, "unstable")[:, 0].tolist() == [0.0]
    assert points(fig, "stable")[:, 0].tolist() == [1.0]


def test_phase_line_refuses_bad_input():
    with pytest.raises(ValueError, match="strategy must be 0 or 1"):
        plot.phase_line([[2, 0], [0, 1]], strategy=2, rest_points=[])
    with pytest.raises(ValueError, match=r"\(2, 2\) payoff matrix"):
        plot.phase_line(np.eye(3), rest_points=[])
    with pytest.raises(ValueError, match="two strategies"):
        plot.phase_line(AnonymousGame.from_function(3, 3, lambda a, c: float(a)), rest_points=[])
    with pytest.raises(ValueError, match="symmetric"):
        plot.phase_line(NormalFormGame.from_bimatrix([[1, 0], [0, 1]], [[0, 1], [1, 0]]), rest_points=[])


def test_phase_line_draws_the_rest_points_it_is_given_and_never_solves(monkeypatch):
    """Given only the interior point of the coordination game [[2, 0], [0, 1]] (x* = 2/3), the plot marks
    that point and no other, and never calls the root finder."""
    import games.group_dynamics

    for name in ("interior_fixed_points", "rest_points"):
        monkeypatch.setattr(games.group_dynamics, name, lambda *a, **k: pytest.fail("the plot searched"))
    fig = plot.phase_line([[2, 0], [0, 1]], rest_points=[(2 / 3, "unstable")])
    assert points(fig, "unstable")[:, 0] == pytest.approx([2 / 3])
    assert not lines(fig, "stable") and not lines(fig, "semi-stable")
    fig = plot.phase_line([[2, 0], [0, 1]], strategy=0, rest_points=[(2 / 3, "unstable")])
    assert points(fig, "unstable")[:, 0] == pytest.approx([1 / 3])


def test_phase_line_without_rest_points_is_deprecated_and_draws_the_engine_s():
    with pytest.warns(DeprecationWarning, match=r"is deprecated; use rest_points=games\.group_dynamics"):
        old = plot.phase_line([[2, 0], [0, 1]])
    new = plot.phase_line([[2, 0], [0, 1]], rest_points=rest([[2, 0], [0, 1]]))
    for gid in ("stable", "unstable", "semi-stable"):
        assert points(old, gid).tolist() == points(new, gid).tolist()


def test_phase_line_refuses_bad_rest_points():
    with pytest.raises(TypeError, match=r"rest_points\[0\] must be a \(share, kind\) pair"):
        plot.phase_line([[2, 0], [0, 1]], rest_points=[(0.5, "wobbly")])
    with pytest.raises(ValueError, match=r"rest_points\[0\] must have a share in \[0, 1\]"):
        plot.phase_line([[2, 0], [0, 1]], rest_points=[(1.5, "stable")])
    with pytest.raises(TypeError, match="sequence of \\(share, kind\\) pairs"):
        plot.phase_line([[2, 0], [0, 1]], rest_points="stable")


def test_importing_games_plot_does_not_load_matplotlib():
    code = "import sys, games, games.plot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
