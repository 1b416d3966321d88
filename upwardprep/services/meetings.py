"""Meetings, their agenda items and action items.

A held meeting is a record: it refuses edits until explicitly reopened. Finishing a meeting carries
its open action items to the next meeting with the same person, as new items that point back at
the ones they continue (the carry-over chain) and count how often they have been carried.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session, aliased, selectinload

from upwardprep.clock import local_moment
from upwardprep.services.common import (
    Cleaner,
    EntityService,
    ValidationError,
    clean_fields,
    date_field,
    enum_field,
    line_field,
    parse_datetime,
    text_field,
    title_field,
    to_data,
    unique,
)
from upwardprep.store.entities import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
)

DEFAULT_CADENCE_DAYS = 7
# Where a transaction keeps the planned time of a meeting that finishing early moved to now.
_PLANNED_AT = "upwardprep.planned_at"


def planned_at(session: Session, meeting: Meeting) -> datetime:
    """When the meeting was planned: its time, unless finishing it early (in this transaction)
    moved it to now. The next 1:1 keeps the usual time of day, not the moment of the finish."""
    moved: dict[str, datetime] = session.info.get(_PLANNED_AT, {})
    return moved.get(meeting.id, meeting.scheduled_at)


# The list under the agenda for what did not fit the meeting's length (the drafted items parked
# there, and whatever the user moves there): its minutes are not planned time.
IF_TIME_ALLOWS = "If time allows"


def _live_copy(copy: Any, holder: Any) -> tuple[ColumnElement[bool], ...]:
    """`copy` (an action item joined to `holder`, its meeting) continues the item it was carried
    from: neither it nor its meeting is in the Trash. (A copy in the Trash does not continue its
    original: the original is still the open head of the chain.)"""
    return (
        copy.carried_from_id.is_not(None),
        copy.deleted_at.is_(None),
        holder.deleted_at.is_(None),
    )


def live_copies(of: Iterable[str] | None = None) -> Select[Any]:
    """The ids of action items that have a live carried copy; `of` limits it to those
    originals. Aliased, so that it stays a plain list inside a query over action items."""
    copy = aliased(ActionItem)
    holder = aliased(Meeting)
    query = (
        select(copy.carried_from_id)
        .join(holder, holder.id == copy.meeting_id)
        .where(*_live_copy(copy, holder))
    )
    return query if of is None else query.where(copy.carried_from_id.in_(list(of)))


def _copies_of(session: Session, ids: Iterable[str]) -> builtins.list[ActionItem]:
    """The live copies carried from these items, one step down the chain, oldest first."""
    return list(
        session.scalars(
            select(ActionItem)
            .join(Meeting, Meeting.id == ActionItem.meeting_id)
            .where(*_live_copy(ActionItem, Meeting), ActionItem.carried_from_id.in_(list(ids)))
            .order_by(ActionItem.created_at)
        )
    )


@dataclass(frozen=True)
class AgendaItemData:
    id: str
    meeting_id: str
    position: int
    section: str
    title: str
    body: str
    time_box_minutes: int | None
    discussed: bool
    source_type: str | None
    source_id: str | None
    user_edited: bool
    carry_count: int  # times carried into a next 1:1 (a talking point, or its action)

    @property
    def if_time_allows(self) -> bool:
        """Parked below the agenda: not counted in the planned minutes."""
        return self.section == IF_TIME_ALLOWS


@dataclass(frozen=True)
class ActionItemData:
    id: str
    meeting_id: str | None
    title: str
    owner: str
    owner_person_id: str | None
    due_on: date | None
    done_at: datetime | None
    carried_from_id: str | None
    carry_count: int
    created_at: datetime

    @property
    def is_open(self) -> bool:
        return self.done_at is None


@dataclass(frozen=True)
class MeetingData:
    id: str
    person_id: str | None
    person_name: str | None
    title: str
    kind: str
    scheduled_at: datetime
    duration_minutes: int
    status: str
    notes: str
    decisions: str
    template_id: str | None
    held_at: datetime | None
    agenda_items: tuple[AgendaItemData, ...]
    action_items: tuple[ActionItemData, ...]
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD

    @property
    def planned_minutes(self) -> int:
        return planned_minutes(self.agenda_items)

    @property
    def agenda(self) -> tuple[AgendaItemData, ...]:
        """The items planned for the meeting's time, without those under "If time allows"."""
        return tuple(item for item in self.agenda_items if not item.if_time_allows)

    @property
    def if_time_allows(self) -> tuple[AgendaItemData, ...]:
        return tuple(item for item in self.agenda_items if item.if_time_allows)

    @property
    def agenda_in_short(self) -> str:
        """A list cell: "4 (+45) · 29/30 min". What waits under "If time allows" is counted
        apart, since it takes none of the meeting's time; "—" for no agenda."""
        if not self.agenda_items:
            return "—"
        parked = len(self.if_time_allows)
        count = f"{len(self.agenda)}" + (f" (+{parked})" if parked else "")
        return f"{count} · {self.planned_minutes}/{self.duration_minutes} min"

    @property
    def agenda_in_words(self) -> str:
        """The same in a sentence (a tooltip, a screen reader)."""
        if not self.agenda_items:
            return "No agenda yet"
        planned, parked = len(self.agenda), len(self.if_time_allows)
        text = f"{planned} agenda item{'s' if planned != 1 else ''} planned"
        if parked:
            text += f", {parked} more under “{IF_TIME_ALLOWS}”"
        return (
            f"{text}; time boxes {self.planned_minutes} of the meeting's "
            f"{self.duration_minutes} minutes"
        )


