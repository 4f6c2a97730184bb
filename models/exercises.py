"""Classroom exercises with worked solutions, generated from a seed and solved by the engine.

Each exercise has a question, a machine-checkable answer (a dict of named parts), a step-by-step
solution and the game it is about. The numbers are chosen so that a student can work the answer by
hand (small integers, fractions with small denominators): candidates are drawn until one is nice.
:func:`write_sheets` writes an exercise sheet and a separate solutions sheet (Markdown and LaTeX, and a
PDF where a LaTeX engine is installed); it backs ``regimes exercises``.

Topics include the essay's models: ``burden-sharing`` (V. Petrovsky, *International Security Regimes,
Conflict Resolution and Peace Support Operations in the CIS*: collective security "may tempt many states
to take advantage of their membership without shouldering appropriate costs thereof"), ``alliances``,
``responses`` ("unilateral if necessary, but multilateral if possible"), ``security-dilemma``,
``reciprocity`` (regimes "strengthen and institutionalize" reciprocity, with "a necessity of consensus on
sanctions implementation"), ``escalation`` ("Automatic reaction to an aggression ... could even provoke
escalation of a conflict"), ``labelling`` ("who should be labeled as aggressor") and ``leadership`` ("A
leading power and/or coalition of powers should always take a lead in a crisis management effort").

Examples
--------
>>> ex = generate("mixed-2x2", seed=1)
>>> ex.topic, sorted(ex.answer)
('mixed-2x2', ['p', 'q'])
>>> check(ex, ex.answer).correct
True
>>> generate("mixed-2x2", seed=1) == ex
True
"""

from __future__ import annotations

import shutil
import subprocess
import warnings
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from numbers import Integral, Real
from pathlib import Path
from typing import Any

import numpy as np

from games import NormalFormGame

from .exercise_topics import TOPICS

__all__ = ["Exercise", "Grade", "TOPICS", "generate", "check", "write_sheets", "MAX_TRIES"]

MAX_TRIES = 2000
"""Candidates drawn per exercise before giving up (a topic's nice answers are far more common)."""


@dataclass(frozen=True)
class Exercise:
    """One exercise.

    Attributes
    ----------
    topic, seed : str, int
        What generated it (``generate(topic, seed)`` gives it back).
    title, question : str
        Text with ``$...$`` mathematics (valid Markdown with MathJax and valid LaTeX).
    answer : dict
        The answer's named parts: Fractions, ints, labels, or frozensets of labels/profiles.
    answer_format : str
        How a student's answer is passed to :func:`check`.
    solution : tuple of str
        The worked solution, one step per entry.
    game : NormalFormGame or None
        The game the exercise is about (shown as a table), if it has one small enough to print.

    Examples
    --------
    An exercise written by hand: grim trigger in the prisoner's dilemma with T, R, P = 5, 3, 1 is an
    equilibrium when ``delta >= (T - R) / (T - P) = 1/2``.

    >>> ex = Exercise(topic="repeated-threshold", seed=0, title="Grim trigger",
    ...               question="With T = 5, R = 3 and P = 1, when is grim trigger an equilibrium?",
    ...               answer={"delta": Fraction(1, 2)}, answer_format="{'delta': fraction}",
    ...               solution=("delta >= (T - R) / (T - P) = 2/4 = 1/2.",))
    >>> check(ex, {"delta": "2/4"}).correct, check(ex, {"delta": 0.5}).correct
    (True, True)
    >>> print(ex.markdown(solution=True, number=1))
    ### 1. Grim trigger
    <BLANKLINE>
    With T = 5, R = 3 and P = 1, when is grim trigger an equilibrium?
    <BLANKLINE>
    **Answer:** delta = 1/2
    <BLANKLINE>
    1. delta >= (T - R) / (T - P) = 2/4 = 1/2.
    <BLANKLINE>
    """

    topic: str
    seed: int
    title: str
    question: str
    answer: Mapping[str, Any]
    answer_format: str
    solution: tuple[str, ...]
    game: NormalFormGame | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Exercise):
            return NotImplemented
        return (self.topic, self.seed, self.question, dict(self.answer), self.solution) == (
            other.topic, other.seed, other.question, dict(other.answer), other.solution) and (
            (self.game is None and other.game is None)
            or (self.game is not None and other.game is not None and self.game == other.game))

    __hash__ = None  # type: ignore[assignment]

    def markdown(self, solution: bool = False, number: int | None = None) -> str:
        """The exercise (and, with ``solution``, its answer and worked solution) as Markdown."""
        head = f"### {number}. {self.title}" if number is not None else f"### {self.title}"
        parts = [head, "", self.question, ""]
        if self.game is not None:
            parts += [_markdown_table(self.game), ""]
        if solution:
            parts += ["**Answer:** " + _answer_text(self.answer), ""]
            parts += [f"{k}. {step}" for k, step in enumerate(self.solution, 1)] + [""]
        return "\n".join(parts)

    def latex(self, solution: bool = False) -> str:
        """The exercise as a LaTeX fragment (an ``\\item`` body)."""
        parts = [rf"\textbf{{{_latex_text(self.title)}}}\\", _latex_text(self.question, math=True)]
        if self.game is not None:
            parts.append(_latex_table(self.game))
        if solution:
            parts.append(r"\par\textit{Answer:} " + _latex_text(_answer_text(self.answer), math=True))
            steps = "\n".join(r"\item " + _latex_text(s, math=True) for s in self.solution)
            parts.append(r"\begin{enumerate}" + "\n" + steps + "\n" + r"\end{enumerate}")
        return "\n".join(parts)

    def _repr_markdown_(self) -> str:
        return self.markdown()


