"""A Markdown source pane beside a live preview, for note bodies.

The preview shows `upwardprep.export.markdown_html.document_html`, the same tree the PDF walker
renders, so what the user sees is what gets printed. It never loads anything: images are
already text in that tree, and `loadResource` refuses every request (network or disk) in case
anything else ever asks. Links are not followed: `linkActivated` hands them to the owner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from upwardprep.export.markdown import SAFE_SCHEMES
from upwardprep.export.markdown_html import DARK, PreviewColors, document_html, stylesheet

PREVIEW_DELAY_MS = 250
EDIT_DELAY_MS = 600
TAB_WIDTH = 4


class MarkdownSource(QPlainTextEdit):
    """The source pane: Tab indents with spaces, and leaving it is announced (to flush saves)."""

    focusLost = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        no_modifiers = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() == Qt.Key.Key_Tab and no_modifiers and not self.isReadOnly():
            cursor = self.textCursor()
            column = cursor.positionInBlock() if not cursor.hasSelection() else 0
            cursor.insertText(" " * (TAB_WIDTH - column % TAB_WIDTH))
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # its own context menu
            self.focusLost.emit()


class SealedPreview(QTextBrowser):
    """A QTextBrowser that loads nothing from anywhere and follows no link by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.refused_resources: list[QUrl] = []  # what was asked for and refused (for tests)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        self.refused_resources.append(QUrl(name))
        return None  # an invalid QVariant: no image, no stylesheet, no file


