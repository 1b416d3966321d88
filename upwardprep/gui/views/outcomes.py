"""Outcome notes: what the work produced or enabled. A filterable list built for years of notes,
and an editor that nudges towards outcomes rather than activities."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from upwardprep.gui import jobs
from upwardprep.gui.forms.ui_outcome_editor import Ui_OutcomeEditor
from upwardprep.gui.forms.ui_outcome_filters import Ui_OutcomeFilters
from upwardprep.gui.models.outcomes import OutcomesModel
from upwardprep.gui.views.base import (
    ListDetailView,
    RecordEditor,
    fill_combo,
    get_date,
    set_date,
    size_columns,
    use_clock,
)
from upwardprep.gui.widgets.empty_state import EmptyState
from upwardprep.gui.widgets.record_picker import chosen_id, person_choices
from upwardprep.services import Services
from upwardprep.services.common import limit_of
from upwardprep.services.day_input import Lean
from upwardprep.services.labels import OUTCOME_KIND_CHOICES
from upwardprep.services.outcomes import FIELDS as OUTCOME_FIELDS
from upwardprep.services.outcomes import OutcomeData, OutcomeFilter

FILTER_DEBOUNCE_MS = 120
ACTIVITY_WORDS = re.compile(
    r"^\s*(worked on|working on|attended|helped( with)?|participated|was involved|"
    r"were involved|met with|had (a )?meeting|spent (time|\w+ hours)|looked into|"
    r"joined|took part|assisted|supported|contributed to|was responsible for)\b",
    re.IGNORECASE,
)


def reads_as_activity(title: str) -> bool:
    return bool(ACTIVITY_WORDS.search(title))


class OutcomeEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OutcomeEditor()
        self.ui.setupUi(self)
        ui = self.ui
        self.title_edit, self.hint, self.kind, self.when = (
            ui.outcomeTitle,
            ui.activityHint,
            ui.outcomeKind,
            ui.outcomeDate,
        )
        self.person, self.impact, self.metric_edit = (
            ui.outcomePerson,
            ui.outcomeImpact,
            ui.outcomeMetric,
        )
        self.evidence, self.open_evidence, self.ask = (
            ui.outcomeEvidence,
            ui.openEvidenceButton,
            ui.outcomeAsk,
        )
        self.priorities, self.primary, self.tags, self.private, self.body = (
            ui.priorityPicker,
            ui.primaryPriority,
            ui.outcomeTags,
            ui.outcomePrivate,
            ui.outcomeBody,
        )
        for field, key in (
            (self.title_edit, "title"),
            (self.impact, "impact"),
            (self.metric_edit, "metric_delta"),
            (self.ask, "ask"),
        ):
            field.setMaxLength(limit_of(OUTCOME_FIELDS[key]))
        self.hint.hide()
        self.when.lean = Lean.PAST  # a note is about what happened: "fri" is the last one
        for kind, label in OUTCOME_KIND_CHOICES.items():
            self.kind.addItem(label, kind.value)
        self.watch(
            self.title_edit,
            self.kind,
            self.when,
            self.person,
            self.impact,
            self.metric_edit,
            self.evidence,
            self.ask,
            self.tags,
            self.private,
            self.body,
        )
        self._marked: str | None = None  # the primary the user chose; None: the first linked
        self.priorities.changed.connect(self._links_changed)
        self.primary.activated.connect(self._primary_chosen)
        self._show_primary()
        self.title_edit.textChanged.connect(
            lambda text: self.hint.setVisible(reads_as_activity(text))
        )
        self.open_evidence.clicked.connect(self._open_evidence)
        self.body.linkActivated.connect(self._open_url)

    # -- the primary priority: which of the linked ones the review packet files the note under

    def _show_primary(self) -> None:
        """The linked priorities, the marked one current; the first is the default and says so.
        The row only shows when there is a choice to make (two links or more)."""
        pairs = list(zip(self.priorities.ids(), self.priorities.titles(), strict=True))
        if self._marked not in {pid for pid, _title in pairs}:
            self._marked = None  # the mark goes with its link, as in the service
        # "First linked" leads, so that a narrow form still shows it when the title is cut.
        labels = [
            (f"First linked: {title}" if row == 0 else title, pid)
            for row, (pid, title) in enumerate(pairs)
        ]
        fill_combo(self.primary, labels, keep=self._marked or (pairs[0][0] if pairs else None))
        for row, (_pid, title) in enumerate(pairs):
            self.primary.setItemData(row, title, Qt.ItemDataRole.ToolTipRole)
        self.ui.form.setRowVisible(self.primary, len(pairs) > 1)

    def _links_changed(self) -> None:
        self._show_primary()
        self.mark_dirty()

    def _primary_chosen(self, index: int) -> None:
        """The first item means "the first linked" (no mark), as in the service."""
        chosen = None if index <= 0 else self.primary.itemData(index)
        if chosen != self._marked:
            self._marked = chosen
            self.mark_dirty()

    def _open_evidence(self) -> None:
        self._open_url(QUrl(self.evidence.text().strip()))

    @staticmethod
    def _open_url(url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        outcome = self.services.outcomes.get(record_id)
        self.person.set_choices(person_choices(self.services.people.list()))
        self.person.set_current_id(outcome.person_id)
        self.priorities.set_choices({p.title: p.id for p in self.services.priorities.list()})
        self.title_edit.setText(outcome.title)
        self.hint.setVisible(reads_as_activity(outcome.title))
        self.kind.setCurrentIndex(max(0, self.kind.findData(outcome.kind)))
        set_date(self.when, outcome.occurred_on)
        self.impact.setText(outcome.impact)
        self.metric_edit.setText(outcome.metric_delta)
        self.evidence.setText(outcome.evidence_url)
        self.ask.setText(outcome.ask)
        self._show_links(outcome)
        self.tags.setText(", ".join(outcome.tags))
        self.private.setChecked(outcome.private)
        self.body.setText(outcome.body)

    def _show_links(self, outcome: OutcomeData) -> None:
        self.priorities.set_linked(
            list(zip(outcome.priority_ids, outcome.priority_titles, strict=True))
        )
        self._marked = outcome.primary_priority_id
        self._show_primary()

    def _save(self, record_id: str) -> None:
        assert self.services is not None
        saved = self.services.outcomes.update(
            record_id,
            title=self.title_edit.text(),
            kind=self.kind.currentData(),
            occurred_on=get_date(self.when),
            person_id=chosen_id(self.person, "person"),
            impact=self.impact.text(),
            metric_delta=self.metric_edit.text(),
            evidence_url=self.evidence.text(),
            ask=self.ask.text(),
            priority_ids=self.priorities.ids(),
            primary_priority_id=self._marked,
            tags=[tag for tag in (t.strip() for t in self.tags.text().split(",")) if tag],
            private=self.private.isChecked(),
            body=self.body.text(),
        )
        if list(saved.priority_ids) != self.priorities.ids():
            # The store keeps links by rank: show that order, so that "first linked" names
            # the one the packet will really use.
            self._loading = True
            try:
                self._show_links(saved)
            finally:
                self._loading = False

    def _blank(self) -> None:
        for field in (
            self.title_edit,
            self.impact,
            self.metric_edit,
            self.evidence,
            self.ask,
            self.tags,
        ):
            field.clear()
        self.hint.hide()
        self.person.set_choices([])
        self.person.set_current_id(None)
        self.priorities.clear()
        self._marked = None
        self._show_primary()
        self.private.setChecked(False)
        set_date(self.when, None)
        self.body.clear()


class OutcomeFilters(QWidget):
    """The filter bar over the outcomes list: text, kind, person, priority, tag, dates."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OutcomeFilters()
        self.ui.setupUi(self)
        ui = self.ui
        self.text, self.kind, self.person, self.priority, self.tag = (
            ui.outcomeFilterEdit,
            ui.kindFilter,
            ui.personFilter,
            ui.priorityFilter,
            ui.tagFilter,
        )
        self.date_from, self.date_to, self.count = (
            ui.dateFromFilter,
            ui.dateToFilter,
            ui.outcomeCount,
        )
        self.kind.addItem("All kinds", None)
        for kind, label in OUTCOME_KIND_CHOICES.items():
            self.kind.addItem(label, kind.value)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed.emit)
        self.text.textChanged.connect(lambda _text: self._debounce.start())
        for combo in (self.kind, self.person, self.priority, self.tag):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for edit in (self.date_from, self.date_to):
            edit.edited.connect(self.changed.emit)

    def set_choices(self, services: Services) -> None:
        use_clock(self, services)
        fill_combo(
            self.person, [("Anyone", None)] + [(p.name, p.id) for p in services.people.list()]
        )
        fill_combo(
            self.priority,
            [("Any priority", None), ("No priority (unaligned)", "-")]
            + [(p.title, p.id) for p in services.priorities.list()],
        )
        fill_combo(self.tag, [("Any tag", None)] + [(f"#{t}", t) for t in services.outcomes.tags()])

    def current(self) -> tuple[OutcomeFilter, str]:
        priority = self.priority.currentData()
        kind = self.kind.currentData()
        start: date | None = get_date(self.date_from)
        end: date | None = get_date(self.date_to)
        return OutcomeFilter(
            person_id=self.person.currentData(),
            priority_id=priority if priority not in (None, "-") else None,
            unaligned=priority == "-",
            kinds=(kind,) if kind else (),
            tag=self.tag.currentData(),
            date_from=start,
            date_to=end,
        ), self.text.text()

    def reset(self) -> None:
        for widget in (
            self.text,
            self.kind,
            self.person,
            self.priority,
            self.tag,
            self.date_from,
            self.date_to,
        ):
            widget.blockSignals(True)
        self.text.clear()
        for combo in (self.kind, self.person, self.priority, self.tag):
            combo.setCurrentIndex(0)
        set_date(self.date_from, None)
        set_date(self.date_to, None)
        for widget in (
            self.text,
            self.kind,
            self.person,
            self.priority,
            self.tag,
            self.date_from,
            self.date_to,
        ):
            widget.blockSignals(False)
        self.count.clear()


