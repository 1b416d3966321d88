"""The clipboard after locking: note text the app put there is cleared.

Copying a note's text is the user's choice while the app is unlocked; after the app locks, that
text must not stay on the clipboard for anyone at the keyboard. What was put there is recognised
by the platform's ownership where it has one, else by a digest (never the text) taken when the
clipboard changed while one of the app's windows had the focus. Text another program put on the
clipboard is left alone.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication

MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: dict[QClipboard.Mode, bytes] = {}
        QGuiApplication.clipboard().changed.connect(self._changed)

    def _changed(self, mode: QClipboard.Mode) -> None:
        text = QGuiApplication.clipboard().text(mode)
        if text and QGuiApplication.focusWindow() is not None:  # copied in one of our windows
            self._ours[mode] = _digest(text)
        else:
            self._ours.pop(mode, None)

    def _owns(self, clipboard: QClipboard, mode: QClipboard.Mode) -> bool:
        if mode == QClipboard.Mode.Selection:
            return clipboard.supportsSelection() and clipboard.ownsSelection()
        return clipboard.ownsClipboard()

    def clear_ours(self) -> None:
        """Clear each clipboard that still holds text this app put there."""
        clipboard = QGuiApplication.clipboard()
        for mode in MODES:
            text = clipboard.text(mode)
            if text and (self._owns(clipboard, mode) or self._ours.get(mode) == _digest(text)):
                clipboard.clear(mode)
        self._ours.clear()
