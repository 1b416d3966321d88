"""The one Paragraph class of the documents: ReportLab's, with two things added at drawing time.

- Right-to-left text: each line is drawn in visual order and a paragraph that starts
  right-to-left is right-aligned (export.pdf.bidi says how). Layout and page splits work on the
  logical text, so they are ReportLab's own.
- A word cut at a line's end because it is longer than the column (an address in a table cell)
  gets a small grey ↪ before its continuation, in the padding left of the text.
"""

from __future__ import annotations

import re
from itertools import accumulate, islice
from typing import Any

from bidi import get_base_level
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as _ReportLabParagraph

from upwardprep.export.pdf.bidi import RTL, visual_lines
from upwardprep.export.pdf.fonts import SYMBOLS

CONTINUATION = "↪"  # drawn before the rest of a word cut at a line's end
CONTINUATION_FONT = SYMBOLS  # DejaVu Sans, registered with the text faces
CONTINUATION_COLOUR = HexColor("#8a929c")
# ReportLab breaks a paragraph into lines in time quadratic in its words (and breaks the rest
# again on every page it runs over), so a long paragraph is set as pieces of at most this many
# words (about a page), one after the other with no space between: a 1,000,000-character note
# takes seconds, not minutes.
PIECE_WORDS = 600
PIECE_CHARS = 6000
PIECE_LINES = 60  # a code block, in pieces of this many lines
_BREAK = re.compile(r" +")
_WORD = re.compile(r"\S+")


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


def in_pieces(paragraph: Paragraph, limit: int = PIECE_WORDS) -> list[Paragraph]:
    """`paragraph` as consecutive paragraphs of at most `limit` words (and PIECE_CHARS
    characters) each, or as itself when it is not that long. A piece ends after a sentence
    where one ends in its last quarter, else between words (inside a word only when a word is
    longer than a piece)."""
    frags = list(paragraph.frags or ())
    if sum(len(getattr(f, "text", "") or "") for f in frags) <= min(limit * 2, PIECE_CHARS):
        return [paragraph]  # too short to reach either limit
    chunks: list[list[Any]] = []
    current: list[Any] = []
    words = chars = 0
    for frag in frags:
        text = getattr(frag, "text", None)
        if not isinstance(text, str) or getattr(frag, "cbDefn", None) is not None:
            current.append(frag)
            continue
        start = 0
        while True:
            cut = _cut(text, start, limit - words, PIECE_CHARS - chars)
            if cut is None:
                rest = text[start:]
                if rest:
                    current.append(frag if start == 0 else frag.clone(text=rest))
                    words += len(_BREAK.findall(rest)) + 1
                    chars += len(rest)
                break
            if cut > start:
                current.append(frag.clone(text=text[start:cut]))
            chunks.append(current)
            current, words, chars = [], 0, 0
            match = _BREAK.match(text, cut)
            start = match.end() if match else cut
    if current:
        chunks.append(current)
    chunks = [chunk for chunk in chunks if chunk]
    if len(chunks) < 2:
        return [paragraph]
    style = paragraph.style
    first = ParagraphStyle(f"{style.name}_first", style, spaceAfter=0)
    middle = ParagraphStyle(f"{style.name}_cont", style, spaceBefore=0, spaceAfter=0)
    middle.firstLineIndent = 0
    last = ParagraphStyle(f"{style.name}_last", style, spaceBefore=0)
    last.firstLineIndent = 0
    pieces = [Paragraph("", first, bulletText=paragraph.bulletText, frags=chunks[0])]
    pieces += [Paragraph("", middle, frags=chunk) for chunk in chunks[1:-1]]
    pieces.append(Paragraph("", last, frags=chunks[-1]))
    return pieces


def _cut(text: str, start: int, words: int, chars: int) -> int | None:
    """Where a piece with room for `words` more words and `chars` more characters ends in
    `text` (read from `start`); None when the rest of the text fits."""
    if words <= 0 or chars <= 0:
        return start
    end = start + chars
    breaks = [m.start() for m in islice(_BREAK.finditer(text, start, end), words)]
    if len(breaks) < words and len(text) <= end:
        return None
    if not breaks:
        return end  # one word longer than a piece: cut inside it
    last = breaks[-1]
    quarter = breaks[max(0, len(breaks) * 3 // 4 - 1)]
    sentence = text.rfind(". ", quarter, last + 1)
    return sentence + 1 if sentence >= 0 else last
