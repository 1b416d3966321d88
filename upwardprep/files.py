"""Making the app's files safely: private whatever the umask, never through a planted link, and
never half-written.

Everything UpwardPrep writes to disk is either encrypted (the store, its backups) or plaintext
the user asked for (exports, the emergency kit); both are the user's alone. So files are created
0600 and folders 0700 with an explicit chmod (the umask can only take bits away, and a umask of
000 would leave them open), temporary and lock files with O_EXCL | O_NOFOLLOW (a link planted
under their name is never followed), and only in folders the user owns. A plaintext document is
written into an unnamed file (O_TMPFILE, on Linux) and linked into place when complete, so no
signal, SIGKILL included, leaves a partial copy of it behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

T = TypeVar("T")

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_TMPFILE = getattr(os, "O_TMPFILE", 0)


class UnsafeLocation(PermissionError):
    """A folder another user owns, or a link where a file of ours belongs. The message says so;
    it is an OSError (EACCES) so callers report it like any permission refusal."""

    def __init__(self, message: str, filename: Path | str | None = None) -> None:
        super().__init__(errno.EACCES, message, str(filename) if filename else None)
        self.message = message

    def __str__(self) -> str:
        return self.message


def make_private_folder(folder: Path) -> None:
    """Create `folder` and its missing parents as 0700; folders that exist are left alone."""
    missing = []
    current = folder
    while not os.path.lexists(current) and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_FOLDER)
        except FileExistsError:
            continue
        os.chmod(path, PRIVATE_FOLDER)  # exactly 0700, whatever the umask


def check_owned_folder(folder: Path) -> None:
    """Refuse to make temporary or lock files in a folder another user owns (they could plant
    or swap files there)."""
    try:
        owner = os.stat(folder).st_uid
    except FileNotFoundError:
        return  # nothing to plant in: it is about to be made, by us, 0700
    if hasattr(os, "geteuid") and owner != os.geteuid():
        raise UnsafeLocation(
            f"The folder {folder} belongs to another user; UpwardPrep keeps its stores, "
            "backups and their temporary files only in folders of yours. Move the store to "
            "a folder you own.",
            folder,
        )


def create_private(path: Path, *, flags: int = os.O_RDWR) -> int:
    """A new file, 0600, never over an existing file and never through a link."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | flags, PRIVATE_FILE)
    try:
        os.fchmod(fd, PRIVATE_FILE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def new_private_file(path: Path) -> None:
    """`create_private`, for a file another library (SQLite) then opens by name. A stale file
    of ours under that name (a regular file, not a link) is removed first."""
    check_owned_folder(path.parent)
    try:
        os.close(create_private(path))
    except FileExistsError:
        _remove_stale(path)
        os.close(create_private(path))


def _remove_stale(path: Path) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise UnsafeLocation(
            f"{path} is a link or a special file where UpwardPrep writes a temporary file of "
            "its own; it was left as it is. Remove it and try again.",
            path,
        )
    os.unlink(path)


def tighten(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Set `mode` on a file of ours that may predate the rule (never through a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except OSError:
        return
    try:
        info = os.fstat(fd)
        if stat.S_IMODE(info.st_mode) != mode and info.st_uid == os.geteuid():
            os.fchmod(fd, mode)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (ours or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# -- plaintext documents ------------------------------------------------------------------------


def check_writable_target(target: Path) -> None:
    """Refuse to replace what is not a regular file (a device such as /dev/full, a pipe, a
    socket): the export would swap it for a file."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeLocation(
            f"{target} is not a regular file (a device, a pipe or a socket); UpwardPrep "
            "writes documents only to regular files. Choose another file name.",
            target,
        )


def write_private(target: Path, write: Callable[[BinaryIO], T]) -> T:
    """Write a whole file with `write(handle)`, synced, then make it appear as `target`, 0600.

    On Linux the content goes into an unnamed file in the target's folder (O_TMPFILE) that is
    linked into place only when complete: a crash or a signal at any moment, SIGKILL included,
    never leaves a partial or temporary copy (an older file under the target's name is removed
    just before the new one is linked, so at worst neither is there). Where O_TMPFILE is not
    available, a hidden `.part` file is used, removed on failure and on SIGTERM, SIGHUP and
    SIGINT.
    """
    check_writable_target(target)
    folder = target.parent
    fd = _unnamed_file(folder)
    if fd is None:
        return _write_through_part_file(target, write)
    with os.fdopen(fd, "wb") as handle:
        result = write(handle)
        handle.flush()
        os.fsync(handle.fileno())
        _link_into_place(handle.fileno(), target)
    fsync_folder(folder)
    return result


def _unnamed_file(folder: Path) -> int | None:
    if not (_TMPFILE and sys.platform.startswith("linux") and os.path.isdir("/proc/self/fd")):
        return None
    try:
        fd = os.open(folder, _TMPFILE | os.O_WRONLY | _CLOEXEC, PRIVATE_FILE)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # a file system without O_TMPFILE: the .part fallback
        raise
    os.fchmod(fd, PRIVATE_FILE)
    return fd


def _link_into_place(fd: int, target: Path) -> None:
    """Give the unnamed file its name. An existing target is unlinked first (linking cannot
    replace): if the process dies in between, the old document is gone and the new one never
    appeared, but nothing partial or temporary is left."""
    folder = os.open(target.parent, os.O_RDONLY | _CLOEXEC)
    try:
        for _attempt in range(10):
            try:
                # linkat(..., AT_SYMLINK_FOLLOW): a folder fd makes os.link use linkat, and
                # following /proc/self/fd/N names the open file itself.
                os.link(f"/proc/self/fd/{fd}", target.name, dst_dir_fd=folder)
                return
            except FileExistsError:
                check_writable_target(target)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(target.name, dir_fd=folder)
        raise FileExistsError(errno.EEXIST, "keeps reappearing", str(target))
    finally:
        os.close(folder)


_CLEANUP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


@contextlib.contextmanager
def _removed_on_signals(path: Path) -> Iterator[None]:
    """Remove `path` if SIGTERM, SIGHUP or SIGINT arrives meanwhile (main thread only)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {}

    def handler(number: int, frame: object) -> None:
        with contextlib.suppress(OSError):
            os.unlink(path)
        old = previous.get(number)
        signal.signal(number, old if old is not None else signal.SIG_DFL)
        os.kill(os.getpid(), number)

    for number in _CLEANUP_SIGNALS:
        previous[number] = signal.signal(number, handler)
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


def _write_through_part_file(target: Path, write: Callable[[BinaryIO], T]) -> T:
    import secrets

    temporary = target.with_name(f".{target.name[:60]}.{secrets.token_hex(4)}.part")
    fd = create_private(temporary, flags=os.O_WRONLY)
    try:
        with _removed_on_signals(temporary), os.fdopen(fd, "wb") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_folder(target.parent)
    return result


# -- the process ----------------------------------------------------------------------------------


def forbid_core_dumps() -> None:
    """No core file, and no ptrace by other processes of the user: a crash must not write the
    key or the notes in memory to disk."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_dumpable = 4
            libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
