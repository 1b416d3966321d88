"""A Document (export.model) laid out as a PDF with ReportLab platypus.

Pages carry a running header (document and person), a footer ("Confidential — prepared by …"
and "Page X of Y"), an outline entry per section and heading, and the packet a cover and a
linked table of contents. "of Y" and the contents' page numbers are form XObjects, drawn once
the layout is done, so one layout pass is enough (ReportLab's TableOfContents needs two or three).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
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
    Paragraph,
    Spacer,
    Table,
)

from upwardprep import __version__
from upwardprep.export import model as m
from upwardprep.export.markdown import parse
from upwardprep.export.pdf.flowables import MarkdownWalker, escape, link, markdown_flowables
from upwardprep.export.pdf.theme import SANS, SANS_BOLD, Theme, table_style

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The user cancelled the build; nothing was written."""


class Outlined(Paragraph):
    """A heading that becomes an outline entry (and, at level 0, a contents line)."""

    def __init__(self, text: str, style: Any, *, key: str, title: str, level: int) -> None:
        super().__init__(f'<a name="{key}"/>{text}', style)
        self.outline = (key, title, level)


def _probing(available_height: float) -> bool:
    """KeepTogether measures its content with a near-endless height, not a page's: what fills
    or fits "the rest of the page" must not take that for room."""
    return available_height > 20_000


