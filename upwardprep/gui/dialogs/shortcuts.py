"""Help > Keyboard Shortcuts: every command of the command table with the keys it has on this
machine (as its menu shows them), and the keys that work inside lists and fields, grouped where
they apply; a filter narrows the list by keys or words."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.commands import COMMANDS, KEY_HINTS
from upwardprep.services.text_match import fold


def shortcut_rows(actions: Mapping[str, QAction]) -> list[tuple[str, str, str]]:
    """(group, keys, what) for every command that has keys, then every key hint."""
    rows = []
    for command in COMMANDS:
        action = actions.get(command.name)
        if action is None or command.menu is None:
            continue
        keys = ", ".join(
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in action.shortcuts()
            if not sequence.isEmpty()
        )
        if keys:
            menu = command.menu.replace("&", "")
            rows.append((f"{menu} menu", keys, action.text().replace("&", "")))
    rows += [(hint.where, hint.keys, hint.text) for hint in KEY_HINTS]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText("Filter by keys or words…")
        self.filter.setAccessibleName("Filter shortcuts")
        self.filter.setClearButtonEnabled(True)
        label = QLabel("&Find:")
        label.setBuddy(self.filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsTree")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Keys", "What they do"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, keys, what in shortcut_rows(actions):
            if group not in groups:
                heading = QTreeWidgetItem([group])
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                heading.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(heading)
                heading.setFirstColumnSpanned(True)
                heading.setExpanded(True)
                groups[group] = heading
            groups[group].addChild(QTreeWidgetItem([keys, what]))
        self.tree.expandAll()
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        wanted = fold(text).split()
        for index in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(index)
            if heading is None:
                continue
            shown = 0
            for row in range(heading.childCount()):
                item = heading.child(row)
                if item is None:
                    continue
                words = fold(f"{heading.text(0)} {item.text(0)} {item.text(1)}")
                hidden = not all(word in words for word in wanted)
                item.setHidden(hidden)
                shown += not hidden
            heading.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        """(keys, what) of the rows the filter leaves (tests)."""
        found = []
        for index in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(index)
            if heading is None or heading.isHidden():
                continue
            for row in range(heading.childCount()):
                item = heading.child(row)
                if item is not None and not item.isHidden():
                    found.append((item.text(0), item.text(1)))
        return found
