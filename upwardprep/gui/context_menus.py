"""The right-button menu (or Shift+F10, the Menu key) of every list and tree of the window.

Each list gets the actions that fit its kind of record: open it, link it to a priority,
confirm it, mark it done, move it to the Trash, copy it as Markdown, add a new one. Where the
command table (gui/commands.py) has the command, the menu shows the window's own QAction (same
words, icon and shortcut; it acts on the current record, which the click made current); the
rest write through the services and announce the change, so every section on screen follows.

The menu opens with popup(), not exec(): the window stays live, and `last_menu` lets a test
find the menu that opened and trigger one of its actions.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from upwardprep.gui import jobs
from upwardprep.gui.commands import COMMANDS
from upwardprep.gui.jobs import Change
from upwardprep.gui.models.base import IdRole
from upwardprep.gui.views.base import SectionView
from upwardprep.gui.views.person_hub import OpenIdRole
from upwardprep.services import NotFound, ValidationError
from upwardprep.services.labels import UPWARD_ROLES, PriorityStatus

if TYPE_CHECKING:
    from upwardprep.gui.main_window import MainWindow
    from upwardprep.services import Services

TEXT = {command.name: command.text for command in COMMANDS}
Builder = Callable[[SectionView, QAbstractItemView, "str | None", QMenu], None]
# The person page's lists: which kind of record each row is.
HUB_LISTS = {
    "mineList": "action",
    "theirsList": "action",
    "prioritiesList": "priority",
    "recentList": "outcome",
}
KIND_CHANGES = {
    "outcome": jobs.OUTCOME,
    "priority": jobs.PRIORITY,
    "person": jobs.PERSON,
    "meeting": jobs.MEETING,
    "action": jobs.MEETING,
    "agenda item": jobs.MEETING,
}


class RowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_menu: QMenu | None = None
        self._lists: dict[QAbstractItemView, tuple[SectionView, Builder]] = {}
        self._builders: dict[str, Builder] = {
            "peopleTable": self._person_menu,
            "prioritiesTable": self._priority_menu,
            "prioritiesTree": self._priority_menu,
            "outcomesTable": self._outcome_menu,
            "meetingsTable": self._meeting_menu,
            "agendaTable": self._agenda_menu,
            "actionsTable": self._action_menu,
            "reviewsTable": self._review_menu,
            "trashTable": self._trash_menu,
            "alignmentTree": self._alignment_menu,
            "unalignedTable": self._unaligned_menu,
            **{name: self._hub_menu for name in HUB_LISTS},
        }

    # -- wiring ------------------------------------------------------------------------------

    def install(self, view: SectionView) -> None:
        """Give every list of the section its menu (the dashboard asks by signal)."""
        for widget in view.findChildren(QAbstractItemView):
            builder = self._builders.get(widget.objectName())
            if builder is None:
                continue
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
            self._lists[widget] = (view, builder)
            widget.installEventFilter(self)
            widget.viewport().installEventFilter(self)
        menu_requested = getattr(view, "menu_requested", None)
        if menu_requested is not None:
            menu_requested.connect(self._requested)

    def _requested(self, kind: str, record_id: str, meeting_id: str, where: QPoint) -> None:
        self.record_menu(kind, record_id, meeting_id or None, where=where)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        widget = watched if watched in self._lists else watched.parent()
        if not isinstance(widget, QAbstractItemView) or widget not in self._lists:
            return False
        self.open_for(widget, event)
        return True

    def open_for(self, widget: QAbstractItemView, event: QContextMenuEvent) -> None:
        """The menu of the row under the pointer (which becomes current), or of the current
        row when the keyboard asked."""
        view, builder = self._lists[widget]
        viewport = widget.viewport()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = widget.currentIndex()
            rect = widget.visualRect(index)
            pos = rect.center() if index.isValid() else viewport.rect().center()
        else:
            pos = viewport.mapFromGlobal(event.globalPos())
            index = widget.indexAt(pos)
            if index.isValid() and index != widget.currentIndex():
                widget.setCurrentIndex(index)
        record_id = index.data(IdRole) if index.isValid() else None
        menu = QMenu(widget)
        builder(view, widget, str(record_id) if record_id else None, menu)
        self._show(menu, viewport.mapToGlobal(pos))

    def _show(self, menu: QMenu, where: QPoint) -> None:
        if self.last_menu is not None:
            self.last_menu.deleteLater()
        self.last_menu = menu
        if not menu.isEmpty():
            menu.popup(where)

    # -- shared entries ----------------------------------------------------------------------

    @property
    def services(self) -> Services | None:
        return self.window.session.services

    def _command(self, menu: QMenu, name: str) -> None:
        menu.addAction(self.window.actions_by_name[name])

    def _entry(
        self, menu: QMenu, text: str, run: Callable[[], object], *, enabled: bool = True
    ) -> QAction:
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: run())
        return action

    def _copy(
        self, menu: QMenu, kind: str, record_id: str, text: str = "&Copy as Markdown"
    ) -> None:
        self._entry(menu, text, partial(self.copy_markdown, kind, record_id))

    def copy_markdown(self, kind: str, record_id: str) -> None:
        if self.services is None:
            return
        try:
            text = self.services.markdown.of(kind, record_id)
        except NotFound as error:
            self.window.show_message(str(error))
            return
        QGuiApplication.clipboard().setText(text)
        self.window.show_message("Copied as Markdown (the clipboard is cleared when the app locks)")

    def _write(self, kind: str, message: str, work: Callable[[Services], object]) -> None:
        """One service call for the menu, then every section on screen shows the change."""
        if self.services is None:
            return
        current = self.window.current_view()
        if current is not None:
            current.flush()
        try:
            work(self.services)
        except (ValidationError, NotFound) as error:
            self.window.show_message(str(error))
            return
        self.window.session.announce(Change.of(KIND_CHANGES.get(kind, kind)))
        self.window.show_message(message)

    def _open(self, menu: QMenu, kind: str, record_id: str, text: str = "&Open") -> None:
        action = self._entry(menu, text, partial(self.window.open_record, kind, record_id))
        font = action.font()
        font.setBold(True)  # what a double-click does
        action.setFont(font)

    def _link_menu(self, menu: QMenu, outcome_id: str) -> None:
        """Link to Priority ▸ every open priority, the linked ones ticked (untick unlinks)."""
        services = self.services
        if services is None:
            return
        submenu = menu.addMenu("&Link to Priority")
        linked = set(services.outcomes.get(outcome_id).priority_ids)
        for priority in services.priorities.list(statuses=["active", "at-risk"]):
            owner = f" — {priority.owner_name}" if priority.owner_name else ""
            action = submenu.addAction(f"{priority.title}{owner}")
            action.setCheckable(True)
            action.setChecked(priority.id in linked)
            action.triggered.connect(
                lambda checked, o=outcome_id, p=priority.id: self._toggle_link(o, p, checked)
            )
        if submenu.isEmpty():
            submenu.addAction("No open priority").setEnabled(False)

    def _toggle_link(self, outcome_id: str, priority_id: str, checked: bool) -> None:
        if checked:
            self._write("outcome", "Linked", lambda s: s.outcomes.link(outcome_id, priority_id))
        else:
            self._write("outcome", "Unlinked", lambda s: s.outcomes.unlink(outcome_id, priority_id))

    def _trash_and_new(self, menu: QMenu, record_id: str | None, new: str) -> None:
        if record_id is not None:
            menu.addSeparator()
            self._command(menu, "delete")
        menu.addSeparator()
        self._command(menu, new)

    # -- one builder per list ----------------------------------------------------------------

    def _person_menu(
        self, view: SectionView, _w: QAbstractItemView, pid: str | None, menu: QMenu
    ) -> None:
        if pid is not None and self.services is not None:
            editor = getattr(view, "editor", None)
            tabs = getattr(editor, "tabs", None)
            if tabs is not None:
                overview = self._entry(menu, "&Overview", partial(tabs.setCurrentIndex, 0))
                font = overview.font()
                font.setBold(True)
                overview.setFont(font)
                self._entry(menu, "&Edit Details", partial(self._edit_details, tabs))
            menu.addSeparator()
            prepare = getattr(view, "prepare", None)
            if prepare is not None:
                self._entry(menu, "&Prepare Next 1:1", partial(prepare, pid))
            self._entry(menu, TEXT["draft_agenda"], partial(self.window.draft_agenda, pid))
            person = self.services.people.get(pid)
            if person.role in {role.value for role in UPWARD_ROLES}:
                self._entry(menu, TEXT["weekly_update"], partial(self.window.weekly_update, pid))
            menu.addSeparator()
            self._copy(menu, "person", pid)
        self._trash_and_new(menu, pid, "new_person")

    @staticmethod
    def _edit_details(tabs: QWidget) -> None:
        tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        tabs.currentWidget().focusNextChild()  # type: ignore[attr-defined]

    def _priority_menu(
        self, _v: SectionView, _w: QAbstractItemView, pid: str | None, menu: QMenu
    ) -> None:
        if pid is not None and self.services is not None:
            self._command(menu, "confirm_priority")
            status = self.services.priorities.get(pid).status
            for target, text in (
                (PriorityStatus.DONE, "Mark &Done"),
                (PriorityStatus.AT_RISK, "Mark &At Risk"),
                (PriorityStatus.ACTIVE, "Mark A&ctive"),
            ):
                if status != target:
                    self._entry(menu, text, partial(self._set_status, pid, target, text))
            menu.addSeparator()
            self._copy(menu, "priority", pid)
        self._trash_and_new(menu, pid, "new_priority")

    def _set_status(self, pid: str, status: PriorityStatus, text: str) -> None:
        said = text.replace("&", "").replace("Mark ", "Marked ")
        self._write("priority", said, lambda s: s.priorities.update(pid, status=status.value))

    def _outcome_menu(
        self, _v: SectionView, _w: QAbstractItemView, oid: str | None, menu: QMenu
    ) -> None:
        if oid is not None and self.services is not None:
            self._link_menu(menu, oid)
            if self.services.outcomes.get(oid).is_open_risk:
                self._entry(
                    menu,
                    "Mark &Resolved",
                    partial(
                        self._write, "outcome", "Resolved", lambda s: s.outcomes.resolve_risk(oid)
                    ),
                )
            menu.addSeparator()
            self._copy(menu, "outcome", oid)
        self._trash_and_new(menu, oid, "new_outcome")

    def _meeting_menu(
        self, _v: SectionView, _w: QAbstractItemView, mid: str | None, menu: QMenu
    ) -> None:
        if mid is not None:
            self._command(menu, "draft_agenda")
            # a held meeting takes no more outcomes and is finished already: not offered
            if self.services is not None and not self.services.meetings.get(mid).is_held:
                self._command(menu, "add_outcome")
                self._command(menu, "finish_meeting")
            menu.addSeparator()
            self._copy(menu, "meeting", mid, "&Copy Agenda as Markdown")
        self._trash_and_new(menu, mid, "new_meeting")

    def _part_menu(
        self,
        view: SectionView,
        widget: QAbstractItemView,
        item_id: str | None,
        menu: QMenu,
        *,
        kind: str,
    ) -> None:
        """An agenda item or an action item of the meeting shown: tick it, copy, remove."""
        editor = getattr(view, "editor", None)
        model = widget.model()
        if item_id is None or editor is None or model is None:
            return
        meeting = editor.meeting
        held = meeting is not None and meeting.is_held
        index = widget.currentIndex().siblingAtColumn(0)
        ticked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        if kind == "agenda item":
            tick = "Untick (not &Discussed)" if ticked else "Tick as &Discussed"
            remove = editor.remove_item
        else:
            tick = "Open &Again" if ticked else "Mark &Done"
            remove = editor.remove_action
        after = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
        self._entry(
            menu,
            tick,
            lambda: model.setData(index, after, Qt.ItemDataRole.CheckStateRole),
            enabled=not held,
        )
        menu.addSeparator()
        self._copy(menu, kind, item_id)
        menu.addSeparator()
        self._entry(menu, "&Remove", remove, enabled=not held)

    def _agenda_menu(
        self, view: SectionView, widget: QAbstractItemView, item_id: str | None, menu: QMenu
    ) -> None:
        self._part_menu(view, widget, item_id, menu, kind="agenda item")

    def _action_menu(
        self, view: SectionView, widget: QAbstractItemView, item_id: str | None, menu: QMenu
    ) -> None:
        self._part_menu(view, widget, item_id, menu, kind="action")

    def _review_menu(
        self, view: SectionView, _w: QAbstractItemView, rid: str | None, menu: QMenu
    ) -> None:
        editor = getattr(view, "editor", None)
        if rid is not None and editor is not None:
            self._entry(menu, "Build Review &Packet…", editor.build_packet)
            menu.addSeparator()
            self._command(menu, "delete")
        menu.addSeparator()
        self._entry(menu, "&New Review Cycle", view.new_record)

    def _trash_menu(
        self, view: SectionView, _w: QAbstractItemView, rid: str | None, menu: QMenu
    ) -> None:
        if rid is None:
            return
        self._entry(menu, "&Restore", view.restore_selected)  # type: ignore[attr-defined]
        menu.addSeparator()
        self._entry(menu, "&Delete for Good…", view.purge_selected)  # type: ignore[attr-defined]

    def _alignment_menu(
        self, view: SectionView, _w: QAbstractItemView, pid: str | None, menu: QMenu
    ) -> None:
        if pid is None:
            return
        self.record_menu("priority", pid, None, menu)
        outcome = view.current_outcome()  # type: ignore[attr-defined]
        if outcome:
            menu.addSeparator()
            self._entry(menu, "&Link the Selected Note Here", view.link_selected)  # type: ignore[attr-defined]

    def _unaligned_menu(
        self, view: SectionView, _w: QAbstractItemView, oid: str | None, menu: QMenu
    ) -> None:
        if oid is None:
            return
        self.record_menu("outcome", oid, None, menu)
        self._entry(menu, "&Dismiss (Serves No Priority)", view.dismiss_selected)  # type: ignore[attr-defined]

    def _hub_menu(
        self, _v: SectionView, widget: QAbstractItemView, rid: str | None, menu: QMenu
    ) -> None:
        if rid is None:
            return
        kind = HUB_LISTS[widget.objectName()]
        opens = widget.currentIndex().data(OpenIdRole)
        self.record_menu(kind, rid, str(opens) if opens else None, menu)

    # -- a record anywhere (the dashboard, the person page, the alignment view) ---------------

    def record_menu(
        self,
        kind: str,
        record_id: str,
        meeting_id: str | None = None,
        menu: QMenu | None = None,
        where: QPoint | None = None,
    ) -> None:
        """Open, then what fits the kind, then Copy as Markdown. Without a `menu` to fill, a
        new one pops up at `where` (the dashboard's rows)."""
        own = menu is None
        menu = menu if menu is not None else QMenu(self.window)
        if kind == "action":
            if meeting_id:
                self._open(menu, "meeting", meeting_id, "&Open Meeting")
            self._entry(
                menu,
                "Mark &Done",
                partial(
                    self._write,
                    "action",
                    "Done",
                    lambda s: s.meetings.set_action_done(record_id),
                ),
            )
            self._copy(menu, "action", record_id)
        else:
            self._open(menu, kind, record_id)
            if kind == "priority":
                self._entry(
                    menu,
                    TEXT["confirm_priority"],
                    partial(
                        self._write,
                        "priority",
                        "Confirmed today",
                        lambda s: s.priorities.confirm(record_id),
                    ),
                )
            elif kind == "outcome":
                self._link_menu(menu, record_id)
            menu.addSeparator()
            self._copy(menu, kind, record_id)
        if own:
            self._show(menu, where or self.window.mapToGlobal(self.window.rect().center()))
