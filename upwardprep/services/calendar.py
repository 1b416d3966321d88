"""Meeting dates from a calendar export (.ics): preview the series, map them to people, import.

Parsing is the `icalendar` package; expanding recurrences is `recurring-ical-events`, which
applies RRULE/RDATE, drops EXDATEs, puts moved occurrences (RECURRENCE-ID) at their new time,
resolves time zones from VTIMEZONE blocks and X-WR-TIMEZONE, and can be walked lazily, so an
open-ended rule is cut at the horizon. Only local files are read; nothing is fetched.

Each occurrence becomes a planned meeting whose `external_uid` is `ics:<UID>#<original start>`
(the RECURRENCE-ID: it stays the same when the occurrence is moved); a one-off event is
`ics:<UID>#once`, since moving it changes its only start. So importing the same file
again, or a newer export of it, updates instead of adding. Re-importing moves planned meetings
that moved in the calendar, marks as cancelled the planned ones whose occurrence is gone (an
EXDATE or a cancellation added since), and never touches a held meeting or one in the Trash.
Times are stored in UTC; an all-day event becomes a meeting at 09:00 local time on its day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from upwardprep.clock import local_moment
from upwardprep.services.common import Clock, ValidationError, system_clock
from upwardprep.services.meetings import MeetingService
from upwardprep.store.engine import Store
from upwardprep.store.entities import Meeting, MeetingKind, MeetingStatus, Person, Role

if TYPE_CHECKING:  # the parser loads on the first import, not with every start of the app
    import icalendar

DEFAULT_HORIZON = timedelta(days=365)
MAX_HORIZON = timedelta(days=3650)  # ten years ahead
MAX_OCCURRENCES = 500  # per series within the horizon: a weekly 1:1 for ten years
MAX_FILE_BYTES = 20 * 1024 * 1024
ALL_DAY_TIME = time(9, 0)
DEFAULT_MINUTES = 30
KEY_PREFIX = "ics:"


@dataclass(frozen=True)
class SeriesSummary:
    uid: str
    summary: str
    occurrences: int  # within the import window (from today, up to the horizon)
    first_start: datetime | None  # UTC; None when nothing falls in the window
    last_start: datetime | None
    recurring: bool
    all_day: bool
    truncated: bool = False  # more than MAX_OCCURRENCES in the window


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    cancelled: int  # planned meetings whose occurrence left the calendar
    kept: int  # held or trashed meetings left as they are
    series: int

    def summary(self) -> str:
        parts = [
            f"{self.created} created",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
        ]
        if self.cancelled:
            parts.append(f"{self.cancelled} cancelled")
        if self.kept:
            parts.append(f"{self.kept} held or trashed left as they are")
        return f"{self.series} series: " + ", ".join(parts) + "."


@dataclass(frozen=True)
class _Occurrence:
    key: str
    title: str
    start: datetime  # UTC
    minutes: int
    cancelled: bool


@dataclass(frozen=True)
class _Series:
    uid: str
    summary: str
    recurring: bool
    all_day: bool
    occurrences: tuple[_Occurrence, ...]
    truncated: bool


def _unreadable(path: Path, why: str) -> ValidationError:
    return ValidationError(f"“{path.name}” is not a calendar file UpwardPrep can read: {why}")


def _read(path: Path | str) -> tuple[Path, icalendar.Calendar]:
    path = Path(path).expanduser()
    if not path.is_file():
        raise ValidationError(f"There is no calendar file at {path}.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError(
            f"“{path.name}” is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
            "export a shorter date range from your calendar."
        )
    data = path.read_bytes()
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise _unreadable(path, "it does not start like an iCalendar (.ics) export.")
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise _unreadable(path, _reason(error)) from None
    return path, calendar


def _reason(error: Exception) -> str:
    text = str(error)
    if "multiple components" in text:
        return "it holds several calendars; export one at a time."
    if "no components" in text or "BEGIN" in text or "END" in text:
        return "it is incomplete, or its BEGIN and END lines do not match (cut off early?)."
    return "a line in it is damaged or not in the iCalendar format."


FIELD_NAMES = {"DTSTART": "start", "DTEND": "end", "RRULE": "repeat rule", "EXDATE": "exception"}


def _check_values(path: Path, event: Any) -> None:
    """icalendar keeps a damaged value and complains when it is read: complain first."""
    for name, _ in getattr(event, "errors", ()) or ():
        if name in FIELD_NAMES or name in ("RECURRENCE-ID", "RDATE", "DURATION"):
            what = FIELD_NAMES.get(name, name)
            title = _text(event.get("SUMMARY"))[:80] or "(no title)"
            raise _unreadable(path, f"the {what} of the event “{title}” is not a valid value.")


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _utc(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        # A floating time (no zone) is the local time of this machine, as calendars show it.
        return value.astimezone(UTC)
    return local_moment(value, ALL_DAY_TIME)


ONCE = "once"  # the stamp of a one-off event's only occurrence


def _key(uid: str, original: date | datetime | None) -> str:
    """`ics:<UID>#<original start>`, or `ics:<UID>#once` for a one-off event (None)."""
    if len(uid) > 400:  # external_uid holds 500 characters; the UID must stay stable, not whole
        uid = "sha1-" + hashlib.sha1(uid.encode("utf-8")).hexdigest()
    if original is None:
        stamp = ONCE
    elif isinstance(original, datetime):
        stamp = original.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    else:
        stamp = original.strftime("%Y%m%d")
    return f"{KEY_PREFIX}{uid}#{stamp}"


def _minutes(event: Any, start: date | datetime) -> int:
    end = event.get("DTEND")
    if isinstance(start, datetime) and end is not None and isinstance(end.dt, datetime):
        minutes = round((_utc(end.dt) - _utc(start)).total_seconds() / 60)
        if 5 <= minutes <= 600:
            return minutes
    return DEFAULT_MINUTES


def _window(clock: Clock, horizon: timedelta) -> tuple[datetime, datetime]:
    """From the start of today (local) up to the horizon."""
    if not timedelta(0) < horizon <= MAX_HORIZON:
        raise ValidationError(
            f"The import horizon must be between 1 and {MAX_HORIZON.days} days ahead."
        )
    today = clock().astimezone().date()
    start = local_moment(today, time(0, 0))
    return start, start + horizon


def preview_file(
    path: Path | str, *, horizon: timedelta = DEFAULT_HORIZON, clock: Clock = system_clock
) -> list[SeriesSummary]:
    """The file's series, with what falls between today and the horizon (no store needed)."""
    file, calendar = _read(path)
    found = []
    for series in _series(file, calendar, *_window(clock, horizon)):
        live = [o for o in series.occurrences if not o.cancelled]
        found.append(
            SeriesSummary(
                uid=series.uid,
                summary=series.summary,
                occurrences=len(live),
                first_start=live[0].start if live else None,
                last_start=live[-1].start if live else None,
                recurring=series.recurring,
                all_day=series.all_day,
                truncated=series.truncated,
            )
        )
    return found


