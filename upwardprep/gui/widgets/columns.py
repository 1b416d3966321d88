"""Column widths for the record lists: the title column takes the spare width, the others are
as wide as what they show, and when the list is too narrow for all of them (a 1024-pixel
screen, a wide editor beside it) the least useful columns step out of the way rather than
squeezing the title to "…" or scrolling sideways. They come back when there is room again.

Widths: each column says how many average characters it needs at least, never less than its
header label; when what the rows show is wider (measured on the first rows only: a 100,000-row
list must not be measured whole), the column grows to it, up to MOST_CHARS.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

PADDING = 24  # the cell's margins, a sort arrow, a pill's rounded ends
TITLE_CHARS = 24  # below this the title stops being readable: drop another column first
MOST_CHARS = 34  # a column other than the title grows to its rows' width, but no further
MEASURED_ROWS = 60  # how many rows Qt reads to measure a column


class ColumnFitter(QObject):
    """Watches one list's width and decides which columns it shows (see the module doc)."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        chars: dict[int, int],
        stretch: int,
        drop: tuple[int, ...] = (),
    ) -> None:
        super().__init__(view)
        self.view = view
        self.chars = dict(chars)
        self.stretch = stretch
        self.drop = tuple(drop)
        self.header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        self.header.setStretchLastSection(False)
        self.header.setMinimumSectionSize(24)
        self.header.setResizeContentsPrecision(MEASURED_ROWS)
        if isinstance(view, QTableView):
            view.verticalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        for column in self.chars:
            self.header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.header.resizeSection(column, self.content_width(column))
        self.header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:  # new rows may be wider: measure again once they are in
            model.modelReset.connect(self._refit_later)
            model.layoutChanged.connect(self._refit_later)
        self.fit()

    def _refit_later(self, *_args: object) -> None:
        QTimer.singleShot(0, self, self.fit)  # not after the list is gone

    def content_width(self, column: int) -> int:
        """What a column needs: its characters in the view's font, its whole header, and what
        its first rows show (up to MOST_CHARS)."""
        average = self.view.fontMetrics().averageCharWidth()
        width = self.chars.get(column, 0) * average + PADDING
        model = self.view.model()
        if model is not None and column < model.columnCount():
            label = model.headerData(column, Qt.Orientation.Horizontal)
            width = max(width, self.header.fontMetrics().horizontalAdvance(str(label or "")) + 28)
            if model.rowCount():
                shown = self.view.sizeHintForColumn(column) + 8
                width = max(width, min(shown, MOST_CHARS * average + PADDING))
        return width

    def title_minimum(self) -> int:
        return TITLE_CHARS * self.view.fontMetrics().averageCharWidth() + PADDING

    def fit(self) -> None:
        """Show as many columns as leave the title readable, dropping in `drop` order."""
        model = self.view.model()
        if model is None:
            return
        room = self.view.viewport().width()
        if isinstance(self.view, QTreeView):
            room -= self.view.indentation() * 2  # the tree's branch lines come off the title
        shown = [column for column in range(model.columnCount()) if column != self.stretch]
        want = {column: self.content_width(column) for column in shown}
        hidden: set[int] = set()

        def needed() -> int:
            return sum(want[column] for column in shown if column not in hidden)

        for column in self.drop:
            if needed() + self.title_minimum() <= room:
                break
            hidden.add(column)
        for column in shown:
            want_hidden = column in hidden
            if self.header.isSectionHidden(column) != want_hidden:
                self.header.setSectionHidden(column, want_hidden)
                if not want_hidden:
                    self.header.resizeSection(column, want[column])
            if not want_hidden and self.header.sectionSize(column) < want[column]:
                self.header.resizeSection(column, want[column])  # wider by hand stays wider

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False


def fit_columns(
    view: QTableView | QTreeView,
    chars: dict[int, int],
    stretch: int,
    drop: tuple[int, ...] = (),
) -> ColumnFitter:
    """Size a list's columns (see the module doc); one fitter per view, the latest wins."""
    for old in view.findChildren(ColumnFitter, options=Qt.FindChildOption.FindDirectChildrenOnly):
        view.viewport().removeEventFilter(old)
        old.setParent(None)
        old.deleteLater()
    return ColumnFitter(view, chars, stretch, drop)
