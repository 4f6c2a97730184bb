"""security_regimes: the toolkit under a name that a file in your working folder cannot shadow.

The engine and the essay's models are the top-level packages ``games`` and ``models``. Python looks in the
script's or notebook's own folder first, so a ``models.py`` (or ``games.py``, or a ``models/`` folder) there
hides them: ``import models`` then loads that file, and ``import models.cli`` fails with "'models' is not a
package". Import through this package instead::

    from security_regimes import games, models

It loads the real ``games`` and ``models`` packages from the folder it was installed with, under their own
names (their modules import each other as ``games`` and ``models``, so one Python process can hold only one
module of each name), whatever the working folder holds. If a foreign module is already imported as ``games``
or ``models`` it refuses, saying which file it is and what to do.

Examples
--------
>>> from security_regimes import games, models
>>> games.NormalFormGame is games.normal_form.NormalFormGame
True
>>> models.VolunteersDilemma(n=3).outcome()["p_nobody"] > 0
True
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["games", "models", "PACKAGE_ROOT", "load"]

#: The folder that holds the real ``games`` and ``models`` packages (next to this package).
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def _is_ours(module: ModuleType, name: str) -> bool:
    origin = getattr(module, "__file__", None)
    return origin is not None and Path(origin).resolve() == PACKAGE_ROOT / name / "__init__.py"


def load(name: str) -> ModuleType:
    """The real top-level package ``name`` (``"games"`` or ``"models"``), loaded from :data:`PACKAGE_ROOT`.

    Parameters
    ----------
    name : {"games", "models"}
        The package.

    Returns
    -------
    module
        The package, registered in ``sys.modules`` under ``name`` (so its own absolute imports find it).

    Raises
    ------
    ImportError
        If another module is already imported under ``name`` (the message names its file).

    Examples
    --------
    >>> load("games").__name__
    'games'
    >>> load("numpy")
    Traceback (most recent call last):
    ...
    ValueError: name must be 'games' or 'models'; got 'numpy'
    """
    if name not in ("games", "models"):
        raise ValueError(f"name must be 'games' or 'models'; got {name!r}")
    existing = sys.modules.get(name)
    if existing is not None:
        if _is_ours(existing, name):
            return existing
        where = getattr(existing, "__file__", None) or repr(existing)
        raise ImportError(
            f"a module named {name!r} is already imported from {where}, not security-regimes' {name} package "
            f"({PACKAGE_ROOT / name}); the two cannot share the name in one Python process. Rename that file "
            f"(or folder), or import security_regimes before anything imports it.")
    init = PACKAGE_ROOT / name / "__init__.py"
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(init.parent)])
    if spec is None or spec.loader is None:  # pragma: no cover - an incomplete installation
        raise ImportError(f"security-regimes' {name} package is missing from {PACKAGE_ROOT}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


games = load("games")
models = load("models")
sys.modules[f"{__name__}.games"] = games
sys.modules[f"{__name__}.models"] = models
