"""The person page: everything about one working relationship that matters before the next
conversation, read in one transaction for one screen.

Selecting a person in People shows when the next 1:1 is, what each side still owes the other,
the priorities they own (or, for someone who owns none, the goals aligned to theirs), the last
notes about them and how they like to be communicated with. The rules of who owes what live
here, so the page only lays the answer out.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from upwardprep.services.common import Clock, NotFound, system_clock
from upwardprep.services.dashboard import NextOneOnOne, next_one_on_ones
from upwardprep.services.labels import cadence_text
from upwardprep.services.meetings import live_copies
from upwardprep.services.outcomes import OUTCOME_ROW_COLUMNS, OutcomeRow
from upwardprep.services.people import PeopleService, PersonData
from upwardprep.services.priorities import OPEN_STATUSES, PriorityData, PriorityService
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    ActionOwner,
    Meeting,
    Outcome,
    Person,
    Priority,
    outcome_priorities,
)

RECENT_OUTCOMES = 6


@dataclass(frozen=True)
class OwedItem:
    """An open action item between the user and the person."""

    id: str
    title: str
    due_on: date | None
    overdue: bool
    meeting_id: str | None  # the meeting it is on (where it is ticked)


@dataclass(frozen=True)
class PersonHub:
    person: PersonData
    today: date
    cadence: str  # "every week", or "" without a regular 1:1
    next_one_on_one: NextOneOnOne | None  # None: nothing planned and no rhythm to go by
    mine: tuple[OwedItem, ...]  # what the user owes them, soonest due first
    theirs: tuple[OwedItem, ...]  # what they owe the user
    priorities: tuple[PriorityData, ...]  # open priorities they own, in rank order
    aligned: tuple[PriorityData, ...]  # open goals of others aligned below theirs
    recent: tuple[OutcomeRow, ...]  # the newest notes about them (about_clause)
    recent_total: int  # how many notes about them there are in all


def owed_clauses(person_id: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """(mine, theirs) over action items joined to their meeting: the user owes the person what
    the user took on in a meeting with them; the person owes the user what they took on there
    ("them"), and anything named after them in any meeting."""
    mine = and_(ActionItem.owner == ActionOwner.ME.value, Meeting.person_id == person_id)
    theirs = or_(
        and_(ActionItem.owner == ActionOwner.THEM.value, Meeting.person_id == person_id),
        and_(ActionItem.owner == ActionOwner.PERSON.value, ActionItem.owner_person_id == person_id),
    )
    return mine, theirs


def about_clause(person_id: str) -> ColumnElement[bool]:
    """A note is about a person when it names them, or serves a priority they own (for a
    manager, the notes on their priorities are what the next 1:1 is about)."""
    on_theirs = (
        select(outcome_priorities.c.outcome_id)
        .join(Priority, Priority.id == outcome_priorities.c.priority_id)
        .where(Priority.owner_id == person_id, Priority.deleted_at.is_(None))
    )
    return or_(Outcome.person_id == person_id, Outcome.id.in_(on_theirs))


class PersonHubService:
    def __init__(
        self,
        store: Store,
        *,
        clock: Clock = system_clock,
        people: PeopleService,
        priorities: PriorityService,
    ) -> None:
        self.store = store
        self.clock = clock
        self.people = people
        self.priorities = priorities

    def read(self, person_id: str, *, recent: int = RECENT_OUTCOMES) -> PersonHub:
        """Everything the person page shows (NotFound for a person not in the store or in
        the Trash)."""
        now = self.clock()
        today = now.astimezone().date()
        with self.store.transaction(write=False) as session:
            person = session.scalar(
                select(Person).where(Person.id == person_id, Person.deleted_at.is_(None))
            )
            if person is None:
                raise NotFound(f"No person with id {person_id}.")
            upcoming = next_one_on_ones(session, [person], now, today)
            mine, theirs = owed_clauses(person.id)
            theirs_priorities = self._open_priorities(session, Priority.owner_id == person.id)
            ids = [p.id for p in theirs_priorities]
            aligned = (
                self._open_priorities(
                    session,
                    Priority.parent_id.in_(ids),
                    or_(Priority.owner_id.is_(None), Priority.owner_id != person.id),
                )
                if ids
                else []
            )
            about = (about_clause(person.id), Outcome.deleted_at.is_(None))
            rows = session.execute(
                select(*OUTCOME_ROW_COLUMNS)
                .where(*about)
                .order_by(Outcome.occurred_on.desc(), Outcome.pk.desc())
                .limit(recent)
            ).all()
            total = session.scalar(select(func.count(Outcome.pk)).where(*about)) or 0
            return PersonHub(
                person=self.people._data(session, person),
                today=today,
                cadence=cadence_text(person.cadence_days),
                next_one_on_one=upcoming[0] if upcoming else None,
                mine=self._owed(session, mine, today),
                theirs=self._owed(session, theirs, today),
                priorities=tuple(theirs_priorities),
                aligned=tuple(aligned),
                recent=tuple(OutcomeRow(*row) for row in rows),
                recent_total=total,
            )

    def _open_priorities(
        self, session: Session, *where: ColumnElement[bool]
    ) -> builtins.list[PriorityData]:
        return [
            self.priorities._data(session, priority)
            for priority in session.scalars(
                select(Priority)
                .where(Priority.deleted_at.is_(None), Priority.status.in_(OPEN_STATUSES), *where)
                .order_by(Priority.rank, Priority.title)
            ).unique()
        ]

    def _owed(
        self, session: Session, which: ColumnElement[bool], today: date
    ) -> tuple[OwedItem, ...]:
        """Open items at the head of their carry-over chain (a carried copy stands for the
        item it continues), soonest due first, undated last."""
        items = session.scalars(
            select(ActionItem)
            .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
            .where(
                which,
                ActionItem.done_at.is_(None),
                ActionItem.deleted_at.is_(None),
                Meeting.deleted_at.is_(None),
                ActionItem.id.not_in(live_copies()),
            )
            .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
        )
        return tuple(
            OwedItem(
                item.id,
                item.title,
                item.due_on,
                item.due_on is not None and item.due_on < today,
                item.meeting_id,
            )
            for item in items
        )
