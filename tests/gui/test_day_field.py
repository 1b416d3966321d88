"""The typed date field, driven by key events, against the tests' today (never the calendar's)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.clock import TODAY
from upwardprep.gui.widgets.day_field import DayField, reader_for, shown
from upwardprep.services.day_input import Lean


@pytest.fixture
def field(qtbot: QtBot) -> DayField:
    page = QWidget()
    layout = QVBoxLayout(page)
    day = DayField()
    day.setObjectName("dueField")
    day.set_today_source(lambda: TODAY)
    after = QLineEdit()
    layout.addWidget(day)
    layout.addWidget(after)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    day.setFocus()
    day.page = page  # type: ignore[attr-defined]  # keeps the window alive with the field
    return day


def coming_friday() -> date:
    return TODAY + timedelta(days=(4 - TODAY.weekday()) % 7 or 7)


def test_fri_and_enter(qtbot: QtBot, field: DayField) -> None:
    with qtbot.waitSignal(field.edited):
        qtbot.keyClicks(field, "fri")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == coming_friday()
    assert field.text() == shown(coming_friday(), today=TODAY)
    assert "in " in field.toolTip() or "tomorrow" in field.toolTip()


def test_iso_and_tab(qtbot: QtBot, field: DayField) -> None:
    qtbot.keyClicks(field, "2026-12-04")
    with qtbot.waitSignal(field.edited):
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == date(2026, 12, 4)


def test_arrows_start_from_today(qtbot: QtBot, field: DayField) -> None:
    assert field.value() is None
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == TODAY
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == TODAY + timedelta(days=2)
    qtbot.keyClick(field, Qt.Key.Key_PageDown)
    assert field.value() is not None and field.value().month != (TODAY + timedelta(2)).month


def test_cleared_is_no_date(qtbot: QtBot, field: DayField) -> None:
    field.set_value(TODAY)
    field.selectAll()
    with qtbot.waitSignal(field.edited):
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None
    assert field.text() == ""


def test_unreadable_text_keeps_the_day_and_says_why(qtbot: QtBot, field: DayField) -> None:
    field.set_value(TODAY)
    field.selectAll()
    with qtbot.waitSignal(field.problem) as problem:
        qtbot.keyClicks(field, "someday")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "someday" in problem.args[0]
    assert field.value() == TODAY
    assert field.text() == "someday"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == shown(TODAY, today=TODAY)


def test_looking_back(qtbot: QtBot, field: DayField) -> None:
    field.lean = Lean.PAST
    qtbot.keyClicks(field, "fri")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == coming_friday() - timedelta(days=7)


def test_calendar_opens_on_today(qtbot: QtBot, field: DayField) -> None:
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field._popup is not None and field._popup.isVisible()
    chosen = field._popup.calendar.selectedDate()
    assert (chosen.year(), chosen.month(), chosen.day()) == (TODAY.year, TODAY.month, TODAY.day)
    grid = field._popup.calendar.findChild(QTableView)  # the month's days take the keys
    with qtbot.waitSignal(field.edited):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert field.value() == TODAY + timedelta(days=1)


def test_the_days_it_shows_read_back_in_other_languages() -> None:
    day = date(2026, 12, 4)
    for name in ("de_DE", "fr_FR", "en_US", "es_ES", "ja_JP"):
        locale = QLocale(name)
        assert reader_for(name).read(shown(day, locale), TODAY) == day, name


def test_the_year_is_shown_only_outside_this_year(field: DayField) -> None:
    field.set_value(TODAY.replace(month=1, day=2))
    assert str(TODAY.year) not in field.text()
    assert str(TODAY.year) in field.toolTip()  # the tooltip says the day in full
    field.set_value(TODAY.replace(year=TODAY.year - 1, month=1, day=2))
    assert str(TODAY.year - 1) in field.text()


def test_a_disabled_field_hints_nothing(field: DayField) -> None:
    """Disabled and empty, the typing hint read like a value (cut short, in dark mode)."""
    hint = field.placeholderText()
    assert hint
    field.page.setEnabled(False)  # type: ignore[attr-defined]  # as an editor with no record
    assert field.placeholderText() == ""
    field.page.setEnabled(True)  # type: ignore[attr-defined]
    assert field.placeholderText() == hint
