"""Every input of every section and dialog has an accessible name (issue 13): what a screen
reader says when the focus arrives, from the label whose buddy it is or from
setAccessibleName. The names are read through Qt's own accessibility interface, the way
assistive technology reads them, so a label that is not the field's buddy does not count. And
the forms' tab order follows their reading order: top to bottom, left to right."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.commands import SECTIONS
from upwardprep.gui.dialogs.backups import BackupChooser
from upwardprep.gui.dialogs.calendar_import import MappingDialog
from upwardprep.gui.dialogs.draft_agenda import DraftAgendaDialog
from upwardprep.gui.dialogs.finish_summary import FinishSummaryDialog, summarise
from upwardprep.gui.dialogs.passphrase import (
    ChangePassphraseDialog,
    CreateStoreDialog,
    UnlockDialog,
)
from upwardprep.gui.dialogs.quick_capture import QuickCaptureDialog
from upwardprep.gui.dialogs.recover import RecoverDialog
from upwardprep.gui.dialogs.settings_dialog import SettingsDialog
from upwardprep.gui.dialogs.shortcuts import ShortcutsDialog
from upwardprep.gui.dialogs.templates import TemplatesDialog
from upwardprep.gui.dialogs.update import UpdateDialog
from upwardprep.gui.dialogs.welcome import WelcomeDialog
from upwardprep.gui.export_flow import ExportPicker
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.views.meeting_editor import MeetingEditor
from upwardprep.gui.views.outcomes import OutcomeEditor
from upwardprep.gui.views.people import PersonEditor
from upwardprep.gui.views.priorities import PriorityEditor
from upwardprep.gui.views.reviews import ReviewEditor
from upwardprep.services import Services

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _inside_another_control(widget: QWidget) -> bool:
    """Parts of a composite control (a combo's line edit, a spin box's text, a calendar's
    table) are announced as the control itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_inputs(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INPUTS) and not (
            isinstance(widget, QAbstractButton) and widget.isCheckable()
        ):
            continue
        if isinstance(widget, QHeaderView):  # announced with its table's columns
            continue
        if widget.objectName().startswith("qt_") or _inside_another_control(widget):
            continue
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName() or '(no name)'}")
    return missing


def test_every_section_names_its_inputs(shared_window: MainWindow) -> None:
    missing: dict[str, list[str]] = {}
    for key, _label, _icon in SECTIONS:
        shared_window.show_section(key)
        QApplication.processEvents()
        found = unnamed_inputs(shared_window.views[key])
        if found:
            missing[key] = found
    found = unnamed_inputs(shared_window)  # the window itself: navigation, toolbar, palette
    if found:
        missing["window"] = found
    assert not missing, "; ".join(f"{k}: {v}" for k, v in missing.items())


def _dialogs(window: MainWindow, services: Services, folder: Path) -> Iterator[QWidget]:
    store = folder / "Work notes.upwardprep"
    people = services.people.list()
    yield QuickCaptureDialog(services, window)
    yield DraftAgendaDialog(services, None, parent=window)
    yield TemplatesDialog(services, window)
    yield UpdateDialog(services, None, window)
    yield SettingsDialog(AppSettings(), ["Weekly 1:1"], window, services=services)
    yield ShortcutsDialog(window.actions_by_name, window)
    yield WelcomeDialog(window)
    yield UnlockDialog(store, lambda _p: None, parent=window)
    yield CreateStoreDialog(store, lambda _p: None, window)
    yield ChangePassphraseDialog(store, lambda _p: None, window)
    yield RecoverDialog(store, lambda _k, _p: None, window)
    yield BackupChooser([], window)
    yield MappingDialog([], people, window)
    yield ExportPicker(window, "Export", "&Meeting:", [("1:1 with Dana", "x")])
    held = next(m for m in services.meetings.list() if m.is_held)
    yield FinishSummaryDialog(summarise(services, held.id), {p.id: p.name for p in people}, window)


@pytest.fixture(scope="module")
def dialogs(
    shared_window: MainWindow, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[QWidget]]:
    """Every dialog, built once for the module's walks (none of them changes a dialog)."""
    services = shared_window.session.services
    assert services is not None
    built = list(_dialogs(shared_window, services, tmp_path_factory.mktemp("dialogs")))
    yield built
    for dialog in built:
        dialog.deleteLater()


