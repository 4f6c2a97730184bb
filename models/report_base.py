"""The unit a report is made of: one figure with its claim, its explanation and its table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ReportSection"]


@dataclass
class ReportSection:
    """One headline result of a model, as the report shows it.

    Attributes
    ----------
    slug : str
        File-name stem for the figure and table (``[a-z0-9-]+``).
    title : str
        Heading.
    claim : str
        The essay's sentence the model formalises (quoted verbatim).
    text : str
        Two or three sentences: the model and what the figure shows.
    figure : matplotlib.figure.Figure
        The figure (saved as PNG and SVG).
    table : pandas.DataFrame
        The sweep behind the figure (saved as CSV).
    summary : str
        One line for the terminal summary.
    """

    slug: str
    title: str
    claim: str
    text: str
    figure: Any
    table: Any
    summary: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
