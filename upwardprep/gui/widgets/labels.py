"""Word-wrapped labels that are cheap to lay out, and a link drawn as plain text.

The Dashboard shows a few dozen word-wrapped lines right after unlock. Qt asks a wrapped label
its height for a width again on every layout pass (about 24 times each before the first paint,
for only four widths) and QLabel lays its text out anew for each question; a rich-text link
also builds a QTextDocument. These labels remember their height per width, and `LinkLabel`
keeps the look and the mouse behaviour of a rich-text `<a href>` label with plain text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """A word-wrapped plain-text label that answers height-for-width from a small cache."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._heights: dict[tuple[int, str], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 16:  # a window resized by hand asks for many widths
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def setWordWrap(self, on: bool) -> None:
        self._heights = {}
        super().setWordWrap(on)

    def changeEvent(self, event: QEvent) -> None:
        # a new font, style, margins or direction: the cache starts again (only these change
        # events reach Python; an override of event() would see every paint and move)
        self._heights = {}
        super().changeEvent(event)


class LinkLabel(WrappedLabel):
    """A record's title as a link: the palette's link colour, underlined, wrapped; `activated`
    when the user left-clicks its words, with the pointing hand over them only. Keyboard focus
    stays as with the rich-text link it replaced (none)."""

    activated = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setForegroundRole(QPalette.ColorRole.Link)
        underline = QFont()  # only the underline is set: size and family follow the app
        underline.setUnderline(True)
        self.setFont(underline)
        self.setMouseTracking(True)
        self._lines: tuple[int, int, str, list[QRectF]] | None = None
        self._over = False

    def text_rects(self) -> list[QRectF]:
        """Where the words are drawn, one rectangle per line: what a click has to hit."""
        rect = self.contentsRect()
        text = self.text()
        if self._lines is not None and self._lines[:3] == (rect.width(), rect.height(), text):
            return self._lines[3]
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        lines: list[QRectF] = []
        height = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            line.setPosition(QPointF(0, height))
            height += line.height()
            lines.append(line.naturalTextRect())
        layout.endLayout()
        top = float(rect.top())  # QLabel centres the words in any height to spare
        if self.alignment() & Qt.AlignmentFlag.AlignVCenter:
            top += max(0.0, (rect.height() - height) / 2)
        rects = [line.translated(rect.left(), top) for line in lines]
        self._lines = (rect.width(), rect.height(), text, rects)
        return rects

    def over_text(self, point: QPointF) -> bool:
        return any(line.contains(point) for line in self.text_rects())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.over_text(event.position())
        if over != self._over:
            self._over = over
            if over:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._over:
            self._over = False
            self.unsetCursor()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.over_text(event.position()):
            event.accept()
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)
