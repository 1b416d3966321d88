"""Every record out as one JSON document, and back in: into an empty store exactly, into a
used one as a merge.

The merge goes by UUID: a record the store lacks is added, one the file has in a newer version
(its `updated_at` is later) replaces the store's, any other is left as it is. A priority's
history is the union of both; an outcome's links go with the outcome's version that wins. The
shipped agenda templates, which every store gets with ids of its own, are matched by what they
are (the `templates.shipped` setting): an untouched shipped template gives way to the file's.
The whole import is one transaction, checked before it writes: a bad file changes nothing and
names the first bad value (`outcomes[12].date: not a date`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from upwardprep import __version__
from upwardprep.assets import resource
from upwardprep.services.common import Clock, ValidationError, system_clock
from upwardprep.services.files import read_text_file, write_private_file
from upwardprep.services.templates import SHIPPED_SETTING
from upwardprep.services.transfer_format import (
    BY_NAME,
    FORMAT,
    FORMAT_VERSION,
    SECTIONS,
    ImportProblem,
    Parsed,
    Row,
    Section,
    json_schema,
    parse_document,
    to_json,
)
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    AgendaTemplate,
    StoreSetting,
    Tag,
    outcome_priorities,
    outcome_tags,
)

SCHEMA_FILE = f"upwardprep-export-{FORMAT_VERSION}.schema.json"

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ImportProblem",
    "ImportReport",
    "SectionCount",
    "TransferService",
    "json_schema",
    "shipped_schema",
]


@dataclass(frozen=True)
class SectionCount:
    section: str
    added: int = 0
    updated: int = 0
    skipped: int = 0  # the store's version is as new or newer


@dataclass(frozen=True)
class ImportReport:
    counts: tuple[SectionCount, ...]
    dry_run: bool

    @property
    def added(self) -> int:
        return sum(c.added for c in self.counts)

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts)

    @property
    def skipped(self) -> int:
        return sum(c.skipped for c in self.counts)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def lines(self) -> list[str]:
        return [
            f"{c.section}: {c.added} added, {c.updated} updated, {c.skipped} skipped"
            for c in self.counts
            if c.added or c.updated or c.skipped
        ]


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so that it rolls back."""


class _Counter:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, section: str, outcome: int) -> None:  # 0 added, 1 updated, 2 skipped
        self.counts.setdefault(section, [0, 0, 0])[outcome] += 1

    def report(self, dry_run: bool) -> ImportReport:
        names = [name for s in SECTIONS for name in (s.name, *(key for key, _ in s.nested))]
        counts = tuple(
            SectionCount(name, *self.counts[name]) for name in names if name in self.counts
        )
        return ImportReport(counts, dry_run)


ADDED, UPDATED, SKIPPED = 0, 1, 2


