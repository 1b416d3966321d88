"""The Meetings section, driven through objectNames: the list, the editor's agenda (keyboard
reorder, time boxes), autosave, finishing (carried actions and the summary), held meetings as
read-only records, reopening, templates, drafting and calendar import."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from tests.clock import TODAY
from tests.conftest import PASSPHRASE
from tests.gui.test_app_flows import when_modal
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.models.base import IdRole
from upwardprep.gui.models.meeting_parts import ActionsModel, AgendaModel
from upwardprep.gui.models.meetings import MeetingsModel
from upwardprep.gui.views.meetings import MeetingsView
from upwardprep.gui.widgets.record_picker import RecordPicker
from upwardprep.services import Services
from upwardprep.services.meetings import IF_TIME_ALLOWS, MeetingData
from upwardprep.store.engine import Store

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window_section() -> str:
    """The demo window (conftest) unlocks onto the Meetings section."""
    return "meetings"


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer Yes to every confirmation, remembering what was asked."""
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def view_of(window: MainWindow) -> MeetingsView:
    view = window.views["meetings"]
    assert isinstance(view, MeetingsView)
    return view


def services_of(window: MainWindow) -> Services:
    assert window.session.services is not None
    return window.session.services


def planned_meeting(window: MainWindow) -> MeetingData:
    """Select Dana's planned 1:1 (the demo's upcoming one) and return it."""
    services = services_of(window)
    planned = [m for m in services.meetings.list(status="planned")]
    assert planned
    meeting = planned[0]
    assert view_of(window).select(meeting.id)
    assert view_of(window).editor.record_id == meeting.id
    return meeting


def held_meeting(window: MainWindow) -> MeetingData:
    services = services_of(window)
    meeting = services.meetings.list(status="held")[0]
    assert view_of(window).select(meeting.id)
    return meeting


@pytest.mark.date_sensitive
def test_list_shows_upcoming_first_then_the_record(window: MainWindow) -> None:
    table = window.findChild(QTableView, "meetingsTable")
    model = table.model()
    assert isinstance(model, MeetingsModel)
    states = [model.index(row, MeetingsModel.STATUS).data() for row in range(model.rowCount())]
    assert states[0] == "Upcoming"
    assert states.count("Held") == 8
    assert "Upcoming" not in states[1:]
    held_times = [
        model.record_at(row).scheduled_at
        for row in range(1, model.rowCount())  # type: ignore[union-attr]
    ]
    assert held_times == sorted(held_times, reverse=True)
    filter_combo = window.findChild(QComboBox, "meetingPersonFilter")
    filter_combo.setCurrentIndex(filter_combo.findText("Rafael Núñez"))
    assert model.rowCount() == 0
    assert "suggested" in window.findChild(QLabel, "suggestedNext").text().lower()


def test_new_meeting_with_ctrl_n_in_this_section(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    view = view_of(window)
    filter_combo = window.findChild(QComboBox, "meetingPersonFilter")
    filter_combo.setCurrentIndex(filter_combo.findText("Zoë Ångström"))
    before = services.outcomes.count()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    zoes = services.meetings.list(person_id=filter_combo.currentData())
    assert len(zoes) == 1 and zoes[0].title == "1:1 with Zoë"
    assert view.editor.record_id == zoes[0].id
    assert services.outcomes.count() == before  # Ctrl+N made a meeting here, not a note
    new = QKeySequence(QKeySequence.StandardKey.New)
    assert window.actions_by_name["new_meeting"].shortcut() == new
    window.show_section("outcomes")
    assert window.actions_by_name["new_outcome"].shortcut() == new
    assert window.actions_by_name["new_meeting"].shortcut() == QKeySequence("Ctrl+Alt+M")


def test_reorder_agenda_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)
    table = window.findChild(QTableView, "agendaTable")
    model = table.model()
    assert isinstance(model, AgendaModel)
    first, second = model.ids()[:2]
    table.setFocus()
    table.setCurrentIndex(model.index(0, AgendaModel.TITLE))
    qtbot.keyClick(
        table,
        Qt.Key.Key_Down,
        CTRL_SHIFT,
    )
    stored = [item.id for item in services.meetings.get(meeting.id).agenda_items]
    assert stored[:2] == [second, first]
    assert table.currentIndex().row() == 1 and table.currentIndex().data(IdRole) == first
    qtbot.keyClick(
        table,
        Qt.Key.Key_Up,
        CTRL_SHIFT,
    )
    assert [i.id for i in services.meetings.get(meeting.id).agenda_items][:2] == [first, second]


