"""The store's life cycle: create, unlock, back up, restore, change the passphrase, check.

The desktop app's start-up flow and the command line both go through this one service, so they
agree on every step (a new store starts with the shipped templates; a passphrase change is backed
up first and proven after; a restore keeps the store as it was) and neither reaches into
`store/` for it. The store's own typed errors are re-exported here: they are part of this
service's contract, and the adapters catch them from here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from upwardprep.clock import Clock, system_clock
from upwardprep.services import Services
from upwardprep.store import backup as backups
from upwardprep.store.backup import DEFAULT_KEEP, PRE_RESTORE, BackupInfo, RestoreResult
from upwardprep.store.database import classify_file, prove_key
from upwardprep.store.engine import Store, default_store_path
from upwardprep.store.errors import (
    BackupError,
    NotAStore,
    PassphraseRefused,
    StorageFailed,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreInUse,
    StoreMissing,
    StoreTooNew,
    WrongPassphrase,
)
from upwardprep.store.keys import StoreKey, normalize_passphrase

__all__ = [
    "DEFAULT_KEEP",
    "PRE_PASSWD",
    "PRE_RESTORE",
    "BackupError",
    "BackupInfo",
    "NotAStore",
    "PassphraseRefused",
    "RestoreResult",
    "StorageFailed",
    "StoreDamaged",
    "StoreError",
    "StoreExists",
    "StoreInUse",
    "StoreMissing",
    "StoreTooNew",
    "Vault",
    "WrongPassphrase",
]

PRE_PASSWD = "pre-passwd"


class Vault:
    """One store file and where its backups go.

    Cheap to make: it holds a path, a folder and a clock, and opens nothing until asked. Each
    method is one step a user takes; the `Services` it hands out own the open store until
    `close` (or the end of `session`).
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        backup_folder: Path | str | None = None,
        clock: Clock = system_clock,
    ) -> None:
        self.path = Path(path).expanduser() if path else default_store_path()
        self.backup_folder = Path(backup_folder).expanduser() if backup_folder else None
        self.clock = clock

    def __repr__(self) -> str:
        return f"Vault({str(self.path)!r})"

    @staticmethod
    def default_path() -> Path:
        """`notes.upwardprep` in the user data folder (UPWARDPREP_STORE overrides it)."""
        return default_store_path()

    def exists(self) -> bool:
        return self.path.exists()

    # -- opening ---------------------------------------------------------------------------

    def create(self, passphrase: str, *, shipped_templates: bool = True) -> Services:
        """A new store (never over an existing file), with the shipped agenda templates."""
        store = Store.create(self.path, passphrase)
        store.clock = self.clock
        try:
            services = Services(store, clock=self.clock)
            if shipped_templates:
                services.templates.ensure_shipped()
        except BaseException:
            store.close()
            raise
        return services

    def unlock(self, passphrase: str) -> Services:
        """Open the store (an older one is backed up, then upgraded); typed errors otherwise."""
        store = Store.open(
            self.path, passphrase, backup_folder=self.backup_folder, clock=self.clock
        )
        return Services(store, clock=self.clock)

    @contextlib.contextmanager
    def session(self, passphrase: str) -> Iterator[Services]:
        """`unlock`, and close the store again at the end of the block."""
        services = self.unlock(passphrase)
        try:
            yield services
        finally:
            services.store.close()

    @staticmethod
    def close(services: Services) -> None:
        services.store.close()

    def prove(self, passphrase: str) -> None:
        """Show that `passphrase` opens this store, without opening it or taking its lock."""
        prove_key(self.path, StoreKey.from_passphrase(passphrase, classify_file(self.path)))

    # -- backups ---------------------------------------------------------------------------

    def backup(
        self, services: Services, *, keep: int = DEFAULT_KEEP, reason: str = ""
    ) -> BackupInfo:
        """An encrypted copy, verified before it is kept; older ones beyond `keep` rotated."""
        return backups.create_backup(
            services.store, folder=self.backup_folder, keep=keep, reason=reason
        )

    def backups(self) -> list[BackupInfo]:
        """This store's backups (and no other's), oldest first."""
        return backups.list_backups(self.path, folder=self.backup_folder)

    def latest_backup(self) -> BackupInfo | None:
        """The newest backup made on purpose, not the safety copy an earlier restore left."""
        made = [b for b in self.backups() if b.reason != PRE_RESTORE]
        return made[-1] if made else None

    def restore(
        self,
        backup: Path,
        passphrase: str,
        *,
        backup_passphrase: str | None = None,
        force: bool = False,
        keep: int = DEFAULT_KEEP,
    ) -> RestoreResult:
        """Put `backup` in place of the (closed) store, keeping the store as it was first."""
        return backups.restore_backup(
            self.path,
            Path(backup).expanduser(),
            passphrase,
            backup_passphrase=backup_passphrase,
            folder=self.backup_folder,
            keep=keep,
            force=force,
            clock=self.clock,
        )

    # -- passphrase and checks --------------------------------------------------------------

    def change_passphrase(self, services: Services, new_passphrase: str) -> None:
        """Back up under the old passphrase, re-encrypt under the new one, close the store, and
        prove that the new passphrase opens it. `services` is closed in every case."""
        store = services.store
        try:
            normalize_passphrase(new_passphrase)  # refuse an empty one before touching anything
            self.backup(services, reason=PRE_PASSWD)
            backups.change_passphrase(store, new_passphrase)
        finally:
            store.close()
        self.prove(new_passphrase)

    @staticmethod
    def check(services: Services) -> list[str]:
        """Every integrity check (SQLite, SQLCipher, links, search index); empty when healthy."""
        return services.store.check()
