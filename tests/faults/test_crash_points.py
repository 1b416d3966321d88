"""Crash points (issue 18's acceptance): each of `passwd`, `backup`, `restore`, the schema upgrade
and `export` is killed with SIGKILL right before each rename, unlink, fsync or link it makes, one
run per call (strace's fault injection: the call fails and the process dies before it returns).
After each kill the store must open with the old or the new passphrase, pass the integrity
checks and hold every row; once it has been opened, no temporary file, journal or plaintext may
remain beside it, in its backups folder or where the export was going.

Slow (hundreds of runs of the command line): `make faults`, never part of `make test`.
UPWARDPREP_FAULT_STRIDE=N kills at every Nth point only, for a quicker pass.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.clock import NOW, FrozenClock
from tests.conftest import PASSPHRASE, REPO
from upwardprep.services import Services
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.services.vault import Vault
from upwardprep.store.engine import Store
from upwardprep.store.errors import WrongPassphrase

CALLS = ("rename", "renameat", "renameat2", "unlink", "unlinkat", "fsync", "fdatasync", "linkat")
NEW = "the new passphrase after the crash"
STRIDE = int(os.environ.get("UPWARDPREP_FAULT_STRIDE", "1"))
STRACE = shutil.which("strace")
# What may stay in the store's folder: the store, its lock and companions, the backups folder.
LEFTOVER = re.compile(r"(\.part$|\.tmp$|-journal$|^\.)")

pytestmark = pytest.mark.skipif(STRACE is None, reason="strace is needed for fault injection")


@dataclass(frozen=True)
class Scenario:
    args: tuple[str, ...]
    passphrases: tuple[str, ...]  # any of them may open the store afterwards
    prepare: Callable[[Path], None] = lambda folder: None
    output: str | None = None  # a plaintext file the command writes (complete, or nothing)


def _backup_first(folder: Path) -> None:
    vault = Vault(folder / "notes.upwardprep", clock=FrozenClock(NOW))
    with vault.session(PASSPHRASE) as services:
        vault.backup(services)


SCENARIOS = {
    "passwd": Scenario(("passwd",), (PASSPHRASE, NEW)),
    "backup": Scenario(("backup",), (PASSPHRASE,)),
    "restore": Scenario(("restore", "--latest"), (PASSPHRASE,), _backup_first),
    "upgrade": Scenario(("check",), ("",)),  # the old fixture store: its own passphrase
    "export": Scenario(
        ("export", "brief", "--person", "Dana", "--format", "md", "--out", "OUT"),
        (PASSPHRASE,),
        output="brief.md",
    ),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """The demo store, and the ids of its outcomes (every one must survive every kill)."""
    from upwardprep.demo import populate

    path = tmp_path_factory.mktemp("template") / "notes.upwardprep"
    with Store.create(path, PASSPHRASE) as store:
        services = Services(store, clock=FrozenClock(NOW))
        populate(services)
        ids = set(services.outcomes.ids(OutcomeFilter()))
    return path, ids


OLD_STORE = REPO / "tests" / "fixtures" / "store_0001.upwardprep"


@pytest.fixture(scope="module")
def old_ids(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The outcomes of the first schema's fixture store (read from an upgraded copy)."""
    from tests.fixtures.make_fixture_store import PASSPHRASE as OLD

    path = tmp_path_factory.mktemp("old") / "notes.upwardprep"
    shutil.copyfile(OLD_STORE, path)
    with Store.open(path, OLD) as store:
        return set(Services(store, clock=FrozenClock(NOW)).outcomes.ids(OutcomeFilter()))


def _env(folder: Path, passphrase: str) -> dict[str, str]:
    (folder / "tmp").mkdir(exist_ok=True)
    return {
        **os.environ,
        "UPWARDPREP_PASSPHRASE": passphrase,
        "UPWARDPREP_NEW_PASSPHRASE": NEW,
        "UPWARDPREP_NOW": NOW.isoformat(),
        "TMPDIR": str(folder / "tmp"),
        "PYTHONPATH": str(REPO),
    }


def _command(store: Path, scenario: Scenario, out: Path) -> list[str]:
    args = [str(out) if a == "OUT" else a for a in scenario.args]
    return [sys.executable, "-m", "upwardprep", *args, "--store", str(store)]


