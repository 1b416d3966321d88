"""The unlocked store behind the window, and the idle timer that locks it.

Locking is the one place where the app forgets: editors flush first (aboutToLock), then every
view drops what it shows (locked), then the engine is disposed and the key forgotten.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from upwardprep.clock import Clock, system_clock
from upwardprep.gui.jobs import Change

if TYPE_CHECKING:  # loaded on first use: the unlock dialog shows before the store's code loads
    from upwardprep.services import Services
    from upwardprep.services.vault import Rehearsal, Vault

# How long after an unlock the user's activity starts to count (see adopt): far below any
# auto-lock time, and past the unlocked window's first frames.
WATCH_AFTER_MS = 1000

ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class StoreSession(QObject):
    unlocked = Signal()
    aboutToLock = Signal()  # flush pending edits now: the store closes right after
    locked = Signal()  # drop every piece of note text still shown
    changed = Signal(object)  # a gui.jobs.Change, announced after an operation changed records

    def __init__(
        self,
        path: Path,
        parent: QObject | None = None,
        *,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.clock = clock  # what the services, and through them every view, call "now"
        self.services: Services | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self._auto_lock_ms = 0
        self._deadline = 0.0
        self._watching = False  # the app's events, while unlocked (see eventFilter)
        self._rehearsal: Rehearsal | None = None  # the next unlock's first reads (rehearsal)

    @property
    def is_unlocked(self) -> bool:
        return self.services is not None

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def vault(self) -> Vault:
        """The store's life cycle (services.vault), with the backup folder chosen now (a new
        Vault reads the folder chosen for the store at each use: the user may change it)."""
        from upwardprep.services.vault import Vault

        return Vault(self.path, clock=self.clock)

    def opener(self) -> Callable[[str], Services]:
        """Opening the store as a function for the thread pool: the path and clock are read
        here, on the GUI thread; the store's code loads in the worker if it has not yet. Hand
        its result to `adopt` on the GUI thread."""
        path, clock = self.path, self.clock

        def open_store(passphrase: str) -> Services:
            from upwardprep.services.vault import Vault

            return Vault(path, clock=clock).unlock(passphrase, rehearsal=self._rehearsal)

        return open_store

    def rehearsal(self, reads: Callable[[Services], object]) -> Callable[[], bool]:
        """While the store is locked: the work, for the thread pool, that compiles the
        statements of `reads` (the first section's reads) before the passphrase is entered; the
        next unlock takes them over (see services.vault.Vault.rehearse)."""
        from upwardprep.services.vault import Rehearsal

        vault, rehearsal = self.vault, Rehearsal()
        self._rehearsal = rehearsal
        return lambda: vault.rehearse(rehearsal, reads)

    # -- opening -------------------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        """Open the store here and now; raises the store's typed errors (WrongPassphrase...)."""
        self.adopt(self.opener()(passphrase))

    def create(self, passphrase: str) -> None:
        """A new store, with the shipped agenda templates."""
        self.adopt(self.vault.create(passphrase))

    def adopt(self, services: Services) -> None:
        """The store opened (by `opener`, maybe on another thread): the views may show it."""
        self.services = services
        self._rehearsal = None  # taken over by this store, or no longer of use
        # Activity restarts the idle timer once the window has drawn its first frames: every
        # event of those frames would otherwise pass through Python (see eventFilter).
        QTimer.singleShot(WATCH_AFTER_MS, self, lambda: self._watch(self.is_unlocked))
        self._restart_idle()
        self.unlocked.emit()

    def announce(self, change: Change) -> None:
        """Tell the views that an operation changed records (see gui.jobs)."""
        if self.services is not None:
            self.changed.emit(change)

    # -- locking -------------------------------------------------------------------------

    def lock(self) -> None:
        if self.services is None:
            return
        self.aboutToLock.emit()
        self._wait_for_background_work()
        services, self.services = self.services, None
        self._idle.stop()
        self._watch(False)
        self.locked.emit()
        from upwardprep.services.vault import Vault

        Vault.close(services)

    @staticmethod
    def _wait_for_background_work() -> None:
        """An export, backup, calendar import or passphrase change on the thread pool ends
        with the store it began on: closing it underneath would fail the work half-way (and
        release the store's lock while it still writes). Such work takes seconds at most."""
        pool = QThreadPool.globalInstance()
        if pool.activeThreadCount() == 0:
            return
        from PySide6.QtCore import Qt  # not before the unlock dialog (see passphrase)

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pool.waitForDone()
        finally:
            QApplication.restoreOverrideCursor()

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self._auto_lock_ms = max(0, minutes) * 60_000
        self._restart_idle()

    def set_auto_lock_ms(self, milliseconds: int) -> None:
        """For tests and for very short timeouts."""
        self._auto_lock_ms = max(0, milliseconds)
        self._restart_idle()

    def seconds_until_lock(self) -> float | None:
        if not self.is_unlocked or not self._auto_lock_ms:
            return None
        return max(0.0, self._deadline - time.monotonic())

    def _restart_idle(self) -> None:
        if self.is_unlocked and self._auto_lock_ms:
            self._deadline = time.monotonic() + self._auto_lock_ms / 1000
            self._idle.start(self._auto_lock_ms)
        else:
            self._idle.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the cheap tests first (asking an event its type
        # builds a Python enum). Restart at most every half second: mouse moves come by the
        # hundred, and while locked there is nothing to restart.
        if not self._idle.isActive():
            return False
        if self._deadline - time.monotonic() >= self._auto_lock_ms / 1000 - 0.5:
            return False
        if event.type() in ACTIVITY_EVENTS:
            self._restart_idle()
        return False

    def _watch(self, on: bool) -> None:
        """Watch the app's events only while unlocked: every event that passes a Python filter
        is wrapped for it, which before the unlock dialog has painted costs start-up time."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def close(self) -> None:
        self.lock()
        self._watch(False)
