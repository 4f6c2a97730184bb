"""Run the project's notebooks, refresh their committed outputs, and check that committed outputs are current.

The notebooks in ``notebooks/`` are committed with their outputs, so that a reader of the repository's web
page sees the tables and figures without running anything. This module executes a notebook (with
``nbclient``, in a scratch folder, matplotlib on the inline backend so that figures become PNG outputs),
writes the fresh outputs back (:func:`refresh`), and compares a notebook's committed outputs with a fresh
run (:func:`stale_cells`):
text outputs must be equal once volatile details are normalised (memory addresses, timings, the paths of
this checkout and of the Python installation), and each cell must show as many images, of about the same
size, as a fresh run draws (image bytes differ between machines and are not compared).

From a checkout::

    python -m models.notebooks --refresh                      # every notebook in notebooks/
    python -m models.notebooks --refresh notebooks/09-*.ipynb # some of them
    python -m models.notebooks                                # check only: exit status 1 if any is stale

``tests/test_notebooks.py`` runs the check on every notebook and names the refresh command when one fails.
Running notebooks needs the ``test`` extra (``nbclient``, ``nbformat``, ``ipykernel``).

Examples
--------
>>> normalise_text("<Figure size 640x480 with 1 Axes> at 0x7f3a2c1d9e50, took 1.25 s")
'<Figure size 640x480 with 1 Axes> at 0x…, took <time>'
>>> png_size(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000280000001e0"))
(640, 480)
"""

from __future__ import annotations

import argparse
import base64
import copy
import os
import re
import sys
import sysconfig
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["NOTEBOOK_DIR", "REFRESH_COMMAND", "execute", "refresh", "stale_cells", "cell_summary",
           "normalise_text", "png_size", "main"]

#: The notebooks of a source checkout (``notebooks/`` next to the ``models`` package).
NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"

#: The command that rewrites committed outputs (named in every staleness message).
REFRESH_COMMAND = "python -m models.notebooks --refresh"

#: The matplotlib backend notebooks run with (whatever MPLBACKEND the caller has): figures become PNG outputs.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"

#: Relative tolerance on an image's width and height (fonts and tight bounding boxes vary between machines).
IMAGE_SIZE_TOLERANCE = 0.1

