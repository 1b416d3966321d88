"""A Document (export.model) laid out as a PDF with ReportLab platypus.

Pages carry a running header (document and person), a footer ("Confidential — prepared by …"
and "Page X of Y"), an outline entry per section and heading, and the packet a cover and a
linked table of contents. "of Y" and the contents' page numbers are form XObjects, drawn once
the layout is done, so one layout pass is enough (ReportLab's TableOfContents needs two or three).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from upwardprep import __version__
from upwardprep.export import model as m
from upwardprep.export.pdf.blocks import BlockFlowables
from upwardprep.export.pdf.flowables import Anchor, Contents, IfRoom, NoteLines, Outlined
from upwardprep.export.pdf.fonts import SANS, SANS_BOLD, escape
from upwardprep.export.pdf.paragraph import Paragraph
from upwardprep.export.pdf.theme import Theme, table_style

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


DOCUMENT_KINDS = {"brief": "Meeting brief", "packet": "Review packet", "handoff": "Handoff packet"}


class ExportCancelled(Exception):
    """The user cancelled the build; nothing was written."""


# -- page furniture ---------------------------------------------------------------------------


class _Canvas(Canvas):
    """Draws "Page X of Y" as one form per page, defined at save() when Y is known."""

    def __init__(self, *args: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.theme = theme
        self.numbered: list[int] = []
        self.section_pages: dict[str, int] = {}  # for the contents' page numbers
        self.contents_keys: list[str] = []

    def page_number_here(self) -> None:
        number = self.getPageNumber()
        self.numbered.append(number)
        self.doForm(f"pageno{number}")

    def save(self) -> None:
        total = self.getPageNumber() - (0 if self._code else 1)
        width, _ = self.theme.page_size
        for number in self.numbered:
            self.beginForm(f"pageno{number}")
            self.setFont(SANS, 8)
            self.setFillColor(self.theme.palette.muted)
            self.drawRightString(
                width - self.theme.margin, self.theme.footer_gap, f"Page {number} of {total}"
            )
            self.endForm()
        for key in self.contents_keys:
            self.beginForm(f"contents-{key}", -60, -10, 10, 30)
            self.setFont(SANS, 11)
            self.setFillColor(self.theme.palette.text)
            self.drawRightString(0, 0, str(self.section_pages.get(key, "")))
            self.endForm()
        super().save()


class _DocTemplate(BaseDocTemplate):
    def __init__(
        self,
        out: IO[bytes],
        document: m.Document,
        theme: Theme,
        *,
        progress: Progress,
        cancelled: Cancelled,
        expected: int,
    ) -> None:
        self.document = document
        self.theme = theme
        self.progress = progress
        self.cancelled = cancelled
        self.expected = max(1, expected)
        self.placed = 0
        super().__init__(
            out,
            pagesize=theme.page_size,
            leftMargin=theme.margin,
            rightMargin=theme.margin,
            topMargin=theme.margin,
            bottomMargin=theme.margin,
            title=document.title,
            author=document.author,
            subject=document.subject,
            keywords=", ".join(document.keywords),
            creator=f"UpwardPrep {__version__}",
            producer=f"UpwardPrep {__version__} (ReportLab)",
            lang="en",
            initialFontName=SANS,
        )
        frame = Frame(
            theme.margin,
            theme.margin,
            theme.frame_width,
            theme.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        templates = [
            PageTemplate("body", [frame], onPage=self._furniture),
            PageTemplate("cover", [frame], onPage=self._cover_furniture),
        ]
        if document.cover:  # the first template is the first page's
            templates.reverse()
        self.addPageTemplates(templates)

    def _footer(self, canvas: Any, *, numbered: bool = True) -> None:
        theme = self.theme
        canvas.setFont(SANS, 8)
        canvas.setFillColor(theme.palette.muted)
        text = self.document.confidential
        if self.document.author:  # unknown: no name at all, rather than a login name
            text += f" — prepared by {self.document.author}"
        self._line(canvas, _fit(text, 90), theme.footer_gap, right=False)
        if numbered:
            canvas.page_number_here()

    def _band(self, canvas: Any, top: float) -> None:
        """The notice every page carries (a packet with private notes), as a strip at `top`."""
        if not self.document.band:
            return
        theme = self.theme
        width = theme.page_size[0]
        # 5.2 mm: clear of the running header's capitals (baseline 9 mm from the top edge).
        height = 5.2 * mm
        canvas.setFillColor(theme.palette.warning_shade)
        canvas.rect(0, top - height, width, height, stroke=0, fill=1)
        canvas.setFillColor(theme.palette.warning)
        canvas.rect(0, top - height, width, 0.8, stroke=0, fill=1)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawCentredString(width / 2, top - height + 1.7 * mm, self.document.band)

    def _line(self, canvas: Any, text: str, baseline: float, *, right: bool) -> None:
        """One line of page furniture, set as a paragraph so any script finds its font."""
        style = self.theme.style("furniture_right" if right else "furniture")
        paragraph = Paragraph(escape(text), style)
        width = self.theme.frame_width * 0.62
        paragraph.wrapOn(canvas, width, 20)
        x = self.theme.page_size[0] - self.theme.margin - width if right else self.theme.margin
        paragraph.drawOn(canvas, x, baseline - 2.2)

    def _furniture(self, canvas: Any, doc: Any) -> None:
        theme = self.theme
        width, height = theme.page_size
        canvas.saveState()
        canvas.setFont(SANS, 8)
        canvas.setFillColor(theme.palette.muted)
        y = height - theme.header_gap
        label = DOCUMENT_KINDS.get(self.document.kind, "")
        canvas.drawString(theme.margin, y, label)
        self._line(canvas, _fit(self.document.person, 60), y, right=True)
        canvas.setStrokeColor(theme.palette.rule)
        canvas.setLineWidth(0.5)
        canvas.line(theme.margin, y - 3, width - theme.margin, y - 3)
        self._band(canvas, height)
        self._footer(canvas)
        canvas.restoreState()

    def _cover_furniture(self, canvas: Any, doc: Any) -> None:
        """The title page: an accent strip, the notice at the foot, no page number."""
        theme = self.theme
        canvas.saveState()
        canvas.setFillColor(theme.palette.accent)
        width, height = theme.page_size
        canvas.rect(0, height - 14 * mm, width, 14 * mm, stroke=0, fill=1)
        self._band(canvas, height - 14 * mm)
        cover = self.document.cover
        if cover is not None and cover.notice:
            y = theme.margin + 14 * mm
            canvas.setStrokeColor(theme.palette.accent)
            canvas.setLineWidth(1.2)
            canvas.line(theme.margin, y + 16, theme.margin + 40 * mm, y + 16)
            canvas.setFillColor(theme.palette.accent)
            canvas.setFont(SANS_BOLD, 12)
            canvas.drawString(theme.margin, y, cover.notice)
        self._footer(canvas, numbered=False)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        self.placed += 1
        if self.placed % 16 == 0:
            if self.cancelled():
                raise ExportCancelled("Export cancelled.")
            done = min(1.0, self.placed / self.expected)
            self.progress(0.4 + 0.58 * done, "Laying out pages")
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        key, title, level = outline
        self.canv.addOutlineEntry(title, key, level=level, closed=False)
        if level == 0:
            self.canv.section_pages[key] = self.page


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the whole document -----------------------------------------------------------------------


def _glue(flowables: list[Flowable]) -> list[Flowable]:
    """Put flowables that keep with the next inside the KeepTogether that follows them
    (ReportLab's own keepWithNext stops short of a KeepTogether): a heading then moves to the
    next page with the note it introduces instead of closing this one alone."""
    glued: list[Flowable] = []
    run: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether) and run:
            glued.append(type(flowable)([*run, *flowable._content]))
            run = []
        elif getattr(flowable, "keepWithNext", 0) and not isinstance(flowable, CondPageBreak):
            run.append(flowable)
        else:
            glued.extend(run)
            run = []
            glued.append(flowable)
    glued.extend(run)
    return glued


def _lines_only(section: m.Section) -> bool:
    """A section of ruled lines for handwriting, filling what is left of the last page."""
    return section.fill and all(isinstance(block, m.NoteLines) for block in section.blocks)


def _room_for_lines(section: m.Section, theme: Theme) -> float:
    """The title and the fewest lines of a lines-only section, with the title's space above."""
    h1 = theme.style("h1")
    lines = sum(block.lines for block in section.blocks if isinstance(block, m.NoteLines))
    return h1.spaceBefore + h1.leading + h1.spaceAfter + lines * NoteLines.gap + 2


def cover_page(cover: m.Cover, theme: Theme) -> list[Flowable]:
    """What the title page says: the kind of document, its title, then who and when."""
    rows = [
        [
            Paragraph(escape(label), theme.style("cover_label")),
            Paragraph(escape(value), theme.style("cover_value")),
        ]
        for label, value in cover.rows
    ]
    facts = Table(rows, colWidths=[32 * mm, theme.frame_width - 32 * mm], hAlign="LEFT")
    facts.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BASELINE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, theme.palette.rule),
            ]
        )
    )
    return [
        Anchor("cover", "Cover", 0),
        Spacer(1, theme.frame_height * 0.16),
        Paragraph(escape(cover.kind.upper()), theme.style("cover_kind")),
        Paragraph(escape(cover.title), theme.style("cover_title")),
        Spacer(1, 10 * mm),
        facts,
    ]


