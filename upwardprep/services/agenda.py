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
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, selectinload

from upwardprep.services.common import (
    MAX_TITLE,
    Clock,
    ValidationError,
    system_clock,
)
from upwardprep.services.meetings import (
    DEFAULT_CADENCE_DAYS,
    MeetingData,
    MeetingService,
    live_copies,
)
from upwardprep.services.priorities import DEFAULT_STALE_DAYS, _owner_order, stale_clause
from upwardprep.services.templates import TemplateItem, parse_template, shipped_default
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    AgendaItem,
    AgendaTemplate,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Outcome,
    OutcomeKind,
    Person,
    Priority,
    Role,
    StoreSetting,
)

# Store setting: days after which an unconfirmed priority is proposed for confirmation.
STALE_DAYS_SETTING = "priorities.stale_days"
MAX_STALE_DAYS = 3650
# A planned meeting still counts as "next" for this long after its start (not finished yet).
STILL_NEXT = timedelta(hours=12)
# Without an earlier 1:1, outcomes of this many days go into the first agenda.
FIRST_LOOKBACK_DAYS = 30
DEFAULT_TIME = time(10, 0)
# An agenda is for one conversation: the oldest open risks and asks, the latest outcomes. (Carried
# actions and priorities to confirm are never cut: those are commitments.)
MAX_PER_SECTION = 12
MAX_OUTCOMES = 300  # read at most this many of the latest outcome notes
MAX_LINES = 10  # outcomes listed under one priority

SECTION_ACTIONS = "Carried actions"
SECTION_RISKS = "Risks and asks"
SECTION_OUTCOMES = "Outcomes"
SECTION_CONFIRM = "Confirm"
SECTIONS = (SECTION_ACTIONS, SECTION_RISKS, SECTION_OUTCOMES, SECTION_CONFIRM)
# The template's items come last, in a section named after the template.
TEMPLATE_RANK = len(SECTIONS)

SOURCE_RANK = {
    "action": 0,
    "risk": 1,
    "ask": 1,
    "outcomes": 2,
    "outcome": 2,
    "priority": 3,
    "template": TEMPLATE_RANK,
}

UPWARD = (Role.MANAGER.value, Role.SKIP_LEVEL.value)
KIND_BY_ROLE = {Role.SKIP_LEVEL.value: MeetingKind.SKIP_LEVEL.value}
MAX_SECTION = 60


@dataclass(frozen=True)
class _Draft:
    """One item the draft wants on the agenda."""

    section: str
    title: str
    body: str
    minutes: int | None
    source_type: str
    source_id: str
    rank: int  # which section, for placing new items

    @property
    def key(self) -> tuple[str, str, str]:
        return _key(self.source_type, self.source_id, self.title)


