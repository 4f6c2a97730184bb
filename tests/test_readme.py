"""The README's examples run and print what it says."""

import doctest
from pathlib import Path


def test_readme_examples():
    readme = Path(__file__).resolve().parents[1] / "README.md"
    result = doctest.testfile(str(readme), module_relative=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_quick_start_has_two_commands_and_ci_runs_the_test_one():
    root = Path(__file__).resolve().parents[1]
    text = (root / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("\n", 1)[1].strip() for b in quick.split("```bash")[1:]]
    blocks = [b.split("```", 1)[0].strip() for b in blocks]
    assert len(blocks) == 2
    assert "regimes report" in blocks[0]
    assert blocks[1] in (root / ".ci" / "run").read_text(encoding="utf-8")


def test_method_table_is_the_registry_s():
    """The README's method table is exactly what the solver registry generates."""
    import games

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    shown = text.split("<!-- methods:start -->\n", 1)[1].split("\n<!-- methods:end -->", 1)[0]
    assert shown == games.method_table(), "regenerate the README's table with games.method_table()"


def _readme() -> str:
    return (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_model_table_is_the_registry_s():
    """The README's models table is exactly what the model registry generates, and lists every model."""
    import models
    from models.registry import MODELS, model_table

    shown = _readme().split("<!-- models:start -->\n", 1)[1].split("\n<!-- models:end -->", 1)[0]
    assert shown == model_table(), "regenerate the README's models table with models.registry.model_table()"
    for name in MODELS:
        assert f"`models.{name}`" in shown
        assert getattr(models, name) is MODELS[name] and name in models.__all__


def test_readme_names_every_plot_function_and_equilibrium_attribute():
    """A reader finds the plotting functions and what an equilibrium holds from the README alone."""
    import dataclasses

    import games
    import games.plot

    text = _readme()
    for name in games.plot.__all__:
        assert f"games.plot.{name}(" in text, f"README does not list games.plot.{name}"
    public = [f.name for f in dataclasses.fields(games.Equilibrium)]
    public += [n for n in vars(games.Equilibrium) if not n.startswith("_")]
    public += [n for n in vars(games.EquilibriumSet) if not n.startswith("_")]
    public += ["complete", "degenerate", "components", "rejected", "value", "note"]
    for name in public:
        assert f"`{name}" in text, f"README does not mention {name!r}"
    assert "plot" in dir(games) and "repeated" in dir(games) and "equilibria" in dir(games)
