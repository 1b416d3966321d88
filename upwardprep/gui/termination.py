"""SIGTERM and SIGHUP end the app the way Quit does.

A logout, `kill`, or the terminal the app was started from closing sends one of them. By default
they end the process at once, losing whatever was typed within the autosave delay. Here they
schedule the same quit as the menu's (editors flush, the window state is kept, the store closes)
without any question a dialog would ask.

Python runs a signal handler only when the interpreter gets control, which Qt's event loop does
not give it while idle: the C-level handler writes to a socket (signal.set_wakeup_fd) that a
QSocketNotifier watches, so the loop wakes up and the Python handler runs.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def quit_on_signals(parent: QObject, quit_now: Callable[[], None]) -> QSocketNotifier | None:
    """Call `quit_now` on the event loop when SIGTERM or SIGHUP arrives (main thread only)."""
    try:
        reader, writer = socket.socketpair()
    except OSError:  # pragma: no cover - no socket pair: the signals keep their default
        return None
    for end in (reader, writer):
        end.setblocking(False)
    try:
        signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread: leave the signals alone
        reader.close()
        writer.close()
        return None
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(256)

    notifier.activated.connect(drain)
    notifier._sockets = (reader, writer)  # type: ignore[attr-defined]  # kept open with it

    def handler(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_now)

    for number in SIGNALS:
        signal.signal(number, handler)
    return notifier
