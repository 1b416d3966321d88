"""Issue 18, in the store and the vault: rotation that keeps what it promised, one lock per file
(not per spelling), private modes whatever the umask, no planted link followed, leftovers of a
killed process removed, stray backup names ignored, store names whose backups fit."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.clock import NOW, FrozenClock
from tests.conftest import PASSPHRASE, row_hashes
from upwardprep import files
from upwardprep.services.vault import (
    StorageFailed,
    StoreHasOtherNames,
    StoreInUse,
    StoreNameTooLong,
    Vault,
)
from upwardprep.store import backup

# -- 1. no document over the store ---------------------------------------------------------------


def test_no_export_is_written_over_the_store_or_its_files(vault: Vault) -> None:
    """In-process, for every writer of documents (the CLI test checks the command's message)."""
    from upwardprep.export.documents import build_handoff
    from upwardprep.export.update import write_update
    from upwardprep.services import ValidationError

    with vault.session(PASSPHRASE) as services:
        made = vault.backup(services)
        dana = services.people.create("Dana Whitfield", role="manager")
        backup_bytes = made.path.read_bytes()
        lock = vault.path.with_name(vault.path.name + ".lock")
        for target in (vault.path, made.path, Path(f"{vault.path}-wal"), lock):
            with pytest.raises(ValidationError, match="never written over"):
                write_update(services, dana.id, target)
            with pytest.raises(ValidationError, match="never written over"):
                build_handoff(services, dana.id, target, fmt="md")
    assert made.path.read_bytes() == backup_bytes
    with vault.session(PASSPHRASE) as services:  # still the store, with what it held
        assert services.people.find("Dana").id == dana.id


# -- 2. rotation ------------------------------------------------------------------------------


def _future_backups(vault: Vault, count: int) -> list[Path]:
    """Backups named as if the clock had once been a year ahead."""
    ahead = Vault(vault.path, backup_folder=vault.backup_folder, clock=FrozenClock(NOW))
    made = []
    with ahead.session(PASSPHRASE) as services:
        for day in range(count):
            ahead.clock = FrozenClock(NOW + timedelta(days=365 + day))
            services.store.clock = ahead.clock
            made.append(ahead.backup(services, keep=100).path)
    return made


class TickingClock:
    """NOW, then a second later at each reading: backups made in a row get their own names."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def vault(store_path: Path) -> Vault:
    made = Vault(store_path, clock=TickingClock())
    made.close(made.create(PASSPHRASE))
    return made


def test_a_backup_survives_its_own_rotation_among_future_names(vault: Vault) -> None:
    future = _future_backups(vault, 12)
    with vault.session(PASSPHRASE) as services:
        services.outcomes.create("Written today")
        info = vault.backup(services, keep=10)
    assert info.path.exists()
    kept = [b.path for b in vault.backups()]
    assert len(kept) == 10 and info.path in kept
    assert set(future[-9:]) <= set(kept)  # the newest by name, besides the one just made


def test_rotation_never_deletes_safety_copies(vault: Vault) -> None:
    with vault.session(PASSPHRASE) as services:
        services.outcomes.create("Before everything")
        first = vault.backup(services)
        safety = [vault.backup(services, reason=reason).path for reason in backup.SAFETY_COPIES]
        for _ in range(5):
            vault.backup(services, keep=2)
    names = [b.path for b in vault.backups()]
    assert all(path in names for path in safety)
    assert first.path not in names  # an ordinary one did rotate away
    assert len([b for b in vault.backups() if b.reason == ""]) == 2


def test_restore_latest_keeps_the_pre_restore_copy_it_reports(vault: Vault) -> None:
    _future_backups(vault, 11)
    with vault.session(PASSPHRASE) as services:
        services.outcomes.create("Only in the store as it was")
        before = row_hashes(services.store)
    latest = vault.latest_backup()
    assert latest is not None
    result = vault.restore(latest.path, PASSPHRASE, keep=10)
    assert result.previous is not None and result.previous.exists()
    assert row_hashes(result.previous) == before  # the note added after the backups is kept


# -- 5. one lock per file --------------------------------------------------------------------


def test_a_symlinked_store_meets_the_same_lock(vault: Vault, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere.upwardprep"
    link.symlink_to(vault.path)
    with Vault(vault.path).session(PASSPHRASE), pytest.raises(StoreInUse):
        Vault(link).unlock(PASSPHRASE)


def test_passwd_and_restore_through_a_symlink_keep_the_link(vault: Vault, tmp_path: Path) -> None:
    link = tmp_path / "link.upwardprep"
    link.symlink_to(vault.path)
    through = Vault(link)
    with through.session(PASSPHRASE) as services:
        services.outcomes.create("Reached through a link")
        made = through.backup(services)
    through.change_passphrase(through.unlock(PASSPHRASE), "a new one")
    assert link.is_symlink() and link.resolve() == vault.path
    Vault(vault.path).prove("a new one")
    through.restore(made.path, "a new one", backup_passphrase=PASSPHRASE)
    assert link.is_symlink() and link.resolve() == vault.path
    assert not list(tmp_path.glob("link.upwardprep.*"))  # nothing beside the link
    Vault(vault.path).prove(PASSPHRASE)


def test_a_store_with_two_hard_links_is_refused(vault: Vault, tmp_path: Path) -> None:
    other = tmp_path / "hard.upwardprep"
    os.link(vault.path, other)
    before = vault.path.read_bytes()
    for spelling in (vault.path, other):
        with pytest.raises(StoreHasOtherNames, match="hard links"):
            Vault(spelling).unlock(PASSPHRASE)
    other.unlink()
    with vault.session(PASSPHRASE) as services:
        made_info = vault.backup(services)
    os.link(vault.path, other)
    with pytest.raises(StoreHasOtherNames):
        vault.restore(made_info.path, PASSPHRASE)
    assert vault.path.read_bytes() == before


# -- 7. file modes ---------------------------------------------------------------------------


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_modes_are_private_whatever_the_umask(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "fresh" / "data"
    vault = Vault(data / "notes.upwardprep")
    services = vault.create(PASSPHRASE)
    services.outcomes.create("Private", body="x" * 5000)
    wal, shm = (Path(f"{vault.path}{suffix}") for suffix in ("-wal", "-shm"))
    assert wal.exists() and shm.exists()
    made = vault.backup(services)
    # As made, not only once the next open has tightened them (an older store's case, below).
    for path in (vault.path, wal, shm, made.path):
        assert _mode(path) == 0o600, path
    vault.close(services)
    vault.restore(made.path, PASSPHRASE)
    with vault.session(PASSPHRASE) as services:
        services.outcomes.create("Written to the restored store")
        assert _mode(wal) == _mode(shm) == 0o600
    kept = [b.path for b in vault.backups()]
    assert len(kept) == 2  # the backup, and the store as it was before the restore
    for path in (vault.path, *kept):
        assert _mode(path) == 0o600, path
    for folder in (data, data.parent, made.path.parent):
        assert _mode(folder) == 0o700, folder


def test_an_older_store_is_made_private_when_opened(vault: Vault) -> None:
    with vault.session(PASSPHRASE) as services:
        made = vault.backup(services)
    for path, mode in ((vault.path, 0o644), (made.path, 0o644), (made.path.parent, 0o755)):
        path.chmod(mode)
    vault.close(vault.unlock(PASSPHRASE))
    assert _mode(vault.path) == _mode(made.path) == 0o600
    assert _mode(made.path.parent) == 0o700


# -- 8. planted links --------------------------------------------------------------------------


def test_a_planted_lock_link_is_refused_and_its_target_untouched(
    vault: Vault, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    Path(f"{vault.path}.lock").symlink_to(victim)
    with pytest.raises(StorageFailed, match="lock file"):
        vault.unlock(PASSPHRASE)
    assert victim.read_text() == "precious"


def test_a_planted_temporary_link_is_never_written_through(vault: Vault, tmp_path: Path) -> None:
    with vault.session(PASSPHRASE) as services:
        services.outcomes.create("In the backup")
        made = vault.backup(services)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    planted = vault.path.with_name(f".{vault.path.name}.{os.getpid()}.tmp")
    planted.symlink_to(victim)
    vault.restore(made.path, PASSPHRASE)
    assert victim.read_text() == "precious" and not planted.is_symlink()
    assert row_hashes(vault.path) == row_hashes(made.path)
    planted.symlink_to(victim)  # and where the planted name is not a leftover of ours
    with pytest.raises(files.UnsafeLocation, match="link"):
        files.new_private_file(planted)
    with pytest.raises(FileExistsError):
        files.create_private(planted)
    assert victim.read_text() == "precious" and planted.is_symlink()


def test_no_temporary_or_lock_file_in_a_folder_of_another_user(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(vault.path.parent).st_uid + 1)
    with pytest.raises(StorageFailed, match="another user"):
        vault.unlock(PASSPHRASE)
    assert not Path(f"{vault.path}.lock").exists()


# -- 9. no core dump with the key in it ------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_command_line_turns_core_dumps_off_before_anything_else() -> None:
    """In a forked child (the test process keeps its own limits): the entry point, even when it
    only prints its version, leaves no core limit and marks the process non-dumpable."""
    import ctypes
    import resource

    from upwardprep.cli import main

    child = os.fork()
    if child == 0:  # pragma: no cover - the child's report is its exit status
        status = 1
        try:
            with open(os.devnull, "w") as quiet:
                os.dup2(quiet.fileno(), 1)
                with contextlib.suppress(SystemExit):
                    main(["--version"])
            pr_get_dumpable = 3
            dumpable = ctypes.CDLL(None).prctl(pr_get_dumpable, 0, 0, 0, 0)
            status = 0 if resource.getrlimit(resource.RLIMIT_CORE) == (0, 0) else 2
            status = status or (3 if dumpable != 0 else 0)
        finally:
            os._exit(status)
    _, waited = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(waited) == 0


# -- 10. leftovers of a killed process ---------------------------------------------------------


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_next_open_removes_temporary_files_of_a_killed_process(vault: Vault) -> None:
    with vault.session(PASSPHRASE) as services:
        made = vault.backup(services)
    folder = made.path.parent
    kept = {path: path.read_bytes() for path in folder.iterdir()}  # the backup, its record
    dead, alive = _dead_pid(), os.getppid()
    named = f"{vault.path.name}-20261123T090000000000Z.upwardprep-backup"
    stale = [
        vault.path.with_name(f".{vault.path.name}.{dead}.tmp"),
        vault.path.with_name(f".{vault.path.name}.{dead}.tmp-journal"),
        folder / f".{named}.{dead}.tmp",
        folder / f".{made.path.name}.manifest.{dead}.tmp",  # a record being written
        folder / f"{named}.manifest",  # a record whose backup never got its name
        # what an older restore's check of the backup left beside it (no process uses it)
        *(Path(f"{made.path}{suffix}") for suffix in ("-journal", "-wal", "-shm")),
    ]
    live = vault.path.with_name(f".{vault.path.name}.{alive}.tmp")  # a running process's
    unrelated = vault.path.with_name(f".other.upwardprep.{dead}.tmp")  # another store's
    for path in (*stale, live, unrelated):
        path.write_bytes(b"encrypted bytes")
    vault.close(vault.unlock(PASSPHRASE))
    assert [path.name for path in stale if path.exists()] == []
    assert live.exists() and unrelated.exists()
    assert {path: path.read_bytes() for path in folder.iterdir()} == kept


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restoring_never_writes_to_the_backup_it_restores(vault: Vault) -> None:
    """Checking the backup is read-only (immutable): not a byte, not its mtime, and no journal
    beside it, which a restore killed meanwhile would leave behind."""
    with vault.session(PASSPHRASE) as services:
        made = vault.backup(services)
    before = _digest(made.path), made.path.stat().st_mtime_ns
    beside = set(made.path.parent.iterdir())
    result = vault.restore(made.path, PASSPHRASE)
    assert (_digest(made.path), made.path.stat().st_mtime_ns) == before
    assert result.previous is not None
    added = set(made.path.parent.iterdir()) - beside
    assert added == {result.previous, result.previous.with_name(result.previous.name + ".manifest")}


def test_a_file_with_unfolded_changes_beside_it_is_not_restored_from(vault: Vault) -> None:
    """A copy of a store in use keeps recent changes in its -wal, which a read-only check and the
    copy would both miss: refused, and the store is left as it was."""
    from upwardprep.store.errors import BackupError

    with vault.session(PASSPHRASE) as services:
        made = vault.backup(services)
    before = _digest(vault.path)
    wal = Path(f"{made.path}-wal")
    wal.write_bytes(bytes(32 + 24 + 4096))  # one page in it
    vault.close(vault.unlock(PASSPHRASE))  # the next open's clean-up never takes such a -wal
    assert wal.exists()
    with pytest.raises(BackupError, match="not in the file yet"):
        vault.restore(made.path, PASSPHRASE)
    assert _digest(vault.path) == before and len(vault.backups()) == 1


# -- 12. stray backup names ---------------------------------------------------------------------


def test_a_backup_name_with_an_impossible_date_is_ignored_with_a_warning(
    vault: Vault, caplog: pytest.LogCaptureFixture
) -> None:
    with vault.session(PASSPHRASE) as services:
        made = vault.backup(services)
    stray = made.path.parent / f"{vault.path.name}-20261399T999999000000Z.upwardprep-backup"
    stray.write_bytes(b"not a backup")
    with caplog.at_level(logging.WARNING):
        assert [b.path for b in vault.backups()] == [made.path]
        with vault.session(PASSPHRASE) as services:
            vault.backup(services)
        latest = vault.latest_backup()
        assert latest is not None
        vault.restore(latest.path, PASSPHRASE)
    assert "impossible" in caplog.text and stray.exists()


# -- 14. store names whose backups fit ----------------------------------------------------------


def test_the_longest_store_name_allowed_can_be_backed_up_and_restored(tmp_path: Path) -> None:
    name = "n" * (backup.MAX_STORE_NAME_BYTES - len(".upwardprep")) + ".upwardprep"
    assert len(backup._longest_derived_name(name).encode()) == backup.NAME_MAX
    vault = Vault(tmp_path / name)
    services = vault.create(PASSPHRASE)
    try:
        made = vault.backup(services, reason=backup.PRE_UPGRADE)
    finally:
        vault.close(services)
    vault.restore(made.path, PASSPHRASE)
    with pytest.raises(StoreNameTooLong, match="keep it"):
        Vault(tmp_path / ("n" + name)).create(PASSPHRASE)
    assert not (tmp_path / ("n" + name)).exists()


# -- the file helpers ---------------------------------------------------------------------------


def test_write_private_replaces_a_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o644)
    files.write_private(target, lambda handle: handle.write(b"new"))
    assert target.read_bytes() == b"new" and _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]
    with pytest.raises(RuntimeError):
        files.write_private(target, lambda handle: (handle.write(b"half"), _fail()))
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def _fail() -> None:
    raise RuntimeError("stopped half-way")


# -- 14. a very long note is set in time linear in its length -------------------------------------


def test_a_long_paragraph_and_a_long_code_block_are_set_in_pieces() -> None:
    """ReportLab breaks one paragraph into lines in time quadratic in its length (a 1,000,000-
    character note took minutes): long ones are cut into pieces of bounded size, losing no
    word. `make bench` times the 1,000,000-character note itself."""
    from upwardprep.export.pdf.markdown_walker import markdown_flowables
    from upwardprep.export.pdf.paragraph import CHUNK_CHARS, PIECE_LINES
    from upwardprep.export.pdf.theme import Theme

    words = [f"w{i}" for i in range(5000)]
    code = [f"line{i}" for i in range(300)]
    body = " ".join(words) + "\n\n```\n" + "\n".join(code) + "\n```"
    pieces = [
        "".join(getattr(frag, "text", "") or "" for frag in flowable.frags)
        for flowable in markdown_flowables(body, Theme())
    ]
    assert len(pieces) >= len(" ".join(words)) // CHUNK_CHARS + len(code) // PIECE_LINES
    assert max(len(piece) for piece in pieces) <= CHUNK_CHARS * 1.1  # "about" that much
    prose = [piece for piece in pieces if not piece.startswith("line")]
    assert " ".join(prose).split() == words
    assert "".join(pieces[len(prose) :]) == "".join(code)  # the lines' breaks are not text
