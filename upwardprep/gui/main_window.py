"""The main window: navigation on the left, the selected section in the centre, every command
in a menu with its shortcut, and a lock screen that shows nothing of the notes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from upwardprep import APP_NAME, __version__
from upwardprep.gui import jobs
from upwardprep.gui.commands import (
    COMMANDS,
    DELETE_TABLES,
    MENUS,
    PALETTE_MAIN,
    SECTIONS,
    TOOLBAR,
    Command,
)
from upwardprep.gui.dialogs.quick_capture import QuickCaptureDialog
from upwardprep.gui.dialogs.settings_dialog import SettingsDialog
from upwardprep.gui.jobs import Change
from upwardprep.gui.models.search import PaletteCommand
from upwardprep.gui.nudge import OneOnOneNudge
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.views.alignment import AlignmentView
from upwardprep.gui.views.base import SectionView
from upwardprep.gui.views.dashboard import DashboardView
from upwardprep.gui.views.meetings import MeetingsView
from upwardprep.gui.views.outcomes import OutcomesView
from upwardprep.gui.views.people import PeopleView
from upwardprep.gui.views.priorities import PrioritiesView
from upwardprep.gui.views.reviews import ReviewsView
from upwardprep.gui.views.trash import TrashView
from upwardprep.gui.widgets.search_palette import SearchPalette
from upwardprep.services.labels import ROLE_PLURALS

ENTITY_SECTIONS = {
    "outcome": "outcomes",
    "priority": "priorities",
    "person": "people",
    "meeting": "meetings",
}
# Live once the work behind them is merged (documents).
SectionRole = Qt.ItemDataRole.UserRole + 10
RoleFilterRole = Qt.ItemDataRole.UserRole + 11


def _icon(name: str):  # type: ignore[no-untyped-def]
    """The app's icon set when it is there; no icon rather than a crash if it is not."""
    try:
        from upwardprep.gui.icons import icon

        return icon(name)
    except Exception:
        from PySide6.QtGui import QIcon

        return QIcon()


def _shortcut(command: Command) -> QKeySequence:
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


class _Sections(dict[str, SectionView]):
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
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
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


def _compact_combos(root: QWidget) -> None:
    """A combo box is as wide as its longest entry by default: one long priority title then
    pins an editor's minimum width, and the list beside it cannot get the room it is given.
    Combos ask for a sensible width instead and elide (the popup still shows whole entries)."""
    for combo in root.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)


