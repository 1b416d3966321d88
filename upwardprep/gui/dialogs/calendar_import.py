"""File > Import Calendar…: choose an .ics export, map each series to a person, import off the UI
thread, then say what happened. A file that is not a readable calendar gets a plain sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from upwardprep.gui.forms.ui_calendar_import_dialog import Ui_CalendarImportDialog
from upwardprep.gui.jobs import Job, run_in_background
from upwardprep.gui.models.dates import short
from upwardprep.services import NotFound, Services, ValidationError
from upwardprep.services.calendar import ImportReport, SeriesSummary
from upwardprep.services.people import PersonData


def series_details(series: SeriesSummary) -> str:
    """ "weekly · 7 meetings · 3 Nov – 22 Dec 2026" """
    parts = ["repeating" if series.recurring else "one event"]
    if series.all_day:
        parts.append("all day")
    count = series.occurrences
    parts.append(
        "nothing ahead"
        if not count
        else f"{count}{'+' if series.truncated else ''} meeting{'s' if count != 1 else ''} ahead"
    )
    if series.first_start and series.last_start:
        first = series.first_start.astimezone().date()
        last = series.last_start.astimezone().date()
        parts.append(
            short(first) if first == last else f"{short(first, with_year=False)} – {short(last)}"
        )
    return " · ".join(parts)


def guess_person(summary: str, people: list[PersonData]) -> str | None:
    """The one person whose first name appears in the event's title ("Dana / Alex 1:1")."""
    words = {word.strip(".,:;/()[]-").casefold() for word in summary.split()}
    found = [p.id for p in people if p.name.split() and p.name.split()[0].casefold() in words]
    return found[0] if len(found) == 1 else None


class MappingDialog(QDialog):
    """One row per series in the file: its title, what it holds, and whom it is with."""

    def __init__(
        self, series: list[SeriesSummary], people: list[PersonData], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CalendarImportDialog()
        self.ui.setupUi(self)
        self.series = series
        grid = self.ui.seriesGrid
        grid.setColumnStretch(0, 1)
        self.combos: dict[str, QComboBox] = {}
        for row, item in enumerate(series):
            text = QLabel(
                f"<b>{_escape(item.summary or '(no title)')}</b><br>"
                f"<span style='color:palette(placeholder-text)'>{series_details(item)}</span>"
            )
            text.setObjectName(f"seriesLabel{row}")
            text.setTextFormat(Qt.TextFormat.RichText)  # two short lines: no wrapping
            combo = QComboBox()
            combo.setObjectName(f"seriesPerson{row}")
            combo.setAccessibleName(f"Person for {item.summary}")
            combo.addItem("Don't import", None)
            for person in people:
                combo.addItem(person.name, person.id)
            if item.occurrences:
                guessed = guess_person(item.summary, people)
                if guessed is not None:
                    combo.setCurrentIndex(combo.findData(guessed))
            else:
                combo.setEnabled(False)
            text.setBuddy(combo)
            grid.addWidget(text, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignTop)
            combo.currentIndexChanged.connect(self._update)
            self.combos[item.uid] = combo
        grid.setRowStretch(len(series), 1)
        scroll = self.ui.seriesScroll
        needed = self.ui.seriesHost.sizeHint().height() + 2 * scroll.frameWidth()
        scroll.setMinimumHeight(min(needed, 420))
        if needed <= 420:  # no scrolling, and no empty band below the last series
            scroll.setMaximumHeight(needed)
        self.ui.noPeopleLabel.setVisible(not people)
        buttons = self.ui.buttons
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.import_button.setObjectName("importButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._update()
        # As tall as the wrapped text needs at this width (a plain size hint guesses too high).
        width = self.minimumWidth()
        self.resize(width, self.ui.dialogLayout.totalHeightForWidth(width))

    def mapping(self) -> dict[str, str]:
        return {
            uid: combo.currentData() for uid, combo in self.combos.items() if combo.currentData()
        }

    def _update(self) -> None:
        self.import_button.setEnabled(bool(self.mapping()))


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


class CalendarImport(QObject):
    """The whole flow, started from the menu; the window keeps it alive while it runs."""

    finished = Signal()  # something was imported: lists should refresh
    message = Signal(str)  # for the status bar

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.window = parent
        self.job: Job | None = None
        self.report: ImportReport | None = None
        self.lock_signal: Any = None  # the session's aboutToLock, when there is one

    def start(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                "Import calendar",
                str(Path.home()),
                "Calendar export (*.ics);;All files (*)",
            )
        if not path:
            return
        try:
            series = self.services.calendar.preview(path)
        except ValidationError as error:
            self._problem(str(error))
            return
        if not series:
            self._problem(f"“{Path(path).name}” holds no events to import.")
            return
        dialog = MappingDialog(series, self.services.people.list(), self.window)
        if self.lock_signal is not None:  # locking closes it: no names left on screen
            self.lock_signal.connect(dialog.reject)
        if not dialog.exec():
            return
        mapping = dialog.mapping()
        services = self.services
        self.message.emit("Importing the calendar…")
        self.job = run_in_background(
            lambda: services.calendar.import_file(path, mapping), self._done, self._failed
        )

    def _done(self, report: ImportReport) -> None:
        self.job = None
        self.report = report
        self.message.emit(f"Calendar imported — {report.summary()}")
        self.finished.emit()

    def _failed(self, error: Exception) -> None:
        self.job = None
        if isinstance(error, ValidationError | NotFound):
            self._problem(str(error))
        else:
            self._problem(
                f"The calendar could not be imported; nothing was changed. ({type(error).__name__})"
            )

    def _problem(self, text: str) -> None:
        box = QMessageBox(self.window)
        box.setObjectName("calendarImportError")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Import calendar")
        box.setText(text)
        box.open()
