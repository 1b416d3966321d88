"""Preferences: auto-lock, stale-after days, paper size, default agenda template, folders."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from upwardprep.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from upwardprep.gui.settings import APPEARANCES, PAPER_SIZES, AppSettings


class SettingsDialog(QDialog):
    def __init__(
        self, settings: AppSettings, templates: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.settings = settings
        ui = self.ui
        self.auto_lock, self.stale_days = ui.autoLockSpin, ui.staleDaysSpin
        self.paper, self.template, self.appearance = (
            ui.paperCombo,
            ui.templateCombo,
            ui.appearanceCombo,
        )
        self.store_path, self.backup_folder = ui.storePathEdit, ui.backupFolderEdit
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
        self.backup_folder.setText(settings.backup_folder)
        ui.storePathBrowse.clicked.connect(self._choose_store)
        ui.backupFolderBrowse.clicked.connect(self._choose_backup_folder)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

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

    def accept(self) -> None:
        self.settings.auto_lock_minutes = self.auto_lock.value()
        self.settings.stale_after_days = self.stale_days.value()
        self.settings.paper_size = self.paper.currentText()
        self.settings.appearance = self.appearance.currentData() or "system"
        self.settings.default_template = self.template.currentData() or ""
        self.settings.store_path = self.store_path.text().strip()
        self.settings.backup_folder = self.backup_folder.text().strip()
        super().accept()
