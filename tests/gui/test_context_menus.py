"""The right-button menus of the lists, the dashboard's rows and the Add buttons: each test
opens a menu with a real QContextMenuEvent (mouse or keyboard), triggers one of its actions and
checks the store."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCheckBox, QLabel, QMenu

from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.views.base import SectionView
from upwardprep.gui.views.dashboard import DashboardView
from upwardprep.gui.views.meetings import MeetingsView
from upwardprep.gui.views.outcomes import OutcomesView
from upwardprep.gui.views.people import PeopleView
from upwardprep.gui.views.priorities import PrioritiesView
from upwardprep.services import Services


def section(window: MainWindow, key: str) -> SectionView:
    window.show_section(key)
    view = window.views[key]
    assert view.services is not None
    return view


def services_of(window: MainWindow) -> Services:
    assert window.session.services is not None
    return window.session.services


def right_click(window: MainWindow, widget: QAbstractItemView, row: int) -> QMenu:
    """A mouse right-click on a row's first cell; the menu that opened."""
    model = widget.model()
    assert model is not None and row < model.rowCount()
    pos = widget.visualRect(model.index(row, 0)).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, widget.viewport().mapToGlobal(pos)
    )
    QApplication.sendEvent(widget.viewport(), event)
    menu = window.row_menus.last_menu
    assert menu is not None
    return menu


def texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def trigger(menu: QMenu, text: str) -> None:
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            assert action.isEnabled(), text
            action.trigger()
            return
    raise AssertionError(f"no “{text}” in {texts(menu)}")


def test_people_menu_selects_the_row_and_copies_it(shared_window: MainWindow) -> None:
    view = section(shared_window, "people")
    assert isinstance(view, PeopleView)
    view.set_role(None)
    menu = right_click(shared_window, view.table, 1)
    assert view.table.currentIndex().row() == 1
    person = services_of(shared_window).people.get(view.editor.record_id or "")
    assert texts(menu) == [
        "Overview",
        "Edit Details",
        "Prepare Next 1:1",
        "Draft Agenda…",
        "Weekly Update…",  # Priya is a skip-level: managing up
        "Copy as Markdown",
        "Move to Trash",
        "New Person",
    ]
    trigger(menu, "Copy as Markdown")
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"### {person.name}\n") and "1:1 every 6 weeks" in copied
    trigger(menu, "Edit Details")
    assert view.editor.tabs.currentWidget() is view.editor.ui.detailsTab

    # The keyboard's menu (Shift+F10, the Menu key) is the current row's.
    view.table.setCurrentIndex(view.table.model().index(3, 0))
    QApplication.sendEvent(
        view.table,
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), QPoint(1, 1)),
    )
    keyboard = shared_window.row_menus.last_menu
    assert keyboard is not menu and keyboard is not None
    assert view.table.currentIndex().row() == 3 and "Prepare Next 1:1" in texts(keyboard)
    assert "Weekly Update…" not in texts(keyboard)  # a report: no update upward


def test_priority_menu_marks_done_and_confirms(shared_window: MainWindow) -> None:
    view = section(shared_window, "priorities")
    assert isinstance(view, PrioritiesView)
    services = services_of(shared_window)
    menu = right_click(shared_window, view.table, 2)
    priority_id = view.editor.record_id or ""
    assert "Confirm Priority" in texts(menu) and "Move to Trash" in texts(menu)
    trigger(menu, "Mark Done")
    assert services.priorities.get(priority_id).status == "done"
    assert view.select(priority_id)
    menu = right_click(shared_window, view.table, view.model.row_of(priority_id))  # type: ignore[union-attr]
    assert "Mark Done" not in texts(menu)
    trigger(menu, "Mark Active")
    assert services.priorities.get(priority_id).status == "active"

    view.tree_toggle.setChecked(True)
    menu = right_click(shared_window, view.tree, 0)
    first = view.editor.record_id or ""
    before = services.priorities.get(first).last_confirmed_at
    trigger(menu, "Confirm Priority")  # the Edit menu's command, on the row clicked
    assert services.priorities.get(first).last_confirmed_at != before
    view.tree_toggle.setChecked(False)


