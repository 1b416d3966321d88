"""Create-store and unlock dialogs. The passphrase lives only in the line edit and is cleared
as soon as it has been used."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from upwardprep.gui.forms.ui_unlock_dialog import Ui_UnlockDialog
from upwardprep.gui.jobs import Job, run_in_background
from upwardprep.gui.theme import current, tone
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


def style_meter(meter: QProgressBar, level: str) -> None:
    """The strength bar in the tone of its level, on a track drawn like a field: a style rule
    for the chunk alone left Fusion's groove, which in dark mode barely differs from the
    window, so an empty meter looked like no meter."""
    theme = current()
    meter.setStyleSheet(
        f"QProgressBar {{ background: {theme.base}; border: 1px solid {theme.field_border}; "
        "border-radius: 3px; }"
        f"QProgressBar::chunk {{ background: {tone(level).name()}; border-radius: 2px; }}"
    )


class _PassphraseDialog(QDialog):
    """What the three dialogs share: the error line and, for a new passphrase, its strength
    and the check that both entries match. The layouts are the forms in ui/."""

    passphrase: QLineEdit
    confirm: QLineEdit
    meter: QProgressBar
    meter_label: QLabel
    error: QLabel
    buttons: QDialogButtonBox
    ok: QPushButton

    def _setup(self) -> None:
        """After the subclass's form is set up: the shared wiring."""
        self.error.hide()
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.rejected.connect(self.reject)

    def _new_passphrase_fields(self) -> None:
        """The new passphrase twice and its strength meter follow each other."""
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        score, label = strength(self.passphrase.text())
        self.meter.setValue(score if self.passphrase.text() else 0)
        style_meter(self.meter, ("danger", "warning", "warning", "ok", "ok")[score])
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
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a wrapped message whole: a dialog laid out while the message was hidden
        keeps its height, and the second line would be cut off."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        wanted = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if wanted > self.height():
            self.resize(self.width(), wanted)


