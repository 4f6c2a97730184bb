"""Every model quotes the essay verbatim: each quoted sentence can be found in the essay's text.

The essay ships with the project's shared material (``../shared/seed/``) and its quoted sentences are
checked against it when it is present (the ``essay`` fixture of ``tests/models/conftest.py``); the test
skips, saying why, where the essay is not beside the checkout. Each registered model's ``claim`` is checked
verbatim by ``test_conformance_models.py``.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re

import pytest

import models
from models.registry import ESSAY, registered_models

INFRASTRUCTURE = {"models.base", "models.cli", "models.registry", "models.report", "models.report_base",
                  "models.cases", "models.exercises", "models.exercise_topics", "models.notebooks"}


def _model_modules():
    for info in pkgutil.walk_packages(models.__path__, "models."):
        name = info.name
        infrastructure = any(name == p or name.startswith(p + ".") for p in (*INFRASTRUCTURE, "models.sections"))
        if infrastructure or name.split(".")[-1].startswith("_"):
            continue
        yield importlib.import_module(name)


def _quotes(doc: str) -> list[str]:
    """Quoted passages of at least six words, split at ellipses."""
    doc = doc.replace("\u201c", '"').replace("\u201d", '"')
    out = []
    for quote in re.findall(r'"([^"]{20,}?)"', doc, flags=re.S):
        for part in re.split(r"\.\.\.|\u2026", quote):
            if len(part.split()) >= 6:
                out.append(part)
    return out


def _model_classes(mod):
    for _, obj in inspect.getmembers(mod, inspect.isclass):
        if obj.__module__ == mod.__name__ and dataclasses.is_dataclass(obj) and hasattr(obj, "outcome"):
            yield obj


MODULES = list(_model_modules())


@pytest.mark.parametrize("mod", MODULES, ids=[m.__name__ for m in MODULES])
def test_every_model_quotes_the_essay_verbatim(mod, essay: str, normalise):
    docs = [mod.__doc__ or ""] + [cls.__doc__ or "" for cls in _model_classes(mod)]
    for name in ("CLAIM", "ESSAY_CLAIM", "QUOTE"):
        if isinstance(getattr(mod, name, None), str):
            docs.append(f'"{getattr(mod, name)}"')
    docs += [f'"{cls.claim}"' for cls in registered_models()
             if cls.__module__ == mod.__name__ and cls.citation == ESSAY]
    found = [q for d in docs for q in _quotes(d) if normalise(q) in essay]
    assert found, f"{mod.__name__} quotes no sentence of the essay verbatim"


@pytest.mark.parametrize("mod", MODULES, ids=[m.__name__ for m in MODULES])
def test_quotes_attributed_to_the_essay_are_in_it(mod, essay: str, normalise):
    """A quoted passage in a paragraph that names the essay must be the essay's own words."""
    docs = [mod.__doc__ or ""] + [
        obj.__doc__ or "" for _, obj in inspect.getmembers(mod)
        if (inspect.isclass(obj) or inspect.isfunction(obj)) and getattr(obj, "__module__", "") == mod.__name__
    ]
    bad = []
    for paragraph in (p for d in docs for p in re.split(r"\n\s*\n", d)):
        if "essay" not in paragraph.lower():
            continue
        for q in _quotes(paragraph):
            if normalise(q) not in essay:
                bad.append(q.strip())
    assert not bad, f"{mod.__name__}: quoted as the essay's but not found in it: {bad}"
