"""Create-store and unlock dialogs. The passphrase lives only in the line edit and is cleared
as soon as it has been used."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from upwardprep.store.errors import PassphraseRefused, WrongPassphrase

COMMON = {
    "password",
    "passphrase",
    "123456",
    "qwerty",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "monkey",
    "dragon",
    "upwardprep",
    "manager",
}
STRENGTH_LABELS = ("Too weak", "Weak", "Fair", "Good", "Strong")


def strength(passphrase: str) -> tuple[int, str]:
    """A rough 0–4 score with a word for it: length and variety, minus obvious patterns."""
    if not passphrase:
        return 0, "Empty"
    pools = [
        (r"[a-z]", 26),
        (r"[A-Z]", 26),
        (r"[0-9]", 10),
        (r"[^A-Za-z0-9\s]", 33),
        (r"\s", 1),
        (r"[^\x00-\x7f]", 100),
    ]
    pool = sum(size for pattern, size in pools if re.search(pattern, passphrase)) or 1
    unique = len(set(passphrase))
    bits = min(len(passphrase), unique * 3) * math.log2(pool)
    if passphrase.lower().strip(" 0123456789!") in COMMON or re.fullmatch(r"(.)\1*", passphrase):
        bits = min(bits, 10)
    words = len(passphrase.split())
    if words >= 4:
        bits = max(bits, 44 + 11 * (words - 4))  # a few random words make a good passphrase
    score = 0 if bits < 28 else 1 if bits < 36 else 2 if bits < 50 else 3 if bits < 70 else 4
    return score, STRENGTH_LABELS[score]


class _PassphraseDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(440)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSpacing(12)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.rejected.connect(self.reject)

    @staticmethod
    def _secret_field(name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(accessible)
        field.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        return field

    def _new_passphrase_fields(self, label: str) -> None:
        """The new passphrase twice, its strength, the no-recovery warning, error and buttons."""
        self.passphrase = self._secret_field("passphraseEdit", "New passphrase")
        self.confirm = self._secret_field("confirmEdit", "Repeat the passphrase")
        self.meter = QProgressBar()
        self.meter.setObjectName("strengthBar")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(6)
        self.meter.setAccessibleName("Passphrase strength")
        self.meter_label = QLabel("Empty")
        self.meter_label.setObjectName("strengthLabel")
        self.form.addRow(label, self.passphrase)
        self.form.addRow("&Repeat:", self.confirm)
        self.form.addRow("Strength:", self.meter)
        self.form.addRow("", self.meter_label)
        self.layout_.addLayout(self.form)
        warning = QLabel(
            "<b>There is no way to recover a forgotten passphrase.</b> Without it, nobody "
            "(not even you) can read these notes. Write it down somewhere safe."
        )
        warning.setObjectName("recoveryWarning")
        warning.setWordWrap(True)
        self.layout_.addWidget(warning)
        self.layout_.addWidget(self.error)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.layout_.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        score, label = strength(self.passphrase.text())
        self.meter.setValue(score if self.passphrase.text() else 0)
        colour = ("#b42318", "#b54708", "#b54708", "#027a48", "#027a48")[score]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.meter_label.setText(label)
        matches = self.passphrase.text() == self.confirm.text()
        self.ok.setEnabled(bool(self.passphrase.text()) and matches)
        if self.confirm.text() and not matches:
            self.show_error("The two passphrases differ.")
        else:
            self.error.hide()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class UnlockDialog(_PassphraseDialog):
    """Asks until the passphrase opens the store, or the user gives up.

    `attempt` opens the store; WrongPassphrase keeps the dialog open with a message, any other
    store error closes it and is left in `failure` for the caller to explain.
    """

    def __init__(
        self,
        store_path: Path,
        attempt: Callable[[str], None],
        *,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Unlock UpwardPrep", parent)
        self.setObjectName("unlockDialog")
        self.attempt = attempt
        self.failure: Exception | None = None
        intro = QLabel(f"Enter the passphrase for <b>{escape(store_path.stem)}</b>.")
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setToolTip(str(store_path))
        self.layout_.addWidget(intro)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hintLabel")
            hint_label.setWordWrap(True)
            self.layout_.addWidget(hint_label)
        self.passphrase = self._secret_field("passphraseEdit", "Passphrase")
        self.form.addRow("&Passphrase:", self.passphrase)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        unlock = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        unlock.setText("&Unlock")
        unlock.setObjectName("unlockButton")
        self.buttons.accepted.connect(self._try)
        self.layout_.addWidget(self.buttons)
        self.passphrase.setFocus()

    def _try(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            self.show_error("Type your passphrase first.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.attempt(secret)
        except WrongPassphrase:
            self.passphrase.clear()
            self.show_error(
                "That passphrase does not open this store. Check Caps Lock and try again."
            )
            return
        except Exception as error:  # another store problem: the caller explains it
            self.failure = error
            self.passphrase.clear()
            self.reject()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.accept()


class CreateStoreDialog(_PassphraseDialog):
    """Choose the passphrase for a new store: twice, with its strength shown."""

    def __init__(
        self, store_path: Path, create: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__("Create your UpwardPrep store", parent)
        self.setObjectName("createStoreDialog")
        self.create = create
        self.failure: Exception | None = None
        intro = QLabel(
            "Your notes are kept in one encrypted file on this computer. Choose a passphrase "
            "to lock it: a few unrelated words are easy to remember and hard to guess."
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        where = QLabel(f"Store: {escape(str(store_path))}")
        where.setObjectName("storePathLabel")
        where.setWordWrap(True)
        where.setStyleSheet("color: palette(placeholder-text);")
        self.layout_.addWidget(where)
        self._new_passphrase_fields("&Passphrase:")
        self.ok.setText("&Create store")
        self.ok.setObjectName("createButton")
        self.buttons.accepted.connect(self._create)

    def _create(self) -> None:
        secret = self.passphrase.text()
        if secret != self.confirm.text() or not secret:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.create(secret)
        except PassphraseRefused as error:
            self.show_error(str(error))
            return
        except Exception as error:
            self.failure = error
            self.reject()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.confirm.clear()
        self.accept()


class ChangePassphraseDialog(_PassphraseDialog):
    """The current passphrase (proved by `check`), then the new one twice.

    On acceptance `current` and `new` hold the two passphrases for the caller, who clears them
    once the store is re-keyed; nothing else keeps them.
    """

    def __init__(
        self, store_path: Path, check: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__("Change passphrase", parent)
        self.setObjectName("changePassphraseDialog")
        self.check = check
        self.current = self.new = ""
        intro = QLabel(
            f"A new passphrase for <b>{escape(store_path.stem)}</b>. A backup is made first; "
            "backups made before today keep the old passphrase."
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.old = self._secret_field("currentEdit", "Current passphrase")
        self.form.addRow("C&urrent passphrase:", self.old)
        self._new_passphrase_fields("&New passphrase:")
        self.ok.setText("&Change passphrase")
        self.ok.setObjectName("changeButton")
        self.buttons.accepted.connect(self._change)
        self.old.setFocus()

    def _change(self) -> None:
        secret = self.passphrase.text()
        if not secret or secret != self.confirm.text():
            return
        if not self.old.text():
            self.show_error("Type the current passphrase first.")
            return
        if secret == self.old.text():
            self.show_error("The new passphrase is the same as the current one.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.check(self.old.text())
        except WrongPassphrase:
            self.old.clear()
            self.old.setFocus()
            self.show_error("That is not the current passphrase.")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.current, self.new = self.old.text(), secret
        for field in (self.old, self.passphrase, self.confirm):
            field.clear()
        self.accept()
