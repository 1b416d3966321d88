"""Priorities: ranked, measured, confirmed; a tree shows what is aligned to what."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from upwardprep.gui import jobs
from upwardprep.gui.forms.ui_priorities_bar import Ui_PrioritiesBar
from upwardprep.gui.forms.ui_priority_editor import Ui_PriorityEditor
from upwardprep.gui.models.priorities import PrioritiesModel, PriorityTreeModel
from upwardprep.gui.views.base import (
    ListDetailView,
    RecordEditor,
    get_date,
    set_date,
    size_columns,
)
from upwardprep.gui.widgets.delegates import ProgressDelegate, StaleDelegate, StatusPillDelegate
from upwardprep.gui.widgets.record_picker import Choice, chosen_id, person_choices
from upwardprep.services import Services
from upwardprep.services.common import limit_of
from upwardprep.services.labels import PRIORITY_STATUS_LABELS
from upwardprep.services.priorities import FIELDS as PRIORITY_FIELDS

# The columns that step aside first when the list is narrow (the title stays readable).
PRIORITY_DROP_NAMES = ("Period", "Last confirmed", "Owner", "Progress")
PRIORITY_DROP_ORDER = tuple(PrioritiesModel.COLUMNS.index(name) for name in PRIORITY_DROP_NAMES)


def _number(text: str) -> float | str | None:
    text = text.strip().replace(",", "")
    return text or None


class PriorityEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PriorityEditor()
        self.ui.setupUi(self)
        ui = self.ui
        self.confirm_button, self.title_edit, self.owner = (
            ui.confirmButton,
            ui.priorityTitle,
            ui.priorityOwner,
        )
        self.parent_combo, self.status_combo, self.measure = (
            ui.priorityParent,
            ui.priorityStatus,
            ui.priorityMeasure,
        )
        self.current, self.target, self.unit = (
            ui.priorityCurrent,
            ui.priorityTarget,
            ui.priorityUnit,
        )
        self.start, self.end = ui.priorityStart, ui.priorityEnd
        self.description, self.history = ui.priorityDescription, ui.priorityHistory
        self.title_edit.setMaxLength(limit_of(PRIORITY_FIELDS["title"]))
        self.unit.setMaxLength(limit_of(PRIORITY_FIELDS["metric_unit"]))
        for status, label in PRIORITY_STATUS_LABELS.items():
            self.status_combo.addItem(label, status.value)
        self.watch(
            self.title_edit,
            self.owner,
            self.parent_combo,
            self.status_combo,
            self.measure,
            self.current,
            self.target,
            self.unit,
            self.start,
            self.end,
            self.description,
        )
        self.confirm_button.clicked.connect(self.confirm)
        self._fit_metric()

    def _fit_metric(self) -> None:
        """Current and target hold a number and the unit a word or two: the numbers no wider
        than ten digits, so the unit keeps about twelve letters (it read "cust" at 1024 px)."""
        metrics = self.fontMetrics()
        number = metrics.horizontalAdvance("0" * 10) + 12
        for field in (self.current, self.target):
            field.setMaximumWidth(number)
        self.unit.setMinimumWidth(metrics.horizontalAdvance("x" * 12) + 12)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "unit"):
            self._fit_metric()

    def _choices(self, record_id: str) -> None:
        assert self.services is not None
        self.owner.set_choices(person_choices(self.services.people.list()))
        self.parent_combo.set_choices(
            [
                Choice(p.id, p.title, p.owner_name or "")
                for p in self.services.priorities.list()
                if p.id != record_id
            ]
        )

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        priority = self.services.priorities.get(record_id)
        self._choices(record_id)
        self.title_edit.setText(priority.title)
        self.owner.set_current_id(priority.owner_id)
        self.parent_combo.set_current_id(priority.parent_id)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(priority.status)))
        self.measure.setText(priority.measure)
        self.current.setText(
            "" if priority.metric_current is None else f"{priority.metric_current:g}"
        )
        self.target.setText("" if priority.metric_target is None else f"{priority.metric_target:g}")
        self.unit.setText(priority.metric_unit)
        set_date(self.start, priority.period_start)
        set_date(self.end, priority.period_end)
        self.description.setPlainText(priority.description)
        self._history(record_id)

    def _history(self, record_id: str) -> None:
        assert self.services is not None
        self.history.clear()
        for change in reversed(self.services.priorities.history(record_id)):
            when = change.changed_at.astimezone().strftime("%d %b %Y %H:%M")
            if change.field == "created":
                text = f"{when} · created"
            elif change.field == "confirmed":
                text = f"{when} · confirmed" + (f": {change.new_value}" if change.new_value else "")
            else:
                field = change.field.replace("metric_", "").replace("_", " ")
                text = f"{when} · {field}: {change.old_value or '—'} → {change.new_value or '—'}"
            self.history.addItem(text)

    def _save(self, record_id: str) -> None:
        assert self.services is not None
        self.services.priorities.update(
            record_id,
            title=self.title_edit.text(),
            owner_id=chosen_id(self.owner, "person"),
            parent_id=chosen_id(self.parent_combo, "priority"),
            status=self.status_combo.currentData(),
            measure=self.measure.text(),
            metric_current=_number(self.current.text()),
            metric_target=_number(self.target.text()),
            metric_unit=self.unit.text(),
            period_start=get_date(self.start),
            period_end=get_date(self.end),
            description=self.description.toPlainText(),
        )
        self._history(record_id)

    def confirm(self) -> None:
        if self.services is None or self.record_id is None or not self.flush():
            return
        self.services.priorities.confirm(self.record_id)
        self._history(self.record_id)
        self.saved.emit(self.record_id)

    def _blank(self) -> None:
        for field in (self.title_edit, self.measure, self.current, self.target, self.unit):
            field.clear()
        self.description.clear()
        self.history.clear()
        self.status_combo.setCurrentIndex(-1)
        for picker in (self.owner, self.parent_combo):
            picker.set_choices([])
            picker.set_current_id(None)
        set_date(self.start, None)
        set_date(self.end, None)


class PrioritiesView(ListDetailView):
    section = "priorities"
    watches = frozenset({jobs.PRIORITY, jobs.PERSON})
    title = "Priorities"

    def __init__(self, stale_days: int = 21, parent: QWidget | None = None) -> None:
        bar = QWidget()
        bar_ui = Ui_PrioritiesBar()
        bar_ui.setupUi(bar)
        tree = QTreeView()
        super().__init__(
            "priorities",
            PriorityEditor(),
            empty="No priorities yet — add what your manager is accountable for. Ctrl+Shift+P",
            top=bar,
            other_lists=(tree,),
            sizes=(780, 520),
            parent=parent,
        )
        self.editor: PriorityEditor
        self.stale_days = stale_days
        self.model: PrioritiesModel | None = None
        self.tree_model: PriorityTreeModel | None = None
        self.tree_toggle, self.up_button, self.down_button = (
            bar_ui.treeToggle,
            bar_ui.moveUpButton,
            bar_ui.moveDownButton,
        )
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.tree = tree
        self.tree.setObjectName("prioritiesTree")
        self.tree.setAccessibleName("Priorities, as a tree of what is aligned to what")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.add_button = bar_ui.addPriorityButton
        self.add_button.clicked.connect(self.new_record)
        self.tree_toggle.toggled.connect(self._show_list)
        self.up_button.clicked.connect(lambda: self.move_rank(-1))
        self.down_button.clicked.connect(lambda: self.move_rank(1))
        for key, delta in (("Ctrl+Shift+Up", -1), ("Ctrl+Shift+Down", 1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, d=delta: self.move_rank(d))
            self.table.addAction(action)

    def bind(self, services: Services) -> None:
        self.model = PrioritiesModel(services, stale_days=self.stale_days)
        self.tree_model = PriorityTreeModel(services)
        self.table.setModel(self.model)
        self.tree.setModel(self.tree_model)
        self.table.setItemDelegateForColumn(PrioritiesModel.STATUS, StatusPillDelegate(self.table))
        self.table.setItemDelegateForColumn(PrioritiesModel.PROGRESS, ProgressDelegate(self.table))
        self.table.setItemDelegateForColumn(PrioritiesModel.CONFIRMED, StaleDelegate(self.table))
        # The tree draws its cells as the table does: status pills, progress bars, stale dates.
        self.tree.setItemDelegateForColumn(PriorityTreeModel.STATUS, StatusPillDelegate(self.tree))
        self.tree.setItemDelegateForColumn(PriorityTreeModel.PROGRESS, ProgressDelegate(self.tree))
        self.tree.setItemDelegateForColumn(PriorityTreeModel.CONFIRMED, StaleDelegate(self.tree))
        size_columns(
            self.table,
            {
                PrioritiesModel.RANK: 4,
                PrioritiesModel.OWNER: 16,
                PrioritiesModel.STATUS: 9,
                PrioritiesModel.PROGRESS: 22,
                PrioritiesModel.PERIOD: 19,
                PrioritiesModel.CONFIRMED: 14,
            },
            stretch=PrioritiesModel.TITLE,
            drop=PRIORITY_DROP_ORDER,
        )
        size_columns(
            self.tree,
            {
                PriorityTreeModel.OWNER: 16,
                PriorityTreeModel.STATUS: 9,
                PriorityTreeModel.PROGRESS: 22,
                PriorityTreeModel.PERIOD: 19,
                PriorityTreeModel.CONFIRMED: 14,
            },
            stretch=PriorityTreeModel.TITLE,
            drop=tuple(PriorityTreeModel.COLUMNS.index(name) for name in PRIORITY_DROP_NAMES),
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._show_list)
        super().bind(services)

    def refresh(self) -> None:
        if self.model is None or self.tree_model is None:
            return
        keep = self.editor.record_id
        self.model.refresh()
        self.tree_model.refresh()
        self.tree.expandAll()
        self._show_list()
        if keep is None or not self.select(keep):
            self._select_row(0)

    def _show_list(self) -> None:
        has_rows = self.model is not None and self.model.rowCount() > 0
        if not has_rows:
            self.list_stack.setCurrentWidget(self.empty)
        else:
            self.list_stack.setCurrentWidget(
                self.tree if self.tree_toggle.isChecked() else self.table
            )
        self.up_button.setEnabled(has_rows and not self.tree_toggle.isChecked())
        self.down_button.setEnabled(has_rows and not self.tree_toggle.isChecked())

    def select(self, record_id: str) -> bool:
        if not super().select(record_id):
            return False
        if self.tree_model is not None:  # keep the tree's selection in step
            index = self.tree_model.index_of(record_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        return True

    def move_rank(self, delta: int) -> None:
        if self.model is None or self.editor.record_id is None:
            return
        self.editor.flush()
        record_id = self.editor.record_id
        row = self.model.row_of(record_id)
        if row is None or row < 0:
            return
        self.model.move(row, delta)
        self.select(record_id)
        self.status.emit("Rank changed")

    def _saved(self, record_id: str) -> None:
        if self.model is not None and self.tree_model is not None:
            self.model.refresh()
            self.tree_model.refresh()
            self.tree.expandAll()
            self.select(record_id)
        self.status.emit("Saved")

    def clear(self) -> None:
        super().clear()
        if self.tree_model is not None:
            self.tree_model.clear()
        self.tree.setModel(None)
        self.tree_model = None

    def new_record(self) -> None:
        if self.services is None:
            return
        self.editor.flush()
        managers = self.services.people.list(role="manager")
        priority = self.services.priorities.create(
            "New priority", draft=True, owner_id=managers[0].id if managers else None
        )
        self.refresh()
        self.select(priority.id)
        self.editor.title_edit.setFocus()
        self.editor.title_edit.selectAll()

    def delete_selected(self) -> None:
        record_id = self.editor.record_id
        if self.services is None or record_id is None:
            return
        self.editor.flush()
        self.services.priorities.trash(record_id)
        self.editor.load(self.services, None)
        self.refresh()
        self.trashed.emit("priority", record_id)
