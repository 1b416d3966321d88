"""The fonts of every PDF: which files, registered once, and which font sets which character.

The DejaVu Sans family shipped in resources/fonts/ (embedded as subsets) covers Latin with
accents, Greek, Cyrillic, Hebrew, Arabic, Armenian, Georgian, many symbols and some emoji.
Chinese and Japanese characters, which DejaVu lacks, come from Droid Sans Fallback (4 MB,
shipped because names and notes in those scripts are common); Korean Hangul and most
colour-emoji code points have no glyph in either and print as the font's empty box.
"""

from __future__ import annotations

import re
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from upwardprep.assets import resource

SANS = "UPSans"
SANS_BOLD = "UPSans-Bold"
SANS_ITALIC = "UPSans-Italic"
SANS_BOLD_ITALIC = "UPSans-BoldItalic"
MONO = "UPMono"
FALLBACK = "UPFallback"  # CJK, for the characters DejaVu lacks

FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}


@cache
def register_fonts() -> None:
    """Register the shipped TTFs with ReportLab once per process (subset-embedded on use)."""
    for name, filename in FONT_FILES.items():
        if name != FALLBACK:
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
    )
    # No bold or italic monospace is shipped: code keeps one face whatever surrounds it.
    _single_face_family(MONO)


@cache
def register_fallback() -> None:
    """The CJK fallback, read only when a text needs it (4 MB: 0.15 s to parse)."""
    pdfmetrics.registerFont(TTFont(FALLBACK, str(resource("fonts", FONT_FILES[FALLBACK]))))
    _single_face_family(FALLBACK)


def _single_face_family(name: str) -> None:
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


@cache
def covered_codepoints(font: str = SANS) -> frozenset[int]:
    """The code points the font has a glyph for (from its cmap)."""
    register_fonts()
    if font == FALLBACK:
        register_fallback()
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


# Where DejaVu Sans has gaps the fallback font fills: CJK punctuation, kana, ideographs, forms.
_FALLBACK_CANDIDATES = re.compile(
    "[\u2e80-\u2fff\u3000-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002ffff]+"
)
_BEYOND_LATIN = re.compile("[^\x00-\u024f]+")  # DejaVu Sans Mono's gaps all lie beyond


def escape(text: str, font: str = SANS) -> str:
    """Plain text as ReportLab paragraph markup set in `font`; characters it has no glyph for
    are set in DejaVu Sans, or else in the CJK fallback, run by run."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    candidates = _FALLBACK_CANDIDATES if font == SANS else _BEYOND_LATIN
    if candidates.search(text) is None:
        return text
    return candidates.sub(lambda match: _font_runs(match.group(0), font), text)


def _font_runs(text: str, font: str) -> str:
    own, sans, fallback = (covered_codepoints(name) for name in (font, SANS, FALLBACK))
    out: list[str] = []
    current: str | None = None  # the font of the open <font> tag, None outside one
    for char in text:
        code = ord(char)
        if code in own:
            wanted = None
        elif code in sans:
            wanted = SANS
        elif code in fallback:
            wanted = FALLBACK
        else:
            wanted = None  # no font has it: leave it to the paragraph's own font
        if wanted != current:
            if current is not None:
                out.append("</font>")
            if wanted is not None:
                out.append(f'<font face="{wanted}">')
            current = wanted
        out.append(char)
    if current is not None:
        out.append("</font>")
    return "".join(out)
