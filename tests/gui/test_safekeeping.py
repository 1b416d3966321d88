"""Owning the data in the app: "Forgot your passphrase?", the Emergency Kit, the automatic
backups after unlock and on lock, Settings › Backups, and the CSV import's preview."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.clock import NOW, FrozenClock
from tests.conftest import PASSPHRASE
from tests.gui.test_app_flows import when_modal
from upwardprep.gui.dialogs.import_outcomes import ImportOutcomesDialog
from upwardprep.gui.dialogs.passphrase import UnlockDialog
from upwardprep.gui.dialogs.recover import RecoverDialog
from upwardprep.gui.dialogs.settings_dialog import SettingsDialog
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.safekeeping import Safekeeping, describe_report
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings
from upwardprep.services import Services
from upwardprep.services.recovery_key import ALPHABET
from upwardprep.services.vault import AUTO, Vault

NEW = "a brand new passphrase"


@pytest.fixture
def small_store(tmp_path: Path) -> tuple[Path, str]:
    """A store with one person and one note; and its recovery key."""
    path = tmp_path / "store" / "Work notes.upwardprep"
    vault = Vault(path)
    services = vault.create(PASSPHRASE)
    try:
        services.people.create("Dana Whitfield", role="manager")
        services.outcomes.create("Kept Acme")
        key = Vault.recovery_key(services)
    finally:
        vault.close(services)
    return path, key


@pytest.fixture
def guarded(
    qtbot: QtBot, config_home: Path, small_store: tuple[Path, str], tmp_path: Path
) -> Iterator[MainWindow]:
    """The window as the app builds it: with its safekeeping, backups into the folder chosen
    for the store (as Settings › Backups chooses it), on the tests' clock. Not unlocked yet."""
    from upwardprep.services import backup_places

    backup_places.choose_folder(small_store[0], tmp_path / "usb")
    clock = FrozenClock(NOW)
    session = StoreSession(small_store[0], clock=clock)
    main = MainWindow(session, AppSettings())
    main.safekeeping = Safekeeping(session, main)
    qtbot.addWidget(main)
    main.show()
    yield main
    session.close()


def _settle() -> None:
    QThreadPool.globalInstance().waitForDone()


def _typo(key: str, group: int) -> str:
    groups = key.split("-")
    chars = list(groups[group - 1])
    chars[1] = ALPHABET[(ALPHABET.index(chars[1]) + 5) % 32]
    groups[group - 1] = "".join(chars)
    return "-".join(groups)


def test_forgot_passphrase_recovers_with_the_kit_s_key(
    qtbot: QtBot, small_store: tuple[Path, str]
) -> None:
    path, key = small_store
    vault = Vault(path)

    def attempt(typed: str, new: str) -> Services:
        vault.recover(typed, new)
        return vault.unlock(new)

    dialog = RecoverDialog(path, attempt)
    qtbot.addWidget(dialog)
    dialog.show()
    recover = dialog.findChild(QPushButton, "recoverButton")
    status = dialog.findChild(QLabel, "keyStatusLabel")
    edit = dialog.findChild(QLineEdit, "recoveryKeyEdit")
    assert edit.echoMode() == QLineEdit.EchoMode.Password  # shown only when asked
    qtbot.keyClicks(edit, _typo(key, 9).lower())
    assert status.text().startswith("Typo in group 9")
    for name in ("passphraseEdit", "confirmEdit"):
        qtbot.keyClicks(dialog.findChild(QLineEdit, name), NEW)
    assert not recover.isEnabled()
    edit.setText(key.replace("-", " "))
    assert status.text() == "The key adds up." and recover.isEnabled()
    recover.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    services = dialog.opened
    assert isinstance(services, Services)
    assert [o.title for o in services.outcomes.list()] == ["Kept Acme"]
    assert edit.text() == "" and dialog.findChild(QLineEdit, "passphraseEdit").text() == ""
    Vault.close(services)
    vault.prove(NEW)  # the new passphrase opens the store from now on


