"""Shared fixtures of the model tests: the essay's text, normalised for verbatim-quote checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ESSAY_CANDIDATES = [ROOT.parent / "shared" / "seed" / "petrovsky-security-regimes-cis.txt",
                    ROOT / "shared" / "seed" / "petrovsky-security-regimes-cis.txt"]


def normalise_text(text: str) -> str:
    """Lower case, curly quotes straightened, words split over lines joined, punctuation and spacing folded."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[-\u2013\u2014]\s*\n\s*", "", text)  # words split over lines
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@pytest.fixture(scope="session")
def normalise():
    """The normalisation applied to the essay, for a quote to be looked up in it."""
    return normalise_text


@pytest.fixture(scope="session")
def essay() -> str:
    """The essay's text, normalised (skips when the essay is not beside the checkout)."""
    for path in ESSAY_CANDIDATES:
        if path.is_file():
            return normalise_text(path.read_text(encoding="utf-8"))
    pytest.skip("the essay (shared/seed/petrovsky-security-regimes-cis.txt) is not beside this checkout")
