"""Parameter sweeps: evaluate a function or a model over a grid of points, as a tidy table.

:func:`sweep` returns one :class:`pandas.DataFrame` row per grid point (one column per parameter and
one per result); :func:`sweep_iter` yields the same table in chunks, so a sweep of ten million points
runs in bounded memory (write each chunk to disk as it arrives). Points run serially or on any
:class:`concurrent.futures.Executor` (a process pool, or a dask cluster through
``client.get_executor()``), always with the same answer: per-point seeds are derived from the sweep's
seed and the point's index, never from the order in which workers finish.

A target that accepts whole arrays of parameters (``vectorized=True``) is called once per chunk; a
model that builds its games as stacked arrays solves them all at once with
:func:`games.batch_equilibria`, which is the fast path for sweeps of small games.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import numbers
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from typing import Any

import numpy as np
import pandas as pd

from .validation import noted

__all__ = ["grid_size", "grid_value", "point_seeds", "sweep", "sweep_iter"]

#: Default points per chunk for targets called point by point, and for vectorised targets.
SCALAR_CHUNK = 1_000
VECTOR_CHUNK = 100_000


# --------------------------------------------------------------------------- grids
def _grid_size(grid: Any) -> int:
    """The number of points of ``grid``, from the lengths of its axes when they have one (no copy)."""
    if isinstance(grid, Mapping) and grid and not any(isinstance(v, (str, bytes)) for v in grid.values()):
        try:
            lengths = [len(v) for v in grid.values()]
        except TypeError:  # a value without a length: _Grid names it
            lengths = []
        if lengths and min(lengths) > 0:
            return math.prod(lengths)
    return _Grid(grid).size


class _Grid:
    """The points of a sweep, served by index range without materialising a Cartesian product."""

    def __init__(self, grid: Any) -> None:
        if isinstance(grid, pd.DataFrame):
            if grid.shape[1] == 0 or len(grid) == 0:
                raise ValueError(f"grid is empty: a DataFrame of points needs at least one row and one column; "
                                 f"got shape {grid.shape}")
            self.names = [self._name(c) for c in grid.columns]
            self._frame = grid.reset_index(drop=True)
            self.size = len(grid)
            self.kind = "frame"
        elif isinstance(grid, Mapping):
            if not grid:
                raise ValueError("grid is empty: give a dict mapping each parameter name to its values")
            self.names = [self._name(k) for k in grid]
            self._values = []
            for name, vals in grid.items():
                _check_values(name, vals)
                vals = list(vals.tolist() if isinstance(vals, (np.ndarray, pd.Series, pd.Index)) else vals)
                vals = [grid_value(v) for v in vals]
                if not vals:
                    raise ValueError(f"grid[{name!r}] is empty; every parameter needs at least one value")
                self._values.append(vals)
            self._arrays = [_column_array(v) for v in self._values]
            self.shape = tuple(len(v) for v in self._values)
            self.size = math.prod(self.shape)
            self.kind = "product"
        elif isinstance(grid, Sequence) and not isinstance(grid, (str, bytes)):
            if not grid:
                raise ValueError("grid is empty: a list of points needs at least one dict")
            for k, point in enumerate(grid):
                if not isinstance(point, Mapping):
                    raise TypeError(f"grid[{k}] must be a dict of parameter values; got {type(point).__name__}")
            self.names = [self._name(c) for c in grid[0]]
            for k, point in enumerate(grid):
                if list(point) != self.names and set(point) != set(self.names):
                    raise ValueError(f"grid[{k}] has parameters {sorted(point)}; every point must give the same "
                                     f"parameters as grid[0]: {sorted(self.names)}")
            if not self.names:
                raise ValueError("grid is empty: the points give no parameters")
            self._points = list(grid)
            self.size = len(grid)
            self.kind = "list"
        else:
            raise TypeError("grid must be a dict of name -> values (Cartesian product), a list of dicts or a "
                            f"pandas.DataFrame of points; got {type(grid).__name__}")

    @staticmethod
    def _name(name: Any) -> str:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"grid parameter names must be valid Python identifiers; got {name!r}")
        return name

    def rows(self, start: int, stop: int) -> list[dict[str, Any]]:
        """Points ``start..stop-1`` as dicts of plain Python values."""
        if self.kind == "product":
            idx = np.unravel_index(np.arange(start, stop), self.shape)
            cols = [[vals[j] for j in ix.tolist()] for vals, ix in zip(self._values, idx)]
            return [dict(zip(self.names, row)) for row in zip(*cols)]
        if self.kind == "frame":
            return self._frame.iloc[start:stop].to_dict("records")
        return [{name: p[name] for name in self.names} for p in self._points[start:stop]]

    def columns(self, start: int, stop: int) -> dict[str, np.ndarray]:
        """Points ``start..stop-1`` as one numpy array per parameter."""
        if self.kind == "product":
            idx = np.unravel_index(np.arange(start, stop), self.shape)
            return {name: arr[ix] for name, arr, ix in zip(self.names, self._arrays, idx)}
        if self.kind == "frame":
            return {name: self._frame[name].to_numpy()[start:stop] for name in self.names}
        pts = self._points[start:stop]
        return {name: np.asarray([p[name] for p in pts]) for name in self.names}


def _check_values(name: str, vals: Any) -> None:
    """Raise unless ``vals`` is a sequence of parameter values (saying how to write what was meant)."""
    if isinstance(vals, np.ndarray) and vals.ndim == 0:
        raise TypeError(f"grid[{name!r}] must be a sequence of values; got a 0-d array {vals!r} "
                        f"(write [{vals[()]!r}] for a single value)")
    if isinstance(vals, (str, bytes)) or not isinstance(vals, (Sequence, np.ndarray, range, pd.Series, pd.Index)):
        if isinstance(vals, (set, frozenset)):
            hint = "write sorted(...) to sweep its values in a fixed order"
        elif isinstance(vals, Iterator):
            hint = "write list(...) to sweep its values"
        else:
            hint = f"write [{vals!r}] for a single value"
        raise TypeError(f"grid[{name!r}] must be a sequence of values; got {type(vals).__name__} {vals!r} ({hint})")


#: How far (in units in the last place) a grid value may move to the shortest decimal near it.
GRID_ULPS = 4
#: The most significant digits such a decimal may have (a 15-digit decimal lies within 4 ulps of most floats).
GRID_DIGITS = 12


def grid_value(value: Any) -> Any:
    """A grid value as the user meant it: a float becomes the shortest decimal within a few ulps of it.

    Grids built with :func:`numpy.linspace` or :func:`numpy.arange` carry rounding dust
    (``np.linspace(0, 1, 21)[7]`` is ``0.35000000000000003``); :func:`sweep` evaluates and tabulates the
    decimal that was asked for (``0.35``), moving a value by at most :data:`GRID_ULPS` units in the last
    place. Other values (ints, strings, decimals already short) are returned unchanged.

    Examples
    --------
    >>> import numpy as np
    >>> float(np.linspace(0, 1, 21)[7]), grid_value(np.linspace(0, 1, 21)[7])
    (0.35000000000000003, 0.35)
    >>> grid_value(0.1 + 0.2), grid_value(1 / 3), grid_value(7)
    (0.3, 0.3333333333333333, 7)
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (float, np.floating)):
        return value
    v = float(value)
    text = repr(v)
    if not math.isfinite(v) or len(text.split("e")[0].lstrip("-").replace(".", "").lstrip("0")) < 16:
        return v if isinstance(value, float) else value
    limit = GRID_ULPS * math.ulp(v)
    for digits in range(1, GRID_DIGITS + 1):
        short = float(f"{v:.{digits}g}")
        if abs(short - v) <= limit:
            return short
    return v


