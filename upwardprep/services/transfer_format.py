"""The shape of a full export ("upwardprep-export", format version 1), read from the store's
own tables, so that a column a migration adds is exported, imported and described by the
shipped JSON Schema without a second list to keep in step.

A record is a JSON object named by its column names (the outcome's `occurred_on` is `date`),
values as JSON: dates "YYYY-MM-DD", times ISO 8601 in UTC ("2026-11-23T09:00:00Z"), enums by
value, links by UUID. A priority carries its `history`, a meeting its `agenda` (removed items
included, with their `deleted_at`), an outcome its `priority_ids` and `tags` (by name). Trashed
records are there with their `deleted_at`.

Reading a document checks every value and names the first bad one by its path
(`outcomes[12].date: not a date`); nothing is written until the whole document passed.
"""

from __future__ import annotations

import enum
import math
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Integer, String, Table, Text

from upwardprep.services.common import MAX_TEXT, ValidationError
from upwardprep.store.entities import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    AgendaTemplate,
    CycleKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Outcome,
    OutcomeKind,
    Person,
    Priority,
    PriorityChange,
    PriorityStatus,
    ReviewCycle,
    Role,
    Tag,
    UTCDateTime,
)

FORMAT = "upwardprep-export"
FORMAT_VERSION = 1
SCHEMA_ID = "https://upwardprep.invalid/schema/export-1.json"

# Columns whose strings are enum values (kept as plain strings in the file, checked here).
ENUMS: dict[tuple[str, str], type[enum.StrEnum]] = {
    ("people", "role"): Role,
    ("priorities", "status"): PriorityStatus,
    ("outcomes", "kind"): OutcomeKind,
    ("meetings", "kind"): MeetingKind,
    ("meetings", "status"): MeetingStatus,
    ("action_items", "owner"): ActionOwner,
    ("review_cycles", "kind"): CycleKind,
}
# Text that must say something (the store and the services never keep these empty).
NAMED = {
    ("people", "name"),
    ("priorities", "title"),
    ("tags", "name"),
    ("outcomes", "title"),
    ("agenda_templates", "name"),
    ("agenda_items", "title"),
    ("action_items", "title"),
    ("review_cycles", "name"),
}
RENAMED = {("outcomes", "occurred_on"): "date"}
TIMES = ("created_at", "updated_at")
STAMPS = (*TIMES, "deleted_at")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Field:
    name: str  # in the file
    column: str  # in the table
    kind: str  # id, str, text, int, float, bool, date, datetime, enum
    nullable: bool
    required: bool
    limit: int | None = None
    enum: type[enum.StrEnum] | None = None
    ref: str | None = None  # the section a link points into
    named: bool = False


@dataclass(frozen=True)
class Section:
    name: str  # in the file
    table: Table
    what: str  # a record of it, for messages
    fields: tuple[Field, ...]
    nested: tuple[tuple[str, Section], ...] = ()  # (key, section) lists inside a record

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _kind(column: Column[Any]) -> tuple[str, int | None]:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return "datetime", None
    if isinstance(kind, Boolean):
        return "bool", None
    if isinstance(kind, Integer):
        return "int", None
    if isinstance(kind, Float):
        return "float", None
    if isinstance(kind, Date):
        return "date", None
    if isinstance(kind, Text):
        return "text", MAX_TEXT
    if isinstance(kind, String):
        return "str", kind.length
    raise TypeError(f"no export kind for {column}")  # a new column type needs a rule here


