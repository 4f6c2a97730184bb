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
