"""Which automatic backups to keep: one a day for a week, one a week for two months, one a month
for a year (the newest of each), like Time Machine or borg's prune.

A pure function of the backups' times and "now" (the app's clock), so a test can run forty days
of use in a second. Days, weeks and months are the UTC calendar's, as the backups' names are.
A backup stamped later than now (the clock was once ahead) cannot be placed and is kept; so is
the newest backup, always.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

DAILY_DAYS = 7
WEEKLY_DAYS = 61  # two months
MONTHLY_DAYS = 365


def _week(day: date) -> tuple[int, int]:
    year, week, _weekday = day.isocalendar()
    return year, week


def to_keep(backups: Sequence[tuple[Path, datetime]], now: datetime) -> set[Path]:
    """The backups the schedule keeps; every other one may go."""
    if not backups:
        return set()
    ordered = sorted(backups, key=lambda item: item[1], reverse=True)  # newest first
    keep = {ordered[0][0]}
    today = now.date()
    seen: dict[str, set[object]] = {"day": set(), "week": set(), "month": set()}
    for path, made in ordered:
        if made > now:
            keep.add(path)
            continue
        day = made.date()
        age = (today - day).days
        buckets = (
            ("day", day, age < DAILY_DAYS),
            ("week", _week(day), age < WEEKLY_DAYS),
            ("month", (day.year, day.month), age < MONTHLY_DAYS),
        )
        for name, bucket, within in buckets:
            if within and bucket not in seen[name]:
                seen[name].add(bucket)
                keep.add(path)
    return keep


def is_due(last: datetime | None, now: datetime) -> bool:
    """Once a day at most: due when no automatic backup was made today (by the same clock)."""
    return last is None or last.date() < now.date() or last > now + timedelta(days=1)
