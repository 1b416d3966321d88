"""Restore: put a backup in place of the store, keeping the store as it was first.

Apart from store/backup.py (which writes, verifies and rotates the copies) because restoring
is the one operation that replaces the store's own file: it proves the backup, keeps what is
there (as a verified backup when it opens, else as its raw files moved aside), and swaps the
copy in so that no -wal/-shm is ever replayed onto a file it does not belong to.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from upwardprep.clock import Clock, system_clock
from upwardprep.files import fsync_folder, make_private_folder, new_private_file
from upwardprep.store.backup import (
    DEFAULT_KEEP,
    PRE_RESTORE,
    WAL_HEADER_BYTES,
    backup_dir_for,
    belongs_to,
    discard_temporary,
    disk_refusals,
    file_stamp,
    remove_leftovers,
    remove_quietly,
    rotate,
    temporary_sibling,
    verify_copy,
    write_backup,
)
from upwardprep.store.database import (
    classify_file,
    integrity_findings,
    prove_key,
    raw_connect,
    read_only_connect,
)
from upwardprep.store.errors import (
    BackupError,
    NotAStore,
    StoreDamaged,
    StoreHasOtherNames,
    StoreMissing,
    WrongPassphrase,
)
from upwardprep.store.keys import StoreKey
from upwardprep.store.lock import StoreLock
from upwardprep.store.migrate import check_known_revision


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous: Path | None  # where the store as it was is kept (None: there was no store)
    previous_was_healthy: bool  # True: `previous` is a verified backup; False: raw files


def _prove_backup(backup: Path, passphrase: str) -> StoreKey:
    """The backup is an UpwardPrep store this version can open, and passes its checks.

    Read-only and immutable throughout: checking a backup never writes to it (no journal mode
    switched, no journal, -wal or -shm beside it), so a restore killed while checking leaves
    nothing behind, and a backup on a read-only drive can be restored from.
    """
    if not backup.is_file():
        raise StoreMissing(f"There is no backup at {backup}.")
    wal = Path(f"{backup}-wal")
    if wal.exists() and wal.stat().st_size > WAL_HEADER_BYTES:
        # Changes not yet folded into the file (a copy of a store in use): the read-only check
        # and the copy would both miss them.
        raise BackupError(
            f"{backup} has changes beside it that are not in the file yet ({wal.name}): it is "
            "a store that was in use, not a backup. Open it with UpwardPrep once (which folds "
            "them in), or restore from a backup made with `upwardprep backup`."
        )
    key = StoreKey.from_passphrase(passphrase, classify_file(backup))
    try:
        prove_key(backup, key, read_only=True)
    except WrongPassphrase:
        raise WrongPassphrase(
            "That passphrase does not open this backup (it may predate a passphrase change: "
            "give the backup's passphrase with --backup-passphrase-file)."
        ) from None
    try:
        conn = read_only_connect(backup, key)
    except sqlcipher.DatabaseError as error:
        raise BackupError(f"The backup at {backup} does not open: {error}") from None
    try:
        check_known_revision(conn)
        findings = integrity_findings(conn)
    finally:
        conn.close()
    if findings:
        raise BackupError(f"The backup at {backup} failed its checks: {'; '.join(findings[:5])}")
    return key


def _sidecars(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]


def _move_with_sidecars(source: Path, target: Path, *, main: bool = True) -> None:
    """Move a store file (unless main=False) and whatever -wal/-shm it has, so that no WAL is
    ever replayed onto a file it does not belong to."""
    if main and source.exists():
        os.replace(source, target)
    for side, moved in zip(_sidecars(source), _sidecars(target), strict=True):
        if side.exists():
            os.replace(side, moved)
    fsync_folder(source.parent)


def _set_aside(
    store_path: Path,
    passphrase: str,
    folder: Path,
    keep: int,
    *,
    force: bool,
    protect: Path,
    now: datetime,
) -> tuple[Path | None, bool]:
    """Keep the current store before it is replaced: as a verified backup when it opens and
    passes its checks, else as its raw files (with any -wal/-shm) moved beside it."""
    healthy = False
    if store_path.exists():
        try:
            key = StoreKey.from_passphrase(passphrase, classify_file(store_path))
            prove_key(store_path, key)
            healthy = True
        except WrongPassphrase:
            if not force:
                raise WrongPassphrase(
                    "That passphrase does not open the current store, so it cannot be kept as a "
                    "backup before restoring. Give the current store's passphrase (and the "
                    "backup's with --backup-passphrase-file), or use --force to move the current "
                    "files aside unopened."
                ) from None
        except (NotAStore, StoreDamaged):
            pass
    if healthy:
        conn = raw_connect(store_path, key)
        try:
            healthy = not integrity_findings(conn)
            if healthy:
                kept = write_backup(conn, key, store_path, folder, PRE_RESTORE, now)
        finally:
            conn.close()  # the last connection: SQLite folds the WAL in and removes it
        if healthy:
            rotate(store_path, folder=folder, keep=keep, protect=[protect])
            return kept, True
    if not store_path.exists() and not any(p.exists() for p in _sidecars(store_path)):
        return None, False
    aside = store_path.with_name(f"{store_path.name}.unopenable-{file_stamp(now)}")
    _move_with_sidecars(store_path, aside)
    return aside, False


def restore_backup(
    store_path: Path,
    backup: Path,
    passphrase: str,
    *,
    backup_passphrase: str | None = None,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    force: bool = False,
    clock: Clock = system_clock,
) -> RestoreResult:
    """Put `backup` in place of the store, keeping the store as it was first.

    Works when the store is healthy, damaged, or missing: whatever was there is kept (see
    _set_aside) and nothing is deleted. The backup is proven and copied before anything is
    touched; the copy is verified before it is renamed in; no -wal/-shm is left beside it. A
    symlinked store is restored where the link points (the link stays a link).
    """
    store_path = store_path.expanduser().resolve()
    key = _prove_backup(backup, backup_passphrase or passphrase)
    folder = folder or backup_dir_for(store_path)
    now = clock()
    with disk_refusals("restore the backup", store_path.parent):
        make_private_folder(store_path.parent)
        with StoreLock(store_path):
            if store_path.exists() and store_path.stat().st_nlink > 1:
                raise StoreHasOtherNames.for_path(store_path)
            remove_leftovers(store_path.parent, belongs_to(store_path))
            previous, healthy = _restore_locked(
                store_path, backup, key, passphrase, folder, keep, force=force, now=now
            )
    return RestoreResult(backup, previous, healthy)


def _restore_locked(
    store_path: Path,
    backup: Path,
    key: StoreKey,
    passphrase: str,
    folder: Path,
    keep: int,
    *,
    force: bool,
    now: datetime,
) -> tuple[Path | None, bool]:
    temp = temporary_sibling(store_path)
    try:
        new_private_file(temp)
        with backup.open("rb") as source, temp.open("r+b") as copy:
            shutil.copyfileobj(source, copy)
            copy.flush()
            os.fsync(copy.fileno())
        verify_copy(temp, key)
        previous, healthy = _set_aside(
            store_path, passphrase, folder, keep, force=force, protect=backup, now=now
        )
    except BaseException as error:
        discard_temporary(temp, error, "restore the backup", store_path.parent)
        raise
    try:
        # Anything still beside the store path would be replayed onto the restored file.
        if any(side.exists() for side in _sidecars(store_path)):
            orphans = store_path.with_name(f"{store_path.name}.orphaned-{file_stamp(now)}")
            _move_with_sidecars(store_path, orphans, main=False)
        os.replace(temp, store_path)
        fsync_folder(store_path.parent)
    except BaseException:
        remove_quietly(temp)
        if previous is not None and not healthy and not store_path.exists():
            _move_with_sidecars(previous, store_path)  # nothing restored: put it all back
        raise
    return previous, healthy
