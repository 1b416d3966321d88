"""Days as people type them: "fri", "next tue", "+3d", "tomorrow", "1 dec", "2026-12-04", "4/12".

A date field is filled in a hurry, so it takes what a person would write on a sticky note and
turns it into a day relative to the app's "today" (always passed in: the app's clock decides
what today is). Unreadable text raises ValidationError with a sentence that shows what works.

Why not a library: dateparser reads all of this, but costs ~0.8 s to import and ~1.4 s for its
first answer (language detection), and brings four dependencies; parsedatetime has not been
released since 2020. The forms the app needs fit in this module, and the GUI adds the user's
locale formats and month/day names (QLocale) on top.

Rules worth knowing:
- A weekday alone ("fri") is the next one after today (or, where the field looks back, such as
  an outcome's date, the last one before today); "this fri" is that day of this week (Monday
  first); "next fri" the one of next week, as lists say "next Fri"; "last fri" the one before
  today.
- A day and month without a year ("1 dec", "dec 1", "1/12") take the year that puts them
  nearest today, or the next/previous occurrence where the field looks ahead/back.
- Offsets: "+3d", "-2w", "+1m", "3 days", "in 2 weeks", "3 days ago", "+1y".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, timedelta
from enum import Enum

from upwardprep.services.common import ValidationError
from upwardprep.services.text_match import fold


class Lean(Enum):
    """Which way a field leans when the text leaves it open ("fri", "1 dec")."""

    NEAREST = "nearest"
    FUTURE = "future"  # due dates, meetings, period ends
    PAST = "past"  # when something happened


EXAMPLES = "“today”, “fri”, “next tue”, “+3d”, “1 dec” or “2026-12-04”"

WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WORDS = {
    "today": 0,
    "tod": 0,
    "now": 0,
    "tomorrow": 1,
    "tmr": 1,
    "tmrw": 1,
    "tom": 1,
    "yesterday": -1,
    "yday": -1,
}
UNITS = {
    "d": "d",
    "day": "d",
    "days": "d",
    "w": "w",
    "wk": "w",
    "wks": "w",
    "week": "w",
    "weeks": "w",
    "m": "m",
    "mo": "m",
    "mon": "m",
    "month": "m",
    "months": "m",
    "y": "y",
    "yr": "y",
    "yrs": "y",
    "year": "y",
    "years": "y",
}
MIN_NAME_PREFIX = 2  # "tu" is Tuesday, "t" is nothing

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_OFFSET = re.compile(r"^(?:in\s+)?([+-]?)\s*(\d{1,4})\s*([a-z]+)(?:\s+(ago|later|from now))?$")
_NUMERIC = re.compile(r"^(\d{1,4})[./-](\d{1,2})(?:[./-](\d{2,4}))?\.?$")
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)\b")


def _shift_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def _lookup(word: str, names: Mapping[str, int]) -> int | None:
    """The index a (possibly abbreviated) name stands for, when only one name starts so."""
    if word in names:
        return names[word]
    if len(word) < MIN_NAME_PREFIX:
        return None
    found = {index for name, index in names.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


class DayReader:
    """Reads typed days against a `today`; the GUI builds one with the locale's names added
    (folded: "mié", "déc.") and whether its short dates put the day first."""

    def __init__(
        self,
        *,
        day_first: bool = True,
        month_names: Mapping[str, int] | None = None,
        weekday_names: Mapping[str, int] | None = None,
    ) -> None:
        self.day_first = day_first
        self.months = {name: i + 1 for i, name in enumerate(MONTHS)}
        self.weekdays = {name: i for i, name in enumerate(WEEKDAYS)}
        for name, month in (month_names or {}).items():
            self.months.setdefault(fold(name).strip("."), month)
        for name, weekday in (weekday_names or {}).items():
            self.weekdays.setdefault(fold(name).strip("."), weekday)

    def read(self, text: str, today: date, lean: Lean = Lean.NEAREST) -> date | None:
        """The day `text` names; None for empty text (the field is cleared)."""
        words = " ".join(fold(text).replace(",", " ").split())
        if not words:
            return None
        for reader in (self._iso, self._word, self._offset, self._weekday, self._numeric):
            day = reader(words, today, lean)
            if day is not None:
                return day
        day = self._day_month(words, today, lean)
        if day is not None:
            return day
        raise ValidationError(f"“{text.strip()}” is not a date I can read; try {EXAMPLES}.")

    # -- the forms -------------------------------------------------------------------------

    @staticmethod
    def _valid(year: int, month: int, day: int, text: str) -> date:
        try:
            return date(year, month, day)
        except ValueError:
            raise ValidationError(f"“{text}” is not a day of the calendar.") from None

    def _iso(self, words: str, today: date, lean: Lean) -> date | None:
        found = _ISO.match(words)
        if found is None:
            return None
        year, month, day = (int(part) for part in found.groups())
        return self._valid(year, month, day, words)

    @staticmethod
    def _word(words: str, today: date, lean: Lean) -> date | None:
        if words in WORDS:
            return today + timedelta(days=WORDS[words])
        if words in ("next week", "in a week"):
            return today + timedelta(days=7)
        if words in ("next month", "in a month"):
            return _shift_months(today, 1)
        return None

    @staticmethod
    def _offset(words: str, today: date, lean: Lean) -> date | None:
        found = _OFFSET.match(words)
        if found is None:
            return None
        sign, count_text, unit_word, tail = found.groups()
        unit = UNITS.get(unit_word)
        if unit is None:
            return None
        count = int(count_text)
        if sign == "-" or tail == "ago":
            count = -count
        if unit == "d":
            return today + timedelta(days=count)
        if unit == "w":
            return today + timedelta(weeks=count)
        return _shift_months(today, count * (12 if unit == "y" else 1))

    def _weekday(self, words: str, today: date, lean: Lean) -> date | None:
        parts = words.split()
        qualifier = parts[0] if len(parts) == 2 else ""
        if len(parts) > 2 or qualifier not in ("", "next", "this", "last", "on"):
            return None
        weekday = _lookup(parts[-1].strip("."), self.weekdays)
        if weekday is None:
            return None
        monday = today - timedelta(days=today.weekday())
        if qualifier == "this":
            return monday + timedelta(days=weekday)
        if qualifier == "next":
            return monday + timedelta(days=7 + weekday)
        if qualifier == "last" or lean is Lean.PAST:
            return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)

    def _numeric(self, words: str, today: date, lean: Lean) -> date | None:
        found = _NUMERIC.match(words)
        if found is None:
            return None
        first, second, third = found.groups()
        if len(first) == 4:  # 2026/12/04
            if third is None:
                return None
            return self._valid(int(first), int(second), int(third), words)
        day, month = (int(first), int(second)) if self.day_first else (int(second), int(first))
        if third is None:
            return self._year_for(day, month, today, lean, words)
        year = int(third)
        if year < 100:
            year += 2000
        return self._valid(year, month, day, words)

    def _day_month(self, words: str, today: date, lean: Lean) -> date | None:
        """ "1 dec", "dec 1", "1 december 2026", "december 1st 2026", "1. dez." """
        parts = _ORDINAL.sub(r"\1", words).replace(".", " ").split()
        if parts and parts[0] == "on":
            parts = parts[1:]
        if len(parts) > 2 and _lookup(parts[0], self.weekdays) is not None:
            parts = parts[1:]  # "Fri 4 Dec 2026", as the field shows a day
        numbers = [p for p in parts if p.isdigit()]
        names = [p for p in parts if not p.isdigit()]
        if len(names) != 1 or not 1 <= len(numbers) <= 2 or len(parts) != len(numbers) + 1:
            return None
        month = _lookup(names[0], self.months)
        if month is None:
            return None
        day = int(numbers[0])
        if len(numbers) == 2:
            year = int(numbers[1])
            if year < 100:
                year += 2000
            return self._valid(year, month, day, words)
        return self._year_for(day, month, today, lean, words)

    def _year_for(self, day: int, month: int, today: date, lean: Lean, text: str) -> date:
        """The day and month in the year that fits the lean (Feb 29 skips to a leap year)."""
        candidates = []
        for year in range(today.year - 4, today.year + 5):
            try:
                candidates.append(date(year, month, day))
            except ValueError:
                continue
        if not candidates:
            raise ValidationError(f"“{text}” is not a day of the calendar.")
        if lean is Lean.FUTURE:
            return min((c for c in candidates if c >= today), default=candidates[-1])
        if lean is Lean.PAST:
            return max((c for c in candidates if c <= today), default=candidates[0])
        return min(candidates, key=lambda c: (abs((c - today).days), c < today))


ENGLISH = DayReader()


def read_day(text: str, today: date, lean: Lean = Lean.NEAREST) -> date | None:
    """`DayReader.read` with English names and day-first numbers (the CLI, tests)."""
    return ENGLISH.read(text, today, lean)
