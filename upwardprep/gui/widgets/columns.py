"""Column widths for the record lists: the title column takes the spare width, the others are
as wide as what they show, and when the list is too narrow for all of them (a 1024-pixel
screen, a wide editor beside it) the least useful columns step out of the way rather than
squeezing the title to "…" or scrolling sideways. They come back when there is room again.

Widths: each column says how many average characters it needs at least, never less than its
header label (its floor). What its rows show may be wider (measured on the first rows only: a
100,000-row list must not be measured whole; at most MOST_CHARS): the room left after the
floors goes first to the title, up to TITLE_WANT_CHARS, and only then to the other columns,
up to what their rows show. A column the user widened by hand keeps its width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

PADDING = 24  # the cell's margins, a sort arrow, a pill's rounded ends
TITLE_CHARS = 30  # below this the title stops being readable: drop another column first
TITLE_WANT_CHARS = 40  # the spare room goes to the title up to this, before the other columns
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
        title_chars: int = TITLE_CHARS,
    ) -> None:
        super().__init__(view)
        self.title_chars = title_chars
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
        self._set: dict[int, int] = {}  # the widths this fitter gave, to tell the user's own
        for column in self.chars:
            self.header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.header.resizeSection(column, self.floor_width(column))
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

    def floor_width(self, column: int) -> int:
        """The least a column gets: its characters in the view's font, and its whole header."""
        width = self.chars.get(column, 0) * self.view.fontMetrics().averageCharWidth() + PADDING
        model = self.view.model()
        if model is not None and column < model.columnCount():
            label = model.headerData(column, Qt.Orientation.Horizontal)
            width = max(width, self.header.fontMetrics().horizontalAdvance(str(label or "")) + 28)
        return width

    def content_width(self, column: int) -> int:
        """What a column's first rows show (up to MOST_CHARS), never less than its floor."""
        width = self.floor_width(column)
        model = self.view.model()
        if model is not None and column < model.columnCount() and model.rowCount():
            average = self.view.fontMetrics().averageCharWidth()
            shown = self.view.sizeHintForColumn(column) + 8
            width = max(width, min(shown, MOST_CHARS * average + PADDING))
        return width

    def title_minimum(self) -> int:
        return self.title_chars * self.view.fontMetrics().averageCharWidth() + PADDING

    def title_wanted(self) -> int:
        return TITLE_WANT_CHARS * self.view.fontMetrics().averageCharWidth() + PADDING

    def fit(self) -> None:
        """Show as many columns as leave the title readable (dropping in `drop` order), then
        share the room left: the title first, then the others up to what they show."""
        model = self.view.model()
        if model is None:
            return
        room = self.view.viewport().width()
        if isinstance(self.view, QTreeView):
            room -= self.view.indentation() * 2  # the tree's branch lines come off the title
        others = [column for column in range(model.columnCount()) if column != self.stretch]
        floor = {column: self.floor_width(column) for column in others}
        hidden: set[int] = set()

        def needed() -> int:
            return sum(floor[column] for column in others if column not in hidden)

        for column in self.drop:
            if needed() + self.title_minimum() <= room:
                break
            hidden.add(column)
        shown = [column for column in others if column not in hidden]
        spare = room - needed() - self.title_minimum()
        spare -= min(max(0, spare), self.title_wanted() - self.title_minimum())  # title first
        for column in shown:
            grow = min(max(0, spare), self.content_width(column) - floor[column])
            spare -= grow
            width = floor[column] + grow
            current = self.header.sectionSize(column)
            by_hand = self._set.get(column) not in (None, current) and current > width
            if self.header.isSectionHidden(column):
                self.header.setSectionHidden(column, False)
            if not by_hand:
                self.header.resizeSection(column, width)
                self._set[column] = width
        for column in hidden:
            if not self.header.isSectionHidden(column):
                self.header.setSectionHidden(column, True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False


def fit_columns(
    view: QTableView | QTreeView,
    chars: dict[int, int],
    stretch: int,
    drop: tuple[int, ...] = (),
    title_chars: int = TITLE_CHARS,
) -> ColumnFitter:
    """Size a list's columns (see the module doc); one fitter per view, the latest wins."""
    for old in view.findChildren(ColumnFitter, options=Qt.FindChildOption.FindDirectChildrenOnly):
        view.viewport().removeEventFilter(old)
        old.setParent(None)
        old.deleteLater()
    return ColumnFitter(view, chars, stretch, drop, title_chars)