def _column_array(values: list) -> np.ndarray:
    """A 1-D array of ``values``: numeric or string dtype when they are all alike, else object."""
    try:
        arr = np.asarray(values)
    except ValueError:
        arr = None
    if arr is not None and arr.ndim == 1 and (arr.dtype.kind not in "USO" or all(isinstance(v, str) for v in values)):
        return arr
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def grid_size(grid: Any) -> int:
    """Number of points in a sweep grid.

    Examples
    --------
    >>> grid_size({"cost": [1, 2, 3], "n": range(10)})
    30
    """
    return _Grid(grid).size


def point_seeds(seed: int | np.random.SeedSequence, start: int, stop: int) -> np.ndarray:
    """The seeds a sweep hands to points ``start..stop-1``.

    Point ``i`` gets the first 64-bit word of ``numpy.random.SeedSequence(seed).spawn(N)[i]`` (whatever
    ``N``), so a point's seed depends only on the sweep's seed and its index.

    Examples
    --------
    >>> import numpy as np
    >>> child = np.random.SeedSequence(7).spawn(3)[2]
    >>> int(point_seeds(7, 2, 3)[0]) == int(child.generate_state(1, np.uint64)[0])
    True
    """
    if isinstance(seed, np.random.SeedSequence):
        entropy, key, pool = seed.entropy, tuple(seed.spawn_key), seed.pool_size
    elif isinstance(seed, (numbers.Integral, np.integer)) and not isinstance(seed, bool) and seed >= 0:
        entropy, key, pool = int(seed), (), 4
    else:
        raise TypeError(f"seed must be a non-negative int or a numpy SeedSequence; got {type(seed).__name__} {seed!r}")
    return np.array([np.random.SeedSequence(entropy, spawn_key=key + (i,), pool_size=pool)
                     .generate_state(1, np.uint64)[0] for i in range(start, stop)], dtype=np.uint64)


