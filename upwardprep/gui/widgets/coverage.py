"""Coverage drawn in a row (a bar: notes linked here, and through the goals below) and the
documentation rhythm (notes per week) as a small bar chart, both painted with QPainter from the
palette, so they read in light and dark mode."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QStyleOptionViewItem, QToolTip, QWidget

from upwardprep.gui.models.alignment import CoverageRole
from upwardprep.gui.models.dates import short
from upwardprep.gui.widgets.delegates import (
    AMBER,
    BAR_HEIGHT,
    BAR_WIDTH,
    GAP,
    MARGIN,
    AnyIndex,
    _background,
    _CellDelegate,
    _is_selected,
    _text_color,
    blend,
    readable,
)


class CoverageDelegate(_CellDelegate):
    """A bar as long as this priority's notes against the largest in view (the part linked
    directly in full accent, the part through aligned goals lighter), then "12 notes · last 3
    days ago"; a priority with no notes says so in amber."""

    def __init__(self, parent: Any = None, *, role: int = CoverageRole) -> None:
        super().__init__(parent)
        self.role = role

    def _value(self, index: AnyIndex) -> tuple[int, int, int, str]:
        value = index.data(self.role)
        if not isinstance(value, tuple | list) or len(value) != 4:
            return 0, 0, 0, str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        total, direct, largest, label = value
        return int(total), int(direct), int(largest), str(label)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = self._prepare(painter, option, index)
        total, direct, largest, label = self._value(index)
        area = self._content_rect(opt)
        background = _background(opt)
        selected = _is_selected(opt)
        ink = (
            opt.palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else opt.palette.color(QPalette.ColorRole.Highlight)
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(area.left(), area.center().y() - BAR_HEIGHT / 2 + 0.5, BAR_WIDTH, BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(blend(_text_color(opt), background, 0.12))
        painter.drawRoundedRect(track, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        if total and largest:
            whole = QRectF(track)
            whole.setWidth(max(BAR_HEIGHT, track.width() * total / largest))
            painter.setBrush(blend(ink, background, 0.45))
            painter.drawRoundedRect(whole, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
            if direct:
                part = QRectF(whole)
                part.setWidth(max(BAR_HEIGHT, track.width() * direct / largest))
                painter.setBrush(ink)
                painter.drawRoundedRect(part, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        left = int(track.right()) + GAP
        text_area = QRect(left, area.top(), max(0, area.right() - left), area.height())
        color = _text_color(opt)
        if total == 0 and not selected:
            color = readable(AMBER, background, minimum=3.0)
        painter.setFont(opt.font)
        painter.setPen(color)
        metrics = QFontMetrics(opt.font)
        painter.drawText(
            text_area,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_area.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        _total, _direct, _largest, label = self._value(index)
        metrics = QFontMetrics(option.font)
        return QSize(
            BAR_WIDTH + GAP + metrics.horizontalAdvance(label) + 2 * MARGIN,
            metrics.height() + 2 * MARGIN,
        )


class RhythmChart(QWidget):
    """Notes documented per week: one bar a week, the current week last, a label every month
    or so; a week's figure shows on hover. Empty weeks show as a thin mark, so a gap reads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhythmChart")
        self.setAccessibleName("Outcome notes per week")
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.weeks: list[tuple[date, int]] = []

    def set_weeks(self, weeks: Sequence[tuple[date, int]]) -> None:
        self.weeks = list(weeks)
        total = sum(count for _day, count in self.weeks)
        self.setAccessibleDescription(
            f"{total} notes over {len(self.weeks)} weeks" if self.weeks else "No data"
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 130)

    def _plot(self) -> QRect:
        metrics = self.fontMetrics()
        return self.rect().adjusted(4, metrics.height() + 4, -4, -(metrics.height() + 6))

    def _bar_rects(self) -> list[QRectF]:
        if not self.weeks:
            return []
        plot = self._plot()
        slot = plot.width() / len(self.weeks)
        largest = max((count for _day, count in self.weeks), default=0) or 1
        rects = []
        for number, (_day, count) in enumerate(self.weeks):
            height = max(2.0, plot.height() * count / largest) if count else 2.0
            left = plot.left() + number * slot + slot * 0.18
            rects.append(QRectF(left, plot.bottom() - height + 1, slot * 0.64, height))
        return rects

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = blend(text, base, 0.6)
        metrics = self.fontMetrics()
        plot = self._plot()
        painter.setPen(blend(text, base, 0.25))
        painter.drawLine(plot.left(), plot.bottom() + 1, plot.right(), plot.bottom() + 1)
        if not self.weeks:
            painter.setPen(muted)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No notes yet")
            return
        largest = max(count for _day, count in self.weeks)
        painter.setPen(muted)
        painter.drawText(
            QRect(plot.left(), 0, plot.width(), metrics.height() + 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            f"most in a week: {largest}",
        )
        for number, ((day, count), rect) in enumerate(
            zip(self.weeks, self._bar_rects(), strict=True)
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent if count else blend(text, base, 0.2))
            painter.drawRoundedRect(rect, 2, 2)
            last = number == len(self.weeks) - 1
            if number % 4 == 0 or last:
                label = "this week" if last else short(day, with_year=False)
                width = metrics.horizontalAdvance(label) + 4
                centre = int(rect.center().x())
                left = max(0, min(self.width() - width, centre - width // 2))
                if not last and number + 4 >= len(self.weeks) - 1:
                    continue  # would collide with "this week"
                painter.setPen(muted)
                painter.drawText(
                    QRect(left, plot.bottom() + 4, width, metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    label,
                )
        painter.end()

    def week_at(self, point: QPoint) -> tuple[date, int] | None:
        plot = self._plot()
        if not self.weeks or not plot.left() <= point.x() <= plot.right():
            return None
        slot = plot.width() / len(self.weeks)
        number = min(len(self.weeks) - 1, int((point.x() - plot.left()) / slot))
        return self.weeks[number]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.week_at(event.pos())
            if found is None:
                QToolTip.hideText()
            else:
                day, count = found
                notes = "1 note" if count == 1 else f"{count} notes"
                QToolTip.showText(event.globalPos(), f"Week of {short(day)}: {notes}", self)
            return True
        return super().event(event)
