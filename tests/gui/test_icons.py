"""The icon set: every icon is there, follows the house rules, and recolours cleanly."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from upwardprep.assets import resource
from upwardprep.gui import icons

NAMES = [
    "dashboard",
    "people",
    "person",
    "priorities",
    "outcomes",
    "meetings",
    "reviews",
    "trash",
    "new-outcome",
    "agenda",
    "export",
    "lock",
    "unlock",
    "search",
    "settings",
    "confirm",
    "clock",
    "restore",
    "purge",
    "undo",
    "tree",
    "list",
    "link",
    "external-link",
    "filter",
    "info",
    "warning",
    "error",
    "backup",
    "manager",
    "report",
    "peer",
    "stakeholder",
    "chevron-down",
    "calendar",
]
SVG = "{http://www.w3.org/2000/svg}"
COLOUR_ATTRIBUTES = ("fill", "stroke", "color", "stop-color", "flood-color", "lighting-color")


def _image(icon: QIcon, size: int) -> QImage:
    pixmap = icon.pixmap(size)
    assert not pixmap.isNull()
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert image.width() == size
    assert image.height() == size
    return image


def _opaque_colours(image: QImage, min_alpha: int = 250) -> set[tuple[int, int, int]]:
    """The colours of the clearly visible pixels (anti-aliased edges are partly transparent)."""
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() >= min_alpha:
                found.add((pixel.red(), pixel.green(), pixel.blue()))
    return found


def _visible_colours(image: QImage) -> list[tuple[int, int, int, int]]:
    """Every non-transparent pixel as (red, green, blue, alpha), not premultiplied."""
    found = []
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 0:
                found.append((pixel.red(), pixel.green(), pixel.blue(), pixel.alpha()))
    return found


def test_every_icon_is_shipped_and_nothing_else() -> None:
    assert sorted(NAMES) == icons.available()
    assert resource("icons", "upwardprep.svg").is_file()
    assert resource("icons", "LICENSE.md").is_file()


@pytest.mark.parametrize("name", NAMES)
def test_icon_follows_the_house_rules(name: str) -> None:
    text = resource("icons", f"{name}.svg").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 24 24"
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        assert tag in {"svg", "g", "path", "circle", "rect", "line", "polyline", "ellipse"}, tag
        for attribute in COLOUR_ATTRIBUTES:
            value = element.get(attribute)
            assert value in (None, "none", icons.BASE_COLOR), (name, tag, attribute, value)
        width = element.get("stroke-width")
        assert width is None or 1.75 <= float(width) <= 2, (name, width)
        assert "style" not in element.attrib
        assert not any("href" in key for key in element.attrib)
    # No other colour anywhere, in any notation.
    assert set(re.findall(r"#[0-9a-fA-F]{3,8}\b", text)) == {icons.BASE_COLOR}
    assert "rgb(" not in text
    assert "url(" not in text


def test_app_icon_is_a_512_square_svg() -> None:
    root = ET.fromstring(resource("icons", "upwardprep.svg").read_text(encoding="utf-8"))
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 512 512"
    assert not any("href" in key for element in root.iter() for key in element.attrib)


@pytest.mark.parametrize("name", NAMES)
def test_icon_renders_in_the_requested_colour(name: str) -> None:
    icon = icons.icon(name, "#ff0000")
    for size in (16, 48):
        pixels = _visible_colours(_image(icon, size))
        assert len(pixels) > size, (name, size)  # something is drawn
        assert max(alpha for *_, alpha in pixels) >= 150, (name, size)  # and clearly visible
        for red, green, blue, alpha in pixels:
            # Faint edge pixels lose precision when un-premultiplied; the hue stays red.
            tolerance = 2 if alpha >= 128 else 255 // alpha + 2
            assert red >= 255 - tolerance, (name, size, red, green, blue, alpha)
            assert green <= tolerance, (name, size, red, green, blue, alpha)
            assert blue <= tolerance, (name, size, red, green, blue, alpha)


def test_icon_defaults_to_the_palette_text_colour() -> None:
    from PySide6.QtGui import QGuiApplication, QPalette

    expected = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    colours = _opaque_colours(_image(icons.icon("lock"), 48))
    assert colours == {(expected.red(), expected.green(), expected.blue())}


def test_icons_are_cached_by_name_and_colour() -> None:
    red = icons.icon("lock", "#ff0000")
    assert icons.icon("lock", QColor(255, 0, 0)).cacheKey() == red.cacheKey()
    assert icons.icon("lock", "#0000ff").cacheKey() != red.cacheKey()
    assert icons.icon("unlock", "#ff0000").cacheKey() != red.cacheKey()


def test_icon_has_sharp_pixmaps_for_high_density_screens() -> None:
    sizes = {
        (size.width(), size.height()) for size in icons.icon("search", "#ff0000").availableSizes()
    }
    for size in (16, 20, 24, 32, 48, 64):
        assert (size, size) in sizes
        assert (size * 2, size * 2) in sizes


def test_app_icon_renders_in_full_colour() -> None:
    icon = icons.app_icon()
    for size in (16, 256):
        colours = _opaque_colours(_image(icon, size))
        assert (255, 255, 255) in colours  # the white bubble
        assert any(b > 150 and r < 100 for r, _, b in colours)  # the blue, not recoloured


def test_unknown_icon_raises_a_key_error_naming_the_available_ones() -> None:
    with pytest.raises(KeyError) as raised:
        icons.icon("no-such-icon")
    message = str(raised.value)
    assert "no-such-icon" in message
    assert "dashboard" in message
    assert "stakeholder" in message
    with pytest.raises(KeyError):
        icons.icon("../icons/upwardprep")
    with pytest.raises(KeyError):
        icons.icon("upwardprep")


def test_icons_draw_at_the_size_asked_and_fade_when_disabled() -> None:
    icon = icons.icon("backup", "#ff0000")
    normal = icon.pixmap(QSize(40, 40), QIcon.Mode.Normal)
    faded = icon.pixmap(QSize(40, 40), QIcon.Mode.Disabled)
    assert normal.size() == QSize(40, 40)  # any size, not only the listed ones

    def strongest_alpha(pixmap: QPixmap) -> int:
        image = pixmap.toImage()
        return max(image.pixelColor(x, y).alpha() for y in range(image.height()) for x in range(40))

    assert strongest_alpha(normal) == 255
    assert strongest_alpha(faded) < 128
    # a painted icon on a high-density device uses a pixmap of the device's pixels
    target = QPixmap(64, 64)
    target.setDevicePixelRatio(2.0)
    target.fill(Qt.GlobalColor.white)
    painter = QPainter(target)
    icon.paint(painter, QRect(0, 0, 32, 32))
    painter.end()
    assert (255, 0, 0) in _opaque_colours(target.toImage())
