"""Agenda templates: the shipped ones and the user's own, edited in Markdown.

A template's Markdown holds the agenda's standing items (headings or list items) with guiding
questions beneath them; drafting an agenda turns them into items after the ones drafted from
notes. Deleting moves a template to the Trash like any other record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from upwardprep.gui.forms.ui_templates_dialog import Ui_TemplatesDialog
from upwardprep.gui.models.base import EntityTableModel, SortRole
from upwardprep.gui.models.dates import absolute
from upwardprep.gui.views.base import size_columns
from upwardprep.services import Services
from upwardprep.services.templates import TemplateData


class TemplatesModel(EntityTableModel[TemplateData]):
    COLUMNS = ("Name", "Kind")
    NAME, KIND = range(2)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self.refresh()

    def _load(self) -> Sequence[TemplateData]:
        return self.services.templates.list()

    def _cell(self, template: TemplateData, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return template.name
            return "Shipped" if template.builtin else "Yours"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Last changed {absolute(template.updated_at)}"
        if role == SortRole:
            return template.name.casefold() if column == self.NAME else template.builtin
        return None


class TemplatesDialog(QDialog):
    """List, create, edit, duplicate and delete agenda templates."""

    trashed = Signal(str, str)  # "template", id: for Edit > Undo
    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TemplatesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.services = services
        self.new_button, self.duplicate_button, self.delete_button = (
            ui.newTemplateButton,
            ui.duplicateTemplateButton,
            ui.deleteTemplateButton,
        )
        self.splitter, self.table, self.editor = (
            ui.templatesSplitter,
            ui.templatesTable,
            ui.templateEditor,
        )
        self.problem = ui.templateProblem
        self.resize(980, 620)
        self.model = TemplatesModel(services, self)
        self.table.setModel(self.model)
        size_columns(self.table, {TemplatesModel.KIND: 8}, stretch=TemplatesModel.NAME)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 680])
        self.problem.hide()
        ui.buttons.rejected.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self._refused)
        self.editor.saved.connect(lambda _id: self.problem.hide())
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.last_menu: QMenu | None = None
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self._select(0)

    def _menu(self, pos: QPoint) -> None:
        """The row's right-button menu: what the buttons do, plus Copy as Markdown."""
        index = self.table.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            self._select(index.row())
            menu.addAction("&Duplicate", self.duplicate)
            menu.addAction("&Copy as Markdown", self.copy_markdown)
            menu.addAction("Move to &Trash", self.delete)
            menu.addSeparator()
        menu.addAction("&New Template", self.new_template)
        if self.last_menu is not None:
            self.last_menu.deleteLater()
        self.last_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def copy_markdown(self) -> None:
        if self.editor.record_id is None:
            return
        self.editor.flush()
        template = self.services.templates.get(self.editor.record_id)
        QGuiApplication.clipboard().setText(template.body)
        self.status.emit("Copied the template as Markdown")

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._buttons()

    def _buttons(self) -> None:
        has = self.editor.record_id is not None
        self.duplicate_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _current_changed(self, current: Any, _previous: Any) -> None:
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id != self.editor.record_id:
            kept = self.editor.record_id
            if kept is not None and not self.editor.flush():
                # Stay on the template whose input was refused rather than drop it.
                QTimer.singleShot(0, lambda: self._select(self.model.row_of(kept)))
                return
            self.editor.load(self.services, record_id)
        self._buttons()

    def _refused(self, reason: str) -> None:
        self.status.emit(reason)
        self.problem.setText(reason)
        self.problem.show()

    def _saved(self, record_id: str) -> None:
        self.model.refresh()
        self._select(self.model.row_of(record_id))
        self.status.emit("Saved")

    def _show(self, record_id: str) -> None:
        self.model.refresh()
        self._select(self.model.row_of(record_id))

    def new_template(self) -> None:
        self.editor.flush()
        template = self.services.templates.create(
            "New template", "## Check-in\nHow are things going?\n\n## Asks\n"
        )
        self._show(template.id)
        self.editor.name.setFocus()
        self.editor.name.selectAll()

    def duplicate(self) -> None:
        if self.editor.record_id is None:
            return
        self.editor.flush()
        copy = self.services.templates.duplicate(self.editor.record_id)
        self._show(copy.id)
        self.status.emit("Template duplicated")

    def delete(self) -> None:
        record_id = self.editor.record_id
        if record_id is None:
            return
        self.editor.flush()
        row = self.model.row_of(record_id)
        self.services.templates.trash(record_id)
        self.editor.load(self.services, None)
        self.model.refresh()
        self._select(min(row, self.model.rowCount() - 1))
        self.trashed.emit("template", record_id)

    def done(self, result: int) -> None:
        if not self.editor.flush() and not self._discard():
            return  # back to the form, the reason shown above the buttons
        super().done(result)

    def _discard(self) -> bool:
        answer = QMessageBox.warning(
            self,
            "Template not saved",
            f"{self.problem.text()}\n\nClose and lose this change, or go back and correct it?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
