"""The weekly update to the manager: pick the person and the start, read it, copy it or save it
as an e-mail to open in the mail client (services.update builds it; export.update words it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from upwardprep.export.update import default_filename, to_html, to_markdown, write_update
from upwardprep.gui.forms.ui_update_dialog import Ui_UpdateDialog
from upwardprep.gui.views.base import use_clock
from upwardprep.gui.widgets.record_picker import person_choices
from upwardprep.services import Services, ValidationError
from upwardprep.services.labels import UPWARD_ROLES
from upwardprep.services.update import WeeklyUpdate


class UpdateDialog(QDialog):
    def __init__(
        self, services: Services, person_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UpdateDialog()
        self.ui.setupUi(self)
        self.services = services
        self.update_data: WeeklyUpdate | None = None
        ui = self.ui
        self.person, self.since, self.preview = ui.updatePerson, ui.updateSince, ui.updatePreview
        self.error, self.copy_button, self.save_button = ui.errorLabel, ui.copyUpdate, ui.saveUpdate
        people = services.people.list()
        if person_id is None:  # the update goes up: the manager first
            person_id = next((p.id for p in people if p.role in UPWARD_ROLES), None)
        if person_id is None and people:
            person_id = people[0].id
        self.person.set_choices(person_choices(people))
        self.person.set_current_id(person_id)
        self.error.hide()
        ui.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.person.edited.connect(self._person_changed)
        use_clock(self, services)
        self.since.edited.connect(self._since_changed)
        self._person_changed()

    def _person_changed(self) -> None:
        """A new person: the update starts at the last 1:1 with them."""
        self._build(None)
        if self.update_data is not None:
            start = self.update_data.since
            self.since.set_value(start)

    def _since_changed(self) -> None:
        self._build(self.since.value())

    def _build(self, since: date | None) -> None:
        person_id = self.person.current_id()
        self.update_data = None
        self.copy_button.setEnabled(False)
        self.save_button.setEnabled(False)
        if not person_id:
            self.preview.setPlainText(
                "Type the name of the person the update is for."
                if self.person.choices()
                else "Add the person in People first."
            )
            return
        try:
            self.update_data = self.services.updates.weekly(person_id, since=since)
        except ValidationError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.error.hide()
        self.preview.setHtml(to_html(self.update_data))
        self.copy_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def copy(self) -> None:
        if self.update_data is None:
            return
        mime = QMimeData()
        mime.setHtml(to_html(self.update_data))
        mime.setText(to_markdown(self.update_data))
        QApplication.clipboard().setMimeData(mime)

    def save(self) -> None:
        if self.update_data is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the update as an e-mail",
            default_filename(self.update_data, "eml"),
            "E-mail message (*.eml)",
        )
        if not path:
            return
        try:
            write_update(
                self.services,
                self.person.current_id() or "",
                Path(path),
                fmt="eml",
                since=self.update_data.since,
            )
        except (ValidationError, OSError) as error:
            self.error.setText(f"The update could not be saved: {error}")
            self.error.show()
            return
        self.accept()
