"""Quick capture (Ctrl+Shift+N from anywhere): log an outcome or a risk in under five seconds.

Type the title, Tab, type part of a priority's name (the list narrows as you type; Enter or Tab
takes the top match), Enter saves. The kind defaults to a win; Alt+K jumps to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.widgets.record_picker import Choice, RecordPicker
from upwardprep.services import Services, ValidationError
from upwardprep.services.common import limit_of
from upwardprep.services.labels import OUTCOME_KIND_CHOICES, OutcomeKind
from upwardprep.services.outcomes import FIELDS as OUTCOME_FIELDS


class QuickCaptureDialog(QDialog):
    saved = Signal(str)  # the new outcome's id

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        meeting: tuple[str, str] | None = None,
    ) -> None:
        """`meeting`: (id, label) of the meeting being held, which the note is linked to."""
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting[0] if meeting else None
        self.setObjectName("quickCaptureDialog")
        self.setWindowTitle("Quick capture")
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.title.setMaxLength(limit_of(OUTCOME_FIELDS["title"]))
        self.title.setPlaceholderText(
            "What did it produce or enable? e.g. “Cut p95 latency to 310 ms”"
        )
        self.title.setAccessibleName("Outcome title")
        self.priority = RecordPicker()
        self.priority.setObjectName("priorityEdit")
        self.priority.setPlaceholderText("Type part of a priority (optional)")
        self.priority.setAccessibleName("Priority")
        self.priority.set_choices(
            [Choice(p.id, p.title, p.owner_name or "") for p in services.priorities.list()]
        )
        self.kind = QComboBox()
        self.kind.setObjectName("kindCombo")
        self.kind.setAccessibleName("Kind of note")
        for kind, label in OUTCOME_KIND_CHOICES.items():
            self.kind.addItem(label, kind.value)
        self.ask = QLineEdit()
        self.ask.setObjectName("askEdit")
        self.ask.setMaxLength(limit_of(OUTCOME_FIELDS["ask"]))
        self.ask.setPlaceholderText("What do you need, and from whom?")
        self.ask.setAccessibleName("Ask")

        form.addRow("&Outcome:", self.title)
        form.addRow("&Priority:", self.priority)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Ask:", self.ask)
        self._ask_label = form.labelForField(self.ask)
        self.link_meeting = QCheckBox(f"&Link to {meeting[1]}" if meeting else "")
        self.link_meeting.setObjectName("linkMeetingCheck")
        self.link_meeting.setChecked(meeting is not None)
        self.link_meeting.setVisible(meeting is not None)
        form.addRow("", self.link_meeting)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b42318;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setTabOrder(self.title, self.priority)
        self.setTabOrder(self.priority, self.kind)
        self.setTabOrder(self.kind, self.ask)
        self.setTabOrder(self.ask, self.link_meeting)
        self.title.setFocus()

    def _kind_changed(self) -> None:
        is_risk = self.kind.currentData() == OutcomeKind.RISK.value
        self.ask.setVisible(is_risk)
        if self._ask_label is not None:
            self._ask_label.setVisible(is_risk)

    def save(self) -> None:
        if not self.priority.resolve():
            self._fail(
                f"No single priority matches “{self.priority.pending_text()}”; pick one from "
                "the list or leave it empty."
            )
            self.priority.setFocus()
            return
        chosen = self.priority.current_id()
        priority_ids = [chosen] if chosen else []
        try:
            outcome = self.services.outcomes.create(
                self.title.text(),
                kind=self.kind.currentData(),
                priority_ids=priority_ids,
                ask=self.ask.text() if self.ask.isVisible() else "",
                meeting_id=self.meeting_id if self.link_meeting.isChecked() else None,
            )
        except ValidationError as error:
            self._fail(str(error))
            self.title.setFocus()
            return
        self.saved.emit(outcome.id)
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