class MarkdownEditor(QWidget):
    """Markdown source and preview side by side; the owner saves on `edited` and `focusLost`.

    `setText` loads a note without emitting `edited` and drops an edit still waiting for its
    debounce: owners call `flush()` before loading another note (leaving the source pane,
    which any click on a note list does, emits `focusLost` for the same purpose).
    """

    edited = Signal()
    focusLost = Signal()
    linkActivated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markdownEditor")
        self._loading = False
        self._rendered: tuple[str, str] | None = None  # (text, css) shown in the preview
        self._css = ""

        self._source = MarkdownSource(self)
        self._source.setObjectName("markdownSource")
        self._source.setAccessibleName("Note text (Markdown)")
        self._source.setPlaceholderText(
            "Write in Markdown: # heading, - list, **bold**, [link](https://…)"
        )
        self._source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._source.document().setDocumentMargin(8)
        self._apply_source_font()

        self._preview = SealedPreview(self)
        self._preview.setObjectName("markdownPreview")
        self._preview.setAccessibleName("Preview")
        self._preview.document().setDocumentMargin(10)
        self._preview.document().setIndentWidth(24)  # list nesting; Qt's 40 px is too loose

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("markdownSplitter")
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(self._source)
        self._splitter.addWidget(self._preview)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 1)

        self.previewAction = QAction("Preview", self)
        self.previewAction.setObjectName("previewAction")
        self.previewAction.setCheckable(True)
        self.previewAction.setChecked(True)
        self.previewAction.setShortcut(QKeySequence("Ctrl+E"))
        self.previewAction.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.previewAction.setToolTip("Show or hide the preview (Ctrl+E)")
        self.previewAction.toggled.connect(self.setPreviewVisible)
        self.addAction(self.previewAction)
        toggle = QToolButton(self)
        toggle.setObjectName("previewToggle")
        toggle.setDefaultAction(self.previewAction)
        toggle.setAutoRaise(True)
        toggle.setAccessibleName("Show preview")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self._splitter, 1)
        self.setFocusProxy(self._source)
        QWidget.setTabOrder(self._source, self._preview)
        QWidget.setTabOrder(self._preview, toggle)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._render_preview)
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(EDIT_DELAY_MS)
        self._edit_timer.timeout.connect(self.edited)

        self._source.textChanged.connect(self._on_text_changed)
        self._source.focusLost.connect(self.focusLost)
        self._preview.anchorClicked.connect(self._on_anchor)
        self._update_css()

    # --- API --------------------------------------------------------------------------------

    def text(self) -> str:
        return self._source.toPlainText()

    def setText(self, text: str) -> None:
        """Load a note: no `edited`, an empty undo history, the preview at once."""
        self._edit_timer.stop()
        self._loading = True
        try:
            self._source.setPlainText(text)  # also clears the undo history
        finally:
            self._loading = False
        self._source.moveCursor(QTextCursor.MoveOperation.Start)
        self._render_preview()

    def clear(self) -> None:
        """Empty both panes and every pending timer (on lock: no note text may remain)."""
        self._edit_timer.stop()
        self._preview_timer.stop()
        self._loading = True
        try:
            self._source.clear()  # clears the undo/redo history too
        finally:
            self._loading = False
        self._preview.clear()
        self._preview.clearHistory()
        self._preview.refused_resources.clear()
        self._rendered = None

    def hasPendingEdit(self) -> bool:
        return self._edit_timer.isActive()

    def flush(self) -> None:
        """Emit a pending `edited` now rather than after its debounce (before lock, close, …)."""
        if self._edit_timer.isActive():
            self._edit_timer.stop()
            self.edited.emit()

    def isPreviewVisible(self) -> bool:
        return not self._preview.isHidden()

    def setPreviewVisible(self, visible: bool) -> None:
        self._preview.setHidden(not visible)
        if self.previewAction.isChecked() != visible:
            self.previewAction.setChecked(visible)
        if visible:
            self._render_preview()

    def sourceWidget(self) -> MarkdownSource:
        return self._source

    def previewWidget(self) -> SealedPreview:
        return self._preview

    # --- internals ----------------------------------------------------------------------------

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._edit_timer.start()
        if self.isPreviewVisible():
            self._preview_timer.start()

    def _render_preview(self) -> None:
        self._preview_timer.stop()
        if not self.isPreviewVisible():
            return
        wanted = (self.text(), self._css)
        if wanted == self._rendered:
            return
        bar = self._preview.verticalScrollBar()
        position, at_end = bar.value(), bar.value() >= bar.maximum() > 0
        # Nothing to show needs no parse (and no Markdown parser built while the window starts)
        self._preview.setHtml(document_html(wanted[0], wanted[1]) if wanted[0].strip() else "")
        bar.setValue(bar.maximum() if at_end else position)
        self._rendered = wanted

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_SCHEMES:
            self.linkActivated.emit(QUrl(url))

    def _apply_source_font(self) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        size = self.font().pointSizeF()
        if size > 0:
            font.setPointSizeF(size)
        self._source.setFont(font)
        self._source.setTabStopDistance(
            TAB_WIDTH * self._source.fontMetrics().horizontalAdvance(" ")
        )

    def _update_css(self) -> None:
        self._css = stylesheet(preview_colors(self.palette()))
        self._render_preview()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not hasattr(self, "_preview_timer"):  # still in __init__
            return
        if event.type() == QEvent.Type.PaletteChange:
            self._update_css()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_source_font()


def preview_colors(palette: QPalette) -> PreviewColors:
    """The preview's colours from a palette, light or dark: greys mixed from text and base."""
    group = QPalette.ColorGroup.Active
    text = palette.color(group, QPalette.ColorRole.Text)
    base = palette.color(group, QPalette.ColorRole.Base)
    link = palette.color(group, QPalette.ColorRole.Link)
    dark = base.lightness() < 128
    if dark and link.lightness() < 140:  # Qt's default link blue is unreadable on dark
        link = QColor(DARK.link)
    return PreviewColors(
        text=text.name(),
        background=base.name(),
        muted=_mix(text, base, 0.35),
        link=link.name(),
        code_background=_mix(base, text, 0.10 if dark else 0.06),
        rule=_mix(base, text, 0.22),
        quote_rule=_mix(base, text, 0.40),
    )


def _mix(colour: QColor, other: QColor, amount: float) -> str:
    """`colour` moved `amount` of the way towards `other`, as #rrggbb."""
    mixed = QColor(
        round(colour.red() + (other.red() - colour.red()) * amount),
        round(colour.green() + (other.green() - colour.green()) * amount),
        round(colour.blue() + (other.blue() - colour.blue()) * amount),
    )
    return mixed.name()
