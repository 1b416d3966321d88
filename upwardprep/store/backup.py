"""Encrypted, verified, rotated backups and the passphrase change (restoring one: restore.py).

Every copy is written under a temporary name in the destination folder (created 0600 with
O_EXCL | O_NOFOLLOW, in a folder of the user's), synced, opened with the key and checked
(integrity_check and cipher_integrity_check) before it is renamed into place, so a backup that
exists under its final name is one that opened and passed.

Rotation deletes only older ordinary backups: never the one just written, never the one being
restored, and never a safety copy (made before an upgrade or a restore), whatever the dates in
the names say (a clock that was once ahead leaves names "from the future").

Temporary names carry the writer's process id, so the next open can remove what a killed
process left (`remove_leftovers`). The disk's refusals (full, read-only, permissions) surface as
StorageFailed, never as a damaged copy or a wrong passphrase.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol, TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.engine import Engine

from upwardprep.clock import Clock
from upwardprep.files import (
    check_owned_folder,
    fsync_folder,
    make_private_folder,
    new_private_file,
    process_alive,
)
from upwardprep.store import retention
from upwardprep.store.database import (
    integrity_findings,
    raw_connect,
    storage_failure,
)
from upwardprep.store.errors import (
    BackupError,
    StoreHasOtherNames,
)
from upwardprep.store.keys import StoreKey, new_salt
from upwardprep.store.manifest import SUFFIX as MANIFEST
from upwardprep.store.manifest import Digests, manifest_path, table_digests, write_manifest

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".upwardprep-backup"
DEFAULT_KEEP = 10
PRE_RESTORE = "pre-restore"
PRE_UPGRADE = "pre-upgrade"
PRE_PASSWD = "pre-passwd"
# Copies made to keep the store as it was before an operation that replaces it: rotation never
# deletes them (they are few: one per restore, one per schema upgrade).
SAFETY_COPIES = frozenset({PRE_RESTORE, PRE_UPGRADE})
AUTO = "auto"  # the automatic backups, rotated by their own schedule (store/retention.py)
REASONS = ("", PRE_RESTORE, PRE_UPGRADE, PRE_PASSWD, AUTO)
NAME_MAX = 255  # bytes in one file name, on every file system UpwardPrep runs on
_LONGEST_PID = 7  # Linux's pid_max is at most 4,194,304
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
    return f"{store_path.name}-{file_stamp(now)}{suffix}{BACKUP_SUFFIX}"


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
    reason: str = ""  # "" for a backup asked for; "pre-upgrade", "pre-restore", "pre-passwd"


def backup_dir_override() -> Path | None:
    """The folder UPWARDPREP_BACKUP_DIR names for every store's backups, if it is set."""
    override = os.environ.get("UPWARDPREP_BACKUP_DIR")
    return Path(override).expanduser() if override else None


def backup_dir_for(store_path: Path) -> Path:
    return backup_dir_override() or store_path.parent / "backups"


@contextlib.contextmanager
def disk_refusals(doing: str, where: Path) -> Iterator[None]:
    """Report the disk's refusals (full, read-only, permissions, I/O) as StorageFailed."""
    try:
        yield
    except (OSError, sqlcipher.Error) as error:
        failure = storage_failure(error, doing, where)
        if failure is None:
            raise
        raise failure from error


def _copy_encrypted(
    source: sqlcipher.Connection, target: Path, key: StoreKey, *, record: bool = False
) -> Digests | None:
    """Page-by-page copy through SQLite's backup API into a file keyed like the store.

    With `record`, the source's rows are counted and hashed in the same read transaction as the
    copy, so the record describes exactly the moment copied: a write another connection has
    not committed yet is in neither (a backup never holds half a change).
    """
    new_private_file(target)  # SQLite then opens it: 0600, and never a planted link
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


def remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def remove_backup(path: Path) -> None:
    """A backup and the record beside it."""
    remove_quietly(path, manifest_path(path))


def remove_orphan_records(store_path: Path, folder: Path) -> None:
    """Records whose backup never got its name (a backup killed after writing its record)."""
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            name = path.name
            if (
                name.startswith(store_path.name + "-")
                and name.endswith(BACKUP_SUFFIX + MANIFEST)
                and not path.with_name(name[: -len(MANIFEST)]).exists()
            ):
                remove_quietly(path)


WAL_HEADER_BYTES = 32  # a -wal no longer than its header holds no page

