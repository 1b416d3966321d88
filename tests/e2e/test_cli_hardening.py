"""Issue 18 from the command line: exports that never replace the store, backups that survive
their own rotation, a full or read-only disk told as such (exit 7), interrupted exports that
leave nothing, stray backup names, undecodable arguments, and output fit for a terminal."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.clock import NOW
from tests.conftest import PASSPHRASE, REPO, Cli, copy_store, row_hashes
from upwardprep.services import Services
from upwardprep.services.outcomes import NewOutcome
from upwardprep.store.engine import Store

FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store made by `init --demo` for the module; each test gets a copy (making the demo
    costs seconds, and only what a test does next is under test)."""
    folder = tmp_path_factory.mktemp("demo-template")
    made = Cli(folder / "notes.upwardprep", folder)("init", "--demo")
    assert made.returncode == 0, made.stderr
    return folder / "notes.upwardprep"


@pytest.fixture
def demo(cli: Cli, demo_template: Path) -> Cli:
    copy_store(demo_template, cli.store_path)
    return cli


# -- 1. export never replaces the store ---------------------------------------------------------


def test_export_refuses_the_store_and_devices(demo: Cli, tmp_path: Path) -> None:
    """The command's refusals as the user sees them; every other target (companions, backups,
    store-like names, the weekly update) is checked in-process in tests/unit/test_hardening.py."""
    store = demo.store_path
    fifo = tmp_path / "a-pipe"
    os.mkfifo(fifo)
    before = store.read_bytes()
    for target in (store, fifo, Path("/dev/full")):
        result = demo("export", "brief", "--person", "Dana", "--format", "md", "--out", str(target))
        assert result.returncode == 1, (target, result.stderr)
        assert "Choose" in result.stderr and "Traceback" not in result.stderr
    assert store.read_bytes() == before
    assert stat_is_fifo(fifo)


def stat_is_fifo(path: Path) -> bool:
    import stat

    return stat.S_ISFIFO(os.lstat(path).st_mode)


# -- 2. a backup survives its own rotation --------------------------------------------------------


def test_backup_and_restore_latest_keep_what_they_report_despite_future_names(
    demo: Cli,
) -> None:
    folder = demo.store_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    for day in range(11):  # made while the clock was a year ahead (copies of the store)
        stamp = f"{NOW.year + 1}0{1 + day // 9}{10 + day:02d}T000000000000Z"
        shutil.copyfile(
            demo.store_path, folder / f"{demo.store_path.name}-{stamp}.upwardprep-backup"
        )
    made = demo("backup")
    assert made.returncode == 0, made.stderr
    assert Path(made.stdout.split("verified: ")[1].split(" (")[0]).exists()
    assert demo("add", "outcome", "--title", "After every backup").returncode == 0
    restored = demo("restore", "--latest")
    assert restored.returncode == 0, restored.stderr
    kept = Path(restored.stdout.split("kept as a backup: ")[1].strip())
    assert kept.exists() and "pre-restore" in kept.name
    with Store.open(kept, PASSPHRASE) as copy:
        titles = [o.title for o in Services(copy).outcomes.list()]
    assert "After every backup" in titles


# -- 11. a full or read-only disk ---------------------------------------------------------------


def _on_small_disk(
    cli: Cli,
    tmp_path: Path,
    commands: list[list[str]],
    *,
    copy: list[Path],
    spare: int = 0,
    read_only: bool = False,
    env: dict[str, str] | None = None,
) -> tuple[list[subprocess.CompletedProcess[str]], list[str], dict[str, bytes]]:
    """Run CLI commands on a small tmpfs (in a mount namespace of our own) holding copies of
    `copy`, full but for `spare` bytes or read-only. Returns the results, the names left on the
    disk afterwards, and the copies' bytes after the commands."""
    if (
        shutil.which("unshare") is None
        or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode
    ):
        pytest.skip("needs a mount namespace (unshare -rm) to make a small disk")
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    size = sum(p.stat().st_size for p in copy) + 64 * 1024 + spare
    q = shlex.quote
    lines = ["set -e", f"mount -t tmpfs -o size={size},mode=0700 tmpfs {q(str(disk))}"]
    lines += [f"cp {q(str(p))} {q(str(disk))}/" for p in copy]
    lines.append(f"dd if=/dev/zero of={q(str(disk))}/.filler bs=1024 2>/dev/null || true")
    lines.append(f"rm -f {q(str(disk))}/.spare")
    if spare:
        lines.insert(-2, f"dd if=/dev/zero of={q(str(disk))}/.spare bs=1024 count={spare // 1024}")
    if read_only:
        lines.append(f"mount -o remount,ro {q(str(disk))}")
    lines.append("set +e")
    for index, command in enumerate(commands):
        argv = " ".join(q(part) for part in [sys.executable, "-m", "upwardprep", *command])
        stem = q(str(out / str(index)))
        lines.append(f"{argv} >{stem}.out 2>{stem}.err; echo $? >{stem}.rc")
    lines.append(f"ls -A {q(str(disk))} >{q(str(out / 'listing'))}")
    lines += [f"cp {q(str(disk / p.name))} {q(str(out))}/ 2>/dev/null" for p in copy]
    subprocess.run(
        ["unshare", "-rm", "sh", "-c", "\n".join(lines)],
        env={**cli.env, **(env or {})},
        check=True,
        timeout=300,
    )
    results = [
        subprocess.CompletedProcess(
            command,
            int((out / f"{index}.rc").read_text()),
            (out / f"{index}.out").read_text(),
            (out / f"{index}.err").read_text(),
        )
        for index, command in enumerate(commands)
    ]
    listing = (out / "listing").read_text().split()
    return results, listing, {p.name: (out / p.name).read_bytes() for p in copy}


