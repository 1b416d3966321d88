"""The custom flowables of the documents: outlined headings, anchors, the contents, progress
bars, ruled note lines, sections drawn only where they fit, and indented (quoted) blocks."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from upwardprep.export.pdf.fonts import SANS
from upwardprep.export.pdf.paragraph import Paragraph
from upwardprep.export.pdf.theme import Theme


class Outlined(Paragraph):
    """A heading that becomes an outline entry (and, at level 0, a contents line)."""

    def __init__(self, text: str, style: Any, *, key: str, title: str, level: int) -> None:
        super().__init__(f'<a name="{key}"/>{text}', style)
        self.outline = (key, title, level)


def _probing(available_height: float) -> bool:
    """KeepTogether measures its content with a near-endless height, not a page's: what fills
    or fits "the rest of the page" must not take that for room."""
    return available_height > 20_000


class KeepNote(KeepTogether):
    """KeepTogether for a note (and the headings glued before it), except that a note taller
    than a whole page starts where it is: ReportLab's own moves it to a new page first, which
    gains nothing and leaves the page before it ending on a heading. The flowables it then
    hands back still keep their headings with what follows (the document's keepWithNext)."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        pieces: list[Flowable] = super().split(available_width, available_height)
        frame = getattr(self, "_frame", None)
        # The frame must take the first piece as it is (ReportLab adds it without splitting),
        # with room for its space before: otherwise the usual new page.
        if frame is not None and frame._height < self._H and available_height >= self._H0 + 36:
            return list(self._content)
        return pieces


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
            # Leaders on a grid shared by every line, up to the widest page number's edge.
            step = canvas.stringWidth(". ", SANS, 11)
            first = (int((canvas.stringWidth(title, SANS, 11) + 8) // step) + 1) * step
            end = self.width - canvas.stringWidth("000", SANS, 11) - 4
            canvas.setFillColor(muted)
            canvas.drawString(first, y, ". " * max(0, int((end - first) // step)))
            canvas.saveState()
            canvas.translate(self.width, y)
            canvas.doForm(f"contents-{key}")
            canvas.restoreState()
            canvas.linkRect("", key, (0, y - 4, self.width, y + 14), relative=1, thickness=0)


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


class Nested(Flowable):
    """A block indented by `left`, with a quote bar at each x in `bars`; splits like its child."""

    def __init__(self, child: Flowable, left: float, bars: tuple[float, ...], colour: Any):
        super().__init__()
        self.child = child
        self.left = left
        self.bars = bars
        self.colour = colour
        self.keepWithNext = getattr(child, "keepWithNext", 0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.child.wrap(max(available_width - self.left, 1), available_height)
        self.width, self.height = width + self.left, height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.child.split(max(available_width - self.left, 1), available_height)
        return [Nested(part, self.left, self.bars, self.colour) for part in parts]

    def getSpaceBefore(self) -> float:
        return float(self.child.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.child.getSpaceAfter())

    def draw(self) -> None:
        canvas = self.canv
        if self.bars:
            canvas.saveState()
            canvas.setStrokeColor(self.colour)
            canvas.setLineWidth(2)
            bottom = -self.getSpaceAfter() if self.getSpaceAfter() < 8 else -4
            for x in self.bars:
                canvas.line(x, bottom, x, self.height)
            canvas.restoreState()
        self.child.drawOn(canvas, self.left, 0)
