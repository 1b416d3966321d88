"""Drafting the next 1:1's agenda from what the store already knows.

`draft_next(person)` finds (or plans) the next meeting with a person and fills its agenda with
drafted items, in this order of sections:

    Carried actions   open action items from earlier meetings with the person    source "action"
    Risks and asks    open risks, and asks logged since the last 1:1             "risk" / "ask"
    Outcomes          outcome notes since the last 1:1, one item per priority    "outcomes"
                      they serve (notes serving none: one item each)             "outcome"
    Confirm           the person's priorities not confirmed for N days           "priority"
    <template name>   the items of the meeting's template                        "template"

Every drafted item names its source (`source_type`, `source_id`: the action item, outcome,
priority or template id), which is how drafting again recognises it. Drafting again leaves the
user's own items and every item the user edited exactly as they are, updates the drafted ones,
drops drafted ones whose source no longer applies (unless already discussed), adds what is new
next to its section, and never adds an item twice.

Whose material goes into whose agenda: for a manager or skip-level, everything that is not private
(managing up means bringing them the whole picture); for anyone else, only what concerns them.
Private notes never go into an agenda: agendas get printed and shared.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, selectinload

from upwardprep.services.agenda_merge import (
    SECTION_ACTIONS,
    SECTION_CONFIRM,
    SECTION_OUTCOMES,
    SECTION_RISKS,
    TEMPLATE_RANK,
    Draft,
    merge,
)
from upwardprep.services.agenda_text import (
    agenda_markdown,
    clip,
    outcome_line,
    outcome_list,
    times,
)
from upwardprep.services.common import (
    MAX_TITLE,
    Clock,
    ValidationError,
    system_clock,
)
from upwardprep.services.labels import meeting_kind_noun
from upwardprep.services.meetings import (
    DEFAULT_CADENCE_DAYS,
    MeetingData,
    MeetingService,
    live_copies,
)
from upwardprep.services.priorities import _owner_order, stale_clause
from upwardprep.services.settings import stale_days_in
from upwardprep.services.templates import TemplateItem, parse_template, shipped_default
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    AgendaTemplate,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Outcome,
    OutcomeKind,
    Person,
    Priority,
    Role,
)

# A planned meeting still counts as "next" for this long after its start (not finished yet).
STILL_NEXT = timedelta(hours=12)
# Without an earlier 1:1, outcomes of this many days go into the first agenda.
FIRST_LOOKBACK_DAYS = 30
DEFAULT_TIME = time(10, 0)
# An agenda is for one conversation: the oldest open risks and asks, the latest outcomes. (Carried
# actions and priorities to confirm are never cut: those are commitments.)
MAX_PER_SECTION = 12
MAX_OUTCOMES = 300  # read at most this many of the latest outcome notes


UPWARD = (Role.MANAGER.value, Role.SKIP_LEVEL.value)
KIND_BY_ROLE = {Role.SKIP_LEVEL.value: MeetingKind.SKIP_LEVEL.value}
MAX_SECTION = 60


def _local_date(moment: datetime) -> date:
    return moment.astimezone().date()


def _weekday(day: date) -> date:
    """Saturday and Sunday move to the Monday after."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


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

    def draft_markdown(self, meeting_id: str) -> str:
        """The meeting's agenda as Markdown: sections, time boxes, carried counts, total."""
        with self.store.transaction(write=False) as session:
            meeting = self._meetings._load(session, meeting_id, include_deleted=True)
            carried = self._carry_counts(session, meeting)
            return agenda_markdown(meeting, carried)

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
        at = last.scheduled_at.astimezone().time() if last else DEFAULT_TIME
        scheduled = datetime.combine(day, at.replace(tzinfo=None)).astimezone().astimezone(UTC)
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
        wanted = self._wanted(session, meeting, stale_days)
        merge(session, self._meetings, meeting, wanted)
        session.flush()
        session.expire(meeting, ["agenda_items"])
        return self._meetings._data(session, meeting)

    def _wanted(
        self, session: Session, meeting: Meeting, stale_days: int | None
    ) -> builtins.list[Draft]:
        person = meeting.person
        if person is None:
            raise ValidationError("This meeting is with nobody; choose a person to draft for.")
        last = self._last_held(session, person.id, meeting.scheduled_at)
        since = (
            _local_date(last.scheduled_at)
            if last
            else _local_date(self.clock()) - timedelta(days=FIRST_LOOKBACK_DAYS)
        )
        days = stale_days_in(session, stale_days)
        drafted = [
            *self._actions(session, meeting),
            *self._risks_and_asks(session, person, since, last),
            *self._outcomes(session, person, meeting, since, last),
            *self._confirmations(session, person, days),
        ]
        # A template heading named like a section the draft fills ("Risks and asks",
        # "Confirm") would be that section a second time, with its own time box.
        filled = {draft.section.casefold() for draft in drafted}
        return [
            *drafted,
            *(
                item
                for item in self._template_items(session, meeting)
                if item.title.casefold() not in filled
            ),
        ]

    def _actions(self, session: Session, meeting: Meeting) -> Iterable[Draft]:
        """Open actions at the head of their chain from the person's meetings (those carried
        into this meeting included; those first written down in it are not carried)."""
        query = (
            select(ActionItem, Meeting.scheduled_at)
            .join(Meeting, Meeting.id == ActionItem.meeting_id)
            .where(
                Meeting.person_id == meeting.person_id,
                Meeting.deleted_at.is_(None),
                ActionItem.deleted_at.is_(None),
                ActionItem.done_at.is_(None),
                ActionItem.id.not_in(live_copies()),
                Meeting.scheduled_at <= meeting.scheduled_at,
                (ActionItem.meeting_id != meeting.id) | (ActionItem.carry_count > 0),
            )
            .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
        )
        people = select(Person.id, Person.name).where(Person.deleted_at.is_(None))
        names = {person_id: name for person_id, name in session.execute(people)}
        them = meeting.person.name if meeting.person else "them"
        for item, held_on in session.execute(query):
            who = {"me": "me", "them": them}.get(item.owner) or names.get(
                item.owner_person_id or "", "someone else"
            )
            facts = [f"Owner: {who}"]
            if item.due_on:
                facts.append(f"due {item.due_on.isoformat()}")
            if item.carry_count:
                facts.append(f"carried {times(item.carry_count)}")
            else:
                facts.append(f"from the meeting on {_local_date(held_on).isoformat()}")
            yield Draft(
                SECTION_ACTIONS,
                clip(item.title, MAX_TITLE),
                " · ".join(facts),
                2,
                "action",
                item.id,
                0,
            )

    def _concerning(self, person: Person) -> builtins.list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = [
            Outcome.deleted_at.is_(None),
            Outcome.private.is_(False),
        ]
        if person.role not in UPWARD:
            where.append(Outcome.person_id == person.id)
        return where

    @staticmethod
    def _not_in(last: Meeting | None) -> builtins.list[ColumnElement[bool]]:
        if last is None:
            return []
        return [(Outcome.meeting_id != last.id) | Outcome.meeting_id.is_(None)]

    def _risks_and_asks(
        self, session: Session, person: Person, since: date, last: Meeting | None
    ) -> Iterable[Draft]:
        risks = session.scalars(
            select(Outcome)
            .where(
                *self._concerning(person),
                Outcome.kind == OutcomeKind.RISK.value,
                Outcome.resolved_on.is_(None),
            )
            .order_by(Outcome.occurred_on)
            .limit(MAX_PER_SECTION)
        )
        for risk in risks:
            body = [f"Open since {risk.occurred_on.isoformat()}."]
            if risk.ask.strip():
                body.append(f"**Ask:** {risk.ask.strip()}")
            yield Draft(
                SECTION_RISKS,
                clip(risk.title, MAX_TITLE),
                "\n\n".join(body),
                5,
                "risk",
                risk.id,
                1,
            )
        asks = session.scalars(
            select(Outcome)
            .where(
                *self._concerning(person),
                Outcome.kind != OutcomeKind.RISK.value,
                Outcome.ask != "",
                Outcome.resolved_on.is_(None),
                Outcome.occurred_on >= since,
                *self._not_in(last),
            )
            .order_by(Outcome.occurred_on)
            .limit(MAX_PER_SECTION)
        )
        for note in asks:
            yield Draft(
                SECTION_RISKS,
                clip(f"Ask: {note.ask.strip()}", MAX_TITLE),
                f"From “{note.title}” ({note.occurred_on.isoformat()}).",
                5,
                "ask",
                note.id,
                1,
            )

    def _outcomes(
        self,
        session: Session,
        person: Person,
        meeting: Meeting,
        since: date,
        last: Meeting | None,
    ) -> Iterable[Draft]:
        """Outcomes since the last 1:1 (and those linked to this meeting), by priority."""
        where = [*self._concerning(person), Outcome.kind != OutcomeKind.RISK.value]
        # Notes dated the day of the last 1:1 count, unless they were written in it.
        newer: ColumnElement[bool] = and_(
            (Outcome.occurred_on >= since) | (Outcome.meeting_id == meeting.id),
            *self._not_in(last),
        )
        notes = session.scalars(
            select(Outcome)
            .where(*where, newer)
            .options(selectinload(Outcome.priorities))
            .order_by(Outcome.occurred_on.desc(), Outcome.pk.desc())
            .limit(MAX_OUTCOMES)
        ).all()[::-1]
        groups: dict[str, tuple[Priority, list[Outcome]]] = {}
        loose: list[Outcome] = []
        for note in notes:
            live = [p for p in note.priorities if p.deleted_at is None]
            if not live:
                loose.append(note)
                continue
            first = min(live, key=_owner_order)
            groups.setdefault(first.id, (first, []))[1].append(note)
        for priority, members in sorted(groups.values(), key=lambda g: _owner_order(g[0])):
            yield Draft(
                SECTION_OUTCOMES,
                clip(priority.title, MAX_TITLE),
                outcome_list(members),
                3,
                "outcomes",
                priority.id,
                2,
            )
        for note in loose[-MAX_PER_SECTION:]:
            yield Draft(
                SECTION_OUTCOMES,
                clip(note.title, MAX_TITLE),
                outcome_line(note, with_title=False),
                2,
                "outcome",
                note.id,
                2,
            )

    def _confirmations(self, session: Session, person: Person, days: int) -> Iterable[Draft]:
        """The person's stale priorities; with a manager, the user's own ones as well."""
        owners = Priority.owner_id == person.id
        if person.role == Role.MANAGER.value:
            owners = owners | Priority.owner_id.is_(None)
        stale = session.scalars(select(Priority).where(stale_clause(self.clock(), days), owners))
        today = _local_date(self.clock())
        for priority in sorted(stale.unique(), key=_owner_order):
            if priority.last_confirmed_at is not None:
                when = _local_date(priority.last_confirmed_at)
                body = f"Last confirmed {when.isoformat()}, {(today - when).days} days ago."
            else:
                body = "Never confirmed since it was added."
            if priority.measure.strip():
                body += f"\n\nMeasure: {clip(priority.measure, 300)}"
            yield Draft(
                SECTION_CONFIRM,
                clip(f"Confirm: {priority.title}", MAX_TITLE),
                body,
                2,
                "priority",
                priority.id,
                3,
            )

    def _template_items(self, session: Session, meeting: Meeting) -> Iterable[Draft]:
        if not meeting.template_id:
            return
        template = session.scalar(
            select(AgendaTemplate).where(
                AgendaTemplate.id == meeting.template_id, AgendaTemplate.deleted_at.is_(None)
            )
        )
        if template is None:
            return
        section = clip(template.name, MAX_SECTION)
        seen: set[str] = set()
        item: TemplateItem
        for item in parse_template(template.body):
            title = clip(item.title, MAX_TITLE)
            if title.casefold() in seen:
                continue  # a repeated heading would be the same item twice
            seen.add(title.casefold())
            yield Draft(
                section, title, item.body, item.minutes, "template", template.id, TEMPLATE_RANK
            )

    def _carry_counts(self, session: Session, meeting: Meeting) -> dict[str, int]:
        ids = [i.source_id for i in meeting.agenda_items if i.source_type == "action"]
        if not ids:
            return {}
        rows = session.execute(
            select(ActionItem.id, ActionItem.carry_count).where(ActionItem.id.in_(ids))
        )
        return {item_id: count for item_id, count in rows}
