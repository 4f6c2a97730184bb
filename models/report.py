"""``regimes report``: draw every registered model's headlines and write a self-contained HTML report.

The report has no list of its own: it is built from :func:`models.registry.registered_models` in
registration order (the import order of :mod:`models`), and for each model from the report sections
registered under the slugs of its ``headlines``. A headline without a registered section is an error
that names the model and the slug, never a silent skip.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .registry import ESSAY, SectionSpec, load_sections, registered_models
from .report_base import ReportSection

__all__ = ["build_report", "collect_sections", "report_plan"]

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.8em;margin-bottom:.2em} h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
blockquote{border-left:4px solid #8aa;margin:1em 0;padding:.2em 1em;color:#455;background:#f5f8f8}
figure{margin:1em 0} figure img{max-width:100%;border:1px solid #eee}
.meta{color:#666;font-size:.9em} .files a{margin-right:1em}
nav ol{columns:2}
"""


def report_plan(names: Sequence[str] | None = None) -> list[SectionSpec]:
    """The sections the report draws, in order: each registered model's headlines, model by model.

    Parameters
    ----------
    names : sequence of str, optional
        Only these models (by class name) or sections (by slug); default all. The report's order is kept.

    Returns
    -------
    list of SectionSpec

    Raises
    ------
    LookupError
        A registered model names a headline that no report section is registered under.
    ValueError
        A name that is neither a registered model nor a headline slug (the message lists the valid ones).

    Examples
    --------
    >>> [spec.slug for spec in report_plan(["EscalationModel", "leadership-threshold"])]
    ['escalation-automatic-vs-discretionary', 'leadership-threshold']
    >>> report_plan(["tariffs"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: names must be registered models or section slugs; got unknown ['tariffs']. Valid: ...
    """
    sections = load_sections()
    plan: list[tuple[str, SectionSpec]] = []
    for model in registered_models():
        for slug in model.headlines:
            spec = sections.get(slug)
            if spec is None:
                raise LookupError(f"model {model.__name__} declares the headline {slug!r} but no report section "
                                  f"is registered under it (decorate its build function with "
                                  f"@report_section({slug!r}, model={model.__name__}) in models/sections/)")
            if spec.model is not model:
                raise LookupError(f"model {model.__name__} declares the headline {slug!r} but the section "
                                  f"registered under it draws {spec.model.__name__}")
            plan.append((model.__name__, spec))
    if names is None:
        return [spec for _, spec in plan]
    if isinstance(names, str):
        raise TypeError(f"names must be a sequence of model names or section slugs; got the str {names!r}")
    valid = [m.__name__ for m in registered_models()] + [spec.slug for _, spec in plan]
    unknown = [n for n in names if n not in valid]
    if unknown:
        raise ValueError(f"names must be registered models or section slugs; got unknown {unknown}. "
                         f"Valid: {', '.join(valid)}")
    chosen = set(names)
    return [spec for model, spec in plan if model in chosen or spec.slug in chosen]


def collect_sections(quick: bool = False, executor: Any = None,
                     progress: Callable[[str], None] | None = None,
                     names: Sequence[str] | None = None) -> list[ReportSection]:
    """Build the sections of :func:`report_plan`, in order.

    Parameters
    ----------
    quick : bool
        Coarse grids (a few seconds per section).
    executor : concurrent.futures.Executor, optional
        Passed to each section's ``build`` for its sweeps.
    progress : callable, optional
        ``progress(slug)`` is called after each section is built.
    names : sequence of str, optional
        Only these models (by class name) or sections (by slug); default all.

    Returns
    -------
    list of ReportSection

    Raises
    ------
    RuntimeError
        A section's build returned something else than a :class:`ReportSection` with its own slug.

    Examples
    --------
    One model only: the responses model's regime map.

    >>> done = []
    >>> secs = collect_sections(quick=True, progress=done.append, names=["ResponseModel"])
    >>> [s.slug for s in secs], done
    (['responses-regime-map'], ['responses-regime-map'])
    >>> import matplotlib.pyplot as plt
    >>> plt.close("all")
    """
    out: list[ReportSection] = []
    for spec in report_plan(names):
        sec = spec.build(quick=quick, executor=executor)
        if not isinstance(sec, ReportSection) or sec.slug != spec.slug:
            got = f"slug {sec.slug!r}" if isinstance(sec, ReportSection) else type(sec).__name__
            raise RuntimeError(f"the report section {spec.slug!r} of {spec.model.__name__} built {got}; "
                               f"it must return a ReportSection with slug {spec.slug!r}")
        out.append(sec)
        if progress:
            progress(spec.slug)
    return out