def _key(source_type: str | None, source_id: str | None, title: str) -> tuple[str, str, str]:
    # Template items share their template's id; their title tells them apart.
    return (
        source_type or "",
        source_id or "",
        title.casefold() if source_type == "template" else "",
    )


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


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
            return _markdown(meeting, carried)

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
        is_skip = person.role == Role.SKIP_LEVEL.value
        meeting = self._meetings._new(
            Meeting,
            person_id=person.id,
            title=_clip(f"{'Skip-level' if is_skip else '1:1'} with {first_name}", 300),
            kind=KIND_BY_ROLE.get(person.role, MeetingKind.ONE_ON_ONE.value),
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
        self._merge(session, meeting, wanted)
        session.flush()
        session.expire(meeting, ["agenda_items"])
        return self._meetings._data(session, meeting)

    def _wanted(
        self, session: Session, meeting: Meeting, stale_days: int | None
    ) -> builtins.list[_Draft]:
        person = meeting.person
        if person is None:
            raise ValidationError("This meeting is with nobody; choose a person to draft for.")
        last = self._last_held(session, person.id, meeting.scheduled_at)
        since = (
            _local_date(last.scheduled_at)
            if last
            else _local_date(self.clock()) - timedelta(days=FIRST_LOOKBACK_DAYS)
        )
        if stale_days is not None and not 1 <= stale_days <= MAX_STALE_DAYS:
            raise ValidationError(
                f"Stale priorities are those unconfirmed for 1 to {MAX_STALE_DAYS} days."
            )
        days = stale_days if stale_days is not None else self._stale_days(session)
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

    def _stale_days(self, session: Session) -> int:
        value = session.scalar(
            select(StoreSetting.value).where(StoreSetting.key == STALE_DAYS_SETTING)
        )
        try:
            return min(max(1, int(value)), MAX_STALE_DAYS) if value else DEFAULT_STALE_DAYS
        except ValueError:
            return DEFAULT_STALE_DAYS

    def _actions(self, session: Session, meeting: Meeting) -> Iterable[_Draft]:
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
                facts.append(f"carried {_times(item.carry_count)}")
            else:
                facts.append(f"from the meeting on {_local_date(held_on).isoformat()}")
            yield _Draft(
                SECTION_ACTIONS,
                _clip(item.title, MAX_TITLE),
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
    ) -> Iterable[_Draft]:
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
            yield _Draft(
                SECTION_RISKS,
                _clip(risk.title, MAX_TITLE),
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
            yield _Draft(
                SECTION_RISKS,
                _clip(f"Ask: {note.ask.strip()}", MAX_TITLE),
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
    ) -> Iterable[_Draft]:
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
            yield _Draft(
                SECTION_OUTCOMES,
                _clip(priority.title, MAX_TITLE),
                _outcome_list(members),
                3,
                "outcomes",
                priority.id,
                2,
            )
        for note in loose[-MAX_PER_SECTION:]:
            yield _Draft(
                SECTION_OUTCOMES,
                _clip(note.title, MAX_TITLE),
                _outcome_line(note, with_title=False),
                2,
                "outcome",
                note.id,
                2,
            )

    def _confirmations(self, session: Session, person: Person, days: int) -> Iterable[_Draft]:
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
                body += f"\n\nMeasure: {_clip(priority.measure, 300)}"
            yield _Draft(
                SECTION_CONFIRM,
                _clip(f"Confirm: {priority.title}", MAX_TITLE),
                body,
                2,
                "priority",
                priority.id,
                3,
            )

    def _template_items(self, session: Session, meeting: Meeting) -> Iterable[_Draft]:
        if not meeting.template_id:
            return
        template = session.scalar(
            select(AgendaTemplate).where(
                AgendaTemplate.id == meeting.template_id, AgendaTemplate.deleted_at.is_(None)
            )
        )
        if template is None:
            return
        section = _clip(template.name, MAX_SECTION)
        seen: set[str] = set()
        item: TemplateItem
        for item in parse_template(template.body):
            title = _clip(item.title, MAX_TITLE)
            if title.casefold() in seen:
                continue  # a repeated heading would be the same item twice
            seen.add(title.casefold())
            yield _Draft(
                section, title, item.body, item.minutes, "template", template.id, TEMPLATE_RANK
            )

    def _merge(self, session: Session, meeting: Meeting, wanted: list[_Draft]) -> None:
        """Bring the agenda in line with the draft, leaving the user's work alone."""
        items = sorted(meeting.agenda_items, key=lambda i: (i.position, i.pk or 0))
        # What the user removed from this agenda (kept aside) is not drafted again.
        removed = session.execute(
            select(AgendaItem.source_type, AgendaItem.source_id, AgendaItem.title).where(
                AgendaItem.meeting_id == meeting.id,
                AgendaItem.deleted_at.is_not(None),
                AgendaItem.source_type.is_not(None),
            )
        ).all()
        # An action carried since it was drafted is now its copy at the head of the chain.
        actions = [i.source_id for i in items if i.source_type == "action" and i.source_id]
        actions += [source_id for kind, source_id, _ in removed if kind == "action" and source_id]
        heads = self._meetings.chain_heads(session, actions)
        for item in items:
            if item.source_type == "action" and item.source_id in heads:
                item.source_id = heads[item.source_id]
        drafts = {draft.key: draft for draft in wanted}
        present = {_key(i.source_type, i.source_id, i.title) for i in items if i.source_type}
        # An item the user edited holds its place in the draft: nothing is added beside it.
        taken = {
            _key(kind, heads.get(source_id or "", source_id), title)
            for kind, source_id, title in removed
        }
        taken.update(
            _key(i.source_type, i.source_id, i.title)
            for i in items
            if i.source_type and i.user_edited
        )
        # A template item the user renamed no longer matches its heading by title: it stands
        # for the template's next heading that nothing on the agenda matches.
        for template_id in {i.source_id for i in items if i.source_type == "template"}:
            renamed = [
                i
                for i in items
                if i.source_type == "template"
                and i.source_id == template_id
                and i.user_edited
                and _key(i.source_type, i.source_id, i.title) not in drafts
            ]
            free = [
                d
                for d in wanted
                if d.source_type == "template"
                and d.source_id == template_id
                and d.key not in present
            ]
            taken.update(draft.key for _, draft in zip(renamed, free, strict=False))
        kept: list[AgendaItem] = []
        for item in items:
            if item.source_type is None or item.user_edited:
                kept.append(item)
                continue
            key = _key(item.source_type, item.source_id, item.title)
            draft = drafts.get(key)
            if draft is None or key in taken:
                if item.discussed:
                    kept.append(item)  # what was talked about stays on the record
                else:
                    session.delete(item)
                continue
            item.section, item.title, item.body = draft.section, draft.title, draft.body
            item.time_box_minutes = draft.minutes
            kept.append(item)
            taken.add(key)
        order: list[tuple[AgendaItem, int | None]] = [
            (item, SOURCE_RANK.get(item.source_type or "")) for item in kept
        ]
        for draft in wanted:
            if draft.key in taken:
                continue
            taken.add(draft.key)
            item = self._meetings._new(
                AgendaItem,
                meeting_id=meeting.id,
                section=draft.section,
                title=draft.title,
                body=draft.body,
                time_box_minutes=draft.minutes,
                source_type=draft.source_type,
                source_id=draft.source_id,
                user_edited=False,
                discussed=False,
                position=0,
            )
            session.add(item)
            order.insert(_insertion_point(order, draft.rank), (item, draft.rank))
        for position, (item, _) in enumerate(order, start=1):
            item.position = position

    def _carry_counts(self, session: Session, meeting: Meeting) -> dict[str, int]:
        ids = [i.source_id for i in meeting.agenda_items if i.source_type == "action"]
        if not ids:
            return {}
        rows = session.execute(
            select(ActionItem.id, ActionItem.carry_count).where(ActionItem.id.in_(ids))
        )
        return {item_id: count for item_id, count in rows}


def _insertion_point(order: list[tuple[AgendaItem, int | None]], rank: int) -> int:
    """After the last drafted item of the same or an earlier section; else before the first of
    a later section; else at the end. The user's own items keep their places."""
    after = [i for i, (_, r) in enumerate(order) if r is not None and r <= rank]
    if after:
        return after[-1] + 1
    before = [i for i, (_, r) in enumerate(order) if r is not None and r > rank]
    return before[0] if before else len(order)


def _outcome_list(notes: list[Outcome]) -> str:
    lines = [_outcome_line(note) for note in notes[-MAX_LINES:]]
    if len(notes) > MAX_LINES:
        lines.insert(0, f"- … and {len(notes) - MAX_LINES} earlier ones")
    return "\n".join(lines)


def _outcome_line(note: Outcome, *, with_title: bool = True) -> str:
    parts = [f"{note.occurred_on.isoformat()} · {note.kind}"]
    if note.metric_delta.strip():
        parts.append(note.metric_delta.strip())
    line = " · ".join(parts)
    if with_title:
        line = f"- **{_clip(note.title, 300)}** ({line})"
    if note.impact.strip():
        line += f"{' — ' if with_title else '. '}{_clip(note.impact, 300)}"
    return line


def _markdown(meeting: Meeting, carried: dict[str, int]) -> str:
    when = meeting.scheduled_at.astimezone()
    total = sum(item.time_box_minutes or 0 for item in meeting.agenda_items)
    title = meeting.title or (f"1:1 with {meeting.person.name}" if meeting.person else "Meeting")
    lines = [
        f"# {title}",
        "",
        f"{when:%A} {when.day} {when:%B %Y}, {when:%H:%M} · {meeting.duration_minutes} min"
        f" · agenda {total} min" + (" (over time)" if total > meeting.duration_minutes else ""),
    ]
    if meeting.status == MeetingStatus.HELD.value:
        lines[-1] += " · held"
    section = None
    for item in sorted(meeting.agenda_items, key=lambda i: i.position):
        if item.section != section or section is None:
            section = item.section
            lines += ["", f"## {section or 'Agenda'}"]
        head = f"### {item.title}"
        extras = []
        if item.time_box_minutes:
            extras.append(f"{item.time_box_minutes} min")
        count = carried.get(item.source_id or "", 0) if item.source_type == "action" else 0
        if count:
            extras.append(f"carried ×{count}")
        if item.discussed:
            extras.append("discussed")
        if extras:
            head += f" [{', '.join(extras)}]"
        lines += ["", head]
        if item.body.strip():
            lines += ["", item.body.strip()]
    if not meeting.agenda_items:
        lines += ["", "_Nothing on the agenda yet._"]
    return "\n".join(lines) + "\n"
