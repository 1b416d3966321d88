"""Priorities: ranked, measured, confirmed; a tree shows what is aligned to what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui import jobs
from upwardprep.gui.models.priorities import PrioritiesModel, PriorityTreeModel
from upwardprep.gui.views.base import (
    EmptyState,
    ListDetailView,
    RecordEditor,
    date_edit,
    fill_combo,
    get_date,
    make_table,
    set_date,
    size_columns,
)
from upwardprep.gui.widgets.delegates import ProgressDelegate, StaleDelegate, StatusPillDelegate
from upwardprep.services import Services
from upwardprep.services.common import limit_of
from upwardprep.services.labels import PRIORITY_STATUS_LABELS
from upwardprep.services.priorities import FIELDS as PRIORITY_FIELDS


def _number(text: str) -> float | str | None:
    text = text.strip().replace(",", "")
    return text or None


class PriorityEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priorityEditor")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel("Priority")
        heading.setObjectName("sectionTitle")
        top.addWidget(heading, 1)
        self.confirm_button = QPushButton("&Confirm with manager")
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setToolTip("Record that your manager confirmed this still matters")
        top.addWidget(self.confirm_button)
        layout.addLayout(top)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("priorityTitle")
        self.title_edit.setMaxLength(limit_of(PRIORITY_FIELDS["title"]))
        self.title_edit.setAccessibleName("Priority title")
        self.owner = QComboBox()
        self.owner.setObjectName("priorityOwner")
        self.owner.setAccessibleName("Owner")
        self.parent_combo = QComboBox()
        self.parent_combo.setObjectName("priorityParent")
        self.parent_combo.setAccessibleName("Aligned to")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("priorityStatus")
        for status, label in PRIORITY_STATUS_LABELS.items():
            self.status_combo.addItem(label, status.value)
        self.measure = QLineEdit()
        self.measure.setObjectName("priorityMeasure")
        self.measure.setPlaceholderText("How success is measured")
        metric = QWidget()
        metric_row = QHBoxLayout(metric)
        metric_row.setContentsMargins(0, 0, 0, 0)
        self.current = QLineEdit()
        self.current.setObjectName("priorityCurrent")
        self.current.setPlaceholderText("current")
        self.current.setAccessibleName("Metric current value")
        self.target = QLineEdit()
        self.target.setObjectName("priorityTarget")
        self.target.setPlaceholderText("target")
        self.target.setAccessibleName("Metric target")
        self.unit = QLineEdit()
        self.unit.setObjectName("priorityUnit")
        self.unit.setMaxLength(limit_of(PRIORITY_FIELDS["metric_unit"]))
        self.unit.setPlaceholderText("unit, e.g. customers")
        self.unit.setAccessibleName("Metric unit")
        metric_row.addWidget(self.current)
        metric_row.addWidget(QLabel("of"))
        metric_row.addWidget(self.target)
        metric_row.addWidget(self.unit, 2)
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        self.start = date_edit("priorityStart", "Period start")
        self.end = date_edit("priorityEnd", "Period end")
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel("to"))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Owner:", self.owner)
        form.addRow("&Aligned to:", self.parent_combo)
        form.addRow("&Status:", self.status_combo)
        form.addRow("&Measure:", self.measure)
        form.addRow("&Metric:", metric)
        form.addRow("&Period:", period)
        layout.addLayout(form)
        self.description = QPlainTextEdit()
        self.description.setObjectName("priorityDescription")
        self.description.setPlaceholderText("Why it matters, what done looks like")
        self.description.setAccessibleName("Description")
        self.description.setMaximumHeight(110)
        layout.addWidget(self.description)
        history_label = QLabel("History")
        history_label.setObjectName("subsectionTitle")
        layout.addWidget(history_label)
        self.history = QListWidget()
        self.history.setObjectName("priorityHistory")
        self.history.setAccessibleName("Change history")
        layout.addWidget(self.history, 1)
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

    def _choices(self, record_id: str) -> None:
        assert self.services is not None
        people = [("Me", None)] + [(p.name, p.id) for p in self.services.people.list()]
        fill_combo(self.owner, people, keep=self.owner.currentData())
        others = [("Nothing (top level)", None)] + [
            (p.title if not p.owner_name else f"{p.title} — {p.owner_name}", p.id)
            for p in self.services.priorities.list()
            if p.id != record_id
        ]
        fill_combo(self.parent_combo, others, keep=self.parent_combo.currentData())

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        priority = self.services.priorities.get(record_id)
        self._choices(record_id)
        self.title_edit.setText(priority.title)
        self.owner.setCurrentIndex(max(0, self.owner.findData(priority.owner_id)))
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(priority.parent_id)))
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
            owner_id=self.owner.currentData(),
            parent_id=self.parent_combo.currentData(),
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
        self.owner.clear()
        self.parent_combo.clear()
        set_date(self.start, None)
        set_date(self.end, None)


class PrioritiesView(ListDetailView):
    section = "priorities"
    watches = frozenset({jobs.PRIORITY, jobs.PERSON})
    title = "Priorities"

    def __init__(self, stale_days: int = 21, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prioritiesView")
        self.stale_days = stale_days
        self.model: PrioritiesModel | None = None
        self.tree_model: PriorityTreeModel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 0)
        self.tree_toggle = QToolButton()
        self.tree_toggle.setObjectName("treeToggle")
        self.tree_toggle.setCheckable(True)
        self.tree_toggle.setText("Alignment &tree")
        self.tree_toggle.setToolTip("Show manager priorities with the goals aligned to them")
        self.up_button = QToolButton()
        self.up_button.setObjectName("moveUpButton")
        self.up_button.setText("Move up")
        self.up_button.setToolTip("Raise the selected priority's rank (Ctrl+Shift+Up)")
        self.down_button = QToolButton()
        self.down_button.setObjectName("moveDownButton")
        self.down_button.setText("Move down")
        self.down_button.setToolTip("Lower the selected priority's rank (Ctrl+Shift+Down)")
        bar.addWidget(self.up_button)
        bar.addWidget(self.down_button)
        bar.addStretch(1)
        bar.addWidget(self.tree_toggle)
        layout.addLayout(bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("prioritiesSplitter")
        self.list_stack = QStackedWidget()
        self.table = make_table("prioritiesTable")
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.tree = QTreeView()
        self.tree.setObjectName("prioritiesTree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.empty = EmptyState(
            "No priorities yet — add what your manager is accountable for. Ctrl+Shift+P"
        )
        for widget in (self.table, self.tree, self.empty):
            self.list_stack.addWidget(widget)
        self.editor = PriorityEditor()
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 520])
        layout.addWidget(self.splitter, 1)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self.status.emit)
        self.tree_toggle.toggled.connect(self._show_list)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        for key, delta in (("Ctrl+Shift+Up", -1), ("Ctrl+Shift+Down", 1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, d=delta: self.move(d))
            self.table.addAction(action)

    def bind(self, services: Services) -> None:
        self.model = PrioritiesModel(services, stale_days=self.stale_days)
        self.tree_model = PriorityTreeModel(services)
        self.table.setModel(self.model)
        self.tree.setModel(self.tree_model)
        self.table.setItemDelegateForColumn(PrioritiesModel.STATUS, StatusPillDelegate(self.table))
        self.table.setItemDelegateForColumn(PrioritiesModel.PROGRESS, ProgressDelegate(self.table))
        self.table.setItemDelegateForColumn(PrioritiesModel.CONFIRMED, StaleDelegate(self.table))
        size_columns(
            self.table,
            {
                PrioritiesModel.RANK: 4,
                PrioritiesModel.OWNER: 16,
                PrioritiesModel.STATUS: 9,
                PrioritiesModel.PROGRESS: 22,
                PrioritiesModel.PERIOD: 15,
                PrioritiesModel.CONFIRMED: 14,
            },
            stretch=PrioritiesModel.TITLE,
        )
        size_columns(
            self.tree,
            {
                PriorityTreeModel.OWNER: 16,
                PriorityTreeModel.STATUS: 9,
                PriorityTreeModel.PROGRESS: 22,
                PriorityTreeModel.PERIOD: 15,
                PriorityTreeModel.CONFIRMED: 14,
            },
            stretch=PriorityTreeModel.TITLE,
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

    def move(self, delta: int) -> None:
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
        self.editor.clear()
        for model in (self.model, self.tree_model):
            if model is not None:
                model.clear()
        self.table.setModel(None)
        self.tree.setModel(None)
        self.model = None
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
