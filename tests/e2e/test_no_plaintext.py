"""No note content reaches the disk in plaintext: not the store, WAL, backups, temp or data dirs."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli

MARKER = "ZEBRA-MARKER-7f3c91-ünïcode"


def _plaintext_hits(folder: Path) -> list[str]:
    needles = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), b"ZEBRA-MARKER-7f3c91"]
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path} ({needle[:12]!r})" for needle in needles if needle in data]
    return hits


def test_marker_never_in_plaintext_on_disk(cli: Cli, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    assert cli("init", env=env).returncode == 0
    added = cli(
        "add",
        "outcome",
        "--title",
        f"Note {MARKER}",
        "--body",
        f"Body with {MARKER} inside",
        "--tag",
        "marker",
        "--impact",
        MARKER,
        env=env,
    )
    assert added.returncode == 0, added.stderr
    found = cli("search", "ZEBRA", env=env)
    assert MARKER in found.stdout  # the search really read it back
    assert cli("backup", env=env).returncode == 0
    assert cli("check", env=env).returncode == 0
    assert "ZEBRA" not in cli("list", "people", env=env).stderr
    hits = (
        _plaintext_hits(cli.store_path.parent)
        + _plaintext_hits(tmp_path / "tmp")
        + _plaintext_hits(home)
    )
    assert hits == []
    assert list(cli.store_path.parent.glob("backups/*"))  # the scan did cover a backup


def test_marker_absent_while_the_store_is_open_with_a_live_wal(
    store_path: Path, tmp_path: Path
) -> None:
    from tests.conftest import PASSPHRASE
    from upwardprep.services import Services
    from upwardprep.store.engine import Store

    with Store.create(store_path, PASSPHRASE) as store:
        Services(store).outcomes.create(f"Live {MARKER}", body=MARKER * 20)
        assert Path(f"{store_path}-wal").exists()
        assert _plaintext_hits(store_path.parent) == []
