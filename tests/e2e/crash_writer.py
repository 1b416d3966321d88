"""Crash-test writer: adds outcome notes forever, printing each id once it is committed."""

from __future__ import annotations

import sys

from upwardprep.services import Services
from upwardprep.store.engine import Store


def main(path: str, passphrase: str, run: str) -> None:
    store = Store.open(path, passphrase)
    outcomes = Services(store).outcomes
    number = 0
    while True:
        note = outcomes.create(
            f"crash {run} note {number}", body="x" * (number % 7 * 300), tags=[f"run-{run}"]
        )
        print(note.id, flush=True)  # printed only after the transaction committed
        number += 1


if __name__ == "__main__":
    main(*sys.argv[1:4])
