"""The layering rules of ARCHITECTURE.md: Qt lives in upwardprep/gui/ (and the CLI may start it);
the GUI and the CLI reach the store's life cycle only through services.vault."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "upwardprep"
ALLOWED = {PACKAGE / "cli"}
# What the adapters may still take from store/ directly: the typed errors (classes to catch,
# no life-cycle work, and light enough for the unlock dialog) and the entities' enums.
STORE_MODULES_FOR_ADAPTERS = {"upwardprep.store.errors", "upwardprep.store.entities"}


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
        if (PACKAGE / "gui") in path.parents or ALLOWED & set(path.parents):
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


def _store_imports(path: Path) -> list[str]:
    """Store modules `path` imports, anywhere in it (inside functions too); `from
    upwardprep.store import backup` counts as importing upwardprep.store.backup."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module in ("upwardprep", "upwardprep.store"):
                found += [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                found.append(node.module)
    return [
        name
        for name in found
        if name.startswith("upwardprep.store")
        and not any(name.startswith(allowed) for allowed in STORE_MODULES_FOR_ADAPTERS)
    ]


def test_gui_and_cli_reach_the_store_life_cycle_only_through_the_vault() -> None:
    """No opening, backup, restore, rekey or check from gui/ or the CLI but by services.vault."""
    adapters = [*(PACKAGE / "gui").rglob("*.py"), *(PACKAGE / "cli").rglob("*.py")]
    assert len(adapters) > 20
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in adapters
        for name in _store_imports(path)
    ]
    assert offenders == []


def test_the_check_itself_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in _imports(sample)
    sample.write_text(
        "from upwardprep.store.errors import StoreError\n"
        "def later():\n"
        "    from upwardprep.store import backup\n"
        "    import upwardprep.store.engine\n"
        "    from upwardprep.store.keys import StoreKey\n"
    )
    assert _store_imports(sample) == [
        "upwardprep.store.backup",
        "upwardprep.store.engine",
        "upwardprep.store.keys",
    ]