def test_the_unlock_dialog_offers_recovery(qtbot: QtBot, small_store: tuple[Path, str]) -> None:
    path, _key = small_store
    finished: list[Any] = []
    dialog = UnlockDialog(
        path,
        lambda _secret: None,
        finish=finished.append,
        recover=lambda _parent: "the opened store",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    forgot = dialog.findChild(QPushButton, "forgotButton")
    assert forgot.isVisible() and "Forgot your passphrase?" in forgot.text()
    forgot.click()
    assert finished == ["the opened store"] and dialog.recovered
    assert dialog.result() == QDialog.DialogCode.Accepted
    plain = UnlockDialog(path, lambda _secret: None)
    qtbot.addWidget(plain)
    assert plain.findChild(QPushButton, "forgotButton").isHidden()


def test_backups_after_unlock_and_on_lock_off_the_ui_thread(
    qtbot: QtBot, guarded: MainWindow
) -> None:
    session = guarded.session
    session.unlock(PASSPHRASE)
    label = guarded.findChild(QLabel, "backupStatusLabel")
    assert label.text() == "Checking backups…"  # unlock returned; the backup runs on the pool
    qtbot.waitUntil(lambda: label.text().startswith("Last verified backup:"), timeout=20_000)
    vault = session.vault
    assert [b.reason for b in vault.backups()] == [AUTO]
    assert session.services is not None
    session.services.outcomes.create("Typed after unlock")
    session.lock()  # the editors flush, the backup runs on the pool, then the store closes
    assert len(vault.backups()) == 2 and not session.is_unlocked
    session.unlock(PASSPHRASE)  # the same day: no second backup after unlock
    _settle()
    assert len(vault.backups()) == 2
    assert guarded.safekeeping is not None and guarded.safekeeping.last_report is not None
    report = guarded.safekeeping.last_report
    text, warns = describe_report(report, NOW + timedelta(days=8))
    assert warns and "over a week ago" in text
    # At start-up the controller makes the check wait for the window's first paint (the
    # start is the one above); locked before that, it starts nothing.
    waiting: list[Any] = []
    session.lock()
    guarded.safekeeping.start_after(waiting.append)
    session.unlock(PASSPHRASE)
    assert label.text() == "Checking backups…" and len(waiting) == 1
    assert QThreadPool.globalInstance().activeThreadCount() == 0  # nothing started yet
    session.lock()
    qtbot.wait(1)  # the answers of earlier jobs arrive through the event loop
    guarded.safekeeping.last_report = None
    waiting.pop()()
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    _settle()
    qtbot.wait(1)
    assert guarded.safekeeping.last_report is None
    assert len(vault.backups()) == 2


def test_settings_backups_shows_the_drill_and_a_damaged_newest(
    qtbot: QtBot, guarded: MainWindow
) -> None:
    session = guarded.session
    session.unlock(PASSPHRASE)
    _settle()
    assert guarded.safekeeping is not None
    services = session.services
    assert services is not None
    services.outcomes.create("Second")
    session.clock.now += timedelta(hours=1)  # type: ignore[attr-defined]
    newest = session.vault.backup(services).path
    data = bytearray(newest.read_bytes())
    data[4 * 4096 + 10] ^= 0x20
    newest.write_bytes(bytes(data))
    dialog = SettingsDialog(
        AppSettings(), [], guarded, drill=guarded.safekeeping.drill, now=session.clock
    )
    qtbot.addWidget(dialog)
    drill = dialog.findChild(QLabel, "drillLabel")
    qtbot.waitUntil(lambda: "✗" in drill.text(), timeout=20_000)
    last = dialog.findChild(QLabel, "lastVerifiedLabel").text()
    assert "Last verified backup" in last and "the newest one failed its check" in last
    assert "✓" in drill.text()  # the older one passed


def test_settings_keeps_the_backup_folder_per_store_where_the_cli_reads_it(
    qtbot: QtBot, config_home: Path, small_store: tuple[Path, str], tmp_path: Path
) -> None:
    from upwardprep.gui import startup
    from upwardprep.services import backup_places

    store = small_store[0]
    dialog = SettingsDialog(AppSettings(), [], store=store)
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "backupFolderEdit")
    assert field.text() == ""
    field.setText(str(tmp_path / "usb"))
    dialog.accept()
    assert backup_places.chosen_folder(store) == tmp_path / "usb"
    assert Vault(store).folder() == tmp_path / "usb"  # as the CLI makes it
    again = SettingsDialog(AppSettings(), [], store=store)
    qtbot.addWidget(again)
    assert again.findChild(QLineEdit, "backupFolderEdit").text() == str(tmp_path / "usb")

    # A folder an earlier version kept app-wide becomes the opened store's, once.
    other = tmp_path / "other.upwardprep"
    AppSettings().qsettings.setValue("backup/folder", str(tmp_path / "old"))
    controller = startup.Controller(other)
    assert backup_places.chosen_folder(other) == tmp_path / "old"
    assert not AppSettings().qsettings.contains("backup/folder")
    assert controller.session.vault.folder() == tmp_path / "old"


def test_file_emergency_kit_writes_the_key_user_only(
    qtbot: QtBot,
    guarded: MainWindow,
    small_store: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    guarded.session.unlock(PASSPHRASE)
    _settle()
    target = tmp_path / "kit"
    monkeypatch.setattr(
        "upwardprep.gui.safekeeping.QFileDialog.getSaveFileName",
        lambda *_args: (str(target), ""),
    )
    told: list[str] = []
    monkeypatch.setattr(
        "upwardprep.gui.safekeeping.QMessageBox.information", lambda *args: told.append(args[2])
    )

    def save(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        buttons = [b for b in box.buttons() if "Save Kit" in b.text()]
        buttons[0].click()

    when_modal(qtbot, save)
    guarded.actions_by_name["emergency_kit"].trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    kit = tmp_path / "kit.pdf"
    assert kit.stat().st_mode & 0o777 == 0o600 and "Print it now" in told[0]
    text = pypdf.PdfReader(io.BytesIO(kit.read_bytes())).pages[0].extract_text()
    found = re.search(r"Recovery key: ((?:[0-9A-Z]{4}-){13}[0-9A-Z]{4})", text)
    assert found is not None and found.group(1) == small_store[1]


def test_the_csv_preview_shows_every_row_and_refuses_a_bad_file(
    qtbot: QtBot, small_store: tuple[Path, str], tmp_path: Path
) -> None:
    vault = Vault(small_store[0])
    services = vault.unlock(PASSPHRASE)
    try:
        good = tmp_path / "good.csv"
        good.write_text("date,title,person\n2026-10-01,Kept Acme,dana\n", encoding="utf-8")
        dialog = ImportOutcomesDialog(good, services.brag_csv.preview(good))
        qtbot.addWidget(dialog)
        button = dialog.findChild(QPushButton, "importButton")
        assert button.isEnabled() and button.text() == "&Import 1 Note"
        assert dialog.ui.previewTable.item(0, 5).text() == "Dana Whitfield"
        bad = tmp_path / "bad.csv"
        bad.write_text("date,title\n2026-10-01,Fine\n2026-13-01,Bad\n", encoding="utf-8")
        dialog = ImportOutcomesDialog(bad, services.brag_csv.preview(bad))
        qtbot.addWidget(dialog)
        assert not dialog.findChild(QPushButton, "importButton").isEnabled()
        assert "line 3" in dialog.ui.summaryLabel.text()
        assert dialog.ui.previewTable.rowCount() == 2
    finally:
        vault.close(services)
