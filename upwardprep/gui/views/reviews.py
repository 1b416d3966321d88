"""Review cycles: a list of cycles and, for the selected one, its workspace.

The workspace holds the cycle's form (name, kind, period, reviewer), the self-assessment in
Markdown (autosaved like every editor), an outcome picker that inserts references to notes of
the period, and an overview of the period: notes grouped by priority, feedback, learning and
the action-item record.

A reference is a Markdown link to the note's evidence when it has one — `[Title](https://…)` —
and otherwise the note's title and date in quotes — `“Title” (12 Mar 2026)` — so that it reads
well in the printed packet either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QObject, QStringListModel, Qt, QUrl
from PySide6.QtWidgets import QCompleter, QWidget

from upwardprep.gui import jobs
from upwardprep.gui.forms.ui_review_editor import Ui_ReviewEditor
from upwardprep.gui.forms.ui_reviews_bar import Ui_ReviewsBar
from upwardprep.gui.models.base import EntityTableModel, SortRole, today_of
from upwardprep.gui.models.dates import absolute, short
from upwardprep.gui.models.priorities import period_label
from upwardprep.gui.theme import tone
from upwardprep.gui.views.base import (
    ListDetailView,
    RecordEditor,
    get_date,
    set_date,
    size_columns,
)
from upwardprep.gui.widgets.record_picker import chosen_id, person_choices
from upwardprep.services import Services
from upwardprep.services.common import limit_of
from upwardprep.services.labels import CYCLE_KIND_LABELS, OUTCOME_KIND_LABELS, CycleKind, label_of
from upwardprep.services.recency import recency
from upwardprep.services.review_workspace import ReviewNote, ReviewWorkspace
from upwardprep.services.reviews import FIELDS as CYCLE_FIELDS
from upwardprep.services.reviews import ReviewCycleData


def reference(note: ReviewNote) -> str:
    """The text the outcome picker inserts for a note (see the module's docstring)."""
    title = note.title.replace("[", "(").replace("]", ")")
    if note.evidence_url:
        return f"[{title}]({note.evidence_url})"
    return f"“{note.title}” ({note.occurred_on.day} {note.occurred_on:%b %Y})"


class ReviewCyclesModel(EntityTableModel[ReviewCycleData]):
    COLUMNS = ("Name", "Kind", "Period", "Reviewer")
    NAME, KIND, PERIOD, REVIEWER = range(4)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self.refresh()

    def _load(self) -> Sequence[ReviewCycleData]:
        return self.services.reviews.list()

    def _cell(self, record: ReviewCycleData, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                record.name,
                label_of(CYCLE_KIND_LABELS, record.kind),
                period_label(record.period_start, record.period_end),
                record.reviewer_name or "—",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PERIOD:
            return f"{absolute(record.period_start)} – {absolute(record.period_end)}"
        if role == SortRole:
            return (
                record.name.casefold(),
                record.kind,
                record.period_end.toordinal(),
                (record.reviewer_name or "").casefold(),
            )[column]
        return None


class ReviewEditor(RecordEditor):
    """One cycle's workspace; the form and the self-assessment save themselves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReviewEditor()
        self.ui.setupUi(self)
        ui = self.ui
        self.workspace: ReviewWorkspace | None = None
        self._notes: dict[str, ReviewNote] = {}
        self.export_run: Any = None  # the running export, kept alive while it works
        self.packet_button, self.name_edit, self.kind_combo = (
            ui.buildPacketButton,
            ui.cycleName,
            ui.cycleKind,
        )
        self.reviewer, self.start, self.end = ui.cycleReviewer, ui.cycleStart, ui.cycleEnd
        self.summary, self.tabs, self.picker = ui.cycleSummary, ui.cycleTabs, ui.outcomePicker
        self.assessment, self.overview = ui.selfAssessment, ui.cycleOverview
        self.name_edit.setMaxLength(limit_of(CYCLE_FIELDS["name"]))
        for value, label in CYCLE_KIND_LABELS.items():
            self.kind_combo.addItem(label, value.value)
        self._picker_model = QStringListModel(self)
        self.completer = QCompleter(self._picker_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.picker.setCompleter(self.completer)
        self.assessment.sourceWidget().setAccessibleName("Self-assessment (Markdown)")
        self.assessment.sourceWidget().setPlaceholderText(
            "Your self-assessment in Markdown: what you delivered against each priority, "
            "with references to the notes that show it."
        )

        self.watch(
            self.name_edit, self.kind_combo, self.reviewer, self.start, self.end, self.assessment
        )
        self.assessment.focusLost.connect(self.flush)
        self.packet_button.clicked.connect(self.build_packet)
        self.completer.activated[str].connect(self._insert_reference)  # type: ignore[index]
        self.picker.returnPressed.connect(lambda: self._insert_reference(self.picker.text()))

    # -- RecordEditor ----------------------------------------------------------------------

    def _fill(self, record_id: str) -> None:
        assert self.services is not None
        cycle = self.services.reviews.get(record_id)
        # Managers first (whom a review is usually with), then everyone else.
        people = sorted(
            self.services.people.list(), key=lambda p: p.role not in ("manager", "skip-level")
        )
        self.reviewer.set_choices(person_choices(people))
        self.reviewer.set_current_id(cycle.reviewer_id)
        self.name_edit.setText(cycle.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(cycle.kind)))
        set_date(self.start, cycle.period_start)
        set_date(self.end, cycle.period_end)
        self.assessment.setText(cycle.self_assessment)
        self._load_workspace(record_id)

    def _save(self, record_id: str) -> None:
        assert self.services is not None
        before = self.services.reviews.get(record_id)
        self.services.reviews.update(
            record_id,
            name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            period_start=get_date(self.start),
            period_end=get_date(self.end),
            reviewer_id=chosen_id(self.reviewer, "person"),
            self_assessment=self.assessment.text(),
        )
        if (before.period_start, before.period_end) != (get_date(self.start), get_date(self.end)):
            self._load_workspace(record_id)

    def _blank(self) -> None:
        self.name_edit.clear()
        self.kind_combo.setCurrentIndex(-1)
        self.reviewer.set_choices([])
        self.reviewer.set_current_id(None)
        set_date(self.start, None)
        set_date(self.end, None)
        self.assessment.clear()
        self.overview.clear()
        self.summary.clear()
        self.picker.clear()
        self._picker_model.setStringList([])
        self._notes = {}
        self.workspace = None

    # -- the period ------------------------------------------------------------------------

    def _load_workspace(self, record_id: str) -> None:
        assert self.services is not None
        workspace = self.services.review_workspace.read(record_id)
        self.workspace = workspace
        notes = workspace.notes()
        self._notes = {}
        for note in notes:
            label = f"{note.title} · {absolute(note.occurred_on)}"
            self._notes.setdefault(label, note)
        self._picker_model.setStringList(list(self._notes))
        actions = workspace.actions
        done = sum(1 for a in actions if a.done_on)
        on_time = sum(1 for a in actions if a.on_time)
        priorities = sum(1 for g in workspace.by_priority if g.priority_id)
        self.summary.setText(
            f"{workspace.outcome_count} notes of work across {priorities} priorities · "
            f"{len(workspace.feedback)} feedback · {len(workspace.learning)} learning · "
            f"action items: {done} of {len(actions)} done, {on_time} on time"
        )
        cycle = workspace.cycle
        spread = recency([n.occurred_on for n in notes], cycle.period_start, cycle.period_end)
        self.overview.setHtml(_overview_html(workspace, spread.advice()))

    def build_packet(self) -> None:
        """Save what is typed, then the documents' export flow: where to, then built in the
        background with progress."""
        if self.services is None or self.record_id is None or not self.flush():
            return
        from upwardprep.gui.export_flow import export_packet

        self.export_run = export_packet(self, self.services, self.record_id)

    def _insert_reference(self, label: str) -> None:
        note = self._notes.get(label.strip())
        if note is None or self.record_id is None:
            return
        source = self.assessment.sourceWidget()
        source.insertPlainText(reference(note))
        self.picker.clear()
        source.setFocus()


def _note_line(note: ReviewNote) -> str:
    extra = " · ".join(part for part in (note.metric_delta, note.impact[:160]) if part)
    kind = label_of(OUTCOME_KIND_LABELS, note.kind)
    private = " · <i>private</i>" if note.private else ""
    muted = tone("muted").name()
    return (
        f"<li>{escape(short(note.occurred_on))} · {escape(kind)} · "
        f"<a href='outcome:{note.id}'>{escape(note.title)}</a>{private}"
        + (f"<br><span style='color:{muted}'>{escape(extra)}</span>" if extra else "")
        + "</li>"
    )


def _overview_html(workspace: ReviewWorkspace, advice: str = "") -> str:
    """The period at a glance; `advice` is for the author (the packet itself never coaches)."""
    warning = tone("warning").name()
    parts = [f"<p style='color:{warning}'><b>Before the review:</b> {escape(advice)}</p>"]
    parts = (parts if advice else []) + ["<h3>Outcomes by priority</h3>"]
    if not workspace.by_priority:
        parts.append("<p>No notes of work in this period yet.</p>")
    for group in workspace.by_priority:
        owner = (
            f" <span style='color:{tone('muted').name()}'>— {escape(group.owner_name)}</span>"
            if group.owner_name
            else ""
        )
        parts.append(f"<h4>{escape(group.title)}{owner} ({len(group.outcomes)})</h4><ul>")
        parts += [_note_line(note) for note in group.outcomes]
        parts.append("</ul>")
    for title, notes in (("Feedback", workspace.feedback), ("Learning", workspace.learning)):
        parts.append(f"<h3>{title} ({len(notes)})</h3>")
        if notes:
            parts.append("<ul>" + "".join(_note_line(note) for note in notes) + "</ul>")
        else:
            parts.append("<p>None in this period.</p>")
    parts.append(f"<h3>Action items ({len(workspace.actions)})</h3>")
    if workspace.actions:
        parts.append("<ul>")
        for action in workspace.actions:
            if action.done_on is None:
                state = "open"
            elif action.on_time:
                state = f"done {absolute(action.done_on)}"
            else:
                state = f"done late, {absolute(action.done_on)}"
            due = f" · due {absolute(action.due_on)}" if action.due_on else ""
            parts.append(
                f"<li>{escape(action.title)} · {escape(action.owner_label)}{due} · {state}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<p>No action items from this period's meetings.</p>")
    return "".join(parts)


class ReviewsView(ListDetailView):
    section = "reviews"
    watches = frozenset({jobs.REVIEW, jobs.OUTCOME, jobs.PERSON})
    title = "Reviews"
    blank_on_empty_selection = True

    def __init__(self, parent: QWidget | None = None) -> None:
        bar = QWidget()
        bar_ui = Ui_ReviewsBar()
        bar_ui.setupUi(bar)
        super().__init__(
            "reviews",
            ReviewEditor(),
            empty="No review cycles yet — start one for your next self-review. “New cycle” above.",
            top=bar,
            stretch=(2, 5),
            sizes=(440, 860),
            parent=parent,
        )
        self.editor: ReviewEditor
        self.model: ReviewCyclesModel | None = None
        self.new_button = bar_ui.newCycleButton
        self.new_button.clicked.connect(self.new_record)
        self.editor.overview.anchorClicked.connect(self._open_link)

    def bind(self, services: Services) -> None:
        self.model = ReviewCyclesModel(services)
        self.table.setModel(self.model)
        size_columns(
            self.table,
            {
                ReviewCyclesModel.KIND: 11,
                ReviewCyclesModel.PERIOD: 14,
                ReviewCyclesModel.REVIEWER: 14,
            },
            stretch=ReviewCyclesModel.NAME,
            drop=(ReviewCyclesModel.REVIEWER, ReviewCyclesModel.KIND, ReviewCyclesModel.PERIOD),
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        super().bind(services)

    def refresh(self) -> None:
        if self.model is None or self.services is None:
            return
        keep = self.editor.record_id
        self.model.refresh()
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
        if keep is None or not self.select(keep):
            self._select_row(0)
        if self.model.rowCount() == 0:
            self.editor.load(self.services, None)

    def new_record(self) -> None:
        if self.services is None:
            return
        self.editor.flush()
        today = today_of(self.services)
        months = today.year * 12 + today.month - 1 - 6  # the first of the month, half a year ago
        start = date(months // 12, months % 12 + 1, 1)
        managers = self.services.people.list(role="manager")
        cycle = self.services.reviews.create(
            f"Self-review {start:%b %Y} – {today:%b %Y}",
            start,
            today,
            kind=CycleKind.SELF_REVIEW.value,
            reviewer_id=managers[0].id if managers else None,
        )
        self.refresh()
        self.select(cycle.id)
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()
        self.status.emit("Review cycle created")

    def delete_selected(self) -> None:
        record_id = self.editor.record_id
        if self.services is None or record_id is None:
            return
        self.editor.flush()
        self.services.reviews.trash(record_id)
        self.editor.load(self.services, None)
        self.refresh()
        self.trashed.emit("review cycle", record_id)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() == "outcome":
            self.open_record.emit("outcome", url.path())
