"""Agenda templates kept in the store (the shipped ones are added by the 1:1 work)."""

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
    clean_fields,
    text_field,
    title_field,
    to_data,
)
from upwardprep.store.entities import AgendaTemplate


@dataclass(frozen=True)
class TemplateData:
    id: str
    name: str
    body: str
    builtin: bool
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


FIELDS: dict[str, Cleaner] = {
    "name": title_field("template name", 200),
    "body": text_field("template"),
}


class TemplateService(EntityService[AgendaTemplate, TemplateData]):
    entity = AgendaTemplate
    what = "agenda template"
    fields = FIELDS

    def _data(self, session: Session, entity: AgendaTemplate) -> TemplateData:
        return to_data(TemplateData, entity)

    def create(self, name: str, body: str = "", *, builtin: bool = False) -> TemplateData:
        values = clean_fields(FIELDS, {"name": name, "body": body}, what="template")
        with self.store.transaction() as session:
            template = self._new(AgendaTemplate, builtin=builtin, **values)
            session.add(template)
            session.flush()
            return self._data(session, template)

    def _changed(
        self, session: Session, entity: AgendaTemplate, changed: dict[str, tuple[Any, Any]]
    ) -> None:
        if changed:
            entity.builtin = False  # an edited shipped template is the user's own now

    def duplicate(self, template_id: str) -> TemplateData:
        with self.store.transaction() as session:
            original = self._load(session, template_id)
            name = clean_fields(FIELDS, {"name": f"{original.name} (copy)"}, what="template")
            copy = self._new(AgendaTemplate, body=original.body, builtin=False, **name)
            session.add(copy)
            session.flush()
            return self._data(session, copy)

    def list(self) -> builtins.list[TemplateData]:
        with self.store.transaction(write=False) as session:
            query = select(AgendaTemplate).where(AgendaTemplate.deleted_at.is_(None))
            return [
                self._data(session, t) for t in session.scalars(query.order_by(AgendaTemplate.name))
            ]
