"""The fonts of every PDF: which files, registered once, and which font sets which character.

Text is set in Noto Sans (Regular, Italic, SemiBold, SemiBoldItalic: headings and bold are a real
semibold), code in Noto Sans Mono. A character the face lacks is set in the first fallback that
has it: Noto Sans Arabic, Noto Sans Hebrew, DejaVu Sans (symbols, arrows, shapes, other scripts),
UpwardPrep Hangul (cut from NanumGothic), Droid Sans Fallback (Chinese, Japanese) and Noto Emoji
(monochrome; first for the emoji planes, where DejaVu's few smileys would look out of place).
All ship in resources/fonts/ with their licences and are embedded as subsets. The fallbacks are
read only when a text needs them (the CJK font alone is 4 MB, 0.15 s to parse).

`escape` turns plain text into paragraph markup: invisible format characters that no font draws
go, Arabic is joined (export.pdf.bidi), and runs of characters the paragraph's font lacks are
wrapped in `<font face=…>` for the fallback that has them.
"""

from __future__ import annotations

import re
from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from upwardprep.assets import resource
from upwardprep.export.pdf.bidi import join_arabic

SANS = "UPSans"
SANS_BOLD = "UPSans-SemiBold"
SANS_ITALIC = "UPSans-Italic"
SANS_BOLD_ITALIC = "UPSans-SemiBoldItalic"
MONO = "UPMono"
ARABIC = "UPArabic"
ARABIC_BOLD = "UPArabic-SemiBold"
HEBREW = "UPHebrew"
HEBREW_BOLD = "UPHebrew-SemiBold"
SYMBOLS = "UPSymbols"
HANGUL = "UPHangul"
CJK = "UPCJK"
EMOJI = "UPEmoji"

FONT_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-SemiBold.ttf",
    SANS_ITALIC: "NotoSans-Italic.ttf",
    SANS_BOLD_ITALIC: "NotoSans-SemiBoldItalic.ttf",
    MONO: "NotoSansMono-Regular.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-SemiBold.ttf",
    HEBREW: "NotoSansHebrew-Regular.ttf",
    HEBREW_BOLD: "NotoSansHebrew-SemiBold.ttf",
    SYMBOLS: "DejaVuSans.ttf",
    HANGUL: "UpwardPrepHangul-Regular.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    EMOJI: "NotoEmoji-Regular.ttf",
}
# Each family's faces: normal, bold, italic, bold italic (a fallback without them repeats one).
FAMILIES = {
    SANS: (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC),
    MONO: (MONO,) * 4,  # code keeps one face whatever surrounds it
    ARABIC: (ARABIC, ARABIC_BOLD, ARABIC, ARABIC_BOLD),
    HEBREW: (HEBREW, HEBREW_BOLD, HEBREW, HEBREW_BOLD),
    SYMBOLS: (SYMBOLS,) * 4,
    HANGUL: (HANGUL,) * 4,
    CJK: (CJK,) * 4,
    EMOJI: (EMOJI,) * 4,
}

Ranges = tuple[tuple[int, int], ...]
_ARABIC_RANGES: Ranges = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF))
_ARABIC_RANGES += ((0xFE70, 0xFEFF),)
# Fallbacks in the order they are asked, each with the ranges it may cover (None: anything).
FALLBACKS: tuple[tuple[str, Ranges | None], ...] = (
    (ARABIC, _ARABIC_RANGES),
    (HEBREW, ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    (SYMBOLS, None),
    (HANGUL, ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))),
    (CJK, ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))),
    (EMOJI, None),
)
_EMOJI_PLANES = 0x1F000  # from here on, Noto Emoji is asked before DejaVu

# Format characters that only steer layout (variation selectors, joiners, bidi controls): no
# font draws them, and by the time text is set they have done their work.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f\ufeff]")
_RUNS_KEEP_ASCII = frozenset({ARABIC, HEBREW})
_PLAIN = re.compile("[\x00-\x7f]*")  # text Noto Sans and Noto Sans Mono set alone


@cache
def register_fonts() -> None:
    """Register the text faces with ReportLab once per process (subset-embedded on use)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for family in (SANS, MONO, SYMBOLS):  # DejaVu draws the continuation marks
        _register(family)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as the UTF-16 pair the
    PDF format requires (ReportLab writes five hex digits, so viewers lose emoji on copy)."""
    text = _reportlab_to_unicode_cmap(fontname, subset)
    if all(code <= 0xFFFF for code in subset):
        return text
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            text = text.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{pair}>", 1)
    return text


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


@cache
def _register(family: str) -> None:
    for name in dict.fromkeys(FAMILIES[family]):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", FONT_FILES[name]))))
    normal, bold, italic, bold_italic = FAMILIES[family]
    pdfmetrics.registerFontFamily(
        family, normal=normal, bold=bold, italic=italic, boldItalic=bold_italic
    )


def register_fallback(family: str = CJK) -> None:
    """A fallback family, read the first time a text needs it."""
    _register(family)


@cache
def covered_codepoints(font: str = SANS) -> frozenset[int]:
    """The code points the font has a glyph for (from its cmap)."""
    register_fonts()
    family = next(name for name, faces in FAMILIES.items() if font in faces)
    _register(family)
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph)


def _in(code: int, ranges: Ranges | None) -> bool:
    return ranges is None or any(low <= code <= high for low, high in ranges)


@cache
def fallback_for(code: int) -> str | None:
    """The fallback family that sets this character, or None when no shipped font has it."""
    order = FALLBACKS
    if code >= _EMOJI_PLANES:
        order = tuple(sorted(FALLBACKS, key=lambda item: item[0] != EMOJI))
    for family, ranges in order:
        if _in(code, ranges) and code in covered_codepoints(family):
            return family
    return None


def font_for(code: int, font: str = SANS) -> str | None:
    """The font that sets `code` in a paragraph set in `font`: None for the font itself (or for
    a character no font has, which the font's empty box then stands for)."""
    if code in covered_codepoints(font):
        return None
    if font != SANS and code in covered_codepoints(SANS):
        return SANS
    return fallback_for(code)


def font_with(text: str, font: str = SANS) -> str:
    """`font` if it sets every character of a short label (a bullet), else the fallback that
    sets its first character, registered for use outside paragraph markup."""
    for char in text:
        other = font_for(ord(char), font)
        if other is not None:
            register_fallback(other)
            return FAMILIES[other][0]
    return font


def escape(text: str, font: str = SANS) -> str:
    """Plain text as ReportLab paragraph markup set in `font` (see the module docstring)."""
    if _PLAIN.fullmatch(text):
        return _xml(text)
    return _font_runs(join_arabic(_INVISIBLE.sub("", text)), font)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _font_runs(text: str, font: str) -> str:
    out: list[str] = []
    current: str | None = None  # the family of the open <font> tag, None outside one
    own = covered_codepoints(font)
    sans = covered_codepoints(SANS)
    for char in text:
        code = ord(char)
        if code < 0x80 and current in _RUNS_KEEP_ASCII and code in covered_codepoints(current):
            wanted: str | None = current  # an RTL run keeps its spaces: fewer pieces to reorder
        elif code in own:
            wanted = None
        elif font != SANS and code in sans:
            wanted = SANS
        else:
            wanted = fallback_for(code)
        if wanted != current:
            if current is not None:
                out.append("</font>")
            if wanted is not None:
                register_fallback(wanted)
                out.append(f'<font face="{wanted}">')
            current = wanted
        out.append(_xml(char) if char in "&<>" else char)
    if current is not None:
        out.append("</font>")
    return "".join(out)
