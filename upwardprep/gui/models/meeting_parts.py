"""The two tables inside one meeting: its agenda (ordered, time-boxed, reorderable by keyboard
and drag) and its action items (owner, due date, done, how often carried).

They write through MeetingService as soon as a cell is committed: a ticked box or a changed
time box is saved like any other autosave. A refused value (ValidationError) leaves the row as
it was and is announced through `failed`, for the status bar.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from upwardprep.gui.models.base import AnyIndex, IdRole, column_header, today_of
from upwardprep.gui.models.dates import absolute, relative_day
from upwardprep.services.common import ValidationError
from upwardprep.services.labels import ActionOwner
from upwardprep.services.meetings import (
    ActionItemData,
    AgendaItemData,
    MeetingData,
    planned_minutes,
)

if TYPE_CHECKING:
    from upwardprep.services import Services

_ME_OR_THEM = (ActionOwner.ME, ActionOwner.THEM)
SOURCE_LABELS = {  # the agenda service's source types
    "action": "open action",
    "risk": "open risk",
    "ask": "ask",
    "outcomes": "outcomes",
    "outcome": "outcome",
    "priority": "to confirm",
    "template": "template",
    "talking-point": "carried",
}
AGENDA_IDS_MIME = "application/x-upwardprep-agenda-ids"
MUTED = QColor("#6b7280")
OVERDUE = QColor("#b54708")  # amber: readable on light and dark


def agenda_minutes(items: Sequence[AgendaItemData]) -> int:
    """Planned minutes: what waits under "If time allows" does not count."""
    return planned_minutes(items)


class _MeetingPartModel(QAbstractTableModel):
    """What the agenda and action tables share: one meeting's rows, held read-only."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    failed = Signal(str)  # a refused edit, in a sentence
    edited = Signal()  # a cell was written to the store

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.meeting_id: str | None = None
        self.read_only = True
        self._rows: list[Any] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.COLUMNS, section, orientation, role)

    def record_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str | None) -> int:
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return -1

    def ids(self) -> list[str]:
        return [record.id for record in self._rows]

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.meeting_id = None
        self.read_only = True
        self.endResetModel()

    def _replace(self, row: int, record: Any) -> None:
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        self.edited.emit()

    def _write(self, row: int, call: Any) -> bool:
        """Run one service write for a row; a refusal is reported, not raised."""
        try:
            record = call()
        except ValidationError as error:
            self.failed.emit(str(error))
            return False
        if record is not None:
            self._replace(row, record)
        return True


