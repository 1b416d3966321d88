"""First run after creating a store: three steps, skippable, never shown again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from upwardprep.gui.forms.ui_welcome_dialog import Ui_WelcomeDialog

STEPS = [
    (
        "addManager",
        "1. Add your manager",
        "Who you report to, how often you meet, and how they like to hear news.",
    ),
    (
        "addPriorities",
        "2. Add their top priorities",
        "What they are accountable for, and how success is measured.",
    ),
    (
        "logOutcome",
        "3. Log your first outcome",
        "What your work produced or enabled: in outcomes, not activities.",
    ),
]


class WelcomeDialog(QDialog):
    step_chosen = Signal(str)  # the objectName of the chosen step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelcomeDialog()
        self.ui.setupUi(self)
        for name, _heading, _text in STEPS:
            button = self.findChild(QPushButton, name)
            assert button is not None, name
            button.clicked.connect(lambda _=False, n=name: self._choose(n))
        skip = self.ui.buttons.addButton("&Skip", QDialogButtonBox.ButtonRole.RejectRole)
        skip.setObjectName("skipButton")
        self.ui.buttons.rejected.connect(self.reject)

    def _choose(self, name: str) -> None:
        self.step_chosen.emit(name)
        self.accept()