def planned_minutes(items: Iterable[AgendaItemData]) -> int:
    """The agenda's time boxes, without what waits under "If time allows"."""
    return sum(item.time_box_minutes or 0 for item in items if not item.if_time_allows)


class MeetingInFuture(ValidationError):
    """Finishing a meeting that is still ahead: the front end asks whether to move it to now."""

    def __init__(self, scheduled_at: datetime) -> None:
        when = scheduled_at.astimezone()
        super().__init__(
            f"This meeting is set for {when:%a} {when.day} {when:%b %Y} at {when:%H:%M}, "
            "which is still ahead. Finish it now and move its time to now?"
        )
        self.scheduled_at = scheduled_at


def _minutes(value: Any, *, what: str, low: int, high: int) -> int | None:
    if value is None or value == "":
        return None
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"“{value}” is not a number of minutes ({what}).") from None
    if not low <= minutes <= high:
        raise ValidationError(f"The {what} must be between {low} and {high} minutes.")
    return minutes


def _scheduled(value: Any) -> datetime:
    when = parse_datetime(value, what="meeting time")
    if when is None:
        raise ValidationError("A meeting needs a date and time.")
    return when


MEETING_FIELDS: dict[str, Cleaner] = {
    "person_id": lambda value: value or None,
    "title": line_field("meeting title", 300),
    "kind": enum_field(MeetingKind, "meeting kind"),
    "scheduled_at": _scheduled,
    "duration_minutes": lambda v: _minutes(v, what="meeting length", low=5, high=600) or 30,
    "notes": text_field("meeting notes"),
    "decisions": text_field("decisions"),
    "template_id": lambda value: value or None,
}
AGENDA_FIELDS: dict[str, Cleaner] = {
    "title": title_field("agenda item"),
    "body": text_field("agenda item text"),
    "section": line_field("agenda section", 60),
    "time_box_minutes": lambda v: _minutes(v, what="time box", low=1, high=600),
    "discussed": bool,
}
ACTION_FIELDS: dict[str, Cleaner] = {
    "title": title_field("action item"),
    "owner": enum_field(ActionOwner, "action owner"),
    "owner_person_id": lambda value: value or None,
    "due_on": date_field("due date"),
}


