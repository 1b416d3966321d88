"""The handoff packet: one working relationship, read back from the PDF and the Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from upwardprep.demo import populate
from upwardprep.export.documents import build_handoff
from upwardprep.services import Services
from upwardprep.store.engine import Store

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
MARKER = "Private marker: never in a handoff"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    store = Store.create(tmp_path_factory.mktemp("handoff") / "demo.upwardprep", "passphrase")
    services = Services(store, clock=lambda: NOW)
    populate(services, today=TODAY)
    dana = services.people.find("Dana")
    priority = services.priorities.list(owner_id=dana.id)[0]
    services.outcomes.create(
        MARKER, private=True, occurred_on=TODAY, priority_ids=(priority.id,), person_id=dana.id
    )
    yield services
    store.close()


@pytest.fixture(scope="module")
def files(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("out")
    dana = demo.people.find("Dana").id
    pdf = build_handoff(demo, dana, folder / "handoff.pdf", author="Alex Ørsted").path
    md = build_handoff(demo, dana, folder / "handoff.md", fmt="md").path
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return text, Path(md).read_text("utf-8")


def test_priorities_with_their_history_and_what_was_delivered(
    demo: Services, files: tuple[str, str]
) -> None:
    pdf, md = files
    dana = demo.people.find("Dana")
    for priority in demo.priorities.list(owner_id=dana.id):
        assert priority.title in pdf and f"### {priority.title}" in md
    for text in (pdf, md):
        assert "Created" in text and "Confirmed in the 1:1." in text
        assert "Current: 24 → 31" in text  # a metric's change, dated
        assert "Delivered" in text


def test_open_commitments_both_ways_decisions_and_rhythm(
    demo: Services, files: tuple[str, str]
) -> None:
    pdf, md = files
    dana = demo.people.find("Dana")
    open_items = demo.meetings.open_actions(person_id=dana.id)
    mine = [a.title for a in open_items if a.owner == "me"]
    theirs = [a.title for a in open_items if a.owner != "me"]
    assert mine and theirs
    for text in (pdf, md):
        assert (
            "What I owe Dana Whitfield" in text and "What Dana Whitfield and others owe me" in text
        )
        assert all(title in text.replace("\n", " ") for title in mine + theirs)
        assert "The 1:1 rhythm" in text and "every week" in text
        assert "Decisions" in text


def test_never_a_private_note(files: tuple[str, str]) -> None:
    pdf, md = files
    assert MARKER not in pdf and MARKER not in md
    assert "Contains private notes" not in pdf
