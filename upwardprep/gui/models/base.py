"""What every entity table model shares: the id role, the sort role, headers, id <-> row.

Models hold the plain dataclasses a service returned and nothing else: they never see a session,
and `clear()` (on lock) drops every record, so no note text outlives the unlocked store.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from upwardprep.clock import local_today

if TYPE_CHECKING:
    from upwardprep.services import Services

IdRole = Qt.ItemDataRole.UserRole + 1  # the record's id (str)
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts the column correctly (dates, ranks)
# Roles of particular models start here, so they never collide with the shared ones.
FIRST_MODEL_ROLE = Qt.ItemDataRole.UserRole + 16

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


def today_of(services: Services) -> date:
    """The user's today by the services' clock (frozen in tests)."""
    return local_today(services.clock)


def column_header(
    columns: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """headerData for a model whose columns are a list of titles."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(columns)
    ):
        return columns[section]
    return None


def ids_from(data: QMimeData, mime: str) -> list[str]:
    """The ids a drag carries, or [] for anything else (a drop from another program)."""
    if not data.hasFormat(mime):
        return []
    try:
        ids = json.loads(bytes(data.data(mime).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    return [item for item in ids if isinstance(item, str)] if isinstance(ids, list) else []


def ids_mime(mime: str, ids: Sequence[str]) -> QMimeData:
    """A drag's payload: the ids as a JSON list under the model's own MIME type."""
    data = QMimeData()
    data.setData(mime, QByteArray(json.dumps(list(ids)).encode()))
    return data


class EntityTableModel(QAbstractTableModel, Generic[T]):
    """A table over one list of records (each with an `id`), loaded whole through a service.

    Subclasses set COLUMNS (header texts; column constants are class attributes indexing it),
    implement `_load()` and `_cell(record, column, role)`.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._records: list[T] = []
        self._rows_by_id: dict[str, int] | None = None

    # -- loading ---------------------------------------------------------------------------

    def _load(self) -> Sequence[T]:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload through the service (the query runs before the reset: a failing load leaves
        the model as it was)."""
        self._reset(self._load())

    def clear(self) -> None:
        """Forget every record (the store is locking)."""
        self._reset(())

    def _reset(self, records: Sequence[T]) -> None:
        """Show these records instead (a model reset; the id -> row map is rebuilt on use)."""
        self.beginResetModel()
        self._records = list(records)
        self._rows_by_id = None
        self.endResetModel()

    # -- ids --------------------------------------------------------------------------------

    def record_at(self, row: int) -> T | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def id_at(self, row: int) -> str | None:
        record = self.record_at(row)
        return record.id if record is not None else None  # type: ignore[attr-defined]

    def row_of(self, record_id: str | None) -> int:
        """The row showing `record_id`, or -1."""
        if record_id is None:
            return -1
        if self._rows_by_id is None:
            self._rows_by_id = {
                record.id: row  # type: ignore[attr-defined]
                for row, record in enumerate(self._records)
            }
        return self._rows_by_id.get(record_id, -1)

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        return column_header(self.COLUMNS, section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self:
            return None
        record = self.record_at(index.row())
        if record is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role == IdRole:
            return record.id  # type: ignore[attr-defined]
        return self._cell(record, index.column(), role)

    def _cell(self, record: T, column: int, role: int) -> Any:
        raise NotImplementedError


class ReorderableTableModel(EntityTableModel[T]):
    """A table the user puts in order by dragging rows (and by keys, through the view): what
    the priorities and a meeting's agenda share. A drag carries the rows' ids under IDS_MIME,
    so a drop from elsewhere is refused; subclasses decide the new order (`_drop_order`, None
    to refuse) and write it (`_reorder`, which reloads and emits `reordered`)."""

    IDS_MIME: ClassVar[str] = ""
    #: The ids of the rows a move or a drop just placed (for the view to select them again).
    reordered = Signal(list)

    def _drop_order(
        self, data: QMimeData, action: Qt.DropAction, row: int, parent: AnyIndex
    ) -> list[str] | None:
        raise NotImplementedError

    def _reorder(self, order: list[str], moved: list[str]) -> bool:
        raise NotImplementedError

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return ids_mime(self.IDS_MIME, [rid for row in rows if (rid := self.id_at(row))])

    @classmethod
    def dragged_ids(cls, data: QMimeData) -> list[str]:
        return ids_from(data, cls.IDS_MIME)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self._drop_order(data, action, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        order = self._drop_order(data, action, row, parent)
        if order is None:
            return False
        return self._reorder(order, [rid for rid in self.dragged_ids(data) if rid in order])
