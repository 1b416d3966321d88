"""Meetings: per person, upcoming first then the record of past ones, beside the meeting editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from upwardprep.gui import jobs
from upwardprep.gui.dialogs.finish_summary import FinishSummaryDialog, summarise
from upwardprep.gui.forms.ui_meetings_bar import Ui_MeetingsBar
from upwardprep.gui.jobs import Change
from upwardprep.gui.models.base import today_of
from upwardprep.gui.models.meeting_parts import ActionsModel, AgendaModel
from upwardprep.gui.models.meetings import MeetingsModel
from upwardprep.gui.views.base import ListDetailView, fill_combo, size_columns
from upwardprep.gui.views.meeting_editor import MeetingEditor
from upwardprep.services import Services

MEETING_HOUR = 10  # a new meeting starts at this local hour unless the user says otherwise


class MeetingsView(ListDetailView):
    section = "meetings"
    watches = frozenset({jobs.MEETING, jobs.PERSON})
    title = "Meetings"
    blank_on_empty_selection = True

    draft_requested = Signal(str)  # person id ("" for: ask)
    templates_requested = Signal()
    add_outcome_requested = Signal(str)  # meeting id

    def __init__(self, parent: QWidget | None = None) -> None:
        bar = QWidget()
        bar_ui = Ui_MeetingsBar()
        bar_ui.setupUi(bar)
        super().__init__(
            "meetings",
            MeetingEditor(),
            empty="No meetings yet — plan your next 1:1 and walk in prepared. Ctrl+N",
            top=bar,
            stretch=(2, 3),
            sizes=(420, 640),
            parent=parent,
        )
        self.editor: MeetingEditor
        self.model: MeetingsModel | None = None
        self.summary_dialog: FinishSummaryDialog | None = None
        self.person_filter, self.suggested = bar_ui.meetingPersonFilter, bar_ui.suggestedNext
        self.new_button, self.draft_button, self.templates_button = (
            bar_ui.newMeetingButton,
            bar_ui.draftAgendaButton,
            bar_ui.templatesButton,
        )
        self.editor.finished.connect(self._finished)
        self.editor.reopened.connect(self._reopened)
        self.editor.open_outcome.connect(lambda oid: self.open_record.emit("outcome", oid))
        self.editor.add_outcome_requested.connect(self.add_outcome_requested.emit)
        self.person_filter.currentIndexChanged.connect(self._person_changed)
        self.new_button.clicked.connect(self.new_record)
        self.draft_button.clicked.connect(lambda: self.draft_requested.emit(self.person_id() or ""))
        self.templates_button.clicked.connect(self.templates_requested.emit)
        self._tab_keys()

    def _tab_keys(self) -> None:
        """Alt+1…5 for the meeting's tabs, and Ctrl+Tab / Ctrl+PgDown (Shift+, PgUp: back)
        from anywhere in the section, not only once the focus is on the tabs."""
        tabs = self.editor.findChild(QTabWidget, "meetingTabs")
        if tabs is None:
            return
        self.tabs = tabs

        def go(index: int) -> None:
            if tabs.isEnabled() and 0 <= index < tabs.count():
                tabs.setCurrentIndex(index)

        def step(delta: int) -> None:
            go((tabs.currentIndex() + delta) % max(1, tabs.count()))

        keys: list[tuple[str, Callable[[], None]]] = [
            (f"Alt+{n + 1}", partial(go, n)) for n in range(min(9, tabs.count()))
        ]
        keys += [
            ("Ctrl+Tab", partial(step, 1)),
            ("Ctrl+PgDown", partial(step, 1)),
            ("Ctrl+Shift+Tab", partial(step, -1)),
            ("Ctrl+Shift+Backtab", partial(step, -1)),
            ("Ctrl+PgUp", partial(step, -1)),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- binding ---------------------------------------------------------------------------

    def bind(self, services: Services) -> None:
        self.model = MeetingsModel(services)
        self.table.setModel(self.model)
        size_columns(
            self.table,
            {
                MeetingsModel.WHEN: 17,
                MeetingsModel.STATUS: 10,
                MeetingsModel.AGENDA: 18,  # "4 (+45) · 29/30 min"
                MeetingsModel.ACTIONS: 4,
            },
            stretch=MeetingsModel.TITLE,
            drop=(MeetingsModel.ACTIONS, MeetingsModel.AGENDA, MeetingsModel.STATUS),
            title_chars=18,  # "1:1 with Dana": meeting titles are short
        )
        self.editor.bind_models(AgendaModel(services, self), ActionsModel(services, self))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        super().bind(services)

    def refresh(self) -> None:
        if self.model is None or self.services is None:
            return
        fill_combo(
            self.person_filter,
            [("Everyone", None)] + [(p.name, p.id) for p in self.services.people.list()],
        )
        keep = self.editor.record_id
        self.model.set_person(self.person_filter.currentData())
        self._show_list()
        self._update_suggestion()
        if keep is None or not self.select(keep):
            self._select_row(0)

    def _person_changed(self) -> None:
        if self.model is None:
            return
        self.editor.flush()
        keep = self.editor.record_id
        self.model.set_person(self.person_filter.currentData())
        self._show_list()
        self._update_suggestion()
        if keep is None or not self.select(keep):
            self._select_row(0)

    def person_id(self) -> str | None:
        """The person in view: the filter's, else the selected meeting's."""
        chosen = self.person_filter.currentData()
        if chosen:
            return str(chosen)
        meeting = self.editor.meeting
        return meeting.person_id if meeting is not None else None

    def set_person(self, person_id: str | None) -> None:
        index = self.person_filter.findData(person_id)
        if index >= 0:
            self.person_filter.setCurrentIndex(index)

    def suggested_date(self, person_id: str) -> datetime:
        """When the next meeting with someone should be (the agenda service's cadence rule), at
        the hour of the last one."""
        assert self.services is not None
        day = self.services.agenda.suggested_next_date(person_id)
        meetings = self.services.meetings.list(person_id=person_id)
        last = meetings[0].scheduled_at.astimezone() if meetings else None
        hour, minute = (last.hour, last.minute) if last else (MEETING_HOUR, 0)
        return datetime(day.year, day.month, day.day, hour, minute)

    def _update_suggestion(self) -> None:
        person_id = self.person_filter.currentData()
        if self.services is None or not person_id:
            self.suggested.setText("")
            return
        from upwardprep.gui.models.dates import relative_day

        when = self.suggested_date(person_id)
        upcoming = [
            m
            for m in self.services.meetings.list(person_id=person_id, status="planned")
            if m.scheduled_at.astimezone().date() >= today_of(self.services)
        ]
        day = relative_day(when.date(), today_of(self.services))
        if upcoming:
            self.suggested.setText(f"Next: {day}, already planned")
        else:
            self.suggested.setText(f"Next suggested: {day} ({when:%a %d %b})")

    # -- commands --------------------------------------------------------------------------

    def new_record(self) -> None:
        if self.services is None:
            return
        self.editor.flush()
        person_id = self.person_id()
        if person_id:
            person = self.services.people.get(person_id)
            when = self.suggested_date(person_id)
            first = person.name.split()[0] if person.name.split() else person.name
            meeting = self.services.meetings.create(
                when, person_id=person_id, title=f"1:1 with {first}", kind="1:1"
            )
        else:
            day = today_of(self.services) + timedelta(days=1)
            meeting = self.services.meetings.create(
                datetime(day.year, day.month, day.day, MEETING_HOUR), title="New meeting"
            )
        self.refresh()
        self.select(meeting.id)
        self.editor.title_edit.setFocus()
        self.editor.title_edit.selectAll()
        self.status.emit("Meeting planned")

    def delete_selected(self) -> None:
        """Delete what has the focus: an agenda item, an action item, or the meeting."""
        focus = QApplication.focusWidget()
        if focus is not None and focus is self.editor.agenda_table:
            self.editor.remove_item()
            return
        if focus is not None and focus is self.editor.actions_table:
            self.editor.remove_action()
            return
        record_id = self.editor.record_id
        if self.services is None or record_id is None or self.model is None:
            return
        self.editor.flush()
        row = self.model.row_of(record_id)
        self.services.meetings.trash(record_id)
        self.editor.load(self.services, None)
        self.refresh()
        self._select_row(max(0, min(row, self.model.rowCount() - 1)))
        self.trashed.emit("meeting", record_id)

    def show_meeting(self, meeting_id: str) -> None:
        """Select a meeting, widening the person filter if it hides it."""
        if not self.select(meeting_id):
            self.person_filter.setCurrentIndex(0)
            self.select(meeting_id)

    def select(self, record_id: str) -> bool:
        if self.model is None:
            return False
        if self.model.row_of(record_id) < 0:
            return False
        return super().select(record_id)

    def on_changed(self, change: Change) -> None:
        """A note captured meanwhile (quick capture, Add outcome) joins the editor's list."""
        super().on_changed(change)
        if jobs.OUTCOME in change.kinds and self.services is not None and self.on_screen():
            self.editor.outcome_added()

    def _finished(self, meeting_id: str) -> None:
        if self.services is None:
            return
        summary = summarise(self.services, meeting_id)
        people = {p.id: p.name for p in self.services.people.list()}
        self.refresh()
        self.select(meeting_id)
        self.summary_dialog = FinishSummaryDialog(summary, people, self)
        self.summary_dialog.open_meeting.connect(self.show_meeting)
        self.summary_dialog.open()
        carried = len(summary.carried)
        self.status.emit(
            "Meeting finished"
            + (f"; {carried} action item{'s' if carried != 1 else ''} carried" if carried else "")
        )

    def _reopened(self, meeting_id: str) -> None:
        self._saved(meeting_id)
        self.status.emit("Meeting reopened")

    def current_open_meeting(self) -> tuple[str, str] | None:
        """(id, label) of the planned meeting on screen: quick capture links notes to it."""
        meeting = self.editor.meeting
        if meeting is None or meeting.is_held or not self.isVisible():
            return None
        label = meeting.title or "this meeting"
        when = meeting.scheduled_at.astimezone()
        return meeting.id, f"{label} ({when:%a %d %b})"

    def clear(self) -> None:
        if self.summary_dialog is not None:
            self.summary_dialog.close()
            self.summary_dialog = None
        super().clear()
        self.person_filter.clear()
        self.suggested.clear()
        self.editor.unbind_models()
