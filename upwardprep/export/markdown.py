"""Markdown bodies: one parse with the `markdown` package, one clean tree for every renderer.

The Qt preview (`markdown_html.to_html`) and the PDF walker (`pdf.markdown_walker`) read the same
tree, so they agree. The tree is *clean*, which is what lets a renderer trust it without knowing
the package's internals:

- text, tails and attribute values are plain Unicode: no entities, no placeholders (the package
  leaves `code_escape`d code, stashed fenced blocks and entities in its tree);
- raw HTML typed by the user is never obeyed: the package's raw-HTML block preprocessor and inline
  pattern are removed, so `<script>` stays the literal text a user typed;
- images are never fetched: an `img` becomes ``<span class="image">[image: alt]</span>``;
- links keep their `href` only for http, https and mailto; any other link becomes a plain `span`;
- only these tags occur: `div` (the root), p, h1–h6, ul, ol (`start`), li (`class="task"` or
  `"task done"`), blockquote, pre > code (`class="language-…"`), hr, table, thead, tbody, tr,
  th/td (`align`), em, strong, s, sup, code, a (`href`, `title`), br, span (`class="image"` or
  none); strikethrough, tasks, bare URLs and footnotes as export.markdown_extras says.

The package is pure Python and a few inputs make it slow (thousands of unmatched brackets in one
paragraph are quadratic) or exhaust recursion (hundreds of nested list levels); the bracket scans
are bounded here and any failure falls back to the text as plain paragraphs, never a traceback.
"""

from __future__ import annotations

import html
import logging
import re
import threading
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown import inlinepatterns
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, HTML_PLACEHOLDER_RE, STX

from upwardprep.export import markdown_extras

