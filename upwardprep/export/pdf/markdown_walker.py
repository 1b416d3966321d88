"""Markdown's clean element tree (export.markdown.parse) turned into ReportLab flowables.

One walker over the same tree the preview serialises, so the PDF and the preview agree. Every
block becomes a flat flowable (a Paragraph, a code Paragraph, a Table, a rule) wrapped in
`Nested`, which indents it for its lists and draws the bars of its quotes: that keeps everything
splittable across pages, however long a note is. Inline text becomes ReportLab paragraph markup
built here from escaped text, so nothing a user typed is ever read as markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table
from reportlab.platypus.flowables import HRFlowable

from upwardprep.export import inline
from upwardprep.export.markdown import BLOCK_TAGS, HEADINGS, parse, safe_href
from upwardprep.export.markdown_extras import DONE_BOX, OPEN_BOX
from upwardprep.export.pdf.flowables import Nested
from upwardprep.export.pdf.fonts import MONO, SANS, SANS_BOLD, escape, font_with
from upwardprep.export.pdf.paragraph import PIECE_LINES, Paragraph, sentence_chunks
from upwardprep.export.pdf.theme import Theme, table_style

_MAX_INLINE_DEPTH = 40
_MARK = "↪"  # begins the rest of a code line too long for the page
_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}


def link(href: str, label: str, theme: Theme) -> str:
    """Markup for a clickable link (external `href`, or `#anchor` inside the document)."""
    colour = theme.palette.hex(theme.palette.accent)
    return f'<a href="{escape(href).replace(chr(34), "%22")}" color="{colour}"><u>{label}</u></a>'


# -- inline -----------------------------------------------------------------------------------


def inline_markup(element: ET.Element, theme: Theme, *, depth: int = 0) -> str:
    """The element's text and inline children as paragraph markup (not the element's tail)."""
    parts = [escape(element.text or "")]
    for child in element:
        parts.append(_inline(child, theme, depth + 1))
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def inline_text(text: str, theme: Theme) -> str:
    """A short user text that may hold inline Markdown (an ask), as paragraph markup."""
    return inline_markup(inline.tree(text), theme)


def _inline(element: ET.Element, theme: Theme, depth: int) -> str:
    if depth > _MAX_INLINE_DEPTH:
        return escape("".join(element.itertext()))
    tag = element.tag
    if tag == "br":
        return "<br/>"
    if tag == "code":
        shade = theme.palette.hex(theme.palette.shade)
        text = escape("".join(element.itertext()), MONO)
        return (
            f'<font face="{MONO}" size="{theme.body_size - 1:g}" backColor="{shade}">{text}</font>'
        )
    inner = inline_markup(element, theme, depth=depth)
    if tag == "em":
        return f"<i>{inner}</i>"
    if tag == "strong":
        return f"<b>{inner}</b>"
    if tag == "s":
        return f"<strike>{inner}</strike>"
    if tag == "sup":
        return f"<super>{inner}</super>"
    if tag == "a" and element.get("href"):
        href = safe_href(element.get("href", ""))
        return link(href, inner, theme) if href else inner
    if tag == "span" and element.get("class") == "image":
        return f'<font color="{theme.palette.hex(theme.palette.muted)}"><i>{inner}</i></font>'
    return inner  # span, and any block that turned up inline: its text


# -- blocks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    left: float = 0.0
    bars: tuple[float, ...] = ()
    quoted: bool = False
    bullet: str | None = None  # for the first block of a list item
    lists: int = 0  # how many lists this block sits in


class MarkdownWalker:
    """Turns one clean tree into flowables for a frame of `width` points."""

    def __init__(self, theme: Theme, width: float, *, compact: bool = False) -> None:
        self.theme = theme
        self.width = width
        self.body = "small" if compact else "body"  # compact: a note inside a table cell

    def flowables(self, root: ET.Element) -> list[Flowable]:
        out: list[Flowable] = []
        stack: list[tuple[ET.Element, _Context]] = []
        self._push_children(root, _Context(), stack)
        while stack:
            element, context = stack.pop()
            out.extend(self._block(element, context, stack))
        return out

    # Block handlers push children on the stack (lists, quotes) or return flowables (leaves).
    def _block(
        self, element: ET.Element, context: _Context, stack: list[tuple[ET.Element, _Context]]
    ) -> list[Flowable]:
        tag = element.tag
        if tag in HEADINGS:
            return self._paragraph(inline_markup(element, self.theme), f"md_{tag}", context)
        if tag in ("ul", "ol"):
            self._push_list(element, context, stack)
            return []
        if tag == "blockquote":
            indent = self._indent(context, self.theme.quote_indent)
            bars = (*context.bars, context.left + 1) if indent > context.left else context.bars
            inner = replace(context, left=indent, bars=bars, quoted=True, bullet=None)
            if context.bullet is not None:  # a quote first in a list item: keep its bullet
                inner = replace(inner, bullet=context.bullet)
            self._push_children(element, inner, stack)
            return []
        if tag == "pre":
            return self._code(element, context)
        if tag == "hr":
            rule = HRFlowable(
                width="100%",
                thickness=0.6,
                color=self.theme.palette.rule,
                spaceBefore=4,
                spaceAfter=8,
            )
            return [self._nest(rule, context)]
        if tag == "table":
            return [self._nest(self._table(element, context), context)]
        if tag == "li":  # only reachable for a stray li: treat as its own list of one
            self._push_children(element, context, stack)
            return []
        if tag == "div":
            if context.bullet is not None and not len(element) and not (element.text or "").strip():
                return self._paragraph("", self.body, context)  # an empty list item
            self._push_children(element, context, stack)
            return []
        style = "quote" if context.quoted and self.body == "body" else self.body
        return self._paragraph(inline_markup(element, self.theme), style, context)

    def _push_children(
        self, element: ET.Element, context: _Context, stack: list[tuple[ET.Element, _Context]]
    ) -> None:
        """Push the element's content: runs of text and inline elements become paragraphs."""
        items: list[tuple[ET.Element, _Context]] = []
        for index, segment in enumerate(_segments(element)):
            items.append((segment, context if index == 0 else replace(context, bullet=None)))
        stack.extend(reversed(items))

    def _push_list(
        self, element: ET.Element, context: _Context, stack: list[tuple[ET.Element, _Context]]
    ) -> None:
        ordered = element.tag == "ol"
        number = int(element.get("start", "1") or 1) if ordered else 0
        bullet_char = ("•", "◦", "▪")[context.lists % 3]
        indent = self._indent(context, self.theme.list_indent + (6 if ordered else 0))
        items: list[tuple[ET.Element, _Context]] = []
        for child in element:
            bullet = f"{number}." if ordered else bullet_char
            number += 1
            item_context = replace(context, left=indent, bullet=bullet, lists=context.lists + 1)
            if child.tag != "li":
                items.append((child, item_context))
                continue
            wrapper = ET.Element("div")
            wrapper.text = child.text
            wrapper.extend(list(child))
            if "task" in child.get("class", ""):  # its ballot box stands where a bullet would
                item_context = replace(item_context, bullet=_take_box(wrapper) or bullet)
            items.append((wrapper, item_context))
        if context.bullet is not None and items:
            # A list first in an item ("- - a"): the outer bullet stands on a line of its own.
            stack_items = [(ET.Element("p"), context)]
            items = stack_items + items
        stack.extend(reversed(items))

    def _indent(self, context: _Context, step: float) -> float:
        return min(context.left + step, self.theme.max_nesting_indent)

    def _nest(self, flowable: Flowable, context: _Context) -> Flowable:
        if not context.left and not context.bars:
            return flowable
        return Nested(flowable, context.left, context.bars, self.theme.palette.rule)

    def _paragraph(self, markup: str, style_name: str, context: _Context) -> list[Flowable]:
        style: ParagraphStyle = self.theme.style(style_name)
        if context.bullet is not None:
            style = ParagraphStyle(
                f"{style_name}_bullet",
                parent=style,
                bulletFontName=font_with(context.bullet, style.fontName),
                bulletFontSize=style.fontSize,
                bulletIndent=-self.theme.list_indent + 2,
                leftIndent=0,
                spaceAfter=3,
            )
        pieces = sentence_chunks(markup or ("&nbsp;" if context.bullet is not None else ""))
        if len(pieces) == 1:
            paragraph = Paragraph(pieces[0], style, bulletText=context.bullet)
            return [self._nest(paragraph, context)]
        # One long paragraph laid out in pieces: no space between them, the bullet on the first.
        first = ParagraphStyle(f"{style.name}_first", parent=style, spaceAfter=0)
        inner = ParagraphStyle(f"{style.name}_inner", parent=first, spaceBefore=0)
        last = ParagraphStyle(f"{style.name}_last", parent=style, spaceBefore=0)
        return [
            self._nest(
                Paragraph(
                    piece,
                    first if index == 0 else last if index == len(pieces) - 1 else inner,
                    bulletText=context.bullet if index == 0 else None,
                ),
                context,
            )
            for index, piece in enumerate(pieces)
        ]

    def _code(self, element: ET.Element, context: _Context) -> list[Flowable]:
        text = "".join(element.itertext())
        style = self.theme.style("code")
        room = self.width - context.left - style.leftIndent - style.rightIndent - 2
        faint = self.theme.palette.hex(self.theme.palette.faint)
        mark = f'<font color="{faint}">{escape(_MARK, MONO)}</font>'
        lines = []
        for line in text.split("\n"):
            for index, piece in enumerate(code_lines(line.expandtabs(4), room, style.fontSize)):
                # Spaces kept (non-breaking) before escaping: the markup's own stay spaces.
                markup = escape(piece.replace(" ", "\u00a0"), MONO) or "\u00a0"
                lines.append(f"{mark}\u00a0{markup}" if index else markup)
        # In pieces of PIECE_LINES lines: one paragraph per block would take time quadratic
        # in its length (see paragraph.in_pieces).
        flowables: list[Flowable] = [
            Paragraph("<br/>".join(lines[start : start + PIECE_LINES]), style)
            for start in range(0, max(len(lines), 1), PIECE_LINES)
        ]
        if context.bullet is not None:
            flowables.insert(0, Paragraph("&nbsp;", self.theme.style("body"), context.bullet))
        return [self._nest(f, replace(context, bullet=None)) for f in flowables]

    def _table(self, element: ET.Element, context: _Context) -> Flowable:
        rows: list[list[ET.Element]] = [
            [cell for cell in row if cell.tag in ("th", "td")] for row in element.iter("tr")
        ]
        rows = [row for row in rows if row] or [[ET.Element("td")]]
        columns = max(len(row) for row in rows)
        header_rows = 1 if element.find("thead") is not None else 0
        width = max(self.width - context.left, 40)
        weights = [1.0] * columns
        words = [0.0] * columns  # the widest word of each column, in points
        for row in rows:
            for index, cell in enumerate(row):
                text = "".join(cell.itertext())
                weights[index] = max(weights[index], min(len(text), 40))
                longest = max(text.split(), key=len, default="")[:24]
                font = SANS_BOLD if cell.tag == "th" else SANS
                words[index] = max(words[index], stringWidth(longest, font, 9) + 11)
        total = sum(weights)
        col_widths = [width * w / total for w in weights]
        col_widths = _at_least(col_widths, [min(w, width / columns) for w in words], width)
        data = []
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, self.theme.palette.rule),
        ]
        if header_rows:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, self.theme.palette.muted))
        for row_index, row in enumerate(rows):
            cells = []
            for column in range(columns):
                if column >= len(row):
                    cells.append("")
                    continue
                cell = row[column]
                header = cell.tag == "th" or row_index < header_rows
                style = self.theme.style("cell_head" if header else "cell")
                align = _ALIGN.get(cell.get("align", ""), "LEFT")
                if align != "LEFT":
                    style = ParagraphStyle(
                        f"{style.name}_{align}",
                        parent=style,
                        alignment={"CENTER": 1, "RIGHT": 2}[align],
                    )
                cells.append(Paragraph(inline_markup(cell, self.theme), style))
            data.append(cells)
        table = Table(
            data,
            colWidths=col_widths,
            repeatRows=header_rows,
            splitInRow=1,
            hAlign="LEFT",
            spaceBefore=2,
            spaceAfter=self.theme.spacing + 2,
        )
        table.setStyle(table_style(commands))
        return table


