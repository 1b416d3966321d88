"""An unlocked store: its connections, transactions, error translation, checks and closing.

`Store.open` and `Store.create` run the open sequence of store/opening.py (classify → lock →
prove the key → back up → migrate) and wrap what it proved in an engine.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from upwardprep.clock import Clock, system_clock
from upwardprep.paths import default_store_path
from upwardprep.store import opening
from upwardprep.store.database import (
    BUSY_ERRORS,
    CORRUPTION_ERRORS,
    PAGE_SIZE,
    SQLITE_HEADER,
    STORAGE_ERRORS,
    classify_file,
    integrity_findings,
    make_engine,
    prove_key,
    raw_connect,
    sqlite_error_name,
)
from upwardprep.store.errors import StorageFailed, StoreDamaged, StoreError, StoreInUse
from upwardprep.store.keys import StoreKey
from upwardprep.store.lock import StoreLock

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = [
    "PAGE_SIZE",
    "SQLITE_HEADER",
    "Store",
    "classify_file",
    "default_store_path",
    "integrity_findings",
    "raw_connect",
]


class Store:
    """An unlocked store: the engine, the lock, the key. Closing forgets the key."""

    def __init__(self, path: Path, key: StoreKey, lock: StoreLock) -> None:
        self.path = path
        self._key: StoreKey | None = key
        self._lock = lock
        self.engine: Engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # What "now" is for this store's backups, and what stamps rows the services change
        # without stamping them (see entities); the services set their own clock here, so a
        # frozen clock freezes every stamp.
        self.clock: Clock = system_clock

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str) -> Store:
        return cls._wrap(opening.create_file(Path(path).expanduser(), passphrase))

    @classmethod
    def open(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        migrate: bool = True,
        backup_folder: Path | None = None,
        clock: Clock = system_clock,
    ) -> Store:
        unlocked = opening.open_file(
            Path(path).expanduser(),
            passphrase,
            migrate=migrate,
            backup_folder=backup_folder,
            clock=clock,
        )
        return cls._wrap(unlocked, clock)

    @classmethod
    def open_with_key(
        cls,
        path: Path | str,
        raw_key: bytes,
        *,
        backup_folder: Path | None = None,
        clock: Clock = system_clock,
    ) -> Store:
        """Open with the raw key (an Emergency Kit's recovery key) instead of the passphrase."""
        unlocked = opening.open_file(
            Path(path).expanduser(),
            None,
            backup_folder=backup_folder,
            clock=clock,
            raw_key=raw_key,
        )
        return cls._wrap(unlocked, clock)

    @classmethod
    def _wrap(cls, unlocked: opening.Unlocked, clock: Clock = system_clock) -> Store:
        try:
            store = cls(unlocked.path, unlocked.key, unlocked.lock)
        except BaseException:
            unlocked.lock.release()
            raise
        store.clock = clock
        return store

    prove_key = staticmethod(prove_key)

    # -- connections and transactions --------------------------------------------------------

    def _connect(self) -> sqlcipher.Connection:
        if self._key is None:
            raise StoreError("The store is locked.")
        return raw_connect(self.path, self._key, verify=False)

    def _make_engine(self) -> Engine:
        # One long-lived connection serves the UI thread; background jobs get their own (no KDF:
        # the raw key is already derived). Not SingletonThreadPool: connections never cross
        # threads while in use.
        return make_engine(self._connect, pool_size=1, max_overflow=4, pool_timeout=30)

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
        name = sqlite_error_name(error)
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

    def with_key(self, action: Callable[[StoreKey], T]) -> T:
        """Lend the key to store-internal helpers (backup, rekey) without exposing it."""
        if self._key is None:
            raise StoreError("The store is locked.")
        return action(self._key)

    def replace_key(self, key: StoreKey) -> None:
        self.engine.dispose()
        self.engine.clear_compiled_cache()
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
        # Compiled statements keep the values they were first run with (note text): a Store
        # still referenced after closing must not keep them.
        self.engine.clear_compiled_cache()
        self._key = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, {'open' if self.is_open else 'closed'})"
