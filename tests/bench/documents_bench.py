"""`make bench` rows for the documents: the demo meeting brief, and a 1,000-outcome packet.

Both are built from stores made here (the demo, and 1,000 generated notes in one review year),
to PDF files in a temporary folder, through the public entry points the CLI and the app use.
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader

from tests.bench.store_bench import (
    DAYS,
    FIRST_DAY,
    PASSPHRASE,
    PRIORITY_TITLES,
    SEED,
    Row,
    TextMaker,
    make_outcomes,
    progress,
    verdict,
)
from upwardprep.demo import populate
from upwardprep.export.brief import meeting_for_person
from upwardprep.export.documents import build_brief, build_packet
from upwardprep.services import Services
from upwardprep.store.engine import Store

BRIEF_BUDGET_MS = 300
PACKET_BUDGET_S = 3.0
PACKET_OUTCOMES = 1_000
LONG_NOTE_CHARS = 1_000_000
LONG_NOTE_BUDGET_S = 10.0  # issue 18: it took 212 s before long paragraphs were set in pieces
RUNS = 5


def bench_documents() -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="upwardprep-bench-docs-"))
    try:
        return _bench_brief(folder) + _bench_packet(folder) + _bench_long_note(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _agenda_row(label: str, services: Services) -> Row:
    """The drafted agenda of the next 1:1 with Dana: planned minutes against its length."""
    dana = services.people.find("Dana").id
    started = time.perf_counter()
    meeting = services.agenda.draft_next(dana)
    took = (time.perf_counter() - started) * 1000
    waiting = len(meeting.if_time_allows)
    return Row(
        f"drafted agenda, {label} (drafted in {took:.0f} ms)",
        f"{meeting.planned_minutes} of {meeting.duration_minutes} min, {len(meeting.agenda)} "
        f"items, {waiting} under If time allows",
        "never more minutes than the meeting",
        verdict(meeting.planned_minutes <= meeting.duration_minutes),
    )


def _grow(services: Services) -> None:
    """The demo plus 1,000 outcomes and 40 more action items carried to the next 1:1."""
    maker = TextMaker(random.Random(SEED))
    priority_ids = [p.id for p in services.priorities.list()]
    today = services.meetings.clock().date()
    items = make_outcomes(maker, 1_000, priority_ids)
    services.outcomes.bulk_import(
        replace(item, occurred_on=today - timedelta(days=n % 20)) for n, item in enumerate(items)
    )
    dana = services.people.find("Dana").id
    last = services.meetings.list(person_id=dana, status="held")[0]
    services.meetings.reopen(last.id)
    for n in range(40):
        services.meetings.add_action(last.id, maker.title(), due_on=today - timedelta(days=n))
    services.meetings.finish(last.id)


def _bench_brief(folder: Path) -> list[Row]:
    progress("documents: the demo meeting brief …")
    rows: list[Row] = []
    with Store.create(folder / "demo.upwardprep", PASSPHRASE) as store:
        services = Services(store)
        populate(services)
        rows.append(_agenda_row("demo", services))
        meeting = meeting_for_person(services, services.people.find("Dana").id)
        out = folder / "brief.pdf"
        started = time.perf_counter()
        build_brief(services, meeting.id, out)  # the first build also loads the fonts
        first = time.perf_counter() - started
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            build_brief(services, meeting.id, out)
            times.append(time.perf_counter() - started)
        pages = len(PdfReader(out).pages)
        median = statistics.median(times) * 1000
        rows += [
            Row(
                f"meeting brief PDF (demo, {pages} pages), median of {RUNS}",
                f"{median:.0f} ms",
                f"≤ {BRIEF_BUDGET_MS} ms",
                verdict(median <= BRIEF_BUDGET_MS),
            ),
            Row(
                "  first brief in a process (loads and parses the fonts)",
                f"{first * 1000:.0f} ms",
            ),
        ]
        progress("documents: the brief with 1,000 more outcomes and 40 carried actions …")
        _grow(services)
        rows.append(_agenda_row("demo + 1,000 outcomes + 40 carried actions", services))
        meeting = meeting_for_person(services, services.people.find("Dana").id)
        for paper in ("A4", "Letter"):
            started = time.perf_counter()
            result = build_brief(services, meeting.id, out, paper=paper)
            took = (time.perf_counter() - started) * 1000
            rows.append(
                Row(
                    f"  brief PDF, that store, {paper}",
                    f"{took:.0f} ms, {result.pages} pages",
                    "1–2 pages with the notes space",
                    verdict(result.pages is not None and result.pages <= 2),
                )
            )
    return rows


def _bench_packet(folder: Path) -> list[Row]:
    progress(f"documents: a review packet of {PACKET_OUTCOMES:,} outcomes …")
    with Store.create(folder / "packet.upwardprep", PASSPHRASE) as store:
        services = Services(store)
        priority_ids = [services.priorities.create(title).id for title in PRIORITY_TITLES]
        maker = TextMaker(random.Random(SEED))
        items = make_outcomes(maker, PACKET_OUTCOMES * DAYS // 365, priority_ids)
        services.outcomes.bulk_import(items)
        cycle = services.reviews.create(
            "Bench year", FIRST_DAY, FIRST_DAY + timedelta(days=364), self_assessment=maker.body()
        )
        rows: list[Row] = []
        for private in (False, True):
            out = folder / f"packet-{private}.pdf"
            fractions: list[float] = []
            started = time.perf_counter()
            result = build_packet(
                services,
                cycle.id,
                out,
                include_private=private,
                progress=lambda fraction, text, seen=fractions: seen.append(fraction),
            )
            seconds = time.perf_counter() - started
            reader = PdfReader(out)
            what = "with private notes" if private else "without private notes"
            rows += [
                Row(
                    f"review packet PDF, ~{PACKET_OUTCOMES:,} outcomes, {what} "
                    f"({result.pages} pages)",
                    f"{seconds:.2f} s ({len(fractions)} progress reports)",
                    f"≤ {PACKET_BUDGET_S:g} s, with progress",
                    verdict(seconds <= PACKET_BUDGET_S and len(fractions) > 10),
                ),
                Row(
                    "  packet file size",
                    f"{out.stat().st_size / 1e6:.1f} MB, {len(reader.pages)} pages",
                ),
            ]
    return rows


def _bench_long_note(folder: Path) -> list[Row]:
    """A packet whose one note is a quarter, then all of 1,000,000 characters of prose: the
    time must grow with the length, not its square. Processor time, so that a machine shared
    with other work still gives the figure (the build is single-threaded)."""
    progress(f"documents: a packet with one {LONG_NOTE_CHARS:,}-character note …")
    maker = TextMaker(random.Random(SEED))
    prose = " ".join(maker.words(LONG_NOTE_CHARS // 5))[:LONG_NOTE_CHARS]
    seconds: dict[int, float] = {}
    for size in (LONG_NOTE_CHARS // 4, LONG_NOTE_CHARS):
        with Store.create(folder / f"long-{size}.upwardprep", PASSPHRASE) as store:
            services = Services(store)
            services.outcomes.create("A very long note", body=prose[:size], occurred_on=FIRST_DAY)
            cycle = services.reviews.create("Long", FIRST_DAY, FIRST_DAY + timedelta(days=30))
            started = time.process_time()
            build_packet(services, cycle.id, folder / f"long-{size}.pdf")
            seconds[size] = time.process_time() - started
    quarter, full = seconds[LONG_NOTE_CHARS // 4], seconds[LONG_NOTE_CHARS]
    return [
        Row(
            f"review packet PDF, one {LONG_NOTE_CHARS:,}-character note",
            f"{full:.1f} s of processor ({full / quarter:.1f}× a quarter of it)",
            f"≤ {LONG_NOTE_BUDGET_S:g} s, about 4× (linear)",
            verdict(full <= LONG_NOTE_BUDGET_S and full / quarter < 6),
        )
    ]
