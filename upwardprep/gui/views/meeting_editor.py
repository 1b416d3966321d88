"""One meeting: when and with whom, its agenda (ordered, time-boxed, ticked off as discussed),
notes, decisions, action items and the outcome notes captured during it.

Everything saves itself like the other editors. A held meeting is a record: its fields are
disabled, its texts read-only, and a banner offers to reopen it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from upwardprep.gui.models.base import IdRole
from upwardprep.gui.models.dates import absolute
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.theme import set_tone
from upwardprep.gui.views.meeting_parts import MeetingPartsEditor
from upwardprep.gui.widgets.record_picker import chosen_id, person_choices
from upwardprep.services import ValidationError
from upwardprep.services.common import limit_of
from upwardprep.services.labels import MEETING_KIND_LABELS, label_of
from upwardprep.services.meetings import (
    MEETING_FIELDS,
    MeetingData,
    MeetingInFuture,
)
from upwardprep.services.outcomes import OutcomeFilter


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    day, time = value.date(), value.time()
    # Naive: the services read a typed time as the user's local time.
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


class MeetingEditor(MeetingPartsEditor):
    finished = Signal(str)  # meeting id, once held
    reopened = Signal(str)
    open_outcome = Signal(str)
    add_outcome_requested = Signal(str)  # meeting id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # sets up self.ui, the agenda and the actions pages
        ui = self.ui
        self.heading, self.add_outcome_button, self.finish_button = (
            ui.sectionTitle,
            ui.addOutcomeButton,
            ui.finishButton,
        )
        self.banner, self.banner_label, self.reopen_button = (
            ui.heldBanner,
            ui.heldBannerLabel,
            ui.reopenButton,
        )
        self.title_edit, self.person, self.kind = ui.meetingTitle, ui.meetingPerson, ui.meetingKind
        self.when, self.length, self.tabs = ui.meetingWhen, ui.meetingLength, ui.meetingTabs
        self.notes, self.decisions = ui.meetingNotes, ui.meetingDecisions
        self.total, self.actions_hint, self.outcomes = (
            ui.agendaTotal,
            ui.actionsHint,
            ui.meetingOutcomes,
        )

        self.banner.hide()
        self.title_edit.setMaxLength(limit_of(MEETING_FIELDS["title"]))
        for value, label in MEETING_KIND_LABELS.items():
            self.kind.addItem(label, value.value)
        self.notes.sourceWidget().setPlaceholderText("What was said, in Markdown")
        self.decisions.sourceWidget().setPlaceholderText("- What was decided, one per line")
        self.watch(
            self.title_edit,
            self.person,
            self.kind,
            self.length,
            self.notes,
            self.decisions,
            self.item_body,
        )
        self.when.dateTimeChanged.connect(self.mark_dirty)
        self.finish_button.clicked.connect(self.finish)
        self.reopen_button.clicked.connect(self.reopen)
        self.add_outcome_button.clicked.connect(self._request_outcome)
        self.outcomes.itemActivated.connect(lambda item: self.open_outcome.emit(item.data(IdRole)))

    @property
    def meeting(self) -> MeetingData | None:
        return self._meeting

    # -- RecordEditor ----------------------------------------------------------------------

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        meeting = self.services.meetings.get(record_id)
        self._meeting = meeting
        people = self.services.people.list()
        self.person.set_choices(person_choices(people))
        self.person.set_current_id(meeting.person_id)
        self.title_edit.setText(meeting.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(meeting.kind)))
        self.when.setDateTime(to_qdatetime(meeting.scheduled_at))
        self.length.setValue(meeting.duration_minutes)
        self.notes.setText(meeting.notes)
        self.decisions.setText(meeting.decisions)
        self._people = {p.id: p.name for p in people}
        self._load_parts(meeting)
        self._set_held(meeting)
        self._load_outcomes()

    def _load_outcomes(self) -> None:
        assert self.services is not None and self._meeting is not None
        self.outcomes.clear()
        for outcome in self.services.outcomes.list(OutcomeFilter(meeting_id=self._meeting.id)):
            item = QListWidgetItem(outcome.title)
            item.setData(IdRole, outcome.id)
            item.setToolTip(absolute(outcome.occurred_on))
            self.outcomes.addItem(item)
        self._update_counts()

    def _set_held(self, meeting: MeetingData) -> None:
        held = meeting.is_held
        self.heading.setText(meeting.title or label_of(MEETING_KIND_LABELS, meeting.kind))
        if held:
            when = absolute(meeting.held_at) if meeting.held_at else "earlier"
            self.banner_label.setText(
                f"<b>Held</b> — finished {when}. This meeting is a record; "
                "reopen it to change anything."
            )
        self.banner.setVisible(held)
        for widget in (
            self.title_edit,
            self.person,
            self.kind,
            self.when,
            self.length,
            self.add_item_edit,
            self.item_up,
            self.item_down,
            self.item_remove,
            self.add_action_edit,
            self.add_action_owner,
            self.add_action_due,
            self.action_remove,
            self.finish_button,
        ):
            widget.setEnabled(not held)
        for editor in (self.notes, self.decisions, self.item_body):
            editor.sourceWidget().setReadOnly(held)
        self.finish_button.setVisible(not held)
        self.actions_hint.setText(
            "Items open when it was finished were carried to the next meeting with this person."
            if held
            else "Open items move to the next meeting with this person when you finish this one."
        )
        self.add_outcome_button.setVisible(not held)

    def _save(self, record_id: str) -> None:
        assert self.services is not None and self._meeting is not None
        meeting = self._meeting
        wanted = {
            "title": self.title_edit.text(),
            "person_id": chosen_id(self.person, "person"),
            "kind": self.kind.currentData(),
            "scheduled_at": from_qdatetime(self.when.dateTime()),
            "duration_minutes": self.length.value(),
            "notes": self.notes.text(),
            "decisions": self.decisions.text(),
        }
        was = {
            "title": meeting.title,
            "person_id": meeting.person_id,
            "kind": meeting.kind,
            "scheduled_at": from_qdatetime(to_qdatetime(meeting.scheduled_at)),
            "duration_minutes": meeting.duration_minutes,
            "notes": meeting.notes,
            "decisions": meeting.decisions,
        }
        changes = {key: value for key, value in wanted.items() if was[key] != value}
        # The item's text first: a refused meeting field must not cost what was typed there.
        body = self.item_body.text()
        if self._item_id is not None and body != self._item_body:
            item = self.services.meetings.update_agenda_item(self._item_id, body=body)
            self._item_body = item.body
            self.agenda_model.update_item(item)
        if changes:
            self._meeting = self.services.meetings.update(record_id, **changes)
            if "person_id" in changes:
                self.actions_model.load(self._meeting, self._people)
            self.heading.setText(
                self._meeting.title or label_of(MEETING_KIND_LABELS, self._meeting.kind)
            )
            self._update_counts()

    def _blank(self) -> None:
        self._meeting = None
        self._item_id = None
        self._item_body = ""
        self._people = {}
        self.heading.setText("Meeting")
        self.item_label.setText("Text of the selected item")
        for field in (self.title_edit, self.add_item_edit, self.add_action_edit):
            field.clear()
        for picker in (self.person, self.add_action_owner):
            picker.set_choices([])
            picker.set_current_id(None)
        self.kind.setCurrentIndex(-1)
        self.length.setValue(30)
        for editor in (self.notes, self.decisions, self.item_body):
            editor.clear()
            editor.sourceWidget().setReadOnly(False)
        self.outcomes.clear()
        self.banner.hide()
        self.banner_label.clear()
        if hasattr(self, "agenda_model"):
            self.agenda_model.clear()
            self.actions_model.clear()
        self.total.clear()
        for index, name in enumerate(("Agenda", "Notes", "Decisions", "Actions", "Outcomes")):
            self.tabs.setTabText(index, name)

    def clear(self) -> None:
        super().clear()
        self.item_body.clear()

    # -- whole meeting ---------------------------------------------------------------------

    def reload(self) -> None:
        """Public: show the store's current state of this meeting (after a draft, a capture)."""
        if self.services is None or self.record_id is None:
            return
        self.flush()
        self.load(self.services, self.record_id)

    def _update_counts(self) -> None:
        if self._meeting is None:
            return
        total = self.agenda_model.total_minutes()
        length = self.length.value()
        over = total > length
        text = f"{total} of {length} min"
        if over:
            text += f" — {total - length} over"
        self.total.setText(text)
        self.total.setProperty("over", over)
        set_tone(self.total, "danger" if over else "muted")
        font = self.total.font()
        font.setBold(over)
        self.total.setFont(font)
        self.total.setToolTip(
            "The agenda's time boxes add up to more than the meeting"
            if over
            else "Time boxes of the agenda against the meeting's length"
        )
        items = self.agenda_model.rowCount()
        open_actions = self.actions_model.open_count()
        self.tabs.setTabText(0, f"Agenda ({items})" if items else "Agenda")
        state = "carried" if self._meeting.is_held else "open"
        self.tabs.setTabText(3, f"Actions ({open_actions} {state})" if open_actions else "Actions")
        count = self.outcomes.count()
        self.tabs.setTabText(4, f"Outcomes ({count})" if count else "Outcomes")

    def mark_dirty(self, *args: object) -> None:
        super().mark_dirty(*args)
        if not self._loading and self._meeting is not None:
            self._update_counts()  # the length changes what the total is measured against

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def finish(self) -> None:
        if self.services is None or self.record_id is None or self._meeting is None:
            return
        if not self.flush():
            return
        open_count = self.actions_model.open_count()
        who = self._meeting.person_name
        carry = (
            f" {open_count} open action item{'s' if open_count != 1 else ''} will move to the "
            f"next meeting{f' with {who}' if who else ''}."
            if open_count
            else ""
        )
        if not self._confirm(
            "Finish meeting",
            "Mark this meeting as held? It becomes a read-only record." + carry,
        ):
            return
        meeting_id = self.record_id
        stale_days = AppSettings().stale_after_days  # the next agenda is drafted on finishing
        try:
            try:
                self.services.agenda.finish(meeting_id, stale_days=stale_days)
            except MeetingInFuture as ahead:  # held "tomorrow" would hide today's outcomes
                if not self._confirm("Finish meeting", str(ahead)):
                    return
                self.services.agenda.finish(meeting_id, at_now=True, stale_days=stale_days)
        except ValidationError as error:
            self.failed.emit(str(error))
            return
        self.load(self.services, meeting_id)
        self.finished.emit(meeting_id)

    def reopen(self) -> None:
        if self.services is None or self.record_id is None:
            return
        if not self._confirm(
            "Reopen meeting",
            "Reopen this held meeting for changes? Action items already carried to the next "
            "meeting stay there.",
        ):
            return
        meeting_id = self.record_id
        self.services.meetings.reopen(meeting_id)
        self.load(self.services, meeting_id)
        self.reopened.emit(meeting_id)

    def _request_outcome(self) -> None:
        if self.record_id is not None and self.flush():
            self.add_outcome_requested.emit(self.record_id)

    def outcome_added(self) -> None:
        if self._meeting is not None:
            self._load_outcomes()
