"""Issue 18 in the app: quick capture across an auto-lock, SIGTERM/SIGHUP like Quit, what
remains after locking (note text, the key, the clipboard), and demo stores a killed app left."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.gui.test_app_flows import when_modal
from upwardprep.gui import app as app_module
from upwardprep.gui import termination
from upwardprep.gui.main_window import MainWindow
from upwardprep.services.vault import Vault

# -- 3. quick capture across the auto-lock --------------------------------------------------------


def test_quick_capture_is_saved_when_the_app_locks_under_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    def drive(dialog: QDialog) -> None:
        assert dialog.objectName() == "quickCaptureDialog"
        qtbot.keyClicks(dialog.findChild(QLineEdit, "titleEdit"), "Typed before the lock")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "priorityEdit"), "matches no priority")
        window.session.lock()  # the idle timer fires while the dialog is open

    when_modal(qtbot, drive)
    window.quick_capture()
    assert QApplication.activeModalWidget() is None  # the dialog went with the lock
    assert not window.session.is_unlocked
    window.session.unlock(PASSPHRASE)
    assert window.session.services is not None
    titles = [o.title for o in window.session.services.outcomes.list()]
    assert "Typed before the lock" in titles


def test_an_empty_quick_capture_just_closes_when_the_app_locks(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.session.services is not None
    count = window.session.services.outcomes.count()
    when_modal(qtbot, lambda dialog: window.session.lock())
    window.quick_capture()
    assert QApplication.activeModalWidget() is None
    window.session.unlock(PASSPHRASE)
    assert window.session.services.outcomes.count() == count


# -- 4. SIGTERM and SIGHUP quit like the menu ------------------------------------------------------


@pytest.fixture
def controller(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[app_module.Controller]:
    monkeypatch.setenv("UPWARDPREP_BACKUP_DIR", str(demo_path.parent / "backups"))
    made = app_module.Controller(demo_path)
    qtbot.addWidget(made.window)
    made.window.show()
    made.session.unlock(PASSPHRASE)
    yield made
    made.shutdown()


@pytest.mark.parametrize("sent", ["SIGTERM", "SIGHUP"])
def test_a_termination_signal_saves_what_was_just_typed(
    controller: app_module.Controller,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    sent: str,
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    previous = {number: signal.getsignal(number) for number in termination.SIGNALS}
    notifier = termination.quit_on_signals(controller, controller.quit_now)
    assert notifier is not None
    try:
        window = controller.window
        window.show_section("outcomes")
        title = window.findChild(QLineEdit, "outcomeTitle")
        title.setFocus()
        title.selectAll()
        qtbot.keyClicks(title, "Typed just before the logout")
        os.kill(os.getpid(), getattr(signal, sent))  # within the autosave delay
        qtbot.waitUntil(lambda: bool(quits), timeout=5000)
        # Saved by the time the app is told to quit, not only by the store closing later.
        assert controller.session.services is not None
        saved = [o.title for o in controller.session.services.outcomes.list()]
        assert "Typed just before the logout" in saved
    finally:
        signal.set_wakeup_fd(-1)
        for number, handler in previous.items():
            signal.signal(number, handler)
    controller.shutdown()  # what aboutToQuit runs
    with Vault(controller.session.path).session(PASSPHRASE) as services:
        titles = [o.title for o in services.outcomes.list()]
    assert "Typed just before the logout" in titles


# -- 9. nothing of the notes or the key after locking ----------------------------------------------


def _python_holders(needles: list[str | bytes]) -> list[str]:
    """Objects that still reference a string or bytes containing one of `needles` (the needles
    themselves aside)."""
    gc.collect()
    own = {id(needle) for needle in needles} | {id(needles)}
    found = []
    for holder in gc.get_objects():
        if id(holder) in own:
            continue
        for value in gc.get_referents(holder):
            if id(value) in own or not isinstance(value, str | bytes):
                continue
            if any(type(needle) is type(value) and needle in value for needle in needles):
                found.append(f"{type(holder).__qualname__}: {value[:60]!r}")
    return found


def test_locking_drops_note_text_and_the_key_and_clears_our_clipboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    services = window.session.services
    assert services is not None
    made = services.outcomes.create(
        "Qzx private title", body="Qzx private body " * 20, tags=["qzxtag"]
    )
    raw_key: bytes = services.store.with_key(lambda key: bytes(key._key))
    needles: list[str | bytes] = ["Qzx private", "qzxtag", raw_key, raw_key.hex()]
    for section in ("dashboard", "people", "priorities", "meetings", "reviews", "outcomes"):
        window.show_section(section)
    window.views["outcomes"].refresh()
    assert window.views["outcomes"].select(made.id)
    title = window.findChild(QLineEdit, "outcomeTitle")
    assert title.text() == "Qzx private title"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is not None)
    title.setFocus()
    title.selectAll()
    title.copy()  # the user copies the note's title
    assert QApplication.clipboard().text() == "Qzx private title"
    del services, made
    window.session.lock()
    assert QApplication.clipboard().text() == ""
    assert _python_holders(needles) == []


def test_text_another_program_put_on_the_clipboard_stays(window: MainWindow) -> None:
    QApplication.clipboard().setText("copied in another program")
    window.clipboard_guard._ours.clear()  # as if it came while none of our windows had focus
    window.session.lock()
    assert QApplication.clipboard().text() == "copied in another program"


def test_stale_demo_stores_are_removed_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class QuickVault:  # the store itself is not what this test is about
        def __init__(self, path: Path) -> None:
            self.path = path

        def create(self, passphrase: str, **_options: object) -> None:
            self.path.write_bytes(b"encrypted")

        def close(self, services: object) -> None:
            pass

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr("upwardprep.services.vault.Vault", QuickVault)
    monkeypatch.setattr("upwardprep.demo.populate", lambda services: None)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = tmp_path / f"{app_module.DEMO_PREFIX}{gone.pid}-abc"
    live = tmp_path / f"{app_module.DEMO_PREFIX}{os.getppid()}-def"
    other = tmp_path / "somebody-elses"
    for folder in (stale, live, other):
        folder.mkdir()
        (folder / "Demo.upwardprep").write_bytes(b"encrypted")
    path, folder = app_module.make_demo_store()
    assert not stale.exists() and live.exists() and other.exists()
    assert folder.name.startswith(f"{app_module.DEMO_PREFIX}{os.getpid()}-")
    assert path.exists()


# -- 11. the disk's refusal is not a wrong passphrase ----------------------------------------------


def test_a_full_disk_at_unlock_is_told_as_the_disk_with_a_retry(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from upwardprep.gui.dialogs import store_problem
    from upwardprep.gui.dialogs.passphrase import UnlockDialog
    from upwardprep.store.errors import StorageFailed

    full = StorageFailed("The disk is full: UpwardPrep could not open the store. Free some space.")

    def attempt(_passphrase: str) -> None:
        raise full

    dialog = UnlockDialog(Path("notes.upwardprep"), attempt)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog._try()
    assert dialog.failure is full  # handed to the caller, not "Check Caps Lock"
    assert "Caps Lock" not in dialog.error.text()
    seen: dict[str, object] = {}

    def drive(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["text"] = box.informativeText()
        retry = next(b for b in box.buttons() if b.text() == "&Try again")
        retry.click()

    when_modal(qtbot, drive)
    assert store_problem.ask(full, has_backups=True) is store_problem.Choice.RETRY
    assert seen == {"title": "The disk refused to write", "text": str(full)}
