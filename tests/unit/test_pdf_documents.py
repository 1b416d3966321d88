"""The meeting brief and the review packet, read back from the files: PDF (pypdf) and Markdown."""

from __future__ import annotations

import email
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from email import policy
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.clock import NOW, TODAY, FrozenClock
from tests.conftest import row_hashes
from tests.unit.conftest import DEMO_PASSPHRASE
from upwardprep.export import packet as packet_content
from upwardprep.export.brief import meeting_for_person
from upwardprep.export.documents import ExportCancelled, build_brief, build_packet
from upwardprep.export.markdown import parse
from upwardprep.export.update import write_update
from upwardprep.services import Services, ValidationError
from upwardprep.services.recency import recency
from upwardprep.store.engine import Store

AUTHOR = "Alex Ørsted"
BRIEF_SECTIONS = [
    "Land these three",
    "Agenda",
    "Priorities",
    "Outcomes since the last 1:1",
    "Risks and asks",
    "Open action items",
    "Notes",
]
PACKET_SECTIONS = [
    "Summary",
    "Priority progress",
    "Outcomes by priority",
    "Unaligned outcomes",
    "Feedback log",
    "Learning and development",
    "Self-assessment",
    "Appendix: 1:1 summaries",
]
PRIVATE_TITLE = "Raised with Rafael that he interrupts juniors in design reviews"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_file: Path) -> Iterator[Services]:
    copy = tmp_path_factory.mktemp("demo") / "demo.upwardprep"
    shutil.copyfile(demo_file, copy)
    store = Store.open(copy, DEMO_PASSPHRASE)
    yield Services(store, clock=lambda: NOW)
    store.close()


@pytest.fixture(scope="module")
def meeting_id(demo: Services) -> str:
    return meeting_for_person(demo, demo.people.find("Dana").id).id


@pytest.fixture(scope="module")
def cycle_id(demo: Services) -> str:
    return demo.reviews.list()[0].id