def test_every_dialog_names_its_inputs(dialogs: list[QWidget]) -> None:
    missing: dict[str, list[str]] = {}
    for dialog in dialogs:
        found = unnamed_inputs(dialog)
        if found:
            missing[dialog.objectName() or type(dialog).__name__] = found
    assert len(dialogs) >= 15
    assert not missing, "; ".join(f"{k}: {v}" for k, v in missing.items())


def test_the_walk_finds_an_unnamed_input(qapp: object) -> None:
    page = QWidget()
    named = QLineEdit(page)
    named.setAccessibleName("Title")
    QLineEdit(page).setObjectName("bare")
    assert unnamed_inputs(page) == ["QLineEdit bare"]


FORMS: tuple[Callable[[], QWidget], ...] = (
    OutcomeEditor,
    PriorityEditor,
    PersonEditor,
    MeetingEditor,
    ReviewEditor,
)


def _reading_order_broken(form: QWidget) -> list[str]:
    """Pairs of visible inputs where Tab goes up, or leftwards on the same line."""
    form.resize(900, 800)
    form.show()
    form.setEnabled(True)
    QApplication.processEvents()
    fields = [
        w
        for w in form.findChildren(QWidget)
        if isinstance(w, QLineEdit | QComboBox | QAbstractSpinBox | QPlainTextEdit)
        and w.isVisibleTo(form)
        and not _inside_another_control(w)
        and not w.objectName().startswith("qt_")
    ]
    position = {w: w.mapTo(form, QPoint(0, 0)) for w in fields}
    broken = []
    for field in fields:
        following = field.nextInFocusChain()
        seen = 0
        while following not in position and following is not field and seen < 200:
            following = following.nextInFocusChain()
            seen += 1
        if following is field or following not in position:
            continue
        here, there = position[field], position[following]
        if there.y() + 4 < here.y() and following is not fields[0]:
            broken.append(f"{field.objectName()} → {following.objectName()} (goes up)")
        elif abs(there.y() - here.y()) <= 4 and there.x() < here.x():
            broken.append(f"{field.objectName()} → {following.objectName()} (goes left)")
    form.hide()
    return broken


@pytest.mark.parametrize("make", FORMS, ids=lambda make: make.__name__)
def test_tab_order_follows_reading_order(qapp: object, make: Callable[[], QWidget]) -> None:
    form = make()
    try:
        assert not _reading_order_broken(form)
    finally:
        form.deleteLater()


def test_the_order_check_finds_a_field_reached_out_of_order(qapp: object) -> None:
    form = QWidget()
    layout = QVBoxLayout(form)
    first, second, third = QLineEdit(), QLineEdit(), QLineEdit()
    for name, field in (("first", first), ("second", second), ("third", third)):
        field.setObjectName(name)
        layout.addWidget(field)
    QWidget.setTabOrder(first, third)
    QWidget.setTabOrder(third, second)
    assert _reading_order_broken(form) == ["third → second (goes up)"]
    form.deleteLater()


def clashing_mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that two shown controls of one form claim (the first one wins, so the
    other cannot be reached: Alt+N took the welcome's Name field, not Next)."""
    import re

    from PySide6.QtWidgets import QLabel

    claims: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if not (labelled or isinstance(widget, QAbstractButton)):
            continue
        text = widget.text()  # type: ignore[attr-defined]
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found:
            claims.setdefault(found.group(1).lower(), []).append(text)
    return {key: texts for key, texts in claims.items() if len(texts) > 1}


def test_no_two_controls_of_a_dialog_share_an_alt_key(dialogs: list[QWidget]) -> None:
    clashes: dict[str, dict[str, list[str]]] = {}
    for dialog in dialogs:
        pages = dialog.findChildren(QStackedWidget)
        for step in range(max((page.count() for page in pages), default=1)):
            for page in pages:
                page.setCurrentIndex(min(step, page.count() - 1))
            if found := clashing_mnemonics(dialog):
                clashes[f"{dialog.objectName() or type(dialog).__name__} {step}"] = found
    assert clashes == {}