class UnlockDialog(_PassphraseDialog):
    """Asks until the passphrase opens the store, or the user gives up.

    `attempt` opens the store; WrongPassphrase keeps the dialog open with a message, any other
    store error closes it and is left in `failure` for the caller to explain. `painted` fires
    once, after the dialog's first paint (start-up loads the rest from then on).

    With `finish`, the attempt (the key derivation, the store's open sequence) runs on the
    thread pool while the dialog stays responsive, and `finish(result)` takes the opened store
    on the GUI thread; without it, the attempt runs on the GUI thread as before.

    With `recover`, "Forgot your passphrase?" shows: `recover(dialog)` walks the user through
    the Emergency Kit's recovery key and returns the opened store (None: given up), which
    goes to `finish` like an unlock's.
    """

    painted = Signal()
    #: True when an attempt starts on the thread pool; False when it was refused (the dialog
    #: asks again, or closes with the failure). An attempt that opened the store goes to
    #: `finish` instead.
    trying = Signal(bool)

    def __init__(
        self,
        store_path: Path,
        attempt: Callable[[str], Any],
        *,
        hint: str = "",
        parent: QWidget | None = None,
        finish: Callable[[Any], None] | None = None,
        recover: Callable[[QWidget], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self.attempt = attempt
        self.finish = finish
        self.recover = recover
        self.recovered = False  # opened with the recovery key (the old kit no longer works)
        self.failure: Exception | None = None
        self.job: Job | None = None  # the attempt running in the background
        self._painted = False
        self.passphrase, self.error, self.buttons = (
            self.ui.passphraseEdit,
            self.ui.errorLabel,
            self.ui.buttons,
        )
        self._setup()
        self.ui.unlockProgress.hide()
        self.ui.introLabel.setText(f"Enter the passphrase for <b>{_escaped(store_path.stem)}</b>.")
        self.ui.introLabel.setToolTip(str(store_path))
        self.ui.hintLabel.setText(hint)
        self.ui.hintLabel.setVisible(bool(hint))
        self.ok.setText("&Unlock")
        self.ok.setObjectName("unlockButton")
        self.buttons.accepted.connect(self._try)
        self.ui.forgotButton.setVisible(recover is not None)
        self.ui.forgotButton.clicked.connect(self._forgot)
        self.passphrase.setFocus()

    def _forgot(self) -> None:
        if self.busy or self.recover is None:
            return
        self.passphrase.clear()
        opened = self.recover(self)
        if opened is None:
            return
        self.recovered = True
        if self.finish is not None:
            self._opened(opened)
        else:
            self.accept()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)  # once this paint has reached the screen

    def _try(self) -> None:
        if self.busy:
            return
        secret = self.passphrase.text()
        if not secret:
            self.show_error("Type your passphrase first.")
            return
        if self.finish is not None:
            self._start(secret)
            return
        _wait_cursor()
        try:
            self.attempt(secret)
        except Exception as error:
            self._refused(error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.accept()

    def _start(self, secret: str) -> None:
        """The attempt on the thread pool; the field empties at once and the dialog waits,
        repainting and moving as usual, with Unlock and Cancel off until the answer."""
        attempt = self.attempt
        self.passphrase.clear()
        self.error.hide()
        self.trying.emit(True)
        # started before the dialog redraws itself busy: the key derivation need not wait
        self.job = run_in_background(lambda: attempt(secret), self._opened, self._refused)
        self._show_busy(True)

    def _show_busy(self, busy: bool) -> None:
        self.ui.unlockProgress.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.ui.forgotButton.setEnabled(not busy)
        for button in self.buttons.buttons():
            button.setEnabled(not busy)
        if not busy:
            self.job = None
            self.passphrase.setFocus()

    def _opened(self, result: Any) -> None:
        self._show_busy(False)
        assert self.finish is not None
        try:
            self.finish(result)
        except Exception as error:
            self._refused(error)
            return
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._show_busy(False)
        self.trying.emit(False)
        self.passphrase.clear()
        if isinstance(error, WrongPassphrase):
            self.show_error(
                "That passphrase does not open this store. Check Caps Lock and try again."
            )
            return
        self.failure = error  # another store problem: the caller explains it
        self.reject()

    def reject(self) -> None:
        if not self.busy:  # Esc or the close button while the store opens: wait for it
            super().reject()


class CreateStoreDialog(_PassphraseDialog):
    """Choose the passphrase for a new store: twice, with its strength shown."""

    def __init__(
        self, store_path: Path, create: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Loaded here, not with the module: start-up shows only the unlock form.
        from upwardprep.gui.forms.ui_create_store_dialog import Ui_CreateStoreDialog

        self.ui = Ui_CreateStoreDialog()
        self.ui.setupUi(self)
        self.create_store = create
        self.failure: Exception | None = None
        ui = self.ui
        self.passphrase, self.confirm, self.error, self.buttons = (
            ui.passphraseEdit,
            ui.confirmEdit,
            ui.errorLabel,
            ui.buttons,
        )
        self.meter, self.meter_label = ui.strengthBar, ui.strengthLabel
        self._setup()
        ui.storePathLabel.setText(f"Store: {_escaped(str(store_path))}")
        self.ok.setText("&Create store")
        self.ok.setObjectName("createButton")
        self.buttons.accepted.connect(self._create)
        self._new_passphrase_fields()

    def _create(self) -> None:
        secret = self.passphrase.text()
        if secret != self.confirm.text() or not secret:
            return
        _wait_cursor()
        try:
            self.create_store(secret)
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
        super().__init__(parent)
        from upwardprep.gui.forms.ui_change_passphrase_dialog import Ui_ChangePassphraseDialog

        self.ui = Ui_ChangePassphraseDialog()
        self.ui.setupUi(self)
        self.check = check
        self.current = self.new = ""
        ui = self.ui
        self.old, self.passphrase, self.confirm = ui.currentEdit, ui.passphraseEdit, ui.confirmEdit
        self.meter, self.meter_label = ui.strengthBar, ui.strengthLabel
        self.error, self.buttons = ui.errorLabel, ui.buttons
        self._setup()
        ui.introLabel.setText(
            f"A new passphrase for <b>{_escaped(store_path.stem)}</b>. A backup is made first; "
            "backups made before today keep the old passphrase."
        )
        self.ok.setText("&Change passphrase")
        self.ok.setObjectName("changeButton")
        self.buttons.accepted.connect(self._change)
        self._new_passphrase_fields()
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
        _wait_cursor()
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


def _wait_cursor() -> None:
    """The busy cursor. `Qt` is imported here, not at the top: PySide builds the Qt
    namespace (about a hundred enums, some 15 ms) on its first use, which the unlock dialog
    does not need before it is painted."""
    from PySide6.QtCore import Qt

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


def _escaped(text: str) -> str:
    """`text` shown as itself in a rich-text label: html.escape without the quotes, which a
    label's text never needs (the html module, with its entity table, would load before the
    unlock dialog)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