@pytest.fixture(scope="module")
def brief(demo: Services, meeting_id: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.pdf"
    build_brief(demo, meeting_id, out, author=AUTHOR)
    return out


@pytest.fixture(scope="module")
def packet(demo: Services, cycle_id: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packet") / "packet.pdf"
    build_packet(demo, cycle_id, out, author=AUTHOR)
    return out


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def outline(path: Path) -> list[str | list[str]]:
    def titles(items: list) -> list:  # type: ignore[type-arg]
        return [titles(item) if isinstance(item, list) else item.title for item in items]

    return titles(PdfReader(path).outline)


def top_level(entries: list[str | list[str]]) -> list[str]:
    return [entry for entry in entries if isinstance(entry, str)]


def assert_in_order(text: str, needles: list[str]) -> None:
    """Each needle occurs after the one before (an agenda item may repeat a section's name)."""
    position = 0
    for needle in needles:
        found = text.find(needle, position)
        assert found >= 0, f"{needle!r} missing after position {position}"
        position = found + len(needle)


def fonts(path: Path) -> dict[str, bool]:
    """Every font any page uses: base name → embedded (a font file in its descriptor)."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            holder = descendant[0].get_object() if descendant else font
            descriptor = holder.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def links(path: Path) -> tuple[list[tuple[int, int]], list[str]]:
    """Internal links as (from page, to page) and external link targets."""
    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    internal, external = [], []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is not None and action.get_object().get("/URI"):
                external.append(str(action.get_object()["/URI"]))
            elif annotation.get("/Dest") is not None:
                target = annotation["/Dest"][0]
                internal.append((index, pages[target.idnum]))
    return internal, external


# -- the meeting brief --------------------------------------------------------------------------


@pytest.mark.date_sensitive
def test_brief_fits_two_pages_with_its_sections_in_order(
    brief: Path, demo: Services, meeting_id: str
) -> None:
    texts = page_texts(brief)
    assert 1 <= len(texts) <= 2
    whole = "\n".join(texts)
    when = demo.meetings.get(meeting_id).scheduled_at.astimezone()  # the demo's next Tuesday
    top = f"1:1 with Dana Whitfield · Tue {when.day} {when:%b %Y} · 30 min"
    assert_in_order(whole, [top, *BRIEF_SECTIONS])
    assert "Load balancer licence: a decision this week" in whole  # an agenda item
    assert "10 min" in whole  # its time box
    assert "84/120 customers" in whole  # a priority's progress
    assert PRIVATE_TITLE not in whole


def test_brief_outline_metadata_fonts_and_footer(brief: Path) -> None:
    assert top_level(outline(brief)) == BRIEF_SECTIONS
    metadata = PdfReader(brief).metadata
    assert metadata is not None
    assert metadata.title.startswith("Meeting brief: 1:1 with Dana Whitfield")
    assert metadata.author == AUTHOR
    assert "Dana Whitfield" in (metadata.subject or "")
    used = fonts(brief)
    assert used and all(used.values()), used
    assert any("NotoSans-Regular" in name for name in used)
    texts = page_texts(brief)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert f"Confidential — prepared by {AUTHOR}" in text


def test_brief_markdown_has_the_same_sections(
    demo: Services, meeting_id: str, tmp_path: Path
) -> None:
    result = build_brief(demo, meeting_id, tmp_path / "brief.md", fmt="md", author=AUTHOR)
    text = result.path.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert [h.replace("\\", "") for h in headings] == BRIEF_SECTIONS
    assert text.startswith("# 1:1 with Dana Whitfield")
    assert "| Load balancer licence: a decision this week" in text
    assert PRIVATE_TITLE not in text
    # ... and reads back as Markdown: the app's own parse finds the sections and the tables
    tree = parse(text)
    assert ["".join(h.itertext()) for h in tree.iter("h2")] == BRIEF_SECTIONS
    # agenda, outcomes, actions: the demo's open risks are all in the callout, not repeated
    assert len(list(tree.iter("table"))) == 3


def test_brief_for_a_person_without_a_planned_meeting(services: Services) -> None:
    peer = services.people.create("Robin Peer", role="peer")
    if getattr(services, "agenda", None) is None:
        with pytest.raises(ValidationError, match="no planned meeting"):
            meeting_for_person(services, peer.id)
    else:  # the agenda service plans the next meeting and drafts its agenda
        meeting = meeting_for_person(services, peer.id)
        assert meeting.person_id == peer.id and meeting.status == "planned"


def test_brief_for_a_person_asks_the_agenda_service_to_draft(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seam: `agenda.draft_next(person_id)` decides the meeting when the service exists."""
    boss = services.people.create("Kim Park", role="manager")
    drafted = services.meetings.create(NOW + timedelta(days=3), person_id=boss.id)
    services.meetings.create(NOW + timedelta(days=1), person_id=boss.id)
    calls: list[str] = []

    class Agenda:
        def draft_next(self, person_id: str) -> object:
            calls.append(person_id)
            return services.meetings.get(drafted.id)

    monkeypatch.setattr(services, "agenda", Agenda(), raising=False)
    assert meeting_for_person(services, boss.id).id == drafted.id
    assert calls == [boss.id]


# -- the review packet ------------------------------------------------------------------------


@pytest.mark.date_sensitive
def test_packet_sections_outline_and_contents_links(packet: Path) -> None:
    texts = page_texts(packet)
    whole = "\n".join(texts)
    assert_in_order(whole, ["Review packet", "Contents", *PACKET_SECTIONS])
    entries = outline(packet)
    assert top_level(entries) == ["Cover", "Contents", *PACKET_SECTIONS]
    nested = [title for entry in entries if isinstance(entry, list) for title in entry]
    assert "Reduce churn: keep 120 at-risk customers this half" in nested  # a priority group
    # The contents page links to each section's page.
    internal, external = links(packet)
    contents_page = next(i for i, text in enumerate(texts) if "Contents" in text)
    targets = [to for source, to in internal if source == contents_page]
    assert len(targets) == len(PACKET_SECTIONS)
    for title, target in zip(PACKET_SECTIONS, targets, strict=True):
        assert title in texts[target], (title, target)
        # ... and shows that page's number, filled in after the layout
        assert re.search(rf"{re.escape(title)}\s[ .]*\s{target + 1}\n", texts[contents_page])
    assert "https://example.com/experiments/save-offer" in external


def _months(start: date, end: date) -> list[str]:
    """The month abbreviations from `start` to `end`, both included."""
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [f"{date(index // 12, index % 12 + 1, 1):%b}" for index in range(first, last + 1)]


@pytest.mark.date_sensitive
def test_packet_figures_chart_and_private_notes(
    packet: Path, demo: Services, cycle_id: str
) -> None:
    whole = " ".join(" ".join(page_texts(packet)).split())
    assert "outcomes documented" in whole
    assert "priorities completed" in whole
    assert "action items done on time" in whole
    assert "Documented outcomes per month" in whole
    cycle = demo.reviews.get(cycle_id)
    months = _months(cycle.period_start, cycle.period_end)
    assert len(months) == 6 and all(month in whole for month in months)
    assert "Self-assessment draft" in whole  # the cycle's Markdown, rendered
    assert "earlier months" not in whole  # no advice to the author in the reviewer's copy
    assert PRIVATE_TITLE not in whole


@pytest.mark.date_sensitive
def test_packet_metadata_fonts_pages(packet: Path, demo: Services, cycle_id: str) -> None:
    reader = PdfReader(packet)
    assert reader.metadata is not None
    assert reader.metadata.title == f"Review packet: {demo.reviews.get(cycle_id).name}"
    assert reader.metadata.author == AUTHOR
    assert "Review packet" in (reader.metadata.subject or "")
    used = fonts(packet)
    assert all(used.values()), used
    assert any("DroidSansFallback" in name for name in used)  # the demo's 田中 needs it
    texts = page_texts(packet)
    assert f"Page 3 of {len(texts)}" in texts[2]
    assert f"Page {len(texts)} of {len(texts)}" in texts[-1]


def test_packet_includes_private_notes_only_when_asked(
    demo: Services, cycle_id: str, tmp_path: Path
) -> None:
    result = build_packet(demo, cycle_id, tmp_path, fmt="md", include_private=True)
    text = result.path.read_text(encoding="utf-8")
    assert PRIVATE_TITLE in text
    assert "Contains private notes" in text
    assert result.path.parent == tmp_path and result.path.suffix == ".md"


def test_packet_markdown_has_the_same_sections(
    demo: Services, cycle_id: str, packet: Path, tmp_path: Path
) -> None:
    result = build_packet(demo, cycle_id, tmp_path / "packet.md", fmt="md")
    text = result.path.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings == top_level(outline(packet))[2:] == PACKET_SECTIONS
    assert "- [Summary](#summary)" in text  # the contents, linked as renderers name headings
    assert "- [Appendix: 1:1 summaries](#appendix-11-summaries)" in text
    assert PRIVATE_TITLE not in text


@pytest.mark.date_sensitive
def test_letter_paper(demo: Services, meeting_id: str, tmp_path: Path) -> None:
    result = build_brief(demo, meeting_id, tmp_path / "letter.pdf", paper="Letter")
    box = PdfReader(result.path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    # Shorter pages, and still two of them with the notes space.
    assert result.pages == 2
    assert_in_order("\n".join(page_texts(result.path)), BRIEF_SECTIONS)
    assert top_level(outline(result.path)) == BRIEF_SECTIONS


def test_recency_is_a_figure_for_the_reader_and_advice_for_the_author() -> None:
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    spread = recency([date(2026, month, 10) for month in range(1, 13)], start, end)
    assert not spread.lopsided and spread.advice() == ""
    assert spread.statement().startswith("8 % of the documented outcomes (1 of 12)")
    late = recency([date(2026, 3, 1), *[date(2026, 12, day) for day in (2, 9, 16)]], start, end)
    assert late.lopsided and late.recent == 3 and late.since == date(2026, 11, 20)
    assert "add notes for the earlier months" in late.advice()
    assert recency([], start, end).statement() == "No outcomes documented in this period."


def test_a_lopsided_packet_states_the_figure_and_coaches_nobody(
    services: Services, tmp_path: Path
) -> None:
    cycle = services.reviews.create("H2", "2026-07-01", "2026-12-31")
    for day in ("2026-08-03", "2026-12-01", "2026-12-02", "2026-12-03"):
        services.outcomes.create(f"Shipped on {day}", occurred_on=day)
    result = build_packet(services, cycle.id, tmp_path / "h2.pdf")
    whole = " ".join(" ".join(page_texts(result.path)).split())
    assert "75 % of the documented outcomes (3 of 4) fall in the last six weeks" in whole
    assert "earlier months" not in whole and "Recency bias" not in whole
    assert result.advice and "add notes for the earlier months" in result.advice[0]
    assert "No 1:1s were held in this period." in whole


# -- writing the file -------------------------------------------------------------------------


def test_cancelled_build_leaves_no_file(demo: Services, cycle_id: str, tmp_path: Path) -> None:
    calls: list[float] = []

    def cancelled() -> bool:
        return len(calls) > 3

    with pytest.raises(ExportCancelled):
        build_packet(
            demo,
            cycle_id,
            tmp_path / "packet.pdf",
            progress=lambda fraction, text: calls.append(fraction),
            cancelled=cancelled,
        )
    assert list(tmp_path.iterdir()) == []
    assert calls == sorted(calls)


def test_failed_build_keeps_the_previous_file(
    demo: Services, meeting_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the previous brief")

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("layout failed")

    monkeypatch.setattr("upwardprep.export.documents.render_pdf", broken)
    with pytest.raises(RuntimeError):
        build_brief(demo, meeting_id, target)
    assert target.read_bytes() == b"the previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_progress_reaches_one(demo: Services, meeting_id: str, tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    build_brief(demo, meeting_id, tmp_path / "b.pdf", progress=lambda f, t: seen.append((f, t)))
    assert seen[0][0] == 0.0 and seen[-1] == (1.0, "Done")
    assert all(0.0 <= fraction <= 1.0 for fraction, _ in seen)


def test_bad_input_is_refused_and_writes_nothing(services: Services, tmp_path: Path) -> None:
    person = services.people.create("Sam Lee", role="manager")
    meeting = services.meetings.create("2026-11-24 10:00", person_id=person.id)
    before = row_hashes(services.store)
    with pytest.raises(ValidationError, match="not an export format"):
        build_brief(services, meeting.id, tmp_path / "x.docx", fmt="docx")
    with pytest.raises(ValidationError, match="not a paper size"):
        build_brief(services, meeting.id, tmp_path / "x.pdf", paper="A3")
    with pytest.raises(ValidationError, match="does not exist"):
        build_brief(services, meeting.id, tmp_path / "missing" / "x.pdf")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]  # only the store's own folder
    assert row_hashes(services.store) == before


def test_an_empty_meeting_still_makes_a_brief(services: Services, tmp_path: Path) -> None:
    meeting = services.meetings.create(NOW + timedelta(days=1))
    result = build_brief(services, meeting.id, tmp_path / "empty.pdf")
    whole = "\n".join(page_texts(result.path))
    assert "No agenda items yet." in whole
    assert "No open risks." in whole
    assert result.pages == 1


def test_a_packet_of_many_notes_leaves_their_bodies_out(
    demo: Services, cycle_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packet_content, "FULL_TEXT_LIMIT", 10)
    text = build_packet(demo, cycle_id, tmp_path / "p.md", fmt="md").path.read_text("utf-8")
    assert "Save-offer experiment live on 25 % of cancellation flows; 9 kept" in text
    assert "**Impact:** First evidence that an offer moves the number." in text
    assert "Offer: two months at half price or a downgrade path." not in text  # its body
    assert "each is shown by its title, impact and evidence" in text


def test_a_crowded_brief_still_fits_two_pages(services: Services, tmp_path: Path) -> None:
    boss = services.people.create("Kim Park", role="manager")
    for number in range(40):
        services.outcomes.create(
            f"Risk {number}: the vendor may slip", kind="risk", ask="Decide on plan B " * 5
        )
        services.priorities.create(f"Goal {number}", owner_id=boss.id, metric_target=10)
    meeting = services.meetings.create(NOW + timedelta(days=1), person_id=boss.id)
    for number in range(30):
        services.meetings.add_action(meeting.id, f"Follow up {number}")
        services.meetings.add_agenda_item(meeting.id, f"Item {number}", time_box_minutes=2)
    for paper in ("A4", "Letter"):
        result = build_brief(services, meeting.id, tmp_path / "crowded.pdf", paper=paper)
        whole = "\n".join(page_texts(result.path))
        # Every list is capped, the agenda too (the rest: "see the app"), and the notes space
        # stays: two pages at most, A4 and Letter alike.
        assert result.pages == 2, paper
        assert re.search(r"\+\d+ more, see the app\.", whole)
        assert re.search(r"and \d+ more open risks\.", whole)
        assert re.search(r"and \d+ more action items\.", whole)
        assert "60 of 30 minutes planned — over the time available." in whole
        assert top_level(outline(result.path))[-1] == "Notes"


def test_no_heading_closes_a_page_alone(packet: Path) -> None:
    """Every second-level heading (a priority, a 1:1) has its first lines under it on the same
    page: a note is kept whole, so a heading that fits while its note does not goes with it."""
    reader = PdfReader(packet)
    texts = page_texts(packet)

    def entries(items: list) -> Iterator[object]:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                yield from item  # level 1: the headings inside a section
            # level 0 (sections) start pages or follow the page's content by design

    checked = 0
    for entry in entries(reader.outline):
        page = reader.get_destination_page_number(entry)  # type: ignore[arg-type]
        text = texts[page]
        title = entry.title  # type: ignore[attr-defined]
        start = text.find(title[:40])
        assert start >= 0, (title, page)
        after = text[start + len(title) :].split("Confidential — prepared by")[0]
        lines = [line for line in after.splitlines() if line.strip()]
        assert len(lines) >= 3, f"“{title}” ends page {page + 1} with {lines!r} under it"
        checked += 1
    assert checked >= 10


def test_marks_in_asks_and_notes_are_rendered_not_printed(
    services: Services, tmp_path: Path
) -> None:
    """An ask, an impact and an agenda note written in Markdown: bold and links in the brief,
    "text (address)" in the plain-text update, HTML in the e-mail's other part; no raw marks."""
    frozen = Services(services.store, clock=FrozenClock(NOW))
    boss = frozen.people.create("Kim Park", role="manager")
    goal = frozen.priorities.create("Cut cloud cost", owner_id=boss.id)
    ask = "**Approve** the _bridge_ licence, see [the quote](https://example.com/q) or `ticket 42`"
    common = {"person_id": boss.id, "priority_ids": [goal.id], "occurred_on": TODAY}
    frozen.outcomes.create("Vendor may slip", kind="risk", ask=ask, **common)
    frozen.outcomes.create("Cut the EU bill", impact="Saves **$40k** a year", **common)
    meeting = frozen.meetings.create(NOW + timedelta(days=1), person_id=boss.id)
    note = "- **Options:** two\n- see [the plan](https://example.com/plan)"
    frozen.meetings.add_agenda_item(meeting.id, "Vendor options", body=note, time_box_minutes=5)

    brief = build_brief(frozen, meeting.id, tmp_path / "brief.pdf").path
    whole = " ".join(" ".join(page_texts(brief)).split())
    assert "Approve the bridge licence, see the quote or ticket 42 — Kim Park" in whole
    assert "Options: two · see the plan" in whole
    assert not re.search(r"\*\*|\]\(|`|_bridge_", whole), whole
    assert {"https://example.com/q", "https://example.com/plan"} <= set(links(brief)[1])

    plain = write_update(frozen, boss.id, tmp_path / "u.txt", fmt="txt").read_text("utf-8")
    said = "ask: Approve the bridge licence, see the quote (https://example.com/q) or ticket 42"
    assert said in plain
    assert "Cut the EU bill — Saves $40k a year" in plain and "**" not in plain
    message = email.message_from_bytes(
        write_update(frozen, boss.id, tmp_path / "u.eml", fmt="eml").read_bytes(),
        policy=policy.default,
    )
    assert message.get_body(("plain",)).get_content() == plain
    html = message.get_body(("html",)).get_content()
    assert '<strong>Approve</strong> the <em>bridge</em> licence, see <a href="https://exa' in html
    markdown = write_update(frozen, boss.id, tmp_path / "u.md", fmt="md").read_text("utf-8")
    assert f"— ask: {ask}" in markdown  # Markdown stays Markdown
