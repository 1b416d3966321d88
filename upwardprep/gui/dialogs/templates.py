"""Agenda templates: the shipped ones and the user's own, edited in Markdown.

A template's Markdown holds the agenda's standing items (headings or list items) with guiding
questions beneath them; drafting an agenda turns them into items after the ones drafted from
notes. Deleting moves a template to the Trash like any other record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.models.base import EntityTableModel, SortRole
from upwardprep.gui.models.dates import absolute
from upwardprep.gui.views.base import RecordEditor, make_table, size_columns
from upwardprep.gui.widgets.markdown_editor import MarkdownEditor
from upwardprep.services import Services
from upwardprep.services.common import limit_of
from upwardprep.services.templates import FIELDS as TEMPLATE_FIELDS
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


class TemplateEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.name.setMaxLength(limit_of(TEMPLATE_FIELDS["name"]))
        self.name.setAccessibleName("Template name")
        form.addRow("N&ame:", self.name)
        layout.addLayout(form)
        hint = QLabel(
            "Each heading becomes an agenda item (a lone top heading names the template); the "
            "text under it holds its guiding questions. End a heading with [5 min] for a time "
            "box."
        )
        hint.setObjectName("templateHint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(hint)
        self.body = MarkdownEditor()
        self.body.setObjectName("templateBody")
        layout.addWidget(self.body, 1)
        self.watch(self.name, self.body)

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        template = self.services.templates.get(record_id)
        self.name.setText(template.name)
        self.body.setText(template.body)

    def _save(self, record_id: str) -> None:
        assert self.services is not None
        self.services.templates.update(record_id, name=self.name.text(), body=self.body.text())

    def _blank(self) -> None:
        self.name.clear()
        self.body.clear()


class TemplatesDialog(QDialog):
    """List, create, edit, duplicate and delete agenda templates."""

    trashed = Signal(str, str)  # "template", id: for Edit > Undo
    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("templatesDialog")
        self.setWindowTitle("Agenda templates")
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton("&New")
        self.new_button.setObjectName("newTemplateButton")
        self.duplicate_button = QPushButton("&Duplicate")
        self.duplicate_button.setObjectName("duplicateTemplateButton")
        self.delete_button = QPushButton("Move to &Trash")
        self.delete_button.setObjectName("deleteTemplateButton")
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("templatesSplitter")
        self.table = make_table("templatesTable")
        self.model = TemplatesModel(services, self)
        self.table.setModel(self.model)
        size_columns(self.table, {TemplatesModel.KIND: 8}, stretch=TemplatesModel.NAME)
        self.editor = TemplateEditor()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 680])
        layout.addWidget(self.splitter, 1)
        self.problem = QLabel()
        self.problem.setObjectName("templateProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self._refused)
        self.editor.saved.connect(lambda _id: self.problem.hide())
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self._select(0)

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
