"""First run after creating a store: three steps in one dialog (your manager, their priorities,
your first outcome), each skippable, never shown again.

Each step writes what was typed through the services when the user moves on, so leaving
half-way keeps the steps already done. A new manager meets the user weekly unless the user
says otherwise (the field starts at the services' default).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QWidget

from upwardprep.gui.forms.ui_welcome_dialog import Ui_WelcomeDialog
from upwardprep.services import Services, ValidationError
from upwardprep.services.labels import Role
from upwardprep.services.meetings import DEFAULT_CADENCE_DAYS

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
        """Save the step on screen, then go to the next one (or finish after the last)."""
        step = self.ui.steps.currentIndex()
        try:
            (self._save_manager, self._save_priorities, self._save_outcome)[step]()
        except ValidationError as error:
            self.ui.errorLabel.setText(str(error))
            self.ui.errorLabel.show()
            return
        self.ui.errorLabel.hide()
        if step == len(STEPS) - 1:
            self.accept()
        else:
            self.go(step + 1)

    def _save_manager(self) -> None:
        ui = self.ui
        name = ui.managerName.text().strip()
        if not name:
            return  # skipped: the priorities are then the user's own
        fields = {"title": ui.managerTitle.text(), "cadence_days": ui.managerCadence.value()}
        if self.manager_id is None:
            self.manager_id = self.services.people.create(
                name, role=Role.MANAGER.value, **fields
            ).id
        else:  # back and forth: the same manager, corrected
            self.services.people.update(self.manager_id, name=name, **fields)
        self.created.emit({"person"})

    def _save_priorities(self) -> None:
        titles = [field.text().strip() for field in self.priority_fields]
        for index, title in enumerate(titles):
            if not title:
                continue
            if index < len(self.priority_ids):
                self.services.priorities.update(self.priority_ids[index], title=title)
            else:
                created = self.services.priorities.create(title, owner_id=self.manager_id)
                self.priority_ids.append(created.id)
        if any(titles):
            self.created.emit({"priority"})

    def _fill_priorities(self) -> None:
        combo = self.ui.outcomePriority
        combo.clear()
        combo.addItem("No priority (yet)", None)
        for priority_id in self.priority_ids:
            combo.addItem(self.services.priorities.get(priority_id).title, priority_id)
        combo.setCurrentIndex(1 if self.priority_ids else 0)

    def _save_outcome(self) -> None:
        title = self.ui.outcomeTitle.text().strip()
        if not title or self.outcome_id is not None:
            return
        priority = self.ui.outcomePriority.currentData()
        self.outcome_id = self.services.outcomes.create(
            title, priority_ids=[priority] if priority else []
        ).id
        self.created.emit({"outcome"})

    def button(self, name: str) -> QPushButton:
        found = self.findChild(QPushButton, name)
        assert found is not None, name
        return found