def _take_box(item: ET.Element) -> str | None:
    """Remove a task's ballot box from the start of its text; the box, or None."""
    holder = item if (item.text or "").strip() or not len(item) else item[0]
    text = holder.text or ""
    if text[:1] in (OPEN_BOX, DONE_BOX):
        holder.text = text[1:].lstrip()
        return text[0]
    return None


def code_lines(line: str, room: float, size: float) -> list[str]:
    """A code line cut to fit `room` points: at the last space that fits, else mid-word; the
    pieces after the first leave room for the continuation mark drawn before them."""
    pieces: list[str] = []
    indent = stringWidth("↪ ", MONO, size)
    while line:
        width = room - (indent if pieces else 0)
        fits = _fitting(line, width, size)
        if fits >= len(line):
            pieces.append(line)
            break
        space = line.rfind(" ", 0, fits + 1)
        cut = space + 1 if space > fits // 3 else max(fits, 1)
        pieces.append(line[:cut])
        line = line[cut:]
    return pieces or [""]


def _fitting(text: str, width: float, size: float) -> int:
    """How many leading characters of `text` fit `width` in the code font."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], MONO, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _segments(element: ET.Element) -> list[ET.Element]:
    """The element's children as blocks, with runs of loose text and inline elements gathered
    into paragraphs (a tight list item holds its text inline; tails belong to the run)."""
    segments: list[ET.Element] = []
    run: ET.Element | None = None

    def text(value: str | None) -> None:
        nonlocal run
        if not value or (run is None and not value.strip()):
            return
        if run is None:
            run = ET.Element("p")
            run.text = value
            segments.append(run)
        elif len(run):
            run[-1].tail = (run[-1].tail or "") + value
        else:
            run.text = (run.text or "") + value

    text(element.text)
    for child in element:
        if child.tag in BLOCK_TAGS:
            run = None
            copy = ET.Element(child.tag, child.attrib)
            copy.text = child.text
            copy.extend(list(child))
            segments.append(copy)
            text(child.tail)
        else:
            if run is None:
                run = ET.Element("p")
                segments.append(run)
            inline = ET.Element(child.tag, child.attrib)
            inline.text = child.text
            inline.extend(list(child))
            run.append(inline)
            text(child.tail)
    return segments


def _at_least(widths: list[float], minima: list[float], total: float) -> list[float]:
    """Raise each column to its minimum (its widest word), taking the width from the others."""
    raised = [max(w, low) for w, low in zip(widths, minima, strict=True)]
    extra = sum(raised) - total
    if extra <= 0:
        return raised
    spare = [r - low for r, low in zip(raised, minima, strict=True)]
    room = sum(spare)
    if room <= extra:  # every column at its minimum and still too wide: share equally
        return [total / len(widths)] * len(widths)
    return [r - extra * sp / room for r, sp in zip(raised, spare, strict=True)]


def markdown_flowables(text: str, theme: Theme, width: float | None = None) -> list[Flowable]:
    """A Markdown body as flowables (empty text gives none)."""
    if not text.strip():
        return []
    walker = MarkdownWalker(theme, theme.frame_width if width is None else width)
    return walker.flowables(parse(text))
