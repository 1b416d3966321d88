"""The main window's commands that open a dialog over it: draft an agenda, the templates,
calendar import, settings, the shortcuts and About boxes, the three exports and the weekly
update. Each takes what the dialog needs from the window, waits for it (closing it if the store
locks meanwhile) and hands the result back to the window's sections and status bar.

A base class of MainWindow (the command table names the methods on the window), apart from it
because none of this is the window's own layout, navigation or locking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from upwardprep import APP_NAME, __version__
from upwardprep.gui import jobs
from upwardprep.gui.jobs import Change

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from upwardprep.gui.safekeeping import Safekeeping
    from upwardprep.gui.session import StoreSession
    from upwardprep.gui.settings import AppSettings
    from upwardprep.gui.views.alignment import AlignmentView
    from upwardprep.gui.views.base import SectionView
    from upwardprep.gui.views.dashboard import DashboardView
    from upwardprep.gui.views.meetings import MeetingsView
    from upwardprep.gui.views.priorities import PrioritiesView


class DialogCommands(QMainWindow):
    """What MainWindow sets up (its __init__) and does (the methods below that it overrides)."""

    session: StoreSession
    settings: AppSettings
    views: dict[str, SectionView]
    actions_by_name: dict[str, QAction]
    safekeeping: Safekeeping | None

    def show_section(self, key: str, role: str | None = None) -> None:
        raise NotImplementedError

    def flush_all(self) -> bool:
        raise NotImplementedError

    def _trashed(self, kind: str, record_id: str) -> None:
        raise NotImplementedError

    def _update_lock_label(self) -> None:
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    @property
    def meetings_view(self) -> MeetingsView:
        from upwardprep.gui.views.meetings import MeetingsView  # loaded with the section

        view = self.views["meetings"]
        assert isinstance(view, MeetingsView)
        return view

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

    def open_settings(self) -> None:
        templates = (
            [t.name for t in self.session.services.templates.list()]
            if self.session.services
            else []
        )
        safekeeping = self.safekeeping
        from upwardprep.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.settings,
            templates,
            self,
            services=self.session.services,
            drill=safekeeping.drill if safekeeping and self.session.services else None,
            report=safekeeping.last_report if safekeeping else None,
            now=self.session.clock,
            store=self.session.path,
        )
        if dialog.exec():
            from upwardprep.gui.look import apply_look

            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_look(app, self.settings.appearance)
            self.session.set_auto_lock_minutes(self.settings.auto_lock_minutes)
            # The sections built so far; the others read the setting when they are built.
            for key in ("priorities", "dashboard", "alignment"):
                view = self.views.get(key)
                if view is None:
                    continue
                staled = cast("PrioritiesView | DashboardView | AlignmentView", view)
                staled.stale_days = self.settings.stale_after_days
                if key == "priorities" and self.session.services is not None:
                    view.clear()
                    view.bind(self.session.services)
                elif key != "priorities" and view.services is not None:
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
        self._export("brief")

    def export_handoff(self) -> None:
        self._export("handoff")

    def export_packet(self) -> None:
        self._export("packet")

    def _export(self, document: str) -> None:
        from upwardprep.gui import export_flow  # ReportLab loads on use

        if self.session.services is not None:
            self.flush_all()
            getattr(export_flow, f"pick_and_export_{document}")(self, self.session.services)

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
