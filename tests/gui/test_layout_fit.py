"""Layouts that fit (issue 13): the window is usable on a 1024×700 screen, every section's
editor is whole inside it, and the lists give their spare width to the title while the other
columns keep the width of what they show (no column of "…", no sideways scrolling)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QTreeView

from upwardprep.gui.main_window import MainWindow
from upwardprep.gui.widgets.columns import ColumnFitter
from upwardprep.gui.window_shell import FRAME_ALLOWANCE

SMALL = (1024, 700)
EDITOR_SECTIONS = ("people", "priorities", "outcomes", "meetings", "reviews")
LIST_SECTIONS = ("people", "priorities", "alignment", "outcomes", "meetings", "reviews", "trash")


def _show(window: MainWindow, key: str, size: tuple[int, int]) -> None:
    window.show_section(key)
    window.resize(*size)
    QApplication.processEvents()


def _fitted_lists(window: MainWindow) -> list[tuple[QTableView | QTreeView, ColumnFitter]]:
    view = window.current_view()
    assert view is not None
    found = []
    for fitter in view.findChildren(ColumnFitter):
        if fitter.view.isVisible() and fitter.view.model() is not None:
            found.append((fitter.view, fitter))
    return found


def test_the_window_fits_a_1024_by_700_screen(shared_window: MainWindow) -> None:
    for key in LIST_SECTIONS:  # every section built, so each one's minimum counts
        _show(shared_window, key, SMALL)
    hint = shared_window.minimumSizeHint()
    assert hint.width() <= SMALL[0] - FRAME_ALLOWANCE[0]
    assert hint.height() <= SMALL[1] - FRAME_ALLOWANCE[1]


@pytest.mark.parametrize("key", EDITOR_SECTIONS)
def test_each_editor_is_whole_inside_the_window_at_1024_by_700(
    shared_window: MainWindow, key: str
) -> None:
    size = (SMALL[0] - FRAME_ALLOWANCE[0], SMALL[1] - FRAME_ALLOWANCE[1])
    _show(shared_window, key, size)
    editor = shared_window.views[key].editor  # type: ignore[attr-defined]
    assert editor.isVisible()
    top_left = editor.mapTo(shared_window, editor.rect().topLeft())
    placed = QRect(top_left, editor.size())
    assert shared_window.rect().contains(placed), (key, placed, shared_window.rect())
    assert editor.width() >= editor.minimumSizeHint().width(), key  # nothing cut on the right


@pytest.mark.parametrize("width", [1024, 1280, 1400])
def test_titles_take_the_spare_width_and_no_column_is_squeezed(
    shared_window: MainWindow, width: int
) -> None:
    checked = 0
    for key in LIST_SECTIONS:
        _show(shared_window, key, (width, 760))
        for view, fitter in _fitted_lists(shared_window):
            header = fitter.header
            shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
            name = f"{key}/{view.objectName()} at {width}"
            assert fitter.stretch in shown, name
            assert header.sectionResizeMode(fitter.stretch) == header.ResizeMode.Stretch, name
            used = sum(header.sectionSize(c) for c in shown)
            assert used <= view.viewport().width() + 1, f"{name}: scrolls sideways"
            assert header.sectionSize(fitter.stretch) >= fitter.title_minimum() - 1, name
            title = header.sectionSize(fitter.stretch)
            for column in shown:
                if column == fitter.stretch:
                    continue
                size = header.sectionSize(column)
                assert size >= fitter.floor_width(column), f"{name}: column {column} squeezed"
                # The spare width goes to the title before the others grow past their floor.
                if size > fitter.floor_width(column):
                    assert title >= min(fitter.title_wanted(), size), f"{name}: {column}"
            checked += 1
    assert checked >= len(LIST_SECTIONS)


def test_a_wide_window_shows_every_column(shared_window: MainWindow) -> None:
    _show(shared_window, "outcomes", (1920, 1000))
    ((_view, fitter),) = _fitted_lists(shared_window)
    assert not any(fitter.header.isSectionHidden(c) for c in range(fitter.header.count()))
    _show(shared_window, "outcomes", SMALL)  # narrow again: the least useful step aside
    assert fitter.header.isSectionHidden(fitter.drop[0])


def test_the_priorities_tree_draws_pills_and_progress_like_the_table(
    shared_window: MainWindow,
) -> None:
    _show(shared_window, "priorities", (1400, 800))
    view = shared_window.views["priorities"]
    table, tree = view.table, view.tree  # type: ignore[attr-defined]
    for name in ("Status", "Progress", "Last confirmed"):
        table_column = table.model().COLUMNS.index(name)
        tree_column = tree.model().COLUMNS.index(name)
        table_delegate = table.itemDelegateForColumn(table_column)
        tree_delegate = tree.itemDelegateForColumn(tree_column)
        assert tree_delegate is not None, name
        assert type(tree_delegate) is type(table_delegate), name


def test_the_outcome_filter_box_is_wide_enough_to_read(shared_window: MainWindow) -> None:
    _show(shared_window, "outcomes", SMALL)
    box = shared_window.views["outcomes"].filters.text  # type: ignore[attr-defined]
    placeholder = box.fontMetrics().horizontalAdvance(box.placeholderText())
    assert box.width() >= placeholder + 24


def test_the_metric_unit_keeps_its_word_at_1024(shared_window: MainWindow) -> None:
    """It read "cust": the current and target fields took the row."""
    size = (SMALL[0] - FRAME_ALLOWANCE[0], SMALL[1] - FRAME_ALLOWANCE[1])
    _show(shared_window, "priorities", size)
    editor = shared_window.views["priorities"].editor  # type: ignore[attr-defined]
    unit = editor.unit
    assert unit.width() >= unit.fontMetrics().horizontalAdvance("customers") + 12


def test_the_dashboard_link_picker_keeps_to_its_text_at_1920(shared_window: MainWindow) -> None:
    """At 1920 px it stretched across its whole card."""
    _show(shared_window, "dashboard", (1920, 1000))
    view = shared_window.views["dashboard"]
    pickers = [p for p in view.findChildren(QComboBox, "linkPicker") if p.isVisible()]
    assert pickers  # the demo has unaligned notes
    card = view.unaligned_card  # type: ignore[attr-defined]
    for picker in pickers:
        assert picker.width() <= picker.sizeHint().width()
        assert picker.width() < card.width() / 2


def test_the_person_page_has_the_larger_share_at_1024(shared_window: MainWindow) -> None:
    """The person page is the hub; it had a third of the room and cut every line."""
    size = (SMALL[0] - FRAME_ALLOWANCE[0], SMALL[1] - FRAME_ALLOWANCE[1])
    _show(shared_window, "people", size)
    view = shared_window.views["people"]
    assert view.editor.width() > view.list_stack.width()  # type: ignore[attr-defined]
