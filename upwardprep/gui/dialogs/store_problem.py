"""A store that cannot be opened: say what is wrong in one sentence, offer the way out."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from upwardprep.store.errors import (
    NotAStore,
    StorageFailed,
    StoreDamaged,
    StoreHasOtherNames,
    StoreInUse,
    StoreMissing,
    StoreTooNew,
)


class Choice(Enum):
    RESTORE = "restore"
    OTHER_STORE = "other"
    RETRY = "retry"
    QUIT = "quit"


TITLES = [
    (StoreDamaged, "The store is damaged"),
    (StoreMissing, "The store is missing"),
    (NotAStore, "This is not an UpwardPrep store"),
    (StoreInUse, "The store is open elsewhere"),
    (StoreTooNew, "The store needs a newer UpwardPrep"),
    (StorageFailed, "The disk refused to write"),  # full, read-only, no permission
    (StoreHasOtherNames, "The store has other names"),
]


def ask(error: Exception, *, has_backups: bool, parent: QWidget | None = None) -> Choice:
    title = next(
        (text for kind, text in TITLES if isinstance(error, kind)), "The store cannot be opened"
    )
    box = QMessageBox(parent)
    box.setObjectName("storeProblemDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(title)
    message = getattr(error, "message", None) or "UpwardPrep could not open the store."
    box.setInformativeText(message)
    findings = getattr(error, "findings", None)
    if findings:
        box.setDetailedText("\n".join(findings))
    buttons: dict[QAbstractButton, Choice] = {}
    offered: list[QPushButton] = []  # in the order added: the first is the default
    if has_backups and isinstance(error, StoreDamaged | NotAStore):
        restore = box.addButton("&Restore the latest backup…", QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreButton")
        buttons[restore] = Choice.RESTORE
        offered.append(restore)
    if isinstance(error, StoreInUse | StorageFailed):  # once it is closed, or space is freed
        retry = box.addButton("&Try again", QMessageBox.ButtonRole.AcceptRole)
        buttons[retry] = Choice.RETRY
        offered.append(retry)
    other = box.addButton("&Open another store…", QMessageBox.ButtonRole.ActionRole)
    buttons[other] = Choice.OTHER_STORE
    offered.append(other)
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = Choice.QUIT
    box.setDefaultButton(offered[0])
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)