class TransferService:
    def __init__(self, store: Store, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock

    # -- export ------------------------------------------------------------------------------

    def export_document(self) -> dict[str, Any]:
        """Every record of the store (Trash included) as a JSON-ready document."""
        with self.store.transaction(write=False) as session:
            conn = session.connection()
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            document: dict[str, Any] = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "exported_at": to_json(BY_NAME["people"].field("created_at"), self.clock()),
                "app_version": __version__,
                "schema_revision": revision,
            }
            for section in SECTIONS:
                document[section.name] = self._export_section(conn, section)
            settings = conn.execute(select(StoreSetting.key, StoreSetting.value))
            document["settings"] = dict(sorted((key, value) for key, value in settings))
        return document

    def _export_section(self, conn: Connection, section: Section) -> list[dict[str, Any]]:
        table = section.table
        order = (table.c.created_at, table.c.id)
        records = [_record(section, row) for row in conn.execute(select(table).order_by(*order))]
        if section.name == "priorities":
            history = BY_NAME["priorities"].nested[0][1]
            lines: dict[str, list[dict[str, Any]]] = defaultdict(list)
            query = select(history.table).order_by(history.table.c.changed_at, history.table.c.pk)
            for row in conn.execute(query):
                lines[row.priority_id].append(_record(history, row))
            for record in records:
                record["history"] = lines.get(record["id"], [])
        elif section.name == "meetings":
            agenda = BY_NAME["meetings"].nested[0][1]
            t = agenda.table
            items: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in conn.execute(select(t).order_by(t.c.position, t.c.created_at, t.c.id)):
                items[row.meeting_id].append(_record(agenda, row))
            for record in records:
                record["agenda"] = items.get(record["id"], [])
        elif section.name == "outcomes":
            links: dict[str, list[str]] = defaultdict(list)
            link_rows = select(outcome_priorities).order_by(outcome_priorities.c.priority_id)
            for outcome_id, priority_id in conn.execute(link_rows):
                links[outcome_id].append(priority_id)
            tags: dict[str, list[str]] = defaultdict(list)
            tag_rows = (
                select(outcome_tags.c.outcome_id, Tag.name)
                .join(Tag, Tag.id == outcome_tags.c.tag_id)
                .order_by(Tag.name)
            )
            for outcome_id, name in conn.execute(tag_rows):
                tags[outcome_id].append(name)
            for record in records:
                record["priority_ids"] = links.get(record["id"], [])
                record["tags"] = tags.get(record["id"], [])
        return records

    def write_json(self, out: Path | str) -> Path:
        """The export as a file, created user-only and never left half-written."""
        return self.write_document(self.export_document(), out)

    def write_document(self, document: dict[str, Any], out: Path | str) -> Path:
        """Write an export document to `out` (a file, or a folder to put a dated file in)."""
        target = Path(out).expanduser()
        if target.is_dir():
            target = target / f"upwardprep-export-{document['exported_at'][:10]}.json"
        data = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        return write_private_file(target, data.encode("utf-8"), protect=self.store.path)

    # -- import ------------------------------------------------------------------------------

    def read_json(self, path: Path | str) -> Any:
        """The decoded document, or a ValidationError that says where the file stops being
        JSON."""
        source = Path(path).expanduser()
        raw = read_text_file(source, what="import file")
        try:
            return json.loads(raw, parse_constant=_no_constant)
        except json.JSONDecodeError as error:
            rest = raw[error.pos :]
            truncated = not rest.strip() or (
                error.msg.startswith("Unterminated string") and "\n" not in rest
            )
            ending = " (the file ends early: is it complete?)" if truncated else ""
            raise ValidationError(
                f"{source.name} is not valid JSON: line {error.lineno}, column {error.colno}: "
                f"{error.msg}{ending}."
            ) from None
        except ValueError as error:  # NaN or Infinity
            raise ValidationError(f"{source.name} is not valid JSON: {error}.") from None

    def import_json(self, path: Path | str, *, dry_run: bool = False) -> ImportReport:
        return self.import_document(self.read_json(path), dry_run=dry_run)

    def import_document(self, document: Any, *, dry_run: bool = False) -> ImportReport:
        """Merge a document into the store in one transaction (rolled back for a dry run)."""
        parsed = parse_document(document, now=self.clock())
        counter = _Counter()
        try:
            with self.store.transaction() as session:
                _Merge(session.connection(), parsed, counter).run()
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return counter.report(dry_run)


def shipped_schema() -> str:
    """The JSON Schema of the export format, as shipped with the package."""
    return resource("schema", SCHEMA_FILE).read_text(encoding="utf-8")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _record(section: Section, row: Any) -> dict[str, Any]:
    mapping = row._mapping
    return {field.name: to_json(field, mapping[field.column]) for field in section.fields}


# -- the merge ---------------------------------------------------------------------------------


