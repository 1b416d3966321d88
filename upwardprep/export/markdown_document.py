"""A Document (export.model) as one Markdown file: the same sections as the PDF, as text.

User-written Markdown (note bodies, the self-assessment) goes in as written, with its headings
pushed below the document's own; every other text is escaped so it reads as typed.
"""

from __future__ import annotations

import re

from upwardprep.export import inline
from upwardprep.export import model as m
from upwardprep.export.inline import escape_html

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_HEADING = re.compile(r"^(#{1,6})(?=\s|$)", re.MULTILINE)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^\s{0,3}([*+-]|[0-9]{1,9}[.)])\s")


def text(value: str) -> str:
    """Plain text that Markdown shows as it is (one line)."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def cell(value: str) -> str:
    return text(value) or " "


def demote(body: str, by: int = 3) -> str:
    """A user's Markdown as written, with its headings pushed below the document's (## sections,
    ### items) and raw HTML escaped, so a viewer shows `<script>` as the text it was typed as
    (as the preview and the PDF do). Code blocks and code spans are left as they are."""
    out, fenced, indented, previous = [], False, False, ""
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            continue
        blank_before = not previous.strip()
        indented = line.startswith("    ") and (indented or blank_before) and line.strip() != ""
        indented = indented and not _LIST_ITEM.match(_last_block_start(out))
        if not fenced and not indented:
            line = _HEADING.sub(lambda h: "#" * min(6, len(h.group(1)) + by), line)
            line = escape_html(line)
        out.append(line)
        previous = line
    return "\n".join(out).strip("\n")


def _last_block_start(lines: list[str]) -> str:
    """The first line of the block the next line continues (after the last blank line)."""
    start = ""
    for line in reversed(lines):
        if not line.strip():
            break
        start = line
    if not start:
        for line in reversed(lines):
            if line.strip() and not line.startswith(" "):
                return line
    return start


def slug(title: str) -> str:
    """The anchor Markdown renderers (GitHub, GitLab, most editors) give a heading."""
    kept = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def bar(fraction: float | None, width: int = 10) -> str:
    if fraction is None:
        return ""
    # Short of the target, never a full bar (99.94 of 99.95 is not done).
    filled = width if fraction >= 1 else min(width - 1, round(fraction * width))
    return "█" * filled + "░" * (width - filled)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], align: tuple[str, ...]) -> str:
    """A pipe table of already escaped cells."""
    rule = [
        "---:" if index < len(align) and align[index] == "right" else "---"
        for index in range(len(header))
    ]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(value or " " for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _inline_markdown(body: str) -> str:
    """A user's Markdown on one table line: as written, raw HTML and pipes escaped."""
    return inline.markdown(body).replace("|", "\\|")


def block(item: m.Block) -> str:
    if isinstance(item, m.Text):
        if item.tone == "label":
            return f"**{text(item.text)}**"
        return f"_{text(item.text)}_" if item.tone == "muted" else text(item.text)
    if isinstance(item, m.Markdown):
        return demote(item.text)
    if isinstance(item, m.Heading):
        meta = f"\n\n_{text(item.meta)}_" if item.meta else ""
        return f"### {text(item.text)}{meta}"
    if isinstance(item, m.Facts):
        return "\n".join(f"- **{text(label)}:** {text(value)}" for label, value in item.rows)
    if isinstance(item, m.Table):
        rows = []
        for index, row in enumerate(item.rows):
            note = item.notes[index] if index < len(item.notes) else ""
            cells = [
                _inline_markdown(value) if column in item.markdown else cell(value)
                for column, value in enumerate(row)
            ]
            if note.strip() and item.main < len(cells):
                cells[item.main] += f" — {_inline_markdown(note)}"
            rows.append(tuple(cells))
        return _table(tuple(cell(h) for h in item.header), rows, item.align)
    if isinstance(item, m.ProgressList):
        return "\n".join(
            f"- **{text(p.title)}** ({text(p.owner)}, {text(p.status_label or p.status)}) "
            f"{bar(p.fraction)} "
            f"{text(p.figure)} · {text(p.confirmed)}".replace("  ", " ")
            for p in item.items
        )
    if isinstance(item, m.Bullets):
        return "\n".join(
            f"{index}. {text(value)}" if item.numbered else f"- {text(value)}"
            for index, value in enumerate(item.items, start=1)
        )
    if isinstance(item, m.Callout):
        if not item.items:
            return f"_{text(item.empty)}_"
        if item.markdown:
            return "\n".join(
                f"{i}. {inline.markdown(v)}" for i, v in enumerate(item.items, start=1)
            )
        return "\n".join(f"{i}. **{text(v)}**" for i, v in enumerate(item.items, start=1))
    if isinstance(item, m.Figures):
        return "\n".join(
            f"- **{text(value)}** {text(label)} ({text(detail)})"
            for value, label, detail in item.items
        )
    if isinstance(item, m.MonthlyChart):
        top = max([count for _, count in item.months] + [1])
        rows = [
            (cell(label), str(count), "▇" * round(12 * count / top)) for label, count in item.months
        ]
        parts = [f"**{text(item.title)}**", _table(("Month", "Notes", " "), rows, ("", "right"))]
        if item.note:
            parts.append(f"_{text(item.note)}_")
        return "\n\n".join(parts)
    if isinstance(item, m.Entry):
        private = "**Private** · " if item.private else ""
        parts = [f"#### {text(item.title)}", f"{private}_{text(item.meta)}_"]
        if item.body.strip():
            parts.append(demote(item.body, by=4))
        if item.impact.strip():
            parts.append(f"**Impact:** {inline.markdown(item.impact)}")
        if item.ask.strip():
            parts.append(f"**Ask:** {inline.markdown(item.ask)}")
        if item.evidence_url:
            parts.append(f"**Evidence:** <{item.evidence_url.replace('>', '%3E')}>")
        if item.also:
            parts.append(f"_{text(item.also)}_")
        return "\n\n".join(parts)
    if isinstance(item, m.NoteLines):
        return "_Space for your notes._"
    raise TypeError(f"no Markdown for {type(item).__name__}")


def render_markdown(document: m.Document) -> str:
    parts = [f"# {text(document.headline)}"]
    if document.band:
        parts.append(f"> **{text(document.band)}**")
    if document.cover:
        cover = document.cover
        rows = [f"- **{text(label)}:** {text(value)}" for label, value in cover.rows]
        parts.append("\n".join([f"_{text(cover.kind)} · {text(cover.notice)}_", "", *rows]))
    parts += [block(item) for item in document.intro]
    if document.contents:
        parts.append("\n".join(f"- [{text(s.title)}](#{slug(s.title)})" for s in document.sections))
    for section in document.sections:
        parts.append(f"## {text(section.title)}")
        parts += [block(item) for item in section.blocks]
    by = f" — prepared by {text(document.author)}" if document.author else ""
    parts.append(f"---\n\n_{text(document.confidential)}{by}, {document.generated.isoformat()}._")
    return "\n\n".join(part for part in parts if part.strip()) + "\n"
