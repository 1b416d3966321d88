"""Planning the next 1:1 with a person, drafting its agenda, finishing a 1:1 safely.

`draft_next(person)` finds (or plans) the next meeting with a person and drafts its agenda: the
candidates of agenda_sources.py (carried actions and talking points, risks and asks, outcomes
since the last 1:1 by priority, priorities to confirm, the template's items), one item per topic
and fitted to the meeting's length by agenda_fit.py (the rest under "If time allows"), merged
into what is there by agenda_merge.py (the user's own items and edits stay as they are, nothing
is added twice). `finish(meeting)` makes the meeting a record (asking first to move a meeting
that is still ahead to now), then plans the next 1:1 at the person's cadence and drafts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from upwardprep.clock import local_moment
from upwardprep.services.agenda_fit import fit
from upwardprep.services.agenda_merge import current, merge
from upwardprep.services.agenda_sources import Context, candidates, item_topic
from upwardprep.services.agenda_text import agenda_markdown, clip
from upwardprep.services.common import Clock, ValidationError, system_clock
from upwardprep.services.concerns import audience
from upwardprep.services.labels import meeting_kind_noun
from upwardprep.services.meetings import (
    DEFAULT_CADENCE_DAYS,
    MeetingData,
    MeetingService,
    planned_at,
)
from upwardprep.services.settings import stale_days_in, your_name_in
from upwardprep.services.templates import shipped_default
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    AgendaTemplate,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
    Role,
)

# A planned meeting still counts as "next" for this long after its start (not finished yet).
STILL_NEXT = timedelta(hours=12)
# Without an earlier 1:1, outcomes of this many days go into the first agenda.
FIRST_LOOKBACK_DAYS = 30
DEFAULT_TIME = time(10, 0)
KIND_BY_ROLE = {Role.SKIP_LEVEL.value: MeetingKind.SKIP_LEVEL.value}
# Finishing one of these plans the next at the person's cadence and drafts its agenda.
RECURRING = (MeetingKind.ONE_ON_ONE.value, MeetingKind.SKIP_LEVEL.value)


def _local_date(moment: datetime) -> date:
    return moment.astimezone().date()


def _weekday(day: date) -> date:
    """Saturday and Sunday move to the Monday after."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


@dataclass(frozen=True)
class Finished:
    meeting: MeetingData  # the meeting, now a record
    next_meeting: MeetingData | None  # the next 1:1 with the person, planned and drafted


@dataclass(frozen=True)
class Reminder:
    """A 1:1 about to start, for the nudge before it."""

    meeting_id: str
    person_name: str
    kind: str
    starts_at: datetime
    items: int  # agenda items planned (not those under "If time allows")
    planned_minutes: int
    duration_minutes: int

    @property
    def message(self) -> str:
        """ "1:1 with Dana at 10:00 — 5 items, 28 of 30 min"."""
        first = self.person_name.split()[0] if self.person_name.split() else self.person_name
        when = self.starts_at.astimezone()
        items = f"{self.items} item{'s' if self.items != 1 else ''}"
        return (
            f"{meeting_kind_noun(self.kind)} with {first} at {when:%H:%M} — {items}, "
            f"{self.planned_minutes} of {self.duration_minutes} min"
        )


