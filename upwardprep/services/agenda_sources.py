"""What could go on the next 1:1's agenda, each candidate with a score, a time box and a topic.

The candidates, and roughly how much each matters (agenda_fit.py fits them to the meeting):

    Carried actions   open action items from earlier meetings with the person: overdue and
                      long-carried ones score high                                 "action"
    Carried over      talking points left unticked in the last 1:1 (×N)           "talking-point"
    Risks and asks    open risks (with an ask: higher, older: higher), and asks logged since
                      the last 1:1                                                 "risk" / "ask"
    Outcomes          since the last 1:1, one item per priority ("Churn: 3 wins, metric
                      58 → 84") with the notes as sub-points; notes serving no priority: one
                      item together                                                "outcomes"
    Confirm           the person's priorities not confirmed for N days            "priority"
    <template name>   the items of the meeting's template                         "template"

Whose material goes into whose agenda is services.concerns; private notes never go into one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, selectinload

from upwardprep.services.agenda_fit import Topic
from upwardprep.services.agenda_merge import (
    SECTION_ACTIONS,
    SECTION_CARRIED,
    SECTION_CONFIRM,
    SECTION_OUTCOMES,
    SECTION_RISKS,
    SOURCE_RANK,
    TEMPLATE_RANK,
    Draft,
)
from upwardprep.services.agenda_text import clip, outcome_list, times
from upwardprep.services.common import MAX_TITLE
from upwardprep.services.concerns import Audience, concerning
from upwardprep.services.meetings import IF_TIME_ALLOWS, live_copies
from upwardprep.services.priorities import _owner_order, stale_clause
from upwardprep.services.templates import parse_template
from upwardprep.store.entities import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    AgendaTemplate,
    Meeting,
    Outcome,
    OutcomeKind,
    Person,
    Priority,
    PriorityChange,
    Role,
)

# Read at most this many of each (the oldest open risks and asks, the latest outcomes): an
# agenda is one conversation, and what does not fit waits under "If time allows" anyway.
MAX_PER_SECTION = 12
MAX_OUTCOMES = 300
MAX_SECTION = 60
# Unticked items of these kinds come back as talking points: the others are drafted again from
# their source while it still applies (an open action, an open risk, a stale priority, the
# template), so carrying them as well would put their topic on the agenda twice.
CARRIED_SOURCES = (None, "talking-point", "outcomes", "outcome", "ask")
NOUNS = {
    OutcomeKind.WIN: ("win", "wins"),
    OutcomeKind.PROGRESS: ("update", "updates"),
    OutcomeKind.DECISION: ("decision", "decisions"),
    OutcomeKind.LEARNING: ("learning", "learnings"),
    OutcomeKind.FEEDBACK_RECEIVED: ("feedback", "feedback notes"),
    OutcomeKind.FEEDBACK_GIVEN: ("feedback", "feedback notes"),
}
# Words too common in agenda titles to say two items are about the same thing.
_COMMON = frozenset(
    [
        "about",
        "after",
        "again",
        "agree",
        "also",
        "approve",
        "before",
        "being",
        "between",
        "could",
        "decide",
        "decision",
        "draft",
        "each",
        "easy",
        "first",
        "follow",
        "from",
        "have",
        "into",
        "just",
        "last",
        "like",
        "make",
        "more",
        "need",
        "next",
        "only",
        "other",
        "over",
        "plan",
        "please",
        "review",
        "risk",
        "risks",
        "send",
        "should",
        "some",
        "still",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "update",
        "very",
        "wants",
        "week",
        "weeks",
        "what",
        "when",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


def names_in(text: str) -> frozenset[str]:
    """The words that say what an item is about ("load", "balancer", "licence")."""
    return frozenset(
        word
        for word in (w.casefold().strip("'-") for w in _WORD.findall(text))
        if len(word) >= 4 and word not in _COMMON
    )


@dataclass(frozen=True)
class Context:
    session: Session
    meeting: Meeting
    person: Person
    who: Audience
    last: Meeting | None  # the last held 1:1 with the person before this meeting
    since: date  # outcomes from this day on are new
    now: datetime
    today: date
    stale_days: int
    user_name: str  # how items name the user ("Owner: Alex Ørsted")

    def not_from_last(self) -> list[ColumnElement[bool]]:
        """Notes written in the last 1:1 were discussed there."""
        if self.last is None:
            return []
        return [(Outcome.meeting_id != self.last.id) | Outcome.meeting_id.is_(None)]


def _primary(priorities: Iterable[Priority]) -> Priority | None:
    live = [p for p in priorities if p.deleted_at is None]
    return min(live, key=_owner_order) if live else None


def actions(ctx: Context) -> Iterable[Draft]:
    """Open actions at the head of their chain from the person's meetings (those carried into
    this meeting included; those first written down in it are not carried)."""
    meeting = ctx.meeting
    query = (
        select(ActionItem, Meeting.scheduled_at)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(
            Meeting.person_id == meeting.person_id,
            Meeting.deleted_at.is_(None),
            ActionItem.deleted_at.is_(None),
            ActionItem.done_at.is_(None),
            ActionItem.id.not_in(live_copies()),
            Meeting.scheduled_at <= meeting.scheduled_at,
            (ActionItem.meeting_id != meeting.id) | (ActionItem.carry_count > 0),
        )
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.created_at)
    )
    people = select(Person.id, Person.name).where(Person.deleted_at.is_(None))
    names = {person_id: name for person_id, name in ctx.session.execute(people)}
    day = meeting.scheduled_at.astimezone().date()
    for item, held_on in ctx.session.execute(query):
        if item.owner == ActionOwner.ME:
            who = ctx.user_name
        elif item.owner == ActionOwner.THEM:
            who = ctx.person.name
        else:
            who = names.get(item.owner_person_id or "", "someone else")
        facts = [f"Owner: {who}"]
        overdue = item.due_on is not None and item.due_on < day
        if item.due_on:
            facts.append(f"due {item.due_on.isoformat()}" + (" (overdue)" if overdue else ""))
        if item.carry_count:
            facts.append(f"carried {times(item.carry_count)}")
        else:
            facts.append(f"from the meeting on {held_on.astimezone().date().isoformat()}")
        yield Draft(
            SECTION_ACTIONS,
            clip(item.title, MAX_TITLE),
            " · ".join(facts),
            2,
            "action",
            item.id,
            SOURCE_RANK["action"],
            score=45 + (30 if overdue else 0) + 8 * min(item.carry_count, 5),
            names=names_in(item.title),
            carry_count=item.carry_count,
        )


def talking_points(ctx: Context) -> Iterable[Draft]:
    """What the last 1:1 left unticked, carried into this one (the user can drop it)."""
    if ctx.last is None:
        return
    left = ctx.session.scalars(
        select(AgendaItem)
        .where(
            AgendaItem.meeting_id == ctx.last.id,
            AgendaItem.deleted_at.is_(None),
            AgendaItem.discussed.is_(False),
        )
        .order_by(AgendaItem.position)
    )
    for item in left:
        if item.source_type not in CARRIED_SOURCES:
            continue
        count = (item.carry_count if item.source_type == "talking-point" else 0) + 1
        priority = item.source_id if item.source_type == "outcomes" else None
        yield Draft(
            SECTION_CARRIED,
            item.title,
            item.body,
            item.time_box_minutes or 3,
            "talking-point",
            item.id,
            SOURCE_RANK["talking-point"],
            score=50 + 10 * min(count, 4),
            priority_id=priority if priority and priority != UNLINKED else None,
            names=names_in(item.title),
            carry_count=count,
        )


UNLINKED = "unlinked"  # the source id of the one item for outcomes serving no priority


def risks_and_asks(ctx: Context) -> Iterable[Draft]:
    where = concerning(ctx.who)
    risks = ctx.session.scalars(
        select(Outcome)
        .where(where, Outcome.kind == OutcomeKind.RISK.value, Outcome.resolved_on.is_(None))
        .options(selectinload(Outcome.priorities))
        .order_by(Outcome.occurred_on)
        .limit(MAX_PER_SECTION)
    )
    for risk in risks:
        body = [f"Open since {risk.occurred_on.isoformat()}."]
        ask = risk.ask.strip()
        if ask:
            body.append(f"**Ask:** {ask}")
        age = (ctx.today - risk.occurred_on).days
        primary = _primary(risk.priorities)
        yield Draft(
            SECTION_RISKS,
            clip(risk.title, MAX_TITLE),
            "\n\n".join(body),
            5 if ask else 3,
            "risk",
            risk.id,
            SOURCE_RANK["risk"],
            score=(85 if ask else 55) + min(max(age, 0), 60) / 6,
            priority_id=primary.id if primary else None,
            names=names_in(risk.title),
        )
    asks = ctx.session.scalars(
        select(Outcome)
        .where(
            where,
            Outcome.kind != OutcomeKind.RISK.value,
            Outcome.ask != "",
            Outcome.resolved_on.is_(None),
            Outcome.occurred_on >= ctx.since,
            *ctx.not_from_last(),
        )
        .options(selectinload(Outcome.priorities))
        .order_by(Outcome.occurred_on)
        .limit(MAX_PER_SECTION)
    )
    for note in asks:
        primary = _primary(note.priorities)
        yield Draft(
            SECTION_RISKS,
            clip(f"Ask: {note.ask.strip()}", MAX_TITLE),
            f"From “{note.title}” ({note.occurred_on.isoformat()}).",
            4,
            "ask",
            note.id,
            SOURCE_RANK["ask"],
            score=75,
            priority_id=primary.id if primary else None,
            names=names_in(note.ask),
        )


def _counts(notes: list[Outcome]) -> str:
    tally: dict[str, int] = {}
    for note in notes:
        one, many = NOUNS.get(note.kind, ("note", "notes"))  # type: ignore[call-overload]
        key = f"{one}|{many}"
        tally[key] = tally.get(key, 0) + 1
    parts = []
    for key, count in sorted(tally.items(), key=lambda pair: -pair[1]):
        one, many = key.split("|")
        parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if value != int(value) else str(int(value))


def _metric_change(ctx: Context, priority: Priority) -> str:
    """ "metric 58 → 84" when the priority's current value moved since the last 1:1."""
    first = ctx.session.scalar(
        select(PriorityChange.old_value)
        .where(
            PriorityChange.priority_id == priority.id,
            PriorityChange.field == "metric_current",
            PriorityChange.changed_at >= datetime.combine(ctx.since, time.min).astimezone(),
        )
        .order_by(PriorityChange.changed_at, PriorityChange.pk)
        .limit(1)
    )
    now = _number(priority.metric_current)
    if first is None or not now:
        return ""
    try:
        before = _number(float(first))
    except ValueError:
        return ""
    if before == now:
        return ""
    unit = f" {priority.metric_unit}" if priority.metric_unit else ""
    return f"metric {before} → {now}{unit}"


