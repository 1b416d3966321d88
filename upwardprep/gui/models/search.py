"""The search palette's results: every kind of record in one ranked list."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from upwardprep.gui.models.base import FIRST_MODEL_ROLE, AnyIndex, IdRole
from upwardprep.gui.models.dates import absolute
from upwardprep.services.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit

if TYPE_CHECKING:
    from upwardprep.services import Services

SnippetRole = FIRST_MODEL_ROLE + 16  # HTML: the snippet escaped, matches in <b>…</b>
EntityRole = FIRST_MODEL_ROLE + 17  # "outcome", "priority", "person", "meeting" (and Trash kinds)
KindRole = FIRST_MODEL_ROLE + 18  # the record's own kind: outcome kind, status, role, meeting kind

ENTITY_LABELS = {
    "outcome": "Outcome",
    "priority": "Priority",
    "person": "Person",
    "meeting": "Meeting",
}


def snippet_html(snippet: str) -> str:
    """The snippet as safe rich text: the user's text escaped, only our emphasis is markup."""
    return html.escape(snippet).replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._hits: list[SearchHit] = []
        self._query = ""

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        """Search everything for `text` (empty text: no rows)."""
        hits = self.services.search.everything(text) if text.strip() else []
        self.beginResetModel()
        self._query = text
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._query = ""
        self._hits = []
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def id_at(self, row: int) -> str | None:
        hit = self.hit_at(row)
        return hit.id if hit is not None else None

    def row_of(self, record_id: str | None) -> int:
        return next((row for row, hit in enumerate(self._hits) if hit.id == record_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit_at(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == IdRole:
            return hit.id
        if role == EntityRole:
            return hit.entity
        if role == SnippetRole:
            return snippet_html(hit.snippet)
        if role == KindRole:
            return hit.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [ENTITY_LABELS.get(hit.entity, hit.entity)]
            if hit.when is not None:
                parts.append(absolute(hit.when))
            return " · ".join(parts)
        return None
