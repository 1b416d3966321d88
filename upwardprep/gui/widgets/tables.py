"""The two kinds of table the app shows, promoted in the Designer forms: a list of records
(whole rows selected, read-only cells) and a table edited in place (the agenda, action items).

Keys: Tab leaves a table for what comes next (the form of the current record), rather than
walking its cells; Space ticks or unticks the current row's check box (an agenda item
discussed, an action item done).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROW_HEIGHT = 28  # at the usual font sizes; a larger font gets taller rows (row_height)


def row_height(table: QTableView) -> int:
    """A row as tall as the table's font needs, and never under ROW_HEIGHT: a fixed height
    cut the text of a large system font."""
    return max(ROW_HEIGHT, table.fontMetrics().height() + 12)


def _fit_rows(table: QTableView) -> None:
    table.verticalHeader().setDefaultSectionSize(row_height(table))


def _rows(table: QTableView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    _fit_rows(table)
    table.horizontalHeader().setHighlightSections(False)
    table.setTabKeyNavigation(False)


def checkable_cell(table: QTableView) -> QModelIndex:
    """The current row's check box cell (the first checkable column), or an invalid index."""
    model, current = table.model(), table.currentIndex()
    if model is None or not current.isValid():
        return QModelIndex()
    if model.flags(current) & Qt.ItemFlag.ItemIsUserCheckable:
        return current
    for column in range(model.columnCount()):
        index = model.index(current.row(), column, current.parent())
        if model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return index
    return QModelIndex()


def toggle_check(table: QTableView) -> bool:
    """Space on a row: tick or untick its check box; False when the row has none."""
    index = checkable_cell(table)
    if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEnabled:
        return False
    state = index.data(Qt.ItemDataRole.CheckStateRole)
    checked = state in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
    new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
    return bool(table.model().setData(index, new.value, Qt.ItemDataRole.CheckStateRole))


class RecordTable(QTableView):
    """A list of records: one row selected at a time, nothing edited in the cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _rows(self)
        self.setSortingEnabled(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            _fit_rows(self)


class EditTable(QTableView):
    """A table whose cells are edited in place (F2, double click, or typing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _rows(self)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            _fit_rows(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space ticks the row rather than starting to edit its cell with a blank.
        if (
            event.key() == Qt.Key.Key_Space
            and not event.modifiers()
            and self.state() != QAbstractItemView.State.EditingState
            and toggle_check(self)
        ):
            event.accept()
            return
        super().keyPressEvent(event)