class Anchor(Flowable):
    """An invisible link target and outline entry, for a section whose title is drawn by its
    first block."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key = key
        self.outline = (key, title, level)
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 8)


class IfRoom(Flowable):
    """A section drawn only where the page still has `need` points for it, else left out: a
    sheet of ruled lines alone would make a two-page brief three. Its outline entry goes with
    it (the document reads `outline` after placing a flowable)."""

    def __init__(self, heading: Flowable, blocks: list[Flowable], need: float) -> None:
        super().__init__()
        self.heading = heading
        self.blocks = blocks
        self.need = need
        self.fits = False

    @property
    def outline(self) -> tuple[str, str, int] | None:
        return getattr(self.heading, "outline", None) if self.fits else None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.fits = self.need <= available_height and not _probing(available_height)
        self.placed: list[tuple[Flowable, float]] = []  # each part, with its top offset
        used = 0.0
        if self.fits:
            for index, part in enumerate([self.heading, *self.blocks]):
                if index:
                    used += part.getSpaceBefore()
                _, height = part.wrap(available_width, available_height - used)
                self.placed.append((part, used))
                used += height + part.getSpaceAfter()
        self.height = used
        return self.width, self.height

    def draw(self) -> None:
        for part, top in self.placed:
            part.drawOn(self.canv, 0, self.height - top - part.height)


class Contents(Flowable):
    """The table of contents: one linked line per section, its page number filled in when the
    layout is done (a form per line, like "Page X of Y"), so one layout pass is enough."""

    def __init__(self, entries: list[tuple[str, str]], theme: Theme) -> None:
        super().__init__()
        self.entries = entries
        self.theme = theme
        self.leading = 20.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.leading * len(self.entries) + 6
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.contents_keys = [key for key, _ in self.entries]
        muted = self.theme.palette.faint
        for index, (key, title) in enumerate(self.entries):
            y = self.height - (index + 1) * self.leading
            canvas.setFont(SANS, 11)
            canvas.setFillColor(self.theme.palette.text)
            canvas.drawString(0, y, title)
            start = canvas.stringWidth(title, SANS, 11) + 6
            dots = max(0, int((self.width - 34 - start) // 5))
            canvas.setFillColor(muted)
            canvas.drawString(start, y, " ." * (dots // 2))
            canvas.saveState()
            canvas.translate(self.width, y)
            canvas.doForm(f"contents-{key}")
            canvas.restoreState()
            canvas.linkRect("", key, (0, y - 4, self.width, y + 14), relative=1, thickness=0)


# -- small flowables --------------------------------------------------------------------------


class ProgressBar(Flowable):
    def __init__(self, fraction: float | None, width: float, colour: Any, track: Any) -> None:
        super().__init__()
        self.fraction = fraction
        self.bar_width = width
        self.colour = colour
        self.track = track

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.bar_width = min(self.bar_width, available_width)
        return self.bar_width, 8

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.track)
        canvas.roundRect(0, 1.5, self.bar_width, 5, 2.5, stroke=0, fill=1)
        if self.fraction:
            canvas.setFillColor(self.colour)
            filled = self.bar_width * self.fraction
            if self.fraction < 1:  # short of the target: never a full bar
                filled = min(filled, self.bar_width - 4)
            canvas.roundRect(0, 1.5, max(5, filled), 5, 2.5, stroke=0, fill=1)
        canvas.restoreState()


class NoteLines(Flowable):
    """Ruled lines for handwriting; with `fill`, as many as the rest of the frame holds."""

    gap = 22.0

    def __init__(self, lines: int, colour: Any, *, fill: bool) -> None:
        super().__init__()
        self.lines = lines
        self.colour = colour
        self.fill = fill

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        wanted = self.lines * self.gap
        # KeepTogether measures with a huge height: it must see the minimum, not "fill".
        if self.fill and not _probing(available_height) and available_height >= wanted:
            self.count = max(self.lines, int(available_height // self.gap) - 1)
        else:
            self.count = self.lines
        self.height = self.count * self.gap
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(0.5)
        for index in range(self.count):
            y = self.height - (index + 1) * self.gap
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


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

    def _footer(self, canvas: Any) -> None:
        theme = self.theme
        canvas.setFont(SANS, 8)
        canvas.setFillColor(theme.palette.muted)
        text = self.document.confidential
        if self.document.author:  # unknown: no name at all, rather than a login name
            text += f" — prepared by {self.document.author}"
        self._line(canvas, _fit(text, 90), theme.footer_gap, right=False)
        canvas.page_number_here()

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
        label = "Meeting brief" if self.document.kind == "brief" else "Review packet"
        canvas.drawString(theme.margin, y, label)
        self._line(canvas, _fit(self.document.person, 60), y, right=True)
        canvas.setStrokeColor(theme.palette.rule)
        canvas.setLineWidth(0.5)
        canvas.line(theme.margin, y - 3, width - theme.margin, y - 3)
        self._footer(canvas)
        canvas.restoreState()

    def _cover_furniture(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(self.theme.palette.accent)
        width, height = self.theme.page_size
        canvas.rect(0, height - 14 * mm, width, 14 * mm, stroke=0, fill=1)
        self._footer(canvas)
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


# -- blocks to flowables ----------------------------------------------------------------------


class _Story:
    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.palette = theme.palette
        self.width = theme.frame_width
        self.heading_count = 0

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.theme.style(style))

    def block(self, block: m.Block, section: m.Section) -> Iterator[Flowable]:
        if isinstance(block, m.Text):
            tone = {"label": "h3"}.get(block.tone, block.tone)
            yield self.p(escape(block.text), tone)
        elif isinstance(block, m.Markdown):
            yield from markdown_flowables(block.text, self.theme, self.width)
        elif isinstance(block, m.Heading):
            yield CondPageBreak(96)  # a heading never ends a page
            self.heading_count += 1
            heading = Outlined(
                escape(block.text),
                self.theme.style("h2"),
                key=block.anchor or f"{section.key}-{self.heading_count}",
                title=block.text,
                level=1,
            )
            # With its meta line, it goes to the next page with the first note under it (a
            # note is kept whole, so room for the heading alone is not room enough).
            heading.keepWithNext = 1
            yield heading
            if block.meta:
                meta = self.p(escape(block.meta), "meta_head")
                meta.keepWithNext = 1
                yield meta
        elif isinstance(block, m.Facts):
            yield self.facts(block)
        elif isinstance(block, m.Table):
            yield self.table(block)
        elif isinstance(block, m.ProgressList):
            yield from self.progress_list(block)
        elif isinstance(block, m.Bullets):
            for index, item in enumerate(block.items, start=1):
                yield Paragraph(
                    escape(item),
                    self._bulleted("body"),
                    bulletText=f"{index}." if block.numbered else "•",
                )
        elif isinstance(block, m.Callout):
            yield self.callout(block)
        elif isinstance(block, m.Figures):
            yield self.figures(block)
        elif isinstance(block, m.MonthlyChart):
            yield from self.chart(block)
        elif isinstance(block, m.Entry):
            yield from self.entry(block)
        elif isinstance(block, m.NoteLines):
            yield NoteLines(block.lines, self.palette.rule, fill=section.fill)

    def _bulleted(self, name: str) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        base = self.theme.style(name)
        return ParagraphStyle(
            f"{name}_bulleted", parent=base, leftIndent=14, bulletIndent=2, spaceAfter=2
        )

    def facts(self, block: m.Facts) -> Flowable:
        rows = [
            [self.p(escape(label), "meta"), self.p(escape(value), "cell")]
            for label, value in block.rows
        ]
        table = Table(rows, colWidths=[26 * mm, self.width - 26 * mm], hAlign="LEFT")
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        table.spaceAfter = 8
        return table

    def table(self, block: m.Table) -> Flowable:
        widths = [self.width * w for w in block.widths]
        head_style = self.theme.style("cell_head")
        data: list[list[Any]] = [
            [
                Paragraph(
                    escape(h),
                    _aligned(head_style, 2)
                    if column < len(block.align) and block.align[column] == "right"
                    else head_style,
                )
                for column, h in enumerate(block.header)
            ]
        ]
        for index, row in enumerate(block.rows):
            cells: list[Any] = []
            for column, value in enumerate(row):
                style = self.theme.style("cell")
                if column < len(block.align) and block.align[column] == "right":
                    style = _aligned(style, 2)
                cell: Any = Paragraph(escape(value), style)
                note = block.notes[index] if index < len(block.notes) else ""
                if column == block.main and note.strip():
                    walker = MarkdownWalker(self.theme, widths[column] - 10, compact=True)
                    cell = [cell, *walker.flowables(parse(note))]
                cells.append(cell)
            data.append(cells)
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.palette.muted),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, self.palette.rule),
        ]
        for column, align in enumerate(block.align):
            if align == "right":
                commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
        table.setStyle(table_style(commands))
        table.spaceAfter = 6
        return table

    def progress_list(self, block: m.ProgressList) -> Iterator[Flowable]:
        """One small table per priority, so a long list flows on from the page it starts on."""
        bar_width = self.width * 0.30 - 10
        widths = [self.width * f for f in (0.45, 0.30, 0.25)]
        for item in block.items:
            colour = self.palette.status.get(item.status, self.palette.accent)
            said = escape(item.status_label or item.status)
            status = f'<font color="{self.palette.hex(colour)}">●</font> {said}'
            row = [
                [
                    self.p(f"<b>{escape(item.title)}</b>", "cell"),
                    self.p(f"{escape(item.owner)} · {status}", "meta"),
                ],
                [
                    ProgressBar(item.fraction, bar_width, colour, self.palette.shade),
                    self.p(escape(item.figure), "meta"),
                ],
                self.p(escape(item.confirmed), "meta"),
            ]
            table = Table([row], colWidths=widths, hAlign="LEFT")
            table.setStyle(
                table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.4, self.palette.rule),
                    ]
                )
            )
            yield table
        yield Spacer(1, 6)

    def callout(self, block: m.Callout) -> Flowable:
        items: list[Flowable] = [self.p(escape(block.title), "callout_title")]
        if block.items:
            items += [
                Paragraph(escape(text), self._bulleted("body"), bulletText=f"{index}.")
                for index, text in enumerate(block.items, start=1)
            ]
        else:
            items.append(self.p(escape(block.empty), "muted"))
        table = Table([[items]], colWidths=[self.width], hAlign="LEFT")
        table.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), self.palette.callout),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, self.palette.accent),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        table.spaceAfter = 8
        return table

    def figures(self, block: m.Figures) -> Flowable:
        cells = [
            [
                self.p(escape(value), "figure"),
                self.p(escape(label), "cell"),
                self.p(escape(detail), "meta"),
            ]
            for value, label, detail in block.items
        ]
        columns = max(1, len(cells))
        table = Table([cells], colWidths=[self.width / columns] * columns, hAlign="LEFT")
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), self.palette.shade),
                    ("LINEAFTER", (0, 0), (-2, -1), 2, self.palette.rule),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        table.spaceAfter = 12
        return table

    def chart(self, block: m.MonthlyChart) -> Iterator[Flowable]:
        yield self.p(escape(block.title), "h3")
        yield monthly_chart(block, self.theme, self.width)
        if block.warning:
            yield self.p("⚠ " + escape(block.warning), "warning")

    def entry(self, block: m.Entry) -> Iterator[Flowable]:
        head = [
            self.p(f"<b>{escape(block.title)}</b>", "entry_title"),
            self.p(escape(block.meta), "entry_meta"),
        ]
        body = markdown_flowables(block.body, self.theme, self.width)
        extra: list[Flowable] = []
        if block.impact.strip():
            extra.append(self.p(f"<b>Impact:</b> {escape(block.impact)}", "body"))
        if block.ask.strip():
            extra.append(self.p(f"<b>Ask:</b> {escape(block.ask)}", "body"))
        if block.evidence_url:
            from upwardprep.export.markdown import safe_href

            href = safe_href(block.evidence_url)
            label = escape(block.evidence_url)
            shown = link(href, label, self.theme) if href else label
            extra.append(self.p(f"<b>Evidence:</b> {shown}", "small"))
        if body:
            # A note with its text stays on one page when it can (KeepTogether splits it when it
            # is taller than a page), so its impact and evidence never open the next page.
            yield KeepTogether([*head, *body, *extra])
        else:
            # Title-only notes (packets of many notes): room for the note or a new page, which
            # is cheaper than KeepTogether's second layout.
            yield CondPageBreak(56)
            yield from head + extra
        yield Spacer(1, 6)


def _aligned(style: Any, alignment: int) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}_a{alignment}", parent=style, alignment=alignment)


def monthly_chart(block: m.MonthlyChart, theme: Theme, width: float) -> Drawing:
    height = 150
    drawing = Drawing(width, height, initialFontName=SANS, initialFontSize=8)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 30
    chart.width, chart.height = width - 40, height - 45
    values = [count for _, count in block.months] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label.replace(" ", "\n") for label, _ in block.months]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = theme.palette.muted
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.strokeColor = theme.palette.rule
    chart.categoryAxis.tickDown = 0
    top = max([*values, 1])
    step = max(1, -(-top // 4))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * 4
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = theme.palette.muted
    chart.valueAxis.strokeColor = theme.palette.rule
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = theme.palette.shade
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.bars[0].fillColor = theme.palette.accent
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 10
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = SANS_BOLD
    chart.barLabels.fontSize = 7.5
    chart.barLabels.fillColor = theme.palette.text
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(
        String(0, height - 8, "notes", fontName=SANS, fontSize=7, fillColor=theme.palette.faint)
    )
    return drawing


# -- the whole document -----------------------------------------------------------------------


def _glue(flowables: list[Flowable]) -> list[Flowable]:
    """Put flowables that keep with the next inside the KeepTogether that follows them
    (ReportLab's own keepWithNext stops short of a KeepTogether): a heading then moves to the
    next page with the note it introduces instead of closing this one alone."""
    glued: list[Flowable] = []
    run: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether) and run:
            glued.append(KeepTogether([*run, *flowable._content]))
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


def story(document: m.Document, theme: Theme) -> list[Flowable]:
    builder = _Story(theme)
    flowables: list[Flowable] = []
    if document.cover:
        flowables.append(Spacer(1, theme.frame_height * 0.28))
        cover_title, *rest = document.cover
        flowables.append(Paragraph(escape(cover_title), theme.style("cover_title")))
        for line in rest:
            flowables.append(Paragraph(escape(line), theme.style("cover_sub")))
        flowables.append(NextPageTemplate("body"))
        flowables.append(PageBreak())
    else:
        flowables.append(Paragraph(escape(document.headline), theme.style("title")))
        for block in document.intro:
            flowables.extend(builder.block(block, document.sections[0]))
    if document.contents:
        flowables.append(Paragraph("Contents", theme.style("h1")))
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
