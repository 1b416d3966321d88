"""The open sequence, in one place: classify → lock → prove the key → back up → migrate.

The order is what keeps a failed open harmless. The file is classified from the outside first
(missing, empty, plain SQLite, too short), then the single-instance lock is taken, the key is
derived from the salt in the file's first bytes and proven by reading page 1 before any pragma
that writes; only a store that opens is backed up (verified) and then upgraded. A failed open
therefore leaves the file and its -wal/-shm exactly as they were, and releases the lock; when the
disk refused (full, read-only), the -wal/-shm that the attempt created are removed again.

Every path is resolved first (symlinks followed), so that each spelling of a store meets the same
lock and an operation that replaces the file replaces the real one, not a link to it. A store with
other names (hard links) is refused: see StoreHasOtherNames.

Once the lock is held, the open also tidies up after a killed process: temporary files it left
are removed, and files and folders of older versions are made private (0600, 0700).

The result is the proven key and the held lock; `engine.Store` wraps them in connections.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from upwardprep.clock import Clock, system_clock
from upwardprep.files import (
    PRIVATE_FOLDER,
    check_owned_folder,
    create_private,
    make_private_folder,
    tighten,
)
from upwardprep.store.backup import (
    COMPANION_SUFFIXES,
    DEFAULT_KEEP,
    MAX_STORE_NAME_BYTES,
    PRE_UPGRADE,
    backup_dir_for,
    belongs_to,
    list_backups,
    remove_leftovers,
    remove_orphan_records,
    remove_stale_backup_journals,
    rotate,
    write_backup,
)
from upwardprep.store.database import (
    APPLICATION_ID,
    classify_file,
    prove_key,
    raw_connect,
    storage_failure,
)
from upwardprep.store.errors import (
    StorageFailed,
    StoreExists,
    StoreHasOtherNames,
    StoreNameTooLong,
)
from upwardprep.store.keys import StoreKey, new_salt
from upwardprep.store.lock import StoreLock
from upwardprep.store.migrate import needs_upgrade, upgrade


@dataclass(frozen=True)
class Unlocked:
    """A store file whose key is proven and whose lock this process holds."""

    path: Path
    key: StoreKey
    lock: StoreLock


def _companions(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in COMPANION_SUFFIXES]


def open_file(
    path: Path,
    passphrase: str | None,
    *,
    migrate: bool = True,
    backup_folder: Path | None = None,
    clock: Clock = system_clock,
    raw_key: bytes | None = None,
) -> Unlocked:
    """Unlock an existing store, upgrading an older schema after a verified backup.

    The key comes from the passphrase, or (an Emergency Kit's recovery key) is `raw_key`
    itself. Raises the store's typed errors (StoreMissing, NotAStore, StoreInUse,
    WrongPassphrase, StoreDamaged, StoreTooNew, StoreHasOtherNames, StorageFailed) with the
    file as it was and no lock held.
    """
    path = path.expanduser().resolve()
    salt = classify_file(path)
    folder = backup_folder or backup_dir_for(path)
    lock = StoreLock(path)
    _disk_says("open the store", path.parent, lock.acquire)
    existing = {p for p in _companions(path) if os.path.lexists(p)}
    try:
        if path.stat().st_nlink > 1:
            raise StoreHasOtherNames.for_path(path)
        if raw_key is not None:
            key = StoreKey(raw_key, salt)
        else:
            key = StoreKey.from_passphrase(passphrase or "", salt)
        prove_key(path, key)
        _tidy(path, folder)
        if needs_upgrade(path, key) and migrate:
            _disk_says("upgrade the store", path.parent, _upgrade, path, key, folder, clock)
    except BaseException as error:
        if isinstance(error, StorageFailed):
            for made in set(_companions(path)) - existing:  # the failed attempt's -wal/-shm
                with contextlib.suppress(OSError):
                    made.unlink()
        lock.release()
        raise
    return Unlocked(path, key, lock)


def _disk_says(doing: str, where: Path, action: Callable[..., object], *args: Any) -> None:
    """Run `action(*args)`; the disk's refusals become StorageFailed (see storage_failure)."""
    try:
        action(*args)
    except Exception as error:
        failure = storage_failure(error, doing, where)
        if failure is None:
            raise
        raise failure from error


def _upgrade(path: Path, key: StoreKey, folder: Path, clock: Clock) -> None:
    conn = raw_connect(path, key)
    try:
        kept = write_backup(conn, key, path, folder, PRE_UPGRADE, clock())
    finally:
        conn.close()
    rotate(path, folder=folder, keep=DEFAULT_KEEP, protect=[kept])
    upgrade(path, key)


def _tidy(path: Path, folder: Path) -> None:
    """What a killed process or an older version left: temporary files go, modes tighten."""
    belongs = belongs_to(path)
    remove_leftovers(path.parent, belongs)
    for own in (path, *_companions(path)):
        tighten(own)
    if folder.is_dir():
        remove_leftovers(folder, belongs)
        remove_orphan_records(path, folder)
        remove_stale_backup_journals(path, folder)
        if folder == path.parent / "backups":  # ours; a folder chosen with --dir is the user's
            tighten(folder, PRIVATE_FOLDER)
        for kept in list_backups(path, folder=folder):
            tighten(kept.path)


def create_file(path: Path, passphrase: str) -> Unlocked:
    """A new, empty store at the newest schema; never over an existing file. Its folder is
    made 0700 if it did not exist, the file 0600 (and so its -wal/-shm)."""
    path = path.expanduser().resolve()
    if len(path.name.encode("utf-8")) > MAX_STORE_NAME_BYTES:
        raise StoreNameTooLong(
            f"The file name {path.name!r} is {len(path.name.encode('utf-8'))} bytes; keep it "
            f"to {MAX_STORE_NAME_BYTES}, so that its backups' names fit the file system."
        )
    if os.path.lexists(path) or Path(f"{path}-wal").exists():
        raise StoreExists(f"{path} already exists; UpwardPrep will not overwrite it.")
    make_private_folder(path.parent)
    check_owned_folder(path.parent)
    lock = StoreLock(path)
    lock.acquire()
    created = False
    try:
        key = StoreKey.from_passphrase(passphrase, new_salt())
        os.close(create_private(path))  # 0600 before SQLite opens it; its -wal/-shm follow
        created = True
        conn = raw_connect(path, key, verify=False)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            conn.close()
        upgrade(path, key)
    except BaseException:
        lock.release()
        for leftover in (path, *_companions(path)) if created else ():
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return Unlocked(path, key, lock)