class AgendaModel(_MeetingPartModel):
    """A meeting's agenda in order: discussed, section, item, time box, where it came from."""

    COLUMNS = ("Done", "Section", "Item", "Min", "From")
    DISCUSSED, SECTION, TITLE, MINUTES, SOURCE = range(5)

    #: ids of the items a move or a drop just placed, to select them again.
    reordered = Signal(list)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self._carried: dict[str, int] = {}  # action id -> times carried, for drafted items

    def load(self, meeting: MeetingData | None) -> None:
        self.beginResetModel()
        self._rows = list(meeting.agenda_items) if meeting else []
        self.meeting_id = meeting.id if meeting else None
        self.read_only = meeting is None or meeting.is_held
        self._carried = {}
        if meeting is not None:
            for action in meeting.action_items:
                self._carried[action.id] = action.carry_count
                if action.carried_from_id:
                    self._carried.setdefault(action.carried_from_id, action.carry_count)
        self.endResetModel()

    def clear(self) -> None:
        self._carried = {}
        super().clear()

    def total_minutes(self) -> int:
        return agenda_minutes(self._rows)

    def source_text(self, item: AgendaItemData) -> str:
        if not item.source_type:
            return ""
        label = SOURCE_LABELS.get(item.source_type, item.source_type)
        carried = item.carry_count or (
            self._carried.get(item.source_id or "", 0) if item.source_type == "action" else 0
        )
        if carried:
            label = f"carried ×{carried}"
        return label + (" · edited" if item.user_edited else "")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self:
            return None
        item: AgendaItemData | None = self.record_at(index.row())
        column = index.column()
        if item is None or not 0 <= column < len(self.COLUMNS):
            return None
        if role == IdRole:
            return item.id
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DISCUSSED:
            return Qt.CheckState.Checked if item.discussed else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.SECTION:
                return item.section
            if column == self.TITLE:
                return item.title
            if column == self.MINUTES:
                if role == Qt.ItemDataRole.EditRole:
                    return item.time_box_minutes or 0
                return "" if item.time_box_minutes is None else str(item.time_box_minutes)
            if column == self.SOURCE:
                return self.source_text(item)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SOURCE and item.source_type:
                return (
                    "Drafted from your notes"
                    + (
                        "; you changed it, so re-drafting leaves it as you wrote it"
                        if item.user_edited
                        else "; re-drafting refreshes it"
                    )
                    + "."
                )
            if column == self.DISCUSSED:
                return "Discussed" if item.discussed else "Not discussed yet"
            if column == self.TITLE:
                return item.title
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.SECTION, self.SOURCE):
            return MUTED
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if not self.read_only else Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self.read_only:
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == self.DISCUSSED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in (self.SECTION, self.TITLE, self.MINUTES):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        item: AgendaItemData | None = self.record_at(index.row())
        if item is None:
            return False
        update = self.services.meetings.update_agenda_item
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DISCUSSED:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._write(index.row(), lambda: update(item.id, discussed=checked))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == self.TITLE:
            if value == item.title:
                return False
            return self._write(index.row(), lambda: update(item.id, title=value))
        if column == self.SECTION:
            if value == item.section:
                return False
            return self._write(index.row(), lambda: update(item.id, section=value))
        if column == self.MINUTES:
            minutes = value if value not in (0, "0", "") else None
            if minutes == item.time_box_minutes:
                return False
            return self._write(index.row(), lambda: update(item.id, time_box_minutes=minutes))
        return False

    def update_item(self, item: AgendaItemData) -> None:
        """Take a record the editor just saved (its body), keeping the row in step."""
        row = self.row_of(item.id)
        if row >= 0:
            self._replace(row, item)

    # -- order -----------------------------------------------------------------------------

    def _reorder(self, order: list[str], moved: list[str]) -> bool:
        if self.meeting_id is None or order == self.ids():
            return False
        try:
            meeting = self.services.meetings.reorder_agenda(self.meeting_id, order)
        except ValidationError as error:
            self.failed.emit(str(error))
            return False
        self.beginResetModel()
        self._rows = list(meeting.agenda_items)
        self.endResetModel()
        self.edited.emit()
        self.reordered.emit(moved)
        return True

    def move(self, row: int, delta: int) -> int:
        """Move the item at `row` up (delta < 0) or down; returns its new row."""
        item = self.record_at(row)
        if item is None or self.read_only or delta == 0:
            return row
        order = self.ids()
        there = max(0, min(len(order) - 1, row + delta))
        if there == row:
            return row
        order.insert(there, order.pop(row))
        self._reorder(order, [item.id])
        return self.row_of(item.id)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [self._rows[row].id for row in rows if 0 <= row < len(self._rows)]
        data = QMimeData()
        data.setData(AGENDA_IDS_MIME, QByteArray(json.dumps(ids).encode()))
        return data

    @staticmethod
    def dragged_ids(data: QMimeData) -> list[str]:
        if not data.hasFormat(AGENDA_IDS_MIME):
            return []
        try:
            ids = json.loads(bytes(data.data(AGENDA_IDS_MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return []
        return [item for item in ids if isinstance(item, str)] if isinstance(ids, list) else []

    def _drop_order(
        self, data: QMimeData, action: Qt.DropAction, row: int, parent: AnyIndex
    ) -> list[str] | None:
        if action != Qt.DropAction.MoveAction or self.read_only:
            return None
        current = self.ids()
        moving = [item_id for item_id in current if item_id in set(self.dragged_ids(data))]
        if not moving:
            return None
        if parent.isValid():  # onto a row: take its place
            target_row = parent.row() + (1 if self.row_of(moving[0]) < parent.row() else 0)
        else:
            target_row = len(current) if row < 0 else row
        before = [item_id for item_id in current[:target_row] if item_id not in moving]
        after = [item_id for item_id in current[target_row:] if item_id not in moving]
        order = before + moving + after
        return None if order == current else order

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
        moved = [item_id for item_id in order if item_id in set(self.dragged_ids(data))]
        return self._reorder(order, moved)


class ActionsModel(_MeetingPartModel):
    """A meeting's action items: done, what, who, by when, and how often it was carried."""

    COLUMNS = ("Done", "Action", "Owner", "Due", "Carried")
    DONE, TITLE, OWNER, DUE, CARRIED = range(5)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self._people: dict[str, str] = {}  # id -> name, for owners
        self._them = "Them"
        self._today = today_of(services)

    def load(self, meeting: MeetingData | None, people: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(meeting.action_items) if meeting else []
        self.meeting_id = meeting.id if meeting else None
        self.read_only = meeting is None or meeting.is_held
        self._people = dict(people)
        self._them = (meeting.person_name if meeting else None) or "Them"
        self._today = today_of(self.services)
        self.endResetModel()

    def clear(self) -> None:
        self._people = {}
        self._them = "Them"
        super().clear()

    def owner_choices(self) -> list[tuple[str, str]]:
        """(label, key) for the owner editor: me, them, or anyone by id."""
        them = "Them" if self._them == "Them" else f"Them ({self._them})"
        people = sorted(
            ((name, person_id) for person_id, name in self._people.items()),
            key=lambda pair: pair[0].casefold(),
        )
        return [("Me", "me"), (them, "them"), *people]

    def owner_key(self, action: ActionItemData) -> str:
        if action.owner == "person" and action.owner_person_id:
            return action.owner_person_id
        return action.owner if action.owner in _ME_OR_THEM else "me"

    def owner_text(self, action: ActionItemData) -> str:
        if action.owner == "person":
            return self._people.get(action.owner_person_id or "", "Someone")
        if action.owner == "them":
            return self._them
        return "Me"

    def open_count(self) -> int:
        return sum(1 for action in self._rows if action.is_open)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self:
            return None
        action: ActionItemData | None = self.record_at(index.row())
        column = index.column()
        if action is None or not 0 <= column < len(self.COLUMNS):
            return None
        if role == IdRole:
            return action.id
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            return Qt.CheckState.Unchecked if action.is_open else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return action.title
            if column == self.OWNER:
                return self.owner_text(action)
            if column == self.DUE:
                # Relative like every list ("in 3 days", "next Tue"); the tooltip says the day.
                return relative_day(action.due_on, self._today) if action.due_on else ""
            if column == self.CARRIED:
                return f"×{action.carry_count}" if action.carry_count else ""
            return None
        if role == Qt.ItemDataRole.EditRole:
            if column == self.TITLE:
                return action.title
            if column == self.OWNER:
                return self.owner_key(action)
            if column == self.DUE:
                due = action.due_on
                day = due or self._today  # an empty due date opens its editor on today
                return QDate(day.year, day.month, day.day)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.CARRIED and action.carry_count:
                times = "once" if action.carry_count == 1 else f"{action.carry_count} times"
                return f"Carried over {times} from earlier meetings"
            if column == self.TITLE:
                return action.title
            if column == self.DUE and action.due_on:
                late = action.is_open and action.due_on < self._today and not self.read_only
                return absolute(action.due_on) + (" — overdue" if late else "")
            return None
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE and not action.is_open:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if not action.is_open:
                return MUTED
            late = action.due_on is not None and action.due_on < self._today
            if column == self.DUE and late and not self.read_only:  # a record is not late
                return OVERDUE
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CARRIED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self.read_only:
            return flags
        if index.column() == self.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in (self.TITLE, self.OWNER, self.DUE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        action: ActionItemData | None = self.record_at(index.row())
        if action is None:
            return False
        meetings = self.services.meetings
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._write(index.row(), lambda: meetings.set_action_done(action.id, done))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == self.TITLE and value != action.title:
            return self._write(index.row(), lambda: meetings.update_action(action.id, title=value))
        if column == self.OWNER and value != self.owner_key(action):
            owner, person = (value, None) if value in _ME_OR_THEM else ("person", value)
            return self._write(
                index.row(),
                lambda: meetings.update_action(action.id, owner=owner, owner_person_id=person),
            )
        if column == self.DUE:
            due = (
                date(value.year(), value.month(), value.day())
                if isinstance(value, QDate) and value.isValid()
                else None
            )
            if due == action.due_on:
                return False
            return self._write(index.row(), lambda: meetings.update_action(action.id, due_on=due))
        return False

    def add(self, action: ActionItemData) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(action)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> bool:
        action = self.record_at(row)
        if action is None or self.read_only:
            return False
        try:
            self.services.meetings.remove_action(action.id)
        except ValidationError as error:
            self.failed.emit(str(error))
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.edited.emit()
        return True
