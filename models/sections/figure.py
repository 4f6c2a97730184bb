"""How every report figure is made: its raster size and its probability axes, set in one place.

A section makes its figure with :func:`report_figure` (a matplotlib figure that is rasterised at least
:data:`MIN_PNG_WIDTH` pixels wide whatever resolution the writer asks for) and limits every axis that shows a
probability or a share with :func:`probability_axis`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

__all__ = ["MIN_PNG_WIDTH", "probability_axis", "report_figure"]

#: Least width, in pixels, of a report figure saved in a raster format (PNG).
MIN_PNG_WIDTH = 1600
_RASTER = {"png", "jpg", "jpeg", "tif", "tiff", "webp"}


class _ReportFigure(Figure):
    """A matplotlib figure whose raster copies are at least :data:`MIN_PNG_WIDTH` pixels wide.

    :meth:`savefig` raises the resolution (``dpi``) of a raster format to what makes the saved image (after
    ``bbox_inches="tight"`` cropping, when asked) at least :data:`MIN_PNG_WIDTH` pixels wide; a higher
    ``dpi`` asked for is kept, and vector formats (SVG, PDF) are saved as asked.

    Examples
    --------
    >>> import io, matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = report_figure(figsize=(4, 3))
    >>> _ = ax.plot([0, 1], [0, 1])
    >>> buf = io.BytesIO()
    >>> fig.savefig(buf, format="png", dpi=50)
    >>> from PIL import Image
    >>> Image.open(buf).size[0] >= MIN_PNG_WIDTH
    True
    >>> plt.close(fig)
    """

    def savefig(self, fname: Any, *args: Any, **kwargs: Any) -> None:
        fmt = kwargs.get("format")
        if fmt is None and isinstance(fname, (str, Path)):
            fmt = Path(fname).suffix.lstrip(".")
        if str(fmt or "png").lower() in _RASTER:
            asked = kwargs.get("dpi")
            asked = self.dpi if asked in (None, "figure") else float(asked)
            width = self.get_size_inches()[0]
            if kwargs.get("bbox_inches") == "tight":
                bbox = self.get_tightbbox(self.canvas.get_renderer())
                width = bbox.width + 2 * float(kwargs.get("pad_inches") or 0.1)
            # 5% spare: text extents, and so the tight box, shift a little with the resolution
            kwargs["dpi"] = max(asked, math.ceil(1.05 * MIN_PNG_WIDTH / width))
        super().savefig(fname, *args, **kwargs)


def report_figure(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float] = (8, 4.2),
                  **kwargs: Any) -> tuple[Any, Any]:
    """A new report figure and its axes, as :func:`matplotlib.pyplot.subplots` returns them.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes.
    figsize : (float, float)
        Size in inches (the text is sized for this; the raster copy is scaled to :data:`MIN_PNG_WIDTH`).
    **kwargs
        Passed on to :func:`matplotlib.pyplot.subplots`.

    Returns
    -------
    (matplotlib.figure.Figure, Axes or array of Axes)
        The figure's raster copies are at least :data:`MIN_PNG_WIDTH` pixels wide.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, (left, right) = report_figure(1, 2, figsize=(10, 4))
    >>> fig.get_size_inches().tolist()
    [10.0, 4.0]
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    return plt.subplots(nrows, ncols, figsize=figsize, FigureClass=_ReportFigure, **kwargs)


def probability_axis(ax: Any, which: str = "y", *, full: bool = True) -> None:
    """Limit the ``which`` (``"x"`` or ``"y"``) axis of ``ax`` to [0, 1], the range of a probability or share.

    With ``full=False`` the axis keeps its current limits, cut to [0, 1] (for a probability that only
    ranges over part of it, such as a small noise).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = report_figure()
    >>> _ = ax.plot([-0.1, 0.2], [-0.2, 1.3])
    >>> probability_axis(ax)
    >>> [float(v) for v in ax.get_ylim()]
    [0.0, 1.0]
    >>> probability_axis(ax, "x", full=False)
    >>> [round(float(v), 3) for v in ax.get_xlim()]      # the data reach 0.2, plus the axes' margin
    [0.0, 0.215]
    >>> plt.close(fig)
    """
    if which not in ("x", "y"):
        raise ValueError(f"which must be 'x' or 'y'; got {which!r}")
    get, put = (ax.get_xlim, ax.set_xlim) if which == "x" else (ax.get_ylim, ax.set_ylim)
    lo, hi = (0.0, 1.0) if full else get()
    put(max(0.0, float(lo)), min(1.0, float(hi)))
