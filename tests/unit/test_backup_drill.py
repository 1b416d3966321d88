"""The restore drill and the automatic backups: a backup's record, a flipped byte found, the
rotation over forty days of use, and never half a write in a backup."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.clock import FrozenClock
from tests.conftest import snapshot
from upwardprep.services import Services
from upwardprep.services.vault import AUTO, StorageFailed, Vault
from upwardprep.store import backup
from upwardprep.store.database import raw_connect
from upwardprep.store.engine import Store
from upwardprep.store.manifest import manifest_path


@pytest.fixture
def vault(store: Store, clock: FrozenClock) -> Vault:
    return Vault(store.path, clock=clock)


def _flip_a_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_fresh_backup_passes_and_a_flipped_byte_falls_back_to_the_good_one(
    vault: Vault, frozen: Services, clock: FrozenClock
) -> None:
    frozen.people.create("Dana Okafor", role="manager")
    frozen.outcomes.create("Shipped the importer", body="It works.")
    older = vault.backup(frozen)
    clock.now += timedelta(hours=2)
    frozen.outcomes.create("Second note")
    newest = vault.backup(frozen)
    assert manifest_path(newest.path).stat().st_mode & 0o777 == 0o600

    report = vault.drill(frozen)
    assert [r.path for r in report.results] == [newest.path] and report.newest is not None
    assert report.newest.good and report.last_verified == report.newest
    assert report.newest.records > 3 and report.newest.tables > 5
    assert not report.overdue(clock.now) and report.overdue(clock.now + timedelta(days=8))

    _flip_a_byte(newest.path, 5 * 4096 + 1234)  # inside a page, not the header
    folder = newest.path.parent
    before = snapshot(folder)
    report = vault.drill(frozen)
    assert snapshot(folder) == before  # the drill opens backups read-only
    bad, good = report.results
    assert bad.path == newest.path and not bad.good and "integrity" in bad.problem
    assert good.path == older.path and good.good and report.last_verified == good


def test_a_backup_that_does_not_hold_its_record_fails(
    vault: Vault, frozen: Services, clock: FrozenClock
) -> None:
    """The record is what the store held: a copy with other rows does not match it."""
    frozen.outcomes.create("One")
    first = vault.backup(frozen)
    clock.now += timedelta(minutes=5)
    frozen.outcomes.create("Two")
    second = vault.backup(frozen)
    shutil.copyfile(first.path, second.path)  # a backup that is healthy but holds other rows
    report = vault.drill(frozen)
    assert not report.results[0].good
    assert "does not hold what the store held" in report.results[0].problem
    assert "outcomes" in report.results[0].problem
    assert report.last_verified is not None and report.last_verified.path == first.path
    manifest_path(first.path).unlink()
    report = vault.drill(frozen)
    assert report.last_verified is None and "no record" in report.results[1].problem


def test_a_backup_never_holds_a_write_that_is_half_done(
    vault: Vault, store: Store, frozen: Services
) -> None:
    frozen.outcomes.create("Committed note")
    with store.raw() as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE outcomes SET title = 'HALF-DONE' WHERE title = 'Committed note'")
        info = vault.backup(frozen)  # another connection, while the write is open
        writer.execute("COMMIT")
    report = vault.drill(frozen)
    assert report.newest is not None and report.newest.good
    conn = store.with_key(lambda key: raw_connect(info.path, key))
    try:
        titles = [title for (title,) in conn.execute("SELECT title FROM outcomes")]
    finally:
        conn.close()
    assert titles == ["Committed note"]
    assert [o.title for o in frozen.outcomes.list()] == ["HALF-DONE"]


def test_forty_days_of_use_leave_the_rotation_s_set(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unlock every morning (a second time some days): the schedule decides what is due and
    what stays. The copies themselves are stand-ins here (a real one is ~0.1 s, forty of them
    too slow for the default run; the other tests make real ones)."""

    def stand_in(
        _source: object,
        _key: object,
        store_path: Path,
        folder: Path,
        reason: str,
        now: datetime,
        **_options: object,
    ) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / backup._backup_name(store_path, reason, now)
        final.write_bytes(b"copy")
        manifest_path(final).write_text("{}", encoding="utf-8")
        return final

    monkeypatch.setattr(backup, "write_backup", stand_in)
    start = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)  # a Monday; the schedule is UTC days
    clock = FrozenClock(start)
    services = Services(store, clock=clock)
    vault = Vault(store.path, backup_folder=tmp_path / "usb", clock=clock)
    made = []
    for day in range(40):
        clock.now = start + timedelta(days=day)
        made.append(vault.automatic_backup(services))
        if day % 3 == 0:
            clock.now += timedelta(hours=4)  # a second unlock the same day: not due
            assert vault.automatic_backup(services) is None
    assert all(info is not None and info.reason == AUTO for info in made)
    kept = sorted(info.created.date() for info in vault.backups())
    day = [start.date() + timedelta(days=n) for n in range(40)]
    # daily: the last 7 days; weekly: the newest of each ISO week (Sundays, and today);
    # monthly: the newest of March (the 31st, day 30) and of April (today, day 39)
    expected = {*day[33:40], day[6], day[13], day[20], day[27], day[30]}
    assert kept == sorted(expected)
    assert len(list((tmp_path / "usb").glob("*.manifest"))) == len(expected)  # records go too


def test_a_change_is_backed_up_on_lock_once(vault: Vault, frozen: Services) -> None:
    assert vault.automatic_backup(frozen) is not None
    assert vault.automatic_backup(frozen, on_close=True) is None
    frozen.outcomes.create("Typed after unlock")
    made = vault.automatic_backup(frozen, on_close=True)
    assert made is not None and made.reason == AUTO
    assert vault.automatic_backup(frozen, on_close=True) is None


def test_a_full_disk_or_read_only_folder_mid_backup_keeps_the_older_backups(
    vault: Vault, frozen: Services, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen.outcomes.create("Kept safe")
    older = vault.backup(frozen)
    folder = older.path.parent
    before = snapshot(folder)
    store_before = frozen.store.path.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    clock.now += timedelta(hours=1)
    frozen.outcomes.create("Typed later")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageFailed, match="the disk is full"):
        vault.automatic_backup(frozen, on_close=True)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert snapshot(folder) == before  # no half copy, no record without its backup

    def read_only(path: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(backup, "new_private_file", read_only)
    with pytest.raises(StorageFailed, match="read-only"):
        vault.backup(frozen)
    monkeypatch.undo()
    assert snapshot(folder) == before
    assert frozen.store.check() == [] and len(frozen.store.path.read_bytes()) >= len(store_before)
    report = vault.drill(frozen)
    assert report.last_verified is not None and report.last_verified.path == older.path


def test_two_backups_in_one_instant_are_both_kept(vault: Vault, frozen: Services) -> None:
    """A clock that stands still (a test's, or a coarse one) never makes a backup replace
    another."""
    first = vault.backup(frozen)
    frozen.outcomes.create("Between the two")
    second = vault.backup(frozen)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert second.created > first.created
    assert [b.path for b in vault.backups()] == [first.path, second.path]
