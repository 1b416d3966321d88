"""The dashboard: what needs doing before the next conversations, in calm cards.

Next 1:1s (each with Prepare), priorities to confirm (Confirm in place), silent priorities,
unaligned work (link to a priority or dismiss), open action items by owner and due date, and the
documentation rhythm as a small chart. All of it comes from one read
(`services.dashboard.read()`); every action writes through a service and reloads it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui import jobs
from upwardprep.gui.models.dates import absolute, age, relative_day
from upwardprep.gui.theme import scaled_points, set_tone
from upwardprep.gui.views.base import SectionView
from upwardprep.gui.widgets.coverage import RhythmChart
from upwardprep.gui.widgets.delegates import blend
from upwardprep.gui.widgets.labels import LinkLabel, WrappedLabel
from upwardprep.services import Services, ValidationError
from upwardprep.services.dashboard import Dashboard
from upwardprep.services.labels import ME, OUTCOME_KIND_LABELS, ROLE_LABELS, label_of
from upwardprep.services.priorities import PriorityData

CARD_STYLE = """
QFrame#card {
    background: palette(base);
    border: 1px solid %(border)s;
    border-radius: 8px;
}
QFrame#card QLabel#cardTitle { font-size: %(title)spt; font-weight: 600; }
QFrame#card QLabel[muted="true"] { color: palette(placeholder-text); }
QFrame#card QCheckBox::indicator {
    width: 14px; height: 14px; border-radius: 3px;
    border: 1px solid %(check)s; background: palette(base);
}
QFrame#card QCheckBox::indicator:hover, QFrame#card QCheckBox::indicator:focus {
    border-color: palette(highlight);
}
QFrame#card QCheckBox::indicator:checked {
    background: palette(highlight); border-color: palette(highlight);
}
"""


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.setParent(None)  # gone from the window now (lock), freed later
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)


def _overdue(label: QLabel) -> None:
    """A muted line that says something is late: the warning tone (the card's muted rule
    would win over the app's tone rule, so the label stops being muted)."""
    label.setProperty("muted", False)
    set_tone(label, "warning")


def _muted(text: str, name: str = "", parent: QWidget | None = None) -> QLabel:
    label = WrappedLabel(text, parent)
    label.setProperty("muted", True)
    if name:
        label.setObjectName(name)
    return label


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local:%a %d %b}, {local:%H:%M}"


