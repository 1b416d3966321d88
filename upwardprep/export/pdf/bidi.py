"""Right-to-left text in the PDFs: Arabic joined, and every line drawn in visual order.

ReportLab lays text out in logical order, left to right, and draws each character's own glyph:
Arabic came out reversed and unjoined. Two steps make Arabic and Hebrew read right:

1. Before layout, Arabic letters become their contextual presentation forms (arabic-reshaper,
   harakat kept, only the obligatory lam-alef ligatures), so line widths are measured on the
   joined text. Noto Sans Arabic has glyphs for those forms.
2. When a paragraph is drawn, each of its lines (after line breaking, as UAX #9 requires) is put
   in visual order: python-bidi resolves the levels of the Unicode Bidirectional Algorithm,
   rule L2 reverses runs here and L4 mirrors brackets in right-to-left runs. Layout and page
   splits keep working on logical text; only drawing sees the visual order.

A paragraph whose first strong character is right-to-left is right-aligned (pdf/paragraph.py).
Text extractors (and screen readers) read the visual runs back in logical order, as they do for
any RTL PDF.

ReportLab's own support was not enough: its RTL mode needs `rlbidi`, which is not on PyPI, and
its uharfbuzz shaping maps joined glyphs to private-use code points, so copied or searched text
would no longer be Arabic.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import arabic_reshaper
from bidi import get_base_level
from bidi.bidi import get_display_inner
from bidi.mirror import MIRRORED

# Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, N'Ko … and their forms.
RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LEVELS = re.compile(r"\n    levels: \[\n(.*?)\n    \],\n", re.DOTALL)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


@cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    ligatures = {  # lam-alef (with madda or hamza) is obligatory; the others are a style
        name: "LAM WITH ALEF" in name and "MAKSURA" not in name
        for name in arabic_reshaper.reshaper_config.default_config
        if name.startswith("ARABIC LIGATURE")
    }
    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "support_ligatures": True, **ligatures}
    )


def join_arabic(text: str) -> str:
    """Arabic letters as their joined (contextual) forms, in logical order; other text as is."""
    if _ARABIC.search(text) is None:
        return text
    return str(_reshaper().reshape(text))


def is_rtl(text: str) -> bool:
    """Whether a paragraph starts (in its first strong character) right-to-left."""
    return RTL.search(text) is not None and get_base_level(text) == 1


def _levels(text: str, base: int) -> list[int]:
    """The embedding level of each character (UAX #9 as python-bidi resolves it)."""
    info = get_display_inner(text, "R" if base else "L", True)
    found = _LEVELS.search(info)
    per_byte = [int(level) for level in _LEVEL.findall(found.group(1))] if found else []
    levels: list[int] = []
    position = 0
    for char in text:  # python-bidi reports a level per UTF-8 byte
        levels.append(per_byte[position] if position < len(per_byte) else base)
        position += len(char.encode("utf-8"))
    # L1: whitespace at the end of the line goes back to the paragraph level.
    for index in range(len(text) - 1, -1, -1):
        if not text[index].isspace():
            break
        levels[index] = base
    return levels


def visual_order(text: str, base: int) -> list[int]:
    """Indexes of `text`'s characters in the order they are drawn, left to right (rule L2)."""
    levels = _levels(text, base)
    order = list(range(len(text)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = order[start:position][::-1]
                start = None
    return order


def visual(text: str, base: int) -> tuple[str, list[int]]:
    """`text` in drawing order, brackets mirrored in right-to-left runs, and the order used."""
    if RTL.search(text) is None and not base:
        return text, list(range(len(text)))
    order = visual_order(text, base)
    levels = _levels(text, base)
    chars = [MIRRORED.get(text[i], text[i]) if levels[i] % 2 else text[i] for i in order]
    return "".join(chars), order


def _visual_words(words: list[Any], base: int) -> list[Any]:
    """A simple line (one font): its words in drawing order."""
    text, _ = visual(" ".join(words), base)
    parts = text.split(" ")
    return parts if len(parts) == len(words) else words


def _visual_fragments(line: Any, base: int) -> Any:
    """A line of styled fragments: split and reordered so each run draws in visual order."""
    pieces: list[tuple[int, str]] = []
    kept: list[Any] = []  # anchors and other zero-width specials stay at the line's start
    for index, fragment in enumerate(line.words):
        if hasattr(fragment, "cbDefn") or not getattr(fragment, "text", ""):
            kept.append(fragment)
            continue
        pieces.extend((index, char) for char in fragment.text)
    text = "".join(char for _, char in pieces)
    if RTL.search(text) is None and not base:
        return line
    drawn, order = visual(text, base)
    words = list(kept)
    run_owner: int | None = None
    run: list[str] = []
    for position, logical in enumerate(order):
        owner = pieces[logical][0]
        if owner != run_owner and run:
            words.append(line.words[run_owner].clone(text="".join(run)))
            run = []
        run_owner = owner
        run.append(drawn[position])
    if run and run_owner is not None:
        words.append(line.words[run_owner].clone(text="".join(run)))
    copy = line.clone()
    copy.words = words
    return copy


def visual_lines(paragraph: Any, base: int) -> Any:
    copy = paragraph.clone()
    if paragraph.kind == 0:
        copy.lines = [(line[0], _visual_words(list(line[1]), base)) for line in paragraph.lines]
    else:
        copy.lines = [_visual_fragments(line, base) for line in paragraph.lines]
    return copy