def test_a_full_disk_is_told_as_such_and_leaves_no_new_files(demo: Cli, tmp_path: Path) -> None:
    store = demo.store_path
    before = store.read_bytes()
    on_disk = str(tmp_path / "disk" / store.name)
    results, listing, after = _on_small_disk(
        demo,
        tmp_path,
        [
            ["add", "outcome", "--title", "One more", "--store", on_disk],
            ["list", "people", "--store", on_disk],
            ["backup", "--store", on_disk],
        ],
        copy=[store],
    )
    for result in results:
        assert result.returncode == 7, (result.args, result.stderr)
        assert "disk is full" in result.stderr and "passphrase" not in result.stderr
        assert "unexpected" not in result.stderr
    assert sorted(listing) == [".filler", store.name]  # no -wal, -shm, lock or temporary file
    assert after[store.name] == before


def test_a_backup_into_a_full_folder_is_told_as_such(demo: Cli, tmp_path: Path) -> None:
    results, listing, _ = _on_small_disk(
        demo,
        tmp_path,
        [["backup", "--dir", str(tmp_path / "disk"), "--store", str(demo.store_path)]],
        copy=[],
    )
    assert results[0].returncode == 7 and "disk is full" in results[0].stderr
    assert listing == [".filler"]


def test_upgrading_an_old_store_on_a_full_disk_is_told_as_such(cli: Cli, tmp_path: Path) -> None:
    from tests.fixtures.make_fixture_store import PASSPHRASE as OLD

    old = tmp_path / "old.upwardprep"
    shutil.copyfile(FIXTURES / "store_0001.upwardprep", old)
    on_disk = str(tmp_path / "disk" / old.name)
    results, listing, after = _on_small_disk(
        cli,
        tmp_path,
        [["list", "people", "--store", on_disk]],
        copy=[old],
        spare=16 * 1024,
        env={"UPWARDPREP_PASSPHRASE": OLD},
    )
    result = results[0]
    assert result.returncode == 7, result.stderr
    assert "disk is full" in result.stderr and "passphrase" not in result.stderr
    assert after[old.name] == old.read_bytes()
    assert sorted(listing) == [".filler", old.name]
    reopened = cli(
        "list", "people", "--store", str(old), env={"UPWARDPREP_PASSPHRASE": OLD}, store=False
    )
    assert reopened.returncode == 0, reopened.stderr


def test_a_read_only_folder_is_told_as_such(demo: Cli, tmp_path: Path) -> None:
    assert demo("backup").returncode == 0
    backups = demo.store_path.parent / "backups"
    on_disk = str(tmp_path / "disk" / demo.store_path.name)
    results, _, after = _on_small_disk(
        demo,
        tmp_path,
        [
            ["list", "people", "--store", on_disk],
            ["restore", "--latest", "--store", on_disk, "--dir", str(backups)],
        ],
        copy=[demo.store_path],
        read_only=True,
    )
    for result in results:
        assert result.returncode == 7, (result.args, result.stderr)
        assert "read-only" in result.stderr and "passphrase" not in result.stderr
    assert after[demo.store_path.name] == demo.store_path.read_bytes()


# -- 6. an interrupted export leaves nothing ----------------------------------------------------


@pytest.mark.parametrize("sent", ["SIGTERM", "SIGHUP", "SIGKILL"])
def test_an_export_stopped_by_a_signal_leaves_no_plaintext(
    demo: Cli, tmp_path: Path, sent: str
) -> None:
    if shutil.which("strace") is None:
        pytest.skip("needs strace to stop the export at a chosen moment")
    folder = tmp_path / "exports"
    folder.mkdir()
    # The store is in WAL mode, so opening and reading it syncs nothing: the first fsync is the
    # document's, once it is written whole and before it gets its name.
    command = [
        "strace", "-f", "-qq", "-o", "/dev/null",
        "-e", "trace=fsync", "-e", f"inject=fsync:signal={sent}:when=1",
        sys.executable, "-m", "upwardprep", "export", "packet", "--cycle", "self-review",
        "--include-private", "--format", "md", "--out", str(folder / "packet.md"),
        "--store", str(demo.store_path),
    ]  # fmt: skip
    result = subprocess.run(command, env=demo.env, capture_output=True, text=True, timeout=120)
    number = getattr(signal, sent)
    assert result.returncode in (-number, 128 + number), result.stderr  # stopped by the signal
    assert list(folder.iterdir()) == []
    assert demo("check").returncode == 0


