"""The 1:1 in the app: finishing one still ahead, the weekly update, the nudge, "Your name"."""

from __future__ import annotations

import email
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.test_meetings import services_of, view_of
from upwardprep.gui.dialogs.settings_dialog import SettingsDialog
from upwardprep.gui.dialogs.update import UpdateDialog
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.nudge import OneOnOneNudge
from upwardprep.gui.settings import AppSettings
from upwardprep.services import Services


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer Yes to every question, remembering what was asked."""
    questions: list[str] = []

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        questions.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return questions


def test_finishing_a_meeting_still_ahead_asks_to_move_it_to_now(
    window: MainWindow, asked: list[str]
) -> None:
    services = services_of(window)
    dana = services.people.find("Dana")
    now = services.meetings.clock()
    ahead = services.meetings.create(now + timedelta(days=2), person_id=dana.id)
    services.meetings.add_agenda_item(ahead.id, "Offsite budget", time_box_minutes=5)
    window.show_section("meetings")
    view = view_of(window)
    view.refresh()
    view.show_meeting(ahead.id)
    assert view.editor.record_id == ahead.id
    view.editor.finish()
    assert len(asked) == 2 and "still ahead" in asked[1]
    held = services.meetings.get(ahead.id)
    assert held.is_held and held.scheduled_at <= services.meetings.clock()
    # ... and the next 1:1 is planned and drafted, the unticked item carried over.
    upcoming = [m for m in services.meetings.list(person_id=dana.id, status="planned")]
    carried = [i for m in upcoming for i in m.agenda_items if i.source_type == "talking-point"]
    assert [(i.title, i.carry_count) for i in carried] == [("Offsite budget", 1)]


def test_finishing_is_left_alone_when_the_question_is_declined(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel])
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: next(answers))
    services = services_of(window)
    dana = services.people.find("Dana")
    ahead = services.meetings.create(
        services.meetings.clock() + timedelta(days=2), person_id=dana.id
    )
    window.show_section("meetings")
    view = view_of(window)
    view.refresh()
    view.show_meeting(ahead.id)
    view.editor.finish()
    assert services.meetings.get(ahead.id).status == "planned"


def test_the_weekly_update_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    services = services_of(window)
    assert "weekly_update" in window.actions_by_name
    dialog = UpdateDialog(services, None, window)
    qtbot.addWidget(dialog)
    assert dialog.person.text() == "Dana Whitfield"  # the manager first
    preview = dialog.preview.toPlainText()
    assert "Open risks and asks" in preview and "Waiting on you" in preview
    dialog.copy()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasHtml() and "<h3" in mime.html()
    assert mime.text().startswith("# Update for Dana Whitfield")
    target = tmp_path / "update.eml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(target), ""))
    dialog.save()
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["Subject"].startswith("Update for Dana Whitfield: ")
    assert message.get_body(preferencelist=("plain",)) is not None


class FakeTray(QObject):
    """Stands in for the system tray, which offscreen (and on many desktops) does not exist."""

    messageClicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []
        self.visible = False

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def showMessage(self, _title: str, message: str, *_args: object) -> None:
        self.messages.append(message)


def test_the_nudge_before_a_one_on_one(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.nudge.available  # no tray here: nothing is shown
    services = services_of(window)
    dana = services.people.find("Dana")
    soon = services.meetings.create(
        services.meetings.clock() + timedelta(minutes=10), person_id=dana.id, title="1:1"
    )
    services.meetings.add_agenda_item(soon.id, "Hiring plan", time_box_minutes=10)
    services.meetings.add_agenda_item(soon.id, "Budget", time_box_minutes=15)
    tray = FakeTray()
    nudge = OneOnOneNudge(window.session, AppSettings(), QIcon(), window, tray=tray)  # type: ignore[arg-type]
    at = soon.scheduled_at.astimezone()
    assert nudge.check() == [f"1:1 with Dana at {at:%H:%M} — 2 items, 25 of 30 min"]
    assert tray.messages and nudge.check() == []  # once per meeting
    with qtbot.waitSignal(nudge.open_meeting) as opened:
        tray.messageClicked.emit()
    assert opened.args == [soon.id]
    settings = AppSettings()
    settings.nudge_minutes = 0  # the setting turns it off
    assert OneOnOneNudge(window.session, settings, QIcon(), tray=FakeTray()).check() == []  # type: ignore[arg-type]


def test_settings_keep_your_name_in_the_store(qtbot: QtBot, demo_services: Services) -> None:
    settings = AppSettings()
    dialog = SettingsDialog(settings, [], None, services=demo_services)
    qtbot.addWidget(dialog)
    assert dialog.your_name.text() == "Alex Ørsted"  # the demo's user
    dialog.your_name.setText("Sam Rivera")
    dialog.nudge.setValue(5)
    dialog.accept()
    assert demo_services.settings.your_name() == "Sam Rivera"
    assert settings.nudge_minutes == 5
    locked = SettingsDialog(settings, [], None)
    qtbot.addWidget(locked)
    assert not locked.your_name.isEnabled()
