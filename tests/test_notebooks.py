"""Every notebook in notebooks/ runs top to bottom without error, and its committed outputs are those it
produces now (so the repository's web page shows current results).

Each notebook is executed; its text outputs must equal the committed ones once volatile details (memory
addresses, timings, paths) are normalised, and each cell must commit as many images, of about the same size,
as the run draws. A notebook committed without outputs, or with outputs of an older version of the code,
fails with the command that refreshes it (``python -m models.notebooks --refresh <notebook>``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.notebooks import REFRESH_COMMAND, stale_cells

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_its_committed_outputs_are_current(path: Path):
    pytest.importorskip("nbformat")
    pytest.importorskip("nbclient")
    from models.notebooks import execute

    fresh = execute(path)
    errors = [
        out for cell in fresh.cells if cell.cell_type == "code"
        for out in cell.get("outputs", []) if out.get("output_type") == "error"
    ]
    assert not errors, f"{path.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
    committed = json.loads(path.read_text(encoding="utf-8"))
    problems = stale_cells(committed, fresh)
    assert not problems, (f"{path.name}: committed outputs are stale or missing; refresh them with "
                          f"`{REFRESH_COMMAND} notebooks/{path.name}`:\n  " + "\n  ".join(problems))


def test_staleness_is_detected():
    """The check fails for a notebook committed without outputs, with changed text, or with a missing figure."""
    text = {"output_type": "stream", "name": "stdout", "text": "rho = 0.289\n"}
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    image = {"output_type": "display_data", "data": {"image/png": png, "text/plain": "<Figure>"}, "metadata": {}}

    def nb(*outputs):
        return {"cells": [{"cell_type": "markdown", "source": "# t"},
                          {"cell_type": "code", "source": "run()", "outputs": list(outputs)}]}

    fresh = nb(text, image)
    assert stale_cells(fresh, fresh) == []
    assert stale_cells(nb(), fresh)                                  # stripped
    assert stale_cells(nb(dict(text, text="rho = 0.271\n"), image), fresh)   # old numbers
    assert stale_cells(nb(text), fresh)                              # figure missing
    moved = {"output_type": "stream", "name": "stdout", "text": "<object at 0x7f00aa11bb22> in 3.2 s\n"}
    assert stale_cells(nb(moved), nb(dict(moved, text="<object at 0x7f00cc33dd44> in 0.4 s\n"))) == []
