"""The one Paragraph class of the documents: ReportLab's, with two things added at drawing time.

- Right-to-left text: each line is drawn in visual order and a paragraph that starts
  right-to-left is right-aligned (export.pdf.bidi says how). Layout and page splits work on the
  logical text, so they are ReportLab's own.
- A word cut at a line's end because it is longer than the column (an address in a table cell)
  gets a small grey ↪ before its continuation, in the padding left of the text.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

from bidi import get_base_level
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as _ReportLabParagraph

from upwardprep.export.pdf.bidi import RTL, visual_lines
from upwardprep.export.pdf.fonts import SYMBOLS

CHUNK_CHARS = 4000  # a longer paragraph is laid out in pieces of about this much markup
CONTINUATION = "↪"  # drawn before the rest of a word cut at a line's end
CONTINUATION_FONT = SYMBOLS  # DejaVu Sans, registered with the text faces
CONTINUATION_COLOUR = HexColor("#8a929c")
# A code block is laid out in pieces of this many lines (one paragraph per block would take
# time quadratic in its length, as a long paragraph does: see sentence_chunks).
PIECE_LINES = 60
_WORD = re.compile(r"\S+")
_TAG_OR_TEXT = re.compile(r"<[^>]*>|[^<]+")
_SENTENCE_END = re.compile(r"[.!?…][)\]»”’\"']*\s+")
_SPACE = re.compile(r"\s+")


class Paragraph(_ReportLabParagraph):
    """ReportLab's Paragraph, drawing right-to-left lines in visual order and marking cut words."""

    style: Any
    blPara: Any

    def __init__(self, text: str, style: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        plain = "".join(getattr(fragment, "text", "") for fragment in self.frags or ())
        self._bidi = RTL.search(plain) is not None
        self._base = 1 if self._bidi and get_base_level(plain) == 1 else 0
        if self._base and self.style.alignment == TA_LEFT:
            self.style = ParagraphStyle(f"{self.style.name}_rtl", self.style, alignment=TA_RIGHT)

    @property
    def right_to_left(self) -> bool:
        """Whether the paragraph runs right to left (its first strong character says so)."""
        return bool(self._base)

    def drawPara(self, debug: int = 0) -> None:
        if not self._bidi:
            super().drawPara(debug)
        else:
            logical = self.blPara
            self.blPara = visual_lines(logical, self._base)
            try:
                super().drawPara(debug)
            finally:
                self.blPara = logical
        self._mark_continuations()

    def _mark_continuations(self) -> None:
        """A small ↪ before each line that goes on with a word cut at the end of the line
        above (a long address or word in a narrow column), in the space left of the text."""
        if len(self.blPara.lines) < 2:
            return  # one line: nothing continues
        text = self.getPlainText()
        longest = max(_WORD.findall(text), key=len, default="")
        style = self.style
        if stringWidth(longest, style.fontName, style.fontSize) <= self.width * 0.9:
            return  # no word is long enough to have been cut
        cut = _cut_lines(text, self.blPara)
        if not any(cut):
            return
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(CONTINUATION_FONT, style.fontSize * 0.8)
        canvas.setFillColor(CONTINUATION_COLOUR)
        baseline = self.height - style.fontSize
        for index in range(1, len(cut)):
            if cut[index - 1]:
                y = baseline - index * style.leading
                canvas.drawRightString(style.leftIndent - 1.5, y, CONTINUATION)
        canvas.restoreState()


def _cut_lines(text: str, paragraph: Any) -> list[bool]:
    """For each laid-out line, whether it ends inside a word (no space follows in the text)."""
    words = _WORD.findall(text)
    if not words or not paragraph.lines:
        return []
    ends = set(accumulate(len(word) for word in words))  # word ends, in non-space characters
    total = sum(len(word) for word in words)
    cut, seen = [], 0
    for line in paragraph.lines:
        if paragraph.kind == 0:
            shown = "".join(line[1])
        else:
            shown = "".join(getattr(f, "text", "") or "" for f in line.words)
        seen += len(shown) - sum(1 for char in shown if char.isspace())
        cut.append(0 < seen < total and seen not in ends)
    return cut


def sentence_chunks(markup: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Paragraph markup cut, past every `limit` characters, after the next sentence that ends
    outside any inline tag (or, with no sentence end in sight, at the next space).

    ReportLab breaks a paragraph's lines again from its first remaining word on every page it
    reaches (with a list.pop(0) per word), so one paragraph of thousands of words costs time
    quadratic in its length; pieces of a page or so keep it linear. Each piece starts a new line,
    at a sentence's start: in a paragraph that long it reads as a line break.
    """
    if len(markup) <= limit:
        return [markup]
    chunks: list[str] = []
    start = depth = 0
    for token in _TAG_OR_TEXT.finditer(markup):
        text = token.group()
        if text.startswith("<"):
            depth += -1 if text.startswith("</") else 0 if text.endswith("/>") else 1
            continue
        while not depth and token.end() - start > limit:
            offset = max(0, start + limit - token.start())
            found = _SENTENCE_END.search(text, offset)
            if found is None or found.end() > offset + 2 * limit:
                found = _SPACE.search(text, offset)
            if found is None or token.start() + found.end() >= len(markup):
                break
            cut = token.start() + found.end()
            chunks.append(markup[start:cut].rstrip())
            start = cut
    chunks.append(markup[start:])
    return chunks
