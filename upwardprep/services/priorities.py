"""Priorities: what a manager (or the user) is accountable for, ranked, confirmed, aligned.

Every change to a priority is written to its history, so the user can show when a target moved and
who confirmed what when; "confirm" is a change of its own.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from upwardprep.services.common import (
    Cleaner,
    EntityService,
    ValidationError,
    clean_fields,
    date_field,
    enum_field,
    line_field,
    number_field,
    text_field,
    title_field,
    to_data,
    unique,
)
from upwardprep.store.entities import Person, Priority, PriorityChange, PriorityStatus

DEFAULT_STALE_DAYS = 21


@dataclass(frozen=True)
class PriorityData:
    id: str
    title: str
    description: str
    owner_id: str | None
    owner_name: str | None
    parent_id: str | None
    measure: str
    metric_unit: str
    metric_target: float | None
    metric_current: float | None
    status: str
    period_start: date | None
    period_end: date | None
    rank: int
    last_confirmed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @property
    def progress(self) -> float | None:
        """Fraction of the target reached, 0..1, when there is a target."""
        if not self.metric_target or self.metric_current is None:
            return None
        return max(0.0, min(1.0, self.metric_current / self.metric_target))


@dataclass(frozen=True)
class PriorityChangeData:
    changed_at: datetime
    field: str
    old_value: str | None
    new_value: str | None


FIELDS: dict[str, Cleaner] = {
    "title": title_field("priority title", 300),
    "description": text_field("description"),
    "owner_id": lambda value: value or None,
    "parent_id": lambda value: value or None,
    "measure": text_field("success measure", 2000),
    "metric_unit": line_field("metric unit", 60),
    "metric_target": number_field("metric target"),
    "metric_current": number_field("metric current value"),
    "status": enum_field(PriorityStatus, "priority status"),
    "period_start": date_field("period start"),
    "period_end": date_field("period end"),
    "rank": lambda value: int(value),
}


# Whose priorities come first: the manager's (what the user is aligning to), then the
# user's own, then those of reports, peers and stakeholders.
OWNER_ORDER = {"manager": 0, "skip-level": 1, None: 2, "report": 3, "peer": 4, "stakeholder": 5}


def _owner_order(priority: Priority) -> tuple[int, str, int, str]:
    role = priority.owner.role if priority.owner else None
    name = priority.owner.name.casefold() if priority.owner else ""
    return OWNER_ORDER.get(role, 6), name, priority.rank, priority.title.casefold()


OPEN_STATUSES = (PriorityStatus.ACTIVE.value, PriorityStatus.AT_RISK.value)


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


class PriorityService(EntityService[Priority, PriorityData]):
    entity = Priority
    what = "priority"
    fields = FIELDS
    name_attribute = "title"

    def _data(self, session: Session, entity: Priority) -> PriorityData:
        return to_data(PriorityData, entity, owner_name=entity.owner.name if entity.owner else None)

    def _check_links(self, session: Session, values: dict[str, Any], own_id: str | None) -> None:
        owner_id = values.get("owner_id")
        if (
            owner_id
            and session.scalar(
                select(Person.pk).where(Person.id == owner_id, Person.deleted_at.is_(None))
            )
            is None
        ):
            raise ValidationError(f"No person with id {owner_id} to own this priority.")
        start, end = values.get("period_start"), values.get("period_end")
        if start and end and end < start:
            raise ValidationError("The period ends before it starts.")
        parent_id = values.get("parent_id")
        seen = {own_id}
        while parent_id:
            if parent_id in seen:
                raise ValidationError("A priority cannot be aligned to itself or its own goals.")
            seen.add(parent_id)
            parent = session.scalar(select(Priority).where(Priority.id == parent_id))
            if parent is None:
                raise ValidationError(f"No priority with id {parent_id} to align to.")
            parent_id = parent.parent_id

    def create(self, title: str, *, draft: bool = False, **fields: Any) -> PriorityData:
        """`draft`: the title is a placeholder the user replaces at once (the app's New
        Priority makes a record to edit); the history then says "created" under the first
        real title rather than logging a rename from the placeholder."""
        values = self.new_values(title, **fields)
        with self.store.transaction() as session:
            return self.add(session, values, draft=draft)

    def new_values(self, title: str, **fields: Any) -> dict[str, Any]:
        """A new priority's checked fields, nothing written."""
        return clean_fields(FIELDS, {"title": title, **fields}, what="priority")

    def add(self, session: Session, values: dict[str, Any], *, draft: bool = False) -> PriorityData:
        """Write a priority checked by new_values, inside the caller's transaction."""
        self._check_links(session, values, None)
        if "rank" not in values:  # new priorities go to the bottom of their owner's list
            owner = values.get("owner_id")
            same_owner = Priority.owner_id == owner if owner else Priority.owner_id.is_(None)
            top = session.scalar(select(func.max(Priority.rank)).where(same_owner))
            values["rank"] = (top or 0) + 1
        priority = self._new(Priority, **values)
        session.add(priority)
        session.flush()
        session.add(
            PriorityChange(
                priority_id=priority.id,
                field="created",
                new_value=None if draft else priority.title,
                changed_at=self.clock(),
            )
        )
        return self._data(session, priority)

    def _check(self, session: Session, entity: Priority, values: dict[str, Any]) -> None:
        merged = {"period_start": entity.period_start, "period_end": entity.period_end, **values}
        self._check_links(session, merged, entity.id)

    def _changed(
        self, session: Session, entity: Priority, changed: dict[str, tuple[Any, Any]]
    ) -> None:
        now = self.clock()
        if "title" in changed:
            created = session.scalar(
                select(PriorityChange).where(
                    PriorityChange.priority_id == entity.id, PriorityChange.field == "created"
                )
            )
            if created is not None and created.new_value is None:  # a draft gets its title
                created.new_value = _as_text(changed.pop("title")[1])
        for name, (old, new) in changed.items():
            session.add(
                PriorityChange(
                    priority_id=entity.id,
                    field=name,
                    changed_at=now,
                    old_value=_as_text(old),
                    new_value=_as_text(new),
                )
            )

    def confirm(self, priority_id: str, *, note: str = "") -> PriorityData:
        """The manager confirmed this still matters (and how it is measured)."""
        with self.store.transaction() as session:
            priority = self._load(session, priority_id)
            now = self.clock()
            previous = priority.last_confirmed_at
            priority.last_confirmed_at = now
            session.add(
                PriorityChange(
                    priority_id=priority.id,
                    field="confirmed",
                    changed_at=now,
                    old_value=_as_text(previous),
                    new_value=note or None,
                )
            )
            session.flush()
            return self._data(session, priority)

    def reorder(self, ordered_ids: list[str]) -> None:
        """Give the listed priorities ranks 1..n in this order (one owner's list at a time)."""
        ids = unique(ordered_ids)
        with self.store.transaction() as session:
            rows = {p.id: p for p in session.scalars(select(Priority).where(Priority.id.in_(ids)))}
            missing = [pid for pid in ids if pid not in rows]
            if missing:
                raise ValidationError(f"No priority with id {missing[0]}.")
            now = self.clock()
            for rank, pid in enumerate(ids, start=1):
                priority = rows[pid]
                if priority.rank != rank:
                    session.add(
                        PriorityChange(
                            priority_id=pid,
                            field="rank",
                            changed_at=now,
                            old_value=str(priority.rank),
                            new_value=str(rank),
                        )
                    )
                    priority.rank = rank

    def list(
        self,
        *,
        owner_id: str | None = None,
        statuses: builtins.list[str] | None = None,
        include_deleted: bool = False,
    ) -> builtins.list[PriorityData]:
        with self.store.transaction(write=False) as session:
            query = select(Priority)
            if owner_id:
                query = query.where(Priority.owner_id == owner_id)
            if statuses:
                query = query.where(Priority.status.in_(statuses))
            if not include_deleted:
                query = query.where(Priority.deleted_at.is_(None))
            found = session.scalars(query).unique().all()
            return [self._data(session, p) for p in sorted(found, key=_owner_order)]

    def history(self, priority_id: str) -> builtins.list[PriorityChangeData]:
        with self.store.transaction(write=False) as session:
            priority = self._load(session, priority_id, include_deleted=True)
            return [to_data(PriorityChangeData, change) for change in priority.changes]

    def stale(self, *, days: int = DEFAULT_STALE_DAYS) -> builtins.list[PriorityData]:
        """Live priorities not confirmed (or, never confirmed, not created) within `days`."""
        with self.store.transaction(write=False) as session:
            query = select(Priority).where(stale_clause(self.clock(), days)).order_by(Priority.rank)
            return [self._data(session, p) for p in session.scalars(query).unique()]


def stale_clause(now: datetime, days: int) -> ColumnElement[bool]:
    """Live, open priorities not confirmed (or, never confirmed, not created) within `days`.

    Shared with the agenda draft, which asks the same question inside its own transaction.
    """
    cutoff = now - timedelta(days=days)
    return and_(
        Priority.deleted_at.is_(None),
        Priority.status.in_([PriorityStatus.ACTIVE.value, PriorityStatus.AT_RISK.value]),
        or_(
            Priority.last_confirmed_at < cutoff,
            Priority.last_confirmed_at.is_(None) & (Priority.created_at < cutoff),
        ),
    )
