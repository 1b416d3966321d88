"""What people type in notes beyond the `markdown` package's core: the GitHub additions.

~~strikethrough~~ becomes `s`, bare http(s):// and www. addresses become links, list items that
start with "[ ]" or "[x]" become tasks (`li class="task"`, or "task done", whose text starts with
a ballot box ☐ or ☑, so every renderer shows the box), and footnotes (the package's own
extension) keep their numbers as `sup` and their notes as a closing list, without the back
links. export.markdown registers these and cleans the result like everything else.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor
from markdown.treeprocessors import Treeprocessor

STRIKE = r"(~~)(?=\S)(.+?)(?<=\S)~~"
# A bare address follows a space, the start, *, _, ~ or ( (as on GitHub: not an attribute in
# raw HTML) and runs to whitespace; trailing punctuation is trimmed below.
BARE_URL = r"(?<![^\s*_~(])((?:https?://|www\.)[^\s<>\"]+)"
_TRAILING = ".,:;!?'*_~"
_TASK = re.compile(r"\[([ xX])\]\s+")
OPEN_BOX, DONE_BOX = "☐", "☑"


class _BareUrl(InlineProcessor):
    def handleMatch(
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element | None, int | None, int | None]:
        address = m.group(1)
        while address and (
            address[-1] in _TRAILING
            or (address[-1] == ")" and address.count(")") > address.count("("))
        ):
            address = address[:-1]  # as GitHub: the sentence's punctuation is not the link's
        if address.rstrip("/") in ("http:", "https:", "www."):
            return None, None, None
        link = ET.Element("a")
        link.set("href", address if "://" in address else f"https://{address}")
        link.text = markdown.util.AtomicString(address)
        return link, m.start(1), m.start(1) + len(address)


class _Tidy(Treeprocessor):
    """Tasks marked, footnote back links dropped, a link inside a link flattened."""

    def run(self, root: ET.Element) -> None:
        items, links = [], []
        for element in root.iter():
            if element.tag == "li":
                items.append(element)
            elif element.tag == "a":
                links.append(element)
        for item in items:
            holder = item if (item.text or "").strip() or not len(item) else item[0]
            if holder is not item and holder.tag != "p":
                continue
            text = holder.text or ""
            found = _TASK.match(text) if text[:1] == "[" else None
            if found:
                done = found.group(1) != " "
                holder.text = f"{DONE_BOX if done else OPEN_BOX} " + text[found.end() :]
                item.set("class", "task done" if done else "task")
        if not links:
            return
        parents: dict[ET.Element, ET.Element] | None = None
        for element in links:
            if "footnote-backref" in element.get("class", ""):
                parents = parents or {child: up for up in root.iter() for child in up}
                parent = parents[element]
                _remove_keeping_tail(parent, element)
                if parent.text:
                    parent.text = parent.text.rstrip("\u00a0 ")
                continue
            for inner in element.iter("a"):
                if inner is not element:
                    inner.tag = "span"
                    inner.attrib.clear()


def _remove_keeping_tail(parent: ET.Element, child: ET.Element) -> None:
    index = list(parent).index(child)
    tail = (child.tail or "").rstrip()
    if index:
        previous = parent[index - 1]
        previous.tail = ((previous.tail or "").rstrip("\u00a0 ") + tail) or None
    else:
        parent.text = ((parent.text or "").rstrip("\u00a0 ") + tail) or None
    parent.remove(child)


def register(md: markdown.Markdown) -> None:
    """Add the patterns to a configured instance (with the `footnotes` extension loaded)."""
    md.inlinePatterns.register(SimpleTagInlineProcessor(STRIKE, "s"), "upwardprep_strike", 65)
    md.inlinePatterns.register(_BareUrl(BARE_URL, md), "upwardprep_bare_url", 105)
    md.treeprocessors.register(_Tidy(md), "upwardprep_tidy", -50)
