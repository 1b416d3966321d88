"""Alignment: the priority tree both ways (a manager's priorities → my goals → my reports'
goals) with coverage drawn in each row, the work linked to no priority beside it, and the
reports' goals below that. Link by dragging a note onto a priority; align a goal by dragging it
onto a priority; or from the keyboard with the buttons."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from upwardprep.gui import jobs
from upwardprep.gui.forms.ui_alignment_view import Ui_AlignmentView
from upwardprep.gui.models.alignment import AlignmentTreeModel, UnalignedModel
from upwardprep.gui.models.base import IdRole, today_of
from upwardprep.gui.models.dates import age
from upwardprep.gui.views.base import SectionView, size_columns
from upwardprep.gui.widgets.coverage import CoverageDelegate
from upwardprep.gui.widgets.delegates import ProgressDelegate, StaleDelegate, StatusPillDelegate
from upwardprep.services import Services, ValidationError

PERIODS = [
    ("this-quarter", "This quarter"),
    ("last-quarter", "Last quarter"),
    ("half", "Last 6 months"),
    ("year", "Last 12 months"),
    ("all", "All time"),
]


def _quarter_start(day: date) -> date:
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


def period_dates(key: str, today: date) -> tuple[date | None, date | None]:
    """The first and last day of a named period around `today`."""
    quarter_start = _quarter_start(today)
    if key == "this-quarter":
        return quarter_start, None
    if key == "last-quarter":
        end = quarter_start - timedelta(days=1)
        return _quarter_start(end), end
    if key == "half":
        return today - timedelta(days=182), None
    if key == "year":
        return today - timedelta(days=365), None
    return None, None


class AlignmentView(SectionView):
    section = "alignment"
    watches = frozenset({jobs.OUTCOME, jobs.PRIORITY, jobs.PERSON})
    title = "Alignment"

    def __init__(self, stale_days: int = 21, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AlignmentView()
        self.ui.setupUi(self)
        ui = self.ui
        self.stale_days = stale_days
        self.model: AlignmentTreeModel | None = None
        self.unaligned_model: UnalignedModel | None = None
        self.person_combo, self.period_combo = ui.alignmentPerson, ui.alignmentPeriod
        self.splitter, self.tree = ui.alignmentSplitter, ui.alignmentTree
        self.unaligned_title, self.unaligned, self.unaligned_empty = (
            ui.unalignedTitle,
            ui.unalignedTable,
            ui.unalignedEmpty,
        )
        self.link_button, self.dismiss_button, self.reports = (
            ui.linkButton,
            ui.dismissButton,
            ui.reportsSummary,
        )
        for key, label in PERIODS:
            self.period_combo.addItem(label, key)
        self.unaligned.setDragEnabled(True)
        self.unaligned.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.unaligned.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 340])

        self.person_combo.currentIndexChanged.connect(self._filter_changed)
        self.period_combo.currentIndexChanged.connect(self._filter_changed)
        self.link_button.clicked.connect(self.link_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.tree.doubleClicked.connect(self._open_priority)
        self.unaligned.doubleClicked.connect(self._open_outcome)

    # -- binding ---------------------------------------------------------------------------

    def bind(self, services: Services) -> None:
        self.services = services
        self._fill_people(services)
        self.model = AlignmentTreeModel(services, stale_days=self.stale_days)
        self.unaligned_model = UnalignedModel(services)
        self.model.message.connect(self._after_drop)
        self.tree.setModel(self.model)
        self.unaligned.setModel(self.unaligned_model)
        self.tree.setItemDelegateForColumn(AlignmentTreeModel.COVERAGE, CoverageDelegate(self.tree))
        self.tree.setItemDelegateForColumn(AlignmentTreeModel.STATUS, StatusPillDelegate(self.tree))
        self.tree.setItemDelegateForColumn(AlignmentTreeModel.PROGRESS, ProgressDelegate(self.tree))
        self.tree.setItemDelegateForColumn(AlignmentTreeModel.CONFIRMED, StaleDelegate(self.tree))
        size_columns(
            self.tree,
            {
                AlignmentTreeModel.OWNER: 13,
                AlignmentTreeModel.COVERAGE: 30,
                AlignmentTreeModel.STATUS: 8,
                AlignmentTreeModel.PROGRESS: 22,
                AlignmentTreeModel.CONFIRMED: 12,
            },
            stretch=AlignmentTreeModel.TITLE,
            drop=(
                AlignmentTreeModel.CONFIRMED,
                AlignmentTreeModel.OWNER,
                AlignmentTreeModel.PROGRESS,
                AlignmentTreeModel.STATUS,
            ),
        )
        size_columns(
            self.unaligned,
            {UnalignedModel.DATE: 8, UnalignedModel.KIND: 8},
            2,
            drop=(UnalignedModel.KIND,),
            title_chars=20,  # a narrow side panel
        )
        self.refresh()

    def _fill_people(self, services: Services) -> None:
        keep = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem("Everyone (top level)", None)
        first_manager = None
        for person in services.people.list():
            if person.role in ("manager", "skip-level", "report"):
                self.person_combo.addItem(f"{person.name} ({person.role})", person.id)
                if person.role == "manager" and first_manager is None:
                    first_manager = person.id
        wanted = keep if keep is not None else first_manager
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(wanted)))
        self.person_combo.blockSignals(False)

    def _period(self) -> tuple[date | None, date | None]:
        assert self.services is not None
        return period_dates(self.period_combo.currentData(), today_of(self.services))

    def _filter_changed(self) -> None:
        if self.model is None or self.unaligned_model is None:
            return
        since, until = self._period()
        self.model.set_filter(self.person_combo.currentData(), since, until)
        self.unaligned_model.set_period(since, until)
        self._after_reload()

    def refresh(self) -> None:
        if self.services is None or self.model is None or self.unaligned_model is None:
            return
        keep = self.current_priority()
        self._fill_people(self.services)
        since, until = self._period()
        self.model.person_id = self.person_combo.currentData()
        self.model.since, self.model.until = since, until
        self.model.stale_days = self.stale_days
        self.model.refresh()
        self.unaligned_model.set_period(since, until)
        self._after_reload(keep)

    def _after_reload(self, keep: str | None = None) -> None:
        assert self.model is not None and self.unaligned_model is not None
        self.tree.expandAll()
        if keep:
            index = self.model.index_of(keep)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        total = self.unaligned_model.total
        shown = self.unaligned_model.rowCount()
        more = f", newest {shown} shown" if shown < total else ""
        self.unaligned_title.setText(f"Unaligned work ({total}{more})")
        self.unaligned.setVisible(total > 0)
        self.unaligned_empty.setVisible(total == 0)
        self.link_button.setEnabled(total > 0)
        self.dismiss_button.setEnabled(total > 0)
        self._show_reports()

    def _show_reports(self) -> None:
        assert self.services is not None
        today = today_of(self.services)
        parts = []
        for report in self.services.alignment.reports():
            discussed = report.last_discussed_on
            when = f"last discussed {age(discussed, today)}" if discussed else "not discussed yet"
            goals = "".join(f"<li>{escape(goal.title)}</li>" for goal in report.goals)
            parts.append(
                f"<p><b>{escape(report.name)}</b> · {when}"
                + (f"<ul style='margin-top:2px'>{goals}</ul>" if goals else " · no goals yet")
                + "</p>"
            )
        self.reports.setText(
            "".join(parts) or "<p>No reports. People with the role “report” show here.</p>"
        )

    def clear(self) -> None:
        for model in (self.model, self.unaligned_model):
            if model is not None:
                model.clear()
        self.tree.setModel(None)
        self.unaligned.setModel(None)
        self.model = None
        self.unaligned_model = None
        self.reports.clear()
        self.unaligned_title.setText("Unaligned work")

    # -- commands --------------------------------------------------------------------------

    def current_priority(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def current_outcome(self) -> str | None:
        index = self.unaligned.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select(self, record_id: str) -> bool:
        if self.model is None:
            return False
        index = self.model.index_of(record_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        return index.isValid()

    def link_selected(self) -> None:
        outcome, priority = self.current_outcome(), self.current_priority()
        if self.services is None:
            return
        if outcome is None or priority is None:
            self.status.emit("Select a note on the right and a priority in the tree first")
            return
        try:
            self.services.alignment.link(outcome, priority)
        except ValidationError as error:
            self.status.emit(str(error))
            return
        self.refresh()
        self.status.emit("Linked")

    def dismiss_selected(self) -> None:
        outcome = self.current_outcome()
        if self.services is None or outcome is None:
            return
        row = self.unaligned.currentIndex().row()
        self.services.alignment.dismiss(outcome)
        self.refresh()
        if self.unaligned_model is not None and self.unaligned_model.rowCount():
            self.unaligned.setCurrentIndex(
                self.unaligned_model.index(min(row, self.unaligned_model.rowCount() - 1), 0)
            )
        self.status.emit("Dismissed: tagged #no-priority")

    def _after_drop(self, message: str) -> None:
        # the tree reloaded itself; the list beside it and the reports follow
        if self.unaligned_model is not None:
            self.unaligned_model.refresh()
            self._after_reload()
        self.status.emit(message)

    def _open_priority(self, index: QModelIndex) -> None:
        record_id = index.data(IdRole)
        if record_id:
            self.open_record.emit("priority", record_id)

    def _open_outcome(self, index: QModelIndex) -> None:
        record_id = index.data(IdRole)
        if record_id:
            self.open_record.emit("outcome", record_id)
