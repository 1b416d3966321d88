"""The desktop app's flows, driven by keyboard and mouse through objectNames."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTableView,
    QTextBrowser,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from upwardprep.gui.dialogs.passphrase import CreateStoreDialog, UnlockDialog, strength
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.widgets.record_picker import RecordPicker
from upwardprep.services import Services

SLOW_MACHINE_MS = 20_000  # a wait's limit: a loaded machine is slow, a broken flow never ends


def when_modal(qtbot: QtBot, drive: Callable[[QDialog], None], *, give_up_ms: int = 8000) -> None:
    """Drive the next modal dialog once it is shown (exec() blocks the test otherwise).

    If the driver fails or leaves the dialog open, a watchdog closes it, so a broken test
    fails instead of hanging the whole run.
    """

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            dialog.activateWindow()
            try:
                drive(dialog)
            finally:
                if dialog.isVisible():
                    QTimer.singleShot(200, dialog.reject)
        else:
            QTimer.singleShot(20, attempt)

    def watchdog() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            modal.reject()

    QTimer.singleShot(0, attempt)
    QTimer.singleShot(give_up_ms, watchdog)


def text_everywhere(root: QWidget) -> str:
    """Every character the window shows or holds in a model."""
    parts: list[str] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextBrowser):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QLabel):
            parts.append(widget.text())
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            parts.append(_model_text(widget.model()))
    return "\n".join(parts)


def _model_text(model: QAbstractItemModel, parent: object = None) -> str:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            out.append(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            out.append(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        out.append(_model_text(model, model.index(row, 0, parent)))
    return "\n".join(out)


def test_create_store_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "new" / "notes.upwardprep"
    session = StoreSession(path)
    dialog = CreateStoreDialog(path, session.create)
    qtbot.addWidget(dialog)
    dialog.show()
    create = dialog.findChild(QWidget, "createButton")
    assert not create.isEnabled()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "passphraseEdit"), "correct horse battery")
    assert dialog.findChild(QLabel, "strengthLabel").text() != "Empty"
    qtbot.keyClicks(dialog.findChild(QLineEdit, "confirmEdit"), "correct horse batter")
    assert not create.isEnabled() and dialog.findChild(QLabel, "errorLabel").isVisible()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "confirmEdit"), "y")
    assert create.isEnabled()
    assert "Emergency Kit" in dialog.findChild(QLabel, "recoveryWarning").text()
    qtbot.keyClick(dialog.findChild(QLineEdit, "confirmEdit"), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert session.is_unlocked and path.exists()
    assert dialog.findChild(QLineEdit, "passphraseEdit").text() == ""  # not kept around
    assert session.services is not None  # a new store starts with the shipped templates
    assert len([t for t in session.services.templates.list() if t.builtin]) == 6
    session.close()


def test_strength_grows_with_length_and_variety() -> None:
    assert strength("password")[0] == 0
    assert strength("abc")[0] < strength("Tr0ub4dor&3x!")[0]
    assert strength("correct horse battery staple")[0] >= 3


def test_wrong_then_right_passphrase(qtbot: QtBot, demo_path: Path) -> None:
    session = StoreSession(demo_path)
    dialog = UnlockDialog(demo_path, session.unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit, "passphraseEdit")
    qtbot.keyClicks(field, "not the passphrase")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    error = dialog.findChild(QLabel, "errorLabel")
    assert error.isVisible() and "does not open" in error.text()
    assert error.height() >= error.heightForWidth(error.width())  # both lines, not clipped
    assert dialog.isVisible() and not session.is_unlocked and field.text() == ""
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and session.is_unlocked
    session.close()


def test_main_window_sections_menus_and_title(window: MainWindow, qtbot: QtBot) -> None:
    assert window.windowTitle() == "UpwardPrep — Work notes"
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Export", "Go", "Help"]
    for number, section in enumerate(
        ["dashboard", "people", "priorities", "outcomes", "meetings", "reviews", "trash"], start=1
    ):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.views[section]
    window.show_section("people")
    table = window.findChild(QTableView, "peopleTable")
    assert table.model().rowCount() >= 5
    window.show_section("priorities")
    assert window.findChild(QTableView, "prioritiesTable").model().rowCount() >= 5
    assert window.findChild(QLineEdit, "priorityTitle").text()  # the editor shows the first


@pytest.mark.parametrize("window_section", ["outcomes"])  # unlocks onto it
def test_auto_lock_leaves_no_note_text(window: MainWindow, qtbot: QtBot) -> None:
    window.show_section("outcomes")
    title = window.findChild(QLineEdit, "outcomeTitle").text()
    assert title and title in text_everywhere(window)
    store = window.session.services.store  # type: ignore[union-attr]
    with qtbot.waitSignal(window.session.locked, timeout=5000):
        window.session.set_auto_lock_ms(300)
    shown = text_everywhere(window)
    assert title not in shown
    assert "Dana Whitfield" not in shown
    assert window.stack.currentWidget() is window.locked_page
    assert not store.is_open and window.session.services is None


@pytest.mark.parametrize("window_section", ["outcomes"])  # unlocks onto it
def test_lock_flushes_an_edit_in_progress(
    window: MainWindow, qtbot: QtBot, demo_path: Path
) -> None:
    window.show_section("outcomes")
    field = window.findChild(QLineEdit, "outcomeTitle")
    field.selectAll()
    qtbot.keyClicks(field, "Typed just before locking")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.is_unlocked
    from upwardprep.store.engine import Store

    with Store.open(demo_path, PASSPHRASE) as store:
        titles = [o.title for o in Services(store).outcomes.list()]
    assert "Typed just before locking" in titles


def test_lock_waits_for_background_work_on_the_store(
    window: MainWindow, qtbot: QtBot, demo_path: Path
) -> None:
    """Locking (or the idle timer) while an import or export runs: the work finishes on the
    open store, then the store closes."""
    import threading

    from upwardprep.gui.jobs import run_in_background

    services = window.session.services
    assert services is not None
    started = threading.Event()
    results: list[object] = []

    def work() -> str:
        started.set()
        threading.Event().wait(0.4)  # still running when the lock comes
        return services.outcomes.create("Written by background work").id

    run_in_background(work, results.append, results.append)
    assert started.wait(5)
    window.session.lock()
    assert not window.session.is_unlocked
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert isinstance(results[0], str), results
    from upwardprep.store.engine import Store

    with Store.open(demo_path, PASSPHRASE) as store:  # closed cleanly: its lock was released
        titles = [o.title for o in Services(store).outcomes.list()]
    assert "Written by background work" in titles


def test_quick_capture_by_keyboard_only(window: MainWindow, qtbot: QtBot) -> None:
    services = window.session.services
    assert services is not None
    before = services.outcomes.count()
    window.show_section("outcomes")

    def drive(dialog: QDialog) -> None:
        title = dialog.findChild(QLineEdit, "titleEdit")
        priority = dialog.findChild(RecordPicker, "priorityEdit")
        qtbot.waitUntil(title.hasFocus, timeout=2000)  # the dialog opens in the title
        qtbot.keyClicks(title, "Renewed Brightline for 2 years")
        qtbot.keyClick(title, Qt.Key.Key_Tab)
        assert priority.hasFocus()
        qtbot.keyClicks(priority, "churn")
        assert priority.text() == "churn"  # the list narrows; the text stays as typed
        popup = priority.list_view()
        assert popup.isVisible() and popup.currentIndex().row() == 0
        # The open list has the keyboard (as on a real screen): Enter takes the top match
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert "churn" in priority.text().lower() and not popup.isVisible()
        qtbot.keyClick(priority, Qt.Key.Key_Return)  # saves

    when_modal(qtbot, drive)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert services.outcomes.count() == before + 1
    newest = next(o for o in services.outcomes.list() if o.title.startswith("Renewed Brightline"))
    assert len(newest.priority_ids) == 1 and "churn" in newest.priority_titles[0].lower()
    assert window.findChild(QLineEdit, "outcomeTitle").text() == newest.title  # selected


@pytest.mark.parametrize("window_section", ["outcomes"])  # unlocks onto it
def test_filter_outcomes_and_search_palette(window: MainWindow, qtbot: QtBot) -> None:
    window.show_section("outcomes")
    table = window.findChild(QTableView, "outcomesTable")
    everything = table.model().rowCount()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.findChild(QLineEdit, "outcomeFilterEdit"), "latency")
    qtbot.waitUntil(lambda: 0 < table.model().rowCount() < everything, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.palette_popup
    assert palette.isVisible()
    qtbot.keyClicks(palette.edit, "Whitfield")
    palette.run_query_now()
    assert palette.results.model().rowCount() >= 1
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.stack.currentWidget() is window.views["people"]
    assert window.findChild(QLineEdit, "personName").text() == "Dana Whitfield"


def test_trash_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    services = window.session.services
    assert services is not None
    window.show_section("outcomes")
    table = window.findChild(QTableView, "outcomesTable")
    count = table.model().rowCount()
    doomed = window.findChild(QLineEdit, "outcomeTitle").text()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert table.model().rowCount() == count - 1
    assert [e.title for e in services.trash.list()] == [doomed]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.trash.list() == []
    assert window.findChild(QLineEdit, "outcomeTitle").text() == doomed


def test_settings_persist(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox, QSpinBox

    from upwardprep.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(AppSettings(), ["Weekly 1:1 with my manager"])
    qtbot.addWidget(dialog)
    dialog.findChild(QSpinBox, "autoLockSpin").setValue(3)
    dialog.findChild(QSpinBox, "staleDaysSpin").setValue(30)
    dialog.findChild(QComboBox, "paperCombo").setCurrentText("Letter")
    dialog.findChild(QComboBox, "templateCombo").setCurrentIndex(1)
    dialog.accept()
    fresh = AppSettings()
    assert (
        fresh.auto_lock_minutes,
        fresh.stale_after_days,
        fresh.paper_size,
        fresh.default_template,
    ) == (3, 30, "Letter", "Weekly 1:1 with my manager")
    assert fresh.appearance == "system"


def test_appearance_setting_turns_the_window_dark_and_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QComboBox

    from upwardprep.gui.app import apply_look

    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def choose(label: str) -> Callable[[QDialog], None]:
        def drive(dialog: QDialog) -> None:
            combo = dialog.findChild(QComboBox, "appearanceCombo")
            combo.setCurrentIndex(combo.findText(label))
            dialog.accept()

        return drive

    def lightness() -> int:
        return window.palette().color(QPalette.ColorRole.Window).lightness()

    def icon_lightness() -> int:
        image = window.actions_by_name["lock"].icon().pixmap(48).toImage()
        seen = [
            image.pixelColor(x, y)
            for y in range(48)
            for x in range(48)
            if image.pixelColor(x, y).alpha() == 255
        ]
        return max(colour.lightness() for colour in seen)

    try:
        when_modal(qtbot, choose("Dark"))
        window.open_settings()
        assert AppSettings().appearance == "dark"
        assert lightness() < 60 and icon_lightness() > 180  # light lines on a dark window
        when_modal(qtbot, choose("Light"))
        window.open_settings()
        assert AppSettings().appearance == "light"
        assert lightness() > 200 and icon_lightness() < 100
    finally:
        apply_look(app)


def test_uncaught_errors_show_a_dialog_and_log_no_content(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from upwardprep.gui import app as app_module

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(app_module, "log_path", lambda: tmp_path / "upwardprep.log")
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("upwardprep").addHandler(handler)
    saved_hook = sys.excepthook
    try:
        app_module.install_error_hook(lambda: None)
        try:
            raise ValueError("SECRET NOTE TEXT about the reorg")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = saved_hook
        logging.getLogger("upwardprep").removeHandler(handler)
    assert shown and "unexpected problem" in shown[0]
    assert records and "ValueError" in records[0]
    assert all("SECRET" not in record for record in records)


def test_demo_store_and_hint(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from upwardprep.gui import app as app_module

    path, folder = app_module.make_demo_store()
    try:
        controller = app_module.Controller(path, demo_dir=folder)
        qtbot.addWidget(controller.window)
        seen: list[str] = []

        def drive(dialog: QDialog) -> None:
            seen.append(dialog.findChild(QLabel, "hintLabel").text())
            qtbot.keyClicks(
                dialog.findChild(QLineEdit, "passphraseEdit"), app_module.DEMO_PASSPHRASE
            )
            qtbot.keyClick(dialog.findChild(QLineEdit, "passphraseEdit"), Qt.Key.Key_Return)

        when_modal(qtbot, drive)
        controller.start()
        assert seen and app_module.DEMO_PASSPHRASE in seen[0]
        assert controller.session.is_unlocked
        assert controller.session.services.outcomes.count() >= 55  # type: ignore[union-attr]
    finally:
        controller.shutdown()
    assert not folder.exists()


@pytest.mark.parametrize("window_section", ["outcomes"])  # unlocks onto it
def test_lock_right_after_typing_in_the_markdown_body_keeps_it(
    window: MainWindow, qtbot: QtBot, demo_path: Path
) -> None:
    window.show_section("outcomes")
    record_id = window.views["outcomes"].editor.record_id
    source = window.views["outcomes"].findChild(QPlainTextEdit, "markdownSource")
    source.setFocus()
    source.moveCursor(source.textCursor().MoveOperation.End)
    qtbot.keyClicks(source, " Typed a moment before the lock.")
    window.session.lock()  # well inside the editor's typing debounce
    from upwardprep.store.engine import Store

    with Store.open(demo_path, PASSPHRASE) as store:
        body = Services(store).outcomes.get(record_id).body
    assert body.endswith("Typed a moment before the lock.")


def test_the_change_notice_reloads_the_section_on_screen_only(window: MainWindow) -> None:
    """An operation announces what it changed; the section on screen that shows that kind of
    record reloads, one off screen waits until it is shown."""
    from upwardprep.gui import jobs
    from upwardprep.gui.jobs import Change

    services = window.session.services
    assert services is not None
    window.show_section("outcomes")
    outcomes = window.views["outcomes"]
    people = window.views["people"]  # built, but off screen
    before_people = people.model.rowCount() if people.model is not None else 0
    services.outcomes.create("Announced by an operation")
    services.people.create("Announced person", role="peer")

    window.session.announce(Change.of(jobs.MEETING))  # the outcomes list shows no meetings
    assert "Announced by an operation" not in _model_text(outcomes.table.model())
    window.session.announce(Change.of(jobs.OUTCOME, jobs.PERSON))
    assert "Announced by an operation" in _model_text(outcomes.table.model())
    assert people.model is None or people.model.rowCount() == before_people

    window.show_section("people")
    assert "Announced person" in _model_text(people.table.model())


def test_every_command_is_reachable_and_its_keys_are_unique(window: MainWindow) -> None:
    """The command table makes one action per row; each sits in a menu or on the toolbar,
    and no two share a shortcut."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMenu, QToolBar

    from upwardprep.gui.commands import COMMANDS

    shown = {a for m in window.menuBar().findChildren(QMenu) for a in m.actions()}
    shown |= set(window.findChild(QToolBar, "mainToolbar").actions())
    assert [c.name for c in COMMANDS] == list(window.actions_by_name)
    assert all(window.actions_by_name[c.name] in shown for c in COMMANDS)
    keys = [
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in window.actions_by_name.values()
        if not a.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys)) > 20


