"""The data commands as a user types them (`kit`, `recover`, `check --backups`, `export all`,
`export schema`, `import all`, `import outcomes`), run in-process: exit codes, messages that
name the place, and a store left byte-identical by anything refused, including faults (a full
disk, a read-only folder, an interrupted write).

In-process, so each key is derived once per test process (tests/conftest.py caches it).
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdf
import pytest

from tests.conftest import PASSPHRASE, row_hashes, snapshot
from upwardprep import cli
from upwardprep.services.recovery_key import ALPHABET
from upwardprep.services.vault import Vault

Run = Callable[..., tuple[int, str, str]]
NEW_PASSPHRASE = "a new passphrase, written down this time"
KEY_PATTERN = re.compile(r"Recovery key: ((?:[0-9A-Z]{4}-){13}[0-9A-Z]{4})")


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPWARDPREP_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("UPWARDPREP_NEW_PASSPHRASE", raising=False)
    monkeypatch.delenv("UPWARDPREP_BACKUP_DIR", raising=False)


@pytest.fixture
def made(store_path: Path) -> Iterator[Path]:
    """A small store: a manager, a priority, two outcomes (one in the Trash)."""
    vault = Vault(store_path)
    services = vault.create(PASSPHRASE)
    try:
        dana = services.people.create("Dana Whitfield", role="manager")
        churn = services.priorities.create("Reduce churn", owner_id=dana.id)
        services.outcomes.create("Kept Acme", priority_ids=[churn.id], tags=["renewal"])
        gone = services.outcomes.create("Draft to throw away")
        services.outcomes.trash(gone.id)
    finally:
        vault.close(services)
    yield store_path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], made: Path) -> Run:
    def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        saved = {name: os.environ.get(name) for name in env or {}}
        os.environ.update(env or {})
        try:
            code = cli.main([*args, "--store", str(made)])
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def _store_files(store_path: Path) -> dict[str, bytes]:
    return snapshot(store_path.parent)


# -- the Emergency Kit ------------------------------------------------------------------------


def _one_typo(key: str, group: int) -> str:
    groups = key.split("-")
    symbol = groups[group - 1][2]
    groups[group - 1] = groups[group - 1][:2] + ALPHABET[(ALPHABET.index(symbol) + 7) % 32]
    groups[group - 1] += key.split("-")[group - 1][3]
    return "-".join(groups)


def test_kit_then_recover_with_a_new_passphrase(run: Run, made: Path, tmp_path: Path) -> None:
    before = row_hashes(made)
    code, out, _err = run("kit", "--out", str(tmp_path / "kit.pdf"))
    assert code == 0 and "kit.pdf" in out
    kit = tmp_path / "kit.pdf"
    assert kit.stat().st_mode & 0o777 == 0o600
    text = pypdf.PdfReader(io.BytesIO(kit.read_bytes())).pages[0].extract_text()
    found = KEY_PATTERN.search(text)
    assert found is not None
    key = found.group(1)

    # The passphrase is forgotten. A key with one wrong character names its group.
    untouched = _store_files(made)
    typo = tmp_path / "typo.txt"
    typo.write_text(_one_typo(key, 6) + "\n", encoding="utf-8")
    env = {"UPWARDPREP_PASSPHRASE": "forgotten", "UPWARDPREP_NEW_PASSPHRASE": NEW_PASSPHRASE}
    code, _out, err = run("recover", "--recovery-key-file", str(typo), env=env)
    assert code == 1 and "Typo in group 6" in err
    assert _store_files(made) == untouched

    good = tmp_path / "key.txt"
    good.write_text(key.lower().replace("-", " ") + "\n", encoding="utf-8")  # typed loosely
    code, out, err = run("recover", "--recovery-key-file", str(good), env=env)
    assert code == 0, err
    assert "opens with the new passphrase" in out and "no longer opens the store" in out
    assert row_hashes(made, NEW_PASSPHRASE) == before  # every record is there
    code, _out, err = run("list", "outcomes", env={"UPWARDPREP_PASSPHRASE": PASSPHRASE})
    assert code == 2  # the old passphrase is gone
    code, out, _err = run("list", "outcomes", env={"UPWARDPREP_PASSPHRASE": NEW_PASSPHRASE})
    assert code == 0 and "Kept Acme" in out

    # The old kit no longer opens the store (the passphrase change made a new key).
    untouched = _store_files(made)
    code, _out, err = run("recover", "--recovery-key-file", str(good), env=env)
    assert code == 2 and "does not open this store" in err
    assert _store_files(made) == untouched
    assert key not in out + err  # the key is never printed


# -- the restore drill ------------------------------------------------------------------------


def test_check_backups_names_a_damaged_newest_and_the_good_one(run: Run, made: Path) -> None:
    code, out, err = run("check", "--backups")
    assert code == 1 and "no backups" in err
    assert run("backup")[0] == 0
    run("add", "outcome", "--title", "After the first backup")
    assert run("backup")[0] == 0
    code, out, _err = run("check", "--backups")
    assert code == 0 and "holds the same records" in out and "Last verified backup" in out
    newest = sorted((made.parent / "backups").glob("*.upwardprep-backup"))[-1]
    data = bytearray(newest.read_bytes())
    data[3 * 4096 + 100] ^= 0x40
    newest.write_bytes(bytes(data))
    code, out, err = run("check", "--backups")
    assert code == 3
    assert f"({newest.name}) FAILED" in out and "integrity" in out
    assert "holds the same records" in out  # the older one, after it
    assert "newest good one is" in err


def test_backup_restore_and_check_use_the_folder_chosen_in_the_app(
    config_home: Path, run: Run, made: Path, tmp_path: Path
) -> None:
    from upwardprep.services import backup_places

    usb = tmp_path / "usb"
    backup_places.choose_folder(made, usb)  # what Settings › Backups does
    code, out, err = run("backup")
    assert code == 0, err
    assert len(list(usb.glob("*.upwardprep-backup"))) == 1
    assert not (made.parent / "backups").exists()
    assert run("check", "--backups")[0] == 0
    run("add", "outcome", "--title", "After the backup")
    code, out, err = run("restore", "--latest")
    assert code == 0, err
    assert str(usb) in out  # the safety copy of the store as it was went there too
    code, out, _err = run("list", "outcomes")
    assert "After the backup" not in out and "Kept Acme" in out
    code, out, err = run("backup", "--dir", str(tmp_path / "once"))
    assert code == 0 and len(list((tmp_path / "once").glob("*.upwardprep-backup"))) == 1


# -- export and import ------------------------------------------------------------------------


def test_export_all_and_import_it_into_a_new_store(run: Run, made: Path, tmp_path: Path) -> None:
    code, out, _err = run("export", "all", "--format", "json", "--out", str(tmp_path / "all.json"))
    assert code == 0
    exported = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert (tmp_path / "all.json").stat().st_mode & 0o777 == 0o600
    assert {o["title"] for o in exported["outcomes"]} == {"Kept Acme", "Draft to throw away"}

    other = tmp_path / "other" / "notes.upwardprep"
    Vault(other).close(Vault(other).create(PASSPHRASE))
    code = cli.main(["import", "all", str(tmp_path / "all.json"), "--store", str(other)])
    assert code == 0
    code = cli.main(["import", "all", str(tmp_path / "all.json"), "--store", str(other)])
    assert code == 0
    code, out, _err = run("import", "all", str(tmp_path / "all.json"), "--dry-run")
    assert code == 0 and "0 added, 0 updated" in out and "nothing was written" in out

    code, out, _err = run("export", "all", "--format", "md", "--out", str(tmp_path / "vault"))
    assert code == 0 and len(list((tmp_path / "vault" / "Outcomes").glob("* Kept Acme.md"))) == 1
    code, out, _err = run("export", "schema")
    assert code == 0 and json.loads(out)["title"]


@pytest.mark.parametrize(
    ("name", "content", "place"),
    [
        ("date.json", "wrong date", "outcomes[0].date: not a date"),
        ("cut.json", "truncated", "ends early"),
        ("v2.json", "version 2", "format version 2"),
        ("brag.csv", "date,title\n2026-10-01,Fine\n2026-13-01,Bad month\n", "line 3:"),
    ],
)
def test_bad_input_exits_1_names_the_place_and_leaves_the_store_byte_identical(
    run: Run, made: Path, tmp_path: Path, name: str, content: str, place: str
) -> None:
    assert run("export", "all", "--out", str(tmp_path / "all.json"))[0] == 0
    text = (tmp_path / "all.json").read_text(encoding="utf-8")
    document = json.loads(text)
    if content == "wrong date":
        document["outcomes"][0]["date"] = "2026-02-30"
        text = json.dumps(document)
    elif content == "truncated":
        text = text[: len(text) * 2 // 3]
    elif content == "version 2":
        text = json.dumps({**document, "format_version": 2})
    else:
        text = content
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    untouched = _store_files(made)
    what = "outcomes" if name.endswith(".csv") else "all"
    code, _out, err = run("import", what, str(bad))
    assert code == 1 and place in err
    assert _store_files(made) == untouched


# -- faults: a full disk, a read-only folder, an interrupted write ----------------------------


def _fail_fsync(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    real = os.fsync

    def fsync(fd: int) -> None:
        if os.fstat(fd).st_size > 0 and not os.path.isdir(f"/proc/self/fd/{fd}"):
            raise error
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize(
    ("fault", "code", "message"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), 7, "No space left on device"),
        (KeyboardInterrupt(), 130, "interrupted"),
    ],
)
@pytest.mark.parametrize("command", ["kit", "json", "md"])
def test_a_fault_mid_write_leaves_no_file_behind(
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: BaseException,
    code: int,
    message: str,
    command: str,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("kit.pdf" if command == "kit" else "export")
    args = {
        "kit": ("kit", "--out", str(target)),
        "json": ("export", "all", "--out", str(target)),
        "md": ("export", "all", "--format", "md", "--out", str(target)),
    }[command]
    if command == "md":
        monkeypatch.setattr(os, "sync", lambda: None)
        real_rename = os.rename

        def rename(source: str | Path, destination: str | Path) -> None:
            if Path(destination) == target:
                raise fault
            real_rename(source, destination)

        monkeypatch.setattr(os, "rename", rename)
    else:
        _fail_fsync(monkeypatch, fault)
    result, _stdout, err = run(*args)
    assert result == code and message in err
    assert list(out.iterdir()) == []  # no half file, no temporary left


def test_a_read_only_folder_is_refused_with_its_name(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    import tempfile

    def refuse(*_args: object, dir: str | Path | None = None, **_kw: object) -> tuple[int, str]:
        raise PermissionError(errno.EROFS, "Read-only file system", str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _out, err = run("export", "all", "--out", str(folder / "all.json"))
    assert code == 7 and "Read-only file system" in err and "read-only" in err
    assert list(folder.iterdir()) == []
