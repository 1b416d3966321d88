"""The review workspace: a review cycle's period as the Reviews section shows it (its notes by
priority, the feedback and learning, the action items agreed and whether they got done).
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from upwardprep.services.alignment import (
    FEEDBACK_KINDS,
    WORK_KINDS,
    AlignmentService,
    owner_label,
    period_clauses,
)
from upwardprep.services.common import Clock, system_clock
from upwardprep.services.labels import OutcomeKind
from upwardprep.services.priorities import OWNER_ORDER
from upwardprep.services.reviews import ReviewCycleData, ReviewService
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    Meeting,
    Outcome,
    Person,
    Priority,
    outcome_priorities,
)


@dataclass(frozen=True)
class ReviewNote:
    id: str
    title: str
    kind: str
    occurred_on: date
    impact: str
    metric_delta: str
    evidence_url: str
    private: bool


@dataclass(frozen=True)
class PriorityGroup:
    priority_id: str | None  # None: notes linked to no priority
    title: str
    owner_name: str | None
    outcomes: tuple[ReviewNote, ...]


@dataclass(frozen=True)
class ActionRecord:
    title: str
    owner_label: str
    due_on: date | None
    done_on: date | None

    @property
    def on_time(self) -> bool:
        return self.done_on is not None and (self.due_on is None or self.done_on <= self.due_on)


@dataclass(frozen=True)
class ReviewWorkspace:
    cycle: ReviewCycleData
    by_priority: tuple[PriorityGroup, ...]
    feedback: tuple[ReviewNote, ...]
    learning: tuple[ReviewNote, ...]
    actions: tuple[ActionRecord, ...]

    @property
    def outcome_count(self) -> int:
        return len({note.id for group in self.by_priority for note in group.outcomes})

    def notes(self) -> builtins.list[ReviewNote]:
        """Every note of the period once, newest first (for the outcome picker)."""
        seen: dict[str, ReviewNote] = {}
        for group in self.by_priority:
            for note in group.outcomes:
                seen.setdefault(note.id, note)
        for note in (*self.feedback, *self.learning):
            seen.setdefault(note.id, note)
        return sorted(seen.values(), key=lambda n: (n.occurred_on, n.title), reverse=True)


class ReviewWorkspaceService:
    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = system_clock,
        alignment: AlignmentService,
        reviews: ReviewService,
    ) -> None:
        self.store = store
        self.clock = clock
        self.alignment = alignment
        self.reviews = reviews

    def read(self, cycle_id: str) -> ReviewWorkspace:
        """A review cycle's period: its notes by priority, feedback, learning, action items."""
        with self.store.transaction(write=False) as session:
            cycle = self.reviews._load(session, cycle_id, include_deleted=True)
            data = self.reviews._data(session, cycle)
            where = period_clauses(cycle.period_start, cycle.period_end)
            notes = {
                row.id: ReviewNote(*row)
                for row in session.execute(
                    select(
                        Outcome.id,
                        Outcome.title,
                        Outcome.kind,
                        Outcome.occurred_on,
                        Outcome.impact,
                        Outcome.metric_delta,
                        Outcome.evidence_url,
                        Outcome.private,
                    )
                    .where(*where)
                    .order_by(Outcome.occurred_on, Outcome.pk)
                )
            }
            links = session.execute(
                select(outcome_priorities.c.outcome_id, Priority.id, Priority.title)
                .join(Priority, Priority.id == outcome_priorities.c.priority_id)
                .join(Outcome, Outcome.id == outcome_priorities.c.outcome_id)
                .where(*where, Priority.deleted_at.is_(None))
            ).all()
            rows = self.alignment._priority_rows(session)
            priorities = {p.id: p for p, _role in rows}
            roles = {p.id: role for p, role in rows}
            actions = self._period_actions(session, cycle.period_start, cycle.period_end)
        grouped: dict[str | None, builtins.list[ReviewNote]] = {}
        linked: set[str] = set()
        for outcome_id, priority_id, _title in links:
            note = notes[outcome_id]
            if note.kind in WORK_KINDS:
                grouped.setdefault(priority_id, []).append(note)
                linked.add(outcome_id)
        work = [n for n in notes.values() if n.kind in WORK_KINDS]
        loose = [n for n in work if n.id not in linked]

        def rank(pid: str) -> tuple[object, ...]:
            p = priorities[pid]
            return (OWNER_ORDER.get(roles[pid], 6), (p.owner_name or "").casefold(), p.rank)

        groups = [
            PriorityGroup(
                pid,
                priorities[pid].title,
                priorities[pid].owner_name,
                tuple(sorted(grouped[pid], key=lambda n: n.occurred_on)),
            )
            for pid in sorted((k for k in grouped if k in priorities), key=rank)
        ]
        if loose:
            groups.append(PriorityGroup(None, "Not linked to a priority", None, tuple(loose)))
        return ReviewWorkspace(
            data,
            tuple(groups),
            tuple(n for n in notes.values() if n.kind in FEEDBACK_KINDS),
            tuple(n for n in notes.values() if n.kind == OutcomeKind.LEARNING.value),
            tuple(actions),
        )

    def _period_actions(self, session: Session, start: date, end: date) -> Sequence[ActionRecord]:
        """Action items agreed in the period's meetings (a carried copy is the same item)."""
        first = datetime.combine(start, time.min).astimezone()
        last = datetime.combine(end + timedelta(days=1), time.min).astimezone()
        owner_person = aliased(Person)
        rows = session.execute(
            select(ActionItem, Person.name, owner_person.name)
            .join(Meeting, Meeting.id == ActionItem.meeting_id)
            .outerjoin(Person, Person.id == Meeting.person_id)
            .outerjoin(owner_person, owner_person.id == ActionItem.owner_person_id)
            .where(
                ActionItem.deleted_at.is_(None),
                ActionItem.carried_from_id.is_(None),
                Meeting.deleted_at.is_(None),
                Meeting.scheduled_at >= first,
                Meeting.scheduled_at < last,
            )
            .order_by(Meeting.scheduled_at, ActionItem.created_at)
        ).all()
        # a carried copy continues the item: the end of its chain says whether it got done
        continued = {
            row.carried_from_id: (row.id, row.done_at)
            for row in session.execute(
                select(ActionItem.carried_from_id, ActionItem.id, ActionItem.done_at).where(
                    ActionItem.carried_from_id.is_not(None), ActionItem.deleted_at.is_(None)
                )
            )
        }
        records = []
        for item, meeting_person, owner_name in rows:
            cursor, done = item.id, item.done_at
            for _step in range(len(continued)):
                if done is not None or cursor not in continued:
                    break
                cursor, done = continued[cursor]
            records.append(
                ActionRecord(
                    item.title,
                    owner_label(item, meeting_person, owner_name),
                    item.due_on,
                    done.astimezone().date() if done else None,
                )
            )
        return records
