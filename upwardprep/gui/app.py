"""Desktop app bootstrap: identity, look, the error hook, and the start-up flow (first run,
unlock, store problems, the demo)."""

from __future__ import annotations

import logging
import logging.handlers
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from upwardprep import APP_NAME, __version__
from upwardprep.files import process_alive
from upwardprep.gui.jobs import Job, run_in_background
from upwardprep.gui.look import apply_look
from upwardprep.gui.termination import quit_on_signals

log = logging.getLogger("upwardprep.gui")
DEMO_PASSPHRASE = "demo"
DEMO_PREFIX = "upwardprep-demo-"  # + the app's process id: a demo store outliving it is stale


def make_app(argv: list[str] | None = None) -> QApplication:
    """The application with its identity, set once: QSettings, the data folders and the task
    bar (which matches windows to packaging/linux/upwardprep.desktop) all agree on it."""
    from PySide6.QtGui import QIcon

    from upwardprep.assets import resource

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("upwardprep")
    icon = resource("icons", "upwardprep.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


# -- errors ---------------------------------------------------------------------------------


def log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False) / "upwardprep.log"


def setup_logging() -> None:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=512_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("upwardprep")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def describe_without_content(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and where it happened, never its message (it may quote a note)."""
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{kind.__module__}.{kind.__qualname__} at {where}"


def install_error_hook(parent: Callable[[], QWidget | None]) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("uncaught error: %s", describe_without_content(kind, tb))
        box = QMessageBox(parent())
        box.setObjectName("errorDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Something went wrong")
        box.setText("UpwardPrep ran into an unexpected problem and stopped what it was doing.")
        box.setInformativeText(
            "Everything saved before is safe. If you were typing, check the last edit. "
            f"A note for the developers (without your notes) is in {log_path()}."
        )
        box.exec()

    sys.excepthook = hook


# -- start-up flow --------------------------------------------------------------------------


class Controller(QObject):
    """Owns the window and the session, and walks the user through opening a store."""

    def __init__(self, store_path: Path, *, demo_dir: Path | None = None) -> None:
        super().__init__()
        from upwardprep.gui.main_window import MainWindow
        from upwardprep.gui.session import StoreSession
        from upwardprep.gui.settings import AppSettings

        self.settings = AppSettings()
        self.demo_dir = demo_dir
        # No Qt parent: the window keeps using the session after the controller is gone.
        self.session = StoreSession(store_path, backup_folder=self._backup_folder)
        self.window = MainWindow(self.session, self.settings)
        self.window.unlock_requested.connect(self.unlock)
        self.window.backup_requested.connect(self.backup)
        self.window.restore_requested.connect(self.choose_backup)
        self.window.passphrase_change_requested.connect(self.change_passphrase)
        self._jobs: list[Job] = []

    @property
    def path(self) -> Path:
        return self.session.path

    def start(self) -> None:
        self.window.show()
        first_run = (
            self.demo_dir is None and not self.settings.store_path and not self.path.exists()
        )
        if first_run:
            self.create()
        else:
            self.unlock()

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

        if self.settings.welcome_done:
            return
        dialog = WelcomeDialog(self.window)
        dialog.step_chosen.connect(self._welcome_step)
        dialog.exec()
        self.settings.welcome_done = True

    def _welcome_step(self, step: str) -> None:
        if step == "addManager":
            self.window.show_section("people")
            self.window.views["people"].new_record()
        elif step == "addPriorities":
            self.window.show_section("priorities")
            self.window.views["priorities"].new_record()
        else:
            self.window.quick_capture()

    def unlock(self) -> None:
        from upwardprep.gui.dialogs.passphrase import UnlockDialog

        if self.session.is_unlocked:
            return
        hint = (
            f"This is a demo store full of sample data; its passphrase is “{DEMO_PASSPHRASE}”."
            if self.demo_dir
            else ""
        )
        dialog = UnlockDialog(self.path, self.session.unlock, hint=hint, parent=self.window)
        if dialog.exec():
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
        from upwardprep.gui.dialogs.passphrase import UnlockDialog

        def attempt(passphrase: str) -> None:
            self.session.vault.restore(backup, passphrase, force=True)
            self.session.unlock(passphrase)

        dialog = UnlockDialog(
            self.path,
            attempt,
            parent=self.window,
            hint=f"Restoring {backup.name}. The current file is kept beside it, unopened.",
        )
        if dialog.exec():
            self.window.show_message(f"Restored {backup.name}")
        elif dialog.failure is not None:
            self._problem(dialog.failure)

    def choose_store(self) -> None:
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

    def _backup_folder(self) -> Path | None:
        return Path(self.settings.backup_folder) if self.settings.backup_folder else None

    def choose_backup(self) -> None:
        """File > Restore from Backup: pick one of this store's backups (or any file)."""
        from upwardprep.gui.dialogs.backups import choose_backup

        chosen = choose_backup(self.session.vault.backups(), self.window)
        if chosen is None:
            return
        self.session.lock()  # editors flush; the store is closed before its file is replaced
        self.restore(chosen)

    def change_passphrase(self) -> None:
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
            QMessageBox.information(
                self.window,
                "Passphrase changed",
                "The store now opens with the new passphrase. A backup under the old one was "
                "made first; backups made before today still need the old passphrase.",
            )

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
        self.window.flush_all()
        self.window.save_state()
        QApplication.quit()  # aboutToQuit: shutdown closes the store

    def shutdown(self) -> None:
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
    from upwardprep.services.vault import Vault

    return Path(settings_path).expanduser() if settings_path else Vault.default_path()


def run(store: Path | None = None, demo: bool = False) -> int:
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "upwardprep: no display to show the app on; use the subcommands (`upwardprep --help`).",
            file=sys.stderr,
        )
        return 1
    app = make_app()
    from upwardprep.gui.settings import AppSettings

    apply_look(app, AppSettings().appearance)
    # Following the system means following it while running, too.
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_look(app, AppSettings().appearance)
    )
    setup_logging()
    demo_dir = None
    if demo:
        store, demo_dir = make_demo_store()
    if store is None:
        store = default_path(AppSettings().store_path)
    controller = Controller(store, demo_dir=demo_dir)
    install_error_hook(lambda: controller.window)
    app.aboutToQuit.connect(controller.shutdown)
    quit_on_signals(app, controller.quit_now)
    controller.start()
    return app.exec()
