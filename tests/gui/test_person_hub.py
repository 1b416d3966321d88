"""The person page in People: it lays out the service's one read, Prepare opens the drafted 1:1,
and its rows open what they stand for."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from tests.clock import NOW, FrozenClock
from tests.conftest import PASSPHRASE
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings
from upwardprep.gui.views.meetings import MeetingsView
from upwardprep.gui.views.people import PeopleView
from upwardprep.gui.views.priorities import PrioritiesView


@pytest.fixture(scope="module")
def shared_window(
    qapp: QApplication, demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    """One window over one demo copy for the module (its tests only add to the store)."""
    folder = tmp_path_factory.mktemp("hub")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "ini"))
    QCoreApplication.setOrganizationName("UpwardPrepTests")
    path = folder / "Work notes.upwardprep"
    shutil.copyfile(demo_template, path)
    session = StoreSession(path, clock=FrozenClock(NOW))
    main = MainWindow(session, AppSettings())
    main.show()
    session.unlock(PASSPHRASE)
    yield main
    session.close()
    main.close()
    main.deleteLater()


def people(window: MainWindow, name: str) -> PeopleView:
    window.show_section("people")
    view = window.views["people"]
    assert isinstance(view, PeopleView) and view.services is not None
    view.set_role(None)
    assert view.select(view.services.people.find(name).id)
    return view


def test_selecting_a_person_shows_their_hub(shared_window: MainWindow) -> None:
    view = people(shared_window, "Dana")
    services = view.services
    assert services is not None
    hub = services.person_hub.read(services.people.find("Dana").id)
    page = view.editor.hub
    assert view.editor.tabs.currentWidget() is view.editor.ui.overviewTab
    assert view.editor.ui.sectionTitle.text() == "Dana Whitfield"
    assert page.ui.hubSubtitle.text() == "Manager · VP Engineering · 1:1 every week"
    assert "Tue 24 Nov" in page.ui.nextLabel.text() and page.ui.prepareButton.isEnabled()

    def rows(name: str) -> list[str]:
        widget = page.lists[name][0]
        return [widget.item(row).text() for row in range(widget.count())]

    def titles(name: str) -> list[str]:
        return [row.split(" · ")[-1] for row in rows(name)]

    assert titles("mine") == [i.title for i in hub.mine]
    assert titles("theirs") == [i.title for i in hub.theirs]
    due = next(i for i in hub.theirs if i.due_on is not None)
    when = rows("theirs")[hub.theirs.index(due)].split(" · ")[0]  # first: never elided
    assert when.startswith("overdue since " if due.overdue else "due ")
    assert page.ui.mineHeading.text() == "What I owe Dana"
    assert titles("priorities") == [p.title for p in [*hub.priorities, *hub.aligned]]
    assert rows("priorities")[len(hub.priorities)] == (
        f"↳ {hub.aligned[0].owner_name or 'Me'} · {hub.aligned[0].title}"
    )
    assert titles("recent") == [o.title for o in hub.recent]
    assert hub.recent and page.ui.recentList.isVisibleTo(page)
    assert page.ui.preferencesText.text() == hub.person.preferences != ""

    # Someone with nothing open: the lists give way to a sentence.
    view = people(shared_window, "Priya")
    assert not page.ui.mineList.isVisibleTo(page)
    assert page.ui.mineEmpty.text() == "Nothing open that you owe Priya."
    assert page.ui.prioritiesEmpty.text() == "Priya owns no open priority."


def test_an_edit_elsewhere_shows_on_the_hub(shared_window: MainWindow) -> None:
    view = people(shared_window, "Rafael")
    services = view.services
    assert services is not None
    rafael = services.people.find("Rafael")
    services.outcomes.create("Rafael cut CI to nine minutes", person_id=rafael.id)
    shared_window.show_section("outcomes")
    view = people(shared_window, "Rafael")  # shown again: read again
    first = view.editor.hub.ui.recentList.item(0).text()
    assert first == "today · Win · Rafael cut CI to nine minutes"


def test_prepare_and_open_a_row(shared_window: MainWindow) -> None:
    view = people(shared_window, "Zoë")
    page = view.editor.hub
    page.ui.prepareButton.click()
    meetings = shared_window.views["meetings"]
    assert isinstance(meetings, MeetingsView)
    assert shared_window.current_view() is meetings
    assert meetings.editor.meeting is not None
    assert meetings.editor.meeting.person_name == "Zoë Ångström"
    assert meetings.editor.meeting.agenda_items  # drafted

    view = people(shared_window, "Zoë")
    priorities = page.ui.prioritiesList
    priorities.activated.emit(priorities.model().index(0, 0))
    assert shared_window.current_view() is shared_window.views["priorities"]
    shown = shared_window.views["priorities"]
    assert isinstance(shown, PrioritiesView) and view.services is not None
    zoe = view.services.people.find("Zoë").id
    assert shown.editor.record_id == view.services.person_hub.read(zoe).priorities[0].id
