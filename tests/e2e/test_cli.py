"""The CLI end to end, in subprocesses, exactly as a user or a script runs it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, REPO, Cli, row_hashes, snapshot
from upwardprep.services import Services
from upwardprep.store.engine import Store


@pytest.fixture
def initialised(cli: Cli) -> Cli:
    result = cli("init")
    assert result.returncode == 0, result.stderr
    return cli


def test_help_documents_exit_codes(cli: Cli) -> None:
    result = cli("--help", store=False)
    assert result.returncode == 0
    for line in ("2  wrong passphrase", "5  store in use", "6  store written by a newer"):
        assert line in result.stdout
    assert "search" in result.stdout and "passwd" in result.stdout


def test_usage_error_exits_1(cli: Cli) -> None:
    assert cli("list", "nonsense").returncode == 1
    assert cli("add", "outcome").returncode == 1  # --title missing


def test_add_list_search(initialised: Cli, tmp_path: Path) -> None:
    cli = initialised
    assert cli("add", "person", "--name", "Dana Whitfield", "--role", "manager").returncode == 0
    result = cli(
        "add",
        "priority",
        "--title",
        "Reduce churn",
        "--owner",
        "Dana",
        "--target",
        "50",
        "--current",
        "31",
        "--unit",
        "customers",
    )
    assert result.returncode == 0, result.stderr
    body = tmp_path / "body.md"
    body.write_text("# Result\n\nThe **renewal** campaign won back twelve accounts.\n")
    result = cli(
        "add",
        "outcome",
        "--title",
        "Won back twelve accounts",
        "--body-file",
        str(body),
        "--primary",  # marks it and links it
        "churn",
        "--date",
        "2026-10-02",
        "--tag",
        "q4",
    )
    assert result.returncode == 0, result.stderr
    outcome_id = result.stdout.strip()
    assert len(outcome_id) == 36
    listed = cli("list", "outcomes")
    assert "2026-10-02" in listed.stdout and "Reduce churn" in listed.stdout
    assert "31/50 customers" in cli("list", "priorities").stdout
    assert "manager" in cli("list", "people").stdout
    found = cli("search", "renewal", "--tag", "q4")
    assert found.returncode == 0 and outcome_id in found.stdout and "[renewal]" in found.stdout
    assert "No matches" in cli("search", 'NEAR( "x * -').stderr
    with Store.open(cli.store_path, PASSPHRASE) as store:
        note = Services(store).outcomes.get(outcome_id)
        cost = Services(store).priorities.create("Cut cloud cost").id
    assert note.primary_priority_id == note.priority_ids[0] and note.priority_titles == (
        "Reduce churn",
    )
    # The primary of a note that exists, and the "Your name" documents print.
    moved = cli("edit", "outcome", outcome_id, "--primary", "cloud")
    assert moved.returncode == 0, moved.stderr
    assert "filed under Cut cloud cost (marked)" in moved.stdout
    named = cli("settings", "--your-name", "  Ana   Ruiz ", "--stale-days", "30")
    assert named.returncode == 0, named.stderr
    assert "Your name:   Ana Ruiz" in named.stdout and "30 days" in named.stdout
    with Store.open(cli.store_path, PASSPHRASE) as store:
        services = Services(store)
        assert services.outcomes.get(outcome_id).primary_priority_id == cost
        assert (services.settings.your_name(), services.settings.stale_days()) == ("Ana Ruiz", 30)
    for what in ("meetings", "cycles"):
        assert cli("list", what).returncode == 0


def test_bad_input_exits_1_with_a_sentence_and_no_traceback(initialised: Cli) -> None:
    cli = initialised
    before = snapshot(cli.store_path.parent)
    for args, message in [
        (("add", "outcome", "--title", "x", "--date", "2026-02-30"), "not a valid date"),
        (("add", "outcome", "--title", "x", "--kind", "triumph"), "choose one of"),
        (("add", "outcome", "--title", "x", "--priority", "no such"), "No priority"),
        (("add", "outcome", "--title", "x", "--body-file", "/no/such/file"), "Cannot read"),
        (("add", "person", "--name", "  "), "empty"),
    ]:
        result = cli(*args)
        assert result.returncode == 1, args
        assert message in result.stderr and "Traceback" not in result.stderr
    assert snapshot(cli.store_path.parent) == before


def test_passphrase_sources(initialised: Cli, tmp_path: Path) -> None:
    cli = initialised
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    no_env = {"UPWARDPREP_PASSPHRASE": ""}
    result = cli("list", "people", "--passphrase-file", str(secret), env=no_env)
    assert result.returncode == 0, result.stderr
    env = {k: v for k, v in cli.env.items() if k != "UPWARDPREP_PASSPHRASE"}
    prompt = subprocess.run(
        [sys.executable, "-m", "upwardprep", "list", "people", "--store", str(cli.store_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )
    assert prompt.returncode == 1 and "--passphrase-file" in prompt.stderr


def test_wrong_passphrase_exit_2_and_files_identical(initialised: Cli) -> None:
    cli = initialised
    assert cli("add", "outcome", "--title", "A note").returncode == 0
    before = snapshot(cli.store_path.parent)
    result = cli("list", "outcomes", env={"UPWARDPREP_PASSPHRASE": "wrong"})
    assert result.returncode == 2 and "does not open" in result.stderr
    assert result.stderr.count("\n") == 1  # one sentence; SQLCipher's own log stays quiet
    assert snapshot(cli.store_path.parent) == before  # main, -wal, -shm, and no new files


def test_empty_passphrase_refused(cli: Cli) -> None:
    result = cli("init", env={"UPWARDPREP_PASSPHRASE": ""})
    assert result.returncode == 1 and "empty" in result.stderr
    assert not cli.store_path.exists()


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"", 4, "empty file"),
        (b"SQLite format 3\x00" + bytes(4080), 4, "unencrypted SQLite"),
        (os.urandom(5000), 4, "not an UpwardPrep store"),
    ],
)
def test_foreign_files_exit_4(cli: Cli, content: bytes, code: int, message: str) -> None:
    cli.store_path.parent.mkdir(parents=True)
    cli.store_path.write_bytes(content)
    result = cli("list", "outcomes")
    assert result.returncode == code and message in result.stderr
    assert cli.store_path.read_bytes() == content


def test_missing_store_exit_4_and_not_created(cli: Cli) -> None:
    result = cli("list", "outcomes")
    assert result.returncode == 4 and "upwardprep init" in result.stderr
    assert not cli.store_path.exists()


def test_damaged_store_exit_3_with_findings(initialised: Cli) -> None:
    from upwardprep.services import Services
    from upwardprep.services.outcomes import NewOutcome
    from upwardprep.store.engine import Store

    with Store.open(initialised.store_path, PASSPHRASE) as store:
        Services(store).outcomes.bulk_import(
            NewOutcome(f"Note {n}", "2026-01-01", body="words " * 200) for n in range(300)
        )
    assert initialised("backup").returncode == 0
    data = bytearray(initialised.store_path.read_bytes())
    # A byte in every data page: whichever pages `list` happens to read, it meets damage.
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 777] ^= 0xFF
    initialised.store_path.write_bytes(bytes(data))
    result = initialised("check")
    assert result.returncode == 3, result.stderr
    assert "damaged" in result.stderr and "integrity checks found" in result.stderr
    assert "Traceback" not in result.stderr
    listed = initialised("list", "outcomes")
    assert listed.returncode == 3 and "Traceback" not in listed.stderr
    # The way out: restore works although the store itself no longer opens cleanly.
    restored = initialised("restore", "--latest")
    assert restored.returncode == 0, restored.stderr
    assert "files are kept as" in restored.stdout
    assert initialised("check").returncode == 0
    assert "Note 299" in initialised("list", "outcomes").stdout


def test_newer_store_exit_6(initialised: Cli) -> None:
    from upwardprep.store.engine import Store

    with Store.open(initialised.store_path, PASSPHRASE) as store, store.raw() as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = initialised("list", "people")
    assert result.returncode == 6 and "newer version" in result.stderr


def test_passwd(initialised: Cli) -> None:
    cli = initialised
    cli("add", "outcome", "--title", "Before passwd")
    result = cli("passwd", env={"UPWARDPREP_NEW_PASSPHRASE": "n3w pässphrase"})
    assert result.returncode == 0, result.stderr
    assert cli("list", "outcomes").returncode == 2
    after = cli("list", "outcomes", env={"UPWARDPREP_PASSPHRASE": "n3w pässphrase"})
    assert after.returncode == 0 and "Before passwd" in after.stdout
    assert (
        cli(
            "passwd",
            env={"UPWARDPREP_PASSPHRASE": "n3w pässphrase", "UPWARDPREP_NEW_PASSPHRASE": ""},
        ).returncode
        == 1
    )


def test_backup_restore_round_trip(initialised: Cli) -> None:
    cli = initialised
    cli("add", "outcome", "--title", "In the backup")
    result = cli("backup")
    assert result.returncode == 0 and "verified" in result.stdout
    before = row_hashes(cli.store_path)
    cli("add", "outcome", "--title", "After the backup")
    assert row_hashes(cli.store_path) != before
    result = cli("restore", "--latest")
    assert result.returncode == 0, result.stderr
    assert row_hashes(cli.store_path) == before
    assert cli("check").returncode == 0


def _hold_open(store_path: Path) -> subprocess.Popen[str]:
    """Another process with the store open (and locked), until it is killed."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import time; from upwardprep.store.engine import Store;"
                f"s = Store.open({str(store_path)!r}, {PASSPHRASE!r});"
                "print('open', flush=True); time.sleep(60)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def test_second_process_gets_exit_5(initialised: Cli) -> None:
    holder = _hold_open(initialised.store_path)
    try:
        result = initialised("list", "outcomes")
        assert result.returncode == 5 and "another" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_file_after_sigkill_is_recovered(initialised: Cli) -> None:
    holder = _hold_open(initialised.store_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock = initialised.store_path.with_name(initialised.store_path.name + ".lock")
    assert lock.exists()  # stale: its owner is dead
    started = time.monotonic()
    assert initialised("list", "outcomes").returncode == 0
    assert time.monotonic() - started < 30
    assert not lock.exists()  # released, and removed, by the process that recovered it


def test_init_demo_gives_a_store_full_of_life(cli: Cli) -> None:
    result = cli("init", "--demo")
    assert result.returncode == 0, result.stderr
    assert "demo store" in result.stdout and "outcome notes" in result.stdout
    assert "Dana Whitfield" in cli("list", "people").stdout
    assert len(cli("list", "outcomes").stdout.splitlines()) >= 55
    assert "held" in cli("list", "meetings").stdout
    assert cli("list", "cycles").stdout.strip()
    assert cli("check").returncode == 0
    assert cli("init", "--demo").returncode == 1  # never overwrites


def test_file_system_refusals_are_sentences(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = cli("init", "--store", str(blocker / "notes.upwardprep"), store=False)
    assert result.returncode == 7 and "Traceback" not in result.stderr
    assert cli("init").returncode == 0
    result = cli("backup", "--dir", str(blocker))
    assert result.returncode == 7 and "Traceback" not in result.stderr
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("pässphrase".encode("latin-1"))
    result = cli("list", "people", "--passphrase-file", str(latin1))
    assert result.returncode == 1 and "not UTF-8" in result.stderr


def test_restore_onto_a_new_machine(cli: Cli, tmp_path: Path) -> None:
    """The store's folder does not exist yet: restore creates it."""
    assert cli("init").returncode == 0
    assert cli("add", "outcome", "--title", "Carried to a new laptop").returncode == 0
    made = cli("backup")
    backup_file = made.stdout.split("verified: ")[1].split(" (")[0]
    fresh = tmp_path / "new-laptop" / "data" / "notes.upwardprep"
    result = cli("restore", backup_file, "--store", str(fresh), store=False)
    assert result.returncode == 0, result.stderr
    listed = cli("list", "outcomes", "--store", str(fresh), store=False)
    assert "Carried to a new laptop" in listed.stdout
