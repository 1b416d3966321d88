"""Every colour the app draws text or a control's edge in, for light and dark mode, in one table.

One table so that a test can check each text/background pair against WCAG (body text 4.5:1,
large text and the edges of controls 3:1) in both modes, and so that no view hard-codes a red
that reads on white and vanishes on a dark window. Views ask for a *tone* ("danger",
"warning", "ok", "muted") rather than a colour: in a `.ui` file or a style rule through the
widget's `tone` property, in code through `tone()`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class Theme:
    """The colours of one mode; each text colour is chosen for the backgrounds it sits on."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str  # also the "muted" text of captions and secondary lines
    mid: str
    light: str
    disabled_text: str
    highlight: str  # the accent; selected rows, the focus frame
    highlighted_text: str
    link: str
    field_border: str  # a text field's and an unticked check box's edge
    field_border_off: str  # the same, disabled
    danger: str
    warning: str
    ok: str

    @property
    def dark(self) -> bool:
        return QColor(self.window).lightness() < 128

    def tone(self, name: str) -> str:
        """The colour of a tone: "danger", "warning", "ok" or "muted"."""
        if name == "muted":
            return self.placeholder
        if name not in TONES:
            raise ValueError(f"Not a tone: {name!r}")
        colour: str = getattr(self, name)
        return colour


TONES = ("danger", "warning", "ok", "muted")

LIGHT = Theme(
    window="#efefef",
    window_text="#000000",
    base="#ffffff",
    alternate_base="#f7f7f7",
    text="#000000",
    button="#efefef",
    button_text="#000000",
    tooltip_base="#ffffdc",
    tooltip_text="#000000",
    # Qt's default is black at half opacity: 3.9:1 on white and 3.4:1 on the window
    placeholder="#5c636e",
    mid="#b8b8b8",
    light="#ffffff",
    disabled_text="#8c8c8c",
    highlight="#2563eb",
    highlighted_text="#ffffff",
    link="#1d4ed8",  # the accent itself is 4.5:1 on the window only just not
    field_border="#7d838c",
    field_border_off="#c4c7cc",
    danger="#b42318",
    warning="#b54708",
    ok="#027a48",
)

DARK = Theme(
    window="#1f2328",
    window_text="#e6e8eb",
    base="#16191d",
    alternate_base="#1c2025",
    text="#e6e8eb",
    button="#2a2f35",
    button_text="#e6e8eb",
    tooltip_base="#2a2f35",
    tooltip_text="#e6e8eb",
    placeholder="#8b949e",
    mid="#3a4048",
    light="#3a4048",
    disabled_text="#6e7681",
    highlight="#60a5fa",
    highlighted_text="#0b1220",
    link="#60a5fa",
    field_border="#6e7681",
    field_border_off="#3a4048",
    # the light mode's red, amber and green are 2.4–2.9:1 on the dark window
    danger="#f97066",
    warning="#f79009",
    ok="#47cd89",
)

#: The status pills' hues in both modes ("active" is the accent). A pill is a tint of its hue
#: with its text in a shade of it that reads on the tint (delegates.readable).
STATUS_HUES = {"at-risk": "#d97706", "done": "#2f9e44", "dropped": "#868e96"}

#: The palette roles each theme fills (the active and inactive groups).
PALETTE_ROLES: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "window_text",
    QPalette.ColorRole.Base: "base",
    QPalette.ColorRole.AlternateBase: "alternate_base",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "button_text",
    QPalette.ColorRole.ToolTipBase: "tooltip_base",
    QPalette.ColorRole.ToolTipText: "tooltip_text",
    QPalette.ColorRole.PlaceholderText: "placeholder",
    QPalette.ColorRole.Mid: "mid",
    QPalette.ColorRole.Light: "light",
    QPalette.ColorRole.Highlight: "highlight",
    QPalette.ColorRole.HighlightedText: "highlighted_text",
    QPalette.ColorRole.Link: "link",
}
DISABLED_ROLES = (
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
    QPalette.ColorRole.WindowText,
)


# The roles the themes leave to the style, as Fusion's standard palette has them (the same in
# either mode; a test compares them with Qt's). Set explicitly, they are not taken from the
# desktop's palette, which Qt would otherwise fill unset roles from.
_G, _R = QPalette.ColorGroup, QPalette.ColorRole
FUSION_ROLES: dict[QPalette.ColorRole, tuple[str, str, str]] = {  # active, inactive, disabled
    _R.Midlight: ("#cacaca", "#cacaca", "#cacaca"),
    _R.Dark: ("#9f9f9f", "#9f9f9f", "#bebebe"),
    _R.Shadow: ("#767676", "#767676", "#b1b1b1"),
    _R.BrightText: ("#ffffff", "#ffffff", "#ffffff"),
    _R.LinkVisited: ("#ff00ff", "#ff00ff", "#ff00ff"),
    _R.Accent: ("#308cc6", "#308cc6", "#919191"),
}


def palette_for(theme: Theme, start: QPalette) -> QPalette:
    """`start` with the theme's colours (the roles they leave unset stay as in `start`)."""
    # a copy, not QPalette(start): resolving that constructor's overloads (one takes a
    # Qt.GlobalColor) makes PySide build the whole Qt namespace, before the unlock dialog
    palette = copy.copy(start)
    for role, colours in FUSION_ROLES.items():
        for group, colour in zip((_G.Active, _G.Inactive, _G.Disabled), colours, strict=True):
            palette.setColor(group, role, QColor(colour))
    for role, field in PALETTE_ROLES.items():
        palette.setColor(role, QColor(getattr(theme, field)))
    for role in DISABLED_ROLES:
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    return palette


def current() -> Theme:
    """The theme the app shows now, read from its palette (the look may follow the desktop)."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def tone(name: str) -> QColor:
    """A tone's colour in the mode the app shows now."""
    return QColor(current().tone(name))


def set_tone(widget: QWidget, name: str | None) -> None:
    """Colour a label's text by tone (None: the normal text colour); the app's style rules
    (look.py) map the property to the mode's colour, so it follows a change of mode."""
    if name is not None and name not in TONES:
        raise ValueError(f"Not a tone: {name!r}")
    widget.setProperty("tone", name or "")
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def scaled_points(factor: float) -> float:
    """A font size `factor` times the app's, in points: titles scale with the system font."""
    app = QApplication.instance()
    font = app.font() if isinstance(app, QApplication) else None
    size = font.pointSizeF() if font is not None else -1.0
    if size <= 0:  # a font set in pixels
        size = 10.0 if font is None else font.pixelSize() * 0.75
    return round(size * factor, 1)
