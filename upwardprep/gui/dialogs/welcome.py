"""First run after creating a store: three steps, skippable, never shown again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

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
        self.setObjectName("welcomeDialog")
        self.setWindowTitle("Welcome to UpwardPrep")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = QLabel("<h2>Welcome</h2>Three steps make UpwardPrep useful in your next 1:1:")
        title.setWordWrap(True)
        layout.addWidget(title)
        for name, heading, text in STEPS:
            button = QPushButton(heading)
            button.setObjectName(name)
            button.setStyleSheet("text-align: left; font-weight: 600; padding: 6px 8px;")
            button.clicked.connect(lambda _=False, n=name: self._choose(n))
            layout.addWidget(button)
            hint = QLabel(text)
            hint.setWordWrap(True)
            hint.setContentsMargins(10, 0, 0, 4)
            layout.addWidget(hint)
        buttons = QDialogButtonBox()
        skip = buttons.addButton("&Skip", QDialogButtonBox.ButtonRole.RejectRole)
        skip.setObjectName("skipButton")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, name: str) -> None:
        self.step_chosen.emit(name)
        self.accept()