def _fields(table: Table, refs: dict[str, str], parent: str = "") -> tuple[Field, ...]:
    """The fields of a table's records: every column but the row key (and, for a nested list,
    the link to its parent, which is where the record sits in the file)."""
    fields = []
    for column in table.columns:
        if column.name in ("pk", parent):
            continue
        kind, limit = _kind(column)
        enum_kind = ENUMS.get((table.name, column.name))
        if column.name == "id" or column.name in refs:
            kind, limit = "id", None
        elif enum_kind is not None:
            kind = "enum"
        has_default = column.default is not None or column.nullable
        fields.append(
            Field(
                name=RENAMED.get((table.name, column.name), column.name),
                column=column.name,
                kind=kind,
                nullable=bool(column.nullable),
                # Times default to the import's clock; other columns with a default may be left
                # out of a hand-written file.
                required=column.name == "id" or (not has_default and column.name not in TIMES),
                limit=limit,
                enum=enum_kind,
                ref=refs.get(column.name),
                named=(table.name, column.name) in NAMED,
            )
        )
    # The id first and the times last: a record reads from what it is to when it changed.
    return tuple(sorted(fields, key=lambda f: (f.column != "id") + (f.column in STAMPS)))


def _table(entity: type[Any]) -> Table:
    table = entity.__table__
    assert isinstance(table, Table)
    return table


HISTORY = Section(
    "history",
    _table(PriorityChange),
    "history line",
    _fields(_table(PriorityChange), {}, parent="priority_id"),
)
AGENDA = Section(
    "agenda", _table(AgendaItem), "agenda item", _fields(_table(AgendaItem), {}, "meeting_id")
)
SECTIONS: tuple[Section, ...] = (
    Section("people", _table(Person), "person", _fields(_table(Person), {})),
    Section("templates", _table(AgendaTemplate), "template", _fields(_table(AgendaTemplate), {})),
    Section("tags", _table(Tag), "tag", _fields(_table(Tag), {})),
    Section(
        "priorities",
        _table(Priority),
        "priority",
        _fields(_table(Priority), {"owner_id": "people", "parent_id": "priorities"}),
        (("history", HISTORY),),
    ),
    Section(
        "meetings",
        _table(Meeting),
        "meeting",
        _fields(_table(Meeting), {"person_id": "people", "template_id": "templates"}),
        (("agenda", AGENDA),),
    ),
    Section(
        "actions",
        _table(ActionItem),
        "action item",
        _fields(
            _table(ActionItem),
            {"meeting_id": "meetings", "owner_person_id": "people", "carried_from_id": "actions"},
        ),
    ),
    Section(
        "outcomes",
        _table(Outcome),
        "outcome",
        _fields(
            _table(Outcome),
            {
                "person_id": "people",
                "meeting_id": "meetings",
                "primary_priority_id": "priorities",
            },
        ),
    ),
    Section(
        "cycles",
        _table(ReviewCycle),
        "review cycle",
        _fields(_table(ReviewCycle), {"reviewer_id": "people"}),
    ),
)
BY_NAME = {section.name: section for section in SECTIONS}
OUTCOME_LINKS = ("priority_ids", "tags")


