"""The generated forms are current: regenerating every ui/*.ui gives the files in
upwardprep/gui/forms/ byte for byte, and no form is left over from a deleted .ui file."""

from __future__ import annotations

from pathlib import Path

from tools import forms


def test_every_form_is_generated_from_its_ui_file(tmp_path: Path) -> None:
    ui_files = sorted(forms.UI.glob("*.ui"))
    assert ui_files, "no Designer forms in ui/"
    fresh = {path.name: path.read_text(encoding="utf-8") for path in forms.write_all(tmp_path)}
    committed = {
        path.name: path.read_text(encoding="utf-8") for path in forms.FORMS.glob("ui_*.py")
    }
    assert sorted(committed) == sorted(fresh), "run `make forms`: a form is missing or left over"
    stale = [name for name, text in fresh.items() if committed[name] != text]
    assert stale == [], f"run `make forms`: {stale} differ from their .ui files"


def test_the_header_names_no_uic_version(tmp_path: Path) -> None:
    """Another PySide6 release writes another version into the header: it is normalised."""
    text = forms.generate(sorted(forms.UI.glob("*.ui"))[0])
    assert "Compiler version" not in text
    assert forms.HEADER in text
