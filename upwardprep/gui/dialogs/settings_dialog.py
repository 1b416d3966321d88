"""Preferences: your name, auto-lock, stale-after days, the 1:1 reminder, paper size, default
agenda template, folders; and Backups: the last verified backup, with the restore drill run on
demand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from upwardprep.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from upwardprep.gui.jobs import Job, run_in_background
from upwardprep.gui.settings import APPEARANCES, PAPER_SIZES, AppSettings
from upwardprep.gui.theme import set_tone
from upwardprep.paths import default_store_path
from upwardprep.services import Services, ValidationError, backup_places
from upwardprep.services.settings import MAX_NAME, account_name

if TYPE_CHECKING:
    from upwardprep.services.vault import BackupsReport


class SettingsDialog(QDialog):
    """`drill` runs the restore drill (on the thread pool: it reads a whole backup); `report` is
    the last one the app made, shown at once. Without `drill` (locked) Backups says so. The
    backup folder is the one chosen for `store` (the open store), shared with the CLI."""

    def __init__(
        self,
        settings: AppSettings,
        templates: list[str],
        parent: QWidget | None = None,
        *,
        services: Services | None = None,
        drill: Callable[[], BackupsReport] | None = None,
        report: BackupsReport | None = None,
        now: Callable[[], datetime] | None = None,
        store: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.settings = settings
        self.services = services  # the store's own settings ("Your name"), when unlocked
        self._drill = drill
        self._now = now
        self.job: Job | None = None
        ui = self.ui
        self.your_name, self.nudge = ui.yourNameEdit, ui.nudgeSpin
        self.auto_lock, self.stale_days = ui.autoLockSpin, ui.staleDaysSpin
        self.paper, self.template, self.appearance = (
            ui.paperCombo,
            ui.templateCombo,
            ui.appearanceCombo,
        )
        self.store_path, self.backup_folder = ui.storePathEdit, ui.backupFolderEdit
        self.your_name.setText(services.settings.your_name() if services else "")
        self.your_name.setMaxLength(MAX_NAME)
        self.your_name.setPlaceholderText(
            account_name() or "How briefs and updates name you"
            if services
            else "Unlock the store to set your name"
        )
        self.your_name.setEnabled(services is not None)
        self.nudge.setValue(settings.nudge_minutes)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.stale_days.setValue(settings.stale_after_days)
        self.paper.addItems(list(PAPER_SIZES))
        self.paper.setCurrentText(settings.paper_size)
        self.template.addItem("None", "")
        for name in templates:
            self.template.addItem(name, name)
        self.template.setCurrentIndex(max(0, self.template.findData(settings.default_template)))
        for key, label in APPEARANCES.items():
            self.appearance.addItem(label, key)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        self.store_path.setText(settings.store_path)
        self._store = store or (
            Path(settings.store_path).expanduser() if settings.store_path else default_store_path()
        )
        chosen = backup_places.chosen_folder(self._store)
        self.backup_folder.setText(str(chosen) if chosen else "")
        ui.storePathBrowse.clicked.connect(self._choose_store)
        ui.backupFolderBrowse.clicked.connect(self._choose_backup_folder)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.checkBackupsButton.clicked.connect(self.check_backups)
        ui.checkBackupsButton.setEnabled(drill is not None)
        if report is not None:
            self.show_report(report)
        elif drill is None:
            ui.lastVerifiedLabel.setText("Unlock the store to check its backups.")
        else:
            self.check_backups()

    def check_backups(self) -> None:
        if self._drill is None or self.job is not None:
            return
        self.ui.checkBackupsButton.setEnabled(False)
        self.ui.drillLabel.setText("Checking the newest backup…")
        self.job = run_in_background(self._drill, self._checked, self._check_failed)

    def _checked(self, report: BackupsReport) -> None:
        self.job = None
        self.ui.checkBackupsButton.setEnabled(True)
        self.show_report(report)

    def _check_failed(self, error: Exception) -> None:
        self.job = None
        self.ui.checkBackupsButton.setEnabled(True)
        self.ui.drillLabel.setText(f"The check could not run: {error}")

    def show_report(self, report: BackupsReport) -> None:
        from upwardprep.gui.safekeeping import describe_report, drill_details

        text, warns = describe_report(report, self._now() if self._now is not None else None)
        label = self.ui.lastVerifiedLabel
        label.setText(f"<b>{text}</b>")
        set_tone(label, "warning" if warns else None)
        self.ui.drillLabel.setText(drill_details(report))
        self.ui.drillLabel.setToolTip("\n".join(r.path.name for r in report.results))
        self.adjustSize()

    def _choose_store(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Store file",
            self.store_path.text(),
            "UpwardPrep store (*.upwardprep)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.store_path.setText(chosen)

    def _choose_backup_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Backup folder", self.backup_folder.text())
        if chosen:
            self.backup_folder.setText(chosen)

    def reject(self) -> None:
        if self.job is None:  # a drill in flight answers to this dialog: wait for it
            super().reject()

    def accept(self) -> None:
        if self.services is not None:
            try:
                self.services.settings.set_your_name(self.your_name.text())
            except ValidationError as error:
                QMessageBox.warning(self, "Settings", str(error))
                return
        self.settings.nudge_minutes = self.nudge.value()
        if self.job is not None:
            return
        try:
            backup_places.choose_folder(self._store, self.backup_folder.text().strip() or None)
        except OSError as error:
            QMessageBox.warning(
                self, "Settings", f"The backup folder could not be remembered: {error}"
            )
            return
        self.settings.auto_lock_minutes = self.auto_lock.value()
        self.settings.stale_after_days = self.stale_days.value()
        self.settings.paper_size = self.paper.currentText()
        self.settings.appearance = self.appearance.currentData() or "system"
        self.settings.default_template = self.template.currentData() or ""
        self.settings.store_path = self.store_path.text().strip()
        super().accept()
