"""The alignment view's models: the priority tree with coverage, and the unaligned notes.

Both speak drag and drop in ids: an unaligned note dragged onto a priority is linked to it; a
priority dragged onto another is aligned below it (onto empty space: made top level). The
services decide and validate; the models refresh from them afterwards, so what is drawn is
always what is stored.
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
    Signal,
)

from upwardprep.gui.models.base import (
    FIRST_MODEL_ROLE,
    AnyIndex,
    EntityTableModel,
    IdRole,
    SortRole,
    column_header,
    ids_from,
    ids_mime,
    today_of,
)
from upwardprep.gui.models.dates import absolute, age, relative_day
from upwardprep.gui.models.priorities import OWN_PRIORITY, PRIORITY_IDS_MIME, _Cells
from upwardprep.services import ValidationError
from upwardprep.services.alignment import AlignmentNode
from upwardprep.services.labels import OUTCOME_KIND_LABELS, label_of
from upwardprep.services.outcomes import OutcomeRow

if TYPE_CHECKING:
    from upwardprep.services import Services

OUTCOME_IDS_MIME = "application/x-upwardprep-outcome-ids"
#: (total notes, notes linked directly, the largest total shown, "12 notes · last 3 days ago")
CoverageRole = FIRST_MODEL_ROLE + 8
#: the owner's role ("manager", "report", ...; "" for the user's own)
OwnerRoleRole = FIRST_MODEL_ROLE + 9


def coverage_label(total: int, last: date | None, today: date) -> str:
    if total == 0:
        return "no notes"
    notes = "1 note" if total == 1 else f"{total} notes"
    return f"{notes} · {age(last, today)}" if last else notes


@dataclass(eq=False)
class _Node:
    item: AlignmentNode | None
    parent: _Node | None
    row: int
    number: int
    children: list[_Node] = field(default_factory=list)


class AlignmentTreeModel(QAbstractItemModel):
    """Manager priority → my goals → team and report goals, with coverage in a period."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
        "Title",
        "Owner",
        "Coverage",
        "Status",
        "Progress",
        "Last confirmed",
    )
    TITLE, OWNER, COVERAGE, STATUS, PROGRESS, CONFIRMED = range(6)

    #: a sentence for the status bar after a drop ("Linked to …", or why it was refused)
    message = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: QObject | None = None,
        *,
        stale_days: int = 21,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.stale_days = stale_days
        self.person_id: str | None = None
        self.since: date | None = None
        self.until: date | None = None
        self._root = _Node(None, None, 0, -1)
        self._nodes: list[_Node] = []
        self._by_id: dict[str, _Node] = {}
        self._cells = _Cells()
        self._largest = 0
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def set_filter(
        self, person_id: str | None, since: date | None = None, until: date | None = None
    ) -> None:
        self.person_id, self.since, self.until = person_id or None, since, until
        self.refresh()

    def refresh(self) -> None:
        roots = self.services.alignment.tree(
            self.person_id, since=self.since, until=self.until, stale_days=self.stale_days
        )
        today = today_of(self.services)
        root = _Node(None, None, 0, -1)
        nodes: list[_Node] = []
        stack = [(root, item) for item in reversed(roots)]
        while stack:
            under, item = stack.pop()
            node = _Node(item, under, len(under.children), len(nodes))
            under.children.append(node)
            nodes.append(node)
            stack.extend((node, child) for child in reversed(item.children))
        stale = frozenset(n.item.priority.id for n in nodes if n.item and n.item.stale)
        self.beginResetModel()
        self._root, self._nodes = root, nodes
        self._by_id = {n.item.priority.id: n for n in nodes if n.item is not None}
        self._cells = _Cells(today=today, stale=stale)
        self._largest = max((n.item.coverage.total for n in nodes if n.item), default=0)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._root = _Node(None, None, 0, -1)
        self._nodes, self._by_id, self._cells, self._largest = [], {}, _Cells(), 0
        self.endResetModel()

    def node_of(self, record_id: str) -> AlignmentNode | None:
        node = self._by_id.get(record_id)
        return node.item if node is not None else None

    def index_of(self, record_id: str, column: int = 0) -> QModelIndex:
        node = self._by_id.get(record_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.number)

    def _node(self, index: AnyIndex) -> _Node:
        return self._nodes[index.internalId()] if index.isValid() else self._root

    # -- Qt ---------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row].number)

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
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.COLUMNS, section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self:
            return None
        item = self._node(index).item
        if item is None:
            return None
        priority, coverage = item.priority, item.coverage
        column = self.COLUMNS[index.column()]
        if role == IdRole:
            return priority.id
        if role == OwnerRoleRole:
            return item.owner_role or ""
        if column == "Coverage":
            label = coverage_label(coverage.total, coverage.last_outcome_on, self._cells.today)
            if role == CoverageRole:
                return (coverage.total, coverage.direct, self._largest, label)
            if role == Qt.ItemDataRole.DisplayRole:
                return label
            if role == SortRole:
                return coverage.total
            if role == Qt.ItemDataRole.ToolTipRole:
                below = coverage.total - coverage.direct
                text = f"{coverage.direct} linked here"
                if item.children:
                    text += f", {below} more through the goals aligned below"
                if coverage.last_outcome_on:
                    text += f"\nLast note: {absolute(coverage.last_outcome_on)}"
                return text
            return None
        if column == "Owner" and role == Qt.ItemDataRole.DisplayRole:
            return priority.owner_name or OWN_PRIORITY
        return self._cells.value(priority, column, role)

    # -- drag and drop ---------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [OUTCOME_IDS_MIME, PRIORITY_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = []
        for index in indexes:
            record_id = index.data(IdRole) if index.isValid() else None
            if record_id and record_id not in ids:
                ids.append(record_id)
        return ids_mime(PRIORITY_IDS_MIME, ids)

    def _target(self, row: int, parent: AnyIndex) -> str | None:
        """The priority a drop lands on: the row under the pointer (a drop between two rows
        lands on their parent)."""
        if not parent.isValid():
            return None
        return parent.data(IdRole)

    def _below(self, ancestor_id: str, record_id: str) -> bool:
        node = self._by_id.get(record_id)
        while node is not None and node.item is not None:
            if node.item.priority.id == ancestor_id:
                return True
            node = node.parent
        return False

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        target = self._target(row, parent)
        if ids_from(data, OUTCOME_IDS_MIME):
            return target is not None
        moving = ids_from(data, PRIORITY_IDS_MIME)
        if not moving:
            return False
        if target is None:  # onto empty space: top level
            return any(self._node_parent_id(pid) is not None for pid in moving)
        return all(
            pid in self._by_id
            and not self._below(pid, target)
            and self._node_parent_id(pid) != target
            for pid in moving
        )

    def _node_parent_id(self, record_id: str) -> str | None:
        node = self._by_id.get(record_id)
        return node.item.priority.parent_id if node is not None and node.item else None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._target(row, parent)
        alignment = self.services.alignment
        outcomes = ids_from(data, OUTCOME_IDS_MIME)
        title = self._by_id[target].item.priority.title if target in self._by_id else ""  # type: ignore[union-attr]
        try:
            if outcomes and target is not None:
                for outcome_id in outcomes:
                    alignment.link(outcome_id, target)
                notes = "1 note" if len(outcomes) == 1 else f"{len(outcomes)} notes"
                message = f"Linked {notes} to “{title}”"
            else:
                for priority_id in ids_from(data, PRIORITY_IDS_MIME):
                    alignment.align(priority_id, target)
                message = f"Aligned to “{title}”" if target else "Made top level"
        except ValidationError as error:
            self.message.emit(str(error))
            self.refresh()
            return False
        self.refresh()
        self.message.emit(message)
        return True


