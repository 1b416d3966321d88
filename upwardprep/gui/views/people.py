"""People: who the user works with, relative to them, with cadence and preferences."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from upwardprep.gui import jobs
from upwardprep.gui.forms.ui_people_bar import Ui_PeopleBar
from upwardprep.gui.forms.ui_person_editor import Ui_PersonEditor
from upwardprep.gui.models.people import PeopleModel
from upwardprep.gui.views.base import ListDetailView, RecordEditor, size_columns
from upwardprep.gui.views.person_hub import PersonHubPage
from upwardprep.services import NotFound, Services, ValidationError
from upwardprep.services.common import limit_of
from upwardprep.services.labels import ROLE_LABELS, Role
from upwardprep.services.people import FIELDS as PERSON_FIELDS


class PersonEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PersonEditor()
        self.ui.setupUi(self)
        ui = self.ui
        self.name, self.role, self.job_title = ui.personName, ui.personRole, ui.personTitle
        self.email, self.cadence, self.preferences = (
            ui.personEmail,
            ui.personCadence,
            ui.personPreferences,
        )
        self.hub: PersonHubPage = ui.personHubPage
        self.tabs = ui.personTabs
        self.name.setMaxLength(limit_of(PERSON_FIELDS["name"]))
        self.job_title.setMaxLength(limit_of(PERSON_FIELDS["title"]))
        self.email.setMaxLength(limit_of(PERSON_FIELDS["email"]))
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.watch(self.name, self.role, self.job_title, self.email, self.cadence, self.preferences)
        # "every 1 days" reads wrong: the unit follows the number.
        self.cadence.valueChanged.connect(
            lambda days: self.cadence.setSuffix(" day" if days == 1 else " days")
        )

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        person = self.services.people.get(record_id)
        self.ui.sectionTitle.setText(person.name)
        self.refresh_hub()
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

    def refresh_hub(self) -> None:
        """Read the person page again (after an edit here, or a change elsewhere)."""
        if self.services is None or self.record_id is None:
            self.hub.show_hub(None)
            return
        try:
            self.hub.show_hub(self.services.person_hub.read(self.record_id))
        except NotFound:
            self.hub.show_hub(None)

    def _blank(self) -> None:
        self.ui.sectionTitle.setText("Person")
        self.hub.show_hub(None)
        for field in (self.name, self.job_title, self.email):
            field.clear()
        self.role.setCurrentIndex(-1)  # no person: no role either, not "Manager"
        self.cadence.setValue(0)
        self.preferences.clear()


class PeopleView(ListDetailView):
    section = "people"
    # The person page shows their meetings, action items, priorities and notes too.
    watches = frozenset({jobs.PERSON, jobs.MEETING, jobs.PRIORITY, jobs.OUTCOME})
    title = "People"
    blank_on_empty_selection = True

    def __init__(self, parent: QWidget | None = None) -> None:
        bar = QWidget()
        bar_ui = Ui_PeopleBar()
        bar_ui.setupUi(bar)
        super().__init__(
            "people",
            PersonEditor(),
            empty="No people yet — add your manager first: who you report to and "
            "how often you meet. Ctrl+Shift+M",
            top=bar,
            # the person page is the hub (next 1:1, what is owed, priorities, notes): at
            # 1024 px it had a third of the room and cut every line; the list needs a name
            # and a title
            stretch=(1, 2),
            sizes=(500, 580),
            parent=parent,
        )
        self.add_button = bar_ui.addPersonButton
        self.add_button.clicked.connect(self.new_record)
        self.editor: PersonEditor
        self.model: PeopleModel | None = None
        self.role_filter: str | None = None
        self.editor.hub.open_record.connect(self.open_record.emit)
        self.editor.hub.prepare_requested.connect(self.prepare)

    def bind(self, services: Services) -> None:
        self.model = PeopleModel(services)
        self.table.setModel(self.model)
        size_columns(
            self.table,
            {PeopleModel.NAME: 22, PeopleModel.ROLE: 13, PeopleModel.CADENCE: 15},
            stretch=PeopleModel.TITLE,
            drop=(PeopleModel.CADENCE, PeopleModel.ROLE),
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        super().bind(services)

    def set_role(self, role: str | None) -> None:
        self.role_filter = role
        if self.model is not None:
            self.editor.flush()
            keep = self.editor.record_id
            self.model.set_role(role)  # a reset: the selection is gone with the old rows
            self._show_list()
            if keep is None or not self.select(keep):
                self._select_row(0)

    def refresh(self) -> None:
        if self.model is None:
            return
        keep = self.editor.record_id
        self.model.refresh()
        self._show_list()
        if keep is None or not self.select(keep):
            self._select_row(0)
        elif keep == self.editor.record_id:
            self.editor.refresh_hub()

    def _saved(self, record_id: str) -> None:
        super()._saved(record_id)
        self.editor.refresh_hub()
        if self.editor.record_id is not None and self.services is not None:
            self.editor.ui.sectionTitle.setText(self.editor.name.text())

    def prepare(self, person_id: str) -> None:
        """The person page's Prepare: draft the next 1:1's agenda and open it in Meetings
        (as the dashboard's Prepare does)."""
        if self.services is None:
            return
        self.editor.flush()
        try:
            meeting = self.services.agenda.draft_next(person_id)
        except ValidationError as error:
            self.status.emit(str(error))
            return
        self.open_record.emit("meeting", meeting.id)
        self.status.emit("Agenda drafted")

    def new_record(self) -> None:
        if self.services is None:
            return
        self.editor.flush()
        role = self.role_filter or Role.MANAGER.value
        person = self.services.people.create("New person", role=role)
        self.refresh()
        self.select(person.id)
        self.editor.tabs.setCurrentWidget(self.editor.ui.detailsTab)
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
