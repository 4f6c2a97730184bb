"""Exercise sheets: Markdown, LaTeX and (where a LaTeX engine is installed) PDF.

:func:`write_sheets` writes an exercise sheet and a separate solutions sheet; it backs
``regimes exercises``. The sheets serve seminars on the essay's game theory of security regimes, built
for "an atmosphere of confidence and predictability in international relations".

Examples
--------
>>> from models.exercises import generate
>>> print(exercise_markdown(generate("zero-sum", 0)).splitlines()[0])
### Value of a zero-sum game
"""

from __future__ import annotations

import shutil
import subprocess
import warnings
from collections.abc import Iterable
from numbers import Integral
from pathlib import Path
from typing import Any

import numpy as np

from games import NormalFormGame
from games.numeric import format_number

from .record import Exercise
from .registry import TOPICS, check_seed, resolve_topic, sheet

__all__ = ["LATEX_ENGINES", "PDF_HINT", "answer_text", "exercise_markdown", "exercise_latex", "latex_engine",
           "write_sheets"]

LATEX_ENGINES = ("latexmk", "pdflatex", "xelatex", "lualatex", "tectonic")
"""The LaTeX engines tried, in order, to compile the sheets to PDF."""

PDF_HINT = ("no PDF: no LaTeX engine on PATH (install TeX Live's pdflatex, e.g. "
            "`apt-get install texlive-latex-base`); the Markdown and LaTeX sheets are written")
"""What to say when no PDF can be made."""


def _show(v: Any) -> str:
    if isinstance(v, frozenset):
        items = sorted(("(" + ", ".join(x) + ")") if isinstance(x, tuple) else str(x) for x in v)
        return "{" + ", ".join(items) + "}" if items else "none"
    if isinstance(v, str):
        return v
    return format_number(v)


def answer_text(exercise: Exercise) -> str:
    """The answer in words: each part as ``Label: value`` (or ``name = value`` without a label), ``; ``-separated.

    Parameters
    ----------
    exercise : Exercise
        The exercise.

    Examples
    --------
    >>> from models.exercises import generate
    >>> answer_text(generate("dominance", 0)).startswith("Row plays: ")
    True
    """
    return "; ".join(f"{exercise.labels[k]}: {_show(v)}" if k in exercise.labels else f"{k} = {_show(v)}"
                     for k, v in exercise.answer.items())


def _cells(game: NormalFormGame) -> np.ndarray:
    return np.vectorize(format_number, otypes=[object])(game.exact_payoffs)


def _markdown_table(game: NormalFormGame) -> str:
    if game.num_players != 2:
        return ""
    cells = _cells(game)
    head = "| " + " \\ ".join(game.players[:2]) + " | " + " | ".join(game.actions[1]) + " |"
    sep = "|" + "---|" * (len(game.actions[1]) + 1)
    rows = [f"| **{a}** | " + " | ".join(", ".join(cells[r, c]) for c in range(game.shape[1])) + " |"
            for r, a in enumerate(game.actions[0])]
    return "\n".join([head, sep, *rows])


_SPECIAL = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\~{}", "^": r"\^{}"}


def _latex_text(text: str, math: bool = False) -> str:
    """Escape LaTeX specials outside ``$...$`` (inside, the text is already LaTeX)."""
    if not math:
        return "".join(_SPECIAL.get(ch, ch) for ch in text)
    pieces = text.split("$")
    return "$".join(p if k % 2 else "".join(_SPECIAL.get(ch, ch) for ch in p) for k, p in enumerate(pieces))


def _latex_table(game: NormalFormGame) -> str:
    if game.num_players != 2:
        return ""
    cells = _cells(game)
    lines = [r"\begin{center}\begin{tabular}{r|" + "c" * game.shape[1] + "}",
             " & ".join([""] + [_latex_text(a) for a in game.actions[1]]) + r" \\ \hline"]
    for r, a in enumerate(game.actions[0]):
        lines.append(" & ".join([_latex_text(a)] + [", ".join(cells[r, c]) for c in range(game.shape[1])]) + r" \\")
    lines.append(r"\end{tabular}\end{center}")
    return "\n".join(lines)


def exercise_markdown(exercise: Exercise, solution: bool = False, number: int | None = None) -> str:
    """The exercise (and, with ``solution``, its answer and worked steps) as Markdown.

    Parameters
    ----------
    exercise : Exercise
        The exercise.
    solution : bool
        Include the answer and the worked solution.
    number : int, optional
        Its number on the sheet.

    Examples
    --------
    >>> from models.exercises import generate
    >>> "**Answer:**" in exercise_markdown(generate("zero-sum", 0), solution=True)
    True
    """
    head = f"### {number}. {exercise.title}" if number is not None else f"### {exercise.title}"
    parts = [head, "", exercise.question, ""]
    if exercise.game is not None:
        parts += [_markdown_table(exercise.game), ""]
    if solution:
        parts += ["**Answer:** " + answer_text(exercise), ""]
        parts += [f"{k}. {step}" for k, step in enumerate(exercise.solution, 1)] + [""]
    return "\n".join(parts)