def _count_calls(command: list[str], env: dict[str, str], folder: Path) -> Counter[str]:
    log = folder / "strace.log"
    assert STRACE is not None
    done = subprocess.run(
        [STRACE, "-qq", "-o", str(log), "-e", f"trace={','.join(CALLS)}", *command],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    calls = Counter(line.split("(", 1)[0] for line in log.read_text().splitlines() if "(" in line)
    log.unlink()
    return calls


def _kill_at(command: list[str], env: dict[str, str], call: str, number: int) -> int:
    assert STRACE is not None
    injection = f"inject={call}:error=EIO:signal=SIGKILL:when={number}"
    done = subprocess.run(
        [STRACE, "-qq", "-o", os.devnull, "-e", f"trace={call}", "-e", injection, *command],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    return done.returncode


def _open_and_check(path: Path, passphrases: tuple[str, ...], ids: set[str]) -> list[str]:
    """The next open (which tidies), then the checks; the problems found, as text."""
    for passphrase in passphrases:
        try:
            store = Store.open(path, passphrase)
        except WrongPassphrase:
            continue
        with store:
            problems = list(store.check())
            present = set(Services(store, clock=FrozenClock(NOW)).outcomes.ids(OutcomeFilter()))
        missing = ids - present
        if missing:
            problems.append(f"{len(missing)} outcomes gone")
        return problems
    return ["no passphrase opens the store"]


def _leftovers(folder: Path, scenario: Scenario, complete: bytes) -> list[str]:
    """Temporary files and journals beside the store and its backups; in the export's folder
    and the temporary folder, anything but the complete export."""
    found = []
    for place in (folder, folder / "backups", folder / "out", folder / "tmp"):
        if not place.is_dir():
            continue
        for entry in place.iterdir():
            if place.name == "out" and entry.name == scenario.output:
                if entry.read_bytes() != complete:
                    found.append(f"a partial {entry.name}")
            elif place.name in ("out", "tmp") or LEFTOVER.search(entry.name):
                found.append(entry.name)
    return found


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_kill_before_any_rename_unlink_or_fsync_loses_nothing_and_leaves_nothing(
    name: str, template: tuple[Path, set[str]], old_ids: set[str], tmp_path: Path
) -> None:
    from tests.fixtures.make_fixture_store import PASSPHRASE as OLD

    scenario = SCENARIOS[name]

    def fresh(run: str) -> tuple[Path, Path, list[str], dict[str, str], tuple[str, ...], set[str]]:
        folder = tmp_path / run
        folder.mkdir()
        (folder / "out").mkdir()
        if name == "upgrade":
            path, ids = folder / "notes.upwardprep", old_ids
            shutil.copyfile(OLD_STORE, path)
            passphrases: tuple[str, ...] = (OLD,)
        else:
            path, ids = folder / "notes.upwardprep", template[1]
            shutil.copyfile(template[0], path)
            passphrases = scenario.passphrases
        scenario.prepare(folder)
        out = folder / "out" / (scenario.output or "unused")
        return (
            path,
            folder,
            _command(path, scenario, out),
            _env(folder, passphrases[0]),
            passphrases,
            ids,
        )

    path, folder, command, env, passphrases, ids = fresh("count")
    calls = _count_calls(command, env, folder)
    complete = (folder / "out" / scenario.output).read_bytes() if scenario.output else b""
    assert sum(calls.values()) > 0, "no crash point found: is strace tracing the command?"
    points = [(call, n) for call in sorted(calls) for n in range(1, calls[call] + 1)]
    failures = []
    killed = 0
    for index, (call, number) in enumerate(points[::STRIDE]):
        path, folder, command, env, passphrases, ids = fresh(f"{index}-{call}-{number}")
        code = _kill_at(command, env, call, number)
        killed += code == -9 or code == 128 + 9
        problems = _open_and_check(path, passphrases, ids)
        problems += [f"left {leftover}" for leftover in _leftovers(folder, scenario, complete)]
        if problems:
            failures.append(f"{call} #{number}: {'; '.join(problems)}")
        shutil.rmtree(folder)
    print(f"{name}: {len(points)} crash points ({dict(calls)}), {killed} kills")
    assert killed > 0
    assert failures == []
