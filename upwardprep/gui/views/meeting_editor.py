"""One meeting: when and with whom, its agenda (ordered, time-boxed, ticked off as discussed),
notes, decisions, action items and the outcome notes captured during it.

Everything saves itself like the other editors. A held meeting is a record: its fields are
disabled, its texts read-only, and a banner offers to reopen it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QModelIndex, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QListWidgetItem,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from upwardprep.gui.forms.ui_meeting_editor import Ui_MeetingEditor
from upwardprep.gui.models.base import AnyIndex, IdRole
from upwardprep.gui.models.dates import absolute
from upwardprep.gui.models.meeting_parts import ActionsModel, AgendaModel
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.views.base import RecordEditor, fill_combo, get_date, size_columns
from upwardprep.services import ValidationError
from upwardprep.services.common import limit_of
from upwardprep.services.labels import MEETING_KIND_LABELS, label_of
from upwardprep.services.meetings import (
    ACTION_FIELDS,
    AGENDA_FIELDS,
    MEETING_FIELDS,
    AgendaItemData,
    MeetingData,
    MeetingInFuture,
)
from upwardprep.services.outcomes import OutcomeFilter

OVER_STYLE = "color: #b42318; font-weight: 600;"


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    day, time = value.date(), value.time()
    # Naive: the services read a typed time as the user's local time.
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


class OwnerDelegate(QStyledItemDelegate):
    """The action owner as a combo: me, them, or anyone in People."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("ownerEditor")
        model = index.model()
        if isinstance(model, ActionsModel):
            for label, key in model.owner_choices():
                combo.addItem(label, key)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MeetingEditor(RecordEditor):
    finished = Signal(str)  # meeting id, once held
    reopened = Signal(str)
    open_outcome = Signal(str)
    add_outcome_requested = Signal(str)  # meeting id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingEditor()
        self.ui.setupUi(self)
        ui = self.ui
        self._meeting: MeetingData | None = None
        self._item_id: str | None = None  # the agenda item whose text is shown
        self._item_body = ""  # as loaded, to save only a real change
        self._people: dict[str, str] = {}  # id -> name, for the action owners
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
        # the agenda page
        self.add_item_edit, self.item_up, self.item_down = (
            ui.addAgendaItemEdit,
            ui.agendaUpButton,
            ui.agendaDownButton,
        )
        self.item_remove, self.total, self.agenda_split = (
            ui.agendaRemoveButton,
            ui.agendaTotal,
            ui.agendaSplitter,
        )
        self.agenda_table, self.item_label, self.item_body = (
            ui.agendaTable,
            ui.subsectionTitle,
            ui.agendaItemBody,
        )
        # the actions and outcomes pages
        self.add_action_edit, self.add_action_owner, self.add_action_due = (
            ui.addActionEdit,
            ui.addActionOwner,
            ui.addActionDue,
        )
        self.action_remove, self.actions_table, self.actions_hint = (
            ui.actionRemoveButton,
            ui.actionsTable,
            ui.actionsHint,
        )
        self.outcomes = ui.meetingOutcomes

        self.banner.hide()
        self.title_edit.setMaxLength(limit_of(MEETING_FIELDS["title"]))
        self.add_item_edit.setMaxLength(limit_of(AGENDA_FIELDS["title"]))
        self.add_action_edit.setMaxLength(limit_of(ACTION_FIELDS["title"]))
        for value, label in MEETING_KIND_LABELS.items():
            self.kind.addItem(label, value.value)
        self.notes.sourceWidget().setPlaceholderText("What was said, in Markdown")
        self.decisions.sourceWidget().setPlaceholderText("- What was decided, one per line")
        self.item_body.sourceWidget().setPlaceholderText(
            "Talking points for this item, in Markdown"
        )
        self.agenda_table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda_table.setDragEnabled(True)
        self.agenda_table.setAcceptDrops(True)
        self.agenda_table.setDropIndicatorShown(True)
        self.agenda_split.setStretchFactor(0, 3)
        self.agenda_split.setStretchFactor(1, 2)
        self.actions_table.setItemDelegateForColumn(
            ActionsModel.OWNER, OwnerDelegate(self.actions_table)
        )
        for key, delta in (("Ctrl+Shift+Up", -1), ("Ctrl+Shift+Down", 1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, d=delta: self.move_item(d))
            self.agenda_table.addAction(action)

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
        self.add_item_edit.returnPressed.connect(self.add_item)
        self.item_up.clicked.connect(lambda: self.move_item(-1))
        self.item_down.clicked.connect(lambda: self.move_item(1))
        self.item_remove.clicked.connect(self.remove_item)
        self.add_action_edit.returnPressed.connect(self.add_action)
        self.action_remove.clicked.connect(self.remove_action)
        self.outcomes.itemActivated.connect(lambda item: self.open_outcome.emit(item.data(IdRole)))

    # -- models ----------------------------------------------------------------------------

    def bind_models(self, agenda: AgendaModel, actions: ActionsModel) -> None:
        self.agenda_model = agenda
        self.actions_model = actions
        self.agenda_table.setModel(agenda)
        self.actions_table.setModel(actions)
        size_columns(
            self.agenda_table,
            {
                AgendaModel.DISCUSSED: 3,
                AgendaModel.SECTION: 14,
                AgendaModel.MINUTES: 4,
                AgendaModel.SOURCE: 12,
            },
            stretch=AgendaModel.TITLE,
            drop=(AgendaModel.SOURCE, AgendaModel.SECTION),
        )
        size_columns(
            self.actions_table,
            {
                ActionsModel.DONE: 3,
                ActionsModel.OWNER: 14,
                ActionsModel.DUE: 11,
                ActionsModel.CARRIED: 6,
            },
            stretch=ActionsModel.TITLE,
            drop=(ActionsModel.CARRIED, ActionsModel.OWNER),
        )
        self.agenda_table.selectionModel().currentRowChanged.connect(self._item_changed)
        agenda.edited.connect(self._parts_edited)
        actions.edited.connect(self._parts_edited)
        agenda.reordered.connect(self._reselect)
        agenda.failed.connect(self.failed.emit)
        actions.failed.connect(self.failed.emit)

    def unbind_models(self) -> None:
        """Lock: the tables let go of their models, and the models are emptied and let go of
        the services (the next unlock binds new ones), so nothing of the store is left."""
        self.agenda_table.setModel(None)
        self.actions_table.setModel(None)
        if hasattr(self, "agenda_model"):
            for model in (self.agenda_model, self.actions_model):
                model.clear()
                model.services = None  # type: ignore[assignment]  # unusable until rebound

    @property
    def meeting(self) -> MeetingData | None:
        return self._meeting

    # -- RecordEditor ----------------------------------------------------------------------

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        meeting = self.services.meetings.get(record_id)
        self._meeting = meeting
        people = self.services.people.list()
        fill_combo(
            self.person,
            [("No one", None)] + [(p.name, p.id) for p in people],
            keep=meeting.person_id,
        )
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

    def _load_parts(self, meeting: MeetingData) -> None:
        keep = self._item_id
        self.agenda_model.load(meeting)
        self.actions_model.load(meeting, self._people)
        fill_combo(self.add_action_owner, self.actions_model.owner_choices(), keep="me")
        row = self.agenda_model.row_of(keep) if keep else -1
        self._show_item(None)
        if row < 0 and self.agenda_model.rowCount():
            row = 0
        if row >= 0:
            self.agenda_table.setCurrentIndex(self.agenda_model.index(row, AgendaModel.TITLE))
        self._update_counts()

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
            "person_id": self.person.currentData(),
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
        self.person.clear()
        self.add_action_owner.clear()
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

    # -- agenda ----------------------------------------------------------------------------

    def _item_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            self._show_item(current.data(IdRole) if current.isValid() else None)
            return
        self.flush()  # the text typed for the previous item belongs to it
        self._show_item(current.data(IdRole) if current.isValid() else None)

    def _show_item(self, item_id: str | None) -> None:
        item: AgendaItemData | None = None
        if item_id is not None:
            item = self.agenda_model.record_at(self.agenda_model.row_of(item_id))
        was_loading = self._loading
        self._loading = True
        try:
            self._item_id = item.id if item else None
            self._item_body = item.body if item else ""
            self.item_body.setText(self._item_body)
        finally:
            self._loading = was_loading
        held = self._meeting is not None and self._meeting.is_held
        self.item_body.setEnabled(item is not None)
        self.item_body.sourceWidget().setReadOnly(held)
        self.item_label.setText(f"Text of “{item.title}”" if item else "Text of the selected item")

    def current_item_row(self) -> int:
        index = self.agenda_table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_item(self) -> None:
        title = self.add_item_edit.text().strip()
        if not title or self.services is None or self.record_id is None:
            return
        self.flush()
        try:
            item = self.services.meetings.add_agenda_item(self.record_id, title)
        except ValidationError as error:
            self.failed.emit(str(error))
            return
        self.add_item_edit.clear()
        self._item_id = item.id
        self._reload()
        self.saved.emit(self.record_id)

    def remove_item(self) -> None:
        row = self.current_item_row()
        item = self.agenda_model.record_at(row) if row >= 0 else None
        if item is None or self.services is None or self.record_id is None:
            return
        self.flush()
        try:
            self.services.meetings.remove_agenda_item(item.id)
        except ValidationError as error:
            self.failed.emit(str(error))
            return
        following = self.agenda_model.record_at(row + 1) or self.agenda_model.record_at(row - 1)
        self._item_id = following.id if following else None
        self._reload()
        self.saved.emit(self.record_id)

    def move_item(self, delta: int) -> None:
        row = self.current_item_row()
        if row < 0:
            return
        self.flush()
        self.agenda_model.move(row, delta)

    def _reselect(self, ids: list[str]) -> None:
        if ids:
            row = self.agenda_model.row_of(ids[0])
            if row >= 0:
                self.agenda_table.setCurrentIndex(self.agenda_model.index(row, AgendaModel.TITLE))

    # -- actions ---------------------------------------------------------------------------

    def add_action(self) -> None:
        title = self.add_action_edit.text().strip()
        if not title or self.services is None or self.record_id is None:
            return
        key = self.add_action_owner.currentData() or "me"
        owner, person = (key, None) if key in ("me", "them") else ("person", key)
        try:
            action = self.services.meetings.add_action(
                self.record_id,
                title,
                owner=owner,
                owner_person_id=person,
                due_on=get_date(self.add_action_due),
            )
        except ValidationError as error:
            self.failed.emit(str(error))
            return
        self.add_action_edit.clear()
        row = self.actions_model.add(action)
        self.actions_table.setCurrentIndex(self.actions_model.index(row, ActionsModel.TITLE))
        self.saved.emit(self.record_id)

    def remove_action(self) -> None:
        index = self.actions_table.currentIndex()
        if index.isValid() and self.actions_model.remove(index.row()):
            self.saved.emit(self.record_id or "")

    # -- whole meeting ---------------------------------------------------------------------

    def _reload(self) -> None:
        """Read the meeting again (after a change to its items) without losing the place."""
        if self.services is None or self.record_id is None:
            return
        self._meeting = self.services.meetings.get(self.record_id)
        self._loading = True
        try:
            self._load_parts(self._meeting)
        finally:
            self._loading = False

    def reload(self) -> None:
        """Public: show the store's current state of this meeting (after a draft, a capture)."""
        if self.services is None or self.record_id is None:
            return
        self.flush()
        self.load(self.services, self.record_id)

    def _parts_edited(self) -> None:
        if self._meeting is not None and self.record_id is not None:
            self._update_counts()
            self.saved.emit(self.record_id)

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
        self.total.setStyleSheet(OVER_STYLE if over else "color: palette(placeholder-text);")
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