def test_unlock_runs_the_key_derivation_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    """The attempt (key derivation, the store's open sequence) runs on the thread pool: the
    dialog keeps painting and handling events, the field is emptied at once, Esc waits for the
    answer, and the opened store is handed over on the GUI thread."""
    import threading

    from PySide6.QtWidgets import QProgressBar

    from upwardprep.store.errors import WrongPassphrase

    release = threading.Event()
    seen: dict[str, object] = {}

    def attempt(secret: str) -> str:
        seen["off the GUI thread"] = threading.current_thread() is not threading.main_thread()
        release.wait(30)  # until the test lets it go: the dialog must live meanwhile
        if secret != "right words":
            raise WrongPassphrase("no")
        return "the store"

    finished: list[tuple[str, bool]] = []
    dialog = UnlockDialog(
        tmp_path / "Notes.upwardprep",
        attempt,
        finish=lambda store: finished.append(
            (store, threading.current_thread() is threading.main_thread())
        ),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    busy = dialog.findChild(QProgressBar, "unlockProgress")
    assert not busy.isVisible()

    qtbot.keyClicks(dialog.passphrase, "wrong words")
    dialog.ok.click()
    qtbot.waitUntil(lambda: "off the GUI thread" in seen, timeout=SLOW_MACHINE_MS)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    # The GUI thread keeps running while the attempt waits (it waits until released; on a
    # busy machine the timer may need longer than its 30 ms to tick three times).
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=SLOW_MACHINE_MS)
    assert busy.isVisible() and not dialog.ok.isEnabled() and dialog.passphrase.text() == ""
    dialog.reject()  # Esc while the store opens: the dialog waits for the answer
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(
        lambda: dialog.findChild(QLabel, "errorLabel").isVisible(), timeout=SLOW_MACHINE_MS
    )
    assert "does not open" in dialog.findChild(QLabel, "errorLabel").text() and not finished

    qtbot.keyClicks(dialog.passphrase, "right words")
    dialog.ok.click()
    qtbot.waitUntil(lambda: bool(finished), timeout=SLOW_MACHINE_MS)
    assert finished == [("the store", True)] and seen["off the GUI thread"] is True
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_first_start_fits_the_window_to_the_screen(qtbot: QtBot) -> None:
    """No saved geometry: the default size, but never beyond the screen's free area."""
    from PySide6.QtWidgets import QMainWindow

    from upwardprep.gui.window_shell import fit_to_screen

    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(5000, 4000)
    fit_to_screen(window)
    free = window.screen().availableGeometry()
    assert window.width() < free.width() and window.height() < free.height()
    assert free.contains(window.frameGeometry().center())


