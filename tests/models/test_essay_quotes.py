"""Every model quotes the essay verbatim: each quoted sentence can be found in the essay's text.

The essay ships with the project's shared material (``../shared/seed/``) and its quoted sentences are
checked against it when it is present; the test skips, saying why, where the essay is not beside the
checkout.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import models

ROOT = Path(__file__).resolve().parents[2]
ESSAY_CANDIDATES = [ROOT.parent / "shared" / "seed" / "petrovsky-security-regimes-cis.txt",
                    ROOT / "shared" / "seed" / "petrovsky-security-regimes-cis.txt"]
INFRASTRUCTURE = {"models.base", "models.cli", "models.report", "models.report_base", "models.cases",
                  "models.exercises", "models.exercise_topics"}


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[-\u2013\u2014]\s*\n\s*", "", text)  # words split over lines
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@pytest.fixture(scope="module")
def essay() -> str:
    for path in ESSAY_CANDIDATES:
        if path.is_file():
            return _normalise(path.read_text(encoding="utf-8"))
    pytest.skip("the essay (shared/seed/petrovsky-security-regimes-cis.txt) is not beside this checkout")


def _model_modules():
    for info in pkgutil.walk_packages(models.__path__, "models."):
        name = info.name
        if name in INFRASTRUCTURE or name.startswith("models.sections") or name.split(".")[-1].startswith("_"):
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
def test_every_model_quotes_the_essay_verbatim(mod, essay: str):
    docs = [mod.__doc__ or ""] + [cls.__doc__ or "" for cls in _model_classes(mod)]
    for name in ("CLAIM", "ESSAY_CLAIM", "QUOTE"):
        if isinstance(getattr(mod, name, None), str):
            docs.append(f'"{getattr(mod, name)}"')
    found = [q for d in docs for q in _quotes(d) if _normalise(q) in essay]
    assert found, f"{mod.__name__} quotes no sentence of the essay verbatim"


@pytest.mark.parametrize("mod", MODULES, ids=[m.__name__ for m in MODULES])
def test_quotes_attributed_to_the_essay_are_in_it(mod, essay: str):
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
            if _normalise(q) not in essay:
                bad.append(q.strip())
    assert not bad, f"{mod.__name__}: quoted as the essay's but not found in it: {bad}"
