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
