"""An unlocked store: its connections, transactions, error translation, checks and closing.

`Store.open` and `Store.create` run the open sequence of store/opening.py (classify → lock →
prove the key → back up → migrate) and wrap what it proved in an engine.
"""

from __future__ import annotations

import contextlib
import logging
import threading
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


def _pooled(connect: Callable[[], sqlcipher.Connection]) -> Engine:
    # One long-lived connection serves the UI thread; background jobs get their own (no KDF:
    # the raw key is already derived). Not SingletonThreadPool: connections never cross
    # threads while in use.
    return make_engine(connect, pool_size=1, max_overflow=4, pool_timeout=30)


__all__ = [
    "PAGE_SIZE",
    "SQLITE_HEADER",
    "Rehearsal",
    "Store",
    "classify_file",
    "default_store_path",
    "integrity_findings",
    "raw_connect",
]


class Store:
    """An unlocked store: the engine, the lock, the key. Closing forgets the key."""

    def __init__(
        self, path: Path, key: StoreKey, lock: StoreLock, *, rehearsal: Rehearsal | None = None
    ) -> None:
        self.path = path
        self._key: StoreKey | None = key
        self._lock = lock
        rehearsed = rehearsal.hand_over(self._connect) if rehearsal is not None else None
        self.engine: Engine = rehearsed or self._make_engine()
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
        rehearsal: Rehearsal | None = None,
    ) -> Store:
        """Open an existing store (see opening.open_file); with `rehearsal`, on its engine."""
        unlocked = opening.open_file(
            Path(path).expanduser(),
            passphrase,
            migrate=migrate,
            backup_folder=backup_folder,
            clock=clock,
        )
        return cls._wrap(unlocked, clock, rehearsal)

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
    def _wrap(
        cls,
        unlocked: opening.Unlocked,
        clock: Clock = system_clock,
        rehearsal: Rehearsal | None = None,
    ) -> Store:
        try:
            store = cls(unlocked.path, unlocked.key, unlocked.lock, rehearsal=rehearsal)
        except BaseException:
            unlocked.lock.release()
            raise
        store.clock = clock
        return store

    @classmethod
    def _over(cls, engine: Engine) -> Store:
        """A keyless store over `engine` alone (see Rehearsal): no file, no lock."""
        store = cls.__new__(cls)
        store.path = Path(":memory:")
        store._key = None
        store.engine = engine
        store._sessions = sessionmaker(engine, expire_on_commit=False)
        store.clock = system_clock
        return store

    prove_key = staticmethod(prove_key)

    # -- connections and transactions --------------------------------------------------------

    def _connect(self) -> sqlcipher.Connection:
        if self._key is None:
            raise StoreError("The store is locked.")
        return raw_connect(self.path, self._key, verify=False)

    def _make_engine(self) -> Engine:
        return _pooled(self._connect)

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


class Rehearsal:
    """A store's first reads, compiled before the store is open.

    SQLAlchemy compiles each statement the first time an engine runs it: the unlocked
    window's first section runs a dozen or more, tens of milliseconds after Enter. While the
    unlock dialog waits for the passphrase, `run` gives a new engine an empty in-memory database
    with the store's tables and runs those reads there; the store that opens next takes the
    engine over (`Store.open(..., rehearsal=...)`), with the statements it compiled. Nothing of
    any store (key, file, record) is ever in it, and the in-memory database is gone before the
    engine meets the store. A store opens on a rehearsal at most once; opened before the
    rehearsal ran, it makes its own engine and the rehearsal never runs.
    """

    def __init__(self) -> None:
        self._connect: Callable[[], sqlcipher.Connection] = _empty_database
        self.engine = _pooled(lambda: self._connect())
        self._lock = threading.Lock()  # a store opening while the reads run waits for them
        self._rehearsed = False
        self._taken = False

    def run(self, reads: Callable[[Store], object]) -> bool:
        """Run `reads` on a store over the empty database; False if they failed or a store was
        opened first (it compiles its statements itself, as without a rehearsal)."""
        from upwardprep.store.entities import Base

        with self._lock:
            if self._taken:
                return False
            try:
                with self.engine.begin() as conn:
                    Base.metadata.create_all(conn)
                reads(Store._over(self.engine))
            except Exception as error:  # only the warm-up is lost
                log.warning("the rehearsal of the first reads failed: %s", type(error).__name__)
                return False
            finally:
                self.engine.dispose()  # the in-memory database goes; compiled statements stay
            self._rehearsed = True
            return True

    def hand_over(self, connect: Callable[[], sqlcipher.Connection]) -> Engine | None:
        """The rehearsed engine, connecting with `connect` from now on; None (and never again)
        when it was not rehearsed."""
        with self._lock:
            ready = self._rehearsed and not self._taken
            self._taken = True
            if not ready:
                return None
            self._connect = connect
            return self.engine


def _empty_database() -> sqlcipher.Connection:
    return sqlcipher.connect(":memory:", check_same_thread=False, isolation_level=None)
