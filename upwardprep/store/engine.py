"""Opening, creating and closing the encrypted store.

`Store.open` is careful about the order of things: it classifies the file from the outside first
(missing, empty, plain SQLite, too short), takes the single-instance lock, derives the key from the
salt in the file's first bytes, and proves the key by reading page 1 before setting any pragma
that writes. A failed open therefore leaves the file and its -wal/-shm exactly as they were.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from upwardprep.clock import Clock, system_clock
from upwardprep.store.errors import (
    NotAStore,
    StorageFailed,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreInUse,
    StoreMissing,
    WrongPassphrase,
)
from upwardprep.store.keys import SALT_BYTES, StoreKey, new_salt
from upwardprep.store.lock import StoreLock

log = logging.getLogger(__name__)

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


def _sqlite_error_name(error: BaseException) -> str:
    orig = getattr(error, "orig", error)
    return str(getattr(orig, "sqlite_errorname", "") or "")


def raw_connect(path: Path, key: StoreKey, *, verify: bool = True) -> sqlcipher.Connection:
    """One keyed SQLCipher connection with the pragmas of ARCHITECTURE.md.

    Raises the sqlcipher error of the first read if the key does not fit; callers classify it.
    """
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # keep SQLCipher's log off stderr
        conn.execute(f"PRAGMA key = {key.pragma_value()}")
        if verify:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        conn.close()
        raise
    return conn


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


class Store:
    """An unlocked store: the engine, the lock, the key. Closing forgets the key."""

    def __init__(self, path: Path, key: StoreKey, lock: StoreLock) -> None:
        self.path = path
        self._key: StoreKey | None = key
        self._lock = lock
        self.engine: Engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # What stamps rows the services change without stamping them (see entities); the
        # services set their own clock here, so a frozen clock freezes every stamp.
        self.clock: Clock = system_clock

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str) -> Store:
        from upwardprep.store.migrate import upgrade_to_head

        path = Path(path).expanduser()
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
            store = cls(path, key, lock)
        except BaseException:
            lock.release()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise
        try:
            upgrade_to_head(store, backup_first=False)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, migrate: bool = True) -> Store:
        from upwardprep.store.migrate import check_revision, upgrade_to_head

        path = Path(path).expanduser()
        salt = classify_file(path)
        lock = StoreLock(path)
        lock.acquire()
        try:
            key = StoreKey.from_passphrase(passphrase, salt)
            cls.prove_key(path, key)
            store = cls(path, key, lock)
        except BaseException:
            lock.release()
            raise
        try:
            needs_upgrade = check_revision(store)
            if needs_upgrade and migrate:
                upgrade_to_head(store, backup_first=True)
        except BaseException:
            store.close()
            raise
        return store

    @staticmethod
    def prove_key(path: Path, key: StoreKey) -> None:
        """Show that `key` opens an UpwardPrep store at `path`, without writing anything.

        Raises WrongPassphrase, NotAStore or StoreDamaged; takes no lock.
        """
        size = path.stat().st_size
        try:
            conn = raw_connect(path, key)
        except sqlcipher.DatabaseError as error:
            name = _sqlite_error_name(error)
            if name in BUSY_ERRORS:
                raise StoreInUse("The store is locked by another program.") from None
            if name == "SQLITE_CORRUPT":  # page 1 decrypted, so the key is right: damage
                raise Store._damaged_on_open(path, key, size) from None
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

    @staticmethod
    def _damaged_on_open(path: Path, key: StoreKey, size: int) -> StoreDamaged:
        conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {key.pragma_value()}")
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

    # -- connections and transactions --------------------------------------------------------

    def _connect(self) -> sqlcipher.Connection:
        if self._key is None:
            raise StoreError("The store is locked.")
        return raw_connect(self.path, self._key, verify=False)

    def _make_engine(self) -> Engine:
        # One long-lived connection serves the UI thread; background jobs get their own (no KDF:
        # the raw key is already derived). Not SingletonThreadPool: connections never cross
        # threads while in use.
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=self._connect,
            module=sqlcipher,
            hide_parameters=True,  # parameters are note text: never in an error message
            poolclass=QueuePool,
            pool_size=1,
            max_overflow=4,
            pool_timeout=30,
        )

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # We own transaction boundaries (isolation_level=None on the driver). Writers take the
            # write lock up front so two writers queue on busy_timeout instead of deadlocking.
            mode = "IMMEDIATE" if conn.get_execution_options().get("write", True) else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine

    @contextlib.contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error, never half-applies."""
        session = self._sessions()
        session.info["clock"] = self.clock
        try:
            session.connection(execution_options={"write": write})
            yield session
            session.commit()
        except sa_exc.DBAPIError as error:
            session.rollback()
            raise self.translate(error) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlcipher.Connection]:
        """A fresh keyed driver connection, outside the pool (checks, backups, benchmarks)."""
        try:
            conn = self._connect()
        except sqlcipher.DatabaseError as error:
            raise self.translate(error) from error
        try:
            yield conn
        except sqlcipher.DatabaseError as error:
            raise self.translate(error) from error
        finally:
            conn.close()

    def translate(self, error: BaseException) -> BaseException:
        name = _sqlite_error_name(error)
        if name in CORRUPTION_ERRORS or "malformed" in str(error):
            return StoreDamaged(
                "The store is damaged: some of its pages fail their checks. Restore it from a "
                "backup (`upwardprep restore --latest`).",
                findings=self.check(),
            )
        if name in BUSY_ERRORS:
            return StoreInUse("The store is busy with another operation; try again.")
        if name.startswith(STORAGE_ERRORS):
            reason = {
                "SQLITE_FULL": "the disk is full",
                "SQLITE_READONLY": "the store's folder or file is read-only",
                "SQLITE_CANTOPEN": "the store's file cannot be opened",
                "SQLITE_PERM": "permission was denied",
            }.get(name, "the disk reported an input/output error")
            return StorageFailed(
                f"Could not save: {reason}. Nothing of this change was written; what was saved "
                "before is intact."
            )
        return error

    def check(self) -> list[str]:
        """Run every integrity check on a fresh connection; an empty list means healthy."""
        if self._key is None:
            raise StoreError("The store is locked.")
        try:
            conn = raw_connect(self.path, self._key, verify=False)
        except sqlcipher.Error as error:
            return [f"open: {error}"]
        try:
            findings = integrity_findings(conn)
            from upwardprep.store.search import fts_findings

            findings += fts_findings(conn)
            return findings
        finally:
            conn.close()

    def with_key(self, action: Callable[[StoreKey], Any]) -> Any:
        """Lend the key to store-internal helpers (backup, rekey) without exposing it."""
        if self._key is None:
            raise StoreError("The store is locked.")
        return action(self._key)

    def replace_key(self, key: StoreKey) -> None:
        self.engine.dispose()
        self._key = key
        self.engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_open(self) -> bool:
        return self._key is not None

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (outside any transaction, where SQLite allows it)."""
        with self.raw() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Dispose every connection (SQLite checkpoints and removes -wal/-shm), forget the key."""
        if self._key is None:
            return
        self.engine.dispose()
        self._key = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, {'open' if self.is_open else 'closed'})"


def default_store_path() -> Path:
    from platformdirs import user_data_path

    override = os.environ.get("UPWARDPREP_STORE")
    if override:
        return Path(override).expanduser()
    return user_data_path("UpwardPrep", appauthor=False) / "notes.upwardprep"
