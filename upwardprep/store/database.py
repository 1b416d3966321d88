"""The encrypted file itself: recognising it from the outside, keyed connections, proving a key,
and SQLite's and SQLCipher's integrity checks.

Everything else in `store/` (the open sequence, migrations, backups, the `Store` object) builds on
these, and nothing here knows about them, so the store's modules import each other in one
direction only.
"""

from __future__ import annotations

import errno
import os
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool, QueuePool

from upwardprep.files import UnsafeLocation
from upwardprep.store.errors import (
    NotAStore,
    StorageFailed,
    StoreDamaged,
    StoreInUse,
    StoreMissing,
    WrongPassphrase,
)
from upwardprep.store.keys import SALT_BYTES, StoreKey

PAGE_SIZE = 4096  # SQLCipher 4 default
SQLITE_HEADER = b"SQLite format 3\x00"
# "UPRP": stamped into the (encrypted) database header so another app's SQLCipher file that
# happens to share the passphrase is still recognised as foreign.
APPLICATION_ID = 0x55505250
BUSY_TIMEOUT_MS = 5000
CORRUPTION_ERRORS = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR_SHORT_READ"}
BUSY_ERRORS = {"SQLITE_BUSY", "SQLITE_LOCKED"}
STORAGE_ERRORS = (
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_READONLY",
    "SQLITE_CANTOPEN",
    "SQLITE_PERM",
)


def sqlite_error_name(error: BaseException) -> str:
    orig = getattr(error, "orig", error)
    return str(getattr(orig, "sqlite_errorname", "") or "")


# What the disk said, and what the user can do about it.
_FULL = ("the disk is full", "Free some space (or choose a folder on another disk) and try again.")
_READ_ONLY = (
    "the folder or the file is read-only",
    "Make it writable, or choose a folder you can write to, and try again.",
)
_DENIED = (
    "permission was denied",
    "Check that the folder and the file are yours and writable, and try again.",
)
_IO = (
    "the disk reported an input/output error",
    "Check the disk (and its connection), then try again.",
)
_SQLITE_REASONS = {
    "SQLITE_FULL": _FULL,
    "SQLITE_READONLY": _READ_ONLY,
    "SQLITE_CANTOPEN": _DENIED,
    "SQLITE_PERM": _DENIED,
    "SQLITE_AUTH": _DENIED,
    "SQLITE_IOERR": _IO,
}
_ERRNO_REASONS = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EFBIG: _FULL,
    errno.EROFS: _READ_ONLY,
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.EIO: _IO,
}


# Some driver errors (those of the backup API) come without SQLite's error name: their message
# is SQLite's fixed text for the code.
_SQLITE_MESSAGES = {
    "database or disk is full": "SQLITE_FULL",
    "attempt to write a readonly database": "SQLITE_READONLY",
    "unable to open database file": "SQLITE_CANTOPEN",
    "disk I/O error": "SQLITE_IOERR",
    "authorization denied": "SQLITE_AUTH",
}


def storage_failure(
    error: BaseException, doing: str, where: Path | None = None
) -> StorageFailed | None:
    """The disk's refusal behind `error` (full, read-only, permissions, I/O) as StorageFailed
    naming what could not be done (`doing`: "write the backup") and what to do; else None.
    `where`: the folder written to, to tell a full disk behind SQLite's "I/O error"."""
    if isinstance(error, UnsafeLocation):
        return StorageFailed(f"Could not {doing}: {error.message}")
    reason: tuple[str, str] | None = None
    if isinstance(error, OSError):
        reason = _ERRNO_REASONS.get(error.errno or 0)
    elif isinstance(error, sqlcipher.Error):
        name = sqlite_error_name(error) or _SQLITE_MESSAGES.get(str(error), "")
        if name != "SQLITE_IOERR_SHORT_READ":  # a truncated file: damage, not the disk
            reason = next((r for p, r in _SQLITE_REASONS.items() if name.startswith(p)), None)
    if reason is None:
        return None
    if reason is _IO and where is not None and _no_space_in(where):
        reason = _FULL
    shown = f" ({error.filename})" if isinstance(error, OSError) and error.filename else ""
    return StorageFailed(f"Could not {doing}: {reason[0]}{shown}. {reason[1]}")


