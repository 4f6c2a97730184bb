"""Progress bars: tqdm's notebook widget where ipywidgets is installed, its text bar elsewhere."""

from __future__ import annotations

import warnings
from typing import Any

__all__ = ["progress_bar"]


def progress_bar(*args: Any, **kwargs: Any) -> Any:
    """A ``tqdm`` progress bar (same arguments), without tqdm's warning when ipywidgets is missing.

    Examples
    --------
    >>> import io
    >>> with progress_bar(total=3, file=io.StringIO()) as bar:
    ...     _ = bar.update(3)
    >>> bar.n
    3
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # TqdmWarning: IProgress not found (falls back to the text bar)
        from tqdm.auto import tqdm

        return tqdm(*args, **kwargs)
