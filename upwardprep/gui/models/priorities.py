"""Priorities as a ranked table (reorderable by move() or drag and drop) and as an alignment tree.

Both show the same cells: the status as a raw string for the pill delegate, progress as
(fraction, label) for the bar delegate, and "last confirmed" with a stale flag that follows
PriorityService.stale (the service decides, so the list and the dashboard agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)

from upwardprep.gui.models.base import (
    FIRST_MODEL_ROLE,
    AnyIndex,
    IdRole,
    ReorderableTableModel,
    SortRole,
    column_header,
    today_of,
)
from upwardprep.gui.models.dates import absolute, age, local_date, short
from upwardprep.services.labels import PRIORITY_STATUS_LABELS, label_of
from upwardprep.services.people import ROLE_ORDER
from upwardprep.services.priorities import DEFAULT_STALE_DAYS, PriorityData

if TYPE_CHECKING:
    from upwardprep.services import Services

StatusRole = FIRST_MODEL_ROLE  # "active" | "at-risk" | "done" | "dropped"
ProgressRole = FIRST_MODEL_ROLE + 1  # (fraction 0..1 or None, "62 % · 31/50 customers")
StaleRole = FIRST_MODEL_ROLE + 2  # True: not confirmed for more than stale_days

PRIORITY_IDS_MIME = "application/x-upwardprep-priority-ids"

_STATUS_RANK = {status.value: index for index, status in enumerate(PRIORITY_STATUS_LABELS)}
_ROLE_RANK = {member.value: index for index, member in enumerate(ROLE_ORDER)}
OWN_PRIORITY = "Me"  # a priority without an owner is the user's own
_LAST = 10**9


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def progress_label(priority: PriorityData) -> str:
    """ "62 % · 31/50 customers"; what is known when there is no target or no figure yet."""
    unit = f" {priority.metric_unit}" if priority.metric_unit else ""
    target, current = priority.metric_target, priority.metric_current
    if target:
        if current is None:
            return f"—/{_number(target)}{unit}"
        figure = f"{_number(current)}/{_number(target)}{unit}"
        percent = round(current / target * 100)  # beyond 100 % when the target was beaten
        if percent == 100 and current < target:
            percent = 99  # not there yet, however close
        return f"{percent} % · {figure}"
    if current is not None:
        return f"{_number(current)}{unit}"
    return ""


def period_label(start: date | None, end: date | None) -> str:
    """ "Q4 2026", "1 Oct – 15 Dec 2026", "until 31 Dec 2026"."""
    if start and end:
        quarter = (start.month - 1) // 3
        if (
            start.day == 1
            and start.month == quarter * 3 + 1
            and end.year == start.year
            and end.month == quarter * 3 + 3
            and end.day == (31 if end.month in (3, 12) else 30)
        ):
            return f"Q{quarter + 1} {start.year}"
        return f"{short(start, with_year=start.year != end.year)} – {short(end)}"
    if end:
        return f"until {short(end)}"
    if start:
        return f"from {short(start)}"
    return ""


@dataclass
class _Cells:
    """What a priority cell needs besides the record: today and which ids are stale."""

    today: date = date.min  # only read for rows, and an empty model (locked, cleared) has none
    stale: frozenset[str] = frozenset()

    def value(self, priority: PriorityData, column: str, role: int) -> Any:
        if role == StatusRole:
            return priority.status
        if role == ProgressRole:
            return (priority.progress, progress_label(priority))
        if role == StaleRole:
            return priority.id in self.stale
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(priority, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(priority, column)
        if role == SortRole:
            return self._sort(priority, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "Rank":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, priority: PriorityData, column: str) -> Any:
        if column == "Rank":
            return str(priority.rank)
        if column == "Title":
            return priority.title
        if column == "Owner":
            return priority.owner_name or OWN_PRIORITY
        if column == "Status":
            return label_of(PRIORITY_STATUS_LABELS, priority.status)
        if column == "Progress":
            return progress_label(priority)
        if column == "Period":
            return period_label(priority.period_start, priority.period_end)
        if column == "Last confirmed":
            confirmed = priority.last_confirmed_at
            return age(local_date(confirmed), self.today) if confirmed else "never"
        return None

    def _tooltip(self, priority: PriorityData, column: str) -> str | None:
        if column == "Title":
            return priority.title + (
                f"\nMeasured by: {priority.measure}" if priority.measure else ""
            )
        if column == "Period" and (priority.period_start or priority.period_end):
            return " – ".join(
                absolute(day) for day in (priority.period_start, priority.period_end) if day
            )
        if column == "Last confirmed":
            confirmed = priority.last_confirmed_at
            if confirmed is None:
                text = f"Never confirmed; added {absolute(priority.created_at)}"
            else:
                text = f"Confirmed {age(local_date(confirmed), self.today)}: {absolute(confirmed)}"
            if priority.id in self.stale:
                text += "\nAsk whether it still matters and how it is measured."
            return text
        return None

    def _sort(self, priority: PriorityData, column: str) -> Any:
        if column == "Rank":
            return priority.rank
        if column == "Title":
            return priority.title.casefold()
        if column == "Owner":
            return (priority.owner_name or "").casefold()
        if column == "Status":
            return _STATUS_RANK.get(priority.status, len(_STATUS_RANK))
        if column == "Progress":
            return priority.progress if priority.progress is not None else -1.0
        if column == "Period":
            end = priority.period_end or priority.period_start
            return end.toordinal() if end else _LAST
        if column == "Last confirmed":
            confirmed = priority.last_confirmed_at
            return confirmed.timestamp() if confirmed else 0.0
        return None


def _load_cells(services: Services, stale_days: int) -> _Cells:
    stale = frozenset(p.id for p in services.priorities.stale(days=stale_days))
    return _Cells(today=today_of(services), stale=stale)


class PrioritiesModel(ReorderableTableModel[PriorityData]):
    """Every live priority (or one owner's), grouped by owner, in rank order."""

    COLUMNS = ("Rank", "Title", "Owner", "Status", "Progress", "Period", "Last confirmed")
    RANK, TITLE, OWNER, STATUS, PROGRESS, PERIOD, CONFIRMED = range(7)

    IDS_MIME = PRIORITY_IDS_MIME

    def __init__(
        self,
        services: Services,
        parent: QObject | None = None,
        *,
        stale_days: int = DEFAULT_STALE_DAYS,
        owner_id: str | None = None,
    ) -> None:
        super().__init__(services, parent)
        self.stale_days = stale_days
        self._owner_id = owner_id
        self._cells = _Cells()
        self.refresh()

    def set_owner(self, owner_id: str | None) -> None:
        """Show only this person's priorities (None: everyone's)."""
        self._owner_id = owner_id or None
        self.refresh()

    def refresh(self) -> None:
        records = self.services.priorities.list(owner_id=self._owner_id)
        cells = _load_cells(self.services, self.stale_days)
        self.beginResetModel()
        self._records = list(records)
        self._rows_by_id = None
        self._cells = cells
        self.endResetModel()

    def clear(self) -> None:
        self._cells = _Cells()
        super().clear()

    def _load(self) -> Sequence[PriorityData]:  # refresh() is overridden; kept for the contract
        return self.services.priorities.list(owner_id=self._owner_id)

    def _cell(self, priority: PriorityData, column: int, role: int) -> Any:
        return self._cells.value(priority, self.COLUMNS[column], role)

    # -- ranks -----------------------------------------------------------------------------

    def _owner_block(self, owner_id: str | None) -> list[PriorityData]:
        return [record for record in self._records if record.owner_id == owner_id]

    def move(self, row: int, delta: int) -> int:
        """Move the priority at `row` up (delta < 0) or down within its owner's ranking; returns
        its new row (the same row when it cannot move further)."""
        record = self.record_at(row)
        if record is None or delta == 0:
            return row
        block = [p.id for p in self._owner_block(record.owner_id)]
        here = block.index(record.id)
        there = max(0, min(len(block) - 1, here + delta))
        if there == here:
            return row
        block.insert(there, block.pop(here))
        self._reorder(block, [record.id])
        return self.row_of(record.id)

    def _reorder(self, order: list[str], moved: list[str]) -> bool:
        self.services.priorities.reorder(order)
        self.refresh()
        self.reordered.emit(moved)
        return True

    # -- drag and drop ---------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def _drop_order(
        self, data: QMimeData, action: Qt.DropAction, row: int, parent: AnyIndex
    ) -> list[str] | None:
        """The owner's new order after this drop, or None when the drop is refused or changes
        nothing. Only one owner's priorities move, and only within that owner's ranking."""
        if action != Qt.DropAction.MoveAction:
            return None
        rows = sorted(r for r in map(self.row_of, self.dragged_ids(data)) if r >= 0)
        if not rows:
            return None
        moving = [self._records[r] for r in rows]
        owner = moving[0].owner_id
        if any(record.owner_id != owner for record in moving):
            return None
        block = [p.id for p in self._owner_block(owner)]
        moving_ids = [record.id for record in moving]
        remaining = [pid for pid in block if pid not in moving_ids]
        if parent.isValid():  # dropped onto a row: take its place
            target = self.record_at(parent.row())
            if target is None or target.owner_id != owner or target.id in moving_ids:
                return None
            position = remaining.index(target.id) + (1 if rows[0] < parent.row() else 0)
        else:  # dropped between rows (or below the last: row == -1)
            first, last = self.row_of(block[0]), self.row_of(block[-1])
            target_row = len(self._records) if row < 0 else row
            if not first <= target_row <= last + 1:
                return None
            position = len(remaining)
            for record in self._records[target_row : last + 1]:
                if record.id not in moving_ids:
                    position = remaining.index(record.id)
                    break
        order = remaining[:position] + moving_ids + remaining[position:]
        return None if order == block else order


