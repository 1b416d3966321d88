"""Linked priorities in a form: a list, plus a field that adds one by typing part of its title
(promoted in the outcome editor's Designer form)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from upwardprep.gui.models.base import IdRole
from upwardprep.gui.widgets.completion import attach_completer


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
        self.add = QLineEdit()
        self.add.setObjectName("addPriorityEdit")
        self.add.setPlaceholderText("Link a priority: type part of its title, Enter")
        self.add.setAccessibleName("Link a priority")
        layout.addWidget(self.linked)
        layout.addWidget(self.add)
        self._titles: dict[str, str] = {}
        self.add.returnPressed.connect(self._add_typed)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.linked)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._remove_current)

    def set_choices(self, titles: dict[str, str]) -> None:
        """title -> id of every priority that can be linked."""
        self._titles = titles
        completer = attach_completer(self.add, list(titles))
        completer.activated.connect(lambda _text: QTimer.singleShot(0, self._add_typed))

    def set_linked(self, pairs: list[tuple[str, str]]) -> None:
        self.linked.clear()
        for priority_id, title in pairs:
            item = QListWidgetItem(title)
            item.setData(IdRole, priority_id)
            self.linked.addItem(item)

    def ids(self) -> list[str]:
        return [self.linked.item(i).data(IdRole) for i in range(self.linked.count())]

    def _add_typed(self) -> None:
        typed = self.add.text().strip().casefold()
        if not typed:
            return
        exact = [pid for title, pid in self._titles.items() if title.casefold() == typed]
        partial = [pid for title, pid in self._titles.items() if typed in title.casefold()]
        found = exact or partial
        if len(found) != 1:
            self.add.setToolTip(
                "Several priorities match; keep typing." if found else "No priority matches."
            )
            return
        if found[0] not in self.ids():
            title = next(t for t, pid in self._titles.items() if pid == found[0])
            self.set_linked(
                [*zip(self.ids(), self._linked_titles(), strict=True), (found[0], title)]
            )
            self.changed.emit()
        self.add.clear()

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
