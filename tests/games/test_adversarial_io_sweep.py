"""Adversarial inputs to the Gambit .nfg reader/writer and to sweeps.

The .nfg escaping convention (a backslash before a quote or a backslash) is Gambit's: the fixture
``GAMBIT_TEXT`` was written by pygambit 16.7 (``Game.to_nfg``) for a game whose title is
``ends \\ and "q" back\\`` (one backslash in each place) and whose first player is ``P\\1"``.
"""

from __future__ import annotations

import io
import math
from concurrent.futures import Executor, Future, ThreadPoolExecutor

import numpy as np
import pytest

from games import NormalFormGame
from games.io import read_nfg, write_nfg
from games.sweep import sweep

GAMBIT_TEXT = ('NFG 1 R "ends \\\\ and \\"q\\" back\\\\" { "P\\\\1\\"" "2" }\n\n{ { "x\\\\\\"y" }\n'
               '{ "1" "2" }\n}\n""\n\n{\n{ "" 1, 3 }\n{ "" 2, 4 }\n}\n1 2 \n')

LABELLED = NormalFormGame.from_bimatrix(
    [[1, 2]], [[3, 4]], title='ends \\ and "q" back\\', players=['P\\1"', "Колонна ✓"],
    actions=[['x\\"y'], ["tab\there", "new\nline"]], description='a "comment" ending in \\')


def test_reads_gambits_escapes():
    g = read_nfg(GAMBIT_TEXT)
    assert g.title == 'ends \\ and "q" back\\'
    assert g.players == ('P\\1"', "2") and g.actions[0] == ('x\\"y',)
    assert g.payoffs[0, 1].tolist() == [2.0, 4.0]


@pytest.mark.parametrize("fmt", ["payoff", "outcome"])
def test_labels_with_quotes_backslashes_and_unicode_round_trip(fmt):
    # Before the fix a title ending in a backslash was written as "...\" and the file could not be read.
    back = read_nfg(write_nfg(LABELLED, format=fmt))
    assert back == LABELLED and back.title == LABELLED.title and back.description == LABELLED.description


def test_written_quotes_are_read_by_gambit():
    # Gambit 16.7 reads printable-ASCII labels only, and its reader does not undo its own escaping of
    # backslashes; quotes are the escape both sides agree on.
    gbt = pytest.importorskip("pygambit")
    game = NormalFormGame.from_bimatrix([[1, 2]], [[3, 4]], title='a "quoted" title', players=['say "hi"', "b"],
                                        actions=[['"x"'], ["y", "z"]])
    g = gbt.read_nfg(io.StringIO(write_nfg(game)))
    assert g.title == game.title
    assert [p.label for p in g.players] == list(game.players)
    assert [s.label for s in next(iter(g.players)).strategies] == list(game.actions[0])


def test_a_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.nfg"
    path.write_text('\ufeffNFG 1 R "x" { "1" "2" } { 1 1 }\n1 2', encoding="utf-8")
    assert read_nfg(path).payoffs.tolist() == [[[1.0, 2.0]]]
    assert read_nfg('\ufeffNFG 1 R "x" { "1" "2" } { 1 1 }\n1 2').payoffs.tolist() == [[[1.0, 2.0]]]


@pytest.mark.parametrize("counts", [[100_000_000] * 2, [2] * 30])
def test_huge_declared_strategy_sets_are_refused_before_reading_on(counts):
    # 10**16 profiles, or 2**30 profiles of 30 players: refused from the header alone.
    players = " ".join(f'"{k + 1}"' for k in range(len(counts)))
    text = f'NFG 1 R "x" {{ {players} }} {{ {" ".join(map(str, counts))} }}\n1 2'
    with pytest.raises(ValueError, match="AnonymousGame"):
        read_nfg(text)


def test_a_payoff_too_large_for_a_float_is_a_clear_error():
    with pytest.raises(ValueError, match="fit in a float"):
        read_nfg('NFG 1 R "x" { "1" "2" } { 1 1 }\n' + "9" * 400 + " 1")


# ----------------------------------------------------------------------------------------- sweeps
def net(cost, benefit=1.0):
    return {"net": benefit - cost}


@pytest.mark.parametrize("values, message", [
    (np.array(3.0), r"grid\['cost'\] must be a sequence of values; got a 0-d array"),
    ((c for c in range(3)), r"write list\(\.\.\.\)"),
    ({1, 2}, r"write sorted\(\.\.\.\)"),
])
def test_grid_values_that_are_not_sequences(values, message):
    with pytest.raises(TypeError, match=message):
        sweep(net, {"cost": values})


def test_nan_results_and_nan_parameters_are_kept():
    out = sweep(lambda x: {"y": x * math.nan}, {"x": [1.0, math.nan]})
    assert out["y"].isna().all() and math.isnan(out["x"][1])


def boom(x):
    if x == 2:
        raise ZeroDivisionError("bad point")
    return {"y": x}


def test_the_failing_point_is_named_serially_and_on_an_executor():
    for executor in (None, ThreadPoolExecutor(2)):
        with pytest.raises(ZeroDivisionError) as info:
            sweep(boom, {"x": [1, 2, 3]}, executor=executor, chunksize=1)
        assert "at sweep point 1: {'x': 2}" in info.value.__notes__
        if executor is not None:
            executor.shutdown()


class _DeadWorkers(Executor):
    """An executor whose tasks all fail as if the worker process had died."""

    def submit(self, fn, *args, **kwargs):
        fut = Future()
        fut.set_exception(OSError("worker died"))
        return fut


class _Closed(Executor):
    def submit(self, fn, *args, **kwargs):
        raise RuntimeError("cannot schedule new futures after shutdown")


@pytest.mark.parametrize("executor, error", [(_DeadWorkers(), OSError), (_Closed(), RuntimeError)])
def test_executor_failures_name_the_chunk(executor, error):
    with pytest.raises(error) as info:
        sweep(net, {"cost": [1, 2, 3]}, executor=executor, chunksize=2)
    assert any("sweep chunk of points 0..1" in note for note in info.value.__notes__)


def test_an_executor_class_instead_of_an_instance_is_refused():
    with pytest.raises(TypeError, match=r"executor must be an Executor instance.*ThreadPoolExecutor\(\)"):
        sweep(net, {"cost": [1, 2]}, executor=ThreadPoolExecutor)
