"""Nothing whose save returned is ever lost, even when the process is killed mid-write."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PASSPHRASE, REPO
from upwardprep.services import Services
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.store.engine import Store

KILLS = 20


def test_sigkill_mid_stream_loses_nothing_that_was_saved(store_path: Path) -> None:
    Store.create(store_path, PASSPHRASE).close()
    rng = random.Random(20261123)
    confirmed: set[str] = set()
    for run in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.crash_writer", str(store_path), PASSPHRASE, str(run)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert writer.stdout is not None
        wanted = rng.randint(3, 30)
        lines = []
        while len(lines) < wanted:
            line = writer.stdout.readline()
            assert line, f"writer {run} stopped early (exit {writer.poll()})"
            lines.append(line)
        time.sleep(rng.random() * 0.02)  # land somewhere inside the next transaction
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        writer.wait()
        # Every complete line is an id whose create() returned; a cut-off last line is not.
        complete = [*lines, *rest.splitlines(keepends=True)]
        confirmed |= {line.strip() for line in complete if line.endswith("\n")}
        with Store.open(store_path, PASSPHRASE) as store:
            present = set(Services(store).outcomes.ids(OutcomeFilter()))
            missing = confirmed - present
            assert not missing, f"after kill {run}: {len(missing)} saved notes are gone"
            assert store.check() == [], f"after kill {run}"
    assert len(confirmed) >= KILLS * 3
