"""What every section of the main window shares: binding to an unlocked store, dropping all
note text on lock, and editors that save themselves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from upwardprep.clock import local_today
from upwardprep.gui.jobs import Change
from upwardprep.gui.models.base import IdRole
from upwardprep.gui.widgets.columns import TITLE_CHARS, fit_columns
from upwardprep.gui.widgets.day_field import DayField
from upwardprep.gui.widgets.empty_state import EmptyState
from upwardprep.gui.widgets.tables import RecordTable
from upwardprep.services import NotFound, Services, ValidationError

AUTOSAVE_MS = 700


class SectionView(QWidget):
    """One page of the main window."""

    status = Signal(str)  # a short message for the status bar ("Saved", "Moved to Trash")
    open_record = Signal(str, str)  # entity kind, id: ask the window to show another record
    trashed = Signal(str, str)  # entity kind, id: for Edit > Undo

    section = ""
    title = ""
    watches: frozenset[str] = frozenset()  # kinds of record (gui.jobs) whose changes it shows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: Services | None = None

    def on_screen(self) -> bool:
        """Whether the window shows this section now (it is its stack's current page)."""
        stack = self.parentWidget()
        return isinstance(stack, QStackedWidget) and stack.currentWidget() is self

    def on_changed(self, change: Change) -> None:
        """The session's change notice: reload when the change touches what the section shows
        and it is on screen (a section off screen reloads when it is next shown)."""
        if (
            self.services is not None
            and change.origin is not self
            and change.touches(self.watches)
            and self.on_screen()
        ):
            self.refresh()

    def bind(self, services: Services) -> None:
        """The store was unlocked: show its records."""
        self.services = services
        self.refresh()

    def unbind(self) -> None:
        """The store is locking: forget every record shown (no note text may remain)."""
        self.services = None
        self.clear()

    def refresh(self) -> None: ...

    def first_reads(self) -> Callable[[Services], object] | None:
        """What `refresh` reads, as a function of the services alone (for a thread): the
        start-up runs it before the store is open, to compile its statements (see
        services.vault.Vault.rehearse). None: nothing to rehearse."""
        return None

    def clear(self) -> None: ...

    def flush(self) -> bool:
        """Save whatever is being edited, now; False when the input was refused (it stays in
        the form, and the reason went to the status bar)."""
        return True

    def select(self, record_id: str) -> bool:
        """Show one record; False if this section does not have it."""
        return False

    def new_record(self) -> None: ...

    def delete_selected(self) -> None: ...


class ListDetailView(SectionView):
    """The shared shell of the five list sections: an optional bar on top, then a splitter
    with the list (a table, any other views of it, and the empty state, in a stack) beside
    the editor of the current record. Subclasses bind a model and say how a record is made,
    saved and trashed."""

    model: Any = None  # an entity model with row_of(id); None while locked
    blank_on_empty_selection = False  # whether the editor empties when no row is current

    def __init__(
        self,
        name: str,
        editor: RecordEditor,
        *,
        empty: str,
        top: QWidget | None = None,
        other_lists: tuple[QWidget, ...] = (),
        stretch: tuple[int, int] = (3, 2),
        sizes: tuple[int, int] = (620, 520),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}View")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if top is not None:
            layout.addWidget(top)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{name}Splitter")
        self.list_stack = QStackedWidget()
        self.list_stack.setObjectName(f"{name}ListStack")
        self.table = make_table(f"{name}Table")
        self.table.setAccessibleName(self.title or name.capitalize())
        self.empty = EmptyState(empty)
        for widget in (self.table, *other_lists, self.empty):
            self.list_stack.addWidget(widget)
        self.editor = editor
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(editor)
        for index, factor in enumerate(stretch):
            self.splitter.setStretchFactor(index, factor)
        self.splitter.setSizes(list(sizes))
        layout.addWidget(self.splitter, 1)
        editor.saved.connect(self._saved)
        editor.failed.connect(self.status.emit)

    def _show_list(self) -> None:
        """The table, or the empty state (and an empty editor) when there are no rows."""
        has_rows = self.model is not None and self.model.rowCount() > 0
        self.list_stack.setCurrentWidget(self.table if has_rows else self.empty)
        if not has_rows and self.services is not None:
            self.editor.load(self.services, None)

    def _saved(self, record_id: str) -> None:
        if self.model is not None:
            self.model.refresh()
            self.select(record_id)
        self.status.emit("Saved")

    def clear(self) -> None:
        self.editor.clear()
        if self.model is not None:
            self.model.clear()
        self.table.setModel(None)
        self.model = None

    def _select_row(self, row: int) -> None:
        if self.model is None or row >= self.model.rowCount():
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def select(self, record_id: str) -> bool:
        if self.model is None:
            return False
        row = self.model.row_of(record_id)
        if row is None or row < 0:
            return False
        self._select_row(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = current.data(IdRole) if current.isValid() else None
        wanted = record_id is not None or self.blank_on_empty_selection
        if self.services is not None and wanted and record_id != self.editor.record_id:
            if not self.editor.flush():
                # The form holds input the store refused: stay on its record rather than
                # drop what was typed. The reason is in the status bar.
                self._stay_on(self.editor.record_id)
                return
            self.editor.load(self.services, record_id)

    def flush(self) -> bool:
        return self.editor.flush()

    def _stay_on(self, record_id: str | None) -> None:
        if record_id is not None:
            QTimer.singleShot(0, lambda: self.select(record_id))


def make_table(name: str) -> RecordTable:
    table = RecordTable()
    table.setObjectName(name)
    return table


def size_columns(
    view: QTableView | QTreeView,
    chars: dict[int, int],
    stretch: int,
    drop: tuple[int, ...] = (),
    title_chars: int = TITLE_CHARS,
) -> None:
    """Widths from the font, the title column taking what is left, and the `drop` columns
    (least useful first) hidden while the title would get fewer than `title_chars`
    characters (gui/widgets/columns.py)."""
    fit_columns(view, chars, stretch, drop, title_chars)


def set_date(edit: DayField, value: date | None) -> None:
    edit.set_value(value)


def get_date(edit: DayField) -> date | None:
    edit.flush()  # typed and not yet confirmed counts
    return edit.value()


def use_clock(root: QWidget, services: Services) -> None:
    """The date fields under `root` count from the store's today (the services' clock), never
    the machine's calendar: "fri", "+3d" and the calendar's first month follow it."""
    clock = services.clock
    for field in root.findChildren(DayField):
        field.set_today_source(partial(local_today, clock))


def fill_combo(combo: QComboBox, items: list[tuple[str, Any]], keep: Any = None) -> None:
    """Replace a combo's items without emitting a change for the same selection."""
    current = combo.currentData() if keep is None else keep
    combo.blockSignals(True)
    combo.clear()
    for label, value in items:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


class RecordEditor(QWidget):
    """A form over one record that saves itself: debounced while typing, and at once when
    focus leaves the form, when another record is chosen, on lock and on quit."""

    saved = Signal(str)  # record id
    failed = Signal(str)  # a sentence for the user; the typed text stays in the form

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_id: str | None = None
        self.services: Services | None = None
        self._loading = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._debounced: list[QObject] = []  # fields with their own typing debounce
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self.setEnabled(False)

    # -- to implement ----------------------------------------------------------------------

    def _fill(self, record_id: str) -> None:
        """Load the record into the fields (signals from the fields are ignored meanwhile)."""
        raise NotImplementedError

    def _save(self, record_id: str) -> None:
        """Write the fields through the service (may raise ValidationError)."""
        raise NotImplementedError

    def _blank(self) -> None:
        """Empty every field."""
        raise NotImplementedError

    # -- machinery -------------------------------------------------------------------------

    def watch(self, *widgets: QObject) -> None:
        for widget in widgets:
            signal: SignalInstance | None = None
            if hasattr(widget, "edited"):  # DayField, RecordPicker: a confirmed change
                signal = widget.edited
                if hasattr(widget, "flush"):
                    self._debounced.append(widget)
            elif isinstance(widget, QLineEdit):
                signal = widget.textEdited
            elif isinstance(widget, QPlainTextEdit):
                signal = widget.textChanged
            elif isinstance(widget, QComboBox):
                signal = widget.currentIndexChanged
            elif isinstance(widget, QCheckBox):
                signal = widget.toggled
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                signal = widget.valueChanged
            if signal is None:
                raise TypeError(f"cannot watch {type(widget).__name__}")
            signal.connect(self.mark_dirty)

    def mark_dirty(self, *_args: object) -> None:
        if self._loading or self.record_id is None:
            return
        self._dirty = True
        self._timer.start()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def load(self, services: Services, record_id: str | None) -> None:
        self.flush()
        if services is not self.services:
            use_clock(self, services)
        self.services = services
        self.record_id = record_id
        self._loading = True
        try:
            if record_id is None:
                self._blank()
            else:
                self._fill(record_id)
            for field in self.findChildren(QLineEdit):
                field.setCursorPosition(0)
        except NotFound:
            self.record_id = None
            self._blank()
        finally:
            self._loading = False
        self._dirty = False
        self.setEnabled(record_id is not None)

    def flush(self) -> bool:
        """Save now if anything changed; False when the service refused the input."""
        for field in self._debounced:  # typing not yet announced counts as a change
            field.flush()  # type: ignore[attr-defined]
        self._timer.stop()
        if not self._dirty or self.record_id is None or self.services is None:
            return True
        try:
            self._save(self.record_id)
        except ValidationError as error:
            self.failed.emit(str(error))
            return False
        self._dirty = False
        self.saved.emit(self.record_id)
        return True

    def clear(self) -> None:
        """Forget the record and every character of it (used on lock)."""
        self._timer.stop()
        self._dirty = False
        self.record_id = None
        self.services = None
        self._loading = True
        try:
            self._blank()
        finally:
            self._loading = False
        self.setEnabled(False)

    def _pending(self) -> bool:
        return self._dirty or any(
            field.hasPendingEdit() for field in self._debounced if hasattr(field, "hasPendingEdit")
        )

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if (
            self._pending()
            and old is not None
            and self.isAncestorOf(old)
            and (new is None or not self.isAncestorOf(new))
        ):
            self.flush()
