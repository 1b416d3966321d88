"""The layering rule of ARCHITECTURE.md: Qt lives in upwardprep/gui/ (and cli.py may start it)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "upwardprep"
ALLOWED = {PACKAGE / "cli.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_qt_outside_gui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "gui") in path.parents or path in ALLOWED:
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_store_and_services_do_not_reach_upwards() -> None:
    """store knows nothing of services or gui; services nothing of gui or export."""
    rules = {
        "store": ("upwardprep.services", "upwardprep.gui", "upwardprep.export"),
        "services": ("upwardprep.gui", "upwardprep.export", "upwardprep.cli"),
    }
    offenders = []
    for layer, forbidden in rules.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            offenders += [
                f"{path.relative_to(PACKAGE)} imports {name}"
                for name in _imports(path)
                if name.startswith(forbidden)
            ]
    assert offenders == []


def test_the_check_itself_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in _imports(sample)