def test_time_box_total_against_the_length(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)
    total = window.findChild(QLabel, "agendaTotal")
    # What waits under "If time allows" is not planned time.
    minutes = sum(item.time_box_minutes or 0 for item in meeting.agenda)
    assert (
        minutes
        == meeting.planned_minutes
        < sum(item.time_box_minutes or 0 for item in meeting.agenda_items)
    )
    assert total.text().startswith(f"{minutes} of {meeting.duration_minutes} min")
    length = window.findChild(QSpinBox, "meetingLength")
    length.setValue(minutes - 5)
    assert total.property("over") is True and "5 over" in total.text()
    length.setValue(minutes + 15)
    assert total.property("over") is False
    model = window.findChild(QTableView, "agendaTable").model()
    assert model.setData(model.index(0, AgendaModel.MINUTES), 40, Qt.ItemDataRole.EditRole)
    first = meeting.agenda_items[0]
    expected = minutes - (first.time_box_minutes or 0) + 40
    assert total.text().startswith(f"{expected} of {minutes + 15} min")
    assert services.meetings.get(meeting.id).agenda_items[0].time_box_minutes == 40
    # A refused time box changes nothing and says why.
    with qtbot.waitSignal(view_of(window).status) as said:
        assert not model.setData(model.index(0, AgendaModel.MINUTES), 9999)
    assert "between 1 and 600" in said.args[0]
    assert services.meetings.get(meeting.id).agenda_items[0].time_box_minutes == 40


def test_notes_autosave_debounced_and_on_focus_loss(
    window: MainWindow, qtbot: QtBot, demo_path: Path
) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)
    editor = view_of(window).editor
    editor.tabs.setCurrentIndex(1)
    notes = editor.notes.sourceWidget()
    notes.setFocus()
    qtbot.keyClicks(notes, "Dana wants the wave table weekly.")
    qtbot.waitUntil(lambda: "wave table" in services.meetings.get(meeting.id).notes, timeout=3000)
    qtbot.keyClicks(notes, " Typed just before leaving.")
    view_of(window).table.setFocus()  # leaving the editor saves at once
    assert services.meetings.get(meeting.id).notes.endswith("Typed just before leaving.")
    editor.title_edit.setFocus()
    editor.title_edit.end(False)
    qtbot.keyClicks(editor.title_edit, " (moved)")
    window.session.lock()
    with Store.open(demo_path, PASSPHRASE) as store:
        assert Services(store).meetings.get(meeting.id).title.endswith("(moved)")


def test_agenda_item_text_saves_to_its_own_item(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)
    editor = view_of(window).editor
    table = editor.agenda_table
    table.setCurrentIndex(editor.agenda_model.index(0, AgendaModel.TITLE))
    source = editor.item_body.sourceWidget()
    source.setFocus()
    source.selectAll()
    qtbot.keyClicks(source, "First item's talking points")
    table.setFocus()
    table.setCurrentIndex(editor.agenda_model.index(1, AgendaModel.TITLE))
    items = services.meetings.get(meeting.id).agenda_items
    assert items[0].body == "First item's talking points"
    assert items[1].body != "First item's talking points"
    assert source.toPlainText() == items[1].body


