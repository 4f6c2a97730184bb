"""Where models and report sections register themselves, so the report, the docs and the conformance tests
find every one of them without a list to keep in step.

A model class registers with :func:`register_model`, declaring the essay's sentence it formalises (its
claim), where that sentence or result comes from (its citation) and the slugs of its headline figures. A
report section registers with :func:`report_section` under one of those slugs. ``regimes report`` draws,
for every registered model in registration order, each of its headlines; a headline without a registered
section is an error, never a silent skip.

Examples
--------
>>> from dataclasses import dataclass
>>> @register_model(claim="(the essay's sentence)", headlines=("toy-map",), registry={})
... @dataclass(frozen=True)
... class Toy:
...     cost: float = 1.0
>>> Toy.claim, Toy.headlines
("(the essay's sentence)", ('toy-map',))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["ESSAY", "MODELS", "SECTIONS", "SectionSpec", "register_model", "report_section",
           "registered_models", "load_sections", "model_table"]

ESSAY = ("V. Petrovsky, International Security Regimes, Conflict Resolution and Peace Support "
         "Operations in the CIS")

#: Every registered model class, by class name, in registration order.
MODELS: dict[str, type] = {}

T = TypeVar("T", bound=type)


def register_model(*, claim: str, headlines: tuple[str, ...] = (), citation: str = ESSAY,
                   registry: dict[str, type] | None = None) -> Callable[[T], T]:
    """Class decorator: declare a model's claim, citation and headline figures, and register it.

    Parameters
    ----------
    claim : str
        The sentence the model formalises, quoted verbatim (from the essay unless ``citation`` says
        otherwise).
    headlines : tuple of str
        Slugs of the report sections that draw the model's headline results (each must be registered
        with :func:`report_section`). A model whose results appear in another model's figure may have none.
    citation : str
        Where the claim comes from (default: the essay).
    registry : dict, optional
        Where to register (default :data:`MODELS`; tests pass their own).

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @register_model(claim="", registry={})
    ... @dataclass(frozen=True)
    ... class Empty:
    ...     pass
    Traceback (most recent call last):
    ...
    ValueError: claim of Empty must be a non-empty sentence
    """
    if isinstance(headlines, str):
        raise TypeError(f"headlines must be a tuple of section slugs; got the str {headlines!r}")

    def wrap(cls: T) -> T:
        if not isinstance(claim, str) or not claim.strip():
            raise ValueError(f"claim of {cls.__name__} must be a non-empty sentence")
        if not isinstance(citation, str) or not citation.strip():
            raise ValueError(f"citation of {cls.__name__} must say where the claim comes from")
        cls.claim = claim
        cls.citation = citation
        cls.headlines = tuple(headlines)
        target = MODELS if registry is None else registry
        target[cls.__name__] = cls
        return cls

    return wrap


def registered_models() -> list[type]:
    """Every model class of the package, in the order the report shows them.

    Examples
    --------
    >>> names = [cls.__name__ for cls in registered_models()]
    >>> names.index("ResponseModel") < names.index("EscalationModel") < names.index("SecurityDilemmaModel")
    True
    """
    import models  # noqa: F401  (importing the package registers every model module)

    return list(MODELS.values())


@dataclass(frozen=True)
class SectionSpec:
    """A registered report section: ``build(quick, executor) -> ReportSection`` drawing one model's headline.

    Attributes
    ----------
    slug : str
        File-name stem of the figure and table, and the headline it draws.
    model : type
        The model class whose headline it is.
    build : callable
        ``build(quick: bool, executor) -> models.report_base.ReportSection``.

    Examples
    --------
    >>> spec = SectionSpec(slug="toy-map", model=object, build=lambda quick=False, executor=None: None)
    >>> spec.slug, spec.build() is None
    ('toy-map', True)
    """

    slug: str
    model: type
    build: Callable[..., Any]


#: Every registered report section, by slug.
SECTIONS: dict[str, SectionSpec] = {}


#: The Parameters and Returns sections every section builder shares; :func:`report_section` adds them to a
#: builder's docstring that has none of its own (before its Examples).
SECTION_PARAMETERS = """
    Parameters
    ----------
    quick : bool
        A coarse grid (seconds) instead of the full one.
    executor : concurrent.futures.Executor, optional
        Runs the sweep's points.

    Returns
    -------
    ReportSection
