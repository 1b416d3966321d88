"""File > Restore from Backup: this store's backups, newest first, or any backup file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QListWidgetItem, QWidget

from upwardprep.gui.forms.ui_backup_chooser import Ui_BackupChooser
from upwardprep.services.vault import BackupInfo

REASONS = {
    "": "backup",
    "pre-upgrade": "made before an upgrade",
    "pre-restore": "the store as it was before a restore",
    "pre-passwd": "made before a passphrase change",
    "pre-import": "made before an import",
    "auto": "automatic backup",
}


def describe(info: BackupInfo) -> str:
    when = info.created.astimezone()
    size = f"{info.size / 1e6:.1f} MB" if info.size >= 100_000 else f"{info.size / 1e3:.0f} kB"
    reason = REASONS.get(info.reason, info.reason)
    return f"{when:%a %d %b %Y, %H:%M} · {size} · {reason}"


class BackupChooser(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_BackupChooser()
        self.ui.setupUi(self)
        self.chosen: Path | None = None
        self.list = self.ui.backupList
        for info in sorted(backups, key=lambda b: b.created, reverse=True):
            item = QListWidgetItem(describe(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(info.path.name)
            self.list.addItem(item)
        self.ui.noBackupsLabel.setVisible(not backups)
        self.list.setVisible(bool(backups))
        buttons = self.ui.buttons
        self.restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setObjectName("restoreButton")
        self.restore.setEnabled(bool(backups))
        other = buttons.addButton("&Other File…", QDialogButtonBox.ButtonRole.ActionRole)
        other.setObjectName("otherFileButton")
        other.clicked.connect(self._other_file)
        buttons.accepted.connect(self._accept_selected)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._accept_selected())
        if backups:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        self.resize(520, 320)

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
        self.accept()

    def _other_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a backup",
            "",
            "UpwardPrep backups (*.upwardprep-backup *.upwardprep);;All files (*)",
        )
        if chosen:
            self.chosen = Path(chosen)
            self.accept()


def choose_backup(backups: list[BackupInfo], parent: QWidget | None = None) -> Path | None:
    dialog = BackupChooser(backups, parent)
    return dialog.chosen if dialog.exec() else None