def test_outcome_menu_links_to_a_priority_and_trashes(shared_window: MainWindow) -> None:
    view = section(shared_window, "outcomes")
    services = services_of(shared_window)
    menu = right_click(shared_window, view.table, 0)  # type: ignore[attr-defined]
    outcome_id = view.editor.record_id  # type: ignore[attr-defined]
    link = next(a.menu() for a in menu.actions() if a.text() == "&Link to Priority")
    assert link is not None
    choice = next(a for a in link.actions() if not a.isChecked())
    title = choice.text().split(" — ")[0]
    choice.trigger()
    linked = services.outcomes.get(outcome_id)
    assert title in linked.priority_titles
    menu = right_click(shared_window, view.table, 0)  # type: ignore[attr-defined]
    trigger(menu, "Move to Trash")
    assert services.outcomes.get(outcome_id).deleted_at is not None


def test_agenda_and_action_menus_tick(shared_window: MainWindow) -> None:
    services = services_of(shared_window)
    dana = services.people.find("Dana")
    meeting = services.agenda.draft_next(dana.id)
    shared_window.open_record("meeting", meeting.id)
    view = shared_window.views["meetings"]
    assert isinstance(view, MeetingsView)
    editor = view.editor
    menu = right_click(shared_window, editor.agenda_table, 0)
    item = editor.agenda_model.record_at(0)
    trigger(menu, "Tick as Discussed")
    assert services.meetings.get(meeting.id).agenda_items[0].discussed
    assert editor.agenda_table.model().index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    trigger(right_click(shared_window, editor.agenda_table, 0), "Copy as Markdown")
    assert QGuiApplication.clipboard().text().startswith(f"- [x] {item.title}")
    if editor.actions_model.rowCount():
        action = editor.actions_model.record_at(0)
        trigger(right_click(shared_window, editor.actions_table, 0), "Mark Done")
        done = {a.id: a for a in services.meetings.get(meeting.id).action_items}[action.id]
        assert done.done_at is not None


def test_dashboard_ticks_actions_and_its_rows_have_menus(shared_window: MainWindow) -> None:
    view = section(shared_window, "dashboard")
    assert isinstance(view, DashboardView)
    services = services_of(shared_window)
    checks = view.actions_card.findChildren(QCheckBox, "actionCheck")
    assert checks
    action_id = checks[0].property("actionId")
    checks[0].click()
    assert action_id not in {a.id for a in services.meetings.open_actions()}
    assert action_id not in [
        c.property("actionId") for c in view.actions_card.findChildren(QCheckBox, "actionCheck")
    ]

    rows = [
        label
        for label in view.confirm_card.findChildren(QLabel)
        if label.property("recordId") and label.contextMenuPolicy()
    ]
    assert rows
    priority_id = rows[0].property("recordId")
    rows[0].customContextMenuRequested.emit(QPoint(2, 2))
    menu = shared_window.row_menus.last_menu
    assert menu is not None and texts(menu)[:2] == ["Open", "Confirm Priority"]
    trigger(menu, "Confirm Priority")
    assert services.priorities.get(priority_id).last_confirmed_at == services.clock()


def test_the_person_page_lists_have_menus(shared_window: MainWindow) -> None:
    view = section(shared_window, "people")
    assert isinstance(view, PeopleView)
    services = services_of(shared_window)
    view.set_role(None)
    view.select(services.people.find("Dana").id)
    view.editor.tabs.setCurrentIndex(0)
    mine = view.editor.hub.ui.mineList
    item_id = mine.item(0).data(Qt.ItemDataRole.UserRole + 1)
    menu = right_click(shared_window, mine, 0)
    assert texts(menu) == ["Open Meeting", "Mark Done", "Copy as Markdown"]
    trigger(menu, "Mark Done")
    assert item_id not in {a.id for a in services.meetings.open_actions()}
    remaining = [mine.item(row).data(Qt.ItemDataRole.UserRole + 1) for row in range(mine.count())]
    assert item_id not in remaining  # the page followed the change


