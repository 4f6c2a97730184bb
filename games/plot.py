"""Figures of games and sweeps: regime maps, heat maps, best-response diagrams, simplex and phase portraits.

Every function draws on a matplotlib ``Axes`` (a new figure when ``ax`` is not given) and returns the
:class:`matplotlib.figure.Figure`, so a caller can add to the axes, save or close it. matplotlib is
imported inside the functions: importing :mod:`games` or this module does not load it.

Plotting draws results it is given and never solves: the equilibria of a best-response diagram come from
:func:`games.equilibria`, the rest points of a simplex portrait from
:func:`games.evolution.replicator_rest_points`, those of a phase line from
:func:`games.group_dynamics.rest_points`. The old behaviour, solving inside the plot when they are not
given, is deprecated and warns.

- :func:`regime_map` — a categorical outcome over a 2-D sweep (a tidy table from :func:`games.sweep`).
- :func:`heatmap` — a numeric outcome over a 2-D sweep.
- :func:`best_response_diagram` — the best-response correspondences of a 2x2 game in (p, q) space, with
  its equilibria (from :func:`games.equilibria`) marked.
- :func:`simplex_portrait` — replicator dynamics of a symmetric 3-strategy game on the simplex.
- :func:`phase_line` — the replicator gradient of a 2-strategy game with its rest points and their stability.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import numpy as np

from .validation import as_real_array, check_choice, check_positive_int, check_tolerance

__all__ = ["best_response_diagram", "heatmap", "phase_line", "regime_map", "simplex_portrait"]

#: Colour of categories a caller gave no colour for (and of the neutral marks).
OTHER_COLOUR = "#bbbbbb"
#: Colours of categories when the caller gives none (matplotlib's ``tab10``, in order of appearance).
DEFAULT_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                   "#bcbd22", "#17becf")
_LEGENDS = ("patches", "colorbar", "none")


# ------------------------------------------------------------------------------------------- helpers
def _axes(ax: Any, figsize: tuple[float, float]) -> tuple[Any, Any]:
    """The figure and axes to draw on: ``ax``'s, or a new pyplot figure."""
    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=figsize)
        return fig, ax
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None; got {type(ax).__name__}")
    return ax.figure, ax


def _edges(v: np.ndarray) -> np.ndarray:
    """Cell edges around sorted grid values: midpoints between them, the outer cells mirrored."""
    if len(v) == 1:
        return np.array([v[0] - 0.5, v[0] + 0.5])
    mid = (v[1:] + v[:-1]) / 2
    return np.concatenate([[v[0] - (mid[0] - v[0])], mid, [v[-1] + (v[-1] - mid[-1])]])


