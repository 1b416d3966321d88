"""Desktop app bootstrap: identity, look, logging and the error hook, then the start-up flow
(gui/startup.py)."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from upwardprep import APP_NAME, __version__
from upwardprep.gui.look import STARTED_IN_FUSION, apply_look, desktop_is_dark
from upwardprep.gui.startup import (
    DEMO_PASSPHRASE,
    DEMO_PREFIX,
    Controller,
    default_path,
    make_demo_store,
    remove_stale_demo_stores,
)
from upwardprep.gui.termination import quit_on_signals

__all__ = [
    "DEMO_PASSPHRASE",
    "DEMO_PREFIX",
    "Controller",
    "apply_look",
    "install_error_hook",
    "make_app",
    "make_demo_store",
    "remove_stale_demo_stores",
    "run",
]

log = logging.getLogger("upwardprep.gui")


def make_app(argv: list[str] | None = None) -> QApplication:
    """The application with its identity, set once: QSettings, the data folders and the task
    bar (which matches windows to packaging/linux/upwardprep.desktop) all agree on it."""
    from PySide6.QtGui import QIcon

    from upwardprep.assets import resource

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:  # in the app's style from the start (see look.apply_look)
        app = QApplication([*(argv or sys.argv[:1]), "-style", "fusion"])
        app.setProperty(STARTED_IN_FUSION, True)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("upwardprep")
    icon = resource("icons", "upwardprep.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def follow_the_desktop(app: QApplication, settings: Any, shown_dark: bool | None) -> None:
    """Ask the desktop's colour scheme and remember it for the next start. When the look was
    built on a remembered scheme that is no longer the desktop's (it changed while the app was
    closed) and the app follows the desktop, the look follows now."""
    dark = desktop_is_dark(app)
    if settings.desktop_dark != dark:
        settings.desktop_dark = dark
    if shown_dark is not None and shown_dark != dark and settings.appearance == "system":
        apply_look(app, "system", desktop_dark=dark)


# -- errors ---------------------------------------------------------------------------------


def log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False) / "upwardprep.log"


class _LogFile(logging.Handler):
    """The rotating log file, opened at the first message: logging.handlers (which loads
    socket and pickle) is never imported on the way to the unlock dialog."""

    def __init__(self, where: Callable[[], Path]) -> None:
        super().__init__()
        self.where = where  # asked at the first message (platformdirs loads then)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            path = self.where()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._file = logging.handlers.RotatingFileHandler(
                    path, maxBytes=512_000, backupCount=2, encoding="utf-8"
                )
            except OSError:
                self._file = logging.StreamHandler()
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging() -> None:
    handler = _LogFile(lambda: log_path())
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
        from PySide6.QtWidgets import QMessageBox

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

    settings = AppSettings()
    # In the desktop's colour scheme as last seen: asking the desktop costs some 15 ms before
    # the unlock dialog could show; it is asked once the dialog is painted (follow_the_desktop).
    apply_look(app, settings.appearance, desktop_dark=settings.desktop_dark)
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
    shown_dark = settings.desktop_dark
    controller.after_first_paint = lambda: follow_the_desktop(app, settings, shown_dark)
    install_error_hook(lambda: controller.built_window)
    app.aboutToQuit.connect(controller.shutdown)
    quit_on_signals(app, controller.quit_now)
    controller.start()
    return app.exec()