@pytest.mark.date_sensitive
def test_add_action_and_finish_carries_it(window: MainWindow, qtbot: QtBot, yes: list[str]) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)
    editor = view_of(window).editor
    open_before = [a.title for a in meeting.action_items if a.is_open]
    editor.tabs.setCurrentIndex(3)
    qtbot.keyClicks(editor.add_action_edit, "Send Dana the wave 5 plan")
    owner = window.findChild(RecordPicker, "addActionOwner")
    qtbot.keyClicks(owner, "them")  # typed, not yet taken: adding reads it
    qtbot.keyClick(editor.add_action_edit, Qt.Key.Key_Return)
    actions = services.meetings.get(meeting.id).action_items
    added = next(a for a in actions if a.title == "Send Dana the wave 5 plan")
    assert added.owner == "them"
    # One item ticked off in the table, one discussed on the agenda.
    model = window.findChild(QTableView, "actionsTable").model()
    assert isinstance(model, ActionsModel)
    done_row = model.row_of(added.id)
    assert model.setData(
        model.index(done_row, ActionsModel.DONE),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    agenda = editor.agenda_model
    agenda.setData(
        agenda.index(0, AgendaModel.DISCUSSED),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    qtbot.keyClicks(editor.decisions.sourceWidget(), "- Wave 5 waits for the licence")
    window.findChild(QPushButton, "finishButton").click()
    assert yes and "held" in yes[0]
    finished = services.meetings.get(meeting.id)
    assert finished.is_held and finished.decisions == "- Wave 5 waits for the licence"
    summary = window.findChild(QDialog, "finishSummaryDialog")
    assert summary is not None and summary.isVisible()
    text = summary.findChild(QLabel, "summaryText").text()
    assert "1 of" in text and "Wave 5 waits for the licence" in text
    for title in open_before:
        assert title in text
    nxt = [m for m in services.meetings.list(status="planned") if m.id != meeting.id]
    assert len(nxt) == 1
    carried = {a.title: a.carry_count for a in nxt[0].action_items}
    assert set(carried) == set(open_before)
    assert "Send Dana the wave 5 plan" not in carried  # done: stops here
    summary.findChild(QPushButton, "openNextButton").click()
    assert view_of(window).editor.record_id == nxt[0].id
    shown = window.findChild(QTableView, "actionsTable").model()
    assert sorted(shown.index(r, ActionsModel.TITLE).data() for r in range(shown.rowCount())) == (
        sorted(open_before)
    )


@pytest.mark.date_sensitive
def test_held_meeting_is_read_only_and_reopens(
    window: MainWindow, qtbot: QtBot, yes: list[str]
) -> None:
    services = services_of(window)
    meeting = held_meeting(window)
    editor = view_of(window).editor
    banner = window.findChild(QLabel, "heldBannerLabel")
    assert editor.banner.isVisible() and "record" in banner.text()
    carried = sum(1 for action in meeting.action_items if action.is_open)
    assert carried and editor.tabs.tabText(3) == f"Actions ({carried} carried)"
    due = editor.actions_model.index(0, ActionsModel.DUE)
    assert "overdue" not in (due.data(Qt.ItemDataRole.ToolTipRole) or "")  # a record is not late
    for name in ("meetingTitle", "addAgendaItemEdit", "addActionEdit"):
        assert not window.findChild(QLineEdit, name).isEnabled(), name
    assert not window.findChild(QPushButton, "finishButton").isVisible()
    assert editor.notes.sourceWidget().isReadOnly()
    assert editor.decisions.sourceWidget().isReadOnly()
    agenda = editor.agenda_model
    assert not agenda.flags(agenda.index(0, AgendaModel.TITLE)) & Qt.ItemFlag.ItemIsEditable
    assert not agenda.setData(agenda.index(0, AgendaModel.TITLE), "changed")
    editor.agenda_table.setFocus()
    editor.agenda_table.setCurrentIndex(agenda.index(0, AgendaModel.TITLE))
    order = agenda.ids()
    qtbot.keyClick(
        editor.agenda_table,
        Qt.Key.Key_Down,
        CTRL_SHIFT,
    )
    assert [i.id for i in services.meetings.get(meeting.id).agenda_items] == order
    window.findChild(QPushButton, "reopenButton").click()
    assert yes and "Reopen" in yes[-1]
    assert not services.meetings.get(meeting.id).is_held
    assert not editor.banner.isVisible() and editor.title_edit.isEnabled()
    assert not editor.notes.sourceWidget().isReadOnly()


def test_cancelled_confirmation_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    services = services_of(window)
    meeting = planned_meeting(window)
    window.findChild(QPushButton, "finishButton").click()
    assert not services.meetings.get(meeting.id).is_held
    held = held_meeting(window)
    window.findChild(QPushButton, "reopenButton").click()
    assert services.meetings.get(held.id).is_held


def test_outcome_captured_during_a_meeting_links_to_it(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)

    def drive(dialog: QDialog) -> None:
        link = dialog.findChild(QCheckBox, "linkMeetingCheck")
        assert link.isChecked() and meeting.title in link.text()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "titleEdit"), "Dana approved the licence")
        qtbot.keyClick(dialog.findChild(QLineEdit, "titleEdit"), Qt.Key.Key_Return)

    when_modal(qtbot, drive)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        CTRL_SHIFT,
    )
    linked = [o for o in services.outcomes.list() if o.title == "Dana approved the licence"]
    assert len(linked) == 1 and linked[0].meeting_id == meeting.id
    editor = view_of(window).editor
    assert editor.outcomes.count() == 1
    assert editor.tabs.tabText(4) == "Outcomes (1)"


