"""The store as a Markdown folder: one file per person, priority, outcome and meeting, front
matter with the fields, [[wikilinks]] that resolve, written whole or not at all."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from upwardprep.export.markdown_folder import front_matter, write_markdown_folder
from upwardprep.services import Services, ValidationError

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
LINK = re.compile(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]")


@pytest.fixture
def document(frozen: Services) -> dict[str, Any]:
    dana = frozen.people.create("Dana: Whitfield/VP", role="manager")
    top = frozen.priorities.create("Reduce churn [H2]", owner_id=dana.id)
    goal = frozen.priorities.create("Save offers", parent_id=top.id)
    frozen.outcomes.create(
        "Kept Acme",
        occurred_on="2026-11-20",
        body="## What happened\n\nThey *stayed*.",
        priority_ids=[top.id, goal.id],
        person_id=dana.id,
        tags=["churn", "big deal"],
    )
    frozen.outcomes.create("Kept Acme", occurred_on="2026-11-20")  # the same name twice
    gone = frozen.outcomes.create("In the Trash", occurred_on="2026-11-21")
    frozen.outcomes.trash(gone.id)
    meeting = frozen.meetings.create(NOW + timedelta(days=1), person_id=dana.id, title="1:1")
    frozen.meetings.add_agenda_item(meeting.id, "Churn numbers", time_box_minutes=5)
    frozen.meetings.add_action(meeting.id, "Send the deck", due_on="2026-11-27")
    return frozen.transfer.export_document()


def _read(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in folder.rglob("*.md")
    }


def test_one_file_per_record_with_front_matter_and_working_links(
    document: dict[str, Any], tmp_path: Path
) -> None:
    result = write_markdown_folder(document, tmp_path / "vault")
    files = _read(result.path)
    assert result.files == len(files) == 7  # person, 2 priorities, 2 outcomes, meeting, index
    assert set(files) == {
        "People/Dana- Whitfield VP.md",
        "Priorities/Reduce churn H2.md",
        "Priorities/Save offers.md",
        "Outcomes/2026-11-20 Kept Acme.md",
        "Outcomes/2026-11-20 Kept Acme (2).md",
        f"Meetings/{(NOW + timedelta(days=1)).astimezone():%Y-%m-%d} 1-1.md",
        "Index.md",
    }
    kept = next(text for name, text in files.items() if "What happened" in text)
    assert kept.startswith("---\nid: ") or kept.startswith('---\nid: "')
    head = kept.split("---\n")[1]
    assert "type: outcome\n" in head and "date: 2026-11-20\n" in head
    assert "tags:\n  - big-deal\n  - churn\n" in head
    assert "## What happened\n\nThey *stayed*." in kept
    for text in files.values():
        for target in LINK.findall(text):
            assert f"{target}.md" in files, target
    assert (
        "[[People/Dana- Whitfield VP|Dana: Whitfield/VP]]" in files["Priorities/Reduce churn H2.md"]
    )
    assert "[[Priorities/Save offers|Save offers]]" in files["Priorities/Reduce churn H2.md"]
    meeting = next(text for name, text in files.items() if name.startswith("Meetings/"))
    assert (
        "- [ ] Churn numbers (5 min)" in meeting and "Send the deck (me, due 2026-11-27)" in meeting
    )
    assert not any("In the Trash" in text for text in files.values())


def test_files_are_private_and_the_folder_is_new(document: dict[str, Any], tmp_path: Path) -> None:
    out = write_markdown_folder(document, tmp_path / "vault").path
    assert out.stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in out.rglob("*") if p.is_file()} == {0o600}
    with pytest.raises(ValidationError, match="already exists"):
        write_markdown_folder(document, out)
    (tmp_path / "empty").mkdir()
    assert write_markdown_folder(document, tmp_path / "empty").files == 7


def test_an_interrupted_export_leaves_nothing(document: dict[str, Any], tmp_path: Path) -> None:
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    (tmp_path / "out").mkdir()
    with pytest.raises(ValidationError, match="cancelled"):
        write_markdown_folder(document, tmp_path / "out" / "vault", cancelled=cancelled)
    assert os.listdir(tmp_path / "out") == []


def test_front_matter_is_yaml_that_keeps_every_character() -> None:
    text = front_matter(
        [
            ("title", 'A "quoted": #not a comment\nsecond line'),
            ("plain", "win"),
            ("word", "yes"),
            ("day", "2026-11-20"),
            ("none", None),
            ("flag", True),
            ("number", 2.5),
            ("list", ["a b", "c"]),
            ("empty", []),
        ]
    )
    assert text == (
        "---\n"
        'title: "A \\"quoted\\": #not a comment\\nsecond line"\n'
        "plain: win\n"
        'word: "yes"\n'
        "day: 2026-11-20\n"
        "none: null\n"
        "flag: true\n"
        "number: 2.5\n"
        'list:\n  - "a b"\n  - c\n'
        "empty: []\n"
        "---\n"
    )
