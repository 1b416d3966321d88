"""The Emergency Kit page: one page, the key readable back from its text, user-only."""

from __future__ import annotations

import io
import os
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from upwardprep.export.kit import KitFacts, kit_pdf, write_kit
from upwardprep.services import ValidationError
from upwardprep.services.recovery_key import decode, encode

KEY = bytes(range(7, 39))


def facts(path: Path) -> KitFacts:
    long_path = path.parent / ("a-rather-long-folder-name-" * 6) / path.name
    return KitFacts("notes.upwardprep", long_path, date(2026, 11, 30), encode(KEY))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_one_page_whose_text_gives_the_key_back(tmp_path: Path, paper: str) -> None:
    data, pages = kit_pdf(facts(tmp_path / "notes.upwardprep"), paper=paper)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert pages == len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    found = re.search(r"Recovery key: ((?:[0-9A-Z]{4}-){13}[0-9A-Z]{4})", text)
    assert found and decode(found.group(1)) == KEY
    assert "notes.upwardprep" in text and "Monday 30 November 2026" in text
    words = " ".join(text.split())  # lines break where the page's width says
    assert "no longer opens the store" in words and "upwardprep recover" in words
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    assert encode(KEY)[:9] not in metadata and "notes" not in metadata


def test_the_file_is_user_only_and_never_the_store(tmp_path: Path) -> None:
    store = tmp_path / "notes.upwardprep"
    store.write_bytes(b"x" * 4096)
    kit = write_kit(KitFacts("notes", store, date(2026, 11, 30), encode(KEY)), tmp_path / "k.pdf")
    assert kit.stat().st_mode & 0o777 == 0o600
    old = os.umask(0)
    try:
        again = write_kit(facts(store), tmp_path / "k2.pdf")
    finally:
        os.umask(old)
    assert again.stat().st_mode & 0o777 == 0o600
    with pytest.raises(ValidationError, match="the store itself"):
        write_kit(KitFacts("notes", store, date(2026, 11, 30), encode(KEY)), store)
    assert store.read_bytes() == b"x" * 4096
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.pdf", "k2.pdf", "notes.upwardprep"]
