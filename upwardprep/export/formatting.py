"""How documents write dates, figures, progress and outcome notes: shared by every document.

The facts come from the services (upwardprep.services.document_facts); this only words them.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from upwardprep.export import model as m
from upwardprep.services.document_facts import PriorityFact
from upwardprep.services.labels import (
    OUTCOME_KIND_LABELS,
    PRIORITY_STATUS_LABELS,
    label_of,
    meeting_kind_noun,
)
from upwardprep.services.meetings import MeetingData
from upwardprep.services.outcomes import OutcomeData


def day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def short_day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def local(value: datetime) -> datetime:
    return value.astimezone()


def number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def kind_label(kind: str) -> str:
    return label_of(OUTCOME_KIND_LABELS, kind)


def status_label(status: str) -> str:
    return label_of(PRIORITY_STATUS_LABELS, status)


def percent(fraction: float) -> int:
    """Whole per cent, never rounded up to 100 while the target is not met (99.94 of 99.95
    is 99 %, not 100 %)."""
    return 100 if fraction >= 1 else min(99, math.floor(fraction * 100))


def progress_of(fact: PriorityFact, you: str) -> m.Progress:
    """`you`: how the document names the user, the owner of their own priorities."""
    priority = fact.priority
    fraction = priority.progress
    if priority.metric_target:
        current = priority.metric_current or 0
        unit = f" {priority.metric_unit}" if priority.metric_unit else ""
        target = number(priority.metric_target)
        figure = f"{percent(fraction or 0)} % · {number(current)}/{target}{unit}"
    else:
        figure = "no target set"
    if fact.confirmed_on is None:
        confirmed = "never confirmed"
    else:
        confirmed = f"confirmed {short_day(fact.confirmed_on)}" + (
            f" · {fact.days_unconfirmed} days ago" if fact.stale else ""
        )
    return m.Progress(
        title=priority.title,
        status=priority.status,
        fraction=fraction,
        figure=figure,
        confirmed=confirmed,
        owner=fact.owner or you,
        status_label=status_label(priority.status),
    )


def outcome_meta(outcome: OutcomeData, people: dict[str, str]) -> str:
    parts = [short_day(outcome.occurred_on), kind_label(outcome.kind)]
    if outcome.metric_delta:
        parts.append(outcome.metric_delta)
    if outcome.person_id and outcome.person_id in people:
        parts.append(people[outcome.person_id])
    if outcome.priority_titles:
        parts.append("→ " + "; ".join(outcome.priority_titles))
    if outcome.private:
        parts.append("private")
    return " · ".join(parts)


def entry(outcome: OutcomeData, people: dict[str, str], *, full: bool = True) -> m.Entry:
    return m.Entry(
        title=outcome.title,
        meta=outcome_meta(outcome, people),
        body=outcome.body if full else "",
        impact=outcome.impact,
        ask=outcome.ask,
        evidence_url=outcome.evidence_url,
        private=outcome.private,
    )


def kind_and_title(meeting: MeetingData) -> str:
    """ "1:1", or "Alignment check · Q3 planning" when the title says more than the kind."""
    kind = meeting_kind_noun(meeting.kind)
    titled = meeting.title and not meeting.title.casefold().startswith(kind.casefold())
    return kind + (f" · {meeting.title}" if titled else "")