def outcomes(ctx: Context) -> Iterable[Draft]:
    """Outcomes since the last 1:1 (and those linked to this meeting), one item per priority."""
    newer: ColumnElement[bool] = and_(
        (Outcome.occurred_on >= ctx.since) | (Outcome.meeting_id == ctx.meeting.id),
        *ctx.not_from_last(),
    )
    notes = ctx.session.scalars(
        select(Outcome)
        .where(concerning(ctx.who), Outcome.kind != OutcomeKind.RISK.value, newer)
        .options(selectinload(Outcome.priorities))
        .order_by(Outcome.occurred_on.desc(), Outcome.pk.desc())
        .limit(MAX_OUTCOMES)
    ).all()[::-1]
    groups: dict[str, tuple[Priority, list[Outcome]]] = {}
    loose: list[Outcome] = []
    for note in notes:
        if note.ask.strip() and note.resolved_on is None:
            continue  # an open ask is an item of its own
        first = _primary(note.priorities)
        if first is None:
            loose.append(note)
        else:
            groups.setdefault(first.id, (first, []))[1].append(note)
    for priority, members in sorted(groups.values(), key=lambda g: _owner_order(g[0])):
        change = _metric_change(ctx, priority)
        summary = ", ".join(part for part in (_counts(members), change) if part)
        yield Draft(
            SECTION_OUTCOMES,
            clip(f"{priority.title}: {summary}", MAX_TITLE),
            outcome_list(members),
            3,
            "outcomes",
            priority.id,
            SOURCE_RANK["outcomes"],
            score=38 + min(len(members), 10) * 2 + (8 if change else 0),
            priority_id=priority.id,
            names=names_in(priority.title),
        )
    if loose:
        yield Draft(
            SECTION_OUTCOMES,
            f"Other outcomes: {_counts(loose)}",
            outcome_list(loose),
            2 if len(loose) == 1 else 3,
            "outcomes",
            UNLINKED,
            SOURCE_RANK["outcomes"],
            score=30 + min(len(loose), 10),
        )


