"""Quick capture (Ctrl+Shift+N from anywhere): log an outcome or a risk in under five seconds.

Type the title, Tab, type part of a priority's name (the list narrows as you type; Enter or Tab
takes the top match), Enter saves. The kind defaults to a win; Alt+K jumps to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from upwardprep.gui.forms.ui_quick_capture_dialog import Ui_QuickCaptureDialog
from upwardprep.gui.widgets.record_picker import Choice
from upwardprep.services import Services, ValidationError
from upwardprep.services.common import limit_of
from upwardprep.services.labels import OUTCOME_KIND_LABELS, RISK_TIP, OutcomeKind
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
        self.ui = Ui_QuickCaptureDialog()
        self.ui.setupUi(self)
        self.services = services
        self.meeting_id = meeting[0] if meeting else None
        ui = self.ui
        self.title, self.priority, self.kind, self.ask = (
            ui.titleEdit,
            ui.priorityEdit,
            ui.kindCombo,
            ui.askEdit,
        )
        self.link_meeting, self.error = ui.linkMeetingCheck, ui.errorLabel
        self._ask_label = ui.askLabel
        self.title.setMaxLength(limit_of(OUTCOME_FIELDS["title"]))
        self.ask.setMaxLength(limit_of(OUTCOME_FIELDS["ask"]))
        self.priority.set_choices(
            [Choice(p.id, p.title, p.owner_name or "") for p in services.priorities.list()]
        )
        for kind, label in OUTCOME_KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
            if kind == OutcomeKind.RISK:
                self.kind.setItemData(self.kind.count() - 1, RISK_TIP, Qt.ItemDataRole.ToolTipRole)
        self.link_meeting.setText(f"&Link to {meeting[1]}" if meeting else "")
        self.link_meeting.setChecked(meeting is not None)
        self.link_meeting.setVisible(meeting is not None)
        self.error.hide()
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.title.setFocus()

    def _kind_changed(self) -> None:
        is_risk = self.kind.currentData() == OutcomeKind.RISK.value
        self.ask.setVisible(is_risk)
        self._ask_label.setVisible(is_risk)

    def save_before_lock(self) -> None:
        """The app is locking: typed text is the user's, so it is saved now (as an editor's
        is), and the dialog closes. A priority that matches no single one is left unlinked
        rather than losing the note; with no title typed, there is nothing to save."""
        if self.title.text().strip() and not self.save():
            self.priority.clear()
            self.save()
        if self.isVisible():
            self.reject()

    def save(self) -> bool:
        """Save and close; False (with the reason shown) when the input is refused."""
        if not self.priority.resolve():
            self._fail(
                f"No single priority matches “{self.priority.pending_text()}”; pick one from "
                "the list or leave it empty."
            )
            self.priority.setFocus()
            return False
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
            return False
        self.saved.emit(outcome.id)
        self.accept()
        return True

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
