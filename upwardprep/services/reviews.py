"""Review cycles: a period, a reviewer, and the user's self-assessment."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from upwardprep.services.common import (
    Cleaner,
    EntityService,
    ValidationError,
    clean_fields,
    date_field,
    enum_field,
    text_field,
    title_field,
    to_data,
)
from upwardprep.store.entities import CycleKind, ReviewCycle


@dataclass(frozen=True)
class ReviewCycleData:
    id: str
    name: str
    kind: str
    period_start: date
    period_end: date
    reviewer_id: str | None
    reviewer_name: str | None
    self_assessment: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


FIELDS: dict[str, Cleaner] = {
    "name": title_field("cycle name", 200),
    "kind": enum_field(CycleKind, "review kind"),
    "period_start": date_field("period start"),
    "period_end": date_field("period end"),
    "reviewer_id": lambda value: value or None,
    "self_assessment": text_field("self-assessment"),
}


def _check_period(start: date | None, end: date | None) -> None:
    if start is None or end is None:
        raise ValidationError("A review cycle needs a start and an end date.")
    if end < start:
        raise ValidationError("The review period ends before it starts.")


class ReviewService(EntityService[ReviewCycle, ReviewCycleData]):
    entity = ReviewCycle
    what = "review cycle"
    fields = FIELDS

    def _data(self, session: Session, entity: ReviewCycle) -> ReviewCycleData:
        return to_data(
            ReviewCycleData, entity, reviewer_name=entity.reviewer.name if entity.reviewer else None
        )

    def create(
        self, name: str, period_start: date | str, period_end: date | str, **fields: Any
    ) -> ReviewCycleData:
        values = clean_fields(
            FIELDS,
            {"name": name, "period_start": period_start, "period_end": period_end, **fields},
            what="review cycle",
        )
        _check_period(values["period_start"], values["period_end"])
        with self.store.transaction() as session:
            cycle = self._new(ReviewCycle, **values)
            session.add(cycle)
            session.flush()
            return self._data(session, cycle)

    def _check(self, session: Session, entity: ReviewCycle, values: dict[str, Any]) -> None:
        _check_period(
            values.get("period_start", entity.period_start),
            values.get("period_end", entity.period_end),
        )

    def list(self, *, include_deleted: bool = False) -> builtins.list[ReviewCycleData]:
        with self.store.transaction(write=False) as session:
            query = select(ReviewCycle).order_by(ReviewCycle.period_end.desc())
            if not include_deleted:
                query = query.where(ReviewCycle.deleted_at.is_(None))
            return [self._data(session, c) for c in session.scalars(query).unique()]
