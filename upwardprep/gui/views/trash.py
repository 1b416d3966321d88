"""The Trash: deleted records wait here until restored or purged for good."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui import jobs
from upwardprep.gui.models.base import IdRole
from upwardprep.gui.models.trash import TrashModel
from upwardprep.gui.views.base import EmptyState, SectionView, make_table, size_columns
from upwardprep.services import Services


class TrashView(SectionView):
    section = "trash"
    watches = jobs.ALL_KINDS
    title = "Trash"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashView")
        self.model: TrashModel | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setObjectName("restoreButton")
        self.purge_button = QPushButton("&Delete for good…")
        self.purge_button.setObjectName("purgeButton")
        self.empty_button = QPushButton("&Empty Trash…")
        self.empty_button.setObjectName("emptyTrashButton")
        bar.addWidget(self.restore_button)
        bar.addWidget(self.purge_button)
        bar.addStretch(1)
        bar.addWidget(self.empty_button)
        layout.addLayout(bar)
        self.stack = QStackedWidget()
        self.table = make_table("trashTable")
        self.table.setAccessibleName("Trash")
        self.empty = EmptyState(
            "The Trash is empty. Deleted notes, priorities and people wait "
            "here until you restore them or delete them for good."
        )
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

    def bind(self, services: Services) -> None:
        self.model = TrashModel(services)
        self.table.setModel(self.model)
        size_columns(
            self.table, {TrashModel.KIND: 14, TrashModel.DELETED: 16}, stretch=TrashModel.TITLE
        )
        super().bind(services)

    def refresh(self) -> None:
        if self.model is None:
            return
        self.model.refresh()
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentWidget(self.table if has_rows else self.empty)
        for button in (self.restore_button, self.purge_button, self.empty_button):
            button.setEnabled(has_rows)
        if has_rows and not self.table.currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def restore_selected(self) -> None:
        record_id = self._selected_id()
        if self.services is None or record_id is None:
            return
        self.services.trash.restore(record_id)
        self.refresh()
        self.status.emit("Restored")

    def purge_selected(self) -> None:
        record_id = self._selected_id()
        if self.services is None or record_id is None:
            return
        title = self.table.currentIndex().siblingAtColumn(1).data(Qt.ItemDataRole.DisplayRole)
        answer = QMessageBox.question(
            self,
            "Delete for good?",
            f"Delete “{title}” for good? This cannot be undone (a backup still has it).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.services.trash.purge(record_id)
        self.refresh()
        self.status.emit("Deleted for good")

    def empty_trash(self) -> None:
        if self.services is None or self.model is None or not self.model.rowCount():
            return
        answer = QMessageBox.question(
            self,
            "Empty the Trash?",
            f"Delete all {self.model.rowCount()} items in the Trash for good? This cannot be "
            "undone (backups still have them).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        count = self.services.trash.empty()
        self.refresh()
        self.status.emit(f"Deleted {count} items for good")

    def clear(self) -> None:
        if self.model is not None:
            self.model.clear()
        self.table.setModel(None)
        self.model = None
