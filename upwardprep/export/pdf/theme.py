"""The one look of every PDF: fonts, type scale, colours, spacing and page geometry (UI.md).

Body 10 pt on 14 pt leading, headings 16/13/11 pt in the bold face, one deep-blue accent, greys
for metadata, margins of 18 mm. The fonts are the DejaVu Sans family shipped in resources/fonts/
(embedded as subsets): Latin with accents, Greek, Cyrillic, Hebrew, Arabic, Armenian, Georgian,
many symbols and some emoji. Chinese and Japanese characters, which DejaVu lacks, come from Droid
Sans Fallback (4 MB, shipped because names and notes in those scripts are common); Korean Hangul
and most colour-emoji code points have no glyph in either and print as the font's empty box.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from upwardprep.assets import resource

PAPER_SIZES = {"A4": A4, "Letter": LETTER}

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
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph)


class Palette:
    """The document colours: one deep-blue accent, greys, and the status colours of UI.md."""

    accent = colors.HexColor("#1d3f8f")
    text = colors.HexColor("#111418")
    muted = colors.HexColor("#5b6470")
    faint = colors.HexColor("#8a929c")
    rule = colors.HexColor("#d5dae0")
    shade = colors.HexColor("#f2f4f7")
    callout = colors.HexColor("#eef2fb")
    warning = colors.HexColor("#a15c00")
    warning_shade = colors.HexColor("#fff4e0")
    status: Mapping[str, colors.Color] = MappingProxyType(
        {
            "active": colors.HexColor("#1d3f8f"),
            "at-risk": colors.HexColor("#b26a00"),
            "done": colors.HexColor("#1e7b3c"),
            "dropped": colors.HexColor("#8a929c"),
        }
    )

    @staticmethod
    def hex(colour: colors.Color) -> str:
        return "#" + colour.hexval()[2:]


PALETTE = Palette()


@dataclass(frozen=True)
class Theme:
    """Geometry and styles for one paper size."""

    paper: str = "A4"
    margin: float = 18 * mm
    header_gap: float = 9 * mm  # from the top edge to the running header's baseline
    footer_gap: float = 9 * mm  # from the bottom edge to the footer's baseline
    body_size: float = 10
    leading: float = 14
    spacing: float = 6  # the basic vertical rhythm, points
    list_indent: float = 14
    quote_indent: float = 12
    max_nesting_indent: float = 120  # deeper lists and quotes stop moving right

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES:
            raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {self.paper!r}")
        register_fonts()

    @property
    def palette(self) -> Palette:
        return PALETTE

    @property
    def page_size(self) -> tuple[float, float]:
        return PAPER_SIZES[self.paper]

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - 2 * self.margin

    @property
    def frame_height(self) -> float:
        return self.page_size[1] - 2 * self.margin

    def style(self, name: str) -> ParagraphStyle:
        return _styles(self)[name]


def _styles(theme: Theme) -> dict[str, ParagraphStyle]:
    if theme not in _STYLE_CACHE:
        _STYLE_CACHE[theme] = _make_styles(theme)
    return _STYLE_CACHE[theme]


_STYLE_CACHE: dict[Theme, dict[str, ParagraphStyle]] = {}


def _make_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    p = theme.palette
    body = ParagraphStyle(
        "body",
        fontName=SANS,
        fontSize=theme.body_size,
        leading=theme.leading,
        textColor=p.text,
        alignment=TA_LEFT,
        spaceAfter=theme.spacing,
        splitLongWords=True,
        uriWasteReduce=0.3,
        bulletFontName=SANS,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    heading = {"fontName": SANS_BOLD, "keepWithNext": 1, "textColor": p.text}
    styles = {
        "body": body,
        "small": derive("small", fontSize=8.5, leading=11.5, spaceAfter=3),
        "muted": derive("muted", textColor=p.muted, fontSize=9, leading=12.5),
        "meta": derive("meta", textColor=p.muted, fontSize=8.5, leading=11, spaceAfter=2),
        "meta_head": derive(
            "meta_head", textColor=p.muted, fontSize=8.5, leading=11, spaceAfter=4, keepWithNext=1
        ),
        "furniture": derive(
            "furniture",
            fontSize=8,
            leading=10,
            textColor=p.muted,
            spaceAfter=0,
            splitLongWords=False,
        ),
        "furniture_right": derive(
            "furniture_right",
            fontSize=8,
            leading=10,
            textColor=p.muted,
            spaceAfter=0,
            alignment=2,
            splitLongWords=False,
        ),
        "cell": derive("cell", fontSize=9, leading=12, spaceAfter=0),
        "cell_head": derive(
            "cell_head",
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
            textColor=p.muted,
        ),
        "h1": derive(
            "h1",
            fontSize=16,
            leading=20,
            spaceBefore=6,
            spaceAfter=8,
            textColor=p.accent,
            fontName=SANS_BOLD,  # not keepWithNext: the renderer reserves room before it
        ),
        "h2": derive("h2", fontSize=13, leading=17, spaceBefore=10, spaceAfter=5, **heading),
        "h3": derive("h3", fontSize=11, leading=15, spaceBefore=8, spaceAfter=3, **heading),
        # Headings inside a user's Markdown sit below the document's own levels.
        "md_h1": derive("md_h1", fontSize=11, leading=15, spaceBefore=6, spaceAfter=3, **heading),
        "md_h2": derive("md_h2", fontSize=10.5, leading=14, spaceBefore=5, spaceAfter=2, **heading),
        "md_h3": derive(
            "md_h3",
            fontSize=10,
            leading=14,
            spaceBefore=4,
            spaceAfter=2,
            **{**heading, "textColor": p.muted},
        ),
        "code": derive(
            "code",
            fontName=MONO,
            fontSize=8.5,
            leading=11.5,
            backColor=p.shade,
            borderPadding=(4, 6, 4, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=4,
            spaceAfter=theme.spacing + 4,
        ),
        "quote": derive("quote", textColor=p.muted),
        "title": derive(
            "title", fontName=SANS_BOLD, fontSize=17, leading=22, spaceAfter=4, textColor=p.accent
        ),
        "subtitle": derive("subtitle", fontSize=11, leading=15, textColor=p.muted, spaceAfter=10),
        "cover_title": derive(
            "cover_title",
            fontName=SANS_BOLD,
            fontSize=28,
            leading=34,
            textColor=p.accent,
            spaceAfter=10,
        ),
        "cover_sub": derive("cover_sub", fontSize=13, leading=18, textColor=p.muted, spaceAfter=4),
        "toc1": derive("toc1", fontSize=11, leading=18, leftIndent=0, spaceAfter=0),
        "toc2": derive(
            "toc2", fontSize=9.5, leading=14, leftIndent=14, spaceAfter=0, textColor=p.muted
        ),
        "h3_entry": derive(
            "h3_entry", fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=1, **heading
        ),
        "entry_title": derive(
            "entry_title",
            fontName=SANS_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=1,
        ),
        "entry_meta": derive(
            "entry_meta", textColor=p.muted, fontSize=8.5, leading=11, spaceAfter=4
        ),
        "callout_title": derive(
            "callout_title",
            fontName=SANS_BOLD,
            fontSize=11,
            leading=15,
            textColor=p.accent,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "figure": derive(
            "figure", fontName=SANS_BOLD, fontSize=22, leading=26, textColor=p.accent, spaceAfter=0
        ),
        "figure_label": derive(
            "figure_label", fontSize=8.5, leading=11, textColor=p.muted, spaceAfter=0
        ),
        "warning": derive(
            "warning",
            textColor=p.warning,
            backColor=p.warning_shade,
            borderPadding=(4, 6, 4, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=6,
            spaceAfter=10,
        ),
    }
    return styles


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose cells default to the document font (ReportLab's is Helvetica, which
    would then be referenced, unembedded, by every page)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9), *commands])