def test_delete_removes_what_has_the_focus(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)
    editor = view_of(window).editor
    count = len(meeting.agenda_items)
    editor.agenda_table.setFocus()
    editor.agenda_table.setCurrentIndex(editor.agenda_model.index(0, AgendaModel.TITLE))
    qtbot.keyClick(editor.agenda_table, Qt.Key.Key_Delete)
    assert len(services.meetings.get(meeting.id).agenda_items) == count - 1
    assert services.trash.list() == []
    view_of(window).table.setFocus()
    qtbot.keyClick(view_of(window).table, Qt.Key.Key_Delete)
    assert [(e.kind, e.id) for e in services.trash.list()] == [("meeting", meeting.id)]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.trash.list() == []


@pytest.mark.date_sensitive
def test_action_cells_edit_through_the_service(window: MainWindow) -> None:
    services = services_of(window)
    meeting = planned_meeting(window)
    model = view_of(window).editor.actions_model
    assert model.rowCount() >= 1
    first = model.record_at(0)
    zoe = services.people.find("Zoë")
    assert model.setData(model.index(0, ActionsModel.OWNER), zoe.id)
    assert model.index(0, ActionsModel.OWNER).data() == "Zoë Ångström"
    assert model.setData(model.index(0, ActionsModel.DUE), QDate(2026, 12, 4))
    assert model.setData(model.index(0, ActionsModel.TITLE), "Reworded")
    stored = next(a for a in services.meetings.get(meeting.id).action_items if a.id == first.id)
    assert (stored.title, stored.owner_person_id, stored.due_on.isoformat()) == (
        "Reworded",
        zoe.id,
        "2026-12-04",
    )
    assert not model.setData(model.index(0, ActionsModel.TITLE), "  ")
    assert services.meetings.get(meeting.id).action_items[0].title != "  "


def test_lock_leaves_no_meeting_text(window: MainWindow, qtbot: QtBot) -> None:
    from tests.gui.test_app_flows import text_everywhere

    meeting = planned_meeting(window)
    editor = view_of(window).editor
    item_title = meeting.agenda_items[0].title
    assert item_title in text_everywhere(window)
    window.session.lock()
    shown = text_everywhere(window)
    assert item_title not in shown and meeting.title not in shown
    assert editor.agenda_model.rowCount() == 0 and editor.actions_model.rowCount() == 0