class UnalignedModel(EntityTableModel[OutcomeRow]):
    """Work notes linked to no priority (and not dismissed), newest first; drag them out."""

    COLUMNS = ("Date", "Kind", "Title")
    DATE, KIND, TITLE = range(3)
    LIMIT = 500  # the newest; the count says how many more there are

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, parent)
        self.since: date | None = None
        self.until: date | None = None
        self.total = 0
        self._today = today_of(services)
        self.refresh()

    def set_period(self, since: date | None, until: date | None) -> None:
        self.since, self.until = since, until
        self.refresh()

    def _load(self) -> Sequence[OutcomeRow]:
        work = self.services.alignment.unaligned(
            since=self.since, until=self.until, limit=self.LIMIT
        )
        self.total = work.total
        self._today = today_of(self.services)
        return work.outcomes

    def clear(self) -> None:
        self.total = 0
        super().clear()

    def _cell(self, record: OutcomeRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return relative_day(record.occurred_on, self._today)
            if column == self.KIND:
                return label_of(OUTCOME_KIND_LABELS, record.kind)
            return record.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DATE:
                return absolute(record.occurred_on)
            if column == self.TITLE:
                return f"{record.title}\nDrag onto a priority to link it."
        if role == SortRole:
            return (record.occurred_on.toordinal(), record.kind, record.title)[column]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | (
            Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [OUTCOME_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return ids_mime(OUTCOME_IDS_MIME, [i for r in rows if (i := self.id_at(r)) is not None])