class OutcomesView(ListDetailView):
    section = "outcomes"
    watches = frozenset({jobs.OUTCOME, jobs.PERSON, jobs.PRIORITY})
    title = "Outcomes"

    def __init__(self, parent: QWidget | None = None) -> None:
        filters = OutcomeFilters()
        no_match = EmptyState("No notes match these filters.")
        super().__init__(
            "outcomes",
            OutcomeEditor(),
            empty="No outcome notes yet — log what your work produced or enabled. "
            "Ctrl+Shift+N from anywhere.",
            top=filters,
            other_lists=(no_match,),
            sizes=(740, 520),
            parent=parent,
        )
        self.filters, self.no_match = filters, no_match
        self.editor: OutcomeEditor
        self.model: OutcomesModel | None = None
        self.filters.changed.connect(self.apply_filters)

    def bind(self, services: Services) -> None:
        self.model = OutcomesModel(services)
        self.table.setModel(self.model)
        size_columns(
            self.table,
            {
                OutcomesModel.DATE: 11,
                OutcomesModel.KIND: 13,
                OutcomesModel.PRIORITIES: 18,
                OutcomesModel.PRIVATE: 8,
            },
            stretch=OutcomesModel.TITLE,
            drop=(OutcomesModel.PRIVATE, OutcomesModel.PRIORITIES, OutcomesModel.KIND),
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.countChanged.connect(self._count_changed)
        super().bind(services)

    def refresh(self) -> None:
        if self.model is None or self.services is None:
            return
        self.filters.set_choices(self.services)
        self.apply_filters()

    def apply_filters(self) -> None:
        if self.model is None:
            return
        keep = self.editor.record_id
        self.editor.flush()
        filters, text = self.filters.current()
        self.model.set_filter(filters, text)
        if keep is None or not self.select(keep):
            self._select_row(0)

    def _count_changed(self, count: int) -> None:
        self.filters.count.setText(f"{count:,} notes" if count != 1 else "1 note")
        filtered = self.filters.current() != (OutcomeFilter(), "")
        if count:
            self.list_stack.setCurrentWidget(self.table)
        else:
            self.list_stack.setCurrentWidget(self.no_match if filtered else self.empty)
            if self.services is not None:
                self.editor.load(self.services, None)

    def show_record(self, record_id: str) -> None:
        """Select a note even if the current filters hide it (from search, quick capture)."""
        if not self.select(record_id):
            self.filters.reset()
            self.apply_filters()
            self.select(record_id)

    def _saved(self, record_id: str) -> None:
        if self.model is not None:
            self.model.refresh_row(record_id)
        self.status.emit("Saved")

    def focus_filter(self) -> None:
        self.filters.text.setFocus()
        self.filters.text.selectAll()

    def clear(self) -> None:
        super().clear()
        self.filters.reset()
        for combo in (self.filters.person, self.filters.priority, self.filters.tag):
            combo.clear()

    def new_record(self) -> None:
        if self.services is None:
            return
        self.editor.flush()
        outcome = self.services.outcomes.create("New outcome")
        self.show_record(outcome.id)
        self.apply_filters()
        self.show_record(outcome.id)
        self.editor.title_edit.setFocus()
        self.editor.title_edit.selectAll()

    def delete_selected(self) -> None:
        record_id = self.editor.record_id
        if self.services is None or record_id is None or self.model is None:
            return
        self.editor.flush()
        row = self.model.row_of(record_id) or 0
        self.services.outcomes.trash(record_id)
        self.editor.load(self.services, None)
        self.apply_filters()
        self._select_row(min(row, max(0, self.model.rowCount() - 1)))
        self.trashed.emit("outcome", record_id)
