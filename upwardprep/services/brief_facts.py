"""What a meeting brief states, decided here so the brief only lays it out.

"Land these three" are the three decisions or asks that matter most, written as the ask with
the person who must answer it (an open risk's ask, an ask logged since the last 1:1, a decision
the other side owes, a priority to confirm), one per topic. The brief's notes come from the same
rule as the agenda (services.concerns); private notes never reach it. People are named: the
user by the "Your name" setting (else the account's full name), never "me" or "them".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import selectinload

from upwardprep.services.agenda_sources import names_in
from upwardprep.services.common import Clock, NotFound, system_clock
from upwardprep.services.concerns import audience, concerning
from upwardprep.services.document_facts import DocumentFacts, PriorityFact
from upwardprep.services.labels import (
    OPEN_STATUSES,
    ActionOwner,
    MeetingStatus,
    OutcomeKind,
    PriorityStatus,
)
from upwardprep.services.meetings import ActionItemData, MeetingData
from upwardprep.services.outcomes import OutcomeData
from upwardprep.services.people import PersonData
from upwardprep.services.settings import your_name_in
from upwardprep.store.engine import Store
from upwardprep.store.entities import Meeting, Outcome

# Without an earlier 1:1, a brief looks this far back for outcomes.
BRIEF_LOOKBACK_DAYS = 14
LAND = 3
# A brief prints a dozen of each at most: read that many (and count the rest).
READ_OUTCOMES = 12
READ_RISKS = 40
READ_ASKS = 20
# An action the other side owes that reads as a decision to take in the room.
_DECISION = re.compile(
    r"^\s*(decide|approve|agree|sign[ -]?off|confirm|choose|pick|accept)\b", re.IGNORECASE
)
YOU = "You"  # the user, when neither "Your name" nor the account says who they are


@dataclass(frozen=True)
class Ask:
    """One thing to land: the ask as it would be said, and who must answer it."""

    text: str
    owner: str
    about: str  # the risk, note, action or priority it comes from


@dataclass(frozen=True)
class ActionFact:
    title: str
    owner: str  # ActionOwner code: me, them, person
    owner_name: str  # the person's name (the user's too)
    due_on: date | None
    overdue: bool
    carry_count: int


@dataclass(frozen=True)
class BriefFacts:
    meeting: MeetingData
    person: PersonData | None
    today: date
    stale_days: int
    user_name: str  # "Your name", else the account's full name, else ""
    last_held_on: date | None  # the last held meeting with the person before this one
    since: date  # outcomes from this day on are "since the last 1:1"
    land: tuple[Ask, ...]  # "Land these three"
    outcomes: tuple[OutcomeData, ...]  # the latest since `since` (not risks), oldest first
    outcomes_total: int  # all of them
    risks: tuple[OutcomeData, ...]  # open, the oldest first
    risks_total: int
    priorities: tuple[PriorityFact, ...]  # the person's (else every open one), in rank order
    actions: tuple[ActionFact, ...]  # open, due first

    @property
    def stale(self) -> tuple[PriorityFact, ...]:
        return tuple(fact for fact in self.priorities if fact.stale)

    @property
    def you(self) -> str:
        return self.user_name or YOU


def _local_date(moment: datetime) -> date:
    return moment.astimezone().date()


def _same_topic(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= 2


class BriefService:
    """Reads for the meeting brief; each call only reads."""

    def __init__(self, store: Store, *, clock: Clock = system_clock, facts: DocumentFacts) -> None:
        self.store = store
        self.clock = clock
        self.facts = facts

    def facts_for(self, meeting_id: str, *, stale_days: int | None = None) -> BriefFacts:
        facts = self.facts
        meeting = facts.meetings.get(meeting_id)
        if meeting.deleted_at is not None:
            raise NotFound("That meeting is in the Trash; restore it first.")
        days = facts.stale_days(stale_days)
        today = _local_date(self.clock())
        person = facts.people.get(meeting.person_id) if meeting.person_id else None
        start = _local_date(meeting.scheduled_at)
        with self.store.transaction(write=False) as session:
            user_name = your_name_in(session)
            last = None
            where: list[ColumnElement[bool]] = [
                Outcome.deleted_at.is_(None),
                Outcome.private.is_(False),
            ]
            if person is not None:
                last = session.scalar(
                    select(Meeting.scheduled_at)
                    .where(
                        Meeting.person_id == person.id,
                        Meeting.status == MeetingStatus.HELD.value,
                        Meeting.deleted_at.is_(None),
                        Meeting.scheduled_at < meeting.scheduled_at,
                        Meeting.id != meeting.id,
                    )
                    .order_by(Meeting.scheduled_at.desc())
                    .limit(1)
                )
                where = [concerning(audience(session, person.id))]
            last_on = _local_date(last) if last else None
            since = last_on or start - timedelta(days=BRIEF_LOOKBACK_DAYS)
            recent = [
                *where,
                Outcome.kind != OutcomeKind.RISK.value,
                Outcome.occurred_on >= since,
                Outcome.occurred_on <= start,
            ]
            open_risks = [
                *where,
                Outcome.kind == OutcomeKind.RISK.value,
                Outcome.resolved_on.is_(None),
            ]
            asks = [*recent, Outcome.ask != "", Outcome.resolved_on.is_(None)]

            def read(
                clauses: list[ColumnElement[bool]], limit: int, *, newest: bool = False
            ) -> list[OutcomeData]:
                order = (
                    (Outcome.occurred_on.desc(), Outcome.pk.desc())
                    if newest
                    else (
                        Outcome.occurred_on,
                        Outcome.pk,
                    )
                )
                found = session.scalars(
                    select(Outcome)
                    .where(*clauses)
                    .options(selectinload(Outcome.priorities), selectinload(Outcome.tags))
                    .order_by(*order)
                    .limit(limit)
                )
                notes = [facts.outcomes._data(session, note) for note in found]
                return notes[::-1] if newest else notes

            def count(clauses: list[ColumnElement[bool]]) -> int:
                return session.scalar(select(func.count(Outcome.pk)).where(*clauses)) or 0

            outcomes = read(recent, READ_OUTCOMES, newest=True)
            outcomes_total = count(recent)
            risks = read(open_risks, READ_RISKS)
            risks_total = count(open_risks)
            ask_notes = read(asks, READ_ASKS)
        priorities = (
            [
                p
                for p in facts.priorities.list(owner_id=person.id)
                if p.status != PriorityStatus.DROPPED
            ]
            if person
            else []
        )
        if not priorities:
            priorities = facts.priorities.list(statuses=list(OPEN_STATUSES))
        priority_facts = facts.priority_facts(priorities, stale_days=days)
        actions = (
            facts.meetings.open_actions(person_id=person.id)
            if person
            else [a for a in meeting.action_items if a.is_open]
        )
        names = {p.id: p.name for p in facts.people.list(include_deleted=True)}
        you = user_name or YOU
        action_facts = [self._action_fact(a, meeting, names, today, you) for a in actions]
        return BriefFacts(
            meeting=meeting,
            person=person,
            today=today,
            stale_days=days,
            user_name=user_name,
            last_held_on=last_on,
            since=since,
            land=tuple(
                _land(person, risks, ask_notes, action_facts, priority_facts, you, last_on, today)
            ),
            outcomes=tuple(outcomes),
            outcomes_total=outcomes_total,
            risks=tuple(risks),
            risks_total=risks_total,
            priorities=tuple(priority_facts),
            actions=tuple(action_facts),
        )

    @staticmethod
    def _action_fact(
        action: ActionItemData,
        meeting: MeetingData,
        names: dict[str, str],
        today: date,
        you: str,
    ) -> ActionFact:
        if action.owner == ActionOwner.THEM:
            owner_name = meeting.person_name or "Them"
        elif action.owner == ActionOwner.PERSON:
            owner_name = names.get(action.owner_person_id or "", "Someone else")
        else:
            owner_name = you
        return ActionFact(
            title=action.title,
            owner=action.owner,
            owner_name=owner_name,
            due_on=action.due_on,
            overdue=action.due_on is not None and action.due_on < today,
            carry_count=action.carry_count,
        )


def _land(
    person: PersonData | None,
    risks: list[OutcomeData],
    notes: list[OutcomeData],
    actions: list[ActionFact],
    priorities: list[PriorityFact],
    you: str,
    last_on: date | None,
    today: date,
) -> list[Ask]:
    """The three asks to land, most important first, one per topic."""
    asked = person.name if person else you
    ranked: list[tuple[float, Ask, frozenset[str]]] = []
    for risk in risks:
        if risk.ask.strip():
            age = min(max((today - risk.occurred_on).days, 0), 60)
            ask = Ask(risk.ask.strip(), asked, risk.title)
            ranked.append((100 + age / 6, ask, names_in(f"{risk.title} {risk.ask}")))
    for note in notes:
        fresh = last_on is None or note.occurred_on >= last_on
        if note.ask.strip() and note.resolved_on is None and fresh:
            ask = Ask(note.ask.strip(), asked, note.title)
            ranked.append((80, ask, names_in(f"{note.title} {note.ask}")))
    for action in actions:
        if action.owner != ActionOwner.ME and _DECISION.match(action.title):
            score = 70 + 5 * min(action.carry_count, 4) + (10 if action.overdue else 0)
            ranked.append(
                (score, Ask(action.title, action.owner_name, action.title), names_in(action.title))
            )
    for fact in priorities:
        if fact.stale:
            when = (
                f"last confirmed {fact.days_unconfirmed} days ago"
                if fact.days_unconfirmed is not None
                else "never confirmed"
            )
            text = f"Confirm “{fact.priority.title}” still holds ({when})"
            ask = Ask(text, fact.owner or you, fact.priority.title)
            ranked.append((50, ask, names_in(fact.priority.title)))
    chosen: list[tuple[Ask, frozenset[str]]] = []
    for _score, ask, names in sorted(ranked, key=lambda entry: -entry[0]):
        if any(_same_topic(names, taken) for _, taken in chosen):
            continue
        chosen.append((ask, names))
        if len(chosen) == LAND:
            break
    return [ask for ask, _ in chosen]
