"""What every entity table model shares: the id role, the sort role, headers, id <-> row.

Models hold the plain dataclasses a service returned and nothing else: they never see a session,
and `clear()` (on lock) drops every record, so no note text outlives the unlocked store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
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
        records = list(self._load())
        self.beginResetModel()
        self._records = records
        self._rows_by_id = None
        self.endResetModel()

    def clear(self) -> None:
        """Forget every record (the store is locking)."""
        self.beginResetModel()
        self._records = []
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