class ImportProblem(ValidationError):
    """A value in an import file that cannot be taken; `path` names it like `outcomes[12].date`."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


# -- values ------------------------------------------------------------------------------------


def format_time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def to_json(field: Field, value: Any) -> Any:
    if value is None:
        return None
    if field.kind == "datetime":
        return format_time(value)
    if field.kind == "date":
        return value.isoformat()
    if field.kind == "float":
        return float(value)
    return value


def _parse_time(raw: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value.astimezone(UTC) if value.tzinfo is not None else None


def from_json(field: Field, raw: Any, path: str) -> Any:
    """The value for the store, or ImportProblem naming `path`."""
    if raw is None:
        if field.nullable:
            return None
        raise ImportProblem(path, "must not be null")
    kind = field.kind
    if kind in ("str", "text", "id", "enum", "date", "datetime") and not isinstance(raw, str):
        raise ImportProblem(path, f"not {_described(field)}")
    if kind in ("str", "text"):
        if "\x00" in raw:
            raise ImportProblem(path, "contains a NUL character")
        if field.limit is not None and len(raw) > field.limit:
            raise ImportProblem(path, f"longer than {field.limit:,} characters")
        if field.named and not raw.strip():
            raise ImportProblem(path, "is empty")
        return raw
    if kind == "id":
        try:
            canonical = str(uuid.UUID(raw))
        except ValueError:
            raise ImportProblem(path, "not a UUID") from None
        if raw != canonical:
            raise ImportProblem(path, "not a UUID in its usual form (lower case, with hyphens)")
        return raw
    if kind == "enum":
        assert field.enum is not None
        if raw not in {member.value for member in field.enum}:
            allowed = ", ".join(member.value for member in field.enum)
            raise ImportProblem(path, f"“{raw[:40]}” is not one of: {allowed}")
        return raw
    if kind == "date":
        try:
            if DAY.fullmatch(raw):
                return date.fromisoformat(raw)
        except ValueError:
            pass
        raise ImportProblem(path, "not a date")
    if kind == "datetime":
        value = _parse_time(raw)
        if value is None:
            raise ImportProblem(path, "not a time with its time zone (e.g. 2026-11-23T09:00:00Z)")
        return value
    if kind == "bool":
        if not isinstance(raw, bool):
            raise ImportProblem(path, "not true or false")
        return raw
    if kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int) or abs(raw) >= 2**63:
            raise ImportProblem(path, "not a whole number")
        return raw
    if kind == "float":
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            raise ImportProblem(path, "not a number")
        return float(raw)
    raise AssertionError(kind)


def _described(field: Field) -> str:
    return {
        "str": "text",
        "text": "text",
        "id": "a UUID",
        "enum": "text",
        "date": "a date",
        "datetime": "a time",
    }[field.kind]


# -- reading a document ------------------------------------------------------------------------


@dataclass
class Row:
    """One record of a document, checked: its values by column name, and where it was."""

    path: str
    values: dict[str, Any]
    children: dict[str, list[Row]]
    links: dict[str, list[str]]


@dataclass
class Parsed:
    sections: dict[str, list[Row]]
    settings: dict[str, str]
    exported_at: datetime | None


def _rows(section: Section, raw: Any, path: str, now: datetime) -> Iterator[Row]:
    if not isinstance(raw, list):
        raise ImportProblem(path, "not a list")
    for index, item in enumerate(raw):
        yield _row(section, item, f"{path}[{index}]", now)


def _row(section: Section, item: Any, path: str, now: datetime) -> Row:
    if not isinstance(item, dict):
        raise ImportProblem(path, f"not a {section.what} (an object)")
    extra = {name for name, _ in section.nested}
    if section.name == "outcomes":
        extra |= set(OUTCOME_LINKS)
    known = {f.name for f in section.fields} | extra
    for key in item:
        if key not in known:
            raise ImportProblem(f"{path}.{key}", f"not a field of a {section.what}")
    values: dict[str, Any] = {}
    for field in section.fields:
        where = f"{path}.{field.name}"
        if field.name not in item:
            if field.required:
                raise ImportProblem(where, "missing")
            if field.column in TIMES:
                values[field.column] = now
            continue
        values[field.column] = from_json(field, item[field.name], where)
    if values.get("updated_at") and values.get("created_at") is None:
        values["created_at"] = values["updated_at"]
    children = {
        key: list(_rows(child, item.get(key, []), f"{path}.{key}", now))
        for key, child in section.nested
    }
    links: dict[str, list[str]] = {}
    if section.name == "outcomes":
        links["priority_ids"] = _strings(item.get("priority_ids", []), f"{path}.priority_ids", True)
        links["tags"] = _strings(item.get("tags", []), f"{path}.tags", False)
    return Row(path, values, children, links)


def _strings(raw: Any, path: str, ids: bool) -> list[str]:
    if not isinstance(raw, list):
        raise ImportProblem(path, "not a list")
    field = _LINK_ID if ids else _TAG_NAME
    found = [from_json(field, value, f"{path}[{i}]") for i, value in enumerate(raw)]
    if len(set(found)) != len(found):
        raise ImportProblem(path, "names the same one twice")
    return found


_LINK_ID = Field("id", "id", "id", False, True)
_TAG_NAME = Field("tag", "name", "str", False, True, 80, named=True)


def parse_document(document: Any, *, now: datetime) -> Parsed:
    """Check a whole document (a decoded JSON value); ImportProblem at the first bad value."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem(
            "", f"This is not an UpwardPrep export (its “format” is not “{FORMAT}”)."
        )
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise ImportProblem(
            "format_version",
            f"this file is format version {version!r}; this version of UpwardPrep reads "
            f"version {FORMAT_VERSION}"
            + (
                " (it was written by a newer UpwardPrep: update to import it)"
                if isinstance(version, int) and version > FORMAT_VERSION
                else ""
            ),
        )
    known = {
        "format",
        "format_version",
        "exported_at",
        "app_version",
        "schema_revision",
        "settings",
        *BY_NAME,
    }
    for key in document:
        if key not in known:
            raise ImportProblem(key, "not a part of an UpwardPrep export")
    exported = document.get("exported_at")
    exported_at = None
    if exported is not None:
        exported_at = from_json(
            Field("exported_at", "", "datetime", True, False), exported, "exported_at"
        )
    sections = {
        section.name: list(_rows(section, document.get(section.name, []), section.name, now))
        for section in SECTIONS
    }
    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        raise ImportProblem("settings", "not an object")
    for key, value in settings.items():
        if not isinstance(value, str) or len(key) > 100:
            raise ImportProblem(f"settings.{key}", "not a text value")
    return Parsed(sections, dict(settings), exported_at)