def _series(
    file: Path, calendar: icalendar.Calendar, start: datetime, end: datetime
) -> list[_Series]:
    events = calendar.walk("VEVENT")
    if not events:
        raise _unreadable(file, "it has no events.")
    by_uid: dict[str, list[Any]] = {}
    for event in events:
        uid = _text(event.get("UID"))
        if not uid:
            raise _unreadable(file, "an event in it has no UID.")
        _check_values(file, event)
        by_uid.setdefault(uid, []).append(event)
    zones = calendar.walk("VTIMEZONE")
    return [_expand(file, calendar, zones, uid, group, start, end) for uid, group in by_uid.items()]


def _expand(
    file: Path,
    calendar: icalendar.Calendar,
    zones: list[Any],
    uid: str,
    events: list[Any],
    start: datetime,
    end: datetime,
) -> _Series:
    master = next((e for e in events if e.get("RECURRENCE-ID") is None), events[0])
    try:
        first = master.get("DTSTART")
        if first is None:
            raise _unreadable(file, f"the event “{_text(master.get('SUMMARY'))}” has no start.")
        all_day = not isinstance(first.dt, datetime)
        recurring = master.get("RRULE") is not None or master.get("RDATE") is not None
        # Occurrences are known by their original start (the expander gives every occurrence a
        # RECURRENCE-ID, a one-off event's own start included), except a lone one-off event.
        by_original = recurring or any(e.get("RECURRENCE-ID") is not None for e in events)
        one = type(calendar)()  # a new icalendar.Calendar, without importing it here
        for name, value in calendar.items():  # X-WR-TIMEZONE among them
            one[name] = value
        for zone in zones:
            one.add_component(zone)
        for event in events:
            one.add_component(event)
        occurrences: list[_Occurrence] = []
        truncated = False
        for occurrence in _walk(one, start):
            begin = occurrence["DTSTART"].dt
            if _utc(begin) >= end:
                break
            if len(occurrences) == MAX_OCCURRENCES:
                truncated = True
                break
            original = occurrence.get("RECURRENCE-ID")
            if not by_original:
                key = _key(uid, None)
            else:
                key = _key(uid, original.dt if original is not None else begin)
            occurrences.append(
                _Occurrence(
                    key=key,
                    title=_text(occurrence.get("SUMMARY"))[:300],
                    start=_utc(begin),
                    minutes=_minutes(occurrence, begin),
                    cancelled=_text(occurrence.get("STATUS")).upper() == "CANCELLED",
                )
            )
    except ValidationError:
        raise
    except Exception as error:  # a damaged value shows up when it is first read
        raise _unreadable(file, _reason(error)) from None
    return _Series(
        uid=uid,
        summary=_text(master.get("SUMMARY"))[:300] or "(no title)",
        recurring=recurring,
        all_day=all_day,
        occurrences=tuple(occurrences),
        truncated=truncated,
    )


