"""Exporting a meeting brief or a review packet from the app: pick, save as, build, open.

The build runs on the thread pool (jobs.run_in_background) with a progress dialog whose Cancel is
honoured between pages; the file appears only when complete (export.documents writes beside the
target and renames). Then a message offers Open, Show in folder and Print (the system's PDF
viewer prints; the app has no print pipeline of its own). The meeting and review screens call
`export_brief` / `export_packet` / `export_handoff` from their buttons; the Export menu uses
`pick_and_export_*`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from upwardprep.export.documents import (
    ExportCancelled,
    ExportResult,
    build_brief,
    build_handoff,
    build_packet,
)
from upwardprep.gui.forms.ui_export_picker import Ui_ExportPicker
from upwardprep.gui.jobs import Job, run_in_background
from upwardprep.gui.settings import AppSettings
from upwardprep.services import NotFound, Services, ValidationError

PDF_FILTER = "PDF document (*.pdf)"
MD_FILTER = "Markdown text (*.md)"
_running: list[ExportRun] = []  # keeps each run (and its job's signals) alive until it ends


@dataclass(frozen=True)
class Target:
    path: Path
    fmt: str


def choose_target(parent: QWidget | None, title: str, suggested: str) -> Target | None:
    """Ask where to save (PDF or Markdown by the chosen filter or suffix); None if cancelled."""
    settings = AppSettings()
    folder = str(settings.qsettings.value("export/folder", "")) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, str(Path(folder) / suggested), f"{PDF_FILTER};;{MD_FILTER}"
    )
    if not path:
        return None
    target = Path(path)
    fmt = "md" if target.suffix.lower() == ".md" or chosen == MD_FILTER else "pdf"
    if target.suffix.lower() != f".{fmt}":
        target = target.with_name(f"{target.name}.{fmt}")
    settings.qsettings.setValue("export/folder", str(target.parent))  # a folder, never content
    return Target(target, fmt)


class ExportRun(QObject):
    """One build in the background: progress, Cancel, then the outcome."""

    progressed = Signal(float, str)
    finished = Signal(object)  # the ExportResult, or None when cancelled or failed

    def __init__(self, parent: QWidget | None, what: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.what = what
        self.cancel_event = threading.Event()
        self.result: ExportResult | None = None
        self.error: BaseException | None = None
        self.job: Job | None = None
        self.message: QMessageBox | None = None
        self.dialog = QProgressDialog(f"Preparing the {what}…", "Cancel", 0, 1000, parent)
        self.dialog.setObjectName("exportProgress")
        self.dialog.setWindowTitle(f"Exporting the {what}")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)

    def cancel(self) -> None:
        self.cancel_event.set()
        self.dialog.setLabelText("Cancelling…")

    def report(self, fraction: float, text: str) -> None:
        """Called on the worker thread; the signal carries it to the GUI thread."""
        self.progressed.emit(fraction, text)

    def _show_progress(self, fraction: float, text: str) -> None:
        if not self.cancel_event.is_set():
            self.dialog.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
            self.dialog.setLabelText(text + "…" if text != "Done" else "Done")

    def start(self, work: Any) -> None:
        _running.append(self)
        self.job = run_in_background(work, self._done, self._failed)

    def _end(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        if self in _running:
            _running.remove(self)

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self._end()
        self.message = show_result(self.parent_widget, result)
        self.finished.emit(result)

    def _failed(self, error: Exception) -> None:
        self.error = error
        self._end()
        if isinstance(error, ExportCancelled):
            _status(
                self.parent_widget, f"Export of the {self.what} cancelled; nothing was written."
            )
        elif isinstance(error, ValidationError | NotFound | OSError):
            detail = error.strerror if isinstance(error, OSError) and error.strerror else error
            QMessageBox.warning(
                self.parent_widget, "Export failed", f"The {self.what} was not written: {detail}"
            )
        else:
            # Never the error's text: it may quote a note. The kind is enough to report it.
            QMessageBox.warning(
                self.parent_widget,
                "Export failed",
                f"The {self.what} could not be built ({type(error).__name__}). "
                "Nothing was written; your notes are unchanged.",
            )
        self.finished.emit(None)


def _status(parent: QWidget | None, text: str) -> None:
    window = parent.window() if parent is not None else None
    show = getattr(window, "show_message", None)
    if callable(show):
        show(text)


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def show_result(parent: QWidget | None, result: ExportResult) -> QMessageBox:
    """A non-blocking message: Open, Show in folder, Print (through the system viewer)."""
    pages = f" ({result.pages} page{'s' if result.pages != 1 else ''})" if result.pages else ""
    box = QMessageBox(parent)
    box.setObjectName("exportDone")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Export finished")
    box.setText(f"Saved {result.path.name}{pages}.")
    box.setInformativeText(str(result.path.parent))
    open_button = box.addButton("&Open", QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("exportOpen")
    folder_button = box.addButton("Show in &Folder", QMessageBox.ButtonRole.ActionRole)
    folder_button.setObjectName("exportShowFolder")
    if result.format == "pdf":
        print_button = box.addButton("&Print…", QMessageBox.ButtonRole.ActionRole)
        print_button.setObjectName("exportPrint")
        print_button.setToolTip("Opens the PDF in your viewer; print from there")
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)
    box.setEscapeButton(close)

    def clicked(button: Any) -> None:
        if button is folder_button:
            show_in_folder(result.path)
        elif button is not close:  # Open and Print both hand the file to the system viewer
            open_file(result.path)

    box.buttonClicked.connect(clicked)
    box.open()
    _status(parent, f"Saved {result.path.name}")
    return box


def _paper() -> str:
    return AppSettings().paper_size


def _stale_days() -> int:
    """The user's "priorities need confirming after" setting, which documents follow too."""
    return AppSettings().stale_after_days


