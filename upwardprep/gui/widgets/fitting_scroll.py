"""A scroll area for a dialog's form that only scrolls when the screen is too short for it.

QScrollArea asks for at most 24 lines of text and can shrink to almost nothing, so a dialog
built on it opens cut short on any screen, and Qt opens a window at no more than 2/3 of the
screen. This one asks for its whole contents and refuses to shrink below them while they fit
the screen with room left for the title bar, the dialog's buttons and its margins: at an
ordinary font nothing scrolls; at a large font on a short screen (16 pt on 700 px) the form
scrolls and the buttons below it stay on screen. Tab scrolls to the focused field (QScrollArea
does that itself).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What the rest of a dialog needs around its form, in lines of the dialog's text: the window's
# title bar, the button row and the margins (about 4 lines at any font; 6 leaves slack).
RESERVED_LINES = 6


class FittingScrollArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The form's layout changed (polish, font, text): ask the dialog to lay out again.
        Its updateGeometry stops at the viewport, which has no layout."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        """Polished (just before the dialog is first shown and sized), polish the form at once
        and drop the size its window holds for us: Qt polishes children after their parent,
        and the form's new sizes would otherwise reach the dialog after it had opened."""
        handled = super().event(event)
        if event.type() == QEvent.Type.Polish and (inner := self.widget()) is not None:
            inner.ensurePolished()
            self.updateGeometry()
        return handled

    def available_height(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry().height() if screen is not None else 10_000

    def room(self) -> int:
        """The most height the form may claim on the screen the dialog is on."""
        available = self.available_height()
        line = self.fontMetrics().height()
        return max(4 * line, available - RESERVED_LINES * line)

    def _contents(self) -> tuple[QSize, QSize]:
        """The form's size hint and least size; wrapped text measured at the hinted width."""
        inner = self.widget()
        if inner is None:
            return QSize(0, 0), QSize(0, 0)
        if (layout := inner.layout()) is not None:
            # Its nested layouts keep the sizes they had when setWidget first measured them
            # (before the form's texts were set) until the posted layout request arrives.
            layout.activate()
        hint, least = inner.sizeHint(), inner.minimumSizeHint()
        if inner.hasHeightForWidth():
            wrapped = inner.heightForWidth(hint.width())
            hint.setHeight(max(hint.height(), wrapped))
            least.setHeight(max(least.height(), wrapped))
        return hint, least

    def sizeHint(self) -> QSize:
        hint, least = self._contents()
        frame = 2 * self.frameWidth()
        height = max(hint.height(), least.height())
        width = hint.width() + frame
        if height > self.room():  # it will scroll: leave the scroll bar its room
            width += self.verticalScrollBar().sizeHint().width()
        return QSize(width, height + frame)

    def minimumSizeHint(self) -> QSize:
        _hint, least = self._contents()
        frame = 2 * self.frameWidth()
        height = min(least.height(), self.room())
        width = least.width() + frame
        if least.height() > height:
            width += self.verticalScrollBar().sizeHint().width()
        return QSize(width, height + frame)
