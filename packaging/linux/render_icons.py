"""Render the app icon (resources/icons/upwardprep.svg) to the PNG sizes desktops look for.

The PNGs are committed under packaging/linux/icons/hicolor/ so that installing the desktop files
needs no Qt; run this after changing the SVG (`--check` tells whether they are current, as a test
does). Rendering uses Qt's SVG renderer offscreen, so no display is needed.

    python packaging/linux/render_icons.py [--check]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1] / "resources" / "icons" / "upwardprep.svg"
ICONS = HERE / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
NAME = "upwardprep"
# Antialiasing may differ by a step or two between Qt versions; a changed SVG differs far more.
TOLERANCE = 8


def render(size: int) -> QImage:
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 9)
    return bytes(data.data())


def target(size: int) -> Path:
    return ICONS / f"{size}x{size}" / "apps" / f"{NAME}.png"


def differs(expected: QImage, path: Path) -> str:
    """Why the PNG at `path` is not the current rendering, or "" if it is."""
    if not path.is_file():
        return "missing"
    found = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    if found.size() != expected.size():
        return f"is {found.width()}x{found.height()}"
    worst = 0
    for y in range(expected.height()):
        for x in range(expected.width()):
            a, b = expected.pixelColor(x, y), found.pixelColor(x, y)
            worst = max(
                worst,
                abs(a.red() - b.red()),
                abs(a.green() - b.green()),
                abs(a.blue() - b.blue()),
                abs(a.alpha() - b.alpha()),
            )
            if worst > TOLERANCE:
                return f"differs from the SVG at pixel {x},{y}"
    return ""


def main(argv: list[str]) -> int:
    check = "--check" in argv
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    stale = []
    for size in SIZES:
        image = render(size)
        path = target(size)
        if check:
            # 512 px is slow to compare pixel by pixel in Python and adds nothing over 256.
            reason = differs(image, path) if size <= 256 else ("" if path.is_file() else "missing")
            if reason:
                stale.append(f"{path.relative_to(HERE)} {reason}")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png_bytes(image))
        print(f"wrote {path.relative_to(HERE)}")
    scalable = ICONS / "scalable" / "apps" / f"{NAME}.svg"
    if check:
        if not scalable.is_file() or scalable.read_bytes() != SOURCE.read_bytes():
            stale.append(f"{scalable.relative_to(HERE)} is not a copy of {SOURCE.name}")
        for line in stale:
            print(f"stale: {line}", file=sys.stderr)
        if stale:
            print("Run `python packaging/linux/render_icons.py` to refresh them.", file=sys.stderr)
        return 1 if stale else 0
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SOURCE.read_bytes())
    print(f"wrote {scalable.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
