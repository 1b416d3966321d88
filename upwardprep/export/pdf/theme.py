"""The one look of every PDF: fonts, type scale, colours, spacing and page geometry (UI.md).

Body 10 pt on 14 pt leading, headings 16/13/11 pt in the bold face, one deep-blue accent, greys
for metadata, margins of 18 mm. The fonts themselves are in fonts.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from upwardprep.export.pdf.fonts import MONO, SANS, SANS_BOLD, SANS_BOLD_ITALIC, register_fonts

PAPER_SIZES = {"A4": A4, "Letter": LETTER}


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
        # ReportLab's address splitting (uriWasteReduce) cuts a URL at its first slash and
        # then leaves the rest whole, past the frame; splitLongWords cuts it where it must.
        uriWasteReduce=0,
        bulletFontName=SANS,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    heading = {"fontName": SANS_BOLD, "keepWithNext": 1, "textColor": p.text}
    muted_heading = {**heading, "textColor": p.muted}
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
        # Headings inside a user's Markdown sit below the document's own levels, each level a
        # step apart: size, then colour, then italic and small capitals for the last two.
        "md_h1": derive("md_h1", fontSize=12, leading=16, spaceBefore=7, spaceAfter=3, **heading),
        "md_h2": derive("md_h2", fontSize=11, leading=15, spaceBefore=6, spaceAfter=2, **heading),
        "md_h3": derive("md_h3", fontSize=10, leading=14, spaceBefore=5, spaceAfter=2, **heading),
        "md_h4": derive(
            "md_h4", fontSize=10, leading=14, spaceBefore=4, spaceAfter=2, **muted_heading
        ),
        "md_h5": derive(
            "md_h5",
            fontSize=9.5,
            leading=13,
            spaceBefore=4,
            spaceAfter=1,
            **{**muted_heading, "fontName": SANS_BOLD_ITALIC},
        ),
        "md_h6": derive(
            "md_h6",
            fontSize=8.5,
            leading=12,
            spaceBefore=4,
            spaceAfter=1,
            textTransform="uppercase",
            **muted_heading,
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
        "cover_kind": derive(
            "cover_kind", fontName=SANS_BOLD, fontSize=10, leading=14, textColor=p.accent
        ),
        "cover_label": derive("cover_label", fontSize=9, leading=13, textColor=p.muted),
        "cover_value": derive("cover_value", fontSize=12, leading=16, spaceAfter=0),
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
