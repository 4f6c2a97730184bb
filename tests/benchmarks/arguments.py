"""The benchmark scripts' positional command-line arguments, as keyword arguments of their ``main``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def sizes(text: str) -> tuple[int, ...]:
    """A comma-separated list of sizes (``"10,20,50"``)."""
    return tuple(int(v) for v in text.split(","))


def keyword_arguments(argv: Sequence[str], *spec: tuple[str, Callable[[str], Any]]) -> dict[str, Any]:
    """``{name: convert(value)}`` for the values given, in the order of ``spec``; the rest keep their defaults."""
    return {name: convert(value) for (name, convert), value in zip(spec, argv)}
