"""Owning the data in the app: automatic backups and the last verified one, the Emergency Kit
and recovery, and the full export and import (File and Export menus).

Every piece of work that touches the store runs on the thread pool (gui.jobs), so typing never
waits for a backup: the automatic backup after unlock (once a day) runs beside the user's
edits; the one on lock or quit starts when the editors have flushed, and the session waits for
it before the store closes. The window's status bar shows the last verified backup, and warns
when it is over a week old.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from upwardprep.gui.icons import icon
from upwardprep.gui.jobs import ALL_KINDS, OUTCOME, PERSON, PRIORITY, Change, Job, run_in_background
from upwardprep.gui.theme import set_tone

if TYPE_CHECKING:
    from upwardprep.gui.main_window import MainWindow
    from upwardprep.gui.session import StoreSession
    from upwardprep.services.vault import BackupsReport

log = logging.getLogger("upwardprep.gui")


def _when(moment: datetime) -> str:
    return f"{moment.astimezone():%a %d %b %Y, %H:%M}"


def describe_report(report: BackupsReport, now: datetime | None) -> tuple[str, bool]:
    """The status line for a drill ("Last verified backup: …"), and whether it warns (over a
    week old by `now`; None: not judged)."""
    good = report.last_verified
    if not report.results:
        return "No backup yet", True
    if good is None:
        return "No backup passed its check: back up now", True
    text = f"Last verified backup: {_when(good.created)}"
    if now is not None and report.overdue(now):
        return f"{text} (over a week ago: back up now)", True
    if good is not report.newest:
        return f"{text} (the newest one failed its check)", True
    return text, False


def drill_details(report: BackupsReport) -> str:
    """One line per backup checked, newest first, for Settings › Backups."""
    lines = []
    for result in report.results:
        name = _when(result.created)
        if result.good:
            lines.append(
                f"✓ {name}: opens, passes the integrity checks, and holds the records the "
                f"store had then ({result.records:,} rows in {result.tables} tables)."
            )
        else:
            lines.append(f"✗ {name}: {result.problem}.")
    if not lines:
        lines.append(f"There are no backups in {report.folder} yet.")
    return "\n".join(lines)


class Safekeeping(QObject):
    def __init__(self, session: StoreSession, window: MainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self._jobs: list[Job] = []
        self.label = QLabel()
        self.label.setObjectName("backupStatusLabel")
        self.label.setAccessibleName("Backups")
        window.statusBar().addPermanentWidget(self.label)
        self.last_report: BackupsReport | None = None
        self._when: Callable[[Callable[[], None]], None] | None = None
        # After the window's own handlers: the editors flush before the backup on lock.
        session.unlocked.connect(self.after_unlock)
        session.aboutToLock.connect(self.before_lock)
        session.locked.connect(self.label.clear)
        window.data_requested.connect(self.handle)

    def _start(self, work: Any, done: Any, failed: Any) -> None:
        self._jobs = [*self._jobs[-7:], run_in_background(work, done, failed)]

    # -- automatic backups ---------------------------------------------------------------

    def start_after(self, when: Callable[[Callable[[], None]], None]) -> None:
        """Let the next unlock's backup check wait: `when(start)` calls start later. At
        start-up that is the window's first paint: on two cores the backup and the drill of a
        large store would otherwise compete with the first section's rows."""
        self._when = when

    def after_unlock(self) -> None:
        """The day's automatic backup if none was made today, then the drill of the newest
        backup; both on the thread pool."""
        services = self.session.services
        if services is None:
            return
        vault = self.session.vault

        def work() -> tuple[Any, BackupsReport]:
            made = vault.automatic_backup(services)
            return made, vault.drill(services)

        def start() -> None:
            if self.session.services is services:  # not locked in the meantime
                self._start(work, self._checked, self._backup_failed)

        self.label.setText("Checking backups…")
        when, self._when = self._when, None
        if when is None:
            start()
        else:
            when(start)

    def before_lock(self) -> None:
        """On lock or quit, after the editors flushed: a backup when something changed. The
        session waits for the thread pool before it closes the store."""
        services = self.session.services
        if services is None:
            return
        vault = self.session.vault
        self._start(
            lambda: vault.automatic_backup(services, on_close=True),
            lambda _made: None,
            self._backup_failed,
        )

    def _checked(self, result: tuple[Any, BackupsReport]) -> None:
        made, report = result
        self.show_report(report)
        if made is not None:
            # the file's name is in Settings › Backups: here it ran under the store's name
            self.window.show_message("Automatic backup made and verified")

    def show_report(self, report: BackupsReport) -> None:
        self.last_report = report
        if not self.session.is_unlocked:
            return
        text, warns = describe_report(report, self.session.clock())
        self.label.setText(text)
        _warn(self.label, warns)
        self.label.setToolTip(drill_details(report))

    def _backup_failed(self, error: Exception) -> None:
        log.warning("automatic backup failed: %s", type(error).__name__)
        if self.session.is_unlocked:
            self.label.setText("The automatic backup failed")
            _warn(self.label, True)
            self.label.setToolTip(str(error))

    def drill(self) -> BackupsReport:
        """The restore drill now (Settings › Backups runs it on the thread pool)."""
        services = self.session.services
        if services is None:
            raise RuntimeError("The store is locked.")
        return self.session.vault.drill(services)

    # -- the menus -----------------------------------------------------------------------

    def handle(self, what: str) -> None:
        if self.session.services is None:
            return
        self.window.flush_all()
        {
            "kit": self.emergency_kit,
            "export_all": self.export_all,
            "import_all": self.import_all,
            "import_outcomes": self.import_outcomes,
        }[what]()

    def _save_path(self, title: str, name: str, filters: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, title, str(Path(folder) / name), filters
        )
        return path

    def emergency_kit(self) -> None:
        """Explain, ask where, write the one-page PDF (user-only) off the UI thread."""
        services = self.session.services
        if services is None:
            return
        box = QMessageBox(self.window)
        box.setObjectName("kitIntro")
        box.setWindowTitle("Emergency Kit")
        # Without an icon Qt still indents the text by its icon column's spacing (about
        # 20 px, which looked like a mistake): the app's own lock, in the palette's colour.
        box.setIconPixmap(icon("lock").pixmap(QSize(32, 32), box.devicePixelRatio()))
        box.setText("Print a page that opens this store if you forget the passphrase.")
        box.setInformativeText(
            "The kit holds the store's recovery key (and a QR code of it). Anyone with the "
            "kit and the store file can read your notes: print it, keep it somewhere safe, and "
            "delete the PDF. After a passphrase change the kit no longer opens the store."
        )
        save = box.addButton("&Save Kit…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not save:
            return
        name = f"UpwardPrep Emergency Kit - {self.session.name}.pdf"
        path = self._save_path("Save the Emergency Kit", name, "PDF document (*.pdf)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(f"{path}.pdf")
        vault = self.session.vault
        paper = self.window.settings.paper_size

        def work() -> Path:
            from upwardprep.export.kit import write_kit

            return write_kit(vault.kit_facts(services), target, paper=paper)

        def done(written: Path) -> None:
            QMessageBox.information(
                self.window,
                "Emergency Kit saved",
                f"The kit is in {written}.\n\nPrint it now, keep the paper somewhere safe, and "
                "delete the file.",
            )

        self._start(work, done, self._failed("The Emergency Kit could not be saved"))

    def offer_new_kit(self, reason: str) -> None:
        """After a passphrase change or a recovery: the old kit no longer opens the store."""
        answer = QMessageBox.question(
            self.window,
            "Make a new Emergency Kit?",
            f"{reason} An Emergency Kit made before no longer opens the store. Make a new one now?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.emergency_kit()

    def export_all(self) -> None:
        services = self.session.services
        if services is None:
            return
        day = self.session.clock().astimezone().date().isoformat()
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            "Export all data",
            str(
                Path(
                    QStandardPaths.writableLocation(
                        QStandardPaths.StandardLocation.DocumentsLocation
                    )
                )
                / f"upwardprep-export-{day}.json"
            ),
            "JSON, every record (*.json);;Markdown folder (Obsidian vault) (*)",
        )
        if not path:
            return
        markdown = chosen.startswith("Markdown")

        def work() -> str:
            document = services.transfer.export_document()
            if not markdown:
                target = path if path.lower().endswith(".json") else f"{path}.json"
                return str(services.transfer.write_document(document, target))
            from upwardprep.export.markdown_folder import write_markdown_folder

            return str(write_markdown_folder(document, path).path)

        def done(written: str) -> None:
            QMessageBox.information(
                self.window,
                "Exported",
                f"Every record is in {written}. The files are not encrypted: keep them safe.",
            )

        self._start(work, done, self._failed("The export failed"))

    def import_all(self) -> None:
        services = self.session.services
        if services is None:
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self.window, "Import all data", "", "UpwardPrep export (*.json);;All files (*)"
        )
        if not path:
            return

        def checked(report: Any) -> None:
            lines = "\n".join(report.lines()) or "Nothing to add or update."
            answer = QMessageBox.question(
                self.window,
                "Import all data",
                f"{Path(path).name}: {report.added:,} records to add, {report.updated:,} to "
                f"update, {report.skipped:,} already here (as new or newer).\n\n{lines}\n\n"
                "Import now? (A backup is made first.)",
            )
            if answer != QMessageBox.StandardButton.Yes or not report.changed:
                return
            vault = self.session.vault

            def work() -> Any:
                vault.backup(services, reason="pre-import")
                return services.transfer.import_json(path)

            self._start(work, imported, self._failed("Nothing was imported"))

        def imported(report: Any) -> None:
            self.session.announce(Change(ALL_KINDS))
            self.window.show_message(
                f"Imported: {report.added:,} added, {report.updated:,} updated."
            )

        self._start(
            lambda: services.transfer.import_json(path, dry_run=True),
            checked,
            self._failed("Nothing was imported"),
        )

    def import_outcomes(self) -> None:
        from upwardprep.gui.dialogs.import_outcomes import ImportOutcomesDialog

        services = self.session.services
        if services is None:
            return
        path, _chosen = QFileDialog.getOpenFileName(
            self.window, "Import outcomes", "", "CSV file (*.csv);;All files (*)"
        )
        if not path:
            return
        try:
            preview = services.brag_csv.preview(path)
        except Exception as error:
            self._failed("Nothing was imported")(error)
            return
        dialog = ImportOutcomesDialog(Path(path), preview, self.window)
        if not dialog.exec():
            return

        def done(result: Any) -> None:
            self.session.announce(Change.of(OUTCOME, PRIORITY, PERSON))
            self.window.show_message(f"Imported {result.imported:,} outcome notes")

        self._start(
            lambda: services.brag_csv.import_file(path),
            done,
            self._failed("Nothing was imported"),
        )

    def _failed(self, title: str) -> Any:
        def show(error: Exception) -> None:
            message = str(error) if str(error) else type(error).__name__
            QMessageBox.warning(self.window, title, message)

        return show


def _warn(label: QLabel, warns: bool) -> None:
    """The status bar's backup line in the warning tone and bold, or plain."""
    set_tone(label, "warning" if warns else None)
    font = label.font()
    font.setBold(warns)
    label.setFont(font)
