"""The tests' "now": one fixed moment that every fixture and every service under test reads.

`NOW` is Monday 2026-11-23 09:00 UTC unless `UPWARDPREP_TEST_NOW` names another moment (an ISO
date or date-time; a plain date means 09:00 local time that day). The date guard
(tests/unit/test_date_independence.py) runs the date-sensitive tests again with `NOW` moved to
other dates and time zones, so a test that bakes in a calendar date fails there; and the root
conftest moves the process's own clock far from `NOW`, so code that reads the wall clock instead
of the app's clock fails in every run.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta

DEFAULT_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


def _configured_now() -> datetime:
    text = os.environ.get("UPWARDPREP_TEST_NOW", "").strip()
    if not text:
        return DEFAULT_NOW
    if "T" not in text and " " not in text:
        return datetime.combine(date.fromisoformat(text), time(9, 0)).astimezone().astimezone(UTC)
    moment = datetime.fromisoformat(text)
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(UTC)


NOW = _configured_now()
TODAY = NOW.astimezone().date()  # the user's calendar day at NOW, in the machine's zone
# Where the process clock stands during the tests: far from NOW (another year, weekday and
# time of day), so anything that reads datetime.now() or date.today() sees a different day.
PROCESS_CLOCK = NOW + timedelta(days=400, hours=7)


class FrozenClock:
    """A clock the test moves by hand (`clock.now = ...`)."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
