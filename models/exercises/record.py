"""The exercise record and the grade record.

An :class:`Exercise` is what every topic returns: a frozen record of the problem, its typed answer (named
exact parts), the worked steps and the game it is about. The sheets are written for seminars on the
essay's claim that regimes are needed for "an atmosphere of confidence and predictability in
international relations".

Examples
--------
>>> from fractions import Fraction
>>> ex = Exercise(topic="demo", seed=0, title="A number", question="What is 1/2 + 1/4?",
...               answer={"sum": Fraction(3, 4)}, answer_format="{'sum': fraction}",
...               solution=("1/2 + 1/4 = 2/4 + 1/4 = 3/4.",))
>>> ex.answer["sum"], ex.equilibria
(Fraction(3, 4), ())
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from games import NormalFormGame

__all__ = ["Exercise", "Grade"]


@dataclass(frozen=True, eq=False)
class Exercise:
    """One exercise: problem, typed answer, worked solution and the game, if any.

    Attributes
    ----------
    topic, seed : str, int
        What generated it (``generate(topic, seed)`` gives it back).
    title, question : str
        The problem, with ``$...$`` mathematics (valid Markdown with MathJax and valid LaTeX).
    answer : mapping
        The answer's named parts: Fractions, ints, labels, or frozensets of labels/profiles (read-only).
    answer_format : str
        How a student's answer is passed to :func:`models.exercises.check`.
    solution : tuple of str
        The worked solution, one step per entry.
    game : NormalFormGame or None
        The game the exercise is about (shown as a table), if it has one small enough to print.
    labels : mapping of str to str
        A human label for each answer part (``"Followers needed"``); parts without one are shown with
        their name, underscores as spaces.
    equilibria : tuple of profiles
        The equilibria of ``game`` that the answer states (each a list of mixed strategies), so that
        anyone can check them against the game (their regret is 0); empty when the answer states none.

    Examples
    --------
    An exercise written by hand: grim trigger in the prisoner's dilemma with T, R, P = 5, 3, 1 is an
    equilibrium when ``delta >= (T - R) / (T - P) = 1/2``.

    >>> from fractions import Fraction
    >>> from models.exercises import check
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
    labels: Mapping[str, str] = field(default_factory=dict)
    equilibria: tuple[Any, ...] = ()

    def __post_init__(self) -> None:
        for name in ("topic", "title", "question", "answer_format"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"{name} must be a str; got {type(getattr(self, name)).__name__}")
        if not isinstance(self.answer, Mapping) or not self.answer:
            raise ValueError(f"answer must be a non-empty mapping of named parts; got {self.answer!r}")
        object.__setattr__(self, "answer", MappingProxyType(dict(self.answer)))
        object.__setattr__(self, "labels", MappingProxyType(dict(self.labels)))
        object.__setattr__(self, "solution", tuple(self.solution))
        object.__setattr__(self, "equilibria", tuple(self.equilibria))
        unknown = sorted(set(self.labels) - set(self.answer))
        if unknown:
            raise ValueError(f"labels name parts {unknown} that the answer does not have ({sorted(self.answer)})")

    @property
    def problem(self) -> str:
        """The problem text (the same as :attr:`question`).

        Examples
        --------
        >>> Exercise("t", 0, "T", "Why?", {"a": 1}, "{'a': int}", ("Because.",)).problem
        'Why?'
        """
        return self.question

    @property
    def solution_text(self) -> str:
        """The worked steps as one text, one numbered step per line.

        Examples
        --------
        >>> print(Exercise("t", 0, "T", "Why?", {"a": 1}, "{'a': int}", ("One.", "Two.")).solution_text)
        1. One.
        2. Two.
        """
        return "\n".join(f"{k}. {s}" for k, s in enumerate(self.solution, 1))

    def label(self, part: str) -> str:
        """The human label of an answer part.

        Examples
        --------
        >>> ex = Exercise("t", 0, "T", "?", {"k_group": 2, "p": 1}, "", (), labels={"k_group": "Size of the k-group"})
        >>> ex.label("k_group"), ex.label("p")
        ('Size of the k-group', 'p')
        """
        return self.labels.get(part, part.replace("_", " "))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Exercise):
            return NotImplemented
        return (self.topic, self.seed, self.question, dict(self.answer), self.solution) == (
            other.topic, other.seed, other.question, dict(other.answer), other.solution) and (
            (self.game is None and other.game is None)
            or (self.game is not None and other.game is not None and self.game == other.game))

    __hash__ = None  # type: ignore[assignment]

    def markdown(self, solution: bool = False, number: int | None = None) -> str:
        """The exercise (and, with ``solution``, its answer and worked solution) as Markdown.

        Examples
        --------
        >>> print(Exercise("t", 0, "Sum", "1 + 1?", {"sum": 2}, "{'sum': int}", ("Count.",)).markdown(number=3))
        ### 3. Sum
        <BLANKLINE>
        1 + 1?
        <BLANKLINE>
        """
        from .render import exercise_markdown

        return exercise_markdown(self, solution=solution, number=number)

    def latex(self, solution: bool = False) -> str:
        r"""The exercise as a LaTeX fragment (an ``\item`` body).

        Examples
        --------
        >>> print(Exercise("t", 0, "Sum & more", "1 + 1?", {"sum": 2}, "", ("Count.",)).latex())
        \textbf{Sum \& more}\\
        1 + 1?
        """
        from .render import exercise_latex

        return exercise_latex(self, solution=solution)

    def _repr_markdown_(self) -> str:
        return self.markdown()


@dataclass(frozen=True)
class Grade:
    """The result of :func:`models.exercises.check`: overall and per part, with feedback.

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

    >>> from models.exercises import check, generate
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

