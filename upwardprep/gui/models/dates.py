"""Dates as lists show them (relative, short) and as tooltips show them (absolute, long).

Lists answer "how recent?" at a glance, so nearby days are words ("yesterday", "in 2 days",
"next Tue") and older ones a short date; the exact date, in the user's locale, is one hover away.
`today` is always passed in, so a frozen clock gives stable text in tests.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, QTime

DAYS_IN_WORDS = 6  # up to this many days back a list says "N days ago"
MONTHS_AFTER_DAYS = 90  # an age above this many days is said in months


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def local_date(value: date | datetime) -> date:
    """The user's calendar day of a stored time (aware UTC) or a plain date."""
    if isinstance(value, datetime):
        return (value.astimezone() if value.tzinfo is not None else value).date()
    return value


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def relative_day(day: date, today: date, *, locale: QLocale | None = None) -> str:
    """A list's short date: "today", "3 days ago", "in 2 days", "next Tue", "12 Mar", "12 Mar 2025".

    Future days of this week count down ("in 2 days"); days of next week are named ("next Tue"),
    because a meeting is remembered by its weekday. Anything further away is a short date, with
    the year only when it is not this year.
    """
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    if -DAYS_IN_WORDS <= delta < 0:
        return f"{-delta} days ago"
    loc = _locale(locale)
    if delta > 1:
        week_start = today - timedelta(days=today.weekday())
        if day < week_start + timedelta(days=7):
            return f"in {delta} days"
        if day < week_start + timedelta(days=14):
            return f"next {loc.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)}"
    pattern = "d MMM" if day.year == today.year else "d MMM yyyy"
    return loc.toString(QDate(day.year, day.month, day.day), pattern)


def age(day: date | None, today: date) -> str:
    """How long ago, always as a span: "today", "yesterday", "34 days ago", "4 months ago",
    "never". For "last confirmed", where the distance matters more than the day."""
    if day is None:
        return "never"
    days = (today - day).days
    if days < 0:
        return "tomorrow" if days == -1 else f"in {-days} days"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days <= MONTHS_AFTER_DAYS:
        return f"{days} days ago"
    if days < 730:
        return f"{_plural(round(days / 30.44), 'month')} ago"
    return f"{_plural(days // 365, 'year')} ago"


def absolute(value: date | datetime | None, *, locale: QLocale | None = None) -> str:
    """The long, locale-aware form for tooltips: "Thursday, 12 March 2026" (plus the local time
    for a stored moment)."""
    if value is None:
        return ""
    loc = _locale(locale)
    if isinstance(value, datetime):
        moment = value.astimezone() if value.tzinfo is not None else value
        day = moment.date()
        text = loc.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        clock = loc.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
        return f"{text}, {clock}"
    return loc.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat)


def short(day: date, *, with_year: bool = True, locale: QLocale | None = None) -> str:
    """A compact absolute day: "12 Mar 2026" (or "12 Mar")."""
    pattern = "d MMM yyyy" if with_year else "d MMM"
    return _locale(locale).toString(QDate(day.year, day.month, day.day), pattern)