_ROOT = str(NOTEBOOK_DIR.parent)
_VOLATILE = (
    (re.compile(r"0x[0-9a-fA-F]{6,}"), "0x…"),                                     # memory addresses
    (re.compile(r"\b\d+(?:\.\d+)?(?:e-?\d+)?\s?(?:s|ms|µs|us|ns|sec|seconds|min)\b(?!\w)"), "<time>"),  # timings
    (re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?"), "<timestamp>"),   # timestamps
    (re.compile(r"\d+(?:\.\d+)?(?:it|s)/(?:s|it)"), "<rate>"),                      # progress-bar rates
)
_LONG_FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d{9,}(?:e[-+]?\d+)?")     # floats printed to the last bit


def _round_float(match: re.Match) -> str:
    return f"{float(match.group()):.8g}"


def normalise_text(text: str) -> str:
    """``text`` with what changes from run to run replaced by placeholders.

    Memory addresses, timings, timestamps and progress rates are masked; floats printed with nine or more
    decimals are rounded to eight significant digits (their last bits differ between machines); the path of
    this checkout becomes ``<repo>`` and the Python installation's library folders ``<python>``, and trailing
    spaces go.

    Parameters
    ----------
    text : str
        An output's text.

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_text("solved in 12.5 ms   \\n<object at 0xdeadbeef01>")
    'solved in <time>\\n<object at 0x…>'
    >>> normalise_text("(0.1591035847462855, 0.15910358474628564, 0.5)")
    '(0.15910358, 0.15910358, 0.5)'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str; got {type(text).__name__}")
    for folder in {sysconfig.get_paths()[key] for key in ("purelib", "platlib", "stdlib")}:
        text = text.replace(folder, "<python>")
    text = text.replace(_ROOT, "<repo>")
    for pattern, placeholder in _VOLATILE:
        text = pattern.sub(placeholder, text)
    text = _LONG_FLOAT.sub(_round_float, text)    # the last bits of a float differ between machines
    return "\n".join(line.rstrip() for line in text.splitlines())


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG image, read from its header.

    Parameters
    ----------
    data : bytes
        The PNG file's bytes (at least its first 24).

    Returns
    -------
    (int, int)

    Examples
    --------
    >>> png_size(b"not a png")
    Traceback (most recent call last):
    ...
    ValueError: data must be a PNG image (it does not start with the PNG signature)
    """
    if not isinstance(data, (bytes, bytearray)) or data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        raise ValueError("data must be a PNG image (it does not start with the PNG signature)")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _joined(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def cell_summary(outputs: Sequence[dict]) -> dict[str, Any]:
    """What a code cell shows, reduced to what a check may compare.

    Parameters
    ----------
    outputs : sequence of dict
        The cell's outputs (nbformat 4).

    Returns
    -------
    dict
        ``text``: the normalised text outputs in order (streams, ``text/plain`` results, error names);
        ``images``: the (width, height) of each PNG image in order.

    Examples
    --------
    >>> cell_summary([{"output_type": "stream", "name": "stdout", "text": "rho = 0.289\\n"},
    ...               {"output_type": "execute_result", "data": {"text/plain": "42"}, "execution_count": 3}])
    {'text': ['stdout: rho = 0.289', 'result: 42'], 'images': []}
    """
    text: list[str] = []
    images: list[tuple[int, int]] = []
    stream: dict[str, str] = {}
    for out in outputs:
        kind = out.get("output_type")
        if kind == "stream":      # a stream may be split into several outputs: join consecutive pieces
            stream[out.get("name", "stdout")] = stream.get(out.get("name", "stdout"), "") + _joined(out["text"])
            continue
        text.extend(f"{name}: {normalise_text(body)}" for name, body in stream.items())
        stream = {}
        if kind == "error":
            text.append(f"error: {out.get('ename')}")
        elif kind in ("execute_result", "display_data"):
            data = out.get("data", {})
            if "image/png" in data:
                images.append(png_size(base64.b64decode(_joined(data["image/png"]))))
            elif "text/plain" in data:
                text.append(f"{'result' if kind == 'execute_result' else 'display'}: "
                            f"{normalise_text(_joined(data['text/plain']))}")
    text.extend(f"{name}: {normalise_text(body)}" for name, body in stream.items())
    return {"text": text, "images": images}


def _nb_modules():
    try:
        import nbclient
        import nbformat
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("running notebooks needs nbclient, nbformat and ipykernel: "
                          "pip install 'security-regimes[test]'") from exc
    return nbformat, nbclient


def execute(path: str | os.PathLike, *, timeout: int = 600):
    """Run a notebook top to bottom in a scratch folder and return it with its outputs.

    Parameters
    ----------
    path : str or path-like
        The ``.ipynb`` file (it is not modified).
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook; an error in a cell raises ``nbclient.exceptions.CellExecutionError``.

    Examples
    --------
    >>> execute("no-such.ipynb")
    Traceback (most recent call last):
    ...
    FileNotFoundError: path must be an existing .ipynb file; got 'no-such.ipynb'
    """
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise FileNotFoundError(f"path must be an existing .ipynb file; got {str(path)!r}")
    nbformat, nbclient = _nb_modules()
    nb = nbformat.read(path, as_version=4)
    previous = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = INLINE_BACKEND      # the kernel inherits it: figures become image outputs
    try:
        with tempfile.TemporaryDirectory() as scratch:
            client = nbclient.NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                             resources={"metadata": {"path": scratch}})
            client.execute()
    finally:
        if previous is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = previous
    return nb


def _code_cells(nb: Mapping[str, Any]) -> list:
    return [cell for cell in nb["cells"] if cell["cell_type"] == "code"]


def stale_cells(committed: Mapping[str, Any], fresh: Mapping[str, Any]) -> list[str]:
    """Where a notebook's committed outputs differ from a fresh run's; empty when they are current.

    Parameters
    ----------
    committed, fresh : dict
        The notebook as committed and as executed now (nbformat 4, same cells).

    Returns
    -------
    list of str
        One line per differing code cell (its number and what differs).

    Examples
    --------
    >>> code = lambda outputs: {"cell_type": "code", "source": "x", "outputs": outputs}
    >>> shown = [{"output_type": "stream", "name": "stdout", "text": "1\\n"}]
    >>> stale_cells({"cells": [code([])]}, {"cells": [code(shown)]})
    ["code cell 1: text differs (committed [] but a fresh run shows ['stdout: 1'])"]
    >>> stale_cells({"cells": [code(shown)]}, {"cells": [code(shown)]})
    []
    """
    old_cells, new_cells = _code_cells(committed), _code_cells(fresh)
    if [_joined(c["source"]) for c in old_cells] != [_joined(c["source"]) for c in new_cells]:
        return ["the code cells differ from the notebook that was run"]
    problems = []
    for number, (old, new) in enumerate(zip(old_cells, new_cells), start=1):
        before, after = cell_summary(old.get("outputs", [])), cell_summary(new.get("outputs", []))
        if before["text"] != after["text"]:
            problems.append(f"code cell {number}: text differs (committed {before['text']!r:.300} "
                            f"but a fresh run shows {after['text']!r:.300})")
        if len(before["images"]) != len(after["images"]):
            problems.append(f"code cell {number}: {len(before['images'])} image(s) committed, "
                            f"a fresh run draws {len(after['images'])}")
        elif any(abs(a - b) > IMAGE_SIZE_TOLERANCE * max(a, b)
                 for old_size, new_size in zip(before["images"], after["images"])
                 for a, b in zip(old_size, new_size)):
            problems.append(f"code cell {number}: image sizes {before['images']} committed, "
                            f"a fresh run draws {after['images']}")
    return problems


def refresh(path: str | os.PathLike) -> list[str]:
    """Run a notebook and write its fresh outputs into the file; return what had been stale.

    The notebook's own metadata is kept as it was (no kernel or timing details are added), so a refresh
    that changes nothing leaves the file's text unchanged apart from image bytes.

    Parameters
    ----------
    path : str or path-like
        The ``.ipynb`` file to rewrite.

    Returns
    -------
    list of str
        :func:`stale_cells` of the notebook before the refresh.

    Examples
    --------
    >>> refresh("notebooks/none.ipynb")
    Traceback (most recent call last):
    ...
    FileNotFoundError: path must be an existing .ipynb file; got 'notebooks/none.ipynb'
    """
    path = Path(path)
    fresh = execute(path)
    nbformat, _ = _nb_modules()
    committed = nbformat.read(path, as_version=4)
    problems = stale_cells(committed, fresh)
    fresh.metadata = copy.deepcopy(committed.metadata)
    for cell in fresh.cells:
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(fresh, path)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m models.notebooks [--refresh] [NOTEBOOK ...]``; returns the exit status.

    Without ``--refresh`` it checks (status 1 if any notebook's committed outputs are stale or missing);
    with it, it rewrites them. Without notebook paths it takes every notebook in :data:`NOTEBOOK_DIR`.

    Examples
    --------
    >>> main(["--refresh", "missing.ipynb"])
    Traceback (most recent call last):
    ...
    SystemExit: missing.ipynb: not a notebook file
    """
    parser = argparse.ArgumentParser(prog="python -m models.notebooks",
                                     description="Check or refresh the committed outputs of the notebooks.")
    parser.add_argument("notebooks", nargs="*", help="notebook files (default: every notebook in notebooks/)")
    parser.add_argument("--refresh", action="store_true", help="run each notebook and write its outputs")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.notebooks] or sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    for p in paths:
        if p.suffix != ".ipynb" or not p.is_file():
            raise SystemExit(f"{p}: not a notebook file")
    if not paths:
        raise SystemExit(f"no notebooks in {NOTEBOOK_DIR}")
    nbformat, nbclient = _nb_modules()
    status, failed = 0, []
    for p in paths:
        try:
            if args.refresh:
                problems = refresh(p)
                print(f"{p.name}: " + (f"refreshed ({len(problems)} stale cells)" if problems else "current"))
                continue
            problems = stale_cells(nbformat.read(p, as_version=4), execute(p))
        except nbclient.exceptions.CellExecutionError as err:    # report it, go on with the others
            failed.append(p.name)
            print(f"{p.name}: FAILED, left unchanged\n{str(err)[-2000:]}", file=sys.stderr)
            continue
        print(f"{p.name}: " + ("current" if not problems else "STALE\n  " + "\n  ".join(problems)))
        status |= bool(problems)
    if status:
        print(f"refresh with: {REFRESH_COMMAND}", file=sys.stderr)
    if failed:
        print(f"notebooks that raised an error: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
