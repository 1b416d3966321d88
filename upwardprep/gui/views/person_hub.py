"""The person page (People › Overview): one working relationship at a glance.

It lays out `services.person_hub.read()` and nothing else: the next 1:1 with Prepare, what
each side owes, their priorities and the goals aligned to them, recent notes about them and
how they like to be communicated with. Every list opens its record on double-click or Enter,
and has a menu on the right button (gui/context_menus.py); what changes the store is asked of
the People section through signals.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from upwardprep.gui.forms.ui_person_hub import Ui_PersonHub
from upwardprep.gui.models.base import IdRole
from upwardprep.gui.models.dates import absolute, relative_day
from upwardprep.gui.theme import tone
from upwardprep.services.labels import (
    ME,
    OUTCOME_KIND_LABELS,
    PRIORITY_STATUS_LABELS,
    ROLE_LABELS,
    PriorityStatus,
    label_of,
)
from upwardprep.services.person_hub import OwedItem, PersonHub

KindRole = Qt.ItemDataRole.UserRole + 3  # the entity an item opens: "meeting", "priority", …
OpenIdRole = Qt.ItemDataRole.UserRole + 4  # the id it opens (an action item opens its meeting)
MAX_ROWS = 6  # a list taller than this scrolls inside the page

PAGE_STYLE = (
    'QLabel[muted="true"] { color: palette(placeholder-text); }'
    "QListWidget::item { padding: 3px 2px; }"
)
SEPARATOR = " · "


def _fit_height(widget: QListWidget) -> None:
    """A list as tall as its rows (up to MAX_ROWS), in the font it has now."""
    rows = widget.count()
    row_height = max(widget.sizeHintForRow(0), widget.fontMetrics().height() + 4)
    frame = 2 * widget.frameWidth()
    widget.setFixedHeight(min(rows, MAX_ROWS) * row_height + frame + 2)


class PersonHubPage(QWidget):
    open_record = Signal(str, str)  # entity, id
    prepare_requested = Signal(str)  # person id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PersonHub()
        self.ui.setupUi(self)
        self.ui.hubPage.setStyleSheet(PAGE_STYLE)
        self.hub: PersonHub | None = None
        self.lists: dict[str, tuple[QListWidget, QLabel, QLabel]] = {
            "mine": (self.ui.mineList, self.ui.mineEmpty, self.ui.mineHeading),
            "theirs": (self.ui.theirsList, self.ui.theirsEmpty, self.ui.theirsHeading),
            "priorities": (
                self.ui.prioritiesList,
                self.ui.prioritiesEmpty,
                self.ui.prioritiesHeading,
            ),
            "recent": (self.ui.recentList, self.ui.recentEmpty, self.ui.recentHeading),
        }
        for widget, _empty, _heading in self.lists.values():
            widget.activated.connect(self._activated)
            widget.installEventFilter(self)
        self.ui.prepareButton.clicked.connect(self._prepare)
        self.show_hub(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FontChange
            and isinstance(watched, QListWidget)
            and watched.count()
        ):
            _fit_height(watched)  # the list's own font, once it has changed
        return super().eventFilter(watched, event)

    # -- filling ---------------------------------------------------------------------------

    def show_hub(self, hub: PersonHub | None) -> None:
        """Lay out one person's read (None: empty, as on lock or with nobody selected)."""
        self.hub = hub
        ui = self.ui
        for widget, _empty, _heading in self.lists.values():
            widget.clear()
        if hub is None:
            for label in (ui.hubSubtitle, ui.nextLabel, ui.preferencesText):
                label.clear()
            for _widget, empty, _heading in self.lists.values():
                empty.clear()
            ui.prepareButton.setEnabled(False)
            return
        person = hub.person
        first = person.name.split()[0] if person.name.split() else person.name
        role = label_of(ROLE_LABELS, person.role)
        parts = [role, person.title, f"1:1 {hub.cadence}" if hub.cadence else ""]
        ui.hubSubtitle.setText(" · ".join(part for part in parts if part))
        ui.nextLabel.setText(self._next_text(hub))
        ui.prepareButton.setEnabled(True)
        ui.prepareButton.setToolTip(f"Draft the agenda of the next 1:1 with {first} and open it")
        ui.mineHeading.setText(f"What I owe {first}")
        ui.theirsHeading.setText(f"What {first} owes me")
        self._fill_owed("mine", hub.mine, f"Nothing open that you owe {first}.")
        self._fill_owed("theirs", hub.theirs, f"Nothing open that {first} owes you.")
        self._fill_priorities(hub, first)
        self._fill_recent(hub, first)
        if person.preferences.strip():
            ui.preferencesText.setProperty("muted", False)
            ui.preferencesText.setTextFormat(Qt.TextFormat.MarkdownText)
            ui.preferencesText.setText(person.preferences)
        else:
            ui.preferencesText.setProperty("muted", True)
            ui.preferencesText.setTextFormat(Qt.TextFormat.PlainText)
            ui.preferencesText.setText(
                f"None noted yet: how does {first} like updates, bad news, feedback? "
                "Add it under Details."
            )
        ui.preferencesText.style().polish(ui.preferencesText)

    def _next_text(self, hub: PersonHub) -> str:
        upcoming = hub.next_one_on_one
        if upcoming is None or upcoming.when is None:
            if hub.cadence:
                return "No 1:1 planned yet. Prepare plans one on the rhythm."
            return "No 1:1 planned and no regular rhythm. Prepare plans one a week from now."
        local = upcoming.when.astimezone()
        day = relative_day(local.date(), hub.today)
        if upcoming.meeting_id:
            return f"{local:%a %d %b}, {local:%H:%M} ({day})"
        if upcoming.overdue:
            return f"Overdue since {day}: none planned, and the rhythm says one was due."
        return f"Due {day} on the rhythm; none planned yet."

    def _add(
        self, name: str, text: str, record_id: str, kind: str, opens: str, tip: str = ""
    ) -> None:
        widget = self.lists[name][0]
        item = QListWidgetItem(text)
        item.setData(IdRole, record_id)
        item.setData(KindRole, kind)
        item.setData(OpenIdRole, opens)
        item.setToolTip(tip or text)
        widget.addItem(item)

    def _finish(self, name: str, empty_text: str) -> None:
        widget, empty, _heading = self.lists[name]
        rows = widget.count()
        widget.setVisible(rows > 0)
        empty.setVisible(rows == 0)
        empty.setText(empty_text if rows == 0 else "")
        if rows:
            _fit_height(widget)

    def _fill_owed(self, name: str, items: tuple[OwedItem, ...], empty_text: str) -> None:
        assert self.hub is not None
        for item in items:
            text, tip = item.title, item.title
            if item.due_on is not None:  # first, where eliding a long title cannot hide it
                day = relative_day(item.due_on, self.hub.today)
                text = f"{'overdue since' if item.overdue else 'due'} {day}{SEPARATOR}{item.title}"
                tip = f"{item.title}\nDue {absolute(item.due_on)}"
            self._add(name, text, item.id, "action", item.meeting_id or "", tip)
            if item.overdue:  # the warning tone, as overdue reads everywhere
                widget = self.lists[name][0]
                widget.item(widget.count() - 1).setForeground(tone("warning"))
        self._finish(name, empty_text)

    def _fill_priorities(self, hub: PersonHub, first: str) -> None:
        for priority in hub.priorities:
            text = priority.title
            if priority.status != PriorityStatus.ACTIVE:
                text = f"{label_of(PRIORITY_STATUS_LABELS, priority.status)}{SEPARATOR}{text}"
            self._add("priorities", text, priority.id, "priority", priority.id)
        for priority in hub.aligned:
            owner = priority.owner_name or ME
            self._add(
                "priorities",
                f"↳ {owner}{SEPARATOR}{priority.title}",
                priority.id,
                "priority",
                priority.id,
                f"{priority.title}\nAligned to one of {first}'s priorities; owned by {owner}",
            )
        self.ui.prioritiesHeading.setText(f"{first}'s priorities")
        self._finish("priorities", f"{first} owns no open priority.")

    def _fill_recent(self, hub: PersonHub, first: str) -> None:
        for row in hub.recent:
            kind = label_of(OUTCOME_KIND_LABELS, row.kind)
            day = relative_day(row.occurred_on, hub.today)
            tip = f"{row.title}\n{kind} · {absolute(row.occurred_on)}"
            text = f"{day}{SEPARATOR}{kind}{SEPARATOR}{row.title}"
            self._add("recent", text, row.id, "outcome", row.id, tip)
        more = (
            f" ({len(hub.recent)} of {hub.recent_total})"
            if hub.recent_total > len(hub.recent)
            else ""
        )
        self.ui.recentHeading.setText(f"Recent notes about {first}{more}")
        self._finish("recent", f"No notes about {first} yet.")

    # -- acting ----------------------------------------------------------------------------

    def _prepare(self) -> None:
        if self.hub is not None:
            self.prepare_requested.emit(self.hub.person.id)

    def _activated(self, index: QModelIndex) -> None:
        self.open_item(index)

    def open_item(self, index: QModelIndex) -> None:
        """Open what a row stands for (an action item: the meeting it is on)."""
        kind, opens = index.data(KindRole), index.data(OpenIdRole)
        if not opens:
            return
        self.open_record.emit("meeting" if kind == "action" else kind, opens)
