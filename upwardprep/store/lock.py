"""One process per store.

An OS advisory lock on `<store>.lock` beside the store's real file (the path with every symlink
resolved, so each spelling of the store meets the same lock), held for as long as the store is
open. The kernel drops it when the holder dies, so a lock left by a killed process is recovered
on the next open without guessing from PIDs. The file is removed on release so that a failed open
leaves no new file beside the store; the inode check after locking closes the race with a
process removing it meanwhile.

The lock file is created 0600 with O_EXCL and opened with O_NOFOLLOW: a link planted under its
name is refused, never followed (it would make every command truncate and write the link's
target), and so is a lock file that is not a regular file of the user's.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
import sys
from pathlib import Path

from upwardprep.files import PRIVATE_FILE, UnsafeLocation, check_owned_folder, create_private
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


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def lock_path_for(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    def __init__(self, store_path: Path) -> None:
        self.path = lock_path_for(store_path.expanduser().resolve())
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        check_owned_folder(self.path.parent)
        for _attempt in range(20):
            fd = self._open()
            if fd is None:
                continue  # removed between our two opens: start again
            if not _try_lock(fd):
                os.close(fd)
                raise StoreInUse(
                    f"The store is open in another UpwardPrep window or process "
                    f"({self._describe_holder()}). Close it there and try again."
                )
            try:
                same_file = os.fstat(fd).st_ino == os.lstat(self.path).st_ino
            except FileNotFoundError:
                same_file = False
            if same_file:
                with contextlib.suppress(OSError):  # who holds it: a courtesy (a full disk)
                    os.ftruncate(fd, 0)
                    os.write(fd, f"{os.getpid()}@{socket.gethostname()}\n".encode())
                self._fd = fd
                return
            # The previous holder removed the file between our open and our lock: start again.
            _unlock(fd)
            os.close(fd)
        raise StoreInUse("The store's lock file keeps changing; another process is using it.")

    def _open(self) -> int | None:
        """A new lock file (O_EXCL), or the one a crashed holder left: never through a link."""
        with contextlib.suppress(FileExistsError):
            return create_private(self.path)
        try:
            fd = os.open(self.path, os.O_RDWR | _NOFOLLOW | _CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise self._refused("a link") from None
            raise
        info = os.fstat(fd)
        theirs = hasattr(os, "geteuid") and info.st_uid != os.geteuid()
        if not stat.S_ISREG(info.st_mode) or theirs:
            os.close(fd)
            raise self._refused("not a file of yours")
        if stat.S_IMODE(info.st_mode) != PRIVATE_FILE:
            os.fchmod(fd, PRIVATE_FILE)
        return fd

    def _refused(self, what: str) -> UnsafeLocation:
        return UnsafeLocation(
            f"The store's lock file {self.path} is {what}, which UpwardPrep does not follow or "
            "write into. Remove it (nothing of the store is lost) and try again.",
            self.path,
        )

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
            fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
            try:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip()
            finally:
                os.close(fd)
        except OSError:
            holder = ""
        return f"process {holder}" if holder else "unknown process"

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
