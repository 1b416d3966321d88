"""The weekly update to the manager: what happened since the last 1:1, on one screen.

Outcomes since the last 1:1 with the person (or a given day), grouped by the priority they
served with the metric's change; open risks and asks; decisions (notes of that kind and those
recorded in the 1:1s of the period); and what the person owes (their open action items). The
notes are those that concern the person (services.concerns); private notes never.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from upwardprep.services.common import Clock, ValidationError, parse_date, system_clock
from upwardprep.services.concerns import audience, concerning
from upwardprep.services.labels import ActionOwner, MeetingStatus, OutcomeKind
from upwardprep.services.meetings import live_copies
from upwardprep.services.people import PeopleService, PersonData
from upwardprep.services.priorities import _owner_order
from upwardprep.services.settings import your_name_in
from upwardprep.store.engine import Store
from upwardprep.store.entities import (
    ActionItem,
    Meeting,
    Outcome,
    Priority,
    PriorityChange,
)

# One screen: so many of each at most (the rest is counted).
MAX_GROUPS = 4
MAX_NOTES = 3
MAX_LIST = 4
MAX_READ = 400  # notes read for the grouping; a week has far fewer
FIRST_LOOKBACK_DAYS = 7  # without an earlier 1:1


@dataclass(frozen=True)
class UpdateNote:
    title: str
    kind: str
    occurred_on: date
    metric_delta: str
    impact: str


@dataclass(frozen=True)
class UpdateGroup:
    title: str  # the priority ("Other outcomes" for notes serving none)
    metric: str  # "58 → 84 customers" when it moved, else where it stands, else ""
    notes: tuple[UpdateNote, ...]  # the newest few
    more: int  # notes not listed


@dataclass(frozen=True)
class OpenAsk:
    title: str
    ask: str
    since: date


@dataclass(frozen=True)
class Owed:
    title: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class WeeklyUpdate:
    person: PersonData
    user_name: str  # "" when the user has not said
    since: date
    until: date
    last_one_on_one: date | None  # what `since` came from, when it did
    groups: tuple[UpdateGroup, ...]
    more_groups: int
    risks: tuple[OpenAsk, ...]
    more_risks: int
    decisions: tuple[str, ...]
    owed: tuple[Owed, ...]
    more_owed: int

    @property
    def period(self) -> str:
        """ "17–23 Nov 2026", "28 Oct – 3 Nov 2026"."""
        a, b = self.since, self.until
        if a.year != b.year:
            return f"{a.day} {a:%b %Y} – {b.day} {b:%b %Y}"
        if a.month != b.month:
            return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
        return f"{a.day}–{b.day} {b:%b %Y}" if a != b else f"{b.day} {b:%b %Y}"

    @property
    def subject(self) -> str:
        return f"Update for {self.person.name}: {self.period}"

    @property
    def is_empty(self) -> bool:
        return not (self.groups or self.risks or self.decisions or self.owed)


def decision_lines(text: str) -> tuple[str, ...]:
    """Decisions written in a meeting, one per line: list markers and blank lines dropped."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip().lstrip("-*+").strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
    return tuple(lines)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


