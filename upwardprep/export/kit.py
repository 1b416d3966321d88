"""The Emergency Kit: one printed page that opens the store when the passphrase is forgotten.

It names the store and where it lives, the day it was made, the recovery key in numbered groups
(with a QR code of it), and what to do. The PDF is built in memory and written once, user-only,
through a temporary file renamed into place: the key exists in memory and on that page only.
Nothing identifying goes into the PDF's metadata beyond its title.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from upwardprep import __version__
from upwardprep.export.pdf.theme import MONO, SANS, SANS_BOLD, Theme
from upwardprep.services.files import write_private_file
from upwardprep.services.recovery_key import KitFacts

__all__ = ["TITLE", "KitFacts", "kit_pdf", "write_kit"]

TITLE = "UpwardPrep Emergency Kit"


def _qr(text: str, size: float) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _key_table(theme: Theme, key: str) -> Table:
    """The 14 groups in two rows of seven, each with its number above it."""
    groups = key.split("-")
    palette = theme.palette
    rows: list[list[str]] = []
    for start in (0, 7):
        rows.append([str(number) for number in range(start + 1, start + 8)])
        rows.append(groups[start : start + 7])
    table = Table(rows, colWidths=[15 * mm] * 7, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), SANS, 7),
                ("FONT", (0, 2), (-1, 2), SANS, 7),
                ("TEXTCOLOR", (0, 0), (-1, 0), palette.muted),
                ("TEXTCOLOR", (0, 2), (-1, 2), palette.muted),
                ("FONT", (0, 1), (-1, 1), MONO, 14),
                ("FONT", (0, 3), (-1, 3), MONO, 14),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
                ("BACKGROUND", (-1, 3), (-1, 3), palette.callout),  # the checksum group
            ]
        )
    )
    return table


def _facts_table(theme: Theme, facts: KitFacts) -> Table:
    cell = theme.style("cell")
    head = theme.style("cell_head")
    rows = [
        [Paragraph("Store", head), Paragraph(escape(facts.store_name), cell)],
        [Paragraph("Where it is", head), Paragraph(escape(str(facts.store_path)), cell)],
        [Paragraph("Kit made on", head), Paragraph(f"{facts.made_on:%A %d %B %Y}", cell)],
    ]
    table = Table(rows, colWidths=[32 * mm, theme.frame_width - 32 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, theme.palette.rule),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _story(theme: Theme, facts: KitFacts) -> list[Flowable]:
    body, small = theme.style("body"), theme.style("small")
    key_block = Table(
        [[_key_table(theme, facts.recovery_key), _qr(facts.recovery_key, 40 * mm)]],
        colWidths=[theme.frame_width - 44 * mm, 44 * mm],
        hAlign="LEFT",
    )
    key_block.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 0.8, theme.palette.accent),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    steps = [
        "Open UpwardPrep and choose <b>Forgot your passphrase?</b> in the unlock window, or run "
        "<font name='UPMono'>upwardprep recover</font> in a terminal.",
        "Type the recovery key above, or scan the code. Capitals or small letters, spaces or "
        "hyphens: all are fine. If a character is wrong, UpwardPrep says which group to check.",
        "Choose a new passphrase. Your notes open with it from then on.",
    ]
    numbered = [
        Paragraph(f"<b>{number}.</b>&nbsp;&nbsp;{text}", body)
        for number, text in enumerate(steps, start=1)
    ]
    return [
        Paragraph(TITLE, theme.style("title")),
        Paragraph(
            "This page opens your UpwardPrep store if you ever forget its passphrase. Print it "
            "and keep it somewhere safe, like a passport.",
            theme.style("subtitle"),
        ),
        _facts_table(theme, facts),
        Spacer(1, 5 * mm),
        Paragraph("Recovery key", theme.style("h2")),
        key_block,
        Paragraph(
            f"Recovery key: <font name='{MONO}'>{facts.recovery_key}</font>",
            small,
        ),
        Spacer(1, 3 * mm),
        KeepTogether([Paragraph("If you forget your passphrase", theme.style("h2")), *numbered]),
        Paragraph("Keep in mind", theme.style("h2")),
        Paragraph(
            "Anyone who has this page and your store file can read everything in the store. "
            "Keep it on paper, not in e-mail, chat or a cloud folder.",
            body,
        ),
        Paragraph(
            "This key opens the store under its current passphrase, and the backups made while "
            "that passphrase was in use. <b>After you change the passphrase, this kit no longer "
            "opens the store:</b> make a new kit then (File › Emergency Kit…, or "
            f"<font name='{MONO}'>upwardprep kit</font>) and destroy this page.",
            body,
        ),
        Spacer(1, 6 * mm),
        Paragraph(
            f"<font name='{SANS_BOLD}'>Your passphrase</font> (optional, write it by hand): "
            "____________________________________________",
            body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(f"Made by UpwardPrep {__version__}.", theme.style("meta")),
    ]


def kit_pdf(facts: KitFacts, *, paper: str = "A4") -> tuple[bytes, int]:
    """The kit as PDF bytes, and its page count (one, by design; a test holds it there)."""
    theme = Theme(paper=paper)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=theme.page_size,
        leftMargin=theme.margin,
        rightMargin=theme.margin,
        topMargin=theme.margin,
        bottomMargin=theme.margin,
        title=TITLE,
        creator=f"UpwardPrep {__version__}",
        producer=f"UpwardPrep {__version__} (ReportLab)",
        lang="en",
        initialFontName=SANS,
    )
    document.build(_story(theme, facts))
    return buffer.getvalue(), document.page


def write_kit(facts: KitFacts, out: Path, *, paper: str = "A4") -> Path:
    """Write the kit to `out` (0600, whole or not at all; never onto the store itself)."""
    data, _pages = kit_pdf(facts, paper=paper)
    return write_private_file(Path(out), data, protect=facts.store_path)
