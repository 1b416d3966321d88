"""SIGTERM and SIGHUP end the app the way Quit does.

A logout, `kill`, or the terminal the app was started from closing sends one of them. By default
they end the process at once, losing whatever was typed within the autosave delay. Here they
schedule the same quit as the menu's (editors flush, the window state is kept, the store closes)
without any question a dialog would ask.

Python runs a signal handler only when the interpreter gets control, which Qt's event loop does
not give it while idle: the C-level handler writes to a pipe (signal.set_wakeup_fd; a socket
where there are no pipes to wake on) that a QSocketNotifier watches, so the loop wakes up and
the Python handler runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def quit_on_signals(parent: QObject, quit_now: Callable[[], None]) -> QSocketNotifier | None:
    """Call `quit_now` on the event loop when SIGTERM or SIGHUP arrives (main thread only)."""
    try:
        reader, writer = _wakeup_pair()
    except OSError:  # pragma: no cover - nothing to wake on: the signals keep their default
        return None
    try:
        signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread: leave the signals alone
        reader.close()
        writer.close()
        return None
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.read(256)

    notifier.activated.connect(drain)
    notifier._ends = (reader, writer)  # type: ignore[attr-defined]  # kept open with it

    def handler(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_now)

    for number in SIGNALS:
        signal.signal(number, handler)
    return notifier


class _End:
    """One non-blocking end of the wake-up channel: a pipe's on POSIX (the socket module, with
    its start-up cost, is not needed), a socket's elsewhere (Windows wakes only on sockets)."""

    def __init__(self, fd: int, sock: Any = None) -> None:
        self._fd, self._sock = fd, sock

    def fileno(self) -> int:
        return self._fd

    def read(self, size: int) -> bytes:
        return os.read(self._fd, size) if self._sock is None else bytes(self._sock.recv(size))

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
        elif self._fd >= 0:
            os.close(self._fd)
        self._fd = -1

    def __del__(self) -> None:  # like a socket, closed when nothing holds it any more
        self.close()


def _wakeup_pair() -> tuple[_End, _End]:
    if os.name == "posix":
        reader, writer = os.pipe()
        for fd in (reader, writer):
            os.set_blocking(fd, False)
        return _End(reader), _End(writer)
    import socket

    pair = socket.socketpair()
    for end in pair:
        end.setblocking(False)
    return _End(pair[0].fileno(), pair[0]), _End(pair[1].fileno(), pair[1])
