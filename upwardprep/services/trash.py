"""The Trash: every soft-deleted record, whatever its kind, restorable until purged."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.services.common import NotFound, ValidationError
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    AgendaTemplate,
    Meeting,
    Outcome,
    Person,
    Priority,
    ReviewCycle,
)

# kind shown to the user -> (entity, column that names a record)
TRASHABLE: dict[str, tuple[type[Any], Any]] = {
    "outcome": (Outcome, Outcome.title),
    "priority": (Priority, Priority.title),
    "person": (Person, Person.name),
    "meeting": (Meeting, Meeting.title),
    "review cycle": (ReviewCycle, ReviewCycle.name),
    "template": (AgendaTemplate, AgendaTemplate.name),
}


@dataclass(frozen=True)
class TrashEntry:
    kind: str
    id: str
    title: str
    deleted_at: datetime


class TrashService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self) -> builtins.list[TrashEntry]:
        entries = []
        with self.store.transaction(write=False) as session:
            for kind, (entity, name) in TRASHABLE.items():
                query = select(entity.id, name, entity.deleted_at).where(
                    entity.deleted_at.is_not(None)
                )
                entries += [
                    TrashEntry(kind, rid, title or "(untitled)", when)
                    for rid, title, when in session.execute(query)
                ]
        return sorted(entries, key=lambda entry: entry.deleted_at, reverse=True)

    def _locate(self, session: Session, record_id: str) -> Any:
        for entity, _name in TRASHABLE.values():
            record = session.scalar(select(entity).where(entity.id == record_id))
            if record is not None:
                return record
        raise NotFound(f"Nothing with id {record_id} in the store.")

    def restore(self, record_id: str) -> None:
        with self.store.transaction() as session:
            self._locate(session, record_id).deleted_at = None

    def purge(self, record_id: str) -> None:
        """Delete for good, cascading to what belongs to it; only from the Trash."""
        with self.store.transaction() as session:
            record = self._locate(session, record_id)
            if record.deleted_at is None:
                raise ValidationError("Only records in the Trash can be purged.")
            session.delete(record)

    def empty(self) -> int:
        with self.store.transaction() as session:
            count = 0
            for entity, _name in TRASHABLE.values():
                for record in session.scalars(select(entity).where(entity.deleted_at.is_not(None))):
                    session.delete(record)
                    count += 1
        return count
