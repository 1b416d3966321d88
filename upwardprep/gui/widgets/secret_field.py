"""A passphrase field: shown as dots, and kept out of input-method prediction and history."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget


class SecretField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The password echo mode also tells input methods that the text is hidden and
        # sensitive, and not to predict or capitalise it (ImhHiddenText, ImhSensitiveData,
        # ImhNoPredictiveText, ImhNoAutoUppercase: see test_theme).
        self.setEchoMode(QLineEdit.EchoMode.Password)
