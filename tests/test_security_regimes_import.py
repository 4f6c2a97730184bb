"""A models.py or games.py in the user's working folder shadows the top-level packages; security_regimes does
not (each case reproduced in a temporary folder with a fresh interpreter)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), MPLBACKEND="Agg")
    return subprocess.run([sys.executable, "-c", code], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=300)


def _shadowing_folder(tmp_path: Path) -> Path:
    (tmp_path / "models.py").write_text("MINE = True\n")
    (tmp_path / "games.py").write_text("MINE = True\n")
    return tmp_path


def test_the_problem_is_real(tmp_path: Path):
    folder = _shadowing_folder(tmp_path)
    result = _run("import models.cli", folder)
    assert result.returncode != 0 and "'models' is not a package" in result.stderr


def test_security_regimes_loads_the_real_packages_despite_local_files(tmp_path: Path):
    folder = _shadowing_folder(tmp_path)
    code = ("from security_regimes import games, models\n"
            "import models.cli, games.plot, security_regimes.models as m\n"
            "assert m is models and not hasattr(models, 'MINE') and not hasattr(games, 'MINE')\n"
            "print(models.__file__); print(games.__file__)\n"
            "print(len(models.registry.registered_models()))\n"
            "print(games.equilibria(games.NormalFormGame.from_bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]]))"
            "[0].pure_actions())\n")
    result = _run(code, folder)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert Path(lines[0]) == ROOT / "models" / "__init__.py" and Path(lines[1]) == ROOT / "games" / "__init__.py"
    assert int(lines[2]) >= 10 and lines[3] == "('a2', 'b2')"


def test_a_foreign_module_already_imported_is_named(tmp_path: Path):
    folder = _shadowing_folder(tmp_path)
    result = _run("import models\nimport security_regimes", folder)
    assert result.returncode != 0
    assert "a module named 'models' is already imported from" in result.stderr
    assert str(folder / "models.py") in result.stderr and "Rename that file" in result.stderr