def walk(parsed: Parsed) -> Iterator[tuple[Section, Row]]:
    """Every record of a parsed document, nested ones after their parent."""
    for section in SECTIONS:
        for row in parsed.sections[section.name]:
            yield section, row
            for key, child in section.nested:
                for sub in row.children[key]:
                    yield child, sub


# -- the JSON Schema ---------------------------------------------------------------------------


def _field_schema(field: Field) -> dict[str, Any]:
    types: dict[str, dict[str, Any]] = {
        "id": {"type": "string", "format": "uuid"},
        "str": {"type": "string"},
        "text": {"type": "string"},
        "int": {"type": "integer"},
        "float": {"type": "number"},
        "bool": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
        "datetime": {"type": "string", "format": "date-time"},
        "enum": {"type": "string"},
    }
    schema = dict(types[field.kind])
    if field.limit is not None:
        schema["maxLength"] = field.limit
    if field.named:
        schema["minLength"] = 1
    if field.enum is not None:
        schema["enum"] = [member.value for member in field.enum]
    if field.ref:
        schema["description"] = f"the id of one of `{field.ref}`"
    if field.nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _section_schema(section: Section) -> dict[str, Any]:
    properties = {field.name: _field_schema(field) for field in section.fields}
    for key, child in section.nested:
        properties[key] = {"type": "array", "items": _section_schema(child)}
    if section.name == "outcomes":
        properties["priority_ids"] = {
            "type": "array",
            "items": {"type": "string", "format": "uuid"},
            "uniqueItems": True,
        }
        properties["tags"] = {
            "type": "array",
            "items": {"type": "string", "minLength": 1, "maxLength": 80},
            "uniqueItems": True,
        }
    return {
        "title": section.what,
        "type": "object",
        "properties": properties,
        "required": [field.name for field in section.fields if field.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of format version 1, as shipped beside the package."""
    properties: dict[str, Any] = {
        "format": {"const": FORMAT},
        "format_version": {"const": FORMAT_VERSION},
        "exported_at": {"type": "string", "format": "date-time"},
        "app_version": {"type": "string"},
        "schema_revision": {"type": "string"},
        "settings": {"type": "object", "additionalProperties": {"type": "string"}},
    }
    for section in SECTIONS:
        properties[section.name] = {"type": "array", "items": _section_schema(section)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "UpwardPrep full export",
        "description": "Every record of an UpwardPrep store, with UUIDs and times (UTC).",
        "type": "object",
        "properties": properties,
        "required": ["format", "format_version"],
        "additionalProperties": False,
    }
