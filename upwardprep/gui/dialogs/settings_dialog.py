"""Preferences: auto-lock, stale-after days, paper size, default agenda template, folders."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from upwardprep.gui.settings import APPEARANCES, PAPER_SIZES, AppSettings
from upwardprep.services import Services, ValidationError
from upwardprep.services.settings import MAX_NAME, account_name


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: AppSettings,
        templates: list[str],
        parent: QWidget | None = None,
        *,
        services: Services | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services = services  # the store's own settings ("Your name"), when unlocked
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        self.auto_lock = QSpinBox()
        self.auto_lock.setObjectName("autoLockSpin")
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(" min")
        self.auto_lock.setSpecialValueText("Never")
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.setAccessibleName("Lock after idle minutes")
        self.stale_days = QSpinBox()
        self.stale_days.setObjectName("staleDaysSpin")
        self.stale_days.setRange(1, 365)
        self.stale_days.setSuffix(" days")
        self.stale_days.setValue(settings.stale_after_days)
        self.stale_days.setAccessibleName("Priorities need confirming after days")
        self.your_name = QLineEdit(services.settings.your_name() if services else "")
        self.your_name.setObjectName("yourNameEdit")
        self.your_name.setMaxLength(MAX_NAME)
        self.your_name.setPlaceholderText(
            account_name() or "How briefs and updates name you"
            if services
            else "Unlock the store to set your name"
        )
        self.your_name.setEnabled(services is not None)
        self.your_name.setAccessibleName("Your name, as documents print it")
        self.nudge = QSpinBox()
        self.nudge.setObjectName("nudgeSpin")
        self.nudge.setRange(0, 240)
        self.nudge.setSuffix(" min before")
        self.nudge.setSpecialValueText("Never")
        self.nudge.setValue(settings.nudge_minutes)
        self.nudge.setAccessibleName("Remind me before a one-on-one, minutes")
        self.paper = QComboBox()
        self.paper.setObjectName("paperCombo")
        self.paper.addItems(list(PAPER_SIZES))
        self.paper.setCurrentText(settings.paper_size)
        self.template = QComboBox()
        self.template.setObjectName("templateCombo")
        self.template.addItem("None", "")
        for name in templates:
            self.template.addItem(name, name)
        index = self.template.findData(settings.default_template)
        self.template.setCurrentIndex(max(0, index))
        self.appearance = QComboBox()
        self.appearance.setObjectName("appearanceCombo")
        for key, label in APPEARANCES.items():
            self.appearance.addItem(label, key)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        self.store_path = QLineEdit(settings.store_path)
        self.store_path.setObjectName("storePathEdit")
        self.store_path.setPlaceholderText("Default: the user data folder")
        self.backup_folder = QLineEdit(settings.backup_folder)
        self.backup_folder.setObjectName("backupFolderEdit")
        self.backup_folder.setPlaceholderText("Default: backups/ beside the store")

        form.addRow("Your &name:", self.your_name)
        form.addRow("&Lock after idle:", self.auto_lock)
        form.addRow("Priorities need &confirming after:", self.stale_days)
        form.addRow("&Remind me before a 1:1:", self.nudge)
        form.addRow("&Paper size:", self.paper)
        form.addRow("&Appearance:", self.appearance)
        form.addRow("Default agenda &template:", self.template)
        form.addRow("&Store file:", self._with_browse(self.store_path, folder=False))
        form.addRow("&Backup folder:", self._with_browse(self.backup_folder, folder=True))
        layout.addLayout(form)
        note = QLabel("A different store file is opened the next time UpwardPrep starts.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _with_browse(self, field: QLineEdit, *, folder: bool) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(field, 1)
        browse = QPushButton("Browse…")
        browse.setObjectName(field.objectName().replace("Edit", "Browse"))

        def choose() -> None:
            if folder:
                chosen = QFileDialog.getExistingDirectory(self, "Backup folder", field.text())
            else:
                chosen, _ = QFileDialog.getSaveFileName(
                    self,
                    "Store file",
                    field.text(),
                    "UpwardPrep store (*.upwardprep)",
                    options=QFileDialog.Option.DontConfirmOverwrite,
                )
            if chosen:
                field.setText(chosen)

        browse.clicked.connect(choose)
        box.addWidget(browse)
        return row

    def accept(self) -> None:
        if self.services is not None:
            try:
                self.services.settings.set_your_name(self.your_name.text())
            except ValidationError as error:
                QMessageBox.warning(self, "Settings", str(error))
                return
        self.settings.nudge_minutes = self.nudge.value()
        self.settings.auto_lock_minutes = self.auto_lock.value()
        self.settings.stale_after_days = self.stale_days.value()
        self.settings.paper_size = self.paper.currentText()
        self.settings.appearance = self.appearance.currentData() or "system"
        self.settings.default_template = self.template.currentData() or ""
        self.settings.store_path = self.store_path.text().strip()
        self.settings.backup_folder = self.backup_folder.text().strip()
        super().accept()