# --------------------------------------------------------------------------- targets
class _Target:
    """A function, a model instance or a model class, evaluated at one point or one chunk."""

    def __init__(self, target: Any, vectorized: bool) -> None:
        self.vectorized = vectorized
        self.obj = target
        if isinstance(target, type):
            if not callable(getattr(target, "outcome", None)):
                raise TypeError(f"target class {target.__name__} must define outcome() (a model); "
                                "or pass a function of the parameters")
            self.kind = "class"
            self.params, self.required, self.open = _signature(target)
        elif dataclasses.is_dataclass(target):
            if not callable(getattr(target, "outcome", None)):
                raise TypeError(f"target {type(target).__name__} must define outcome() (a model)")
            self.kind = "instance"
            self.params = {f.name for f in dataclasses.fields(target) if f.init}
            self.required, self.open = set(), False
        elif callable(target):
            self.kind = "function"
            self.params, self.required, self.open = _signature(target)
        else:
            raise TypeError("target must be a function of keyword parameters, a model (a dataclass with "
                            f"outcome()) or a model class; got {type(target).__name__}")
        if vectorized and self.kind != "function":
            raise TypeError("vectorized=True needs a function of array parameters; a model is evaluated point by "
                            "point (write a function that builds the model's games as arrays, see sweep's example)")
        self.takes_seed = "seed" in self.params

    def check(self, names: list[str]) -> None:
        unknown = [n for n in names if n not in self.params]
        if unknown and not self.open:
            raise ValueError(f"grid has parameters {unknown} that the target does not take; it takes "
                             f"{sorted(self.params)}")
        missing = sorted(self.required - set(names) - {"seed"})
        if missing:
            raise ValueError(f"the target needs parameters {missing} that the grid does not give")

    def __call__(self, params: dict[str, Any]) -> Any:
        if self.kind == "function":
            return self.obj(**params)
        model = self.obj(**params) if self.kind == "class" else dataclasses.replace(self.obj, **params)
        return model.outcome()


def _signature(func: Callable) -> tuple[set[str], set[str], bool]:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return set(), set(), True
    params, required, open_ = set(), set(), False
    for p in sig.parameters.values():
        if p.kind is p.VAR_KEYWORD:
            open_ = True
        elif p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
            params.add(p.name)
            if p.default is p.empty:
                required.add(p.name)
    return params, required, open_


def _is_scalar(v: Any) -> bool:
    return v is None or isinstance(v, (numbers.Number, str, bytes, np.generic)) or (
        isinstance(v, np.ndarray) and v.ndim == 0)


def _as_result(out: Any, params: dict[str, Any]) -> dict[str, Any]:
    if isinstance(out, Mapping):
        for key, v in out.items():
            if not isinstance(key, str):
                raise TypeError(f"the target's result keys must be str; got {key!r} at point {params}")
            if not _is_scalar(v):
                raise TypeError(f"the target must return a flat dict of scalars; result {key!r} is "
                                f"{type(v).__name__} at point {params}")
        return dict(out)
    if isinstance(out, (numbers.Number, np.generic)) and not isinstance(out, (str, bytes)):
        return {"value": out}
    raise TypeError(f"the target must return a dict of named results or a number; it returned "
                    f"{type(out).__name__} at point {params}")


