"""The outcome notes list, built for 100k notes: the model holds ids, rows come in pages.

A filter runs in SQL (OutcomeService.count and id_page, or SearchService.outcomes for typed text,
best match first) and returns only ids. The count and the first slice of ids come first, so the
first rows show at once; the rest of the ids are read in keyset slices on the next event-loop
turns (or at once when a row further down is asked for). `data()` loads the page of light rows
around the row asked for (OutcomeService.rows, a few ms per page) into a bounded LRU cache, so
memory holds the id list and a few pages whatever the store's size.

OutcomeRow has no priority titles, so the Priorities column is filled a moment later: the cells
a view asks for are queued and resolved in one OutcomeService.priority_titles query on the next
event-loop turn (then dataChanged).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap

from upwardprep.gui.models.base import (
    FIRST_MODEL_ROLE,
    AnyIndex,
    IdRole,
    SortRole,
    column_header,
    today_of,
)
from upwardprep.gui.models.dates import absolute, relative_day
from upwardprep.services.labels import OUTCOME_KIND_LABELS, label_of
from upwardprep.services.outcomes import IdCursor, OutcomeFilter, OutcomeRow

if TYPE_CHECKING:
    from datetime import date

    from upwardprep.services import Services

KindRole = FIRST_MODEL_ROLE + 8  # the raw kind ("win", "risk", ...), on every column
PrivateRole = FIRST_MODEL_ROLE + 9  # bool

_MISSING = None  # cached for an id whose note vanished since the ids were listed


def lock_icon(color: QColor | None = None) -> QIcon:
    """The app's lock icon when the icon set is there; otherwise a small padlock drawn here."""
    colour = color or QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    try:
        from upwardprep.gui import icons

        return icons.icon("lock", colour)
    except Exception:  # the icon set is optional for the models: draw one
        pass
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 3)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(9, 4, 14, 16), 0, 180 * 16)
    painter.drawLine(QPointF(9, 12), QPointF(9, 15))
    painter.drawLine(QPointF(23, 12), QPointF(23, 15))
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(6, 15, 20, 14), 3, 3)
    painter.end()
    return QIcon(pixmap)


