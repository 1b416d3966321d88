"""The app's one clock: the only place that reads the wall clock.

Everything else (services, the store's stamps and backups, the GUI's "today", the documents, the
demo) receives a `Clock` and calls it, so a test freezes time by injecting a callable and no
result depends on the calendar date it happens to run on.

`UPWARDPREP_NOW` (an ISO date or date-time) sets where the app's clock starts, for the CLI and
the app alike; it then runs on at the normal pace. That is how the end-to-end tests pin the
calendar of a CLI they start, and how a demo or a screenshot is made for a given day, the way
git's GIT_COMMITTER_DATE or SOURCE_DATE_EPOCH pin a build's date.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

Clock = Callable[[], datetime]
ENVIRONMENT = "UPWARDPREP_NOW"


def _wall_clock() -> datetime:
    return datetime.now(UTC)


def parse_moment(text: str) -> datetime:
    """An ISO date (09:00 local that day) or date-time (local unless it names a zone), as UTC."""
    text = text.strip()
    try:
        if "T" not in text and " " not in text:
            moment = datetime.combine(date.fromisoformat(text), time(9, 0))
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{ENVIRONMENT}=“{text}” is not a date or time; use the form 2026-11-24 or "
            "2026-11-24T10:00+01:00."
        ) from None
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(UTC)


@functools.cache
def _offset() -> timedelta:
    """How far the app's clock is set from the wall clock (read once per process)."""
    text = os.environ.get(ENVIRONMENT, "").strip()
    return parse_moment(text) - _wall_clock() if text else timedelta(0)


def check_environment() -> None:
    """Raise ValueError with a sentence when UPWARDPREP_NOW is set to something unreadable."""
    _offset()


def system_clock() -> datetime:
    """Now, as an aware UTC datetime: the default clock of the services and the app."""
    return _wall_clock() + _offset()


def local_today(clock: Clock = system_clock) -> date:
    """The user's calendar day by `clock`, in the machine's time zone."""
    return clock().astimezone().date()


def local_moment(day: date, at: time) -> datetime:
    """`day` at the wall-clock time `at` in the machine's time zone, as an aware UTC datetime."""
    return datetime.combine(day, at.replace(tzinfo=None)).astimezone().astimezone(UTC)
