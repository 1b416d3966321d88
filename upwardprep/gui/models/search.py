"""The search palette's rows: every kind of record in one ranked list, and the app's commands.

Empty text shows what was worked on last and the main commands; text after ">" lists commands
only (like an editor's command palette); any other text searches everything (the services
decide the order: see services/search.py).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from upwardprep.gui.models.base import FIRST_MODEL_ROLE, AnyIndex, IdRole, today_of
from upwardprep.gui.models.dates import absolute, relative_day
from upwardprep.services.labels import (
    MEETING_KIND_LABELS,
    OUTCOME_KIND_LABELS,
    PRIORITY_STATUS_LABELS,
    ROLE_LABELS,
    meeting_kind_noun,
)
from upwardprep.services.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from upwardprep.services.text_match import best_matches

if TYPE_CHECKING:
    from upwardprep.services import Services

SnippetRole = FIRST_MODEL_ROLE + 16  # HTML: the second line (snippet escaped, matches in <b>)
EntityRole = FIRST_MODEL_ROLE + 17  # "outcome", "priority", "person", "meeting", "action",
# "agenda", "command" (and Trash kinds)
KindRole = FIRST_MODEL_ROLE + 18  # the record's own kind: outcome kind, status, role, meeting kind
MetaRole = FIRST_MODEL_ROLE + 19  # plain text after the title: "Meeting · next Tue"
TargetRole = FIRST_MODEL_ROLE + 20  # (entity, id) to open: an item opens its meeting

ENTITY_LABELS = {
    "outcome": "Outcome",
    "priority": "Priority",
    "person": "Person",
    "meeting": "Meeting",
    "action": "Action item",
    "agenda": "Agenda item",
    "command": "Command",
}
COMMAND_PREFIX = ">"


@dataclass(frozen=True)
class PaletteCommand:
    """A command the palette offers: the command table's name, its words, its keys."""

    name: str
    text: str
    shortcut: str = ""


def snippet_html(snippet: str) -> str:
    """The snippet as safe rich text: the user's text escaped, only our emphasis is markup."""
    return html.escape(snippet).replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


def _kind_label(hit: SearchHit) -> str:
    by_entity: dict[str, Mapping[Any, str]] = {
        "outcome": OUTCOME_KIND_LABELS,
        "priority": PRIORITY_STATUS_LABELS,
        "person": ROLE_LABELS,
        "meeting": MEETING_KIND_LABELS,
    }
    labels = by_entity.get(hit.entity, {})
    return labels.get(hit.kind or "", "")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._rows: list[SearchHit | PaletteCommand] = []
        self._query = ""
        self._today: date | None = None

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        """Search everything for `text` (empty text: no rows)."""
        hits = self.services.search.everything(text) if text.strip() else []
        self._reset(text, list(hits))

    def set_palette(self, text: str, commands: list[PaletteCommand], main: list[str]) -> None:
        """What the palette shows for `text`: recent records and the `main` commands when
        empty, matching commands after ">", else the search's hits."""
        stripped = text.strip()
        if stripped.startswith(COMMAND_PREFIX):
            wanted = stripped[len(COMMAND_PREFIX) :].strip()
            found = best_matches(wanted, commands, lambda c: c.text) if wanted else commands
            self._reset(text, list(found))
        elif not stripped:
            by_name = {command.name: command for command in commands}
            rows: list[SearchHit | PaletteCommand] = list(self.services.search.recent())
            rows += [by_name[name] for name in main if name in by_name]
            self._reset(text, rows)
        else:
            self.set_query(text)

    def _reset(self, text: str, rows: list[SearchHit | PaletteCommand]) -> None:
        self.beginResetModel()
        self._query = text
        self._rows = rows
        self._today = today_of(self.services)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._query = ""
        self._rows = []
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, SearchHit) else None

    def command_at(self, row: int) -> PaletteCommand | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, PaletteCommand) else None

    def id_at(self, row: int) -> str | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        if isinstance(found, SearchHit):
            return found.id
        return found.name if found is not None else None

    def row_of(self, record_id: str | None) -> int:
        return next(
            (row for row in range(len(self._rows)) if self.id_at(row) == record_id),
            -1,
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, PaletteCommand):
            return self._command_data(row, role)
        return self._hit_data(row, role)

    @staticmethod
    def _command_data(command: PaletteCommand, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return command.text
        if role == IdRole:
            return command.name
        if role == EntityRole:
            return "command"
        if role == MetaRole:
            return "Command"
        if role == SnippetRole:
            return html.escape(command.shortcut)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{command.text} ({command.shortcut})" if command.shortcut else command.text
        if role == TargetRole:
            return ("command", command.name)
        return None

    def _hit_data(self, hit: SearchHit, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(hit)
        if role == IdRole:
            return hit.id
        if role == EntityRole:
            return hit.entity
        if role == SnippetRole:
            return self._second_line(hit)
        if role == KindRole:
            return hit.kind
        if role == MetaRole:
            return self._meta(hit)
        if role == TargetRole:
            if hit.entity in ("action", "agenda") and hit.meeting_id:
                return ("meeting", hit.meeting_id)
            return (hit.entity, hit.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [ENTITY_LABELS.get(hit.entity, hit.entity)]
            if hit.when is not None:
                parts.append(absolute(hit.when))
            return " · ".join(parts)
        return None

    @staticmethod
    def _title(hit: SearchHit) -> str:
        if hit.title:
            return hit.title
        if hit.entity == "meeting":
            kind = meeting_kind_noun(hit.kind or "other")
            return f"{kind} with {hit.person}" if hit.person else kind
        return "(untitled)"

    def _meta(self, hit: SearchHit) -> str:
        """ "Meeting · next Tue", "Risk · 3 days ago", "Action item · due tomorrow"."""
        parts = [ENTITY_LABELS.get(hit.entity, hit.entity)]
        kind = _kind_label(hit)
        if kind and hit.entity in ("outcome", "person", "meeting"):
            parts[0] = kind if hit.entity != "meeting" else f"{kind} meeting"
        if hit.when is not None and self._today is not None:
            day = relative_day(hit.when, self._today)
            parts.append(f"due {day}" if hit.entity == "action" else day)
        return " · ".join(parts)

    @staticmethod
    def _second_line(hit: SearchHit) -> str:
        if hit.entity == "meeting" and hit.person and hit.person not in (hit.title or ""):
            context = f"with {html.escape(hit.person)}"
            return f"{context} — {snippet_html(hit.snippet)}" if hit.snippet else context
        if hit.entity == "action":
            owner = {"me": "Yours", "them": "Theirs"}.get(hit.kind or "", "Someone else's")
            where = f" · from the meeting with {hit.person}" if hit.person else ""
            return html.escape(owner + where)
        if hit.entity == "agenda":
            return html.escape(f"On the agenda with {hit.person}" if hit.person else "On an agenda")
        return snippet_html(hit.snippet)
