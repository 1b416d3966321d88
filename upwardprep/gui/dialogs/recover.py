"""Forgot your passphrase? The Emergency Kit's recovery key and a new passphrase.

The key is checked as it is typed: once all fourteen groups are there, a slip is named by its
group ("Typo in group 6") before anything touches the store. Recovering (the key opens the
store, a backup is made, the store is re-encrypted under the new passphrase, which then opens
it) runs on the thread pool while the dialog stays responsive; `opened` holds the result.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from upwardprep.gui.dialogs.passphrase import _PassphraseDialog
from upwardprep.gui.forms.ui_recover_dialog import Ui_RecoverDialog
from upwardprep.gui.jobs import Job, run_in_background
from upwardprep.gui.theme import set_tone
from upwardprep.services.recovery_key import GROUP, GROUPS, RecoveryKeyError, decode
from upwardprep.store.errors import StoreError


def key_status(text: str) -> tuple[bool, str]:
    """(usable, what to say) about a recovery key as typed so far."""
    typed = sum(1 for symbol in text if symbol.isalnum())
    if not typed:
        return False, ""
    if typed < GROUPS * GROUP:
        return False, f"{typed} of {GROUPS * GROUP} characters"
    try:
        decode(text)
    except RecoveryKeyError as error:
        return False, str(error)
    return True, "The key adds up."


class RecoverDialog(_PassphraseDialog):
    """`attempt(key, new_passphrase)` recovers the store and returns what the caller wants
    (the opened store); it runs on the thread pool."""

    def __init__(
        self,
        store_path: Path,
        attempt: Callable[[str, str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RecoverDialog()
        self.ui.setupUi(self)
        self.attempt = attempt
        self.opened: Any = None
        self.job: Job | None = None
        ui = self.ui
        self.key = ui.recoveryKeyEdit
        self.passphrase, self.confirm = ui.passphraseEdit, ui.confirmEdit
        self.meter, self.meter_label = ui.strengthBar, ui.strengthLabel
        self.error, self.buttons = ui.errorLabel, ui.buttons
        self._setup()
        ui.busyBar.hide()
        ui.introLabel.setText(
            f"Type the recovery key from the Emergency Kit of <b>{escape(store_path.stem)}"
            "</b>, then choose a new passphrase. Capitals or small letters, spaces or hyphens: "
            "all are fine."
        )
        ui.introLabel.setToolTip(str(store_path))
        self.ok.setText("&Recover")
        self.ok.setObjectName("recoverButton")
        self.buttons.accepted.connect(self._recover)
        ui.showKeyCheck.toggled.connect(self._show_key)
        self.key.textChanged.connect(self._update)
        self._new_passphrase_fields()
        self.key.setFocus()

    def _show_key(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.key.setEchoMode(mode)

    def _update(self) -> None:
        super()._update()
        if not hasattr(self, "key"):
            return  # the base class's first call, before the key field exists
        usable, said = key_status(self.key.text())
        label = self.ui.keyStatusLabel
        label.setText(said)
        complete = sum(1 for symbol in self.key.text() if symbol.isalnum()) >= GROUPS * GROUP
        set_tone(label, "ok" if usable else "danger" if complete else None)
        self.ok.setEnabled(self.ok.isEnabled() and usable and not self.busy)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _recover(self) -> None:
        usable, _said = key_status(self.key.text())
        secret = self.passphrase.text()
        if self.busy or not usable or not secret or secret != self.confirm.text():
            return
        key = self.key.text()
        attempt = self.attempt
        self.error.hide()
        self._show_busy(True)
        self.job = run_in_background(lambda: attempt(key, secret), self._done, self._failed)

    def _show_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        for widget in (self.key, self.passphrase, self.confirm, self.ui.showKeyCheck):
            widget.setEnabled(not busy)
        for button in self.buttons.buttons():
            button.setEnabled(not busy)
        if not busy:
            self.job = None
            self._update()

    def _done(self, result: Any) -> None:
        self._show_busy(False)
        self.opened = result
        for field in (self.key, self.passphrase, self.confirm):
            field.clear()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._show_busy(False)
        if isinstance(error, StoreError | RecoveryKeyError):
            self.show_error(str(error))
        else:
            self.show_error(f"The store could not be recovered ({type(error).__name__}).")

    def reject(self) -> None:
        if not self.busy:
            super().reject()
