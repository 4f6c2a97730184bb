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