class MeetingService(EntityService[Meeting, MeetingData]):
    entity = Meeting
    what = "meeting"
    fields = MEETING_FIELDS
    name_attribute = "title"

    def _data(self, session: Session, entity: Meeting) -> MeetingData:
        return to_data(
            MeetingData,
            entity,
            person_name=entity.person.name if entity.person else None,
            agenda_items=tuple(to_data(AgendaItemData, item) for item in entity.agenda_items),
            action_items=tuple(to_data(ActionItemData, item) for item in entity.action_items),
        )

    def _editable(self, session: Session, meeting_id: str) -> Meeting:
        meeting = self._load(session, meeting_id)
        if meeting.status == MeetingStatus.HELD:
            raise ValidationError(
                "This meeting was held and is now a record; reopen it to change it."
            )
        return meeting

    def _check_person(self, session: Session, person_id: str | None) -> None:
        if person_id and session.scalar(select(Person.pk).where(Person.id == person_id)) is None:
            raise ValidationError(f"No person with id {person_id}.")

    # -- meetings ----------------------------------------------------------------------------

    def create(self, scheduled_at: datetime | str, **fields: Any) -> MeetingData:
        values = clean_fields(
            MEETING_FIELDS, {"scheduled_at": scheduled_at, **fields}, what="meeting"
        )
        with self.store.transaction() as session:
            self._check_person(session, values.get("person_id"))
            meeting = self._new(Meeting, **values)
            session.add(meeting)
            session.flush()
            return self._data(session, meeting)

    def _load_for_update(self, session: Session, record_id: str) -> Meeting:
        return self._editable(session, record_id)

    def _check(self, session: Session, entity: Meeting, values: dict[str, Any]) -> None:
        self._check_person(session, values.get("person_id"))

    def list(
        self,
        *,
        person_id: str | None = None,
        status: str | None = None,
        include_deleted: bool = False,
    ) -> builtins.list[MeetingData]:
        with self.store.transaction(write=False) as session:
            query = (
                select(Meeting)
                .order_by(Meeting.scheduled_at.desc())
                .options(selectinload(Meeting.agenda_items), selectinload(Meeting.action_items))
            )
            if person_id:
                query = query.where(Meeting.person_id == person_id)
            if status:
                query = query.where(Meeting.status == status)
            if not include_deleted:
                query = query.where(Meeting.deleted_at.is_(None))
            return [self._data(session, m) for m in session.scalars(query).unique()]

    def finish(self, meeting_id: str, *, at_now: bool = False) -> MeetingData:
        """Mark held, make it a record, carry open action items to the next meeting.

        A meeting whose time is still ahead is refused (MeetingInFuture) unless `at_now`
        moves it to now: held "tomorrow", it would count as the last 1:1 and hide today's
        outcomes from the next brief.
        """
        with self.store.transaction() as session:
            meeting = self._finish(session, meeting_id, at_now=at_now)
            session.flush()
            return self._data(session, meeting)

    def _finish(self, session: Session, meeting_id: str, *, at_now: bool) -> Meeting:
        meeting = self._editable(session, meeting_id)
        now = self.clock()
        if meeting.scheduled_at > now:
            if not at_now:
                raise MeetingInFuture(meeting.scheduled_at)
            session.info.setdefault(_PLANNED_AT, {})[meeting.id] = meeting.scheduled_at
            meeting.scheduled_at = now
        meeting.status = MeetingStatus.HELD.value
        meeting.held_at = now
        open_items = [item for item in meeting.action_items if item.done_at is None]
        if open_items:  # finished, reopened, finished again: carry each item once
            ids = [item.id for item in open_items]
            carried = set(session.scalars(live_copies(ids)))
            open_items = [item for item in open_items if item.id not in carried]
        if open_items:
            target = self._next_meeting(session, meeting)
            for item in open_items:
                session.add(
                    self._new(
                        ActionItem,
                        meeting_id=target.id,
                        title=item.title,
                        owner=item.owner,
                        owner_person_id=item.owner_person_id,
                        due_on=item.due_on,
                        carried_from_id=item.id,
                        carry_count=item.carry_count + 1,
                    )
                )
        return meeting

    def reopen(self, meeting_id: str) -> MeetingData:
        with self.store.transaction() as session:
            meeting = self._load(session, meeting_id)
            meeting.status = MeetingStatus.PLANNED.value
            meeting.held_at = None
            session.flush()
            return self._data(session, meeting)

    def _next_meeting(self, session: Session, meeting: Meeting) -> Meeting:
        later = session.scalar(
            select(Meeting)
            .where(
                Meeting.person_id.is_(meeting.person_id)
                if meeting.person_id is None
                else Meeting.person_id == meeting.person_id,
                Meeting.status == MeetingStatus.PLANNED.value,
                Meeting.deleted_at.is_(None),
                Meeting.scheduled_at > meeting.scheduled_at,
            )
            .order_by(Meeting.scheduled_at)
        )
        if later is not None:
            return later
        cadence = DEFAULT_CADENCE_DAYS
        if meeting.person is not None and meeting.person.cadence_days:
            cadence = meeting.person.cadence_days
        start = meeting.scheduled_at + timedelta(days=cadence)
        planned = planned_at(session, meeting)
        if planned != meeting.scheduled_at:  # held early: the day moves, not the time of day
            start = local_moment(start.astimezone().date(), planned.astimezone().time())
        follow_up = self._new(
            Meeting,
            person_id=meeting.person_id,
            title=meeting.title,
            kind=meeting.kind,
            duration_minutes=meeting.duration_minutes,
            template_id=meeting.template_id,
            scheduled_at=start,
        )
        session.add(follow_up)
        session.flush()
        return follow_up

    # -- agenda items ------------------------------------------------------------------------

    def add_agenda_item(self, meeting_id: str, title: str, **fields: Any) -> AgendaItemData:
        source = {key: fields.pop(key) for key in ("source_type", "source_id") if key in fields}
        values = clean_fields(AGENDA_FIELDS, {"title": title, **fields}, what="agenda item")
        with self.store.transaction() as session:
            meeting = self._editable(session, meeting_id)
            position = max((item.position for item in meeting.agenda_items), default=0) + 1
            item = self._new(
                AgendaItem,
                meeting_id=meeting.id,
                position=position,
                user_edited=not source,
                **source,
                **values,
            )
            session.add(item)
            session.flush()
            return to_data(AgendaItemData, item)

    def update_agenda_item(self, item_id: str, **changes: Any) -> AgendaItemData:
        values = clean_fields(AGENDA_FIELDS, changes, what="agenda item")
        with self.store.transaction() as session:
            item = self._load_child(session, AgendaItem, item_id)
            changed = self._apply(item, values)
            if set(changed) - {"discussed"}:
                item.user_edited = True  # re-drafting must leave it as the user wrote it
            session.flush()
            return to_data(AgendaItemData, item)

    def remove_agenda_item(self, item_id: str) -> None:
        """Take an item off the agenda. A drafted one is kept aside (deleted_at), so that
        drafting again does not bring back what the user decided not to discuss."""
        with self.store.transaction() as session:
            item = self._load_child(session, AgendaItem, item_id)
            if item.source_type:
                item.deleted_at = self.clock()
                session.flush()
                session.expire(item.meeting, ["agenda_items"])
            else:
                session.delete(item)

    def reorder_agenda(self, meeting_id: str, ordered_ids: builtins.list[str]) -> MeetingData:
        with self.store.transaction() as session:
            meeting = self._editable(session, meeting_id)
            items = {item.id: item for item in meeting.agenda_items}
            ids = unique(ordered_ids)
            if set(ids) != set(items):
                raise ValidationError("Reordering must list every item of the agenda once.")
            for position, item_id in enumerate(ids, start=1):
                items[item_id].position = position
            session.flush()
            session.expire(meeting, ["agenda_items"])
            return self._data(session, meeting)

    # -- action items ------------------------------------------------------------------------

    def add_action(self, meeting_id: str | None, title: str, **fields: Any) -> ActionItemData:
        values = clean_fields(ACTION_FIELDS, {"title": title, **fields}, what="action item")
        with self.store.transaction() as session:
            if meeting_id:
                self._editable(session, meeting_id)
            self._check_person(session, values.get("owner_person_id"))
            item = self._new(ActionItem, meeting_id=meeting_id, **values)
            session.add(item)
            session.flush()
            return to_data(ActionItemData, item)

    def update_action(self, item_id: str, **changes: Any) -> ActionItemData:
        """Reword an action item, give it another owner or due date (not on a held meeting)."""
        values = clean_fields(ACTION_FIELDS, changes, what="action item")
        with self.store.transaction() as session:
            item = self._load_child(session, ActionItem, item_id)
            if "owner_person_id" in values:
                self._check_person(session, values["owner_person_id"])
            self._apply(item, values)
            session.flush()
            return to_data(ActionItemData, item)

    def remove_action(self, item_id: str) -> None:
        """Delete an action item written by mistake (not on a held meeting)."""
        with self.store.transaction() as session:
            session.delete(self._load_child(session, ActionItem, item_id))

    def set_action_done(self, item_id: str, done: bool = True) -> ActionItemData:
        """Tick an item off (or open it again), and with it the copies it was carried into that
        are still on a planned meeting (ticked in a reopened meeting, the carried copy is the
        same task)."""
        with self.store.transaction() as session:
            item = self._load_child(session, ActionItem, item_id)
            when = self.clock() if done else None
            item.done_at = when
            for copy in self._carried_copies(session, item.id):
                if copy.meeting is None or copy.meeting.status != MeetingStatus.HELD.value:
                    copy.done_at = when
            session.flush()
            return to_data(ActionItemData, item)

    def _carried_copies(self, session: Session, item_id: str) -> builtins.list[ActionItem]:
        """The live copies down the chain from an item (copies of copies included)."""
        found: builtins.list[ActionItem] = []
        frontier = [item_id]
        while frontier:
            copies = [c for c in _copies_of(session, frontier) if c not in found]
            found.extend(copies)
            frontier = [c.id for c in copies]
        return found

    def chain_heads(self, session: Session, ids: Iterable[str]) -> dict[str, str]:
        """For each action item id, the id of the live copy at the end of its carry-over chain
        (the id itself when it was not carried)."""
        heads = {item_id: item_id for item_id in ids}
        frontier = set(heads.values())
        for _ in range(1000):  # a chain is as long as the 1:1s it was carried through
            if not frontier:
                break
            moved = {c.carried_from_id: c.id for c in _copies_of(session, frontier)}
            for start, head in heads.items():
                if head in moved:
                    heads[start] = moved[head]
            frontier = set(moved.values())
        return heads

    def open_actions(self, *, person_id: str | None = None) -> builtins.list[ActionItemData]:
        """Open items at the head of their chain (a carried item replaces the one it continues)."""
        with self.store.transaction(write=False) as session:
            query = (
                select(ActionItem)
                .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
                .where(
                    ActionItem.done_at.is_(None),
                    ActionItem.deleted_at.is_(None),
                    Meeting.deleted_at.is_(None),  # also true for an item on no meeting
                    ActionItem.id.not_in(live_copies()),
                )
                .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
            )
            if person_id:
                query = query.where(Meeting.person_id == person_id)
            return [to_data(ActionItemData, item) for item in session.scalars(query)]

    def _load_child(self, session: Session, entity: type[Any], item_id: str) -> Any:
        item = session.scalar(select(entity).where(entity.id == item_id))
        if item is None:
            raise ValidationError(f"No item with id {item_id}.")
        if item.meeting_id:
            self._editable(session, item.meeting_id)
        return item
