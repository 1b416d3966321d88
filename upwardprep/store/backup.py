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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.engine import Engine

from upwardprep.clock import Clock, system_clock
from upwardprep.store import retention
from upwardprep.store.database import (
    classify_file,
    integrity_findings,
    prove_key,
    raw_connect,
    sqlite_error_name,
)
from upwardprep.store.errors import (
    BackupError,
    NotAStore,
    StorageFailed,
    StoreDamaged,
    StoreMissing,
    WrongPassphrase,
)
from upwardprep.store.keys import StoreKey, new_salt
from upwardprep.store.lock import StoreLock
from upwardprep.store.manifest import SUFFIX as MANIFEST
from upwardprep.store.manifest import Digests, manifest_path, table_digests, write_manifest
from upwardprep.store.migrate import check_known_revision

BACKUP_SUFFIX = ".upwardprep-backup"
DEFAULT_KEEP = 10
PRE_RESTORE = "pre-restore"
AUTO = "auto"  # the automatic backups, rotated by their own schedule (store/retention.py)
T = TypeVar("T")


class KeyedStore(Protocol):
    """What backups need of an open store (engine.Store); a protocol, so that this module does
    not import the one that opens stores (which backs them up before an upgrade)."""

    path: Path
    engine: Engine
    clock: Clock

    def raw(self) -> contextlib.AbstractContextManager[sqlcipher.Connection]: ...

    def with_key(self, action: Callable[[StoreKey], T]) -> T: ...

    def replace_key(self, key: StoreKey) -> None: ...


def _backup_name(store_path: Path, reason: str, now: datetime) -> str:
    """`<store file name>-<UTC stamp>[-<reason>].upwardprep-backup`: the full name, so that
    `notes.upwardprep` and `notes-work.upwardprep` (or `notes.db`) never share backups."""
    suffix = f"-{reason}" if reason else ""
    return f"{store_path.name}-{_stamp(now)}{suffix}{BACKUP_SUFFIX}"


def _name_pattern(store_path: Path) -> re.Pattern[str]:
    return re.compile(
        "^"
        + re.escape(store_path.name)
        + r"-(\d{8}T\d{12}Z)(?:-([a-z-]+))?"
        + re.escape(BACKUP_SUFFIX)
        + "$"
    )


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    # "" for a backup asked for; "auto", "pre-upgrade", "pre-restore", "pre-passwd"
    reason: str = ""


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


def _copy_encrypted(
    source: sqlcipher.Connection, target: Path, key: StoreKey, *, record: bool = False
) -> Digests | None:
    """Page-by-page copy through SQLite's backup API into a file keyed like the store.

    With `record`, the source's rows are counted and hashed in the same read transaction as the
    copy, so the record describes exactly the moment copied: a write another connection has
    not committed yet is in neither (a backup never holds half a change).
    """
    dest = raw_connect(target, key, verify=False)
    digests: Digests | None = None
    try:
        if record:
            source.execute("BEGIN")
            try:
                digests = table_digests(source)
                source.backup(dest)
            finally:
                source.execute("COMMIT")
        else:
            source.backup(dest)
        dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is a single self-contained file
    finally:
        dest.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
    return digests


def verify_copy(path: Path, key: StoreKey, *, expect: Digests | None = None) -> None:
    """The copy opens and passes the integrity checks (and, given `expect`, holds those rows)."""
    try:
        conn = raw_connect(path, key)
    except sqlcipher.DatabaseError as error:
        raise BackupError(f"The copy at {path} does not open: {error}") from None
    try:
        findings = integrity_findings(conn)
        if not findings and expect is not None and table_digests(conn) != expect:
            findings = ["the copy's records differ from the store's"]
        # Back to one self-contained file (opening it switched it to WAL): a drill can then
        # read it where nothing may be written beside it.
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    if findings:
        raise BackupError(f"The copy at {path} failed its checks: {'; '.join(findings[:5])}")


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def remove_backup(path: Path) -> None:
    """A backup and the record beside it."""
    _remove_quietly(path, manifest_path(path))


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, but not ours to signal
        return False
    return False