def _no_space_in(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return info.f_bavail * info.f_frsize < PAGE_SIZE * 4


def _keyed(path: Path, key: StoreKey, *, read_only: bool = False) -> sqlcipher.Connection:
    if read_only:  # see read_only_connect
        uri = "file:" + urllib.parse.quote(str(path)) + "?mode=ro&immutable=1"
        conn = sqlcipher.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    else:
        conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # keep SQLCipher's log off stderr
        conn.execute(f"PRAGMA key = {key.pragma_value()}")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def read_only_connect(path: Path, key: StoreKey) -> sqlcipher.Connection:
    """A keyed connection that cannot write: not the journal mode in the header, nor a journal,
    -wal or -shm beside the file (immutable: what it opens is a backup, which nothing writes in
    place). Checking a backup this way works on a read-only drive too, and a process killed
    while checking leaves nothing behind.

    Raises the sqlcipher error of the first read if the key does not fit; callers classify it.
    """
    conn = _keyed(path, key, read_only=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlcipher.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def raw_connect(path: Path, key: StoreKey, *, verify: bool = True) -> sqlcipher.Connection:
    """One keyed SQLCipher connection with the pragmas of ARCHITECTURE.md.

    Raises the sqlcipher error of the first read if the key does not fit; callers classify it.
    """
    conn = _keyed(path, key)
    try:
        if verify:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _configure(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def make_engine(
    connect: Callable[[], sqlcipher.Connection], *, poolclass: type[Pool] = QueuePool, **pool: Any
) -> Engine:
    """An SQLAlchemy engine over keyed connections whose transactions we begin ourselves."""
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=connect,
        module=sqlcipher,
        hide_parameters=True,  # parameters are note text: never in an error message
        poolclass=poolclass,
        **pool,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # We own transaction boundaries (isolation_level=None on the driver). Writers take the
        # write lock up front so two writers queue on busy_timeout instead of deadlocking.
        mode = "IMMEDIATE" if conn.get_execution_options().get("write", True) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def classify_file(path: Path) -> bytes:
    """Refuse what is plainly not a store, without opening it; return the salt otherwise."""
    if not path.exists():
        raise StoreMissing(f"There is no store at {path}. Create one with `upwardprep init`.")
    if path.is_dir():
        raise NotAStore(f"{path} is a folder, not an UpwardPrep store.")
    size = path.stat().st_size
    if size == 0:
        raise NotAStore(
            f"{path} is an empty file (0 bytes), not an UpwardPrep store. It was left as it is."
        )
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == SQLITE_HEADER:
        raise NotAStore(f"{path} is a plain, unencrypted SQLite database, not an UpwardPrep store.")
    if size < PAGE_SIZE:
        raise NotAStore(
            f"{path} is too short to be an UpwardPrep store ({size} bytes): it is either "
            "truncated or some other kind of file."
        )
    return header[:SALT_BYTES]


def integrity_findings(conn: sqlcipher.Connection) -> list[str]:
    """What SQLite's and SQLCipher's integrity checks say; empty when all is well."""
    findings: list[str] = []
    for pragma in ("cipher_integrity_check", "integrity_check"):
        try:
            rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}").fetchall()]
        except sqlcipher.Error as error:
            findings.append(f"{pragma}: {error}")
            continue
        findings += [f"{pragma}: {row}" for row in rows if row != "ok"]
    try:
        bad_links = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlcipher.Error as error:
        findings.append(f"foreign_key_check: {error}")
    else:
        findings += [
            f"foreign_key_check: {row[0]} row {row[1]} points at a missing {row[2]}"
            for row in bad_links
        ]
    return findings


def prove_key(path: Path, key: StoreKey, *, read_only: bool = False) -> None:
    """Show that `key` opens an UpwardPrep store at `path`, without writing anything.

    Raises WrongPassphrase, NotAStore or StoreDamaged; StorageFailed when the disk refuses
    (a full disk or a read-only folder is never reported as a wrong passphrase); takes no lock.
    With `read_only` (a backup) the file is opened immutable (read_only_connect) and left in
    its journal mode; otherwise (the store) the proven connection is switched to WAL, which is
    where a disk that cannot take the -wal says so.
    """
    size = path.stat().st_size
    try:
        conn = _keyed(path, key, read_only=read_only)
    except sqlcipher.DatabaseError as error:
        raise storage_failure(error, "open the store", path.parent) or error from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as error:
        conn.close()
        name = sqlite_error_name(error)
        if name in BUSY_ERRORS:
            raise StoreInUse("The store is locked by another program.") from None
        if name == "SQLITE_CORRUPT":  # page 1 decrypted, so the key is right: damage
            raise _damaged_on_open(path, key, size, read_only=read_only) from None
        failure = storage_failure(error, "open the store", path.parent)
        if failure is not None:
            raise failure from None
        if size % PAGE_SIZE:
            raise NotAStore(
                f"{path} is not an UpwardPrep store: it does not decrypt and its size "
                f"({size} bytes) does not fit the store's page layout."
            ) from None
        raise WrongPassphrase(
            "That passphrase does not open this store. Check it and try again "
            "(if the file is not an UpwardPrep store, no passphrase will)."
        ) from None
    try:
        # The key is right from here on: what fails now is the disk (the WAL cannot be made).
        if not read_only:
            _configure(conn)
    except sqlcipher.DatabaseError as error:
        conn.close()
        if sqlite_error_name(error) in BUSY_ERRORS:
            raise StoreInUse("The store is locked by another program.") from None
        raise storage_failure(error, "open the store", path.parent) or error from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAStore(f"{path} is an encrypted database, but not one made by UpwardPrep.")
        if size % PAGE_SIZE:
            raise StoreDamaged(
                f"The store file is truncated: it ends in the middle of a page "
                f"({size} bytes). Restore it from a backup.",
                findings=[f"file size {size} is not a multiple of the page size {PAGE_SIZE}"],
            )
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        wal = Path(f"{path}-wal")
        if pages * PAGE_SIZE > size and not (wal.exists() and wal.stat().st_size > 0):
            raise StoreDamaged(
                "The store file is truncated: it is shorter than its own header says. "
                "Restore it from a backup.",
                findings=[f"header says {pages} pages, the file holds {size // PAGE_SIZE}"],
            )
    finally:
        conn.close()


def _damaged_on_open(
    path: Path, key: StoreKey, size: int, *, read_only: bool = False
) -> StoreDamaged:
    conn = _keyed(path, key, read_only=read_only)
    try:
        conn.execute("PRAGMA query_only = ON")  # diagnosing must not write
        findings = integrity_findings(conn)
    finally:
        conn.close()
    if size % PAGE_SIZE:
        return StoreDamaged(
            f"The store file is truncated: it ends in the middle of a page ({size:,} "
            "bytes). Restore it from a backup (`upwardprep restore --latest`).",
            findings=[
                f"file size {size} is not a multiple of the page size {PAGE_SIZE}",
                *findings,
            ],
        )
    return StoreDamaged(
        "The store is damaged: it does not read back as a complete database (it may have "
        "been truncated by an interrupted copy, or overwritten in part). Restore it from a "
        "backup (`upwardprep restore --latest`).",
        findings=findings,
    )
