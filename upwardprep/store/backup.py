"""Encrypted, verified, rotated backups; restore; passphrase change.

Every copy is written under a temporary name in the destination folder, synced, opened with the
key and checked (integrity_check and cipher_integrity_check) before it is renamed into place, so a
backup that exists under its final name is one that opened and passed. Rotation only ever deletes
older verified backups.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from upwardprep.store.engine import Store, classify_file, integrity_findings, raw_connect
from upwardprep.store.errors import BackupError, StoreMissing, WrongPassphrase
from upwardprep.store.keys import StoreKey, new_salt

BACKUP_SUFFIX = ".upwardprep-backup"
DEFAULT_KEEP = 10
_STAMP = re.compile(r"-(\d{8}T\d{6}(?:\d{6})?Z)(?:-[a-z-]+)?" + re.escape(BACKUP_SUFFIX) + "$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int


def backup_dir_for(store_path: Path) -> Path:
    override = os.environ.get("UPWARDPREP_BACKUP_DIR")
    return Path(override) if override else store_path.parent / "backups"


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_encrypted(source: sqlcipher.Connection, target: Path, key: StoreKey) -> None:
    """Page-by-page copy through SQLite's backup API into a file keyed like the store."""
    dest = raw_connect(target, key, verify=False)
    try:
        source.backup(dest)
        dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is a single self-contained file
    finally:
        dest.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def verify_copy(path: Path, key: StoreKey) -> None:
    try:
        conn = raw_connect(path, key)
    except sqlcipher.DatabaseError as error:
        raise BackupError(f"The copy at {path} does not open: {error}") from None
    try:
        findings = integrity_findings(conn)
    finally:
        conn.close()
    if findings:
        raise BackupError(f"The copy at {path} failed its checks: {'; '.join(findings[:5])}")


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _temporary_sibling(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def create_backup(
    store: Store,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    reason: str = "",
) -> BackupInfo:
    folder = folder or backup_dir_for(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = f"-{reason}" if reason else ""
    final = folder / f"{store.path.stem}-{stamp}{suffix}{BACKUP_SUFFIX}"
    temp = _temporary_sibling(final)

    def run(key: StoreKey) -> None:
        with store.raw() as source:
            _copy_encrypted(source, temp, key)
        verify_copy(temp, key)

    try:
        store.with_key(run)
        os.replace(temp, final)
        _fsync_dir(folder)
    except BaseException:
        _remove_quietly(temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"))
        raise
    rotate(store.path, folder=folder, keep=keep)
    return BackupInfo(final, datetime.now(UTC), final.stat().st_size)


def list_backups(store_path: Path, *, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of this store, oldest first."""
    folder = folder or backup_dir_for(store_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{store_path.stem}-*{BACKUP_SUFFIX}"):
        match = _STAMP.search(path.name)
        if not match:
            continue
        raw = match.group(1)
        fmt = "%Y%m%dT%H%M%S%fZ" if len(raw) > 16 else "%Y%m%dT%H%M%SZ"
        created = datetime.strptime(raw, fmt).replace(tzinfo=UTC)
        found.append(BackupInfo(path, created, path.stat().st_size))
    return sorted(found, key=lambda info: info.created)


def rotate(store_path: Path, *, folder: Path | None = None, keep: int = DEFAULT_KEEP) -> None:
    backups = list_backups(store_path, folder=folder)
    for old in backups[: max(0, len(backups) - max(keep, 1))]:
        _remove_quietly(old.path)


def restore_backup(store: Store, backup: Path, passphrase: str) -> BackupInfo:
    """Put `backup` in place of the store's file, after backing up the current state.

    The store stays locked by this process throughout; on return it is open on the restored data.
    """
    if not backup.exists():
        raise StoreMissing(f"There is no backup at {backup}.")
    salt = classify_file(backup)
    key = StoreKey.from_passphrase(passphrase, salt)
    try:
        verify_copy(backup, key)
    except BackupError as error:
        if "does not open" in str(error):
            raise WrongPassphrase(
                "That passphrase does not open this backup (it may predate a passphrase change)."
            ) from None
        raise
    safety = create_backup(store, reason="pre-restore")
    temp = _temporary_sibling(store.path)
    try:
        shutil.copyfile(backup, temp)
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        verify_copy(temp, key)
        store.engine.dispose()
        _remove_quietly(Path(f"{store.path}-wal"), Path(f"{store.path}-shm"))
        os.replace(temp, store.path)
        _fsync_dir(store.path.parent)
    except BaseException:
        _remove_quietly(temp)
        raise
    finally:
        store.replace_key(key)
    return safety


def change_passphrase(store: Store, new_passphrase: str) -> None:
    """Re-encrypt into a fresh file under the new key (new salt), verify it, swap it in.

    A crash at any point leaves either the old file or the new one complete; the caller has
    taken a backup first.
    """
    new_key = StoreKey.from_passphrase(new_passphrase, new_salt())
    temp = _temporary_sibling(store.path)
    _remove_quietly(temp)
    try:
        with store.raw() as source:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            attach_key = new_key.pragma_value()
            source.execute("ATTACH DATABASE ? AS rekeyed KEY " + attach_key, (str(temp),))
            source.execute("SELECT sqlcipher_export('rekeyed')")
            source.execute(
                "PRAGMA rekeyed.application_id = "
                + str(source.execute("PRAGMA main.application_id").fetchone()[0])
            )
            version = source.execute("PRAGMA main.user_version").fetchone()[0]
            source.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
            source.execute("DETACH DATABASE rekeyed")
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        verify_copy(temp, new_key)
        store.engine.dispose()
        _remove_quietly(Path(f"{store.path}-wal"), Path(f"{store.path}-shm"))
        os.replace(temp, store.path)
        _fsync_dir(store.path.parent)
    except BaseException:
        _remove_quietly(temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"))
        raise
    store.replace_key(new_key)