@dataclass(frozen=True)
class Grade:
    """The result of :func:`check`: overall and per part, with feedback.

    Attributes
    ----------
    correct : bool
        Every part is right (also the truth value of the grade).
    parts : dict of str to bool
        Each part of the answer and whether it is right (a missing part counts as wrong).
    feedback : str
        ``"Correct."`` or which parts to check and which are missing.

    Examples
    --------
    A mixed-equilibrium exercise asks for two parts, ``p`` and ``q``; an answer that gives only ``p``
    (correctly) is not yet correct.

    >>> ex = generate("mixed-2x2", seed=1)
    >>> grade = check(ex, {"p": ex.answer["p"]})
    >>> bool(grade), grade.parts, grade.feedback
    (False, {'p': True, 'q': False}, 'Not yet: missing q.')
    """

    correct: bool
    parts: dict[str, bool]
    feedback: str

    def __bool__(self) -> bool:
        return self.correct


def _rng(topic: str, seed: int) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(topic.encode())])


def _check_topic(topic: Any) -> str:
    if not isinstance(topic, str):
        raise TypeError(f"topic must be a str (one of {', '.join(TOPICS)}); got {type(topic).__name__} {topic!r}")
    if topic not in TOPICS:
        raise ValueError(f"topic must be one of {', '.join(repr(t) for t in TOPICS)}; got {topic!r}")
    return topic


