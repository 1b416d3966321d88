"""People: who the user works with, relative to them, with cadence and preferences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui import jobs
from upwardprep.gui.models.people import PeopleModel
from upwardprep.gui.views.base import (
    EmptyState,
    ListDetailView,
    RecordEditor,
    make_table,
    size_columns,
)
from upwardprep.gui.widgets.markdown_editor import MarkdownEditor
from upwardprep.services.common import limit_of
from upwardprep.services.labels import ROLE_LABELS, Role
from upwardprep.services.people import FIELDS as PERSON_FIELDS


class PersonEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personEditor")
        layout = QVBoxLayout(self)
        heading = QLabel("Person")
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.name = QLineEdit()
        self.name.setObjectName("personName")
        self.name.setMaxLength(limit_of(PERSON_FIELDS["name"]))
        self.name.setAccessibleName("Name")
        self.role = QComboBox()
        self.role.setObjectName("personRole")
        self.role.setAccessibleName("Role relative to me")
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.job_title = QLineEdit()
        self.job_title.setObjectName("personTitle")
        self.job_title.setMaxLength(limit_of(PERSON_FIELDS["title"]))
        self.job_title.setAccessibleName("Job title")
        self.email = QLineEdit()
        self.email.setObjectName("personEmail")
        self.email.setMaxLength(limit_of(PERSON_FIELDS["email"]))
        self.email.setAccessibleName("Email")
        self.cadence = QSpinBox()
        self.cadence.setObjectName("personCadence")
        self.cadence.setRange(0, 366)
        self.cadence.setSpecialValueText("No regular 1:1")
        self.cadence.setPrefix("every ")
        self.cadence.setSuffix(" days")
        self.cadence.setAccessibleName("Days between 1:1s")
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("&Title:", self.job_title)
        form.addRow("&Email:", self.email)
        form.addRow("&Cadence:", self.cadence)
        layout.addLayout(form)
        prefs = QLabel("Communication &preferences")
        layout.addWidget(prefs)
        self.preferences = MarkdownEditor()
        self.preferences.setObjectName("personPreferences")
        prefs.setBuddy(self.preferences)
        layout.addWidget(self.preferences, 1)
        self.watch(self.name, self.role, self.job_title, self.email, self.cadence, self.preferences)

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        person = self.services.people.get(record_id)
        self.name.setText(person.name)
        self.role.setCurrentIndex(max(0, self.role.findData(person.role)))
        self.job_title.setText(person.title)
        self.email.setText(person.email)
        self.cadence.setValue(person.cadence_days or 0)
        self.preferences.setText(person.preferences)

    def _save(self, record_id: str) -> None:
        assert self.services is not None
        self.services.people.update(
            record_id,
            name=self.name.text(),
            role=self.role.currentData(),
            title=self.job_title.text(),
            email=self.email.text(),
            cadence_days=self.cadence.value() or None,
            preferences=self.preferences.text(),
        )

    def _blank(self) -> None:
        for field in (self.name, self.job_title, self.email):
            field.clear()
        self.role.setCurrentIndex(0)
        self.cadence.setValue(0)
        self.preferences.clear()


class PeopleView(ListDetailView):
    section = "people"
    watches = frozenset({jobs.PERSON})
    title = "People"
    blank_on_empty_selection = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleView")
        self.model: PeopleModel | None = None
        self.role_filter: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("peopleSplitter")
        self.list_stack = QStackedWidget()
        self.table = make_table("peopleTable")
        self.empty = EmptyState(
            "No people yet — add your manager first: who you report to and "
            "how often you meet. Ctrl+Shift+M"
        )
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.editor = PersonEditor()
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 520])
        layout.addWidget(self.splitter)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self.status.emit)

    def bind(self, services: object) -> None:
        self.model = PeopleModel(services)  # type: ignore[arg-type]
        self.table.setModel(self.model)
        size_columns(
            self.table,
            {PeopleModel.NAME: 22, PeopleModel.ROLE: 13, PeopleModel.CADENCE: 15},
            stretch=PeopleModel.TITLE,
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        super().bind(services)  # type: ignore[arg-type]

    def set_role(self, role: str | None) -> None:
        self.role_filter = role
        if self.model is not None:
            self.editor.flush()
            self.model.set_role(role)
            self._show_list()

    def refresh(self) -> None:
        if self.model is None:
            return
        keep = self.editor.record_id
        self.model.refresh()
        self._show_list()
        if keep is None or not self.select(keep):
            self._select_row(0)

    def _show_list(self) -> None:
        has_rows = self.model is not None and self.model.rowCount() > 0
        self.list_stack.setCurrentWidget(self.table if has_rows else self.empty)
        if not has_rows:
            self.editor.load(self.services, None)  # type: ignore[arg-type]

    def _saved(self, record_id: str) -> None:
        if self.model is not None:
            self.model.refresh()
            self.select(record_id)
        self.status.emit("Saved")

    def clear(self) -> None:
        self.editor.clear()
        if self.model is not None:
            self.model.clear()
        self.table.setModel(None)
        self.model = None

    def new_record(self) -> None:
        if self.services is None:
            return
        self.editor.flush()
        role = self.role_filter or Role.MANAGER.value
        person = self.services.people.create("New person", role=role)
        self.refresh()
        self.select(person.id)
        self.editor.name.setFocus()
        self.editor.name.selectAll()

    def delete_selected(self) -> None:
        record_id = self.editor.record_id
        if self.services is None or record_id is None:
            return
        self.editor.flush()
        row = self.model.row_of(record_id) if self.model else 0
        self.services.people.trash(record_id)
        self.editor.load(self.services, None)
        self.refresh()
        self._select_row(max(0, (row or 0) - 1))
        self.trashed.emit("person", record_id)
