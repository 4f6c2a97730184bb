"""``regimes report``: run every model's headline sweeps and write a self-contained HTML report."""

from __future__ import annotations

import html
import importlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .report_base import ReportSection
from .sections import ORDER

__all__ = ["build_report", "collect_sections"]

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.8em;margin-bottom:.2em} h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
blockquote{border-left:4px solid #8aa;margin:1em 0;padding:.2em 1em;color:#455;background:#f5f8f8}
figure{margin:1em 0} figure img{max-width:100%;border:1px solid #eee}
.meta{color:#666;font-size:.9em} .files a{margin-right:1em}
nav ol{columns:2}
"""


def collect_sections(quick: bool = False, executor: Any = None,
                     progress: Callable[[str], None] | None = None,
                     names: Sequence[str] | None = None) -> list[ReportSection]:
    """Run each section module in :data:`models.sections.ORDER` that is installed, in order.

    Parameters
    ----------
    quick : bool
        Coarse grids (a few seconds per module).
    executor : concurrent.futures.Executor, optional
        Passed to each module's ``sections`` for expensive sweeps.
    progress : callable, optional
        ``progress(name)`` is called after each module (present or not).
    names : sequence of str, optional
        Only these modules of :data:`models.sections.ORDER` (kept in that order); default all.

    Returns
    -------
    list of ReportSection

    Examples
    --------
    One module only: the responses model's regime map.

    >>> done = []
    >>> secs = collect_sections(quick=True, progress=done.append, names=["responses"])
    >>> [s.slug for s in secs], done
    (['responses-regime-map'], ['responses'])
    >>> import matplotlib.pyplot as plt
    >>> plt.close("all")
    >>> collect_sections(names=["tariffs"])
    Traceback (most recent call last):
    ...
    ValueError: names must be section modules of models.sections.ORDER (responses, burden_sharing, \
alliances, reciprocity, escalation, leadership, security_dilemma); got unknown ['tariffs']
    """
    if names is None:
        chosen = ORDER
    else:
        if isinstance(names, str):
            raise TypeError(f"names must be a sequence of module names; got the str {names!r}")
        unknown = [n for n in names if n not in ORDER]
        if unknown:
            raise ValueError(f"names must be section modules of models.sections.ORDER ({', '.join(ORDER)}); "
                             f"got unknown {unknown}")
        chosen = tuple(n for n in ORDER if n in set(names))
    out: list[ReportSection] = []
    for name in chosen:
        modname = f"models.sections.{name}"
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name != modname:
                raise
            mod = None
        if mod is not None:
            out.extend(mod.sections(quick=quick, executor=executor))
        if progress:
            progress(name)
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
    with progress_bar(total=len(ORDER), desc="report", disable=not show_progress, unit="model") as bar:
        def tick(name: str) -> None:
            bar.set_postfix_str(name)
            bar.update(1)

        sections = collect_sections(quick=quick, executor=executor, progress=tick)

    parts, toc, summary = [], [], []
    for sec in sections:
        files = _write_section(sec, out)
        toc.append(f'<li><a href="#{sec.slug}">{html.escape(sec.title)}</a></li>')
        parts.append(
            f'<section id="{sec.slug}"><h2>{html.escape(sec.title)}</h2>'
            f"<blockquote>{html.escape(sec.claim)}<br><span class='meta'>— the essay</span></blockquote>"
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
