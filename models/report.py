"""``regimes report``: draw every registered model's headlines and write a self-contained HTML report.

The report has no list of its own: it is built from :func:`models.registry.registered_models` in
registration order (the import order of :mod:`models`), and for each model from the report sections
registered under the slugs of its ``headlines``. A headline without a registered section is an error
that names the model and the slug, never a silent skip.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .registry import ESSAY, SectionSpec, load_sections, registered_models
from .report_base import ReportSection

__all__ = ["build_report", "check_output_folder", "collect_sections", "report_plan"]

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


#: What a folder written by :func:`build_report` holds; only such a folder (or an empty one) is replaced.
REPORT_ENTRIES = frozenset({"index.html", "figures", "tables"})


def check_output_folder(out: str | Path, name: str = "out", *, replace_report: bool = False) -> Path:
    """Check, before any work, that ``out`` can become an output folder; return it as a ``Path``.

    The folder may exist (and must then be a folder) or be creatable: its nearest existing ancestor must
    be a writable folder. With ``replace_report`` an existing folder must be empty or hold a previous
    report (only ``index.html``, ``figures/`` and ``tables/``), since the report replaces it whole.

    Parameters
    ----------
    out : str or Path
        The destination folder.
    name : str
        How the destination is called in messages (``"--out"`` on the command line).
    replace_report : bool
        The folder will be replaced by a new report.

    Raises
    ------
    ValueError
        ``out`` is an existing file, lies below a file, is the current folder or an ancestor of it, or
        (with ``replace_report``) holds files that are not a report's.
    PermissionError
        The folder, or the folder it would be created in, is not writable.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> check_output_folder(folder / "report").name
    'report'
    >>> _ = (folder / "notes.txt").write_text("x")
    >>> check_output_folder(folder / "notes.txt" / "report")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: out .../notes.txt/report cannot be created: .../notes.txt is a file, not a folder
    """
    if not isinstance(out, (str, os.PathLike)) or not str(out).strip():
        raise TypeError(f"{name} must be a folder path; got {out!r}")
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise ValueError(f"{name} {path} is an existing file; give a folder (new, or a previous report)")
    ancestor = path
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise ValueError(f"{name} {path} cannot be created: {ancestor} is a file, not a folder")
    writable = ancestor if ancestor != path or not replace_report else path.resolve().parent
    if not os.access(writable, os.W_OK | os.X_OK):
        raise PermissionError(f"{name} {path}: the folder {writable} is not writable")
    if path.is_dir() and replace_report:
        here = Path.cwd().resolve()
        if path.resolve() == here or path.resolve() in here.parents:
            raise ValueError(f"{name} {path} is the current folder or holds it; give a report folder inside it")
        extra = sorted(p.name for p in path.iterdir() if p.name not in REPORT_ENTRIES)
        if extra:
            shown = ", ".join(extra[:3]) + (", ..." if len(extra) > 3 else "")
            raise ValueError(f"{name} {path} holds files that are not a report's ({shown}); the report replaces "
                             "the whole folder, so give a new folder or a previous report's")
    return path


def _replace_folder(new: Path, old: Path) -> None:
    """Put the folder ``new`` at ``old``, replacing an existing ``old`` (atomically where the OS can)."""
    if not old.exists():
        os.rename(new, old)
        return
    if _exchange(new, old):          # Linux: one atomic swap, ``old`` is never missing
        shutil.rmtree(new, ignore_errors=True)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{old.name}.old-", dir=old.parent))
    os.rename(old, aside / old.name)
    os.rename(new, old)
    shutil.rmtree(aside, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's ``renameat2(RENAME_EXCHANGE)``; ``False`` where unavailable."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def build_report(out: str | Path = "regimes-report", quick: bool = False, executor: Any = None,
                 show_progress: bool = True) -> Path:
    """Write ``index.html``, ``figures/*.png|svg`` and ``tables/*.csv`` into ``out``; return the index path.

    The destination is checked first (:func:`check_output_folder`), before any section is built. The
    report is written into a temporary folder beside ``out`` and moved into place only when complete,
    replacing a previous report whole: an interrupted or failed build leaves ``out`` as it was.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from models.report import build_report
    >>> with tempfile.TemporaryDirectory() as d:   # doctest: +SKIP
    ...     index = build_report(d, quick=True, show_progress=False)
    ...     index.name
    'index.html'
    """
    out = check_output_folder(out, replace_report=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    try:
        written, lines = _write_report(work, quick=quick, executor=executor, show_progress=show_progress)
        work.chmod(0o755)
        _replace_folder(work, out)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    index = out / written.name
    print(f"{lines[0]} -> {index}")
    for line in lines[1:]:
        print(line)
    return index


def _write_report(out: Path, quick: bool, executor: Any, show_progress: bool) -> tuple[Path, list[str]]:
    """Build every section and write the report into the folder ``out``; return the index and summary lines."""
    import matplotlib

    matplotlib.use("Agg")
    from games.progress import progress_bar

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
    return index, [f"security-regimes report ({mode}): {len(sections)} figures in {elapsed:.1f} s", *summary]
