"""The blocks of a Document (export.model) as ReportLab flowables, one method per kind of block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from upwardprep.export import model as m
from upwardprep.export.markdown import parse, safe_href
from upwardprep.export.pdf.chart import monthly_chart
from upwardprep.export.pdf.flowables import KeepNote, Nested, NoteLines, Outlined, ProgressBar
from upwardprep.export.pdf.fonts import escape
from upwardprep.export.pdf.markdown_walker import (
    MarkdownWalker,
    inline_text,
    link,
    markdown_flowables,
)
from upwardprep.export.pdf.paragraph import Paragraph
from upwardprep.export.pdf.theme import Theme, table_style

PRIVATE_INDENT = 9.0  # a private note's text sits right of its amber bar


class BlockFlowables:
    """Flowables for the blocks of one document, at the frame width of its theme."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.palette = theme.palette
        self.width = theme.frame_width
        self.heading_count = 0

    def p(self, markup: str, style: str = "body", *, under: Paragraph | None = None) -> Paragraph:
        """`under`: the title a grey line belongs to. Under a right-to-left title the line goes
        to the right too, though its own text (a date, a kind) is left-to-right."""
        chosen = self.theme.style(style)
        if under is not None and under.right_to_left:
            chosen = _aligned(chosen, TA_RIGHT)
        return Paragraph(markup, chosen)

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
                meta = self.p(escape(block.meta), "meta_head", under=heading)
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
                markup = (
                    inline_text(value, self.theme) if column in block.markdown else escape(value)
                )
                cell: Any = Paragraph(markup, style)
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
                Paragraph(
                    inline_text(text, self.theme) if block.markdown else escape(text),
                    self._bulleted("body"),
                    bulletText=f"{index}.",
                )
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
        if block.note:
            yield self.p(escape(block.note), "muted")

    def entry(self, block: m.Entry) -> Iterator[Flowable]:
        title = f"<b>{escape(block.title)}</b>"
        if block.private:
            warning = self.palette.hex(self.palette.warning)
            title = f'<font color="{warning}" size="7.5"><b>PRIVATE</b></font>&nbsp;&nbsp;{title}'
        heading = self.p(title, "entry_title")
        head = [heading, self.p(escape(block.meta), "entry_meta", under=heading)]
        indent = PRIVATE_INDENT if block.private else 0
        body = markdown_flowables(block.body, self.theme, self.width - indent)
        extra: list[Flowable] = []
        if block.impact.strip():
            extra.append(self.p(f"<b>Impact:</b> {inline_text(block.impact, self.theme)}", "body"))
        if block.ask.strip():
            extra.append(self.p(f"<b>Ask:</b> {inline_text(block.ask, self.theme)}", "body"))
        if block.evidence_url:
            href = safe_href(block.evidence_url)
            label = escape(block.evidence_url)
            shown = link(href, label, self.theme) if href else label
            extra.append(self.p(f"<b>Evidence:</b> {shown}", "small"))
        if block.also:
            extra.append(self.p(escape(block.also), "meta", under=heading))
        parts = [*head, *body, *extra]
        if block.private:  # an amber bar down its left side, on every page it reaches
            parts = [Nested(part, indent, (1.5,), self.palette.warning) for part in parts]
        if body:
            # A note with its text stays on one page when it can (KeepTogether splits it when it
            # is taller than a page), so its impact and evidence never open the next page.
            yield KeepNote(parts)
        else:
            # Title-only notes (packets of many notes): room for the note or a new page, which
            # is cheaper than KeepTogether's second layout.
            yield CondPageBreak(56)
            yield from parts
        yield Spacer(1, 6)


def _aligned(style: Any, alignment: int) -> Any:
    return ParagraphStyle(f"{style.name}_a{alignment}", parent=style, alignment=alignment)
