"""Where a PDF's text is drawn, and in which of our fonts: pypdf's visitor, read back."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from upwardprep.export.pdf.fonts import FONT_FILES, covered_codepoints


@dataclass(frozen=True)
class Run:
    page: int
    font: str  # our registered name (UPSans, UPArabic …)
    text: str
    x: float  # where the run starts, in points from the page's left edge
    y: float
    size: float

    @property
    def right(self) -> float:
        """Where the run ends (its advance widths in its font)."""
        return self.x + pdfmetrics.stringWidth(self.text.rstrip("\n"), self.font, self.size)


@cache
def postscript_names() -> dict[str, str]:
    """Our registered font for each embedded PostScript name (subset prefix stripped)."""
    names = {}
    for name in FONT_FILES:
        covered_codepoints(name)  # registers the font's family
        names[pdfmetrics.getFont(name).face.name.decode()] = name
    return names


def runs(reader: PdfReader) -> list[Run]:
    found: list[Run] = []
    names = postscript_names()
    for number, page in enumerate(reader.pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, number: int = number) -> None:
            if not text.strip() or font is None:
                return
            base = str(font["/BaseFont"]).split("+", 1)[-1]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(number, names.get(base, base), text, x, y, float(size) * tm[0]))

        page.extract_text(visitor_text=visit)
    return found
