"""The app's icons: one SVG line set in `resources/icons/`, recoloured on the fly.

Every line icon is drawn in the single colour `#1f2933`; `icon()` swaps that string for the
colour asked for (by default the palette's window-text colour, so icons follow light and dark
mode) and renders crisp pixmaps at the usual sizes, for normal and high-density screens. The app
icon (`upwardprep.svg`) is full colour and is never recoloured.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from upwardprep.assets import resource

#: The colour every line icon is drawn in; replaced when the icon is loaded.
BASE_COLOR = "#1f2933"
#: Logical sizes rendered for each icon; each is also rendered at twice the density, so the icon
#: stays crisp on high-DPI screens (Qt picks the pixmap matching size × device pixel ratio).
SIZES = (16, 20, 24, 32, 48, 64)
_PIXEL_SIZES = sorted({px for size in SIZES for px in (size, size * 2)})
_APP_PIXEL_SIZES = [16, 20, 24, 32, 40, 48, 64, 96, 128, 256, 512]
APP_ICON_NAME = "upwardprep"
DISABLED_OPACITY = 0.4  # a disabled action's icon: the same drawing, faded

_cache: dict[tuple[str, str], QIcon] = {}


def available() -> list[str]:
    """The names `icon()` accepts, sorted."""
    return sorted(
        path.stem for path in resource("icons").glob("*.svg") if path.stem != APP_ICON_NAME
    )


def _color_key(color: str | QColor | None) -> QColor:
    if color is None:
        return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    resolved = QColor(color)
    if not resolved.isValid():
        raise ValueError(f"Not a colour: {color!r}")
    return resolved


def _render(svg: bytes, size: int, opacity: float = 1.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    if opacity >= 1.0:
        return pixmap
    # Faded as a whole: opacity set while rendering would compound where strokes overlap.
    faded = QPixmap(size, size)
    faded.fill(Qt.GlobalColor.transparent)
    painter = QPainter(faded)
    painter.setOpacity(opacity)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    return faded


class _SvgEngine(QIconEngine):
    """Renders the SVG at the size asked for, once per size: a window with dozens of icons
    starts without drawing each at a dozen sizes up front."""

    def __init__(self, svg: bytes, pixel_sizes: list[int], opacity: float) -> None:
        super().__init__()
        self._svg = svg
        self._sizes = pixel_sizes
        self._opacity = opacity
        self._pixmaps: dict[tuple[int, bool], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._svg, self._sizes, self._opacity)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in self._sizes]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        disabled = mode == QIcon.Mode.Disabled
        key = (side, disabled)
        found = self._pixmaps.get(key)
        if found is None:
            opacity = self._opacity * (DISABLED_OPACITY if disabled else 1.0)
            found = self._pixmaps[key] = _render(self._svg, side, opacity)
        return found

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(self.pixmap(size * scale, mode, state))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * scale, mode, state)
        painter.drawPixmap(rect, pixmap)


def _build(svg: bytes, pixel_sizes: list[int], opacity: float = 1.0) -> QIcon:
    return QIcon(_SvgEngine(svg, pixel_sizes, opacity))


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """The named line icon in `color` (default: the palette's window-text colour).

    Raises KeyError for a name that has no icon, listing the names that do.
    """
    wanted = _color_key(color)
    key = (name, wanted.name(QColor.NameFormat.HexArgb))
    cached = _cache.get(key)
    if cached is not None:
        return cached
    names = available()
    if name not in names:
        raise KeyError(f"No icon named {name!r}; available icons: {', '.join(names)}")
    text = resource("icons", f"{name}.svg").read_text(encoding="utf-8")
    recoloured = _replace_color(text, wanted.name(QColor.NameFormat.HexRgb))
    result = _build(recoloured.encode("utf-8"), _PIXEL_SIZES, wanted.alphaF())
    _cache[key] = result
    return result


def _replace_color(text: str, new: str) -> str:
    """Every spelling of BASE_COLOR (any letter case) replaced by `new`."""
    return re.sub(re.escape(BASE_COLOR), new, text, flags=re.IGNORECASE)


@cache
def app_icon() -> QIcon:
    """UpwardPrep's full-colour logo, for windows, the taskbar and the about box."""
    svg = resource("icons", f"{APP_ICON_NAME}.svg").read_bytes()
    return _build(svg, _APP_PIXEL_SIZES)


def clear_cache() -> None:
    """Forget rendered icons (they are keyed by colour, so this only frees memory)."""
    _cache.clear()
    app_icon.cache_clear()
