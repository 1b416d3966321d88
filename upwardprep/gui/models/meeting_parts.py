"""The two tables inside one meeting: its agenda (ordered, time-boxed, reorderable by keyboard
and drag) and its action items (owner, due date, done, how often carried).

They write through MeetingService as soon as a cell is committed: a ticked box or a changed
time box is saved like any other autosave. A refused value (ValidationError) leaves the row as
it was and is announced through `failed`, for the status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QDate,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from upwardprep.gui.models.base import (
    AnyIndex,
    EntityTableModel,
    ReorderableTableModel,
    today_of,
)
from upwardprep.gui.models.dates import absolute, relative_day
from upwardprep.gui.theme import tone
from upwardprep.services.common import ValidationError
from upwardprep.services.labels import ME, ActionOwner
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
R = TypeVar("R", AgendaItemData, ActionItemData)


def agenda_minutes(items: Sequence[AgendaItemData]) -> int:
    """Planned minutes: what waits under "If time allows" does not count."""
    return planned_minutes(items)


class _MeetingPartModel(EntityTableModel[R]):
    """What the agenda and action tables share: one meeting's rows, held read-only, each with
    a tick box (CHECK_COLUMN) and cells edited in place (EDIT_COLUMNS) unless held."""

    CHECK_COLUMN: ClassVar[int]
    EDIT_COLUMNS: ClassVar[tuple[int, ...]]
    failed = Signal(str)  # a refused edit, in a sentence
    edited = Signal()  # a cell was written to the store

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self.meeting_id: str | None = None
        self.read_only = True

    def ids(self) -> list[str]:
        return [record.id for record in self._records]

    def _show(self, meeting: MeetingData | None, records: Sequence[R]) -> None:
        """Show this meeting's rows (set before the reset, which the views answer at once)."""
        self.meeting_id = meeting.id if meeting else None
        self.read_only = meeting is None or meeting.is_held
        self._reset(records)

    def clear(self) -> None:
        self.meeting_id = None
        self.read_only = True
        super().clear()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid() or self.read_only:
            return flags
        if index.column() == self.CHECK_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() in self.EDIT_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        record = self.record_at(index.row()) if index.isValid() and not self.read_only else None
        if record is None:
            return False
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CHECK_COLUMN:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._write(index.row(), lambda: self._set_checked(record, checked))
        write = self._edit(record, column, value) if role == Qt.ItemDataRole.EditRole else None
        return write is not None and self._write(index.row(), write)

    def _set_checked(self, record: R, checked: bool) -> R:
        raise NotImplementedError

    def _edit(self, record: R, column: int, value: Any) -> Callable[[], R] | None:
        """The service call that writes `value` into the cell, or None when nothing changes."""
        raise NotImplementedError

    def _replace(self, row: int, record: R) -> None:
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        self.edited.emit()

    def _write(self, row: int, call: Callable[[], R | None]) -> bool:
        """Run one service write for a row; a refusal is reported, not raised."""
        try:
            record = call()
        except ValidationError as error:
            self.failed.emit(str(error))
            return False
        if record is not None:
            self._replace(row, record)
        return True


