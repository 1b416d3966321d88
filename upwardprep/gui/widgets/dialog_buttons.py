"""A dialog's button box, made the way the unlock dialog can afford before it is painted."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget


class DialogButtons(QDialogButtonBox):
    """A QDialogButtonBox made without the one-argument constructor: telling
    QDialogButtonBox(parent) from QDialogButtonBox(Qt.Orientation) makes PySide build the whole
    Qt namespace (about a hundred enums, some 15 ms), which the unlock dialog shows without."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__()
        if parent is not None:
            self.setParent(parent)
