"""The Trash: every soft-deleted record, newest deletion first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from upwardprep.gui.models.base import EntityTableModel, SortRole, today_of
from upwardprep.gui.models.dates import absolute, local_date, relative_day
from upwardprep.gui.models.search import EntityRole
from upwardprep.services.trash import TrashEntry

if TYPE_CHECKING:
    from upwardprep.services import Services


class TrashModel(EntityTableModel[TrashEntry]):
    COLUMNS = ("Kind", "Title", "Deleted")
    KIND, TITLE, DELETED = range(3)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self._today = today_of(services)
        self.refresh()

    def _load(self) -> Sequence[TrashEntry]:
        self._today = today_of(self.services)
        return self.services.trash.list()

    def _cell(self, entry: TrashEntry, column: int, role: int) -> Any:
        if role == EntityRole:
            return entry.kind
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KIND:
                return entry.kind.capitalize()
            if column == self.TITLE:
                return entry.title
            return relative_day(local_date(entry.deleted_at), self._today)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                return entry.title
            if column == self.DELETED:
                return f"Moved to the Trash {absolute(entry.deleted_at)}"
            return None
        if role == SortRole:
            if column == self.KIND:
                return entry.kind
            if column == self.TITLE:
                return entry.title.casefold()
            return entry.deleted_at.timestamp()
        return None
