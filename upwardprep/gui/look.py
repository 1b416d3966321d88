"""The app's look: Fusion with the light or dark theme (theme.py), one accent colour, and the few
style rules the forms share. Re-applied when the user or the desktop changes the colour scheme,
and when the app's font changes (titles are sized from it)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from upwardprep.assets import resource
from upwardprep.gui.theme import DARK, LIGHT, TONES, Theme, palette_for

ACCENT = QColor(LIGHT.highlight)
ACCENT_DARK = QColor(DARK.highlight)

# Fusion draws a field's frame and a check box's edge a shade off the window colour: about
# 2:1 on white, and black on near-black in dark mode. Text fields and check boxes get a drawn
# edge of 3:1 in either mode (spin boxes and combos keep Fusion's frame, which its button
# shading outlines). A ticked box is the same box filled with the accent and a tick.
FIELDS = (
    "QLineEdit, QPlainTextEdit, QTextEdit {{ border: 1px solid {border}; border-radius: 3px; "
    "background: palette(base); }}"
    "QLineEdit {{ padding: 2px 4px; }}"
    "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border-color: {accent}; }}"
    "QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled {{ border-color: {off}; }}"
    "QAbstractItemView::indicator, QCheckBox::indicator "
    "{{ width: 12px; height: 12px; border: 1px solid {border}; border-radius: 2px; "
    "background: palette(base); }}"
    "QAbstractItemView::indicator:checked, QCheckBox::indicator:checked "
    '{{ background: {accent}; border-color: {accent}; image: url("{tick}"); }}'
    "QCheckBox::indicator:disabled {{ border-color: {off}; }}"
    "QCheckBox::indicator:focus, QCheckBox::indicator:hover {{ border-color: {accent}; }}"
    # the line edit inside a spin box or an editable combo is drawn by its owner's frame
    "QAbstractSpinBox QLineEdit, QComboBox QLineEdit "
    "{{ border: none; padding: 0; background: transparent; }}"
)


def desktop_is_dark(app: QApplication) -> bool:
    """The desktop's colour scheme. Asking builds PySide's Qt namespace on first use (about a
    hundred enums, some 15 ms), which the start-up leaves until the unlock dialog is painted."""
    from PySide6.QtCore import Qt

    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(
    app: QApplication, appearance: str = "system", desktop_dark: bool | None = None
) -> bool:
    """Whether the app shows dark: the user's choice, else the desktop's colour scheme
    (`desktop_dark` when known, else asked)."""
    if appearance in ("light", "dark"):
        return appearance == "dark"
    return desktop_is_dark(app) if desktop_dark is None else desktop_dark


def style_sheet(theme: Theme, body_points: float) -> str:
    """The app's shared style rules for a theme and a body font size (titles scale with it)."""
    tick = resource("look", "tick-dark.svg" if theme.dark else "tick-light.svg").as_posix()
    fields = FIELDS.format(
        border=theme.field_border, accent=theme.highlight, off=theme.field_border_off, tick=tick
    )
    tones = "".join(f'*[tone="{name}"] {{ color: {theme.tone(name)}; }}' for name in TONES)
    title = round(body_points * 1.4, 1)
    return (
        fields
        + tones
        # A padded label counts as framed and indents its text by half an "x" unless told
        # not to: the titles start where the text under them does.
        + f"QLabel#sectionTitle, QLabel#pageTitle {{ font-size: {title}pt; font-weight: 600; "
        "padding: 4px 0 8px 0; qproperty-indent: 0; }"
        f"QLabel#emptyStateLabel {{ font-size: {round(body_points * 1.15, 1)}pt; }}"
        f"QLabel#lockedTitle {{ font-size: {round(body_points * 1.6, 1)}pt; font-weight: 600; }}"
        'QLabel#subsectionTitle, QLabel[heading="subsection"] '
        "{ font-weight: 600; padding-top: 8px; qproperty-indent: 0; }"
        "QTreeWidget#navigation { border: none; padding-top: 8px; }"
        "QTreeWidget#navigation::item { padding: 5px 4px; }"
        "QToolBar#mainToolbar { spacing: 6px; padding: 4px 8px; }"
        # Qt's own OK/Cancel/Save pictures are not of the app's icon set and are never
        # recoloured for dark mode: dialog buttons are words only
        "QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }"
        # Focus always visible: a list shows its selected row the same with or without the
        # keyboard, so the list that has it gets an accent frame (text fields have their own).
        "QTableView, QTreeView, QListView { border: 1px solid palette(mid); }"
        "QTableView:focus, QTreeView:focus, QListView:focus "
        "{ border: 1px solid palette(highlight); }"
    )


_FOLLOWING_FONT = "upwardprepFollowsFont"
# Set on an app created with `-style fusion` (see gui.app.make_app).
STARTED_IN_FUSION = "upwardprepStartedInFusion"


def apply_look(
    app: QApplication, appearance: str = "system", *, desktop_dark: bool | None = None
) -> None:
    """Fusion, with the light or dark theme (see is_dark) and the shared style rules."""
    # An app made by gui.app.make_app starts in Fusion: asking for its style would make
    # PySide build the QStyle class and its enums before the unlock dialog (milliseconds).
    if not app.property(STARTED_IN_FUSION) and app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    theme = DARK if is_dark(app, appearance, desktop_dark) else LIGHT
    # Over an empty palette, not the style's standard one: palette_for sets every role the
    # look uses (the themes' and, as Fusion has them, those the themes leave to the style).
    app.setPalette(palette_for(theme, QPalette()))
    points = app.font().pointSizeF()
    if points <= 0:  # a font set in pixels
        points = app.font().pixelSize() * 0.75
    app.setStyleSheet(style_sheet(theme, points))
    # Titles are sized from the body font, so a new font (the desktop's size) re-applies the
    # look; the signal carries no appearance, which is remembered here.
    app.setProperty("upwardprepAppearance", appearance)
    if not app.property(_FOLLOWING_FONT):
        app.setProperty(_FOLLOWING_FONT, True)
        app.fontChanged.connect(lambda _font: apply_look(app, _appearance(app)))


def _appearance(app: QApplication) -> str:
    value = app.property("upwardprepAppearance")
    return value if isinstance(value, str) else "system"
