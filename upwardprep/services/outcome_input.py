"""What goes into an outcome note: the rules each field must pass (FIELDS, shared by the
editors' length limits, quick capture and the CSV import), the input of a bulk import, and the
writer that inserts new notes with their links through Core.

Kept apart from services/outcomes.py, which reads and changes notes one at a time: this is the
way in, used alike by a single create and an import of thousands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from upwardprep.services.common import (
    Cleaner,
    ValidationError,
    clean_fields,
    clean_url,
    date_field,
    enum_field,
    line_field,
    text_field,
    title_field,
    unique,
)
from upwardprep.store.entities import (
    Outcome,
    OutcomeKind,
    Tag,
    new_id,
    outcome_priorities,
    outcome_tags,
)

MAX_TAG = 80


@dataclass(frozen=True)
class NewOutcome:
    """Input for bulk import (and the JSON import later): the fields a user can set."""

    title: str
    occurred_on: date | str
    kind: str = OutcomeKind.WIN.value
    body: str = ""
    impact: str = ""
    metric_delta: str = ""
    evidence_url: str = ""
    ask: str = ""
    resolved_on: date | str | None = None
    person_id: str | None = None
    private: bool = False
    priority_ids: Sequence[str] = field(default_factory=tuple)
    tags: Sequence[str] = field(default_factory=tuple)


def clean_tag(name: str) -> str:
    tag = " ".join(str(name).split()).lstrip("#").lower()
    if not tag:
        raise ValidationError("A tag is empty.")
    if len(tag) > MAX_TAG:
        raise ValidationError(f"The tag “{tag[:20]}…” is longer than {MAX_TAG} characters.")
    return tag


FIELDS: dict[str, Cleaner] = {
    "title": title_field("outcome title"),
    "kind": enum_field(OutcomeKind, "kind of note"),
    "occurred_on": date_field("date"),
    "body": text_field("note"),
    "impact": text_field("impact", 20_000),
    "metric_delta": line_field("metric change"),
    "evidence_url": clean_url,
    "ask": text_field("ask", 20_000),
    "resolved_on": date_field("resolution date"),
    "person_id": lambda value: value or None,
    "meeting_id": lambda value: value or None,
    "private": bool,
    "priority_ids": lambda value: unique(value or ()),
    "primary_priority_id": lambda value: value or None,
    "tags": lambda value: unique(clean_tag(tag) for tag in value or ()),
}


# Every column a new note gets when the user did not say: create() and bulk_import() insert rows
# through Core (an ORM unit of work costs more than the write itself), so defaults are explicit.
NEW_NOTE_DEFAULTS: dict[str, Any] = {
    "kind": OutcomeKind.WIN.value,
    "body": "",
    "impact": "",
    "metric_delta": "",
    "evidence_url": "",
    "ask": "",
    "resolved_on": None,
    "person_id": None,
    "meeting_id": None,
    "private": False,
    "primary_priority_id": None,
}


class NoteWriter:
    """Buffers new notes with their priority and tag links; flush() writes them with Core."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self.rows: list[dict[str, Any]] = []
        self.links: list[dict[str, str]] = []
        self.tag_links: list[dict[str, str]] = []
        self.tag_ids: dict[str, str] = {}

    def add(
        self, values: dict[str, Any], priority_ids: Sequence[str], tags: Sequence[str]
    ) -> dict[str, Any]:
        row = {
            **NEW_NOTE_DEFAULTS,
            **values,
            "id": new_id(),
            "created_at": self.now,
            "updated_at": self.now,
            "deleted_at": None,
        }
        self.rows.append(row)
        self.links += [{"outcome_id": row["id"], "priority_id": pid} for pid in priority_ids]
        self.tag_links += [{"outcome_id": row["id"], "tag_id": self._tag_id(tag)} for tag in tags]
        return row

    def _tag_id(self, name: str) -> str:
        if name not in self.tag_ids:
            found = self.session.execute(
                select(Tag.id, Tag.deleted_at).where(Tag.name == name)
            ).first()
            if found is None:
                tag_id = new_id()
                self.session.execute(
                    insert(Tag).values(
                        id=tag_id, name=name, created_at=self.now, updated_at=self.now
                    )
                )
            else:
                tag_id = found.id
                if found.deleted_at is not None:  # a tag used again comes back from the Trash
                    self.session.execute(
                        update(Tag)
                        .where(Tag.id == tag_id)
                        .values(deleted_at=None, updated_at=self.now)
                    )
            self.tag_ids[name] = tag_id
        return self.tag_ids[name]

    def flush(self) -> None:
        connection = None
        for table, rows in (
            (cast(Table, Outcome.__table__), self.rows),
            (outcome_priorities, self.links),
            (outcome_tags, self.tag_links),
        ):
            if rows:
                # On the session's connection (its transaction): Core rows need none of the
                # ORM's execution steps on the way (the callers flush their ORM objects first).
                connection = connection or self.session.connection()
                connection.execute(insert(table), rows)
                rows.clear()


def clean_new_outcome(item: NewOutcome) -> dict[str, Any]:
    """The cleaned column values of one bulk-import item (its links under "priority_ids" and
    "tags"); a bad field raises ValidationError, and a note without a date is refused."""
    values = clean_fields(
        FIELDS,
        {
            "title": item.title,
            "kind": item.kind,
            "occurred_on": item.occurred_on,
            "body": item.body,
            "impact": item.impact,
            "metric_delta": item.metric_delta,
            "evidence_url": item.evidence_url,
            "ask": item.ask,
            "resolved_on": item.resolved_on,
            "person_id": item.person_id,
            "private": item.private,
            "priority_ids": item.priority_ids,
            "tags": item.tags,
        },
        what="outcome note",
    )
    if values["occurred_on"] is None:
        raise ValidationError("an outcome note needs a date.")
    return values
