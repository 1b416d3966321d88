"""Small things a new user meets first: the app opens on the Dashboard (and after a lock goes
back where the user was), an empty editor reads as empty, the cadence says "every 1 day" right,
the private-note lock follows the palette."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE
from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.models.outcomes import OutcomesModel
from upwardprep.gui.views.outcomes import OutcomesView
from upwardprep.gui.views.people import PeopleView


def test_opens_on_the_dashboard_and_returns_after_a_lock(window: MainWindow) -> None:
    view = window.current_view()
    assert view is not None and view.section == "dashboard"
    window.show_section("meetings")
    window.session.lock()
    window.session.unlock(PASSPHRASE)
    again = window.current_view()
    assert again is not None and again.section == "meetings"

    # A note quick-captured in another section is the one shown when Outcomes opens.
    assert window.session.services is not None
    note = window.session.services.outcomes.create("Captured from Meetings")
    window._captured(note.id)  # what the Quick Capture dialog's saved signal calls
    window.show_section("outcomes")
    outcomes = window.views["outcomes"]
    assert isinstance(outcomes, OutcomesView)
    assert outcomes.editor.record_id == note.id
    selected = outcomes.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [outcomes.model.row_of(note.id)]  # type: ignore[union-attr]

    # An editor with nothing to show reads as empty: no kind, no role picked.
    outcomes.filters.text.setText("no note says this")
    outcomes.apply_filters()
    assert outcomes.editor.record_id is None
    assert outcomes.editor.kind.currentText() == "" and outcomes.editor.title_edit.text() == ""

    people = window.views["people"]
    assert isinstance(people, PeopleView)
    people.editor.load(people.services, None)  # type: ignore[arg-type]
    assert people.editor.role.currentText() == "" and people.editor.ui.sectionTitle.text() == (
        "Person"
    )
    people.editor.cadence.setValue(1)
    assert people.editor.cadence.text() == "every 1 day"
    people.editor.cadence.setValue(14)
    assert people.editor.cadence.text() == "every 14 days"


@pytest.mark.parametrize("window_section", ["outcomes"])  # unlocks onto it
def test_the_private_lock_is_drawn_again_in_the_new_colours(window: MainWindow) -> None:
    window.show_section("outcomes")
    model = window.views["outcomes"].model
    assert isinstance(model, OutcomesModel)
    private = next(row for row in range(model.rowCount()) if model.index(row, model.PRIVATE).data())
    index = model.index(private, model.PRIVATE)

    def colour() -> int:
        image = index.data(1).pixmap(32, 32).toImage()  # DecorationRole
        return max(
            QColor(image.pixel(x, y)).lightness()
            for x in range(32)
            for y in range(32)
            if QColor.fromRgba(image.pixel(x, y)).alpha() > 200
        )

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = colour()
    palette = QPalette(app.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    old = app.palette()
    app.setPalette(palette)
    try:
        assert colour() > before + 100
    finally:
        app.setPalette(old)
