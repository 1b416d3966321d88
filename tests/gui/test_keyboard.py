"""Issue 13's keyboard and typed-date acceptance, with real key events sent to whatever has the
focus (as a person types): a date typed as "fri" and as "2026-12-04" in a form, Tab from a list
into its record's form, Space ticking an agenda item, and the meeting tabs' keys."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.clock import TODAY
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.models.meeting_parts import ActionsModel, AgendaModel
from upwardprep.gui.widgets.day_field import DayField, shown


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)


def _outcomes(window: MainWindow) -> tuple:  # type: ignore[type-arg]
    window.show_section("outcomes")
    view = window.views["outcomes"]
    view.table.selectRow(1)  # type: ignore[attr-defined]
    QApplication.processEvents()
    return view, view.editor  # type: ignore[attr-defined]


def last_friday() -> date:
    return TODAY - timedelta(days=(TODAY.weekday() - 4) % 7 or 7)


def test_a_date_typed_as_fri_and_as_iso_in_the_outcome_form(
    qtbot: QtBot, shared_window: MainWindow
) -> None:
    services = shared_window.session.services
    assert services is not None
    _view, editor = _outcomes(shared_window)
    field: DayField = editor.when
    record_id = editor.record_id
    _focus(qtbot, field)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "fri")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert field.text() == shown(
        last_friday(), today=TODAY
    )  # a note is about the past: the last Friday
    editor.flush()
    assert services.outcomes.get(record_id).occurred_on == last_friday()

    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "2026-12-04")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving the field reads it
    assert focused() is not field
    editor.flush()
    assert services.outcomes.get(record_id).occurred_on == date(2026, 12, 4)


def test_a_date_field_starts_from_the_apps_today(qtbot: QtBot, shared_window: MainWindow) -> None:
    _view, editor = _outcomes(shared_window)
    field: DayField = editor.when
    assert field.today() == TODAY  # the store's clock, not the machine's calendar
    _focus(qtbot, field)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)  # cleared: no date
    assert field.value() is None
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # an empty field steps from today
    assert field.value() == TODAY


def test_tab_leaves_the_outcomes_list_for_the_editor(
    qtbot: QtBot, shared_window: MainWindow
) -> None:
    view, editor = _outcomes(shared_window)
    _focus(qtbot, view.table)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert editor.isAncestorOf(focused()), focused().objectName()
    assert focused() is editor.title_edit  # the form's first field, in reading order


def test_space_ticks_an_agenda_item(qtbot: QtBot, shared_window: MainWindow) -> None:
    services = shared_window.session.services
    assert services is not None
    shared_window.show_section("meetings")
    view = shared_window.meetings_view
    view.table.selectRow(0)  # the next 1:1, not yet held
    QApplication.processEvents()
    editor = view.editor
    table = editor.agenda_table
    table.setCurrentIndex(table.model().index(0, AgendaModel.TITLE))
    item_id = editor.agenda_model.record_at(0).id
    before = services.meetings.get(editor.record_id).agenda_items
    was = next(item.discussed for item in before if item.id == item_id)
    _focus(qtbot, table)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    after = services.meetings.get(editor.record_id).agenda_items
    assert next(item.discussed for item in after if item.id == item_id) is not was
    assert table.state() != table.State.EditingState  # Space did not start editing the cell
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    again = services.meetings.get(editor.record_id).agenda_items
    assert next(item.discussed for item in again if item.id == item_id) is was


def test_meeting_tabs_switch_by_keys(qtbot: QtBot, shared_window: MainWindow) -> None:
    shared_window.show_section("meetings")
    view = shared_window.meetings_view
    view.table.selectRow(0)
    tabs = view.editor.findChild(QTabWidget, "meetingTabs")
    assert tabs is not None
    _focus(qtbot, view.table)  # from the list, not only from inside the tabs
    qtbot.keyClick(focused(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert tabs.tabText(tabs.currentIndex()).startswith("Actions")
    qtbot.keyClick(focused(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentIndex() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 2
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1


def test_the_person_is_picked_by_typing_part_of_the_name(
    qtbot: QtBot, shared_window: MainWindow
) -> None:
    services = shared_window.session.services
    assert services is not None
    zoe = services.people.find("Zoë Ångström")
    _view, editor = _outcomes(shared_window)
    record_id = editor.record_id
    _focus(qtbot, editor.person)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "angst")  # no accents typed, part of a word
    assert editor.person.text() == "angst"  # the list narrows; the field keeps what was typed
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert editor.person.text() == "Zoë Ångström"
    assert editor.flush()
    assert services.outcomes.get(record_id).person_id == zoe.id

    failures: list[str] = []
    editor.failed.connect(failures.append)
    editor.person.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "zzz")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # Esc puts the chosen person back
    assert editor.person.text() == "Zoë Ångström"
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "zzz")
    editor.mark_dirty()
    assert not editor.flush()  # a name that matches nobody is refused, and said so
    assert failures and "No single person matches “zzz”" in failures[-1]
    assert services.outcomes.get(record_id).person_id == zoe.id
    editor.person.set_current_id(zoe.id)  # leave the shared window clean


def test_action_items_show_due_days_relative_with_the_day_in_the_tooltip(
    shared_window: MainWindow,
) -> None:
    shared_window.show_section("meetings")
    view = shared_window.meetings_view
    view.table.selectRow(0)
    QApplication.processEvents()
    model = view.editor.actions_model
    rows = [r for r in range(model.rowCount()) if model.record_at(r).due_on is not None]
    assert rows
    for row in rows:
        due = model.record_at(row).due_on
        index = model.index(row, ActionsModel.DUE)
        text, tip = index.data(), index.data(Qt.ItemDataRole.ToolTipRole)
        assert str(due.day) in tip and str(due.year) in tip  # the day in full
        if due.year == TODAY.year and abs((due - TODAY).days) <= 6:
            assert any(w in text for w in ("ago", "in ", "today", "tomorrow", "yesterday")), text


def test_the_meetings_person_is_picked_by_typing(qtbot: QtBot, shared_window: MainWindow) -> None:
    services = shared_window.session.services
    assert services is not None
    priya = services.people.find("Priya Raman")
    shared_window.show_section("meetings")
    view = shared_window.meetings_view
    view.table.selectRow(0)  # the next 1:1, not yet held
    QApplication.processEvents()
    editor = view.editor
    record_id, was = editor.record_id, editor.person.current_id()
    _focus(qtbot, editor.person)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "raman")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # Tab takes the match and moves on
    assert editor.person.text() == "Priya Raman" and focused() is not editor.person
    assert editor.flush()
    assert services.meetings.get(record_id).person_id == priya.id
    editor.person.set_current_id(was)  # the shared window's next 1:1 stays with Dana
    editor.mark_dirty()
    assert editor.flush()
