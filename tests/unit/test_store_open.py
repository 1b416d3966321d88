"""Opening a store: passphrases, foreign and damaged files, and leaving files as they were."""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, snapshot
from upwardprep.services import Services
from upwardprep.store.engine import PAGE_SIZE, Store
from upwardprep.store.errors import (
    NotAStore,
    PassphraseRefused,
    StoreDamaged,
    StoreExists,
    StoreMissing,
    WrongPassphrase,
)

ODD_PASSPHRASES = [
    pytest.param('dou"ble', id="double-quote"),
    pytest.param("sin'gle", id="single-quote"),
    pytest.param("at@sign", id="at"),
    pytest.param("per%cent%s", id="percent"),
    pytest.param("co:lon", id="colon"),
    pytest.param("sl/ash\\back", id="slashes"),
    pytest.param("ha#sh", id="hash"),
    pytest.param("x", id="one-char"),
    pytest.param("ü" * 512, id="1KB"),
    pytest.param("'; PRAGMA key='x'; --", id="sql-injection"),
    pytest.param("  spaces at both ends  ", id="spaces"),
    pytest.param("x'00ff'", id="hex-literal-lookalike"),
]


def _make(path: Path, passphrase: str) -> None:
    with Store.create(path, passphrase) as store:
        Services(store).outcomes.create("Shipped the thing", body="round trip")


@pytest.mark.parametrize("passphrase", ODD_PASSPHRASES)
def test_odd_passphrases_round_trip(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "s.upwardprep"
    _make(path, passphrase)
    with Store.open(path, passphrase) as store:
        assert [o.title for o in Services(store).outcomes.list()] == ["Shipped the thing"]
    with pytest.raises(WrongPassphrase):
        Store.open(path, passphrase + "x")


def test_nfc_and_nfd_spellings_open_the_same_store(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "Crème brûlée Ærø")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    path = tmp_path / "s.upwardprep"
    _make(path, nfd)
    for spelling in (nfd, nfc):
        Store.open(path, spelling).close()


@pytest.mark.parametrize("bad", ["", "a\x00b"])
def test_unusable_passphrase_refused_and_nothing_created(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "s.upwardprep"
    with pytest.raises(PassphraseRefused, match=r"empty|NUL"):
        Store.create(path, bad)
    assert list(tmp_path.iterdir()) == []


def test_wrong_passphrase_leaves_every_file_identical(tmp_path: Path) -> None:
    path = tmp_path / "s.upwardprep"
    _make(path, PASSPHRASE)
    before = snapshot(tmp_path)
    with pytest.raises(WrongPassphrase, match="does not open"):
        Store.open(path, "not it")
    assert snapshot(tmp_path) == before


def test_wrong_passphrase_with_live_wal_leaves_wal_and_shm_identical(tmp_path: Path) -> None:
    path = tmp_path / "s.upwardprep"
    _make(path, PASSPHRASE)
    # A second keyed connection kept open leaves -wal and -shm on disk, as after a crash.
    holder = Store.open(path, PASSPHRASE)
    Services(holder).outcomes.create("Pending in the WAL")
    with holder.raw() as conn:  # noqa: F841 - just keep a connection with the WAL alive
        wal = Path(f"{path}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        before = {
            name: data for name, data in snapshot(tmp_path).items() if not name.endswith(".lock")
        }
        # The lock belongs to `holder`; read the files the way a second opener would.
        from upwardprep.store.engine import raw_connect
        from upwardprep.store.keys import StoreKey

        key = StoreKey.from_passphrase("not it", path.read_bytes()[:16])
        with pytest.raises(Exception, match="not a database"):
            raw_connect(path, key)
        after = {
            name: data for name, data in snapshot(tmp_path).items() if not name.endswith(".lock")
        }
        assert after == before
    holder.close()


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.upwardprep"
    with pytest.raises(StoreMissing, match="no store"):
        Store.open(path, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def _assert_refused_untouched(path: Path, error: type[Exception], match: str) -> None:
    before = snapshot(path.parent)
    with pytest.raises(error, match=match):
        Store.open(path, PASSPHRASE)
    assert snapshot(path.parent) == before


def test_zero_length_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.upwardprep"
    path.write_bytes(b"")
    _assert_refused_untouched(path, NotAStore, "empty file")


def test_plain_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.upwardprep"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES ('not secret')")
    conn.close()
    _assert_refused_untouched(path, NotAStore, "plain, unencrypted SQLite")


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "random.upwardprep"
    path.write_bytes(os.urandom(3 * PAGE_SIZE + 123))
    _assert_refused_untouched(path, NotAStore, "not an UpwardPrep store")


def test_short_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "short.upwardprep"
    path.write_bytes(os.urandom(100))
    _assert_refused_untouched(path, NotAStore, "too short")


def test_truncated_store_mid_page(tmp_path: Path) -> None:
    path = tmp_path / "s.upwardprep"
    _make(path, PASSPHRASE)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])
    _assert_refused_untouched(path, StoreDamaged, "truncated")


