"""Outcome notes: what the work produced or enabled. A filterable list built for years of notes,
and an editor that nudges towards outcomes rather than activities."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui import jobs
from upwardprep.gui.models.base import IdRole
from upwardprep.gui.models.outcomes import OutcomesModel
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
from upwardprep.gui.widgets.markdown_editor import MarkdownEditor
from upwardprep.gui.widgets.record_picker import Choice, RecordPicker
from upwardprep.services import Services
from upwardprep.services.common import limit_of
from upwardprep.services.labels import OUTCOME_KIND_CHOICES
from upwardprep.services.outcomes import FIELDS as OUTCOME_FIELDS
from upwardprep.services.outcomes import OutcomeFilter

FILTER_DEBOUNCE_MS = 120
ACTIVITY_WORDS = re.compile(
    r"^\s*(worked on|working on|attended|helped( with)?|participated|was involved|"
    r"were involved|met with|had (a )?meeting|spent (time|\w+ hours)|looked into|"
    r"joined|took part|assisted|supported|contributed to|was responsible for)\b",
    re.IGNORECASE,
)


def reads_as_activity(title: str) -> bool:
    return bool(ACTIVITY_WORDS.search(title))


class PriorityPicker(QWidget):
    """Linked priorities: a list, plus a field that adds one by typing part of its title."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.linked = QListWidget()
        self.linked.setObjectName("linkedPriorities")
        self.linked.setAccessibleName("Linked priorities (Delete removes)")
        self.linked.setMaximumHeight(78)
        # One field for the editor's life (its choices change with the record): a field or
        # completer made per record is what a deleted-object error came from.
        self.add = RecordPicker(keep_text=False)
        self.add.setObjectName("addPriorityEdit")
        self.add.setPlaceholderText("Link a priority: type part of its title, Enter")
        self.add.setAccessibleName("Link a priority")
        layout.addWidget(self.linked)
        layout.addWidget(self.add)
        self.add.picked.connect(self._link)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.linked)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._remove_current)

    def set_choices(self, titles: dict[str, str]) -> None:
        """title -> id of every priority that can be linked."""
        self.add.set_choices([Choice(pid, title) for title, pid in titles.items()])

    def set_linked(self, pairs: list[tuple[str, str]]) -> None:
        self.linked.clear()
        for priority_id, title in pairs:
            item = QListWidgetItem(title)
            item.setData(IdRole, priority_id)
            self.linked.addItem(item)

    def ids(self) -> list[str]:
        return [self.linked.item(i).data(IdRole) for i in range(self.linked.count())]

    def _link(self, priority_id: str) -> None:
        """A priority taken in the field (Enter, Tab or a click): linked once."""
        if priority_id in self.ids():
            return
        title = next(c.label for c in self.add.choices() if c.id == priority_id)
        self.set_linked(
            [*zip(self.ids(), self._linked_titles(), strict=True), (priority_id, title)]
        )
        self.changed.emit()

    def _linked_titles(self) -> list[str]:
        return [self.linked.item(i).text() for i in range(self.linked.count())]

    def _remove_current(self) -> None:
        row = self.linked.currentRow()
        if row >= 0:
            self.linked.takeItem(row)
            self.changed.emit()

    def clear(self) -> None:
        self.linked.clear()
        self.add.clear()