def _write_section(sec: ReportSection, out: Path) -> dict[str, str]:
    figdir = out / "figures"
    tabdir = out / "tables"
    figdir.mkdir(parents=True, exist_ok=True)
    tabdir.mkdir(parents=True, exist_ok=True)
    files = {
        "png": f"figures/{sec.slug}.png",
        "svg": f"figures/{sec.slug}.svg",
        "csv": f"tables/{sec.slug}.csv",
    }
    sec.figure.savefig(out / files["png"], dpi=110, bbox_inches="tight")
    sec.figure.savefig(out / files["svg"], bbox_inches="tight")
    sec.table.to_csv(out / files["csv"], index=False)
    import matplotlib.pyplot as plt

    plt.close(sec.figure)
    return files


def build_report(out: str | Path = "regimes-report", quick: bool = False, executor: Any = None,
                 show_progress: bool = True) -> Path:
    """Write ``index.html``, ``figures/*.png|svg`` and ``tables/*.csv`` into ``out``; return the index path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from models.report import build_report
    >>> with tempfile.TemporaryDirectory() as d:   # doctest: +SKIP
    ...     index = build_report(d, quick=True, show_progress=False)
    ...     index.name
    'index.html'
    """
    import matplotlib

    matplotlib.use("Agg")
    from games.progress import progress_bar

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    plan = report_plan()
    with progress_bar(total=len(plan), desc="report", disable=not show_progress, unit="figure") as bar:
        def tick(name: str) -> None:
            bar.set_postfix_str(name)
            bar.update(1)

        sections = collect_sections(quick=quick, executor=executor, progress=tick)

    cited = {spec.slug: "the essay" if spec.model.citation == ESSAY else spec.model.citation for spec in plan}
    parts, toc, summary = [], [], []
    for sec in sections:
        files = _write_section(sec, out)
        toc.append(f'<li><a href="#{sec.slug}">{html.escape(sec.title)}</a></li>')
        parts.append(
            f'<section id="{sec.slug}"><h2>{html.escape(sec.title)}</h2>'
            f"<blockquote>{html.escape(sec.claim)}<br><span class='meta'>— {html.escape(cited[sec.slug])}"
            "</span></blockquote>"
            f"<p>{html.escape(sec.text)}</p>"
            f'<figure><img src="{files["png"]}" alt="{html.escape(sec.title)}"></figure>'
            f'<p class="files">Files: <a href="{files["svg"]}">SVG</a> <a href="{files["csv"]}">table (CSV)</a></p>'
            "</section>"
        )
        if sec.summary:
            summary.append(f"- {sec.title}: {sec.summary}")
    elapsed = time.perf_counter() - start
    mode = "quick (coarse grids)" if quick else "full"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>security-regimes report</title>
<style>{_CSS}</style></head><body>
<h1>security-regimes report</h1>
<p class="meta">Mode: {mode}. {len(sections)} figures, built in {elapsed:.1f} s.</p>
<p>Each section formalises one claim of V. Petrovsky's essay <i>International Security Regimes, Conflict
Resolution and Peace Support Operations in the CIS</i> as a game, solves it with verified equilibrium
solvers, and sweeps the parameters the essay argues about. Figures are PNG (SVG alongside); the data behind
each figure is a CSV table.</p>
<nav><ol>{''.join(toc)}</ol></nav>
{''.join(parts)}
</body></html>
"""
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    print(f"security-regimes report ({mode}): {len(sections)} figures in {elapsed:.1f} s -> {index}")
    for line in summary:
        print(line)
    return index