def generate(topic: str, seed: int = 0) -> Exercise:
    """One exercise on ``topic``; the same topic and seed always give the same exercise.

    Parameters
    ----------
    topic : str
        One of :data:`TOPICS`: ``best-response``, ``dominance``, ``pure-nash``, ``mixed-2x2``,
        ``zero-sum``, ``volunteers-dilemma``, ``repeated-threshold``, and the essay's models
        ``burden-sharing``, ``alliances``, ``responses``, ``security-dilemma``, ``reciprocity``,
        ``escalation``, ``labelling``, ``leadership``.
    seed : int
        A non-negative integer.

    Examples
    --------
    >>> ex = generate("repeated-threshold", seed=3)
    >>> sorted(ex.answer), ex.answer["delta"] < 1
    (['delta'], True)
    >>> generate("bargaining", 0)
    Traceback (most recent call last):
    ...
    ValueError: topic must be one of 'best-response', 'dominance', 'pure-nash', 'mixed-2x2', 'zero-sum', \
'volunteers-dilemma', 'repeated-threshold', 'burden-sharing', 'alliances', 'responses', 'security-dilemma', \
'reciprocity', 'escalation', 'labelling', 'leadership'; got 'bargaining'
    """
    _check_topic(topic)
    if isinstance(seed, bool) or not isinstance(seed, (Integral, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    rng = _rng(topic, int(seed))
    for _ in range(MAX_TRIES):
        fields = TOPICS[topic](rng)
        if fields is not None:
            return Exercise(topic=topic, seed=int(seed), **fields)
    raise RuntimeError(f"no nice {topic!r} exercise found in {MAX_TRIES} candidates for seed {seed}")  # pragma: no cover


# ------------------------------------------------------------------------------------------ grading
def _as_fraction(v: Any) -> Fraction | float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, Fraction):
        return v
    if isinstance(v, (Integral, np.integer)):
        return Fraction(int(v))
    if isinstance(v, str):
        try:
            return Fraction(v.strip().replace(" ", ""))
        except (ValueError, ZeroDivisionError):
            return None
    if hasattr(v, "p") and hasattr(v, "q"):  # a sympy Rational
        return Fraction(int(v.p), int(v.q))
    if isinstance(v, (Real, np.floating)):
        return float(v)
    return None


def _norm(v: Any) -> Any:
    if isinstance(v, str):
        return v.strip().casefold()
    if isinstance(v, (tuple, list)):
        return tuple(_norm(x) for x in v)
    return v


def _part_ok(expected: Any, given: Any, tol: float) -> bool:
    if isinstance(expected, frozenset):
        if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
            return False
        return {_norm(e) for e in expected} == {_norm(g) for g in given}
    if isinstance(expected, str):
        return isinstance(given, str) and _norm(given) == _norm(expected)
    if isinstance(expected, (Fraction, Integral)):
        g = _as_fraction(given)
        if g is None:
            return False
        return g == expected if isinstance(g, Fraction) else abs(g - float(expected)) <= tol
    return given == expected  # pragma: no cover - every topic uses the kinds above


def check(exercise: Exercise, answer: Mapping[str, Any], *, tol: float = 1e-6) -> Grade:
    """Grade a student's answer.

    Parameters
    ----------
    exercise : Exercise
    answer : mapping
        The parts named in ``exercise.answer_format``. Numbers may be ints, Fractions, strings such
        as ``"2/3"`` or floats (within ``tol``); labels are compared ignoring case; sets in any order.
    tol : float
        Absolute tolerance for answers given as floats.

    Examples
    --------
    >>> ex = generate("volunteers-dilemma", seed=0)
    >>> check(ex, {k: str(v) for k, v in ex.answer.items()}).correct
    True
    >>> g = check(ex, {"p": 0})
    >>> g.correct, g.parts["p"]
    (False, False)
    """
    if not isinstance(exercise, Exercise):
        raise TypeError(f"exercise must be an Exercise; got {type(exercise).__name__}")
    if not isinstance(answer, Mapping):
        raise TypeError(f"answer must be a dict like {exercise.answer_format}; got {type(answer).__name__} {answer!r}")
    unknown = sorted(set(answer) - set(exercise.answer))
    if unknown:
        raise ValueError(f"answer has parts {unknown} this exercise does not ask for; expected {exercise.answer_format}")
    parts = {k: (k in answer and _part_ok(v, answer[k], tol)) for k, v in exercise.answer.items()}
    missing = [k for k in exercise.answer if k not in answer]
    wrong = [k for k, ok in parts.items() if not ok and k not in missing]
    if all(parts.values()):
        feedback = "Correct."
    else:
        bits = []
        if wrong:
            bits.append("check " + ", ".join(wrong))
        if missing:
            bits.append("missing " + ", ".join(missing))
        feedback = "Not yet: " + "; ".join(bits) + "."
    return Grade(all(parts.values()), parts, feedback)


# ------------------------------------------------------------------------------------------ rendering
def _fmt(v: Any) -> str:
    if isinstance(v, Fraction):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    if isinstance(v, (float, np.floating)):
        return str(int(v)) if float(v).is_integer() else f"{float(v):.6g}"
    return str(v)


def _answer_text(answer: Mapping[str, Any]) -> str:
    out = []
    for k, v in answer.items():
        if isinstance(v, frozenset):
            items = sorted(("(" + ", ".join(x) + ")") if isinstance(x, tuple) else str(x) for x in v)
            shown = "{" + ", ".join(items) + "}" if items else "none"
        else:
            shown = _fmt(v)
        out.append(f"{k} = {shown}")
    return "; ".join(out)


def _cells(game: NormalFormGame) -> np.ndarray:
    src = game.exact_payoffs
    return np.vectorize(_fmt, otypes=[object])(src)


def _markdown_table(game: NormalFormGame) -> str:
    cells = _cells(game)
    if game.num_players != 2:
        return ""
    head = "| " + " \\ ".join(game.players[:2]) + " | " + " | ".join(game.actions[1]) + " |"
    sep = "|" + "---|" * (len(game.actions[1]) + 1)
    rows = [f"| **{a}** | " + " | ".join(", ".join(cells[r, c]) for c in range(game.shape[1])) + " |"
            for r, a in enumerate(game.actions[0])]
    return "\n".join([head, sep, *rows])


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


_SPECIAL = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\~{}", "^": r"\^{}"}


def _latex_text(text: str, math: bool = False) -> str:
    """Escape LaTeX specials outside ``$...$`` (inside, the text is already LaTeX)."""
    if not math:
        return "".join(_SPECIAL.get(ch, ch) for ch in text)
    pieces = text.split("$")
    return "$".join(p if k % 2 else "".join(_SPECIAL.get(ch, ch) for ch in p)
                    for k, p in enumerate(pieces))


# ------------------------------------------------------------------------------------------ sheets
_LATEX_ENGINES = ("latexmk", "pdflatex", "xelatex", "lualatex", "tectonic")


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


def _pdf(tex_path: Path) -> Path | None:
    """Compile with the first LaTeX engine on PATH; None when there is none (or it fails)."""
    for engine in _LATEX_ENGINES:
        exe = shutil.which(engine)
        if exe is None:
            continue
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
    return None


def write_sheets(topics: Iterable[str] | str | None = None, count: int = 5, seed: int = 0,
                 out: str | Path = "exercises", *, pdf: bool = True) -> dict[str, Path]:
    """Write an exercise sheet and a separate solutions sheet.

    Exercise ``k`` (from 0) of each topic is ``generate(topic, seed * count + k)``, so different seeds
    give disjoint sets for the same ``count``.

    Parameters
    ----------
    topics : str or iterable of str, optional
        Topics in :data:`TOPICS` (default: all).
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
        _check_topic(t)
    if isinstance(count, bool) or not isinstance(count, (Integral, np.integer)) or not 1 <= count <= 100:
        raise ValueError(f"count must be an integer from 1 to 100; got {count!r}")
    if isinstance(seed, bool) or not isinstance(seed, (Integral, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    exercises = [generate(t, int(seed) * int(count) + k) for t in chosen for k in range(int(count))]
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
