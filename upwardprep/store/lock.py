"""One process per store.

An OS advisory lock on `<store>.lock`, held for as long as the store is open. The kernel drops it
when the holder dies, so a lock left by a killed process is recovered on the next open without
guessing from PIDs. The file is removed on release so that a failed open leaves no new file beside
the store; the inode check after locking closes the race with a process removing it meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path

from upwardprep.store.errors import StoreInUse

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    def __init__(self, store_path: Path) -> None:
        self.path = lock_path_for(store_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        for _attempt in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(fd):
                os.close(fd)
                raise StoreInUse(
                    f"The store is open in another UpwardPrep window or process "
                    f"({self._describe_holder()}). Close it there and try again."
                )
            try:
                same_file = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same_file = False
            if same_file:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}@{socket.gethostname()}\n".encode())
                self._fd = fd
                return
            # The previous holder removed the file between our open and our lock: start again.
            _unlock(fd)
            os.close(fd)
        raise StoreInUse("The store's lock file keeps changing; another process is using it.")

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):  # Windows cannot remove an open file; harmless there
            os.unlink(self.path)
        _unlock(fd)
        os.close(fd)

    def _describe_holder(self) -> str:
        try:
            holder = self.path.read_text(encoding="utf-8").strip()
        except OSError:
            holder = ""
        return f"process {holder}" if holder else "unknown process"

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
