"""The app's one clock: the only place that reads the wall clock.

Everything else (services, the store's backups, the GUI's "today", the documents, the demo)
receives a `Clock` and calls it, so a test freezes time by injecting a callable and no result
depends on the calendar date a test happens to run on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, as an aware UTC datetime."""
    return datetime.now(UTC)


def local_today(clock: Clock = system_clock) -> date:
    """The user's calendar day by `clock`, in the machine's time zone."""
    return clock().astimezone().date()