def test_the_rest_loads_once_after_the_windows_first_paint(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up's later imports wait for the unlocked window's first paint (a window covered
    by its children counts: one of them paints); asked for after it, they run at once."""
    from upwardprep.gui import startup
    from upwardprep.gui.startup import FirstPaint

    monkeypatch.setattr(startup, "LATER_AFTER_PAINT_MS", 0)

    window = QMainWindow()
    window.setCentralWidget(QLabel("rows"))
    qtbot.addWidget(window)
    calls: list[str] = []
    first_paint = FirstPaint(window, fallback_ms=60_000)
    first_paint.then(lambda: calls.append("rest"))
    qtbot.wait(20)
    assert calls == [] and not first_paint.painted  # not shown, not painted: nothing yet
    window.show()
    qtbot.waitUntil(lambda: calls == ["rest"], timeout=5000)  # the paint, not the fallback
    window.update()  # later paints start nothing more
    first_paint.then(lambda: calls.append("asked after"))
    qtbot.waitUntil(lambda: calls == ["rest", "asked after"], timeout=2000)


def test_the_log_file_opens_at_the_first_message(tmp_path: Path) -> None:
    """The log handler set up before the unlock dialog opens its file only when there is
    something to write (so start-up need not load logging.handlers)."""
    from upwardprep.gui.app import _LogFile

    path = tmp_path / "logs" / "upwardprep.log"
    handler = _LogFile(lambda: path)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    assert not path.parent.exists()
    handler.handle(logging.LogRecord("upwardprep", logging.WARNING, "x", 1, "first", None, None))
    handler.close()
    assert path.read_text(encoding="utf-8") == "WARNING first\n"


def test_start_up_builds_the_section_the_window_opens_on(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What loads behind the unlock dialog is the window and the section it will show:
    unlocking then only fills it (a section built after Enter delays the unlocked window)."""
    from upwardprep.gui.commands import HOME_SECTION
    from upwardprep.gui.startup import Controller

    monkeypatch.setattr(Controller, "_import_the_rest", lambda self: None)
    controller = Controller(demo_path)
    controller._prepare()  # what the unlock dialog's first paint starts
    qtbot.waitUntil(lambda: controller.built_window is not None, timeout=SLOW_MACHINE_MS)
    window = controller.window
    qtbot.addWidget(window)
    assert list(window.views) == [HOME_SECTION]
    prepared = window.views[HOME_SECTION]
    controller.session.unlock(PASSPHRASE)
    assert window.current_view() is prepared and list(window.views) == [HOME_SECTION]
    controller.shutdown()


def test_the_start_up_rehearses_the_first_sections_reads_while_the_user_types(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Behind the unlock dialog, once the window is built, the section it opens on has its
    reads rehearsed (services.vault.Vault.rehearse): the store then opens on the engine that
    compiled them."""
    from upwardprep.gui import startup
    from upwardprep.gui.startup import Controller

    monkeypatch.setattr(
        startup, "SECTION_MODULES", {"dashboard": startup.SECTION_MODULES["dashboard"]}
    )
    monkeypatch.setattr(startup, "FOR_LATER", ())
    controller = Controller(demo_path)
    rehearsed: list[bool] = []
    rehearse = controller.session.rehearsal

    def rehearsal(reads: Any) -> Any:
        work = rehearse(reads)
        return lambda: rehearsed.append(work())

    monkeypatch.setattr(controller.session, "rehearsal", rehearsal)
    controller._dialog = object()  # type: ignore[assignment]  # the unlock dialog is open
    controller._prepare()  # what the unlock dialog's first paint starts
    qtbot.waitUntil(lambda: bool(rehearsed), timeout=SLOW_MACHINE_MS)
    assert rehearsed == [True]
    qtbot.addWidget(controller.window)
    engine = controller.session._rehearsal.engine  # type: ignore[union-attr]
    controller._dialog = None
    controller.session.unlock(PASSPHRASE)
    services = controller.session.services
    assert services is not None and services.store.engine is engine
    assert controller.window.current_view() is controller.window.views["dashboard"]
    controller.shutdown()


def test_locking_while_the_preloading_is_held_does_not_wait_for_it(
    qtbot: QtBot, demo_path: Path
) -> None:
    """Quitting (or locking) right after the unlocked window's first paint, while the
    preloading still holds back for its first frames: the lock waits for the thread pool, so
    the held imports must go on at once, not after HOLD_LIMIT_SECONDS for each module."""
    import threading
    import time

    from upwardprep.gui.jobs import run_in_background
    from upwardprep.gui.startup import Controller

    controller = Controller(demo_path)
    controller.session.unlock(PASSPHRASE)
    controller._preloading.hold()  # as from Enter until the window's first paint
    waiting = threading.Event()
    results: list[object] = []

    def load(name: str) -> None:
        waiting.set()

    def preload() -> None:
        load("first")
        controller._preloading.import_all(("second", "third"), load)

    run_in_background(preload, results.append, results.append)
    assert waiting.wait(5)
    started = time.monotonic()
    controller.session.lock()
    assert time.monotonic() - started < 2.0 and not controller.session.is_unlocked
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    controller.shutdown()


def test_activity_postpones_the_idle_lock_once_the_window_has_drawn(
    qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's events restart the idle timer, but only from a moment after the unlock (the
    first frames' events stay out of Python), and never while locked."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    from upwardprep.gui import session as session_module

    monkeypatch.setattr(session_module, "WATCH_AFTER_MS", 50)
    widget = QWidget()
    qtbot.addWidget(widget)

    def press() -> None:
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, key)

    session = StoreSession(demo_path)
    try:
        session.unlock(PASSPHRASE)
        session.lock()  # locked before the watch began: it never begins
        qtbot.wait(100)
        assert not session._watching
        session.unlock(PASSPHRASE)
        session.set_auto_lock_ms(60_000)
        assert not session._watching  # the first frames' events do not pass through Python
        qtbot.waitUntil(lambda: session._watching, timeout=5000)
        session._deadline -= 10  # as if ten idle seconds had passed
        left = session.seconds_until_lock()
        assert left is not None and left < 51
        press()
        again = session.seconds_until_lock()
        assert again is not None and again > 59
        session.lock()
        assert not session._watching
    finally:
        session.close()


def test_the_preloading_holds_back_between_modules_while_held() -> None:
    """Held (the store opening, the unlocked window's first frames), the imports behind the
    dialog stop before their next module, and go on when released."""
    import threading

    from upwardprep.gui.startup import Preloading

    preloading = Preloading()
    loaded: list[str] = []
    first_done = threading.Event()

    def load(name: str) -> None:
        loaded.append(name)
        if name == "first":
            preloading.hold()  # Enter, while the first module loads
            first_done.set()

    worker = threading.Thread(target=preloading.import_all, args=(("first", "second"), load))
    worker.start()
    assert first_done.wait(5)
    worker.join(0.2)
    assert worker.is_alive() and loaded == ["first"] and preloading.held
    preloading.release()
    worker.join(5)
    assert not worker.is_alive() and loaded == ["first", "second"]
