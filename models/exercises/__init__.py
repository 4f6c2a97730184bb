"""Classroom exercises with worked solutions, generated from a seed and solved by the engine.

Each exercise (:class:`Exercise`) has a question, a typed answer (named exact parts: Fractions, ints,
labels, sets), a step-by-step solution and the game it is about. The numbers are chosen so that a
student can work the answer by hand (small integers, fractions with small denominators): candidates are
drawn until one is nice. :func:`write_sheets` writes an exercise sheet and a separate solutions sheet
(Markdown and LaTeX, and a PDF where a LaTeX engine is installed); it backs ``regimes exercises``.

Topics are plug-ins: a function decorated with :func:`exercise_topic` in a module of
:mod:`models.exercises.topics` (found automatically) is a topic; :data:`TOPICS` lists them and
:func:`topic_help` describes them. Besides the basics of game theory they cover the essay's models
(V. Petrovsky, *International Security Regimes, Conflict Resolution and Peace Support Operations in the
CIS*): burden sharing (collective security "may tempt many states to take advantage of their membership
without shouldering appropriate costs thereof"), alliances, responses ("unilateral if necessary, but
multilateral if possible"), the security dilemma, reciprocity, escalation ("Automatic reaction to an
aggression ... could even provoke escalation of a conflict"), labelling ("who should be labeled as
aggressor") and leadership.

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

from . import topics
from .grading import check
from .record import Exercise, Grade
from .registry import (
    MAX_TRIES,
    TOPICS,
    Draw,
    Topic,
    exercise_topic,
    generate,
    item_seeds,
    resolve_topic,
    sheet,
    topic_help,
)
from .render import LATEX_ENGINES, PDF_HINT, answer_text, latex_engine, write_sheets

__all__ = ["Exercise", "Grade", "TOPICS", "MAX_TRIES", "Draw", "Topic", "exercise_topic", "generate", "sheet",
           "item_seeds", "resolve_topic", "topic_help", "check", "write_sheets", "answer_text", "latex_engine",
           "LATEX_ENGINES", "PDF_HINT", "topics"]
