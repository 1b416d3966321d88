"""The documents as data: sections of typed blocks, rendered alike to PDF and to Markdown.

`brief.py`, `packet.py` and `handoff.py` fill these from the services; `pdf/render.py` and
`markdown_document.py` only draw them, so both formats always have the same sections in the same
order. Text fields are plain text unless the block says Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Text:
    text: str
    tone: str = "body"  # body, muted (an empty state), small


@dataclass(frozen=True)
class Markdown:
    """A Markdown body a user wrote (a note, a self-assessment)."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A heading inside a section; it gets an outline entry and, if `anchor`, a link target."""

    text: str
    anchor: str | None = None
    meta: str = ""  # a grey line under it


@dataclass(frozen=True)
class Facts:
    """Label: value lines (who, when, kind)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the width, one per column
    align: tuple[str, ...] = ()  # "left"/"right" per column (default left)
    notes: tuple[str, ...] = ()  # a grey second line per row under its main cell ("" = none)
    main: int = 0  # the column the notes sit under
    markdown: tuple[int, ...] = ()  # columns whose cells are inline Markdown (an ask)


@dataclass(frozen=True)
class Progress:
    """One priority: title, status, a bar for `fraction` (None: no target), figure, confirmed."""

    title: str
    status: str
    fraction: float | None
    figure: str
    confirmed: str
    owner: str = ""
    status_label: str = ""  # the status as a person reads it ("At risk"); `status` picks a colour


@dataclass(frozen=True)
class ProgressList:
    items: tuple[Progress, ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Callout:
    title: str
    items: tuple[str, ...]
    empty: str = ""
    markdown: bool = False  # the items are inline Markdown (asks as the user wrote them)


@dataclass(frozen=True)
class Figures:
    """Big numbers: (value, label, detail)."""

    items: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class MonthlyChart:
    title: str
    months: tuple[tuple[str, int], ...]  # ("Jun 2026", 7)
    note: str = ""  # a neutral line under the chart (how the notes spread over the period)


@dataclass(frozen=True)
class Entry:
    """One outcome note in full."""

    title: str
    meta: str
    body: str = ""  # Markdown
    impact: str = ""  # inline Markdown, as the user may write it
    ask: str = ""  # inline Markdown
    evidence_url: str = ""
    also: str = ""  # "Also supports: …", the other priorities it serves
    private: bool = False  # marked as private wherever it prints


@dataclass(frozen=True)
class Cover:
    """A title page: what it is, its title, who and when as label: value rows, a notice."""

    kind: str  # "Review packet"
    title: str
    rows: tuple[tuple[str, str], ...]
    notice: str = "Confidential"


@dataclass(frozen=True)
class NoteLines:
    """Ruled space for handwriting."""

    lines: int


Block = (
    Text
    | Markdown
    | Heading
    | Facts
    | Table
    | ProgressList
    | Bullets
    | Callout
    | Figures
    | MonthlyChart
    | Entry
    | NoteLines
)


@dataclass(frozen=True)
class Section:
    key: str  # stable anchor, e.g. "agenda"
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = False
    fill: bool = False  # NoteLines in it fill the rest of the page (the brief's notes)
    show_title: bool = True  # False when its first block carries the title (a callout)


@dataclass(frozen=True)
class Document:
    kind: str  # "brief" or "packet"
    title: str  # the document's title (metadata, running header)
    headline: str  # the first line on page one
    person: str  # whom it is about or with, for the running header
    author: str  # "prepared by"
    subject: str
    generated: date
    sections: tuple[Section, ...]
    intro: tuple[Block, ...] = ()  # under the headline, before the first section
    cover: Cover | None = None  # a title page (packet, handoff)
    contents: bool = False  # a table of contents after the cover
    confidential: str = "Confidential"
    keywords: tuple[str, ...] = field(default_factory=tuple)
    band: str = ""  # a notice on every page ("Contains private notes"); "" = none
    advice: tuple[str, ...] = ()  # for the author (the CLI, the app), never printed in it

    def section_titles(self) -> list[str]:
        return [section.title for section in self.sections]
