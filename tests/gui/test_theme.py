"""Contrast holds in both modes: every text colour the theme uses against what it is drawn on
(WCAG 2: body text 4.5:1, large text and the edges of controls 3:1), measured on the palette the
app actually gets; and no view colours text outside the theme."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from upwardprep.assets import resource
from upwardprep.gui.look import apply_look
from upwardprep.gui.theme import DARK, LIGHT, STATUS_HUES, TONES, Theme, palette_for, set_tone
from upwardprep.gui.widgets.delegates import blend, contrast, readable

ROOT = Path(__file__).resolve().parents[2]
R = QPalette.ColorRole
BODY, LARGE = 4.5, 3.0


@pytest.fixture
def look(qapp: QApplication) -> Iterator[QApplication]:
    """The app with the look applied; the palette, style rules and style it had come back."""
    palette, sheet, style = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    if qapp.style().name() != style:
        qapp.setStyle(style)


def failures(theme: Theme, palette: QPalette) -> list[str]:
    """Every text/background pair of the theme that reads worse than WCAG asks."""

    def role(name: R) -> QColor:
        return palette.color(QPalette.ColorGroup.Active, name)

    pairs: list[tuple[str, QColor, QColor, float]] = [
        ("window text", role(R.WindowText), role(R.Window), BODY),
        ("field text", role(R.Text), role(R.Base), BODY),
        ("alternate row text", role(R.Text), role(R.AlternateBase), BODY),
        ("button text", role(R.ButtonText), role(R.Button), BODY),
        ("selected row text", role(R.HighlightedText), role(R.Highlight), BODY),
        ("tooltip", role(R.ToolTipText), role(R.ToolTipBase), BODY),
        ("link on a field", role(R.Link), role(R.Base), BODY),
        ("link on the window", role(R.Link), role(R.Window), BODY),
        # a field's edge, an unticked box, the focus frame and a ticked box: controls, 3:1
        ("field edge on the window", QColor(theme.field_border), role(R.Window), LARGE),
        ("field edge on a field", QColor(theme.field_border), role(R.Base), LARGE),
        ("focus frame on the window", role(R.Highlight), role(R.Window), LARGE),
        ("ticked box on a field", role(R.Highlight), role(R.Base), LARGE),
    ]
    for background, colour in (
        ("window", role(R.Window)),
        ("field", role(R.Base)),
        ("alternate row", role(R.AlternateBase)),
    ):
        pairs.append((f"placeholder on {background}", role(R.PlaceholderText), colour, BODY))
        for name in TONES:
            pairs.append((f"{name} on {background}", QColor(theme.tone(name)), colour, BODY))
    tick = re.search(r'stroke="(#[0-9a-f]{6})"', tick_svg(theme)).group(1)  # type: ignore[union-attr]
    pairs.append(("the tick on its box", QColor(tick), role(R.Highlight), LARGE))
    for status, hue in STATUS_HUES.items():  # the pill's text on its tint (delegates)
        fill = blend(QColor(hue), role(R.Base), 0.22)
        pairs.append((f"{status} pill", readable(QColor(hue), fill), fill, BODY))
    return [
        f"{what}: {contrast(fore, back):.2f}:1 < {need} ({fore.name()} on {back.name()})"
        for what, fore, back, need in pairs
        if contrast(fore, back) < need
    ]


def tick_svg(theme: Theme) -> str:
    name = "tick-dark.svg" if theme.dark else "tick-light.svg"
    return resource("look", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_text_pair_of_the_theme_reads(look: QApplication, mode: str) -> None:
    apply_look(look, mode)
    theme = DARK if mode == "dark" else LIGHT
    assert look.palette().color(R.Window) == QColor(theme.window)  # the theme is what shows
    assert failures(theme, look.palette()) == []


def test_the_check_fails_on_colours_that_do_not_read(qapp: QApplication) -> None:
    """The measure can fail: Qt's default placeholder (black at half opacity, seen as grey)
    and a red that reads only on white are flagged on the dark theme."""
    weak = Theme(**{**DARK.__dict__, "danger": "#b42318", "placeholder": "#4a4f57"})
    palette = QPalette(qapp.palette())
    palette.setColor(R.PlaceholderText, QColor(weak.placeholder))
    palette.setColor(R.Window, QColor(weak.window))
    palette.setColor(R.Base, QColor(weak.base))
    palette.setColor(R.AlternateBase, QColor(weak.alternate_base))
    found = failures(weak, palette)
    assert any(line.startswith("danger on window") for line in found)
    assert any(line.startswith("placeholder on field") for line in found)


def test_a_toned_label_follows_the_mode(look: QApplication) -> None:
    label = QLabel("The automatic backup failed")
    set_tone(label, "danger")
    for mode, theme in (("dark", DARK), ("light", LIGHT)):
        apply_look(look, mode)
        label.ensurePolished()
        assert label.palette().color(label.foregroundRole()) == QColor(theme.danger)
    set_tone(label, None)
    label.ensurePolished()
    assert label.palette().color(label.foregroundRole()) == look.palette().color(R.WindowText)
    with pytest.raises(ValueError):
        set_tone(label, "crimson")


COLOUR = re.compile(
    r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|color:\s*(?:gray|grey|red|green|orange|black|white)\b"
)
ALLOWED = {
    "upwardprep/gui/theme.py",  # the table itself
    "upwardprep/gui/icons.py",  # the token every line icon is drawn in, swapped when loaded
}


def test_no_view_colours_text_outside_the_theme() -> None:
    """A colour written into a view or a form reads in one mode only; views ask for a tone."""
    files = sorted((ROOT / "ui").glob("*.ui")) + sorted((ROOT / "upwardprep" / "gui").rglob("*.py"))
    found = []
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        if relative in ALLOWED or relative.startswith("upwardprep/gui/forms/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if COLOUR.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_ticked_box_is_a_filled_box_with_a_tick(look: QApplication, mode: str) -> None:
    """In dark mode a ticked box showed Fusion's tick with no box around it."""
    from PySide6.QtWidgets import QCheckBox

    apply_look(look, mode)
    theme = DARK if mode == "dark" else LIGHT
    box = QCheckBox("Discussed")
    box.setChecked(True)
    box.resize(box.sizeHint())
    image = box.grab().toImage()

    def near(colour: str) -> int:
        want = QColor(colour)
        return sum(
            1
            for y in range(image.height())
            for x in range(min(image.height() + 4, image.width()))  # the indicator's square
            if max(
                abs(image.pixelColor(x, y).red() - want.red()),
                abs(image.pixelColor(x, y).green() - want.green()),
                abs(image.pixelColor(x, y).blue() - want.blue()),
            )
            < 24
        )

    assert near(theme.highlight) >= 40  # the filled box
    assert near(theme.highlighted_text) >= 6  # the tick on it


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_an_empty_strength_meter_shows_its_track(look: QApplication, mode: str) -> None:
    """The change-passphrase and recover meters' empty groove barely differed from a dark
    window: the track is drawn like a field, its edge 3:1 on the window."""
    from PySide6.QtWidgets import QProgressBar

    from upwardprep.gui.dialogs.passphrase import style_meter

    apply_look(look, mode)
    theme = DARK if mode == "dark" else LIGHT
    meter = QProgressBar()
    meter.setRange(0, 4)
    meter.setValue(0)
    meter.setTextVisible(False)
    meter.setFixedSize(200, 6)
    style_meter(meter, "danger")
    image = meter.grab().toImage()
    edge = image.pixelColor(100, 0)
    assert contrast(edge, QColor(theme.window)) >= LARGE, edge.name()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_palette_is_the_themes_over_the_styles_standard_one(
    look: QApplication, mode: str
) -> None:
    """The look builds its palette over an empty one (asking the style for its standard
    palette would build PySide's QStyle class before the unlock dialog): Qt fills the roles
    the theme leaves unset from the style's standard palette, so the app's palette is the
    same in every role and group as the theme's over a copy of that standard palette."""
    apply_look(look, mode)
    applied = look.palette()
    theme = DARK if mode == "dark" else LIGHT
    look.setPalette(palette_for(theme, look.style().standardPalette()))
    expected = look.palette()
    roles = [r for r in QPalette.ColorRole if r not in (QPalette.ColorRole.NColorRoles,)]
    groups = (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    )
    differing = [
        (group.name, role.name)
        for group in groups
        for role in roles
        if applied.color(group, role) != expected.color(group, role)
    ]
    assert differing == []


