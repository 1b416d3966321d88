"""The main window's furniture: its actions, menus and toolbar built from the command table, the
lock screen, the sections built on first use, and the window state kept between runs (geometry,
splitters, column widths)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.commands import COMMANDS, MENUS, TOOLBAR, Command
from upwardprep.gui.models.search import PaletteCommand
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.views.base import SectionView


def icon_or_blank(name: str) -> QIcon:
    """The app's icon set when it is there; no icon rather than a crash if it is not."""
    try:
        from upwardprep.gui.icons import icon

        return icon(name)
    except Exception:
        return QIcon()


def shortcut_keys(command: Command) -> QKeySequence:
    """The command's keys on this platform (a standard key the platform lacks is empty: then
    the command's fallback)."""
    if isinstance(command.shortcut, str):
        return QKeySequence(command.shortcut)
    if command.shortcut is None:
        return QKeySequence()
    keys = QKeySequence(getattr(QKeySequence.StandardKey, command.shortcut.value))
    if keys.isEmpty() and command.fallback:
        return QKeySequence(command.fallback)
    return keys


class Sections(dict[str, SectionView]):
    """The section views by key, each built on first use."""

    def __init__(self, build: Callable[[str], SectionView]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> SectionView:
        view = self._build(key)
        self[key] = view
        return view


class LockedPage(QWidget):
    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockedPage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel("UpwardPrep is locked")
        title.setObjectName("lockedTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "Your notes are encrypted and nothing of them is shown. "
            "Unlock with your passphrase to continue."
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.button = QPushButton("&Unlock…")
        self.button.setObjectName("lockedUnlockButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock_requested.emit)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


def compact_combos(root: QWidget) -> None:
    """A combo box is as wide as its longest entry by default: one long priority title then
    pins an editor's minimum width, and the list beside it cannot get the room it is given.
    Combos ask for a sensible width instead and elide (the popup still shows whole entries)."""
    for combo in root.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)


# -- actions, menus, toolbar -------------------------------------------------------------------


def make_actions(window: QMainWindow) -> dict[str, QAction]:
    """One QAction per row of the command table (gui/commands.py), calling the window's
    method named by the row."""
    actions: dict[str, QAction] = {}
    for command in COMMANDS:
        action = QAction(command.text, window)
        action.setObjectName(f"action_{command.name}")
        shortcut = shortcut_keys(command)
        if not shortcut.isEmpty():
            action.setShortcut(shortcut)
            if command.application_wide:
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            elif command.in_focused_list:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if command.icon:
            action.setIcon(icon_or_blank(command.icon))
            # redrawn in the new colours on a palette change
            action.setProperty("iconName", command.icon)
        if command.tip:
            action.setToolTip(command.tip)
            action.setStatusTip(command.tip)
        slot = getattr(window, command.slot)
        if command.arg is None:
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        else:
            action.triggered.connect(lambda _checked=False, slot=slot, arg=command.arg: slot(arg))
        window.addAction(action)
        actions[command.name] = action
    return actions


def make_menus(window: QMainWindow, actions: dict[str, QAction]) -> None:
    """The menus in table order; a change of group within a menu draws a separator."""
    bar = window.menuBar()
    for title in MENUS:
        menu = bar.addMenu(title)
        menu.setObjectName(f"menu_{title.replace('&', '').lower()}")
        group: int | None = None
        for command in COMMANDS:
            if command.menu != title:
                continue
            if group is not None and command.group != group:
                menu.addSeparator()
            group = command.group
            menu.addAction(actions[command.name])


def make_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    toolbar = QToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in TOOLBAR:
        if name is None:
            spacer = QWidget()
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            toolbar.addWidget(spacer)
        else:
            toolbar.addAction(actions[name])
    export_menu = window.menuBar().findChild(QMenu, "menu_export")
    if export_menu is not None:  # the button exports a brief; its arrow offers both
        actions["export"].setMenu(export_menu)
    window.addToolBar(toolbar)
    return toolbar


# -- window state ------------------------------------------------------------------------------


def sync_new_shortcut(actions: dict[str, QAction], section: str) -> None:
    """Ctrl+N makes what the section lists: a meeting in Meetings, else an outcome note
    (New Meeting keeps its own keys everywhere)."""
    new = QKeySequence(QKeySequence.StandardKey.New)
    meetings = section == "meetings"
    own = shortcut_keys(next(c for c in COMMANDS if c.name == "new_meeting"))
    actions["new_meeting"].setShortcuts([new, own] if meetings else [own])
    actions["new_outcome"].setShortcut(QKeySequence() if meetings else new)


def palette_commands(actions: dict[str, QAction]) -> list[PaletteCommand]:
    """Every enabled command of the menus, with its keys as the menu shows them."""
    found = []
    for command in COMMANDS:
        action = actions[command.name]
        if command.menu is None or command.name == "search" or not action.isEnabled():
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        found.append(PaletteCommand(command.name, action.text().replace("&", ""), keys))
    return found


def _tables(window: QWidget) -> list[QTableView | QTreeView]:
    return [
        view
        for view in window.findChildren(QAbstractItemView)
        if isinstance(view, QTableView | QTreeView) and view.objectName()
    ]


def restore_columns(window: QWidget, settings: AppSettings) -> None:
    for view in _tables(window):
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        saved = settings.state(f"columns/{view.objectName()}")
        if saved is not None and view.model() is not None:
            header.restoreState(saved)


def save_columns(window: QWidget, settings: AppSettings) -> None:
    for view in _tables(window):
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        if view.model() is not None and header.count():
            settings.save_state(f"columns/{view.objectName()}", header.saveState())


def restore_splitters(root: QWidget, settings: AppSettings) -> None:
    for splitter in [
        *([root] if isinstance(root, QSplitter) else []),
        *root.findChildren(QSplitter),
    ]:
        saved = settings.state(f"splitter/{splitter.objectName()}")
        if saved is not None:
            splitter.restoreState(saved)


def restore_window(window: QMainWindow, settings: AppSettings) -> None:
    geometry = settings.state("geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        fit_to_screen(window)
    state = settings.state("windowState")
    if state is not None:
        window.restoreState(state)
    restore_splitters(window, settings)


# Room left around a window sized to the screen: its frame and title bar are outside its size.
FRAME_ALLOWANCE = (24, 64)


def fit_to_screen(window: QWidget) -> None:
    """First start: the window's default size, but no larger than the screen's free area, and
    centred there (at 1024×700 the default 1280×800 put the status bar and the editors' right
    edge off the screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    width = min(window.width(), free.width() - FRAME_ALLOWANCE[0])
    height = min(window.height(), free.height() - FRAME_ALLOWANCE[1])
    window.resize(max(width, 320), max(height, 240))
    frame = window.frameGeometry()
    frame.moveCenter(free.center())
    window.move(frame.topLeft())


def save_window(window: QMainWindow, settings: AppSettings) -> None:
    settings.save_state("geometry", window.saveGeometry())
    settings.save_state("windowState", window.saveState())
    for splitter in window.findChildren(QSplitter):
        if splitter.objectName():
            settings.save_state(
                f"splitter/{splitter.objectName()}", QByteArray(splitter.saveState())
            )
