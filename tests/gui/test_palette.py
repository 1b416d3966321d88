"""The search palette (Ctrl+K), driven by keys over the demo: a person first by name, meetings
with their day, items that open their meeting, recent records and commands when empty, ">"."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.models.search import EntityRole, MetaRole, TargetRole


def open_palette(window: MainWindow, qtbot: QtBot, text: str = ""):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.palette_popup
    assert palette.isVisible()
    if text:
        qtbot.keyClicks(palette.edit, text)
        palette.run_query_now()
    return palette


def rows(palette) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    model = palette.results.model()
    return [
        (
            model.index(r, 0).data(EntityRole),
            model.index(r, 0).data(),
            model.index(r, 0).data(MetaRole),
        )
        for r in range(model.rowCount())
    ]


def test_ctrl_k_finds_a_person_first_by_part_of_the_name(window: MainWindow, qtbot: QtBot) -> None:
    palette = open_palette(window, qtbot, "dana")
    found = rows(palette)
    assert found[0][:2] == ("person", "Dana Whitfield")
    assert any(entity == "outcome" for entity, _title, _meta in found)  # notes mention her
    palette.edit.clear()
    qtbot.keyClicks(palette.edit, "whitf")
    palette.run_query_now()
    assert rows(palette)[0][:2] == ("person", "Dana Whitfield")
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.views["people"]
    assert window.findChild(QLineEdit, "personName").text() == "Dana Whitfield"


def test_meetings_show_their_day_and_items_open_their_meeting(
    window: MainWindow, qtbot: QtBot
) -> None:
    services = window.session.services
    assert services is not None
    meeting = next(m for m in services.meetings.list() if not m.is_held and m.person_name)
    action = services.meetings.add_action(meeting.id, "Send the quarterly zeppelin numbers")
    palette = open_palette(window, qtbot, "zeppelin")
    model = palette.results.model()
    assert rows(palette)[0][0] == "action"
    assert model.index(0, 0).data(TargetRole) == ("meeting", meeting.id)
    palette.edit.clear()
    qtbot.keyClicks(palette.edit, "1:1")
    palette.run_query_now()
    metas = [meta for entity, _title, meta in rows(palette) if entity == "meeting"]
    assert metas and all(" · " in meta for meta in metas)  # "1:1 meeting · next Tue"
    palette.edit.clear()
    qtbot.keyClicks(palette.edit, "zeppelin")
    palette.run_query_now()
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.views["meetings"]
    assert window.meetings_view.editor.record_id == meeting.id
    assert action.id


def test_empty_palette_offers_recent_records_and_main_commands(
    window: MainWindow, qtbot: QtBot
) -> None:
    services = window.session.services
    assert services is not None
    services.clock.now += timedelta(minutes=1)  # type: ignore[attr-defined]  # a FrozenClock
    latest = services.outcomes.create("Freshly written note")
    palette = open_palette(window, qtbot)
    found = rows(palette)
    assert found[0][:2] == ("outcome", "Freshly written note")
    commands = [title for entity, title, _meta in found if entity == "command"]
    assert "Quick Capture…" in commands and "Draft Agenda…" in commands
    assert latest.id


def test_greater_than_lists_commands_and_enter_runs_one(window: MainWindow, qtbot: QtBot) -> None:
    palette = open_palette(window, qtbot, ">")
    assert {entity for entity, _t, _m in rows(palette)} == {"command"}
    everything = len(rows(palette))
    qtbot.keyClicks(palette.edit, "priori")
    palette.run_query_now()
    found = rows(palette)
    assert 0 < len(found) < everything
    assert found[0][1] == "Priorities"  # Go > Priorities: the whole word starts the name
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.stack.currentWidget() is window.views["priorities"]


def test_keyboard_shortcuts_lists_every_command_with_keys_and_the_keys_in_fields(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QKeySequence

    from upwardprep.gui.commands import COMMANDS, KEY_HINTS
    from upwardprep.gui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions_by_name, window)
    qtbot.addWidget(dialog)
    listed = dialog.visible_rows()
    native = QKeySequence.SequenceFormat.NativeText
    for command in COMMANDS:
        action = window.actions_by_name[command.name]
        if command.menu and not action.shortcut().isEmpty():
            keys = action.shortcut().toString(native)
            assert any(keys in k and w == action.text().replace("&", "") for k, w in listed)
    for name in ("finish_meeting", "add_outcome", "confirm_priority", "draft_agenda"):
        assert not window.actions_by_name[name].shortcut().isEmpty(), name
    assert all((hint.keys, hint.text) in listed for hint in KEY_HINTS)
    qtbot.keyClicks(dialog.filter, "agenda item")
    assert dialog.visible_rows() == [("Space", "Tick or untick the agenda item")]