def _walk(calendar: icalendar.Calendar, start: datetime) -> Iterator[Any]:
    import recurring_ical_events

    query = recurring_ical_events.of(calendar, keep_recurrence_attributes=False)
    yield from query.after(start)


class CalendarService:
    """Preview and import meeting dates from a local .ics file."""

    def __init__(self, store: Store, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock
        self._meetings = MeetingService(store, clock=clock)

    def preview(
        self, path: Path | str, *, horizon: timedelta = DEFAULT_HORIZON
    ) -> list[SeriesSummary]:
        """The file's series, with what falls between today and the horizon; the store is not
        touched."""
        return preview_file(path, horizon=horizon, clock=self.clock)

    def import_file(
        self,
        path: Path | str,
        mapping: dict[str, str],
        *,
        horizon: timedelta = DEFAULT_HORIZON,
    ) -> ImportReport:
        """Create or update planned meetings for the mapped series (UID -> person id); all or
        nothing, in one transaction."""
        if not mapping:
            raise ValidationError("Choose at least one series of the calendar to import.")
        file, calendar = _read(path)
        start, end = _window(self.clock, horizon)
        found = {series.uid: series for series in _series(file, calendar, start, end)}
        missing = [uid for uid in mapping if uid not in found]
        if missing:
            raise ValidationError(f"“{file.name}” has no series with UID {missing[0]}.")
        counts = dict.fromkeys(("created", "updated", "unchanged", "cancelled", "kept"), 0)
        with self.store.transaction() as session:
            people: dict[str, Person] = {}
            for person_id in set(mapping.values()):
                person = session.scalar(
                    select(Person).where(Person.id == person_id, Person.deleted_at.is_(None))
                )
                if person is None:
                    raise ValidationError(f"No person with id {person_id}.")
                people[person_id] = person
            for uid, person_id in mapping.items():
                self._import_series(session, found[uid], people[person_id], start, end, counts)
            session.flush()
        return ImportReport(series=len(mapping), **counts)

    # -- writing -----------------------------------------------------------------------------

    def _import_series(
        self,
        session: Any,
        series: _Series,
        person: Person,
        start: datetime,
        end: datetime,
        counts: dict[str, int],
    ) -> None:
        prefix = _key(series.uid, date(2000, 1, 1)).rsplit("#", 1)[0] + "#"
        existing = {
            meeting.external_uid: meeting
            for meeting in session.scalars(
                select(Meeting).where(Meeting.external_uid.startswith(prefix, autoescape=True))
            )
        }
        once = _key(series.uid, None)
        if any(o.key == once for o in series.occurrences) and once not in existing and existing:
            # Imported before one-off events had a fixed key (`#<start>`): adopt that meeting
            # rather than cancel it and add a twin when the event has moved.
            legacy = sorted(
                existing.values(),
                key=lambda m: (m.deleted_at is None, m.status != MeetingStatus.CANCELLED.value),
            )[-1]
            del existing[legacy.external_uid]
            legacy.external_uid = once
            existing[once] = legacy
        kind = (
            MeetingKind.SKIP_LEVEL.value
            if person.role == Role.SKIP_LEVEL.value
            else MeetingKind.ONE_ON_ONE.value
        )
        seen: set[str] = set()
        for occurrence in series.occurrences:
            seen.add(occurrence.key)
            meeting = existing.get(occurrence.key)
            if occurrence.cancelled:
                if meeting is not None:
                    self._cancel(meeting, counts)
                continue
            if meeting is None:
                session.add(
                    self._meetings._new(
                        Meeting,
                        person_id=person.id,
                        title=occurrence.title or series.summary,
                        kind=kind,
                        scheduled_at=occurrence.start,
                        duration_minutes=occurrence.minutes,
                        external_uid=occurrence.key,
                    )
                )
                counts["created"] += 1
                continue
            if meeting.deleted_at is not None or meeting.status == MeetingStatus.HELD.value:
                counts["kept"] += 1
                continue
            wanted = {
                "scheduled_at": occurrence.start,
                "duration_minutes": occurrence.minutes,
                "person_id": person.id,
                "status": MeetingStatus.PLANNED.value,
            }
            changed = {k: v for k, v in wanted.items() if getattr(meeting, k) != v}
            if changed:
                for name, value in changed.items():
                    setattr(meeting, name, value)
                meeting.updated_at = self.clock()
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        # Occurrences of this series in the window that the calendar no longer has.
        for key, meeting in existing.items():
            if key not in seen and start <= meeting.scheduled_at < end:
                self._cancel(meeting, counts)

    def _cancel(self, meeting: Meeting, counts: dict[str, int]) -> None:
        if meeting.deleted_at is not None or meeting.status == MeetingStatus.HELD.value:
            counts["kept"] += 1
        elif meeting.status != MeetingStatus.CANCELLED.value:
            meeting.status = MeetingStatus.CANCELLED.value
            meeting.updated_at = self.clock()
            counts["cancelled"] += 1
