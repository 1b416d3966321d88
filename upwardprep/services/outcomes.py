"""Outcome notes: what the work produced or enabled, linked to the priorities it served.

Risks are outcome notes of kind "risk" with an ask; an open risk is one not yet resolved. The
filter object here is shared with search, so a list and a search narrow things the same way.
"""

from __future__ import annotations

import builtins
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, bindparam, func, literal, select, tuple_
from sqlalchemy.orm import Session, selectinload

from upwardprep.services.common import (
    EntityService,
    ValidationError,
    clean_fields,
    parse_date,
    parse_enum,
    to_data,
)

# The way in (field rules, bulk input, the Core writer) lives in outcome_input; the names are
# re-exported here because callers think of them as the outcome service's.
from upwardprep.services.outcome_input import FIELDS as FIELDS
from upwardprep.services.outcome_input import MAX_TAG as MAX_TAG
from upwardprep.services.outcome_input import NewOutcome as NewOutcome
from upwardprep.services.outcome_input import NoteWriter, clean_new_outcome
from upwardprep.services.outcome_input import clean_tag as clean_tag
from upwardprep.store.entities import (
    Meeting,
    Outcome,
    OutcomeKind,
    Person,
    Priority,
    Tag,
    outcome_priorities,
    outcome_tags,
)

# The priorities a new note links to, still live, in their order. Built once: building the
# statement anew (coercing its clauses) was a good part of a single write's cost.
LIVE_PRIORITIES = (
    select(Priority.id, Priority.title)
    .where(Priority.id.in_(bindparam("ids", expanding=True)), Priority.deleted_at.is_(None))
    .order_by(Priority.rank, Priority.pk)
)


@dataclass(frozen=True)
class OutcomeData:
    id: str
    title: str
    kind: str
    occurred_on: date
    body: str
    impact: str
    metric_delta: str
    evidence_url: str
    ask: str
    resolved_on: date | None
    person_id: str | None
    meeting_id: str | None
    private: bool
    priority_ids: tuple[str, ...]  # by the priorities' rank, then the order they were created
    priority_titles: tuple[str, ...]
    primary_priority_id: str | None  # the one the user marked, while it is still linked
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @property
    def is_open_risk(self) -> bool:
        return self.kind == OutcomeKind.RISK and self.resolved_on is None

    def primary_priority(self, among: Container[str] | None = None) -> str | None:
        """The priority this note is filed under: the one the user marked, else the first it
        links (by rank). With `among` (the priorities a document covers), the mark counts only
        when it is among them, then the first linked one that is; a note linked to none of them
        keeps its own primary."""
        if among is not None:
            if self.primary_priority_id in among:
                return self.primary_priority_id
            for priority_id in self.priority_ids:
                if priority_id in among:
                    return priority_id
        if self.primary_priority_id is not None:
            return self.primary_priority_id
        return self.priority_ids[0] if self.priority_ids else None


@dataclass(frozen=True)
class OutcomeRow:
    """One line of a list: enough to show, cheap to load by the thousand."""

    id: str
    title: str
    kind: str
    occurred_on: date
    person_id: str | None
    private: bool


# The columns an OutcomeRow is read from, in its fields' order: `OutcomeRow(*row)`.
OUTCOME_ROW_COLUMNS = (
    Outcome.id,
    Outcome.title,
    Outcome.kind,
    Outcome.occurred_on,
    Outcome.person_id,
    Outcome.private,
)

IdCursor = tuple[date, int]  # where a page of ids ended: (occurred_on, pk) of its last note


@dataclass(frozen=True)
class IdPage:
    ids: list[str]
    cursor: IdCursor | None  # None: this was the last page


