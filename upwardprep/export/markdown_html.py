"""The clean Markdown tree (export.markdown.parse) as HTML: the fragment the preview shows.

`serialise` writes what the tree holds and nothing else: every text and attribute is escaped, so
raw HTML a user typed reaches the preview as text. `document_html` wraps it in the stylesheet
QTextBrowser understands (borders and padding on table cells only).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from upwardprep.export.markdown import ALLOWED_TAGS, BLOCK_TAGS, VOID_TAGS, parse

# --- serialising -----------------------------------------------------------------------------


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    return _escape_text(value).replace('"', "&quot;").replace("\n", "&#10;")


# QTextDocument draws no border or padding on a block, only on table cells: for QTextBrowser a
# quote becomes a one-cell table with a left rule, a code block a padded shaded cell.
_QT_BLOCKS = {
    "blockquote": (
        '<table class="quote" border="0" cellspacing="0" cellpadding="0" width="100%">'
        '<tr><td class="quote">',
        "</td></tr></table>",
    ),
    "pre": (
        '<table class="code" border="0" cellspacing="0" cellpadding="0" width="100%">'
        '<tr><td class="code"><pre>',
        "</pre></td></tr></table>",
    ),
}


def serialise(root: ET.Element, *, qt: bool = False) -> str:
    """The children of `root` as an HTML fragment: well-formed (XHTML-style void tags), escaped.

    `qt` draws quotes and code blocks as QTextBrowser can style them (see _QT_BLOCKS).
    Iterative, so a deeply nested note cannot exhaust the recursion limit here.
    """
    out: list[str] = [_escape_text(root.text or "")]
    stack: list[tuple[bool, ET.Element]] = [(True, child) for child in reversed(root)]
    while stack:
        opening, element = stack.pop()
        tag = element.tag if element.tag in ALLOWED_TAGS else "span"
        wrapper = _QT_BLOCKS.get(tag) if qt else None
        if opening:
            if tag in VOID_TAGS:
                out.append(f"<{tag}{_attributes(element)} />")
                if tag == "hr":
                    out.append("\n")
                out.append(_escape_text(element.tail or ""))
                continue
            out.append(wrapper[0] if wrapper else f"<{tag}{_attributes(element)}>")
            out.append(_escape_text(element.text or ""))
            stack.append((False, element))
            stack.extend((True, child) for child in reversed(element))
        else:
            out.append(wrapper[1] if wrapper else f"</{tag}>")
            if tag in BLOCK_TAGS and tag not in ("th", "td"):
                out.append("\n")
            out.append(_escape_text(element.tail or ""))
    return "".join(out)


def _attributes(element: ET.Element) -> str:
    return "".join(f' {name}="{_escape_attribute(value)}"' for name, value in element.items())


def to_html(text: str, *, qt: bool = False) -> str:
    """The Markdown body as an HTML fragment (the tree the PDF walker reads, serialised).

    `qt=True` is the variant QTextBrowser renders faithfully; `document_html` uses it.
    """
    return serialise(parse(text), qt=qt)


# --- the preview document ---------------------------------------------------------------------

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class PreviewColors:
    """The preview's colours, as #rrggbb; the GUI derives them from the palette."""

    text: str = "#1f2328"
    background: str = "#ffffff"
    muted: str = "#59636e"
    link: str = "#0b57d0"
    code_background: str = "#f2f3f5"
    rule: str = "#d0d7de"
    quote_rule: str = "#b0b7bf"

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if not _COLOUR.fullmatch(value):
                raise ValueError(f"{name} must be a #rrggbb colour, not {value!r}")


LIGHT = PreviewColors()
DARK = PreviewColors(
    text="#e6e8eb",
    background="#1e1f22",
    muted="#a0a6ad",
    link="#79b8ff",
    code_background="#2b2d31",
    rule="#43474d",
    quote_rule="#6b7078",
)


def stylesheet(colors: PreviewColors = LIGHT) -> str:
    """CSS within what QTextDocument supports (borders and padding on table cells only)."""
    c = colors
    return f"""
body {{ color: {c.text}; background-color: {c.background}; }}
p, ul, ol, table {{ margin-top: 0px; margin-bottom: 10px; }}
h1, h2, h3, h4, h5, h6 {{ font-weight: 600; margin-top: 14px; margin-bottom: 6px; }}
h1 {{ font-size: x-large; }}
h2 {{ font-size: large; }}
h3, h4, h5, h6 {{ font-size: medium; }}
h4, h5, h6 {{ color: {c.muted}; }}
a {{ color: {c.link}; text-decoration: underline; }}
code {{ font-family: monospace; background-color: {c.code_background}; }}
pre {{ font-family: monospace; white-space: pre; margin: 0px; }}
table {{ border-collapse: collapse; border-color: {c.rule}; margin-top: 6px; }}
th, td {{ border: 1px solid {c.rule}; padding: 4px 8px; }}
th {{ font-weight: 600; background-color: {c.code_background}; }}
td.code {{ border-style: none; padding: 8px 10px; background-color: {c.code_background}; }}
pre code {{ background-color: transparent; }}
td.quote {{ border-style: none; border-left: 3px solid {c.quote_rule}; color: {c.muted};
  padding: 0px 0px 0px 12px; }}
span.image {{ color: {c.muted}; font-style: italic; }}
hr {{ background-color: {c.rule}; }}
"""


def document_html(text: str, css: str | None = None) -> str:
    """A minimal HTML document for QTextBrowser: the note under `css` (default: light colours)."""
    css = stylesheet(LIGHT) if css is None else css
    if "<" in css:
        raise ValueError("a stylesheet cannot contain '<'")
    return (
        '<html><head><meta charset="utf-8" />'
        f"<style>{css}</style></head><body>{to_html(text, qt=True)}</body></html>"
    )
