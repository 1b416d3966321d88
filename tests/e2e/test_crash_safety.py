"""Nothing whose save returned is ever lost, even when the process is killed mid-write."""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import TextIO

from tests.conftest import PASSPHRASE
from tests.e2e import crash_writer
from upwardprep.services import Services
from upwardprep.services.outcomes import OutcomeFilter
from upwardprep.store.engine import Store

KILLS = 20


def _start_writer(store_path: Path, run: int) -> tuple[int, TextIO]:
    """The writer in a process of its own, forked from this one, which has the program loaded
    already (a new interpreter spent ~1 s of CPU importing it before its first write). The child
    prints each committed id to a pipe and never returns here."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            sys.stdout = os.fdopen(write_end, "w")
            crash_writer.main(str(store_path), PASSPHRASE, str(run))
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, os.fdopen(read_end)


def test_sigkill_mid_stream_loses_nothing_that_was_saved(store_path: Path) -> None:
    Store.create(store_path, PASSPHRASE).close()
    rng = random.Random(20261123)
    confirmed: set[str] = set()
    for run in range(KILLS):
        pid, output = _start_writer(store_path, run)
        wanted = rng.randint(3, 30)
        lines = []
        with output:
            while len(lines) < wanted:
                line = output.readline()
                assert line, f"writer {run} stopped early"
                lines.append(line)
            time.sleep(rng.random() * 0.02)  # land somewhere inside the next transaction
            os.kill(pid, signal.SIGKILL)
            rest = output.read()
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        # Every complete line is an id whose create() returned; a cut-off last line is not.
        complete = [*lines, *rest.splitlines(keepends=True)]
        confirmed |= {line.strip() for line in complete if line.endswith("\n")}
        with Store.open(store_path, PASSPHRASE) as store:
            present = set(Services(store).outcomes.ids(OutcomeFilter()))
            missing = confirmed - present
            assert not missing, f"after kill {run}: {len(missing)} saved notes are gone"
            assert store.check() == [], f"after kill {run}"
    assert len(confirmed) >= KILLS * 3