def clean_leftovers(store_path: Path, folder: Path) -> None:
    """What a backup killed half-way left in the folder: its temporary copy (named after a
    process that is gone) and a record whose backup never got its name. Only the store's lock
    holder backs it up, so nothing else of this store is in progress."""
    if not folder.is_dir():
        return
    prefix = f".{store_path.name}-"
    for path in folder.iterdir():
        name = path.name
        if name.startswith(prefix) and name.endswith(".tmp"):
            pid = name[:-4].rsplit(".", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and _process_gone(int(pid)):
                _remove_quietly(path)
        elif (
            name.startswith(store_path.name + "-")
            and name.endswith(BACKUP_SUFFIX + MANIFEST)
            and not path.with_name(name[: -len(MANIFEST)]).exists()
        ):
            _remove_quietly(path)


def _temporary_sibling(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _stamp(now: datetime) -> str:
    """A sortable UTC time for file names."""
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def write_backup(
    source: sqlcipher.Connection,
    key: StoreKey,
    store_path: Path,
    folder: Path,
    reason: str,
    now: datetime,
    *,
    record: bool = True,
) -> Path:
    """Copy into a temporary name, verify the copy, then rename it into the backup folder.

    With `record` (every backup but a test's), the rows and content hash of every table go
    beside it (store/manifest.py), written before the rename: a backup under its final name
    has its record, for the restore drill.
    """
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / _backup_name(store_path, reason, now)
    temp = _temporary_sibling(final)
    try:
        try:
            digests = _copy_encrypted(source, temp, key, record=record)
        except sqlcipher.DatabaseError as error:  # the folder refused the copy
            raise StorageFailed(
                f"Could not write a backup into {folder}: {_refusal(error)}. The backups "
                "already there are untouched."
            ) from None
        verify_copy(temp, key, expect=digests)
        if digests is not None:
            write_manifest(final, key, digests)
        os.replace(temp, final)
        _fsync_dir(folder)
    except BaseException:
        _remove_quietly(temp, Path(f"{temp}-wal"), Path(f"{temp}-shm"))
        if not final.exists():
            _remove_quietly(manifest_path(final))
        raise
    return final


def _refusal(error: sqlcipher.DatabaseError) -> str:
    name = sqlite_error_name(error)
    if name.startswith("SQLITE_FULL"):
        return "the disk is full"
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) or "readonly" in str(
        error
    ):
        return "the folder is read-only (or gone)"
    return str(error)


def create_backup(
    store: KeyedStore,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    reason: str = "",
) -> BackupInfo:
    """A verified backup with its record; then the rotation (the schedule, for automatic
    ones; the newest `keep` of the others)."""
    folder = folder or backup_dir_for(store.path)
    now = store.clock()
    clean_leftovers(store.path, folder)

    def run(key: StoreKey) -> Path:
        with store.raw() as source:
            return write_backup(source, key, store.path, folder, reason, now)

    final = store.with_key(run)
    if reason == AUTO:
        rotate_automatic(store.path, folder=folder, now=now)
    else:
        rotate(store.path, folder=folder, keep=keep)
    return BackupInfo(final, now, final.stat().st_size, reason)


def list_backups(store_path: Path, *, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of this store (and of no other), oldest first."""
    folder = folder or backup_dir_for(store_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(store_path)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match and path.is_file():
            created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
            found.append(BackupInfo(path, created, path.stat().st_size, match.group(2) or ""))
    return sorted(found, key=lambda info: info.created)


def rotate(
    store_path: Path,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    protect: Path | None = None,
) -> None:
    """Delete all but the newest `keep` backups; never `protect` (the one being restored), and
    never an automatic one (they follow their own schedule)."""
    backups = [
        b for b in list_backups(store_path, folder=folder) if b.path != protect and b.reason != AUTO
    ]
    for old in backups[: max(0, len(backups) - max(keep, 1))]:
        remove_backup(old.path)


def rotate_automatic(store_path: Path, *, folder: Path | None = None, now: datetime) -> None:
    """Keep the automatic backups the schedule keeps (a day for a week, a week for two months,
    a month for a year); delete the others."""
    automatic = [b for b in list_backups(store_path, folder=folder) if b.reason == AUTO]
    kept = retention.to_keep([(b.path, b.created) for b in automatic], now)
    for backup in automatic:
        if backup.path not in kept:
            remove_backup(backup.path)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous: Path | None  # where the store as it was is kept (None: there was no store)
    previous_was_healthy: bool  # True: `previous` is a verified backup; False: raw files


def _prove_backup(backup: Path, passphrase: str) -> StoreKey:
    """The backup is an UpwardPrep store this version can open, and passes its checks."""
    if not backup.is_file():
        raise StoreMissing(f"There is no backup at {backup}.")
    key = StoreKey.from_passphrase(passphrase, classify_file(backup))
    try:
        prove_key(backup, key)
    except WrongPassphrase:
        raise WrongPassphrase(
            "That passphrase does not open this backup (it may predate a passphrase change: "
            "give the backup's passphrase with --backup-passphrase-file)."
        ) from None
    conn = raw_connect(backup, key)
    try:
        conn.execute("PRAGMA query_only = ON")
        check_known_revision(conn)
    finally:
        conn.close()
    verify_copy(backup, key)
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
    _fsync_dir(source.parent)


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
            rotate(store_path, folder=folder, keep=keep, protect=protect)
            return kept, True
    if not store_path.exists() and not any(p.exists() for p in _sidecars(store_path)):
        return None, False
    aside = store_path.with_name(f"{store_path.name}.unopenable-{_stamp(now)}")
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
    touched; the copy is verified before it is renamed in; no -wal/-shm is left beside it.
    """
    key = _prove_backup(backup, backup_passphrase or passphrase)
    folder = folder or backup_dir_for(store_path)
    now = clock()
    store_path.parent.mkdir(parents=True, exist_ok=True)
    with StoreLock(store_path):
        temp = _temporary_sibling(store_path)
        try:
            shutil.copyfile(backup, temp)
            with temp.open("rb+") as handle:
                os.fsync(handle.fileno())
            verify_copy(temp, key)
            previous, healthy = _set_aside(
                store_path, passphrase, folder, keep, force=force, protect=backup, now=now
            )
        except BaseException:
            _remove_quietly(temp, *_sidecars(temp))
            raise
        try:
            # Anything still beside the store path would be replayed onto the restored file.
            if any(side.exists() for side in _sidecars(store_path)):
                orphans = store_path.with_name(f"{store_path.name}.orphaned-{_stamp(now)}")
                _move_with_sidecars(store_path, orphans, main=False)
            os.replace(temp, store_path)
            _fsync_dir(store_path.parent)
        except BaseException:
            _remove_quietly(temp)
            if previous is not None and not healthy and not store_path.exists():
                _move_with_sidecars(previous, store_path)  # nothing restored: put it all back
            raise
    return RestoreResult(backup, previous, healthy)


def change_passphrase(store: KeyedStore, new_passphrase: str) -> None:
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
