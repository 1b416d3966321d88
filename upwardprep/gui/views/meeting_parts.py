"""The two tables of a meeting's editor: the agenda (ordered, time-boxed, with the selected
item's talking points beside it) and the action items (owner, due date, done).

The base class of MeetingEditor: it sets up the Designer form and owns these two pages: adding,
removing and moving items, the owner combo, and reading the meeting's parts again after a
change. The meeting's own fields, its held state and its counts stay in meeting_editor.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from upwardprep.gui.forms.ui_meeting_editor import Ui_MeetingEditor
from upwardprep.gui.models.base import AnyIndex, IdRole
from upwardprep.gui.models.meeting_parts import ActionsModel, AgendaModel
from upwardprep.gui.views.base import RecordEditor, get_date, size_columns
from upwardprep.gui.widgets.record_picker import Choice, chosen_id
from upwardprep.services import ValidationError
from upwardprep.services.common import limit_of
from upwardprep.services.meetings import (
    ACTION_FIELDS,
    AGENDA_FIELDS,
    AgendaItemData,
    MeetingData,
)


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


class MeetingPartsEditor(RecordEditor):
    """The agenda and action-item pages of the meeting editor (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingEditor()
        self.ui.setupUi(self)
        ui = self.ui
        self._meeting: MeetingData | None = None
        self._item_id: str | None = None  # the agenda item whose text is shown
        self._item_body = ""  # as loaded, to save only a real change
        self._people: dict[str, str] = {}  # id -> name, for the action owners
        # the agenda page
        self.add_item_edit, self.item_up, self.item_down = (
            ui.addAgendaItemEdit,
            ui.agendaUpButton,
            ui.agendaDownButton,
        )
        self.item_remove, self.agenda_split = ui.agendaRemoveButton, ui.agendaSplitter
        self.agenda_table, self.item_label, self.item_body = (
            ui.agendaTable,
            ui.subsectionTitle,
            ui.agendaItemBody,
        )
        # the actions page
        self.add_action_edit, self.add_action_owner, self.add_action_due = (
            ui.addActionEdit,
            ui.addActionOwner,
            ui.addActionDue,
        )
        self.action_remove, self.actions_table = ui.actionRemoveButton, ui.actionsTable

        self.add_item_edit.setMaxLength(limit_of(AGENDA_FIELDS["title"]))
        self.add_action_edit.setMaxLength(limit_of(ACTION_FIELDS["title"]))
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
        self.add_item_edit.returnPressed.connect(self.add_item)
        self.item_up.clicked.connect(lambda: self.move_item(-1))
        self.item_down.clicked.connect(lambda: self.move_item(1))
        self.item_remove.clicked.connect(self.remove_item)
        self.add_action_edit.returnPressed.connect(self.add_action)
        self.action_remove.clicked.connect(self.remove_action)

    def _update_counts(self) -> None:
        """The tabs' counts and the agenda's total (MeetingEditor's)."""
        raise NotImplementedError

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

    def _load_parts(self, meeting: MeetingData) -> None:
        keep = self._item_id
        self.agenda_model.load(meeting)
        self.actions_model.load(meeting, self._people)
        self.add_action_owner.set_choices(
            [Choice(key, label) for label, key in self.actions_model.owner_choices()]
        )
        self.add_action_owner.set_current_id(None)  # empty: me
        row = self.agenda_model.row_of(keep) if keep else -1
        self._show_item(None)
        if row < 0 and self.agenda_model.rowCount():
            row = 0
        if row >= 0:
            self.agenda_table.setCurrentIndex(self.agenda_model.index(row, AgendaModel.TITLE))
        self._update_counts()

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

    def _parts_edited(self) -> None:
        if self._meeting is not None and self.record_id is not None:
            self._update_counts()
            self.saved.emit(self.record_id)

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
        try:
            key = chosen_id(self.add_action_owner, "owner") or "me"
            owner, person = (key, None) if key in ("me", "them") else ("person", key)
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
