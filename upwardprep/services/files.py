"""Files the user asked for (exports, an Emergency Kit) and files the user hands in (imports).

What is written is plaintext only because the user asked for it, so it is created readable by
its owner only, under a temporary name beside the target (never elsewhere), and renamed into
place when complete: an interrupted write leaves no half file under the target's name. A target
that is the store, one of its companion files or a backup is refused: an export must never
replace the data it came from.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from upwardprep.services.common import ValidationError

MAX_IMPORT_BYTES = 512 * 1024 * 1024
STORE_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")
BACKUP_SUFFIX = ".upwardprep-backup"


def check_target(target: Path, protect: Path | None) -> None:
    """Refuse a target that is the store (or its companions, or a backup), a folder, or
    anything but a regular file."""
    if target.name.endswith(BACKUP_SUFFIX):
        raise ValidationError(f"{target} is named like a backup; choose another name.")
    if protect is not None:
        resolved = target.resolve()
        store = protect.resolve()
        if resolved == store or any(
            resolved == store.with_name(store.name + suffix) for suffix in STORE_COMPANIONS
        ):
            raise ValidationError(
                f"{target} is the store itself (or one of its files); choose another name."
            )
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise ValidationError(f"{target} is a folder; give a file name.")
    if mode is not None and not stat.S_ISREG(mode):
        raise ValidationError(f"{target} is not a regular file; choose another name.")
    if not target.parent.is_dir():
        raise ValidationError(f"The folder {target.parent} does not exist.")


def write_private_file(target: Path, data: bytes, *, protect: Path | None = None) -> Path:
    """Write `data` to `target` (0600) through a temporary file in the same folder."""
    target = target.expanduser()
    check_target(target, protect)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:40]}.", suffix=".part")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target


def read_text_file(path: Path, *, what: str) -> str:
    """A UTF-8 text file the user named, or a ValidationError that says what is wrong."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ValidationError(f"There is no file {path}.") from None
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None
    if path.is_dir():
        raise ValidationError(f"{path} is a folder; name the {what}.")
    if size > MAX_IMPORT_BYTES:
        raise ValidationError(f"{path} is {size:,} bytes; an {what} is at most 512 MB.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            f"{path.name} is not UTF-8 text (byte {error.start:,} is not valid)."
        ) from None