def test_templates_dialog(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    before = {t.name for t in services.templates.list()}

    def drive(dialog: QDialog) -> None:
        table = dialog.findChild(QTableView, "templatesTable")
        assert table.model().rowCount() == len(before)
        dialog.findChild(QPushButton, "newTemplateButton").click()
        name = dialog.findChild(QLineEdit, "templateName")
        assert name.text() == "New template"
        name.selectAll()
        qtbot.keyClicks(name, "Quarterly check")
        body = dialog.findChild(QPlainTextEdit, "markdownSource")
        body.setFocus()  # leaving the name saves it
        dialog.findChild(QPushButton, "duplicateTemplateButton").click()
        assert name.text() == "Quarterly check (copy)"
        dialog.findChild(QPushButton, "deleteTemplateButton").click()
        dialog.reject()

    when_modal(qtbot, drive)
    window.actions_by_name["templates"].trigger()
    names = {t.name for t in services.templates.list()}
    assert names == before | {"Quarterly check"}
    assert [(e.kind, e.title) for e in services.trash.list()] == [
        ("template", "Quarterly check (copy)")
    ]


@pytest.mark.date_sensitive
def test_models_pass_the_model_tester(demo_services: Services, qtmodeltester) -> None:
    meetings = MeetingsModel(demo_services)
    qtmodeltester.check(meetings)
    planned = demo_services.meetings.list(status="planned")[0]
    agenda = AgendaModel(demo_services)
    qtmodeltester.check(agenda)
    agenda.load(planned)
    qtmodeltester.check(agenda)
    qtmodeltester.check(agenda, force_py=True)
    actions = ActionsModel(demo_services)
    qtmodeltester.check(actions)
    actions.load(planned, {p.id: p.name for p in demo_services.people.list()})
    qtmodeltester.check(actions)
    qtmodeltester.check(actions, force_py=True)
    assert agenda.rowCount() and actions.rowCount()
    carried = [actions.index(r, ActionsModel.CARRIED).data() for r in range(actions.rowCount())]
    assert any(text.startswith("×") for text in carried)


def test_agenda_drag_and_drop_reorders(demo_services: Services) -> None:
    planned = demo_services.meetings.list(status="planned")[0]
    agenda = AgendaModel(demo_services)
    agenda.load(planned)
    order = agenda.ids()
    data = agenda.mimeData([agenda.index(0, 0)])
    from PySide6.QtCore import QModelIndex

    assert len(order) >= 2
    end = len(order)  # dropped below the last row
    assert agenda.canDropMimeData(data, Qt.DropAction.MoveAction, end, 0, QModelIndex())
    assert agenda.dropMimeData(data, Qt.DropAction.MoveAction, end, 0, QModelIndex())
    expected = [*order[1:], order[0]]
    assert agenda.ids() == expected
    assert [i.id for i in demo_services.meetings.get(planned.id).agenda_items] == expected
    assert not agenda.canDropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    held = demo_services.meetings.list(status="held")[0]
    agenda.load(held)
    data = agenda.mimeData([agenda.index(0, 0)])
    assert not agenda.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())


@pytest.mark.date_sensitive
def test_tabs_name_their_counts(window: MainWindow) -> None:
    meeting = planned_meeting(window)
    tabs = window.findChild(QTabWidget, "meetingTabs")
    assert tabs.tabText(0) == f"Agenda ({len(meeting.agenda_items)})"
    open_count = sum(1 for a in meeting.action_items if a.is_open)
    assert tabs.tabText(3) == f"Actions ({open_count} open)"


# -- drafting and calendar import (services from the 1:1 core) ---------------------------------