def _merge(params: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    row = dict(params)
    for key, v in result.items():
        if key in row:
            if _same(row[key], v):
                continue
            raise ValueError(f"the target's result {key!r} has the name of a parameter but a different value "
                             f"({v!r} != {row[key]!r}); rename the result")
        row[key] = v
    return row


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(np.all(a == b))
    except Exception:
        return False


# --------------------------------------------------------------------------- chunk evaluation
def _run_chunk(target: _Target, grid: _Grid, start: int, stop: int, seed: Any) -> pd.DataFrame:
    """Evaluate points ``start..stop-1`` and return their rows (runs in the worker)."""
    seeds = point_seeds(seed, start, stop) if seed is not None else None
    if target.vectorized:
        cols = grid.columns(start, stop)
        kwargs = dict(cols)
        if seeds is not None:
            kwargs["seed"] = seeds
        try:
            out = target.obj(**kwargs)
        except Exception as exc:
            exc.add_note(f"in the sweep chunk of points {start}..{stop - 1}")
            raise
        frame = pd.DataFrame(cols)
        if seeds is not None:
            frame["seed"] = seeds
        for key, v in _vector_result(out, stop - start).items():
            if key in frame.columns:
                if _same(frame[key].to_numpy(), v):
                    continue
                raise ValueError(f"the target's result {key!r} has the name of a parameter but different values; "
                                 "rename the result")
            frame[key] = v
        frame.index = pd.RangeIndex(start, stop)
        return frame
    rows = []
    for i, params in enumerate(grid.rows(start, stop)):
        call = dict(params)
        if seeds is not None:
            call["seed"] = int(seeds[i])
        try:
            out = target(call)
        except Exception as exc:
            exc.add_note(f"at sweep point {start + i}: {call}")
            raise
        rows.append(_merge(params, _as_result(out, call)))
    frame = pd.DataFrame(rows, index=pd.RangeIndex(start, stop))
    if seeds is not None:
        frame.insert(len(grid.names), "seed", seeds)
    return frame


def _vector_result(out: Any, size: int) -> dict[str, np.ndarray]:
    if isinstance(out, Mapping):
        items = dict(out)
    elif isinstance(out, (np.ndarray, pd.Series, Sequence)) and not isinstance(out, (str, bytes)):
        items = {"value": out}
    else:
        raise TypeError("a vectorized target must return a dict of arrays (one entry per point) or one array; "
                        f"it returned {type(out).__name__}")
    result = {}
    for key, v in items.items():
        arr = np.asarray(v)
        if arr.ndim == 0:
            arr = np.full(size, arr[()])
        if arr.shape != (size,):
            raise ValueError(f"a vectorized target must return one value per point; result {key!r} has shape "
                             f"{arr.shape}, expected ({size},)")
        result[str(key)] = arr
    return result


#: :func:`sweep` refuses grids of more points than this unless told otherwise (one table row per point).
DEFAULT_MAX_POINTS = 10_000_000

# --------------------------------------------------------------------------- public API
def sweep_iter(
    target: Any,
    grid: Any,
    *,
    seed: int | np.random.SeedSequence | None = None,
    executor: Executor | None = None,
    progress: bool | None = None,
    chunksize: int | None = None,
    vectorized: bool = False,
) -> Iterator[pd.DataFrame]:
    """Evaluate a sweep chunk by chunk, yielding each chunk's rows in grid order.

    Takes the same arguments as :func:`sweep`. Memory stays bounded by a few chunks whatever the number
    of points (the Cartesian product is never materialised); with an executor at most a few chunks per
    worker are in flight. Each chunk is a DataFrame indexed by the points' positions in the grid.

    Examples
    --------
    >>> chunks = list(sweep_iter(lambda x: {"square": x * x}, {"x": range(5)}, chunksize=2))
    >>> [len(c) for c in chunks], chunks[-1]["square"].tolist()
    ([2, 2, 1], [16])
    """
    g = _Grid(grid)
    t = _Target(target, bool(vectorized))
    t.check(g.names)
    if "seed" in g.names and seed is not None:
        raise ValueError("seed was given both as a grid parameter and as sweep(seed=...); give one")
    if seed is not None:
        point_seeds(seed, 0, 0)  # validates
        if not t.takes_seed:
            raise ValueError(f"seed={seed!r} was given but the target takes no 'seed' parameter; drop seed or "
                             "add a seed parameter to the target")
    if not isinstance(vectorized, (bool, np.bool_)):
        raise TypeError(f"vectorized must be True or False; got {vectorized!r}")
    if chunksize is None:
        chunksize = VECTOR_CHUNK if vectorized else max(1, min(SCALAR_CHUNK, math.ceil(g.size / 64)))
    if isinstance(chunksize, bool) or not isinstance(chunksize, (numbers.Integral, np.integer)) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive integer; got {chunksize!r}")
    if isinstance(executor, type):
        raise TypeError(f"executor must be an Executor instance, e.g. {executor.__name__}(); got the class "
                        f"{executor.__name__}")
    if executor is not None and not isinstance(executor, Executor) and not callable(getattr(executor, "submit", None)):
        raise TypeError(f"executor must be a concurrent.futures.Executor; got {type(executor).__name__}")
    if progress not in (None, True, False):
        raise TypeError(f"progress must be None (automatic), True or False; got {progress!r}")
    step = int(chunksize)
    bounds = ((s, min(s + step, g.size)) for s in range(0, g.size, step))   # lazy: any number of points
    return _stream(t, g, bounds, seed, executor, progress)


def _stream(t: _Target, g: _Grid, bounds: Iterable[tuple[int, int]], seed: Any, executor: Executor | None,
            progress: bool | None) -> Iterator[pd.DataFrame]:
    bar = _progress_bar(g.size, progress)
    try:
        for frame in _chunks(t, g, bounds, seed, executor):
            if bar is not None:
                bar.update(len(frame))
            yield frame
    finally:
        if bar is not None:
            bar.close()


def _chunks(t: _Target, g: _Grid, bounds: Iterable[tuple[int, int]], seed: Any,
            executor: Executor | None) -> Iterator[pd.DataFrame]:
    if executor is None:
        for start, stop in bounds:
            yield _run_chunk(t, g, start, stop, seed)
        return
    window = max(8, 2 * int(getattr(executor, "_max_workers", 4) or 4))
    pending: list = []   # (future, start, stop)
    try:
        for start, stop in bounds:
            with _chunk_noted(start, stop, "submitting "):
                pending.append((executor.submit(_run_chunk, t, g, start, stop, seed), start, stop))
            if len(pending) >= window:
                fut, a, b = pending.pop(0)
                with _chunk_noted(a, b):
                    frame = fut.result()
                yield frame
        while pending:
            fut, a, b = pending.pop(0)
            with _chunk_noted(a, b):
                frame = fut.result()
            yield frame
    finally:
        for fut, _, _ in pending:
            fut.cancel()



def _chunk_noted(start: int, stop: int, doing: str = ""):
    """Name the chunk in an exception that does not say where in the sweep it happened."""
    return noted(f"{doing}the sweep chunk of points {start}..{stop - 1} (on the executor)", unless="sweep")


def _progress_bar(total: int, progress: bool | None):
    if progress is False:
        return None
    from .progress import progress_bar

    # automatic: the bar appears only once the sweep has run for two seconds
    return progress_bar(total=total, unit="pt", desc="sweep", delay=0 if progress else 2.0, leave=bool(progress))


def sweep(
    target: Any,
    grid: Any,
    *,
    seed: int | np.random.SeedSequence | None = None,
    executor: Executor | None = None,
    progress: bool | None = None,
    chunksize: int | None = None,
    vectorized: bool = False,
    max_points: int | None = DEFAULT_MAX_POINTS,
) -> pd.DataFrame:
    """Evaluate a function or a model at every point of a grid; one row per point.

    Parameters
    ----------
    target : callable, model or model class
        - a function of keyword parameters returning a flat dict of named results (or one number, which
          becomes the column ``"value"``);
        - a model instance (a dataclass with ``outcome()``): each point is
          ``dataclasses.replace(model, **point).outcome()``;
        - a model class: each point is ``cls(**point).outcome()``.
    grid : dict, list of dict or pandas.DataFrame
        A dict ``name -> values`` sweeps the Cartesian product (first name varies slowest); a list of
        dicts or a DataFrame gives the points one by one.
    seed : int or numpy.random.SeedSequence, optional
        When given, a target with a ``seed`` parameter receives at point ``i`` the seed
        :func:`point_seeds` derives from ``SeedSequence(seed).spawn``; the seeds form a ``seed`` column.
        Results are identical serial or parallel, whatever the chunk size.
    executor : concurrent.futures.Executor, optional
        Runs chunks in parallel: a ``ProcessPoolExecutor`` (the target must then be picklable: a module-level
        function or a model) or a dask cluster's ``client.get_executor()``. ``None`` runs serially.
    progress : bool or None
        ``True`` shows a tqdm progress bar, ``False`` never; ``None`` shows it once a sweep has run 2 s.
    chunksize : int, optional
        Points per task; default up to 1,000 point by point, 100,000 for vectorised targets.
    vectorized : bool
        The target accepts one numpy array per parameter (a chunk of points) and returns a dict of arrays
        (or one array) with one entry per point; it is called once per chunk.
    max_points : int or None
        Refuse (before evaluating anything) a grid of more points than this, naming the count; ``None``
        for no limit. :func:`sweep_iter` streams any number of points without building the table.

    Returns
    -------
    pandas.DataFrame
        Columns: the parameters (grid order), ``seed`` when seeded, then the results; index ``0..N-1``.

    Raises
    ------
    ValueError
        An empty grid, grid names the target does not take, required parameters missing from the grid,
        a seed for a target without a ``seed`` parameter, a result of the wrong length.
    TypeError
        A target returning something other than a flat dict or a number; a grid of the wrong type.

    Examples
    --------
    A function of keyword parameters:

    >>> sweep(lambda cost, benefit: {"net": benefit - cost}, {"cost": [1, 2], "benefit": [5, 7]})
       cost  benefit  net
    0     1        5    4
    1     1        7    6
    2     2        5    3
    3     2        7    5

    Seeded points give the same table serially and on any executor:

    >>> import numpy as np
    >>> noisy = lambda sigma, seed: {"draw": float(np.random.default_rng(seed).normal(0, sigma))}
    >>> sweep(noisy, {"sigma": [1.0, 2.0]}, seed=3).equals(sweep(noisy, {"sigma": [1.0, 2.0]}, seed=3))
    True

    The fast path for small games: a function that builds every point's game as stacked arrays and
    solves them in one call to :func:`games.batch_equilibria` (here a 2x2 arms game whose mutual
    restraint pays ``r`` and unilateral arming a temptation ``t``):

    >>> import games
    >>> def arms(r, t):
    ...     k = len(r)
    ...     A = np.zeros((k, 2, 2))
    ...     A[:, 0, 0], A[:, 1, 0], A[:, 1, 1] = r, t, 1.0     # row: restrain/arm vs restrain/arm
    ...     eqs = games.batch_equilibria(A, A.transpose(0, 2, 1))
    ...     mutual_restraint = (eqs.x[:, 0] == 1) & (eqs.y[:, 0] == 1)
    ...     return {"n_equilibria": eqs.counts,
    ...             "restraint_is_equilibrium": eqs.any_per_game(mutual_restraint)}
    >>> sweep(arms, {"r": [3.0], "t": [2.0, 5.0]}, vectorized=True)
         r    t  n_equilibria  restraint_is_equilibrium
    0  3.0  2.0             3                      True
    1  3.0  5.0             1                     False
    """
    if max_points is not None:
        if isinstance(max_points, bool) or not isinstance(max_points, (int, np.integer)) or max_points < 1:
            raise ValueError(f"max_points must be a positive integer or None; got {max_points!r}")
        size = _grid_size(grid)
        if size > max_points:
            raise ValueError(f"the grid has {size:,} points, more than max_points={int(max_points):,}; "
                             "use a coarser grid, raise max_points (the table holds one row per point), or "
                             "stream it chunk by chunk with sweep_iter")
    frames = list(sweep_iter(target, grid, seed=seed, executor=executor, progress=progress,
                             chunksize=chunksize, vectorized=vectorized))
    out = pd.concat(frames) if len(frames) > 1 else frames[0]
    out.index = pd.RangeIndex(len(out))
    return out
