"""Linked priorities in a form: a list, plus a field that adds one by typing part of its title
(promoted in the outcome editor's Designer form); the field is the type-to-pick RecordPicker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from upwardprep.gui.models.base import IdRole
from upwardprep.gui.widgets.record_picker import Choice, RecordPicker


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
        self._fit_rows()
        self.linked.installEventFilter(self)
        self.linked.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.linked.setTextElideMode(Qt.TextElideMode.ElideRight)
        # One field for the picker's life (its choices change with the record): a completer
        # made per record is what a deleted-object error came from.
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

    def _fit_rows(self) -> None:
        """Two rows at least (not the list's default of four: the outcome editor must fit a
        700-pixel screen) and four at most, in the current font (it scrolls past that)."""
        row = self.linked.fontMetrics().height() + 4
        frame = 2 * self.linked.frameWidth() + 2
        self.linked.setMinimumHeight(2 * row + frame)
        self.linked.setMaximumHeight(4 * row + frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.linked and event.type() == QEvent.Type.FontChange:
            self._fit_rows()  # the list's own font, once it has changed
        return super().eventFilter(watched, event)

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
        linked = list(zip(self.ids(), self.titles(), strict=True))
        self.set_linked([*linked, (priority_id, title)])
        self.changed.emit()

    def titles(self) -> list[str]:
        return [self.linked.item(i).text() for i in range(self.linked.count())]

    def _remove_current(self) -> None:
        row = self.linked.currentRow()
        if row >= 0:
            self.linked.takeItem(row)
            self.changed.emit()

    def clear(self) -> None:
        self.linked.clear()
        self.add.clear()
