"""File menu store actions: change the passphrase and restore a backup, from the window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.gui.test_app_flows import when_modal
from upwardprep.gui import app as app_module
from upwardprep.store.backup import list_backups
from upwardprep.store.engine import Store
from upwardprep.store.errors import WrongPassphrase

DEMO = PASSPHRASE  # the demo template is made under the tests' passphrase
NEW = "a new and longer passphrase"


@pytest.fixture
def controller(qtbot: QtBot, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "store.upwardprep"
    shutil.copyfile(demo_template, path)
    monkeypatch.setenv("UPWARDPREP_BACKUP_DIR", str(tmp_path / "backups"))
    # the closing message boxes are answered at once
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    controller = app_module.Controller(path)
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.session.unlock(DEMO)
    # Unlocking makes the day's automatic backup (off the UI thread); the tests below count the
    # backups their own actions make beside it.
    qtbot.waitUntil(lambda: _reasons(path) == ["auto"], timeout=20_000)
    yield controller
    controller.shutdown()


def _reasons(path: Path) -> list[str]:
    return sorted(b.reason for b in list_backups(path))


def type_into(qtbot: QtBot, dialog: QDialog, name: str, text: str) -> None:
    field = dialog.findChild(QLineEdit, name)
    field.clear()
    qtbot.keyClicks(field, text)


def test_change_passphrase_checks_the_current_one_backs_up_and_rekeys(
    controller: app_module.Controller, qtbot: QtBot
) -> None:
    errors: list[str] = []

    def drive(dialog: QDialog) -> None:
        assert dialog.objectName() == "changePassphraseDialog"
        type_into(qtbot, dialog, "currentEdit", "not the passphrase")
        type_into(qtbot, dialog, "passphraseEdit", NEW)
        type_into(qtbot, dialog, "confirmEdit", NEW)
        qtbot.keyClick(dialog.findChild(QLineEdit, "confirmEdit"), Qt.Key.Key_Return)
        assert dialog.isVisible()  # a wrong current passphrase keeps it open
        errors.append(dialog.findChild(QLabel, "errorLabel").text())
        type_into(qtbot, dialog, "currentEdit", DEMO)
        qtbot.keyClick(dialog.findChild(QLineEdit, "currentEdit"), Qt.Key.Key_Return)

    when_modal(qtbot, drive)
    controller.window.actions_by_name["change_passphrase"].trigger()
    assert errors and "not the current passphrase" in errors[0]
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=20_000)
    path = controller.path
    assert _reasons(path) == ["auto", "pre-passwd"]
    controller.session.lock()
    with pytest.raises(WrongPassphrase):
        Store.open(path, DEMO)
    with Store.open(path, NEW):
        pass
    # the backup keeps the old passphrase
    (before_change,) = (b for b in list_backups(path) if b.reason == "pre-passwd")
    with Store.open(before_change.path, DEMO):
        pass


def test_change_passphrase_refuses_the_same_passphrase(
    controller: app_module.Controller, qtbot: QtBot
) -> None:
    seen: list[str] = []

    def drive(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "currentEdit", DEMO)
        type_into(qtbot, dialog, "passphraseEdit", DEMO)
        type_into(qtbot, dialog, "confirmEdit", DEMO)
        qtbot.keyClick(dialog.findChild(QLineEdit, "confirmEdit"), Qt.Key.Key_Return)
        seen.append(dialog.findChild(QLabel, "errorLabel").text())
        dialog.reject()

    when_modal(qtbot, drive)
    controller.window.actions_by_name["change_passphrase"].trigger()
    assert "same as the current" in seen[0]
    assert controller.session.is_unlocked and _reasons(controller.path) == ["auto"]


def test_restore_from_backup_through_the_file_menu(
    controller: app_module.Controller, qtbot: QtBot
) -> None:
    services = controller.session.services
    assert services is not None
    before = services.outcomes.count()
    controller.window.actions_by_name["backup"].trigger()
    qtbot.waitUntil(lambda: len(list_backups(controller.path)) == 2, timeout=20_000)
    services.outcomes.create("Written after the backup")
    assert services.outcomes.count() == before + 1

    def choose(dialog: QDialog) -> None:
        assert dialog.objectName() == "backupChooser"
        assert dialog.findChild(QListWidget, "backupList").count() == 2  # with the automatic one
        when_modal(qtbot, unlock)  # the restore then asks for the passphrase
        qtbot.keyClick(dialog.findChild(QListWidget, "backupList"), Qt.Key.Key_Return)

    def unlock(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "passphraseEdit", DEMO)
        qtbot.keyClick(dialog.findChild(QLineEdit, "passphraseEdit"), Qt.Key.Key_Return)

    when_modal(qtbot, choose)
    controller.window.actions_by_name["restore_backup"].trigger()
    qtbot.waitUntil(lambda: controller.session.is_unlocked, timeout=20_000)
    restored = controller.session.services
    assert restored is not None and restored.outcomes.count() == before
    # the store as it was is kept as a backup of its own
    assert "pre-restore" in [b.reason for b in list_backups(controller.path)]
    assert QApplication.activeModalWidget() is None
