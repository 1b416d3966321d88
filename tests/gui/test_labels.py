"""The Dashboard's cheap labels: a plain-text link that looks and clicks like the rich-text
`<a href>` label it replaced, and a wrapped label whose remembered heights follow its text
and font."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from upwardprep.gui.widgets.labels import LinkLabel, WrappedLabel

TITLE = "Move every production service onto the Atlas platform"


def _rich(text: str) -> QLabel:
    label = QLabel(f"<a href='#'>{text}</a>")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


def test_the_link_looks_like_a_rich_text_link(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    rich, plain = _rich(TITLE), LinkLabel(TITLE)
    for label in (rich, plain):
        layout.addWidget(label)
    page.resize(190, 200)  # narrow: the title wraps
    page.show()
    qtbot.waitExposed(page)
    assert plain.size() == rich.size() and plain.height() > plain.fontMetrics().height()
    assert plain.grab().toImage() == rich.grab().toImage()
    # no keyboard focus, like the rich-text link
    assert plain.focusPolicy() == rich.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_link_opens_on_a_click_on_its_words_only(qtbot: QtBot) -> None:
    label = LinkLabel("Short title")
    qtbot.addWidget(label)
    label.resize(400, label.sizeHint().height())
    label.show()
    qtbot.waitExposed(label)
    word = label.text_rects()[0].center().toPoint()
    blank = QPoint(390, word.y())  # right of the words, as a rich-text link ignores it
    clicks: list[bool] = []
    label.activated.connect(lambda: clicks.append(True))
    qtbot.mouseClick(label, Qt.MouseButton.RightButton, pos=word)
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=blank)
    assert clicks == []
    qtbot.mouseMove(label, blank)
    assert label.cursor().shape() == Qt.CursorShape.ArrowCursor
    qtbot.mouseMove(label, word)
    assert label.cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=word)
    assert clicks == [True]


def test_a_wrapped_label_forgets_its_heights_when_text_or_font_change(qtbot: QtBot) -> None:
    label = WrappedLabel("word " * 40)
    qtbot.addWidget(label)
    first = label.heightForWidth(120)
    assert first == QLabel.heightForWidth(label, 120)  # what QLabel itself answers
    label.setText("word")
    assert label.heightForWidth(120) < first
    label.setText("word " * 40)
    bigger = QFont(label.font())
    bigger.setPointSizeF(label.font().pointSizeF() * 2)
    label.setFont(bigger)
    assert label.heightForWidth(120) == QLabel.heightForWidth(label, 120) > first
