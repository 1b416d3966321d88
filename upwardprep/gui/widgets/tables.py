"""The two kinds of table the app shows, promoted in the Designer forms: a list of records
(whole rows selected, read-only cells) and a table edited in place (the agenda, action items)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROW_HEIGHT = 28


def _rows(table: QTableView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.horizontalHeader().setHighlightSections(False)


class RecordTable(QTableView):
    """A list of records: one row selected at a time, nothing edited in the cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _rows(self)
        self.setSortingEnabled(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


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
