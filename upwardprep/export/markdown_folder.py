"""The whole store as a folder of Markdown files, one per person, priority, outcome and meeting,
that opens as an Obsidian vault (or in any editor).

Each file starts with YAML front matter holding the record's fields (links as `[[wikilinks]]`,
which Obsidian shows as properties), then the record's text, then links to the records it
touches, so the graph view connects them. It is built from the full JSON export (one read of
the store), without the Trash: the JSON export is the complete copy, this folder is for reading.

The folder is written under a temporary name beside the target (0700, files 0600) and renamed
into place when complete, so the target never holds half an export.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from upwardprep.services import ValidationError

__all__ = ["MarkdownFolderResult", "front_matter", "write_markdown_folder"]

# Characters a file name or an Obsidian link cannot hold (or that mean something in a link).
_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f\x7f]')
_NOT_IN_ALIAS = re.compile(r"[\[\]|\x00-\x1f\x7f]")
_NAME_BYTES = 120
_PLAIN = re.compile(r"\d{4}-\d{2}-\d{2}|[A-Za-z][A-Za-z0-9_-]*")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}
Record = dict[str, Any]


@dataclass(frozen=True)
class MarkdownFolderResult:
    path: Path
    files: int


def _file_stem(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace(":", "-")  # "1:1 with Dana" -> "1-1 …"
    stem = " ".join(_UNSAFE.sub(" ", text).split()).strip(". ")
    while len(stem.encode("utf-8")) > _NAME_BYTES:
        stem = stem[:-1].rstrip(". ")
    return stem or "Untitled"


class _Names:
    """One file name per record, unique in its folder whatever the file system's case rules."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.of: dict[str, str] = {}  # record id -> "Folder/Stem"
        self.title: dict[str, str] = {}  # record id -> what a link shows

    def add(self, folder: str, record_id: str, stem: str, title: str) -> None:
        base, number = _file_stem(stem), 1
        name = base
        while f"{folder}/{name}".casefold() in self.taken:
            number += 1
            name = f"{base} ({number})"
        self.taken.add(f"{folder}/{name}".casefold())
        self.of[record_id] = f"{folder}/{name}"
        self.title[record_id] = title

    def link(self, record_id: str | None) -> str | None:
        if record_id is None or record_id not in self.of:
            return None
        shown = " ".join(_NOT_IN_ALIAS.sub(" ", self.title[record_id]).split()) or "Untitled"
        return f"[[{self.of[record_id]}|{shown}]]"


# -- YAML front matter -------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text  # a date or a word: plain, as Obsidian writes its own properties
    # A JSON string is a YAML double-quoted scalar: every character survives as written.
    return json.dumps(text, ensure_ascii=False)


def front_matter(fields: Iterable[tuple[str, Any]]) -> str:
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, list | tuple):
            if not value:
                lines.append(f"{key}: []")
                continue
            lines.append(f"{key}:")
            lines += [f"  - {_scalar(item)}" for item in value]
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


# -- the files ---------------------------------------------------------------------------------


def _live(records: list[Record]) -> list[Record]:
    return [record for record in records if record.get("deleted_at") is None]


def _local_day(stamp: str) -> str:
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d")


def _local_time(stamp: str | None) -> str | None:
    if stamp is None:
        return None
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


def _section(title: str, body: str | None) -> str:
    text = (body or "").strip("\n")
    return f"\n## {title}\n\n{text}\n" if text.strip() else ""


def _link_list(title: str, links: Iterable[str | None]) -> str:
    shown = [f"- {link}" for link in links if link]
    return _section(title, "\n".join(shown)) if shown else ""


