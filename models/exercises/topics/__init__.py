"""The exercise topics, one module per subject, each registering its topics with
:func:`models.exercises.exercise_topic`. Every module in this package is imported (found with
:mod:`pkgutil`), so a new topic is a new function here or a new module beside these.

The topics teach the game theory behind the essay's claims, such as that collective security "may tempt
many states to take advantage of their membership without shouldering appropriate costs thereof".

Examples
--------
>>> from models.exercises import TOPICS
>>> "burden-sharing" in TOPICS and "mixed-2x2" in TOPICS
True
"""

from __future__ import annotations

import importlib
import pkgutil

__all__: list[str] = []

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: (m.name != "basics", m.name)):
    importlib.import_module(f"{__name__}.{_info.name}")
