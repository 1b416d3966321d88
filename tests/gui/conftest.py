"""GUI test fixtures: an isolated QSettings per test, the app identity, a demo-filled store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from pytestqt.qtbot import QtBot

from tests.clock import NOW, FrozenClock
from tests.conftest import PASSPHRASE
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings
from upwardprep.services import Services
from upwardprep.store.engine import Store


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: object) -> Iterator[QSettings]:
    """Every test gets empty settings in its own folder; the user's are never touched."""
    QCoreApplication.setOrganizationName("UpwardPrepTests")
    QCoreApplication.setApplicationName("UpwardPrepTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    settings = QSettings()
    settings.clear()
    yield settings
    settings.clear()


@pytest.fixture(scope="session")
def demo_template(demo_store_file: Path) -> Path:
    """The demo store built once per test process; tests copy it."""
    return demo_store_file


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo store, closed, under the name the window title shows."""
    import shutil

    path = tmp_path / "store" / "Work notes.upwardprep"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def window_section() -> str:
    """The section the `window` fixture unlocks onto. A module whose tests all start in one
    section overrides this fixture, so that no Dashboard is built for them first (~0.3 s)."""
    return "dashboard"


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, window_section: str) -> Iterator[MainWindow]:
    """The main window over a copy of the demo store, shown and unlocked."""
    session = StoreSession(demo_path, clock=FrozenClock(NOW))  # the demo's today, every run
    main = MainWindow(session, AppSettings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.open_on(window_section)
    session.unlock(PASSPHRASE)
    yield main
    session.close()


@pytest.fixture
def demo_services(demo_template: Path, tmp_path: Path) -> Iterator[Services]:
    """A fresh copy of the demo store, open."""
    import shutil

    path = tmp_path / "demo" / "demo.upwardprep"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    store = Store.open(path, PASSPHRASE)
    yield Services(store, clock=FrozenClock(NOW))
    store.close()


@pytest.fixture(autouse=True)
def quit_discards_refused_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """When pytest-qt closes a window that still holds refused input, answer the quit question
    (a modal box would wait for a click forever); tests of that question patch it themselves."""
    monkeypatch.setattr(MainWindow, "_discard_refused", lambda _self: True)


@pytest.fixture(scope="module")
def shared_window(
    qapp: object, demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    """One main window over a demo copy for a whole module, for tests that only look or move
    the focus (building and unlocking a window costs more than most such tests). Its settings
    live in the module's own folder; the per-test settings fixture does not reach it."""
    import shutil

    folder = tmp_path_factory.mktemp("shared_window")
    QCoreApplication.setOrganizationName("UpwardPrepTests")
    QCoreApplication.setApplicationName("UpwardPrepTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "s"))
    path = folder / "Work notes.upwardprep"
    shutil.copyfile(demo_template, path)
    session = StoreSession(path, clock=FrozenClock(NOW))
    main = MainWindow(session, AppSettings())
    main.show()
    session.unlock(PASSPHRASE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MainWindow, "_discard_refused", lambda _self: True)
        yield main
        session.close()
        main.close()
        main.deleteLater()
