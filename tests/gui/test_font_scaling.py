"""Text scales with the system font (issue 13): a larger app font makes the forms and dialogs
ask for more room, titles stay a step above the body text, table rows grow with the text, and
no label, button or field is cut at the larger size."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from tests.clock import NOW, FrozenClock
from tests.conftest import PASSPHRASE
from upwardprep.gui.dialogs.passphrase import UnlockDialog
from upwardprep.gui.dialogs.quick_capture import QuickCaptureDialog
from upwardprep.gui.dialogs.settings_dialog import SettingsDialog
from upwardprep.gui.dialogs.welcome import WelcomeDialog
from upwardprep.gui.look import apply_look
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.views.outcomes import OutcomeEditor
from upwardprep.gui.views.priorities import PriorityEditor
from upwardprep.gui.widgets.empty_state import EmptyState
from upwardprep.gui.widgets.tables import ROW_HEIGHT, RecordTable
from upwardprep.services import Services
from upwardprep.store.engine import Store

SMALL, LARGE = 9.0, 16.0
TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def set_points(app: QApplication, points: float) -> None:
    font = QFont(app.font())
    font.setPointSizeF(points)
    app.setFont(font)  # the look follows (look.apply_look listens)
    QApplication.processEvents()


@pytest.fixture(scope="module")
def scaled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The app with the look at the small font; its font, palette and rules come back after."""
    font, palette, sheet = QFont(qapp.font()), qapp.palette(), qapp.styleSheet()
    set_points(qapp, SMALL)
    apply_look(qapp, "light")
    yield qapp
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


@pytest.fixture(scope="module")
def services(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path = tmp_path_factory.mktemp("scaling") / "Work notes.upwardprep"
    shutil.copyfile(demo_template, path)
    store = Store.open(path, PASSPHRASE)
    yield Services(store, clock=FrozenClock(NOW))
    store.close()


def asked(widget: QWidget) -> QSize:
    """The size the widget asks for, wrapped text included (as adjustSize gives a dialog on
    a screen large enough: the test's screen is smaller than a large font's dialogs)."""
    size = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    layout = widget.layout()
    if layout is not None and layout.hasHeightForWidth():
        size.setHeight(max(size.height(), layout.totalHeightForWidth(size.width())))
    return size


def cut(root: QWidget) -> list[str]:
    """Labels, buttons and fields shown smaller than the least their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, TEXT_WIDGETS):
            continue
        if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget.parentWidget(), QLineEdit):  # a field's own clear button
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() < widget.heightForWidth(widget.width()):
                found.append(f"{widget.objectName()}: wrapped text cut")
            continue
        need = widget.minimumSizeHint()
        if widget.width() < need.width() or widget.height() < need.height():
            name = widget.objectName() or type(widget).__name__
            found.append(f"{name}: {widget.width()}×{widget.height()} < {need.toTuple()}")
    return found


def test_titles_stay_a_step_above_the_body_text(scaled_app: QApplication) -> None:
    """Section, page and locked titles and the empty lists' sentence are sized from the app's
    font: a fixed 13 pt title was smaller than a 16 pt body."""
    title = QLabel("Priorities")
    title.setObjectName("sectionTitle")
    locked = QLabel("UpwardPrep is locked")
    locked.setObjectName("lockedTitle")
    empty = EmptyState("No priorities yet")
    sizes = {}
    for points in (SMALL, LARGE):
        set_points(scaled_app, points)
        for label in (title, locked, empty.label):
            label.ensurePolished()
        sizes[points] = [label.font().pointSizeF() for label in (title, locked, empty.label)]
        assert all(size > points for size in sizes[points]), sizes
    assert all(big > small for big, small in zip(sizes[LARGE], sizes[SMALL], strict=True))
    set_points(scaled_app, SMALL)


def test_table_rows_grow_with_the_font(scaled_app: QApplication) -> None:
    table = RecordTable()
    assert table.verticalHeader().defaultSectionSize() == ROW_HEIGHT
    set_points(scaled_app, LARGE)
    try:
        tall = table.verticalHeader().defaultSectionSize()
        assert tall > ROW_HEIGHT and tall >= table.fontMetrics().height() + 8
    finally:
        set_points(scaled_app, SMALL)


def test_forms_and_dialogs_grow_and_cut_nothing_at_a_large_font(
    scaled_app: QApplication, services: Services, tmp_path: Path
) -> None:
    store = tmp_path / "Work notes.upwardprep"
    widgets: list[QWidget] = [
        QuickCaptureDialog(services),
        UnlockDialog(store, lambda _p: None),
        SettingsDialog(AppSettings(), ["Weekly 1:1"], None, services=services),
        WelcomeDialog(services),
        OutcomeEditor(),
        PriorityEditor(),
    ]
    small = {id(widget): widget.sizeHint() for widget in widgets}
    linked = widgets[4].findChild(QWidget, "linkedPriorities")
    assert linked is not None
    linked_small = linked.minimumHeight()
    set_points(scaled_app, LARGE)
    try:
        problems = {}
        for widget in widgets:
            hint = widget.sizeHint()
            name = type(widget).__name__
            before = small[id(widget)]
            if hint.height() <= before.height() or hint.width() < before.width():
                problems[name] = f"size hint {before.toTuple()} → {hint.toTuple()}"
            widget.show()  # polished first: the style rules change what it asks for
            QApplication.processEvents()
            widget.resize(asked(widget))
            QApplication.processEvents()
            if found := cut(widget):
                problems[name] = ", ".join(found)
            widget.close()
        assert problems == {}
        assert linked.minimumHeight() > linked_small  # two rows of the larger text
    finally:
        set_points(scaled_app, SMALL)
        for widget in widgets:
            widget.deleteLater()