@pytest.mark.date_sensitive
def test_draft_next_agenda_through_the_action(window: MainWindow, qtbot: QtBot) -> None:
    services = services_of(window)
    dana = services.people.find("Dana Whitfield")
    template = next(t for t in services.templates.list() if t.name.startswith("Weekly"))
    chosen: list[str] = []

    def drive(dialog: QDialog) -> None:
        assert dialog.objectName() == "draftAgendaDialog"
        person = dialog.findChild(RecordPicker, "draftPerson")
        assert person.current_id() == dana.id
        picker = dialog.findChild(RecordPicker, "draftTemplate")
        picker.set_current_id(template.id)
        chosen.append(dialog.findChild(QLabel, "draftWhen").text())
        intro = dialog.findChild(QLabel, "draftIntro").text()
        assert "fits the meeting's length" in intro and f"“{IF_TIME_ALLOWS}”" in intro
        dialog.findChild(QPushButton, "draftButton").click()

    when_modal(qtbot, drive)
    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        CTRL_SHIFT,
    )
    assert chosen and "planned" in chosen[0]
    view = view_of(window)
    meeting = services.meetings.get(view.editor.record_id or "")
    assert meeting.person_id == dana.id and not meeting.is_held
    model = view.editor.agenda_model
    sources = [model.index(r, AgendaModel.SOURCE).data() for r in range(model.rowCount())]
    assert any(text.startswith("carried ×") for text in sources)
    assert "template" in sources
    assert model.rowCount() == len(meeting.agenda_items) >= 5
    # Drafting again adds nothing twice.
    when_modal(qtbot, lambda dialog: dialog.findChild(QPushButton, "draftButton").click())
    window.findChild(QPushButton, "draftAgendaButton").click()
    assert len(services.meetings.get(meeting.id).agenda_items) == len(meeting.agenda_items)


def _weekly_ics(path: Path, first: date, summary: str = "Zoë / Alex 1:1") -> Path:
    start = first.strftime("%Y%m%d")
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:zoe-weekly@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART:{start}T140000Z\r\nDTEND:{start}T143000Z\r\n"
        f"RRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:offsite@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART;VALUE=DATE:{start}\r\nSUMMARY:Team offsite\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.date_sensitive
def test_calendar_import_dialog(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    services = services_of(window)
    zoe = services.people.find("Zoë")
    ics = _weekly_ics(tmp_path / "work.ics", TODAY + timedelta(days=2))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(ics), ""))
    seen: list[str] = []

    def drive(dialog: QDialog) -> None:
        assert dialog.objectName() == "calendarImportDialog"
        weekly = dialog.findChild(QComboBox, "seriesPerson0")
        offsite = dialog.findChild(QComboBox, "seriesPerson1")
        seen.append(dialog.findChild(QLabel, "seriesLabel0").text())
        assert weekly.currentData() == zoe.id  # guessed from the title
        assert offsite.currentData() is None  # "Don't import"
        dialog.findChild(QPushButton, "importButton").click()

    for _attempt in range(2):  # the second import finds everything already there
        when_modal(qtbot, drive)
        window.actions_by_name["import_calendar"].trigger()
        qtbot.waitUntil(lambda: window._calendar_import.job is None, timeout=10000)
    assert "4 meetings ahead" in seen[0] and "repeating" in seen[0]
    report = window._calendar_import.report
    assert report is not None and (report.created, report.unchanged) == (0, 4)
    assert len(services.meetings.list(person_id=zoe.id)) == 4
    assert "4 unchanged" in window.statusBar().currentMessage()


def test_calendar_import_of_a_damaged_file_says_so(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.conftest import REPO, row_hashes

    services = services_of(window)
    broken = REPO / "tests" / "fixtures" / "ics" / "malformed.ics"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(broken), ""))
    before = row_hashes(services.store)
    window.actions_by_name["import_calendar"].trigger()
    box = window.findChild(QMessageBox, "calendarImportError")
    assert box is not None and box.isVisible()
    assert "malformed.ics" in box.text() and "calendar" in box.text()
    box.close()
    assert row_hashes(services.store) == before
