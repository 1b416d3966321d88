"""The Markdown editor: source and sealed preview, debounced signals for autosave, clear on lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QColor, QFocusEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from upwardprep.gui.widgets.markdown_editor import MarkdownEditor, SealedPreview

SAMPLE = """# Q3 review prep

Outcomes since the **last 1:1**: see [the dashboard](https://example.com/dash).

- Shipped onboarding
  - churn down 4 %

| Priority | Status |
|---|---|
| Churn | active |

> Customers notice.

```
code <kept>
```
"""


@pytest.fixture
def editor(qtbot: QtBot) -> MarkdownEditor:
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def source_of(editor: MarkdownEditor) -> QPlainTextEdit:
    return editor.findChild(QPlainTextEdit, "markdownSource")


def preview_of(editor: MarkdownEditor) -> QTextBrowser:
    return editor.findChild(QTextBrowser, "markdownPreview")


def test_set_text_round_trips_without_edited(editor: MarkdownEditor, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(editor.edited):
        editor.setText(SAMPLE)
    assert editor.text() == SAMPLE
    assert not editor.hasPendingEdit()
    assert not source_of(editor).document().isUndoAvailable()  # no undo into another note
    shown = preview_of(editor).toPlainText()
    assert "Q3 review prep" in shown and "**" not in shown  # rendered at once, no debounce
    assert "code <kept>" in shown


def test_typing_updates_the_preview_and_emits_edited_once(
    editor: MarkdownEditor, qtbot: QtBot
) -> None:
    source = source_of(editor)
    preview = preview_of(editor)
    edits = []
    editor.edited.connect(lambda: edits.append(editor.text()))
    with qtbot.waitSignal(editor.edited, timeout=3000):
        qtbot.keyClicks(source, "# Hello **world**")
        assert "Hello" not in preview.toPlainText()  # debounced, not on every key
    qtbot.waitUntil(lambda: "Hello world" in preview.toPlainText(), timeout=3000)
    assert edits == ["# Hello **world**"]  # one save for a burst of typing
    assert not editor.hasPendingEdit()


def test_tab_inserts_spaces(editor: MarkdownEditor, qtbot: QtBot) -> None:
    source = source_of(editor)
    qtbot.keyClicks(source, "- a")
    qtbot.keyClick(source, Qt.Key.Key_Return)
    qtbot.keyClick(source, Qt.Key.Key_Tab)
    qtbot.keyClicks(source, "- b")
    assert editor.text() == "- a\n    - b"


def test_flush_emits_a_pending_edit_now(editor: MarkdownEditor, qtbot: QtBot) -> None:
    qtbot.keyClicks(source_of(editor), "note")
    assert editor.hasPendingEdit()
    with qtbot.waitSignal(editor.edited, timeout=100):
        editor.flush()
    assert not editor.hasPendingEdit()


def test_leaving_the_source_emits_focus_lost(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    editor = MarkdownEditor(window)
    other = QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(other)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    source = source_of(editor)
    source.setFocus()
    qtbot.waitUntil(source.hasFocus)
    with qtbot.waitSignal(editor.focusLost, timeout=1000):
        other.setFocus()
    assert other.hasFocus()


def test_its_own_context_menu_is_not_focus_loss(editor: MarkdownEditor, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(editor.focusLost):
        source_of(editor).focusOutEvent(
            QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.PopupFocusReason)
        )


def test_the_preview_never_loads_images(editor: MarkdownEditor) -> None:
    preview = preview_of(editor)
    assert isinstance(preview, SealedPreview)
    editor.setText('![x](http://example.com/a.png)\n\n<img src="http://example.com/b.png">')
    assert "[image: x]" in preview.toPlainText()
    assert '<img src="http://example.com/b.png">' in preview.toPlainText()  # shown as text
    assert "example.com/a.png" not in preview.toHtml()
    assert preview.refused_resources == []  # nothing even asked for


def test_any_resource_request_is_refused(editor: MarkdownEditor) -> None:
    """Were an image ever to reach the preview, Qt asks our override, which returns nothing."""
    preview = preview_of(editor)
    preview.setHtml('<p><img src="http://example.com/a.png"><img src="file:///etc/hosts"></p>')
    preview.document().size()  # lay out, which is when images are asked for
    assert QUrl("http://example.com/a.png") in preview.refused_resources
    assert QUrl("file:///etc/hosts") in preview.refused_resources
    resource = QTextDocument.ResourceType.ImageResource
    assert preview.loadResource(resource, QUrl("http://example.com/a.png")) is None


def test_links_are_handed_to_the_owner(editor: MarkdownEditor, qtbot: QtBot) -> None:
    preview = preview_of(editor)
    assert not preview.openLinks() and not preview.openExternalLinks()
    with qtbot.waitSignal(editor.linkActivated, timeout=100) as blocker:
        preview.anchorClicked.emit(QUrl("https://example.com/dash"))
    assert blocker.args == [QUrl("https://example.com/dash")]
    with qtbot.assertNotEmitted(editor.linkActivated):
        preview.anchorClicked.emit(QUrl("file:///etc/passwd"))


def test_clear_leaves_no_text_anywhere(editor: MarkdownEditor, qtbot: QtBot) -> None:
    editor.setText(SAMPLE)
    qtbot.keyClicks(source_of(editor), "private words")
    editor.clear()
    assert editor.text() == ""
    assert source_of(editor).toPlainText() == ""
    assert preview_of(editor).toPlainText().strip() == ""
    assert not source_of(editor).document().isUndoAvailable()
    assert not editor.hasPendingEdit()
    assert "private" not in preview_of(editor).toHtml()


def test_the_preview_can_be_hidden_and_shown(editor: MarkdownEditor, qtbot: QtBot) -> None:
    editor.findChild(QToolButton, "previewToggle").click()
    assert not editor.isPreviewVisible() and preview_of(editor).isHidden()
    qtbot.keyClicks(source_of(editor), "# Later")
    editor.setPreviewVisible(True)
    assert editor.previewAction.isChecked()
    assert "Later" in preview_of(editor).toPlainText()  # brought up to date when shown


def test_preview_colours_follow_the_palette(editor: MarkdownEditor) -> None:
    editor.setText("text")
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e8eb"))
    editor.setPalette(dark)
    assert "#1e1f22" in preview_of(editor).toHtml()
    assert "#e6e8eb" in preview_of(editor).toHtml()


def test_accessible_names(editor: MarkdownEditor) -> None:
    assert source_of(editor).accessibleName()
    assert preview_of(editor).accessibleName()
