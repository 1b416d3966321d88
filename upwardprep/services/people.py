"""People: the manager, skip-level, reports, peers and stakeholders, relative to the user."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.services.common import (
    Cleaner,
    EntityService,
    ValidationError,
    clean_fields,
    enum_field,
    line_field,
    parse_enum,
    text_field,
    title_field,
    to_data,
)
from upwardprep.services.meetings import DEFAULT_CADENCE_DAYS
from upwardprep.store.entities import Person, Role

ROLE_ORDER = [Role.MANAGER, Role.SKIP_LEVEL, Role.REPORT, Role.PEER, Role.STAKEHOLDER]


@dataclass(frozen=True)
class PersonData:
    id: str
    name: str
    role: str
    title: str
    email: str
    cadence_days: int | None
    preferences: str
    notes: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


def _cadence(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        days = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"“{value}” is not a number of days for the cadence.") from None
    if not 1 <= days <= 366:
        raise ValidationError("The cadence is the days between 1:1s: between 1 and 366.")
    return days


FIELDS: dict[str, Cleaner] = {
    "name": title_field("name", 200),
    "role": enum_field(Role, "role"),
    "title": line_field("job title"),
    "email": line_field("email", 320),
    "cadence_days": _cadence,
    "preferences": text_field("communication preferences"),
    "notes": text_field("notes"),
}


class PeopleService(EntityService[Person, PersonData]):
    entity = Person
    what = "person"
    fields = FIELDS

    def _data(self, session: Session, entity: Person) -> PersonData:
        return to_data(PersonData, entity)

    def create(self, name: str, *, role: str = Role.STAKEHOLDER, **fields: Any) -> PersonData:
        """A new person; a manager meets the user weekly unless a cadence is given (the rhythm
        the dashboard, the nudge and the next 1:1's date go by)."""
        values = self.new_values(name, role=role, **fields)
        with self.store.transaction() as session:
            return self.add(session, values)

    def new_values(
        self, name: str, *, role: str = Role.STAKEHOLDER, **fields: Any
    ) -> dict[str, Any]:
        """A new person's checked fields, nothing written (a use case writing several records
        in one transaction checks them all first)."""
        values = clean_fields(FIELDS, {"name": name, "role": role, **fields}, what="person")
        if values["role"] == Role.MANAGER.value and "cadence_days" not in fields:
            values["cadence_days"] = DEFAULT_CADENCE_DAYS
        return values

    def add(self, session: Session, values: dict[str, Any]) -> PersonData:
        """Write a person checked by new_values, inside the caller's transaction."""
        person = self._new(Person, **values)
        session.add(person)
        session.flush()
        return self._data(session, person)

    def list(
        self, *, role: str | None = None, include_deleted: bool = False
    ) -> builtins.list[PersonData]:
        with self.store.transaction(write=False) as session:
            query = select(Person)
            if role:
                query = query.where(Person.role == parse_enum(Role, role, what="role").value)
            if not include_deleted:
                query = query.where(Person.deleted_at.is_(None))
            order = {member.value: index for index, member in enumerate(ROLE_ORDER)}
            people = sorted(
                session.scalars(query).all(),
                key=lambda p: (order.get(p.role, 99), p.name.casefold()),
            )
            return [self._data(session, person) for person in people]
