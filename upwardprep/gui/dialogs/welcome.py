"""First run after creating a store: three steps in one dialog (your manager, their priorities,
your first outcome), each skippable, never shown again.

Each step is checked when the user moves on, and the whole welcome is written in one service
call (one transaction) when it ends: on Finish, or on Skip the Rest with the steps already
done. A new manager meets the user weekly unless the user says otherwise (the field starts at
the services' default).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QWidget

from upwardprep.gui.forms.ui_welcome_dialog import Ui_WelcomeDialog
from upwardprep.services import Services, ValidationError
from upwardprep.services.meetings import DEFAULT_CADENCE_DAYS
from upwardprep.services.welcome import WelcomeInput, WelcomeResult

STEPS = ("Your manager", "Their top priorities", "Your first outcome")


class WelcomeDialog(QDialog):
    #: kinds of record it created (gui.jobs names), for the window to show them
    created = Signal(set)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = Ui_WelcomeDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.manager_id: str | None = None
        self.priority_ids: list[str] = []
        self.outcome_id: str | None = None
        self.result_: WelcomeResult | None = None  # once written
        self.priority_fields: tuple[QLineEdit, ...] = (ui.priority1, ui.priority2, ui.priority3)
        ui.managerCadence.setValue(DEFAULT_CADENCE_DAYS)
        ui.managerCadence.valueChanged.connect(
            lambda days: ui.managerCadence.setSuffix(" day" if days == 1 else " days")
        )
        self.back = ui.buttons.addButton("< &Back", QDialogButtonBox.ButtonRole.ActionRole)
        self.back.setObjectName("backButton")
        self.next = ui.buttons.addButton("&Next >", QDialogButtonBox.ButtonRole.ActionRole)
        self.next.setObjectName("nextButton")
        self.next.setDefault(True)
        skip = ui.buttons.addButton("&Skip the Rest", QDialogButtonBox.ButtonRole.RejectRole)
        skip.setObjectName("skipButton")
        self.back.clicked.connect(lambda: self.go(ui.steps.currentIndex() - 1))
        self.next.clicked.connect(self.advance)
        ui.buttons.rejected.connect(self.reject)
        ui.errorLabel.hide()
        self.go(0)

    # -- steps -------------------------------------------------------------------------------

    def go(self, step: int) -> None:
        ui = self.ui
        step = max(0, min(step, len(STEPS) - 1))
        ui.steps.setCurrentIndex(step)
        ui.stepLabel.setText(f"Step {step + 1} of {len(STEPS)} · {STEPS[step]}")
        self.back.setEnabled(step > 0)
        self.next.setText("&Finish" if step == len(STEPS) - 1 else "&Next >")
        if step == 2:
            self._fill_priorities()
        first: QWidget = (ui.managerName, ui.priority1, ui.outcomeTitle)[step]
        first.setFocus()

    def advance(self) -> None:
        """Check the step on screen, then go to the next one (or write it all after the
        last)."""
        step = self.ui.steps.currentIndex()
        last = step == len(STEPS) - 1
        if self._write(step + 1) if last else self._check(step + 1):
            if last:
                self.accept()
            else:
                self.go(step + 1)

    def reject(self) -> None:
        """Skip the Rest (or Escape): the steps already done are kept, the one on screen is
        not."""
        if self.result_ is None and not self._write(self.ui.steps.currentIndex()):
            return
        super().reject()

    def gathered(self, steps: int) -> WelcomeInput:
        """What the first `steps` steps hold."""
        ui = self.ui
        manager = steps >= 1 and bool(ui.managerName.text().strip())
        titles = tuple(field.text() for field in self.priority_fields) if steps >= 2 else ()
        note = ui.outcomePriority.currentData() if steps >= 3 else None
        return WelcomeInput(
            manager_name=ui.managerName.text() if manager else "",
            manager_title=ui.managerTitle.text() if manager else "",
            cadence_days=ui.managerCadence.value(),
            priorities=titles,
            outcome_title=ui.outcomeTitle.text() if steps >= 3 else "",
            outcome_priority=note if isinstance(note, int) else None,
        )

    def _refused(self, error: ValidationError) -> bool:
        self.ui.errorLabel.setText(str(error))
        self.ui.errorLabel.show()
        return False

    def _check(self, steps: int) -> bool:
        try:
            self.services.welcome.check(self.gathered(steps))
        except ValidationError as error:
            return self._refused(error)
        self.ui.errorLabel.hide()
        return True

    def _write(self, steps: int) -> bool:
        try:
            result = self.services.welcome.start(self.gathered(steps))
        except ValidationError as error:
            return self._refused(error)
        self.result_ = result
        self.manager_id, self.outcome_id = result.manager_id, result.outcome_id
        self.priority_ids = list(result.priority_ids)
        if result.kinds:
            self.created.emit(set(result.kinds))
        return True

    def _fill_priorities(self) -> None:
        """The priorities typed in step 2 (not written yet), by their place in the list."""
        combo = self.ui.outcomePriority
        combo.clear()
        combo.addItem("No priority (yet)", None)
        for index, field in enumerate(self.priority_fields):
            if field.text().strip():
                combo.addItem(field.text().strip(), index)
        combo.setCurrentIndex(1 if combo.count() > 1 else 0)

    def button(self, name: str) -> QPushButton:
        found = self.findChild(QPushButton, name)
        assert found is not None, name
        return found
