"""Crash-test helper: opens a store, starts a backup and announces when the copy is made but not
yet in place (its record being written), then waits there to be killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from upwardprep.services.vault import Vault
from upwardprep.store import backup, manifest


def main(path: str, passphrase: str) -> None:
    real = manifest.write_manifest

    def slow_record(target: Path, *args: object) -> Path:
        written = real(target, *args)  # type: ignore[arg-type]
        print("copied", flush=True)
        time.sleep(60)  # the parent kills the process here
        return written

    backup.write_manifest = slow_record  # type: ignore[assignment]
    vault = Vault(Path(path))
    with vault.session(passphrase) as services:
        services.outcomes.create("Written before the killed backup")
        vault.automatic_backup(services, on_close=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
