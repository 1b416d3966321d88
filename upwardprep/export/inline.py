"""Short texts a user may write with inline Markdown (an ask, an impact, a decision, an agenda
note) in each output: PDF markup, plain text, HTML and Markdown, from the one parse of
export.markdown, so `**Approve** the [quote](https://…)` reads as bold and a link in the brief,
as "Approve the quote (https://…)" in a plain-text e-mail, and never with raw marks.

Such a text is one line: a mark at its start that would open a block (a heading, a list, a
quote, a rule) is escaped, so "1. Ship it" stays those words, not a list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from upwardprep.export.markdown import parse
from upwardprep.export.markdown_html import serialise

# A line start Markdown reads as a block; the backslash before its mark keeps it text.
_BLOCK_START = re.compile(
    r"^(?:(#{1,6})(?=\s|$)|(>)|([*+-])(?=\s)|\d{1,9}([.)])(?=\s)|([-*_])(?:\s*[-*_]){2,}\s*$)"
)
_LITERAL = re.compile(r"([\\`*_\[\]])")
_CODE_SPAN = re.compile(r"(`+).+?\1")
# "<" opening a tag, closing tag, comment or declaration; not an autolink (<https://…>, <a@b.c>).
_TAG_START = re.compile(
    r"<(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)(?![^\s<>@]+@[^\s<>@]+>)(?=[A-Za-z/!?])"
)
ELLIPSIS = "…"


def literal(text: str) -> str:
    """Plain text (a title, a name) to put beside inline Markdown: its marks escaped."""
    # Markdown has no escape for "~": a strikethrough's marks become entities.
    return _LITERAL.sub(r"\\\1", text).replace("~~", "&#126;&#126;")


def escape_html(line: str) -> str:
    """`<` that would open an HTML tag or comment, outside code spans, as `&lt;`, so a Markdown
    viewer shows `<script>` as the text it was typed as (as the preview and the PDF do)."""
    out, position = [], 0
    for span in _CODE_SPAN.finditer(line):
        out += [_TAG_START.sub("&lt;", line[position : span.start()]), span.group(0)]
        position = span.end()
    out.append(_TAG_START.sub("&lt;", line[position:]))
    return "".join(out)


def one_line(text: str) -> str:
    """The text on one line, with a block-opening mark at its start escaped."""
    line = " ".join(text.split())
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    mark = next(index for index in range(1, 6) if match.group(index) is not None)
    at = match.start(mark)
    return f"{line[:at]}\\{line[at:]}"


def tree(text: str) -> ET.Element:
    """A `p` element holding the text's inline elements (em, strong, s, code, a, …)."""
    root = parse(one_line(text))
    if len(root) == 1 and root[0].tag == "p" and not (root.text or "").strip():
        return root[0]
    paragraph = ET.Element("p")  # not one paragraph (a reference definition): the words typed
    paragraph.text = " ".join(text.split())
    return paragraph


def _plain(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append(" ")
        elif child.tag == "a":
            label, href = _plain(child), child.get("href", "")
            address = href.removeprefix("mailto:")
            parts.append(label if not href or label in (href, address) else f"{label} ({href})")
        else:
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def plain(text: str) -> str:
    """Plain text: marks gone, a link as "its text (its address)"."""
    return " ".join(_plain(tree(text)).split())


def html(text: str) -> str:
    """An HTML fragment (every text escaped; only the inline tags of the clean tree)."""
    return serialise(tree(text))


def markdown(text: str) -> str:
    """Markdown that renders as the PDF does: as written, on one line, raw HTML escaped."""
    return escape_html(one_line(text))


def clipped(text: str, limit: int) -> str:
    """At most `limit` characters of visible text, cut between words and marked "…", as inline
    Markdown whose marks stay whole (cutting the source could leave half a link or a lone `**`)."""
    element = tree(text)
    if len("".join(element.itertext())) <= limit:
        return one_line(text)
    room = [limit - 1, 0]
    _clip(element, room)
    return one_line(_source(element)).rstrip() + ELLIPSIS


def _cut(text: str, room: list[int]) -> str:
    """room: [characters left, characters kept so far]."""
    if len(text) <= room[0]:
        room[0] -= len(text)
        room[1] += len(text)
        return text
    cut = text[: room[0] + 1]  # a space just after the cut still ends a whole word
    space = cut.rfind(" ")
    room[0] = 0
    if space >= 0:
        return cut[:space]
    return "" if room[1] else cut[:-1]  # a word cut in two only when it is the first


def _clip(element: ET.Element, room: list[int]) -> None:
    """Keep the first room[0] characters of the element's text, whole words where possible."""
    element.text = _cut(element.text or "", room)
    for child in list(element):
        if room[0] <= 0:
            element.remove(child)
            continue
        if child.tag == "code":
            child.text = _cut("".join(child.itertext()), room)
            for grandchild in list(child):
                child.remove(grandchild)
        else:
            _clip(child, room)
        child.tail = _cut(child.tail or "", room)


_WRAP = {"em": "*", "strong": "**", "s": "~~"}


def _source(element: ET.Element) -> str:
    """Inline elements back to Markdown (the clean tree's inline tags only)."""
    parts = [literal(element.text or "")]
    for child in element:
        inner = _source(child)
        if child.tag in _WRAP and inner.strip():
            parts.append(f"{_WRAP[child.tag]}{inner}{_WRAP[child.tag]}")
        elif child.tag == "code":
            code = "".join(child.itertext())
            fence = "``" if "`" in code else "`"
            parts.append(f"{fence}{code}{fence}" if code.strip() else "")
        elif child.tag == "a" and child.get("href"):
            parts.append(f"[{inner}]({child.get('href', '').replace(')', '%29')})")
        elif child.tag == "br":
            parts.append(" ")
        else:
            parts.append(inner)
        parts.append(literal(child.tail or ""))
    return "".join(parts)


_LINE_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[*+-]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)")


def flattened(body: str) -> str:
    """A Markdown body on one line, for a table cell: list items, headings and paragraphs
    separated by " · ", their marks dropped; the inline marks kept."""
    pieces: list[str] = []
    joined = False  # the previous line continues a paragraph
    for line in body.splitlines():
        if not line.strip():
            joined = False
            continue
        block = _LINE_MARK.match(line)
        text = line[block.end() :] if block else line
        if joined and block is None:
            pieces[-1] += " " + text.strip()
        else:
            pieces.append(text.strip())
        joined = True
    return " · ".join(piece for piece in pieces if piece)