log = logging.getLogger(__name__)

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = HEADINGS | {
    *("div", "p", "ul", "ol", "li", "blockquote", "pre", "hr"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
INLINE_TAGS = frozenset({"em", "strong", "code", "a", "br", "span", "s", "sup"})
ALLOWED_TAGS = BLOCK_TAGS | INLINE_TAGS
VOID_TAGS = frozenset({"br", "hr"})

# Containers where a fenced code block may stand as a block (the rest get an inline `code`).
_FLOW_CONTAINERS = HEADINGS | {"div", "li", "blockquote", "p"}
_PHRASING_BLOCKS = HEADINGS | {"p"}  # blocks that may hold no other block
_LINK_TEXT_MAX_DEPTH = 32
_LINK_DESTINATION_MAX = 4096
_MAX_LIST_DEPTH = 16

_INVALID_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_INVALID_CODEPOINTS = re.compile("[\ud800-\udfff\ufffe\uffff]")
_LEFTOVER_PLACEHOLDER = re.compile(f"{STX}[^{STX}{ETX}]*{ETX}|[{STX}{ETX}]")
_AMP_ENTITY = re.compile(re.escape(AMP_SUBSTITUTE) + r"(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z0-9]+);")
_FENCED_HTML = re.compile(r"\s*<pre[^>]*><code([^>]*)>(.*)</code></pre>\s*\Z", re.DOTALL)
_LANGUAGE_CLASS = re.compile(r'class="language-([^"]*)"')
_SAFE_LANGUAGE = re.compile(r"[\w#.+-]{1,40}")
_HREF_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


# --- bounded link scanning -------------------------------------------------------------------


class _BoundedBrackets:
    """Link/image processors whose bracket scans cost O(n) in C, not O(n) in Python per `[`.

    The package scans from every `[` to the end of the paragraph when the bracket is unmatched;
    a pasted log full of brackets then takes minutes. Same results for sane input: link text
    nested deeper than 32 brackets, or a destination with a title spanning more than 4 KiB, is
    left as literal text.
    """

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        depth = 1
        cursor = index
        while True:
            close = data.find("]", cursor)
            if close < 0:
                return "", len(data), False
            depth += data.count("[", cursor, close) - 1
            if depth > _LINK_TEXT_MAX_DEPTH:
                return "", len(data), False
            if depth == 0:
                return data[index:close], close + 1, True
            cursor = close + 1

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        if not data.startswith("(", index):
            return "", None, index, False  # as the package: its pattern starts with "("
        close = _closing_parenthesis(data, index)
        before = data[index : len(data) if close is None else close]
        if close is not None and not any(q in before for q in "\"'<"):
            # Without a title or <destination> the package's scan ends at this very parenthesis.
            return super().getLink(data[: close + 1], index)  # type: ignore[misc]
        if close is None and not any(q in before[:_LINK_DESTINATION_MAX] for q in "\"'<"):
            return "", None, index, False
        return super().getLink(data[: index + _LINK_DESTINATION_MAX], index)  # type: ignore[misc]


def _closing_parenthesis(data: str, index: int) -> int | None:
    """Where the `(` at `index` closes, counting nested pairs; None if not (or nested too deep)."""
    depth = 0
    cursor = index
    while True:
        close = data.find(")", cursor)
        if close < 0:
            return None
        depth += data.count("(", cursor, close) - 1
        if depth > _LINK_TEXT_MAX_DEPTH:
            return None
        if depth <= 0:
            return close
        cursor = close + 1


def _bounded(cls: type) -> type:
    return type(f"Bounded{cls.__name__}", (_BoundedBrackets, cls), {})


# name, class, pattern, priority: as inlinepatterns.build_inlinepatterns registers them
_LINK_PROCESSORS = (
    ("reference", inlinepatterns.ReferenceInlineProcessor, inlinepatterns.REFERENCE_RE, 170),
    ("link", inlinepatterns.LinkInlineProcessor, inlinepatterns.LINK_RE, 160),
    ("image_link", inlinepatterns.ImageInlineProcessor, inlinepatterns.IMAGE_LINK_RE, 150),
    (
        "image_reference",
        inlinepatterns.ImageReferenceInlineProcessor,
        inlinepatterns.IMAGE_REFERENCE_RE,
        140,
    ),
    (
        "short_reference",
        inlinepatterns.ShortReferenceInlineProcessor,
        inlinepatterns.REFERENCE_RE,
        130,
    ),
    (
        "short_image_ref",
        inlinepatterns.ShortImageReferenceInlineProcessor,
        inlinepatterns.IMAGE_REFERENCE_RE,
        125,
    ),
)


# --- list indentation ---------------------------------------------------------------------

_LIST_ITEM = re.compile(r"( *)([*+-]|[0-9]{1,9}\.)(?:( +)(.*)|$)")


class _ListIndentation(Preprocessor):
    """Re-indents lists the way people type them into the way the package reads them.

    The package nests a list only at 4 spaces and needs a blank line before a list; people nest at
    the item's text column (2 spaces after "- ", 3 after "1. ") as CommonMark and most editors do,
    and write "Agenda:" directly above the first item. Each line is placed by CommonMark's rule
    (it belongs to the deepest open item whose text column it reaches) and re-indented to 4
    spaces per level. Runs after fenced code is stashed, so code fences are never touched.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        columns: list[int] = []  # text column of each open item, outermost first
        ordered: list[bool] = []  # whether each open item is numbered
        previous = "blank"  # blank, item or text
        block_depth = 0  # depth of an indented first line of the current block (0 if none)
        for line in lines:
            if not line.strip():
                out.append(line)
                previous = "blank"
                block_depth = 0
                continue
            indent = len(line) - len(line.lstrip(" "))
            item = _LIST_ITEM.fullmatch(line)
            if item and columns and previous == "blank" and indent >= columns[-1] + 4:
                item = None  # indented code inside an item
            if item and not columns and indent >= 4:
                item = None  # indented code, or a paragraph's continuation
            if item and not columns and previous == "text":
                marker, text = item.group(2), item.group(4)
                if not text or (marker[0].isdigit() and marker != "1."):
                    item = None  # CommonMark: only "1." or a bullet with text breaks a paragraph
                else:
                    out.append("")
            if item:
                sibling_ordered = None
                while columns and indent < columns[-1]:
                    columns.pop()
                    sibling_ordered = ordered.pop()
                numbered = item.group(2)[0].isdigit()
                starts_block = previous == "blank"
                if len(columns) < block_depth or sibling_ordered not in (None, numbered):
                    # The package reads an indented block to its end, and a list to the end of
                    # its block whatever the markers: a blank line starts the new item or list.
                    out.append("")
                    starts_block = True
                marker, spaces, text = item.group(2), item.group(3) or "", item.group(4) or ""
                if not 1 <= len(spaces) <= 4:
                    text = spaces[1:] + text
                    spaces = " "
                level = min(len(columns), _MAX_LIST_DEPTH)  # deeper exhausts the package's stack
                out.append(" " * (4 * level) + marker + " " + text)
                if starts_block:
                    block_depth = level
                columns.append(indent + len(marker) + len(spaces))
                ordered.append(numbered)
                previous = "item"
                continue
            depth = sum(1 for column in columns if column <= indent)
            if depth == 0:
                if previous == "blank":
                    columns.clear()
                    ordered.clear()
                out.append(line)
            else:
                if previous == "blank":
                    del columns[depth:], ordered[depth:]
                extra = indent - columns[depth - 1]
                out.append(" " * (4 * min(depth, _MAX_LIST_DEPTH) + extra) + line.lstrip(" "))
                if previous == "blank":
                    block_depth = depth
            previous = "text"
        return out


# --- the package, configured once per thread -------------------------------------------------


class _CaptureTree(Treeprocessor):
    """Runs last: cleans the package's tree, keeps it, and hands the serialiser an empty one."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.tree: ET.Element | None = None

    def run(self, root: ET.Element) -> ET.Element:
        _clean(root, list(self.md.htmlStash.rawHtmlBlocks))
        self.tree = root
        return ET.Element("div")  # nothing left for the package to serialise: we never use it


def _new_markdown() -> tuple[markdown.Markdown, _CaptureTree]:
    md = markdown.Markdown(
        extensions=["tables", "fenced_code", "sane_lists", "footnotes"],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.preprocessors.register(_ListIndentation(md), "upwardprep_lists", 15)  # after fenced code
    md.treeprocessors.deregister("prettify")  # whitespace for the package's own output only
    for name, cls, pattern, priority in _LINK_PROCESSORS:
        md.inlinePatterns.register(_bounded(cls)(pattern, md), name, priority)
    markdown_extras.register(md)
    capture = _CaptureTree(md)
    md.treeprocessors.register(capture, "upwardprep_capture", -100)
    return md, capture


_local = threading.local()


def _parse(text: str) -> ET.Element:
    """The strict parse: raises what the package raises (tests use it to see real failures)."""
    instance = getattr(_local, "instance", None)
    if instance is None:
        instance = _local.instance = _new_markdown()
    md, capture = instance
    md.reset()
    capture.tree = None
    try:
        md.convert(_sanitise_input(text))
    except BaseException:
        _local.instance = None  # the package's parser state may be half-updated: start afresh
        raise
    tree = capture.tree
    capture.tree = None
    _forget(md)
    return tree if tree is not None else ET.Element("div")  # blank text: the package stops early


def _forget(md: markdown.Markdown) -> None:
    """The kept instance must not hold a note between calls (a locked app keeps no note text):
    the package leaves the source's lines, its stash, the block parser's root and the inline
    processor's maps of the last document on it."""
    md.lines = []
    md.reset()
    md.parser.root = None
    for processor in md.treeprocessors:
        for name in ("parent_map", "stashed_nodes"):
            if hasattr(processor, name):
                setattr(processor, name, {})


def parse(text: str) -> ET.Element:
    """The clean element tree of a Markdown body (see the module docstring); never raises."""
    try:
        return _parse(text)
    except Exception as error:  # odd input must never reach the user as a traceback
        log.warning("Markdown fell back to plain text (%s)", type(error).__name__)
        return _plain_tree(text)


def _sanitise_input(text: str) -> str:
    """Characters no renderer (nor XML, nor Qt) can take: controls go, surrogates become U+FFFD."""
    text = _INVALID_CONTROLS.sub("", text)
    return _INVALID_CODEPOINTS.sub("\ufffd", text)


def _plain_tree(text: str) -> ET.Element:
    root = ET.Element("div")
    text = _sanitise_input(text).replace("\r\n", "\n").replace("\r", "\n")
    for chunk in re.split(r"\n\s*\n", text):
        if not chunk.strip():
            continue
        lines = chunk.strip("\n").split("\n")
        paragraph = ET.SubElement(root, "p")
        paragraph.text = lines[0]
        for line in lines[1:]:
            ET.SubElement(paragraph, "br").tail = line
    return root


# --- cleaning the package's tree --------------------------------------------------------------


def _clean(root: ET.Element, stash: list[Any]) -> None:
    for element in root.iter("code"):
        if element.text:  # the package stores code `code_escape`d; the tree holds plain text
            element.text = _uncode(element.text)
    for element in list(root.iter()):
        _expand_placeholders(element, stash)
    _lift_blocks_out_of_paragraphs(root)
    for element in root.iter():
        _clean_element(element, stash)
        if element.tag == "pre":
            code = element.find("code")
            if code is not None and code.text:
                code.text = code.text.rstrip("\n")


def _uncode(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _expand_placeholders(element: ET.Element, stash: list[Any]) -> None:
    """Replace the package's stash placeholders by what they stand for, as text or elements."""
    pieces = [element.text, *[part for child in element for part in (child, child.tail)]]
    if not any(isinstance(p, str) and STX in p for p in pieces):
        return
    items: list[str | ET.Element] = []
    for piece in pieces:
        if isinstance(piece, ET.Element):
            items.append(piece)
        elif piece:
            items.extend(_split_placeholders(piece, stash, element.tag))
    element.text = None
    for child in list(element):
        element.remove(child)
    last: ET.Element | None = None
    buffer: list[str] = []
    for item in [*items, None]:
        if isinstance(item, str):
            buffer.append(item)
            continue
        joined = "".join(buffer) or None
        if last is None:
            element.text = joined
        else:
            last.tail = joined
        buffer = []
        if item is not None:
            item.tail = None
            element.append(item)
            last = item


def _split_placeholders(text: str, stash: list[Any], container: str) -> list[str | ET.Element]:
    items: list[str | ET.Element] = []
    position = 0
    for match in HTML_PLACEHOLDER_RE.finditer(text):
        items.append(text[position : match.start()])
        position = match.end()
        index = int(match.group(1))
        raw = str(stash[index]) if index < len(stash) else ""
        fenced = _FENCED_HTML.match(raw)
        if fenced:
            items.append(_code_element(fenced, block=container in _FLOW_CONTAINERS))
        else:  # the only other stash user left is the entity pattern: `&copy;` → ©
            items.append(html.unescape(raw))
    items.append(text[position:])
    return items


def _code_element(fenced: re.Match[str], *, block: bool) -> ET.Element:
    code = ET.Element("code")
    code.text = html.unescape(fenced.group(2))
    language = _LANGUAGE_CLASS.search(fenced.group(1))
    if language:
        name = html.unescape(language.group(1))
        if _SAFE_LANGUAGE.fullmatch(name):
            code.set("class", f"language-{name}")
    if not block:
        code.attrib.clear()
        return code
    pre = ET.Element("pre")
    pre.append(code)
    return pre


def _lift_blocks_out_of_paragraphs(root: ET.Element) -> None:
    """A fenced block the package left inside a paragraph or heading becomes its sibling."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        if element.tag not in _PHRASING_BLOCKS or element.find("pre") is None:
            continue
        parent = parents[element]
        segments: list[ET.Element] = []
        current = ET.Element(element.tag, element.attrib)
        current.text = element.text
        for child in list(element):
            if child.tag == "pre":
                segments += [current, child]
                current = ET.Element(element.tag, element.attrib)
                current.text, child.tail = child.tail, None
            else:
                current.append(child)
        segments.append(current)
        kept = [s for s in segments if s.tag == "pre" or len(s) or (s.text or "").strip()]
        for segment in kept:
            if segment.tag != "pre" and segment.text:
                segment.text = segment.text.lstrip("\n")
        position = list(parent).index(element)
        parent.remove(element)
        for offset, segment in enumerate(kept):
            parent.insert(position + offset, segment)
        if kept:
            kept[-1].tail = element.tail


def _clean_element(element: ET.Element, stash: list[Any]) -> None:
    if element.text and (STX in element.text or ETX in element.text):
        element.text = _clean_text(element.text, stash)
    if element.tail and (STX in element.tail or ETX in element.tail):
        element.tail = _clean_text(element.tail, stash)
    attributes = {k: _clean_text(v, stash) for k, v in element.attrib.items() if v is not None}
    element.attrib.clear()
    tag = element.tag if isinstance(element.tag, str) else "span"
    if tag == "img":
        alt = html.unescape(attributes.get("alt", "")).strip()
        element.tag = "span"
        element.set("class", "image")
        element.text = f"[image: {alt}]" if alt else "[image]"
        for child in list(element):
            element.remove(child)
    elif tag == "a":
        href = safe_href(html.unescape(attributes.get("href", "")))
        if href is None:
            element.tag = "span"
        else:
            element.set("href", href)
            if attributes.get("title"):
                element.set("title", html.unescape(attributes["title"]))
    elif tag == "li":
        if attributes.get("class") in ("task", "task done"):
            element.set("class", attributes["class"])
    elif tag == "ol":
        if attributes.get("start", "").isdigit():
            element.set("start", str(int(attributes["start"])))
    elif tag in ("th", "td"):
        if attributes.get("align") in ("left", "right", "center"):
            element.set("align", attributes["align"])
    elif tag == "code":
        language = attributes.get("class", "")
        if language.startswith("language-") and _SAFE_LANGUAGE.fullmatch(language[9:]):
            element.set("class", language)
    elif tag not in ALLOWED_TAGS:
        element.tag = "span"


def _clean_text(text: str, stash: list[Any]) -> str:
    if AMP_SUBSTITUTE in text:  # automatic mail links arrive encoded as entities
        text = _decode_amp_entities(text)
    if STX in text:
        text = HTML_PLACEHOLDER_RE.sub(lambda m: _stash_text(m, stash), text)
    return _LEFTOVER_PLACEHOLDER.sub("", text)


def _stash_text(match: re.Match[str], stash: list[Any]) -> str:
    index = int(match.group(1))
    raw = str(stash[index]) if index < len(stash) else ""
    fenced = _FENCED_HTML.match(raw)
    return html.unescape(fenced.group(2)) if fenced else html.unescape(raw)


def _decode_amp_entities(text: str) -> str:
    return _AMP_ENTITY.sub(lambda m: html.unescape(f"&{m.group(1)};"), text)


def safe_href(href: str) -> str | None:
    """The link target if it is http(s) or mailto, else None (`javascript:`, `file:`, relative).

    Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so they are removed
    before judging, and the judged form is the one returned.
    """
    href = _HREF_CONTROLS.sub("", href.strip()).replace(" ", "%20")
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return None
    return href if scheme in SAFE_SCHEMES else None