class OutcomeEditor(RecordEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeEditor")
        layout = QVBoxLayout(self)
        heading = QLabel("Outcome note")
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("outcomeTitle")
        self.title_edit.setMaxLength(limit_of(OUTCOME_FIELDS["title"]))
        self.title_edit.setAccessibleName("Outcome title")
        self.hint = QLabel(
            "This reads like an activity. What did it produce or enable? "
            "e.g. “Cut checkout latency from 840 ms to 310 ms”."
        )
        self.hint.setObjectName("activityHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b54708;")
        self.hint.hide()
        self.kind = QComboBox()
        self.kind.setObjectName("outcomeKind")
        self.kind.setAccessibleName("Kind of note")
        for kind, label in OUTCOME_KIND_CHOICES.items():
            self.kind.addItem(label, kind.value)
        self.when = date_edit("outcomeDate", "Date")
        self.person = QComboBox()
        self.person.setObjectName("outcomePerson")
        self.person.setAccessibleName("Person it concerns")
        self.impact = QLineEdit()
        self.impact.setObjectName("outcomeImpact")
        self.impact.setMaxLength(limit_of(OUTCOME_FIELDS["impact"]))
        self.impact.setPlaceholderText("Who benefits, and how much")
        self.impact.setAccessibleName("Impact")
        self.metric_edit = QLineEdit()
        self.metric_edit.setObjectName("outcomeMetric")
        self.metric_edit.setMaxLength(limit_of(OUTCOME_FIELDS["metric_delta"]))
        self.metric_edit.setPlaceholderText("e.g. +12 customers, −530 ms")
        self.metric_edit.setAccessibleName("Metric change")
        evidence_row = QWidget()
        evidence = QHBoxLayout(evidence_row)
        evidence.setContentsMargins(0, 0, 0, 0)
        self.evidence = QLineEdit()
        self.evidence.setObjectName("outcomeEvidence")
        self.evidence.setPlaceholderText("https://… (a dashboard, a doc, a ticket)")
        self.evidence.setAccessibleName("Evidence link")
        self.open_evidence = QToolButton()
        self.open_evidence.setObjectName("openEvidenceButton")
        self.open_evidence.setText("Open")
        self.open_evidence.setToolTip("Open the evidence link in your browser")
        evidence.addWidget(self.evidence, 1)
        evidence.addWidget(self.open_evidence)
        self.ask = QLineEdit()
        self.ask.setObjectName("outcomeAsk")
        self.ask.setMaxLength(limit_of(OUTCOME_FIELDS["ask"]))
        self.ask.setPlaceholderText("For a risk: what you need, and from whom")
        self.ask.setAccessibleName("Ask")
        self.priorities = PriorityPicker()
        self.tags = QLineEdit()
        self.tags.setObjectName("outcomeTags")
        self.tags.setPlaceholderText("comma-separated, e.g. q4, billing")
        self.tags.setAccessibleName("Tags")
        self.private = QCheckBox("&Private: keep out of shared documents")
        self.private.setObjectName("outcomePrivate")
        form.addRow("&Title:", self.title_edit)
        form.addRow("", self.hint)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.kind, 1)
        row_layout.addWidget(QLabel("on"))
        row_layout.addWidget(self.when)
        form.addRow("&Kind:", row)
        form.addRow("P&erson:", self.person)
        form.addRow("&Impact:", self.impact)
        form.addRow("&Metric change:", self.metric_edit)
        form.addRow("E&vidence:", evidence_row)
        form.addRow("&Ask:", self.ask)
        form.addRow("Pr&iorities:", self.priorities)
        form.addRow("T&ags:", self.tags)
        form.addRow("", self.private)
        layout.addLayout(form)
        self.body = MarkdownEditor()
        self.body.setObjectName("outcomeBody")
        layout.addWidget(self.body, 1)
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
        self.priorities.changed.connect(self.mark_dirty)
        self.title_edit.textChanged.connect(
            lambda text: self.hint.setVisible(reads_as_activity(text))
        )
        self.open_evidence.clicked.connect(self._open_evidence)
        self.body.linkActivated.connect(self._open_url)

    def _open_evidence(self) -> None:
        self._open_url(QUrl(self.evidence.text().strip()))

    @staticmethod
    def _open_url(url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        outcome = self.services.outcomes.get(record_id)
        people = [("Nobody in particular", None)] + [
            (p.name, p.id) for p in self.services.people.list()
        ]
        fill_combo(self.person, people, keep=outcome.person_id)
        self.priorities.set_choices({p.title: p.id for p in self.services.priorities.list()})
        self.title_edit.setText(outcome.title)
        self.hint.setVisible(reads_as_activity(outcome.title))
        self.kind.setCurrentIndex(max(0, self.kind.findData(outcome.kind)))
        set_date(self.when, outcome.occurred_on)
        self.impact.setText(outcome.impact)
        self.metric_edit.setText(outcome.metric_delta)
        self.evidence.setText(outcome.evidence_url)
        self.ask.setText(outcome.ask)
        self.priorities.set_linked(
            list(zip(outcome.priority_ids, outcome.priority_titles, strict=True))
        )
        self.tags.setText(", ".join(outcome.tags))
        self.private.setChecked(outcome.private)
        self.body.setText(outcome.body)

    def _save(self, record_id: str) -> None:
        assert self.services is not None
        self.services.outcomes.update(
            record_id,
            title=self.title_edit.text(),
            kind=self.kind.currentData(),
            occurred_on=get_date(self.when),
            person_id=self.person.currentData(),
            impact=self.impact.text(),
            metric_delta=self.metric_edit.text(),
            evidence_url=self.evidence.text(),
            ask=self.ask.text(),
            priority_ids=self.priorities.ids(),
            tags=[tag for tag in (t.strip() for t in self.tags.text().split(",")) if tag],
            private=self.private.isChecked(),
            body=self.body.text(),
        )

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
        self.person.clear()
        self.priorities.clear()
        self.private.setChecked(False)
        set_date(self.when, None)
        self.body.clear()


class OutcomeFilters(QWidget):
    """The filter bar over the outcomes list: text, kind, person, priority, tag, dates."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        self.text = QLineEdit()
        self.text.setObjectName("outcomeFilterEdit")
        self.text.setPlaceholderText("Filter notes… (Ctrl+F)")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter outcome notes by text")
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.setAccessibleName("Filter by kind")
        self.kind.addItem("All kinds", None)
        for kind, label in OUTCOME_KIND_CHOICES.items():
            self.kind.addItem(label, kind.value)
        self.person = QComboBox()
        self.person.setObjectName("personFilter")
        self.person.setAccessibleName("Filter by person")
        self.priority = QComboBox()
        self.priority.setObjectName("priorityFilter")
        self.priority.setAccessibleName("Filter by priority")
        self.priority.setMaximumWidth(220)
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.tag.setAccessibleName("Filter by tag")
        self.date_from = date_edit("dateFromFilter", "From date")
        self.date_to = date_edit("dateToFilter", "To date")
        self.count = QLabel()
        self.count.setObjectName("outcomeCount")
        layout.addWidget(self.text, 2)
        for widget in (self.kind, self.person, self.priority, self.tag):
            layout.addWidget(widget, 1)
        layout.addWidget(QLabel("from"))
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("to"))
        layout.addWidget(self.date_to)
        layout.addWidget(self.count)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed.emit)
        self.text.textChanged.connect(lambda _text: self._debounce.start())
        for combo in (self.kind, self.person, self.priority, self.tag):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _date: self.changed.emit())

    def set_choices(self, services: Services) -> None:
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
        super().__init__(parent)
        self.setObjectName("outcomesView")
        self.model: OutcomesModel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filters = OutcomeFilters()
        layout.addWidget(self.filters)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("outcomesSplitter")
        self.list_stack = QStackedWidget()
        self.table = make_table("outcomesTable")
        self.empty = EmptyState(
            "No outcome notes yet — log what your work produced or enabled. "
            "Ctrl+Shift+N from anywhere."
        )
        self.no_match = EmptyState("No notes match these filters.")
        for widget in (self.table, self.empty, self.no_match):
            self.list_stack.addWidget(widget)
        self.editor = OutcomeEditor()
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([740, 520])
        layout.addWidget(self.splitter, 1)
        self.filters.changed.connect(self.apply_filters)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self.status.emit)

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
        self.editor.clear()
        self.filters.reset()
        for combo in (self.filters.person, self.filters.priority, self.filters.tag):
            combo.clear()
        if self.model is not None:
            self.model.clear()
        self.table.setModel(None)
        self.model = None

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
