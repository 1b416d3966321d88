"""Shared fixtures: a fresh encrypted store per test, Qt offscreen, the CLI as a subprocess."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time_machine

from tests.clock import NOW, PROCESS_CLOCK
from upwardprep.services import Services
from upwardprep.store.engine import Store

PASSPHRASE = "correct horse battery staple"
REPO = Path(__file__).resolve().parent.parent
# Corpora the tests read live in the repository (tests/data/, each with its source and licence).
COMMONMARK_EXAMPLES = REPO / "tests" / "data" / "commonmark" / "examples.json"


_travel = time_machine.travel(PROCESS_CLOCK, tick=True)


def pytest_configure(config: pytest.Config) -> None:
    """The process's wall clock runs far from the tests' NOW (see tests/clock.py) for the whole
    run: the app reads time only through its clock, which the tests freeze at NOW."""
    _travel.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    _travel.stop()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.upwardprep"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = Store.create(store_path, PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def services(store: Store) -> Services:
    return Services(store)


def row_hashes(store_or_path: Store | Path, passphrase: str = PASSPHRASE) -> dict[str, str]:
    """A digest of every row of every table, to compare two stores' contents exactly."""
    store = (
        store_or_path if isinstance(store_or_path, Store) else Store.open(store_or_path, passphrase)
    )
    try:
        with store.raw() as conn:
            tables = [
                name
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name"
                )
            ]
            digests = {}
            for table in tables:
                digest = hashlib.sha256()
                for row in sorted(repr(r) for r in conn.execute(f"SELECT * FROM {table}")):
                    digest.update(row.encode())
                digests[table] = digest.hexdigest()
            return digests
    finally:
        if store is not store_or_path:
            store.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes: to prove an operation touched nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


class Cli:
    """Runs `python -m upwardprep` in a subprocess, as a user would."""

    def __init__(self, store_path: Path, tmp_path: Path) -> None:
        self.store_path = store_path
        self.env = {
            **os.environ,
            "UPWARDPREP_PASSPHRASE": PASSPHRASE,
            "UPWARDPREP_NOW": NOW.isoformat(),  # the CLI's clock starts at the tests' NOW
            "TMPDIR": str(tmp_path / "tmp"),
            "PYTHONPATH": str(REPO),
        }
        (tmp_path / "tmp").mkdir(exist_ok=True)

    def __call__(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        store: bool = True,
        stdin: str | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "upwardprep", *args]
        if store:
            command += ["--store", str(self.store_path)]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**self.env, **(env or {})},
            input=stdin,
            cwd=REPO,
        )


@pytest.fixture
def cli(store_path: Path, tmp_path: Path) -> Cli:
    return Cli(store_path, tmp_path)
