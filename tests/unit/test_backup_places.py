"""The backup folder chosen per store on this computer: kept outside the store (a restore needs
it when the store does not open), private to the user, and what every `Vault` uses unless told
a folder for one command."""

from __future__ import annotations

from pathlib import Path

import pytest

from upwardprep.services import backup_places
from upwardprep.services.vault import Vault


def test_a_choice_is_per_store_private_and_can_be_undone(config_home: Path, tmp_path: Path) -> None:
    work, other = tmp_path / "work.upwardprep", tmp_path / "other.upwardprep"
    assert backup_places.chosen_folder(work) is None
    backup_places.choose_folder(work, tmp_path / "usb")
    assert backup_places.chosen_folder(work) == tmp_path / "usb"
    # another spelling of the same store is the same store; another store has no choice
    assert backup_places.chosen_folder(tmp_path / "." / "work.upwardprep") == tmp_path / "usb"
    assert backup_places.chosen_folder(other) is None
    stored = backup_places.places_file()
    assert stored.is_relative_to(config_home)
    assert stored.stat().st_mode & 0o777 == 0o600
    assert stored.parent.stat().st_mode & 0o777 == 0o700
    backup_places.choose_folder(work, None)
    assert backup_places.chosen_folder(work) is None


def test_an_unreadable_file_means_beside_the_store_never_a_failure(
    config_home: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = tmp_path / "work.upwardprep"
    backup_places.places_file().parent.mkdir(parents=True)
    backup_places.places_file().write_text("{ not json", encoding="utf-8")
    assert backup_places.chosen_folder(store) is None
    assert "cannot be read" in caplog.text
    assert Vault(store).folder() == tmp_path / "backups"
    backup_places.choose_folder(store, tmp_path / "usb")  # choosing again repairs it
    assert backup_places.chosen_folder(store) == tmp_path / "usb"


def test_the_vault_uses_the_choice_unless_told_a_folder(
    config_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "work.upwardprep"
    assert Vault(store).folder() == tmp_path / "backups"
    backup_places.choose_folder(store, tmp_path / "usb")
    assert Vault(store).folder() == tmp_path / "usb"
    assert Vault(store, backup_folder=tmp_path / "once").folder() == tmp_path / "once"
    monkeypatch.setenv("UPWARDPREP_BACKUP_DIR", str(tmp_path / "from-env"))
    assert Vault(store).folder() == tmp_path / "from-env"
