"""Outcome notes from a CSV "brag document" kept elsewhere (a spreadsheet, another app).

The header names the columns, in any order and any case:

    date, title, body, kind, priority, tags, person, impact, metric, evidence

Only `date` (YYYY-MM-DD) and `title` are required. `kind` is one of the outcome kinds (win when
empty); `priority` names one or more priorities (separated by `;`) and `person` one person, each
matched like the command line matches them: by id, whole name in any case, or an unambiguous
part of it; `tags` are separated by `,` or `;`; `metric` is the metric delta and `evidence` a
link. Commas, semicolons or tabs separate the cells (whatever the header uses); UTF-8, with or
without the byte-order mark spreadsheets write.

Every row is checked before anything is written. A file with a bad row writes nothing and each
bad row is reported with its line number; the preview shows the same findings.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from upwardprep.services.common import Clock, ValidationError, resolve_by_name, system_clock
from upwardprep.services.files import read_text_file
from upwardprep.services.outcomes import FIELDS, NewOutcome, OutcomeService
from upwardprep.store.engine import Store
from upwardprep.store.entities import Person, Priority

COLUMNS = (
    "date",
    "title",
    "body",
    "kind",
    "priority",
    "tags",
    "person",
    "impact",
    "metric",
    "evidence",
)
REQUIRED = ("date", "title")
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class CsvRow:
    """One data row as it will be imported (or why it cannot be)."""

    line: int  # where the row starts in the file (the header is line 1)
    title: str
    occurred_on: date | None
    kind: str
    priorities: tuple[str, ...]  # titles as found in the store
    person: str  # the name as found in the store, or ""
    tags: tuple[str, ...]
    problem: str = ""


@dataclass(frozen=True)
class CsvPreview:
    rows: tuple[CsvRow, ...]
    imported: int = 0  # notes written (0 for a preview or a dry run)

    @property
    def problems(self) -> tuple[CsvRow, ...]:
        return tuple(row for row in self.rows if row.problem)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems

    def problem_text(self) -> str:
        shown = [f"line {row.line}: {row.problem}" for row in self.problems[:MAX_PROBLEMS]]
        more = len(self.problems) - len(shown)
        if more > 0:
            shown.append(f"… and {more} more")
        return "\n".join(shown)


def _split(text: str, separators: str) -> list[str]:
    for separator in separators[1:]:
        text = text.replace(separator, separators[0])
    return [part.strip() for part in text.split(separators[0]) if part.strip()]


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header's column names and each data row with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError("The file is empty; its first line must name the columns.") from None
    except csv.Error as error:
        raise ValidationError(f"line 1: {error}.") from None
    names = [name.strip().lower() for name in header]
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise ValidationError(
            f"line 1: “{unknown[0]}” is not a column UpwardPrep knows; the columns are "
            f"{', '.join(COLUMNS)} (date and title required)."
        )
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ValidationError(f"line 1: the header has no “{missing[0]}” column.")
    doubled = {name for name in names if names.count(name) > 1}
    if doubled:
        raise ValidationError(f"line 1: the column “{sorted(doubled)[0]}” appears twice.")
    rows = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) > len(names):
                    rows.append((start, {"": "more cells than the header has columns"}))
                else:
                    rows.append((start, dict(zip(names, cells, strict=False))))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ValidationError(f"line {start}: {error}.") from None
    return names, rows


class _Names:
    """Priority and person references resolved once each, in one read transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.found: dict[tuple[str, str], Any] = {}

    def resolve(self, entity: type[Any], column: Any, reference: str, what: str) -> Any:
        key = (what, reference.casefold())
        if key not in self.found:
            try:
                self.found[key] = resolve_by_name(
                    self.session, entity, column, reference, what=what
                )
            except ValidationError as error:
                self.found[key] = error
        found = self.found[key]
        if isinstance(found, ValidationError):
            raise found
        return found


def _check(line: int, cells: dict[str, str], names: _Names) -> tuple[CsvRow, NewOutcome | None]:
    title = " ".join(cells.get("title", "").split())
    kind = cells.get("kind", "").strip() or "win"
    base = CsvRow(line, title, None, kind, (), "", ())
    if "" in cells:
        return _bad(base, cells[""]), None
    try:
        tags = tuple(_split(cells.get("tags", ""), ",;"))
        values = {
            "title": cells.get("title", ""),
            "occurred_on": cells.get("date", "").strip(),
            "kind": kind,
            "body": cells.get("body", ""),
            "impact": cells.get("impact", ""),
            "metric_delta": cells.get("metric", ""),
            "evidence_url": cells.get("evidence", ""),
            "tags": tags,
        }
        cleaned = {key: FIELDS[key](value) for key, value in values.items()}
        if cleaned["occurred_on"] is None:
            raise ValidationError("the date is empty; use the form YYYY-MM-DD.")
        priorities = [
            names.resolve(Priority, Priority.title, ref, "priority")
            for ref in _split(cells.get("priority", ""), ";")
        ]
        person_ref = cells.get("person", "").strip()
        person = names.resolve(Person, Person.name, person_ref, "person") if person_ref else None
    except ValidationError as error:
        return _bad(base, str(error)), None
    row = CsvRow(
        line,
        cleaned["title"],
        cleaned["occurred_on"],
        cleaned["kind"],
        tuple(p.title for p in priorities),
        person.name if person is not None else "",
        tuple(cleaned["tags"]),
    )
    item = NewOutcome(
        title=cleaned["title"],
        occurred_on=cleaned["occurred_on"],
        kind=cleaned["kind"],
        body=cleaned["body"],
        impact=cleaned["impact"],
        metric_delta=cleaned["metric_delta"],
        evidence_url=cleaned["evidence_url"],
        person_id=person.id if person is not None else None,
        priority_ids=tuple(p.id for p in priorities),
        tags=cleaned["tags"],
    )
    return row, item


def _bad(row: CsvRow, problem: str) -> CsvRow:
    text = problem.rstrip(".")
    return CsvRow(
        row.line, row.title, row.occurred_on, row.kind, (), "", (), text[:1].lower() + text[1:]
    )


class BragCsvService:
    def __init__(
        self, store: Store, outcomes: OutcomeService, *, clock: Clock = system_clock
    ) -> None:
        self.store = store
        self.outcomes = outcomes
        self.clock = clock

    def _read(self, path: Path | str) -> tuple[tuple[CsvRow, ...], list[NewOutcome]]:
        text = read_text_file(Path(path).expanduser(), what="CSV file")
        _names, rows = read_rows(text)
        if not rows:
            raise ValidationError("The file has a header but no rows to import.")
        checked: list[CsvRow] = []
        items: list[NewOutcome] = []
        with self.store.transaction(write=False) as session:
            names = _Names(session)
            for line, cells in rows:
                row, item = _check(line, cells, names)
                checked.append(row)
                if item is not None:
                    items.append(item)
        return tuple(checked), items

    def preview(self, path: Path | str) -> CsvPreview:
        """What an import of the file would add, row by row, with the problems found."""
        rows, _items = self._read(path)
        return CsvPreview(rows)

    def import_file(self, path: Path | str, *, dry_run: bool = False) -> CsvPreview:
        """Add every row as an outcome note, or (a bad row, a dry run) nothing at all."""
        rows, items = self._read(path)
        preview = CsvPreview(rows)
        if preview.problems:
            raise ValidationError(
                f"Nothing was imported: {len(preview.problems)} of {len(rows)} rows cannot be "
                "imported.\n" + preview.problem_text()
            )
        if dry_run:
            return preview
        count = self.outcomes.bulk_import(items)
        return CsvPreview(rows, imported=count)