def test_without_o_tmpfile_a_terminated_export_removes_its_part_file(tmp_path: Path) -> None:
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from upwardprep import files\n"
        "files._unnamed_file = lambda folder: None\n"
        "def write(handle):\n"
        "    handle.write(b'private note text ' * 1000)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "files.write_private(Path(sys.argv[1]) / 'brief.md', write)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


# -- 12. a stray file named like a backup ---------------------------------------------------------


def test_a_stray_backup_name_is_ignored_with_a_warning(demo: Cli) -> None:
    assert demo("backup").returncode == 0
    folder = demo.store_path.parent / "backups"
    stray = folder / f"{demo.store_path.name}-20269999T999999999999Z.upwardprep-backup"
    stray.write_bytes(b"stray")
    for command in (["backup"], ["restore", "--latest"]):
        result = demo(*command)
        assert result.returncode == 0, result.stderr
        assert "impossible" in result.stderr and "unexpected" not in result.stderr
    assert stray.exists()


# -- 13. undecodable arguments ---------------------------------------------------------------------


def test_undecodable_text_is_a_usage_error_naming_the_argument(demo: Cli) -> None:
    bad = os.fsdecode(b"caf\xe9")  # Latin-1 bytes from a terminal in another encoding
    for args, named in (
        (["add", "outcome", "--title", bad], "--title"),
        (["add", "outcome", "--title", "ok", "--tag", bad], "--tag"),
        (["add", "person", "--name", bad], "--name"),
    ):
        result = demo(*args)
        assert result.returncode == 1 and named in result.stderr, result.stderr
        assert "unexpected" not in result.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "upwardprep", "add", "outcome", "--title", "ok", "--body-file", "-",
         "--store", str(demo.store_path)],
        env=demo.env, input=b"caf\xe9\n", capture_output=True, timeout=60,
    )  # fmt: skip
    assert piped.returncode == 1 and b"--body-file -" in piped.stderr
    assert "ok" not in demo("list", "outcomes").stdout.split()


# -- 14. output fit for a terminal, names that fit, words with a dash, pipes --------------------


def test_control_characters_never_reach_the_terminal(cli: Cli, tmp_path: Path) -> None:
    calendar = tmp_path / "evil.ics"
    start = (NOW + timedelta(days=30)).strftime("%Y%m%dT%H%M%SZ")
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:evil-1\r\nDTSTART:{start}\r\nDURATION:PT30M\r\n"
        "SUMMARY:1:1 \x1b]0;owned\x07\x1b[2J\x1b[31mred\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    listed = cli("import", "ics", str(calendar), "--list", store=False)
    assert listed.returncode == 0, listed.stderr
    assert "red" in listed.stdout and "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    assert cli("init").returncode == 0
    assert cli("add", "outcome", "--title", "Shown \x1b[2J plainly").returncode == 0
    shown = cli("list", "outcomes").stdout
    assert "plainly" in shown and "\x1b" not in shown


def test_a_store_name_too_long_for_its_backups_is_refused_at_init(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / ("n" * 200 + ".upwardprep")
    result = cli("init", "--store", str(path), store=False)
    assert result.returncode == 1 and "keep it to" in result.stderr
    assert not path.exists()


def test_search_takes_a_word_to_exclude_without_a_double_dash(cli: Cli) -> None:
    assert cli("init").returncode == 0
    for title in ("Renewal campaign launched", "Renewal pricing fixed"):
        assert cli("add", "outcome", "--title", title).returncode == 0
    result = cli("search", "renewal", "-campaign")
    assert result.returncode == 0, result.stderr
    assert "pricing" in result.stdout and "campaign" not in result.stdout
    alone = cli("search", "-campaign")
    assert alone.returncode == 0 and "unrecognized" not in alone.stderr


def test_a_reader_that_goes_away_ends_the_command_quietly(cli: Cli) -> None:
    assert cli("init").returncode == 0
    with Store.open(cli.store_path, PASSPHRASE) as store:
        Services(store).outcomes.bulk_import(
            NewOutcome(title=f"Outcome number {n} " + "w" * 60, occurred_on=NOW.date())
            for n in range(1200)
        )
    reader = subprocess.Popen(
        [sys.executable, "-m", "upwardprep", "list", "outcomes", "--store", str(cli.store_path)],
        env=cli.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # as `head -1` does
    error = reader.stderr.read()
    reader.wait(timeout=60)
    assert error == b"" and reader.returncode in (0, -signal.SIGPIPE)
    assert row_hashes(cli.store_path)  # the store is intact
