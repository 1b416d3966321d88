"""No module in upwardprep/ over ~600 lines: a file that long holds more than one idea, and the
next change to it is a merge conflict for everyone else. Generated forms, migrations and the
demo data are exempt (nobody edits the first two by hand; the demo is a script of records)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "upwardprep"
MAX_LINES = 600
EXEMPT_FOLDERS = (PACKAGE / "gui" / "forms", PACKAGE / "store" / "migrations")
EXEMPT_FILES = {PACKAGE / "demo.py"}


def _counted(root: Path) -> dict[str, int]:
    """Line counts of the modules under `root` that the rule covers."""
    sizes = {}
    for path in sorted(root.rglob("*.py")):
        if path in EXEMPT_FILES or any(folder in path.parents for folder in EXEMPT_FOLDERS):
            continue
        with path.open(encoding="utf-8") as handle:
            sizes[str(path.relative_to(root))] = sum(1 for _line in handle)
    return sizes


def test_no_module_over_600_lines() -> None:
    sizes = _counted(PACKAGE)
    assert len(sizes) > 100  # the walk found the package
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_the_rule_sees_a_long_module_and_skips_the_exempt(tmp_path: Path) -> None:
    """The check can fail: a long module is reported, one at the limit is not."""
    (tmp_path / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "fits.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    sizes = _counted(tmp_path)
    assert {name for name, n in sizes.items() if n > MAX_LINES} == {"long.py"}
    # and the exemptions are real places in the package, not typos that exempt nothing
    assert all(folder.is_dir() for folder in EXEMPT_FOLDERS)
    assert all(path.is_file() for path in EXEMPT_FILES)
    assert "gui/forms/ui_meeting_editor.py" not in _counted(PACKAGE)
