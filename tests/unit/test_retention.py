"""The automatic backups' schedule: daily for a week, weekly for two months, monthly for a year."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from upwardprep.store.retention import is_due, to_keep


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_forty_days_of_use_keep_the_expected_set() -> None:
    """A backup each morning and another each evening, from Monday 2 March to Friday 10 April."""
    first = date(2026, 3, 2)
    made = [
        (Path(f"{first + timedelta(days=n)}-{hour}"), _at(first + timedelta(days=n), hour))
        for n in range(40)
        for hour in (9, 18)
    ]
    kept = to_keep(made, _at(date(2026, 4, 10), 19))
    assert sorted(p.name for p in kept) == [
        "2026-03-08-18",  # weekly: the newest of each ISO week
        "2026-03-15-18",
        "2026-03-22-18",
        "2026-03-29-18",
        "2026-03-31-18",  # monthly: the newest of March
        "2026-04-04-18",  # daily: the newest of each of the last seven days
        "2026-04-05-18",
        "2026-04-06-18",
        "2026-04-07-18",
        "2026-04-08-18",
        "2026-04-09-18",
        "2026-04-10-18",
    ]


def test_a_year_and_beyond_and_backups_from_the_future() -> None:
    now = _at(date(2027, 6, 15), 12)
    made = [(Path(f"m{n}"), now - timedelta(days=30 * n)) for n in range(1, 16)]
    made.append((Path("ahead"), now + timedelta(days=3)))
    kept = {p.name for p in to_keep(made, now)}
    assert "ahead" in kept  # cannot be placed: never deleted
    assert "m1" in kept and "m12" in kept and "m13" not in kept and "m15" not in kept
    only_old = [(Path("old"), now - timedelta(days=900))]
    assert to_keep(only_old, now) == {Path("old")}  # the newest backup always stays


def test_once_a_day_at_most() -> None:
    now = _at(date(2026, 3, 2), 9)
    assert is_due(None, now)
    assert not is_due(now - timedelta(hours=8), now)  # 01:00 today
    assert is_due(now - timedelta(hours=10), now)  # 23:00 yesterday
    assert is_due(now + timedelta(days=5), now)  # stamped by a clock that was ahead
