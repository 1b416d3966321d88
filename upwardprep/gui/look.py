"""The app's look: Fusion with a light or dark palette, one accent colour, and the few style
rules the forms share. Re-applied when the user or the desktop changes the colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ACCENT = QColor("#2563eb")
ACCENT_DARK = QColor("#60a5fa")


def is_dark(app: QApplication, appearance: str = "system") -> bool:
    """Whether the app shows dark: the user's choice, else the desktop's colour scheme."""
    if appearance in ("light", "dark"):
        return appearance == "dark"
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_look(app: QApplication, appearance: str = "system") -> None:
    """Fusion, with a light or dark palette (see is_dark) and one accent colour."""
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    dark = is_dark(app, appearance)
    palette = app.style().standardPalette()
    if dark:
        colours = {
            QPalette.ColorRole.Window: "#1f2328",
            QPalette.ColorRole.WindowText: "#e6e8eb",
            QPalette.ColorRole.Base: "#16191d",
            QPalette.ColorRole.AlternateBase: "#1c2025",
            QPalette.ColorRole.Text: "#e6e8eb",
            QPalette.ColorRole.Button: "#2a2f35",
            QPalette.ColorRole.ButtonText: "#e6e8eb",
            QPalette.ColorRole.ToolTipBase: "#2a2f35",
            QPalette.ColorRole.ToolTipText: "#e6e8eb",
            QPalette.ColorRole.PlaceholderText: "#8b949e",
            QPalette.ColorRole.Mid: "#3a4048",
            QPalette.ColorRole.Light: "#3a4048",
        }
        for role, colour in colours.items():
            palette.setColor(role, QColor(colour))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6e7681"))
        palette.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6e7681")
        )
        palette.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6e7681")
        )
    accent = ACCENT_DARK if dark else ACCENT
    palette.setColor(QPalette.ColorRole.Highlight, accent)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#0b1220" if dark else "#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, accent)
    app.setPalette(palette)
    app.setStyleSheet(
        "QLabel#sectionTitle, QLabel#pageTitle { font-size: 13pt; font-weight: 600; "
        "padding: 4px 0 8px 0; }"
        'QLabel#subsectionTitle, QLabel[heading="subsection"] '
        "{ font-weight: 600; padding-top: 8px; }"
        "QTreeWidget#navigation { border: none; padding-top: 8px; }"
        "QTreeWidget#navigation::item { padding: 5px 4px; }"
        "QToolBar#mainToolbar { spacing: 6px; padding: 4px 8px; }"
        # Focus always visible: a list shows its selected row the same with or without the
        # keyboard, so the list that has it gets an accent frame (text fields have Fusion's).
        "QTableView, QTreeView, QListView { border: 1px solid palette(mid); }"
        "QTableView:focus, QTreeView:focus, QListView:focus "
        "{ border: 1px solid palette(highlight); }"
    )
