"""``regimes report --quick`` builds a self-contained report that a browser renders, from the registered models
and sections (no list of its own): each model's headlines in registration order, a missing one an error."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    proc = subprocess.run(
        [sys.executable, "-m", "models.cli", "report", "--quick", "--no-progress", "--out", str(out)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "security-regimes report" in proc.stdout
    return out


def test_index_exists_and_has_sections(report_dir: Path):
    page = (report_dir / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    sections = re.findall(r'<section id="([a-z0-9-]+)">', page)
    assert len(sections) == len(set(sections)), "section ids must be unique"


def test_the_report_draws_every_registered_headline_in_registration_order(report_dir: Path):
    from models.registry import registered_models

    page = (report_dir / "index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section id="([a-z0-9-]+)">', page)
    assert sections == [slug for cls in registered_models() for slug in cls.headlines]
    assert "— the essay</span>" in page


# ------------------------------------------------------------------------------ the plan, in process
@dataclass(frozen=True)
class _Orphan:
    """A model whose headline has no section (registered into the live registry by a test only)."""

    x: float = 1.0


def test_a_headline_without_a_section_is_an_error_naming_model_and_slug(monkeypatch: pytest.MonkeyPatch):
    from models import registry
    from models.report import report_plan

    registry.register_model(claim="(a sentence of six words or more)", headlines=("orphan-figure",),
                            registry={})(_Orphan)
    monkeypatch.setitem(registry.MODELS, "_Orphan", _Orphan)
    with pytest.raises(LookupError, match=r"model _Orphan declares the headline 'orphan-figure' but no report "
                                          r"section is registered under it"):
        report_plan()


def test_names_select_models_or_slugs_in_the_reports_order():
    from models.report import report_plan

    assert [s.slug for s in report_plan(["SecurityDilemmaModel", "responses-regime-map"])] == [
        "responses-regime-map", "security-dilemma-four-worlds"]
    assert [s.slug for s in report_plan(["EscalationModel"])] == ["escalation-automatic-vs-discretionary"]
    with pytest.raises(ValueError, match=r"got unknown \['tariffs'\]. Valid: ResponseModel, .*responses-regime-map"):
        report_plan(["tariffs"])
    with pytest.raises(TypeError, match="got the str 'ResponseModel'"):
        report_plan("ResponseModel")


def test_a_section_that_builds_the_wrong_thing_is_refused(monkeypatch: pytest.MonkeyPatch):
    from models import registry
    from models.report import collect_sections

    spec = registry.load_sections()["labelling-accuracy"]
    monkeypatch.setitem(registry.SECTIONS, "labelling-accuracy",
                        registry.SectionSpec(slug=spec.slug, model=spec.model, build=lambda quick, executor: None))
    with pytest.raises(RuntimeError, match="'labelling-accuracy' of LabellingModel built NoneType"):
        collect_sections(quick=True, names=["labelling-accuracy"])


def test_every_reference_exists(report_dir: Path):
    page = (report_dir / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"#][^"]*)"', page)
    missing = [r for r in refs if not (report_dir / r).is_file()]
    assert not missing, f"index.html references missing files: {missing}"
    for ref in refs:
        assert not ref.startswith(("http:", "https:", "/")), f"non-local reference {ref}"


def test_every_figure_has_png_svg_and_table(report_dir: Path):
    pngs = {p.stem for p in (report_dir / "figures").glob("*.png")} if (report_dir / "figures").exists() else set()
    svgs = {p.stem for p in (report_dir / "figures").glob("*.svg")} if (report_dir / "figures").exists() else set()
    csvs = {p.stem for p in (report_dir / "tables").glob("*.csv")} if (report_dir / "tables").exists() else set()
    assert pngs == svgs == csvs


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_report_renders_in_headless_chromium(report_dir: Path, tmp_path: Path):
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium on PATH (CI installs it: apt-get install chromium)")
    shot = tmp_path / "report.png"
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars", "--window-size=1200,2400",
         f"--screenshot={shot}", (report_dir / "index.html").as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert shot.is_file(), f"no screenshot: {proc.stderr[-2000:]}"
    import matplotlib.image as mpimg

    img = mpimg.imread(shot)
    assert img.shape[0] > 100 and img.shape[1] > 100
    assert float(img[..., :3].std()) > 0.01, "the rendered page is blank"


def test_report_runs_on_a_dask_cluster(tmp_path: Path):
    distributed = pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        proc = subprocess.run(
            [sys.executable, "-m", "models.cli", "report", "--quick", "--no-progress",
             "--out", str(tmp_path), "--dask", cluster.scheduler_address],
            capture_output=True, text=True, timeout=900,
        )
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<section id=" in page
