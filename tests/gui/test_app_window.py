"""The desktop entry point starts offscreen (the full app builds on this window)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from upwardprep.gui.app import MainWindow, make_app


def test_main_window_shows_with_store_name_in_title(qtbot: QtBot) -> None:
    app = make_app()
    assert app.applicationName() == "UpwardPrep"
    window = MainWindow(Path("/somewhere/work notes.upwardprep"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "UpwardPrep — work notes"
    assert window.findChild(object, "placeholder") is not None