class _Merge:
    """One import, inside the caller's transaction."""

    def __init__(self, conn: Connection, parsed: Parsed, counter: _Counter) -> None:
        self.conn = conn
        self.parsed = parsed
        self.counter = counter
        # id -> updated_at of every record the store has, per section (nested ones too)
        self.known: dict[str, dict[str, datetime]] = {}
        self.won: set[str] = set()  # outcomes whose file version was written
        self.added_outcomes: set[str] = set()
        self.tag_ids: dict[str, str] = {}  # a tag name the file uses -> the store's tag id
        self.inserts: dict[Table, list[dict[str, Any]]] = defaultdict(list)
        self.updates: dict[Table, list[dict[str, Any]]] = defaultdict(list)

    def run(self) -> None:
        # Links are checked here, with paths; the database checks them again at commit.
        self.conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for section in SECTIONS:
            self.known[section.name] = self._stamps(section.table)
        self.known["agenda"] = self._stamps(BY_NAME["meetings"].nested[0][1].table)
        self._check_ids()
        self._check_links()
        replaced = self._shipped_templates()
        self._tags()
        for section in SECTIONS:
            if section.name != "tags":
                self._section(section)
        self._history()
        self._agenda()
        self._flush()
        self._outcome_links()
        self._settings(replaced)
        self._check_loops()

    def _stamps(self, table: Table) -> dict[str, datetime]:
        return {row[0]: row[1] for row in self.conn.execute(select(table.c.id, table.c.updated_at))}

    # -- checks before writing

    def _check_ids(self) -> None:
        for section in SECTIONS:
            seen: dict[str, str] = {}
            for row in self.parsed.sections[section.name]:
                self._once(seen, row)
            for key, _child in section.nested:
                nested: dict[str, str] = {}
                for row in self.parsed.sections[section.name]:
                    for item in row.children[key]:
                        self._once(nested, item)
        names: dict[str, str] = {}
        for row in self.parsed.sections["tags"]:
            name = row.values["name"]
            if name in names:
                raise ImportProblem(f"{row.path}.name", f"the same name as {names[name]}")
            names[name] = row.path

    @staticmethod
    def _once(seen: dict[str, str], row: Row) -> None:
        record_id = row.values.get("id")
        if record_id is None:  # a history line has no id of its own
            return
        if record_id in seen:
            raise ImportProblem(f"{row.path}.id", f"the same id as {seen[record_id]}")
        seen[record_id] = row.path

    def _ids(self, section: str) -> set[str]:
        return set(self.known[section]) | {r.values["id"] for r in self.parsed.sections[section]}

    def _check_links(self) -> None:
        targets = {name: self._ids(name) for name in BY_NAME}
        for section in SECTIONS:
            for row in self.parsed.sections[section.name]:
                for field in section.fields:
                    value = row.values.get(field.column)
                    if field.ref and value is not None and value not in targets[field.ref]:
                        what = BY_NAME[field.ref].what
                        raise ImportProblem(
                            f"{row.path}.{field.name}", f"no {what} with id {value} in the file"
                        )
        tag_names = {r.values["name"] for r in self.parsed.sections["tags"]}
        for row in self.parsed.sections["outcomes"]:
            for index, pid in enumerate(row.links["priority_ids"]):
                if pid not in targets["priorities"]:
                    raise ImportProblem(
                        f"{row.path}.priority_ids[{index}]", f"no priority with id {pid}"
                    )
            for index, name in enumerate(row.links["tags"]):
                if name not in tag_names:
                    raise ImportProblem(
                        f"{row.path}.tags[{index}]", f"no tag “{name}” in the file's tags"
                    )

    # -- writing

    def _write(self, section: str, table: Table, row: Row, extra: dict[str, Any]) -> int:
        """Add, replace or skip one record (buffered: `_flush` writes them in batches)."""
        values = {**row.values, **extra}
        record_id = values["id"]
        stamp = self.known[section].get(record_id)
        if stamp is None:
            self.inserts[table].append(values)
            outcome = ADDED
        elif values["updated_at"] > stamp:
            self.updates[table].append(values)
            outcome = UPDATED
        else:
            outcome = SKIPPED
        if outcome != SKIPPED:
            self.known[section][record_id] = values["updated_at"]
        self.counter.add(section, outcome)
        return outcome

    def _flush(self) -> None:
        """Write what is buffered, a statement per table and set of columns (executemany: one
        compiled statement for thousands of rows)."""
        for table, rows in self.inserts.items():
            for batch in _same_columns(rows):
                self.conn.execute(insert(table), batch)
        for table, rows in self.updates.items():
            for batch in _same_columns(rows):
                columns = [name for name in batch[0] if name != "id"]
                statement = (
                    update(table)
                    .where(table.c.id == bindparam("match_id"))
                    .values({name: bindparam(name) for name in columns})
                )
                self.conn.execute(statement, [{**row, "match_id": row["id"]} for row in batch])
        self.inserts.clear()
        self.updates.clear()

    def _section(self, section: Section) -> None:
        for row in self.parsed.sections[section.name]:
            written = self._write(section.name, section.table, row, {})
            if written != SKIPPED and section.name == "outcomes":
                self.won.add(row.values["id"])
                if written == ADDED:
                    self.added_outcomes.add(row.values["id"])

    def _tags(self) -> None:
        """Tags are unique by name: a file tag the store has under another id is that one."""
        table = BY_NAME["tags"].table
        by_name = {name: tag_id for name, tag_id in self.conn.execute(select(Tag.name, Tag.id))}
        for row in self.parsed.sections["tags"]:
            record_id, name = row.values["id"], row.values["name"]
            owner = by_name.get(name)
            if owner is not None and owner != record_id:
                # The store has the name under another id (or the file renames a tag into a
                # name in use): the store's tag stands for it.
                self.tag_ids[name] = owner
                self.counter.add("tags", SKIPPED)
                continue
            self._write("tags", table, row, {})
            self.tag_ids[name] = record_id
            by_name[name] = record_id

    def _history(self) -> None:
        history = BY_NAME["priorities"].nested[0][1]
        table = history.table
        have: dict[str, set[tuple[Any, ...]]] = defaultdict(set)
        columns = [table.c[field.column] for field in history.fields]
        for row in self.conn.execute(select(table.c.priority_id, *columns)):
            have[row[0]].add(tuple(row[1:]))
        for priority in self.parsed.sections["priorities"]:
            owner = priority.values["id"]
            for line in priority.children["history"]:
                key = tuple(line.values.get(field.column) for field in history.fields)
                if key in have[owner]:
                    self.counter.add("history", SKIPPED)
                    continue
                self.inserts[table].append({"priority_id": owner, **line.values})
                have[owner].add(key)
                self.counter.add("history", ADDED)

    def _agenda(self) -> None:
        table = BY_NAME["meetings"].nested[0][1].table
        for meeting in self.parsed.sections["meetings"]:
            for item in meeting.children["agenda"]:
                self._write("agenda", table, item, {"meeting_id": meeting.values["id"]})

    def _outcome_links(self) -> None:
        """An outcome's links go with the version of it that won."""
        replaced = [
            {"match_id": outcome_id}
            for outcome_id in self.won
            if outcome_id not in self.added_outcomes
        ]
        if replaced:
            for table in (outcome_priorities, outcome_tags):
                self.conn.execute(
                    delete(table).where(table.c.outcome_id == bindparam("match_id")), replaced
                )
        priority_links, tag_links = [], []
        for row in self.parsed.sections["outcomes"]:
            outcome_id = row.values["id"]
            if outcome_id in self.won:
                priority_links += [
                    {"outcome_id": outcome_id, "priority_id": p} for p in row.links["priority_ids"]
                ]
                tag_links += [
                    {"outcome_id": outcome_id, "tag_id": self.tag_ids[t]} for t in row.links["tags"]
                ]
        _insert_many(self.conn, outcome_priorities, priority_links)
        _insert_many(self.conn, outcome_tags, tag_links)

    # -- shipped templates and settings

    def _shipped_templates(self) -> dict[str, str]:
        """Let an untouched shipped template of the store give way to the file's copy of the
        same shipped template (a new store has them under ids of its own); return the
        shipped-template map the store ends with."""
        ours = self._shipped_map(
            self.conn.execute(
                select(StoreSetting.value).where(StoreSetting.key == SHIPPED_SETTING)
            ).scalar()
        )
        theirs = self._shipped_map(self.parsed.settings.get(SHIPPED_SETTING))
        file_templates = {r.values["id"] for r in self.parsed.sections["templates"]}
        for key, their_id in theirs.items():
            our_id = ours.get(key)
            if their_id not in file_templates:
                continue
            if our_id is None:
                ours[key] = their_id
                continue
            if our_id == their_id or their_id in self.known["templates"]:
                continue
            untouched = self.conn.execute(
                select(AgendaTemplate.pk).where(
                    AgendaTemplate.id == our_id,
                    AgendaTemplate.builtin.is_(True),
                    AgendaTemplate.deleted_at.is_(None),
                )
            ).scalar()
            if untouched is None:
                continue  # the user's own version stays the one this store tracks
            meetings = BY_NAME["meetings"].table
            self.conn.execute(
                update(meetings)
                .where(meetings.c.template_id == our_id)
                .values(template_id=their_id)
            )
            self.conn.execute(delete(AgendaTemplate).where(AgendaTemplate.id == our_id))
            del self.known["templates"][our_id]
            ours[key] = their_id
        return ours

    @staticmethod
    def _shipped_map(value: str | None) -> dict[str, str]:
        try:
            found = json.loads(value or "{}")
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def _settings(self, shipped: dict[str, str]) -> None:
        """The store's settings stay; the file adds those the store does not have."""
        have = set(self.conn.execute(select(StoreSetting.key)).scalars())
        for key, value in self.parsed.settings.items():
            if key == SHIPPED_SETTING or key in have:
                continue
            self.conn.execute(insert(StoreSetting).values(key=key, value=value))
        if shipped:
            self.conn.execute(delete(StoreSetting).where(StoreSetting.key == SHIPPED_SETTING))
            self.conn.execute(
                insert(StoreSetting).values(
                    key=SHIPPED_SETTING, value=json.dumps(shipped, sort_keys=True)
                )
            )

    # -- after writing

    def _check_loops(self) -> None:
        """A merge may join two chains into a loop (A aligned to B here, B to A there)."""
        for section, column in (("priorities", "parent_id"), ("actions", "carried_from_id")):
            table = BY_NAME[section].table
            query = select(table.c.id, table.c[column])
            parent = {child: up for child, up in self.conn.execute(query)}
            for row in self.parsed.sections[section]:
                seen = {row.values["id"]}
                step = parent.get(row.values["id"])
                while step is not None:
                    if step in seen:
                        name = BY_NAME[section].field(column).name
                        raise ImportProblem(
                            f"{row.path}.{name}", "with the store's records this makes a loop"
                        )
                    seen.add(step)
                    step = parent.get(step)


def _same_columns(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Runs of rows that set the same columns (a hand-written file may leave some out)."""
    for _names, run in groupby(rows, key=_columns):
        yield list(run)


def _columns(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(row)


def _insert_many(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), list(rows))
