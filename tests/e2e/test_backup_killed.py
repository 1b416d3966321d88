"""Killing the app during a backup leaves the store and the older backups intact."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE, REPO
from upwardprep.services.vault import Vault


def test_a_backup_killed_half_way_harms_neither_the_store_nor_older_backups(
    store_path: Path,
) -> None:
    vault = Vault(store_path)
    services = vault.create(PASSPHRASE)
    try:
        services.outcomes.create("Saved before the first backup")
        older = vault.backup(services)
    finally:
        vault.close(services)
    older_bytes = older.path.read_bytes()

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.backup_killer", str(store_path), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "copied\n", f"the child stopped early ({child.poll()})"
    child.send_signal(signal.SIGKILL)
    child.communicate()

    assert older.path.read_bytes() == older_bytes
    assert [b.path for b in vault.backups()] == [older.path]  # no half backup under a name
    folder = older.path.parent
    assert [p for p in folder.iterdir() if p.name.endswith(".tmp")]  # the copy it was making
    with vault.session(PASSPHRASE) as services:
        # Opening the store removes what the killed process left, before any new backup.
        assert not [p for p in folder.iterdir() if ".tmp" in p.name]
        assert vault.check(services) == []
        titles = {o.title for o in services.outcomes.list()}
        assert titles == {"Saved before the first backup", "Written before the killed backup"}
        report = vault.drill(services)
        assert report.last_verified is not None and report.last_verified.path == older.path
        assert vault.automatic_backup(services, on_close=True) is not None  # it runs again
    left = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".manifest"))
    assert left == sorted(b.path.name for b in vault.backups())  # the killed copy is cleaned up
    assert len(list(folder.glob("*.manifest"))) == 2


_HOLDER = """
import sys
import sqlcipher3.dbapi2 as sqlcipher

conn = sqlcipher.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA key = " + sys.stdin.readline().strip())
conn.execute("BEGIN IMMEDIATE")  # SQLite's write lock, as while its journal is needed
print("locked", flush=True)
sys.stdin.readline()
"""


def test_a_journal_beside_a_backup_stays_while_a_process_writes_through_it(
    store_path: Path,
) -> None:
    """The next open removes a journal an older version's check left beside a backup, but never
    one that a running process holds SQLite's locks for (the unit test covers the removal)."""
    from upwardprep.store import backup as backups
    from upwardprep.store.database import classify_file
    from upwardprep.store.keys import StoreKey

    vault = Vault(store_path)
    services = vault.create(PASSPHRASE)
    try:
        made = vault.backup(services)
    finally:
        vault.close(services)
    key = StoreKey.from_passphrase(PASSPHRASE, classify_file(made.path))
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(made.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    journal = Path(f"{made.path}-journal")
    try:
        holder.stdin.write(key.pragma_value() + "\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "locked\n", f"the holder stopped ({holder.poll()})"
        journal.write_bytes(b"a journal in use")
        assert backups.remove_stale_backup_journals(store_path, made.path.parent) == []
        assert journal.exists()
    finally:
        holder.communicate("done\n", timeout=30)
    assert backups.remove_stale_backup_journals(store_path, made.path.parent) == [journal]
