"""Backups are encrypted, verified and rotated; restore and passphrase change lose nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, row_hashes
from upwardprep.services import Services
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.store import backup
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
    result = backup.restore_backup(store.path, saved.path, PASSPHRASE)
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
        backup.restore_backup(store.path, saved.path, "not it")
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
    result = backup.restore_backup(store.path, saved.path, PASSPHRASE)
    assert not result.previous_was_healthy and result.previous is not None
    assert result.previous.read_bytes() == bytes(damaged)  # kept byte for byte
    assert row_hashes(store.path) == before


def test_restore_into_a_missing_store(store: Store, services: Services) -> None:
    services.outcomes.create("Disaster recovery")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    store.close()
    store.path.unlink()
    result = backup.restore_backup(store.path, saved.path, PASSPHRASE)
    assert result.previous is None
    assert row_hashes(store.path) == before


def test_restore_refused_while_the_store_is_open(store: Store, services: Services) -> None:
    from upwardprep.store.errors import StoreInUse

    saved = backup.create_backup(store)
    with pytest.raises(StoreInUse):
        backup.restore_backup(store.path, saved.path, PASSPHRASE)


def test_restore_a_backup_made_before_a_passphrase_change(store: Store, services: Services) -> None:
    services.outcomes.create("Old times")
    saved = backup.create_backup(store)
    before = row_hashes(store)
    backup.change_passphrase(store, "newer")
    store.close()
    with pytest.raises(WrongPassphrase, match="backup-passphrase-file"):
        backup.restore_backup(store.path, saved.path, "newer")
    backup.restore_backup(store.path, saved.path, "newer", backup_passphrase=PASSPHRASE)
    assert row_hashes(store.path, PASSPHRASE) == before  # the backup's own passphrase now
