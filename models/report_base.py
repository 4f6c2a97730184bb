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
    extra : dict
        Anything else a section wants to keep with it (not written by the report).

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> table = pd.DataFrame({"members": [2, 3, 4], "contributors": [1, 1, 1]})
    >>> fig = Figure()
    >>> _ = fig.add_subplot().plot(table["members"], table["contributors"])
    >>> sec = ReportSection(slug="toy-free-riding", title="Free riding", claim="(the essay's sentence)",
    ...                     text="One member pays, whatever the alliance's size.", figure=fig, table=table,
    ...                     summary="one contributor at every size")
    >>> sec.slug, len(sec.table), sec.extra
    ('toy-free-riding', 3, {})
    """

    slug: str
    title: str
    claim: str
    text: str
    figure: Any
    table: Any
    summary: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