def confirmations(ctx: Context) -> Iterable[Draft]:
    """The person's stale priorities; with a manager, the user's own ones as well."""
    owners = Priority.owner_id == ctx.person.id
    if ctx.person.role == Role.MANAGER.value:
        owners = owners | Priority.owner_id.is_(None)
    due = stale_clause(ctx.now, ctx.stale_days)
    stale = ctx.session.scalars(select(Priority).where(due, owners))
    for priority in sorted(stale.unique(), key=_owner_order):
        if priority.last_confirmed_at is not None:
            when = priority.last_confirmed_at.astimezone().date()
            days = (ctx.today - when).days
            body = f"Last confirmed {when.isoformat()}, {days} days ago."
        else:
            days = (ctx.today - priority.created_at.astimezone().date()).days
            body = "Never confirmed since it was added."
        if priority.measure.strip():
            body += f"\n\nMeasure: {clip(priority.measure, 300)}"
        yield Draft(
            SECTION_CONFIRM,
            clip(f"Confirm: {priority.title}", MAX_TITLE),
            body,
            2,
            "priority",
            priority.id,
            SOURCE_RANK["priority"],
            score=48 + min(max(days - ctx.stale_days, 0), 60) / 4,
            priority_id=priority.id,
            names=names_in(priority.title),
        )


