"""A nudge before the 1:1: a desktop notification N minutes before a planned meeting.

While the store is unlocked, once a minute, the agenda service names the 1:1s starting within
N minutes (the "Remind me before a 1:1" setting; 0 turns it off); each gets one notification
("1:1 with Dana at 10:00 — 5 items, 28 of 30 min"), and clicking it opens the meeting. Where the
desktop has no tray (QSystemTrayIcon.isSystemTrayAvailable()), nothing is shown.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from upwardprep import APP_NAME
from upwardprep.gui.session import StoreSession
from upwardprep.gui.settings import AppSettings

CHECK_EVERY_MS = 60_000


class OneOnOneNudge(QObject):
    open_meeting = Signal(str)  # the meeting the user clicked the notification for

    def __init__(
        self,
        session: StoreSession,
        settings: AppSettings,
        icon: QIcon,
        parent: QObject | None = None,
        *,
        tray: QSystemTrayIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.notified: set[tuple[str, str]] = set()  # (meeting id, its time): each once
        self._clicked: str | None = None
        self.tray = tray
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(APP_NAME)
        if self.tray is not None:
            self.tray.messageClicked.connect(self._message_clicked)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        session.unlocked.connect(self._start)
        session.locked.connect(self._stop)

    @property
    def available(self) -> bool:
        return self.tray is not None

    def _start(self) -> None:
        if self.tray is None:
            return
        self.tray.show()
        self.timer.start()
        self.check()

    def _stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check(self) -> list[str]:
        """Notify the 1:1s about to start that have not been notified yet; their messages."""
        minutes = self.settings.nudge_minutes
        services = self.session.services
        if self.tray is None or services is None or minutes <= 0:
            return []
        shown = []
        for reminder in services.agenda.reminders(timedelta(minutes=minutes)):
            key = (reminder.meeting_id, reminder.starts_at.isoformat())
            if key in self.notified:
                continue
            self.notified.add(key)
            self._clicked = reminder.meeting_id
            self.tray.showMessage(
                APP_NAME, reminder.message, QSystemTrayIcon.MessageIcon.Information, 15_000
            )
            shown.append(reminder.message)
        return shown

    def _message_clicked(self) -> None:
        if self._clicked is not None:
            self.open_meeting.emit(self._clicked)
