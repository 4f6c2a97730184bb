"""Conformance of every registered report section: one generic test per property, parametrised over the registry.

A report section registers with :func:`models.registry.report_section` under one of its model's headline
slugs. Each must build in quick mode, return a :class:`~models.report_base.ReportSection` with its own
slug and its model's claim, a non-empty table and a figure a reader can follow without the code (a
title, labelled axes and a key on every plotting axes), and a text that names the model. What the figure
draws must be the table's data: every line in a legend is a pair of the table's columns (the CSV the report
writes), and every axis that shows a probability or a share stays within [0, 1]. Every registered model's
headlines must resolve to a registered section, and the report draws exactly those.
"""

from __future__ import annotations

import inspect
import re

import numpy as np
import pandas as pd
import pytest

from models.registry import load_sections, registered_models
from models.report import report_plan
from models.report_base import ReportSection

SECTIONS = load_sections()
SLUGS = list(SECTIONS)

_built: dict[str, ReportSection] = {}


@pytest.fixture(scope="module", autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def built(slug: str) -> ReportSection:
    """The section built once in quick mode (the figures are reused by every test of this module)."""
    if slug not in _built:
        _built[slug] = SECTIONS[slug].build(quick=True)
    return _built[slug]


def _plot_axes(fig):
    """Axes that hold data (colour bars are axes too: they are recognised by their label-only role)."""
    return [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]


def test_every_headline_resolves_and_the_report_draws_exactly_them():
    plan = report_plan()
    headlines = [slug for cls in registered_models() for slug in cls.headlines]
    assert [spec.slug for spec in plan] == headlines
    assert len(headlines) == len(set(headlines)), "two models claim the same headline"
    orphans = [slug for slug, spec in SECTIONS.items() if slug not in headlines]
    assert not orphans, f"sections registered for no registered model's headline: {orphans}"


@pytest.mark.parametrize("slug", SLUGS)
def test_build_has_the_section_signature(slug):
    params = inspect.signature(SECTIONS[slug].build).parameters
    assert list(params) == ["quick", "executor"], slug
    assert params["quick"].default is False and params["executor"].default is None


@pytest.mark.parametrize("slug", SLUGS)
def test_section_builds_with_its_slug_claim_and_table(slug):
    sec, spec = built(slug), SECTIONS[slug]
    assert isinstance(sec, ReportSection)
    assert sec.slug == slug
    assert sec.claim == spec.model.claim
    assert isinstance(sec.table, pd.DataFrame) and len(sec.table) > 0 and len(sec.table.columns) > 0
    assert sec.title.strip()
    assert "Model" in sec.text or "model" in sec.text, f"{slug}: the text does not name its model"


@pytest.mark.parametrize("slug", SLUGS)
def test_figure_is_titled_labelled_and_keyed(slug):
    fig = built(slug).figure
    axes = _plot_axes(fig)
    assert axes, f"{slug}: the figure has no axes"
    has_colourbar = len(axes) < len(fig.axes)
    for ax in axes:
        assert ax.get_title(), f"{slug}: an axes has no title"
        assert ax.get_xlabel() and ax.get_ylabel(), f"{slug}: an axis is unlabelled"
        assert ax.get_legend() is not None or has_colourbar, f"{slug}: no legend or colour bar"


def _numeric_columns(table: pd.DataFrame) -> dict[str, np.ndarray]:
    return {c: table[c].to_numpy(dtype=float) for c in table.columns
            if pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])}


def _table_columns_of(line, columns: dict[str, np.ndarray]) -> tuple[str, str] | None:
    """The (x, y) columns of the table whose rows hold every finite point of ``line``, if any."""
    x = np.asarray(line.get_xdata(), dtype=float)
    y = np.asarray(line.get_ydata(), dtype=float)
    keep = np.isfinite(x) & np.isfinite(y)
    pts = set(zip(np.round(x[keep], 9), np.round(y[keep], 9)))
    for cx, vx in columns.items():
        for cy, vy in columns.items():
            if pts <= set(zip(np.round(vx, 9), np.round(vy, 9))):
                return cx, cy
    return None


@pytest.mark.parametrize("slug", SLUGS)
def test_every_line_in_a_legend_is_a_pair_of_table_columns(slug):
    """A line a reader can name from the legend plots the table (the CSV), not numbers kept elsewhere."""
    sec = built(slug)
    columns = _numeric_columns(sec.table)
    for ax in _plot_axes(sec.figure):
        for line in ax.lines:
            # unlabelled guides, lines in axes coordinates (axhline; identity, since a blended transform can
            # compare equal to transData when the limits are [0, 1]), single markers
            if (line.get_label().startswith("_") or line.get_transform() is not ax.transData
                    or len(line.get_xdata()) < 2):
                continue
            assert _table_columns_of(line, columns), (
                f"{slug}: the line {line.get_label()!r} is not a pair of columns of the section's table")


_PROBABILITY = re.compile(r"probabilit|\bshare\b|\bchance\b", re.IGNORECASE)


@pytest.mark.parametrize("slug", SLUGS)
def test_probability_axes_stay_within_0_and_1(slug):
    fig = built(slug).figure
    found = []
    for ax in _plot_axes(fig):
        for which in "xy":
            label = getattr(ax, f"get_{which}label")()
            if _PROBABILITY.search(label):
                lo, hi = sorted(getattr(ax, f"get_{which}lim")())
                found.append((label, lo, hi))
                assert lo >= 0 and hi <= 1, f"{slug}: the axis {label!r} runs over [{lo:.3g}, {hi:.3g}]"
    for ax in fig.axes:                      # colour bars of a probability too
        if ax.get_label() == "<colorbar>" and _PROBABILITY.search(ax.get_ylabel()):
            lo, hi = sorted(ax.get_ylim())
            assert lo >= 0 and hi <= 1, f"{slug}: the colour bar {ax.get_ylabel()!r} runs over [{lo}, {hi}]"