class UpdateService:
    def __init__(
        self, store: Store, *, clock: Clock = system_clock, people: PeopleService | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.people = people or PeopleService(store, clock=clock)

    def weekly(self, person_id: str, *, since: date | str | None = None) -> WeeklyUpdate:
        person = self.people.get(person_id)
        if person.deleted_at is not None:
            raise ValidationError(f"{person.name} is in the Trash; restore them first.")
        until = self.clock().astimezone().date()
        start = parse_date(since, what="--since date")
        if start is not None and start > until:
            raise ValidationError(f"{start.isoformat()} is after today; give an earlier date.")
        with self.store.transaction(write=False) as session:
            held = session.scalar(
                select(func.max(Meeting.scheduled_at)).where(
                    Meeting.person_id == person.id,
                    Meeting.status == MeetingStatus.HELD.value,
                    Meeting.deleted_at.is_(None),
                )
            )
            last = held.astimezone().date() if held else None
            start = start or last or until - timedelta(days=FIRST_LOOKBACK_DAYS)
            about = concerning(audience(session, person.id))
            period: list[ColumnElement[bool]] = [
                Outcome.occurred_on >= start,
                Outcome.occurred_on <= until,
            ]
            notes = session.scalars(
                select(Outcome)
                .where(about, *period, Outcome.kind != OutcomeKind.RISK.value)
                .options(selectinload(Outcome.priorities))
                .order_by(Outcome.occurred_on.desc(), Outcome.pk.desc())
                .limit(MAX_READ)
            ).all()
            groups: dict[str | None, tuple[Priority | None, list[Outcome]]] = {}
            decided: list[str] = []
            for note in notes:
                if note.kind == OutcomeKind.DECISION:
                    decided.append(note.title)
                    continue
                live = [p for p in note.priorities if p.deleted_at is None]
                # Under the priority the user marked as its primary (as the review packet
                # files it), else the first it serves.
                marked = [p for p in live if p.id == note.primary_priority_id]
                first = marked[0] if marked else min(live, key=_owner_order) if live else None
                groups.setdefault(first.id if first else None, (first, []))[1].append(note)
            ordered = sorted(
                groups.values(),
                key=lambda g: (g[0] is None, _owner_order(g[0]) if g[0] else ()),
            )
            built = [self._group(session, p, members, start) for p, members in ordered]
            for meeting_decisions in session.scalars(
                select(Meeting.decisions).where(
                    Meeting.person_id == person.id,
                    Meeting.status == MeetingStatus.HELD.value,
                    Meeting.deleted_at.is_(None),
                    Meeting.scheduled_at >= datetime.combine(start, time.min).astimezone(),
                )
            ):
                decided.extend(decision_lines(meeting_decisions))
            risks = session.scalars(
                select(Outcome)
                .where(about, Outcome.kind == OutcomeKind.RISK.value, Outcome.resolved_on.is_(None))
                .order_by(Outcome.ask == "", Outcome.occurred_on)
            ).all()
            owed = self._owed(session, person.id, until)
            user_name = your_name_in(session)
        return WeeklyUpdate(
            person=person,
            user_name=user_name,
            since=start,
            until=until,
            last_one_on_one=last,
            groups=tuple(built[:MAX_GROUPS]),
            more_groups=max(0, len(built) - MAX_GROUPS),
            risks=tuple(OpenAsk(r.title, r.ask, r.occurred_on) for r in risks[:MAX_LIST]),
            more_risks=max(0, len(risks) - MAX_LIST),
            decisions=tuple(dict.fromkeys(decided))[:MAX_LIST],
            owed=tuple(owed[:MAX_LIST]),
            more_owed=max(0, len(owed) - MAX_LIST),
        )

    def _group(
        self, session: Session, priority: Priority | None, notes: list[Outcome], start: date
    ) -> UpdateGroup:
        shown = tuple(
            UpdateNote(n.title, n.kind, n.occurred_on, n.metric_delta.strip(), n.impact.strip())
            for n in notes[:MAX_NOTES]
        )
        if priority is None:
            return UpdateGroup("Other outcomes", "", shown, len(notes) - len(shown))
        return UpdateGroup(
            priority.title, self._metric(session, priority, start), shown, len(notes) - len(shown)
        )

    @staticmethod
    def _metric(session: Session, priority: Priority, start: date) -> str:
        if priority.metric_current is None:
            return ""
        unit = f" {priority.metric_unit}" if priority.metric_unit else ""
        now = _number(priority.metric_current)
        first = session.scalar(
            select(PriorityChange.old_value)
            .where(
                PriorityChange.priority_id == priority.id,
                PriorityChange.field == "metric_current",
                PriorityChange.changed_at >= datetime.combine(start, time.min).astimezone(),
            )
            .order_by(PriorityChange.changed_at, PriorityChange.pk)
            .limit(1)
        )
        try:
            before = _number(float(first)) if first is not None else None
        except ValueError:
            before = None
        if before is not None and before != now:
            return f"{before} → {now}{unit}"
        if priority.metric_target:
            return f"{now} of {_number(priority.metric_target)}{unit}"
        return f"{now}{unit}"

    @staticmethod
    def _owed(session: Session, person_id: str, today: date) -> list[Owed]:
        """Open action items the person owns, at the head of their carry-over chain."""
        rows = session.scalars(
            select(ActionItem)
            .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
            .where(
                ActionItem.done_at.is_(None),
                ActionItem.deleted_at.is_(None),
                Meeting.deleted_at.is_(None),
                ActionItem.id.not_in(live_copies()),
                ((ActionItem.owner == ActionOwner.THEM.value) & (Meeting.person_id == person_id))
                | (
                    (ActionItem.owner == ActionOwner.PERSON.value)
                    & (ActionItem.owner_person_id == person_id)
                ),
            )
            .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
        ).all()
        return [Owed(a.title, a.due_on, a.due_on is not None and a.due_on < today) for a in rows]
