"""The two fields issue 13 found broken, driven by real key events on a fresh store: Quick
capture's Priority (typing a fragment mangled the text) and the outcome editor's "Link a
priority" (a RuntimeError after switching records)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from upwardprep.export.documents import build_packet
from upwardprep.gui.dialogs.quick_capture import QuickCaptureDialog
from upwardprep.gui.views.outcomes import OutcomeEditor
from upwardprep.services import Services

ATLAS = "Checkout and ledger on Atlas with no customer-visible downtime"
CHURN = "Reduce churn: keep 120 at-risk customers this half"


@pytest.fixture
def priorities(services: Services) -> dict[str, str]:
    ids = {}
    for title in (ATLAS, CHURN, "Hire two senior engineers"):
        ids[title] = services.priorities.create(title).id
    return ids


class Keyboard:
    """Keys to whatever has the focus, as a person types them, counted."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)
        self.count += len(text)

    def press(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.focus(), key)
        self.count += 1


def test_quick_capture_links_a_priority_typed_as_a_fragment(
    qtbot: QtBot, services: Services, priorities: dict[str, str]
) -> None:
    dialog = QuickCaptureDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.title)
    keys = Keyboard(qtbot)
    started = time.perf_counter()
    keys.type("Renewal calls saved 14 accounts")
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.priority
    keys.type("churn")
    assert dialog.priority.text() == "churn"  # never rewritten while typing
    assert dialog.priority.listed()[0] == priorities[CHURN]
    keys.press(Qt.Key.Key_Return)  # takes the top match
    assert dialog.priority.text() == CHURN
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.saved) as saved:
        keys.press(Qt.Key.Key_Return)  # saves
    elapsed = time.perf_counter() - started
    assert not dialog.isVisible()
    outcome = services.outcomes.get(saved.args[0])
    assert (outcome.title, outcome.priority_ids) == (
        "Renewal calls saved 14 accounts",
        (priorities[CHURN],),
    )
    # 31 + 5 letters and three keys: a few seconds for a person; the app adds nothing to it
    assert keys.count == 39
    assert elapsed < 5


def test_quick_capture_says_so_when_the_text_names_no_priority(
    qtbot: QtBot, services: Services, priorities: dict[str, str]
) -> None:
    dialog = QuickCaptureDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title, "Shipped the thing")
    dialog.priority.setFocus()
    qtbot.keyClicks(dialog.priority, "zzz")
    assert not dialog.priority.popup_visible()
    dialog.save()
    assert dialog.isVisible()
    assert "No single priority matches “zzz”" in dialog.error.text()
    assert services.outcomes.list() == []


def test_linking_a_priority_after_switching_records(
    qtbot: QtBot, services: Services, priorities: dict[str, str]
) -> None:
    first = services.outcomes.create("Cut p95 latency to 310 ms")
    second = services.outcomes.create("Renewal calls saved 14 accounts")
    editor = OutcomeEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    for record in (first, second, first, second):  # switching between them
        editor.load(services, record.id)
    field = editor.priorities.add
    field.setFocus()
    qtbot.keyClicks(field, "c")  # the letter that raised RuntimeError
    assert field.text() == "c" and field.popup_visible()
    qtbot.keyClicks(field, "hurn")
    assert field.text() == "churn"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == ""  # ready for the next one
    assert editor.priorities.ids() == [priorities[CHURN]]
    qtbot.keyClicks(field, "ATLAS")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert editor.priorities.ids() == [priorities[CHURN], priorities[ATLAS]]
    assert editor.flush()
    linked = services.outcomes.get(second.id).priority_ids
    assert set(linked) == {priorities[CHURN], priorities[ATLAS]}
    editor.load(services, first.id)
    assert editor.priorities.ids() == []
    field.setFocus()
    qtbot.keyClicks(field, "senior")
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # cancels
    assert field.text() == "" and editor.priorities.ids() == []


def test_marking_the_primary_priority_files_the_note_under_it(
    qtbot: QtBot, services: Services, priorities: dict[str, str], tmp_path: Path
) -> None:
    both = [priorities[ATLAS], priorities[CHURN]]
    note = services.outcomes.create("Renewal calls saved 14 accounts", priority_ids=both)
    single = services.outcomes.create("Cut p95 latency to 310 ms", priority_ids=both[:1])
    editor = OutcomeEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 600)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitActive(editor)
    editor.load(services, single.id)
    assert editor.primary.isHidden()  # one link: nothing to choose
    editor.load(services, note.id)
    combo = editor.primary
    assert not combo.isHidden() and combo.accessibleName() == "Primary priority"
    # the first linked is the default, and says so
    assert combo.currentText() == f"First linked: {ATLAS}"
    assert [combo.itemData(i) for i in range(combo.count())] == both
    editor.title_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.title_edit)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Primar&y
    assert QApplication.focusWidget() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == CHURN
    qtbot.mouseClick(editor.title_edit, Qt.MouseButton.LeftButton)  # focus leaves: saved
    qtbot.waitUntil(lambda: not editor.dirty)
    assert services.outcomes.get(note.id).primary_priority_id == priorities[CHURN]
    assert services.outcomes.get(single.id).primary_priority_id is None

    editor.load(services, single.id)
    editor.load(services, note.id)  # read back from the store
    assert combo.currentText() == CHURN
    cycle = services.reviews.create("H2", date(2000, 1, 1), date(2100, 12, 31))
    out = tmp_path / "packet.md"
    build_packet(services, cycle.id, out, fmt="md", author="Alex Ørsted")
    body = out.read_text("utf-8").split("## Outcomes by priority", 1)[1]
    under_atlas, under_churn = body.split(f"### {CHURN}", 1)
    assert "Renewal calls saved 14 accounts" not in under_atlas
    assert "#### Renewal calls saved 14 accounts" in under_churn
    assert f"Also supports: {ATLAS}" in under_churn.split("\n## ", 1)[0]

    # back to the default with the mouse: the popup's first row
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    first = view.visualRect(view.model().index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert combo.currentText() == f"First linked: {ATLAS}"
    assert editor.flush()
    assert services.outcomes.get(note.id).primary_priority_id is None
