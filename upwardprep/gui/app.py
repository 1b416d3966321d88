"""Desktop app entry point (a first window; the full app is built on this)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from upwardprep import APP_NAME, __version__


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


class MainWindow(QMainWindow):
    def __init__(self, store: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        name = store.stem if store else "notes"
        self.setWindowTitle(f"{APP_NAME} — {name}")
        label = QLabel(
            "UpwardPrep's desktop app is being built.\n"
            "Meanwhile the `upwardprep` command does the main jobs: run `upwardprep --help`."
        )
        label.setObjectName("placeholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        self.resize(900, 600)


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
    window = MainWindow(store)
    window.show()
    return app.exec()