def test_truncated_store_on_page_boundary(tmp_path: Path) -> None:
    path = tmp_path / "s.upwardprep"
    _make(path, PASSPHRASE)
    data = path.read_bytes()
    path.write_bytes(data[: (len(data) // PAGE_SIZE // 2) * PAGE_SIZE])
    _assert_refused_untouched(path, StoreDamaged, r"damaged.*may have been truncated")


def test_errors_are_distinct(tmp_path: Path) -> None:
    """Each kind of bad file gets its own message (a user can tell them apart)."""
    messages = set()
    cases = {
        "empty": b"",
        "plain": None,
        "random": os.urandom(2 * PAGE_SIZE + 7),
        "short": b"hello",
    }
    for name, content in cases.items():
        path = tmp_path / f"{name}.upwardprep"
        if content is None:
            sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
        else:
            path.write_bytes(content)
        with pytest.raises(NotAStore) as caught:
            Store.open(path, PASSPHRASE)
        messages.add(str(caught.value).replace(str(path), "PATH"))
    assert len(messages) == len(cases)


def _flip(path: Path, pages: list[int], offset: int = 1000) -> None:
    data = bytearray(path.read_bytes())
    for page in pages:
        data[page * PAGE_SIZE + offset] ^= 0x5A
    path.write_bytes(bytes(data))


def _filled(path: Path) -> int:
    with Store.create(path, PASSPHRASE) as store:
        services = Services(store)
        for number in range(300):
            services.outcomes.create(f"Outcome {number}", body="filler text " * 40)
    return path.stat().st_size // PAGE_SIZE


def test_flipped_byte_in_a_data_page_is_reported_as_damage(tmp_path: Path) -> None:
    """The checks read every page, so one flipped byte anywhere past page 1 is found."""
    path = tmp_path / "s.upwardprep"
    pages = _filled(path)
    _flip(path, [pages // 2])
    with Store.open(path, PASSPHRASE) as store:
        findings = store.check()
    assert any("hmac" in f.lower() or "page" in f.lower() for f in findings), findings


def test_an_operation_that_meets_damage_reports_it(tmp_path: Path) -> None:
    """Which pages an operation reads depends on the layout, so damage every data page."""
    path = tmp_path / "s.upwardprep"
    pages = _filled(path)
    _flip(path, list(range(1, pages)))
    # Met while opening (the schema spans damaged pages), or else by the first read.
    with pytest.raises(StoreDamaged) as caught, Store.open(path, PASSPHRASE) as store:
        Services(store).outcomes.list()
    assert "damaged" in str(caught.value)
    assert caught.value.findings


def test_create_refuses_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "s.upwardprep"
    path.write_bytes(b"precious")
    with pytest.raises(StoreExists):
        Store.create(path, PASSPHRASE)
    assert path.read_bytes() == b"precious"


def test_foreign_sqlcipher_database_with_same_passphrase(tmp_path: Path) -> None:
    from upwardprep.store.engine import raw_connect
    from upwardprep.store.keys import StoreKey, new_salt

    path = tmp_path / "other.db"
    conn = raw_connect(path, StoreKey.from_passphrase(PASSPHRASE, new_salt()), verify=False)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    _assert_refused_untouched(path, NotAStore, "not one made by UpwardPrep")


def test_store_key_never_shows_in_repr(store: Store) -> None:
    assert "hidden" in store.with_key(repr)