def exercise_latex(exercise: Exercise, solution: bool = False) -> str:
    r"""The exercise as a LaTeX fragment (an ``\item`` body).

    Parameters
    ----------
    exercise : Exercise
        The exercise.
    solution : bool
        Include the answer and the worked solution.

    Examples
    --------
    >>> from models.exercises import generate
    >>> r"\textit{Answer:}" in exercise_latex(generate("zero-sum", 0), solution=True)
    True
    """
    parts = [rf"\textbf{{{_latex_text(exercise.title)}}}\\", _latex_text(exercise.question, math=True)]
    if exercise.game is not None:
        parts.append(_latex_table(exercise.game))
    if solution:
        parts.append(r"\par\textit{Answer:} " + _latex_text(answer_text(exercise), math=True))
        steps = "\n".join(r"\item " + _latex_text(s, math=True) for s in exercise.solution)
        parts.append(r"\begin{enumerate}" + "\n" + steps + "\n" + r"\end{enumerate}")
    return "\n".join(parts)


def _latex_document(title: str, items: list[str]) -> str:
    body = "\n\n".join(r"\item " + it for it in items)
    return "\n".join([
        r"\documentclass[11pt]{article}",
        r"\usepackage[margin=2.5cm]{geometry}",
        r"\usepackage{amsmath,amssymb}",
        r"\begin{document}",
        rf"\section*{{{_latex_text(title)}}}",
        r"\begin{enumerate}",
        body,
        r"\end{enumerate}",
        r"\end{document}",
        "",
    ])


def latex_engine() -> str | None:
    """The first LaTeX engine of :data:`LATEX_ENGINES` on PATH, or None.

    Examples
    --------
    >>> latex_engine() in LATEX_ENGINES + (None,)
    True
    """
    return next((e for e in LATEX_ENGINES if shutil.which(e)), None)


def _pdf(tex_path: Path) -> Path | None:
    """Compile with the first LaTeX engine on PATH; None when there is none (or it fails)."""
    engine = latex_engine()
    if engine is None:
        return None
    exe = shutil.which(engine) or engine
    args = {"latexmk": [exe, "-pdf", "-interaction=nonstopmode", "-quiet"],
            "tectonic": [exe]}.get(engine, [exe, "-interaction=nonstopmode"])
    try:
        subprocess.run(args + [tex_path.name], cwd=tex_path.parent, check=True, timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (subprocess.SubprocessError, OSError) as err:
        warnings.warn(f"{engine} could not compile {tex_path} ({err}); its log is "
                      f"{tex_path.with_suffix('.log')}", RuntimeWarning, stacklevel=3)
        return None
    for aux in (".aux", ".log", ".fls", ".fdb_latexmk", ".out"):
        tex_path.with_suffix(aux).unlink(missing_ok=True)
    pdf = tex_path.with_suffix(".pdf")
    return pdf if pdf.exists() else None


def write_sheets(topics: Iterable[str] | str | None = None, count: int = 5, seed: int = 0,
                 out: str | Path = "exercises", *, pdf: bool = True) -> dict[str, Path]:
    """Write an exercise sheet and a separate solutions sheet.

    Each topic's ``count`` exercises are :func:`models.exercises.sheet` ``(topic, count, seed)``: items
    seeded by independent streams spawned from ``seed``, never repeating a problem.

    Parameters
    ----------
    topics : str or iterable of str, optional
        Topics in :data:`models.exercises.TOPICS` (default: all).
    count : int
        Exercises per topic (1 to 100).
    seed : int
        A non-negative integer.
    out : str or Path
        Output folder (created if needed).
    pdf : bool
        Also compile PDFs when a LaTeX engine (latexmk, pdflatex, xelatex, lualatex, tectonic) is on PATH.

    Returns
    -------
    dict
        Paths by name: ``exercises.md``, ``solutions.md``, ``exercises.tex``, ``solutions.tex`` and,
        where compiled, ``exercises.pdf`` and ``solutions.pdf``.

    Raises
    ------
    ValueError
        For an unknown topic, a bad count or seed, or a topic with fewer distinct exercises than ``count``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     paths = write_sheets(["zero-sum"], count=2, seed=0, out=d, pdf=False)
    ...     sorted(paths), paths["solutions.md"].read_text().count("**Answer:**")
    (['exercises.md', 'exercises.tex', 'solutions.md', 'solutions.tex'], 2)
    """
    if topics is None:
        chosen = list(TOPICS)
    elif isinstance(topics, str):
        chosen = [topics]
    else:
        chosen = list(topics)
    if not chosen:
        raise ValueError("topics must name at least one topic (or be None for all)")
    for t in chosen:
        resolve_topic(t)
    if isinstance(count, bool) or not isinstance(count, (Integral, np.integer)) or not 1 <= count <= 100:
        raise ValueError(f"count must be an integer from 1 to 100; got {count!r}")
    seed = check_seed(seed)
    exercises = [ex for t in chosen for ex in sheet(t, int(count), seed)]
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for name, with_solution in (("exercises", False), ("solutions", True)):
        title = "Exercises" if not with_solution else "Solutions"
        md = [f"# {title}: game theory of security regimes", "",
              f"Topics: {', '.join(chosen)}; seed {seed}.", ""]
        md += [ex.markdown(solution=with_solution, number=k) for k, ex in enumerate(exercises, 1)]
        paths[f"{name}.md"] = folder / f"{name}.md"
        paths[f"{name}.md"].write_text("\n".join(md), encoding="utf-8")
        tex_doc = _latex_document(f"{title}: game theory of security regimes",
                                  [ex.latex(solution=with_solution) for ex in exercises])
        paths[f"{name}.tex"] = folder / f"{name}.tex"
        paths[f"{name}.tex"].write_text(tex_doc, encoding="utf-8")
        if pdf:
            made = _pdf(paths[f"{name}.tex"])
            if made is not None:
                paths[f"{name}.pdf"] = made
    return paths