class _Vault:
    def __init__(self, document: dict[str, Any]) -> None:
        self.people = _live(document.get("people", []))
        self.priorities = _live(document.get("priorities", []))
        self.outcomes = _live(document.get("outcomes", []))
        self.meetings = _live(document.get("meetings", []))
        self.actions = _live(document.get("actions", []))
        self.templates = {t["id"]: t["name"] for t in document.get("templates", [])}
        self.names = _Names()
        for person in self.people:
            self.names.add("People", person["id"], person["name"], person["name"])
        for priority in self.priorities:
            self.names.add("Priorities", priority["id"], priority["title"], priority["title"])
        for outcome in self.outcomes:
            stem = f"{outcome['date']} {outcome['title']}"
            self.names.add("Outcomes", outcome["id"], stem, outcome["title"])
        for meeting in self.meetings:
            title = meeting["title"] or self._meeting_title(meeting)
            stem = f"{_local_day(meeting['scheduled_at'])} {title}"
            self.names.add("Meetings", meeting["id"], stem, stem)
        self.outcomes_of: dict[str, list[Record]] = defaultdict(list)
        self.about: dict[str, list[Record]] = defaultdict(list)
        for outcome in self.outcomes:
            for pid in outcome.get("priority_ids", []):
                self.outcomes_of[pid].append(outcome)
            for key in ("person_id", "meeting_id"):
                if outcome.get(key):
                    self.about[outcome[key]].append(outcome)

    def _meeting_title(self, meeting: Record) -> str:
        person = next((p["name"] for p in self.people if p["id"] == meeting["person_id"]), None)
        return f"{meeting['kind']} with {person}" if person else str(meeting["kind"])

    def link(self, record_id: str | None) -> str | None:
        return self.names.link(record_id)

    def files(self) -> Iterable[tuple[str, str]]:
        for person in self.people:
            yield self.names.of[person["id"]], self._person(person)
        for priority in self.priorities:
            yield self.names.of[priority["id"]], self._priority(priority)
        for outcome in self.outcomes:
            yield self.names.of[outcome["id"]], self._outcome(outcome)
        for meeting in self.meetings:
            yield self.names.of[meeting["id"]], self._meeting(meeting)
        yield "Index", self._index()

    def _common(self, record: Record, kind: str) -> list[tuple[str, Any]]:
        return [("id", record["id"]), ("type", kind)]

    def _stamps(self, record: Record) -> list[tuple[str, Any]]:
        return [("created", record["created_at"]), ("updated", record["updated_at"])]

    def _person(self, person: Record) -> str:
        fields = [
            *self._common(person, "person"),
            ("role", person["role"]),
            ("title", person["title"]),
            ("email", person["email"]),
            ("cadence_days", person["cadence_days"]),
            *self._stamps(person),
        ]
        owned = [p["id"] for p in self.priorities if p["owner_id"] == person["id"]]
        met = [m["id"] for m in self.meetings if m["person_id"] == person["id"]]
        return (
            front_matter(fields)
            + f"\n# {person['name']}\n"
            + _section("Communication preferences", person["preferences"])
            + _section("Notes", person["notes"])
            + _link_list("Priorities", map(self.link, owned))
            + _link_list("Meetings", map(self.link, met))
            + _link_list("Outcomes", (self.link(o["id"]) for o in self.about[person["id"]]))
        )

    def _priority(self, priority: Record) -> str:
        fields = [
            *self._common(priority, "priority"),
            ("status", priority["status"]),
            ("owner", self.link(priority["owner_id"])),
            ("aligned_to", self.link(priority["parent_id"])),
            ("rank", priority["rank"]),
            ("metric_unit", priority["metric_unit"]),
            ("metric_target", priority["metric_target"]),
            ("metric_current", priority["metric_current"]),
            ("period_start", priority["period_start"]),
            ("period_end", priority["period_end"]),
            ("last_confirmed", priority["last_confirmed_at"]),
            *self._stamps(priority),
        ]
        goals = [p["id"] for p in self.priorities if p["parent_id"] == priority["id"]]
        history = "\n".join(
            f"- {_local_time(line['changed_at'])} · {line['field']}: "
            f"{line['old_value'] or '—'} → {line['new_value'] or '—'}"
            for line in priority.get("history", [])
        )
        return (
            front_matter(fields)
            + f"\n# {priority['title']}\n"
            + _section("Description", priority["description"])
            + _section("Measure of success", priority["measure"])
            + _link_list("Aligned goals", map(self.link, goals))
            + _link_list("Outcomes", (self.link(o["id"]) for o in self.outcomes_of[priority["id"]]))
            + _section("History", history)
        )

    def _outcome(self, outcome: Record) -> str:
        fields = [
            *self._common(outcome, "outcome"),
            ("kind", outcome["kind"]),
            ("date", outcome["date"]),
            ("priorities", [self.link(pid) for pid in outcome["priority_ids"]]),
            ("person", self.link(outcome["person_id"])),
            ("meeting", self.link(outcome["meeting_id"])),
            ("tags", [tag.replace(" ", "-") for tag in outcome["tags"]]),  # no spaces in tags
            ("impact", outcome["impact"]),
            ("metric_delta", outcome["metric_delta"]),
            ("evidence", outcome["evidence_url"]),
            ("resolved_on", outcome["resolved_on"]),
            ("private", outcome["private"]),
            *self._stamps(outcome),
        ]
        fields = [
            (k, [v for v in value if v] if isinstance(value, list) else value)
            for k, value in fields
        ]
        return (
            front_matter(fields)
            + f"\n# {outcome['title']}\n"
            + (f"\n{outcome['body'].strip(chr(10))}\n" if outcome["body"].strip() else "")
            + _section("Ask", outcome["ask"])
            + _link_list("Serves", map(self.link, outcome["priority_ids"]))
        )

    def _meeting(self, meeting: Record) -> str:
        fields = [
            *self._common(meeting, "meeting"),
            ("kind", meeting["kind"]),
            ("status", meeting["status"]),
            ("person", self.link(meeting["person_id"])),
            ("scheduled", meeting["scheduled_at"]),
            ("duration_minutes", meeting["duration_minutes"]),
            ("template", self.templates.get(meeting["template_id"] or "")),
            ("held", meeting["held_at"]),
            *self._stamps(meeting),
        ]
        agenda = "\n".join(
            f"- [{'x' if item['discussed'] else ' '}] {item['title']}"
            + (f" ({item['time_box_minutes']} min)" if item["time_box_minutes"] else "")
            for item in meeting.get("agenda", [])
            if item.get("deleted_at") is None
        )
        actions = "\n".join(
            f"- [{'x' if action['done_at'] else ' '}] {action['title']}"
            + f" ({action['owner']}"
            + (f", due {action['due_on']})" if action["due_on"] else ")")
            for action in self.actions
            if action["meeting_id"] == meeting["id"]
        )
        return (
            front_matter(fields)
            + f"\n# {self.names.title[meeting['id']]}\n"
            + _section("Agenda", agenda)
            + _section("Notes", meeting["notes"])
            + _section("Decisions", meeting["decisions"])
            + _section("Action items", actions)
            + _link_list("Outcomes", (self.link(o["id"]) for o in self.about[meeting["id"]]))
        )

    def _index(self) -> str:
        parts = [front_matter([("type", "index")]), "\n# UpwardPrep export\n"]
        for title, records in (
            ("People", self.people),
            ("Priorities", self.priorities),
            ("Meetings", self.meetings),
            ("Outcomes", self.outcomes),
        ):
            parts.append(_link_list(title, (self.link(r["id"]) for r in records)))
        return "".join(parts)


def _target(out: Path) -> Path:
    target = out.expanduser()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ValidationError(
            f"{target} already exists; the Markdown export goes into a new (or empty) folder."
        )
    if not target.parent.is_dir():
        raise ValidationError(f"The folder {target.parent} does not exist.")
    return target


def _write_file(folder: Path, relative: str, text: str) -> None:
    path = folder / f"{relative}.md"
    path.parent.mkdir(mode=0o700, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))


def write_markdown_folder(
    document: dict[str, Any],
    out: Path | str,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> MarkdownFolderResult:
    """Write the export document as a new Markdown folder at `out`."""
    target = _target(Path(out))
    vault = _Vault(document)
    temporary = Path(
        tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name[:40]}.", suffix=".part")
    )
    count = 0
    try:
        for relative, text in vault.files():
            if cancelled is not None and cancelled():
                raise ValidationError("Export cancelled.")
            _write_file(temporary, relative, text)
            count += 1
        # One flush of everything written, not an fsync per file (ten thousand notes would
        # take minutes): the folder is renamed into place only once its files are on disk.
        if hasattr(os, "sync"):
            os.sync()
        os.rename(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(temporary)
        raise
    return MarkdownFolderResult(target, count)