class AgendaModel(_MeetingPartModel[AgendaItemData], ReorderableTableModel[AgendaItemData]):
    """A meeting's agenda in order: discussed, section, item, time box, where it came from."""

    COLUMNS = ("Done", "Section", "Item", "Min", "From")
    DISCUSSED, SECTION, TITLE, MINUTES, SOURCE = range(5)
    CHECK_COLUMN, EDIT_COLUMNS = DISCUSSED, (SECTION, TITLE, MINUTES)
    IDS_MIME = AGENDA_IDS_MIME

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self._carried: dict[str, int] = {}  # action id -> times carried, for drafted items

    def load(self, meeting: MeetingData | None) -> None:
        self._carried = {}
        if meeting is not None:
            for action in meeting.action_items:
                self._carried[action.id] = action.carry_count
                if action.carried_from_id:
                    self._carried.setdefault(action.carried_from_id, action.carry_count)
        self._show(meeting, meeting.agenda_items if meeting else ())

    def clear(self) -> None:
        self._carried = {}
        super().clear()

    def total_minutes(self) -> int:
        return agenda_minutes(self._records)

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

    def _cell(self, item: AgendaItemData, column: int, role: int) -> Any:
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
            return tone("muted")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self.read_only:
            return super().flags(index)
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def _set_checked(self, item: AgendaItemData, checked: bool) -> AgendaItemData:
        return self.services.meetings.update_agenda_item(item.id, discussed=checked)

    def _edit(
        self, item: AgendaItemData, column: int, value: Any
    ) -> Callable[[], AgendaItemData] | None:
        update = self.services.meetings.update_agenda_item
        if column == self.TITLE and value != item.title:
            return lambda: update(item.id, title=value)
        if column == self.SECTION and value != item.section:
            return lambda: update(item.id, section=value)
        if column == self.MINUTES:
            minutes = value if value not in (0, "0", "") else None
            if minutes != item.time_box_minutes:
                return lambda: update(item.id, time_box_minutes=minutes)
        return None

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
        self._reset(meeting.agenda_items)
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


class ActionsModel(_MeetingPartModel[ActionItemData]):
    """A meeting's action items: done, what, who, by when, and how often it was carried."""

    COLUMNS = ("Done", "Action", "Owner", "Due", "Carried")
    DONE, TITLE, OWNER, DUE, CARRIED = range(5)
    CHECK_COLUMN, EDIT_COLUMNS = DONE, (TITLE, OWNER, DUE)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self._people: dict[str, str] = {}  # id -> name, for owners
        self._them = "Them"
        self._today = today_of(services)

    def load(self, meeting: MeetingData | None, people: dict[str, str]) -> None:
        self._people = dict(people)
        self._them = (meeting.person_name if meeting else None) or "Them"
        self._today = today_of(self.services)
        self._show(meeting, meeting.action_items if meeting else ())

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
        return [(ME, "me"), (them, "them"), *people]

    def owner_key(self, action: ActionItemData) -> str:
        if action.owner == "person" and action.owner_person_id:
            return action.owner_person_id
        return action.owner if action.owner in _ME_OR_THEM else "me"

    def owner_text(self, action: ActionItemData) -> str:
        if action.owner == "person":
            return self._people.get(action.owner_person_id or "", "Someone")
        if action.owner == "them":
            return self._them
        return ME

    def open_count(self) -> int:
        return sum(1 for action in self._records if action.is_open)

    def _cell(self, action: ActionItemData, column: int, role: int) -> Any:
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
                return tone("muted")
            late = action.due_on is not None and action.due_on < self._today
            if column == self.DUE and late and not self.read_only:  # a record is not late
                return tone("warning")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CARRIED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _set_checked(self, action: ActionItemData, checked: bool) -> ActionItemData:
        return self.services.meetings.set_action_done(action.id, checked)

    def _edit(
        self, action: ActionItemData, column: int, value: Any
    ) -> Callable[[], ActionItemData] | None:
        update = self.services.meetings.update_action
        if column == self.TITLE and value != action.title:
            return lambda: update(action.id, title=value)
        if column == self.OWNER and value != self.owner_key(action):
            owner, person = (value, None) if value in _ME_OR_THEM else ("person", value)
            return lambda: update(action.id, owner=owner, owner_person_id=person)
        if column == self.DUE:
            due = (
                date(value.year(), value.month(), value.day())
                if isinstance(value, QDate) and value.isValid()
                else None
            )
            if due != action.due_on:
                return lambda: update(action.id, due_on=due)
        return None

    def add(self, action: ActionItemData) -> int:
        row = len(self._records)
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.append(action)
        self._rows_by_id = None
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
        del self._records[row]
        self._rows_by_id = None
        self.endRemoveRows()
        self.edited.emit()
        return True
