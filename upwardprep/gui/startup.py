"""The start-up flow: first run, unlock, store problems, restore, the demo store.

Start-up shows the unlock dialog as soon as Qt can paint it: nothing heavy is imported before
(this module and the dialog need only Qt). Once the dialog is painted, the store's code and the
services (SQLAlchemy, SQLCipher), the main window's modules and the view of the section it opens
on are imported on the thread pool while the user types, and the main window is built, hidden,
on the GUI thread as soon as its modules are in. Enter runs the key derivation and the store's
open sequence on the thread pool too (see UnlockDialog), and the window shows once the store is
open. What only other sections, exports and calendar imports need (ReportLab, icalendar) loads
after that: while the user still types, or else once the unlocked window has painted, so that
it never holds the interpreter while the first section is drawn.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from upwardprep import APP_NAME
from upwardprep.files import process_alive
from upwardprep.gui.dialogs.passphrase import UnlockDialog
from upwardprep.gui.jobs import Change, Job, run_in_background
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings
from upwardprep.paths import default_store_path

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow

    from upwardprep.gui.main_window import MainWindow

log = logging.getLogger("upwardprep.gui")
DEMO_PASSPHRASE = "demo"
DEMO_PREFIX = "upwardprep-demo-"  # + the app's process id: a demo store outliving it is stale
# Imported while the unlock dialog waits for the passphrase: first what opening the store and
# building the window need (and the view of the section it opens on), then the other sections
# and what only exports, previews and calendar imports need.
FOR_THE_WINDOW = ("upwardprep.services.vault", "upwardprep.gui.main_window")
SECTION_MODULES = {
    key: f"upwardprep.gui.views.{key}"
    for key in (
        "dashboard",
        "people",
        "priorities",
        "alignment",
        "outcomes",
        "meetings",
        "reviews",
        "trash",
    )
}
FOR_LATER = (
    # ReportLab in steps, its biggest modules first: a pause (see Preloading) waits for at
    # most one step, not the whole library
    "reportlab.pdfgen.canvas",
    "reportlab.platypus.paragraph",
    "reportlab.platypus",
    "upwardprep.export.documents",
    # what the first Markdown preview loads
    "markdown.extensions.tables",
    "markdown.extensions.fenced_code",
    "markdown.extensions.sane_lists",
    "markdown.extensions.footnotes",
    "icalendar",
    "recurring_ical_events",
)
# Once the unlocked window has painted, this long before the rest loads (its first frames:
# the table fills its rows, the editor its note).
LATER_AFTER_PAINT_MS = 250
# A held preloading goes on after this long whatever happens (it must never wait forever).
HOLD_LIMIT_SECONDS = 10.0


def import_all(names: tuple[str, ...]) -> None:
    for name in names:
        importlib.import_module(name)


class Preloading:
    """Imports on the thread pool that hold back while the store opens.

    Python runs one thread at a time: an import behind the dialog when Enter comes takes the
    interpreter from the store's opening and the window's first paint. Between two modules,
    the imports wait while held (never longer than HOLD_LIMIT_SECONDS)."""

    def __init__(self) -> None:
        self._go = threading.Event()
        self._go.set()

    def hold(self) -> None:
        self._go.clear()

    def release(self) -> None:
        self._go.set()

    @property
    def held(self) -> bool:
        return not self._go.is_set()

    def run(self, step: Callable[[], object]) -> None:
        """`step`, once not held."""
        self._go.wait(HOLD_LIMIT_SECONDS)
        step()

    def import_all(
        self, names: tuple[str, ...], load: Callable[[str], object] = importlib.import_module
    ) -> None:
        for name in names:
            self.run(functools.partial(load, name))


def prepare_the_window(names: tuple[str, ...]) -> None:
    """The window's imports, then the ORM's mapper configuration, which the first query would
    otherwise run on the GUI thread (a few hundred milliseconds)."""
    import_all(names)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


class FirstPaint(QObject):
    """Watches for `window`'s first paint and runs what waits for it a moment after; what is
    asked for later runs at once (after the same moment). After `fallback_ms` without a paint
    (a minimised window) it stops waiting.

    It watches the window's own platform window, which Qt exposes and then paints right away,
    not every event of the app: a Python event filter on the whole app would take every event
    of the first frame through Python, which slows that frame down."""

    def __init__(self, window: QWidget, *, fallback_ms: int = 3000) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: list[Any] = []
        self.painted = False
        self._handle: QWindow | None = None
        window.installEventFilter(self)  # its platform window is made when it is first shown
        self._watch_handle()
        QTimer.singleShot(fallback_ms, self._done)

    def then(self, callback: Any) -> None:
        if self.painted:
            QTimer.singleShot(LATER_AFTER_PAINT_MS, callback)
        else:
            self._waiting.append(callback)

    def _watch_handle(self) -> None:
        handle = self._window.windowHandle()
        if handle is not None and handle is not self._handle:
            handle.installEventFilter(self)
            self._handle = handle
            if handle.isExposed():  # on screen already: it has painted
                self._done()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.painted:
            return False
        if watched is self._window:
            if event.type() in (QEvent.Type.WinIdChange, QEvent.Type.Show):
                self._watch_handle()
        elif (
            watched is self._handle
            and event.type() == QEvent.Type.Expose
            and self._handle is not None
            and self._handle.isExposed()
        ):
            self._done()  # Qt paints the window as it handles this event: what waits runs after
        return False

    def _done(self) -> None:
        if self.painted:
            return
        self.painted = True
        self._window.removeEventFilter(self)
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            QTimer.singleShot(LATER_AFTER_PAINT_MS, callback)


class Controller(QObject):
    """Owns the window and the session, and walks the user through opening a store."""

    def __init__(self, store_path: Path, *, demo_dir: Path | None = None) -> None:
        super().__init__()
        self.settings = AppSettings()
        self.demo_dir = demo_dir
        # No Qt parent: the window keeps using the session after the controller is gone.
        self._adopt_legacy_backup_folder(store_path)
        self.session = StoreSession(store_path)
        self._window: MainWindow | None = None
        self._jobs: list[Job] = []
        self._dialog: UnlockDialog | None = None  # the start-up unlock dialog while it is open
        self._preloading = Preloading()
        # Locking (or quitting) waits for the work on the thread pool, the preloading
        # included: a held preloading must go on then, not hold the lock up.
        self.session.aboutToLock.connect(self._preloading.release)
        self._first_paint: FirstPaint | None = None  # the unlocked window's, at start-up
        # What waits for the start-up's first dialog to be painted (gui.app: the look checks
        # the desktop's colour scheme); run at most once.
        self.after_first_paint: Callable[[], object] | None = None

    @property
    def window(self) -> MainWindow:
        """The main window, built on first use (at start-up: while the user types)."""
        if self._window is None:
            from upwardprep.gui.main_window import MainWindow

            window = MainWindow(self.session, self.settings)
            window.unlock_requested.connect(self.unlock)
            window.backup_requested.connect(self.backup)
            window.restore_requested.connect(self.choose_backup)
            window.passphrase_change_requested.connect(self.change_passphrase)
            from upwardprep.gui.safekeeping import Safekeeping

            window.safekeeping = Safekeeping(self.session, window)
            self._window = window
        return self._window

    @property
    def built_window(self) -> MainWindow | None:
        """The window if it exists (the error hook must not build one)."""
        return self._window

    @property
    def path(self) -> Path:
        return self.session.path

    def start(self) -> None:
        first_run = (
            self.demo_dir is None and not self.settings.store_path and not self.path.exists()
        )
        if first_run:
            self.window.show()
            self.create()
        else:
            self.unlock_at_start()

    def unlock_at_start(self) -> None:
        """The unlock dialog alone, at once; the rest loads behind it (see the module)."""
        dialog = self._dialog = self._unlock_dialog(parent=None)
        dialog.painted.connect(self._prepare)
        # While the store opens, and until the unlocked window has painted, the preloading
        # holds back (Preloading).
        dialog.trying.connect(
            lambda trying: self._preloading.hold() if trying else self._preloading.release()
        )
        accepted = dialog.exec()
        self._dialog = None
        if self._first_paint is None:
            self._first_paint = FirstPaint(self.window)
        if not accepted:
            self._preloading.release()
        self.window.show()
        if not accepted and dialog.failure is not None:
            self._problem(dialog.failure)
        elif accepted and dialog.recovered:
            self._recovered()

    def _prepare(self) -> None:
        from upwardprep.gui.commands import HOME_SECTION

        waiting, self.after_first_paint = self.after_first_paint, None
        if waiting is not None:
            waiting()

        def built(_result: object) -> None:
            QTimer.singleShot(0, self._build_then_import_the_rest)

        wanted = (*FOR_THE_WINDOW, SECTION_MODULES[HOME_SECTION])
        self._jobs.append(
            run_in_background(lambda: prepare_the_window(wanted), built, self._not_warmed)
        )

    def _build_then_import_the_rest(self) -> None:
        from upwardprep.gui.commands import HOME_SECTION

        # Built now, hidden, while the passphrase is typed (or the key derived): the window
        # and the section it opens on, which unlocking then only fills.
        view = self.window.views[HOME_SECTION]
        if self._dialog is not None and not self.session.is_unlocked:  # the user still types
            self._import_the_rest(view.first_reads())
        else:  # the store opened before these imports were done: the window shows already
            (self._first_paint or FirstPaint(self.window)).then(self._import_the_rest)

    def _import_the_rest(self, first_reads: Callable[[Any], object] | None = None) -> None:
        """The other sections and FOR_LATER; before them, while the store is still locked,
        the section's first reads are rehearsed (see StoreSession.rehearsal)."""
        rest = (*SECTION_MODULES.values(), *FOR_LATER)
        preloading = self._preloading
        rehearse = self.session.rehearsal(first_reads) if first_reads is not None else None

        def work() -> None:
            if rehearse is not None:
                preloading.run(rehearse)
            preloading.import_all(rest)

        self._jobs.append(run_in_background(work, lambda _r: None, self._not_warmed))

    @staticmethod
    def _not_warmed(error: Exception) -> None:
        """A module that fails to load fails again, and is reported, where it is used."""
        log.warning("preloading failed: %s", type(error).__name__)

    def _unlock_dialog(self, parent: Any, hint: str = "") -> UnlockDialog:
        if not hint and self.demo_dir:
            hint = (
                f"This is a demo store full of sample data; its passphrase is “{DEMO_PASSPHRASE}”."
            )
        return UnlockDialog(
            self.path,
            self.session.opener(),
            hint=hint,
            parent=parent,
            finish=self._opened,
            recover=self._recover,
        )

    def _recover(self, parent: Any) -> Any:
        """Forgot your passphrase? The recovery key and a new passphrase; the opened store, or
        None when the user gives up."""
        from upwardprep.gui.dialogs.recover import RecoverDialog

        vault = self.session.vault
        opener = self.session.opener()

        def attempt(key: str, new_passphrase: str) -> Any:
            vault.recover(key, new_passphrase)
            return opener(new_passphrase)

        dialog = RecoverDialog(self.path, attempt, parent)
        return dialog.opened if dialog.exec() else None

    def _recovered(self) -> None:
        safekeeping = self.window.safekeeping
        if safekeeping is not None:
            safekeeping.offer_new_kit(
                "The store is recovered and opens with the new passphrase (a backup was made "
                "first)."
            )

    def _opened(self, services: Any) -> None:
        """On the GUI thread, the store open: the window (built now if the user was quicker
        than the preloading) takes the session over."""
        window = self.window  # it listens to the session's unlocked signal
        if self._dialog is not None and self._first_paint is None:
            # At start-up, the backup check waits for the window's first paint.
            self._first_paint = FirstPaint(window)
            self._first_paint.then(self._preloading.release)
            if window.safekeeping is not None:
                window.safekeeping.start_after(self._first_paint.then)
        self.session.adopt(services)

    def create(self) -> None:
        from upwardprep.gui.dialogs.passphrase import CreateStoreDialog

        dialog = CreateStoreDialog(self.path, self.session.create, self.window)
        if dialog.exec():
            self.settings.store_path = str(self.path)
            self.welcome()
        elif dialog.failure is not None:
            self._problem(dialog.failure)

    def welcome(self) -> None:
        from upwardprep.gui.dialogs.welcome import WelcomeDialog

        services = self.session.services
        if self.settings.welcome_done or services is None:
            return
        dialog = WelcomeDialog(services, self.window)
        dialog.created.connect(lambda kinds: self.session.announce(Change.of(*kinds)))
        dialog.exec()
        self.settings.welcome_done = True
        if dialog.manager_id is not None:  # their page: the next 1:1, their priorities
            self.window.open_record("person", dialog.manager_id)
        else:
            self.window.show_section("dashboard")

    def unlock(self) -> None:
        if self.session.is_unlocked:
            return
        dialog = self._unlock_dialog(parent=self.window)
        if dialog.exec():
            if dialog.recovered:
                self._recovered()
            return
        if dialog.failure is not None:
            self._problem(dialog.failure)

    def _problem(self, error: Exception) -> None:
        from upwardprep.gui.dialogs import store_problem

        backups = self.session.vault.backups()
        choice = store_problem.ask(error, has_backups=bool(backups), parent=self.window)
        if choice is store_problem.Choice.RESTORE:
            self.restore(backups[-1].path)
        elif choice is store_problem.Choice.RETRY:
            self.unlock()
        elif choice is store_problem.Choice.OTHER_STORE:
            self.choose_store()
        else:
            self.window.close()

    def restore(self, backup: Path) -> None:
        """Put a backup in place (the store as it was is kept), then open it: both on the
        thread pool, like an unlock."""
        vault = self.session.vault
        opener = self.session.opener()

        def attempt(passphrase: str) -> Any:
            vault.restore(backup, passphrase, force=True)
            return opener(passphrase)

        dialog = UnlockDialog(
            self.path,
            attempt,
            parent=self.window,
            hint=f"Restoring {backup.name}. The current file is kept beside it, unopened.",
            finish=self._opened,
        )
        if dialog.exec():
            self.window.show_message(f"Restored {backup.name}")
        elif dialog.failure is not None:
            self._problem(dialog.failure)

    def choose_store(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            "Open a store",
            str(self.path.parent),
            "UpwardPrep store (*.upwardprep);;All files (*)",
        )
        if not chosen:
            self.window.close()
            return
        self.session.path = Path(chosen)
        self.settings.store_path = chosen
        self.window.setWindowTitle(f"{APP_NAME} — {self.session.name}")
        self.window.store_label.setText(self.session.name)
        self.unlock()

    def backup(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        services = self.session.services
        if services is None:
            return
        vault = self.session.vault
        self.window.show_message("Backing up…")

        def done(info: Any) -> None:
            self.window.show_message(f"Backup saved and verified: {info.path.name}")

        def failed(error: Exception) -> None:
            QMessageBox.warning(
                self.window, "Backup failed", f"The backup could not be written: {error}"
            )

        self._jobs.append(run_in_background(lambda: vault.backup(services), done, failed))

    def _adopt_legacy_backup_folder(self, store_path: Path) -> None:
        """A backup folder set by an earlier version (app-wide, in QSettings) becomes this
        store's choice, where the CLI sees it too, unless the store has one already."""
        legacy = self.settings.take_legacy_backup_folder()
        if not legacy:
            return
        from upwardprep.services import backup_places

        try:
            if backup_places.chosen_folder(store_path) is None:
                backup_places.choose_folder(store_path, legacy)
        except OSError:
            log.warning("The earlier backup folder setting could not be carried over.")

    def choose_backup(self) -> None:
        """File > Restore from Backup: pick one of this store's backups (or any file)."""
        from upwardprep.gui.dialogs.backups import choose_backup

        chosen = choose_backup(self.session.vault.backups(), self.window)
        if chosen is None:
            return
        self.session.lock()  # editors flush; the store is closed before its file is replaced
        self.restore(chosen)

    def change_passphrase(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from upwardprep.gui.dialogs.passphrase import ChangePassphraseDialog

        if not self.session.is_unlocked:
            return
        vault = self.session.vault
        dialog = ChangePassphraseDialog(vault.path, vault.prove, self.window)
        if not dialog.exec():
            return
        secrets = [dialog.current, dialog.new]
        dialog.current = dialog.new = ""
        self.session.lock()  # editors flush and the store closes; re-keyed off the UI thread
        self.window.show_message("Changing the passphrase: backing up, then re-encrypting…")

        def work() -> None:
            vault.change_passphrase(vault.unlock(secrets[0]), secrets[1])

        def done(_result: Any) -> None:
            new = secrets[1]
            secrets.clear()
            try:
                self.session.unlock(new)  # proves the new passphrase opens the store
            except Exception as error:
                self._problem(error)
                return
            reason = (
                "The store now opens with the new passphrase. A backup under the old one was "
                "made first; backups made before today still need the old passphrase."
            )
            if self.window.safekeeping is not None:
                self.window.safekeeping.offer_new_kit(reason)
            else:
                QMessageBox.information(self.window, "Passphrase changed", reason)

        def failed(error: Exception) -> None:
            secrets.clear()
            QMessageBox.warning(
                self.window,
                "Passphrase not changed",
                "The passphrase was not changed; the store still opens with the current one. "
                f"\n\n{error}",
            )
            self.unlock()

        self._jobs.append(run_in_background(work, done, failed))

    def quit_now(self) -> None:
        """SIGTERM or SIGHUP (a logout, `kill`): quit as the menu does, asking nothing. What
        the store refuses stays unsaved, as it would after a crash."""
        window = self.built_window
        if window is not None:
            window.flush_all()
            window.save_state()
        QApplication.quit()  # aboutToQuit: shutdown closes the store

    def shutdown(self) -> None:
        self._preloading.release()
        self.session.close()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def make_demo_store() -> tuple[Path, Path]:
    """A temporary store full of sample data; removed when the app quits."""
    from upwardprep.demo import populate
    from upwardprep.services.vault import Vault

    remove_stale_demo_stores()
    folder = Path(tempfile.mkdtemp(prefix=f"{DEMO_PREFIX}{os.getpid()}-"))
    vault = Vault(folder / "Demo.upwardprep")
    services = vault.create(DEMO_PASSPHRASE, shipped_templates=False)  # populate ships them
    try:
        populate(services)
    finally:
        vault.close(services)
    return vault.path, folder


def remove_stale_demo_stores() -> list[Path]:
    """Demo stores whose app was killed (it removes its own on quit): their process is gone."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*-*"):
        owner, _, rest = folder.name[len(DEMO_PREFIX) :].partition("-")
        if not (owner.isdigit() and rest and folder.is_dir() and not folder.is_symlink()):
            continue
        if folder.stat().st_uid != os.geteuid() or process_alive(int(owner)):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def default_path(settings_path: str) -> Path:
    return Path(settings_path).expanduser() if settings_path else default_store_path()
