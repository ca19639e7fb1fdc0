"""The layers of the package, checked module by module from their imports.

ruff's banned-api rule (pyproject.toml) stops a banned import at lint time; this test says
precisely which module may import what, so a per-file exemption cannot let typer into a
renderer or rich into the core unnoticed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "comparator"

#: The YAML parser: the one module that reads YAML events.
YAML_PARSER = "comparator/yamlparse.py"


def _module_name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function, by full dotted name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _top(name: str) -> str:
    return name.split(".")[0]


MODULES = sorted(PACKAGE.rglob("*.py"))


def _allowed(module: str, imported: str) -> bool:
    top = _top(imported)
    if top in {"typer", "click"}:
        return module == "comparator/cli.py"
    if top == "rich":
        return module == "comparator/console.py" or module.startswith("comparator/render/")
    if top == "yaml":
        return module == YAML_PARSER
    if imported == "comparator.cli":
        # The console script's entry point hands every command but its fast path to typer.
        return module in {"comparator/__main__.py", "comparator/entry.py"}
    if imported.startswith(("comparator.render", "comparator.console")):
        # Only the CLI edge (the typer app and the entry point's fast path) and the renderers
        # themselves reach the output layer.
        return (
            module in {"comparator/cli.py", "comparator/entry.py"}
            or module.startswith("comparator/render/")
            or (module == "comparator/console.py" and not imported.startswith("comparator.render"))
        )
    return True


@pytest.mark.parametrize("path", MODULES, ids=_module_name)
def test_module_imports_only_what_its_layer_may(path: Path) -> None:
    module = _module_name(path)
    wrong = sorted(name for name in _imports(path) if not _allowed(module, name))
    assert not wrong, f"{module} imports {', '.join(wrong)}, which its layer may not"


def test_the_rule_would_catch_a_core_module_importing_rich(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from rich.text import Text\n    return Text\n")
    assert not _allowed("comparator/compare.py", "rich.text")
    assert "rich.text" in _imports(sample)