@dataclass(frozen=True)
class OutcomeFilter:
    person_id: str | None = None
    priority_id: str | None = None
    kinds: tuple[str, ...] = ()
    tag: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_private: bool = True
    include_deleted: bool = False
    meeting_id: str | None = None
    unaligned: bool = False  # linked to no priority

    def clauses(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if not self.include_deleted:
            where.append(Outcome.deleted_at.is_(None))
        if self.person_id:
            where.append(Outcome.person_id == self.person_id)
        if self.meeting_id:
            where.append(Outcome.meeting_id == self.meeting_id)
        if self.kinds:
            kinds = [parse_enum(OutcomeKind, kind, what="kind").value for kind in self.kinds]
            where.append(Outcome.kind.in_(kinds))
        if self.date_from:
            where.append(Outcome.occurred_on >= self.date_from)
        if self.date_to:
            where.append(Outcome.occurred_on <= self.date_to)
        if not self.include_private:
            where.append(Outcome.private.is_(False))
        link = select(outcome_priorities.c.outcome_id).where(
            outcome_priorities.c.outcome_id == Outcome.id
        )
        if self.priority_id:
            where.append(link.where(outcome_priorities.c.priority_id == self.priority_id).exists())
        if self.unaligned:
            where.append(~link.exists())
        if self.tag:
            tagged = (
                select(outcome_tags.c.outcome_id)
                .join(Tag, Tag.id == outcome_tags.c.tag_id)
                .where(outcome_tags.c.outcome_id == Outcome.id, Tag.name == clean_tag(self.tag))
            )
            where.append(tagged.exists())
        return where


class OutcomeService(EntityService[Outcome, OutcomeData]):
    entity = Outcome
    what = "outcome note"

    def _data(self, session: Session, entity: Outcome) -> OutcomeData:
        # Rank is counted per owner: the order they were created in settles ties, so that the
        # first linked priority (a note's primary when unmarked) is the same on every read.
        priorities = sorted(entity.priorities, key=lambda p: (p.rank, p.pk))
        ids = tuple(p.id for p in priorities)
        marked = entity.primary_priority_id
        return to_data(
            OutcomeData,
            entity,
            priority_ids=ids,
            priority_titles=tuple(p.title for p in priorities),
            primary_priority_id=marked if marked in ids else None,
            tags=tuple(tag.name for tag in entity.tags),
        )

    # -- links -------------------------------------------------------------------------------

    @staticmethod
    def _require_priorities(wanted: Sequence[str], live: set[str]) -> None:
        for pid in wanted:
            if pid not in live:
                raise ValidationError(f"No priority with id {pid} to link to.")

    @staticmethod
    def _with_primary(values: dict[str, Any], linked: builtins.list[str]) -> builtins.list[str]:
        """The links once the marked primary is among them: marking links it if need be."""
        primary = values.get("primary_priority_id")
        return linked if primary is None or primary in linked else [*linked, primary]

    def _priorities(self, session: Session, ids: builtins.list[str]) -> builtins.list[Priority]:
        found = {
            p.id: p
            for p in session.scalars(
                select(Priority).where(Priority.id.in_(ids), Priority.deleted_at.is_(None))
            )
        }
        self._require_priorities(ids, set(found))
        return [found[pid] for pid in ids]

    def _tags(self, session: Session, names: list[str]) -> list[Tag]:
        existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(names)))}
        tags = []
        for name in names:
            tag = existing.get(name)
            if tag is None:
                tag = Tag(name=name)
                session.add(tag)
            elif tag.deleted_at is not None:
                tag.deleted_at = None
            tags.append(tag)
        return tags

    def _check_refs(self, session: Session, values: dict[str, Any]) -> None:
        for key, entity, what in (
            ("person_id", Person, "person"),
            ("meeting_id", Meeting, "meeting"),
        ):
            ref = values.get(key)
            if ref and session.scalar(select(entity.pk).where(entity.id == ref)) is None:
                raise ValidationError(f"No {what} with id {ref}.")

    def _assign(self, session: Session, outcome: Outcome, values: dict[str, Any]) -> None:
        priority_ids = values.pop("priority_ids", None)
        tags = values.pop("tags", None)
        self._check_refs(session, values)
        if values.get("primary_priority_id") is not None:
            current = [p.id for p in outcome.priorities] if priority_ids is None else priority_ids
            priority_ids = self._with_primary(values, current)
        self._apply(outcome, values)
        if priority_ids is not None:
            outcome.priorities = self._priorities(session, priority_ids)
            if outcome.primary_priority_id not in priority_ids:
                outcome.primary_priority_id = None  # the mark goes with its link
        if tags is not None:
            outcome.tags = self._tags(session, tags)

    # -- use cases ---------------------------------------------------------------------------

    def create(self, title: str, **fields: Any) -> OutcomeData:
        values = self.new_values(title, **fields)
        with self.store.transaction() as session:
            return self.add(session, values)

    def new_values(self, title: str, **fields: Any) -> dict[str, Any]:
        """A new note's checked fields (the date defaults to the user's today), nothing
        written."""
        if fields.get("occurred_on") in (None, ""):
            fields["occurred_on"] = self.clock().astimezone().date()  # the user's today
        values = clean_fields(FIELDS, {"title": title, **fields}, what="outcome note")
        if values["occurred_on"] is None:
            raise ValidationError("An outcome note needs a date.")
        return values

    def add(self, session: Session, values: dict[str, Any]) -> OutcomeData:
        """Write a note checked by new_values, inside the caller's transaction."""
        values = dict(values)
        priority_ids = self._with_primary(values, values.pop("priority_ids", None) or [])
        tags = values.pop("tags", None) or []
        self._check_refs(session, values)
        session.flush()  # what the caller added is written first: the rest goes by Core
        linked = (
            session.connection().execute(LIVE_PRIORITIES, {"ids": priority_ids}).all()
            if priority_ids
            else []
        )
        self._require_priorities(priority_ids, {row.id for row in linked})
        writer = NoteWriter(session, self.clock())
        row = writer.add(values, priority_ids, tags)
        writer.flush()
        return to_data(
            OutcomeData,
            None,
            **row,
            priority_ids=tuple(p.id for p in linked),
            priority_titles=tuple(p.title for p in linked),
            tags=tuple(sorted(tags)),
        )

    def update(self, record_id: str, **changes: Any) -> OutcomeData:
        """Like EntityService.update, and it also replaces the priority and tag links."""
        values = clean_fields(FIELDS, changes, what="outcome note")
        if "occurred_on" in values and values["occurred_on"] is None:
            raise ValidationError("An outcome note needs a date.")
        with self.store.transaction() as session:
            outcome = self._load(session, record_id)
            self._assign(session, outcome, values)
            outcome.updated_at = self.clock()
            session.flush()
            return self._data(session, outcome)

    def link(self, outcome_id: str, priority_id: str) -> OutcomeData:
        with self.store.transaction() as session:
            outcome = self._load(session, outcome_id)
            if priority_id not in {p.id for p in outcome.priorities}:
                outcome.priorities.append(self._priorities(session, [priority_id])[0])
            session.flush()
            return self._data(session, outcome)

    def unlink(self, outcome_id: str, priority_id: str) -> OutcomeData:
        with self.store.transaction() as session:
            outcome = self._load(session, outcome_id)
            outcome.priorities = [p for p in outcome.priorities if p.id != priority_id]
            if outcome.primary_priority_id == priority_id:
                outcome.primary_priority_id = None
            session.flush()
            return self._data(session, outcome)

    def set_primary(self, outcome_id: str, priority_id: str | None) -> OutcomeData:
        """Mark the priority this note mainly serves (linking it if it was not), or with None
        go back to the first linked one. The review packet files the note under it."""
        return self.update(outcome_id, primary_priority_id=priority_id)

    def resolve_risk(self, outcome_id: str, on: date | str | None = None) -> OutcomeData:
        when = parse_date(on) or self.clock().astimezone().date()
        return self.update(outcome_id, resolved_on=when)

    # -- reading -----------------------------------------------------------------------------

    def list(
        self,
        filters: OutcomeFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = True,
    ) -> builtins.list[OutcomeData]:
        filters = filters or OutcomeFilter()
        order = (
            (Outcome.occurred_on.desc(), Outcome.pk.desc())
            if newest_first
            else (Outcome.occurred_on, Outcome.pk)
        )
        query = (
            select(Outcome)
            .where(*filters.clauses())
            .order_by(*order)
            .offset(offset)
            .limit(limit)
            .options(selectinload(Outcome.priorities), selectinload(Outcome.tags))
        )
        with self.store.transaction(write=False) as session:
            return [self._data(session, o) for o in session.scalars(query)]

    def ids(
        self, filters: OutcomeFilter | None = None, *, newest_first: bool = True
    ) -> builtins.list[str]:
        """All matching ids in display order: a large list's model holds these, not rows."""
        filters = filters or OutcomeFilter()
        order = (
            (Outcome.occurred_on.desc(), Outcome.pk.desc())
            if newest_first
            else (Outcome.occurred_on, Outcome.pk)
        )
        with self.store.transaction(write=False) as session:
            return list(
                session.connection().scalars(
                    select(Outcome.id).where(*filters.clauses()).order_by(*order)
                )
            )

    def id_page(
        self,
        filters: OutcomeFilter | None = None,
        *,
        newest_first: bool = True,
        after: IdCursor | None = None,
        limit: int = 5000,
    ) -> IdPage:
        """The next `limit` matching ids in display order, after the cursor of the last page.

        Keyset paging over the live-notes index: each page costs the same wherever it starts,
        so a large list shows its first rows at once and reads the rest in slices.
        """
        filters = filters or OutcomeFilter()
        key = tuple_(Outcome.occurred_on, Outcome.pk)
        order = (
            (Outcome.occurred_on.desc(), Outcome.pk.desc())
            if newest_first
            else (Outcome.occurred_on, Outcome.pk)
        )
        query = select(Outcome.id, Outcome.occurred_on, Outcome.pk).where(*filters.clauses())
        if after is not None:
            bound = tuple_(literal(after[0], Date), literal(after[1]))
            query = query.where(key < bound if newest_first else key > bound)
        with self.store.transaction(write=False) as session:
            # Core rows, not ORM ones: a page is thousands of ids
            found = session.connection().execute(query.order_by(*order).limit(limit + 1)).all()
        more = len(found) > limit
        found = found[:limit]
        cursor = (found[-1][1], found[-1][2]) if more and found else None
        return IdPage([row[0] for row in found], cursor)

    def priority_titles(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """The linked priorities' titles (by rank) of each given note, in one query."""
        titles: dict[str, list[str]] = {record_id: [] for record_id in ids}
        if not titles:
            return {}
        with self.store.transaction(write=False) as session:
            for outcome_id, title in session.execute(
                select(outcome_priorities.c.outcome_id, Priority.title)
                .join(Priority, Priority.id == outcome_priorities.c.priority_id)
                .where(outcome_priorities.c.outcome_id.in_(list(titles)))
                .order_by(Priority.rank, Priority.pk)
            ):
                titles[outcome_id].append(title)
        return {record_id: tuple(found) for record_id, found in titles.items()}

    def rows(self, ids: Sequence[str]) -> builtins.list[OutcomeRow]:
        """Light rows for the given ids, in the given order (missing ids are skipped)."""
        with self.store.transaction(write=False) as session:
            found = {
                row.id: row
                for row in session.execute(
                    select(*OUTCOME_ROW_COLUMNS).where(Outcome.id.in_(list(ids)))
                )
            }
        return [OutcomeRow(*found[i]) for i in ids if i in found]

    def count(self, filters: OutcomeFilter | None = None) -> int:
        filters = filters or OutcomeFilter()
        with self.store.transaction(write=False) as session:
            # A bare count(*) has SQLite read every row of the table (hundreds of ms at 100k
            # notes); counting the rows of the display order walks the live-notes index instead.
            shown = (
                select(Outcome.pk)
                .where(*filters.clauses())
                .order_by(Outcome.occurred_on, Outcome.pk)
                .subquery()
            )
            return session.scalar(select(func.count()).select_from(shown)) or 0

    def open_risks(self, *, person_id: str | None = None) -> builtins.list[OutcomeData]:
        with self.store.transaction(write=False) as session:
            query = (
                select(Outcome)
                .where(
                    Outcome.deleted_at.is_(None),
                    Outcome.kind == OutcomeKind.RISK.value,
                    Outcome.resolved_on.is_(None),
                )
                .order_by(Outcome.occurred_on)
            )
            if person_id:
                query = query.where(Outcome.person_id == person_id)
            return [self._data(session, o) for o in session.scalars(query)]

    def tags(self) -> builtins.list[str]:
        with self.store.transaction(write=False) as session:
            return list(
                session.scalars(select(Tag.name).where(Tag.deleted_at.is_(None)).order_by(Tag.name))
            )

    # -- bulk --------------------------------------------------------------------------------

    def bulk_import(self, items: Iterable[NewOutcome], *, batch: int = 5000) -> int:
        """Insert many notes in one transaction: all of them, or (on any bad item) none."""
        now = self.clock()
        count = 0
        with self.store.transaction() as session:
            writer = NoteWriter(session, now)
            known_priorities = set(
                session.scalars(select(Priority.id).where(Priority.deleted_at.is_(None)))
            )
            known_people = set(session.scalars(select(Person.id)))
            for number, item in enumerate(items, start=1):
                try:
                    values = clean_new_outcome(item)
                    if values["person_id"] and values["person_id"] not in known_people:
                        raise ValidationError(f"no person with id {item.person_id}.")
                    self._require_priorities(values["priority_ids"], known_priorities)
                except ValidationError as error:
                    raise ValidationError(f"Item {number}: {error}") from None
                writer.add(values, values.pop("priority_ids"), values.pop("tags"))
                count += 1
                if len(writer.rows) >= batch:
                    writer.flush()
            writer.flush()
        return count
