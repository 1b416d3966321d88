"""The search palette (Ctrl+K): a frameless popup near the top centre, like a command palette.
Type, move with the arrows, Enter opens the record (or runs the command), Escape closes.

Opened empty it offers what was worked on last and the main commands; ">" lists every command
by its words, with its keys. A result's right-button menu is the record's own menu (the
window's row menus fill it: Open, Confirm, Mark Done, Link to Priority, Copy as Markdown…)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.models.base import AnyIndex, IdRole
from upwardprep.gui.models.search import (
    EntityRole,
    MetaRole,
    PaletteCommand,
    SearchResultsModel,
    SnippetRole,
    TargetRole,
)
from upwardprep.services import Services

QUERY_DEBOUNCE_MS = 120
#: Fills a record's menu: (kind, id, its meeting's id or None, the menu).
MenuFiller = Callable[[str, str, "str | None", QMenu], None]


def _wrap_width(option: QStyleOptionViewItem) -> int:
    """The width a hit's text wraps at: the list's, the same when measuring and painting (a
    row measured at one width and painted at another overlapped the next one)."""
    view = option.widget
    if isinstance(view, QAbstractItemView) and view.viewport().width() > 0:
        return view.viewport().width()
    return option.rect.width() or 520


class HitDelegate(QStyledItemDelegate):
    """Two lines per hit: the title (with its kind) and the snippet with matches in bold."""

    def _document(self, index: AnyIndex, option: QStyleOptionViewItem) -> QTextDocument:
        title = escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        kind = escape(str(index.data(MetaRole) or ""))
        snippet = str(index.data(SnippetRole) or "")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else option.palette.color(QPalette.ColorRole.PlaceholderText)
        doc = QTextDocument()
        doc.setDocumentMargin(6)
        doc.setDefaultFont(option.font)
        doc.setHtml(
            f"<div style='color: {text.name()}'><b>{title}</b> "
            f"<span style='color: {muted.name()}'>· {kind}</span></div>"
            f"<div style='color: {muted.name()}'>{snippet}</div>"
        )
        doc.setTextWidth(_wrap_width(option))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option_text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = option_text
        doc = self._document(index, option)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRect(QPoint(0, 0), option.rect.size()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        doc = self._document(index, option)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchPalette(QFrame):
    chosen = Signal(str, str)  # entity, id
    command = Signal(str)  # a command's name (gui/commands.py)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("searchPalette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model: SearchResultsModel | None = None
        self.fill_menu: MenuFiller | None = None
        self.last_menu: QMenu | None = None
        self.commands: list[PaletteCommand] = []
        self.main_commands: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.edit = QLineEdit()
        self.edit.setObjectName("paletteEdit")
        self.edit.setPlaceholderText(
            "Search notes, people, priorities, meetings, action items… (> for commands)"
        )
        self.edit.setAccessibleName("Search everything")
        self.edit.setClearButtonEnabled(True)
        self.results = QListView()
        self.results.setObjectName("paletteResults")
        self.results.setAccessibleName("Search results")
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again when resized
        self.results.setWordWrap(True)
        self.hint = QLabel("↑↓ to move · Enter to open · > for commands · Esc to close")
        self.hint.setObjectName("paletteHint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(QUERY_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._query)
        self.edit.textChanged.connect(self._debounce.start)
        self.edit.installEventFilter(self)
        self.results.activated.connect(self._open)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._menu)

    def bind(self, services: Services | None) -> None:
        if self.model is not None:
            self.model.clear()
        self.model = SearchResultsModel(services) if services is not None else None
        self.results.setModel(self.model)

    def set_commands(self, commands: list[PaletteCommand], main: list[str]) -> None:
        """Every command the palette can run (">"), and the few it offers when empty."""
        self.commands = commands
        self.main_commands = main

    def popup(self) -> None:
        parent = self.parentWidget()
        if parent is None:  # always made with the window as parent
            return
        width = min(640, max(420, parent.width() - 80))
        height = min(460, max(240, parent.height() - 160))
        top_centre = parent.mapToGlobal(QPoint(parent.width() // 2, 56))
        self.setGeometry(top_centre.x() - width // 2, top_centre.y(), width, height)
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()
        self.edit.selectAll()
        self.run_query_now()

    def run_query_now(self) -> None:
        """Skip the typing debounce (tests, Enter pressed before results arrived)."""
        self._debounce.stop()
        self._query()

    def _query(self) -> None:
        if self.model is None:
            return
        self.model.set_palette(self.edit.text(), self.commands, self.main_commands)
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entity, record_id = index.data(TargetRole)
        self.hide()
        if entity == "command":
            self.command.emit(record_id)
        else:
            self.chosen.emit(entity, record_id)

    def _menu(self, pos: QPoint) -> None:
        """The result's menu over the palette; choosing from it closes the palette."""
        index = self.results.indexAt(pos)
        if not index.isValid():
            return
        self.results.setCurrentIndex(index)
        entity, (target, target_id) = index.data(EntityRole), index.data(TargetRole)
        menu = QMenu(self)
        if entity == "action" and self.fill_menu is not None:
            meeting = target_id if target == "meeting" else None
            self.fill_menu("action", str(index.data(IdRole)), meeting, menu)
        elif target != "command" and self.fill_menu is not None:
            self.fill_menu(target, target_id, None, menu)  # an agenda item: its meeting
        else:
            run = menu.addAction("&Run Command" if target == "command" else "&Open")
            run.triggered.connect(lambda: self._open(self.results.currentIndex()))
        menu.triggered.connect(lambda _action: self.hide())
        if self.last_menu is not None:
            self.last_menu.deleteLater()
        self.last_menu = menu
        menu.popup(self.results.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and (event.type() == QEvent.Type.KeyPress)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.results.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self.run_query_now()
                self._open(self.results.currentIndex())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QEvent) -> None:
        # Snippets are note text: do not keep them around in a hidden popup.
        self.edit.clear()
        if self.model is not None:
            self.model.clear()
        super().hideEvent(event)  # type: ignore[arg-type]
