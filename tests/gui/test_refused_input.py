"""Input the store refuses stays in the form: choosing another record, closing the templates
dialog or quitting does not silently drop it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from upwardprep.gui.dialogs.templates import TemplatesDialog
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.models.meeting_parts import AgendaModel
from upwardprep.gui.views.meetings import MeetingsView
from upwardprep.gui.views.people import PeopleView
from upwardprep.services import Services, ValidationError


def services_of(window: MainWindow) -> Services:
    assert window.session.services is not None
    return window.session.services


def empty_the_name(qtbot: QtBot, field: object) -> None:
    field.setFocus()  # type: ignore[attr-defined]
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # type: ignore[arg-type]
    assert field.text() == ""  # type: ignore[attr-defined]


@pytest.mark.parametrize("window_section", ["people"])  # unlocks onto it
def test_a_refused_name_keeps_the_person_selected(window: MainWindow, qtbot: QtBot) -> None:
    window.show_section("people")
    view = window.views["people"]
    assert isinstance(view, PeopleView)
    first, second = view.model.id_at(0), view.model.id_at(1)
    assert view.select(first)
    name_before = services_of(window).people.get(first).name
    empty_the_name(qtbot, view.editor.name)

    view.table.setFocus()
    view._select_row(1)  # the user picks another person
    qtbot.waitUntil(lambda: view.table.currentIndex().row() == 0)

    assert view.editor.record_id == first
    assert view.editor.name.text() == ""  # what was typed is still there to correct
    assert "name is empty" in window.statusBar().currentMessage()
    assert services_of(window).people.get(first).name == name_before

    qtbot.keyClicks(view.editor.name, "Dana W.")
    view._select_row(1)
    assert view.editor.record_id == second
    assert services_of(window).people.get(first).name == "Dana W."


@pytest.mark.parametrize("window_section", ["people"])  # unlocks onto it
def test_quitting_with_refused_input_asks_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_section("people")
    view = window.views["people"]
    assert isinstance(view, PeopleView)
    assert view.select(view.model.id_at(0))
    empty_the_name(qtbot, view.editor.name)
    asked: list[bool] = []
    answer = False
    monkeypatch.setattr(window, "_discard_refused", lambda: asked.append(answer) or answer)

    window.close()
    assert asked == [False]
    assert window.isVisible()  # went back to correct it
    assert view.editor.name.text() == ""

    answer = True
    window.close()
    assert asked == [False, True]
    assert not window.isVisible()


def test_templates_dialog_does_not_drop_a_refused_edit(
    demo_services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = TemplatesDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first = dialog.editor.record_id
    assert first is not None
    name_before = demo_services.templates.get(first).name
    empty_the_name(qtbot, dialog.editor.name)

    dialog.table.setCurrentIndex(dialog.model.index(1, 0))  # another template
    qtbot.waitUntil(lambda: dialog.table.currentIndex().row() == 0)
    assert dialog.editor.record_id == first
    assert dialog.editor.name.text() == ""
    assert "name is empty" in dialog.problem.text()
    assert dialog.problem.isVisibleTo(dialog)

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: answers.pop(0))
    dialog.reject()  # Close, Esc: asked; Cancel goes back to the form
    assert dialog.isVisible()
    assert dialog.editor.name.text() == ""
    dialog.reject()  # Discard closes without saving
    assert not dialog.isVisible()
    assert answers == []
    assert demo_services.templates.get(first).name == name_before


@pytest.mark.parametrize("window_section", ["meetings"])  # unlocks onto it
def test_agenda_item_text_survives_a_refused_meeting_field(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_section("meetings")
    view = window.views["meetings"]
    assert isinstance(view, MeetingsView)
    services = services_of(window)
    meeting = services.meetings.list(status="planned")[0]
    assert view.select(meeting.id)
    editor = view.editor
    editor.agenda_table.setCurrentIndex(editor.agenda_model.index(0, AgendaModel.TITLE))

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise ValidationError("The meeting title is refused.")

    monkeypatch.setattr(services.meetings, "update", refuse)
    qtbot.keyClicks(editor.title_edit, " (moved)")
    source = editor.item_body.sourceWidget()
    source.setFocus()
    source.selectAll()
    qtbot.keyClicks(source, "Talking points kept")
    editor.agenda_table.setCurrentIndex(editor.agenda_model.index(1, AgendaModel.TITLE))

    assert services.meetings.get(meeting.id).agenda_items[0].body == "Talking points kept"
    assert " (moved)" in editor.title_edit.text()  # still there to correct


@pytest.mark.parametrize("window_section", ["meetings"])  # unlocks onto it
def test_title_fields_stop_at_the_store_limit(window: MainWindow) -> None:
    window.show_section("meetings")
    view = window.views["meetings"]
    assert isinstance(view, MeetingsView)
    assert view.select(services_of(window).meetings.list()[0].id)
    view.editor.title_edit.setText("x" * 400)
    assert len(view.editor.title_edit.text()) == 300
