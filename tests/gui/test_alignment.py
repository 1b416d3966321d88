"""Alignment, dashboard and reviews in the desktop app: models under qtmodeltester, linking by
drag and drop, the dashboard's Prepare and Confirm, a self-assessment that saves itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.models.alignment import (
    OUTCOME_IDS_MIME,
    AlignmentTreeModel,
    CoverageRole,
    UnalignedModel,
    ids_mime,
)
from upwardprep.gui.models.base import IdRole
from upwardprep.gui.models.priorities import PRIORITY_IDS_MIME
from upwardprep.gui.views.alignment import AlignmentView
from upwardprep.gui.views.dashboard import DashboardView
from upwardprep.gui.views.reviews import ReviewCyclesModel, ReviewsView, reference
from upwardprep.services import Services
from upwardprep.services.review_workspace import ReviewNote


def _unaligned_note(services: Services, title: str = "Unplanned win") -> str:
    return services.outcomes.create(title, occurred_on=services.alignment.today()).id


def test_models_pass_the_model_tester(
    demo_services: Services, services: Services, qtmodeltester
) -> None:
    for source in (services, demo_services):  # empty and filled
        for model in (
            AlignmentTreeModel(source),
            UnalignedModel(source),
            ReviewCyclesModel(source),
        ):
            qtmodeltester.check(model)
    tree = AlignmentTreeModel(demo_services)
    assert tree.rowCount() > 0
    first = tree.index(0, 0)
    assert tree.rowCount(first) > 0  # the manager's first priority has aligned goals
    assert tree.parent(tree.index(0, 0, first)) == first
    coverage = tree.index(0, AlignmentTreeModel.COVERAGE).data(CoverageRole)
    total, direct, largest, label = coverage
    assert total >= direct and largest >= total and "note" in label


def test_dropping_an_unaligned_note_onto_a_priority_links_it(demo_services: Services) -> None:
    services = demo_services
    note = _unaligned_note(services)
    dana = services.people.find("Dana").id
    tree = AlignmentTreeModel(services)
    tree.set_filter(dana)
    unaligned = UnalignedModel(services)
    row = unaligned.row_of(note)
    assert row >= 0
    mime = unaligned.mimeData([unaligned.index(row, 0)])
    target = tree.index(0, 0)
    target_id = target.data(IdRole)
    before = tree.node_of(target_id).coverage  # type: ignore[union-attr]
    messages: list[str] = []
    tree.message.connect(messages.append)
    assert tree.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert not tree.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert tree.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    after = tree.node_of(target_id).coverage  # type: ignore[union-attr]
    assert (after.direct, after.total) == (before.direct + 1, before.total + 1)
    assert messages and messages[-1].startswith("Linked 1 note")
    assert target_id in services.outcomes.get(note).priority_ids
    unaligned.refresh()
    assert unaligned.row_of(note) == -1
    # a foreign drop changes nothing
    assert not tree.dropMimeData(
        ids_mime("text/plain", [note]), Qt.DropAction.CopyAction, -1, -1, target
    )


def test_dragging_a_goal_onto_a_priority_aligns_it(demo_services: Services) -> None:
    services = demo_services
    goal = services.priorities.create("Write the platform strategy")
    tree = AlignmentTreeModel(services)
    target = tree.index(0, 0)
    target_id = target.data(IdRole)
    mime = ids_mime(PRIORITY_IDS_MIME, [goal.id])
    assert tree.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert services.priorities.get(goal.id).parent_id == target_id
    child = tree.index_of(goal.id)
    assert child.isValid() and tree.parent(child).data(IdRole) == target_id
    # a priority cannot go below its own goal
    refused = ids_mime(PRIORITY_IDS_MIME, [target_id])
    assert not tree.canDropMimeData(refused, Qt.DropAction.MoveAction, -1, -1, child)
    # onto empty space: top level again
    assert tree.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert services.priorities.get(goal.id).parent_id is None


def test_alignment_view_drop_event_updates_coverage(qtbot: QtBot, window: MainWindow) -> None:
    services = window.session.services
    assert services is not None
    note = _unaligned_note(services, "Helped Support close 30 tickets")
    window.show_section("alignment")
    view = window.views["alignment"]
    assert isinstance(view, AlignmentView) and view.model is not None
    tree = view.tree
    target = view.model.index(0, 0)
    target_id = target.data(IdRole)
    assert view.unaligned_model is not None and view.unaligned_model.row_of(note) >= 0
    total_before = view.model.node_of(target_id).coverage.total  # type: ignore[union-attr]
    point = QPointF(tree.visualRect(target).center())
    mime = ids_mime(OUTCOME_IDS_MIME, [note])
    copy, left, none = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )

    # what a real drag delivers: enter, move over the row, drop
    def drag_event(kind: type, *args: object) -> object:
        # PySide6 6.12 takes a QPointF for every drag event; earlier versions a QPoint for
        # enter and move.
        try:
            return kind(point, *args)
        except TypeError:
            return kind(point.toPoint(), *args)

    for event in (
        drag_event(QDragEnterEvent, copy, mime, left, none),
        drag_event(QDragMoveEvent, copy, mime, left, none),
        QDropEvent(point, copy, mime, left, none),
    ):
        QApplication.sendEvent(tree.viewport(), event)
    assert view.model.node_of(target_id).coverage.total == total_before + 1  # type: ignore[union-attr]
    assert view.unaligned_model.row_of(note) == -1
    assert "Linked" in window.statusBar().currentMessage()


def test_alignment_view_link_and_dismiss_buttons(qtbot: QtBot, window: MainWindow) -> None:
    services = window.session.services
    assert services is not None
    first = _unaligned_note(services, "First loose note")
    second = _unaligned_note(services, "Second loose note")
    window.show_section("alignment")
    view = window.views["alignment"]
    assert isinstance(view, AlignmentView) and view.unaligned_model is not None
    assert view.model is not None
    view.unaligned.setCurrentIndex(
        view.unaligned_model.index(view.unaligned_model.row_of(first), 0)
    )
    view.tree.setCurrentIndex(view.model.index(0, 0))
    qtbot.mouseClick(view.findChild(QPushButton, "linkButton"), Qt.MouseButton.LeftButton)
    assert services.outcomes.get(first).priority_ids
    view.unaligned.setCurrentIndex(
        view.unaligned_model.index(view.unaligned_model.row_of(second), 0)
    )
    qtbot.mouseClick(view.findChild(QPushButton, "dismissButton"), Qt.MouseButton.LeftButton)
    assert "no-priority" in services.outcomes.get(second).tags
    assert view.unaligned_model.row_of(second) == -1


def _buttons(view: QWidget, name: str) -> list[QPushButton]:
    return view.findChildren(QPushButton, name)  # a refresh unparents the old ones at once


@pytest.mark.date_sensitive
def test_dashboard_prepare_opens_a_drafted_agenda(qtbot: QtBot, window: MainWindow) -> None:
    services = window.session.services
    assert services is not None
    window.show_section("dashboard")
    view = window.views["dashboard"]
    assert isinstance(view, DashboardView)
    prepare = _buttons(view, "prepareButton")
    assert prepare, "the demo has a next 1:1 with Dana"
    dana = services.people.find("Dana Whitfield").id
    button = next(b for b in prepare if b.property("personId") == dana)
    with qtbot.waitSignal(view.prepared, timeout=5000):
        button.click()
    assert window.current_view() is window.views["meetings"]
    planned = [m for m in services.meetings.list(person_id=dana) if not m.is_held]
    assert planned and planned[-1].agenda_items  # the next one has a drafted agenda
    assert window.statusBar().currentMessage() == "Agenda drafted"


@pytest.mark.date_sensitive
def test_dashboard_confirm_link_and_dismiss_in_place(qtbot: QtBot, window: MainWindow) -> None:
    services = window.session.services
    assert services is not None
    loose = _unaligned_note(services, "Loose end")
    other = _unaligned_note(services, "Another loose end")
    window.show_section("dashboard")
    view = window.views["dashboard"]
    assert isinstance(view, DashboardView) and view.data is not None
    stale = view.data.needs_confirmation[0].priority.id
    confirm = next(b for b in _buttons(view, "confirmButton") if b.property("priorityId") == stale)
    confirm.click()
    assert stale not in {s.priority.id for s in view.data.needs_confirmation}
    assert services.priorities.get(stale).last_confirmed_at is not None

    picker = next(
        c for c in view.findChildren(QComboBox, "linkPicker") if c.property("outcomeId") == loose
    )
    picker.setCurrentIndex(1)
    picker.activated.emit(1)
    assert services.outcomes.get(loose).priority_ids == (picker.itemData(1),)
    dismiss = next(b for b in _buttons(view, "dismissButton") if b.property("outcomeId") == other)
    dismiss.click()
    assert other not in {o.id for o in view.data.unaligned.outcomes}
    chart = view.findChild(QWidget, "rhythmChart")
    assert len(chart.weeks) == 13  # type: ignore[attr-defined]
    assert chart.week_at(QPoint(chart.width() - 10, 60)) == chart.weeks[-1]  # type: ignore[attr-defined]


def test_review_self_assessment_autosaves_with_references(qtbot: QtBot, window: MainWindow) -> None:
    services = window.session.services
    assert services is not None
    window.show_section("reviews")
    view = window.views["reviews"]
    assert isinstance(view, ReviewsView)
    qtbot.mouseClick(view.findChild(QPushButton, "newCycleButton"), Qt.MouseButton.LeftButton)
    cycle_id = view.editor.record_id
    assert cycle_id is not None and services.reviews.get(cycle_id).kind == "self-review"
    source = view.editor.assessment.sourceWidget()
    source.setFocus()
    qtbot.keyClicks(source, "I delivered ")
    notes = view.editor.workspace.notes()  # type: ignore[union-attr]
    assert notes, "the demo has notes in the last six months"
    label = next(iter(view.editor._notes))
    view.editor._insert_reference(label)
    expected = "I delivered " + reference(view.editor._notes[label])
    assert source.toPlainText() == expected
    with qtbot.waitSignal(view.editor.saved, timeout=5000):
        pass  # the debounce saves without any further action
    assert services.reviews.get(cycle_id).self_assessment == expected
    packet = view.findChild(QPushButton, "buildPacketButton")
    assert packet is not None and packet.toolTip()


def test_reference_format() -> None:
    from datetime import date

    with_link = ReviewNote(
        "1", "Kept [Acme]", "win", date(2026, 3, 12), "", "", "https://x.test/1", False
    )
    without = ReviewNote("2", "Kept Acme", "win", date(2026, 3, 12), "", "", "", False)
    assert reference(with_link) == "[Kept (Acme)](https://x.test/1)"
    assert reference(without) == "“Kept Acme” (12 Mar 2026)"


def test_lock_clears_the_new_sections(qtbot: QtBot, window: MainWindow) -> None:
    from tests.gui.test_app_flows import text_everywhere

    for section in ("dashboard", "alignment", "reviews"):
        window.show_section(section)
    window.session.lock()
    shown = text_everywhere(window)
    for secret in ("Dana Whitfield", "Reduce churn", "Self-assessment draft"):
        assert secret not in shown


@pytest.mark.date_sensitive
def test_build_packet_exports_the_cycle_with_its_self_assessment(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from upwardprep.gui import export_flow

    target = export_flow.Target(tmp_path / "packet.md", "md")
    monkeypatch.setattr(export_flow, "choose_target", lambda *_args: target)
    monkeypatch.setattr(export_flow, "show_result", lambda *_args: None)
    window.show_section("reviews")
    view = window.views["reviews"]
    assert isinstance(view, ReviewsView) and view.editor.record_id is not None
    source = view.editor.assessment.sourceWidget()
    source.setFocus()
    qtbot.keyClicks(source, "Typed just before building")  # not yet saved: the button saves
    packet = view.findChild(QPushButton, "buildPacketButton")
    assert packet.isEnabled()
    qtbot.mouseClick(packet, Qt.MouseButton.LeftButton)
    run = view.editor.export_run
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=60_000) as finished:
        pass
    assert finished.args and finished.args[0] is not None
    assert "Typed just before building" in target.path.read_text(encoding="utf-8")
