"""Backups are encrypted, verified and rotated; restore and passphrase change lose nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, row_hashes
from upwardprep.services import Services
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.store import backup, restore
from upwardprep.store.engine import SQLITE_HEADER, Store
from upwardprep.store.errors import WrongPassphrase


def test_backup_is_encrypted_verified_and_opens(store: Store, services: Services) -> None:
    services.outcomes.create("Backed-up note", body="MARKER-backup-7731")
    info = backup.create_backup(store)
    data = info.path.read_bytes()
    assert not data.startswith(SQLITE_HEADER) and b"MARKER-backup-7731" not in data
    assert not list(info.path.parent.glob(".*.tmp*"))  # no temporary file left
    with Store.open(info.path, PASSPHRASE) as copy:
        assert copy.check() == []
        assert row_hashes(copy) == row_hashes(store)


def test_rotation_keeps_the_newest(store: Store) -> None:
    made = [backup.create_backup(store, keep=3).path for _ in range(5)]
    kept = [b.path for b in backup.list_backups(store.path)]
    assert kept == made[-3:]


def test_restore_round_trip(store: Store, services: Services) -> None:
    services.outcomes.create("Original note")
    services.people.create("Dana", role="manager")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    services.outcomes.create("Added after the backup")
    services.outcomes.trash(services.outcomes.list()[-1].id)
    assert row_hashes(store) != before
    store.close()
    result = restore.restore_backup(store.path, saved.path, PASSPHRASE)
    assert result.previous_was_healthy and result.previous is not None
    with Store.open(store.path, PASSPHRASE) as restored:
        assert row_hashes(restored) == before
        assert [o.title for o in Services(restored).outcomes.list()] == ["Original note"]
        assert restored.check() == []
    with Store.open(result.previous, PASSPHRASE) as previous:  # the pre-restore state was kept
        everything = OutcomeFilter(include_deleted=True)
        assert len(Services(previous).outcomes.list(everything)) == 2


def test_restore_with_the_wrong_passphrase_changes_nothing(
    store: Store, services: Services
) -> None:
    services.outcomes.create("Keep me")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    count = len(backup.list_backups(store.path))
    store.close()
    with pytest.raises(WrongPassphrase, match="backup"):
        restore.restore_backup(store.path, saved.path, "not it")
    assert row_hashes(store.path) == before
    assert len(backup.list_backups(store.path)) == count


def test_change_passphrase(store_path: Path, store: Store, services: Services) -> None:
    services.outcomes.create("Survives a rekey", tags=["x"])
    before = row_hashes(store)
    old_salt = store_path.read_bytes()[:16]
    backup.change_passphrase(store, "a brand new passphrase")
    assert store_path.read_bytes()[:16] != old_salt  # new salt, new key
    assert row_hashes(store) == before  # still usable while open
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, PASSPHRASE)
    with Store.open(store_path, "a brand new passphrase") as reopened:
        assert row_hashes(reopened) == before
        assert reopened.check() == []
        assert [h.title for h in Services(reopened).search.outcomes("rekey")] == [
            "Survives a rekey"
        ]


def test_restore_over_a_damaged_store_keeps_its_files(store: Store, services: Services) -> None:
    services.outcomes.create("Saved in time")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    store.close()
    damaged = bytearray(store.path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    store.path.write_bytes(bytes(damaged))
    result = restore.restore_backup(store.path, saved.path, PASSPHRASE)
    assert not result.previous_was_healthy and result.previous is not None
    assert result.previous.read_bytes() == bytes(damaged)  # kept byte for byte
    assert row_hashes(store.path) == before


def test_restore_into_a_missing_store(store: Store, services: Services) -> None:
    services.outcomes.create("Disaster recovery")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    store.close()
    store.path.unlink()
    result = restore.restore_backup(store.path, saved.path, PASSPHRASE)
    assert result.previous is None
    assert row_hashes(store.path) == before


def test_restore_refused_while_the_store_is_open(store: Store, services: Services) -> None:
    from upwardprep.store.errors import StoreInUse

    saved = backup.create_backup(store)
    with pytest.raises(StoreInUse):
        restore.restore_backup(store.path, saved.path, PASSPHRASE)


def test_restore_a_backup_made_before_a_passphrase_change(store: Store, services: Services) -> None:
    services.outcomes.create("Old times")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    backup.change_passphrase(store, "newer")
    store.close()
    with pytest.raises(WrongPassphrase, match="backup-passphrase-file"):
        restore.restore_backup(store.path, saved.path, "newer")
    restore.restore_backup(store.path, saved.path, "newer", backup_passphrase=PASSPHRASE)
    assert row_hashes(store.path, PASSPHRASE) == before  # the backup's own passphrase now


def test_restore_never_replays_an_old_wal_onto_the_backup(store: Store, services: Services) -> None:
    """A missing main file with its -wal still there (a crash, a careless copy)."""
    services.outcomes.create("In the backup")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    with store.raw() as keep_wal_alive:
        keep_wal_alive.execute("PRAGMA wal_autocheckpoint = 0")
        for number in range(40):
            services.outcomes.create(f"Only in the WAL {number}", body="x" * 2000)
        wal = Path(f"{store.path}-wal")
        wal_bytes = wal.read_bytes()
        assert len(wal_bytes) > 100_000
    store.close()
    store.path.unlink()
    wal.write_bytes(wal_bytes)  # the orphaned WAL, as a crash can leave it
    result = restore.restore_backup(store.path, saved.path, PASSPHRASE)
    assert result.previous is not None and not result.previous_was_healthy
    assert Path(f"{result.previous}-wal").read_bytes() == wal_bytes  # kept, not replayed
    assert not wal.exists()
    with Store.open(store.path, PASSPHRASE) as restored:
        assert restored.check() == []
        assert row_hashes(restored) == before


def test_backups_of_similarly_named_stores_never_mix(tmp_path: Path) -> None:
    stores = {}
    for name in ("notes.upwardprep", "notes-work.upwardprep", "notes.db"):
        stores[name] = Store.create(tmp_path / name, PASSPHRASE)
        Services(stores[name]).outcomes.create(f"Only in {name}")
    work_backup = backup.create_backup(stores["notes-work.upwardprep"])
    for _ in range(4):
        backup.create_backup(stores["notes.upwardprep"], keep=2)
    backup.create_backup(stores["notes.db"], keep=1)
    assert work_backup.path.exists()  # rotation of the others never touched it
    assert [b.path for b in backup.list_backups(tmp_path / "notes-work.upwardprep")] == [
        work_backup.path
    ]
    assert len(backup.list_backups(tmp_path / "notes.upwardprep")) == 2
    assert len(backup.list_backups(tmp_path / "notes.db")) == 1
    for opened in stores.values():
        opened.close()


def test_restoring_the_oldest_backup_keeps_it(store: Store, services: Services) -> None:
    services.outcomes.create("Oldest state")
    oldest = backup.create_backup(store, keep=3)
    services.outcomes.create("Later")
    for _ in range(2):
        backup.create_backup(store, keep=3)
    store.close()
    result = restore.restore_backup(store.path, oldest.path, PASSPHRASE, keep=3)
    assert oldest.path.exists() and result.previous_was_healthy
    with Store.open(store.path, PASSPHRASE) as restored:
        assert [o.title for o in Services(restored).outcomes.list()] == ["Oldest state"]


def test_restore_with_a_wrong_store_passphrase_changes_nothing(
    store: Store, services: Services
) -> None:
    services.outcomes.create("Healthy and wanted")
    saved = backup.create_backup(store)
    backup.change_passphrase(store, "current passphrase")
    store.close()
    files = sorted(p.name for p in store.path.parent.iterdir())
    before = store.path.read_bytes()
    with pytest.raises(WrongPassphrase, match="current store"):
        restore.restore_backup(store.path, saved.path, "typo", backup_passphrase=PASSPHRASE)
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == files
    forced = restore.restore_backup(
        store.path, saved.path, "typo", backup_passphrase=PASSPHRASE, force=True
    )
    assert forced.previous is not None and forced.previous.read_bytes() == before


def test_a_foreign_database_is_not_restored(store: Store, tmp_path: Path) -> None:
    from upwardprep.store.engine import raw_connect
    from upwardprep.store.errors import NotAStore
    from upwardprep.store.keys import StoreKey, new_salt

    foreign = tmp_path / "foreign.db"
    conn = raw_connect(foreign, StoreKey.from_passphrase(PASSPHRASE, new_salt()), verify=False)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    store.close()
    before = store.path.read_bytes()
    with pytest.raises(NotAStore):
        restore.restore_backup(store.path, foreign, PASSPHRASE)
    assert store.path.read_bytes() == before
