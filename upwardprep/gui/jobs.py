"""Work off the GUI thread, and the notice that the store changed.

Like Anki's operations: the work runs on the thread pool and its answer (the result, or the
exception it raised) comes back on the GUI thread through a signal, to a success or a failure
callback. A job's signals stay referenced until the answer is delivered, whether the caller
keeps the job or not.

After an operation that changes records, its caller announces a `Change` on the session's
change notice (`StoreSession.changed`); the section views subscribe to it and refresh what
they show, instead of the window refreshing each one by hand.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# The kinds of record a change can touch; views name the ones they show (SectionView.watches).
OUTCOME = "outcome"
PRIORITY = "priority"
PERSON = "person"
MEETING = "meeting"
REVIEW = "review cycle"
TEMPLATE = "template"
TRASH = "trash"
ALL_KINDS = frozenset({OUTCOME, PRIORITY, PERSON, MEETING, REVIEW, TEMPLATE, TRASH})


@dataclass(frozen=True)
class Change:
    """What an operation changed: kinds of record, and the widget that made the change (it
    already shows it and need not reload)."""

    kinds: frozenset[str]
    origin: object | None = None

    @classmethod
    def of(cls, *kinds: str, origin: object | None = None) -> Change:
        return cls(frozenset(kinds), origin)

    def touches(self, kinds: frozenset[str]) -> bool:
        return bool(self.kinds & kinds)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Run a function on the thread pool; results come back on the GUI thread by signal."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:
            answer, signal = error, "failed"
        else:
            answer, signal = result, "done"
        # RuntimeError: the app quit while this ran, and nobody is left to hear the answer.
        with contextlib.suppress(RuntimeError):
            getattr(self.signals, signal).emit(answer)


_pending: set[_Signals] = set()  # kept until their answer is delivered, caller's ref or not


def run_in_background(
    work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
) -> Job:
    """Start `work` on the thread pool; `done(result)` or `failed(error)` runs on the GUI
    thread once it ends."""
    job = Job(work)
    signals = job.signals
    _pending.add(signals)
    signals.done.connect(done)
    signals.failed.connect(failed)
    for signal in (signals.done, signals.failed):
        signal.connect(lambda _result, signals=signals: _pending.discard(signals))
    QThreadPool.globalInstance().start(job)
    return job
