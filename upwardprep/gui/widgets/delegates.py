"""Item delegates for the priority lists: status pills, progress bars, the stale-confirmation clock.

Colours come from the view's palette (the accent is its Highlight) plus three fixed hues; every
text colour is picked for contrast against what it is drawn on, so the cells read in light and
dark mode and on a selected row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from upwardprep.gui.models.priorities import ProgressRole, StaleRole, StatusRole
from upwardprep.gui.theme import STATUS_HUES
from upwardprep.services.labels import PRIORITY_STATUS_LABELS, label_of

AnyIndex = QModelIndex | QPersistentModelIndex

AMBER = QColor(STATUS_HUES["at-risk"])
GREEN = QColor(STATUS_HUES["done"])
GREY = QColor(STATUS_HUES["dropped"])
MARGIN = 4  # between the cell's edge and what is drawn in it
PILL_PADDING = 8  # left and right of the pill's text
BAR_WIDTH = 64
MIN_BAR_WIDTH = 24  # a narrow column shortens the bar before it hides the figure
BAR_HEIGHT = 4
GAP = 8
GLYPH = 14  # the clock's size in pixels


# -- colour ----------------------------------------------------------------------------------


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(color: QColor, under: QColor, amount: float) -> QColor:
    """`color` laid over `under` at `amount` opacity, as an opaque colour."""
    return QColor.fromRgbF(
        color.redF() * amount + under.redF() * (1 - amount),
        color.greenF() * amount + under.greenF() * (1 - amount),
        color.blueF() * amount + under.blueF() * (1 - amount),
    )


def readable(color: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """`color`, darkened on a light background or lightened on a dark one until it reads."""
    dark_background = _luminance(background) < 0.18
    candidate = QColor(color)
    for _ in range(12):
        if contrast(candidate, background) >= minimum:
            return candidate
        candidate = candidate.lighter(118) if dark_background else candidate.darker(118)
    return QColor("white") if dark_background else QColor("black")


def _is_selected(option: QStyleOptionViewItem) -> bool:
    return bool(option.state & QStyle.StateFlag.State_Selected)


def _background(option: QStyleOptionViewItem) -> QColor:
    role = QPalette.ColorRole.Highlight if _is_selected(option) else QPalette.ColorRole.Base
    return option.palette.color(role)


def _text_color(option: QStyleOptionViewItem) -> QColor:
    role = QPalette.ColorRole.HighlightedText if _is_selected(option) else QPalette.ColorRole.Text
    return option.palette.color(role)


class _CellDelegate(QStyledItemDelegate):
    """Draws the cell's background (selection, hover, focus) the style's way, then its own."""

    def _prepare(
        self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QStyleOptionViewItem:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        return opt

    def _content_rect(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(MARGIN, 0, -MARGIN, 0)


# -- status ----------------------------------------------------------------------------------


def status_color(status: str, palette: QPalette) -> QColor:
    if status == "active":
        return palette.color(QPalette.ColorRole.Highlight)
    if status == "at-risk":
        return AMBER
    if status == "done":
        return GREEN
    return GREY


class StatusPillDelegate(_CellDelegate):
    """The status as a small rounded pill: a tint of the status colour, text in a readable shade."""

    def __init__(self, parent: Any = None, *, role: int = StatusRole) -> None:
        super().__init__(parent)
        self.role = role

    @staticmethod
    def _font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def _label(self, index: AnyIndex) -> tuple[str, str]:
        status = str(index.data(self.role) or "")
        text = index.data(Qt.ItemDataRole.DisplayRole)
        return status, str(text) if text else label_of(PRIORITY_STATUS_LABELS, status)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = self._prepare(painter, option, index)
        status, label = self._label(index)
        if not label:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self._font(opt)
        metrics = QFontMetrics(font)
        area = self._content_rect(opt)
        height = min(area.height() - 2, metrics.height() + 4)
        text = metrics.elidedText(
            label, Qt.TextElideMode.ElideRight, max(0, area.width() - 2 * PILL_PADDING)
        )
        width = min(area.width(), metrics.horizontalAdvance(text) + 2 * PILL_PADDING)
        pill = QRectF(area.left(), area.center().y() - height / 2 + 0.5, width, height)
        base = opt.palette.color(QPalette.ColorRole.Base)
        hue = status_color(status, opt.palette)
        fill = blend(hue, base, 0.22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(readable(hue, fill))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(self._font(option))
        _status, label = self._label(index)
        return QSize(
            metrics.horizontalAdvance(label) + 2 * PILL_PADDING + 2 * MARGIN,
            metrics.height() + 4 + 2 * MARGIN,
        )


# -- progress --------------------------------------------------------------------------------


class ProgressDelegate(_CellDelegate):
    """A thin bar (when there is a target) with the figure beside it: "62 % · 31/50 customers"."""

    def __init__(self, parent: Any = None, *, role: int = ProgressRole) -> None:
        super().__init__(parent)
        self.role = role

    def _value(self, index: AnyIndex) -> tuple[float | None, str]:
        value = index.data(self.role)
        if not isinstance(value, tuple | list) or len(value) != 2:
            text = index.data(Qt.ItemDataRole.DisplayRole)
            return None, str(text or "")
        fraction, label = value
        if fraction is not None:
            fraction = max(0.0, min(1.0, float(fraction)))
        return fraction, str(label or "")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = self._prepare(painter, option, index)
        fraction, label = self._value(index)
        area = self._content_rect(opt)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_left = area.left()
        metrics = QFontMetrics(opt.font)
        room_for_bar = area.width() - metrics.horizontalAdvance(label) - GAP
        if fraction is not None and area.width() >= MIN_BAR_WIDTH:
            width = max(MIN_BAR_WIDTH, min(BAR_WIDTH, room_for_bar))
            track = QRectF(area.left(), area.center().y() - BAR_HEIGHT / 2 + 0.5, width, BAR_HEIGHT)
            background = _background(opt)
            if _is_selected(opt):
                ink = opt.palette.color(QPalette.ColorRole.HighlightedText)
            else:
                ink = opt.palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(_text_color(opt), background, 0.15))
            painter.drawRoundedRect(track, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
            if fraction > 0:
                done = QRectF(track)
                done.setWidth(max(BAR_HEIGHT, track.width() * fraction))
                painter.setBrush(ink)
                painter.drawRoundedRect(done, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
            text_left = int(track.right()) + GAP
        if label:
            text_area = QRect(
                text_left, area.top(), max(0, area.right() - text_left), area.height()
            )
            painter.setFont(opt.font)
            painter.setPen(_text_color(opt))
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_area.width())
            painter.drawText(
                text_area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        fraction, label = self._value(index)
        metrics = QFontMetrics(option.font)
        bar = BAR_WIDTH + GAP if fraction is not None else 0
        return QSize(
            bar + metrics.horizontalAdvance(label) + 2 * MARGIN, metrics.height() + 2 * MARGIN
        )


# -- stale confirmation ----------------------------------------------------------------------


def draw_clock(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """A clock face with two hands, in `color`, filling `rect`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = max(1.2, rect.width() / 9)
    pen = QPen(color, stroke)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    face = rect.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2)
    painter.drawEllipse(face)
    centre = face.center()
    painter.drawLine(centre, QPointF(centre.x(), face.top() + face.height() * 0.22))
    painter.drawLine(centre, QPointF(face.right() - face.width() * 0.25, centre.y()))
    painter.restore()


class StaleDelegate(_CellDelegate):
    """An amber clock before the relative date when the priority's confirmation is stale."""

    def __init__(self, parent: Any = None, *, role: int = StaleRole) -> None:
        super().__init__(parent)
        self.role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if not index.data(self.role):
            super().paint(painter, option, index)
            return
        opt = self._prepare(painter, option, index)
        area = self._content_rect(opt)
        size = min(GLYPH, area.height())
        glyph = QRectF(area.left(), area.center().y() - size / 2 + 0.5, size, size)
        background = _background(opt)
        amber = _text_color(opt) if _is_selected(opt) else readable(AMBER, background, minimum=3.0)
        draw_clock(painter, glyph, amber)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if text:
            painter.save()
            left = int(glyph.right()) + GAP // 2 + 2
            text_area = QRect(left, area.top(), max(0, area.right() - left), area.height())
            metrics = QFontMetrics(opt.font)
            painter.setFont(opt.font)
            painter.setPen(_text_color(opt))
            painter.drawText(
                text_area,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_area.width()),
            )
            painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.data(self.role):
            hint.setWidth(hint.width() + GLYPH + GAP)
        return hint
