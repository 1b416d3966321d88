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
from upwardprep.store.errors import BackupError, StoreError, StoreMissing, WrongPassphrase
from upwardprep.store.keys import StoreKey, new_salt
from upwardprep.store.lock import StoreLock

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


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _write_backup(
    source: sqlcipher.Connection, key: StoreKey, store_path: Path, folder: Path, reason: str
) -> Path:
    """Copy into a temporary name, verify the copy, then rename it into the backup folder."""
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"-{reason}" if reason else ""
    final = folder / f"{store_path.stem}-{_stamp()}{suffix}{BACKUP_SUFFIX}"
    temp = _temporary_sibling(final)
    try:
        _copy_encrypted(source, temp, key)
        verify_copy(temp, key)
        os.replace(temp, final)
        _fsync_dir(folder)
    except BaseException:
        _remove_quietly(temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"))
        raise
    return final


def create_backup(
    store: Store,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    reason: str = "",
) -> BackupInfo:
    folder = folder or backup_dir_for(store.path)

    def run(key: StoreKey) -> Path:
        with store.raw() as source:
            return _write_backup(source, key, store.path, folder, reason)

    final: Path = store.with_key(run)
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


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous: Path | None  # where the store as it was is kept (None: there was no store)
    previous_was_healthy: bool  # True: `previous` is a verified backup; False: raw files


def _prove_backup(backup: Path, passphrase: str) -> StoreKey:
    if not backup.is_file():
        raise StoreMissing(f"There is no backup at {backup}.")
    key = StoreKey.from_passphrase(passphrase, classify_file(backup))
    try:
        raw_connect(backup, key).close()
    except sqlcipher.DatabaseError:
        raise WrongPassphrase(
            "That passphrase does not open this backup (it may predate a passphrase change: "
            "give the backup's passphrase with --backup-passphrase-file)."
        ) from None
    verify_copy(backup, key)
    return key


def _set_aside(store_path: Path, passphrase: str, folder: Path, keep: int) -> tuple[Path, bool]:
    """Keep the current store before it is replaced: as a verified backup when it opens and
    passes its checks, else as its raw files, moved beside it byte for byte."""
    try:
        key = StoreKey.from_passphrase(passphrase, classify_file(store_path))
        conn = raw_connect(store_path, key)
    except (StoreError, sqlcipher.DatabaseError):
        conn = None
    if conn is not None:
        try:
            if not integrity_findings(conn):
                kept = _write_backup(conn, key, store_path, folder, "pre-restore")
                conn.close()
                conn = None
                rotate(store_path, folder=folder, keep=keep)
                _remove_quietly(Path(f"{store_path}-wal"), Path(f"{store_path}-shm"))
                return kept, True
        finally:
            if conn is not None:
                conn.close()
    aside = store_path.with_name(f"{store_path.name}.unopenable-{_stamp()}")
    os.replace(store_path, aside)
    for suffix in ("-wal", "-shm"):
        if Path(f"{store_path}{suffix}").exists():
            os.replace(f"{store_path}{suffix}", f"{aside}{suffix}")
    _fsync_dir(store_path.parent)
    return aside, False


def restore_backup(
    store_path: Path,
    backup: Path,
    passphrase: str,
    *,
    backup_passphrase: str | None = None,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
) -> RestoreResult:
    """Put `backup` in place of the store, keeping the store as it was first.

    Works when the store is healthy, damaged, missing, or under a passphrase other than the
    backup's: whatever was there is kept (see _set_aside) and nothing is deleted. The backup is
    verified before anything is touched, and its copy is verified before it is renamed in.
    """
    key = _prove_backup(backup, backup_passphrase or passphrase)
    folder = folder or backup_dir_for(store_path)
    with StoreLock(store_path):
        previous, healthy = (
            _set_aside(store_path, passphrase, folder, keep)
            if store_path.exists()
            else (None, False)
        )
        temp = _temporary_sibling(store_path)
        try:
            shutil.copyfile(backup, temp)
            with temp.open("rb+") as handle:
                os.fsync(handle.fileno())
            verify_copy(temp, key)
            os.replace(temp, store_path)
            _fsync_dir(store_path.parent)
        except BaseException:
            _remove_quietly(temp)
            if previous is not None and not healthy and not store_path.exists():
                os.replace(previous, store_path)  # nothing restored: put the original back
            raise
    return RestoreResult(backup, previous, healthy)


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
