"""What a handoff packet states about one working relationship, for whoever takes it over.

A new manager (or the user's successor) needs the person's priorities and how they changed and
were confirmed, what was delivered against each, what is still owed in both directions, what
was decided, and how often the two met. Private notes never go into it: this is read by someone
else, so the filter is here, not left to the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from upwardprep.services.common import Clock, system_clock
from upwardprep.services.meetings import ActionItemData, MeetingData, MeetingService
from upwardprep.services.outcomes import OutcomeData, OutcomeFilter, OutcomeService
from upwardprep.services.people import PeopleService, PersonData
from upwardprep.services.priorities import PriorityChangeData, PriorityData, PriorityService
from upwardprep.store.engine import Store
from upwardprep.store.entities import ActionOwner, MeetingStatus


@dataclass(frozen=True)
class PriorityRecord:
    priority: PriorityData
    owner: str  # the owner's name ("" for the user's own)
    changes: tuple[PriorityChangeData, ...]  # oldest first: created, edits, confirmations
    outcomes: tuple[OutcomeData, ...]  # not private, newest first
    aligned_to: str  # the title of the priority this one serves ("" if none)


@dataclass(frozen=True)
class Decision:
    held_on: date
    meeting: str  # its title or kind
    text: str  # Markdown, as recorded


@dataclass(frozen=True)
class Rhythm:
    cadence_days: int | None  # the agreed cadence
    held: int  # meetings held with the person
    first_held: date | None
    last_held: date | None
    next_planned: datetime | None
    typical_minutes: int | None  # the most common planned length
    average_gap_days: float | None  # between held meetings


@dataclass(frozen=True)
class HandoffFacts:
    person: PersonData
    today: date
    priorities: tuple[PriorityRecord, ...]  # the person's, then those aligned to them
    mine: tuple[ActionItemData, ...]  # open items the user owes the person
    theirs: tuple[ActionItemData, ...]  # open items the person (or someone) owes the user
    decisions: tuple[Decision, ...]  # newest first
    rhythm: Rhythm


class HandoffService:
    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = system_clock,
        people: PeopleService | None = None,
        priorities: PriorityService | None = None,
        outcomes: OutcomeService | None = None,
        meetings: MeetingService | None = None,
    ) -> None:
        self.clock = clock
        self.people = people or PeopleService(store, clock=clock)
        self.priorities = priorities or PriorityService(store, clock=clock)
        self.outcomes = outcomes or OutcomeService(store, clock=clock)
        self.meetings = meetings or MeetingService(store, clock=clock)

    def facts(self, person_id: str) -> HandoffFacts:
        person = self.people.get(person_id)
        every = self.priorities.list()
        titles = {p.id: p.title for p in every}
        theirs = [p for p in every if p.owner_id == person.id]
        aligned = [p for p in every if p.parent_id in {t.id for t in theirs} and p not in theirs]
        records = []
        for priority in [*theirs, *aligned]:
            notes = self.outcomes.list(
                OutcomeFilter(priority_id=priority.id, include_private=False), newest_first=True
            )
            records.append(
                PriorityRecord(
                    priority=priority,
                    owner=priority.owner_name or "",
                    changes=tuple(self.priorities.history(priority.id)),
                    outcomes=tuple(note for note in notes if not note.private),
                    aligned_to=titles.get(priority.parent_id or "", ""),
                )
            )
        meetings = self.meetings.list(person_id=person.id)
        held = sorted((m for m in meetings if m.status == MeetingStatus.HELD), key=_when)
        open_items = self.meetings.open_actions(person_id=person.id)
        now = self.clock()
        planned = sorted(
            (m for m in meetings if m.status == MeetingStatus.PLANNED and m.scheduled_at >= now),
            key=_when,
        )
        return HandoffFacts(
            person=person,
            today=now.astimezone().date(),
            priorities=tuple(records),
            mine=tuple(a for a in open_items if a.owner == ActionOwner.ME),
            theirs=tuple(a for a in open_items if a.owner != ActionOwner.ME),
            decisions=tuple(
                Decision(_day(m), m.title or m.kind, m.decisions.strip())
                for m in reversed(held)
                if m.decisions.strip()
            ),
            rhythm=_rhythm(person, held, planned),
        )


def _when(meeting: MeetingData) -> datetime:
    return meeting.scheduled_at


def _day(meeting: MeetingData) -> date:
    return meeting.scheduled_at.astimezone().date()


def _rhythm(person: PersonData, held: list[MeetingData], planned: list[MeetingData]) -> Rhythm:
    days = [_day(m) for m in held]
    gaps = [(later - earlier).days for earlier, later in pairwise(days)]
    lengths = [m.duration_minutes for m in held + planned]
    return Rhythm(
        cadence_days=person.cadence_days,
        held=len(held),
        first_held=days[0] if days else None,
        last_held=days[-1] if days else None,
        next_planned=planned[0].scheduled_at if planned else None,
        typical_minutes=max(set(lengths), key=lengths.count) if lengths else None,
        average_gap_days=sum(gaps) / len(gaps) if gaps else None,
    )