def template_items(ctx: Context, filled: set[str]) -> Iterable[Draft]:
    """The template's items; a heading named like a section the draft fills ("Risks and
    asks", "Confirm") would be that section a second time, with its own time box."""
    if not ctx.meeting.template_id:
        return
    template = ctx.session.scalar(
        select(AgendaTemplate).where(
            AgendaTemplate.id == ctx.meeting.template_id, AgendaTemplate.deleted_at.is_(None)
        )
    )
    if template is None:
        return
    section = clip(template.name, MAX_SECTION)
    seen: set[str] = set()
    for position, item in enumerate(parse_template(template.body)):
        title = clip(item.title, MAX_TITLE)
        if title.casefold() in seen or title.casefold() in filled:
            continue  # a repeated heading would be the same item twice
        seen.add(title.casefold())
        yield Draft(
            section,
            title,
            item.body,
            item.minutes or 3,
            "template",
            template.id,
            TEMPLATE_RANK,
            score=56 - 3 * min(position, 10),
        )


def candidates(ctx: Context) -> list[Draft]:
    drafted = [
        *actions(ctx),
        *talking_points(ctx),
        *risks_and_asks(ctx),
        *outcomes(ctx),
        *confirmations(ctx),
    ]
    filled = {draft.section.casefold() for draft in drafted}
    return [*drafted, *template_items(ctx, filled)]


def item_topic(session: Session, item: AgendaItem) -> Topic:
    """What an item already on the agenda is about, for drafting nothing beside it."""
    minutes = 0 if item.section == IF_TIME_ALLOWS else item.time_box_minutes or 0
    if item.source_type == "template":
        return Topic(None, frozenset(), minutes)
    priority_id: str | None = None
    if item.source_type in ("outcomes", "priority") and item.source_id != UNLINKED:
        priority_id = item.source_id
    elif item.source_type in ("risk", "ask", "outcome") and item.source_id:
        note = session.scalar(
            select(Outcome)
            .where(Outcome.id == item.source_id)
            .options(selectinload(Outcome.priorities))
        )
        primary = _primary(note.priorities) if note is not None else None
        priority_id = primary.id if primary else None
    return Topic(priority_id, names_in(item.title), minutes)
