"""The topic registry: a topic registers where it is defined, with :func:`exercise_topic`.

A topic is a function of a :class:`Draw` (the random source for one exercise) that returns an
:class:`~models.exercises.record.Exercise`, or ``None`` when the numbers it drew are not nice enough
to work by hand (then another candidate is drawn). :func:`generate` gives one exercise per topic and
seed; :func:`sheet` gives ``count`` distinct exercises for a sheet. The topics teach the essay's game
theory of security regimes, built for "an atmosphere of confidence and predictability in international
relations".

Examples
--------
>>> "mixed-2x2" in TOPICS, TOPICS["mixed-2x2"].title
(True, 'Mixed equilibrium of a 2x2 game')
>>> ex = generate("mixed-2x2", seed=1)
>>> ex.topic, sorted(ex.answer), generate("mixed-2x2", seed=1) == ex
('mixed-2x2', ['p', 'q'], True)
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import Any

import numpy as np

from games import NormalFormGame

from .record import Exercise

__all__ = ["Draw", "Topic", "TOPICS", "MAX_TRIES", "check_seed", "exercise_topic", "generate", "item_seeds",
           "resolve_topic", "sheet", "topic_help"]

MAX_TRIES = 2000
"""Candidates drawn per exercise before giving up (a topic's nice answers are far more common)."""

KINDS = ("game theory", "essay model")


@dataclass(frozen=True)
class Draw:
    """The random source of one exercise, and the factory of its record.

    Attributes
    ----------
    topic : Topic
        The topic being drawn.
    seed : int
        The exercise's seed.
    rng : numpy.random.Generator
        The generator to draw numbers from.

    Examples
    --------
    >>> d = Draw(TOPICS["zero-sum"], 0, np.random.default_rng(0))
    >>> d.choice(["a"]), d.exercise(question="Why?", answer={"a": 1}, answer_format="", solution=("So.",)).title
    ('a', 'Value of a zero-sum game')
    """

    topic: Topic
    seed: int
    rng: np.random.Generator

    def choice(self, options: Sequence[Any]) -> Any:
        """One of ``options``, drawn uniformly.

        Examples
        --------
        >>> Draw(TOPICS["zero-sum"], 0, np.random.default_rng(0)).choice([7])
        7
        """
        return options[int(self.rng.integers(len(options)))]

    def exercise(self, *, question: str, answer: Mapping[str, Any], answer_format: str, solution: Sequence[str],
                 game: NormalFormGame | None = None, labels: Mapping[str, str] | None = None,
                 equilibria: Sequence[Any] = (), title: str | None = None) -> Exercise:
        """The exercise record, with the topic, seed and (unless given) the topic's title filled in.

        Examples
        --------
        >>> d = Draw(TOPICS["dominance"], 4, np.random.default_rng(0))
        >>> ex = d.exercise(question="?", answer={"row": "A"}, answer_format="", solution=())
        >>> ex.topic, ex.seed
        ('dominance', 4)
        """
        return Exercise(topic=self.topic.name, seed=self.seed, title=title or self.topic.title, question=question,
                        answer=answer, answer_format=answer_format, solution=tuple(solution), game=game,
                        labels=labels or {}, equilibria=tuple(equilibria))


@dataclass(frozen=True)
class Topic:
    """A registered topic.

    Attributes
    ----------
    name, title, summary : str
        Its name (``regimes exercises --topic NAME``), the exercises' title, one line for the help.
    kind : str
        ``"game theory"`` or ``"essay model"``.
    draw : callable
        ``draw(Draw) -> Exercise | None``.
    variants : int or None
        How many distinct exercises the topic has, when it is known to be small.

    Examples
    --------
    >>> TOPICS["burden-sharing"].kind, TOPICS["burden-sharing"].variants
    ('essay model', 5)
    """

    name: str
    title: str
    summary: str
    kind: str
    draw: Callable[[Draw], Exercise | None]
    variants: int | None = None


TOPICS: dict[str, Topic] = {}
"""Topic name -> :class:`Topic`, in the order the topics registered."""


def exercise_topic(name: str, *, title: str, summary: str, kind: str = "essay model",
                   variants: int | None = None) -> Callable[[Callable[[Draw], Exercise | None]],
                                                            Callable[[Draw], Exercise | None]]:
    """Register the decorated function as the exercise topic ``name``.

    Parameters
    ----------
    name : str
        The topic's name: lower case words joined by ``-``.
    title : str
        The title every exercise of the topic carries.
    summary : str
        One line for ``regimes exercises --help`` and the docs.
    kind : str
        ``"game theory"`` (the basics) or ``"essay model"``.
    variants : int, optional
        How many distinct exercises the topic can make, when that is small (a sheet never asks for more).

    Returns
    -------
    callable
        The decorator (it returns the function unchanged).

    Examples
    --------
    >>> @exercise_topic("demo-sum", title="A sum", summary="adding two small integers", kind="game theory")
    ... def demo_sum(draw):
    ...     a, b = (int(v) for v in draw.rng.integers(1, 10, size=2))
    ...     return draw.exercise(question=f"What is {a} + {b}?", answer={"sum": a + b},
    ...                          answer_format="{'sum': int}", solution=(f"{a} + {b} = {a + b}.",))
    >>> generate("demo-sum", 3).answer["sum"] == generate("demo-sum", 3).answer["sum"]
    True
    >>> del TOPICS["demo-sum"]
    """
    if not isinstance(name, str) or not name or name != name.lower() or " " in name:
        raise ValueError(f"name must be lower-case words joined by '-'; got {name!r}")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}; got {kind!r}")
    if not title or not summary:
        raise ValueError(f"topic {name!r} needs a title and a summary")

    def register(fn: Callable[[Draw], Exercise | None]) -> Callable[[Draw], Exercise | None]:
        old = TOPICS.get(name)
        if old is not None and (old.draw.__module__, old.draw.__qualname__) != (fn.__module__, fn.__qualname__):
            raise ValueError(f"topic {name!r} is already registered by {old.draw.__module__}.{old.draw.__qualname__}")
        TOPICS[name] = Topic(name, title, summary, kind, fn, variants)
        return fn

    return register


