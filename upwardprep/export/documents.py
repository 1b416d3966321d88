"""The meeting brief and the review packet, as PDF or Markdown files: the public entry points.

Both run anywhere (CLI, a GUI worker thread): `progress(fraction, text)` reports, `cancelled()`
is polled, and the file appears only when complete: it is written into an unnamed file in the
folder the user chose and linked into place at the end (upwardprep.files.write_private), so a
cancelled or failed build, or a killed process, leaves no half file and no plaintext copy. The
result is readable by its owner only: these documents are confidential. A target that is the
store, one of its companions or backups, or not a regular file is refused before anything is
written.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

from upwardprep.export import model as m
from upwardprep.export.brief import DENSITIES, brief_document, first_density
from upwardprep.export.handoff import handoff_document
from upwardprep.export.markdown_document import render_markdown
from upwardprep.export.packet import packet_document
from upwardprep.export.pdf.render import ExportCancelled, render_pdf
from upwardprep.files import write_private
from upwardprep.services import Services, ValidationError
from upwardprep.services.vault import Vault

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportResult",
    "build_brief",
    "build_handoff",
    "build_packet",
    "default_filename",
]

FORMATS = ("pdf", "md")
BRIEF_PAGES = 2  # a brief is read in the minutes before a meeting
Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    pages: int | None  # None for Markdown
    sections: tuple[str, ...]
    advice: tuple[str, ...] = ()  # for the author: what to do before the document is used


def _check_format(fmt: str) -> str:
    value = (fmt or "").lower().lstrip(".")
    if value == "markdown":
        value = "md"
    if value not in FORMATS:
        raise ValidationError(f"“{fmt}” is not an export format; choose pdf or md.")
    return value


def _check_paper(paper: str) -> str:
    for name in ("A4", "Letter"):
        if (paper or "").strip().lower() == name.lower():
            return name
    raise ValidationError(f"“{paper}” is not a paper size; choose A4 or Letter.")


def default_filename(document: m.Document, fmt: str) -> str:
    """A file name from the document's title, safe on every file system."""
    stem = "".join(ch if ch.isalnum() or ch in " -_.()" else "-" for ch in document.title)
    stem = "-".join(part for part in stem.replace(" ", "-").split("-") if part)[:100]
    return f"{stem or 'upwardprep'}.{_check_format(fmt)}"


def _write(
    services: Services,
    document: m.Document,
    out: Path | str,
    fmt: str,
    paper: str,
    progress: Progress,
    cancelled: Cancelled,
    *,
    rendered: tuple[bytes, int] | None = None,
) -> ExportResult:
    """Write the document (or the PDF already `rendered`, with its page count) to `out`."""
    target = Path(out).expanduser()
    if target.is_dir():
        target = target / default_filename(document, fmt)
    if not target.parent.is_dir():
        raise ValidationError(f"The folder {target.parent} does not exist.")
    Vault(services.store.path).refuse_as_output(target)  # never the store, a backup, a device
    if cancelled():
        raise ExportCancelled("Export cancelled.")

    def produce(handle: IO[bytes]) -> int | None:
        if rendered is not None:
            handle.write(rendered[0])
            return rendered[1]
        if fmt == "pdf":
            return render_pdf(document, handle, paper=paper, progress=progress, cancelled=cancelled)
        handle.write(render_markdown(document).encode("utf-8"))
        return None

    pages = write_atomically(target, produce, cancelled)
    progress(1.0, "Done")
    return ExportResult(target, fmt, pages, tuple(document.section_titles()), document.advice)


T = TypeVar("T")


def write_atomically(
    target: Path, produce: Callable[[IO[bytes]], T], cancelled: Cancelled | None = None
) -> T:
    """Write a file that appears only when complete, readable by its owner only (see
    files.write_private: an unnamed file linked into place, so no failure, cancel or signal,
    SIGKILL included, leaves a half or temporary file)."""

    def write(handle: IO[bytes]) -> T:
        result = produce(handle)
        if cancelled is not None and cancelled():
            raise ExportCancelled("Export cancelled.")
        return result

    return write_private(target, write)


def _noop_progress(fraction: float, text: str) -> None:
    return None


def _never() -> bool:
    return False


def build_brief(
    services: Services,
    meeting_id: str,
    out: Path | str,
    *,
    fmt: str = "pdf",
    paper: str = "A4",
    author: str | None = None,
    stale_days: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """The meeting brief of one meeting, written to `out` (a file, or a folder to put it in)."""
    fmt, paper = _check_format(fmt), _check_paper(paper)
    report = progress or _noop_progress
    stop = cancelled or _never
    report(0.0, "Reading the meeting")
    facts = services.briefs.facts_for(meeting_id, stale_days=stale_days)
    if fmt != "pdf":
        document = brief_document(services, meeting_id, author=author, facts=facts)
        return _write(services, document, out, fmt, paper, report, stop)
    # One or two pages with the notes space, whatever the store holds: a crowded brief is laid
    # out again with shorter lists (in memory; the file is written once, as always).
    for density in range(first_density(facts), len(DENSITIES)):
        document = brief_document(services, meeting_id, author=author, density=density, facts=facts)
        buffer = io.BytesIO()
        pages = render_pdf(document, buffer, paper=paper, progress=report, cancelled=stop)
        if pages <= BRIEF_PAGES:
            break
    return _write(
        services, document, out, fmt, paper, report, stop, rendered=(buffer.getvalue(), pages)
    )


def build_packet(
    services: Services,
    cycle_id: str,
    out: Path | str,
    *,
    fmt: str = "pdf",
    paper: str = "A4",
    include_private: bool = False,
    author: str | None = None,
    stale_days: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """The review packet of one review cycle, written to `out` (a file, or a folder)."""
    fmt, paper = _check_format(fmt), _check_paper(paper)
    report = progress or _noop_progress
    document = packet_document(
        services,
        cycle_id,
        include_private=include_private,
        author=author,
        progress=report,
        stale_days=stale_days,
    )
    return _write(services, document, out, fmt, paper, report, cancelled or _never)


def build_handoff(
    services: Services,
    person_id: str,
    out: Path | str,
    *,
    fmt: str = "pdf",
    paper: str = "A4",
    author: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """The handoff packet for the working relationship with one person (no private notes)."""
    fmt, paper = _check_format(fmt), _check_paper(paper)
    report = progress or _noop_progress
    report(0.0, "Reading priorities, actions and 1:1s")
    document = handoff_document(services, person_id, author=author)
    return _write(services, document, out, fmt, paper, report, cancelled or _never)
