"""The open sequence, in one place: classify → lock → prove the key → back up → migrate.

The order is what keeps a failed open harmless. The file is classified from the outside first
(missing, empty, plain SQLite, too short), then the single-instance lock is taken, the key is
derived from the salt in the file's first bytes and proven by reading page 1 before any pragma
that writes; only a store that opens is backed up (verified) and then upgraded. A failed open
therefore leaves the file and its -wal/-shm exactly as they were, and releases the lock.

The result is the proven key and the held lock; `engine.Store` wraps them in connections.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from upwardprep.clock import Clock, system_clock
from upwardprep.store.backup import DEFAULT_KEEP, backup_dir_for, rotate, write_backup
from upwardprep.store.database import APPLICATION_ID, classify_file, prove_key, raw_connect
from upwardprep.store.errors import StoreExists
from upwardprep.store.keys import StoreKey, new_salt
from upwardprep.store.lock import StoreLock
from upwardprep.store.migrate import needs_upgrade, upgrade

PRE_UPGRADE = "pre-upgrade"


@dataclass(frozen=True)
class Unlocked:
    """A store file whose key is proven and whose lock this process holds."""

    path: Path
    key: StoreKey
    lock: StoreLock


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
    WrongPassphrase, StoreDamaged, StoreTooNew) with the file as it was and no lock held.
    """
    salt = classify_file(path)
    lock = StoreLock(path)
    lock.acquire()
    try:
        if raw_key is not None:
            key = StoreKey(raw_key, salt)
        else:
            key = StoreKey.from_passphrase(passphrase or "", salt)
        prove_key(path, key)
        if needs_upgrade(path, key) and migrate:
            _back_up_before_upgrade(path, key, backup_folder or backup_dir_for(path), clock)
            upgrade(path, key)
    except BaseException:
        lock.release()
        raise
    return Unlocked(path, key, lock)


def _back_up_before_upgrade(path: Path, key: StoreKey, folder: Path, clock: Clock) -> None:
    conn = raw_connect(path, key)
    try:
        write_backup(conn, key, path, folder, PRE_UPGRADE, clock())
    finally:
        conn.close()
    rotate(path, folder=folder, keep=DEFAULT_KEEP)


def create_file(path: Path, passphrase: str) -> Unlocked:
    """A new, empty store at the newest schema; never over an existing file."""
    if path.exists() or Path(f"{path}-wal").exists():
        raise StoreExists(f"{path} already exists; UpwardPrep will not overwrite it.")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = StoreLock(path)
    lock.acquire()
    try:
        key = StoreKey.from_passphrase(passphrase, new_salt())
        conn = raw_connect(path, key, verify=False)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            conn.close()
        upgrade(path, key)
    except BaseException:
        lock.release()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return Unlocked(path, key, lock)
