"""The main window: navigation on the left, the selected section in the centre, every command
in a menu with its shortcut, and a lock screen that shows nothing of the notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

from upwardprep import APP_NAME
from upwardprep.gui import jobs
from upwardprep.gui.clipboard import ClipboardGuard
from upwardprep.gui.commands import COMMANDS, DELETE_TABLES, HOME_SECTION, PALETTE_MAIN, SECTIONS
from upwardprep.gui.context_menus import RowMenus
from upwardprep.gui.jobs import Change
from upwardprep.gui.nudge import OneOnOneNudge
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.views.base import SectionView
from upwardprep.gui.widgets.search_palette import SearchPalette
from upwardprep.gui.window_dialogs import DialogCommands
from upwardprep.gui.window_shell import (
    LockedPage,
    Sections,
    compact_combos,
    icon_or_blank,
    make_actions,
    make_menus,
    make_toolbar,
    palette_commands,
    restore_columns,
    restore_splitters,
    restore_window,
    save_columns,
    save_window,
    sync_new_shortcut,
)
from upwardprep.services.labels import ROLE_PLURALS

if TYPE_CHECKING:
    from upwardprep.gui.safekeeping import Safekeeping
    from upwardprep.gui.views.outcomes import OutcomesView
    from upwardprep.gui.views.people import PeopleView
    from upwardprep.gui.views.priorities import PrioritiesView

ENTITY_SECTIONS = {
    "outcome": "outcomes",
    "priority": "priorities",
    "person": "people",
    "meeting": "meetings",
}
# Live once the work behind them is merged (documents).
SectionRole = Qt.ItemDataRole.UserRole + 10
RoleFilterRole = Qt.ItemDataRole.UserRole + 11


class MainWindow(DialogCommands):
    unlock_requested = Signal()
    backup_requested = Signal()
    restore_requested = Signal()
    passphrase_change_requested = Signal()
    data_requested = Signal(str)  # "kit", "export_all", "import_all", "import_outcomes"

    def __init__(self, session: StoreSession, settings: AppSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} — {session.name}")
        self.resize(1280, 800)
        self.undo_stack: list[tuple[str, str]] = []
        self.safekeeping: Safekeeping | None = None  # backups, kit, export all (the controller's)
        self.actions_by_name: dict[str, QAction] = {}
        self._section_before_lock: str | None = None
        self._captured_note: str | None = None  # quick-captured off Outcomes, shown there next

        # Each section's widgets are built when it is first wanted (shown, or asked for by
        # name): start-up builds none, unlocking only the one on screen. `views.values()` is
        # what exists, which is all that flushing, locking and saving need to visit.
        self.views: dict[str, SectionView] = Sections(self._build_section)
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
            item.setIcon(0, icon_or_blank(icon_name))
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
        self.row_menus = RowMenus(self)  # the right-button menu of every list
        self.palette_popup.fill_menu = self.row_menus.record_menu  # a search result's menu

        self.actions_by_name = make_actions(self)
        self._delete_action = self.actions_by_name["delete"]
        make_menus(self, self.actions_by_name)
        make_toolbar(self, self.actions_by_name)
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
        self.clipboard_guard = ClipboardGuard(self)
        self.nudge = OneOnOneNudge(session, settings, self.windowIcon(), self)
        self.nudge.open_meeting.connect(self._open_meeting)
        restore_window(self, self.settings)
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
                action.setIcon(icon_or_blank(name))
        for key, _label, icon_name in SECTIONS:
            if key in self.nav_items:
                self.nav_items[key].setIcon(0, icon_or_blank(icon_name))

    # -- actions and menus -----------------------------------------------------------------

    def request_backup(self) -> None:
        self.backup_requested.emit()

    def request_restore(self) -> None:
        self.restore_requested.emit()

    def request_passphrase_change(self) -> None:
        self.passphrase_change_requested.emit()

    def request_data(self, what: str) -> None:
        """The Emergency Kit, export all, import all, import outcomes (gui/safekeeping.py)."""
        self.data_requested.emit(what)

    def lock(self) -> None:
        self.session.lock()

    # -- sections --------------------------------------------------------------------------

    def _build_section(self, key: str) -> SectionView:
        """A section's view, its module imported now: start-up loads only the one on screen
        (the others load behind the unlocked window, see gui/startup.py)."""
        stale_days = self.settings.stale_after_days
        view: SectionView
        if key == "dashboard":
            from upwardprep.gui.views.dashboard import DashboardView

            view = DashboardView(stale_days=stale_days)
        elif key == "people":
            from upwardprep.gui.views.people import PeopleView

            view = PeopleView()
        elif key == "priorities":
            from upwardprep.gui.views.priorities import PrioritiesView

            view = PrioritiesView(stale_days=stale_days)
        elif key == "alignment":
            from upwardprep.gui.views.alignment import AlignmentView

            view = AlignmentView(stale_days=stale_days)
        elif key == "outcomes":
            from upwardprep.gui.views.outcomes import OutcomesView

            view = OutcomesView()
        elif key == "meetings":
            from upwardprep.gui.views.meetings import MeetingsView

            meetings = MeetingsView()
            meetings.draft_requested.connect(self.draft_agenda)
            meetings.templates_requested.connect(self.manage_templates)
            meetings.add_outcome_requested.connect(self.capture_for_meeting)
            view = meetings
        elif key == "reviews":
            from upwardprep.gui.views.reviews import ReviewsView

            view = ReviewsView()
        elif key == "trash":
            from upwardprep.gui.views.trash import TrashView

            view = TrashView()
        else:
            raise KeyError(key)
        compact_combos(view)
        self.stack.insertWidget(self.stack.count() - 1, view)  # the locked page stays last
        view.status.connect(self.show_message)
        self.session.changed.connect(view.on_changed)
        view.trashed.connect(self._trashed)
        view.open_record.connect(self.open_record)
        for table in view.findChildren(QAbstractItemView):
            if table.objectName() in DELETE_TABLES:
                table.addAction(self._delete_action)
        self.row_menus.install(view)
        restore_splitters(view, self.settings)
        return view

    def current_view(self) -> SectionView | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionView) else None

    def _showing(self, key: str) -> bool:
        """Whether section `key` is the one on screen (False when it was never built)."""
        view = self.current_view()
        return view is not None and view is self.views.get(key)

    def show_section(self, key: str, role: str | None = None) -> None:
        if not self.session.is_unlocked:
            return
        item = self.nav_items[key]
        if role is not None:
            for index in range(item.childCount()):
                child = item.child(index)
                if child is not None and child.data(0, RoleFilterRole) == role:
                    item = child
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
            restore_columns(self, self.settings)
        if key == "people":
            cast("PeopleView", view).set_role(item.data(0, RoleFilterRole))
        sync_new_shortcut(self.actions_by_name, key)
        if not first_show:
            view.refresh()
        if key == "outcomes" and self._captured_note is not None:
            # captured elsewhere: shown when you come
            cast("OutcomesView", view).show_record(self._captured_note)
            self._captured_note = None
        self.stack.setCurrentWidget(view)

    def open_record(self, entity: str, record_id: str) -> None:
        section = ENTITY_SECTIONS.get(entity)
        if section is None:
            return
        self.show_section(section)
        view = self.views[section]
        if section == "outcomes":
            cast("OutcomesView", view).show_record(record_id)
        elif section == "meetings":
            self.meetings_view.show_meeting(record_id)
        elif not view.select(record_id) and section == "people":
            cast("PeopleView", view).set_role(None)
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
        meeting = self.meetings_view.current_open_meeting() if self._showing("meetings") else None
        self._capture(meeting)

    def capture_for_meeting(self, meeting_id: str) -> None:
        """The meeting editor's "Add outcome": quick capture, linked to that meeting."""
        if self.session.services is None:
            return
        meeting = self.meetings_view.current_open_meeting()
        if meeting is None or meeting[0] != meeting_id:
            return
        self._capture(meeting)

    def _capture(self, meeting: tuple[str, str] | None) -> None:
        from upwardprep.gui.dialogs.quick_capture import QuickCaptureDialog

        assert self.session.services is not None
        dialog = QuickCaptureDialog(self.session.services, self, meeting=meeting)
        dialog.saved.connect(self._captured)
        # Locking while it is open (auto-lock): what was typed is saved first, like an edit.
        self.session.aboutToLock.connect(dialog.save_before_lock)
        try:
            dialog.exec()
        finally:
            self.session.aboutToLock.disconnect(dialog.save_before_lock)

    def _captured(self, outcome_id: str) -> None:
        self.show_message("Outcome saved")
        self.session.announce(Change.of(jobs.OUTCOME))
        if self._showing("outcomes"):  # the list on screen: the new note is the one shown
            cast("OutcomesView", self.views["outcomes"]).show_record(outcome_id)
        else:  # and the one shown when the user next opens Outcomes
            self._captured_note = outcome_id

    def confirm_priority(self) -> None:
        """Edit > Confirm Priority: the priority on screen (Priorities, or its tree)."""
        showing = self._showing("priorities")
        view = cast("PrioritiesView", self.views["priorities"]) if showing else None
        if view is None or view.editor.record_id is None:
            self.show_message("Select a priority in Priorities to confirm it")
            return
        view.editor.confirm()
        self.show_message("Confirmed today")

    def add_outcome_to_meeting(self) -> None:
        meeting = self.meetings_view.current_open_meeting() if self._showing("meetings") else None
        if meeting is None:
            self.show_message("Open a meeting that is not yet held to add an outcome to it")
            return
        self.capture_for_meeting(meeting[0])

    def finish_meeting(self) -> None:
        if not self._showing("meetings") or self.meetings_view.current_open_meeting() is None:
            self.show_message("Open a meeting that is not yet held to finish it")
            return
        self.meetings_view.editor.finish()

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
        if self._showing("outcomes"):
            cast("OutcomesView", self.views["outcomes"]).focus_filter()

    def open_palette(self) -> None:
        if self.session.is_unlocked:
            self.palette_popup.set_commands(
                palette_commands(self.actions_by_name), list(PALETTE_MAIN)
            )
            self.palette_popup.popup()

    def run_command(self, name: str) -> None:
        """A command chosen in the palette: as if its menu item were clicked."""
        action = self.actions_by_name.get(name)
        if action is not None and action.isEnabled():
            action.trigger()

    def toggle_tree(self) -> None:
        self.show_section("priorities")
        if self._showing("priorities"):
            cast("PrioritiesView", self.views["priorities"]).tree_toggle.toggle()

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

    # -- lock and unlock -------------------------------------------------------------------

    def open_on(self, section: str) -> None:
        """Open `section` at the next unlock instead of the Dashboard, as unlocking after a
        lock returns to the section the user was in."""
        self._section_before_lock = section

    def _on_unlocked(self) -> None:
        services = self.session.services
        assert services is not None
        self.session.set_auto_lock_minutes(self.settings.auto_lock_minutes)
        # Sections load when first shown: unlocking costs only the one on screen.
        self.palette_popup.bind(services)
        self.nav.setEnabled(True)
        for action in self.actions_by_name.values():
            action.setEnabled(True)
        # The app opens on the Dashboard (what to do before the next 1:1s); unlocking again
        # after a lock goes back to the section the user was in.
        section = self._section_before_lock or HOME_SECTION
        self.nav.setCurrentIndex(QModelIndex())  # so that showing the section is a change
        self.show_section(section if section in self.nav_items else HOME_SECTION)
        self._update_lock_label()
        self.show_message("Unlocked")

    def flush_all(self) -> bool:
        """Save every open form; False if one holds input the store refused."""
        saved = all([view.flush() for view in self.views.values()])
        save_columns(self, self.settings)
        return saved

    def _on_locked(self) -> None:
        current = self.current_view()
        if current is not None:
            self._section_before_lock = current.section
        self.clipboard_guard.clear_ours()
        self.palette_popup.hide()
        self.palette_popup.bind(None)
        for view in self.views.values():
            view.unbind()
        self.undo_stack.clear()
        self._captured_note = None
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

    def save_state(self) -> None:
        save_window(self, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush_all() and not self._discard_refused():
            event.ignore()
            return
        self.save_state()
        self.session.close()
        event.accept()