"""


def report_section(slug: str, *, model: type, registry: dict[str, SectionSpec] | None = None
                   ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Function decorator: register ``build(quick=False, executor=None) -> ReportSection`` under ``slug``.

    A builder whose docstring has no Parameters section gets :data:`SECTION_PARAMETERS`.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @register_model(claim="(a sentence)", headlines=("toy-bars",), registry={})
    ... @dataclass(frozen=True)
    ... class Toy:
    ...     pass
    >>> sections = {}
    >>> @report_section("toy-bars", model=Toy, registry=sections)
    ... def toy_bars(quick=False, executor=None):
    ...     return None
    >>> sections["toy-bars"].model.__name__
    'Toy'
    >>> @report_section("toy-pie", model=Toy, registry=sections)
    ... def toy_pie(quick=False, executor=None):
    ...     return None
    Traceback (most recent call last):
    ...
    ValueError: section 'toy-pie' is not among the headlines of Toy ('toy-bars',); add it there
    """
    def wrap(build: Callable[..., Any]) -> Callable[..., Any]:
        if slug not in getattr(model, "headlines", ()):
            raise ValueError(f"section {slug!r} is not among the headlines of {model.__name__} "
                             f"{getattr(model, 'headlines', ())}; add it there")
        target = SECTIONS if registry is None else registry
        if slug in target and target[slug].build is not build:
            raise ValueError(f"a report section {slug!r} is already registered")
        target[slug] = SectionSpec(slug=slug, model=model, build=build)
        doc = build.__doc__ or ""
        if "Parameters\n" not in doc:
            head, sep, tail = doc.partition("\n    Examples\n")
            build.__doc__ = head.rstrip() + "\n" + SECTION_PARAMETERS + (sep + tail if sep else "")
        return build

    return wrap


def load_sections() -> dict[str, SectionSpec]:
    """Import every module of :mod:`models.sections` (which registers its sections) and return them all.

    Examples
    --------
    >>> specs = load_sections()
    >>> specs["responses-regime-map"].model.__name__
    'ResponseModel'
    >>> all(slug in spec.model.headlines for slug, spec in specs.items())
    True
    """
    import importlib
    import pkgutil

    import models.sections as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{info.name}")
    return dict(SECTIONS)


def _short(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (``...`` marks a cut)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " ..."


def model_table(claim_chars: int = 90) -> str:
    """The README's table of models: class, module, the claim it formalises (short form) and its parameters.

    Generated from the registry (every class registered with :func:`register_model`, in the report's order)
    and from each model's declared parameters (:func:`models.base.describe` of a default instance), so the
    README cannot fall out of step with the code; ``tests/test_readme.py`` compares them.

    Parameters
    ----------
    claim_chars : int
        Longest claim shown; longer claims are cut at a word and end in ``...`` (``help(cls)`` and
        ``cls.claim`` hold the full sentence).

    Returns
    -------
    str
        A Markdown table, one row per model: ``name = default unit`` for each parameter.

    Examples
    --------
    >>> table = model_table()
    >>> table.splitlines()[0]
    '| model | module | claim (short form) | parameters: name = default [unit] |'
    >>> "`models.VolunteersDilemma`" in table and "n = 5 [members]" in table
    True
    """
    from .base import describe

    if isinstance(claim_chars, bool) or not isinstance(claim_chars, int) or claim_chars < 10:
        raise ValueError(f"claim_chars must be an int >= 10; got {claim_chars!r}")
    rows = ["| model | module | claim (short form) | parameters: name = default [unit] |", "|---|---|---|---|"]
    for cls in registered_models():
        params = "; ".join(
            f"{p['name']} = {_short(repr(p['value']), 40)}" + ("" if p["unit"] in ("-", "") else f" [{p['unit']}]")
            for p in describe(cls()))
        claim = _short(cls.claim, claim_chars).replace("|", "\\|")
        rows.append(f"| `models.{cls.__name__}` | `{cls.__module__}` | {claim} | {params.replace('|', '/')} |")
    return "\n".join(rows)
