"""The review packet reads like an edited report: read back from the demo's PDFs (pypdf).

Each outcome has one full entry; the cover says who, in what role, for which period, without a
page number; with private notes every page says so; the pages are filled (none less than a
third full unless it ends a section) and no heading closes a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.unit.pdf_text import runs
from upwardprep.demo import populate
from upwardprep.export.documents import build_packet
from upwardprep.export.pdf.theme import Theme
from upwardprep.services import Services
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.store.engine import Store

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
AUTHOR = "Alex Ørsted"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    store = Store.create(tmp_path_factory.mktemp("report") / "demo.upwardprep", "passphrase")
    services = Services(store, clock=lambda: NOW)
    populate(services, today=TODAY)
    yield services
    store.close()


@pytest.fixture(scope="module")
def built(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("packets")
    cycle = demo.reviews.list()[0].id
    files = {}
    for name, paper, private, fmt in (
        ("a4", "A4", False, "pdf"),
        ("letter", "Letter", False, "pdf"),
        ("private", "A4", True, "pdf"),
        ("md", "A4", False, "md"),
    ):
        out = folder / f"{name}.{fmt}"
        build_packet(demo, cycle, out, paper=paper, include_private=private, fmt=fmt, author=AUTHOR)
        files[name] = out
    return files


def texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_each_outcome_has_one_full_entry_and_at_most_one_mention(
    demo: Services, built: dict[str, Path]
) -> None:
    cycle = demo.reviews.list()[0]
    notes = demo.outcomes.list(
        OutcomeFilter(date_from=cycle.period_start, date_to=cycle.period_end, include_private=False)
    )
    assert len(notes) > 40
    markdown = built["md"].read_text("utf-8")
    pdf = flat(" ".join(texts(built["a4"])))
    for note in notes:
        assert markdown.count(f"#### {note.title}\n") == 1, note.title  # the full entry
        assert 1 <= pdf.count(flat(note.title)) <= 2, note.title
    linked_twice = [note for note in notes if len(note.priority_ids) > 1]
    assert linked_twice and "Also supports: " in pdf
    # A 1:1's notes that open with their own "## Notes" heading do not repeat the label.
    assert "Dana wants the wave table" in markdown and not re.search(r"# Notes\n", markdown)


def test_the_cover_says_who_what_role_and_when_and_has_no_page_number(
    built: dict[str, Path],
) -> None:
    cover = flat(texts(built["a4"])[0])
    for expected in (
        "REVIEW PACKET",
        "Jun–Nov 2026 self-review",
        AUTHOR,
        "Engineering Manager, Customer Platform",
        "Dana Whitfield",
        "Mon 1 Jun 2026 – Mon 30 Nov 2026",
        "Confidential",
    ):
        assert expected in cover
    assert "Page" not in cover
    summary = flat(texts(built["a4"])[2])
    assert "metric progress" in summary and "Top highlights" in summary


def test_private_notes_are_unmistakable(built: dict[str, Path]) -> None:
    pages = texts(built["private"])
    assert all("Contains private notes" in page for page in pages)
    assert "PRIVATE" in " ".join(pages)
    assert not any("Contains private notes" in page for page in texts(built["a4"]))


def _section_starts(path: Path) -> set[int]:
    """Pages whose top holds a section heading (a level-one outline entry)."""
    reader = PdfReader(path)
    return {
        reader.get_destination_page_number(e) for e in reader.outline if not isinstance(e, list)
    }


@pytest.mark.parametrize("name", ["a4", "letter"])
def test_pages_are_filled_and_no_heading_ends_a_page(name: str, built: dict[str, Path]) -> None:
    path = built[name]
    theme = Theme(paper="Letter" if name == "letter" else "A4")
    top = theme.page_size[1] - theme.margin
    bottom = theme.margin
    drawn = [run for run in runs(PdfReader(path)) if bottom - 1 < run.y < top + 1]
    pages = len(PdfReader(path).pages)
    starts = _section_starts(path) | {pages}
    headings = re.compile(r"^[A-Z].{3,}$")
    for page in range(2, pages):  # the cover and the contents stand alone by design
        on_page = [run for run in drawn if run.page == page]
        lowest = min(run.y for run in on_page)
        fill = (top - lowest) / (top - bottom)
        if page + 1 not in starts:
            assert fill >= 1 / 3, (name, page + 1, round(fill, 2))
        # A heading (11 pt and up) with nothing under it but its own small grey meta line.
        for run in on_page:
            if run.size >= 11 and headings.match(run.text.strip()):
                below = [other for other in on_page if other.y < run.y - 1 and other.size >= 9]
                assert below, (name, page + 1, run.text)


def test_an_outcome_is_filed_under_the_priority_the_user_marked(
    services: Services, tmp_path: Path
) -> None:
    churn = services.priorities.create("Reduce churn")
    cost = services.priorities.create("Cut cloud cost")
    both = [churn.id, cost.id]
    services.outcomes.create("Cut the EU bill", priority_ids=both, occurred_on="2026-10-02")
    marked = services.outcomes.create("Won back accounts", priority_ids=both, occurred_on=TODAY)
    services.outcomes.set_primary(marked.id, cost.id)
    cycle = services.reviews.create("H2", date(2026, 7, 1), date(2026, 12, 31))
    out = tmp_path / "packet.md"
    build_packet(services, cycle.id, out, fmt="md", author=AUTHOR)
    body = out.read_text("utf-8").split("## Outcomes by priority", 1)[1]
    under_churn, under_cost = body.split("### Cut cloud cost", 1)
    assert "#### Cut the EU bill" in under_churn  # unmarked: the first linked, by rank
    assert "#### Won back accounts" in under_cost and "#### Won back accounts" not in under_churn
    assert "Also supports: Reduce churn" in under_cost.split("\n## ", 1)[0]
