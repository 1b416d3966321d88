"""The weekly update to the manager: pick the person and the start, read it, copy it or save it
as an e-mail to open in the mail client (services.update builds it; export.update words it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QMimeData, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from upwardprep.export.update import default_filename, to_html, to_markdown, write_update
from upwardprep.gui.views.base import fill_combo
from upwardprep.services import Services, ValidationError
from upwardprep.services.labels import UPWARD_ROLES
from upwardprep.services.update import WeeklyUpdate


class UpdateDialog(QDialog):
    def __init__(
        self, services: Services, person_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.update_data: WeeklyUpdate | None = None
        self.setObjectName("updateDialog")
        self.setWindowTitle("Weekly update")
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.person = QComboBox()
        self.person.setObjectName("updatePerson")
        self.person.setAccessibleName("Update for")
        people = services.people.list()
        if person_id is None:  # the update goes up: the manager first
            person_id = next((p.id for p in people if p.role in UPWARD_ROLES), None)
        fill_combo(self.person, [(p.name, p.id) for p in people], keep=person_id)
        self.since = QDateEdit()
        self.since.setObjectName("updateSince")
        self.since.setAccessibleName("Since")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("ddd d MMM yyyy")
        form.addRow("&For:", self.person)
        form.addRow("&Since:", self.since)
        layout.addLayout(form)
        self.preview = QTextBrowser()
        self.preview.setObjectName("updatePreview")
        self.preview.setAccessibleName("The update")
        layout.addWidget(self.preview, 1)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b42318;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setObjectName("copyUpdate")
        self.copy_button.setToolTip("Copy as rich text (and as Markdown for plain-text editors)")
        self.save_button = QPushButton("Save as &e-mail…")
        self.save_button.setObjectName("saveUpdate")
        self.save_button.setToolTip("An .eml draft that the mail client opens, ready to send")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.person.currentIndexChanged.connect(self._person_changed)
        self.since.dateChanged.connect(self._since_changed)
        self._person_changed()

    def _person_changed(self) -> None:
        """A new person: the update starts at the last 1:1 with them."""
        self._build(None)
        if self.update_data is not None:
            start = self.update_data.since
            self.since.blockSignals(True)
            self.since.setDate(QDate(start.year, start.month, start.day))
            self.since.blockSignals(False)

    def _since_changed(self) -> None:
        picked = self.since.date()
        self._build(date(picked.year(), picked.month(), picked.day()))

    def _build(self, since: date | None) -> None:
        person_id = self.person.currentData()
        self.update_data = None
        self.copy_button.setEnabled(False)
        self.save_button.setEnabled(False)
        if not person_id:
            self.preview.setPlainText("Add the person in People first.")
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
                self.person.currentData(),
                Path(path),
                fmt="eml",
                since=self.update_data.since,
            )
        except (ValidationError, OSError) as error:
            self.error.setText(f"The update could not be saved: {error}")
            self.error.show()
            return
        self.accept()
