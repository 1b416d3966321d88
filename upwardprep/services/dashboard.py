"""The dashboard: the next 1:1s, priorities to confirm, silent ones, unaligned work, open action
items and the documenting rhythm, read in one transaction for one screen.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from upwardprep.services.alignment import (
    DEFAULT_SILENT_WEEKS,
    ME,
    AlignmentService,
    SilentPriority,
    UnalignedWork,
    owner_label,
    period_clauses,
)
from upwardprep.services.common import Clock, ValidationError, system_clock
from upwardprep.services.labels import Role
from upwardprep.services.priorities import DEFAULT_STALE_DAYS, PriorityData, stale_clause
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    Meeting,
    MeetingStatus,
    Outcome,
    Person,
    Priority,
)

RHYTHM_WEEKS = 13  # a quarter
MEETING_ROLES = (Role.MANAGER.value, Role.SKIP_LEVEL.value, Role.REPORT.value)


@dataclass(frozen=True)
class NextOneOnOne:
    person_id: str
    person_name: str
    role: str
    meeting_id: str | None  # the planned meeting, if one exists
    when: datetime | None  # its time; without a meeting, when the cadence says it is due
    overdue: bool


@dataclass(frozen=True)
class OpenAction:
    id: str
    title: str
    owner_label: str  # "Me" or a person's name
    due_on: date | None
    overdue: bool
    meeting_person: str | None  # whose 1:1 it came from
    carry_count: int


@dataclass(frozen=True)
class ActionGroup:
    owner_label: str
    items: tuple[OpenAction, ...]


@dataclass(frozen=True)
class WeekCount:
    week_start: date  # a Monday
    count: int


@dataclass(frozen=True)
class StalePriority:
    priority: PriorityData
    days_unconfirmed: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    next_one_on_ones: tuple[NextOneOnOne, ...]
    needs_confirmation: tuple[StalePriority, ...]
    silent: tuple[SilentPriority, ...]
    unaligned: UnalignedWork
    actions: tuple[ActionGroup, ...]
    rhythm: tuple[WeekCount, ...]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def next_one_on_ones(
    session: Session, people: Sequence[Person], now: datetime, today: date
) -> builtins.list[NextOneOnOne]:
    """When each person's next 1:1 is: the first meeting planned from today on, else the last
    held one plus their cadence (overdue when that is past); soonest first. People with
    neither are left out. The dashboard and the person page both ask this."""
    today_start = datetime.combine(today, time.min).astimezone()
    ids = [person.id for person in people]
    planned: dict[str, Meeting] = {}
    for meeting in session.scalars(
        select(Meeting)
        .where(
            Meeting.status == MeetingStatus.PLANNED.value,
            Meeting.deleted_at.is_(None),
            Meeting.person_id.in_(ids),
            Meeting.scheduled_at >= today_start,
        )
        .order_by(Meeting.scheduled_at)
    ).unique():
        planned.setdefault(meeting.person_id or "", meeting)
    last_held = dict(
        session.execute(
            select(Meeting.person_id, func.max(Meeting.scheduled_at))
            .where(
                Meeting.status == MeetingStatus.HELD.value,
                Meeting.deleted_at.is_(None),
                Meeting.person_id.in_(ids),
            )
            .group_by(Meeting.person_id)
        ).all()
    )
    found = []
    for person in people:
        next_meeting = planned.get(person.id)
        if next_meeting is not None:
            when: datetime | None = next_meeting.scheduled_at
            found.append(
                NextOneOnOne(person.id, person.name, person.role, next_meeting.id, when, False)
            )
        elif person.cadence_days and person.id in last_held:
            when = last_held[person.id] + timedelta(days=person.cadence_days)
            found.append(NextOneOnOne(person.id, person.name, person.role, None, when, when < now))
    found.sort(key=lambda n: n.when or now)
    return found


class DashboardService:
    def __init__(
        self, store: Store, *, clock: Clock = system_clock, alignment: AlignmentService
    ) -> None:
        self.store = store
        self.clock = clock
        self.alignment = alignment

    def today(self) -> date:
        return self.clock().astimezone().date()

    def rhythm(self, *, weeks: int = RHYTHM_WEEKS) -> builtins.list[WeekCount]:
        """Notes documented per week, oldest week first, ending with the current week."""
        with self.store.transaction(write=False) as session:
            return self._rhythm(session, weeks)

    def _rhythm(self, session: Session, weeks: int) -> builtins.list[WeekCount]:
        if not 1 <= weeks <= 520:
            raise ValidationError("Show between 1 and 520 weeks.")
        today = self.today()
        first = _monday(today) - timedelta(weeks=weeks - 1)
        counts = [0] * weeks
        for day, count in session.execute(
            select(Outcome.occurred_on, func.count())
            .where(*period_clauses(first, today))
            .group_by(Outcome.occurred_on)
        ):
            counts[(day - first).days // 7] += count
        return [WeekCount(first + timedelta(weeks=i), n) for i, n in enumerate(counts)]

    def _next_one_on_ones(self, session: Session, limit: int) -> builtins.list[NextOneOnOne]:
        people = session.scalars(
            select(Person).where(Person.deleted_at.is_(None), Person.role.in_(MEETING_ROLES))
        ).all()
        return next_one_on_ones(session, people, self.clock(), self.today())[:limit]

    def _open_actions(self, session: Session) -> builtins.list[ActionGroup]:
        today = self.today()
        carried = select(ActionItem.carried_from_id).where(ActionItem.carried_from_id.is_not(None))
        owner_person = aliased(Person)
        rows = session.execute(
            select(ActionItem, Person.name, owner_person.name)
            .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
            .outerjoin(Person, Person.id == Meeting.person_id)
            .outerjoin(owner_person, owner_person.id == ActionItem.owner_person_id)
            .where(
                ActionItem.done_at.is_(None),
                ActionItem.deleted_at.is_(None),
                ActionItem.id.not_in(carried),
            )
            .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
        ).all()
        groups: dict[str, builtins.list[OpenAction]] = {}
        for item, meeting_person, owner_name in rows:
            label = owner_label(item, meeting_person, owner_name)
            groups.setdefault(label, []).append(
                OpenAction(
                    item.id,
                    item.title,
                    label,
                    item.due_on,
                    item.due_on is not None and item.due_on < today,
                    meeting_person,
                    item.carry_count,
                )
            )
        order = sorted(groups, key=lambda label: (label != ME, label.casefold()))
        return [ActionGroup(label, tuple(groups[label])) for label in order]

    def read(
        self,
        *,
        stale_days: int = DEFAULT_STALE_DAYS,
        silent_weeks: int = DEFAULT_SILENT_WEEKS,
        rhythm_weeks: int = RHYTHM_WEEKS,
        unaligned_limit: int = 8,
        meetings_limit: int = 6,
    ) -> Dashboard:
        """Everything the dashboard shows, read in one transaction. Unaligned work is counted
        over the rhythm's window (the last quarter), the notes a user can still place."""
        today = self.today()
        now = self.clock()
        with self.store.transaction(write=False) as session:
            stale = [
                StalePriority(
                    self.alignment.priorities._data(session, p),
                    (now - (p.last_confirmed_at or p.created_at)).days,
                )
                for p in session.scalars(
                    select(Priority)
                    .where(Priority.deleted_at.is_(None), stale_clause(now, stale_days))
                    .order_by(Priority.rank)
                ).unique()
            ]
            stale.sort(key=lambda s: -s.days_unconfirmed)
            rhythm = self._rhythm(session, rhythm_weeks)
            return Dashboard(
                today=today,
                next_one_on_ones=tuple(self._next_one_on_ones(session, meetings_limit)),
                needs_confirmation=tuple(stale),
                silent=tuple(self.alignment._silent(session, silent_weeks, None)),
                unaligned=self.alignment._unaligned(
                    session, rhythm[0].week_start, today, unaligned_limit
                ),
                actions=tuple(self._open_actions(session)),
                rhythm=tuple(rhythm),
            )