# SQLite's lock bytes (os_unix.c): a process changing a database holds a write lock on the
# RESERVED byte, then PENDING and the SHARED range, for as long as its journal is needed.
_PENDING_BYTE = 0x40000000
_LOCK_BYTES = 2 + 510


def _in_use_by_sqlite(path: Path) -> bool:
    """Whether a process holds SQLite's locks on `path` (True when it cannot be told)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        return True
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, _LOCK_BYTES, _PENDING_BYTE)
    except OSError:
        return True  # another process is inside a transaction on it
    finally:
        os.close(fd)  # (closing releases the test lock)
    return False


def _holds_pages(wal: Path) -> bool:
    try:
        return wal.stat().st_size > WAL_HEADER_BYTES
    except OSError:
        return False


def remove_stale_backup_journals(store_path: Path, folder: Path) -> list[Path]:
    """A journal, -wal or -shm beside one of the store's backups, that no process is using.

    No version writes to a backup in place any more (a backup is checked read-only and
    immutable); older ones switched a backup's journal mode while checking it before a restore,
    and one killed meanwhile left these beside it. Such a journal only ever covered that switch
    of page 1's mode bytes, which reads either way, so it is removed rather than rolled back.
    A -wal that holds pages (a backup opened as a store, and killed) is never removed, nor
    anything beside it: those are changes, not leftovers.
    """
    removed: list[Path] = []
    backups = {b.path.name: b.path for b in list_backups(store_path, folder=folder)}
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            suffix = next((s for s in COMPANION_SUFFIXES if entry.name.endswith(s)), None)
            owner = backups.get(entry.name[: -len(suffix)]) if suffix else None
            if owner is None or not entry.is_file(follow_symlinks=False):
                continue
            if _holds_pages(Path(f"{owner}-wal")) or _in_use_by_sqlite(owner):
                continue  # (a -wal with pages is changes, not a leftover: restore refuses it)
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _companions(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in COMPANION_SUFFIXES]


def discard_temporary(temp: Path, error: BaseException, doing: str, where: Path) -> None:
    """Remove a failed temporary copy (and its journals). A full disk is told while the copy
    still takes the space: once it is removed, the disk no longer looks full."""
    failure = storage_failure(error, doing, where) if isinstance(error, Exception) else None
    remove_quietly(temp, *_companions(temp))
    if failure is not None:
        raise failure from error


def temporary_sibling(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.tmp(?:-wal|-shm|-journal)?$")


def remove_leftovers(folder: Path, belongs: Callable[[str], bool]) -> list[Path]:
    """Remove the temporary files (and their journals) that a killed process left in `folder`:
    those named for a file that `belongs` to this store, by a process that is gone (or by this
    one, which holds the store's lock and is writing none of them now)."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _LEFTOVER.match(entry.name)
            if not match or not belongs(match["name"]):
                continue
            pid = int(match["pid"])
            if pid != os.getpid() and process_alive(pid):
                continue
            if entry.is_file(follow_symlinks=False) or entry.is_symlink():
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def belongs_to(store_path: Path) -> Callable[[str], bool]:
    """Whether a file name is the store's, one of its backups' or a backup's record (for
    remove_leftovers: each is written under a temporary name first)."""
    backup_name = _name_pattern(store_path)

    def belongs(name: str) -> bool:
        name = name.removesuffix(MANIFEST)
        return name == store_path.name or backup_name.match(name) is not None

    return belongs


def file_stamp(now: datetime) -> str:
    """A sortable UTC time for file names."""
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _longest_derived_name(store_name: str) -> str:
    """The longest name UpwardPrep gives a file derived from a store's (a backup's temporary
    file's journal): the store's own name must leave room for it."""
    reason = max(REASONS, key=len)
    backup = _backup_name(Path(store_name), reason, datetime(2000, 1, 1, tzinfo=UTC))
    return f".{backup}.{'9' * _LONGEST_PID}.tmp-journal"


MAX_STORE_NAME_BYTES = NAME_MAX - len(_longest_derived_name("").encode("utf-8"))


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
    with disk_refusals("write the backup", folder):
        make_private_folder(folder)
        check_owned_folder(folder)
        remove_leftovers(folder, belongs_to(store_path))
        remove_orphan_records(store_path, folder)
        final = folder / _backup_name(store_path, reason, now)
        while final.exists() or manifest_path(final).exists():  # never replace a backup
            now += timedelta(microseconds=1)  # (two in one instant: a clock that stands still)
            final = folder / _backup_name(store_path, reason, now)
        temp = temporary_sibling(final)
        try:
            digests = _copy_encrypted(source, temp, key, record=record)
            verify_copy(temp, key, expect=digests)
            if digests is not None:
                write_manifest(final, key, digests)
            os.replace(temp, final)
            fsync_folder(folder)
        except BaseException as error:
            if not final.exists():
                remove_quietly(manifest_path(final))
            discard_temporary(temp, error, "write the backup", folder)
            raise
    return final


def create_backup(
    store: KeyedStore,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    reason: str = "",
) -> BackupInfo:
    folder = folder or backup_dir_for(store.path)
    now = store.clock()

    def run(key: StoreKey) -> Path:
        with store.raw() as source:
            return write_backup(source, key, store.path, folder, reason, now)

    final = store.with_key(run)
    if reason == AUTO:
        rotate_automatic(store.path, folder=folder, now=now, protect=[final])
    else:
        rotate(store.path, folder=folder, keep=keep, protect=[final])
    stamp = _name_pattern(store.path).match(final.name)
    made = (
        datetime.strptime(stamp.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC) if stamp else now
    )
    return BackupInfo(final, made, final.stat().st_size, reason)


def list_backups(store_path: Path, *, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of this store (and of no other), oldest first. A file named like one whose date
    cannot be (a stray copy, a hand-made name) is skipped with a warning."""
    folder = folder or backup_dir_for(store_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(store_path)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            log.warning("Ignoring %s: named like a backup, but its date is impossible.", path)
            continue
        found.append(BackupInfo(path, created, path.stat().st_size, match.group(2) or ""))
    return sorted(found, key=lambda info: info.created)


def rotate(
    store_path: Path,
    *,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    protect: Collection[Path] = (),
) -> list[Path]:
    """Delete the oldest ordinary backups beyond the newest `keep`; return what was deleted.

    Never deleted, and not counted: the safety copies (SAFETY_COPIES), the automatic backups
    (their own schedule: rotate_automatic) and the backups in `protect` (the one just written,
    the one being restored). So a backup that a command has just reported is always there, even
    when older names carry later dates.
    """
    kept = {Path(p) for p in protect}
    ordinary = [
        b
        for b in list_backups(store_path, folder=folder)
        if b.path not in kept and b.reason not in SAFETY_COPIES and b.reason != AUTO
    ]
    room = max(keep, 1) - len([p for p in kept if p.exists() and p.name.find(f"-{AUTO}.") < 0])
    deleted = []
    for old in ordinary[: max(0, len(ordinary) - max(room, 0))]:
        remove_backup(old.path)
        deleted.append(old.path)
    return deleted


def rotate_automatic(
    store_path: Path,
    *,
    folder: Path | None = None,
    now: datetime,
    protect: Collection[Path] = (),
) -> list[Path]:
    """Keep the automatic backups the schedule keeps (a day for a week, a week for two months,
    a month for a year) and those in `protect`; delete the others."""
    automatic = [b for b in list_backups(store_path, folder=folder) if b.reason == AUTO]
    kept = retention.to_keep([(b.path, b.created) for b in automatic], now) | set(protect)
    deleted = []
    for backup in automatic:
        if backup.path not in kept:
            remove_backup(backup.path)
            deleted.append(backup.path)
    return deleted


def change_passphrase(store: KeyedStore, new_passphrase: str) -> None:
    """Re-encrypt into a fresh file under the new key (new salt), verify it, swap it in.

    A crash at any point leaves either the old file or the new one complete; the caller has
    taken a backup first.
    """
    new_key = StoreKey.from_passphrase(new_passphrase, new_salt())
    if store.path.stat().st_nlink > 1:
        raise StoreHasOtherNames.for_path(store.path)
    temp = temporary_sibling(store.path)
    with disk_refusals("change the passphrase", store.path.parent):
        _rekey_into(store, new_key, temp)
    store.replace_key(new_key)


def _rekey_into(store: KeyedStore, new_key: StoreKey, temp: Path) -> None:
    try:
        new_private_file(temp)
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
        remove_quietly(Path(f"{store.path}-wal"), Path(f"{store.path}-shm"))
        os.replace(temp, store.path)
        fsync_folder(store.path.parent)
    except BaseException as error:
        discard_temporary(temp, error, "change the passphrase", store.path.parent)
        raise