def export_brief(
    parent: QWidget | None, services: Services, meeting_id: str, *, target: Target | None = None
) -> ExportRun | None:
    """Ask where, then build the meeting brief of `meeting_id` in the background."""
    meeting = services.meetings.get(meeting_id)
    with_whom = meeting.person_name or meeting.title or "meeting"
    day = meeting.scheduled_at.astimezone().date().isoformat()
    target = target or choose_target(
        parent, "Export meeting brief", _safe(f"Brief {with_whom} {day}") + ".pdf"
    )
    if target is None:
        return None
    run = ExportRun(parent, "meeting brief")
    paper, stale_days = _paper(), _stale_days()
    run.start(
        lambda: build_brief(
            services,
            meeting_id,
            target.path,
            fmt=target.fmt,
            paper=paper,
            stale_days=stale_days,
            progress=run.report,
            cancelled=run.cancel_event.is_set,
        )
    )
    return run


def export_packet(
    parent: QWidget | None,
    services: Services,
    cycle_id: str,
    *,
    include_private: bool = False,
    target: Target | None = None,
) -> ExportRun | None:
    """Ask where, then build the review packet of `cycle_id` in the background."""
    cycle = services.reviews.get(cycle_id)
    target = target or choose_target(
        parent, "Export review packet", _safe(f"Review packet {cycle.name}") + ".pdf"
    )
    if target is None:
        return None
    run = ExportRun(parent, "review packet")
    paper, stale_days = _paper(), _stale_days()
    run.start(
        lambda: build_packet(
            services,
            cycle_id,
            target.path,
            fmt=target.fmt,
            paper=paper,
            stale_days=stale_days,
            include_private=include_private,
            progress=run.report,
            cancelled=run.cancel_event.is_set,
        )
    )
    return run


def export_handoff(
    parent: QWidget | None, services: Services, person_id: str, *, target: Target | None = None
) -> ExportRun | None:
    """Ask where, then build the handoff packet for `person_id` in the background."""
    person = services.people.get(person_id)
    target = target or choose_target(
        parent, "Export handoff packet", _safe(f"Handoff {person.name}") + ".pdf"
    )
    if target is None:
        return None
    run = ExportRun(parent, "handoff packet")
    paper = _paper()
    run.start(
        lambda: build_handoff(
            services,
            person_id,
            target.path,
            fmt=target.fmt,
            paper=paper,
            progress=run.report,
            cancelled=run.cancel_event.is_set,
        )
    )
    return run


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_()" else "-" for ch in name).strip()[:100]


# -- the Export menu: pick what to export --------------------------------------------------------


class ExportPicker(QDialog):
    """A small dialog: which meeting (or which review cycle) to export."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        choices: list[tuple[str, str]],
        *,
        private_option: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportPicker()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.choice, self.private = self.ui.exportChoice, self.ui.includePrivate
        self.ui.choiceLabel.setText(label)
        self.choice.setAccessibleName(label.replace("&", ""))
        for text, record_id in choices:
            self.choice.addItem(text, record_id)
        self.private.setVisible(private_option)
        buttons = self.ui.buttons
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def chosen(self) -> str | None:
        value = self.choice.currentData()
        return str(value) if value else None


def meeting_choices(services: Services) -> list[tuple[str, str]]:
    """Planned meetings first (soonest first), then held ones (latest first)."""
    meetings = services.meetings.list()
    planned = sorted((m for m in meetings if m.status == "planned"), key=lambda m: m.scheduled_at)
    held = [m for m in meetings if m.status != "planned"]
    choices = []
    for meeting in [*planned, *held]:
        when = meeting.scheduled_at.astimezone()
        who = meeting.person_name or meeting.title or "meeting"
        choices.append((f"{when:%a %d %b %Y %H:%M} · {who} · {meeting.status}", meeting.id))
    return choices


def pick_and_export_brief(parent: QWidget | None, services: Services) -> ExportRun | None:
    choices = meeting_choices(services)
    if not choices:
        QMessageBox.information(
            parent, "No meetings", "There is no meeting to brief yet: plan a 1:1 first."
        )
        return None
    picker = ExportPicker(parent, "Export meeting brief", "&Meeting:", choices)
    if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen() is None:
        return None
    return export_brief(parent, services, picker.chosen() or "")


def pick_and_export_packet(parent: QWidget | None, services: Services) -> ExportRun | None:
    cycles = services.reviews.list()
    if not cycles:
        QMessageBox.information(
            parent, "No review cycles", "There is no review cycle yet: create one first."
        )
        return None
    choices = [
        (f"{c.name} ({c.period_start:%d %b %Y} – {c.period_end:%d %b %Y})", c.id) for c in cycles
    ]
    picker = ExportPicker(
        parent, "Export review packet", "&Review cycle:", choices, private_option=True
    )
    if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen() is None:
        return None
    return export_packet(
        parent, services, picker.chosen() or "", include_private=picker.private.isChecked()
    )


def pick_and_export_handoff(parent: QWidget | None, services: Services) -> ExportRun | None:
    people = services.people.list()
    if not people:
        QMessageBox.information(parent, "No people", "There is nobody to hand over yet.")
        return None
    choices = [(f"{p.name} ({p.role})", p.id) for p in people]
    picker = ExportPicker(parent, "Export handoff packet", "&Person:", choices)
    if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen() is None:
        return None
    return export_handoff(parent, services, picker.chosen() or "")
