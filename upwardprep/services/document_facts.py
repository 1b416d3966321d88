"""The facts a printed document states, decided here so that documents only lay them out.

Which priorities are stale (by the user's setting), who owns what, which notes serve which
priority, what happened since the last 1:1: a brief or a packet prints these, it never works
them out again (a document that re-implements "stale" drifts from the screen that shows it).
Private notes never go into a brief, and into a packet only when the user asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from upwardprep.services.common import Clock, NotFound, system_clock
from upwardprep.services.labels import (
    FEEDBACK_KINDS,
    OPEN_STATUSES,
    MeetingStatus,
    OutcomeKind,
)
from upwardprep.services.meetings import ActionItemData, MeetingData, MeetingService
from upwardprep.services.outcomes import OutcomeData, OutcomeFilter, OutcomeService
from upwardprep.services.people import PeopleService
from upwardprep.services.priorities import PriorityData, PriorityService
from upwardprep.services.reviews import ReviewCycleData, ReviewService
from upwardprep.services.settings import SettingsService, check_stale_days
from upwardprep.store.engine import Store


@dataclass(frozen=True)
class PriorityFact:
    priority: PriorityData
    owner: str | None  # the owner's name; None: the user's own priority
    stale: bool  # its confirmation is overdue, by the user's stale-days setting
    confirmed_on: date | None  # local date of the last confirmation
    days_unconfirmed: int | None  # days since then (None: never confirmed)


@dataclass(frozen=True)
class PacketFacts:
    cycle: ReviewCycleData
    today: date
    people: dict[str, str]  # id → name, the Trash included (old notes name old colleagues)
    notes: tuple[OutcomeData, ...]  # every note of the period, oldest first
    work: tuple[OutcomeData, ...]  # results: not feedback, not learning
    feedback: tuple[OutcomeData, ...]
    learning: tuple[OutcomeData, ...]
    priorities: tuple[PriorityFact, ...]  # those whose period overlaps the cycle's
    by_priority: tuple[tuple[str, tuple[OutcomeData, ...]], ...]  # work notes per priority id
    unaligned: tuple[OutcomeData, ...]  # work notes linked to no priority
    meetings: tuple[MeetingData, ...]  # held in the period, oldest first
    actions_on_time: int  # of the action items due in the period, done by their due date
    actions_due: int


def _local_date(moment: datetime) -> date:
    return moment.astimezone().date()


class DocumentFacts:
    """Reads for the documents (the brief has its own: services.brief_facts)."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = system_clock,
        people: PeopleService | None = None,
        priorities: PriorityService | None = None,
        outcomes: OutcomeService | None = None,
        meetings: MeetingService | None = None,
        reviews: ReviewService | None = None,
        settings: SettingsService | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.people = people or PeopleService(store, clock=clock)
        self.priorities = priorities or PriorityService(store, clock=clock)
        self.outcomes = outcomes or OutcomeService(store, clock=clock)
        self.meetings = meetings or MeetingService(store, clock=clock)
        self.reviews = reviews or ReviewService(store, clock=clock)
        self.settings = settings or SettingsService(store, clock=clock)

    def stale_days(self, override: int | None = None) -> int:
        """The caller's number of days (checked), else the user's setting."""
        return check_stale_days(override) if override is not None else self.settings.stale_days()

    def priority_facts(
        self, priorities: list[PriorityData], *, stale_days: int | None = None
    ) -> list[PriorityFact]:
        """Owner, confirmation and staleness of each priority, in the given order."""
        days = self.stale_days(stale_days)
        now = self.clock()
        today = _local_date(now)
        cutoff = now - timedelta(days=days)
        facts = []
        for priority in priorities:
            confirmed = (
                _local_date(priority.last_confirmed_at) if priority.last_confirmed_at else None
            )
            reference = priority.last_confirmed_at or priority.created_at
            facts.append(
                PriorityFact(
                    priority=priority,
                    owner=priority.owner_name,
                    stale=priority.status in OPEN_STATUSES and reference < cutoff,
                    confirmed_on=confirmed,
                    days_unconfirmed=(today - confirmed).days if confirmed else None,
                )
            )
        return facts

    # -- the review packet ------------------------------------------------------------------

    def packet(
        self, cycle_id: str, *, include_private: bool = False, stale_days: int | None = None
    ) -> PacketFacts:
        cycle = self.reviews.get(cycle_id)
        if cycle.deleted_at is not None:
            raise NotFound(f"The review cycle “{cycle.name}” is in the Trash; restore it first.")
        start, end = cycle.period_start, cycle.period_end
        notes = self.outcomes.list(
            OutcomeFilter(date_from=start, date_to=end, include_private=include_private),
            newest_first=False,
        )
        priorities = [p for p in self.priorities.list() if _overlaps(p, start, end)]
        every_meeting = self.meetings.list()
        held = sorted(
            (
                meeting
                for meeting in every_meeting
                if meeting.status == MeetingStatus.HELD
                and start <= _local_date(meeting.scheduled_at) <= end
            ),
            key=lambda meeting: meeting.scheduled_at,
        )
        work = [o for o in notes if o.kind not in (*FEEDBACK_KINDS, OutcomeKind.LEARNING)]
        by_priority: dict[str, list[OutcomeData]] = {}
        for note in work:
            for pid in note.priority_ids:
                by_priority.setdefault(pid, []).append(note)
        on_time, due = _actions_on_time(every_meeting, start, end)
        return PacketFacts(
            cycle=cycle,
            today=_local_date(self.clock()),
            people={p.id: p.name for p in self.people.list(include_deleted=True)},
            notes=tuple(notes),
            work=tuple(work),
            feedback=tuple(o for o in notes if o.kind in FEEDBACK_KINDS),
            learning=tuple(o for o in notes if o.kind == OutcomeKind.LEARNING),
            priorities=tuple(self.priority_facts(priorities, stale_days=stale_days)),
            by_priority=tuple((pid, tuple(items)) for pid, items in by_priority.items()),
            unaligned=tuple(o for o in work if not o.priority_ids),
            meetings=tuple(held),
            actions_on_time=on_time,
            actions_due=due,
        )


def _overlaps(priority: PriorityData, start: date, end: date) -> bool:
    if priority.period_start and priority.period_start > end:
        return False
    return not (priority.period_end and priority.period_end < start)


def _actions_on_time(meetings: list[MeetingData], start: date, end: date) -> tuple[int, int]:
    """Of the action items due in the period (last link of each carry chain), how many were done
    by their due date."""
    items: dict[str, ActionItemData] = {}
    continued: set[str] = set()
    for meeting in meetings:
        for item in meeting.action_items:
            items[item.id] = item
            if item.carried_from_id:
                continued.add(item.carried_from_id)
    on_time = total = 0
    for item in items.values():
        if item.id in continued or item.due_on is None or not start <= item.due_on <= end:
            continue
        total += 1
        if item.done_at is not None and _local_date(item.done_at) <= item.due_on:
            on_time += 1
    return on_time, total
