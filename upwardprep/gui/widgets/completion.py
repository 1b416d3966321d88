"""Pick-by-typing: a completer that matches anywhere in the text, ignores case, and highlights
its first suggestion so that Enter takes it (no arrow key needed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit


def attach_completer(field: QLineEdit, items: list[str]) -> QCompleter:
    completer = QCompleter(sorted(items, key=str.casefold), field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    field.setCompleter(completer)

    def highlight_first() -> None:
        popup = completer.popup()
        if popup is not None and popup.isVisible() and completer.completionCount():
            popup.setCurrentIndex(completer.completionModel().index(0, 0))

    # With the completer as the timer's context: a field closed meanwhile cancels the call.
    field.textEdited.connect(lambda _text: QTimer.singleShot(0, completer, highlight_first))
    return completer