def _grid(df: Any, x: str, y: str, value: str) -> tuple[np.ndarray, np.ndarray, Any]:
    """Pivot a tidy sweep table to a (y, x) grid: the x values, the y values and the table of ``value``."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df must be a pandas DataFrame (one row per grid point); got {type(df).__name__}")
    for arg, col in (("x", x), ("y", y), ("value", value)):
        if col not in df.columns:
            raise ValueError(f"{arg}={col!r} is not a column of df; columns are {list(df.columns)}")
    if len(df) == 0:
        raise ValueError("df is empty: a map needs at least one grid point")
    for arg, col in (("x", x), ("y", y)):
        if not pd.api.types.is_numeric_dtype(df[col]) or pd.api.types.is_bool_dtype(df[col]):
            raise TypeError(f"{arg}={col!r} must be a numeric column; it has dtype {df[col].dtype}")
    dup = df.duplicated([x, y])
    if dup.any():
        raise ValueError(f"df must hold one row per ({x}, {y}) point; {int(dup.sum())} rows repeat a point "
                         "(filter the table to one value of the other parameters first)")
    table = df.pivot(index=y, columns=x, values=value).sort_index().sort_index(axis=1)
    return table.columns.to_numpy(dtype=float), table.index.to_numpy(dtype=float), table


def _finish_grid_axes(ax: Any, xs: np.ndarray, ys: np.ndarray, x: str, y: str) -> None:
    xe, ye = _edges(xs), _edges(ys)
    ax.set_xlim(xe[0], xe[-1])
    ax.set_ylim(ye[0], ye[-1])
    if not ax.get_xlabel():
        ax.set_xlabel(x)
    if not ax.get_ylabel():
        ax.set_ylabel(y)


def _symmetric_matrix(game: Any, size: int, name: str = "game") -> tuple[np.ndarray, tuple[str, ...]]:
    """The row player's payoff matrix of a symmetric ``size``-strategy game, and the strategy labels.

    ``game`` is a square array_like (``game[i, j]``: payoff of strategy i against j) or a symmetric
    two-player :class:`~games.normal_form.NormalFormGame`.
    """
    from .normal_form import NormalFormGame

    if isinstance(game, NormalFormGame):
        if game.num_players != 2 or game.shape != (size, size):
            raise ValueError(f"{name} must be a symmetric 2-player game with {size} actions each; "
                             f"got {game.num_players} players with shape {game.shape}")
        a, b = game.bimatrix
        if not np.allclose(a, b.T, rtol=0, atol=1e-12 * max(game.payoff_scale, 1.0)):
            raise ValueError(f"{name} must be symmetric (column payoffs the transpose of the row payoffs); "
                             "pass the row player's matrix for a population game")
        return np.asarray(a, dtype=float), tuple(game.actions[0])
    a = as_real_array(game, name, ndim=2)
    if a.shape != (size, size):
        raise ValueError(f"{name} must be a ({size}, {size}) payoff matrix or a symmetric NormalFormGame; "
                         f"got shape {a.shape}")
    return a, tuple(f"s{k + 1}" for k in range(size))


def _labels(labels: Sequence[str] | None, default: tuple[str, ...], name: str = "labels") -> tuple[str, ...]:
    if labels is None:
        return default
    if isinstance(labels, str) or len(labels) != len(default):
        raise ValueError(f"{name} must name the {len(default)} strategies; got {labels!r}")
    return tuple(str(s) for s in labels)


# --------------------------------------------------------------------------------------- sweep maps
def regime_map(
    df: Any,
    x: str,
    y: str,
    value: str,
    *,
    colours: Mapping[str, Any] | None = None,
    order: Sequence[str] | None = None,
    legend: str = "patches",
    legend_title: str | None = None,
    ax: Any = None,
) -> Any:
    """Map a categorical outcome over a 2-D sweep: one colour per outcome, with a key.

    Each grid point is drawn as a cell centred on it (edges halfway between neighbouring grid values).

    Parameters
    ----------
    df : pandas.DataFrame
        One row per grid point of a full rectangular grid over ``x`` and ``y`` (e.g. from
        :func:`games.sweep`).
    x, y : str
        Columns of the two swept (numeric) parameters: horizontal and vertical axis.
    value : str
        Column of the categorical outcome (read as strings).
    colours : mapping, optional
        Colour of each outcome; outcomes not listed are grey. Default: the ``tab10`` colours in order.
    order : sequence of str, optional
        Order of the key (default: the keys of ``colours``, then the other outcomes sorted). Only the
        outcomes present in the table appear.
    legend : {"patches", "colorbar", "none"}
        A legend of coloured patches outside the axes on the right, a colour bar, or no key.
    legend_title : str, optional
        Title of the legend (or label of the colour bar).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If a column is missing, a point repeats, or a grid cell has no row.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> df = pd.DataFrame({"a": [0, 0, 1, 1], "b": [0, 1, 0, 1], "w": ["p", "q", "q", "q"]})
    >>> fig = regime_map(df, "a", "b", "w", colours={"p": "red", "q": "blue"})
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['p', 'q']
    >>> fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()
    ('a', 'b')
    >>> plt.close(fig)
    """
    from matplotlib.colors import ListedColormap

    check_choice(legend, "legend", _LEGENDS)
    xs, ys, table = _grid(df, x, y, value)
    missing = int(table.isna().to_numpy().sum())
    if missing:
        raise ValueError(f"df must cover the full {len(xs)} x {len(ys)} grid of ({x}, {y}); {missing} cells have "
                         f"no {value!r} (missing rows or missing values)")
    cells = table.to_numpy().astype(str)
    found = set(np.unique(cells))
    preferred = [str(lab) for lab in (order if order is not None else (colours or {}))]
    present = [lab for lab in dict.fromkeys(preferred) if lab in found]
    present += sorted(found - set(present))
    if colours is None:
        palette = {lab: DEFAULT_COLOURS[k % len(DEFAULT_COLOURS)] for k, lab in enumerate(present)}
    else:
        palette = {str(k): c for k, c in colours.items()}
    face = [palette.get(lab, OTHER_COLOUR) for lab in present]
    codes = np.vectorize({lab: k for k, lab in enumerate(present)}.__getitem__)(cells)
    fig, ax = _axes(ax, (8, 4.3))
    mesh = ax.pcolormesh(_edges(xs), _edges(ys), codes, cmap=ListedColormap(face), vmin=-0.5,
                         vmax=len(present) - 0.5, shading="flat")
    _finish_grid_axes(ax, xs, ys, x, y)
    if legend == "patches":
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=c, edgecolor="k", label=lab) for lab, c in zip(present, face)]
        ax.legend(handles=handles, title=legend_title or None, fontsize=8, title_fontsize=8,
                  loc="upper left", bbox_to_anchor=(1.01, 1.0))
    elif legend == "colorbar":
        bar = fig.colorbar(mesh, ax=ax, ticks=range(len(present)))
        bar.ax.set_yticklabels(present)
        if legend_title:
            bar.set_label(legend_title)
    return fig


def heatmap(
    df: Any,
    x: str,
    y: str,
    value: str,
    *,
    cmap: Any = "viridis",
    vmin: float | None = None,
    vmax: float | None = None,
    colorbar_label: str | None = None,
    ax: Any = None,
) -> Any:
    """Map a numeric outcome over a 2-D sweep as coloured cells, with a colour bar.

    Cells with no value (a missing row, NaN) are left blank; infinite values are refused.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per grid point (e.g. from :func:`games.sweep`).
    x, y : str
        Columns of the two swept (numeric) parameters.
    value : str
        Column of the numeric outcome.
    cmap : str or matplotlib colormap
    vmin, vmax : float, optional
        Colour scale limits (default: the data's range).
    colorbar_label : str, optional
        Label of the colour bar (default: ``value``).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> df = pd.DataFrame({"a": [0, 0, 1, 1], "b": [0, 1, 0, 1], "payoff": [0.0, 1.0, 2.0, 3.0]})
    >>> fig = heatmap(df, "a", "b", "payoff")
    >>> len(fig.axes), fig.axes[1].get_ylabel()        # the map and its colour bar
    (2, 'payoff')
    >>> fig.axes[0].collections[0].get_array().reshape(2, 2).tolist()   # rows: b = 0, 1
    [[0.0, 2.0], [1.0, 3.0]]
    >>> plt.close(fig)
    """
    import pandas as pd

    xs, ys, table = _grid(df, x, y, value)
    if not pd.api.types.is_numeric_dtype(df[value]) or pd.api.types.is_bool_dtype(df[value]):
        raise TypeError(f"value={value!r} must be a numeric column (use regime_map for categories); "
                        f"it has dtype {df[value].dtype}")
    z = table.to_numpy(dtype=float)
    if np.isinf(z).any():
        raise ValueError(f"value={value!r} has infinite entries; replace them (e.g. by NaN) before mapping")
    fig, ax = _axes(ax, (7, 4.3))
    mesh = ax.pcolormesh(_edges(xs), _edges(ys), np.ma.masked_invalid(z), cmap=cmap, vmin=vmin, vmax=vmax,
                         shading="flat")
    _finish_grid_axes(ax, xs, ys, x, y)
    fig.colorbar(mesh, ax=ax, label=value if colorbar_label is None else colorbar_label)
    return fig


# ------------------------------------------------------------------------------------ 2x2 games
def _br_path(gain0: float, gain1: float, tol: float) -> np.ndarray | None:
    """Best-response correspondence of a player with two actions as a polyline of (own, other) points.

    ``own`` is the probability of the player's first action, ``other`` the opponent's probability of its
    first action; the gain of the first action over the second is linear in ``other``, ``gain0`` at
    ``other = 0`` and ``gain1`` at ``other = 1``. ``None`` when the player is indifferent everywhere.
    """
    if abs(gain0) <= tol and abs(gain1) <= tol:
        return None
    breaks = [0.0, 1.0]
    if (gain0 > tol and gain1 < -tol) or (gain0 < -tol and gain1 > tol):
        breaks.insert(1, gain0 / (gain0 - gain1))
    pts = []
    for lo, hi in pairwise(breaks):
        own = 1.0 if gain0 + (gain1 - gain0) * (lo + hi) / 2 > 0 else 0.0
        pts += [(own, lo), (own, hi)]
    if abs(gain0) <= tol:       # indifferent against the opponent's second action: the whole edge
        pts.insert(0, (1.0 - pts[0][0], 0.0))
    if abs(gain1) <= tol:
        pts.append((1.0 - pts[-1][0], 1.0))
    return np.array(pts)


def best_response_diagram(game: Any, *, equilibria: Any = None, tol: float = 1e-9, ax: Any = None) -> Any:
    """Best-response correspondences of a 2x2 game in (p, q) space, with its Nash equilibria marked.

    ``p`` (horizontal) is the probability that the row player plays its first action, ``q`` (vertical)
    the probability that the column player plays its first action. Each player's best response is drawn
    as a step line (a player indifferent at every ``q`` shades the square); the equilibria are where the
    two lines meet. The marked points come from :func:`games.equilibria` (verified, with their regret);
    in a degenerate game they are the extreme equilibria of each component.

    Parameters
    ----------
    game : NormalFormGame
        Two players with two actions each.
    equilibria : EquilibriumSet
        The equilibria to mark, e.g. ``games.equilibria(game)``. Omitting them is deprecated: the
        function then solves the game itself (with a :class:`DeprecationWarning`).
    tol : float
        Indifference tolerance, relative to the game's payoff range (``game.payoff_scale``).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
        The equilibria are the line with ``gid="equilibria"``.

    Examples
    --------
    Matching pennies: the best responses cross once, at (1/2, 1/2).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from games import NormalFormGame
    >>> from games import equilibria
    >>> pennies = NormalFormGame.from_bimatrix([[1, -1], [-1, 1]])
    >>> fig = best_response_diagram(pennies, equilibria=equilibria(pennies))
    >>> [line.get_xydata().tolist() for line in fig.axes[0].lines if line.get_gid() == "equilibria"]
    [[[0.5, 0.5]]]
    >>> fig.axes[0].get_xlabel()
    'p = P(Player 1 plays a1)'
    >>> plt.close(fig)
    """
    from .normal_form import NormalFormGame

    if not isinstance(game, NormalFormGame):
        raise TypeError(f"game must be a NormalFormGame; got {type(game).__name__}")
    if game.num_players != 2 or game.shape != (2, 2):
        raise ValueError(f"game must be a 2x2 game (two players, two actions each); got {game.num_players} "
                         f"players with shape {game.shape}")
    tol = check_tolerance(tol)
    if equilibria is None:
        from .solvers import equilibria as solve

        warnings.warn("best_response_diagram without equilibria is deprecated; use "
                      "equilibria=games.equilibria(game) (plotting does not solve)", DeprecationWarning, stacklevel=2)
        equilibria = solve(game, tol=tol)
    eqs = equilibria
    a, b = (np.asarray(m, dtype=float) for m in game.bimatrix)
    atol = tol * max(game.payoff_scale, 1.0)
    row = _br_path(a[0, 1] - a[1, 1], a[0, 0] - a[1, 0], atol)        # (p, q)
    col = _br_path(b[1, 0] - b[1, 1], b[0, 0] - b[0, 1], atol)        # (q, p)
    players, actions = game.players, game.actions
    fig, ax = _axes(ax, (5, 5))
    for k, (path, flip, colour) in enumerate(((row, False, "#d95f02"), (col, True, "#1b9e77"))):
        who = players[k]
        if path is None:
            ax.fill([0, 1, 1, 0], [0, 0, 1, 1], color=colour, alpha=0.15, gid=f"br{k}",
                    label=f"{who} indifferent: every p" if k == 0 else f"{who} indifferent: every q")
            continue
        xs, ys = (path[:, 1], path[:, 0]) if flip else (path[:, 0], path[:, 1])
        ax.plot(xs, ys, color=colour, lw=2.5 if k == 0 else 2.0, ls="-" if k == 0 else "--", gid=f"br{k}",
                label=f"best response of {who}", clip_on=False)
    pts = np.array([[float(eq.profile[0][0]), float(eq.profile[1][0])] for eq in eqs]).reshape(-1, 2)
    ax.plot(pts[:, 0], pts[:, 1], "o", color="k", ms=8, zorder=5, gid="equilibria", clip_on=False,
            label="Nash equilibrium" if len(pts) == 1 else f"Nash equilibria ({len(pts)})")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel(f"p = P({players[0]} plays {actions[0][0]})")
    ax.set_ylabel(f"q = P({players[1]} plays {actions[1][0]})")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


# -------------------------------------------------------------------------- evolutionary dynamics
_CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, np.sqrt(3) / 2]])
# spread over the simplex, with distinct products x1 x2 x3 so that cyclic games show distinct orbits
_DEFAULT_STARTS = ((0.8, 0.15, 0.05), (0.1, 0.6, 0.3), (0.3, 0.2, 0.5), (0.05, 0.25, 0.7), (0.4, 0.45, 0.15),
                   (0.2, 0.1, 0.7))


def _check_rest_points(rest_points: Any) -> list[tuple[np.ndarray, bool]]:
    """Rest points given as (probability vector over 3 strategies, is_nash) pairs, checked."""
    from .validation import check_probability_vector

    if isinstance(rest_points, (str, bytes)) or not isinstance(rest_points, Sequence):
        raise TypeError(f"rest_points must be a sequence of (state, is_nash) pairs; got {type(rest_points).__name__}")
    out = []
    for k, item in enumerate(rest_points):
        if not isinstance(item, Sequence) or len(item) != 2 or not isinstance(item[1], (bool, np.bool_)):
            raise TypeError(f"rest_points[{k}] must be a (state, is_nash) pair with is_nash a bool; got {item!r}")
        state = check_probability_vector(np.asarray(item[0], dtype=float), 3, f"rest_points[{k}]")
        out.append((np.asarray(state, dtype=float), bool(item[1])))
    return out


def simplex_portrait(
    game: Any,
    *,
    starts: Sequence[Sequence[float]] | None = None,
    t_max: float = 30.0,
    density: int = 12,
    labels: Sequence[str] | None = None,
    rest_points: Sequence[tuple[Sequence[float], bool]] | None = None,
    tol: float = 1e-9,
    ax: Any = None,
) -> Any:
    """Phase portrait of the replicator dynamics of a symmetric 3-strategy game on the simplex.

    Draws the direction of the replicator flow ``x_i' = x_i ((A x)_i - x . A x)`` at a lattice of interior
    points (arrows of equal length, darker where the flow is faster), trajectories from ``starts``
    (integrated by :func:`games.evolution.replicator_dynamics`), and the rest points it is given: filled
    where the population state is a symmetric Nash equilibrium, open where it is not.

    Parameters
    ----------
    game : array_like (3, 3) or NormalFormGame
        ``game[i, j]``: payoff of strategy i against strategy j; or a symmetric 3x3 two-player game.
    starts : sequence of probability vectors, optional
        Initial states of the trajectories (default: six interior points; ``[]`` for none).
    t_max : float
        Length of each trajectory.
    density : int
        Lattice points per edge for the direction field (0 for none).
    labels : sequence of 3 str, optional
        Names of the strategies at the corners (default: the game's action labels, or s1, s2, s3).
    rest_points : sequence of (state, is_nash)
        The rest points to mark: each a probability vector over the three strategies and whether it is a
        symmetric Nash equilibrium, as :func:`games.evolution.replicator_rest_points` returns them (``[]`` for
        none). Omitting them is deprecated: the function then calls that function itself (with a
        :class:`DeprecationWarning`).
    tol : float
        Equilibrium tolerance, relative to the payoff range (used only when ``rest_points`` is omitted).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
        The rest points are the lines with ``gid="nash"`` and ``gid="rest"``; corner ``k`` (strategy k)
        is drawn at ``(0, 0)``, ``(1, 0)``, ``(1/2, sqrt(3)/2)`` for k = 0, 1, 2.

    Examples
    --------
    Rock-paper-scissors: the only Nash equilibrium is the centre; the corners are rest points that are
    not equilibria.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from games.evolution import replicator_rest_points
    >>> rps = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    >>> rest = replicator_rest_points(rps)
    >>> fig = simplex_portrait(rps, labels=["rock", "paper", "scissors"], density=6, rest_points=rest)
    >>> ax = fig.axes[0]
    >>> [line.get_xydata().round(4).tolist() for line in ax.lines if line.get_gid() == "nash"]
    [[[0.5, 0.2887]]]
    >>> len([line for line in ax.lines if line.get_gid() == "rest"][0].get_xydata())
    3
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "corner"]
    ['rock', 'paper', 'scissors']
    >>> plt.close(fig)
    """
    from .evolution import replicator_dynamics, replicator_field
    from .validation import check_probability_vector

    a, default_labels = _symmetric_matrix(game, 3)
    names = _labels(labels, default_labels)
    tol = check_tolerance(tol)
    density = check_positive_int(density, "density", minimum=0)
    if not (np.isfinite(t_max) and t_max > 0):
        raise ValueError(f"t_max must be a positive number; got {t_max!r}")
    starts = _DEFAULT_STARTS if starts is None else starts
    if rest_points is None:
        from .evolution import replicator_rest_points

        warnings.warn("simplex_portrait without rest_points is deprecated; use "
                      "rest_points=games.evolution.replicator_rest_points(payoffs) (plotting does not solve)",
                      DeprecationWarning, stacklevel=2)
        rest = replicator_rest_points(a, tol=tol)
    else:
        rest = _check_rest_points(rest_points)
    x0s = [np.asarray(check_probability_vector(np.asarray(s, dtype=float), 3, f"starts[{k}]"), dtype=float)
           for k, s in enumerate(starts)]
    fig, ax = _axes(ax, (5.5, 5))
    ax.fill(_CORNERS[:, 0], _CORNERS[:, 1], facecolor="none", edgecolor="k", lw=1)
    if density >= 3:
        lattice = np.array([(i, j, density - i - j) for i in range(1, density) for j in range(1, density - i)],
                           dtype=float) / density
        vel = replicator_field(a, lattice)
        pos, arrows = lattice @ _CORNERS, vel @ _CORNERS
        speed = np.linalg.norm(arrows, axis=1)
        unit = arrows / np.where(speed > 0, speed, 1.0)[:, None]
        ax.quiver(pos[:, 0], pos[:, 1], unit[:, 0], unit[:, 1], speed, cmap="Greys", clim=(-0.3 * speed.max(),
                  speed.max() or 1.0), angles="xy", scale_units="xy", scale=1.6 * density, width=0.004,
                  gid="field")
    for k, x0 in enumerate(x0s):
        _, path = replicator_dynamics(a, x0, t_max=t_max)
        xy = path @ _CORNERS
        colour = f"C{k % 10}"
        ax.plot(xy[:, 0], xy[:, 1], color=colour, lw=1.3, gid="trajectory")
        ax.plot(*xy[0], "o", color=colour, ms=3)
        mid = len(xy) // 8
        ax.annotate("", xy=xy[mid + 1], xytext=xy[mid], arrowprops={"arrowstyle": "-|>", "color": colour})
    for nash, gid, face, label in ((True, "nash", "k", "Nash equilibrium"),
                                   (False, "rest", "white", "rest point, not Nash")):
        pts = np.array([p for p, is_nash in rest if is_nash == nash]).reshape(-1, 3) @ _CORNERS
        if len(pts):
            ax.plot(pts[:, 0], pts[:, 1], "o", mfc=face, mec="k", ms=8, zorder=5, clip_on=False, gid=gid,
                    label=label)
    offsets = ((-0.04, -0.05, "right"), (0.04, -0.05, "left"), (0.0, 0.04, "center"))
    for (cx, cy), (dx, dy, ha), name in zip(_CORNERS, offsets, names):
        ax.text(cx + dx, cy + dy, name, ha=ha, va="center", fontsize=10, gid="corner")
    ax.set_xlim(-0.15, 1.15)
    ax.set_ylim(-0.12, 1.0)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, loc="upper left")
    return fig


def _two_action_game(game: Any) -> Any:
    """An :class:`~games.anonymous.AnonymousGame` with two actions: ``game`` itself, or the pairwise game
    of a 2x2 payoff matrix / symmetric NormalFormGame."""
    from .anonymous import AnonymousGame

    if isinstance(game, AnonymousGame):
        if game.k != 2:
            raise ValueError(f"game must have two strategies; this AnonymousGame has {game.k}")
        return game
    from .group_dynamics import pairwise_game

    a, labs = _symmetric_matrix(game, 2)
    return pairwise_game(a, actions=labs)


_KINDS = ("stable", "unstable", "semi-stable")


def _check_line_rest_points(rest_points: Any) -> list[tuple[float, str]]:
    """Rest points of a phase line given as (share, kind) pairs, checked and sorted by share."""
    if isinstance(rest_points, (str, bytes)) or not isinstance(rest_points, Sequence):
        raise TypeError(f"rest_points must be a sequence of (share, kind) pairs; got {type(rest_points).__name__}")
    out = []
    for k, item in enumerate(rest_points):
        if (not isinstance(item, Sequence) or isinstance(item, str) or len(item) != 2
                or item[1] not in _KINDS):
            raise TypeError(f"rest_points[{k}] must be a (share, kind) pair with kind one of {_KINDS}; got {item!r}")
        x = float(item[0])
        if not 0.0 <= x <= 1.0:
            raise ValueError(f"rest_points[{k}] must have a share in [0, 1]; got {x}")
        out.append((x, str(item[1])))
    return sorted(out)


def phase_line(
    game: Any,
    *,
    strategy: int = 1,
    labels: Sequence[str] | None = None,
    rest_points: Sequence[tuple[float, str]] | None = None,
    num: int = 201,
    tol: float = 1e-9,
    ax: Any = None,
) -> Any:
    """Replicator dynamics of a 2-strategy game: the gradient of selection and its rest points.

    With ``x`` the share of ``strategy``, the gradient ``x' = x (1 - x) (f(strategy) - f(other))`` is drawn
    against ``x`` (evaluated by :func:`games.group_dynamics.gradient_of_selection`, groups of any size for
    an anonymous game), with arrows on the axis for the direction of the flow between the rest points
    and the rest points it is given marked by stability: filled (stable), open (unstable), half-filled
    (semi-stable).

    Parameters
    ----------
    game : array_like (2, 2), NormalFormGame or AnonymousGame
        ``game[i, j]``: payoff of strategy i against strategy j (a pairwise game), a symmetric 2x2
        two-player game, or a two-action :class:`~games.anonymous.AnonymousGame` played in groups.
    strategy : {0, 1}
        The strategy whose share is on the horizontal axis.
    labels : sequence of 2 str, optional
        Names of the two strategies (default: the game's action labels, or s1, s2).
    rest_points : sequence of (float, str)
        The rest points to mark, as :func:`games.group_dynamics.rest_points` returns them: the share of the
        game's *second* strategy (whatever ``strategy`` is shown) and ``"stable"``, ``"unstable"`` or
        ``"semi-stable"``. Omitting them is deprecated: the function then calls that function itself (with a
        :class:`DeprecationWarning`).
    num : int
        Points at which the gradient is drawn.
    tol : float
        Tolerance, relative to the payoff range, under which the flow counts as zero.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
        The rest points are the lines with ``gid`` ``"stable"``, ``"unstable"`` and ``"semi-stable"``.

    Examples
    --------
    A coordination game: the interior rest point, at share 2/3 of the second strategy, is unstable.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from games.group_dynamics import pairwise_game, rest_points
    >>> rest = rest_points(pairwise_game([[2, 0], [0, 1]]))
    >>> fig = phase_line([[2, 0], [0, 1]], labels=["A", "B"], rest_points=rest)
    >>> ax = fig.axes[0]
    >>> {line.get_gid(): line.get_xdata().round(4).tolist() for line in ax.lines if line.get_gid()}
    {'stable': [0.0, 1.0], 'unstable': [0.6667]}
    >>> ax.get_xlabel()
    'share of B'
    >>> plt.close(fig)
    """
    from .group_dynamics import gradient_of_selection

    ag = _two_action_game(game)
    names = _labels(labels, tuple(ag.action_names))
    if strategy not in (0, 1) or isinstance(strategy, bool):
        raise ValueError(f"strategy must be 0 or 1 (the strategy whose share is shown); got {strategy!r}")
    num = check_positive_int(num, "num", minimum=3)
    tol = check_tolerance(tol)
    zero = tol * max(ag.payoff_scale, 1.0)
    if rest_points is None:
        from .group_dynamics import rest_points as find_rest_points

        warnings.warn("phase_line without rest_points is deprecated; use "
                      "rest_points=games.group_dynamics.rest_points(game) (plotting does not solve)",
                      DeprecationWarning, stacklevel=2)
        rest = find_rest_points(ag, tol=tol)
    else:
        rest = _check_line_rest_points(rest_points)                # shares of action 1
    marks = np.array([x for x, _ in rest])
    kinds = [kind for _, kind in rest]
    cuts = np.unique(np.concatenate([[0.0], marks, [1.0]]))
    mids = (cuts[1:] + cuts[:-1]) / 2
    gain = gradient_of_selection(ag, mids) / (mids * (1 - mids))   # sign of the flow on each interval
    flow = np.where(np.abs(gain) <= zero, 0, np.sign(gain))
    xs = np.linspace(0.0, 1.0, num)
    grad = gradient_of_selection(ag, xs)
    if strategy == 0:                                              # the share of action 0 is 1 - x
        xs, grad, cuts, mids, flow = 1 - xs[::-1], -grad[::-1], 1 - cuts[::-1], 1 - mids[::-1], -flow[::-1]
        marks = 1 - marks
    fig, ax = _axes(ax, (6, 3.5))
    ax.plot(xs, grad, color="#1b9e77", lw=2, label="gradient of selection")
    ax.axhline(0.0, color="k", lw=0.8)
    span = float(np.max(np.abs(grad))) or 1.0
    for m, d, lo, hi in zip(mids, flow, cuts[:-1], cuts[1:]):
        if d:
            half = min(0.05, (hi - lo) / 4)
            ax.annotate("", xy=(m + d * half, 0.0), xytext=(m - d * half, 0.0),
                        arrowprops={"arrowstyle": "-|>", "color": "k", "lw": 1.5, "mutation_scale": 16})
    styles = {"stable": {"mfc": "k"}, "unstable": {"mfc": "white"},
              "semi-stable": {"mfc": "k", "fillstyle": "left", "markerfacecoloralt": "white"}}
    for kind, style in styles.items():
        at = sorted(float(c) for c, k in zip(marks, kinds) if k == kind)
        if at:
            ax.plot(at, np.zeros(len(at)), "o", mec="k", ms=9, zorder=5, clip_on=False, gid=kind,
                    label=f"{kind} rest point", **style)
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(-1.15 * span, 1.15 * span)
    ax.set_xlabel(f"share of {names[strategy]}")
    ax.set_ylabel("gradient of selection (dx/dt)")
    ax.legend(fontsize=8, loc="best")
    return fig
