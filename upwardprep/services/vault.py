"""The store's life cycle: create, unlock, back up, restore, change the passphrase, check.

The desktop app's start-up flow and the command line both go through this one service, so they
agree on every step (a new store starts with the shipped templates; a passphrase change is backed
up first and proven after; a restore keeps the store as it was) and neither reaches into
`store/` for it. The store's own typed errors are re-exported here: they are part of this
service's contract, and the adapters catch them from here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from upwardprep.clock import Clock, local_today, system_clock
from upwardprep.files import UnsafeLocation, check_writable_target
from upwardprep.services import Services, backup_places
from upwardprep.services import recovery_key as recovery
from upwardprep.services.common import ValidationError
from upwardprep.store import backup as backups
from upwardprep.store import retention
from upwardprep.store.backup import (
    AUTO,
    BACKUP_SUFFIX,
    COMPANION_SUFFIXES,
    DEFAULT_KEEP,
    PRE_PASSWD,
    PRE_RESTORE,
    BackupInfo,
)
from upwardprep.store.database import classify_file, prove_key
from upwardprep.store.drill import DrillResult, drill_newest
from upwardprep.store.engine import Rehearsal, Store, default_store_path
from upwardprep.store.errors import (
    BackupError,
    NotAStore,
    PassphraseRefused,
    StorageFailed,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreHasOtherNames,
    StoreInUse,
    StoreMissing,
    StoreNameTooLong,
    StoreTooNew,
    WrongPassphrase,
)
from upwardprep.store.keys import StoreKey, normalize_passphrase
from upwardprep.store.lock import lock_path_for
from upwardprep.store.manifest import check_manifest, manifest_path, table_digests
from upwardprep.store.restore import RestoreResult, restore_backup

__all__ = [
    "AUTO",
    "DEFAULT_KEEP",
    "PRE_PASSWD",
    "PRE_RESTORE",
    "BackupError",
    "BackupInfo",
    "BackupsReport",
    "DrillResult",
    "NotAStore",
    "PassphraseRefused",
    "Rehearsal",
    "RestoreResult",
    "StorageFailed",
    "StoreDamaged",
    "StoreError",
    "StoreExists",
    "StoreHasOtherNames",
    "StoreInUse",
    "StoreMissing",
    "StoreNameTooLong",
    "StoreTooNew",
    "Vault",
    "WrongPassphrase",
]

STORE_SUFFIX = ".upwardprep"
# Names no document is ever written under: a store's, a backup's, or one of their companions'.
_STORE_LIKE = (
    STORE_SUFFIX,
    BACKUP_SUFFIX,
    f"{STORE_SUFFIX}.lock",
    *(f"{STORE_SUFFIX}{suffix}" for suffix in COMPANION_SUFFIXES),
    *(f"{BACKUP_SUFFIX}{suffix}" for suffix in COMPANION_SUFFIXES),
)

VERIFIED_WITHIN = timedelta(days=7)  # an older last verified backup earns a warning


@dataclass(frozen=True)
class BackupsReport:
    """The restore drill of a store's backups: the newest first, back to the newest good one."""

    folder: Path
    count: int  # backups of this store in the folder
    results: tuple[DrillResult, ...]

    @property
    def newest(self) -> DrillResult | None:
        return self.results[0] if self.results else None

    @property
    def last_verified(self) -> DrillResult | None:
        """The newest backup that passed the drill (None: none did, or there are none)."""
        return self.results[-1] if self.results and self.results[-1].good else None

    def overdue(self, now: datetime) -> bool:
        """True when no backup passed, or the newest that did is over a week old."""
        good = self.last_verified
        return good is None or now - good.created > VERIFIED_WITHIN


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
        # Resolved (symlinks followed): every spelling of a store is the same vault, and an
        # operation that replaces the file replaces the real one, never a link to it.
        self.path = (Path(path).expanduser() if path else default_store_path()).resolve()
        # Not told a folder (`--dir`): UPWARDPREP_BACKUP_DIR (read by the store's backup code),
        # else the one the user chose for this store on this machine, the same for the app and
        # the CLI; else None, backups/ beside the store.
        if backup_folder:
            self.backup_folder: Path | None = Path(backup_folder).expanduser()
        elif backups.backup_dir_override() is not None:
            self.backup_folder = None
        else:
            self.backup_folder = backup_places.chosen_folder(self.path)
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

    def unlock(self, passphrase: str, *, rehearsal: Rehearsal | None = None) -> Services:
        """Open the store (an older one is backed up, then upgraded); typed errors otherwise.
        With a `rehearsal` that has run, the store's first reads are compiled already."""
        store = Store.open(
            self.path,
            passphrase,
            backup_folder=self.backup_folder,
            clock=self.clock,
            rehearsal=rehearsal,
        )
        return Services(store, clock=self.clock)

    def rehearse(self, rehearsal: Rehearsal, reads: Callable[[Services], object]) -> bool:
        """Run `reads` (a view's first reads) on services over an empty in-memory database, so
        that unlocking with `rehearsal` finds their statements compiled (see Rehearsal). While
        the passphrase is typed; False when the store was opened first or the reads failed."""
        return rehearsal.run(lambda store: reads(Services(store, clock=self.clock)))

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

    def folder(self) -> Path:
        """Where backups go: the folder this vault was given (`--dir`), else the one chosen
        for this store (Settings › Backups), else `backups/` beside the store."""
        return self.backup_folder or backups.backup_dir_for(self.path)

    def backups(self) -> list[BackupInfo]:
        """This store's backups (and no other's), oldest first."""
        return backups.list_backups(self.path, folder=self.backup_folder)

    def automatic_backup(self, services: Services, *, on_close: bool = False) -> BackupInfo | None:
        """The automatic backup, when one is due: after unlock, when no automatic backup was
        made today; on lock or quit (`on_close`), when the store changed since the newest
        backup. None when none was due. Safe to call from a worker thread: it reads through a
        connection of its own, in one read transaction."""
        now = self.clock()
        made = self.backups()
        if on_close:
            due = not made or self._changed_since(services, made[-1])
        else:
            automatic = [b.created for b in made if b.reason == AUTO]
            due = retention.is_due(max(automatic, default=None), now)
        if not due:
            return None
        return self.backup(services, reason=AUTO)

    @staticmethod
    def _changed_since(services: Services, backup: BackupInfo) -> bool:
        """Whether the store's records differ from those recorded for `backup` (a backup with
        no record counts as different)."""
        if not manifest_path(backup.path).exists():
            return True

        def compare(key: StoreKey) -> bool:
            with services.store.raw() as conn:
                conn.execute("BEGIN")
                try:
                    digests = table_digests(conn)
                finally:
                    conn.execute("COMMIT")
            return not check_manifest(backup.path, key, digests).matches

        return services.store.with_key(compare)

    def drill(self, services: Services) -> BackupsReport:
        """The restore drill (`check --backups`, Settings › Backups): the newest backup opens,
        passes the integrity checks and holds what the store held when it was made; if not,
        the ones before it, back to the newest good one."""
        found = self.backups()
        results = services.store.with_key(lambda key: drill_newest(found, key))
        return BackupsReport(self.folder(), len(found), tuple(results))

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
        return restore_backup(
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

    # -- the Emergency Kit ---------------------------------------------------------------------

    @staticmethod
    def recovery_key(services: Services) -> str:
        """The store's raw key in typeable groups; for the kit only (never shown elsewhere)."""
        return services.store.with_key(lambda key: recovery.encode(key.raw_key()))

    def kit_facts(self, services: Services) -> recovery.KitFacts:
        """What the Emergency Kit prints (export/kit.py writes it, user-only)."""
        return recovery.KitFacts(
            store_name=self.path.name,
            store_path=self.path.resolve(),
            made_on=local_today(self.clock),
            recovery_key=self.recovery_key(services),
        )

    def recover(self, typed_key: str, new_passphrase: str) -> None:
        """Open the store with an Emergency Kit's recovery key and set a new passphrase.

        The key is checked for typos before the store is touched ("typo in group 6"); a key
        that adds up but is not this store's is refused. The store is backed up under its old
        key first (like any passphrase change); afterwards the kit's key no longer opens it.
        """
        raw = recovery.decode(typed_key)
        normalize_passphrase(new_passphrase)  # refuse an empty one before opening anything
        try:
            store = Store.open_with_key(
                self.path, raw, backup_folder=self.backup_folder, clock=self.clock
            )
        except WrongPassphrase:
            raise WrongPassphrase(
                "That recovery key does not open this store. It adds up, so it is probably "
                "from another store's kit, or from a kit made before the passphrase was last "
                "changed."
            ) from None
        services = Services(store, clock=self.clock)
        self.change_passphrase(services, new_passphrase)

    def refuse_as_output(self, target: Path) -> None:
        """ValidationError when writing a document to `target` would replace this store, one
        of its companions (-wal, -shm, -journal, lock), a backup, a file named like a store or
        a backup, or something that is not a regular file (a device, a pipe)."""
        real = Path(target).expanduser().resolve()
        own = [
            self.path,
            lock_path_for(self.path),
            *(Path(f"{self.path}{suffix}") for suffix in COMPANION_SUFFIXES),
            *(b.path.resolve() for b in self.backups()),
        ]
        same_file = real.exists() and any(p.exists() and os.path.samefile(real, p) for p in own)
        if real in own or same_file:
            raise ValidationError(
                f"{target} is the store, one of its working files or a backup; a document is "
                "never written over them. Choose another file name."
            )
        if real.name.endswith(_STORE_LIKE):
            raise ValidationError(
                f"{target} is named like an UpwardPrep store or backup; a document is never "
                "written under such a name. Choose a name ending in .pdf or .md."
            )
        try:
            check_writable_target(real)
        except UnsafeLocation as error:
            raise ValidationError(error.message) from None

    @staticmethod
    def check(services: Services) -> list[str]:
        """Every integrity check (SQLite, SQLCipher, links, search index); empty when healthy."""
        return services.store.check()
