"""Shared fixtures: a fresh encrypted store per test, Qt offscreen, the CLI as a subprocess."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's configuration (e.g. the backup folder chosen per store) is never read or written by
# tests: a folder of this run's own, for this process and every CLI it starts. A test that
# chooses something uses the `config_home` fixture.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="upwardprep-test-config-")

import time_machine

from tests.clock import NOW, PROCESS_CLOCK
from upwardprep.store import keys

# The key derivation is deliberately slow (~0.25 s of CPU) and pure: the same passphrase and salt
# always give the same key. Tests open the same few stores over and over (copies of one demo
# store, of one blank store, the same store after a lock), so within a test process each
# (passphrase, salt) is derived once. The app itself never caches keys.
keys.derive_key = functools.lru_cache(maxsize=256)(keys.derive_key)

from upwardprep.services import Services  # noqa: E402
from upwardprep.store.engine import Store  # noqa: E402

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
    if _server is not None:
        _server.close()
    shutil.rmtree(os.environ["XDG_CONFIG_HOME"], ignore_errors=True)


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configuration folder of this test's own (set before the `cli` fixture reads the
    environment, so the CLI sees it too)."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.upwardprep"


@pytest.fixture(scope="session")
def blank_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One new, empty store per test process; `store` hands each test a copy of it (creating a
    store runs every migration, ~0.7 s of CPU besides the key derivation)."""
    path = tmp_path_factory.mktemp("blank") / "blank.upwardprep"
    Store.create(path, PASSPHRASE).close()
    return path


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store around the tests' NOW, built once per test process and closed: fixtures
    that need the demo copy it (building it takes ~1.5 s of CPU; a process used to build it
    again for each module that wanted it)."""
    from tests.clock import FrozenClock
    from upwardprep.demo import populate

    path = tmp_path_factory.mktemp("demo-store") / "demo.upwardprep"
    with Store.create(path, PASSPHRASE) as store:
        populate(Services(store, clock=FrozenClock(NOW)))  # built around the tests' today
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a closed store under `target` (folders made as the app makes them)."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return target


@pytest.fixture
def store(store_path: Path, blank_store_file: Path) -> Iterator[Store]:
    """A new, empty store of the test's own (a copy of the blank one, same salt and schema)."""
    store_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(blank_store_file, store_path)
    store_path.chmod(0o600)
    opened = Store.open(store_path, PASSPHRASE)
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
    """Runs `python -m upwardprep ARGS` in a process of its own, as a user would: forked from the
    fork server (tests/cli_server.py, which has the program imported already), or with
    UPWARDPREP_TEST_CLI=subprocess in a new interpreter each time."""

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
        argv = list(args)
        if store:
            argv += ["--store", str(self.store_path)]
        full_env = {**self.env, **(env or {})}
        if os.environ.get("UPWARDPREP_TEST_CLI") == "subprocess":
            return subprocess.run(
                [sys.executable, "-m", "upwardprep", *argv],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=full_env,
                input=stdin,
                cwd=REPO,
            )
        return _fork_server().run(argv, full_env, stdin, timeout)


class ForkServer:
    """The client of tests/cli_server.py: one server per test process, started on first use."""

    def __init__(self) -> None:
        self._server: subprocess.Popen[bytes] | None = None
        self._pending = b""
        self._lock = threading.Lock()
        # Captured streams live outside every test's folders (tests scan those for plaintext).
        self._streams = Path(tempfile.mkdtemp(prefix="upwardprep-cli-streams-"))

    def _start(self) -> subprocess.Popen[bytes]:
        if self._server is None or self._server.poll() is not None:
            self._pending = b""
            self._server = subprocess.Popen(
                [sys.executable, "-m", "tests.cli_server"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                cwd=REPO,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            )
        return self._server

    def _reply(self, server: subprocess.Popen[bytes], deadline: float | None) -> dict[str, int]:
        assert server.stdout is not None
        fd = server.stdout.fileno()
        while b"\n" not in self._pending:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                raise TimeoutError
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError("The CLI fork server ended unexpectedly.")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return dict(json.loads(line))

    def run(
        self, argv: list[str], env: dict[str, str], stdin: str | None, timeout: float
    ) -> subprocess.CompletedProcess[str]:
        with self._lock:
            server = self._start()
            assert server.stdin is not None
            files = {name: self._streams / f"{name}-{os.getpid()}" for name in ("in", "out", "err")}
            if stdin is not None:
                files["in"].write_text(stdin, encoding="utf-8")
            request = {
                "argv": argv,
                "argv0": str(REPO / "upwardprep" / "__main__.py"),
                "env": env,
                "cwd": str(REPO),
                "stdin": str(files["in"]) if stdin is not None else None,
                "stdout": str(files["out"]),
                "stderr": str(files["err"]),
                "encoding": "utf-8",
            }
            server.stdin.write(json.dumps(request).encode() + b"\n")
            server.stdin.flush()
            pid = self._reply(server, time.monotonic() + 30)["pid"]
            try:
                code = self._reply(server, time.monotonic() + timeout)["exit"]
            except TimeoutError:
                os.kill(pid, signal.SIGKILL)
                self._reply(server, None)
                raise subprocess.TimeoutExpired(["upwardprep", *argv], timeout) from None
            try:
                return subprocess.CompletedProcess(
                    ["upwardprep", *argv],
                    code,
                    files["out"].read_text("utf-8", errors="replace"),
                    files["err"].read_text("utf-8", errors="replace"),
                )
            finally:
                for path in files.values():
                    path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._server is not None:
            assert self._server.stdin is not None
            self._server.stdin.close()
            self._server.wait(timeout=30)
            self._server = None
        shutil.rmtree(self._streams, ignore_errors=True)


_server: ForkServer | None = None


def _fork_server() -> ForkServer:
    global _server
    if _server is None:
        _server = ForkServer()
    return _server


@pytest.fixture
def cli(store_path: Path, tmp_path: Path) -> Cli:
    return Cli(store_path, tmp_path)
