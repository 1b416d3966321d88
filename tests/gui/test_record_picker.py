"""The type-to-pick field on its own, driven by key events: the typed text is never rewritten
while typing, Enter and Tab take the top match, Esc puts back what the field held."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from upwardprep.gui.widgets.record_picker import Choice, RecordPicker

TITLES = [
    Choice("p1", "Checkout and ledger on Atlas with no customer-visible downtime", "Dana"),
    Choice("p2", "Reduce churn in mid-market by 10 %", "Dana"),
    Choice("p3", "Hire two senior engineers", "Dana"),
    Choice("p4", "Churn dashboards for EMEA", "Priya"),
    Choice("p5", "Éloïse's onboarding plan", "Priya"),
]


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, RecordPicker, QLineEdit]:
    page = QWidget()
    layout = QVBoxLayout(page)
    picker = RecordPicker()
    picker.setObjectName("priorityPicker")
    picker.set_choices(TITLES)
    after = QLineEdit()
    after.setObjectName("afterEdit")
    layout.addWidget(picker)
    layout.addWidget(after)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    picker.setFocus()
    return page, picker, after


def test_typing_narrows_and_never_rewrites_the_text(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    _page, picker, _after = form
    qtbot.keyClicks(picker, "churn")
    assert picker.text() == "churn"
    assert picker.popup_visible()
    # "Churn dashboards" starts with the word; the other has it inside
    assert picker.listed() == ["p4", "p2"]
    assert picker.current_id() is None
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.current_id() == "p4"
    assert picker.text() == "Churn dashboards for EMEA"
    assert not picker.popup_visible()


def test_arrows_then_enter_take_the_highlighted_match(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    _page, picker, _after = form
    qtbot.keyClicks(picker, "CHURN")
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.text() == "CHURN"  # moving through the list does not write into the field
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(picker, Qt.Key.Key_Enter)
    assert picked.args == ["p2"]


def test_tab_takes_the_top_match_and_moves_on(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    page, picker, after = form
    page.activateWindow()
    qtbot.keyClicks(picker, "atlas ledg")
    with qtbot.waitSignal(picker.edited):
        qtbot.keyClick(picker, Qt.Key.Key_Tab)
    assert picker.current_id() == "p1"
    qtbot.waitUntil(after.hasFocus)


def test_accents_and_case_do_not_matter(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    _page, picker, _after = form
    qtbot.keyClicks(picker, "ELOISE")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.current_id() == "p5"


def test_escape_puts_back_what_the_field_held(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    _page, picker, _after = form
    picker.set_current_id("p3")
    picker.selectAll()
    qtbot.keyClicks(picker, "chu")
    assert picker.popup_visible()
    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    assert not picker.popup_visible()
    assert picker.text() == "Hire two senior engineers"
    assert picker.current_id() == "p3"


def test_nothing_matching_takes_nothing(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    _page, picker, _after = form
    qtbot.keyClicks(picker, "zebra")
    assert not picker.popup_visible()
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.current_id() is None
    assert picker.pending_text() == "zebra"
    assert not picker.resolve()


def test_clearing_chooses_nothing(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    _page, picker, _after = form
    picker.set_current_id("p2")
    picker.selectAll()
    with qtbot.waitSignal(picker.edited):
        qtbot.keyClick(picker, Qt.Key.Key_Backspace)
    assert picker.current_id() is None


def test_alt_down_lists_every_choice(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    _page, picker, _after = form
    qtbot.keyClick(picker, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert picker.listed() == [choice.id for choice in TITLES]


def test_adding_mode_empties_after_each_pick(qtbot: QtBot) -> None:
    picker = RecordPicker(keep_text=False)
    picker.set_choices(TITLES)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    taken = []
    picker.picked.connect(taken.append)
    for typed in ("hire", "dash"):
        qtbot.keyClicks(picker, typed)
        qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert taken == ["p3", "p4"]
    assert picker.text() == ""


def test_new_choices_while_the_list_is_open_do_not_break_it(
    qtbot: QtBot, form: tuple[QWidget, RecordPicker, QLineEdit]
) -> None:
    """The crash case: the field's choices replaced (another record loaded) between keys."""
    _page, picker, _after = form
    qtbot.keyClicks(picker, "c")
    picker.set_choices(TITLES[:2])
    qtbot.keyClicks(picker, "hurn")
    assert picker.listed() == ["p2"]
    picker.set_choices(TITLES[1:])
    picker.set_current_id(None)
    qtbot.keyClicks(picker, "dash")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.current_id() == "p4"
