"""The documentation rules of the charter, checked over the whole public API.

Every public function and class of every public module of ``games`` and ``models`` has a numpydoc
docstring with an ``Examples`` section holding a runnable example (``>>>``; the examples themselves
run as doctests through ``--doctest-modules``), and every public function or method annotates its
parameters. "Public" means: the module's last name part does not start with ``_``; the object is listed
in the module's ``__all__`` (or, without ``__all__``, its name does not start with ``_``); and it is
defined in that module (re-exports are checked where they are defined).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

import games
import models

# Objects still being written in engine files owned elsewhere, which lack an example for now.
# Remove an entry as soon as its docstring gains one; never add objects from other files here.
MISSING_EXAMPLES_ALLOWED = frozenset({
    "games.anonymous.AnonymousEquilibrium",
    "games.anonymous.AnonymousEquilibriumSet",
    "games.solvers.vertex.equilibrium_set_from_pairs",
    "games.solvers.vertex.polytope_degenerate",
})

#: Methods that are public by convention although their names start with an underscore.
PUBLIC_DUNDERS = ("__init__", "__call__")


def public_modules() -> list[str]:
    """Names of the public modules of ``games`` and ``models`` (the packages included)."""
    names = []
    for pkg in (games, models):
        names.append(pkg.__name__)
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if not info.name.rsplit(".", 1)[-1].startswith("_"):
                names.append(info.name)
    return sorted(names)


def public_objects(module: ModuleType) -> Iterator[tuple[str, Any]]:
    """The public functions and classes defined in ``module``, as (qualified name, object)."""
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in vars(module) if not n.startswith("_")]
    for name in names:
        obj = getattr(module, name)
        if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__:
            yield f"{module.__name__}.{name}", obj


def public_methods(cls: type) -> Iterator[tuple[str, Any]]:
    """Functions defined in the body of ``cls`` that are public (properties by their getter)."""
    for name, attr in vars(cls).items():
        if name.startswith("_") and name not in PUBLIC_DUNDERS:
            continue
        if isinstance(attr, (staticmethod, classmethod)):
            attr = attr.__func__
        elif isinstance(attr, property):
            attr = attr.fget
        if inspect.isfunction(attr) and attr.__qualname__.startswith(cls.__qualname__ + "."):
            yield name, attr


def unannotated(func: Any) -> list[str]:
    """Parameters of ``func`` without a type annotation (``self``, ``cls``, ``*args``, ``**kwargs`` exempt)."""
    out = []
    for p in inspect.signature(func).parameters.values():
        if p.name in ("self", "cls") or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.annotation is inspect.Parameter.empty:
            out.append(p.name)
    return out


MODULES = public_modules()


def test_the_walk_finds_the_packages_modules() -> None:
    """The walk reaches nested subpackages and skips private modules."""
    assert {"games.normal_form", "games.repeated.chain", "games.symbolic.regions",
            "models.sections.reciprocity", "models.report_base"} <= set(MODULES)
    assert {"games.validation", "games.numeric", "games.solvers.registry"} <= set(MODULES)  # no private modules left
    assert not any(name.rsplit(".", 1)[-1].startswith("_") for name in MODULES)


@pytest.mark.parametrize("module_name", MODULES)
def test_public_objects_have_examples(module_name: str) -> None:
    module = importlib.import_module(module_name)
    missing = []
    for qualname, obj in public_objects(module):
        doc = inspect.getdoc(obj) or ""
        if ("Examples" not in doc or ">>>" not in doc) and qualname not in MISSING_EXAMPLES_ALLOWED:
            missing.append(qualname)
    assert not missing, f"docstrings without an 'Examples' section holding a '>>>' example: {missing}"


@pytest.mark.parametrize("module_name", MODULES)
def test_public_functions_annotate_their_parameters(module_name: str) -> None:
    module = importlib.import_module(module_name)
    problems = []
    for qualname, obj in public_objects(module):
        if inspect.isfunction(obj):
            problems += [f"{qualname}({name})" for name in unannotated(obj)]
        else:
            for mname, method in public_methods(obj):
                problems += [f"{qualname}.{mname}({name})" for name in unannotated(method)]
    assert not problems, f"parameters without type hints: {problems}"


def test_the_checks_catch_an_undocumented_unannotated_function() -> None:
    """The helpers flag what the rules forbid (a guard against a test that can never fail)."""
    module = ModuleType("toy")

    def untyped(x, *args, y: int = 0, **kwargs):
        """No example here."""

    untyped.__module__ = "toy"
    module.untyped = untyped
    module._private = untyped
    assert [name for name, _ in public_objects(module)] == ["toy.untyped"]
    assert unannotated(untyped) == ["x"]

    class Toy:
        def method(self, a, b: int) -> None:
            """Nothing."""

        def _hidden(self, c) -> None:
            """Nothing."""

    assert [name for name, _ in public_methods(Toy)] == ["method"]
    assert unannotated(Toy.method) == ["a"]