def story(document: m.Document, theme: Theme) -> list[Flowable]:
    builder = BlockFlowables(theme)
    flowables: list[Flowable] = []
    if document.cover:
        flowables += cover_page(document.cover, theme)
        flowables.append(NextPageTemplate("body"))
        flowables.append(PageBreak())
    else:
        flowables.append(Paragraph(escape(document.headline), theme.style("title")))
        for block in document.intro:
            flowables.extend(builder.block(block, document.sections[0]))
    if document.contents:
        flowables.append(
            Outlined("Contents", theme.style("h1"), key="contents", title="Contents", level=0)
        )
        flowables.append(Contents([(s.key, s.title) for s in document.sections], theme))
    first = True
    for section in document.sections:
        if section.new_page and not (first and not document.contents):
            flowables.append(PageBreak())
        elif not first and not _lines_only(section):
            # Room for the title and the start of what follows, or a new page. Not keepWithNext:
            # that would carry a long table whole to the next page and leave this one half empty.
            flowables.append(CondPageBreak(110))
        first = False
        heading: Flowable = (
            Outlined(
                escape(section.title),
                theme.style("h1"),
                key=section.key,
                title=section.title,
                level=0,
            )
            if section.show_title
            else Anchor(section.key, section.title, 0)
        )
        blocks = _glue([f for block in section.blocks for f in builder.block(block, section)])
        if _lines_only(section) and not section.new_page:
            flowables.append(IfRoom(heading, blocks, _room_for_lines(section, theme)))
            continue
        flowables.append(heading)
        flowables.extend(blocks)
    return flowables


def render_pdf(
    document: m.Document,
    out: IO[bytes],
    *,
    paper: str = "A4",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Lay out `document` into `out`; returns the page count."""
    theme = Theme(paper=paper)
    report = progress or (lambda fraction, text: None)
    stop = cancelled or (lambda: False)
    report(0.3, "Preparing the layout")
    flowables = story(document, theme)
    if stop():
        raise ExportCancelled("Export cancelled.")
    doc = _DocTemplate(
        out, document, theme, progress=report, cancelled=stop, expected=len(flowables)
    )

    def canvasmaker(*args: Any, **kwargs: Any) -> _Canvas:
        return _Canvas(*args, theme=theme, **kwargs)

    doc.build(flowables, canvasmaker=canvasmaker)
    report(1.0, "Done")
    return int(doc.page)