class OutcomesModel(QAbstractTableModel):
    COLUMNS = ("Date", "Kind", "Title", "Priorities", "Private")
    DATE, KIND, TITLE, PRIORITIES, PRIVATE = range(5)

    PAGE_SIZE = 200
    MAX_PAGES = 8  # rows kept: at most MAX_PAGES × PAGE_SIZE
    SEARCH_LIMIT = 200  # typed text: the best matches shown (search cost grows with the limit)
    PRIORITY_BATCH = 200  # notes resolved per event-loop turn (one query) for the Priorities
    FIRST_IDS = 1000  # ids read with the count, before the first rows show
    ID_SLICE = 10_000  # ids read per event-loop turn after that
    # ... from this long after a reload on: the first rows paint before the rest is read
    SLICES_AFTER_MS = 150
    MAX_QUEUED = 200  # only the most recently shown cells wait for their priority titles

    #: The number of rows after every reload (0 after clear()).
    countChanged = Signal(int)

    def __init__(
        self,
        services: Services,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
        search_limit: int = SEARCH_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.page_size = page_size
        self.max_pages = max_pages
        self.search_limit = search_limit
        self._filter = OutcomeFilter()
        self._text = ""
        self._newest_first = True
        self._ids: list[str] = []  # read so far, in display order
        self._total = 0  # rows shown; len(self._ids) once every slice is read
        self._cursor: IdCursor | None = None  # where the next slice starts; None: all read
        self._row_index: dict[str, int] | None = None
        self._rows: OrderedDict[str, OutcomeRow | None] = OrderedDict()
        self._titles: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._queued: OrderedDict[str, int] = OrderedDict()  # id -> row when asked
        self._today: date | None = None
        self._lock: QIcon | None = None
        self._lock_colour = 0
        #: The last typed-text search ranked only the most recent matches (see SearchService).
        self.windowed = False
        #: The last typed-text search returned `search_limit` hits: there may be more.
        self.capped = False
        #: Pages read through OutcomeService.rows since the model was made (for tests, benches).
        self.pages_fetched = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._resolve_priorities)
        self._id_timer = QTimer(self)
        self._id_timer.setSingleShot(True)
        self._id_timer.setInterval(0)
        self._id_timer.timeout.connect(self._read_next_slice)
        # A member timer: QTimer.singleShot(0, self._settle_total) made the test run abort at
        # interpreter exit ("bool_dealloc", a reference-count error in an extension).
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settle_total)

    # -- what is shown ---------------------------------------------------------------------

    @property
    def filter(self) -> OutcomeFilter:
        return self._filter

    @property
    def text(self) -> str:
        return self._text

    @property
    def cached_rows(self) -> int:
        """Rows held in memory now (bounded by max_pages × page_size)."""
        return len(self._rows)

    def set_filter(self, filters: OutcomeFilter | None = None, text: str = "") -> None:
        """Show the notes matching `filters`, and `text` when given (then best match first)."""
        self._filter = filters or OutcomeFilter()
        self._text = text
        self._reload()

    def refresh(self) -> None:
        """Reload after notes changed: the same filter, nothing cached."""
        self._rows.clear()
        self._titles.clear()
        self._reload()

    def clear(self) -> None:
        """Forget every id, row and title (the store is locking)."""
        self._timer.stop()
        self._id_timer.stop()
        self._settle_timer.stop()
        self.beginResetModel()
        self._ids = []
        self._total = 0
        self._cursor = None
        self._row_index = None
        self._rows.clear()
        self._titles.clear()
        self._queued.clear()
        self.windowed = self.capped = False
        self.endResetModel()
        self.countChanged.emit(0)

    def refresh_row(self, record_id: str) -> None:
        """One note changed (an editor saved it): show its new title, kind, date, priorities."""
        self._rows.pop(record_id, None)
        self._titles.pop(record_id, None)
        row = self.row_of(record_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def _reload(self) -> None:
        text = self._text.strip()
        windowed = capped = False
        cursor: IdCursor | None = None
        if text:
            hits = self.services.search.outcomes(text, self._filter, limit=self.search_limit)
            ids = [hit.id for hit in hits]
            total = len(ids)
            windowed, capped = hits.windowed, len(hits) >= self.search_limit
        else:
            page = self.services.outcomes.id_page(
                self._filter, newest_first=self._newest_first, limit=self.FIRST_IDS
            )
            ids, cursor = page.ids, page.cursor
            total = len(ids) if cursor is None else self.services.outcomes.count(self._filter)
        today = today_of(self.services)
        self._timer.stop()
        self._id_timer.stop()
        self.beginResetModel()
        self._ids = ids
        self._total = max(total, len(ids))
        self._cursor = cursor
        self._row_index = None
        self._queued.clear()
        self._today = today
        self.windowed, self.capped = windowed, capped
        self.endResetModel()
        self.countChanged.emit(self._total)
        if cursor is not None:
            self._id_timer.start(self.SLICES_AFTER_MS)

    # -- ids --------------------------------------------------------------------------------

    @property
    def all_ids_read(self) -> bool:
        return self._cursor is None

    def id_at(self, row: int) -> str | None:
        if not 0 <= row < self._total:
            return None
        while row >= len(self._ids) and self._cursor is not None:
            self._read_slice()
        return self._ids[row] if row < len(self._ids) else None

    def _read_slice(self) -> None:
        page = self.services.outcomes.id_page(
            self._filter, newest_first=self._newest_first, after=self._cursor, limit=self.ID_SLICE
        )
        self._ids.extend(page.ids)
        self._cursor = page.cursor
        self._row_index = None
        if self._cursor is None and len(self._ids) != self._total:
            self._settle_timer.start()  # not from inside data()

    def _settle_total(self) -> None:
        """The count and the slices disagree (notes changed between them): show what was read."""
        read = len(self._ids)
        if self._cursor is not None or read == self._total:
            return
        if read < self._total:
            self.beginRemoveRows(QModelIndex(), read, self._total - 1)
            self._total = read
            self.endRemoveRows()
        else:
            self.beginInsertRows(QModelIndex(), self._total, read - 1)
            self._total = read
            self.endInsertRows()
        self.countChanged.emit(self._total)

    def _read_next_slice(self) -> None:
        if self._cursor is None or not self.services.store.is_open:
            return
        self._read_slice()
        if self._cursor is not None:
            self._id_timer.start(0)

    def read_all_ids(self) -> None:
        """Read every remaining slice now (a lookup by id or a reversal needs them all)."""
        self._id_timer.stop()
        while self._cursor is not None:
            self._read_slice()

    def row_of(self, record_id: str | None) -> int:
        """The row of `record_id`, or -1 (the id -> row map is built on first use)."""
        if record_id is None:
            return -1
        if self._row_index is None:
            self._row_index = {rid: row for row, rid in enumerate(self._ids)}
        row = self._row_index.get(record_id, -1)
        if row < 0 and self._cursor is not None:  # maybe among the ids not read yet
            self.read_all_ids()
            return self.row_of(record_id)
        return row

    def row_at(self, row: int) -> OutcomeRow | None:
        """The light row shown at `row` (loading its page when needed)."""
        record_id = self.id_at(row)
        if record_id is None:
            return None
        if record_id in self._rows:
            self._rows.move_to_end(record_id)
            return self._rows[record_id]
        self._fetch_page(row // self.page_size)
        return self._rows.get(record_id, _MISSING)

    def _fetch_page(self, page: int) -> None:
        wanted = self._ids[page * self.page_size : (page + 1) * self.page_size]
        missing = [rid for rid in wanted if rid not in self._rows]
        found = {row.id: row for row in self.services.outcomes.rows(missing)}
        self.pages_fetched += 1
        for rid in missing:
            self._rows[rid] = found.get(rid, _MISSING)
        for rid in wanted:  # the page just asked for is the most recently used
            self._rows.move_to_end(rid)
        while len(self._rows) > self.max_pages * self.page_size:
            self._rows.popitem(last=False)

    # -- priority titles, a moment later ---------------------------------------------------

    def _priority_titles(self, record_id: str, row: int) -> tuple[str, ...] | None:
        titles = self._titles.get(record_id)
        if titles is not None:
            self._titles.move_to_end(record_id)
            return titles
        self._queued[record_id] = row
        self._queued.move_to_end(record_id)
        while len(self._queued) > self.MAX_QUEUED:
            self._queued.popitem(last=False)
        if not self._timer.isActive():
            self._timer.start()
        return None

    def _resolve_priorities(self) -> None:
        if not self.services.store.is_open:  # locked before the queue ran: nothing to show
            self._queued.clear()
            return
        rows = []
        batch = [
            self._queued.popitem(last=True)  # the latest asked is on screen
            for _ in range(min(self.PRIORITY_BATCH, len(self._queued)))
        ]
        found = self.services.outcomes.priority_titles([record_id for record_id, _row in batch])
        for record_id, row in batch:
            self._titles[record_id] = found.get(record_id, ())
            if self.id_at(row) != record_id:
                row = self.row_of(record_id)
            if row >= 0:
                rows.append(row)
        while len(self._titles) > self.max_pages * self.page_size:
            self._titles.popitem(last=False)
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), self.PRIORITIES),
                self.index(max(rows), self.PRIORITIES),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )
        if self._queued:
            self._timer.start()

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        return column_header(self.COLUMNS, section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By date only (in SQL); typed-text results keep their best-match order."""
        newest_first = order == Qt.SortOrder.DescendingOrder
        if column != self.DATE or newest_first == self._newest_first:
            return
        self._newest_first = newest_first
        if not self._text.strip():
            self.read_all_ids()
            self.layoutAboutToBeChanged.emit()
            self._ids.reverse()  # same set, the other way round: no query needed
            self._row_index = None
            self.changePersistentIndexList(
                self.persistentIndexList(),
                [
                    self.index(len(self._ids) - 1 - index.row(), index.column())
                    for index in self.persistentIndexList()
                ],
            )
            self.layoutChanged.emit()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        if role == IdRole:
            return self.id_at(index.row())
        if role not in _ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == KindRole:
            return row.kind
        if role == PrivateRole:
            return row.private
        if column == self.DATE:
            if role == Qt.ItemDataRole.DisplayRole:
                return relative_day(row.occurred_on, self._today or row.occurred_on)
            if role == Qt.ItemDataRole.ToolTipRole:
                return absolute(row.occurred_on)
            if role == SortRole:
                return row.occurred_on.toordinal()
        elif column == self.KIND:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return label_of(OUTCOME_KIND_LABELS, row.kind)
            if role == SortRole:
                return row.kind
        elif column == self.TITLE:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return row.title
            if role == SortRole:
                return row.title.casefold()
        elif column == self.PRIORITIES:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
                titles = self._priority_titles(row.id, index.row())
                if titles is None:
                    return ""
                separator = "\n" if role == Qt.ItemDataRole.ToolTipRole else "; "
                return separator.join(titles)
        elif column == self.PRIVATE:
            if role == Qt.ItemDataRole.DisplayRole:
                return "private" if row.private else ""
            if role == Qt.ItemDataRole.ToolTipRole and row.private:
                return "Private note"
            if role == Qt.ItemDataRole.DecorationRole and row.private:
                # Drawn again when the palette changed (light to dark): never a dark lock on
                # a dark list.
                colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).rgba()
                if self._lock is None or self._lock_colour != colour:
                    self._lock, self._lock_colour = lock_icon(), colour
                return self._lock
            if role == SortRole:
                return int(row.private)
        return None


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        SortRole,
        KindRole,
        PrivateRole,
    }
)
