"""One record as Markdown, for "Copy as Markdown" in the lists' menus: what a user pastes
into a chat, a document or an e-mail. Words come from services.labels, like every screen.

Plaintext leaves the store only because the user asked for it (the copy), and the window
clears the clipboard of it on lock (gui/clipboard.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import object_session

from upwardprep.services.agenda_text import agenda_markdown
from upwardprep.services.alignment import owner_label
from upwardprep.services.common import NotFound
from upwardprep.services.labels import (
    ME,
    OUTCOME_KIND_LABELS,
    PRIORITY_STATUS_LABELS,
    ROLE_LABELS,
    cadence_text,
    label_of,
)
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    AgendaItem,
    Meeting,
    Outcome,
    Person,
    Priority,
)


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _line(label: str, text: str) -> list[str]:
    text = text.strip()
    return [f"**{label}:** {text}", ""] if text else []


def _block(text: str) -> list[str]:
    text = text.strip()
    return [text, ""] if text else []


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class RecordMarkdown:
    def __init__(self, store: Store) -> None:
        self.store = store

    def of(self, kind: str, record_id: str) -> str:
        """The record of this kind ("outcome", "priority", "person", "meeting", "agenda item",
        "action") as Markdown; NotFound when there is none."""
        reader = self._readers().get(kind)
        if reader is None:
            raise NotFound(f"No Markdown for a {kind}.")
        entity, write = reader
        with self.store.transaction(write=False) as session:
            record = session.scalar(select(entity).where(entity.id == record_id))
            if record is None:
                raise NotFound(f"No {kind} with id {record_id}.")
            return write(record).rstrip() + "\n"

    def _readers(self) -> dict[str, tuple[Any, Callable[[Any], str]]]:
        return {
            "outcome": (Outcome, self._outcome),
            "priority": (Priority, self._priority),
            "person": (Person, self._person),
            "meeting": (Meeting, self._meeting),
            "agenda item": (AgendaItem, self._agenda_item),
            "action": (ActionItem, self._action),
        }

    @staticmethod
    def _outcome(note: Outcome) -> str:
        facts = [label_of(OUTCOME_KIND_LABELS, note.kind), note.occurred_on.isoformat()]
        if note.resolved_on:
            facts.append(f"resolved {note.resolved_on.isoformat()}")
        lines = [f"### {note.title}", "", f"*{' · '.join(facts)}*", ""]
        lines += _block(note.body)
        lines += _line("Impact", note.impact)
        lines += _line("Metric", note.metric_delta)
        lines += _line("Ask", note.ask)
        lines += _line("Evidence", note.evidence_url)
        titles = ", ".join(p.title for p in note.priorities if p.deleted_at is None)
        lines += _line("Serves", titles)
        return "\n".join(lines)

    @staticmethod
    def _priority(priority: Priority) -> str:
        owner = priority.owner.name if priority.owner else ME
        facts = [label_of(PRIORITY_STATUS_LABELS, priority.status), owner]
        if priority.period_start or priority.period_end:
            facts.append(f"{_day(priority.period_start)} – {_day(priority.period_end)}".strip())
        lines = [f"### {priority.title}", "", f"*{' · '.join(facts)}*", ""]
        lines += _block(priority.description)
        lines += _line("Success measure", priority.measure)
        if priority.metric_target is not None:
            unit = f" {priority.metric_unit}" if priority.metric_unit else ""
            progress = f"{_number(priority.metric_current)} of {_number(priority.metric_target)}"
            lines += _line("Progress", progress + unit)
        return "\n".join(lines)

    @staticmethod
    def _person(person: Person) -> str:
        cadence = cadence_text(person.cadence_days)
        facts = [label_of(ROLE_LABELS, person.role), person.title]
        facts.append(f"1:1 {cadence}" if cadence else "")
        lines = [f"### {person.name}", "", f"*{' · '.join(f for f in facts if f)}*", ""]
        lines += _line("Email", person.email)
        if person.preferences.strip():
            lines += ["**Communication preferences:**", "", person.preferences.strip(), ""]
        return "\n".join(lines)

    @staticmethod
    def _meeting(meeting: Meeting) -> str:
        return agenda_markdown(meeting)

    @staticmethod
    def _agenda_item(item: AgendaItem) -> str:
        box = "x" if item.discussed else " "
        minutes = f" ({item.time_box_minutes} min)" if item.time_box_minutes else ""
        lines = [f"- [{box}] {item.title}{minutes}"]
        if item.body.strip():
            lines += ["", *(f"  {line}" for line in item.body.strip().splitlines())]
        return "\n".join(lines)

    def _action(self, item: ActionItem) -> str:
        box = "x" if item.done_at else " "
        meeting_person = item.meeting.person.name if item.meeting and item.meeting.person else None
        session = object_session(item)
        owner_name = None
        if item.owner_person_id and session is not None:
            owner_name = session.scalar(
                select(Person.name).where(Person.id == item.owner_person_id)
            )
        owner = owner_label(item, meeting_person, owner_name)
        due = f", due {item.due_on.isoformat()}" if item.due_on else ""
        return f"- [{box}] {item.title} ({owner}{due})"
