"""An empty list teaches: one sentence and the action that fills it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Shown in place of a list with no rows; `setText` says what would fill it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(text)
        self.label.setObjectName("emptyStateLabel")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # muted, a step larger than the body text (look.py sizes it from the app's font)
        self.label.setProperty("tone", "muted")
        self.label.setStyleSheet("padding: 24px;")
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addStretch(2)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.label.setText(text)