class MainWindow(QMainWindow):
    unlock_requested = Signal()
    backup_requested = Signal()
    restore_requested = Signal()
    passphrase_change_requested = Signal()

    def __init__(self, session: StoreSession, settings: AppSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} — {session.name}")
        self.resize(1280, 800)
        self.undo_stack: list[tuple[str, str]] = []
        self.actions_by_name: dict[str, QAction] = {}

        # Each section's widgets are built when it is first wanted (shown, or asked for by
        # name): start-up builds none, unlocking only the one on screen. `views.values()` is
        # what exists, which is all that flushing, locking and saving need to visit.
        self.views: dict[str, SectionView] = _Sections(self._build_section)
        self.nav = QTreeWidget()
        self.nav.setObjectName("navigation")
        self.nav.setHeaderHidden(True)
        self.nav.setRootIsDecorated(True)
        self.nav.setMinimumWidth(180)
        self.nav.setAccessibleName("Sections")
        self.nav_items: dict[str, QTreeWidgetItem] = {}
        for key, label, icon_name in SECTIONS:
            item = QTreeWidgetItem([label])
            item.setData(0, SectionRole, key)
            item.setIcon(0, _icon(icon_name))
            self.nav.addTopLevelItem(item)
            self.nav_items[key] = item
            if key == "people":
                for role, plural in ROLE_PLURALS.items():
                    child = QTreeWidgetItem([plural])
                    child.setData(0, SectionRole, "people")
                    child.setData(0, RoleFilterRole, role.value)
                    item.addChild(child)
        self.stack = QStackedWidget()
        self.stack.setObjectName("sectionStack")
        self.locked_page = LockedPage()
        self.locked_page.unlock_requested.connect(self.unlock_requested.emit)
        self.stack.addWidget(self.locked_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 1060])
        self.setCentralWidget(self.splitter)
        self.palette_popup = SearchPalette(self)
        self.palette_popup.chosen.connect(self.open_record)
        self.palette_popup.command.connect(self.run_command)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.store_label = QLabel(session.name)
        self.store_label.setObjectName("storeLabel")
        self.store_label.setToolTip(str(session.path))
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lockLabel")
        self.statusBar().addPermanentWidget(self.store_label)
        self.statusBar().addPermanentWidget(self.lock_label)
        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(15_000)
        self._lock_tick.timeout.connect(self._update_lock_label)
        self._lock_tick.start()

        self.nav.currentItemChanged.connect(self._nav_changed)
        session.unlocked.connect(self._on_unlocked)
        session.aboutToLock.connect(self.flush_all)
        session.locked.connect(self._on_locked)
        self.nudge = OneOnOneNudge(session, settings, self.windowIcon(), self)
        self.nudge.open_meeting.connect(self._open_meeting)
        self._restore_state()
        self._on_locked()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_icons()

    def refresh_icons(self) -> None:
        """Draw the line icons again in the palette's text colour (light and dark differ)."""
        if not hasattr(self, "nav_items"):  # a palette change while still being built
            return
        for action in self.actions_by_name.values():
            name = action.property("iconName")
            if name:
                action.setIcon(_icon(name))
        for key, _label, icon_name in SECTIONS:
            if key in self.nav_items:
                self.nav_items[key].setIcon(0, _icon(icon_name))

    # -- actions and menus -----------------------------------------------------------------

    def _make_actions(self) -> None:
        """One QAction per row of the command table (gui/commands.py)."""
        for command in COMMANDS:
            action = QAction(command.text, self)
            action.setObjectName(f"action_{command.name}")
            shortcut = _shortcut(command)
            if not shortcut.isEmpty():
                action.setShortcut(shortcut)
                if command.application_wide:
                    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
                elif command.in_focused_list:
                    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if command.icon:
                action.setIcon(_icon(command.icon))
                # redrawn in the new colours on a palette change
                action.setProperty("iconName", command.icon)
            if command.tip:
                action.setToolTip(command.tip)
                action.setStatusTip(command.tip)
            slot = getattr(self, command.slot)
            if command.arg is None:
                action.triggered.connect(lambda _checked=False, slot=slot: slot())
            else:
                action.triggered.connect(
                    lambda _checked=False, slot=slot, arg=command.arg: slot(arg)
                )
            self.addAction(action)
            self.actions_by_name[command.name] = action
        self._delete_action = self.actions_by_name["delete"]

    def _make_menus(self) -> None:
        bar = self.menuBar()
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
                menu.addAction(self.actions_by_name[command.name])

    def _make_toolbar(self) -> None:
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
                toolbar.addAction(self.actions_by_name[name])
        export_menu = self.menuBar().findChild(QMenu, "menu_export")
        if export_menu is not None:  # the button exports a brief; its arrow offers both
            self.actions_by_name["export"].setMenu(export_menu)
        self.addToolBar(toolbar)

    def request_backup(self) -> None:
        self.backup_requested.emit()

    def request_restore(self) -> None:
        self.restore_requested.emit()

    def request_passphrase_change(self) -> None:
        self.passphrase_change_requested.emit()

    def lock(self) -> None:
        self.session.lock()

    # -- sections --------------------------------------------------------------------------

    def _build_section(self, key: str) -> SectionView:
        stale_days = self.settings.stale_after_days
        view: SectionView
        if key == "dashboard":
            view = DashboardView(stale_days=stale_days)
        elif key == "people":
            view = PeopleView()
        elif key == "priorities":
            view = PrioritiesView(stale_days=stale_days)
        elif key == "alignment":
            view = AlignmentView(stale_days=stale_days)
        elif key == "outcomes":
            view = OutcomesView()
        elif key == "meetings":
            view = MeetingsView()
            view.draft_requested.connect(self.draft_agenda)
            view.templates_requested.connect(self.manage_templates)
            view.add_outcome_requested.connect(self.capture_for_meeting)
        elif key == "reviews":
            view = ReviewsView()
        elif key == "trash":
            view = TrashView()
        else:
            raise KeyError(key)
        _compact_combos(view)
        self.stack.insertWidget(self.stack.count() - 1, view)  # the locked page stays last
        view.status.connect(self.show_message)
        self.session.changed.connect(view.on_changed)
        view.trashed.connect(self._trashed)
        view.open_record.connect(self.open_record)
        for table in view.findChildren(QAbstractItemView):
            if table.objectName() in DELETE_TABLES:
                table.addAction(self._delete_action)
        for splitter in view.findChildren(QSplitter):
            saved = self.settings.state(f"splitter/{splitter.objectName()}")
            if saved is not None:
                splitter.restoreState(saved)
        return view

    @property
    def meetings_view(self) -> MeetingsView:
        view = self.views["meetings"]
        assert isinstance(view, MeetingsView)
        return view

    def current_view(self) -> SectionView | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionView) else None

    def show_section(self, key: str, role: str | None = None) -> None:
        if not self.session.is_unlocked:
            return
        item = self.nav_items[key]
        if role is not None:
            for index in range(item.childCount()):
                if item.child(index).data(0, RoleFilterRole) == role:
                    item = item.child(index)
        self.nav.setCurrentItem(item)

    def _nav_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None or not self.session.is_unlocked:
            return
        previous = self.current_view()
        if previous is not None:
            previous.flush()
        key = item.data(0, SectionRole)
        view = self.views[key]
        first_show = view.services is None and self.session.services is not None
        if first_show:
            view.bind(self.session.services)  # type: ignore[arg-type]
            self._restore_columns()
        if isinstance(view, PeopleView):
            view.set_role(item.data(0, RoleFilterRole))
        self._sync_new_shortcut(key)
        if not first_show:
            view.refresh()
        self.stack.setCurrentWidget(view)
        self.settings.qsettings.setValue("state/section", key)

    def open_record(self, entity: str, record_id: str) -> None:
        section = ENTITY_SECTIONS.get(entity)
        if section is None:
            return
        self.show_section(section)
        view = self.views[section]
        if isinstance(view, OutcomesView):
            view.show_record(record_id)
        elif isinstance(view, MeetingsView):
            view.show_meeting(record_id)
        elif not view.select(record_id) and isinstance(view, PeopleView):
            view.set_role(None)
            view.select(record_id)

    # -- commands --------------------------------------------------------------------------

    def new_outcome(self) -> None:
        self.new_in("outcomes")

    def new_in(self, section: str) -> None:
        if not self.session.is_unlocked:
            return
        self.show_section(section)
        self.views[section].new_record()

    def quick_capture(self) -> None:
        if self.session.services is None:
            self.unlock_requested.emit()
            return
        meeting = (
            self.meetings_view.current_open_meeting()
            if self.current_view() is self.meetings_view
            else None
        )
        dialog = QuickCaptureDialog(self.session.services, self, meeting=meeting)
        dialog.saved.connect(self._captured)
        dialog.exec()

    def capture_for_meeting(self, meeting_id: str) -> None:
        """The meeting editor's "Add outcome": quick capture, linked to that meeting."""
        if self.session.services is None:
            return
        meeting = self.meetings_view.current_open_meeting()
        if meeting is None or meeting[0] != meeting_id:
            return
        dialog = QuickCaptureDialog(self.session.services, self, meeting=meeting)
        dialog.saved.connect(self._captured)
        dialog.exec()

    def _captured(self, outcome_id: str) -> None:
        self.show_message("Outcome saved")
        self.session.announce(Change.of(jobs.OUTCOME))
        view = self.current_view()
        if isinstance(view, OutcomesView):  # the list on screen: the new note is the one shown
            view.show_record(outcome_id)

    def _sync_new_shortcut(self, section: str) -> None:
        """Ctrl+N makes what the section lists: a meeting in Meetings, else an outcome note
        (New Meeting keeps its own keys everywhere)."""
        new = QKeySequence(QKeySequence.StandardKey.New)
        meetings = section == "meetings"
        meeting_action = self.actions_by_name["new_meeting"]
        own = _shortcut(next(c for c in COMMANDS if c.name == "new_meeting"))
        meeting_action.setShortcuts([new, own] if meetings else [own])
        self.actions_by_name["new_outcome"].setShortcut(QKeySequence() if meetings else new)

    def confirm_priority(self) -> None:
        """Edit > Confirm Priority: the priority on screen (Priorities, or its tree)."""
        view = self.current_view()
        if not isinstance(view, PrioritiesView) or view.editor.record_id is None:
            self.show_message("Select a priority in Priorities to confirm it")
            return
        view.editor.confirm()
        self.show_message("Confirmed today")

    def add_outcome_to_meeting(self) -> None:
        meeting = (
            self.meetings_view.current_open_meeting()
            if self.current_view() is self.views.get("meetings")
            else None
        )
        if meeting is None:
            self.show_message("Open a meeting that is not yet held to add an outcome to it")
            return
        self.capture_for_meeting(meeting[0])

    def finish_meeting(self) -> None:
        if self.current_view() is not self.views.get("meetings") or (
            self.meetings_view.current_open_meeting() is None
        ):
            self.show_message("Open a meeting that is not yet held to finish it")
            return
        self.meetings_view.editor.finish()

    def draft_agenda(self, person_id: str = "") -> None:
        """Draft the next agenda with a person (the one in view unless given), from a template
        the user picks."""
        if self.session.services is None:
            return
        from upwardprep.gui.dialogs.draft_agenda import DraftAgendaDialog

        self.show_section("meetings")
        self.meetings_view.flush()
        dialog = DraftAgendaDialog(
            self.session.services,
            person_id or self.meetings_view.person_id(),
            self.settings.default_template,
            self,
            stale_days=self.settings.stale_after_days,
        )
        self.session.aboutToLock.connect(dialog.reject)
        try:
            if not dialog.exec() or dialog.meeting_id is None:
                return
        finally:
            self.session.aboutToLock.disconnect(dialog.reject)
        self.session.announce(Change.of(jobs.MEETING))
        self.meetings_view.show_meeting(dialog.meeting_id)
        self.meetings_view.editor.reload()
        self.show_message("Agenda drafted")

    def manage_templates(self) -> None:
        if self.session.services is None:
            return
        from upwardprep.gui.dialogs.templates import TemplatesDialog

        dialog = TemplatesDialog(self.session.services, self)
        dialog.status.connect(self.show_message)
        dialog.trashed.connect(self._trashed)
        self.session.aboutToLock.connect(dialog.reject)
        try:
            dialog.exec()
        finally:
            self.session.aboutToLock.disconnect(dialog.reject)

    def import_calendar(self) -> None:
        if self.session.services is None:
            return
        from upwardprep.gui.dialogs.calendar_import import CalendarImport

        self._calendar_import = CalendarImport(self.session.services, self)
        self._calendar_import.finished.connect(self._calendar_imported)
        self._calendar_import.message.connect(self.show_message)
        self._calendar_import.lock_signal = self.session.aboutToLock
        self._calendar_import.start()

    def _calendar_imported(self) -> None:
        self.session.announce(Change.of(jobs.MEETING))

    def delete_current(self) -> None:
        view = self.current_view()
        if view is not None and self.session.is_unlocked:
            view.delete_selected()

    def _trashed(self, kind: str, record_id: str) -> None:
        self.undo_stack.append((kind, record_id))
        undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.show_message(f"Moved the {kind} to the Trash — {undo_key} to undo")

    def undo_delete(self) -> None:
        if not self.undo_stack or self.session.services is None:
            self.show_message("Nothing to undo")
            return
        kind, record_id = self.undo_stack.pop()
        self.session.services.trash.restore(record_id)
        self.show_message(f"Restored the {kind}")
        self.session.announce(Change.of(kind))
        self.open_record(kind, record_id)

    def focus_filter(self) -> None:
        self.show_section("outcomes")
        view = self.views["outcomes"]
        if isinstance(view, OutcomesView):
            view.focus_filter()

    def open_palette(self) -> None:
        if self.session.is_unlocked:
            self.palette_popup.set_commands(self._palette_commands(), list(PALETTE_MAIN))
            self.palette_popup.popup()

    def _palette_commands(self) -> list[PaletteCommand]:
        """Every enabled command of the menus, with its keys as the menu shows them."""
        found = []
        for command in COMMANDS:
            action = self.actions_by_name[command.name]
            if command.menu is None or command.name == "search" or not action.isEnabled():
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            found.append(PaletteCommand(command.name, action.text().replace("&", ""), keys))
        return found

    def run_command(self, name: str) -> None:
        """A command chosen in the palette: as if its menu item were clicked."""
        action = self.actions_by_name.get(name)
        if action is not None and action.isEnabled():
            action.trigger()

    def toggle_tree(self) -> None:
        self.show_section("priorities")
        view = self.views["priorities"]
        if isinstance(view, PrioritiesView):
            view.tree_toggle.toggle()

    def open_settings(self) -> None:
        templates = (
            [t.name for t in self.session.services.templates.list()]
            if self.session.services
            else []
        )
        dialog = SettingsDialog(self.settings, templates, self, services=self.session.services)
        if dialog.exec():
            from upwardprep.gui.look import apply_look

            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_look(app, self.settings.appearance)
            self.session.set_auto_lock_minutes(self.settings.auto_lock_minutes)
            priorities = self.views["priorities"]
            if isinstance(priorities, PrioritiesView):
                priorities.stale_days = self.settings.stale_after_days
                if self.session.services is not None:
                    priorities.clear()
                    priorities.bind(self.session.services)
            for key in ("dashboard", "alignment"):
                view = self.views[key]
                if isinstance(view, DashboardView | AlignmentView):
                    view.stale_days = self.settings.stale_after_days
                    if view.services is not None:
                        view.refresh()
            self._update_lock_label()
            self.show_message("Settings saved")

    def show_shortcuts(self) -> None:
        from upwardprep.gui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.actions_by_name, self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME} {__version__}</b><p>An offline, encrypted workbench for managing up "
            "and preparing one-on-ones. Your notes never leave this computer.</p>",
        )

    def export_brief(self) -> None:
        from upwardprep.gui.export_flow import pick_and_export_brief  # ReportLab loads on use

        if self.session.services is not None:
            self.flush_all()
            pick_and_export_brief(self, self.session.services)

    def export_handoff(self) -> None:
        from upwardprep.gui.export_flow import pick_and_export_handoff

        if self.session.services is not None:
            self.flush_all()
            pick_and_export_handoff(self, self.session.services)

    def export_packet(self) -> None:
        from upwardprep.gui.export_flow import pick_and_export_packet

        if self.session.services is not None:
            self.flush_all()
            pick_and_export_packet(self, self.session.services)

    def weekly_update(self, person_id: str = "") -> None:
        from upwardprep.gui.dialogs.update import UpdateDialog

        if self.session.services is None:
            return
        self.flush_all()
        dialog = UpdateDialog(self.session.services, person_id or None, self)
        self.session.aboutToLock.connect(dialog.reject)
        try:
            if dialog.exec():
                self.show_message("Update saved")
        finally:
            self.session.aboutToLock.disconnect(dialog.reject)

    def _open_meeting(self, meeting_id: str) -> None:
        """From the nudge before a 1:1: the window to the front, on the meeting."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if self.session.is_unlocked:
            self.open_record("meeting", meeting_id)

    def _discard_refused(self) -> bool:
        """Asked on quit when a form holds input that could not be saved."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText("Some changes could not be saved.")
        box.setInformativeText(
            f"{self.statusBar().currentMessage() or 'A field holds a value the store refused.'}"
            "\n\nQuit anyway and lose them, or go back and correct them?"
        )
        discard = box.addButton("&Quit and Discard", QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton("&Go Back", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is discard

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    # -- lock and unlock -------------------------------------------------------------------

    def _on_unlocked(self) -> None:
        services = self.session.services
        assert services is not None
        self.session.set_auto_lock_minutes(self.settings.auto_lock_minutes)
        # Sections load when first shown: unlocking costs only the one on screen.
        self.palette_popup.bind(services)
        self.nav.setEnabled(True)
        for action in self.actions_by_name.values():
            action.setEnabled(True)
        section = str(self.settings.qsettings.value("state/section", "outcomes"))
        self.nav.setCurrentItem(None)
        self.show_section(section if section in self.nav_items else "outcomes")
        self._update_lock_label()
        self.show_message("Unlocked")

    def flush_all(self) -> bool:
        """Save every open form; False if one holds input the store refused."""
        saved = all([view.flush() for view in self.views.values()])
        self._save_columns()
        return saved

    def _on_locked(self) -> None:
        self.palette_popup.hide()
        self.palette_popup.bind(None)
        for view in self.views.values():
            view.unbind()
        self.undo_stack.clear()
        self.stack.setCurrentWidget(self.locked_page)
        self.nav.setEnabled(False)
        for command in COMMANDS:
            self.actions_by_name[command.name].setEnabled(command.when_locked)
        self.lock_label.setText("Locked")
        self.locked_page.button.setFocus()

    def _update_lock_label(self) -> None:
        seconds = self.session.seconds_until_lock()
        if not self.session.is_unlocked:
            self.lock_label.setText("Locked")
        elif seconds is None:
            self.lock_label.setText("Auto-lock off")
        else:
            minutes = max(1, round(seconds / 60))
            self.lock_label.setText(f"Locks in {minutes} min when idle")

    # -- window state ----------------------------------------------------------------------

    def _tables(self) -> list[QAbstractItemView]:
        return [
            view
            for view in self.findChildren(QAbstractItemView)
            if isinstance(view, QTableView | QTreeView) and view.objectName()
        ]

    def _restore_columns(self) -> None:
        for view in self._tables():
            header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
            saved = self.settings.state(f"columns/{view.objectName()}")
            if saved is not None and view.model() is not None:
                header.restoreState(saved)

    def _save_columns(self) -> None:
        for view in self._tables():
            header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
            if view.model() is not None and header.count():
                self.settings.save_state(f"columns/{view.objectName()}", header.saveState())

    def _splitters(self) -> list[QSplitter]:
        return [self.splitter, *self.findChildren(QSplitter)]

    def _restore_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.state("windowState")
        if state is not None:
            self.restoreState(state)
        for splitter in self._splitters():
            saved = self.settings.state(f"splitter/{splitter.objectName()}")
            if saved is not None:
                splitter.restoreState(saved)

    def save_state(self) -> None:
        self.settings.save_state("geometry", self.saveGeometry())
        self.settings.save_state("windowState", self.saveState())
        for splitter in self._splitters():
            if splitter.objectName():
                self.settings.save_state(
                    f"splitter/{splitter.objectName()}", QByteArray(splitter.saveState())
                )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush_all() and not self._discard_refused():
            event.ignore()
            return
        self.save_state()
        self.session.close()
        event.accept()