class AgendaService:
    """Plans the next 1:1 with a person and drafts its agenda; one transaction per call."""

    def __init__(self, store: Store, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock
        self._meetings = MeetingService(store, clock=clock)

    # -- public ------------------------------------------------------------------------------

    def suggested_next_date(self, person_id: str) -> date:
        """The next planned meeting's date, else the last held one plus the cadence (on a
        weekday, not in the past), else today plus the cadence."""
        with self.store.transaction(write=False) as session:
            return self._suggested(session, self._person(session, person_id))

    def draft_next(
        self,
        person_id: str,
        *,
        template_id: str | None = None,
        stale_days: int | None = None,
    ) -> MeetingData:
        """Find or plan the next meeting with the person and (re)draft its agenda."""
        with self.store.transaction() as session:
            person = self._person(session, person_id)
            if template_id is not None:
                self._template(session, template_id)
            meeting = self._next_planned(session, person.id)
            if meeting is None:
                meeting = self._plan(session, person, template_id)
            return self._draft(session, meeting, template_id, stale_days)

    def redraft(
        self,
        meeting_id: str,
        *,
        template_id: str | None = None,
        stale_days: int | None = None,
    ) -> MeetingData:
        """Draft again the agenda of this meeting (refused once it is held)."""
        with self.store.transaction() as session:
            meeting = self._meetings._editable(session, meeting_id)
            if template_id is not None:
                self._template(session, template_id)
            return self._draft(session, meeting, template_id, stale_days)

    def finish(
        self, meeting_id: str, *, at_now: bool = False, stale_days: int | None = None
    ) -> Finished:
        """Finish a 1:1 (see MeetingService.finish: a meeting still ahead is refused unless
        `at_now`), then plan the next one with the person at their cadence and draft it: the
        talking points left unticked are on it, "carried ×1"."""
        with self.store.transaction() as session:
            meeting = self._meetings._finish(session, meeting_id, at_now=at_now)
            session.flush()
            drafted = None
            person = meeting.person
            if person is not None and person.deleted_at is None and meeting.kind in RECURRING:
                upcoming = self._next_planned(session, person.id)
                if upcoming is None:
                    upcoming = self._plan(session, person, None)
                drafted = self._draft(session, upcoming, None, stale_days)
            return Finished(self._meetings._data(session, meeting), drafted)

    def reminders(self, within: timedelta) -> list[Reminder]:
        """Planned meetings with someone that start between now and `within` from now."""
        now = self.clock()
        with self.store.transaction(write=False) as session:
            found = session.scalars(
                select(Meeting)
                .where(
                    Meeting.status == MeetingStatus.PLANNED.value,
                    Meeting.deleted_at.is_(None),
                    Meeting.person_id.is_not(None),
                    Meeting.scheduled_at >= now,
                    Meeting.scheduled_at <= now + within,
                )
                .order_by(Meeting.scheduled_at)
            ).unique()
            reminders = []
            for meeting in found:
                data = self._meetings._data(session, meeting)
                reminders.append(
                    Reminder(
                        meeting_id=data.id,
                        person_name=data.person_name or "",
                        kind=data.kind,
                        starts_at=data.scheduled_at,
                        items=len(data.agenda),
                        planned_minutes=data.planned_minutes,
                        duration_minutes=data.duration_minutes,
                    )
                )
            return reminders

    def draft_markdown(self, meeting_id: str) -> str:
        """The meeting's agenda as Markdown: sections, time boxes, carried counts, total."""
        with self.store.transaction(write=False) as session:
            meeting = self._meetings._load(session, meeting_id, include_deleted=True)
            return agenda_markdown(meeting)

    # -- finding and planning -----------------------------------------------------------------

    def _person(self, session: Session, person_id: str) -> Person:
        person = session.scalar(
            select(Person).where(Person.id == person_id, Person.deleted_at.is_(None))
        )
        if person is None:
            raise ValidationError(f"No person with id {person_id}.")
        return person

    def _template(self, session: Session, template_id: str) -> AgendaTemplate:
        template = session.scalar(
            select(AgendaTemplate).where(
                AgendaTemplate.id == template_id, AgendaTemplate.deleted_at.is_(None)
            )
        )
        if template is None:
            raise ValidationError(f"No agenda template with id {template_id}.")
        return template

    def _meetings_of(self, person_id: str, *where: ColumnElement[bool]) -> Any:
        return select(Meeting).where(
            Meeting.person_id == person_id, Meeting.deleted_at.is_(None), *where
        )

    def _next_planned(self, session: Session, person_id: str) -> Meeting | None:
        query = self._meetings_of(
            person_id,
            Meeting.status == MeetingStatus.PLANNED.value,
            Meeting.scheduled_at >= self.clock() - STILL_NEXT,
        ).order_by(Meeting.scheduled_at)
        return session.scalars(query.limit(1)).first()

    def _last_held(self, session: Session, person_id: str, before: datetime) -> Meeting | None:
        query = self._meetings_of(
            person_id,
            Meeting.status == MeetingStatus.HELD.value,
            Meeting.scheduled_at <= before,
        ).order_by(Meeting.scheduled_at.desc())
        return session.scalars(query.limit(1)).first()

    def _suggested(self, session: Session, person: Person) -> date:
        planned = self._next_planned(session, person.id)
        if planned is not None:
            return _local_date(planned.scheduled_at)
        today = _local_date(self.clock())
        cadence = person.cadence_days or DEFAULT_CADENCE_DAYS
        last = self._last_held(session, person.id, self.clock())
        if last is None:
            return _weekday(today + timedelta(days=cadence))
        day = _local_date(last.scheduled_at) + timedelta(days=cadence)
        while day < today:  # missed ones: the next date on the rhythm, not one in the past
            day += timedelta(days=cadence)
        return _weekday(day)

    def _plan(self, session: Session, person: Person, template_id: str | None) -> Meeting:
        day = self._suggested(session, person)
        last = session.scalars(
            self._meetings_of(person.id).order_by(Meeting.scheduled_at.desc()).limit(1)
        ).first()
        at = planned_at(session, last).astimezone().time() if last else DEFAULT_TIME
        scheduled = local_moment(day, at)
        template = template_id or self._default_template(session, person, last)
        first_name = person.name.split()[0] if person.name.split() else person.name
        kind = KIND_BY_ROLE.get(person.role, MeetingKind.ONE_ON_ONE.value)
        meeting = self._meetings._new(
            Meeting,
            person_id=person.id,
            title=clip(f"{meeting_kind_noun(kind)} with {first_name}", 300),
            kind=kind,
            scheduled_at=scheduled,
            duration_minutes=last.duration_minutes if last else 30,
            template_id=template,
        )
        session.add(meeting)
        session.flush()
        return meeting

    def _default_template(
        self, session: Session, person: Person, last: Meeting | None
    ) -> str | None:
        """The template of the last meeting with the person, else the shipped one for the
        person's role, if the user still has it."""
        candidates = [last.template_id if last else None, shipped_default(session, person.role)]
        for template_id in candidates:
            if template_id and session.scalar(
                select(AgendaTemplate.pk).where(
                    AgendaTemplate.id == template_id, AgendaTemplate.deleted_at.is_(None)
                )
            ):
                return template_id
        return None

    # -- drafting ----------------------------------------------------------------------------

    def _draft(
        self,
        session: Session,
        meeting: Meeting,
        template_id: str | None,
        stale_days: int | None,
    ) -> MeetingData:
        if meeting.status == MeetingStatus.HELD.value:
            raise ValidationError(
                "This meeting was held and is now a record; reopen it to change it."
            )
        if template_id is not None:
            meeting.template_id = template_id
        person = meeting.person
        if person is None:
            raise ValidationError("This meeting is with nobody; choose a person to draft for.")
        now = self.clock()
        last = self._last_held(session, person.id, meeting.scheduled_at)
        today = _local_date(now)
        context = Context(
            session=session,
            meeting=meeting,
            person=person,
            who=audience(session, person.id),
            last=last,
            since=_local_date(last.scheduled_at)
            if last
            else today - timedelta(days=FIRST_LOOKBACK_DAYS),
            now=now,
            today=today,
            stale_days=stale_days_in(session, stale_days),
            user_name=your_name_in(session) or "you",
        )
        wanted = candidates(context)
        agenda = current(session, self._meetings, meeting, wanted)
        topics = [item_topic(session, item) for item in agenda.fixed]
        fitted = fit(wanted, agenda, topics, meeting.duration_minutes)
        merge(session, self._meetings, meeting, agenda, fitted)
        session.flush()
        session.expire(meeting, ["agenda_items"])
        return self._meetings._data(session, meeting)