@dataclass(eq=False)
class _Node:
    record: PriorityData | None
    parent: _Node | None
    row: int
    number: int
    children: list[_Node] = field(default_factory=list)


class PriorityTreeModel(QAbstractItemModel):
    """The manager's priorities (and any other top-level ones) with what is aligned to them
    (parent_id) below, recursively."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "Title",
        "Owner",
        "Status",
        "Progress",
        "Period",
        "Last confirmed",
    )
    TITLE, OWNER, STATUS, PROGRESS, PERIOD, CONFIRMED = range(6)

    def __init__(
        self,
        services: Services,
        parent: QObject | None = None,
        *,
        stale_days: int = DEFAULT_STALE_DAYS,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.stale_days = stale_days
        self._root = _Node(None, None, 0, -1)
        self._nodes: list[_Node] = []
        self._by_id: dict[str, _Node] = {}
        self._cells = _Cells()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        priorities = self.services.priorities.list()
        roles = {person.id: person.role for person in self.services.people.list()}
        cells = _load_cells(self.services, self.stale_days)
        root, nodes = self._build(priorities, roles)
        self.beginResetModel()
        self._root, self._nodes = root, nodes
        self._by_id = {node.record.id: node for node in nodes if node.record is not None}
        self._cells = cells
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._root = _Node(None, None, 0, -1)
        self._nodes = []
        self._by_id = {}
        self._cells = _Cells()
        self.endResetModel()

    @staticmethod
    def _build(
        priorities: Sequence[PriorityData], roles: dict[str, str]
    ) -> tuple[_Node, list[_Node]]:
        def order(p: PriorityData) -> tuple[Any, ...]:
            role = roles.get(p.owner_id or "", "")
            return (
                _ROLE_RANK.get(role, len(_ROLE_RANK)),
                (p.owner_name or "").casefold(),
                p.rank,
                p.title.casefold(),
            )

        ordered = sorted(priorities, key=order)
        ids = {p.id for p in ordered}
        children: dict[str | None, list[PriorityData]] = {}
        for priority in ordered:
            parent_id = priority.parent_id if priority.parent_id in ids else None
            children.setdefault(parent_id, []).append(priority)
        root = _Node(None, None, 0, -1)
        nodes: list[_Node] = []
        placed: set[str] = set()

        def attach(parent: _Node, priority: PriorityData) -> None:
            stack = [(parent, priority)]
            while stack:
                under, record = stack.pop()
                if record.id in placed:
                    continue
                placed.add(record.id)
                node = _Node(record, under, len(under.children), len(nodes))
                under.children.append(node)
                nodes.append(node)
                stack.extend((node, child) for child in reversed(children.get(record.id, [])))

        for priority in children.get(None, []):
            attach(root, priority)
        for priority in ordered:  # a cycle of parents (which services refuse) still shows
            if priority.id not in placed:
                attach(root, priority)
        return root, nodes

    # -- ids --------------------------------------------------------------------------------

    def index_of(self, record_id: str, column: int = 0) -> QModelIndex:
        node = self._by_id.get(record_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.number)

    def _node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    # -- Qt ---------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        child = self._node(parent).children[row]
        return self.createIndex(row, column, child.number)

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up.number)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._node(index).record
        if record is None:
            return None
        if role == IdRole:
            return record.id
        return self._cells.value(record, self.COLUMNS[index.column()], role)