class Card(QFrame):
    """A titled box whose body is rebuilt on every refresh.

    The rows' widgets are made with the card as their parent: one made without a parent and
    then laid out in the card is styled again when it moves in (the page's style sheet), and a
    combo box then rebuilds its list's delegate too."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("cardName", name)
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 14)
        outer.setSpacing(8)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        outer.addWidget(self.title)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body)
        outer.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def reset(self, title: str | None = None) -> None:
        _clear(self.body)
        if title is not None:
            self.title.setText(title)

    def row(self, *widgets: QWidget, stretch_first: bool = True) -> QHBoxLayout:
        line = QHBoxLayout()
        line.setSpacing(8)
        for number, widget in enumerate(widgets):
            line.addWidget(widget, 1 if number == 0 and stretch_first else 0)
        self.body.addLayout(line)
        return line


class DashboardView(SectionView):
    section = "dashboard"
    watches = jobs.ALL_KINDS
    title = "Dashboard"

    #: person id: draft the next 1:1 with them and open it (handled here, announced for tests)
    prepared = Signal(str)
    #: kind, id, meeting id ("" if none), where: a row's right-button menu (gui/context_menus.py)
    menu_requested = Signal(str, str, str, QPoint)

    def __init__(self, stale_days: int = 21, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.stale_days = stale_days
        self.data: Dashboard | None = None
        self._priority_choices: list[tuple[str, str]] = []
        self._choices: QStandardItemModel | None = None  # the link pickers' shared choices
        self._choices_for: list[tuple[str, str]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        page = QWidget()
        page.setObjectName("dashboardPage")
        self.page = page
        self._style_cards()
        scroll.setWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 24)
        layout.setSpacing(16)
        heading = QLabel("Dashboard")
        heading.setObjectName("pageTitle")
        self.subtitle = _muted("", "dashboardSubtitle")
        layout.addWidget(heading)
        layout.addWidget(self.subtitle)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        self.meetings_card = Card("meetings", "Next 1:1s")
        self.confirm_card = Card("confirm", "Confirm with your manager")
        self.silent_card = Card("silent", "Silent priorities")
        self.rhythm_card = Card("rhythm", "Documentation rhythm")
        self.unaligned_card = Card("unaligned", "Unaligned work")
        self.actions_card = Card("actions", "Open action items")
        self.chart = RhythmChart()
        self.rhythm_caption = _muted("", "rhythmCaption")
        self.rhythm_card.body.addWidget(self.chart)
        self.rhythm_card.body.addWidget(self.rhythm_caption)
        left = QVBoxLayout()
        right = QVBoxLayout()
        for column, cards in (
            (left, (self.meetings_card, self.confirm_card, self.silent_card)),
            (right, (self.rhythm_card, self.unaligned_card, self.actions_card)),
        ):
            column.setSpacing(16)
            for card in cards:
                column.addWidget(card)
            column.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _style_cards(self) -> None:
        """A hairline border a step away from the card in either mode (palette(midlight) is
        bright on a dark palette)."""
        palette = self.palette()
        border = blend(
            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.16
        )
        # Fusion draws a check box's edge a shade off the window colour: on a dark card it
        # vanished, so the action items' boxes are drawn here, as visible in either mode.
        check = blend(
            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.5
        )
        self.page.setStyleSheet(
            CARD_STYLE
            % {"border": border.name(), "check": check.name(), "title": scaled_points(1.15)}
        )

    def changeEvent(self, event: QEvent) -> None:
        changed = (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ApplicationFontChange,  # the card titles are sized from the app's font
        )
        if event.type() in changed and hasattr(self, "page"):
            self._style_cards()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.services is None:
            return
        self.data, open_priorities = self._read(self.services, self.stale_days)
        self._priority_choices = [
            (p.title if not p.owner_name else f"{p.title} — {p.owner_name}", p.id)
            for p in open_priorities
        ]
        data = self.data
        self.subtitle.setText(f"{absolute(data.today)} · what to do before your next 1:1s")
        self._fill_meetings(data)
        self._fill_confirm(data)
        self._fill_silent(data)
        self._fill_rhythm(data)
        self._fill_unaligned(data)
        self._fill_actions(data)

    @staticmethod
    def _read(services: Services, stale_days: int) -> tuple[Dashboard, list[PriorityData]]:
        """What the dashboard shows, and the open priorities its pickers offer."""
        dashboard = services.dashboard.read(stale_days=stale_days)
        return dashboard, services.priorities.list(statuses=["active", "at-risk"])

    def first_reads(self) -> Callable[[Services], object]:
        stale_days = self.stale_days
        return lambda services: DashboardView._read(services, stale_days)  # no widget in it

    def clear(self) -> None:
        self.data = None
        self._priority_choices = []
        self._drop_choices()  # priority titles, like the rest of the text, go on lock
        for card in (
            self.meetings_card,
            self.confirm_card,
            self.silent_card,
            self.unaligned_card,
            self.actions_card,
        ):
            card.reset()
        self.chart.set_weeks([])
        self.rhythm_caption.setText("")
        self.subtitle.setText("")

    def _button(
        self, text: str, name: str, slot: Callable[[], None], tip: str, parent: QWidget
    ) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _link(self, text: str, entity: str, record_id: str, parent: QWidget) -> QLabel:
        label = LinkLabel(text, parent)
        label.activated.connect(lambda: self.open_record.emit(entity, record_id))
        self._with_menu(label, entity, record_id)
        return label

    def _with_menu(self, widget: QWidget, kind: str, record_id: str, meeting_id: str = "") -> None:
        """The row's right-button menu (Open, Confirm, Link to Priority, Mark Done, Copy…)."""
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.setProperty("recordId", record_id)
        widget.customContextMenuRequested.connect(
            lambda pos: self.menu_requested.emit(
                kind, record_id, meeting_id, widget.mapToGlobal(pos)
            )
        )

    def _fill_meetings(self, data: Dashboard) -> None:
        card = self.meetings_card
        card.reset()
        if not data.next_one_on_ones:
            card.body.addWidget(
                _muted(
                    "No 1:1s coming up. Give your manager and reports a cadence "
                    "(People) and hold a first 1:1 to start the rhythm.",
                    parent=card,
                )
            )
            return
        for item in data.next_one_on_ones:
            name = QLabel(f"<b>{_escape(item.person_name)}</b>", card)
            name.setTextFormat(Qt.TextFormat.RichText)
            self._with_menu(name, "person", item.person_id)
            role = label_of(ROLE_LABELS, item.role).lower()
            if item.when is None:
                when = "no date yet"
            elif item.meeting_id:
                when = _when(item.when)
            else:
                day = relative_day(item.when.astimezone().date(), data.today)
                when = f"overdue since {day}" if item.overdue else f"due {day}"
            detail = _muted(f"{role} · {when}", parent=card)
            if item.overdue:
                _overdue(detail)
            button = self._button(
                "Prepare",
                "prepareButton",
                lambda pid=item.person_id: self.prepare(pid),  # type: ignore[misc]
                f"Draft the agenda for the next 1:1 with {item.person_name} and open it",
                card,
            )
            button.setProperty("personId", item.person_id)
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(name)
            box.addWidget(detail)
            line = QHBoxLayout()
            line.addLayout(box, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            card.body.addLayout(line)

    def _fill_confirm(self, data: Dashboard) -> None:
        card = self.confirm_card
        count = len(data.needs_confirmation)
        card.reset(f"Confirm with your manager ({count})" if count else "Confirm with your manager")
        if not count:
            card.body.addWidget(
                _muted(
                    f"Every open priority was confirmed in the last {self.stale_days} days.",
                    parent=card,
                )
            )
            return
        for item in data.needs_confirmation:
            priority = item.priority
            title = self._link(priority.title, "priority", priority.id, card)
            detail = _muted(
                f"{priority.owner_name or ME} · "
                + (
                    f"confirmed {item.days_unconfirmed} days ago"
                    if priority.last_confirmed_at
                    else f"never confirmed (added {item.days_unconfirmed} days ago)"
                ),
                parent=card,
            )
            button = self._button(
                "Confirm",
                "confirmButton",
                lambda pid=priority.id: self.confirm(pid),  # type: ignore[misc]
                "Your manager confirmed this still matters",
                card,
            )
            button.setProperty("priorityId", priority.id)
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(title)
            box.addWidget(detail)
            line = QHBoxLayout()
            line.addLayout(box, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            card.body.addLayout(line)

    def _fill_silent(self, data: Dashboard) -> None:
        card = self.silent_card
        count = len(data.silent)
        card.reset(f"Silent priorities ({count})" if count else "Silent priorities")
        if not count:
            card.body.addWidget(
                _muted("Every open priority has notes from the last four weeks.", parent=card)
            )
            return
        for item in data.silent[:8]:
            priority = item.priority
            if item.last_outcome_on:
                quiet = f"last note {age(item.last_outcome_on, data.today)}"
            else:
                quiet = "nothing documented yet"
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(self._link(priority.title, "priority", priority.id, card))
            box.addWidget(_muted(f"{priority.owner_name or ME} · {quiet}", parent=card))
            card.body.addLayout(box)
        if count > 8:
            card.body.addWidget(_muted(f"and {count - 8} more", parent=card))

    def _fill_rhythm(self, data: Dashboard) -> None:
        self.chart.set_weeks([(week.week_start, week.count) for week in data.rhythm])
        total = sum(week.count for week in data.rhythm)
        empty = sum(1 for week in data.rhythm if week.count == 0)
        caption = f"{total} notes in the last {len(data.rhythm)} weeks"
        caption += f" · {total / len(data.rhythm):.1f} a week" if data.rhythm else ""
        if empty:
            caption += f" · {empty} {'week' if empty == 1 else 'weeks'} without a note"
        self.rhythm_caption.setText(caption)

    def _fill_unaligned(self, data: Dashboard) -> None:
        card = self.unaligned_card
        work = data.unaligned
        card.reset(f"Unaligned work ({work.total})" if work.total else "Unaligned work")
        if not work.total:
            card.body.addWidget(
                _muted("Every note of the last quarter serves a priority.", parent=card)
            )
            return
        choices = self._choices_model()
        for outcome in work.outcomes:
            title = self._link(outcome.title, "outcome", outcome.id, card)
            kind = label_of(OUTCOME_KIND_LABELS, outcome.kind)
            detail = _muted(
                f"{kind} · {relative_day(outcome.occurred_on, data.today)}", parent=card
            )
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(title)
            box.addWidget(detail)
            picker = QComboBox(card)
            picker.setObjectName("linkPicker")
            picker.setAccessibleName(f"Link “{outcome.title}” to a priority")
            picker.setModel(choices)
            picker.setProperty("outcomeId", outcome.id)
            picker.setMinimumContentsLength(24)
            picker.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            picker.activated.connect(
                lambda _i, p=picker, oid=outcome.id: self.link(oid, p.currentData())
            )
            dismiss = self._button(
                "Dismiss",
                "dismissButton",
                lambda oid=outcome.id: self.dismiss(oid),  # type: ignore[misc]
                "It serves no priority, on purpose (tags it #no-priority)",
                card,
            )
            dismiss.setProperty("outcomeId", outcome.id)
            # The choices go under the title: beside it, a narrow card squeezed the title to
            # a few letters a line and pushed the page wider than the window.
            line = QHBoxLayout()
            line.setContentsMargins(0, 2, 0, 6)
            # sized to its text, not the card: at 1920 px it stretched across the whole card
            line.addWidget(picker, 0)
            line.addWidget(dismiss, 0)
            line.addStretch(1)
            box.addLayout(line)
            card.body.addLayout(box)
        if work.total > len(work.outcomes):
            more = _muted(
                f"and {work.total - len(work.outcomes)} more in the Alignment section", parent=card
            )
            card.body.addWidget(more)

    def _choices_model(self) -> QStandardItemModel:
        """The link pickers' choices ("Link to…", then the open priorities), one model that all
        of them show: filling each picker item by item cost more than the rest of its row."""
        if self._choices is not None and self._choices_for == self._priority_choices:
            return self._choices
        self._drop_choices()
        model = QStandardItemModel(self)
        model.appendRow(QStandardItem("Link to…"))
        for label, pid in self._priority_choices:
            item = QStandardItem(label)
            item.setData(pid, Qt.ItemDataRole.UserRole)  # what addItem(label, pid) stored
            model.appendRow(item)
        self._choices, self._choices_for = model, list(self._priority_choices)
        return model

    def _drop_choices(self) -> None:
        if self._choices is not None:
            self._choices.deleteLater()  # the pickers of the last fill may still show it
        self._choices, self._choices_for = None, []

    def _fill_actions(self, data: Dashboard) -> None:
        card = self.actions_card
        count = sum(len(group.items) for group in data.actions)
        card.reset(f"Open action items ({count})" if count else "Open action items")
        if not count:
            card.body.addWidget(
                _muted("Nothing open. Action items from your 1:1s gather here.", parent=card)
            )
            return
        for group in data.actions:
            owner = QLabel(f"<b>{_escape(group.owner_label)}</b> · {len(group.items)}", card)
            owner.setTextFormat(Qt.TextFormat.RichText)
            card.body.addWidget(owner)
            for item in group.items[:6]:
                check = QCheckBox(card)
                check.setObjectName("actionCheck")
                check.setAccessibleName(f"Done: {item.title}")
                check.setToolTip("Tick it off when it is done")
                check.setProperty("actionId", item.id)
                check.toggled.connect(lambda done, aid=item.id: self.tick(aid, done))
                title = QLabel(_escape(item.title), card)
                title.setWordWrap(True)
                title.setTextFormat(Qt.TextFormat.RichText)
                title.setBuddy(check)
                for widget in (check, title):
                    self._with_menu(widget, "action", item.id, item.meeting_id or "")
                if item.due_on is None:
                    due = _muted("no due date", parent=card)
                else:
                    due = _muted(
                        ("overdue · " if item.overdue else "due ")
                        + relative_day(item.due_on, data.today),
                        parent=card,
                    )
                    due.setToolTip(absolute(item.due_on))
                    if item.overdue:
                        _overdue(due)
                due.setWordWrap(False)  # "overdue · 3 days ago" on one line beside the title
                line = QHBoxLayout()
                line.setSpacing(6)
                line.setContentsMargins(8, 0, 0, 0)
                line.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
                line.addWidget(title, 1)
                line.addWidget(due, 0, Qt.AlignmentFlag.AlignTop)
                card.body.addLayout(line)
            if len(group.items) > 6:
                card.body.addWidget(_muted(f"and {len(group.items) - 6} more", parent=card))

    # -- actions ---------------------------------------------------------------------------

    def prepare(self, person_id: str) -> None:
        """Draft the next 1:1's agenda with this person and open it in Meetings."""
        if self.services is None:
            return
        try:
            meeting = self.services.agenda.draft_next(person_id)
        except ValidationError as error:
            self.status.emit(str(error))
            return
        self.prepared.emit(person_id)
        self.open_record.emit("meeting", meeting.id)
        self.status.emit("Agenda drafted")

    def tick(self, action_id: str, done: bool = True) -> None:
        """An open action item ticked off on the dashboard (and its carried copies with it)."""
        if self.services is None:
            return
        try:
            self.services.meetings.set_action_done(action_id, done)
        except ValidationError as error:
            self.status.emit(str(error))
            self.refresh()
            return
        self.refresh()
        self.status.emit("Done" if done else "Open again")

    def confirm(self, priority_id: str) -> None:
        if self.services is None:
            return
        self.services.priorities.confirm(priority_id)
        self.refresh()
        self.status.emit("Confirmed")

    def link(self, outcome_id: str, priority_id: str | None) -> None:
        if self.services is None or not priority_id:
            return
        try:
            self.services.alignment.link(outcome_id, priority_id)
        except ValidationError as error:
            self.status.emit(str(error))
            return
        self.refresh()
        self.status.emit("Linked")

    def dismiss(self, outcome_id: str) -> None:
        if self.services is None:
            return
        self.services.alignment.dismiss(outcome_id)
        self.refresh()
        self.status.emit("Dismissed: tagged #no-priority")


def _escape(text: str) -> str:
    return escape(text, quote=False)
