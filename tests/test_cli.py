"""The ``regimes`` command line."""

import subprocess
import sys


def test_version():
    proc = subprocess.run([sys.executable, "-m", "models.cli", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "security-regimes" in proc.stdout


def test_unknown_command_fails_with_usage():
    proc = subprocess.run([sys.executable, "-m", "models.cli", "frobnicate"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


def test_exercises_help_lists_every_topic_and_the_defaults():
    from models.exercises import TOPICS

    proc = subprocess.run([sys.executable, "-m", "models.cli", "exercises", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for name in TOPICS:
        assert name in proc.stdout
    assert "(default: 5)" in proc.stdout and "(default: 0)" in proc.stdout and "(default: exercises)" in proc.stdout


def test_exercises_without_latex_say_so_in_one_line(tmp_path, monkeypatch, capsys):
    """With no LaTeX engine on PATH the Markdown and LaTeX sheets are written and one line says how to get a PDF."""
    from models.cli import main

    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["exercises", "--topic", "zero-sum", "--count", "1", "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pdflatex" in err[0] and "no PDF" in err[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["exercises.md", "exercises.tex", "solutions.md",
                                                                     "solutions.tex"]


def test_exercises_refuse_more_than_a_topic_has(tmp_path, capsys):
    from models.cli import main

    assert main(["exercises", "--topic", "burden-sharing", "--count", "6", "--no-pdf", "--out", str(tmp_path)]) == 2
    assert "has 5 distinct exercises" in capsys.readouterr().err


# ------------------------------------------------------------------ failing cleanly
import socket  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("regimes: error: ") and "Traceback" not in err
    return lines[0]


def _fake_sections(slugs, fail_at=None, exc=KeyboardInterrupt):
    """Small report sections built instantly (the real ones take seconds); ``fail_at`` raises mid-build."""
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd
    from matplotlib.figure import Figure

    from models.report_base import ReportSection

    def collect(quick=False, executor=None, progress=None, names=None):
        out = []
        for k, slug in enumerate(slugs):
            if k == fail_at:
                raise exc()
            fig = Figure()
            fig.add_subplot().plot([0, 1], [k, k + 1])
            out.append(ReportSection(slug=slug, title=slug, claim="(claim)", text="(text)", figure=fig,
                                     table=pd.DataFrame({"x": [k]})))
        return out

    return collect


@pytest.fixture
def quick_report(monkeypatch):
    """``models.report`` with two instant sections (the plan and the sections replaced)."""
    import models.report as report
    from models.registry import SectionSpec

    plan = [SectionSpec(slug=s, model=type("Toy", (), {"citation": "(source)"}), build=None) for s in ("a", "b")]
    monkeypatch.setattr(report, "report_plan", lambda names=None: plan)
    monkeypatch.setattr(report, "collect_sections", _fake_sections(["a", "b"]))
    return report


@pytest.mark.parametrize("command", [["report", "--quick", "--no-progress"], ["exercises", "--no-pdf"]])
def test_an_existing_file_as_out_is_one_line_before_any_work(tmp_path, command):
    target = tmp_path / "taken.txt"
    target.write_text("keep me")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "models.cli", *command, "--out", str(target)],
                          capture_output=True, text=True, timeout=120)
    line = _one_error_line(proc.stderr)
    assert proc.returncode == 2 and "is an existing file" in line and str(target) in line
    assert target.read_text() == "keep me"
    assert time.perf_counter() - start < 60   # refused before the sweeps (a full report takes minutes)


@pytest.mark.parametrize("command", [["report", "--quick"], ["exercises", "--no-pdf"]])
def test_a_folder_below_a_file_is_one_line(tmp_path, capsys, command):
    """A folder that cannot be created (its parent is a regular file; chmod would not stop root)."""
    from models.cli import main

    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "sub" / "report"
    assert main([*command, "--out", str(out)]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "is a file, not a folder" in line and "sub" in line


def test_report_refuses_a_folder_holding_other_files(tmp_path, capsys, quick_report):
    from models.cli import main

    (tmp_path / "thesis.tex").write_text("years of work")
    assert main(["report", "--out", str(tmp_path), "--no-progress"]) == 2
    assert "not a report's (thesis.tex)" in _one_error_line(capsys.readouterr().err)
    assert (tmp_path / "thesis.tex").read_text() == "years of work"


def test_report_replaces_a_previous_report_whole(tmp_path, capsys, quick_report):
    from models.cli import main

    out = tmp_path / "rep"
    assert main(["report", "--out", str(out), "--no-progress"]) == 0
    assert sorted(p.name for p in (out / "tables").iterdir()) == ["a.csv", "b.csv"]
    (out / "tables" / "stale.csv").write_text("from an older report")
    assert main(["report", "--out", str(out), "--no-progress"]) == 0
    assert sorted(p.name for p in (out / "tables").iterdir()) == ["a.csv", "b.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep"]     # no temporary folder left beside it
    assert f"-> {out / 'index.html'}" in capsys.readouterr().out


@pytest.mark.parametrize("exc, status, words", [(KeyboardInterrupt, 130, "interrupted"),
                                                (MemoryError, None, None), (OSError, 1, "OSError")])
def test_an_interrupted_report_leaves_the_previous_one_intact(tmp_path, capsys, monkeypatch, quick_report,
                                                              exc, status, words):
    from models.cli import main

    out = tmp_path / "rep"
    assert main(["report", "--out", str(out), "--no-progress"]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    capsys.readouterr()
    # the second build fails after writing part of its files: the first section's figure is already saved
    real = quick_report._write_section
    calls = []

    def write_then_fail(sec, folder):
        calls.append(sec.slug)
        if len(calls) == 2:
            raise exc()
        return real(sec, folder)

    monkeypatch.setattr(quick_report, "_write_section", write_then_fail)
    if status is None:                      # an unexpected error is not swallowed (but still cleans up)
        with pytest.raises(exc):
            main(["report", "--out", str(out), "--no-progress"])
    else:
        assert main(["report", "--out", str(out), "--no-progress"]) == status
        assert words in _one_error_line(capsys.readouterr().err)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep"]


def test_traceback_flag_shows_the_traceback(tmp_path):
    target = tmp_path / "taken.txt"
    target.write_text("")
    proc = subprocess.run([sys.executable, "-m", "models.cli", "--traceback", "exercises", "--out", str(target)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback (most recent call last)" in proc.stderr


def test_dask_with_nothing_listening_is_one_line_within_seconds(tmp_path, capsys, quick_report):
    pytest.importorskip("dask.distributed")
    from models.cli import DASK_TIMEOUT, main

    with socket.socket() as s:               # a local port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.perf_counter()
    assert main(["report", "--out", str(tmp_path / "rep"), "--dask", f"tcp://127.0.0.1:{port}"]) == 1
    elapsed = time.perf_counter() - start
    line = _one_error_line(capsys.readouterr().err)
    assert f"127.0.0.1:{port}" in line and "no dask scheduler answered" in line
    assert elapsed < DASK_TIMEOUT + 10
    assert not (tmp_path / "rep").exists()
