"""The welcome after creating a store walks the three steps (manager, priorities, first
outcome) and writes them in one service call, one transaction; a new manager meets weekly."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.clock import FrozenClock
from upwardprep.gui.dialogs.welcome import WelcomeDialog
from upwardprep.gui.look import apply_look
from upwardprep.services import Services, ValidationError
from upwardprep.services.welcome import WelcomeInput
from upwardprep.store.engine import Store


def test_the_welcome_walks_all_three_steps(qtbot: QtBot, store: Store) -> None:
    services = Services(store, clock=FrozenClock())
    dialog = WelcomeDialog(services)
    qtbot.addWidget(dialog)
    created: list[set[str]] = []
    dialog.created.connect(created.append)
    ui = dialog.ui
    assert ui.stepLabel.text() == "Step 1 of 3 · Your manager"
    assert ui.managerCadence.text() == "every 7 days" and not dialog.back.isEnabled()
    ui.managerName.setText("Dana Whitfield")
    dialog.next.click()
    assert ui.stepLabel.text() == "Step 2 of 3 · Their top priorities"
    dialog.back.click()  # back and on again: the same manager, not a second one
    ui.managerTitle.setText("VP Engineering")
    dialog.next.click()
    ui.priority1.setText("Reduce churn")
    ui.priority3.setText("Hire six engineers")
    dialog.next.click()
    assert dialog.next.text() == "&Finish"
    assert ui.outcomePriority.currentText() == "Reduce churn"
    ui.outcomeTitle.setText("Churn score live for every account")
    dialog.next.click()
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted

    [manager] = services.people.list()
    assert (manager.name, manager.title, manager.role) == (
        "Dana Whitfield",
        "VP Engineering",
        "manager",
    )
    assert manager.cadence_days == 7
    priorities = services.priorities.list()
    assert [(p.title, p.owner_id) for p in priorities] == [
        ("Reduce churn", manager.id),
        ("Hire six engineers", manager.id),
    ]
    [outcome] = services.outcomes.list()
    assert outcome.priority_titles == ("Reduce churn",)
    assert created == [{"person", "priority", "outcome"}]  # one write, at the end


def test_a_step_left_empty_is_skipped(qtbot: QtBot, store: Store) -> None:
    services = Services(store, clock=FrozenClock())
    dialog = WelcomeDialog(services)
    qtbot.addWidget(dialog)
    for _step in range(3):
        dialog.next.click()
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    assert services.people.list() == [] and services.priorities.list() == []
    assert services.outcomes.count() == 0


def test_a_new_manager_meets_weekly_unless_told(store: Store) -> None:
    services = Services(store, clock=FrozenClock())
    assert services.people.create("Dana", role="manager").cadence_days == 7
    assert services.people.create("Priya", role="manager", cadence_days=None).cadence_days is None
    assert services.people.create("Sam", role="report").cadence_days is None


def test_the_welcome_is_one_transaction(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services(store, clock=FrozenClock())
    dialog = WelcomeDialog(services)
    qtbot.addWidget(dialog)
    writes: list[bool] = []
    transaction = store.transaction

    def counted(*, write: bool = True):  # type: ignore[no-untyped-def]
        writes.append(write)
        return transaction(write=write)

    monkeypatch.setattr(store, "transaction", counted)
    dialog.ui.managerName.setText("Dana Whitfield")
    dialog.next.click()
    for field, title in zip(dialog.priority_fields, ("Churn", "Hiring", "Uptime"), strict=True):
        field.setText(title)
    dialog.next.click()
    assert writes.count(True) == 0  # the steps are checked, not written
    dialog.ui.outcomeTitle.setText("Churn score live")
    dialog.next.click()
    assert writes.count(True) == 1
    assert [p.title for p in services.priorities.list()] == ["Churn", "Hiring", "Uptime"]
    assert services.outcomes.list()[0].priority_titles == ("Churn",)


def test_skip_the_rest_keeps_the_steps_done(qtbot: QtBot, store: Store) -> None:
    services = Services(store, clock=FrozenClock())
    dialog = WelcomeDialog(services)
    qtbot.addWidget(dialog)
    dialog.ui.managerName.setText("Dana Whitfield")
    dialog.next.click()
    dialog.ui.priority1.setText("Reduce churn")
    dialog.next.click()
    dialog.ui.outcomeTitle.setText("Typed, then skipped")
    dialog.button("skipButton").click()
    assert dialog.result() == WelcomeDialog.DialogCode.Rejected
    assert [p.title for p in services.priorities.list()] == ["Reduce churn"]
    assert [p.name for p in services.people.list()] == ["Dana Whitfield"]
    assert services.outcomes.count() == 0


def test_a_refused_welcome_writes_nothing(store: Store) -> None:
    services = Services(store, clock=FrozenClock())
    too_long = WelcomeInput(manager_name="Dana", priorities=("Churn",), outcome_title="x" * 100_000)
    with pytest.raises(ValidationError):
        services.welcome.start(too_long)
    assert services.people.list() == [] and services.priorities.list() == []


def first_ink(widget: QWidget) -> int:
    """The leftmost column where the widget draws text (a pixel unlike its background)."""
    image = widget.grab().toImage()
    background = image.pixelColor(0, 0).lightness()
    return min(
        x
        for x in range(image.width())
        for y in range(image.height())
        if abs(image.pixelColor(x, y).lightness() - background) > 60
    )


def test_the_step_line_starts_where_the_text_under_it_does(
    qtbot: QtBot, store: Store, qapp: QApplication
) -> None:
    """The "Step n of 3" heading is padded by the look, and a padded label indented its text
    by half an "x": it sat 4 px right of the hint under it."""
    palette, sheet = qapp.palette(), qapp.styleSheet()
    apply_look(qapp, "light")
    try:
        dialog = WelcomeDialog(Services(store, clock=FrozenClock()))
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        step, hint = dialog.ui.stepLabel, dialog.ui.managerHint
        left = [w.mapTo(dialog, w.rect().topLeft()).x() + first_ink(w) for w in (step, hint)]
        assert abs(left[0] - left[1]) <= 1, left
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
