"""Calendar import from real-world shaped .ics exports (Google, Outlook, Apple)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, row_hashes
from upwardprep.services import Services, ValidationError
from upwardprep.services.calendar import MAX_OCCURRENCES
from upwardprep.store.engine import Store

ICS = REPO / "tests" / "fixtures" / "ics"
WEEKLY = ICS / "weekly-exdate-moved.ics"
WEEKLY_UID = "4k2d9s7f0q1weekly@google.com"
NEW_YORK = ICS / "new-york-dst.ics"
NOW = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen(store: Store) -> Services:
    return Services(store, clock=lambda: NOW)


def starts(services: Services, person_id: str) -> list[tuple[datetime, int, str]]:
    return [
        (m.scheduled_at, m.duration_minutes, m.status)
        for m in reversed(services.meetings.list(person_id=person_id))
    ]


def at(day: int, month: int = 11, hour: int = 15, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def test_weekly_series_with_an_exdate_and_a_moved_occurrence(
    frozen: Services, store: Store
) -> None:
    before = row_hashes(store)
    (series,) = frozen.calendar.preview(WEEKLY)
    assert row_hashes(store) == before  # a preview writes nothing
    assert (series.uid, series.summary, series.occurrences) == (
        WEEKLY_UID,
        "Dana / Alex weekly 1:1",
        7,  # eight weeks, one EXDATE
    )
    assert (series.recurring, series.all_day, series.truncated) == (True, False, False)
    assert (series.first_start, series.last_start) == (at(3), at(22, 12))

    dana = frozen.people.create("Dana", role="manager")
    report = frozen.calendar.import_file(WEEKLY, {WEEKLY_UID: dana.id})
    assert (report.created, report.updated, report.unchanged, report.series) == (7, 0, 0, 1)
    assert starts(frozen, dana.id) == [
        (at(3), 30, "planned"),
        (at(10), 30, "planned"),
        # 17 November is an EXDATE; the 24th was moved to Wednesday 16:00 for 45 minutes.
        (at(25, hour=16), 45, "planned"),
        (at(1, 12), 30, "planned"),
        (at(8, 12), 30, "planned"),
        (at(15, 12), 30, "planned"),
        (at(22, 12), 30, "planned"),
    ]
    moved = next(m for m in frozen.meetings.list() if m.scheduled_at == at(25, hour=16))
    assert moved.title == "Dana / Alex weekly 1:1 (moved: offsite on Tuesday)"
    assert moved.kind == "1:1"

    # The same file again: nothing new, nothing written.
    before = row_hashes(store)
    again = frozen.calendar.import_file(WEEKLY, {WEEKLY_UID: dana.id})
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert row_hashes(store) == before


def test_reimporting_a_newer_export_updates_and_cancels(
    frozen: Services, store: Store, tmp_path: Path
) -> None:
    dana = frozen.people.create("Dana", role="manager")
    frozen.calendar.import_file(WEEKLY, {WEEKLY_UID: dana.id})
    by_start = {m.scheduled_at: m for m in frozen.meetings.list()}
    frozen.meetings.update(by_start[at(3)].id, notes="Went well.")
    # Held once it has taken place (a meeting still ahead cannot be finished as it is): a
    # record, never moved by an import.
    after = Services(store, clock=lambda: at(3) + timedelta(minutes=30))
    after.meetings.finish(by_start[at(3)].id)
    frozen.meetings.trash(by_start[at(10)].id)  # trashed by the user: left there

    # A newer export: 8 December cancelled (EXDATE), 15 December moved to the 16th at 10:00,
    # and the held one of 3 November moved after the fact.
    override = (
        "BEGIN:VEVENT\r\nUID:4k2d9s7f0q1weekly@google.com\r\n"
        "RECURRENCE-ID:{rid}\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        "SUMMARY:Dana / Alex weekly 1:1\r\nEND:VEVENT\r\n"
    )
    text = WEEKLY.read_text(encoding="utf-8")
    text = text.replace("EXDATE:20261117T150000Z", "EXDATE:20261117T150000Z,20261208T150000Z")
    text = text.replace(
        "END:VCALENDAR",
        override.format(rid="20261215T150000Z", start="20261216T100000Z", end="20261216T103000Z")
        + override.format(rid="20261103T150000Z", start="20261104T150000Z", end="20261104T153000Z")
        + "END:VCALENDAR",
    )
    newer = tmp_path / "newer.ics"
    newer.write_text(text, encoding="utf-8", newline="")
    report = frozen.calendar.import_file(newer, {WEEKLY_UID: dana.id})
    assert (report.created, report.updated, report.cancelled, report.kept) == (0, 1, 1, 2)
    assert report.unchanged == 3
    assert starts(frozen, dana.id) == [
        (at(3), 30, "held"),  # a record stays as it was held
        (at(25, hour=16), 45, "planned"),
        (at(1, 12), 30, "planned"),
        (at(8, 12), 30, "cancelled"),
        (at(16, 12, 10), 30, "planned"),
        (at(22, 12), 30, "planned"),
    ]
    assert frozen.meetings.get(by_start[at(10)].id).deleted_at is not None
    # The older export again: the cancelled one comes back, the moved one moves back.
    back = frozen.calendar.import_file(WEEKLY, {WEEKLY_UID: dana.id})
    assert (back.created, back.updated) == (0, 2)
    assert [s for s in starts(frozen, dana.id) if s[2] == "planned"] == [
        (at(25, hour=16), 45, "planned"),
        (at(1, 12), 30, "planned"),
        (at(8, 12), 30, "planned"),
        (at(15, 12), 30, "planned"),
        (at(22, 12), 30, "planned"),
    ]


def test_a_moved_occurrence_moving_again_updates_the_same_meeting(
    frozen: Services, tmp_path: Path
) -> None:
    dana = frozen.people.create("Dana", role="manager")
    frozen.calendar.import_file(WEEKLY, {WEEKLY_UID: dana.id})
    moved = next(m for m in frozen.meetings.list() if m.scheduled_at == at(25, hour=16))
    frozen.meetings.add_agenda_item(moved.id, "Offsite follow-up")
    newer = tmp_path / "moved-again.ics"
    text = WEEKLY.read_text(encoding="utf-8").replace(
        "DTSTART:20261125T160000Z", "DTSTART:20261126T090000Z"
    )
    newer.write_text(text.replace("DTEND:20261125T164500Z", "DTEND:20261126T093000Z"), "utf-8")
    report = frozen.calendar.import_file(newer, {WEEKLY_UID: dana.id})
    assert (report.created, report.updated, report.unchanged) == (0, 1, 6)
    again = frozen.meetings.get(moved.id)
    assert (again.scheduled_at, again.duration_minutes) == (at(26, hour=9), 30)
    assert [i.title for i in again.agenda_items] == ["Offsite follow-up"]


def test_a_series_in_new_york_time_across_the_dst_change(frozen: Services) -> None:
    weekly, skip = frozen.calendar.preview(NEW_YORK)
    assert weekly.summary == "1:1 Dana Whitfield <> Alex" and weekly.recurring
    assert skip.summary == "Skip-level: Priya / Alex" and not skip.recurring
    # Open-ended: cut at the horizon (a year from today by default).
    assert 50 <= weekly.occurrences <= 53 and weekly.last_start is not None
    assert weekly.last_start < NOW + timedelta(days=366)
    short = frozen.calendar.preview(NEW_YORK, horizon=timedelta(days=28))[0]
    assert short.occurrences == 3  # 13, 20 and 27 October

    dana = frozen.people.create("Dana", role="manager")
    priya = frozen.people.create("Priya", role="skip-level")
    report = frozen.calendar.import_file(
        NEW_YORK, {weekly.uid: dana.id, skip.uid: priya.id}, horizon=timedelta(days=60)
    )
    assert report.series == 2 and report.created == 7 + 1  # Tuesdays to 24 November
    times = [m.scheduled_at for m in reversed(frozen.meetings.list(person_id=dana.id))]
    # 09:30 in New York every week: 13:30 UTC in daylight time, 14:30 UTC after 1 November.
    assert times[:3] == [at(13, 10, 13, 30), at(20, 10, 13, 30), at(27, 10, 13, 30)]
    assert times[3:5] == [at(3, 11, 14, 30), at(10, 11, 14, 30)]
    new_york = ZoneInfo("America/New_York")
    assert {t.astimezone(new_york).strftime("%a %H:%M") for t in times} == {"Tue 09:30"}
    (skip_meeting,) = frozen.meetings.list(person_id=priya.id)
    assert skip_meeting.kind == "skip-level" and skip_meeting.scheduled_at == at(19, 11, 16)
    assert skip_meeting.duration_minutes == 30


def test_an_all_day_event(frozen: Services) -> None:
    (series,) = frozen.calendar.preview(ICS / "all-day.ics")
    assert series.all_day and not series.recurring and series.occurrences == 1
    dana = frozen.people.create("Dana", role="manager")
    frozen.calendar.import_file(ICS / "all-day.ics", {series.uid: dana.id})
    (meeting,) = frozen.meetings.list()
    local = meeting.scheduled_at.astimezone()
    assert (local.date(), local.hour, local.minute) == (date(2026, 12, 10), 9, 0)
    assert meeting.title == "Quarterly alignment day with Dana"


def test_open_ended_rules_are_bounded(frozen: Services, tmp_path: Path) -> None:
    busy = tmp_path / "busy.ics"
    busy.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:every-hour@example.com\r\nDTSTART:20261001T000000Z\r\n"
        "DTEND:20261001T001500Z\r\nRRULE:FREQ=HOURLY\r\nSUMMARY:Too often\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    (series,) = frozen.calendar.preview(busy)
    assert series.truncated and series.occurrences == MAX_OCCURRENCES
    for days in (0, -1, 3651, 999_999_999):
        with pytest.raises(ValidationError, match="between 1 and 3650 days"):
            frozen.calendar.preview(busy, horizon=timedelta(days=days))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "start of the event “A meeting whose start time is not a time” is not a valid"),
        ("cut", "incomplete"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "does not start like an iCalendar"),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "has no events"),
        ("missing", "There is no calendar file"),
    ],
)
def test_malformed_files_get_a_sentence_and_leave_the_store_untouched(
    frozen: Services, store: Store, tmp_path: Path, content: object, message: str
) -> None:
    dana = frozen.people.create("Dana", role="manager")
    path = ICS / "malformed.ics"
    if content == "cut":
        path = tmp_path / "cut.ics"
        data = WEEKLY.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif content == "missing":
        path = tmp_path / "nowhere.ics"
    elif content is not None:
        path = tmp_path / "odd.ics"
        path.write_bytes(content if isinstance(content, bytes) else str(content).encode())
    before = row_hashes(store)
    for call in (
        lambda: frozen.calendar.preview(path),
        lambda: frozen.calendar.import_file(path, {"broken-2@example.com": dana.id}),
    ):
        with pytest.raises(ValidationError, match=message) as raised:
            call()
        assert "Traceback" not in str(raised.value) and "\n" not in str(raised.value)
    assert row_hashes(store) == before


def test_bad_mappings_write_nothing(frozen: Services, store: Store) -> None:
    dana = frozen.people.create("Dana", role="manager")
    weekly, skip = frozen.calendar.preview(NEW_YORK)
    before = row_hashes(store)
    with pytest.raises(ValidationError, match="no series with UID nope"):
        frozen.calendar.import_file(NEW_YORK, {weekly.uid: dana.id, "nope": dana.id})
    with pytest.raises(ValidationError, match="No person"):
        frozen.calendar.import_file(NEW_YORK, {weekly.uid: dana.id, skip.uid: "ghost"})
    with pytest.raises(ValidationError, match="at least one series"):
        frozen.calendar.import_file(NEW_YORK, {})
    assert row_hashes(store) == before


FIXTURE_LINES = [
    line for path in (WEEKLY, NEW_YORK) for line in path.read_text("utf-8").split("\r\n") if line
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["drop", "garble", "repeat", "swap"]),
            st.integers(min_value=0, max_value=len(FIXTURE_LINES) - 1),
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=12),
        ),
        max_size=6,
    ),
    which=st.sampled_from([WEEKLY, NEW_YORK]),
)
def test_damaged_exports_are_a_sentence_or_import_cleanly(
    frozen: Services, store: Store, tmp_path: Path, edits: list[tuple[str, int, str]], which: Path
) -> None:
    lines = [line for line in which.read_text("utf-8").split("\r\n") if line]
    for action, index, text in edits:
        index %= len(lines)
        if action == "drop":
            lines.pop(index)
        elif action == "garble":
            lines[index] = lines[index][: len(lines[index]) // 2] + text
        elif action == "repeat":
            lines.insert(index, lines[index])
        else:
            lines[index] = FIXTURE_LINES[index % len(FIXTURE_LINES)]
        if not lines:
            lines = ["BEGIN:VCALENDAR"]
    path = tmp_path / "damaged.ics"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    person = frozen.people.list()[0].id if frozen.people.list() else frozen.people.create("D").id
    before = row_hashes(store)
    try:
        found = frozen.calendar.preview(path, horizon=timedelta(days=120))
    except ValidationError as error:
        assert "\n" not in str(error) and str(error).endswith(".")
        assert row_hashes(store) == before
        return
    mapping = {series.uid: person for series in found}
    try:
        frozen.calendar.import_file(path, mapping, horizon=timedelta(days=120))
    except ValidationError:
        assert row_hashes(store) == before


ONE_OFF = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:mid-year-review@example.com\r\nDTSTART:{start}\r\n"
    "DTEND:{end}\r\nSUMMARY:Mid-year review with Dana\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_rescheduled_one_off_event_moves_the_prepared_meeting(
    frozen: Services, store: Store, tmp_path: Path
) -> None:
    dana = frozen.people.create("Dana", role="manager")
    first = tmp_path / "review.ics"
    first.write_text(ONE_OFF.format(start="20261105T150000Z", end="20261105T160000Z"), "utf-8")
    frozen.calendar.import_file(first, {"mid-year-review@example.com": dana.id})
    [meeting] = frozen.meetings.list(person_id=dana.id)
    frozen.meetings.add_agenda_item(meeting.id, "Promotion case")
    moved = tmp_path / "review-moved.ics"
    moved.write_text(ONE_OFF.format(start="20261112T090000Z", end="20261112T093000Z"), "utf-8")
    report = frozen.calendar.import_file(moved, {"mid-year-review@example.com": dana.id})
    assert (report.created, report.updated, report.cancelled) == (0, 1, 0)
    [again] = frozen.meetings.list(person_id=dana.id)
    assert again.id == meeting.id
    assert (again.scheduled_at, again.duration_minutes, again.status) == (
        at(12, hour=9),
        30,
        "planned",
    )
    assert [i.title for i in again.agenda_items] == ["Promotion case"]


def test_a_one_off_event_imported_under_the_old_key_is_adopted(
    frozen: Services, store: Store, tmp_path: Path
) -> None:
    """Stores imported before one-off events had the fixed `#once` key keep their meeting."""
    from sqlalchemy import update

    from upwardprep.store.entities import Meeting

    dana = frozen.people.create("Dana", role="manager")
    old = frozen.meetings.create(at(5), person_id=dana.id, title="Mid-year review with Dana")
    with store.transaction() as session:
        session.execute(
            update(Meeting)
            .where(Meeting.id == old.id)
            .values(external_uid="ics:mid-year-review@example.com#20261105T150000Z")
        )
    moved = tmp_path / "review-moved.ics"
    moved.write_text(ONE_OFF.format(start="20261112T090000Z", end="20261112T093000Z"), "utf-8")
    report = frozen.calendar.import_file(moved, {"mid-year-review@example.com": dana.id})
    assert (report.created, report.updated, report.cancelled) == (0, 1, 0)
    [again] = frozen.meetings.list(person_id=dana.id)
    assert (again.id, again.scheduled_at, again.status) == (old.id, at(12, hour=9), "planned")