def test_a_secret_field_keeps_its_text_from_input_methods(qapp: QApplication) -> None:
    from PySide6.QtCore import Qt

    from upwardprep.gui.widgets.secret_field import SecretField

    hints = SecretField().inputMethodHints()
    for hint in (
        Qt.InputMethodHint.ImhHiddenText,
        Qt.InputMethodHint.ImhSensitiveData,
        Qt.InputMethodHint.ImhNoPredictiveText,
        Qt.InputMethodHint.ImhNoAutoUppercase,
    ):
        assert hints & hint, hint


@pytest.mark.parametrize(
    ("appearance", "remembered", "desktop", "shown_after"),
    [
        ("system", False, True, "dark"),  # the desktop turned dark while the app was closed
        ("system", True, False, "light"),
        ("system", False, False, "light"),
        ("light", False, True, "light"),  # the user's choice holds
        ("system", None, True, "dark"),  # first start: the look asked the desktop itself
    ],
)
def test_the_look_follows_the_desktop_once_the_dialog_is_painted(
    look: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    appearance: str,
    remembered: bool | None,
    desktop: bool,
    shown_after: str,
) -> None:
    """The start-up shows the unlock dialog in the desktop's colour scheme as last seen (asking
    the desktop builds the Qt namespace, some 15 ms), then asks, remembers, and follows."""
    from PySide6.QtCore import QSettings

    from upwardprep.gui import app as gui_app
    from upwardprep.gui import look as look_module
    from upwardprep.gui.settings import AppSettings

    settings = AppSettings(QSettings(str(tmp_path / "look.conf"), QSettings.Format.IniFormat))
    settings.appearance = appearance
    if remembered is not None:
        settings.desktop_dark = remembered
    monkeypatch.setattr(look_module, "desktop_is_dark", lambda app: desktop)
    monkeypatch.setattr(gui_app, "desktop_is_dark", lambda app: desktop)
    apply_look(look, settings.appearance, desktop_dark=settings.desktop_dark)
    gui_app.follow_the_desktop(look, settings, settings.desktop_dark)
    assert settings.desktop_dark is desktop
    window = look.palette().color(QPalette.ColorRole.Window).name()
    assert window == (DARK if shown_after == "dark" else LIGHT).window


def test_the_roles_left_to_the_style_are_fusions() -> None:
    """The themes set the roles they leave to the style as Fusion's standard palette has
    them, so that a desktop's own palette (KDE, GNOME) does not fill them in."""
    from PySide6.QtWidgets import QStyleFactory

    from upwardprep.gui.theme import FUSION_ROLES

    standard = QStyleFactory.create("Fusion").standardPalette()
    groups = (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    )
    for role, colours in FUSION_ROLES.items():
        assert tuple(standard.color(g, role).name() for g in groups) == colours, role
