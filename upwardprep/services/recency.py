"""How a review period's notes are spread over it: the recency-bias figure, stated once.

The packet prints the neutral figure (what share of the notes falls in the last six weeks);
the advice to document the earlier months is for the author, so the app's review screen and
the CLI say it, never the document handed to the reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

RECENT_DAYS = 42  # "the last six weeks"


@dataclass(frozen=True)
class Recency:
    total: int  # notes in the period
    recent: int  # of those, in the last six weeks of it
    since: date  # the first day of those six weeks
    expected: float  # the share six weeks would hold if notes were spread evenly

    @property
    def share(self) -> float:
        return self.recent / self.total if self.total else 0.0

    @property
    def lopsided(self) -> bool:
        """More than half the notes in the last six weeks, and twice an even spread's share."""
        return self.total >= 4 and self.share > 0.5 and self.share >= 2 * self.expected

    def statement(self) -> str:
        """The neutral figure, for the document."""
        if not self.total:
            return "No outcomes documented in this period."
        return (
            f"{round(100 * self.share)} % of the documented outcomes ({self.recent:,} of "
            f"{self.total:,}) fall in the last six weeks of the period, from "
            f"{self.since.day} {self.since:%b %Y}; an even spread would put "
            f"{round(100 * self.expected)} % there."
        )

    def advice(self) -> str:
        """For the author only: what to do before the review ("" when the spread is fine)."""
        if not self.lopsided:
            return ""
        return (
            f"{round(100 * self.share)} % of this period's notes are from the last six weeks: "
            "add notes for the earlier months before the review, so the packet covers the whole "
            "period."
        )


def recency(dates: list[date], start: date, end: date) -> Recency:
    since = max(start, end - timedelta(days=RECENT_DAYS - 1))
    days = (end - start).days + 1
    return Recency(
        total=len(dates),
        recent=sum(1 for day in dates if day >= since),
        since=since,
        expected=min(1.0, ((end - since).days + 1) / days) if days > 0 else 1.0,
    )