def resolve_topic(topic: Any) -> Topic:
    """The registered :class:`Topic` named ``topic``; refuses other names with the list of topics.

    Examples
    --------
    >>> resolve_topic("zero-sum").kind
    'game theory'
    >>> resolve_topic(3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: topic must be a str (one of ...); got int 3
    """
    if not isinstance(topic, str):
        raise TypeError(f"topic must be a str (one of {', '.join(TOPICS)}); got {type(topic).__name__} {topic!r}")
    if topic not in TOPICS:
        raise ValueError(f"topic must be one of {', '.join(repr(t) for t in TOPICS)}; got {topic!r}")
    return TOPICS[topic]


def check_seed(seed: Any) -> int:
    """``seed`` as an int; refuses anything but a non-negative integer.

    Examples
    --------
    >>> check_seed(np.int64(4))
    4
    >>> check_seed(-1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be a non-negative integer; got -1
    """
    if isinstance(seed, bool) or not isinstance(seed, (Integral, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    return int(seed)


def generate(topic: str, seed: int = 0) -> Exercise:
    """One exercise on ``topic``; the same topic and seed always give the same exercise.

    Parameters
    ----------
    topic : str
        A name in :data:`TOPICS` (``regimes exercises --help`` lists them).
    seed : int
        A non-negative integer.

    Returns
    -------
    Exercise

    Examples
    --------
    >>> ex = generate("repeated-threshold", seed=3)
    >>> sorted(ex.answer), ex.answer["delta"] < 1
    (['delta'], True)
    >>> generate("bargaining", 0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: topic must be one of ..., 'mixed-2x2', ...; got 'bargaining'
    """
    entry = resolve_topic(topic)
    seed = check_seed(seed)
    rng = np.random.default_rng([seed, zlib.crc32(entry.name.encode())])
    draw = Draw(entry, seed, rng)
    for _ in range(MAX_TRIES):
        ex = entry.draw(draw)
        if ex is not None:
            if not isinstance(ex, Exercise):
                raise TypeError(f"topic {entry.name!r} returned {type(ex).__name__}, not an Exercise or None")
            return ex
    raise RuntimeError(  # pragma: no cover
        f"no nice {topic!r} exercise found in {MAX_TRIES} candidates for seed {seed}")


def item_seeds(seed: int, count: int) -> list[int]:
    """The seeds of a sheet's exercises: independent streams spawned from ``seed``.

    Item ``k`` is the ``k``-th child of ``numpy.random.SeedSequence(seed)``, so a sheet of 3 is the start
    of the sheet of 5 with the same seed, and different seeds give unrelated items.

    Parameters
    ----------
    seed : int
        The sheet's seed (non-negative).
    count : int
        How many seeds.

    Examples
    --------
    >>> item_seeds(1, 3) == item_seeds(1, 5)[:3], len(set(item_seeds(0, 50)))
    (True, 50)
    """
    seed = check_seed(seed)
    return [int(child.generate_state(1, dtype=np.uint64)[0] >> 1)
            for child in np.random.SeedSequence(seed).spawn(int(count))]


def sheet(topic: str, count: int, seed: int = 0, *, max_draws: int | None = None) -> list[Exercise]:
    """``count`` distinct exercises on ``topic`` for a sheet (no problem repeats).

    The items come from :func:`item_seeds`; an item whose problem (its text and its game's table, as
    printed) is already on the sheet is replaced by the next seed's.

    Parameters
    ----------
    topic : str
        A name in :data:`TOPICS`.
    count : int
        How many exercises (at least 1).
    seed : int
        The sheet's seed.
    max_draws : int, optional
        How many seeds to try before deciding the topic has too few exercises (default ``20 * count + 100``).

    Raises
    ------
    ValueError
        When the topic has fewer distinct exercises than ``count``; the message says how many.

    Examples
    --------
    >>> items = sheet("burden-sharing", 5, seed=1)
    >>> len({ex.question for ex in items})
    5
    >>> sheet("burden-sharing", 6, seed=1)
    Traceback (most recent call last):
    ...
    ValueError: topic 'burden-sharing' has 5 distinct exercises; count must be at most 5, got 6
    """
    entry = resolve_topic(topic)
    if isinstance(count, bool) or not isinstance(count, (Integral, np.integer)) or count < 1:
        raise ValueError(f"count must be a positive integer; got {count!r}")
    count = int(count)
    if entry.variants is not None and count > entry.variants:
        raise ValueError(f"topic {topic!r} has {entry.variants} distinct exercises; count must be at most "
                         f"{entry.variants}, got {count}")
    limit = max_draws if max_draws is not None else 20 * count + 100
    found: dict[str, Exercise] = {}
    for s in item_seeds(seed, limit):
        ex = generate(topic, s)
        found.setdefault(ex.markdown(), ex)   # the problem as printed: its text and its game's table
        if len(found) == count:
            return list(found.values())
    raise ValueError(f"topic {topic!r} gave only {len(found)} distinct exercises in {limit} draws; "
                     f"count must be at most {len(found)}, got {count}")


def topic_help(width: int = 100) -> str:
    """The topics as a text list, grouped by kind (for ``regimes exercises --help`` and the docs).

    Parameters
    ----------
    width : int
        Lines are not wrapped; ``width`` only pads the names' column when it allows.

    Examples
    --------
    >>> print(topic_help().splitlines()[0])
    game theory:
    """
    pad = min(max((len(n) for n in TOPICS), default=0), width // 3)
    lines = []
    for kind in KINDS:
        names = [t for t in TOPICS.values() if t.kind == kind]
        if not names:
            continue
        lines.append(f"{kind}:")
        lines += [f"  {t.name:<{pad}}  {t.summary}" for t in names]
    return "\n".join(lines)
