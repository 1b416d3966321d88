"""Generate the Python forms from the Qt Designer files: ui/<name>.ui -> upwardprep/gui/forms/
ui_<name>.py, with pyside6-uic (`make forms`). The generated files are never edited by hand;
tests/unit/test_forms.py fails when one is stale.

uic writes its own version into each file's header; that line is normalised so that
regenerating with another PySide6 release of the supported range changes nothing by itself.

uic also imports a fixed list of Qt classes into every form, used or not. PySide6 makes a class
(and every enum in it) when it is first imported, so a form imported on the way to the unlock
dialog made QLocale, QGradient, QImage and a dozen more that no form uses; each PySide6 import
is cut down to the names the form uses.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UI = REPO / "ui"
FORMS = REPO / "upwardprep" / "gui" / "forms"
VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.MULTILINE)
HEADER = "## Created by: Qt User Interface Compiler (pyside6-uic); run `make forms` to regenerate"


def uic() -> list[str]:
    """The command that runs uic for Python output. pyside6-uic is a Python wrapper that starts
    PySide6's own uic binary; that binary is called directly when it is where the wrapper looks
    (saving an interpreter start per form), else the wrapper beside this interpreter or on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin and sys.platform != "win32":
        binary = Path(spec.origin).resolve().parent / "Qt" / "libexec" / "uic"
        if binary.is_file() and os.access(binary, os.X_OK):
            return [str(binary), "-g", "python"]
    here = Path(sysconfig.get_path("scripts")) / "pyside6-uic"
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic not found: install the project (make lint does)")
    return [found]


def target(ui_file: Path, out_dir: Path = FORMS) -> Path:
    return out_dir / f"ui_{ui_file.stem}.py"


def generate(ui_file: Path) -> str:
    """The Python for one form. uic runs in ui/ on the bare file name, so the header names the
    form the same way wherever the checkout is; -a: no connectSlotsByName magic."""
    result = subprocess.run(
        [*uic(), "-a", "-g", "python", ui_file.name],
        cwd=ui_file.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {ui_file.name}:\n{result.stderr}")
    if result.stderr.strip():  # uic warns (a duplicate name, an unknown property) but succeeds
        raise SystemExit(f"pyside6-uic warned on {ui_file.name}:\n{result.stderr}")
    return only_used_imports(VERSION_LINE.sub(HEADER, result.stdout))


def only_used_imports(source: str) -> str:
    """`source` with each `from PySide6.<module> import (...)` cut down to the names used in
    the rest of the file (and dropped when it imports nothing used)."""
    tree = ast.parse(source)
    imports = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")
    ]
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    for node in reversed(imports):  # from the bottom up: the line numbers above stay right
        names = [alias.name for alias in node.names if alias.name in used]
        start, end = node.lineno - 1, node.end_lineno or node.lineno
        lines[start:end] = [_import_line(node.module or "", names)] if names else []
    return "".join(lines)


def _import_line(module: str, names: list[str]) -> str:
    line = f"from {module} import {', '.join(names)}\n"
    if len(line) <= 100:
        return line
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in names) + ")\n"


def write_all(out_dir: Path = FORMS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(UI.glob("*.ui")):
        path = target(ui_file, out_dir)
        path.write_text(generate(ui_file), encoding="utf-8")
        written.append(path)
    wanted = set(written)
    for stale in out_dir.glob("ui_*.py"):  # a form whose .ui is gone
        if stale not in wanted:
            stale.unlink()
    return written


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(REPO))
    sys.exit(0)