def test_add_buttons_create_a_record(shared_window: MainWindow) -> None:
    services = services_of(shared_window)
    people = section(shared_window, "people")
    assert isinstance(people, PeopleView)
    before = len(services.people.list())
    people.add_button.click()
    assert len(services.people.list()) == before + 1
    assert people.editor.name.text() == "New person"
    assert people.editor.tabs.currentWidget() is people.editor.ui.detailsTab

    priorities = section(shared_window, "priorities")
    assert isinstance(priorities, PrioritiesView)
    count = len(services.priorities.list())
    priorities.add_button.click()
    assert len(services.priorities.list()) == count + 1
    assert priorities.editor.title_edit.text() == "New priority"

    outcomes = section(shared_window, "outcomes")
    assert isinstance(outcomes, OutcomesView)
    notes = services.outcomes.count()
    outcomes.add_button.click()
    assert services.outcomes.count() == notes + 1
    assert outcomes.editor.title_edit.text() == "New outcome"


def test_meetings_menu_offers_outcome_and_finish_only_before_the_meeting(
    shared_window: MainWindow,
) -> None:
    view = section(shared_window, "meetings")
    assert isinstance(view, MeetingsView)
    model = view.table.model()
    held = {m.id: m.is_held for m in services_of(shared_window).meetings.list()}
    seen = set()
    for row in range(model.rowCount()):
        menu = right_click(shared_window, view.table, row)
        is_held = held[view.editor.record_id or ""]
        offered = {"Add Outcome to Meeting…", "Finish Meeting…"} & set(texts(menu))
        assert offered == (set() if is_held else {"Add Outcome to Meeting…", "Finish Meeting…"})
        seen.add(is_held)
        if seen == {True, False}:
            break
    assert seen == {True, False}  # the demo has both kinds


def test_templates_list_has_a_menu(shared_window: MainWindow) -> None:
    from upwardprep.gui.dialogs.templates import TemplatesDialog

    services = services_of(shared_window)
    dialog = TemplatesDialog(services, shared_window)
    try:
        table = dialog.table
        pos = table.visualRect(dialog.model.index(1, 0)).center()
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, pos, table.viewport().mapToGlobal(pos)
        )
        QApplication.sendEvent(table.viewport(), event)
        menu = dialog.last_menu
        assert menu is not None and table.currentIndex().row() == 1
        assert texts(menu) == ["Duplicate", "Copy as Markdown", "Move to Trash", "New Template"]
        chosen = services.templates.get(dialog.model.id_at(1))
        trigger(menu, "Copy as Markdown")
        assert QGuiApplication.clipboard().text() == chosen.body
        before = len(services.templates.list())
        trigger(menu, "Duplicate")
        assert len(services.templates.list()) == before + 1
    finally:
        dialog.deleteLater()


def test_a_search_result_has_the_record_menu(shared_window: MainWindow) -> None:
    from upwardprep.gui.models.search import EntityRole

    palette = shared_window.palette_popup
    shared_window.open_palette()
    try:
        palette.edit.setText("Dana")
        palette.run_query_now()
        model = palette.results.model()
        row = next(
            r for r in range(model.rowCount()) if model.index(r, 0).data(EntityRole) == "person"
        )
        results = palette.results
        pos = results.visualRect(model.index(row, 0)).center()
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, pos, results.viewport().mapToGlobal(pos)
        )
        QApplication.sendEvent(results.viewport(), event)
        menu = palette.last_menu
        assert menu is not None
        assert texts(menu) == ["Open", "Copy as Markdown"]
        trigger(menu, "Copy as Markdown")
        assert QGuiApplication.clipboard().text().startswith("### Dana")
        assert not palette.isVisible()  # choosing from the menu closes the palette
    finally:
        palette.hide()
